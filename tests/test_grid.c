/* Node grids (host/column/grid.c) and the "profile" section that builds them
 * (docs/config.md): the graded grid's cells, the "refine" knob of every scheme, the
 * depth given once or twice alike, and a bad field named in the message. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shpfit/config.h"
#include "shpfit/column.h"
#include "shpfit/forward.h"
#include "test_util.h"

/* the graded grid of these parameters (node count from shp_grid_graded_nodes) */
static double *graded(double depth, double dz_top, double ratio, double dz_max, int *n)
{
    const long nn = shp_grid_graded_nodes(depth, dz_top, ratio, dz_max, 10000000L);
    cr_assert(nn >= 2 && nn <= 10000000L, "node count %ld", nn);
    double *z = malloc((size_t)nn * sizeof *z);
    cr_assert_not_null(z);
    shp_grid_graded((int)nn, depth, dz_top, ratio, dz_max, z);
    *n = (int)nn;
    return z;
}

/* cells start at dz_top, never decrease, grow by at most ratio, stay within dz_max and
 * end exactly at the depth; the largest cell is returned */
static double check_graded(double depth, double dz_top, double ratio, double dz_max)
{
    int n;
    double *z = graded(depth, dz_top, ratio, dz_max, &n);
    const char *what = "grid";
    char buf[160];
    snprintf(buf, sizeof buf, "depth %g dz_top %g ratio %g dz_max %g (%d nodes)", depth, dz_top, ratio,
             dz_max, n);
    what = buf;
    cr_expect_eq(z[0], 0.0, "%s", what);
    cr_expect_eq(z[n - 1], depth, "%s: ends at %.17g", what, z[n - 1]);
    cr_expect(fabs((z[1] - z[0]) - dz_top) <= 1e-12 * dz_top, "%s: first cell %.17g", what, z[1]);
    double big = 0.0;
    for (int k = 0; k + 1 < n; ++k) {
        const double dz = z[k + 1] - z[k];
        cr_expect(dz > 0.0, "%s: cell %d is %g", what, k, dz);
        cr_expect(dz <= dz_max * (1.0 + 1e-9), "%s: cell %d is %.17g > dz_max", what, k, dz);
        if (k > 0) {
            const double above = z[k] - z[k - 1];
            cr_expect(dz >= above * (1.0 - 1e-9), "%s: cell %d (%g) shorter than the one above (%g)",
                      what, k, dz, above);
            cr_expect(dz <= above * ratio * (1.0 + 1e-9), "%s: cell %d grows by %g > ratio", what, k,
                      dz / above);
        }
        if (dz > big) big = dz;
    }
    /* the count is the least that reaches the depth: one cell fewer at the cap falls short */
    double nominal = 0.0, g = dz_top;
    for (int k = 0; k + 2 < n; ++k, g *= ratio) nominal += g < dz_max ? g : dz_max;
    cr_expect(nominal < depth * (1.0 - 1e-12), "%s: %d cells would do (%.17g)", what, n - 2, nominal);
    free(z);
    return big;
}

Test(grid, graded_cells_are_bounded_monotone_and_end_at_depth)
{
    check_graded(100.0, 0.1, 1.1, 2.0);
    check_graded(100.0, 0.05, 1.05, 1.0);
    check_graded(100.0, 0.3, 1.2, 5.0);
    check_graded(100.0, 0.1, 1.1, 100.0); /* no cap within the depth: the tail is flattened */
    check_graded(30.0, 0.01, 1.3, 3.0);
    check_graded(1.0, 1e-4, 1.5, 0.1);
    check_graded(100.0, 0.2, 1.08, 0.2 * pow(1.08, 20)); /* the cap on a geometric cell */
    check_graded(100.0, 1.0, 1.0, 4.0); /* ratio 1 and dz_top dividing the depth: uniform */
}

Test(grid, graded_falls_back_to_uniform_when_the_cells_cannot_grow)
{
    int n;
    double *z = graded(100.0, 3.0, 1.1, 3.0, &n); /* dz_top = dz_max, 100/3 is not whole */
    cr_expect_eq(n, 35);
    for (int k = 0; k + 1 < n; ++k) cr_expect_float_eq(z[k + 1] - z[k], 100.0 / 34.0, 1e-12);
    cr_expect_eq(z[n - 1], 100.0);
    free(z);
}

/* "refine" f: dz_top/f, ratio^(1/f), dz_max/f. Every cell shrinks, the largest by f. */
Test(grid, graded_refinement_shrinks_every_cell)
{
    const double dz_top = 0.2, ratio = 1.1, dz_max = 2.0;
    double prev = 0.0;
    int prev_n = 0;
    for (int f = 1; f <= 8; f *= 2) {
        const double big = check_graded(100.0, dz_top / f, pow(ratio, 1.0 / f), dz_max / f);
        int n;
        double *z = graded(100.0, dz_top / f, pow(ratio, 1.0 / f), dz_max / f, &n);
        free(z);
        cr_expect(big <= dz_max / f * (1.0 + 1e-9), "f %d: largest cell %g", f, big);
        cr_expect(big >= 0.95 * dz_max / f, "f %d: largest cell %g, the cap is %g", f, big, dz_max / f);
        if (f > 1) {
            cr_expect_float_eq(big, prev / 2.0, 0.05 * prev, "f %d: largest %g after %g", f, big, prev);
            cr_expect(n > 2 * prev_n - 10 && n < 2 * prev_n + 10, "f %d: %d nodes after %d", f, n, prev_n);
        }
        prev = big;
        prev_n = n;
    }
}

Test(grid, graded_node_count_limit_and_bad_arguments)
{
    cr_expect_eq(shp_grid_graded_nodes(100.0, 1e-6, 1.0, 1e-6, 1000), 1001);
    cr_expect_eq(shp_grid_graded_nodes(100.0, 1.0, 1.0, 1.0, 1000), 101);
    cr_expect_eq(shp_grid_graded_nodes(100.0, 0.0, 1.1, 1.0, 1000), 0);
    cr_expect_eq(shp_grid_graded_nodes(100.0, 2.0, 1.1, 1.0, 1000), 0);
    cr_expect_eq(shp_grid_graded_nodes(100.0, 0.1, 0.9, 1.0, 1000), 0);
    cr_expect_eq(shp_grid_graded_nodes(100.0, 1e-300, 1.0 + 1e-15, 1e-3, 10000000L), 10000001L);
}

/* ------------------------------------------------------------------ the "profile" section */

static char tmp_dir[128];

static void setup(void) { tu_make_tmp(tmp_dir, sizeof tmp_dir, "grid"); }
static void teardown(void) { tu_remove_tree(tmp_dir); }

/* load a ponded-loam config with this "profile" object; SHP_OK or the status, message in err */
static int load_profile(const char *profile, shp_forward_problem **fp, char *err, size_t len)
{
    char path[256];
    snprintf(path, sizeof path, "%s/c.json", tmp_dir);
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    fprintf(f,
            "{\"materials\": {\"loam\": {\"model\": \"vgm\", \"theta_r\": 0.078, \"theta_s\": 0.43, "
            "\"alpha\": 0.036, \"n\": 1.56, \"Ks\": 0.01733},\n"
            "               \"sand\": {\"model\": \"vgm\", \"theta_r\": 0.045, \"theta_s\": 0.43, "
            "\"alpha\": 0.145, \"n\": 2.68, \"Ks\": 0.495}},\n"
            " \"profile\": %s,\n"
            " \"initial\": {\"type\": \"se\", \"value\": 0.4}, \"top\": {\"type\": \"head\", \"value\": 2},\n"
            " \"bottom\": {\"type\": \"free_drainage\"}, \"output\": {\"times\": [5]}}\n",
            profile);
    fclose(f);
    *fp = NULL;
    return shp_forward_load(path, fp, err, len);
}

static shp_forward_problem *good(const char *profile)
{
    char err[1024];
    shp_forward_problem *fp;
    const int rc = load_profile(profile, &fp, err, sizeof err);
    cr_assert_eq(rc, SHP_OK, "%s: %s", profile, err);
    return fp;
}

static void bad(const char *profile, const char *expect)
{
    char err[1024];
    shp_forward_problem *fp;
    const int rc = load_profile(profile, &fp, err, sizeof err);
    cr_expect_eq(rc, SHP_ERR_CONFIG, "%s: accepted", profile);
    cr_expect_null(fp);
    cr_expect(strstr(err, expect) != NULL, "%s: expected \"%s\" in: %s", profile, expect, err);
    shp_forward_destroy(fp);
}

Test(grid, graded_config_matches_the_library_grid, .init = setup, .fini = teardown)
{
    shp_forward_problem *fp =
        good("{\"depth\": 100, \"grid\": \"graded\", \"dz_top\": 0.1, \"ratio\": 1.1, \"dz_max\": 2, "
             "\"material\": \"loam\"}");
    const shp_column *col = shp_forward_column(fp);
    int n;
    double *z = graded(100.0, 0.1, 1.1, 2.0, &n);
    cr_expect_eq(col->n, n);
    for (int i = 0; i < n; ++i) cr_expect_eq(col->z[i], z[i], "node %d", i);
    free(z);
    shp_forward_destroy(fp);

    /* refine 2: the family onto itself */
    fp = good("{\"depth\": 100, \"grid\": \"graded\", \"dz_top\": 0.1, \"ratio\": 1.1, \"dz_max\": 2, "
              "\"refine\": 2, \"material\": \"loam\"}");
    col = shp_forward_column(fp);
    z = graded(100.0, 0.05, sqrt(1.1), 1.0, &n);
    cr_expect_eq(col->n, n);
    for (int i = 0; i < n; ++i) cr_expect_eq(col->z[i], z[i], "node %d", i);
    free(z);
    shp_forward_destroy(fp);
}

Test(grid, refine_multiplies_the_intervals_of_uniform_and_geometric, .init = setup, .fini = teardown)
{
    shp_forward_problem *fp = good("{\"depth\": 100, \"nodes\": 61, \"refine\": 4, \"material\": \"loam\"}");
    const shp_column *col = shp_forward_column(fp);
    cr_expect_eq(col->n, 241);
    for (int i = 0; i < 241; ++i) cr_expect_float_eq(col->z[i], 100.0 * i / 240.0, 1e-12);
    shp_forward_destroy(fp);

    fp = good("{\"depth\": 100, \"nodes\": 61, \"refine\": 1.5, \"material\": \"loam\"}");
    col = shp_forward_column(fp);
    cr_expect_eq(col->n, 91);
    shp_forward_destroy(fp);

    /* geometric: 2 × the intervals at ratio^(1/2): each cell split in about two */
    fp = good("{\"depth\": 100, \"nodes\": 61, \"grid\": \"geometric\", \"ratio\": 1.05, \"refine\": 2, "
              "\"material\": \"loam\"}");
    col = shp_forward_column(fp);
    cr_expect_eq(col->n, 121);
    double z[61];
    shp_grid_geometric(61, 100.0, 1.05, z);
    for (int i = 0; i < 61; ++i) cr_expect_float_eq(col->z[2 * i], z[i], 0.02 * (z[1] + z[i] - z[i > 0 ? i - 1 : 0]), "node %d", i);
    cr_expect_float_eq(col->z[2] - col->z[1], (col->z[1] - col->z[0]) * sqrt(1.05), 1e-12);
    shp_forward_destroy(fp);
}

Test(grid, bad_grid_fields_are_named, .init = setup, .fini = teardown)
{
#define GR "\"depth\": 100, \"grid\": \"graded\", "
#define M ", \"material\": \"loam\"}"
    bad("{" GR "\"ratio\": 1.1, \"dz_max\": 2" M, "profile.dz_top: missing required field");
    bad("{" GR "\"dz_top\": 0.1, \"dz_max\": 2" M, "profile.ratio: missing required field");
    bad("{" GR "\"dz_top\": 0.1, \"ratio\": 1.1" M, "profile.dz_max: missing required field");
    bad("{" GR "\"dz_top\": 0, \"ratio\": 1.1, \"dz_max\": 2" M, "profile.dz_top: must be > 0");
    bad("{" GR "\"dz_top\": -1, \"ratio\": 1.1, \"dz_max\": 2" M, "profile.dz_top: must be > 0");
    bad("{" GR "\"dz_top\": 3, \"ratio\": 1.1, \"dz_max\": 2" M, "profile.dz_top: must be <= 2 (that is profile.dz_max");
    bad("{" GR "\"dz_top\": 0.1, \"ratio\": 1.1, \"dz_max\": 200" M, "profile.dz_max: must be <= 100");
    bad("{" GR "\"dz_top\": 0.1, \"ratio\": 0.9, \"dz_max\": 2" M, "profile.ratio: must be >= 1");
    bad("{" GR "\"dz_top\": 0.1, \"ratio\": 2.5, \"dz_max\": 2" M, "profile.ratio: must be <= 2");
    bad("{" GR "\"dz_top\": 0.1, \"ratio\": 1.1, \"dz_max\": 2, \"nodes\": 61" M, "profile.nodes: not used with grid \"graded\"");
    bad("{" GR "\"dz_top\": 0.1, \"ratio\": 1.1, \"dz_max\": \"2\"" M, "profile.dz_max: expected a number");
    bad("{" GR "\"dz_top\": 1e-7, \"ratio\": 1.0, \"dz_max\": 1e-5" M, "profile.dz_max: the graded grid needs more than 10000000 nodes");
    bad("{" GR "\"dz_top\": 1e-3, \"ratio\": 1.0, \"dz_max\": 1e-3, \"refine\": 200" M, "profile.refine: the graded grid needs more than 10000000 nodes");
    bad("{" GR "\"dz_top\": 100, \"ratio\": 1.0, \"dz_max\": 100" M, "profile.dz_max: gives a grid of 2 nodes");
    bad("{" GR "\"dz_top\": 0.1, \"ratio\": 1.1, \"dz_max\": 2, \"refine\": 0.5" M, "profile.refine: must be >= 1");
    bad("{\"depth\": 100, \"nodes\": 61, \"refine\": 1e6" M, "profile.refine: gives 60000001 nodes");
    bad("{\"depth\": 100, \"nodes\": 61, \"dz_top\": 0.1" M, "profile.dz_top: only used with grid \"graded\"");
    bad("{\"depth\": 100, \"nodes\": 61, \"grid\": \"geometric\", \"ratio\": 1.05, \"dz_max\": 1" M,
        "profile.dz_max: only used with grid \"graded\"");
    bad("{\"depth\": 100, \"nodes\": 61, \"grid\": \"geometric\"" M, "profile.ratio: missing required field");
#undef GR
#undef M
}

/* profile.depth and the last layer's bottom: either alone, or both alike */
Test(grid, depth_given_once_or_twice_alike, .init = setup, .fini = teardown)
{
    static const char *const same[] = {
        "{\"depth\": 60, \"nodes\": 13, \"layers\": [{\"material\": \"loam\", \"bottom\": 20}, {\"material\": \"sand\", \"bottom\": 60}]}",
        "{\"nodes\": 13, \"layers\": [{\"material\": \"loam\", \"bottom\": 20}, {\"material\": \"sand\", \"bottom\": 60}]}",
        "{\"depth\": 60, \"nodes\": 13, \"layers\": [{\"material\": \"loam\", \"bottom\": 20}, {\"material\": \"sand\"}]}",
    };
    for (int k = 0; k < 3; ++k) {
        shp_forward_problem *fp = good(same[k]);
        const shp_column *col = shp_forward_column(fp);
        cr_expect_eq(col->n, 13, "%s", same[k]);
        cr_expect_eq(col->z[12], 60.0, "%s", same[k]);
        for (int i = 0; i < 13; ++i)
            cr_expect_eq(col->mat_of_node[i], col->z[i] <= 20.0 ? 0 : 1, "%s: node %d", same[k], i);
        shp_forward_destroy(fp);
    }
    /* a graded grid's cap is checked against the depth from the layers */
    shp_forward_problem *fp = good("{\"grid\": \"graded\", \"dz_top\": 0.5, \"ratio\": 1.2, \"dz_max\": 5, "
                                   "\"layers\": [{\"material\": \"loam\", \"bottom\": 40}]}");
    cr_expect_eq(shp_forward_column(fp)->z[shp_forward_column(fp)->n - 1], 40.0);
    shp_forward_destroy(fp);

    bad("{\"depth\": 60, \"nodes\": 13, \"layers\": [{\"material\": \"loam\", \"bottom\": 20}, {\"material\": \"sand\", \"bottom\": 50}]}",
        "profile.layers[1].bottom: the last layer must reach profile.depth exactly (60, got 50)");
    bad("{\"depth\": 60, \"nodes\": 13, \"layers\": [{\"material\": \"loam\", \"bottom\": 20}, {\"material\": \"sand\", \"bottom\": 70}]}",
        "profile.layers[1].bottom: the last layer must reach profile.depth exactly (60, got 70)");
    bad("{\"nodes\": 13, \"layers\": [{\"material\": \"loam\", \"bottom\": 20}, {\"material\": \"sand\"}]}",
        "profile.depth: missing required field (or give the last layer's bottom, profile.layers[1].bottom)");
    bad("{\"depth\": 60, \"nodes\": 13, \"layers\": [{\"material\": \"loam\"}, {\"material\": \"sand\"}]}",
        "profile.layers[0].bottom: missing required field");
    bad("{\"nodes\": 13, \"material\": \"loam\"}", "profile.depth: missing required field");
    bad("{\"nodes\": 13, \"layers\": [{\"material\": \"loam\", \"bottom\": -5}]}",
        "profile.layers[0].bottom: must be > 0");
    bad("{\"nodes\": 13, \"layers\": [{\"material\": \"loam\", \"bottom\": 1e9}]}",
        "profile.layers[0].bottom: must be <= 100000");
    bad("{\"nodes\": 13, \"layers\": [{\"material\": \"loam\", \"bottom\": 50}, {\"material\": \"sand\", \"bottom\": 40}]}",
        "profile.layers[0].bottom: lies below the last layer's bottom (40)");
}
