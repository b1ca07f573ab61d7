/* Tridiagonal solve of one column's system a_i x_{i−1} + b_i x_i + c_i x_{i+1} = d_i.
 * The Thomas algorithm is the CPU path and the test oracle; on a GPU team the CUDA
 * backend replaces it with a parallel (cyclic-reduction) solver behind the same call. */
#ifndef SHPFIT_CORE_TRIDIAG_H
#define SHPFIT_CORE_TRIDIAG_H

#include "team.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Thomas algorithm; cp is scratch of n doubles; x may be d (solved in place).
 * No pivoting: the Picard matrix is an M-matrix for every Δt > 0, and the Newton
 * matrix adds only the conductivity-derivative terms to it. */
SHP_HD SHP_INLINE void shp_thomas(int n, const double *a, const double *b, const double *c,
                                  const double *d, double *cp, double *x)
{
    double beta = b[0];
    x[0] = d[0] / beta;
    for (int i = 1; i < n; ++i) {
        cp[i] = c[i - 1] / beta;
        beta = b[i] - a[i] * cp[i];
        x[i] = (d[i] - a[i] * x[i - 1]) / beta;
    }
    for (int i = n - 2; i >= 0; --i)
        x[i] -= cp[i + 1] * x[i + 1];
}

/* Team solve: every member returns with x complete. */
SHP_HD SHP_INLINE void shp_team_tridiag(const shp_team *t, int n, const double *a, const double *b,
                                        const double *c, const double *d, double *cp, double *x)
{
    shp_team_sync(t);
    if (t->rank == 0) shp_thomas(n, a, b, c, d, cp, x);
    shp_team_sync(t);
}

#ifdef __cplusplus
}
#endif

#endif
