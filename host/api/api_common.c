/* The configuration text of the foreign-caller API and its error messages. */
#include <stdio.h>
#include <string.h>

#include "api/api_internal.h"
#include "io/fs.h"
#include "shpfit/api.h"
#include "shpfit/status.h"
#include "shpfit/version.h"

const char *shp_api_version(void)
{
    return SHP_VERSION;
}

int shp_api_fail(int status, char *err, size_t len, const char *msg)
{
    if (err && len) snprintf(err, len, "%s", msg);
    return status;
}

/* Offset of the first \u0000 escape inside a string of the text, or −1: cJSON would
 * decode it into a NUL that silently cuts the string ("vgm\u0000junk" read as "vgm"),
 * so the file loader refuses it (config/cfg_file.c) and so does this one. */
static long escaped_nul(const char *text)
{
    int in_string = 0;
    for (const char *p = text; *p; ++p) {
        if (*p == '"') in_string = !in_string;
        else if (in_string && *p == '\\') {
            if (!strncmp(p + 1, "u0000", 5)) return (long)(p - text);
            if (p[1]) ++p; /* the escaped character, whatever it is */
        }
    }
    return -1;
}

int shp_api_parse(const char *json, const char *base_dir, char *path, size_t path_len, cJSON **root,
                  char *err, size_t len)
{
    *root = NULL;
    if (!json) return shp_api_fail(SHP_ERR_INVALID, err, len, "no configuration given");
    const char *dir = base_dir && *base_dir ? base_dir : ".";
    if (shp_path_join(path, path_len, dir, SHP_API_CONFIG_NAME) != 0)
        return shp_path_too_long(dir, SHP_API_CONFIG_NAME, err, len);
    const long nul = escaped_nul(json);
    if (nul >= 0) {
        if (err && len) snprintf(err, len, "%s: a string holds the escape \\u0000 (at byte %ld)", path, nul);
        return SHP_ERR_CONFIG;
    }
    const char *end = NULL;
    *root = cJSON_ParseWithOpts(json, &end, 1);
    if (!*root) {
        /* where the parser stopped, as the file loader reports it: the caller's text
         * has no lines to count, so the byte offset */
        if (err && len) snprintf(err, len, "%s: malformed JSON at byte %ld", path, end ? (long)(end - json) : 0L);
        return SHP_ERR_CONFIG;
    }
    return SHP_OK;
}
