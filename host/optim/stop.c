/* Stopping rules and the convenience driver (ask → evaluate the whole population →
 * tell, until a rule fires). */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <time.h>

#include "optim/optim_internal.h"

shp_opt_stop shp_opt_stop_default(void)
{
    shp_opt_stop s;
    s.max_generations = 200;
    s.max_evaluations = 0;
    s.max_wall_s = 0.0;
    s.use_target = 0;
    s.target = 0.0;
    s.stall_generations = 0;
    s.stall_tol = 1e-6;
    return s;
}

/* Stall: the reference value is reset whenever the best improves on it by more than
 * stall_tol·|reference| (any finite best improves on +inf); the rule fires when the
 * reference is stall_generations generations old. */
static int stalled(shp_optimizer *o, const shp_opt_stop *s)
{
    if (s->stall_generations <= 0) return 0;
    const double b = o->best_s;
    if (!o->stall_set) {
        o->stall_set = 1;
        o->stall_ref = b;
        o->stall_gen = o->generation;
        return 0;
    }
    const double ref = o->stall_ref;
    const int improved = isinf(ref) ? b < ref : (ref - b) > s->stall_tol * fabs(ref);
    if (improved) {
        o->stall_ref = b;
        o->stall_gen = o->generation;
        return 0;
    }
    return o->generation - o->stall_gen >= s->stall_generations;
}

shp_opt_stop_reason shp_optimizer_should_stop(shp_optimizer *o, const shp_opt_stop *s, double elapsed_s)
{
    if (!o || !s) return SHP_STOP_NONE;
    if (s->use_target && o->have_best && o->best_s <= s->target) return SHP_STOP_TARGET;
    if (s->max_evaluations > 0 && o->evaluations >= s->max_evaluations) return SHP_STOP_EVALUATIONS;
    if (s->max_generations > 0 && o->generation >= s->max_generations) return SHP_STOP_GENERATIONS;
    if (s->max_wall_s > 0.0 && elapsed_s >= s->max_wall_s) return SHP_STOP_TIME;
    if (stalled(o, s)) return SHP_STOP_STALL;
    return SHP_STOP_NONE;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

shp_status shp_optimize_batch(shp_optimizer *o, const shp_opt_stop *stop, shp_opt_batch_fn eval, void *ctx,
                              shp_opt_stop_reason *why)
{
    if (why) *why = SHP_STOP_NONE;
    if (!o || !stop || !eval) return SHP_ERR_INVALID;
    if (stop->max_generations <= 0 && stop->max_evaluations <= 0 && !(stop->max_wall_s > 0.0) &&
        !stop->use_target && stop->stall_generations <= 0)
        return SHP_ERR_INVALID; /* nothing would ever stop the loop */
    const int pop = o->pop;
    double *f = malloc((size_t)pop * (size_t)o->n_obj * sizeof *f);
    int *ok = malloc((size_t)pop * sizeof *ok);
    if (!f || !ok) {
        free(f);
        free(ok);
        return SHP_ERR_NOMEM;
    }
    const double t0 = now_s();
    int st = SHP_OK;
    shp_opt_stop_reason r;
    while ((r = shp_optimizer_should_stop(o, stop, now_s() - t0)) == SHP_STOP_NONE) {
        st = shp_optimizer_ask(o, NULL);
        if (st != SHP_OK) break;
        for (int i = 0; i < pop; ++i) ok[i] = 1;
        st = eval(o->x, pop, o->dim, f, ok, ctx);
        if (st != 0) break;
        st = shp_optimizer_tell(o, f, ok);
        if (st != SHP_OK) break;
    }
    if (why) *why = r;
    free(f);
    free(ok);
    return st;
}
