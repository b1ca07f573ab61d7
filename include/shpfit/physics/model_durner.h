/* Bimodal van Genuchten retention (Durner 1994) with the closed-form Mualem
 * conductivity of Priesack & Durner (2006) (VZJ 5:121):
 *   Γi = (1 + (αi ψ)^ni)^(−mi),  Se = w1 Γ1 + (1−w1) Γ2,
 *   K  = Ks Se^l [Σ wi αi Bi]² / [Σ wi αi]²,  Bi = 1 − (1 − Γi^(1/mi))^mi,
 *   C  = (θs−θr) Σ wi dΓi/dh.
 * Each mode is the stable VG kernel of model_vgm.h (no cancellation when dry). */
#ifndef SHPFIT_PHYSICS_MODEL_DURNER_H
#define SHPFIT_PHYSICS_MODEL_DURNER_H

#include "hd.h"
#include "model_vgm.h"

enum { SHP_DUR_THETA_R, SHP_DUR_THETA_S, SHP_DUR_W1, SHP_DUR_ALPHA1, SHP_DUR_N1,
       SHP_DUR_ALPHA2, SHP_DUR_N2, SHP_DUR_KS, SHP_DUR_L, SHP_DUR_NPARAM };

SHP_HD SHP_INLINE void shp_durner_eval(const double *SHP_RESTRICT p, double h, double *theta,
                                       double *K, double *C, double *dK)
{
    const double tr = p[SHP_DUR_THETA_R], ts = p[SHP_DUR_THETA_S];
    if (h >= 0.0) {
        *theta = ts;
        *K = p[SHP_DUR_KS];
        *C = 0.0;
        *dK = 0.0;
        return;
    }
    const double w1 = p[SHP_DUR_W1], w2 = 1.0 - w1;
    const double a1 = p[SHP_DUR_ALPHA1], a2 = p[SHP_DUR_ALPHA2], l = p[SHP_DUR_L];
    const shp_vg_mode v1 = shp_vg_mode_eval(a1, p[SHP_DUR_N1], -h);
    const shp_vg_mode v2 = shp_vg_mode_eval(a2, p[SHP_DUR_N2], -h);
    const double se = w1 * v1.gamma + w2 * v2.gamma;
    const double dse = w1 * v1.dgamma + w2 * v2.dgamma;
    /* Mualem ratio: numerator and its h-derivative, denominator from parameters only */
    const double num = w1 * a1 * v1.bracket + w2 * a2 * v2.bracket;
    const double dnum = w1 * a1 * v1.dbracket + w2 * a2 * v2.dbracket;
    const double r = num / (w1 * a1 + w2 * a2);
    const double k = p[SHP_DUR_KS] * shp_pow_l(se, l) * r * r;
    *theta = tr + (ts - tr) * se;
    *K = k;
    *C = (ts - tr) * dse;
    *dK = num > 0.0 && se > 0.0 ? k * (l * dse / se + 2.0 * dnum / num) : 0.0;
}

/* Parameter derivatives of the Durner model at fixed h (as shp_vgm_eval_dp).
 * Se = w1 Γ1 + w2 Γ2 gives ∂Se/∂w1 = Γ1 − Γ2 and per mode wi Γi ∂ln Γi; the Mualem
 * ratio r = num/den (num = Σ wi αi Bi, den = Σ wi αi) is differentiated in the form
 * without cancellation as B → 1 (w1 + w2 = 1 eliminates num − den B):
 *   ∂ln r/∂w1 = α1 α2 (B1 − B2)/(num den),
 *   ∂ln r/∂α1 = w1 [B1 ∂ln B1/∂ln α1 den + w2 α2 (B1 − B2)]/(num den)  (mode 2 alike),
 *   ∂ln r/∂n1 = w1 α1 B1 ∂ln B1/∂n1 / num. */
SHP_HD SHP_INLINE void shp_durner_eval_dp(const double *SHP_RESTRICT p, double h,
                                          double *SHP_RESTRICT dtheta, double *SHP_RESTRICT dK)
{
    for (int k = 0; k < SHP_DUR_NPARAM; ++k) dtheta[k] = dK[k] = 0.0;
    if (h >= 0.0) {
        dtheta[SHP_DUR_THETA_S] = 1.0;
        dK[SHP_DUR_KS] = 1.0;
        return;
    }
    const double tr = p[SHP_DUR_THETA_R], ts = p[SHP_DUR_THETA_S];
    const double w1 = p[SHP_DUR_W1], w2 = 1.0 - w1;
    const double a1 = p[SHP_DUR_ALPHA1], a2 = p[SHP_DUR_ALPHA2], l = p[SHP_DUR_L];
    const double n1 = p[SHP_DUR_N1], n2 = p[SHP_DUR_N2];
    const shp_vg_mode v1 = shp_vg_mode_eval(a1, n1, -h), v2 = shp_vg_mode_eval(a2, n2, -h);
    const shp_vg_mode_dp d1 = shp_vg_mode_dp_eval(a1, n1, -h), d2 = shp_vg_mode_dp_eval(a2, n2, -h);
    const double se = w1 * v1.gamma + w2 * v2.gamma;
    const double omse = w1 * d1.omg + w2 * d2.omg; /* 1 − Se */
    const double num = w1 * a1 * v1.bracket + w2 * a2 * v2.bracket, den = w1 * a1 + w2 * a2;
    const double r = num / den, kr = shp_pow_l(se, l) * r * r, k = p[SHP_DUR_KS] * kr;
    const double g12 = shp_diff01(v1.gamma, v2.gamma, d1.omg, d2.omg);
    const double b12 = shp_diff01(v1.bracket, v2.bracket, d1.omb, d2.omb);
    /* ∂Se by w1, α1, n1, α2, n2 */
    const double se_w = g12;
    const double se_a1 = w1 * v1.gamma * d1.lg_a / a1, se_n1 = w1 * v1.gamma * d1.lg_n;
    const double se_a2 = w2 * v2.gamma * d2.lg_a / a2, se_n2 = w2 * v2.gamma * d2.lg_n;
    const double dts = ts - tr;
    dtheta[SHP_DUR_THETA_R] = omse;
    dtheta[SHP_DUR_THETA_S] = se;
    dtheta[SHP_DUR_W1] = dts * se_w;
    dtheta[SHP_DUR_ALPHA1] = dts * se_a1;
    dtheta[SHP_DUR_N1] = dts * se_n1;
    dtheta[SHP_DUR_ALPHA2] = dts * se_a2;
    dtheta[SHP_DUR_N2] = dts * se_n2;
    dK[SHP_DUR_KS] = kr;
    if (!(k > 0.0 && se > 0.0)) return;
    const double nd = num * den;
    const double lr_w = a1 * a2 * b12 / nd;
    const double lr_a1 = w1 * (v1.bracket * d1.lb_a * den + w2 * a2 * b12) / nd;
    const double lr_a2 = w2 * (v2.bracket * d2.lb_a * den - w1 * a1 * b12) / nd;
    const double lr_n1 = w1 * a1 * v1.bracket * d1.lb_n / num;
    const double lr_n2 = w2 * a2 * v2.bracket * d2.lb_n / num;
    dK[SHP_DUR_W1] = k * (l * se_w / se + 2.0 * lr_w);
    dK[SHP_DUR_ALPHA1] = k * (l * se_a1 / se + 2.0 * lr_a1);
    dK[SHP_DUR_N1] = k * (l * se_n1 / se + 2.0 * lr_n1);
    dK[SHP_DUR_ALPHA2] = k * (l * se_a2 / se + 2.0 * lr_a2);
    dK[SHP_DUR_N2] = k * (l * se_n2 / se + 2.0 * lr_n2);
    dK[SHP_DUR_L] = k * shp_log_from(se, omse);
}

#endif
