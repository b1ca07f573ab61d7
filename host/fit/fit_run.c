/* A whole fit on one backend (shpfit/fit.h): the loop over the fit object (ask →
 * evaluate → tell), and the true materials a fit is compared with. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config/cfg_json.h"
#include "fit/fit_internal.h"
#include "shpfit/journal.h"
#include "io/json_file.h"

shp_status shp_fit_truth(const shp_problem *pb, shp_material *truth, char *err, size_t len)
{
    const shp_forward_problem *fp = shp_problem_forward(pb);
    const cJSON *t = cfg_child(shp_problem_fit_config(pb), "truth");
    const cfg_ctx c = {fp->path, err, len};
    if (!t) {
        snprintf(err, len, "no fit.truth");
        return SHP_ERR_INVALID;
    }
    memcpy(truth, fp->materials, (size_t)fp->n_materials * sizeof *truth);
    if (cJSON_IsString(t) && !strcmp(t->valuestring, "materials")) {
        if (!shp_problem_start_given(pb))
            return cfg_fail(&c, "fit.truth", "\"materials\": the materials leave fitted parameters out; give the "
                                             "true values as {\"material\": {\"parameter\": value}}");
        return SHP_OK;
    }
    if (!cJSON_IsObject(t))
        return cfg_fail(&c, "fit.truth", "expected \"materials\" or {\"material\": {\"param\": value}}");
    CFG_TRY(cfg_check_duplicates(&c, t, "fit.truth"));
    for (const cJSON *m = t->child; m; m = m->next) {
        if (m->string[0] == '_') continue;
        char path[CFG_PATH_MAX];
        cfg_path(path, sizeof path, "fit.truth", m->string);
        const int i = shp_forward_material_index(fp, m->string);
        if (i < 0) return cfg_fail(&c, path, "unknown material");
        if (!cJSON_IsObject(m)) return cfg_fail(&c, path, "expected an object of parameters");
        const shp_model_desc *d = shp_model_by_id(truth[i].model);
        CFG_TRY(cfg_check_duplicates(&c, m, path));
        unsigned named = 0;
        for (const cJSON *p = m->child; p; p = p->next) {
            char pp[CFG_PATH_MAX];
            cfg_path(pp, sizeof pp, path, p->string);
            const int k = shp_model_param_index(d, p->string);
            if (k < 0) return cfg_fail(&c, pp, "model %s has no such parameter", d->name);
            named |= 1u << k;
            CFG_TRY(cfg_number_item(&c, p, pp, &truth[i].p[k]));
            CFG_TRY(cfg_require_plausible(&c, pp, &d->params[k], fp, truth[i].p[k]));
        }
        const unsigned lack = shp_problem_unset(pb, i) & ~named;
        for (int k = 0; k < d->n_params; ++k)
            if (lack >> k & 1u)
                return cfg_fail(&c, path, "give %s: the materials leave it out", d->params[k].name);
        char why[256];
        if (shp_model_validate(&truth[i], why, sizeof why) != SHP_OK) return cfg_fail(&c, path, "%s", why);
    }
    for (int i = 0; i < fp->n_materials; ++i) /* a material the truth does not name */
        if (shp_problem_unset(pb, i) && !cfg_child(t, fp->material_names[i]))
            return cfg_fail(&c, "fit.truth", "give the true values of %s: the materials leave fitted parameters "
                                             "out", fp->material_names[i]);
    return SHP_OK;
}

double shp_fit_clock(const shp_problem *pb)
{
    const shp_journal *j = shp_problem_journal(pb);
    return j ? shp_journal_clock(j) : shp_wall_seconds();
}

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
    double last = shp_problem_journal(pb) ? 0.0 : shp_fit_clock(pb);
    int rc, told = 0;
    shp_fit_request rq;
    while ((rc = shp_fit_ask(fit, &rq)) == SHP_OK && rq.n > 0) {
        rc = shp_fit_buffers_reserve(&b, pb, rq.n, rq.need);
        if (rc == SHP_OK) rc = shp_fit_evaluate(pb, be, &rq, b.f, b.ok, b.r, b.J);
        if (rc != SHP_OK) {
            snprintf(err, len, "batch evaluation failed: %s", shp_strerror(rc));
            break;
        }
        const double now = shp_fit_clock(pb);
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
    const shp_journal *j = shp_problem_journal(pb);
    if (rc != SHP_OK && j && *shp_journal_error(j)) /* the checkpoint's failure is the cause */
        snprintf(err, len, "%s", shp_journal_error(j));
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

