/* The model registry (include/shpfit/models.h): the list of rows and its look-ups.
 * Rows are data, one file per model family (table_*.c); the functions here only walk
 * them, so a new model is a new row. */
#include "models/models_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "shpfit/status.h"

int shp_check_theta_order(const double *p, int ir, int is, char *msg, size_t len)
{
    if (p[ir] < p[is]) return -1;
    snprintf(msg, len, "theta_r must be < theta_s (%g >= %g)", p[ir], p[is]);
    return ir;
}

int shp_check_theta01(const double *p, char *msg, size_t len)
{
    return shp_check_theta_order(p, 0, 1, msg, len);
}

/* In shp_model_id order (registry_test checks it). */
static const shp_model_desc *const rows[] = {
    &shp_row_vgm,
    &shp_row_haverkamp,
    &shp_row_gardner,
    &shp_row_vgm_ae,
    &shp_row_brooks_corey,
    &shp_row_clapp_hornberger,
    &shp_row_durner,
    &shp_row_kosugi,
    &shp_row_kosugi2_hypix,
    &shp_row_kosugi2_mualem,
    &shp_row_kosugi2_fg2021,
    &shp_row_kosugi2_fg2021_mualem,
    &shp_row_pdi,
    &shp_row_fxw,
};

#define N_MODELS ((int)(sizeof rows / sizeof rows[0]))

int shp_model_count(void) { return N_MODELS; }

const shp_model_desc *shp_model_info(int i) { return i >= 0 && i < N_MODELS ? rows[i] : NULL; }

const shp_model_desc *shp_model_find(const char *name)
{
    if (!name) return NULL;
    for (int i = 0; i < N_MODELS; ++i) {
        if (strcmp(rows[i]->name, name) == 0) return rows[i];
        for (const char *const *a = rows[i]->aliases; a && *a; ++a)
            if (strcmp(*a, name) == 0) return rows[i];
    }
    return NULL;
}

const shp_model_desc *shp_model_by_id(int id)
{
    for (int i = 0; i < N_MODELS; ++i)
        if ((int)rows[i]->id == id) return rows[i];
    return NULL;
}

int shp_model_param_index(const shp_model_desc *m, const char *name)
{
    for (int k = 0; m && name && k < m->n_params; ++k)
        if (strcmp(m->params[k].name, name) == 0) return k;
    return -1;
}

const char *shp_model_names(char *buf, size_t len)
{
    size_t used = 0;
    if (len) buf[0] = '\0';
    for (int i = 0; i < N_MODELS && used < len; ++i) {
        const int w = snprintf(buf + used, len - used, "%s%s", i ? ", " : "", rows[i]->name);
        if (w < 0) break;
        used += (size_t)w;
    }
    return buf;
}

shp_status shp_param_check(const shp_param_info *p, double v, char *msg, size_t len)
{
    if (!isfinite(v)) {
        snprintf(msg, len, "must be a finite number (got %g)", v);
        return SHP_ERR_INVALID;
    }
    if (p->lo_closed ? !(v >= p->lo) : !(v > p->lo)) {
        snprintf(msg, len, "must be %s %g (got %g)", p->lo_closed ? ">=" : ">", p->lo, v);
        return SHP_ERR_INVALID;
    }
    if (p->hi_closed ? !(v <= p->hi) : !(v < p->hi)) {
        snprintf(msg, len, "must be %s %g (got %g)", p->hi_closed ? "<=" : "<", p->hi, v);
        return SHP_ERR_INVALID;
    }
    return SHP_OK;
}

void shp_param_plausible(const shp_param_info *p, double cm_per_L, double min_per_T, double *lo, double *hi)
{
    double a, b;
    if (p->log_scale && p->bound_lo > 0.0) {
        a = p->bound_lo * 1e-6;
        b = p->bound_hi * 1e6;
    } else {
        const double w = p->bound_hi - p->bound_lo;
        a = p->bound_lo - 100.0 * w;
        b = p->bound_hi + 100.0 * w;
    }
    /* into the config's units (a factor may be negative for no parameter: all are powers) */
    const double f = shp_param_unit_factor(p, cm_per_L, min_per_T);
    a *= f;
    b *= f;
    *lo = fmax(a, p->lo);
    *hi = fmin(b, p->hi);
}

double shp_param_unit_factor(const shp_param_info *p, double cm_per_L, double min_per_T)
{
    return pow(cm_per_L, -p->dim_L) * pow(min_per_T, -p->dim_T);
}

int shp_model_first_invalid(const shp_material *mat, char *msg, size_t len)
{
    const shp_model_desc *m = shp_model_by_id(mat->model);
    if (!m) {
        snprintf(msg, len, "unknown model id %d", mat->model);
        return 0;
    }
    char why[160];
    for (int k = 0; k < m->n_params; ++k) {
        if (shp_param_check(&m->params[k], mat->p[k], why, sizeof why) != SHP_OK) {
            snprintf(msg, len, "%s %s", m->params[k].name, why);
            return k;
        }
    }
    if (m->check) {
        const int k = m->check(mat->p, msg, len);
        if (k >= 0) return k;
    }
    if (!(mat->Ss >= 0.0 && isfinite(mat->Ss))) {
        snprintf(msg, len, "Ss must be >= 0 (got %g)", mat->Ss);
        return SHP_MAX_PARAMS;
    }
    return -1;
}

shp_status shp_model_validate(const shp_material *mat, char *msg, size_t len)
{
    return shp_model_first_invalid(mat, msg, len) < 0 ? SHP_OK : SHP_ERR_INVALID;
}

void shp_model_material_init(const shp_model_desc *m, shp_material *mat)
{
    mat->model = (int)m->id;
    for (int k = 0; k < SHP_MAX_PARAMS; ++k)
        mat->p[k] = k < m->n_params && m->params[k].has_default ? m->params[k].def : NAN;
    mat->Ss = 0.0;
}
