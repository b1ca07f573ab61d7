/* The forward problem as an object: built from a shp_forward_spec (in code, or by the
 * configuration loader in host/config), read through its accessors, released by
 * shp_forward_destroy. */
#define _POSIX_C_SOURCE 200809L /* strdup */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shpfit/core/team.h"
#include "problem/forward_internal.h"
#include "util/message.h"

double shp_length_unit_cm(const char *name)
{
    static const char *const names[] = {"mm", "cm", "m"};
    static const double cm[] = {0.1, 1.0, 100.0};
    for (int k = 0; name && k < 3; ++k)
        if (!strcmp(name, names[k])) return cm[k];
    return 0.0;
}

double shp_time_unit_min(const char *name)
{
    static const char *const names[] = {"s", "min", "h", "d", "day"};
    static const double min[] = {1.0 / 60.0, 1.0, 60.0, 1440.0, 1440.0};
    for (int k = 0; name && k < 5; ++k)
        if (!strcmp(name, names[k])) return min[k];
    return 0.0;
}

void shp_forward_unit_text(const shp_forward_problem *fp, const char *unit, char *out, size_t len)
{
    shp_unit_text(fp->length_unit, fp->time_unit, unit, out, len);
}

void shp_unit_text(const char *length_unit, const char *time_unit, const char *unit, char *out, size_t len)
{
    size_t k = 0;
    if (len) out[0] = '\0';
    for (const char *u = unit; *u && k + 1 < len; ++u) {
        const char *s = *u == 'L' ? length_unit : *u == 'T' ? time_unit : NULL;
        const int w = s ? snprintf(out + k, len - k, "%s", s) : snprintf(out + k, len - k, "%c", *u);
        if (w < 0) break;
        k += (size_t)w;
    }
    if (!strcmp(unit, "-")) snprintf(out, len, "(dimensionless)");
}

int shp_forward_material_index(const shp_forward_problem *fp, const char *name)
{
    for (int i = 0; name && i < fp->n_materials; ++i)
        if (strcmp(fp->material_names[i], name) == 0) return i;
    return -1;
}

const shp_column *shp_forward_column(const shp_forward_problem *fp) { return &fp->column; }
int shp_forward_n_materials(const shp_forward_problem *fp) { return fp->n_materials; }
const shp_material *shp_forward_materials(const shp_forward_problem *fp) { return fp->materials; }
const char *shp_forward_material_name(const shp_forward_problem *fp, int i) { return fp->material_names[i]; }
unsigned shp_forward_missing(const shp_forward_problem *fp, int i) { return fp->missing[i]; }
const char *shp_forward_length_unit(const shp_forward_problem *fp) { return fp->length_unit; }
const char *shp_forward_time_unit(const shp_forward_problem *fp) { return fp->time_unit; }
double shp_forward_cm_per_length(const shp_forward_problem *fp) { return fp->cm_per_length; }
double shp_forward_min_per_time(const shp_forward_problem *fp) { return fp->min_per_time; }
int shp_forward_init_var(const shp_forward_problem *fp) { return fp->init_var; }
const double *shp_forward_init_values(const shp_forward_problem *fp) { return fp->init_value; }
const double *shp_forward_h_init(const shp_forward_problem *fp) { return fp->h_init; }
const double *shp_forward_obs_depth(const shp_forward_problem *fp) { return fp->obs_depth; }
int shp_forward_n_forcing(const shp_forward_problem *fp) { return fp->n_forcing; }
const double *shp_forward_forcing(const shp_forward_problem *fp) { return fp->forcing; }
double shp_forward_forcing_end(const shp_forward_problem *fp) { return fp->forcing_end; }
const char *shp_forward_source(const shp_forward_problem *fp) { return fp->path; }
const void *shp_forward_config(const shp_forward_problem *fp) { return fp->config; }
uint64_t shp_forward_config_hash(const shp_forward_problem *fp) { return fp->config_hash; }

void shp_forward_destroy(shp_forward_problem *fp)
{
    if (!fp) return;
    for (int i = 0; fp->material_names && i < fp->n_materials; ++i) free(fp->material_names[i]);
    free(fp->material_names);
    free(fp->materials);
    free(fp->missing);
    free(fp->z);
    free(fp->mat_of_node);
    free(fp->h_init);
    free(fp->init_value);
    free(fp->t_out);
    free(fp->obs_depth);
    free(fp->obs_node);
    free(fp->obs_w);
    free(fp->bc_table);
    free(fp->forcing);
    free(fp->root_w);
    if (fp->config_free) fp->config_free(fp->config);
    free(fp->path);
    free(fp);
}

static void *copy_of(const void *src, size_t bytes)
{
    void *p = malloc(bytes ? bytes : 1);
    if (p && bytes) memcpy(p, src, bytes);
    return p;
}

/* An atmospheric top's forcing and root weights (shp_forward_spec). */
static shp_status check_forcing(const shp_forward_spec *s, char *err, size_t len)
{
    const shp_column *c = &s->column;
    const int atm = c->top.type == SHP_BC_ATMOSPHERIC;
    if (!atm && (s->n_forcing || c->root_w))
        return shp_refuse(err, len, "top: forcing and root uptake need an atmospheric top");
    if (!atm) return SHP_OK;
    const int m = s->n_forcing;
    if (m < 1 || !s->forcing) return shp_refuse(err, len, "top.forcing: at least one interval");
    for (int k = 0; k < m * SHP_FORCING_BLOCKS; ++k)
        if (!isfinite(s->forcing[k]))
            return shp_refuse(err, len, "top.forcing: value %d is not finite", k);
    for (int k = 1; k < m; ++k)
        if (!(s->forcing[k] > s->forcing[k - 1]))
            return shp_refuse(err, len, "top.forcing: times must increase (interval %d)", k);
    if (!(s->forcing_end > s->forcing[m - 1]))
        return shp_refuse(err, len, "top.forcing: the last interval must end after it starts");
    if (!(c->h_crit < 0.0)) return shp_refuse(err, len, "top.h_crit: must be < 0, the air-dry limit (got %g)", c->h_crit);
    if (!(c->h_max >= 0.0)) return shp_refuse(err, len, "top.h_max: must be >= 0 (got %g)", c->h_max);
    if (!c->root_w) return SHP_OK;
    double sum = 0.0;
    for (int i = 0; i < c->n; ++i) {
        if (!(c->root_w[i] >= 0.0)) return shp_refuse(err, len, "roots: weight of node %d is negative", i);
        sum += c->root_w[i];
    }
    return fabs(sum - 1.0) <= 1e-9 ? SHP_OK : shp_refuse(err, len, "roots: the weights sum to %.12g, not 1", sum);
}

/* What the spec's arrays must satisfy before anything is copied. */
static shp_status check_spec(const shp_forward_spec *s, char *err, size_t len)
{
    const shp_column *c = &s->column;
    if (shp_length_unit_cm(s->length_unit ? s->length_unit : "cm") == 0.0)
        return shp_refuse(err, len, "units.length: unknown unit \"%s\" (mm, cm, m)", s->length_unit);
    if (shp_time_unit_min(s->time_unit ? s->time_unit : "min") == 0.0)
        return shp_refuse(err, len, "units.time: unknown unit \"%s\" (s, min, h, d)", s->time_unit);
    if (s->n_materials < 1 || !s->materials || !s->material_names)
        return shp_refuse(err, len, "materials: at least one material, with its name");
    for (int i = 0; i < s->n_materials; ++i) {
        char why[256];
        if (!s->material_names[i] || !s->material_names[i][0] || strchr(s->material_names[i], '.'))
            return shp_refuse(err, len, "materials[%d]: a name without '.' is needed", i);
        for (int j = 0; j < i; ++j)
            if (!strcmp(s->material_names[i], s->material_names[j]))
                return shp_refuse(err, len, "materials.%s: name given twice", s->material_names[i]);
        /* with parameters missing, the constraints between them wait for their values */
        if (!(s->missing && s->missing[i]) && shp_model_first_invalid(&s->materials[i], why, sizeof why) >= 0)
            return shp_refuse(err, len, "materials.%s: %s", s->material_names[i], why);
    }
    if (c->n == 0 && c->n_out == 0) return SHP_OK; /* materials only: a curve fit */
    if (c->n < 3 || !c->z || !c->mat_of_node)
        return shp_refuse(err, len, "profile: at least 3 nodes, with depths and materials");
    if (c->z[0] != 0.0) return shp_refuse(err, len, "profile: the first node must be at depth 0");
    for (int i = 0; i < c->n; ++i) {
        if (i > 0 && !(c->z[i] > c->z[i - 1]))
            return shp_refuse(err, len, "profile: node depths must increase (node %d: %g)", i, c->z[i]);
        if (c->mat_of_node[i] < 0 || c->mat_of_node[i] >= s->n_materials)
            return shp_refuse(err, len, "profile: node %d has no material %d", i, c->mat_of_node[i]);
    }
    if (c->n_sens) return shp_refuse(err, len, "column: sensitivities are the problem's (shpfit/problem.h)");
    if (c->bottom.type == SHP_BC_ATMOSPHERIC) return shp_refuse(err, len, "bottom: an atmospheric boundary is a top");
    const shp_status fst = check_forcing(s, err, len);
    if (fst != SHP_OK) return fst;
    if (c->top.type < 0 || c->top.type >= SHP_BC_COUNT || c->top.type == SHP_BC_FREE_DRAINAGE ||
        c->top.type == SHP_BC_DEEP_DRAINAGE)
        return shp_refuse(err, len, "top: type %d is not a top boundary", c->top.type);
    if (c->bottom.type < 0 || c->bottom.type >= SHP_BC_COUNT)
        return shp_refuse(err, len, "bottom: unknown type %d", c->bottom.type);
    if (c->bottom.type == SHP_BC_DEEP_DRAINAGE &&
        !(isfinite(c->drain_a) && isfinite(c->drain_b) && isfinite(c->drain_h_ref)))
        return shp_refuse(err, len, "bottom: deep drainage needs finite a, b and h_ref");
    const shp_bc *sides[2] = {&c->top, &c->bottom};
    for (int k = 0; k < 2; ++k)
        for (int i = 0; i < sides[k]->n; ++i)
            if (!sides[k]->t || !sides[k]->v || (i > 0 && !(sides[k]->t[i] > sides[k]->t[i - 1])))
                return shp_refuse(err, len, "%s.table: times must increase (row %d)", k ? "bottom" : "top", i);
    if (c->n_out < 1 || !c->t_out) return shp_refuse(err, len, "output.times: at least one time");
    for (int i = 0; i < c->n_out; ++i)
        if (!(c->t_out[i] > (i ? c->t_out[i - 1] : 0.0)))
            return shp_refuse(err, len, "output.times[%d]: times must be > 0 and increase (got %g)", i,
                        c->t_out[i]);
    for (int j = 0; j < s->n_obs_depth; ++j)
        if (!(s->obs_depth[j] >= 0.0 && s->obs_depth[j] <= c->z[c->n - 1]))
            return shp_refuse(err, len, "output.depths[%d]: %g is outside the column (0 to %g)", j,
                        s->obs_depth[j], c->z[c->n - 1]);
    if (s->init_var < SHP_INIT_HEAD || s->init_var > SHP_INIT_SE || !s->init_values)
        return shp_refuse(err, len, "initial: a head, theta or Se per node is needed");
    return SHP_OK;
}

static shp_status copy_arrays(const shp_forward_spec *s, shp_forward_problem *fp)
{
    const shp_column *c = &s->column;
    const size_t n = (size_t)c->n, m = (size_t)s->n_materials, d = (size_t)s->n_obs_depth;
    fp->n_materials = s->n_materials;
    fp->material_names = calloc(m, sizeof *fp->material_names);
    fp->materials = copy_of(s->materials, m * sizeof *fp->materials);
    fp->missing = calloc(m, sizeof *fp->missing);
    int ok = fp->material_names && fp->materials && fp->missing;
    for (size_t i = 0; ok && i < m; ++i) ok = (fp->material_names[i] = strdup(s->material_names[i])) != NULL;
    for (size_t i = 0; ok && i < m; ++i) shp_hyd_prepare(&fp->materials[i]);
    for (size_t i = 0; ok && s->missing && i < m; ++i) fp->missing[i] = s->missing[i];
    if (!ok || fp->curves_only) return ok ? SHP_OK : SHP_ERR_NOMEM;
    fp->z = copy_of(c->z, n * sizeof *fp->z);
    fp->mat_of_node = copy_of(c->mat_of_node, n * sizeof *fp->mat_of_node);
    fp->init_value = copy_of(s->init_values, n * sizeof *fp->init_value);
    fp->h_init = malloc(n * sizeof *fp->h_init);
    fp->t_out = copy_of(c->t_out, (size_t)c->n_out * sizeof *fp->t_out);
    fp->obs_depth = copy_of(s->obs_depth, d * sizeof *fp->obs_depth);
    fp->obs_node = malloc((d ? d : 1) * sizeof *fp->obs_node);
    fp->obs_w = malloc((d ? d : 1) * sizeof *fp->obs_w);
    const size_t rows = (size_t)(c->top.n + c->bottom.n);
    fp->bc_table = rows ? malloc(2 * rows * sizeof *fp->bc_table) : NULL;
    const size_t nf = (size_t)s->n_forcing * SHP_FORCING_BLOCKS;
    if (nf) fp->forcing = copy_of(s->forcing, nf * sizeof *fp->forcing);
    if (c->root_w) fp->root_w = copy_of(c->root_w, n * sizeof *fp->root_w);
    ok = fp->z && fp->mat_of_node && fp->init_value && fp->h_init && fp->t_out && fp->obs_depth && fp->obs_node &&
         fp->obs_w && (!rows || fp->bc_table) && (!nf || fp->forcing) && (!c->root_w || fp->root_w);
    return ok ? SHP_OK : SHP_ERR_NOMEM;
}

/* A boundary whose table is copied to `dst` (2·n values: times, then rates). */
static shp_bc copy_side(const shp_bc *b, double *dst)
{
    shp_bc out = *b;
    if (b->n > 0) {
        memcpy(dst, b->t, (size_t)b->n * sizeof *dst);
        memcpy(dst + b->n, b->v, (size_t)b->n * sizeof *dst);
        out.t = dst;
        out.v = dst + b->n;
    }
    return out;
}

shp_status shp_forward_create(const shp_forward_spec *spec, shp_forward_problem **out, char *err, size_t errlen)
{
    *out = NULL;
    if (err && errlen) err[0] = '\0';
    if (!spec) return shp_refuse(err, errlen, "no specification given");
    shp_status st = check_spec(spec, err, errlen);
    shp_forward_problem *fp = st == SHP_OK ? calloc(1, sizeof *fp) : NULL;
    if (!fp) {
        if (spec->config_free) spec->config_free(spec->config); /* taken over, also on failure */
        return st != SHP_OK ? st : shp_refuse(err, errlen, "out of memory");
    }
    fp->config = spec->config;
    fp->config_free = spec->config_free;
    fp->config_hash = spec->config_hash;
    fp->curves_only = spec->column.n == 0;
    if (!(fp->path = strdup(spec->source ? spec->source : "(built in code)")) || copy_arrays(spec, fp) != SHP_OK) {
        shp_forward_destroy(fp);
        if (err && errlen) snprintf(err, errlen, "out of memory");
        return SHP_ERR_NOMEM;
    }
    snprintf(fp->length_unit, sizeof fp->length_unit, "%s", spec->length_unit ? spec->length_unit : "cm");
    snprintf(fp->time_unit, sizeof fp->time_unit, "%s", spec->time_unit ? spec->time_unit : "min");
    fp->cm_per_length = shp_length_unit_cm(fp->length_unit);
    fp->min_per_time = shp_time_unit_min(fp->time_unit);
    if (fp->curves_only) {
        *out = fp;
        return SHP_OK;
    }
    const shp_column *c = &spec->column;
    fp->column = *c;
    fp->column.z = fp->z;
    fp->column.mat_of_node = fp->mat_of_node;
    fp->column.t_out = fp->t_out;
    fp->column.top = copy_side(&c->top, fp->bc_table);
    fp->column.bottom = copy_side(&c->bottom, fp->bc_table ? fp->bc_table + 2 * c->top.n : NULL);
    fp->column.root_w = fp->root_w;
    if (fp->forcing) {
        const int m = fp->n_forcing = spec->n_forcing;
        const double *b[SHP_FORCING_BLOCKS];
        for (int k = 0; k < SHP_FORCING_BLOCKS; ++k) b[k] = fp->forcing + (size_t)k * m;
        fp->forcing_end = spec->forcing_end;
        fp->column.top = (shp_bc){SHP_BC_ATMOSPHERIC, b[SHP_FORCING_NET][0], m, b[SHP_FORCING_T], b[SHP_FORCING_NET]};
        fp->column.transp = (shp_bc){SHP_BC_FLUX, b[SHP_FORCING_TP][0], m, b[SHP_FORCING_T], b[SHP_FORCING_TP]};
    }
    fp->column.n_obs = spec->n_obs_depth;
    fp->column.obs_node = fp->obs_node;
    fp->column.obs_w = fp->obs_w;
    for (int j = 0; j < spec->n_obs_depth; ++j)
        shp_grid_locate(fp->z, c->n, fp->obs_depth[j], &fp->obs_node[j], &fp->obs_w[j]);
    fp->init_var = spec->init_var;
    const shp_team tm = shp_team_single();
    if (shp_initial_heads(&tm, fp->init_var, fp->init_value, c->n, fp->mat_of_node, fp->materials, fp->h_init) !=
        SHP_OK) {
        shp_forward_destroy(fp);
        return shp_refuse(err, errlen, "initial: a value outside its node's material range "
                                                  "(theta in (theta_r, theta_s], Se in (0, 1])");
    }
    *out = fp;
    return SHP_OK;
}
