/* Helpers shared by the tests of inverse problems built from edited configs: writing a
 * config and loading it, and the exact residual Jacobian (shp_problem_evaluate_jacobian)
 * against central differences of the residuals. */
#ifndef SHPFIT_TESTS_PROBLEM_CHECKS_H
#define SHPFIT_TESTS_PROBLEM_CHECKS_H

#include <criterion/criterion.h>
#include <criterion/logging.h>
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shpfit/config.h"
#include "shpfit/batch.h"
#include "shpfit/fit.h"
#include "shpfit/problem.h"

/* Write the config root to path (root is deleted) and load it as a problem. */
static inline shp_problem *write_and_load(cJSON *root, const char *path)
{
    char *out = cJSON_Print(root);
    FILE *f = fopen(path, "w");
    cr_assert(f && out, "%s", path);
    fputs(out, f);
    fclose(f);
    cJSON_free(out);
    cJSON_Delete(root);
    shp_problem *pb = NULL;
    char err[512];
    cr_assert_eq(shp_problem_load(path, &pb, err, sizeof err), SHP_OK, "%s", err);
    return pb;
}

/* The exact Jacobian at u against central differences of the residuals (step h in the
 * unit coordinates); returns the largest error relative to each column's largest entry. */
static inline double compare_jacobian(shp_problem *pb, const double *u, double h)
{
    const int dim = shp_problem_dim(pb), m = shp_problem_n_residuals(pb);
    shp_backend *be = shp_backend_cpu_create(2);
    double *r = malloc(sizeof *r * (size_t)m * (2 * dim + 1)), *J = malloc(sizeof *J * (size_t)m * dim);
    double *uu = malloc(sizeof *uu * (size_t)dim * 2 * dim), f[(2 * 16 + 1) * 8];
    int ok[2 * 16 + 1];
    cr_assert(be && r && J && uu);
    cr_assert_eq(shp_problem_evaluate_jacobian(pb, be, u, 1, f, ok, r, J), SHP_OK);
    cr_assert(ok[0]);
    for (int j = 0; j < dim; ++j)
        for (int s = 0; s < 2; ++s) {
            double *c = uu + (long)(2 * j + s) * dim;
            memcpy(c, u, sizeof *c * (size_t)dim);
            c[j] += s ? -h : h;
        }
    cr_assert_eq(shp_problem_evaluate_residuals(pb, be, uu, 2 * dim, f, ok, r + m), SHP_OK);
    double worst = 0.0;
    for (int j = 0; j < dim; ++j) {
        cr_assert(ok[2 * j] && ok[2 * j + 1]);
        double scale = 0.0;
        for (int i = 0; i < m; ++i) scale = fmax(scale, fabs(J[(long)i * dim + j]));
        cr_assert(scale > 0.0, "variable %s moves no residual", shp_problem_var_name(pb, j));
        double wj = 0.0;
        for (int i = 0; i < m; ++i) {
            const double fd = (r[(long)(1 + 2 * j) * m + i] - r[(long)(2 + 2 * j) * m + i]) / (2.0 * h);
            wj = fmax(wj, fabs(J[(long)i * dim + j] - fd) / scale);
        }
        cr_log_info("  %-16s largest |dr/du| %.3e, error against central differences %.2e",
                    shp_problem_var_name(pb, j), scale, wj);
        worst = fmax(worst, wj);
    }
    shp_backend_destroy(be);
    free(r);
    free(J);
    free(uu);
    return worst;
}

#endif
