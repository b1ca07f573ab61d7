/* The description of one soil column shared by both backends: its boundaries, solver
 * options, output times and observation points (shp_column), its statistics and the
 * layout of its output block. Plain data and address arithmetic only, so the same
 * structs describe a column in host and in device memory. */
#ifndef SHPFIT_CORE_COLUMN_TYPES_H
#define SHPFIT_CORE_COLUMN_TYPES_H

#include "../physics/hydraulics.h"
#include "../physics/kirchhoff.h"
#include "../physics/node_assembly.h"
#include "../physics/root_uptake.h"
#include "../status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    SHP_BC_HEAD = 0,       /* prescribed pressure head h [L] */
    SHP_BC_FLUX,           /* prescribed downward flux q [L/T] (top: > 0 infiltrates) */
    SHP_BC_FREE_DRAINAGE,  /* unit gradient: q = K(h) (bottom only) */
    SHP_BC_ZERO_FLUX,      /* q = 0 */
    SHP_BC_ATMOSPHERIC,    /* top only: the potential flux P − E_p [L/T] while the surface
                            * head stays within [h_crit, h_max], else that head (docs/solver.md,
                            * "Atmospheric top and root water uptake") */
    SHP_BC_DEEP_DRAINAGE,  /* bottom only: q = A exp(B |h − h_ref|) of the bottom head h
                            * (shp_column.drain_*; HYDRUS-1D's deep drainage) */
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
    int kmean;                      /* shp_kmean (default kirchhoff) */
    int newton;                     /* 1: Newton, 0: modified Picard (Celia et al. 1990) */
    int step_control;               /* shp_step_control */
    int count_fill;                 /* 1: a head-boundary node's jump to its boundary head at
                                     * t = 0+ counts as inflow (Q, Q_bot; the default); 0: it
                                     * does not (HYDRUS) */
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
    int n_sens;             /* parameters to differentiate every output by (0: none), at most
                             * SHP_MAX_SENS: parameter sens_par[k] of material sens_mat[k] */
    const int *sens_mat;
    const int *sens_par;
    /* atmospheric top (top.type SHP_BC_ATMOSPHERIC; top's value or table is P − E_p):
     * the surface head never falls below h_crit (< 0, the air-dry limit) nor rises above
     * h_max (≥ 0, the water that ponds before the rest runs off) */
    double h_crit, h_max;
    /* root water uptake (core/column_assembly.h): root_w NULL for none, else n weights
     * ≥ 0 summing to 1, the share of node i's control volume in the root distribution
     * (vol_i b(z_i) normalised); transp the potential transpiration rate T_p [L/T] */
    const double *root_w;
    shp_bc transp;
    shp_feddes feddes;
    /* deep drainage (bottom.type SHP_BC_DEEP_DRAINAGE): the downward flux A [L/T] at the
     * bottom head h_ref [L], changing by the factor e^{B |h − h_ref|} (B [1/L], < 0 for a
     * flux that falls as the water table drops away from h_ref) */
    double drain_a, drain_b, drain_h_ref;
} shp_column;

/* The most parameters one column differentiates its outputs by (those of an inverse
 * problem's search variables, shpfit/problem.h). */
#define SHP_MAX_SENS 16

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
    double *balance;    /* n_out: (storage change) − (Q − Q_bot − Q_uptake) [L], storage
                         * including water ponded on an atmospheric surface */
    double *Q_runoff;   /* n_out: cumulative surface runoff of an atmospheric top [L] */
    double *Q_uptake;   /* n_out: cumulative root water uptake (actual transpiration) [L] */
    double *theta_obs;  /* n_out × n_obs, row-major by time (NULL when n_obs = 0) */
    double *h_prof;     /* (profiles_all ? n_out : 1) × n */
    double *theta_prof; /* same shape */
    double *sens;       /* n_sens blocks of shp_column_out_plain_size() doubles (NULL when
                         * n_sens = 0): block k holds ∂(slot)/∂p_k of every slot above in
                         * the same layout (core/column_sens.h; bind with shp_column_sens_at) */
    shp_column_stats *stats;
} shp_column_out;

/* 14 node arrays, the tridiagonal scratch (4 arrays: a team of several solves by
 * PCR, which needs a second copy of the system; core/tridiag.h), Ψ and ln(−h) */
#define SHP_COLUMN_WORK_ARRAYS 20
#define SHP_COLUMN_WORK_DOUBLES(n) ((long)SHP_COLUMN_WORK_ARRAYS * (long)(n))

/* Sensitivities add per parameter the head and stored-water derivatives and the
 * parameter derivatives of W and K at the nodes (4 arrays), the Jacobian kept for the
 * solves and two arrays for one parameter's face fluxes and potentials (5, shared); with
 * kirchhoff faces one derivative table per parameter. */
#define SHP_SENS_NODE_ARRAYS 4
#define SHP_SENS_SHARED_ARRAYS 5

/* All the working memory of a column of n nodes whose materials are among the first
 * n_mat, with n_sens sensitivities: the node arrays and, for kirchhoff faces, one
 * Kirchhoff table per material (and per sensitivity). */
SHP_HD SHP_INLINE long shp_column_work_size(int n, int n_mat, int kmean, int n_sens)
{
    const long tabs = kmean == SHP_KMEAN_KIRCHHOFF ? SHP_KIRCHHOFF_TABLE_DOUBLES : 0;
    long size = SHP_COLUMN_WORK_DOUBLES(n) + (long)n_mat * tabs;
    if (n_sens > 0)
        size += (long)n_sens * (SHP_SENS_NODE_ARRAYS * (long)n + tabs) +
                SHP_SENS_SHARED_ARRAYS * (long)n;
    return size;
}

/* Doubles of the outputs proper (series, observations and profiles) of one column. */
SHP_HD SHP_INLINE long shp_column_out_plain_size(const shp_column *col)
{
    const long nt = col->n_out, np = col->profiles_all ? col->n_out : 1;
    return 8 * nt + nt * col->n_obs + 2 * np * col->n;
}

/* Doubles of output a column writes (its outputs and their n_sens derivative blocks),
 * and the slots of `out` pointed into one block of that many: pure address arithmetic,
 * so the block may be host or device memory (column.h wraps these for host callers). */
SHP_HD SHP_INLINE long shp_column_out_size(const shp_column *col)
{
    return (1 + (long)(col->n_sens > 0 ? col->n_sens : 0)) * shp_column_out_plain_size(col);
}

/* The slots of the outputs proper in `block` (no sensitivities, no statistics). */
SHP_HD SHP_INLINE void shp_column_out_slots(const shp_column *col, double *block,
                                            shp_column_out *out)
{
    const long nt = col->n_out, np = col->profiles_all ? col->n_out : 1;
    double *p = block;
    out->Q = p; p += nt;
    out->v_inst = p; p += nt;
    out->v_mean = p; p += nt;
    out->q_bot = p; p += nt;
    out->Q_bot = p; p += nt;
    out->balance = p; p += nt;
    out->Q_runoff = p; p += nt;
    out->Q_uptake = p; p += nt;
    out->theta_obs = col->n_obs ? p : 0; p += nt * col->n_obs;
    out->h_prof = p; p += np * col->n;
    out->theta_prof = p;
    out->sens = 0;
    out->stats = 0;
}

SHP_HD SHP_INLINE void shp_column_out_at(const shp_column *col, double *block,
                                         shp_column_stats *stats, shp_column_out *out)
{
    shp_column_out_slots(col, block, out);
    out->sens = col->n_sens > 0 ? block + shp_column_out_plain_size(col) : 0;
    out->stats = stats;
}

/* The derivatives by parameter k (0 ≤ k < n_sens) of the slots of `out`, bound as slots
 * of their own: sk->Q[t] = ∂Q[t]/∂p_k, and so on (sk->sens and sk->stats are NULL). */
SHP_HD SHP_INLINE void shp_column_sens_at(const shp_column *col, const shp_column_out *out, int k,
                                          shp_column_out *sk)
{
    shp_column_out_slots(col, out->sens + (long)k * shp_column_out_plain_size(col), sk);
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

#ifdef __cplusplus
}
#endif

#endif
