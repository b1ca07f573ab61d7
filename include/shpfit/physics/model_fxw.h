/* FXW: Fredlund & Xing (1994) retention with θr = 0 and the correction factor Cf that
 * takes θ to 0 at h0, as used by Wang, Jin & Deng (2018) and Rudiyanto et al. (2021)
 * and coded in SOILWAT2 (DrylandEcology/SOILWAT2 @0bb2192, FXW_phi_to_theta):
 *   Γ  = [ln(e + (αψ)^n)]^(−m)                              (Rudiyanto et al. 2021, Eq. 3)
 *   Cf = 1 − ln(1 + ψ/hr)/ln(1 + h0/hr)                      (Rudiyanto et al. 2021, Eq. 4)
 *   θ  = θs Cf Γ,  θ = 0 for ψ ≥ h0                          (Rudiyanto et al. 2021, Eq. 1)
 * (equation numbers as cited in SOILWAT2's FXW_phi_to_theta; both factors are Fredlund
 * & Xing's 1994 SWCC, whose own numbering we could not check).
 *   C  = θs [Γ/((hr+ψ) ln(1+h0/hr)) + Cf dΓ/dh]
 * hr = 1500 cm and h0 = 6.3e6 cm are SOILWAT2's fixed values (configurable here).
 * C jumps at h = 0: C(0⁻) = θs/(hr ln(1+h0/hr)) ≠ 0 = C(0⁺) (θ has a kink there,
 * because Cf′(0) ≠ 0). That is the model, not a defect of this code; it is kept.
 *
 * CONDUCTIVITY — NOT the Wang et al. (2018) equation, which could not be established
 * from any reachable source. What is computed is "variant A" (docs/models-reference.md, `fxw`;
 * docs/reference_values.md §8): Mualem (1976) applied to the capillary function Γ
 * alone (Mualem on S = Cf·Γ diverges, since dS/dψ(0) ≠ 0), with no film term and no
 * h0 truncation:
 *   K = Ks Γ^L [I(ψ)/I(0)]²,   I(ψ) = ∫_ψ^∞ (−dΓ/dx)/x dx,
 * K continuous through h0 (it does not depend on hr, h0). With w = ln(1+(αx)^n/e),
 * so that ln(e + (αx)^n) = 1 + w, the integral becomes
 *   I(ψ) = α m e^(−1/n) Q(wψ),  Q(a) = ∫_a^∞ F(w) dw,
 *   F(w) = (1+w)^(−m−1) (e^w − 1)^(−1/n)
 * (F ~ w^(−1/n) at 0, ~ e^(−w/n) w^(−m−1) at ∞) evaluated NUMERICALLY with fixed nodes:
 *   Q(0) = P(1) + Q(1),  P(a) = ∫_0^a F dw by tanh–sinh (a σ(π sinh t), t = k/6,
 *          k = −33..18: 52 nodes; handles the w^(−1/n) end point),
 *          Q(a) by the exponential DE rule of Takahasi & Mori (u = (n/2) e^(t − e^(−t)),
 *          t = k/4, k = −14..16: 31 nodes),
 *   Q(wψ) = Q(1) + [P(1) − P(wψ)] for wψ ≤ 1, the anchored Q(wψ) for wψ > 1.
 * The nodes scale with wψ (P) or shift with it (Q), so K(h) is smooth; at wψ = 1 the
 * two branches agree to rounding. dK/dh is analytic, from dI/dh = (dΓ/dh)/ψ:
 *   d ln K/dh = L Γ'/Γ + 2 Γ'/(ψ α m e^(−1/n) Q(wψ)).
 * Accuracy against mpmath quadrature (24 digits): K (= Ks r² for L = 0) to ≤ 1.6e−13
 * relative, max over 1056 grid points and 300 random points with 1.1 ≤ n ≤ 10,
 * 0.1 ≤ m ≤ 1.5, αψ from 1e−10 to 1e10; 3e−15 on the reference CSV rows. The worst
 * cases are n ≈ 1.1 just below wψ = 1, where P(1) − P(wψ) cancels (P(1)/Q(1) ≈ 60–200:
 * nearly all of I(0) sits at w → 0). It degrades as n → 1 (the end-point mass of
 * w^(−1/n) moves below 1e−300): ~1e−3 at n = 1.02. dK/dh agrees with finite
 * differences of the computed K to ~1e−8 relative or better.
 * Cost: 114–135 evaluations of F (log1p, expm1, log, exp each) per call, about 75× a
 * shp_vgm_eval (1.3e5 against 1e7 evaluations/s on one core); 31–52 with the material's
 * cache of Q(0) (shp_fxw_prepare). */
#ifndef SHPFIT_PHYSICS_MODEL_FXW_H
#define SHPFIT_PHYSICS_MODEL_FXW_H

#include "hd.h"

enum { SHP_FXW_THETA_S, SHP_FXW_ALPHA, SHP_FXW_N, SHP_FXW_M, SHP_FXW_KS, SHP_FXW_L, SHP_FXW_HR,
       SHP_FXW_H0, SHP_FXW_NPARAM };

#define SHP_FXW_HR_DEFAULT 1500.0 /* cm, "residual" head (Fredlund & Xing 1994; SOILWAT2) */
#define SHP_FXW_H0_DEFAULT 6.3e6  /* cm, zero water content (pF 6.8; SOILWAT2, Rudiyanto 2021) */

#define SHP_FXW_E 2.71828182845904523536
#define SHP_FXW_PI 3.14159265358979323846

/* Mualem integrand in w: F(w) = (1+w)^(−m−1) (e^w − 1)^(−1/n). */
SHP_HD SHP_INLINE double shp_fxw_mualem_f(double w, double n, double m)
{
    /* ln(e^w − 1) = w + log1p(−e^−w); for w > 40 the correction is below 1 ulp */
    const double lem = w < 40.0 ? log(expm1(w)) : w;
    return exp(-(m + 1.0) * log1p(w) - lem / n);
}

/* P(a1) and, when want2, P(a2): ∫_0^a F dw by the tanh–sinh rule, the nodes
 * w = a σ(±π sinh t) of both signs sharing one exp; weight a π cosh t σ(x) σ(−x). */
SHP_HD SHP_INLINE void shp_fxw_lower(double a1, double a2, int want2, double n, double m, double *p1,
                                     double *p2)
{
    const double eh = 1.181360412865646; /* e^(1/6) */
    double s1 = 0.0, s2 = 0.0, et = 1.0;  /* et = e^t, t = k/6 */
    for (int k = 0; k <= 33; ++k) {
        const double ch = 0.5 * (et + 1.0 / et), sh = 0.5 * (et - 1.0 / et);
        const double e = exp(-SHP_FXW_PI * sh); /* e^−x, x = π sinh t */
        const double sp = 1.0 / (1.0 + e), sm = e / (1.0 + e); /* σ(x), σ(−x) */
        const double wt = SHP_FXW_PI * ch * sp * sm;
        /* t = −k/6: w = a σ(−x), the clustered end at 0 (k ≤ 33). Nodes below 1e−300
         * are left out: F(w) ~ w^(−1/n) would overflow there, and their share of P is
         * (1e−300/a)^(1−1/n) at most */
        if (k > 0) {
            const double w1 = a1 * sm, w2 = a2 * sm;
            if (w1 > 1e-300) s1 += wt * shp_fxw_mualem_f(w1, n, m);
            if (want2 && w2 > 1e-300) s2 += wt * shp_fxw_mualem_f(w2, n, m);
        }
        /* t = +k/6: w = a σ(x), toward the regular end a (k ≤ 18) */
        if (k <= 18) {
            const double w1 = a1 * sp, w2 = a2 * sp;
            if (w1 > 1e-300) s1 += wt * shp_fxw_mualem_f(w1, n, m);
            if (want2 && w2 > 1e-300) s2 += wt * shp_fxw_mualem_f(w2, n, m);
        }
        et *= eh;
    }
    *p1 = s1 * a1 / 6.0;
    *p2 = want2 ? s2 * a2 / 6.0 : 0.0;
}

/* Q(a1) and, when want2, Q(a2): ∫_a^∞ F dw by the DE rule for exponentially decaying
 * integrands, u = c e^(t − e^−t), weight u (1 + e^−t), c = n/2 (F decays like e^(−u/n)). */
SHP_HD SHP_INLINE void shp_fxw_upper(double a1, double a2, int want2, double n, double m, double *q1,
                                     double *q2)
{
    const double eh = 1.2840254166877415; /* e^(1/4) */
    const double c = 0.5 * n;
    double s1 = 0.0, s2 = 0.0;
    double et = 0.030197383422318501; /* e^(−14/4) */
    for (int k = -14; k <= 16; ++k) {
        const double emt = 1.0 / et; /* e^−t */
        const double u = c * et * exp(-emt);
        const double wt = u * (1.0 + emt);
        s1 += wt * shp_fxw_mualem_f(a1 + u, n, m);
        if (want2) s2 += wt * shp_fxw_mualem_f(a2 + u, n, m);
        et *= eh;
    }
    *q1 = 0.25 * s1;
    *q2 = want2 ? 0.25 * s2 : 0.0;
}

/* Q(0) = P(1) + Q(1) depends on n and m alone. A material may carry P(1) and Q(1), with
 * the n and m they belong to, in its unused parameter slots SHP_FXW_CACHE..+3 (the
 * materials of a run get them from shp_hyd_prepare): that saves 83 of the 114–135
 * integrand evaluations of a call, and the values are the ones the call would compute,
 * bit for bit. The key makes an absent or stale cache harmless: it is used only when
 * n and m match exactly (NaN, the registry's fill, never does). */
#define SHP_FXW_CACHE SHP_FXW_NPARAM
SHP_HD SHP_INLINE void shp_fxw_prepare(double *p)
{
    const double n = p[SHP_FXW_N], m = p[SHP_FXW_M];
    double unused;
    p[SHP_FXW_CACHE] = n;
    p[SHP_FXW_CACHE + 1] = m;
    shp_fxw_lower(1.0, 0.0, 0, n, m, &p[SHP_FXW_CACHE + 2], &unused);
    shp_fxw_upper(1.0, 0.0, 0, n, m, &p[SHP_FXW_CACHE + 3], &unused);
}

/* θ, K, C, dK/dh at h; cache: a material's SHP_FXW_CACHE slots (shp_fxw_prepare) or NULL. */
SHP_HD SHP_INLINE void shp_fxw_eval_cached(const double *SHP_RESTRICT p, const double *cache, double h,
                                           double *theta, double *K, double *C, double *dK)
{
    const double ts = p[SHP_FXW_THETA_S], ks = p[SHP_FXW_KS];
    if (h >= 0.0) {
        *theta = ts;
        *K = ks;
        *C = 0.0;
        *dK = 0.0;
        return;
    }
    const double psi = -h;
    const double alpha = p[SHP_FXW_ALPHA], n = p[SHP_FXW_N], m = p[SHP_FXW_M];
    const double L = p[SHP_FXW_L], hr = p[SHP_FXW_HR], h0 = p[SHP_FXW_H0];
    /* y = (αψ)^n, w = ln(1 + y/e) = softplus(z − 1): ln(e + y) = 1 + w without overflow */
    const double z1 = n * log(alpha * psi) - 1.0;
    const double w = z1 > 0.0 ? z1 + log1p(exp(-z1)) : log1p(exp(z1));
    const double q = z1 >= 0.0 ? 1.0 / (1.0 + exp(-z1)) : exp(z1) / (1.0 + exp(z1)); /* y/(e+y) */
    const double gamma = exp(-m * log1p(w));
    const double dlg = m * n * q / ((1.0 + w) * psi); /* d ln Γ/dh ≥ 0 */
    const double dgamma = gamma * dlg;

    if (psi < h0) {
        const double lc = log1p(h0 / hr);
        const double cf = log1p((h0 - psi) / (hr + psi)) / lc; /* Cf without cancellation */
        const double dcf = 1.0 / ((hr + psi) * lc);
        *theta = ts * cf * gamma;
        *C = ts * (gamma * dcf + cf * dgamma);
    } else {
        *theta = 0.0;
        *C = 0.0;
    }

    /* variant A: r = Q(wψ)/Q(0) */
    double p1, pw, q1, qw, unused;
    const int cached = cache && cache[0] == n && cache[1] == m;
    if (cached) {
        p1 = cache[2];
        q1 = cache[3];
    }
    if (w <= 1.0) {
        if (cached) {
            shp_fxw_lower(w, 0.0, 0, n, m, &pw, &unused);
        } else {
            shp_fxw_lower(1.0, w, 1, n, m, &p1, &pw);
            shp_fxw_upper(1.0, 0.0, 0, n, m, &q1, &unused);
        }
        qw = q1 + (p1 - pw);
    } else if (cached) {
        shp_fxw_upper(w, 0.0, 0, n, m, &qw, &unused);
    } else {
        shp_fxw_lower(1.0, 0.0, 0, n, m, &p1, &unused);
        shp_fxw_upper(1.0, w, 1, n, m, &q1, &qw);
    }
    const double q0 = p1 + q1;
    const double r = qw / q0;
    const double kg = ks * (L == 0.5 ? sqrt(gamma) : pow(gamma, L));
    *K = kg * r * r;
    /* dK/dh = Ks Γ^L r [L r Γ'/Γ + 2 dr/dh],
     * dr/dh = (dI/dh)/I(0) = (Γ'/ψ)/(α m e^(−1/n) Q(0)):
     * no division by Q(wψ), which underflows when very dry */
    *dK = kg * r * (L * r * dlg + 2.0 * dgamma * exp(1.0 / n) / (psi * alpha * m * q0));
}

SHP_HD SHP_INLINE void shp_fxw_eval(const double *SHP_RESTRICT p, double h, double *theta, double *K,
                                    double *C, double *dK)
{
    shp_fxw_eval_cached(p, 0, h, theta, K, C, dK);
}

/* ------------------------------------------------------------------ derivatives */

/* F and its parameter derivatives at w: ∂F/∂n = F ln(e^w − 1)/n², ∂F/∂m = −F log1p(w),
 * added into f[0], f[1], f[2] with weight wt. */
SHP_HD SHP_INLINE void shp_fxw_mualem_f3_add(double w, double n, double m, double wt, double *f)
{
    const double lem = w < 40.0 ? log(expm1(w)) : w, l1 = log1p(w);
    const double v = wt * exp(-(m + 1.0) * l1 - lem / n);
    f[0] += v;
    f[1] += v * lem / (n * n);
    f[2] -= v * l1;
}

/* shp_fxw_lower for the triple (P, ∂P/∂n, ∂P/∂m) at fixed a: the same nodes and weights,
 * so P is the one shp_fxw_eval uses. p1[3], p2[3]. */
SHP_HD SHP_INLINE void shp_fxw_lower3(double a1, double a2, int want2, double n, double m, double *p1,
                                      double *p2)
{
    const double eh = 1.181360412865646; /* e^(1/6) */
    double et = 1.0;
    for (int i = 0; i < 3; ++i) p1[i] = p2[i] = 0.0;
    for (int k = 0; k <= 33; ++k) {
        const double ch = 0.5 * (et + 1.0 / et), sh = 0.5 * (et - 1.0 / et);
        const double e = exp(-SHP_FXW_PI * sh);
        const double sp = 1.0 / (1.0 + e), sm = e / (1.0 + e);
        const double wt = SHP_FXW_PI * ch * sp * sm;
        if (k > 0) {
            const double w1 = a1 * sm, w2 = a2 * sm;
            if (w1 > 1e-300) shp_fxw_mualem_f3_add(w1, n, m, wt, p1);
            if (want2 && w2 > 1e-300) shp_fxw_mualem_f3_add(w2, n, m, wt, p2);
        }
        if (k <= 18) {
            const double w1 = a1 * sp, w2 = a2 * sp;
            if (w1 > 1e-300) shp_fxw_mualem_f3_add(w1, n, m, wt, p1);
            if (want2 && w2 > 1e-300) shp_fxw_mualem_f3_add(w2, n, m, wt, p2);
        }
        et *= eh;
    }
    for (int i = 0; i < 3; ++i) {
        p1[i] *= a1 / 6.0;
        p2[i] = want2 ? p2[i] * a2 / 6.0 : 0.0;
    }
}

/* shp_fxw_upper for the triple (Q, ∂Q/∂n, ∂Q/∂m) at fixed a (same nodes). */
SHP_HD SHP_INLINE void shp_fxw_upper3(double a1, double a2, int want2, double n, double m, double *q1,
                                      double *q2)
{
    const double eh = 1.2840254166877415; /* e^(1/4) */
    const double c = 0.5 * n;
    double et = 0.030197383422318501; /* e^(−14/4) */
    for (int i = 0; i < 3; ++i) q1[i] = q2[i] = 0.0;
    for (int k = -14; k <= 16; ++k) {
        const double emt = 1.0 / et;
        const double u = c * et * exp(-emt);
        const double wt = u * (1.0 + emt);
        shp_fxw_mualem_f3_add(a1 + u, n, m, wt, q1);
        if (want2) shp_fxw_mualem_f3_add(a2 + u, n, m, wt, q2);
        et *= eh;
    }
    for (int i = 0; i < 3; ++i) {
        q1[i] *= 0.25;
        q2[i] = want2 ? 0.25 * q2[i] : 0.0;
    }
}

/* Parameter derivatives at fixed h (exact forward sensitivities; hydraulics_dp.h).
 * θ = θs Cf Γ (ψ < h0): ln Γ = −m log1p(w), w = sp(n ln αψ − 1), ∂w/∂α = q n/α,
 * ∂w/∂n = q ln αψ (q = σ(n ln αψ − 1));  ∂Cf/∂h0 = (1 − Cf)/((hr+h0) ln(1+h0/hr)),
 *   ∂Cf/∂hr = [ψ/(hr(hr+ψ)) − (1 − Cf) h0/(hr(hr+h0))]/ln(1+h0/hr)
 *           = [(ψ − h0)/((hr+h0)(hr+ψ)) + Cf h0/(hr(hr+h0))]/ln(1+h0/hr)
 * (the first where Cf → 1, the second where Cf → 0: no cancellation at either end).
 * K = Ks Γ^L r², r = Q(w)/Q(0): ∂Q(w)/∂p = ∫_w^∞ ∂F/∂p − F(w) ∂w/∂p, ∂F/∂n, ∂F/∂m by
 * the same quadrature as Q (shp_fxw_lower3/upper3), F(w) = Γ e^{1/n}/((1+w) αψ) in closed
 * form. For w ≤ 1 (Q(w) = Q(0) − P(w)): ∂r = [−∂P(w) + (P(w)/Q(0)) ∂Q(0) − F ∂w]/Q(0),
 * free of the cancellation Q(w) − r Q(0) near saturation. K does not depend on hr, h0.
 * The quadrature error (≤ 2e-13 relative in K) enters ∂K/∂n, ∂K/∂m at about that
 * size relative to K. */
SHP_HD SHP_INLINE void shp_fxw_eval_dp(const double *SHP_RESTRICT p, double h,
                                       double *SHP_RESTRICT dtheta, double *SHP_RESTRICT dK)
{
    for (int k = 0; k < SHP_FXW_NPARAM; ++k) dtheta[k] = dK[k] = 0.0;
    const double ts = p[SHP_FXW_THETA_S], ks = p[SHP_FXW_KS];
    if (h >= 0.0) {
        dtheta[SHP_FXW_THETA_S] = 1.0;
        dK[SHP_FXW_KS] = 1.0;
        return;
    }
    const double psi = -h;
    const double alpha = p[SHP_FXW_ALPHA], n = p[SHP_FXW_N], m = p[SHP_FXW_M];
    const double L = p[SHP_FXW_L], hr = p[SHP_FXW_HR], h0 = p[SHP_FXW_H0];
    const double lap = log(alpha * psi), z1 = n * lap - 1.0;
    const double w = z1 > 0.0 ? z1 + log1p(exp(-z1)) : log1p(exp(z1));
    const double q = z1 >= 0.0 ? 1.0 / (1.0 + exp(-z1)) : exp(z1) / (1.0 + exp(z1));
    const double l1w = log1p(w), gamma = exp(-m * l1w);
    /* ∂ln Γ by α, n, m */
    const double lg_a = -m * q * n / ((1.0 + w) * alpha);
    const double lg_n = -m * q * lap / (1.0 + w);
    const double lg_m = -l1w;

    if (psi < h0) {
        const double lc = log1p(h0 / hr);
        const double cf = log1p((h0 - psi) / (hr + psi)) / lc;
        const double omcf = log1p(psi / hr) / lc; /* 1 − Cf */
        const double th = ts * cf * gamma;
        const double cf_h0 = omcf / ((hr + h0) * lc);
        const double cf_hr =
            cf > 0.5 ? (psi / (hr * (hr + psi)) - omcf * h0 / (hr * (hr + h0))) / lc
                     : ((psi - h0) / ((hr + h0) * (hr + psi)) + cf * h0 / (hr * (hr + h0))) / lc;
        dtheta[SHP_FXW_THETA_S] = cf * gamma;
        dtheta[SHP_FXW_ALPHA] = th * lg_a;
        dtheta[SHP_FXW_N] = th * lg_n;
        dtheta[SHP_FXW_M] = th * lg_m;
        dtheta[SHP_FXW_HR] = ts * gamma * cf_hr;
        dtheta[SHP_FXW_H0] = ts * gamma * cf_h0;
    }

    /* the integrals of shp_fxw_eval with their n and m derivatives: [0] value, [1] ∂n, [2] ∂m */
    double p1[3], pw[3], q1[3], qw[3];
    if (w <= 1.0) {
        shp_fxw_lower3(1.0, w, 1, n, m, p1, pw);
        shp_fxw_upper3(1.0, 0.0, 0, n, m, q1, qw);
        qw[0] = q1[0] + (p1[0] - pw[0]);
    } else {
        shp_fxw_lower3(1.0, 0.0, 0, n, m, p1, pw);
        shp_fxw_upper3(1.0, w, 1, n, m, q1, qw);
    }
    const double q0 = p1[0] + q1[0];
    const double r = qw[0] / q0;
    const double gl = L == 0.5 ? sqrt(gamma) : pow(gamma, L), kg = ks * gl, k = kg * r * r;
    /* F(w) ∂w/∂ln α: the moving lower limit of Q(w) */
    const double fq = gamma * q * exp(1.0 / n) / ((1.0 + w) * psi * alpha);
    double dr[3]; /* ∂r by α, n, m */
    dr[0] = -fq * n / (alpha * q0);
    for (int i = 1; i < 3; ++i) {
        const double dq0 = p1[i] + q1[i];
        const double dqw_fixed = w <= 1.0 ? -pw[i] + (pw[0] / q0) * dq0 : qw[i] - r * dq0;
        dr[i] = (dqw_fixed - (i == 1 ? fq * lap : 0.0)) / q0;
    }
    dK[SHP_FXW_KS] = gl * r * r;
    if (!(k > 0.0)) return;
    dK[SHP_FXW_ALPHA] = kg * r * (L * r * lg_a + 2.0 * dr[0]);
    dK[SHP_FXW_N] = kg * r * (L * r * lg_n + 2.0 * dr[1]);
    dK[SHP_FXW_M] = kg * r * (L * r * lg_m + 2.0 * dr[2]);
    dK[SHP_FXW_L] = -k * m * l1w; /* K ln Γ */
}

/* θ spans (0, θs]: the soil dries out at h0. */
SHP_HD SHP_INLINE void shp_fxw_theta_limits(const double *SHP_RESTRICT p, double *theta_min,
                                            double *theta_max)
{
    *theta_min = 0.0;
    *theta_max = p[SHP_FXW_THETA_S];
}

#endif
