/* A forward run for foreign callers (shpfit/api.h): the configuration text is loaded
 * and run as `shpfit forward` runs it (host/cli/cmd_forward.c: a batch of one on the CPU
 * backend), and the handle keeps the problem and its outputs for the accessors. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "api/api_internal.h"
#include "config/cfg_sections.h"
#include "io/fs.h"
#include "shpfit/api.h"
#include "shpfit/batch.h"
#include "shpfit/forward.h"
#include "shpfit/forward_output.h"
#include "shpfit/status.h"

struct shp_api_forward {
    shp_forward_problem *fp;
    shp_column_result res;
};

void shp_api_forward_destroy(shp_api_forward *r)
{
    if (!r) return;
    shp_column_result_free(&r->res);
    shp_forward_destroy(r->fp);
    free(r);
}

shp_status shp_api_forward_run(const char *json, const char *base_dir, shp_api_forward **out, char *err,
                               size_t len)
{
    if (err && len) err[0] = '\0';
    if (!out) return shp_api_fail(SHP_ERR_INVALID, err, len, "no handle to return the run in");
    *out = NULL;
    char path[SHP_PATH_MAX];
    cJSON *root = NULL;
    int rc = shp_api_parse(json, base_dir, path, sizeof path, &root, err, len);
    if (rc != SHP_OK) return rc;
    shp_api_forward *r = calloc(1, sizeof *r);
    if (!r) {
        cJSON_Delete(root);
        return shp_api_fail(SHP_ERR_NOMEM, err, len, "out of memory");
    }
    rc = cfg_forward_load_json(path, root, &r->fp, err, len); /* takes root over */
    if (rc != SHP_OK) {
        free(r);
        return rc;
    }
    if (shp_column_result_alloc(shp_forward_column(r->fp), &r->res) != SHP_OK) {
        shp_api_forward_destroy(r);
        return shp_api_fail(SHP_ERR_NOMEM, err, len, "out of memory for the column's outputs");
    }
    shp_backend *be = shp_backend_create("cpu", 1, err, len);
    if (!be) {
        shp_api_forward_destroy(r);
        return SHP_ERR_INVALID;
    }
    /* the config's own materials; their initial values give the heads of shp_forward_h_init(fp) */
    const shp_forward_problem *fp = r->fp;
    const shp_batch_setup setup = {shp_forward_column(fp), shp_forward_n_materials(fp), shp_forward_init_var(fp), shp_forward_init_values(fp)};
    const shp_batch batch = {1, shp_forward_materials(fp), r->res.block, &r->res.stats};
    rc = shp_backend_run(be, &setup, &batch);
    if (rc != SHP_OK) {
        const char *why = shp_backend_error(be);
        shp_api_fail(rc, err, len, *why ? why : shp_strerror(rc));
        shp_backend_destroy(be);
        shp_api_forward_destroy(r);
        return rc;
    }
    shp_backend_destroy(be);
    *out = r;
    return SHP_OK;
}

shp_status shp_api_forward_status(const shp_api_forward *r, long *steps, long *iterations, long *failures,
                                  double *t_reached, double *max_abs_balance)
{
    if (!r) return SHP_ERR_INVALID;
    const shp_column_stats *st = &r->res.stats;
    if (steps) *steps = st->steps;
    if (iterations) *iterations = st->iterations;
    if (failures) *failures = st->failures;
    if (t_reached) *t_reached = st->t_reached;
    if (max_abs_balance) *max_abs_balance = st->max_abs_balance;
    return st->status;
}

int shp_api_forward_reached(const shp_api_forward *r)
{
    return r ? shp_forward_outputs_reached(r->fp, &r->res) : 0;
}

const char *shp_api_forward_unit(const shp_api_forward *r, const char *which)
{
    if (!r || !which) return NULL;
    if (!strcmp(which, "length")) return shp_forward_length_unit(r->fp);
    if (!strcmp(which, "time")) return shp_forward_time_unit(r->fp);
    return NULL;
}

/* Array `name` of the run and its length, or NULL (*n = −1) for an unknown name. */
static const double *array(const shp_api_forward *r, const char *name, long *n)
{
    const shp_forward_problem *fp = r->fp;
    const shp_column *col = shp_forward_column(fp);
    const shp_column_out *o = &r->res.out;
    const long n_out = col->n_out, nodes = col->n, n_obs = col->n_obs;
    const int all = col->profiles_all;
    /* with profiles "all" the final profile is the last stored one (forward_csv.c) */
    const long last = all ? (n_out - 1) * nodes : 0;
    const struct {
        const char *name;
        const double *data;
        long n;
    } t[] = {
        {"time", col->t_out, n_out},
        {"Q", o->Q, n_out},
        {"v_inst", o->v_inst, n_out},
        {"v_mean", o->v_mean, n_out},
        {"q_bottom", o->q_bot, n_out},
        {"Q_bottom", o->Q_bot, n_out},
        {"balance", o->balance, n_out},
        {"z", col->z, nodes},
        {"h", o->h_prof + last, nodes},
        {"theta", o->theta_prof + last, nodes},
        {"obs_depth", shp_forward_obs_depth(fp), n_obs},
        {"theta_obs", o->theta_obs, n_out * n_obs},
        {"h_all", o->h_prof, all ? n_out * nodes : 0},
        {"theta_all", o->theta_prof, all ? n_out * nodes : 0},
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; ++i)
        if (!strcmp(name, t[i].name)) {
            *n = t[i].n;
            return t[i].data;
        }
    *n = -1;
    return NULL;
}

long shp_api_forward_size(const shp_api_forward *r, const char *name)
{
    long n = -1;
    if (r && name) array(r, name, &n);
    return n;
}

shp_status shp_api_forward_get(const shp_api_forward *r, const char *name, double *dst, long n, char *err,
                               size_t len)
{
    if (err && len) err[0] = '\0';
    if (!r || !name) return shp_api_fail(SHP_ERR_INVALID, err, len, "no run or no array name given");
    long size;
    const double *src = array(r, name, &size);
    if (!src && size < 0) {
        shp_api_fail(SHP_ERR_INVALID, err, len, "unknown array: ");
        if (err && len) strncat(err, name, len - strlen(err) - 1);
        return SHP_ERR_INVALID;
    }
    if (n < size || (size > 0 && !dst))
        return shp_api_fail(SHP_ERR_INVALID, err, len, "destination smaller than the array");
    if (size > 0) memcpy(dst, src, (size_t)size * sizeof *dst);
    return SHP_OK;
}
