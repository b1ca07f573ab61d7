/* What the foreign-caller API (shpfit/api.h) shares between its files (host-internal). */
#ifndef SHPFIT_HOST_API_API_INTERNAL_H
#define SHPFIT_HOST_API_API_INTERNAL_H

#include <stddef.h>

#include <cjson/cJSON.h>

/* The name a configuration given as text goes by: the loaders place relative data files
 * beside the config's path, so the text is given a path inside base_dir, and messages
 * read "BASE/<config>.json: FIELD: problem". */
#define SHP_API_CONFIG_NAME "<config>.json"

/* Parse json into *root and its stand-in path base_dir/SHP_API_CONFIG_NAME into path
 * (path_len bytes). SHP_OK, or SHP_ERR_INVALID / SHP_ERR_CONFIG with a message. */
int shp_api_parse(const char *json, const char *base_dir, char *path, size_t path_len, cJSON **root,
                  char *err, size_t len);

/* "msg" into err (when there is room), returning status: the API's error exits. */
int shp_api_fail(int status, char *err, size_t len, const char *msg);

#endif
