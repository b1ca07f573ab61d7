/* shp_forward_load: read the file, parse the JSON, run the section parsers in order,
 * and hand back a problem only when every check has passed. */
#define _POSIX_C_SOURCE 200809L /* strdup */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config/cfg_sections.h"
#include "shpfit/journal.h"

static int parse_all(const cfg_ctx *c, const cJSON *root, shp_forward_problem *fp)
{
    /* Unknown top-level keys are left alone: other commands (fit, synth) add their own
     * sections to the same file. Inside the sections below every key is checked. */
    if (!cJSON_IsObject(root)) return cfg_fail(c, "", "expected a JSON object at the top level, got %s", cfg_type_name(root));
    CFG_TRY(cfg_check_duplicates(c, root, ""));
    CFG_TRY(cfg_parse_units(c, root, fp));
    CFG_TRY(cfg_parse_materials(c, root, fp));
    CFG_TRY(cfg_parse_profile(c, root, fp));
    CFG_TRY(cfg_parse_initial(c, root, fp));
    CFG_TRY(cfg_parse_boundaries(c, root, fp));
    CFG_TRY(cfg_parse_roots(c, root, fp));
    CFG_TRY(cfg_parse_solver(c, root, fp));
    CFG_TRY(cfg_parse_output(c, root, fp));
    return cfg_check_forcing_span(c, fp, fp->column.n_out ? fp->t_out[fp->column.n_out - 1] : 0.0, "output.times");
}

/* units and materials only: what `shpfit curves` needs from a config */
static int parse_materials_only(const cfg_ctx *c, const cJSON *root, shp_forward_problem *fp)
{
    if (!cJSON_IsObject(root)) return cfg_fail(c, "", "expected a JSON object at the top level, got %s", cfg_type_name(root));
    CFG_TRY(cfg_check_duplicates(c, root, ""));
    CFG_TRY(cfg_parse_units(c, root, fp));
    CFG_TRY(cfg_parse_materials(c, root, fp));
    return SHP_OK;
}

/* units and materials, parameters allowed missing: a curve fit's forward problem */
static int parse_curves(const cfg_ctx *c, const cJSON *root, shp_forward_problem *fp)
{
    fp->curves_only = 1;
    return parse_materials_only(c, root, fp);
}

static void free_config(void *root) { cJSON_Delete(root); }

typedef int (*parse_fn)(const cfg_ctx *, const cJSON *, shp_forward_problem *);

/* The problem of a parsed document, which it takes over (deleted on failure). */
static int load_root(const cfg_ctx *c, const char *path, cJSON *root, parse_fn parse,
                     shp_forward_problem **out)
{
    shp_forward_problem *fp = calloc(1, sizeof *fp);
    if (!fp || !(fp->path = strdup(path))) {
        free(fp);
        cJSON_Delete(root);
        cfg_fail(c, "", "out of memory");
        return SHP_ERR_NOMEM;
    }
    fp->config = root;
    fp->config_free = free_config;
    char *text = cJSON_PrintUnformatted(root);
    fp->config_hash = text ? shp_hash64(text, strlen(text), SHP_HASH_INIT) : SHP_HASH_INIT;
    cJSON_free(text);
    const int rc = parse(c, root, fp);
    if (rc != SHP_OK) {
        shp_forward_destroy(fp);
        return rc;
    }
    *out = fp;
    return SHP_OK;
}

static int load_with(const char *path, parse_fn parse, shp_forward_problem **out, char *err,
                     size_t errlen)
{
    const cfg_ctx c = {path ? path : "(null)", err, errlen};
    *out = NULL;
    if (err && errlen) err[0] = '\0';
    if (!path) return cfg_fail(&c, "", "no configuration file given");
    cJSON *root = NULL;
    const int lrc = cfg_load_json(&c, &root);
    if (lrc != SHP_OK) return lrc;
    return load_root(&c, path, root, parse, out);
}

static int load_parsed(const char *path, cJSON *root, parse_fn parse, shp_forward_problem **out,
                       char *err, size_t errlen)
{
    const cfg_ctx c = {path ? path : "(null)", err, errlen};
    *out = NULL;
    if (err && errlen) err[0] = '\0';
    if (!path || !root) {
        cJSON_Delete(root);
        return cfg_fail(&c, "", "no configuration given");
    }
    return load_root(&c, path, root, parse, out);
}

int cfg_forward_load_json(const char *path, cJSON *root, shp_forward_problem **out, char *err,
                          size_t errlen)
{
    return load_parsed(path, root, parse_all, out, err, errlen);
}

int cfg_curves_load_json(const char *path, cJSON *root, shp_forward_problem **out, char *err,
                         size_t errlen)
{
    return load_parsed(path, root, parse_curves, out, err, errlen);
}

shp_status shp_curves_load(const char *path, shp_forward_problem **out, char *err, size_t errlen)
{
    return load_with(path, parse_curves, out, err, errlen);
}

shp_status shp_forward_load(const char *path, shp_forward_problem **out, char *err, size_t errlen)
{
    return load_with(path, parse_all, out, err, errlen);
}

shp_status shp_materials_load(const char *path, shp_forward_problem **out, char *err, size_t errlen)
{
    return load_with(path, parse_materials_only, out, err, errlen);
}
