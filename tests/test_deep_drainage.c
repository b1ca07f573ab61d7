/* The deep-drainage bottom (SHP_BC_DEEP_DRAINAGE, q = a exp(b |h − h_ref|) downward; the
 * groundwater-level flux of HYDRUS-1D) against its steady state, cm and min. */
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "shpfit/column.h"
#include "shpfit/models.h"

#define NODES 51

typedef struct {
    double z[NODES], h0[NODES];
    int mat[NODES];
    shp_material loam;
    shp_column col;
} drain_case;

/* 100 cm of loam at head h0 everywhere under `top`, default solver, outputs t_out. */
static void drain_setup(drain_case *c, double h0, shp_bc top, const double *t_out, int n_out)
{
    memset(c, 0, sizeof *c);
    c->loam = shp_material_vgm(0.078, 0.43, 0.036, 1.56, 24.96 / 1440.0, 0.5);
    shp_grid_uniform(NODES, 100.0, c->z);
    for (int i = 0; i < NODES; ++i) c->h0[i] = h0;
    c->col.n = NODES;
    c->col.z = c->z;
    c->col.mat_of_node = c->mat;
    c->col.top = top;
    c->col.opt = shp_solver_opts_default();
    c->col.n_out = n_out;
    c->col.t_out = t_out;
}

/* 100 cm of loam under a constant rain q0, from h = −100 cm everywhere. At steady state
 * the flux is q0 at every depth, so the bottom head solves a exp(b |h − h_ref|) = q0:
 * with b < 0 and the column draining (a exp(b·50) > q0 at the start), the branch below
 * h_ref, h = h_ref − ln(q0/a)/b. */
Test(deep_drainage, reaches_the_steady_state_of_its_flux_law)
{
    const double q0 = 0.002, a = 0.005, b = -0.02, h_ref = -50.0, t_out[2] = {2e5, 4e5};
    drain_case c;
    drain_setup(&c, -100.0, (shp_bc){SHP_BC_FLUX, q0, 0, NULL, NULL}, t_out, 2);
    shp_column *col = &c.col;
    col->bottom.type = SHP_BC_DEEP_DRAINAGE;
    col->drain_a = a, col->drain_b = b, col->drain_h_ref = h_ref;
    shp_column_result res;
    cr_assert_eq(shp_column_result_alloc(col, &res), SHP_OK);
    cr_assert_eq(shp_column_run_cpu(col, &c.loam, c.h0, &res), SHP_OK);
    const double h_bot = res.out.h_prof[NODES - 1], want = h_ref - log(q0 / a) / b;
    cr_expect(fabs(res.out.q_bot[1] - q0) < 1e-6 * q0, "q_bot %.10g, want %g", res.out.q_bot[1], q0);
    cr_expect(fabs(h_bot - want) < 1e-3, "bottom head %.6f, want %.6f", h_bot, want);
    /* the flux law itself at the bottom head reached */
    cr_expect(fabs(res.out.q_bot[1] - a * exp(b * fabs(h_bot - h_ref))) < 1e-9, "q_bot off its law");
    cr_expect(fabs(res.out.balance[1]) < 1e-6, "water balance %g cm", res.out.balance[1]);
    /* steady: between the two outputs what came in went out */
    const double in = res.out.Q[1] - res.out.Q[0], out = res.out.Q_bot[1] - res.out.Q_bot[0];
    cr_expect(fabs(out - in) < 1e-6 * in, "in %g, out %g cm", in, out);
    shp_column_result_free(&res);
}

/* a = 0 is a closed bottom: the same run as zero flux, bit for bit. */
Test(deep_drainage, zero_a_is_a_closed_bottom)
{
    const double t_out[3] = {60, 600, 6000};
    drain_case c;
    drain_setup(&c, -200.0, (shp_bc){SHP_BC_HEAD, 1.0, 0, NULL, NULL}, t_out, 3);
    shp_column *col = &c.col;
    shp_column_result r0, r1;
    col->bottom.type = SHP_BC_ZERO_FLUX;
    cr_assert_eq(shp_column_result_alloc(col, &r0), SHP_OK);
    cr_assert_eq(shp_column_run_cpu(col, &c.loam, c.h0, &r0), SHP_OK);
    col->bottom.type = SHP_BC_DEEP_DRAINAGE;
    col->drain_a = 0.0, col->drain_b = -0.02, col->drain_h_ref = 0.0;
    cr_assert_eq(shp_column_result_alloc(col, &r1), SHP_OK);
    cr_assert_eq(shp_column_run_cpu(col, &c.loam, c.h0, &r1), SHP_OK);
    cr_expect_eq(memcmp(r0.block, r1.block, (size_t)shp_column_out_doubles(col) * sizeof(double)), 0);
    cr_expect_eq(r1.out.Q_bot[2], 0.0);
    shp_column_result_free(&r0);
    shp_column_result_free(&r1);
}
