/* Where the benchmarks, the tests and the GPU self-test draw random candidates: the
 * registry's inversion bounds narrowed to the soils of seed 002 and the toolbox ranges they had before the
 * default bounds were widened to real soils (uniform sands with n up to 20, λ up to 15).
 * A ponded column of such a sand barely wets in 180 min and carries no information on
 * the solver; keeping the draws where they were keeps the smoothness statistic
 * (bench/smooth_stat.c) and the sensitivity and derivative tests comparable over time.
 * Header-only test support, on the include path of every build (-Ihost) and not
 * installed: for bench/, tests/ and kernels/cuda_selftest.cu. */
#ifndef SHPFIT_TESTING_TYPICAL_BOX_H
#define SHPFIT_TESTING_TYPICAL_BOX_H

#include <string.h>

#include "shpfit/models.h"

typedef struct {
    const char *model, *param; /* model NULL: every model's parameter of that name */
    double lo, hi;
} shp_typical_row;

static const shp_typical_row shp_typical_rows[] = {
    {NULL, "Ks", 1e-4, 0.6}, /* SHP_PARAM_KS's rows; Kosugi's own Ks range is kept */
    {"vgm", "theta_r", 0.0, 0.2},          {"vgm", "theta_s", 0.35, 0.55},
    {"vgm", "alpha", 0.001, 0.2},          {"vgm", "n", 1.05, 3.0},
    {"vgm_ae", "theta_r", 0.0, 0.2},       {"vgm_ae", "theta_s", 0.35, 0.55},
    {"vgm_ae", "alpha", 0.001, 0.2},       {"vgm_ae", "n", 1.05, 3.0},
    {"durner", "theta_r", 0.0, 0.2},       {"durner", "theta_s", 0.3, 0.6},
    {"durner", "n1", 1.05, 8.0},           {"durner", "alpha2", 0.0005, 0.1},
    {"durner", "n2", 1.05, 4.0},           {"brooks_corey", "theta_r", 0.0, 0.2},
    {"brooks_corey", "theta_s", 0.3, 0.6}, {"brooks_corey", "hb", 1.0, 100.0},
    {"brooks_corey", "lambda", 0.08, 1.5}, {"clapp_hornberger", "theta_s", 0.3, 0.6},
    {"clapp_hornberger", "psi_s", 1.0, 100.0}, {"clapp_hornberger", "b", 1.4, 12.0},
    {"haverkamp", "theta_r", 0.0, 0.2},    {"haverkamp", "theta_s", 0.25, 0.55},
    {"gardner", "theta_r", 0.0, 0.2},      {"gardner", "theta_s", 0.35, 0.55},
    {"kosugi", "theta_r", 0.0, 0.2},       {"kosugi", "theta_s", 0.3, 0.6},
    {"kosugi", "hm", 1.0, 1e7},            {"kosugi", "sigma", 0.75, 4.0},
    {"pdi", "theta_s", 0.3, 0.6},          {"pdi", "alpha", 0.001, 1.0},
    {"pdi", "n", 1.05, 10.0},              {"fxw", "theta_s", 0.3, 0.6},
    {"fxw", "alpha", 0.001, 1.0},
};

/* The box of parameter k of model d, in cm and min as the registry's bounds. */
static inline void shp_typical_bounds(const shp_model_desc *d, int k, double *lo, double *hi)
{
    const shp_param_info *p = &d->params[k];
    *lo = p->bound_lo;
    *hi = p->bound_hi;
    for (size_t i = 0; i < sizeof shp_typical_rows / sizeof shp_typical_rows[0]; ++i) {
        const shp_typical_row *r = &shp_typical_rows[i];
        if (strcmp(r->param, p->name) != 0 || (r->model && strcmp(r->model, d->name) != 0)) continue;
        if (!r->model && !(p->bound_lo == 1e-6 && p->bound_hi == 1.0)) continue; /* not SHP_PARAM_KS */
        *lo = r->lo;
        *hi = r->hi;
        return;
    }
}

#endif
