/* Embedding libshpfit without a configuration file: the loam problem built in code
 * (loam_problem.c), fitted with SHADE and the exact-Jacobian polish, and its
 * parameters printed with their standard errors. Build against an installed shpfit:
 *
 *   cc -std=c17 fit_loam.c loam_problem.c $(pkg-config --cflags --libs shpfit) -o fit_loam
 *   ./fit_loam configs/data/loam_obs [GENERATIONS]
 *
 * The observations come from a reference run on a grid eight times finer than the
 * fitted one (configs/fit_loam.json), so the fit does not meet its own grid's answer. */
#include <stdio.h>
#include <stdlib.h>

#include <shpfit/shpfit.h>

#include "loam_problem.h"

int main(int argc, char **argv)
{
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: %s DATA_DIR [GENERATIONS]\n", argv[0]);
        return 2;
    }
    const long generations = argc == 3 ? strtol(argv[2], NULL, 10) : 400;
    char err[4096];
    shp_problem *pb = NULL;
    if (loam_problem_build(argv[1], &pb, err, sizeof err) != SHP_OK) {
        fprintf(stderr, "%s\n", err);
        return 2;
    }
    shp_fit_options opt;
    shp_fit_options_default(pb, &opt);
    shp_fit_step *st = &opt.step[0];
    st->alg = SHP_OPT_SHADE;
    st->settings = shp_opt_settings_default(SHP_OPT_SHADE);
    st->settings.pop_size = 20;
    st->stop.max_generations = generations > 0 ? generations : 1;
    st->stop.use_target = 1;
    st->stop.target = 0.116; /* Σψ of the truth on this grid: a fit as good as the truth */
    opt.polish = 1;
    opt.lm.jacobian = SHP_LM_JACOBIAN_EXACT; /* the columns' parameter sensitivities */
    shp_backend *be = shp_backend_create("cpu", 0, err, sizeof err);
    shp_fit_result res;
    int rc = be ? shp_fit_run(pb, be, &opt, NULL, NULL, &res, err, sizeof err) : SHP_ERR_INVALID;
    if (rc != SHP_OK) {
        fprintf(stderr, "%s\n", err);
        shp_backend_destroy(be);
        shp_problem_destroy(pb);
        return 1;
    }
    printf("shpfit %s: %ld columns, %d parameters (cm, min)\n", SHP_VERSION, res.evaluations, shp_problem_dim(pb));
    for (int j = 0; j < shp_problem_dim(pb); ++j) {
        const double v = shp_problem_var_value(pb, j, res.u_best[j]);
        if (res.uncertainty.status == SHP_OK && !res.uncertainty.singular)
            printf("%-14s %.6g +- %.2g\n", shp_problem_var_name(pb, j), v, res.uncertainty.se[j]);
        else
            printf("%-14s %.6g\n", shp_problem_var_name(pb, j), v);
    }
    for (int k = 0; k < shp_problem_n_obj(pb); ++k)
        printf("psi(%s) %.4g\n", shp_obs_name(shp_problem_obj_kind(pb, k)), res.f_best[k]);
    shp_fit_result_free(&res);
    shp_backend_destroy(be);
    shp_problem_destroy(pb);
    return 0;
}
