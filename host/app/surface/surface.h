/* Response surfaces: the objectives of an inverse problem on a grid over two of its
 * free parameters, the others held at given values (seed 002 §4.1, Figures 4–6). Every
 * grid point of a plane is one candidate of one batch, so a plane is one batch call
 * (one launch on a GPU).
 *
 * A plane's grid is uniform in the problem's search coordinates — log-spaced for
 * parameters searched on a log scale (α, Ks) — over the fit's bounds, or a zoom
 * around the plane's minimum. */
#ifndef SHPFIT_SURFACE_H
#define SHPFIT_SURFACE_H

#include <stddef.h>

#include "shpfit/problem.h"

#ifdef __cplusplus
extern "C" {
#endif

#define SHP_SURFACE_MAX_PLANES 32

typedef struct {
    int jx, jy;            /* problem variables on x and y */
    int nx, ny;            /* grid points */
    double ux0, ux1;       /* unit-coordinate range of x (0..1 = the fit's bounds) */
    double uy0, uy1;
    int zoom_of;           /* −1, or the plane this one zooms into */
} shp_surface_plane;

typedef struct {
    int n_planes;
    shp_surface_plane plane[SHP_SURFACE_MAX_PLANES];
    int points;            /* grid points per axis (default 50) */
    double zoom;           /* > 0: add a zoomed plane per plane, ± zoom of the axis */
    int at_truth;          /* others at fit.truth (1) or at the config's materials (0) */
    const char *around;    /* NULL, or what the planes are centred on and the others held at
                              (a fit's result: `surface --around`), for the summary */
} shp_surface_spec;

/* The "surface" section (optional; every key optional):
 *   "surface": {"planes": [["loam.alpha", "loam.n"], …],   default: every pair of the
 *               "points": 50, "zoom": 0.1, "at": "materials" | "truth"}   free parameters */
shp_status shp_surface_spec_load(const shp_problem *pb, int points_override, double zoom_override,
                                 shp_surface_spec *spec, char *err, size_t len);

/* The problem's unit coordinates of a set of materials (the search variables' values,
 * ratios included, clamped to the bounds). */
void shp_problem_unit_of(const shp_problem *pb, const shp_material *mats, double *u);

/* One evaluated plane. values: n_obj × nx × ny (objective-major, then y-major: the
 * point (i, j) of objective k is values[(k·ny + j)·nx + i]); status: nx × ny (1 ok). */
typedef struct {
    shp_surface_plane p;
    double *x, *y;         /* nx, ny: the variables' values on the axes */
    double *values;
    int *ok;
    /* per objective: minimum, where, and the share of the plane within 1 % of the
     * objective's range above the minimum (how flat the valley is) */
    double vmin[SHP_OBS_COUNT], vmax[SHP_OBS_COUNT], flat[SHP_OBS_COUNT];
    int imin[SHP_OBS_COUNT], jmin[SHP_OBS_COUNT];
    int failed;
} shp_surface_result;

/* Evaluate a plane around the base point u_base (dim). */
shp_status shp_surface_eval(shp_problem *pb, shp_backend *be, const shp_surface_plane *plane,
                            const double *u_base, shp_surface_result *res);

void shp_surface_result_free(shp_surface_result *res);

#ifdef __cplusplus
}
#endif

#endif
