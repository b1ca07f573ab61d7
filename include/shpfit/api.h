/* A small flat API for callers from other languages (Python's ctypes, Julia's ccall,
 * R's .C): plain C types only, opaque handles with accessors, every call returning a
 * status (shpfit/status.h) and writing its message into the caller's buffer. The rest
 * of the public headers are for C: the hydraulic functions are static inline
 * (physics/hydraulics.h), the loaders take file paths or cJSON objects, and the results
 * are structs whose layout a foreign caller would have to copy.
 *
 * Configurations come as JSON text (the schema of docs/config.md and docs/fit-reference.md) with a
 * base directory that relative data files are read from, as they would be beside a
 * config file there. Nothing here prints, exits or writes files. Python: python/shpfit,
 * docs/python.md. */
#ifndef SHPFIT_API_H
#define SHPFIT_API_H

#include <stddef.h>

#include "status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The library's version string (shpfit/version.h), for checking what was loaded. */
const char *shp_api_version(void);

/* ---- models --------------------------------------------------------------------- */

/* Registered models (shpfit/models.h): how many, model i's canonical name, title and
 * number of parameters (NULL / −1 when i is out of range). */
int shp_api_model_count(void);
const char *shp_api_model_name(int i);
const char *shp_api_model_title(int i);
int shp_api_model_n_params(int i);

/* Index of the model called `name` (its canonical name or an alias), or −1. */
int shp_api_model_index(const char *name);

/* Parameter k of model i: name, unit (L and T placeholders), hard validity lo/hi (±inf:
 * none), whether it has a default and its value (in cm and min), the default inversion
 * bounds (cm and min). Any output pointer may be NULL. SHP_OK or SHP_ERR_INVALID. */
shp_status shp_api_model_param(int i, int k, const char **name, const char **unit, double *lo, double *hi,
                               int *has_default, double *def, double *bound_lo, double *bound_hi);

/* θ(h), K(h) and C(h) = dθ/dh at n heads of a material of `model` (a name or alias)
 * with its n_params parameters in the registry's order and the caller's units. The
 * material is validated first: SHP_ERR_INVALID with a message naming the parameter at
 * fault, and nothing written. theta, K, C may each be NULL. */
shp_status shp_api_curves(const char *model, const double *params, int n_params, const double *h, long n,
                          double *theta, double *K, double *C, char *err, size_t len);

/* ---- forward runs --------------------------------------------------------------- */

typedef struct shp_api_forward shp_api_forward;

/* Load the forward configuration `json` (data files relative to base_dir; NULL: ".")
 * and run its column on the CPU with its own materials, as `shpfit forward` does.
 * SHP_OK with a new handle in *out also when the column stopped early (that is data:
 * shp_api_forward_status); otherwise an error, *out NULL and the message in err. */
shp_status shp_api_forward_run(const char *json, const char *base_dir, shp_api_forward **out, char *err,
                               size_t len);

void shp_api_forward_destroy(shp_api_forward *r);

/* The column's status (SHP_OK, SHP_ERR_NOT_CONVERGED, SHP_ERR_MAX_STEPS) and its
 * counters; any output pointer may be NULL. */
shp_status shp_api_forward_status(const shp_api_forward *r, long *steps, long *iterations, long *failures,
                                  double *t_reached, double *max_abs_balance);

/* Output times the column reached (the series are NaN beyond). */
int shp_api_forward_reached(const shp_api_forward *r);

/* "length" or "time": the config's unit ("cm", "min"); NULL otherwise. */
const char *shp_api_forward_unit(const shp_api_forward *r, const char *which);

/* Length of the array `name` (−1 for an unknown name):
 *   time, Q, v_inst, v_mean, q_bottom, Q_bottom, balance   per output time
 *   z, h, theta                                           per node, at the final time
 *   obs_depth                                             per observation depth
 *   theta_obs                                             output times × depths, by time
 *   h_all, theta_all      output times × nodes, by time (0 unless output.profiles "all") */
long shp_api_forward_size(const shp_api_forward *r, const char *name);

/* Copy array `name` into dst of n doubles (n ≥ its size). SHP_OK or SHP_ERR_INVALID. */
shp_status shp_api_forward_get(const shp_api_forward *r, const char *name, double *dst, long n, char *err,
                               size_t len);

/* ---- fits ----------------------------------------------------------------------- */

typedef struct shp_api_fit shp_api_fit;

/* Load the fit configuration `json` (data files relative to base_dir; NULL: "."), run
 * the fit of its "fit" section on the CPU backend with `threads` OpenMP threads (0: the
 * default) and `seed` (< 0: fit.seed), as `shpfit fit` does without writing files.
 * fit.compare is refused (it runs several fits: `shpfit fit`). SHP_OK with a new handle
 * in *out, or an error, *out NULL and the message in err. */
shp_status shp_api_fit_run(const char *json, const char *base_dir, long long seed, int threads,
                           shp_api_fit **out, char *err, size_t len);

void shp_api_fit_destroy(shp_api_fit *f);

/* Free parameters (search variables) and variable j's name ("loam.alpha"), best value
 * (config units) and standard error (+inf where undetermined, NaN where the
 * uncertainty could not be computed); NULL / NaN when j is out of range. */
int shp_api_fit_dim(const shp_api_fit *f);
const char *shp_api_fit_var_name(const shp_api_fit *f, int j);
double shp_api_fit_value(const shp_api_fit *f, int j);
double shp_api_fit_se(const shp_api_fit *f, int j);

/* Status of the uncertainty estimate (SHP_OK when the standard errors are there). */
shp_status shp_api_fit_se_status(const shp_api_fit *f);

/* Objectives: how many, objective k's observation name ("retention") and value at the
 * best solution; the metric they are ("psi" or "rmse"). */
int shp_api_fit_n_obj(const shp_api_fit *f);
const char *shp_api_fit_obj_name(const shp_api_fit *f, int k);
double shp_api_fit_objective(const shp_api_fit *f, int k);
const char *shp_api_fit_metric(const shp_api_fit *f);

/* Evaluations the fit made (columns, or of the curves alone), the invalid and failed
 * ones among them, and its wall time in s; any output pointer may be NULL. */
long shp_api_fit_evaluations(const shp_api_fit *f, long *invalid, long *failed, double *wall_s);

#ifdef __cplusplus
}
#endif

#endif
