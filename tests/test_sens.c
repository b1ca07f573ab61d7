/* Exact parameter sensitivities of the column (core/column_sens.h) against central
 * differences of the same discrete model.
 *
 * On the fixed schedule every candidate steps through the same times, so the outputs are
 * smooth functions of the parameters and a central difference measures the derivative
 * the sensitivity equations compute (the derivative of the discrete solution with the
 * step sequence frozen). Tight iteration tolerances make the converged iterate the
 * discrete solution to far below the difference's own error. Every slot of the output
 * block is compared (Q, v, bottom fluxes, θ at observation depths, final h and θ
 * profiles), through the batch API, so the initial heads' derivatives (a state given as
 * Se moves with the retention curve) are included. */
#include <criterion/criterion.h>
#include <criterion/logging.h>

#include "fixtures.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shpfit/batch.h"
#include "shpfit/column.h"
#include "shpfit/models.h"

/* Every slot agrees with its central difference to 1e−3 of its segment's scale beyond the
 * difference's own noise, and 99 % of the slots whose difference is not noisy to TIGHT. */
#define TIGHT 1e-5
#define NODES 41
#define N_OUT 4
static const double T_OUT[N_OUT] = {2.0, 10.0, 30.0, 60.0};

typedef struct {
    double z[NODES], init[NODES];
    int mat[NODES];
    int obs_node[2];
    double obs_w[2];
    int sens_mat[SHP_MAX_SENS], sens_par[SHP_MAX_SENS];
    shp_column col;
} setup;

/* Ponded column (2 cm, bottom free drainage or a water table, initial Se 0.4), 41 nodes
 * refined toward the surface, 60 min, the fixed schedule, tight iterations; θ observed
 * at 5 and 12.5 cm; sensitivities by every parameter of `np`. */
/* bottom_head: 0 free drainage, 1 a water table, 2 deep drainage */
static void setup_init(setup *s, int np, int kmean, int bottom_head, int count_fill)
{
    memset(s, 0, sizeof *s);
    shp_grid_geometric(NODES, 100.0, 1.08, s->z);
    for (int i = 0; i < NODES; ++i) s->init[i] = 0.4;
    s->col = ponded_column(NODES, s->z, s->mat, T_OUT, N_OUT);
    s->col.opt.step_control = SHP_STEP_FIXED;
    s->col.opt.dt_max = 0.1;
    s->col.opt.grow = 1.1;
    s->col.opt.tol_theta = 1e-10;
    s->col.opt.tol_h = 1e-9;
    s->col.opt.tol_mass = 1e-14;
    s->col.opt.max_iter = 40;
    s->col.opt.max_steps = 50000;
    s->col.opt.kmean = kmean;
    s->col.opt.count_fill = count_fill;
    if (bottom_head == 1) {
        s->col.bottom.type = SHP_BC_HEAD;
        s->col.bottom.value = -30.0;
    } else if (bottom_head == 2) { /* a flux to the groundwater that depends on the head */
        s->col.bottom.type = SHP_BC_DEEP_DRAINAGE;
        s->col.drain_a = 0.005;
        s->col.drain_b = -0.02;
        s->col.drain_h_ref = -50.0;
    }
    cr_assert_eq(shp_grid_locate(s->z, NODES, 5.0, &s->obs_node[0], &s->obs_w[0]), 0);
    cr_assert_eq(shp_grid_locate(s->z, NODES, 12.5, &s->obs_node[1], &s->obs_w[1]), 0);
    s->col.n_obs = 2;
    s->col.obs_node = s->obs_node;
    s->col.obs_w = s->obs_w;
    for (int k = 0; k < np; ++k) {
        s->sens_mat[k] = 0;
        s->sens_par[k] = k;
    }
    s->col.n_sens = np;
    s->col.sens_mat = s->sens_mat;
    s->col.sens_par = s->sens_par;
}

/* Segments of the output block compared one by one: each has its own scale. */
static int segments(const shp_column *col, double *block, double **start, long *len)
{
    shp_column_out o;
    shp_column_out_slots(col, block, &o);
    const long nt = col->n_out;
    double *const s[] = {o.Q, o.v_inst, o.v_mean, o.q_bot, o.Q_bot, o.theta_obs, o.h_prof, o.theta_prof};
    const long l[] = {nt, nt, nt, nt, nt, nt * col->n_obs, col->n, col->n};
    for (int k = 0; k < 8; ++k) {
        start[k] = s[k];
        len[k] = l[k];
    }
    return 8;
}

static const char *const SEG_NAMES[] = {"Q", "v_inst", "v_mean", "q_bot", "Q_bot", "theta_obs",
                                        "h_prof", "theta_prof"};

typedef struct {
    int compared, skipped;
    long slots, noisy; /* slots compared, and those whose difference quotient is noisy */
    long loose;        /* the others where the two differ by more than TIGHT */
    double worst;      /* largest error relative to the segment's scale */
    double worst_bal;  /* largest |∂balance/∂p| relative to max |∂Q/∂p| */
} sens_tally;

/* Run material m with its sensitivities and central differences for every parameter;
 * `tol`: the largest error allowed relative to each segment's largest derivative. */
static void check_material(setup *s, const shp_material *m, const char *name, double tol,
                           sens_tally *tl)
{
    const int np = s->col.n_sens;
    const long plain = shp_column_out_plain_size(&s->col);
    const int nc = 6 * np; /* p_k ± δ_k, ± 2δ_k, ± 100δ_k, without sensitivities */
    shp_column col_plain = s->col;
    col_plain.n_sens = 0;
    shp_material *mats = malloc(sizeof *mats * (size_t)nc);
    double *out0 = malloc(sizeof *out0 * (size_t)shp_column_out_doubles(&s->col));
    double *outp = malloc(sizeof *outp * (size_t)(plain * nc));
    shp_column_stats st0, *stp = malloc(sizeof *stp * (size_t)nc);
    double step[SHP_MAX_SENS];
    cr_assert(mats && out0 && outp && stp);
    for (int c = 0; c < nc; ++c) mats[c] = *m;
    for (int k = 0; k < np; ++k) {
        step[k] = 1e-5 * fmax(fabs(m->p[k]), 1e-3);
        mats[6 * k].p[k] += step[k];
        mats[1 + 6 * k].p[k] -= step[k];
        mats[2 + 6 * k].p[k] += 2.0 * step[k];
        mats[3 + 6 * k].p[k] -= 2.0 * step[k];
        mats[4 + 6 * k].p[k] += 100.0 * step[k];
        mats[5 + 6 * k].p[k] -= 100.0 * step[k];
    }
    shp_backend *be = shp_backend_cpu_create(2);
    cr_assert(be);
    shp_batch_setup bs0 = {&s->col, 1, SHP_INIT_SE, s->init}, bsp = {&col_plain, 1, SHP_INIT_SE, s->init};
    shp_batch b0 = {1, m, out0, &st0}, bp = {nc, mats, outp, stp};
    cr_assert_eq(shp_backend_run(be, &bs0, &b0), SHP_OK);
    cr_assert_eq(shp_backend_run(be, &bsp, &bp), SHP_OK);
    shp_backend_destroy(be);
    if (st0.status != SHP_OK) { /* a random draw the schedule cannot run: nothing to compare */
        cr_log_info("%s: the column failed (%d)", name, st0.status);
        tl->skipped += np;
        free(mats);
        free(out0);
        free(outp);
        free(stp);
        return;
    }

    for (int k = 0; k < np; ++k) {
        int same = 1;
        for (int q = 0; q < 4; ++q) {
            const shp_column_stats *sq = &stp[q + 6 * k];
            same &= sq->status == SHP_OK && sq->steps == st0.steps && sq->failures == st0.failures;
        }
        if (!same) {
            /* a failed scheduled step is sub-divided: a discrete event no difference spans */
            cr_log_info("%s: parameter %d skipped (another step history: %ld steps, %ld "
                        "failures; +δ: %d %ld %ld)", name, k, st0.steps, st0.failures,
                        stp[6 * k].status, stp[6 * k].steps, stp[6 * k].failures);
            ++tl->skipped;
            continue;
        }
        double *base = out0 + plain * (1 + k); /* the sensitivity block of parameter k */
        double *seg_s[8], *seg_p[8], *seg_m[8], *seg_p2[8], *seg_m2[8], *seg_pw[8], *seg_mw[8];
        long len[8];
        const int nseg = segments(&s->col, base, seg_s, len);
        segments(&s->col, outp + plain * (6 * k), seg_p, len);
        segments(&s->col, outp + plain * (1 + 6 * k), seg_m, len);
        segments(&s->col, outp + plain * (2 + 6 * k), seg_p2, len);
        segments(&s->col, outp + plain * (3 + 6 * k), seg_m2, len);
        /* the wide difference serves where the narrow one drowns in the iterations'
         * noise (a slot that barely depends on p_k); when its step history is another,
         * it is not used */
        const int wide = stp[4 + 6 * k].status == SHP_OK && stp[5 + 6 * k].status == SHP_OK &&
                   stp[4 + 6 * k].failures == st0.failures && stp[5 + 6 * k].failures == st0.failures;
        segments(&s->col, outp + plain * (4 + 6 * k), seg_pw, len);
        segments(&s->col, outp + plain * (5 + 6 * k), seg_mw, len);
        /* the rounding floor of a segment is that of the quantity it is a part of: a
         * bottom flux is compared on the scale of the top flux, Q_bot on that of Q */
        static const int ref[8] = {0, 1, 1, 1, 0, 5, 6, 7};
        double vmax[8];
        for (int g = 0; g < nseg; ++g) {
            vmax[g] = 0.0;
            for (long j = 0; j < len[g]; ++j) vmax[g] = fmax(vmax[g], fabs(seg_p[g][j]));
        }
        double dQmax = 0.0;
        for (int g = 0; g < nseg; ++g) {
            /* the segment's scale: its largest derivative, and at least the difference
             * quotient of rounding (1e−12 of the largest value of its quantity) */
            double scale = 0.0;
            for (long j = 0; j < len[g]; ++j)
                scale = fmax(scale, fabs((seg_p[g][j] - seg_m[g][j]) / (2.0 * step[k])));
            scale = fmax(scale, 1e-12 * fmax(vmax[g], vmax[ref[g]]) / (2.0 * step[k]));
            if (g == 0) dQmax = scale;
            if (scale == 0.0) continue; /* nothing depends on it */
            /* a difference quotient is only as good as its agreement with the one of
             * twice the step (truncation and the iterations' noise): that much more is
             * allowed, and such slots are counted */
            double worst = 0.0, fdw = 0.0;
            long jw = 0;
            for (long j = 0; j < len[g]; ++j) {
                const double fd = (seg_p[g][j] - seg_m[g][j]) / (2.0 * step[k]);
                const double fd2 = (seg_p2[g][j] - seg_m2[g][j]) / (4.0 * step[k]);
                const double noise = 2.0 * fabs(fd - fd2);
                const double e = fabs(seg_s[g][j] - fd) / scale;
                tl->noisy += noise > TIGHT * scale;
                ++tl->slots;
                double excess = fmax(fabs(seg_s[g][j] - fd) - noise, 0.0) / scale;
                if (wide && excess > TIGHT) {
                    const double fd_wide = (seg_pw[g][j] - seg_mw[g][j]) / (200.0 * step[k]);
                    excess = fmin(excess, fabs(seg_s[g][j] - fd_wide) / scale);
                }
                if (excess > worst || excess != excess) {
                    worst = excess;
                    jw = j;
                    fdw = fd;
                }
                if (noise <= TIGHT * scale) {
                    tl->worst = fmax(tl->worst, e);
                    tl->loose += e > TIGHT;
                }
            }
            cr_expect(worst <= tol, "%s, parameter %d, %s[%ld]: sensitivity %.10e, central "
                      "difference %.10e (error beyond the difference's noise %.2e of the "
                      "scale %.3e)", name, k, SEG_NAMES[g], jw, seg_s[g][jw], fdw, worst, scale);
        }
        shp_column_out so;
        shp_column_out_slots(&s->col, base, &so);
        for (int t = 0; t < N_OUT; ++t)
            if (dQmax > 0.0) {
                const double bal = fabs(so.balance[t]) / dQmax;
                tl->worst_bal = fmax(tl->worst_bal, bal);
                cr_expect(bal <= 1e-6 || fabs(so.balance[t]) <= 1e-18, "%s, parameter %d: dbalance/dp %.3e at output %d (max |dQ/dp| %.3e)", name, k, so.balance[t], t, dQmax);
            }
        ++tl->compared;
    }
    free(mats);
    free(out0);
    free(outp);
    free(stp);
}

static shp_material loam(void) { return shp_material_vgm(0.078, 0.43, 0.036, 1.56, 0.0173, 0.5); }

static void run_models(int kmean, int bottom_head, int count_fill, double tol)
{
    /* VGM loam, then two valid random materials of every model of the library (air entry,
     * Brooks–Corey, Kosugi, FXW and bimodal Kosugi among them) */
    sens_tally tl = {0, 0, 0, 0, 0, 0.0, 0.0};
    setup s;
    shp_material m = loam();
    setup_init(&s, 6, kmean, bottom_head, count_fill);
    check_material(&s, &m, "vgm loam", tol, &tl);
    for (int id = 0; id < SHP_MODEL_COUNT; ++id) {
        const shp_model_desc *d = shp_model_by_id(id);
        for (int seed = 0; seed < 2; ++seed) {
            cr_assert_eq(random_material(id, 77, (uint64_t)(10 * id + seed), &m), 0);
            setup_init(&s, d->n_params, kmean, bottom_head, count_fill);
            char name[96];
            snprintf(name, sizeof name, "%s (draw %d)", d->name, seed);
            check_material(&s, &m, name, tol, &tl);
        }
    }
    cr_log_info("sensitivities (k_mean %d, bottom %s, fill %s): %d parameters compared, %d "
                "skipped; %ld of %ld slots with a noisy difference quotient; %ld of the others "
                "off by more than 1e-5, worst %.2e of the segment's scale, worst |dbalance/dp| %.2e of the "
                "largest |dQ/dp|", kmean, bottom_head ? "head" : "free drainage",
                count_fill ? "counted" : "ignored", tl.compared, tl.skipped, tl.noisy, tl.slots,
                tl.loose, tl.worst, tl.worst_bal);
    cr_expect(tl.noisy * 10 <= tl.slots, "%ld of %ld slots noisy", tl.noisy, tl.slots);
    cr_expect(tl.loose * 100 <= tl.slots - tl.noisy, "%ld of %ld slots off by more than %g",
              tl.loose, tl.slots - tl.noisy, TIGHT);
    cr_expect(tl.compared >= 4 * tl.skipped, "%d parameters skipped of %d", tl.skipped,
              tl.compared + tl.skipped);
}

Test(sens, arithmetic_faces_match_central_differences, .timeout = 600)
{
    run_models(SHP_KMEAN_ARITHMETIC, 0, 0, 1e-3);
}

Test(sens, kirchhoff_faces_and_counted_fill_match_central_differences, .timeout = 600)
{
    run_models(SHP_KMEAN_KIRCHHOFF, 0, 1, 1e-3);
}

Test(sens, water_table_and_geometric_mean_match_central_differences, .timeout = 600)
{
    run_models(SHP_KMEAN_GEOMETRIC, 1, 1, 1e-3);
}

/* The deep-drainage bottom (its dq/dh in the Jacobian, no parameter derivative): the
 * loam alone. */
Test(sens, deep_drainage_bottom_matches_central_differences, .timeout = 600)
{
    sens_tally tl = {0, 0, 0, 0, 0, 0.0, 0.0};
    setup s;
    shp_material m = loam();
    setup_init(&s, 6, SHP_KMEAN_ARITHMETIC, 2, 0);
    check_material(&s, &m, "vgm loam, deep drainage", 1e-3, &tl);
    cr_log_info("deep drainage: %d parameters compared, %d skipped, worst %.2e", tl.compared, tl.skipped, tl.worst);
    cr_expect(tl.compared >= 5, "%d parameters compared", tl.compared);
}
