/* A forward problem: built in code (shp_forward_create) or read from a JSON
 * configuration by the configuration layer (shpfit/config.h, schema: docs/config.md).
 *
 * Either way the problem owns every array; `column` points into them and is ready for
 * shp_column_run_cpu():
 *
 *     shp_forward_problem *fp;
 *     char err[512];
 *     if (shp_forward_create(&spec, &fp, err, sizeof err) != SHP_OK) { report err; }
 *     shp_column_result res;
 *     shp_column_result_alloc(&fp->column, &res);
 *     shp_column_run_cpu(&fp->column, fp->materials, fp->h_init, &res);
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

/* Read-only for callers: created by shp_forward_create or shp_forward_load, released by
 * shp_forward_destroy. */
typedef struct shp_forward_problem {
    char *path;                 /* the config path as given (for messages and echoes) */
    char length_unit[4];        /* "mm" | "cm" | "m" */
    char time_unit[4];          /* "s" | "min" | "h" | "d" */
    double cm_per_length;       /* 1 for cm: converts model defaults given in cm */
    double min_per_time;        /* 1 for min */

    int n_materials;
    char **material_names;      /* n_materials names, in config order */
    shp_material *materials;    /* n_materials, indexed by column.mat_of_node */
    /* n_materials bit sets, bit k: parameter k was left out of the config (a curve fit's
       parameters to fit, or a K-only parameter retention data cannot determine); its
       value in materials is a placeholder. All zero unless curves_only. */
    unsigned *missing;
    int curves_only;            /* units and materials only: column and the arrays are empty */

    shp_column column;          /* ready to run; its pointers refer to the arrays below */
    double *z;                  /* column.n node depths [L] */
    int *mat_of_node;           /* column.n material indices */
    double *h_init;             /* column.n initial heads [L] for these materials */
    int init_var;               /* shp_init_var: what the config gave per node ... */
    double *init_value;         /* ... column.n values of it (heads for head/hydrostatic):
                                   candidates of a fit derive their own heads from these */
    double *t_out;              /* column.n_out output times [T] */
    double *obs_depth;          /* column.n_obs observation depths [L] */
    int *obs_node;
    double *obs_w;
    double *bc_table;           /* top then bottom boundary tables (t, v), or NULL */
    /* An atmospheric top (docs/config.md, "Atmospheric top"): n_forcing intervals, the
       k-th from forcing[k] to forcing[k+1] (the last to forcing_end), each with its rates
       [L/T] in the blocks of n_forcing that follow the times in `forcing`: P − E_p (the
       top table), T_p (column.transp), P, E_p. 0 and NULL for other tops. */
    int n_forcing;
    double *forcing;
    double forcing_end;
    double *root_w;             /* column.n root weights of "roots" (column.root_w), or NULL */

    /* the loader's parsed configuration (a cJSON tree, for the summary's echo), released
       with the problem by config_free; NULL for a problem built in code */
    void *config;
    void (*config_free)(void *config);
    uint64_t config_hash;       /* of the configuration's text as loaded (0: built in code) */
} shp_forward_problem;

/* ---- a forward problem built in code -------------------------------------------- */

/* What shp_forward_create copies into a new problem. Values in the units named. */
typedef struct {
    const char *length_unit;          /* "mm" | "cm" | "m"; NULL: "cm" */
    const char *time_unit;            /* "s" | "min" | "h" | "d"; NULL: "min" */
    int n_materials;
    const char *const *material_names;/* n_materials distinct names */
    const shp_material *materials;    /* n_materials valid parameter sets */
    /* The column: n, z, mat_of_node, top and bottom (their tables too), opt, n_out and
     * t_out. Observation depths come from obs_depth below; an atmospheric top, root
     * uptake and sensitivities are the configuration loader's (docs/config.md). A
     * column of 0 nodes and 0 output times: materials only, for curve fits. */
    shp_column column;
    int n_obs_depth;                  /* depths whose θ(t) the column reports */
    const double *obs_depth;
    int init_var;                     /* shp_init_var of init_values */
    const double *init_values;        /* column.n: a head, θ or Se per node */
} shp_forward_spec;

/* A new problem from spec, every array copied and checked (nodes increasing from 0,
 * valid materials, initial values within each node's material, output times increasing).
 * SHP_OK, or SHP_ERR_INVALID (SHP_ERR_NOMEM) with "FIELD: problem" in err. */
shp_status shp_forward_create(const shp_forward_spec *spec, shp_forward_problem **out, char *err, size_t errlen);

/* Centimetres per length unit and minutes per time unit ("mm" 0.1, "min" 1, "d" 1440);
 * 0 for an unknown name. */
double shp_length_unit_cm(const char *name);
double shp_time_unit_min(const char *name);

/* A registry unit ("L/T", "1/L", "-") in fp's units ("cm/min", "1/cm",
 * "(dimensionless)"). */
void shp_forward_unit_text(const shp_forward_problem *fp, const char *unit, char *out, size_t len);


/* Release a problem (NULL is fine). */
void shp_forward_destroy(shp_forward_problem *fp);

/* Forcing blocks of shp_forward_problem.forcing. */
enum { SHP_FORCING_T = 0, SHP_FORCING_NET, SHP_FORCING_TP, SHP_FORCING_P, SHP_FORCING_EP, SHP_FORCING_BLOCKS };

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
