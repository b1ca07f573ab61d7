/* Test support shared by tests/ (through tests/fixtures.h), bench/ and the GPU self-test
 * (kernels/cuda_selftest.cu): comparisons of two column runs, random valid materials
 * in the seed soils' box, and seed 002's ponded column. Header-only, on the include path
 * of every build (-Ihost), not part of the library nor installed. */
#ifndef SHPFIT_TESTING_COLUMN_FIXTURE_H
#define SHPFIT_TESTING_COLUMN_FIXTURE_H

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "testing/typical_box.h"

#include "shpfit/column.h"
#include "shpfit/models.h"
#include "shpfit/rng.h"

/* |a − b| relative to the larger magnitude; 0 when both are NaN (a failed run's slots),
 * infinite when only one is. */
static inline double rel_diff(double a, double b)
{
    if (isnan(a) || isnan(b)) return (isnan(a) && isnan(b)) ? 0.0 : INFINITY;
    const double s = fmax(fabs(a), fabs(b));
    return s > 0.0 ? fabs(a - b) / s : 0.0;
}

/* Worst relative difference of two runs of one column in Q(t), v(t) and the final θ
 * profile. */
static inline double column_out_diff(const shp_column *col, const shp_column_out *x, const shp_column_out *y)
{
    double w = 0.0;
    for (int k = 0; k < col->n_out; ++k) {
        w = fmax(w, rel_diff(x->Q[k], y->Q[k]));
        w = fmax(w, rel_diff(x->v_inst[k], y->v_inst[k]));
    }
    for (int i = 0; i < col->n; ++i) w = fmax(w, rel_diff(x->theta_prof[i], y->theta_prof[i]));
    return w;
}

/* A random valid material of model `id` from stream (seed, k): each free parameter
 * uniform (or log-uniform) within the box of testing/typical_box.h (the seed's soils), the fixed constants
 * at their defaults, redrawn until the registry validates it. 0, or −1 if none. */
static inline int random_material(int id, uint64_t seed, uint64_t k, shp_material *m)
{
    const shp_model_desc *d = shp_model_by_id(id);
    if (!d) return -1;
    shp_rng r;
    shp_rng_init(&r, seed, k, 0, 0);
    for (int tries = 0; tries < 10000; ++tries) {
        shp_model_material_init(d, m);
        for (int j = 0; j < d->n_params; ++j) {
            const shp_param_info *p = &d->params[j];
            if (p->fixed && p->has_default) {
                m->p[j] = p->def;
                continue;
            }
            const double u = shp_rng_uniform(&r);
            double lo, hi;
            shp_typical_bounds(d, j, &lo, &hi);
            m->p[j] = p->log_scale ? exp(log(lo) + u * (log(hi) - log(lo))) : lo + u * (hi - lo);
        }
        if (shp_model_validate(m, NULL, 0) == SHP_OK) return 0;
    }
    return -1;
}

/* Seed 002's ponded column on the caller's grid and material map: 2 cm of water on top,
 * free drainage below, default solver options, outputs at t_out. */
static inline shp_column ponded_column(int n, const double *z, const int *mat, const double *t_out,
                                       int n_out)
{
    shp_column col;
    memset(&col, 0, sizeof col);
    col.n = n;
    col.z = z;
    col.mat_of_node = mat;
    col.top.type = SHP_BC_HEAD;
    col.top.value = 2.0;
    col.bottom.type = SHP_BC_FREE_DRAINAGE;
    col.opt = shp_solver_opts_default();
    col.n_out = n_out;
    col.t_out = t_out;
    return col;
}

#endif
