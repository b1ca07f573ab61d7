/* Files of a finished fit (io/fit_output.h). */
#include "shpfit/config.h"
#include "output/fit_output.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "io/fs.h"
#include "io/json_file.h"
#include "import/station_csv.h"
#include "output/uncertainty_text.h"
#include "shpfit/curves_agreement.h"
#include "shpfit/station.h"
#include "shpfit/version.h"

#define NUM "%.12g"

static void add_metrics(cJSON *o, const shp_metrics *m)
{
    cJSON_AddNumberToObject(o, "n", m->n);
    shp_json_add_number(o, "psi", m->psi);
    shp_json_add_number(o, "rmse", m->rmse);
    shp_json_add_number(o, "mae", m->mae);
    shp_json_add_number(o, "bias", m->bias);
    shp_json_add_number(o, "ubrmse", m->ubrmse);
    shp_json_add_number(o, "pbias_percent", m->pbias);
    shp_json_add_number(o, "nse", m->nse);
    shp_json_add_number(o, "r", m->r);
    shp_json_add_number(o, "kge_prime", m->kge);
}

/* Every parameter but those neither given nor fitted (a retention fit's K-only ones),
 * which are listed as undetermined. */
static void add_materials(cJSON *parent, const char *key, const shp_problem *pb, const shp_material *mats)
{
    const shp_forward_problem *fp = shp_problem_forward(pb);
    cJSON *ms = cJSON_AddObjectToObject(parent, key);
    for (int i = 0; i < shp_forward_n_materials(fp); ++i) {
        const shp_model_desc *d = shp_model_by_id(mats[i].model);
        const unsigned und = shp_problem_undetermined(pb, i);
        cJSON *o = cJSON_AddObjectToObject(ms, shp_forward_material_name(fp, i));
        cJSON_AddStringToObject(o, "model", d->name);
        for (int k = 0; k < d->n_params; ++k)
            if (!(und >> k & 1u)) shp_json_add_number(o, d->params[k].name, mats[i].p[k]);
        if (!und) continue;
        cJSON *u = cJSON_AddArrayToObject(o, "undetermined");
        for (int k = 0; k < d->n_params; ++k)
            if (und >> k & 1u) cJSON_AddItemToArray(u, cJSON_CreateString(d->params[k].name));
    }
}

/* The unit a series' values and abscissae carry. */
static void series_units(const shp_forward_problem *fp, int kind, char *xu, char *vu, size_t len)
{
    const char *L = shp_forward_length_unit(fp), *T = shp_forward_time_unit(fp);
    switch (kind) {
    case SHP_OBS_Q: snprintf(xu, len, "%s", T); snprintf(vu, len, "%s", L); break;
    case SHP_OBS_V: snprintf(xu, len, "%s", T); snprintf(vu, len, "%s/%s", L, T); break;
    case SHP_OBS_THETA_FINAL: snprintf(xu, len, "%s", L); snprintf(vu, len, "-"); break;
    case SHP_OBS_THETA_T: snprintf(xu, len, "%s", T); snprintf(vu, len, "-"); break;
    case SHP_OBS_RETENTION: snprintf(xu, len, "%s", L); snprintf(vu, len, "-"); break;
    default: snprintf(xu, len, "%s", L); snprintf(vu, len, "log10(%s/%s)", L, T); break;
    }
}

/* best_profile.csv: the last simulated column at its last output time, every node
 * (when a column ran to the end). */
static int write_profile(const char *dir, const shp_problem *pb, char *err, size_t len)
{
    const double *z, *h, *theta;
    int n;
    double t;
    if (shp_problem_last_profile(pb, &z, &h, &theta, &n, &t) != SHP_OK) return SHP_OK;
    const shp_forward_problem *fp = shp_problem_forward(pb);
    char path[SHP_PATH_MAX];
    FILE *f = shp_file_create_in(dir, "best_profile.csv", path, sizeof path, err, len);
    if (!f) return SHP_ERR_IO;
    fprintf(f, "time_%s,depth_%s,h_%s,theta\n", shp_forward_time_unit(fp), shp_forward_length_unit(fp), shp_forward_length_unit(fp));
    for (int i = 0; i < n; ++i) fprintf(f, NUM "," NUM "," NUM "," NUM "\n", t, z[i], h[i], theta[i]);
    return shp_file_close(f, path, err, len);
}

/* The series of the last shp_problem_simulate (the best solution), and its profile. */
static int write_series(const char *dir, const shp_problem *pb, char *err, size_t len)
{
    const int prc = write_profile(dir, pb, err, len);
    if (prc != SHP_OK) return prc;
    char path[SHP_PATH_MAX];
    FILE *f = shp_file_create_in(dir, "best_series.csv", path, sizeof path, err, len);
    if (!f) return SHP_ERR_IO;
    const shp_forward_problem *fp = shp_problem_forward(pb);
    fprintf(f, "series,x,x_unit,depth_%s,observed,simulated,value_unit\n", shp_forward_length_unit(fp));
    for (int kind = 0; kind < SHP_OBS_COUNT; ++kind) {
        if (!shp_problem_has_obs(pb, kind)) continue;
        const double *x, *x2, *obs, *sim;
        const int n = shp_problem_series(pb, kind, &x, &x2, &obs, &sim);
        char xu[32], vu[32];
        series_units(fp, kind, xu, vu, sizeof xu);
        for (int i = 0; i < n; ++i) {
            fprintf(f, "%s," NUM ",%s,", shp_obs_name(kind), x[i], xu);
            if (kind == SHP_OBS_THETA_T) fprintf(f, NUM, x2[i]);
            else if (kind == SHP_OBS_THETA_FINAL) fprintf(f, NUM, x[i]);
            fprintf(f, "," NUM "," NUM ",%s\n", obs[i], sim[i], vu);
        }
    }
    return shp_file_close(f, path, err, len);
}

static int write_history(const char *dir, const shp_problem *pb, const shp_fit_options *opt,
                         const shp_fit_result *res, char *err, size_t len)
{
    char path[SHP_PATH_MAX];
    FILE *f = shp_file_create_in(dir, "history.csv", path, sizeof path, err, len);
    if (!f) return SHP_ERR_IO;
    fprintf(f, "step,generation,evaluations,failures,best_sum");
    const int nmax = opt->step[opt->n_steps - 1].n_obj > opt->step[0].n_obj ? opt->step[opt->n_steps - 1].n_obj
                                                                            : opt->step[0].n_obj;
    for (int k = 0; k < nmax; ++k) fprintf(f, ",best_objective_%d", k + 1);
    fprintf(f, ",objectives,spread,archive_size,wall_s,run_evaluations,run_best_sum\n");
    for (int i = 0; i < res->n_history; ++i) {
        const shp_fit_history *h = &res->history[i];
        const shp_fit_step *st = &opt->step[h->step - 1];
        fprintf(f, "%d,%ld,%ld,%ld," NUM, h->step, h->log.generation, h->log.evaluations,
                h->log.failures, h->log.best_value);
        for (int k = 0; k < nmax; ++k) {
            if (k < h->log.n_obj) fprintf(f, "," NUM, h->log.best[k]);
            else fprintf(f, ",");
        }
        fputc(',', f);
        for (int k = 0; k < st->n_obj; ++k)
            fprintf(f, "%s%s", k ? "+" : "", shp_obs_name(shp_problem_obj_kind(pb, st->obj[k])));
        fprintf(f, "," NUM ",%d,%.3f,%ld,%.17g\n", h->log.spread, h->log.archive_size, h->wall_s,
                h->run_evaluations, h->best_sum);
    }
    return shp_file_close(f, path, err, len);
}

static int write_pareto(const char *dir, const shp_problem *pb, const shp_fit_result *res,
                        char *err, size_t len)
{
    char path[SHP_PATH_MAX];
    FILE *f = shp_file_create_in(dir, "pareto.csv", path, sizeof path, err, len);
    if (!f) return SHP_ERR_IO;
    const int dim = shp_problem_dim(pb), nobj = shp_problem_n_obj(pb);
    for (int j = 0; j < dim; ++j) fprintf(f, "%s%s", j ? "," : "", shp_problem_var_name(pb, j));
    for (int k = 0; k < nobj; ++k) fprintf(f, ",%s", shp_obs_name(shp_problem_obj_kind(pb, k)));
    fputc('\n', f);
    for (int i = 0; i < res->n_pareto; ++i) {
        for (int j = 0; j < dim; ++j)
            fprintf(f, "%s" NUM, j ? "," : "", shp_problem_var_value(pb, j, res->pareto_u[(long)i * dim + j]));
        for (int k = 0; k < nobj; ++k) fprintf(f, "," NUM, res->pareto_f[(long)i * nobj + k]);
        fputc('\n', f);
    }
    return shp_file_close(f, path, err, len);
}

int shp_fit_period_days(const shp_forward_problem *fp, const char *origin, double from, double to, char *first,
                        char *last)
{
    long day0;
    if (!origin || !*origin || shp_date_parse_iso(origin, &day0) != 0 || !isfinite(from) || !isfinite(to)) return -1;
    const double per_day = 1440.0 / shp_forward_min_per_time(fp);
    const long a = (long)floor(from / per_day), b = (long)ceil(to / per_day) - 1;
    shp_date_iso(day0 + a, first, 11);
    shp_date_iso(day0 + (b > a ? b : a), last, 11);
    return 0;
}

/* The θ(t) metrics per sensor depth of one period into r[key]. */
static void add_depth_metrics(cJSON *r, const char *key, const shp_problem *pb, int period)
{
    double depth[SHP_FIT_DEPTHS_MAX];
    shp_metrics dm[SHP_FIT_DEPTHS_MAX];
    const int nd = shp_problem_period_depth_metrics(pb, period, SHP_FIT_DEPTHS_MAX, depth, dm);
    if (nd <= 0) return;
    cJSON *bd = cJSON_AddObjectToObject(r, key);
    for (int k = 0; k < nd; ++k) {
        char name[64];
        snprintf(name, sizeof name, "%g%s", depth[k], shp_forward_length_unit(shp_problem_forward(pb)));
        add_metrics(cJSON_AddObjectToObject(bd, name), &dm[k]);
    }
}

/* One period of "theta_t_periods": its bounds [T] (null where open), its calendar days
 * when theta_t has an origin, its records. */
static void add_period(cJSON *o, const char *key, const shp_forward_problem *fp, const char *origin, double from,
                       double to, int points)
{
    cJSON *p = cJSON_AddObjectToObject(o, key);
    shp_json_add_number(p, "from", from);
    shp_json_add_number(p, "to", to);
    char first[11], last[11];
    if (shp_fit_period_days(fp, origin, from, to, first, last) == 0) {
        cJSON_AddStringToObject(p, "first_day", first);
        cJSON_AddStringToObject(p, "last_day", last);
    }
    cJSON_AddNumberToObject(p, "points", points);
}

/* "theta_t_periods" of a station's records: the calibration and validation periods. */
static void add_periods(cJSON *r, const shp_problem *pb)
{
    const shp_forward_problem *fp = shp_problem_forward(pb);
    shp_theta_periods tp;
    shp_problem_theta_periods(pb, &tp);
    if (!tp.records) return;
    cJSON *o = cJSON_AddObjectToObject(r, "theta_t_periods");
    cJSON_AddStringToObject(o, "time_unit", shp_forward_time_unit(fp));
    if (*tp.origin) cJSON_AddStringToObject(o, "origin", tp.origin);
    cJSON_AddStringToObject(o, "rule", "the calibration period's points are the objective; the validation period's "
                                       "are compared with the reported column after the fit and never enter it; "
                                       "a point on an end both share counts for calibration");
    add_period(o, "calibration", fp, tp.origin, tp.from, tp.to, tp.n_calibration);
    if (tp.validation) add_period(o, "validation", fp, tp.origin, tp.val_from, tp.val_to, tp.n_validation);
    shp_json_add_number(o, "candidate_column_end", tp.t_candidates);
    shp_json_add_number(o, "reported_column_end", tp.t_report);
    shp_metrics m;
    shp_column_stats st;
    if (tp.validation && shp_problem_validation_metrics(pb, &m) != SHP_OK && shp_problem_last_column(pb, &st)) {
        char note[256];
        snprintf(note, sizeof note, "the reported column stopped at t = %g %s (%s): the validation period is not scored",
                 st.t_reached, shp_forward_time_unit(fp), shp_status_name(st.status));
        cJSON_AddStringToObject(o, "note", note);
    }
}

/* "water_balance" of the reported column under an atmospheric top, from t = 0 to its end. */
static void add_water_balance(cJSON *r, const shp_problem *pb)
{
    const shp_forward_problem *fp = shp_problem_forward(pb);
    shp_water_budget b;
    double t;
    if (shp_problem_water_budget(pb, &b, &t) != SHP_OK) return;
    cJSON *o = cJSON_AddObjectToObject(r, "water_balance");
    cJSON_AddStringToObject(o, "unit", shp_forward_length_unit(fp));
    cJSON_AddStringToObject(o, "time_unit", shp_forward_time_unit(fp));
    shp_json_add_number(o, "from_time", 0.0);
    shp_json_add_number(o, "to_time", t);
    cJSON_AddStringToObject(o, "budget", "cumulative over the reported column: storage_change = precipitation - "
                                         "evaporation - runoff - transpiration - bottom_outflow + balance_error");
    shp_json_add_water_budget(o, &b);
    shp_json_add_number(o, "balance_error", b.balance_error);
    if (b.precipitation > 0.0) shp_json_add_number(o, "relative_error", b.balance_error / b.precipitation);
}

/* A solution: its search variables, materials, objectives f, the metrics of the series
 * last simulated (its own), and its curve agreement with fit.truth. */
static void add_solution(cJSON *r, shp_problem *pb, const shp_fit_options *opt, const double *values,
                         const shp_material *mats, const double *f)
{
    const shp_forward_problem *fp = shp_problem_forward(pb);
    const int dim = shp_problem_dim(pb), nobj = shp_problem_n_obj(pb);
    cJSON *pv = cJSON_AddObjectToObject(r, "parameters");
    for (int j = 0; j < dim; ++j) shp_json_add_number(pv, shp_problem_var_name(pb, j), values[j]);
    add_materials(r, "materials", pb, mats);
    cJSON_AddStringToObject(r, "objective_metric", shp_problem_metric_name(pb)[0] == 'p'
                                                       ? "psi = RMSE/sigma (seed 002 Eq. 9)"
                                                       : "rmse (fit.metric)");
    cJSON *ov = cJSON_AddObjectToObject(r, "objectives");
    for (int k = 0; k < nobj; ++k) shp_json_add_number(ov, shp_obs_name(shp_problem_obj_kind(pb, k)), f[k]);
    cJSON *mv = cJSON_AddObjectToObject(r, "metrics");
    for (int kind = 0; kind < SHP_OBS_COUNT; ++kind) {
        shp_metrics m;
        if (!shp_problem_has_obs(pb, kind) || shp_problem_metrics(pb, kind, &m) != SHP_OK)
            continue;
        add_metrics(cJSON_AddObjectToObject(mv, shp_obs_name(kind)), &m);
    }
    /* a station's sensors one by one, in the calibration and the validation period */
    add_depth_metrics(r, "metrics_theta_t_by_depth", pb, SHP_PERIOD_CALIBRATION);
    shp_metrics vm;
    if (shp_problem_validation_metrics(pb, &vm) == SHP_OK)
        add_metrics(cJSON_AddObjectToObject(cJSON_AddObjectToObject(r, "metrics_validation"), "theta_t"), &vm);
    add_depth_metrics(r, "metrics_theta_t_validation_by_depth", pb, SHP_PERIOD_VALIDATION);
    add_periods(r, pb);
    add_water_balance(r, pb);
    shp_material *truth = malloc((size_t)shp_forward_n_materials(fp) * sizeof *truth);
    char err[256];
    if (truth && opt->have_truth && shp_fit_truth(pb, truth, err, sizeof err) == SHP_OK) {
        cJSON *t = cJSON_AddObjectToObject(r, "truth");
        add_materials(t, "materials", pb, truth);
        cJSON *ca = cJSON_AddObjectToObject(t, "curve_agreement");
        cJSON_AddStringToObject(ca, "method", "50 suctions log-spaced over pF 0-4 (theta at equal h) "
                                              "and 50 conductivities log-spaced over the range both "
                                              "curves span there (theta at equal K); seed 002 Tables 4-8");
        for (int i = 0; i < shp_forward_n_materials(fp); ++i) {
            shp_curve_agreement a;
            if (shp_curve_agreement_compute(&truth[i], &mats[i], 1.0 / shp_forward_cm_per_length(fp),
                                            1e4 / shp_forward_cm_per_length(fp), &a) != SHP_OK)
                continue;
            cJSON *o = cJSON_AddObjectToObject(ca, shp_forward_material_name(fp, i));
            add_metrics(cJSON_AddObjectToObject(o, "retention_theta_at_h"), &a.retention);
            add_metrics(cJSON_AddObjectToObject(o, "conductivity_theta_at_K"), &a.conductivity);
        }
    }
    free(truth);
}

/* The identification every result.json starts with. */
static cJSON *result_begin(const shp_forward_problem *fp, const char *status, const char *mode,
                           const shp_fit_run_info *info)
{
    cJSON *r = shp_json_output_begin("fit", shp_forward_source(fp));
    cJSON_AddStringToObject(r, "status", status);
    cJSON_AddStringToObject(r, "mode", mode);
    shp_json_add_units(r, shp_forward_length_unit(fp), shp_forward_time_unit(fp));
    cJSON_AddStringToObject(r, "backend", info->backend);
    cJSON_AddNumberToObject(r, "threads", info->threads);
    return r;
}

/* "uncertainty": the linearised intervals at the optimum (shpfit/uncertainty.h). */
static void add_uncertainty(cJSON *r, const shp_problem *pb, const shp_uncertainty *u)
{
    cJSON *o = cJSON_AddObjectToObject(r, "uncertainty");
    cJSON_AddStringToObject(o, "method", "linearised at the optimum: s^2 (J^T J)^-1, exact Jacobian");
    if (u->status != SHP_OK) {
        cJSON_AddStringToObject(o, "status", u->dof < 1 ? "not computed: no more residuals than free parameters"
                                                        : "not computed: the best point did not simulate");
        return;
    }
    cJSON_AddStringToObject(o, "status", u->singular ? "singular" : "ok");
    cJSON_AddNumberToObject(o, "residuals", u->n_res);
    cJSON_AddNumberToObject(o, "degrees_of_freedom", u->dof);
    shp_json_add_number(o, "s2", u->s2);
    shp_json_add_number(o, "t_95", u->t95);
    shp_json_add_number(o, "condition_number", u->cond);
    cJSON *ps = cJSON_AddObjectToObject(o, "parameters");
    for (int j = 0; j < u->dim; ++j) {
        cJSON *pj = cJSON_AddObjectToObject(ps, shp_problem_var_name(pb, j));
        shp_json_add_number(pj, "value", u->value[j]);
        shp_json_add_number(pj, "se", u->se[j]);
        cJSON *ci = cJSON_AddArrayToObject(pj, "ci95");
        cJSON_AddItemToArray(ci, isfinite(u->lo[j]) ? cJSON_CreateNumber(u->lo[j]) : cJSON_CreateNull());
        cJSON_AddItemToArray(ci, isfinite(u->hi[j]) ? cJSON_CreateNumber(u->hi[j]) : cJSON_CreateNull());
        cJSON_AddStringToObject(pj, "at_bound", u->at_bound[j] < 0 ? "lower" : u->at_bound[j] > 0 ? "upper" : "no");
    }
    cJSON *cm = cJSON_AddArrayToObject(o, "correlation");
    for (int a = 0; a < u->dim; ++a) {
        cJSON *row = cJSON_CreateArray();
        for (int b = 0; b < u->dim; ++b) {
            const double c = u->corr[a * u->dim + b];
            cJSON_AddItemToArray(row, isfinite(c) ? cJSON_CreateNumber(c) : cJSON_CreateNull());
        }
        cJSON_AddItemToArray(cm, row);
    }
    cJSON *wd = cJSON_AddObjectToObject(o, "weakest_direction");
    for (int j = 0; j < u->dim; ++j) shp_json_add_number(wd, shp_problem_var_name(pb, j), u->weakest[j]);
    char msgs[SHP_UNC_MAX_WARNINGS][256];
    const int nw = shp_fit_uncertainty_warnings(pb, u, msgs, SHP_UNC_MAX_WARNINGS);
    cJSON *w = cJSON_AddArrayToObject(o, "warnings");
    for (int k = 0; k < nw; ++k) cJSON_AddItemToArray(w, cJSON_CreateString(msgs[k]));
}

static cJSON *build_result(shp_problem *pb, const shp_fit_options *opt,
                           const shp_fit_result *res, const shp_fit_run_info *info)
{
    const shp_forward_problem *fp = shp_problem_forward(pb);
    const int dim = shp_problem_dim(pb);
    cJSON *r = result_begin(fp, "ok", "fit", info);
    cJSON_AddNumberToObject(r, "seed", (double)opt->seed);
    cJSON_AddStringToObject(r, "procedure", opt->n_steps > 1 ? "two_step" : "single");
    cJSON *steps = cJSON_AddArrayToObject(r, "steps");
    for (int s = 0; s < opt->n_steps; ++s) {
        const shp_fit_step *st = &opt->step[s];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddItemToArray(steps, o);
        cJSON_AddStringToObject(o, "algorithm", shp_opt_algorithm_name(st->alg));
        cJSON_AddNumberToObject(o, "population", st->settings.pop_size);
        cJSON *ob = cJSON_AddArrayToObject(o, "objectives");
        for (int k = 0; k < st->n_obj; ++k)
            cJSON_AddItemToArray(ob, cJSON_CreateString(shp_obs_name(shp_problem_obj_kind(pb, st->obj[k]))));
        cJSON_AddNumberToObject(o, "generations", (double)res->generations[s]);
        /* a step after the one that spent fit.budget never ran */
        cJSON_AddStringToObject(o, "stop_reason", s < res->steps_run ? shp_opt_stop_reason_name(res->why[s]) : "not_run");
        if (s == 0 && opt->n_steps > 1)
            cJSON_AddStringToObject(o, "keeps", shp_problem_var_name(pb, opt->fixed_var));
    }
    if (res->polish.done) {
        cJSON *po = cJSON_AddObjectToObject(r, "polish");
        cJSON_AddStringToObject(po, "method", "levenberg-marquardt");
        cJSON_AddNumberToObject(po, "iterations", res->polish.iterations);
        cJSON_AddNumberToObject(po, "evaluations", (double)res->polish.evaluations);
        cJSON_AddStringToObject(po, "objective", opt->polish_sum ? "sum" : "squares");
        cJSON_AddNumberToObject(po, "rounds", res->polish.rounds);
        shp_json_add_number(po, "sum_psi_start", res->polish.sum_start);
        shp_json_add_number(po, "sum_psi_end", res->polish.sum_end);
        shp_json_add_number(po, "sum_psi2_start", 2.0 * res->polish.cost_start);
        shp_json_add_number(po, "sum_psi2_end", 2.0 * res->polish.cost_end);
        shp_json_add_number(po, "wall_s", res->polish.wall_s);
    }
    add_uncertainty(r, pb, &res->uncertainty);
    double values[SHP_MAX_FREE];
    for (int j = 0; j < dim; ++j) values[j] = shp_problem_var_value(pb, j, res->u_best[j]);
    shp_material *best = malloc((size_t)shp_forward_n_materials(fp) * sizeof *best);
    if (best && shp_problem_materials(pb, res->u_best, best, NULL, 0) == SHP_OK)
        add_solution(r, pb, opt, values, best, res->f_best);
    free(best);
    cJSON_AddNumberToObject(r, "evaluations", (double)res->evaluations);
    cJSON_AddNumberToObject(r, "invalid_parameters", (double)res->invalid);
    cJSON_AddNumberToObject(r, "failed_columns", (double)res->failed);
    cJSON_AddNumberToObject(r, "pareto_size", res->n_pareto);
    cJSON_AddNumberToObject(r, "wall_time_s", res->wall_s);
    if (shp_forward_config(fp)) cJSON_AddItemToObject(r, "config", cJSON_Duplicate(shp_forward_config(fp), 1));
    return r;
}

int shp_fit_write_all(const char *dir, shp_problem *pb, shp_backend *be, const shp_fit_options *opt,
                      const shp_fit_result *res, const shp_fit_run_info *info, char *err,
                      size_t len)
{
    int rc = write_history(dir, pb, opt, res, err, len);
    if (rc == SHP_OK && res->n_pareto > 0) rc = write_pareto(dir, pb, res, err, len);
    /* the best solution's column once, for best_series.csv and the metrics (a series it
     * cannot give is left out of both, as before) */
    if (rc == SHP_OK) {
        shp_problem_simulate(pb, be, res->u_best);
        rc = write_series(dir, pb, err, len);
    }
    if (rc == SHP_OK) rc = shp_station_csv_write(dir, pb, err, len);
    if (rc != SHP_OK) return rc;
    return shp_json_write_in(dir, "result.json", build_result(pb, opt, res, info), err, len);
}

int shp_fit_write_evaluation(const char *dir, shp_problem *pb, const shp_fit_options *opt, const shp_fit_point *pt,
                             const char *at, const shp_fit_run_info *info, char *err, size_t len)
{
    const shp_forward_problem *fp = shp_problem_forward(pb);
    int rc = write_series(dir, pb, err, len);
    if (rc == SHP_OK) rc = shp_station_csv_write(dir, pb, err, len);
    if (rc != SHP_OK) return rc;
    cJSON *r = result_begin(fp, shp_status_name(pt->status), "evaluate", info);
    cJSON_AddStringToObject(r, "at", at);
    if (pt->has_column) {
        const char *key;
        const long cap = shp_problem_step_cap(pb, &key), own = shp_problem_report_step_cap(pb);
        char msg[320], captext[128];
        if (own != cap) snprintf(captext, sizeof captext, "%s = %ld, %ld for its length", key, cap, own);
        else snprintf(captext, sizeof captext, "%s = %ld", key, cap);
        if (pt->status == SHP_OK)
            snprintf(msg, sizeof msg, "reached t = %g %s", pt->column.t_reached, shp_forward_time_unit(fp));
        else if (pt->status == SHP_ERR_MAX_STEPS)
            snprintf(msg, sizeof msg, "stopped at the step cap %s at t = %g %s: the series it gives are not scored",
                     captext, pt->column.t_reached, shp_forward_time_unit(fp));
        else
            snprintf(msg, sizeof msg, "%s at t = %g %s: the series it gives are not scored", shp_strerror(pt->status),
                     pt->column.t_reached, shp_forward_time_unit(fp));
        cJSON *c = cJSON_AddObjectToObject(r, "column");
        cJSON_AddStringToObject(c, "status", shp_status_name(pt->status));
        cJSON_AddStringToObject(c, "message", msg);
        cJSON_AddNumberToObject(c, "steps", (double)pt->column.steps);
        cJSON_AddNumberToObject(c, "failures", (double)pt->column.failures);
        shp_json_add_number(c, "t_reached", pt->column.t_reached);
        shp_json_add_number(c, "max_abs_balance", pt->column.max_abs_balance);
    }
    add_solution(r, pb, opt, pt->values, pt->mats, pt->f);
    cJSON_AddNumberToObject(r, "evaluations", 1);
    cJSON_AddNumberToObject(r, "invalid_parameters", 0);
    cJSON_AddNumberToObject(r, "failed_columns", pt->status != SHP_OK);
    cJSON_AddNumberToObject(r, "wall_time_s", pt->wall_s);
    if (shp_forward_config(fp)) cJSON_AddItemToObject(r, "config", cJSON_Duplicate(shp_forward_config(fp), 1));
    return shp_json_write_in(dir, "result.json", r, err, len);
}
