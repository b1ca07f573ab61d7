/* "units" and "materials": the labels every number is read in, and one shp_material
 * per named material, checked against the model registry (shpfit/models.h). */
#define _POSIX_C_SOURCE 200809L /* strdup */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config/cfg_sections.h"

int cfg_parse_units(const cfg_ctx *c, const cJSON *root, cfg_forward *fw)
{
    static const char *const keys[] = {"length", "time", NULL};
    const char *const *lengths = cfg_length_units, *const *times = cfg_time_units;
    const cJSON *u;
    int il = 1, it = 1; /* cm, min */
    CFG_TRY(cfg_object(c, root, "", "units", 0, &u));
    if (u) {
        CFG_TRY(cfg_check_keys(c, u, "units", keys));
        CFG_TRY(cfg_choice(c, u, "units", "length", lengths, 0, &il));
        CFG_TRY(cfg_choice(c, u, "units", "time", times, 0, &it));
    }
    snprintf(fw->length_unit, sizeof fw->length_unit, "%s", lengths[il]);
    snprintf(fw->time_unit, sizeof fw->time_unit, "%s", times[it]);
    fw->cm_per_length = shp_length_unit_cm(lengths[il]);
    fw->min_per_time = shp_time_unit_min(times[it]);
    return SHP_OK;
}

/* One material object: model first (it decides which keys are valid), then each
 * parameter's own range, then the constraints between parameters. Units must have
 * been parsed (defaults are converted to them). */
static int parse_material(const cfg_ctx *c, const cJSON *obj, const char *path,
                          const cfg_forward *fw, shp_material *mat, unsigned *missing)
{
    if (!cJSON_IsObject(obj)) return cfg_fail(c, path, "expected an object, got %s", cfg_type_name(obj));
    const char *mname = NULL;
    CFG_TRY(cfg_string(c, obj, path, "model", 1, &mname));
    const shp_model_desc *m = shp_model_find(mname);
    if (!m) {
        char p[CFG_PATH_MAX], names[512];
        cfg_path(p, sizeof p, path, "model");
        char dym[96];
        cfg_did_you_mean(dym, sizeof dym, cfg_suggest_model(mname));
        return cfg_fail(c, p, "unknown model \"%s\" (%svalid: %s)", mname, dym,
                        shp_model_names(names, sizeof names));
    }
    const char *keys[SHP_MAX_PARAMS + 3];
    int nk = 0;
    keys[nk++] = "model";
    keys[nk++] = "Ss";
    for (int k = 0; k < m->n_params; ++k) keys[nk++] = m->params[k].name;
    keys[nk] = NULL;
    CFG_TRY(cfg_check_keys(c, obj, path, keys));

    /* defaults are stored in cm and min: into this config's units */
    shp_model_material_init(m, mat);
    for (int k = 0; k < m->n_params; ++k)
        mat->p[k] *= shp_param_unit_factor(&m->params[k], fw->cm_per_length, fw->min_per_time);
    char p[CFG_PATH_MAX], why[160];
    for (int k = 0; k < m->n_params; ++k) {
        const shp_param_info *pi = &m->params[k];
        if (fw->curves_only && !pi->has_default && !cfg_child(obj, pi->name)) {
            /* the curve fit fits it or finds it undetermined (problem_params.c) */
            *missing |= 1u << k;
            continue;
        }
        CFG_TRY(cfg_number(c, obj, path, pi->name, !pi->has_default, &mat->p[k], NULL));
        cfg_path(p, sizeof p, path, pi->name);
        if (shp_param_check(pi, mat->p[k], why, sizeof why) != SHP_OK) return cfg_fail(c, p, "%s", why);
        CFG_TRY(cfg_require_plausible(c, p, pi, fw->length_unit, fw->time_unit, mat->p[k]));
    }
    CFG_TRY(cfg_number(c, obj, path, "Ss", 0, &mat->Ss, NULL));
    cfg_path(p, sizeof p, path, "Ss");
    CFG_TRY(cfg_require_ge(c, p, mat->Ss, 0.0));
    /* specific storage: water 4.6e-8 /cm, soils 1e-6 to 1e-3 /cm */
    CFG_TRY(cfg_require_le(c, p, mat->Ss, 1.0 / fw->cm_per_length, "1 /cm"));
    /* with parameters missing, the constraints between them wait for their values */
    if (!*missing && shp_model_first_invalid(mat, why, sizeof why) >= 0) return cfg_fail(c, path, "%s", why);
    return SHP_OK;
}

int cfg_parse_materials(const cfg_ctx *c, const cJSON *root, cfg_forward *fw)
{
    const cJSON *ms;
    CFG_TRY(cfg_object(c, root, "", "materials", 1, &ms));
    int n = 0;
    for (const cJSON *it = ms->child; it; it = it->next) n += it->string[0] != '_';
    if (n == 0) return cfg_fail(c, "materials", "must define at least one material");
    fw->materials = calloc((size_t)n, sizeof *fw->materials);
    fw->material_names = calloc((size_t)n, sizeof *fw->material_names);
    fw->missing = calloc((size_t)n, sizeof *fw->missing);
    if (!fw->materials || !fw->material_names || !fw->missing) return cfg_fail(c, "materials", "out of memory");
    for (const cJSON *it = ms->child; it; it = it->next) {
        if (it->string[0] == '_') continue;
        char p[CFG_PATH_MAX];
        cfg_path(p, sizeof p, "materials", it->string);
        if (cfg_forward_material(fw, it->string) >= 0)
            return cfg_fail(c, p, "material defined twice");
        if (!it->string[0] || strlen(it->string) > 64)
            return cfg_fail(c, p, "a material name has 1 to 64 characters");
        if (strchr(it->string, '.'))
            return cfg_fail(c, p, "a material name has no '.' (a fit names a parameter material.parameter)");
        const int i = fw->n_materials;
        CFG_TRY(parse_material(c, it, p, fw, &fw->materials[i], &fw->missing[i]));
        shp_hyd_prepare(&fw->materials[i]);
        fw->material_names[i] = strdup(it->string);
        if (!fw->material_names[i]) return cfg_fail(c, p, "out of memory");
        fw->n_materials = i + 1;
    }
    return SHP_OK;
}
