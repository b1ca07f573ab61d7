/* A whole fit on one backend (shpfit/fit.h): the loop over the fit object (ask →
 * evaluate → tell), timed by the problem's clock (a resumed run's includes the time of
 * the run it resumes). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fit/fit_internal.h"

shp_status shp_fit_run(shp_problem *pb, shp_backend *be, const shp_fit_options *opt,
                       shp_fit_progress_fn progress, void *ctx, shp_fit_result *res, char *err,
                       size_t len)
{
    memset(res, 0, sizeof *res);
    shp_fit *fit = NULL;
    if (shp_fit_create(pb, opt, &fit) != SHP_OK) {
        snprintf(err, len, "out of memory");
        return SHP_ERR_NOMEM;
    }
    shp_fit_buffers b = {0};
    double last = shp_problem_recording(pb) ? 0.0 : shp_problem_clock(pb);
    int rc, told = 0;
    shp_fit_request rq;
    while ((rc = shp_fit_ask(fit, &rq)) == SHP_OK && rq.n > 0) {
        rc = shp_fit_buffers_reserve(&b, pb, rq.n, rq.need);
        if (rc == SHP_OK) rc = shp_fit_evaluate(pb, be, &rq, b.f, b.ok, b.r, b.J);
        if (rc != SHP_OK) {
            snprintf(err, len, "batch evaluation failed: %s", shp_strerror(rc));
            break;
        }
        const double now = shp_problem_clock(pb);
        rc = shp_fit_tell(fit, b.f, b.ok, b.r, b.J, now - last);
        last = now;
        int n;
        const shp_fit_history *h = shp_fit_history_lines(fit, &n);
        for (; progress && told < n; ++told)
            progress(h[told].step, opt->n_steps, &h[told].log, &opt->step[h[told].step - 1], ctx);
        if (rc != SHP_OK) break;
    }
    if (rc != SHP_OK && shp_fit_status(fit) != SHP_OK) snprintf(err, len, "%s", shp_fit_errmsg(fit));
    if (shp_fit_done(fit)) shp_fit_get_result(fit, res);
    shp_fit_destroy(fit);
    shp_fit_buffers_free(&b);
    /* the problem's counts: invalid candidates too */
    shp_problem_counts(pb, &res->evaluations, &res->invalid, &res->failed);
    if (rc != SHP_OK && *shp_problem_record_error(pb)) /* the checkpoint's failure is the cause */
        snprintf(err, len, "%s", shp_problem_record_error(pb));
    return rc;
}

void shp_fit_result_free(shp_fit_result *res)
{
    if (!res) return;
    free(res->u_best);
    free(res->f_best);
    free(res->history);
    free(res->pareto_u);
    free(res->pareto_f);
    memset(res, 0, sizeof *res);
}

