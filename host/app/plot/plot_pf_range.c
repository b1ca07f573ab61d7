/* The pF range a retention or conductivity plot shows (plot/plot.h). */
#include <math.h>

#include "plot/plot.h"
#include "shpfit/physics/hydraulics.h"

#define PF_LO -2.0
#define PF_HI 7.0
#define PF_STEP 0.05

/* Where material m's θ moves: Se between 0.005 and 0.995 of its range (heads in the
 * material's length unit, cm_per_length cm each). */
static void model_span(const shp_material *m, double cm_per_length, double *a, double *b)
{
    double tmin, tmax;
    shp_hyd_theta_limits(m, &tmin, &tmax);
    const double w = tmax - tmin;
    for (double pf = PF_LO; pf <= PF_HI + 1e-9; pf += PF_STEP) {
        double th, K, C, dK;
        shp_hyd_eval(m, -pow(10.0, pf) / cm_per_length, &th, &K, &C, &dK);
        const double se = w > 0.0 ? (th - tmin) / w : 0.5;
        if (se < 0.995 && se > 0.005) {
            *a = fmin(*a, pf);
            *b = fmax(*b, pf);
        }
    }
}

void shp_plot_pf_range(const shp_material *mats, int n_mats, double cm_per_length, const double *h, int n_obs,
                       double *lo, double *hi)
{
    double a = INFINITY, b = -INFINITY;
    for (int i = 0; i < n_obs; ++i)
        if (h[i] < 0.0) {
            const double pf = log10(-h[i] * cm_per_length);
            a = fmin(a, pf);
            b = fmax(b, pf);
        }
    if (!(a <= b)) /* no data: where the curves change */
        for (int i = 0; i < n_mats; ++i) model_span(&mats[i], cm_per_length, &a, &b);
    if (!(a <= b)) {
        *lo = PF_LO;
        *hi = PF_HI;
        return;
    }
    /* half a unit beyond, on half units */
    *lo = fmax(PF_LO, floor(2.0 * a - 1.0) / 2.0);
    *hi = fmin(PF_HI, ceil(2.0 * b + 1.0) / 2.0);
}
