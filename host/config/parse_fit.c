/* Loading an inverse problem from a configuration: the forward sections
 * (shp_forward_load), then "fit" through the builder of shpfit/problem.h: observations
 * (parse_fit_obs.c), parameters (parse_fit_params.c), objectives, and the step cap. */
#include <stdlib.h>
#include <string.h>

#include "config/loaders.h"
#include "config/cfg_sections.h"
#include "config/fit_sections.h"

int cfg_fit_fail(const cfg_ctx *c, const shp_problem *pb, int status)
{
    const int rc = cfg_fail(c, "", "%s", shp_problem_errmsg(pb));
    return status == SHP_ERR_NOMEM ? SHP_ERR_NOMEM : rc;
}

/* "objectives" (names, by default every observation given) and "metric". */
static int parse_objectives(const cfg_ctx *c, shp_problem *pb, const cJSON *fit)
{
    static const char *const metrics[] = {"psi", "rmse", NULL};
    int metric = 0, kinds[SHP_OBS_COUNT], n = 0;
    CFG_TRY(cfg_choice(c, fit, "fit", "metric", metrics, 0, &metric));
    const cJSON *arr = cfg_child(fit, "objectives");
    if (arr && (!cJSON_IsArray(arr) || cJSON_GetArraySize(arr) < 1))
        return cfg_fail(c, "fit.objectives", "expected a non-empty array of observation names");
    int i = 0;
    for (const cJSON *it = arr ? arr->child : NULL; it; it = it->next, ++i) {
        char p[CFG_PATH_MAX];
        cfg_path_index(p, sizeof p, "fit.objectives", i);
        if (!cJSON_IsString(it)) return cfg_fail(c, p, "expected a string, got %s", cfg_type_name(it));
        const char *names[SHP_OBS_COUNT + 1];
        for (int j = 0; j < SHP_OBS_COUNT; ++j) names[j] = shp_obs_name(j);
        names[SHP_OBS_COUNT] = NULL;
        int k = 0;
        while (k < SHP_OBS_COUNT && strcmp(names[k], it->valuestring) != 0) ++k;
        if (k == SHP_OBS_COUNT) {
            char dym[96];
            cfg_did_you_mean(dym, sizeof dym, cfg_suggest(it->valuestring, names));
            return cfg_fail(c, p, "unknown objective \"%s\" (%svalid: theta_final, v, Q, theta_t, "
                                  "retention, conductivity)", it->valuestring, dym);
        }
        if (n == SHP_OBS_COUNT) return cfg_fail(c, p, "objective \"%s\" given twice", it->valuestring);
        kinds[n++] = k;
    }
    const int rc = shp_problem_set_objectives(pb, n, kinds, metric);
    return rc == SHP_OK ? SHP_OK : cfg_fit_fail(c, pb, rc);
}

/* A fit to retention and conductivity data alone runs no column: it needs units and
 * materials only. When any forward section is given, all are read and checked, as
 * for every other fit. */
static int curves_only(const cJSON *root)
{
    static const char *const forward[] = {"profile", "initial", "top", "bottom", "output", "solver", NULL};
    for (int k = 0; forward[k]; ++k)
        if (cfg_child(root, forward[k])) return 0;
    const cJSON *fit = cfg_child(root, "fit");
    const cJSON *os = fit ? cfg_child(fit, "observations") : NULL;
    int curves = 0;
    for (const cJSON *it = cJSON_IsObject(os) ? os->child : NULL; it; it = it->next) {
        if (it->string[0] == '_') continue;
        if (strcmp(it->string, "retention") != 0 && strcmp(it->string, "conductivity") != 0) return 0;
        curves = 1;
    }
    return curves;
}

shp_status shp_problem_load(const char *path, shp_problem **out, char *err, size_t len)
{
    *out = NULL;
    const cfg_ctx c = {path ? path : "(null)", err, len};
    if (err && len) err[0] = '\0';
    if (!path) return cfg_fail(&c, "", "no configuration file given");
    cJSON *root = NULL;
    const int rc = cfg_load_json(&c, &root);
    if (rc != SHP_OK) return rc;
    return shp_problem_load_json(path, root, out, err, len);
}

/* The "fit" section into pb, through the builder. */
static int parse_fit(const cfg_ctx *c, shp_problem *pb, const cJSON *fit)
{
    /* observations first: without fit.parameters, a curve fit frees what its data determine */
    CFG_TRY(cfg_parse_fit_obs(c, pb, fit));
    CFG_TRY(cfg_parse_fit_params(c, pb, fit));
    CFG_TRY(parse_objectives(c, pb, fit));
    long cap = 10000;
    CFG_TRY(cfg_long(c, fit, "fit", "column_max_steps", 0, 1, 1000000000000L, &cap));
    int rc = shp_problem_set_column_max_steps(pb, cap);
    if (rc == SHP_OK) rc = shp_problem_prepare(pb);
    return rc == SHP_OK ? SHP_OK : cfg_fit_fail(c, pb, rc);
}

shp_status shp_problem_load_json(const char *path, struct cJSON *root, shp_problem **out, char *err, size_t len)
{
    *out = NULL;
    shp_forward_problem *fp = NULL;
    int rc = curves_only(root) ? cfg_curves_load_json(path, root, &fp, err, len)
                               : cfg_forward_load_json(path, root, &fp, err, len);
    if (rc != SHP_OK) return rc;
    const cfg_ctx c = {path, err, len}; /* not NULL: the loads above refuse it */
    shp_problem *pb = NULL;
    if (shp_problem_create(fp, &pb) != SHP_OK) return cfg_fail(&c, "", "out of memory");
    const cJSON *fit = NULL;
    rc = cfg_object(&c, shp_forward_config(fp), "", "fit", 1, &fit);
    if (rc == SHP_OK) {
        shp_problem_set_config(pb, fit);
        rc = parse_fit(&c, pb, fit);
    }
    if (rc != SHP_OK) {
        shp_problem_destroy(pb);
        return rc;
    }
    *out = pb;
    return SHP_OK;
}
