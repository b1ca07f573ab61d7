/* Parameter uncertainty at an optimum, linearised: standard errors, 95 % confidence
 * intervals and correlations from the residuals' exact Jacobian (docs/fit-reference.md,
 * "Uncertainty").
 *
 * With J the Jacobian of the (ψ-scaled) residuals r in the unit coordinates u at the
 * optimum, m residuals and p variables, the covariance of u is s² (JᵀJ)⁻¹ with
 * s² = Σ r² / (m − p) (the residuals' own scatter: no σ needs to be known, as in
 * HYDRUS-1D's FIT.OUT and RETC). It is mapped to each variable's value through its scale
 * (delta method: SE = |dx/du| SE_u); the 95 % interval is u ± t SE_u with Student's t at
 * m − p degrees of freedom, transformed to the value (so a log-scaled variable has an
 * interval symmetric in log x). Flags: a variable within 1e−6 of a bound (the quadratic
 * model does not hold there), a correlation above 0.95 in magnitude, a condition number of
 * the column-scaled JᵀJ above 1e10 (the data do not determine some combination of the
 * variables: its direction is reported). The library computes; the application prints. */
#ifndef SHPFIT_UNCERTAINTY_H
#define SHPFIT_UNCERTAINTY_H

#include "batch.h"
#include "problem.h"

#ifdef __cplusplus
extern "C" {
#endif

#define SHP_UNC_BOUND_TOL 1e-6      /* unit-coordinate distance that counts as on a bound */
#define SHP_UNC_CORR_FLAG 0.95      /* |correlation| above which a pair is flagged */
#define SHP_UNC_COND_FLAG 1e10      /* condition number above which a direction is flagged */

typedef struct {
    int status;     /* SHP_OK; SHP_ERR_INVALID: the point failed, or m ≤ p; SHP_ERR_NOMEM */
    int dim, n_res, dof;
    double s2;      /* Σ r² / (m − p) */
    double t95;     /* Student's t, two-sided 95 %, at dof */
    double value[SHP_MAX_FREE]; /* the variables' values (config units, ratios as ratios) */
    double se[SHP_MAX_FREE];    /* standard errors of the values; +inf where undetermined */
    double lo[SHP_MAX_FREE], hi[SHP_MAX_FREE]; /* 95 % intervals (clipped to nothing: may
                                                  leave the bounds) */
    int at_bound[SHP_MAX_FREE]; /* −1 on the lower bound, +1 on the upper, 0 inside */
    double corr[SHP_MAX_FREE * SHP_MAX_FREE]; /* row-major, dim × dim */
    double cond;                /* condition number of the column-scaled JᵀJ */
    double weakest[SHP_MAX_FREE]; /* unit eigenvector of its smallest eigenvalue */
    int singular;               /* JᵀJ not invertible in double precision: no se */
    double cov_u[SHP_MAX_FREE * SHP_MAX_FREE]; /* covariance of the unit coordinates (NaN
                                                  when singular), dim × dim */
} shp_uncertainty;

/* Compute at u (the optimum, dim unit coordinates) with one batch of one column with
 * sensitivities on be. Returns out->status. */
shp_status shp_uncertainty_at(shp_problem *pb, shp_backend *be, const double *u, shp_uncertainty *out);
/* The same from the residuals r (shp_problem_n_residuals) and their Jacobian J (n_res ×
 * dim) at u, evaluated by the caller; ok = 0 (the column failed) or r NULL leaves the
 * status SHP_ERR_INVALID. Returns out->status. */
shp_status shp_uncertainty_from_jacobian(const shp_problem *pb, const double *u, const double *r, const double *J, int ok,
                                         shp_uncertainty *out);

/* The 95 % confidence band of material mat's retention and conductivity curves at head h
 * (delta method through the parameters the variables set): half-widths of θ(h) and of
 * log10 K(h), t·sqrt(gᵀ C g) with g the curve's gradient in the unit coordinates u (the
 * point unc was computed at). SHP_ERR_INVALID (NaN half-widths) when unc has no
 * covariance. */
shp_status shp_uncertainty_band(const shp_problem *pb, const shp_uncertainty *unc, const double *u, int mat,
                                double h, double *theta_half, double *log10K_half);

/* The flags as counts: variables on a bound, correlated pairs, and whether the
 * conditioning is flagged. */
int shp_uncertainty_flags(const shp_uncertainty *u, int *n_bound, int *n_corr, int *ill);

/* Student's t quantile: P(|T| ≤ t) = level for dof degrees of freedom (level in (0, 1)). */
double shp_student_t_two_sided(double level, int dof);

#ifdef __cplusplus
}
#endif

#endif
