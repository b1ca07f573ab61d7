/* `shpfit-bench posterior [--noise F] [--threads T] [--generations G] [--from-prior]`:
 *
 * 1. The DREAM(ZS) sampler's own cost: ask + tell per proposal on a 4-D Gaussian (8
 *    chains, G generations, default 20 000), the density's own time measured apart and
 *    taken off.
 * 2. The loam's posterior (configs/fit_loam.json fitted to v(t) and Q(t) simulated on its
 *    own column with Gaussian noise of F, default 1 %, of each series' spread, the same
 *    realisation as the coverage benchmark's first; σ known): time and columns to R̂ < 1.2,
 *    started around the least-squares optimum (or, with --from-prior, from the prior's
 *    Latin hypercube), and every parameter's posterior against the linearisation with the
 *    same σ (the Laplace approximation (Σ_k (s_k/σ_k)² J_kᵀJ_k)⁻¹ at the optimum, exact
 *    Jacobian, s_k the residual scale). Plain text. */
#define _POSIX_C_SOURCE 200809L /* mkdtemp */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bench.h"
#include "optim/sym_eigen.h"
#include "shpfit/dream.h"
#include "shpfit/fit.h"
#include "shpfit/posterior.h"
#include "surface/surface.h"

#define GDIM 4

/* log density of a correlated Gaussian around 0.5 (sd 0.05, correlation 0.5) */
static double gauss(const double *x)
{
    double q = 0.0, s = 0.0;
    for (int j = 0; j < GDIM; ++j) {
        const double z = (x[j] - 0.5) / 0.05;
        q += z * z;
        s += z;
    }
    /* Σ⁻¹ of equicorrelation ρ: (I − ρ/(1 + (d−1)ρ) 11ᵀ)/(1 − ρ) */
    const double rho = 0.5;
    return -0.5 * (q - rho / (1.0 + (GDIM - 1) * rho) * s * s) / (1.0 - rho);
}

static void sampler_cost(long gens)
{
    shp_dream_settings s;
    shp_dream_defaults(GDIM, &s);
    shp_dream *d = NULL;
    if (shp_dream_create(GDIM, &s, 1, &d) != SHP_OK) return;
    double lp[64], dens_s = 0.0;
    const double t0 = bench_now_s();
    for (long g = 0; g <= gens; ++g) {
        const double *x;
        const int n = shp_dream_ask(d, &x);
        const double t1 = bench_now_s();
        for (int i = 0; i < n; ++i) lp[i] = gauss(x + i * GDIM);
        dens_s += bench_now_s() - t1;
        shp_dream_tell(d, lp);
    }
    const double total = bench_now_s() - t0;
    long prop, acc;
    shp_dream_counts(d, &prop, &acc);
    printf("sampler: %d-D Gaussian, %d chains, %ld generations, %ld proposals: %.3f s in all, %.3f s of it the "
           "density and the clock around it; %.0f ns of the sampler per proposal (acceptance %.2f, archive %ld)\n",
           GDIM, s.chains, gens, prop, total, dens_s, 1e9 * (total - dens_s) / (double)prop,
           (double)acc / (double)prop, shp_dream_archive_size(d));
    shp_dream_destroy(d);
}

static void progress(const shp_posterior_result *r, const shp_posterior_check *last, void *ctx)
{
    (void)ctx;
    if (last && last->generation == r->generations) {
        double m = 0.0;
        for (int j = 0; j < r->dim; ++j) m = fmax(m, last->rhat[j]);
        fprintf(stderr, "\rposterior: generation %ld, %ld columns, max R-hat %.3g (%s)   ", r->generations,
                r->evaluations, m, last->stage ? "sampling" : "burn-in");
    }
}

/* The Laplace covariance of the unit coordinates at u with the known σ of o. */
static int laplace(shp_problem *pb, shp_backend *be, const shp_posterior_options *o, const double *u, double *cov)
{
    const int dim = shp_problem_dim(pb), m = shp_problem_n_residuals(pb), nobj = shp_problem_n_obj(pb);
    double *J = malloc((size_t)m * dim * sizeof *J), *r = malloc((size_t)m * sizeof *r), f[8];
    int ok = 0;
    if (!J || !r || shp_problem_evaluate_jacobian(pb, be, u, 1, f, &ok, r, J) != SHP_OK || !ok) return 1;
    double F[SHP_MAX_FREE * SHP_MAX_FREE] = {0};
    for (int k = 0, off = 0; k < nobj; ++k) {
        const int kind = shp_problem_obj_kind(pb, k), n = shp_problem_obj_points(pb, k);
        const double w = pow(shp_problem_residual_scale(pb, kind) / o->sigma[kind], 2);
        for (int i = off; i < off + n; ++i)
            for (int a = 0; a < dim; ++a)
                for (int b = 0; b < dim; ++b) F[a * dim + b] += w * J[(size_t)i * dim + a] * J[(size_t)i * dim + b];
        off += n;
    }
    double w[SHP_MAX_FREE], V[SHP_MAX_FREE * SHP_MAX_FREE];
    shp_sym_eigen(dim, F, w, V);
    for (int a = 0; a < dim; ++a)
        for (int b = 0; b < dim; ++b) {
            double c = 0.0;
            for (int k = 0; k < dim; ++k) c += V[a * dim + k] * V[b * dim + k] / w[k];
            cov[a * dim + b] = c;
        }
    free(J);
    free(r);
    return 0;
}

int bench_posterior_main(int argc, char **argv)
{
    int threads = 2, from_prior = 0;
    long gens = 20000;
    double noise = 0.01;
    for (int a = 1; a < argc; ++a) {
        if (!strcmp(argv[a], "--noise") && a + 1 < argc) noise = atof(argv[++a]);
        else if (!strcmp(argv[a], "--threads") && a + 1 < argc) threads = atoi(argv[++a]);
        else if (!strcmp(argv[a], "--generations") && a + 1 < argc) gens = atol(argv[++a]);
        else if (!strcmp(argv[a], "--from-prior")) from_prior = 1;
        else {
            fprintf(stderr, "usage: shpfit-bench posterior [--noise F] [--threads T] [--generations G] "
                            "[--from-prior]\n");
            return 2;
        }
    }
    sampler_cost(gens);
    char dir[] = "/tmp/shpfit-posterior-XXXXXX";
    if (!mkdtemp(dir)) return 1;
    shp_backend *be = shp_backend_cpu_create(threads);
    bench_loam_vq t;
    if (!be || bench_loam_vq_truth(be, &t) != 0) return 1;
    shp_problem *pb = bench_loam_vq_problem(dir, &t, noise, 0);
    if (!pb) return 1;
    const int dim = shp_problem_dim(pb);
    double u[SHP_MAX_FREE], cov[SHP_MAX_FREE * SHP_MAX_FREE], utrue[SHP_MAX_FREE];
    shp_problem_unit_of(pb, &t.truth, u);
    memcpy(utrue, u, sizeof utrue);
    /* the least-squares optimum: the polish from the truth, as the coverage benchmark */
    char err[512];
    if (shp_fit_least_squares(pb, be, u, 0, 100, 1e-14, NULL, err, sizeof err) != SHP_OK) return 1;
    shp_posterior_options o;
    shp_posterior_defaults(pb, 1, &o);
    o.sigma_known = 1;
    o.sigma[SHP_OBS_Q] = noise * t.sd_q;
    o.sigma[SHP_OBS_V] = noise * t.sd_v;
    if (laplace(pb, be, &o, u, cov) != 0) return 1;
    if (!from_prior) shp_posterior_start_at(&o, dim, u, cov);
    shp_posterior_result res;
    long ev0, inv0, f0;
    shp_problem_counts(pb, &ev0, &inv0, &f0);
    if (shp_posterior_run(pb, be, &o, progress, NULL, &res, err, sizeof err) != SHP_OK) {
        fprintf(stderr, "posterior: %s\n", err);
        return 1;
    }
    fprintf(stderr, "\n");
    printf("loam posterior: v and Q (36 points each) with noise %.3g of each series' spread (sigma Q %.4g cm, v %.4g "
           "cm/min, known), %d chains from %s, %d threads: %s after %ld generations, %ld columns in %.1f s "
           "(%.1f columns/s), acceptance %.3f, sample %ld states\n",
           noise, o.sigma[SHP_OBS_Q], o.sigma[SHP_OBS_V], res.chains,
           from_prior ? "the prior's Latin hypercube" : "around the least-squares optimum", threads,
           res.converged ? "R-hat < 1.2" : "NOT converged", res.generations, res.evaluations, res.wall_s,
           (double)res.evaluations / res.wall_s, (double)res.accepted / (double)res.proposed,
           (res.generations - res.window_start + 1) * res.chains);
    printf("| parameter | truth | least squares | linearised sd | posterior mean | posterior sd | sd ratio | 95 %% "
           "credible | R-hat | ESS |\n|---|---|---|---|---|---|---|---|---|---|\n");
    for (int j = 0; j < dim; ++j) {
        double lo, hi;
        int lg;
        shp_problem_var_bounds(pb, j, &lo, &hi, &lg);
        const double x = shp_problem_var_value(pb, j, u[j]);
        const double dxdu = lg ? x * log(hi / lo) : hi - lo;
        const double sd_lin = dxdu * sqrt(cov[j * dim + j]);
        printf("| %s | %.6g | %.6g | %.3g | %.6g | %.3g | %.2f | [%.6g, %.6g] | %.3f | %.0f |\n",
               shp_problem_var_name(pb, j), shp_problem_var_value(pb, j, utrue[j]), x, sd_lin, res.mean[j], res.sd[j],
               res.sd[j] / sd_lin, res.q025[j], res.q975[j], res.rhat[j], res.ess[j]);
    }
    shp_posterior_result_free(&res);
    shp_problem_destroy(pb);
    shp_backend_destroy(be);
    char cmd[700];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) != 0;
}
