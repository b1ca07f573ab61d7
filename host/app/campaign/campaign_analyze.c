/* The campaign report's analysis (campaign_report.h): the runs grouped into cases and
 * variants, each variant's statistics, the ranking, and the rank-sum and Friedman
 * tests of each case. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "campaign/campaign_report.h"
#include "shpfit/status.h"

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


/* The case and variant of run r, added in order of first appearance; *c, *v their
 * indices. SHP_OK or SHP_ERR_NOMEM. */
static int place_run(shp_cr_data *d, const shp_cr_run *r, int *c, int *v)
{
    if ((*c = shp_cr_find_case(d, r->case_name)) < 0) {
        shp_cr_case *nc = realloc(d->cases, (size_t)(d->n_cases + 1) * sizeof *nc);
        if (!nc) return SHP_ERR_NOMEM;
        d->cases = nc;
        *c = d->n_cases++;
        memset(&d->cases[*c], 0, sizeof d->cases[*c]);
        d->cases[*c].name = r->case_name;
    }
    shp_cr_case *cs = &d->cases[*c];
    if ((*v = shp_cr_find_variant(cs, r->variant)) < 0) {
        shp_cr_variant *nv = realloc(cs->variant, (size_t)(cs->n_variants + 1) * sizeof *nv);
        if (!nv) return SHP_ERR_NOMEM;
        cs->variant = nv;
        *v = cs->n_variants++;
        memset(&cs->variant[*v], 0, sizeof cs->variant[*v]);
        cs->variant[*v].name = r->variant;
        cs->variant[*v].algorithm = r->algorithm;
        cs->variant[*v].multi_objective = is_multi_objective(r->algorithm);
    }
    cs->variant[*v].n_runs++;
    return SHP_OK;
}

/* Each variant's run list and each case's order, sized by the counts place_run made. */
static int alloc_lists(shp_cr_data *d)
{
    for (int c = 0; c < d->n_cases; ++c) {
        shp_cr_case *cs = &d->cases[c];
        for (int v = 0; v < cs->n_variants; ++v) {
            cs->variant[v].run = malloc((size_t)cs->variant[v].n_runs * sizeof(int));
            if (!cs->variant[v].run) return SHP_ERR_NOMEM;
            cs->variant[v].n_runs = 0;
        }
        cs->order = malloc((size_t)cs->n_variants * sizeof *cs->order);
        if (!cs->order) return SHP_ERR_NOMEM;
    }
    return SHP_OK;
}

/* Cases and variants in order of first appearance, each variant with its runs. */
static int group_runs(shp_cr_data *d)
{
    int *case_of = malloc((size_t)(d->n_runs > 0 ? d->n_runs : 1) * 2 * sizeof *case_of);
    if (!case_of) return SHP_ERR_NOMEM;
    int *var_of = case_of + d->n_runs, rc = SHP_OK;
    for (int i = 0; i < d->n_runs && rc == SHP_OK; ++i) rc = place_run(d, &d->run[i], &case_of[i], &var_of[i]);
    if (rc == SHP_OK) rc = alloc_lists(d);
    for (int i = 0; i < d->n_runs && rc == SHP_OK; ++i) {
        shp_cr_case *cs = &d->cases[case_of[i]];
        shp_cr_variant *v = &cs->variant[var_of[i]];
        v->run[v->n_runs++] = i;
        cs->max_evaluations = fmax(cs->max_evaluations, d->run[i].evaluations);
    }
    free(case_of);
    return rc;
}

/* File names of the cases, unique. */
static void name_files(shp_cr_data *d)
{
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
}

/* Statistics of a case's variants, its ranking and tests; buffers of nmax runs. */
static int analyze_case(const shp_cr_data *d, shp_cr_case *cs, double alpha, double *buf, int *ok, int nmax)
{
    int rc = SHP_OK;
    for (int v = 0; v < cs->n_variants && rc == SHP_OK; ++v) {
        shp_cr_variant *vv = &cs->variant[v];
        rc = sort_runs_by_seed(d, vv);
        if (rc == SHP_OK) rc = variant_stats(d, vv, buf, buf + nmax, buf + 2 * nmax, ok);
    }
    if (rc == SHP_OK) rc = rank_variants(cs);
    if (rc == SHP_OK && cs->n_variants) rc = case_tests(d, cs, alpha);
    if (rc == SHP_OK) rc = case_friedman(d, cs);
    return rc;
}

static int analyze_cases(shp_cr_data *d, double alpha)
{
    int nmax = 1;
    for (int c = 0; c < d->n_cases; ++c)
        for (int v = 0; v < d->cases[c].n_variants; ++v)
            nmax = d->cases[c].variant[v].n_runs > nmax ? d->cases[c].variant[v].n_runs : nmax;
    double *buf = malloc((size_t)nmax * 3 * sizeof *buf);
    int *ok = malloc((size_t)nmax * sizeof *ok);
    int rc = buf && ok ? SHP_OK : SHP_ERR_NOMEM;
    for (int c = 0; c < d->n_cases && rc == SHP_OK; ++c) rc = analyze_case(d, &d->cases[c], alpha, buf, ok, nmax);
    free(buf);
    free(ok);
    return rc;
}

int shp_cr_analyze(shp_cr_data *d, double alpha, char *err, size_t len)
{
    if (!(alpha > 0.0 && alpha < 1.0)) {
        snprintf(err, len, "the significance level alpha must be between 0 and 1 (got %g)", alpha);
        return SHP_ERR_INVALID;
    }
    d->alpha = alpha;
    if (group_runs(d) != SHP_OK) {
        snprintf(err, len, "out of memory");
        return SHP_ERR_NOMEM;
    }
    name_files(d);
    const int rc = analyze_cases(d, alpha);
    if (rc != SHP_OK) snprintf(err, len, "%s", rc == SHP_ERR_NOMEM ? "out of memory" : "statistics failed");
    return rc;
}
