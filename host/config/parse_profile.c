/* "profile": the node grid and the material of every node. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config/cfg_sections.h"

/* Material index by name, with the defined names in the error (typos are the usual cause). */
static int material_ref(const cfg_ctx *c, const shp_forward_problem *fp, const cJSON *obj,
                        const char *path, const char *key, int *out)
{
    const char *name = NULL;
    CFG_TRY(cfg_string(c, obj, path, key, 1, &name));
    *out = shp_forward_material_index(fp, name);
    if (*out >= 0) return SHP_OK;
    char p[CFG_PATH_MAX], list[256] = "";
    size_t used = 0;
    for (int i = 0; i < fp->n_materials && used < sizeof list; ++i) {
        const int w = snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "",
                               fp->material_names[i]);
        if (w > 0) used += (size_t)w;
    }
    cfg_path(p, sizeof p, path, key);
    return cfg_fail(c, p, "unknown material \"%s\" (defined in materials: %s)", name, list);
}

/* Layers top-down, each down to its bottom depth; a node exactly on a boundary belongs
 * to the upper layer, so a layer is (previous bottom, bottom]. */
static int parse_layers(const cfg_ctx *c, const cJSON *layers, shp_forward_problem *fp,
                        double depth)
{
    static const char *const keys[] = {"material", "bottom", NULL};
    const char *path = "profile.layers";
    if (!cJSON_IsArray(layers))
        return cfg_fail(c, path, "expected an array, got %s", cfg_type_name(layers));
    const int nl = cJSON_GetArraySize(layers);
    if (nl < 1) return cfg_fail(c, path, "must list at least one layer");
    const int n = fp->column.n;
    double top = 0.0;
    int i = 0, l = 0;
    char p[CFG_PATH_MAX], pb[CFG_PATH_MAX];
    for (const cJSON *it = layers->child; it; it = it->next, ++l) {
        cfg_path_index(p, sizeof p, path, l);
        if (!cJSON_IsObject(it)) return cfg_fail(c, p, "expected an object, got %s", cfg_type_name(it));
        CFG_TRY(cfg_check_keys(c, it, p, keys));
        int mat;
        double bottom;
        CFG_TRY(material_ref(c, fp, it, p, "material", &mat));
        CFG_TRY(cfg_number(c, it, p, "bottom", 1, &bottom, NULL));
        cfg_path(pb, sizeof pb, p, "bottom");
        if (!(bottom > top))
            return cfg_fail(c, pb, "layer bottoms must increase downward (%g after %g)", bottom, top);
        const int last = it->next == NULL;
        if (last && fabs(bottom - depth) <= 1e-12 * depth) bottom = depth; /* rounding only */
        if (bottom > depth)
            return cfg_fail(c, pb, "lies below the column (profile.depth = %g)", depth);
        if (last && bottom != depth)
            return cfg_fail(c, pb, "the last layer must reach profile.depth (%g, got %g)", depth, bottom);
        const int first = i;
        while (i < n && (fp->z[i] <= bottom || (last && i == n - 1))) fp->mat_of_node[i++] = mat;
        if (i == first)
            return cfg_fail(c, p, "no node lies in this layer (%g < depth <= %g); refine the grid",
                            top, bottom);
        top = bottom;
    }
    return SHP_OK;
}

int cfg_parse_profile(const cfg_ctx *c, const cJSON *root, shp_forward_problem *fp)
{
    static const char *const keys[] = {"depth", "nodes", "grid", "ratio", "layers", "material", NULL};
    static const char *const grids[] = {"uniform", "geometric", NULL};
    const char *path = "profile";
    const cJSON *pr;
    CFG_TRY(cfg_object(c, root, "", path, 1, &pr));
    CFG_TRY(cfg_check_keys(c, pr, path, keys));

    double depth = 0.0, ratio = 1.0;
    int nodes = 0, grid = 0, has_ratio;
    CFG_TRY(cfg_number(c, pr, path, "depth", 1, &depth, NULL));
    CFG_TRY(cfg_require_gt(c, "profile.depth", depth, 0.0));
    CFG_TRY(cfg_require_le(c, "profile.depth", depth, SHP_DEPTH_MAX_CM / fp->cm_per_length, SHP_DEPTH_MAX_TEXT));
    CFG_TRY(cfg_int(c, pr, path, "nodes", 1, 3, 10000000, &nodes));
    CFG_TRY(cfg_choice(c, pr, path, "grid", grids, 0, &grid));
    CFG_TRY(cfg_number(c, pr, path, "ratio", grid == 1, &ratio, &has_ratio));
    if (has_ratio) CFG_TRY(cfg_require_gt(c, "profile.ratio", ratio, 0.0));

    fp->z = malloc((size_t)nodes * sizeof *fp->z);
    fp->mat_of_node = malloc((size_t)nodes * sizeof *fp->mat_of_node);
    if (!fp->z || !fp->mat_of_node) return cfg_fail(c, path, "out of memory");
    if (grid == 1) shp_grid_geometric(nodes, depth, ratio, fp->z);
    else shp_grid_uniform(nodes, depth, fp->z);
    for (int i = 1; i < nodes; ++i) /* an extreme ratio can underflow the first spacing */
        if (!(fp->z[i] > fp->z[i - 1]))
            return cfg_fail(c, "profile.ratio", "gives a degenerate grid (spacing %g at node %d)",
                            fp->z[i] - fp->z[i - 1], i);
    fp->column.n = nodes;
    fp->column.z = fp->z;
    fp->column.mat_of_node = fp->mat_of_node;

    const cJSON *layers = cfg_child(pr, "layers");
    const int has_mat = cfg_child(pr, "material") != NULL;
    if (layers && has_mat)
        return cfg_fail(c, path, "give either \"material\" or \"layers\", not both");
    if (layers) return parse_layers(c, layers, fp, depth);
    if (!has_mat) return cfg_fail(c, "profile.layers", "missing required field");
    int mat;
    CFG_TRY(material_ref(c, fp, pr, path, "material", &mat));
    for (int i = 0; i < nodes; ++i) fp->mat_of_node[i] = mat;
    return SHP_OK;
}
