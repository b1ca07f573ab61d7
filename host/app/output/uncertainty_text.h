/* The words and the table of a fit's uncertainty (shpfit/uncertainty.h) for the terminal
 * and result.json (host-internal). */
#ifndef SHPFIT_HOST_IO_UNCERTAINTY_TEXT_H
#define SHPFIT_HOST_IO_UNCERTAINTY_TEXT_H

#include <stdio.h>

#include "shpfit/uncertainty.h"

#define SHP_UNC_MAX_WARNINGS (SHP_MAX_FREE * SHP_MAX_FREE + 2)

/* One sentence per flag (a variable on a bound, a correlated pair, a direction the data
 * do not determine) into msgs; returns how many (at most max). */
int shp_fit_uncertainty_warnings(const shp_problem *pb, const shp_uncertainty *u, char (*msgs)[256], int max);

/* The FIT.OUT-like table: value, standard error, 95 % interval per variable, the
 * correlations above 0.5 and the warnings, indented for `shpfit fit`'s summary. */
void shp_fit_uncertainty_print(FILE *f, const shp_problem *pb, const shp_uncertainty *u);

#endif
