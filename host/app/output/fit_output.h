/* The output directory of `shpfit fit` (host-internal): result.json, history.csv,
 * pareto.csv, best_series.csv, fit_station.csv (io/station_csv.h); result.json,
 * best_series.csv and fit_station.csv of `fit --evaluate`. */
#ifndef SHPFIT_HOST_IO_FIT_OUTPUT_H
#define SHPFIT_HOST_IO_FIT_OUTPUT_H

/* The most sensor depths whose θ(t) metrics are reported one by one. */
#define SHP_FIT_DEPTHS_MAX 64

#include <stddef.h>

#include "shpfit/fit.h"

typedef struct {
    const char *backend;
    int threads;
} shp_fit_run_info;

/* Write every file of a finished fit into dir (which exists). The backend is used to
 * simulate the best solution's series once more. SHP_OK or SHP_ERR_IO with a message. */
int shp_fit_write_all(const char *dir, shp_problem *pb, shp_backend *be, const shp_fit_options *opt,
                      const shp_fit_result *res, const shp_fit_run_info *info, char *err,
                      size_t len);

/* The files of `fit --evaluate` at pt (after shp_fit_point_evaluate, whose series the
 * problem still holds): best_series.csv and result.json ("mode": "evaluate", "at",
 * "column", "status" the column's). SHP_OK or SHP_ERR_IO with a message. */
int shp_fit_write_evaluation(const char *dir, shp_problem *pb, const shp_fit_options *opt, const shp_fit_point *pt,
                             const char *at, const shp_fit_run_info *info, char *err, size_t len);

/* The calendar days a period from..to [T] covers, counted from origin "YYYY-MM-DD"
 * (theta_t "origin"): the day `from` falls in and the last day `to` reaches into
 * ("2012-04-01" and "2012-12-31" for 91 and 366 d from 2012-01-01), into first and last
 * (11 bytes each). 0, or −1 without an origin or for an open end. */
int shp_fit_period_days(const shp_forward_problem *fp, const char *origin, double from, double to, char *first,
                        char *last);

#endif
