/* Building a problem in code (shpfit/problem.h, shp_forward_create): the loam problem of
 * examples/loam_problem.c is the problem configs/fit_loam.json loads, residual for
 * residual, and every builder call that is given something wrong names the field. */
#include <criterion/criterion.h>
#include <criterion/logging.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "shpfit/config.h"
#include "../examples/loam_problem.h"
#include "shpfit/fit.h"
#include "shpfit/models.h"
#include "shpfit/rng.h"

Test(problem_build, the_loam_built_in_code_is_the_loam_of_its_config, .timeout = 120)
{
    char err[4096];
    shp_problem *file = NULL, *code = NULL;
    cr_assert_eq(shp_problem_load("../configs/fit_loam.json", &file, err, sizeof err), SHP_OK, "%s", err);
    cr_assert_eq(loam_problem_build("../configs/data/loam_obs", &code, err, sizeof err), SHP_OK, "%s", err);
    const int dim = shp_problem_dim(file), n_obj = shp_problem_n_obj(file), n_res = shp_problem_n_residuals(file);
    cr_assert_eq(shp_problem_dim(code), dim);
    cr_assert_eq(shp_problem_n_obj(code), n_obj);
    cr_assert_eq(shp_problem_n_residuals(code), n_res);
    for (int j = 0; j < dim; ++j) {
        double lo[2], hi[2];
        int lg[2];
        shp_problem_var_bounds(file, j, &lo[0], &hi[0], &lg[0]);
        shp_problem_var_bounds(code, j, &lo[1], &hi[1], &lg[1]);
        cr_expect_str_eq(shp_problem_var_name(code, j), shp_problem_var_name(file, j));
        cr_expect(lo[0] == lo[1] && hi[0] == hi[1] && lg[0] == lg[1], "variable %d's bounds differ", j);
    }
    for (int k = 0; k < n_obj; ++k) cr_expect_eq(shp_problem_obj_kind(code, k), shp_problem_obj_kind(file, k));
    /* four candidates, the truth among them: the same objectives and residuals, bit for bit */
    enum { N = 4 };
    double u[N * SHP_MAX_FREE], f[2][N * SHP_OBS_COUNT], r[2][N * 256];
    int ok[2][N];
    cr_assert(n_res <= 256);
    shp_rng rng;
    shp_rng_init(&rng, 7, 0, 0, 0);
    for (int i = 0; i < N * dim; ++i) u[i] = 0.1 + 0.8 * shp_rng_uniform(&rng);
    const double truth[4] = {0.43, 0.036, 1.56, 0.01733};
    for (int j = 0; j < dim; ++j) u[j] = shp_problem_var_unit(file, j, truth[j]);
    shp_backend *be = shp_backend_cpu_create(1);
    cr_assert_eq(shp_problem_evaluate_residuals(file, be, u, N, f[0], ok[0], r[0]), SHP_OK);
    cr_assert_eq(shp_problem_evaluate_residuals(code, be, u, N, f[1], ok[1], r[1]), SHP_OK);
    for (int i = 0; i < N; ++i) cr_expect(ok[0][i] && ok[1][i], "candidate %d failed", i);
    cr_expect_eq(memcmp(f[0], f[1], sizeof(double) * N * n_obj), 0, "objectives differ");
    cr_expect_eq(memcmp(r[0], r[1], sizeof(double) * N * n_res), 0, "residuals differ");
    /* on the fitted grid the truth scores 0.1155 against the reference run (the config's comment) */
    cr_expect(fabs(f[1][0] + f[1][1] + f[1][2] - 0.1155) < 5e-4, "truth's psi sum %g", f[1][0] + f[1][1] + f[1][2]);
    shp_backend_destroy(be);
    shp_problem_destroy(file);
    shp_problem_destroy(code);
}

/* A curve problem of two θ(h) points per decade, from the loam itself: no column. */
static shp_problem *curve_problem(void)
{
    const shp_material loam = shp_material_vgm(0.078, 0.43, 0.036, 1.56, 0.01733, 0.5);
    shp_forward_spec spec = {.n_materials = 1, .material_names = (const char *const[]){"loam"}, .materials = &loam};
    shp_forward_problem *fp = NULL;
    char err[512];
    cr_assert_eq(shp_forward_create(&spec, &fp, err, sizeof err), SHP_OK, "%s", err);
    cr_assert((shp_forward_column(fp)->n == 0));
    shp_problem *pb = NULL;
    cr_assert_eq(shp_problem_create(fp, &pb), SHP_OK);
    return pb;
}

Test(problem_build, a_retention_curve_in_code_scores_zero_at_the_truth)
{
    shp_problem *pb = curve_problem();
    const shp_material loam = shp_forward_materials(shp_problem_forward(pb))[0];
    double h[10], theta[10];
    for (int i = 0; i < 10; ++i) {
        h[i] = -pow(10.0, 0.5 * i);
        double K, C, dK;
        shp_hyd_eval(&loam, h[i], &theta[i], &K, &C, &dK);
    }
    const shp_observations ob = {.kind = SHP_OBS_RETENTION, .n = 10, .x = h, .y = theta};
    cr_assert_eq(shp_problem_add_observations(pb, &ob), SHP_OK, "%s", shp_problem_errmsg(pb));
    cr_assert_eq(shp_problem_add_parameter(pb, "alpha", NULL, SHP_SCALE_DEFAULT), SHP_OK, "%s",
                 shp_problem_errmsg(pb));
    cr_assert_eq(shp_problem_add_parameter(pb, "loam.n", NULL, SHP_SCALE_DEFAULT), SHP_OK);
    cr_assert_eq(shp_problem_prepare(pb), SHP_OK, "%s", shp_problem_errmsg(pb));
    cr_expect_eq(shp_problem_needs_column(pb), 0);
    cr_expect_eq(shp_problem_n_obj(pb), 1);
    double u[2] = {shp_problem_var_unit(pb, 0, 0.036), shp_problem_var_unit(pb, 1, 1.56)}, f;
    int ok;
    shp_backend *be = shp_backend_cpu_create(1);
    cr_assert_eq(shp_problem_evaluate(pb, be, u, 1, &f, &ok), SHP_OK);
    cr_expect(ok && f < 1e-12, "psi at the truth %g", f);
    shp_backend_destroy(be);
    shp_problem_destroy(pb);
}

static void expect_message(const shp_problem *pb, int rc, const char *want)
{
    cr_expect_neq(rc, SHP_OK, "accepted; expected \"%s\"", want);
    cr_expect(strstr(shp_problem_errmsg(pb), want) != NULL, "message \"%s\" lacks \"%s\"", shp_problem_errmsg(pb),
              want);
}

Test(problem_build, every_wrong_call_names_its_field)
{
    double h[3] = {-10, -100, -1000}, theta[3] = {0.4, 0.3, 0.2}, bad[3] = {0.4, 1.3, 0.2};
    const double lohi[2] = {3.0, 1.5};
    shp_problem *pb = curve_problem();
    expect_message(pb, shp_problem_add_parameter(pb, "loam.m", NULL, SHP_SCALE_DEFAULT),
                   "fit.parameters.loam.m: model vgm has no parameter \"m\"");
    expect_message(pb, shp_problem_add_parameter(pb, "clay.n", NULL, SHP_SCALE_DEFAULT),
                   "fit.parameters.clay.n: unknown material \"clay\"");
    expect_message(pb, shp_problem_add_parameter(pb, "loam.n", lohi, SHP_SCALE_DEFAULT),
                   "fit.parameters.loam.n: bounds must satisfy lo < hi (got 3, 1.5)");
    expect_message(pb, shp_problem_add_parameter(pb, "loam.alpha", (double[]){1e-12, 0.1}, SHP_SCALE_LOG),
                   "fit.parameters.loam.alpha: lo 1e-12 is not a plausible bound");
    cr_expect_eq(shp_problem_dim(pb), 0, "a refused parameter was kept");
    expect_message(pb, shp_problem_add_observations(pb, &(shp_observations){.kind = SHP_OBS_RETENTION, .n = 3, .x = h,
                                                                            .y = bad, .source = "lab.csv",
                                                                            .line = (const long[]){2, 3, 4}}),
                   "fit.observations.retention.file: lab.csv: line 3: theta 1.3 is outside [0, 1]");
    expect_message(pb, shp_problem_add_observations(pb, &(shp_observations){.kind = SHP_OBS_Q, .n = 3, .x = h,
                                                                            .y = theta}),
                   "fit.observations.Q: needs a column");
    expect_message(pb, shp_problem_set_objectives(pb, 1, (const int[]){SHP_OBS_CONDUCTIVITY}, 0),
                   "fit.objectives[0]: objective \"conductivity\" has no observations");
    expect_message(pb, shp_problem_prepare(pb), "fit.observations: no observations");
    double u = 0.5, f;
    int ok;
    shp_backend *be = shp_backend_cpu_create(1);
    expect_message(pb, shp_problem_evaluate(pb, be, &u, 1, &f, &ok), "evaluated before shp_problem_prepare");
    shp_backend_destroy(be);
    shp_problem_destroy(pb);

    pb = curve_problem();
    cr_assert_eq(shp_problem_add_observations(pb, &(shp_observations){.kind = SHP_OBS_RETENTION, .n = 3, .x = h,
                                                                      .y = theta}), SHP_OK);
    cr_assert_eq(shp_problem_add_parameter(pb, "loam.v/Ks", NULL, SHP_SCALE_DEFAULT), SHP_OK);
    expect_message(pb, shp_problem_prepare(pb), "v/Ks needs infiltration-rate observations");
    shp_problem_destroy(pb);
}

Test(problem_build, a_forward_spec_is_checked_before_anything_is_copied)
{
    const shp_material loam = shp_material_vgm(0.078, 0.43, 0.036, 1.56, 0.01733, 0.5);
    const double z[4] = {0, 1, 3, 2}, t[2] = {1, 2}, init[4] = {0.2, 0.2, 0.2, 0.2};
    const int mat[4] = {0};
    const shp_forward_spec good = {
        .n_materials = 1, .material_names = (const char *const[]){"loam"}, .materials = &loam,
        .column = {.n = 3, .z = z, .mat_of_node = mat, .top = {.type = SHP_BC_HEAD, .value = 1.0},
                   .bottom = {.type = SHP_BC_FREE_DRAINAGE}, .opt = shp_solver_opts_default(), .n_out = 2, .t_out = t},
        .init_var = SHP_INIT_THETA, .init_values = init};
    char err[512];
    shp_forward_problem *fp = NULL;
    cr_assert_eq(shp_forward_create(&good, &fp, err, sizeof err), SHP_OK, "%s", err);
    cr_expect_eq(shp_forward_column(fp)->n, 3);
    cr_expect(shp_forward_h_init(fp)[0] < 0.0 && shp_forward_h_init(fp)[0] == shp_forward_h_init(fp)[2], "heads from theta");
    shp_forward_destroy(fp);
    struct {
        shp_forward_spec spec;
        const char *want;
    } bad[] = {{good, "units.length: unknown unit \"ft\""},
               {good, "profile: node depths must increase (node 3: 2)"},
               {good, "top.forcing: at least one interval"},
               {good, "initial: a value outside its node's material range"},
               {good, "output.times[1]: times must be > 0 and increase"},
               {good, "top: forcing and root uptake need an atmospheric top"},
               {good, "top.forcing: times must increase (interval 1)"},
               {good, "roots: the weights sum to 0.9, not 1"},
               {good, "materials.loam: "}};
    bad[0].spec.length_unit = "ft";
    bad[1].spec.column.n = 4;
    bad[2].spec.column.top.type = SHP_BC_ATMOSPHERIC;
    bad[3].spec.init_values = (const double[]){0.2, 0.5, 0.2, 0.2};
    bad[4].spec.column.t_out = (const double[]){2, 1};
    bad[5].spec.n_forcing = 1;
    /* two intervals: times, P − E_p, T_p, P, E_p */
    const double forcing[10] = {0, 0, 0.1, 0.1, 0.01, 0.01, 0.2, 0.2, 0.1, 0.1};
    for (int k = 6; k <= 7; ++k) {
        bad[k].spec.column.top.type = SHP_BC_ATMOSPHERIC;
        bad[k].spec.column.h_crit = -1e4;
        bad[k].spec.n_forcing = 2;
        bad[k].spec.forcing = forcing;
        bad[k].spec.forcing_end = 2;
    }
    double forcing_ok[10];
    memcpy(forcing_ok, forcing, sizeof forcing);
    forcing_ok[1] = 1;
    bad[7].spec.forcing = forcing_ok;
    bad[7].spec.column.root_w = (const double[]){0.5, 0.4, 0.0};
    shp_material wrong = loam;
    wrong.p[SHP_VGM_THETA_R] = 0.5; /* above θs */
    bad[8].spec.materials = &wrong;
    /* ... which waits while a parameter is missing (a curve fit's placeholder) */
    shp_forward_spec waits = bad[8].spec;
    waits.missing = (const unsigned[]){1u << SHP_VGM_ALPHA};
    waits.column = (shp_column){0};
    cr_expect_eq(shp_forward_create(&waits, &fp, err, sizeof err), SHP_OK, "%s", err);
    cr_expect_eq(shp_forward_missing(fp, 0), 1u << SHP_VGM_ALPHA);
    shp_forward_destroy(fp);
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; ++k) {
        fp = NULL;
        cr_expect_neq(shp_forward_create(&bad[k].spec, &fp, err, sizeof err), SHP_OK, "case %zu accepted", k);
        cr_expect_null(fp);
        cr_expect(strstr(err, bad[k].want) != NULL, "message \"%s\" lacks \"%s\"", err, bad[k].want);
    }
}

/* The configuration loader is a client of shp_forward_create: a field problem (an
 * atmospheric top with daily forcing, root uptake) given again in code, from what the
 * loaded one reports, is the same problem and runs to the same bits. */
Test(problem_build, a_field_problem_given_again_in_code_is_the_same, .timeout = 120)
{
    shp_forward_problem *fp = NULL, *again = NULL;
    char err[1024];
    cr_assert_eq(shp_forward_load("../configs/field_manhattan_forward.json", &fp, err, sizeof err), SHP_OK, "%s", err);
    const shp_column *col = shp_forward_column(fp);
    cr_assert_eq(col->top.type, SHP_BC_ATMOSPHERIC);
    cr_assert_not_null(col->root_w);
    const char *names[16];
    cr_assert_leq(shp_forward_n_materials(fp), 16);
    for (int i = 0; i < shp_forward_n_materials(fp); ++i) names[i] = shp_forward_material_name(fp, i);
    shp_forward_spec spec = {
        .length_unit = shp_forward_length_unit(fp), .time_unit = shp_forward_time_unit(fp),
        .n_materials = shp_forward_n_materials(fp), .material_names = names, .materials = shp_forward_materials(fp),
        .column = *col, .n_obs_depth = col->n_obs, .obs_depth = shp_forward_obs_depth(fp),
        .init_var = shp_forward_init_var(fp), .init_values = shp_forward_init_values(fp),
        .n_forcing = shp_forward_n_forcing(fp), .forcing = shp_forward_forcing(fp),
        .forcing_end = shp_forward_forcing_end(fp)};
    cr_assert_eq(shp_forward_create(&spec, &again, err, sizeof err), SHP_OK, "%s", err);
    const shp_column *c2 = shp_forward_column(again);
    const int n = col->n;
    cr_expect_eq(c2->n, n);
    cr_expect_eq(c2->top.n, col->top.n);
    cr_expect_eq(memcmp(c2->top.v, col->top.v, (size_t)col->top.n * sizeof(double)), 0, "P - E_p");
    cr_expect_eq(memcmp(c2->transp.v, col->transp.v, (size_t)col->transp.n * sizeof(double)), 0, "T_p");
    cr_expect_eq(memcmp(c2->root_w, col->root_w, (size_t)n * sizeof(double)), 0, "root weights");
    cr_expect_eq(memcmp(shp_forward_h_init(again), shp_forward_h_init(fp), (size_t)n * sizeof(double)), 0);
    cr_expect_str_eq(shp_forward_source(again), "(built in code)");
    cr_expect_null(shp_forward_config(again));
    /* the first 60 days of both */
    shp_column a = *col, b = *c2;
    a.n_out = b.n_out = col->n_out < 60 ? col->n_out : 60;
    shp_column_result ra, rb;
    cr_assert_eq(shp_column_result_alloc(&a, &ra), SHP_OK);
    cr_assert_eq(shp_column_result_alloc(&b, &rb), SHP_OK);
    shp_column_run_cpu(&a, shp_forward_materials(fp), shp_forward_h_init(fp), &ra);
    shp_column_run_cpu(&b, shp_forward_materials(again), shp_forward_h_init(again), &rb);
    cr_expect_eq(ra.stats.status, SHP_OK);
    cr_expect_eq(ra.stats.steps, rb.stats.steps);
    cr_expect_eq(memcmp(ra.block, rb.block, (size_t)shp_column_out_doubles(&a) * sizeof(double)), 0, "outputs");
    shp_column_result_free(&ra);
    shp_column_result_free(&rb);
    shp_forward_destroy(again);
    shp_forward_destroy(fp);
}
