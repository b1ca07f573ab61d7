/* Inverse fitting end to end: synthetic data → problem → optimizer → recovery, the
 * bit-identical reproducibility promise, the metrics and curve agreement against hand
 * values, synth's errors, and every bad fit configuration named by file and field.
 * Runs from tests/ (make test does). */
#define _POSIX_C_SOURCE 200809L /* mkdtemp */
#include <criterion/criterion.h>
#include <criterion/logging.h>
#include "shpfit/config.h"
#include "problem_checks.h"
#include "test_json_util.h"
#include "test_util.h"
#include <glob.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include <cjson/cJSON.h>

#include "shpfit/curves_agreement.h"
#include "shpfit/fit.h"
#include "synth/synth.h"

/* ------------------------------------------------------------------ helpers */

/* Copy tests/data/fit/<name> into dir and write its synthetic observations into dir/obs,
 * so the fit reads exactly what synth wrote. Returns the config's path in `path`. */
static void synth_case(const char *dir, const char *name, char *path, size_t len)
{
    char src[256], cmd[1024];
    snprintf(src, sizeof src, "data/fit/%s", name);
    snprintf(path, len, "%s/%s", dir, name);
    snprintf(cmd, sizeof cmd, "cp '%s' '%s'", src, path);
    cr_assert_eq(system(cmd), 0);
    char obs[512], err[1024];
    snprintf(obs, sizeof obs, "%s/obs", dir);
    shp_synth_summary sum;
    cr_assert_eq(shp_synth_run(path, obs, -1, NULL, &sum, err, sizeof err), SHP_OK, "synth: %s", err);
}

static shp_problem *load_problem(const char *path)
{
    char err[1024];
    shp_problem *pb = NULL;
    cr_assert_eq(shp_problem_load(path, &pb, err, sizeof err), SHP_OK, "%s", err);
    return pb;
}

/* ------------------------------------------------------------------ recovery */

/* Run the fit of the problem at path on all cores: the result, the best material and its
 * curve agreement with fit.truth. The caller frees res and the problem. */
static shp_problem *fit_against_truth(const char *path, shp_fit_options *opt, shp_fit_result *res,
                                      shp_material *best, shp_curve_agreement *a)
{
    char err[1024];
    shp_problem *pb = load_problem(path);
    cr_assert_eq(shp_fit_options_load(pb, -1, opt, err, sizeof err), SHP_OK, "%s", err);
    shp_backend *be = shp_backend_cpu_create(0);
    cr_assert_eq(shp_fit_run(pb, be, opt, NULL, NULL, res, err, sizeof err), SHP_OK, "%s", err);
    shp_backend_destroy(be);
    shp_material truth;
    cr_assert_eq(shp_problem_materials(pb, res->u_best, best, NULL, 0), SHP_OK);
    cr_assert_eq(shp_fit_truth(pb, &truth, err, sizeof err), SHP_OK);
    cr_assert_eq(shp_curve_agreement_compute(&truth, best, 1.0, 1e4, a), SHP_OK);
    return pb;
}

/* The acceptance case of the fit: noise-free ponding data of the seed's loam at 40 %
 * initial saturation; θs, α, n, Ks are recovered so that the retention curve is within
 * RMSE 0.001 and the conductivity curve (θ at equal K) within 0.008 (seed 002 reports
 * 0.00101 and 0.0252). SHADE, 20 × 150 (about 3000 columns of 41 nodes). */
Test(fit, recovers_the_loam_from_noise_free_ponding_data, .timeout = 300)
{
    char tmp[64], path[512];
    tu_make_tmp(tmp, sizeof tmp, "fit");
    synth_case(tmp, "loam_fit.json", path, sizeof path);
    shp_fit_options opt;
    shp_fit_result res;
    shp_material best;
    shp_curve_agreement a;
    shp_problem *pb = fit_against_truth(path, &opt, &res, &best, &a);
    cr_log_info("recovered theta_s %.5f alpha %.5f n %.4f Ks %.5f (true 0.43 0.036 1.56 0.01733); "
                "curve RMSE retention %.2e, conductivity %.2e; %ld columns, %ld failed, %.1f s\n",
                best.p[SHP_VGM_THETA_S], best.p[SHP_VGM_ALPHA], best.p[SHP_VGM_N], best.p[SHP_VGM_KS],
                a.retention.rmse, a.conductivity.rmse, res.evaluations, res.failed, res.wall_s);
    cr_expect(a.retention.rmse <= 0.001, "retention-curve RMSE %.4g > 0.001", a.retention.rmse);
    cr_expect(a.conductivity.rmse <= 0.008, "conductivity-curve RMSE %.4g > 0.008", a.conductivity.rmse);
    cr_expect(fabs(best.p[SHP_VGM_THETA_S] - 0.43) < 0.005, "theta_s %g", best.p[SHP_VGM_THETA_S]);
    for (int k = 0; k < shp_problem_n_obj(pb); ++k)
        cr_expect(res.f_best[k] < 0.01, "objective %d = %g at the best", k, res.f_best[k]);
    shp_fit_result_free(&res);
    shp_problem_destroy(pb);
    tu_remove_tree(tmp);
}

/* A short SHADE run ends in the basin; the Levenberg–Marquardt polish (shpfit/lm.h)
 * then takes the noise-free problem to the truth. With the seed's two-step procedure
 * each step is polished and the kept θs stays fixed in step 2. */
Test(fit, polish_takes_a_short_run_to_the_truth, .timeout = 300)
{
    char tmp[64], path[512];
    tu_make_tmp(tmp, sizeof tmp, "polish");
    synth_case(tmp, "loam_fit.json", path, sizeof path);
    for (int two = 0; two < 2; ++two) {
        cJSON *root = tu_read_json(path);
        cJSON *fit = cJSON_GetObjectItem(root, "fit");
        cJSON_ReplaceItemInObject(fit, "stop", cJSON_Parse("{\"generations\": 40}"));
        cJSON_DeleteItemFromObject(fit, "polish");
        cJSON_AddItemToObject(fit, "polish", cJSON_Parse("{\"method\": \"lm\", \"iterations\": 30}"));
        if (two) {
            cJSON_DeleteItemFromObject(fit, "procedure");
            cJSON_DeleteItemFromObject(fit, "two_step");
            cJSON_DeleteItemFromObject(fit, "algorithm");
            cJSON_AddStringToObject(fit, "procedure", "two_step");
            cJSON_AddItemToObject(fit, "two_step",
                                  cJSON_Parse("{\"fix\": \"theta_s\", \"step1\": {\"algorithm\": \"shade\", "
                                              "\"population\": 20, \"stop\": {\"generations\": 40}}, \"step2\": "
                                              "{\"algorithm\": \"shade\", \"population\": 20}}"));
        }
        tu_write_json(path, root);
        shp_fit_options opt;
        shp_fit_result res;
        shp_material best;
        shp_curve_agreement a;
        shp_problem *pb = fit_against_truth(path, &opt, &res, &best, &a);
        cr_assert(opt.polish);
        cr_log_info("%s: polish %d iterations, %ld columns, sum psi^2 %.3g -> %.3g; retention RMSE %.2e\n",
                    two ? "two-step" : "single", res.polish.iterations, res.polish.evaluations,
                    2 * res.polish.cost_start, 2 * res.polish.cost_end, a.retention.rmse);
        cr_expect(res.polish.done && res.polish.iterations > 0);
        cr_expect_leq(res.polish.cost_end, res.polish.cost_start);
        cr_expect_lt(a.retention.rmse, two ? 1e-3 : 2e-4, "retention RMSE %g", a.retention.rmse);
        cr_expect_lt(a.conductivity.rmse, two ? 1e-3 : 2e-4, "conductivity RMSE %g", a.conductivity.rmse);
        cr_expect_lt(fabs(best.p[SHP_VGM_N] - 1.56), two ? 0.01 : 1e-3, "n %g", best.p[SHP_VGM_N]);
        shp_fit_result_free(&res);
        shp_problem_destroy(pb);
    }
    tu_remove_tree(tmp);
}

/* Curve fitting without a column (as RETC): θ(h) and K(h) points alone identify
 * θr, θs, α, n, Ks; the problem runs no column at all. */
Test(fit, retention_and_conductivity_points_alone_without_a_column, .timeout = 120)
{
    char tmp[64], path[512], err[1024];
    tu_make_tmp(tmp, sizeof tmp, "fit");
    synth_case(tmp, "loam_fit.json", path, sizeof path);
    /* the same config, fitted to the curve points instead of the column series */
    char cfg[600];
    snprintf(cfg, sizeof cfg, "%s/retc.json", tmp);
    cJSON *root = tu_read_json(path);
    cJSON *fit = cJSON_GetObjectItem(root, "fit");
    cJSON_ReplaceItemInObject(fit, "observations",
                              cJSON_Parse("{\"retention\": {\"file\": \"obs/retention.csv\"}, "
                                          "\"conductivity\": {\"file\": \"obs/conductivity.csv\"}}"));
    cJSON_DeleteItemFromObject(fit, "objectives");
    tu_write_json(cfg, root);
    shp_problem *pb = NULL;
    cr_assert_eq(shp_problem_load(cfg, &pb, err, sizeof err), SHP_OK, "%s", err);
    cr_expect_eq(shp_problem_n_obj(pb), 2);
    /* the exact residual Jacobian of curve points: the hydraulic functions' own derivatives */
    const double u0[4] = {0.3, 0.45, 0.6, 0.5};
    cr_assert_eq(shp_problem_dim(pb), 4);
    const double wj = compare_jacobian(pb, u0, 1e-5);
    cr_expect(wj <= 1e-6, "curve points: exact Jacobian off by %.3e", wj);
    shp_fit_options opt;
    cr_assert_eq(shp_fit_options_load(pb, -1, &opt, err, sizeof err), SHP_OK, "%s", err);
    opt.step[0].stop.max_generations = 120;
    shp_backend *be = shp_backend_cpu_create(1);
    shp_fit_result res;
    cr_assert_eq(shp_fit_run(pb, be, &opt, NULL, NULL, &res, err, sizeof err), SHP_OK, "%s", err);
    shp_material best;
    shp_problem_materials(pb, res.u_best, &best, NULL, 0);
    cr_log_info("curve fit: theta_s %.5f alpha %.5f n %.4f Ks %.5f in %.2f s\n", best.p[1], best.p[2],
                best.p[3], best.p[4], res.wall_s);
    cr_expect(fabs(best.p[SHP_VGM_ALPHA] / 0.036 - 1.0) < 0.01 && fabs(best.p[SHP_VGM_N] / 1.56 - 1.0) < 0.01 &&
                  fabs(best.p[SHP_VGM_KS] / 0.01733 - 1.0) < 0.02 && fabs(best.p[SHP_VGM_THETA_S] - 0.43) < 0.002,
              "theta_s %g alpha %g n %g Ks %g", best.p[1], best.p[2], best.p[3], best.p[4]);
    shp_fit_result_free(&res);
    shp_backend_destroy(be);
    shp_problem_destroy(pb);
    tu_remove_tree(tmp);
}

/* ------------------------------------------------------------------ reproducibility */

static void short_run(const char *path, int threads, int alg, double *u, double *f)
{
    char err[1024];
    shp_problem *pb = load_problem(path);
    shp_fit_options opt;
    cr_assert_eq(shp_fit_options_load(pb, 7, &opt, err, sizeof err), SHP_OK, "%s", err);
    opt.step[0].alg = (shp_opt_algorithm)alg;
    opt.step[0].settings = shp_opt_settings_default(opt.step[0].alg);
    opt.step[0].settings.pop_size = 12;
    opt.step[0].stop.max_generations = 4;
    shp_backend *be = shp_backend_cpu_create(threads);
    shp_fit_result res;
    cr_assert_eq(shp_fit_run(pb, be, &opt, NULL, NULL, &res, err, sizeof err), SHP_OK, "%s", err);
    memcpy(u, res.u_best, (size_t)shp_problem_dim(pb) * sizeof *u);
    memcpy(f, res.f_best, (size_t)shp_problem_n_obj(pb) * sizeof *f);
    shp_fit_result_free(&res);
    shp_backend_destroy(be);
    shp_problem_destroy(pb);
}

Test(fit, same_seed_gives_bit_identical_results_on_1_and_2_threads, .timeout = 120)
{
    char tmp[64], path[512];
    tu_make_tmp(tmp, sizeof tmp, "fit");
    synth_case(tmp, "loam_fit.json", path, sizeof path);
    const int algs[] = {SHP_OPT_PSO_VEGA, SHP_OPT_SHADE, SHP_OPT_GA};
    for (int a = 0; a < 3; ++a) {
        double u1[4], u2[4], u3[4], f1[3], f2[3], f3[3];
        short_run(path, 1, algs[a], u1, f1);
        short_run(path, 2, algs[a], u2, f2);
        short_run(path, 2, algs[a], u3, f3);
        cr_expect(memcmp(u1, u2, sizeof u1) == 0 && memcmp(f1, f2, sizeof f1) == 0,
                  "%s: 1 and 2 threads differ", shp_opt_algorithm_name(algs[a]));
        cr_expect(memcmp(u2, u3, sizeof u2) == 0 && memcmp(f2, f3, sizeof f2) == 0,
                  "%s: two runs on 2 threads differ", shp_opt_algorithm_name(algs[a]));
    }
    tu_remove_tree(tmp);
}

/* ------------------------------------------------------------------ problem */

/* At the true parameters the noise-free data are reproduced (ψ ≈ 0), far from them
 * they are not; a candidate whose parameters make no valid material (θr ≥ θs) is
 * penalised and counted as invalid, never scored. */
Test(problem, truth_scores_zero_and_invalid_candidates_are_penalised)
{
    char tmp[64], path[512], err[1024];
    tu_make_tmp(tmp, sizeof tmp, "fit");
    synth_case(tmp, "loam_fit.json", path, sizeof path);
    /* θr free as well, over a range that overlaps θs's */
    cJSON *root = tu_read_json(path);
    cJSON *params = cJSON_GetObjectItem(cJSON_GetObjectItem(root, "fit"), "parameters");
    cJSON_AddItemToObject(params, "loam.theta_r", cJSON_Parse("[0.0, 0.5]"));
    tu_write_json(path, root);
    shp_problem *pb = NULL;
    cr_assert_eq(shp_problem_load(path, &pb, err, sizeof err), SHP_OK, "%s", err);
    cr_assert_eq(shp_problem_dim(pb), 5);
    const double truth[5] = {0.43, 0.036, 1.56, 0.01733, 0.078};
    double u[15], f[9];
    int ok[3];
    for (int j = 0; j < 5; ++j) u[j] = u[5 + j] = u[10 + j] = shp_problem_var_unit(pb, j, truth[j]);
    u[5 + 1] = 0.0;                                  /* α at its lower bound: valid but wrong */
    u[10 + 4] = shp_problem_var_unit(pb, 4, 0.45);   /* θr 0.45 > θs 0.43: invalid */
    shp_backend *be = shp_backend_cpu_create(1);
    cr_assert_eq(shp_problem_evaluate(pb, be, u, 3, f, ok), SHP_OK);
    cr_expect(ok[0] && ok[1] && !ok[2], "ok %d %d %d", ok[0], ok[1], ok[2]);
    for (int k = 0; k < 3; ++k) {
        cr_expect(f[k] < 1e-9, "objective %d at the truth: %g", k, f[k]);
        cr_expect(f[3 + k] > 0.05, "objective %d far away: %g", k, f[3 + k]);
        cr_expect(f[6 + k] == SHP_PENALTY, "objective %d of the invalid candidate: %g", k, f[6 + k]);
    }
    long ev, inv, fail;
    shp_problem_counts(pb, &ev, &inv, &fail);
    cr_expect(ev == 3 && inv == 1 && fail == 0, "evaluated %ld, invalid %ld, failed %ld", ev, inv, fail);
    char why[256];
    shp_material mats[1];
    cr_expect_eq(shp_problem_materials(pb, u + 10, mats, why, sizeof why), SHP_ERR_INVALID);
    cr_expect(strstr(why, "theta_r must be < theta_s") != NULL, "%s", why);
    shp_backend_destroy(be);
    shp_problem_destroy(pb);
    tu_remove_tree(tmp);
}

/* ------------------------------------------------------------------ metrics */

Test(metrics, hand_computed_values)
{
    const double obs[4] = {1.0, 2.0, 3.0, 4.0}, sim[4] = {1.5, 2.0, 2.5, 4.0};
    shp_metrics m;
    shp_metrics_compute(sim, obs, 4, &m);
    /* errors 0.5 0 −0.5 0: SSE 0.5; Σ(obs−mean)² = 5 */
    cr_expect(fabs(m.rmse - sqrt(0.5 / 4)) < 1e-15);
    cr_expect(fabs(m.mae - 0.25) < 1e-15);
    cr_expect(fabs(m.bias) < 1e-15 && fabs(m.pbias) < 1e-13);
    cr_expect(fabs(m.nse - (1.0 - 0.5 / 5.0)) < 1e-15);
    cr_expect(fabs(m.psi - sqrt(0.5 / 5.0)) < 1e-15, "psi = RMSE/sigma with n-1 in both");
    cr_expect(fabs(shp_metric_psi(sim, obs, 4) - m.psi) < 1e-15);
    /* r: cov(sim, obs)/(σs σo); sim − mean = −1, −0.5, 0 ... computed by hand: 0.9 */
    cr_expect(fabs(m.r - 4.0 / sqrt(3.5 * 5.0)) < 1e-14, "r = %g", m.r);
    /* identical series: KGE′ = NSE = 1, ψ = 0 */
    shp_metrics_compute(obs, obs, 4, &m);
    cr_expect(m.kge == 1.0 && m.nse == 1.0 && m.psi == 0.0 && m.rmse == 0.0);
    /* a constant observation series has no σ: ψ is +inf, NSE undefined */
    const double c[3] = {2.0, 2.0, 2.0}, s3[3] = {1.0, 2.0, 3.0};
    shp_metrics_compute(s3, c, 3, &m);
    cr_expect(isinf(m.psi) && isnan(m.nse));
    /* PBIAS sign: a model 10 % low gives +10 % */
    const double low[4] = {0.9, 1.8, 2.7, 3.6};
    shp_metrics_compute(low, obs, 4, &m);
    cr_expect(fabs(m.pbias - 10.0) < 1e-12, "pbias %g", m.pbias);
}

Test(metrics, curve_agreement_is_zero_for_identical_curves_and_inverts_K)
{
    const shp_material loam = shp_material_vgm(0.078, 0.43, 0.036, 1.56, 0.01733, 0.5);
    shp_curve_agreement a;
    cr_assert_eq(shp_curve_agreement_compute(&loam, &loam, 1.0, 1e4, &a), SHP_OK);
    cr_expect(a.retention.rmse == 0.0 && a.conductivity.rmse < 1e-12);
    cr_expect_eq(a.retention.n, SHP_AGREEMENT_POINTS);
    /* θ at K(h = −100 cm) is θ(−100 cm) */
    double th, K, C, dK;
    shp_hyd_eval(&loam, -100.0, &th, &K, &C, &dK);
    cr_expect(fabs(shp_theta_at_conductivity(&loam, K, 1e4) - th) < 1e-10);
    /* a different n shows up in both curves */
    const shp_material other = shp_material_vgm(0.078, 0.43, 0.036, 1.60, 0.01733, 0.5);
    cr_assert_eq(shp_curve_agreement_compute(&loam, &other, 1.0, 1e4, &a), SHP_OK);
    cr_expect(a.retention.rmse > 1e-3 && a.conductivity.rmse > 1e-4);
}

/* ------------------------------------------------------------------ synth */

static double read_value(const char *file, int row)
{
    FILE *f = fopen(file, "r");
    cr_assert_not_null(f, "%s", file);
    char line[256];
    double v = NAN;
    for (int r = 0; r <= row && fgets(line, sizeof line, f); ++r)
        if (r == row) v = strtod(strchr(line, ',') + 1, NULL);
    fclose(f);
    return v;
}

/* Offsets and seeded Gaussian errors: same seed, same files; another seed, other
 * errors; a zero-noise series only shifted by its offset. */
Test(synth, offsets_and_seeded_errors)
{
    char tmp[64], path[512], cmd[1200];
    tu_make_tmp(tmp, sizeof tmp, "fit");
    snprintf(path, sizeof path, "%s/c.json", tmp);
    snprintf(cmd, sizeof cmd, "sed 's/\"synth\": {/\"synth\": {\"noise\": {\"Q\": 0.05}, \"offsets\": "
                              "{\"theta_final\": -0.02}, /' data/fit/loam_fit.json > '%s'", path);
    cr_assert_eq(system(cmd), 0);
    char a[300], b[300], c0[300], err[1024];
    snprintf(a, sizeof a, "%s/a", tmp);
    snprintf(b, sizeof b, "%s/b", tmp);
    snprintf(c0, sizeof c0, "%s/c", tmp);
    shp_synth_summary s;
    cr_assert_eq(shp_synth_run(path, a, 3, NULL, &s, err, sizeof err), SHP_OK, "%s", err);
    cr_assert_eq(shp_synth_run(path, b, 3, NULL, &s, err, sizeof err), SHP_OK, "%s", err);
    cr_assert_eq(shp_synth_run(path, c0, 4, NULL, &s, err, sizeof err), SHP_OK, "%s", err);
    snprintf(cmd, sizeof cmd, "cmp -s '%s/Q.csv' '%s/Q.csv'", a, b);
    cr_expect_eq(system(cmd), 0, "same seed, same errors");
    snprintf(cmd, sizeof cmd, "cmp -s '%s/Q.csv' '%s/Q.csv'", a, c0);
    cr_expect_neq(system(cmd), 0, "another seed, other errors");
    /* the noise-free reference */
    char ref[300];
    snprintf(ref, sizeof ref, "%s/ref", tmp);
    cr_assert_eq(shp_synth_run("data/fit/loam_fit.json", ref, 3, NULL, &s, err, sizeof err), SHP_OK, "%s", err);
    char fa[400], fr[400];
    snprintf(fa, sizeof fa, "%s/theta_final.csv", a);
    snprintf(fr, sizeof fr, "%s/theta_final.csv", ref);
    for (int r = 1; r <= 5; ++r)
        cr_expect(fabs(read_value(fa, r) - (read_value(fr, r) - 0.02)) < 1e-11, "theta_final offset, row %d", r);
    snprintf(fa, sizeof fa, "%s/Q.csv", a);
    snprintf(fr, sizeof fr, "%s/Q.csv", ref);
    double dmax = 0.0;
    for (int r = 1; r <= 12; ++r) dmax = fmax(dmax, fabs(read_value(fa, r) - read_value(fr, r)));
    cr_expect(dmax > 1e-4 && dmax < 0.5, "Q errors of 5 %% of its SD: largest %g cm", dmax);
    snprintf(fa, sizeof fa, "%s/v.csv", a);
    snprintf(fr, sizeof fr, "%s/v.csv", ref);
    cr_expect(read_value(fa, 3) == read_value(fr, 3), "v has no noise here");
    tu_remove_tree(tmp);
}

/* synth.reference: observations from the config refined and with the given solver keys
 * are those of that refined config itself (byte for byte), the fit's grid is untouched,
 * synth.json says where they came from, and a bad reference is named as such. */
Test(synth, reference_run_is_the_refined_config)
{
    char tmp[64], a[300], b[300], pa[400], pb[400], err[1024];
    tu_make_tmp(tmp, sizeof tmp, "fit");
    snprintf(pa, sizeof pa, "%s/with_reference.json", tmp);
    snprintf(pb, sizeof pb, "%s/refined.json", tmp);
    cJSON *ra = tu_read_json("data/fit/loam_fit.json"), *rb = tu_read_json("data/fit/loam_fit.json");
    cJSON *ref = cJSON_AddObjectToObject(cJSON_GetObjectItem(ra, "synth"), "reference");
    cJSON_AddNumberToObject(ref, "refine", 2);
    cJSON_AddNumberToObject(cJSON_AddObjectToObject(ref, "solver"), "tol_time", 1e-5);
    cJSON_AddNumberToObject(cJSON_GetObjectItem(rb, "profile"), "refine", 2);
    cJSON_AddNumberToObject(cJSON_AddObjectToObject(rb, "solver"), "tol_time", 1e-5);
    tu_write_json(pa, ra);
    tu_write_json(pb, rb);
    snprintf(a, sizeof a, "%s/a", tmp);
    snprintf(b, sizeof b, "%s/b", tmp);
    shp_synth_summary sa, sb;
    cr_assert_eq(shp_synth_run(pa, a, -1, NULL, &sa, err, sizeof err), SHP_OK, "%s", err);
    cr_assert_eq(shp_synth_run(pb, b, -1, NULL, &sb, err, sizeof err), SHP_OK, "%s", err);
    static const char *const files[] = {"Q.csv", "v.csv", "theta_final.csv"};
    char cmd[1200];
    for (int k = 0; k < 3; ++k) {
        snprintf(cmd, sizeof cmd, "cmp -s '%s/%s' '%s/%s'", a, files[k], b, files[k]);
        cr_expect_eq(system(cmd), 0, "%s: the reference run is the refined config", files[k]);
    }
    cr_expect_eq(sa.Q_end, sb.Q_end);
    cr_expect_eq(sb.reference_nodes, 0, "no reference, no reference nodes");
    /* and not the config's own grid */
    char c0[300];
    snprintf(c0, sizeof c0, "%s/own", tmp);
    shp_synth_summary s0;
    cr_assert_eq(shp_synth_run("data/fit/loam_fit.json", c0, -1, NULL, &s0, err, sizeof err), SHP_OK, "%s", err);
    cr_expect_neq(s0.Q_end, sa.Q_end, "the reference must differ from the fit grid's run");
    snprintf(cmd, sizeof cmd, "%s/synth.json", a);
    cJSON *sj = tu_read_json(cmd);
    const cJSON *r = cJSON_GetObjectItem(sj, "reference");
    cr_assert(cJSON_IsObject(r), "synth.json records the reference run");
    cr_expect_eq(cJSON_GetObjectItem(r, "refine")->valuedouble, 2.0);
    cr_expect_eq(cJSON_GetObjectItem(r, "tol_time")->valuedouble, 1e-5);
    cr_expect_eq(cJSON_GetObjectItem(r, "nodes")->valueint, sa.reference_nodes);
    cr_expect_gt(sa.reference_nodes, 3);
    cJSON_Delete(sj);
    /* bad references, named */
    static const struct { const char *sed, *msg; } bad[] = {
        {"s/\"refine\":[[:space:]]*2/\"refine\": 0.5/", "synth.reference.refine: must be >= 1"},
        {"s/\"tol_time\":[[:space:]]*1e-05/\"tol_time\": -1/",
         "synth.reference: the reference run (refine 2, solver as given here): solver.tol_time"},
        {"s/\"tol_time\":[[:space:]]*1e-05/\"tol_tim\": 1/", "solver.tol_tim: unknown key"},
    };
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; ++k) {
        char pc[400];
        snprintf(pc, sizeof pc, "%s/bad%zu.json", tmp, k);
        snprintf(cmd, sizeof cmd, "sed '%s' '%s' > '%s'", bad[k].sed, pa, pc);
        cr_assert_eq(system(cmd), 0);
        err[0] = '\0';
        cr_expect_eq(shp_synth_check(pc, err, sizeof err), SHP_ERR_CONFIG, "bad reference %zu accepted", k);
        cr_expect(strstr(err, bad[k].msg) != NULL, "message \"%s\" lacks \"%s\"", err, bad[k].msg);
    }
    tu_remove_tree(tmp);
}

/* ------------------------------------------------------------------ bad input */

static const struct {
    const char *file, *message;
} bad_cases[] = {
    {"bounds_empty.json", "fit.parameters.loam.n: bounds must satisfy lo < hi"},
    {"bounds_invalid.json", "fit.parameters.loam.n: bounds [0.5, 2]: n must be > 1"},
    {"bounds_reversed.json", "fit.parameters.loam.n: bounds must satisfy lo < hi (got 3, 1.05)"},
    {"budget_contradicts_stop.json", "fit.stop.evaluations: 2000 contradicts fit.budget.evaluations (3000)"},
    {"budget_empty.json", "fit.budget: give evaluations and/or time_s"},
    {"budget_small.json", "fit.budget.evaluations: 10 is less than one generation (population 20)"},
    {"budget_step1_takes_all.json", "fit.two_step.step1.stop: step 1 may take 600 evaluations"},
    {"ks_twice.json", "fit.parameters.loam.v/Ks: Ks is already free"},
    {"log_scale_negative.json", "a log scale needs positive bounds"},
    {"metric.json", "fit.metric: unknown value \"nse\""},
    {"missing_fit.json", "fit: missing"},
    {"no_params.json", "fit.parameters: no free parameters"},
    {"no_stop.json", "fit.stop: no stop rule is active"},
    {"objective_without_obs.json", "fit.objectives[0]: objective \"theta_t\" has no observations"},
    {"obs_columns.json", "fit.observations.Q.file: data/bad_fit/obs/Q_columns.csv: line 1: header has 3 columns, expected 2"},
    {"obs_depth.json", "depth 500 is outside the column"},
    {"obs_final_time_huge.json", "fit.observations.theta_final.time: must be > 0 and at most 1e+09 min"},
    {"obs_final_time_zero.json", "fit.observations.theta_final.time: must be > 0 (got 0)"},
    {"obs_missing.json", "fit.observations.Q.file: data/bad_fit/obs/none.csv: cannot open"},
    {"obs_nan.json", "fit.observations.Q.file: data/bad_fit/obs/Q_nan.csv: line 3: Q_cm is not a finite number"},
    {"obs_time_zero.json", "times must be > 0"},
    {"obs_unknown_kind.json", "fit.observations.flux: unknown key"},
    {"obs_unsorted.json", "fit.observations.Q.file: data/bad_fit/obs/Q_unsorted.csv: line 4: time_min must increase strictly"},
    {"polish_fd_step.json", "fit.polish: fd_step must be in (0, 0.1)"},
    {"polish_jacobian.json", "fit.polish.jacobian: unknown value \"analytic\""},
    {"polish_objective.json", "fit.polish.objective: unknown value \"median\""},
    {"polish_method.json", "fit.polish.method: unknown value \"newton\""},
    {"population_small.json", "fit.population: must be >="},
    {"two_step_fix.json", "fit.two_step.fix: \"loam.l\" is not one of fit.parameters"},
    {"unknown_algorithm.json", "fit.algorithm: unknown value \"nelder_mead\""},
    {"unknown_fit_key.json", "fit.generations: unknown key"},
    {"unknown_material.json", "fit.parameters.sand.n: unknown material \"sand\""},
    {"unknown_objective.json", "fit.objectives[1]: unknown objective \"flux\""},
    {"unknown_param.json", "fit.parameters.loam.m: model vgm has no parameter \"m\""},
    {"unknown_setting.json", "fit.settings.inertia: unknown key"},
    {"v_over_ks_without_v.json", "v/Ks needs infiltration-rate observations"},
};

Test(fit, every_bad_fit_config_names_file_and_field)
{
    const int n = (int)(sizeof bad_cases / sizeof bad_cases[0]);
    for (int i = 0; i < n; ++i) {
        char path[256], err[2048];
        snprintf(path, sizeof path, "data/bad_fit/%s", bad_cases[i].file);
        shp_problem *pb = NULL;
        int rc = shp_problem_load(path, &pb, err, sizeof err);
        if (rc == SHP_OK) {
            shp_fit_options opt;
            rc = shp_fit_options_load(pb, -1, &opt, err, sizeof err);
            shp_problem_destroy(pb);
        }
        cr_expect_neq(rc, SHP_OK, "%s: accepted", path);
        char prefix[300];
        snprintf(prefix, sizeof prefix, "%s: ", path);
        cr_expect(strncmp(err, prefix, strlen(prefix)) == 0, "%s: message does not start with the file: %s",
                  path, err);
        cr_expect(strstr(err, bad_cases[i].message) != NULL, "%s: expected \"%s\" in: %s", path,
                  bad_cases[i].message, err);
    }
}

Test(fit, every_bad_fit_fixture_is_in_the_table)
{
    glob_t g;
    cr_assert_eq(glob("data/bad_fit/*.json", 0, NULL, &g), 0);
    const int n = (int)(sizeof bad_cases / sizeof bad_cases[0]);
    for (size_t k = 0; k < g.gl_pathc; ++k) {
        int found = 0;
        for (int i = 0; i < n && !found; ++i) found = !strcmp(g.gl_pathv[k] + 13, bad_cases[i].file);
        cr_expect(found, "%s has no expected message", g.gl_pathv[k]);
    }
    globfree(&g);
}

/* The program: exit 2 and nothing written for bad input; a good short run writes every
 * file. */
Test(fit, command_line_exit_codes_and_files, .timeout = 120)
{
    char tmp[64], cmd[2400];
    tu_make_tmp(tmp, sizeof tmp, "fit");
    snprintf(cmd, sizeof cmd, SHPFIT " fit data/bad_fit/obs_nan.json --out %s/o 2>/dev/null", tmp);
    int st = system(cmd);
    cr_expect(WIFEXITED(st) && WEXITSTATUS(st) == 2, "bad input: exit %d", WEXITSTATUS(st));
    snprintf(cmd, sizeof cmd, "test -e %s/o", tmp);
    cr_expect_neq(system(cmd), 0, "nothing written on bad input");
    char path[512];
    synth_case(tmp, "loam_fit.json", path, sizeof path);
    snprintf(cmd, sizeof cmd,
             "sed -i 's/\"generations\": 150/\"generations\": 3/; s/\"algorithm\": \"shade\"/\"algorithm\": \"pso_vega\"/; s/\"population\": 20/\"population\": 24/' '%s' && "
             SHPFIT " fit '%s' --out %s/run --seed 3 --threads 2 > %s/log.txt",
             path, path, tmp, tmp);
    st = system(cmd);
    cr_expect(WIFEXITED(st) && WEXITSTATUS(st) == 0, "short run: exit %d", WEXITSTATUS(st));
    const char *files[] = {"result.json", "history.csv", "pareto.csv", "best_series.csv"};
    for (int k = 0; k < 4; ++k) {
        snprintf(cmd, sizeof cmd, "test -s %s/run/%s", tmp, files[k]);
        cr_expect_eq(system(cmd), 0, "%s missing", files[k]);
    }
    snprintf(cmd, sizeof cmd, "grep -q '\"seed\":[[:space:]]*3,' %s/run/result.json && grep -q curve_agreement %s/run/result.json && "
                              "test $(wc -l < %s/run/history.csv) -eq 4", tmp, tmp, tmp);
    cr_expect_eq(system(cmd), 0, "result.json seed/curve agreement, history rows");
    tu_remove_tree(tmp);
}

/* ------------------------------------------------------------------ budget, step cap */

/* fit.budget as in a campaign: no generation starts that would take the optimizers
 * beyond the evaluations, the last step's default stop gives way, and in two steps the
 * second gets what the first left. */
Test(fit, budget_bounds_the_optimizers_evaluations_over_all_steps, .timeout = 120)
{
    char tmp[64], path[512], err[1024];
    tu_make_tmp(tmp, sizeof tmp, "budget");
    synth_case(tmp, "loam_fit.json", path, sizeof path);
    static const char *const variants[] = {
        /* 110 is 5.5 generations of 20: 5 run */
        "{\"algorithm\": \"shade\", \"population\": 20, \"budget\": {\"evaluations\": 110}}",
        /* step 1 takes 2 generations by its own stop, step 2 the 3 the budget leaves */
        "{\"procedure\": \"two_step\", \"budget\": {\"evaluations\": 100}, \"two_step\": {\"fix\": "
        "\"theta_s\", \"step1\": {\"algorithm\": \"shade\", \"population\": 20, \"stop\": {\"generations\": 2}}, "
        "\"step2\": {\"algorithm\": \"shade\", \"population\": 20}}}"};
    const long gens[2][2] = {{5, 0}, {2, 3}};
    for (int v = 0; v < 2; ++v) {
        cJSON *root = tu_read_json(path);
        cJSON *fit = cJSON_GetObjectItem(root, "fit");
        static const char *const drop[] = {"stop", "algorithm", "population", "procedure", "two_step", "budget"};
        for (size_t k = 0; k < sizeof drop / sizeof *drop; ++k) cJSON_DeleteItemFromObject(fit, drop[k]);
        cJSON *keys = cJSON_Parse(variants[v]);
        for (cJSON *it = keys->child; it; it = it->next)
            cJSON_AddItemToObject(fit, it->string, cJSON_Duplicate(it, 1));
        cJSON_Delete(keys);
        tu_write_json(path, root);
        shp_problem *pb = load_problem(path);
        shp_fit_options opt;
        cr_assert_eq(shp_fit_options_load(pb, -1, &opt, err, sizeof err), SHP_OK, "%s", err);
        shp_backend *be = shp_backend_cpu_create(0);
        shp_fit_result res;
        cr_assert_eq(shp_fit_run(pb, be, &opt, NULL, NULL, &res, err, sizeof err), SHP_OK, "%s", err);
        cr_expect_eq(res.steps_run, opt.n_steps);
        for (int s = 0; s < opt.n_steps; ++s)
            cr_expect_eq(res.generations[s], gens[v][s], "variant %d, step %d: %ld generations", v, s + 1,
                         res.generations[s]);
        cr_expect_eq(res.why[opt.n_steps - 1], SHP_STOP_EVALUATIONS);
        const long optimizer = res.history[res.n_history - 1].log.evaluations +
                               (opt.n_steps > 1 ? 20 * gens[v][0] : 0);
        cr_expect_eq(optimizer, 100, "variant %d: the optimizers evaluated %ld candidates", v, optimizer);
        shp_fit_result_free(&res);
        shp_backend_destroy(be);
        shp_problem_destroy(pb);
    }
    tu_remove_tree(tmp);
}

/* A step whose every column stops at the step cap names the key that set the cap and
 * its value: fit.column_max_steps, or solver.max_steps when that is the lower. */
Test(fit, columns_all_at_the_step_cap_name_the_key, .timeout = 120)
{
    char tmp[64], path[512], err[1024];
    tu_make_tmp(tmp, sizeof tmp, "cap");
    synth_case(tmp, "loam_fit.json", path, sizeof path);
    for (int solver = 0; solver < 2; ++solver) {
        cJSON *root = tu_read_json(path);
        cJSON *fit = cJSON_GetObjectItem(root, "fit");
        cJSON_ReplaceItemInObject(fit, "stop", cJSON_Parse("{\"generations\": 2}"));
        cJSON_ReplaceItemInObject(fit, "column_max_steps", cJSON_CreateNumber(solver ? 5000 : 20));
        cJSON_DeleteItemFromObject(root, "solver");
        if (solver) cJSON_AddItemToObject(root, "solver", cJSON_Parse("{\"max_steps\": 30}"));
        tu_write_json(path, root);
        shp_problem *pb = load_problem(path);
        shp_fit_options opt;
        cr_assert_eq(shp_fit_options_load(pb, -1, &opt, err, sizeof err), SHP_OK, "%s", err);
        shp_backend *be = shp_backend_cpu_create(0);
        shp_fit_result res;
        cr_expect_eq(shp_fit_run(pb, be, &opt, NULL, NULL, &res, err, sizeof err), SHP_ERR_NOT_CONVERGED);
        cr_expect(strstr(err, solver ? "solver.max_steps = 30" : "fit.column_max_steps = 20") != NULL, "%s", err);
        cr_expect(strstr(err, "every column stopped at the step cap") != NULL, "%s", err);
        shp_fit_result_free(&res);
        shp_backend_destroy(be);
        shp_problem_destroy(pb);
    }
    tu_remove_tree(tmp);
}

/* ------------------------------------------------------------------ evaluate */

/* The value of a number at a JSON path "a.b.c" of a file (NAN when absent or null). */
static double json_number(const char *file, const char *path)
{
    cJSON *root = tu_read_json(file);
    const cJSON *it = root;
    char buf[256];
    snprintf(buf, sizeof buf, "%s", path);
    for (char *save = NULL, *k = strtok_r(buf, ".", &save); k && it; k = strtok_r(NULL, ".", &save))
        it = cJSON_GetObjectItemCaseSensitive(it, k);
    const double v = cJSON_IsNumber(it) ? it->valuedouble : NAN;
    cJSON_Delete(root);
    return v;
}

/* At the truth of noise-free synthetic data every objective is zero but for the 12
 * digits of the files; anywhere else the objectives are exactly those the fit's own
 * evaluation gives for that point. */
Test(evaluate, truth_scores_zero_and_other_points_score_as_in_the_fit, .timeout = 120)
{
    char tmp[64], path[512], err[1024];
    tu_make_tmp(tmp, sizeof tmp, "eval");
    synth_case(tmp, "loam_fit.json", path, sizeof path);
    shp_problem *pb = load_problem(path);
    shp_backend *be = shp_backend_cpu_create(1);
    shp_fit_point pt;
    cr_assert_eq(shp_fit_point_set(pb, "truth", &pt, err, sizeof err), SHP_OK, "%s", err);
    cr_assert_eq(shp_fit_point_evaluate(pb, be, &pt, err, sizeof err), SHP_OK, "%s", err);
    cr_expect(pt.status == SHP_OK && pt.has_column && pt.column.t_reached == 120.0);
    for (int k = 0; k < shp_problem_n_obj(pb); ++k) cr_expect_lt(pt.f[k], 1e-10, "objective %d: %g", k, pt.f[k]);
    shp_fit_point_free(&pt);
    /* a point of the unit box, given by its values */
    const double u[4] = {0.3, 0.6, 0.45, 0.7};
    double f[3];
    int ok;
    cr_assert_eq(shp_problem_evaluate(pb, be, u, 1, f, &ok), SHP_OK);
    cr_assert(ok);
    char at[512] = "";
    for (int j = 0; j < 4; ++j)
        snprintf(at + strlen(at), sizeof at - strlen(at), "%s%s=%.17g", j ? "," : "", shp_problem_var_name(pb, j),
                 shp_problem_var_value(pb, j, u[j]));
    cr_assert_eq(shp_fit_point_set(pb, at, &pt, err, sizeof err), SHP_OK, "%s", err);
    cr_assert_eq(shp_fit_point_evaluate(pb, be, &pt, err, sizeof err), SHP_OK, "%s", err);
    for (int k = 0; k < 3; ++k) cr_expect(pt.f[k] == f[k], "objective %d: %.17g here, %.17g in the fit", k, pt.f[k], f[k]);
    shp_fit_point_free(&pt);
    shp_backend_destroy(be);
    shp_problem_destroy(pb);
    tu_remove_tree(tmp);
}

/* The program: evaluating at a fit's result.json reproduces its objectives and its
 * best_series.csv bit for bit; result.json says what was evaluated and how. */
Test(evaluate, at_a_fits_result_reproduces_its_objectives_and_series, .timeout = 120)
{
    char tmp[64], path[512], a[600], b[600];
    tu_make_tmp(tmp, sizeof tmp, "eval");
    synth_case(tmp, "loam_fit.json", path, sizeof path);
    cr_assert_eq(tu_run("sed -i 's/\"generations\": 150/\"generations\": 3/' '%s' && " SHPFIT
                        " fit '%s' --out %s/fit --threads 2 > /dev/null", path, path, tmp), 0);
    cr_assert_eq(tu_run(SHPFIT " fit '%s' --out %s/ev --at %s/fit/result.json > %s/ev.txt", path, tmp, tmp, tmp), 0);
    static const char *const kinds[] = {"theta_final", "v", "Q"};
    for (int k = 0; k < 3; ++k) {
        snprintf(a, sizeof a, "objectives.%s", kinds[k]);
        const double fit = json_number(tu_file_in(tmp, "fit/result.json"), a);
        const double ev = json_number(tu_file_in(tmp, "ev/result.json"), a);
        cr_expect(fit == ev && fit > 0.0, "%s: %.17g in the fit, %.17g evaluated", kinds[k], fit, ev);
    }
    cr_expect_eq(tu_run("cmp -s %s/fit/best_series.csv %s/ev/best_series.csv", tmp, tmp), 0, "best_series.csv differs");
    snprintf(a, sizeof a, "%s/ev/result.json", tmp);
    cJSON *r = tu_read_json(a);
    cr_expect_str_eq(cJSON_GetObjectItem(r, "mode")->valuestring, "evaluate");
    cr_expect_str_eq(cJSON_GetObjectItem(r, "status")->valuestring, "ok");
    cr_expect_str_eq(cJSON_GetObjectItem(cJSON_GetObjectItem(r, "column"), "status")->valuestring, "ok");
    cr_expect_not_null(cJSON_GetObjectItem(cJSON_GetObjectItem(r, "truth"), "curve_agreement"));
    cr_expect_not_null(cJSON_GetObjectItem(cJSON_GetObjectItem(r, "metrics"), "v"));
    cJSON_Delete(r);
    /* the summary names the parameters with their units, and the objectives */
    snprintf(b, sizeof b, "%s/ev.txt", tmp);
    char *text = tu_slurp(b);
    cr_expect(text && strstr(text, "loam.Ks") && strstr(text, "cm/min") && strstr(text, "psi(v)"), "%s", text);
    free(text);
    /* an evaluation replaces the fit's other files: nothing of it is taken for the point's */
    cr_expect(!tu_exists(tu_file_in(tmp, "ev/history.csv")));
    tu_remove_tree(tmp);
}

/* A column that stops at the step cap: exit 3, result.json says so and scores nothing
 * that needs the column. */
Test(evaluate, a_column_at_the_step_cap_is_reported_and_not_scored, .timeout = 60)
{
    char tmp[64], path[512];
    tu_make_tmp(tmp, sizeof tmp, "eval");
    synth_case(tmp, "loam_fit.json", path, sizeof path);
    cr_assert_eq(tu_run("sed -i 's/\"column_max_steps\": 5000/\"column_max_steps\": 20/' '%s'", path), 0);
    cr_expect_eq(tu_run(SHPFIT " fit '%s' --out %s/ev --evaluate > %s/out.txt 2> %s/err.txt", path, tmp, tmp, tmp), 3);
    const char *res = tu_file_in(tmp, "ev/result.json");
    cJSON *r = tu_read_json(res);
    cr_expect_str_eq(cJSON_GetObjectItem(r, "status")->valuestring, "max_steps");
    const cJSON *col = cJSON_GetObjectItem(r, "column");
    cr_expect(strstr(cJSON_GetObjectItem(col, "message")->valuestring, "fit.column_max_steps = 20") != NULL);
    cr_expect(cJSON_IsNull(cJSON_GetObjectItem(cJSON_GetObjectItem(r, "objectives"), "Q")), "Q scored");
    cr_expect_null(cJSON_GetObjectItem(cJSON_GetObjectItem(r, "metrics"), "Q"));
    cJSON_Delete(r);
    char *out = tu_slurp(tu_file_in(tmp, "out.txt"));
    cr_expect(out && strstr(out, "not scored") && strstr(out, "fit.column_max_steps = 20"), "%s", out);
    free(out);
    tu_remove_tree(tmp);
}

/* A bad --at: exit 2, a message naming what is wrong, nothing written. */
Test(evaluate, bad_at_exits_2_naming_the_field, .timeout = 60)
{
    char tmp[64], path[512];
    tu_make_tmp(tmp, sizeof tmp, "eval");
    synth_case(tmp, "loam_fit.json", path, sizeof path);
    FILE *f = fopen(tu_file_in(tmp, "p.json"), "w");
    cr_assert_not_null(f);
    fputs("{\"parameters\": {\"loam.n\": \"1.5\"}}\n", f);
    fclose(f);
    char pj[600];
    snprintf(pj, sizeof pj, "%s/p.json", tmp);
    const struct {
        const char *at, *message;
    } cases[] = {
        {"loam.n=abc", "--at: loam.n: \"abc\" is not a finite number"},
        {"loam.m=1.5", "--at: \"loam.m\" is not one of fit.parameters (loam.theta_s, loam.alpha, loam.n, loam.Ks)"},
        {"n=0.9", "--at: material loam: n must be > 1"},
        {"loam.Ks=1e300", "--at: loam.Ks: 1e+300 is not a plausible value"},
        {"n=1.5,n=1.6", "--at: loam.n: given twice"},
        {"loam.n", "--at: "},
        {pj, "parameters.loam.n: expected a number"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; ++i) {
        cr_expect_eq(tu_run(SHPFIT " fit '%s' --out %s/ev --at '%s' 2> %s/err.txt", path, tmp, cases[i].at, tmp), 2,
                     "--at %s", cases[i].at);
        char *err = tu_slurp(tu_file_in(tmp, "err.txt"));
        cr_expect(err && strstr(err, cases[i].message), "--at %s: expected \"%s\" in: %s", cases[i].at,
                  cases[i].message, err);
        free(err);
        cr_expect(!tu_exists(tu_file_in(tmp, "ev")), "--at %s: --out created", cases[i].at);
    }
    cr_expect_eq(tu_run(SHPFIT " fit '%s' --out %s/ev --evaluate --seed 2 2> /dev/null", path, tmp), 2);
    tu_remove_tree(tmp);
}

/* ------------------------------------------------------------------ surface */

/* Seed 002 §4.1: on the α–n plane of the loam at 40 % initial saturation the minima of
 * ψ(Q) and ψ(v) lie at the true parameters (a node of the plane's grid here). */
Test(surface, loam_alpha_n_minimum_is_at_the_truth, .timeout = 180)
{
    char tmp[64], path[512], cmd[2400];
    tu_make_tmp(tmp, sizeof tmp, "fit");
    synth_case(tmp, "loam_fit.json", path, sizeof path);
    snprintf(cmd, sizeof cmd,
             "sed -i 's/\"synth\": {/\"surface\": {\"planes\": [[\"loam.alpha\", \"loam.n\"]], \"points\": 15}, \"synth\": {/' '%s' && "
             /* bounds whose 15-point grid has the truth (α 0.036, n 1.56) as its middle
              * node, so that ψ = 0 is a grid point: the ridge of ψ(Q) along α–n is flat
              * enough that, off the grid, its lowest node may lie anywhere on it */
             "sed -i '/\"loam.alpha\"/,/scale/{s/0\\.001,/0.0036,/;s/0\\.2$/0.36/};/\"loam.n\"/,/]/{s/3\\.0$/2.07/}' '%s' && "
             SHPFIT " surface '%s' --out %s/s > %s/log.txt 2>&1",
             path, path, path, tmp, tmp);
    const int st = system(cmd);
    cr_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0, "surface: exit %d", WEXITSTATUS(st));
    snprintf(cmd, sizeof cmd, "%s/s/surface.json", tmp);
    FILE *f = fopen(cmd, "r");
    cr_assert_not_null(f);
    char *text = calloc(1, 1 << 16);
    cr_assert(fread(text, 1, (1 << 16) - 1, f) > 0);
    fclose(f);
    cJSON *s = cJSON_Parse(text);
    free(text);
    const cJSON *plane = cJSON_GetArrayItem(cJSON_GetObjectItem(s, "planes"), 0);
    cr_assert_not_null(plane);
    cr_expect_str_eq(cJSON_GetObjectItem(plane, "x")->valuestring, "loam.alpha");
    const cJSON *objs = cJSON_GetObjectItem(plane, "objectives");
    const char *names[2] = {"Q", "v"};
    for (int k = 0; k < 2; ++k) {
        const cJSON *o = cJSON_GetObjectItem(objs, names[k]);
        cr_assert_not_null(o, "%s missing", names[k]);
        const double cells = cJSON_GetObjectItem(o, "min_cells_from_truth")->valuedouble;
        cr_log_info("psi(%s): minimum %.3g at alpha %.4g, n %.4g: %.2f cells from the truth\n", names[k],
                    cJSON_GetObjectItem(o, "min")->valuedouble, cJSON_GetObjectItem(o, "x_at_min")->valuedouble,
                    cJSON_GetObjectItem(o, "y_at_min")->valuedouble, cells);
        cr_expect(cells < 0.5, "psi(%s): minimum %.2f cells from the truth's node", names[k], cells);
    }
    cJSON_Delete(s);
    snprintf(cmd, sizeof cmd, "test $(grep -c ',ok$' %s/s/surface_loam.alpha__loam.n.csv) -ge 150", tmp);
    cr_expect_eq(system(cmd), 0, "most of the 225 grid points simulated");
    /* a contour map per objective (gnuplot is installed by the Makefile) */
    snprintf(cmd, sizeof cmd, "command -v gnuplot > /dev/null || exit 0; for o in Q v theta_final; do "
                              "test $(stat -c %%s %s/s/surface_loam.alpha__loam.n_$o.png) -gt 10000 || exit 1; done",
             tmp);
    cr_expect_eq(system(cmd), 0, "contour maps missing or trivial");
    tu_remove_tree(tmp);
}
