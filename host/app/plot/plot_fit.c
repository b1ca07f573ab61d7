/* The plots of `shpfit fit` (plot/plot.h): one gnuplot script, fit_plots.gp, over the
 * files the fit wrote (best_series.csv, history.csv, pareto.csv) and fit_curves.csv,
 * the fitted (and true) retention and conductivity curves evaluated here. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "shpfit/config.h"
#include "output/curves.h"
#include "io/fs.h"
#include "plot/plot.h"
#include "shpfit/status.h"

const char *const shp_plot_fit_pngs[] = {"fit_Q.png",         "fit_v.png",         "fit_theta_final.png",
                                         "fit_theta_t.png",   "fit_station.png",   "fit_retention.png",
                                         "fit_conductivity.png", "fit_history.png", "fit_pareto.png", NULL};

/* pF grid of fit_curves.csv */
#define PF_MIN (-2.0)
#define PF_MAX 7.0
#define PF_PER_DECADE 100 /* a uniform sand steps within a tenth of a unit */

/* ------------------------------------------------------------ best_series.csv */

/* The rows of best_series.csv, read back so that the script can address every series
 * (and every depth of θ(t), whose rows are interleaved by time) by its lines. */
typedef struct {
    int kind;
    double x, depth, obs, sim;
} series_row;

typedef struct {
    series_row *row;
    int n;
    shp_plot_rows raw; /* the same rows as read, for shp_plot_rows_source */
} series_table;

static int read_series(const char *dir, series_table *t, char *err, size_t len)
{
    t->row = NULL;
    t->n = 0;
    const int rc = shp_plot_read_rows(dir, "best_series.csv", 7, &t->raw, err, len);
    if (rc != SHP_OK) return rc;
    if (!(t->row = shp_plot_rows_typed(&t->raw, sizeof *t->row, err, len))) return SHP_ERR_NOMEM;
    for (int k = 0; k < t->raw.n; ++k) {
        const double *v = t->raw.row[k].v;
        t->row[k] = (series_row){t->raw.row[k].kind, v[1], v[3], v[4], v[5]};
    }
    t->n = t->raw.n;
    return SHP_OK;
}

/* A gnuplot data source for one series with columns 2 x, 4 depth, 5 observed,
 * 6 simulated (shp_plot_rows_source of best_series.csv). Returns the row count. */
static int series_source(FILE *f, const series_table *t, int kind, double depth, const char *tag,
                         char *src, size_t len)
{
    return shp_plot_rows_source(f, &t->raw, "best_series.csv", 7, kind, depth, tag, src, len);
}

/* ------------------------------------------------------------ labels */

/* "ψ" or "RMSE", as fit.metric says. */
static int metric_is_rmse(const shp_problem *pb)
{
    const cJSON *m = cJSON_GetObjectItemCaseSensitive(shp_problem_fit_config(pb), "metric");
    return cJSON_IsString(m) && !strcmp(m->valuestring, "rmse");
}

/* Unit of a series' values, for RMSE labels. */
static const char *value_unit(const shp_forward_problem *fp, int kind, char *buf, size_t len)
{
    switch (kind) {
    case SHP_OBS_Q: snprintf(buf, len, "%s", shp_forward_length_unit(fp)); break;
    case SHP_OBS_V: snprintf(buf, len, "%s/%s", shp_forward_length_unit(fp), shp_forward_time_unit(fp)); break;
    case SHP_OBS_CONDUCTIVITY: snprintf(buf, len, "log10 K"); break;
    default: snprintf(buf, len, "-"); break;
    }
    return buf;
}

/* "ψ(v) [-]" or "RMSE(v) [cm/min]"; with a scale 10^e ≠ 1 "ψ(v) [1e-04]". */
static void objective_label(char *out, size_t len, const shp_problem *pb, int kind, int e)
{
    char u[32], scaled[48];
    const int rmse = metric_is_rmse(pb);
    value_unit(shp_problem_forward(pb), kind, u, sizeof u);
    if (!rmse) snprintf(u, sizeof u, "-");
    if (e) snprintf(scaled, sizeof scaled, "×1e%+03d%s%s", e, strcmp(u, "-") ? " " : "", strcmp(u, "-") ? u : "");
    else snprintf(scaled, sizeof scaled, "%s", u);
    snprintf(out, len, "%s(%s) [%s]", rmse ? "RMSE" : "ψ", shp_obs_name(kind), scaled);
}

/* The objective value of kind at the best solution, as key text ("" when kind is
 * observed but not an objective). */
static void best_objective_text(char *out, size_t len, const shp_problem *pb, const shp_fit_result *res,
                                int kind)
{
    out[0] = '\0';
    for (int k = 0; k < shp_problem_n_obj(pb); ++k)
        if (shp_problem_obj_kind(pb, k) == kind) {
            snprintf(out, len, ", %s = %.3g", metric_is_rmse(pb) ? "RMSE" : "ψ", res->f_best[k]);
            return;
        }
}

/* ------------------------------------------------------------ fit_curves.csv */

static int write_curves(const char *dir, const shp_problem *pb, const shp_fit_result *res,
                        const shp_material *best, const shp_material *truth, double *ks_max, char *err,
                        size_t len)
{
    const shp_forward_problem *fp = shp_problem_forward(pb);
    /* the 95 % bands (shpfit/uncertainty.h) go last, so the columns before keep their places */
    const int bands = res->uncertainty.status == SHP_OK && !res->uncertainty.singular;
    char path[SHP_PATH_MAX];
    FILE *f = shp_file_create_in(dir, "fit_curves.csv", path, sizeof path, err, len);
    if (!f) return SHP_ERR_IO;
    const char *L = shp_forward_length_unit(fp), *T = shp_forward_time_unit(fp);
    fprintf(f, "pF,suction_cm,h_%s", L);
    for (int i = 0; i < shp_forward_n_materials(fp); ++i) {
        char m[128];
        shp_curve_file_name(m, sizeof m, shp_forward_material_name(fp, i));
        fprintf(f, ",theta_%s_fit,K_%s_fit_%s_per_%s", m, m, L, T);
        if (truth) fprintf(f, ",theta_%s_true,K_%s_true_%s_per_%s", m, m, L, T);
    }
    for (int i = 0; i < shp_forward_n_materials(fp) && bands; ++i) {
        char m[128];
        shp_curve_file_name(m, sizeof m, shp_forward_material_name(fp, i));
        fprintf(f, ",theta_%s_lo95,theta_%s_hi95,K_%s_lo95_%s_per_%s,K_%s_hi95_%s_per_%s", m, m, m, L, T, m, L, T);
    }
    fputc('\n', f);
    *ks_max = 0.0;
    for (int i = 0; i < shp_forward_n_materials(fp); ++i)
        for (int w = 0; w < (truth ? 2 : 1) && shp_problem_k_determined(pb, i); ++w) {
            double th, K, C, dK;
            shp_hyd_eval(w ? &truth[i] : &best[i], 0.0, &th, &K, &C, &dK);
            *ks_max = fmax(*ks_max, K);
        }
    const int n = (int)lround((PF_MAX - PF_MIN) * PF_PER_DECADE);
    for (int k = 0; k <= n; ++k) {
        const double pF = PF_MIN + (double)k / PF_PER_DECADE;
        const double suction_cm = pow(10.0, pF);
        const double h = -suction_cm / shp_forward_cm_per_length(fp);
        fprintf(f, "%.4g,%.10g,%.10g", pF, suction_cm, h);
        /* K of a material whose K(h) the fit did not determine is left empty */
        for (int i = 0; i < shp_forward_n_materials(fp); ++i)
            for (int w = 0; w < (truth ? 2 : 1); ++w) {
                double th, K, C, dK;
                shp_hyd_eval(w ? &truth[i] : &best[i], h, &th, &K, &C, &dK);
                if (shp_problem_k_determined(pb, i)) fprintf(f, ",%.10g,%.10g", th, K);
                else fprintf(f, ",%.10g,", th);
            }
        for (int i = 0; i < shp_forward_n_materials(fp) && bands; ++i) {
            double th, K, C, dK, dth, dlk;
            shp_hyd_eval(&best[i], h, &th, &K, &C, &dK);
            shp_uncertainty_band(pb, &res->uncertainty, res->u_best, i, h, &dth, &dlk);
            if (shp_problem_k_determined(pb, i))
                fprintf(f, ",%.10g,%.10g,%.10g,%.10g", th - dth, th + dth, K * pow(10.0, -dlk), K * pow(10.0, dlk));
            else
                fprintf(f, ",%.10g,%.10g,,", th - dth, th + dth);
        }
        fputc('\n', f);
    }
    return shp_file_close(f, path, err, len);
}

/* ------------------------------------------------------------ the plots */

typedef struct {
    FILE *f;
    shp_problem *pb;
    const shp_forward_problem *fp;
    const shp_fit_options *opt;
    const shp_fit_result *res;
    const series_table *t;
    shp_plot_files *files;
    int have_truth;
    double ks_max;
} ctx;

/* Observed points and the simulated line of Q(t) or v(t). */
static void plot_time_series(ctx *c, int kind, const char *png, const char *what, const char *ylabel)
{
    char src[128], best[64];
    if (!series_source(c->f, c->t, kind, NAN, shp_obs_name(kind), src, sizeof src)) return;
    best_objective_text(best, sizeof best, c->pb, c->res, kind);
    fprintf(c->f,
            "\n# ---- %s\n"
            "set output '%s'\n"
            "set title sprintf('%s: observed and fitted, %%s', config) noenhanced\n"
            "set xlabel 'time t [%s]'\n"
            "set ylabel '%s'\n"
            "set xrange [0:*]\n"
            "set yrange [*:*]\n"
            "set offsets 0, 0, graph 0.05, graph 0.05\n",
            shp_obs_name(kind), png, what, shp_forward_time_unit(c->fp), ylabel);
    shp_plot_key_below(c->f, 2, 36 + (int)strlen(best), 900);
    fprintf(c->f,
            "plot %s using 2:5 with points pt 6 ps 1.3 lw 1.5 lc rgb '#000000' title 'observed', \\\n"
            "     %s using 2:6 with lines lw 2 lc rgb '%s' title 'simulated with the fitted parameters%s'\n",
            src, src, shp_plot_colour(kind), best);
    shp_plot_add_file(c->files, png);
}

static void plot_theta_final(ctx *c)
{
    char src[128], best[64];
    if (!series_source(c->f, c->t, SHP_OBS_THETA_FINAL, NAN, "theta_final", src, sizeof src)) return;
    best_objective_text(best, sizeof best, c->pb, c->res, SHP_OBS_THETA_FINAL);
    const shp_forward_problem *fp = c->fp;
    /* the simulated profile at every node (best_profile.csv) when it is at the observed
     * time, over the observed depths and a little beyond; else at the observed depths */
    const double tf = shp_problem_theta_final_time(c->pb);
    const double *z, *h, *theta;
    int n;
    double tp;
    const int whole = shp_problem_last_profile(c->pb, &z, &h, &theta, &n, &tp) == SHP_OK && tp == tf;
    double dmax = 0.0;
    for (int i = 0; i < c->t->n; ++i)
        if (c->t->row[i].kind == SHP_OBS_THETA_FINAL) dmax = fmax(dmax, c->t->row[i].depth);
    fprintf(c->f,
            "\n# ---- theta_final\n"
            "set output 'fit_theta_final.png'\n"
            "set title sprintf('Water content profile θ(z) at t = %g %s: observed and fitted, %%s', config) "
            "noenhanced\n"
            "set xlabel 'volumetric water content θ [-]'\n"
            "set ylabel 'depth z [%s] (downward)'\n"
            "set xrange [*:*]\n",
            tf, shp_forward_time_unit(fp), shp_forward_length_unit(fp));
    if (whole) fprintf(c->f, "set yrange [%.6g:0] \nset offsets graph 0.05, graph 0.05, 0, 0\n", 1.25 * dmax + 1e-9);
    else fprintf(c->f, "set yrange [*:*] reverse\nset offsets graph 0.05, graph 0.05, 0, 0\n");
    shp_plot_key_below(c->f, 2, 36 + (int)strlen(best), 900);
    if (whole)
        fprintf(c->f,
                "plot %s using 5:4 with points pt 6 ps 1.3 lw 1.5 lc rgb '#000000' title 'observed', \\\n"
                "     'best_profile.csv' skip 1 using 4:2 with lines lw 2 lc rgb '%s' "
                "title 'simulated with the fitted parameters, every node%s'\n",
                src, shp_plot_colour(SHP_OBS_THETA_FINAL), best);
    else
        fprintf(c->f,
                "plot %s using 5:4 with points pt 6 ps 1.3 lw 1.5 lc rgb '#000000' title 'observed', \\\n"
                "     %s using 6:4 with linespoints pt 7 ps 0.5 lw 2 lc rgb '%s' "
                "title 'simulated with the fitted parameters%s'\n",
                src, src, shp_plot_colour(SHP_OBS_THETA_FINAL), best);
    fprintf(c->f, "set yrange [*:*] noreverse\n");
    shp_plot_add_file(c->files, "fit_theta_final.png");
}

/* θ(t) at every observed depth: one colour per depth. */
static void plot_theta_t(ctx *c)
{
    double depth[64];
    int m = 0;
    for (int i = 0; i < c->t->n && m < 64; ++i) {
        const series_row *r = &c->t->row[i];
        if (r->kind != SHP_OBS_THETA_T) continue;
        int seen = 0;
        for (int j = 0; j < m && !seen; ++j) seen = depth[j] == r->depth;
        if (!seen) depth[m++] = r->depth;
    }
    if (m == 0) return;
    char src[64][128];
    for (int j = 0; j < m; ++j) {
        char tag[32];
        snprintf(tag, sizeof tag, "theta_t_%d", j + 1);
        series_source(c->f, c->t, SHP_OBS_THETA_T, depth[j], tag, src[j], sizeof src[j]);
    }
    char best[64];
    best_objective_text(best, sizeof best, c->pb, c->res, SHP_OBS_THETA_T);
    fprintf(c->f,
            "\n# ---- theta_t\n"
            "set output 'fit_theta_t.png'\n"
            "set title sprintf('Water content θ(t) at depths: observed (points) and fitted (lines%s), %%s', "
            "config) noenhanced\n"
            "set xlabel 'time t [%s]'\n"
            "set ylabel 'volumetric water content θ [-]'\n"
            "set xrange [0:*]\n"
            "set yrange [*:*]\n"
            "set offsets 0, 0, graph 0.05, graph 0.05\n"
            "set key outside right top vertical Right noreverse box height 0 spacing 1.1\n"
            "set bmargin\n"
            "plot ",
            best, shp_forward_time_unit(c->fp));
    for (int j = 0; j < m; ++j)
        fprintf(c->f,
                "%s%s using 2:5 with points pt 6 ps 1.2 lw 1.5 lc rgb '%s' title 'z = %g %s, observed', \\\n"
                "     %s using 2:6 with lines lw 2 lc rgb '%s' title 'z = %g %s, simulated'",
                j ? ", \\\n     " : "", src[j], shp_plot_colour(j), depth[j], shp_forward_length_unit(c->fp), src[j],
                shp_plot_colour(j), depth[j], shp_forward_length_unit(c->fp));
    fputc('\n', c->f);
    shp_plot_add_file(c->files, "fit_theta_t.png");
}

/* Retention (θ on x, pF on y) or conductivity (log K against pF) of every material,
 * fitted and true, with the observed points of that kind. */
static void plot_curve(ctx *c, int conductivity)
{
    const shp_forward_problem *fp = c->fp;
    const int per_mat = c->have_truth ? 4 : 2;
    char src[128] = "";
    const int kind = conductivity ? SHP_OBS_CONDUCTIVITY : SHP_OBS_RETENTION;
    const int n_obs = series_source(c->f, c->t, kind, NAN, shp_obs_name(kind), src, sizeof src);
    /* pF from the data, else from where the fitted curves change (a sand's curve is a
     * step that the whole −2 to 7 would squash) */
    double lo = PF_MIN, hi = PF_MAX;
    double *h = malloc((size_t)(c->t->n > 0 ? c->t->n : 1) * sizeof *h);
    shp_material *mats = malloc((size_t)shp_forward_n_materials(fp) * sizeof *mats);
    if (h && mats && shp_problem_materials(c->pb, c->res->u_best, mats, NULL, 0) == SHP_OK) {
        int m = 0;
        for (int i = 0; i < c->t->n; ++i)
            if (c->t->row[i].kind == kind) h[m++] = c->t->row[i].x;
        shp_plot_pf_range(mats, shp_forward_n_materials(fp), shp_forward_cm_per_length(fp), h, m, &lo, &hi);
    }
    free(h);
    free(mats);
    if (!conductivity)
        fprintf(c->f,
                "\n# ---- retention (fit_curves.csv)\n"
                "set output 'fit_retention.png'\n"
                "set title sprintf('Water retention curve θ(h): fitted%s, %%s', config) noenhanced\n"
                "set xlabel 'volumetric water content θ [-]'\n"
                "set ylabel 'pF = log_{10}(suction / cm)'\n"
                "set xrange [0:*]\n"
                "set yrange [%g:%g]\n"
                "set offsets 0, 0, 0, 0\n",
                c->have_truth ? " and true" : "", lo, hi);
    else
        fprintf(c->f,
                "\n# ---- conductivity (fit_curves.csv)\n"
                "set output 'fit_conductivity.png'\n"
                "set title sprintf('Hydraulic conductivity K(h): fitted%s, %%s', config) noenhanced\n"
                "set xlabel 'pF = log_{10}(suction / cm)'\n"
                "set ylabel 'K [%s/%s]'\n"
                "set logscale y\n"
                "set format y '10^{%%L}'\n"
                "set xrange [%g:%g]\n"
                "set offsets 0, 0, 0, 0\n",
                c->have_truth ? " and true" : "", shp_forward_length_unit(fp), shp_forward_time_unit(fp), lo, hi);
    /* with data, K over their pF range as it falls there; else 15 decades below the
     * largest Ks (the dry tail beyond is numerically 0) */
    if (conductivity && n_obs > 0) fprintf(c->f, "set yrange [*:*]\n");
    else if (conductivity) fprintf(c->f, "set yrange [%.6g:%.6g]\n", c->ks_max * 1e-15, c->ks_max * 3.0);
    const int entries = shp_forward_n_materials(fp) * (c->have_truth ? 2 : 1) + (n_obs > 0);
    int longest = 8;
    for (int i = 0; i < shp_forward_n_materials(fp); ++i) {
        const int l = (int)(strlen(shp_forward_material_name(fp, i)) + strlen(shp_model_by_id(shp_forward_materials(fp)[i].model)->name)) + 12;
        longest = l > longest ? l : longest;
    }
    /* the 95 % bands, the last columns of fit_curves.csv: shaded for K (filled between two
     * y at each pF), two dotted lines for θ (gnuplot fills only between two y) */
    const int bands = c->res->uncertainty.status == SHP_OK && !c->res->uncertainty.singular;
    shp_plot_key_below(c->f, entries + (bands ? shp_forward_n_materials(fp) : 0), longest, 900);
    fprintf(c->f, "plot ");
    for (int i = 0; i < shp_forward_n_materials(fp) && bands; ++i) {
        const int col = 4 + shp_forward_n_materials(fp) * per_mat + 4 * i;
        char title[200], qt[260];
        snprintf(title, sizeof title, "%s: 95 %% band", shp_forward_material_name(fp, i));
        shp_plot_quote(qt, sizeof qt, title);
        if (conductivity)
            fprintf(c->f, "%s'fit_curves.csv' skip 1 using 1:($%d > 0 ? $%d : 1/0):($%d > 0 ? $%d : 1/0) "
                          "with filledcurves fs transparent solid 0.25 noborder lc rgb '%s' title %s noenhanced",
                    i ? ", \\\n     " : "", col + 2, col + 2, col + 3, col + 3, shp_plot_colour(i), qt);
        else
            fprintf(c->f, "%s'fit_curves.csv' skip 1 using %d:1 with lines lw 1 dt 3 lc rgb '%s' title %s noenhanced, "
                          "\\\n     'fit_curves.csv' skip 1 using %d:1 with lines lw 1 dt 3 lc rgb '%s' notitle",
                    i ? ", \\\n     " : "", col, shp_plot_colour(i), qt, col + 1, shp_plot_colour(i));
    }
    for (int i = 0; i < shp_forward_n_materials(fp); ++i)
        for (int w = 0; w < (c->have_truth ? 2 : 1); ++w) {
            const int col_theta = 4 + i * per_mat + 2 * w, col_K = col_theta + 1;
            char using[96], title[200], qt[260];
            if (conductivity) snprintf(using, sizeof using, "1:($%d > 0 ? $%d : 1/0)", col_K, col_K);
            else snprintf(using, sizeof using, "%d:1", col_theta);
            snprintf(title, sizeof title, "%s (%s): %s", shp_forward_material_name(fp, i),
                     shp_model_by_id(shp_forward_materials(fp)[i].model)->name, w ? "true" : "fitted");
            shp_plot_quote(qt, sizeof qt, title);
            fprintf(c->f, "%s'fit_curves.csv' skip 1 using %s with lines lw %s dt %d lc rgb '%s' title %s noenhanced",
                    i || w || bands ? ", \\\n     " : "", using, w ? "2.5" : "2", w ? 2 : 1,
                    w && shp_forward_n_materials(fp) == 1 ? "#000000" : shp_plot_colour(i), qt);
        }
    if (n_obs > 0) {
        /* observed h [L] → pF; observed conductivities are log10 K */
        if (conductivity)
            fprintf(c->f, ", \\\n     %s using ($2 < 0 ? log10(-$2 * %.10g) : 1/0):(10**$5) with points pt 6 "
                          "ps 1.2 lw 1.5 lc rgb '#000000' title 'observed'",
                    src, shp_forward_cm_per_length(fp));
        else
            fprintf(c->f, ", \\\n     %s using 5:($2 < 0 ? log10(-$2 * %.10g) : 1/0) with points pt 6 "
                          "ps 1.2 lw 1.5 lc rgb '#000000' title 'observed'",
                    src, shp_forward_cm_per_length(fp));
    }
    fputc('\n', c->f);
    if (conductivity) fprintf(c->f, "unset logscale y\nset format y '%% h'\n");
    shp_plot_add_file(c->files, conductivity ? "fit_conductivity.png" : "fit_retention.png");
}

/* Best value of every objective against the generation, one line per objective and
 * step (steps of a two-step run: dashes, and a line where step 2 starts). */
static void plot_history(ctx *c)
{
    const shp_fit_result *res = c->res;
    const shp_fit_options *opt = c->opt;
    if (res->n_history == 0) return;
    const int two = opt->n_steps > 1;
    /* a log axis when the values span a decade or more, whole generations as tics
     * when there are few */
    double lo = HUGE_VAL, hi = 0.0;
    long generations = 0;
    for (int i = 0; i < res->n_history; ++i) {
        const shp_opt_log *l = &res->history[i].log;
        for (int k = 0; k < l->n_obj; ++k)
            if (l->best[k] > 0.0 && l->best[k] < 0.1 * SHP_PENALTY) {
                lo = fmin(lo, l->best[k]);
                hi = fmax(hi, l->best[k]);
            }
    }
    for (int s = 0; s < opt->n_steps; ++s) generations += res->generations[s];
    const int logy = hi > 0.0 && hi / lo >= 10.0;
    fprintf(c->f,
            "\n# ---- history.csv\n"
            "set output 'fit_history.png'\n"
            "set title sprintf('Convergence: best value of each objective per generation, %%s', config) "
            "noenhanced\n"
            "set xlabel 'generation%s'\n"
            "set ylabel '%s'\n"
            "%s"
            "set xtics %s\n"
            "set xrange [0:*]\n"
            "set yrange [*:*]\n"
            "set offsets 0, 0, %s, %s\n"
            "set key outside right top vertical Right noreverse box height 0 spacing 1.1\n"
            "set bmargin\n"
            "unset arrow\nunset label\n",
            two ? " (counted on through both steps)" : "",
            metric_is_rmse(c->pb) ? "best objective value (RMSE)" : "best objective value ψ = RMSE/σ [-]",
            logy ? "set logscale y\nset format y '10^{%L}'\n" : "", generations <= 12 ? "1" : "autofreq",
            logy ? "0" : "graph 0.05", logy ? "0" : "graph 0.05");
    long offset[SHP_FIT_MAX_STEPS] = {0};
    int first[SHP_FIT_MAX_STEPS], last[SHP_FIT_MAX_STEPS];
    for (int s = 0; s < opt->n_steps; ++s) first[s] = last[s] = -1;
    for (int i = 0; i < res->n_history; ++i) {
        const int s = res->history[i].step - 1;
        if (s < 0 || s >= opt->n_steps) continue;
        if (first[s] < 0) first[s] = i;
        last[s] = i;
    }
    for (int s = 1; s < opt->n_steps; ++s)
        offset[s] = last[s - 1] >= 0 ? offset[s - 1] + res->history[last[s - 1]].log.generation : offset[s - 1];
    for (int s = 1; s < opt->n_steps; ++s)
        if (first[s] >= 0)
            fprintf(c->f,
                    "set arrow from first %g, graph 0 to first %g, graph 1 nohead dt 3 lw 1.5 lc rgb '#606060'\n"
                    "set label 'step %d' at first %g, graph 0.97 offset 0.5,0 left tc rgb '#404040'\n",
                    offset[s] + 0.5, offset[s] + 0.5, s + 1, offset[s] + 0.5);
    fprintf(c->f, "plot ");
    int n_lines = 0;
    for (int s = 0; s < opt->n_steps; ++s) {
        if (first[s] < 0) continue;
        const shp_fit_step *st = &opt->step[s];
        for (int k = 0; k < st->n_obj; ++k) {
            const int kind = shp_problem_obj_kind(c->pb, st->obj[k]);
            const int col = 6 + k;
            char title[160], qt[200];
            if (two)
                snprintf(title, sizeof title, "step %d (%s): %s", s + 1, shp_opt_algorithm_name(st->alg),
                         shp_obs_name(kind));
            else
                snprintf(title, sizeof title, "%s", shp_obs_name(kind));
            shp_plot_quote(qt, sizeof qt, title);
            fprintf(c->f,
                    "%s'history.csv' skip 1 every ::%d::%d using ($2 + %ld):($%d > 0 && $%d < 1e29 ? $%d : 1/0) "
                    "with lines lw 2 dt %d lc rgb '%s' title %s noenhanced",
                    n_lines++ ? ", \\\n     " : "", first[s], last[s], offset[s], col, col, col,
                    s + 1, shp_plot_colour(kind), qt);
        }
    }
    fprintf(c->f, "\nunset logscale y\nset format y '%% h'\nset xtics autofreq\nunset arrow\nunset label\n");
    shp_plot_add_file(c->files, "fit_history.png");
}

/* Non-dominated set of the last step run: every pair of its objectives. */
static void plot_pareto(ctx *c)
{
    const shp_fit_result *res = c->res;
    const shp_fit_step *st = &c->opt->step[res->steps_run - 1];
    const int m = st->n_obj, nobj = shp_problem_n_obj(c->pb), dim = shp_problem_dim(c->pb);
    if (res->n_pareto < 2 || m < 2) return; /* one point is no front */
    const int pairs = m * (m - 1) / 2;
    const int cols = pairs <= 3 ? pairs : pairs <= 6 ? 3 : 5;
    const int rows = (pairs + cols - 1) / cols;
    const int width = cols == 1 ? 900 : 520 * cols, height = cols == 1 ? 650 : 500 * rows + 60;
    /* log axes where an objective spans more than a decade and a half; else values
     * far from 1 scaled by a power of ten (named in the label) for short tic labels */
    int logax[SHP_OBS_COUNT], expo[SHP_OBS_COUNT];
    for (int k = 0; k < m; ++k) {
        double lo = HUGE_VAL, hi = 0.0;
        for (int i = 0; i < res->n_pareto; ++i) {
            const double v = res->pareto_f[(long)i * nobj + st->obj[k]];
            lo = fmin(lo, v);
            hi = fmax(hi, fabs(v));
        }
        logax[k] = lo > 0.0 && hi / lo > 30.0;
        expo[k] = !logax[k] && hi > 0.0 && (hi < 1e-2 || hi >= 1e4) ? (int)floor(log10(hi)) : 0;
    }
    fprintf(c->f, "\n# ---- pareto.csv (step %d's objectives)\n$best << EOD\n", res->steps_run);
    for (int k = 0; k < nobj; ++k) fprintf(c->f, "%s%.12g", k ? "," : "", res->f_best[k]);
    fprintf(c->f,
            "\nEOD\n"
            "set terminal pngcairo size %d,%d enhanced font 'sans,11'\n"
            "set output 'fit_pareto.png'\n"
            "set xrange [*:*]\n"
            "set yrange [*:*]\n"
            "set offsets graph 0.05, graph 0.05, graph 0.05, graph 0.05\n",
            width, height);
    shp_plot_key_below(c->f, 2, 26, cols == 1 ? 900 : 520);
    fprintf(c->f, "set multiplot layout %d,%d title sprintf('Pareto front: %d non-dominated solutions%s, %%s', "
                  "config) noenhanced\n",
            rows, cols, res->n_pareto, res->steps_run > 1 ? " of step 2" : "");
    for (int a = 0; a < m; ++a)
        for (int b = a + 1; b < m; ++b) {
            const int ka = shp_problem_obj_kind(c->pb, st->obj[a]);
            const int kb = shp_problem_obj_kind(c->pb, st->obj[b]);
            char la[96], lb[96], qa[120], qb[120];
            objective_label(la, sizeof la, c->pb, ka, expo[a]);
            objective_label(lb, sizeof lb, c->pb, kb, expo[b]);
            char ua[64], ub[64]; /* using columns, scaled */
            const int ca = dim + 1 + st->obj[a], cb = dim + 1 + st->obj[b];
            snprintf(ua, sizeof ua, "($%d / 1e%d):($%d / 1e%d)", ca, expo[a], cb, expo[b]);
            snprintf(ub, sizeof ub, "($%d / 1e%d):($%d / 1e%d)", st->obj[a] + 1, expo[a], st->obj[b] + 1,
                     expo[b]);
            shp_plot_quote(qa, sizeof qa, la);
            shp_plot_quote(qb, sizeof qb, lb);
            fprintf(c->f,
                    "set title '%s against %s' noenhanced\n"
                    "set xlabel %s noenhanced\n"
                    "set ylabel %s noenhanced\n"
                    "%sset logscale x\n"
                    "%sset logscale y\n"
                    "set format x '%s'\n"
                    "set format y '%s'\n"
                    "plot 'pareto.csv' skip 1 using %s with points pt 7 ps 1.0 lc rgb '#0072b2' "
                    "title 'non-dominated solutions', \\\n"
                    "     $best using %s with points pt 3 ps 2.5 lw 2 lc rgb '#d55e00' "
                    "title 'best solution (reported)'\n"
                    "set key off  # the first panel's key serves them all\n",
                    shp_obs_name(kb), shp_obs_name(ka), qa, qb, logax[a] ? "" : "un", logax[b] ? "" : "un",
                    logax[a] ? "10^{%L}" : "%g", logax[b] ? "10^{%L}" : "%g", ua, ub);
        }
    fprintf(c->f, "unset multiplot\nunset logscale\nset format x '%% h'\nset format y '%% h'\n");
    shp_plot_add_file(c->files, "fit_pareto.png");
}

int shp_plot_fit(const char *dir, shp_problem *pb, const shp_fit_options *opt,
                 const shp_fit_result *res, shp_plot_files *files, char *err, size_t len)
{
    if (files) files->n = 0;
    const shp_forward_problem *fp = shp_problem_forward(pb);
    const size_t nm = (size_t)shp_forward_n_materials(fp);
    shp_material *best = malloc(nm * sizeof *best), *truth = malloc(nm * sizeof *truth);
    if (!best || !truth) {
        free(best);
        free(truth);
        snprintf(err, len, "out of memory");
        return SHP_ERR_NOMEM;
    }
    char why[256];
    int rc = shp_problem_materials(pb, res->u_best, best, why, sizeof why);
    if (rc != SHP_OK) snprintf(err, len, "the best parameters are not a valid material: %s", why);
    const int have_truth = opt->have_truth && shp_fit_truth(pb, truth, why, sizeof why) == SHP_OK;
    double ks_max = 0.0;
    if (rc == SHP_OK) rc = write_curves(dir, pb, res, best, have_truth ? truth : NULL, &ks_max, err, len);
    free(best);
    free(truth);
    if (rc != SHP_OK) return rc;

    series_table t;
    rc = read_series(dir, &t, err, len);
    if (rc != SHP_OK) return rc;
    char path[SHP_PATH_MAX];
    FILE *f = shp_file_create_in(dir, "fit_plots.gp", path, sizeof path, err, len);
    if (!f) {
        free(t.row), free(t.raw.row);
        return SHP_ERR_IO;
    }
    char cfg[600], ylab[96];
    shp_plot_quote(cfg, sizeof cfg, shp_plot_base_name(shp_forward_source(fp)));
    shp_plot_preamble(f);
    fprintf(f, "config = %s\n", cfg);
    for (int i = 0; i < t.n; ++i) /* observed conductivities (log10 K) within the K axis */
        if (t.row[i].kind == SHP_OBS_CONDUCTIVITY && isfinite(t.row[i].obs))
            ks_max = fmax(ks_max, pow(10.0, t.row[i].obs));
    ctx c = {f, pb, fp, opt, res, &t, files, have_truth, ks_max};
    snprintf(ylab, sizeof ylab, "cumulative infiltration Q [%s]", shp_forward_length_unit(fp));
    plot_time_series(&c, SHP_OBS_Q, "fit_Q.png", "Cumulative infiltration Q(t)", ylab);
    snprintf(ylab, sizeof ylab, "infiltration rate v [%s/%s]", shp_forward_length_unit(fp), shp_forward_time_unit(fp));
    plot_time_series(&c, SHP_OBS_V, "fit_v.png", "Infiltration rate v(t)", ylab);
    plot_theta_final(&c);
    plot_theta_t(&c);
    shp_plot_station(f, pb, files);
    plot_curve(&c, 0);
    if (c.ks_max > 0.0) plot_curve(&c, 1); /* no material's K(h) determined: no plot */
    plot_history(&c);
    plot_pareto(&c);
    fprintf(f, "unset output\n");
    free(t.row), free(t.raw.row);
    return shp_file_close(f, path, err, len);
}
