/* A station calibration with a validation period in one run: the validation records never
 * reach the objective, their metrics are those of a run that calibrates on them, dates
 * become times in the config's unit, bad periods are refused by name (exit 2), and the
 * station figure's data (fit_station.csv) have their columns and units. */
#define _POSIX_C_SOURCE 200809L /* getcwd */
#include <criterion/criterion.h>
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config/loaders.h"
#include "import/station_csv.h"
#include "plot/plot.h"
#include "shpfit/batch.h"
#include "shpfit/problem.h"
#include "test_json_util.h"
#include "test_util.h"

#define MANHATTAN_FIT "../configs/field_manhattan_vgm.json"
/* a soil on the ridge the Manhattan calibration finds (docs/field.md) */
#define AT "silt_loam.theta_s=0.404226,silt_loam.alpha=0.103021,silt_loam.n=1.2315,silt_loam.Ks=14.3581"

static cJSON *theta_t_of(cJSON *root)
{
    cJSON *t = cJSON_GetObjectItem(cJSON_GetObjectItem(cJSON_GetObjectItem(root, "fit"), "observations"), "theta_t");
    cr_assert_not_null(t);
    return t;
}

/* The shipped Manhattan calibration as a problem, theta_t changed by edit (may be NULL). */
static shp_problem *load_manhattan(void (*edit)(cJSON *theta_t))
{
    cJSON *root = tu_read_json(MANHATTAN_FIT);
    if (edit) edit(theta_t_of(root));
    shp_problem *pb = NULL;
    char err[1024];
    cr_assert_eq(shp_problem_load_json(MANHATTAN_FIT, root, &pb, err, sizeof err), SHP_OK, "%s", err);
    return pb;
}

static void drop_validation(cJSON *t) { cJSON_DeleteItemFromObject(t, "validation"); }

/* The validation records change neither a candidate's objective nor its residuals, and
 * the reported column (run on through 2013) scores the calibration as the candidate did. */
Test(field_fit, validation_points_leave_the_objective_unchanged, .timeout = 120)
{
    shp_problem *with = load_manhattan(NULL), *without = load_manhattan(drop_validation);
    shp_theta_periods pw, po;
    shp_problem_theta_periods(with, &pw);
    shp_problem_theta_periods(without, &po);
    cr_assert(pw.validation && !po.validation);
    cr_expect_eq(pw.t_candidates, 365.5, "candidates end at %g d", pw.t_candidates);
    cr_expect_eq(pw.t_report, 730.5, "the reported column ends at %g d", pw.t_report);
    cr_expect_eq(po.t_report, 365.5);
    cr_expect(pw.n_validation > 1000, "%d validation points", pw.n_validation);
    cr_expect_eq(shp_problem_n_residuals(with), shp_problem_n_residuals(without));
    const double u[8] = {0.3, 0.7, 0.3, 0.6, 0.6, 0.4, 0.5, 0.5};
    double fw[2], fo[2], rw[2 * 2000], ro[2 * 2000];
    int okw[2], oko[2];
    cr_assert(shp_problem_n_residuals(with) <= 2000);
    shp_backend *be = shp_backend_cpu_create(2);
    cr_assert_eq(shp_problem_evaluate_residuals(with, be, u, 2, fw, okw, rw), SHP_OK);
    cr_assert_eq(shp_problem_evaluate_residuals(without, be, u, 2, fo, oko, ro), SHP_OK);
    const int nr = shp_problem_n_residuals(with);
    for (int i = 0; i < 2; ++i) {
        cr_expect(okw[i] && oko[i], "candidate %d not simulated", i);
        cr_expect_eq(fw[i], fo[i], "candidate %d: %.17g with validation, %.17g without", i, fw[i], fo[i]);
        for (int k = 0; k < nr; ++k) cr_expect_eq(rw[i * nr + k], ro[i * nr + k], "residual %d of %d", k, i);
    }
    /* the reported column: the same calibration objective, and the validation scored */
    cr_assert_eq(shp_problem_simulate(with, be, u), SHP_OK);
    double f;
    shp_problem_last_objectives(with, &f);
    cr_expect_eq(f, fw[0], "reported %.17g, candidate %.17g", f, fw[0]);
    shp_metrics m;
    cr_expect_eq(shp_problem_validation_metrics(with, &m), SHP_OK);
    cr_expect_eq(m.n, pw.n_validation);
    cr_assert_eq(shp_problem_simulate(without, be, u), SHP_OK);
    cr_expect_eq(shp_problem_validation_metrics(without, &m), SHP_ERR_INVALID);
    shp_backend_destroy(be);
    shp_problem_destroy(with);
    shp_problem_destroy(without);
}

/* The file names of a config copied elsewhere made absolute (they are relative to it). */
static void absolute_files(cJSON *root)
{
    char cwd[512], dir[600], buf[1024];
    cr_assert_not_null(getcwd(cwd, sizeof cwd));
    snprintf(dir, sizeof dir, "%s/../configs", cwd);
    cJSON *fo = cJSON_GetObjectItem(cJSON_GetObjectItem(root, "top"), "forcing");
    snprintf(buf, sizeof buf, "%s/%s", dir, cJSON_GetObjectItem(fo, "file")->valuestring);
    cJSON_ReplaceItemInObject(fo, "file", cJSON_CreateString(buf));
    cJSON *s;
    cJSON_ArrayForEach(s, cJSON_GetObjectItem(theta_t_of(root), "series"))
    {
        snprintf(buf, sizeof buf, "%s/%s", dir, cJSON_GetObjectItem(s, "file")->valuestring);
        cJSON_ReplaceItemInObject(s, "file", cJSON_CreateString(buf));
    }
}

static cJSON *result_of(const char *dir)
{
    char path[512];
    snprintf(path, sizeof path, "%s/result.json", dir);
    return tu_read_json(path);
}

/* The validation metrics of one run equal, bit for bit, those of a run whose calibration
 * period is 2013 (--evaluate of the same soil): both columns output at every record up
 * to the end of 2013, so they take the same steps. */
Test(field_fit, validation_metrics_equal_an_evaluation_of_that_period, .timeout = 120)
{
    char dir[128], cfg[256];
    tu_make_tmp(dir, sizeof dir, "fieldval");
    cJSON *root = tu_read_json(MANHATTAN_FIT);
    absolute_files(root);
    cJSON *t = theta_t_of(root);
    cJSON_DeleteItemFromObject(t, "validation");
    cJSON_ReplaceItemInObject(t, "from", cJSON_CreateString("2013-01-01"));
    cJSON_ReplaceItemInObject(t, "to", cJSON_CreateString("2013-12-31"));
    snprintf(cfg, sizeof cfg, "%s/only2013.json", dir);
    tu_write_json(cfg, root);
    cr_assert_eq(tu_run(SHPFIT " fit " MANHATTAN_FIT " --evaluate --at " AT " --out %s/both >/dev/null 2>&1", dir), 0);
    cr_assert_eq(tu_run(SHPFIT " fit %s --evaluate --at " AT " --out %s/only >/dev/null 2>&1", cfg, dir), 0);
    char p[256];
    snprintf(p, sizeof p, "%s/both", dir);
    cJSON *both = result_of(p);
    snprintf(p, sizeof p, "%s/only", dir);
    cJSON *only = result_of(p);
    const cJSON *val = cJSON_GetObjectItem(both, "metrics_theta_t_validation_by_depth");
    const cJSON *cal = cJSON_GetObjectItem(only, "metrics_theta_t_by_depth");
    cr_assert(val && cal, "validation metrics by depth missing");
    cr_expect_eq(cJSON_GetArraySize(val), 3);
    const char *keys[] = {"n", "kge_prime", "r", "ubrmse", "rmse", "bias", "nse"};
    const cJSON *d;
    cJSON_ArrayForEach(d, val)
    {
        const cJSON *e = cJSON_GetObjectItem(cal, d->string);
        cr_assert_not_null(e, "depth %s", d->string);
        for (int k = 0; k < 7; ++k)
            cr_expect_eq(cJSON_GetObjectItem(d, keys[k])->valuedouble, cJSON_GetObjectItem(e, keys[k])->valuedouble,
                         "%s %s: %.17g in validation, %.17g calibrated on", d->string, keys[k],
                         cJSON_GetObjectItem(d, keys[k])->valuedouble, cJSON_GetObjectItem(e, keys[k])->valuedouble);
    }
    /* the pooled validation metrics are those of the 2013 objective */
    const double rmse = cJSON_GetObjectItem(cJSON_GetObjectItem(cJSON_GetObjectItem(both, "metrics_validation"), "theta_t"),
                                            "rmse")->valuedouble;
    cr_expect_eq(rmse, cJSON_GetObjectItem(cJSON_GetObjectItem(only, "objectives"), "theta_t")->valuedouble);
    /* the periods with their units and days */
    const cJSON *per = cJSON_GetObjectItem(both, "theta_t_periods");
    cr_assert_not_null(per);
    cr_expect_str_eq(cJSON_GetObjectItem(per, "time_unit")->valuestring, "d");
    const cJSON *v = cJSON_GetObjectItem(per, "validation");
    cr_expect_eq(cJSON_GetObjectItem(v, "from")->valuedouble, 366.0);
    cr_expect_eq(cJSON_GetObjectItem(v, "to")->valuedouble, 731.0);
    cr_expect_str_eq(cJSON_GetObjectItem(v, "last_day")->valuestring, "2013-12-31");
    cr_expect_str_eq(cJSON_GetObjectItem(cJSON_GetObjectItem(per, "calibration"), "first_day")->valuestring,
                     "2012-03-31");
    cJSON_Delete(both);
    cJSON_Delete(only);
    tu_remove_tree(dir);
}

/* ------------------------------------------------------------------ a small station */

/* A station config in dir: ten days of daily records at 5 and 20 cm (day 0-9, at mid-day)
 * and ten days of forcing (1.5 cm/d of rain on days 0, 3 and 6; with storm > 0, storm
 * cm/d on days 4-7 instead and no ponding), in the time unit T ("d", "h", "min", "s");
 * theta_t gets the members `periods` after "series" and "shift". Its path into path. */
static void write_station_storm(const char *dir, const char *T, const char *periods, double storm, char *path,
                                size_t len)
{
    char p[512];
    snprintf(p, sizeof p, "%s/forcing.csv", dir);
    FILE *f = fopen(p, "w");
    cr_assert_not_null(f);
    fprintf(f, "day,precipitation_cm_per_day,et0_cm_per_day\n");
    for (int d = 0; d < 10; ++d)
        fprintf(f, "%d,%g,0.3\n", d, storm > 0.0 ? (d >= 4 && d <= 7 ? storm : 0.0) : d % 3 ? 0.0 : 1.5);
    fclose(f);
    for (int k = 0; k < 2; ++k) {
        snprintf(p, sizeof p, "%s/theta_%dcm.csv", dir, k ? 20 : 5);
        f = fopen(p, "w");
        cr_assert_not_null(f);
        fprintf(f, "time_day,theta\n");
        for (int d = 0; d < 10; ++d)
            if (!(k == 1 && d == 4)) fprintf(f, "%d,%.3f\n", d, 0.30 + 0.01 * d - 0.02 * k);
        fclose(f);
    }
    const double per_day = !strcmp(T, "d") ? 1.0 : !strcmp(T, "h") ? 24.0 : !strcmp(T, "min") ? 1440.0 : 86400.0;
    snprintf(path, len, "%s/station.json", dir);
    f = fopen(path, "w");
    cr_assert_not_null(f);
    fprintf(f,
            "{\"units\": {\"length\": \"cm\", \"time\": \"%s\"},\n"
            " \"materials\": {\"s\": {\"model\": \"vgm\", \"theta_r\": 0.067, \"theta_s\": 0.45, \"alpha\": 0.02, "
            "\"n\": 1.41, \"Ks\": %g}},\n"
            " \"profile\": {\"depth\": 50, \"grid\": \"uniform\", \"nodes\": 26, \"layers\": [{\"material\": \"s\", "
            "\"bottom\": 50}]},\n"
            " \"initial\": {\"type\": \"theta\", \"value\": 0.3},\n"
            " \"top\": {\"type\": \"atmospheric\", \"forcing\": {\"file\": \"forcing.csv\"}, \"h_max\": 0},\n"
            " \"bottom\": {\"type\": \"free_drainage\"},\n"
            " \"output\": {\"times\": {\"end\": %g, \"every\": %g}},\n"
            " \"fit\": {\"parameters\": {\"s.n\": [1.1, 2.0]}, \"metric\": \"rmse\",\n"
            "  \"observations\": {\"theta_t\": {\"series\": [{\"file\": \"theta_5cm.csv\", \"depth\": 5}, "
            "{\"file\": \"theta_20cm.csv\", \"depth\": 20}], \"shift\": %g%s%s}}}}\n",
            T, 10.8 / per_day, 10.0 * per_day, per_day, 0.5 * per_day, *periods ? ", " : "", periods);
    fclose(f);
}

static void write_station(const char *dir, const char *T, const char *periods, char *path, size_t len)
{
    write_station_storm(dir, T, periods, 0.0, path, len);
}

static shp_problem *load_station(const char *dir, const char *T, const char *periods, char *err, size_t len,
                                 int *rc)
{
    char path[256];
    write_station(dir, T, periods, path, sizeof path);
    shp_problem *pb = NULL;
    *rc = shp_problem_load(path, &pb, err, len);
    return pb;
}

/* Dates become times since "origin" in the config's unit: "from" the start of its day,
 * "to" the end; the same periods in days, hours, minutes and seconds. */
Test(field_fit, dates_become_times_in_the_config_unit)
{
    char dir[128], err[1024];
    tu_make_tmp(dir, sizeof dir, "fielddate");
    const char *units[4] = {"d", "h", "min", "s"};
    const double per_day[4] = {1.0, 24.0, 1440.0, 86400.0};
    for (int u = 0; u < 4; ++u) {
        int rc;
        shp_problem *pb = load_station(dir, units[u],
                                       "\"origin\": \"2012-02-27\", \"from\": \"2012-02-28\", \"to\": \"2012-03-01\", "
                                       "\"validation\": {\"from\": \"2012-03-02\", \"to\": \"2012-03-05\"}",
                                       err, sizeof err, &rc);
        cr_assert_eq(rc, SHP_OK, "%s: %s", units[u], err);
        shp_theta_periods tp;
        shp_problem_theta_periods(pb, &tp);
        /* 2012 is a leap year: 2012-03-01 ends 4 days after 2012-02-27 begins */
        cr_expect_eq(tp.from, 1.0 * per_day[u], "%s: from %g", units[u], tp.from);
        cr_expect_eq(tp.to, 4.0 * per_day[u], "%s: to %g", units[u], tp.to);
        cr_expect_eq(tp.val_from, 4.0 * per_day[u], "%s: validation from %g", units[u], tp.val_from);
        cr_expect_eq(tp.val_to, 8.0 * per_day[u], "%s: validation to %g", units[u], tp.val_to);
        cr_expect_str_eq(tp.origin, "2012-02-27");
        /* the records at 1.5 … 3.5 d at both depths are calibration (6), those at
         * 4.5 … 7.5 d validation (7: 20 cm lacks day 4), the rest up to 7.5 d warm-up */
        cr_expect_eq(tp.n_calibration, 6, "%s: %d calibration points", units[u], tp.n_calibration);
        cr_expect_eq(tp.n_validation, 7, "%s: %d validation points", units[u], tp.n_validation);
        cr_expect_eq(shp_problem_obj_points(pb, 0), 6);
        cr_expect_eq(tp.t_candidates, 3.5 * per_day[u]);
        cr_expect_eq(tp.t_report, 7.5 * per_day[u]);
        shp_problem_destroy(pb);
    }
    tu_remove_tree(dir);
}

/* A bad period: exit 2, a message naming the config and the field, nothing written. */
static void expect_refused(const char *dir, const char *periods, const char *field, const char *want)
{
    char cfg[256], out[256];
    write_station(dir, "d", periods, cfg, sizeof cfg);
    snprintf(out, sizeof out, "%s/out", dir);
    const int code = tu_run(SHPFIT " fit %s --out %s > %s/log 2>&1", cfg, out, dir);
    char *log = tu_slurp(tu_file_in(dir, "log"));
    cr_expect_eq(code, 2, "%s: exit %d: %s", periods, code, log);
    cr_expect(log && strstr(log, cfg) && strstr(log, field) && strstr(log, want),
              "%s: the message lacks %s or \"%s\": %s", periods, field, want, log);
    cr_expect(!tu_exists(tu_file_in(out, "result.json")), "%s: a result was written", periods);
    free(log);
}

Test(field_fit, bad_periods_are_refused_with_exit_2, .timeout = 60)
{
    char dir[128];
    tu_make_tmp(dir, sizeof dir, "fieldbad");
    const char *V = "fit.observations.theta_t.validation";
    expect_refused(dir, "\"from\": 1, \"to\": 5, \"validation\": {\"from\": 4, \"to\": 9}", V, "overlaps");
    expect_refused(dir, "\"validation\": {\"from\": 4, \"to\": 9}", V, "give theta_t \"from\" and \"to\"");
    expect_refused(dir, "\"from\": 1, \"to\": 4, \"validation\": {\"from\": 9, \"to\": 5}", "validation.to",
                   "must be after \"from\"");
    expect_refused(dir, "\"from\": 5, \"to\": 2", "fit.observations.theta_t.to", "must be after \"from\"");
    expect_refused(dir, "\"from\": 1, \"to\": 4, \"validation\": {\"from\": 20, \"to\": 30}", V,
                   "none of the 19 values");
    expect_refused(dir, "\"from\": 1, \"to\": 4, \"validation\": {\"from\": 4}", "validation.to", "missing");
    expect_refused(dir, "\"from\": 1, \"to\": 4, \"validation\": [4, 9]", V, "expected an object");
    expect_refused(dir, "\"from\": \"2012-01-02\", \"to\": 4", "theta_t.from", "needs theta_t \"origin\"");
    expect_refused(dir, "\"origin\": \"2012-01-01\", \"from\": \"2012-02-30\"", "theta_t.from",
                   "is not a date YYYY-MM-DD");
    expect_refused(dir, "\"origin\": \"2012-1-1\"", "theta_t.origin", "is not a date YYYY-MM-DD");
    expect_refused(dir, "\"origin\": \"2012-01-05\", \"from\": \"2012-01-01\"", "theta_t.from", "before \"origin\"");
    expect_refused(dir, "\"from\": true", "theta_t.from", "expected a time [d] or a date");
    tu_remove_tree(dir);
}

/* fit_station.csv of an --evaluate: its header with units, rows at every record time and
 * forcing start, the forcing's precipitation, the records as read, the periods; and
 * the water balance of result.json closes. */
Test(field_fit, station_csv_has_its_columns_and_units, .timeout = 60)
{
    char dir[128], cfg[256];
    tu_make_tmp(dir, sizeof dir, "fieldcsv");
    write_station(dir, "d",
                  "\"origin\": \"2012-01-01\", \"from\": 2, \"to\": 5, \"validation\": {\"from\": \"2012-01-06\", "
                  "\"to\": \"2012-01-08\"}",
                  cfg, sizeof cfg);
    cr_assert_eq(tu_run(SHPFIT " fit %s --evaluate --out %s/out > /dev/null 2>&1", cfg, dir), 0);
    char out[256];
    snprintf(out, sizeof out, "%s/out", dir);
    char *csv = tu_slurp(tu_file_in(out, SHP_STATION_CSV));
    cr_assert_not_null(csv);
    const char *header = "time_d,precipitation_cm_per_d,theta_observed_at_5cm,theta_simulated_at_5cm,"
                         "theta_observed_at_20cm,theta_simulated_at_20cm,period\n";
    cr_expect(!strncmp(csv, header, strlen(header)), "header: %.200s", csv);
    /* rows: the records at 0.5 … 7.5 d and the forcing starts 1 … 7 d */
    double t[64], P[64], o5[64], s5[64], o20[64];
    char per[64][16];
    int n = 0;
    for (char *line = strchr(csv, '\n') + 1; *line && n < 64; line = strchr(line, '\n') + 1) {
        char buf[256], *field[8];
        snprintf(buf, sizeof buf, "%.*s", (int)(strchr(line, '\n') - line), line);
        cr_assert_eq(tu_csv_split(buf, field, 8), 7, "row %d: %s", n, line);
        t[n] = strtod(field[0], NULL), P[n] = strtod(field[1], NULL);
        o5[n] = *field[2] ? strtod(field[2], NULL) : NAN;
        s5[n] = *field[3] ? strtod(field[3], NULL) : NAN;
        o20[n] = *field[4] ? strtod(field[4], NULL) : NAN;
        snprintf(per[n], sizeof per[n], "%s", field[6]);
        ++n;
    }
    cr_expect_eq(n, 15, "%d rows", n);
    double rain = 0.0;
    for (int i = 0; i < n; ++i) {
        const double whole = floor(t[i]);
        cr_expect(t[i] == whole || t[i] == whole + 0.5, "row %d at %g", i, t[i]);
        /* a record row has its observations and the simulation; a forcing start neither */
        cr_expect(t[i] == whole ? isnan(o5[i]) && isnan(s5[i]) : !isnan(o5[i]) && !isnan(s5[i]), "row %d", i);
        /* the rate of the forcing interval the row closes: 1.5 cm/d on days 0, 3, 6 */
        const int day = (int)ceil(t[i]) - 1;
        cr_expect_eq(P[i], day % 3 ? 0.0 : 1.5, "row %d (%g d): P %g", i, t[i], P[i]);
        rain += P[i] * (t[i] - (i ? t[i - 1] : 0.0));
        const char *want = t[i] >= 2 && t[i] <= 5 ? "calibration" : t[i] >= 5 && t[i] <= 8 ? "validation" : "none";
        cr_expect_str_eq(per[i], want, "row %d (%g d)", i, t[i]);
    }
    cr_expect(fabs(rain - 4.5) < 1e-12, "precipitation to 7.5 d: %g cm", rain); /* days 0, 3, 6 */
    /* the records as written: day d at d + 0.5, θ 0.30 + 0.01 d; 20 cm lacks day 4 */
    cr_expect(fabs(o5[0] - 0.30) < 1e-12 && fabs(o5[14] - 0.37) < 1e-12, "%g %g", o5[0], o5[14]);
    cr_expect(isnan(o20[8]) && t[8] == 4.5, "20 cm on day 4: %g at %g", o20[8], t[8]);
    free(csv);
    /* the budget of the reported column */
    cJSON *r = result_of(out);
    const cJSON *wb = cJSON_GetObjectItem(r, "water_balance");
    cr_assert_not_null(wb);
    cr_expect_str_eq(cJSON_GetObjectItem(wb, "unit")->valuestring, "cm");
    cr_expect_eq(cJSON_GetObjectItem(wb, "to_time")->valuedouble, 7.5);
    double v[7];
    const char *names[7] = {"precipitation", "evaporation", "runoff", "transpiration", "bottom_outflow",
                            "storage_change", "balance_error"};
    for (int k = 0; k < 7; ++k) v[k] = cJSON_GetObjectItem(wb, names[k])->valuedouble;
    cr_expect(fabs(v[0] - 4.5) < 1e-12, "P %g", v[0]);
    cr_expect(fabs(v[0] - v[1] - v[2] - v[3] - v[4] - v[5] + v[6]) < 1e-9, "the budget does not close");
    cJSON_Delete(r);
    tu_remove_tree(dir);
}

/* The station figure: a script that gnuplot draws, the periods shaded and dated. */
Test(field_fit, station_figure_is_drawn, .timeout = 60)
{
    char dir[128], err[1024];
    tu_make_tmp(dir, sizeof dir, "fieldplot");
    int rc;
    shp_problem *pb = load_station(dir, "d",
                                   "\"origin\": \"2012-01-01\", \"from\": 2, \"to\": 5, \"validation\": {\"from\": 5, "
                                   "\"to\": 8}",
                                   err, sizeof err, &rc);
    cr_assert_eq(rc, SHP_OK, "%s", err);
    shp_backend *be = shp_backend_cpu_create(1);
    const double u = 0.5;
    cr_assert_eq(shp_problem_simulate(pb, be, &u), SHP_OK);
    cr_assert_eq(shp_station_csv_write(dir, pb, err, sizeof err), SHP_OK, "%s", err);
    FILE *f = fopen(tu_file_in(dir, "station.gp"), "w");
    cr_assert_not_null(f);
    shp_plot_preamble(f);
    fprintf(f, "config = 'station.json'\n");
    shp_plot_files files = {0};
    shp_plot_station(f, pb, &files);
    fclose(f);
    cr_expect_eq(files.n, 1);
    char *gp = tu_slurp(tu_file_in(dir, "station.gp"));
    cr_expect(gp && strstr(gp, "'calibration'") && strstr(gp, "'validation'") && strstr(gp, "'warm-up'"), "%s", gp);
    cr_expect(gp && strstr(gp, "set xdata time"), "dates on the axis");
    cr_expect(gp && strstr(gp, "multiplot layout 3,1"), "precipitation and two depths");
    free(gp);
    if (tu_run("command -v gnuplot > /dev/null 2>&1") == 0) {
        cr_expect_eq(tu_run("cd %s && gnuplot station.gp > plot.log 2>&1", dir), 0);
        cr_expect(tu_exists(tu_file_in(dir, "fit_station.png")));
    }
    shp_backend_destroy(be);
    shp_problem_destroy(pb);
    tu_remove_tree(dir);
}

/* The FXW soil that config's calibration found (result.json's digits): on day 576 the
 * last millimetre of a pond evaporates from its surface. Its column used to stop there
 * (not_converged: a drying Newton update of the node just below zero, taken in ln(−h),
 * threw it to −1e5 cm), leaving the validation unscored; it runs the two years now,
 * and the validation is scored. */
Test(field_fit, fxw_column_runs_through_a_pond_evaporating, .timeout = 120)
{
    char dir[128], cfg[256], p[256];
    tu_make_tmp(dir, sizeof dir, "fieldfxw");
    cJSON *root = tu_read_json("../configs/field_manhattan_fxw.json");
    absolute_files(root);
    snprintf(cfg, sizeof cfg, "%s/fxw.json", dir);
    tu_write_json(cfg, root); /* and frees it */
    cr_assert_eq(tu_run(SHPFIT " fit %s --evaluate --at silt_loam.theta_s=0.414341455642321,"
                        "silt_loam.alpha=0.17241052283685715,silt_loam.n=1.7665372443766592,"
                        "silt_loam.m=0.32960103438079735,silt_loam.Ks=4.58704827959693 --out %s/out "
                        ">/dev/null 2>&1", cfg, dir), 0, "the evaluation exits 0");
    snprintf(p, sizeof p, "%s/out", dir);
    cJSON *res = result_of(p);
    const cJSON *val = cJSON_GetObjectItem(res, "metrics_theta_t_validation_by_depth");
    cr_expect(cJSON_IsObject(val) && cJSON_GetArraySize(val) == 3, "2013 is scored at the three depths");
    const cJSON *wb = cJSON_GetObjectItem(res, "water_balance");
    const cJSON *to = cJSON_GetObjectItem(wb, "to_time");
    cr_expect(cJSON_IsNumber(to) && to->valuedouble == 730.5, "the column ends at %g d",
              cJSON_IsNumber(to) ? to->valuedouble : -1.0);
    const cJSON *rel = cJSON_GetObjectItem(wb, "relative_error");
    cr_expect(cJSON_IsNumber(rel) && fabs(rel->valuedouble) < 1e-6, "balance error %g of the rain",
              cJSON_IsNumber(rel) ? rel->valuedouble : -1.0);
    cJSON_Delete(res);
    tu_remove_tree(dir);
}

/* A reported column that stops in the validation period (a storm no soil of this grid
 * takes in without ponding) has passed every calibration output with the candidate's
 * steps: the calibration is scored as the candidate was, the validation is not. */
Test(field_fit, a_column_failing_in_the_validation_still_scores_the_calibration, .timeout = 60)
{
    char dir[128], path[256], err[1024];
    tu_make_tmp(dir, sizeof dir, "fieldstorm");
    write_station_storm(dir, "d", "\"from\": 1, \"to\": 4, \"validation\": {\"from\": 4, \"to\": 8}", 30.0, path,
                        sizeof path);
    shp_problem *pb = NULL;
    cr_assert_eq(shp_problem_load(path, &pb, err, sizeof err), SHP_OK, "%s", err);
    shp_backend *be = shp_backend_cpu_create(1);
    const double u = 0.5;
    double f_candidate;
    int ok;
    cr_assert_eq(shp_problem_evaluate(pb, be, &u, 1, &f_candidate, &ok), SHP_OK);
    cr_expect(ok, "the candidate's column (to 3.5 d) runs");
    const int rc = shp_problem_simulate(pb, be, &u);
    cr_expect_neq(rc, SHP_OK, "the storm of day 4 stops the reported column");
    shp_column_stats st;
    cr_assert(shp_problem_last_column(pb, &st));
    cr_expect(st.t_reached >= 3.5 && st.t_reached < 7.5, "stopped at %g d", st.t_reached);
    double f;
    shp_problem_last_objectives(pb, &f);
    cr_expect_eq(f, f_candidate, "reported %.17g, candidate %.17g", f, f_candidate);
    shp_metrics m;
    cr_expect_eq(shp_problem_validation_metrics(pb, &m), SHP_ERR_INVALID);
    double d[4];
    shp_metrics dm[4];
    cr_expect_eq(shp_problem_period_depth_metrics(pb, SHP_PERIOD_CALIBRATION, 4, d, dm), 2);
    shp_backend_destroy(be);
    shp_problem_destroy(pb);
    tu_remove_tree(dir);
}

/* The series entries of a theta_t as one file per sensor and as columns of one wide file
 * ("column") are the same observations: equal objectives and residuals, bit for bit; a
 * column the header lacks is refused naming the file's columns. */
static char wide_dir[128];

static void series_per_sensor(cJSON *t)
{
    cJSON_DeleteItemFromObject(t, "validation");
    cJSON *s = cJSON_CreateArray();
    char f[256];
    snprintf(f, sizeof f, "%s/a.csv", wide_dir);
    cJSON *e = cJSON_CreateObject();
    cJSON_AddStringToObject(e, "file", f);
    cJSON_AddNumberToObject(e, "depth", 5);
    cJSON_AddItemToArray(s, e);
    snprintf(f, sizeof f, "%s/b.csv", wide_dir);
    e = cJSON_CreateObject();
    cJSON_AddStringToObject(e, "file", f);
    cJSON_AddNumberToObject(e, "depth", 20);
    cJSON_AddItemToArray(s, e);
    cJSON_ReplaceItemInObject(t, "series", s);
}

static void series_wide(cJSON *t, const char *second)
{
    cJSON_DeleteItemFromObject(t, "validation");
    cJSON *s = cJSON_CreateArray();
    char f[256];
    snprintf(f, sizeof f, "%s/wide.csv", wide_dir);
    static const double depth[2] = {5, 20};
    for (int k = 0; k < 2; ++k) {
        cJSON *e = cJSON_CreateObject();
        cJSON_AddStringToObject(e, "file", f);
        cJSON_AddNumberToObject(e, "depth", depth[k]);
        cJSON_AddStringToObject(e, "column", k ? second : "theta_at_5cm");
        cJSON_AddItemToArray(s, e);
    }
    cJSON_ReplaceItemInObject(t, "series", s);
}

static void series_wide_ok(cJSON *t) { series_wide(t, "theta_at_20cm"); }

Test(field_fit, series_read_one_column_of_a_wide_file, .timeout = 60)
{
    tu_make_tmp(wide_dir, sizeof wide_dir, "wide");
    char path[256];
    FILE *a, *b, *w;
    snprintf(path, sizeof path, "%s/a.csv", wide_dir);
    cr_assert_not_null(a = fopen(path, "w"));
    snprintf(path, sizeof path, "%s/b.csv", wide_dir);
    cr_assert_not_null(b = fopen(path, "w"));
    snprintf(path, sizeof path, "%s/wide.csv", wide_dir);
    cr_assert_not_null(w = fopen(path, "w"));
    fputs("time_day,theta\n", a);
    fputs("time_day,theta\n", b);
    fputs("time_day,theta_at_5cm,theta_at_20cm\n", w);
    for (int d = 120; d < 130; ++d) {
        const double t5 = 0.30 + 0.01 * (d % 4), t20 = 0.33 - 0.005 * (d % 3);
        fprintf(a, "%d,%.3f\n", d, t5);
        fprintf(b, "%d,%.3f\n", d, t20);
        fprintf(w, "%d,%.3f,%.3f\n", d, t5, t20);
    }
    fclose(a);
    fclose(b);
    fclose(w);
    shp_problem *one = load_manhattan(series_per_sensor), *wide = load_manhattan(series_wide_ok);
    const int nr = shp_problem_n_residuals(one);
    cr_assert_eq(nr, 20);
    cr_assert_eq(shp_problem_n_residuals(wide), nr);
    const double u[4] = {0.3, 0.7, 0.3, 0.6};
    double f1, f2, r1[20], r2[20];
    int ok1, ok2;
    shp_backend *be = shp_backend_cpu_create(1);
    cr_assert_eq(shp_problem_evaluate_residuals(one, be, u, 1, &f1, &ok1, r1), SHP_OK);
    cr_assert_eq(shp_problem_evaluate_residuals(wide, be, u, 1, &f2, &ok2, r2), SHP_OK);
    cr_expect(ok1 && ok2);
    cr_expect_eq(f1, f2, "per sensor %.17g, wide %.17g", f1, f2);
    cr_expect(!memcmp(r1, r2, sizeof r1), "residuals differ");
    shp_backend_destroy(be);
    shp_problem_destroy(one);
    shp_problem_destroy(wide);
    /* a column the header does not have */
    cJSON *root = tu_read_json(MANHATTAN_FIT);
    series_wide(theta_t_of(root), "theta_at_50cm");
    shp_problem *pb = NULL;
    char err[1024];
    cr_expect_eq(shp_problem_load_json(MANHATTAN_FIT, root, &pb, err, sizeof err), SHP_ERR_CONFIG);
    cr_expect(strstr(err, "series[1]") && strstr(err, "no column \"theta_at_50cm\"") &&
                  strstr(err, "theta_at_5cm, theta_at_20cm"),
              "%s", err);
    tu_remove_tree(wide_dir);
}
