/* Evaluating candidates: unit box → materials → one batch of columns → objectives. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "problem/problem_internal.h"
#include "shpfit/hash.h"
#include "util/clock.h"

/* The simulated values of o's points, a set of observation kind `kind`. */
static void fill_set(const shp_problem *pb, int kind, obs_set *o, const shp_column_out *out,
                     const shp_material *mats)
{
    const int m = pb->n_obs_depth;
    for (int i = 0; i < o->n; ++i) {
        double s = NAN;
        switch (kind) {
        case SHP_OBS_Q: s = out->Q[o->t_index[i]]; break;
        case SHP_OBS_V: s = (o->instantaneous ? out->v_inst : out->Q)[o->t_index[i]]; break;
        case SHP_OBS_THETA_FINAL: s = out->theta_obs[(long)o->final_index * m + o->d_index[i]]; break;
        case SHP_OBS_THETA_T: s = out->theta_obs[(long)o->t_index[i] * m + o->d_index[i]]; break;
        default: { /* retention θ(h), conductivity log10 K(h): the material alone */
            double th, K, C, dK;
            shp_hyd_eval(&mats[o->mat], o->x[i], &th, &K, &C, &dK);
            s = kind == SHP_OBS_RETENTION ? th : (K > 0.0 ? log10(K) : -HUGE_VAL);
        }
        }
        o->sim[i] = s;
    }
    if (kind == SHP_OBS_V && !o->instantaneous) shp_interval_rates(o->x, o->sim, o->n, o->sim);
}

void shp_problem_fill_series(const shp_problem *pb, int kind, const shp_column_out *out,
                             const shp_material *mats)
{
    fill_set(pb, kind, (obs_set *)&pb->obs[kind], out, mats);
}

long shp_problem_report_step_cap(const shp_problem *pb) { return shp_problem_report_column(pb).opt.max_steps; }

shp_column shp_problem_report_column(const shp_problem *pb)
{
    shp_column col = pb->col;
    if (pb->n_out <= pb->n_out_candidate) return col;
    col.n_out = pb->n_out;
    /* the cap stops far-off candidates creeping at tiny steps; the reported column
     * simulates t_report/t_candidates times as long, and may take as many more steps */
    const double ratio = pb->t_out[pb->n_out - 1] / pb->t_out[pb->n_out_candidate - 1];
    const double cap = ceil(ratio * (double)col.opt.max_steps);
    if (cap < 1e15) col.opt.max_steps = (long)cap;
    return col;
}

void shp_interval_rates(const double *t, const double *Q, int n, double *v)
{
    for (int i = n - 1; i >= 0; --i) /* backwards, so that v may be Q */
        v[i] = (Q[i] - (i ? Q[i - 1] : 0.0)) / (t[i] - (i ? t[i - 1] : 0.0));
}

/* ψ or RMSE of kind for the candidate whose series were just filled. */
double shp_problem_metric_of(const shp_problem *pb, int kind)
{
    const obs_set *o = &pb->obs[kind];
    return pb->metric == 0 ? shp_metric_psi(o->sim, o->obs_t, o->n) : shp_metric_rmse(o->sim, o->obs_t, o->n);
}

/* The same as the optimizer sees it: a value that is not finite is a failure. */
double shp_problem_objective(const shp_problem *pb, int kind)
{
    const double v = shp_problem_metric_of(pb, kind);
    return isfinite(v) ? v : SHP_PENALTY;
}

static int ensure_capacity(shp_problem *pb, int n)
{
    if (n <= pb->cap) return SHP_OK;
    const int nm = pb->fp->n_materials;
    /* the reported column's outputs, the longest: a batch of candidates fits as well */
    const shp_column report = shp_problem_report_column(pb);
    const long stride = pb->needs_column ? shp_column_out_doubles(&report) : 0;
    shp_material *mats = realloc(pb->mats, (size_t)n * nm * sizeof *mats);
    if (mats) pb->mats = mats;
    double *out = stride ? realloc(pb->out, (size_t)n * stride * sizeof *out) : pb->out;
    if (out) pb->out = out;
    shp_column_stats *st = realloc(pb->stats, (size_t)n * sizeof *st);
    if (st) pb->stats = st;
    int *slot = realloc(pb->slot, (size_t)n * sizeof *slot);
    if (slot) pb->slot = slot;
    if (!mats || (stride && !out) || !st || !slot) return SHP_ERR_NOMEM;
    pb->cap = n;
    return SHP_OK;
}

int shp_problem_obj_points(const shp_problem *pb, int k)
{
    return k >= 0 && k < pb->n_obj ? pb->obs[pb->obj[k]].n : 0;
}

int shp_problem_n_residuals(const shp_problem *pb)
{
    int m = 0;
    for (int k = 0; k < pb->n_obj; ++k) m += pb->obs[pb->obj[k]].n;
    return m;
}

/* The residuals' divisor of an objective: σ_obs·√n for ψ (Eq. 9 of seed 002 is RMSE/σ),
 * √n for RMSE, so that their squares sum to the objective's square. */
double shp_problem_residual_scale(const shp_problem *pb, int kind)
{
    const obs_set *o = &pb->obs[kind];
    double scale = sqrt((double)o->n);
    if (pb->metric == 0) {
        double mo = 0.0, ss = 0.0;
        for (int i = 0; i < o->n; ++i) mo += o->obs_t[i];
        mo /= o->n;
        for (int i = 0; i < o->n; ++i) ss += (o->obs_t[i] - mo) * (o->obs_t[i] - mo);
        scale = sqrt(ss);
    }
    return scale;
}

/* Residuals of the candidate whose series were just filled, objective by objective. */
static void residuals(const shp_problem *pb, int kind, double *r)
{
    const obs_set *o = &pb->obs[kind];
    const double scale = shp_problem_residual_scale(pb, kind);
    for (int i = 0; i < o->n; ++i) r[i] = (o->sim[i] - o->obs_t[i]) / scale;
}

shp_status shp_problem_evaluate(shp_problem *pb, shp_backend *be, const double *u, int n, double *f,
                                int *ok)
{
    return shp_problem_evaluate_residuals(pb, be, u, n, f, ok, NULL);
}

/* The batch simulated and scored (shp_problem_evaluate_residuals without a journal). */
static int evaluate_batch(shp_problem *pb, shp_backend *be, const double *u, int n, double *f, int *ok,
                          double *r)
{
    PB_TRY(ensure_capacity(pb, n));
    const int nm = pb->fp->n_materials, dim = pb->dim, n_res = r ? shp_problem_n_residuals(pb) : 0;
    /* valid candidates are packed into the batch; slot[i] is candidate i's place or −1 */
    int nb = 0;
    for (int i = 0; i < n; ++i) {
        ok[i] = 0;
        for (int k = 0; k < pb->n_obj; ++k) f[(long)i * pb->n_obj + k] = SHP_PENALTY;
        for (int k = 0; k < n_res; ++k) r[(long)i * n_res + k] = NAN;
        if (shp_problem_materials(pb, u + (long)i * dim, pb->mats + (long)nb * nm, NULL, 0) != SHP_OK) {
            pb->slot[i] = -1;
            ++pb->n_invalid;
            continue;
        }
        pb->slot[i] = nb++;
    }
    pb->n_eval += n;
    shp_batch_setup setup = {&pb->col, nm, pb->fp->init_var, pb->fp->init_value};
    shp_batch batch = {nb, pb->mats, pb->out, pb->stats};
    if (pb->needs_column && nb > 0) PB_TRY(shp_backend_run(be, &setup, &batch));
    for (int i = 0; i < n; ++i) {
        const int s = pb->slot[i];
        if (s < 0) continue;
        shp_column_out out;
        if (pb->needs_column) {
            shp_batch_out_of(&setup, &batch, s, &out);
            if (pb->stats[s].status != SHP_OK) {
                ++pb->n_failed;
                pb->n_capped += pb->stats[s].status == SHP_ERR_MAX_STEPS;
                continue;
            }
        }
        int good = 1;
        double *ri = r ? r + (long)i * n_res : NULL;
        for (int k = 0; k < pb->n_obj; ++k) {
            shp_problem_fill_series(pb, pb->obj[k], pb->needs_column ? &out : NULL,
                                    pb->mats + (long)s * nm);
            const double v = shp_problem_objective(pb, pb->obj[k]);
            f[(long)i * pb->n_obj + k] = v;
            good &= v < SHP_PENALTY;
            if (ri) {
                residuals(pb, pb->obj[k], ri);
                ri += pb->obs[pb->obj[k]].n;
            }
        }
        ok[i] = good;
        if (!good) ++pb->n_failed;
    }
    return SHP_OK;
}

shp_status shp_problem_evaluate_residuals(shp_problem *pb, shp_backend *be, const double *u, int n,
                                          double *f, int *ok, double *r)
{
    if (!pb->prepared) return shp_problem_fail(pb, "fit", "evaluated before shp_problem_prepare succeeded");
    if (n <= 0) return SHP_OK;
    const shp_recorder *rec = pb->rec;
    const int n_res = shp_problem_n_residuals(pb);
    long *const counter[SHP_RECORD_COUNTS] = {&pb->n_eval, &pb->n_invalid, &pb->n_failed, &pb->n_capped};
    long counts[SHP_RECORD_COUNTS];
    if (rec && rec->replaying(pb->rec_ctx)) {
        PB_TRY(rec->replay(pb->rec_ctx, u, n, pb->dim, pb->n_obj, n_res, f, ok, r, counts));
        for (int k = 0; k < SHP_RECORD_COUNTS; ++k) *counter[k] += counts[k];
        return SHP_OK;
    }
    long before[SHP_RECORD_COUNTS];
    for (int k = 0; k < SHP_RECORD_COUNTS; ++k) before[k] = *counter[k];
    PB_TRY(evaluate_batch(pb, be, u, n, f, ok, r));
    if (!rec) return SHP_OK;
    for (int k = 0; k < SHP_RECORD_COUNTS; ++k) counts[k] = *counter[k] - before[k];
    return rec->append(pb->rec_ctx, u, n, pb->dim, pb->n_obj, n_res, f, ok, r, counts);
}

void shp_problem_set_recorder(shp_problem *pb, const shp_recorder *ops, void *ctx)
{
    pb->rec = ops;
    pb->rec_ctx = ops ? ctx : NULL;
}

int shp_problem_recording(const shp_problem *pb) { return pb->rec != NULL; }

double shp_problem_clock(const shp_problem *pb)
{
    return pb->rec ? pb->rec->clock(pb->rec_ctx) : shp_wall_seconds();
}

const char *shp_problem_record_error(const shp_problem *pb) { return pb->rec ? pb->rec->error(pb->rec_ctx) : ""; }

/* What a problem built in code depends on beyond its observations: its materials, grid,
 * boundaries, solver, output times and free parameters, field by field. */
static uint64_t built_hash(const shp_problem *pb)
{
    const shp_forward_problem *fp = pb->fp;
    const shp_column *c = &fp->column;
    uint64_t h = SHP_HASH_INIT;
    for (int i = 0; i < fp->n_materials; ++i) {
        h = shp_hash64(&fp->materials[i].model, sizeof fp->materials[i].model, h);
        h = shp_hash64(fp->materials[i].p, sizeof fp->materials[i].p, h);
        h = shp_hash64(&fp->materials[i].Ss, sizeof fp->materials[i].Ss, h);
    }
    h = shp_hash64(fp->z, (size_t)c->n * sizeof *fp->z, h);
    h = shp_hash64(fp->mat_of_node, (size_t)c->n * sizeof *fp->mat_of_node, h);
    const shp_bc *side[2] = {&c->top, &c->bottom};
    for (int k = 0; k < 2; ++k) {
        h = shp_hash64(&side[k]->type, sizeof side[k]->type, h);
        h = shp_hash64(&side[k]->value, sizeof side[k]->value, h);
        if (side[k]->n > 0) {
            h = shp_hash64(side[k]->t, (size_t)side[k]->n * sizeof *side[k]->t, h);
            h = shp_hash64(side[k]->v, (size_t)side[k]->n * sizeof *side[k]->v, h);
        }
    }
    const double opt[] = {c->opt.dt_init, c->opt.dt_min, c->opt.dt_max, c->opt.tol_theta, c->opt.tol_h,
                          c->opt.tol_mass, c->opt.tol_time, c->opt.grow, c->opt.shrink, c->opt.retry};
    const long iopt[] = {c->opt.max_iter, c->opt.max_steps, c->opt.kmean, c->opt.newton, c->opt.step_control,
                         c->opt.count_fill, fp->init_var, pb->metric, pb->n_obj};
    h = shp_hash64(opt, sizeof opt, h);
    h = shp_hash64(iopt, sizeof iopt, h);
    h = shp_hash64(pb->obj, sizeof pb->obj, h);
    for (int j = 0; j < pb->dim; ++j) {
        const fit_var *v = &pb->var[j];
        h = shp_hash64(v->name, strlen(v->name), h);
        const double b[] = {v->lo, v->hi, (double)v->log_scale};
        h = shp_hash64(b, sizeof b, h);
    }
    return h;
}

uint64_t shp_problem_fingerprint(const shp_problem *pb)
{
    uint64_t h = pb->fp->config_hash ? pb->fp->config_hash : built_hash(pb);
    for (int k = 0; k < SHP_OBS_COUNT; ++k) {
        const obs_set *o = &pb->obs[k];
        if (!o->present) continue;
        h = shp_hash64(&k, sizeof k, h);
        h = shp_hash64(o->x, (size_t)o->n * sizeof *o->x, h);
        h = shp_hash64(o->x2, (size_t)o->n * sizeof *o->x2, h);
        h = shp_hash64(o->y, (size_t)o->n * sizeof *o->y, h);
    }
    /* a station's records beyond the objective's points set output times, so steps */
    const obs_set *r = &pb->records;
    if (r->present) {
        h = shp_hash64(r->x, (size_t)r->n * sizeof *r->x, h);
        h = shp_hash64(r->x2, (size_t)r->n * sizeof *r->x2, h);
        h = shp_hash64(r->y, (size_t)r->n * sizeof *r->y, h);
    }
    /* the initial state may come from a file the config only names */
    h = shp_hash64(pb->fp->init_value, (size_t)pb->fp->column.n * sizeof *pb->fp->init_value, h);
    return h;
}

/* Forget the last simulation (nothing is left simulated if the next one fails early) and
 * make room for one column. */
static int simulation_begin(shp_problem *pb)
{
    for (int k = 0; k < SHP_OBS_COUNT; ++k) pb->obs[k].simulated = 0;
    pb->records.simulated = 0;
    pb->last_ran = 0;
    return ensure_capacity(pb, 1) == SHP_OK ? SHP_OK : SHP_ERR_NOMEM;
}

/* One column of pb->mats (when a series needs one), and every series it serves. */
static int simulate_prepared(shp_problem *pb, shp_backend *be)
{
    int rc = SHP_OK, calibrated = 1;
    shp_column_out out;
    const shp_column report = shp_problem_report_column(pb);
    if (pb->needs_column) { /* one column serves every series that needs one */
        shp_batch_setup setup = {&report, pb->fp->n_materials, pb->fp->init_var, pb->fp->init_value};
        shp_batch batch = {1, pb->mats, pb->out, pb->stats};
        rc = shp_backend_run(be, &setup, &batch);
        pb->last_ran = rc == SHP_OK;
        if (rc == SHP_OK) rc = pb->stats[0].status;
        /* a reported column that stopped in a validation period after the calibration
         * passed every output of the candidates' column with their steps: the series
         * the objectives compare stand, only the validation is not scored */
        calibrated = rc == SHP_OK || (pb->last_ran && pb->n_out > pb->n_out_candidate &&
                                      pb->stats[0].t_reached >= pb->t_out[pb->n_out_candidate - 1]);
        if (calibrated) shp_batch_out_of(&setup, &batch, 0, &out);
    }
    for (int kind = 0; kind < SHP_OBS_COUNT; ++kind) {
        const int column = kind < SHP_OBS_RETENTION;
        if (!pb->obs[kind].present || (column && !calibrated)) continue;
        shp_problem_fill_series(pb, kind, column ? &out : NULL, pb->mats);
        pb->obs[kind].simulated = 1;
    }
    if (pb->records.present && rc == SHP_OK) {
        fill_set(pb, SHP_OBS_THETA_T, &pb->records, &out, pb->mats);
        pb->records.simulated = 1;
    }
    return rc;
}

shp_status shp_problem_simulate(shp_problem *pb, shp_backend *be, const double *u)
{
    if (!pb->prepared) return shp_problem_fail(pb, "fit", "simulated before shp_problem_prepare succeeded");
    PB_TRY(simulation_begin(pb));
    if (shp_problem_materials(pb, u, pb->mats, NULL, 0) != SHP_OK) return SHP_ERR_INVALID;
    return simulate_prepared(pb, be);
}

shp_status shp_problem_simulate_materials(shp_problem *pb, shp_backend *be, const shp_material *mats)
{
    if (!pb->prepared) return shp_problem_fail(pb, "fit", "simulated before shp_problem_prepare succeeded");
    PB_TRY(simulation_begin(pb));
    if (mats != pb->mats) memcpy(pb->mats, mats, (size_t)pb->fp->n_materials * sizeof *mats);
    return simulate_prepared(pb, be);
}

int shp_problem_last_column(const shp_problem *pb, shp_column_stats *st)
{
    if (!pb->last_ran) return 0;
    *st = pb->stats[0];
    return 1;
}

void shp_problem_last_objectives(const shp_problem *pb, double *f)
{
    for (int k = 0; k < pb->n_obj; ++k) f[k] = pb->obs[pb->obj[k]].simulated ? shp_problem_metric_of(pb, pb->obj[k]) : NAN;
}

shp_status shp_problem_last_profile(const shp_problem *pb, const double **z, const double **h, const double **theta,
                                    int *n, double *t)
{
    if (!pb->last_ran || pb->stats[0].status != SHP_OK) return SHP_ERR_INVALID;
    const shp_column report = shp_problem_report_column(pb);
    const shp_batch_setup setup = {&report, pb->fp->n_materials, pb->fp->init_var, pb->fp->init_value};
    const shp_batch batch = {1, pb->mats, pb->out, pb->stats};
    shp_column_out out;
    shp_batch_out_of(&setup, &batch, 0, &out);
    /* the final profile: the last of n_out when every output time keeps one */
    const long last = report.profiles_all ? (long)(report.n_out - 1) * report.n : 0;
    *z = pb->fp->z;
    *h = out.h_prof + last;
    *theta = out.theta_prof + last;
    *n = pb->col.n;
    *t = pb->t_out[pb->n_out - 1];
    return SHP_OK;
}

double shp_problem_theta_final_time(const shp_problem *pb)
{
    const obs_set *o = &pb->obs[SHP_OBS_THETA_FINAL];
    return o->present && o->final_index >= 0 ? pb->t_out[o->final_index] : NAN;
}

int shp_problem_series(const shp_problem *pb, int kind, const double **x, const double **x2,
                       const double **obs, const double **sim)
{
    if (kind < 0 || kind >= SHP_OBS_COUNT || !pb->obs[kind].simulated) return -1;
    const obs_set *o = &pb->obs[kind];
    *x = o->x;
    *x2 = o->x2;
    *obs = o->obs_t;
    *sim = o->sim;
    return o->n;
}

shp_status shp_problem_metrics(const shp_problem *pb, int kind, shp_metrics *m)
{
    const double *x, *x2, *obs, *sim;
    const int n = shp_problem_series(pb, kind, &x, &x2, &obs, &sim);
    if (n <= 0) return SHP_ERR_INVALID;
    shp_metrics_compute(sim, obs, n, m);
    return SHP_OK;
}

/* The metrics of the points i of n (depth x2, observed obs, simulated sim) with
 * keep[i] == want (keep NULL: all) at depth d (NaN: every depth), through the scratch so
 * (2n). Returns how many there are; m is set only when there is one. */
static int metrics_where(int n, const double *x2, const double *obs, const double *sim, const int *keep, int want,
                         double d, double *so, shp_metrics *m)
{
    int k = 0;
    for (int i = 0; i < n; ++i)
        if ((!keep || keep[i] == want) && (isnan(d) || x2[i] == d)) so[k] = sim[i], so[n + k] = obs[i], ++k;
    if (k > 0) shp_metrics_compute(so, so + n, k, m);
    return k;
}

/* The metrics per depth of the points metrics_where selects: up to max depths,
 * increasing. Returns the count, −1 out of memory. */
static int metrics_by_depth(int n, const double *x2, const double *obs, const double *sim, const int *keep,
                            int want, int max, double *depth, shp_metrics *m)
{
    double *so = malloc(sizeof *so * 2 * (size_t)(n ? n : 1));
    if (!so) return -1;
    int nd = 0;
    double last = -INFINITY;
    for (;;) { /* the depths in increasing order, each once */
        double d = INFINITY;
        for (int i = 0; i < n; ++i)
            if ((!keep || keep[i] == want) && x2[i] > last && x2[i] < d) d = x2[i];
        if (!isfinite(d) || nd >= max) break;
        depth[nd] = d;
        metrics_where(n, x2, obs, sim, keep, want, d, so, &m[nd]);
        ++nd;
        last = d;
    }
    free(so);
    return nd;
}

int shp_problem_depth_metrics(const shp_problem *pb, int max, double *depth, shp_metrics *m)
{
    return shp_problem_period_depth_metrics(pb, SHP_PERIOD_CALIBRATION, max, depth, m);
}

int shp_problem_period_depth_metrics(const shp_problem *pb, int period, int max, double *depth, shp_metrics *m)
{
    const double *x, *x2, *obs, *sim;
    if (period == SHP_PERIOD_CALIBRATION) {
        const int n = shp_problem_series(pb, SHP_OBS_THETA_T, &x, &x2, &obs, &sim);
        return n > 0 ? metrics_by_depth(n, x2, obs, sim, NULL, 0, max, depth, m) : 0;
    }
    const int *per;
    const int n = shp_problem_records(pb, &x, &x2, &obs, &sim, &per);
    if (n <= 0 || period != SHP_PERIOD_VALIDATION || !pb->periods.validation) return 0;
    return metrics_by_depth(n, x2, obs, sim, per, period, max, depth, m);
}

shp_status shp_problem_validation_metrics(const shp_problem *pb, shp_metrics *m)
{
    const double *x, *x2, *obs, *sim;
    const int *per;
    const int n = shp_problem_records(pb, &x, &x2, &obs, &sim, &per);
    if (n <= 0 || !pb->periods.validation) return SHP_ERR_INVALID;
    double *so = malloc(sizeof *so * 2 * (size_t)n);
    if (!so) return SHP_ERR_NOMEM;
    const int k = metrics_where(n, x2, obs, sim, per, SHP_PERIOD_VALIDATION, NAN, so, m);
    free(so);
    return k > 0 ? SHP_OK : SHP_ERR_INVALID;
}

void shp_problem_theta_periods(const shp_problem *pb, shp_theta_periods *p) { *p = pb->periods; }

int shp_problem_records(const shp_problem *pb, const double **t, const double **depth, const double **obs,
                        const double **sim, const int **period)
{
    const obs_set *r = &pb->records;
    if (!r->present || !r->simulated) return -1;
    *t = r->x;
    *depth = r->x2;
    *obs = r->obs_t;
    *sim = r->sim;
    *period = pb->record_period;
    return r->n;
}

/* The outputs of the last simulated column, when it ran to its end. */
static int last_outputs(const shp_problem *pb, shp_column *report, shp_column_out *out)
{
    if (!pb->last_ran || pb->stats[0].status != SHP_OK) return SHP_ERR_INVALID;
    *report = shp_problem_report_column(pb);
    const shp_batch_setup setup = {report, pb->fp->n_materials, pb->fp->init_var, pb->fp->init_value};
    const shp_batch batch = {1, pb->mats, pb->out, pb->stats};
    shp_batch_out_of(&setup, &batch, 0, out);
    return SHP_OK;
}

shp_status shp_problem_last_theta(const shp_problem *pb, const double **t, int *n_t, const double **depth, int *n_d,
                                  const double **theta)
{
    shp_column report;
    shp_column_out out;
    PB_TRY(last_outputs(pb, &report, &out));
    if (report.n_obs < 1) return SHP_ERR_INVALID;
    *t = pb->t_out;
    *n_t = report.n_out;
    *depth = pb->obs_depth;
    *n_d = report.n_obs;
    *theta = out.theta_obs;
    return SHP_OK;
}

shp_status shp_problem_water_budget(const shp_problem *pb, shp_water_budget *b, double *t)
{
    shp_column report;
    shp_column_out out;
    if (pb->fp->column.top.type != SHP_BC_ATMOSPHERIC) return SHP_ERR_INVALID;
    PB_TRY(last_outputs(pb, &report, &out));
    *t = pb->t_out[report.n_out - 1];
    shp_water_budget_of(pb->fp, &out, report.n_out - 1, *t, b);
    return SHP_OK;
}
