/* The parameter set `shpfit fit --evaluate --at` scores: the truth, the config's
 * materials, "name=value,..." or a JSON file of values (shpfit/fit.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config/cfg_json.h"
#include "shpfit/fit.h"

/* Index of the free variable `name`: its full name, or a bare parameter name when the
 * config has one material (the rule of fit.parameters' keys); −1 when none. */
static int var_index(const shp_problem *pb, const char *name)
{
    const int one = shp_forward_n_materials(shp_problem_forward(pb)) == 1;
    for (int j = 0; j < shp_problem_dim(pb); ++j) {
        const char *v = shp_problem_var_name(pb, j);
        if (!strcmp(v, name) || (one && !strchr(name, '.') && !strcmp(strchr(v, '.') + 1, name))) return j;
    }
    return -1;
}

/* "is not one of fit.parameters (loam.theta_s, loam.alpha, …)" after prefix. */
static int not_free(const shp_problem *pb, const char *prefix, const char *name, char *err, size_t len)
{
    char list[512] = "";
    for (int j = 0; j < shp_problem_dim(pb); ++j)
        snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", j ? ", " : "", shp_problem_var_name(pb, j));
    snprintf(err, len, "%s\"%s\" is not one of fit.parameters (%s)", prefix, name, list);
    return SHP_ERR_INVALID;
}

/* name=value,name=value */
static int parse_list(const shp_problem *pb, const char *at, double *values, char *err, size_t len)
{
    int given[SHP_MAX_FREE] = {0};
    for (const char *p = at; *p;) {
        const char *end = strchr(p, ','), *eq = strchr(p, '=');
        const size_t n = end ? (size_t)(end - p) : strlen(p);
        char item[256];
        if (n >= sizeof item) {
            snprintf(err, len, "\"%.40s...\": too long for name=value", p);
            return SHP_ERR_INVALID;
        }
        snprintf(item, sizeof item, "%.*s", (int)n, p);
        if (!eq || eq >= p + n || eq == p) {
            snprintf(err, len, "\"%s\": expected name=value", item);
            return SHP_ERR_INVALID;
        }
        char name[128];
        snprintf(name, sizeof name, "%.*s", (int)(eq - p), p);
        const int j = var_index(pb, name);
        if (j < 0) return not_free(pb, "", name, err, len);
        if (given[j]) {
            snprintf(err, len, "%s: given twice", shp_problem_var_name(pb, j));
            return SHP_ERR_INVALID;
        }
        given[j] = 1;
        const char *text = item + (eq - p) + 1;
        char *stop;
        values[j] = strtod(text, &stop);
        if (stop == text || *stop || !isfinite(values[j])) {
            snprintf(err, len, "%s: \"%s\" is not a finite number", shp_problem_var_name(pb, j), text);
            return SHP_ERR_INVALID;
        }
        p += n + (end != NULL);
        if (end && !*p) {
            snprintf(err, len, "\"%s\": a name=value after the last comma is missing", at);
            return SHP_ERR_INVALID;
        }
    }
    return SHP_OK;
}

/* {"name": value, …}, or a result.json's "parameters" */
static int parse_file(const shp_problem *pb, const char *path, double *values, char *err, size_t len)
{
    const cfg_ctx c = {path, err, len};
    cJSON *root = NULL;
    CFG_TRY(cfg_load_json(&c, &root));
    const cJSON *obj = cJSON_IsObject(cfg_child(root, "parameters")) ? cfg_child(root, "parameters") : root;
    const char *where = obj == root ? "" : "parameters";
    int rc = cJSON_IsObject(obj) ? cfg_check_duplicates(&c, obj, where)
                                 : cfg_fail(&c, "", "expected an object of {\"parameter\": value}");
    for (const cJSON *it = obj ? obj->child : NULL; it && rc == SHP_OK; it = it->next) {
        if (it->string[0] == '_') continue;
        char p[CFG_PATH_MAX], prefix[CFG_PATH_MAX + 8];
        cfg_path(p, sizeof p, where, it->string);
        const int j = var_index(pb, it->string);
        if (j < 0) {
            snprintf(prefix, sizeof prefix, "%s: %s: ", path, p);
            rc = not_free(pb, prefix, it->string, err, len);
        } else {
            rc = cfg_number_item(&c, it, p, &values[j]);
        }
    }
    cJSON_Delete(root);
    return rc;
}

shp_status shp_fit_point_set(const shp_problem *pb, const char *at, shp_fit_point *pt, char *err, size_t len)
{
    const shp_forward_problem *fp = shp_problem_forward(pb);
    memset(pt, 0, sizeof *pt);
    pt->values = calloc((size_t)shp_problem_dim(pb), sizeof *pt->values);
    pt->mats = malloc((size_t)shp_forward_n_materials(fp) * sizeof *pt->mats);
    pt->f = calloc((size_t)shp_problem_n_obj(pb), sizeof *pt->f);
    if (!pt->values || !pt->mats || !pt->f) {
        snprintf(err, len, "out of memory");
        return SHP_ERR_NOMEM;
    }
    if (!*at) {
        snprintf(err, len, "expected truth, materials, name=value,... or a JSON file");
        return SHP_ERR_INVALID;
    }
    if (!strcmp(at, "truth") || !strcmp(at, "materials")) {
        if (at[0] == 't') {
            if (!cfg_child(shp_problem_fit_config(pb), "truth")) {
                snprintf(err, len, "truth: %s has no fit.truth", shp_forward_source(fp));
                return SHP_ERR_INVALID;
            }
            CFG_TRY(shp_fit_truth(pb, pt->mats, err, len));
        } else {
            if (!shp_problem_start_given(pb)) {
                snprintf(err, len, "materials: %s leaves fitted parameters out of its materials; name them "
                                   "(--at name=value,...) or give a JSON file", shp_forward_source(fp));
                return SHP_ERR_INVALID;
            }
            memcpy(pt->mats, shp_forward_materials(fp), (size_t)shp_forward_n_materials(fp) * sizeof *pt->mats);
        }
        shp_problem_values_of(pb, pt->mats, pt->values);
        return SHP_OK;
    }
    shp_problem_values_of(pb, shp_forward_materials(fp), pt->values); /* what is not named keeps its value */
    const int given = shp_problem_start_given(pb);
    for (int j = 0; j < shp_problem_dim(pb) && !given; ++j) pt->values[j] = NAN; /* none to keep */
    CFG_TRY(strchr(at, '=') ? parse_list(pb, at, pt->values, err, len) : parse_file(pb, at, pt->values, err, len));
    for (int j = 0; j < shp_problem_dim(pb); ++j)
        if (isnan(pt->values[j])) {
            snprintf(err, len, "%s: not given (%s leaves fitted parameters out of its materials: name every "
                               "free parameter)", shp_problem_var_name(pb, j), shp_forward_source(fp));
            return SHP_ERR_INVALID;
        }
    return shp_problem_check_values(pb, pt->values, pt->mats, err, len);
}
