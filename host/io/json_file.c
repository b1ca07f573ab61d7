/* JSON documents to files, and the wall clock (io/json_file.h). */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include "io/json_file.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "io/fs.h"
#include "shpfit/status.h"
#include "shpfit/version.h"

int shp_json_write_file(const char *path, cJSON *j, char *err, size_t len)
{
    char *text = j ? cJSON_Print(j) : NULL;
    cJSON_Delete(j);
    if (!text) {
        snprintf(err, len, "%s: out of memory", path);
        return SHP_ERR_NOMEM;
    }
    FILE *f = shp_file_create(path, err, len);
    if (!f) {
        cJSON_free(text);
        return SHP_ERR_IO;
    }
    fprintf(f, "%s\n", text);
    cJSON_free(text);
    return shp_file_close(f, path, err, len);
}

int shp_json_write_in(const char *dir, const char *name, cJSON *j, char *err, size_t len)
{
    char path[SHP_PATH_MAX];
    if (shp_path_join(path, sizeof path, dir, name) != 0) {
        cJSON_Delete(j);
        return shp_path_too_long(dir, name, err, len);
    }
    return shp_json_write_file(path, j, err, len);
}

cJSON *shp_json_output_begin(const char *command, const char *config_file)
{
    cJSON *o = cJSON_CreateObject();
    if (!o) return NULL;
    cJSON_AddStringToObject(o, "program", "shpfit");
    cJSON_AddStringToObject(o, "version", SHP_VERSION);
    cJSON_AddStringToObject(o, "command", command);
    cJSON_AddStringToObject(o, "config_file", config_file);
    return o;
}

cJSON *shp_json_add_units(cJSON *obj, const char *length_unit, const char *time_unit)
{
    cJSON *u = cJSON_AddObjectToObject(obj, "units");
    cJSON_AddStringToObject(u, "length", length_unit);
    cJSON_AddStringToObject(u, "time", time_unit);
    return u;
}

void shp_json_add_number(cJSON *obj, const char *key, double v)
{
    if (isfinite(v)) cJSON_AddNumberToObject(obj, key, v);
    else cJSON_AddNullToObject(obj, key);
}

void shp_json_add_water_budget(cJSON *obj, const shp_water_budget *b)
{
    const char *name[] = {"precipitation", "evaporation", "evaporation_potential", "transpiration",
                          "transpiration_potential", "runoff", "top_inflow", "bottom_outflow",
                          "storage_change"};
    const double v[] = {b->precipitation, b->evaporation, b->evaporation_potential, b->transpiration,
                        b->transpiration_potential, b->runoff, b->top_inflow, b->bottom_outflow,
                        b->storage_change};
    for (int i = 0; i < (int)(sizeof v / sizeof *v); ++i) shp_json_add_number(obj, name[i], v[i]);
}
