/* Lognormal retention (Kosugi 1996) with Mualem conductivity, its bimodal form
 * (SoilWater-ToolBox/HyPix; Fernández-Gálvez et al. 2021) with either the HyPix or
 * the exact Mualem conductivity, and the FG2021 constrained parameterisation
 * (shared/reference/hydraulic-models.md §2.4, §2.5, §7).
 *
 * One mode, at suction ψ = −h > 0:  z = ln(ψ/hm)/σ,  S = Q(z) = ½ erfc(z/√2),
 * dS/dh = φ(z)/(σψ), and the Mualem integral ∫0^S dS/ψ = e^{σ²/2}/hm · Q(z+σ)
 * (Kosugi 1996, WRR 32:2697: the lognormal retention function and its Mualem Kr;
 * the notes §2.4 give the equations as used here). Everything is computed from ψ,
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

SHP_HD SHP_INLINE shp_kos_mode kos_mode(double hm, double sigma, double psi)
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

/* ------------------------------------------------------------------ unimodal */

enum { SHP_KOS_THETA_R, SHP_KOS_THETA_S, SHP_KOS_HM, SHP_KOS_SIGMA, SHP_KOS_KS, SHP_KOS_L,
       SHP_KOS_NPARAM };

/* Kosugi (1996): Se = Q(z), K = Ks Se^l Q(z+σ)², C = (θs−θr) φ(z)/(σψ);
 * dK/dh = K (l d ln Se/dh + 2 d ln Q(z+σ)/dh) ≥ 0 for l > −2. */
SHP_HD SHP_INLINE void kosugi_eval(const double *SHP_RESTRICT p, double h, double *theta,
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
    const shp_kos_mode m = kos_mode(p[SHP_KOS_HM], p[SHP_KOS_SIGMA], -h);
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

/* Inverse: ψ = hm exp(√2 σ erfcinv(2Se)) (Kosugi 1996, retention function solved for
 * ψ). Se ≥ 1 → 0 (saturated), Se ≤ 0 → −∞, NaN → NaN. */
SHP_HD SHP_INLINE double kosugi_h_of_se(const double *SHP_RESTRICT p, double se)
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
 *               VZJ 5:121 closed form for a sum of modes; notes §2.5)
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
SHP_HD SHP_INLINE void kosugi2_eval(const double *SHP_RESTRICT p, double h, int mualem,
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
    const shp_kos_mode m1 = kos_mode(p[SHP_KOS2_HM], sig1, psi);
    shp_kos_mode m2 = {0.0, 0.0, 0.0, 0.0, 0.0};
    if (bimodal) m2 = kos_mode(p[SHP_KOS2_HMMAC], sig2, psi);

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

/* ------------------------------------------------------------------ FG2021 */

/* Fernández-Gálvez et al. (2021) AWR 153:103933 constrained bimodal Kosugi, as coded in
 * manaakiwhenua/SoilWater_ToolBox @95d0c4b (2022; HydroRelation.jl σ_2_θr and σ_2_Ψm,
 * HydrolabOpt.jl PARAM_2_hydro; notes §2.5). 5 free parameters (θs, σ, ∇ψm, Ks, η);
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
SHP_HD SHP_INLINE double kosugi2_fg2021_theta_r(double sigma, double theta_r_max)
{
    const double s = (sigma - SHP_FG_SIGMA_MIN) / (SHP_FG_SIGMA_MAX - SHP_FG_SIGMA_MIN);
    const double s2 = s * s; /* σ*^α2 with α2 = 4 */
    return theta_r_max * expm1(-SHP_FG_THETAR_A1 * s2 * s2) / expm1(-SHP_FG_THETAR_A1);
}

/* ψm in the unit of psi_macmat (mm): linear in the normalised ∇ψm ∈ [0, 1] between
 * Min = √ψmacMat e^{Pσ σ} and Max = ψmacMat e^{Pσ σ} (toolbox σ_2_Ψm = Constrained,
 * tool.norm.∇NORM_2_PARAMETER). The toolbox also clamps both ends to its global Ψm
 * search range; that range is a configuration, so it is not applied here. */
SHP_HD SHP_INLINE double kosugi2_fg2021_psi_m(double sigma, double psi_m_norm, double psi_macmat)
{
    const double sq = sqrt(psi_macmat);
    return exp(SHP_FG_P_SIGMA * sigma) * (sq + psi_m_norm * (psi_macmat - sq));
}

/* The 9 bimodal parameters (caller's length unit) of an FG2021 set:
 *   θr = θr(σ), θsMacMat = η θs, hm = ψm/len, hmMac = √ψmacMat/len,
 *   σMac = ln ψmacMat/(2Pσ) (= ln(100)/6 for 100 mm), Ks and l as given. */
SHP_HD SHP_INLINE void kosugi2_fg2021_to_kosugi2(const double *SHP_RESTRICT pfg,
                                                 double *SHP_RESTRICT p2)
{
    const double ts = pfg[SHP_FG_THETA_S], sigma = pfg[SHP_FG_SIGMA];
    const double pmm = pfg[SHP_FG_PSI_MACMAT_MM], len = pfg[SHP_FG_LEN_MM];
    p2[SHP_KOS2_THETA_R] = kosugi2_fg2021_theta_r(sigma, pfg[SHP_FG_THETA_R_MAX]);
    p2[SHP_KOS2_THETA_S] = ts;
    p2[SHP_KOS2_THETA_SMACMAT] = pfg[SHP_FG_ETA] * ts;
    p2[SHP_KOS2_HM] = kosugi2_fg2021_psi_m(sigma, pfg[SHP_FG_PSI_M_NORM], pmm) / len;
    p2[SHP_KOS2_SIGMA] = sigma;
    p2[SHP_KOS2_HMMAC] = sqrt(pmm) / len;
    p2[SHP_KOS2_SIGMAMAC] = log(pmm) / (2.0 * SHP_FG_P_SIGMA);
    p2[SHP_KOS2_KS] = pfg[SHP_FG_KS];
    p2[SHP_KOS2_L] = pfg[SHP_FG_L];
}

SHP_HD SHP_INLINE void kosugi2_fg2021_eval(const double *SHP_RESTRICT p, double h, int mualem,
                                           double *theta, double *K, double *C, double *dK)
{
    double p2[SHP_KOS2_NPARAM];
    kosugi2_fg2021_to_kosugi2(p, p2);
    kosugi2_eval(p2, h, mualem, theta, K, C, dK);
}

/* θ spans (θr(σ), θs]. */
SHP_HD SHP_INLINE void kosugi2_fg2021_theta_limits(const double *SHP_RESTRICT p,
                                                   double *theta_min, double *theta_max)
{
    *theta_min = kosugi2_fg2021_theta_r(p[SHP_FG_SIGMA], p[SHP_FG_THETA_R_MAX]);
    *theta_max = p[SHP_FG_THETA_S];
}

#endif
