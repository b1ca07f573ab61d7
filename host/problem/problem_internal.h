/* The inverse problem's insides (shpfit/problem.h), shared by its builder and its
 * evaluator (host-internal). */
#ifndef SHPFIT_HOST_PROBLEM_INTERNAL_H
#define SHPFIT_HOST_PROBLEM_INTERNAL_H

#include "problem/forward_internal.h"
#include "shpfit/problem.h"

/* What a search variable sets. */
enum {
    VAR_PLAIN = 0,    /* a model parameter itself */
    VAR_ALPHA_OVER_KS, /* α/Ks: α = value · Ks (seed 002, Table 2) */
    VAR_V_OVER_KS      /* v/Ks: Ks = v_ref / value (seed 002, Table 2) */
};

typedef struct {
    char name[96];
    int mat;         /* material index */
    int param;       /* parameter index it sets (α for α/Ks, Ks for v/Ks) */
    int kind;
    double lo, hi;   /* bounds of the search variable itself */
    int log_scale;
} fit_var;

/* One observation type: n points with abscissae x (time, depth or head), x2 (depth
 * of θ(t)), observed y, and where the simulation has them. */
typedef struct {
    int present;
    int n;
    double *x, *x2, *y;
    int *t_index;     /* output-time index (Q, v, θ(t)) */
    int *d_index;     /* observation-depth index (θ_final, θ(t)) */
    int final_index;  /* θ_final: output-time index of the final time */
    int instantaneous;/* v: the surface flux at t instead of the mean since the last time */
    int mat;          /* retention / conductivity: material index */
    double *sim;      /* n, scratch for one candidate's simulated values */
    double *obs_t;    /* n, the compared observed values (log10 K for conductivity) */
    int simulated;    /* sim holds the last shp_problem_simulate's values */
} obs_set;

struct shp_problem {
    shp_forward_problem *fp;
    const void *fit;         /* the "fit" section (cJSON) when loaded from a configuration */
    char err[4096];          /* the last failed call's "FIELD: problem" */
    int prepared;            /* shp_problem_prepare succeeded */
    double t_final;          /* θ_final's time (0: the last output time) */
    long step_cap;           /* shp_problem_set_column_max_steps */

    shp_column col; /* fp->column with the observation times and depths */
    double *t_out;
    int n_out;
    double *obs_depth, *obs_w;
    int *obs_node, n_obs_depth;

    int dim;
    fit_var var[SHP_MAX_FREE];
    double v_ref; /* infiltration rate of v/Ks [L/T] */

    obs_set obs[SHP_OBS_COUNT];
    /* a station's θ(t) records (theta_t "series"): every record up to the reported
     * column's end, x time, x2 depth, y θ, with its period; obs[SHP_OBS_THETA_T] holds
     * the calibration period's among them */
    obs_set records;
    int *record_period;     /* records.n SHP_PERIOD_* */
    shp_theta_periods periods;
    int n_out_candidate;    /* a candidate's column stops after this many of t_out */
    int n_obj, obj[SHP_OBS_COUNT];
    int metric; /* 0: ψ = RMSE/σ (Eq. 9), 1: RMSE */
    int needs_column;
    unsigned *unset;   /* per material, bit k: free, and without a value in the config */

    /* evaluation scratch, grown on demand */
    int cap;
    shp_material *mats;
    double *out;
    shp_column_stats *stats;
    int *slot;
    long n_eval, n_invalid, n_failed;
    long n_capped;          /* failed at the step cap */
    int cap_by_solver;      /* the cap is solver.max_steps, not fit.column_max_steps */
    int last_ran;           /* the last simulation ran a column: stats[0] is its */
    const shp_recorder *rec;     /* NULL: none */
    void *rec_ctx;
};

/* Return a failed status at once. */
#define PB_TRY(expr)                          \
    do {                                      \
        const int pb_rc_ = (expr);            \
        if (pb_rc_ != SHP_OK) return pb_rc_;  \
    } while (0)

/* Record "FIELD: problem" as the problem's message; returns SHP_ERR_INVALID. */
int shp_problem_fail(shp_problem *pb, const char *field, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
int shp_problem_nomem(shp_problem *pb, const char *field); /* SHP_ERR_NOMEM */

/* shp_problem_prepare's parts: the column's output times and observation depths
 * (problem_obs.c); the default free parameters of a curve fit, the placeholders of
 * what the config leaves out, and the ratios' reference rate (problem_params.c). */
int shp_problem_prepare_obs(shp_problem *pb);
int shp_problem_prepare_params(shp_problem *pb);

/* Simulated values of one observation type for one candidate into o->sim (and the
 * compared observations into o->obs_t): from its column output (NULL when the kind
 * needs none) and its materials. */
void shp_problem_fill_series(const shp_problem *pb, int kind, const shp_column_out *out,
                             const shp_material *mats);

/* problem_obs.c: the free of an observation set's arrays. */
void shp_obs_set_free(obs_set *o);

/* The column of the reported simulation: the candidates' one run on to the last of
 * t_out, with a step cap scaled to its length. */
shp_column shp_problem_report_column(const shp_problem *pb);

/* problem_eval.c: of the candidate whose series were just filled, objective `kind`'s
 * ψ or RMSE, and the same with a value that is not finite as SHP_PENALTY. */
double shp_problem_metric_of(const shp_problem *pb, int kind);
double shp_problem_objective(const shp_problem *pb, int kind);

#endif
