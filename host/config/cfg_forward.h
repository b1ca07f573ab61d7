/* A forward configuration while its sections are parsed (host-internal): what the
 * section parsers fill, in the configuration's units, before forward_load.c hands it
 * to shp_forward_create as a shp_forward_spec. Besides the spec's arrays it keeps
 * what the parsers check against (the initial heads, the observation nodes). */
#ifndef SHPFIT_HOST_CONFIG_CFG_FORWARD_H
#define SHPFIT_HOST_CONFIG_CFG_FORWARD_H

#include "shpfit/forward.h"

typedef struct {
    const char *path;           /* the configuration's path (places its data files) */
    char length_unit[4];        /* "mm" | "cm" | "m" */
    char time_unit[4];          /* "s" | "min" | "h" | "d" */
    double cm_per_length;       /* converts model defaults given in cm */
    double min_per_time;

    int n_materials;
    char **material_names;
    shp_material *materials;
    unsigned *missing;          /* shp_forward_spec.missing */
    int curves_only;            /* units and materials only */

    shp_column column;          /* its pointers refer to the arrays below */
    double *z;
    int *mat_of_node;
    double *h_init;             /* the heads the initial values give (checked per node) */
    int init_var;
    double *init_value;
    double *t_out;
    double *obs_depth;
    int *obs_node;              /* where the depths lie (for the output size check) */
    double *obs_w;
    double *bc_table;           /* top then bottom boundary tables (t, v) */
    int n_forcing;              /* an atmospheric top (shp_forward_spec): shp_forward_create
                                   makes the top's and the transpiration's tables of it */
    double *forcing;
    double forcing_end;
    double *root_w;
} cfg_forward;

/* Index of a material by name, or −1. */
int cfg_forward_material(const cfg_forward *fw, const char *name);

/* Release what the parsers allocated (not fw itself). */
void cfg_forward_clear(cfg_forward *fw);

#endif
