/* The fit as an ask–tell object (shpfit/fit.h): its phases are a table, each asking
 * for batches until it hands over to the next: an optimizer step, that step's polish,
 * then, after the last step, the archive, the best point and its uncertainty. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fit/fit_internal.h"

enum { PH_OPTIMIZE, PH_POLISH, PH_PARETO, PH_BEST, PH_UNCERTAINTY, PH_DONE };

struct shp_fit {
    const shp_problem *pb;
    shp_fit_options opt;
    int dim, nobj, n_res;
    int phase, step;
    int status;
    char msg[512];
    /* the current step */
    shp_step_space sp;
    shp_optimizer *o;
    double fixed_u;          /* two-step: the unit value of the variable step 1 keeps */
    long spent;              /* optimizer evaluations of the steps before */
    double step_s;           /* seconds of this step */
    long capped0;            /* the problem's columns at the step cap when it started */
    int by_budget;           /* fit.budget ended the fit */
    shp_opt_stop_reason interrupted;
    fit_polisher pol;
    /* the batch asked for */
    shp_fit_request rq;
    int pending;
    double *U, *Fs;
    int cap;
    /* the fit's clock and its search so far */
    double wall;
    long search_evals, told, failed;
    double best_sum;
    int hcap;
    shp_fit_result res;
};

static int fail(shp_fit *f, int status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(f->msg, sizeof f->msg, fmt, ap);
    va_end(ap);
    f->status = status;
    f->phase = PH_DONE;
    return status;
}

static int reserve(shp_fit *f, int n)
{
    if (n <= f->cap) return SHP_OK;
    double *U = realloc(f->U, (size_t)n * f->dim * sizeof *U);
    if (U) f->U = U;
    double *Fs = realloc(f->Fs, (size_t)n * f->nobj * sizeof *Fs);
    if (Fs) f->Fs = Fs;
    if (!U || !Fs) return fail(f, SHP_ERR_NOMEM, "out of memory");
    f->cap = n;
    return SHP_OK;
}

/* ---------------------------------------------------------------- steps */

static int start_step(shp_fit *f, int s)
{
    const shp_fit_step *st = &f->opt.step[s];
    f->step = s;
    shp_step_space_init(&f->sp, f->pb, st, s > 0 ? f->opt.fixed_var : -1, f->fixed_u);
    f->sp.sum = f->opt.polish_sum;
    shp_optimizer_destroy(f->o);
    /* the run id is the step: a campaign's variants of one seed draw common random
     * numbers, and a campaign's run is the fit of the same case, variant and seed */
    f->o = shp_optimizer_create(st->alg, f->sp.sdim, st->n_obj, &st->settings, f->opt.seed, s);
    if (!f->o) {
        char why[256] = "out of memory";
        shp_opt_check(st->alg, f->sp.sdim, st->n_obj, &st->settings, why, sizeof why);
        return fail(f, SHP_ERR_INVALID, "step %d: cannot create the optimizer: %s", s + 1, why);
    }
    f->step_s = 0.0;
    f->capped0 = shp_problem_capped(f->pb);
    f->phase = PH_OPTIMIZE;
    return reserve(f, shp_optimizer_pop_size(f->o));
}

/* Why the step ends before its next generation: an interruption, its own stop rules,
 * then fit.budget, of which `spent` optimizer evaluations went to the earlier steps. */
static shp_opt_stop_reason next_stop(shp_fit *f)
{
    if (f->interrupted != SHP_STOP_NONE) return f->interrupted;
    const shp_fit_step *st = &f->opt.step[f->step];
    shp_opt_stop_reason why = shp_optimizer_should_stop(f->o, &st->stop, f->step_s);
    if (why != SHP_STOP_NONE) return why;
    const long used = f->spent + shp_optimizer_evaluations(f->o);
    if (f->opt.budget_evaluations > 0 && used + shp_optimizer_pop_size(f->o) > f->opt.budget_evaluations)
        why = SHP_STOP_EVALUATIONS;
    else if (f->opt.budget_time_s > 0.0 && f->wall >= f->opt.budget_time_s)
        why = SHP_STOP_TIME;
    f->by_budget = why != SHP_STOP_NONE;
    return why;
}

/* Why a step ended without a single successful candidate. */
static int no_success(shp_fit *f)
{
    const long ev = shp_optimizer_evaluations(f->o), failed = shp_optimizer_failures(f->o);
    const long capped = shp_problem_capped(f->pb) - f->capped0;
    const char *key;
    const long cap = shp_problem_step_cap(f->pb, &key);
    const int s = f->step + 1;
    if (capped > 0 && capped == failed)
        return fail(f, SHP_ERR_NOT_CONVERGED, "step %d: no candidate succeeded (%ld evaluations, %ld failed): every "
                                              "column stopped at the step cap %s = %ld; raise it, or check the "
                                              "bounds and the solver options", s, ev, failed, key, cap);
    if (capped > 0)
        return fail(f, SHP_ERR_NOT_CONVERGED, "step %d: no candidate succeeded (%ld evaluations, %ld failed, %ld of "
                                              "them at the step cap %s = %ld); check the bounds and the solver "
                                              "options", s, ev, failed, capped, key, cap);
    return fail(f, SHP_ERR_NOT_CONVERGED, "step %d: no candidate succeeded (%ld evaluations, %ld failed); check the "
                                          "bounds and the solver options", s, ev, failed);
}

/* The step and its polish are over: the next step, or the end of the procedure. */
static int after_step(shp_fit *f)
{
    const int s = f->step;
    if (s == 0 && f->opt.n_steps > 1) f->fixed_u = f->res.u_best[f->opt.fixed_var];
    if (s == f->opt.n_steps - 1 || f->by_budget || f->interrupted != SHP_STOP_NONE) {
        f->phase = PH_PARETO;
        return SHP_OK;
    }
    return start_step(f, s + 1);
}

static int end_step(shp_fit *f, shp_opt_stop_reason why)
{
    const int s = f->step;
    f->res.why[s] = why;
    f->res.generations[s] = shp_optimizer_generation(f->o);
    f->res.steps_run = s + 1;
    f->spent += shp_optimizer_evaluations(f->o);
    double xb[SHP_MAX_FREE];
    if (shp_optimizer_best(f->o, xb, NULL) != SHP_OK) return no_success(f);
    shp_step_space_expand(&f->sp, f->dim, xb, 1, f->res.u_best);
    /* a spent time budget leaves no time for the polish, nor does an interruption */
    if (f->opt.polish && !(f->by_budget && why == SHP_STOP_TIME) && f->interrupted == SHP_STOP_NONE) {
        if (fit_polisher_init(&f->pol, f->pb, &f->opt.lm, &f->sp, f->res.u_best, &f->res.polish) != SHP_OK)
            return fail(f, SHP_ERR_NOMEM, "out of memory");
        f->phase = PH_POLISH;
        return SHP_OK;
    }
    return after_step(f);
}

static int optimize_ask(shp_fit *f, shp_fit_request *rq)
{
    const shp_opt_stop_reason why = next_stop(f);
    if (why != SHP_STOP_NONE) return end_step(f, why);
    const int rc = shp_optimizer_ask(f->o, NULL);
    if (rc != SHP_OK) return fail(f, rc, "step %d: ask failed: %s", f->step + 1, shp_strerror(rc));
    const int pop = shp_optimizer_pop_size(f->o);
    shp_step_space_expand(&f->sp, f->dim, shp_optimizer_candidates(f->o), pop, f->U);
    rq->n = pop;
    rq->u = f->U;
    rq->need = SHP_FIT_NEED_OBJECTIVES;
    return SHP_OK;
}

static int push_history(shp_fit *f, const shp_opt_log *line)
{
    shp_fit_result *res = &f->res;
    if (res->n_history == f->hcap) {
        const int nc = f->hcap ? 2 * f->hcap : 256;
        shp_fit_history *h = realloc(res->history, (size_t)nc * sizeof *h);
        if (!h) return fail(f, SHP_ERR_NOMEM, "out of memory");
        res->history = h;
        f->hcap = nc;
    }
    shp_fit_history *h = &res->history[res->n_history++];
    h->step = f->step + 1;
    h->wall_s = f->wall;
    h->log = *line;
    h->run_evaluations = f->search_evals;
    h->best_sum = f->best_sum;
    return SHP_OK;
}

static int optimize_tell(shp_fit *f, const double *F, const int *ok, const double *r, const double *J)
{
    (void)r;
    (void)J;
    const shp_fit_step *st = &f->opt.step[f->step];
    for (int i = 0; i < f->rq.n; ++i)
        for (int k = 0; k < st->n_obj; ++k) f->Fs[(long)i * st->n_obj + k] = F[(long)i * f->nobj + st->obj[k]];
    const int rc = shp_optimizer_tell(f->o, f->Fs, ok);
    if (rc != SHP_OK) return fail(f, rc, "step %d: tell failed: %s", f->step + 1, shp_strerror(rc));
    shp_opt_log line;
    shp_optimizer_log(f->o, &line);
    return push_history(f, &line);
}

/* ---------------------------------------------------------------- the polish */

static int polish_ask(shp_fit *f, shp_fit_request *rq)
{
    if (f->interrupted != SHP_STOP_NONE) fit_polisher_abort(&f->pol);
    const int rc = fit_polisher_ask(&f->pol, rq);
    if (rc != SHP_OK) return fail(f, rc, "polish: %s", shp_strerror(rc));
    if (rq->n > 0) return SHP_OK;
    memcpy(f->res.u_best, f->pol.u, (size_t)f->dim * sizeof *f->res.u_best);
    fit_polisher_free(&f->pol);
    return after_step(f);
}

static int polish_tell(shp_fit *f, const double *F, const int *ok, const double *r, const double *J)
{
    const int rc = fit_polisher_tell(&f->pol, F, ok, r, J);
    return rc == SHP_OK ? SHP_OK : fail(f, rc, "polish: %s", shp_strerror(rc));
}

/* ---------------------------------------------------------------- after the last step */

/* The last step's archive, evaluated on every objective of the problem. */
static int pareto_ask(shp_fit *f, shp_fit_request *rq)
{
    const shp_pareto *a = shp_optimizer_archive(f->o);
    const int n = a && !f->opt.skip_pareto ? shp_pareto_size(a) : 0;
    if (n == 0) {
        f->phase = PH_BEST;
        return SHP_OK;
    }
    if (reserve(f, n) != SHP_OK) return f->status;
    for (int i = 0; i < n; ++i) shp_step_space_expand(&f->sp, f->dim, shp_pareto_x(a, i), 1, f->U + (long)i * f->dim);
    rq->n = n;
    rq->u = f->U;
    rq->need = SHP_FIT_NEED_OBJECTIVES;
    return SHP_OK;
}

static int pareto_tell(shp_fit *f, const double *F, const int *ok, const double *r, const double *J)
{
    (void)ok;
    (void)r;
    (void)J;
    const int n = f->rq.n;
    f->res.pareto_u = malloc((size_t)n * f->dim * sizeof *f->res.pareto_u);
    f->res.pareto_f = malloc((size_t)n * f->nobj * sizeof *f->res.pareto_f);
    if (!f->res.pareto_u || !f->res.pareto_f) return fail(f, SHP_ERR_NOMEM, "out of memory");
    memcpy(f->res.pareto_u, f->U, (size_t)n * f->dim * sizeof *f->res.pareto_u);
    memcpy(f->res.pareto_f, F, (size_t)n * f->nobj * sizeof *f->res.pareto_f);
    f->res.n_pareto = n;
    f->phase = PH_BEST;
    return SHP_OK;
}

/* One candidate, the best point, with the given need. */
static int ask_best_point(shp_fit *f, shp_fit_request *rq, int need)
{
    memcpy(f->U, f->res.u_best, (size_t)f->dim * sizeof *f->U);
    rq->n = 1;
    rq->u = f->U;
    rq->need = need;
    return SHP_OK;
}

static int best_ask(shp_fit *f, shp_fit_request *rq) { return ask_best_point(f, rq, SHP_FIT_NEED_OBJECTIVES); }

static int best_tell(shp_fit *f, const double *F, const int *ok, const double *r, const double *J)
{
    (void)ok;
    (void)r;
    (void)J;
    memcpy(f->res.f_best, F, (size_t)f->nobj * sizeof *F);
    f->phase = PH_UNCERTAINTY;
    return SHP_OK;
}

/* Linearised at the best point (its status says when there is none: a failed point,
 * or no more residuals than variables). */
static int uncertainty_ask(shp_fit *f, shp_fit_request *rq)
{
    if (f->opt.skip_uncertainty || f->n_res - f->dim < 1) {
        shp_uncertainty_from_jacobian(f->pb, f->res.u_best, NULL, NULL, 0, &f->res.uncertainty);
        f->phase = PH_DONE;
        return SHP_OK;
    }
    return ask_best_point(f, rq, SHP_FIT_NEED_JACOBIAN);
}

static int uncertainty_tell(shp_fit *f, const double *F, const int *ok, const double *r, const double *J)
{
    (void)F;
    if (shp_uncertainty_from_jacobian(f->pb, f->res.u_best, r, J, ok[0], &f->res.uncertainty) == SHP_ERR_NOMEM)
        return fail(f, SHP_ERR_NOMEM, "out of memory");
    f->phase = PH_DONE;
    return SHP_OK;
}

/* ---------------------------------------------------------------- the table */

typedef struct {
    int (*ask)(shp_fit *f, shp_fit_request *rq);  /* rq->n = 0: it handed over */
    int (*tell)(shp_fit *f, const double *F, const int *ok, const double *r, const double *J);
    int search; /* its columns count as the search's (history, best_sum) */
} fit_phase;

static const fit_phase PHASES[PH_DONE] = {
    [PH_OPTIMIZE] = {optimize_ask, optimize_tell, 1},
    [PH_POLISH] = {polish_ask, polish_tell, 1},
    [PH_PARETO] = {pareto_ask, pareto_tell, 0},
    [PH_BEST] = {best_ask, best_tell, 0},
    [PH_UNCERTAINTY] = {uncertainty_ask, uncertainty_tell, 0},
};

shp_status shp_fit_create(const shp_problem *pb, const shp_fit_options *opt, shp_fit **out)
{
    *out = NULL;
    shp_fit *f = calloc(1, sizeof *f);
    if (!f) return SHP_ERR_NOMEM;
    f->pb = pb;
    f->opt = *opt;
    f->dim = shp_problem_dim(pb);
    f->nobj = shp_problem_n_obj(pb);
    f->n_res = shp_problem_n_residuals(pb);
    f->fixed_u = NAN;
    f->best_sum = HUGE_VAL;
    f->phase = -1; /* the first ask starts step 1 */
    f->res.uncertainty.status = SHP_ERR_INVALID; /* until computed */
    f->res.u_best = calloc((size_t)f->dim, sizeof *f->res.u_best);
    f->res.f_best = calloc((size_t)f->nobj, sizeof *f->res.f_best);
    if (!f->res.u_best || !f->res.f_best || reserve(f, 1) != SHP_OK) {
        shp_fit_destroy(f);
        return SHP_ERR_NOMEM;
    }
    *out = f;
    return SHP_OK;
}

void shp_fit_destroy(shp_fit *f)
{
    if (!f) return;
    fit_polisher_free(&f->pol);
    shp_optimizer_destroy(f->o);
    shp_fit_result_free(&f->res);
    free(f->U);
    free(f->Fs);
    free(f);
}

shp_status shp_fit_ask(shp_fit *f, shp_fit_request *rq)
{
    if (f->pending) {
        *rq = f->rq;
        return SHP_OK;
    }
    if (f->phase < 0 && start_step(f, 0) != SHP_OK) {
        rq->n = 0;
        return f->status;
    }
    rq->n = 0;
    while (f->phase != PH_DONE) {
        const int rc = PHASES[f->phase].ask(f, rq);
        if (rc != SHP_OK) {
            rq->n = 0;
            return f->status != SHP_OK ? f->status : fail(f, rc, "%s", shp_strerror(rc));
        }
        if (rq->n > 0) {
            f->rq = *rq;
            f->pending = 1;
            return SHP_OK;
        }
    }
    return f->status;
}

shp_status shp_fit_tell(shp_fit *f, const double *F, const int *ok, const double *r, const double *J, double seconds)
{
    if (!f->pending) return SHP_ERR_INVALID;
    f->pending = 0;
    f->wall += seconds;
    f->step_s += seconds;
    const int n = f->rq.n, search = PHASES[f->phase].search;
    if (f->phase == PH_POLISH) f->res.polish.wall_s += seconds;
    f->told += n;
    for (int i = 0; i < n; ++i) {
        f->failed += !ok[i];
        if (!search || !ok[i]) continue;
        double sum = 0.0;
        for (int k = 0; k < f->nobj; ++k) sum += F[(long)i * f->nobj + k];
        if (sum < f->best_sum) f->best_sum = sum;
    }
    if (search) f->search_evals += n;
    const int rc = PHASES[f->phase].tell(f, F, ok, r, J);
    return rc == SHP_OK ? SHP_OK : f->status;
}

void shp_fit_interrupt(shp_fit *f, shp_opt_stop_reason why)
{
    if (f->interrupted == SHP_STOP_NONE) f->interrupted = why;
}

int shp_fit_done(const shp_fit *f) { return f->phase == PH_DONE; }
shp_status shp_fit_status(const shp_fit *f) { return f->status; }
const char *shp_fit_errmsg(const shp_fit *f) { return f->msg; }

const shp_fit_history *shp_fit_history_lines(const shp_fit *f, int *n)
{
    *n = f->res.n_history;
    return f->res.history;
}

const shp_pareto *shp_fit_archive(const shp_fit *f) { return f->o ? shp_optimizer_archive(f->o) : NULL; }

shp_status shp_fit_get_result(shp_fit *f, shp_fit_result *res)
{
    if (f->phase != PH_DONE) return SHP_ERR_INVALID;
    *res = f->res;
    res->evaluations = f->told;
    res->failed = f->failed;
    res->search_evaluations = f->search_evals;
    res->wall_s = f->wall;
    memset(&f->res, 0, sizeof f->res);
    f->hcap = 0;
    return f->status;
}

shp_status shp_fit_evaluate(shp_problem *pb, shp_backend *be, const shp_fit_request *rq, double *f, int *ok, double *r,
                            double *J)
{
    switch (rq->need) {
    case SHP_FIT_NEED_JACOBIAN: return shp_problem_evaluate_jacobian(pb, be, rq->u, rq->n, f, ok, r, J);
    case SHP_FIT_NEED_RESIDUALS: return shp_problem_evaluate_residuals(pb, be, rq->u, rq->n, f, ok, r);
    default: return shp_problem_evaluate(pb, be, rq->u, rq->n, f, ok);
    }
}
