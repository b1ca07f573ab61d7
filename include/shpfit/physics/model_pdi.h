/* Peters–Durner–Iden (PDI) model with the van Genuchten capillary base: capillary and
 * adsorbed water, capillary and film conductivity, over the complete moisture range
 * down to oven-dryness at h0 (Peters 2013, WRR 49:6765; Iden & Durner 2014, WRR
 * 50:7530; Peters 2014, WRR 50:7535):
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
 * Numerics: the capillary kernel is shp_vg_mode_eval (model_vgm.h). The differences that the
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

/* shp_softplus and shp_logistic are in model_vgm.h (shared with shp_vg_mode_dp_eval). */

/* Everything of one PDI evaluation at suction 0 < ψ < h0; the eval and split
 * functions below pick from it. */
typedef struct {
    double scap, dscap; /* capillary saturation and its h-derivative */
    double sad, dsad;   /* adsorbed saturation (clamped) and its h-derivative */
    double kcap, dkcap; /* relative capillary conductivity and derivative */
    double kfilm, dkfilm;
} shp_pdi_state;

SHP_HD SHP_INLINE shp_pdi_state shp_pdi_state_eval(const double *SHP_RESTRICT p, double psi)
{
    shp_pdi_state s;
    const double tr = p[SHP_PDI_THETA_R], ts = p[SHP_PDI_THETA_S];
    const double alpha = p[SHP_PDI_ALPHA], n = p[SHP_PDI_N], tau = p[SHP_PDI_TAU];
    const double h0 = p[SHP_PDI_H0], a = p[SHP_PDI_A];
    const double m = (n - 1.0) / n;

    /* capillary part: Scap rescaled to reach 0 at h0 (Peters 2013; Iden & Durner 2014),
     * Mualem's integral cut at h0 (Peters 2014) */
    const shp_vg_mode v = shp_vg_mode_eval(alpha, n, psi);
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

SHP_HD SHP_INLINE void shp_pdi_eval(const double *SHP_RESTRICT p, double h, double *theta, double *K,
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
        /* oven-dry: no water, only the film floor of K */
        *theta = 0.0;
        *K = ks * omega * exp(p[SHP_PDI_A] * log(p[SHP_PDI_ALPHA] * h0));
        *C = 0.0;
        *dK = 0.0;
        return;
    }
    const shp_pdi_state s = shp_pdi_state_eval(p, psi);
    *theta = (ts - tr) * s.scap + tr * s.sad;
    *C = (ts - tr) * s.dscap + tr * s.dsad;
    *K = ks * ((1.0 - omega) * s.kcap + omega * s.kfilm);
    *dK = ks * ((1.0 - omega) * s.dkcap + omega * s.dkfilm);
}

/* Parameter derivatives at fixed h (exact forward sensitivities; hydraulics_dp.h).
 * Capillary part, in the variables of shp_pdi_state_eval (z = n ln αψ, z0 = n ln αh0,
 * nl = z0 − z, v0 = m sp(z0) = −ln Γ0, u = m D = ln Γ − ln Γ0, mE = −ln(1 − r)):
 *   Scap = (Γ − Γ0)/(1 − Γ0):  ∂Scap = [Γ ∂ln Γ + (1 − Scap) Γ0 ∂v0]/(1 − Γ0)  (wet half),
 *                               ∂Scap = Scap (∂ln Γ − Γ0 ∂v0/(1 − Γ0)) + Γ0 ∂u/(1 − Γ0) (dry half),
 *   the second free of the cancellation Γ − Γ0 as ψ → h0 (∂u from the differences
 *   σ(z0) − σ(z) = σ(z0) σ(−z) (1 − e^{−nl}) and σ(z0) z0 − σ(z) z = σ(z0) nl + z(σ(z0) − σ(z)));
 *   Kcap = Scap^τ r²: ∂ln Kcap = τ ∂Scap/Scap + 2 ∂(mE)/expm1(mE).
 * Adsorbed part: Sad = 1 − b sp(y)/X0 (X = log10 αψ, X0 = log10 αh0, y = X/b):
 *   ∂Sad/∂α = ((1 − Sad) − σ(y))/(X0 α ln10) (= (σ(−y) − Sad)/… for y > 0),
 *   ∂Sad/∂h0 = (1 − Sad)/(X0 h0 ln10),  ∂Sad/∂b = −(sp(y) − y σ(y))/X0,
 *   b = 0.1 + 0.2 (1 − e^{−ρ²})/n², ρ = θr/(θs − θr): θr, θs and n act through b.
 * Film: ln Kfilm = a (1 − Sad) ln(αh0) = a ln10 b sp(y), so ∂ln Kfilm/∂α = a σ(y)/α and
 * it does not depend on h0 (until Sad is clamped to 0 next to h0, where it is (αh0)^a).
 * Beyond h0 θ = 0 and K = Ks ω (αh0)^a. */
SHP_HD SHP_INLINE void shp_pdi_eval_dp(const double *SHP_RESTRICT p, double h,
                                       double *SHP_RESTRICT dtheta, double *SHP_RESTRICT dK)
{
    for (int k = 0; k < SHP_PDI_NPARAM; ++k) dtheta[k] = dK[k] = 0.0;
    const double tr = p[SHP_PDI_THETA_R], ts = p[SHP_PDI_THETA_S];
    const double alpha = p[SHP_PDI_ALPHA], n = p[SHP_PDI_N], tau = p[SHP_PDI_TAU];
    const double ks = p[SHP_PDI_KS], omega = p[SHP_PDI_OMEGA];
    const double h0 = p[SHP_PDI_H0], a = p[SHP_PDI_A];
    if (h >= 0.0) {
        dtheta[SHP_PDI_THETA_S] = 1.0;
        dK[SHP_PDI_KS] = 1.0;
        return;
    }
    const double psi = -h, lah0 = log(alpha * h0);
    if (psi >= h0) {
        const double kf = exp(a * lah0), k = ks * omega * kf;
        dK[SHP_PDI_KS] = omega * kf;
        dK[SHP_PDI_OMEGA] = ks * kf;
        dK[SHP_PDI_ALPHA] = k * a / alpha;
        dK[SHP_PDI_H0] = k * a / h0;
        dK[SHP_PDI_A] = k * lah0;
        return;
    }
    const shp_pdi_state s = shp_pdi_state_eval(p, psi);
    const double m = (n - 1.0) / n, n2 = n * n;
    const double lap = log(alpha * psi);
    const double z = n * lap, z0 = n * lah0, nl = n * log(h0 / psi);
    const double sz = shp_logistic(z), szm = shp_logistic(-z);
    const double sz0 = shp_logistic(z0), sz0m = shp_logistic(-z0);
    const double spz = shp_softplus(z), spz0 = shp_softplus(z0);
    const double gamma = exp(-m * spz), omgamma = -expm1(-m * spz);
    const double g0 = exp(-m * spz0), omg0 = -expm1(-m * spz0);
    double dd, ee; /* D and E exactly as shp_pdi_state_eval */
    if (nl < 30.0) {
        const double em = expm1(nl);
        dd = log1p(em * sz);
        ee = log1p(em * sz0m);
    } else {
        dd = spz0 - spz;
        ee = shp_softplus(-z) - shp_softplus(-z0);
    }
    const double dsig = sz0 * szm * (-expm1(-nl)); /* σ(z0) − σ(z) */

    /* ∂ by (α, n, h0) of ln Γ, v0, u and mE */
    const double lg[3] = {-m * n * sz / alpha, -spz / n2 - m * sz * lap, 0.0};
    const double v0d[3] = {m * n * sz0 / alpha, spz0 / n2 + m * sz0 * lah0, m * n * sz0 / h0};
    const double ud[3] = {m * n * dsig / alpha, dd / n2 + m * (sz0 * nl + z * dsig) / n,
                          m * n * sz0 / h0};
    const double med[3] = {-m * n * dsig / alpha, ee / n2 + m * (sz0m * nl - z * dsig) / n,
                           m * n * sz0m / h0};
    const double scap = s.scap, omscap = omgamma / omg0;
    double dscap[3] = {0.0, 0.0, 0.0}, dkcap[3] = {0.0, 0.0, 0.0}, kcap_tau = 0.0;
    if (scap > 0.0) {
        for (int i = 0; i < 3; ++i)
            dscap[i] = scap < 0.5 ? scap * (lg[i] - g0 * v0d[i] / omg0) + g0 * ud[i] / omg0
                                  : (gamma * lg[i] + omscap * g0 * v0d[i]) / omg0;
    }
    if (s.kcap > 0.0) {
        const double emE = expm1(m * ee);
        for (int i = 0; i < 3; ++i)
            dkcap[i] = s.kcap * (tau * dscap[i] / scap + 2.0 * med[i] / emE);
        kcap_tau = s.kcap * shp_log_from(scap, omscap);
    }

    /* adsorbed part and film: b as shp_pdi_state_eval computes it */
    const double rho = tr / (ts - tr), er2 = exp(-rho * rho);
    const double b = 0.1 + 0.2 / n2 * (1.0 - er2);
    const double x0 = lah0 / SHP_LN10, y = lap / SHP_LN10 / b;
    const double sy = shp_logistic(y), sym = shp_logistic(-y);
    const double g = y > 0.0 ? y * sym + log1p(exp(-y)) : log1p(exp(y)) - y * sy; /* sp − yσ */
    const double db_rho = 0.4 * rho * er2 / n2, dts2 = (ts - tr) * (ts - tr);
    const double db_tr = db_rho * ts / dts2, db_ts = -db_rho * tr / dts2;
    const double db_n = -0.4 * (1.0 - er2) / (n2 * n);
    const double sad = s.sad;
    double sad_a = 0.0, sad_h0 = 0.0, sad_b = 0.0;
    double lkf_a, lkf_h0, lkf_b, lkf_par; /* ∂ln Kfilm by α, h0, b and the slope a */
    if (sad > 0.0) {
        const double omsad = b * shp_softplus(y) / x0;
        sad_a = (y > 0.0 ? sym - sad : omsad - sy) / (x0 * alpha * SHP_LN10);
        sad_h0 = omsad / (x0 * h0 * SHP_LN10);
        sad_b = -g / x0;
        lkf_a = a * sy / alpha;
        lkf_h0 = 0.0;
        lkf_b = a * SHP_LN10 * g;
        lkf_par = (1.0 - sad) * lah0;
    } else { /* clamped: Kfilm = (αh0)^a */
        lkf_a = a / alpha;
        lkf_h0 = a / h0;
        lkf_b = 0.0;
        lkf_par = lah0;
    }

    const double dts = ts - tr;
    dtheta[SHP_PDI_THETA_R] = -scap + sad + tr * sad_b * db_tr;
    dtheta[SHP_PDI_THETA_S] = scap + tr * sad_b * db_ts;
    dtheta[SHP_PDI_ALPHA] = dts * dscap[0] + tr * sad_a;
    dtheta[SHP_PDI_N] = dts * dscap[1] + tr * sad_b * db_n;
    dtheta[SHP_PDI_H0] = dts * dscap[2] + tr * sad_h0;

    const double kf = s.kfilm, om1 = 1.0 - omega, wkf = ks * omega * kf;
    dK[SHP_PDI_THETA_R] = wkf * lkf_b * db_tr;
    dK[SHP_PDI_THETA_S] = wkf * lkf_b * db_ts;
    dK[SHP_PDI_ALPHA] = ks * om1 * dkcap[0] + wkf * lkf_a;
    dK[SHP_PDI_N] = ks * om1 * dkcap[1] + wkf * lkf_b * db_n;
    dK[SHP_PDI_KS] = om1 * s.kcap + omega * kf;
    dK[SHP_PDI_TAU] = ks * om1 * kcap_tau;
    dK[SHP_PDI_OMEGA] = ks * (kf - s.kcap);
    dK[SHP_PDI_H0] = ks * om1 * dkcap[2] + wkf * lkf_h0;
    dK[SHP_PDI_A] = wkf * lkf_par;
}

/* θ = cap + ad: cap = (θs−θr) Scap, ad = θr Sad (both ≥ 0). */
SHP_HD SHP_INLINE void shp_pdi_theta_split(const double *SHP_RESTRICT p, double h, double *cap,
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
    const shp_pdi_state s = shp_pdi_state_eval(p, -h);
    *cap = (ts - tr) * s.scap;
    *ad = tr * s.sad;
}

/* θ spans (0, θs]: θr is not a residual here, the soil dries out at h0. */
SHP_HD SHP_INLINE void shp_pdi_theta_limits(const double *SHP_RESTRICT p, double *theta_min,
                                            double *theta_max)
{
    *theta_min = 0.0;
    *theta_max = p[SHP_PDI_THETA_S];
}

#endif
