/* The gnuplot script of `shpfit surface` (host-internal): one contour map per plane
 * and objective. */
#ifndef SHPFIT_HOST_PLOT_PLOT_SURFACE_H
#define SHPFIT_HOST_PLOT_PLOT_SURFACE_H

#include <stddef.h>

#include "surface/surface.h"

/* Write DIR/surface.gp drawing DIR/surface_<plane>_<objective>.png for every plane:
 * log10 ψ as colour with contour lines, log axes where the parameter is searched on a
 * log scale, the plane's minimum (white cross) and the truth (u_truth, may be NULL;
 * black circle) marked. */
int shp_plot_surface_script(const char *dir, const shp_problem *pb, const shp_surface_result *r,
                            int n, const double *u_truth, char *err, size_t len);

#endif
