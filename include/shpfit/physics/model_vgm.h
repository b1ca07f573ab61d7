/* van Genuchten–Mualem, m = 1 − 1/n (van Genuchten 1980; Mualem 1976), and its
 * air-entry modification (Vogel, van Genuchten & Císlerová 2001).
 * Numerically stable form of shared/reference/hydraulic-models.md §2.1:
 *   x = (αψ)^n,  Γ = (1+x)^(−m) = exp(−m log1p(x)),
 *   B = 1 − (1 − Γ^(1/m))^m = −expm1(−m log1p(1/x))   (the Mualem bracket),
 *   K = Ks Se^l B²,  C = (θs−θr) α n m (αψ)^(n−1) (1+x)^(−m−1).
 * The textbook 1 − (1 − Se^(1/m))^m loses every digit in the dry range; this form
 * keeps ~1e-15 relative accuracy from h = −1e-6 to −1e7 cm. The one-mode kernel
 * vg_mode is shared with the bimodal (Durner) and PDI models. */
#ifndef SHPFIT_PHYSICS_MODEL_VGM_H
#define SHPFIT_PHYSICS_MODEL_VGM_H

#include "hd.h"

enum { SHP_VGM_THETA_R, SHP_VGM_THETA_S, SHP_VGM_ALPHA, SHP_VGM_N, SHP_VGM_KS, SHP_VGM_L,
       SHP_VGM_NPARAM };

/* The air-entry variant adds h_s < 0: saturated for h ≥ h_s. */
enum { SHP_VGMAE_HS = SHP_VGM_NPARAM, SHP_VGMAE_NPARAM };

/* One van Genuchten mode at suction ψ > 0: Γ, the Mualem bracket B, their
 * h-derivatives (both ≥ 0: wetter as h rises), and log1p(x) for callers that need
 * powers of (1+x). */
typedef struct {
    double gamma, bracket, dgamma, dbracket, l1px;
} shp_vg_mode;

SHP_HD SHP_INLINE shp_vg_mode vg_mode(double alpha, double n, double psi)
{
    shp_vg_mode v;
    const double m = (n - 1.0) / n; /* not 1 − 1/n: keeps digits as n → 1 */
    const double ap = alpha * psi;
    const double log_ap = log(ap);
    const double x = exp(n * log_ap);
    v.l1px = log1p(x);
    v.gamma = exp(-m * v.l1px);
    v.bracket = -expm1(-m * log1p(1.0 / x));
    const double anm = alpha * n * m;
    if (x < 1e300) {
        /* (αψ)^(n−1) = x/(αψ) and (1+x)^(−m−1) = Γ/(1+x): products, not exps */
        const double g = anm * (x / ap) / (1.0 + x);
        v.dgamma = g * v.gamma;
        /* dB/dh = m n (1−B)/((1+x)ψ), written with x^(1/n) = αψ (derived from
         * dB/dΓ = (1−B)/(x Γ)) */
        v.dbracket = g * v.gamma / ap;
    } else {
        v.dgamma = anm * exp((n - 1.0) * log_ap - (m + 1.0) * v.l1px);
        v.dbracket = anm * exp((n - 2.0) * log_ap - (m + 1.0) * v.l1px);
    }
    return v;
}

/* Se^l with the Mualem l = 0.5 of nearly every fit as a square root. */
SHP_HD SHP_INLINE double shp_pow_l(double se, double l)
{
    return l == 0.5 ? sqrt(se) : pow(se, l);
}

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
    const double l = p[SHP_VGM_L];
    const shp_vg_mode v = vg_mode(p[SHP_VGM_ALPHA], p[SHP_VGM_N], -h);
    const double se = v.gamma;
    const double k = p[SHP_VGM_KS] * shp_pow_l(se, l) * v.bracket * v.bracket;
    *theta = tr + (ts - tr) * se;
    *K = k;
    *C = (ts - tr) * v.dgamma;
    /* d ln K/dh = l dSe/Se + 2 dB/B; for n < 2 it grows without bound as h → 0⁻,
     * the known VGM near-saturation behaviour */
    *dK = v.bracket > 0.0 && se > 0.0 ? k * (l * v.dgamma / se + 2.0 * v.dbracket / v.bracket)
                                      : 0.0;
}

/* Inverse: ψ = (Se^(−1/m) − 1)^(1/n) / α, written as expm1 to stay exact near Se = 1. */
SHP_HD SHP_INLINE double vgm_psi_of_gamma(double alpha, double n, double gamma)
{
    const double m = (n - 1.0) / n;
    const double y = expm1(-log(gamma) / m);
    return exp(log(y) / n) / alpha;
}

SHP_HD SHP_INLINE double vgm_h_of_se(const double *SHP_RESTRICT p, double se)
{
    if (se >= 1.0) return 0.0;
    return -vgm_psi_of_gamma(p[SHP_VGM_ALPHA], p[SHP_VGM_N], se);
}

/* Vogel et al. (2001) modified VG: the retention curve of VGM reaches θs at h_s
 * instead of 0, Se = Γ(ψ)/Γ(|h_s|), and Mualem's integral runs to Se = 1 at h_s:
 *   K = Ks Se^l [B(ψ)/B(|h_s|)]²  (Vogel et al. 2001, Eqs. 8–10, in the stable form).
 * This bounds dK/dh at saturation for n < 2. h_s → 0⁻ gives VGM. */
SHP_HD SHP_INLINE void vgm_ae_eval(const double *SHP_RESTRICT p, double h, double *theta,
                                   double *K, double *C, double *dK)
{
    const double tr = p[SHP_VGM_THETA_R], ts = p[SHP_VGM_THETA_S];
    const double hs = p[SHP_VGMAE_HS];
    if (h >= hs) {
        *theta = ts;
        *K = p[SHP_VGM_KS];
        *C = 0.0;
        *dK = 0.0;
        return;
    }
    const double alpha = p[SHP_VGM_ALPHA], n = p[SHP_VGM_N], l = p[SHP_VGM_L];
    const shp_vg_mode vs = vg_mode(alpha, n, -hs);
    const shp_vg_mode v = vg_mode(alpha, n, -h);
    const double se = v.gamma / vs.gamma;
    const double br = v.bracket / vs.bracket;
    const double k = p[SHP_VGM_KS] * shp_pow_l(se, l) * br * br;
    *theta = tr + (ts - tr) * se;
    *K = k;
    *C = (ts - tr) * v.dgamma / vs.gamma;
    *dK = v.bracket > 0.0 && v.gamma > 0.0
              ? k * (l * v.dgamma / v.gamma + 2.0 * v.dbracket / v.bracket)
              : 0.0;
}

SHP_HD SHP_INLINE double vgm_ae_h_of_se(const double *SHP_RESTRICT p, double se)
{
    const double hs = p[SHP_VGMAE_HS];
    if (se >= 1.0) return hs;
    const double gs = vg_mode(p[SHP_VGM_ALPHA], p[SHP_VGM_N], -hs).gamma;
    return -vgm_psi_of_gamma(p[SHP_VGM_ALPHA], p[SHP_VGM_N], se * gs);
}

#endif
