/* Private to host/models: the registry rows (one file per model family, each a const
 * shp_model_desc) and the few helpers the rows share. registry.c lists the rows. */
#ifndef SHPFIT_HOST_MODELS_INTERNAL_H
#define SHPFIT_HOST_MODELS_INTERNAL_H

#include <math.h>
#include <stddef.h>

#include "shpfit/models.h"

#define SHP_INF HUGE_VAL

/* θr and θs, with the same validity in every model: 0 ≤ θr < 1, 0 < θs ≤ 1;
 * inversion bounds given per model. */
#define SHP_PARAM_THETA_R(blo, bhi)                                                       \
    {.name = "theta_r", .unit = "-", .about = "residual water content", .lo = 0.0,         \
     .hi = 1.0, .lo_closed = 1, .bound_lo = (blo), .bound_hi = (bhi)}
#define SHP_PARAM_THETA_S(blo, bhi)                                                       \
    {.name = "theta_s", .unit = "-", .about = "saturated water content", .lo = 0.0,        \
     .hi = 1.0, .hi_closed = 1, .bound_lo = (blo), .bound_hi = (bhi)}
/* Ks: positive, searched on a log scale; bounds in cm/min (1.4e-3 to 1440 cm/d: clays
 * to gravels) */
#define SHP_PARAM_KS                                                                      \
    {.name = "Ks", .unit = "L/T", .about = "saturated hydraulic conductivity", .lo = 0.0,  \
     .hi = SHP_INF, .bound_lo = 1e-6, .bound_hi = 1.0, .log_scale = 1, .dim_L = 1, .dim_T = -1,  \
     .k_only = 1}
/* Mualem's pore connectivity/tortuosity: l > −2 keeps K → 0 as Se → 0 for every model
 * here (the bound is −2/m for VGM, and m ≤ 1); 0.5 by
 * convention and held fixed in inversions unless freed */
#define SHP_PARAM_MUALEM_L(key)                                                           \
    {.name = (key), .unit = "-", .about = "pore connectivity (Mualem tortuosity), > -2",   \
     .lo = -2.0, .hi = SHP_INF, .has_default = 1, .def = 0.5, .bound_lo = -1.0,        \
     .bound_hi = 2.0, .fixed = 1, .k_only = 1}

/* Constraint θr < θs for rows whose θr, θs are parameters ir, is. Returns −1 when it
 * holds, otherwise ir and a message. */
int shp_check_theta_order(const double *p, int ir, int is, char *msg, size_t len);

/* Constraint check shared by the rows that store θr, θs as parameters 0 and 1. */
int shp_check_theta01(const double *p, char *msg, size_t len);

/* The rows. */
extern const shp_model_desc shp_row_vgm, shp_row_vgm_ae, shp_row_haverkamp, shp_row_gardner,
    shp_row_brooks_corey, shp_row_clapp_hornberger, shp_row_durner, shp_row_kosugi,
    shp_row_kosugi2_hypix, shp_row_kosugi2_mualem, shp_row_kosugi2_fg2021,
    shp_row_kosugi2_fg2021_mualem, shp_row_pdi, shp_row_fxw;

#endif
