/* The report of an optimizer-benchmark campaign, computed from the files the campaign
 * runner writes (host-internal): DIR/runs.csv (one row per finished run) and
 * DIR/history.csv (its convergence) give per case and variant the success rate, the
 * expected running time (ERT) to the target, distributions of the final best summed
 * objective, hypervolume and curve errors, a ranking with rank-sum tests against the
 * best variant and a Friedman test; written as DIR/report.md, DIR/report_<case>.md, and
 * plotted (ECDF of the running time, convergence) through gnuplot.
 *
 * runs.csv header (columns are found by name; every row has the header's field count):
 *   case,variant,seed,algorithm,evaluations,wall_s,success,evals_to_target,
 *   wall_to_target_s,stop_reason,failed_columns,best_sum,hypervolume,
 *   curve_rmse_retention,curve_rmse_conductivity,objectives,parameters
 * history.csv header: case,variant,seed,generation,evaluations,best_sum
 * An empty best_sum (in either file) is +inf: no candidate could be scored; an empty
 * value in objectives (`name=`) is NAN and left out of medians. Numbers are checked
 * strictly otherwise (SHP_ERR_CONFIG naming the file, line and column).
 * A (case, variant, seed) that appears more than once in runs.csv is the last row's; in
 * history.csv a run's rows restart (an interrupted run done again) where its generation
 * does not increase, and only the last sequence is kept. History of runs that are not in
 * runs.csv (unfinished) is ignored. */
#ifndef SHPFIT_HOST_CAMPAIGN_REPORT_H
#define SHPFIT_HOST_CAMPAIGN_REPORT_H

#include <stddef.h>

#include "campaign/campaign_stats.h"

typedef struct {
    const char *title;        /* campaign name */
    long budget_evaluations;  /* per run (0 = none) */
    double budget_time_s;     /* per run (0 = none) */
    const char *target_text;  /* e.g. "sum of psi <= 1e-3" or "retention RMSE <= 0.001" */
    const char *machine;      /* "AMD EPYC, 2 cores; backend cpu" */
    double alpha;             /* significance level of the tests, 0.05 (0: 0.05) */
} shp_campaign_report_info;

/* Read DIR/runs.csv and DIR/history.csv; write DIR/report.md (all cases, with a summary
 * table per case and the ranking) and DIR/report_<case>.md (full detail per case), the
 * plot data DIR/ecdf_<case>.csv and DIR/convergence_<case>.csv, and DIR/campaign_plots.gp;
 * run gnuplot (shp_plot_program) inside DIR to draw DIR/ecdf_<case>.png and
 * DIR/convergence_<case>.png (its messages in DIR/campaign_plots.log). *plots (may be
 * NULL) = 1 when drawn, 0 when gnuplot is missing (data and Markdown are still
 * complete). A missing history.csv is not an error: the reports say so and the
 * convergence data are empty. SHP_OK, or SHP_ERR_IO (a file cannot be read or written,
 * gnuplot failed), SHP_ERR_CONFIG (malformed file: "runs.csv: line N: problem"),
 * SHP_ERR_INVALID (alpha outside (0, 1)), SHP_ERR_NOMEM, with a message in err. */
int shp_campaign_report(const char *dir, const shp_campaign_report_info *info, int *plots, char *err,
                        size_t len);

/* ------------------------------------------------------------ the data and their analysis */

/* One finished run (a row of runs.csv) and its convergence. */
typedef struct {
    char *case_name, *variant, *algorithm, *stop_reason, *objectives, *parameters;
    long seed;
    double evaluations, wall_s;
    int success;
    double evals_to_target, wall_to_target_s;          /* NAN when not reached */
    long failed_columns;
    double best_sum;                                   /* finite or +inf */
    double hypervolume, rmse_retention, rmse_conductivity; /* NAN when empty */
    int line;                                          /* its line in runs.csv */
    int n_hist;                                        /* history.csv rows kept */
    double *hist_evals, *hist_best;                    /* cumulative evaluations, best so far */
} shp_cr_run;

/* A variant within a case, with its statistics. */
typedef struct {
    const char *name, *algorithm; /* of its first run */
    int multi_objective;          /* algorithm vega or pso_vega */
    int n_runs, *run;             /* indices into shp_cr_data.run, by seed */
    int successes;
    double ert_evals, ert_s;      /* +inf when no run succeeded */
    shp_stat_summary evals_to_target, wall_to_target; /* successful runs */
    shp_stat_summary best_sum, hypervolume, rmse_retention, rmse_conductivity, evaluations, wall_s;
    long failed_columns;
    int n_with_history;
    /* ranking */
    int rank;                     /* 1 = best */
    shp_stat_ranksum_result test_best_sum;   /* final best_sum against the top-ranked variant */
    shp_stat_ranksum_result test_runtime;    /* evaluations to target (unsuccessful = +inf) */
    int tested;                   /* the tests were run (not the top-ranked variant) */
    int tied;                     /* p(best_sum) ≥ alpha */
} shp_cr_variant;

/* A case: its variants, the ranking and the Friedman tests. */
typedef struct {
    const char *name;             /* of its first run */
    char file_name[80];           /* file-system-safe name for report_<x>.md etc. */
    int n_variants;
    shp_cr_variant *variant;      /* in order of first appearance in runs.csv */
    int *order;                   /* variant indices, best first */
    int friedman;                 /* 1: every variant has the same seeds (≥ 2 of them), k ≥ 2 */
    int n_blocks;                 /* seeds in common */
    shp_stat_friedman_result friedman_best_sum, friedman_runtime;
    double *mean_rank_best_sum, *mean_rank_runtime; /* per variant, when friedman */
    double max_evaluations;       /* largest evaluations of a run of the case */
} shp_cr_case;

typedef struct {
    int n_runs;
    shp_cr_run *run;              /* deduplicated: in order of first appearance, each with its last row */
    int n_cases;
    shp_cr_case *cases;           /* in order of first appearance */
    int have_history;             /* history.csv was there */
    int history_rows;             /* rows of history.csv read */
    int duplicates;               /* rows of runs.csv replaced by a later row */
    double alpha;
} shp_cr_data;

/* Read DIR/runs.csv and DIR/history.csv into d (zeroed first). Errors as for
 * shp_campaign_report; d is freed on failure. */
int shp_cr_read(const char *dir, shp_cr_data *d, char *err, size_t len);

/* Group the runs into cases and variants and compute every statistic, the ranking and the
 * tests at level alpha. SHP_OK or SHP_ERR_NOMEM / SHP_ERR_INVALID. */
int shp_cr_analyze(shp_cr_data *d, double alpha, char *err, size_t len);

void shp_cr_free(shp_cr_data *d);

/* Index of a case by name, or −1; of a variant in a case, or −1. */
int shp_cr_find_case(const shp_cr_data *d, const char *name);
int shp_cr_find_variant(const shp_cr_case *c, const char *name);

/* Write the Markdown reports DIR/report.md and DIR/report_<case>.md. plots: 1 when the
 * PNGs exist (embedded), 0 when they were not drawn (named as not drawn). */
int shp_cr_write_markdown(const char *dir, const shp_cr_data *d, const shp_campaign_report_info *info,
                          int plots, char *err, size_t len);

/* ------------------------------------------------------------ plots (campaign_plot.c) */

/* The common evaluation grid of the convergence data: points log-spaced from the smallest
 * first-row evaluation count of a run of the case to the largest last-row count (dense
 * enough that the step plot drawn from it shows no slopes). */
#define SHP_CR_GRID_POINTS 300

/* Write DIR/ecdf_<case>.csv (evaluations, then the fraction of each variant's runs that
 * reached the target within them: a step function, one column per variant) and
 * DIR/convergence_<case>.csv (evaluations, then per variant runs_<v>, q1_<v>, median_<v>,
 * q3_<v> of the best summed objective so far, each run's history continued as a step
 * function, runs that stopped early at their last value) for every case. */
int shp_cr_plot_data(const char *dir, const shp_cr_data *d, long budget_evaluations, char *err,
                     size_t len);

/* Write DIR/campaign_plots.gp, which draws ecdf_<case>.png and convergence_<case>.png of
 * every case from those CSVs, after removing PNGs of that name left from an earlier run. */
int shp_cr_plot_script(const char *dir, const shp_cr_data *d, const shp_campaign_report_info *info,
                       char *err, size_t len);

#endif
