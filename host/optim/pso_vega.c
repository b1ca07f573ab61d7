/* PSO–VEGA: the hybrid of the seed paper (Li et al. 2018, ref. [32] of seed 002),
 * designed here since the seed does not spell it out (docs/algorithms.md gives the
 * reasoning). The swarm is split into n_obj sub-swarms (contiguous blocks); the
 * particles of sub-swarm j judge their personal bests and their guides (gbest or ring
 * within the sub-swarm) by objective j alone — VEGA's per-objective selection, done by
 * the swarm dynamics. Each generation, after every particle has moved, VEGA's exchange
 * step: the particles are shuffled into pairs across sub-swarms, and each pair is, with
 * probability exchange_rate, replaced by the GA crossover of the two particles'
 * personal bests followed by GA mutation; the children become the pair's new positions
 * and start with zero velocity (personal bests stay). Children of specialists of
 * different objectives land between them, which is where the compromises of the front
 * lie. */
#include <stdlib.h>
#include <string.h>

#include "optim/optim_internal.h"

typedef struct {
    double *v;     /* pop × dim velocities */
    double *pbest; /* pop × dim personal bests */
    double *pf;    /* pop: personal best on the particle's own objective */
    int *guide;    /* pop */
    int *perm;     /* pop: the generation's shuffle */
    double *child; /* 2 × dim */
} pv_state;

static int pv_init(shp_optimizer *o)
{
    pv_state *st = calloc(1, sizeof *st);
    if (!st) return SHP_ERR_NOMEM;
    o->state = st;
    const size_t pd = (size_t)o->pop * (size_t)o->dim;
    st->v = calloc(pd, sizeof *st->v);
    st->pbest = calloc(pd, sizeof *st->pbest);
    st->pf = calloc((size_t)o->pop, sizeof *st->pf);
    st->guide = calloc((size_t)o->pop, sizeof *st->guide);
    st->perm = calloc((size_t)o->pop, sizeof *st->perm);
    st->child = calloc(2 * (size_t)o->dim, sizeof *st->child);
    return (st->v && st->pbest && st->pf && st->guide && st->perm && st->child) ? SHP_OK : SHP_ERR_NOMEM;
}

static void pv_free(shp_optimizer *o)
{
    pv_state *st = o->state;
    if (!st) return;
    free(st->v);
    free(st->pbest);
    free(st->pf);
    free(st->guide);
    free(st->perm);
    free(st->child);
    free(st);
    o->state = NULL;
}

static void pv_update(shp_optimizer *o)
{
    pv_state *st = o->state;
    const int dim = o->dim, pop = o->pop, m = o->n_obj;
    for (int j = 0; j < m; ++j) {
        const int first = shp_opt_sub_start(pop, m, j), n = shp_opt_sub_size(pop, m, j);
        for (int i = first; i < first + n; ++i) {
            const double *xi = &o->x[(size_t)i * dim];
            const double fi = o->f[(size_t)i * m + j];
            if (o->generation == 0) {
                shp_rng r;
                shp_opt_stream(o, &r, 0, SHP_RS_PSO_VELOCITY, (uint32_t)i);
                shp_pso_init_velocity(&o->s, &r, xi, &st->v[(size_t)i * dim], dim);
            }
            if (o->generation == 0 || fi < st->pf[i]) {
                st->pf[i] = fi;
                memcpy(&st->pbest[(size_t)i * dim], xi, (size_t)dim * sizeof *xi);
            }
        }
        shp_pso_guides(&o->s, st->pf, first, n, st->guide);
    }
}

static void pv_generate(shp_optimizer *o)
{
    pv_state *st = o->state;
    const int dim = o->dim, pop = o->pop;
    const long gen = o->generation;
    const double w = shp_pso_weight(&o->s, gen);
    shp_rng r;
    /* 1. every particle moves within its sub-swarm */
    for (int i = 0; i < pop; ++i) {
        shp_opt_stream(o, &r, gen, SHP_RS_PSO_MOVE, (uint32_t)i);
        const int g = st->guide[i];
        const double *p = isfinite(st->pf[i]) ? &st->pbest[(size_t)i * dim] : NULL;
        const double *gb = isfinite(st->pf[g]) ? &st->pbest[(size_t)g * dim] : NULL;
        shp_pso_move(&o->s, &r, w, &o->x[(size_t)i * dim], &st->v[(size_t)i * dim], p, gb, dim);
    }
    /* 2. VEGA exchange: shuffle, pair, recombine personal bests, mutate */
    if (o->s.exchange_rate <= 0.0) return;
    for (int i = 0; i < pop; ++i) st->perm[i] = i;
    shp_opt_stream(o, &r, gen, SHP_RS_SHUFFLE, 0);
    shp_ga_shuffle(&r, st->perm, pop);
    const double pm = shp_ga_pm(&o->s, dim);
    double *c1 = st->child, *c2 = st->child + dim;
    for (int k = 0; 2 * k + 1 < pop; ++k) {
        shp_opt_stream(o, &r, gen, SHP_RS_EXCHANGE, (uint32_t)k);
        if (shp_rng_uniform(&r) >= o->s.exchange_rate) continue;
        const int a = st->perm[2 * k], b = st->perm[2 * k + 1];
        if (!isfinite(st->pf[a]) || !isfinite(st->pf[b])) continue;
        shp_ga_recombine(&o->s, &r, &st->pbest[(size_t)a * dim], &st->pbest[(size_t)b * dim], c1, c2, dim, 1);
        shp_ga_mutate(&o->s, &r, c1, dim, pm);
        shp_ga_mutate(&o->s, &r, c2, dim, pm);
        memcpy(&o->x[(size_t)a * dim], c1, (size_t)dim * sizeof *c1);
        memcpy(&o->x[(size_t)b * dim], c2, (size_t)dim * sizeof *c2);
        /* a child is a new individual: the old momentum does not belong to it */
        memset(&st->v[(size_t)a * dim], 0, (size_t)dim * sizeof *st->v);
        memset(&st->v[(size_t)b * dim], 0, (size_t)dim * sizeof *st->v);
    }
}

static const double *pv_population(const shp_optimizer *o) { return o->x; }

const shp_opt_type shp_opt_type_pso_vega = {
    .id = SHP_OPT_PSO_VEGA,
    .name = "pso_vega",
    .about = "PSO-VEGA hybrid: per-objective sub-swarms, VEGA shuffle and GA exchange between them",
    .multi_objective = 1,
    .min_pop = 2,
    .init = pv_init,
    .free_state = pv_free,
    .generate = pv_generate,
    .update = pv_update,
    .population = pv_population,
};
