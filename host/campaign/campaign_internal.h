/* The campaign's insides (shpfit/campaign.h), shared by its loader and runner. */
#ifndef SHPFIT_HOST_CAMPAIGN_INTERNAL_H
#define SHPFIT_HOST_CAMPAIGN_INTERNAL_H

#include <cjson/cJSON.h>

#include "io/fs.h"
#include "shpfit/campaign.h"

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

#endif
