/* Linearised parameter uncertainty (shpfit/uncertainty.h).
 *
 *   - Student's t quantiles against tabulated values;
 *   - coverage: a VGM retention curve (θr, θs, α on a log scale, n) observed at 15 heads
 *     with Gaussian noise of known σ, 300 noise realisations, each fitted to the least-
 *     squares optimum (the polish with exact Jacobians, from the truth): the 95 % intervals
 *     must contain the true value in 90–99 % of realisations for every parameter, and the
 *     mean standard error must match the spread of the estimates within 25 %; the 95 % band of the
 *     fitted curve (shp_uncertainty_band) must hold the true θ(h) as often at three heads;
 *   - flags: a parameter the data cannot see (Ks from retention points alone) makes the
 *     problem singular or ill-conditioned and is named; a variable on its bound is flagged. */
#include <criterion/criterion.h>
#include <criterion/logging.h>

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "problem_checks.h"
#include "test_util.h"

#include "shpfit/fit.h"
#include "shpfit/models.h"
#include "shpfit/rng.h"
#include "surface/surface.h"
#include "shpfit/uncertainty.h"

Test(uncertainty, student_t_quantiles)
{
    static const struct {
        int dof;
        double t;
    } tab[] = {{1, 12.706204736}, {2, 4.302652730}, {3, 3.182446305}, {5, 2.570581836},
               {10, 2.228138852}, {30, 2.042272456}, {100, 1.983971519}, {1000, 1.962339081}};
    for (size_t k = 0; k < sizeof tab / sizeof tab[0]; ++k) {
        const double t = shp_student_t_two_sided(0.95, tab[k].dof);
        cr_expect(fabs(t / tab[k].t - 1.0) < 1e-8, "dof %d: %.10f, expected %.10f", tab[k].dof, t, tab[k].t);
    }
    cr_expect(fabs(shp_student_t_two_sided(0.5, 4) - 0.740697) < 1e-6);
}

static const double BAND_H[3] = {-8.0, -80.0, -800.0}; /* between the observed heads */

#define N_HEADS 15
static const double HEADS[N_HEADS] = {-1, -3, -6, -10, -20, -35, -60, -100, -170, -300,
                                      -500, -1000, -2000, -5000, -15000};

/* A retention-only fit of the loam: config and observations in dir, θ with noise σ from
 * stream `seed` (σ = 0: exact). params_json: fit.parameters. */
static shp_problem *retention_problem(const char *dir, const char *params_json, double sigma, uint64_t seed)
{
    const shp_material loam = shp_material_vgm(0.078, 0.43, 0.036, 1.56, 0.01733, 0.5);
    char path[512];
    snprintf(path, sizeof path, "%s/retention.csv", dir);
    FILE *f = fopen(path, "w");
    cr_assert(f);
    fprintf(f, "h_cm,theta\n");
    shp_rng r;
    shp_rng_init(&r, seed, 0, 0, 0);
    for (int i = N_HEADS - 1; i >= 0; --i) { /* heads increasing, as the file must have them */
        double th, K, C, dK;
        shp_hyd_eval(&loam, HEADS[i], &th, &K, &C, &dK);
        fprintf(f, "%.17g,%.17g\n", HEADS[i], th + sigma * shp_rng_normal(&r));
    }
    fclose(f);
    char *text = tu_slurp("data/fit/loam_fit.json");
    cr_assert(text);
    cJSON *root = cJSON_Parse(text);
    free(text);
    cJSON *fit = cJSON_GetObjectItem(root, "fit");
    cJSON_ReplaceItemInObject(fit, "parameters", cJSON_Parse(params_json));
    cJSON_ReplaceItemInObject(fit, "observations", cJSON_Parse("{\"retention\": {\"file\": \"retention.csv\"}}"));
    cJSON_DeleteItemFromObject(fit, "objectives");
    snprintf(path, sizeof path, "%s/retc.json", dir);
    return write_and_load(root, path);
}

static const char *const PARAMS4 = "{\"loam.theta_r\": [0.0, 0.2], \"loam.theta_s\": [0.3, 0.6], "
                                   "\"loam.alpha\": {\"bounds\": [0.001, 0.5], \"scale\": \"log\"}, "
                                   "\"loam.n\": [1.1, 4.0]}";

/* The least-squares optimum from u (in place), by the exact-Jacobian polish. */
static void polish_to_optimum(shp_problem *pb, shp_backend *be, double *u)
{
    char err[256];
    cr_assert_eq(shp_fit_least_squares(pb, be, u, 0, 100, 1e-14, NULL, err, sizeof err), SHP_OK, "%s", err);
}

Test(uncertainty, retention_coverage_of_the_95_percent_intervals, .timeout = 300)
{
    static const double truth[4] = {0.078, 0.43, 0.036, 1.56};
    const int reps = 300;
    const double sigma = 0.005;
    char dir[256];
    tu_make_tmp(dir, sizeof dir, "unc");
    shp_backend *be = shp_backend_cpu_create(1);
    int covered[4] = {0}, band_in[3] = {0};
    double true_theta[3];
    for (int q = 0; q < 3; ++q) {
        const shp_material tm0 = shp_material_vgm(0.078, 0.43, 0.036, 1.56, 0.01733, 0.5);
        double K, C, dK;
        shp_hyd_eval(&tm0, BAND_H[q], &true_theta[q], &K, &C, &dK);
    }
    double sum[4] = {0}, sum2[4] = {0}, se_sum[4] = {0};
    int used = 0;
    for (int rep = 0; rep < reps; ++rep) {
        shp_problem *pb = retention_problem(dir, PARAMS4, sigma, 1000 + (uint64_t)rep);
        shp_material tm = shp_material_vgm(0.078, 0.43, 0.036, 1.56, 0.01733, 0.5);
        double u[4];
        shp_problem_unit_of(pb, &tm, u);
        polish_to_optimum(pb, be, u);
        shp_uncertainty unc;
        cr_assert_eq(shp_uncertainty_at(pb, be, u, &unc), SHP_OK);
        cr_assert_eq(unc.dof, N_HEADS - 4);
        int on_bound = 0;
        for (int j = 0; j < 4; ++j) on_bound |= unc.at_bound[j];
        if (!on_bound) { /* θr may end on 0 in a rare realisation: no interval is claimed there */
            ++used;
            for (int q = 0; q < 3; ++q) { /* the curve's band at three heads */
                double th_half, lk_half, th, K, C, dK;
                cr_assert_eq(shp_uncertainty_band(pb, &unc, u, 0, BAND_H[q], &th_half, &lk_half), SHP_OK);
                shp_material fit;
                shp_problem_materials(pb, u, &fit, NULL, 0);
                shp_hyd_eval(&fit, BAND_H[q], &th, &K, &C, &dK);
                band_in[q] += fabs(th - true_theta[q]) <= th_half;
            }
            for (int j = 0; j < 4; ++j) {
                covered[j] += truth[j] >= unc.lo[j] && truth[j] <= unc.hi[j];
                sum[j] += unc.value[j];
                sum2[j] += unc.value[j] * unc.value[j];
                se_sum[j] += unc.se[j];
            }
        }
        shp_problem_destroy(pb);
    }
    cr_assert(used >= reps * 9 / 10, "%d of %d realisations inside the box", used, reps);
    for (int q = 0; q < 3; ++q) {
        const double cov = (double)band_in[q] / used;
        cr_log_info("band of theta(h) at h = %g: holds the true curve in %.3f", BAND_H[q], cov);
        cr_expect(cov >= 0.90 && cov <= 0.99, "band at h = %g: coverage %.3f", BAND_H[q], cov);
    }
    static const char *const name[4] = {"theta_r", "theta_s", "alpha", "n"};
    for (int j = 0; j < 4; ++j) {
        const double cov = (double)covered[j] / used;
        const double mean = sum[j] / used, sd = sqrt(fmax(sum2[j] / used - mean * mean, 0.0));
        const double se = se_sum[j] / used;
        cr_log_info("%-8s coverage %.3f (%d of %d), mean estimate %.5g (truth %.5g), spread %.3g, mean se %.3g",
                    name[j], cov, covered[j], used, mean, truth[j], sd, se);
        cr_expect(cov >= 0.90 && cov <= 0.99, "%s: coverage %.3f", name[j], cov);
        cr_expect(fabs(se / sd - 1.0) < 0.25, "%s: mean se %.3g against the spread %.3g", name[j], se, sd);
    }
    shp_backend_destroy(be);
    tu_remove_tree(dir);
}

Test(uncertainty, unseen_parameter_and_bounds_are_flagged, .timeout = 120)
{
    char dir[256];
    tu_make_tmp(dir, sizeof dir, "uncf");
    shp_backend *be = shp_backend_cpu_create(1);
    /* Ks does not enter θ(h): its column of J is zero, JᵀJ singular */
    shp_problem *pb = retention_problem(dir, "{\"loam.theta_s\": [0.3, 0.6], \"loam.n\": [1.1, 4.0], "
                                             "\"loam.Ks\": {\"bounds\": [0.0001, 0.6], \"scale\": \"log\"}}",
                                        0.002, 7);
    shp_material tm = shp_material_vgm(0.078, 0.43, 0.036, 1.56, 0.01733, 0.5);
    double u[3];
    shp_problem_unit_of(pb, &tm, u);
    shp_uncertainty unc;
    cr_assert_eq(shp_uncertainty_at(pb, be, u, &unc), SHP_OK);
    int nb, nc, ill;
    shp_uncertainty_flags(&unc, &nb, &nc, &ill);
    cr_expect(unc.singular && ill, "singular %d, condition %g", unc.singular, unc.cond);
    cr_expect(fabs(unc.weakest[2]) > 0.99, "the weakest direction is Ks: %g %g %g", unc.weakest[0],
              unc.weakest[1], unc.weakest[2]);
    shp_problem_destroy(pb);
    /* θs at its upper bound */
    pb = retention_problem(dir, "{\"loam.theta_s\": [0.3, 0.43], \"loam.n\": [1.1, 4.0]}", 0.002, 8);
    double v[2] = {1.0, 0.3};
    cr_assert_eq(shp_uncertainty_at(pb, be, v, &unc), SHP_OK);
    cr_expect_eq(unc.at_bound[0], 1);
    cr_expect_eq(unc.at_bound[1], 0);
    shp_uncertainty_flags(&unc, &nb, &nc, &ill);
    cr_expect_eq(nb, 1);
    shp_problem_destroy(pb);
    shp_backend_destroy(be);
    tu_remove_tree(dir);
}
