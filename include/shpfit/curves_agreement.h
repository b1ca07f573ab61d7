/* Agreement of a fitted hydraulic curve with a given (true) one, as in Tables 4–8 of
 * seed 002: 50 points on h(θ) at equal suctions and 50 on K(θ) at equal
 * conductivities, compared in θ with MAE, RMSE, PBIAS and NS (shpfit/metrics.h).
 *
 * Retention: suctions log-spaced from psi_min to psi_max; at each, θ_true(h) and
 * θ_fit(h). Conductivity: conductivities log-spaced over the range both curves span
 * between saturation and psi_max; at each, the θ at which each curve has that K
 * (found by bisection on ln ψ: K is monotone in h). */
#ifndef SHPFIT_CURVES_AGREEMENT_H
#define SHPFIT_CURVES_AGREEMENT_H

#include "metrics.h"
#include "physics/hydraulics.h"
#include "status.h"

#ifdef __cplusplus
extern "C" {
#endif

#define SHP_AGREEMENT_POINTS 50

typedef struct {
    shp_metrics retention;    /* θ_fit vs θ_true at equal suctions */
    shp_metrics conductivity; /* θ_fit vs θ_true at equal conductivities */
    double k_lo, k_hi;        /* conductivity range compared */
} shp_curve_agreement;

/* psi_min, psi_max: suction range in the materials' length unit (seed: 1 to 1e4 cm). */
shp_status shp_curve_agreement_compute(const shp_material *truth, const shp_material *fit, double psi_min,
                                       double psi_max, shp_curve_agreement *a);

/* θ where K(h) = k (0 < k < Ks), by bisection on ln ψ over [1e-12, psi_hi]. */
double shp_theta_at_conductivity(const shp_material *m, double k, double psi_hi);

#ifdef __cplusplus
}
#endif

#endif
