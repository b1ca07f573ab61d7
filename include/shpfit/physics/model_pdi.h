/* Peters–Durner–Iden (PDI) model with the van Genuchten capillary base: capillary and
 * adsorbed water, capillary and film conductivity, over the complete moisture range
 * down to oven-dryness at h0 (Peters 2013, WRR 49:6765; Iden & Durner 2014, WRR
 * 50:7530; Peters 2014, WRR 50:7535; shared/reference/hydraulic-models.md §2.7):
 *   Γ    = (1+(αψ)^n)^(−m), m = 1 − 1/n,   Γ0 = Γ(h0),   Scap = (Γ−Γ0)/(1−Γ0)
 *   Sad  = 1 + [x − xa + b ln(1+exp((xa−x)/b))]/(xa − x0),  x = log10 ψ, xa = log10(1/α),
 *          x0 = log10 h0,  b = 0.1 + (0.2/n²)(1 − exp(−(θr/(θs−θr))²))
 *   θ    = (θs−θr) Scap + θr Sad              (θr is the maximum adsorbed water content)
 *   Kcap = Scap^τ [1 − (1−Γ^(1/m))^m/(1−Γ0^(1/m))^m]²   (Mualem truncated at h0)
 *   Kfilm= (h0 α)^(a(1−Sad)),  a = −1.5 (Tokunaga 2009)
 *   K    = Ks [(1−ω) Kcap + ω Kfilm]
 * For ψ ≥ h0: θ = 0, Kcap = 0 and K = Ks ω (h0 α)^a (the film floor). Sad is clamped
 * to [0, 1] (Sad(h0) is −1e−20 by rounding of the textbook form), Scap to ≥ 0.
 * Log10 in the adsorption term, as in Iden & Durner (2014), SoilHyP and Daisy; the
 * natural-log variant of tjyanjing/PDI changes the meaning of b and is not this model.
 *
 * Numerics: the capillary kernel is vg_mode (model_vgm.h). The differences that the
 * textbook form takes between nearly equal numbers are rewritten with L = ln(h0/ψ),
 * z = n ln(αψ), z0 = n ln(αh0), σ(z) = 1/(1+e^−z), sp(z) = ln(1+e^z):
 *   Γ − Γ0 = −Γ expm1(−m D),  D = ln((1+x0)/(1+x))     = log1p(expm1(nL) σ(z))
 *   Kcap bracket = −expm1(−m E), E = ln((1+1/x)/(1+1/x0)) = log1p(expm1(nL) σ(−z0)),
 * so neither loses digits at the dry end (where the plain bracket 1 − (1−B)/(1−B0) keeps
 * only a few) nor next to h0 (for nL ≥ 30, far from h0, D and E are the plain softplus
 * differences, which are exact there and do not overflow). Sad = [(x0 − x) − b log1p(e^−y)]/(x0 − xa) for y =
 * (x − xa)/b > 0 (no cancellation near h0). Each softplus is evaluated as sp(y) =
 * max(y,0) + log1p(e^−|y|). C = dθ/dh and dK/dh are analytic. */
#ifndef SHPFIT_PHYSICS_MODEL_PDI_H
#define SHPFIT_PHYSICS_MODEL_PDI_H

#include "hd.h"
#include "model_vgm.h"

enum { SHP_PDI_THETA_R, SHP_PDI_THETA_S, SHP_PDI_ALPHA, SHP_PDI_N, SHP_PDI_KS, SHP_PDI_TAU,
       SHP_PDI_OMEGA, SHP_PDI_H0, SHP_PDI_A, SHP_PDI_NPARAM };

/* 10^6.8 cm: oven-dry at 105 °C (Schneider & Goss 2012) */
#define SHP_PDI_H0_DEFAULT 6309573.4448019324
#define SHP_PDI_A_DEFAULT (-1.5) /* film-flow slope (Tokunaga 2009; Peters 2013) */
#define SHP_LN10 2.30258509299404568402

/* ln(1 + e^y) without overflow or cancellation. */
SHP_HD SHP_INLINE double shp_softplus(double y)
{
    return y > 0.0 ? y + log1p(exp(-y)) : log1p(exp(y));
}

/* 1/(1 + e^−y). */
SHP_HD SHP_INLINE double shp_logistic(double y)
{
    return y >= 0.0 ? 1.0 / (1.0 + exp(-y)) : exp(y) / (1.0 + exp(y));
}

/* Everything of one PDI evaluation at suction 0 < ψ < h0; the eval and split
 * functions below pick from it. */
typedef struct {
    double scap, dscap; /* capillary saturation and its h-derivative */
    double sad, dsad;   /* adsorbed saturation (clamped) and its h-derivative */
    double kcap, dkcap; /* relative capillary conductivity and derivative */
    double kfilm, dkfilm;
} shp_pdi_state;

SHP_HD SHP_INLINE shp_pdi_state pdi_state(const double *SHP_RESTRICT p, double psi)
{
    shp_pdi_state s;
    const double tr = p[SHP_PDI_THETA_R], ts = p[SHP_PDI_THETA_S];
    const double alpha = p[SHP_PDI_ALPHA], n = p[SHP_PDI_N], tau = p[SHP_PDI_TAU];
    const double h0 = p[SHP_PDI_H0], a = p[SHP_PDI_A];
    const double m = (n - 1.0) / n;

    /* capillary part: Scap rescaled to reach 0 at h0 (Peters 2013; Iden & Durner 2014),
     * Mualem's integral cut at h0 (Peters 2014) */
    const shp_vg_mode v = vg_mode(alpha, n, psi);
    const double lah0 = log(alpha * h0); /* ln(h0/ha) > 0 (registry check) */
    const double z = n * log(alpha * psi), z0 = n * lah0;
    const double nl = n * log(h0 / psi);                   /* z0 − z > 0 */
    const double one_m_g0 = -expm1(-m * shp_softplus(z0)); /* 1 − Γ0 */
    const double one_m_b0 = exp(-m * shp_softplus(-z0));   /* (1 − Γ0^(1/m))^m */
    double dd, ee; /* ln((1+x0)/(1+x)) and ln((1+1/x)/(1+1/x0)) */
    if (nl < 30.0) {
        /* near h0: the cancellation-free forms */
        const double em = expm1(nl); /* (h0/ψ)^n − 1 */
        dd = log1p(em * shp_logistic(z));
        ee = log1p(em * shp_logistic(-z0));
    } else {
        /* far from h0 the plain differences lose nothing (and expm1 would overflow) */
        dd = shp_softplus(z0) - shp_softplus(z);
        ee = shp_softplus(-z) - shp_softplus(-z0);
    }
    s.scap = shp_max(-v.gamma * expm1(-m * dd) / one_m_g0, 0.0);
    s.dscap = v.dgamma / one_m_g0;
    const double r = -expm1(-m * ee);
    const double dr = v.dbracket / one_m_b0;
    if (s.scap > 0.0 && r > 0.0) {
        s.kcap = tau == 0.5 ? sqrt(s.scap) * r * r : exp(tau * log(s.scap) + 2.0 * log(r));
        s.dkcap = s.kcap * (tau * s.dscap / s.scap + 2.0 * dr / r);
    } else {
        s.kcap = 0.0;
        s.dkcap = 0.0;
    }

    /* adsorbed part: smoothed Campbell–Shiozawa line in pF, 1 at ha and 0 at h0, with
     * the smoothing b tied to θr and n (Iden & Durner 2014; log10 axis) */
    const double b = 0.1 + 0.2 / (n * n) * (1.0 - exp(-(tr / (ts - tr)) * (tr / (ts - tr))));
    const double x0_xa = lah0 / SHP_LN10;            /* log10(h0) − log10(ha) */
    const double x_xa = log(alpha * psi) / SHP_LN10; /* log10(ψ) − log10(ha) */
    const double y = x_xa / b;
    double sad = y > 0.0 ? (log(h0 / psi) / SHP_LN10 - b * log1p(exp(-y))) / x0_xa
                         : 1.0 - b * log1p(exp(y)) / x0_xa;
    double dsad = shp_logistic(y) / (x0_xa * psi * SHP_LN10);
    if (sad <= 0.0) {
        sad = 0.0;
        dsad = 0.0;
    } else if (sad > 1.0) {
        sad = 1.0;
    }
    s.sad = sad;
    s.dsad = dsad;

    /* film conductivity: log K linear in pF with slope a (Peters 2013, after the ψ^−1.5
     * film law of Tokunaga 2009) */
    s.kfilm = exp(a * (1.0 - sad) * lah0);
    s.dkfilm = -s.kfilm * a * lah0 * dsad;
    return s;
}

SHP_HD SHP_INLINE void pdi_eval(const double *SHP_RESTRICT p, double h, double *theta, double *K,
                                double *C, double *dK)
{
    const double tr = p[SHP_PDI_THETA_R], ts = p[SHP_PDI_THETA_S];
    const double ks = p[SHP_PDI_KS], omega = p[SHP_PDI_OMEGA];
    if (h >= 0.0) {
        *theta = ts;
        *K = ks;
        *C = 0.0;
        *dK = 0.0;
        return;
    }
    const double psi = -h, h0 = p[SHP_PDI_H0];
    if (psi >= h0) {
        /* oven-dry: no water, only the film floor of K (hydraulic-models.md §2.7) */
        *theta = 0.0;
        *K = ks * omega * exp(p[SHP_PDI_A] * log(p[SHP_PDI_ALPHA] * h0));
        *C = 0.0;
        *dK = 0.0;
        return;
    }
    const shp_pdi_state s = pdi_state(p, psi);
    *theta = (ts - tr) * s.scap + tr * s.sad;
    *C = (ts - tr) * s.dscap + tr * s.dsad;
    *K = ks * ((1.0 - omega) * s.kcap + omega * s.kfilm);
    *dK = ks * ((1.0 - omega) * s.dkcap + omega * s.dkfilm);
}

/* θ = cap + ad: cap = (θs−θr) Scap, ad = θr Sad (both ≥ 0). */
SHP_HD SHP_INLINE void pdi_theta_split(const double *SHP_RESTRICT p, double h, double *cap,
                                       double *ad)
{
    const double tr = p[SHP_PDI_THETA_R], ts = p[SHP_PDI_THETA_S];
    if (h >= 0.0) {
        *cap = ts - tr;
        *ad = tr;
        return;
    }
    if (-h >= p[SHP_PDI_H0]) {
        *cap = 0.0;
        *ad = 0.0;
        return;
    }
    const shp_pdi_state s = pdi_state(p, -h);
    *cap = (ts - tr) * s.scap;
    *ad = tr * s.sad;
}

/* θ spans (0, θs]: θr is not a residual here, the soil dries out at h0. */
SHP_HD SHP_INLINE void pdi_theta_limits(const double *SHP_RESTRICT p, double *theta_min,
                                        double *theta_max)
{
    *theta_min = 0.0;
    *theta_max = p[SHP_PDI_THETA_S];
}

#endif
