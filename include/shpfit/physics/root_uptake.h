/* Root water uptake: the sink term S(h, z) = α(h) b(z) T_p of the Richards equation
 * (Feddes, Kowalik & Zaradny 1978, Simulation of field water use and crop yield, Pudoc,
 * Wageningen), as HYDRUS-1D computes it (Šimůnek et al. 2013, HYDRUS-1D manual v4.17,
 * eqs. 2.4–2.5 and fig. 2.1): uncompensated, with the transpiration-dependent h3.
 * Shared by the CPU and GPU backends. */
#ifndef SHPFIT_PHYSICS_ROOT_UPTAKE_H
#define SHPFIT_PHYSICS_ROOT_UPTAKE_H

#include "hd.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The four heads of the stress function [L], h4 < h3l ≤ h3h < h2 ≤ h1 ≤ 0 (HYDRUS names
 * P0, P2H, P2L, P3 and POpt), and the potential transpiration rates r2h > r2l [L/T]
 * between which h3 moves from h3h (at high demand) to h3l. */
typedef struct {
    double h1;  /* anaerobiosis point: no uptake above it */
    double h2;  /* uptake is optimal from h2 ... */
    double h3h; /* ... to h3, which is h3h when T_p ≥ r2h */
    double h3l; /* and h3l when T_p ≤ r2l, linear in T_p between */
    double h4;  /* wilting point: no uptake below it */
    double r2h, r2l;
} shp_feddes;

/* h3 at potential transpiration rate tp (Feddes et al. 1978; HYDRUS manual fig. 2.1). */
SHP_HD SHP_INLINE double shp_feddes_h3(const shp_feddes *f, double tp)
{
    if (tp >= f->r2h) return f->h3h;
    if (tp <= f->r2l) return f->h3l;
    return f->h3h + (f->h3l - f->h3h) * (f->r2h - tp) / (f->r2h - f->r2l);
}

/* α(h) ∈ [0, 1] and dα/dh: 0 above h1, rising linearly to 1 at h2, 1 down to h3,
 * falling linearly to 0 at h4, 0 below. */
SHP_HD SHP_INLINE double shp_feddes_alpha(const shp_feddes *f, double h3, double h, double *dalpha)
{
    *dalpha = 0.0;
    if (h > f->h1 || h < f->h4) return 0.0;
    if (h > f->h2) { /* so h1 > h2 */
        *dalpha = -1.0 / (f->h1 - f->h2);
        return (f->h1 - h) / (f->h1 - f->h2);
    }
    if (h >= h3) return 1.0;
    *dalpha = 1.0 / (h3 - f->h4);
    return (h - f->h4) / (h3 - f->h4);
}

#ifdef __cplusplus
}
#endif

#endif
