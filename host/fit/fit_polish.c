/* The Levenberg–Marquardt polish of a step (shpfit/fit.h, shp_fit_polish) as an ask–tell
 * machine (fit_internal.h): the step's objectives at the start; one least-squares
 * problem (Σψ²), or for Σψ a sequence of them reweighted by 1/√ψ_k, a majorize–minimize
 * iteration whose every accepted round lowers Σψ (ψ ≤ ψ²/(2ψ₀) + ψ₀/2). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fit/fit_internal.h"

/* Majorize–minimize rounds at most, and the relative fall of Σψ below which they stop:
 * the iteration converges linearly (its least-squares model overstates the curvature of
 * each ψ along its own gradient) */
#define POLISH_SUM_ROUNDS 40
#define POLISH_SUM_FTOL 1e-8

int fit_polisher_init(fit_polisher *p, const shp_problem *pb, const shp_lm_settings *s, const shp_step_space *sp,
                      const double *u, shp_fit_polish_info *info)
{
    memset(p, 0, sizeof *p);
    p->pb = pb;
    p->s = *s;
    p->sp = *sp;
    p->w = *sp;
    p->info = info;
    p->dim = shp_problem_dim(pb);
    const int cap = shp_lm_max_candidates(sp->sdim, s) > 1 ? shp_lm_max_candidates(sp->sdim, s) : 1;
    const int exact = s->jacobian == SHP_LM_JACOBIAN_EXACT;
    p->u = malloc((size_t)p->dim * sizeof *p->u);
    p->ut = malloc((size_t)p->dim * sizeof *p->ut);
    p->U = malloc((size_t)cap * p->dim * sizeof *p->U);
    p->rs = malloc((size_t)cap * (sp->n_res > 0 ? sp->n_res : 1) * sizeof *p->rs);
    p->Js = exact ? malloc((size_t)cap * sp->n_res * sp->sdim * sizeof *p->Js) : NULL;
    if (!p->u || !p->ut || !p->U || !p->rs || (exact && !p->Js)) {
        fit_polisher_free(p);
        return SHP_ERR_NOMEM;
    }
    memcpy(p->u, u, (size_t)p->dim * sizeof *u);
    p->state = POLISH_START;
    return SHP_OK;
}

void fit_polisher_free(fit_polisher *p)
{
    shp_lm_destroy(p->lm);
    free(p->u);
    free(p->ut);
    free(p->U);
    free(p->rs);
    free(p->Js);
    p->lm = NULL;
    p->u = p->ut = p->U = p->rs = p->Js = NULL;
}

/* The step's objectives of f: their sum and ½ Σ of their squares. */
static void step_objectives(const fit_polisher *p, const double *f, double *sum, double *cost)
{
    *sum = *cost = 0.0;
    for (int k = 0; k < p->sp.st->n_obj; ++k) {
        const double v = f[p->sp.st->obj[k]];
        *sum += v;
        *cost += 0.5 * v * v;
    }
}

/* A least-squares problem from ut, weighted as p->w says. */
static int start_lm(fit_polisher *p)
{
    double x0[32]; /* shpfit/lm.h: at most 32 variables; SHP_MAX_FREE is 16 */
    shp_step_space_project(&p->w, p->dim, p->ut, x0);
    p->lm = shp_lm_create(p->sp.sdim, p->sp.n_res, &p->s, x0);
    if (!p->lm) return SHP_ERR_NOMEM;
    p->state = POLISH_LM;
    return SHP_OK;
}

/* The Σψ polish is over: its point is u. */
static void finish_sum(fit_polisher *p)
{
    p->info->done = 1;
    p->info->sum_end = p->sum;
    p->info->cost_end = p->cost;
    p->state = POLISH_OVER;
}

/* A Σψ round: weights 1/√ψ_k of the current point make the least-squares cost
 * Σ ψ_k²/ψ_k⁰, whose minimum lowers Σψ. A ψ far below the others is floored (its weight
 * would otherwise grow without bound as it vanishes: noise-free data). */
static int begin_round(fit_polisher *p)
{
    const shp_fit_step *st = p->sp.st;
    double fmax = 0.0;
    for (int k = 0; k < st->n_obj; ++k) fmax = fmax > p->f[st->obj[k]] ? fmax : p->f[st->obj[k]];
    if (!(fmax > 0.0)) { /* Σψ = 0: nothing to lower */
        finish_sum(p);
        return SHP_OK;
    }
    for (int k = 0; k < st->n_obj; ++k) {
        const double fk = p->f[st->obj[k]];
        p->w.weight[st->obj[k]] = 1.0 / sqrt(fk > 1e-3 * fmax ? fk : 1e-3 * fmax);
    }
    memcpy(p->ut, p->u, (size_t)p->dim * sizeof *p->ut);
    return start_lm(p);
}

/* The least-squares problem is solved: its answer into ut (and u, for Σψ²). */
static void end_lm(fit_polisher *p)
{
    double x[32];
    shp_lm_best(p->lm, x, NULL);
    shp_step_space_expand(&p->w, p->dim, x, 1, p->ut);
    if (p->single) memcpy(p->u, p->ut, (size_t)p->dim * sizeof *p->u);
    p->info->iterations += shp_lm_iterations(p->lm);
    p->info->evaluations += shp_lm_evaluations(p->lm);
    ++p->info->rounds;
    shp_lm_destroy(p->lm);
    p->lm = NULL;
    p->state = POLISH_CHECK;
}

int fit_polisher_ask(fit_polisher *p, shp_fit_request *rq)
{
    rq->n = 0;
    rq->u = p->U;
    rq->need = SHP_FIT_NEED_OBJECTIVES;
    if (p->state == POLISH_LM) {
        const int n = shp_lm_done(p->lm) ? 0 : shp_lm_ask(p->lm);
        if (n > 0) {
            shp_step_space_expand(&p->w, p->dim, shp_lm_candidates(p->lm), n, p->U);
            rq->need = p->s.jacobian == SHP_LM_JACOBIAN_EXACT ? SHP_FIT_NEED_JACOBIAN : SHP_FIT_NEED_RESIDUALS;
            rq->n = p->n_asked = n;
            return SHP_OK;
        }
        end_lm(p);
    }
    if (p->state == POLISH_START || p->state == POLISH_CHECK) {
        memcpy(p->U, p->state == POLISH_START ? p->u : p->ut, (size_t)p->dim * sizeof *p->U);
        rq->n = p->n_asked = 1;
    }
    return SHP_OK;
}

int fit_polisher_tell(fit_polisher *p, const double *f, const int *ok, const double *r, const double *J)
{
    shp_fit_polish_info *info = p->info;
    if (p->state == POLISH_LM) {
        const int n = p->n_asked;
        shp_step_space_residuals(&p->w, p->pb, r, n, p->rs);
        if (p->s.jacobian != SHP_LM_JACOBIAN_EXACT) return shp_lm_tell(p->lm, p->rs, ok);
        shp_step_space_jacobian(&p->w, p->pb, J, n, p->Js);
        return shp_lm_tell_jacobian(p->lm, p->rs, p->Js, ok);
    }
    double sum, cost;
    step_objectives(p, f, &sum, &cost);
    const int good = ok[0] && isfinite(sum);
    ++info->evaluations;
    if (p->state == POLISH_START) {
        info->sum_start = sum;
        info->cost_start = cost;
        memcpy(p->f, f, (size_t)shp_problem_n_obj(p->pb) * sizeof *f); /* f: the problem's objectives */
        p->sum = sum;
        p->cost = cost;
        /* Σψ²: one problem, as sp weights it (1) */
        p->single = !p->sp.sum || p->sp.st->n_obj < 2 || !good;
        if (!p->single) return begin_round(p);
        memcpy(p->ut, p->u, (size_t)p->dim * sizeof *p->ut);
        return start_lm(p);
    }
    /* POLISH_CHECK: the answer of the least-squares problem */
    if (p->single) {
        info->sum_end = good ? sum : NAN;
        info->cost_end = good ? cost : NAN;
        info->done = 1;
        p->state = POLISH_OVER;
        return SHP_OK;
    }
    if (good && sum < p->sum) {
        const int small = sum > p->sum * (1.0 - POLISH_SUM_FTOL);
        memcpy(p->u, p->ut, (size_t)p->dim * sizeof *p->u);
        memcpy(p->f, f, (size_t)shp_problem_n_obj(p->pb) * sizeof *f); /* f: the problem's objectives */
        p->sum = sum;
        p->cost = cost;
        if (!small && ++p->round < POLISH_SUM_ROUNDS) return begin_round(p);
    }
    finish_sum(p);
    return SHP_OK;
}

void fit_polisher_abort(fit_polisher *p)
{
    shp_lm_destroy(p->lm);
    p->lm = NULL;
    p->state = POLISH_OVER;
}

shp_status shp_fit_polish(shp_problem *pb, shp_backend *be, const shp_lm_settings *s, const shp_step_space *sp,
                          double *u, shp_fit_polish_info *info, char *err, size_t len)
{
    const int dim = shp_problem_dim(pb);
    const int cap = shp_lm_max_candidates(sp->sdim, s) > 1 ? shp_lm_max_candidates(sp->sdim, s) : 1;
    const double t0 = shp_problem_clock(pb);
    fit_polisher p;
    int rc = fit_polisher_init(&p, pb, s, sp, u, info);
    shp_fit_buffers b = {0};
    if (rc == SHP_OK)
        rc = shp_fit_buffers_reserve(&b, pb, cap,
                                     s->jacobian == SHP_LM_JACOBIAN_EXACT ? SHP_FIT_NEED_JACOBIAN
                                                                          : SHP_FIT_NEED_RESIDUALS);
    shp_fit_request rq;
    while (rc == SHP_OK && (rc = fit_polisher_ask(&p, &rq)) == SHP_OK && rq.n > 0) {
        rc = shp_fit_evaluate(pb, be, &rq, b.f, b.ok, b.r, b.J);
        if (rc == SHP_OK) rc = fit_polisher_tell(&p, b.f, b.ok, b.r, b.J);
    }
    if (rc == SHP_OK) memcpy(u, p.u, (size_t)dim * sizeof *u);
    else snprintf(err, len, "polish: %s", shp_strerror(rc));
    info->wall_s += shp_problem_clock(pb) - t0;
    fit_polisher_free(&p);
    shp_fit_buffers_free(&b);
    return rc;
}

shp_status shp_fit_least_squares(shp_problem *pb, shp_backend *be, double *u, int sum, int max_iterations, double ftol,
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
