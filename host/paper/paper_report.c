/* The seed-002 report (paper/paper_report.h): load, figures' data and script, tables,
 * then gnuplot, so that a missing or failing gnuplot still leaves complete tables. */
#include "paper/paper_report.h"

#include <math.h>
#include <stdio.h>

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
    int n_figs = 0, drawn = 0;
    rc = pr_write_figures(&d, &n_figs, err, len);
    if (rc == SHP_OK) rc = pr_write_tables(&d, 0, err, len);
    const char *gp = shp_plot_program();
    if (rc == SHP_OK && gp && n_figs > 0) {
        rc = shp_plot_run(gp, dir, "paper_plots.gp", "paper_plots.log", err, len);
        drawn = rc == SHP_OK;
        if (drawn) rc = pr_write_tables(&d, 1, err, len);
    }
    if (plots) *plots = drawn;
    pr_free(&d);
    return rc;
}
