/* A forward problem: built in code (shp_forward_create) or read from a JSON
 * configuration by the configuration layer (shpfit/config.h, schema: docs/config.md),
 * which fills the same shp_forward_spec.
 *
 * The problem owns copies of every array; its column points into them and is ready for
 * shp_column_run_cpu():
 *
 *     shp_forward_problem *fp;
 *     char err[512];
 *     if (shp_forward_create(&spec, &fp, err, sizeof err) != SHP_OK) { report err; }
 *     const shp_column *col = shp_forward_column(fp);
 *     shp_column_result res;
 *     shp_column_result_alloc(col, &res);
 *     shp_column_run_cpu(col, shp_forward_materials(fp), shp_forward_h_init(fp), &res);
 *
 * All values are in the units the problem names (length_unit, time_unit): the labels
 * are not conversions. */
#ifndef SHPFIT_FORWARD_H
#define SHPFIT_FORWARD_H

#include <stddef.h>
#include <stdint.h>

#include "column.h"
#include "core/initial.h"
#include "models.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Opaque: created by shp_forward_create (or the configuration layer's shp_forward_load,
 * a client of it), read through the functions below, released by shp_forward_destroy.
 * Reading one problem from several threads is safe; nothing here modifies it. */
typedef struct shp_forward_problem shp_forward_problem;

/* ---- a forward problem built in code -------------------------------------------- */

/* Blocks of an atmospheric top's forcing (shp_forward_spec.forcing). */
enum { SHP_FORCING_T = 0, SHP_FORCING_NET, SHP_FORCING_TP, SHP_FORCING_P, SHP_FORCING_EP, SHP_FORCING_BLOCKS };

/* What shp_forward_create copies into a new problem. Values in the units named. */
typedef struct {
    const char *length_unit;          /* "mm" | "cm" | "m"; NULL: "cm" */
    const char *time_unit;            /* "s" | "min" | "h" | "d"; NULL: "min" */
    int n_materials;
    const char *const *material_names;/* n_materials distinct names */
    const shp_material *materials;    /* n_materials valid parameter sets */
    /* n_materials bit sets, bit k: parameter k of the material was not given (a curve
     * fit's parameters to fit; its value in materials is a placeholder); NULL: none. */
    const unsigned *missing;
    /* The column: n, z, mat_of_node, top and bottom (their tables too), opt, n_out,
     * t_out, profiles_all; for an atmospheric top also h_crit, h_max, and root uptake
     * (root_w, feddes). Observation depths come from obs_depth below; sensitivities are
     * the problem's (shpfit/problem.h). A column of 0 nodes and 0 output times:
     * materials only, for curve fits. */
    shp_column column;
    int n_obs_depth;                  /* depths whose θ(t) the column reports */
    const double *obs_depth;
    int init_var;                     /* shp_init_var of init_values */
    const double *init_values;        /* column.n: a head, θ or Se per node */
    /* An atmospheric top (column.top.type SHP_BC_ATMOSPHERIC, docs/solver.md): n_forcing
     * intervals, the k-th from forcing[k] to forcing[k+1] (the last to forcing_end), and
     * their rates [L/T] in the blocks of n_forcing that follow the times (SHP_FORCING_*:
     * P − E_p, T_p, P, E_p). The top's and the transpiration's tables are made from them
     * (tables given in column.top or column.transp are not used). 0 and NULL otherwise. */
    int n_forcing;
    const double *forcing;
    double forcing_end;
    const char *source;               /* names the problem in messages and outputs (a
                                         configuration's path); NULL: "(built in code)" */
    /* A parsed configuration the problem takes over (also on failure) for the outputs'
     * echo, released by config_free; its text's hash. NULL and 0 when built in code. */
    void *config;
    void (*config_free)(void *config);
    uint64_t config_hash;
} shp_forward_spec;

/* A new problem from spec, every array copied and checked (nodes increasing from 0,
 * valid materials, initial values within each node's material, output times increasing,
 * forcing times increasing, root weights ≥ 0 summing to 1).
 * SHP_OK, or SHP_ERR_INVALID (SHP_ERR_NOMEM) with "FIELD: problem" in err. */
shp_status shp_forward_create(const shp_forward_spec *spec, shp_forward_problem **out, char *err, size_t errlen);

/* ---- what a problem holds (pointers owned by the problem, valid until destroyed) ---- */

/* The column, ready for shp_column_run_cpu with shp_forward_materials and
 * shp_forward_h_init: node depths z, materials of nodes, boundaries, output times t_out,
 * observation nodes. A materials-only problem's has 0 nodes. */
const shp_column *shp_forward_column(const shp_forward_problem *fp);
int shp_forward_n_materials(const shp_forward_problem *fp);
const shp_material *shp_forward_materials(const shp_forward_problem *fp);
const char *shp_forward_material_name(const shp_forward_problem *fp, int i);
/* Bit k: parameter k of material i was not given (see shp_forward_spec.missing). */
unsigned shp_forward_missing(const shp_forward_problem *fp, int i);
/* Units: names ("cm", "min") and their size in cm and min (0.1 for "mm"). */
const char *shp_forward_length_unit(const shp_forward_problem *fp);
const char *shp_forward_time_unit(const shp_forward_problem *fp);
double shp_forward_cm_per_length(const shp_forward_problem *fp);
double shp_forward_min_per_time(const shp_forward_problem *fp);
/* The initial state as given (shp_init_var, one value per node) and the heads it
 * gives with the problem's materials; a fit's candidates derive their own heads from
 * the values. */
int shp_forward_init_var(const shp_forward_problem *fp);
const double *shp_forward_init_values(const shp_forward_problem *fp);
const double *shp_forward_h_init(const shp_forward_problem *fp);
/* Observation depths (column->n_obs of them) [L]. */
const double *shp_forward_obs_depth(const shp_forward_problem *fp);
/* An atmospheric top's forcing (see shp_forward_spec): the interval count, the blocks,
 * the end of the last interval; 0, NULL, 0 for other tops. */
int shp_forward_n_forcing(const shp_forward_problem *fp);
const double *shp_forward_forcing(const shp_forward_problem *fp);
double shp_forward_forcing_end(const shp_forward_problem *fp);
/* spec.source, or "(built in code)". */
const char *shp_forward_source(const shp_forward_problem *fp);
/* The configuration taken over (NULL when built in code) and its hash. */
const void *shp_forward_config(const shp_forward_problem *fp);
uint64_t shp_forward_config_hash(const shp_forward_problem *fp);

/* Centimetres per length unit and minutes per time unit ("mm" 0.1, "min" 1, "d" 1440);
 * 0 for an unknown name. */
double shp_length_unit_cm(const char *name);
double shp_time_unit_min(const char *name);

/* A registry unit ("L/T", "1/L", "-") in the units named ("cm/min", "1/cm",
 * "(dimensionless)"); shp_forward_unit_text: in fp's units. */
void shp_unit_text(const char *length_unit, const char *time_unit, const char *unit, char *out, size_t len);
void shp_forward_unit_text(const shp_forward_problem *fp, const char *unit, char *out, size_t len);


/* Release a problem (NULL is fine). */
void shp_forward_destroy(shp_forward_problem *fp);


/* The cumulative precipitation P, potential evaporation E_p and potential
 * transpiration T_p [L] of an atmospheric top from time 0 to t (all 0 for other tops). */
void shp_forward_forcing_totals(const shp_forward_problem *fp, double t, double *P, double *Ep, double *Tp);

/* Output times with results: the leading slots the solver filled (all of them on
 * SHP_OK). */
int shp_forward_outputs_reached(const shp_forward_problem *fp, const shp_column_result *res);

/* The water budget of a run from time 0 to output k [L], every term cumulative:
 * storage change = precipitation − evaporation − runoff − transpiration − bottom
 * outflow + balance error. Evaporation is what precipitation leaves after runoff and
 * the net top inflow Q; without an atmospheric top precipitation, evaporation and
 * runoff are 0 and Q is the top inflow. */
typedef struct {
    double precipitation, evaporation, evaporation_potential, transpiration, transpiration_potential;
    double runoff, top_inflow, bottom_outflow, storage_change, balance_error;
} shp_water_budget;

void shp_forward_water_budget(const shp_forward_problem *fp, const shp_column_result *res, int k,
                              shp_water_budget *b);

/* The same of any column of fp's forward problem (a fit's, with output times of its
 * own): its outputs o at output k, time t. */
void shp_water_budget_of(const shp_forward_problem *fp, const shp_column_out *o, int k, double t,
                         shp_water_budget *b);

/* Index of a material by name, or −1. */
int shp_forward_material_index(const shp_forward_problem *fp, const char *name);

#ifdef __cplusplus
}
#endif

#endif
