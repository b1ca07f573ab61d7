/* van Genuchten–Mualem, m = 1 − 1/n (van Genuchten 1980; Mualem 1976).
 * Numerically stable form of shared/reference/hydraulic-models.md §2.1:
 *   x = (αψ)^n,  Se = exp(−m log1p(x)),
 *   K = Ks Se^l [−expm1(−m log1p(1/x))]^2,
 *   C = (θs−θr) α n m exp((n−1) log(αψ) − (m+1) log1p(x)),
 *   dK/dh = K α n m (αψ)^(n−1) (1+x)^(−1) [l + 2 (αψ)^(−1) (1+x)^(−m) / B],
 * with B the bracket (derived from dB/dSe = (1−B)/(x Se); for n < 2 it grows
 * without bound as h → 0⁻, the known VGM near-saturation behaviour).
 * The textbook 1 − (1 − Se^(1/m))^m loses every digit in the dry range; this
 * form keeps ~1e-15 relative accuracy from h = −1e-6 to −1e7 cm. */
#ifndef SHPFIT_PHYSICS_MODEL_VGM_H
#define SHPFIT_PHYSICS_MODEL_VGM_H

#include "hd.h"

enum { SHP_VGM_THETA_R, SHP_VGM_THETA_S, SHP_VGM_ALPHA, SHP_VGM_N, SHP_VGM_KS, SHP_VGM_L,
       SHP_VGM_NPARAM };

SHP_HD SHP_INLINE void vgm_eval(const double *SHP_RESTRICT p, double h, double *theta,
                                double *K, double *C, double *dK)
{
    const double tr = p[SHP_VGM_THETA_R], ts = p[SHP_VGM_THETA_S];
    if (h >= 0.0) {
        *theta = ts;
        *K = p[SHP_VGM_KS];
        *C = 0.0;
        *dK = 0.0;
        return;
    }
    const double n = p[SHP_VGM_N], l = p[SHP_VGM_L];
    const double m = (n - 1.0) / n; /* not 1 − 1/n: keeps digits as n → 1 */
    const double ap = p[SHP_VGM_ALPHA] * -h;
    const double log_ap = log(ap);
    const double x = exp(n * log_ap);
    const double l1px = log1p(x);
    const double se = exp(-m * l1px);
    const double bracket = -expm1(-m * log1p(1.0 / x));
    /* Se^l: the Mualem l = 0.5 of nearly every fit is a square root */
    const double se_l = l == 0.5 ? sqrt(se) : exp(-l * m * l1px);
    const double k = p[SHP_VGM_KS] * se_l * bracket * bracket;
    const double anm = p[SHP_VGM_ALPHA] * n * m;
    *theta = tr + (ts - tr) * se;
    *K = k;
    if (x < 1e300) {
        /* (αψ)^(n−1) = x/(αψ) and (1+x)^(−m−1) = Se/(1+x): products, not exps */
        const double g = (x / ap) / (1.0 + x);
        *C = (ts - tr) * anm * g * se;
        *dK = bracket > 0.0 ? k * anm * g * (l + 2.0 * (se / ap) / bracket) : 0.0;
    } else {
        *C = (ts - tr) * anm * exp((n - 1.0) * log_ap - (m + 1.0) * l1px);
        *dK = k * anm * exp((n - 1.0) * log_ap - l1px) * l;
    }
}

/* Inverse: ψ = (Se^(−1/m) − 1)^(1/n) / α, written as expm1 to stay exact near Se = 1. */
SHP_HD SHP_INLINE double vgm_h_of_se(const double *SHP_RESTRICT p, double se)
{
    if (se >= 1.0) return 0.0;
    const double n = p[SHP_VGM_N];
    const double m = (n - 1.0) / n;
    const double y = expm1(-log(se) / m);
    return -exp(log(y) / n) / p[SHP_VGM_ALPHA];
}

#endif
