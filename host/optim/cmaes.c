/* CMA-ES, the (μ/μ_w, λ) evolution strategy with covariance matrix adaptation: rank-μ
 * and rank-one updates, cumulative step-size adaptation (Hansen 2016, "The CMA Evolution
 * Strategy: A Tutorial", arXiv:1604.00772, §3-4 and Table 1 for every default), λ = the
 * population. Generation 0 (the framework's uniform or Latin-hypercube sample) places
 * the first mean: the weighted mean of its best μ.
 *
 * Bounds (the unit box): a sample outside is evaluated at its projection onto the box and
 * ranked by that value plus a penalty on its squared distance from it, while the update
 * uses the sample itself (Hansen 2016, Appendix B.3's repair with penalty), so the
 * distribution is not pulled by the clipping. The penalty's weight follows the spread of
 * the generation's values. A restart (same λ, a new mean from the best so far and σ0)
 * follows when σ has collapsed or the covariance lost its conditioning. */
#include <stdlib.h>
#include <string.h>

#include "optim/optim_internal.h"
#include "optim/sym_eigen.h"

typedef struct {
    int n, lambda, mu;
    double *w;                  /* mu positive recombination weights, Σ = 1 */
    double mueff, cs, ds, cc, c1, cmu, chi_n;
    double sigma;
    double *m, *ps, *pc;        /* n */
    double *C, *B, *D;          /* n × n, n × n (eigenvectors in columns), n (sqrt eigenvalues) */
    double *y;                  /* lambda × n: the samples' steps (x − m)/σ, unrepaired */
    double *xs;                 /* lambda × n: the unrepaired samples */
    double *rankf;              /* lambda: the values they are ranked by */
    int *order;                 /* lambda: the samples by rank */
    shp_opt_rank *rk;           /* lambda: sort scratch */
    double *tmp, *tmp2, *A;     /* n, n, n × n scratch */
    long gen;                   /* generations since the (re)start, for h_σ */
} cma_state;

static int cma_init(shp_optimizer *o)
{
    cma_state *st = calloc(1, sizeof *st);
    if (!st) return SHP_ERR_NOMEM;
    o->state = st;
    const int n = o->dim, lam = o->pop;
    st->n = n;
    st->lambda = lam;
    st->mu = lam / 2;
    const size_t nn = (size_t)n * n;
    st->w = calloc((size_t)st->mu, sizeof *st->w);
    st->m = calloc((size_t)n, sizeof *st->m);
    st->ps = calloc((size_t)n, sizeof *st->ps);
    st->pc = calloc((size_t)n, sizeof *st->pc);
    st->C = calloc(nn, sizeof *st->C);
    st->B = calloc(nn, sizeof *st->B);
    st->D = calloc((size_t)n, sizeof *st->D);
    st->y = calloc((size_t)lam * n, sizeof *st->y);
    st->xs = calloc((size_t)lam * n, sizeof *st->xs);
    st->rankf = calloc((size_t)lam, sizeof *st->rankf);
    st->order = calloc((size_t)lam, sizeof *st->order);
    st->rk = calloc((size_t)lam, sizeof *st->rk);
    st->tmp = calloc((size_t)n, sizeof *st->tmp);
    st->tmp2 = calloc((size_t)n, sizeof *st->tmp2);
    st->A = calloc(nn, sizeof *st->A);
    if (!(st->w && st->m && st->ps && st->pc && st->C && st->B && st->D && st->y && st->xs && st->rankf &&
          st->order && st->rk && st->tmp && st->tmp2 && st->A))
        return SHP_ERR_NOMEM;
    /* Hansen 2016, Table 1 (positive weights only) */
    double sw = 0.0, sw2 = 0.0;
    for (int i = 0; i < st->mu; ++i) {
        st->w[i] = log((lam + 1.0) / 2.0) - log(i + 1.0);
        sw += st->w[i];
    }
    for (int i = 0; i < st->mu; ++i) {
        st->w[i] /= sw;
        sw2 += st->w[i] * st->w[i];
    }
    st->mueff = 1.0 / sw2;
    st->cs = (st->mueff + 2.0) / (n + st->mueff + 5.0);
    st->ds = 1.0 + 2.0 * fmax(0.0, sqrt((st->mueff - 1.0) / (n + 1.0)) - 1.0) + st->cs;
    st->cc = (4.0 + st->mueff / n) / (n + 4.0 + 2.0 * st->mueff / n);
    st->c1 = 2.0 / ((n + 1.3) * (n + 1.3) + st->mueff);
    st->cmu = fmin(1.0 - st->c1, 2.0 * (st->mueff - 2.0 + 1.0 / st->mueff) / ((n + 2.0) * (n + 2.0) + st->mueff));
    st->chi_n = sqrt((double)n) * (1.0 - 1.0 / (4.0 * n) + 1.0 / (21.0 * n * n));
    return SHP_OK;
}

static void cma_free(shp_optimizer *o)
{
    cma_state *st = o->state;
    if (!st) return;
    free(st->w);
    free(st->m);
    free(st->ps);
    free(st->pc);
    free(st->C);
    free(st->B);
    free(st->D);
    free(st->y);
    free(st->xs);
    free(st->rankf);
    free(st->order);
    free(st->rk);
    free(st->tmp);
    free(st->tmp2);
    free(st->A);
    free(st);
    o->state = NULL;
}

/* C = I, B = I, D = 1, paths 0, σ = σ0: the distribution of a (re)start at mean m. */
static void reset(cma_state *st, double sigma0)
{
    const int n = st->n;
    for (int i = 0; i < n; ++i) {
        st->ps[i] = st->pc[i] = 0.0;
        st->D[i] = 1.0;
        for (int j = 0; j < n; ++j) st->C[i * n + j] = st->B[i * n + j] = i == j;
    }
    st->sigma = sigma0;
    st->gen = 0;
}

/* B and D from C (symmetrised; eigenvalues floored at a tiny positive value). */
static void decompose(cma_state *st)
{
    const int n = st->n;
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) st->A[i * n + j] = 0.5 * (st->C[i * n + j] + st->C[j * n + i]);
    shp_sym_eigen(n, st->A, st->D, st->B);
    for (int i = 0; i < n; ++i) st->D[i] = sqrt(fmax(st->D[i], 1e-300));
}

static void cma_generate(shp_optimizer *o)
{
    cma_state *st = o->state;
    const int n = st->n;
    shp_rng r;
    for (int k = 0; k < st->lambda; ++k) {
        shp_opt_stream(o, &r, o->generation, SHP_RS_CMA_SAMPLE, (uint32_t)k);
        for (int i = 0; i < n; ++i) st->tmp[i] = st->D[i] * shp_rng_normal(&r); /* D z */
        double *y = &st->y[(size_t)k * n], *x = &st->xs[(size_t)k * n];
        for (int i = 0; i < n; ++i) {
            double s = 0.0;
            for (int j = 0; j < n; ++j) s += st->B[i * n + j] * st->tmp[j];
            y[i] = s;                                     /* y = B D z ~ N(0, C) */
            x[i] = st->m[i] + st->sigma * s;
            o->x[(size_t)k * n + i] = shp_opt_clip(x[i]); /* evaluated where it may be */
        }
    }
}

/* order[0..n) = the indices of v[0..n) by value, ties by index (sort.c). */
static void order_by(cma_state *st, const double *v, int n)
{
    for (int k = 0; k < n; ++k) st->rk[k] = (shp_opt_rank){v[k], k};
    shp_opt_sort_ranks(st->rk, n);
    for (int k = 0; k < n; ++k) st->order[k] = st->rk[k].i;
}

/* Rank by the value at the projection plus a penalty on the distance to it: the weight
 * is the interquartile range of the generation's finite values per unit of σ²·(mean
 * variance), so leaving the box costs about one spread of values per step length. A
 * failed candidate (+inf) ranks last. */
static void rank_values(const shp_optimizer *o, cma_state *st)
{
    const int n = st->n, lam = st->lambda;
    double *v = st->rankf;
    for (int k = 0; k < lam; ++k) v[k] = isfinite(o->fs[k]) ? o->fs[k] : HUGE_VAL;
    order_by(st, v, lam);
    int m = 0; /* the finite values, first in order[] */
    while (m < lam && isfinite(v[st->order[m]])) ++m;
    const double iqr = m >= 4   ? v[st->order[(3 * m) / 4]] - v[st->order[m / 4]]
                       : m >= 2 ? v[st->order[m - 1]] - v[st->order[0]]
                                : 1.0;
    double var = 0.0;
    for (int i = 0; i < n; ++i) var += st->C[i * n + i];
    const double weight = (iqr > 0.0 ? iqr : 1e-12) / (st->sigma * st->sigma * var / n + 1e-300);
    for (int k = 0; k < lam; ++k) {
        if (!isfinite(v[k])) continue;
        double d2 = 0.0;
        for (int i = 0; i < n; ++i) {
            const double x = st->xs[(size_t)k * n + i], c = shp_opt_clip(x);
            d2 += (x - c) * (x - c);
        }
        v[k] += weight * d2;
    }
    order_by(st, v, lam);
}

/* Generation 0: the mean from its best μ; the distribution starts isotropic at σ0. */
static void first_mean(const shp_optimizer *o, cma_state *st)
{
    const int n = st->n;
    for (int k = 0; k < st->lambda; ++k) st->rankf[k] = isfinite(o->fs[k]) ? o->fs[k] : HUGE_VAL;
    order_by(st, st->rankf, st->lambda);
    for (int i = 0; i < n; ++i) {
        double s = 0.0;
        for (int r = 0; r < st->mu; ++r) s += st->w[r] * o->x[(size_t)st->order[r] * n + i];
        st->m[i] = s;
    }
    reset(st, o->s.cma_sigma0);
}

static void cma_update(shp_optimizer *o)
{
    cma_state *st = o->state;
    const int n = st->n;
    if (o->generation == 0) {
        first_mean(o, st);
        return;
    }
    rank_values(o, st);
    /* ⟨y⟩_w and the new mean (c_m = 1) */
    double *yw = st->tmp;
    for (int i = 0; i < n; ++i) {
        double s = 0.0;
        for (int r = 0; r < st->mu; ++r) s += st->w[r] * st->y[(size_t)st->order[r] * n + i];
        yw[i] = s;
        st->m[i] += st->sigma * s;
    }
    /* p_σ with C^{-1/2} ⟨y⟩_w = B D^{-1} Bᵀ ⟨y⟩_w */
    double *t = st->tmp2;
    for (int j = 0; j < n; ++j) {
        double s = 0.0;
        for (int i = 0; i < n; ++i) s += st->B[i * n + j] * yw[i];
        t[j] = s / st->D[j];
    }
    const double as = sqrt(st->cs * (2.0 - st->cs) * st->mueff);
    double ps2 = 0.0;
    for (int i = 0; i < n; ++i) {
        double s = 0.0;
        for (int j = 0; j < n; ++j) s += st->B[i * n + j] * t[j];
        st->ps[i] = (1.0 - st->cs) * st->ps[i] + as * s;
        ps2 += st->ps[i] * st->ps[i];
    }
    st->gen++;
    const double psn = sqrt(ps2);
    const int hs = psn / sqrt(1.0 - pow(1.0 - st->cs, 2.0 * st->gen)) < (1.4 + 2.0 / (n + 1.0)) * st->chi_n;
    const double ac = sqrt(st->cc * (2.0 - st->cc) * st->mueff);
    for (int i = 0; i < n; ++i) st->pc[i] = (1.0 - st->cc) * st->pc[i] + (hs ? ac * yw[i] : 0.0);
    /* C: decay, rank one (with the h_σ correction), rank μ */
    const double dh = hs ? 0.0 : st->cc * (2.0 - st->cc);
    for (int i = 0; i < n; ++i)
        for (int j = 0; j <= i; ++j) {
            double rmu = 0.0;
            for (int r = 0; r < st->mu; ++r) {
                const double *y = &st->y[(size_t)st->order[r] * n];
                rmu += st->w[r] * y[i] * y[j];
            }
            const double c = (1.0 - st->c1 - st->cmu) * st->C[i * n + j] +
                             st->c1 * (st->pc[i] * st->pc[j] + dh * st->C[i * n + j]) + st->cmu * rmu;
            st->C[i * n + j] = st->C[j * n + i] = c;
        }
    /* σ by cumulative step-size adaptation */
    st->sigma *= exp(fmin(1.0, (st->cs / st->ds) * (psn / st->chi_n - 1.0)));
    decompose(st);
    /* a collapsed or degenerate distribution: restart at the best point so far */
    double dmax = 0.0, dmin = HUGE_VAL;
    for (int i = 0; i < n; ++i) {
        dmax = fmax(dmax, st->D[i]);
        dmin = fmin(dmin, st->D[i]);
    }
    if (st->sigma * dmax < 1e-12 || dmax > 1e7 * dmin || !isfinite(st->sigma)) {
        if (o->have_best) memcpy(st->m, o->best_x, (size_t)n * sizeof *st->m);
        reset(st, o->s.cma_sigma0);
    }
}

static const double *cma_population(const shp_optimizer *o) { return o->x; }

const shp_opt_type shp_opt_type_cmaes = {
    .id = SHP_OPT_CMAES,
    .name = "cmaes",
    .about = "CMA-ES (Hansen 2016): rank-mu and rank-one covariance updates, cumulative step size, "
             "bounds by repair and penalty",
    .multi_objective = 0,
    .min_pop = 4,
    .init = cma_init,
    .free_state = cma_free,
    .generate = cma_generate,
    .update = cma_update,
    .population = cma_population,
};
