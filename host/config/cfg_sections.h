/* The sections of a forward configuration, one parser each (host-internal).
 * shp_forward_load (forward_load.c) calls them in this order, each reading one
 * top-level object of the JSON and filling its part of the draft (cfg_forward.h); later sections
 * may rely on what earlier ones filled (initial and output need the grid). */
#ifndef SHPFIT_HOST_CONFIG_CFG_SECTIONS_H
#define SHPFIT_HOST_CONFIG_CFG_SECTIONS_H

#include "config/cfg_json.h"
#include "config/cfg_forward.h"
#include "shpfit/limits.h"

#define SHP_MEMORY_LIMIT_MB 4096.0       /* default of output.memory_limit_mb */

/* shp_forward_load on a document already parsed, which the call takes over (deleted on
 * failure); `path` names it in messages and places relative data files as for the file.
 * For programs that vary a configuration in memory (bench/bench_refine.c). */
int cfg_forward_load_json(const char *path, cJSON *root, shp_forward_problem **out, char *err,
                          size_t errlen);

/* shp_curves_load on a document already parsed, taken over as above. */
int cfg_curves_load_json(const char *path, cJSON *root, shp_forward_problem **out, char *err,
                         size_t errlen);

int cfg_parse_units(const cfg_ctx *c, const cJSON *root, cfg_forward *fw);
int cfg_parse_materials(const cfg_ctx *c, const cJSON *root, cfg_forward *fw);
/* grid, layers: fills z, mat_of_node and column.n, column.z, column.mat_of_node */
int cfg_parse_profile(const cfg_ctx *c, const cJSON *root, cfg_forward *fw);
/* initial heads h_init (needs the grid and the materials) */
int cfg_parse_initial(const cfg_ctx *c, const cJSON *root, cfg_forward *fw);
/* top and bottom: column.top, column.bottom, bc_table */
int cfg_parse_boundaries(const cfg_ctx *c, const cJSON *root, cfg_forward *fw);
/* An atmospheric top's forcing (from parse_side): forcing, forcing_end, h_crit, h_max
 * (parse_atmosphere.c; shp_forward_create makes the top's and transpiration's tables) */
int cfg_parse_atmosphere(const cfg_ctx *c, const cJSON *root, const cJSON *top, cfg_forward *fw);
/* "roots": root_w, column.root_w, column.feddes (needs the grid and the top) */
int cfg_parse_roots(const cfg_ctx *c, const cJSON *root, cfg_forward *fw);
/* Minutes per unit of a time column named with its unit (day, time_d, time_day,
 * time_h, time_min, time_s), 0 for any other name. */
double cfg_time_column_minutes(const char *name);
/* An atmospheric top's forcing reaches the run's end t_end (named by `what`). */
int cfg_check_forcing_span(const cfg_ctx *c, const cfg_forward *fw, double t_end, const char *what);
/* column.opt from shp_solver_opts_default() and the "solver" overrides */
int cfg_parse_solver(const cfg_ctx *c, const cJSON *root, cfg_forward *fw);
/* output times, observation depths and profile choice (needs the grid) */
int cfg_parse_output(const cfg_ctx *c, const cJSON *root, cfg_forward *fw);

#endif
