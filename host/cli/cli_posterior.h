/* What `shpfit posterior` and `shpfit fit` with fit.posterior print of a posterior run:
 * the progress line and the summary (host-internal). */
#ifndef SHPFIT_HOST_CLI_CLI_POSTERIOR_H
#define SHPFIT_HOST_CLI_CLI_POSTERIOR_H

#include "output/posterior_output.h"
#include "plot/plot.h"
#include "shpfit/posterior.h"

typedef struct {
    int tty, verbose;
    const shp_posterior_options *o;
    int last_check;
} shp_cli_posterior_progress_ctx;

/* shp_posterior_progress_fn: with verbose a line per convergence check on stdout, else on
 * a terminal one status line on stderr, overwritten in place. */
void shp_cli_posterior_progress(const shp_posterior_result *s, const shp_posterior_check *last, void *ctx);

/* The sampler, convergence, likelihood and the table of every parameter. */
void shp_cli_posterior_summary(const shp_problem *pb, const shp_posterior_options *o, const shp_posterior_result *r,
                               const shp_posterior_predictive_info *pi);

/* The posterior's files (io/posterior_output.h) and plots into dir, a staging folder, the
 * plots' gnuplot messages into log_name: SHP_OK, or the writer's error with a message in
 * err. A plot failure goes only to *plot_rc (if it is SHP_OK) and plot_err; the PNGs
 * drawn are added to pf, whose n becomes −1 when gnuplot is missing and nothing was drawn. */
int shp_cli_posterior_write(const char *dir, shp_problem *pb, shp_backend *be, const shp_posterior_options *o,
                            const shp_posterior_result *r, const shp_fit_run_info *info, const char *log_name,
                            shp_posterior_predictive_info *pi, shp_plot_files *pf, int *plot_rc, char *err,
                            size_t len, char *plot_err, size_t plen);

/* The warning of a run the budget ended before R̂ reached its target. */
void shp_cli_posterior_unconverged(const shp_posterior_options *o);

#endif
