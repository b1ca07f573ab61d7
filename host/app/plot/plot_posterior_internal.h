/* The insides of `shpfit posterior`'s plots (host-internal), shared by the script's entry
 * (plot_posterior.c) and its sections: the sample (plot_posterior_sample.c) and the bands
 * of the observed series and curves (plot_posterior_bands.c). They all write into one
 * gnuplot script, over the files io/posterior_output.c wrote; column numbers are fixed by
 * those headers:
 *   samples / chains: 1 chain, 2 generation, 3 … 2+D the variables, then log_likelihood,
 *                     log_prior (and in_sample);
 *   predictive:       1 series, 2 x, 3 x_unit, 4 depth, 5 observed, 6 map, 7 lo95,
 *                     8 median, 9 hi95, 10 pred_lo95, 11 pred_hi95, 12 value_unit;
 *   curves:           1 pF, 2 suction_cm, 3 h, then 8 per material from 4 + 8 i: θ map,
 *                     lo95, median, hi95, K map, lo95, median, hi95. */
#ifndef SHPFIT_HOST_PLOT_PLOT_POSTERIOR_INTERNAL_H
#define SHPFIT_HOST_PLOT_PLOT_POSTERIOR_INTERNAL_H

#include <stddef.h>
#include <stdio.h>

#include "plot/plot.h"

/* posterior_predictive.csv in memory: the band panels draw from it, the curve plots
 * take their observations from it. */
typedef struct {
    int kind;
    double x, depth, obs, map, lo, med, hi, plo, phi;
} pred_row;

typedef struct {
    pred_row *row;
    int n;
    shp_plot_rows raw; /* the same rows as read, for shp_plot_rows_source */
} pred_table;

/* What every section draws from, filled once by the entry: the script, the problem and
 * chains, and the per-variable ranges, axes and labels the sample's plots share. */
typedef struct {
    FILE *f;
    const shp_problem *pb;
    const shp_forward_problem *fp;
    const shp_posterior_result *res;
    const pred_table *t;
    shp_plot_files *files;
    long n_samples;                 /* states in the posterior window */
    double lo[SHP_MAX_FREE], hi[SHP_MAX_FREE]; /* the sample's range per variable */
    int logax[SHP_MAX_FREE];        /* log axis: a log-scaled variable spread over a decade */
    double tlo[SHP_MAX_FREE], thi[SHP_MAX_FREE]; /* the traces' range (burn-in within reason) */
    int tlog[SHP_MAX_FREE];
    double map[SHP_MAX_FREE];       /* the MAP's values */
    char label[SHP_MAX_FREE][400];  /* "name [unit]", quoted for gnuplot */
    const shp_material *mats;       /* the MAP's materials, NULL when it gives none */
} post_ctx;

/* A fresh plot: everything the previous one set undone, then the common settings. */
static inline void shp_plot_post_begin_plot(FILE *f, const char *png, int width, int height)
{
    fprintf(f,
            "\nreset\n"
            "set encoding utf8\n"
            "set terminal pngcairo size %d,%d enhanced font 'sans,11'\n"
            "set output '%s'\n"
            "set datafile separator ','\n"
            "set key outside right top box\n"
            "set grid lw 0.5 lc rgb '#c8c8c8'\n",
            width, height, png);
}

/* A multiplot layout of n panels: columns, rows. */
static inline void shp_plot_post_layout(int n, int max_cols, int *cols, int *rows)
{
    int k = 1;
    while (k * k < n) ++k;
    *cols = k < max_cols ? k : max_cols;
    *rows = (n + *cols - 1) / *cols;
}

/* Read DIR/posterior_predictive.csv into t (t->row malloc'ed, the caller frees it; empty
 * on error). SHP_OK, or SHP_ERR_IO / SHP_ERR_NOMEM with a one-line reason in err. */
int shp_plot_post_read_predictive(const char *dir, pred_table *t, char *err, size_t len);

/* The sample (plot_posterior_sample.c): the marginals and pairs of the posterior window
 * (n_samples > 0; pairs only for 2 or more variables), every chain's trace. */
void shp_plot_post_marginals(post_ctx *c);
void shp_plot_post_pairs(post_ctx *c);
void shp_plot_post_traces(post_ctx *c);

/* The bands (plot_posterior_bands.c): the observed column series' predictive panels,
 * the retention (conductivity 0) or conductivity (1) curves. */
void shp_plot_post_predictive(post_ctx *c);
void shp_plot_post_curve(post_ctx *c, int conductivity);

#endif
