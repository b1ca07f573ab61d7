/* `shpfit posterior`'s plots of the sample (plot/plot_posterior_internal.h): the marginals
 * and pairs of the posterior window (posterior_samples.csv) and every chain's trace
 * (posterior_chains.csv). */
#include <math.h>
#include <stdio.h>

#include "plot/plot_posterior_internal.h"

/* chains over a grey burn-in: no yellow, Tol's wine for an eighth */
static const char *const chain_colour[] = {"#0072b2", "#d55e00", "#009e73", "#cc79a7",
                                           "#e69f00", "#56b4e9", "#000000", "#882255"};
#define N_CHAIN_COLOURS ((int)(sizeof chain_colour / sizeof chain_colour[0]))

#define BINS 30           /* histogram bins per variable */
#define PAIR_POINTS 4000  /* about as many points per scatter panel at most */
#define TRACE_POINTS 2000 /* generations drawn per chain at most */

/* The range an axis over [lo, hi] shows: a little wider. */
static void axis_range(double lo, double hi, int logax, double *a, double *b)
{
    if (logax) {
        const double r = pow(hi / lo, 0.04);
        *a = lo / r;
        *b = hi * r;
        return;
    }
    double pad = 0.04 * (hi - lo);
    if (!(pad > 0.0)) pad = lo != 0.0 ? 0.01 * fabs(lo) : 1.0;
    *a = lo - pad;
    *b = hi + pad;
}

/* A tic step of 1, 2 or 5 × 10^k giving about four tics on [a, b]: tic labels of many
 * digits (α of a narrow posterior) do not run into one another. */
static double tic_step(double a, double b)
{
    const double raw = (b - a) / 4.0;
    if (!(raw > 0.0) || !isfinite(raw)) return 0.0;
    const double p = pow(10.0, floor(log10(raw))), m = raw / p;
    return (m < 1.5 ? 1.0 : m < 3.5 ? 2.0 : m < 7.5 ? 5.0 : 10.0) * p;
}

/* The axis of variable j: log or linear with its tic format and steps, and its range:
 * the sample's (whole: the traces', burn-in included). */
static void var_axis(const post_ctx *c, int j, char axis, int whole)
{
    const int logax = whole ? c->tlog[j] : c->logax[j];
    double a, b;
    axis_range(whole ? c->tlo[j] : c->lo[j], whole ? c->thi[j] : c->hi[j], logax, &a, &b);
    if (logax) {
        fprintf(c->f, "set logscale %c\nset format %c '10^{%%L}'\nset %ctics autofreq\n", axis, axis, axis);
    } else {
        const double step = tic_step(a, b);
        fprintf(c->f, "unset logscale %c\nset format %c '%%g'\n", axis, axis);
        if (step > 0.0) fprintf(c->f, "set %ctics %.6g\n", axis, step);
        else fprintf(c->f, "set %ctics autofreq\n", axis);
    }
    fprintf(c->f, "set %crange [%.10g:%.10g]\n", axis, a, b);
}

/* One histogram per variable (30 bins over the sample's range, in log10 of the value
 * for a log axis), the median, the 95 % credible interval and the MAP marked. */
void shp_plot_post_marginals(post_ctx *c)
{
    FILE *f = c->f;
    const shp_posterior_result *res = c->res;
    const int dim = res->dim;
    int cols, rows;
    shp_plot_post_layout(dim, 4, &cols, &rows);
    fprintf(f, "\n# ---- marginals (posterior_samples.csv)\n"
               "clamp(k) = k < 0 ? 0 : (k > %d ? %d : k)\n"
               "bin(x, b0, w) = b0 + w * (clamp(floor((x - b0) / w)) + 0.5)\n",
            BINS - 1, BINS - 1);
    /* the histograms first, into tables: a table plot inside a multiplot would take a panel */
    double width[SHP_MAX_FREE];
    for (int j = 0; j < dim; ++j) {
        const int col = 3 + j;
        double b0, b1;
        if (c->logax[j]) {
            b0 = log10(c->lo[j]);
            b1 = log10(c->hi[j]);
        } else {
            b0 = c->lo[j];
            b1 = c->hi[j];
        }
        double w = (b1 - b0) / BINS;
        if (!(w > 0.0)) { /* every sample the same value: one bin around it */
            w = b0 != 0.0 ? 0.02 * fabs(b0) : 0.02;
            b0 -= 0.5 * w * BINS;
        }
        width[j] = w;
        fprintf(f, "set table $hist%d\n", j + 1);
        if (c->logax[j])
            fprintf(f, "plot 'posterior_samples.csv' skip 1 using (10**bin(log10($%d), %.12g, %.12g)):(1.0 / %ld) "
                       "smooth freq\n",
                    col, b0, w, c->n_samples);
        else
            fprintf(f, "plot 'posterior_samples.csv' skip 1 using (bin($%d, %.12g, %.12g)):(1.0 / %ld) smooth freq\n",
                    col, b0, w, c->n_samples);
        fprintf(f, "unset table\n");
    }
    shp_plot_post_begin_plot(f, "posterior_marginals.png", 60 + 400 * cols, 90 + 330 * rows);
    fprintf(f,
            "set datafile separator whitespace  # the tables' own\n"
            "set style fill solid 0.75 border lc rgb '#ffffff'\n"
            "set key off\n"
            "set ylabel 'fraction of the sample per bin'\n"
            "set yrange [0:*]\n"
            "set offsets 0, 0, graph 0.08, 0\n"
            "set multiplot layout %d,%d title sprintf(\"Posterior marginals: %ld states (%d chains, generations "
            "%ld–%ld), %%s\\nbars: histogram;  black: median (solid), 95 %%%% credible interval (dashed);  "
            "orange dotted: MAP\", config) noenhanced\n",
            rows, cols, c->n_samples, res->chains, res->window_start, res->generations);
    for (int j = 0; j < dim; ++j) {
        char title[200], qt[260];
        snprintf(title, sizeof title, "%s  (R-hat %.3g, ESS %.0f)", shp_problem_var_name(c->pb, j), res->rhat[j],
                 res->ess[j]);
        shp_plot_quote(qt, sizeof qt, title);
        fprintf(f, "set title %s noenhanced\nset xlabel %s noenhanced\nunset arrow\n", qt, c->label[j]);
        var_axis(c, j, 'x', 0);
        const double marks[4] = {res->q50[j], res->q025[j], res->q975[j], c->map[j]};
        for (int m = 0; m < 4; ++m)
            if (isfinite(marks[m]) && (!c->logax[j] || marks[m] > 0.0))
                fprintf(f, "set arrow from first %.12g, graph 0 to first %.12g, graph 1 nohead front lw %s dt %d "
                           "lc rgb '%s'\n",
                        marks[m], marks[m], m == 3 ? "2.5" : "1.5", m == 0 ? 1 : m == 3 ? 3 : 2,
                        m == 3 ? "#d55e00" : "#000000");
        /* boxes from the bin's edges: right on a log axis as on a linear one */
        if (c->logax[j])
            fprintf(f, "plot $hist%d using 1:2:($1 / 10**(%.12g)):($1 * 10**(%.12g)):(0):2 with boxxyerror "
                       "lc rgb '#0072b2'\n",
                    j + 1, 0.5 * width[j], 0.5 * width[j]);
        else
            fprintf(f, "plot $hist%d using 1:2:($1 - %.12g):($1 + %.12g):(0):2 with boxxyerror lc rgb '#0072b2'\n",
                    j + 1, 0.5 * width[j], 0.5 * width[j]);
    }
    fprintf(f, "unset multiplot\n");
    shp_plot_add_file(c->files, "posterior_marginals.png");
}

/* The lower triangle of every pair of variables: the sample's states (every k-th when
 * there are many), the MAP, and the correlation. */
void shp_plot_post_pairs(post_ctx *c)
{
    FILE *f = c->f;
    const shp_posterior_result *res = c->res;
    const int dim = res->dim, m = dim - 1;
    if (m < 1) return;
    const int panel = m <= 3 ? 300 : m <= 6 ? 220 : 150;
    const int size = 150 + panel * m;
    const long every = (c->n_samples + PAIR_POINTS - 1) / PAIR_POINTS;
    char drawn[96];
    if (every > 1) snprintf(drawn, sizeof drawn, "1 in %ld of %ld states", every, c->n_samples);
    else snprintf(drawn, sizeof drawn, "%ld states", c->n_samples);
    fprintf(f, "\n# ---- pairs (posterior_samples.csv)\n$map << EOD\n");
    for (int j = 0; j < dim; ++j) fprintf(f, "%s%.12g", j ? "," : "", c->map[j]);
    fprintf(f, "\nEOD\n");
    shp_plot_post_begin_plot(f, "posterior_pairs.png", size, size + 50);
    const double left = 110.0 / size, bottom = 100.0 / (size + 50), top = 1.0 - 70.0 / (size + 50);
    fprintf(f,
            "set key off\n"
            "set tics font ',9'\n"
            "set xtics rotate by 30 right\n"
            "set multiplot layout %d,%d margins %.4f, 0.98, %.4f, %.4f spacing 0.012, 0.012 "
            "title sprintf(\"Posterior pairs: %s, %%s\\nblue: the sample;  orange cross: MAP;  r: "
            "correlation\", config) noenhanced\n",
            m, m, left, bottom, top, drawn);
    for (int i = 1; i < dim; ++i)
        for (int j = 0; j < m; ++j) {
            if (j >= i) {
                fprintf(f, "set multiplot next\n");
                continue;
            }
            const int bottom_row = i == dim - 1, left_col = j == 0;
            var_axis(c, j, 'x', 0);
            var_axis(c, i, 'y', 0);
            if (!bottom_row) fprintf(f, "set format x ''\n");
            if (!left_col) fprintf(f, "set format y ''\n");
            fprintf(f, "set xlabel %s noenhanced\nset ylabel %s noenhanced\n", bottom_row ? c->label[j] : "''",
                    left_col ? c->label[i] : "''");
            const double r = res->corr[i * dim + j];
            if (isfinite(r))
                fprintf(f, "set label 1 'r = %.2f' at graph 0.04, graph 0.92 left front font ',9' "
                           "tc rgb '#202020'\n",
                        r);
            else fprintf(f, "unset label 1\n");
            fprintf(f,
                    "plot 'posterior_samples.csv' skip 1 every %ld using %d:%d with points pt 7 ps 0.3 "
                    "lc rgb '#600072b2', \\\n"
                    "     $map using %d:%d with points pt 2 ps 2 lw 2.5 lc rgb '#d55e00'\n",
                    every, 3 + j, 3 + i, j + 1, i + 1);
        }
    fprintf(f, "unset multiplot\n");
    shp_plot_add_file(c->files, "posterior_pairs.png");
}

/* Every chain's every generation (burn-in included), one panel per variable, the
 * generations before the sample window shaded. */
void shp_plot_post_traces(post_ctx *c)
{
    FILE *f = c->f;
    const shp_posterior_result *res = c->res;
    const int dim = res->dim, n = res->chains;
    const long gens = res->generations + 1;
    const long thin = (gens + TRACE_POINTS - 1) / TRACE_POINTS;
    const int cols = dim <= 4 ? 1 : 2, rows = (dim + cols - 1) / cols;
    fprintf(f, "\n# ---- traces (posterior_chains.csv: rows by generation, then chain)\n");
    shp_plot_post_begin_plot(f, "posterior_traces.png", cols == 1 ? 1000 : 1500, 90 + 240 * rows);
    fprintf(f, "set key off\n"
               "set lmargin 14\n"
               "set xlabel 'generation'\n"
               "set xrange [0:%ld]\n",
            res->generations > 0 ? res->generations : 1);
    if (res->window_start > 0)
        fprintf(f,
                "set object 1 rect from first 0, graph 0 to first %ld, graph 1 behind fc rgb '#e4e4e4' "
                "fs solid 1.0 noborder\n"
                "set label 1 'burn-in' at first %g, graph 0.92 center front tc rgb '#505050' font ',9'\n",
                res->window_start, 0.5 * (double)res->window_start);
    char note[64] = "";
    if (thin > 1) snprintf(note, sizeof note, " (1 in %ld drawn)", thin);
    fprintf(f,
            "set multiplot layout %d,%d title sprintf(\"Chains: %d chains, generations 0–%ld%s, one colour per "
            "chain, %%s\\nthe sample: generations %ld–%ld;  shaded: burn-in, not in the sample\", config) "
            "noenhanced\n",
            rows, cols, n, res->generations, note, res->window_start, res->generations);
    for (int j = 0; j < dim; ++j) {
        fprintf(f, "set title %s noenhanced\nset ylabel %s noenhanced\n", "''", c->label[j]);
        var_axis(c, j, 'y', 1);
        fprintf(f, "plot ");
        for (int ch = 0; ch < n; ++ch)
            fprintf(f, "%s'posterior_chains.csv' skip 1 every %ld::%d using 2:%d with lines lw 1 lc rgb '%s'",
                    ch ? ", \\\n     " : "", (long)n * thin, ch, 3 + j, chain_colour[ch % N_CHAIN_COLOURS]);
        fputc('\n', f);
    }
    fprintf(f, "unset multiplot\n");
    shp_plot_add_file(c->files, "posterior_traces.png");
}
