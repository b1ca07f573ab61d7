/* Checked JSON access with field-path messages (see cfg_json.h). */
#include "config/cfg_json.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cfg_fail(const cfg_ctx *c, const char *path, const char *fmt, ...)
{
    if (!c->err || !c->errlen) return SHP_ERR_CONFIG;
    /* the prefix, then the problem straight after it: no intermediate buffer that a
     * long file name in the problem could overflow and cut */
    int w = path && *path ? snprintf(c->err, c->errlen, "%s: %s: ", c->file, path)
                          : snprintf(c->err, c->errlen, "%s: ", c->file);
    if (w < 0) w = 0;
    if ((size_t)w < c->errlen) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(c->err + w, c->errlen - (size_t)w, fmt, ap);
        va_end(ap);
    }
    return SHP_ERR_CONFIG;
}

void cfg_path(char *buf, size_t len, const char *parent, const char *key)
{
    if (parent && *parent) snprintf(buf, len, "%s.%s", parent, key);
    else snprintf(buf, len, "%s", key);
}

void cfg_path_index(char *buf, size_t len, const char *parent, int i)
{
    snprintf(buf, len, "%s[%d]", parent, i);
}

const char *cfg_type_name(const cJSON *it)
{
    if (!it) return "nothing";
    if (cJSON_IsString(it)) return "a string";
    if (cJSON_IsNumber(it)) return "a number";
    if (cJSON_IsBool(it)) return "a boolean";
    if (cJSON_IsNull(it)) return "null";
    if (cJSON_IsArray(it)) return "an array";
    if (cJSON_IsObject(it)) return "an object";
    return "an invalid value";
}

const cJSON *cfg_child(const cJSON *obj, const char *key)
{
    return cJSON_GetObjectItemCaseSensitive(obj, key);
}

int cfg_check_duplicates(const cfg_ctx *c, const cJSON *obj, const char *path)
{
    char p[CFG_PATH_MAX];
    for (const cJSON *it = obj->child; it; it = it->next) {
        const char *k = it->string ? it->string : "";
        for (const cJSON *prev = obj->child; prev != it; prev = prev->next)
            if (prev->string && strcmp(prev->string, k) == 0) {
                cfg_path(p, sizeof p, path, k);
                return cfg_fail(c, p, "key given twice");
            }
    }
    return SHP_OK;
}

int cfg_check_keys(const cfg_ctx *c, const cJSON *obj, const char *path,
                   const char *const *allowed)
{
    CFG_TRY(cfg_check_duplicates(c, obj, path));
    char p[CFG_PATH_MAX];
    for (const cJSON *it = obj->child; it; it = it->next) {
        const char *k = it->string ? it->string : "";
        cfg_path(p, sizeof p, path, k);
        if (k[0] == '_') continue;
        int ok = 0;
        for (const char *const *a = allowed; *a && !ok; ++a) ok = strcmp(*a, k) == 0;
        if (ok) continue;
        char list[256] = "";
        size_t used = 0;
        for (const char *const *a = allowed; *a && used < sizeof list; ++a) {
            const int w = snprintf(list + used, sizeof list - used, "%s%s",
                                   a == allowed ? "" : ", ", *a);
            if (w > 0) used += (size_t)w;
        }
        char dym[96];
        cfg_did_you_mean(dym, sizeof dym, cfg_suggest(k, allowed));
        return cfg_fail(c, p, "unknown key (%svalid keys here: %s)", dym, list);
    }
    return SHP_OK;
}

/* The member, or an error when it is required and absent. */
static int member(const cfg_ctx *c, const cJSON *obj, const char *path, const char *key,
                  int required, const cJSON **it, char *p)
{
    cfg_path(p, CFG_PATH_MAX, path, key);
    *it = cfg_child(obj, key);
    if (!*it && required) return cfg_fail(c, p, "missing required field");
    return SHP_OK;
}

int cfg_object(const cfg_ctx *c, const cJSON *obj, const char *path, const char *key,
               int required, const cJSON **out)
{
    char p[CFG_PATH_MAX];
    const cJSON *it;
    *out = NULL;
    CFG_TRY(member(c, obj, path, key, required, &it, p));
    if (!it) return SHP_OK;
    if (!cJSON_IsObject(it)) return cfg_fail(c, p, "expected an object, got %s", cfg_type_name(it));
    *out = it;
    return SHP_OK;
}

int cfg_number_item(const cfg_ctx *c, const cJSON *it, const char *path, double *out)
{
    if (!cJSON_IsNumber(it)) return cfg_fail(c, path, "expected a number, got %s", cfg_type_name(it));
    /* JSON has no NaN, but 1e999 parses to infinity */
    if (!isfinite(it->valuedouble))
        return cfg_fail(c, path, "must be a finite number (got %g)", it->valuedouble);
    *out = it->valuedouble;
    return SHP_OK;
}

int cfg_number(const cfg_ctx *c, const cJSON *obj, const char *path, const char *key,
               int required, double *out, int *present)
{
    char p[CFG_PATH_MAX];
    const cJSON *it;
    if (present) *present = 0;
    CFG_TRY(member(c, obj, path, key, required, &it, p));
    if (!it) return SHP_OK;
    CFG_TRY(cfg_number_item(c, it, p, out));
    if (present) *present = 1;
    return SHP_OK;
}

int cfg_long(const cfg_ctx *c, const cJSON *obj, const char *path, const char *key,
             int required, long lo, long hi, long *out)
{
    char p[CFG_PATH_MAX];
    const cJSON *it;
    double v;
    CFG_TRY(member(c, obj, path, key, required, &it, p));
    if (!it) return SHP_OK;
    CFG_TRY(cfg_number_item(c, it, p, &v));
    if (v != floor(v)) return cfg_fail(c, p, "must be an integer (got %g)", v);
    if (v < (double)lo) return cfg_fail(c, p, "must be >= %ld (got %g)", lo, v);
    /* (double)LONG_MAX rounds up to 2^63, which no long holds: converting it is undefined */
    if (v > (double)hi || v >= 0x1p63) return cfg_fail(c, p, "must be <= %ld (got %g)", hi, v);
    *out = (long)v;
    return SHP_OK;
}

int cfg_int(const cfg_ctx *c, const cJSON *obj, const char *path, const char *key,
            int required, int lo, int hi, int *out)
{
    long v = *out;
    CFG_TRY(cfg_long(c, obj, path, key, required, lo, hi, &v));
    *out = (int)v;
    return SHP_OK;
}

int cfg_string(const cfg_ctx *c, const cJSON *obj, const char *path, const char *key,
               int required, const char **out)
{
    char p[CFG_PATH_MAX];
    const cJSON *it;
    CFG_TRY(member(c, obj, path, key, required, &it, p));
    if (!it) return SHP_OK;
    if (!cJSON_IsString(it)) return cfg_fail(c, p, "expected a string, got %s", cfg_type_name(it));
    *out = it->valuestring;
    return SHP_OK;
}

int cfg_choice(const cfg_ctx *c, const cJSON *obj, const char *path, const char *key,
               const char *const *names, int required, int *out)
{
    const char *s = NULL;
    CFG_TRY(cfg_string(c, obj, path, key, required, &s));
    if (!s) return SHP_OK;
    for (int i = 0; names[i]; ++i) {
        if (strcmp(names[i], s) == 0) {
            *out = i;
            return SHP_OK;
        }
    }
    char p[CFG_PATH_MAX], list[256] = "";
    size_t used = 0;
    for (int i = 0; names[i] && used < sizeof list; ++i) {
        const int w = snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "", names[i]);
        if (w > 0) used += (size_t)w;
    }
    cfg_path(p, sizeof p, path, key);
    char dym[96];
    cfg_did_you_mean(dym, sizeof dym, cfg_suggest(s, names));
    return cfg_fail(c, p, "unknown value \"%s\" (%svalid: %s)", s, dym, list);
}

int cfg_require_gt(const cfg_ctx *c, const char *path, double v, double lo)
{
    return v > lo ? SHP_OK : cfg_fail(c, path, "must be > %g (got %g)", lo, v);
}

int cfg_require_ge(const cfg_ctx *c, const char *path, double v, double lo)
{
    return v >= lo ? SHP_OK : cfg_fail(c, path, "must be >= %g (got %g)", lo, v);
}

int cfg_require_le(const cfg_ctx *c, const char *path, double v, double hi, const char *what)
{
    if (v <= hi) return SHP_OK;
    return what ? cfg_fail(c, path, "must be <= %g (that is %s; got %g)", hi, what, v)
                : cfg_fail(c, path, "must be <= %g (got %g)", hi, v);
}

/* A registry unit ("L/T", "1/L", "L^beta") in the config's units ("cm/min"). */
int cfg_require_plausible(const cfg_ctx *c, const char *path, const shp_param_info *p,
                          const char *length_unit, const char *time_unit, double v)
{
    double lo, hi;
    shp_param_plausible(p, shp_length_unit_cm(length_unit), shp_time_unit_min(time_unit), &lo, &hi);
    if (v >= lo && v <= hi) return SHP_OK;
    char unit[64];
    shp_unit_text(length_unit, time_unit, p->unit, unit, sizeof unit);
    return cfg_fail(c, path, "%g is not a plausible value: expected %g to %g %s (the default inversion "
                             "bounds widened; see shpfit models)", v, lo, hi, unit);
}

int cfg_number_array(const cfg_ctx *c, const cJSON *arr, const char *path, double **out,
                     int *n)
{
    if (!cJSON_IsArray(arr)) return cfg_fail(c, path, "expected an array, got %s", cfg_type_name(arr));
    const int m = cJSON_GetArraySize(arr);
    if (m < 1) return cfg_fail(c, path, "must not be empty");
    double *v = malloc((size_t)m * sizeof *v);
    if (!v) return cfg_fail(c, path, "out of memory");
    int i = 0;
    char p[CFG_PATH_MAX];
    for (const cJSON *it = arr->child; it; it = it->next, ++i) {
        cfg_path_index(p, sizeof p, path, i);
        const int rc = cfg_number_item(c, it, p, &v[i]);
        if (rc != SHP_OK) {
            free(v);
            return rc;
        }
    }
    *out = v;
    *n = m;
    return SHP_OK;
}

int cfg_budget(const cfg_ctx *c, const cJSON *b, const char *path, long *evaluations,
               double *time_s)
{
    static const char *const keys[] = {"evaluations", "time_s", NULL};
    char p[CFG_PATH_MAX];
    CFG_TRY(cfg_check_keys(c, b, path, keys));
    CFG_TRY(cfg_long(c, b, path, "evaluations", 0, 0, 1000000000L, evaluations));
    CFG_TRY(cfg_number(c, b, path, "time_s", 0, time_s, NULL));
    cfg_path(p, sizeof p, path, "time_s");
    CFG_TRY(cfg_require_ge(c, p, *time_s, 0.0));
    CFG_TRY(cfg_require_le(c, p, *time_s, 1e9, "about 30 years"));
    if (*evaluations <= 0 && !(*time_s > 0.0))
        return cfg_fail(c, path, "give evaluations and/or time_s (> 0): a run needs an end");
    return SHP_OK;
}

const char *const cfg_length_units[] = {"mm", "cm", "m", NULL};
const char *const cfg_time_units[] = {"s", "min", "h", "d", NULL};

