/* "profile": the node grid and the material of every node. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config/cfg_sections.h"

/* Material index by name, with the defined names in the error (typos are the usual cause). */
static int material_ref(const cfg_ctx *c, const cfg_forward *fw, const cJSON *obj,
                        const char *path, const char *key, int *out)
{
    const char *name = NULL;
    CFG_TRY(cfg_string(c, obj, path, key, 1, &name));
    *out = cfg_forward_material(fw, name);
    if (*out >= 0) return SHP_OK;
    char p[CFG_PATH_MAX], list[256] = "";
    size_t used = 0;
    for (int i = 0; i < fw->n_materials && used < sizeof list; ++i) {
        const int w = snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "",
                               fw->material_names[i]);
        if (w > 0) used += (size_t)w;
    }
    cfg_path(p, sizeof p, path, key);
    return cfg_fail(c, p, "unknown material \"%s\" (defined in materials: %s)", name, list);
}

/* Layers top-down, each down to its bottom depth; a node exactly on a boundary belongs
 * to the upper layer, so a layer is (previous bottom, bottom]. The last layer may leave
 * out its bottom (profile.depth); profile.depth may be left out for the last bottom
 * (has_depth = 0): the depth is stated once, or twice alike. */
static int parse_layers(const cfg_ctx *c, const cJSON *layers, cfg_forward *fw,
                        double depth, int has_depth)
{
    static const char *const keys[] = {"material", "bottom", NULL};
    const char *path = "profile.layers";
    const int n = fw->column.n;
    double top = 0.0;
    int i = 0, l = 0;
    char p[CFG_PATH_MAX], pb[CFG_PATH_MAX];
    for (const cJSON *it = layers->child; it; it = it->next, ++l) {
        cfg_path_index(p, sizeof p, path, l);
        if (!cJSON_IsObject(it)) return cfg_fail(c, p, "expected an object, got %s", cfg_type_name(it));
        CFG_TRY(cfg_check_keys(c, it, p, keys));
        const int last = it->next == NULL;
        int mat, has_bottom;
        double bottom = depth;
        CFG_TRY(material_ref(c, fw, it, p, "material", &mat));
        CFG_TRY(cfg_number(c, it, p, "bottom", !last, &bottom, &has_bottom));
        cfg_path(pb, sizeof pb, p, "bottom");
        if (!(bottom > top))
            return cfg_fail(c, pb, "layer bottoms must increase downward (%g after %g)", bottom, top);
        if (last && has_bottom && fabs(bottom - depth) <= 1e-12 * depth) bottom = depth; /* rounding only */
        if (last && bottom != depth)
            return cfg_fail(c, pb, "the last layer must reach profile.depth exactly (%g, got %g): give "
                                   "one of the two, or equal values", depth, bottom);
        if (bottom > depth)
            return has_depth ? cfg_fail(c, pb, "lies below the column (profile.depth = %g)", depth)
                             : cfg_fail(c, pb, "lies below the last layer's bottom (%g)", depth);
        const int first = i;
        while (i < n && (fw->z[i] <= bottom || (last && i == n - 1))) fw->mat_of_node[i++] = mat;
        if (i == first)
            return cfg_fail(c, p, "no node lies in this layer (%g < depth <= %g); refine the grid",
                            top, bottom);
        top = bottom;
    }
    return SHP_OK;
}

/* The column depth: profile.depth, or else the last layer's bottom. */
static int column_depth(const cfg_ctx *c, const cJSON *pr, const cJSON *layers,
                        const cfg_forward *fw, double *depth, int *has_depth)
{
    const char *path = "profile";
    char p[CFG_PATH_MAX], pb[CFG_PATH_MAX];
    CFG_TRY(cfg_number(c, pr, path, "depth", 0, depth, has_depth));
    snprintf(pb, sizeof pb, "profile.depth");
    if (!*has_depth) {
        const int nl = cJSON_IsArray(layers) ? cJSON_GetArraySize(layers) : 0;
        const cJSON *last = nl > 0 ? cJSON_GetArrayItem(layers, nl - 1) : NULL;
        if (!last || !cJSON_IsObject(last) || !cfg_child(last, "bottom")) {
            if (nl < 1) return cfg_fail(c, pb, "missing required field");
            return cfg_fail(c, pb, "missing required field (or give the last layer's bottom, "
                                   "profile.layers[%d].bottom)", nl - 1);
        }
        cfg_path_index(p, sizeof p, "profile.layers", nl - 1);
        CFG_TRY(cfg_number(c, last, p, "bottom", 1, depth, NULL));
        cfg_path(pb, sizeof pb, p, "bottom");
    }
    CFG_TRY(cfg_require_gt(c, pb, *depth, 0.0));
    return cfg_require_le(c, pb, *depth, SHP_DEPTH_MAX_CM / fw->cm_per_length, SHP_DEPTH_MAX_TEXT);
}

enum { GRID_UNIFORM, GRID_GEOMETRIC, GRID_GRADED, GRID_NODES };
#define NODES_MAX 10000000L
#define NODES_MAX_TEXT "10000000"

/* Node count and spacing of the grid, with "refine" applied: f multiplies the intervals
 * of uniform and geometric (the geometric ratio becomes ratio^(1/f)) and divides dz_top
 * and dz_max of graded (ratio^(1/f) again), so that each scheme maps onto itself. */
static int grid_spec(const cfg_ctx *c, const cJSON *pr, double depth, int *grid, int *nodes,
                     double *ratio, double *dz_top, double *dz_max)
{
    static const char *const grids[] = {"uniform", "geometric", "graded", "nodes", NULL};
    const char *path = "profile";
    double refine = 1.0;
    int has_ratio, has_refine;
    CFG_TRY(cfg_choice(c, pr, path, "grid", grids, 0, grid));
    if (*grid == GRID_NODES) return SHP_OK; /* explicit_nodes() checks its keys */
    CFG_TRY(cfg_number(c, pr, path, "refine", 0, &refine, &has_refine));
    if (has_refine) CFG_TRY(cfg_require_ge(c, "profile.refine", refine, 1.0));
    CFG_TRY(cfg_number(c, pr, path, "ratio", *grid != GRID_UNIFORM, ratio, &has_ratio));

    if (*grid != GRID_GRADED) {
        for (const char *const *k = (const char *const[]){"dz_top", "dz_max", NULL}; *k; ++k)
            if (cfg_child(pr, *k)) {
                char p[CFG_PATH_MAX];
                cfg_path(p, sizeof p, path, *k);
                return cfg_fail(c, p, "only used with grid \"graded\" (grid is \"%s\")", grids[*grid]);
            }
        if (has_ratio) CFG_TRY(cfg_require_gt(c, "profile.ratio", *ratio, 0.0));
        CFG_TRY(cfg_int(c, pr, path, "nodes", 1, 3, (int)NODES_MAX, nodes));
        const double intervals = round((double)(*nodes - 1) * refine);
        if (!(intervals < (double)NODES_MAX))
            return cfg_fail(c, "profile.refine", "gives %.0f nodes ((nodes - 1) x refine + 1), more than "
                            NODES_MAX_TEXT, intervals + 1.0);
        *nodes = (int)intervals + 1;
        *ratio = pow(*ratio, 1.0 / refine);
        return SHP_OK;
    }

    if (cfg_child(pr, "nodes"))
        return cfg_fail(c, "profile.nodes", "not used with grid \"graded\": the nodes follow from dz_top, "
                        "ratio and dz_max (leave it out)");
    CFG_TRY(cfg_number(c, pr, path, "dz_top", 1, dz_top, NULL));
    CFG_TRY(cfg_number(c, pr, path, "dz_max", 1, dz_max, NULL));
    CFG_TRY(cfg_require_gt(c, "profile.dz_top", *dz_top, 0.0));
    CFG_TRY(cfg_require_le(c, "profile.dz_top", *dz_top, *dz_max, "profile.dz_max"));
    CFG_TRY(cfg_require_le(c, "profile.dz_max", *dz_max, depth, "the column depth"));
    CFG_TRY(cfg_require_ge(c, "profile.ratio", *ratio, 1.0));
    /* a cell more than twice the one above costs the three-point fluxes their accuracy */
    CFG_TRY(cfg_require_le(c, "profile.ratio", *ratio, 2.0, "each cell at most twice the one above"));
    *dz_top /= refine;
    *dz_max /= refine;
    *ratio = pow(*ratio, 1.0 / refine);
    const long n = shp_grid_graded_nodes(depth, *dz_top, *ratio, *dz_max, NODES_MAX);
    if (n < 1 || n > NODES_MAX) {
        const char *field = has_refine && refine > 1.0 ? "profile.refine" : "profile.dz_max";
        return cfg_fail(c, field, "the graded grid needs more than " NODES_MAX_TEXT " nodes (dz_top %g, "
                        "ratio %g, dz_max %g after refine %g); raise dz_max or dz_top", *dz_top, *ratio,
                        *dz_max, refine);
    }
    if (n < 3)
        return cfg_fail(c, "profile.dz_max", "gives a grid of %ld nodes, at least 3 are needed; lower "
                        "dz_max (%g) below half the depth (%g)", n, *dz_max, depth);
    *nodes = (int)n;
    return SHP_OK;
}

/* grid "nodes": the depths of the nodes themselves (an imported HYDRUS grid), 0 first,
 * strictly increasing, the last at the column depth; refine and the keys of the other
 * grids do not apply. */
static int explicit_nodes(const cfg_ctx *c, const cJSON *pr, double depth, double **z, int *nodes)
{
    static const char *const other[] = {"nodes", "ratio", "dz_top", "dz_max", "refine", NULL};
    char p[CFG_PATH_MAX];
    for (const char *const *k = other; *k; ++k)
        if (cfg_child(pr, *k)) {
            cfg_path(p, sizeof p, "profile", *k);
            return cfg_fail(c, p, "not used with grid \"nodes\" (the nodes are listed in profile.z)");
        }
    const cJSON *a = cfg_child(pr, "z");
    if (!a) return cfg_fail(c, "profile.z", "missing required field (grid \"nodes\")");
    if (!cJSON_IsArray(a)) return cfg_fail(c, "profile.z", "expected an array, got %s", cfg_type_name(a));
    const int n = cJSON_GetArraySize(a);
    if (n < 3 || n > NODES_MAX) return cfg_fail(c, "profile.z", "needs 3 to " NODES_MAX_TEXT " depths (got %d)", n);
    *z = malloc((size_t)n * sizeof **z);
    if (!*z) return cfg_fail(c, "profile.z", "out of memory");
    int i = 0;
    for (const cJSON *it = a->child; it; it = it->next, ++i) {
        cfg_path_index(p, sizeof p, "profile.z", i);
        if (!cJSON_IsNumber(it) || !isfinite(it->valuedouble))
            return cfg_fail(c, p, "expected a finite number, got %s", cfg_type_name(it));
        (*z)[i] = it->valuedouble;
        if (i == 0 && (*z)[0] != 0.0) return cfg_fail(c, p, "the first node must be at the surface, 0 (got %g)", (*z)[0]);
        if (i > 0 && !((*z)[i] > (*z)[i - 1]))
            return cfg_fail(c, p, "depths must increase strictly (%g after %g)", (*z)[i], (*z)[i - 1]);
    }
    if (fabs((*z)[n - 1] - depth) > 1e-12 * depth)
        return cfg_fail(c, p, "the last node must be at the column depth %g (got %g)", depth, (*z)[n - 1]);
    (*z)[n - 1] = depth; /* rounding only */
    *nodes = n;
    return SHP_OK;
}

int cfg_parse_profile(const cfg_ctx *c, const cJSON *root, cfg_forward *fw)
{
    static const char *const keys[] = {"depth", "nodes", "grid", "ratio", "dz_top", "dz_max", "refine",
                                       "layers", "material", "z", NULL};
    const char *path = "profile";
    const cJSON *pr;
    CFG_TRY(cfg_object(c, root, "", path, 1, &pr));
    CFG_TRY(cfg_check_keys(c, pr, path, keys));

    const cJSON *layers = cfg_child(pr, "layers");
    const int has_mat = cfg_child(pr, "material") != NULL;
    if (layers && has_mat)
        return cfg_fail(c, path, "give either \"material\" or \"layers\", not both");
    if (layers && !cJSON_IsArray(layers))
        return cfg_fail(c, "profile.layers", "expected an array, got %s", cfg_type_name(layers));
    if (layers && cJSON_GetArraySize(layers) < 1)
        return cfg_fail(c, "profile.layers", "must list at least one layer");

    double depth = 0.0, ratio = 1.0, dz_top = 0.0, dz_max = 0.0;
    int has_depth, nodes = 0, grid = GRID_UNIFORM;
    CFG_TRY(column_depth(c, pr, layers, fw, &depth, &has_depth));
    CFG_TRY(grid_spec(c, pr, depth, &grid, &nodes, &ratio, &dz_top, &dz_max));
    if (grid != GRID_NODES && cfg_child(pr, "z"))
        return cfg_fail(c, "profile.z", "only used with grid \"nodes\"");
    if (grid == GRID_NODES) CFG_TRY(explicit_nodes(c, pr, depth, &fw->z, &nodes));

    if (!fw->z) fw->z = malloc((size_t)nodes * sizeof *fw->z);
    fw->mat_of_node = malloc((size_t)nodes * sizeof *fw->mat_of_node);
    if (!fw->z || !fw->mat_of_node) return cfg_fail(c, path, "out of memory");
    if (grid == GRID_GRADED) shp_grid_graded(nodes, depth, dz_top, ratio, dz_max, fw->z);
    else if (grid == GRID_GEOMETRIC) shp_grid_geometric(nodes, depth, ratio, fw->z);
    else if (grid == GRID_UNIFORM) shp_grid_uniform(nodes, depth, fw->z);
    for (int i = 1; i < nodes; ++i) /* an extreme ratio can underflow the first spacing */
        if (!(fw->z[i] > fw->z[i - 1]))
            return cfg_fail(c, grid == GRID_UNIFORM ? "profile.nodes" : "profile.ratio",
                            "gives a degenerate grid (spacing %g at node %d)", fw->z[i] - fw->z[i - 1], i);
    fw->column.n = nodes;
    fw->column.z = fw->z;
    fw->column.mat_of_node = fw->mat_of_node;

    if (layers) return parse_layers(c, layers, fw, depth, has_depth);
    if (!has_mat) return cfg_fail(c, "profile.layers", "missing required field");
    int mat;
    CFG_TRY(material_ref(c, fw, pr, path, "material", &mat));
    for (int i = 0; i < nodes; ++i) fw->mat_of_node[i] = mat;
    return SHP_OK;
}
