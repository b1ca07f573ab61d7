/* A whole inverse fit: one optimizer run, or the seed's two-step procedure, over a
 * problem (shpfit/problem.h) on a batch backend, with the per-generation history, the
 * Pareto archive and the best solution. The optimizer settings come from the config's
 * "fit" section (docs/fit.md); the command `shpfit fit` writes what this returns.
 *
 * Two-step (seed 002, §3.1): step 1 fits every free parameter to its objectives
 * (default θ_final, GA) and keeps one parameter (default θs); step 2 fits the others
 * with it fixed (default v and Q, PSO–VEGA). */
#ifndef SHPFIT_FIT_H
#define SHPFIT_FIT_H

#include <stddef.h>
#include <stdint.h>

#include "optim.h"
#include "problem.h"

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
} shp_fit_options;

/* Parse the optimizer part of the problem's "fit" section. seed_override ≥ 0 replaces
 * fit.seed. SHP_OK or SHP_ERR_CONFIG with "FILE: FIELD: problem" in err. */
int shp_fit_options_load(const shp_problem *pb, long long seed_override, shp_fit_options *opt,
                         char *err, size_t len);

/* One optimizer run's keys (algorithm, population, settings, stop, objectives) of a
 * JSON object, for callers that run many (benchmark campaigns). file and path name the
 * object in messages. SHP_OK or SHP_ERR_CONFIG. */
struct cJSON;
int shp_fit_step_parse(const shp_problem *pb, const struct cJSON *obj, const char *file,
                       const char *path, shp_fit_step *st, char *err, size_t len);

/* True materials (fit.truth: "materials" = the config's, or per-material overrides of
 * them) into truth (n_materials). SHP_OK, or SHP_ERR_INVALID when none are given. */
int shp_fit_truth(const shp_problem *pb, shp_material *truth, char *err, size_t len);

/* Per-generation record. */
typedef struct {
    int step;
    double wall_s;
    shp_opt_log log;
} shp_fit_history;

typedef void (*shp_fit_progress_fn)(int step, int n_steps, const shp_opt_log *line,
                                    const shp_fit_step *s, void *ctx);

typedef struct {
    double *u_best;         /* dim: unit coordinates of the best solution */
    double *f_best;         /* n_obj of the problem: every objective at the best */
    shp_opt_stop_reason why[SHP_FIT_MAX_STEPS];
    long generations[SHP_FIT_MAX_STEPS];
    long evaluations, invalid, failed;
    double wall_s;
    shp_fit_history *history;
    int n_history;
    /* the last step's Pareto archive, in problem variables (u) and all objectives */
    int n_pareto;
    double *pareto_u, *pareto_f;
} shp_fit_result;

/* Run the fit. SHP_OK (the result is complete), or an error with a message. */
int shp_fit_run(shp_problem *pb, shp_backend *be, const shp_fit_options *opt,
                shp_fit_progress_fn progress, void *ctx, shp_fit_result *res, char *err,
                size_t len);

void shp_fit_result_free(shp_fit_result *res);

#ifdef __cplusplus
}
#endif

#endif
