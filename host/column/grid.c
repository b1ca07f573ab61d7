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

/* A sum within 1e-12 of the depth has reached it: rounding must not cost a whole cell. */
static int reaches(double sum, double depth) { return sum >= depth * (1.0 - 1e-12); }

long shp_grid_graded_nodes(double depth, double dz_top, double ratio, double dz_max, long max_nodes)
{
    if (!(depth > 0.0 && dz_top > 0.0 && dz_max >= dz_top && ratio >= 1.0 && max_nodes >= 2))
        return 0;
    double sum = 0.0, dz = dz_top;
    long cells = 0;
    while (!reaches(sum, depth)) {
        if (dz >= dz_max || ratio == 1.0) { /* every further cell is the same: count them at once */
            const double step = dz < dz_max ? dz : dz_max;
            const double rest = ceil((depth - sum) / step * (1.0 - 1e-12));
            if (!(rest < (double)(max_nodes - cells))) return max_nodes + 1;
            cells += (long)rest;
            break;
        }
        sum += dz;
        dz *= ratio;
        if (++cells >= max_nodes) return max_nodes + 1;
    }
    return cells + 1;
}

void shp_grid_graded(int n, double depth, double dz_top, double ratio, double dz_max, double *z)
{
    const int cells = n - 1;
    /* The nominal cells min(dz_top·ratio^k, dz_max) overshoot the depth by less than one
     * cell. Rather than cut the last cell to a sliver, the cap is lowered to the c at
     * which the same number of cells fills the depth exactly: the u cells below c keep
     * their geometric sizes, the rest are all c. Cells stay non-decreasing, and each is
     * at most `ratio` times the one above. z[k+1] holds geometric cell k meanwhile. */
    int below = 0; /* geometric cells below dz_max */
    double g = dz_top, P = 0.0;
    while (below < cells && g < dz_max) {
        z[below + 1] = g;
        P += g;
        g *= ratio;
        ++below;
    }
    int u = below;
    if (u == cells) P -= z[u--]; /* at least one cell takes the remainder */
    double c = (depth - P) / (double)(cells - u);
    /* c is valid once it is no smaller than the last geometric cell kept; each step back
     * moves c toward that cell, so the first valid u is the solution. u = 0 (c ≤ dz_top)
     * only when the cells cannot grow at all: a uniform grid of depth/cells. */
    while (u > 0 && c < z[u]) {
        P -= z[u--];
        c = (depth - P) / (double)(cells - u);
    }
    z[0] = 0.0;
    for (int k = 0; k < cells; ++k) z[k + 1] = z[k] + (k < u ? z[k + 1] : c);
    z[cells] = depth;
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
