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
