/* runs.csv and history.csv read strictly into the campaign report's data
 * (campaign_report.h), through the project's CSV reader (io/csv_rows.h). */
#define _POSIX_C_SOURCE 200809L /* strdup */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "campaign/campaign_report_internal.h"
#include "io/csv_rows.h"
#include "io/fs.h"
#include "shpfit/status.h"

/* ------------------------------------------------------------ field parsing */

/* A row being read: its file and line, and where a message goes. */
typedef struct {
    const shp_csv_rows *in;
    char *err;
    size_t len;
} where;

static int bad(const where *w, const char *fmt, const char *col, const char *val)
{
    char what[400];
    snprintf(what, sizeof what, fmt, col, val);
    return shp_csv_rows_fail(w->in, w->err, w->len, "%s", what);
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

/* ------------------------------------------------------------ runs.csv */

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

/* success, and the target fields it implies: given when 1, empty when 0. */
static int parse_success(const where *w, char **f, const int *pos, shp_cr_run *r)
{
    const char *s = f[pos[RC_SUCCESS]];
    int rc;
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
    return SHP_OK;
}

/* The result columns: best_sum, hypervolume, the curve errors, objectives, parameters. */
static int parse_results(const where *w, char **f, const int *pos, shp_cr_run *r)
{
    int rc;
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
    return check_kv(w, "parameters", f[pos[RC_PAR]]);
}

/* The text columns, copied. */
static int copy_texts(const where *w, char **f, const int *pos, shp_cr_run *r)
{
    r->case_name = strdup(f[pos[RC_CASE]]);
    r->variant = strdup(f[pos[RC_VARIANT]]);
    r->algorithm = strdup(f[pos[RC_ALGORITHM]]);
    r->stop_reason = strdup(f[pos[RC_STOP]]);
    r->objectives = strdup(f[pos[RC_OBJ]]);
    r->parameters = strdup(f[pos[RC_PAR]]);
    if (r->case_name && r->variant && r->algorithm && r->stop_reason && r->objectives && r->parameters)
        return SHP_OK;
    run_free(r);
    snprintf(w->err, w->len, "out of memory");
    return SHP_ERR_NOMEM;
}

static int parse_run(const where *w, char **f, const int *pos, shp_cr_run *r)
{
    memset(r, 0, sizeof *r);
    int rc;
    for (int k = 0; k < N_RUN_COLS; ++k)
        if ((k == RC_CASE || k == RC_VARIANT || k == RC_ALGORITHM || k == RC_STOP) && !*f[pos[k]])
            return bad(w, "%s is empty%s", run_cols[k], "");
    if ((rc = get_integer(w, "seed", f[pos[RC_SEED]], LONG_MIN, &r->seed)) != SHP_OK) return rc;
    if ((rc = get_finite(w, "evaluations", f[pos[RC_EVALUATIONS]], 0, 0.0, &r->evaluations)) != SHP_OK) return rc;
    if ((rc = get_finite(w, "wall_s", f[pos[RC_WALL]], 0, 0.0, &r->wall_s)) != SHP_OK) return rc;
    if ((rc = parse_success(w, f, pos, r)) != SHP_OK) return rc;
    if ((rc = get_integer(w, "failed_columns", f[pos[RC_FAILED]], 0, &r->failed_columns)) != SHP_OK) return rc;
    if ((rc = parse_results(w, f, pos, r)) != SHP_OK) return rc;
    r->line = (int)w->in->in.line;
    return copy_texts(w, f, pos, r);
}

/* Run r into d: a later row of the same run replaces it (a resumed campaign). */
static int keep_run(shp_cr_data *d, cr_run_index *ix, int *cap, shp_cr_run *r)
{
    const int k = cr_index_find(ix, d->run, r->case_name, r->variant, r->seed);
    if (k >= 0) {
        run_free(&d->run[k]);
        d->run[k] = *r;
        ++d->duplicates;
        return SHP_OK;
    }
    if (d->n_runs == *cap) {
        const int c = *cap ? 2 * *cap : 64;
        shp_cr_run *nr = realloc(d->run, (size_t)c * sizeof *nr);
        if (!nr) return SHP_ERR_NOMEM;
        d->run = nr;
        *cap = c;
    }
    d->run[d->n_runs] = *r;
    if (cr_index_add(ix, d->run, d->n_runs + 1, d->n_runs) != SHP_OK) return SHP_ERR_NOMEM;
    ++d->n_runs;
    return SHP_OK;
}

static int read_runs(const char *dir, shp_cr_data *d, cr_run_index *ix, char *err, size_t len)
{
    char path[SHP_PATH_MAX];
    if (shp_path_join(path, sizeof path, dir, "runs.csv") != 0) return shp_path_too_long(dir, "runs.csv", err, len);
    shp_csv_rows in;
    const where w = {&in, err, len};
    int pos[N_RUN_COLS], cap = 0, nf = 0;
    int rc = shp_csv_rows_open(&in, path, err, len);
    if (rc == SHP_OK) rc = shp_csv_rows_header(&in, run_cols, N_RUN_COLS, pos, err, len);
    while (rc == SHP_OK && (nf = shp_csv_rows_record(&in, err, len)) > 0) {
        shp_cr_run r;
        if ((rc = parse_run(&w, in.field, pos, &r)) != SHP_OK) break;
        if ((rc = keep_run(d, ix, &cap, &r)) != SHP_OK) {
            run_free(&r);
            snprintf(err, len, "out of memory");
        }
    }
    if (rc == SHP_OK && nf < 0) rc = nf;
    shp_csv_rows_close(&in);
    return rc;
}

/* ------------------------------------------------------------ history.csv */

static const char *const hist_cols[] = {"case", "variant", "seed", "generation", "evaluations", "best_sum"};
enum { HC_CASE, HC_VARIANT, HC_SEED, HC_GEN, HC_EVALS, HC_BEST, N_HIST_COLS };

/* Reading history.csv: the runs' growing histories. */
typedef struct {
    int *cap;      /* per run: history entries allocated */
    int *last_gen; /* per run: generation of its last history row */
} hist_state;

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

/* One row of history.csv (fields fl, columns at pos) added to its run. */
static int hist_row(const where *w, char **fl, const int *pos, shp_cr_data *d, const cr_run_index *ix,
                    hist_state *hs)
{
    long seed, gen;
    double e, b;
    int rc;
    if (!*fl[pos[HC_CASE]] || !*fl[pos[HC_VARIANT]])
        return bad(w, "%s is empty%s", *fl[pos[HC_CASE]] ? "variant" : "case", "");
    if ((rc = get_integer(w, "seed", fl[pos[HC_SEED]], LONG_MIN, &seed)) != SHP_OK) return rc;
    if ((rc = get_integer(w, "generation", fl[pos[HC_GEN]], 0, &gen)) != SHP_OK) return rc;
    if ((rc = get_finite(w, "evaluations", fl[pos[HC_EVALS]], 0, 0.0, &e)) != SHP_OK) return rc;
    if ((rc = get_number(w, "best_sum", fl[pos[HC_BEST]], 1, &b)) != SHP_OK) return rc;
    if (isnan(b)) b = INFINITY; /* empty: nothing scored yet */
    ++d->history_rows;
    const int k = cr_index_find(ix, d->run, fl[pos[HC_CASE]], fl[pos[HC_VARIANT]], seed);
    if (k < 0) return SHP_OK; /* a run that did not finish */
    shp_cr_run *r = &d->run[k];
    if (r->n_hist > 0 && (gen <= hs->last_gen[k] || e < r->hist_evals[r->n_hist - 1]))
        r->n_hist = 0; /* the run was done again: keep its last sequence */
    hs->last_gen[k] = (int)(gen < INT32_MAX ? gen : INT32_MAX);
    if (hist_push(r, &hs->cap[k], e, b) == SHP_OK) return SHP_OK;
    snprintf(w->err, w->len, "out of memory");
    return SHP_ERR_NOMEM;
}

static int read_history(const char *dir, shp_cr_data *d, const cr_run_index *ix, char *err, size_t len)
{
    char path[SHP_PATH_MAX];
    if (shp_path_join(path, sizeof path, dir, "history.csv") != 0)
        return shp_path_too_long(dir, "history.csv", err, len);
    shp_csv_rows in;
    int rc = shp_csv_rows_open(&in, path, err, len);
    if (rc != SHP_OK && in.errnum == ENOENT) { /* reported as missing */
        if (len) err[0] = '\0';
        return SHP_OK;
    }
    if (rc != SHP_OK) return rc;
    d->have_history = 1;
    const size_t n = (size_t)(d->n_runs > 0 ? d->n_runs : 1);
    hist_state hs = {calloc(n, sizeof *hs.cap), calloc(n, sizeof *hs.last_gen)};
    if (!hs.cap || !hs.last_gen) {
        snprintf(err, len, "out of memory");
        rc = SHP_ERR_NOMEM;
    }
    const where w = {&in, err, len};
    int pos[N_HIST_COLS], nf = 0;
    if (rc == SHP_OK) rc = shp_csv_rows_header(&in, hist_cols, N_HIST_COLS, pos, err, len);
    while (rc == SHP_OK && (nf = shp_csv_rows_record(&in, err, len)) > 0)
        rc = hist_row(&w, in.field, pos, d, ix, &hs);
    if (rc == SHP_OK && nf < 0) rc = nf;
    free(hs.cap);
    free(hs.last_gen);
    shp_csv_rows_close(&in);
    return rc;
}

/* ------------------------------------------------------------ both */

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
    cr_run_index ix = {0};
    int rc = read_runs(dir, d, &ix, err, len);
    if (rc == SHP_OK) rc = read_history(dir, d, &ix, err, len);
    cr_index_free(&ix);
    if (rc != SHP_OK) shp_cr_free(d);
    return rc;
}
