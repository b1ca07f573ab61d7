/* Real-coded GA operators on the unit box, shared by ga, vega and pso_vega:
 * tournament selection, SBX (Deb & Agrawal 1995, bounded form of Deb's NSGA-II code),
 * BLX-α (Eshelman & Schaffer 1993), polynomial mutation (Deb & Goyal 1996, bounded
 * form), Gaussian mutation, Fisher–Yates shuffle. All draws come from the caller's
 * stream, in a fixed order. */
#include "optim/optim_internal.h"

int shp_ga_tournament(shp_rng *r, const double *fit, int stride, int n, int k)
{
    int best = (int)shp_rng_below(r, (uint32_t)n);
    for (int t = 1; t < k; ++t) {
        const int c = (int)shp_rng_below(r, (uint32_t)n);
        const double fc = fit[(long)c * stride], fb = fit[(long)best * stride];
        if (fc < fb || (fc == fb && c < best)) best = c;
    }
    return best;
}

/* SBX on one coordinate pair (y1 < y2), children in [0,1]. */
static void sbx_pair(double eta, double u, double y1, double y2, double *c1, double *c2)
{
    const double dy = y2 - y1, e1 = 1.0 / (eta + 1.0);
    double beta = 1.0 + 2.0 * y1 / dy; /* distance to the lower bound 0 */
    double alpha = 2.0 - pow(beta, -(eta + 1.0));
    double bq = u <= 1.0 / alpha ? pow(u * alpha, e1) : pow(1.0 / (2.0 - u * alpha), e1);
    *c1 = shp_opt_clip(0.5 * ((y1 + y2) - bq * dy));
    beta = 1.0 + 2.0 * (1.0 - y2) / dy; /* distance to the upper bound 1 */
    alpha = 2.0 - pow(beta, -(eta + 1.0));
    bq = u <= 1.0 / alpha ? pow(u * alpha, e1) : pow(1.0 / (2.0 - u * alpha), e1);
    *c2 = shp_opt_clip(0.5 * ((y1 + y2) + bq * dy));
}

void shp_ga_recombine(const shp_opt_settings *s, shp_rng *r, const double *p1, const double *p2, double *c1,
                      double *c2, int dim, int always)
{
    const int cross = always || shp_rng_uniform(r) < s->p_crossover;
    if (!cross) {
        for (int d = 0; d < dim; ++d) {
            c1[d] = p1[d];
            c2[d] = p2[d];
        }
        return;
    }
    if (s->crossover == SHP_CROSSOVER_BLX) {
        for (int d = 0; d < dim; ++d) {
            const double lo = p1[d] < p2[d] ? p1[d] : p2[d], hi = p1[d] < p2[d] ? p2[d] : p1[d];
            const double ext = s->blx_alpha * (hi - lo);
            c1[d] = shp_opt_reflect(shp_rng_range(r, lo - ext, hi + ext));
            c2[d] = shp_opt_reflect(shp_rng_range(r, lo - ext, hi + ext));
        }
        return;
    }
    /* SBX: each coordinate crosses with probability 1/2; the children swap sides with
     * probability 1/2 (Deb's implementation) */
    for (int d = 0; d < dim; ++d) {
        const double u_cross = shp_rng_uniform(r), u = shp_rng_uniform(r), u_swap = shp_rng_uniform(r);
        const double a = p1[d], b = p2[d];
        if (u_cross > 0.5 || fabs(a - b) <= 1e-14) {
            c1[d] = a;
            c2[d] = b;
            continue;
        }
        double lo, hi;
        sbx_pair(s->eta_c, u, a < b ? a : b, a < b ? b : a, &lo, &hi);
        if (u_swap < 0.5) {
            c1[d] = hi;
            c2[d] = lo;
        } else {
            c1[d] = lo;
            c2[d] = hi;
        }
    }
}

double shp_ga_pm(const shp_opt_settings *s, int dim)
{
    return s->p_mutation > 0.0 ? s->p_mutation : 1.0 / dim;
}

void shp_ga_mutate(const shp_opt_settings *s, shp_rng *r, double *x, int dim, double pm)
{
    for (int d = 0; d < dim; ++d) {
        if (shp_rng_uniform(r) >= pm) continue;
        if (s->mutation == SHP_MUTATION_GAUSSIAN) {
            x[d] = shp_opt_reflect(x[d] + s->sigma * shp_rng_normal(r));
            continue;
        }
        /* polynomial mutation, bounded: the perturbation shrinks near a bound */
        const double y = x[d], u = shp_rng_uniform(r), e = s->eta_m + 1.0, ep = 1.0 / e;
        double dq;
        if (u < 0.5) {
            const double v = 2.0 * u + (1.0 - 2.0 * u) * pow(1.0 - y, e);
            dq = pow(v, ep) - 1.0;
        } else {
            const double v = 2.0 * (1.0 - u) + 2.0 * (u - 0.5) * pow(y, e);
            dq = 1.0 - pow(v, ep);
        }
        x[d] = shp_opt_clip(y + dq);
    }
}

void shp_ga_shuffle(shp_rng *r, int *idx, int n)
{
    for (int i = n - 1; i > 0; --i) {
        const int j = (int)shp_rng_below(r, (uint32_t)(i + 1));
        const int t = idx[i];
        idx[i] = idx[j];
        idx[j] = t;
    }
}
