/* Observations: the measured series of each kind, checked, and the column set-up they
 * imply: output times = every observation time, observation depths = every depth with a
 * θ measurement. A station's θ(t) records keep their periods: the calibration's points
 * are the objective, the rest up to the last period is drawn (docs/fit-reference.md, "Station
 * records"). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "problem/problem_internal.h"
#include "shpfit/limits.h"

static const char *const obs_names[SHP_OBS_COUNT] = {"theta_final", "v", "Q", "theta_t", "retention",
                                                     "conductivity"};

const char *shp_obs_name(int kind)
{
    return kind >= 0 && kind < SHP_OBS_COUNT ? obs_names[kind] : "unknown";
}

/* The arrays of o's n points that the comparison fills (indices, simulated values,
 * transformed observations). */
static int alloc_point_arrays(obs_set *o, int n)
{
    o->t_index = calloc((size_t)n, sizeof *o->t_index);
    o->d_index = calloc((size_t)n, sizeof *o->d_index);
    o->sim = calloc((size_t)n, sizeof *o->sim);
    o->obs_t = calloc((size_t)n, sizeof *o->obs_t);
    return o->t_index && o->d_index && o->sim && o->obs_t ? 0 : -1;
}

void shp_obs_set_free(obs_set *o)
{
    free(o->x);
    free(o->x2);
    free(o->y);
    free(o->t_index);
    free(o->d_index);
    free(o->sim);
    free(o->obs_t);
}

static int alloc_set(obs_set *o, int n)
{
    o->n = n;
    o->x = calloc((size_t)n, sizeof *o->x);
    o->x2 = calloc((size_t)n, sizeof *o->x2);
    o->y = calloc((size_t)n, sizeof *o->y);
    return o->x && o->x2 && o->y && alloc_point_arrays(o, n) == 0 ? 0 : -1;
}

/* Add v to a sorted set of distinct values (times or depths). */
static int add_unique(double **arr, int *n, double v)
{
    for (int k = 0; k < *n; ++k)
        if ((*arr)[k] == v) return 0;
    double *p = realloc(*arr, (size_t)(*n + 1) * sizeof *p);
    if (!p) return -1;
    int k = *n;
    while (k > 0 && p[k - 1] > v) {
        p[k] = p[k - 1];
        --k;
    }
    p[k] = v;
    *arr = p;
    ++*n;
    return 0;
}

static int index_of(const double *arr, int n, double v)
{
    for (int k = 0; k < n; ++k)
        if (arr[k] == v) return k;
    return -1;
}

/* Where point i came from, for messages: "FILE: line N" or "point N". */
static void where_of(const shp_observations *ob, int i, char *buf, size_t len)
{
    if (ob->source && ob->line) snprintf(buf, len, "%s: line %ld", ob->source, ob->line[i]);
    else if (ob->source) snprintf(buf, len, "%s: point %d", ob->source, i + 1);
    else snprintf(buf, len, "point %d", i + 1);
}

/* Physical ranges: a time > 0 and plausible, a depth in the column, θ in [0, 1], K > 0. */
static int check_points(shp_problem *pb, const shp_observations *ob)
{
    const shp_forward_problem *fp = pb->fp;
    const int kind = ob->kind;
    const double depth = fp->column.n > 0 ? fp->z[fp->column.n - 1] : 0.0; /* none: curves only */
    char field[96], at[4096];
    snprintf(field, sizeof field, "fit.observations.%s%s", obs_names[kind], ob->source ? ".file" : "");
    for (int i = 0; i < ob->n; ++i) {
        const double x = ob->x[i], y = ob->y[i];
        where_of(ob, i, at, sizeof at);
        const int timed = kind == SHP_OBS_Q || kind == SHP_OBS_V || kind == SHP_OBS_THETA_T;
        if (timed && !(x > 0.0)) return shp_problem_fail(pb, field, "%s: times must be > 0 (got %g)", at, x);
        if (timed && !(x <= SHP_TIME_MAX_MIN / fp->min_per_time))
            return shp_problem_fail(pb, field, "%s: time %g is beyond %g %s (%s)", at, x,
                                    SHP_TIME_MAX_MIN / fp->min_per_time, fp->time_unit, SHP_TIME_MAX_TEXT);
        const double d = kind == SHP_OBS_THETA_FINAL ? x : kind == SHP_OBS_THETA_T ? ob->depth[i] : 0.0;
        if ((kind == SHP_OBS_THETA_FINAL || kind == SHP_OBS_THETA_T) && !(d >= 0.0 && d <= depth))
            return shp_problem_fail(pb, field, "%s: depth %g is outside the column (0 to %g)", at, d, depth);
        if ((kind == SHP_OBS_THETA_FINAL || kind == SHP_OBS_THETA_T || kind == SHP_OBS_RETENTION) &&
            !(y >= 0.0 && y <= 1.0))
            return shp_problem_fail(pb, field, "%s: theta %g is outside [0, 1]%s", at, y,
                                    kind == SHP_OBS_RETENTION && y > 1.0 && y <= 100.0
                                        ? " (percent? name the column \"theta[%]\")" : "");
        if (kind == SHP_OBS_CONDUCTIVITY && !(y > 0.0))
            return shp_problem_fail(pb, field, "%s: K must be > 0 (got %g)", at, y);
        if (kind >= SHP_OBS_RETENTION && !isfinite(x))
            return shp_problem_fail(pb, field, "%s: h %g is not finite", at, x);
    }
    return SHP_OK;
}

shp_status shp_problem_check_observations(shp_problem *pb, const shp_observations *ob)
{
    if (!ob || ob->kind < 0 || ob->kind >= SHP_OBS_COUNT)
        return shp_problem_fail(pb, "fit.observations", "unknown observation kind %d", ob ? ob->kind : -1);
    char field[64];
    snprintf(field, sizeof field, "fit.observations.%s", obs_names[ob->kind]);
    if (ob->n < 1 || !ob->x || !ob->y || (ob->kind == SHP_OBS_THETA_T && !ob->depth))
        return shp_problem_fail(pb, field, "no points (x, y%s)", ob->kind == SHP_OBS_THETA_T ? " and depth" : "");
    if (ob->kind < SHP_OBS_RETENTION && pb->fp->curves_only)
        return shp_problem_fail(pb, field, "needs a column: the configuration gives units and materials only");
    return check_points(pb, ob);
}

/* Keep the points of o with from ≤ time ≤ to (the calibration period, after a warm-up). */
static void keep_period(obs_set *o, double from, double to)
{
    int m = 0;
    for (int i = 0; i < o->n; ++i) {
        if (o->x[i] < from || o->x[i] > to) continue;
        o->x[m] = o->x[i], o->x2[m] = o->x2[i], o->y[m] = o->y[i];
        ++m;
    }
    o->n = m;
}

int shp_theta_period_of(const shp_theta_periods *tp, double t)
{
    if (t >= tp->from && t <= tp->to) return SHP_PERIOD_CALIBRATION;
    if (tp->validation && t >= tp->val_from && t <= tp->val_to) return SHP_PERIOD_VALIDATION;
    return SHP_PERIOD_NONE;
}

/* The records of o (all read) up to the last one of either period into pb->records,
 * each with its period: the warm-up too, so the reported column's plot shows it, and the
 * candidates' output times (and so their steps) do not depend on the validation. */
static int keep_records(shp_problem *pb, const obs_set *o)
{
    const shp_theta_periods *tp = &pb->periods;
    const char *T = pb->fp->time_unit;
    if (!(tp->to > tp->from))
        return shp_problem_fail(pb, "fit.observations.theta_t.to", "must be after \"from\" (to %g %s, from %g %s)",
                                tp->to, T, tp->from, T);
    if (tp->validation && !(tp->val_to > tp->val_from))
        return shp_problem_fail(pb, "fit.observations.theta_t.validation.to",
                                "must be after \"from\" (to %g %s, from %g %s)", tp->val_to, T, tp->val_from, T);
    if (tp->validation && tp->val_from < tp->to && tp->val_to > tp->from)
        return shp_problem_fail(pb, "fit.observations.theta_t.validation",
                                "the validation period (%g to %g %s) overlaps the calibration period (theta_t "
                                "\"from\" %g to \"to\" %g %s): the periods may share an end, not more%s",
                                tp->val_from, tp->val_to, T, tp->from, tp->to, T,
                                isfinite(tp->from) && isfinite(tp->to) ? "" : " (give theta_t \"from\" and \"to\")");
    double t_end = -INFINITY;
    int n_cal = 0, n_val = 0;
    for (int i = 0; i < o->n; ++i) {
        const int per = shp_theta_period_of(tp, o->x[i]);
        n_cal += per == SHP_PERIOD_CALIBRATION;
        n_val += per == SHP_PERIOD_VALIDATION;
        if (per != SHP_PERIOD_NONE) t_end = fmax(t_end, o->x[i]);
    }
    if (n_cal == 0)
        return shp_problem_fail(pb, "fit.observations.theta_t", "none of the %d values lies between from (%g %s) and "
                                "to (%g %s)", o->n, tp->from, T, tp->to, T);
    if (tp->validation && n_val == 0)
        return shp_problem_fail(pb, "fit.observations.theta_t.validation", "none of the %d values lies between from "
                                "(%g %s) and to (%g %s)", o->n, tp->val_from, T, tp->val_to, T);
    int n = 0;
    for (int i = 0; i < o->n; ++i) n += o->x[i] <= t_end;
    obs_set *r = &pb->records;
    pb->record_period = malloc(sizeof *pb->record_period * (size_t)(n ? n : 1));
    if (!pb->record_period || alloc_set(r, n) != 0) return shp_problem_nomem(pb, "fit.observations.theta_t");
    int k = 0;
    for (int i = 0; i < o->n; ++i) {
        if (o->x[i] > t_end) continue;
        r->x[k] = o->x[i], r->x2[k] = o->x2[i], r->y[k] = r->obs_t[k] = o->y[i];
        pb->record_period[k++] = shp_theta_period_of(tp, o->x[i]);
    }
    r->present = 1;
    pb->periods.records = 1;
    pb->periods.n_calibration = n_cal;
    pb->periods.n_validation = n_val;
    return SHP_OK;
}

shp_status shp_problem_add_observations(shp_problem *pb, const shp_observations *ob)
{
    const int rc = shp_problem_check_observations(pb, ob);
    if (rc != SHP_OK) return rc;
    const int kind = ob->kind;
    char field[64];
    snprintf(field, sizeof field, "fit.observations.%s", obs_names[kind]);
    obs_set *o = &pb->obs[kind];
    if (o->present) return shp_problem_fail(pb, field, "given twice");
    if (kind >= SHP_OBS_RETENTION && (ob->material < 0 || ob->material >= pb->fp->n_materials))
        return shp_problem_fail(pb, field, "no material %d", ob->material);
    if (kind == SHP_OBS_THETA_FINAL && ob->time != 0.0 &&
        !(ob->time > 0.0 && ob->time <= SHP_TIME_MAX_MIN / pb->fp->min_per_time))
        return shp_problem_fail(pb, "fit.observations.theta_final.time", "must be > 0 and at most %g %s (%s) "
                                "(got %g)", SHP_TIME_MAX_MIN / pb->fp->min_per_time, pb->fp->time_unit,
                                SHP_TIME_MAX_TEXT, ob->time);
    if (ob->periods && kind != SHP_OBS_THETA_T) return shp_problem_fail(pb, field, "periods are for theta_t only");
    if (alloc_set(o, ob->n) != 0) return shp_problem_nomem(pb, field);
    for (int i = 0; i < ob->n; ++i) {
        o->x[i] = ob->x[i];
        o->x2[i] = ob->depth ? ob->depth[i] : 0.0;
        o->y[i] = ob->y[i];
    }
    o->instantaneous = kind == SHP_OBS_V && ob->instantaneous;
    o->mat = kind >= SHP_OBS_RETENTION ? ob->material : 0;
    if (kind == SHP_OBS_THETA_FINAL) pb->t_final = ob->time;
    if (ob->periods) {
        pb->periods = *ob->periods;
        const int kr = keep_records(pb, o);
        if (kr != SHP_OK) return kr;
        keep_period(o, pb->periods.from, pb->periods.to);
    }
    for (int i = 0; i < o->n; ++i) o->obs_t[i] = kind == SHP_OBS_CONDUCTIVITY ? log10(o->y[i]) : o->y[i];
    o->present = 1;
    pb->needs_column |= kind < SHP_OBS_RETENTION;
    return SHP_OK;
}

/* The column's output times and observation depths, and each point's place in them. */
int shp_problem_prepare_obs(shp_problem *pb)
{
    const shp_forward_problem *fp = pb->fp;
    int any = 0;
    for (int kind = 0; kind < SHP_OBS_COUNT; ++kind) any |= pb->obs[kind].present;
    if (!any) return shp_problem_fail(pb, "fit.observations", "no observations");
    const double t_end = pb->t_final > 0.0 ? pb->t_final
                         : fp->column.n_out > 0 ? fp->t_out[fp->column.n_out - 1] : 0.0;
    for (int kind = 0; kind < SHP_OBS_RETENTION; ++kind) {
        obs_set *o = &pb->obs[kind];
        if (!o->present) continue;
        for (int i = 0; i < o->n; ++i) {
            if (kind != SHP_OBS_THETA_FINAL && add_unique(&pb->t_out, &pb->n_out, o->x[i]) != 0)
                return shp_problem_nomem(pb, "fit.observations");
            const int has_depth = kind == SHP_OBS_THETA_FINAL || kind == SHP_OBS_THETA_T;
            const double d = kind == SHP_OBS_THETA_FINAL ? o->x[i] : o->x2[i];
            if (has_depth && add_unique(&pb->obs_depth, &pb->n_obs_depth, d) != 0)
                return shp_problem_nomem(pb, "fit.observations");
        }
        if (kind == SHP_OBS_THETA_FINAL && add_unique(&pb->t_out, &pb->n_out, t_end) != 0)
            return shp_problem_nomem(pb, "fit.observations");
    }
    /* the candidates' column ends at the last time any objective compares; the reported
     * one runs on to the last record (a validation period after the calibration) */
    const double t_candidates = pb->n_out > 0 ? pb->t_out[pb->n_out - 1] : 0.0;
    const obs_set *rec = &pb->records;
    for (int i = 0; rec->present && i < rec->n; ++i)
        if (add_unique(&pb->t_out, &pb->n_out, rec->x[i]) != 0 ||
            add_unique(&pb->obs_depth, &pb->n_obs_depth, rec->x2[i]) != 0)
            return shp_problem_nomem(pb, "fit.observations");
    pb->n_out_candidate = pb->n_out;
    while (pb->n_out_candidate > 1 && pb->t_out[pb->n_out_candidate - 1] > t_candidates) --pb->n_out_candidate;
    if (!pb->needs_column) return SHP_OK;
    const int n = fp->column.n, m = pb->n_obs_depth;
    pb->obs_node = malloc((size_t)(m ? m : 1) * sizeof *pb->obs_node);
    pb->obs_w = malloc((size_t)(m ? m : 1) * sizeof *pb->obs_w);
    if (!pb->obs_node || !pb->obs_w) return shp_problem_nomem(pb, "fit.observations");
    for (int j = 0; j < m; ++j) shp_grid_locate(fp->z, n, pb->obs_depth[j], &pb->obs_node[j], &pb->obs_w[j]);
    for (int kind = 0; kind < SHP_OBS_RETENTION; ++kind) {
        obs_set *o = &pb->obs[kind];
        for (int i = 0; o->present && i < o->n; ++i) {
            o->t_index[i] = kind == SHP_OBS_THETA_FINAL ? -1 : index_of(pb->t_out, pb->n_out, o->x[i]);
            if (kind == SHP_OBS_THETA_FINAL) o->d_index[i] = index_of(pb->obs_depth, m, o->x[i]);
            if (kind == SHP_OBS_THETA_T) o->d_index[i] = index_of(pb->obs_depth, m, o->x2[i]);
        }
        if (kind == SHP_OBS_THETA_FINAL && o->present) o->final_index = index_of(pb->t_out, pb->n_out, t_end);
    }
    for (int i = 0; rec->present && i < rec->n; ++i) {
        pb->records.t_index[i] = index_of(pb->t_out, pb->n_out, rec->x[i]);
        pb->records.d_index[i] = index_of(pb->obs_depth, m, rec->x2[i]);
    }
    pb->col = fp->column;
    pb->col.t_out = pb->t_out;
    pb->col.n_out = pb->n_out_candidate;
    pb->col.n_obs = m;
    pb->col.obs_node = pb->obs_node;
    pb->col.obs_w = pb->obs_w;
    pb->col.profiles_all = 0;
    const double t_last = pb->n_out > 0 ? pb->t_out[pb->n_out - 1] : 0.0;
    if (fp->n_forcing && t_last > fp->forcing_end * (1.0 + 1e-12))
        return shp_problem_fail(pb, "fit.observations", "the run ends at %g %s, after the atmospheric forcing, which "
                                "ends at %g %s", t_last, fp->time_unit, fp->forcing_end, fp->time_unit);
    pb->periods.t_candidates = pb->t_out[pb->n_out_candidate - 1];
    pb->periods.t_report = pb->t_out[pb->n_out - 1];
    return SHP_OK;
}
