/* The atmospheric top boundary (flux ↔ head switching, ponding and runoff) and Feddes
 * root water uptake of the column solver (core/column_core.h), cm and min. */
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "shpfit/column.h"
#include "shpfit/models.h"

#define PER_DAY (1.0 / 1440.0) /* cm/day → cm/min */
#define NODES 101

typedef struct {
    double z[NODES], h0[NODES], t_out[400];
    int mat[NODES];
    double rt[800], rv[800]; /* forcing table P − E_p */
    double tpt[800], tpv[800];
    double root_w[NODES];
    shp_material loam;
    shp_column col;
    shp_column_result res;
} atm_case;

/* 100 cm of loam (Carsel & Parrish 1988) at uniform head h_init, zero-flux bottom,
 * atmospheric top, n_out outputs every dt_out minutes. */
static void atm_setup(atm_case *c, double h_init, int n_out, double dt_out)
{
    memset(c, 0, sizeof *c);
    c->loam = shp_material_vgm(0.078, 0.43, 0.036, 1.56, 24.96 / 1440.0, 0.5);
    shp_grid_uniform(NODES, 100.0, c->z);
    for (int i = 0; i < NODES; ++i) c->h0[i] = h_init;
    for (int k = 0; k < n_out; ++k) c->t_out[k] = (k + 1) * dt_out;
    shp_column *col = &c->col;
    col->n = NODES;
    col->z = c->z;
    col->mat_of_node = c->mat;
    col->top.type = SHP_BC_ATMOSPHERIC;
    col->bottom.type = SHP_BC_ZERO_FLUX;
    col->h_crit = -1e4;
    col->h_max = 0.0;
    col->opt = shp_solver_opts_default();
    col->opt.dt_max = 60.0;
    col->n_out = n_out;
    col->t_out = c->t_out;
    col->profiles_all = 1;
}

static int atm_run(atm_case *c)
{
    cr_assert_eq(shp_column_result_alloc(&c->col, &c->res), SHP_OK);
    return shp_column_run_cpu(&c->col, &c->loam, c->h0, &c->res);
}

/* Evaporation alone: the surface flux is the potential rate until the surface is
 * air-dry, then h_0 stays at h_crit and the rate falls (stage 2). */
Test(atmospheric, evaporation_reaches_h_crit_and_falls)
{
    static atm_case c;
    atm_setup(&c, -200.0, 121, 1440.0); /* at 30 min, then daily for 120 days */
    for (int k = 120; k > 0; --k) c.t_out[k] = c.t_out[k - 1];
    c.t_out[0] = 30.0;
    const double ep = 0.6 * PER_DAY;
    c.col.top.value = -ep;
    const int st = atm_run(&c);
    cr_assert_eq(st, SHP_OK, "status %d at t %g after %ld steps, %ld failures", st, c.res.stats.t_reached,
                 c.res.stats.steps, c.res.stats.failures);
    const shp_column_out *o = &c.res.out;
    cr_expect(fabs(o->v_inst[0] + ep) < 1e-12 * ep, "the first 30 min evaporate at the potential rate (%g)", o->v_inst[0]);
    const int last = c.col.n_out - 1;
    const double h_top = o->h_prof[(long)last * NODES];
    cr_expect(fabs(h_top - c.col.h_crit) < 1e-6, "surface held at h_crit (%g)", h_top);
    cr_expect(o->v_inst[last] > -0.5 * ep, "stage 2: rate %g well below the potential %g", -o->v_inst[last], ep);
    for (int k = 0; k <= last; ++k) {
        cr_expect(o->h_prof[(long)k * NODES] >= c.col.h_crit - 1e-6);
        cr_expect(-o->Q[k] <= ep * c.t_out[k] * (1 + 1e-12));
        cr_expect(fabs(o->balance[k]) < 1e-6 * fabs(o->Q[k]), "balance %g of %g", o->balance[k], o->Q[k]);
    }
    /* stage 2 is desorption-limited: E ~ √t, so the evaporation of days 60–120 is
     * well below that of days 0–60 */
    const double e1 = -o->Q[60], e2 = -(o->Q[last] - o->Q[60]);
    cr_expect(e2 < 0.6 * e1, "late evaporation %g vs early %g", e2, e1);
    cr_expect_eq(o->Q_runoff[last], 0.0);
    shp_column_result_free(&c.res);
}

/* An intense storm on dry loam ponds up to h_max and runs off; the ponded water soaks in
 * when the rain stops; rain = infiltration + runoff and the balance closes. */
Test(atmospheric, storm_ponds_runs_off_and_soaks_in)
{
    static atm_case c;
    atm_setup(&c, -300.0, 48, 10.0); /* every 10 min for 8 h */
    c.col.h_max = 1.0;
    const double rain = 0.5; /* cm/min (30 cm/h) for an hour, then dry */
    c.rt[0] = 0.0;
    c.rv[0] = rain;
    c.rt[1] = 60.0;
    c.rv[1] = 0.0;
    c.col.top.n = 2;
    c.col.top.t = c.rt;
    c.col.top.v = c.rv;
    c.col.top.value = rain;
    cr_assert_eq(atm_run(&c), SHP_OK);
    const shp_column_out *o = &c.res.out;
    double pond_max = 0.0;
    for (int k = 0; k < c.col.n_out; ++k) {
        const double h_top = o->h_prof[(long)k * NODES];
        pond_max = fmax(pond_max, h_top);
        cr_expect(h_top <= c.col.h_max + 1e-9, "pond %g above h_max", h_top);
        const double p = rain * fmin(c.t_out[k], 60.0);
        cr_expect(fabs(o->Q[k] + o->Q_runoff[k] - p) < 1e-9 * p, "rain %g = into the column %g + runoff %g", p,
                  o->Q[k], o->Q_runoff[k]);
        cr_expect(fabs(o->balance[k]) < 1e-6 * p, "balance %g", o->balance[k]);
    }
    cr_expect(fabs(pond_max - c.col.h_max) < 1e-9, "the surface ponded to h_max (%g)", pond_max);
    cr_expect(o->Q_runoff[5] > 1.0, "runoff %g cm", o->Q_runoff[5]);
    const int last = c.col.n_out - 1;
    cr_expect(o->h_prof[(long)last * NODES] < 0.0, "the pond soaked in");
    cr_expect_eq(o->Q_runoff[last], o->Q_runoff[5], "no runoff after the rain");
    shp_column_result_free(&c.res);
}

static shp_feddes grass(void)
{
    /* HYDRUS-1D's Feddes parameters for grass (Wesseling 1991), cm; r2h, r2l in cm/min */
    shp_feddes f = {-10.0, -25.0, -200.0, -800.0, -8000.0, 0.5 * PER_DAY, 0.1 * PER_DAY};
    return f;
}

Test(atmospheric, feddes_alpha)
{
    const shp_feddes f = grass();
    double d;
    cr_expect_eq(shp_feddes_alpha(&f, -200.0, -5.0, &d), 0.0);
    cr_expect(fabs(shp_feddes_alpha(&f, -200.0, -17.5, &d) - 0.5) < 1e-15);
    cr_expect(fabs(d + 1.0 / 15.0) < 1e-15);
    cr_expect_eq(shp_feddes_alpha(&f, -200.0, -100.0, &d), 1.0);
    cr_expect(fabs(shp_feddes_alpha(&f, -200.0, -4100.0, &d) - 0.5) < 1e-15);
    cr_expect_eq(shp_feddes_alpha(&f, -200.0, -9000.0, &d), 0.0);
    cr_expect_eq(shp_feddes_h3(&f, 1.0), -200.0);
    cr_expect_eq(shp_feddes_h3(&f, 0.0), -800.0);
    cr_expect(fabs(shp_feddes_h3(&f, 0.3 * PER_DAY) + 500.0) < 1e-9);
}

/* Uniform roots in the top 30 cm under T_p = 0.5 cm/day: the uptake is the potential
 * while the root zone is wetter than h3, then the stress function cuts it; the column
 * loses to the roots exactly what they take. */
Test(atmospheric, root_uptake_follows_feddes)
{
    static atm_case c;
    atm_setup(&c, -60.0, 200, 1440.0);
    c.col.top.value = 0.0;
    const double tp = 0.5 * PER_DAY;
    c.col.transp.value = tp;
    c.col.feddes = grass();
    double sum = 0.0;
    for (int i = 0; i < NODES; ++i) {
        const double vol = i == 0 || i == NODES - 1 ? 0.5 : 1.0;
        c.root_w[i] = c.z[i] <= 30.0 + 1e-9 ? vol : 0.0;
        sum += c.root_w[i];
    }
    for (int i = 0; i < NODES; ++i) c.root_w[i] /= sum;
    c.col.root_w = c.root_w;
    cr_assert_eq(atm_run(&c), SHP_OK);
    const shp_column_out *o = &c.res.out;
    cr_expect(fabs(o->Q_uptake[0] - tp * 1440.0) < 1e-9 * tp * 1440.0, "day 1: uptake %g at the potential", o->Q_uptake[0]);
    const int last = c.col.n_out - 1;
    cr_expect(o->Q_uptake[last] < 0.9 * tp * c.t_out[last], "stress cuts the uptake (%g of %g)", o->Q_uptake[last],
              tp * c.t_out[last]);
    for (int k = 0; k <= last; ++k) {
        cr_expect_eq(o->Q[k], 0.0);
        cr_expect(fabs(o->balance[k]) < 1e-6 * o->Q_uptake[k], "balance %g of %g", o->balance[k], o->Q_uptake[k]);
    }
    /* uptake stops at the wilting point h4: the root zone ends near it (below by what
     * gravity still drains) and the last day takes almost nothing */
    for (int i = 0; i < NODES; ++i)
        cr_expect(c.res.out.h_prof[(long)last * NODES + i] > -8000.0 - 10.0, "node %d h %g", i,
                  c.res.out.h_prof[(long)last * NODES + i]);
    cr_expect(o->Q_uptake[last] - o->Q_uptake[last - 1] < 0.05 * tp * 1440.0, "last day %g",
              o->Q_uptake[last] - o->Q_uptake[last - 1]);
    shp_column_result_free(&c.res);
}

/* A year of daily weather (rain on one day in four, evaporation every day), roots and
 * free drainage: the water balance closes to 1e-6 of the precipitation. */
Test(atmospheric, year_water_balance_closes)
{
    static atm_case c;
    atm_setup(&c, -100.0, 365, 1440.0);
    c.col.bottom.type = SHP_BC_FREE_DRAINAGE;
    c.col.h_max = 0.5;
    double p_total = 0.0;
    unsigned s = 12345u;
    for (int d = 0; d < 365; ++d) {
        s = s * 1103515245u + 12345u;
        const double u = (double)((s >> 8) & 0xffff) / 65536.0;
        const double rain = d % 4 == 0 ? (u < 0.1 ? 8.0 : 3.0 * u) : 0.0; /* cm/day, some storms */
        const double ep = 0.2 + 0.3 * sin(6.283185307179586 * d / 365.0) * sin(6.283185307179586 * d / 365.0);
        c.rt[d] = d * 1440.0;
        c.rv[d] = (rain - 0.4 * ep) * PER_DAY;
        c.tpt[d] = d * 1440.0;
        c.tpv[d] = 0.6 * ep * PER_DAY;
        p_total += rain;
    }
    c.col.top.n = c.col.transp.n = 365;
    c.col.top.t = c.rt;
    c.col.top.v = c.rv;
    c.col.top.value = c.rv[0];
    c.col.transp.t = c.tpt;
    c.col.transp.v = c.tpv;
    c.col.feddes = grass();
    for (int i = 0; i < NODES; ++i) c.root_w[i] = c.z[i] < 40.0 ? (40.0 - c.z[i]) : 0.0; /* linear */
    double sum = 0.0;
    for (int i = 0; i < NODES; ++i) sum += c.root_w[i];
    for (int i = 0; i < NODES; ++i) c.root_w[i] /= sum;
    c.col.root_w = c.root_w;
    cr_assert_eq(atm_run(&c), SHP_OK);
    const shp_column_out *o = &c.res.out;
    const int last = c.col.n_out - 1;
    cr_expect(fabs(o->balance[last]) < 1e-6 * p_total, "balance %g of P %g", o->balance[last], p_total);
    cr_expect(c.res.stats.max_abs_balance < 1e-6 * p_total);
    cr_expect(o->Q_uptake[last] > 0.0 && o->Q_bot[last] > 0.0);
    cr_log_info("year: P %.3f, into soil %.3f, runoff %.3f, uptake %.3f, drainage %.3f, balance %.2e cm; %ld steps",
                p_total, o->Q[last], o->Q_runoff[last], o->Q_uptake[last], o->Q_bot[last], o->balance[last],
                c.res.stats.steps);
    shp_column_result_free(&c.res);
}
