/* Residuals with their exact Jacobian in the unit coordinates (shpfit/problem.h,
 * shp_problem_evaluate_jacobian): one batch of columns with parameter sensitivities
 * (core/column_sens.h) instead of 2·dim extra columns of differences.
 *
 * r_i = (sim_i − obs_i)/scale, so ∂r_i/∂u_j = Σ_k (∂sim_i/∂p_k / scale) ∂p_k/∂u_j over the
 * model parameters p_k the variables set: ∂sim/∂p from the column's derivative blocks
 * (Q, v, θ at the observation depths) or, for retention and conductivity points, from
 * the hydraulic functions' own parameter derivatives; ∂p/∂u from each variable's scale
 * (linear, or log: ∂x/∂u = x ln(hi/lo)) and the ratio variables of seed 002 (Ks = v/x,
 * α = x·Ks, the latter also moving with a free Ks). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "problem/problem_internal.h"
#include "shpfit/models.h"
#include "shpfit/physics/hydraulics_dp.h"

/* The model parameters the variables set, each once: column sensitivity k. */
typedef struct {
    int n;
    int mat[SHP_MAX_SENS], par[SHP_MAX_SENS];
    int of_var[SHP_MAX_FREE]; /* the target variable j sets */
} targets;

static int target_index(targets *t, int mat, int par)
{
    for (int k = 0; k < t->n; ++k)
        if (t->mat[k] == mat && t->par[k] == par) return k;
    t->mat[t->n] = mat;
    t->par[t->n] = par;
    return t->n++;
}

static int ks_index(const shp_material *m)
{
    return shp_model_param_index(shp_model_by_id(m->model), "Ks");
}

static void make_targets(const shp_problem *pb, targets *t)
{
    t->n = 0;
    for (int j = 0; j < pb->dim; ++j) t->of_var[j] = target_index(t, pb->var[j].mat, pb->var[j].param);
}

/* D (targets × dim): ∂p_k/∂u_j at u for the materials mats that u gives. */
static void param_jacobian(const shp_problem *pb, const targets *t, const double *u,
                           const shp_material *mats, double *D)
{
    const int d = pb->dim;
    memset(D, 0, sizeof *D * (size_t)t->n * d);
    double x[SHP_MAX_FREE], dx[SHP_MAX_FREE];
    for (int j = 0; j < d; ++j) {
        const fit_var *v = &pb->var[j];
        x[j] = shp_problem_var_value(pb, j, u[j]);
        dx[j] = v->log_scale ? x[j] * (log(v->hi) - log(v->lo)) : v->hi - v->lo;
        if (v->kind == VAR_PLAIN) D[(long)t->of_var[j] * d + j] = dx[j];
        else if (v->kind == VAR_V_OVER_KS) D[(long)t->of_var[j] * d + j] = -pb->v_ref / (x[j] * x[j]) * dx[j];
    }
    /* α = x·Ks after every Ks is set, as shp_problem_materials_at does */
    for (int j = 0; j < d; ++j) {
        const fit_var *v = &pb->var[j];
        if (v->kind != VAR_ALPHA_OVER_KS) continue;
        const int iks = ks_index(&mats[v->mat]);
        double *row = D + (long)t->of_var[j] * d;
        row[j] += mats[v->mat].p[iks] * dx[j];
        for (int k = 0; k < t->n; ++k) /* a free Ks of the same material moves α too */
            if (t->mat[k] == v->mat && t->par[k] == iks)
                for (int q = 0; q < d; ++q) row[q] += x[j] * D[(long)k * d + q];
    }
}

/* ∂sim/∂p_k of observation type `kind` for the candidate whose column derivative block
 * of p_k is sk (NULL without a column) and whose materials are mats. */
static void series_dp(const shp_problem *pb, int kind, const shp_column_out *sk,
                      const shp_material *mats, int mat, int par, double *d)
{
    const obs_set *o = &pb->obs[kind];
    const int m = pb->n_obs_depth;
    for (int i = 0; i < o->n; ++i) {
        double v = 0.0;
        switch (kind) {
        case SHP_OBS_Q: v = sk->Q[o->t_index[i]]; break;
        case SHP_OBS_V: v = (o->instantaneous ? sk->v_inst : sk->Q)[o->t_index[i]]; break;
        case SHP_OBS_THETA_FINAL: v = sk->theta_obs[(long)o->final_index * m + o->d_index[i]]; break;
        case SHP_OBS_THETA_T: v = sk->theta_obs[(long)o->t_index[i] * m + o->d_index[i]]; break;
        default: /* retention θ(h), conductivity log10 K(h) of one material */
            if (o->mat == mat) {
                double dth[SHP_MAX_PARAMS], dK[SHP_MAX_PARAMS], th, K, C, dKh;
                shp_hyd_eval_dp(&mats[mat], o->x[i], dth, dK);
                shp_hyd_eval(&mats[mat], o->x[i], &th, &K, &C, &dKh);
                v = kind == SHP_OBS_RETENTION ? dth[par] : (K > 0.0 ? dK[par] / (K * log(10.0)) : 0.0);
            }
        }
        d[i] = v;
    }
    if (kind == SHP_OBS_V && !o->instantaneous) shp_interval_rates(o->x, d, o->n, d); /* linear in Q */
}

int shp_problem_param_jacobian(const shp_problem *pb, const double *u, const shp_material *mats, int *mat,
                               int *par, double *D)
{
    targets t;
    make_targets(pb, &t);
    param_jacobian(pb, &t, u, mats, D);
    memcpy(mat, t.mat, sizeof *mat * (size_t)t.n);
    memcpy(par, t.par, sizeof *par * (size_t)t.n);
    return t.n;
}

/* Central differences in the unit coordinates (one-sided at a bound), for columns
 * whose solver has no parameter sensitivities: an atmospheric top switching between
 * flux and head, root uptake (docs/fit-reference.md, "Exact Jacobian"). 2·dim more columns per
 * candidate, run in one batch. */
#define DIFF_STEP 1e-4

static int difference_jacobian(shp_problem *pb, shp_backend *be, const double *u, int n, double *f, int *ok,
                               double *r, double *J)
{
    const int dim = pb->dim, n_res = shp_problem_n_residuals(pb), m = 2 * dim * n;
    int rc = shp_problem_evaluate_residuals(pb, be, u, n, f, ok, r);
    if (rc != SHP_OK) return rc;
    double *up = malloc(sizeof *up * (size_t)m * dim), *fp = malloc(sizeof *fp * (size_t)m * pb->n_obj);
    double *rp = malloc(sizeof *rp * (size_t)m * (n_res + 1));
    int *okp = malloc(sizeof *okp * (size_t)m);
    if (!up || !fp || !rp || !okp) rc = SHP_ERR_NOMEM;
    for (int i = 0; i < n && rc == SHP_OK; ++i)
        for (int j = 0; j < dim; ++j)
            for (int s = 0; s < 2; ++s) {
                double *x = up + ((long)(i * dim + j) * 2 + s) * dim;
                memcpy(x, u + (long)i * dim, sizeof *x * (size_t)dim);
                x[j] = s ? fmin(1.0, x[j] + DIFF_STEP) : fmax(0.0, x[j] - DIFF_STEP);
            }
    if (rc == SHP_OK) rc = shp_problem_evaluate_residuals(pb, be, up, m, fp, okp, rp);
    for (int i = 0; i < n && rc == SHP_OK; ++i) {
        double *Ji = J + (long)i * n_res * dim;
        for (long q = 0; q < (long)n_res * dim; ++q) Ji[q] = NAN;
        if (!ok[i]) continue;
        for (int j = 0; j < dim; ++j) {
            const long lo = (long)(i * dim + j) * 2, hi = lo + 1;
            if (!okp[lo] || !okp[hi]) { /* a neighbour failed: the candidate has no Jacobian */
                ok[i] = 0;
                break;
            }
            const double h = up[hi * dim + j] - up[lo * dim + j];
            for (int q = 0; q < n_res; ++q) Ji[(long)q * dim + j] = (rp[hi * n_res + q] - rp[lo * n_res + q]) / h;
        }
    }
    free(up);
    free(fp);
    free(rp);
    free(okp);
    return rc;
}

shp_status shp_problem_evaluate_jacobian(shp_problem *pb, shp_backend *be, const double *u, int n,
                                         double *f, int *ok, double *r, double *J)
{
    if (!pb->prepared) return shp_problem_fail(pb, "fit", "evaluated before shp_problem_prepare succeeded");
    if (n <= 0) return SHP_OK;
    if (pb->needs_column && (pb->col.top.type == SHP_BC_ATMOSPHERIC || pb->col.root_w))
        return difference_jacobian(pb, be, u, n, f, ok, r, J);
    const int nm = pb->fp->n_materials, dim = pb->dim, n_res = shp_problem_n_residuals(pb);
    targets t;
    make_targets(pb, &t);
    shp_column col = pb->col;
    col.n_sens = pb->needs_column ? t.n : 0;
    col.sens_mat = t.mat;
    col.sens_par = t.par;
    const long stride = pb->needs_column ? shp_column_out_size(&col) : 0;
    shp_material *mats = malloc(sizeof *mats * (size_t)n * nm);
    double *out = stride ? malloc(sizeof *out * (size_t)(stride * n)) : NULL;
    shp_column_stats *st = malloc(sizeof *st * (size_t)n);
    int *slot = malloc(sizeof *slot * (size_t)n);
    double *D = malloc(sizeof *D * (size_t)t.n * dim), *dsim = malloc(sizeof *dsim * (size_t)(n_res + 1));
    double *dr = malloc(sizeof *dr * (size_t)(n_res + 1) * t.n);
    int rc = mats && (!stride || out) && st && slot && D && dsim && dr ? SHP_OK : SHP_ERR_NOMEM;
    int nb = 0;
    for (int i = 0; i < n && rc == SHP_OK; ++i) {
        ok[i] = 0;
        for (int k = 0; k < pb->n_obj; ++k) f[(long)i * pb->n_obj + k] = SHP_PENALTY;
        for (long q = 0; q < (long)n_res; ++q) r[(long)i * n_res + q] = NAN;
        for (long q = 0; q < (long)n_res * dim; ++q) J[(long)i * n_res * dim + q] = NAN;
        slot[i] = shp_problem_materials(pb, u + (long)i * dim, mats + (long)nb * nm, NULL, 0) == SHP_OK ? nb++ : -1;
        pb->n_invalid += slot[i] < 0;
    }
    pb->n_eval += n;
    shp_batch_setup setup = {&col, nm, pb->fp->init_var, pb->fp->init_value};
    shp_batch batch = {nb, mats, out, st};
    if (rc == SHP_OK && pb->needs_column && nb > 0) rc = shp_backend_run(be, &setup, &batch);
    for (int i = 0; i < n && rc == SHP_OK; ++i) {
        const int s = slot[i];
        if (s < 0) continue;
        shp_column_out o;
        const shp_material *mi = mats + (long)s * nm;
        if (pb->needs_column) {
            shp_batch_out_of(&setup, &batch, s, &o);
            if (st[s].status != SHP_OK) {
                ++pb->n_failed;
                pb->n_capped += st[s].status == SHP_ERR_MAX_STEPS;
                continue;
            }
        }
        int good = 1, at = 0;
        double *ri = r + (long)i * n_res;
        for (int q = 0; q < pb->n_obj; ++q) {
            const int kind = pb->obj[q];
            const obs_set *ob = &pb->obs[kind];
            shp_problem_fill_series(pb, kind, pb->needs_column ? &o : NULL, mi);
            f[(long)i * pb->n_obj + q] = shp_problem_objective(pb, kind);
            good &= f[(long)i * pb->n_obj + q] < SHP_PENALTY;
            const double scale = shp_problem_residual_scale(pb, kind);
            for (int k = 0; k < ob->n; ++k) ri[at + k] = (ob->sim[k] - ob->obs_t[k]) / scale;
            for (int k = 0; k < t.n; ++k) {
                shp_column_out sk;
                if (pb->needs_column) shp_column_sens_at(&col, &o, k, &sk);
                series_dp(pb, kind, pb->needs_column ? &sk : NULL, mi, t.mat[k], t.par[k], dsim);
                for (int q2 = 0; q2 < ob->n; ++q2) dr[(long)(at + q2) * t.n + k] = dsim[q2] / scale;
            }
            at += ob->n;
        }
        ok[i] = good;
        if (!good) {
            ++pb->n_failed;
            continue;
        }
        param_jacobian(pb, &t, u + (long)i * dim, mi, D);
        double *Ji = J + (long)i * n_res * dim;
        for (int q = 0; q < n_res; ++q)
            for (int j = 0; j < dim; ++j) {
                double v = 0.0;
                for (int k = 0; k < t.n; ++k) v += dr[(long)q * t.n + k] * D[(long)k * dim + j];
                Ji[(long)q * dim + j] = v;
            }
    }
    free(mats);
    free(out);
    free(st);
    free(slot);
    free(D);
    free(dsim);
    free(dr);
    return rc;
}
