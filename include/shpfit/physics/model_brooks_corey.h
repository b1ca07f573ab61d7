/* Brooks & Corey (1964) retention with Mualem's (1976) conductivity:
 *   ψ ≤ hb: Se = 1;  ψ > hb: Se = (ψ/hb)^(−λ),  K = Ks Se^(l + 2 + 2/λ),
 *   C = (θs−θr) λ Se/ψ.  l = 1 is the Brooks–Corey 1964 exponent 3 + 2/λ.
 * θ′ and C jump at ψ = hb (the model's air-entry kink). */
#ifndef SHPFIT_PHYSICS_MODEL_BROOKS_COREY_H
#define SHPFIT_PHYSICS_MODEL_BROOKS_COREY_H

#include "hd.h"

enum { SHP_BC_THETA_R, SHP_BC_THETA_S, SHP_BC_HB, SHP_BC_LAMBDA, SHP_BC_KS, SHP_BC_L,
       SHP_BC_NPARAM };

SHP_HD SHP_INLINE void shp_brooks_corey_eval(const double *SHP_RESTRICT p, double h, double *theta,
                                             double *K, double *C, double *dK)
{
    const double tr = p[SHP_BC_THETA_R], ts = p[SHP_BC_THETA_S], hb = p[SHP_BC_HB];
    const double psi = -h;
    if (psi <= hb) {
        *theta = ts;
        *K = p[SHP_BC_KS];
        *C = 0.0;
        *dK = 0.0;
        return;
    }
    const double lam = p[SHP_BC_LAMBDA];
    const double lr = log(psi / hb);
    const double se = exp(-lam * lr);
    const double ek = lam * (p[SHP_BC_L] + 2.0) + 2.0; /* K ∝ (ψ/hb)^(−ek) */
    const double k = p[SHP_BC_KS] * exp(-ek * lr);
    *theta = tr + (ts - tr) * se;
    *K = k;
    *C = (ts - tr) * lam * se / psi;
    *dK = k * ek / psi;
}

/* Parameter derivatives at fixed h (exact forward sensitivities; hydraulics_dp.h).
 * With lr = ln(ψ/hb): ∂Se/∂hb = λ Se/hb, ∂Se/∂λ = −lr Se; K = Ks e^{−ek lr},
 * ek = λ(l+2)+2: ∂K/∂hb = ek K/hb, ∂K/∂λ = −(l+2) lr K, ∂K/∂l = −λ lr K.
 * For ψ ≤ hb θ = θs and K = Ks do not depend on hb (its derivative is 0 there). */
SHP_HD SHP_INLINE void shp_brooks_corey_eval_dp(const double *SHP_RESTRICT p, double h,
                                                double *SHP_RESTRICT dtheta,
                                                double *SHP_RESTRICT dK)
{
    for (int k = 0; k < SHP_BC_NPARAM; ++k) dtheta[k] = dK[k] = 0.0;
    const double tr = p[SHP_BC_THETA_R], ts = p[SHP_BC_THETA_S], hb = p[SHP_BC_HB];
    const double psi = -h;
    if (psi <= hb) {
        dtheta[SHP_BC_THETA_S] = 1.0;
        dK[SHP_BC_KS] = 1.0;
        return;
    }
    const double lam = p[SHP_BC_LAMBDA], l = p[SHP_BC_L];
    const double lr = log(psi / hb);
    const double se = exp(-lam * lr);
    const double ek = lam * (l + 2.0) + 2.0;
    const double kr = exp(-ek * lr), k = p[SHP_BC_KS] * kr;
    dtheta[SHP_BC_THETA_R] = -expm1(-lam * lr);
    dtheta[SHP_BC_THETA_S] = se;
    dtheta[SHP_BC_HB] = (ts - tr) * lam * se / hb;
    dtheta[SHP_BC_LAMBDA] = -(ts - tr) * lr * se;
    dK[SHP_BC_HB] = k * ek / hb;
    dK[SHP_BC_LAMBDA] = -k * (l + 2.0) * lr;
    dK[SHP_BC_KS] = kr;
    dK[SHP_BC_L] = -k * lam * lr;
}

/* ψ = hb Se^(−1/λ); Se = 1 gives the air-entry head −hb (θs holds for all h ≥ −hb). */
SHP_HD SHP_INLINE double shp_brooks_corey_h_of_se(const double *SHP_RESTRICT p, double se)
{
    if (se >= 1.0) return -p[SHP_BC_HB];
    return -p[SHP_BC_HB] * exp(-log(se) / p[SHP_BC_LAMBDA]);
}

#endif
