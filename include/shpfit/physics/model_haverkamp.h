/* Haverkamp et al. (1977) sand, as used in Celia, Bouloutas & Zarba (1990) test 1
 * (docs/reference_values.md §2):
 *   θ = θr + (θs−θr) A1/(A1 + |h|^β),   K = Ks A/(A + |h|^γ). */
#ifndef SHPFIT_PHYSICS_MODEL_HAVERKAMP_H
#define SHPFIT_PHYSICS_MODEL_HAVERKAMP_H

#include "hd.h"

enum { SHP_HAV_THETA_R, SHP_HAV_THETA_S, SHP_HAV_A1, SHP_HAV_BETA, SHP_HAV_KS, SHP_HAV_A,
       SHP_HAV_GAMMA, SHP_HAV_NPARAM };

SHP_HD SHP_INLINE void shp_haverkamp_eval(const double *SHP_RESTRICT p, double h, double *theta,
                                          double *K, double *C, double *dK)
{
    const double tr = p[SHP_HAV_THETA_R], ts = p[SHP_HAV_THETA_S];
    if (h >= 0.0) {
        *theta = ts;
        *K = p[SHP_HAV_KS];
        *C = 0.0;
        *dK = 0.0;
        return;
    }
    const double psi = -h, a1 = p[SHP_HAV_A1], beta = p[SHP_HAV_BETA];
    const double log_psi = log(psi);
    const double pb = exp(beta * log_psi);
    const double den = a1 + pb;
    *theta = tr + (ts - tr) * a1 / den;
    const double pg = exp(p[SHP_HAV_GAMMA] * log_psi), kden = p[SHP_HAV_A] + pg;
    *K = p[SHP_HAV_KS] * p[SHP_HAV_A] / kden;
    /* dK/dh = Ks A γ ψ^(γ−1)/(A + ψ^γ)^2 > 0 */
    *dK = p[SHP_HAV_KS] * p[SHP_HAV_A] * p[SHP_HAV_GAMMA] * (pg / psi) / (kden * kden);
    /* dθ/dh = (θs−θr) A1 β ψ^(β−1) / (A1 + ψ^β)^2, positive */
    *C = (ts - tr) * a1 * beta * (pb / psi) / (den * den);
}

/* Parameter derivatives at fixed h (exact forward sensitivities; hydraulics_dp.h).
 * With den = A1 + ψ^β and kden = A + ψ^γ:
 *   ∂θ/∂θr = ψ^β/den, ∂θ/∂θs = A1/den, ∂θ/∂A1 = (θs−θr) ψ^β/den²,
 *   ∂θ/∂β = −(θs−θr) A1 ψ^β ln ψ/den²,
 *   ∂K/∂Ks = A/kden, ∂K/∂A = Ks ψ^γ/kden², ∂K/∂γ = −Ks A ψ^γ ln ψ/kden². */
SHP_HD SHP_INLINE void shp_haverkamp_eval_dp(const double *SHP_RESTRICT p, double h,
                                             double *SHP_RESTRICT dtheta, double *SHP_RESTRICT dK)
{
    for (int k = 0; k < SHP_HAV_NPARAM; ++k) dtheta[k] = dK[k] = 0.0;
    if (h >= 0.0) {
        dtheta[SHP_HAV_THETA_S] = 1.0;
        dK[SHP_HAV_KS] = 1.0;
        return;
    }
    const double tr = p[SHP_HAV_THETA_R], ts = p[SHP_HAV_THETA_S];
    const double psi = -h, a1 = p[SHP_HAV_A1], beta = p[SHP_HAV_BETA];
    const double ks = p[SHP_HAV_KS], A = p[SHP_HAV_A];
    const double log_psi = log(psi);
    const double pb = exp(beta * log_psi), den = a1 + pb;
    const double pg = exp(p[SHP_HAV_GAMMA] * log_psi), kden = A + pg;
    /* ψ^β/den and ψ^γ/kden, finite (→ 1) where the powers overflow; no den² */
    const double fb = 1.0 / (1.0 + a1 / pb), fg = 1.0 / (1.0 + A / pg);
    dtheta[SHP_HAV_THETA_R] = fb;
    dtheta[SHP_HAV_THETA_S] = a1 / den;
    dtheta[SHP_HAV_A1] = (ts - tr) * fb / den;
    dtheta[SHP_HAV_BETA] = -(ts - tr) * (a1 / den) * fb * log_psi;
    dK[SHP_HAV_KS] = A / kden;
    dK[SHP_HAV_A] = ks * fg / kden;
    dK[SHP_HAV_GAMMA] = -ks * (A / kden) * fg * log_psi;
}

SHP_HD SHP_INLINE double shp_haverkamp_h_of_se(const double *SHP_RESTRICT p, double se)
{
    if (se >= 1.0) return 0.0;
    const double a1 = p[SHP_HAV_A1];
    return -pow(a1 / se - a1, 1.0 / p[SHP_HAV_BETA]);
}

#endif
