/* A fit for foreign callers (shpfit/api.h): the sequence of `shpfit fit` (host/cli/
 * cmd_fit.c: load the problem, its fit options, a CPU backend, shp_fit_run) without
 * the checkpoint, the files and the printing; the handle keeps what a caller reads
 * back, as plain values, and lets the problem go. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "config/loaders.h"
#include "api/api_internal.h"
#include "io/fs.h"
#include "shpfit/api.h"
#include "shpfit/fit.h"
#include "shpfit/problem.h"
#include "shpfit/status.h"

#define API_NAME_LEN 64

struct shp_api_fit {
    int dim, n_obj, se_status;
    char var_name[SHP_MAX_FREE][API_NAME_LEN];
    double value[SHP_MAX_FREE], se[SHP_MAX_FREE];
    char obj_name[SHP_OBS_COUNT][API_NAME_LEN];
    double objective[SHP_OBS_COUNT];
    char metric[16];
    long evaluations, invalid, failed;
    double wall_s;
};

/* What the caller reads back, copied out of the problem and the result. */
static void keep(shp_api_fit *f, const shp_problem *pb, const shp_fit_result *res)
{
    f->dim = shp_problem_dim(pb);
    f->n_obj = shp_problem_n_obj(pb);
    const shp_uncertainty *u = &res->uncertainty;
    f->se_status = u->status;
    for (int j = 0; j < f->dim; ++j) {
        strncpy(f->var_name[j], shp_problem_var_name(pb, j), API_NAME_LEN - 1);
        f->value[j] = shp_problem_var_value(pb, j, res->u_best[j]);
        f->se[j] = u->status == SHP_OK ? u->se[j] : NAN;
    }
    for (int k = 0; k < f->n_obj; ++k) {
        strncpy(f->obj_name[k], shp_obs_name(shp_problem_obj_kind(pb, k)), API_NAME_LEN - 1);
        f->objective[k] = res->f_best[k];
    }
    strncpy(f->metric, shp_problem_metric_name(pb), sizeof f->metric - 1);
    f->evaluations = res->evaluations;
    f->invalid = res->invalid;
    f->failed = res->failed;
    f->wall_s = res->wall_s;
}

shp_status shp_api_fit_run(const char *json, const char *base_dir, long long seed, int threads,
                           shp_api_fit **out, char *err, size_t len)
{
    if (err && len) err[0] = '\0';
    if (!out) return shp_api_fail(SHP_ERR_INVALID, err, len, "no handle to return the fit in");
    *out = NULL;
    if (threads < 0) return shp_api_fail(SHP_ERR_INVALID, err, len, "threads must be >= 0");
    char path[SHP_PATH_MAX];
    cJSON *root = NULL;
    int rc = shp_api_parse(json, base_dir, path, sizeof path, &root, err, len);
    if (rc != SHP_OK) return rc;
    /* the CLI sends fit.compare elsewhere before loading a problem (cmd_fit_compare.c):
     * several fits and a table of them, not one result */
    if (cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(root, "fit"), "compare")) {
        cJSON_Delete(root);
        return shp_api_fail(SHP_ERR_CONFIG, err, len,
                            "fit.compare runs several fits: run it with `shpfit fit`");
    }
    shp_problem *pb = NULL;
    rc = shp_problem_load_json(path, root, &pb, err, len); /* takes root over */
    if (rc != SHP_OK) return rc;
    shp_fit_options opt;
    rc = shp_fit_options_load(pb, seed, &opt, err, len);
    shp_backend *be = rc == SHP_OK ? shp_backend_create("cpu", threads, err, len) : NULL;
    if (rc == SHP_OK && !be) rc = SHP_ERR_INVALID;
    shp_api_fit *f = rc == SHP_OK ? calloc(1, sizeof *f) : NULL;
    if (rc == SHP_OK && !f) rc = shp_api_fail(SHP_ERR_NOMEM, err, len, "out of memory");
    if (rc == SHP_OK) {
        shp_fit_result res;
        rc = shp_fit_run(pb, be, &opt, NULL, NULL, &res, err, len);
        if (rc == SHP_OK) keep(f, pb, &res);
        shp_fit_result_free(&res); /* set up by shp_fit_run whatever it returns */
    }
    shp_backend_destroy(be);
    shp_problem_destroy(pb);
    if (rc != SHP_OK) {
        free(f);
        return rc;
    }
    *out = f;
    return SHP_OK;
}

void shp_api_fit_destroy(shp_api_fit *f)
{
    free(f);
}

int shp_api_fit_dim(const shp_api_fit *f)
{
    return f ? f->dim : 0;
}

const char *shp_api_fit_var_name(const shp_api_fit *f, int j)
{
    return f && j >= 0 && j < f->dim ? f->var_name[j] : NULL;
}

double shp_api_fit_value(const shp_api_fit *f, int j)
{
    return f && j >= 0 && j < f->dim ? f->value[j] : NAN;
}

double shp_api_fit_se(const shp_api_fit *f, int j)
{
    return f && j >= 0 && j < f->dim ? f->se[j] : NAN;
}

shp_status shp_api_fit_se_status(const shp_api_fit *f)
{
    return f ? f->se_status : SHP_ERR_INVALID;
}

int shp_api_fit_n_obj(const shp_api_fit *f)
{
    return f ? f->n_obj : 0;
}

const char *shp_api_fit_obj_name(const shp_api_fit *f, int k)
{
    return f && k >= 0 && k < f->n_obj ? f->obj_name[k] : NULL;
}

double shp_api_fit_objective(const shp_api_fit *f, int k)
{
    return f && k >= 0 && k < f->n_obj ? f->objective[k] : NAN;
}

const char *shp_api_fit_metric(const shp_api_fit *f)
{
    return f ? f->metric : NULL;
}

long shp_api_fit_evaluations(const shp_api_fit *f, long *invalid, long *failed, double *wall_s)
{
    if (!f) return -1;
    if (invalid) *invalid = f->invalid;
    if (failed) *failed = f->failed;
    if (wall_s) *wall_s = f->wall_s;
    return f->evaluations;
}
