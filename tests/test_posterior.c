/* The Bayesian posterior of a fit (shpfit/posterior.h): the prior and likelihood by hand,
 * the sampled posterior of a nearly linear problem against its linearisation, the start
 * around an optimum, and the command line (`shpfit posterior`, `fit` with fit.posterior,
 * bad input). The sampler itself is tested in test_dream.c. */
#define _POSIX_C_SOURCE 200809L /* setenv */
#include <criterion/criterion.h>
#include <criterion/logging.h>

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shpfit/config.h"
#include "problem_checks.h"
#include "test_util.h"

#include "shpfit/fit.h"
#include "shpfit/models.h"
#include "shpfit/posterior.h"
#include "shpfit/rng.h"
#include "surface/surface.h"
#include "shpfit/uncertainty.h"

#define N_HEADS 20
static const double TRUTH[3] = {0.43, 0.036, 1.56}; /* θs, α [1/cm], n */

/* A retention-only problem (θr held at 0.078): 20 heads from −1 to −15 000 cm, θ with
 * Gaussian noise σ (stream seed), and fit.posterior = posterior_json (may be NULL). */
static shp_problem *retention_problem(const char *dir, double sigma, uint64_t seed, const char *posterior_json)
{
    const shp_material m = shp_material_vgm(0.078, TRUTH[0], TRUTH[1], TRUTH[2], 0.01733, 0.5);
    char path[512];
    snprintf(path, sizeof path, "%s/retention.csv", dir);
    FILE *f = fopen(path, "w");
    cr_assert(f);
    fprintf(f, "h_cm,theta\n");
    shp_rng r;
    shp_rng_init(&r, seed, 0, 0, 0);
    for (int i = 0; i < N_HEADS; ++i) {
        const double h = -pow(10.0, 4.176 * (1.0 - (double)i / (N_HEADS - 1))); /* driest first */
        double th, K, C, dK;
        shp_hyd_eval(&m, h, &th, &K, &C, &dK);
        fprintf(f, "%.17g,%.17g\n", h, th + sigma * shp_rng_normal(&r));
    }
    fclose(f);
    char cfg[2048];
    snprintf(cfg, sizeof cfg,
             "{\"materials\": {\"s\": {\"model\": \"vgm\", \"theta_r\": 0.078, \"Ks\": 0.01733}},"
             " \"fit\": {\"parameters\": {\"s.theta_s\": [0.3, 0.6],"
             " \"s.alpha\": {\"bounds\": [0.001, 0.5], \"scale\": \"log\"}, \"s.n\": [1.1, 4.0]},"
             " \"observations\": {\"retention\": {\"file\": \"retention.csv\"}}, \"seed\": 4%s%s}}",
             posterior_json ? ", \"posterior\": " : "", posterior_json ? posterior_json : "");
    cJSON *root = cJSON_Parse(cfg);
    cr_assert_not_null(root, "%s", cfg);
    snprintf(path, sizeof path, "%s/post.json", dir);
    return write_and_load(root, path);
}

static shp_posterior_options options(shp_problem *pb)
{
    shp_posterior_options o;
    char err[512];
    cr_assert_eq(shp_posterior_options_load(pb, -1, &o, err, sizeof err), SHP_OK, "%s", err);
    return o;
}

Test(posterior, prior_densities_carry_the_value_density_to_the_search_coordinate)
{
    char dir[256];
    tu_make_tmp(dir, sizeof dir, "post");
    shp_problem *pb = retention_problem(dir, 0.0, 1, NULL);
    shp_posterior_options o = options(pb);
    double u[3] = {0.5, 0.5, 0.5}, w[3] = {0.2, 0.7, 0.9};
    /* the default: uniform in the search coordinates, nothing outside the box */
    cr_expect_eq(shp_posterior_log_prior(pb, &o, u), shp_posterior_log_prior(pb, &o, w));
    w[0] = 1.2;
    cr_expect(isinf(shp_posterior_log_prior(pb, &o, w)) && shp_posterior_log_prior(pb, &o, w) < 0);
    w[0] = 0.2;
    /* α is log-scaled: a log-uniform prior over its bounds is uniform in u; a uniform one
     * in α weighs u by dα/du ∝ α */
    o.prior[1] = (shp_prior){SHP_PRIOR_LOG_UNIFORM, 0.001, 0.5};
    cr_expect(fabs(shp_posterior_log_prior(pb, &o, u) - shp_posterior_log_prior(pb, &o, w)) < 1e-12);
    o.prior[1] = (shp_prior){SHP_PRIOR_UNIFORM, 0.001, 0.5};
    const double a_u = shp_problem_var_value(pb, 1, u[1]), a_w = shp_problem_var_value(pb, 1, w[1]);
    cr_expect(fabs(shp_posterior_log_prior(pb, &o, u) - shp_posterior_log_prior(pb, &o, w) - log(a_u / a_w)) < 1e-12);
    o.prior[1] = (shp_prior){SHP_PRIOR_UNIFORM, 0.01, 0.02};
    cr_expect(isinf(shp_posterior_log_prior(pb, &o, u)), "α = %g lies outside [0.01, 0.02]", a_u);
    /* θs is linear: a normal prior is the normal density in u up to a constant */
    o.prior[1].kind = SHP_PRIOR_SCALE;
    o.prior[0] = (shp_prior){SHP_PRIOR_NORMAL, 0.42, 0.02};
    const double t_u = shp_problem_var_value(pb, 0, u[0]), t_w = shp_problem_var_value(pb, 0, w[0]);
    const double zu = (t_u - 0.42) / 0.02, zw = (t_w - 0.42) / 0.02;
    cr_expect(fabs(shp_posterior_log_prior(pb, &o, u) - shp_posterior_log_prior(pb, &o, w) + 0.5 * (zu * zu - zw * zw)) <
              1e-9);
    /* a lognormal prior on α: −ln α − z²/2 in α, plus ln α from dα/du */
    o.prior[0].kind = SHP_PRIOR_SCALE;
    o.prior[1] = (shp_prior){SHP_PRIOR_LOGNORMAL, 0.03, 0.5};
    const double lu = (log(a_u) - log(0.03)) / 0.5, lw = (log(a_w) - log(0.03)) / 0.5;
    cr_expect(fabs(shp_posterior_log_prior(pb, &o, u) - shp_posterior_log_prior(pb, &o, w) + 0.5 * (lu * lu - lw * lw)) <
              1e-9);
    shp_problem_destroy(pb);
    tu_remove_tree(dir);
}

Test(posterior, likelihood_of_known_and_integrated_sigma_by_hand)
{
    char dir[256];
    tu_make_tmp(dir, sizeof dir, "post");
    shp_problem *pb = retention_problem(dir, 0.01, 2, "{\"sigma\": {\"retention\": 0.004}}");
    shp_posterior_options o = options(pb);
    cr_assert(o.sigma_known);
    const int m = shp_problem_n_residuals(pb);
    cr_assert_eq(m, N_HEADS);
    double r[N_HEADS], ss = 0.0;
    for (int i = 0; i < m; ++i) {
        r[i] = 0.01 * sin(i + 1.0);
        ss += r[i] * r[i];
    }
    const double scale = shp_problem_residual_scale(pb, SHP_OBS_RETENTION);
    const double known = -m * log(0.004) - ss * scale * scale / (2 * 0.004 * 0.004);
    cr_expect(fabs(shp_posterior_log_likelihood(pb, &o, r) - known) < 1e-9 * fabs(known));
    o.sigma_known = 0;
    cr_expect(fabs(shp_posterior_log_likelihood(pb, &o, r) + 0.5 * m * log(ss)) < 1e-12);
    r[3] = NAN;
    cr_expect(isinf(shp_posterior_log_likelihood(pb, &o, r)));
    shp_problem_destroy(pb);
    tu_remove_tree(dir);
}

/* The least-squares optimum from the truth (the exact-Jacobian polish). */
static void optimum(shp_problem *pb, shp_backend *be, double *u)
{
    const shp_material m = shp_material_vgm(0.078, TRUTH[0], TRUTH[1], TRUTH[2], 0.01733, 0.5);
    shp_problem_unit_of(pb, &m, u);
    char err[256];
    cr_assert_eq(shp_fit_least_squares(pb, be, u, 0, 100, 1e-14, NULL, err, sizeof err), SHP_OK, "%s", err);
}

/* With noise σ = 0.002 on 20 points the VGM retention curve is nearly linear in θs,
 * log α and n over its posterior, which must then match the Laplace approximation at the
 * least-squares optimum: mean within 0.3 sd of it and standard deviations within 20 %,
 * σ known; the sampler started from the prior's Latin hypercube. */
Test(posterior, nearly_linear_posterior_matches_the_linearisation, .timeout = 300)
{
    char dir[256];
    tu_make_tmp(dir, sizeof dir, "post");
    const double sigma = 0.002;
    shp_problem *pb = retention_problem(dir, sigma, 11, "{\"sigma\": {\"retention\": 0.002}, \"rhat\": 1.05}");
    shp_backend *be = shp_backend_cpu_create(2);
    shp_posterior_options o = options(pb);
    shp_posterior_result res;
    char err[512];
    cr_assert_eq(shp_posterior_run(pb, be, &o, NULL, NULL, &res, err, sizeof err), SHP_OK, "%s", err);
    cr_expect(res.converged, "not converged in %ld evaluations", res.evaluations);
    double u[3];
    optimum(pb, be, u);
    shp_uncertainty unc;
    cr_assert_eq(shp_uncertainty_at(pb, be, u, &unc), SHP_OK);
    /* the linearisation with the known σ, not the residuals' s² */
    const double s_r = sigma / shp_problem_residual_scale(pb, SHP_OBS_RETENTION);
    static const char *const name[3] = {"theta_s", "alpha", "n"};
    for (int j = 0; j < 3; ++j) {
        const double sd_lin = unc.se[j] * s_r / sqrt(unc.s2);
        cr_log_info("%-8s posterior %.6g ± %.4g (R-hat %.3f, ESS %.0f); least squares %.6g ± %.4g", name[j],
                    res.mean[j], res.sd[j], res.rhat[j], res.ess[j], unc.value[j], sd_lin);
        cr_expect(fabs(res.mean[j] - unc.value[j]) < 0.3 * res.sd[j], "%s: mean %.6g, optimum %.6g", name[j],
                  res.mean[j], unc.value[j]);
        cr_expect(fabs(res.sd[j] / sd_lin - 1.0) < 0.2, "%s: sd %.4g, linearised %.4g", name[j], res.sd[j], sd_lin);
        cr_expect(res.rhat[j] < 1.05);
    }
    cr_log_info("%ld generations, %ld evaluations, acceptance %.3f", res.generations, res.evaluations,
                (double)res.accepted / (double)res.proposed);
    shp_posterior_result_free(&res);
    shp_backend_destroy(be);
    shp_problem_destroy(pb);
    tu_remove_tree(dir);
}

/* Started around the optimum (as `fit` with fit.posterior starts it) the chains converge
 * to the posterior found from the prior's Latin hypercube; and the same seed gives the
 * same chains. */
Test(posterior, start_around_the_optimum_and_determinism, .timeout = 300)
{
    char dir[256];
    tu_make_tmp(dir, sizeof dir, "post");
    shp_problem *pb = retention_problem(dir, 0.002, 11, "{\"sigma\": {\"retention\": 0.002}, \"rhat\": 1.05}");
    shp_backend *be = shp_backend_cpu_create(2);
    shp_posterior_options o = options(pb);
    shp_posterior_result prior_start, a, b;
    char err[512];
    cr_assert_eq(shp_posterior_run(pb, be, &o, NULL, NULL, &prior_start, err, sizeof err), SHP_OK, "%s", err);
    double u[3];
    optimum(pb, be, u);
    shp_uncertainty unc;
    cr_assert_eq(shp_uncertainty_at(pb, be, u, &unc), SHP_OK);
    shp_posterior_start_at(&o, 3, u, unc.cov_u);
    cr_assert_eq(shp_posterior_run(pb, be, &o, NULL, NULL, &a, err, sizeof err), SHP_OK, "%s", err);
    cr_assert_eq(shp_posterior_run(pb, be, &o, NULL, NULL, &b, err, sizeof err), SHP_OK, "%s", err);
    cr_expect(a.converged);
    cr_log_info("evaluations to convergence: %ld from the prior, %ld around the optimum", prior_start.evaluations,
                a.evaluations);
    for (int j = 0; j < 3; ++j)
        cr_expect(fabs(a.mean[j] - prior_start.mean[j]) < 0.3 * prior_start.sd[j], "mean %d: %g vs %g", j,
                  a.mean[j], prior_start.mean[j]);
    cr_assert_eq(a.generations, b.generations);
    cr_expect_eq(memcmp(a.u, b.u, (size_t)(a.generations + 1) * a.chains * a.dim * sizeof *a.u), 0);
    shp_posterior_result_free(&prior_start);
    shp_posterior_result_free(&a);
    shp_posterior_result_free(&b);
    shp_backend_destroy(be);
    shp_problem_destroy(pb);
    tu_remove_tree(dir);
}

/* ------------------------------------------------------------ the command line */

/* `shpfit posterior` of the config made with posterior_json: its exit code, the
 * message into msg. */
static int run_posterior(const char *dir, const char *posterior_json, char *msg, size_t len)
{
    shp_problem *pb = retention_problem(dir, 0.002, 3, NULL);
    shp_problem_destroy(pb);
    char *text = tu_slurp(tu_file_in(dir, "post.json"));
    cJSON *root = cJSON_Parse(text);
    free(text);
    cJSON *post = cJSON_Parse(posterior_json);
    cr_assert_not_null(post, "%s", posterior_json);
    cJSON_AddItemToObject(cJSON_GetObjectItem(root, "fit"), "posterior", post);
    char *out = cJSON_Print(root);
    FILE *f = fopen(tu_file_in(dir, "bad.json"), "w");
    fputs(out, f);
    fclose(f);
    cJSON_free(out);
    cJSON_Delete(root);
    const int rc = tu_run(SHPFIT " posterior %s/bad.json --out %s/out > %s/msg 2>&1", dir, dir, dir);
    char *m = tu_slurp(tu_file_in(dir, "msg"));
    snprintf(msg, len, "%s", m ? m : "");
    free(m);
    return rc;
}

Test(posterior, bad_input_is_named_and_exits_2, .timeout = 60)
{
    static const struct {
        const char *json, *expect;
    } cases[] = {
        {"{\"sigma\": {\"retention\": 0}}", "fit.posterior.sigma.retention: must be > 0"},
        {"{\"sigma\": {\"retention\": -0.01}}", "fit.posterior.sigma.retention: must be > 0"},
        {"{\"sigma\": {\"retention\": \"nan\"}}", "fit.posterior.sigma.retention"},
        {"{\"sigma\": {\"Q\": 0.1}}", "fit.posterior.sigma.Q: not one of fit.objectives"},
        {"{\"sigma\": \"fitted\"}", "fit.posterior.sigma: expected \"integrated\""},
        {"{\"prior\": {\"s.alpha\": {\"uniform\": [0.0001, 0.1]}}}", "is not within the bounds"},
        {"{\"prior\": {\"s.n\": {\"normal\": [5.0, 0.1]}}}", "the mean 5 is outside the bounds"},
        {"{\"prior\": {\"s.n\": {\"normal\": [1.5, 0]}}}", "the standard deviation must be > 0"},
        {"{\"prior\": {\"s.nn\": {\"normal\": [1.5, 0.1]}}}", "did you mean \"s.n\""},
        {"{\"prior\": {\"s.n\": {\"gamma\": [1.5, 0.1]}}}", "unknown prior"},
        {"{\"rhat\": 1.0}", "fit.posterior.rhat: the R-hat target must be > 1"},
        {"{\"rhat\": 0.9}", "fit.posterior.rhat"},
        {"{\"chains\": 1}", "fit.posterior.chains"},
        {"{\"snooker\": 1.5}", "fit.posterior.snooker: must be a probability"},
        {"{\"chians\": 8}", "did you mean \"chains\""},
        {"{\"archive_init\": 3}", "fit.posterior.archive_init: not usable"},
    };
    char dir[256], msg[4096];
    tu_make_tmp(dir, sizeof dir, "postbad");
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; ++k) {
        const int rc = run_posterior(dir, cases[k].json, msg, sizeof msg);
        cr_expect_eq(rc, 2, "%s: exit %d (%s)", cases[k].json, rc, msg);
        cr_expect(strstr(msg, cases[k].expect) != NULL, "%s: message \"%s\" lacks \"%s\"", cases[k].json, msg,
                  cases[k].expect);
        cr_expect(strstr(msg, "bad.json") != NULL, "%s: the message does not name the file: %s", cases[k].json, msg);
        cr_expect_not(tu_exists(tu_file_in(dir, "out/posterior.json")), "%s: output written", cases[k].json);
    }
    tu_remove_tree(dir);
}

Test(posterior, fewer_observations_than_parameters_is_refused, .timeout = 60)
{
    char dir[256], msg[4096];
    tu_make_tmp(dir, sizeof dir, "postbad");
    FILE *f = fopen(tu_file_in(dir, "r.csv"), "w");
    fprintf(f, "h_cm,theta\n-10,0.4\n-100,0.3\n-1000,0.2\n");
    fclose(f);
    f = fopen(tu_file_in(dir, "c.json"), "w");
    fprintf(f, "{\"materials\": {\"s\": {\"model\": \"vgm\", \"theta_r\": 0.05}}, \"fit\": {\"observations\": "
               "{\"retention\": {\"file\": \"r.csv\"}}, \"posterior\": {}}}\n");
    fclose(f);
    const int rc = tu_run(SHPFIT " posterior %s/c.json --out %s/out > %s/msg 2>&1", dir, dir, dir);
    char *m = tu_slurp(tu_file_in(dir, "msg"));
    snprintf(msg, sizeof msg, "%s", m ? m : "");
    free(m);
    cr_expect_eq(rc, 2, "exit %d: %s", rc, msg);
    cr_expect(strstr(msg, "c.json: fit.observations: 3 observations for 3 free parameters") != NULL, "%s", msg);
    tu_remove_tree(dir);
}

/* The SWRC Fit sample (data/swrcfit): the posterior with σ integrated out holds SWRC
 * Fit's published least-squares parameters within its 95 % credible intervals, and every
 * file is there. */
Test(posterior, toyoura_sand_command_line, .timeout = 120)
{
    char dir[256];
    tu_make_tmp(dir, sizeof dir, "posttoy");
    setenv("SHPFIT_GNUPLOT", "", 1);
    cr_assert_eq(tu_run(SHPFIT " posterior ../configs/curves/toyoura_vgm.json --out %s > %s/log 2>&1", dir, dir), 0);
    static const char *const files[] = {"posterior.json",     "posterior_samples.csv",    "posterior_chains.csv",
                                        "posterior_rhat.csv", "posterior_predictive.csv", "posterior_curves.csv"};
    for (int i = 0; i < 6; ++i) cr_expect(tu_exists(tu_file_in(dir, files[i])), "%s missing", files[i]);
    char *text = tu_slurp(tu_file_in(dir, "posterior.json"));
    cJSON *j = cJSON_Parse(text);
    free(text);
    cr_assert_not_null(j);
    cr_expect_str_eq(cJSON_GetObjectItem(j, "status")->valuestring, "converged");
    static const struct {
        const char *name;
        double swrc;
    } p[] = {{"toyoura.theta_r", 0.055302}, {"toyoura.theta_s", 0.38671}, {"toyoura.alpha", 0.021563},
             {"toyoura.n", 15.913}};
    const cJSON *ps = cJSON_GetObjectItem(j, "parameters");
    for (int k = 0; k < 4; ++k) {
        const cJSON *q = cJSON_GetObjectItem(ps, p[k].name);
        cr_assert_not_null(q, "%s", p[k].name);
        const cJSON *ci = cJSON_GetObjectItem(q, "credible95");
        const double lo = cJSON_GetArrayItem(ci, 0)->valuedouble, hi = cJSON_GetArrayItem(ci, 1)->valuedouble;
        cr_log_info("%s: 95 %% credible [%.6g, %.6g], SWRC Fit %.6g", p[k].name, lo, hi, p[k].swrc);
        cr_expect(p[k].swrc > lo && p[k].swrc < hi, "%s: SWRC Fit's %g outside [%g, %g]", p[k].name, p[k].swrc, lo,
                  hi);
    }
    cJSON_Delete(j);
    /* every sample row: chain, generation, 4 values, log likelihood, log prior */
    cr_expect_gt(tu_count_lines(tu_file_in(dir, "posterior_samples.csv")), 400);
    tu_remove_tree(dir);
}

/* `fit` with fit.posterior: the fit's files and the posterior's in one directory, the
 * posterior started around the fit's optimum. */
Test(posterior, fit_with_a_posterior_section, .timeout = 120)
{
    char dir[256];
    tu_make_tmp(dir, sizeof dir, "postfit");
    setenv("SHPFIT_GNUPLOT", "", 1);
    shp_problem *pb = retention_problem(dir, 0.002, 5, "{\"sigma\": {\"retention\": 0.002}}");
    shp_problem_destroy(pb);
    cr_assert_eq(tu_run(SHPFIT " fit %s/post.json --out %s/out > %s/log 2>&1", dir, dir, dir), 0);
    cr_expect(tu_exists(tu_file_in(dir, "out/result.json")));
    cr_expect(tu_exists(tu_file_in(dir, "out/posterior.json")));
    cr_expect(tu_exists(tu_file_in(dir, "out/posterior_samples.csv")));
    cr_expect_eq(tu_run("grep -q 'DREAM(ZS)' %s/log && grep -q 'R-hat <' %s/log", dir, dir), 0,
                 "the summary does not report the posterior");
    tu_remove_tree(dir);
}

/* `posterior` checks the whole fit section, not only fit.posterior: a misplaced key is
 * named (here fit.posterior put inside fit.stop). */
Test(posterior, the_rest_of_the_fit_section_is_checked_too, .timeout = 60)
{
    char dir[256], msg[4096];
    tu_make_tmp(dir, sizeof dir, "postbad");
    shp_problem *pb = retention_problem(dir, 0.002, 3, NULL);
    shp_problem_destroy(pb);
    char *text = tu_slurp(tu_file_in(dir, "post.json"));
    cJSON *root = cJSON_Parse(text);
    free(text);
    cJSON_AddItemToObject(cJSON_GetObjectItem(root, "fit"), "stop", cJSON_Parse("{\"generations\": 5, \"posterior\": {}}"));
    char *out = cJSON_Print(root);
    FILE *f = fopen(tu_file_in(dir, "post.json"), "w");
    fputs(out, f);
    fclose(f);
    cJSON_free(out);
    cJSON_Delete(root);
    const int rc = tu_run(SHPFIT " posterior %s/post.json --out %s/out > %s/msg 2>&1", dir, dir, dir);
    char *m = tu_slurp(tu_file_in(dir, "msg"));
    snprintf(msg, sizeof msg, "%s", m ? m : "");
    free(m);
    cr_expect_eq(rc, 2, "exit %d: %s", rc, msg);
    cr_expect(strstr(msg, "fit.stop.posterior") != NULL, "%s", msg);
    tu_remove_tree(dir);
}

static double post_mean(const char *path, const char *name, double *sd)
{
    char *text = tu_slurp(path);
    cJSON *j = cJSON_Parse(text);
    free(text);
    cr_assert_not_null(j, "%s", path);
    const cJSON *p = cJSON_GetObjectItem(cJSON_GetObjectItem(j, "parameters"), name);
    cr_assert_not_null(p, "%s: %s", path, name);
    const double m = cJSON_GetObjectItem(p, "mean")->valuedouble;
    *sd = cJSON_GetObjectItem(p, "sd")->valuedouble;
    cJSON_Delete(j);
    return m;
}

/* `posterior --start RESULT.json` samples the posterior a fit's fit.posterior samples,
 * started around the same optimum; a file that is no fit's result is refused. */
Test(posterior, start_from_a_fits_result, .timeout = 120)
{
    char dir[256], a[512], b[512];
    tu_make_tmp(dir, sizeof dir, "poststart");
    setenv("SHPFIT_GNUPLOT", "", 1);
    shp_problem *pb = retention_problem(dir, 0.002, 5, "{\"sigma\": {\"retention\": 0.002}}");
    shp_problem_destroy(pb);
    cr_assert_eq(tu_run(SHPFIT " fit %s/post.json --out %s/fit > /dev/null 2>&1", dir, dir), 0);
    cr_assert_eq(tu_run(SHPFIT " posterior %s/post.json --start %s/fit/result.json --out %s/post > %s/log 2>&1", dir,
                        dir, dir, dir),
                 0);
    snprintf(a, sizeof a, "%s/fit/posterior.json", dir);
    snprintf(b, sizeof b, "%s/post/posterior.json", dir);
    static const char *const names[3] = {"s.theta_s", "s.alpha", "s.n"};
    for (int k = 0; k < 3; ++k) {
        double sa, sb;
        const double ma = post_mean(a, names[k], &sa), mb = post_mean(b, names[k], &sb);
        cr_log_info("%s: fit.posterior %.6g ± %.3g, posterior --start %.6g ± %.3g", names[k], ma, sa, mb, sb);
        cr_expect(fabs(ma - mb) < 0.3 * sa, "%s: means %g and %g", names[k], ma, mb);
        cr_expect(fabs(sb / sa - 1.0) < 0.25, "%s: sd %g and %g", names[k], sa, sb);
    }
    cr_expect_eq(tu_run(SHPFIT " posterior %s/post.json --start %s/post.json --out %s/bad > %s/msg 2>&1", dir, dir, dir,
                        dir),
                 2);
    cr_expect_eq(tu_run("grep -q 'post.json: parameters: missing' %s/msg", dir), 0);
    tu_remove_tree(dir);
}
