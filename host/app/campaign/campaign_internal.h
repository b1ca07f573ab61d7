/* The campaign's insides (campaign/campaign.h), shared by its loader and runner. */
#ifndef SHPFIT_HOST_CAMPAIGN_INTERNAL_H
#define SHPFIT_HOST_CAMPAIGN_INTERNAL_H

#include <cjson/cJSON.h>
#include <stdio.h>

#include "io/fs.h"
#include "campaign/campaign.h"
#include "shpfit/fit.h"

#define SHP_CAMPAIGN_MAX_SEEDS 10000

typedef struct {
    char name[64];
    char config[SHP_PATH_MAX]; /* resolved path */
    int synth;
    const cJSON *synth_keys;   /* "synth": {…}: keys that replace those of the config's synth section */
    int fit_initial_theta;     /* "fit_initial": "theta_initial": fit from the synthesised θ_initial */
    const cJSON *variants;     /* "variants": names this case runs (NULL: all) */
} campaign_case;

typedef struct {
    char name[64];
    const cJSON *spec; /* parsed per case (objectives and dimension differ) */
    long budget_evals; /* the variant's own "budget", else the campaign's */
} campaign_variant;

struct shp_campaign {
    char path[SHP_PATH_MAX];
    char name[128];
    cJSON *root;
    int n_cases, n_variants, n_seeds;
    campaign_case *cases;
    campaign_variant *variants;
    long *seeds;
    long budget_evals;
    double budget_time_s;
    int target_kind; /* 0: summed objective, 1: retention-curve RMSE */
    double target;
    int stop_at_target;
};

/* Every case's configuration and every variant it runs, checked before any run starts,
 * by loading the fit problem (a synthetic case's observations synthesised into a
 * temporary directory first, so that nothing is written where the results go). SHP_OK,
 * or an error with "FILE: FIELD: problem". */
int shp_campaign_check_cases(const shp_campaign *cp, char *err, size_t len);

/* Is the variant named v run on case cc? (its "variants" list, or all) */
int shp_campaign_case_runs(const campaign_case *cc, const char *v);

/* A variant's fit options, with the campaign's budget (or the variant's own) as
 * fit.budget: a campaign's run is the fit of the same case, variant and seed. */
int shp_campaign_variant_options(const shp_campaign *cp, const shp_problem *pb, int v, uint64_t seed,
                                 shp_fit_options *opt, char *err, size_t len);

/* For a synthetic case: the config copied into dir/cases/<case>/ with its observation
 * files pointing to obs/, synth run there from the true state (be NULL: the CPU), and
 * for "fit_initial" the config rewritten to start from the synthesised θ_initial. The
 * config to load into path. */
int shp_campaign_prepare_synth_case(const campaign_case *cc, const char *dir, shp_backend *be, char *path,
                                    size_t plen, char *err, size_t len);

/* ------------------------------------------------ runs.csv and history.csv */

extern const char SHP_CAMPAIGN_RUNS_HEADER[], SHP_CAMPAIGN_HIST_HEADER[];

/* dir/name opened for appending, the header written when the file is new or empty. */
FILE *shp_campaign_open_log(const char *dir, const char *name, const char *header, char *err, size_t len);

/* Is the run (case, variant, seed) in dir's runs.csv (an earlier invocation's)? */
int shp_campaign_run_logged(const char *dir, const char *case_name, const char *variant, long seed);

/* A kill can cut the last row of runs.csv or history.csv, or fall between a run's
 * history rows and its runs.csv row (written in that order). Before resuming: cut a
 * partial last row, and drop the history rows of runs without a runs.csv row (the
 * journal replays those runs, and they are written again whole). */
int shp_campaign_repair_logs(const char *dir, char *err, size_t len);

/* What runs.csv says of a run besides its fit's result. */
typedef struct {
    const char *case_name, *variant;
    const char *algorithm; /* shp_campaign_algorithm_label of its options */
    long seed;
    int success;
    long evals_to_target;
    double wall_to_target;
    const shp_pareto *archive; /* its last step's, for the hypervolume (NULL: none) */
} shp_campaign_row;

/* The run's history rows, then its runs.csv row (have = 0: its fit found no successful
 * column, and the best-point fields stay empty); values exactly (%.17g). */
int shp_campaign_write_run(FILE *runs, FILE *hist, shp_problem *pb, const shp_campaign_row *row,
                           const shp_fit_result *res, int have, const shp_material *truth);

/* The algorithm column of a variant's options: "ga+pso_vega+lm" (steps, then the polish). */
void shp_campaign_algorithm_label(const shp_fit_options *opt, char *buf, size_t len);

#endif
