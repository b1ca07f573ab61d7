/* The files of `shpfit posterior` (host-internal): posterior.json, the samples, the
 * chains, the convergence checks, the predictive bands of the series and of the
 * retention and conductivity curves (docs/posterior.md, "Output"). */
#ifndef SHPFIT_HOST_IO_POSTERIOR_OUTPUT_H
#define SHPFIT_HOST_IO_POSTERIOR_OUTPUT_H

#include <stddef.h>

#include "output/fit_output.h"
#include "shpfit/posterior.h"

/* What the predictive draws gave: draws simulated, and those whose column failed. */
typedef struct {
    int draws, failed;
} shp_posterior_predictive_info;

/* Every file into dir (which exists). The predictive bands simulate
 * o->predictive_draws posterior draws on be, one column each. SHP_OK, or SHP_ERR_IO /
 * SHP_ERR_NOMEM with a message. */
int shp_posterior_write_all(const char *dir, shp_problem *pb, shp_backend *be, const shp_posterior_options *o,
                            const shp_posterior_result *res, const shp_fit_run_info *info,
                            shp_posterior_predictive_info *pred, char *err, size_t len);

/* The names it may write (NULL-terminated), for the output's commit. */
extern const char *const shp_posterior_files[];

#endif
