/* Real-coded generational GA with elitism: tournament selection, crossover (SBX or
 * BLX-α) with probability p_crossover, per-gene mutation (polynomial or Gaussian).
 * Elitism without re-evaluation: after the offspring are told, the `elitism` best
 * parents replace the worst offspring they beat. Minimises the scalar objective. */
#include <stdlib.h>
#include <string.h>

#include "optim/optim_internal.h"

typedef struct {
    double *P;     /* pop × dim parents */
    double *Pf;    /* pop: their scalar objectives */
    double *E;     /* elitism × dim: kept parents */
    double *Ef;    /* elitism */
    double *child; /* 2 × dim */
    char *mark;    /* pop */
} ga_state;

static int ga_init(shp_optimizer *o)
{
    ga_state *st = calloc(1, sizeof *st);
    if (!st) return SHP_ERR_NOMEM;
    o->state = st;
    const size_t pd = (size_t)o->pop * (size_t)o->dim, e = (size_t)o->s.elitism + 1;
    st->P = calloc(pd, sizeof *st->P);
    st->Pf = calloc((size_t)o->pop, sizeof *st->Pf);
    st->E = calloc(e * (size_t)o->dim, sizeof *st->E);
    st->Ef = calloc(e, sizeof *st->Ef);
    st->child = calloc(2 * (size_t)o->dim, sizeof *st->child);
    st->mark = calloc((size_t)o->pop, 1);
    return (st->P && st->Pf && st->E && st->Ef && st->child && st->mark) ? SHP_OK : SHP_ERR_NOMEM;
}

static void ga_free(shp_optimizer *o)
{
    ga_state *st = o->state;
    if (!st) return;
    free(st->P);
    free(st->Pf);
    free(st->E);
    free(st->Ef);
    free(st->child);
    free(st->mark);
    free(st);
    o->state = NULL;
}

static void ga_generate(shp_optimizer *o)
{
    ga_state *st = o->state;
    const int dim = o->dim, pop = o->pop;
    const double pm = shp_ga_pm(&o->s, dim);
    double *c1 = st->child, *c2 = st->child + dim;
    for (int k = 0; 2 * k < pop; ++k) {
        shp_rng r;
        shp_opt_stream(o, &r, o->generation, SHP_RS_GA_PAIR, (uint32_t)k);
        const int a = shp_ga_tournament(&r, st->Pf, 1, pop, o->s.tournament);
        const int b = shp_ga_tournament(&r, st->Pf, 1, pop, o->s.tournament);
        shp_ga_recombine(&o->s, &r, &st->P[(size_t)a * dim], &st->P[(size_t)b * dim], c1, c2, dim, 0);
        shp_ga_mutate(&o->s, &r, c1, dim, pm);
        shp_ga_mutate(&o->s, &r, c2, dim, pm);
        memcpy(&o->x[(size_t)(2 * k) * dim], c1, (size_t)dim * sizeof *c1);
        if (2 * k + 1 < pop) memcpy(&o->x[(size_t)(2 * k + 1) * dim], c2, (size_t)dim * sizeof *c2);
    }
}

static void ga_update(shp_optimizer *o)
{
    ga_state *st = o->state;
    const int dim = o->dim, pop = o->pop;
    int ne = o->generation == 0 ? 0 : o->s.elitism;
    /* the ne best parents, best first (lower index on ties) */
    memset(st->mark, 0, (size_t)pop);
    for (int e = 0; e < ne; ++e) {
        int b = -1;
        for (int i = 0; i < pop; ++i)
            if (!st->mark[i] && (b < 0 || st->Pf[i] < st->Pf[b])) b = i;
        st->mark[b] = 1;
        memcpy(&st->E[(size_t)e * dim], &st->P[(size_t)b * dim], (size_t)dim * sizeof *st->E);
        st->Ef[e] = st->Pf[b];
    }
    memcpy(st->P, o->x, (size_t)pop * dim * sizeof *st->P);
    memcpy(st->Pf, o->fs, (size_t)pop * sizeof *st->Pf);
    /* each elite replaces the worst remaining offspring (higher index on ties) it beats */
    memset(st->mark, 0, (size_t)pop);
    for (int e = 0; e < ne; ++e) {
        int w = -1;
        for (int i = 0; i < pop; ++i)
            if (!st->mark[i] && (w < 0 || st->Pf[i] >= st->Pf[w])) w = i;
        if (!(st->Ef[e] < st->Pf[w])) break;
        st->mark[w] = 1;
        memcpy(&st->P[(size_t)w * dim], &st->E[(size_t)e * dim], (size_t)dim * sizeof *st->P);
        st->Pf[w] = st->Ef[e];
    }
}

static const double *ga_population(const shp_optimizer *o) { return ((const ga_state *)o->state)->P; }

const shp_opt_type shp_opt_type_ga = {
    .id = SHP_OPT_GA,
    .name = "ga",
    .about = "real-coded genetic algorithm (tournament, SBX or BLX-alpha, polynomial or Gaussian mutation, "
             "elitism)",
    .multi_objective = 0,
    .min_pop = 2,
    .init = ga_init,
    .free_state = ga_free,
    .generate = ga_generate,
    .update = ga_update,
    .population = ga_population,
};
