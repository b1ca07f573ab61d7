/* shpfit import-hydrus: HYDRUS-1D example projects (tests/data/hydrus/, SOURCE.md) are
 * imported, run with shpfit forward and compared with HYDRUS's own T_LEVEL.OUT and
 * NOD_INF.OUT; unsupported projects are refused with their reason and nothing written.
 * Tolerances: docs/hydrus_import.md, "Agreement". */
#define _POSIX_C_SOURCE 200809L /* mkdtemp, strtok_r, strdup */
#include <criterion/criterion.h>
#include "test_util.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#define HY "data/hydrus"

/* A cumulative flux of T_LEVEL.OUT at time t (column sum(vBot) or sum(vTop)), downward
 * positive (HYDRUS: upward). */
static double tlevel_sum(const char *dir, const char *name, double t)
{
    char path[512], line[1024];
    snprintf(path, sizeof path, "%s/T_LEVEL.OUT", dir);
    FILE *f = fopen(path, "r");
    cr_assert_not_null(f, "%s", path);
    int col = -1;
    double v = NAN;
    while (fgets(line, sizeof line, f)) {
        char *tok[40], *save = NULL;
        int n = 0;
        for (char *s = strtok_r(line, " \t\r\n", &save); s && n < 40; s = strtok_r(NULL, " \t\r\n", &save))
            tok[n++] = s;
        if (n > 0 && !strcmp(tok[0], "Time"))
            for (int i = 0; i < n; ++i)
                if (!strcmp(tok[i], name)) col = i;
        if (col > 0 && n > col && (tok[0][0] == '.' || (tok[0][0] >= '0' && tok[0][0] <= '9')) &&
            fabs(strtod(tok[0], NULL) - t) < 1e-9 * (1 + t))
            v = -strtod(tok[col], NULL);
    }
    fclose(f);
    cr_assert(col > 0 && isfinite(v), "%s: no %s at t = %g", path, name, t);
    return v;
}

/* Max |Δθ| and max |Δh|/max(|h|, 1) between NOD_INF.OUT at t and shpfit's profiles.csv
 * at t − t0 (HYDRUS's times count from tInit = t0, shpfit's from 0). */
static void profile_diff(const char *dir, const char *out, double t, double t0, double *dtheta, double *dh)
{
    char path[512], line[1024];
    double hh[200], th[200], sh[200], st[200];
    int nh = 0, ns = 0, in = 0;
    snprintf(path, sizeof path, "%s/NOD_INF.OUT", dir);
    FILE *f = fopen(path, "r");
    cr_assert_not_null(f, "%s", path);
    while (fgets(line, sizeof line, f)) {
        double a, b, c, d;
        int node;
        if (sscanf(line, " Time: %lf", &a) == 1) in = fabs(a - t) < 1e-9 * (1 + t);
        else if (in && nh < 200 && sscanf(line, "%d %lf %lf %lf", &node, &b, &c, &d) == 4)
            hh[nh] = c, th[nh++] = d;
    }
    fclose(f);
    f = fopen(tu_file_in(out, "profiles.csv"), "r");
    cr_assert_not_null(f);
    while (fgets(line, sizeof line, f)) {
        double a, b, c, d;
        if (sscanf(line, "%lf,%lf,%lf,%lf", &a, &b, &c, &d) == 4 && fabs(a + t0 - t) < 1e-9 * (1 + t) && ns < 200)
            sh[ns] = c, st[ns++] = d;
    }
    fclose(f);
    cr_assert(nh > 2 && nh == ns, "t = %g: %d HYDRUS nodes, %d shpfit nodes", t, nh, ns);
    *dtheta = *dh = 0;
    for (int i = 0; i < nh; ++i) {
        *dtheta = fmax(*dtheta, fabs(st[i] - th[i]));
        *dh = fmax(*dh, fabs(sh[i] - hh[i]) / fmax(fabs(hh[i]), 1.0));
    }
}

/* Column `col` (0-based) of series.csv at row k (0-based): 1 Q, 5 Q_bottom, 11 transpiration. */
static double series_col(const char *out, int col, int k)
{
    FILE *f = fopen(tu_file_in(out, "series.csv"), "r");
    cr_assert_not_null(f);
    char line[1024];
    double v = NAN;
    for (int row = -1; fgets(line, sizeof line, f); ++row) {
        if (row != k) continue;
        char *save = NULL, *tok = strtok_r(line, ",", &save);
        for (int c = 0; tok && c < col; ++c) tok = strtok_r(NULL, ",", &save);
        if (tok) v = strtod(tok, NULL);
    }
    fclose(f);
    return v;
}

static void import_and_run(const char *name, char *tmp, size_t len)
{
    tu_make_tmp(tmp, len, "hydrus");
    cr_assert_eq(tu_run(SHPFIT " import-hydrus " HY "/%s --out %s/%s.json 2>/dev/null", name, tmp, name), 0);
    cr_assert_eq(tu_run(SHPFIT " forward %s/%s.json --out %s/run >/dev/null 2>&1", tmp, name, tmp), 0,
                 "%s: forward run failed", name);
}

typedef struct {
    const char *name;
    int n;
    double times[16];
    double q_rel_tol, theta_tol, h_rel_tol, theta_final_tol;
    int top; /* compare the cumulative top inflow (sum(vTop)), else the bottom outflow */
    double transp_tol; /* > 0: the transpiration against sum(vRoot), relative */
    double t0;         /* HYDRUS's tInit: its times are shpfit's plus t0 */
} example;

/* first: the row of series.csv of e->times[0] */
static void check_example_from(const example *e, int first)
{
    char tmp[256], dir[256], out[300];
    import_and_run(e->name, tmp, sizeof tmp);
    snprintf(dir, sizeof dir, HY "/%s", e->name);
    snprintf(out, sizeof out, "%s/run", tmp);
    for (int k = 0; k < e->n; ++k) {
        const char *what = e->top ? "Q" : "Q_bottom";
        const double ref = tlevel_sum(dir, e->top ? "sum(vTop)" : "sum(vBot)", e->times[k]);
        const double got = series_col(out, e->top ? 1 : 5, first + k), rel = fabs(got - ref) / fabs(ref);
        double dth, dh;
        profile_diff(dir, out, e->times[k], e->t0, &dth, &dh);
        cr_log_info("%s t = %g: %s %.5g vs HYDRUS %.4g (%.2f %%), max |dtheta| %.2g, max rel |dh| %.2g", e->name,
                    e->times[k], what, got, ref, 100 * rel, dth, dh);
        cr_expect(rel <= e->q_rel_tol, "%s t = %g: %s %g vs %g", e->name, e->times[k], what, got, ref);
        cr_expect(dth <= (k == e->n - 1 ? e->theta_final_tol : e->theta_tol), "%s t = %g: |dtheta| %g", e->name,
                  e->times[k], dth);
        cr_expect(dh <= e->h_rel_tol, "%s t = %g: rel |dh| %g", e->name, e->times[k], dh);
        if (e->transp_tol > 0.0) { /* what the roots took up (sum(vRoot) is positive out) */
            const double tr = -tlevel_sum(dir, "sum(vRoot)", e->times[k]), tg = series_col(out, 11, first + k);
            cr_log_info("%s t = %g: transpiration %.5g vs HYDRUS %.4g", e->name, e->times[k], tg, tr);
            cr_expect(fabs(tg - tr) <= e->transp_tol * tr, "%s t = %g: transpiration %g vs %g", e->name,
                      e->times[k], tg, tr);
        }
    }
    tu_remove_tree(tmp);
}

static void check_example(const example *e) { check_example_from(e, 0); }

Test(hydrus_import, drainage_1drainag)
{
    /* measured: Q_bottom within 0.8 %, |dtheta| <= 0.002, rel |dh| <= 0.024 */
    const example e = {"1DRAINAG", 4, {1, 4, 20, 100}, 0.015, 0.005, 0.05, 0.005, 0, 0, 0};
    check_example(&e);
}

Test(hydrus_import, upward_infiltration_upinfil)
{
    /* measured: Q_bottom within 0.5 %; the front: |dtheta| <= 0.021 (0.0005 at the end),
     * rel |dh| <= 0.34 in the dry soil ahead of the front */
    const example e = {"UPINFIL", 11, {720, 1440, 2160, 2880, 3600, 4320, 5040, 5760, 6480, 7200, 10800},
                       0.015, 0.04, 0.5, 0.002, 0, 0, 0};
    check_example(&e);
}

/* Rain on a dry loam (ATMOSPH.IN: 9 cm/h for an hour, then 2 cm/h from 12 to 13 h; Ks
 * 5 cm/h, hCritS 0: what the surface cannot take runs off). The cumulative infiltration
 * is compared: HYDRUS prints 3 digits (8.77, 10.8 cm) */
Test(hydrus_import, rain_and_runoff_2nohystr)
{
    /* measured: Q within 0.35 % (HYDRUS's 3 digits), |dtheta| <= 0.026 at the front (shpfit's
     * own time error there 0.001), 0.009 at the end; rel |dh| up to 1.1 in the dry soil just
     * ahead of the front (h from -60 to -1000 cm) */
    const example e = {"2NOHYSTR", 16, {0.1, 0.5, 1, 2, 4, 6, 8, 10, 12, 12.1, 12.5, 13, 14, 16, 20, 24},
                       0.006, 0.04, 1.5, 0.015, 1, 0, 0};
    check_example(&e);
}

/* Root water uptake (Feddes, HYDRUS's pasture values) of a constant 0.4 cm/d under
 * 0.4 cm/d of rain, roots decreasing linearly to 100 cm, a water table's head -100 cm at
 * the bottom, 200 days. The upward flux from the bottom is compared from day 40 (at day
 * 20 it is 0.020 against 0.025 cm, a difference of 0.005 cm) */
Test(hydrus_import, root_uptake_rootuptk)
{
    /* measured: Q_bottom within 0.6-5.9 % (shpfit's own time error 0.4-1.1 %), |dtheta|
     * <= 0.014, rel |dh| <= 0.49; transpiration 79.975 against 80.0 cm */
    const example e = {"ROOTUPTK", 9, {40, 60, 80, 100, 120, 140, 160, 180, 200}, 0.08, 0.03, 0.6, 0.005, 0, 5e-3, 0};
    check_example_from(&e, 1);
}

/* HYDRUS-1D's grass field example (Hupselse Beek 1982): 183 days of daily rain and
 * potential transpiration, two VGM layers, Feddes uptake, deep drainage to the groundwater
 * (qGWLF: rBot = Aqh exp(Bqh |h - GWL0L|)); HYDRUS counts the days from tInit = 90. */
Test(hydrus_import, grass_field_test2)
{
    /* measured: bottom outflow within 0.9-2.8 % (shpfit's own time error 0.4 %),
     * transpiration within 0.07 % of HYDRUS's 3 digits, |dtheta| <= 0.0074, rel |dh| up to
     * 1.5 where the head is a few cm (near the water table) */
    const example e = {"TEST2", 6, {120, 151, 181, 212, 243, 273}, 0.05, 0.015, 2.0, 0.015, 0, 5e-3, 90};
    check_example(&e);
}

Test(hydrus_import, the_atmospheric_top_of_2nohystr_is_imported)
{
    char tmp[256];
    tu_make_tmp(tmp, sizeof tmp, "hydrus");
    cr_assert_eq(tu_run(SHPFIT " import-hydrus " HY "/2NOHYSTR --out %s/r.json 2>/dev/null", tmp), 0);
    char *text = tu_slurp(tu_file_in(tmp, "r.json"));
    cJSON *c = cJSON_Parse(text);
    free(text);
    cr_assert_not_null(c);
    const cJSON *top = cJSON_GetObjectItem(c, "top"), *fo = cJSON_GetObjectItem(top, "forcing");
    cr_expect_str_eq(cJSON_GetObjectItem(top, "type")->valuestring, "atmospheric");
    cr_expect_eq(cJSON_GetObjectItem(top, "h_crit")->valuedouble, -1e5);
    cr_expect_eq(cJSON_GetObjectItem(top, "h_max")->valuedouble, 0.0);
    cr_expect_eq(cJSON_GetObjectItem(fo, "end")->valuedouble, 24.0);
    /* record i holds from tAtm(i-1): rows start at 0, 0.001, 1, 12, 13 with Prec 0, 9, 0, 2, 0 */
    const cJSON *rows = cJSON_GetObjectItem(fo, "table");
    const double t[5] = {0, 0.001, 1, 12, 13}, p[5] = {0, 9, 0, 2, 0};
    cr_assert_eq(cJSON_GetArraySize(rows), 5);
    for (int i = 0; i < 5; ++i) {
        const cJSON *r = cJSON_GetArrayItem(rows, i);
        cr_expect_eq(cJSON_GetArrayItem(r, 0)->valuedouble, t[i], "row %d", i);
        cr_expect_eq(cJSON_GetArrayItem(r, 1)->valuedouble, p[i], "row %d", i);
    }
    cJSON_Delete(c);
    tu_remove_tree(tmp);
}

Test(hydrus_import, infiltration_1infiltr_config)
{
    char tmp[256];
    tu_make_tmp(tmp, sizeof tmp, "hydrus");
    cr_assert_eq(tu_run(SHPFIT " import-hydrus " HY "/1INFILTR --out %s/c.json 2>/dev/null", tmp), 0);
    char *c = tu_slurp(tu_file_in(tmp, "c.json"));
    cr_assert_not_null(c);
    cr_expect(strstr(c, "\"time\":\t\"h\"") && strstr(c, "\"grid\":\t\"uniform\"") &&
              strstr(c, "\"nodes\":\t121") && strstr(c, "\"free_drainage\"") &&
              strstr(c, "\"times\":\t[1, 2, 4, 5]") && strstr(c, "\"k_mean\":\t\"arithmetic\""), "%s", c);
    cr_expect(strstr(c, "\"top\":\t{\n\t\t\"type\":\t\"head\",\n\t\t\"value\":\t0"), "%s", c);
    free(c);
    cr_expect_eq(tu_count_lines(tu_file_in(tmp, "c_initial.csv")), 123);
    tu_remove_tree(tmp);
}

static void refused(const char *name, const char *reason)
{
    char tmp[256];
    tu_make_tmp(tmp, sizeof tmp, "hydrus");
    cr_assert_eq(tu_run(SHPFIT " import-hydrus " HY "/unsupported/%s --out %s/o/c.json 2>%s/err", name, tmp, tmp),
                 2, "%s", name);
    char *err = tu_slurp(tu_file_in(tmp, "err"));
    cr_expect(err && strstr(err, reason), "%s: expected \"%s\" in: %s", name, reason, err ? err : "");
    free(err);
    cr_expect_eq(tu_run("test -e %s/o", tmp), 1, "%s: something was written", name);
    tu_remove_tree(tmp);
}

Test(hydrus_import, refused)
{
    refused("1SCALING", "not supported: Hysteresis = 2");
    refused("2HYSTER", "not supported: TopInf or lVariabBC = t, but the project has no ATMOSPH.IN");
    refused("2HYSTER", "not supported: Hysteresis = 2");
    refused("3SELIM", "not supported: lWat = f");
    refused("4HEAT", "not supported: lWat = f");
}

/* Root uptake other than HYDRUS's uncompensated Feddes is refused, naming it. */
Test(hydrus_import, s_shaped_root_uptake_is_refused)
{
    char tmp[256];
    tu_make_tmp(tmp, sizeof tmp, "hydrus");
    cr_assert_eq(tu_run("mkdir %s/p && sed '48s/^        0 /        1 /' " HY "/ROOTUPTK/Selector.in > %s/p/Selector.in && "
                        "cp " HY "/ROOTUPTK/PROFILE.DAT " HY "/ROOTUPTK/ATMOSPH.IN %s/p/", tmp, tmp, tmp), 0);
    cr_assert_eq(tu_run(SHPFIT " import-hydrus %s/p --out %s/o/c.json 2>%s/err", tmp, tmp, tmp), 2);
    char *err = tu_slurp(tu_file_in(tmp, "err"));
    cr_expect(err && strstr(err, "not supported: root water uptake Model = 1 (S-shape)"), "%s", err ? err : "");
    free(err);
    cr_expect_eq(tu_run("test -e %s/o", tmp), 1, "something was written");
    tu_remove_tree(tmp);
}

Test(hydrus_import, solute_is_left_out_with_a_note)
{
    char tmp[256];
    tu_make_tmp(tmp, sizeof tmp, "hydrus");
    /* 1DRAINAG with lChem = t: the water part is imported, the solute named on stderr */
    cr_assert_eq(tu_run("mkdir %s/p && sed '9s/^ t     f/ t     t/' " HY "/1DRAINAG/Selector.in > %s/p/SELECTOR.IN && "
                        "cp " HY "/1DRAINAG/PROFILE.DAT %s/p/profile.dat", tmp, tmp, tmp), 0);
    cr_assert_eq(tu_run(SHPFIT " import-hydrus %s/p --out %s/c.json 2>%s/err", tmp, tmp, tmp), 0);
    char *err = tu_slurp(tu_file_in(tmp, "err"));
    cr_expect(err && strstr(err, "note: solute transport (lChem = t"), "%s", err ? err : "");
    free(err);
    cr_expect_eq(tu_run(SHPFIT " forward %s/c.json --out %s/run >/dev/null 2>&1", tmp, tmp), 0);
    tu_remove_tree(tmp);
}

Test(hydrus_import, bad_selector_names_file_and_line)
{
    char tmp[256];
    tu_make_tmp(tmp, sizeof tmp, "hydrus");
    cr_assert_eq(tu_run("mkdir %s/p && sed '16s/.*/ f     f      x       f/' " HY "/1DRAINAG/Selector.in > %s/p/Selector.in && "
                        "cp " HY "/1DRAINAG/PROFILE.DAT %s/p/", tmp, tmp, tmp), 0);
    cr_assert_eq(tu_run(SHPFIT " import-hydrus %s/p --out %s/c.json 2>%s/err", tmp, tmp, tmp), 2);
    char *err = tu_slurp(tu_file_in(tmp, "err"));
    cr_expect(err && strstr(err, "Selector.in: line 16: KodTop: not an integer"), "%s", err ? err : "");
    free(err);
    tu_remove_tree(tmp);
}

/* A bad ATMOSPH.IN is refused naming the file and the line: records out of time order,
 * a value that is not a number, and hCritA that changes between records. Nothing is
 * written. */
Test(hydrus_import, bad_atmosph_names_file_and_line)
{
    static const struct {
        const char *sed, *want;
    } cases[] = {
        {"8s/^          1 /         20 /", "ATMOSPH.IN: line 9: tAtm must increase (12 after 20)"},
        {"7s/^      0.001           0/      0.001           x/", "ATMOSPH.IN: line 7: Prec: not a finite number (\"x\")"},
        {"10s/100000/50000 /", "ATMOSPH.IN: hCritA changes between records (100000, then 50000)"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; ++k) {
        char tmp[256];
        tu_make_tmp(tmp, sizeof tmp, "hydrus");
        cr_assert_eq(tu_run("mkdir %s/p && sed '%s' " HY "/2NOHYSTR/ATMOSPH.IN > %s/p/ATMOSPH.IN && "
                            "cp " HY "/2NOHYSTR/Selector.in " HY "/2NOHYSTR/PROFILE.DAT %s/p/",
                            tmp, cases[k].sed, tmp, tmp), 0);
        cr_expect_eq(tu_run(SHPFIT " import-hydrus %s/p --out %s/o/c.json 2>%s/err", tmp, tmp, tmp), 2,
                     "case %zu accepted", k);
        char *err = tu_slurp(tu_file_in(tmp, "err"));
        cr_expect(err && strstr(err, cases[k].want), "case %zu: expected \"%s\" in: %s", k, cases[k].want,
                  err ? err : "");
        free(err);
        cr_expect_eq(tu_run("test -e %s/o", tmp), 1, "case %zu: something was written", k);
        tu_remove_tree(tmp);
    }
}
