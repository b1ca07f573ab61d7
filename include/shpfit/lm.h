/* Batched Levenberg–Marquardt polish on the unit box, in the same ask–tell style as
 * the population optimizers (shpfit/optim.h): each round hands a batch of candidates
 * to the caller, who evaluates them all at once (one backend call, one GPU launch) and
 * returns their residual vectors. The cost is ½‖r‖²; for the problem's residuals
 * (shp_problem_evaluate_residuals) that is ½ Σ_k ψ_k², zero at a noise-free truth.
 *
 * One iteration is two rounds:
 *   1. the Jacobian by central differences: 2·dim candidates x ± h e_j (one-sided
 *      toward the inside where x_j ± h leaves the box; forward differences, dim
 *      candidates, when settings.central = 0);
 *   2. n_trials trial steps δ(λ) = −(JᵀJ + λ·diag(JᵀJ))⁻¹ Jᵀr for λ spread over
 *      two decades each side of the current damping (Marquardt 1963), each projected
 *      onto [0,1]^dim. The best trial is accepted when it lowers the cost, and the
 *      damping moves to its λ (÷3); otherwise the damping grows ×100 and the same
 *      Jacobian is reused.
 * Trying several λ in one round costs nothing extra in wall time on a batch backend
 * and replaces the sequential λ search of the textbook method.
 *
 *   shp_lm *lm = shp_lm_create(dim, n_res, &settings, x0);
 *   while (!shp_lm_done(lm)) {
 *       int n = shp_lm_ask(lm);                 // candidates: shp_lm_candidates(lm), n × dim
 *       evaluate(..., n, r, ok);                 // r: n × n_res residuals, ok[i] = 0: failed
 *       shp_lm_tell(lm, r, ok);
 *   }
 *   shp_lm_best(lm, x, &cost);
 *
 * With exact Jacobians (settings.jacobian = SHP_LM_JACOBIAN_EXACT: the caller computes
 * each candidate's residual derivatives, e.g. from the column's sensitivities) there is
 * no Jacobian round: every candidate is told with its Jacobian (shp_lm_tell_jacobian),
 * the start point's serves the first trials and an accepted trial's the next ones, so
 * an iteration costs n_trials candidates instead of n_trials + 2·dim.
 *
 * Deterministic: no random numbers. A failed Jacobian point drops its column for that
 * iteration; a failed trial counts as no improvement; a failed start ends the polish
 * with the start point as its answer. */
#ifndef SHPFIT_LM_H
#define SHPFIT_LM_H

#include <stddef.h>

#include "status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
    int max_iterations; /* Jacobian evaluations (default 20) */
    double fd_step;     /* forward-difference step in unit coordinates (default 2e-3: the
                           columns' adaptive time steps make their outputs piecewise smooth
                           at about 1e-6 relative, so smaller steps see that roughness as
                           slope; measured on the seed's loam, 1e-4 stalled at Σψ² ≈ 5e-6
                           while 1e-3 and 3e-3 reached 5e-13 and 1e-14) */
    int n_trials;       /* λ values tried per round (default 4, at most 8) */
    double lambda0;     /* initial damping (default 1e-2) */
    double ftol;        /* stop when an accepted step lowers the cost by less than this
                           fraction (default 1e-10) */
    int central;        /* central differences, 2·dim points per Jacobian (default 1);
                           0: forward, dim points */
    int jacobian;       /* shp_lm_jacobian (default: differences) */
} shp_lm_settings;

typedef enum {
    SHP_LM_JACOBIAN_DIFFERENCES = 0, /* by differences of candidates the polish asks for */
    SHP_LM_JACOBIAN_EXACT            /* told with every candidate (shp_lm_tell_jacobian) */
} shp_lm_jacobian;

shp_lm_settings shp_lm_settings_default(void);

/* SHP_OK, or SHP_ERR_INVALID with the offending field named in msg. */
shp_status shp_lm_check(int dim, int n_res, const shp_lm_settings *s, char *msg, size_t len);

/* The most candidates one round asks for (a Jacobian or a trial batch), for sizing the
 * caller's buffers; s NULL = defaults. */
int shp_lm_max_candidates(int dim, const shp_lm_settings *s);

typedef struct shp_lm shp_lm;

/* A polish of dim unit coordinates from x0 (clamped to [0,1]) with n_res residuals.
 * NULL on invalid arguments or out of memory. */
shp_lm *shp_lm_create(int dim, int n_res, const shp_lm_settings *s, const double *x0);
void shp_lm_destroy(shp_lm *lm);

/* Number of candidates of the next round (0 when done); they are shp_lm_candidates(). */
int shp_lm_ask(shp_lm *lm);
const double *shp_lm_candidates(const shp_lm *lm);
/* Residuals of the asked round: n × n_res, row-major; ok may be NULL (all succeeded).
 * SHP_ERR_INVALID when the settings ask for exact Jacobians. */
shp_status shp_lm_tell(shp_lm *lm, const double *r, const int *ok);
/* With exact Jacobians: residuals as shp_lm_tell and their derivatives J, n × n_res × dim
 * (candidate-major, then residual, then coordinate: ∂r_i/∂x_j of the unit coordinates). */
shp_status shp_lm_tell_jacobian(shp_lm *lm, const double *r, const double *J, const int *ok);

int shp_lm_done(const shp_lm *lm);
/* Best point so far and its cost ½‖r‖² (+inf before the start point is told). */
void shp_lm_best(const shp_lm *lm, double *x, double *cost);
int shp_lm_iterations(const shp_lm *lm);
long shp_lm_evaluations(const shp_lm *lm);

#ifdef __cplusplus
}
#endif

#endif
