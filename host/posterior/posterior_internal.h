/* Shared by the posterior's driver and its summary (host-internal). */
#ifndef SHPFIT_HOST_POSTERIOR_INTERNAL_H
#define SHPFIT_HOST_POSTERIOR_INTERNAL_H

#include "shpfit/posterior.h"

/* Variable j of every chain over generations g0 … g1 into buf, chain after chain
 * (buf[c·n + t], n = g1 − g0 + 1): unit coordinates, or with values = 1 the values. */
void shp_posterior_gather(const shp_posterior_result *r, long g0, long g1, int j, const shp_problem *values,
                          double *buf);

/* The posterior window (after the run: the sampling stage's, else the later half since
 * the last outlier reset g_reset) and its statistics into r. SHP_OK or SHP_ERR_NOMEM. */
int shp_posterior_summarise(shp_posterior_result *r, const shp_problem *pb, long g_reset);

#endif
