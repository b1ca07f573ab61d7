/* The plots of `shpfit fit` and `shpfit forward`: every PNG is drawn from a tiny run
 * (a 3-generation PSO-VEGA fit of the loam of data/fit/loam_fit.json to observations
 * synth writes, and a forward run of configs/ponded_loam.json) and is a real picture;
 * without gnuplot (SHPFIT_GNUPLOT empty) the commands succeed, write every data file
 * and say the plots were skipped. Runs the program (SHPFIT in test_util.h) with cwd =
 * tests/. */
#define _POSIX_C_SOURCE 200809L /* mkdtemp */
#include <criterion/criterion.h>
#include "shpfit/config.h"
#include "test_util.h"
#include <stdarg.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "plot/plot.h"
#include "shpfit/problem.h"
#include "shpfit/status.h"


static int have_gnuplot(void)
{
    return tu_run("command -v gnuplot > /dev/null 2>&1") == 0;
}

/* A PNG of more than 10 kB (an empty frame with axes is smaller than any of ours). */
static void expect_png(const char *dir, const char *name)
{
    static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    const char *path = tu_file_in(dir, name);
    struct stat st;
    cr_expect_eq(stat(path, &st), 0, "%s missing", path);
    if (stat(path, &st) != 0) return;
    cr_expect_gt(st.st_size, 10 * 1024, "%s: only %ld bytes", path, (long)st.st_size);
    unsigned char head[8] = {0};
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f);
    cr_expect_eq(fread(head, 1, 8, f), 8u);
    fclose(f);
    cr_expect_eq(memcmp(head, sig, 8), 0, "%s is not a PNG", path);
}

/* DIR/fit.json: the fit test loam with its observations in DIR/obs (synth), θ(t),
 * retention and conductivity observations added, and a budget of 3 generations of
 * 24 (PSO-VEGA, multi-objective: a Pareto front). */
static void tiny_fit_config(const char *dir)
{
    cr_assert_eq(tu_run("cp data/fit/loam_fit.json %s/loam_fit.json", dir), 0);
    cr_assert_eq(tu_run(SHPFIT " synth %s/loam_fit.json --out %s/obs > /dev/null", dir, dir), 0);
    cr_assert_eq(tu_run("sed -e 's/\"algorithm\": \"shade\"/\"algorithm\": \"pso_vega\"/' "
                     "-e 's/\"population\": 20/\"population\": 24/' "
                     "-e 's/\"generations\": 150/\"generations\": 3/' "
                     "-e 's#\"file\": \"obs/Q.csv\"#\"file\": \"obs/Q.csv\"}, "
                     "\"theta_t\": {\"file\": \"obs/theta_t.csv\"}, "
                     "\"retention\": {\"file\": \"obs/retention.csv\"}, "
                     "\"conductivity\": {\"file\": \"obs/conductivity.csv\"#' "
                     "%s/loam_fit.json > %s/fit.json",
                     dir, dir),
                 0);
}

static const char *const fit_pngs[] = {"fit_Q.png",         "fit_v.png",           "fit_theta_final.png",
                                       "fit_theta_t.png",   "fit_retention.png",   "fit_conductivity.png",
                                       "fit_history.png",   "fit_pareto.png"};
static const char *const forward_pngs[] = {"forward_Q.png", "forward_v.png", "forward_profile.png"};
#define COUNT(a) (sizeof a / sizeof a[0])

Test(plots, fit_draws_every_plot)
{
    if (!have_gnuplot()) cr_skip_test("gnuplot not installed");
    char tmp[64];
    tu_make_tmp(tmp, sizeof tmp, "plots");
    tiny_fit_config(tmp);
    cr_assert_eq(tu_run(SHPFIT " fit %s/fit.json --out %s/out > %s/log.txt 2>&1", tmp, tmp, tmp), 0);
    char out[128];
    snprintf(out, sizeof out, "%s/out", tmp);
    char *log = tu_slurp(tu_file_in(tmp, "log.txt"));
    cr_expect(log && strstr(log, "shpfit fit: plots fit_Q.png"), "%s", log);
    free(log);
    for (size_t i = 0; i < COUNT(fit_pngs); ++i) expect_png(out, fit_pngs[i]);
    cr_expect(tu_exists(tu_file_in(out, "fit_plots.gp")));
    char *gp = tu_slurp(tu_file_in(out, "fit_plots.gp"));
    cr_expect(gp && strstr(gp, "multiplot layout 1,3"), "3 objectives: 3 panels of pairs");
    free(gp);
    /* fit_curves.csv: pF −2…7 at 100 per decade, fitted and true, then the 95 % band, with
     * units; the band drawn in both curve plots */
    gp = tu_slurp(tu_file_in(out, "fit_plots.gp"));
    cr_expect(gp && strstr(gp, "95 % band") && strstr(gp, "with filledcurves"), "the bands are drawn");
    free(gp);
    char *csv = tu_slurp(tu_file_in(out, "fit_curves.csv"));
    cr_assert_not_null(csv);
    static const char head[] = "pF,suction_cm,h_cm,theta_loam_fit,K_loam_fit_cm_per_min,theta_loam_true,"
                               "K_loam_true_cm_per_min,theta_loam_lo95,theta_loam_hi95,K_loam_lo95_cm_per_min,"
                               "K_loam_hi95_cm_per_min\n-2,0.01,";
    cr_expect(!strncmp(csv, head, strlen(head)), "%.200s", csv);
    int lines = 0;
    for (const char *s = csv; *s; ++s) lines += *s == '\n';
    cr_expect_eq(lines, 1 + 901);
    cr_expect(strstr(csv, "\n7,10000000,-10000000,"), "last row at pF 7");
    free(csv);
    /* best_profile.csv: the best column at every node; θ at each observed depth of
     * best_series.csv is its linear interpolation there, and the θ(z) plot draws it */
    char *prof = tu_slurp(tu_file_in(out, "best_profile.csv"));
    char *ser = tu_slurp(tu_file_in(out, "best_series.csv"));
    cr_assert(prof && ser);
    cr_expect(!strncmp(prof, "time_min,depth_cm,h_cm,theta\n", 29), "%.60s", prof);
    double pz[2048], pt[2048];
    int np = 0;
    for (char *save = NULL, *l = strtok_r(prof, "\n", &save); l && np < 2048; l = strtok_r(NULL, "\n", &save)) {
        double t, z, h, th;
        if (sscanf(l, "%lf,%lf,%lf,%lf", &t, &z, &h, &th) == 4) pz[np] = z, pt[np++] = th;
    }
    cr_expect_gt(np, 10);
    int checked = 0;
    for (char *save = NULL, *l = strtok_r(ser, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
        double x, d, o, s;
        if (strncmp(l, "theta_final,", 12) != 0 || sscanf(l + 12, "%lf,%*[^,],%lf,%lf,%lf", &x, &d, &o, &s) != 4)
            continue;
        int k = 0;
        while (k + 2 < np && pz[k + 1] < d) ++k;
        const double w = (d - pz[k]) / (pz[k + 1] - pz[k]);
        cr_expect_float_eq(s, (1.0 - w) * pt[k] + w * pt[k + 1], 1e-9, "theta at %g cm", d);
        ++checked;
    }
    cr_expect_gt(checked, 3);
    free(prof);
    free(ser);
    gp = tu_slurp(tu_file_in(out, "fit_plots.gp"));
    cr_expect(gp && strstr(gp, "'best_profile.csv' skip 1 using 4:2"), "the profile line uses every node");
    free(gp);
    tu_remove_tree(tmp);
}

Test(plots, forward_draws_every_plot_and_removes_stale_ones)
{
    if (!have_gnuplot()) cr_skip_test("gnuplot not installed");
    char tmp[64];
    tu_make_tmp(tmp, sizeof tmp, "plots");
    cr_assert_eq(tu_run(SHPFIT " forward ../configs/ponded_loam.json --out %s > %s/log.txt", tmp, tmp), 0);
    char *log = tu_slurp(tu_file_in(tmp, "log.txt"));
    cr_expect(log && strstr(log, "forward_profile.png"), "%s", log);
    free(log);
    for (size_t i = 0; i < COUNT(forward_pngs); ++i) expect_png(tmp, forward_pngs[i]);
    cr_expect(tu_exists(tu_file_in(tmp, "forward_plots.gp")));
    /* a failing gnuplot: exit 1, the data stay complete, and no picture of the
     * earlier run is left to pass for this one's */
    cr_expect_eq(tu_run("SHPFIT_GNUPLOT=false " SHPFIT " forward ../configs/ponded_loam.json --out %s "
                     "> /dev/null 2> %s/err.txt", tmp, tmp),
                 1);
    char *err = tu_slurp(tu_file_in(tmp, "err.txt"));
    cr_expect(err && strstr(err, "plots failed"), "%s", err);
    free(err);
    cr_expect(tu_exists(tu_file_in(tmp, "series.csv")) && tu_exists(tu_file_in(tmp, "summary.json")));
    for (size_t i = 0; i < COUNT(forward_pngs); ++i)
        cr_expect(!tu_exists(tu_file_in(tmp, forward_pngs[i])), "stale %s", forward_pngs[i]);
    tu_remove_tree(tmp);
}

Test(plots, a_stopped_forward_run_plots_what_it_reached)
{
    if (!have_gnuplot()) cr_skip_test("gnuplot not installed");
    char tmp[64];
    tu_make_tmp(tmp, sizeof tmp, "plots");
    cr_expect_eq(tu_run(SHPFIT " forward data/good/stops_early.json --out %s > /dev/null 2>&1", tmp), 3);
    expect_png(tmp, "forward_Q.png");
    expect_png(tmp, "forward_v.png");
    cr_expect(!tu_exists(tu_file_in(tmp, "forward_profile.png")), "no final profile was reached");
    tu_remove_tree(tmp);
}

Test(plots, without_gnuplot_the_data_are_complete_and_plots_skipped)
{
    char tmp[64];
    tu_make_tmp(tmp, sizeof tmp, "plots");
    tiny_fit_config(tmp);
    cr_assert_eq(tu_run("SHPFIT_GNUPLOT= " SHPFIT " fit %s/fit.json --out %s/fit > %s/fit.txt 2>&1", tmp, tmp, tmp),
                 0);
    char *log = tu_slurp(tu_file_in(tmp, "fit.txt"));
    cr_expect(log && strstr(log, "shpfit fit: plots skipped"), "%s", log);
    free(log);
    char dir[128];
    snprintf(dir, sizeof dir, "%s/fit", tmp);
    static const char *const fit_data[] = {"result.json", "history.csv", "pareto.csv", "best_series.csv",
                                           "fit_curves.csv", "fit_plots.gp"};
    for (size_t i = 0; i < COUNT(fit_data); ++i)
        cr_expect(tu_exists(tu_file_in(dir, fit_data[i])), "%s missing", fit_data[i]);
    for (size_t i = 0; i < COUNT(fit_pngs); ++i) cr_expect(!tu_exists(tu_file_in(dir, fit_pngs[i])), "%s", fit_pngs[i]);

    cr_assert_eq(tu_run("SHPFIT_GNUPLOT= " SHPFIT " forward ../configs/ponded_loam.json --out %s/fw > %s/fw.txt 2>&1",
                     tmp, tmp),
                 0);
    log = tu_slurp(tu_file_in(tmp, "fw.txt"));
    cr_expect(log && strstr(log, "shpfit forward: plots skipped"), "%s", log);
    free(log);
    snprintf(dir, sizeof dir, "%s/fw", tmp);
    static const char *const fw_data[] = {"series.csv", "profile_final.csv", "observations.csv", "summary.json"};
    for (size_t i = 0; i < COUNT(fw_data); ++i)
        cr_expect(tu_exists(tu_file_in(dir, fw_data[i])), "%s missing", fw_data[i]);
    for (size_t i = 0; i < COUNT(forward_pngs); ++i)
        cr_expect(!tu_exists(tu_file_in(dir, forward_pngs[i])), "%s", forward_pngs[i]);
    tu_remove_tree(tmp);
}

/* ------------------------------------------------------------ posterior plots */

/* DIR/post.json: a van Genuchten retention fit with θr and θs given, so that α and n
 * are the two free variables (K undetermined: no conductivity plot), and its data. */
static void write_text_file(const char *dir, const char *name, const char *text)
{
    FILE *f = fopen(tu_file_in(dir, name), "w");
    cr_assert_not_null(f, "%s/%s", dir, name);
    fputs(text, f);
    fclose(f);
}

/* The files of shp_posterior_write_all that posterior_plots.gp reads, for result r. */
static void write_posterior_files(const char *dir, const shp_problem *pb, const shp_posterior_result *r)
{
    for (int w = 0; w < 2; ++w) {
        FILE *f = fopen(tu_file_in(dir, w ? "posterior_chains.csv" : "posterior_samples.csv"), "w");
        cr_assert_not_null(f);
        fprintf(f, "chain,generation");
        for (int j = 0; j < r->dim; ++j) fprintf(f, ",%s", shp_problem_var_name(pb, j));
        fprintf(f, ",log_likelihood,log_prior%s\n", w ? ",in_sample" : "");
        for (long g = w ? 0 : r->window_start; g <= r->generations; ++g)
            for (int c = 0; c < r->chains; ++c) {
                fprintf(f, "%d,%ld", c + 1, g);
                for (int j = 0; j < r->dim; ++j)
                    fprintf(f, ",%.12g", shp_problem_var_value(pb, j, shp_posterior_state(r, g, c)[j]));
                fprintf(f, ",%.6g,0", r->loglik[g * r->chains + c]);
                if (w) fprintf(f, ",%d", g >= r->window_start);
                fputc('\n', f);
            }
        fclose(f);
    }
    static const double ret[][2] = {{-10, 0.38}, {-30, 0.36}, {-60, 0.30}, {-100, 0.22},
                                    {-300, 0.14}, {-1000, 0.09}, {-5000, 0.07}};
    FILE *f = fopen(tu_file_in(dir, "posterior_predictive.csv"), "w");
    cr_assert_not_null(f);
    fprintf(f, "series,x,x_unit,depth_cm,observed,map,lo95,median,hi95,pred_lo95,pred_hi95,value_unit\n");
    for (size_t i = 0; i < sizeof ret / sizeof ret[0]; ++i)
        fprintf(f, "retention,%g,cm,,%g,%g,%g,%g,%g,%g,%g,-\n", ret[i][0], ret[i][1], ret[i][1] + 0.004,
                ret[i][1] - 0.01, ret[i][1], ret[i][1] + 0.01, ret[i][1] - 0.03, ret[i][1] + 0.03);
    fclose(f);
    f = fopen(tu_file_in(dir, "posterior_curves.csv"), "w");
    cr_assert_not_null(f);
    fprintf(f, "pF,suction_cm,h_cm,theta_sand_map,theta_sand_lo95,theta_sand_median,theta_sand_hi95,"
               "K_sand_map_cm_per_min,K_sand_lo95,K_sand_median,K_sand_hi95\n");
    for (int k = 0; k <= 180; ++k) {
        const double pF = -2.0 + k / 20.0, s = pow(10.0, pF);
        const double th = 0.05 + 0.34 / sqrt(1.0 + pow(0.03 * s, 2.0));
        fprintf(f, "%g,%g,%g,%g,%g,%g,%g,,,,\n", pF, s, -s, th, th - 0.01, th, th + 0.01);
    }
    fclose(f);
}

Test(plots, posterior_script_draws_the_pngs_it_names)
{
    char tmp[64], err[4096];
    tu_make_tmp(tmp, sizeof tmp, "plots");
    write_text_file(tmp, "ret.csv", "h,theta\n-10,0.38\n-30,0.36\n-60,0.30\n-100,0.22\n-300,0.14\n-1000,0.09\n"
                                    "-5000,0.07\n");
    write_text_file(tmp, "post.json",
                    "{\"materials\": {\"sand\": {\"model\": \"vgm\", \"theta_r\": 0.05, \"theta_s\": 0.39}},\n"
                    " \"fit\": {\"observations\": {\"retention\": {\"file\": \"ret.csv\"}}, \"metric\": \"rmse\"}}\n");
    shp_problem *pb = NULL;
    cr_assert_eq(shp_problem_load(tu_file_in(tmp, "post.json"), &pb, err, sizeof err), SHP_OK, "%s", err);
    cr_assert_eq(shp_problem_dim(pb), 2);

    /* 3 chains, generations 0 … 9, the sample 5 … 9 */
    enum { DIM = 2, CHAINS = 3, GENS = 10 };
    double u[GENS * CHAINS * DIM], ll[GENS * CHAINS], lp[GENS * CHAINS] = {0};
    for (int k = 0; k < GENS * CHAINS; ++k) {
        u[DIM * k] = 0.45 + 0.1 * sin(1.3 * k);
        u[DIM * k + 1] = 0.5 + 0.1 * cos(0.7 * k);
        ll[k] = -k;
    }
    shp_posterior_result r;
    memset(&r, 0, sizeof r);
    r.dim = DIM;
    r.chains = CHAINS;
    r.generations = GENS - 1;
    r.window_start = r.burn_in_end = 5;
    r.converged = 1;
    r.u = u;
    r.loglik = ll;
    r.logprior = lp;
    r.map_generation = 7;
    r.map_chain = 1;
    for (int j = 0; j < DIM; ++j) {
        const double v = shp_problem_var_value(pb, j, 0.5);
        r.q50[j] = r.mean[j] = v;
        r.q025[j] = shp_problem_var_value(pb, j, 0.4);
        r.q975[j] = shp_problem_var_value(pb, j, 0.6);
        r.rhat[j] = 1.05;
        r.ess[j] = 12;
        r.corr[j * DIM + j] = 1.0;
    }
    r.corr[1] = r.corr[2] = 0.3;
    write_posterior_files(tmp, pb, &r);

    shp_plot_files files = {0};
    cr_assert_eq(shp_plot_posterior(tmp, pb, &r, &files, err, sizeof err), SHP_OK, "%s", err);
    /* a curve fit: no column series, and K undetermined: no conductivity */
    static const char *const pngs[] = {"posterior_marginals.png", "posterior_pairs.png", "posterior_traces.png",
                                       "posterior_retention.png"};
    cr_expect_eq(files.n, (int)COUNT(pngs), "%d PNGs named", files.n);
    for (int i = 0; i < files.n && i < (int)COUNT(pngs); ++i)
        cr_expect_str_eq(files.name[i], pngs[i]);
    char *gp = tu_slurp(tu_file_in(tmp, "posterior_plots.gp"));
    cr_assert_not_null(gp, "posterior_plots.gp not written");
    for (size_t i = 0; i < COUNT(pngs); ++i) {
        char line[64];
        snprintf(line, sizeof line, "set output '%s'", pngs[i]);
        cr_expect(strstr(gp, line), "%s not drawn", pngs[i]);
    }
    cr_expect(!strstr(gp, "posterior_predictive.png") && !strstr(gp, "posterior_conductivity.png"));
    cr_expect(strstr(gp, "config = 'post.json'"), "titles name the config");
    cr_expect(strstr(gp, "'posterior_chains.csv' skip 1 every 3::2 using 2:4"), "chain 3 of the second variable");
    cr_expect(strstr(gp, "sand.alpha [1/cm]"), "axes give the units");
    free(gp);
    if (have_gnuplot()) {
        cr_expect_eq(shp_plot_run("gnuplot", tmp, "posterior_plots.gp", "plot.log", err, sizeof err), SHP_OK, "%s",
                     err);
        for (size_t i = 0; i < COUNT(pngs); ++i) expect_png(tmp, pngs[i]);
    }

    /* one variable: no pairs to draw */
    r.dim = 1;
    cr_assert_eq(shp_plot_posterior(tmp, pb, &r, &files, err, sizeof err), SHP_OK, "%s", err);
    cr_expect_eq(files.n, 3);
    for (int i = 0; i < files.n; ++i) cr_expect_str_neq(files.name[i], "posterior_pairs.png");
    gp = tu_slurp(tu_file_in(tmp, "posterior_plots.gp"));
    cr_expect(gp && !strstr(gp, "posterior_pairs.png"));
    free(gp);
    shp_problem_destroy(pb);
    tu_remove_tree(tmp);
}
