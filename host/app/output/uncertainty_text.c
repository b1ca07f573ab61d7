/* Text of a fit's uncertainty (io/uncertainty_text.h). */
#include "output/uncertainty_text.h"

#include <math.h>
#include <string.h>

int shp_fit_uncertainty_warnings(const shp_problem *pb, const shp_uncertainty *u, char (*msgs)[256], int max)
{
    int n = 0;
    if (u->status != SHP_OK) return 0;
    for (int j = 0; j < u->dim && n < max; ++j)
        if (u->at_bound[j])
            snprintf(msgs[n++], 256, "%s ends on its %s bound: its interval assumes a minimum inside the box "
                     "and is not reliable; widen the bound or fix the parameter",
                     shp_problem_var_name(pb, j), u->at_bound[j] < 0 ? "lower" : "upper");
    for (int a = 0; a < u->dim; ++a)
        for (int b = a + 1; b < u->dim && n < max; ++b) {
            const double c = u->corr[a * u->dim + b];
            if (fabs(c) > SHP_UNC_CORR_FLAG)
                snprintf(msgs[n++], 256, "%s and %s are correlated (%.3f): the data determine a combination "
                         "of them better than either", shp_problem_var_name(pb, a), shp_problem_var_name(pb, b), c);
        }
    if (!(u->cond <= SHP_UNC_COND_FLAG) && n < max) {
        char dir[200] = "";
        for (int j = 0; j < u->dim; ++j) {
            if (fabs(u->weakest[j]) < 0.1) continue;
            const size_t l = strlen(dir);
            snprintf(dir + l, sizeof dir - l, "%s%.2f %s", l ? (u->weakest[j] < 0 ? " - " : " + ") : (u->weakest[j] < 0 ? "-" : ""),
                     fabs(u->weakest[j]), shp_problem_var_name(pb, j));
        }
        snprintf(msgs[n++], 256, "not identifiable: the condition number of J^T J is %.2g; the data hardly "
                 "constrain the direction %s (in scaled search coordinates)", u->cond, dir);
    }
    return n;
}

void shp_fit_uncertainty_print(FILE *f, const shp_problem *pb, const shp_uncertainty *u)
{
    if (u->status != SHP_OK) {
        fprintf(f, "  uncertainty        not computed (%s)\n",
                u->dof < 1 ? "no more residuals than free parameters" : "the best point did not simulate");
        return;
    }
    fprintf(f, "  uncertainty        linearised at the optimum, 95 %% intervals (Student t = %.3f, %d dof)\n",
            u->t95, u->dof);
    for (int j = 0; j < u->dim; ++j) {
        if (u->singular) {
            fprintf(f, "    %-18s %-12.6g undetermined\n", shp_problem_var_name(pb, j), u->value[j]);
            continue;
        }
        fprintf(f, "    %-18s %-12.6g se %-11.4g [%.6g, %.6g]%s\n", shp_problem_var_name(pb, j), u->value[j],
                u->se[j], u->lo[j], u->hi[j], u->at_bound[j] ? "  (on a bound)" : "");
    }
    for (int a = 0; a < u->dim; ++a)
        for (int b = a + 1; b < u->dim; ++b) {
            const double c = u->corr[a * u->dim + b];
            if (fabs(c) > 0.5)
                fprintf(f, "    correlation %s, %s: %.3f\n", shp_problem_var_name(pb, a), shp_problem_var_name(pb, b), c);
        }
    char msgs[SHP_UNC_MAX_WARNINGS][256];
    const int nw = shp_fit_uncertainty_warnings(pb, u, msgs, SHP_UNC_MAX_WARNINGS);
    for (int k = 0; k < nw; ++k) fprintf(f, "  warning: %s\n", msgs[k]);
}
