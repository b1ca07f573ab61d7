/* solver.step_control = "fixed": one time schedule for every column (dt_init × grow^k up
 * to dt_max, ending on output times), so that a column's outputs are smooth functions of
 * its parameters and of rounding (docs/solver.md, "A fixed schedule").
 *
 *   - a column that never fails a step takes exactly the schedule's steps, whatever
 *     its material (counted here independently of the solver);
 *   - a change of the initial state by 1e−13 moves every output by rounding-sized
 *     amounts (≤ 1e−9 relative) for random candidates of every model: the property the
 *     GPU-vs-CPU check of `make test-gpu` relies on, and the one the adaptive default
 *     lacks (its share is logged, not asserted: it is not a defect there);
 *   - a forward difference of Q(180) in Ks with a step of 1e−7 agrees with a central
 *     difference with 1e−4: the outputs are differentiable, as finite-difference
 *     Jacobians (the least-squares polish) need;
 *   - (the ponded-loam benchmark on that schedule: tests/test_benchmarks.c §1.) */
#include <criterion/criterion.h>
#include <criterion/logging.h>

#include "fixtures.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "shpfit/column.h"
#include "shpfit/core/initial.h"
#include "shpfit/models.h"
#include "shpfit/rng.h"

#define NODES 41
#define N_OUT 5
static const double T_OUT[N_OUT] = {1.0, 5.0, 15.0, 30.0, 60.0};

typedef struct {
    double z[NODES], h0[NODES];
    int mat[NODES];
    shp_column col;
    shp_column_result res;
} ponded;

/* Ponded column (2 cm, free drainage, initial Se `se`) of material m, 41 nodes refined
 * toward the surface, 60 min; run once. */
static int ponded_run(ponded *p, const shp_material *m, double se, int fixed, double dt_max)
{
    memset(p, 0, sizeof *p);
    shp_grid_geometric(NODES, 100.0, 1.08, p->z);
    const double hi = shp_hyd_h_of_se(m, se);
    for (int i = 0; i < NODES; ++i) p->h0[i] = hi;
    p->col = ponded_column(NODES, p->z, p->mat, T_OUT, N_OUT);
    p->col.opt.max_steps = 20000;
    if (fixed) {
        p->col.opt.step_control = SHP_STEP_FIXED;
        p->col.opt.dt_max = dt_max;
    }
    cr_assert_eq(shp_column_result_alloc(&p->col, &p->res), SHP_OK);
    return shp_column_run_cpu(&p->col, m, p->h0, &p->res);
}

/* The schedule's step count, counted without the solver. */
static long schedule_steps(const shp_solver_opts *o)
{
    double t = 0.0, dt = o->dt_init;
    long steps = 0;
    for (int k = 0; k < N_OUT; ++k)
        while (t < T_OUT[k]) {
            t = fmin(t + dt, T_OUT[k]);
            dt = fmin(dt * o->grow, o->dt_max);
            ++steps;
        }
    return steps;
}

Test(step_control, fixed_schedule_is_the_same_for_every_material)
{
    shp_material lib[LIBRARY_MAX];
    const char *name[LIBRARY_MAX];
    const int nm = library_materials(lib, name);
    int clean = 0;
    long expect = -1;
    for (int i = 0; i < nm; ++i) {
        ponded p;
        const int st = ponded_run(&p, &lib[i], 0.4, 1, 0.5);
        if (expect < 0) expect = schedule_steps(&p.col.opt);
        if (st == SHP_OK && p.res.stats.failures == 0) {
            ++clean;
            cr_expect_eq(p.res.stats.steps, expect, "%s: %ld steps, the schedule has %ld", name[i],
                         p.res.stats.steps, expect);
        } else {
            /* a failed scheduled step is done in sub-steps: more steps, never fewer */
            cr_log_info("  %s: %s, %ld steps with %ld failures", name[i], shp_status_name(st),
                        p.res.stats.steps, p.res.stats.failures);
            if (st == SHP_OK) cr_expect_gt(p.res.stats.steps, expect, "%s", name[i]);
        }
        shp_column_result_free(&p.res);
    }
    cr_log_info("fixed schedule (dt_max 0.5 min, 60 min): %ld steps; %d of %d library materials "
                "took exactly those", expect, clean, nm);
    cr_expect_geq(clean, 3, "too few materials without a failed step to check the schedule");
}


Test(step_control, fixed_schedule_outputs_move_by_rounding_only, .timeout = 300)
{
    const int per_model = 4;
    int n[2] = {0, 0}, tight[2] = {0, 0};
    double worst[2] = {0.0, 0.0};
    for (int m = 0; m < SHP_MODEL_COUNT; ++m)
        for (int c = 0; c < per_model; ++c) {
            shp_material mat;
            cr_assert_eq(random_material(m, 77, (uint64_t)(m * per_model + c), &mat), 0);
            for (int fixed = 0; fixed < 2; ++fixed) {
                ponded a, b;
                const int sa = ponded_run(&a, &mat, 0.4, fixed, 0.5);
                const int sb = ponded_run(&b, &mat, 0.4 * (1.0 + 1e-13), fixed, 0.5);
                if (fixed) cr_expect_eq(sa, sb, "%s #%d: status %d vs %d", shp_model_by_id(m)->name, c, sa, sb);
                if (sa == SHP_OK && sb == SHP_OK) {
                    const double d = column_out_diff(&a.col, &a.res.out, &b.res.out);
                    ++n[fixed];
                    tight[fixed] += d <= 1e-9;
                    worst[fixed] = fmax(worst[fixed], d);
                    if (fixed)
                        cr_expect(d <= 1e-9, "%s #%d: initial Se x (1 + 1e-13) moved the outputs by %.3e",
                                  shp_model_by_id(m)->name, c, d);
                }
                shp_column_result_free(&a.res);
                shp_column_result_free(&b.res);
            }
        }
    cr_log_info("initial Se x (1 + 1e-13), %d random candidates of %d models: fixed schedule %d/%d "
                "within 1e-9 (max %.2e); adaptive %d/%d (max %.2e)", per_model * SHP_MODEL_COUNT,
                SHP_MODEL_COUNT, tight[1], n[1], worst[1], tight[0], n[0], worst[0]);
    cr_expect_gt(n[1], per_model * SHP_MODEL_COUNT * 9 / 10, "most candidates converge");
}

Test(step_control, fixed_schedule_is_differentiable)
{
    const shp_material loam = shp_material_vgm(0.078, 0.43, 0.036, 1.56, 0.01733, 0.5);
    const int iKs = 4; /* θr, θs, α, n, Ks, l */
    double q[4];
    const double rel[4] = {-1e-4, 1e-4, 0.0, 1e-7};
    for (int k = 0; k < 4; ++k) {
        shp_material m = loam;
        m.p[iKs] *= 1.0 + rel[k];
        ponded p;
        cr_assert_eq(ponded_run(&p, &m, 0.4, 1, 0.5), SHP_OK);
        q[k] = p.res.out.Q[N_OUT - 1];
        shp_column_result_free(&p.res);
    }
    const double central = (q[1] - q[0]) / (2e-4 * loam.p[iKs]);
    const double forward = (q[3] - q[2]) / (1e-7 * loam.p[iKs]);
    cr_log_info("dQ(60)/dKs: central (1e-4) %.8g, forward (1e-7) %.8g, relative difference %.2e",
                central, forward, fabs(forward / central - 1.0));
    cr_expect(fabs(forward / central - 1.0) < 1e-4, "forward %.8g vs central %.8g", forward, central);
}
