/* The atmospheric top, roots and station θ records as a user configures them: root
 * weights, the forcing file and its bad inputs, a two-year forward run of the Manhattan
 * record whose water budget closes, and a calibration problem's θ series with a
 * warm-up left out. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shpfit/config.h"
#include "shpfit/batch.h"
#include "shpfit/forward.h"
#include "shpfit/forward_output.h"
#include "shpfit/problem.h"
#include "shpfit/roots.h"
#include "test_util.h"

#define MANHATTAN "../configs/field_manhattan_forward.json"
#define MANHATTAN_FIT "../configs/field_manhattan_vgm.json"

Test(roots, weights_integrate_the_distribution_over_control_volumes)
{
    double z[11], w[11];
    for (int i = 0; i < 11; ++i) z[i] = 10.0 * i; /* 0..100 cm, half cells of 5 cm at the ends */
    shp_root_distribution d = {.shape = SHP_ROOTS_UNIFORM, .depth = 40.0};
    cr_assert_eq(shp_root_weights(&d, 11, z, w), SHP_OK);
    /* 40 cm of roots: node 0 holds 5 cm, nodes 1-3 10 cm, node 4 the 5 cm above 40 */
    cr_expect(fabs(w[0] - 5.0 / 40) < 1e-15 && fabs(w[2] - 10.0 / 40) < 1e-15 && fabs(w[4] - 5.0 / 40) < 1e-15);
    cr_expect_eq(w[5], 0.0);
    d.shape = SHP_ROOTS_LINEAR; /* b = 1 − z/40: ∫ = 20; node 1 holds ∫_5^15 = 10 − (225−25)/80 = 7.5 */
    cr_assert_eq(shp_root_weights(&d, 11, z, w), SHP_OK);
    cr_expect(fabs(w[1] - 7.5 / 20) < 1e-14, "w1 %g", w[1]);
    double s = 0.0;
    for (int i = 0; i < 11; ++i) s += w[i];
    cr_expect(fabs(s - 1.0) < 1e-14);
    d = (shp_root_distribution){.shape = SHP_ROOTS_EXPONENTIAL, .depth = 100.0, .scale = 20.0};
    cr_assert_eq(shp_root_weights(&d, 11, z, w), SHP_OK);
    const double tot = 20.0 * (1.0 - exp(-5.0));
    cr_expect(fabs(w[0] - 20.0 * (1.0 - exp(-0.25)) / tot) < 1e-14);
    const double tz[3] = {0.0, 20.0, 30.0}, tb[3] = {2.0, 2.0, 0.0};
    d = (shp_root_distribution){.shape = SHP_ROOTS_TABLE, .n = 3, .z = tz, .b = tb};
    cr_assert_eq(shp_root_weights(&d, 11, z, w), SHP_OK); /* ∫ = 40 + 10 */
    cr_expect(fabs(w[2] - (2.0 * 5.0 + 0.5 * (2.0 + 1.0) * 5.0) / 50.0) < 1e-14, "w2 %g", w[2]);
    d.n = 1;
    cr_expect_eq(shp_root_weights(&d, 11, z, w), SHP_ERR_INVALID);
    shp_feddes f;
    cr_expect_eq(shp_feddes_named("pasture", 1.0, 1440.0, &f), SHP_OK);
    cr_expect(f.h4 == -8000.0 && fabs(f.r2h - 0.5) < 1e-15 && shp_feddes_check(&f) == SHP_OK);
    cr_expect_eq(shp_feddes_named("maize", 1.0, 1.0, &f), SHP_ERR_INVALID);
    cr_expect(fabs(shp_beer_transpiration_share(2.0, 0.463) - (1.0 - exp(-0.926))) < 1e-15);
}

/* Two years of daily weather: every term of the budget, the balance within 1e-6 of the
 * precipitation, P and ET_p as the forcing file sums them. */
Test(field_config, manhattan_two_years_close_the_water_budget, .timeout = 120)
{
    shp_forward_problem *fp;
    char err[1024];
    cr_assert_eq(shp_forward_load(MANHATTAN, &fp, err, sizeof err), SHP_OK, "%s", err);
    const shp_column *col = shp_forward_column(fp);
    cr_expect_eq(shp_forward_n_forcing(fp), 731);
    cr_expect_eq(col->top.type, SHP_BC_ATMOSPHERIC);
    cr_expect_not_null(col->root_w);
    shp_column_result res;
    cr_assert_eq(shp_column_result_alloc(col, &res), SHP_OK);
    shp_column_run_cpu(col, shp_forward_materials(fp), shp_forward_h_init(fp), &res);
    cr_assert_eq(res.stats.status, SHP_OK);
    shp_water_budget b;
    shp_forward_water_budget(fp, &res, col->n_out - 1, &b);
    /* the file's precipitation column sums to 137.53 cm over 2012-2013 */
    cr_expect(fabs(b.precipitation - 137.53) < 1e-9, "P %g", b.precipitation);
    cr_expect(fabs(b.balance_error) < 1e-6 * b.precipitation, "balance %g", b.balance_error);
    const double closure = b.precipitation - b.evaporation - b.runoff - b.transpiration - b.bottom_outflow -
                           b.storage_change;
    cr_expect(fabs(closure + b.balance_error) < 1e-9, "closure %g", closure);
    cr_expect(b.evaporation > 0.0 && b.evaporation <= b.evaporation_potential + 1e-9);
    cr_expect(b.transpiration > 0.0 && b.transpiration <= b.transpiration_potential + 1e-9);
    /* Beer's law at lai 2: T_p / ET_p = 1 − exp(−0.926) */
    const double share = b.transpiration_potential / (b.transpiration_potential + b.evaporation_potential);
    cr_expect(fabs(share - (1.0 - exp(-0.926))) < 1e-12, "share %g", share);
    shp_column_result_free(&res);
    shp_forward_destroy(fp);
}

/* Write `body` as a config in dir with the forcing text beside it; load it; the error. */
/* The same two years on a tight soil (Ks 0.5 cm/d) with a shallow surface store (h_max
 * 0.5 cm): storms on an air-dry surface pond and run off, roots draw all summer. The run
 * reaches the end (a step that failed at h_max after rain on the air-dry surface used to
 * be retried at h_max down to dt_min: "not converged" on day 33) and the balance closes
 * within 1e-6 of the precipitation with every term present. */
Test(field_config, runoff_and_uptake_two_years_close_the_water_budget, .timeout = 120)
{
    shp_forward_problem *fp;
    char err[1024];
    cr_assert_eq(shp_forward_load(MANHATTAN, &fp, err, sizeof err), SHP_OK, "%s", err);
    cr_assert_eq(shp_forward_n_materials(fp), 1);
    shp_material m = shp_forward_materials(fp)[0];
    cr_assert_eq(m.model, SHP_MODEL_VGM);
    m.p[SHP_VGM_KS] = 0.5;
    shp_column col = *shp_forward_column(fp);
    col.h_max = 0.5;
    shp_column_result res;
    cr_assert_eq(shp_column_result_alloc(&col, &res), SHP_OK);
    shp_column_run_cpu(&col, &m, shp_forward_h_init(fp), &res);
    cr_assert_eq(res.stats.status, SHP_OK, "status %d at t %g", res.stats.status, res.stats.t_reached);
    shp_water_budget b;
    shp_forward_water_budget(fp, &res, shp_forward_column(fp)->n_out - 1, &b);
    cr_expect(b.runoff > 10.0, "runoff %g cm", b.runoff);
    cr_expect(b.transpiration > 10.0 && b.evaporation > 10.0 && b.bottom_outflow > 0.0, "T %g E %g D %g",
              b.transpiration, b.evaporation, b.bottom_outflow);
    cr_expect(fabs(b.balance_error) < 1e-6 * b.precipitation, "balance %g of P %g", b.balance_error, b.precipitation);
    const double closure = b.precipitation - b.evaporation - b.runoff - b.transpiration - b.bottom_outflow -
                           b.storage_change;
    cr_expect(fabs(closure + b.balance_error) < 1e-9, "closure %g", closure);
    cr_log_info("Ks 0.5: P %.2f, E %.2f, T %.2f, runoff %.2f, drainage %.2f, dS %.2f, balance %.2e cm", b.precipitation,
                b.evaporation, b.transpiration, b.runoff, b.bottom_outflow, b.storage_change, b.balance_error);
    shp_column_result_free(&res);
    shp_forward_destroy(fp);
}

static int load_variant(const char *dir, const char *forcing, const char *top, const char *extra, char *err,
                        size_t len)
{
    char path[512];
    snprintf(path, sizeof path, "%s/forcing.csv", dir);
    FILE *f = fopen(path, "w");
    fputs(forcing, f);
    fclose(f);
    snprintf(path, sizeof path, "%s/c.json", dir);
    f = fopen(path, "w");
    fprintf(f,
            "{\"units\": {\"length\": \"cm\", \"time\": \"d\"},\n"
            " \"materials\": {\"s\": {\"model\": \"vgm\", \"theta_r\": 0.067, \"theta_s\": 0.45, \"alpha\": 0.02, "
            "\"n\": 1.41, \"Ks\": 10.8}},\n"
            " \"profile\": {\"depth\": 100, \"grid\": \"uniform\", \"nodes\": 51, \"layers\": [{\"material\": \"s\", "
            "\"bottom\": 100}]},\n"
            " \"initial\": {\"type\": \"theta\", \"value\": 0.3},\n"
            " \"top\": %s,\n \"bottom\": {\"type\": \"free_drainage\"},\n"
            " \"output\": {\"times\": {\"end\": 3, \"every\": 1}}%s}\n",
            top, extra);
    fclose(f);
    shp_forward_problem *fp = NULL;
    const int rc = shp_forward_load(path, &fp, err, len);
    shp_forward_destroy(fp);
    return rc;
}

#define GOOD "date,day,precipitation_mm_per_day,et0_mm_per_day,note\n2012-01-01,0,0,2,x\n2012-01-02,1,12,1,\n2012-01-03,2,0,3,\n"
#define ATM "{\"type\": \"atmospheric\", \"forcing\": {\"file\": \"forcing.csv\"}}"

static void expect_error(const char *dir, const char *forcing, const char *top, const char *extra, const char *want)
{
    char err[1024];
    cr_expect_eq(load_variant(dir, forcing, top, extra, err, sizeof err), SHP_ERR_CONFIG, "accepted: %s", want);
    cr_expect(strstr(err, want) != NULL, "error \"%s\" lacks \"%s\"", err, want);
}

Test(field_config, forcing_and_roots_bad_input)
{
    char dir[128], err[1024];
    tu_make_tmp(dir, sizeof dir, "fieldcfg");
    cr_expect_eq(load_variant(dir, GOOD, ATM, "", err, sizeof err), SHP_OK, "%s", err);
    expect_error(dir, "day,precipitation_cm_per_day,et0_cm_per_day\n0,0,1\n2,1,1\n1,0,1\n", ATM, "",
                 "times must increase strictly");
    expect_error(dir, "day,precipitation_cm_per_day,et0_cm_per_day\n0,0,1\n1,1,1\n3,0,1\n", ATM, "",
                 "evenly spaced");
    expect_error(dir, "day,precipitation_cm_per_day,et0_cm_per_day\n0,0,1\n1,-1,1\n2,0,1\n", ATM, "",
                 "line 3: precipitation must be >= 0");
    expect_error(dir, "day,precipitation_cm_per_day,et0_cm_per_day\n0,0,1\n1,,1\n2,0,1\n", ATM, "", "line 3");
    expect_error(dir, "day,precip_cm_per_day,et0_cm_per_day\n0,0,1\n", ATM, "", "no precipitation column");
    expect_error(dir, "day,precipitation_cm_per_day,et0_cm_per_day\n1,0,1\n2,0,1\n", ATM, "", "first time must be 0");
    expect_error(dir, "day,precipitation_cm_per_day,et0_cm_per_day\n0,0,1\n1,0,1\n", ATM, "",
                 "after the atmospheric forcing");
    expect_error(dir, GOOD, ATM, ", \"roots\": {\"depth\": 30, \"feddes\": \"pasture\"}", "need a share of ET_p");
    expect_error(dir, GOOD, "{\"type\": \"atmospheric\", \"forcing\": {\"file\": \"forcing.csv\"}, \"lai\": 2}",
                 ", \"roots\": {\"depth\": 130, \"feddes\": \"pasture\"}", "below the column's bottom");
    expect_error(dir, GOOD, "{\"type\": \"atmospheric\", \"forcing\": {\"file\": \"forcing.csv\"}, \"lai\": 2}",
                 ", \"roots\": {\"depth\": 30, \"feddes\": \"pastur\"}", "unknown crop");
    expect_error(dir, GOOD, "{\"type\": \"atmospheric\", \"forcing\": {\"file\": \"forcing.csv\"}, \"lai\": 2}", "",
                 "no \"roots\" to transpire");
    expect_error(dir, GOOD, "{\"type\": \"flux\", \"value\": 0}", ", \"roots\": {\"depth\": 30, \"feddes\": \"pasture\"}",
                 "atmospheric top");
    expect_error(dir, GOOD, "{\"type\": \"atmospheric\", \"forcing\": {\"file\": \"forcing.csv\"}, \"h_crit\": 10}", "",
                 "must be < 0");
    /* rows of any length need the forcing's end, after the last row */
    const char *uneven = "{\"type\": \"atmospheric\", \"forcing\": {\"table\": [[0, 0, 0.1], [0.5, 2, 0.1], [2, 0, 0.1]]%s}}";
    char top[256];
    snprintf(top, sizeof top, uneven, ", \"end\": 3");
    cr_expect_eq(load_variant(dir, GOOD, top, "", err, sizeof err), SHP_OK, "%s", err);
    snprintf(top, sizeof top, uneven, "");
    expect_error(dir, GOOD, top, "", "rows of any length need top.forcing.end");
    snprintf(top, sizeof top, uneven, ", \"end\": 2");
    expect_error(dir, GOOD, top, "", "top.forcing.end: must be after the last row's time 2");
    snprintf(top, sizeof top, uneven, ", \"end\": 2.5");
    expect_error(dir, GOOD, top, "", "after the atmospheric forcing, which ends at 2.5 d");
    tu_remove_tree(dir);
}

/* The shipped calibration: three sensors' daily means at mid-day, the warm-up before
 * 31 March 2012 (day 90) and the validation year 2013 left out of the objective. */
Test(field_config, station_series_keep_the_calibration_period)
{
    shp_problem *pb;
    char err[1024];
    cr_assert_eq(shp_problem_load(MANHATTAN_FIT, &pb, err, sizeof err), SHP_OK, "%s", err);
    cr_assert_eq(shp_problem_obj_kind(pb, 0), SHP_OBS_THETA_T);
    const int n = shp_problem_obj_points(pb, 0);
    /* the files' rows with 90 ≤ day + 0.5 ≤ 366, counted from the files themselves */
    int want = 0;
    const char *files[3] = {"../configs/data/manhattan/theta_5cm.csv", "../configs/data/manhattan/theta_10cm.csv",
                            "../configs/data/manhattan/theta_20cm.csv"};
    for (int k = 0; k < 3; ++k) {
        FILE *f = fopen(files[k], "r");
        cr_assert_not_null(f);
        char line[128];
        while (fgets(line, sizeof line, f)) {
            double d;
            if (sscanf(line, "%lf,", &d) == 1 && d + 0.5 >= 90.0 && d + 0.5 <= 366.0) ++want;
        }
        fclose(f);
    }
    cr_expect_eq(n, want);
    cr_expect(want > 700, "%d", want);
    shp_problem_destroy(pb);
}

/* The calibration as a user scores a soil (--evaluate): the validation metrics per
 * sensor depth in result.json partition the points of the validation's θ(t) metrics,
 * and 2013 is scored (not 2012). */
Test(field_config, validation_reports_metrics_per_depth, .timeout = 120)
{
    char dir[128];
    tu_make_tmp(dir, sizeof dir, "fieldval");
    cr_assert_eq(tu_run(SHPFIT " fit " MANHATTAN_FIT " --evaluate --at silt_loam.theta_s=0.404226,"
                               "silt_loam.alpha=0.103021,silt_loam.n=1.2315,silt_loam.Ks=14.3581 --out %s/v "
                               ">/dev/null 2>&1",
                        dir),
                 0);
    char path[256];
    snprintf(path, sizeof path, "%s/v/result.json", dir);
    char *txt = tu_slurp(path);
    cr_assert_not_null(txt);
    const char *bd = strstr(txt, "\"metrics_theta_t_validation_by_depth\"");
    cr_assert_not_null(bd);
    const char *end = strstr(bd, "\"theta_t_periods\"");
    cr_assert_not_null(end);
    int total = 0, nd = 0;
    for (const char *p = strstr(bd, "\"n\":"); p && p < end; p = strstr(p + 4, "\"n\":"), ++nd) total += atoi(p + 4);
    const char *all = strstr(strstr(txt, "\"metrics_validation\""), "\"n\":");
    cr_expect_eq(nd, 3);
    cr_expect_eq(total, atoi(all + 4), "per depth %d of %d", total, atoi(all + 4));
    cr_expect(total > 1000, "2013 has %d values", total);
    free(txt);
    tu_remove_tree(dir);
}

/* Sensitivities are refused for a column whose top switches or whose roots take up
 * water (the sensitivity equations cover neither); the plain run goes through. */
Test(field_config, sensitivities_of_an_atmospheric_column_are_refused)
{
    shp_forward_problem *fp;
    char err[1024];
    cr_assert_eq(shp_forward_load(MANHATTAN, &fp, err, sizeof err), SHP_OK, "%s", err);
    shp_column col = *shp_forward_column(fp);
    col.n_out = 3; /* three days are enough to run */
    shp_column_result res;
    cr_assert_eq(shp_column_result_alloc(&col, &res), SHP_OK);
    shp_backend *be = shp_backend_cpu_create(1);
    const int mat = 0, par = 0;
    shp_column sens = col;
    sens.n_sens = 1, sens.sens_mat = &mat, sens.sens_par = &par;
    const shp_batch_setup s_sens = {&sens, shp_forward_n_materials(fp), shp_forward_init_var(fp), shp_forward_init_values(fp)};
    const shp_batch bt = {1, shp_forward_materials(fp), res.block, &res.stats};
    cr_expect_eq(shp_backend_run(be, &s_sens, &bt), SHP_ERR_INVALID);
    const shp_batch_setup s = {&col, shp_forward_n_materials(fp), shp_forward_init_var(fp), shp_forward_init_values(fp)};
    cr_expect_eq(shp_backend_run(be, &s, &bt), SHP_OK);
    cr_expect_eq(res.stats.status, SHP_OK);
    shp_backend_destroy(be);
    shp_column_result_free(&res);
    shp_forward_destroy(fp);
}
