/* Root weights from a root distribution, named Feddes functions, Beer's-law partition
 * (include/shpfit/roots.h). */
#include <math.h>
#include <stddef.h>
#include <string.h>

#include "shpfit/roots.h"
#include "shpfit/status.h"

/* ∫ over [a, c] of the piecewise-linear function through (z[k], b[k]), 0 outside
 * [z[0], z[m−1]]: exact, segment by segment. */
static double linear_integral(const double *z, const double *b, int m, double a, double c)
{
    double s = 0.0;
    for (int k = 0; k + 1 < m; ++k) {
        const double lo = fmax(a, z[k]), hi = fmin(c, z[k + 1]);
        if (!(hi > lo)) continue;
        const double slope = (b[k + 1] - b[k]) / (z[k + 1] - z[k]);
        s += (hi - lo) * (b[k] + slope * (0.5 * (lo + hi) - z[k]));
    }
    return s;
}

static double dist_integral(const shp_root_distribution *d, double a, double c)
{
    if (d->shape == SHP_ROOTS_EXPONENTIAL) {
        const double lo = fmax(a, 0.0), hi = fmin(c, d->depth);
        return hi > lo ? d->scale * (exp(-lo / d->scale) - exp(-hi / d->scale)) : 0.0;
    }
    if (d->shape == SHP_ROOTS_TABLE) return linear_integral(d->z, d->b, d->n, a, c);
    const double z[2] = {0.0, d->depth};
    const double b[2] = {1.0, d->shape == SHP_ROOTS_UNIFORM ? 1.0 : 0.0};
    return linear_integral(z, b, 2, a, c);
}

static int dist_valid(const shp_root_distribution *d)
{
    switch (d->shape) {
    case SHP_ROOTS_UNIFORM:
    case SHP_ROOTS_LINEAR: return d->depth > 0.0 && isfinite(d->depth);
    case SHP_ROOTS_EXPONENTIAL: return d->depth > 0.0 && isfinite(d->depth) && d->scale > 0.0 && isfinite(d->scale);
    case SHP_ROOTS_TABLE:
        if (d->n < 2 || !d->z || !d->b || !(d->z[0] >= 0.0)) return 0;
        for (int k = 0; k < d->n; ++k)
            if (!(d->b[k] >= 0.0) || !isfinite(d->b[k]) || !isfinite(d->z[k]) || (k && !(d->z[k] > d->z[k - 1])))
                return 0;
        return 1;
    default: return 0;
    }
}

shp_status shp_root_weights(const shp_root_distribution *d, int n, const double *z, double *w)
{
    if (!d || !z || !w || n < 2 || !dist_valid(d)) return SHP_ERR_INVALID;
    double sum = 0.0;
    for (int i = 0; i < n; ++i) {
        const double a = i == 0 ? z[0] : 0.5 * (z[i - 1] + z[i]);
        const double c = i == n - 1 ? z[n - 1] : 0.5 * (z[i] + z[i + 1]);
        w[i] = dist_integral(d, a, c);
        sum += w[i];
    }
    if (!(sum > 0.0)) return SHP_ERR_INVALID;
    for (int i = 0; i < n; ++i) w[i] /= sum;
    return SHP_OK;
}

const char *const shp_feddes_names[] = {"pasture", "grass", NULL};

shp_status shp_feddes_named(const char *name, double cm_per_length, double min_per_time, shp_feddes *f)
{
    if (!name || !f || !(cm_per_length > 0.0) || !(min_per_time > 0.0)) return SHP_ERR_INVALID;
    if (strcmp(name, "pasture") != 0 && strcmp(name, "grass") != 0) return SHP_ERR_INVALID;
    const double per_day = min_per_time / 1440.0 / cm_per_length; /* cm/d → L/T */
    *f = (shp_feddes){-10.0 / cm_per_length, -25.0 / cm_per_length, -200.0 / cm_per_length, -800.0 / cm_per_length,
                      -8000.0 / cm_per_length, 0.5 * per_day, 0.1 * per_day};
    return SHP_OK;
}

shp_status shp_feddes_check(const shp_feddes *f)
{
    const double v[7] = {f->h1, f->h2, f->h3h, f->h3l, f->h4, f->r2h, f->r2l};
    for (int k = 0; k < 7; ++k)
        if (!isfinite(v[k])) return SHP_ERR_INVALID;
    return f->h4 < f->h3l && f->h3l <= f->h3h && f->h3h < f->h2 && f->h2 <= f->h1 && f->h1 <= 0.0 &&
                   f->r2h > f->r2l && f->r2l >= 0.0
               ? SHP_OK
               : SHP_ERR_INVALID;
}

double shp_beer_transpiration_share(double lai, double k)
{
    return lai > 0.0 ? 1.0 - exp(-k * lai) : 0.0;
}
