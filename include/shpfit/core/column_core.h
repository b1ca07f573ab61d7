/* One soil column, one time-stepping routine for both backends.
 *
 * shp_column_run() advances a column from its initial heads to the last output time
 * with the modified Picard scheme (physics/node_assembly.h) and an adaptive time step,
 * writing the series the objectives need straight into the caller's output slots.
 * It is written for a team (core/team.h): node loops are strided over the members and
 * every decision is taken on team-reduced values, so a CUDA thread block can run it as
 * a team of many while the CPU runs it as a team of one. It allocates nothing: all
 * working memory is one caller-provided block of shp_column_work_size() doubles. */
#ifndef SHPFIT_CORE_COLUMN_CORE_H
#define SHPFIT_CORE_COLUMN_CORE_H

#include "column_assembly.h"
#include "column_sens.h"
#include "column_types.h"
#include "team.h"
#include "tridiag.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Head after a Newton update δ of head h. Unsaturated heads within SHP_RICHARDS_LOG_BAND [L]
 * of saturation moving toward it are updated in y = −b (1 + ln(−h/b)), b the band: for
 * VGM with n near 1, K(h) ~ Ks (1 − c |h|^{n−1})² has a slope that grows without bound
 * as h → 0⁻, and Newton in h overshoots across saturation while Newton in ln(−h) sees a
 * smooth K. y = h below the band and the map is C¹ at −b, so away from saturation (every
 * front in dry soil) the update is Newton's own. A node still crosses into saturation in
 * one update when the update takes it above h_cross (tol_h): only a crossing to within
 * the head tolerance of zero, the 2-cycle's signature, is taken in y. A drying update
 * (δ < 0) is Newton's own: in y it is stretched by b/|h| to first order, and a node just
 * below zero (a surface whose pond has just gone, at h = −4e−9 cm) was thrown to
 * −1e5 cm by δ = −5e−4 cm, after which no step converged. The change of variable changes
 * the iterates, never the discrete solution they converge to. */
#define SHP_RICHARDS_LOG_BAND 1.0
SHP_HD SHP_INLINE double shp_richards_head_update(double h, double delta, double h_cross)
{
    const double b = SHP_RICHARDS_LOG_BAND;
    if (!(h < 0.0) || !(delta > 0.0) || h + delta > h_cross) return h + delta;
    const double y = h <= -b ? h : -b * (1.0 + log(-h / b));
    const double dy = h <= -b ? delta : delta * (-b / h);
    const double y1 = y + dy;
    return y1 <= -b ? y1 : -b * exp(-(y1 + b) / b);
}

/* The flux through a head-held top node over a step, from its own balance: what its
 * storage, the water ponded above it, the face below and its roots took. */
SHP_HD SHP_INLINE double shp_richards_top_head_flux(const shp_column *col, int newton,
                                                    const shp_richards_step_bc *bc, const double *tabs,
                                                    const double *h, const double *W,
                                                    const double *W_old, const double *K,
                                                    const double *dK, const double *Psi)
{
    double dS;
    return shp_richards_node_volume(col->z, col->n, 0) * (W[0] - W_old[0]) / bc->dt +
           (shp_richards_pond(col, h) - bc->pond_old) / bc->dt +
           shp_richards_face_at(col, newton, tabs, 0, h, K, dK, Psi).q +
           shp_richards_uptake(col, bc, 0, h[0], &dS);
}

/* Back to the heads of the last accepted step (h_old), to redo or retry a step. */
SHP_HD SHP_INLINE void shp_richards_restore(const shp_team *tm, const shp_column *col,
                                            const shp_material *mats, const double *tabs,
                                            const double *h_old, double *h, double *W, double *K,
                                            double *Cw, double *dK, double *Psi)
{
    for (int i = tm->rank; i < col->n; i += tm->size) h[i] = h_old[i];
    shp_richards_eval_nodes(tm, col, mats, tabs, h, W, K, Cw, dK, Psi);
    shp_team_sync(tm);
}

/* Times one step of an atmospheric top may change its mode before its result is taken
 * as it is (flux → h_crit → flux → h_crit would be a cycle). */
#define SHP_RICHARDS_ATM_SWITCHES 3

/* The mode an atmospheric top starts a retried step in: the one the surface is in at the
 * step's start (air-dry under evaporation: h_crit; ponded to the brim under rain: h_max),
 * else the potential flux. A step that failed in a head mode must not keep it: rain on an
 * air-dry surface switches a long step to h_max, which a short step cannot reach, and
 * the retries would cut Δt to dt_min in a mode the surface is not in. */
SHP_HD SHP_INLINE int shp_richards_atm_start_mode(const shp_column *col, double h0_old, double q_pot)
{
    if (q_pot < 0.0 && h0_old <= col->h_crit) return 1;
    if (q_pot > 0.0 && h0_old >= col->h_max) return 2;
    return 0;
}

/* Smallest fraction of a Newton update the line search tries (5 halvings). */
#define SHP_RICHARDS_LAMBDA_MIN (1.0 / 32.0)

/* Run the column from heads h_init (n values) to t_out[n_out−1], and with n_sens > 0
 * the derivatives of every output (out->sens; core/column_sens.h) from the derivatives
 * of the initial heads dh_init (n_sens × n, parameter-major; NULL: the initial heads do
 * not depend on the parameters). Returns the column status (also in out->stats->status). */
SHP_HD SHP_INLINE shp_status shp_column_run_sens(const shp_team *tm, const shp_column *col,
                                                 const shp_material *mats, const double *h_init,
                                                 const double *dh_init, double *work,
                                                 shp_column_out *out)
{
    const int n = col->n;
    const shp_solver_opts *opt = &col->opt;
    double *h = work, *h_old = work + n, *W = work + 2 * n, *W_old = work + 3 * n;
    double *K = work + 4 * n, *Cw = work + 5 * n, *dK = work + 6 * n, *dW = work + 7 * n;
    double *a = work + 8 * n, *b = work + 9 * n, *c = work + 10 * n, *r = work + 11 * n;
    double *h_base = work + 12 * n, *d = work + 13 * n; /* iterate and Newton direction */
    double *scratch = work + 14 * n; /* SHP_TRIDIAG_SCRATCH_DOUBLES(n) */
    double *Psi = work + 18 * n;     /* Kirchhoff potential, then ln(−h) (kirchhoff faces) */
    double *tabs = 0;                /* then the materials' tables */
    const int n_mat = shp_richards_materials(tm, col);
    if (opt->kmean == SHP_KMEAN_KIRCHHOFF) {
        tabs = work + SHP_COLUMN_WORK_DOUBLES(n);
        shp_richards_build_tables(tm, mats, n_mat, tabs);
    }
    const int sens = col->n_sens > 0;
    shp_sens_state ss; /* then the sensitivities' arrays and tables */
    if (sens) shp_sens_bind(col, work + shp_column_work_size(n, n_mat, opt->kmean, 0), &ss);

    /* a head-boundary node starts at its boundary head (as HYDRUS does), so its half
     * cell jumps from θ_i to θ(h0) at t = 0+. With count_fill that water is inflow, as it
     * is in the soil: the wetting of the top half cell, which the continuum does in the
     * first moments. Without it Q misses vol_0 (θ(h0) − θ_i), an error of first order
     * in the top cell's size (docs/verification.md §10). */
    for (int i = tm->rank; i < n; i += tm->size) {
        double hi = h_init[i];
        if (i == 0 && col->top.type == SHP_BC_HEAD) hi = shp_bc_value(&col->top, 0.0);
        if (i == n - 1 && col->bottom.type == SHP_BC_HEAD) hi = shp_bc_value(&col->bottom, 0.0);
        h[i] = h_old[i] = hi;
    }
    shp_richards_eval_nodes(tm, col, mats, tabs, h, W, K, Cw, dK, Psi);
    for (int i = tm->rank; i < n; i += tm->size) W_old[i] = W[i];
    double S0 = shp_richards_storage(tm, col, W) + shp_richards_pond(col, h); /* includes a team sync */
    double Q = 0.0, Q_bot = 0.0;
    if (opt->count_fill) { /* the balance then starts from the initial state as given */
        Q = shp_richards_boundary_fill(col, mats, h_init, 0);
        Q_bot = -shp_richards_boundary_fill(col, mats, h_init, n - 1);
        S0 -= Q - Q_bot;
    }
    if (sens) shp_sens_start(tm, col, mats, h_init, dh_init, h, Cw, &ss);

    double t = 0.0, dt = opt->dt_init, q_top = 0.0, q_bot = 0.0;
    double Q_prev_out = 0.0, t_prev_out = 0.0, max_bal = 0.0;
    /* the step controller's memory: the length of the previous step and, in dW, each
     * node's rate of change over it (0: no step yet) */
    double dt_prev = 0.0;
    /* fixed schedule: the current scheduled step ends at sched_end; the next one is
     * dt_next long. Neither depends on the column, so every candidate of a batch steps
     * through the same times and its outputs are smooth functions of its parameters
     * (a failed scheduled step is done in sub-steps, and the schedule goes on after it) */
    const int fixed = opt->step_control == SHP_STEP_FIXED;
    double sched_end = -1.0, dt_next = opt->dt_init;
    long steps = 0, iters = 0, fails = 0;
    shp_status status = SHP_OK;
    int k_out = 0;
    /* an atmospheric top is held, step by step, at the potential flux (mode 0), at h_crit
     * (1: the surface is air-dry) or at h_max (2: ponded to the brim, the rest runs off);
     * a step whose result contradicts its mode is redone in the other (Šimůnek et al.
     * 2013, HYDRUS-1D manual, eqs. 2.71–2.73) */
    const int atm = col->top.type == SHP_BC_ATMOSPHERIC;
    int atm_mode = 0, atm_switches = 0, atm_flux_failed = 0;
    double R = 0.0, U = 0.0; /* cumulative runoff and root uptake */

    while (k_out < col->n_out) {
        if (steps + fails >= opt->max_steps) {
            status = SHP_ERR_MAX_STEPS;
            break;
        }
        /* end the step on the next output time or boundary change */
        double t_stop = col->t_out[k_out];
        t_stop = shp_min(t_stop, shp_bc_next_change(&col->top, t));
        t_stop = shp_min(t_stop, shp_bc_next_change(&col->bottom, t));
        if (col->root_w) t_stop = shp_min(t_stop, shp_bc_next_change(&col->transp, t));
        if (fixed) {
            if (t >= sched_end) { /* the next scheduled step, whole */
                sched_end = shp_min(t + dt_next, t_stop);
                dt_next = shp_min(dt_next * opt->grow, opt->dt_max);
                dt = HUGE_VAL;
            }
            t_stop = sched_end;
        }
        const int clipped = t + dt >= t_stop;
        shp_richards_step_bc bc;
        bc.dt = clipped ? t_stop - t : dt;
        bc.top_type = col->top.type;
        bc.bot_type = col->bottom.type;
        bc.top_val = shp_bc_value(&col->top, t + 0.5 * bc.dt);
        bc.bot_val = shp_bc_value(&col->bottom, t + 0.5 * bc.dt);
        const double q_pot = bc.top_val; /* an atmospheric top's P − E_p */
        bc.pond = atm;
        bc.pond_old = shp_richards_pond(col, h_old);
        if (atm) {
            bc.top_type = atm_mode ? SHP_BC_HEAD : SHP_BC_FLUX;
            bc.top_val = atm_mode == 1 ? col->h_crit : atm_mode == 2 ? col->h_max : q_pot;
        }
        bc.tp = col->root_w ? shp_bc_value(&col->transp, t + 0.5 * bc.dt) : 0.0;
        bc.h3 = col->root_w ? shp_feddes_h3(&col->feddes, bc.tp) : 0.0;

        /* converged when the last update is within tol_theta/tol_h at every node and
         * the water the discrete equations miss, Σ|F_i| Δt, is below tol_mass: that
         * sum bounds this step's contribution to the water-balance error */
        /* the change of variable and the line search are Newton's: a Picard update is not
         * a Newton direction (with them Picard failed the ponded loam at dt_min) */
        const double h_cross = opt->newton ? opt->tol_h : -HUGE_VAL;
        int it = 0, converged = 0;
        double upd = HUGE_VAL; /* convergence measure of the last update (≤ 1: within tol) */
        double res_base = HUGE_VAL, lam = 1.0;
        for (;;) {
            const double res = shp_richards_assemble(tm, col, opt->newton, &bc, h, W, W_old, K, Cw, dK, tabs, Psi, a, b, c, r);
            const int finite = res * bc.dt <= opt->tol_mass * 1e300; /* not NaN, no overflow */
            /* backtracking line search on Σ|F|: an update that raised the residual is cut
             * back along the same Newton direction. Across the kink of K(h) at saturation
             * (VGM with n well below 2, the air-entry models) the full update makes the
             * node at the edge of a saturated zone jump between h > 0 and h < 0 and the
             * iterates settle into a 2-cycle at any Δt; the cut update breaks it. A residual
             * within tol_mass, or above the last by no more than rounding, is no reason to
             * cut: that decision would flip with the summation order (teams, the GPU) */
            if (opt->newton && it > 0 && lam > SHP_RICHARDS_LAMBDA_MIN &&
                (!finite || (res * bc.dt > opt->tol_mass && res > res_base * (1.0 + 1e-9)))) {
                lam *= 0.5;
                ++it;
                upd = 0.0;
                for (int i = tm->rank; i < n; i += tm->size) {
                    const double W_prev = W[i];
                    h[i] = shp_richards_head_update(h_base[i], lam * d[i], h_cross);
                    shp_richards_eval_node(col, mats, tabs, i, h, W, K, Cw, dK, Psi);
                    upd = shp_max_nan(upd, shp_richards_conv_measure(h[i], h_base[i], W[i], W_prev,
                                                                     opt->tol_theta, opt->tol_h));
                }
                upd = shp_team_max(tm, upd);
                if (it >= opt->max_iter) break;
                continue;
            }
            if (!finite) break;
            if (res * bc.dt <= opt->tol_mass && (it > 0 ? upd <= 1.0 : res == 0.0)) {
                converged = 1;
                break;
            }
            if (it >= opt->max_iter) break;
            res_base = res;
            lam = 1.0;
            shp_team_tridiag(tm, n, a, b, c, r, scratch, r); /* r ← δ */
            ++it;
            upd = 0.0;
            for (int i = tm->rank; i < n; i += tm->size) {
                const double h_prev = h[i], W_prev = W[i];
                h_base[i] = h_prev;
                d[i] = r[i];
                h[i] = shp_richards_head_update(h_prev, r[i], h_cross);
                if (h[i] == h_prev) continue; /* unchanged (e.g. far ahead of a front) */
                shp_richards_eval_node(col, mats, tabs, i, h, W, K, Cw, dK, Psi);
                upd = shp_max_nan(upd, shp_richards_conv_measure(h[i], h_prev, W[i], W_prev,
                                                                 opt->tol_theta, opt->tol_h));
            }
            upd = shp_team_max(tm, upd);
        }
        iters += it;

        if (!converged && atm && atm_mode == 0 && q_pot < 0.0 && atm_switches < SHP_RICHARDS_ATM_SWITCHES) {
            /* evaporation that dries the surface past what the flux can follow: the
             * surface is air-dry, try the step at h_crit before cutting it */
            atm_mode = 1;
            ++atm_switches;
            atm_flux_failed = 1;
            shp_richards_restore(tm, col, mats, tabs, h_old, h, W, K, Cw, dK, Psi);
            continue;
        }
        if (converged && atm && atm_mode == 1 && atm_flux_failed) {
            /* the flux could not be followed for the whole step, yet h_crit draws more
             * than it: the surface dries out within the step, which a shorter one
             * resolves */
            if (shp_richards_top_head_flux(col, opt->newton, &bc, tabs, h, W, W_old, K, dK, Psi) < q_pot) {
                converged = 0;
                atm_mode = 0;
            }
        }
        if (!converged) {
            ++fails;
            atm_switches = 0;
            atm_flux_failed = 0;
            if (atm) atm_mode = shp_richards_atm_start_mode(col, h_old[0], q_pot);
            shp_richards_restore(tm, col, mats, tabs, h_old, h, W, K, Cw, dK, Psi);
            if (bc.dt <= opt->dt_min * (1.0 + 1e-12)) {
                status = SHP_ERR_NOT_CONVERGED;
                break;
            }
            dt = shp_max(bc.dt * opt->retry, opt->dt_min);
            continue;
        }

        /* boundary fluxes of the accepted step (downward positive), consistent with the
         * residual just checked, so the water balance telescopes */
        const double dt_s = bc.dt;
        double dS;
        if (bc.top_type == SHP_BC_HEAD)
            q_top = shp_richards_top_head_flux(col, opt->newton, &bc, tabs, h, W, W_old, K, dK, Psi);
        else if (bc.top_type == SHP_BC_FLUX)
            q_top = bc.top_val;
        else
            q_top = 0.0;
        if (atm) { /* does the result fit the mode it was computed in? */
            int want = atm_mode;
            if (atm_mode == 0) want = h[0] < col->h_crit ? 1 : h[0] > col->h_max ? 2 : 0;
            else if ((atm_mode == 1 && q_top < q_pot) || (atm_mode == 2 && q_top > q_pot)) want = 0;
            if (want != atm_mode && atm_switches < SHP_RICHARDS_ATM_SWITCHES) {
                atm_mode = want;
                ++atm_switches;
                shp_richards_restore(tm, col, mats, tabs, h_old, h, W, K, Cw, dK, Psi);
                continue;
            }
            atm_switches = 0;
            atm_flux_failed = 0;
            if (atm_mode == 2) R += (q_pot - q_top) * dt_s; /* what the ponded surface sheds */
        }
        if (col->root_w) {
            double u = 0.0;
            for (int i = tm->rank; i < n; i += tm->size) u += shp_richards_uptake(col, &bc, i, h[i], &dS);
            U += shp_team_sum(tm, u) * dt_s;
        }
        if (bc.bot_type == SHP_BC_HEAD)
            q_bot = shp_richards_face_at(col, opt->newton, tabs, n - 2, h, K, dK, Psi).q -
                    shp_richards_node_volume(col->z, n, n - 1) * (W[n - 1] - W_old[n - 1]) / dt_s -
                    shp_richards_uptake(col, &bc, n - 1, h[n - 1], &dS);
        else if (bc.bot_type == SHP_BC_FREE_DRAINAGE)
            q_bot = K[n - 1];
        else if (bc.bot_type == SHP_BC_DEEP_DRAINAGE) {
            double dq;
            q_bot = shp_richards_deep_drainage(col, h[n - 1], &dq);
        }
        else if (bc.bot_type == SHP_BC_FLUX)
            q_bot = bc.bot_val;
        else
            q_bot = 0.0;
        Q += q_top * dt_s;
        Q_bot += q_bot * dt_s;
        t = clipped ? t_stop : t + dt_s;
        ++steps;
        if (sens) /* before W_old moves on: the step's equations hold h^n through it */
            shp_sens_step(tm, col, mats, tabs, &bc, h, W, W_old, K, Cw, dK, Psi, a, b, c, r,
                          scratch, &ss);
        shp_team_sync(tm); /* W[0], W[n−1] read before W_old is overwritten */
        /* the local truncation error of backward Euler is ½Δt²|W''| (Kavetski, Binning &
         * Sloan 2001, Adv. Water Resour. 24: 595–605); W'' from the rates of this step and
         * the last, W'' ≈ 2|r^{n+1} − r^n| / (Δt + Δt_prev). A step cut short by an output
         * time (a fraction φ of the nominal step) enters this memory with weight φ, so a
         * sliver before an output time neither resets the estimate nor the step size:
         * the controller is continuous in where the steps fall */
        const double phi = clipped && !fixed ? bc.dt / dt : 1.0;
        double dr = 0.0;
        for (int i = tm->rank; i < n; i += tm->size) {
            const double rate = (W[i] - W_old[i]) / dt_s;
            dr = shp_max_nan(dr, fabs(rate - dW[i]));
            dW[i] = dt_prev > 0.0 ? phi * rate + (1.0 - phi) * dW[i] : rate;
            h_old[i] = h[i];
            W_old[i] = W[i];
        }
        dr = shp_team_max(tm, dr);
        const double dt_was = dt_prev;
        dt_prev = dt_was > 0.0 ? phi * dt_s + (1.0 - phi) * dt_was : dt_s;

        /* the next step follows the truncation error alone: the step whose error is
         * 0.81 tol_time, Δt = 0.9 (2 tol / |W''|)^½, within [shrink, grow] × the nominal
         * step. It depends on the column's state, not on the last step size (a deadbeat
         * controller: a perturbation of one step is not carried into the next), and is a
         * continuous function of it, so a change in the last bits of a parameter moves the
         * step sizes by as little, not by a whole factor as a rule on iteration counts
         * does (docs/solver.md, "Time stepping"). A step cut short (φ < 1) moves the
         * nominal step only by φ of the way, in log scale. On the fixed schedule dt stays:
         * sub-steps of a failed scheduled step keep their size to its end. */
        if (!fixed) {
            double prop = dt * opt->grow; /* no error estimate on the first step */
            if (opt->tol_time > 0.0 && dt_was > 0.0 && dr > 0.0)
                prop = shp_max(shp_min(0.9 * sqrt(opt->tol_time * (dt_s + dt_was) / dr), dt * opt->grow),
                               dt * opt->shrink);
            dt = phi < 1.0 ? dt * pow(prop / dt, phi) : prop;
            dt = shp_max(shp_min(dt, opt->dt_max), opt->dt_min);
        }

        if (t >= col->t_out[k_out]) {
            const double S = shp_richards_storage(tm, col, W) + shp_richards_pond(col, h);
            const double bal = (S - S0) - (Q - Q_bot - U);
            if (tm->rank == 0) {
                out->Q[k_out] = Q;
                out->v_inst[k_out] = q_top;
                out->v_mean[k_out] = (Q - Q_prev_out) / (t - t_prev_out);
                out->q_bot[k_out] = q_bot;
                out->Q_bot[k_out] = Q_bot;
                out->balance[k_out] = bal;
                out->Q_runoff[k_out] = R;
                out->Q_uptake[k_out] = U;
            }
            max_bal = shp_max(max_bal, fabs(bal));
            for (int j = tm->rank; j < col->n_obs; j += tm->size) {
                const int i = col->obs_node[j];
                const double w = col->obs_w[j];
                const double th0 = shp_richards_theta(col, mats, h, W, i);
                const double th1 = w > 0.0 ? shp_richards_theta(col, mats, h, W, i + 1) : th0;
                out->theta_obs[(long)k_out * col->n_obs + j] = (1.0 - w) * th0 + w * th1;
            }
            if (col->profiles_all)
                shp_richards_store_profile(tm, col, mats, h, W, out->h_prof + (long)k_out * n,
                                           out->theta_prof + (long)k_out * n);
            if (sens) shp_sens_output(tm, col, mats, h, &ss, out, k_out, t, t_prev_out);
            Q_prev_out = Q;
            t_prev_out = t;
            ++k_out;
        }
    }

    /* slots a failed run never reached are NaN, never a plausible number */
    for (int k = k_out; k < col->n_out; ++k) {
        if (tm->rank == 0) {
            out->Q[k] = out->v_inst[k] = out->v_mean[k] = NAN;
            out->q_bot[k] = out->Q_bot[k] = out->balance[k] = NAN;
            out->Q_runoff[k] = out->Q_uptake[k] = NAN;
        }
        for (int j = tm->rank; j < col->n_obs; j += tm->size)
            out->theta_obs[(long)k * col->n_obs + j] = NAN;
        if (col->profiles_all)
            shp_richards_store_profile(tm, col, mats, 0, W, out->h_prof + (long)k * n,
                                       out->theta_prof + (long)k * n);
    }
    if (!col->profiles_all)
        shp_richards_store_profile(tm, col, mats, status == SHP_OK ? h : 0, W, out->h_prof,
                                   out->theta_prof);
    if (sens) shp_sens_finish(tm, col, mats, status == SHP_OK ? h : 0, &ss, out, k_out);
    if (tm->rank == 0 && out->stats) {
        out->stats->status = status;
        out->stats->steps = steps;
        out->stats->iterations = iters;
        out->stats->failures = fails;
        out->stats->t_reached = t;
        out->stats->max_abs_balance = max_bal;
    }
    shp_team_sync(tm);
    return status;
}

/* The column without initial-state derivatives (heads given, or none asked for). */
SHP_HD SHP_INLINE shp_status shp_column_run(const shp_team *tm, const shp_column *col,
                                            const shp_material *mats, const double *h_init, double *work,
                                            shp_column_out *out)
{
    return shp_column_run_sens(tm, col, mats, h_init, 0, work, out);
}

#ifdef __cplusplus
}
#endif

#endif

