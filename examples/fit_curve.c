/* Embedding libshpfit: fit a retention curve and print the parameters with their
 * standard errors. Build against an installed shpfit:
 *
 *   cc -std=c17 fit_curve.c $(pkg-config --cflags --libs shpfit) -o fit_curve
 *   ./fit_curve CONFIG.json          (e.g. configs/curves/toyoura_vgm.json)
 *
 * The library reads the config and its data, runs the optimizer and the polish on its
 * CPU backend, and returns statuses and messages; printing is this program's job. */
#include <stdio.h>

#include <shpfit/shpfit.h>

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s CONFIG.json\n", argv[0]);
        return 2;
    }
    char err[4096];
    shp_problem *pb = NULL;
    if (shp_problem_load(argv[1], &pb, err, sizeof err) != SHP_OK) {
        fprintf(stderr, "%s\n", err);
        return 2;
    }
    shp_fit_options opt;
    shp_backend *be = NULL;
    int rc = shp_fit_options_load(pb, -1, &opt, err, sizeof err);
    if (rc == SHP_OK && !(be = shp_backend_create("cpu", 0, err, sizeof err))) rc = SHP_ERR_INVALID;
    shp_fit_result res;
    if (rc == SHP_OK) rc = shp_fit_run(pb, be, &opt, NULL, NULL, &res, err, sizeof err);
    if (rc != SHP_OK) {
        fprintf(stderr, "%s\n", err);
        shp_backend_destroy(be);
        shp_problem_destroy(pb);
        return 1;
    }
    printf("shpfit %s: %ld evaluations\n", SHP_VERSION, res.evaluations);
    for (int j = 0; j < shp_problem_dim(pb); ++j) {
        const double v = shp_problem_var_value(pb, j, res.u_best[j]);
        if (res.uncertainty.status == SHP_OK && !res.uncertainty.singular)
            printf("%-20s %.6g +- %.2g\n", shp_problem_var_name(pb, j), v, res.uncertainty.se[j]);
        else
            printf("%-20s %.6g\n", shp_problem_var_name(pb, j), v);
    }
    for (int k = 0; k < shp_problem_n_obj(pb); ++k)
        printf("%s(%s) %.6g\n", shp_problem_metric_name(pb), shp_obs_name(shp_problem_obj_kind(pb, k)), res.f_best[k]);
    shp_fit_result_free(&res);
    shp_backend_destroy(be);
    shp_problem_destroy(pb);
    return 0;
}
