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

#include "../physics/hydraulics.h"
#include "../physics/kirchhoff.h"
#include "../physics/node_assembly.h"
#include "../status.h"
#include "team.h"
#include "tridiag.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    SHP_BC_HEAD = 0,       /* prescribed pressure head h [L] */
    SHP_BC_FLUX,           /* prescribed downward flux q [L/T] (top: > 0 infiltrates) */
    SHP_BC_FREE_DRAINAGE,  /* unit gradient: q = K(h) (bottom only) */
    SHP_BC_ZERO_FLUX,      /* q = 0 */
    SHP_BC_COUNT
} shp_bc_type;

/* A boundary condition: a constant value, or a piecewise-constant table whose value
 * v[k] holds from t[k] until t[k+1] (v[0] before t[0]). Time steps end on every
 * change, so each step sees one value. */
typedef struct {
    int type;
    double value;
    int n;
    const double *t;
    const double *v;
} shp_bc;

/* How the time steps are chosen (docs/solver.md, "Time stepping"). */
typedef enum {
    SHP_STEP_ADAPTIVE = 0, /* Δt from the truncation error of the last step */
    SHP_STEP_FIXED,        /* one schedule for every column: dt_init × grow^k up to dt_max */
    SHP_STEP_CONTROL_COUNT
} shp_step_control;

typedef struct {
    double dt_init, dt_min, dt_max; /* [T] */
    double tol_theta;               /* max |Δθ| between iterates in unsaturated nodes */
    double tol_h;                   /* max |Δh| [L] between iterates in saturated nodes */
    double tol_mass;                /* max water [L] a step's residual may leave unbalanced */
    double tol_time;                /* target local truncation error in θ per step (0: off) */
    int max_iter;                   /* iterations (line-search cuts included) before a retry */
    double grow, shrink;            /* bounds on the factor from one step to the next */
    double retry;                   /* a failed step is retried with dt·retry */
    long max_steps;                 /* accepted + failed steps before giving up */
    int kmean;                      /* shp_kmean */
    int newton;                     /* 1: Newton, 0: modified Picard (Celia et al. 1990) */
    int step_control;               /* shp_step_control */
    int count_fill;                 /* 1: a head-boundary node's jump to its boundary head at
                                     * t = 0+ counts as inflow (Q, Q_bot); 0: it does not */
} shp_solver_opts;

/* Everything about a column but its materials (so a batch of candidates can share it). */
typedef struct {
    int n;                  /* nodes, ≥ 3 */
    const double *z;        /* node depths [L], z[0] = 0 < z[1] < … < z[n−1] */
    const int *mat_of_node; /* material index of each node */
    shp_bc top, bottom;
    shp_solver_opts opt;
    int n_out;              /* output times, strictly increasing, > 0 */
    const double *t_out;
    int n_obs;              /* observation depths: θ = (1−w) θ[node] + w θ[node+1] */
    const int *obs_node;
    const double *obs_w;
    int profiles_all;       /* 1: store h, θ profiles at every output time, else final only */
} shp_column;

typedef struct {
    int status;              /* SHP_OK, SHP_ERR_NOT_CONVERGED or SHP_ERR_MAX_STEPS */
    long steps;              /* accepted time steps */
    long iterations;         /* Picard iterations (linear solves), failed attempts included */
    long failures;           /* rejected attempts retried with a smaller step */
    double t_reached;        /* simulated time reached [T] */
    double max_abs_balance;  /* max |water-balance error| over the output times [L] */
} shp_column_stats;

/* Output slots, all written by shp_column_run (NaN where a failed run never got). */
typedef struct {
    double *Q;          /* n_out: cumulative inflow through the top [L] */
    double *v_inst;     /* n_out: top flux at the output time [L/T] */
    double *v_mean;     /* n_out: mean top flux over the preceding output interval */
    double *q_bot;      /* n_out: downward flux through the bottom at the output time */
    double *Q_bot;      /* n_out: cumulative outflow through the bottom [L] */
    double *balance;    /* n_out: (storage change) − (Q − Q_bot) [L] */
    double *theta_obs;  /* n_out × n_obs, row-major by time (NULL when n_obs = 0) */
    double *h_prof;     /* (profiles_all ? n_out : 1) × n */
    double *theta_prof; /* same shape */
    shp_column_stats *stats;
} shp_column_out;

/* 14 node arrays, the tridiagonal scratch (4 arrays: a team of several solves by
 * PCR, which needs a second copy of the system; core/tridiag.h), Ψ and ln(−h) */
#define SHP_COLUMN_WORK_ARRAYS 20
#define SHP_COLUMN_WORK_DOUBLES(n) ((long)SHP_COLUMN_WORK_ARRAYS * (long)(n))

/* All the working memory of a column of n nodes whose materials are among the first
 * n_mat: the node arrays and, for kirchhoff faces, one Kirchhoff table per material. */
SHP_HD SHP_INLINE long shp_column_work_size(int n, int n_mat, int kmean)
{
    return SHP_COLUMN_WORK_DOUBLES(n) +
           (kmean == SHP_KMEAN_KIRCHHOFF ? (long)n_mat * SHP_KIRCHHOFF_TABLE_DOUBLES : 0);
}

/* Doubles of output a column writes (its series, observations and profiles), and the
 * slots of `out` pointed into one block of that many: pure address arithmetic, so the
 * block may be host or device memory (column.h wraps these for host callers). */
SHP_HD SHP_INLINE long shp_column_out_size(const shp_column *col)
{
    const long nt = col->n_out, np = col->profiles_all ? col->n_out : 1;
    return 6 * nt + nt * col->n_obs + 2 * np * col->n;
}

SHP_HD SHP_INLINE void shp_column_out_at(const shp_column *col, double *block,
                                         shp_column_stats *stats, shp_column_out *out)
{
    const long nt = col->n_out, np = col->profiles_all ? col->n_out : 1;
    double *p = block;
    out->Q = p; p += nt;
    out->v_inst = p; p += nt;
    out->v_mean = p; p += nt;
    out->q_bot = p; p += nt;
    out->Q_bot = p; p += nt;
    out->balance = p; p += nt;
    out->theta_obs = col->n_obs ? p : 0; p += nt * col->n_obs;
    out->h_prof = p; p += np * col->n;
    out->theta_prof = p;
    out->stats = stats;
}

/* Piecewise-constant boundary value at time t, and the next change after t. */
SHP_HD SHP_INLINE double shp_bc_value(const shp_bc *bc, double t)
{
    if (bc->n <= 0) return bc->value;
    int k = 0;
    while (k + 1 < bc->n && bc->t[k + 1] <= t) ++k;
    return bc->v[k];
}

SHP_HD SHP_INLINE double shp_bc_next_change(const shp_bc *bc, double t)
{
    for (int k = 0; k < bc->n; ++k)
        if (bc->t[k] > t) return bc->t[k];
    return HUGE_VAL;
}

/* Nodes whose head is prescribed (their flux comes from their own balance). */
SHP_HD SHP_INLINE int richards_is_head_node(const shp_column *col, int i)
{
    return (i == 0 && col->top.type == SHP_BC_HEAD) ||
           (i == col->n - 1 && col->bottom.type == SHP_BC_HEAD);
}

/* W, K, Cw, dK/dh of node i and, when the faces are "kirchhoff" (tabs: the materials'
 * tables, else NULL), its potential Ψ. */
SHP_HD SHP_INLINE void richards_eval_node(const shp_column *col, const shp_material *mats,
                                          const double *tabs, int i, const double *h, double *W,
                                          double *K, double *Cw, double *dK, double *Psi)
{
    const int m = col->mat_of_node[i];
    shp_hyd_storage(&mats[m], h[i], &W[i], &K[i], &Cw[i], &dK[i]);
    if (tabs) /* Ψ, and ln(−h) in the next array for the faces */
        Psi[i] = shp_kirchhoff_eval_u(tabs + (long)m * SHP_KIRCHHOFF_TABLE_DOUBLES, h[i],
                                      &Psi[col->n + i]);
}

SHP_HD SHP_INLINE void richards_eval_nodes(const shp_team *tm, const shp_column *col,
                                           const shp_material *mats, const double *tabs,
                                           const double *h, double *W, double *K, double *Cw,
                                           double *dK, double *Psi)
{
    for (int i = tm->rank; i < col->n; i += tm->size)
        richards_eval_node(col, mats, tabs, i, h, W, K, Cw, dK, Psi);
}

/* Materials a column uses (1 + the largest index in mat_of_node), team-reduced. */
SHP_HD SHP_INLINE int richards_materials(const shp_team *tm, const shp_column *col)
{
    double m = 0.0;
    for (int i = tm->rank; i < col->n; i += tm->size) m = shp_max(m, (double)col->mat_of_node[i]);
    return 1 + (int)shp_team_max(tm, m);
}

/* The Kirchhoff tables of materials 0..n_mat−1, built by the whole team. */
SHP_HD SHP_INLINE void richards_build_tables(const shp_team *tm, const shp_material *mats,
                                             int n_mat, double *tabs)
{
    for (int j = tm->rank; j < n_mat * SHP_KIRCHHOFF_POINTS; j += tm->size)
        shp_kirchhoff_point(&mats[j / SHP_KIRCHHOFF_POINTS], j % SHP_KIRCHHOFF_POINTS,
                            tabs + (long)(j / SHP_KIRCHHOFF_POINTS) * SHP_KIRCHHOFF_TABLE_DOUBLES);
    shp_team_sync(tm);
    for (int m = tm->rank; m < n_mat; m += tm->size)
        shp_kirchhoff_accumulate(tabs + (long)m * SHP_KIRCHHOFF_TABLE_DOUBLES);
    shp_team_sync(tm);
}

/* Water a head-boundary node i (0 or n − 1) takes up when it jumps from h_init[i] to its
 * boundary head at t = 0+, vol_i (W(h_b) − W(h_init)) [L]; 0 when that boundary is not a
 * head. The same value on every team member. */
SHP_HD SHP_INLINE double richards_boundary_fill(const shp_column *col, const shp_material *mats,
                                                const double *h_init, int i)
{
    const shp_bc *bc = i == 0 ? &col->top : &col->bottom;
    if (bc->type != SHP_BC_HEAD) return 0.0;
    const shp_material *m = &mats[col->mat_of_node[i]];
    double W0, W1, K, C, dK;
    shp_hyd_storage(m, h_init[i], &W0, &K, &C, &dK);
    shp_hyd_storage(m, shp_bc_value(bc, 0.0), &W1, &K, &C, &dK);
    return richards_node_volume(col->z, col->n, i) * (W1 - W0);
}

/* Boundary inputs of one step, the same for every team member. */
typedef struct {
    int top_type, bot_type;
    double top_val, bot_val;
    double dt;
} richards_step_bc;

/* The face between nodes i and i+1 at the current iterate. */
SHP_HD SHP_INLINE richards_face richards_face_at(const shp_column *col, const double *tabs,
                                                 int i, const double *h, const double *K,
                                                 const double *dK, const double *Psi)
{
    const double dz = col->z[i + 1] - col->z[i];
    if (tabs) {
        const int m = col->mat_of_node[i];
        if (m == col->mat_of_node[i + 1]) {
            const double kc =
                shp_kirchhoff_mean_u(tabs + (long)m * SHP_KIRCHHOFF_TABLE_DOUBLES, h[i], h[i + 1],
                                     Psi[i], Psi[i + 1], Psi[col->n + i], Psi[col->n + i + 1]);
            return richards_face_kirchhoff(col->opt.newton, K[i], K[i + 1], dK[i], dK[i + 1],
                                           kc, h[i], h[i + 1], dz);
        }
        /* two materials' potentials do not subtract: a layer interface takes the mean */
        return richards_face_eval(SHP_KMEAN_ARITHMETIC, col->opt.newton, K[i], K[i + 1], dK[i],
                                  dK[i + 1], h[i], h[i + 1], dz);
    }
    return richards_face_eval(col->opt.kmean, col->opt.newton, K[i], K[i + 1], dK[i], dK[i + 1],
                              h[i], h[i + 1], dz);
}

/* A prescribed boundary flux as a face (free drainage q = K(h) has dq/dh = K'). */
SHP_HD SHP_INLINE richards_face richards_face_given(double q, double dq_dh)
{
    richards_face f;
    f.q = q;
    f.dq_dhi = dq_dh;
    f.dq_dhj = dq_dh;
    return f;
}

/* Assemble J δ = −F over the team's stride; returns the team-reduced Σ|F_i| over the
 * nodes whose head is not prescribed (the water-balance residual per unit time). */
SHP_HD SHP_INLINE double richards_assemble(const shp_team *tm, const shp_column *col,
                                           const richards_step_bc *bc, const double *h,
                                           const double *W, const double *W_old, const double *K,
                                           const double *Cw, const double *dK,
                                           const double *tabs, const double *Psi, double *a,
                                           double *b, double *c, double *r)
{
    const int n = col->n;
    double res = 0.0;
    for (int i = tm->rank; i < n; i += tm->size) {
        richards_face up, dn;
        if (i > 0) up = richards_face_at(col, tabs, i - 1, h, K, dK, Psi);
        else up = richards_face_given(bc->top_type == SHP_BC_FLUX ? bc->top_val : 0.0, 0.0);
        if (i < n - 1) dn = richards_face_at(col, tabs, i, h, K, dK, Psi);
        else if (bc->bot_type == SHP_BC_FREE_DRAINAGE)
            dn = richards_face_given(K[i], col->opt.newton ? dK[i] : 0.0);
        else dn = richards_face_given(bc->bot_type == SHP_BC_FLUX ? bc->bot_val : 0.0, 0.0);
        const double vol_dt = richards_node_volume(col->z, n, i) / bc->dt;
        const double F = richards_row(vol_dt, Cw[i], W[i], W_old[i], up, dn, &a[i], &b[i], &c[i], &r[i]);
        if (richards_is_head_node(col, i)) {
            a[i] = 0.0;
            c[i] = 0.0;
            b[i] = 1.0;
            r[i] = (i == 0 ? bc->top_val : bc->bot_val) - h[i];
        } else {
            res += fabs(F);
        }
    }
    return shp_team_sum(tm, res);
}

/* Team-reduced stored water Σ vol_i W_i [L]. */
SHP_HD SHP_INLINE double richards_storage(const shp_team *tm, const shp_column *col,
                                          const double *W)
{
    double s = 0.0;
    for (int i = tm->rank; i < col->n; i += tm->size)
        s += richards_node_volume(col->z, col->n, i) * W[i];
    return shp_team_sum(tm, s);
}

/* θ from stored water (removes the elastic Ss·h part of saturated nodes). */
SHP_HD SHP_INLINE double richards_theta(const shp_column *col, const shp_material *mats,
                                        const double *h, const double *W, int i)
{
    return h[i] > 0.0 ? W[i] - mats[col->mat_of_node[i]].Ss * h[i] : W[i];
}

SHP_HD SHP_INLINE void richards_store_profile(const shp_team *tm, const shp_column *col,
                                              const shp_material *mats, const double *h,
                                              const double *W, double *h_out, double *th_out)
{
    for (int i = tm->rank; i < col->n; i += tm->size) {
        h_out[i] = h ? h[i] : NAN;
        th_out[i] = h ? richards_theta(col, mats, h, W, i) : NAN;
    }
}

/* Head after a Newton update δ of head h. Unsaturated heads within RICHARDS_LOG_BAND [L]
 * of saturation are updated in y = −b (1 + ln(−h/b)), b the band: for VGM with n near 1,
 * K(h) ~ Ks (1 − c |h|^{n−1})² has a slope that grows without bound as h → 0⁻, and
 * Newton in h overshoots across saturation while Newton in ln(−h) sees a smooth K.
 * y = h below the band and the map is C¹ at −b, so away from saturation (every front in
 * dry soil) the update is Newton's own. A node still crosses into saturation in one
 * update when the update takes it above h_cross (tol_h): only a crossing to within the
 * head tolerance of zero, the 2-cycle's signature, is taken in y. The change of variable
 * changes the iterates, never the discrete solution they converge to. */
#define RICHARDS_LOG_BAND 1.0
SHP_HD SHP_INLINE double richards_head_update(double h, double delta, double h_cross)
{
    const double b = RICHARDS_LOG_BAND;
    if (!(h < 0.0) || h + delta > h_cross) return h + delta;
    const double y = h <= -b ? h : -b * (1.0 + log(-h / b));
    const double dy = h <= -b ? delta : delta * (-b / h);
    const double y1 = y + dy;
    return y1 <= -b ? y1 : -b * exp(-(y1 + b) / b);
}

/* Smallest fraction of a Newton update the line search tries (5 halvings). */
#define RICHARDS_LAMBDA_MIN (1.0 / 32.0)

/* Run the column from heads h_init (n values) to t_out[n_out−1].
 * Returns the column status (also in out->stats->status). */
SHP_HD SHP_INLINE int shp_column_run(const shp_team *tm, const shp_column *col,
                                     const shp_material *mats, const double *h_init, double *work,
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
    if (opt->kmean == SHP_KMEAN_KIRCHHOFF) {
        tabs = work + SHP_COLUMN_WORK_DOUBLES(n);
        richards_build_tables(tm, mats, richards_materials(tm, col), tabs);
    }

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
    richards_eval_nodes(tm, col, mats, tabs, h, W, K, Cw, dK, Psi);
    for (int i = tm->rank; i < n; i += tm->size) W_old[i] = W[i];
    double S0 = richards_storage(tm, col, W); /* includes a team sync */
    double Q = 0.0, Q_bot = 0.0;
    if (opt->count_fill) { /* the balance then starts from the initial state as given */
        Q = richards_boundary_fill(col, mats, h_init, 0);
        Q_bot = -richards_boundary_fill(col, mats, h_init, n - 1);
        S0 -= Q - Q_bot;
    }

    double t = 0.0, dt = opt->dt_init, q_top = 0.0, q_bot = 0.0;
    double Q_prev_out = 0.0, t_prev_out = 0.0, max_bal = 0.0, dt_prev = 0.0;
    /* fixed schedule: the current scheduled step ends at sched_end; the next one is
     * dt_next long. Neither depends on the column, so every candidate of a batch steps
     * through the same times and its outputs are smooth functions of its parameters
     * (a failed scheduled step is done in sub-steps, and the schedule goes on after it) */
    const int fixed = opt->step_control == SHP_STEP_FIXED;
    double sched_end = -1.0, dt_next = opt->dt_init;
    long steps = 0, iters = 0, fails = 0;
    int status = SHP_OK, k_out = 0;

    while (k_out < col->n_out) {
        if (steps + fails >= opt->max_steps) {
            status = SHP_ERR_MAX_STEPS;
            break;
        }
        /* end the step on the next output time or boundary change */
        double t_stop = col->t_out[k_out];
        t_stop = shp_min(t_stop, shp_bc_next_change(&col->top, t));
        t_stop = shp_min(t_stop, shp_bc_next_change(&col->bottom, t));
        if (fixed) {
            if (t >= sched_end) { /* the next scheduled step, whole */
                sched_end = shp_min(t + dt_next, t_stop);
                dt_next = shp_min(dt_next * opt->grow, opt->dt_max);
                dt = HUGE_VAL;
            }
            t_stop = sched_end;
        }
        const int clipped = t + dt >= t_stop;
        richards_step_bc bc;
        bc.dt = clipped ? t_stop - t : dt;
        bc.top_type = col->top.type;
        bc.bot_type = col->bottom.type;
        bc.top_val = shp_bc_value(&col->top, t + 0.5 * bc.dt);
        bc.bot_val = shp_bc_value(&col->bottom, t + 0.5 * bc.dt);

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
            const double res = richards_assemble(tm, col, &bc, h, W, W_old, K, Cw, dK, tabs, Psi, a, b, c, r);
            const int finite = res * bc.dt <= opt->tol_mass * 1e300; /* not NaN, no overflow */
            /* backtracking line search on Σ|F|: an update that raised the residual is cut
             * back along the same Newton direction. Across the kink of K(h) at saturation
             * (VGM with n well below 2, the air-entry models) the full update makes the
             * node at the edge of a saturated zone jump between h > 0 and h < 0 and the
             * iterates settle into a 2-cycle at any Δt; the cut update breaks it. A residual
             * within tol_mass, or above the last by no more than rounding, is no reason to
             * cut: that decision would flip with the summation order (teams, the GPU) */
            if (opt->newton && it > 0 && lam > RICHARDS_LAMBDA_MIN &&
                (!finite || (res * bc.dt > opt->tol_mass && res > res_base * (1.0 + 1e-9)))) {
                lam *= 0.5;
                ++it;
                upd = 0.0;
                for (int i = tm->rank; i < n; i += tm->size) {
                    const double W_prev = W[i];
                    h[i] = richards_head_update(h_base[i], lam * d[i], h_cross);
                    richards_eval_node(col, mats, tabs, i, h, W, K, Cw, dK, Psi);
                    upd = shp_max_nan(upd, richards_conv_measure(h[i], h_base[i], W[i], W_prev,
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
                h[i] = richards_head_update(h_prev, r[i], h_cross);
                if (h[i] == h_prev) continue; /* unchanged (e.g. far ahead of a front) */
                richards_eval_node(col, mats, tabs, i, h, W, K, Cw, dK, Psi);
                upd = shp_max_nan(upd, richards_conv_measure(h[i], h_prev, W[i], W_prev,
                                                             opt->tol_theta, opt->tol_h));
            }
            upd = shp_team_max(tm, upd);
        }
        iters += it;

        if (!converged) {
            ++fails;
            for (int i = tm->rank; i < n; i += tm->size) h[i] = h_old[i];
            richards_eval_nodes(tm, col, mats, tabs, h, W, K, Cw, dK, Psi);
            shp_team_sync(tm);
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
        if (bc.top_type == SHP_BC_HEAD)
            q_top = richards_node_volume(col->z, n, 0) * (W[0] - W_old[0]) / dt_s +
                    richards_face_at(col, tabs, 0, h, K, dK, Psi).q;
        else if (bc.top_type == SHP_BC_FLUX)
            q_top = bc.top_val;
        else
            q_top = 0.0;
        if (bc.bot_type == SHP_BC_HEAD)
            q_bot = richards_face_at(col, tabs, n - 2, h, K, dK, Psi).q -
                    richards_node_volume(col->z, n, n - 1) * (W[n - 1] - W_old[n - 1]) / dt_s;
        else if (bc.bot_type == SHP_BC_FREE_DRAINAGE)
            q_bot = K[n - 1];
        else if (bc.bot_type == SHP_BC_FLUX)
            q_bot = bc.bot_val;
        else
            q_bot = 0.0;
        Q += q_top * dt_s;
        Q_bot += q_bot * dt_s;
        t = clipped ? t_stop : t + dt_s;
        ++steps;
        shp_team_sync(tm); /* W[0], W[n−1] read before W_old is overwritten */
        /* local truncation error of backward Euler, ½Δt²|W''| ≈ ½|ΔW^{n+1} − (Δt/Δt_prev)ΔW^n|
         * (Kavetski, Binning & Sloan 2001, Adv. Water Resour. 24: 595–605) */
        const double ratio = dt_prev > 0.0 ? dt_s / dt_prev : 0.0;
        double lte = 0.0;
        for (int i = tm->rank; i < n; i += tm->size) {
            const double dWn = W[i] - W_old[i];
            lte = shp_max_nan(lte, 0.5 * fabs(dWn - ratio * dW[i]));
            dW[i] = dWn;
            h_old[i] = h[i];
            W_old[i] = W[i];
        }
        lte = shp_team_max(tm, lte);
        const double dt_was = dt_prev;
        dt_prev = dt_s;

        /* the next step follows the truncation error alone, Δt ← Δt_n · 0.9 (tol/LTE)^½
         * within [shrink, grow] × Δt_n: a continuous function of the column's state, so
         * a change in the last bits of a parameter moves the step sizes by as little,
         * not by a whole factor as a rule on iteration counts does. A step clipped to an
         * output time only ever lowers the nominal step, so output times cost neither
         * accuracy nor speed. On the fixed schedule dt stays: sub-steps of a failed
         * scheduled step keep their size to its end. */
        if (!fixed) {
            double fac = opt->grow; /* no error estimate on the first step */
            if (opt->tol_time > 0.0 && dt_was > 0.0 && lte > 0.0)
                fac = 0.9 * sqrt(opt->tol_time / lte);
            if (clipped) dt = shp_min(dt, dt_s * fac);
            else dt = dt_s * shp_max(shp_min(fac, opt->grow), opt->shrink);
            dt = shp_max(shp_min(dt, opt->dt_max), opt->dt_min);
        }

        if (t >= col->t_out[k_out]) {
            const double S = richards_storage(tm, col, W);
            const double bal = (S - S0) - (Q - Q_bot);
            if (tm->rank == 0) {
                out->Q[k_out] = Q;
                out->v_inst[k_out] = q_top;
                out->v_mean[k_out] = (Q - Q_prev_out) / (t - t_prev_out);
                out->q_bot[k_out] = q_bot;
                out->Q_bot[k_out] = Q_bot;
                out->balance[k_out] = bal;
            }
            max_bal = shp_max(max_bal, fabs(bal));
            for (int j = tm->rank; j < col->n_obs; j += tm->size) {
                const int i = col->obs_node[j];
                const double w = col->obs_w[j];
                const double th0 = richards_theta(col, mats, h, W, i);
                const double th1 = w > 0.0 ? richards_theta(col, mats, h, W, i + 1) : th0;
                out->theta_obs[(long)k_out * col->n_obs + j] = (1.0 - w) * th0 + w * th1;
            }
            if (col->profiles_all)
                richards_store_profile(tm, col, mats, h, W, out->h_prof + (long)k_out * n,
                                       out->theta_prof + (long)k_out * n);
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
        }
        for (int j = tm->rank; j < col->n_obs; j += tm->size)
            out->theta_obs[(long)k * col->n_obs + j] = NAN;
        if (col->profiles_all)
            richards_store_profile(tm, col, mats, 0, W, out->h_prof + (long)k * n,
                                   out->theta_prof + (long)k * n);
    }
    if (!col->profiles_all)
        richards_store_profile(tm, col, mats, status == SHP_OK ? h : 0, W, out->h_prof,
                               out->theta_prof);
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

#ifdef __cplusplus
}
#endif

#endif
