/* Response-surface planes (surface/surface.h). */
#include "surface/surface.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static double axis_u(double u0, double u1, int k, int n)
{
    return n > 1 ? u0 + (u1 - u0) * k / (n - 1) : 0.5 * (u0 + u1);
}

shp_status shp_surface_eval(shp_problem *pb, shp_backend *be, const shp_surface_plane *plane,
                            const double *u_base, shp_surface_result *res)
{
    memset(res, 0, sizeof *res);
    res->p = *plane;
    const int nx = plane->nx, ny = plane->ny, np = nx * ny;
    const int dim = shp_problem_dim(pb), nobj = shp_problem_n_obj(pb);
    res->x = malloc((size_t)nx * sizeof *res->x);
    res->y = malloc((size_t)ny * sizeof *res->y);
    res->values = malloc((size_t)np * nobj * sizeof *res->values);
    res->ok = malloc((size_t)np * sizeof *res->ok);
    double *u = malloc((size_t)np * dim * sizeof *u), *f = malloc((size_t)np * nobj * sizeof *f);
    if (!res->x || !res->y || !res->values || !res->ok || !u || !f) {
        free(u);
        free(f);
        return SHP_ERR_NOMEM;
    }
    for (int i = 0; i < nx; ++i)
        res->x[i] = shp_problem_var_value(pb, plane->jx, axis_u(plane->ux0, plane->ux1, i, nx));
    for (int j = 0; j < ny; ++j)
        res->y[j] = shp_problem_var_value(pb, plane->jy, axis_u(plane->uy0, plane->uy1, j, ny));
    for (int j = 0; j < ny; ++j)
        for (int i = 0; i < nx; ++i) {
            double *ui = u + (long)(j * nx + i) * dim;
            memcpy(ui, u_base, (size_t)dim * sizeof *ui);
            ui[plane->jx] = axis_u(plane->ux0, plane->ux1, i, nx);
            ui[plane->jy] = axis_u(plane->uy0, plane->uy1, j, ny);
        }
    const int rc = shp_problem_evaluate(pb, be, u, np, f, res->ok);
    free(u);
    if (rc != SHP_OK) {
        free(f);
        return rc;
    }
    for (int q = 0; q < np; ++q) {
        res->failed += !res->ok[q];
        for (int k = 0; k < nobj; ++k) res->values[(long)k * np + q] = res->ok[q] ? f[(long)q * nobj + k] : NAN;
    }
    free(f);
    for (int k = 0; k < nobj; ++k) {
        const double *v = res->values + (long)k * np;
        double lo = HUGE_VAL, hi = -HUGE_VAL;
        int at = -1;
        for (int q = 0; q < np; ++q) {
            if (!res->ok[q]) continue;
            if (v[q] < lo) {
                lo = v[q];
                at = q;
            }
            hi = fmax(hi, v[q]);
        }
        res->vmin[k] = at >= 0 ? lo : NAN;
        res->vmax[k] = at >= 0 ? hi : NAN;
        res->imin[k] = at >= 0 ? at % nx : -1;
        res->jmin[k] = at >= 0 ? at / nx : -1;
        int within = 0;
        for (int q = 0; q < np && at >= 0; ++q) within += res->ok[q] && v[q] <= lo + 0.01 * (hi - lo);
        res->flat[k] = at >= 0 ? (double)within / np : NAN;
    }
    return SHP_OK;
}

void shp_surface_result_free(shp_surface_result *res)
{
    if (!res) return;
    free(res->x);
    free(res->y);
    free(res->values);
    free(res->ok);
    memset(res, 0, sizeof *res);
}
