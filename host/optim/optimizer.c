/* The optimizer object: the algorithm table, create/destroy, ask/tell and the queries.
 * What every algorithm shares lives here (generation 0, failure handling, best-so-far,
 * Pareto archive, spread); each algorithm file fills one shp_opt_type. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "optim/optim_internal.h"

static const shp_opt_type *const types[SHP_OPT_COUNT] = {
    [SHP_OPT_PSO] = &shp_opt_type_pso,     [SHP_OPT_GA] = &shp_opt_type_ga,
    [SHP_OPT_VEGA] = &shp_opt_type_vega,   [SHP_OPT_PSO_VEGA] = &shp_opt_type_pso_vega,
    [SHP_OPT_DE] = &shp_opt_type_de,       [SHP_OPT_JDE] = &shp_opt_type_jde,
    [SHP_OPT_SHADE] = &shp_opt_type_shade, [SHP_OPT_NSGA2] = &shp_opt_type_nsga2,
    [SHP_OPT_CMAES] = &shp_opt_type_cmaes,
};

const shp_opt_type *shp_opt_type_of(shp_opt_algorithm alg)
{
    return ((int)alg >= 0 && alg < SHP_OPT_COUNT) ? types[alg] : NULL;
}

shp_optimizer *shp_optimizer_create(shp_opt_algorithm alg, int dim, int n_obj, const shp_opt_settings *s,
                                    uint64_t seed, int run_id)
{
    if (shp_opt_check(alg, dim, n_obj, s, NULL, 0) != SHP_OK) return NULL;
    shp_optimizer *o = calloc(1, sizeof *o);
    if (!o) return NULL;
    o->type = types[alg];
    o->s = s ? *s : shp_opt_settings_default(alg);
    o->dim = dim;
    o->n_obj = n_obj;
    o->pop = o->s.pop_size;
    o->seed = seed;
    o->run = (uint64_t)(uint32_t)run_id;
    o->best_s = INFINITY;
    o->spread = NAN;

    const size_t pd = (size_t)o->pop * (size_t)dim, pm = (size_t)o->pop * (size_t)n_obj;
    o->x = calloc(pd, sizeof *o->x);
    o->f = calloc(pm, sizeof *o->f);
    o->fs = calloc((size_t)o->pop, sizeof *o->fs);
    o->ok = calloc((size_t)o->pop, sizeof *o->ok);
    o->best_x = calloc((size_t)dim, sizeof *o->best_x);
    o->best_f = calloc((size_t)n_obj, sizeof *o->best_f);
    o->have_obj = calloc((size_t)n_obj, sizeof *o->have_obj);
    o->obj_x = calloc((size_t)n_obj * (size_t)dim, sizeof *o->obj_x);
    o->obj_f = calloc((size_t)n_obj * (size_t)n_obj, sizeof *o->obj_f);
    o->lhs_perm = calloc((size_t)o->pop, sizeof *o->lhs_perm);
    int fail = !o->x || !o->f || !o->fs || !o->ok || !o->best_x || !o->best_f || !o->have_obj || !o->obj_x ||
               !o->obj_f || !o->lhs_perm;
    if (!fail && n_obj > 1) {
        o->archive = shp_pareto_create_ex(n_obj, dim, o->s.archive_capacity, o->pop);
        fail = !o->archive;
    }
    if (!fail) fail = o->type->init(o) != SHP_OK;
    if (fail) {
        shp_optimizer_destroy(o);
        return NULL;
    }
    return o;
}

void shp_optimizer_destroy(shp_optimizer *o)
{
    if (!o) return;
    if (o->type && o->type->free_state) o->type->free_state(o);
    shp_pareto_destroy(o->archive);
    free(o->x);
    free(o->f);
    free(o->fs);
    free(o->ok);
    free(o->best_x);
    free(o->best_f);
    free(o->have_obj);
    free(o->obj_x);
    free(o->obj_f);
    free(o->lhs_perm);
    free(o);
}

shp_status shp_optimizer_set_initial(shp_optimizer *o, const double *x, int n)
{
    if (!o || (n > 0 && !x) || n < 0 || n > o->pop || o->generation > 0 || o->asked) return SHP_ERR_INVALID;
    const size_t m = (size_t)n * (size_t)o->dim;
    for (size_t k = 0; k < m; ++k)
        if (!(x[k] >= 0.0 && x[k] <= 1.0)) return SHP_ERR_INVALID;
    if (m) memcpy(o->x, x, m * sizeof *x);
    o->n_initial = n;
    return SHP_OK;
}

/* Generation 0: injected rows first, the rest uniform or a Latin hypercube. */
static void initial_population(shp_optimizer *o)
{
    const int dim = o->dim, pop = o->pop;
    shp_rng r;
    for (int i = o->n_initial; i < pop; ++i) {
        shp_opt_stream(o, &r, 0, SHP_RS_INIT, (uint32_t)i);
        for (int d = 0; d < dim; ++d) o->x[(size_t)i * dim + d] = shp_rng_uniform(&r);
    }
    if (o->s.init != SHP_INIT_LHS) return;
    /* stratum perm[i] of coordinate d for candidate i, the position within it from the
     * uniform draw above */
    for (int d = 0; d < dim; ++d) {
        for (int i = 0; i < pop; ++i) o->lhs_perm[i] = i;
        shp_opt_stream(o, &r, 0, SHP_RS_LHS, (uint32_t)d);
        shp_ga_shuffle(&r, o->lhs_perm, pop);
        for (int i = o->n_initial; i < pop; ++i) {
            double *xi = &o->x[(size_t)i * dim + d];
            *xi = ((double)o->lhs_perm[i] + *xi) / (double)pop;
        }
    }
}

shp_status shp_optimizer_ask(shp_optimizer *o, double *x)
{
    if (!o) return SHP_ERR_INVALID;
    if (!o->asked) {
        if (o->generation == 0) initial_population(o);
        else o->type->generate(o);
        o->asked = 1;
    }
    if (x) memcpy(x, o->x, (size_t)o->pop * (size_t)o->dim * sizeof *x);
    return SHP_OK;
}

const double *shp_optimizer_candidates(const shp_optimizer *o) { return o ? o->x : NULL; }

static double spread_of(const double *p, int pop, int dim)
{
    double acc = 0.0;
    for (int d = 0; d < dim; ++d) {
        double mean = 0.0, var = 0.0;
        for (int i = 0; i < pop; ++i) mean += p[(size_t)i * dim + d];
        mean /= pop;
        for (int i = 0; i < pop; ++i) {
            const double e = p[(size_t)i * dim + d] - mean;
            var += e * e;
        }
        acc += sqrt(var / pop);
    }
    return acc / dim * sqrt(12.0);
}

shp_status shp_optimizer_tell(shp_optimizer *o, const double *f, const int *ok)
{
    if (!o || !f || !o->asked) return SHP_ERR_INVALID;
    const int pop = o->pop, m = o->n_obj, dim = o->dim;
    for (int i = 0; i < pop; ++i) {
        const double *fi = &f[(size_t)i * m];
        int good = !ok || ok[i];
        double sum = 0.0;
        for (int k = 0; k < m; ++k) {
            if (!isfinite(fi[k])) good = 0;
            sum += fi[k];
        }
        if (!isfinite(sum)) good = 0; /* finite objectives whose sum overflows */
        o->ok[i] = good;
        double *oi = &o->f[(size_t)i * m];
        if (good) {
            memcpy(oi, fi, (size_t)m * sizeof *oi);
            o->fs[i] = sum;
        } else {
            for (int k = 0; k < m; ++k) oi[k] = INFINITY;
            o->fs[i] = INFINITY;
            o->failures++;
        }
    }
    o->evaluations += pop;

    for (int i = 0; i < pop; ++i) {
        if (!o->ok[i]) continue;
        const double *xi = &o->x[(size_t)i * dim], *fi = &o->f[(size_t)i * m];
        if (!o->have_best || o->fs[i] < o->best_s) {
            o->have_best = 1;
            o->best_s = o->fs[i];
            memcpy(o->best_x, xi, (size_t)dim * sizeof *xi);
            memcpy(o->best_f, fi, (size_t)m * sizeof *fi);
        }
        for (int k = 0; k < m; ++k)
            if (!o->have_obj[k] || fi[k] < o->obj_f[(size_t)k * m + k]) {
                o->have_obj[k] = 1;
                memcpy(&o->obj_x[(size_t)k * dim], xi, (size_t)dim * sizeof *xi);
                memcpy(&o->obj_f[(size_t)k * m], fi, (size_t)m * sizeof *fi);
            }
        if (o->archive) shp_pareto_insert_deferred(o->archive, xi, fi);
    }
    if (o->archive) shp_pareto_prune(o->archive);

    o->type->update(o);
    o->generation++;
    o->asked = 0;
    o->spread = spread_of(o->type->population(o), pop, dim);
    return SHP_OK;
}

/* ------------------------------------------------------------------ queries */

shp_opt_algorithm shp_optimizer_algorithm(const shp_optimizer *o) { return o ? o->type->id : SHP_OPT_COUNT; }
const shp_opt_settings *shp_optimizer_settings(const shp_optimizer *o) { return o ? &o->s : NULL; }
int shp_optimizer_pop_size(const shp_optimizer *o) { return o ? o->pop : 0; }
int shp_optimizer_dim(const shp_optimizer *o) { return o ? o->dim : 0; }
int shp_optimizer_n_obj(const shp_optimizer *o) { return o ? o->n_obj : 0; }
long shp_optimizer_generation(const shp_optimizer *o) { return o ? o->generation : 0; }
long shp_optimizer_evaluations(const shp_optimizer *o) { return o ? o->evaluations : 0; }
long shp_optimizer_failures(const shp_optimizer *o) { return o ? o->failures : 0; }
double shp_optimizer_best_value(const shp_optimizer *o) { return o ? o->best_s : NAN; }
double shp_optimizer_spread(const shp_optimizer *o) { return o ? o->spread : NAN; }
const shp_pareto *shp_optimizer_archive(const shp_optimizer *o) { return o ? o->archive : NULL; }

shp_status shp_optimizer_best(const shp_optimizer *o, double *x, double *f)
{
    if (!o || !o->have_best) return SHP_ERR_INVALID;
    if (x) memcpy(x, o->best_x, (size_t)o->dim * sizeof *x);
    if (f) memcpy(f, o->best_f, (size_t)o->n_obj * sizeof *f);
    return SHP_OK;
}

shp_status shp_optimizer_best_for(const shp_optimizer *o, int k, double *x, double *f)
{
    if (!o || k < 0 || k >= o->n_obj || !o->have_obj[k]) return SHP_ERR_INVALID;
    if (x) memcpy(x, &o->obj_x[(size_t)k * o->dim], (size_t)o->dim * sizeof *x);
    if (f) memcpy(f, &o->obj_f[(size_t)k * o->n_obj], (size_t)o->n_obj * sizeof *f);
    return SHP_OK;
}

void shp_optimizer_log(const shp_optimizer *o, shp_opt_log *line)
{
    if (!line) return;
    memset(line, 0, sizeof *line);
    if (!o) return;
    line->generation = o->generation;
    line->evaluations = o->evaluations;
    line->failures = o->failures;
    line->n_obj = o->n_obj;
    line->best_value = o->best_s;
    for (int k = 0; k < SHP_OPT_MAX_OBJ; ++k)
        line->best[k] = (k < o->n_obj && o->have_obj[k]) ? o->obj_f[(size_t)k * o->n_obj + k] : INFINITY;
    line->spread = o->spread;
    line->archive_size = o->archive ? shp_pareto_size(o->archive) : 0;
}

int shp_opt_log_format(const shp_opt_log *l, char *buf, size_t len)
{
    if (!l || !buf) return -1;
    size_t k = 0;
    int w = snprintf(buf, len, "gen %ld  evals %ld  fail %ld  best %.6e", l->generation, l->evaluations,
                     l->failures, l->best_value);
    if (w < 0) return w;
    k = (size_t)w;
    if (l->n_obj > 1) {
        for (int j = 0; j < l->n_obj && j < SHP_OPT_MAX_OBJ; ++j) {
            w = snprintf(buf + (k < len ? k : len), k < len ? len - k : 0, "%s%.3e", j ? " " : "  f [",
                         l->best[j]);
            if (w < 0) return w;
            k += (size_t)w;
        }
        w = snprintf(buf + (k < len ? k : len), k < len ? len - k : 0, "]");
        k += (size_t)(w > 0 ? w : 0);
    }
    w = snprintf(buf + (k < len ? k : len), k < len ? len - k : 0, "  spread %.3f", l->spread);
    k += (size_t)(w > 0 ? w : 0);
    if (l->n_obj > 1) {
        w = snprintf(buf + (k < len ? k : len), k < len ? len - k : 0, "  archive %d", l->archive_size);
        k += (size_t)(w > 0 ? w : 0);
    }
    return (int)k;
}
