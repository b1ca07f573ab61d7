/* The posterior sampler's loop over a problem: DREAM(ZS) generations as batches of
 * columns, the convergence checks and the two stages (shpfit/posterior.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "optim/sym_eigen.h"
#include "posterior/posterior_internal.h"
#include "shpfit/rng.h"

/* The initial archive around o->start_u: u + spread·V·diag(√w)·z, z standard normal, C =
 * V diag(w) Vᵀ, each coordinate reflected into [0, 1]. */
static int start_archive(shp_dream *d, const shp_posterior_options *o, int dim)
{
    const long m = o->dream.archive_init;
    double A[SHP_MAX_FREE * SHP_MAX_FREE], w[SHP_MAX_FREE], V[SHP_MAX_FREE * SHP_MAX_FREE], z[SHP_MAX_FREE];
    memcpy(A, o->start_cov, (size_t)dim * dim * sizeof *A);
    shp_sym_eigen(dim, A, w, V);
    double *x = malloc((size_t)m * dim * sizeof *x);
    if (!x) return SHP_ERR_NOMEM;
    for (long k = 0; k < m; ++k) {
        shp_rng r;
        shp_rng_init(&r, o->seed, 0x5354415254ULL /* "START" */, (uint64_t)k, 0);
        for (int a = 0; a < dim; ++a) z[a] = shp_rng_normal(&r) * sqrt(fmax(w[a], 0.0));
        for (int a = 0; a < dim; ++a) {
            double v = o->start_u[a];
            for (int b = 0; b < dim; ++b) v += o->start_spread * V[a * dim + b] * z[b];
            v = fabs(v);                       /* reflect at 0 … */
            v = fmod(v, 2.0);
            x[k * dim + a] = v > 1.0 ? 2.0 - v : v; /* … and at 1 */
        }
    }
    const int rc = shp_dream_set_archive(d, x, m);
    free(x);
    return rc;
}

/* Room for generation g's states in the history. */
static int grow_history(shp_posterior_result *r, long *cap, long g)
{
    if (g < *cap) return SHP_OK;
    const long nc = *cap ? 2 * *cap : 256;
    const size_t per = (size_t)r->chains;
    double *u = realloc(r->u, (size_t)nc * per * (size_t)r->dim * sizeof *u);
    if (u) r->u = u;
    double *ll = realloc(r->loglik, (size_t)nc * per * sizeof *ll);
    if (ll) r->loglik = ll;
    double *lp = realloc(r->logprior, (size_t)nc * per * sizeof *lp);
    if (lp) r->logprior = lp;
    if (!u || !ll || !lp) return SHP_ERR_NOMEM;
    *cap = nc;
    return SHP_OK;
}

static int push_check(shp_posterior_result *r, const shp_posterior_check *c)
{
    if ((r->n_checks & (r->n_checks - 1)) == 0) { /* capacity doubles at powers of two */
        shp_posterior_check *n = realloc(r->checks, (size_t)(r->n_checks ? 2 * r->n_checks : 1) * sizeof *n);
        if (!n) return SHP_ERR_NOMEM;
        r->checks = n;
    }
    r->checks[r->n_checks++] = *c;
    return SHP_OK;
}

/* Mean log posterior density of each chain over generations g0 … g1 (the outlier test). */
static void chain_means(const shp_posterior_result *r, long g0, long g1, double *omega)
{
    for (int c = 0; c < r->chains; ++c) {
        double s = 0.0;
        for (long g = g0; g <= g1; ++g) {
            const size_t k = (size_t)g * (size_t)r->chains + (size_t)c;
            s += r->loglik[k] + r->logprior[k];
        }
        omega[c] = s / (double)(g1 - g0 + 1);
    }
}

typedef struct {
    shp_problem *pb;
    shp_backend *be;
    const shp_posterior_options *o;
    int dim, nres;
    double *u, *f, *r, *lp, *ll, *logp;
    int *ok, *idx;
} batch;

/* Log densities of the n points x: prior first, and a column only where it is finite. */
static int evaluate(batch *b, const double *x, int n)
{
    int m = 0;
    for (int i = 0; i < n; ++i) {
        b->lp[i] = shp_posterior_log_prior(b->pb, b->o, x + (size_t)i * b->dim);
        b->ll[i] = -INFINITY;
        if (isfinite(b->lp[i])) {
            memcpy(b->u + (size_t)m * b->dim, x + (size_t)i * b->dim, (size_t)b->dim * sizeof *x);
            b->idx[m++] = i;
        }
    }
    if (m > 0) {
        const int rc = shp_problem_evaluate_residuals(b->pb, b->be, b->u, m, b->f, b->ok, b->r);
        if (rc != SHP_OK) return rc;
    }
    for (int k = 0; k < m; ++k)
        if (b->ok[k]) b->ll[b->idx[k]] = shp_posterior_log_likelihood(b->pb, b->o, b->r + (size_t)k * b->nres);
    for (int i = 0; i < n; ++i) b->logp[i] = b->lp[i] + b->ll[i];
    return SHP_OK;
}

static void batch_free(batch *b)
{
    free(b->u);
    free(b->f);
    free(b->r);
    free(b->lp);
    free(b->ll);
    free(b->logp);
    free(b->ok);
    free(b->idx);
}

/* R̂ of every variable over generations g0 … g1 (into rhat); 1 when all are below the
 * target. */
static int rhat_window(const shp_posterior_result *r, long g0, long g1, double target, double *rhat, double *buf)
{
    const long n = g1 - g0 + 1;
    int ok = 1;
    for (int j = 0; j < r->dim; ++j) {
        shp_posterior_gather(r, g0, g1, j, 0, buf);
        rhat[j] = shp_rhat_split(buf, r->chains, (int)n);
        if (!(rhat[j] < target)) ok = 0;
    }
    return ok;
}

shp_status shp_posterior_run(shp_problem *pb, shp_backend *be, const shp_posterior_options *o,
                             shp_posterior_progress_fn progress, void *ctx, shp_posterior_result *res, char *err,
                             size_t len)
{
    memset(res, 0, sizeof *res);
    if (len) err[0] = '\0';
    const int dim = shp_problem_dim(pb), N = o->dream.chains;
    res->dim = dim;
    res->chains = N;
    res->burn_in_end = -1;
    shp_dream *d = NULL;
    int rc = shp_dream_create(dim, &o->dream, o->seed, &d);
    if (rc != SHP_OK) {
        snprintf(err, len, "posterior: the sampler could not start (%s)", shp_strerror(rc));
        return rc;
    }
    if (o->has_start && (rc = start_archive(d, o, dim)) != SHP_OK) {
        snprintf(err, len, "posterior: the starting states could not be drawn (%s)", shp_strerror(rc));
        shp_dream_destroy(d);
        return rc;
    }
    const int nres = shp_problem_n_residuals(pb);
    batch b = {pb, be, o, dim, nres, malloc((size_t)N * dim * sizeof(double)),
               malloc((size_t)N * shp_problem_n_obj(pb) * sizeof(double)),
               malloc((size_t)N * nres * sizeof(double)), malloc((size_t)N * sizeof(double)),
               malloc((size_t)N * sizeof(double)), malloc((size_t)N * sizeof(double)),
               malloc((size_t)N * sizeof(int)), malloc((size_t)N * sizeof(int))};
    double *prop = malloc((size_t)N * dim * sizeof *prop), *omega = malloc((size_t)N * sizeof *omega);
    int *moved = malloc((size_t)N * sizeof *moved);
    double *buf = NULL;
    long cap = 0, ev0, inv0, fail0;
    shp_problem_counts(pb, &ev0, &inv0, &fail0);
    const double t0 = shp_problem_clock(pb);
    rc = b.u && b.f && b.r && b.lp && b.ll && b.logp && b.ok && b.idx && prop && omega && moved ? SHP_OK : SHP_ERR_NOMEM;
    long g_reset = 0, burn_len = 0;
    const shp_posterior_check *last = NULL;
    while (rc == SHP_OK) {
        const double *x;
        const int n = shp_dream_ask(d, &x);
        memcpy(prop, x, (size_t)n * dim * sizeof *prop);
        rc = evaluate(&b, prop, n);
        if (rc != SHP_OK) {
            snprintf(err, len, "posterior: the batch of columns failed (%s)", shp_strerror(rc));
            break;
        }
        rc = shp_dream_tell(d, b.logp);
        if (rc != SHP_OK) {
            snprintf(err, len, "posterior: a density was not a number (%s)", shp_strerror(rc));
            break;
        }
        const long g = shp_dream_generation(d);
        if ((rc = grow_history(res, &cap, g)) != SHP_OK) break;
        const double *logp;
        const double *st = shp_dream_states(d, &logp);
        for (int c = 0; c < N; ++c) {
            const size_t k = (size_t)g * N + c, kp = k - (size_t)N; /* kp: the chain's previous state */
            const int took = g == 0 || !memcmp(st + (size_t)c * dim, prop + (size_t)c * dim, (size_t)dim * sizeof *st);
            memcpy(res->u + k * dim, st + (size_t)c * dim, (size_t)dim * sizeof *st);
            res->loglik[k] = took ? b.ll[c] : res->loglik[kp];
            res->logprior[k] = took ? b.lp[c] : res->logprior[kp];
        }
        res->generations = g;
        if (g == 0) {
            int any = 0;
            for (int c = 0; c < N; ++c) any |= isfinite(logp[c]);
            if (!any) {
                snprintf(err, len, "posterior: none of the %d starting states could be simulated (every column "
                                   "failed or every parameter set was invalid)", N);
                rc = SHP_ERR_NOT_CONVERGED;
                break;
            }
        }
        long ev, inv, fail;
        shp_problem_counts(pb, &ev, &inv, &fail);
        res->evaluations = ev - ev0;
        res->failed = (inv - inv0) + (fail - fail0);
        shp_dream_counts(d, &res->proposed, &res->accepted);
        res->wall_s = shp_problem_clock(pb) - t0;
        int stop = res->evaluations >= o->max_evaluations;
        if (g > 0 && g % o->check_every == 0) {
            double *nb = realloc(buf, (size_t)(g + 1) * N * sizeof *buf);
            if (!nb) {
                rc = SHP_ERR_NOMEM;
                break;
            }
            buf = nb;
            shp_posterior_check ck = {g, {0}, res->burn_in_end >= 0, 0};
            if (!ck.stage) {
                ck.window_start = g_reset > (g + 1) / 2 ? g_reset : (g + 1) / 2;
                chain_means(res, ck.window_start, g, omega);
                int best = 0; /* where the sampler moves outliers to (ties: the lowest index) */
                for (int c = 1; c < N; ++c)
                    if (logp[c] > logp[best]) best = c;
                const int nm = shp_dream_reset_outliers(d, omega, moved);
                const int conv = rhat_window(res, ck.window_start, g, o->rhat_target, ck.rhat, buf);
                if (nm > 0) {
                    /* the history records where the moved chains now are */
                    for (int i = 0; i < nm; ++i) {
                        const size_t k = (size_t)g * N + moved[i], kb = (size_t)g * N + best;
                        memcpy(res->u + k * dim, res->u + kb * dim, (size_t)dim * sizeof *res->u);
                        res->loglik[k] = res->loglik[kb];
                        res->logprior[k] = res->logprior[kb];
                    }
                    res->outlier_resets += nm;
                    g_reset = g;
                } else if (conv && g - ck.window_start + 1 >= o->min_window) {
                    res->burn_in_end = g;
                    burn_len = g - ck.window_start + 1;
                    shp_dream_set_adapt(d, 0);
                }
            } else {
                ck.window_start = res->burn_in_end + 1;
                const int conv = rhat_window(res, ck.window_start, g, o->rhat_target, ck.rhat, buf);
                if (conv && g - res->burn_in_end >= burn_len) {
                    res->converged = 1;
                    stop = 1;
                }
            }
            if ((rc = push_check(res, &ck)) != SHP_OK) break;
            last = &res->checks[res->n_checks - 1];
        }
        if (progress) progress(res, last, ctx);
        if (stop) break;
    }
    if (rc == SHP_OK) {
        res->n_cr = o->dream.n_cr;
        memcpy(res->cr_prob, shp_dream_cr_probs(d), (size_t)res->n_cr * sizeof *res->cr_prob);
        rc = shp_posterior_summarise(res, pb, g_reset);
        if (rc != SHP_OK) snprintf(err, len, "posterior: %s", shp_strerror(rc));
    }
    if (rc == SHP_ERR_NOMEM && !err[0]) snprintf(err, len, "posterior: out of memory");
    free(buf);
    free(prop);
    free(omega);
    free(moved);
    batch_free(&b);
    shp_dream_destroy(d);
    if (rc != SHP_OK) shp_posterior_result_free(res);
    return rc;
}
