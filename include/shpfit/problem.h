/* An inverse problem: which parameters are free (with bounds, scales and the seed's
 * reparametrisations), which observations there are, and which objectives to
 * minimise. It turns a population of unit-box vectors into objective values through a
 * batch backend, and knows nothing about the optimizer that proposes them.
 *
 * Built in code (below; docs/library.md), or loaded by the configuration layer from a
 * configuration that holds a forward problem (docs/config.md) plus a "fit" section
 * (docs/fit-reference.md; shp_problem_load of shpfit/config.h):
 *
 *     shp_problem *pb;   ... built or loaded ...
 *     double u[N * dim], f[N * n_obj]; int ok[N];
 *     shp_problem_evaluate(pb, backend, u, N, f, ok);
 */
#ifndef SHPFIT_PROBLEM_H
#define SHPFIT_PROBLEM_H

#include <stddef.h>
#include <stdint.h>

#include "batch.h"
#include "forward.h"
#include "forward_output.h"
#include "metrics.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Observation types (their config/CSV names: shp_obs_name). */
typedef enum {
    SHP_OBS_THETA_FINAL = 0, /* θ(z) at the end of the experiment */
    SHP_OBS_V,               /* infiltration rate v(t) */
    SHP_OBS_Q,               /* cumulative infiltration Q(t) */
    SHP_OBS_THETA_T,         /* θ(t) at fixed depths */
    SHP_OBS_RETENTION,       /* θ(h) points, no column needed */
    SHP_OBS_CONDUCTIVITY,    /* K(h) points, no column needed (fitted on log10 K) */
    SHP_OBS_COUNT
} shp_obs_kind;

const char *shp_obs_name(int kind);

/* Free parameters (search variables) at most. */
#define SHP_MAX_FREE 16

/* Value a failed candidate gets for every objective: larger than any real one. */
#define SHP_PENALTY 1e30

typedef struct shp_problem shp_problem;
typedef struct shp_theta_periods shp_theta_periods;

/* ---- building a problem in code ---------------------------------------------------
 *
 * The JSON loader (shp_problem_load, shpfit/config.h) is one client of these; a program can call them directly
 * (examples/fit_loam.c):
 *
 *     shp_problem *pb;
 *     shp_problem_create(fp, &pb);                  the forward problem (shpfit/forward.h)
 *     shp_problem_add_observations(pb, &(shp_observations){.kind = SHP_OBS_Q, .n = 12,
 *                                                          .x = t, .y = Q});
 *     shp_problem_add_parameter(pb, "loam.n", (double[]){1.05, 3}, SHP_SCALE_DEFAULT);
 *     if (shp_problem_prepare(pb) != SHP_OK) { report shp_problem_errmsg(pb); }
 *
 * Every call returns SHP_OK or an error with "FIELD: problem" in shp_problem_errmsg,
 * FIELD named as in the configuration schema (docs/fit-reference.md: "fit.parameters.loam.n"). Only
 * a prepared problem may be evaluated or fitted; after an error the problem can only be
 * destroyed. */

/* Scale of a search variable: the registry's default, linear or log. */
enum { SHP_SCALE_DEFAULT = -1, SHP_SCALE_LINEAR = 0, SHP_SCALE_LOG = 1 };

/* One kind of observation: n points (x, y), in the forward problem's units. */
typedef struct {
    int kind;                /* shp_obs_kind */
    int n;
    const double *x;         /* time (v, Q, θ(t)), depth (θ_final) or head h (curves) */
    const double *depth;     /* θ(t): each point's depth; NULL for the other kinds */
    const double *y;         /* θ, v, Q or K */
    int material;            /* retention, conductivity: the material's index */
    int instantaneous;       /* v: the surface flux at x, not the mean since the last time */
    double time;             /* θ_final: the time of the profile; 0: the last output time */
    /* θ(t) of a station's records: the calibration period (the objective's points) and
     * an optional validation period (from, to, validation, val_from, val_to, origin;
     * the rest is computed). NULL: every point is the objective's. */
    const shp_theta_periods *periods;
    const char *source;      /* optional, for messages: the file the points came from */
    const long *line;        /* optional, for messages: each point's line in source */
} shp_observations;

/* A problem over the forward problem fp, which it takes over (destroyed with it, also
 * when the call fails). SHP_ERR_NOMEM or SHP_OK. */
shp_status shp_problem_create(shp_forward_problem *fp, shp_problem **out);

/* Observations of one kind (each kind once). The points are copied and checked: times
 * > 0, depths in the column, θ in [0, 1], K > 0. */
shp_status shp_problem_add_observations(shp_problem *pb, const shp_observations *obs);

/* The checks of shp_problem_add_observations alone, adding nothing (for a loader that
 * checks each file of a θ(t) record with its own lines). */
shp_status shp_problem_check_observations(shp_problem *pb, const shp_observations *obs);

/* A free parameter: key "material.parameter" (or "parameter" with one material), or the
 * seed's ratios "material.alpha/Ks" and "material.v/Ks" (seed 002, Table 2); bounds
 * {lo, hi} in the forward problem's units (NULL: the registry's default inversion bounds);
 * scale SHP_SCALE_*. */
shp_status shp_problem_add_parameter(shp_problem *pb, const char *key, const double *bounds, int scale);

/* The objectives, in order (kinds[n] of shp_obs_kind; by default every observed kind in
 * the order of shp_obs_kind), and what each is: metric 0 ψ = RMSE/σ (seed 002 Eq. 9,
 * the default), 1 RMSE. */
shp_status shp_problem_set_objectives(shp_problem *pb, int n, const int *kinds, int metric);

/* The most steps a candidate's column may take (default 10000): a column needing more is
 * scored as failed. */
shp_status shp_problem_set_column_max_steps(shp_problem *pb, long cap);

/* Completes the problem: without parameters (a curve fit) every parameter the forward
 * problem's materials leave out and the data determine is free; the column's output
 * times and observation depths come from the observations. SHP_OK or an error. */
shp_status shp_problem_prepare(shp_problem *pb);

/* The message of the last failed call ("" when none). */
const char *shp_problem_errmsg(const shp_problem *pb);

void shp_problem_destroy(shp_problem *pb);

/* The forward problem underneath (materials at their config values). */
const shp_forward_problem *shp_problem_forward(const shp_problem *pb);

/* The "fit" object (a cJSON object) of the configuration a loader read the problem from,
 * for the optimizer's own settings; NULL for a problem built in code. The loader sets it
 * (owned by the forward problem's parsed configuration). */
const void *shp_problem_fit_config(const shp_problem *pb);
void shp_problem_set_config(shp_problem *pb, const void *fit);

int shp_problem_dim(const shp_problem *pb);
int shp_problem_n_obj(const shp_problem *pb);

/* "psi" (RMSE/σ, seed 002 Eq. 9) or "rmse": what every objective value is. */
const char *shp_problem_metric_name(const shp_problem *pb);

/* Observation kind of objective k. */
int shp_problem_obj_kind(const shp_problem *pb, int k);

/* "loam.alpha", "loam.alpha/Ks", "loam.v/Ks" */
const char *shp_problem_var_name(const shp_problem *pb, int j);

/* Search variable j's bounds, scale, and value for unit coordinate u. */
void shp_problem_var_bounds(const shp_problem *pb, int j, double *lo, double *hi, int *log_scale);
double shp_problem_var_value(const shp_problem *pb, int j, double u);

/* Inverse of var_value (clamped to [0, 1]). */
double shp_problem_var_unit(const shp_problem *pb, int j, double value);

/* The materials of one candidate (n_materials of them). SHP_OK, or SHP_ERR_INVALID
 * with the reason (e.g. θr ≥ θs) when the parameter set is not a valid material. */
shp_status shp_problem_materials(const shp_problem *pb, const double *u, shp_material *mats,
                                 char *why, size_t len);

/* The materials of a parameter set given by the values of its search variables (dim,
 * config units, ratios as ratios; shp_problem_var_value's, but not held to the bounds),
 * as shp_problem_materials. */
shp_status shp_problem_materials_at(const shp_problem *pb, const double *values, shp_material *mats,
                                    char *why, size_t len);

/* 1 when every free parameter has a value in the config's materials (a curve fit may
 * leave them out), so that they are a point `fit --evaluate` can score. */
int shp_problem_start_given(const shp_problem *pb);

/* 1 when the observations need a column run (0: retention and conductivity only). */
int shp_problem_needs_column(const shp_problem *pb);

/* The free parameters of material `mat` (bit k: parameter k) without a value in the
 * config's materials. */
unsigned shp_problem_unset(const shp_problem *pb, int mat);

/* The parameters of material `mat` (bit k: parameter k) that neither the config gives
 * nor the fit determines: a retention-only fit's K-only parameters. Their values in
 * the materials are placeholders, which outputs leave out. */
unsigned shp_problem_undetermined(const shp_problem *pb, int mat);

/* 1 when K(h) of material `mat` is known: none of its K-only parameters undetermined. */
int shp_problem_k_determined(const shp_problem *pb, int mat);

/* The search variables' values (dim) of materials: the inverse of materials_at. */
void shp_problem_values_of(const shp_problem *pb, const shp_material *mats, double *values);

/* materials_at for values a user gives: also every parameter they set within its
 * plausible range (why: "loam.Ks: 1e+308 is not a plausible value: …"). */
shp_status shp_problem_check_values(const shp_problem *pb, const double *values, shp_material *mats,
                                    char *why, size_t len);

/* Search variable j's unit in the config's units ("1/cm", "cm/min", "min/cm^2"; "-"
 * when dimensionless). */
void shp_problem_var_units(const shp_problem *pb, int j, char *buf, size_t len);

/* Evaluate n candidates (u: n × dim in [0,1]): objectives f (n × n_obj) and ok[i] = 1
 * when candidate i was simulated and scored; failed candidates (invalid parameters,
 * column not converged) get SHP_PENALTY and ok = 0. Columns run on `be` in one batch.
 * Returns SHP_OK unless the batch as a whole failed. */
shp_status shp_problem_evaluate(shp_problem *pb, shp_backend *be, const double *u, int n, double *f,
                                int *ok);

/* The same, and each candidate's residual vector into r (n × shp_problem_n_residuals,
 * may be NULL): per objective in order, one residual per observation, scaled so that
 * each objective's residuals have squared norm ψ² (or RMSE²); NaN for a failed
 * candidate. For least-squares refinement (shpfit/lm.h). */
shp_status shp_problem_evaluate_residuals(shp_problem *pb, shp_backend *be, const double *u, int n,
                                          double *f, int *ok, double *r);
int shp_problem_n_residuals(const shp_problem *pb);

/* The divisor of the residuals of observation kind `kind`: σ_obs·√n for ψ (seed 002
 * Eq. 9), √n for RMSE; a residual times it is the error sim − obs in the data's units
 * (log10 K for conductivity). */
double shp_problem_residual_scale(const shp_problem *pb, int kind);

/* The same with each candidate's exact residual Jacobian J (n × n_residuals × dim:
 * ∂r_i/∂u_j in the unit coordinates) from the columns' parameter sensitivities
 * (core/column_sens.h) and the hydraulic functions' parameter derivatives, through the
 * variables' scaling (linear or log) and the ratio variables (α/Ks, v/Ks). NaN rows for
 * a failed candidate. Columns whose solver has no sensitivities (an atmospheric top,
 * root uptake) get central differences in u instead, 2·dim more columns per candidate.
 * Not recorded in the journal: a resumed run recomputes them. */
shp_status shp_problem_evaluate_jacobian(shp_problem *pb, shp_backend *be, const double *u, int n,
                                         double *f, int *ok, double *r, double *J);
/* The model parameters the search variables set (each once: parameter par[k] of
 * material mat[k], at most SHP_MAX_FREE) and their derivatives D (k-major, n × dim) by the
 * unit coordinates at u, mats being the materials u gives. Returns n. */
int shp_problem_param_jacobian(const shp_problem *pb, const double *u, const shp_material *mats, int *mat,
                               int *par, double *D);
/* Observations (residuals) of objective k. */
int shp_problem_obj_points(const shp_problem *pb, int k);

/* A record of the problem's evaluations, attached by the caller: while it replays, a
 * batch's results come from it instead of from columns; otherwise every simulated batch
 * is appended. The journal of shpfit/journal.h is one (a file, for resumable runs). The
 * counts of a batch are its increments of what shp_problem_counts and
 * shp_problem_capped report: evaluated, invalid, failed, failed at the step cap. */
#define SHP_RECORD_COUNTS 4
typedef struct {
    int (*replaying)(void *ctx);
    shp_status (*replay)(void *ctx, const double *u, int n, int dim, int nobj, int nres, double *f, int *ok,
                         double *r, long counts[SHP_RECORD_COUNTS]);
    shp_status (*append)(void *ctx, const double *u, int n, int dim, int nobj, int nres, const double *f,
                         const int *ok, const double *r, const long counts[SHP_RECORD_COUNTS]);
    double (*clock)(void *ctx);       /* seconds the run has taken, the replayed part included */
    const char *(*error)(void *ctx);  /* what the last failed replay or append met ("") */
} shp_recorder;

/* Attach a record (ops and its ctx stay the caller's); NULL detaches. */
void shp_problem_set_recorder(shp_problem *pb, const shp_recorder *ops, void *ctx);

/* 1 when a record is attached. */
int shp_problem_recording(const shp_problem *pb);

/* The run's clock [s]: the record's when one is attached, else the monotonic clock. */
double shp_problem_clock(const shp_problem *pb);

/* The record's message after a failure ("" when none or no record). */
const char *shp_problem_record_error(const shp_problem *pb);

/* A fingerprint of what the problem's results depend on: its configuration and every
 * observation (for a journal). */
uint64_t shp_problem_fingerprint(const shp_problem *pb);

/* Counters since load: candidates evaluated, invalid, not converged. */
void shp_problem_counts(const shp_problem *pb, long *evaluated, long *invalid, long *failed);

/* Of the failed candidates since load, those whose column stopped at the step cap. */
long shp_problem_capped(const shp_problem *pb);

/* The most steps a candidate's column may take, and the key that sets it:
 * "fit.column_max_steps", or "solver.max_steps" when that is lower. */
long shp_problem_step_cap(const shp_problem *pb, const char **key);

/* The cap of the reported column (shp_problem_simulate): the same, scaled to its length
 * when it runs on through a validation period. */
long shp_problem_report_step_cap(const shp_problem *pb);

/* One candidate in full: its materials, its column (run once, when any observation
 * needs one) and the simulated values of every observation kind, kept for
 * shp_problem_series and shp_problem_metrics until the next call. This reported column
 * runs on through a validation period (shp_theta_periods.t_report), where the
 * candidates of shp_problem_evaluate stop at the calibration's end; up to there both
 * take the same steps, so its objectives are the candidate's, bit for bit. Its step cap
 * is the candidates' scaled by the ratio of the two ends; when it stops within the
 * validation period all but the validation is filled (and its status returned). SHP_OK;
 * SHP_ERR_INVALID when u is no valid material; the column's status when it failed (the
 * retention and conductivity series are still filled). */
shp_status shp_problem_simulate(shp_problem *pb, shp_backend *be, const double *u);

/* The same for a candidate given by its materials (n_materials, valid). */
shp_status shp_problem_simulate_materials(shp_problem *pb, shp_backend *be, const shp_material *mats);

/* The last simulated candidate: its column's statistics (0 when the problem runs no
 * column), and every objective into f (n_obj), NaN where its series was not simulated. */
int shp_problem_last_column(const shp_problem *pb, shp_column_stats *st);
void shp_problem_last_objectives(const shp_problem *pb, double *f);

/* The last simulated candidate's values at every observation of kind `kind` (sim),
 * the observations (obs) and the abscissae (x: time, depth or head; for θ(t) the time,
 * with depth in x2). Returns the count, or −1 when that kind was not simulated. The
 * buffers are the problem's, valid until the next simulation or evaluation. */
int shp_problem_series(const shp_problem *pb, int kind, const double **x, const double **x2,
                       const double **obs, const double **sim);

/* The last simulated candidate's column at its last output time *t: the n nodes' depths
 * z [L], heads h [L] and water contents θ (every node, not only the observed depths).
 * SHP_OK; SHP_ERR_INVALID when no column ran or it did not reach the end. The pointers
 * are the problem's, valid until the next simulation. */
shp_status shp_problem_last_profile(const shp_problem *pb, const double **z, const double **h, const double **theta,
                                    int *n, double *t);

/* The time the θ_final observations are compared at; NaN when there are none. */
double shp_problem_theta_final_time(const shp_problem *pb);

/* The θ(t) metrics of the last simulated candidate per sensor depth: up to max depths,
 * increasing, into depth and m. Returns their count (0 without θ(t) observations, −1
 * out of memory). */
int shp_problem_depth_metrics(const shp_problem *pb, int max, double *depth, shp_metrics *m);

/* The periods of a station's θ(t) records (theta_t "series", docs/fit-reference.md "Station
 * records"): the calibration period, whose points are the objective, and an optional
 * validation period, whose points are compared with the reported column after the fit
 * and never enter the objective. A record in neither (the warm-up, a gap between the
 * periods) is drawn, not scored. */
enum { SHP_PERIOD_NONE = 0, SHP_PERIOD_CALIBRATION, SHP_PERIOD_VALIDATION };

struct shp_theta_periods {
    int records;               /* 1: θ(t) from a station's records; 0: the rest is unset */
    int validation;            /* 1: a validation period is given */
    double from, to;           /* the calibration period [T] (−/+INFINITY when open) */
    double val_from, val_to;   /* the validation period [T] */
    double t_candidates;       /* a candidate's column ends here [T]: its last output */
    double t_report;           /* the reported column (shp_problem_simulate) ends here [T] */
    int n_calibration, n_validation; /* records in either period */
    char origin[11];           /* "YYYY-MM-DD", the calendar date of t = 0; "" when not given */
};

void shp_problem_theta_periods(const shp_problem *pb, shp_theta_periods *p);

/* The period (SHP_PERIOD_*) of time t [T]: the calibration's when both hold it (periods
 * may share an end). */
int shp_theta_period_of(const shp_theta_periods *p, double t);

/* shp_problem_depth_metrics for the θ(t) points of one period: SHP_PERIOD_CALIBRATION
 * (the objective's points, as shp_problem_depth_metrics) or SHP_PERIOD_VALIDATION (0
 * depths without a validation period). */
int shp_problem_period_depth_metrics(const shp_problem *pb, int period, int max, double *depth, shp_metrics *m);

/* The validation points of the last simulated candidate, all depths together: SHP_OK,
 * or SHP_ERR_INVALID when there are none or they were not simulated. */
shp_status shp_problem_validation_metrics(const shp_problem *pb, shp_metrics *m);

/* Every station record of the last simulated candidate up to the end of its column:
 * time t [T], depth [L], observed and simulated θ, and the period it belongs to
 * (SHP_PERIOD_*), in the order of the series files. Returns the count, or −1 when θ(t)
 * is not a station's records or was not simulated. The buffers are the problem's, valid
 * until the next simulation. */
int shp_problem_records(const shp_problem *pb, const double **t, const double **depth, const double **obs,
                        const double **sim, const int **period);

/* The last simulated candidate's θ at every output time of its column (n_t times t [T])
 * and every observation depth (n_d depths [L]): theta[k·n_d + j]. SHP_OK;
 * SHP_ERR_INVALID when no column ran to its end. The buffers are the problem's. */
shp_status shp_problem_last_theta(const shp_problem *pb, const double **t, int *n_t, const double **depth, int *n_d,
                                  const double **theta);

/* The water budget of the last simulated candidate's column from t = 0 to its end *t
 * (shpfit/forward_output.h). SHP_OK; SHP_ERR_INVALID without an atmospheric top or when
 * the column did not run to its end. */
shp_status shp_problem_water_budget(const shp_problem *pb, shp_water_budget *b, double *t);

/* Goodness of fit of the last simulated candidate for one observation kind. */
shp_status shp_problem_metrics(const shp_problem *pb, int kind, shp_metrics *m);

/* Infiltration rates as a "v" observation compares them by default ("rate":
 * "interval_mean"): v_i = (Q_i − Q_{i−1})/(t_i − t_{i−1}), the mean surface flux since the
 * previous time (t = 0, Q = 0 before the first), from the cumulative infiltration Q at
 * the n times t. Q and v may be the same array. synth writes its rates so. */
void shp_interval_rates(const double *t, const double *Q, int n, double *v);

/* Whether the problem has observations of this kind. */
int shp_problem_has_obs(const shp_problem *pb, int kind);

#ifdef __cplusplus
}
#endif

#endif
