/* The DREAM(ZS) sampler and the MCMC diagnostics (shpfit/dream.h).
 *
 *   - targets with known moments on the unit box: a correlated 3-D Gaussian (means within
 *     4 Monte Carlo standard errors from shp_ess, covariances within 0.15·s_i·s_j, split-R̂),
 *     the uniform density (folding must keep it uniform) and a two-mode mixture (the unit
 *     jump and the snooker must carry chains between the modes);
 *   - reproducibility, the outlier rule, argument checks, a −inf start;
 *   - split-R̂ and ESS on iid, shifted and AR(1) draws of known ESS.
 * With --verbose the measured numbers are logged. */
#include <criterion/criterion.h>
#include <criterion/logging.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "shpfit/dream.h"
#include "shpfit/rng.h"
#include "shpfit/status.h"

typedef double (*target_fn)(const double *x);

/* burn generations with crossover adaptation, then keep with it off; the kept states go to
 * out[(j·chains + c)·keep + t] (shp_rhat_split's layout per parameter). */
static void sample(int dim, const shp_dream_settings *s, uint64_t seed, target_fn f, int burn, int keep,
                   double *out)
{
    shp_dream *d;
    cr_assert_eq(shp_dream_create(dim, s, seed, &d), SHP_OK);
    const int n = s->chains;
    double *lp = malloc((size_t)n * sizeof *lp);
    for (int g = -1; g < burn + keep; ++g) { /* g = −1: the starting states */
        const double *x;
        cr_assert_eq(shp_dream_ask(d, &x), n);
        for (int i = 0; i < n; ++i) lp[i] = f(x + (size_t)i * dim);
        cr_assert_eq(shp_dream_tell(d, lp), SHP_OK);
        if (g + 1 == burn) shp_dream_set_adapt(d, 0);
        if (g < burn) continue;
        const double *st = shp_dream_states(d, NULL);
        for (int c = 0; c < n; ++c)
            for (int j = 0; j < dim; ++j) out[((size_t)j * n + c) * keep + (g - burn)] = st[c * dim + j];
    }
    cr_expect_eq(shp_dream_generation(d), burn + keep);
    free(lp);
    shp_dream_destroy(d);
}

static double mean_of(const double *v, size_t n)
{
    double s = 0.0;
    for (size_t i = 0; i < n; ++i) s += v[i];
    return s / n;
}

static double cov_of(const double *u, const double *v, size_t n)
{
    const double mu = mean_of(u, n), mv = mean_of(v, n);
    double s = 0.0;
    for (size_t i = 0; i < n; ++i) s += (u[i] - mu) * (v[i] - mv);
    return s / (n - 1);
}

/* ------------------------------------------------------------ correlated Gaussian */

static const double G_MU[3] = {0.4, 0.5, 0.6}, G_SD[3] = {0.03, 0.05, 0.06};
/* correlations 0.8, −0.5, −0.3 (with +0.3 the matrix would not be positive definite) */
static const double G_R[3][3] = {{1.0, 0.8, -0.5}, {0.8, 1.0, -0.3}, {-0.5, -0.3, 1.0}};
static double g_cov[3][3], g_prec[3][3];

/* Covariance and precision (adjugate / determinant) of the test Gaussian. */
static void gauss3_init(void)
{
    double(*c)[3] = g_cov;
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j) c[i][j] = G_R[i][j] * G_SD[i] * G_SD[j];
    const double det = c[0][0] * (c[1][1] * c[2][2] - c[1][2] * c[2][1]) -
                       c[0][1] * (c[1][0] * c[2][2] - c[1][2] * c[2][0]) +
                       c[0][2] * (c[1][0] * c[2][1] - c[1][1] * c[2][0]);
    cr_assert(det > 0.0, "the test covariance must be positive definite");
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j) {
            const int a = (j + 1) % 3, b = (j + 2) % 3, p = (i + 1) % 3, q = (i + 2) % 3;
            g_prec[i][j] = (c[a][p] * c[b][q] - c[a][q] * c[b][p]) / det;
        }
}

static double gauss3(const double *x)
{
    double e[3], q = 0.0;
    for (int j = 0; j < 3; ++j) e[j] = x[j] - G_MU[j];
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j) q += e[i] * g_prec[i][j] * e[j];
    return -0.5 * q;
}

/* Samples the Gaussian with defaults but p_snooker and checks its moments. */
static void check_gaussian(const char *tag, double p_snooker, uint64_t seed)
{
    gauss3_init();
    shp_dream_settings s;
    shp_dream_defaults(3, &s);
    s.p_snooker = p_snooker;
    const int n = s.chains, keep = 4000;
    const size_t per = (size_t)n * keep;
    double *out = malloc(3 * per * sizeof *out);
    sample(3, &s, seed, gauss3, 4000, keep, out);
    for (int j = 0; j < 3; ++j) {
        const double *v = out + j * per;
        const double m = mean_of(v, per), sd = sqrt(cov_of(v, v, per));
        const double ess = shp_ess(v, n, keep), mcse = sd / sqrt(ess), rhat = shp_rhat_split(v, n, keep);
        cr_log_info("%s x%d: mean %.5f (true %.2f, %.1f MCSE), sd %.5f (true %.2f), ESS %.0f, R-hat %.4f",
                    tag, j, m, G_MU[j], fabs(m - G_MU[j]) / mcse, sd, G_SD[j], ess, rhat);
        cr_expect(fabs(m - G_MU[j]) < 4.0 * mcse, "%s x%d: mean %.5f, true %.2f, MCSE %.2g", tag, j, m,
                  G_MU[j], mcse);
        cr_expect(rhat < 1.05, "%s x%d: R-hat %.4f", tag, j, rhat);
        cr_expect(ess > 1000.0, "%s x%d: ESS %.0f of %zu draws", tag, j, ess, per);
    }
    /* The sample covariance of ESS effective draws has a standard error of about
     * s_i s_j √((1 + ρ²)/ESS) ≤ 0.045 s_i s_j for ESS > 1000 (about 2000 measured, 0.03):
     * 0.15 s_i s_j is over 3 standard errors (over 40 seeds the largest error was 0.07). */
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j <= i; ++j) {
            const double e = (cov_of(out + i * per, out + j * per, per) - g_cov[i][j]) / (G_SD[i] * G_SD[j]);
            cr_log_info("%s cov[%d][%d]: error %.4f s_i s_j (%.1f %% of the entry)", tag, i, j, e,
                        100.0 * fabs(e) / fabs(G_R[i][j]));
            cr_expect(fabs(e) < 0.15, "%s cov[%d][%d]: error %.3f s_i s_j", tag, i, j, e);
        }
    free(out);
}

Test(dream, correlated_gaussian) { check_gaussian("gaussian", 0.1, 11); }

/* Snooker updates alone: without the (|x* − z|/|x − z|)^(dim−1) factor the variances come
 * out about half the truth (covariance errors up to 0.56 s_i s_j measured), which the
 * default p_snooker = 0.1 would hide. */
Test(dream, correlated_gaussian_snooker_alone) { check_gaussian("snooker", 1.0, 12); }

/* ------------------------------------------------------------ uniform and two modes */

static double flat(const double *x)
{
    (void)x;
    return 0.0;
}

Test(dream, uniform_stays_uniform)
{
    shp_dream_settings s;
    shp_dream_defaults(1, &s);
    const int n = s.chains, keep = 4000;
    const size_t per = (size_t)n * keep;
    double *v = malloc(per * sizeof *v);
    sample(1, &s, 5, flat, 200, keep, v);
    const double m = mean_of(v, per), var = cov_of(v, v, per), ess = shp_ess(v, n, keep);
    const double mcse = sqrt(var / ess);
    int bins[10] = {0};
    for (size_t i = 0; i < per; ++i) {
        cr_assert(v[i] >= 0.0 && v[i] < 1.0, "state %g outside [0, 1)", v[i]);
        ++bins[(int)(v[i] * 10.0)];
    }
    cr_log_info("uniform: mean %.4f (%.1f MCSE), variance %.5f (1/12 = %.5f), ESS %.0f", m,
                fabs(m - 0.5) / mcse, var, 1.0 / 12.0, ess);
    cr_expect(fabs(m - 0.5) < 4.0 * mcse, "mean %.4f, MCSE %.2g", m, mcse);
    /* var(s²) ≈ (μ4 − σ⁴)/ESS = 0.0056/ESS for U(0, 1): a relative error of 0.9/√ESS */
    cr_expect(fabs(var * 12.0 - 1.0) < 0.05, "variance %.5f", var);
    for (int b = 0; b < 10; ++b) {
        const double share = bins[b] / (double)per;
        cr_expect(fabs(share - 0.1) < 0.015, "decile %d holds %.4f", b, share);
    }
    free(v);
}

static double two_modes(const double *x)
{
    const double s = 0.02, a = (x[0] - 0.25) / s, b = (x[0] - 0.75) / s;
    const double la = -0.5 * a * a, lb = -0.5 * b * b, mx = la > lb ? la : lb;
    return mx + log(exp(la - mx) + exp(lb - mx));
}

Test(dream, moves_between_modes)
{
    shp_dream_settings s;
    shp_dream_defaults(1, &s);
    const int n = s.chains, keep = 4000;
    const size_t per = (size_t)n * keep;
    double *v = malloc(per * sizeof *v);
    sample(1, &s, 7, two_modes, 1000, keep, v);
    size_t up = 0;
    int worst = keep;
    for (int c = 0; c < n; ++c) {
        int up_c = 0;
        for (int t = 0; t < keep; ++t) up_c += v[(size_t)c * keep + t] > 0.5;
        up += (size_t)up_c;
        worst = up_c < worst ? up_c : worst;
        worst = keep - up_c < worst ? keep - up_c : worst;
    }
    const double frac = (double)up / per;
    cr_log_info("two modes: fraction above 0.5 %.4f; least time a chain spent in a mode %.3f", frac,
                (double)worst / keep);
    cr_expect(fabs(frac - 0.5) < 0.1, "fraction above 0.5: %.4f", frac);
    cr_expect(worst > keep / 10, "a chain spent only %d of %d generations in one mode", worst, keep);
    free(v);
}

/* ------------------------------------------------------------ the object */

Test(dream, deterministic)
{
    shp_dream_settings s;
    shp_dream_defaults(3, &s);
    const int n = s.chains, g = 300;
    gauss3_init();
    double *a = malloc(3 * (size_t)n * g * sizeof *a), *b = malloc(3 * (size_t)n * g * sizeof *b);
    double *c = malloc(3 * (size_t)n * g * sizeof *c);
    sample(3, &s, 42, gauss3, 100, g, a);
    sample(3, &s, 42, gauss3, 100, g, b);
    sample(3, &s, 43, gauss3, 100, g, c);
    cr_expect(memcmp(a, b, 3 * (size_t)n * g * sizeof *a) == 0, "the same seed gave different states");
    cr_expect(memcmp(a, c, 3 * (size_t)n * g * sizeof *a) != 0, "another seed gave the same states");
    free(a);
    free(b);
    free(c);
}

Test(dream, reset_outliers)
{
    shp_dream_settings s;
    shp_dream_defaults(2, &s);
    shp_dream *d;
    cr_assert_eq(shp_dream_create(2, &s, 1, &d), SHP_OK);
    const double *x;
    cr_assert_eq(shp_dream_ask(d, &x), 8);
    const double lp[8] = {-5, -4, -3, -2, -1, -6, -7, -8};
    cr_assert_eq(shp_dream_tell(d, lp), SHP_OK);
    double before[16];
    memcpy(before, shp_dream_states(d, NULL), sizeof before);
    /* type-7 quartiles −10.625 and −9.875: the limit is −12.125, only chain 6 is below */
    const double omega[8] = {-10, -11, -9, -10.5, -10, -9.5, -200, -10};
    int moved[8] = {-1};
    cr_assert_eq(shp_dream_reset_outliers(d, omega, moved), 1);
    cr_expect_eq(moved[0], 6);
    const double *lpn, *st = shp_dream_states(d, &lpn);
    for (int c = 0; c < 8; ++c) {
        const double *want = before + 2 * (c == 6 ? 4 : c);
        cr_expect(st[2 * c] == want[0] && st[2 * c + 1] == want[1], "chain %d", c);
        cr_expect_eq(lpn[c], c == 6 ? -1.0 : lp[c]);
    }
    shp_dream_destroy(d);

    s.chains = 3;
    cr_assert_eq(shp_dream_create(2, &s, 1, &d), SHP_OK);
    shp_dream_ask(d, &x);
    cr_assert_eq(shp_dream_tell(d, lp), SHP_OK);
    cr_expect_eq(shp_dream_reset_outliers(d, (const double[]){-1, -2, -1e9}, NULL), 0);
    shp_dream_destroy(d);
}

Test(dream, arguments)
{
    shp_dream_settings s;
    shp_dream_defaults(2, &s);
    cr_expect_null(shp_dream_check(&s, 2));
    cr_expect_eq(s.archive_init, 20);
    shp_dream *d = (shp_dream *)&s;
    shp_dream_settings bad = s;
    bad.chains = 1;
    cr_expect_str_eq(shp_dream_check(&bad, 2), "chains");
    cr_expect_eq(shp_dream_create(2, &bad, 1, &d), SHP_ERR_INVALID);
    cr_expect_null(d);
    bad = s;
    bad.p_snooker = 1.5;
    cr_expect_str_eq(shp_dream_check(&bad, 2), "p_snooker");
    bad = s;
    bad.archive_init = 7;
    cr_expect_str_eq(shp_dream_check(&bad, 2), "archive_init");
    cr_expect_eq(shp_dream_create(0, &s, 1, &d), SHP_ERR_INVALID);

    cr_assert_eq(shp_dream_create(2, &s, 1, &d), SHP_OK);
    double lp[8] = {0};
    cr_expect_eq(shp_dream_tell(d, lp), SHP_ERR_INVALID, "tell without ask");
    const double *x, *x2;
    shp_dream_ask(d, &x);
    cr_expect_eq(shp_dream_tell(d, lp), SHP_OK);
    shp_dream_ask(d, &x);
    double keep[16];
    memcpy(keep, x, sizeof keep);
    shp_dream_ask(d, &x2);
    cr_expect(x2 == x && memcmp(keep, x2, sizeof keep) == 0, "asking again must give the same points");
    lp[3] = NAN;
    cr_expect_eq(shp_dream_tell(d, lp), SHP_ERR_INVALID, "NaN density");
    lp[3] = INFINITY;
    cr_expect_eq(shp_dream_tell(d, lp), SHP_ERR_INVALID, "+inf density");
    lp[3] = 0.0;
    cr_expect_eq(shp_dream_tell(d, lp), SHP_OK, "the proposals stay asked after a refused tell");
    cr_expect_eq(shp_dream_tell(d, lp), SHP_ERR_INVALID, "a second tell without ask");
    long np, na;
    shp_dream_counts(d, &np, &na);
    cr_expect(np == 8 && na == 8, "flat density: %ld of %ld accepted", na, np);
    /* the archive grows by the chains every archive_every generations */
    for (int g = 1; g < 25; ++g) {
        shp_dream_ask(d, &x);
        shp_dream_tell(d, lp);
    }
    cr_expect_eq(shp_dream_archive_size(d), 20 + 2 * 8);
    const double *p = shp_dream_cr_probs(d);
    cr_expect(fabs(p[0] + p[1] + p[2] - 1.0) < 1e-12 && p[0] >= 0.01 / 3 && p[1] >= 0.01 / 3);
    shp_dream_destroy(d);
}

Test(dream, minus_inf_start_accepts_finite)
{
    shp_dream_settings s;
    shp_dream_defaults(2, &s);
    shp_dream *d;
    cr_assert_eq(shp_dream_create(2, &s, 3, &d), SHP_OK);
    const double *x;
    double lp[8];
    shp_dream_ask(d, &x);
    for (int i = 0; i < 8; ++i) lp[i] = -INFINITY;
    cr_assert_eq(shp_dream_tell(d, lp), SHP_OK);
    shp_dream_ask(d, &x);
    double prop[16];
    memcpy(prop, x, sizeof prop);
    for (int i = 0; i < 8; ++i) lp[i] = i == 5 ? -INFINITY : -1e300;
    cr_assert_eq(shp_dream_tell(d, lp), SHP_OK);
    long np, na;
    shp_dream_counts(d, &np, &na);
    cr_expect_eq(na, 7);
    const double *lpn, *st = shp_dream_states(d, &lpn);
    for (int i = 0; i < 8; ++i) {
        cr_expect_eq(lpn[i], i == 5 ? -INFINITY : -1e300);
        if (i != 5) cr_expect(memcmp(st + 2 * i, prop + 2 * i, 2 * sizeof *st) == 0, "chain %d", i);
    }
    shp_dream_destroy(d);
}

/* ------------------------------------------------------------ diagnostics */

/* m chains of n draws: ar(1) with coefficient rho, unit marginal variance, chain c shifted
 * by shift·c. */
static double *draws(int m, int n, double rho, double shift, uint64_t seed)
{
    double *x = malloc((size_t)m * n * sizeof *x);
    for (int c = 0; c < m; ++c) {
        shp_rng r;
        shp_rng_init(&r, seed, 0, (uint64_t)c, 0);
        double v = shp_rng_normal(&r);
        for (int t = 0; t < n; ++t) {
            if (t) v = rho * v + sqrt(1.0 - rho * rho) * shp_rng_normal(&r);
            x[(size_t)c * n + t] = v + shift * c;
        }
    }
    return x;
}

Test(dream, rhat_and_ess)
{
    double *x = draws(4, 2000, 0.0, 0.0, 1);
    const double r_iid = shp_rhat_split(x, 4, 2000), e_iid = shp_ess(x, 4, 2000);
    free(x);
    x = draws(4, 2000, 0.0, 3.0, 2);
    const double r_off = shp_rhat_split(x, 4, 2000);
    free(x);
    x = draws(4, 5000, 0.9, 0.0, 3);
    const double e_ar = shp_ess(x, 4, 5000), e_ar_true = 20000.0 * 0.1 / 1.9;
    free(x);
    cr_log_info("iid 4x2000: R-hat %.4f, ESS %.0f; shifted: R-hat %.3f; AR(0.9) 4x5000: ESS %.0f (%.0f)",
                r_iid, e_iid, r_off, e_ar, e_ar_true);
    cr_expect(r_iid < 1.02 && r_iid > 0.98, "iid R-hat %.4f", r_iid);
    cr_expect(r_off > 1.5, "shifted chains R-hat %.3f", r_off);
    cr_expect(fabs(e_iid / 8000.0 - 1.0) < 0.15, "iid ESS %.0f of 8000", e_iid);
    cr_expect(fabs(e_ar / e_ar_true - 1.0) < 0.25, "AR(1) ESS %.0f, expected %.0f", e_ar, e_ar_true);

    const double same[12] = {0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1};
    cr_expect_eq(shp_rhat_split(same, 2, 6), 1.0);
    cr_expect_eq(shp_ess(same, 2, 6), 12.0);
    cr_expect(isnan(shp_rhat_split(same, 4, 3)) && isnan(shp_ess(same, 4, 3)), "n < 4 must give NaN");
    cr_expect(isnan(shp_rhat_split(same, 0, 6)) && isnan(shp_ess(same, 0, 6)), "m < 1 must give NaN");
}
