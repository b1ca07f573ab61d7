/* Test helpers for configs edited as JSON: read a file into a cJSON tree, write one back
 * (the tree is deleted). Fails the calling test on any error. */
#ifndef SHPFIT_TEST_JSON_UTIL_H
#define SHPFIT_TEST_JSON_UTIL_H

#include <cjson/cJSON.h>
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>

#include "test_util.h"

static inline cJSON *tu_read_json(const char *path)
{
    char *text = tu_slurp(path);
    cr_assert_not_null(text, "cannot read %s", path);
    cJSON *root = cJSON_Parse(text);
    free(text);
    cr_assert_not_null(root, "%s: malformed JSON", path);
    return root;
}

static inline void tu_write_json(const char *path, cJSON *root)
{
    char *text = cJSON_Print(root);
    cJSON_Delete(root);
    FILE *out = fopen(path, "w");
    cr_assert(text && out, "cannot write %s", path);
    fputs(text, out);
    fclose(out);
    free(text);
}

#endif
