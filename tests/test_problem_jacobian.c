/* The inverse problem's exact residual Jacobian (shp_problem_evaluate_jacobian) against
 * central differences of its residuals, and the Levenberg–Marquardt polish driven by it.
 *
 * The loam of `make run` (kirchhoff faces, fill counted, initial state given as θ, so the
 * initial heads move with the parameters) on the fixed schedule, where the residuals are
 * smooth in the parameters; three sets of search variables cover the chain from the unit
 * box to the model parameters: plain parameters on linear and log scales, α/Ks with a
 * free Ks (α moves with both), and v/Ks. A retention-and-conductivity fit without a
 * column checks the hydraulic functions' own derivatives. */
#include <criterion/criterion.h>
#include <criterion/logging.h>

#include <cjson/cJSON.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "problem_checks.h"
#include "test_util.h"

#include "shpfit/batch.h"
#include "shpfit/fit.h"
#include "shpfit/lm.h"
#include "shpfit/problem.h"

/* configs/fit_loam.json with `params` as fit.parameters, the fixed schedule and absolute
 * observation paths, written into dir; returns the loaded problem. */
static shp_problem *loam_problem(const char *dir, const char *params_json, const char *name)
{
    FILE *f = fopen("../configs/fit_loam.json", "r");
    cr_assert(f);
    static char text[1 << 16];
    const size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[n] = '\0';
    cJSON *root = cJSON_Parse(text);
    cr_assert(root);
    cJSON *solver = cJSON_GetObjectItem(root, "solver");
    cJSON_AddStringToObject(solver, "step_control", "fixed");
    cJSON_AddNumberToObject(solver, "dt_max", 1.0);
    cJSON_AddNumberToObject(solver, "tol_theta", 1e-10);
    cJSON_AddNumberToObject(solver, "tol_h", 1e-9);
    cJSON_AddNumberToObject(solver, "tol_mass", 1e-13);
    cJSON_AddNumberToObject(solver, "max_iter", 40);
    cJSON *fit = cJSON_GetObjectItem(root, "fit");
    cJSON_ReplaceItemInObject(fit, "parameters", cJSON_Parse(params_json));
    cJSON *obs = cJSON_GetObjectItem(fit, "observations");
    char cwd[PATH_MAX], path[PATH_MAX + 64];
    cr_assert(getcwd(cwd, sizeof cwd));
    static const char *const kinds[] = {"theta_final", "v", "Q"};
    for (int k = 0; k < 3; ++k) {
        cJSON *o = cJSON_GetObjectItem(obs, kinds[k]);
        snprintf(path, sizeof path, "%s/../configs/data/loam_obs/%s.csv", cwd, kinds[k]);
        cJSON_ReplaceItemInObject(o, "file", cJSON_CreateString(path));
    }
    snprintf(path, sizeof path, "%s/%s.json", dir, name);
    return write_and_load(root, path);
}

Test(problem_jacobian, exact_residual_jacobian_matches_central_differences, .timeout = 300)
{
    char dir[256];
    tu_make_tmp(dir, sizeof dir, "jac");
    static const char *const sets[][2] = {
        {"plain, linear and log", "{\"loam.theta_s\": [0.35, 0.55], \"loam.alpha\": {\"bounds\": "
                                  "[0.001, 0.2], \"scale\": \"log\"}, \"loam.n\": [1.05, 3.0], "
                                  "\"loam.Ks\": {\"bounds\": [0.0001, 0.6], \"scale\": \"log\"}}"},
        {"alpha/Ks with a free Ks", "{\"loam.theta_s\": [0.35, 0.55], \"loam.alpha/Ks\": {\"bounds\": "
                                    "[0.2, 20], \"scale\": \"log\"}, \"loam.n\": [1.05, 3.0], "
                                    "\"loam.Ks\": {\"bounds\": [0.0001, 0.6], \"scale\": \"log\"}}"},
        {"v/Ks", "{\"loam.theta_r\": [0.01, 0.12], \"loam.alpha\": [0.005, 0.1], \"loam.n\": [1.1, 2.5], "
                 "\"loam.v/Ks\": {\"bounds\": [2, 60], \"scale\": \"log\"}}"},
    };
    for (size_t s = 0; s < sizeof sets / sizeof sets[0]; ++s) {
        shp_problem *pb = loam_problem(dir, sets[s][1], "case");
        const int dim = shp_problem_dim(pb);
        double u[16];
        for (int j = 0; j < dim; ++j) u[j] = 0.35 + 0.1 * j; /* away from the truth and the box */
        cr_log_info("%s:", sets[s][0]);
        const double w = compare_jacobian(pb, u, 1e-5);
        cr_expect(w <= 1e-4, "%s: exact Jacobian off by %.3e of a column's scale", sets[s][0], w);
        shp_problem_destroy(pb);
    }
    tu_remove_tree(dir);
}

/* The polish with exact Jacobians reaches the cost the differences reach from the same
 * start, with fewer columns. */
Test(problem_jacobian, exact_polish_matches_differences_with_fewer_columns, .timeout = 300)
{
    char dir[256];
    tu_make_tmp(dir, sizeof dir, "jacp");
    shp_problem *pb = loam_problem(dir, "{\"loam.theta_s\": [0.35, 0.55], \"loam.alpha\": {\"bounds\": "
                                        "[0.001, 0.2], \"scale\": \"log\"}, \"loam.n\": [1.05, 3.0], "
                                        "\"loam.Ks\": {\"bounds\": [0.0001, 0.6], \"scale\": \"log\"}}",
                                   "polish");
    const int dim = shp_problem_dim(pb);
    shp_fit_step st;
    shp_step_space sp;
    shp_step_space_whole(pb, &st, &sp);
    sp.sum = 0; /* one least-squares problem: the Jacobians compared */
    shp_backend *be = shp_backend_cpu_create(2);
    double cost[2];
    long evals[2];
    for (int e = 0; e < 2; ++e) {
        shp_lm_settings s = shp_lm_settings_default();
        s.jacobian = e ? SHP_LM_JACOBIAN_EXACT : SHP_LM_JACOBIAN_DIFFERENCES;
        double u[16];
        for (int j = 0; j < dim; ++j) u[j] = 0.4 + 0.05 * j;
        shp_fit_polish_info info;
        memset(&info, 0, sizeof info);
        char err[256];
        cr_assert_eq(shp_fit_polish(pb, be, &s, &sp, u, &info, err, sizeof err), SHP_OK, "%s", err);
        cost[e] = info.cost_end;
        evals[e] = info.evaluations;
        cr_log_info("polish with %s Jacobians: cost %.6e → %.6e in %d iterations, %ld columns",
                    e ? "exact" : "difference", info.cost_start, info.cost_end, info.iterations,
                    info.evaluations);
    }
    cr_expect(cost[1] <= cost[0] * 1.01 + 1e-12, "exact %.6e, differences %.6e", cost[1], cost[0]);
    cr_expect_lt(evals[1], evals[0]);
    shp_backend_destroy(be);
    shp_problem_destroy(pb);
    tu_remove_tree(dir);
}
