/* The JSON configuration loader: every bad input gives a message naming the file and
 * the field; good inputs give the column the schema promises (docs/config.md).
 * Runs with cwd = tests/. */
#include <criterion/criterion.h>
#include <glob.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "shpfit/config.h"
#include "shpfit/forward.h"

typedef struct {
    const char *file;  /* under data/bad/ */
    const char *field; /* text the message must contain besides the file name */
} bad_case;

static const bad_case bad_cases[] = {
    {"malformed.json", "line 6"},
    {"solver_fixed_no_dt_max.json", "solver.dt_max: is required with step_control \"fixed\""},
    {"solver_step_control_unknown.json", "solver.step_control"},
    {"truncated.json", "unexpected end of file"},
    {"trailing_garbage.json", "line 51"},
    {"empty.json", "malformed JSON"},
    {"not_object.json", "top level"},
    {"missing_param.json", "materials.loam.n: missing required field"},
    {"missing_section.json", "top: missing required field"},
    {"wrong_type.json", "profile.depth: expected a number, got a string"},
    {"wrong_type_object.json", "initial: expected an object"},
    {"nonfinite.json", "materials.loam.Ks: must be a finite number"},
    {"theta_order.json", "materials.loam: theta_r must be < theta_s (0.5 >= 0.43)"},
    {"n_le_1.json", "materials.loam.n: must be > 1 (got 0.9)"},
    {"alpha_zero.json", "materials.loam.alpha: must be > 0"},
    {"negative_Ss.json", "materials.loam.Ss: must be >= 0"},
    {"negative_depth.json", "profile.depth: must be > 0 (got -100)"},
    {"zero_depth.json", "profile.depth: must be > 0"},
    {"few_nodes.json", "profile.nodes: must be >= 3"},
    {"fractional_nodes.json", "profile.nodes: must be an integer"},
    {"ratio_zero.json", "profile.ratio: must be > 0"},
    {"ratio_missing.json", "profile.ratio: missing required field"},
    {"unknown_grid.json", "profile.grid: unknown value \"log\" (valid: uniform, geometric, graded, nodes)"},
    {"nodes_decreasing.json", "profile.z[2]: depths must increase strictly (5 after 10)"},
    {"nodes_short.json", "profile.z[3]: the last node must be at the column depth 100 (got 90)"},
    {"layers_not_increasing.json", "profile.layers[1].bottom"},
    {"layers_short.json", "profile.layers[0].bottom: the last layer must reach profile.depth"},
    {"layers_too_deep.json", "profile.layers[1].bottom"},
    {"layer_without_node.json", "profile.layers[1]: no node"},
    {"unknown_material.json", "profile.layers[0].material: unknown material \"clay\""},
    {"times_unsorted.json", "output.times[2]: times must be strictly increasing"},
    {"times_nonpositive.json", "output.times[0]: must be > 0"},
    {"times_empty.json", "output.times: must not be empty"},
    {"times_every_zero.json", "output.times.every: must be > 0"},
    {"unknown_top.json", "top.type: unknown value \"free_drainage\" (valid: head, flux, zero_flux, atmospheric)"},
    {"unknown_bottom.json", "bottom.type: unknown value \"gravity\" (valid: free_drainage, head, zero_flux, flux, deep_drainage)"},
    {"top_value_missing.json", "top.value: missing required field"},
    {"top_value_and_table.json", "top: give either"},
    {"table_unsorted.json", "top.table[2][0]: table times must be strictly increasing"},
    {"table_bad_row.json", "top.table[1]"},
    {"bottom_value_unused.json", "bottom.value: unknown key"},
    {"deep_drainage_no_a.json", "bottom.a: missing required field"},
    {"material_name_dot.json", "materials.a.b: a material name has no '.'"},
    {"deep_drainage_value.json", "bottom.value: unknown key"},
    {"deep_drainage_top.json", "top.type: unknown value \"deep_drainage\""},
    {"unknown_model.json", "materials.loam.model: unknown model \"vgx\" (did you mean \"vgm\"? valid: vgm, haverkamp, gardner, vgm_ae, "},
    {"unknown_scheme.json", "solver.scheme: unknown value \"euler\" (valid: picard, newton)"},
    {"unknown_kmean.json", "solver.k_mean: unknown value \"harmonic\""},
    {"unknown_boundary_fill.json", "solver.boundary_fill: unknown value \"yes\" (valid: ignored, counted)"},
    {"solver_negative_tol.json", "solver.tol_theta: must be > 0"},
    {"solver_dt_order.json", "solver.dt_max: must be >= dt_min"},
    {"obs_outside.json", "output.observation_depths[1]: must lie within the column"},
    {"obs_negative.json", "output.observation_depths[0]"},
    {"se_range.json", "initial.value: se 1.5 is outside (0, 1]"},
    {"se_zero.json", "initial.value"},
    {"theta_range.json", "initial.value: theta 0.05 is outside"},
    {"initial_unknown_type.json", "initial.type: unknown value \"pressure\""},
    {"initial_stray_key.json", "initial.water_table: unknown key"},
    {"unknown_key.json", "materials.loam.theta_S: unknown key"},
    {"unknown_key_profile.json", "profile.nodez: unknown key"},
    {"unknown_units.json", "units.length: unknown value \"inch\" (valid: mm, cm, m)"},
    {"duplicate_key.json", "materials.loam.n: key given twice"},
    {"csv_missing.json", "initial.file: data/bad/csv/does_not_exist.csv: cannot open"},
    {"csv_nan.json", "initial.file: data/bad/csv/nan.csv: line 4: h is not a finite number"},
    {"csv_malformed.json", "initial.file: data/bad/csv/malformed.csv: line 3"},
    {"csv_nonmonotonic.json", "initial.file: data/bad/csv/nonmonotonic.csv: line 4: depth must increase"},
    {"csv_short.json", "initial.file: data/bad/csv/short.csv: depths 10 to 100 do not cover"},
    {"csv_theta_range.json", "initial.file: data/bad/csv/theta_range.csv: at depth"},
    {"csv_empty.json", "initial.file: data/bad/csv/empty.csv: no data rows"},
    {"memory_all_profiles.json", "output: the results of one column need"},
    {"memory_limit_small.json", "over output.memory_limit_mb = 0.001"},
};

Test(config, every_bad_config_names_file_and_field)
{
    const int n = (int)(sizeof bad_cases / sizeof bad_cases[0]);
    for (int i = 0; i < n; ++i) {
        char path[256], err[1024];
        snprintf(path, sizeof path, "data/bad/%s", bad_cases[i].file);
        shp_forward_problem *fp = (shp_forward_problem *)1;
        const int rc = shp_forward_load(path, &fp, err, sizeof err);
        cr_expect_neq(rc, SHP_OK, "%s: accepted", path);
        cr_expect_null(fp, "%s: problem returned on failure", path);
        char prefix[300];
        snprintf(prefix, sizeof prefix, "%s: ", path);
        cr_expect(strncmp(err, prefix, strlen(prefix)) == 0, "%s: message does not start with the file: %s",
                  path, err);
        cr_expect(strstr(err, bad_cases[i].field) != NULL, "%s: expected \"%s\" in: %s", path,
                  bad_cases[i].field, err);
        shp_forward_destroy(fp);
    }
}

Test(config, every_bad_fixture_is_in_the_table)
{
    glob_t g;
    cr_assert_eq(glob("data/bad/*.json", 0, NULL, &g), 0);
    const int n = (int)(sizeof bad_cases / sizeof bad_cases[0]);
    for (size_t k = 0; k < g.gl_pathc; ++k) {
        int found = 0;
        for (int i = 0; i < n && !found; ++i) found = !strcmp(g.gl_pathv[k] + 9, bad_cases[i].file);
        cr_expect(found, "%s has no expected message in bad_cases", g.gl_pathv[k]);
    }
    globfree(&g);
}

/* a config that cannot be read is bad input (exit 2), like one that cannot be parsed */
Test(config, missing_file_is_a_config_error)
{
    char err[256];
    shp_forward_problem *fp;
    cr_expect_eq(shp_forward_load("data/does_not_exist.json", &fp, err, sizeof err), SHP_ERR_CONFIG);
    cr_expect(strstr(err, "data/does_not_exist.json: cannot read") != NULL, "%s", err);
    shp_forward_destroy(NULL); /* accepted */
}

static shp_forward_problem *load(const char *path)
{
    char err[1024];
    shp_forward_problem *fp = NULL;
    const int rc = shp_forward_load(path, &fp, err, sizeof err);
    cr_assert_eq(rc, SHP_OK, "%s", err);
    cr_assert_not_null(fp);
    return fp;
}

Test(config, ponded_small_gives_the_documented_column)
{
    shp_forward_problem *fp = load("data/good/ponded_small.json");
    const shp_column *col = shp_forward_column(fp);
    cr_expect_str_eq(shp_forward_length_unit(fp), "cm");
    cr_expect_str_eq(shp_forward_time_unit(fp), "min");
    cr_expect_eq(shp_forward_n_materials(fp), 1);
    cr_expect_str_eq(shp_forward_material_name(fp, 0), "loam");
    cr_expect_eq(shp_forward_materials(fp)[0].model, SHP_MODEL_VGM);
    cr_expect_eq(shp_forward_materials(fp)[0].p[SHP_VGM_N], 1.56);
    cr_expect_eq(shp_forward_materials(fp)[0].p[SHP_VGM_L], 0.5);
    cr_expect_eq(col->n, 21);
    cr_expect_eq(col->z, col->z);
    cr_expect_eq(col->z[0], 0.0);
    cr_expect_eq(col->z[20], 100.0);
    cr_expect_float_eq(col->z[1], 5.0, 1e-12);
    /* Se = 0.4 in the loam: h = −135.435 cm (docs/reference_values.md §1) */
    for (int i = 0; i < col->n; ++i) cr_expect_float_eq(shp_forward_h_init(fp)[i], -135.435, 5e-4);
    cr_expect_eq(col->top.type, SHP_BC_HEAD);
    cr_expect_eq(col->top.value, 2.0);
    cr_expect_eq(col->top.n, 0);
    cr_expect_eq(col->bottom.type, SHP_BC_FREE_DRAINAGE);
    cr_expect_eq(col->n_out, 3);
    cr_expect_eq(col->t_out[2], 60.0);
    cr_expect_eq(col->n_obs, 2);
    cr_expect_eq(col->obs_node[0], 2); /* 10 cm is node 2 exactly */
    cr_expect_eq(col->obs_w[0], 0.0);
    cr_expect_eq(col->profiles_all, 0);
    const shp_solver_opts d = shp_solver_opts_default(), *o = &col->opt;
    cr_expect(d.dt_init == o->dt_init && d.dt_min == o->dt_min && d.dt_max == o->dt_max &&
                  d.tol_theta == o->tol_theta && d.tol_h == o->tol_h && d.tol_mass == o->tol_mass &&
                  d.max_iter == o->max_iter && d.grow == o->grow && d.shrink == o->shrink &&
                  d.retry == o->retry && d.max_steps == o->max_steps && d.kmean == o->kmean &&
                  d.newton == o->newton,
              "solver defaults");
    cr_expect_not_null(shp_forward_config(fp));
    shp_forward_destroy(fp);
}

Test(config, layered_fields_and_overrides)
{
    shp_forward_problem *fp = load("data/good/layered.json");
    const shp_column *col = shp_forward_column(fp);
    cr_expect_str_eq(shp_forward_length_unit(fp), "m");
    cr_expect_str_eq(shp_forward_time_unit(fp), "h");
    cr_expect_eq(shp_forward_n_materials(fp), 3);
    const int loam = shp_forward_material_index(fp, "loam");
    const int sand = shp_forward_material_index(fp, "sand");
    cr_expect_eq(shp_forward_material_index(fp, "clay"), -1);
    cr_expect_eq(shp_forward_materials(fp)[sand].p[SHP_VGM_L], 0.3);
    cr_expect_eq(shp_forward_materials(fp)[sand].Ss, 1e-6);
    cr_expect_eq(shp_forward_materials(fp)[shp_forward_material_index(fp, "unused")].model, SHP_MODEL_GARDNER);
    /* nodes every 10: the node on the boundary at 30 belongs to the upper layer */
    for (int i = 0; i < col->n; ++i)
        cr_expect_eq(col->mat_of_node[i], col->z[i] <= 30.0 ? loam : sand, "node %d", i);
    /* uniform θ = 0.3: each layer gets its own head with θ(h) = 0.3 */
    for (int i = 0; i < col->n; ++i) {
        double th, K, C, dK;
        shp_hyd_eval(&shp_forward_materials(fp)[col->mat_of_node[i]], shp_forward_h_init(fp)[i], &th, &K, &C, &dK);
        cr_expect_float_eq(th, 0.3, 1e-12, "node %d", i);
    }
    cr_expect_neq(shp_forward_h_init(fp)[0], shp_forward_h_init(fp)[10]);
    cr_expect_eq(col->top.type, SHP_BC_FLUX);
    cr_expect_eq(col->top.n, 3);
    cr_expect_eq(col->top.t[2], 40.0);
    cr_expect_eq(col->top.v[0], 0.01);
    cr_expect_eq(col->top.v[1], 0.0);
    cr_expect_eq(col->bottom.type, SHP_BC_ZERO_FLUX);
    const shp_solver_opts *o = &col->opt;
    cr_expect_eq(o->newton, 0);
    cr_expect_eq(o->kmean, SHP_KMEAN_GEOMETRIC);
    cr_expect_eq(o->dt_init, 0.01);
    cr_expect_eq(o->dt_min, 1e-8);
    cr_expect_eq(o->dt_max, 2.0);
    cr_expect_eq(o->tol_theta, 1e-5);
    cr_expect_eq(o->tol_h, 0.1);
    cr_expect_eq(o->tol_mass, 1e-10);
    cr_expect_eq(o->max_iter, 30);
    cr_expect_eq(o->grow, 1.2);
    cr_expect_eq(o->shrink, 0.6);
    cr_expect_eq(o->retry, 0.25);
    cr_expect_eq(o->max_steps, 50000);
    /* end 90 every 25: 25, 50, 75 and the end itself */
    cr_expect_eq(col->n_out, 4);
    cr_expect_eq(col->t_out[0], 25.0);
    cr_expect_eq(col->t_out[2], 75.0);
    cr_expect_eq(col->t_out[3], 90.0);
    cr_expect_eq(col->profiles_all, 1);
    cr_expect_eq(col->n_obs, 4);
    cr_expect_eq(col->obs_node[2], 3);
    cr_expect_float_eq(col->obs_w[2], 0.5, 1e-12);
    cr_expect_float_eq((1 - col->obs_w[3]) * col->z[col->obs_node[3]] +
                           col->obs_w[3] * col->z[col->obs_node[3] + 1],
                       100.0, 1e-12);
    shp_forward_destroy(fp);
}

Test(config, csv_theta_profile_is_interpolated_per_node)
{
    shp_forward_problem *fp = load("data/good/csv_theta.json");
    const shp_column *col = shp_forward_column(fp);
    cr_expect_gt(col->z[1] - col->z[0], 0.0);
    cr_expect_gt(col->z[20] - col->z[19], col->z[1] - col->z[0]); /* ratio 1.1: finer on top */
    for (int i = 0; i < col->n; ++i) {
        const double z = col->z[i];
        const double want = z <= 50 ? 0.2 + 0.1 * z / 50 : 0.3 + 0.1 * (z - 50) / 50;
        double th, K, C, dK;
        shp_hyd_eval(&shp_forward_materials(fp)[0], shp_forward_h_init(fp)[i], &th, &K, &C, &dK);
        cr_expect_float_eq(th, want, 1e-12, "node %d at %g", i, z);
    }
    cr_expect_eq(col->bottom.type, SHP_BC_HEAD);
    cr_expect_eq(col->bottom.value, -50.0);
    shp_forward_destroy(fp);
}

Test(config, hydrostatic_defaults_and_single_output)
{
    shp_forward_problem *fp = load("data/good/hydrostatic_extrapolate.json");
    const shp_column *col = shp_forward_column(fp);
    cr_expect_str_eq(shp_forward_length_unit(fp), "cm");
    cr_expect_eq(col->n, 6);
    for (int i = 0; i < col->n; ++i) cr_expect_float_eq(shp_forward_h_init(fp)[i], col->z[i] - 80.0, 1e-12);
    cr_expect_eq(col->top.type, SHP_BC_ZERO_FLUX);
    cr_expect_eq(col->bottom.type, SHP_BC_FLUX);
    cr_expect_eq(col->bottom.value, 0.01);
    cr_expect_eq(col->n_out, 1);
    cr_expect_eq(col->t_out[0], 10.0);
    cr_expect_eq(col->n_obs, 0);
    shp_forward_destroy(fp);
}

Test(config, every_shipped_config_loads)
{
    glob_t g;
    cr_assert_eq(glob("../configs/*.json", 0, NULL, &g), 0);
    cr_expect_geq(g.gl_pathc, 5);
    for (size_t k = 0; k < g.gl_pathc; ++k) shp_forward_destroy(load(g.gl_pathv[k]));
    globfree(&g);
}

Test(config, fixed_schedule_example)
{
    shp_forward_problem *fp = load("../configs/fit_loam_fixed.json");
    const shp_column *col = shp_forward_column(fp);
    cr_expect_eq(col->opt.step_control, SHP_STEP_FIXED);
    cr_expect_eq(col->opt.dt_max, 0.5);
    cr_expect_eq(col->opt.count_fill, 0, "its data were made with the fill ignored");
    cr_expect_eq(col->opt.kmean, SHP_KMEAN_ARITHMETIC, "and with the arithmetic mean");
    shp_forward_destroy(fp);
    fp = load("../configs/fit_loam.json");
    col = shp_forward_column(fp);
    cr_expect_eq(col->opt.step_control, SHP_STEP_ADAPTIVE, "adaptive is the default");
    cr_expect_eq(col->opt.count_fill, 1, "make run's fit counts the fill");
    shp_forward_destroy(fp);
    fp = load("../configs/ponded_clay_dry.json");
    col = shp_forward_column(fp);
    cr_expect_eq(col->opt.count_fill, 1);
    cr_expect_eq(col->opt.kmean, SHP_KMEAN_KIRCHHOFF);
    shp_forward_destroy(fp);
}

Test(config, ponded_loam_example_matches_the_benchmark_case)
{
    shp_forward_problem *fp = load("../configs/ponded_loam.json");
    const shp_column *col = shp_forward_column(fp);
    cr_expect_eq(col->n, 55); /* graded 0.1 cm, ratio 1.1, at most 4 cm */
    cr_expect_float_eq(col->z[1] - col->z[0], 0.1, 1e-12);
    cr_expect_float_eq((col->z[2] - col->z[1]) / (col->z[1] - col->z[0]), 1.1, 1e-9);
    cr_expect_float_eq(col->z[54] - col->z[53], 4.0, 0.5);
    cr_expect_eq(col->opt.kmean, SHP_KMEAN_KIRCHHOFF, "the default face");
    cr_expect_eq(col->opt.count_fill, 1, "the default fill");
    cr_expect_eq(col->n_out, 36);
    cr_expect_eq(col->t_out[0], 5.0);
    cr_expect_eq(col->t_out[35], 180.0);
    cr_expect_eq(col->n_obs, 3);
    cr_expect_float_eq(shp_forward_h_init(fp)[30], -135.435, 5e-4);
    shp_forward_destroy(fp);
}
