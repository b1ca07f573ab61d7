/* The forward problem's insides (shpfit/forward.h), for the library's own files. */
#ifndef SHPFIT_HOST_PROBLEM_FORWARD_INTERNAL_H
#define SHPFIT_HOST_PROBLEM_FORWARD_INTERNAL_H

#include "shpfit/forward.h"

struct shp_forward_problem {
    char *path;                 /* spec.source (for messages and echoes) */
    char length_unit[4];        /* "mm" | "cm" | "m" */
    char time_unit[4];          /* "s" | "min" | "h" | "d" */
    double cm_per_length;       /* 1 for cm: converts model defaults given in cm */
    double min_per_time;        /* 1 for min */

    int n_materials;
    char **material_names;      /* n_materials names, in the given order */
    shp_material *materials;    /* n_materials, indexed by column.mat_of_node */
    /* n_materials bit sets (shp_forward_spec.missing); a problem's builder clears the
       bits of the parameters its fit determines */
    unsigned *missing;
    int curves_only;            /* units and materials only: column and the arrays are empty */

    shp_column column;          /* ready to run; its pointers refer to the arrays below */
    double *z;                  /* column.n node depths [L] */
    int *mat_of_node;           /* column.n material indices */
    double *h_init;             /* column.n initial heads [L] for these materials */
    int init_var;               /* shp_init_var of init_value */
    double *init_value;         /* column.n values of it (heads for head/hydrostatic) */
    double *t_out;              /* column.n_out output times [T] */
    double *obs_depth;          /* column.n_obs observation depths [L] */
    int *obs_node;
    double *obs_w;
    double *bc_table;           /* top then bottom boundary tables (t, v), or NULL */
    int n_forcing;              /* an atmospheric top's forcing (shp_forward_spec) */
    double *forcing;
    double forcing_end;
    double *root_w;             /* column.n root weights (column.root_w), or NULL */

    void *config;               /* shp_forward_spec.config, released by config_free */
    void (*config_free)(void *config);
    uint64_t config_hash;
};

#endif
