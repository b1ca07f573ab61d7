/* Differential evolution (Storn & Price 1997), generational: the whole trial population
 * is generated from the current one, evaluated, then each trial replaces its parent when
 * it is no worse. Strategies rand/1/bin, best/1/bin, current-to-best/1/bin; "de" keeps
 * F and CR fixed, "jde" adapts them per individual (Brest et al. 2006). A mutant
 * coordinate outside [0,1] is set halfway between the parent and the violated bound.
 * Minimises the scalar objective. */
#include <stdlib.h>
#include <string.h>

#include "optim/optim_internal.h"

typedef struct {
    double *P;  /* pop × dim */
    double *Pf; /* pop */
    double *Fi; /* pop: jDE parameters of each individual */
    double *CRi;
    double *Ft; /* pop: parameters the trial was made with */
    double *CRt;
} de_state;

static int de_init(shp_optimizer *o)
{
    de_state *st = calloc(1, sizeof *st);
    if (!st) return SHP_ERR_NOMEM;
    o->state = st;
    const size_t pop = (size_t)o->pop;
    st->P = calloc(pop * (size_t)o->dim, sizeof *st->P);
    st->Pf = calloc(pop, sizeof *st->Pf);
    st->Fi = calloc(pop, sizeof *st->Fi);
    st->CRi = calloc(pop, sizeof *st->CRi);
    st->Ft = calloc(pop, sizeof *st->Ft);
    st->CRt = calloc(pop, sizeof *st->CRt);
    if (!st->P || !st->Pf || !st->Fi || !st->CRi || !st->Ft || !st->CRt) return SHP_ERR_NOMEM;
    for (size_t i = 0; i < pop; ++i) {
        st->Fi[i] = o->s.F;
        st->CRi[i] = o->s.CR;
    }
    return SHP_OK;
}

static void de_free(shp_optimizer *o)
{
    de_state *st = o->state;
    if (!st) return;
    free(st->P);
    free(st->Pf);
    free(st->Fi);
    free(st->CRi);
    free(st->Ft);
    free(st->CRt);
    free(st);
    o->state = NULL;
}

/* A uniformly drawn index in [0, n) different from the `k` excluded ones. */
static int draw_other(shp_rng *r, int n, const int *excl, int k)
{
    for (;;) {
        const int c = (int)shp_rng_below(r, (uint32_t)n);
        int clash = 0;
        for (int t = 0; t < k; ++t) clash |= c == excl[t];
        if (!clash) return c;
    }
}

/* Coordinate of a mutant, brought back into [0,1] halfway to the parent's value. */
static double bounce(double v, double parent)
{
    if (v < 0.0) return 0.5 * parent;
    if (v > 1.0) return 0.5 * (parent + 1.0);
    return v;
}

static void de_generate(shp_optimizer *o)
{
    de_state *st = o->state;
    const int dim = o->dim, pop = o->pop, jde = o->type->id == SHP_OPT_JDE;
    const shp_opt_settings *s = &o->s;
    const int best = shp_opt_argmin(st->Pf, 1, 0, pop);
    for (int i = 0; i < pop; ++i) {
        shp_rng r;
        shp_opt_stream(o, &r, o->generation, SHP_RS_DE_TRIAL, (uint32_t)i);
        double F = s->F, CR = s->CR;
        if (jde) { /* four draws always, so the stream position does not depend on them */
            const double u1 = shp_rng_uniform(&r), u2 = shp_rng_uniform(&r);
            const double u3 = shp_rng_uniform(&r), u4 = shp_rng_uniform(&r);
            F = u2 < s->jde_tau1 ? s->jde_F_lo + u1 * s->jde_F_hi : st->Fi[i];
            CR = u4 < s->jde_tau2 ? u3 : st->CRi[i];
        }
        st->Ft[i] = F;
        st->CRt[i] = CR;
        int ex[4] = {i, 0, 0, 0};
        ex[1] = draw_other(&r, pop, ex, 1);
        ex[2] = draw_other(&r, pop, ex, 2);
        ex[3] = draw_other(&r, pop, ex, 3);
        const double *xi = &st->P[(size_t)i * dim], *xb = &st->P[(size_t)best * dim];
        const double *x1 = &st->P[(size_t)ex[1] * dim], *x2 = &st->P[(size_t)ex[2] * dim],
                     *x3 = &st->P[(size_t)ex[3] * dim];
        const int jrand = (int)shp_rng_below(&r, (uint32_t)dim);
        double *u = &o->x[(size_t)i * dim];
        for (int d = 0; d < dim; ++d) {
            const double uc = shp_rng_uniform(&r);
            if (!(uc < CR || d == jrand)) {
                u[d] = xi[d];
                continue;
            }
            double v;
            switch (s->strategy) {
            case SHP_DE_BEST_1_BIN: v = xb[d] + F * (x1[d] - x2[d]); break;
            case SHP_DE_CURRENT_TO_BEST_1_BIN: v = xi[d] + F * (xb[d] - xi[d]) + F * (x1[d] - x2[d]); break;
            default: v = x1[d] + F * (x2[d] - x3[d]); break;
            }
            u[d] = bounce(v, xi[d]);
        }
    }
}

static void de_update(shp_optimizer *o)
{
    de_state *st = o->state;
    const int dim = o->dim, pop = o->pop;
    for (int i = 0; i < pop; ++i) {
        if (o->generation > 0 && !(o->fs[i] <= st->Pf[i])) continue;
        memcpy(&st->P[(size_t)i * dim], &o->x[(size_t)i * dim], (size_t)dim * sizeof *st->P);
        st->Pf[i] = o->fs[i];
        if (o->generation > 0) {
            st->Fi[i] = st->Ft[i];
            st->CRi[i] = st->CRt[i];
        }
    }
}

static const double *de_population(const shp_optimizer *o) { return ((const de_state *)o->state)->P; }

const shp_opt_type shp_opt_type_de = {
    .id = SHP_OPT_DE,
    .name = "de",
    .about = "differential evolution, fixed F and CR (rand/1/bin, best/1/bin, current-to-best/1/bin)",
    .multi_objective = 0,
    .min_pop = 4,
    .init = de_init,
    .free_state = de_free,
    .generate = de_generate,
    .update = de_update,
    .population = de_population,
};

const shp_opt_type shp_opt_type_jde = {
    .id = SHP_OPT_JDE,
    .name = "jde",
    .about = "self-adaptive differential evolution jDE (Brest et al. 2006)",
    .multi_objective = 0,
    .min_pop = 4,
    .init = de_init,
    .free_state = de_free,
    .generate = de_generate,
    .update = de_update,
    .population = de_population,
};
