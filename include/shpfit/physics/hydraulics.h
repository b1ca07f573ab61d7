/* The one dispatch from a material to its hydraulic model. The column solver calls
 * only these functions, so a new model is a new header plus one case in each switch
 * here and one row in the host registry (host/models/registry.c): the solver is
 * never touched. */
#ifndef SHPFIT_PHYSICS_HYDRAULICS_H
#define SHPFIT_PHYSICS_HYDRAULICS_H

#include "hd.h"
#include "model_gardner.h"
#include "model_haverkamp.h"
#include "model_vgm.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    SHP_MODEL_VGM = 0,
    SHP_MODEL_HAVERKAMP,
    SHP_MODEL_GARDNER,
    SHP_MODEL_COUNT
} shp_model_id;

#define SHP_MAX_PARAMS 12

/* A material: model, its parameters in the model's own order, and specific storage
 * Ss [1/L] that adds elastic storage Ss·h where h > 0 (default 0). Plain data, so it
 * can be copied to a device as is. */
typedef struct {
    int model;
    double p[SHP_MAX_PARAMS];
    double Ss;
} shp_material;

/* θ(h), K(h), C(h) = dθ/dh ≥ 0 and dK/dh ≥ 0 in one call: the models share most of
 * the work, and the Newton scheme needs dK/dh. */
SHP_HD SHP_INLINE void shp_hyd_eval(const shp_material *SHP_RESTRICT mat, double h,
                                    double *theta, double *K, double *C, double *dK)
{
    switch (mat->model) {
    case SHP_MODEL_HAVERKAMP: haverkamp_eval(mat->p, h, theta, K, C, dK); break;
    case SHP_MODEL_GARDNER: gardner_eval(mat->p, h, theta, K, C, dK); break;
    default: vgm_eval(mat->p, h, theta, K, C, dK); break;
    }
}

/* Residual and saturated water content of a material. */
SHP_HD SHP_INLINE void shp_hyd_theta_range(const shp_material *SHP_RESTRICT mat, double *tr,
                                           double *ts)
{
    /* every model of this file stores θr, θs as parameters 0 and 1 */
    *tr = mat->p[0];
    *ts = mat->p[1];
}

/* Inverse retention h(Se) for 0 < Se ≤ 1 (closed form for these models). */
SHP_HD SHP_INLINE double shp_hyd_h_of_se(const shp_material *SHP_RESTRICT mat, double se)
{
    switch (mat->model) {
    case SHP_MODEL_HAVERKAMP: return haverkamp_h_of_se(mat->p, se);
    case SHP_MODEL_GARDNER: return gardner_h_of_se(mat->p, se);
    default: return vgm_h_of_se(mat->p, se);
    }
}

/* Stored water W(h) = θ(h) + Ss·max(h, 0) and its derivative Cw: the quantity the
 * mass-conservative scheme keeps in balance; K and dK/dh come along. */
SHP_HD SHP_INLINE void shp_hyd_storage(const shp_material *SHP_RESTRICT mat, double h,
                                       double *W, double *K, double *Cw, double *dK)
{
    double theta, C;
    shp_hyd_eval(mat, h, &theta, K, &C, dK);
    if (h > 0.0) {
        *W = theta + mat->Ss * h;
        *Cw = C + mat->Ss;
    } else {
        *W = theta;
        *Cw = C;
    }
}

#ifdef __cplusplus
}
#endif

#endif
