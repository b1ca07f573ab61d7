/* The shpfit program end to end: exit codes, nothing written on bad input, the result
 * files and their headers, a stopped run's partial results. Runs the program (SHPFIT in
 * test_util.h; make test builds it first) with cwd = tests/. */
#define _POSIX_C_SOURCE 200809L /* mkdtemp */
#include <criterion/criterion.h>
#include "test_util.h"
#include <cjson/cJSON.h>
#include <dirent.h>
#include <glob.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "shpfit/version.h"


static int dir_entries(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) return -1;
    int n = 0;
    for (struct dirent *e; (e = readdir(d));) n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
    closedir(d);
    return n;
}

/* Lines of a text file (without newlines); *n of them. */
static char **lines_of(const char *path, int *n)
{
    char *text = tu_slurp(path);
    cr_assert_not_null(text, "%s missing", path);
    int cap = 16, m = 0;
    char **out = malloc((size_t)cap * sizeof *out);
    for (char *save = NULL, *l = strtok_r(text, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
        if (m == cap) out = realloc(out, (size_t)(cap *= 2) * sizeof *out);
        out[m++] = strdup(l);
    }
    free(text);
    *n = m;
    return out;
}

static void free_lines(char **l, int n)
{
    for (int i = 0; i < n; ++i) free(l[i]);
    free(l);
}

static cJSON *summary_of(const char *dir)
{
    char *text = tu_slurp(tu_file_in(dir, "summary.json"));
    cr_assert_not_null(text, "summary.json missing in %s", dir);
    cJSON *s = cJSON_Parse(text);
    free(text);
    cr_assert_not_null(s, "summary.json is not JSON");
    return s;
}

Test(cli, help_and_version_exit_0)
{
    char tmp[64];
    tu_make_tmp(tmp, sizeof tmp, "cli");
    cr_expect_eq(tu_run(SHPFIT " --help > %s/h.txt", tmp), 0);
    char *h = tu_slurp(tu_file_in(tmp, "h.txt"));
    cr_expect(h && strstr(h, "forward"), "--help lists the commands");
    free(h);
    cr_expect_eq(tu_run(SHPFIT " --version > %s/v.txt", tmp), 0);
    char *v = tu_slurp(tu_file_in(tmp, "v.txt"));
    cr_expect(v && strstr(v, SHP_VERSION), "--version prints %s", SHP_VERSION);
    free(v);
    cr_expect_eq(tu_run(SHPFIT " forward --help > %s/f.txt", tmp), 0);
    char *f = tu_slurp(tu_file_in(tmp, "f.txt"));
    cr_expect(f && strstr(f, "--out") && strstr(f, "summary.json"), "forward --help");
    free(f);
    tu_remove_tree(tmp);
}

Test(cli, usage_errors_exit_2)
{
    char tmp[64];
    tu_make_tmp(tmp, sizeof tmp, "cli");
    cr_expect_eq(tu_run(SHPFIT " 2> %s/e.txt", tmp), 2);
    cr_expect_eq(tu_run(SHPFIT " frobnicate 2> %s/e.txt", tmp), 2);
    char *e = tu_slurp(tu_file_in(tmp, "e.txt"));
    cr_expect(e && strncmp(e, "shpfit: ", 8) == 0 && strstr(e, "frobnicate"), "%s", e);
    free(e);
    cr_expect_eq(tu_run(SHPFIT " forward 2> /dev/null"), 2);
    cr_expect_eq(tu_run(SHPFIT " forward data/good/ponded_small.json 2> /dev/null"), 2); /* no --out */
    cr_expect_eq(tu_run(SHPFIT " forward data/good/ponded_small.json --out %s/o --bogus 2> /dev/null", tmp), 2);
    cr_expect_eq(tu_run(SHPFIT " forward data/good/ponded_small.json --out 2> /dev/null"), 2);
    cr_expect_eq(tu_run(SHPFIT " forward data/nope.json --out %s/o 2> /dev/null", tmp), 2);
    cr_expect(!tu_exists(tu_file_in(tmp, "o")), "nothing created for a usage error");
    tu_remove_tree(tmp);
}

Test(cli, bad_configs_exit_2_and_write_nothing)
{
    char tmp[64];
    tu_make_tmp(tmp, sizeof tmp, "cli");
    glob_t g;
    cr_assert_eq(glob("data/bad/*.json", 0, NULL, &g), 0);
    cr_assert_gt(g.gl_pathc, 10);
    for (size_t k = 0; k < g.gl_pathc; ++k) {
        const char *cfg = g.gl_pathv[k];
        const int rc = tu_run(SHPFIT " forward %s --out %s/out/deeper 2> %s/err.txt", cfg, tmp, tmp);
        cr_expect_eq(rc, 2, "%s: exit %d", cfg, rc);
        cr_expect(!tu_exists(tu_file_in(tmp, "out")), "%s: output directory created", cfg);
        char *e = tu_slurp(tu_file_in(tmp, "err.txt"));
        char want[300];
        snprintf(want, sizeof want, "shpfit: %s: ", cfg);
        cr_expect(e && strncmp(e, want, strlen(want)) == 0, "%s: stderr was: %s", cfg, e);
        free(e);
    }
    globfree(&g);
    /* an existing, empty --out stays empty */
    cr_assert_eq(tu_run("mkdir %s/empty", tmp), 0);
    cr_expect_eq(tu_run(SHPFIT " forward data/bad/n_le_1.json --out %s/empty 2> /dev/null", tmp), 2);
    cr_expect_eq(dir_entries(tu_file_in(tmp, "empty")), 0);
    tu_remove_tree(tmp);
}

Test(cli, good_config_writes_all_four_files)
{
    char tmp[64], out[128];
    tu_make_tmp(tmp, sizeof tmp, "cli");
    snprintf(out, sizeof out, "%s/a/b", tmp); /* parents created as with mkdir -p */
    cr_assert_eq(tu_run(SHPFIT " forward ../configs/ponded_loam.json --out %s > /dev/null", out), 0);

    int n;
    char **l = lines_of(tu_file_in(out, "series.csv"), &n);
    cr_expect_str_eq(l[0], "time_min,Q_cm,v_inst_cm_per_min,v_mean_cm_per_min,q_bottom_cm_per_min,"
                           "Q_bottom_cm,balance_error_cm");
    cr_expect_eq(n, 1 + 36);
    double t_prev = 0.0, Q_prev = 0.0;
    for (int i = 1; i < n; ++i) {
        double t, Q, vi, vm, qb, Qb, bal;
        cr_assert_eq(sscanf(l[i], "%lf,%lf,%lf,%lf,%lf,%lf,%lf", &t, &Q, &vi, &vm, &qb, &Qb, &bal), 7,
                     "row %d: %s", i, l[i]);
        cr_expect_gt(t, t_prev);
        cr_expect_gt(Q, Q_prev, "Q increases (row %d)", i);
        cr_expect_gt(vi, 0.0);
        cr_expect_lt(fabs(bal), 1e-8);
        t_prev = t;
        Q_prev = Q;
    }
    cr_expect_eq(t_prev, 180.0);
    /* the grid-converged answer (docs/verification.md §1), which the default solver on
     * the example's 55 graded nodes is to reach within 0.1 % */
    cr_expect(fabs(Q_prev / 5.0054 - 1.0) < 1e-3, "Q(180) = %g cm", Q_prev);
    free_lines(l, n);

    l = lines_of(tu_file_in(out, "profile_final.csv"), &n);
    cr_expect_str_eq(l[0], "depth_cm,h_cm,theta");
    cr_expect_eq(n, 1 + 55);
    double z, h, th;
    cr_expect_eq(sscanf(l[1], "%lf,%lf,%lf", &z, &h, &th), 3);
    cr_expect_eq(z, 0.0);
    cr_expect_eq(h, 2.0);
    cr_expect_float_eq(th, 0.43, 1e-12);
    free_lines(l, n);

    l = lines_of(tu_file_in(out, "observations.csv"), &n);
    cr_expect_str_eq(l[0], "time_min,theta_at_5cm,theta_at_10cm,theta_at_20cm");
    cr_expect_eq(n, 1 + 36);
    free_lines(l, n);
    cr_expect(!tu_exists(tu_file_in(out, "profiles.csv")), "profiles.csv only with profiles = all");

    cJSON *s = summary_of(out);
    cr_expect_str_eq(cJSON_GetObjectItem(s, "status")->valuestring, "ok");
    cr_expect_eq(cJSON_GetObjectItem(s, "nodes")->valueint, 55);
    cr_expect_eq(cJSON_GetObjectItem(s, "outputs_reached")->valueint, 36);
    cr_expect_float_eq(cJSON_GetObjectItem(s, "Q_final")->valuedouble, Q_prev, 1e-10);
    const cJSON *wb = cJSON_GetObjectItem(s, "water_balance");
    cr_expect_lt(cJSON_GetObjectItem(wb, "max_abs_error")->valuedouble, 1e-8);
    cr_expect_str_eq(cJSON_GetObjectItem(wb, "unit")->valuestring, "cm");
    cr_expect_gt(cJSON_GetObjectItem(s, "steps")->valuedouble, 0);
    cr_expect_gt(cJSON_GetObjectItem(s, "iterations")->valuedouble, 0);
    cr_expect(cJSON_IsNumber(cJSON_GetObjectItem(s, "wall_time_s")));
    const cJSON *cfg = cJSON_GetObjectItem(s, "config");
    cr_expect(cJSON_IsObject(cJSON_GetObjectItem(cfg, "materials")), "config echo");
    cJSON_Delete(s);
    tu_remove_tree(tmp);
}

Test(cli, profiles_all_and_other_units)
{
    char tmp[64];
    tu_make_tmp(tmp, sizeof tmp, "cli");
    cr_assert_eq(tu_run(SHPFIT " forward data/good/layered.json --out %s > /dev/null", tmp), 0);
    int n;
    char **l = lines_of(tu_file_in(tmp, "profiles.csv"), &n);
    cr_expect_str_eq(l[0], "time_h,depth_m,h_m,theta");
    cr_expect_eq(n, 1 + 4 * 11);
    free_lines(l, n);
    l = lines_of(tu_file_in(tmp, "series.csv"), &n);
    cr_expect(strncmp(l[0], "time_h,Q_m,v_inst_m_per_h,", 26) == 0, "%s", l[0]);
    free_lines(l, n);
    l = lines_of(tu_file_in(tmp, "observations.csv"), &n);
    cr_expect_str_eq(l[0], "time_h,theta_at_0m,theta_at_30m,theta_at_35m,theta_at_100m");
    free_lines(l, n);
    cr_expect(tu_exists(tu_file_in(tmp, "profile_final.csv")));
    tu_remove_tree(tmp);
}

Test(cli, stopped_run_exits_3_with_partial_results_only)
{
    char tmp[64];
    tu_make_tmp(tmp, sizeof tmp, "cli");
    /* a good run first, so a stale profile_final.csv would be there to mislead */
    cr_assert_eq(tu_run(SHPFIT " forward data/good/ponded_small.json --out %s > /dev/null", tmp), 0);
    cr_assert(tu_exists(tu_file_in(tmp, "profile_final.csv")));
    cr_expect_eq(tu_run(SHPFIT " forward data/good/stops_early.json --out %s 2> /dev/null", tmp), 3);
    cJSON *s = summary_of(tmp);
    const char *status = cJSON_GetObjectItem(s, "status")->valuestring;
    cr_expect(strcmp(status, "ok") != 0, "status %s", status);
    const int reached = cJSON_GetObjectItem(s, "outputs_reached")->valueint;
    cr_expect_lt(reached, cJSON_GetObjectItem(s, "outputs_requested")->valueint);
    cr_expect(cJSON_IsString(cJSON_GetObjectItem(s, "note")), "summary says what is missing");
    cJSON_Delete(s);
    cr_expect(!tu_exists(tu_file_in(tmp, "profile_final.csv")), "no final profile from a run that stopped");
    int n;
    char **l = lines_of(tu_file_in(tmp, "series.csv"), &n);
    cr_expect_eq(n, 1 + reached, "series rows = outputs reached");
    for (int i = 0; i < n; ++i) cr_expect(!strstr(l[i], "nan"), "row %d: %s", i, l[i]);
    free_lines(l, n);
    l = lines_of(tu_file_in(tmp, "profiles.csv"), &n);
    cr_expect_eq(n, 1 + reached * 21);
    for (int i = 0; i < n; ++i) cr_expect(!strstr(l[i], "nan"), "row %d: %s", i, l[i]);
    free_lines(l, n);
    l = lines_of(tu_file_in(tmp, "observations.csv"), &n);
    cr_expect_eq(n, 1 + reached);
    free_lines(l, n);
    tu_remove_tree(tmp);
}

Test(cli, summary_option_prints_status_and_Q)
{
    char tmp[64];
    tu_make_tmp(tmp, sizeof tmp, "cli");
    cr_assert_eq(tu_run(SHPFIT " forward data/good/ponded_small.json --out=%s/o --summary > %s/s.txt", tmp, tmp), 0);
    char *s = tu_slurp(tu_file_in(tmp, "s.txt"));
    cr_expect(s && strstr(s, "status") && strstr(s, "ok") && strstr(s, "Q(60 min)") &&
                  strstr(s, "wall time"),
              "%s", s);
    free(s);
    tu_remove_tree(tmp);
}

Test(cli, every_shipped_config_runs)
{
    char tmp[64];
    tu_make_tmp(tmp, sizeof tmp, "cli");
    glob_t g;
    cr_assert_eq(glob("../configs/*.json", 0, NULL, &g), 0);
    for (size_t k = 0; k < g.gl_pathc; ++k) {
        const int rc = tu_run(SHPFIT " forward %s --out %s/%zu > /dev/null", g.gl_pathv[k], tmp, k);
        cr_expect_eq(rc, 0, "%s: exit %d", g.gl_pathv[k], rc);
        char dir[128];
        snprintf(dir, sizeof dir, "%s/%zu", tmp, k);
        cJSON *s = summary_of(dir);
        cr_expect_str_eq(cJSON_GetObjectItem(s, "status")->valuestring, "ok", "%s", g.gl_pathv[k]);
        cJSON_Delete(s);
    }
    globfree(&g);
    tu_remove_tree(tmp);
}

/* ------------------------------------------------------------------ curves */

/* Column index of `name` in a CSV header line, or −1. */
static int header_col(const char *header, const char *name)
{
    char buf[512];
    snprintf(buf, sizeof buf, "%s", header);
    int k = 0;
    for (char *tok = strtok(buf, ",\n"); tok; tok = strtok(NULL, ",\n"), ++k)
        if (!strcmp(tok, name)) return k;
    return -1;
}

static double csv_field(const char *line, int col)
{
    const char *p = line;
    for (int k = 0; k < col && p; ++k) {
        p = strchr(p, ',');
        if (p) ++p;
    }
    return p ? strtod(p, NULL) : NAN;
}

static long file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

/* Every material of the library config gets a complete table; θ falls and pF rises
 * down the rows; PDI's split adds up; the plots are real PNGs. */
Test(cli, curves_tabulates_and_plots_every_model)
{
    char tmp[64];
    tu_make_tmp(tmp, sizeof tmp, "cli");
    cr_assert_eq(tu_run(SHPFIT " curves ../configs/curves/model_library.json --out %s > %s/log.txt", tmp, tmp), 0);
    cJSON *idx = NULL;
    {
        char *s = tu_slurp(tu_file_in(tmp, "curves.json"));
        cr_assert_not_null(s, "curves.json missing");
        idx = cJSON_Parse(s);
        free(s);
    }
    const cJSON *mats = cJSON_GetObjectItem(idx, "materials");
    cr_assert(cJSON_GetArraySize(mats) >= 11, "every model of the library");
    const cJSON *m;
    cJSON_ArrayForEach(m, mats)
    {
        const char *file = cJSON_GetObjectItem(m, "file")->valuestring;
        const char *model = cJSON_GetObjectItem(m, "model")->valuestring;
        int n = 0;
        char **l = lines_of(tu_file_in(tmp, file), &n);
        cr_assert(l && n == 1 + 181, "%s: %d lines, expected header + 181 (1e-2..1e7 cm, 20/decade)", file, n);
        const int c_pf = header_col(l[0], "pF"), c_th = header_col(l[0], "theta");
        const int c_k = header_col(l[0], "K_cm_per_min"), c_cap = header_col(l[0], "theta_cap");
        const int c_ad = header_col(l[0], "theta_ad");
        cr_assert(c_pf >= 0 && c_th >= 0 && c_k >= 0, "%s header: %s", file, l[0]);
        cr_expect((c_cap >= 0) == !strcmp(model, "pdi"), "%s: theta split columns only for pdi", file);
        double th_prev = 2.0, pf_prev = -3.0;
        for (int k = 1; k < n; ++k) {
            const double pf = csv_field(l[k], c_pf), th = csv_field(l[k], c_th);
            cr_expect(pf > pf_prev && th <= th_prev && th >= 0.0, "%s row %d: pF %g theta %g", file, k, pf, th);
            if (c_cap >= 0) {
                const double cap = csv_field(l[k], c_cap), ad = csv_field(l[k], c_ad);
                cr_expect(fabs(cap + ad - th) <= 1e-12 && cap >= 0.0 && ad >= 0.0,
                          "%s row %d: cap %g + ad %g != theta %g", file, k, cap, ad, th);
            }
            th_prev = th;
            pf_prev = pf;
        }
        cr_expect(fabs(csv_field(l[1], c_pf) + 2.0) < 1e-12 && fabs(csv_field(l[n - 1], c_pf) - 7.0) < 1e-12,
                  "%s: pF from -2 to 7", file);
        free_lines(l, n);
    }
    cJSON_Delete(idx);
    /* the Makefile installs gnuplot; a PNG of a few curves is well over 10 kB */
    cr_expect(file_size(tu_file_in(tmp, "retention.png")) > 10000, "retention.png");
    cr_expect(file_size(tu_file_in(tmp, "conductivity.png")) > 10000, "conductivity.png");
    cr_expect(tu_exists(tu_file_in(tmp, "curves.gp")));
    tu_remove_tree(tmp);
}

Test(cli, curves_without_gnuplot_writes_the_data_and_says_plots_were_skipped)
{
    char tmp[64];
    tu_make_tmp(tmp, sizeof tmp, "cli");
    cr_assert_eq(tu_run("SHPFIT_GNUPLOT= " SHPFIT " curves ../configs/curves/model_library.json --out %s/o "
                     "--per-decade 2 > %s/log.txt", tmp, tmp), 0);
    char *s = tu_slurp(tu_file_in(tmp, "log.txt"));
    cr_expect(s && strstr(s, "plots skipped"), "%s", s);
    free(s);
    char dir[128];
    snprintf(dir, sizeof dir, "%s/o", tmp);
    int n = 0;
    char **l = lines_of(tu_file_in(dir, "curves_vgm_loam.csv"), &n);
    cr_expect_eq(n, 1 + 19, "2 per decade over 9 decades");
    free_lines(l, n);
    cr_expect(!tu_exists(tu_file_in(dir, "retention.png")));
    tu_remove_tree(tmp);
}

/* pF is log10 of the suction in cm whatever the config's length unit. */
Test(cli, curves_in_mm_keep_pF_in_cm)
{
    char tmp[64];
    tu_make_tmp(tmp, sizeof tmp, "cli");
    char cfg[128];
    snprintf(cfg, sizeof cfg, "%s/mm.json", tmp);
    FILE *f = fopen(cfg, "w");
    fprintf(f, "{\"units\": {\"length\": \"mm\", \"time\": \"d\"}, \"materials\": {\"loam\": "
               "{\"model\": \"vgm\", \"theta_r\": 0.078, \"theta_s\": 0.43, \"alpha\": 0.0036, "
               "\"n\": 1.56, \"Ks\": 249.6}}}\n");
    fclose(f);
    cr_assert_eq(tu_run("SHPFIT_GNUPLOT= " SHPFIT " curves %s --out %s/o > /dev/null", cfg, tmp), 0);
    char dir[128];
    snprintf(dir, sizeof dir, "%s/o", tmp);
    int n = 0;
    char **l = lines_of(tu_file_in(dir, "curves_loam.csv"), &n);
    cr_assert(n > 2);
    const char *head = "psi_mm,h_mm,pF,theta,Se,K_mm_per_d,";
    cr_expect(strncmp(l[0], head, strlen(head)) == 0, "%s", l[0]);
    cr_expect(fabs(csv_field(l[1], 0) - 0.1) < 1e-12 && fabs(csv_field(l[1], 2) + 2.0) < 1e-12,
              "first row: 0.1 mm, pF -2: %s", l[1]);
    free_lines(l, n);
    tu_remove_tree(tmp);
}

Test(cli, curves_bad_input_writes_nothing)
{
    char tmp[64];
    tu_make_tmp(tmp, sizeof tmp, "cli");
    cr_expect_eq(tu_run(SHPFIT " curves data/bad/unknown_model.json --out %s/o 2> %s/err.txt", tmp, tmp), 2);
    char *s = tu_slurp(tu_file_in(tmp, "err.txt"));
    cr_expect(s && strstr(s, "materials.loam.model: unknown model"), "%s", s);
    free(s);
    cr_expect(!tu_exists(tu_file_in(tmp, "o")), "nothing written on bad input");
    cr_expect_eq(tu_run(SHPFIT " curves ../configs/curves/model_library.json --out %s/o --psi-min 10 "
                     "--psi-max 1 2> /dev/null", tmp), 2);
    cr_expect_eq(tu_run(SHPFIT " curves ../configs/curves/model_library.json --out %s/o --per-decade x "
                     "2> /dev/null", tmp), 2);
    tu_remove_tree(tmp);
}

/* docs/model_parameters.md is generated from the registry: it must not drift. */
Test(cli, model_parameter_docs_match_the_registry)
{
    char tmp[64];
    tu_make_tmp(tmp, sizeof tmp, "cli");
    cr_assert_eq(tu_run(SHPFIT " models --markdown > %s/m.md", tmp), 0);
    char *now = tu_slurp(tu_file_in(tmp, "m.md")), *doc = tu_slurp("../docs/model_parameters.md");
    cr_assert(now && doc, "docs/model_parameters.md missing");
    cr_expect(strcmp(now, doc) == 0, "docs/model_parameters.md is out of date: run `make docs`");
    free(now);
    free(doc);
    cr_expect_eq(tu_run(SHPFIT " models brooks_corey > /dev/null"), 0);
    cr_expect_eq(tu_run(SHPFIT " models nosuch 2> /dev/null"), 2);
    tu_remove_tree(tmp);
}
