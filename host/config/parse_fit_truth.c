/* "fit.truth": the true materials a fit is compared with ("materials" = the config's,
 * or per-material overrides of them). */
#include <stdio.h>
#include <string.h>

#include "config/cfg_json.h"
#include "shpfit/fit.h"

shp_status shp_fit_truth(const shp_problem *pb, shp_material *truth, char *err, size_t len)
{
    const shp_forward_problem *fp = shp_problem_forward(pb);
    const cJSON *t = cfg_child(shp_problem_fit_config(pb), "truth");
    const cfg_ctx c = {shp_forward_source(fp), err, len};
    if (!t) {
        snprintf(err, len, "no fit.truth");
        return SHP_ERR_INVALID;
    }
    memcpy(truth, shp_forward_materials(fp), (size_t)shp_forward_n_materials(fp) * sizeof *truth);
    if (cJSON_IsString(t) && !strcmp(t->valuestring, "materials")) {
        if (!shp_problem_start_given(pb))
            return cfg_fail(&c, "fit.truth", "\"materials\": the materials leave fitted parameters out; give the "
                                             "true values as {\"material\": {\"parameter\": value}}");
        return SHP_OK;
    }
    if (!cJSON_IsObject(t))
        return cfg_fail(&c, "fit.truth", "expected \"materials\" or {\"material\": {\"param\": value}}");
    CFG_TRY(cfg_check_duplicates(&c, t, "fit.truth"));
    for (const cJSON *m = t->child; m; m = m->next) {
        if (m->string[0] == '_') continue;
        char path[CFG_PATH_MAX];
        cfg_path(path, sizeof path, "fit.truth", m->string);
        const int i = shp_forward_material_index(fp, m->string);
        if (i < 0) return cfg_fail(&c, path, "unknown material");
        if (!cJSON_IsObject(m)) return cfg_fail(&c, path, "expected an object of parameters");
        const shp_model_desc *d = shp_model_by_id(truth[i].model);
        CFG_TRY(cfg_check_duplicates(&c, m, path));
        unsigned named = 0;
        for (const cJSON *p = m->child; p; p = p->next) {
            char pp[CFG_PATH_MAX];
            cfg_path(pp, sizeof pp, path, p->string);
            const int k = shp_model_param_index(d, p->string);
            if (k < 0) return cfg_fail(&c, pp, "model %s has no such parameter", d->name);
            named |= 1u << k;
            CFG_TRY(cfg_number_item(&c, p, pp, &truth[i].p[k]));
            CFG_TRY(cfg_require_plausible(&c, pp, &d->params[k], shp_forward_length_unit(fp), shp_forward_time_unit(fp), truth[i].p[k]));
        }
        const unsigned lack = shp_problem_unset(pb, i) & ~named;
        for (int k = 0; k < d->n_params; ++k)
            if (lack >> k & 1u)
                return cfg_fail(&c, path, "give %s: the materials leave it out", d->params[k].name);
        char why[256];
        if (shp_model_validate(&truth[i], why, sizeof why) != SHP_OK) return cfg_fail(&c, path, "%s", why);
    }
    for (int i = 0; i < shp_forward_n_materials(fp); ++i) /* a material the truth does not name */
        if (shp_problem_unset(pb, i) && !cfg_child(t, shp_forward_material_name(fp, i)))
            return cfg_fail(&c, "fit.truth", "give the true values of %s: the materials leave fitted parameters "
                                             "out", shp_forward_material_name(fp, i));
    return SHP_OK;
}
