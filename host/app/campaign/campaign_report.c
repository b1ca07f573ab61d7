/* The campaign report (campaign_report.h): runs.csv and history.csv read strictly, the
 * statistics of every case and variant, the ranking, and the Markdown files. */
#define _POSIX_C_SOURCE 200809L /* getline, strdup */
#include "campaign/campaign_report.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/fs.h"
#include "output/stage.h"
#include "plot/plot.h"
#include "shpfit/status.h"

/* ------------------------------------------------------------ CSV lines */

/* Split line (no newline) into fields in place at commas; a field in double quotes may
 * hold commas and "" for a quote. Returns the field count, or −1 for an unterminated
 * quote. fields grows as needed (*cap its size); −2 when out of memory. */
static int split_fields(char *line, char ***fields, int *cap)
{
    int n = 0;
    char *s = line;
    for (;;) {
        if (n == *cap) {
            const int c = *cap ? 2 * *cap : 32;
            char **f = realloc(*fields, (size_t)c * sizeof *f);
            if (!f) return -2;
            *fields = f;
            *cap = c;
        }
        if (*s == '"') {
            char *out = s, *in = s + 1;
            (*fields)[n++] = out;
            for (;;) {
                if (!*in) return -1;
                if (*in == '"') {
                    if (in[1] == '"') {
                        *out++ = '"';
                        in += 2;
                        continue;
                    }
                    ++in;
                    break;
                }
                *out++ = *in++;
            }
            *out = '\0';
            if (*in == ',') {
                s = in + 1;
                continue;
            }
            if (*in) return -1; /* text after the closing quote */
            return n;
        }
        (*fields)[n++] = s;
        char *c = strchr(s, ',');
        if (!c) return n;
        *c = '\0';
        s = c + 1;
    }
}

/* Remove the line end; 1 when the line is blank or a '#' comment. */
static int chomp_skip(char *line)
{
    size_t n = strlen(line);
    while (n && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = '\0';
    const char *p = line;
    while (*p == ' ' || *p == '\t') ++p;
    return *p == '\0' || *p == '#';
}

/* ------------------------------------------------------------ field parsing */

typedef struct {
    const char *file; /* "DIR/runs.csv" */
    int line;
    char *err;
    size_t len;
} where;

static int bad(const where *w, const char *fmt, const char *col, const char *val)
{
    char what[400];
    snprintf(what, sizeof what, fmt, col, val);
    snprintf(w->err, w->len, "%s: line %d: %s", w->file, w->line, what);
    return SHP_ERR_CONFIG;
}

/* A number: the whole field. empty_ok: "" gives NAN. */
static int get_number(const where *w, const char *col, const char *s, int empty_ok, double *v)
{
    if (!*s) {
        if (empty_ok) {
            *v = NAN;
            return SHP_OK;
        }
        return bad(w, "%s is empty%s", col, "");
    }
    char *end;
    errno = 0;
    *v = strtod(s, &end);
    if (end == s || *end || isnan(*v)) return bad(w, "%s \"%.200s\" is not a number", col, s);
    return SHP_OK;
}

static int get_finite(const where *w, const char *col, const char *s, int empty_ok, double lo, double *v)
{
    int rc = get_number(w, col, s, empty_ok, v);
    if (rc != SHP_OK || isnan(*v)) return rc;
    if (!isfinite(*v) || *v < lo) {
        char why[64];
        snprintf(why, sizeof why, "%%s \"%%.200s\" is not a finite number%s", lo == 0.0 ? " >= 0" : "");
        return bad(w, why, col, s);
    }
    return SHP_OK;
}

static int get_integer(const where *w, const char *col, const char *s, long lo, long *v)
{
    char *end;
    errno = 0;
    *v = strtol(s, &end, 10);
    if (!*s || end == s || *end || errno == ERANGE || *v < lo)
        return bad(w, lo == 0 ? "%s \"%.200s\" is not a whole number >= 0" : "%s \"%.200s\" is not a whole number",
                   col, s);
    return SHP_OK;
}

/* A `name=value;…` field: checked only. */
static int check_kv(const where *w, const char *col, const char *s)
{
    int items = 1;
    for (const char *p = s; *p; ++p) items += *p == ';';
    shp_stat_kv *kv = malloc((size_t)items * sizeof *kv);
    if (!kv) {
        snprintf(w->err, w->len, "out of memory");
        return SHP_ERR_NOMEM;
    }
    int n;
    char why[256];
    const int rc = shp_stat_kv_parse(s, kv, items, &n, why, sizeof why);
    free(kv);
    if (rc != SHP_OK) return bad(w, "%s: %s", col, why);
    return SHP_OK;
}

/* ------------------------------------------------------------ header */

static const char *const run_cols[] = {"case",
                                       "variant",
                                       "seed",
                                       "algorithm",
                                       "evaluations",
                                       "wall_s",
                                       "success",
                                       "evals_to_target",
                                       "wall_to_target_s",
                                       "stop_reason",
                                       "failed_columns",
                                       "best_sum",
                                       "hypervolume",
                                       "curve_rmse_retention",
                                       "curve_rmse_conductivity",
                                       "objectives",
                                       "parameters"};
enum {
    RC_CASE,
    RC_VARIANT,
    RC_SEED,
    RC_ALGORITHM,
    RC_EVALUATIONS,
    RC_WALL,
    RC_SUCCESS,
    RC_EVALS_TT,
    RC_WALL_TT,
    RC_STOP,
    RC_FAILED,
    RC_BEST,
    RC_HV,
    RC_RMSE_RET,
    RC_RMSE_COND,
    RC_OBJ,
    RC_PAR,
    N_RUN_COLS
};

static const char *const hist_cols[] = {"case", "variant", "seed", "generation", "evaluations", "best_sum"};
enum { HC_CASE, HC_VARIANT, HC_SEED, HC_GEN, HC_EVALS, HC_BEST, N_HIST_COLS };

/* Map the required columns to their positions in the header. */
static int map_header(const where *w, char **field, int nf, const char *const *want, int n_want, int *pos)
{
    for (int k = 0; k < n_want; ++k) {
        pos[k] = -1;
        for (int i = 0; i < nf && pos[k] < 0; ++i)
            if (!strcmp(field[i], want[k])) pos[k] = i;
        if (pos[k] < 0) return bad(w, "the header has no column \"%s\"%s", want[k], "");
    }
    return SHP_OK;
}

/* ------------------------------------------------------------ run index (hash) */

typedef struct {
    int *slot; /* run index + 1, 0 = empty */
    size_t cap;
} run_index;

static uint64_t key_hash(const char *c, const char *v, long seed)
{
    uint64_t h = 1469598103934665603ull;
    for (const char *p = c; *p; ++p) h = (h ^ (unsigned char)*p) * 1099511628211ull;
    h = (h ^ 0x1f) * 1099511628211ull;
    for (const char *p = v; *p; ++p) h = (h ^ (unsigned char)*p) * 1099511628211ull;
    h = (h ^ 0x1f) * 1099511628211ull;
    return (h ^ (uint64_t)seed) * 1099511628211ull;
}

/* The run of (c, v, seed), or −1; with insert ≥ 0 record that index when absent. */
static int index_find(run_index *ix, const shp_cr_run *runs, const char *c, const char *v, long seed)
{
    if (!ix->cap) return -1;
    for (size_t i = key_hash(c, v, seed) & (ix->cap - 1);; i = (i + 1) & (ix->cap - 1)) {
        const int s = ix->slot[i];
        if (!s) return -1;
        const shp_cr_run *r = &runs[s - 1];
        if (r->seed == seed && !strcmp(r->case_name, c) && !strcmp(r->variant, v)) return s - 1;
    }
}

static int index_add(run_index *ix, const shp_cr_run *runs, int n_runs, int k)
{
    if ((size_t)(n_runs + 1) * 2 > ix->cap) { /* grow and rehash runs 0 … n_runs−1 */
        const size_t cap = ix->cap ? 2 * ix->cap : 256;
        int *slot = calloc(cap, sizeof *slot);
        if (!slot) return SHP_ERR_NOMEM;
        free(ix->slot);
        ix->slot = slot;
        ix->cap = cap;
        for (int j = 0; j < n_runs; ++j)
            if (j != k) index_add(ix, runs, 0, j);
    }
    const shp_cr_run *r = &runs[k];
    size_t i = key_hash(r->case_name, r->variant, r->seed) & (ix->cap - 1);
    while (ix->slot[i]) i = (i + 1) & (ix->cap - 1);
    ix->slot[i] = k + 1;
    return SHP_OK;
}

/* ------------------------------------------------------------ runs.csv */

static void run_free(shp_cr_run *r)
{
    free(r->case_name);
    free(r->variant);
    free(r->algorithm);
    free(r->stop_reason);
    free(r->objectives);
    free(r->parameters);
    free(r->hist_evals);
    free(r->hist_best);
    memset(r, 0, sizeof *r);
}

static int parse_run(const where *w, char **f, const int *pos, shp_cr_run *r)
{
    memset(r, 0, sizeof *r);
    const char *s;
    int rc;
    for (int k = 0; k < N_RUN_COLS; ++k) {
        s = f[pos[k]];
        if ((k == RC_CASE || k == RC_VARIANT || k == RC_ALGORITHM || k == RC_STOP) && !*s)
            return bad(w, "%s is empty%s", run_cols[k], "");
    }
    if ((rc = get_integer(w, "seed", f[pos[RC_SEED]], LONG_MIN, &r->seed)) != SHP_OK) return rc;
    if ((rc = get_finite(w, "evaluations", f[pos[RC_EVALUATIONS]], 0, 0.0, &r->evaluations)) != SHP_OK) return rc;
    if ((rc = get_finite(w, "wall_s", f[pos[RC_WALL]], 0, 0.0, &r->wall_s)) != SHP_OK) return rc;
    s = f[pos[RC_SUCCESS]];
    if (strcmp(s, "0") && strcmp(s, "1")) return bad(w, "%s \"%.200s\" is not 0 or 1", "success", s);
    r->success = s[0] == '1';
    if ((rc = get_finite(w, "evals_to_target", f[pos[RC_EVALS_TT]], 1, 0.0, &r->evals_to_target)) != SHP_OK)
        return rc;
    if ((rc = get_finite(w, "wall_to_target_s", f[pos[RC_WALL_TT]], 1, 0.0, &r->wall_to_target_s)) != SHP_OK)
        return rc;
    if (r->success && (isnan(r->evals_to_target) || isnan(r->wall_to_target_s)))
        return bad(w, "success is 1 but %s is empty%s",
                   isnan(r->evals_to_target) ? "evals_to_target" : "wall_to_target_s", "");
    if (!r->success && (!isnan(r->evals_to_target) || !isnan(r->wall_to_target_s)))
        return bad(w, "success is 0 but %s is given%s",
                   !isnan(r->evals_to_target) ? "evals_to_target" : "wall_to_target_s", "");
    if ((rc = get_integer(w, "failed_columns", f[pos[RC_FAILED]], 0, &r->failed_columns)) != SHP_OK) return rc;
    if ((rc = get_number(w, "best_sum", f[pos[RC_BEST]], 1, &r->best_sum)) != SHP_OK) return rc;
    if (isnan(r->best_sum)) r->best_sum = INFINITY; /* empty: no candidate could be scored */
    if (r->best_sum < 0.0) return bad(w, "%s \"%.200s\" is negative", "best_sum", f[pos[RC_BEST]]);
    if ((rc = get_finite(w, "hypervolume", f[pos[RC_HV]], 1, -HUGE_VAL, &r->hypervolume)) != SHP_OK) return rc;
    if ((rc = get_finite(w, "curve_rmse_retention", f[pos[RC_RMSE_RET]], 1, 0.0, &r->rmse_retention)) != SHP_OK)
        return rc;
    if ((rc = get_finite(w, "curve_rmse_conductivity", f[pos[RC_RMSE_COND]], 1, 0.0, &r->rmse_conductivity)) !=
        SHP_OK)
        return rc;
    if ((rc = check_kv(w, "objectives", f[pos[RC_OBJ]])) != SHP_OK) return rc;
    if ((rc = check_kv(w, "parameters", f[pos[RC_PAR]])) != SHP_OK) return rc;
    r->case_name = strdup(f[pos[RC_CASE]]);
    r->variant = strdup(f[pos[RC_VARIANT]]);
    r->algorithm = strdup(f[pos[RC_ALGORITHM]]);
    r->stop_reason = strdup(f[pos[RC_STOP]]);
    r->objectives = strdup(f[pos[RC_OBJ]]);
    r->parameters = strdup(f[pos[RC_PAR]]);
    r->line = w->line;
    if (!r->case_name || !r->variant || !r->algorithm || !r->stop_reason || !r->objectives || !r->parameters) {
        run_free(r);
        snprintf(w->err, w->len, "out of memory");
        return SHP_ERR_NOMEM;
    }
    return SHP_OK;
}

/* Reader state shared by both files. */
typedef struct {
    char *line;
    size_t line_cap;
    char **field;
    int field_cap;
    run_index ix;
    int *last_gen; /* per run: generation of its last history row */
} reader;

static void reader_free(reader *rd)
{
    free(rd->line);
    free(rd->field);
    free(rd->ix.slot);
    free(rd->last_gen);
}

/* The next content line of f split into fields: its field count, 0 at the end, < 0 on an
 * error (message set). */
static int next_row(reader *rd, FILE *f, where *w)
{
    for (;;) {
        errno = 0;
        if (getline(&rd->line, &rd->line_cap, f) < 0) {
            if (ferror(f)) {
                snprintf(w->err, w->len, "%s: read error: %s", w->file, strerror(errno));
                return SHP_ERR_IO;
            }
            return 0;
        }
        ++w->line;
        if (chomp_skip(rd->line)) continue;
        const int nf = split_fields(rd->line, &rd->field, &rd->field_cap);
        if (nf == -2) {
            snprintf(w->err, w->len, "out of memory");
            return SHP_ERR_NOMEM;
        }
        if (nf < 0) return bad(w, "unterminated quoted field%s%s", "", "");
        return nf;
    }
}

/* The next data row of a table whose first row is its header: maps the header's
 * columns into pos (once, *header_n = its field count) and checks every row's field
 * count against it. > 0: fields of a data row; 0: end of file; < 0: an error. */
static int next_data_row(reader *rd, FILE *f, where *w, const char *const *cols, int n_cols,
                         int *pos, int *header_n)
{
    int nf;
    while ((nf = next_row(rd, f, w)) > 0) {
        if (!*header_n) {
            const int rc = map_header(w, rd->field, nf, cols, n_cols, pos);
            if (rc != SHP_OK) return rc < 0 ? rc : -rc;
            *header_n = nf;
            continue;
        }
        if (nf != *header_n) {
            char why[96];
            snprintf(why, sizeof why, "%d fields, the header has %d", nf, *header_n);
            const int rc = bad(w, "%s%s", why, "");
            return rc < 0 ? rc : -rc;
        }
        return nf;
    }
    return nf;
}

static int read_runs(const char *dir, shp_cr_data *d, reader *rd, char *err, size_t len)
{
    char path[SHP_PATH_MAX];
    if (shp_path_join(path, sizeof path, dir, "runs.csv") != 0) return shp_path_too_long(dir, "runs.csv", err, len);
    FILE *f = fopen(path, "r");
    if (!f) {
        snprintf(err, len, "%s: cannot read: %s", path, strerror(errno));
        return SHP_ERR_IO;
    }
    where w = {path, 0, err, len};
    int pos[N_RUN_COLS], header_n = 0, cap = 0, rc = SHP_OK, nf;
    while ((nf = next_data_row(rd, f, &w, run_cols, N_RUN_COLS, pos, &header_n)) > 0) {
        shp_cr_run r;
        if ((rc = parse_run(&w, rd->field, pos, &r)) != SHP_OK) break;
        const int k = index_find(&rd->ix, d->run, r.case_name, r.variant, r.seed);
        if (k >= 0) { /* a later row of the same run replaces it (resumed campaign) */
            run_free(&d->run[k]);
            d->run[k] = r;
            ++d->duplicates;
            continue;
        }
        if (d->n_runs == cap) {
            cap = cap ? 2 * cap : 64;
            shp_cr_run *nr = realloc(d->run, (size_t)cap * sizeof *nr);
            if (!nr) {
                run_free(&r);
                snprintf(err, len, "out of memory");
                rc = SHP_ERR_NOMEM;
                break;
            }
            d->run = nr;
        }
        d->run[d->n_runs] = r;
        if (index_add(&rd->ix, d->run, d->n_runs + 1, d->n_runs) != SHP_OK) {
            run_free(&r);
            snprintf(err, len, "out of memory");
            rc = SHP_ERR_NOMEM;
            break;
        }
        ++d->n_runs;
    }
    if (nf < 0) rc = nf;
    if (rc == SHP_OK && !header_n) {
        snprintf(err, len, "%s: no header line", path);
        rc = SHP_ERR_CONFIG;
    }
    fclose(f);
    return rc;
}

/* ------------------------------------------------------------ history.csv */

static int hist_push(shp_cr_run *r, int *cap, double e, double b)
{
    if (r->n_hist == *cap) {
        const int c = *cap ? 2 * *cap : 64;
        double *ne = realloc(r->hist_evals, (size_t)c * sizeof *ne);
        if (!ne) return SHP_ERR_NOMEM;
        r->hist_evals = ne;
        double *nb = realloc(r->hist_best, (size_t)c * sizeof *nb);
        if (!nb) return SHP_ERR_NOMEM;
        r->hist_best = nb;
        *cap = c;
    }
    r->hist_evals[r->n_hist] = e;
    r->hist_best[r->n_hist] = b;
    ++r->n_hist;
    return SHP_OK;
}

static int read_history(const char *dir, shp_cr_data *d, reader *rd, char *err, size_t len)
{
    char path[SHP_PATH_MAX];
    if (shp_path_join(path, sizeof path, dir, "history.csv") != 0) return shp_path_too_long(dir, "history.csv", err, len);
    FILE *f = fopen(path, "r");
    if (!f) {
        if (errno == ENOENT) return SHP_OK; /* reported as missing */
        snprintf(err, len, "%s: cannot read: %s", path, strerror(errno));
        return SHP_ERR_IO;
    }
    d->have_history = 1;
    int *hcap = calloc((size_t)(d->n_runs > 0 ? d->n_runs : 1), sizeof *hcap);
    rd->last_gen = calloc((size_t)(d->n_runs > 0 ? d->n_runs : 1), sizeof *rd->last_gen);
    if (!hcap || !rd->last_gen) {
        free(hcap);
        fclose(f);
        snprintf(err, len, "out of memory");
        return SHP_ERR_NOMEM;
    }
    where w = {path, 0, err, len};
    int pos[N_HIST_COLS], header_n = 0, rc = SHP_OK, nf;
    while ((nf = next_data_row(rd, f, &w, hist_cols, N_HIST_COLS, pos, &header_n)) > 0) {
        char **fl = rd->field;
        long seed, gen;
        double e, b;
        if (!*fl[pos[HC_CASE]] || !*fl[pos[HC_VARIANT]]) {
            rc = bad(&w, "%s is empty%s", *fl[pos[HC_CASE]] ? "variant" : "case", "");
            break;
        }
        if ((rc = get_integer(&w, "seed", fl[pos[HC_SEED]], LONG_MIN, &seed)) != SHP_OK) break;
        if ((rc = get_integer(&w, "generation", fl[pos[HC_GEN]], 0, &gen)) != SHP_OK) break;
        if ((rc = get_finite(&w, "evaluations", fl[pos[HC_EVALS]], 0, 0.0, &e)) != SHP_OK) break;
        if ((rc = get_number(&w, "best_sum", fl[pos[HC_BEST]], 1, &b)) != SHP_OK) break;
        if (isnan(b)) b = INFINITY; /* empty: nothing scored yet */
        ++d->history_rows;
        const int k = index_find(&rd->ix, d->run, fl[pos[HC_CASE]], fl[pos[HC_VARIANT]], seed);
        if (k < 0) continue; /* a run that did not finish */
        shp_cr_run *r = &d->run[k];
        if (r->n_hist > 0 && (gen <= rd->last_gen[k] || e < r->hist_evals[r->n_hist - 1]))
            r->n_hist = 0; /* the run was done again: keep its last sequence */
        rd->last_gen[k] = (int)(gen < INT32_MAX ? gen : INT32_MAX);
        if (hist_push(r, &hcap[k], e, b) != SHP_OK) {
            snprintf(err, len, "out of memory");
            rc = SHP_ERR_NOMEM;
            break;
        }
    }
    if (nf < 0) rc = nf;
    if (rc == SHP_OK && !header_n) {
        snprintf(err, len, "%s: no header line", path);
        rc = SHP_ERR_CONFIG;
    }
    free(hcap);
    fclose(f);
    return rc;
}

void shp_cr_free(shp_cr_data *d)
{
    for (int i = 0; i < d->n_runs; ++i) run_free(&d->run[i]);
    free(d->run);
    for (int c = 0; c < d->n_cases; ++c) {
        shp_cr_case *cs = &d->cases[c];
        for (int v = 0; v < cs->n_variants; ++v) free(cs->variant[v].run);
        free(cs->variant);
        free(cs->order);
        free(cs->mean_rank_best_sum);
        free(cs->mean_rank_runtime);
    }
    free(d->cases);
    memset(d, 0, sizeof *d);
}

int shp_cr_read(const char *dir, shp_cr_data *d, char *err, size_t len)
{
    memset(d, 0, sizeof *d);
    reader rd = {0};
    int rc = read_runs(dir, d, &rd, err, len);
    if (rc == SHP_OK) rc = read_history(dir, d, &rd, err, len);
    reader_free(&rd);
    if (rc != SHP_OK) shp_cr_free(d);
    return rc;
}

/* ------------------------------------------------------------ analysis */

int shp_cr_find_case(const shp_cr_data *d, const char *name)
{
    for (int c = 0; c < d->n_cases; ++c)
        if (!strcmp(d->cases[c].name, name)) return c;
    return -1;
}

int shp_cr_find_variant(const shp_cr_case *c, const char *name)
{
    for (int v = 0; v < c->n_variants; ++v)
        if (!strcmp(c->variant[v].name, name)) return v;
    return -1;
}

static void safe_name(char *out, size_t len, const char *s)
{
    size_t k = 0;
    for (; *s && k + 1 < len; ++s) {
        const char ch = *s;
        const int ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_' ||
                       ch == '-' || ch == '.';
        out[k++] = ok ? ch : '_';
    }
    out[k] = '\0';
}

/* qsort keys (no global context: the report may run in several threads at once). */
typedef struct {
    long seed;
    int run;
} seed_key;

static int cmp_seed_key(const void *a, const void *b)
{
    const seed_key *x = a, *y = b;
    return (x->seed > y->seed) - (x->seed < y->seed);
}

typedef struct {
    double ert, median;
    const char *name;
    int variant;
} rank_key;

/* Ranking: ERT, then median final best_sum, then name. */
static int cmp_rank_key(const void *a, const void *b)
{
    const rank_key *x = a, *y = b;
    if (x->ert != y->ert) return x->ert < y->ert ? -1 : 1;
    if (x->median != y->median && !isnan(x->median) && !isnan(y->median)) return x->median < y->median ? -1 : 1;
    return strcmp(x->name, y->name);
}

/* Sort a variant's runs by seed. */
static int sort_runs_by_seed(const shp_cr_data *d, shp_cr_variant *v)
{
    seed_key *k = malloc((size_t)(v->n_runs > 0 ? v->n_runs : 1) * sizeof *k);
    if (!k) return SHP_ERR_NOMEM;
    for (int i = 0; i < v->n_runs; ++i) k[i] = (seed_key){d->run[v->run[i]].seed, v->run[i]};
    qsort(k, (size_t)v->n_runs, sizeof *k, cmp_seed_key);
    for (int i = 0; i < v->n_runs; ++i) v->run[i] = k[i].run;
    free(k);
    return SHP_OK;
}

/* The ranking of a case into cs->order. */
static int rank_variants(shp_cr_case *cs)
{
    rank_key *k = malloc((size_t)(cs->n_variants > 0 ? cs->n_variants : 1) * sizeof *k);
    if (!k) return SHP_ERR_NOMEM;
    for (int v = 0; v < cs->n_variants; ++v)
        k[v] = (rank_key){cs->variant[v].ert_evals, cs->variant[v].best_sum.median, cs->variant[v].name, v};
    qsort(k, (size_t)cs->n_variants, sizeof *k, cmp_rank_key);
    for (int v = 0; v < cs->n_variants; ++v) cs->order[v] = k[v].variant;
    free(k);
    return SHP_OK;
}

static int is_multi_objective(const char *alg)
{
    return !strcmp(alg, "vega") || !strcmp(alg, "pso_vega") || !strcmp(alg, "nsga2");
}

/* Statistics of one variant; sample buffers of its run count. */
static int variant_stats(const shp_cr_data *d, shp_cr_variant *v, double *a, double *b, double *c, int *ok)
{
    const int n = v->n_runs;
    const shp_cr_run *R = d->run;
    v->successes = 0;
    v->failed_columns = 0;
    v->n_with_history = 0;
    for (int i = 0; i < n; ++i) {
        const shp_cr_run *r = &R[v->run[i]];
        ok[i] = r->success;
        v->successes += r->success;
        v->failed_columns += r->failed_columns;
        v->n_with_history += r->n_hist > 0;
        a[i] = r->evals_to_target;
        b[i] = r->evaluations;
    }
    v->ert_evals = shp_stat_ert(n, ok, a, b);
    int rc = shp_stat_summarize(a, n, &v->evals_to_target); /* NAN for unsuccessful runs: left out */
    for (int i = 0; i < n; ++i) {
        a[i] = R[v->run[i]].wall_to_target_s;
        b[i] = R[v->run[i]].wall_s;
    }
    v->ert_s = shp_stat_ert(n, ok, a, b);
    rc |= shp_stat_summarize(a, n, &v->wall_to_target);
    rc |= shp_stat_summarize(b, n, &v->wall_s);
#define SUMMARY(field, dst)                                                                              \
    do {                                                                                                 \
        for (int i = 0; i < n; ++i) c[i] = R[v->run[i]].field;                                           \
        rc |= shp_stat_summarize(c, n, &v->dst);                                                         \
    } while (0)
    SUMMARY(best_sum, best_sum);
    SUMMARY(hypervolume, hypervolume);
    SUMMARY(rmse_retention, rmse_retention);
    SUMMARY(rmse_conductivity, rmse_conductivity);
    SUMMARY(evaluations, evaluations);
#undef SUMMARY
    return rc ? SHP_ERR_NOMEM : SHP_OK;
}

/* Friedman tests of a case when every variant has the same seeds. */
static int case_friedman(const shp_cr_data *d, shp_cr_case *cs)
{
    const int k = cs->n_variants, b = k ? cs->variant[0].n_runs : 0;
    cs->friedman = 0;
    if (k < 2 || b < 2) return SHP_OK;
    for (int j = 1; j < k; ++j) {
        if (cs->variant[j].n_runs != b) return SHP_OK;
        for (int i = 0; i < b; ++i)
            if (d->run[cs->variant[j].run[i]].seed != d->run[cs->variant[0].run[i]].seed) return SHP_OK;
    }
    double *x = malloc((size_t)b * k * 2 * sizeof *x);
    cs->mean_rank_best_sum = malloc((size_t)k * sizeof(double));
    cs->mean_rank_runtime = malloc((size_t)k * sizeof(double));
    if (!x || !cs->mean_rank_best_sum || !cs->mean_rank_runtime) {
        free(x);
        return SHP_ERR_NOMEM;
    }
    double *y = x + (size_t)b * k;
    for (int i = 0; i < b; ++i)
        for (int j = 0; j < k; ++j) {
            const shp_cr_run *r = &d->run[cs->variant[j].run[i]];
            x[(size_t)i * k + j] = r->best_sum;
            y[(size_t)i * k + j] = r->success ? r->evals_to_target : INFINITY;
        }
    int rc = shp_stat_friedman(x, b, k, cs->mean_rank_best_sum, &cs->friedman_best_sum);
    if (rc == SHP_OK) rc = shp_stat_friedman(y, b, k, cs->mean_rank_runtime, &cs->friedman_runtime);
    free(x);
    if (rc != SHP_OK) return rc;
    cs->friedman = 1;
    cs->n_blocks = b;
    return SHP_OK;
}

/* Rank-sum tests of every variant against the top-ranked one. */
static int case_tests(const shp_cr_data *d, shp_cr_case *cs, double alpha)
{
    const shp_cr_variant *top = &cs->variant[cs->order[0]];
    int nmax = 0;
    for (int v = 0; v < cs->n_variants; ++v) nmax = cs->variant[v].n_runs > nmax ? cs->variant[v].n_runs : nmax;
    double *buf = malloc((size_t)(nmax > 0 ? nmax : 1) * 4 * sizeof *buf);
    if (!buf) return SHP_ERR_NOMEM;
    double *tb = buf, *tr = buf + nmax, *xb = buf + 2 * nmax, *xr = buf + 3 * nmax;
    for (int i = 0; i < top->n_runs; ++i) {
        const shp_cr_run *r = &d->run[top->run[i]];
        tb[i] = r->best_sum;
        tr[i] = r->success ? r->evals_to_target : INFINITY;
    }
    int rc = SHP_OK;
    for (int o = 0; o < cs->n_variants && rc == SHP_OK; ++o) {
        shp_cr_variant *v = &cs->variant[cs->order[o]];
        v->rank = o + 1;
        v->tested = 0;
        v->tied = 0;
        if (o == 0) continue;
        for (int i = 0; i < v->n_runs; ++i) {
            const shp_cr_run *r = &d->run[v->run[i]];
            xb[i] = r->best_sum;
            xr[i] = r->success ? r->evals_to_target : INFINITY;
        }
        rc = shp_stat_ranksum(xb, v->n_runs, tb, top->n_runs, &v->test_best_sum);
        if (rc == SHP_OK) rc = shp_stat_ranksum(xr, v->n_runs, tr, top->n_runs, &v->test_runtime);
        if (rc == SHP_OK) {
            v->tested = 1;
            v->tied = v->test_best_sum.p >= alpha;
        }
    }
    free(buf);
    return rc;
}

int shp_cr_analyze(shp_cr_data *d, double alpha, char *err, size_t len)
{
    if (!(alpha > 0.0 && alpha < 1.0)) {
        snprintf(err, len, "the significance level alpha must be between 0 and 1 (got %g)", alpha);
        return SHP_ERR_INVALID;
    }
    d->alpha = alpha;
    /* cases and variants in order of first appearance */
    int *case_of = malloc((size_t)(d->n_runs > 0 ? d->n_runs : 1) * 2 * sizeof *case_of);
    if (!case_of) goto nomem;
    int *var_of = case_of + d->n_runs;
    for (int i = 0; i < d->n_runs; ++i) {
        const shp_cr_run *r = &d->run[i];
        int c = shp_cr_find_case(d, r->case_name);
        if (c < 0) {
            shp_cr_case *nc = realloc(d->cases, (size_t)(d->n_cases + 1) * sizeof *nc);
            if (!nc) goto nomem_free;
            d->cases = nc;
            c = d->n_cases++;
            memset(&d->cases[c], 0, sizeof d->cases[c]);
            d->cases[c].name = r->case_name;
        }
        shp_cr_case *cs = &d->cases[c];
        int v = shp_cr_find_variant(cs, r->variant);
        if (v < 0) {
            shp_cr_variant *nv = realloc(cs->variant, (size_t)(cs->n_variants + 1) * sizeof *nv);
            if (!nv) goto nomem_free;
            cs->variant = nv;
            v = cs->n_variants++;
            memset(&cs->variant[v], 0, sizeof cs->variant[v]);
            cs->variant[v].name = r->variant;
            cs->variant[v].algorithm = r->algorithm;
            cs->variant[v].multi_objective = is_multi_objective(r->algorithm);
        }
        cs->variant[v].n_runs++;
        case_of[i] = c;
        var_of[i] = v;
    }
    for (int c = 0; c < d->n_cases; ++c) {
        shp_cr_case *cs = &d->cases[c];
        for (int v = 0; v < cs->n_variants; ++v) {
            cs->variant[v].run = malloc((size_t)cs->variant[v].n_runs * sizeof(int));
            if (!cs->variant[v].run) goto nomem_free;
            cs->variant[v].n_runs = 0;
        }
        cs->order = malloc((size_t)cs->n_variants * sizeof *cs->order);
        if (!cs->order) goto nomem_free;
    }
    for (int i = 0; i < d->n_runs; ++i) {
        shp_cr_variant *v = &d->cases[case_of[i]].variant[var_of[i]];
        v->run[v->n_runs++] = i;
        shp_cr_case *cs = &d->cases[case_of[i]];
        cs->max_evaluations = fmax(cs->max_evaluations, d->run[i].evaluations);
    }
    free(case_of);
    case_of = NULL;
    /* file names, unique */
    for (int c = 0; c < d->n_cases; ++c) {
        shp_cr_case *cs = &d->cases[c];
        char base[64];
        safe_name(base, sizeof base, cs->name);
        snprintf(cs->file_name, sizeof cs->file_name, "%s", base);
        for (int k = 2, clash = 1; clash; ++k) {
            clash = 0;
            for (int o = 0; o < c && !clash; ++o) clash = !strcmp(d->cases[o].file_name, cs->file_name);
            if (clash) snprintf(cs->file_name, sizeof cs->file_name, "%s-%d", base, k);
        }
    }
    /* statistics, ranking, tests */
    int nmax = 1;
    for (int c = 0; c < d->n_cases; ++c)
        for (int v = 0; v < d->cases[c].n_variants; ++v)
            nmax = d->cases[c].variant[v].n_runs > nmax ? d->cases[c].variant[v].n_runs : nmax;
    double *buf = malloc((size_t)nmax * 3 * sizeof *buf);
    int *ok = malloc((size_t)nmax * sizeof *ok);
    if (!buf || !ok) {
        free(buf);
        free(ok);
        goto nomem;
    }
    int rc = SHP_OK;
    for (int c = 0; c < d->n_cases && rc == SHP_OK; ++c) {
        shp_cr_case *cs = &d->cases[c];
        for (int v = 0; v < cs->n_variants && rc == SHP_OK; ++v) {
            shp_cr_variant *vv = &cs->variant[v];
            rc = sort_runs_by_seed(d, vv);
            if (rc == SHP_OK) rc = variant_stats(d, vv, buf, buf + nmax, buf + 2 * nmax, ok);
        }
        if (rc == SHP_OK) rc = rank_variants(cs);
        if (rc == SHP_OK && cs->n_variants) rc = case_tests(d, cs, alpha);
        if (rc == SHP_OK) rc = case_friedman(d, cs);
    }
    free(buf);
    free(ok);
    if (rc != SHP_OK) snprintf(err, len, "%s", rc == SHP_ERR_NOMEM ? "out of memory" : "statistics failed");
    return rc;
nomem_free:
    free(case_of);
nomem:
    snprintf(err, len, "out of memory");
    return SHP_ERR_NOMEM;
}

/* ------------------------------------------------------------ Markdown */

/* Three significant digits: between 0.01 and 1000 as %.3g (0.0123, 12.3, 123), from 1000
 * to 1e7 as whole numbers (4982 → 4980), otherwise 1.23e-04; "—" for NAN, "∞" for
 * infinity. */
static const char *fmt3(char *buf, size_t len, double x)
{
    const double a = fabs(x);
    if (isnan(x)) snprintf(buf, len, "—");
    else if (isinf(x)) snprintf(buf, len, "%s∞", x < 0 ? "−" : "");
    else if (a >= 1000.0 && a < 1e7) {
        const double e = pow(10.0, floor(log10(a)) - 2.0);
        snprintf(buf, len, "%.0f", round(x / e) * e);
    } else if (x != 0.0 && (a < 0.01 || a >= 1e7)) snprintf(buf, len, "%.2e", x);
    else snprintf(buf, len, "%.3g", x);
    return buf;
}

/* A p-value: 3 significant digits, "< 1e-6" below. */
static const char *fmtp(char *buf, size_t len, double p)
{
    if (isnan(p)) snprintf(buf, len, "—");
    else if (p < 1e-6) snprintf(buf, len, "< 1e-6");
    else snprintf(buf, len, "%.3g", p);
    return buf;
}

/* A name in Markdown text: punctuation that Markdown would read escaped. */
static void md_name(FILE *f, const char *s)
{
    for (; *s; ++s) {
        if (strchr("\\`*_{}[]<>()#+!|~", *s)) fputc('\\', f);
        fputc(*s, f);
    }
}

/* Rows in which stat n > 0: "median (IQR x)"; "—" otherwise. */
static void md_median_iqr(FILE *f, const shp_stat_summary *s)
{
    char a[32], b[32];
    if (s->n == 0) fprintf(f, "—");
    else fprintf(f, "%s (IQR %s)", fmt3(a, sizeof a, s->median), fmt3(b, sizeof b, s->iqr));
}

static void md_budget(FILE *f, const shp_campaign_report_info *info)
{
    char a[32];
    if (info->budget_evaluations > 0)
        fprintf(f, "%ld evaluations", info->budget_evaluations);
    if (info->budget_time_s > 0)
        fprintf(f, "%s%s s", info->budget_evaluations > 0 ? " or " : "", fmt3(a, sizeof a, info->budget_time_s));
    if (info->budget_evaluations <= 0 && info->budget_time_s <= 0) fprintf(f, "none given");
    fprintf(f, " per run");
}

static const char *text_or(const char *s, const char *dflt) { return s && *s ? s : dflt; }

static void md_info_table(FILE *f, const shp_campaign_report_info *info, double alpha)
{
    fprintf(f, "| | |\n|---|---|\n| campaign | ");
    md_name(f, text_or(info->title, "(unnamed)"));
    fprintf(f, " |\n| machine | ");
    md_name(f, text_or(info->machine, "(not given)"));
    fprintf(f, " |\n| budget | ");
    md_budget(f, info);
    fprintf(f, " |\n| target | ");
    md_name(f, text_or(info->target_text, "(not given)"));
    fprintf(f, " |\n| significance level α | %g |\n", alpha);
}

static int case_runs(const shp_cr_case *cs)
{
    int n = 0;
    for (int v = 0; v < cs->n_variants; ++v) n += cs->variant[v].n_runs;
    return n;
}

static void md_success(FILE *f, const shp_cr_variant *v)
{
    fprintf(f, "%d/%d (%.0f %%)", v->successes, v->n_runs, v->n_runs ? 100.0 * v->successes / v->n_runs : 0.0);
}

/* The ranking table (both files). */
static void md_ranking(FILE *f, const shp_cr_data *d, const shp_cr_case *cs, int detail)
{
    char a[32], b[32], c[32], e[32];
    fprintf(f, "| rank | variant | algorithm | successes | ERT [evaluations] | ERT [s] | median final best_sum | "
               "p: best_sum vs best | p: runtime vs best |%s verdict |\n"
               "|---:|---|---|---|---:|---:|---:|---:|---:|%s---|\n",
            detail ? " mean Friedman rank (best_sum) |" : "", detail ? "---:|" : "");
    for (int o = 0; o < cs->n_variants; ++o) {
        const int vi = cs->order[o];
        const shp_cr_variant *v = &cs->variant[vi];
        fprintf(f, "| %d | ", v->rank);
        md_name(f, v->name);
        fprintf(f, " | ");
        md_name(f, v->algorithm);
        fprintf(f, "%s | ", v->multi_objective ? " (multi-objective)" : "");
        md_success(f, v);
        fprintf(f, " | %s | %s | %s | ", fmt3(a, sizeof a, v->ert_evals), fmt3(b, sizeof b, v->ert_s),
                fmt3(c, sizeof c, v->best_sum.median));
        if (v->tested)
            fprintf(f, "%s%s | %s%s | ", fmtp(a, sizeof a, v->test_best_sum.p), v->test_best_sum.exact ? "" : " ≈",
                    fmtp(b, sizeof b, v->test_runtime.p), v->test_runtime.exact ? "" : " ≈");
        else
            fprintf(f, "— | — | ");
        if (detail) fprintf(f, "%s | ", cs->friedman ? fmt3(e, sizeof e, cs->mean_rank_best_sum[vi]) : "—");
        if (!v->tested) fprintf(f, "**best** |\n");
        else {
            const shp_stat_ranksum_result *tb = &v->test_best_sum, *tr = &v->test_runtime;
            const double hb = 0.5 * tb->n1 * tb->n2, hr = 0.5 * tr->n1 * tr->n2;
            if (v->tied) fprintf(f, "tied with the best");
            else
                fprintf(f, "final best_sum %s the best's (p < α)",
                        tb->U > hb ? "higher than" : tb->U < hb ? "lower than" : "distributed unlike");
            if (tr->p < d->alpha)
                fprintf(f, "; runtime to target %s (p < α)",
                        tr->U > hr ? "longer" : tr->U < hr ? "shorter" : "distributed differently");
            fprintf(f, " |\n");
        }
    }
    fprintf(f, "\n");
}

static void md_friedman(FILE *f, const shp_cr_data *d, const shp_cr_case *cs)
{
    char a[32], b[32];
    if (!cs->friedman) {
        fprintf(f, "Friedman test: not applicable (it needs at least 2 variants run on the same set of at "
                   "least 2 seeds).\n\n");
        return;
    }
    const shp_stat_friedman_result *fb = &cs->friedman_best_sum, *fr = &cs->friedman_runtime;
    fprintf(f,
            "Friedman test (blocks = the %d seeds, %d variants, df = %d): on the final best_sum "
            "Q = %s, p = %s — %s; on the runtime (evaluations to target, unsuccessful runs ranked last) "
            "Q = %s, p = %s — %s.\n\n",
            cs->n_blocks, cs->n_variants, fb->df, fmt3(a, sizeof a, fb->Q), fmtp(b, sizeof b, fb->p),
            fb->p < d->alpha ? "the variants differ (p < α)" : "no difference shown (p ≥ α)",
            fmt3(a, sizeof a, fr->Q), fmtp(b, sizeof b, fr->p),
            fr->p < d->alpha ? "the variants differ (p < α)" : "no difference shown (p ≥ α)");
}

static void md_summary_table(FILE *f, const shp_cr_case *cs)
{
    char a[32], b[32];
    fprintf(f, "| variant | algorithm | runs | successes | ERT [evaluations] | ERT [s] | "
               "evaluations to target, median (IQR) | final best_sum, median (IQR) | failed columns |\n"
               "|---|---|---:|---|---:|---:|---|---|---:|\n");
    for (int vi = 0; vi < cs->n_variants; ++vi) {
        const shp_cr_variant *v = &cs->variant[vi];
        fprintf(f, "| ");
        md_name(f, v->name);
        fprintf(f, " | ");
        md_name(f, v->algorithm);
        fprintf(f, " | %d | ", v->n_runs);
        md_success(f, v);
        fprintf(f, " | %s | %s | ", fmt3(a, sizeof a, v->ert_evals), fmt3(b, sizeof b, v->ert_s));
        md_median_iqr(f, &v->evals_to_target);
        fprintf(f, " | ");
        md_median_iqr(f, &v->best_sum);
        fprintf(f, " | %ld |\n", v->failed_columns);
    }
    fprintf(f, "\n");
}

static const char ranking_note[] =
    "Ranked by ERT (expected evaluations to reach the target, COCO), ties and ∞ by the median "
    "final best_sum. p-values: two-sided Wilcoxon rank-sum test of each variant against the "
    "top-ranked one, on the final best_sum and on the runtime (evaluations to target, "
    "unsuccessful runs counted as worse than any success); exact null distribution without ties "
    "(n ≤ 49), normal approximation with tie and continuity corrections otherwise (marked ≈). "
    "\"tied with the best\": p(best_sum) ≥ α — the difference in final best_sum is within the "
    "run-to-run noise and is not claimed; a runtime difference with p < α is named separately "
    "(runs that stop at the target all end just below it, so their final best_sum rarely "
    "separates them). No correction for multiple comparisons is applied.";

/* Distinct names of a `name=value;…` column over the runs of a case, in order of first
 * appearance (at most max). */
static int kv_names(const shp_cr_data *d, const shp_cr_case *cs, int params, char (*names)[64], int max)
{
    int n = 0;
    for (int v = 0; v < cs->n_variants; ++v)
        for (int i = 0; i < cs->variant[v].n_runs; ++i) {
            const shp_cr_run *r = &d->run[cs->variant[v].run[i]];
            const char *s = params ? r->parameters : r->objectives;
            shp_stat_kv kv[64];
            int m;
            char why[128];
            if (shp_stat_kv_parse(s, kv, 64, &m, why, sizeof why) != SHP_OK) continue;
            for (int k = 0; k < m; ++k) {
                int seen = 0;
                for (int j = 0; j < n && !seen; ++j) seen = !strcmp(names[j], kv[k].name);
                if (!seen && n < max) {
                    memcpy(names[n], kv[k].name, sizeof names[0]); /* both 64, NUL-terminated */
                    names[n++][sizeof names[0] - 1] = '\0';
                }
            }
        }
    return n;
}

/* Medians of every name of the objectives or parameters: names as rows, variants as
 * columns. */
static void md_kv_medians(FILE *f, const shp_cr_data *d, const shp_cr_case *cs, int params, double *buf)
{
    char names[64][64], a[32];
    const int n = kv_names(d, cs, params, names, 64);
    if (n == 0) {
        fprintf(f, "(none in runs.csv)\n\n");
        return;
    }
    fprintf(f, "| %s |", params ? "parameter" : "objective");
    for (int v = 0; v < cs->n_variants; ++v) {
        fprintf(f, " ");
        md_name(f, cs->variant[v].name);
        fprintf(f, " |");
    }
    fprintf(f, "\n|---|");
    for (int v = 0; v < cs->n_variants; ++v) fprintf(f, "---:|");
    fprintf(f, "\n");
    for (int k = 0; k < n; ++k) {
        fprintf(f, "| ");
        md_name(f, names[k]);
        fprintf(f, " |");
        for (int v = 0; v < cs->n_variants; ++v) {
            const shp_cr_variant *vv = &cs->variant[v];
            int m = 0;
            for (int i = 0; i < vv->n_runs; ++i) {
                double x;
                const shp_cr_run *r = &d->run[vv->run[i]];
                if (shp_stat_kv_get(params ? r->parameters : r->objectives, names[k], &x) == 1) buf[m++] = x;
            }
            fprintf(f, " %s |", fmt3(a, sizeof a, shp_stat_median(buf, m)));
        }
        fprintf(f, "\n");
    }
    fprintf(f, "\n");
}

static int write_case_md(const char *dir, const shp_cr_data *d, const shp_cr_case *cs,
                         const shp_campaign_report_info *info, int plots, char *err, size_t len)
{
    char path[SHP_PATH_MAX], name[128], a[32], b[32], c[32], e[32];
    snprintf(name, sizeof name, "report_%s.md", cs->file_name);
    FILE *f = shp_file_create_in(dir, name, path, sizeof path, err, len);
    if (!f) return SHP_ERR_IO;
    int nmax = 1;
    for (int v = 0; v < cs->n_variants; ++v) nmax = cs->variant[v].n_runs > nmax ? cs->variant[v].n_runs : nmax;
    double *buf = malloc((size_t)nmax * sizeof *buf);
    if (!buf) {
        fclose(f);
        snprintf(err, len, "out of memory");
        return SHP_ERR_NOMEM;
    }
    fprintf(f, "# Case ");
    md_name(f, cs->name);
    fprintf(f, " — campaign ");
    md_name(f, text_or(info->title, "(unnamed)"));
    fprintf(f, "\n\n[All cases](report.md)\n\n");
    md_info_table(f, info, d->alpha);
    int seeds_min = cs->n_variants ? cs->variant[0].n_runs : 0, seeds_max = seeds_min;
    for (int v = 0; v < cs->n_variants; ++v) {
        seeds_min = cs->variant[v].n_runs < seeds_min ? cs->variant[v].n_runs : seeds_min;
        seeds_max = cs->variant[v].n_runs > seeds_max ? cs->variant[v].n_runs : seeds_max;
    }
    fprintf(f, "| finished runs | %d: %d variants × ", case_runs(cs), cs->n_variants);
    if (seeds_min == seeds_max) fprintf(f, "%d seeds |\n\n", seeds_min);
    else fprintf(f, "%d to %d seeds |\n\n", seeds_min, seeds_max);

    fprintf(f, "## Success and running time\n\n"
               "ERT = (evaluations until the target of the successful runs + all evaluations of the "
               "unsuccessful ones) / successful runs; the same with wall time for ERT [s]. Evaluations and "
               "wall time to target: successful runs only.\n\n"
               "| variant | algorithm | runs | successes | success rate | ERT [evaluations] | ERT [s] | "
               "evaluations to target: median | IQR | wall time to target [s]: median | IQR | "
               "evaluations per run: median | failed columns |\n"
               "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (int vi = 0; vi < cs->n_variants; ++vi) {
        const shp_cr_variant *v = &cs->variant[vi];
        fprintf(f, "| ");
        md_name(f, v->name);
        fprintf(f, " | ");
        md_name(f, v->algorithm);
        fprintf(f, " | %d | %d | %.0f %% | %s | %s | ", v->n_runs, v->successes,
                v->n_runs ? 100.0 * v->successes / v->n_runs : 0.0, fmt3(a, sizeof a, v->ert_evals),
                fmt3(b, sizeof b, v->ert_s));
        fprintf(f, "%s | %s | ", fmt3(a, sizeof a, v->evals_to_target.median), fmt3(b, sizeof b, v->evals_to_target.iqr));
        fprintf(f, "%s | %s | ", fmt3(a, sizeof a, v->wall_to_target.median), fmt3(b, sizeof b, v->wall_to_target.iqr));
        fprintf(f, "%s | %ld |\n", fmt3(a, sizeof a, v->evaluations.median), v->failed_columns);
    }

    fprintf(f, "\n## Final best summed objective (best_sum)\n\n"
               "best_sum: the best summed objective (ψ = RMSE/σ per observation type, summed) a run "
               "reached.\n\n"
               "| variant | median | IQR | min | max |\n|---|---:|---:|---:|---:|\n");
    for (int vi = 0; vi < cs->n_variants; ++vi) {
        const shp_cr_variant *v = &cs->variant[vi];
        fprintf(f, "| ");
        md_name(f, v->name);
        fprintf(f, " | %s | %s | %s | %s |\n", fmt3(a, sizeof a, v->best_sum.median), fmt3(b, sizeof b, v->best_sum.iqr),
                fmt3(c, sizeof c, v->best_sum.min), fmt3(e, sizeof e, v->best_sum.max));
    }

    int any_hv = 0, any_rmse = 0;
    for (int vi = 0; vi < cs->n_variants; ++vi) {
        any_hv |= cs->variant[vi].hypervolume.n > 0;
        any_rmse |= cs->variant[vi].rmse_retention.n > 0 || cs->variant[vi].rmse_conductivity.n > 0;
    }
    if (any_hv) {
        fprintf(f, "\n## Hypervolume\n\n"
                   "Of the final Pareto archive, for the variants whose runs report one. Variants marked "
                   "multi-objective (vega, pso_vega) search for the front; for the others the archive is a "
                   "by-product.\n\n"
                   "| variant | algorithm | runs with a hypervolume | median | IQR |\n|---|---|---:|---:|---:|\n");
        for (int vi = 0; vi < cs->n_variants; ++vi) {
            const shp_cr_variant *v = &cs->variant[vi];
            if (v->hypervolume.n == 0) continue;
            fprintf(f, "| ");
            md_name(f, v->name);
            fprintf(f, " | ");
            md_name(f, v->algorithm);
            fprintf(f, "%s | %d | %s | %s |\n", v->multi_objective ? " (multi-objective)" : "", v->hypervolume.n,
                    fmt3(a, sizeof a, v->hypervolume.median), fmt3(b, sizeof b, v->hypervolume.iqr));
        }
    }
    if (any_rmse) {
        fprintf(f, "\n## Curve agreement with the truth\n\n"
                   "RMSE in θ between the fitted and the true retention and conductivity curves "
                   "(docs/fit.md §6), median over the runs that report it.\n\n"
                   "| variant | retention: median | IQR | conductivity: median | IQR | runs |\n"
                   "|---|---:|---:|---:|---:|---:|\n");
        for (int vi = 0; vi < cs->n_variants; ++vi) {
            const shp_cr_variant *v = &cs->variant[vi];
            fprintf(f, "| ");
            md_name(f, v->name);
            fprintf(f, " | %s | %s | %s | %s | %d |\n", fmt3(a, sizeof a, v->rmse_retention.median),
                    fmt3(b, sizeof b, v->rmse_retention.iqr), fmt3(c, sizeof c, v->rmse_conductivity.median),
                    fmt3(e, sizeof e, v->rmse_conductivity.iqr),
                    v->rmse_retention.n > v->rmse_conductivity.n ? v->rmse_retention.n : v->rmse_conductivity.n);
        }
    }

    /* stop reasons: distinct values in order of appearance */
    char reasons[16][32];
    int nr = 0;
    for (int vi = 0; vi < cs->n_variants; ++vi)
        for (int i = 0; i < cs->variant[vi].n_runs; ++i) {
            const char *s = d->run[cs->variant[vi].run[i]].stop_reason;
            int seen = 0;
            for (int j = 0; j < nr && !seen; ++j) seen = !strcmp(reasons[j], s);
            if (!seen && nr < 16) snprintf(reasons[nr++], sizeof reasons[0], "%s", s);
        }
    fprintf(f, "\n## Stop reasons\n\n| variant |");
    for (int j = 0; j < nr; ++j) {
        fprintf(f, " ");
        md_name(f, reasons[j]);
        fprintf(f, " |");
    }
    fprintf(f, "\n|---|");
    for (int j = 0; j < nr; ++j) fprintf(f, "---:|");
    fprintf(f, "\n");
    for (int vi = 0; vi < cs->n_variants; ++vi) {
        const shp_cr_variant *v = &cs->variant[vi];
        fprintf(f, "| ");
        md_name(f, v->name);
        fprintf(f, " |");
        for (int j = 0; j < nr; ++j) {
            int n = 0;
            for (int i = 0; i < v->n_runs; ++i) n += !strcmp(d->run[v->run[i]].stop_reason, reasons[j]);
            fprintf(f, " %d |", n);
        }
        fprintf(f, "\n");
    }

    fprintf(f, "\n## Final objectives, median over the runs\n\n");
    md_kv_medians(f, d, cs, 0, buf);
    fprintf(f, "## Fitted parameters, median over the runs\n\n");
    md_kv_medians(f, d, cs, 1, buf);

    fprintf(f, "## Ranking\n\n%s\n\n", ranking_note);
    md_ranking(f, d, cs, 1);
    md_friedman(f, d, cs);
    if (cs->friedman)
        fprintf(f, "Mean Friedman rank: the mean over the seeds of the variant's rank among the variants on "
                   "that seed (1 = lowest best_sum).\n\n");

    fprintf(f, "## Plots\n\n");
    if (plots)
        fprintf(f,
                "![ECDF of the evaluations to target](ecdf_%s.png)\n\n"
                "Fraction of each variant's runs that reached the target within the evaluations on the x "
                "axis (log scale, up to the budget); runs that never reach the target keep the curve below "
                "1. Data: [ecdf_%s.csv](ecdf_%s.csv).\n\n"
                "![Convergence](convergence_%s.png)\n\n"
                "Median (line) and quartiles (band) over the runs of the best summed objective so far, "
                "against the evaluations; a run that stopped early keeps its last value. Data: "
                "[convergence_%s.csv](convergence_%s.csv).\n\n",
                cs->file_name, cs->file_name, cs->file_name, cs->file_name, cs->file_name, cs->file_name);
    else
        fprintf(f, "Not drawn (gnuplot not available); the data are in [ecdf_%s.csv](ecdf_%s.csv) and "
                   "[convergence_%s.csv](convergence_%s.csv), and `gnuplot campaign_plots.gp` in this "
                   "directory draws them.\n\n",
                cs->file_name, cs->file_name, cs->file_name, cs->file_name);
    if (!d->have_history)
        fprintf(f, "history.csv was not found: the convergence data are empty.\n\n");
    else {
        int without = 0;
        for (int vi = 0; vi < cs->n_variants; ++vi) without += cs->variant[vi].n_runs - cs->variant[vi].n_with_history;
        if (without) fprintf(f, "%d run(s) of this case have no rows in history.csv and are left out of the "
                                "convergence data.\n\n", without);
    }

    fprintf(f, "## Methods\n\n"
               "* Quantiles: linear interpolation between order statistics (Hyndman & Fan 1996, type 7, "
               "as R and NumPy); IQR = q3 − q1.\n"
               "* ERT: expected running time of COCO (Hansen et al., *COCO: performance assessment*, "
               "arXiv:1605.03560): Σ over all runs of the evaluations until the target (successful runs) "
               "or of all evaluations (unsuccessful runs), divided by the number of successful runs; ∞ "
               "when none succeeded.\n"
               "* Wilcoxon rank-sum (Mann–Whitney U) test, two-sided: exact p-value from the null "
               "distribution of U (dynamic programming over rank subsets) when there are no ties and "
               "both samples have at most 49 runs; otherwise the normal approximation with the tie "
               "correction of the variance and a continuity correction of 0.5 (as R's wilcox.test).\n"
               "* Friedman test with the seeds as blocks (only when every variant was run on the same "
               "seeds): ranks within each seed, average ranks for ties, tie-corrected statistic, p-value "
               "from the chi-square distribution with k − 1 degrees of freedom (Hollander & Wolfe 1973; "
               "as R's friedman.test).\n"
               "* A (case, variant, seed) that appears more than once in runs.csv (an interrupted and "
               "resumed campaign) counts once, with its last row.\n");
    free(buf);
    return shp_file_close(f, path, err, len);
}

static int write_index_md(const char *dir, const shp_cr_data *d, const shp_campaign_report_info *info, int plots,
                          char *err, size_t len)
{
    char path[SHP_PATH_MAX];
    FILE *f = shp_file_create_in(dir, "report.md", path, sizeof path, err, len);
    if (!f) return SHP_ERR_IO;
    fprintf(f, "# Benchmark campaign ");
    md_name(f, text_or(info->title, "(unnamed)"));
    fprintf(f, "\n\n");
    md_info_table(f, info, d->alpha);
    fprintf(f, "| finished runs | %d in %d case%s |\n", d->n_runs, d->n_cases, d->n_cases == 1 ? "" : "s");
    if (d->duplicates)
        fprintf(f, "| repeated rows | %d row%s of runs.csv repeated an earlier (case, variant, seed) and replaced "
                   "it |\n",
                d->duplicates, d->duplicates == 1 ? "" : "s");
    fprintf(f, "\n");
    if (d->n_cases == 0) fprintf(f, "runs.csv holds no finished run yet.\n");
    else {
        fprintf(f, "Cases:");
        for (int c = 0; c < d->n_cases; ++c) {
            fprintf(f, "%s [", c ? "," : "");
            md_name(f, d->cases[c].name);
            fprintf(f, "](#case-%s)", d->cases[c].file_name);
        }
        fprintf(f, ".\n\n%s\n", ranking_note);
    }
    for (int c = 0; c < d->n_cases; ++c) {
        const shp_cr_case *cs = &d->cases[c];
        fprintf(f, "\n<a id=\"case-%s\"></a>\n\n## Case ", cs->file_name);
        md_name(f, cs->name);
        fprintf(f, "\n\n[Full report](report_%s.md) · ", cs->file_name);
        if (plots)
            fprintf(f, "plots: [ECDF of the evaluations to target](ecdf_%s.png), [convergence](convergence_%s.png)",
                    cs->file_name, cs->file_name);
        else
            fprintf(f, "plots not drawn (gnuplot not available): data in [ecdf_%s.csv](ecdf_%s.csv), "
                       "[convergence_%s.csv](convergence_%s.csv)",
                    cs->file_name, cs->file_name, cs->file_name, cs->file_name);
        fprintf(f, " · %d finished runs\n\n", case_runs(cs));
        md_summary_table(f, cs);
        fprintf(f, "Ranking:\n\n");
        md_ranking(f, d, cs, 0);
        md_friedman(f, d, cs);
    }
    return shp_file_close(f, path, err, len);
}

int shp_cr_write_markdown(const char *dir, const shp_cr_data *d, const shp_campaign_report_info *info, int plots,
                          char *err, size_t len)
{
    int rc = write_index_md(dir, d, info, plots, err, len);
    for (int c = 0; c < d->n_cases && rc == SHP_OK; ++c) rc = write_case_md(dir, d, &d->cases[c], info, plots, err, len);
    return rc;
}

/* ------------------------------------------------------------ all of it */

int shp_campaign_report(const char *dir, const shp_campaign_report_info *info, int *plots, char *err, size_t len)
{
    if (plots) *plots = 0;
    if (!dir || !info) {
        snprintf(err, len, "no directory or report information");
        return SHP_ERR_INVALID;
    }
    shp_campaign_report_info in = *info;
    if (in.alpha == 0.0) in.alpha = 0.05;
    shp_cr_data d;
    int rc = shp_cr_read(dir, &d, err, len);
    if (rc != SHP_OK) return rc;
    rc = shp_cr_analyze(&d, in.alpha, err, len);
    /* the report is one set of files (io/stage.h): a failed report leaves the last one */
    shp_stage *st = NULL;
    if (rc == SHP_OK) rc = shp_stage_begin(dir, &st, err, len);
    const char *out = st ? shp_stage_dir(st) : NULL;
    if (rc == SHP_OK) rc = shp_cr_plot_data(out, &d, in.budget_evaluations, err, len);
    if (rc == SHP_OK) rc = shp_cr_plot_script(out, &d, &in, err, len);
    const char *gp = shp_plot_program();
    int drawn = 0, plot_rc = SHP_OK;
    char *plot_err = NULL;
    if (rc == SHP_OK && gp && d.n_cases > 0) {
        /* a failing gnuplot still leaves complete Markdown reports behind */
        plot_rc = shp_plot_run(gp, out, "campaign_plots.gp", "campaign_plots.log", err, len);
        drawn = plot_rc == SHP_OK;
        if (!drawn) plot_err = strdup(err);
    }
    if (rc == SHP_OK) rc = shp_cr_write_markdown(out, &d, &in, drawn, err, len);
    /* every case's figures: those not drawn now are stale */
    shp_names stale = {0};
    for (int c = 0; c < d.n_cases; ++c) {
        shp_names_add(&stale, "ecdf_%s.png", d.cases[c].file_name);
        shp_names_add(&stale, "convergence_%s.png", d.cases[c].file_name);
    }
    if (rc == SHP_OK) {
        rc = shp_stage_commit_plotted(st, &stale, plot_rc, plot_err, "the Markdown reports", err, len);
        st = NULL;
    }
    shp_names_free(&stale);
    shp_stage_abort(st);
    free(plot_err);
    if (plots) *plots = drawn && rc == SHP_OK;
    shp_cr_free(&d);
    return rc;
}
