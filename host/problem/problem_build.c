/* Building an inverse problem: the forward problem, observations, free parameters and
 * objectives (shpfit/problem.h); shp_problem_prepare derives the rest. The JSON loader
 * (host/config/parse_fit.c) is one client of these calls. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "problem/problem_internal.h"

int shp_problem_fail(shp_problem *pb, const char *field, const char *fmt, ...)
{
    int w = snprintf(pb->err, sizeof pb->err, "%s: ", field);
    if (w < 0 || (size_t)w >= sizeof pb->err) w = 0;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(pb->err + w, sizeof pb->err - (size_t)w, fmt, ap);
    va_end(ap);
    return SHP_ERR_INVALID;
}

int shp_problem_nomem(shp_problem *pb, const char *field)
{
    shp_problem_fail(pb, field, "out of memory");
    return SHP_ERR_NOMEM;
}

const char *shp_problem_errmsg(const shp_problem *pb) { return pb ? pb->err : "no problem"; }

shp_status shp_problem_create(shp_forward_problem *fp, shp_problem **out)
{
    *out = NULL;
    shp_problem *pb = fp ? calloc(1, sizeof *pb) : NULL;
    if (!pb) {
        shp_forward_destroy(fp);
        return fp ? SHP_ERR_NOMEM : SHP_ERR_INVALID;
    }
    pb->fp = fp;
    pb->step_cap = 10000;
    *out = pb;
    return SHP_OK;
}

shp_status shp_problem_set_objectives(shp_problem *pb, int n, const int *kinds, int metric)
{
    if (metric != 0 && metric != 1) return shp_problem_fail(pb, "fit.metric", "unknown metric %d (0: psi, 1: rmse)", metric);
    pb->metric = metric;
    pb->n_obj = 0;
    if (n < 0 || n > SHP_OBS_COUNT || (n > 0 && !kinds))
        return shp_problem_fail(pb, "fit.objectives", "expected 1 to %d observation kinds", SHP_OBS_COUNT);
    for (int i = 0; i < n; ++i) {
        char field[64];
        snprintf(field, sizeof field, "fit.objectives[%d]", i);
        const int k = kinds[i];
        if (k < 0 || k >= SHP_OBS_COUNT) return shp_problem_fail(pb, field, "unknown observation kind %d", k);
        if (!pb->obs[k].present)
            return shp_problem_fail(pb, field, "objective \"%s\" has no observations (fit.observations.%s)",
                                    shp_obs_name(k), shp_obs_name(k));
        for (int j = 0; j < pb->n_obj; ++j)
            if (pb->obj[j] == k) return shp_problem_fail(pb, field, "objective \"%s\" given twice", shp_obs_name(k));
        pb->obj[pb->n_obj++] = k;
    }
    return SHP_OK;
}

shp_status shp_problem_set_column_max_steps(shp_problem *pb, long cap)
{
    if (cap < 1) return shp_problem_fail(pb, "fit.column_max_steps", "must be >= 1 (got %ld)", cap);
    pb->step_cap = cap;
    return SHP_OK;
}

/* ψ divides by the spread of the observations: constant data cannot be scored so. */
static int check_spread(shp_problem *pb)
{
    for (int j = 0; j < pb->n_obj && pb->metric == 0; ++j) {
        const obs_set *o = &pb->obs[pb->obj[j]];
        int spread = 0;
        for (int i = 1; i < o->n; ++i) spread |= o->obs_t[i] != o->obs_t[0];
        if (!spread)
            return shp_problem_fail(pb, "fit.objectives", "%s: the observations have no spread, so psi = RMSE/sigma "
                                    "is undefined; use \"metric\": \"rmse\"", shp_obs_name(pb->obj[j]));
    }
    return SHP_OK;
}

shp_status shp_problem_prepare(shp_problem *pb)
{
    if (pb->prepared) return shp_problem_fail(pb, "fit", "already prepared");
    int rc = shp_problem_prepare_obs(pb);
    if (rc == SHP_OK) rc = shp_problem_prepare_params(pb);
    /* by default every observation type given, in the seed's order θ, v, Q, … */
    const int all = pb->n_obj == 0;
    for (int k = 0; rc == SHP_OK && all && k < SHP_OBS_COUNT; ++k)
        if (pb->obs[k].present) pb->obj[pb->n_obj++] = k;
    if (rc == SHP_OK) rc = check_spread(pb);
    if (rc != SHP_OK) return rc;
    /* a candidate's column may take at most step_cap steps: far-off parameter sets can
     * creep at tiny steps for minutes, and a column that needs 40 times the steps of a
     * typical run is scored as failed, not waited for */
    if (pb->needs_column) {
        pb->cap_by_solver = pb->col.opt.max_steps < pb->step_cap;
        if (!pb->cap_by_solver) pb->col.opt.max_steps = pb->step_cap;
    }
    pb->prepared = 1;
    pb->err[0] = '\0';
    return SHP_OK;
}

void shp_problem_destroy(shp_problem *pb)
{
    if (!pb) return;
    for (int k = 0; k < SHP_OBS_COUNT; ++k) shp_obs_set_free(&pb->obs[k]);
    shp_obs_set_free(&pb->records);
    free(pb->record_period);
    free(pb->t_out);
    free(pb->obs_depth);
    free(pb->obs_node);
    free(pb->obs_w);
    free(pb->mats);
    free(pb->unset);
    free(pb->out);
    free(pb->stats);
    free(pb->slot);
    shp_forward_destroy(pb->fp);
    free(pb);
}

const shp_forward_problem *shp_problem_forward(const shp_problem *pb) { return pb->fp; }
const void *shp_problem_fit_config(const shp_problem *pb) { return pb->fit; }
void shp_problem_set_config(shp_problem *pb, const void *fit) { pb->fit = fit; }
int shp_problem_dim(const shp_problem *pb) { return pb->dim; }
int shp_problem_n_obj(const shp_problem *pb) { return pb->n_obj; }
int shp_problem_obj_kind(const shp_problem *pb, int k) { return pb->obj[k]; }
const char *shp_problem_metric_name(const shp_problem *pb) { return pb->metric ? "rmse" : "psi"; }
int shp_problem_has_obs(const shp_problem *pb, int kind)
{
    return kind >= 0 && kind < SHP_OBS_COUNT && pb->obs[kind].present;
}

void shp_problem_counts(const shp_problem *pb, long *evaluated, long *invalid, long *failed)
{
    if (evaluated) *evaluated = pb->n_eval;
    if (invalid) *invalid = pb->n_invalid;
    if (failed) *failed = pb->n_failed;
}

long shp_problem_capped(const shp_problem *pb) { return pb->n_capped; }
int shp_problem_needs_column(const shp_problem *pb) { return pb->needs_column; }
unsigned shp_problem_unset(const shp_problem *pb, int mat) { return pb->unset ? pb->unset[mat] : 0u; }

int shp_problem_start_given(const shp_problem *pb)
{
    for (int i = 0; i < pb->fp->n_materials; ++i)
        if (shp_problem_unset(pb, i)) return 0;
    return 1;
}
unsigned shp_problem_undetermined(const shp_problem *pb, int mat) { return pb->fp->missing[mat]; }

int shp_problem_k_determined(const shp_problem *pb, int mat)
{
    const shp_model_desc *m = shp_model_by_id(pb->fp->materials[mat].model);
    for (int k = 0; k < m->n_params; ++k)
        if (m->params[k].k_only && (pb->fp->missing[mat] >> k & 1u)) return 0;
    return 1;
}

long shp_problem_step_cap(const shp_problem *pb, const char **key)
{
    if (key) *key = pb->cap_by_solver ? "solver.max_steps" : "fit.column_max_steps";
    return pb->col.opt.max_steps;
}
