/* The atmospheric top boundary (flux ↔ head switching, ponding and runoff) and Feddes
 * root water uptake of the column solver (core/column_core.h), cm and min. */
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "shpfit/column.h"
#include "shpfit/core/column_core.h"
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
/* A node's Newton update near saturation: towards it (δ > 0) in y = −b (1 + ln(−h/b)),
 * which damps the approach; every other update is Newton's own. A drying update in y
 * is stretched by b/|h|: from a surface whose pond had just evaporated (h = −4e−9 cm),
 * δ = −5e−4 cm landed at −1e5 cm and the column stopped. */
Test(atmospheric, head_update_near_saturation)
{
    const double tol_h = 1e-6;
    cr_expect_eq(shp_richards_head_update(-4e-9, -5e-4, tol_h), -4e-9 - 5e-4);
    cr_expect_eq(shp_richards_head_update(-0.5, -0.1, tol_h), -0.5 - 0.1);
    cr_expect_eq(shp_richards_head_update(-3.0, 1.0, tol_h), -2.0); /* below the band */
    cr_expect_eq(shp_richards_head_update(0.2, -0.5, tol_h), 0.2 - 0.5); /* from saturation */
    cr_expect_eq(shp_richards_head_update(-0.01, 0.02, tol_h), -0.01 + 0.02); /* into saturation */
    /* towards saturation, to within tol_h of it: taken in y, so it stops short of zero */
    const double h = shp_richards_head_update(-0.01, 0.0099999, tol_h);
    cr_expect(h < -1e-3 && h > -0.01, "h = %g", h);
}

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

/* Steady evaporation from a water table through a Gardner soil, K = Ks e^{αh}
 * (Gardner 1958, Soil Sci. 85: 228–232). With z the height above the water table
 * (h = 0 at z = 0) and E the upward flux, Darcy's E = −K (dh/dz + 1) gives
 * dz = −dh/(1 + E/K); integrating from h = 0 at z = 0 to the surface head h_s at z = L:
 *   L = (1/α) [ln(1 + E/Ks) − ln(e^{α h_s} + E/Ks)],
 * so that the steady rate with the surface held at h_s is
 *   E/Ks = (1 − e^{α (L + h_s)}) / (e^{αL} − 1),
 * and the head at height z under a rate E is e^{α h(z)} = (1 + E/Ks) e^{−αz} − E/Ks.
 * The column: 100 cm over a water table (bottom h = 0), cm and min, from hydrostatic
 * equilibrium; D = K/C = Ks/(α(θs − θr)) is constant, L²/D ≈ 6 days, so 60 days are
 * steady to rounding. */
#define GAR_L 100.0
#define GAR_ALPHA 0.03           /* 1/cm */
#define GAR_KS (20.0 * PER_DAY)  /* cm/min */
#define GAR_MAXN 201

/* E [cm/min] with the surface at h_s */
static double gardner_rate(double alpha, double h_s)
{
    return GAR_KS * -expm1(alpha * (GAR_L + h_s)) / expm1(alpha * GAR_L);
}

/* h at `depth` below the surface (height L − depth) under the rate e */
static double gardner_head(double alpha, double e, double depth)
{
    const double r = e / GAR_KS;
    return log((1.0 + r) * exp(-alpha * (GAR_L - depth)) - r) / alpha;
}

typedef struct {
    double z[GAR_MAXN], h0[GAR_MAXN];
    int mat[GAR_MAXN];
    double t_out[2];
    shp_column col;
    shp_column_result res;
    double e_sim; /* upward surface flux at 60 days [cm/min] */
} gar_case;

/* n uniform nodes, potential evaporation ep [cm/min], air-dry limit h_crit */
static void gardner_run(gar_case *c, int n, double ep, double h_crit)
{
    memset(c, 0, sizeof *c);
    shp_grid_uniform(n, GAR_L, c->z);
    for (int i = 0; i < n; ++i) c->h0[i] = -(GAR_L - c->z[i]);
    c->t_out[0] = 50.0 * 1440.0;
    c->t_out[1] = 60.0 * 1440.0;
    shp_column *col = &c->col;
    col->n = n;
    col->z = c->z;
    col->mat_of_node = c->mat;
    col->top.type = SHP_BC_ATMOSPHERIC;
    col->top.value = -ep;
    col->bottom.type = SHP_BC_HEAD;
    col->bottom.value = 0.0;
    col->h_crit = h_crit;
    col->h_max = 0.0;
    col->opt = shp_solver_opts_default();
    col->n_out = 2;
    col->t_out = c->t_out;
    const shp_material soil = shp_material_gardner(0.05, 0.45, GAR_ALPHA, GAR_KS);
    cr_assert_eq(shp_column_result_alloc(col, &c->res), SHP_OK);
    const int st = shp_column_run_cpu(col, &soil, c->h0, &c->res);
    cr_assert_eq(st, SHP_OK, "%d nodes: status %d at t %g", n, st, c->res.stats.t_reached);
    const shp_column_out *o = &c->res.out;
    c->e_sim = -o->v_inst[1];
    /* steady: the rate no longer changes, and what leaves the top enters at the bottom */
    cr_expect(fabs(o->v_inst[1] - o->v_inst[0]) < 1e-9 * c->e_sim, "not steady: %g, %g", o->v_inst[0], o->v_inst[1]);
    cr_expect(fabs(o->q_bot[1] - o->v_inst[1]) < 1e-9 * c->e_sim, "bottom %g vs top %g", o->q_bot[1], o->v_inst[1]);
}

/* Largest |h − h_Gardner(E)| over the nodes at 2, 10, 20, 50 and 80 cm (nodes of every
 * grid used here), and the surface node itself when its head is finite. */
static double gardner_profile_error(const gar_case *c, double e, int with_top)
{
    const double depths[] = {2.0, 10.0, 20.0, 50.0, 80.0};
    const int n = c->col.n;
    const double *h = c->res.out.h_prof; /* final profile */
    double worst = with_top ? fabs(h[0] - gardner_head(GAR_ALPHA, e, 0.0)) : 0.0;
    for (int k = 0; k < 5; ++k) {
        const int i = (int)lround(depths[k] / GAR_L * (n - 1));
        cr_assert(fabs(c->z[i] - depths[k]) < 1e-9);
        worst = fmax(worst, fabs(h[i] - gardner_head(GAR_ALPHA, e, depths[k])));
    }
    return worst;
}

/* Potential evaporation 3 cm/d, three times what the soil can deliver: the surface stays
 * at h_crit and the steady rate is Gardner's. The error is the grid's (backward Euler's
 * steady state has no time error) and second order for the kirchhoff face, whose flux
 * across a cell is short of the exact steady flux between its two heads by
 * (K_lower − K_upper)αΔz/12: measured −0.099 / −0.025 / −0.0062 % on 51 / 101 / 201
 * nodes, heads within 0.0044 cm on 101 (docs/verification.md §12).
 * Tolerances on 101 nodes (Δz = 1 cm): 0.1 % of E (4× the error) and 0.02 cm in h; the
 * error must fall 3–5× per halving of Δz (second order: 4×). α 1 % off moves E by 3 %,
 * dropping the h_crit term moves it by 5 %: both are checked to lie far outside. */
Test(atmospheric, gardner_steady_evaporation_at_h_crit)
{
    static gar_case c;
    const double ep = 3.0 * PER_DAY, h_crit = -200.0;
    const double e = gardner_rate(GAR_ALPHA, h_crit);
    cr_assert(ep > 2.0 * e);
    const int grids[3] = {51, 101, 201};
    double err[3];
    for (int g = 0; g < 3; ++g) {
        gardner_run(&c, grids[g], ep, h_crit);
        err[g] = (c.e_sim - e) / e;
        const double dh = gardner_profile_error(&c, e, 1);
        cr_log_info("gardner h_crit %g, %d nodes: E %.6f cm/d (Gardner %.6f, %+.2e), max |dh| %.2e cm, %ld steps",
                    h_crit, grids[g], c.e_sim * 1440.0, e * 1440.0, err[g], dh, c.res.stats.steps);
        cr_expect(fabs(c.res.out.h_prof[0] - h_crit) < 1e-9, "surface at %g, not h_crit", c.res.out.h_prof[0]);
        if (grids[g] == 101) {
            cr_expect(fabs(err[g]) < 1e-3, "101 nodes: E %g vs Gardner %g (%+.2e)", c.e_sim, e, err[g]);
            cr_expect(dh < 0.02, "101 nodes: heads %g cm off Gardner's profile", dh);
            /* the check can tell a wrong soil or a formula without h_crit */
            cr_expect(fabs(gardner_rate(1.01 * GAR_ALPHA, h_crit) - c.e_sim) > 10.0 * 1e-3 * e);
            cr_expect(fabs(gardner_rate(GAR_ALPHA, -HUGE_VAL) - c.e_sim) > 10.0 * 1e-3 * e);
        }
        shp_column_result_free(&c.res);
    }
    for (int g = 1; g < 3; ++g)
        cr_expect(fabs(err[g - 1]) > 3.0 * fabs(err[g]) && fabs(err[g - 1]) < 5.0 * fabs(err[g]),
                  "%d → %d nodes: error %+.2e → %+.2e, not second order", grids[g - 1], grids[g], err[g - 1], err[g]);
}

/* The air-dry limit of the field configs (h_crit −1e4 cm): e^{α h_crit} = e^{−300}, the
 * limit E = Ks/(e^{αL} − 1), and a profile with a logarithmic singularity at the surface
 * (h ≈ ln(αΔz E/Ks)/α one cell down, −215 cm at 1 cm). Same tolerances on 101 nodes
 * (measured −0.024 %, heads below the surface within 0.0053 cm). */
Test(atmospheric, gardner_steady_evaporation_air_dry_limit)
{
    static gar_case c;
    const double h_crit = -1e4, e = gardner_rate(GAR_ALPHA, h_crit);
    gardner_run(&c, 101, 3.0 * PER_DAY, h_crit);
    const double err = (c.e_sim - e) / e, dh = gardner_profile_error(&c, e, 0);
    cr_log_info("gardner h_crit %g, 101 nodes: E %.6f cm/d (Gardner %.6f, %+.2e), max |dh| %.2e cm", h_crit,
                c.e_sim * 1440.0, e * 1440.0, err, dh);
    cr_expect(fabs(c.res.out.h_prof[0] - h_crit) < 1e-9);
    cr_expect(fabs(err) < 1e-3, "E %g vs Gardner %g (%+.2e)", c.e_sim, e, err);
    cr_expect(dh < 0.02, "heads %g cm off Gardner's profile", dh);
    shp_column_result_free(&c.res);
}

/* Potential evaporation 0.5 cm/d, half the limit: the surface never dries to h_crit, the
 * steady rate is the potential (a flux boundary: exact to the solver's tolerance) and the
 * profile, the surface head included, is Gardner's for E = E_p. Measured on 101 nodes
 * |dh| ≤ 0.015 cm (largest at the surface, −121.63 against −121.61 cm; 0.0035 on 201);
 * tolerance 0.05 cm. */
Test(atmospheric, gardner_steady_evaporation_below_the_limit)
{
    static gar_case c;
    const double ep = 0.5 * PER_DAY, h_crit = -1e4;
    cr_assert(ep < 0.6 * gardner_rate(GAR_ALPHA, h_crit));
    gardner_run(&c, 101, ep, h_crit);
    const double dh = gardner_profile_error(&c, ep, 1);
    cr_log_info("gardner E_p %g cm/d, 101 nodes: E %.9f cm/d, surface h %.4f (Gardner %.4f), max |dh| %.2e cm",
                ep * 1440.0, c.e_sim * 1440.0, c.res.out.h_prof[0], gardner_head(GAR_ALPHA, ep, 0.0), dh);
    cr_expect(fabs(c.e_sim - ep) < 1e-9 * ep, "actual %g vs potential %g", c.e_sim, ep);
    cr_expect(c.res.out.h_prof[0] > h_crit + 1.0);
    cr_expect(dh < 0.05, "heads %g cm off Gardner's profile", dh);
    shp_column_result_free(&c.res);
}
