/* Initial heads of a column from its initial-condition specification: heads as given,
 * or a water content / effective saturation per node turned into heads through each
 * node's material. Host and device: in an inverse run every candidate has its own
 * materials, so a θ or Se initial state means a different h per candidate (the seed's
 * experiments give θ_initial, not h). */
#ifndef SHPFIT_CORE_INITIAL_H
#define SHPFIT_CORE_INITIAL_H

#include "../physics/hydraulics.h"
#include "../physics/hydraulics_dp.h"
#include "../status.h"
#include "team.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    SHP_INIT_HEAD = 0, /* values are heads h [L] */
    SHP_INIT_THETA,    /* values are water contents θ, θmin < θ ≤ θs of the node's material */
    SHP_INIT_SE        /* values are effective saturations, 0 < Se ≤ 1 */
} shp_init_var;

/* h[i] from values[i] for the team's nodes. SHP_OK, or SHP_ERR_INVALID when a value is
 * outside its material's range (a θ below θr or above θs for this candidate) or gives
 * a non-finite head. */
SHP_HD SHP_INLINE shp_status shp_initial_heads(const shp_team *tm, int var, const double *values, int n,
                                               const int *mat_of_node, const shp_material *mats,
                                               double *h)
{
    int bad = 0;
    for (int i = tm->rank; i < n; i += tm->size) {
        const shp_material *m = &mats[mat_of_node[i]];
        const double v = values[i];
        double hi = v;
        if (var == SHP_INIT_THETA) {
            double tmin, tmax;
            shp_hyd_theta_limits(m, &tmin, &tmax);
            if (!(v > tmin && v <= tmax)) bad = 1;
            hi = shp_hyd_h_of_theta(m, v);
        } else if (var == SHP_INIT_SE) {
            if (!(v > 0.0 && v <= 1.0)) bad = 1;
            hi = shp_hyd_h_of_se(m, v);
        }
        if (!(hi > -HUGE_VAL && hi < HUGE_VAL)) bad = 1;
        h[i] = hi;
    }
    return shp_team_max(tm, (double)bad) > 0.0 ? SHP_ERR_INVALID : SHP_OK;
}

/* The derivatives of those heads by the column's sensitivity parameters (parameter
 * sens_par[k] of material sens_mat[k]): dh[k·n + i], 0 for heads given as such and for
 * nodes of other materials. θ or Se held fixed, the head moves with the retention curve
 * (physics/hydraulics_dp.h). h: the heads shp_initial_heads gave. */
SHP_HD SHP_INLINE void shp_initial_heads_dp(const shp_team *tm, int var, const double *values,
                                            int n, const int *mat_of_node,
                                            const shp_material *mats, const double *h,
                                            int n_sens, const int *sens_mat, const int *sens_par,
                                            double *dh)
{
    for (int i = tm->rank; i < n; i += tm->size) {
        double d[SHP_MAX_PARAMS];
        const int m = mat_of_node[i];
        for (int j = 0; j < SHP_MAX_PARAMS; ++j) d[j] = 0.0;
        if (var == SHP_INIT_THETA) shp_hyd_h_of_theta_dp(&mats[m], values[i], h[i], d);
        else if (var == SHP_INIT_SE) shp_hyd_h_of_se_dp(&mats[m], values[i], h[i], d);
        for (int k = 0; k < n_sens; ++k) dh[(long)k * n + i] = sens_mat[k] == m ? d[sens_par[k]] : 0.0;
    }
}

#ifdef __cplusplus
}
#endif

#endif
