/* The terminal output of a posterior run (cli/cli_posterior.h). */
#include <math.h>
#include <stdio.h>

#include "cli/cli_posterior.h"

static double max_rhat(const double *r, int dim)
{
    double m = 0.0;
    for (int j = 0; j < dim; ++j) m = isnan(r[j]) || r[j] > m ? r[j] : m;
    return m;
}

void shp_cli_posterior_progress(const shp_posterior_result *s, const shp_posterior_check *last, void *vctx)
{
    shp_cli_posterior_progress_ctx *p = vctx;
    char rh[64] = "";
    if (last) snprintf(rh, sizeof rh, "  max R-hat %.3g (%s)", max_rhat(last->rhat, s->dim),
                       last->stage ? "sampling" : "burn-in");
    if (p->verbose && s->n_checks > p->last_check) {
        p->last_check = s->n_checks;
        printf("[posterior] gen %ld  %ld columns  acceptance %.2f%s\n", s->generations, s->evaluations,
               s->proposed ? (double)s->accepted / (double)s->proposed : 0.0, rh);
        fflush(stdout);
    } else if (p->tty && !p->verbose) {
        fprintf(stderr, "\r[posterior] gen %ld  %ld/%ld columns  %.0f s%s  failed %ld   ", s->generations,
                s->evaluations, p->o->max_evaluations, s->wall_s, rh, s->failed);
        fflush(stderr);
    }
}

void shp_cli_posterior_summary(const shp_problem *pb, const shp_posterior_options *o, const shp_posterior_result *r,
                               const shp_posterior_predictive_info *pi)
{
    printf("  sampler            DREAM(ZS), %d chains, %ld generations, %ld %s (%ld failed), acceptance %.2f\n",
           r->chains, r->generations, r->evaluations, shp_problem_needs_column(pb) ? "columns" : "evaluations",
           r->failed, r->proposed ? (double)r->accepted / (double)r->proposed : 0.0);
    if (r->converged)
        printf("  convergence        R-hat < %g: burn-in to generation %ld, sample %ld-%ld (%ld states)\n",
               o->rhat_target, r->burn_in_end, r->window_start, r->generations,
               (r->generations - r->window_start + 1) * r->chains);
    else
        printf("  convergence        NOT CONVERGED within %ld evaluations (R-hat target %g); the sample "
               "%ld-%ld is not a posterior yet\n", o->max_evaluations, o->rhat_target, r->window_start,
               r->generations);
    if (!o->sigma_known) {
        printf("  likelihood         Gaussian, sigma of each objective integrated out\n");
    } else {
        printf("  likelihood         Gaussian, sigma");
        for (int k = 0; k < shp_problem_n_obj(pb); ++k) {
            const int kind = shp_problem_obj_kind(pb, k);
            printf(" %s %g", shp_obs_name(kind), o->sigma[kind]);
        }
        printf("\n");
    }
    printf("  %-18s %11s %11s %11s %11s %11s %11s %6s %7s\n", "parameter", "mean", "sd", "2.5 %", "median",
           "97.5 %", "MAP", "R-hat", "ESS");
    const double *umap = shp_posterior_state(r, r->map_generation, r->map_chain);
    for (int j = 0; j < r->dim; ++j)
        printf("  %-18s %11.5g %11.4g %11.5g %11.5g %11.5g %11.5g %6.3f %7.0f\n", shp_problem_var_name(pb, j),
               r->mean[j], r->sd[j], r->q025[j], r->q50[j], r->q975[j], shp_problem_var_value(pb, j, umap[j]),
               r->rhat[j], r->ess[j]);
    for (int a = 0; a < r->dim; ++a)
        for (int b = a + 1; b < r->dim; ++b)
            if (fabs(r->corr[a * r->dim + b]) > 0.95)
                printf("  warning: %s and %s correlated at %.3f in the posterior\n", shp_problem_var_name(pb, a),
                       shp_problem_var_name(pb, b), r->corr[a * r->dim + b]);
    for (int j = 0; j < r->dim; ++j)
        if (r->ess[j] < SHP_POSTERIOR_ESS_FLAG) {
            printf("  warning: effective sample sizes below %d (%s: %.0f): the ends of the credible intervals "
                   "are rough; a lower fit.posterior.rhat (e.g. 1.05) runs longer\n", SHP_POSTERIOR_ESS_FLAG,
                   shp_problem_var_name(pb, j), r->ess[j]);
            break;
        }
    if (pi->failed) printf("  predictive         %d of %d draws failed to simulate\n", pi->failed, pi->draws);
    printf("  wall time          %.2f s\n", r->wall_s);
}

int shp_cli_posterior_write(const char *dir, shp_problem *pb, shp_backend *be, const shp_posterior_options *o,
                            const shp_posterior_result *r, const shp_fit_run_info *info, const char *log_name,
                            shp_posterior_predictive_info *pi, shp_plot_files *pf, int *plot_rc, char *err,
                            size_t len, char *plot_err, size_t plen)
{
    const int rc = shp_posterior_write_all(dir, pb, be, o, r, info, pi, err, len);
    if (rc != SHP_OK) return rc;
    const char *gp = shp_plot_program();
    shp_plot_files own = {0};
    int prc = shp_plot_posterior(dir, pb, r, &own, plot_err, plen);
    if (prc == SHP_OK && gp) prc = shp_plot_run(gp, dir, "posterior_plots.gp", log_name, plot_err, plen);
    if (!gp && pf->n == 0) pf->n = -1;
    if (prc == SHP_OK && gp)
        for (int i = 0; i < own.n; ++i) shp_plot_add_file(pf, own.name[i]);
    if (*plot_rc == SHP_OK) *plot_rc = prc;
    return SHP_OK;
}

void shp_cli_posterior_unconverged(const shp_posterior_options *o)
{
    fprintf(stderr, "shpfit: posterior: warning: R-hat did not reach %g within fit.posterior.max_evaluations = %ld: "
                    "the chains have not converged (raise the budget and run again with --resume)\n",
            o->rhat_target, o->max_evaluations);
}
