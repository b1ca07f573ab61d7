/* VEGA, the vector-evaluated genetic algorithm (Schaffer 1985). The mating pool is
 * split into n_obj sub-populations; sub-population j is filled by tournaments on
 * objective j alone over the whole parent population; the pool is shuffled and
 * consecutive pairs are recombined and mutated with the GA operators. Elitism per
 * objective, without re-evaluation: for each objective the `elitism` best parents on
 * it replace the offspring worst on it when they beat them. */
#include <stdlib.h>
#include <string.h>

#include "optim/optim_internal.h"

typedef struct {
    double *P;     /* pop × dim parents */
    double *Pf;    /* pop × n_obj their objectives */
    int *pool;     /* pop: mating pool (parent indices) */
    double *E;     /* (elitism·n_obj) × dim kept parents */
    double *Ef;    /* (elitism·n_obj) × n_obj */
    int *Eobj;     /* objective each elite was kept for */
    double *child; /* 2 × dim */
    char *mark;    /* pop */
} vega_state;

static int vega_init(shp_optimizer *o)
{
    vega_state *st = calloc(1, sizeof *st);
    if (!st) return SHP_ERR_NOMEM;
    o->state = st;
    const size_t pop = (size_t)o->pop, dim = (size_t)o->dim, m = (size_t)o->n_obj;
    const size_t ne = (size_t)o->s.elitism * m + 1;
    st->P = calloc(pop * dim, sizeof *st->P);
    st->Pf = calloc(pop * m, sizeof *st->Pf);
    st->pool = calloc(pop, sizeof *st->pool);
    st->E = calloc(ne * dim, sizeof *st->E);
    st->Ef = calloc(ne * m, sizeof *st->Ef);
    st->Eobj = calloc(ne, sizeof *st->Eobj);
    st->child = calloc(2 * dim, sizeof *st->child);
    st->mark = calloc(pop, 1);
    return (st->P && st->Pf && st->pool && st->E && st->Ef && st->Eobj && st->child && st->mark)
               ? SHP_OK
               : SHP_ERR_NOMEM;
}

static void vega_free(shp_optimizer *o)
{
    vega_state *st = o->state;
    if (!st) return;
    free(st->P);
    free(st->Pf);
    free(st->pool);
    free(st->E);
    free(st->Ef);
    free(st->Eobj);
    free(st->child);
    free(st->mark);
    free(st);
    o->state = NULL;
}

static void vega_generate(shp_optimizer *o)
{
    vega_state *st = o->state;
    const int dim = o->dim, pop = o->pop, m = o->n_obj;
    const double pm = shp_ga_pm(&o->s, dim);
    shp_rng r;
    /* selection: slot i of sub-population j by a tournament on objective j */
    for (int j = 0; j < m; ++j) {
        const int first = shp_opt_sub_start(pop, m, j), n = shp_opt_sub_size(pop, m, j);
        for (int i = first; i < first + n; ++i) {
            shp_opt_stream(o, &r, o->generation, SHP_RS_VEGA_SELECT, (uint32_t)i);
            st->pool[i] = shp_ga_tournament(&r, st->Pf + j, m, pop, o->s.tournament);
        }
    }
    shp_opt_stream(o, &r, o->generation, SHP_RS_SHUFFLE, 0);
    shp_ga_shuffle(&r, st->pool, pop);
    double *c1 = st->child, *c2 = st->child + dim;
    for (int k = 0; 2 * k < pop; ++k) {
        shp_opt_stream(o, &r, o->generation, SHP_RS_GA_PAIR, (uint32_t)k);
        const int a = st->pool[2 * k], b = st->pool[2 * k + 1 < pop ? 2 * k + 1 : 0];
        shp_ga_recombine(&o->s, &r, &st->P[(size_t)a * dim], &st->P[(size_t)b * dim], c1, c2, dim, 0);
        shp_ga_mutate(&o->s, &r, c1, dim, pm);
        shp_ga_mutate(&o->s, &r, c2, dim, pm);
        memcpy(&o->x[(size_t)(2 * k) * dim], c1, (size_t)dim * sizeof *c1);
        if (2 * k + 1 < pop) memcpy(&o->x[(size_t)(2 * k + 1) * dim], c2, (size_t)dim * sizeof *c2);
    }
}

static void vega_update(shp_optimizer *o)
{
    vega_state *st = o->state;
    const int dim = o->dim, pop = o->pop, m = o->n_obj;
    const int ne_per = o->generation == 0 ? 0 : o->s.elitism;
    /* the ne_per best parents on each objective, each parent kept at most once */
    int ne = 0;
    memset(st->mark, 0, (size_t)pop);
    for (int j = 0; j < m; ++j)
        for (int e = 0; e < ne_per; ++e) {
            int b = -1;
            for (int i = 0; i < pop; ++i) {
                const double fi = st->Pf[(size_t)i * m + j];
                if (st->mark[i] == 2 + j) continue; /* already taken for this objective */
                if (b < 0 || fi < st->Pf[(size_t)b * m + j]) b = i;
            }
            const int dup = st->mark[b] != 0;
            st->mark[b] = (char)(2 + j);
            if (dup) continue; /* kept for an earlier objective already */
            memcpy(&st->E[(size_t)ne * dim], &st->P[(size_t)b * dim], (size_t)dim * sizeof *st->E);
            memcpy(&st->Ef[(size_t)ne * m], &st->Pf[(size_t)b * m], (size_t)m * sizeof *st->Ef);
            st->Eobj[ne++] = j;
        }
    memcpy(st->P, o->x, (size_t)pop * dim * sizeof *st->P);
    memcpy(st->Pf, o->f, (size_t)pop * m * sizeof *st->Pf);
    /* each elite replaces the remaining offspring worst on its objective, if it beats it */
    memset(st->mark, 0, (size_t)pop);
    for (int e = 0; e < ne; ++e) {
        const int j = st->Eobj[e];
        int w = -1;
        for (int i = 0; i < pop; ++i)
            if (!st->mark[i] && (w < 0 || st->Pf[(size_t)i * m + j] >= st->Pf[(size_t)w * m + j])) w = i;
        if (!(st->Ef[(size_t)e * m + j] < st->Pf[(size_t)w * m + j])) continue;
        st->mark[w] = 1;
        memcpy(&st->P[(size_t)w * dim], &st->E[(size_t)e * dim], (size_t)dim * sizeof *st->P);
        memcpy(&st->Pf[(size_t)w * m], &st->Ef[(size_t)e * m], (size_t)m * sizeof *st->Pf);
    }
}

static const double *vega_population(const shp_optimizer *o) { return ((const vega_state *)o->state)->P; }

const shp_opt_type shp_opt_type_vega = {
    .id = SHP_OPT_VEGA,
    .name = "vega",
    .about = "vector-evaluated GA (Schaffer 1985): per-objective selection, shuffle, GA operators",
    .multi_objective = 1,
    .min_pop = 2,
    .init = vega_init,
    .free_state = vega_free,
    .generate = vega_generate,
    .update = vega_update,
    .population = vega_population,
};
