/* "fit.parameters": each key with its bounds and scale, added to the problem.
 *
 *   "parameters": {
 *     "loam.theta_s": [0.35, 0.55],                         linear unless the registry
 *     "loam.alpha/Ks": {"bounds": [0.2, 20], "scale": "log"},  says log
 *     "loam.n": "default",                                  the registry's bounds
 *     "loam.v/Ks": [2, 60]
 *   }
 *
 * Absent (curve fits only): shp_problem_prepare frees what the data determine. */
#include <string.h>

#include "config/fit_sections.h"

/* Bounds and scale of item `it`: [lo, hi], {"bounds": [lo, hi], "scale": …} or
 * "default" (*given = 0: the registry's bounds). */
static int parse_bounds(const cfg_ctx *c, const cJSON *it, const char *path, double b[2], int *given, int *scale)
{
    static const char *const keys[] = {"bounds", "scale", NULL};
    static const char *const scales[] = {"linear", "log", NULL};
    *given = 0;
    *scale = SHP_SCALE_DEFAULT;
    const cJSON *arr = it;
    if (cJSON_IsString(it)) {
        if (strcmp(it->valuestring, "default") != 0)
            return cfg_fail(c, path, "expected [lo, hi], {\"bounds\": [lo, hi], \"scale\": ...} "
                                     "or \"default\", got \"%s\"", it->valuestring);
        return SHP_OK;
    }
    if (cJSON_IsObject(it)) {
        CFG_TRY(cfg_check_keys(c, it, path, keys));
        arr = cfg_child(it, "bounds");
        if (cfg_child(it, "scale")) CFG_TRY(cfg_choice(c, it, path, "scale", scales, 0, scale));
    } else if (!cJSON_IsArray(it)) {
        return cfg_fail(c, path, "expected [lo, hi], an object or \"default\", got %s", cfg_type_name(it));
    }
    if (!arr) return SHP_OK;
    char p[CFG_PATH_MAX], e[CFG_PATH_MAX];
    cfg_path(p, sizeof p, path, cJSON_IsObject(it) ? "bounds" : "");
    const char *bp = cJSON_IsObject(it) ? p : path;
    if (!cJSON_IsArray(arr) || cJSON_GetArraySize(arr) != 2) return cfg_fail(c, bp, "expected two numbers [lo, hi]");
    for (int k = 0; k < 2; ++k) {
        cfg_path_index(e, sizeof e, bp, k);
        CFG_TRY(cfg_number_item(c, cJSON_GetArrayItem(arr, k), e, &b[k]));
    }
    *given = 1;
    return SHP_OK;
}

int cfg_parse_fit_params(const cfg_ctx *c, shp_problem *pb, const cJSON *fit)
{
    const cJSON *ps;
    CFG_TRY(cfg_object(c, fit, "fit", "parameters", shp_problem_needs_column(pb), &ps));
    int any = 0;
    for (const cJSON *it = ps ? ps->child : NULL; it; it = it->next) {
        if (it->string[0] == '_') continue;
        char path[CFG_PATH_MAX];
        cfg_path(path, sizeof path, "fit.parameters", it->string);
        double b[2];
        int given, scale;
        CFG_TRY(parse_bounds(c, it, path, b, &given, &scale));
        const int rc = shp_problem_add_parameter(pb, it->string, given ? b : NULL, scale);
        if (rc != SHP_OK) return cfg_fit_fail(c, pb, rc);
        any = 1;
    }
    if (ps && !any) return cfg_fail(c, "fit.parameters", "no free parameters");
    return SHP_OK;
}
