/* Parameter derivatives of the hydraulic functions (include/shpfit/physics/
 * hydraulics_dp.h, the shp_<model>_eval_dp of each model header) against finite
 * differences of the functions themselves.
 *
 * - For every model, 2–4 parameter sets (sand-, loam- and clay-like; both modes active
 *   for the bimodal models, and the unimodal side of the bimodal Kosugi switch) and
 *   the heads −1e-4 … −1e7 cm: ∂θ/∂p[k] and ∂K/∂p[k] against a fourth-order central
 *   difference of shp_hyd_eval in p[k].
 * - The same for four random valid materials of every model (registry bounds).
 * - ∂θmin/∂p, ∂θmax/∂p (shp_hyd_theta_limits_dp), dh/dp at fixed Se and at fixed θ
 *   (shp_hyd_h_of_se_dp, shp_hyd_h_of_theta_dp) against the same differences of
 *   shp_hyd_theta_limits, shp_hyd_h_of_se, shp_hyd_h_of_theta.
 * - Scaling identities that hold exactly, to 1e-12 relative at every head from −1e-10
 *   to −1e10 cm: where the differences in p are swamped by rounding (θ → θs near
 *   saturation, tails far below θ's last digit), these still check the scale
 *   parameters against C = dθ/dh and dK/dh (themselves checked in test_hydraulics.c).
 * - The saturated branch exactly (∂θ/∂θs = ∂K/∂Ks = 1, all else 0), zeros beyond the
 *   model's parameter count, finite values wherever θ and K are, from h = −1e-300 to
 *   −1e300 cm (the range of the inverse's bracket search).
 *
 * The difference: steps 1e-3·|p| · 4^−j (|p| = 1e-2 for a parameter at 0), each
 * shrunk until no stencil point changes the branch the function takes (saturated,
 * beyond h0, the Kosugi macropore switch, θ outside (θmin, θmax)); of consecutive
 * steps the pair that agrees best is taken, and their disagreement is the difference's
 * own error estimate. A check passes when
 *   |analytic − FD| ≤ RTOL·max(|analytic|, floor) + round-off of the difference + that estimate,
 * floor = 1e-12 θs (θ), 1e-12 Ks (K), 1e-12 max(|h|, 1) (h), per unit of |p|. The round-off
 * term is ε·Σ|f|/(12 d) over the stencil with ε = 1e-15 (1e-14 for the inverse heads,
 * which carry the root finder's tolerance). The worst relative discrepancy where the
 * difference resolves the derivative to better than RTOL/10 ("strict" checks) is logged
 * per model, and at least half of each model's checks must be strict, leaving out the
 * tiny derivatives (exact zeros, and those whose effect on the function when p doubles
 * is below 1e-9 of θs, Ks or |h|, which no difference of doubles resolves). */
#include <criterion/criterion.h>
#include <criterion/logging.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fixtures.h"
#include "shpfit/models.h"
#include "shpfit/physics/hydraulics_dp.h"

#define RTOL 1e-7

/* ------------------------------------------------------------------ parameter sets */

typedef struct {
    const char *name;
    int model;
    double p[SHP_MAX_PARAMS];
} dp_case;

#define H0_PDI SHP_PDI_H0_DEFAULT
static const dp_case cases[] = {
    {"VGM loam", SHP_MODEL_VGM, {0.078, 0.43, 0.036, 1.56, 24.96, 0.5}},
    {"VGM clay n=1.09", SHP_MODEL_VGM, {0.068, 0.38, 0.008, 1.09, 4.80, 0.5}},
    {"VGM sand n=2.68", SHP_MODEL_VGM, {0.045, 0.43, 0.145, 2.68, 712.8, 0.5}},
    {"VGM n=2 l=-1 theta_r=0", SHP_MODEL_VGM, {0.0, 0.368, 0.0335, 2.0, 0.00922, -1.0}},
    {"VGM-AE loam h_s=-2", SHP_MODEL_VGM_AE, {0.078, 0.43, 0.036, 1.56, 24.96, 0.5, -2.0}},
    {"VGM-AE clay h_s=-2", SHP_MODEL_VGM_AE, {0.068, 0.38, 0.008, 1.09, 4.80, 0.5, -2.0}},
    {"VGM-AE sand h_s=-0.5", SHP_MODEL_VGM_AE, {0.045, 0.43, 0.145, 2.68, 712.8, 0.5, -0.5}},
    {"BC loam", SHP_MODEL_BROOKS_COREY, {0.027, 0.463, 11.15, 0.252, 31.68, 1.0}},
    {"BC sand", SHP_MODEL_BROOKS_COREY, {0.02, 0.417, 7.26, 0.592, 21.0, 1.0}},
    {"BC hb=0.5 l=0.5", SHP_MODEL_BROOKS_COREY, {0.05, 0.40, 0.5, 0.4, 10.0, 0.5}},
    {"CH loam", SHP_MODEL_CLAPP_HORNBERGER, {0.451, 47.8, 5.39, 60.048}},
    {"CH sand", SHP_MODEL_CLAPP_HORNBERGER, {0.395, 12.1, 4.05, 1056.0}},
    {"CH clay psi_s=0.5", SHP_MODEL_CLAPP_HORNBERGER, {0.482, 0.5, 11.4, 0.5}},
    {"Haverkamp Celia sand", SHP_MODEL_HAVERKAMP, {0.075, 0.287, 1.611e6, 3.96, 0.00944, 1.175e6, 4.74}},
    {"Haverkamp loam", SHP_MODEL_HAVERKAMP, {0.1, 0.45, 1e3, 2.0, 1.0, 1e4, 3.0}},
    {"Gardner S&Y", SHP_MODEL_GARDNER, {0.06, 0.40, 0.1, 1.0}},
    {"Gardner alpha=0.01 theta_r=0", SHP_MODEL_GARDNER, {0.0, 0.45, 0.01, 5.0}},
    {"Durner library", SHP_MODEL_DURNER, {0.05, 0.45, 0.15, 0.5, 3.0, 0.02, 1.5, 50.0, 0.5}},
    {"Durner w1=0.6", SHP_MODEL_DURNER, {0.02, 0.5, 0.6, 0.1, 2.0, 0.005, 1.3, 10.0, 0.5}},
    {"Durner l=1", SHP_MODEL_DURNER, {0.08, 0.42, 0.3, 0.05, 1.6, 0.002, 2.5, 2.0, 1.0}},
    {"Kosugi loam", SHP_MODEL_KOSUGI, {0.078, 0.43, 50.0, 1.5, 24.96, 0.5}},
    {"Kosugi sand", SHP_MODEL_KOSUGI, {0.05, 0.40, 10.0, 0.8, 500.0, 0.5}},
    {"Kosugi clay l=-1", SHP_MODEL_KOSUGI, {0.1, 0.5, 5000.0, 3.0, 0.5, -1.0}},
#define KOS2_LIB {0.03471745720584042, 0.45, 0.405, 700.148563780443, 1.8, 1.0, 0.7675283643313485, 100.0, 0.5}
#define KOS2_B {0.05, 0.5, 0.3, 100.0, 1.2, 5.0, 0.5, 10.0, 0.5}
#define KOS2_UNI {0.05, 0.45, 0.45, 300.0, 2.0, 1.0, 0.7675283643313485, 5.0, 0.5}
    {"Kosugi2 HyPix library", SHP_MODEL_KOSUGI2_HYPIX, KOS2_LIB},
    {"Kosugi2 HyPix wide macropores", SHP_MODEL_KOSUGI2_HYPIX, KOS2_B},
    {"Kosugi2 HyPix unimodal side", SHP_MODEL_KOSUGI2_HYPIX, KOS2_UNI},
    {"Kosugi2 Mualem library", SHP_MODEL_KOSUGI2_MUALEM, KOS2_LIB},
    {"Kosugi2 Mualem wide macropores", SHP_MODEL_KOSUGI2_MUALEM, KOS2_B},
    {"Kosugi2 Mualem unimodal side", SHP_MODEL_KOSUGI2_MUALEM, KOS2_UNI},
#define FG_LIB {0.45, 1.8, 0.24025307335204213, 100.0, 0.9, 0.5, 0.2, 100.0, 10.0}
#define FG_B {0.5, 1.2, 0.6, 1.0, 0.8, 0.5, 0.2, 100.0, 10.0}
#define FG_C {0.4, 3.5, 0.1, 0.01, 0.95, 0.5, 0.2, 60.0, 10.0}
    {"FG2021 HyPix library", SHP_MODEL_KOSUGI2_FG2021, FG_LIB},
    {"FG2021 HyPix sigma=1.2", SHP_MODEL_KOSUGI2_FG2021, FG_B},
    {"FG2021 HyPix sigma=3.5", SHP_MODEL_KOSUGI2_FG2021, FG_C},
    {"FG2021 Mualem library", SHP_MODEL_KOSUGI2_FG2021_MUALEM, FG_LIB},
    {"FG2021 Mualem sigma=1.2", SHP_MODEL_KOSUGI2_FG2021_MUALEM, FG_B},
    {"FG2021 Mualem sigma=3.5", SHP_MODEL_KOSUGI2_FG2021_MUALEM, FG_C},
    {"PDI loam", SHP_MODEL_PDI, {0.078, 0.43, 0.036, 1.56, 24.96, 0.5, 0.001, H0_PDI, -1.5}},
    {"PDI sand", SHP_MODEL_PDI, {0.045, 0.43, 0.145, 2.68, 712.8, 0.5, 0.01, H0_PDI, -1.5}},
    {"PDI clay h0=2e7", SHP_MODEL_PDI, {0.1, 0.45, 0.005, 1.2, 1.0, 1.0, 1e-4, 2e7, -2.0}},
    {"PDI theta_r=0", SHP_MODEL_PDI, {0.0, 0.4, 0.02, 1.8, 10.0, 0.5, 0.001, H0_PDI, -1.5}},
    {"FXW library", SHP_MODEL_FXW, {0.43, 0.03, 2.0, 0.7, 24.96, 0.5, 1500.0, 6.3e6}},
    {"FXW sand", SHP_MODEL_FXW, {0.40, 0.1, 4.0, 1.0, 500.0, 0.5, 1500.0, 6.3e6}},
    {"FXW clay", SHP_MODEL_FXW, {0.50, 0.005, 1.2, 0.4, 1.0, 1.0, 1000.0, 1e7}},
};
#define N_CASES ((int)(sizeof cases / sizeof cases[0]))

static const double heads[] = {-1e-4, -0.01, -1.0, -10.0, -100.0, -1e3, -1e5, -1e6, -3e6, -1e7};
#define N_HEADS ((int)(sizeof heads / sizeof heads[0]))

static shp_material case_material(const dp_case *c)
{
    const shp_model_desc *d = shp_model_by_id(c->model);
    cr_assert_not_null(d);
    const shp_material m = shp_material_make(c->model, c->p);
    char msg[256];
    cr_assert_eq(shp_model_validate(&m, msg, sizeof msg), 0, "%s: %s", c->name, msg);
    return m;
}

static int n_params(const shp_material *m) { return shp_model_by_id(m->model)->n_params; }
static const char *param_name(const shp_material *m, int k)
{
    return shp_model_by_id(m->model)->params[k].name;
}
static double theta_s(const shp_material *m)
{
    double tmin, tmax;
    shp_hyd_theta_limits(m, &tmin, &tmax);
    return tmax;
}
static double ks_of(const shp_material *m)
{
    return m->p[shp_model_param_index(shp_model_by_id(m->model), "Ks")];
}

/* ------------------------------------------------------------------ quantities */

enum { Q_THETA, Q_K, Q_H_OF_SE, Q_H_OF_THETA, Q_THETA_MIN, Q_THETA_MAX };
static const char *const q_names[] = {"dtheta", "dK", "dh(Se)", "dh(theta)", "dtheta_min",
                                      "dtheta_max"};

typedef struct {
    int kind;
    double x; /* h, Se or θ */
} quantity;

static double q_value(const shp_material *m, const quantity *q)
{
    double th, K, C, dK, tmin, tmax;
    switch (q->kind) {
    case Q_THETA:
    case Q_K:
        shp_hyd_eval(m, q->x, &th, &K, &C, &dK);
        return q->kind == Q_THETA ? th : K;
    case Q_H_OF_SE: return shp_hyd_h_of_se(m, q->x);
    case Q_H_OF_THETA: return shp_hyd_h_of_theta(m, q->x);
    default:
        shp_hyd_theta_limits(m, &tmin, &tmax);
        return q->kind == Q_THETA_MIN ? tmin : tmax;
    }
}

/* The branch the functions take: what a difference must not cross. */
static int branch(const shp_material *m, const quantity *q)
{
    int b = 0;
    const double *p = m->p;
    if (m->model == SHP_MODEL_KOSUGI2_HYPIX || m->model == SHP_MODEL_KOSUGI2_MUALEM)
        b |= p[SHP_KOS2_THETA_S] - p[SHP_KOS2_THETA_SMACMAT] > SHP_KOS2_BIMODAL_MIN;
    if (m->model == SHP_MODEL_KOSUGI2_FG2021 || m->model == SHP_MODEL_KOSUGI2_FG2021_MUALEM) {
        double p2[SHP_KOS2_NPARAM];
        shp_kosugi2_fg2021_to_kosugi2(p, p2);
        b |= p2[SHP_KOS2_THETA_S] - p2[SHP_KOS2_THETA_SMACMAT] > SHP_KOS2_BIMODAL_MIN;
    }
    double h = q->x, tmin, tmax;
    shp_hyd_theta_limits(m, &tmin, &tmax);
    if (q->kind == Q_H_OF_SE) h = shp_hyd_h_of_se(m, q->x);
    if (q->kind == Q_H_OF_THETA) {
        b |= (q->x > tmin && q->x < tmax) << 1;
        h = shp_hyd_h_of_theta(m, q->x);
    }
    if (q->kind <= Q_H_OF_THETA) {
        b |= (h >= shp_hyd_h_of_se(m, 1.0)) << 2;
        if (m->model == SHP_MODEL_PDI) b |= (-h >= p[SHP_PDI_H0]) << 3;
        if (m->model == SHP_MODEL_FXW) b |= (-h >= p[SHP_FXW_H0]) << 3;
    }
    return b;
}

typedef struct {
    double fd;    /* the difference */
    double noise; /* its round-off */
    double est;   /* disagreement of the two steps it was chosen from */
    double ps;    /* the parameter's scale */
    int ok;
} fd_result;

/* Fourth-order central difference of q in p[k] at step d; 0 if a stencil point
 * changes the branch. Round-off: eps relative plus abs_eps absolute per value. */
static int fd4(const shp_material *m, int k, const quantity *q, double d, double eps,
               double abs_eps, double *fd, double *noise)
{
    const int b0 = branch(m, q);
    const double off[4] = {-2.0, -1.0, 1.0, 2.0};
    double f[4];
    for (int i = 0; i < 4; ++i) {
        shp_material mm = *m;
        mm.p[k] += off[i] * d;
        if (branch(&mm, q) != b0) return 0;
        f[i] = q_value(&mm, q);
        if (!isfinite(f[i])) return 0;
    }
    *fd = (f[0] - 8.0 * f[1] + 8.0 * f[2] - f[3]) / (12.0 * d);
    *noise = (eps * (fabs(f[0]) + 8.0 * fabs(f[1]) + 8.0 * fabs(f[2]) + fabs(f[3])) + 18.0 * abs_eps)
             / (12.0 * d);
    return 1;
}

static fd_result fd_param(const shp_material *m, int k, const quantity *q)
{
    fd_result r = {0.0, 0.0, 0.0, 0.0, 0};
    /* the inverse heads: the root finder's 1e-15 in ln ψ, and the target θ's rounding
     * (a few 1e-17) over the slope C, which dominates near saturation where C → 0 */
    const int inverse = q->kind == Q_H_OF_SE || q->kind == Q_H_OF_THETA;
    const double eps = inverse ? 1e-14 : 1e-15;
    double abs_eps = 0.0;
    if (inverse) {
        const double h = q->kind == Q_H_OF_SE ? shp_hyd_h_of_se(m, q->x) : shp_hyd_h_of_theta(m, q->x);
        double th, K, C, dK;
        shp_hyd_eval(m, h, &th, &K, &C, &dK);
        abs_eps = C > 0.0 ? 4e-16 * theta_s(m) / C : 0.0;
    }
    r.ps = fabs(m->p[k]) > 0.0 ? fabs(m->p[k]) : 1e-2;
    double prev = NAN, prev_noise = 0.0, best = INFINITY;
    double d = 1e-3 * r.ps;
    for (int j = 0; j < 30; ++j, d *= 0.25) {
        double fd, noise;
        if (!fd4(m, k, q, d, eps, abs_eps, &fd, &noise)) {
            prev = NAN;
            continue;
        }
        if (isfinite(prev)) {
            const double diff = fabs(fd - prev);
            if (diff < best) {
                best = diff;
                r.fd = fd;
                r.noise = fmax(noise, prev_noise);
                r.est = diff;
                r.ok = 1;
            }
            /* past the optimum the noise grows: stop once it dominates */
            if (r.ok && noise > 100.0 * best && j > 3) break;
        }
        prev = fd;
        prev_noise = noise;
    }
    return r;
}

/* ------------------------------------------------------------------ checking */

typedef struct {
    int checked, strict;
    int tiny; /* exactly 0 (θ or K constant in p), or a change below 1e-9 of θs, Ks, |h|
               * when p doubles: no difference of double values resolves those */
    double worst;     /* worst |an − fd|/|an| where the difference resolves to RTOL/10 */
    double worst_all; /* worst |an − fd|/tolerance */
} tally;

static void check_one(const char *cname, const shp_material *m, int k, const quantity *q,
                      double analytic, double floor_q, tally *t)
{
    const fd_result r = fd_param(m, k, q);
    cr_assert(r.ok, "%s %s/d%s at x=%g: no finite difference without crossing a branch", cname,
              q_names[q->kind], param_name(m, k), q->x);
    const double scale = floor_q / r.ps;
    const double tol = RTOL * fmax(fabs(analytic), scale) + r.noise + r.est;
    const double diff = fabs(analytic - r.fd);
    cr_expect(isfinite(analytic) && diff <= tol,
              "%s: %s/d%s at %s = %g: analytic %.15g, finite difference %.15g (|diff| %.3g, "
              "tolerance %.3g: difference round-off %.2g, step disagreement %.2g)",
              cname, q_names[q->kind], param_name(m, k),
              q->kind <= Q_K ? "h" : q->kind == Q_H_OF_SE ? "Se" : "theta", q->x, analytic, r.fd,
              diff, tol, r.noise, r.est);
    ++t->checked;
    const int tiny = fabs(analytic) * r.ps < 1e3 * floor_q;
    t->tiny += tiny;
    t->worst_all = fmax(t->worst_all, diff / tol);
    if (r.noise + r.est < 0.1 * RTOL * fabs(analytic)) {
        t->strict += !tiny;
        t->worst = fmax(t->worst, diff / fabs(analytic));
    }
}

/* One line per model of the worst discrepancies; at least half the checks of
 * derivatives that are not tiny strict. */
typedef struct {
    tally t[SHP_MODEL_COUNT];
} model_tally;

static void report(const char *what, const model_tally *mt)
{
    for (int id = 0; id < SHP_MODEL_COUNT; ++id) {
        const tally *t = &mt->t[id];
        if (!t->checked) continue;
        const int sizeable = t->checked - t->tiny;
        cr_expect(t->strict >= sizeable / 2,
                  "%s %s: only %d of %d checks of derivatives that are not tiny resolved to "
                  "RTOL/10", what, shp_model_by_id(id)->name, t->strict, sizeable);
        cr_log_info("%-8s %-22s %4d checks, %4d tiny, %4d strict: worst relative %.2e, "
                    "worst |diff|/tol %.2f\n",
                    what, shp_model_by_id(id)->name, t->checked, t->tiny, t->strict, t->worst,
                    t->worst_all);
    }
}

static void check_theta_K(const char *name, const shp_material *m, tally *t)
{
    for (int ih = 0; ih < N_HEADS; ++ih) {
        const double h = heads[ih];
        double dth[SHP_MAX_PARAMS], dK[SHP_MAX_PARAMS];
        shp_hyd_eval_dp(m, h, dth, dK);
        for (int k = 0; k < n_params(m); ++k) {
            const quantity qt = {Q_THETA, h}, qk = {Q_K, h};
            check_one(name, m, k, &qt, dth[k], 1e-12 * theta_s(m), t);
            check_one(name, m, k, &qk, dK[k], 1e-12 * ks_of(m), t);
        }
    }
}

Test(hyd_dp, theta_and_K_match_finite_differences)
{
    model_tally mt;
    memset(&mt, 0, sizeof mt);
    for (int c = 0; c < N_CASES; ++c) {
        const shp_material m = case_material(&cases[c]);
        check_theta_K(cases[c].name, &m, &mt.t[m.model]);
    }
    report("theta,K", &mt);
}

/* Four random valid materials of every model, each free parameter drawn within the
 * registry's inversion bounds (fixtures.h), fixed ones at their defaults. */
Test(hyd_dp, random_materials_match_finite_differences)
{
    model_tally mt;
    memset(&mt, 0, sizeof mt);
    for (int id = 0; id < SHP_MODEL_COUNT; ++id)
        for (int draw = 0; draw < 4; ++draw) {
            shp_material m;
            cr_assert_eq(random_material(id, 2024, (uint64_t)(10 * id + draw), &m), 0);
            char name[96];
            snprintf(name, sizeof name, "%s (random draw %d)", shp_model_by_id(id)->name, draw);
            check_theta_K(name, &m, &mt.t[id]);
        }
    report("random", &mt);
}

/* Saturated: θ = θs and K = Ks exactly, so exactly 1 and 0 (air-entry heads too). */
Test(hyd_dp, saturated_branch_is_exact)
{
    for (int c = 0; c < N_CASES; ++c) {
        const shp_material m = case_material(&cases[c]);
        const shp_model_desc *d = shp_model_by_id(m.model);
        const double hsat = shp_hyd_h_of_se(&m, 1.0);
        const double hs[] = {0.0, 0.5, 100.0, 0.5 * hsat};
        for (int i = 0; i < 4; ++i) {
            double dth[SHP_MAX_PARAMS], dK[SHP_MAX_PARAMS];
            shp_hyd_eval_dp(&m, hs[i], dth, dK);
            /* θs is θmax's parameter; FG2021 has no θs-like first entry otherwise */
            double dmin[SHP_MAX_PARAMS], dmax[SHP_MAX_PARAMS];
            shp_hyd_theta_limits_dp(&m, dmin, dmax);
            for (int k = 0; k < SHP_MAX_PARAMS; ++k) {
                const double want_th = k < d->n_params ? dmax[k] : 0.0;
                const double want_K = k < d->n_params && k == shp_model_param_index(d, "Ks");
                cr_expect(dth[k] == want_th && dK[k] == want_K,
                          "%s h=%g: d/d%s theta %g K %g, expected %g %g", cases[c].name, hs[i],
                          k < d->n_params ? d->params[k].name : "(unused)", dth[k], dK[k],
                          want_th, want_K);
            }
        }
    }
}

Test(hyd_dp, zero_beyond_the_parameter_count_and_finite_everywhere)
{
    for (int c = 0; c < N_CASES; ++c) {
        const shp_material m = case_material(&cases[c]);
        const int np = n_params(&m);
        for (int e = -300; e <= 300; e += e < -12 || e >= 12 ? 8 : 1) {
            const double h = -pow(10.0, e);
            double dth[SHP_MAX_PARAMS], dK[SHP_MAX_PARAMS], th, K, C, dKh;
            for (int k = 0; k < SHP_MAX_PARAMS; ++k) dth[k] = dK[k] = NAN;
            shp_hyd_eval_dp(&m, h, dth, dK);
            /* finite wherever θ and K are (VGM with l < 0 gives K = ∞·0 at ψ ~ 1e150) */
            shp_hyd_eval(&m, h, &th, &K, &C, &dKh);
            const int finite = isfinite(th) && isfinite(K);
            for (int k = 0; k < SHP_MAX_PARAMS; ++k) {
                if (k >= np)
                    cr_expect(dth[k] == 0.0 && dK[k] == 0.0, "%s h=%g: entry %d is %g %g",
                              cases[c].name, h, k, dth[k], dK[k]);
                else if (finite)
                    cr_expect(isfinite(dth[k]) && isfinite(dK[k]), "%s h=%g: d/d%s = %g, %g",
                              cases[c].name, h, param_name(&m, k), dth[k], dK[k]);
            }
        }
    }
}

Test(hyd_dp, theta_limits_match_finite_differences)
{
    model_tally mt;
    memset(&mt, 0, sizeof mt);
    for (int c = 0; c < N_CASES; ++c) {
        const shp_material m = case_material(&cases[c]);
        double dmin[SHP_MAX_PARAMS], dmax[SHP_MAX_PARAMS];
        shp_hyd_theta_limits_dp(&m, dmin, dmax);
        for (int k = 0; k < n_params(&m); ++k) {
            const quantity q0 = {Q_THETA_MIN, 0.0}, q1 = {Q_THETA_MAX, 0.0};
            check_one(cases[c].name, &m, k, &q0, dmin[k], 1e-12 * theta_s(&m), &mt.t[m.model]);
            check_one(cases[c].name, &m, k, &q1, dmax[k], 1e-12 * theta_s(&m), &mt.t[m.model]);
        }
        /* θmax is θs for every model: exactly one 1 */
        double sum = 0.0;
        for (int k = 0; k < SHP_MAX_PARAMS; ++k) sum += dmax[k];
        cr_expect(sum == 1.0, "%s: dtheta_max sums to %g", cases[c].name, sum);
    }
    /* most limits are constant in most parameters (exact 0 = 0): no strictness demand */
    for (int id = 0; id < SHP_MODEL_COUNT; ++id) mt.t[id].strict = mt.t[id].checked - mt.t[id].tiny;
    report("limits", &mt);
}

static const double ses[] = {0.999, 0.9, 0.5, 0.1, 1e-3};
#define N_SES ((int)(sizeof ses / sizeof ses[0]))

Test(hyd_dp, h_of_se_matches_finite_differences)
{
    model_tally mt;
    memset(&mt, 0, sizeof mt);
    for (int c = 0; c < N_CASES; ++c) {
        const shp_material m = case_material(&cases[c]);
        for (int i = 0; i < N_SES; ++i) {
            const double se = ses[i], h = shp_hyd_h_of_se(&m, se);
            double dh[SHP_MAX_PARAMS];
            shp_hyd_h_of_se_dp(&m, se, h, dh);
            for (int k = 0; k < n_params(&m); ++k) {
                const quantity q = {Q_H_OF_SE, se};
                check_one(cases[c].name, &m, k, &q, dh[k], 1e-12 * fmax(fabs(h), 1.0),
                          &mt.t[m.model]);
            }
        }
    }
    report("h(Se)", &mt);
}

Test(hyd_dp, h_of_theta_matches_finite_differences)
{
    model_tally mt;
    memset(&mt, 0, sizeof mt);
    for (int c = 0; c < N_CASES; ++c) {
        const shp_material m = case_material(&cases[c]);
        double tmin, tmax;
        shp_hyd_theta_limits(&m, &tmin, &tmax);
        for (int i = 0; i < N_SES; ++i) {
            const double th = tmin + ses[i] * (tmax - tmin), h = shp_hyd_h_of_theta(&m, th);
            double dh[SHP_MAX_PARAMS];
            shp_hyd_h_of_theta_dp(&m, th, h, dh);
            for (int k = 0; k < n_params(&m); ++k) {
                const quantity q = {Q_H_OF_THETA, th};
                check_one(cases[c].name, &m, k, &q, dh[k], 1e-12 * fmax(fabs(h), 1.0),
                          &mt.t[m.model]);
            }
        }
    }
    report("h(theta)", &mt);
}

/* Se = 1 and θ = θs: the driest saturated head, 0 or an air-entry parameter (h_s of
 * vgm_ae: +1; −hb, −ψs: −1). Se ≤ 0, θ ≤ θmin (h = −∞) and NaN: 0s. */
Test(hyd_dp, inverse_at_saturation_and_outside)
{
    for (int c = 0; c < N_CASES; ++c) {
        const shp_material m = case_material(&cases[c]);
        double tmin, tmax;
        shp_hyd_theta_limits(&m, &tmin, &tmax);
        double want[SHP_MAX_PARAMS] = {0.0};
        if (m.model == SHP_MODEL_VGM_AE) want[SHP_VGMAE_HS] = 1.0;
        if (m.model == SHP_MODEL_BROOKS_COREY) want[SHP_BC_HB] = -1.0;
        if (m.model == SHP_MODEL_CLAPP_HORNBERGER) want[SHP_CH_PSI_S] = -1.0;
        double d1[SHP_MAX_PARAMS], d2[SHP_MAX_PARAMS], d3[SHP_MAX_PARAMS], d4[SHP_MAX_PARAMS];
        shp_hyd_h_of_se_dp(&m, 1.0, shp_hyd_h_of_se(&m, 1.0), d1);
        shp_hyd_h_of_theta_dp(&m, tmax, shp_hyd_h_of_theta(&m, tmax), d2);
        shp_hyd_h_of_se_dp(&m, 0.0, -HUGE_VAL, d3);
        shp_hyd_h_of_theta_dp(&m, NAN, NAN, d4);
        for (int k = 0; k < SHP_MAX_PARAMS; ++k) {
            cr_expect(d1[k] == want[k] && d2[k] == want[k], "%s: saturated dh[%d] = %g, %g, want %g",
                      cases[c].name, k, d1[k], d2[k], want[k]);
            cr_expect(d3[k] == 0.0 && d4[k] == 0.0, "%s: dh[%d] outside = %g, %g", cases[c].name,
                      k, d3[k], d4[k]);
        }
        /* and these agree with differences of the saturated head itself */
        for (int k = 0; k < n_params(&m); ++k) {
            shp_material a = m, b = m;
            const double d = 1e-6 * fmax(fabs(m.p[k]), 1e-2);
            a.p[k] += d;
            b.p[k] -= d;
            const double fd = (shp_hyd_h_of_se(&a, 1.0) - shp_hyd_h_of_se(&b, 1.0)) / (2.0 * d);
            cr_expect(fabs(fd - want[k]) <= 1e-8, "%s: d h_sat/d%s = %g by difference, %g", cases[c].name,
                      param_name(&m, k), fd, want[k]);
        }
    }
}

/* ------------------------------------------------------------------ scaling identities */

/* Each model's curves depend on a scale parameter only through a scaled suction, so a
 * combination of the scale derivatives is an h-derivative:
 *   Σ c_j p_j ∂f/∂p_j = s h df/dh   (f = θ with C, f = K with dK/dh),
 * e.g. VGM θ(αψ): α ∂θ/∂α = h C; Kosugi θ(ψ/hm): hm ∂θ/∂hm = −h C; PDI f(αψ, αh0):
 * α ∂/∂α − h0 ∂/∂h0 = h d/dh; FXW θs Cf(ψ/hr, h0/hr) Γ(αψ): α ∂/∂α − hr ∂/∂hr − h0 ∂/∂h0
 * = h d/dh; Haverkamp θ(ψ^β/A1), K(ψ^γ/A): β A1 ∂/∂A1 + γ A ∂/∂A =
 * −h d/dh. Exact, so they hold to rounding at every head, saturated and dry alike. */
typedef struct {
    int model, n;
    const char *name[3]; /* parameters by name */
    double c[3];         /* coefficient (0: the parameter's own value for Haverkamp's β, γ) */
    double s;
} identity;

static const identity identities[] = {
    {SHP_MODEL_VGM, 1, {"alpha"}, {1.0}, 1.0},
    {SHP_MODEL_VGM_AE, 2, {"alpha", "h_s"}, {1.0, -1.0}, 1.0},
    {SHP_MODEL_DURNER, 2, {"alpha1", "alpha2"}, {1.0, 1.0}, 1.0},
    {SHP_MODEL_BROOKS_COREY, 1, {"hb"}, {1.0}, -1.0},
    {SHP_MODEL_CLAPP_HORNBERGER, 1, {"psi_s"}, {1.0}, -1.0},
    {SHP_MODEL_GARDNER, 1, {"alpha"}, {1.0}, 1.0},
    {SHP_MODEL_HAVERKAMP, 2, {"A1", "A"}, {0.0, 0.0}, -1.0},
    {SHP_MODEL_KOSUGI, 1, {"hm"}, {1.0}, -1.0},
    {SHP_MODEL_KOSUGI2_HYPIX, 2, {"hm", "hmMac"}, {1.0, 1.0}, -1.0},
    {SHP_MODEL_KOSUGI2_MUALEM, 2, {"hm", "hmMac"}, {1.0, 1.0}, -1.0},
    {SHP_MODEL_KOSUGI2_FG2021, 1, {"len_mm"}, {1.0}, 1.0},
    {SHP_MODEL_KOSUGI2_FG2021_MUALEM, 1, {"len_mm"}, {1.0}, 1.0},
    {SHP_MODEL_PDI, 2, {"alpha", "h0"}, {1.0, -1.0}, 1.0},
    {SHP_MODEL_FXW, 3, {"alpha", "hr", "h0"}, {1.0, -1.0, -1.0}, 1.0},
};
#define N_IDENTITIES ((int)(sizeof identities / sizeof identities[0]))

Test(hyd_dp, scaling_identities_hold_at_every_head)
{
    int checked = 0;
    double worst = 0.0;
    for (int c = 0; c < N_CASES; ++c) {
        const shp_material m = case_material(&cases[c]);
        const shp_model_desc *d = shp_model_by_id(m.model);
        const identity *id = NULL;
        for (int i = 0; i < N_IDENTITIES; ++i)
            if (identities[i].model == m.model) id = &identities[i];
        cr_assert_not_null(id, "%s: no identity for model %s", cases[c].name, d->name);
        int idx[3];
        double coef[3];
        for (int j = 0; j < id->n; ++j) {
            idx[j] = shp_model_param_index(d, id->name[j]);
            cr_assert(idx[j] >= 0, "%s has no parameter %s", d->name, id->name[j]);
            coef[j] = id->c[j] != 0.0 ? id->c[j]
                      : m.p[idx[j] == SHP_HAV_A1 ? SHP_HAV_BETA : SHP_HAV_GAMMA]; /* β, γ */
        }
        for (int e = -10; e <= 10; ++e) {
            const double h = -pow(10.0, e);
            double th, K, C, dKh, dth[SHP_MAX_PARAMS], dK[SHP_MAX_PARAMS];
            shp_hyd_eval(&m, h, &th, &K, &C, &dKh);
            shp_hyd_eval_dp(&m, h, dth, dK);
            for (int q = 0; q < 2; ++q) {
                const double *df = q ? dK : dth;
                double lhs = 0.0, mag = 0.0;
                for (int j = 0; j < id->n; ++j) {
                    const double t = coef[j] * m.p[idx[j]] * df[idx[j]];
                    lhs += t;
                    mag += fabs(t);
                }
                const double rhs = id->s * h * (q ? dKh : C);
                const double err = fabs(lhs - rhs), scale = fmax(mag, fabs(rhs));
                cr_expect(err <= 1e-12 * scale + 1e-300,
                          "%s h=%g: %s scale identity: %.15g vs %s h d/dh = %.15g (rel %.2e)",
                          cases[c].name, h, q ? "K" : "theta", lhs, id->s > 0 ? "" : "-", rhs,
                          scale > 0.0 ? err / scale : 0.0);
                ++checked;
                if (scale > 0.0) worst = fmax(worst, err / scale);
            }
        }
    }
    cr_log_info("scaling identities: %d checks, worst relative %.2e\n", checked, worst);
}

/* The registry's "K only" flag is what a retention-only fit relies on to leave a
 * parameter out: θ(h) must not move with a K-only parameter in any case above, and
 * must move with every other non-fixed parameter in some case of its model. Checked by
 * perturbing the parameter (not through the analytic derivatives, which could share a
 * mistake with the flag). */
Test(hyd_dp, k_only_parameters_leave_theta_unchanged)
{
    static double moved[SHP_MODEL_COUNT][SHP_MAX_PARAMS];
    for (int c = 0; c < N_CASES; ++c) {
        const shp_material m = case_material(&cases[c]);
        const shp_model_desc *d = shp_model_by_id(m.model);
        for (int k = 0; k < d->n_params; ++k) {
            shp_material q = m;
            q.p[k] = m.p[k] != 0.0 ? m.p[k] * (1.0 + 1e-3) : 1e-3;
            char msg[256];
            if (shp_model_validate(&q, msg, sizeof msg) != 0) {
                q.p[k] = m.p[k] != 0.0 ? m.p[k] * (1.0 - 1e-3) : -1e-3;
                if (shp_model_validate(&q, msg, sizeof msg) != 0) continue;
            }
            double dt = 0.0;
            for (int i = 0; i < N_HEADS; ++i) {
                double t0, t1, K, C, dK;
                shp_hyd_eval(&m, heads[i], &t0, &K, &C, &dK);
                shp_hyd_eval(&q, heads[i], &t1, &K, &C, &dK);
                dt = fmax(dt, fabs(t1 - t0));
            }
            if (d->params[k].k_only)
                cr_expect(dt == 0.0, "%s: %s is marked K only but moves theta by %g", cases[c].name,
                          d->params[k].name, dt);
            moved[m.model][k] = fmax(moved[m.model][k], dt);
        }
    }
    for (int id = 0; id < SHP_MODEL_COUNT; ++id) {
        const shp_model_desc *d = shp_model_by_id(id);
        for (int k = 0; k < d->n_params; ++k)
            if (!d->params[k].k_only && !d->params[k].fixed)
                cr_expect(moved[id][k] > 1e-9, "%s: theta does not move with %s: mark it K only", d->name,
                          d->params[k].name);
    }
}
