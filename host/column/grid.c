/* Node grids and profile interpolation. */
#include "shpfit/column.h"

#include <math.h>

void shp_grid_uniform(int n, double depth, double *z)
{
    for (int i = 0; i < n; ++i) z[i] = depth * (double)i / (double)(n - 1);
    z[n - 1] = depth;
}

void shp_grid_geometric(int n, double depth, double ratio, double *z)
{
    if (fabs(ratio - 1.0) < 1e-12) {
        shp_grid_uniform(n, depth, z);
        return;
    }
    /* Σ_{k<n−1} dz0 r^k = depth → dz0 = depth (r − 1)/(r^{n−1} − 1) */
    const double dz0 = depth * (ratio - 1.0) / (pow(ratio, n - 1) - 1.0);
    double dz = dz0, d = 0.0;
    z[0] = 0.0;
    for (int i = 1; i < n; ++i) {
        d += dz;
        z[i] = d;
        dz *= ratio;
    }
    z[n - 1] = depth;
}

int shp_grid_locate(const double *z, int n, double depth, int *node, double *w)
{
    if (!(depth >= z[0] && depth <= z[n - 1])) return -1;
    int lo = 0, hi = n - 1;
    while (hi - lo > 1) {
        const int mid = (lo + hi) / 2;
        if (z[mid] <= depth) lo = mid;
        else hi = mid;
    }
    if (depth == z[lo]) {
        *node = lo;
        *w = 0.0;
    } else {
        *node = lo;
        *w = (depth - z[lo]) / (z[lo + 1] - z[lo]);
    }
    return 0;
}

double shp_profile_interp(const double *dz, const double *v, int m, double d)
{
    if (d <= dz[0]) return v[0];
    if (d >= dz[m - 1]) return v[m - 1];
    int k = 0;
    while (dz[k + 1] < d) ++k;
    const double w = (d - dz[k]) / (dz[k + 1] - dz[k]);
    return (1.0 - w) * v[k] + w * v[k + 1];
}
