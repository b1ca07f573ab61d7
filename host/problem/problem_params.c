/* The free parameters: their bounds and scales, the seed's reparametrisations, and the
 * map from the optimizer's unit box to materials. A key is "material.parameter", or
 * just "parameter" when there is one material (docs/fit-reference.md, "fit.parameters"). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "problem/problem_internal.h"
#include "util/suggest.h"

/* Split "loam.alpha/Ks" into material index and the rest. */
static int split_key(shp_problem *pb, const char *field, const char *key, int *mat, const char **rest)
{
    const shp_forward_problem *fp = pb->fp;
    const char *dot = strchr(key, '.');
    if (!dot) {
        if (fp->n_materials != 1)
            return shp_problem_fail(pb, field, "name the material: \"<material>.%s\" (%d materials)", key,
                                    fp->n_materials);
        *mat = 0;
        *rest = key;
        return SHP_OK;
    }
    char name[128];
    snprintf(name, sizeof name, "%.*s", (int)(dot - key), key);
    *mat = shp_forward_material_index(fp, name);
    if (*mat < 0) return shp_problem_fail(pb, field, "unknown material \"%s\"", name);
    *rest = dot + 1;
    return SHP_OK;
}

/* A ratio's variable (α/Ks or v/Ks): its default bounds and plausible range. */
static int ratio_var(shp_problem *pb, const char *field, const shp_model_desc *m, const char *rest, fit_var *v,
                     double *d, double *p)
{
    const shp_forward_problem *fp = pb->fp;
    const int ia = shp_model_param_index(m, "alpha"), iks = shp_model_param_index(m, "Ks");
    if (ia < 0 || iks < 0) return shp_problem_fail(pb, field, "model %s has no alpha and Ks to reparametrise", m->name);
    v->kind = rest[0] == 'a' ? VAR_ALPHA_OVER_KS : VAR_V_OVER_KS;
    v->param = v->kind == VAR_ALPHA_OVER_KS ? ia : iks;
    /* seed 002, Table 2: α/Ks in min/cm² (converted to T/L²), v/Ks dimensionless */
    const double f = v->kind == VAR_ALPHA_OVER_KS ? fp->cm_per_length * fp->cm_per_length / fp->min_per_time : 1.0;
    d[0] = (v->kind == VAR_ALPHA_OVER_KS ? 0.2 : 2.0) * f;
    d[1] = (v->kind == VAR_ALPHA_OVER_KS ? 20.0 : 60.0) * f;
    p[0] = d[0] * 1e-6; /* as shp_param_plausible widens a log-scaled parameter */
    p[1] = d[1] * 1e6;
    if (v->kind == VAR_ALPHA_OVER_KS)
        for (int j = 0; j < pb->dim; ++j)
            if (pb->var[j].mat == v->mat && pb->var[j].kind == VAR_PLAIN && pb->var[j].param == ia)
                return shp_problem_fail(pb, field, "alpha is already free; give alpha or alpha/Ks");
    return SHP_OK;
}

/* A model parameter's variable: its default bounds, scale and plausible range. */
static int plain_var(shp_problem *pb, const char *field, const shp_model_desc *m, const char *rest, fit_var *v,
                     double *d, int *dlog, double *p)
{
    const shp_forward_problem *fp = pb->fp;
    const int ia = shp_model_param_index(m, "alpha");
    v->kind = VAR_PLAIN;
    v->param = shp_model_param_index(m, rest);
    for (int j = 0; j < pb->dim && v->param == ia && ia >= 0; ++j)
        if (pb->var[j].mat == v->mat && pb->var[j].kind == VAR_ALPHA_OVER_KS)
            return shp_problem_fail(pb, field, "alpha/Ks is already free; give alpha or alpha/Ks");
    if (v->param < 0) {
        char list[512] = "", dym[96];
        const char *names[SHP_MAX_PARAMS + 1];
        for (int k = 0; k < m->n_params; ++k) {
            snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", k ? ", " : "", m->params[k].name);
            names[k] = m->params[k].name;
        }
        names[m->n_params] = NULL;
        cfg_did_you_mean(dym, sizeof dym, cfg_suggest(rest, names));
        return shp_problem_fail(pb, field, "model %s has no parameter \"%s\" (%svalid: %s, alpha/Ks, v/Ks)", m->name,
                                rest, dym, list);
    }
    const shp_param_info *pi = &m->params[v->param];
    const double f = shp_param_unit_factor(pi, fp->cm_per_length, fp->min_per_time);
    d[0] = pi->bound_lo * f;
    d[1] = pi->bound_hi * f;
    *dlog = pi->log_scale;
    shp_param_plausible(pi, fp->cm_per_length, fp->min_per_time, &p[0], &p[1]);
    return SHP_OK;
}

/* Bounds valid for the parameter and plausible: a typing mistake is not a bound. */
static int check_bounds(shp_problem *pb, const char *field, const shp_model_desc *m, const fit_var *v,
                        const double *p)
{
    if (!(v->lo < v->hi)) return shp_problem_fail(pb, field, "bounds must satisfy lo < hi (got %g, %g)", v->lo, v->hi);
    if (v->log_scale && !(v->lo > 0.0))
        return shp_problem_fail(pb, field, "a log scale needs positive bounds (got %g, %g)", v->lo, v->hi);
    if (v->kind == VAR_PLAIN) {
        const shp_param_info *pi = &m->params[v->param];
        char why[160];
        if (shp_param_check(pi, v->lo, why, sizeof why) != SHP_OK ||
            shp_param_check(pi, v->hi, why, sizeof why) != SHP_OK)
            return shp_problem_fail(pb, field, "bounds [%g, %g]: %s %s", v->lo, v->hi, pi->name, why);
    } else if (!(v->lo > 0.0)) {
        return shp_problem_fail(pb, field, "a ratio's bounds must be > 0 (got %g)", v->lo);
    }
    for (int k = 0; k < 2; ++k) {
        const double b = k ? v->hi : v->lo;
        if (!(b >= p[0] && b <= p[1]))
            return shp_problem_fail(pb, field, "%s %g is not a plausible bound: expected %g to %g (the default "
                                               "inversion bounds widened; see shpfit models)",
                                    k ? "hi" : "lo", b, p[0], p[1]);
    }
    return SHP_OK;
}

shp_status shp_problem_add_parameter(shp_problem *pb, const char *key, const double *bounds, int scale)
{
    char field[160];
    snprintf(field, sizeof field, "fit.parameters.%s", key ? key : "(null)");
    if (!key || !key[0]) return shp_problem_fail(pb, "fit.parameters", "a parameter needs a name");
    if (pb->dim == SHP_MAX_FREE) return shp_problem_fail(pb, field, "at most %d free parameters", SHP_MAX_FREE);
    if (scale < SHP_SCALE_DEFAULT || scale > SHP_SCALE_LOG)
        return shp_problem_fail(pb, field, "unknown scale %d", scale);
    for (int j = 0; j < pb->dim; ++j)
        if (!strcmp(pb->var[j].name, key)) return shp_problem_fail(pb, field, "key given twice");
    fit_var *v = &pb->var[pb->dim];
    memset(v, 0, sizeof *v);
    const char *rest = key;
    int rc = split_key(pb, field, key, &v->mat, &rest);
    if (rc != SHP_OK) return rc;
    const shp_forward_problem *fp = pb->fp;
    const shp_model_desc *m = shp_model_by_id(fp->materials[v->mat].model);
    snprintf(v->name, sizeof v->name, "%s.%s", fp->material_names[v->mat], rest);
    double d[2] = {0.0, 0.0}, p[2] = {0.0, 0.0};
    int dlog = 1;
    rc = !strcmp(rest, "alpha/Ks") || !strcmp(rest, "v/Ks") ? ratio_var(pb, field, m, rest, v, d, p)
                                                             : plain_var(pb, field, m, rest, v, d, &dlog, p);
    if (rc != SHP_OK) return rc;
    v->lo = bounds ? bounds[0] : d[0];
    v->hi = bounds ? bounds[1] : d[1];
    v->log_scale = scale == SHP_SCALE_DEFAULT ? dlog : scale;
    rc = check_bounds(pb, field, m, v, p);
    if (rc != SHP_OK) return rc;
    ++pb->dim;
    return SHP_OK;
}

/* Whether material i has retention / conductivity observations. */
static int has_curve(const shp_problem *pb, int kind, int i)
{
    return pb->obs[kind].present && pb->obs[kind].mat == i;
}

/* Without parameters (curve fits only): every parameter a material leaves out of the
 * config and its data determine is free, within the registry's bounds; what it gives
 * is held. Retention data determine the parameters of θ(h); conductivity data those of
 * K(h), which shares θ(h)'s. */
static int default_vars(shp_problem *pb)
{
    const shp_forward_problem *fp = pb->fp;
    for (int i = 0; i < fp->n_materials; ++i) {
        const shp_model_desc *m = shp_model_by_id(fp->materials[i].model);
        const int ret = has_curve(pb, SHP_OBS_RETENTION, i), con = has_curve(pb, SHP_OBS_CONDUCTIVITY, i);
        for (int k = 0; k < m->n_params; ++k) {
            if (!(fp->missing[i] >> k & 1u) || !(con || (ret && !m->params[k].k_only))) continue;
            char key[160];
            snprintf(key, sizeof key, "%s.%s", fp->material_names[i], m->params[k].name);
            const int rc = shp_problem_add_parameter(pb, key, NULL, SHP_SCALE_DEFAULT);
            if (rc != SHP_OK) return rc;
        }
    }
    return SHP_OK;
}

/* Parameters a curve fit's config left out: a free one starts from the middle of its
 * bounds (a placeholder: the optimizer never reads it); a K-only one that no
 * conductivity data determine stays undetermined, at the middle of its default bounds,
 * and the outputs leave it out; any other is an error. */
static int fill_missing(shp_problem *pb)
{
    shp_forward_problem *fp = pb->fp;
    pb->unset = calloc((size_t)fp->n_materials, sizeof *pb->unset);
    if (!pb->unset) return shp_problem_nomem(pb, "fit.parameters");
    for (int i = 0; i < fp->n_materials; ++i) {
        shp_material *mat = &fp->materials[i];
        const shp_model_desc *m = shp_model_by_id(mat->model);
        for (int k = 0; k < m->n_params; ++k) {
            if (!(fp->missing[i] >> k & 1u)) continue;
            const shp_param_info *pi = &m->params[k];
            int j = 0;
            while (j < pb->dim && !(pb->var[j].mat == i && pb->var[j].param == k)) ++j; /* α/Ks sets α too */
            const int fitted = j < pb->dim;
            if (!fitted && !(pi->k_only && !has_curve(pb, SHP_OBS_CONDUCTIVITY, i))) {
                char field[256];
                snprintf(field, sizeof field, "materials.%s.%s", fp->material_names[i], pi->name);
                return shp_problem_fail(pb, field, "required: give its value, or fit it (list it in fit.parameters%s)",
                                        pi->k_only ? "" : ", or leave fit.parameters out to fit every parameter left out");
            }
            if (fitted) {
                pb->unset[i] |= 1u << k;
                fp->missing[i] &= ~(1u << k); /* the fit determines it */
            }
            /* the free variable's bounds, else (undetermined, or set by a ratio) the registry's */
            const int own = fitted && pb->var[j].kind == VAR_PLAIN;
            const double f = shp_param_unit_factor(pi, fp->cm_per_length, fp->min_per_time);
            const double lo = own ? pb->var[j].lo : pi->bound_lo * f, hi = own ? pb->var[j].hi : pi->bound_hi * f;
            const int lg = own ? pb->var[j].log_scale : pi->log_scale && lo > 0.0;
            mat->p[k] = lg ? sqrt(lo * hi) : 0.5 * (lo + hi);
        }
    }
    return SHP_OK;
}

/* v/Ks needs a reference rate: the first observed infiltration rate. */
static int set_vref(shp_problem *pb)
{
    int have_v = 0;
    for (int j = 0; j < pb->dim; ++j) have_v |= pb->var[j].kind == VAR_V_OVER_KS;
    pb->v_ref = 0.0;
    if (!have_v) return SHP_OK;
    if (!pb->obs[SHP_OBS_V].present)
        return shp_problem_fail(pb, "fit.parameters", "v/Ks needs infiltration-rate observations "
                                                      "(fit.observations.v): Ks = v / (v/Ks) uses the first one");
    pb->v_ref = pb->obs[SHP_OBS_V].y[0];
    if (!(pb->v_ref > 0.0))
        return shp_problem_fail(pb, "fit.observations.v", "the first rate must be > 0 for v/Ks (got %g)", pb->v_ref);
    return SHP_OK;
}

int shp_problem_prepare_params(shp_problem *pb)
{
    if (pb->dim == 0 && !pb->needs_column) {
        const int rc = default_vars(pb);
        if (rc != SHP_OK) return rc;
        if (pb->dim == 0)
            return shp_problem_fail(pb, "fit.parameters", "no free parameters: every parameter the data determine "
                                                          "has a value in materials (leave out those to fit, or list "
                                                          "them here)");
    }
    if (pb->dim == 0) return shp_problem_fail(pb, "fit.parameters", "no free parameters");
    /* a ratio and the parameter it sets cannot both be free */
    for (int j = 0; j < pb->dim; ++j)
        for (int k = 0; k < pb->dim; ++k)
            if (j != k && pb->var[j].kind == VAR_PLAIN && pb->var[k].kind == VAR_V_OVER_KS &&
                pb->var[j].mat == pb->var[k].mat && pb->var[j].param == pb->var[k].param) {
                char field[256];
                snprintf(field, sizeof field, "fit.parameters.%s", pb->var[k].name);
                return shp_problem_fail(pb, field, "Ks is already free; give Ks or v/Ks");
            }
    const int rc = fill_missing(pb);
    return rc != SHP_OK ? rc : set_vref(pb);
}

double shp_problem_var_value(const shp_problem *pb, int j, double u)
{
    const fit_var *v = &pb->var[j];
    u = u < 0.0 ? 0.0 : u > 1.0 ? 1.0 : u;
    if (v->log_scale) return exp(log(v->lo) + u * (log(v->hi) - log(v->lo)));
    return v->lo + u * (v->hi - v->lo);
}

double shp_problem_var_unit(const shp_problem *pb, int j, double value)
{
    const fit_var *v = &pb->var[j];
    const double u = v->log_scale ? (log(value) - log(v->lo)) / (log(v->hi) - log(v->lo))
                                  : (value - v->lo) / (v->hi - v->lo);
    return u < 0.0 ? 0.0 : u > 1.0 ? 1.0 : u;
}

void shp_problem_var_bounds(const shp_problem *pb, int j, double *lo, double *hi, int *log_scale)
{
    *lo = pb->var[j].lo;
    *hi = pb->var[j].hi;
    *log_scale = pb->var[j].log_scale;
}

const char *shp_problem_var_name(const shp_problem *pb, int j) { return pb->var[j].name; }

shp_status shp_problem_materials(const shp_problem *pb, const double *u, shp_material *mats, char *why,
                                 size_t len)
{
    double values[SHP_MAX_FREE];
    for (int j = 0; j < pb->dim; ++j) values[j] = shp_problem_var_value(pb, j, u[j]);
    return shp_problem_materials_at(pb, values, mats, why, len);
}

shp_status shp_problem_materials_at(const shp_problem *pb, const double *values, shp_material *mats, char *why,
                                    size_t len)
{
    const shp_forward_problem *fp = pb->fp;
    memcpy(mats, fp->materials, (size_t)fp->n_materials * sizeof *mats);
    /* plain parameters, then Ks from v/Ks, then α from α/Ks (which needs Ks) */
    for (int pass = 0; pass < 3; ++pass)
        for (int j = 0; j < pb->dim; ++j) {
            const fit_var *v = &pb->var[j];
            if (v->kind != (pass == 0 ? VAR_PLAIN : pass == 1 ? VAR_V_OVER_KS : VAR_ALPHA_OVER_KS))
                continue;
            const double x = values[j];
            double *p = mats[v->mat].p;
            if (v->kind == VAR_PLAIN) p[v->param] = x;
            else if (v->kind == VAR_V_OVER_KS) p[v->param] = pb->v_ref / x;
            else p[v->param] = x * p[shp_model_param_index(shp_model_by_id(mats[v->mat].model), "Ks")];
        }
    for (int i = 0; i < fp->n_materials; ++i) {
        char msg[256];
        shp_hyd_prepare(&mats[i]);
        if (shp_model_validate(&mats[i], msg, sizeof msg) != SHP_OK) {
            if (why && len) snprintf(why, len, "material %s: %s", fp->material_names[i], msg);
            return SHP_ERR_INVALID;
        }
    }
    return SHP_OK;
}

shp_status shp_problem_check_values(const shp_problem *pb, const double *values, shp_material *mats, char *why,
                                    size_t len)
{
    PB_TRY(shp_problem_materials_at(pb, values, mats, why, len));
    const shp_forward_problem *fp = pb->fp;
    for (int j = 0; j < pb->dim; ++j) { /* as in a config: a typing mistake is not a value */
        const fit_var *v = &pb->var[j];
        const shp_param_info *pi = &shp_model_by_id(mats[v->mat].model)->params[v->param];
        const double x = mats[v->mat].p[v->param];
        double lo, hi;
        shp_param_plausible(pi, fp->cm_per_length, fp->min_per_time, &lo, &hi);
        if (x >= lo && x <= hi) continue;
        char unit[64];
        shp_forward_unit_text(fp, pi->unit, unit, sizeof unit);
        snprintf(why, len, "%s: %s%g is not a plausible value: expected %g to %g %s (the default inversion "
                           "bounds widened; see shpfit models)",
                 v->name, v->kind == VAR_PLAIN ? "" : v->kind == VAR_V_OVER_KS ? "sets Ks = " : "sets alpha = ",
                 x, lo, hi, unit);
        return SHP_ERR_INVALID;
    }
    return SHP_OK;
}

void shp_problem_var_units(const shp_problem *pb, int j, char *buf, size_t len)
{
    const fit_var *v = &pb->var[j];
    const char *unit = v->kind == VAR_ALPHA_OVER_KS ? "T/L^2"
                       : v->kind == VAR_V_OVER_KS   ? "-"
                                                    : shp_model_by_id(pb->fp->materials[v->mat].model)->params[v->param].unit;
    if (!strcmp(unit, "-")) snprintf(buf, len, "-");
    else shp_forward_unit_text(pb->fp, unit, buf, len);
}

void shp_problem_values_of(const shp_problem *pb, const shp_material *mats, double *values)
{
    for (int j = 0; j < pb->dim; ++j) {
        const fit_var *v = &pb->var[j];
        const double *p = mats[v->mat].p;
        const int iks = shp_model_param_index(shp_model_by_id(mats[v->mat].model), "Ks");
        values[j] = v->kind == VAR_ALPHA_OVER_KS ? p[v->param] / p[iks]
                    : v->kind == VAR_V_OVER_KS   ? pb->v_ref / p[iks]
                                                 : p[v->param];
    }
}

void shp_problem_unit_of(const shp_problem *pb, const shp_material *mats, double *u)
{
    double values[SHP_MAX_FREE];
    shp_problem_values_of(pb, mats, values);
    for (int j = 0; j < pb->dim; ++j) u[j] = shp_problem_var_unit(pb, j, values[j]);
}
