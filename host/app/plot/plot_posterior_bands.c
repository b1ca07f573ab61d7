/* `shpfit posterior`'s bands (plot/plot_posterior_internal.h): the observed column
 * series' predictive panels (posterior_predictive.csv) and the retention and conductivity
 * curves (posterior_curves.csv) with their observations. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/fs.h"
#include "plot/plot_posterior_internal.h"
#include "shpfit/physics/hydraulics.h"
#include "shpfit/status.h"

#define MAX_DEPTHS 32 /* θ(t) depths drawn */

/* ------------------------------------------------------------ posterior_predictive.csv */

int shp_plot_post_read_predictive(const char *dir, pred_table *t, char *err, size_t len)
{
    t->row = NULL;
    t->n = 0;
    const int rc = shp_plot_read_rows(dir, "posterior_predictive.csv", 12, &t->raw, err, len);
    if (rc != SHP_OK) return rc;
    if (!(t->row = shp_plot_rows_typed(&t->raw, sizeof *t->row, err, len))) return SHP_ERR_NOMEM;
    for (int k = 0; k < t->raw.n; ++k) {
        const double *v = t->raw.row[k].v;
        t->row[k] = (pred_row){t->raw.row[k].kind, v[1], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10]};
    }
    t->n = t->raw.n;
    return SHP_OK;
}

static int pred_count(const pred_table *t, int kind)
{
    int n = 0;
    for (int i = 0; i < t->n; ++i) n += t->row[i].kind == kind;
    return n;
}

/* A gnuplot data source for one series with posterior_predictive.csv's columns
 * (shp_plot_rows_source). Returns the row count. */
static int pred_source(FILE *f, const pred_table *t, int kind, double depth, const char *tag, char *src,
                       size_t len)
{
    return shp_plot_rows_source(f, &t->raw, "posterior_predictive.csv", 12, kind, depth, tag, src, len);
}

/* ------------------------------------------------------------ the observed series */

/* Q(t) or v(t): the predictive band (light), the parameters' band (darker), the MAP's
 * simulation and the observations. */
static void panel_time_series(post_ctx *c, int kind, const char *what, const char *ylabel, int panel_w)
{
    char src[128];
    if (!pred_source(c->f, c->t, kind, NAN, shp_obs_name(kind), src, sizeof src)) return;
    fprintf(c->f,
            "set title '%s' noenhanced\n"
            "set xlabel 'time t [%s]'\n"
            "set ylabel '%s'\n"
            "unset logscale\nset format x '%%g'\nset format y '%%g'\n"
            "set xrange [0:*]\nset yrange [*:*] noreverse\n"
            "set offsets 0, 0, graph 0.05, graph 0.05\n",
            what, shp_forward_time_unit(c->fp), ylabel);
    shp_plot_key_below(c->f, 4, 22, panel_w);
    fprintf(c->f,
            "plot %s using 2:10:11 with filledcurves fs transparent solid 0.18 noborder lc rgb '%s' "
            "title '95 %% band, predictive', \\\n"
            "     %s using 2:7:9 with filledcurves fs transparent solid 0.45 noborder lc rgb '%s' "
            "title '95 %% band, parameters', \\\n"
            "     %s using 2:6 with lines lw 2 lc rgb '%s' title 'MAP', \\\n"
            "     %s using 2:5 with points pt 6 ps 1.1 lw 1.5 lc rgb '#000000' title 'observed'\n",
            src, shp_plot_colour(kind), src, shp_plot_colour(kind), src, shp_plot_colour(kind), src);
}

static int cmp_depth(const void *a, const void *b)
{
    const double x = ((const pred_row *)a)->x, y = ((const pred_row *)b)->x;
    return (x > y) - (x < y);
}

/* The bands of θ(z), filled between two θ at each depth: closed polygons (down the low
 * edge, up the high one) in data blocks. */
static void theta_final_bands(post_ctx *c, pred_row *rows, int n)
{
    qsort(rows, (size_t)n, sizeof *rows, cmp_depth);
    for (int b = 0; b < 2; ++b) {
        fprintf(c->f, "$tf_%s << EOD\n", b ? "pred" : "band");
        for (int i = 0; i < n; ++i) {
            const double lo = b ? rows[i].plo : rows[i].lo;
            if (isfinite(lo)) fprintf(c->f, "%.12g,%.12g\n", lo, rows[i].x);
        }
        for (int i = n - 1; i >= 0; --i) {
            const double hi = b ? rows[i].phi : rows[i].hi;
            if (isfinite(hi)) fprintf(c->f, "%.12g,%.12g\n", hi, rows[i].x);
        }
        fprintf(c->f, "EOD\n");
    }
}

static void panel_theta_final(post_ctx *c, int panel_w)
{
    char src[128];
    const int n = pred_count(c->t, SHP_OBS_THETA_FINAL);
    pred_row *rows = n > 0 ? malloc((size_t)n * sizeof *rows) : NULL;
    if (!rows || !pred_source(c->f, c->t, SHP_OBS_THETA_FINAL, NAN, "theta_final", src, sizeof src)) {
        free(rows);
        return;
    }
    int m = 0;
    for (int i = 0; i < c->t->n; ++i)
        if (c->t->row[i].kind == SHP_OBS_THETA_FINAL) rows[m++] = c->t->row[i];
    double dmax = 0.0;
    for (int i = 0; i < m; ++i)
        if (isfinite(rows[i].x)) dmax = fmax(dmax, rows[i].x);
    theta_final_bands(c, rows, m);
    free(rows);
    const char *colour = shp_plot_colour(SHP_OBS_THETA_FINAL);
    const double tf = shp_problem_theta_final_time(c->pb);
    char when[64] = "";
    if (isfinite(tf)) snprintf(when, sizeof when, " at t = %g %s", tf, shp_forward_time_unit(c->fp));
    fprintf(c->f,
            "set title 'Water content profile θ(z)%s' noenhanced\n"
            "set xlabel 'volumetric water content θ [-]'\n"
            "set ylabel 'depth z [%s] (downward)'\n"
            "unset logscale\nset format x '%%g'\nset format y '%%g'\n"
            "set xrange [*:*]\nset yrange [%.6g:0]\n"
            "set offsets graph 0.05, graph 0.05, 0, 0\n",
            when, shp_forward_length_unit(c->fp), dmax > 0.0 ? 1.1 * dmax : 1.0);
    shp_plot_key_below(c->f, 4, 22, panel_w);
    fprintf(c->f,
            "plot %s using 1:2 with filledcurves closed fs transparent solid 0.18 noborder lc rgb '%s' "
            "title '95 %% band, predictive', \\\n"
            "     %s using 1:2 with filledcurves closed fs transparent solid 0.45 noborder lc rgb '%s' "
            "title '95 %% band, parameters', \\\n"
            "     %s using 6:4 with linespoints pt 7 ps 0.5 lw 2 lc rgb '%s' title 'MAP', \\\n"
            "     %s using 5:4 with points pt 6 ps 1.1 lw 1.5 lc rgb '#000000' title 'observed'\n",
            "$tf_pred", colour, "$tf_band", colour, src, colour, src);
}

/* θ(t) at every observed depth: one colour per depth, its parameters' band, MAP and
 * observations (the predictive bands would hide one another). */
static void panel_theta_t(post_ctx *c, int panel_w)
{
    double depth[MAX_DEPTHS];
    int m = 0;
    for (int i = 0; i < c->t->n && m < MAX_DEPTHS; ++i) {
        const pred_row *r = &c->t->row[i];
        if (r->kind != SHP_OBS_THETA_T) continue;
        int seen = 0;
        for (int j = 0; j < m && !seen; ++j) seen = depth[j] == r->depth;
        if (!seen) depth[m++] = r->depth;
    }
    if (m == 0) return;
    char src[MAX_DEPTHS][128];
    for (int j = 0; j < m; ++j) {
        char tag[32];
        snprintf(tag, sizeof tag, "theta_t_%d", j + 1);
        pred_source(c->f, c->t, SHP_OBS_THETA_T, depth[j], tag, src[j], sizeof src[j]);
    }
    fprintf(c->f,
            "set title 'Water content θ(t) at depths: points observed, lines MAP, shaded 95 %% band (parameters)' "
            "noenhanced\n"
            "set xlabel 'time t [%s]'\n"
            "set ylabel 'volumetric water content θ [-]'\n"
            "unset logscale\nset format x '%%g'\nset format y '%%g'\n"
            "set xrange [0:*]\nset yrange [*:*] noreverse\n"
            "set offsets 0, 0, graph 0.05, graph 0.05\n",
            shp_forward_time_unit(c->fp));
    shp_plot_key_below(c->f, m, 16 + (int)strlen(shp_forward_length_unit(c->fp)), panel_w);
    fprintf(c->f, "plot ");
    for (int j = 0; j < m; ++j)
        fprintf(c->f,
                "%s%s using 2:7:9 with filledcurves fs transparent solid 0.3 noborder lc rgb '%s' notitle, \\\n"
                "     %s using 2:6 with lines lw 2 lc rgb '%s' title 'z = %g %s', \\\n"
                "     %s using 2:5 with points pt 6 ps 1.0 lw 1.5 lc rgb '%s' notitle",
                j ? ", \\\n     " : "", src[j], shp_plot_colour(j), src[j], shp_plot_colour(j), depth[j],
                shp_forward_length_unit(c->fp), src[j], shp_plot_colour(j));
    fputc('\n', c->f);
}

/* One panel per column series observed (retention and conductivity: the curve plots). */
void shp_plot_post_predictive(post_ctx *c)
{
    static const int kinds[] = {SHP_OBS_THETA_FINAL, SHP_OBS_THETA_T, SHP_OBS_Q, SHP_OBS_V};
    int present[4], n = 0;
    for (int k = 0; k < 4; ++k) {
        present[k] = shp_problem_has_obs(c->pb, kinds[k]) && pred_count(c->t, kinds[k]) > 0;
        n += present[k];
    }
    if (n == 0) return;
    int cols, rows;
    shp_plot_post_layout(n, 2, &cols, &rows);
    const int pw = 760, ph = 620;
    fprintf(c->f, "\n# ---- observed series (posterior_predictive.csv)\n");
    shp_plot_post_begin_plot(c->f, "posterior_predictive.png", pw * cols, 70 + ph * rows);
    fprintf(c->f,
            "set multiplot layout %d,%d title sprintf(\"Posterior predictive: the observed series, %%s\\n95 %%%% "
            "bands over the posterior draws: parameters = the simulated values, predictive = with the "
            "observation noise\", config) noenhanced\n",
            rows, cols);
    char ylab[96];
    for (int k = 0; k < 4; ++k) {
        if (!present[k]) continue;
        switch (kinds[k]) {
        case SHP_OBS_THETA_FINAL: panel_theta_final(c, pw); break;
        case SHP_OBS_THETA_T: panel_theta_t(c, pw); break;
        case SHP_OBS_Q:
            snprintf(ylab, sizeof ylab, "cumulative infiltration Q [%s]", shp_forward_length_unit(c->fp));
            panel_time_series(c, SHP_OBS_Q, "Cumulative infiltration Q(t)", ylab, pw);
            break;
        default:
            snprintf(ylab, sizeof ylab, "infiltration rate v [%s/%s]", shp_forward_length_unit(c->fp), shp_forward_time_unit(c->fp));
            panel_time_series(c, SHP_OBS_V, "Infiltration rate v(t)", ylab, pw);
            break;
        }
    }
    fprintf(c->f, "unset multiplot\n");
    shp_plot_add_file(c->files, "posterior_predictive.png");
}

/* ------------------------------------------------------------ the curves */

/* Retention (θ on x, pF on y; the band as its two edges, gnuplot filling only between
 * two y) or conductivity (log K against pF, the band shaded) of every material (with K
 * determined), with the observations of that kind. */
void shp_plot_post_curve(post_ctx *c, int conductivity)
{
    const shp_forward_problem *fp = c->fp;
    const int kind = conductivity ? SHP_OBS_CONDUCTIVITY : SHP_OBS_RETENTION;
    int shown = 0;
    for (int i = 0; i < shp_forward_n_materials(fp); ++i) shown += !conductivity || shp_problem_k_determined(c->pb, i);
    if (!shown) return;
    char src[128] = "";
    const int n_obs = shp_problem_has_obs(c->pb, kind)
                          ? pred_source(c->f, c->t, kind, NAN, shp_obs_name(kind), src, sizeof src)
                          : 0;
    double lo, hi, ks_max = 0.0;
    double *h = malloc((size_t)(n_obs > 0 ? n_obs : 1) * sizeof *h);
    int m = 0;
    for (int i = 0; i < c->t->n && h; ++i)
        if (c->t->row[i].kind == kind) h[m++] = c->t->row[i].x;
    shp_plot_pf_range(c->mats, c->mats ? shp_forward_n_materials(fp) : 0, shp_forward_cm_per_length(fp), h, m, &lo, &hi);
    free(h);
    for (int i = 0; i < shp_forward_n_materials(fp) && c->mats && conductivity; ++i)
        if (shp_problem_k_determined(c->pb, i)) {
            double th, K, C, dK;
            shp_hyd_eval(&c->mats[i], 0.0, &th, &K, &C, &dK);
            if (isfinite(K)) ks_max = fmax(ks_max, K);
        }
    const char *png = conductivity ? "posterior_conductivity.png" : "posterior_retention.png";
    fprintf(c->f, "\n# ---- %s (posterior_curves.csv)\n", conductivity ? "conductivity" : "retention");
    int longest = 10;
    for (int i = 0; i < shp_forward_n_materials(fp); ++i) {
        const int l = (int)(strlen(shp_forward_material_name(fp, i)) + strlen(shp_model_by_id(shp_forward_materials(fp)[i].model)->name)) + 14;
        longest = l > longest ? l : longest;
    }
    shp_plot_post_begin_plot(c->f, png, 900, 650);
    if (conductivity)
        fprintf(c->f,
                "set title sprintf('Hydraulic conductivity K(h): posterior median, MAP and 95 %%%% band, %%s', config) "
                "noenhanced\n"
                "set xlabel 'pF = log_{10}(suction / cm)'\n"
                "set ylabel 'K [%s/%s]'\n"
                "set logscale y\n"
                "set format y '10^{%%L}'\n"
                "set xrange [%g:%g]\n",
                shp_forward_length_unit(fp), shp_forward_time_unit(fp), lo, hi);
    else
        fprintf(c->f,
                "set title sprintf('Water retention curve θ(h): posterior median, MAP and 95 %%%% band, %%s', config) "
                "noenhanced\n"
                "set xlabel 'volumetric water content θ [-]'\n"
                "set ylabel 'pF = log_{10}(suction / cm)'\n"
                "set xrange [0:*]\n"
                "set yrange [%g:%g]\n",
                lo, hi);
    /* K down to three decades below the smallest observation, else 15 below the largest
     * Ks (the band's dry edge may fall far below: numerically 0 there) */
    double kmin = HUGE_VAL, kmax = ks_max;
    for (int i = 0; i < c->t->n && conductivity && n_obs > 0; ++i)
        if (c->t->row[i].kind == SHP_OBS_CONDUCTIVITY && isfinite(c->t->row[i].obs)) {
            kmin = fmin(kmin, pow(10.0, c->t->row[i].obs));
            kmax = fmax(kmax, pow(10.0, c->t->row[i].obs));
        }
    if (conductivity && kmin < HUGE_VAL && kmin > 0.0)
        fprintf(c->f, "set yrange [%.6g:%.6g]\n", kmin * 1e-3, kmax * 10.0);
    else if (conductivity && ks_max > 0.0) fprintf(c->f, "set yrange [%.6g:%.6g]\n", ks_max * 1e-15, ks_max * 10.0);
    shp_plot_key_below(c->f, 3 * shown + (n_obs > 0), longest, 900);
    fprintf(c->f, "plot ");
    int terms = 0;
    for (int i = 0; i < shp_forward_n_materials(fp); ++i) {
        if (conductivity && !shp_problem_k_determined(c->pb, i)) continue;
        const int col = 4 + 8 * i + (conductivity ? 4 : 0); /* the MAP's; lo95, median, hi95 after it */
        const char *colour = shp_plot_colour(i);
        char t_band[200], t_med[200], t_map[200], q_band[260], q_med[260], q_map[260];
        snprintf(t_band, sizeof t_band, "%s: 95 %% band", shp_forward_material_name(fp, i));
        snprintf(t_med, sizeof t_med, "%s (%s): median", shp_forward_material_name(fp, i),
                 shp_model_by_id(shp_forward_materials(fp)[i].model)->name);
        snprintf(t_map, sizeof t_map, "%s: MAP", shp_forward_material_name(fp, i));
        shp_plot_quote(q_band, sizeof q_band, t_band);
        shp_plot_quote(q_med, sizeof q_med, t_med);
        shp_plot_quote(q_map, sizeof q_map, t_map);
        const char *sep = terms++ ? ", \\\n     " : "";
        if (conductivity)
            fprintf(c->f,
                    "%s'posterior_curves.csv' skip 1 using 1:($%d > 0 ? $%d : 1/0):($%d > 0 ? $%d : 1/0) "
                    "with filledcurves fs transparent solid 0.25 noborder lc rgb '%s' title %s noenhanced, \\\n"
                    "     'posterior_curves.csv' skip 1 using 1:($%d > 0 ? $%d : 1/0) with lines lw 2 lc rgb '%s' "
                    "title %s noenhanced, \\\n"
                    "     'posterior_curves.csv' skip 1 using 1:($%d > 0 ? $%d : 1/0) with lines lw 1.5 dt 2 "
                    "lc rgb '%s' title %s noenhanced",
                    sep, col + 1, col + 1, col + 3, col + 3, colour, q_band, col + 2, col + 2, colour, q_med, col, col,
                    i ? colour : "#000000", q_map);
        else
            fprintf(c->f,
                    "%s'posterior_curves.csv' skip 1 using %d:1 with lines lw 1.2 dt 3 lc rgb '%s' title %s "
                    "noenhanced, \\\n"
                    "     'posterior_curves.csv' skip 1 using %d:1 with lines lw 1.2 dt 3 lc rgb '%s' notitle, \\\n"
                    "     'posterior_curves.csv' skip 1 using %d:1 with lines lw 2 lc rgb '%s' title %s "
                    "noenhanced, \\\n"
                    "     'posterior_curves.csv' skip 1 using %d:1 with lines lw 1.5 dt 2 lc rgb '%s' title %s "
                    "noenhanced",
                    sep, col + 1, colour, q_band, col + 3, colour, col + 2, colour, q_med, col,
                    i ? colour : "#000000", q_map);
    }
    if (n_obs > 0) {
        /* observed h [L] → pF (saturated points, h = 0, on the lower edge); conductivities are log10 K */
        if (conductivity)
            fprintf(c->f, ", \\\n     %s using ($2 < 0 ? log10(-$2 * %.10g) : %g):(10**$5) with points pt 6 "
                          "ps 1.2 lw 1.5 lc rgb '#000000' title 'observed'",
                    src, shp_forward_cm_per_length(fp), lo);
        else
            fprintf(c->f, ", \\\n     %s using 5:($2 < 0 ? log10(-$2 * %.10g) : %g) with points pt 6 "
                          "ps 1.2 lw 1.5 lc rgb '#000000' title 'observed'",
                    src, shp_forward_cm_per_length(fp), lo);
    }
    fputc('\n', c->f);
    shp_plot_add_file(c->files, png);
}
