/* "roots": the root distribution over depth and the Feddes stress function of the
 * uptake that transpires the atmospheric top's T_p (docs/config.md, "roots").
 *
 *   "roots": {"depth": 40, "distribution": "linear", "feddes": "pasture"}
 *   "roots": {"distribution": "table", "table": [[0, 1], [30, 0.5], [60, 0]],
 *             "feddes": {"h1": -10, "h2": -25, "h3h": -200, "h3l": -800, "h4": -8000,
 *                        "r2h": 0.0003472, "r2l": 0.0000694}} */
#include <math.h>
#include <stdlib.h>

#include "config/cfg_sections.h"
#include "shpfit/roots.h"

static const char *const shape_names[] = {"uniform", "linear", "exponential", "table", NULL};

static int parse_feddes(const cfg_ctx *c, const cJSON *r, cfg_forward *fw)
{
    const cJSON *f = cfg_child(r, "feddes");
    if (!f) return cfg_fail(c, "roots.feddes", "missing required field: a crop name (pasture) or the heads "
                                               "{h1, h2, h3h, h3l, h4} and rates {r2h, r2l}");
    shp_feddes *fd = &fw->column.feddes;
    if (cJSON_IsString(f)) {
        if (shp_feddes_named(f->valuestring, fw->cm_per_length, fw->min_per_time, fd) == SHP_OK) return SHP_OK;
        char hint[96] = "";
        cfg_did_you_mean(hint, sizeof hint, cfg_suggest(f->valuestring, shp_feddes_names));
        return cfg_fail(c, "roots.feddes", "unknown crop \"%s\" (known: pasture, grass; or give the heads)%s",
                        f->valuestring, hint);
    }
    static const char *const keys[] = {"h1", "h2", "h3h", "h3l", "h4", "r2h", "r2l", NULL};
    if (!cJSON_IsObject(f))
        return cfg_fail(c, "roots.feddes", "expected a crop name or an object of heads, got %s", cfg_type_name(f));
    CFG_TRY(cfg_check_keys(c, f, "roots.feddes", keys));
    double *v[7] = {&fd->h1, &fd->h2, &fd->h3h, &fd->h3l, &fd->h4, &fd->r2h, &fd->r2l};
    for (int k = 0; k < 7; ++k) CFG_TRY(cfg_number(c, f, "roots.feddes", keys[k], 1, v[k], NULL));
    if (shp_feddes_check(fd) != SHP_OK)
        return cfg_fail(c, "roots.feddes",
                        "needs h4 < h3l <= h3h < h2 <= h1 <= 0 and r2h > r2l >= 0 (got h1 %g, h2 %g, h3h %g, h3l %g, "
                        "h4 %g, r2h %g, r2l %g)",
                        fd->h1, fd->h2, fd->h3h, fd->h3l, fd->h4, fd->r2h, fd->r2l);
    return SHP_OK;
}

int cfg_parse_roots(const cfg_ctx *c, const cJSON *root, cfg_forward *fw)
{
    static const char *const keys[] = {"depth", "distribution", "scale", "table", "feddes", NULL};
    const cJSON *r = NULL;
    CFG_TRY(cfg_object(c, root, "", "roots", 0, &r));
    if (!r) return SHP_OK;
    CFG_TRY(cfg_check_keys(c, r, "roots", keys));
    if (fw->column.top.type != SHP_BC_ATMOSPHERIC)
        return cfg_fail(c, "roots", "roots transpire the potential transpiration of an atmospheric top "
                                    "(\"top\": {\"type\": \"atmospheric\", ...})");
    const double bottom = fw->z[fw->column.n - 1];
    shp_root_distribution d = {0};
    d.shape = SHP_ROOTS_UNIFORM;
    CFG_TRY(cfg_choice(c, r, "roots", "distribution", shape_names, 0, &d.shape));
    double *tab = NULL;
    int rc = SHP_OK;
    if (d.shape == SHP_ROOTS_TABLE) {
        const cJSON *t = cfg_child(r, "table");
        if (cfg_child(r, "depth") || cfg_child(r, "scale"))
            return cfg_fail(c, "roots", "a \"table\" distribution takes its depth from the table: no depth or scale");
        if (!cJSON_IsArray(t) || cJSON_GetArraySize(t) < 2)
            return cfg_fail(c, "roots.table", "expected at least two [depth, density] pairs");
        d.n = cJSON_GetArraySize(t);
        tab = malloc(2 * (size_t)d.n * sizeof *tab);
        if (!tab) return cfg_fail(c, "roots.table", "out of memory");
        d.z = tab, d.b = tab + d.n;
        int k = 0;
        char p[CFG_PATH_MAX], pe[CFG_PATH_MAX];
        for (const cJSON *row = t->child; row && rc == SHP_OK; row = row->next, ++k) {
            cfg_path_index(p, sizeof p, "roots.table", k);
            if (!cJSON_IsArray(row) || cJSON_GetArraySize(row) != 2) {
                rc = cfg_fail(c, p, "expected a [depth, density] pair");
                break;
            }
            cfg_path_index(pe, sizeof pe, p, 0);
            rc = cfg_number_item(c, row->child, pe, &tab[k]);
            if (rc == SHP_OK) rc = cfg_require_ge(c, pe, tab[k], 0.0);
            if (rc == SHP_OK && tab[k] > bottom)
                rc = cfg_fail(c, pe, "depth %g is below the column's bottom at %g %s", tab[k], bottom, fw->length_unit);
            if (rc == SHP_OK && k > 0 && !(tab[k] > tab[k - 1]))
                rc = cfg_fail(c, pe, "depths must increase strictly (%g after %g)", tab[k], tab[k - 1]);
            cfg_path_index(pe, sizeof pe, p, 1);
            if (rc == SHP_OK) rc = cfg_number_item(c, row->child->next, pe, &tab[d.n + k]);
            if (rc == SHP_OK) rc = cfg_require_ge(c, pe, tab[d.n + k], 0.0);
        }
    } else {
        if (cfg_child(r, "table")) return cfg_fail(c, "roots.table", "only with \"distribution\": \"table\"");
        CFG_TRY(cfg_number(c, r, "roots", "depth", 1, &d.depth, NULL));
        CFG_TRY(cfg_require_gt(c, "roots.depth", d.depth, 0.0));
        if (d.depth > bottom)
            return cfg_fail(c, "roots.depth", "%g %s is below the column's bottom at %g %s", d.depth, fw->length_unit,
                            bottom, fw->length_unit);
        if (d.shape == SHP_ROOTS_EXPONENTIAL) {
            CFG_TRY(cfg_number(c, r, "roots", "scale", 1, &d.scale, NULL));
            CFG_TRY(cfg_require_gt(c, "roots.scale", d.scale, 0.0));
        } else if (cfg_child(r, "scale")) {
            return cfg_fail(c, "roots.scale", "only with \"distribution\": \"exponential\"");
        }
    }
    if (rc == SHP_OK && !(fw->root_w = malloc((size_t)fw->column.n * sizeof *fw->root_w)))
        rc = cfg_fail(c, "roots", "out of memory");
    if (rc == SHP_OK && shp_root_weights(&d, fw->column.n, fw->z, fw->root_w) != SHP_OK)
        rc = cfg_fail(c, "roots", "the distribution has no roots inside the column (all densities 0?)");
    free(tab);
    if (rc != SHP_OK) return rc;
    fw->column.root_w = fw->root_w;
    return parse_feddes(c, r, fw);
}
