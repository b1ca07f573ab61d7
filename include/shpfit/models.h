/* The model registry: what the configuration, the command line and (later) the
 * optimizers know about each hydraulic model, as one const table (host/models/
 * registry.c). The solver never reads it: it sees only shp_material (physics/
 * hydraulics.h). Adding a model = a physics header, a case in hydraulics.h and one
 * row in the table; names, units, defaults, validity and bounds then reach the
 * config loader and the help texts without further code. */
#ifndef SHPFIT_MODELS_H
#define SHPFIT_MODELS_H

#include <stddef.h>

#include "physics/hydraulics.h"
#include "status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One parameter of a model, in the model's own order (the index into shp_material.p). */
typedef struct {
    const char *name;   /* key in the JSON config, case-sensitive: "theta_r", "Ks" */
    const char *unit;   /* with placeholders L (length) and T (time): "1/L", "L/T", "-" */
    const char *about;  /* one line for help texts and docs */
    /* hard validity: lo < v < hi, or ≤ where the bound is closed; ±HUGE_VAL = none */
    double lo, hi;
    int lo_closed, hi_closed;
    int has_default;    /* 1: the key may be left out of a config and takes `def` */
    double def;
    /* default inversion bounds for the optimizers, in cm and min (the seed's units) */
    double bound_lo, bound_hi;
    int log_scale;      /* 1: search this parameter on a log scale (spans decades) */
    /* 1: a constant of the model (h0, hr of FXW; l of Mualem) that inversions hold at
     * its value unless a fit config frees it explicitly */
    int fixed;
    /* 1: enters K(h) only, never θ(h) (Ks, Mualem's l, ...): a fit to retention data
     * alone leaves it undetermined, so such a fit needs no value for it */
    int k_only;
    /* dimension L^dim_L T^dim_T: `def` and the inversion bounds are in cm and min and
     * are converted to a config's units with shp_param_unit_factor */
    int dim_L, dim_T;
} shp_param_info;

/* One model: a row of the registry. */
typedef struct {
    const char *name;            /* canonical config name: "vgm" */
    const char *const *aliases;  /* other accepted names, NULL-terminated (may be NULL) */
    const char *title;           /* "van Genuchten–Mualem (m = 1 − 1/n)" */
    shp_model_id id;
    int n_params;
    const shp_param_info *params;
    /* constraints between parameters (beyond each one's range), or NULL: returns −1
     * when they hold, otherwise the index of the parameter at fault and a message */
    int (*check)(const double *p, char *msg, size_t len);
    /* 1: θ splits into a capillary and an adsorbed part (shp_hyd_theta_split) */
    int has_split;
    /* where the equations come from and what K is, one line each, for docs and --help */
    const char *source;
    const char *k_form;
} shp_model_desc;

/* Number of registered models, and model i (0 ≤ i < count; NULL otherwise). */
int shp_model_count(void);
const shp_model_desc *shp_model_info(int i);

/* Model by config name or alias (case-sensitive), or NULL. */
const shp_model_desc *shp_model_find(const char *name);

/* Model by its id, or NULL. */
const shp_model_desc *shp_model_by_id(int id);

/* Index of a parameter by its config name, or −1. */
int shp_model_param_index(const shp_model_desc *m, const char *name);

/* Writes "vgm, haverkamp, gardner" (canonical names) for messages listing the valid
 * names. Returns buf. */
const char *shp_model_names(char *buf, size_t len);

/* Range check of one value against a parameter's hard validity. 0 when valid;
 * otherwise SHP_ERR_INVALID and a message without the name, e.g. "must be > 1 (got 0.9)". */
shp_status shp_param_check(const shp_param_info *p, double v, char *msg, size_t len);

/* The range of plausible values of a parameter, in the units of factor
 * shp_param_unit_factor(p, cm_per_L, min_per_T): six decades beyond the default
 * inversion bounds for a parameter searched on a log scale, a hundred bound widths
 * beyond them otherwise, within the hard validity. A config value outside it (a Ks of
 * 1e308 cm/min) is a mistake, not a soil: the loaders refuse it by name. */
void shp_param_plausible(const shp_param_info *p, double cm_per_L, double min_per_T, double *lo, double *hi);

/* Factor that converts a value of this parameter from cm and min to a unit system
 * with cm_per_L centimetres per length unit and min_per_T minutes per time unit. */
double shp_param_unit_factor(const shp_param_info *p, double cm_per_L, double min_per_T);

/* Full check of a material: each parameter's range, then the constraints between
 * parameters (θr < θs), then Ss ≥ 0. Returns −1 when valid, otherwise the index of the
 * parameter at fault (SHP_MAX_PARAMS for Ss, 0 for an unknown model) with a message
 * naming it, e.g. "theta_r must be < theta_s (0.5 >= 0.43)". */
int shp_model_first_invalid(const shp_material *mat, char *msg, size_t len);

/* As shp_model_first_invalid, for callers that only need yes/no: 0 when valid,
 * SHP_ERR_INVALID otherwise (message as above). */
shp_status shp_model_validate(const shp_material *mat, char *msg, size_t len);

/* A material of model m with every defaulted parameter set (in cm and min) and the
 * others NaN (so a forgotten parameter cannot pass as a plausible 0). Ss = 0. */
void shp_model_material_init(const shp_model_desc *m, shp_material *mat);

/* A material of each built-in model from its parameters (Ss = 0), in the parameter
 * order of the model headers; for embedding code, tests and benchmarks. */
shp_material shp_material_vgm(double theta_r, double theta_s, double alpha, double n, double Ks,
                              double l);
shp_material shp_material_haverkamp(double theta_r, double theta_s, double A1, double beta,
                                    double Ks, double A, double gamma);
shp_material shp_material_gardner(double theta_r, double theta_s, double alpha, double Ks);

/* A material of any model from its parameters in the model's order (n_params of the
 * registry row are copied; the rest are 0). Ss = 0. */
shp_material shp_material_make(shp_model_id id, const double *p);

#ifdef __cplusplus
}
#endif

#endif
