/* The Kirchhoff potential of a material, Ψ(h) = ∫_h^0 K(h') dh' [L²/T], tabulated once
 * per column so that the solver's face conductivities can use exact integrals of K.
 *
 * The "kirchhoff" face (physics/node_assembly.h) takes its capillary flux from
 * (Ψ(h_j) − Ψ(h_i))/Δz: for a front entering dry soil, where K falls by many orders of
 * magnitude between two nodes, the mean of the two nodes' K overstates the flux into the
 * dry node by as much, while the integral of K over the heads between them is the flux a
 * steady capillary profile would carry. Every model is tabulated the same way, in
 * u = ln(−h): h = −e^u, Ψ(u) = ∫_{−∞}^{u} K(−e^v) e^v dv, with Ψ'(u) = K e^u and
 * Ψ''(u) = e^u (K − e^u dK/dh) exact at every table point, quintic Hermite interpolation
 * between points (relative error ~ Δu⁶ |Ψ⁽⁶⁾|/46080) and 4-point Gauss–Legendre for the
 * increments. Team-agnostic: the caller spreads the points over its members. */
#ifndef SHPFIT_PHYSICS_KIRCHHOFF_H
#define SHPFIT_PHYSICS_KIRCHHOFF_H

#include "hydraulics.h"

#ifdef __cplusplus
extern "C" {
#endif

#define SHP_KIRCHHOFF_U0 (-16.0) /* |h| = 1.1e−7 [L]: below it K is taken constant */
#define SHP_KIRCHHOFF_DU 0.05
#define SHP_KIRCHHOFF_POINTS 1121 /* up to u = 40, |h| = 2.4e17 [L] */
/* K at saturation, then Ψ, Ψ', Ψ'' at each point */
#define SHP_KIRCHHOFF_TABLE_DOUBLES (1 + 3 * SHP_KIRCHHOFF_POINTS)

/* Point k of the table (Ψ', Ψ'') and, in Ψ's slot, the increment of Ψ from point k − 1
 * (for k = 0: Ψ(U0) with K taken constant above |h| = e^U0). Then
 * shp_kirchhoff_accumulate() turns the increments into Ψ. */
SHP_HD SHP_INLINE void shp_kirchhoff_point(const shp_material *SHP_RESTRICT mat, int k,
                                           double *SHP_RESTRICT tab)
{
    const double x[4] = {-0.8611363115940526, -0.3399810435848563, 0.3399810435848563,
                                0.8611363115940526};
    const double w[4] = {0.3478548451374538, 0.6521451548625461, 0.6521451548625461,
                                0.3478548451374538};
    const double u = SHP_KIRCHHOFF_U0 + k * SHP_KIRCHHOFF_DU, e = exp(u);
    double th, K, C, dK;
    shp_hyd_eval(mat, -e, &th, &K, &C, &dK);
    double *p = tab + 1 + 3 * k;
    p[1] = K * e;
    p[2] = e * (K - e * dK);
    if (k == 0) {
        p[0] = K * e;
        shp_hyd_eval(mat, 0.0, &th, &K, &C, &dK);
        tab[0] = K;
        return;
    }
    double s = 0.0;
    const double mid = u - 0.5 * SHP_KIRCHHOFF_DU;
    for (int q = 0; q < 4; ++q) {
        const double v = mid + 0.5 * SHP_KIRCHHOFF_DU * x[q], ev = exp(v);
        shp_hyd_eval(mat, -ev, &th, &K, &C, &dK);
        s += w[q] * K * ev;
    }
    p[0] = 0.5 * SHP_KIRCHHOFF_DU * s;
}

SHP_HD SHP_INLINE void shp_kirchhoff_accumulate(double *tab)
{
    for (int k = 1; k < SHP_KIRCHHOFF_POINTS; ++k) tab[1 + 3 * k] += tab[1 + 3 * (k - 1)];
}

/* Monomial coefficients c[0..5] of the quintic Hermite interpolant of Ψ on cell k,
 * in t = (u − u_k)/Δu ∈ [0, 1]. */
SHP_HD SHP_INLINE void shp_kirchhoff_cell(const double *SHP_RESTRICT tab, int k, double *c)
{
    const double *a = tab + 1 + 3 * k, *b = a + 3, d = SHP_KIRCHHOFF_DU;
    const double dp = b[0] - a[0], m0 = d * a[1], m1 = d * b[1];
    const double a0 = d * d * a[2], a1 = d * d * b[2];
    c[0] = a[0];
    c[1] = m0;
    c[2] = 0.5 * a0;
    c[3] = 10.0 * dp - 6.0 * m0 - 4.0 * m1 - 1.5 * a0 + 0.5 * a1;
    c[4] = -15.0 * dp + 8.0 * m0 + 7.0 * m1 + 1.5 * a0 - a1;
    c[5] = 6.0 * dp - 3.0 * m0 - 3.0 * m1 - 0.5 * a0 + 0.5 * a1;
}

/* Position of u in the table: cell k and t ∈ [0, 1] (k = −1 below it, POINTS − 1 above). */
SHP_HD SHP_INLINE int shp_kirchhoff_locate(double u, double *t)
{
    const double x = (u - SHP_KIRCHHOFF_U0) * (1.0 / SHP_KIRCHHOFF_DU);
    if (x < 0.0) return -1;
    if (x >= SHP_KIRCHHOFF_POINTS - 1) return SHP_KIRCHHOFF_POINTS - 1;
    const int k = (int)x;
    *t = x - k;
    return k;
}

/* Ψ(h) at a known u = ln(−h) (h < 0; any u where h ≥ 0). */
SHP_HD SHP_INLINE double shp_kirchhoff_eval_at(const double *SHP_RESTRICT tab, double h, double u)
{
    if (!(h < 0.0)) return -tab[0] * h;
    double t = 0.0;
    const int k = shp_kirchhoff_locate(u, &t);
    const double *p = tab + 1;
    if (k < 0) return p[0] * (-h) * exp(-SHP_KIRCHHOFF_U0);
    if (k == SHP_KIRCHHOFF_POINTS - 1) {
        const double *q = p + 3 * k, ut = SHP_KIRCHHOFF_U0 + k * SHP_KIRCHHOFF_DU;
        return q[0] + q[1] * (1.0 - exp(-(u - ut)));
    }
    double c[6];
    shp_kirchhoff_cell(tab, k, c);
    return c[0] + t * (c[1] + t * (c[2] + t * (c[3] + t * (c[4] + t * c[5]))));
}

/* Ψ(h) from a finished table: −K_s h where h ≥ 0, linear in h above |h| = e^U0 (the
 * slope is Ψ(U0)/e^U0), and beyond the last point the tail Ψ_T + Ψ'_T (1 − e^{−(u − u_T)}),
 * bounded and C¹. *u_out (may be NULL) receives u = ln(−h) for shp_kirchhoff_mean (0 where
 * h ≥ 0). */
SHP_HD SHP_INLINE double shp_kirchhoff_eval_u(const double *SHP_RESTRICT tab, double h,
                                             double *u_out)
{
    const double u = h < 0.0 ? log(-h) : 0.0;
    if (u_out) *u_out = u;
    return shp_kirchhoff_eval_at(tab, h, u);
}

SHP_HD SHP_INLINE double shp_kirchhoff_eval(const double *SHP_RESTRICT tab, double h)
{
    return shp_kirchhoff_eval_u(tab, h, 0);
}

/* K as the table has it, −dΨ/dh of the interpolant at h (u = ln(−h) for h < 0): K
 * itself at the points, and between them within the interpolation error. The exact
 * derivative of a kirchhoff face's flux needs this one. */
SHP_HD SHP_INLINE double shp_kirchhoff_K_u(const double *SHP_RESTRICT tab, double h, double u)
{
    if (!(h < 0.0)) return tab[0];
    double t = 0.0;
    const int k = shp_kirchhoff_locate(u, &t);
    const double *p = tab + 1;
    if (k < 0) return p[0] * exp(-SHP_KIRCHHOFF_U0);
    if (k == SHP_KIRCHHOFF_POINTS - 1) {
        const double *q = p + 3 * k, ut = SHP_KIRCHHOFF_U0 + k * SHP_KIRCHHOFF_DU;
        return q[1] * exp(-(u - ut)) / (-h);
    }
    double c[6];
    shp_kirchhoff_cell(tab, k, c);
    const double dpsi_du =
        (c[1] + t * (2.0 * c[2] + t * (3.0 * c[3] + t * (4.0 * c[4] + t * 5.0 * c[5])))) *
        (1.0 / SHP_KIRCHHOFF_DU);
    return dpsi_du / (-h);
}

/* Divided difference (P(ta) − P(tb))/(ta − tb) of the cell polynomial, exact also for
 * ta = tb (then P'(ta)): no cancellation, however close the two points. */
SHP_HD SHP_INLINE double shp_kirchhoff_dd(const double *c, double ta, double tb)
{
    double dd = 0.0, pw_a = 1.0; /* Σ_k c_k Σ_{m<k} ta^m tb^{k−1−m}, by a running sum */
    double s = 0.0;              /* s_k = Σ_{m<k} ta^m tb^{k−1−m} = tb s_{k−1} + ta^{k−1} */
    for (int k = 1; k <= 5; ++k) {
        s = tb * s + pw_a;
        pw_a *= ta;
        dd += c[k] * s;
    }
    return dd;
}

/* The mean of K over the heads between h_a and h_b, (1/(h_a − h_b)) ∫_{h_b}^{h_a} K dh,
 * given their potentials Ψ_a, Ψ_b and u = ln(−h) (shp_kirchhoff_eval_u). Heads more than
 * 1 % apart take the difference of the potentials; closer ones the divided difference of
 * the interpolant itself, the same integral without the cancellation, so the mean is one
 * smooth function of the two heads (its limit at h_a = h_b is the tabulated K). */
SHP_HD SHP_INLINE double shp_kirchhoff_mean_u(const double *SHP_RESTRICT tab, double ha,
                                              double hb, double Pa, double Pb, double ua,
                                              double ub)
{
    const double hs = -exp(SHP_KIRCHHOFF_U0); /* above it Ψ is piecewise linear */
    if (ha >= hs && hb >= hs) {
        if (ha == hb) return ha >= 0.0 ? tab[0] : tab[1] * exp(-SHP_KIRCHHOFF_U0);
        const double lo = fmin(ha, hb), hi = fmax(ha, hb);
        const double neg = fmin(hi, 0.0) - fmin(lo, 0.0), pos = fmax(hi, 0.0) - fmax(lo, 0.0);
        return (tab[0] * pos + tab[1] * exp(-SHP_KIRCHHOFF_U0) * neg) / (hi - lo);
    }
    const double x = (ha - hb) / hb; /* h_a/h_b − 1 */
    if (!(ha < 0.0 && hb < 0.0) || fabs(x) >= 0.01) return (Pb - Pa) / (ha - hb);
    const double du = x != 0.0 ? log1p(x) : 0.0; /* u_a − u_b, accurate however small */
    double ta = 0.0, tb = 0.0;
    const int ka = shp_kirchhoff_locate(ua, &ta), kb = shp_kirchhoff_locate(ub, &tb);
    if (ka < 0 || kb < 0 || ka == SHP_KIRCHHOFF_POINTS - 1 || kb == SHP_KIRCHHOFF_POINTS - 1)
        return (Pb - Pa) / (ha - hb);
    double ca[6], dd;
    shp_kirchhoff_cell(tab, ka, ca);
    if (ka == kb) {
        dd = shp_kirchhoff_dd(ca, ta, tb);
    } else { /* adjacent cells (1 % < Δu): split at the point between them */
        double cb[6];
        shp_kirchhoff_cell(tab, kb, cb);
        const double dd_a = shp_kirchhoff_dd(ca, ta, ka < kb ? 1.0 : 0.0);
        const double dd_b = shp_kirchhoff_dd(cb, ka < kb ? 0.0 : 1.0, tb);
        const double um = SHP_KIRCHHOFF_U0 + SHP_KIRCHHOFF_DU * (ka < kb ? kb : ka);
        const double w = du != 0.0 ? fmin(fmax((ua - um) / du, 0.0), 1.0) : 0.5;
        dd = dd_b + (dd_a - dd_b) * w;
    }
    /* ΔΨ = dd Δu/Δu_table; (u_a − u_b)/(h_a − h_b) = log1p(x)/(x h_b) */
    const double r = (x != 0.0 ? du / x : 1.0) / hb;
    return -dd * r * (1.0 / SHP_KIRCHHOFF_DU);
}

SHP_HD SHP_INLINE double shp_kirchhoff_mean(const double *SHP_RESTRICT tab, double ha,
                                            double hb, double Pa, double Pb)
{
    return shp_kirchhoff_mean_u(tab, ha, hb, Pa, Pb, ha < 0.0 ? log(-ha) : 0.0,
                                hb < 0.0 ? log(-hb) : 0.0);
}

#ifdef __cplusplus
}
#endif

#endif
