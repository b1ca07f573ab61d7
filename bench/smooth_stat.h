/* The smoothness statistic of the forward model (bench/README.md, "smooth"): for random
 * valid candidates of every hydraulic model, how far a relative change `rel` of one
 * parameter moves the outputs of a ponded-infiltration column. A candidate scores the
 * largest relative output change over its parameters; the statistic is the share of
 * candidates scoring below `threshold`.
 *
 * Kept apart from the bench program's main so that the test suite links it too
 * (tests/test_smooth_stat.c). Every candidate depends only on the seed, its model and
 * its index, never on the thread count or on the other candidates. */
#ifndef SHPFIT_BENCH_SMOOTH_STAT_H
#define SHPFIT_BENCH_SMOOTH_STAT_H

#include <stdint.h>
#include <stdio.h>

#include "shpfit/column.h"
#include "shpfit/models.h"

/* The outputs compared, in the order of smooth_series_name. */
enum { SMOOTH_Q = 0, SMOOTH_V_INST, SMOOTH_V_MEAN, SMOOTH_THETA, SMOOTH_SERIES };

typedef struct {
    int candidates;      /* spread evenly over the models, in turn */
    int model;           /* one model id only, or −1 for all of the registry */
    uint64_t seed;
    double rel;          /* relative change of one parameter: p·(1 + rel) */
    double threshold;    /* a candidate is smooth when its score is below this */
    double floor;        /* an output is compared with max(|y|, floor · max |y| of its series) */
    double se_lo, se_hi; /* initial effective saturation, uniform, drawn per candidate */
    int nodes;           /* geometric grid refined toward the surface */
    double ratio, depth; /* [-], [cm] */
    double head;         /* ponding head on top [cm] */
    double t_end, every; /* [min]: outputs at every, 2·every, …, t_end */
    shp_solver_opts opt; /* shp_solver_opts_default() unless the caller changes it */
    int threads;         /* OpenMP threads over candidates; 0: OpenMP's default */
    int progress;        /* 1: a line on stderr every tenth of the candidates */
} smooth_cfg;

typedef struct {
    int model;             /* shp_model_id */
    int k;                 /* index among this model's candidates */
    shp_material mat;
    double se0;            /* initial effective saturation */
    int drawn;             /* 0: no valid parameter set was found (never run) */
    int status;            /* of the base column */
    /* max over parameters and outputs of |Δy| / max(|y|, floor); NaN when the base
     * column failed (not scored), +inf when a perturbed one failed or a status changed */
    double score;
    int worst_param;       /* parameter index of the score, −1 when none moved */
    int worst_series;      /* SMOOTH_* of the score */
    int worst_index;       /* output time index (Q, v) or node (θ) of the score */
    int perturbed_failed;  /* perturbed columns that did not finish */
    /* perturbed columns whose step or failure count differs from the base column's (a
     * threshold decision of the step control went the other way), and those with the
     * same counts but another number of iterations (one of the Newton loop did) */
    int steps_differ, iters_differ;
    int worst_history;     /* of the worst parameter's column: 0 same counts, 1 iterations differ, 2 steps */
    int skipped;           /* parameters with no valid perturbation (at a bound both ways) */
    int columns;           /* columns run for this candidate */
    long steps_base, failures_base, steps_all, iterations_all;
} smooth_cand;

typedef struct {
    int n;
    smooth_cand *cand;
    int threads;
    double wall_s, cpu_s; /* cpu_s: the process's CPU time, all threads */
    long columns, steps;
} smooth_result;

/* Summary of the candidates of one model (model = −1: all). */
typedef struct {
    int count, not_drawn, failed, scored, within, perturbed_failed;
    double worst, median;  /* over scored candidates; NaN when none */
    long columns, steps;
} smooth_summary;

/* Defaults: 1000 candidates, seed 1, rel 1e-10, threshold 1e-6, floor 1e-3, initial Se
 * 0.2 … 0.6, 61 nodes ratio 1.05 over 100 cm, 2 cm ponding, 180 min, outputs every
 * 5 min, shp_solver_opts_default(), one thread. */
void smooth_cfg_default(smooth_cfg *cfg);

/* Draws and runs every candidate. SHP_OK, SHP_ERR_INVALID (a bad setting, message in
 * err) or SHP_ERR_NOMEM. On SHP_OK release res with smooth_result_free. */
int smooth_run(const smooth_cfg *cfg, smooth_result *res, char *err, size_t len);
void smooth_result_free(smooth_result *res);

void smooth_summarize(const smooth_result *res, int model, double threshold, smooth_summary *s);

const char *smooth_series_name(int series);

/* The plain-text report: settings, a per-model table, the distribution of scores, the
 * verdict and the work done. */
void smooth_report(FILE *f, const smooth_cfg *cfg, const smooth_result *res);

/* One line of solver settings ("step_control adaptive, Newton, dt_init 1e-04, …"). */
void smooth_solver_line(const shp_solver_opts *o, char *buf, size_t len);

/* One row per candidate. 0, or −1 when the file cannot be written. */
int smooth_write_csv(const char *path, const smooth_result *res);

#endif
