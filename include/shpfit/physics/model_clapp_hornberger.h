/* Clapp & Hornberger (1978) in Campbell's (1974) power form, θr = 0:
 *   ψ ≤ ψs: θ = θs, K = Ks;  ψ > ψs: θ = θs (ψ/ψs)^(−1/b),  K = Ks (ψ/ψs)^(−2−3/b),
 *   C = θ/(b ψ).  The parabolic wet-end segment of the 1978 paper is not included. */
#ifndef SHPFIT_PHYSICS_MODEL_CLAPP_HORNBERGER_H
#define SHPFIT_PHYSICS_MODEL_CLAPP_HORNBERGER_H

#include "hd.h"

enum { SHP_CH_THETA_S, SHP_CH_PSI_S, SHP_CH_B, SHP_CH_KS, SHP_CH_NPARAM };

SHP_HD SHP_INLINE void shp_clapp_hornberger_eval(const double *SHP_RESTRICT p, double h,
                                                 double *theta, double *K, double *C, double *dK)
{
    const double ts = p[SHP_CH_THETA_S], psis = p[SHP_CH_PSI_S];
    const double psi = -h;
    if (psi <= psis) {
        *theta = ts;
        *K = p[SHP_CH_KS];
        *C = 0.0;
        *dK = 0.0;
        return;
    }
    const double b = p[SHP_CH_B];
    const double lr = log(psi / psis);
    const double th = ts * exp(-lr / b);
    const double ek = 2.0 + 3.0 / b;
    const double k = p[SHP_CH_KS] * exp(-ek * lr);
    *theta = th;
    *K = k;
    *C = th / (b * psi);
    *dK = k * ek / psi;
}

/* Parameter derivatives at fixed h (as shp_brooks_corey_eval_dp). With lr = ln(ψ/ψs):
 * ∂θ/∂ψs = θ/(b ψs), ∂θ/∂b = θ lr/b², ∂K/∂ψs = ek K/ψs, ∂K/∂b = 3 lr K/b²,
 * ek = 2 + 3/b. For ψ ≤ ψs θ = θs and K = Ks do not depend on ψs. */
SHP_HD SHP_INLINE void shp_clapp_hornberger_eval_dp(const double *SHP_RESTRICT p, double h,
                                                    double *SHP_RESTRICT dtheta,
                                                    double *SHP_RESTRICT dK)
{
    for (int k = 0; k < SHP_CH_NPARAM; ++k) dtheta[k] = dK[k] = 0.0;
    const double ts = p[SHP_CH_THETA_S], psis = p[SHP_CH_PSI_S];
    const double psi = -h;
    if (psi <= psis) {
        dtheta[SHP_CH_THETA_S] = 1.0;
        dK[SHP_CH_KS] = 1.0;
        return;
    }
    const double b = p[SHP_CH_B];
    const double lr = log(psi / psis);
    const double s = exp(-lr / b), th = ts * s;
    const double ek = 2.0 + 3.0 / b;
    const double kr = exp(-ek * lr), k = p[SHP_CH_KS] * kr;
    dtheta[SHP_CH_THETA_S] = s;
    dtheta[SHP_CH_PSI_S] = th / (b * psis);
    dtheta[SHP_CH_B] = th * lr / (b * b);
    dK[SHP_CH_PSI_S] = k * ek / psis;
    dK[SHP_CH_B] = 3.0 * k * lr / (b * b);
    dK[SHP_CH_KS] = kr;
}

/* ψ = ψs (θ/θs)^(−b); Se = θ/θs here (θr = 0). */
SHP_HD SHP_INLINE double shp_clapp_hornberger_h_of_se(const double *SHP_RESTRICT p, double se)
{
    if (se >= 1.0) return -p[SHP_CH_PSI_S];
    return -p[SHP_CH_PSI_S] * exp(-p[SHP_CH_B] * log(se));
}

#endif
