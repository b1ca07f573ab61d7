/* "initial": the initial pressure head of every node, from a uniform head, water
 * content or effective saturation, a hydrostatic profile, or a CSV depth profile. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config/cfg_sections.h"
#include "io/csv_table.h"
#include "io/fs.h"

enum { INIT_SE, INIT_THETA, INIT_HEAD, INIT_HYDROSTATIC, INIT_CSV };
enum { VAR_H, VAR_THETA, VAR_SE };

/* Head of a node from Se (0 < Se ≤ 1) or θ (θmin < θ ≤ θs) with the node's own material,
 * so a uniform θ or Se in a layered profile gives each layer its own head. Returns 0,
 * or −1 with `why` saying which range was violated. */
static int node_head(const cfg_forward *fw, int i, int var, double v, double *h,
                     char *why, size_t len)
{
    const int im = fw->mat_of_node[i];
    const shp_material *mat = &fw->materials[im];
    if (var == VAR_H) {
        if (!(fabs(v) <= SHP_HEAD_MAX_CM / fw->cm_per_length)) {
            snprintf(why, len, "head %g is beyond %g %s (%s)", v, SHP_HEAD_MAX_CM / fw->cm_per_length,
                     fw->length_unit, SHP_HEAD_MAX_TEXT);
            return -1;
        }
        *h = v;
        return 0;
    }
    double tmin, ts;
    shp_hyd_theta_limits(mat, &tmin, &ts);
    if (var == VAR_THETA) {
        if (!(v > tmin && v <= ts)) {
            snprintf(why, len, "theta %g is outside (%g, %g] of material %s", v, tmin, ts,
                     fw->material_names[im]);
            return -1;
        }
        *h = shp_hyd_h_of_theta(mat, v);
    } else if (!(v > 0.0 && v <= 1.0)) {
        snprintf(why, len, "se %g is outside (0, 1]", v);
        return -1;
    } else {
        *h = shp_hyd_h_of_se(mat, v);
    }
    if (!isfinite(*h)) {
        snprintf(why, len, "gives a non-finite head for material %s (value %g)",
                 fw->material_names[im], v);
        return -1;
    }
    return 0;
}

static int from_csv(const cfg_ctx *c, const cJSON *in, cfg_forward *fw)
{
    static const char *const vars[] = {"h", "theta", "se", NULL};
    const char *file = NULL;
    int var = VAR_H, extrapolate = 0;
    CFG_TRY(cfg_string(c, in, "initial", "file", 1, &file));
    CFG_TRY(cfg_choice(c, in, "initial", "variable", vars, 0, &var));
    const cJSON *ex = cfg_child(in, "extrapolate");
    if (ex) {
        if (!cJSON_IsBool(ex))
            return cfg_fail(c, "initial.extrapolate", "expected a boolean, got %s", cfg_type_name(ex));
        extrapolate = cJSON_IsTrue(ex);
    }
    char path[SHP_PATH_MAX], why[SHP_MSG_MAX];
    /* a config and its data move together */
    if (shp_path_beside(fw->path, file, path, sizeof path) != 0)
        return cfg_fail(c, "initial.file", "%s: %s", file, strerror(ENAMETOOLONG));
    const char *names[2] = {"depth", vars[var]};
    double *d = NULL, *v = NULL;
    int m = 0;
    if (shp_csv_read_pairs(path, names, &d, &v, &m, why, sizeof why) != SHP_OK)
        return cfg_fail(c, "initial.file", "%s: %s", path, why);
    const int n = fw->column.n;
    int rc = SHP_OK;
    fw->init_var = var == VAR_THETA ? SHP_INIT_THETA : var == VAR_SE ? SHP_INIT_SE : SHP_INIT_HEAD;
    if (!extrapolate && (d[0] > fw->z[0] || d[m - 1] < fw->z[n - 1]))
        rc = cfg_fail(c, "initial.file",
                      "%s: depths %g to %g do not cover the column (0 to %g); add rows or set "
                      "\"extrapolate\": true to hold the end values",
                      path, d[0], d[m - 1], fw->z[n - 1]);
    for (int i = 0; i < n && rc == SHP_OK; ++i) {
        const double val = shp_profile_interp(d, v, m, fw->z[i]);
        fw->init_value[i] = val;
        if (node_head(fw, i, var, val, &fw->h_init[i], why, sizeof why) != 0)
            rc = cfg_fail(c, "initial.file", "%s: at depth %g: %s", path, fw->z[i], why);
    }
    free(d);
    free(v);
    return rc;
}

int cfg_parse_initial(const cfg_ctx *c, const cJSON *root, cfg_forward *fw)
{
    static const char *const types[] = {"se", "theta", "head", "hydrostatic", "csv", NULL};
    /* only the keys a type uses: a stray "water_table" next to "type": "se" is a mistake */
    static const char *const keys_value[] = {"type", "value", NULL};
    static const char *const keys_hydro[] = {"type", "water_table", NULL};
    static const char *const keys_csv[] = {"type", "file", "variable", "extrapolate", NULL};
    const cJSON *in;
    int type = 0;
    CFG_TRY(cfg_object(c, root, "", "initial", 1, &in));
    CFG_TRY(cfg_choice(c, in, "initial", "type", types, 1, &type));
    const char *const *keys = type == INIT_HYDROSTATIC ? keys_hydro
                              : type == INIT_CSV       ? keys_csv
                                                       : keys_value;
    CFG_TRY(cfg_check_keys(c, in, "initial", keys));

    const int n = fw->column.n;
    fw->h_init = malloc((size_t)n * sizeof *fw->h_init);
    fw->init_value = malloc((size_t)n * sizeof *fw->init_value);
    if (!fw->h_init || !fw->init_value) return cfg_fail(c, "initial", "out of memory");
    fw->init_var = SHP_INIT_HEAD;
    if (type == INIT_CSV) return from_csv(c, in, fw);
    if (type == INIT_HYDROSTATIC) {
        double wt = 0.0;
        CFG_TRY(cfg_number(c, in, "initial", "water_table", 1, &wt, NULL));
        /* within a head range of the column: the heads below are z − wt */
        if (!(fabs(wt) <= SHP_HEAD_MAX_CM / fw->cm_per_length))
            return cfg_fail(c, "initial.water_table", "%g is beyond %g %s (%s)", wt,
                            SHP_HEAD_MAX_CM / fw->cm_per_length, fw->length_unit, SHP_HEAD_MAX_TEXT);
        for (int i = 0; i < n; ++i) /* depth positive down */
            fw->h_init[i] = fw->init_value[i] = fw->z[i] - wt;
        return SHP_OK;
    }
    double value = 0.0;
    CFG_TRY(cfg_number(c, in, "initial", "value", 1, &value, NULL));
    const int var = type == INIT_SE ? VAR_SE : type == INIT_THETA ? VAR_THETA : VAR_H;
    fw->init_var = var == VAR_THETA ? SHP_INIT_THETA : var == VAR_SE ? SHP_INIT_SE : SHP_INIT_HEAD;
    for (int i = 0; i < n; ++i) fw->init_value[i] = value;
    char why[256];
    for (int i = 0; i < n; ++i)
        if (node_head(fw, i, var, value, &fw->h_init[i], why, sizeof why) != 0)
            return cfg_fail(c, "initial.value", "%s", why);
    return SHP_OK;
}
