/* Hydraulic-function tables of every material of a configuration: what
 * `shpfit curves` writes (host-internal). */
#ifndef SHPFIT_HOST_IO_CURVES_H
#define SHPFIT_HOST_IO_CURVES_H

#include <stddef.h>

#include "shpfit/forward.h"

/* Log-spaced suction grid in the config's length unit. */
typedef struct {
    double psi_min, psi_max;
    int per_decade;
} shp_curve_grid;

/* The default 1e-2 to 1e7 cm, 20 points per decade, in the units of fp. */
shp_curve_grid shp_curve_grid_default(const shp_forward_problem *fp);

/* Number of points of the grid, and point k (from psi_min up, last = psi_max). */
int shp_curve_grid_points(const shp_curve_grid *g);
double shp_curve_grid_psi(const shp_curve_grid *g, int k);

/* File-system-safe version of a material name for "curves_<name>.csv". */
void shp_curve_file_name(char *out, size_t len, const char *material);

/* Write DIR/curves_<material>.csv for material i: suction, h, pF, θ, Se, K, log10 K,
 * C (and θ_cap, θ_ad where the model splits θ), one row per grid point. */
int shp_curves_write_csv(const char *dir, const shp_forward_problem *fp, int i,
                         const shp_curve_grid *g, char *err, size_t len);

/* Write DIR/curves.json: the materials, their models with sources and K forms, every
 * parameter with its unit, the grid and the files. */
int shp_curves_write_index(const char *dir, const shp_forward_problem *fp,
                           const shp_curve_grid *g, char *err, size_t len);

#endif
