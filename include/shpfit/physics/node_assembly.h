/* Per-node arithmetic of the column solver, shared by the CPU and GPU backends.
 *
 * Mixed-form Richards equation with depth z positive downward,
 *   ∂W/∂t = ∂/∂z [ K (∂h/∂z − 1) ],   downward flux q = K (1 − ∂h/∂z),
 * discretised in space by lumped-mass finite differences on a non-uniform node grid
 * and in time by backward Euler. The discrete equation of node i is the residual
 *   F_i(h) = vol_i (W(h_i) − W_i^n)/Δt − q_{i−1/2}(h) + q_{i+1/2}(h),
 *   q_{i+1/2} = K_{i+1/2} (1 − (h_{i+1} − h_i)/Δz_{i+1/2}),
 * written in terms of the water content W, so that mass is conserved to the size of
 * the residual (Celia, Bouloutas & Zarba 1990, eq. 17). Each iteration solves
 * J δ = −F and sets h ← h + δ. With J's conductivity-derivative terms the iteration is
 * Newton's method; without them it is exactly Celia's modified Picard scheme. */
#ifndef SHPFIT_PHYSICS_NODE_ASSEMBLY_H
#define SHPFIT_PHYSICS_NODE_ASSEMBLY_H

#include "hd.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    SHP_KMEAN_ARITHMETIC = 0, /* (K_i + K_j)/2, the HYDRUS default */
    SHP_KMEAN_GEOMETRIC,      /* sqrt(K_i K_j) */
    SHP_KMEAN_UPSTREAM,       /* K of the node the water comes from */
    SHP_KMEAN_KIRCHHOFF,      /* capillary flux from ∫K dh, gravity from a Lehmer mean */
    SHP_KMEAN_COUNT
} shp_kmean;

/* One face between upper node i and lower node j: downward flux and its derivatives
 * with respect to h_i and h_j (the conductivity terms only when newton != 0). */
typedef struct {
    double q, dq_dhi, dq_dhj;
} shp_richards_face;

SHP_HD SHP_INLINE shp_richards_face shp_richards_face_eval(int mean, int newton, double Ki, double Kj,
                                                       double dKi, double dKj, double hi, double hj,
                                                       double dz)
{
    const double grad = 1.0 - (hj - hi) / dz; /* total-head gradient driving downward flow */
    double kf, dkf_i, dkf_j;
    switch (mean) {
    case SHP_KMEAN_GEOMETRIC:
        kf = sqrt(Ki * Kj);
        dkf_i = Ki > 0.0 ? 0.5 * kf * dKi / Ki : 0.0;
        dkf_j = Kj > 0.0 ? 0.5 * kf * dKj / Kj : 0.0;
        break;
    case SHP_KMEAN_UPSTREAM:
        if (grad >= 0.0) {
            kf = Ki;
            dkf_i = dKi;
            dkf_j = 0.0;
        } else {
            kf = Kj;
            dkf_i = 0.0;
            dkf_j = dKj;
        }
        break;
    default:
        kf = 0.5 * (Ki + Kj);
        dkf_i = 0.5 * dKi;
        dkf_j = 0.5 * dKj;
        break;
    }
    shp_richards_face f;
    f.q = kf * grad;
    f.dq_dhi = kf / dz + (newton ? dkf_i * grad : 0.0);
    f.dq_dhj = -kf / dz + (newton ? dkf_j * grad : 0.0);
    return f;
}

/* The "kirchhoff" face: downward flux q = k_c (h_i − h_j)/Δz + k_g with
 *   k_c = (1/(h_i − h_j)) ∫_{h_j}^{h_i} K dh   (shp_kirchhoff_mean, physics/kirchhoff.h),
 * the mean of K over the heads between the nodes, and k_g = (K_i + K_j)/2 for gravity.
 * The integral mean is the exact conductance of a steady capillary profile: at a front
 * entering dry soil it is orders of magnitude below (K_i + K_j)/2, which is what makes
 * the arithmetic mean overshoot there (docs/verification.md §9). For gravity the steady
 * two-node flux q, from Δz = ∫ K/(q − K) dh, expands for q ≫ K as
 * q ≈ Ψ-difference/Δz + ∫K² dh / ∫K dh; for K = K_s e^{αh} the second term at a front
 * into dry soil is K_wet/2, the arithmetic mean, and where K varies smoothly every mean
 * agrees to O(ε²). Measured on the twelve seed cases (§10) the arithmetic mean is within
 * 0.07 % for loam, silt and sand on 55 graded nodes; the Lehmer mean L₃, which tends to
 * max(K_i, K_j), overshoots by up to 1 %, and the head-integral mean ∫K² dh/∫K dh itself
 * is no closer for the clay. With newton, q's derivatives:
 * ∂k_c/∂h_i = (K_i − k_c)/(h_i − h_j) from dΨ/dh = −K, and where the heads are within
 * 0.1 % of each other (that difference quotient cancels) the trapezoidal mean's. */
SHP_HD SHP_INLINE shp_richards_face shp_richards_face_kirchhoff(int newton, double Ki, double Kj,
                                                            double dKi, double dKj, double kc,
                                                            double Kci, double Kcj, double hi,
                                                            double hj, double dz)
{
    /* Kci, Kcj: −dΨ/dh at the nodes, K itself or (exact Jacobian) the table's own */
    const double dh = hi - hj;
    double dkc_i, dkc_j;
    if (fabs(dh) <= 1e-3 * fmax(fmax(fabs(hi), fabs(hj)), 1e-7)) {
        dkc_i = (5.0 * dKi + dKj) * (1.0 / 12.0);
        dkc_j = (5.0 * dKj + dKi) * (1.0 / 12.0);
    } else {
        dkc_i = (Kci - kc) / dh;
        dkc_j = (kc - Kcj) / dh;
    }
    shp_richards_face f;
    f.q = kc * dh / dz + 0.5 * (Ki + Kj);
    f.dq_dhi = kc / dz + (newton ? dkc_i * dh / dz + 0.5 * dKi : 0.0);
    f.dq_dhj = -kc / dz + (newton ? dkc_j * dh / dz + 0.5 * dKj : 0.0);
    return f;
}

/* Row i of J δ = −F:  a δ_{i−1} + b δ_i + c δ_{i+1} = r.  `up` and `dn` are the faces
 * above and below the node; a prescribed boundary flux is a face whose derivatives
 * are zero (or K' for free drainage), so boundaries need no special case here.
 * Returns F_i (per unit time) for the convergence and water-balance checks. */
SHP_HD SHP_INLINE double shp_richards_row(double vol_dt, double Cw, double W, double W_old,
                                          shp_richards_face up, shp_richards_face dn, double *a, double *b,
                                          double *c, double *r)
{
    const double F = vol_dt * (W - W_old) - up.q + dn.q;
    *a = -up.dq_dhi;
    *b = vol_dt * Cw - up.dq_dhj + dn.dq_dhi;
    *c = dn.dq_dhj;
    *r = -F;
    return F;
}

/* Lumped-mass control volume of node i on nodes z[0..n−1] (half cells at the ends). */
SHP_HD SHP_INLINE double shp_richards_node_volume(const double *z, int n, int i)
{
    if (i == 0) return 0.5 * (z[1] - z[0]);
    if (i == n - 1) return 0.5 * (z[n - 1] - z[n - 2]);
    return 0.5 * (z[i + 1] - z[i - 1]);
}

/* Convergence measure of one node (≤ 1 means converged): |ΔW|/tol_theta where the
 * node is unsaturated, |Δh|/tol_h where it is saturated. Non-finite → +inf. */
SHP_HD SHP_INLINE double shp_richards_conv_measure(double h_new, double h_prev, double W_new,
                                                   double W_prev, double tol_theta, double tol_h)
{
    const double m = (h_new < 0.0 || h_prev < 0.0) ? fabs(W_new - W_prev) / tol_theta : fabs(h_new - h_prev) / tol_h;
    return m <= 1.0e300 ? m : HUGE_VAL;
}

#ifdef __cplusplus
}
#endif

#endif
