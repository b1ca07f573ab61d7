/* The loam problem of configs/fit_loam.json built in code, without a configuration file
 * (examples/fit_loam.c; the test suite checks it is the same problem as the file's). */
#ifndef SHPFIT_EXAMPLES_LOAM_PROBLEM_H
#define SHPFIT_EXAMPLES_LOAM_PROBLEM_H

#include <stddef.h>

#include <shpfit/shpfit.h>

/* The problem over the observations in data_dir (theta_final.csv, v.csv, Q.csv: a
 * header line, then two numbers per line). SHP_OK, or an error with its message. */
shp_status loam_problem_build(const char *data_dir, shp_problem **out, char *err, size_t len);

#endif
