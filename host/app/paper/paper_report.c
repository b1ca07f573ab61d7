/* The seed-002 report (paper/paper_report.h): load, figures' data and script, tables,
 * then gnuplot, so that a missing or failing gnuplot still leaves complete tables. */
#define _POSIX_C_SOURCE 200809L /* strdup */
#include "paper/paper_report.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "output/stage.h"
#include "paper/paper_internal.h"
#include "plot/plot.h"
#include "shpfit/status.h"

int shp_paper_report(const char *dir, const char *paper_tables_csv, double wall_s, int *plots, char *err,
                     size_t len)
{
    if (plots) *plots = 0;
    if (!dir || !paper_tables_csv) {
        snprintf(err, len, "no directory or paper tables file");
        return SHP_ERR_INVALID;
    }
    pr_data d;
    int rc = pr_load(dir, paper_tables_csv, &d, err, len);
    if (rc != SHP_OK) return rc;
    d.wall_s = isfinite(wall_s) ? wall_s : 0.0;
    shp_stage *st = NULL;
    rc = shp_stage_begin(dir, &st, err, len);
    if (rc == SHP_OK) d.out = shp_stage_dir(st);
    int n_figs = 0, drawn = 0, plot_rc = SHP_OK;
    char *plot_err = NULL;
    if (rc == SHP_OK) rc = pr_write_figures(&d, &n_figs, err, len);
    const char *gp = shp_plot_program();
    if (rc == SHP_OK && gp && n_figs > 0) {
        /* a failing gnuplot still leaves complete tables behind */
        plot_rc = shp_plot_run(gp, d.out, "paper_plots.gp", "paper_plots.log", err, len);
        drawn = plot_rc == SHP_OK;
        if (!drawn) plot_err = strdup(err);
    }
    if (rc == SHP_OK) rc = pr_write_tables(&d, drawn, err, len);
    /* every figure a variant may have: those this report did not draw are stale */
    shp_names stale = {0};
    for (int v = 0; v < d.n_variants; ++v) {
        shp_names_add(&stale, "figure7_%s.png", d.variants[v].file);
        shp_names_add(&stale, "errors_%s.png", d.variants[v].file);
    }
    if (rc == SHP_OK) {
        rc = shp_stage_commit_plotted(st, &stale, plot_rc, plot_err, "the tables", err, len);
        st = NULL;
    }
    shp_names_free(&stale);
    shp_stage_abort(st);
    free(plot_err);
    if (plots) *plots = drawn && rc == SHP_OK;
    pr_free(&d);
    return rc;
}
