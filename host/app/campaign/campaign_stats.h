/* Statistics of optimizer-benchmark campaigns (host-internal, pure functions): sample
 * quantiles, the expected running time of COCO, the Wilcoxon rank-sum and Friedman
 * tests, the chi-square tail they need, and the `name=value;…` fields of runs.csv.
 * None of them allocates more than a scratch copy of its input or prints anything.
 *
 * References
 *   Hyndman R.J., Fan Y. (1996) Sample quantiles in statistical packages. The American
 *     Statistician 50(4):361–365 (definition 7, the default of R and NumPy).
 *   Hansen N., Auger A., Ros R., Mersmann O., Tušar T., Brockhoff D. (2021) COCO: a platform
 *     for comparing continuous optimizers in a black-box setting. Optimization Methods and
 *     Software 36(1):114–144; and Hansen et al. (2016) COCO: performance assessment,
 *     arXiv:1605.03560, §"Expected running time" (ERT, the aRT of later COCO versions).
 *   Mann H.B., Whitney D.R. (1947) On a test of whether one of two random variables is
 *     stochastically larger than the other. Ann. Math. Statist. 18(1):50–60.
 *   Hollander M., Wolfe D.A. (1973) Nonparametric Statistical Methods. Wiley (rank-sum test
 *     §4.1, Friedman test §7.1, their tie corrections).
 *   Friedman M. (1937) The use of ranks to avoid the assumption of normality implicit in the
 *     analysis of variance. J. Amer. Statist. Assoc. 32(200):675–701.
 *   Press W.H. et al. (2007) Numerical Recipes, 3rd ed., §6.2 (incomplete gamma function:
 *     series and continued fraction), the method of shp_stat_gammq. */
#ifndef SHPFIT_HOST_CAMPAIGN_STATS_H
#define SHPFIT_HOST_CAMPAIGN_STATS_H

#include <stddef.h>

/* ------------------------------------------------------------ quantiles */

/* Quantile p ∈ [0, 1] of n ≥ 1 values sorted ascending, Hyndman–Fan type 7 (linear
 * interpolation between order statistics): h = (n − 1) p, Q = x[⌊h⌋] + (h − ⌊h⌋)
 * (x[⌊h⌋+1] − x[⌊h⌋]). NAN for n < 1. Infinite values are allowed; the interpolation
 * between a finite and an infinite one is that infinity (a quantile at an infinite
 * order statistic exactly is infinite too). */
double shp_stat_quantile_sorted(const double *sorted, int n, double p);

/* The same for unsorted values (a sorted scratch copy; NAN also when out of memory). */
double shp_stat_quantile(const double *x, int n, double p);

/* Five-number summary with the interquartile range q3 − q1 (type-7 quartiles). Every
 * field is NAN and n = 0 for an empty sample. NaN values are left out of the sample. */
typedef struct {
    int n;
    double min, q1, median, q3, max, iqr;
} shp_stat_summary;

/* SHP_OK, or SHP_ERR_NOMEM (summary all NAN). */
int shp_stat_summarize(const double *x, int n, shp_stat_summary *s);

double shp_stat_median(const double *x, int n);
double shp_stat_iqr(const double *x, int n);

/* ------------------------------------------------------------ running time */

/* Expected running time (COCO): over n runs, with success[i] ≠ 0 when run i reached the
 * target after to_target[i] (evaluations or seconds) and total[i] what it spent in all,
 *   ERT = (Σ_successful to_target[i] + Σ_unsuccessful total[i]) / #successful,
 * +INFINITY when no run succeeded, NAN when n = 0. */
double shp_stat_ert(int n, const int *success, const double *to_target, const double *total);

/* ------------------------------------------------------------ rank tests */

/* Average ranks (1 … n, ties get the mean of the ranks they span) of x into rank, and
 * Σ (t³ − t) over the groups of t tied values into *ties (may be NULL). SHP_OK or
 * SHP_ERR_NOMEM. */
int shp_stat_ranks(const double *x, int n, double *rank, double *ties);

/* Result of the two-sided Wilcoxon rank-sum (Mann–Whitney) test. */
typedef struct {
    int n1, n2;
    double U;     /* Σ_i Σ_j [x_i > y_j] + ½ [x_i = y_j]: the statistic of the first sample */
    double W;     /* rank sum of the first sample = U + n1 (n1 + 1) / 2 */
    double z;     /* standardized U (normal approximation; 0 when exact) */
    double p;     /* two-sided p-value */
    int exact;    /* 1: exact null distribution of U; 0: normal approximation */
} shp_stat_ranksum_result;

/* Largest sample size for which the exact distribution is used (as R's wilcox.test). */
#define SHP_STAT_RANKSUM_EXACT_MAX 49

/* Two-sided Wilcoxon rank-sum test of x[n1] against y[n2] (n1, n2 ≥ 1; ±inf allowed, no
 * NaN). Without ties and with n1, n2 ≤ SHP_STAT_RANKSUM_EXACT_MAX: exact,
 *   p = min(1, 2 min(P(U ≤ u), P(U ≥ u)))
 * with the null distribution of U counted by dynamic programming over the subsets of
 * ranks (every one of the C(n1+n2, n1) rank sets equally likely). Otherwise the normal
 * approximation with the tie correction of the variance and a continuity correction:
 *   σ² = n1 n2 / 12 · ((N + 1) − Σ(t³ − t) / (N (N − 1))),  N = n1 + n2,
 *   z = (U − n1 n2 / 2 − ½ sign(U − n1 n2 / 2)) / σ,  p = 2 Φ(−|z|)  (p = 1 when σ = 0).
 * This is what R's wilcox.test(x, y) computes. SHP_OK, SHP_ERR_INVALID (empty sample,
 * NaN) or SHP_ERR_NOMEM. */
int shp_stat_ranksum(const double *x, int n1, const double *y, int n2, shp_stat_ranksum_result *r);

/* Exact null distribution of U for samples of m and n without ties: P(U ≤ u). NAN
 * when out of memory or m, n < 1. */
double shp_stat_ranksum_cdf(int m, int n, double u);

/* Result of the Friedman test. */
typedef struct {
    int k, b;        /* treatments (variants), blocks (seeds) */
    double Q;        /* statistic, tie-corrected */
    int df;          /* k − 1 */
    double p;        /* chi-square(k − 1) upper tail of Q */
} shp_stat_friedman_result;

/* Friedman test of k ≥ 2 treatments in b ≥ 2 blocks; x[i * k + j] is treatment j in block
 * i. Values are ranked within each block (average ranks for ties; ±inf allowed) and
 *   Q = 12 Σ_j (R_j − b (k + 1) / 2)² / (b k (k + 1) − Σ(t³ − t) / (k − 1)),
 * R_j the rank sum of treatment j, the sum of t³ − t over the tie groups of all blocks;
 * p = P(χ²_{k−1} ≥ Q) (R's friedman.test). mean_rank (may be NULL) receives R_j / b.
 * When every block is entirely tied Q is undefined: Q = 0, p = 1. SHP_OK,
 * SHP_ERR_INVALID or SHP_ERR_NOMEM. */
int shp_stat_friedman(const double *x, int b, int k, double *mean_rank, shp_stat_friedman_result *r);

/* ------------------------------------------------------------ distributions */

/* Regularized incomplete gamma functions P(a, x) and Q(a, x) = 1 − P(a, x), a > 0, x ≥ 0:
 * the series for x < a + 1, the continued fraction (modified Lentz) otherwise, relative
 * accuracy about 1e-14. NAN for invalid arguments. */
double shp_stat_gammp(double a, double x);
double shp_stat_gammq(double a, double x);

/* Chi-square upper tail P(χ²_df ≥ x) = Q(df / 2, x / 2); 1 for x ≤ 0. */
double shp_stat_chi2_sf(double x, int df);

/* Standard normal lower tail Φ(z) = erfc(−z / √2) / 2. */
double shp_stat_normal_cdf(double z);

/* ------------------------------------------------------------ name=value;… fields */

/* One pair of a `name=value;name=value` field. */
typedef struct {
    char name[64];
    double value;
} shp_stat_kv;

/* Parse s (may be empty: *n = 0) into at most max pairs. Blank space around names and
 * values is ignored, an empty item (";;" or a trailing ';') is skipped; every other item
 * must be name=value with a non-empty name of at most 63 characters and a number (inf
 * and nan as strtod reads them) or nothing ("name=": a value that was not finite, read
 * as NAN). SHP_OK, or SHP_ERR_CONFIG with the problem in err
 * (more than max pairs included). */
int shp_stat_kv_parse(const char *s, shp_stat_kv *kv, int max, int *n, char *err, size_t len);

/* The value of name in s (a `name=value;…` field): 1 when found (*value set), 0 when not
 * there, −1 when s is malformed. */
int shp_stat_kv_get(const char *s, const char *name, double *value);

#endif
