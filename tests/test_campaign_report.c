/* Statistics and report of benchmark campaigns (host/app/campaign/campaign_stats.h,
 * campaign_report.h): quantiles, ERT, the rank-sum and Friedman tests against table and
 * hand-computed values, and the report of the fixture tests/data/campaign (2 cases × 3
 * variants × 5 seeds, made by tests/data/campaign/make_fixture.py, whose docstring gives
 * the values). Runs with cwd = tests/. */
#define _POSIX_C_SOURCE 200809L /* mkdtemp, setenv */
#include <criterion/criterion.h>
#include "test_util.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "campaign/campaign_report.h"
#include "campaign/campaign_stats.h"
#include "shpfit/status.h"

#define FIXTURE "data/campaign"

static int close_to(double a, double b, double tol) { return fabs(a - b) <= tol; }

/* ------------------------------------------------------------ quantiles */

Test(campaign_stats, quantiles_type7_and_iqr)
{
    /* R: quantile(1:4) = 1, 1.75, 2.5, 3.25, 4 (type 7, the default) */
    const double a[] = {4, 1, 3, 2};
    shp_stat_summary s;
    cr_assert_eq(shp_stat_summarize(a, 4, &s), SHP_OK);
    cr_expect_eq(s.n, 4);
    cr_expect(close_to(s.min, 1.0, 1e-15));
    cr_expect(close_to(s.q1, 1.75, 1e-15));
    cr_expect(close_to(s.median, 2.5, 1e-15));
    cr_expect(close_to(s.q3, 3.25, 1e-15));
    cr_expect(close_to(s.max, 4.0, 1e-15));
    cr_expect(close_to(s.iqr, 1.5, 1e-15));
    /* odd n: order statistics exactly; quantile(1:10, 0.1) = 1.9 */
    const double b[] = {7, 1, 9, 3, 5};
    cr_expect(close_to(shp_stat_median(b, 5), 5.0, 1e-15));
    cr_expect(close_to(shp_stat_iqr(b, 5), 4.0, 1e-15));
    const double c[] = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
    cr_expect(close_to(shp_stat_quantile(c, 10, 0.1), 1.9, 1e-14));
    cr_expect(close_to(shp_stat_quantile(c, 10, 0.0), 1.0, 0));
    cr_expect(close_to(shp_stat_quantile(c, 10, 1.0), 10.0, 0));
    /* one value; none; NaN left out; an infinite order statistic */
    cr_expect(close_to(shp_stat_median(c, 1), 10.0, 0));
    cr_expect(isnan(shp_stat_median(c, 0)));
    const double d[] = {NAN, 2, 4, NAN};
    cr_expect(close_to(shp_stat_median(d, 4), 3.0, 0));
    const double e[] = {1, 2, INFINITY};
    cr_expect(close_to(shp_stat_median(e, 3), 2.0, 0));
    cr_expect(isinf(shp_stat_quantile(e, 3, 0.75)));
    cr_assert_eq(shp_stat_summarize(c, 0, &s), SHP_OK);
    cr_expect(s.n == 0 && isnan(s.median) && isnan(s.iqr));
}

/* ------------------------------------------------------------ ERT */

Test(campaign_stats, ert_by_hand)
{
    /* 4 runs: reached after 100 and 300; two used the whole 1000.
     * ERT = (100 + 300 + 1000 + 1000) / 2 = 1200. Seconds: (1 + 2 + 5 + 6) / 2 = 7. */
    const int ok[] = {1, 0, 1, 0};
    const double to[] = {100, NAN, 300, NAN}, tot[] = {100, 1000, 300, 1000};
    const double tos[] = {1, NAN, 2, NAN}, tots[] = {1.5, 5, 2.5, 6};
    cr_expect(close_to(shp_stat_ert(4, ok, to, tot), 1200.0, 1e-12));
    cr_expect(close_to(shp_stat_ert(4, ok, tos, tots), 7.0, 1e-12));
    const int none[] = {0, 0};
    cr_expect(isinf(shp_stat_ert(2, none, to, tot)) && shp_stat_ert(2, none, to, tot) > 0);
    cr_expect(isnan(shp_stat_ert(0, ok, to, tot)));
    /* all successful: the mean evaluations to target */
    const int all[] = {1, 1, 1};
    const double t3[] = {10, 20, 60};
    cr_expect(close_to(shp_stat_ert(3, all, t3, t3), 30.0, 1e-12));
}

/* ------------------------------------------------------------ rank-sum test */

Test(campaign_stats, ranksum_exact_table_values)
{
    shp_stat_ranksum_result r;
    /* n1 = n2 = 5, U = 2 (7 > 5 and 7 > 6 only): P(U <= 2) = 4/252, two-sided 0.0317
     * (tables of the Mann–Whitney U, e.g. Siegel & Castellan 1988, Table J) */
    const double x[] = {1, 2, 3, 4, 7}, y[] = {5, 6, 8, 9, 10};
    cr_assert_eq(shp_stat_ranksum(x, 5, y, 5, &r), SHP_OK);
    cr_expect(r.exact);
    cr_expect(close_to(r.U, 2.0, 0));
    cr_expect(close_to(r.W, 17.0, 0));
    cr_expect(close_to(r.p, 8.0 / 252.0, 1e-12), "p = %g", r.p);
    cr_expect(close_to(r.p, 0.0317, 5e-5));
    /* the other way round: U = 23, the same p */
    cr_assert_eq(shp_stat_ranksum(y, 5, x, 5, &r), SHP_OK);
    cr_expect(close_to(r.U, 23.0, 0));
    cr_expect(close_to(r.p, 8.0 / 252.0, 1e-12));
    /* n1 = n2 = 4 fully separated: 2/70 = 0.0286 */
    const double a[] = {1, 2, 3, 4}, b[] = {5, 6, 7, 8};
    cr_assert_eq(shp_stat_ranksum(a, 4, b, 4, &r), SHP_OK);
    cr_expect(r.exact && close_to(r.U, 0.0, 0));
    cr_expect(close_to(r.p, 2.0 / 70.0, 1e-12));
    cr_expect(close_to(r.p, 0.0286, 5e-5));
    /* the middle of the distribution: p capped at 1 */
    const double c[] = {1, 4, 5, 8}, e[] = {2, 3, 6, 7};
    cr_assert_eq(shp_stat_ranksum(c, 4, e, 4, &r), SHP_OK);
    cr_expect(close_to(r.U, 8.0, 0) && close_to(r.p, 1.0, 0));
    /* lower tail of the exact distribution, counted by enumeration of all
     * C(20, 10) = 184756 rank sets (tables: the 5 % two-sided critical value of
     * n1 = n2 = 10 is U = 23): P(U <= 23) = 0.0216285; P(U <= 20 | 8, 12) = 0.0157101;
     * P(U <= 4 | 3, 7) = 11/120 */
    cr_expect(close_to(shp_stat_ranksum_cdf(10, 10, 23), 0.02162852627248912, 1e-12));
    cr_expect(close_to(shp_stat_ranksum_cdf(8, 12, 20), 0.015710089703897753, 1e-12));
    cr_expect(close_to(shp_stat_ranksum_cdf(3, 7, 4), 11.0 / 120.0, 1e-12));
    cr_expect(close_to(shp_stat_ranksum_cdf(7, 3, 4), 11.0 / 120.0, 1e-12));
    cr_expect(close_to(shp_stat_ranksum_cdf(5, 5, 25), 1.0, 0));
    /* invalid input */
    cr_expect_eq(shp_stat_ranksum(a, 0, b, 4, &r), SHP_ERR_INVALID);
    const double bad[] = {1, NAN};
    cr_expect_eq(shp_stat_ranksum(bad, 2, b, 4, &r), SHP_ERR_INVALID);
}

Test(campaign_stats, ranksum_normal_approximation_by_hand)
{
    /* With ties, the normal approximation:
     * x = 1.1 2.2 2.2 3.3 4.4 5.5, y = 2.2 3.3 6.6 7.7 8.8 9.9 9.9 (N = 13).
     * Ranks: 1.1 → 1; 2.2 (×3) → 3; 3.3 (×2) → 5.5; 4.4 → 7; 5.5 → 8; 6.6 → 9; 7.7 → 10;
     * 8.8 → 11; 9.9 (×2) → 12.5. W_x = 1 + 3 + 3 + 5.5 + 7 + 8 = 27.5, U = 27.5 − 21 = 6.5.
     * Ties: Σ(t³ − t) = 24 + 6 + 6 = 36. σ² = 6·7/12 · (14 − 36/(13·12)) = 3.5 · 13.769231
     * = 48.192308, σ = 6.942068. U − n1 n2/2 = −14.5, continuity-corrected −14.0,
     * z = −14.0 / 6.942068 = −2.016690, p = 2 Φ(−2.016690) = 0.043728. */
    const double x[] = {1.1, 2.2, 2.2, 3.3, 4.4, 5.5}, y[] = {2.2, 3.3, 6.6, 7.7, 8.8, 9.9, 9.9};
    shp_stat_ranksum_result r;
    cr_assert_eq(shp_stat_ranksum(x, 6, y, 7, &r), SHP_OK);
    cr_expect(!r.exact);
    cr_expect(close_to(r.U, 6.5, 1e-12));
    cr_expect(close_to(r.z, -2.016690136373273, 1e-9), "z = %.10g", r.z);
    cr_expect(close_to(r.p, 0.043727859914373765, 1e-9), "p = %.10g", r.p);
    /* all values tied: no evidence, p = 1 */
    const double t[] = {3, 3, 3}, u[] = {3, 3};
    cr_assert_eq(shp_stat_ranksum(t, 3, u, 2, &r), SHP_OK);
    cr_expect(!r.exact && close_to(r.p, 1.0, 0));
    /* more than SHP_STAT_RANKSUM_EXACT_MAX without ties: normal too. x = 1 … 60 against
     * y = 61 … 120: U = 0, z = (−1800 + 0.5) / √(3600·121/12) = −9.4716, p ≈ 2.8e-21 */
    double big1[60], big2[60];
    for (int i = 0; i < 60; ++i) {
        big1[i] = i + 1;
        big2[i] = i + 61;
    }
    cr_assert_eq(shp_stat_ranksum(big1, 60, big2, 60, &r), SHP_OK);
    cr_expect(!r.exact);
    cr_expect(close_to(r.z, -1799.5 / sqrt(3600.0 * 121.0 / 12.0), 1e-9));
    cr_expect(r.p < 1e-19 && r.p > 0);
}

/* ------------------------------------------------------------ Friedman test, chi-square */

Test(campaign_stats, friedman_rounding_times)
{
    /* Hollander & Wolfe (1973), p. 140: times (s) of 22 baseball players rounding first
     * base by three methods ("round out", "narrow angle", "wide angle"); the example of R's
     * friedman.test, which gives Friedman chi-squared = 11.143, df = 2, p-value = 0.003805
     * (ties within players: the tie-corrected statistic; exactly 78/7). */
    static const double rt[22 * 3] = {
        5.40, 5.50, 5.55, 5.85, 5.70, 5.75, 5.20, 5.60, 5.50, 5.55, 5.50, 5.40, 5.90, 5.85, 5.70,
        5.45, 5.55, 5.60, 5.40, 5.40, 5.35, 5.45, 5.50, 5.35, 5.25, 5.15, 5.00, 5.85, 5.80, 5.70,
        5.25, 5.20, 5.10, 5.65, 5.55, 5.45, 5.60, 5.35, 5.45, 5.05, 5.00, 4.95, 5.50, 5.50, 5.40,
        5.45, 5.55, 5.50, 5.55, 5.55, 5.35, 5.45, 5.50, 5.55, 5.50, 5.45, 5.25, 5.65, 5.60, 5.40,
        5.70, 5.65, 5.55, 6.30, 6.30, 6.25};
    shp_stat_friedman_result r;
    double mean_rank[3];
    cr_assert_eq(shp_stat_friedman(rt, 22, 3, mean_rank, &r), SHP_OK);
    cr_expect_eq(r.df, 2);
    cr_expect(close_to(r.Q, 78.0 / 7.0, 1e-10), "Q = %.10g", r.Q);
    cr_expect(close_to(r.p, 0.003805, 5e-7), "p = %.10g", r.p);
    /* rank sums 53, 47, 32 */
    cr_expect(close_to(mean_rank[0] * 22, 53.0, 1e-10) && close_to(mean_rank[2] * 22, 32.0, 1e-10));
    /* every block tied: no statistic */
    const double flat[] = {1, 1, 2, 2, 3, 3};
    cr_assert_eq(shp_stat_friedman(flat, 3, 2, NULL, &r), SHP_OK);
    cr_expect(close_to(r.Q, 0.0, 0) && close_to(r.p, 1.0, 0));
    cr_expect_eq(shp_stat_friedman(rt, 1, 3, NULL, &r), SHP_ERR_INVALID);
}

Test(campaign_stats, chi_square_and_incomplete_gamma)
{
    /* closed forms: df 2 → e^{−x/2}; df 1 → erfc(√(x/2)); integer a: Q(a, x) =
     * e^{−x} Σ_{i<a} x^i / i! (Poisson), a = 10 at x = 5 (series) and x = 15 (fraction) */
    for (double x = 0.1; x < 60; x *= 1.7) {
        cr_expect(close_to(shp_stat_chi2_sf(x, 2), exp(-x / 2), 1e-14 + 1e-12 * exp(-x / 2)), "x = %g", x);
        const double e1 = erfc(sqrt(x / 2));
        cr_expect(fabs(shp_stat_chi2_sf(x, 1) - e1) <= 1e-12 * e1 + 1e-300, "x = %g", x);
    }
    cr_expect(close_to(shp_stat_chi2_sf(3.841458820694124, 1), 0.05, 1e-12));
    cr_expect(close_to(shp_stat_gammq(10, 5), 0.968171942693795, 1e-13));
    cr_expect(close_to(shp_stat_gammq(10, 15), 0.06985366069940976, 1e-13));
    cr_expect(close_to(shp_stat_gammp(10, 15) + shp_stat_gammq(10, 15), 1.0, 1e-14));
    cr_expect(close_to(shp_stat_chi2_sf(0, 3), 1.0, 0));
    cr_expect(isnan(shp_stat_gammq(-1, 2)));
    cr_expect(close_to(shp_stat_normal_cdf(0), 0.5, 1e-16));
    cr_expect(close_to(shp_stat_normal_cdf(-1.959963984540054), 0.025, 1e-12));
}

/* ------------------------------------------------------------ name=value fields */

Test(campaign_stats, name_value_fields)
{
    shp_stat_kv kv[8];
    int n;
    char err[200];
    cr_assert_eq(shp_stat_kv_parse("theta_final=1.2e-3;v=4e-4;Q=2e-4", kv, 8, &n, err, sizeof err), SHP_OK);
    cr_assert_eq(n, 3);
    cr_expect_str_eq(kv[0].name, "theta_final");
    cr_expect(close_to(kv[0].value, 1.2e-3, 0));
    cr_expect_str_eq(kv[2].name, "Q");
    cr_expect(close_to(kv[2].value, 2e-4, 0));
    cr_assert_eq(shp_stat_kv_parse(" loam.theta_s = 0.43 ; loam.alpha=0.036; ", kv, 8, &n, err, sizeof err), SHP_OK);
    cr_expect(n == 2 && !strcmp(kv[1].name, "loam.alpha") && close_to(kv[0].value, 0.43, 0));
    cr_assert_eq(shp_stat_kv_parse("", kv, 8, &n, err, sizeof err), SHP_OK);
    cr_expect_eq(n, 0);
    cr_assert_eq(shp_stat_kv_parse("a=;b=1", kv, 8, &n, err, sizeof err), SHP_OK); /* not finite: empty */
    cr_expect(n == 2 && isnan(kv[0].value));
    cr_expect_eq(shp_stat_kv_parse("a=1;b", kv, 8, &n, err, sizeof err), SHP_ERR_CONFIG);
    cr_expect(strstr(err, "item 2") != NULL, "%s", err);
    cr_expect_eq(shp_stat_kv_parse("a=1x", kv, 8, &n, err, sizeof err), SHP_ERR_CONFIG);
    cr_expect_eq(shp_stat_kv_parse("=1", kv, 8, &n, err, sizeof err), SHP_ERR_CONFIG);
    cr_expect_eq(shp_stat_kv_parse("a=1;b=2;c=3", kv, 2, &n, err, sizeof err), SHP_ERR_CONFIG);
    double v = 0;
    cr_expect_eq(shp_stat_kv_get("theta_final=1.2e-3;v=4e-4", "v", &v), 1);
    cr_expect(close_to(v, 4e-4, 0));
    cr_expect_eq(shp_stat_kv_get("theta_final=1.2e-3;v=4e-4", "Q", &v), 0);
    cr_expect_eq(shp_stat_kv_get("theta_final", "Q", &v), -1);
}

/* ------------------------------------------------------------ the report */

static void write_text(const char *dir, const char *name, const char *text)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f, "%s", path);
    fputs(text, f);
    fclose(f);
}

static void copy_fixture(const char *dir)
{
    for (int i = 0; i < 2; ++i) {
        char src[256];
        const char *name = i ? "history.csv" : "runs.csv";
        snprintf(src, sizeof src, FIXTURE "/%s", name);
        char *text = tu_slurp(src);
        cr_assert_not_null(text, "%s missing (run from tests/)", src);
        write_text(dir, name, text);
        free(text);
    }
}

static int exists_in(const char *dir, const char *name, long *size)
{
    char path[1024];
    struct stat st;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    if (stat(path, &st) != 0) return 0;
    if (size) *size = (long)st.st_size;
    return 1;
}

static char *slurp_in(const char *dir, const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return tu_slurp(path);
}

static const shp_cr_variant *variant(const shp_cr_case *c, const char *name)
{
    const int v = shp_cr_find_variant(c, name);
    cr_assert_geq(v, 0, "variant %s", name);
    return &c->variant[v];
}

Test(campaign_report, fixture_statistics_and_ranking)
{
    shp_cr_data d;
    char err[512] = "";
    cr_assert_eq(shp_cr_read(FIXTURE, &d, err, sizeof err), SHP_OK, "%s", err);
    cr_assert_eq(shp_cr_analyze(&d, 0.05, err, sizeof err), SHP_OK, "%s", err);
    cr_expect_eq(d.n_runs, 30);
    cr_expect_eq(d.duplicates, 1);
    cr_expect(d.have_history);
    cr_assert_eq(d.n_cases, 2);
    cr_expect_str_eq(d.cases[0].name, "loam"); /* order of first appearance */
    cr_expect_str_eq(d.cases[1].name, "clay");

    /* loam: shade 5/5 (ERT 1300), pso 3/5 (ERT 13000/3; its repeated seed-2 row counts
     * with the last row: unsuccessful), vega 0/5 (ERT inf) */
    const shp_cr_case *loam = &d.cases[shp_cr_find_case(&d, "loam")];
    cr_assert_eq(loam->n_variants, 3);
    const shp_cr_variant *shade = variant(loam, "shade"), *pso = variant(loam, "pso"), *vega = variant(loam, "vega");
    cr_expect(shade->n_runs == 5 && pso->n_runs == 5 && vega->n_runs == 5);
    cr_expect_eq(shade->successes, 5);
    cr_expect_eq(pso->successes, 3);
    cr_expect_eq(vega->successes, 0);
    cr_expect(close_to(shade->ert_evals, 1300.0, 1e-9));
    cr_expect(close_to(pso->ert_evals, 13000.0 / 3.0, 1e-9), "%g", pso->ert_evals);
    cr_expect(isinf(vega->ert_evals));
    cr_expect(close_to(shade->ert_s, 1300.0 * 0.004, 1e-9)); /* wall = 0.004 s per column */
    /* evaluations to target of shade 1000 1200 1300 1400 1600: median 1300, IQR 1400 − 1200 */
    cr_expect(close_to(shade->evals_to_target.median, 1300.0, 0));
    cr_expect(close_to(shade->evals_to_target.iqr, 200.0, 1e-12));
    cr_expect_eq(pso->evals_to_target.n, 3);
    cr_expect(close_to(pso->best_sum.median, 9.7e-4, 1e-15));
    cr_expect(close_to(pso->best_sum.max, 2.1e-3, 1e-15));
    /* hypervolume only for vega (multi-objective) */
    cr_expect(vega->multi_objective && !pso->multi_objective);
    cr_expect(vega->hypervolume.n == 5 && close_to(vega->hypervolume.median, 0.92, 1e-12));
    cr_expect_eq(shade->hypervolume.n, 0);
    cr_expect(close_to(shade->rmse_retention.median, 0.03 * 9.3e-4, 1e-15));

    /* ranking by ERT: shade, pso, vega */
    cr_expect_str_eq(loam->variant[loam->order[0]].name, "shade");
    cr_expect_str_eq(loam->variant[loam->order[1]].name, "pso");
    cr_expect_str_eq(loam->variant[loam->order[2]].name, "vega");
    cr_expect(shade->rank == 1 && pso->rank == 2 && vega->rank == 3);
    /* pso vs shade on best_sum: U = 16 of 25, exact two-sided p = 138/252 = 0.5476: tied.
     * On the runtime (pso's two failures as +inf, ties → normal): U = 25, p = 0.011925. */
    cr_expect(!shade->tested && pso->tested);
    cr_expect(pso->test_best_sum.exact);
    cr_expect(close_to(pso->test_best_sum.U, 16.0, 0));
    cr_expect(close_to(pso->test_best_sum.p, 0.5476190476190477, 1e-12), "%g", pso->test_best_sum.p);
    cr_expect(pso->tied);
    cr_expect(!pso->test_runtime.exact);
    cr_expect(close_to(pso->test_runtime.p, 0.011925233593017606, 1e-9), "%g", pso->test_runtime.p);
    /* vega: every best_sum above shade's: U = 25, p = 2/252: not tied */
    cr_expect(close_to(vega->test_best_sum.p, 2.0 / 252.0, 1e-12));
    cr_expect(!vega->tied);
    /* Friedman on best_sum, blocks = seeds 1–5: rank sums pso 8, shade 7, vega 15,
     * Q = 12 · (2² + 3² + 5²) / (5·3·4) = 7.6, p = e^{−3.8} = 0.022371 */
    cr_expect(loam->friedman);
    cr_expect_eq(loam->n_blocks, 5);
    cr_expect(close_to(loam->friedman_best_sum.Q, 7.6, 1e-12));
    cr_expect(close_to(loam->friedman_best_sum.p, exp(-3.8), 1e-12));

    /* history: the repeated run keeps its last sequence (30 generations), the unfinished
     * run loam/shade/6 is not there, every run has its rows */
    for (int i = 0; i < d.n_runs; ++i) {
        const shp_cr_run *r = &d.run[i];
        cr_expect(r->seed >= 1 && r->seed <= 5);
        cr_expect_eq(r->n_hist, (int)(r->evaluations / 100), "%s/%s/%ld: %d rows", r->case_name, r->variant,
                     r->seed, r->n_hist);
        if (!strcmp(r->case_name, "loam") && !strcmp(r->variant, "pso") && r->seed == 2) {
            cr_expect(!r->success && close_to(r->evaluations, 3000, 0));
            cr_expect(close_to(r->hist_evals[0], 100, 0) && close_to(r->hist_best[r->n_hist - 1], 2.1e-3, 1e-15));
        }
    }

    /* clay: pso (ERT 2000) before shade (ERT 2100), tied (p = 1); vega last, not tied */
    const shp_cr_case *clay = &d.cases[1];
    cr_expect_str_eq(clay->variant[clay->order[0]].name, "pso");
    cr_expect_str_eq(clay->variant[clay->order[1]].name, "shade");
    cr_expect_str_eq(clay->variant[clay->order[2]].name, "vega");
    const shp_cr_variant *cs = variant(clay, "shade"), *cv = variant(clay, "vega");
    cr_expect(cs->tied && close_to(cs->test_best_sum.p, 1.0, 0));
    cr_expect(!cv->tied);
    cr_expect(isnan(cs->rmse_retention.median)); /* no truth */
    shp_cr_free(&d);
}

Test(campaign_report, fixture_report_files)
{
    char dir[64], err[512] = "";
    tu_make_tmp(dir, sizeof dir, "campaign");
    copy_fixture(dir);
    setenv("SHPFIT_GNUPLOT", "", 1); /* plots off: data and Markdown only */
    const shp_campaign_report_info info = {"fixture", 3000, 0.0, "sum of psi <= 1e-3", "test machine", 0.05};
    int plots = -1;
    cr_assert_eq(shp_campaign_report(dir, &info, &plots, err, sizeof err), SHP_OK, "%s", err);
    cr_expect_eq(plots, 0);
    static const char *const files[] = {"report.md",        "report_loam.md",          "report_clay.md",
                                        "ecdf_loam.csv",    "convergence_loam.csv",    "ecdf_clay.csv",
                                        "convergence_clay.csv", "campaign_plots.gp"};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; ++i)
        cr_expect(exists_in(dir, files[i], NULL), "%s missing", files[i]);
    cr_expect(!exists_in(dir, "ecdf_loam.png", NULL));

    /* report.md: the loam ranking in order, the flags */
    char *md = slurp_in(dir, "report.md");
    cr_assert_not_null(md);
    char *loam = strstr(md, "## Case loam"), *clay = strstr(md, "## Case clay");
    cr_assert(loam && clay && loam < clay);
    char *r1 = strstr(loam, "| 1 | shade |"), *r2 = strstr(loam, "| 2 | pso |"), *r3 = strstr(loam, "| 3 | vega |");
    cr_assert(r1 && r2 && r3 && r1 < r2 && r2 < r3 && r3 < clay);
    char *end2 = strchr(r2, '\n'), *end3 = strchr(r3, '\n');
    *end2 = *end3 = '\0';
    cr_expect(strstr(r2, "tied with the best") && strstr(r2, "runtime to target longer"), "%s", r2);
    cr_expect(strstr(r2, "| 4330 |") != NULL, "ERT 4333.3 to 3 digits: %s", r2);
    cr_expect(strstr(r3, "| ∞ |") && !strstr(r3, "tied") && strstr(r3, "higher than the best"), "%s", r3);
    *end2 = *end3 = '\n';
    cr_expect(strstr(md, "[Full report](report_loam.md)") && strstr(md, "ecdf_loam.csv"));
    cr_expect(strstr(clay, "| 2 | shade |") && strstr(clay, "| 1 | pso |"));
    cr_expect(strstr(md, "1 row of runs.csv repeated") != NULL);
    free(md);

    /* report_loam.md: the detail sections */
    md = slurp_in(dir, "report_loam.md");
    cr_assert_not_null(md);
    cr_expect(strstr(md, "## Hypervolume") && strstr(md, "vega (multi-objective) | 5 | 0.92 |"));
    cr_expect(strstr(md, "## Curve agreement with the truth") != NULL);
    cr_expect(strstr(md, "| theta\\_final |") && strstr(md, "| loam.theta\\_s |"));
    cr_expect(strstr(md, "Friedman test (blocks = the 5 seeds, 3 variants, df = 2)") != NULL);
    cr_expect(strstr(md, "| shade | shade | 5 | 5 | 100 % | 1300 | 5.2 |") != NULL);
    free(md);
    md = slurp_in(dir, "report_clay.md");
    cr_expect(md && !strstr(md, "## Curve agreement") && strstr(md, "| vega | vega (multi-objective) | 5 |"));
    free(md);

    /* ecdf_loam.csv: variants as columns in order of appearance (pso, shade, vega); the
     * last row (the budget) holds the success rates */
    char *csv = slurp_in(dir, "ecdf_loam.csv");
    cr_assert_not_null(csv);
    cr_expect(!strncmp(csv, "evaluations,pso,shade,vega\n", 27), "%.60s", csv);
    const char *last = csv + strlen(csv) - 2;
    while (last > csv && *last != '\n') --last;
    cr_expect_str_eq(last + 1, "3000,0.6,1,0\n");
    free(csv);
    /* convergence_loam.csv: 120 grid rows from 100 to 3000, every run counted at the end */
    csv = slurp_in(dir, "convergence_loam.csv");
    cr_assert_not_null(csv);
    cr_expect(!strncmp(csv, "evaluations,runs_pso,q1_pso,median_pso,q3_pso,runs_shade,", 57));
    int rows = 0;
    for (const char *p = csv; *p; ++p) rows += *p == '\n';
    cr_expect_eq(rows, 1 + SHP_CR_GRID_POINTS);
    cr_expect(strstr(csv, "\n100,5,") != NULL);
    last = csv + strlen(csv) - 2;
    while (last > csv && *last != '\n') --last;
    cr_expect(!strncmp(last + 1, "3000,5,", 7), "%s", last + 1);
    free(csv);
    tu_remove_tree(dir);
}

Test(campaign_report, plots_drawn_with_gnuplot)
{
    if (system("command -v gnuplot > /dev/null 2>&1") != 0) {
        cr_skip_test("gnuplot not installed");
        return;
    }
    char dir[64], err[512] = "";
    tu_make_tmp(dir, sizeof dir, "campaign");
    copy_fixture(dir);
    unsetenv("SHPFIT_GNUPLOT");
    const shp_campaign_report_info info = {"fixture", 3000, 0.0, "sum of psi <= 1e-3", "test machine", 0.05};
    int plots = -1;
    cr_assert_eq(shp_campaign_report(dir, &info, &plots, err, sizeof err), SHP_OK, "%s", err);
    cr_expect_eq(plots, 1);
    static const char *const pngs[] = {"ecdf_loam.png", "convergence_loam.png", "ecdf_clay.png",
                                       "convergence_clay.png"};
    for (int i = 0; i < 4; ++i) {
        long size = 0;
        cr_expect(exists_in(dir, pngs[i], &size) && size > 10000, "%s: %ld bytes", pngs[i], size);
    }
    char *log = slurp_in(dir, "campaign_plots.log");
    cr_expect(log && !strstr(log, "warning") && !strstr(log, "rror"), "gnuplot said: %s", log ? log : "");
    free(log);
    char *md = slurp_in(dir, "report_loam.md");
    cr_expect(md && strstr(md, "![ECDF of the evaluations to target](ecdf_loam.png)"));
    free(md);
    tu_remove_tree(dir);
}

/* runs.csv with the header and the given rows after it. */
static void write_runs(const char *dir, const char *rows)
{
    char text[4096];
    snprintf(text, sizeof text,
             "case,variant,seed,algorithm,evaluations,wall_s,success,evals_to_target,wall_to_target_s,"
             "stop_reason,failed_columns,best_sum,hypervolume,curve_rmse_retention,curve_rmse_conductivity,"
             "objectives,parameters\n%s",
             rows);
    write_text(dir, "runs.csv", text);
}

#define ROW_OK "c,a,1,pso,100,1.0,1,80,0.8,target,0,0.001,,,,Q=0.001,x=1\n"

static int report_err(const char *dir, char *err, size_t len)
{
    setenv("SHPFIT_GNUPLOT", "", 1);
    const shp_campaign_report_info info = {"bad", 100, 0.0, "t", "m", 0.05};
    return shp_campaign_report(dir, &info, NULL, err, len);
}

Test(campaign_report, malformed_files)
{
    char dir[64], err[512];
    tu_make_tmp(dir, sizeof dir, "campaign");
    /* missing */
    cr_expect_eq(report_err(dir, err, sizeof err), SHP_ERR_IO);
    cr_expect(strstr(err, "runs.csv") != NULL, "%s", err);
    /* wrong column count on line 3 */
    write_runs(dir, ROW_OK "c,a,2,pso,100,1.0,1,80,0.8,target,0,0.001,,,,Q=0.001\n");
    cr_expect_eq(report_err(dir, err, sizeof err), SHP_ERR_CONFIG);
    cr_expect(strstr(err, "runs.csv: line 3: 16 fields, the header has 17") != NULL, "%s", err);
    /* non-numeric evaluations on line 2 */
    write_runs(dir, "c,a,1,pso,12x,1.0,1,80,0.8,target,0,0.001,,,,Q=0.001,x=1\n");
    cr_expect_eq(report_err(dir, err, sizeof err), SHP_ERR_CONFIG);
    cr_expect(strstr(err, "runs.csv: line 2: evaluations \"12x\" is not a number") != NULL, "%s", err);
    /* success without evaluations to target; success not 0/1; bad objectives; a column missing */
    write_runs(dir, "c,a,1,pso,100,1.0,1,,0.8,target,0,0.001,,,,Q=0.001,x=1\n");
    cr_expect_eq(report_err(dir, err, sizeof err), SHP_ERR_CONFIG);
    cr_expect(strstr(err, "runs.csv: line 2: success is 1 but evals_to_target is empty") != NULL, "%s", err);
    write_runs(dir, ROW_OK ROW_OK "c,a,3,pso,100,1.0,yes,80,0.8,target,0,0.001,,,,Q=0.001,x=1\n");
    cr_expect_eq(report_err(dir, err, sizeof err), SHP_ERR_CONFIG);
    cr_expect(strstr(err, "runs.csv: line 4: success \"yes\"") != NULL, "%s", err);
    write_runs(dir, "c,a,1,pso,100,1.0,1,80,0.8,target,0,0.001,,,,Q=0.001;v,x=1\n");
    cr_expect_eq(report_err(dir, err, sizeof err), SHP_ERR_CONFIG);
    cr_expect(strstr(err, "runs.csv: line 2: objectives: item 2") != NULL, "%s", err);
    write_text(dir, "runs.csv", "case,variant,seed\nc,a,1\n");
    cr_expect_eq(report_err(dir, err, sizeof err), SHP_ERR_CONFIG);
    cr_expect(strstr(err, "runs.csv: line 1: the header has no column \"algorithm\"") != NULL, "%s", err);
    /* history.csv: a non-numeric generation on line 3 */
    write_runs(dir, ROW_OK);
    write_text(dir, "history.csv", "case,variant,seed,generation,evaluations,best_sum\nc,a,1,1,50,0.1\nc,a,1,two,100,0.001\n");
    cr_expect_eq(report_err(dir, err, sizeof err), SHP_ERR_CONFIG);
    cr_expect(strstr(err, "history.csv: line 3: generation \"two\"") != NULL, "%s", err);
    /* valid again: alpha outside (0, 1) */
    write_text(dir, "history.csv", "case,variant,seed,generation,evaluations,best_sum\nc,a,1,1,50,0.1\n");
    cr_expect_eq(report_err(dir, err, sizeof err), SHP_OK, "%s", err);
    const shp_campaign_report_info bad_alpha = {"bad", 100, 0.0, "t", "m", 1.5};
    cr_expect_eq(shp_campaign_report(dir, &bad_alpha, NULL, err, sizeof err), SHP_ERR_INVALID);
    tu_remove_tree(dir);
}

Test(campaign_report, uneven_seeds_no_history_and_empty)
{
    char dir[64], err[512];
    tu_make_tmp(dir, sizeof dir, "campaign");
    /* variant b lacks seed 2: no Friedman test; no history.csv: still a report */
    write_runs(dir, "c,a,1,pso,100,1.0,1,80,0.8,target,0,0.001,,,,Q=0.001,x=1\n"
                    "c,a,2,pso,100,1.0,0,,,evaluations,0,0.002,,,,Q=0.002,x=1\n"
                    "c,b,1,de,100,1.0,1,90,0.9,target,0,0.0009,,,,Q=0.0009,x=1\n"
                    "c,b,3,de,100,1.0,1,60,0.6,target,0,,,,,Q=,\n");
    shp_cr_data d;
    cr_assert_eq(shp_cr_read(dir, &d, err, sizeof err), SHP_OK, "%s", err);
    cr_assert_eq(shp_cr_analyze(&d, 0.05, err, sizeof err), SHP_OK, "%s", err);
    cr_expect(!d.have_history);
    const shp_cr_case *c = &d.cases[0];
    cr_expect(!c->friedman);
    /* ERT a = (80 + 100) / 1 = 180, b = (90 + 60) / 2 = 75: b first */
    cr_expect_str_eq(c->variant[c->order[0]].name, "b");
    cr_expect(close_to(c->variant[0].ert_evals, 180.0, 1e-12));
    cr_expect(isinf(d.run[3].best_sum)); /* empty best_sum: no candidate scored */
    shp_cr_free(&d);
    cr_expect_eq(report_err(dir, err, sizeof err), SHP_OK, "%s", err);
    char *md = slurp_in(dir, "report_c.md");
    cr_expect(md && strstr(md, "Friedman test: not applicable") && strstr(md, "history.csv was not found"));
    free(md);
    /* a header and nothing else: a report saying so */
    write_runs(dir, "");
    cr_expect_eq(report_err(dir, err, sizeof err), SHP_OK, "%s", err);
    md = slurp_in(dir, "report.md");
    cr_expect(md && strstr(md, "holds no finished run"));
    free(md);
    tu_remove_tree(dir);
}
