/* Linearised parameter uncertainty at an optimum (shpfit/uncertainty.h). */
#include "optim/sym_eigen.h"
#include "shpfit/uncertainty.h"

#include "shpfit/physics/hydraulics_dp.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- Student's t */

/* The continued fraction of the regularised incomplete beta function I_x(a, b), by the
 * modified Lentz method (Abramowitz & Stegun 26.5.8); converges for x < (a+1)/(a+b+2). */
static double beta_cf(double a, double b, double x)
{
    const double tiny = 1e-300;
    double c = 1.0, d = 1.0 - (a + b) * x / (a + 1.0);
    if (fabs(d) < tiny) d = tiny;
    d = 1.0 / d;
    double f = d;
    for (int m = 1; m <= 10000; ++m) {
        const double m2 = 2.0 * m;
        double num = m * (b - m) * x / ((a + m2 - 1.0) * (a + m2));
        for (int half = 0; half < 2; ++half) {
            d = 1.0 + num * d;
            if (fabs(d) < tiny) d = tiny;
            c = 1.0 + num / c;
            if (fabs(c) < tiny) c = tiny;
            d = 1.0 / d;
            const double delta = c * d;
            f *= delta;
            if (half == 1 && fabs(delta - 1.0) < 1e-15) return f;
            num = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1.0));
        }
    }
    return f;
}

static double inc_beta(double a, double b, double x)
{
    if (x <= 0.0) return 0.0;
    if (x >= 1.0) return 1.0;
    const double front = exp(lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x));
    if (x < (a + 1.0) / (a + b + 2.0)) return front * beta_cf(a, b, x) / a;
    return 1.0 - exp(lgamma(a + b) - lgamma(a) - lgamma(b) + b * log1p(-x) + a * log(x)) *
                     beta_cf(b, a, 1.0 - x) / b;
}

/* P(|T| ≤ t) for t ≥ 0: 1 − I_{ν/(ν+t²)}(ν/2, 1/2). */
static double t_two_sided(double t, int dof)
{
    return 1.0 - inc_beta(0.5 * dof, 0.5, dof / (dof + t * t));
}

double shp_student_t_two_sided(double level, int dof)
{
    if (!(level > 0.0 && level < 1.0) || dof < 1) return NAN;
    double lo = 0.0, hi = 1.0;
    while (t_two_sided(hi, dof) < level) hi *= 2.0;
    for (int it = 0; it < 200 && hi - lo > 1e-14 * hi; ++it) {
        const double mid = 0.5 * (lo + hi);
        if (t_two_sided(mid, dof) < level) lo = mid;
        else hi = mid;
    }
    return 0.5 * (lo + hi);
}

/* ---------------------------------------------------------------- the uncertainty */

shp_status shp_uncertainty_from_jacobian(const shp_problem *pb, const double *u, const double *r, const double *J, int ok,
                                         shp_uncertainty *out)
{
    memset(out, 0, sizeof *out);
    const int p = shp_problem_dim(pb), m = shp_problem_n_residuals(pb);
    out->dim = p;
    out->n_res = m;
    out->dof = m - p;
    out->status = SHP_ERR_INVALID;
    for (int j = 0; j < p; ++j) {
        out->value[j] = shp_problem_var_value(pb, j, u[j]);
        out->se[j] = out->lo[j] = out->hi[j] = NAN;
        out->at_bound[j] = u[j] <= SHP_UNC_BOUND_TOL ? -1 : u[j] >= 1.0 - SHP_UNC_BOUND_TOL ? 1 : 0;
    }
    out->cond = NAN;
    if (out->dof < 1 || !ok || !r || !J) return out->status;
    double ss = 0.0;
    for (int i = 0; i < m; ++i) ss += r[i] * r[i];
    out->s2 = ss / out->dof;
    out->t95 = shp_student_t_two_sided(0.95, out->dof);
    /* JᵀJ scaled to unit diagonal: its conditioning does not depend on the bounds */
    double A[SHP_MAX_FREE * SHP_MAX_FREE], V[SHP_MAX_FREE * SHP_MAX_FREE], w[SHP_MAX_FREE] = {0};
    double sc[SHP_MAX_FREE];
    for (int a = 0; a < p; ++a)
        for (int b = 0; b <= a; ++b) {
            double s = 0.0;
            for (int i = 0; i < m; ++i) s += J[(long)i * p + a] * J[(long)i * p + b];
            A[a * p + b] = A[b * p + a] = s;
        }
    for (int a = 0; a < p; ++a) sc[a] = A[a * p + a] > 0.0 ? 1.0 / sqrt(A[a * p + a]) : 0.0;
    for (int a = 0; a < p; ++a)
        for (int b = 0; b < p; ++b) A[a * p + b] *= sc[a] * sc[b];
    shp_sym_eigen(p, A, w, V);
    int kmin = 0, kmax = 0;
    for (int k = 1; k < p; ++k) {
        if (w[k] < w[kmin]) kmin = k;
        if (w[k] > w[kmax]) kmax = k;
    }
    out->cond = w[kmin] > 0.0 ? w[kmax] / w[kmin] : HUGE_VAL;
    for (int j = 0; j < p; ++j) out->weakest[j] = V[j * p + kmin];
    out->singular = !(out->cond < 1e15);
    for (int a = 0; a < p; ++a) out->singular |= sc[a] == 0.0;
    /* the unit coordinates' covariance s² D (Â)⁻¹ D from the scaled eigen-pairs */
    double C[SHP_MAX_FREE * SHP_MAX_FREE];
    for (int a = 0; a < p; ++a)
        for (int b = 0; b < p; ++b) {
            double s = 0.0;
            for (int k = 0; k < p && !out->singular; ++k) s += V[a * p + k] * V[b * p + k] / w[k];
            C[a * p + b] = out->singular ? NAN : out->s2 * s * sc[a] * sc[b];
        }
    for (int j = 0; j < p; ++j) {
        double lo, hi;
        int log_scale;
        shp_problem_var_bounds(pb, j, &lo, &hi, &log_scale);
        const double se_u = out->singular ? HUGE_VAL : sqrt(C[j * p + j]);
        const double x = out->value[j];
        const double dxdu = log_scale ? x * (log(hi) - log(lo)) : hi - lo;
        out->se[j] = out->singular ? HUGE_VAL : fabs(dxdu) * se_u;
        const double half = out->t95 * se_u;
        if (out->singular) {
            out->lo[j] = -HUGE_VAL;
            out->hi[j] = HUGE_VAL;
        } else if (log_scale) {
            out->lo[j] = x * exp(-half * (log(hi) - log(lo)));
            out->hi[j] = x * exp(half * (log(hi) - log(lo)));
        } else {
            out->lo[j] = x - half * (hi - lo);
            out->hi[j] = x + half * (hi - lo);
        }
    }
    for (int a = 0; a < p; ++a)
        for (int b = 0; b < p; ++b)
            out->corr[a * p + b] = out->singular ? NAN : C[a * p + b] / sqrt(C[a * p + a] * C[b * p + b]);
    memcpy(out->cov_u, C, sizeof *C * (size_t)p * p);
    out->status = SHP_OK;
    return out->status;
}

shp_status shp_uncertainty_at(shp_problem *pb, shp_backend *be, const double *u, shp_uncertainty *out)
{
    const int p = shp_problem_dim(pb), m = shp_problem_n_residuals(pb), nobj = shp_problem_n_obj(pb);
    if (m - p < 1) return shp_uncertainty_from_jacobian(pb, u, NULL, NULL, 0, out);
    double *r = malloc(sizeof *r * (size_t)m), *J = malloc(sizeof *J * (size_t)m * p);
    double *f = malloc(sizeof *f * (size_t)nobj);
    int ok = 0;
    const int rc = r && J && f ? shp_problem_evaluate_jacobian(pb, be, u, 1, f, &ok, r, J) : SHP_ERR_NOMEM;
    shp_uncertainty_from_jacobian(pb, u, r, J, rc == SHP_OK && ok, out);
    if (rc != SHP_OK) out->status = rc;
    free(r);
    free(J);
    free(f);
    return out->status;
}

shp_status shp_uncertainty_band(const shp_problem *pb, const shp_uncertainty *unc, const double *u, int mat,
                                double h, double *theta_half, double *log10K_half)
{
    *theta_half = *log10K_half = NAN;
    const int p = unc->dim;
    if (unc->status != SHP_OK || unc->singular) return SHP_ERR_INVALID;
    const shp_forward_problem *fp = shp_problem_forward(pb);
    shp_material *mats = malloc(sizeof *mats * (size_t)shp_forward_n_materials(fp));
    if (!mats) return SHP_ERR_NOMEM;
    int tm[SHP_MAX_FREE], tp[SHP_MAX_FREE];
    double D[SHP_MAX_FREE * SHP_MAX_FREE];
    int rc = shp_problem_materials(pb, u, mats, NULL, 0);
    if (rc == SHP_OK) {
        const int nt = shp_problem_param_jacobian(pb, u, mats, tm, tp, D);
        double dth[SHP_MAX_PARAMS], dK[SHP_MAX_PARAMS], th, K, C, dKh;
        shp_hyd_eval_dp(&mats[mat], h, dth, dK);
        shp_hyd_eval(&mats[mat], h, &th, &K, &C, &dKh);
        double g[2][SHP_MAX_FREE] = {{0}};
        for (int k = 0; k < nt; ++k) {
            if (tm[k] != mat) continue;
            const double a = dth[tp[k]], b = K > 0.0 ? dK[tp[k]] / (K * log(10.0)) : 0.0;
            for (int j = 0; j < p; ++j) {
                g[0][j] += a * D[k * p + j];
                g[1][j] += b * D[k * p + j];
            }
        }
        double var[2] = {0.0, 0.0};
        for (int c = 0; c < 2; ++c)
            for (int a = 0; a < p; ++a)
                for (int b = 0; b < p; ++b) var[c] += g[c][a] * unc->cov_u[a * p + b] * g[c][b];
        *theta_half = unc->t95 * sqrt(fmax(var[0], 0.0));
        *log10K_half = K > 0.0 ? unc->t95 * sqrt(fmax(var[1], 0.0)) : NAN;
    }
    free(mats);
    return rc;
}

int shp_uncertainty_flags(const shp_uncertainty *u, int *n_bound, int *n_corr, int *ill)
{
    int nb = 0, nc = 0;
    for (int j = 0; j < u->dim; ++j) {
        nb += u->at_bound[j] != 0;
        for (int k = j + 1; k < u->dim; ++k) nc += fabs(u->corr[j * u->dim + k]) > SHP_UNC_CORR_FLAG;
    }
    const int bad = !(u->cond <= SHP_UNC_COND_FLAG);
    if (n_bound) *n_bound = nb;
    if (n_corr) *n_corr = nc;
    if (ill) *ill = bad;
    return nb + nc + bad;
}
