/* Gardner (1958) exponential model, the soil of the Srivastava & Yeh (1991) exact
 * solution (docs/reference_values.md §4):
 *   θ = θr + (θs−θr) e^{αh},  K = Ks e^{αh}. */
#ifndef SHPFIT_PHYSICS_MODEL_GARDNER_H
#define SHPFIT_PHYSICS_MODEL_GARDNER_H

#include "hd.h"

enum { SHP_GAR_THETA_R, SHP_GAR_THETA_S, SHP_GAR_ALPHA, SHP_GAR_KS, SHP_GAR_NPARAM };

SHP_HD SHP_INLINE void shp_gardner_eval(const double *SHP_RESTRICT p, double h, double *theta,
                                        double *K, double *C, double *dK)
{
    const double tr = p[SHP_GAR_THETA_R], ts = p[SHP_GAR_THETA_S];
    if (h >= 0.0) {
        *theta = ts;
        *K = p[SHP_GAR_KS];
        *C = 0.0;
        *dK = 0.0;
        return;
    }
    const double e = exp(p[SHP_GAR_ALPHA] * h);
    *theta = tr + (ts - tr) * e;
    *K = p[SHP_GAR_KS] * e;
    *C = (ts - tr) * p[SHP_GAR_ALPHA] * e;
    *dK = p[SHP_GAR_ALPHA] * *K;
}

/* Parameter derivatives at fixed h (exact forward sensitivities; hydraulics_dp.h):
 * ∂θ/∂θr = 1 − e^{αh} (expm1), ∂θ/∂α = (θs−θr) h e^{αh}, ∂K/∂α = Ks h e^{αh}. */
SHP_HD SHP_INLINE void shp_gardner_eval_dp(const double *SHP_RESTRICT p, double h,
                                           double *SHP_RESTRICT dtheta, double *SHP_RESTRICT dK)
{
    for (int k = 0; k < SHP_GAR_NPARAM; ++k) dtheta[k] = dK[k] = 0.0;
    if (h >= 0.0) {
        dtheta[SHP_GAR_THETA_S] = 1.0;
        dK[SHP_GAR_KS] = 1.0;
        return;
    }
    const double ah = p[SHP_GAR_ALPHA] * h, e = exp(ah);
    dtheta[SHP_GAR_THETA_R] = -expm1(ah);
    dtheta[SHP_GAR_THETA_S] = e;
    dtheta[SHP_GAR_ALPHA] = (p[SHP_GAR_THETA_S] - p[SHP_GAR_THETA_R]) * h * e;
    dK[SHP_GAR_ALPHA] = p[SHP_GAR_KS] * h * e;
    dK[SHP_GAR_KS] = e;
}

SHP_HD SHP_INLINE double shp_gardner_h_of_se(const double *SHP_RESTRICT p, double se)
{
    if (se >= 1.0) return 0.0;
    return log(se) / p[SHP_GAR_ALPHA];
}

#endif
