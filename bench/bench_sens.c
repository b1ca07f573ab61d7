/* Benchmark section "sens": the cost of a column's exact parameter sensitivities
 * (core/column_sens.h) against the plain column and against central differences.
 *
 * The loam of seed 002 ponded for 180 min (initial Se 0.4, free drainage), on the grid
 * of the shipped 61 × 1.05 examples with arithmetic faces and on the graded 55-node grid
 * of `make run` with kirchhoff faces and the fill counted; adaptive steps (the default).
 * For p = 1, 4 and 6 free VGM parameters (Ks; θs, α, n, Ks; all six) the column is run
 * with its p sensitivities through the CPU batch backend on one thread (the initial
 * heads' derivatives included) and the median time is set against the plain column's.
 * Central differences of the same outputs cost 2p + 1 plain columns. Target: at most
 * 1 + 0.5 p plain columns. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testing/column_fixture.h"
#include "bench.h"

#include "shpfit/batch.h"
#include "shpfit/column.h"
#include "shpfit/models.h"

typedef struct {
    const char *name;
    int graded, kmean, count_fill;
} sens_grid;

/* Median wall time [ms] of `reps` runs of the batch of one column. */
static double time_column(shp_backend *be, const shp_batch_setup *s, const shp_material *m,
                          double *out, shp_column_stats *st, int reps, int *status)
{
    double *ms = malloc((size_t)reps * sizeof *ms);
    if (!ms) return NAN;
    shp_batch b = {1, m, out, st};
    for (int r = 0; r < reps; ++r) {
        const double t0 = bench_now_s();
        shp_backend_run(be, s, &b);
        ms[r] = 1e3 * (bench_now_s() - t0);
    }
    *status = st->status;
    const double med = bench_median(ms, reps);
    free(ms);
    return med;
}

int bench_sens(FILE *md, int reps, int quick)
{
    static const double t_out[5] = {5, 30, 60, 120, 180};
    static const sens_grid grids[] = {
        {"61 × 1.05, arithmetic", 0, SHP_KMEAN_ARITHMETIC, 0},
        {"graded 0.1/1.1/4 (55 nodes), kirchhoff, fill counted", 1, SHP_KMEAN_KIRCHHOFF, 1},
    };
    static const int sets[3][6] = {{4}, {1, 2, 3, 4}, {0, 1, 2, 3, 4, 5}};
    static const int np_of[3] = {1, 4, 6};
    const shp_material loam = shp_material_vgm(0.078, 0.43, 0.036, 1.56, 0.01733, 0.5);
    if (quick && reps > 5) reps = 5;
    shp_backend *be = shp_backend_cpu_create(1);
    if (!be) return 1;
    fprintf(md, "## Exact parameter sensitivities: cost (`--only sens`)\n\n"
                "The loam ponded 180 min (Se 0.4, free drainage, adaptive steps), one thread, "
                "through the CPU batch backend (initial heads' derivatives included); median of "
                "%d runs. Central differences cost 2p + 1 columns; target for p = 4: ≤ 1 + 0.5 p = 3 "
                "plain columns.\n\n"
                "| grid | p | plain [ms] | with sensitivities [ms] | ratio | target (1 + 0.5 p) | central differences [columns] |\n"
                "|---|---|---|---|---|---|---|\n", reps);
    int rc = 0;
    for (size_t g = 0; g < sizeof grids / sizeof grids[0]; ++g) {
        const sens_grid *gr = &grids[g];
        const int n = gr->graded ? (int)shp_grid_graded_nodes(100.0, 0.1, 1.1, 4.0, 100000) : 61;
        double *z = malloc((size_t)n * sizeof *z), *init = malloc((size_t)n * sizeof *init);
        int *mat = calloc((size_t)n, sizeof *mat);
        if (!z || !init || !mat) return 1;
        if (gr->graded) shp_grid_graded(n, 100.0, 0.1, 1.1, 4.0, z);
        else shp_grid_geometric(n, 100.0, 1.05, z);
        for (int i = 0; i < n; ++i) init[i] = 0.4;
        shp_column col = ponded_column(n, z, mat, t_out, 5);
        col.opt.kmean = gr->kmean;
        col.opt.count_fill = gr->count_fill;
        shp_batch_setup s = {&col, 1, SHP_INIT_SE, init};
        double *out = malloc((size_t)shp_column_out_size(&col) * 7 * sizeof *out);
        shp_column_stats st;
        int status;
        const double plain = time_column(be, &s, &loam, out, &st, reps, &status);
        rc |= status != SHP_OK;
        for (int q = 0; q < 3; ++q) {
            int mats[6] = {0};
            col.n_sens = np_of[q];
            col.sens_mat = mats;
            col.sens_par = sets[q];
            const double with = time_column(be, &s, &loam, out, &st, reps, &status);
            rc |= status != SHP_OK;
            const double ratio = with / plain, target = 1.0 + 0.5 * np_of[q];
            /* the target is stated for p = 4; the other rows show how the cost grows */
            char verdict[48];
            if (np_of[q] == 4)
                snprintf(verdict, sizeof verdict, "%s ≤ %.1f", ratio <= target ? "met" : "**not met**", target);
            else
                snprintf(verdict, sizeof verdict, "(%.1f)", target);
            fprintf(md, "| %s | %d | %.2f | %.2f | %.2f | %s | %d |\n", gr->name, np_of[q], plain,
                    with, ratio, verdict, 2 * np_of[q] + 1);
            fprintf(stderr, "sens: %s p=%d %.2f ms vs %.2f ms\n", gr->name, np_of[q], with, plain);
            col.n_sens = 0;
        }
        free(out);
        free(z);
        free(init);
        free(mat);
    }
    fprintf(md, "\n");
    shp_backend_destroy(be);
    return rc;
}
