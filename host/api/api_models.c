/* The model registry and the hydraulic functions for foreign callers (shpfit/api.h):
 * the registry's rows become plain values, and shp_hyd_eval, which is static inline
 * for the solver's sake, gets one exported loop. */
#include <math.h>
#include <stdio.h>

#include "api/api_internal.h"
#include "shpfit/api.h"
#include "shpfit/models.h"
#include "shpfit/status.h"

int shp_api_model_count(void)
{
    return shp_model_count();
}

const char *shp_api_model_name(int i)
{
    const shp_model_desc *m = shp_model_info(i);
    return m ? m->name : NULL;
}

const char *shp_api_model_title(int i)
{
    const shp_model_desc *m = shp_model_info(i);
    return m ? m->title : NULL;
}

int shp_api_model_n_params(int i)
{
    const shp_model_desc *m = shp_model_info(i);
    return m ? m->n_params : -1;
}

int shp_api_model_index(const char *name)
{
    const shp_model_desc *m = name ? shp_model_find(name) : NULL;
    for (int i = 0; m && i < shp_model_count(); ++i)
        if (shp_model_info(i) == m) return i;
    return -1;
}

shp_status shp_api_model_param(int i, int k, const char **name, const char **unit, double *lo, double *hi,
                               int *has_default, double *def, double *bound_lo, double *bound_hi)
{
    const shp_model_desc *m = shp_model_info(i);
    if (!m || k < 0 || k >= m->n_params) return SHP_ERR_INVALID;
    const shp_param_info *p = &m->params[k];
    if (name) *name = p->name;
    if (unit) *unit = p->unit;
    if (lo) *lo = p->lo;
    if (hi) *hi = p->hi;
    if (has_default) *has_default = p->has_default;
    if (def) *def = p->has_default ? p->def : NAN;
    if (bound_lo) *bound_lo = p->bound_lo;
    if (bound_hi) *bound_hi = p->bound_hi;
    return SHP_OK;
}

shp_status shp_api_curves(const char *model, const double *params, int n_params, const double *h, long n,
                          double *theta, double *K, double *C, char *err, size_t len)
{
    if (err && len) err[0] = '\0';
    const shp_model_desc *m = model ? shp_model_find(model) : NULL;
    if (!m) {
        char names[512], msg[640];
        snprintf(msg, sizeof msg, "unknown model \"%s\" (models: %s)", model ? model : "(null)",
                 shp_model_names(names, sizeof names));
        return shp_api_fail(SHP_ERR_INVALID, err, len, msg);
    }
    if (n_params != m->n_params) {
        char msg[160];
        snprintf(msg, sizeof msg, "model %s takes %d parameters (got %d)", m->name, m->n_params, n_params);
        return shp_api_fail(SHP_ERR_INVALID, err, len, msg);
    }
    if (n < 0 || (n > 0 && !h) || !params)
        return shp_api_fail(SHP_ERR_INVALID, err, len, "no parameters or heads given");
    const shp_material mat = shp_material_make(m->id, params);
    /* a material the solver would refuse gives curves nobody should plot */
    if (shp_model_validate(&mat, err, len) != SHP_OK) return SHP_ERR_INVALID;
    for (long i = 0; i < n; ++i) {
        double th, k, c, dk;
        shp_hyd_eval(&mat, h[i], &th, &k, &c, &dk);
        if (theta) theta[i] = th;
        if (K) K[i] = k;
        if (C) C[i] = c;
    }
    return SHP_OK;
}
