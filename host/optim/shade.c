/* SHADE (Tanabe & Fukunaga 2013): success-history based adaptation of F and CR with
 * current-to-pbest/1/bin and an external archive of replaced parents. Generational like
 * the other DE variants. Per trial i: r uniform in the memory, CR ~ N(M_CR[r], 0.1)
 * clipped to [0,1], F ~ Cauchy(M_F[r], 0.1) redrawn while ≤ 0 and cut at 1; pbest
 * among the best ⌈p·pop⌉ (p uniform in [2/pop, p_max]); x_r1 from the population,
 * x_r2 from population ∪ archive. After the generation the successful (strictly
 * better) F and CR update one memory slot: weighted Lehmer mean for F, weighted mean
 * for CR, weights |Δf|. A failed parent (+inf) that a trial beats gets the largest
 * finite |Δf| of the generation as weight (1 when there is none). */
#include <stdlib.h>
#include <string.h>

#include "optim/optim_internal.h"

typedef struct {
    double *P, *Pf;   /* pop × dim, pop */
    double *MF, *MCR; /* H */
    int k;            /* next memory slot */
    double *A;        /* archive: cap × dim */
    int a_cap, a_n;
    double *Ft, *CRt;   /* pop: the trials' parameters */
    double *dlt;        /* pop: improvement of each successful trial (NAN: not successful) */
    shp_opt_rank *rank; /* pop */
} shade_state;

static int shade_init(shp_optimizer *o)
{
    shade_state *st = calloc(1, sizeof *st);
    if (!st) return SHP_ERR_NOMEM;
    o->state = st;
    const size_t pop = (size_t)o->pop, dim = (size_t)o->dim, H = (size_t)o->s.shade_H;
    st->a_cap = (int)floor(o->s.shade_archive * o->pop + 0.5);
    st->P = calloc(pop * dim, sizeof *st->P);
    st->Pf = calloc(pop, sizeof *st->Pf);
    st->MF = calloc(H, sizeof *st->MF);
    st->MCR = calloc(H, sizeof *st->MCR);
    st->A = calloc((size_t)(st->a_cap + 1) * dim, sizeof *st->A);
    st->Ft = calloc(pop, sizeof *st->Ft);
    st->CRt = calloc(pop, sizeof *st->CRt);
    st->dlt = calloc(pop, sizeof *st->dlt);
    st->rank = calloc(pop, sizeof *st->rank);
    if (!st->P || !st->Pf || !st->MF || !st->MCR || !st->A || !st->Ft || !st->CRt || !st->dlt || !st->rank)
        return SHP_ERR_NOMEM;
    for (size_t h = 0; h < H; ++h) st->MF[h] = st->MCR[h] = 0.5;
    return SHP_OK;
}

static void shade_free(shp_optimizer *o)
{
    shade_state *st = o->state;
    if (!st) return;
    free(st->P);
    free(st->Pf);
    free(st->MF);
    free(st->MCR);
    free(st->A);
    free(st->Ft);
    free(st->CRt);
    free(st->dlt);
    free(st->rank);
    free(st);
    o->state = NULL;
}

static double bounce(double v, double parent)
{
    if (v < 0.0) return 0.5 * parent;
    if (v > 1.0) return 0.5 * (parent + 1.0);
    return v;
}

static void shade_generate(shp_optimizer *o)
{
    shade_state *st = o->state;
    const int dim = o->dim, pop = o->pop;
    for (int i = 0; i < pop; ++i) {
        st->rank[i].v = st->Pf[i];
        st->rank[i].i = i;
    }
    shp_opt_sort_ranks(st->rank, pop);
    const double p_lo = 2.0 / pop, p_hi = o->s.shade_p_max > p_lo ? o->s.shade_p_max : p_lo;
    for (int i = 0; i < pop; ++i) {
        shp_rng r;
        shp_opt_stream(o, &r, o->generation, SHP_RS_DE_TRIAL, (uint32_t)i);
        const int h = (int)shp_rng_below(&r, (uint32_t)o->s.shade_H);
        double CR = st->MCR[h] + 0.1 * shp_rng_normal(&r);
        CR = CR < 0.0 ? 0.0 : (CR > 1.0 ? 1.0 : CR);
        double F;
        int tries = 0;
        do F = shp_rng_cauchy(&r, st->MF[h], 0.1);
        while (F <= 0.0 && ++tries < 100);
        if (F <= 0.0) F = 0.5; /* practically unreachable; keeps the loop bounded */
        if (F > 1.0) F = 1.0;
        st->Ft[i] = F;
        st->CRt[i] = CR;

        int np = (int)ceil(shp_rng_range(&r, p_lo, p_hi) * pop);
        if (np < 2) np = 2;
        if (np > pop) np = pop;
        const int pb = st->rank[shp_rng_below(&r, (uint32_t)np)].i;
        int r1;
        do r1 = (int)shp_rng_below(&r, (uint32_t)pop);
        while (r1 == i);
        int r2;
        do r2 = (int)shp_rng_below(&r, (uint32_t)(pop + st->a_n));
        while (r2 == i || r2 == r1);
        const double *xi = &st->P[(size_t)i * dim], *xp = &st->P[(size_t)pb * dim];
        const double *x1 = &st->P[(size_t)r1 * dim];
        const double *x2 = r2 < pop ? &st->P[(size_t)r2 * dim] : &st->A[(size_t)(r2 - pop) * dim];
        const int jrand = (int)shp_rng_below(&r, (uint32_t)dim);
        double *u = &o->x[(size_t)i * dim];
        for (int d = 0; d < dim; ++d) {
            const double uc = shp_rng_uniform(&r);
            if (uc < CR || d == jrand)
                u[d] = bounce(xi[d] + F * (xp[d] - xi[d]) + F * (x1[d] - x2[d]), xi[d]);
            else u[d] = xi[d];
        }
    }
}

static void shade_update(shp_optimizer *o)
{
    shade_state *st = o->state;
    const int dim = o->dim, pop = o->pop;
    if (o->generation == 0) {
        memcpy(st->P, o->x, (size_t)pop * dim * sizeof *st->P);
        memcpy(st->Pf, o->fs, (size_t)pop * sizeof *st->Pf);
        return;
    }
    double dmax = 0.0;
    int n_succ = 0;
    for (int i = 0; i < pop; ++i) {
        st->dlt[i] = NAN;
        if (o->fs[i] < st->Pf[i]) {
            st->dlt[i] = st->Pf[i] - o->fs[i]; /* +inf when the parent had failed */
            if (isfinite(st->dlt[i]) && st->dlt[i] > dmax) dmax = st->dlt[i];
            ++n_succ;
        }
    }
    double sw = 0.0, swF = 0.0, swF2 = 0.0, swCR = 0.0;
    for (int i = 0; i < pop; ++i) {
        if (!(o->fs[i] <= st->Pf[i])) continue;
        if (!isnan(st->dlt[i])) {
            const double w = isfinite(st->dlt[i]) ? st->dlt[i] : (dmax > 0.0 ? dmax : 1.0);
            sw += w;
            swF += w * st->Ft[i];
            swF2 += w * st->Ft[i] * st->Ft[i];
            swCR += w * st->CRt[i];
            /* the replaced parent goes to the archive (a random member leaves when full) */
            if (st->a_cap > 0) {
                int slot = st->a_n;
                if (st->a_n < st->a_cap) st->a_n++;
                else {
                    shp_rng r;
                    shp_opt_stream(o, &r, o->generation, SHP_RS_SHADE_ARCHIVE, (uint32_t)i);
                    slot = (int)shp_rng_below(&r, (uint32_t)st->a_cap);
                }
                memcpy(&st->A[(size_t)slot * dim], &st->P[(size_t)i * dim], (size_t)dim * sizeof *st->A);
            }
        }
        memcpy(&st->P[(size_t)i * dim], &o->x[(size_t)i * dim], (size_t)dim * sizeof *st->P);
        st->Pf[i] = o->fs[i];
    }
    if (n_succ > 0 && sw > 0.0) {
        st->MCR[st->k] = swCR / sw;
        st->MF[st->k] = swF > 0.0 ? swF2 / swF : st->MF[st->k];
        st->k = (st->k + 1) % o->s.shade_H;
    }
}

static const double *shade_population(const shp_optimizer *o) { return ((const shade_state *)o->state)->P; }

const shp_opt_type shp_opt_type_shade = {
    .id = SHP_OPT_SHADE,
    .name = "shade",
    .about = "success-history adaptive DE (Tanabe & Fukunaga 2013), current-to-pbest/1/bin with archive",
    .multi_objective = 0,
    .min_pop = 4,
    .init = shade_init,
    .free_state = shade_free,
    .generate = shade_generate,
    .update = shade_update,
    .population = shade_population,
};
