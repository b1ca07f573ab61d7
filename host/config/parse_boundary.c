/* "top" and "bottom": boundary type and its constant value or piecewise-constant table. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "config/cfg_sections.h"

typedef struct {
    const char *name;
    const char *const *types; /* config names, NULL-terminated */
    const int *bc;            /* the shp_bc_type of each name */
} side_desc;

static const char *const top_names[] = {"head", "flux", "zero_flux", "atmospheric", NULL};
static const int top_bc[] = {SHP_BC_HEAD, SHP_BC_FLUX, SHP_BC_ZERO_FLUX, SHP_BC_ATMOSPHERIC};
static const char *const bottom_names[] = {"free_drainage", "head", "zero_flux", "flux", "deep_drainage", NULL};
static const int bottom_bc[] = {SHP_BC_FREE_DRAINAGE, SHP_BC_HEAD, SHP_BC_ZERO_FLUX, SHP_BC_FLUX,
                                SHP_BC_DEEP_DRAINAGE};

static const side_desc sides[2] = {{"top", top_names, top_bc}, {"bottom", bottom_names, bottom_bc}};

/* Rows of the table, or 0 when there is none (its shape is checked when it is read). */
static int table_rows(const cJSON *obj)
{
    const cJSON *t = obj ? cfg_child(obj, "table") : NULL;
    return cJSON_IsArray(t) ? cJSON_GetArraySize(t) : 0;
}

/* A boundary head within the range of heads, a flux within what any rain or irrigation
 * gives (1e3 cm/min is 600 m/h). */
static int check_value(const cfg_ctx *c, const char *path, int type, const cfg_forward *fw, double v)
{
    if (type == SHP_BC_HEAD)
        return fabs(v) <= SHP_HEAD_MAX_CM / fw->cm_per_length
                   ? SHP_OK
                   : cfg_fail(c, path, "head %g is beyond %g %s (%s)", v, SHP_HEAD_MAX_CM / fw->cm_per_length,
                              fw->length_unit, SHP_HEAD_MAX_TEXT);
    const double qmax = SHP_FLUX_MAX_CM_MIN * fw->min_per_time / fw->cm_per_length;
    return fabs(v) <= qmax ? SHP_OK
                           : cfg_fail(c, path, "flux %g is beyond %g %s/%s (%s)", v, qmax, fw->length_unit,
                                      fw->time_unit, SHP_FLUX_MAX_TEXT);
}

/* table: [[t0, v0], [t1, v1], …], times ≥ 0 and strictly increasing; v_k holds from
 * t_k (and v0 also before t0). Written to t[], v[]. */
static int parse_table(const cfg_ctx *c, const cJSON *tab, const char *path, int type,
                       const cfg_forward *fw, double *t, double *v)
{
    if (!cJSON_IsArray(tab)) return cfg_fail(c, path, "expected an array of [time, value] pairs, got %s", cfg_type_name(tab));
    if (cJSON_GetArraySize(tab) < 1) return cfg_fail(c, path, "must not be empty");
    int k = 0;
    char p[CFG_PATH_MAX], pe[CFG_PATH_MAX];
    for (const cJSON *row = tab->child; row; row = row->next, ++k) {
        cfg_path_index(p, sizeof p, path, k);
        if (!cJSON_IsArray(row))
            return cfg_fail(c, p, "expected a [time, value] pair, got %s", cfg_type_name(row));
        if (cJSON_GetArraySize(row) != 2)
            return cfg_fail(c, p, "expected a [time, value] pair, got %d values",
                            cJSON_GetArraySize(row));
        cfg_path_index(pe, sizeof pe, p, 0);
        CFG_TRY(cfg_number_item(c, row->child, pe, &t[k]));
        CFG_TRY(cfg_require_ge(c, pe, t[k], 0.0));
        CFG_TRY(cfg_require_le(c, pe, t[k], SHP_TIME_MAX_MIN / fw->min_per_time, SHP_TIME_MAX_TEXT));
        if (k > 0 && !(t[k] > t[k - 1]))
            return cfg_fail(c, pe, "table times must be strictly increasing (%g after %g)", t[k], t[k - 1]);
        cfg_path_index(pe, sizeof pe, p, 1);
        CFG_TRY(cfg_number_item(c, row->child->next, pe, &v[k]));
        CFG_TRY(check_value(c, pe, type, fw, v[k]));
    }
    return SHP_OK;
}

/* "deep_drainage": q = a exp(b |h − h_ref|) downward, of the bottom head h. */
static int parse_deep_drainage(const cfg_ctx *c, const cJSON *obj, cfg_forward *fw)
{
    static const char *const keys[] = {"type", "a", "b", "h_ref", NULL};
    CFG_TRY(cfg_check_keys(c, obj, "bottom", keys));
    shp_column *col = &fw->column;
    CFG_TRY(cfg_number(c, obj, "bottom", "a", 1, &col->drain_a, NULL));
    CFG_TRY(check_value(c, "bottom.a", SHP_BC_FLUX, fw, col->drain_a));
    CFG_TRY(cfg_number(c, obj, "bottom", "b", 1, &col->drain_b, NULL));
    CFG_TRY(cfg_require_le(c, "bottom.b", fabs(col->drain_b), 1.0 * fw->cm_per_length, "|b| of 1 /cm"));
    CFG_TRY(cfg_number(c, obj, "bottom", "h_ref", 1, &col->drain_h_ref, NULL));
    return check_value(c, "bottom.h_ref", SHP_BC_HEAD, fw, col->drain_h_ref);
}

static int parse_side(const cfg_ctx *c, const cJSON *obj, const side_desc *sd,
                      cfg_forward *fw, double *tab_space, shp_bc *bc)
{
    static const char *const keys_none[] = {"type", NULL};
    static const char *const keys_value[] = {"type", "value", "table", NULL};
    int ti = 0;
    CFG_TRY(cfg_choice(c, obj, sd->name, "type", sd->types, 1, &ti));
    bc->type = sd->bc[ti];
    bc->value = 0.0;
    bc->n = 0;
    bc->t = bc->v = NULL;
    if (bc->type == SHP_BC_ATMOSPHERIC) return SHP_OK; /* cfg_parse_atmosphere reads the rest */
    if (bc->type == SHP_BC_DEEP_DRAINAGE) return parse_deep_drainage(c, obj, fw);
    /* zero flux and free drainage take no value: one given is a misunderstanding */
    const int valued = bc->type == SHP_BC_HEAD || bc->type == SHP_BC_FLUX;
    CFG_TRY(cfg_check_keys(c, obj, sd->name, valued ? keys_value : keys_none));
    if (!valued) return SHP_OK;
    const cJSON *tab = cfg_child(obj, "table");
    const int has_value = cfg_child(obj, "value") != NULL;
    char p[CFG_PATH_MAX];
    if (tab && has_value) return cfg_fail(c, sd->name, "give either \"value\" or \"table\", not both");
    if (!tab && !has_value) {
        cfg_path(p, sizeof p, sd->name, "value");
        return cfg_fail(c, p, "missing required field (or give a \"table\")");
    }
    if (!tab) {
        CFG_TRY(cfg_number(c, obj, sd->name, "value", 1, &bc->value, NULL));
        cfg_path(p, sizeof p, sd->name, "value");
        return check_value(c, p, bc->type, fw, bc->value);
    }
    cfg_path(p, sizeof p, sd->name, "table");
    const int rows = table_rows(obj);
    /* no rows: no space was made, and NULL + 0 is undefined; parse_table says why */
    CFG_TRY(parse_table(c, tab, p, bc->type, fw, tab_space, rows ? tab_space + rows : NULL));
    bc->n = rows;
    bc->t = tab_space;
    bc->v = tab_space + rows;
    bc->value = bc->v[0];
    return SHP_OK;
}

int cfg_parse_boundaries(const cfg_ctx *c, const cJSON *root, cfg_forward *fw)
{
    const cJSON *obj[2];
    for (int s = 0; s < 2; ++s) CFG_TRY(cfg_object(c, root, "", sides[s].name, 1, &obj[s]));
    /* both tables share one owned block, sized before either is read */
    const int rows[2] = {table_rows(obj[0]), table_rows(obj[1])};
    if (rows[0] + rows[1] > 0) {
        fw->bc_table = malloc(2 * (size_t)(rows[0] + rows[1]) * sizeof *fw->bc_table);
        if (!fw->bc_table) return cfg_fail(c, "top", "out of memory");
    }
    CFG_TRY(parse_side(c, obj[0], &sides[0], fw, fw->bc_table, &fw->column.top));
    CFG_TRY(parse_side(c, obj[1], &sides[1], fw, fw->bc_table ? fw->bc_table + 2 * rows[0] : NULL,
                       &fw->column.bottom));
    return fw->column.top.type == SHP_BC_ATMOSPHERIC ? cfg_parse_atmosphere(c, root, obj[0], fw) : SHP_OK;
}
