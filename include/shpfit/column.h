/* Host-side helpers around the shared column solver: grids, initial states,
 * observation points, output buffers and the single-column CPU run. */
#ifndef SHPFIT_COLUMN_H
#define SHPFIT_COLUMN_H

#include <stddef.h>

#include "core/column_core.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Solver options with the documented defaults (docs/config.md). */
shp_solver_opts shp_solver_opts_default(void);

/* n uniform nodes from depth 0 to `depth`. */
void shp_grid_uniform(int n, double depth, double *z);

/* n nodes from 0 to `depth` whose spacing grows by `ratio` (> 0) from one interval
 * to the next: refined toward the surface for ratio > 1. ratio = 1 is uniform. */
void shp_grid_geometric(int n, double depth, double ratio, double *z);

/* The graded grid: cells grow from `dz_top` by `ratio` (≥ 1) per cell up to the cap
 * `dz_max` (dz_top ≤ dz_max ≤ depth), refined toward the surface. Unlike a fixed-ratio
 * geometric grid, dividing dz_top and dz_max by f and taking ratio^(1/f) shrinks every
 * cell, so such a sequence converges (docs/config.md, "profile").
 * shp_grid_graded_nodes: the node count, the fewest cells of min(dz_top·ratio^k, dz_max)
 * that reach `depth`; max_nodes + 1 when it would exceed max_nodes; 0 for invalid
 * arguments. shp_grid_graded: those n nodes; instead of a short last cell, the cap is
 * lowered just enough for the n − 1 cells to end exactly at `depth` (cells stay
 * non-decreasing and at most dz_max; the first is dz_top, except where depth < (n − 1)
 * dz_top, e.g. dz_top = dz_max: then all are depth/(n − 1)). */
long shp_grid_graded_nodes(double depth, double dz_top, double ratio, double dz_max, long max_nodes);
void shp_grid_graded(int n, double depth, double dz_top, double ratio, double dz_max, double *z);

/* Node index and weight so that value(depth) = (1−w) v[node] + w v[node+1]. */
int shp_grid_locate(const double *z, int n, double depth, int *node, double *w);

/* Linear interpolation of a profile (depths dz[0..m−1] increasing, values v) at depth d;
 * constant beyond the ends. */
double shp_profile_interp(const double *dz, const double *v, int m, double d);

/* Doubles of output a column writes (its series, observations and profiles). */
long shp_column_out_doubles(const shp_column *col);

/* Point the slots of `out` into one block of shp_column_out_doubles(col) doubles. Pure
 * address arithmetic, so `block` and `stats` may equally be device memory. */
void shp_column_out_bind(const shp_column *col, double *block, shp_column_stats *stats,
                         shp_column_out *out);

/* Output buffers of one column (owned by the struct). */
typedef struct {
    shp_column_out out;
    shp_column_stats stats;
    double *block;
} shp_column_result;

shp_status shp_column_result_alloc(const shp_column *col, shp_column_result *res);
void shp_column_result_free(shp_column_result *res);

/* The names of the face conductivity means (solver.k_mean), in shp_kmean order, then
 * NULL. */
extern const char *const shp_kmean_names[SHP_KMEAN_COUNT + 1];

/* Bytes of working memory the column needs (its nodes, and its materials' Kirchhoff
 * tables when the faces are "kirchhoff"). */
size_t shp_column_work_bytes(const shp_column *col);

/* Run one column on the calling CPU thread (allocates its working block once). */
shp_status shp_column_run_cpu(const shp_column *col, const shp_material *mats, const double *h_init,
                              shp_column_result *res);

#ifdef __cplusplus
}
#endif

#endif
