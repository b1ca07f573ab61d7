/* Bimodal van Genuchten retention (Durner 1994) with the closed-form Mualem
 * conductivity of Priesack & Durner (2006) (shared/reference/hydraulic-models.md §2.6):
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

SHP_HD SHP_INLINE void durner_eval(const double *SHP_RESTRICT p, double h, double *theta,
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
    const shp_vg_mode v1 = vg_mode(a1, p[SHP_DUR_N1], -h);
    const shp_vg_mode v2 = vg_mode(a2, p[SHP_DUR_N2], -h);
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

#endif
