/* Convergence diagnostics of MCMC draws (include/shpfit/dream.h): split-R̂ and effective
 * sample size after Gelman et al. 2013, "Bayesian Data Analysis" 3rd ed. (BDA3) §11.4–11.5,
 * and Stan's estimator (stan/analyze/mcmc/compute_effective_sample_size.hpp) without rank
 * normalisation. Draws x[c·n + t] of m chains; each chain is split into halves of h = ⌊n/2⌋
 * draws (the middle one of an odd n dropped), so 2m sequences of h. */
#include "shpfit/dream.h"

#include <math.h>
#include <stdlib.h>

/* Sequence k of the split chains: chain k/2, its first or last h draws. */
static const double *seq(const double *x, int n, int h, int k)
{
    return x + (size_t)(k / 2) * (size_t)n + (k % 2 ? n - h : 0);
}

static int all_same(const double *x, size_t len)
{
    for (size_t i = 1; i < len; ++i)
        if (x[i] != x[0]) return 0;
    return 1;
}

/* Mean and unbiased variance of one sequence (two passes). */
static void mean_var(const double *v, int h, double *mean, double *var)
{
    double s = 0.0, ss = 0.0;
    for (int t = 0; t < h; ++t) s += v[t];
    s /= h;
    for (int t = 0; t < h; ++t) ss += (v[t] - s) * (v[t] - s);
    *mean = s;
    *var = ss / (h - 1);
}

/* W (mean within-sequence variance) and var⁺ = (h−1)/h W + B/h (BDA3 Eq. 11.3), with
 * B/h the variance of the sequence means; the means go to mu (2m). */
static void within_plus(const double *x, int m, int n, double *mu, double *w, double *var_plus)
{
    const int h = n / 2, ms = 2 * m;
    double W = 0.0, grand = 0.0, b = 0.0;
    for (int k = 0; k < ms; ++k) {
        double v;
        mean_var(seq(x, n, h, k), h, &mu[k], &v);
        W += v;
        grand += mu[k];
    }
    W /= ms;
    grand /= ms;
    for (int k = 0; k < ms; ++k) b += (mu[k] - grand) * (mu[k] - grand);
    *w = W;
    *var_plus = (h - 1.0) / h * W + b / (ms - 1);
}

/* NaN when n < 4 or m < 1; 1 when every draw is the same; +inf when every sequence is
 * constant but they differ (W = 0 < B). */
double shp_rhat_split(const double *x, int m, int n)
{
    if (!x || m < 1 || n < 4) return NAN;
    if (all_same(x, (size_t)m * (size_t)n)) return 1.0;
    double *mu = malloc((size_t)2 * m * sizeof *mu);
    if (!mu) return NAN;
    double W, vp;
    within_plus(x, m, n, mu, &W, &vp);
    free(mu);
    return W > 0.0 ? sqrt(vp / W) : INFINITY; /* BDA3 Eq. 11.4 */
}

/* Mean over the sequences of their autocovariance at lag t (1/h normalisation, as Stan). */
static double mean_acov(const double *x, int m, int n, const double *mu, int t)
{
    const int h = n / 2, ms = 2 * m;
    double s = 0.0;
    for (int k = 0; k < ms; ++k) {
        const double *v = seq(x, n, h, k);
        double a = 0.0;
        for (int i = 0; i + t < h; ++i) a += (v[i] - mu[k]) * (v[i + t] - mu[k]);
        s += a / h;
    }
    return s / ms;
}

/* NaN when n < 4 or m < 1 (or out of memory); m·n when every draw is the same. When every
 * sequence is constant but they differ, ρ_t = 1 at every lag and the result is about m. The
 * direct autocovariance sums cost O(m n T) for T lags until Geyer's sequence stops; fine for
 * n up to about 1e5 with well-mixed chains. */
double shp_ess(const double *x, int m, int n)
{
    if (!x || m < 1 || n < 4) return NAN;
    if (all_same(x, (size_t)m * (size_t)n)) return (double)m * n;
    const int h = n / 2;
    const double total = 2.0 * m * h;
    double *mu = malloc((size_t)2 * m * sizeof *mu);
    if (!mu) return NAN;
    double W, vp;
    within_plus(x, m, n, mu, &W, &vp);
    /* Geyer 1992's initial monotone sequence on the pair sums P_k = ρ_2k + ρ_2k+1 (BDA3
     * §11.5): summed while positive, each at most the one before; ρ_0 = 1 and
     * ρ_t = 1 − (W − mean_c acov_c(t)) / var⁺ */
    double sum = 0.0, prev = INFINITY;
    for (int t = 0; t + 1 < h; t += 2) {
        const double r0 = t == 0 ? 1.0 : 1.0 - (W - (W > 0.0 ? mean_acov(x, m, n, mu, t) : 0.0)) / vp;
        const double r1 = 1.0 - (W - (W > 0.0 ? mean_acov(x, m, n, mu, t + 1) : 0.0)) / vp;
        double p = r0 + r1;
        if (!(p > 0.0)) break;
        if (p > prev) p = prev;
        sum += p;
        prev = p;
    }
    free(mu);
    const double tau = -1.0 + 2.0 * sum, cap = total * log10(total);
    const double ess = total / tau;
    return tau > 0.0 && ess < cap ? ess : cap; /* antithetic chains: τ < 1, capped */
}

static int cmp_double(const void *a, const void *b)
{
    const double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

void shp_sort_doubles(double *v, long n)
{
    if (n > 1) qsort(v, (size_t)n, sizeof *v, cmp_double);
}

double shp_quantile_sorted(const double *s, long n, double p)
{
    if (n < 1) return NAN;
    const double h = (double)(n - 1) * p;
    const long i = (long)floor(h);
    return i + 1 < n ? s[i] + (h - (double)i) * (s[i + 1] - s[i]) : s[n - 1];
}
