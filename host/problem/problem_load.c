/* Loading an inverse problem: the forward sections (shp_forward_load), then "fit":
 * parameters (problem_params.c), observations (problem_obs.c), objectives. */
#include <stdlib.h>
#include <string.h>

#include "config/cfg_sections.h"
#include "problem/problem_internal.h"

/* A candidate's column may take at most this many steps (fit.column_max_steps, default
 * 10000): far-off parameter sets can creep at tiny steps for minutes, and a column
 * that needs 40 times the steps of a typical run is scored as failed, not waited for. */
static int parse_step_cap(shp_problem *pb, const cfg_ctx *c, const cJSON *fit)
{
    long cap = 10000;
    CFG_TRY(cfg_long(c, fit, "fit", "column_max_steps", 0, 1, 1000000000000L, &cap));
    if (!pb->needs_column) return SHP_OK;
    pb->cap_by_solver = pb->col.opt.max_steps < cap;
    if (!pb->cap_by_solver) pb->col.opt.max_steps = cap;
    return SHP_OK;
}

static int check_spread(const shp_problem *pb, const cfg_ctx *c);

static int parse_objectives(shp_problem *pb, const cfg_ctx *c, const cJSON *fit)
{
    static const char *const metrics[] = {"psi", "rmse", NULL};
    CFG_TRY(cfg_choice(c, fit, "fit", "metric", metrics, 0, &pb->metric));
    const cJSON *arr = cfg_child(fit, "objectives");
    if (!arr) { /* every observation type given, in the seed's order θ, v, Q, … */
        for (int k = 0; k < SHP_OBS_COUNT; ++k)
            if (pb->obs[k].present) pb->obj[pb->n_obj++] = k;
        return check_spread(pb, c);
    }
    if (!cJSON_IsArray(arr) || cJSON_GetArraySize(arr) < 1)
        return cfg_fail(c, "fit.objectives", "expected a non-empty array of observation names");
    int i = 0;
    for (const cJSON *it = arr->child; it; it = it->next, ++i) {
        char p[CFG_PATH_MAX];
        cfg_path_index(p, sizeof p, "fit.objectives", i);
        if (!cJSON_IsString(it)) return cfg_fail(c, p, "expected a string, got %s", cfg_type_name(it));
        int k = 0;
        while (k < SHP_OBS_COUNT && strcmp(shp_obs_name(k), it->valuestring) != 0) ++k;
        if (k == SHP_OBS_COUNT) {
            const char *names[SHP_OBS_COUNT + 1];
            for (int j = 0; j < SHP_OBS_COUNT; ++j) names[j] = shp_obs_name(j);
            names[SHP_OBS_COUNT] = NULL;
            char dym[96];
            cfg_did_you_mean(dym, sizeof dym, cfg_suggest(it->valuestring, names));
            return cfg_fail(c, p, "unknown objective \"%s\" (%svalid: theta_final, v, Q, theta_t, "
                                  "retention, conductivity)", it->valuestring, dym);
        }
        if (!pb->obs[k].present)
            return cfg_fail(c, p, "objective \"%s\" has no observations (fit.observations.%s)",
                            it->valuestring, it->valuestring);
        for (int j = 0; j < pb->n_obj; ++j)
            if (pb->obj[j] == k) return cfg_fail(c, p, "objective \"%s\" given twice", it->valuestring);
        pb->obj[pb->n_obj++] = k;
    }
    return check_spread(pb, c);
}

/* ψ divides by the spread of the observations: constant data cannot be scored so. */
static int check_spread(const shp_problem *pb, const cfg_ctx *c)
{
    for (int j = 0; j < pb->n_obj && pb->metric == 0; ++j) {
        const obs_set *o = &pb->obs[pb->obj[j]];
        int spread = 0;
        for (int i2 = 1; i2 < o->n; ++i2) spread |= o->obs_t[i2] != o->obs_t[0];
        if (!spread)
            return cfg_fail(c, "fit.objectives", "%s: the observations have no spread, so psi = "
                                                 "RMSE/sigma is undefined; use \"metric\": \"rmse\"",
                            shp_obs_name(pb->obj[j]));
    }
    return SHP_OK;
}

/* A fit to retention and conductivity data alone runs no column: it needs units and
 * materials only. When any forward section is given, all are read and checked, as
 * for every other fit. */
static int curves_only(const cJSON *root)
{
    static const char *const forward[] = {"profile", "initial", "top", "bottom", "output", "solver", NULL};
    for (int k = 0; forward[k]; ++k)
        if (cfg_child(root, forward[k])) return 0;
    const cJSON *fit = cfg_child(root, "fit");
    const cJSON *os = fit ? cfg_child(fit, "observations") : NULL;
    int curves = 0;
    for (const cJSON *it = cJSON_IsObject(os) ? os->child : NULL; it; it = it->next) {
        if (it->string[0] == '_') continue;
        if (strcmp(it->string, "retention") != 0 && strcmp(it->string, "conductivity") != 0) return 0;
        curves = 1;
    }
    return curves;
}

shp_status shp_problem_load(const char *path, shp_problem **out, char *err, size_t len)
{
    *out = NULL;
    const cfg_ctx c = {path ? path : "(null)", err, len};
    if (err && len) err[0] = '\0';
    if (!path) return cfg_fail(&c, "", "no configuration file given");
    cJSON *root = NULL;
    const int rc = cfg_load_json(&c, &root);
    if (rc != SHP_OK) return rc;
    return shp_problem_load_json(path, root, out, err, len);
}

shp_status shp_problem_load_json(const char *path, struct cJSON *root, shp_problem **out, char *err, size_t len)
{
    *out = NULL;
    shp_forward_problem *fp = NULL;
    int rc = curves_only(root) ? cfg_curves_load_json(path, root, &fp, err, len)
                               : cfg_forward_load_json(path, root, &fp, err, len);
    if (rc != SHP_OK) return rc;
    const cfg_ctx c = {path, err, len}; /* not NULL: the loads above refuse it */
    shp_problem *pb = calloc(1, sizeof *pb);
    if (!pb) {
        shp_forward_destroy(fp);
        return cfg_fail(&c, "", "out of memory");
    }
    pb->fp = fp;
    const cJSON *fit = NULL;
    rc = cfg_object(&c, fp->config, "", "fit", 1, &fit);
    /* observations first: without fit.parameters, a curve fit frees what its data determine */
    if (rc == SHP_OK) {
        pb->fit = fit;
        rc = shp_problem_parse_obs(pb, &c, fit);
    }
    if (rc == SHP_OK) rc = shp_problem_parse_params(pb, &c, fit);
    if (rc == SHP_OK) rc = shp_problem_check_vref(pb, &c);
    if (rc == SHP_OK) rc = parse_objectives(pb, &c, fit);
    if (rc == SHP_OK) rc = parse_step_cap(pb, &c, fit);
    if (rc != SHP_OK) {
        shp_problem_destroy(pb);
        return rc;
    }
    *out = pb;
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
const struct cJSON *shp_problem_fit_config(const shp_problem *pb) { return pb->fit; }
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
