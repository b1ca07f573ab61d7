/* Writing a JSON document to a file (host-internal): every summary and index. */
#ifndef SHPFIT_HOST_IO_JSON_FILE_H
#define SHPFIT_HOST_IO_JSON_FILE_H

#include <stddef.h>

#include <cjson/cJSON.h>

#include "shpfit/forward_output.h"

/* Print j (indented) into path and delete j (also on failure; NULL is out of memory).
 * SHP_OK, SHP_ERR_NOMEM or SHP_ERR_IO with "PATH: reason" in err. */
int shp_json_write_file(const char *path, cJSON *j, char *err, size_t len);

/* shp_json_write_file of dir/name. */
int shp_json_write_in(const char *dir, const char *name, cJSON *j, char *err, size_t len);

/* A new output document starting with program, version, command and config_file (the
 * head every summary and index of shpfit shares). NULL when out of memory. */
cJSON *shp_json_output_begin(const char *command, const char *config_file);

/* obj.units = {"length": L, "time": T}; returns the units object (for more entries). */
cJSON *shp_json_add_units(cJSON *obj, const char *length_unit, const char *time_unit);

/* obj[key] = v, or null where v is NaN or ±inf (they are not JSON, and a null is never
 * mistaken for data). */
void shp_json_add_number(cJSON *obj, const char *key, double v);

/* The terms of a water budget [L] into obj, cumulative from t = 0 (precipitation …
 * storage_change; the balance error is the caller's: summaries state it elsewhere). */
void shp_json_add_water_budget(cJSON *obj, const shp_water_budget *b);


#include "util/clock.h" /* shp_wall_seconds, for the writers of wall times */

#endif
