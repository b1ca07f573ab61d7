/* The one dispatch from a material to its hydraulic model. The column solver calls
 * only these functions, so a new model is a new header plus one case in each switch
 * here and one row in the host registry (host/models/registry.c): the solver is
 * never touched. */
#ifndef SHPFIT_PHYSICS_HYDRAULICS_H
#define SHPFIT_PHYSICS_HYDRAULICS_H

#include "hd.h"
#include "model_brooks_corey.h"
#include "model_clapp_hornberger.h"
#include "model_durner.h"
#include "model_fxw.h"
#include "model_gardner.h"
#include "model_haverkamp.h"
#include "model_kosugi.h"
#include "model_pdi.h"
#include "model_vgm.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Every model of the library. The order is the registry's (host/models/registry.c)
 * and is part of the binary interface of shp_material: append, never reorder. */
typedef enum {
    SHP_MODEL_VGM = 0,
    SHP_MODEL_HAVERKAMP,
    SHP_MODEL_GARDNER,
    SHP_MODEL_VGM_AE,
    SHP_MODEL_BROOKS_COREY,
    SHP_MODEL_CLAPP_HORNBERGER,
    SHP_MODEL_DURNER,
    SHP_MODEL_KOSUGI,
    SHP_MODEL_KOSUGI2_HYPIX,
    SHP_MODEL_KOSUGI2_MUALEM,
    SHP_MODEL_KOSUGI2_FG2021,
    SHP_MODEL_KOSUGI2_FG2021_MUALEM,
    SHP_MODEL_PDI,
    SHP_MODEL_FXW,
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

/* Constants a model derives from its parameters once per material, kept in the
 * material's unused parameter slots (FXW: its conductivity's normalising integral).
 * Call after the parameters are set; a material not prepared, or changed since, gives
 * the same results, only slower (the models check the cache's key). */
typedef char shp_fxw_cache_fits[SHP_FXW_CACHE + 4 <= SHP_MAX_PARAMS ? 1 : -1];
SHP_HD SHP_INLINE void shp_hyd_prepare(shp_material *mat)
{
    if (mat->model == SHP_MODEL_FXW) shp_fxw_prepare(mat->p);
}

/* θ(h), K(h), C(h) = dθ/dh ≥ 0 and dK/dh ≥ 0 in one call: the models share most of
 * the work, and the Newton scheme needs dK/dh. For h ≥ 0 every model returns θs,
 * Ks, 0, 0. */
SHP_HD SHP_INLINE void shp_hyd_eval(const shp_material *SHP_RESTRICT mat, double h,
                                    double *theta, double *K, double *C, double *dK)
{
    const double *p = mat->p;
    switch (mat->model) {
    case SHP_MODEL_HAVERKAMP: shp_haverkamp_eval(p, h, theta, K, C, dK); break;
    case SHP_MODEL_GARDNER: shp_gardner_eval(p, h, theta, K, C, dK); break;
    case SHP_MODEL_VGM_AE: shp_vgm_ae_eval(p, h, theta, K, C, dK); break;
    case SHP_MODEL_BROOKS_COREY: shp_brooks_corey_eval(p, h, theta, K, C, dK); break;
    case SHP_MODEL_CLAPP_HORNBERGER: shp_clapp_hornberger_eval(p, h, theta, K, C, dK); break;
    case SHP_MODEL_DURNER: shp_durner_eval(p, h, theta, K, C, dK); break;
    case SHP_MODEL_KOSUGI: shp_kosugi_eval(p, h, theta, K, C, dK); break;
    case SHP_MODEL_KOSUGI2_HYPIX: shp_kosugi2_eval(p, h, 0, theta, K, C, dK); break;
    case SHP_MODEL_KOSUGI2_MUALEM: shp_kosugi2_eval(p, h, 1, theta, K, C, dK); break;
    case SHP_MODEL_KOSUGI2_FG2021: shp_kosugi2_fg2021_eval(p, h, 0, theta, K, C, dK); break;
    case SHP_MODEL_KOSUGI2_FG2021_MUALEM: shp_kosugi2_fg2021_eval(p, h, 1, theta, K, C, dK); break;
    case SHP_MODEL_PDI: shp_pdi_eval(p, h, theta, K, C, dK); break;
    case SHP_MODEL_FXW: shp_fxw_eval_cached(p, p + SHP_FXW_CACHE, h, theta, K, C, dK); break;
    default: shp_vgm_eval(p, h, theta, K, C, dK); break;
    }
}

/* The range θ(h) spans: θmax = θs, θmin the driest value approached (θr, or 0 for
 * the models that reach oven-dry or have no residual term). */
SHP_HD SHP_INLINE void shp_hyd_theta_limits(const shp_material *SHP_RESTRICT mat,
                                            double *theta_min, double *theta_max)
{
    const double *p = mat->p;
    switch (mat->model) {
    case SHP_MODEL_CLAPP_HORNBERGER:
        *theta_min = 0.0;
        *theta_max = p[SHP_CH_THETA_S];
        break;
    case SHP_MODEL_KOSUGI2_FG2021:
    case SHP_MODEL_KOSUGI2_FG2021_MUALEM:
        shp_kosugi2_fg2021_theta_limits(p, theta_min, theta_max); /* θr derived from σ */
        break;
    case SHP_MODEL_PDI: shp_pdi_theta_limits(p, theta_min, theta_max); break; /* 0 at oven-dry */
    case SHP_MODEL_FXW: shp_fxw_theta_limits(p, theta_min, theta_max); break;
    default:
        /* every other model stores θr, θs as parameters 0 and 1 */
        *theta_min = p[0];
        *theta_max = p[1];
        break;
    }
}

/* Inverse retention by a safeguarded Newton iteration on u = ln ψ inside a bracket
 * that always holds the root (θ is monotone in ψ), so it converges for every model;
 * for the models without a closed-form inverse. theta_min < target < theta_max. */
SHP_HD SHP_INLINE double shp_hyd_invert_theta(const shp_material *SHP_RESTRICT mat,
                                              double target)
{
    double th, K, C, dK;
    double ulo = log(1e-8), uhi = log(1e4);
    /* widen until θ(ψlo) ≥ target ≥ θ(ψhi); ψ in [1e-300, 1e300] */
    shp_hyd_eval(mat, -exp(ulo), &th, &K, &C, &dK);
    while (th < target && ulo > -690.0) {
        ulo -= 20.0;
        shp_hyd_eval(mat, -exp(ulo), &th, &K, &C, &dK);
    }
    shp_hyd_eval(mat, -exp(uhi), &th, &K, &C, &dK);
    while (th > target && uhi < 690.0) {
        uhi += 10.0;
        shp_hyd_eval(mat, -exp(uhi), &th, &K, &C, &dK);
    }
    double u = 0.5 * (ulo + uhi);
    for (int it = 0; it < 400 && uhi - ulo > 1e-15 * shp_max(1.0, fabs(u)); ++it) {
        const double psi = exp(u);
        shp_hyd_eval(mat, -psi, &th, &K, &C, &dK);
        const double f = th - target; /* decreasing in u */
        if (f == 0.0) break;
        if (f > 0.0) ulo = u;
        else uhi = u;
        const double slope = -C * psi; /* dθ/du */
        double un = slope < 0.0 ? u - f / slope : 0.5 * (ulo + uhi);
        if (!(un > ulo && un < uhi)) un = 0.5 * (ulo + uhi);
        /* a Newton step that barely moves means we are done */
        if (fabs(un - u) <= 1e-16 * shp_max(1.0, fabs(u))) {
            u = un;
            break;
        }
        u = un;
    }
    return -exp(u);
}

/* Inverse retention from both forms of the target: Se for the closed forms (no
 * rounding through θ when Se is tiny), θ for the root finder. */
SHP_HD SHP_INLINE double shp_hyd_inverse(const shp_material *SHP_RESTRICT mat, double se,
                                         double theta)
{
    const double *p = mat->p;
    switch (mat->model) {
    case SHP_MODEL_VGM: return shp_vgm_h_of_se(p, se);
    case SHP_MODEL_HAVERKAMP: return shp_haverkamp_h_of_se(p, se);
    case SHP_MODEL_GARDNER: return shp_gardner_h_of_se(p, se);
    case SHP_MODEL_VGM_AE: return shp_vgm_ae_h_of_se(p, se);
    case SHP_MODEL_BROOKS_COREY: return shp_brooks_corey_h_of_se(p, se);
    case SHP_MODEL_CLAPP_HORNBERGER: return shp_clapp_hornberger_h_of_se(p, se);
    case SHP_MODEL_KOSUGI: return shp_kosugi_h_of_se(p, se);
    default: return se >= 1.0 ? 0.0 : shp_hyd_invert_theta(mat, theta);
    }
}

/* Inverse retention h(θ) for theta_min < θ ≤ theta_max: closed form where the model
 * has one, otherwise the bracketed root finder. θ ≥ θs gives the driest head at
 * which θs holds (0, or the air-entry head of BC, CH and vgm_ae), θ ≤ θmin gives −∞,
 * NaN gives NaN. */
SHP_HD SHP_INLINE double shp_hyd_h_of_theta(const shp_material *SHP_RESTRICT mat, double theta)
{
    double tmin, tmax;
    shp_hyd_theta_limits(mat, &tmin, &tmax);
    if (theta != theta) return theta;
    if (theta <= tmin) return -HUGE_VAL;
    if (theta >= tmax) return shp_hyd_inverse(mat, 1.0, tmax);
    return shp_hyd_inverse(mat, (theta - tmin) / (tmax - tmin), theta);
}

/* Inverse in terms of Se = (θ − θmin)/(θmax − θmin), 0 < Se ≤ 1. */
SHP_HD SHP_INLINE double shp_hyd_h_of_se(const shp_material *SHP_RESTRICT mat, double se)
{
    double tmin, tmax;
    shp_hyd_theta_limits(mat, &tmin, &tmax);
    if (se != se) return se;
    if (se <= 0.0) return -HUGE_VAL;
    if (se >= 1.0) return shp_hyd_inverse(mat, 1.0, tmax);
    return shp_hyd_inverse(mat, se, tmin + se * (tmax - tmin));
}

/* θ split into its capillary and adsorbed parts (θ = cap + ad) for the models that
 * have one (PDI); the others return cap = θ, ad = 0. */
SHP_HD SHP_INLINE void shp_hyd_theta_split(const shp_material *SHP_RESTRICT mat, double h,
                                           double *cap, double *ad)
{
    if (mat->model == SHP_MODEL_PDI) {
        shp_pdi_theta_split(mat->p, h, cap, ad);
        return;
    }
    double th, K, C, dK;
    shp_hyd_eval(mat, h, &th, &K, &C, &dK);
    *cap = th;
    *ad = 0.0;
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
