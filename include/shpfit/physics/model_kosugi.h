/* Lognormal retention (Kosugi 1996) with Mualem conductivity, its bimodal form
 * (SoilWater-ToolBox/HyPix; Fernández-Gálvez et al. 2021) with either the HyPix or
 * the exact Mualem conductivity, and the FG2021 constrained parameterisation
 * (docs/models-reference.md).
 *
 * One mode, at suction ψ = −h > 0:  z = ln(ψ/hm)/σ,  S = Q(z) = ½ erfc(z/√2),
 * dS/dh = φ(z)/(σψ), and the Mualem integral ∫0^S dS/ψ = e^{σ²/2}/hm · Q(z+σ)
 * (Kosugi 1996, WRR 32:2697: the lognormal retention function and its Mualem Kr;
 * docs/models-reference.md gives the equations as used here). Everything is computed from ψ,
 * never through erfcinv(2Se), and every derivative is carried as a logarithmic
 * derivative through the inverse Mills ratio φ/Q (special.h), so θ, K, C and dK/dh
 * stay finite and accurate from h = −1e-12 to −1e12 cm: where a tail underflows, its
 * term is 0, never 0/0. */
#ifndef SHPFIT_PHYSICS_MODEL_KOSUGI_H
#define SHPFIT_PHYSICS_MODEL_KOSUGI_H

#include "hd.h"
#include "model_vgm.h" /* shp_pow_l */
#include "special.h"

/* ------------------------------------------------------------------ one mode */

/* One lognormal mode at ψ > 0: S = Q(z), dS/dh, d ln S/dh, the Mualem tail
 * B = Q(z+σ) and d ln B/dh (all ≥ 0: wetter and more conductive as h rises). */
typedef struct {
    double s, ds, dlns, b, dlnb;
} shp_kos_mode;

SHP_HD SHP_INLINE shp_kos_mode shp_kos_mode_eval(double hm, double sigma, double psi)
{
    shp_kos_mode m;
    const double z = log(psi / hm) / sigma;
    /* dz/dψ = 1/(σψ), divided in two steps: σψ itself may underflow for subnormal ψ */
    m.s = shp_q(z);
    m.ds = shp_phi(z) / sigma / psi;
    m.dlns = shp_mills(z) / sigma / psi;
    m.b = shp_q(z + sigma);
    m.dlnb = shp_mills(z + sigma) / sigma / psi;
    return m;
}

/* Parameter derivatives of one lognormal mode at ψ (hm and σ enter through
 * z = ln(ψ/hm)/σ: ∂z/∂hm = −1/(σ hm), ∂z/∂σ = −z/σ, ∂(z+σ)/∂σ = (σ − z)/σ), with
 * the complements 1 − S = Q(−z) and 1 − B = Q(−z−σ) for the differences taken near
 * saturation. Logarithmic derivatives go through the Mills ratio M = φ/Q (special.h),
 * finite where Q underflows. */
typedef struct {
    double sc, bc;         /* 1 − S, 1 − B */
    double s_hm, s_sig;    /* ∂S/∂hm = φ(z)/(σ hm), ∂S/∂σ = z φ(z)/σ */
    double ls_hm, ls_sig;  /* ∂ln S/∂hm = M(z)/(σ hm), ∂ln S/∂σ = z M(z)/σ */
    double lb_hm, lb_sig;  /* ∂ln B/∂hm = M(z+σ)/(σ hm), ∂ln B/∂σ = −M(z+σ)(σ − z)/σ */
} shp_kos_mode_dp;

SHP_HD SHP_INLINE shp_kos_mode_dp shp_kos_mode_dp_eval(double hm, double sigma, double psi)
{
    shp_kos_mode_dp d;
    const double z = log(psi / hm) / sigma;
    const double phi = shp_phi(z), ms = shp_mills(z), mb = shp_mills(z + sigma);
    d.sc = shp_q(-z);
    d.bc = shp_q(-z - sigma);
    d.s_hm = phi / sigma / hm;
    d.s_sig = z * phi / sigma;
    d.ls_hm = ms / sigma / hm;
    d.ls_sig = z * ms / sigma;
    d.lb_hm = mb / sigma / hm;
    d.lb_sig = -mb * (sigma - z) / sigma;
    return d;
}

/* A mode that is switched off: S = B = 0, no derivatives. */
SHP_HD SHP_INLINE shp_kos_mode_dp shp_kos_mode_dp_off(void)
{
    shp_kos_mode_dp d;
    d.sc = d.bc = 1.0;
    d.s_hm = d.s_sig = d.ls_hm = d.ls_sig = d.lb_hm = d.lb_sig = 0.0;
    return d;
}

/* ------------------------------------------------------------------ unimodal */

enum { SHP_KOS_THETA_R, SHP_KOS_THETA_S, SHP_KOS_HM, SHP_KOS_SIGMA, SHP_KOS_KS, SHP_KOS_L,
       SHP_KOS_NPARAM };

/* Kosugi (1996): Se = Q(z), K = Ks Se^l Q(z+σ)², C = (θs−θr) φ(z)/(σψ);
 * dK/dh = K (l d ln Se/dh + 2 d ln Q(z+σ)/dh) ≥ 0 for l > −2. */
SHP_HD SHP_INLINE void shp_kosugi_eval(const double *SHP_RESTRICT p, double h, double *theta,
                                       double *K, double *C, double *dK)
{
    const double tr = p[SHP_KOS_THETA_R], ts = p[SHP_KOS_THETA_S];
    if (h >= 0.0) {
        *theta = ts;
        *K = p[SHP_KOS_KS];
        *C = 0.0;
        *dK = 0.0;
        return;
    }
    const double l = p[SHP_KOS_L];
    const shp_kos_mode m = shp_kos_mode_eval(p[SHP_KOS_HM], p[SHP_KOS_SIGMA], -h);
    *theta = tr + (ts - tr) * m.s;
    *C = (ts - tr) * m.ds;
    if (m.s > 0.0 && m.b > 0.0) {
        const double k = p[SHP_KOS_KS] * shp_pow_l(m.s, l) * m.b * m.b;
        *K = k;
        *dK = k * (l * m.dlns + 2.0 * m.dlnb);
    } else { /* both tails underflowed: K is below the smallest double */
        *K = 0.0;
        *dK = 0.0;
    }
}

/* Parameter derivatives at fixed h (exact forward sensitivities; hydraulics_dp.h):
 * ∂θ/∂θr = Q(−z) (= 1 − Se without cancellation), ∂θ/∂θs = Se, ∂θ/∂hm, ∂θ/∂σ from
 * shp_kos_mode_dp_eval; ∂ln K/∂p = l ∂ln S/∂p + 2 ∂ln Q(z+σ)/∂p, ∂K/∂l = K ln Se. */
SHP_HD SHP_INLINE void shp_kosugi_eval_dp(const double *SHP_RESTRICT p, double h,
                                          double *SHP_RESTRICT dtheta, double *SHP_RESTRICT dK)
{
    for (int k = 0; k < SHP_KOS_NPARAM; ++k) dtheta[k] = dK[k] = 0.0;
    if (h >= 0.0) {
        dtheta[SHP_KOS_THETA_S] = 1.0;
        dK[SHP_KOS_KS] = 1.0;
        return;
    }
    const double tr = p[SHP_KOS_THETA_R], ts = p[SHP_KOS_THETA_S], l = p[SHP_KOS_L];
    const double hm = p[SHP_KOS_HM], sigma = p[SHP_KOS_SIGMA];
    const shp_kos_mode m = shp_kos_mode_eval(hm, sigma, -h);
    const shp_kos_mode_dp d = shp_kos_mode_dp_eval(hm, sigma, -h);
    dtheta[SHP_KOS_THETA_R] = d.sc;
    dtheta[SHP_KOS_THETA_S] = m.s;
    dtheta[SHP_KOS_HM] = (ts - tr) * d.s_hm;
    dtheta[SHP_KOS_SIGMA] = (ts - tr) * d.s_sig;
    if (!(m.s > 0.0 && m.b > 0.0)) return; /* K underflowed to 0: so do its derivatives */
    const double kr = shp_pow_l(m.s, l) * m.b * m.b, k = p[SHP_KOS_KS] * kr;
    dK[SHP_KOS_HM] = k * (l * d.ls_hm + 2.0 * d.lb_hm);
    dK[SHP_KOS_SIGMA] = k * (l * d.ls_sig + 2.0 * d.lb_sig);
    dK[SHP_KOS_KS] = kr;
    dK[SHP_KOS_L] = k * shp_log_from(m.s, d.sc);
}

/* Inverse: ψ = hm exp(√2 σ erfcinv(2Se)) (Kosugi 1996, retention function solved for
 * ψ). Se ≥ 1 → 0 (saturated), Se ≤ 0 → −∞, NaN → NaN. */
SHP_HD SHP_INLINE double shp_kosugi_h_of_se(const double *SHP_RESTRICT p, double se)
{
    if (se >= 1.0) return 0.0;
    return -p[SHP_KOS_HM] * exp(1.41421356237309504880 * p[SHP_KOS_SIGMA] * shp_erfcinv(2.0 * se));
}

/* ------------------------------------------------------------------ bimodal */

enum { SHP_KOS2_THETA_R, SHP_KOS2_THETA_S, SHP_KOS2_THETA_SMACMAT, SHP_KOS2_HM, SHP_KOS2_SIGMA,
       SHP_KOS2_HMMAC, SHP_KOS2_SIGMAMAC, SHP_KOS2_KS, SHP_KOS2_L, SHP_KOS2_NPARAM };

/* The toolbox treats a soil as unimodal when θs − θsMacMat ≤ 0.001
 * (wrc.kg.Ψ_2_θDual, manaakiwhenua/SoilWater_ToolBox @95d0c4b). */
#define SHP_KOS2_BIMODAL_MIN 0.001

/* Bimodal Kosugi: matrix mode (hm, σ) holding θsMacMat − θr, macropore mode
 * (hmMac, σMac) holding θs − θsMacMat; w1, w2 are those over θs − θr.
 *   θ = θr + (θsMacMat−θr) Q(z1) + (θs−θsMacMat) Q(z2)        (toolbox Ψ_2_θDual)
 *   mualem = 0: K = Ks Se^l [w1 Q(z1+σ)² + w2 Q(z2+σMac)²]    (toolbox/HyPix
 *               kunsat.kg.Ψ_2_KUNSAT with l = 0.5: a pore-volume-weighted sum of
 *               two unimodal Mualem Kr, NOT Mualem's model of the bimodal curve)
 *   mualem = 1: K = Ks Se^l [Σ ci Q(zi+σi)]² / [Σ ci]²,  ci = wi e^{σi²/2}/hmi
 *               (Mualem 1976 applied to the bimodal curve; Priesack & Durner 2006
 *               VZJ 5:121 closed form for a sum of modes)
 *
 * Macropore switch-off, θs − θsMacMat ≤ SHP_KOS2_BIMODAL_MIN: the whole pore volume
 * θs − θr goes to the matrix mode (w1 = 1, w2 = 0), for θ, C and K alike. The toolbox
 * instead drops only the macropore θ term and keeps θsMacMat as the matrix top, so
 * its θ(0⁻) = θsMacMat < θs = θ(0) (a jump of up to 0.001 at saturation) while its
 * ∂θ∂Ψ and K still carry the macropore term. Here θ, C, K, dK/dh stay smooth in h and
 * mutually consistent (C = dθ/dh) for every parameter set; the switch is a function
 * of the parameters only, never of h, so a Newton iteration never crosses it. The
 * price is a step of at most 0.001·|Q(z2) − Q(z1)| in θ as a function of θsMacMat
 * at the threshold (parameter space only). */
SHP_HD SHP_INLINE void shp_kosugi2_eval(const double *SHP_RESTRICT p, double h, int mualem,
                                        double *theta, double *K, double *C, double *dK)
{
    const double tr = p[SHP_KOS2_THETA_R], ts = p[SHP_KOS2_THETA_S];
    const double tsm = p[SHP_KOS2_THETA_SMACMAT];
    if (h >= 0.0) {
        *theta = ts;
        *K = p[SHP_KOS2_KS];
        *C = 0.0;
        *dK = 0.0;
        return;
    }
    const double psi = -h, l = p[SHP_KOS2_L];
    const int bimodal = ts - tsm > SHP_KOS2_BIMODAL_MIN;
    const double a1 = (bimodal ? tsm : ts) - tr; /* water in each mode */
    const double a2 = bimodal ? ts - tsm : 0.0;
    const double w1 = a1 / (ts - tr), w2 = a2 / (ts - tr);
    const double sig1 = p[SHP_KOS2_SIGMA], sig2 = p[SHP_KOS2_SIGMAMAC];
    const shp_kos_mode m1 = shp_kos_mode_eval(p[SHP_KOS2_HM], sig1, psi);
    shp_kos_mode m2 = {0.0, 0.0, 0.0, 0.0, 0.0};
    if (bimodal) m2 = shp_kos_mode_eval(p[SHP_KOS2_HMMAC], sig2, psi);

    const double se = w1 * m1.s + w2 * m2.s;
    *theta = tr + a1 * m1.s + a2 * m2.s;
    *C = a1 * m1.ds + a2 * m2.ds;
    if (!(se > 0.0)) {
        *K = 0.0;
        *dK = 0.0;
        return;
    }
    const double dlnse = (w1 * m1.ds + w2 * m2.ds) / se;
    double r, dlnr; /* K = Ks Se^l r, d ln r/dh */
    if (!mualem) {
        const double t1 = w1 * m1.b * m1.b, t2 = w2 * m2.b * m2.b;
        r = t1 + t2;
        dlnr = r > 0.0 ? 2.0 * (t1 * m1.dlnb + t2 * m2.dlnb) / r : 0.0;
    } else {
        /* ci scaled by the larger one (ln ci compared), so e^{σ²/2}/hm cannot overflow */
        double c1 = 1.0, c2 = 0.0;
        if (bimodal) {
            const double lc1 = log(w1) + 0.5 * sig1 * sig1 - log(p[SHP_KOS2_HM]);
            const double lc2 = log(w2) + 0.5 * sig2 * sig2 - log(p[SHP_KOS2_HMMAC]);
            const double lmax = shp_max(lc1, lc2);
            c1 = exp(lc1 - lmax);
            c2 = exp(lc2 - lmax);
        }
        const double u1 = c1 * m1.b, u2 = c2 * m2.b;
        const double num = u1 + u2;
        const double q = num / (c1 + c2);
        r = q * q;
        dlnr = num > 0.0 ? 2.0 * (u1 * m1.dlnb + u2 * m2.dlnb) / num : 0.0;
    }
    const double k = p[SHP_KOS2_KS] * shp_pow_l(se, l) * r;
    *K = k;
    *dK = k > 0.0 ? k * (l * dlnse + dlnr) : 0.0;
}

/* Parameter derivatives of shp_kosugi2_eval at fixed h (exact forward sensitivities;
 * hydraulics_dp.h). With D = θs − θr, wi = ai/D and w1 + w2 = 1 (bimodal):
 *   θ = θr + a1 S1 + a2 S2:  ∂θ/∂θr = 1 − S1, ∂θ/∂θs = S2, ∂θ/∂θsMacMat = S1 − S2;
 *   ∂w1/∂(θr, θs, θsMacMat) = (−a2, −a1, D)/D² = −∂w2, so ∂Se = ∂w1 (S1 − S2) there;
 *   HyPix r = Σ wi Bi²:  ∂r = ∂w1 (B1 − B2)(B1 + B2) + Σ 2 wi Bi² ∂ln Bi;
 *   Mualem r = q², q = Σ ci Bi/Σ ci, ln ci = ln wi + σi²/2 − ln hmi (gi = ∂ln ci):
 *     ∂ln q = Σ ci Bi ∂ln Bi/num + c1 c2 (g1 − g2)(B1 − B2)/(num Σ ci),
 *   the form without the cancellation of ∂ln num − ∂ln Σ ci as B → 1.
 * The macropore switch is a function of the parameters only; on the unimodal side
 * (θs − θsMacMat ≤ SHP_KOS2_BIMODAL_MIN) θ and K do not depend on θsMacMat, hmMac,
 * σMac. */
SHP_HD SHP_INLINE void shp_kosugi2_eval_dp(const double *SHP_RESTRICT p, double h, int mualem,
                                           double *SHP_RESTRICT dtheta, double *SHP_RESTRICT dK)
{
    for (int k = 0; k < SHP_KOS2_NPARAM; ++k) dtheta[k] = dK[k] = 0.0;
    if (h >= 0.0) {
        dtheta[SHP_KOS2_THETA_S] = 1.0;
        dK[SHP_KOS2_KS] = 1.0;
        return;
    }
    const double tr = p[SHP_KOS2_THETA_R], ts = p[SHP_KOS2_THETA_S];
    const double tsm = p[SHP_KOS2_THETA_SMACMAT];
    const double psi = -h, l = p[SHP_KOS2_L];
    const int bimodal = ts - tsm > SHP_KOS2_BIMODAL_MIN;
    const double dd = ts - tr;
    const double a1 = (bimodal ? tsm : ts) - tr, a2 = bimodal ? ts - tsm : 0.0;
    const double w1 = a1 / dd, w2 = a2 / dd;
    const double hm1 = p[SHP_KOS2_HM], sig1 = p[SHP_KOS2_SIGMA];
    const double hm2 = p[SHP_KOS2_HMMAC], sig2 = p[SHP_KOS2_SIGMAMAC];
    const shp_kos_mode m1 = shp_kos_mode_eval(hm1, sig1, psi);
    const shp_kos_mode_dp e1 = shp_kos_mode_dp_eval(hm1, sig1, psi);
    shp_kos_mode m2 = {0.0, 0.0, 0.0, 0.0, 0.0};
    shp_kos_mode_dp e2 = shp_kos_mode_dp_off();
    if (bimodal) {
        m2 = shp_kos_mode_eval(hm2, sig2, psi);
        e2 = shp_kos_mode_dp_eval(hm2, sig2, psi);
    }
    const double s12 = shp_diff01(m1.s, m2.s, e1.sc, e2.sc); /* S1 − S2 */
    const double b12 = shp_diff01(m1.b, m2.b, e1.bc, e2.bc); /* B1 − B2 */
    dtheta[SHP_KOS2_THETA_R] = e1.sc;
    dtheta[SHP_KOS2_THETA_S] = bimodal ? m2.s : m1.s;
    dtheta[SHP_KOS2_THETA_SMACMAT] = bimodal ? s12 : 0.0;
    dtheta[SHP_KOS2_HM] = a1 * e1.s_hm;
    dtheta[SHP_KOS2_SIGMA] = a1 * e1.s_sig;
    dtheta[SHP_KOS2_HMMAC] = a2 * e2.s_hm;
    dtheta[SHP_KOS2_SIGMAMAC] = a2 * e2.s_sig;

    const double se = w1 * m1.s + w2 * m2.s;
    if (!(se > 0.0)) return; /* K = 0 (shp_kosugi2_eval) */
    const double omse = w1 * e1.sc + w2 * e2.sc;
    /* ∂w1 by θr, θs, θsMacMat (indices 0..2); 0 when unimodal (w1 = 1) */
    double dw1[3] = {0.0, 0.0, 0.0};
    if (bimodal) {
        dw1[SHP_KOS2_THETA_R] = -a2 / (dd * dd);
        dw1[SHP_KOS2_THETA_S] = -a1 / (dd * dd);
        dw1[SHP_KOS2_THETA_SMACMAT] = 1.0 / dd;
    }
    /* ∂Se and ∂ln r by the first 7 parameters (θr … σMac) */
    double dse[7], dlr[7];
    for (int j = 0; j < 3; ++j) dse[j] = dw1[j] * s12;
    dse[SHP_KOS2_HM] = w1 * e1.s_hm;
    dse[SHP_KOS2_SIGMA] = w1 * e1.s_sig;
    dse[SHP_KOS2_HMMAC] = w2 * e2.s_hm;
    dse[SHP_KOS2_SIGMAMAC] = w2 * e2.s_sig;
    for (int j = 0; j < 7; ++j) dlr[j] = 0.0;
    double r;
    if (!mualem) {
        const double t1 = w1 * m1.b * m1.b, t2 = w2 * m2.b * m2.b;
        r = t1 + t2;
        if (r > 0.0) {
            for (int j = 0; j < 3; ++j) dlr[j] = dw1[j] * b12 * (m1.b + m2.b) / r;
            dlr[SHP_KOS2_HM] = 2.0 * t1 * e1.lb_hm / r;
            dlr[SHP_KOS2_SIGMA] = 2.0 * t1 * e1.lb_sig / r;
            dlr[SHP_KOS2_HMMAC] = 2.0 * t2 * e2.lb_hm / r;
            dlr[SHP_KOS2_SIGMAMAC] = 2.0 * t2 * e2.lb_sig / r;
        }
    } else {
        double c1 = 1.0, c2 = 0.0; /* as shp_kosugi2_eval: scaled by the larger one */
        if (bimodal) {
            const double lc1 = log(w1) + 0.5 * sig1 * sig1 - log(hm1);
            const double lc2 = log(w2) + 0.5 * sig2 * sig2 - log(hm2);
            const double lmax = shp_max(lc1, lc2);
            c1 = exp(lc1 - lmax);
            c2 = exp(lc2 - lmax);
        }
        const double u1 = c1 * m1.b, u2 = c2 * m2.b, num = u1 + u2, cs = c1 + c2;
        const double q = num / cs;
        r = q * q;
        if (num > 0.0) {
            const double x = c1 * c2 * b12 / (num * cs); /* times (g1 − g2) */
            /* g1 − g2 = ∂w1/w1 − ∂w2/w2 = ∂w1/(w1 w2) for the water contents */
            if (bimodal)
                for (int j = 0; j < 3; ++j) dlr[j] = 2.0 * x * dw1[j] / (w1 * w2);
            dlr[SHP_KOS2_HM] = 2.0 * (u1 * e1.lb_hm / num - x / hm1);
            dlr[SHP_KOS2_SIGMA] = 2.0 * (u1 * e1.lb_sig / num + x * sig1);
            dlr[SHP_KOS2_HMMAC] = 2.0 * (u2 * e2.lb_hm / num + x / hm2);
            dlr[SHP_KOS2_SIGMAMAC] = 2.0 * (u2 * e2.lb_sig / num - x * sig2);
        }
    }
    const double kr = shp_pow_l(se, l) * r, k = p[SHP_KOS2_KS] * kr;
    dK[SHP_KOS2_KS] = kr;
    if (!(k > 0.0)) return;
    for (int j = 0; j < 7; ++j) dK[j] = k * (l * dse[j] / se + dlr[j]);
    dK[SHP_KOS2_L] = k * shp_log_from(se, omse);
}

/* ------------------------------------------------------------------ FG2021 */

/* Fernández-Gálvez et al. (2021) AWR 153:103933 constrained bimodal Kosugi, as coded in
 * manaakiwhenua/SoilWater_ToolBox @95d0c4b (2022; HydroRelation.jl σ_2_θr and σ_2_Ψm,
 * HydrolabOpt.jl PARAM_2_hydro). 5 free parameters (θs, σ, ∇ψm, Ks, η);
 * l, θrMax, ψmacMat and the unit are constants. The constants of the constraint are
 * in MILLIMETRES: √ψmacMat and ln ψmacMat are not unit-invariant (10 mm ≠ √10 cm). */
enum { SHP_FG_THETA_S, SHP_FG_SIGMA, SHP_FG_PSI_M_NORM, SHP_FG_KS, SHP_FG_ETA, SHP_FG_L,
       SHP_FG_THETA_R_MAX, SHP_FG_PSI_MACMAT_MM, SHP_FG_LEN_MM, SHP_FG_NPARAM };

#define SHP_FG_SIGMA_MIN 0.75 /* σ range of the toolbox (σ_Min, σ_Max) */
#define SHP_FG_SIGMA_MAX 4.0
#define SHP_FG_THETAR_A1 17.5 /* σ_2_θr: α1, α2 */
#define SHP_FG_THETAR_A2 4.0
#define SHP_FG_P_SIGMA 3.0 /* Pσ of σ_2_Ψm and of σMac = ln ψmacMat/(2Pσ) */

/* θr(σ) = θrMax (1 − e^{−α1 σ*^α2}) / (1 − e^{−α1}),  σ* = (σ−σMin)/(σMax−σMin)
 * (toolbox σ_2_θr, option θrOpt = σ_2_θr); expm1 keeps θr's digits near σMin. */
SHP_HD SHP_INLINE double shp_kosugi2_fg2021_theta_r(double sigma, double theta_r_max)
{
    const double s = (sigma - SHP_FG_SIGMA_MIN) / (SHP_FG_SIGMA_MAX - SHP_FG_SIGMA_MIN);
    const double s2 = s * s; /* σ*^α2 with α2 = 4 */
    return theta_r_max * expm1(-SHP_FG_THETAR_A1 * s2 * s2) / expm1(-SHP_FG_THETAR_A1);
}

/* ψm in the unit of psi_macmat (mm): linear in the normalised ∇ψm ∈ [0, 1] between
 * Min = √ψmacMat e^{Pσ σ} and Max = ψmacMat e^{Pσ σ} (toolbox σ_2_Ψm = Constrained,
 * tool.norm.∇NORM_2_PARAMETER). The toolbox also clamps both ends to its global Ψm
 * search range; that range is a configuration, so it is not applied here. */
SHP_HD SHP_INLINE double shp_kosugi2_fg2021_psi_m(double sigma, double psi_m_norm, double psi_macmat)
{
    const double sq = sqrt(psi_macmat);
    return exp(SHP_FG_P_SIGMA * sigma) * (sq + psi_m_norm * (psi_macmat - sq));
}

/* The 9 bimodal parameters (caller's length unit) of an FG2021 set:
 *   θr = θr(σ), θsMacMat = η θs, hm = ψm/len, hmMac = √ψmacMat/len,
 *   σMac = ln ψmacMat/(2Pσ) (= ln(100)/6 for 100 mm), Ks and l as given. */
SHP_HD SHP_INLINE void shp_kosugi2_fg2021_to_kosugi2(const double *SHP_RESTRICT pfg,
                                                     double *SHP_RESTRICT p2)
{
    const double ts = pfg[SHP_FG_THETA_S], sigma = pfg[SHP_FG_SIGMA];
    const double pmm = pfg[SHP_FG_PSI_MACMAT_MM], len = pfg[SHP_FG_LEN_MM];
    p2[SHP_KOS2_THETA_R] = shp_kosugi2_fg2021_theta_r(sigma, pfg[SHP_FG_THETA_R_MAX]);
    p2[SHP_KOS2_THETA_S] = ts;
    p2[SHP_KOS2_THETA_SMACMAT] = pfg[SHP_FG_ETA] * ts;
    p2[SHP_KOS2_HM] = shp_kosugi2_fg2021_psi_m(sigma, pfg[SHP_FG_PSI_M_NORM], pmm) / len;
    p2[SHP_KOS2_SIGMA] = sigma;
    p2[SHP_KOS2_HMMAC] = sqrt(pmm) / len;
    p2[SHP_KOS2_SIGMAMAC] = log(pmm) / (2.0 * SHP_FG_P_SIGMA);
    p2[SHP_KOS2_KS] = pfg[SHP_FG_KS];
    p2[SHP_KOS2_L] = pfg[SHP_FG_L];
}

SHP_HD SHP_INLINE void shp_kosugi2_fg2021_eval(const double *SHP_RESTRICT p, double h, int mualem,
                                               double *theta, double *K, double *C, double *dK)
{
    double p2[SHP_KOS2_NPARAM];
    shp_kosugi2_fg2021_to_kosugi2(p, p2);
    shp_kosugi2_eval(p2, h, mualem, theta, K, C, dK);
}

/* θ spans (θr(σ), θs]. */
SHP_HD SHP_INLINE void shp_kosugi2_fg2021_theta_limits(const double *SHP_RESTRICT p,
                                                       double *theta_min, double *theta_max)
{
    *theta_min = shp_kosugi2_fg2021_theta_r(p[SHP_FG_SIGMA], p[SHP_FG_THETA_R_MAX]);
    *theta_max = p[SHP_FG_THETA_S];
}

/* ∂θr/∂σ of shp_kosugi2_fg2021_theta_r: θrMax (−4 α1 σ*³/(σMax−σMin)) e^{−α1 σ*⁴}/(1 − e^{−α1})
 * with the sign of expm1(−α1) < 0 (θr rises with σ). */
SHP_HD SHP_INLINE double shp_kosugi2_fg2021_theta_r_dsigma(double sigma, double theta_r_max)
{
    const double w = SHP_FG_SIGMA_MAX - SHP_FG_SIGMA_MIN;
    const double s = (sigma - SHP_FG_SIGMA_MIN) / w, s3 = s * s * s;
    return theta_r_max * (-4.0 * SHP_FG_THETAR_A1 * s3 / w) * exp(-SHP_FG_THETAR_A1 * s3 * s)
           / expm1(-SHP_FG_THETAR_A1);
}

/* The non-zero entries of ∂p2/∂pfg, the Jacobian of shp_kosugi2_fg2021_to_kosugi2. */
typedef struct {
    double tr_sigma, tr_max;           /* θr(σ, θrMax) */
    double hm_sigma, hm_norm, hm_pmm, hm_len;
    double hmm_pmm, hmm_len, sigm_pmm; /* hmMac, σMac */
} shp_fg_jac;

SHP_HD SHP_INLINE shp_fg_jac shp_kosugi2_fg2021_jac(const double *SHP_RESTRICT pfg)
{
    shp_fg_jac j;
    const double sigma = pfg[SHP_FG_SIGMA], norm = pfg[SHP_FG_PSI_M_NORM];
    const double pmm = pfg[SHP_FG_PSI_MACMAT_MM], len = pfg[SHP_FG_LEN_MM];
    const double sq = sqrt(pmm), e3 = exp(SHP_FG_P_SIGMA * sigma);
    const double hm = shp_kosugi2_fg2021_psi_m(sigma, norm, pmm) / len;
    j.tr_sigma = shp_kosugi2_fg2021_theta_r_dsigma(sigma, pfg[SHP_FG_THETA_R_MAX]);
    const double s = (sigma - SHP_FG_SIGMA_MIN) / (SHP_FG_SIGMA_MAX - SHP_FG_SIGMA_MIN);
    j.tr_max = expm1(-SHP_FG_THETAR_A1 * s * s * s * s) / expm1(-SHP_FG_THETAR_A1);
    j.hm_sigma = SHP_FG_P_SIGMA * hm;
    j.hm_norm = e3 * (pmm - sq) / len;
    j.hm_pmm = e3 * (0.5 / sq + norm * (1.0 - 0.5 / sq)) / len;
    j.hm_len = -hm / len;
    j.hmm_pmm = 0.5 / (sq * len);
    j.hmm_len = -sq / (len * len);
    j.sigm_pmm = 1.0 / (2.0 * SHP_FG_P_SIGMA * pmm);
    return j;
}

/* dfg[k] = Σ_j d2[j] ∂p2_j/∂pfg_k: derivatives by the bimodal parameters carried to the
 * FG2021 ones (θr through θr(σ), θsMacMat = η θs, hm, hmMac, σMac through ψmacMat). */
SHP_HD SHP_INLINE void shp_kosugi2_fg2021_chain(const double *SHP_RESTRICT pfg, const shp_fg_jac *j,
                                                const double *SHP_RESTRICT d2,
                                                double *SHP_RESTRICT dfg)
{
    dfg[SHP_FG_THETA_S] = d2[SHP_KOS2_THETA_S] + pfg[SHP_FG_ETA] * d2[SHP_KOS2_THETA_SMACMAT];
    dfg[SHP_FG_SIGMA] = j->tr_sigma * d2[SHP_KOS2_THETA_R] + j->hm_sigma * d2[SHP_KOS2_HM]
                        + d2[SHP_KOS2_SIGMA];
    dfg[SHP_FG_PSI_M_NORM] = j->hm_norm * d2[SHP_KOS2_HM];
    dfg[SHP_FG_KS] = d2[SHP_KOS2_KS];
    dfg[SHP_FG_ETA] = pfg[SHP_FG_THETA_S] * d2[SHP_KOS2_THETA_SMACMAT];
    dfg[SHP_FG_L] = d2[SHP_KOS2_L];
    dfg[SHP_FG_THETA_R_MAX] = j->tr_max * d2[SHP_KOS2_THETA_R];
    dfg[SHP_FG_PSI_MACMAT_MM] = j->hm_pmm * d2[SHP_KOS2_HM] + j->hmm_pmm * d2[SHP_KOS2_HMMAC]
                                + j->sigm_pmm * d2[SHP_KOS2_SIGMAMAC];
    dfg[SHP_FG_LEN_MM] = j->hm_len * d2[SHP_KOS2_HM] + j->hmm_len * d2[SHP_KOS2_HMMAC];
}

/* Parameter derivatives of the FG2021 rows at fixed h: those of the bimodal model at
 * the mapped parameters, through the map's Jacobian (θr derived from σ included). */
SHP_HD SHP_INLINE void shp_kosugi2_fg2021_eval_dp(const double *SHP_RESTRICT p, double h,
                                                  int mualem, double *SHP_RESTRICT dtheta,
                                                  double *SHP_RESTRICT dK)
{
    double p2[SHP_KOS2_NPARAM], t2[SHP_KOS2_NPARAM], k2[SHP_KOS2_NPARAM];
    shp_kosugi2_fg2021_to_kosugi2(p, p2);
    shp_kosugi2_eval_dp(p2, h, mualem, t2, k2);
    const shp_fg_jac j = shp_kosugi2_fg2021_jac(p);
    shp_kosugi2_fg2021_chain(p, &j, t2, dtheta);
    shp_kosugi2_fg2021_chain(p, &j, k2, dK);
}

/* ∂θmin/∂p and ∂θmax/∂p of shp_kosugi2_fg2021_theta_limits. */
SHP_HD SHP_INLINE void shp_kosugi2_fg2021_theta_limits_dp(const double *SHP_RESTRICT p,
                                                          double *SHP_RESTRICT dmin,
                                                          double *SHP_RESTRICT dmax)
{
    for (int k = 0; k < SHP_FG_NPARAM; ++k) dmin[k] = dmax[k] = 0.0;
    const double s = (p[SHP_FG_SIGMA] - SHP_FG_SIGMA_MIN) / (SHP_FG_SIGMA_MAX - SHP_FG_SIGMA_MIN);
    dmin[SHP_FG_SIGMA] = shp_kosugi2_fg2021_theta_r_dsigma(p[SHP_FG_SIGMA], p[SHP_FG_THETA_R_MAX]);
    dmin[SHP_FG_THETA_R_MAX] = expm1(-SHP_FG_THETAR_A1 * s * s * s * s) / expm1(-SHP_FG_THETAR_A1);
    dmax[SHP_FG_THETA_S] = 1.0;
}

#endif
