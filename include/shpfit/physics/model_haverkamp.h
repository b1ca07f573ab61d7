/* Haverkamp et al. (1977) sand, as used in Celia, Bouloutas & Zarba (1990) test 1
 * (shared/reference/benchmarks.md §2):
 *   θ = θr + (θs−θr) A1/(A1 + |h|^β),   K = Ks A/(A + |h|^γ). */
#ifndef SHPFIT_PHYSICS_MODEL_HAVERKAMP_H
#define SHPFIT_PHYSICS_MODEL_HAVERKAMP_H

#include "hd.h"

enum { SHP_HAV_THETA_R, SHP_HAV_THETA_S, SHP_HAV_A1, SHP_HAV_BETA, SHP_HAV_KS, SHP_HAV_A,
       SHP_HAV_GAMMA, SHP_HAV_NPARAM };

SHP_HD SHP_INLINE void haverkamp_eval(const double *SHP_RESTRICT p, double h, double *theta,
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

SHP_HD SHP_INLINE double haverkamp_h_of_se(const double *SHP_RESTRICT p, double se)
{
    if (se >= 1.0) return 0.0;
    const double a1 = p[SHP_HAV_A1];
    return -pow(a1 / se - a1, 1.0 / p[SHP_HAV_BETA]);
}

#endif
