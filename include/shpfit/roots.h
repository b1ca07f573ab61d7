/* Root water uptake set-up of a column (host side): the root distribution over depth
 * turned into the node weights shp_column.root_w, the named Feddes stress functions,
 * and the split of potential evapotranspiration into soil evaporation and
 * transpiration by Beer's law. The uptake itself is in physics/root_uptake.h. */
#ifndef SHPFIT_ROOTS_H
#define SHPFIT_ROOTS_H

#include "core/column_types.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Shape of the root density b(z) over 0 ≤ z ≤ depth (0 below). */
typedef enum {
    SHP_ROOTS_UNIFORM = 0,  /* constant */
    SHP_ROOTS_LINEAR,       /* largest at the surface, falling linearly to 0 at depth
                             * (HYDRUS-1D's default root distribution) */
    SHP_ROOTS_EXPONENTIAL,  /* ∝ exp(−z/scale) */
    SHP_ROOTS_TABLE,        /* linear between the n points (z[k], b[k]), 0 beyond them */
    SHP_ROOTS_SHAPE_COUNT
} shp_root_shape;

typedef struct {
    int shape;       /* shp_root_shape */
    double depth;    /* [L] > 0: the rooting depth (TABLE: unused, the last z) */
    double scale;    /* [L] > 0: e-folding length of EXPONENTIAL */
    int n;           /* TABLE: points, ≥ 2, z strictly increasing from ≥ 0, b ≥ 0 */
    const double *z, *b;
} shp_root_distribution;

/* The root weights of the n nodes z (increasing from 0): w_i = ∫ b over node i's
 * control volume (its half cells) divided by ∫ b over the column, so Σ w_i = 1 and the
 * uptake of node i is α(h_i) w_i T_p whatever the grid. Returns SHP_OK, or
 * SHP_ERR_INVALID when the distribution is malformed or has no roots inside the column. */
shp_status shp_root_weights(const shp_root_distribution *d, int n, const double *z, double *w);

/* The Feddes function of a named crop in lengths of cm_per_length cm and times of
 * min_per_time min: "pasture" (also "grass"): h1 −10, h2 −25, h3h −200, h3l −800,
 * h4 −8000 cm, r2h 0.5, r2l 0.1 cm/d, the values Wesseling et al. (1991) give for
 * grass. Returns SHP_OK or SHP_ERR_INVALID for an unknown name. */
shp_status shp_feddes_named(const char *name, double cm_per_length, double min_per_time, shp_feddes *f);

/* Names shp_feddes_named knows, NULL-terminated (for messages). */
extern const char *const shp_feddes_names[];

/* SHP_OK when h4 < h3l ≤ h3h < h2 ≤ h1 ≤ 0 and r2h > r2l ≥ 0, else SHP_ERR_INVALID. */
shp_status shp_feddes_check(const shp_feddes *f);

/* The share of potential evapotranspiration that is potential transpiration under a
 * canopy of leaf area index lai ≥ 0 (Beer's law, Ritchie 1972):
 * T_p / ET_p = 1 − exp(−k·lai), k the extinction coefficient for radiation. The rest,
 * exp(−k·lai), is potential soil evaporation. */
double shp_beer_transpiration_share(double lai, double k);

#ifdef __cplusplus
}
#endif

#endif
