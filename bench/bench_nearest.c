/* `shpfit-bench nearest CONFIG... [--threads T] [--iterations N]`: the least-squares
 * minimum nearest the truth, per fit config, and how far it lies from the truth.
 *
 * A fit of data the fit's own column did not make (`synth.reference`, field data) cannot do
 * better than the minimum of its misfit nearest the true parameters: that is where a
 * perfect optimizer ends. This tool finds it with the exact-Jacobian Levenberg–Marquardt
 * polish started at the truth (fit.truth) over every free variable (minimising Σψ as a
 * fit's polish does, or Σψ² with --objective squares), and reports the misfit
 * at the truth and at the minimum, the minimum's curve agreement with the truth (retention
 * and conductivity RMSE in θ, seed 002's Tables 4–8) and the linearised standard errors
 * there. When the minimum's curves miss the truth by more than a target, no optimizer run
 * on that grid can meet it: the grid (the model error) or the data (identifiability)
 * decide, and the standard errors say which. One markdown row per config. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shpfit/config.h"
#include "bench.h"
#include "shpfit/curves_agreement.h"
#include "shpfit/fit.h"
#include "surface/surface.h"
#include "shpfit/uncertainty.h"

static double sum_of(const double *f, int n)
{
    double s = 0.0;
    for (int k = 0; k < n; ++k) s += f[k];
    return s;
}

/* One config: its row on stdout. 0, or 1 when it could not be measured. */
static int nearest_one(const char *path, shp_backend *be, int iterations, int sum)
{
    char err[512];
    shp_problem *pb = NULL;
    if (shp_problem_load(path, &pb, err, sizeof err) != SHP_OK) {
        fprintf(stderr, "nearest: %s\n", err);
        return 1;
    }
    const shp_forward_problem *fp = shp_problem_forward(pb);
    const int dim = shp_problem_dim(pb), n_obj = shp_problem_n_obj(pb), nm = shp_forward_n_materials(fp);
    shp_material *truth = malloc((size_t)nm * sizeof *truth), *fit = malloc((size_t)nm * sizeof *fit);
    double *f0 = malloc((size_t)n_obj * sizeof *f0), *f1 = malloc((size_t)n_obj * sizeof *f1);
    int rc = 1;
    if (!truth || !fit || !f0 || !f1) goto done;
    if (shp_fit_truth(pb, truth, err, sizeof err) != SHP_OK) {
        fprintf(stderr, "nearest: %s: %s\n", path, err);
        goto done;
    }
    double u[SHP_MAX_FREE], values_true[SHP_MAX_FREE];
    shp_problem_unit_of(pb, truth, u);
    for (int j = 0; j < dim; ++j) values_true[j] = shp_problem_var_value(pb, j, u[j]);
    int ok = 0;
    const double t0 = bench_now_s();
    if (shp_problem_evaluate(pb, be, u, 1, f0, &ok) != SHP_OK || !ok) {
        fprintf(stderr, "nearest: %s: the truth's column failed\n", path);
        goto done;
    }
    shp_fit_polish_info info;
    if (shp_fit_least_squares(pb, be, u, sum, iterations, 1e-14, &info, err, sizeof err) != SHP_OK) {
        fprintf(stderr, "nearest: %s: %s\n", path, err);
        goto done;
    }
    if (shp_problem_evaluate(pb, be, u, 1, f1, &ok) != SHP_OK || !ok ||
        shp_problem_materials(pb, u, fit, err, sizeof err) != SHP_OK) {
        fprintf(stderr, "nearest: %s: the minimum's column failed\n", path);
        goto done;
    }
    shp_uncertainty unc;
    shp_uncertainty_at(pb, be, u, &unc);
    double ret = 0.0, con = 0.0;
    for (int i = 0; i < nm; ++i) {
        shp_curve_agreement a;
        if (shp_curve_agreement_compute(&truth[i], &fit[i], 1.0 / shp_forward_cm_per_length(fp),
                                        1e4 / shp_forward_cm_per_length(fp), &a) != SHP_OK)
            continue;
        ret = fmax(ret, a.retention.rmse);
        con = fmax(con, a.conductivity.rmse);
    }
    printf("| %s | %d |", path, shp_forward_column(fp)->n);
    for (int pass = 0; pass < 2; ++pass) {
        const double *f = pass ? f1 : f0;
        printf(" %.3g (", sum_of(f, n_obj));
        for (int k = 0; k < n_obj; ++k)
            printf("%s%s %.2g", k ? ", " : "", shp_obs_name(shp_problem_obj_kind(pb, k)), f[k]);
        printf(") |");
    }
    printf(" %d | %.2g | %.2g |", info.iterations, ret, con);
    for (int j = 0; j < dim; ++j) {
        const double v = shp_problem_var_value(pb, j, u[j]);
        printf("%s%s %.4g (%+.2g %%, se %.2g %%)", j ? "; " : " ", shp_problem_var_name(pb, j), v,
               100.0 * (v / values_true[j] - 1.0),
               unc.status == SHP_OK && !unc.singular ? 100.0 * unc.se[j] / fabs(v) : NAN);
    }
    printf(" | %.1f s |\n", bench_now_s() - t0);
    fflush(stdout);
    rc = 0;
done:
    free(truth);
    free(fit);
    free(f0);
    free(f1);
    shp_problem_destroy(pb);
    return rc;
}

int bench_nearest_main(int argc, char **argv)
{
    int threads = 2, iterations = 60, n_cfg = 0, bad = 0, sum = 1;
    const char *cfg[256];
    for (int a = 1; a < argc; ++a) {
        if (!strcmp(argv[a], "--threads") && a + 1 < argc) threads = atoi(argv[++a]);
        else if (!strcmp(argv[a], "--iterations") && a + 1 < argc) iterations = atoi(argv[++a]);
        else if (!strcmp(argv[a], "--objective") && a + 1 < argc) {
            ++a;
            sum = !strcmp(argv[a], "sum") ? 1 : !strcmp(argv[a], "squares") ? 0 : -1;
            bad |= sum < 0;
        }
        else if (argv[a][0] != '-' && n_cfg < 256) cfg[n_cfg++] = argv[a];
        else bad = 1;
    }
    if (bad || n_cfg == 0 || threads < 1 || iterations < 1) {
        fprintf(stderr, "usage: shpfit-bench nearest CONFIG... [--threads T] [--iterations N]\n"
                        "           [--objective sum|squares]\n"
                        "  per fit config (its observation files written, fit.truth given): the\n"
                        "  least-squares minimum nearest the truth (exact-Jacobian LM from the\n"
                        "  truth over every free variable), its misfit, curve RMSE against the\n"
                        "  truth and standard errors; one markdown row per config. --objective:\n"
                        "  what the polish minimises, Σψ (the fit's default) or Σψ²\n");
        return 2;
    }
    shp_backend *be = shp_backend_cpu_create(threads);
    if (!be) return 1;
    printf("| config | nodes | Σψ at the truth (each ψ) | Σψ at the minimum (each ψ) | LM iterations | retention RMSE | "
           "conductivity RMSE | variables at the minimum (off the truth, standard error) | wall |\n"
           "|---|---|---|---|---|---|---|---|---|\n");
    int failed = 0;
    for (int k = 0; k < n_cfg; ++k) failed += nearest_one(cfg[k], be, iterations, sum);
    shp_backend_destroy(be);
    return failed ? 1 : 0;
}
