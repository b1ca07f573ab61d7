/* The forward solver against the benchmark problems of docs/reference_values.md,
 * through the C API (no configuration files). Every grid, time-step limit and tolerance
 * is documented here and in docs/verification.md, with the reason for the tolerance;
 * `shpfit-tests --verbose` logs every measured number.
 *
 *   §1 ponded loam ............ ponded_loam::*
 *   §2 Celia test 1 ........... celia::test1_haverkamp
 *   §3 Celia test 2 ........... celia::test2_van_genuchten
 *   §4 Srivastava–Yeh ......... srivastava_yeh::*
 *   §5 layered steady profile . layered::*
 *   §6 Miller robustness ...... miller::*
 *   failure path, time-varying flux top ... solver::*
 */
#include <criterion/criterion.h>
#include <criterion/logging.h>

#include "fixtures.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "shpfit/column.h"

/* ------------------------------------------------------------------ helpers */

typedef struct {
    int n;
    double *z, *h0;
    int *mat;
    shp_column col;
    shp_column_result res;
    int have_res;
} column_case;

/* n nodes on [0, depth], geometric ratio (1 = uniform), one material, default options. */
static void case_init(column_case *c, int n, double depth, double ratio)
{
    memset(c, 0, sizeof *c);
    c->n = n;
    c->z = malloc((size_t)n * sizeof *c->z);
    c->h0 = malloc((size_t)n * sizeof *c->h0);
    c->mat = calloc((size_t)n, sizeof *c->mat);
    cr_assert(c->z && c->h0 && c->mat, "out of memory");
    shp_grid_geometric(n, depth, ratio, c->z);
    c->col.n = n;
    c->col.z = c->z;
    c->col.mat_of_node = c->mat;
    c->col.opt = shp_solver_opts_default();
}

/* The face scheme of the references computed by HYDRUS and by the other codes these tests
 * compare with: the arithmetic mean of K, the boundary node's fill at t = 0+ not counted as
 * inflow (the library's default is the kirchhoff face with the fill counted). */
static void case_hydrus_faces(column_case *c)
{
    c->col.opt.kmean = SHP_KMEAN_ARITHMETIC;
    c->col.opt.count_fill = 0;
}

static int case_run(column_case *c, const shp_material *mats)
{
    if (c->have_res) shp_column_result_free(&c->res);
    cr_assert_eq(shp_column_result_alloc(&c->col, &c->res), SHP_OK, "result allocation failed");
    c->have_res = 1;
    return shp_column_run_cpu(&c->col, mats, c->h0, &c->res);
}

/* Uniform initial head h_init, 2 cm ponding over free drainage, outputs t_out. */
static void case_ponded(column_case *c, double h_init, const double *t_out, int n_out)
{
    for (int i = 0; i < c->n; ++i) c->h0[i] = h_init;
    c->col.top.type = SHP_BC_HEAD;
    c->col.top.value = 2.0;
    c->col.bottom.type = SHP_BC_FREE_DRAINAGE;
    c->col.t_out = t_out;
    c->col.n_out = n_out;
}

static void case_free(column_case *c)
{
    if (c->have_res) shp_column_result_free(&c->res);
    free(c->z);
    free(c->h0);
    free(c->mat);
}

/* Profile value at a depth (linear between nodes); prof is one row of n values. */
static double at_depth(const column_case *c, const double *prof, double depth)
{
    int i;
    double w;
    cr_assert_eq(shp_grid_locate(c->z, c->n, depth, &i, &w), 0, "depth %g outside the column", depth);
    return w > 0.0 ? (1.0 - w) * prof[i] + w * prof[i + 1] : prof[i];
}

/* First depth from the top where θ crosses θ_mid (the "mid-θ front"). */
static double front_depth(const column_case *c, const double *theta, double theta_mid)
{
    for (int i = 0; i + 1 < c->n; ++i) {
        const double a = theta[i] - theta_mid, b = theta[i + 1] - theta_mid;
        if (a == 0.0) return c->z[i];
        if (a * b < 0.0) return c->z[i] + a / (a - b) * (c->z[i + 1] - c->z[i]);
    }
    return NAN;
}

static void expect_ok(const column_case *c, const char *what)
{
    const shp_column_stats *s = &c->res.stats;
    cr_expect_eq(s->status, SHP_OK, "%s: status %d (%s) at t = %g after %ld steps", what, s->status,
                 shp_status_name(s->status), s->t_reached, s->steps);
    cr_log_info("%s: %ld steps, %ld iterations, %ld failures, max |balance| %.2e\n", what, s->steps,
                s->iterations, s->failures, s->max_abs_balance);
}

/* |got − ref| ≤ tol_pct % of |ref|, logged either way. */
static void expect_rel(const char *what, double got, double ref, double tol_pct)
{
    const double pct = 100.0 * (got - ref) / fabs(ref);
    cr_log_info("  %-34s %12.6f  reference %12.6f  %+8.3f %%  (tolerance %.2f %%)\n", what, got, ref,
                pct, tol_pct);
    cr_expect(fabs(pct) <= tol_pct, "%s = %.6f, reference %.6f: %+.3f %% exceeds %.2f %%", what, got,
              ref, pct, tol_pct);
}

/* |got − ref| ≤ tol, logged either way. */
static void expect_abs(const char *what, double got, double ref, double tol)
{
    cr_log_info("  %-34s %12.6f  reference %12.6f  %+10.5f  (tolerance %g)\n", what, got, ref,
                got - ref, tol);
    cr_expect(fabs(got - ref) <= tol, "%s = %.6f, reference %.6f: off by %.5f, tolerance %g", what, got,
              ref, got - ref, tol);
}

static double theta_of(const shp_material *m, double h)
{
    double th, K, C, dK;
    shp_hyd_eval(m, h, &th, &K, &C, &dK);
    return th;
}

/* ------------------------------------------------------------------ §1 ponded loam */

/* VGM loam in cm and minutes; initial Se = 0.4 everywhere; top h = +2 cm; free drainage. */
static shp_material loam_cm_min(void) { return shp_material_vgm(0.078, 0.43, 0.036, 1.56, 0.01733, 0.5); }

static const double PL_T[5] = {5, 30, 60, 120, 180};
static const double PL_REF[5] = {0.5945, 1.5941, 2.4131, 3.7753, 5.0054};       /* converged */
static const double PL_HYDRUS101[5] = {0.5824, 1.5739, 2.3887, 3.7470, 4.9753}; /* 101 uniform */

static void ponded_loam_init(column_case *c, const shp_material *loam, int n, double ratio,
                             const double *t_out, int n_out)
{
    case_init(c, n, 100.0, ratio);
    case_hydrus_faces(c);
    case_ponded(c, shp_hyd_h_of_se(loam, 0.4), t_out, n_out);
}

/* Refined grid: 101 nodes, geometric ratio 1.03 (first interval 0.165 cm, last 4.8 cm),
 * run three times: with the default solver options, with dt ≤ 0.1 min (tol_mass 1e-12, so
 * that ~1800 steps keep the balance below 1e-8 cm) to separate the grid's error from the
 * time discretisation's, and on the fixed schedule with dt ≤ 0.25 min (solver.step_control;
 * 753 steps, Q(5) −0.89 %, Q(180) −0.008 %). Tolerances, for both runs: Q(180) 0.3 % (the target), Q(120) and
 * Q(60) 0.3 %, Q(30) 0.5 %, Q(5) 1 %: at 5 min the front is only 3 cm deep and the
 * O(dz) top half cell and the VGM n < 2 singularity at h → 0⁻ dominate (801 nodes at
 * ratio 1.005 still move Q(5) by +0.4 %, Q(180) by < 0.01 %). Measured: see
 * docs/verification.md. */
Test(ponded_loam, refined_grid_vs_converged_reference)
{
    const shp_material loam = loam_cm_min();
    static const double tol[5] = {1.0, 0.5, 0.3, 0.3, 0.3};
    static const char *const what_run[3] = {"ponded loam 101/1.03, defaults", "ponded loam 101/1.03, dt <= 0.1 min",
                                            "ponded loam 101/1.03, fixed schedule, dt <= 0.25 min"};
    for (int run = 0; run < 3; ++run) {
        column_case c;
        ponded_loam_init(&c, &loam, 101, 1.03, PL_T, 5);
        if (run == 1) {
            c.col.opt.dt_max = 0.1;
            c.col.opt.tol_mass = 1e-12;
        } else if (run == 2) {
            c.col.opt.step_control = SHP_STEP_FIXED;
            c.col.opt.dt_max = 0.25;
        }
        case_run(&c, &loam);
        expect_ok(&c, what_run[run]);
        char what[64];
        for (int k = 0; k < 5; ++k) {
            snprintf(what, sizeof what, "Q(%g min) [cm]", PL_T[k]);
            expect_rel(what, c.res.out.Q[k], PL_REF[k], tol[k]);
            cr_expect(fabs(c.res.out.balance[k]) < 1e-8, "balance at %g min: %.3e cm", PL_T[k],
                      c.res.out.balance[k]);
        }
        case_free(&c);
    }
}

/* 101 uniform nodes (dz = 1 cm), HYDRUS-1D's grid. HYDRUS took 217 time steps; with
 * dt ≤ 1 min and tol_time 1e-3 (a time accuracy like HYDRUS's: the default 1e-4 is more
 * accurate in time, +0.3 % at 30 min against HYDRUS's own time error) the solver takes a
 * comparable number and must land within 0.1 % of HYDRUS at
 * 60, 120 and 180 min (the brief's requirement), 0.2 % at 30 min and 1 % at 5 min, where
 * the two codes' different early step sizes dominate. The default options (their own
 * step count) are logged and held to 0.3 % of HYDRUS at 180 min. Both runs must be 0.4–1 %
 * below the converged 5.0054, as HYDRUS's 101-node run is (0.6 %). */
Test(ponded_loam, uniform_101_vs_hydrus)
{
    const shp_material loam = loam_cm_min();
    static const double tol[5] = {1.0, 0.2, 0.1, 0.1, 0.1};
    for (int run = 0; run < 2; ++run) {
        column_case c;
        ponded_loam_init(&c, &loam, 101, 1.0, PL_T, 5);
        if (run == 0) {
            c.col.opt.dt_max = 1.0;
            c.col.opt.tol_time = 1e-3;
        }
        case_run(&c, &loam);
        expect_ok(&c, run ? "ponded loam 101 uniform, defaults" : "ponded loam 101 uniform, dt <= 1 min");
        char what[64];
        if (run == 0) {
            for (int k = 0; k < 5; ++k) {
                snprintf(what, sizeof what, "Q(%g min) vs HYDRUS 101 [cm]", PL_T[k]);
                expect_rel(what, c.res.out.Q[k], PL_HYDRUS101[k], tol[k]);
            }
        } else {
            expect_rel("Q(180 min) vs HYDRUS 101 [cm]", c.res.out.Q[4], PL_HYDRUS101[4], 0.3);
        }
        expect_rel("Q(180 min) vs converged [cm]", c.res.out.Q[4], PL_REF[4], 1.0);
        cr_expect(c.res.out.Q[4] < PL_REF[4] * (1 - 0.004), "101 uniform nodes should be >= 0.4 %% low");
        cr_expect(c.res.stats.max_abs_balance < 1e-8, "max |balance| %.3e", c.res.stats.max_abs_balance);
        case_free(&c);
    }
}

/* Output every minute on the refined grid, default options: water balance < 1e-8 cm at
 * every output time, Q strictly increasing, v_inst and v_mean positive and strictly
 * decreasing from 2 min on, v_mean·Δt = ΔQ, and Q at 5…180 min within the tolerances of
 * refined_grid_vs_converged_reference (steps clipped to 180 output times change Q only by
 * the time discretisation). */
Test(ponded_loam, series_balance_and_monotonicity)
{
    enum { NT = 180 };
    static double t_out[NT];
    for (int k = 0; k < NT; ++k) t_out[k] = k + 1.0;
    const shp_material loam = loam_cm_min();
    column_case c;
    ponded_loam_init(&c, &loam, 101, 1.03, t_out, NT);
    case_run(&c, &loam);
    expect_ok(&c, "ponded loam 101/1.03, output every minute");
    const shp_column_out *o = &c.res.out;
    double max_bal = 0.0;
    for (int k = 0; k < NT; ++k) {
        max_bal = fmax(max_bal, fabs(o->balance[k]));
        cr_expect(fabs(o->balance[k]) < 1e-8, "balance at %g min: %.3e cm", t_out[k], o->balance[k]);
        cr_expect(o->v_inst[k] > 0.0 && o->v_mean[k] > 0.0, "t=%g: v_inst %g v_mean %g", t_out[k],
                  o->v_inst[k], o->v_mean[k]);
        if (k > 0) cr_expect(o->Q[k] > o->Q[k - 1], "Q not increasing at %g min", t_out[k]);
        if (k >= 2) {
            cr_expect(o->v_inst[k] < o->v_inst[k - 1], "v_inst not decreasing at %g min: %.8f after %.8f",
                      t_out[k], o->v_inst[k], o->v_inst[k - 1]);
            cr_expect(o->v_mean[k] < o->v_mean[k - 1], "v_mean not decreasing at %g min: %.8f after %.8f",
                      t_out[k], o->v_mean[k], o->v_mean[k - 1]);
        }
        /* the mean over each interval is the increment of Q, exactly */
        const double dQ = o->Q[k] - (k ? o->Q[k - 1] : 0.0);
        cr_expect(fabs(o->v_mean[k] * (t_out[k] - (k ? t_out[k - 1] : 0.0)) - dQ) <= 1e-14,
                  "v_mean inconsistent with Q at %g min", t_out[k]);
    }
    cr_log_info("  max |balance| over 180 outputs: %.2e cm; v_inst(1) %.5f, v_inst(180) %.5f cm/min\n",
                max_bal, o->v_inst[0], o->v_inst[NT - 1]);
    for (int k = 0; k < 5; ++k) {
        char what[64];
        snprintf(what, sizeof what, "Q(%g min), dense outputs [cm]", PL_T[k]);
        expect_rel(what, o->Q[(int)PL_T[k] - 1], PL_REF[k], k == 0 ? 1.0 : k == 1 ? 0.5 : 0.3);
    }

    /* Parlange sorptivity (reference_values.md §1: S = 0.2485 cm/min^½ for h0 = 2 cm): fit
     * Q = c0 + S √t + A t to 1–10 min by least squares (c0 absorbs the top half-cell the
     * grid cannot resolve); a sanity check, 5 % */
    double M[3][4] = {{0}};
    for (int k = 0; k < 10; ++k) {
        const double phi[3] = {1.0, sqrt(t_out[k]), t_out[k]};
        for (int a = 0; a < 3; ++a) {
            for (int b = 0; b < 3; ++b) M[a][b] += phi[a] * phi[b];
            M[a][3] += phi[a] * o->Q[k];
        }
    }
    for (int p = 0; p < 3; ++p) /* Gauss–Jordan, well conditioned at this size */
        for (int r = 0; r < 3; ++r) {
            if (r == p) continue;
            const double f = M[r][p] / M[p][p];
            for (int q = p; q < 4; ++q) M[r][q] -= f * M[p][q];
        }
    const double S = M[1][3] / M[1][1];
    expect_rel("sorptivity fit 1-10 min [cm/min^0.5]", S, 0.2485, 5.0);
    case_free(&c);
}

/* Uniform grids 26, 51, 101, 201 nodes (dz = 4, 2, 1, 0.5 cm): each halving of dz moves
 * Q(180) by less than the previous halving did, and toward the converged 5.0054 cm. */
Test(ponded_loam, grid_convergence_uniform)
{
    const shp_material loam = loam_cm_min();
    const int nodes[4] = {26, 51, 101, 201};
    double Q[4];
    for (int g = 0; g < 4; ++g) {
        column_case c;
        ponded_loam_init(&c, &loam, nodes[g], 1.0, PL_T, 5);
        case_run(&c, &loam);
        char what[64];
        snprintf(what, sizeof what, "ponded loam %d uniform nodes", nodes[g]);
        expect_ok(&c, what);
        Q[g] = c.res.out.Q[4];
        cr_log_info("  %3d nodes: Q(180) = %.5f cm (%+.3f %% vs 5.0054)\n", nodes[g], Q[g],
                    100.0 * (Q[g] / PL_REF[4] - 1.0));
        case_free(&c);
    }
    for (int g = 1; g < 4; ++g) {
        const double step = Q[g] - Q[g - 1];
        cr_expect(fabs(Q[g] - PL_REF[4]) < fabs(Q[g - 1] - PL_REF[4]),
                  "%d nodes (%.5f) not closer to 5.0054 than %d nodes (%.5f)", nodes[g], Q[g],
                  nodes[g - 1], Q[g - 1]);
        cr_expect(step * (PL_REF[4] - Q[g - 1]) > 0.0, "halving to %d nodes moved Q away", nodes[g]);
        if (g >= 2) {
            const double prev = Q[g - 1] - Q[g - 2];
            cr_log_info("  halving to %d nodes moves Q(180) by %+.5f (previous %+.5f, ratio %.2f)\n",
                        nodes[g], step, prev, step / prev);
            cr_expect(fabs(step) < fabs(prev), "halving to %d nodes moved Q(180) by %.5f, previous %.5f",
                      nodes[g], step, prev);
        }
    }
}

/* Modified Picard (Celia 1990) against Newton on 51 uniform nodes: the same discrete
 * equations, so once both are converged in time they agree. Picard by default takes tiny
 * steps (~16 000: its lagged-K iteration cannot meet tol_mass at larger ones, see
 * docs/solver.md); Newton is run with dt ≤ 0.02 min and tol_mass 1e-12. Tolerance
 * 0.1 % (measured 0.03 %). The balance of a run is bounded by steps × tol_mass (each
 * accepted step leaves at most tol_mass of residual water): checked for both. */
Test(ponded_loam, picard_agrees_with_newton, .timeout = 60)
{
    const shp_material loam = loam_cm_min();
    double Q[2];
    for (int newton = 0; newton < 2; ++newton) {
        column_case c;
        ponded_loam_init(&c, &loam, 51, 1.0, PL_T, 5);
        c.col.opt.newton = newton;
        if (newton) {
            c.col.opt.dt_max = 0.02;
            c.col.opt.tol_mass = 1e-12;
        }
        case_run(&c, &loam);
        expect_ok(&c, newton ? "ponded loam 51 uniform, Newton dt <= 0.02 min"
                             : "ponded loam 51 uniform, Picard defaults");
        Q[newton] = c.res.out.Q[4];
        const double bound = (double)c.res.stats.steps * c.col.opt.tol_mass;
        cr_expect(c.res.stats.max_abs_balance <= bound, "max |balance| %.3e > steps x tol_mass %.3e",
                  c.res.stats.max_abs_balance, bound);
        case_free(&c);
    }
    expect_rel("Q(180) Picard vs Newton [cm]", Q[0], Q[1], 0.1);
}

/* ------------------------------------------------------------------ §2, §3 Celia */

static const double C1_T[6] = {60, 120, 180, 240, 300, 360}; /* s */
static const double C1_REF[6] = {0.7966, 1.1914, 1.5239, 1.8258, 2.1092, 2.3802};

static void celia1_run(column_case *c, const shp_material *m, int n)
{
    case_init(c, n, 40.0, 1.0);
    for (int i = 0; i < n; ++i) c->h0[i] = -61.5;
    c->col.top.type = SHP_BC_HEAD;
    c->col.top.value = -20.7;
    c->col.bottom.type = SHP_BC_HEAD;
    c->col.bottom.value = -61.5;
    c->col.t_out = C1_T;
    c->col.n_out = 6;
    c->col.opt.dt_init = 0.01; /* s */
    c->col.opt.dt_min = 1e-6;
    c->col.opt.dt_max = 1.0;
    case_run(c, m);
}

/* Celia test 1, cm and s. Grid: 401 uniform nodes (dz = 0.1 cm), dt ≤ 1 s (uncapped
 * steps grow to ~10 s and the front lags 0.05 cm).
 * Q converges at first order in dz: the top node is set to its boundary head at t = 0
 * (HYDRUS convention), so the half cell's jump vol0 (θ(−20.7) − θi) = 0.0084 cm never
 * counts as inflow; the measured shortfall is 0.007 cm at every time. Tolerances:
 * |Q − Qref| ≤ 0.010 cm on 401 nodes; the first-order Richardson extrapolation
 * 2 Q(801) − Q(401) within 0.1 %; profile: θ(top) 1e-4, mid-θ front 0.05 cm, h 0.05 cm
 * (reference to 0.01 cm; measured ≤ 0.015). On Celia's own 1 cm grid (41 nodes) the
 * solver gives 2.32 cm like Celia's 2.324 (−2.4 %). */
Test(celia, test1_haverkamp)
{
    const shp_material m = haverkamp_celia();
    column_case c, f;
    celia1_run(&c, &m, 401);
    expect_ok(&c, "Celia test 1, 401 nodes");
    celia1_run(&f, &m, 801);
    expect_ok(&f, "Celia test 1, 801 nodes");
    char what[64];
    for (int k = 0; k < 6; ++k) {
        snprintf(what, sizeof what, "Q(%g s), 401 nodes [cm]", C1_T[k]);
        expect_abs(what, c.res.out.Q[k], C1_REF[k], 0.010);
        snprintf(what, sizeof what, "Q(%g s), 2 Q801 - Q401 [cm]", C1_T[k]);
        expect_rel(what, 2.0 * f.res.out.Q[k] - c.res.out.Q[k], C1_REF[k], 0.1);
        cr_expect(fabs(c.res.out.balance[k]) < 1e-8, "balance %.3e at %g s", c.res.out.balance[k], C1_T[k]);
    }
    const double *h = c.res.out.h_prof, *th = c.res.out.theta_prof;
    expect_abs("theta at the top", th[0], 0.2676, 1e-4);
    const double th_mid = 0.5 * (theta_of(&m, -20.7) + theta_of(&m, -61.5));
    expect_abs("mid-theta front [cm]", front_depth(&c, th, th_mid), 14.86, 0.05);
    const double d[5] = {5, 10, 15, 20, 25}, href[5] = {-21.95, -25.09, -37.15, -60.74, -61.50};
    for (int k = 0; k < 5; ++k) {
        snprintf(what, sizeof what, "h(%g cm) at 360 s [cm]", d[k]);
        expect_abs(what, at_depth(&c, h, d[k]), href[k], 0.05);
    }
    case_free(&c);
    case_free(&f);
}

static const double C2_T[4] = {6 * 3600.0, 12 * 3600.0, 18 * 3600.0, 24 * 3600.0}; /* s */
static const double C2_REF[4] = {1.7391, 2.6320, 3.4008, 4.1117};

static void celia2_run(column_case *c, const shp_material *m, int n, double dt_max)
{
    case_init(c, n, 100.0, 1.0);
    case_hydrus_faces(c);
    for (int i = 0; i < n; ++i) c->h0[i] = -1000.0;
    c->col.top.type = SHP_BC_HEAD;
    c->col.top.value = -75.0;
    c->col.bottom.type = SHP_BC_HEAD;
    c->col.bottom.value = -1000.0;
    c->col.t_out = C2_T;
    c->col.n_out = 4;
    c->col.opt.dt_init = 1.0; /* s */
    c->col.opt.dt_min = 1e-4;
    c->col.opt.dt_max = dt_max;
    case_run(c, m);
}

/* Celia test 2, VGM n = 2 in cm and s, 24 h. Grid: 1001 uniform nodes (dz = 0.1 cm),
 * dt ≤ 60 s. As in test 1 the top half cell's initial jump (0.5 dz Δθ = 0.0045 cm) is
 * not inflow, so Q is first order in dz: |Q − Qref| ≤ 0.005 cm (measured 0.003).
 * HYDRUS-1D at 1001 nodes gives 4.1088 (0.05 %); on 101 uniform nodes (uncapped dt) the
 * solver must reproduce HYDRUS 101, 4.0908, within 0.1 %. Profile at 24 h: mid-θ front
 * 0.05 cm, h(40) 0.1 cm, h(50) 0.2 cm (inside the front, |dh/dz| ≈ 5). */
Test(celia, test2_van_genuchten)
{
    const shp_material m = shp_material_vgm(0.102, 0.368, 0.0335, 2.0, 0.00922, 0.5);
    column_case c, h;
    celia2_run(&c, &m, 1001, 60.0);
    expect_ok(&c, "Celia test 2, 1001 nodes");
    char what[64];
    for (int k = 0; k < 4; ++k) {
        snprintf(what, sizeof what, "Q(%g h), 1001 nodes [cm]", C2_T[k] / 3600);
        expect_abs(what, c.res.out.Q[k], C2_REF[k], 0.005);
        cr_expect(fabs(c.res.out.balance[k]) < 1e-8, "balance %.3e", c.res.out.balance[k]);
    }
    expect_rel("Q(24 h) vs HYDRUS 1001 [cm]", c.res.out.Q[3], 4.1088, 0.05);
    const double th_mid = 0.5 * (theta_of(&m, -75.0) + theta_of(&m, -1000.0));
    expect_abs("mid-theta front [cm]", front_depth(&c, c.res.out.theta_prof, th_mid), 50.37, 0.05);
    expect_abs("h(40 cm) at 24 h [cm]", at_depth(&c, c.res.out.h_prof, 40.0), -100.5, 0.1);
    expect_abs("h(50 cm) at 24 h [cm]", at_depth(&c, c.res.out.h_prof, 50.0), -142.9, 0.2);

    celia2_run(&h, &m, 101, 1e30);
    expect_ok(&h, "Celia test 2, 101 nodes");
    expect_rel("Q(24 h), 101 nodes vs HYDRUS 101 [cm]", h.res.out.Q[3], 4.0908, 0.1);
    case_free(&c);
    case_free(&h);
}

/* ------------------------------------------------------------------ §4 Srivastava–Yeh */

/* Steady state under flux q* Ks: K/Ks = q* + (1 − q*) e^{−α ζ}, ζ = 100 − z above the
 * water table; h = ln(K/Ks)/α. */
static double sy_steady_h(double z, double qstar)
{
    return log(qstar + (1.0 - qstar) * exp(-0.1 * (100.0 - z))) / 0.1;
}

static void sy_init(column_case *c, int n, double q_top, const double *t_out, int n_out)
{
    case_init(c, n, 100.0, 1.0);
    for (int i = 0; i < n; ++i) c->h0[i] = sy_steady_h(c->z[i], 0.1);
    c->col.top.type = SHP_BC_FLUX;
    c->col.top.value = q_top;
    c->col.bottom.type = SHP_BC_HEAD;
    c->col.bottom.value = 0.0;
    c->col.t_out = t_out;
    c->col.n_out = n_out;
    c->col.profiles_all = 1;
    c->col.opt.dt_max = 0.01; /* h */
    c->col.opt.tol_mass = 1e-12; /* ~3000 steps: keeps steps × tol_mass below 1e-8 */
}

/* The formula's initial state is steady under the 0.1 cm/h flux: kept for 10 h to
 * 0.01 cm (the O(dz²) difference between the formula and the discrete steady state),
 * bottom flux 0.1 cm/h to 1e-4. */
Test(srivastava_yeh, initial_state_is_steady)
{
    const shp_material m = gardner_sy();
    static const double t_out[1] = {10.0};
    column_case c;
    sy_init(&c, 201, 0.1, t_out, 1);
    case_run(&c, &m);
    expect_ok(&c, "Srivastava-Yeh steady initial state, 201 nodes");
    double worst = 0.0;
    for (int i = 0; i < c.n; ++i) worst = fmax(worst, fabs(c.res.out.h_prof[i] - c.h0[i]));
    cr_log_info("  max |h(10 h) - h(0)| = %.2e cm, q_bot = %.8f cm/h\n", worst, c.res.out.q_bot[0]);
    cr_expect(worst < 0.01, "steady state drifts by %.3e cm", worst);
    cr_expect(fabs(c.res.out.q_bot[0] - 0.1) < 1e-4, "bottom flux %.6f", c.res.out.q_bot[0]);
    case_free(&c);
}

/* Top flux switched from 0.1 to 0.9 cm/h at t = 0; cm and h. Grid: 201 uniform nodes
 * (dz = 0.5 cm), dt ≤ 0.01 h. Here the time step, not the grid, sets the error: with dt
 * uncapped (~70 steps in 30 h, each within the truncation-error control) the storage
 * gain at 30 h is ~2 % low; at dt ≤ 0.01 h it is 0.02 % low (reference_values.md §4: a
 * 1001-node solution lands within 0.02 %); docs/verification.md has the numbers. Tolerances: h
 * 0.03 cm (measured ≤ 0.016), bottom flux 5e-4 cm/h (≤ 1.8e-4), storage gain Q − Q_bot
 * 0.05 %, Q = 0.9 t to 1e-10. tol_mass is 1e-12 so that ~3000 steps keep the balance
 * below 1e-8 cm. */
Test(srivastava_yeh, transient_exact_solution)
{
    const shp_material m = gardner_sy();
    static const double t_out[5] = {1, 5, 10, 20, 30};
    static const double ref[5][7] = {
        {-7.2595, -17.4304, -22.9223, -22.4371, -17.4941, 0.100000, 0.800000},
        {-3.0658, -6.0001, -12.8023, -21.5234, -17.4889, 0.100001, 4.000000},
        {-1.9129, -3.1062, -6.1793, -14.1901, -16.4987, 0.103600, 7.996422},
        {-1.2858, -1.6042, -2.4888, -5.4292, -8.8488, 0.266434, 15.373772},
        {-1.1294, -1.2341, -1.5387, -2.6519, -4.1723, 0.551827, 20.250830}};
    static const double depth[5] = {0, 10, 25, 50, 75};
    column_case c;
    sy_init(&c, 201, 0.9, t_out, 5);
    case_run(&c, &m);
    expect_ok(&c, "Srivastava-Yeh, 201 nodes, dt <= 0.01 h");
    char what[64];
    for (int k = 0; k < 5; ++k) {
        const double *h = c.res.out.h_prof + (long)k * c.n;
        for (int j = 0; j < 5; ++j) {
            snprintf(what, sizeof what, "t=%g h: h(%g cm) [cm]", t_out[k], depth[j]);
            expect_abs(what, at_depth(&c, h, depth[j]), ref[k][j], 0.03);
        }
        snprintf(what, sizeof what, "t=%g h: bottom flux [cm/h]", t_out[k]);
        expect_abs(what, c.res.out.q_bot[k], ref[k][5], 5e-4);
        snprintf(what, sizeof what, "t=%g h: storage gain [cm]", t_out[k]);
        expect_rel(what, c.res.out.Q[k] - c.res.out.Q_bot[k], ref[k][6], 0.05);
        cr_expect(fabs(c.res.out.balance[k]) < 1e-8, "balance %.3e", c.res.out.balance[k]);
        cr_expect(fabs(c.res.out.Q[k] - 0.9 * t_out[k]) < 1e-10, "Q(%g) = %.12f, flux top gives %.12f",
                  t_out[k], c.res.out.Q[k], 0.9 * t_out[k]);
    }
    case_free(&c);
}

/* ------------------------------------------------------------------ §5 layered */

/* Steady 0.5 cm/d through 50 cm of loam (or clay) over 150 cm of sand, bottom h = −17.31
 * cm, cm and d. Materials by node: z ≤ 50 cm is the upper layer (the node on the
 * interface belongs to it), arithmetic mean K at faces. Clay θr/θs are not given in
 * reference_values.md §5 (a steady profile does not depend on them): C&P clay's 0.068/0.38. */
typedef struct {
    const char *name;
    shp_material upper;
    double ref[3]; /* h at 0, 20, 40 cm */
} layered_case;

static void layered_cases(layered_case lc[2])
{
    lc[0].name = "loam over sand";
    lc[0].upper = shp_material_vgm(0.08, 0.43, 0.04, 1.6, 50.0, 0.5);
    lc[0].ref[0] = -43.18;
    lc[0].ref[1] = -37.63;
    lc[0].ref[2] = -25.68;
    lc[1].name = "clay over sand";
    lc[1].upper = shp_material_vgm(0.068, 0.38, 0.01, 1.1, 10.0, 0.5);
    lc[1].ref[0] = -8.57;
    lc[1].ref[1] = -9.24;
    lc[1].ref[2] = -12.43;
}

static const double LAY_DEPTH[3] = {0.0, 20.0, 40.0};

/* Run to steady state (1000 d from h = −17.31 everywhere); h at 0/20/40 cm into out. */
static void layered_steady(const shp_material *upper, int n, int kmean, int interface_upper,
                           double out[3])
{
    shp_material mats[2];
    mats[0] = *upper;
    mats[1] = shp_material_vgm(0.045, 0.43, 0.15, 3.0, 1000.0, 0.5);
    static const double t_out[2] = {900.0, 1000.0};
    column_case c;
    case_init(&c, n, 200.0, 1.0);
    for (int i = 0; i < n; ++i) {
        c.mat[i] = (interface_upper ? c.z[i] <= 50.0 : c.z[i] < 50.0) ? 0 : 1;
        c.h0[i] = -17.31;
    }
    c.col.top.type = SHP_BC_FLUX;
    c.col.top.value = 0.5;
    c.col.bottom.type = SHP_BC_HEAD;
    c.col.bottom.value = -17.31;
    c.col.t_out = t_out;
    c.col.n_out = 2;
    c.col.profiles_all = 1;
    c.col.opt.dt_init = 1e-3;
    c.col.opt.kmean = kmean;
    case_run(&c, mats);
    cr_expect_eq(c.res.stats.status, SHP_OK, "layered run status %d", c.res.stats.status);
    /* steady: the bottom passes the top flux, and nothing moves over the last 100 d */
    cr_expect(fabs(c.res.out.q_bot[1] - 0.5) < 1e-6, "not steady: q_bot %.9f", c.res.out.q_bot[1]);
    double drift = 0.0;
    for (int i = 0; i < n; ++i)
        drift = fmax(drift, fabs(c.res.out.h_prof[n + i] - c.res.out.h_prof[i]));
    cr_expect(drift < 1e-6, "not steady: profile moved %.3e cm in the last 100 d", drift);
    for (int k = 0; k < 3; ++k) out[k] = at_depth(&c, c.res.out.h_prof + n, LAY_DEPTH[k]);
    case_free(&c);
}

/* The continuous steady profile: dh/dz = 1 − q/K(h) integrated upward from the bottom
 * head by RK4 (h continuous at the interface). An independent check of the reference. */
static void layered_ode(const shp_material *upper, double out[3])
{
    const shp_material sand = shp_material_vgm(0.045, 0.43, 0.15, 3.0, 1000.0, 0.5);
    const int steps = 40000; /* dz = 0.005 cm */
    const double dz = -200.0 / steps, q = 0.5;
    double h = -17.31;
    for (int k = 0; k < steps; ++k) {
        const double z = 200.0 + k * dz;
        const shp_material *m = z + 0.5 * dz > 50.0 ? &sand : upper;
        double f[4], hh = h;
        for (int s = 0; s < 4; ++s) {
            double th, K, C, dK;
            shp_hyd_eval(m, hh, &th, &K, &C, &dK);
            f[s] = 1.0 - q / K;
            hh = h + (s < 2 ? 0.5 : 1.0) * dz * f[s];
        }
        h += dz * (f[0] + 2 * f[1] + 2 * f[2] + f[3]) / 6.0;
        const int step_no = k + 1; /* depth 200 − 0.005 step_no */
        if (step_no == steps - 8000) out[2] = h; /* 40 cm */
        if (step_no == steps - 4000) out[1] = h; /* 20 cm */
    }
    out[0] = h;
}

Test(layered, reference_is_the_continuous_solution)
{
    layered_case lc[2];
    layered_cases(lc);
    for (int j = 0; j < 2; ++j) {
        double h[3];
        layered_ode(&lc[j].upper, h);
        cr_log_info("%s, RK4 of dh/dz = 1 - q/K:\n", lc[j].name);
        for (int k = 0; k < 3; ++k) {
            char what[64];
            snprintf(what, sizeof what, "h(%g cm) [cm]", LAY_DEPTH[k]);
            expect_abs(what, h[k], lc[j].ref[k], 0.006); /* reference rounded to 0.01 */
        }
    }
}

/* Grids: 201 and 801 uniform nodes (dz = 1 and 0.25 cm). Each face mean (arithmetic,
 * geometric, upstream) converges to the reference at first order in dz, because the
 * face between the two materials mixes them over a whole interval: none matches on a
 * 1 cm grid (arithmetic: h(40) 0.68 cm off with the interface node in the upper layer,
 * 0.09 cm with it in the lower one). Tolerances: on 801 nodes 0.25 cm (the O(dz) interface
 * error, 0.17 cm measured); the error falls 3–5× from 201 to 801 nodes (first order: 4×);
 * the Richardson extrapolation h801 + (h801 − h201)/3 within 0.02 cm. */
Test(layered, steady_profile_arithmetic_mean)
{
    layered_case lc[2];
    layered_cases(lc);
    for (int j = 0; j < 2; ++j) {
        double h201[3], h801[3];
        layered_steady(&lc[j].upper, 201, SHP_KMEAN_ARITHMETIC, 1, h201);
        layered_steady(&lc[j].upper, 801, SHP_KMEAN_ARITHMETIC, 1, h801);
        cr_log_info("%s, arithmetic mean:\n", lc[j].name);
        for (int k = 0; k < 3; ++k) {
            char what[64];
            snprintf(what, sizeof what, "h(%g cm), 201 nodes [cm]", LAY_DEPTH[k]);
            cr_log_info("  %-34s %12.4f  reference %10.2f  %+8.4f\n", what, h201[k], lc[j].ref[k],
                        h201[k] - lc[j].ref[k]);
            snprintf(what, sizeof what, "h(%g cm), 801 nodes [cm]", LAY_DEPTH[k]);
            expect_abs(what, h801[k], lc[j].ref[k], 0.25);
            const double e1 = fabs(h201[k] - lc[j].ref[k]), e2 = fabs(h801[k] - lc[j].ref[k]);
            if (e1 > 0.02) /* skip points already at the reference's rounding */
                cr_expect(e1 / e2 > 3.0 && e1 / e2 < 5.0, "%s h(%g): error %.4f → %.4f, not first order",
                          lc[j].name, LAY_DEPTH[k], e1, e2);
            snprintf(what, sizeof what, "h(%g cm), extrapolated [cm]", LAY_DEPTH[k]);
            expect_abs(what, h801[k] + (h801[k] - h201[k]) / 3.0, lc[j].ref[k], 0.02);
        }
    }
}

/* The other means and the other side of the interface, logged for docs/verification.md. */
Test(layered, other_means_logged)
{
    layered_case lc[2];
    layered_cases(lc);
    static const char *mean_name[3] = {"arithmetic", "geometric", "upstream"};
    for (int j = 0; j < 2; ++j)
        for (int mean = 0; mean < 3; ++mean)
            for (int side = 1; side >= 0; --side) {
                double h[3];
                layered_steady(&lc[j].upper, 201, mean, side, h);
                cr_log_info("%s, 201 nodes, %s mean, interface node in the %s layer: h(0) %+.3f, "
                            "h(20) %+.3f, h(40) %+.3f cm off\n",
                            lc[j].name, mean_name[mean], side ? "upper" : "lower", h[0] - lc[j].ref[0],
                            h[1] - lc[j].ref[1], h[2] - lc[j].ref[2]);
            }
}

/* ------------------------------------------------------------------ §6 Miller */

static void miller_init(column_case *c, int n, int newton, long max_steps)
{
    static const double t_out[3] = {0.75, 1.5, 2.25}; /* d */
    case_init(c, n, 500.0, 1.0);
    for (int i = 0; i < n; ++i) c->h0[i] = c->z[i] - 500.0; /* water table at the bottom */
    c->col.top.type = SHP_BC_HEAD;
    c->col.top.value = 10.0;
    c->col.bottom.type = SHP_BC_HEAD;
    c->col.bottom.value = 0.0;
    c->col.t_out = t_out;
    c->col.n_out = 3;
    c->col.profiles_all = 1;
    c->col.opt.newton = newton;
    c->col.opt.dt_init = 1e-6; /* d */
    c->col.opt.dt_min = 1e-10;
    c->col.opt.max_steps = max_steps;
}

static shp_material miller_loam(void)
{
    shp_material m = shp_material_vgm(0.078, 0.43, 0.036, 1.56, 25.0, 0.5); /* Ks in cm/d */
    m.Ss = 1e-6;
    return m;
}

/* Newton on 501 uniform nodes (dz = 1 cm), Ss = 1e-6 /cm: completes; Q within 0.1 %
 * (measured ≤ 0.05 %; 101 nodes −0.27 %, 1001 nodes ≤ 0.01 %), saturated zone depth at
 * 2.25 d within 0.5 cm of 233.5 cm; never more than max_steps = 20000 steps. */
Test(miller, newton_completes)
{
    const shp_material m = miller_loam();
    column_case c;
    miller_init(&c, 501, 1, 20000);
    case_run(&c, &m);
    expect_ok(&c, "Miller, Newton, 501 nodes");
    cr_assert(c.res.stats.steps + c.res.stats.failures <= 20000, "max_steps exceeded");
    static const double ref[3] = {26.41, 46.76, 66.48};
    char what[64];
    for (int k = 0; k < 3; ++k) {
        snprintf(what, sizeof what, "Q(%g d) [cm]", c.col.t_out[k]);
        expect_rel(what, c.res.out.Q[k], ref[k], 0.1);
        cr_expect(fabs(c.res.out.balance[k]) < 1e-8, "balance %.3e", c.res.out.balance[k]);
    }
    const double *h = c.res.out.h_prof + 2L * c.n;
    double zsat = NAN;
    for (int i = 1; i < c.n; ++i)
        if (h[i] < 0.0) {
            zsat = c.z[i - 1] + h[i - 1] / (h[i - 1] - h[i]) * (c.z[i] - c.z[i - 1]);
            break;
        }
    expect_abs("saturated depth at 2.25 d [cm]", zsat, 233.5, 0.5);
    case_free(&c);
}

/* Modified Picard on 101 nodes: this case stalls it (dt stays near 1e-5 d: Picard's linear
 * convergence cannot meet tol_mass at larger steps). Whatever it does it must stop within
 * max_steps = 20000 attempts: OK with plausible Q, or NOT_CONVERGED / MAX_STEPS with NaN
 * in every unreached output. */
Test(miller, picard_terminates_within_max_steps, .timeout = 30)
{
    const shp_material m = miller_loam();
    column_case c;
    miller_init(&c, 101, 0, 20000);
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    const int st = case_run(&c, &m);
    clock_gettime(CLOCK_MONOTONIC, &b);
    const shp_column_stats *s = &c.res.stats;
    cr_log_info("Miller, Picard, 101 nodes: status %s, t reached %.4f d, %ld steps, %ld failures, "
                "%.0f ms\n",
                shp_status_name(st), s->t_reached, s->steps, s->failures,
                (b.tv_sec - a.tv_sec) * 1e3 + (b.tv_nsec - a.tv_nsec) * 1e-6);
    cr_expect(st == SHP_OK || st == SHP_ERR_NOT_CONVERGED || st == SHP_ERR_MAX_STEPS, "status %d", st);
    cr_expect(s->steps + s->failures <= 20000, "%ld attempts > max_steps", s->steps + s->failures);
    for (int k = 0; k < 3; ++k) {
        if (c.col.t_out[k] <= s->t_reached && st == SHP_OK)
            cr_expect(fabs(c.res.out.Q[k] / (k == 0 ? 26.41 : k == 1 ? 46.76 : 66.48) - 1.0) < 0.01,
                      "Picard completed with Q(%g) = %g", c.col.t_out[k], c.res.out.Q[k]);
        if (c.col.t_out[k] > s->t_reached)
            cr_expect(isnan(c.res.out.Q[k]) && isnan(c.res.out.balance[k]),
                      "unreached output %d holds %g", k, c.res.out.Q[k]);
    }
    case_free(&c);
}

/* ------------------------------------------------------------------ failure path */

static void expect_all_nan_from(const column_case *c, int k0)
{
    const shp_column_out *o = &c->res.out;
    for (int k = k0; k < c->col.n_out; ++k) {
        cr_expect(isnan(o->Q[k]) && isnan(o->v_inst[k]) && isnan(o->v_mean[k]) && isnan(o->q_bot[k]) &&
                      isnan(o->Q_bot[k]) && isnan(o->balance[k]),
                  "output %d (t = %g) holds numbers after a failure: Q %g", k, c->col.t_out[k], o->Q[k]);
        for (int j = 0; j < c->col.n_obs; ++j)
            cr_expect(isnan(o->theta_obs[(long)k * c->col.n_obs + j]), "theta_obs[%d][%d] = %g", k, j,
                      o->theta_obs[(long)k * c->col.n_obs + j]);
    }
    for (int i = 0; i < c->n; ++i)
        cr_expect(isnan(o->h_prof[i]) && isnan(o->theta_prof[i]), "final profile node %d: h %g theta %g",
                  i, o->h_prof[i], o->theta_prof[i]);
}

/* A single Newton iteration per step, at a fixed dt = dt_min = 1 min: the first step
 * cannot converge and cannot be retried, so the run ends at t = 0 with NOT_CONVERGED. */
Test(solver, no_convergence_at_dt_min_is_reported)
{
    const shp_material loam = loam_cm_min();
    static const int obs_node[1] = {10};
    static const double obs_w[1] = {0.5};
    column_case c;
    ponded_loam_init(&c, &loam, 51, 1.0, PL_T, 5);
    c.col.opt.dt_init = c.col.opt.dt_min = 1.0;
    c.col.opt.max_iter = 1;
    c.col.n_obs = 1;
    c.col.obs_node = obs_node;
    c.col.obs_w = obs_w;
    const int st = case_run(&c, &loam);
    cr_expect_eq(st, SHP_ERR_NOT_CONVERGED, "status %d (%s)", st, shp_status_name(st));
    cr_expect_eq(c.res.stats.status, st);
    cr_expect_eq(c.res.stats.steps, 0);
    cr_expect(c.res.stats.failures >= 1 && c.res.stats.failures <= 2, "failures %ld", c.res.stats.failures);
    expect_all_nan_from(&c, 0);
    case_free(&c);
}

/* Physically impossible: 1 cm/min into a 10 cm column with a zero-flux bottom and no
 * elastic storage. It holds 10 (θs − θi) = 2.112 cm, so after 2.112 min no head can
 * satisfy the discrete equations. Outputs at 1 and 2 min are exact (Q = t), the run ends
 * with NOT_CONVERGED at 2.112 min, and 3, 5, 10 min are NaN. */
Test(solver, overfilled_column_fails_with_nan)
{
    const shp_material loam = loam_cm_min();
    static const double t_out[5] = {1, 2, 3, 5, 10};
    column_case c;
    case_init(&c, 21, 10.0, 1.0);
    const double hi = shp_hyd_h_of_se(&loam, 0.4);
    for (int i = 0; i < c.n; ++i) c.h0[i] = hi;
    c.col.top.type = SHP_BC_FLUX;
    c.col.top.value = 1.0;
    c.col.bottom.type = SHP_BC_ZERO_FLUX;
    c.col.t_out = t_out;
    c.col.n_out = 5;
    c.col.opt.dt_min = 1e-6;
    const int st = case_run(&c, &loam);
    const double capacity = 10.0 * (0.43 - theta_of(&loam, hi));
    cr_log_info("overfilled column: status %s at t = %.6f min (capacity %.6f cm), %ld steps, %ld failures\n",
                shp_status_name(st), c.res.stats.t_reached, capacity, c.res.stats.steps,
                c.res.stats.failures);
    cr_expect_eq(st, SHP_ERR_NOT_CONVERGED, "status %d (%s)", st, shp_status_name(st));
    cr_expect(c.res.stats.t_reached > 2.0 && c.res.stats.t_reached <= capacity * (1 + 1e-9),
              "failed at t = %g, capacity reached at %g", c.res.stats.t_reached, capacity);
    cr_expect(fabs(c.res.out.Q[0] - 1.0) < 1e-12 && fabs(c.res.out.Q[1] - 2.0) < 1e-12, "Q %g %g",
              c.res.out.Q[0], c.res.out.Q[1]);
    cr_expect(fabs(c.res.out.balance[1]) < 1e-8, "balance %.3e", c.res.out.balance[1]);
    expect_all_nan_from(&c, 2);
    case_free(&c);
}

/* ------------------------------------------------------------------ time-varying flux */

/* A piecewise-constant flux table on the loam column (all rates below Ks = 0.01733
 * cm/min, so the top never saturates and the whole flux enters): Q equals the integral of
 * the table to 1e-10 cm at output times that fall between the changes (7.5, 17.5, 33.3,
 * 55 min) and on them (10, 40 min), v_inst is the rate in force just before each output,
 * and the run ends exactly on the last output time. */
Test(solver, flux_table_integrates_exactly)
{
    const shp_material loam = loam_cm_min();
    static const double tab_t[4] = {0.0, 10.0, 25.0, 40.0};
    static const double tab_v[4] = {0.005, 0.012, 0.0, 0.008};
    static const double t_out[6] = {7.5, 10.0, 17.5, 33.3, 40.0, 55.0};
    column_case c;
    case_init(&c, 101, 100.0, 1.03);
    const double hi = shp_hyd_h_of_se(&loam, 0.4);
    for (int i = 0; i < c.n; ++i) c.h0[i] = hi;
    c.col.top.type = SHP_BC_FLUX;
    c.col.top.n = 4;
    c.col.top.t = tab_t;
    c.col.top.v = tab_v;
    c.col.bottom.type = SHP_BC_FREE_DRAINAGE;
    c.col.t_out = t_out;
    c.col.n_out = 6;
    case_run(&c, &loam);
    expect_ok(&c, "flux table, loam 101/1.03");
    cr_expect_eq(c.res.stats.t_reached, 55.0, "run ended at %.17g", c.res.stats.t_reached);
    for (int k = 0; k < 6; ++k) {
        double exact = 0.0, rate = tab_v[0];
        for (int j = 0; j < 4; ++j) {
            const double t0 = tab_t[j], t1 = j + 1 < 4 ? tab_t[j + 1] : HUGE_VAL;
            if (t_out[k] > t0) exact += tab_v[j] * (fmin(t_out[k], t1) - t0);
            if (t_out[k] > t0) rate = tab_v[j];
        }
        cr_log_info("  t = %5.1f min: Q %.12f, integral %.12f, v_inst %.4f\n", t_out[k],
                    c.res.out.Q[k], exact, c.res.out.v_inst[k]);
        cr_expect(fabs(c.res.out.Q[k] - exact) <= 1e-10, "Q(%g) = %.15f, integral %.15f", t_out[k],
                  c.res.out.Q[k], exact);
        cr_expect(c.res.out.v_inst[k] == rate, "v_inst(%g) = %g, table %g", t_out[k], c.res.out.v_inst[k],
                  rate);
        cr_expect(fabs(c.res.out.balance[k]) < 1e-8, "balance %.3e", c.res.out.balance[k]);
    }
    cr_expect(c.res.out.h_prof[0] < 0.0, "top saturated at the end: h %g", c.res.out.h_prof[0]);
    case_free(&c);
}

/* ------------------------------------------------------------------ every model */

/* Ponded infiltration with every model of the library (fixtures.h: Ks in the
 * reference's cm/d, so time here is in days): 50 cm, 51 nodes refined to the top,
 * h = −100 cm initially, +1 cm ponding, free drainage, 0.05 d. Each run must finish
 * and close its water balance (|error| ≤ 1e-7 cm, and ≤ 1e-6 of the infiltrated
 * depth), take up water, and wet the top: the solver is model-blind, so this is what
 * "usable in forward by name" needs from each model's θ, K, C and dK/dh.
 * Plain VGM with n = 1.09 (C&P clay) runs with a specific storage Ss = 1e-5 /cm: its K
 * falls from Ks to 0.9 Ks within 1e-12 cm of saturation (the near-saturation singularity
 * of Ippisch et al. 2006 for n < 2) and, without storage in the saturated nodes, Newton
 * cycles across that kink at any step size (docs/solver.md); the air-entry variant
 * vgm_ae ("VGM-AE clay n=1.09 h_s=-2") runs without it. */
Test(model_library, ponding_with_every_model_closes_the_water_balance, .timeout = 120)
{
    shp_material m[LIBRARY_MAX];
    const char *name[LIBRARY_MAX];
    const int nm = library_materials(m, name);
    static const double t_out[] = {0.01, 0.05};
    for (int j = 0; j < nm; ++j) {
        if (m[j].model == SHP_MODEL_VGM && m[j].p[SHP_VGM_N] < 1.1) m[j].Ss = 1e-5;
        column_case c;
        case_init(&c, 51, 50.0, 1.04);
        for (int i = 0; i < c.n; ++i) c.h0[i] = -100.0;
        c.col.top.type = SHP_BC_HEAD;
        c.col.top.value = 1.0;
        c.col.bottom.type = SHP_BC_FREE_DRAINAGE;
        c.col.t_out = t_out;
        c.col.n_out = 2;
        case_run(&c, &m[j]);
        expect_ok(&c, name[j]);
        const double Q = c.res.out.Q[1], bal = c.res.out.balance[1];
        double th_top, K, C, dK;
        shp_hyd_eval(&m[j], 1.0, &th_top, &K, &C, &dK);
        cr_expect(Q > 0.0 && isfinite(Q), "%s: Q(0.05 d) = %g cm", name[j], Q);
        cr_expect(fabs(bal) <= 1e-7 && fabs(bal) <= 1e-6 * Q, "%s: balance error %.3e cm, Q %.4g cm",
                  name[j], bal, Q);
        cr_log_info("  %-30s Q(0.05 d) = %9.5f cm, balance %+.2e cm, %ld steps\n", name[j], Q, bal,
                    c.res.stats.steps);
        case_free(&c);
    }
}

/* ------------------------------------------------- plain VGM clay, ponded, Ss = 0 */

/* Seed 002's clay (Carsel & Parrish: n 1.09) at initial Se 20 %, 2 cm ponding, 180 min,
 * no specific storage: every column stopped with not_converged before the Newton update
 * in ln(−h) and the line search. On the graded family (dz_top 0.1 cm, ratio 1.1, dz_max
 * 2 cm) refined by f = 1, 2, 4 (73, 145, 288 nodes), time error isolated (tol_time 1e-5):
 * every run finishes with its water balance closed, Q falls toward the continuum value at
 * first order (differences halve; docs/verification.md §7), and the Richardson value of
 * the three lies within 1 % of that of an independent family, 101·f uniform nodes with
 * f = 2, 4, 8 (1.42105 cm, docs/verification.md §7). */
Test(clay, plain_vgm_ponded_without_ss_converges_under_refinement, .timeout = 120)
{
    const shp_material clay = shp_material_vgm(0.068, 0.38, 0.008, 1.09, 0.00333, 0.5);
    static const double t_out[1] = {180.0};
    double Q[3];
    for (int k = 0; k < 3; ++k) {
        const double f = (double)(1 << k);
        const double ratio = pow(1.1, 1.0 / f);
        const long n = shp_grid_graded_nodes(100.0, 0.1 / f, ratio, 2.0 / f, 100000);
        cr_assert(n > 2 && n < 100000);
        column_case c;
        case_init(&c, (int)n, 100.0, 1.0);
        shp_grid_graded((int)n, 100.0, 0.1 / f, ratio, 2.0 / f, c.z);
        case_ponded(&c, shp_hyd_h_of_se(&clay, 0.2), t_out, 1);
        case_hydrus_faces(&c); /* the arithmetic mean's first-order bias is what is measured */
        c.col.opt.tol_time = 1e-5;
        case_run(&c, &clay);
        char what[64];
        snprintf(what, sizeof what, "clay Se 20 %%, Ss = 0, graded f = %g (%ld nodes)", f, n);
        expect_ok(&c, what);
        cr_expect(c.res.stats.max_abs_balance < 1e-8, "%s: max |balance| %.3e", what,
                  c.res.stats.max_abs_balance);
        Q[k] = c.res.out.Q[0];
        cr_log_info("%s: Q(180) = %.6f cm\n", what, Q[k]);
        case_free(&c);
    }
    const double d1 = Q[0] - Q[1], d2 = Q[1] - Q[2];
    cr_expect(d1 > 0.0 && d2 > 0.0, "Q must fall under refinement: %.6f %.6f %.6f", Q[0], Q[1], Q[2]);
    const double rate = d1 / d2;
    cr_expect(rate > 1.6 && rate < 2.8, "first-order convergence: differences %.3e, %.3e", d1, d2);
    const double p = log(rate) / log(2.0);
    const double rich = Q[2] - d2 / (pow(2.0, p) - 1.0);
    expect_rel("Q(180) of the clay, Richardson graded vs uniform [cm]", rich, 1.42105, 1.0);
}

/* ------------------------------------------- kirchhoff faces on the seed cases */

/* Seed 002's four soils at initial Se 20/40/60 % (configs/paper/cases/, the clay with
 * Ss = 0), 2 cm ponding, 180 min, on the coarse graded grid dz_top 0.1 cm, ratio 1.1,
 * dz_max 4 cm (55 nodes on 100 cm; 230 on the sand's 800 cm), default tolerances. With
 * kirchhoff faces and the top half cell's fill counted (solver.boundary_fill) every
 * Q(180) of the loam, silt and sand lies within 0.1 % of the grid-converged value Q∞
 * of docs/verification.md §8 (extrapolated from graded grids of up to 2 614 nodes with
 * the arithmetic mean: the two face schemes converge to the same continuum answer, and
 * this checks the coarse one against the fine one; measured ≤ 0.063 %), and the clay's
 * within 0.45 % (measured −0.21/−0.36/−0.39 %, §10), where the arithmetic mean is up to
 * 10 % off on the same grid (the clay at Se 20 %). */
Test(kirchhoff, seed_cases_on_the_coarse_graded_grid, .timeout = 120)
{
    static const struct {
        const char *name;
        double p[5], depth, theta_i[3], q_inf[3];
    } soil[4] = {
        {"loam", {0.078, 0.43, 0.036, 1.56, 0.01733}, 100.0, {0.1484, 0.2188, 0.2892},
         {5.4595, 5.0050, 4.4925}},
        {"silt", {0.034, 0.46, 0.016, 1.37, 0.00417}, 100.0, {0.1192, 0.2044, 0.2896},
         {2.6752, 2.3480, 1.9592}},
        {"clay", {0.068, 0.38, 0.008, 1.09, 0.00333}, 100.0, {0.1304, 0.1928, 0.2552},
         {1.4294, 1.2874, 1.1240}},
        {"sand", {0.045, 0.43, 0.145, 2.68, 0.495}, 800.0, {0.122, 0.199, 0.276},
         {93.893, 92.886, 91.873}},
    };
    static const double t_out[1] = {180.0};
    double worst = 0.0, worst_arith = 0.0;
    for (int s = 0; s < 4; ++s) {
        const shp_material m = shp_material_vgm(soil[s].p[0], soil[s].p[1], soil[s].p[2],
                                                soil[s].p[3], soil[s].p[4], 0.5);
        const long n = shp_grid_graded_nodes(soil[s].depth, 0.1, 1.1, 4.0, 100000);
        for (int e = 0; e < 3; ++e)
            for (int kirchhoff = 1; kirchhoff >= 0; --kirchhoff) {
                column_case c;
                case_init(&c, (int)n, soil[s].depth, 1.0);
                shp_grid_graded((int)n, soil[s].depth, 0.1, 1.1, 4.0, c.z);
                case_ponded(&c, shp_hyd_h_of_theta(&m, soil[s].theta_i[e]), t_out, 1);
                if (kirchhoff) {
                    c.col.opt.kmean = SHP_KMEAN_KIRCHHOFF;
                    c.col.opt.count_fill = 1;
                } else {
                    case_hydrus_faces(&c);
                }
                case_run(&c, &m);
                char what[96];
                snprintf(what, sizeof what, "%s Se %d %%, %ld graded nodes, %s faces", soil[s].name,
                         20 * (e + 1), n, kirchhoff ? "kirchhoff" : "arithmetic");
                expect_ok(&c, what);
                cr_expect(c.res.stats.max_abs_balance < 1e-8 * fmax(1.0, soil[s].q_inf[e]),
                          "%s: max |balance| %.3e", what, c.res.stats.max_abs_balance);
                const double err = fabs(c.res.out.Q[0] / soil[s].q_inf[e] - 1.0);
                if (kirchhoff) {
                    worst = fmax(worst, err);
                    const double tol = s == 2 ? 4.5e-3 : 1e-3;
                    cr_expect(err <= tol, "%s: Q(180) %.6f cm, Q∞ %.4f cm (%+.3f %%)", what,
                              c.res.out.Q[0], soil[s].q_inf[e], 100.0 * err);
                } else {
                    worst_arith = fmax(worst_arith, err);
                }
                cr_log_info("%s: Q(180) %.6f cm (%+.3f %% vs Q∞), %ld steps\n", what,
                            c.res.out.Q[0], 100.0 * (c.res.out.Q[0] / soil[s].q_inf[e] - 1.0),
                            c.res.stats.steps);
                case_free(&c);
            }
    }
    cr_log_info("kirchhoff faces: worst |Q(180)/Q∞ − 1| %.3f %%; arithmetic mean on the same "
                "grids %.3f %%\n", 100.0 * worst, 100.0 * worst_arith);
    cr_expect(worst_arith > 0.05, "the arithmetic mean should be far off the dry clay here");
}

/* ------------------------------------------- the boundary nodes' fill at t = 0+ */

/* solver.boundary_fill changes the bookkeeping, never the solution: with it Q (and Q_bot
 * for a head at the bottom) carries, at every output time, the water the boundary node's
 * half cell took up when it jumped to its boundary head, vol (θ(h_b) − θ_i), on top of
 * the same step-by-step inflow; heads, θ and steps are bit-identical and the balance
 * closes from the initial state as given. Ponded loam over a water table (h = 0 at
 * 100 cm), both boundaries heads. */
Test(boundary_fill, counted_fill_is_the_boundary_nodes_jump)
{
    const shp_material loam = shp_material_vgm(0.078, 0.43, 0.036, 1.56, 0.01733, 0.5);
    static const double t_out[4] = {5.0, 30.0, 90.0, 180.0};
    column_case c[2];
    const double h_i = shp_hyd_h_of_se(&loam, 0.3);
    for (int k = 0; k < 2; ++k) {
        case_init(&c[k], 61, 100.0, 1.05);
        case_ponded(&c[k], h_i, t_out, 4);
        c[k].col.bottom.type = SHP_BC_HEAD;
        c[k].col.bottom.value = 0.0;
        c[k].col.opt.count_fill = k;
        case_run(&c[k], &loam);
        expect_ok(&c[k], k ? "fill counted" : "fill ignored");
    }
    double th_i, th_s, K, C, dK;
    shp_hyd_eval(&loam, h_i, &th_i, &K, &C, &dK);
    shp_hyd_eval(&loam, 0.0, &th_s, &K, &C, &dK); /* both boundary heads are saturated */
    const double dth = th_s - th_i;
    const double fill_top = 0.5 * (c[0].z[1] - c[0].z[0]) * dth;
    const double fill_bot = 0.5 * (c[0].z[60] - c[0].z[59]) * dth;
    cr_expect_eq(c[1].res.stats.steps, c[0].res.stats.steps, "same steps");
    for (int i = 0; i < 61; ++i)
        cr_expect_eq(c[1].res.out.h_prof[i], c[0].res.out.h_prof[i], "same final head, node %d", i);
    for (int k = 0; k < 4; ++k) {
        cr_expect_float_eq(c[1].res.out.Q[k] - c[0].res.out.Q[k], fill_top, 1e-12,
                           "Q(%g): %.15g − %.15g, fill %.15g", t_out[k], c[1].res.out.Q[k],
                           c[0].res.out.Q[k], fill_top);
        cr_expect_float_eq(c[0].res.out.Q_bot[k] - c[1].res.out.Q_bot[k], fill_bot, 1e-12,
                           "Q_bot(%g): the bottom node's fill is inflow", t_out[k]);
        for (int f = 0; f < 2; ++f)
            cr_expect(fabs(c[f].res.out.balance[k]) < 1e-8, "balance (fill %s) at %g min: %.3e",
                      f ? "counted" : "ignored", t_out[k], c[f].res.out.balance[k]);
    }
    cr_expect_float_eq(c[1].res.out.v_mean[0] - c[0].res.out.v_mean[0], fill_top / t_out[0],
                       1e-10, "the first interval's mean rate carries the fill");
    cr_expect(fabs(c[1].res.out.v_mean[3] - c[0].res.out.v_mean[3]) <= 1e-9 * c[0].res.out.v_mean[3],
              "later intervals do not (to rounding): %.15g %.15g", c[1].res.out.v_mean[3],
              c[0].res.out.v_mean[3]);
    cr_expect(fill_top > 1e-3, "the fill must be large enough to matter: %.3e cm", fill_top);
    case_free(&c[0]);
    case_free(&c[1]);
}
