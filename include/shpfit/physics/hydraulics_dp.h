/* Parameter derivatives of the hydraulic functions: ∂θ/∂p[k] and ∂K/∂p[k] at fixed h,
 * the derivatives of the limits θmin, θmax, and of the inverse heads h(Se) and h(θ).
 * They are what the exact forward sensitivities of the column need
 * (core/column_sens.h, core/initial.h): the derivative of the discrete solution by a
 * model parameter is assembled from these and the Newton matrix. Each model's own
 * derivatives sit next to its eval function (shp_<model>_eval_dp in model_*.h); this
 * header only dispatches and applies the implicit-function rule to the inverses.
 *
 * Conventions: k runs over the model's own p[] order; entries from the model's count
 * up to SHP_MAX_PARAMS are 0. Specific storage Ss is not a model parameter and gets no
 * derivative here. In the saturated branch (h ≥ 0, or h ≥ the air-entry head) θ = θs
 * and K = Ks, so ∂θ/∂θs = ∂K/∂Ks = 1 and everything else is 0, the air-entry head
 * included. Checked against central differences of shp_hyd_eval in tests/test_hyd_dp.c. */
#ifndef SHPFIT_PHYSICS_HYDRAULICS_DP_H
#define SHPFIT_PHYSICS_HYDRAULICS_DP_H

#include "hydraulics.h"

#ifdef __cplusplus
extern "C" {
#endif

SHP_HD SHP_INLINE void shp_hyd_zero_dp_(double *d)
{
    for (int k = 0; k < SHP_MAX_PARAMS; ++k) d[k] = 0.0;
}

/* dtheta[k] = ∂θ/∂p[k], dK[k] = ∂K/∂p[k] at head h, for all SHP_MAX_PARAMS k. */
SHP_HD SHP_INLINE void shp_hyd_eval_dp(const shp_material *SHP_RESTRICT mat, double h,
                                       double *SHP_RESTRICT dtheta, double *SHP_RESTRICT dK)
{
    const double *p = mat->p;
    shp_hyd_zero_dp_(dtheta);
    shp_hyd_zero_dp_(dK);
    switch (mat->model) {
    case SHP_MODEL_HAVERKAMP: shp_haverkamp_eval_dp(p, h, dtheta, dK); break;
    case SHP_MODEL_GARDNER: shp_gardner_eval_dp(p, h, dtheta, dK); break;
    case SHP_MODEL_VGM_AE: shp_vgm_ae_eval_dp(p, h, dtheta, dK); break;
    case SHP_MODEL_BROOKS_COREY: shp_brooks_corey_eval_dp(p, h, dtheta, dK); break;
    case SHP_MODEL_CLAPP_HORNBERGER: shp_clapp_hornberger_eval_dp(p, h, dtheta, dK); break;
    case SHP_MODEL_DURNER: shp_durner_eval_dp(p, h, dtheta, dK); break;
    case SHP_MODEL_KOSUGI: shp_kosugi_eval_dp(p, h, dtheta, dK); break;
    case SHP_MODEL_KOSUGI2_HYPIX: shp_kosugi2_eval_dp(p, h, 0, dtheta, dK); break;
    case SHP_MODEL_KOSUGI2_MUALEM: shp_kosugi2_eval_dp(p, h, 1, dtheta, dK); break;
    case SHP_MODEL_KOSUGI2_FG2021: shp_kosugi2_fg2021_eval_dp(p, h, 0, dtheta, dK); break;
    case SHP_MODEL_KOSUGI2_FG2021_MUALEM: shp_kosugi2_fg2021_eval_dp(p, h, 1, dtheta, dK); break;
    case SHP_MODEL_PDI: shp_pdi_eval_dp(p, h, dtheta, dK); break;
    case SHP_MODEL_FXW: shp_fxw_eval_dp(p, h, dtheta, dK); break;
    default: shp_vgm_eval_dp(p, h, dtheta, dK); break;
    }
}

/* ∂θmin/∂p[k] and ∂θmax/∂p[k] of shp_hyd_theta_limits. */
SHP_HD SHP_INLINE void shp_hyd_theta_limits_dp(const shp_material *SHP_RESTRICT mat,
                                               double *SHP_RESTRICT dmin, double *SHP_RESTRICT dmax)
{
    shp_hyd_zero_dp_(dmin);
    shp_hyd_zero_dp_(dmax);
    switch (mat->model) {
    case SHP_MODEL_CLAPP_HORNBERGER: dmax[SHP_CH_THETA_S] = 1.0; break;
    case SHP_MODEL_KOSUGI2_FG2021:
    case SHP_MODEL_KOSUGI2_FG2021_MUALEM:
        shp_kosugi2_fg2021_theta_limits_dp(mat->p, dmin, dmax); /* θr(σ, θrMax) */
        break;
    case SHP_MODEL_PDI: dmax[SHP_PDI_THETA_S] = 1.0; break;
    case SHP_MODEL_FXW: dmax[SHP_FXW_THETA_S] = 1.0; break;
    default: /* θr, θs are parameters 0 and 1 (as shp_hyd_theta_limits) */
        dmin[0] = 1.0;
        dmax[1] = 1.0;
        break;
    }
}

/* ∂/∂p of the driest saturated head, shp_hyd_inverse(mat, 1, θs): 0, or an air-entry
 * parameter: h_s (vgm_ae, +1), −hb (Brooks–Corey, −1), −ψs (Clapp–Hornberger, −1). */
SHP_HD SHP_INLINE void shp_hyd_sat_head_dp(const shp_material *SHP_RESTRICT mat,
                                           double *SHP_RESTRICT dh)
{
    shp_hyd_zero_dp_(dh);
    switch (mat->model) {
    case SHP_MODEL_VGM_AE: dh[SHP_VGMAE_HS] = 1.0; break;
    case SHP_MODEL_BROOKS_COREY: dh[SHP_BC_HB] = -1.0; break;
    case SHP_MODEL_CLAPP_HORNBERGER: dh[SHP_CH_PSI_S] = -1.0; break;
    default: break;
    }
}

/* The implicit-function rule at head h: dh[k] = −num[k]/C with num the derivative at
 * fixed h of the quantity held fixed. C = 0 (saturated, or a tail that underflowed)
 * leaves 0s rather than inf/NaN. */
SHP_HD SHP_INLINE int shp_hyd_capacity_(const shp_material *SHP_RESTRICT mat, double h, double *C)
{
    double th, K, dK;
    shp_hyd_eval(mat, h, &th, &K, C, &dK);
    return *C > 0.0 && *C < HUGE_VAL;
}

/* dh/dp[k] of h = shp_hyd_h_of_se(mat, se) at fixed Se; h is that head. For Se < 1:
 *   dh/dp = −(∂Se/∂p at fixed h)/(∂Se/∂h),  Se = (θ − θmin)/(θmax − θmin),
 *   i.e. −[∂θ/∂p − ∂θmin/∂p − Se (∂θmax/∂p − ∂θmin/∂p)]/C.
 * Se ≥ 1: the driest saturated head (shp_hyd_sat_head_dp). Se ≤ 0 or NaN (h = −∞ or
 * NaN): 0s. */
SHP_HD SHP_INLINE void shp_hyd_h_of_se_dp(const shp_material *SHP_RESTRICT mat, double se,
                                          double h, double *SHP_RESTRICT dh)
{
    if (se >= 1.0) {
        shp_hyd_sat_head_dp(mat, dh);
        return;
    }
    shp_hyd_zero_dp_(dh);
    double C;
    if (!(se > 0.0) || !(h > -HUGE_VAL && h < 0.0) || !shp_hyd_capacity_(mat, h, &C)) return;
    double dth[SHP_MAX_PARAMS], dK[SHP_MAX_PARAMS], dmin[SHP_MAX_PARAMS], dmax[SHP_MAX_PARAMS];
    shp_hyd_eval_dp(mat, h, dth, dK);
    shp_hyd_theta_limits_dp(mat, dmin, dmax);
    for (int k = 0; k < SHP_MAX_PARAMS; ++k)
        dh[k] = -(dth[k] - dmin[k] - se * (dmax[k] - dmin[k])) / C;
}

/* dh/dp[k] of h = shp_hyd_h_of_theta(mat, θ) at fixed θ; h is that head:
 * dh/dp = −(∂θ/∂p)/C for θmin < θ < θmax; the driest saturated head for θ ≥ θmax;
 * 0s for θ ≤ θmin (h = −∞) and NaN. */
SHP_HD SHP_INLINE void shp_hyd_h_of_theta_dp(const shp_material *SHP_RESTRICT mat, double theta,
                                             double h, double *SHP_RESTRICT dh)
{
    double tmin, tmax;
    shp_hyd_theta_limits(mat, &tmin, &tmax);
    if (theta >= tmax) {
        shp_hyd_sat_head_dp(mat, dh);
        return;
    }
    shp_hyd_zero_dp_(dh);
    double C;
    if (!(theta > tmin) || !(h > -HUGE_VAL && h < 0.0) || !shp_hyd_capacity_(mat, h, &C)) return;
    double dth[SHP_MAX_PARAMS], dK[SHP_MAX_PARAMS];
    shp_hyd_eval_dp(mat, h, dth, dK);
    for (int k = 0; k < SHP_MAX_PARAMS; ++k) dh[k] = -dth[k] / C;
}

#ifdef __cplusplus
}
#endif

#endif
