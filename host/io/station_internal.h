/* Shared by the station readers (host/io/station_*.c; host-internal): line splitting
 * for LF, CRLF and CR files, messages, number parsing and the daily grid. */
#ifndef SHPFIT_HOST_FIELD_STATION_INTERNAL_H
#define SHPFIT_HOST_FIELD_STATION_INTERNAL_H

#include <stddef.h>

#include "field/field_internal.h"
#include "io/csv_rows.h"
#include "shpfit/station.h"

/* The lines of a text buffer, in place (io/csv_rows.h: shp_csv_lines_text): each call
 * NUL-terminates the next line (LF, CRLF or CR ends it) and returns it with its 1-based
 * number; NULL at the end. */
typedef shp_csv_lines shp_lines;
char *shp_lines_next(shp_lines *it, long *line);


/* A whole token as a finite double; 0, or -1. */
int shp_station_number(const char *s, double *v);

/* Split s in place at sep (a char) or, with sep 0, at runs of blanks; fields trimmed of
 * blanks. Returns the field count (at most max). */
int shp_station_split(char *s, char sep, char **field, int max);

/* A record with an empty grid: n_days 0, NaN coordinates, the source and format set. */
void shp_station_record_init(shp_station_record *r, const char *path, shp_station_format format);

/* Allocate the daily arrays of r (NaN-filled): var[] when weather, and n_depths θ
 * series, for r->n_days days. SHP_OK or SHP_ERR_NOMEM. */
int shp_station_alloc_grid(shp_station_record *r, int weather, int n_depths);

/* Recount n_missing of the weather and of the depths. */
void shp_station_count_missing(shp_station_record *r);

int shp_station_read_uscrn(const char *path, char *text, shp_station_record *r, char *msg, size_t len);
int shp_station_read_ismn(const char *path, char *text, int ceop, const shp_station_options *opt,
                          shp_station_record *r, char *msg, size_t len);

#endif
