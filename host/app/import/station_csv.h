/* fit_station.csv: the data of a station calibration's figure (host-internal). A fit
 * whose θ(t) are a station's records (theta_t "series") writes, after the reported
 * column ran, one row per time of that column's outputs and per start of a forcing
 * interval up to its end:
 *
 *   time_<T>, precipitation_<L>_per_<T>, theta_observed_at_<d><L>, theta_simulated_at_<d><L>, …, period
 *
 * precipitation (only with an atmospheric top) is the mean rate over the interval since
 * the previous row (from t = 0 for the first): every forcing interval starts a row, so it
 * is the forcing's own rate of that interval. θ observed is empty where that sensor has
 * no record, θ simulated where the row is no output time of the column (a forcing start
 * between records). period is calibration, validation or none (the warm-up, a gap). */
#ifndef SHPFIT_HOST_IO_STATION_CSV_H
#define SHPFIT_HOST_IO_STATION_CSV_H

#include <stddef.h>

#include "shpfit/problem.h"

#define SHP_STATION_CSV "fit_station.csv"

/* Where fit_station.csv keeps what (1-based columns, as gnuplot counts them). */
#define SHP_STATION_MAX_DEPTHS 64
typedef struct {
    int precipitation;               /* column 2 is the precipitation (an atmospheric top) */
    int n_depths;
    double depth[SHP_STATION_MAX_DEPTHS]; /* [L], increasing */
    int col_obs[SHP_STATION_MAX_DEPTHS], col_sim[SHP_STATION_MAX_DEPTHS];
    int col_period;
} shp_station_layout;

/* The layout for the problem's last simulation: 1, or 0 when there is no such file (θ(t)
 * not a station's records, or the column did not run to its end). */
int shp_station_layout_of(const shp_problem *pb, shp_station_layout *l);

/* Write DIR/fit_station.csv (nothing when shp_station_layout_of is 0). SHP_OK, or
 * SHP_ERR_IO / SHP_ERR_NOMEM with a message. */
int shp_station_csv_write(const char *dir, const shp_problem *pb, char *err, size_t len);

#endif
