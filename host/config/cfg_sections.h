/* The sections of a forward configuration, one parser each (host-internal).
 * shp_forward_load (forward_load.c) calls them in this order, each reading one
 * top-level object of the JSON and filling its part of the problem; later sections
 * may rely on what earlier ones filled (initial and output need the grid). */
#ifndef SHPFIT_HOST_CONFIG_CFG_SECTIONS_H
#define SHPFIT_HOST_CONFIG_CFG_SECTIONS_H

#include "config/cfg_json.h"
#include "shpfit/forward.h"

int cfg_parse_units(const cfg_ctx *c, const cJSON *root, shp_forward_problem *fp);
int cfg_parse_materials(const cfg_ctx *c, const cJSON *root, shp_forward_problem *fp);
/* grid, layers: fills z, mat_of_node and column.n, column.z, column.mat_of_node */
int cfg_parse_profile(const cfg_ctx *c, const cJSON *root, shp_forward_problem *fp);
/* initial heads h_init (needs the grid and the materials) */
int cfg_parse_initial(const cfg_ctx *c, const cJSON *root, shp_forward_problem *fp);
/* top and bottom: column.top, column.bottom, bc_table */
int cfg_parse_boundaries(const cfg_ctx *c, const cJSON *root, shp_forward_problem *fp);
/* column.opt from shp_solver_opts_default() and the "solver" overrides */
int cfg_parse_solver(const cfg_ctx *c, const cJSON *root, shp_forward_problem *fp);
/* output times, observation depths and profile choice (needs the grid) */
int cfg_parse_output(const cfg_ctx *c, const cJSON *root, shp_forward_problem *fp);

#endif
