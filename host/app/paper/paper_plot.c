/* The figures of the seed-002 report (paper/paper_report.h), as seed Figure 7 (noise-free,
 * one fitted curve per initial saturation) and Figures 8–10 (one per measurement error):
 * per variant a 2 × (soils) grid, retention θ(|h|) on a log suction axis on top and
 * conductivity K(θ) on a log K axis below, the true curve as a line and the fitted curve
 * of the median run (by retention RMSE) of each case dashed with points. The data go to
 * figure7_<variant>.csv / errors_<variant>.csv first, so the plots can be redrawn. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "io/fs.h"
#include "paper/paper_internal.h"
#include "paper/paper_report.h"
#include "plot/plot.h"
#include "shpfit/status.h"

/* Okabe–Ito, colour-blind safe; point types circle, triangle, square, … as the seed's. */
static const char *const colours[] = {"#0072b2", "#d55e00", "#009e73", "#cc79a7",
                                      "#e69f00", "#56b4e9", "#999933", "#882255"};
static const int points[] = {6, 8, 4, 12, 10, 14, 2, 1};
#define N_STYLES 8

/* Suction grid of the curves: 10 points per decade from 0.1 to 1e5 cm; K(θ) is drawn only
 * up to the compared range, SHP_PAPER_PSI_MAX_CM. */
#define PSI_LO_EXP (-1)
#define PSI_HI_EXP 5
#define PER_DECADE 10

/* The layout of one figure: soils (columns) × series (cases: saturations or errors). */
typedef struct {
    int errors;        /* 0: Figure 7 (saturations), 1: Figures 8–10 (errors) */
    int n_soils, n_series;
    int *soil_case;    /* per soil: a case of it (its truth) */
    int *series_case;  /* per series: a case that defines it (its key) */
    int *cell;         /* n_soils × n_series: the case, or −1 */
} layout;

static void layout_free(layout *l)
{
    free(l->soil_case);
    free(l->series_case);
    free(l->cell);
}

static int same_series(const pr_data *d, const layout *l, int a, int b)
{
    const pr_case *x = &d->cases[a], *y = &d->cases[b];
    if (l->errors) return !strcmp(x->error, y->error);
    return x->saturation == y->saturation || (isnan(x->saturation) && isnan(y->saturation));
}

static int find_or_add(int *list, int *n, int c, int (*same)(const pr_data *, const layout *, int, int),
                       const pr_data *d, const layout *l)
{
    for (int i = 0; i < *n; ++i)
        if (same(d, l, list[i], c)) return i;
    list[*n] = c;
    return (*n)++;
}

static int same_soil(const pr_data *d, const layout *l, int a, int b)
{
    (void)l;
    return !strcmp(d->cases[a].soil, d->cases[b].soil);
}

/* Series order: by saturation (Figure 7) or by the paper's order of errors. */
static double series_order_key(const pr_data *d, const layout *l, int c)
{
    const pr_case *x = &d->cases[c];
    return l->errors ? x->error_rank : isnan(x->saturation) ? HUGE_VAL : x->saturation;
}

/* Soils in table order, series sorted by their key; every case in its cell. */
static int layout_build(const pr_data *d, int errors, layout *l)
{
    memset(l, 0, sizeof *l);
    l->errors = errors;
    const size_t n = (size_t)d->n_cases + 1;
    int *order = malloc(n * sizeof *order);
    l->soil_case = malloc(n * sizeof *l->soil_case);
    l->series_case = malloc(n * sizeof *l->series_case);
    l->cell = malloc(n * n * sizeof *l->cell);
    if (!order || !l->soil_case || !l->series_case || !l->cell) {
        free(order);
        layout_free(l);
        return SHP_ERR_NOMEM;
    }
    const int m = pr_case_order(d, !errors, order);
    for (int i = 0; i < m; ++i) {
        find_or_add(l->soil_case, &l->n_soils, order[i], same_soil, d, l);
        find_or_add(l->series_case, &l->n_series, order[i], same_series, d, l);
    }
    for (int i = 1; i < l->n_series; ++i) /* insertion sort: a handful of series */
        for (int k = i; k > 0 && series_order_key(d, l, l->series_case[k]) <
                                     series_order_key(d, l, l->series_case[k - 1]);
             --k) {
            const int t = l->series_case[k];
            l->series_case[k] = l->series_case[k - 1];
            l->series_case[k - 1] = t;
        }
    for (int i = 0; i < l->n_soils * l->n_series; ++i) l->cell[i] = -1;
    for (int i = 0; i < m; ++i) {
        const int so = find_or_add(l->soil_case, &l->n_soils, order[i], same_soil, d, l);
        const int se = find_or_add(l->series_case, &l->n_series, order[i], same_series, d, l);
        if (l->cell[so * l->n_series + se] < 0) l->cell[so * l->n_series + se] = order[i];
    }
    free(order);
    return SHP_OK;
}

/* Column key and legend title of a series. */
static void series_key(const pr_data *d, const layout *l, int s, char *key, size_t klen, char *title, size_t tlen)
{
    const pr_case *c = &d->cases[l->series_case[s]];
    if (l->errors) {
        snprintf(key, klen, "%s", c->error);
        snprintf(title, tlen, "%s", pr_error_label(c->error));
    } else if (isnan(c->saturation)) {
        snprintf(key, klen, "Se_unknown");
        snprintf(title, tlen, "Se not given");
    } else {
        snprintf(key, klen, "Se%g", c->saturation);
        snprintf(title, tlen, "Se %g %%", c->saturation);
    }
    for (char *p = key; *p; ++p)
        if (*p == ',' || *p == '"' || *p == '\'') *p = '_';
}

/* ------------------------------------------------------------ data */

/* The median run's material of every cell of variant v (−1: none). */
static void cell_runs(const pr_data *d, const layout *l, int v, int *run)
{
    for (int i = 0; i < l->n_soils * l->n_series; ++i) run[i] = l->cell[i] < 0 ? -1 : pr_median_run(d, l->cell[i], v);
}

static void csv_point(FILE *f, const pr_case *cs, const shp_material *m, double psi_cm)
{
    double th, K;
    pr_curve_point(cs, m, psi_cm, &th, &K);
    fprintf(f, ",%.10g,", th);
    if (K > 0.0 && isfinite(K)) fprintf(f, "%.10g", K);
}

static int write_data(const pr_data *d, const layout *l, const int *run, const char *path, char *err,
                      size_t len)
{
    FILE *f = shp_file_create(path, err, len);
    if (!f) return SHP_ERR_IO;
    fprintf(f, "soil,suction_cm,theta_true_cm3_per_cm3,K_true_cm_per_min");
    for (int s = 0; s < l->n_series; ++s) {
        char key[64], title[96];
        series_key(d, l, s, key, sizeof key, title, sizeof title);
        fprintf(f, ",theta_%s_cm3_per_cm3,K_%s_cm_per_min", key, key);
    }
    fputc('\n', f);
    const int n = (PSI_HI_EXP - PSI_LO_EXP) * PER_DECADE;
    for (int so = 0; so < l->n_soils; ++so) {
        const pr_case *tc = &d->cases[l->soil_case[so]];
        char soil[64];
        snprintf(soil, sizeof soil, "%s", tc->soil);
        for (char *p = soil; *p; ++p)
            if (*p == ',' || *p == '"' || *p == '\'') *p = '_';
        for (int k = 0; k <= n; ++k) {
            const double psi = pow(10.0, PSI_LO_EXP + (double)k / PER_DECADE);
            fprintf(f, "%s,%.6g", soil, psi);
            csv_point(f, tc, &tc->truth, psi);
            for (int s = 0; s < l->n_series; ++s) {
                const int r = run[so * l->n_series + s];
                if (r < 0) fprintf(f, ",,");
                else csv_point(f, &d->cases[d->runs[r].c], &d->runs[r].fit, psi);
            }
            fputc('\n', f);
        }
    }
    return shp_file_close(f, path, err, len);
}

/* ------------------------------------------------------------ script */

/* The x of a panel's rows of this soil: the suction (retention), or the θ of column
 * theta_col within the compared suction range (conductivity); 1/0 (skipped) elsewhere. */
static void x_expression(char *buf, size_t len, const char *qsoil, int conductivity, int theta_col)
{
    if (conductivity)
        snprintf(buf, len, "strcol(1) eq %s && $2 <= %g ? $%d : 1/0", qsoil, SHP_PAPER_PSI_MAX_CM, theta_col);
    else
        snprintf(buf, len, "strcol(1) eq %s ? $2 : 1/0", qsoil);
}

/* One panel: the true curve and the fitted series that exist for this soil. */
static void panel(FILE *f, const pr_data *d, const layout *l, const int *run, int so, int conductivity,
                  const char *csv)
{
    char qsoil[160], qcsv[1100], title[200], qt[260];
    shp_plot_quote(qsoil, sizeof qsoil, d->cases[l->soil_case[so]].soil);
    shp_plot_quote(qcsv, sizeof qcsv, csv);
    snprintf(title, sizeof title, "(%c%d) %s: %s", 'a' + so % 26, conductivity + 1, d->cases[l->soil_case[so]].soil,
             conductivity ? "K(θ)" : "h(θ)");
    shp_plot_quote(qt, sizeof qt, title);
    fprintf(f, "set title %s noenhanced\n", qt);
    char xexpr[256];
    x_expression(xexpr, sizeof xexpr, qsoil, conductivity, 3);
    fprintf(f, "plot %s skip 1 using (%s):%s with lines lw 2.5 lc rgb '#000000' title 'true'", qcsv, xexpr,
            conductivity ? "4" : "3");
    for (int s = 0; s < l->n_series; ++s) {
        if (run[so * l->n_series + s] < 0) continue;
        const int col = 5 + 2 * s;
        char key[64], name[96], qn[200];
        series_key(d, l, s, key, sizeof key, name, sizeof name);
        shp_plot_quote(qn, sizeof qn, name);
        x_expression(xexpr, sizeof xexpr, qsoil, conductivity, col);
        fprintf(f, ", \\\n     '' skip 1 using (%s):%d with linespoints dt 2 lw 1.5 pi 6 pt %d ps 1.1 lc rgb '%s' "
                   "title %s noenhanced",
                xexpr, conductivity ? col + 1 : col, points[s % N_STYLES], colours[s % N_STYLES], qn);
    }
    fputc('\n', f);
}

static void figure_script(FILE *f, const pr_data *d, const layout *l, int v, const int *run, const char *base)
{
    const pr_variant *pv = &d->variants[v];
    char png[160], csv[160], title[400], qt[500];
    snprintf(png, sizeof png, "%s_%s.png", base, pv->file);
    snprintf(csv, sizeof csv, "%s_%s.csv", base, pv->file);
    snprintf(title, sizeof title, "%s: %s", l->errors ? "Figures 8–10 analogue (measurement errors)" : "Figure 7 analogue",
             pv->label);
    shp_plot_quote(qt, sizeof qt, title);
    fprintf(f, "\n# ---- %s\nset terminal pngcairo size %d,860 enhanced font 'sans,10'\nset output '%s'\n"
               "set multiplot layout 2,%d title %s noenhanced\n",
            png, 80 + 380 * l->n_soils, png, l->n_soils, qt);
    fprintf(f, "set logscale x\nunset logscale y\nset format x '10^{%%T}'\nset format y '%%g'\n"
               "set xlabel '|h| [cm]'\nset ylabel 'θ [cm^3/cm^3]'\n");
    /* the legend once per row, in the last soil's panel (the finest texture, clay in the seed's
     * order), where the curves leave room: bottom left of h(θ), top left of K(θ) */
    for (int so = 0; so < l->n_soils; ++so) {
        fprintf(f, so + 1 < l->n_soils ? "unset key\n" : "set key inside left bottom box opaque font ',8'\n");
        panel(f, d, l, run, so, 0, csv);
    }
    fprintf(f, "unset logscale x\nset logscale y\nset format x '%%g'\nset format y '10^{%%T}'\n"
               "set xlabel 'θ [cm^3/cm^3]'\nset ylabel 'K [cm/min]'\n");
    for (int so = 0; so < l->n_soils; ++so) {
        fprintf(f, so + 1 < l->n_soils ? "unset key\n" : "set key inside left top box opaque font ',8'\n");
        panel(f, d, l, run, so, 1, csv);
    }
    fprintf(f, "unset multiplot\nunset logscale\nset format x '%%g'\nset format y '%%g'\nset key default\n");
}

/* ------------------------------------------------------------ all figures */

int pr_has_figure(const pr_data *d, int v, int errors)
{
    for (int i = 0; i < d->n_runs; ++i) {
        const pr_run *r = &d->runs[i];
        if (r->v == v && r->compared && pr_noise_free(&d->cases[r->c]) == !errors) return 1;
    }
    return 0;
}

/* figure7_<v>.csv or errors_<v>.csv of variant v, and its part of the script. */
static int one_figure(const pr_data *d, const layout *l, int v, FILE *gp, int *n_figs, char *err, size_t len)
{
    const char *base = l->errors ? "errors" : "figure7";
    char name[160], path[SHP_PATH_MAX];
    if (!pr_has_figure(d, v, l->errors)) return SHP_OK;
    int *run = malloc((size_t)(l->n_soils * l->n_series + 1) * sizeof *run);
    if (!run) {
        snprintf(err, len, "out of memory");
        return SHP_ERR_NOMEM;
    }
    cell_runs(d, l, v, run);
    snprintf(name, sizeof name, "%s_%s.csv", base, d->variants[v].file);
    const int rc = shp_path_join(path, sizeof path, d->out, name) ? shp_path_too_long(d->out, name, err, len)
                                                                   : write_data(d, l, run, path, err, len);
    if (rc == SHP_OK) {
        figure_script(gp, d, l, v, run, base);
        ++*n_figs;
    }
    free(run);
    return rc;
}

int pr_write_figures(const pr_data *d, int *n_figs, char *err, size_t len)
{
    char path[SHP_PATH_MAX];
    *n_figs = 0;
    FILE *gp = shp_file_create_in(d->out, "paper_plots.gp", path, sizeof path, err, len);
    if (!gp) return SHP_ERR_IO;
    shp_plot_preamble(gp);
    int rc = SHP_OK;
    for (int e = 0; e < 2 && rc == SHP_OK; ++e) {
        layout l;
        if (layout_build(d, e, &l) != SHP_OK) {
            snprintf(err, len, "out of memory");
            rc = SHP_ERR_NOMEM;
            break;
        }
        for (int v = 0; v < d->n_variants && rc == SHP_OK; ++v) rc = one_figure(d, &l, v, gp, n_figs, err, len);
        layout_free(&l);
    }
    const int rc1 = shp_file_close(gp, path, err, len);
    return rc != SHP_OK ? rc : rc1;
}
