/* Particle swarm optimisation, generational (Kennedy & Eberhart 1995; inertia weight:
 * Shi & Eberhart 1998; constriction: Clerc & Kennedy 2002): every particle moves, then
 * the whole swarm is evaluated; personal bests and the neighbourhood guides (gbest or
 * ring) are updated from the told generation. Minimises the scalar objective. */
#include <stdlib.h>
#include <string.h>

#include "optim/optim_internal.h"

typedef struct {
    double *v;     /* pop × dim velocities */
    double *pbest; /* pop × dim personal bests */
    double *pf;    /* pop: their scalar objectives (+inf: none yet) */
    int *guide;    /* pop: index of each particle's neighbourhood best */
} pso_state;

static int pso_init(shp_optimizer *o)
{
    pso_state *st = calloc(1, sizeof *st);
    if (!st) return SHP_ERR_NOMEM;
    o->state = st;
    const size_t pd = (size_t)o->pop * (size_t)o->dim;
    st->v = calloc(pd, sizeof *st->v);
    st->pbest = calloc(pd, sizeof *st->pbest);
    st->pf = calloc((size_t)o->pop, sizeof *st->pf);
    st->guide = calloc((size_t)o->pop, sizeof *st->guide);
    return (st->v && st->pbest && st->pf && st->guide) ? SHP_OK : SHP_ERR_NOMEM;
}

static void pso_free(shp_optimizer *o)
{
    pso_state *st = o->state;
    if (!st) return;
    free(st->v);
    free(st->pbest);
    free(st->pf);
    free(st->guide);
    free(st);
    o->state = NULL;
}

static void pso_update(shp_optimizer *o)
{
    pso_state *st = o->state;
    const int dim = o->dim;
    for (int i = 0; i < o->pop; ++i) {
        const double *xi = &o->x[(size_t)i * dim];
        if (o->generation == 0) {
            shp_rng r;
            shp_opt_stream(o, &r, 0, SHP_RS_PSO_VELOCITY, (uint32_t)i);
            shp_pso_init_velocity(&o->s, &r, xi, &st->v[(size_t)i * dim], dim);
            st->pf[i] = o->fs[i];
            memcpy(&st->pbest[(size_t)i * dim], xi, (size_t)dim * sizeof *xi);
        } else if (o->fs[i] < st->pf[i]) {
            st->pf[i] = o->fs[i];
            memcpy(&st->pbest[(size_t)i * dim], xi, (size_t)dim * sizeof *xi);
        }
    }
    shp_pso_guides(&o->s, st->pf, 0, o->pop, st->guide);
}

static void pso_generate(shp_optimizer *o)
{
    pso_state *st = o->state;
    const int dim = o->dim;
    const double w = shp_pso_weight(&o->s, o->generation);
    for (int i = 0; i < o->pop; ++i) {
        shp_rng r;
        shp_opt_stream(o, &r, o->generation, SHP_RS_PSO_MOVE, (uint32_t)i);
        const int g = st->guide[i];
        const double *p = isfinite(st->pf[i]) ? &st->pbest[(size_t)i * dim] : NULL;
        const double *gb = isfinite(st->pf[g]) ? &st->pbest[(size_t)g * dim] : NULL;
        shp_pso_move(&o->s, &r, w, &o->x[(size_t)i * dim], &st->v[(size_t)i * dim], p, gb, dim);
    }
}

static const double *pso_population(const shp_optimizer *o) { return o->x; }

const shp_opt_type shp_opt_type_pso = {
    .id = SHP_OPT_PSO,
    .name = "pso",
    .about = "particle swarm (inertia weight or constriction; gbest or ring topology)",
    .multi_objective = 0,
    .min_pop = 2,
    .init = pso_init,
    .free_state = pso_free,
    .generate = pso_generate,
    .update = pso_update,
    .population = pso_population,
};
