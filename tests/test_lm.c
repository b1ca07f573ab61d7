/* The batched Levenberg–Marquardt polish (shpfit/lm.h) on problems with known minima,
 * and the residual vectors it is fed from an inverse problem (shp_problem_evaluate_residuals). */
#include <criterion/criterion.h>
#include <math.h>
#include <stdlib.h>

#include "shpfit/config.h"
#include "shpfit/batch.h"
#include "shpfit/lm.h"
#include "shpfit/problem.h"

/* Run the polish to its end on residual function fn; returns the final cost. */
typedef void (*resid_fn)(const double *x, double *r, int *ok);

static double polish(shp_lm *lm, int dim, int m, resid_fn fn, long *evals)
{
    double r[8 * 8];
    int ok[8];
    int rounds = 0;
    while (!shp_lm_done(lm) && rounds++ < 1000) {
        const int n = shp_lm_ask(lm);
        if (n == 0) break;
        const double *x = shp_lm_candidates(lm);
        for (int i = 0; i < n; ++i) fn(x + i * dim, r + i * m, ok + i);
        cr_assert_eq(shp_lm_tell(lm, r, ok), SHP_OK);
    }
    double cost;
    shp_lm_best(lm, NULL, &cost);
    *evals = shp_lm_evaluations(lm);
    return cost;
}

/* Rosenbrock as least squares on the unit box: x = 4u − 2, minimum at x = (1, 1). */
static void rosen(const double *u, double *r, int *ok)
{
    const double x = 4 * u[0] - 2, y = 4 * u[1] - 2;
    r[0] = 10 * (y - x * x);
    r[1] = 1 - x;
    *ok = 1;
}

Test(lm, rosenbrock_reaches_the_minimum)
{
    shp_lm_settings s = shp_lm_settings_default();
    s.max_iterations = 200;
    s.fd_step = 1e-7;
    const double x0[2] = {0.1, 0.9};
    shp_lm *lm = shp_lm_create(2, 2, &s, x0);
    cr_assert_not_null(lm);
    long evals = 0;
    const double cost = polish(lm, 2, 2, rosen, &evals);
    double x[2];
    shp_lm_best(lm, x, NULL);
    cr_expect_lt(cost, 1e-14, "cost %g", cost);
    cr_expect_lt(fabs(x[0] - 0.75) + fabs(x[1] - 0.75), 1e-6, "u = (%g, %g), expected (0.75, 0.75)", x[0], x[1]);
    cr_expect_gt(evals, 0);
    shp_lm_destroy(lm);
}

/* A minimum outside the box: r = u − 1.5 (per coordinate) ends at the bound u = 1. */
static void outside(const double *u, double *r, int *ok)
{
    r[0] = u[0] - 1.5;
    r[1] = 2 * (u[1] - 0.25);
    *ok = 1;
}

Test(lm, bound_constrained_minimum_on_the_face)
{
    const double x0[2] = {0.2, 0.9};
    shp_lm *lm = shp_lm_create(2, 2, NULL, x0);
    long evals = 0;
    const double cost = polish(lm, 2, 2, outside, &evals);
    double x[2];
    shp_lm_best(lm, x, NULL);
    cr_expect_float_eq(x[0], 1.0, 1e-12);
    cr_expect_float_eq(x[1], 0.25, 1e-6);
    cr_expect_float_eq(cost, 0.5 * 0.25, 1e-9);
    shp_lm_destroy(lm);
}

/* Candidates with u0 > 0.6 fail (a column that does not converge): the polish keeps to
 * the feasible side and never reports a failed point as its best. */
static void failing(const double *u, double *r, int *ok)
{
    *ok = u[0] <= 0.6;
    r[0] = *ok ? u[0] - 0.8 : NAN;
    r[1] = *ok ? u[1] - 0.5 : NAN;
}

Test(lm, failed_candidates_are_never_the_answer)
{
    const double x0[2] = {0.1, 0.1};
    shp_lm *lm = shp_lm_create(2, 2, NULL, x0);
    long evals = 0;
    const double cost = polish(lm, 2, 2, failing, &evals);
    double x[2];
    shp_lm_best(lm, x, NULL);
    cr_expect(isfinite(cost));
    cr_expect_leq(x[0], 0.6);
    cr_expect_lt(cost, 0.5 * (0.7 * 0.7 + 0.4 * 0.4), "it improved on the start");
    shp_lm_destroy(lm);
}

Test(lm, failed_start_ends_with_the_start)
{
    const double x0[2] = {0.9, 0.1};
    shp_lm *lm = shp_lm_create(2, 2, NULL, x0);
    long evals = 0;
    const double cost = polish(lm, 2, 2, failing, &evals);
    cr_expect(isinf(cost));
    cr_expect_eq(evals, 1);
    double x[2];
    shp_lm_best(lm, x, NULL);
    cr_expect_eq(x[0], 0.9);
    shp_lm_destroy(lm);
}

Test(lm, invalid_settings_are_named)
{
    shp_lm_settings s = shp_lm_settings_default();
    char msg[128];
    s.fd_step = 0.5;
    cr_expect_eq(shp_lm_check(2, 3, &s, msg, sizeof msg), SHP_ERR_INVALID);
    cr_expect(strstr(msg, "fd_step") != NULL, "%s", msg);
    s = shp_lm_settings_default();
    s.n_trials = 9;
    cr_expect_eq(shp_lm_check(2, 3, &s, msg, sizeof msg), SHP_ERR_INVALID);
    cr_expect(strstr(msg, "trials") != NULL, "%s", msg);
    const double x0[1] = {0.5};
    cr_expect_null(shp_lm_create(0, 3, NULL, x0));
}

/* The problem's residuals: per objective, their squares sum to ψ² (seed 002 Eq. 9). */
Test(lm, problem_residuals_square_to_the_objectives)
{
    char err[512];
    shp_problem *pb = NULL;
    cr_assert_eq(shp_problem_load("../configs/fit_loam.json", &pb, err, sizeof err), SHP_OK, "%s", err);
    shp_backend *be = shp_backend_cpu_create(1);
    const int dim = shp_problem_dim(pb), nobj = shp_problem_n_obj(pb), m = shp_problem_n_residuals(pb);
    int total = 0;
    for (int k = 0; k < nobj; ++k) total += shp_problem_obj_points(pb, k);
    cr_expect_eq(total, m);
    double u[2 * 16], f[2 * 8], *r = malloc(2 * (size_t)m * sizeof *r);
    int ok[2];
    for (int j = 0; j < dim; ++j) {
        u[j] = 0.3 + 0.05 * j;
        u[dim + j] = 0.6;
    }
    cr_assert_eq(shp_problem_evaluate_residuals(pb, be, u, 2, f, ok, r), SHP_OK);
    for (int i = 0; i < 2; ++i) {
        cr_assert(ok[i]);
        int off = 0;
        for (int k = 0; k < nobj; ++k) {
            double ss = 0.0;
            for (int q = 0; q < shp_problem_obj_points(pb, k); ++q) ss += r[i * m + off + q] * r[i * m + off + q];
            off += shp_problem_obj_points(pb, k);
            cr_expect_float_eq(sqrt(ss), f[i * nobj + k], 1e-12 * f[i * nobj + k], "candidate %d objective %d", i, k);
        }
    }
    free(r);
    shp_backend_destroy(be);
    shp_problem_destroy(pb);
}

/* At a corner where every damped step points out of the box, no trial moves: the polish
 * ends while asking (0 candidates), and callers must not tell it anything then. */
Test(lm, no_trial_moves_ends_at_ask)
{
    const double x0[2] = {1.0, 1.0};
    shp_lm_settings s = shp_lm_settings_default();
    shp_lm *lm = shp_lm_create(2, 2, &s, x0);
    double r[16];
    int ok[8], n, rounds = 0;
    static const double target[2] = {1.5, 2.0};
    while ((n = shp_lm_ask(lm)) > 0 && rounds++ < 100) {
        const double *x = shp_lm_candidates(lm);
        for (int i = 0; i < n; ++i) {
            r[2 * i] = x[2 * i] - target[0];
            r[2 * i + 1] = x[2 * i + 1] - target[1];
            ok[i] = 1;
        }
        cr_assert_eq(shp_lm_tell(lm, r, ok), SHP_OK);
    }
    cr_expect_eq(n, 0);
    cr_expect(shp_lm_done(lm));
    cr_expect_eq(shp_lm_tell(lm, r, ok), SHP_ERR_INVALID, "nothing was asked");
    double x[2];
    shp_lm_best(lm, x, NULL);
    cr_expect(x[0] == 1.0 && x[1] == 1.0);
    shp_lm_destroy(lm);
}

/* A round never asks for more candidates than shp_lm_max_candidates, which callers size
 * their buffers by: 2·dim with central differences, dim with forward ones, at least the
 * trials. (A 6-variable linear least-squares problem, solved exactly.) */
Test(lm, rounds_fit_in_max_candidates)
{
    enum { D = 6 };
    cr_expect_eq(shp_lm_max_candidates(D, NULL), 2 * D);
    shp_lm_settings s = shp_lm_settings_default();
    s.central = 0;
    cr_expect_eq(shp_lm_max_candidates(D, &s), D);
    cr_expect_eq(shp_lm_max_candidates(1, NULL), s.n_trials);
    double x0[D], r[2 * D * D];
    int ok[2 * D];
    for (int j = 0; j < D; ++j) x0[j] = 0.1;
    shp_lm *lm = shp_lm_create(D, D, NULL, x0);
    int n, most = 0;
    while ((n = shp_lm_ask(lm)) > 0) {
        most = n > most ? n : most;
        cr_assert_leq(n, shp_lm_max_candidates(D, NULL));
        const double *x = shp_lm_candidates(lm);
        for (int i = 0; i < n; ++i) {
            ok[i] = 1;
            for (int j = 0; j < D; ++j) r[i * D + j] = (j + 1) * (x[i * D + j] - 0.05 * (j + 2));
        }
        cr_assert_eq(shp_lm_tell(lm, r, ok), SHP_OK);
    }
    cr_expect_eq(most, 2 * D);
    double x[D];
    shp_lm_best(lm, x, NULL);
    for (int j = 0; j < D; ++j) cr_expect_float_eq(x[j], 0.05 * (j + 2), 1e-9);
    shp_lm_destroy(lm);
}
