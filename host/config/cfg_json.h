/* Checked access to the parsed JSON for the config loader (host-internal).
 *
 * Every getter knows the field path of what it reads ("materials.loam.n") and, on a
 * missing field, a wrong type or a non-finite number, writes "FILE: PATH: problem"
 * into the context and returns SHP_ERR_CONFIG; so a section parser is a list of
 * CFG_TRY(...) lines and never formats an error for the routine cases itself.
 * Keys are matched case-sensitively (cJSON_GetObjectItem is not), so "theta_S"
 * is an unknown key and not a silent alias of "theta_s". */
#ifndef SHPFIT_HOST_CONFIG_CFG_JSON_H
#define SHPFIT_HOST_CONFIG_CFG_JSON_H

#include <stddef.h>

#include <cjson/cJSON.h>

#include "shpfit/config.h"
#include "shpfit/models.h"
#include "shpfit/status.h"
#include "util/suggest.h"

#define CFG_PATH_MAX 256

/* Return the status of a failed check from the enclosing parser. */
#define CFG_TRY(expr)                           \
    do {                                        \
        const int cfg_rc_ = (expr);             \
        if (cfg_rc_ != SHP_OK) return cfg_rc_;  \
    } while (0)

typedef struct {
    const char *file; /* config path as given, the prefix of every message */
    char *err;
    size_t errlen;
} cfg_ctx;

/* Write "FILE: PATH: <fmt…>" (PATH omitted when empty) and return SHP_ERR_CONFIG. */
int cfg_fail(const cfg_ctx *c, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Read and parse the JSON file c->file into *root (the caller deletes it). SHP_OK;
 * SHP_ERR_CONFIG with "FILE: problem" when it cannot be read, is not text (a NUL byte),
 * is malformed ("line L, column C ...") or has a \u0000 in a string; SHP_ERR_NOMEM. */
int cfg_load_json(const cfg_ctx *c, cJSON **root);

/* Child paths: "parent.key" ("key" at the top) and "parent[i]". */
void cfg_path(char *buf, size_t len, const char *parent, const char *key);
void cfg_path_index(char *buf, size_t len, const char *parent, int i);

/* "a string", "a number", "an object", … for "expected X, got Y" messages. */
const char *cfg_type_name(const cJSON *it);

/* Case-sensitive member look-up (NULL when absent). */
const cJSON *cfg_child(const cJSON *obj, const char *key);



/* Reject a key of obj given twice (cJSON would keep the first and hide the second). */
int cfg_check_duplicates(const cfg_ctx *c, const cJSON *obj, const char *path);

/* Reject keys of obj not in `allowed` (NULL-terminated) and keys given twice; keys
 * starting with '_' are comments and always allowed. */
int cfg_check_keys(const cfg_ctx *c, const cJSON *obj, const char *path,
                   const char *const *allowed);

/* Getters of obj[key]. With required = 0 an absent key leaves *out unchanged (the
 * caller's default) and returns SHP_OK; *present, when not NULL, tells which. */
int cfg_object(const cfg_ctx *c, const cJSON *obj, const char *path, const char *key,
               int required, const cJSON **out);
int cfg_number(const cfg_ctx *c, const cJSON *obj, const char *path, const char *key,
               int required, double *out, int *present);
int cfg_long(const cfg_ctx *c, const cJSON *obj, const char *path, const char *key,
             int required, long lo, long hi, long *out);
int cfg_int(const cfg_ctx *c, const cJSON *obj, const char *path, const char *key,
            int required, int lo, int hi, int *out);
int cfg_string(const cfg_ctx *c, const cJSON *obj, const char *path, const char *key,
               int required, const char **out);

/* A string that must be one of names (NULL-terminated); *out = its index. The error
 * lists the valid names. */
int cfg_choice(const cfg_ctx *c, const cJSON *obj, const char *path, const char *key,
               const char *const *names, int required, int *out);

/* A JSON item (array element) that must be a finite number; `path` is its own path. */
int cfg_number_item(const cfg_ctx *c, const cJSON *it, const char *path, double *out);

/* Number comparisons with the error message built in: "must be > 0 (got -3)". */
int cfg_require_gt(const cfg_ctx *c, const char *path, double v, double lo);
int cfg_require_ge(const cfg_ctx *c, const char *path, double v, double lo);

/* v ≤ hi, else "must be <= hi (that is <what>; got v)": what names the limit in cm and
 * min ("1e5 cm") when the config may use other units. */
int cfg_require_le(const cfg_ctx *c, const char *path, double v, double hi, const char *what);

/* A run's budget {"evaluations": N, "time_s": S} at `path` (an object already found):
 * both optional, at least one > 0, time within 1e9 s. The fit and a campaign read it
 * alike. */
int cfg_budget(const cfg_ctx *c, const cJSON *b, const char *path, long *evaluations,
               double *time_s);

/* A model parameter's value, in the units named, within its plausible range
 * (shp_param_plausible). */
int cfg_require_plausible(const cfg_ctx *c, const char *path, const shp_param_info *p,
                          const char *length_unit, const char *time_unit, double v);

/* The length and time units of a config ("units") and of a file's column names
 * (NULL-terminated); their size in cm and min: shp_length_unit_cm, shp_time_unit_min. */
extern const char *const cfg_length_units[];
extern const char *const cfg_time_units[];

/* An array of finite numbers (allocated; *n ≥ 1), e.g. output.times. */
int cfg_number_array(const cfg_ctx *c, const cJSON *arr, const char *path, double **out,
                     int *n);

#endif
