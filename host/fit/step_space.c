/* A fit step's space within its problem's (shpfit/fit.h): the variables less the one
 * a two-step run keeps, the residuals of the step's objectives, each weighted. */
#include <string.h>

#include "shpfit/fit.h"

void shp_step_space_init(shp_step_space *sp, const shp_problem *pb, const shp_fit_step *st, int fixed_var,
                         double fixed_u)
{
    sp->st = st;
    sp->fixed_var = fixed_var;
    sp->fixed_u = fixed_u;
    sp->sdim = shp_problem_dim(pb) - (fixed_var >= 0);
    sp->sum = 1;
    for (int k = 0; k < SHP_OBS_COUNT; ++k) sp->weight[k] = 1.0;
    sp->n_res = 0;
    for (int k = 0; k < st->n_obj; ++k) sp->n_res += shp_problem_obj_points(pb, st->obj[k]);
}

void shp_step_space_whole(const shp_problem *pb, shp_fit_step *st, shp_step_space *sp)
{
    memset(st, 0, sizeof *st);
    st->n_obj = shp_problem_n_obj(pb);
    for (int k = 0; k < st->n_obj; ++k) st->obj[k] = k;
    shp_step_space_init(sp, pb, st, -1, 0.0);
}

void shp_step_space_expand(const shp_step_space *sp, int dim, const double *x, int n, double *u)
{
    for (int i = 0; i < n; ++i)
        for (int j = 0, k = 0; j < dim; ++j)
            u[(long)i * dim + j] = j == sp->fixed_var ? sp->fixed_u : x[(long)i * sp->sdim + k++];
}

void shp_step_space_project(const shp_step_space *sp, int dim, const double *u, double *x)
{
    for (int j = 0, k = 0; j < dim; ++j)
        if (j != sp->fixed_var) x[k++] = u[j];
}

void shp_step_space_residuals(const shp_step_space *sp, const shp_problem *pb, const double *r_all, int n,
                              double *r_step)
{
    const int m = shp_problem_n_residuals(pb), nobj = shp_problem_n_obj(pb);
    int off[SHP_OBS_COUNT + 1];
    off[0] = 0;
    for (int k = 0; k < nobj; ++k) off[k + 1] = off[k] + shp_problem_obj_points(pb, k);
    for (int i = 0; i < n; ++i) {
        double *out = r_step + (long)i * sp->n_res;
        for (int k = 0; k < sp->st->n_obj; ++k) {
            const int o = sp->st->obj[k], cnt = off[o + 1] - off[o];
            for (int q = 0; q < cnt; ++q) out[q] = sp->weight[o] * r_all[(long)i * m + off[o] + q];
            out += cnt;
        }
    }
}

void shp_step_space_jacobian(const shp_step_space *sp, const shp_problem *pb, const double *J_all, int n,
                             double *J_step)
{
    const int m = shp_problem_n_residuals(pb), nobj = shp_problem_n_obj(pb), dim = shp_problem_dim(pb);
    int off[SHP_OBS_COUNT + 1];
    off[0] = 0;
    for (int k = 0; k < nobj; ++k) off[k + 1] = off[k] + shp_problem_obj_points(pb, k);
    for (int i = 0; i < n; ++i) {
        double *out = J_step + (long)i * sp->n_res * sp->sdim;
        for (int k = 0; k < sp->st->n_obj; ++k) {
            const int o = sp->st->obj[k];
            for (int q = off[o]; q < off[o + 1]; ++q, out += sp->sdim) {
                shp_step_space_project(sp, dim, J_all + ((long)i * m + q) * dim, out);
                for (int j = 0; j < sp->sdim; ++j) out[j] *= sp->weight[o];
            }
        }
    }
}

