/* The campaign report (campaign_report.h): runs.csv and history.csv read
 * (campaign_read.c), analysed (campaign_analyze.c), plotted (campaign_plot.c) and
 * written as Markdown (campaign_md.c, campaign_md_case.c), all as one staged set of
 * files. */
#define _POSIX_C_SOURCE 200809L /* strdup */
#include "campaign/campaign_report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/fs.h"
#include "output/stage.h"
#include "plot/plot.h"
#include "shpfit/status.h"

int shp_campaign_report(const char *dir, const shp_campaign_report_info *info, int *plots, char *err, size_t len)
{
    if (plots) *plots = 0;
    if (!dir || !info) {
        snprintf(err, len, "no directory or report information");
        return SHP_ERR_INVALID;
    }
    shp_campaign_report_info in = *info;
    if (in.alpha == 0.0) in.alpha = 0.05;
    shp_cr_data d;
    int rc = shp_cr_read(dir, &d, err, len);
    if (rc != SHP_OK) return rc;
    rc = shp_cr_analyze(&d, in.alpha, err, len);
    /* the report is one set of files (io/stage.h): a failed report leaves the last one */
    shp_stage *st = NULL;
    if (rc == SHP_OK) rc = shp_stage_begin(dir, &st, err, len);
    const char *out = st ? shp_stage_dir(st) : NULL;
    if (rc == SHP_OK) rc = shp_cr_plot_data(out, &d, in.budget_evaluations, err, len);
    if (rc == SHP_OK) rc = shp_cr_plot_script(out, &d, &in, err, len);
    const char *gp = shp_plot_program();
    int drawn = 0, plot_rc = SHP_OK;
    char *plot_err = NULL;
    if (rc == SHP_OK && gp && d.n_cases > 0) {
        /* a failing gnuplot still leaves complete Markdown reports behind */
        plot_rc = shp_plot_run(gp, out, "campaign_plots.gp", "campaign_plots.log", err, len);
        drawn = plot_rc == SHP_OK;
        if (!drawn) plot_err = strdup(err);
    }
    if (rc == SHP_OK) rc = shp_cr_write_markdown(out, &d, &in, drawn, err, len);
    /* every case's figures: those not drawn now are stale */
    shp_names stale = {0};
    for (int c = 0; c < d.n_cases; ++c) {
        shp_names_add(&stale, "ecdf_%s.png", d.cases[c].file_name);
        shp_names_add(&stale, "convergence_%s.png", d.cases[c].file_name);
    }
    if (rc == SHP_OK) {
        rc = shp_stage_commit_plotted(st, &stale, plot_rc, plot_err, "the Markdown reports", err, len);
        st = NULL;
    }
    shp_names_free(&stale);
    shp_stage_abort(st);
    free(plot_err);
    if (plots) *plots = drawn && rc == SHP_OK;
    shp_cr_free(&d);
    return rc;
}
