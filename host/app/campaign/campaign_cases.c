/* A campaign's cases (campaign_internal.h): a synthetic case's config and observations
 * prepared, every case and variant checked before a run starts, a variant's fit
 * options. */
#define _XOPEN_SOURCE 700 /* realpath, mkdtemp */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config/loaders.h"
#include "campaign/campaign_internal.h"
#include "config/cfg_json.h"
#include "io/json_file.h"
#include "synth/synth.h"

int shp_campaign_variant_options(const shp_campaign *cp, const shp_problem *pb, int v, uint64_t seed,
                           shp_fit_options *opt, char *err, size_t len)
{
    char path[64], bpath[96];
    snprintf(path, sizeof path, "variants[%d]", v);
    const long own = cp->variants[v].budget_evals;
    if (own > 0) snprintf(bpath, sizeof bpath, "%s.budget", path);
    else snprintf(bpath, sizeof bpath, "budget");
    const shp_fit_budget b = {own > 0 ? own : cp->budget_evals, cp->budget_time_s, bpath};
    CFG_TRY(shp_fit_options_parse(pb, cp->variants[v].spec, cp->path, path, seed, &b, opt, err, len));
    /* the report needs neither the archive evaluated on every objective nor the
     * uncertainty: their columns are spared */
    opt->skip_pareto = opt->skip_uncertainty = 1;
    return SHP_OK;
}



/* The fit starts from the synthesised (measured) θ_initial instead of the config's
 * initial state (docs/fit.md, "theta_initial.csv as a fit's initial condition"). */
static void use_measured_initial(cJSON *root)
{
    cJSON *init = cJSON_CreateObject();
    cJSON_AddStringToObject(init, "type", "csv");
    cJSON_AddStringToObject(init, "file", "obs/theta_initial.csv");
    cJSON_AddStringToObject(init, "variable", "theta");
    cJSON_AddBoolToObject(init, "extrapolate", 1);
    cJSON_ReplaceItemInObject(root, "initial", init);
}

/* The case's synth keys over the config's synth section; theta_initial added to the
 * synthesised series when the fit starts from it. */
static void merge_synth(const campaign_case *cc, cJSON *root)
{
    cJSON *sy = cJSON_GetObjectItem(root, "synth");
    if (!sy) sy = cJSON_AddObjectToObject(root, "synth");
    for (const cJSON *k = cc->synth_keys ? cc->synth_keys->child : NULL; k; k = k->next) {
        cJSON_DeleteItemFromObject(sy, k->string);
        cJSON_AddItemToObject(sy, k->string, cJSON_Duplicate(k, 1));
    }
    if (!cc->fit_initial_theta) return;
    cJSON *obs = cJSON_GetObjectItem(sy, "observations");
    if (!obs) {
        obs = cJSON_AddArrayToObject(sy, "observations");
        const char *dflt[] = {"theta_final", "v", "Q"};
        for (int i = 0; i < 3; ++i) cJSON_AddItemToArray(obs, cJSON_CreateString(dflt[i]));
    }
    int have = 0;
    for (const cJSON *o = obs->child; o; o = o->next) have |= cJSON_IsString(o) && !strcmp(o->valuestring, "theta_initial");
    if (!have) cJSON_AddItemToArray(obs, cJSON_CreateString("theta_initial"));
}

/* For a synthetic case: the config copied into dir/cases/<case>/ with its observation
 * files pointing to obs/ (and a CSV initial profile by absolute path), and synth run into
 * dir/cases/<case>/obs from the true state; then, for "fit_initial": "theta_initial",
 * the config rewritten to start from the synthesised θ_initial. Returns the config to
 * load in `path`. */
int shp_campaign_prepare_synth_case(const campaign_case *cc, const char *dir, shp_backend *be, char *path,
                              size_t plen, char *err, size_t len)
{
    char cdir[SHP_PATH_MAX], obs[SHP_PATH_MAX];
    if (snprintf(cdir, sizeof cdir, "%s/cases/%s", dir, cc->name) >= (int)sizeof cdir ||
        shp_path_join(obs, sizeof obs, cdir, "obs") != 0 || (int)plen <= snprintf(path, plen, "%s/config.json", cdir))
        return shp_path_too_long(dir, "cases/…", err, len);
    CFG_TRY(shp_mkdir_p(cdir, err, len));
    const cfg_ctx c = {cc->config, err, len};
    cJSON *root = NULL;
    CFG_TRY(cfg_load_json(&c, &root));
    cJSON *obsj = cJSON_GetObjectItem(cJSON_GetObjectItem(root, "fit"), "observations");
    for (cJSON *o = obsj ? obsj->child : NULL; o; o = o->next) {
        char file[96];
        snprintf(file, sizeof file, "obs/%s.csv", o->string);
        cJSON_ReplaceItemInObject(o, "file", cJSON_CreateString(file));
    }
    cJSON *init = cJSON_GetObjectItem(root, "initial");
    cJSON *ifile = init ? cJSON_GetObjectItem(init, "file") : NULL;
    if (cJSON_IsString(ifile) && ifile->valuestring[0] != '/') {
        char abs[SHP_PATH_MAX], base[SHP_PATH_MAX];
        char *rb = shp_path_beside(cc->config, ".", base, sizeof base) == 0 ? realpath(base, NULL) : NULL;
        const int w = snprintf(abs, sizeof abs, "%s/%s", rb ? rb : base, ifile->valuestring);
        free(rb);
        if (w >= (int)sizeof abs) {
            cJSON_Delete(root);
            return shp_path_too_long(base, ifile->valuestring, err, len);
        }
        cJSON_ReplaceItemInObject(init, "file", cJSON_CreateString(abs));
    }
    merge_synth(cc, root);
    int rc = shp_json_write_file(path, cJSON_Duplicate(root, 1), err, len);
    shp_synth_summary sum;
    if (rc == SHP_OK) rc = shp_synth_run(path, obs, -1, be, &sum, err, len);
    if (rc == SHP_OK && cc->fit_initial_theta) {
        use_measured_initial(root);
        rc = shp_json_write_file(path, root, err, len);
        root = NULL;
    }
    cJSON_Delete(root);
    return rc;
}

/* A message about the checked copy of synthetic case i (config) names the file the
 * problem is in: the campaign's cases[i].synth for a key it set, the case's config for
 * the rest. */
static void name_the_source(const shp_campaign *cp, int i, const char *config, char *err, size_t len)
{
    const campaign_case *cc = &cp->cases[i];
    const size_t n = strlen(config);
    if (strncmp(err, config, n) != 0 || strncmp(err + n, ": ", 2) != 0) return;
    char *rest = strdup(err + n + 2);
    if (!rest) return;
    char key[64] = "";
    sscanf(rest, "synth.%63[A-Za-z0-9_]", key);
    if (*key && cc->synth_keys && cfg_child(cc->synth_keys, key))
        snprintf(err, len, "%s: cases[%d].%s", cp->path, i, rest);
    else
        snprintf(err, len, "%s (case %s): %s", cc->config, cc->name, rest);
    free(rest);
}

int shp_campaign_check_cases(const shp_campaign *cp, char *err, size_t len)
{
    const char *tmp = getenv("TMPDIR");
    char scratch[SHP_PATH_MAX];
    if (snprintf(scratch, sizeof scratch, "%s/shpfit-check-XXXXXX", tmp && *tmp ? tmp : "/tmp") >= (int)sizeof scratch ||
        !mkdtemp(scratch)) {
        snprintf(err, len, "cannot create a temporary directory to check the cases: %s", strerror(errno));
        return SHP_ERR_IO;
    }
    int rc = SHP_OK;
    for (int i = 0; i < cp->n_cases && rc == SHP_OK; ++i) {
        const campaign_case *cc = &cp->cases[i];
        char config[SHP_PATH_MAX];
        snprintf(config, sizeof config, "%s", cc->config);
        if (cc->synth) {
            /* a config the synthesis cannot use is the user's to fix: not an I/O failure */
            rc = shp_synth_check(cc->config, err, len);
            if (rc == SHP_OK) rc = shp_campaign_prepare_synth_case(cc, scratch, NULL, config, sizeof config, err, len);
            if (rc == SHP_ERR_NOT_CONVERGED) rc = SHP_ERR_CONFIG;
        }
        shp_problem *pb = NULL;
        if (rc == SHP_OK) rc = shp_problem_load(config, &pb, err, len);
        shp_fit_options own; /* the case's own fit options: a broken file is refused whole */
        if (rc == SHP_OK) rc = shp_fit_options_load(pb, -1, &own, err, len);
        for (int v = 0; v < cp->n_variants && rc == SHP_OK; ++v) {
            if (!shp_campaign_case_runs(cc, cp->variants[v].name)) continue;
            shp_fit_options opt;
            rc = shp_campaign_variant_options(cp, pb, v, 0, &opt, err, len);
        }
        shp_problem_destroy(pb);
        if (rc != SHP_OK && cc->synth) name_the_source(cp, i, config, err, len);
    }
    shp_remove_tree(scratch);
    return rc;
}

