/* The monotonic clock, for wall times (host-internal). */
#ifndef SHPFIT_HOST_UTIL_CLOCK_H
#define SHPFIT_HOST_UTIL_CLOCK_H

/* Seconds of the monotonic clock. */
double shp_wall_seconds(void);

#endif
