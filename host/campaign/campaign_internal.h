/* The campaign's insides (shpfit/campaign.h), shared by its loader and runner. */
#ifndef SHPFIT_HOST_CAMPAIGN_INTERNAL_H
#define SHPFIT_HOST_CAMPAIGN_INTERNAL_H

#include <cjson/cJSON.h>

#include "shpfit/campaign.h"

#define SHP_CAMPAIGN_MAX_SEEDS 10000

typedef struct {
    char name[64];
    char config[1024];         /* resolved path */
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
    char path[1024];
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

#endif
