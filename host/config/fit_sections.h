/* The "fit" section of a configuration (docs/fit-reference.md), read into a problem through the
 * builder calls of shpfit/problem.h (host-internal). */
#ifndef SHPFIT_HOST_CONFIG_FIT_SECTIONS_H
#define SHPFIT_HOST_CONFIG_FIT_SECTIONS_H

#include "config/cfg_json.h"
#include "shpfit/problem.h"

/* A failed builder call as a configuration error: "FILE: FIELD: problem". */
int cfg_fit_fail(const cfg_ctx *c, const shp_problem *pb, int status);

/* "fit.observations" (parse_fit_obs.c): every file read, converted and added. */
int cfg_parse_fit_obs(const cfg_ctx *c, shp_problem *pb, const cJSON *fit);

/* "fit.parameters" (parse_fit_params.c): each free parameter added. */
int cfg_parse_fit_params(const cfg_ctx *c, shp_problem *pb, const cJSON *fit);

/* Where a curve file's column names came from: its header, "columns", or neither
 * (then h in the config's length unit, and theta or K). */
typedef struct {
    const char *name[2];
    const char *cfg_path; /* "….columns" when declared there */
    long header_line;     /* else the header's line, 0 when none */
} curve_names;

/* curve_columns.c: "columns" of a curve observation (cpath receives its config path),
 * and a curve's n values as read (x, y) into h [L], θ [-] and K [L/T] of fp, checked for
 * signs and ranges of their columns; line[i] is value i's line. */
int cfg_curve_declared_columns(const cfg_ctx *c, const cJSON *spec, const char *path, curve_names *cn,
                               char *cpath, size_t len);
int cfg_curve_convert(const shp_forward_problem *fp, const cfg_ctx *c, int kind, const char *path,
                      const char *full, const curve_names *cn, const long *line, int n, double *x, double *y);

#endif
