/* Ponded infiltration into loam (seed 002, Li, Liu & Ma 2023, sections 3-4) in code:
 * the column, the observations and the free parameters of configs/fit_loam.json. */
#include "loam_problem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_POINTS 512

/* Two columns of a CSV file with one header line. Returns the number of rows, or −1. */
static int read_two_columns(const char *dir, const char *name, double *x, double *y, char *err, size_t len)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "r");
    if (!f) {
        snprintf(err, len, "%s: cannot open", path);
        return -1;
    }
    char line[256];
    int n = 0, ok = fgets(line, sizeof line, f) != NULL; /* the header */
    while (ok && n < MAX_POINTS && fgets(line, sizeof line, f))
        if (sscanf(line, "%lf,%lf", &x[n], &y[n]) == 2) ++n;
    fclose(f);
    if (n == 0) snprintf(err, len, "%s: no rows", path);
    return n > 0 ? n : -1;
}

/* VGM loam in a 100 cm column on the graded grid 0.1/1.1/4 cm, at θ 0.2188 (Se 40 %),
 * 2 cm of ponding, free drainage, kirchhoff faces, outputs every 5 min to 180 min. */
static shp_status build_column(shp_forward_problem **fp, char *err, size_t len)
{
    const double depth = 100.0, dz_top = 0.1, ratio = 1.1, dz_max = 4.0;
    const int n = (int)shp_grid_graded_nodes(depth, dz_top, ratio, dz_max, 100000);
    double *z = malloc(sizeof *z * (size_t)n), *theta0 = malloc(sizeof *theta0 * (size_t)n);
    int *mat_of_node = calloc((size_t)n, sizeof *mat_of_node);
    double t_out[36];
    shp_status st = z && theta0 && mat_of_node ? SHP_OK : SHP_ERR_NOMEM;
    if (st == SHP_OK) {
        shp_grid_graded(n, depth, dz_top, ratio, dz_max, z);
        for (int i = 0; i < n; ++i) theta0[i] = 0.2188;
        for (int k = 0; k < 36; ++k) t_out[k] = 5.0 * (k + 1);
        const shp_material loam = shp_material_vgm(0.078, 0.43, 0.036, 1.56, 0.01733, 0.5);
        shp_forward_spec spec = {
            .length_unit = "cm",
            .time_unit = "min",
            .n_materials = 1,
            .material_names = (const char *const[]){"loam"},
            .materials = &loam,
            .column = {.n = n,
                       .z = z,
                       .mat_of_node = mat_of_node,
                       .top = {.type = SHP_BC_HEAD, .value = 2.0},
                       .bottom = {.type = SHP_BC_FREE_DRAINAGE},
                       .opt = shp_solver_opts_default(),
                       .n_out = 36,
                       .t_out = t_out},
            .init_var = SHP_INIT_THETA,
            .init_values = theta0,
        };
        spec.column.opt.kmean = SHP_KMEAN_KIRCHHOFF;
        spec.column.opt.count_fill = 1;
        st = shp_forward_create(&spec, fp, err, len);
    } else {
        snprintf(err, len, "out of memory");
    }
    free(z);
    free(theta0);
    free(mat_of_node);
    return st;
}

shp_status loam_problem_build(const char *data_dir, shp_problem **out, char *err, size_t len)
{
    *out = NULL;
    static const char *const files[3] = {"theta_final.csv", "v.csv", "Q.csv"};
    static const int kinds[3] = {SHP_OBS_THETA_FINAL, SHP_OBS_V, SHP_OBS_Q};
    static double x[3][MAX_POINTS], y[3][MAX_POINTS];
    int n[3];
    for (int k = 0; k < 3; ++k)
        if ((n[k] = read_two_columns(data_dir, files[k], x[k], y[k], err, len)) < 0) return SHP_ERR_IO;
    shp_forward_problem *fp = NULL;
    shp_status st = build_column(&fp, err, len);
    shp_problem *pb = NULL;
    if (st == SHP_OK) st = shp_problem_create(fp, &pb); /* fp is the problem's from here */
    for (int k = 0; k < 3 && st == SHP_OK; ++k)
        st = shp_problem_add_observations(pb, &(shp_observations){.kind = kinds[k], .n = n[k], .x = x[k], .y = y[k]});
    if (st == SHP_OK) st = shp_problem_add_parameter(pb, "loam.theta_s", (double[]){0.35, 0.55}, SHP_SCALE_LINEAR);
    if (st == SHP_OK) st = shp_problem_add_parameter(pb, "loam.alpha", (double[]){0.001, 0.2}, SHP_SCALE_LOG);
    if (st == SHP_OK) st = shp_problem_add_parameter(pb, "loam.n", (double[]){1.05, 3.0}, SHP_SCALE_LINEAR);
    if (st == SHP_OK) st = shp_problem_add_parameter(pb, "loam.Ks", (double[]){1e-4, 0.6}, SHP_SCALE_LOG);
    if (st == SHP_OK) st = shp_problem_set_objectives(pb, 3, kinds, 0); /* ψ = RMSE/σ each (Eq. 9) */
    if (st == SHP_OK) st = shp_problem_prepare(pb);
    if (st != SHP_OK && pb) snprintf(err, len, "%s", shp_problem_errmsg(pb));
    if (st != SHP_OK) {
        shp_problem_destroy(pb);
        return st;
    }
    *out = pb;
    return SHP_OK;
}
