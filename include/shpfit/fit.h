/* A whole inverse fit: one optimizer run, or the seed's two-step procedure, over a
 * problem (shpfit/problem.h) on a batch backend, with the per-generation history, the
 * Pareto archive and the best solution. The options are built in code
 * (shp_fit_options_default, docs/library.md) or read from a configuration's "fit" section
 * (shp_fit_options_load of shpfit/config.h, docs/fit-reference.md); the command
 * `shpfit fit` writes what this returns.
 *
 * Two-step (seed 002, §3.1): step 1 fits every free parameter to its objectives
 * (default θ_final, GA) and keeps one parameter (default θs); step 2 fits the others
 * with it fixed (default v and Q, PSO–VEGA). */
#ifndef SHPFIT_FIT_H
#define SHPFIT_FIT_H

#include <stddef.h>
#include <stdint.h>

#include "lm.h"
#include "optim.h"
#include "problem.h"
#include "uncertainty.h"

#ifdef __cplusplus
extern "C" {
#endif

#define SHP_FIT_MAX_STEPS 2

/* One optimizer run over a subset of the objectives. */
typedef struct {
    shp_opt_algorithm alg;
    shp_opt_settings settings;
    shp_opt_stop stop;
    int n_obj;
    int obj[SHP_OBS_COUNT]; /* indices into the problem's objectives */
} shp_fit_step;

typedef struct {
    int n_steps;             /* 1, or 2 for the two-step procedure */
    shp_fit_step step[SHP_FIT_MAX_STEPS];
    int fixed_var;           /* two-step: variable fixed after step 1 (−1: none) */
    uint64_t seed;
    int have_truth;          /* compare with true materials (curve agreement) */
    int polish;              /* Levenberg–Marquardt polish of the best solution afterwards */
    int polish_sum;          /* 1: the polish minimises Σψ, as the optimizers do (weighted least
                              * squares, reweighted: fit.polish.objective "sum"); 0: Σψ² */
    shp_lm_settings lm;      /* (shpfit/lm.h): all free variables, every objective's residuals */
    /* fit.budget, as a campaign's: no generation starts that would take the optimizers'
     * evaluations (all steps; not the polish's) beyond budget_evaluations, and none once
     * the fit has run budget_time_s; either ends the whole fit. 0: none. */
    long budget_evaluations;
    double budget_time_s;
    /* what the fit does after its last step besides evaluating its best point: 0 = the
     * default, both (shp_fit_result: pareto_*, uncertainty); a caller that needs neither
     * (a benchmark campaign) sets them and spares the columns */
    int skip_pareto, skip_uncertainty;
} shp_fit_options;

/* The defaults of a fit without a configuration, as `shpfit fit` with a "fit" section
 * that names only parameters and observations: one step of PSO–VEGA over every
 * objective (PSO for one), the optimizer's default settings and stop rules, seed 1, no
 * polish (its settings at their defaults, minimising Σψ when switched on). A program
 * changes what it needs, e.g. step[0].alg with shp_opt_settings_default(alg). */
void shp_fit_options_default(const shp_problem *pb, shp_fit_options *opt);

/* One step of those defaults: the algorithm for the problem's objectives, all of them. */
void shp_fit_step_default(const shp_problem *pb, shp_fit_step *st);



/* Per-generation record. */
typedef struct {
    int step;
    double wall_s;
    shp_opt_log log;
    long run_evaluations; /* columns of the whole fit so far: every step's, polish included */
    double best_sum;      /* the least Σ of every objective of the problem over those columns */
} shp_fit_history;

typedef void (*shp_fit_progress_fn)(int step, int n_steps, const shp_opt_log *line,
                                    const shp_fit_step *s, void *ctx);

/* What the Levenberg–Marquardt polish did (cost = ½ Σ_k ψ_k², sum = Σ_k ψ_k over the
 * step's objectives, both unweighted). */
typedef struct {
    int done, iterations;
    long evaluations;
    double cost_start, cost_end, wall_s;
    int rounds;              /* least-squares problems solved (1 for Σψ²; Σψ: reweightings) */
    double sum_start, sum_end;
} shp_fit_polish_info;

typedef struct {
    double *u_best;         /* dim: unit coordinates of the best solution */
    double *f_best;         /* n_obj of the problem: every objective at the best */
    shp_opt_stop_reason why[SHP_FIT_MAX_STEPS];
    long generations[SHP_FIT_MAX_STEPS];
    int steps_run;          /* fewer than n_steps when fit.budget was spent before the last */
    long evaluations, invalid, failed;
    long search_evaluations; /* of evaluations, the optimizers' and the polish's */
    double wall_s;
    shp_fit_history *history;
    int n_history;
    /* the last step's Pareto archive, in problem variables (u) and all objectives */
    int n_pareto;
    double *pareto_u, *pareto_f;
    shp_fit_polish_info polish; /* when opt->polish: of the last step (its totals: of all steps) */
    shp_uncertainty uncertainty; /* linearised at u_best, every variable, every objective */
} shp_fit_result;

/* Run the fit. SHP_OK (the result is complete), or an error with a message. */
shp_status shp_fit_run(shp_problem *pb, shp_backend *be, const shp_fit_options *opt,
                       shp_fit_progress_fn progress, void *ctx, shp_fit_result *res, char *err,
                       size_t len);

void shp_fit_result_free(shp_fit_result *res);

/* The Levenberg–Marquardt polish of one step (shpfit/lm.h): its free variables (the
 * problem's, less the one a two-step run keeps, which stays at fixed_u) and its
 * objectives' residuals. Used after every step when fit.polish is on. */
typedef struct {
    const shp_fit_step *st;
    int fixed_var;   /* −1: none */
    double fixed_u;
    int sdim, n_res; /* step variables, step residuals */
    /* what the polish minimises: 1 Σψ (the optimizers' sum; the default of init), 0 Σψ² */
    int sum;
    /* per problem objective, the factor on its residuals (1; the Σψ polish sets 1/√ψ) */
    double weight[SHP_OBS_COUNT];
} shp_step_space;

void shp_step_space_init(shp_step_space *sp, const shp_problem *pb, const shp_fit_step *st, int fixed_var,
                         double fixed_u);
/* The step of every objective and variable of pb (st: no optimizer set) and its space:
 * what a polish of the whole problem, outside a fit, runs in. */
void shp_step_space_whole(const shp_problem *pb, shp_fit_step *st, shp_step_space *sp);
/* Step coordinates x (sdim) to problem coordinates u (dim), n of them. */
void shp_step_space_expand(const shp_step_space *sp, int dim, const double *x, int n, double *u);
/* Problem coordinates u (dim) to the step's x (sdim): the kept variable left out. */
void shp_step_space_project(const shp_step_space *sp, int dim, const double *u, double *x);
/* The step's residuals of n candidates out of the problem's (n × shp_problem_n_residuals). */
void shp_step_space_residuals(const shp_step_space *sp, const shp_problem *pb, const double *r_all, int n,
                              double *r_step);

/* The step's residual Jacobians (n × n_res × sdim) out of the problem's (n ×
 * shp_problem_n_residuals × dim): its objectives' rows, its variables' columns. */
void shp_step_space_jacobian(const shp_step_space *sp, const shp_problem *pb, const double *J_all, int n,
                             double *J_step);

/* Polish u (dim problem coordinates, in place) within the step's space, one batch per
 * round on be. With sp->sum (and more than one objective) the least-squares problem is
 * solved again with each objective's residuals weighted by 1/√ψ_k of the last point, a
 * majorize–minimize iteration whose every round lowers Σψ (ψ ≤ ψ²/(2ψ₀) + ψ₀/2); else
 * once, unweighted. u is replaced only by a point of lower cost (Σψ, or ½ Σ ψ²). */
shp_status shp_fit_polish(shp_problem *pb, shp_backend *be, const shp_lm_settings *s, const shp_step_space *sp,
                          double *u, shp_fit_polish_info *info, char *err, size_t len);

/* The minimum of the whole problem (every objective, every variable) nearest u, in place:
 * the exact-Jacobian polish of shp_step_space_whole, of ½ Σ ψ² (sum = 0: what the
 * linearised uncertainty and the Laplace approximation assume) or of Σψ (sum = 1), with
 * at most max_iterations iterations and relative tolerance ftol. info may be NULL. As
 * shp_fit_polish. */
shp_status shp_fit_least_squares(shp_problem *pb, shp_backend *be, double *u, int sum, int max_iterations, double ftol,
                                 shp_fit_polish_info *info, char *err, size_t len);

/* ---------------------------------------------------------------- the fit as an object
 *
 * The whole procedure of shp_fit_run (its steps, the two-step hand-over, stop rules and
 * budget, the polish, the last step's Pareto archive, the best point's objectives and
 * uncertainty) as an ask–tell object: it hands out batches of candidates and is told
 * their results; the caller owns the loop and the evaluation, so the asks of several
 * fits can share one batch (a campaign: one launch for all its runs):
 *
 *   shp_fit *fit;
 *   shp_fit_create(pb, &opt, &fit);
 *   shp_fit_request rq;
 *   while (shp_fit_ask(fit, &rq) == SHP_OK && rq.n > 0) {
 *       shp_fit_evaluate(pb, be, &rq, f, ok, r, J);   // or the caller's own batch
 *       shp_fit_tell(fit, f, ok, r, J, seconds);
 *   }
 *   shp_fit_get_result(fit, &res);                   // its status, and the result
 *   shp_fit_destroy(fit);
 *
 * The fit's phases are a table (an optimizer step, its polish, the archive, the best
 * point, the uncertainty); it reads no clock (the caller tells each batch's seconds),
 * so a fit is the same sequence of asks whoever drives it. Thread safety: an object
 * is used by one thread at a time; several may share a problem (it is only read). */
typedef struct shp_fit shp_fit;

typedef enum {
    SHP_FIT_NEED_OBJECTIVES = 0, /* f and ok (shp_problem_evaluate) */
    SHP_FIT_NEED_RESIDUALS,      /* and r (shp_problem_evaluate_residuals) */
    SHP_FIT_NEED_JACOBIAN        /* and r and J (shp_problem_evaluate_jacobian) */
} shp_fit_need;

typedef struct {
    int n;           /* candidates; 0: the fit is over */
    const double *u; /* n × dim unit coordinates of the problem; valid until the tell */
    int need;        /* shp_fit_need */
} shp_fit_request;

/* A fit of pb (which must outlive it) with a copy of opt. SHP_OK, or SHP_ERR_NOMEM. */
shp_status shp_fit_create(const shp_problem *pb, const shp_fit_options *opt, shp_fit **out);
void shp_fit_destroy(shp_fit *fit);

/* The next batch into rq (rq->n = 0 once the fit is over). Asking again before the tell
 * gives the same batch. SHP_OK, or the status that ended the fit (shp_fit_errmsg). */
shp_status shp_fit_ask(shp_fit *fit, shp_fit_request *rq);

/* The asked batch's results: f (n × shp_problem_n_obj), ok (n), r (n ×
 * shp_problem_n_residuals) when the need is residuals or a Jacobian, J (n × n_res × dim)
 * for a Jacobian; seconds: the wall time this fit's share of the batch took (the
 * fit's clock, for its time rules and its history). SHP_OK, or the status that ended
 * the fit; SHP_ERR_INVALID without a pending ask. */
shp_status shp_fit_tell(shp_fit *fit, const double *f, const int *ok, const double *r, const double *J, double seconds);

/* End the fit at the next ask, as a stop rule would end its step (why, e.g.
 * SHP_STOP_TARGET for a campaign's target): no polish, no further step; the best point
 * is still evaluated. */
void shp_fit_interrupt(shp_fit *fit, shp_opt_stop_reason why);

int shp_fit_done(const shp_fit *fit);
/* SHP_OK, or what ended the fit: SHP_ERR_NOT_CONVERGED (a step without a single
 * successful candidate), SHP_ERR_INVALID (an optimizer the options cannot create),
 * SHP_ERR_NOMEM; the message names the step. */
shp_status shp_fit_status(const shp_fit *fit);
const char *shp_fit_errmsg(const shp_fit *fit);

/* The history so far (n entries), e.g. for progress lines; valid until the next tell. */
const shp_fit_history *shp_fit_history_lines(const shp_fit *fit, int *n);
/* The last step optimizer's Pareto archive (in its objectives), NULL before the first
 * step or when it keeps none. */
const shp_pareto *shp_fit_archive(const shp_fit *fit);

/* Once the fit is over: its result moved into res (the caller frees it with
 * shp_fit_result_free) and its status returned. The result of a failed fit holds what
 * was done (steps_run, history, counts). SHP_ERR_INVALID before the end. */
shp_status shp_fit_get_result(shp_fit *fit, shp_fit_result *res);

/* Evaluate a request on pb and be with the function its need names: f, ok always; r
 * and J as the need asks (buffers sized as shp_fit_tell reads them). */
shp_status shp_fit_evaluate(shp_problem *pb, shp_backend *be, const shp_fit_request *rq, double *f, int *ok, double *r,
                            double *J);

/* Buffers for requests of up to n candidates of a problem: the candidates u (n × dim,
 * for a caller that gathers several requests into one batch) and what shp_fit_evaluate
 * writes and shp_fit_tell reads (f, ok; r when need ≥ residuals, J for a Jacobian,
 * NULL otherwise). Zero-initialise, reserve before each batch, free once. */
typedef struct {
    double *u, *f, *r, *J;
    int *ok;
    int n, need; /* what they hold now */
} shp_fit_buffers;

/* Grow b (never shrink) to n candidates of pb with need (shp_fit_need). SHP_OK, or
 * SHP_ERR_NOMEM (b then holds nothing, and is still to be freed). */
shp_status shp_fit_buffers_reserve(shp_fit_buffers *b, const shp_problem *pb, int n, int need);
void shp_fit_buffers_free(shp_fit_buffers *b);

/* ---------------------------------------------------------------- evaluation */

/* One parameter set scored without optimizing (shpfit fit --evaluate): to check the
 * misfit at a known answer, or at another fit's result. */
typedef struct {
    double *values;          /* dim: the search variables' values (config units, ratios as ratios) */
    shp_material *mats;      /* n_materials: what is simulated */
    double *f;               /* n_obj: every objective (ψ or RMSE), NaN where not scored */
    int status;              /* SHP_OK, or the column's status when it did not reach the end */
    int has_column;          /* column: the statistics of the column run */
    shp_column_stats column;
    double wall_s;
} shp_fit_point;


/* Simulate and score pt (the problem keeps its series for shp_problem_series and
 * shp_problem_metrics). SHP_OK also when the column failed (pt->status says so); an
 * error when the backend could not run it. */
shp_status shp_fit_point_evaluate(shp_problem *pb, shp_backend *be, shp_fit_point *pt, char *err, size_t len);

void shp_fit_point_free(shp_fit_point *pt);

#ifdef __cplusplus
}
#endif

#endif
