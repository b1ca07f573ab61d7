/* The fit driver (shpfit/fit.h): ask → evaluate on the backend → tell, per step, with
 * the history, the best solution and the Pareto archive. */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "config/cfg_json.h"
#include "shpfit/fit.h"
#include "shpfit/journal.h"
#include "io/json_file.h"

int shp_fit_truth(const shp_problem *pb, shp_material *truth, char *err, size_t len)
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

/* Evaluation of a step's population: the step's variables are the problem's with the
 * fixed one taken out, its objectives a subset of the problem's. */
typedef struct {
    shp_problem *pb;
    shp_backend *be;
    const shp_fit_step *st;
    shp_step_space sp; /* the step's variables within the problem's */
    double *u_full, *f_full, *f_step;
    int *ok;
} step_eval;

static int evaluate(step_eval *e, const double *x, int n)
{
    const int dim = shp_problem_dim(e->pb), nobj = shp_problem_n_obj(e->pb);
    shp_step_space_expand(&e->sp, dim, x, n, e->u_full);
    const int rc = shp_problem_evaluate(e->pb, e->be, e->u_full, n, e->f_full, e->ok);
    for (int i = 0; i < n; ++i)
        for (int k = 0; k < e->st->n_obj; ++k)
            e->f_step[(long)i * e->st->n_obj + k] = e->f_full[(long)i * nobj + e->st->obj[k]];
    return rc;
}

/* Seconds since t0 on the run's clock: the journal's when there is one (a resumed run
 * counts the time of the run it resumes), else the wall clock's. t0 is of that clock. */
static double run_clock(const shp_problem *pb)
{
    const shp_journal *j = shp_problem_journal(pb);
    return j ? shp_journal_clock(j) : shp_wall_seconds();
}

static int push_history(shp_fit_result *res, int *cap, int step, double wall, const shp_opt_log *line)
{
    if (res->n_history == *cap) {
        const int nc = *cap ? 2 * *cap : 256;
        shp_fit_history *h = realloc(res->history, (size_t)nc * sizeof *h);
        if (!h) return SHP_ERR_NOMEM;
        res->history = h;
        *cap = nc;
    }
    shp_fit_history *h = &res->history[res->n_history++];
    h->step = step;
    h->wall_s = wall;
    h->log = *line;
    return SHP_OK;
}

/* Re-evaluate the last step's archive on every objective of the problem. */
static int collect_pareto(step_eval *e, shp_optimizer *o, shp_fit_result *res)
{
    const shp_pareto *a = shp_optimizer_archive(o);
    if (!a || shp_pareto_size(a) == 0) return SHP_OK;
    const int n = shp_pareto_size(a), sdim = shp_optimizer_dim(o);
    const int dim = shp_problem_dim(e->pb), nobj = shp_problem_n_obj(e->pb);
    double *x = malloc((size_t)n * sdim * sizeof *x);
    res->pareto_u = malloc((size_t)n * dim * sizeof *res->pareto_u);
    res->pareto_f = malloc((size_t)n * nobj * sizeof *res->pareto_f);
    double *uf = realloc(e->u_full, (size_t)n * dim * sizeof *uf);
    double *ff = realloc(e->f_full, (size_t)n * nobj * sizeof *ff);
    if (uf) e->u_full = uf;
    if (ff) e->f_full = ff;
    double *fs = realloc(e->f_step, (size_t)n * nobj * sizeof *fs);
    if (fs) e->f_step = fs;
    int *ok = realloc(e->ok, (size_t)n * sizeof *ok);
    if (ok) e->ok = ok;
    if (!x || !res->pareto_u || !res->pareto_f || !uf || !ff || !fs || !ok) {
        free(x);
        return SHP_ERR_NOMEM;
    }
    for (int i = 0; i < n; ++i) memcpy(x + (long)i * sdim, shp_pareto_x(a, i), (size_t)sdim * sizeof *x);
    const int rc = evaluate(e, x, n);
    free(x);
    if (rc != SHP_OK) return rc;
    memcpy(res->pareto_u, e->u_full, (size_t)n * dim * sizeof *res->pareto_u);
    memcpy(res->pareto_f, e->f_full, (size_t)n * nobj * sizeof *res->pareto_f);
    res->n_pareto = n;
    return SHP_OK;
}

/* Why step st ends before its next generation: its own stop rules, then fit.budget, of
 * which `spent` optimizer evaluations went to the earlier steps and run_s seconds to the
 * whole fit (*by_budget = 1 when the budget ends it). */
static shp_opt_stop_reason next_stop(shp_optimizer *o, const shp_fit_step *st, const shp_fit_options *opt,
                                     long spent, double step_s, double run_s, int *by_budget)
{
    shp_opt_stop_reason why = shp_optimizer_should_stop(o, &st->stop, step_s);
    if (why != SHP_STOP_NONE) return why;
    const long used = spent + shp_optimizer_evaluations(o);
    if (opt->budget_evaluations > 0 && used + shp_optimizer_pop_size(o) > opt->budget_evaluations)
        why = SHP_STOP_EVALUATIONS;
    else if (opt->budget_time_s > 0.0 && run_s >= opt->budget_time_s)
        why = SHP_STOP_TIME;
    *by_budget = why != SHP_STOP_NONE;
    return why;
}

/* Why a step ended without a single successful candidate, in err. */
static void no_success(const shp_problem *pb, const shp_optimizer *o, int step, long capped, char *err, size_t len)
{
    const long ev = shp_optimizer_evaluations(o), failed = shp_optimizer_failures(o);
    const char *key;
    const long cap = shp_problem_step_cap(pb, &key);
    if (capped > 0 && capped == failed)
        snprintf(err, len, "step %d: no candidate succeeded (%ld evaluations, %ld failed): every column stopped at "
                           "the step cap %s = %ld; raise it, or check the bounds and the solver options",
                 step, ev, failed, key, cap);
    else if (capped > 0)
        snprintf(err, len, "step %d: no candidate succeeded (%ld evaluations, %ld failed, %ld of them at the step "
                           "cap %s = %ld); check the bounds and the solver options",
                 step, ev, failed, capped, key, cap);
    else
        snprintf(err, len, "step %d: no candidate succeeded (%ld evaluations, %ld failed); check the bounds and "
                           "the solver options", step, ev, failed);
}

int shp_fit_run(shp_problem *pb, shp_backend *be, const shp_fit_options *opt,
                shp_fit_progress_fn progress, void *ctx, shp_fit_result *res, char *err,
                size_t len)
{
    memset(res, 0, sizeof *res);
    const int dim = shp_problem_dim(pb), nobj = shp_problem_n_obj(pb);
    res->u_best = calloc((size_t)dim, sizeof *res->u_best);
    res->f_best = calloc((size_t)nobj, sizeof *res->f_best);
    if (!res->u_best || !res->f_best) {
        snprintf(err, len, "out of memory");
        return SHP_ERR_NOMEM;
    }
    const double t0 = shp_problem_journal(pb) ? 0.0 : run_clock(pb);
    int rc = SHP_OK, hcap = 0, by_budget = 0;
    long spent = 0; /* optimizer evaluations of the steps before */
    double fixed_u = NAN;
    for (int s = 0; s < opt->n_steps && rc == SHP_OK && !by_budget; ++s) {
        const shp_fit_step *st = &opt->step[s];
        step_eval e = {pb, be, st, {0}, NULL, NULL, NULL, NULL};
        shp_step_space_init(&e.sp, pb, st, s > 0 ? opt->fixed_var : -1, fixed_u);
        e.sp.sum = opt->polish_sum;
        const int sdim = e.sp.sdim;
        shp_optimizer *o = shp_optimizer_create(st->alg, sdim, st->n_obj, &st->settings, opt->seed, s);
        const int pop = o ? shp_optimizer_pop_size(o) : 0;
        e.u_full = malloc((size_t)pop * dim * sizeof *e.u_full);
        e.f_full = malloc((size_t)pop * nobj * sizeof *e.f_full);
        e.f_step = malloc((size_t)pop * nobj * sizeof *e.f_step);
        e.ok = malloc((size_t)pop * sizeof *e.ok);
        if (!o || !e.u_full || !e.f_full || !e.f_step || !e.ok) {
            char why[256] = "out of memory";
            if (!o) shp_opt_check(st->alg, sdim, st->n_obj, &st->settings, why, sizeof why);
            snprintf(err, len, "step %d: cannot create the optimizer: %s", s + 1, why);
            rc = o ? SHP_ERR_NOMEM : SHP_ERR_INVALID;
        }
        shp_opt_stop_reason why = SHP_STOP_NONE;
        const double ts = run_clock(pb);
        const long capped0 = shp_problem_capped(pb);
        while (rc == SHP_OK && (why = next_stop(o, st, opt, spent, run_clock(pb) - ts, run_clock(pb) - t0,
                                                &by_budget)) == SHP_STOP_NONE) {
            const char *stage = "ask";
            rc = shp_optimizer_ask(o, NULL);
            if (rc == SHP_OK) {
                stage = "batch evaluation";
                rc = evaluate(&e, shp_optimizer_candidates(o), pop);
            }
            if (rc == SHP_OK) {
                stage = "tell";
                rc = shp_optimizer_tell(o, e.f_step, e.ok);
            }
            if (rc != SHP_OK) {
                snprintf(err, len, "step %d: %s failed: %s", s + 1, stage, shp_strerror(rc));
                break;
            }
            shp_opt_log line;
            shp_optimizer_log(o, &line);
            rc = push_history(res, &hcap, s + 1, run_clock(pb) - t0, &line);
            if (progress) progress(s + 1, opt->n_steps, &line, st, ctx);
        }
        if (rc == SHP_OK) {
            res->why[s] = why;
            res->generations[s] = shp_optimizer_generation(o);
            res->steps_run = s + 1;
            spent += shp_optimizer_evaluations(o);
            double *xb = malloc((size_t)sdim * sizeof *xb);
            if (!xb) {
                snprintf(err, len, "out of memory");
                rc = SHP_ERR_NOMEM;
            } else if (shp_optimizer_best(o, xb, NULL) != SHP_OK) {
                no_success(pb, o, s + 1, shp_problem_capped(pb) - capped0, err, len);
                rc = SHP_ERR_NOT_CONVERGED;
            } else {
                shp_step_space_expand(&e.sp, dim, xb, 1, res->u_best);
                /* a spent time budget leaves no time for the polish (a campaign's rule) */
                if (opt->polish && !(by_budget && why == SHP_STOP_TIME))
                    rc = shp_fit_polish(pb, be, &opt->lm, &e.sp, res->u_best, &res->polish, err, len);
                if (s == 0 && opt->n_steps > 1) fixed_u = res->u_best[opt->fixed_var];
                if (rc == SHP_OK && (s == opt->n_steps - 1 || by_budget)) rc = collect_pareto(&e, o, res);
            }
            free(xb);
        }
        shp_optimizer_destroy(o);
        free(e.u_full);
        free(e.f_full);
        free(e.f_step);
        free(e.ok);
    }
    if (rc == SHP_OK) { /* every objective at the best solution */
        int ok = 0;
        rc = shp_problem_evaluate(pb, be, res->u_best, 1, res->f_best, &ok);
        /* and its uncertainty (its status says when there is none: a failed point, or no
         * more residuals than variables); not in the checkpoint, recomputed on resume */
        if (rc == SHP_OK && shp_uncertainty_at(pb, be, res->u_best, &res->uncertainty) == SHP_ERR_NOMEM)
            rc = SHP_ERR_NOMEM;
    }
    shp_problem_counts(pb, &res->evaluations, &res->invalid, &res->failed);
    res->wall_s = run_clock(pb) - t0;
    const shp_journal *j = shp_problem_journal(pb);
    if (rc != SHP_OK && j && *shp_journal_error(j)) /* the checkpoint's failure is the cause */
        snprintf(err, len, "%s", shp_journal_error(j));
    return rc;
}

void shp_step_space_init(shp_step_space *sp, const shp_problem *pb, const shp_fit_step *st, int fixed_var,
                         double fixed_u)
{
    sp->st = st;
    sp->fixed_var = fixed_var;
    sp->fixed_u = fixed_u;
    sp->sdim = shp_problem_dim(pb) - (fixed_var >= 0);
    sp->sum = 1;
    for (int k = 0; k < SHP_OBS_COUNT; ++k) sp->weight[k] = 1.0;
    sp->n_res = 0;
    for (int k = 0; k < st->n_obj; ++k) sp->n_res += shp_problem_obj_points(pb, st->obj[k]);
}

void shp_step_space_whole(const shp_problem *pb, shp_fit_step *st, shp_step_space *sp)
{
    memset(st, 0, sizeof *st);
    st->n_obj = shp_problem_n_obj(pb);
    for (int k = 0; k < st->n_obj; ++k) st->obj[k] = k;
    shp_step_space_init(sp, pb, st, -1, 0.0);
}

void shp_step_space_expand(const shp_step_space *sp, int dim, const double *x, int n, double *u)
{
    for (int i = 0; i < n; ++i)
        for (int j = 0, k = 0; j < dim; ++j)
            u[(long)i * dim + j] = j == sp->fixed_var ? sp->fixed_u : x[(long)i * sp->sdim + k++];
}

void shp_step_space_project(const shp_step_space *sp, int dim, const double *u, double *x)
{
    for (int j = 0, k = 0; j < dim; ++j)
        if (j != sp->fixed_var) x[k++] = u[j];
}

void shp_step_space_residuals(const shp_step_space *sp, const shp_problem *pb, const double *r_all, int n,
                              double *r_step)
{
    const int m = shp_problem_n_residuals(pb), nobj = shp_problem_n_obj(pb);
    int off[SHP_OBS_COUNT + 1];
    off[0] = 0;
    for (int k = 0; k < nobj; ++k) off[k + 1] = off[k] + shp_problem_obj_points(pb, k);
    for (int i = 0; i < n; ++i) {
        double *out = r_step + (long)i * sp->n_res;
        for (int k = 0; k < sp->st->n_obj; ++k) {
            const int o = sp->st->obj[k], cnt = off[o + 1] - off[o];
            for (int q = 0; q < cnt; ++q) out[q] = sp->weight[o] * r_all[(long)i * m + off[o] + q];
            out += cnt;
        }
    }
}

void shp_step_space_jacobian(const shp_step_space *sp, const shp_problem *pb, const double *J_all, int n,
                             double *J_step)
{
    const int m = shp_problem_n_residuals(pb), nobj = shp_problem_n_obj(pb), dim = shp_problem_dim(pb);
    int off[SHP_OBS_COUNT + 1];
    off[0] = 0;
    for (int k = 0; k < nobj; ++k) off[k + 1] = off[k] + shp_problem_obj_points(pb, k);
    for (int i = 0; i < n; ++i) {
        double *out = J_step + (long)i * sp->n_res * sp->sdim;
        for (int k = 0; k < sp->st->n_obj; ++k) {
            const int o = sp->st->obj[k];
            for (int q = off[o]; q < off[o + 1]; ++q, out += sp->sdim) {
                shp_step_space_project(sp, dim, J_all + ((long)i * m + q) * dim, out);
                for (int j = 0; j < sp->sdim; ++j) out[j] *= sp->weight[o];
            }
        }
    }
}

/* One least-squares problem of the step, weighted as sp says, solved from u (in place);
 * adds its iterations, columns and one round to info (the caller owns the rest). */
static int polish_lm(shp_problem *pb, shp_backend *be, const shp_lm_settings *s, const shp_step_space *sp,
                     double *u, shp_fit_polish_info *info, char *err, size_t len)
{
    const int dim = shp_problem_dim(pb), nobj = shp_problem_n_obj(pb), m = shp_problem_n_residuals(pb);
    const int cap = shp_lm_max_candidates(sp->sdim, s);
    double x0[32]; /* shpfit/lm.h: at most 32 variables; SHP_MAX_FREE is 16 */
    shp_step_space_project(sp, dim, u, x0);
    shp_lm *lm = shp_lm_create(sp->sdim, sp->n_res, s, x0);
    double *r = malloc((size_t)cap * m * sizeof *r), *rs = malloc((size_t)cap * sp->n_res * sizeof *rs);
    double *f = malloc((size_t)cap * nobj * sizeof *f), *uu = malloc((size_t)cap * dim * sizeof *uu);
    int *ok = malloc((size_t)cap * sizeof *ok);
    /* exact Jacobians: the problem's and the step's, per candidate */
    const int exact = s->jacobian == SHP_LM_JACOBIAN_EXACT;
    double *J = exact ? malloc((size_t)cap * m * dim * sizeof *J) : NULL;
    double *Js = exact ? malloc((size_t)cap * sp->n_res * sp->sdim * sizeof *Js) : NULL;
    int rc = lm && r && rs && f && uu && ok && (!exact || (J && Js)) ? SHP_OK : SHP_ERR_NOMEM;
    while (rc == SHP_OK && !shp_lm_done(lm)) {
        const int n = shp_lm_ask(lm);
        if (n == 0) break;
        shp_step_space_expand(sp, dim, shp_lm_candidates(lm), n, uu);
        if (exact) {
            rc = shp_problem_evaluate_jacobian(pb, be, uu, n, f, ok, r, J);
            shp_step_space_residuals(sp, pb, r, n, rs);
            shp_step_space_jacobian(sp, pb, J, n, Js);
            if (rc == SHP_OK) rc = shp_lm_tell_jacobian(lm, rs, Js, ok);
        } else {
            rc = shp_problem_evaluate_residuals(pb, be, uu, n, f, ok, r);
            shp_step_space_residuals(sp, pb, r, n, rs);
            if (rc == SHP_OK) rc = shp_lm_tell(lm, rs, ok);
        }
    }
    if (rc == SHP_OK) {
        shp_lm_best(lm, x0, NULL);
        shp_step_space_expand(sp, dim, x0, 1, u);
        info->iterations += shp_lm_iterations(lm);
        info->evaluations += shp_lm_evaluations(lm);
    } else {
        snprintf(err, len, "polish: %s", shp_strerror(rc));
    }
    ++info->rounds;
    shp_lm_destroy(lm);
    free(J);
    free(Js);
    free(r);
    free(rs);
    free(f);
    free(uu);
    free(ok);
    return rc;
}

/* The step's objectives at u: their sum and ½ Σ of their squares; 0 when the column
 * failed (or SHP_ERR_NOMEM). */
static int step_objectives(shp_problem *pb, shp_backend *be, const shp_step_space *sp, const double *u,
                           double *f, double *sum, double *cost, int *ok)
{
    const int rc = shp_problem_evaluate(pb, be, u, 1, f, ok);
    *sum = *cost = 0.0;
    for (int k = 0; k < sp->st->n_obj; ++k) {
        const double v = f[sp->st->obj[k]];
        *sum += v;
        *cost += 0.5 * v * v;
    }
    *ok = *ok && rc == SHP_OK && isfinite(*sum);
    return rc;
}

/* Majorize–minimize rounds at most, and the relative fall of Σψ below which they stop:
 * the iteration converges linearly (its least-squares model overstates the curvature of
 * each ψ along its own gradient) */
#define POLISH_SUM_ROUNDS 40
#define POLISH_SUM_FTOL 1e-8

int shp_fit_polish(shp_problem *pb, shp_backend *be, const shp_lm_settings *s, const shp_step_space *sp,
                   double *u, shp_fit_polish_info *info, char *err, size_t len)
{
    const int dim = shp_problem_dim(pb);
    const double t0 = run_clock(pb), wall0 = info->wall_s;
    double f[SHP_OBS_COUNT], sum = 0.0, cost = 0.0;
    int ok = 0;
    int rc = step_objectives(pb, be, sp, u, f, &sum, &cost, &ok);
    ++info->evaluations;
    if (rc != SHP_OK) {
        snprintf(err, len, "polish: %s", shp_strerror(rc));
        return rc;
    }
    info->sum_start = sum;
    info->cost_start = cost;
    if (!sp->sum || sp->st->n_obj < 2 || !ok) { /* Σψ²: one problem, as sp weights it (1) */
        rc = polish_lm(pb, be, s, sp, u, info, err, len);
        if (rc == SHP_OK) {
            rc = step_objectives(pb, be, sp, u, f, &sum, &cost, &ok);
            ++info->evaluations;
            if (rc != SHP_OK) snprintf(err, len, "polish: %s", shp_strerror(rc));
            info->sum_end = ok ? sum : NAN;
            info->cost_end = ok ? cost : NAN;
            info->done = rc == SHP_OK;
        }
        info->wall_s = wall0 + run_clock(pb) - t0;
        return rc;
    }
    /* Σψ: weight 1/√ψ_k on objective k's residuals makes the least-squares cost Σ ψ_k²/ψ_k⁰,
     * whose minimum lowers Σψ. A ψ far below the others is floored (its weight would
     * otherwise grow without bound as it vanishes: noise-free data) */
    double *ut = malloc((size_t)dim * sizeof *ut);
    if (!ut) return SHP_ERR_NOMEM;
    shp_step_space w = *sp;
    for (int round = 0; round < POLISH_SUM_ROUNDS && rc == SHP_OK; ++round) {
        double fmax = 0.0;
        for (int k = 0; k < sp->st->n_obj; ++k) fmax = fmax > f[sp->st->obj[k]] ? fmax : f[sp->st->obj[k]];
        if (!(fmax > 0.0)) break; /* Σψ = 0: nothing to lower */
        for (int k = 0; k < sp->st->n_obj; ++k) {
            const double fk = f[sp->st->obj[k]];
            w.weight[sp->st->obj[k]] = 1.0 / sqrt(fk > 1e-3 * fmax ? fk : 1e-3 * fmax);
        }
        memcpy(ut, u, (size_t)dim * sizeof *ut);
        rc = polish_lm(pb, be, s, &w, ut, info, err, len);
        if (rc != SHP_OK) break;
        double f1[SHP_OBS_COUNT], sum1 = 0.0, cost1 = 0.0;
        rc = step_objectives(pb, be, sp, ut, f1, &sum1, &cost1, &ok);
        ++info->evaluations;
        if (rc != SHP_OK) {
            snprintf(err, len, "polish: %s", shp_strerror(rc));
            break;
        }
        if (!ok || !(sum1 < sum)) break;
        const int small = sum1 > sum * (1.0 - POLISH_SUM_FTOL);
        memcpy(u, ut, (size_t)dim * sizeof *u);
        memcpy(f, f1, sizeof f);
        sum = sum1;
        cost = cost1;
        if (small) break;
    }
    free(ut);
    info->wall_s = wall0 + run_clock(pb) - t0;
    if (rc != SHP_OK) return rc;
    info->done = 1;
    info->sum_end = sum;
    info->cost_end = cost;
    return SHP_OK;
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

int shp_fit_least_squares(shp_problem *pb, shp_backend *be, double *u, int sum, int max_iterations, double ftol,
                          shp_fit_polish_info *info, char *err, size_t len)
{
    shp_fit_step st;
    shp_step_space sp;
    shp_step_space_whole(pb, &st, &sp);
    sp.sum = sum;
    shp_lm_settings s = shp_lm_settings_default();
    s.jacobian = SHP_LM_JACOBIAN_EXACT;
    s.max_iterations = max_iterations;
    s.ftol = ftol;
    shp_fit_polish_info own;
    if (!info) info = &own;
    memset(info, 0, sizeof *info);
    return shp_fit_polish(pb, be, &s, &sp, u, info, err, len);
}
