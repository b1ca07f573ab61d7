/* The model registry table (include/shpfit/models.h) and its look-ups.
 * Rows are data; the few functions only walk them, so a new model is a new row. */
#include "shpfit/models.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "shpfit/status.h"

#define INF HUGE_VAL

/* θr and θs are parameters 0 and 1 of every model here (hydraulics.h relies on it too),
 * with the same validity: 0 ≤ θr < 1, 0 < θs ≤ 1; θr < θs is checked by theta_order. */
#define THETA_R(blo, bhi) \
    {"theta_r", "-", "residual water content", 0.0, 1.0, 1, 0, 0, 0.0, blo, bhi, 0}
#define THETA_S(blo, bhi) \
    {"theta_s", "-", "saturated water content", 0.0, 1.0, 0, 1, 0, 0.0, blo, bhi, 0}

static int theta_order(const double *p, char *msg, size_t len)
{
    if (p[0] < p[1]) return -1;
    snprintf(msg, len, "theta_r must be < theta_s (%g >= %g)", p[0], p[1]);
    return 0;
}

/* van Genuchten–Mualem; bounds are Table 2 of the seed 002 (cm, min). */
static const shp_param_info vgm_params[SHP_VGM_NPARAM] = {
    THETA_R(0.0, 0.2),
    THETA_S(0.35, 0.55),
    {"alpha", "1/L", "inverse air-entry pressure", 0.0, INF, 0, 0, 0, 0.0, 0.001, 0.2, 1},
    {"n", "-", "pore-size distribution index (m = 1 - 1/n)", 1.0, INF, 0, 0, 0, 0.0, 1.05, 3.0, 0},
    {"Ks", "L/T", "saturated hydraulic conductivity", 0.0, INF, 0, 0, 0, 0.0, 1e-4, 0.6, 1},
    /* Mualem's pore connectivity: any finite value is a valid curve; 0.5 by convention */
    {"l", "-", "pore connectivity (tortuosity)", -INF, INF, 0, 0, 1, 0.5, -1.0, 2.0, 0},
};

/* Haverkamp et al. (1977); bounds bracket Celia test 1 (cm, min). */
static const shp_param_info haverkamp_params[SHP_HAV_NPARAM] = {
    THETA_R(0.0, 0.2),
    THETA_S(0.25, 0.55),
    {"A1", "L^beta", "retention scale: theta = A1/(A1 + |h|^beta)", 0.0, INF, 0, 0, 0, 0.0, 1e2, 1e8, 1},
    {"beta", "-", "retention exponent", 0.0, INF, 0, 0, 0, 0.0, 1.0, 6.0, 0},
    {"Ks", "L/T", "saturated hydraulic conductivity", 0.0, INF, 0, 0, 0, 0.0, 1e-4, 0.6, 1},
    {"A", "L^gamma", "conductivity scale: K = Ks A/(A + |h|^gamma)", 0.0, INF, 0, 0, 0, 0.0, 1e2, 1e8, 1},
    {"gamma", "-", "conductivity exponent", 0.0, INF, 0, 0, 0, 0.0, 1.0, 6.0, 0},
};

/* Gardner (1958) exponential model. */
static const shp_param_info gardner_params[SHP_GAR_NPARAM] = {
    THETA_R(0.0, 0.2),
    THETA_S(0.35, 0.55),
    {"alpha", "1/L", "exponential decay of K and Se with suction", 0.0, INF, 0, 0, 0, 0.0, 0.001, 0.5, 1},
    {"Ks", "L/T", "saturated hydraulic conductivity", 0.0, INF, 0, 0, 0, 0.0, 1e-4, 0.6, 1},
};

static const char *const vgm_aliases[] = {"vg", "van_genuchten", "vgm_mualem", NULL};

static const shp_model_desc models[] = {
    {"vgm", vgm_aliases, "van Genuchten-Mualem (m = 1 - 1/n)", SHP_MODEL_VGM, SHP_VGM_NPARAM,
     vgm_params, theta_order},
    {"haverkamp", NULL, "Haverkamp et al. (1977)", SHP_MODEL_HAVERKAMP, SHP_HAV_NPARAM,
     haverkamp_params, theta_order},
    {"gardner", NULL, "Gardner (1958) exponential", SHP_MODEL_GARDNER, SHP_GAR_NPARAM,
     gardner_params, theta_order},
};

#define N_MODELS ((int)(sizeof models / sizeof models[0]))

int shp_model_count(void) { return N_MODELS; }

const shp_model_desc *shp_model_info(int i) { return i >= 0 && i < N_MODELS ? &models[i] : NULL; }

const shp_model_desc *shp_model_find(const char *name)
{
    if (!name) return NULL;
    for (int i = 0; i < N_MODELS; ++i) {
        if (strcmp(models[i].name, name) == 0) return &models[i];
        for (const char *const *a = models[i].aliases; a && *a; ++a)
            if (strcmp(*a, name) == 0) return &models[i];
    }
    return NULL;
}

const shp_model_desc *shp_model_by_id(int id)
{
    for (int i = 0; i < N_MODELS; ++i)
        if ((int)models[i].id == id) return &models[i];
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
        const int w = snprintf(buf + used, len - used, "%s%s", i ? ", " : "", models[i].name);
        if (w < 0) break;
        used += (size_t)w;
    }
    return buf;
}

int shp_param_check(const shp_param_info *p, double v, char *msg, size_t len)
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

int shp_model_validate(const shp_material *mat, char *msg, size_t len)
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
