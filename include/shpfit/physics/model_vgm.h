/* van Genuchten–Mualem, m = 1 − 1/n (van Genuchten 1980; Mualem 1976), and its
 * air-entry modification (Vogel, van Genuchten & Císlerová 2001).
 * Numerically stable form of van Genuchten (1980) Eqs. 3 and 8:
 *   x = (αψ)^n,  Γ = (1+x)^(−m) = exp(−m log1p(x)),
 *   B = 1 − (1 − Γ^(1/m))^m = −expm1(−m log1p(1/x))   (the Mualem bracket),
 *   K = Ks Se^l B²,  C = (θs−θr) α n m (αψ)^(n−1) (1+x)^(−m−1).
 * The textbook 1 − (1 − Se^(1/m))^m loses every digit in the dry range; this form
 * keeps ~1e-15 relative accuracy from h = −1e-6 to −1e7 cm. The one-mode kernel
 * shp_vg_mode_eval is shared with the bimodal (Durner) and PDI models. */
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

SHP_HD SHP_INLINE shp_vg_mode shp_vg_mode_eval(double alpha, double n, double psi)
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

/* ln(1 + e^y) without overflow or cancellation (also PDI's softplus). */
SHP_HD SHP_INLINE double shp_softplus(double y)
{
    return y > 0.0 ? y + log1p(exp(-y)) : log1p(exp(y));
}

/* 1/(1 + e^−y). */
SHP_HD SHP_INLINE double shp_logistic(double y)
{
    return y >= 0.0 ? 1.0 / (1.0 + exp(-y)) : exp(y) / (1.0 + exp(y));
}

/* Parameter derivatives of one van Genuchten mode at suction ψ, as logarithmic
 * derivatives (Γ and B depend on α only through αψ). With t = ln x = n ln(αψ),
 * q = x/(1+x) = σ(t), log1p(x) = sp(t), E = log1p(1/x) = sp(−t), dm/dn = 1/n²:
 *   ∂ln Γ/∂ln α = −m n q,         ∂ln Γ/∂n = −sp(t)/n² − m q ln(αψ),
 *   ∂ln B/∂ln α = −m n σ(−t) e^{−mE}/B,
 *   ∂ln B/∂n    = e^{−mE}/B · (E/n² − m σ(−t) ln(αψ))      (B = −expm1(−mE)).
 * Everything goes through σ and sp of t, so nothing overflows when x does; where B
 * is below ~1e-290 the ratios take their x → ∞ limits −n and 1/(m n²) − ln(αψ).
 * 1 − Γ and 1 − B = e^{−mE} come along without cancellation, for the differences
 * that the callers take near saturation. */
typedef struct {
    double lng;        /* ln Γ = −m log1p(x) */
    double lg_a, lg_n; /* ∂ln Γ/∂ln α, ∂ln Γ/∂n */
    double lb_a, lb_n; /* ∂ln B/∂ln α, ∂ln B/∂n */
    double omg, omb;   /* 1 − Γ, 1 − B */
} shp_vg_mode_dp;

SHP_HD SHP_INLINE shp_vg_mode_dp shp_vg_mode_dp_eval(double alpha, double n, double psi)
{
    shp_vg_mode_dp d;
    const double m = (n - 1.0) / n, n2 = n * n;
    const double la = log(alpha * psi), t = n * la;
    const double q = shp_logistic(t), qc = shp_logistic(-t);
    const double l1 = shp_softplus(t), e = shp_softplus(-t);
    d.lng = -m * l1;
    d.omg = -expm1(d.lng);
    d.lg_a = -m * n * q;
    d.lg_n = -l1 / n2 - m * q * la;
    d.omb = exp(-m * e);
    const double b = -expm1(-m * e);
    if (t < 650.0 && b > 1e-290) {
        d.lb_a = -m * n * qc * d.omb / b;
        d.lb_n = d.omb * (e / n2 - m * qc * la) / b;
    } else {
        d.lb_a = -n;
        d.lb_n = 1.0 / (m * n2) - la;
    }
    return d;
}

/* ln s for 0 < s ≤ 1 from s and 1 − s, whichever keeps the digits. */
SHP_HD SHP_INLINE double shp_log_from(double s, double one_minus_s)
{
    return s > 0.5 ? log1p(-one_minus_s) : log(s);
}

/* a − b from a, b and their complements 1 − a, 1 − b (all in [0, 1]): the
 * complements keep the digits when both are near 1 (wet end). */
SHP_HD SHP_INLINE double shp_diff01(double a, double b, double one_minus_a, double one_minus_b)
{
    return a + b > 1.0 ? one_minus_b - one_minus_a : a - b;
}

/* Se^l with the Mualem l = 0.5 of nearly every fit as a square root. */
SHP_HD SHP_INLINE double shp_pow_l(double se, double l)
{
    return l == 0.5 ? sqrt(se) : pow(se, l);
}

SHP_HD SHP_INLINE void shp_vgm_eval(const double *SHP_RESTRICT p, double h, double *theta,
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
    const shp_vg_mode v = shp_vg_mode_eval(p[SHP_VGM_ALPHA], p[SHP_VGM_N], -h);
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

/* Parameter derivatives at fixed h of θ and K (exact forward sensitivities of the
 * column; hydraulics_dp.h): dtheta[k] = ∂θ/∂p[k], dK[k] = ∂K/∂p[k], k < SHP_VGM_NPARAM.
 * With the log-derivatives of shp_vg_mode_dp_eval:  ∂θ/∂θr = 1 − Se, ∂θ/∂θs = Se,
 * ∂θ/∂α = (θs−θr) Se ∂ln Γ/∂α, ∂K/∂p = K (l ∂ln Se/∂p + 2 ∂ln B/∂p), ∂K/∂l = K ln Se.
 * Saturated (h ≥ 0): θ = θs, K = Ks. */
SHP_HD SHP_INLINE void shp_vgm_eval_dp(const double *SHP_RESTRICT p, double h,
                                       double *SHP_RESTRICT dtheta, double *SHP_RESTRICT dK)
{
    for (int k = 0; k < SHP_VGM_NPARAM; ++k) dtheta[k] = dK[k] = 0.0;
    if (h >= 0.0) {
        dtheta[SHP_VGM_THETA_S] = 1.0;
        dK[SHP_VGM_KS] = 1.0;
        return;
    }
    const double tr = p[SHP_VGM_THETA_R], ts = p[SHP_VGM_THETA_S];
    const double alpha = p[SHP_VGM_ALPHA], n = p[SHP_VGM_N], l = p[SHP_VGM_L];
    const shp_vg_mode v = shp_vg_mode_eval(alpha, n, -h);
    const shp_vg_mode_dp d = shp_vg_mode_dp_eval(alpha, n, -h);
    const double se = v.gamma, kr = shp_pow_l(se, l) * v.bracket * v.bracket;
    const double k = p[SHP_VGM_KS] * kr;
    dtheta[SHP_VGM_THETA_R] = d.omg;
    dtheta[SHP_VGM_THETA_S] = se;
    dtheta[SHP_VGM_ALPHA] = (ts - tr) * se * d.lg_a / alpha;
    dtheta[SHP_VGM_N] = (ts - tr) * se * d.lg_n;
    dK[SHP_VGM_KS] = kr;
    if (k > 0.0) {
        dK[SHP_VGM_ALPHA] = k * (l * d.lg_a + 2.0 * d.lb_a) / alpha;
        dK[SHP_VGM_N] = k * (l * d.lg_n + 2.0 * d.lb_n);
        dK[SHP_VGM_L] = k * d.lng;
    }
}

/* Inverse: ψ = (Se^(−1/m) − 1)^(1/n) / α, written as expm1 to stay exact near Se = 1. */
SHP_HD SHP_INLINE double shp_vgm_psi_of_gamma(double alpha, double n, double gamma)
{
    const double m = (n - 1.0) / n;
    const double y = expm1(-log(gamma) / m);
    return exp(log(y) / n) / alpha;
}

SHP_HD SHP_INLINE double shp_vgm_h_of_se(const double *SHP_RESTRICT p, double se)
{
    if (se >= 1.0) return 0.0;
    return -shp_vgm_psi_of_gamma(p[SHP_VGM_ALPHA], p[SHP_VGM_N], se);
}

/* Vogel et al. (2001) modified VG: the retention curve of VGM reaches θs at h_s
 * instead of 0, Se = Γ(ψ)/Γ(|h_s|), and Mualem's integral runs to Se = 1 at h_s:
 *   K = Ks Se^l [B(ψ)/B(|h_s|)]²  (Vogel et al. 2001, Eqs. 8–10, in the stable form).
 * This bounds dK/dh at saturation for n < 2. h_s → 0⁻ gives VGM. */
SHP_HD SHP_INLINE void shp_vgm_ae_eval(const double *SHP_RESTRICT p, double h, double *theta,
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
    const shp_vg_mode vs = shp_vg_mode_eval(alpha, n, -hs);
    const shp_vg_mode v = shp_vg_mode_eval(alpha, n, -h);
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

/* Parameter derivatives of vgm_ae at fixed h (as shp_vgm_eval_dp). Below h_s,
 * ln Se = ln Γ(ψ) − ln Γ(ψs) and ln(B/Bs) differ between the two suctions, so each
 * derivative is a difference of the one-mode log-derivatives; h_s moves ψs = −h_s:
 *   ∂ln Se/∂h_s = (∂ln Γ/∂ln ψ)(ψs)/ψs,  ∂ln(B/Bs)/∂h_s = (∂ln B/∂ln ψ)(ψs)/ψs.
 * ln Se itself is −m log1p((xs/(1+xs)) expm1(n ln(ψ/ψs))), exact as h → h_s, where
 * 1 − Se → 0. For h ≥ h_s θ and K do not depend on h_s (saturated: ∂/∂h_s = 0). */
SHP_HD SHP_INLINE void shp_vgm_ae_eval_dp(const double *SHP_RESTRICT p, double h,
                                          double *SHP_RESTRICT dtheta, double *SHP_RESTRICT dK)
{
    for (int k = 0; k < SHP_VGMAE_NPARAM; ++k) dtheta[k] = dK[k] = 0.0;
    const double hs = p[SHP_VGMAE_HS];
    if (h >= hs) {
        dtheta[SHP_VGM_THETA_S] = 1.0;
        dK[SHP_VGM_KS] = 1.0;
        return;
    }
    const double tr = p[SHP_VGM_THETA_R], ts = p[SHP_VGM_THETA_S];
    const double alpha = p[SHP_VGM_ALPHA], n = p[SHP_VGM_N], l = p[SHP_VGM_L];
    const double m = (n - 1.0) / n, psi = -h, psis = -hs;
    const shp_vg_mode vs = shp_vg_mode_eval(alpha, n, psis);
    const shp_vg_mode v = shp_vg_mode_eval(alpha, n, psi);
    const shp_vg_mode_dp ds = shp_vg_mode_dp_eval(alpha, n, psis);
    const shp_vg_mode_dp d = shp_vg_mode_dp_eval(alpha, n, psi);
    const double se = v.gamma / vs.gamma, br = v.bracket / vs.bracket;
    const double u = n * log(psi / psis); /* ln(x/xs) */
    const double lse = u < 700.0 ? -m * log1p(shp_logistic(n * log(alpha * psis)) * expm1(u))
                                 : d.lng - ds.lng; /* far below h_s nothing cancels */
    const double kr = shp_pow_l(se, l) * br * br, k = p[SHP_VGM_KS] * kr;
    /* ∂ln Se and ∂ln(B/Bs) by α (per ln α), n, h_s */
    const double lse_a = d.lg_a - ds.lg_a, lse_n = d.lg_n - ds.lg_n, lse_hs = ds.lg_a / psis;
    const double lbr_a = d.lb_a - ds.lb_a, lbr_n = d.lb_n - ds.lb_n, lbr_hs = ds.lb_a / psis;
    const double a = (ts - tr) * se;
    dtheta[SHP_VGM_THETA_R] = -expm1(lse);
    dtheta[SHP_VGM_THETA_S] = se;
    dtheta[SHP_VGM_ALPHA] = a * lse_a / alpha;
    dtheta[SHP_VGM_N] = a * lse_n;
    dtheta[SHP_VGMAE_HS] = a * lse_hs;
    dK[SHP_VGM_KS] = kr;
    if (k > 0.0) {
        dK[SHP_VGM_ALPHA] = k * (l * lse_a + 2.0 * lbr_a) / alpha;
        dK[SHP_VGM_N] = k * (l * lse_n + 2.0 * lbr_n);
        dK[SHP_VGM_L] = k * lse;
        dK[SHP_VGMAE_HS] = k * (l * lse_hs + 2.0 * lbr_hs);
    }
}

SHP_HD SHP_INLINE double shp_vgm_ae_h_of_se(const double *SHP_RESTRICT p, double se)
{
    const double hs = p[SHP_VGMAE_HS];
    if (se >= 1.0) return hs;
    const double gs = shp_vg_mode_eval(p[SHP_VGM_ALPHA], p[SHP_VGM_N], -hs).gamma;
    return -shp_vgm_psi_of_gamma(p[SHP_VGM_ALPHA], p[SHP_VGM_N], se * gs);
}

#endif
