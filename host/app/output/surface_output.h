/* Files of `shpfit surface` (host-internal): one CSV per plane (gnuplot grid blocks),
 * surface.json with every plane's minimum and flatness, and the plot script. */
#ifndef SHPFIT_HOST_IO_SURFACE_OUTPUT_H
#define SHPFIT_HOST_IO_SURFACE_OUTPUT_H

#include <stddef.h>

#include "surface/surface.h"

/* "loam.alpha__loam.n" (+ "_zoom") made file-system safe, for the plane's files. */
void shp_surface_plane_name(const shp_problem *pb, const shp_surface_result *r, char *out, size_t len);

/* DIR/surface_<plane>.csv: x, y, each objective, status; rows grouped by y with a blank
 * line between groups (gnuplot's grid format). */
int shp_surface_write_csv(const char *dir, const shp_problem *pb, const shp_surface_result *r,
                          char *err, size_t len);

/* DIR/surface.json: the base point, and per plane and objective the minimum, where it
 * is, the flat share and, with a truth (u_truth not NULL), the distance of the
 * minimum from the truth in grid cells. */
int shp_surface_write_summary(const char *dir, const shp_problem *pb, const shp_surface_spec *spec,
                              const shp_surface_result *r, int n, const double *u_base,
                              const double *u_truth, double wall_s, char *err, size_t len);

/* Grid-cell distance (the larger of the two axes) of the minimum of objective k from
 * the point u (dim) on plane r. */
double shp_surface_cells_from(const shp_surface_result *r, int k, const double *u);

#endif
