/* The posterior's density: the prior of the search variables and the Gaussian
 * likelihood of a candidate's residuals (shpfit/posterior.h). */
#include <float.h>
#include <math.h>

#include "shpfit/posterior.h"

/* ln |dx/du| of variable j at u: a linear variable's range, or x ln(hi/lo) for a
 * log-scaled one (x = lo (hi/lo)^u). */
static double log_jacobian(const shp_problem *pb, int j, double x)
{
    double lo, hi;
    int lg;
    shp_problem_var_bounds(pb, j, &lo, &hi, &lg);
    return lg ? log(x) + log(log(hi / lo)) : log(hi - lo);
}

double shp_posterior_log_prior(const shp_problem *pb, const shp_posterior_options *o, const double *u)
{
    double lp = 0.0;
    for (int j = 0; j < shp_problem_dim(pb); ++j) {
        if (!(u[j] >= 0.0 && u[j] <= 1.0)) return -INFINITY;
        const shp_prior *p = &o->prior[j];
        if (p->kind == SHP_PRIOR_SCALE) continue; /* uniform in u: a constant */
        const double x = shp_problem_var_value(pb, j, u[j]);
        double z;
        switch (p->kind) {
        case SHP_PRIOR_UNIFORM:
            if (x < p->a || x > p->b) return -INFINITY;
            lp += -log(p->b - p->a);
            break;
        case SHP_PRIOR_LOG_UNIFORM:
            if (x < p->a || x > p->b) return -INFINITY;
            lp += -log(x) - log(log(p->b / p->a));
            break;
        case SHP_PRIOR_NORMAL:
            z = (x - p->a) / p->b;
            lp += -0.5 * z * z;
            break;
        case SHP_PRIOR_LOGNORMAL:
            if (!(x > 0.0)) return -INFINITY;
            z = (log(x) - log(p->a)) / p->b;
            lp += -log(x) - 0.5 * z * z;
            break;
        default:
            break;
        }
        lp += log_jacobian(pb, j, x); /* the value's density carried to u */
    }
    return lp;
}

double shp_posterior_log_likelihood(const shp_problem *pb, const shp_posterior_options *o, const double *r)
{
    double ll = 0.0;
    int off = 0;
    for (int k = 0; k < shp_problem_n_obj(pb); ++k) {
        const int n = shp_problem_obj_points(pb, k), kind = shp_problem_obj_kind(pb, k);
        double ss = 0.0;
        for (int i = 0; i < n; ++i) ss += r[off + i] * r[off + i];
        off += n;
        if (!isfinite(ss)) return -INFINITY;
        if (o->sigma_known) {
            const double scale = shp_problem_residual_scale(pb, kind), s = o->sigma[kind];
            ll += -n * log(s) - ss * scale * scale / (2.0 * s * s);
        } else {
            /* σ_k integrated out under 1/σ_k: the residuals' scale is a constant factor of
             * the sum of squares, so the scaled residuals serve; a perfect fit is held at
             * the smallest normal number rather than +inf */
            ll += -0.5 * n * log(fmax(ss, DBL_MIN));
        }
    }
    return ll;
}
