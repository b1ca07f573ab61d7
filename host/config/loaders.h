/* The loaders that take a parsed JSON document (cJSON), for the application's programs
 * that vary a configuration in memory (host-internal; shpfit/config.h has the public
 * ones, which take file paths). */
#ifndef SHPFIT_HOST_CONFIG_LOADERS_H
#define SHPFIT_HOST_CONFIG_LOADERS_H

#include <cjson/cJSON.h>
#include <stdint.h>

#include "shpfit/config.h"

/* shp_problem_load from a document already parsed, which the call takes over (deleted on
 * failure); path names it in messages and places its data files. For programs that
 * vary a configuration in memory (the model comparison of `shpfit fit`). */
shp_status shp_problem_load_json(const char *path, cJSON *root, shp_problem **out, char *err, size_t len);

/* A budget given outside the options' JSON object (a campaign's, for its variants). */
typedef struct {
    long evaluations;  /* 0: none */
    double time_s;     /* 0: none */
    const char *path;  /* names it in messages, e.g. "budget" */
} shp_fit_budget;

/* The same keys (algorithm, population, settings, stop, procedure, two_step, polish)
 * of any JSON object, e.g. a campaign variant, with the given seed, and budget (NULL:
 * none) applied as fit.budget is; keys are not checked for strays (the caller knows
 * which belong there). */
shp_status shp_fit_options_parse(const shp_problem *pb, const cJSON *obj, const char *file,
                                 const char *path, uint64_t seed, const shp_fit_budget *budget, shp_fit_options *opt,
                                 char *err, size_t len);

/* One optimizer run's keys (algorithm, population, settings, stop, objectives) of a
 * JSON object, for callers that run many (benchmark campaigns). file and path name the
 * object in messages. SHP_OK or SHP_ERR_CONFIG. */
shp_status shp_fit_step_parse(const shp_problem *pb, const cJSON *obj, const char *file,
                              const char *path, shp_fit_step *st, char *err, size_t len);

#endif
