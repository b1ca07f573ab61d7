/* Curve agreement (shpfit/curves_agreement.h). */
#include "shpfit/curves_agreement.h"

#include <math.h>

#include "shpfit/status.h"

static double K_at(const shp_material *m, double psi)
{
    double th, K, C, dK;
    shp_hyd_eval(m, -psi, &th, &K, &C, &dK);
    return K;
}

static double theta_at(const shp_material *m, double psi)
{
    double th, K, C, dK;
    shp_hyd_eval(m, -psi, &th, &K, &C, &dK);
    return th;
}

double shp_theta_at_conductivity(const shp_material *m, double k, double psi_hi)
{
    double lo = log(1e-12), hi = log(psi_hi); /* K(lo) ≥ k ≥ K(hi) */
    if (!(K_at(m, exp(hi)) <= k && K_at(m, exp(lo)) >= k)) return NAN;
    for (int it = 0; it < 200 && hi - lo > 1e-13; ++it) {
        const double mid = 0.5 * (lo + hi);
        if (K_at(m, exp(mid)) >= k) lo = mid;
        else hi = mid;
    }
    return theta_at(m, exp(0.5 * (lo + hi)));
}

shp_status shp_curve_agreement_compute(const shp_material *truth, const shp_material *fit, double psi_min,
                                       double psi_max, shp_curve_agreement *a)
{
    enum { N = SHP_AGREEMENT_POINTS };
    double st[N], sf[N];
    if (!(psi_min > 0.0 && psi_max > psi_min)) return SHP_ERR_INVALID;
    for (int i = 0; i < N; ++i) {
        const double psi = psi_min * pow(psi_max / psi_min, (double)i / (N - 1));
        st[i] = theta_at(truth, psi);
        sf[i] = theta_at(fit, psi);
    }
    shp_metrics_compute(sf, st, N, &a->retention);
    /* conductivities both curves reach between just below saturation and psi_max */
    const double top = fmin(K_at(truth, psi_min), K_at(fit, psi_min));
    const double bottom = fmax(K_at(truth, psi_max), K_at(fit, psi_max));
    a->k_lo = bottom;
    a->k_hi = top;
    if (!(bottom > 0.0 && top > bottom)) return SHP_ERR_INVALID;
    for (int i = 0; i < N; ++i) {
        const double k = bottom * pow(top / bottom, (double)i / (N - 1));
        st[i] = shp_theta_at_conductivity(truth, k, psi_max);
        sf[i] = shp_theta_at_conductivity(fit, k, psi_max);
    }
    shp_metrics_compute(sf, st, N, &a->conductivity);
    return SHP_OK;
}
