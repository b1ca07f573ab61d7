/* The result files of a forward run (docs/config.md, "Output files"): CSV tables and
 * summary.json. Column names carry the config's unit labels ("Q_cm", "time_min").
 *
 * Only output times the run actually reached are ever written as rows: after a
 * failed run the series stop at the last reached time, profile_final.csv is not
 * written, and summary.json says so. The functions never print; they return a status
 * and leave "PATH: reason" in err. */
#ifndef SHPFIT_FORWARD_OUTPUT_H
#define SHPFIT_FORWARD_OUTPUT_H

#include <stddef.h>

#include "forward.h"

#ifdef __cplusplus
extern "C" {
#endif

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

/* Individual tables, each written to `path` with `rows` output times (≤ n_out). */
shp_status shp_forward_write_series(const char *path, const shp_forward_problem *fp,
                                    const shp_column_result *res, int rows, char *err, size_t errlen);
shp_status shp_forward_write_observations(const char *path, const shp_forward_problem *fp,
                                          const shp_column_result *res, int rows, char *err,
                                          size_t errlen);
/* profile at the final time (needs a run that reached it) */
shp_status shp_forward_write_profile_final(const char *path, const shp_forward_problem *fp,
                                           const shp_column_result *res, char *err, size_t errlen);
/* every stored profile (output.profiles = "all") */
shp_status shp_forward_write_profiles(const char *path, const shp_forward_problem *fp,
                                      const shp_column_result *res, int rows, char *err, size_t errlen);

/* summary.json: status, water balance, solver statistics, wall time, the files
 * written (n_files names) and the config echo. */
shp_status shp_forward_write_summary(const char *path, const shp_forward_problem *fp,
                                     const shp_column_result *res, double wall_s,
                                     const char *const *files, int n_files, char *err, size_t errlen);

/* All of the above into dir (created with mkdir -p semantics); result files this run
 * does not produce are removed from dir so no stale result survives a failed rerun. */
shp_status shp_forward_write_all(const char *dir, const shp_forward_problem *fp,
                                 const shp_column_result *res, double wall_s, char *err, size_t errlen);

#ifdef __cplusplus
}
#endif

#endif
