/* shp_forward_load: read the file, parse the JSON, run the section parsers in order
 * into a draft, and hand it to shp_forward_create only when every check has passed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config/cfg_sections.h"
#include "shpfit/journal.h"

static int parse_all(const cfg_ctx *c, const cJSON *root, cfg_forward *fw)
{
    /* Unknown top-level keys are left alone: other commands (fit, synth) add their own
     * sections to the same file. Inside the sections below every key is checked. */
    if (!cJSON_IsObject(root)) return cfg_fail(c, "", "expected a JSON object at the top level, got %s", cfg_type_name(root));
    CFG_TRY(cfg_check_duplicates(c, root, ""));
    CFG_TRY(cfg_parse_units(c, root, fw));
    CFG_TRY(cfg_parse_materials(c, root, fw));
    CFG_TRY(cfg_parse_profile(c, root, fw));
    CFG_TRY(cfg_parse_initial(c, root, fw));
    CFG_TRY(cfg_parse_boundaries(c, root, fw));
    CFG_TRY(cfg_parse_roots(c, root, fw));
    CFG_TRY(cfg_parse_solver(c, root, fw));
    CFG_TRY(cfg_parse_output(c, root, fw));
    return cfg_check_forcing_span(c, fw, fw->column.n_out ? fw->t_out[fw->column.n_out - 1] : 0.0, "output.times");
}

/* units and materials only: what `shpfit curves` needs from a config */
static int parse_materials_only(const cfg_ctx *c, const cJSON *root, cfg_forward *fw)
{
    if (!cJSON_IsObject(root)) return cfg_fail(c, "", "expected a JSON object at the top level, got %s", cfg_type_name(root));
    CFG_TRY(cfg_check_duplicates(c, root, ""));
    CFG_TRY(cfg_parse_units(c, root, fw));
    CFG_TRY(cfg_parse_materials(c, root, fw));
    return SHP_OK;
}

/* units and materials, parameters allowed missing: a curve fit's forward problem */
static int parse_curves(const cfg_ctx *c, const cJSON *root, cfg_forward *fw)
{
    fw->curves_only = 1;
    return parse_materials_only(c, root, fw);
}

static void free_config(void *root) { cJSON_Delete(root); }

typedef int (*parse_fn)(const cfg_ctx *, const cJSON *, cfg_forward *);

int cfg_forward_material(const cfg_forward *fw, const char *name)
{
    for (int i = 0; name && i < fw->n_materials; ++i)
        if (strcmp(fw->material_names[i], name) == 0) return i;
    return -1;
}

void cfg_forward_clear(cfg_forward *fw)
{
    for (int i = 0; fw->material_names && i < fw->n_materials; ++i) free(fw->material_names[i]);
    void *owned[] = {fw->material_names, fw->materials, fw->missing, fw->z, fw->mat_of_node, fw->h_init,
                     fw->init_value, fw->t_out, fw->obs_depth, fw->obs_node, fw->obs_w, fw->bc_table,
                     fw->forcing, fw->root_w};
    for (size_t k = 0; k < sizeof owned / sizeof *owned; ++k) free(owned[k]);
    memset(fw, 0, sizeof *fw);
}

/* The spec of a parsed configuration: its arrays stay the draft's. */
static shp_forward_spec spec_of(const cfg_forward *fw)
{
    return (shp_forward_spec){
        .length_unit = fw->length_unit,
        .time_unit = fw->time_unit,
        .n_materials = fw->n_materials,
        .material_names = (const char *const *)fw->material_names,
        .materials = fw->materials,
        .missing = fw->missing,
        .column = fw->column,
        .n_obs_depth = fw->column.n_obs,
        .obs_depth = fw->obs_depth,
        .init_var = fw->init_var,
        .init_values = fw->init_value,
        .n_forcing = fw->n_forcing,
        .forcing = fw->forcing,
        .forcing_end = fw->forcing_end,
        .source = fw->path,
    };
}

/* The problem of a parsed document, which it takes over (deleted on failure): the
 * sections parsed into a draft, then built as any problem built in code. */
static int load_root(const cfg_ctx *c, const char *path, cJSON *root, parse_fn parse,
                     shp_forward_problem **out)
{
    cfg_forward fw = {.path = path};
    int rc = parse(c, root, &fw);
    if (rc == SHP_OK) {
        shp_forward_spec spec = spec_of(&fw);
        char *text = cJSON_PrintUnformatted(root);
        spec.config_hash = text ? shp_hash64(text, strlen(text), SHP_HASH_INIT) : SHP_HASH_INIT;
        cJSON_free(text);
        spec.config = root;
        spec.config_free = free_config;
        root = NULL; /* taken over by shp_forward_create */
        char why[512];
        rc = shp_forward_create(&spec, out, why, sizeof why);
        if (rc != SHP_OK) cfg_fail(c, "", "%s", why);
    }
    cJSON_Delete(root);
    cfg_forward_clear(&fw);
    return rc == SHP_OK ? SHP_OK : rc == SHP_ERR_NOMEM ? rc : SHP_ERR_CONFIG;
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
