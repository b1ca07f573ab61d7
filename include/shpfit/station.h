/* Field-station records: daily weather and soil water contents θ(t) at several depths,
 * read from the files a user brings (docs/field.md, "Station records"):
 *
 *   - USCRN daily01 (NOAA U.S. Climate Reference Network, one row per day): the official
 *     whitespace-separated files without a header, or the comma-separated rendering
 *     with a header of column names (WBANNO,LST_DATE,...). Missing: -9999 / -99.
 *   - ISMN "header + values" (.stm: a header line, then `yyyy/mm/dd HH:MM value flag
 *     provider-flag`) and ISMN CEOP-separated (every line repeats dates and header
 *     fields). One sensor depth per header+values file; CEOP lines may hold several
 *     depths. LF, CRLF or CR line endings.
 *
 * Every record becomes one contiguous daily grid from its first to its last date; a day
 * without data is missing (NaN). ISMN's sub-daily values are averaged per UTC day over
 * the values whose quality flag is accepted.
 *
 * Strict: unsorted or duplicate dates, negative precipitation, θ outside [0, 1],
 * relative humidity outside [0, 100], an unknown ISMN flag, an unreadable number, a
 * short row are refused with SHP_ERR_INVALID and "FILE: line N: field X: problem".
 * Nothing is printed.
 *
 *   shp_station_record r;
 *   char msg[512];
 *   if (shp_station_read(path, SHP_STATION_USCRN, NULL, &r, msg, sizeof msg) == SHP_OK) {
 *       ... r.var[SHP_STATION_TMAX][i] is day r.first_day + i ...
 *       shp_station_free(&r);
 *   }
 */
#ifndef SHPFIT_STATION_H
#define SHPFIT_STATION_H

#include <stddef.h>

#include "status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ formats */

typedef enum {
    SHP_STATION_USCRN,       /* "uscrn": USCRN daily01 */
    SHP_STATION_ISMN_HEADER, /* "ismn-header": ISMN header + values */
    SHP_STATION_ISMN_CEOP,   /* "ismn-ceop": ISMN CEOP-separated */
    SHP_STATION_FORMAT_COUNT
} shp_station_format;

/* "uscrn", "ismn-header", "ismn-ceop"; "unknown" out of range. */
const char *shp_station_format_name(int f);
/* The format of a name, or -1. */
int shp_station_format_from_name(const char *name);
/* The format a file's content looks like (a USCRN header or 28-column row, a CEOP line
 * that starts with two dates, else ISMN header+values), or -1 when it cannot be read or
 * is empty. */
int shp_station_format_guess(const char *path);

/* ------------------------------------------------------------------ dates */

typedef struct {
    int year, month, day; /* civil date */
    int doy;              /* day of the year, 1-366 */
} shp_date;

/* Days since 1970-01-01 of a civil date (proleptic Gregorian), and back. */
long shp_date_to_days(int year, int month, int day);
shp_date shp_date_from_days(long days);
/* "YYYY-MM-DD" (strict: a real date) into days since 1970; 0, or -1. */
int shp_date_parse_iso(const char *s, long *days);
/* "YYYY-MM-DD" of days since 1970 into buf (at least 11 bytes); returns buf. */
const char *shp_date_iso(long days, char *buf, size_t len);

/* ------------------------------------------------------------------ the record */

/* The daily weather variables. */
typedef enum {
    SHP_STATION_TMAX,   /* daily maximum air temperature, °C */
    SHP_STATION_TMIN,   /* daily minimum air temperature, °C */
    SHP_STATION_RH_MAX, /* daily maximum relative humidity, % */
    SHP_STATION_RH_MIN, /* daily minimum relative humidity, % */
    SHP_STATION_RH_MEAN,/* daily mean relative humidity, % */
    SHP_STATION_RS,     /* solar radiation, MJ m-2 day-1 */
    SHP_STATION_PRECIP, /* precipitation, mm/day */
    SHP_STATION_NVAR
} shp_station_var;

/* "tmax", "tmin", "rh_max", "rh_min", "rh_mean", "solar", "precipitation". */
const char *shp_station_var_name(int v);

/* One θ series. */
typedef struct {
    double depth_cm;       /* below the surface, cm (ISMN: the middle of depth_from..to) */
    double *theta;         /* m³/m³ per day, n_days values, NaN where missing or flagged */
    int n_missing;         /* days with NaN */
    long n_values;         /* sub-daily values read (ISMN; USCRN: days read) */
    long n_flag_dropped;   /* ISMN values dropped for their flag */
    long n_missing_values; /* values coded missing in the file */
} shp_station_depth;

typedef struct {
    char source[1024];     /* the file as given */
    shp_station_format format;
    char station_id[128];  /* USCRN: the WBAN number; ISMN: "NETWORK/STATION" */
    double latitude_deg, longitude_deg; /* + north, + east; NaN unknown */
    double elevation_m;    /* NaN when the format does not carry it (USCRN) */
    long first_day;        /* days since 1970-01-01 of the first day */
    int n_days;
    int has_weather;       /* 1: var[] holds the weather (USCRN), 0: var[] are NULL */
    double *var[SHP_STATION_NVAR]; /* n_days values each, NaN where missing */
    int n_missing[SHP_STATION_NVAR]; /* days with NaN */
    int n_depths;
    shp_station_depth *depth; /* sorted by depth */
} shp_station_record;

/* ISMN quality flags to keep: each entry a flag code ("G", "D05") or a flag letter
 * ("D": every D code). A value is kept when each of its comma-separated codes is
 * accepted. Known letters: G good, D dubious, C exceeding plausible ranges, M missing,
 * U unchecked; anything else is an unknown flag and refused. */
#define SHP_STATION_MAX_FLAGS 16
typedef struct {
    int n_flags;
    char flag[SHP_STATION_MAX_FLAGS][8];
} shp_station_options;

/* Only "G". */
shp_station_options shp_station_options_default(void);
/* A comma-separated list ("G,M,D05") into o; SHP_OK, or SHP_ERR_INVALID with a message
 * (an empty list, an unknown flag letter, too many flags). */
shp_status shp_station_options_parse_flags(const char *list, shp_station_options *o, char *msg, size_t len);

/* Read path in the given format (opt NULL: the defaults). SHP_OK; SHP_ERR_IO when it
 * cannot be read, SHP_ERR_INVALID for bad content, SHP_ERR_NOMEM; each with a message.
 * On failure r holds nothing to free. */
shp_status shp_station_read(const char *path, shp_station_format format, const shp_station_options *opt,
                            shp_station_record *r, char *msg, size_t len);

/* Keep the days first..last (days since 1970; inclusive) and recount the missing
 * values. SHP_ERR_INVALID with a message when the period holds none of the record's
 * days or first > last. */
shp_status shp_station_crop(shp_station_record *r, long first, long last, char *msg, size_t len);

/* Release what a successful read allocated; r is then empty (NULL is fine). */
void shp_station_free(shp_station_record *r);

/* ------------------------------------------------------------------ forcing */

/* How a forcing's ET0 is computed. */
typedef enum {
    SHP_FORCING_ET0_PENMAN_MONTEITH = 0, /* FAO-56 Eq. 6 from Tmax, Tmin, RH, Rs, default wind */
    SHP_FORCING_ET0_HARGREAVES           /* FAO-56 Eq. 52 from Tmax, Tmin and Ra alone */
} shp_forcing_et0;

typedef struct {
    int max_gap;          /* weather gaps of up to this many days are interpolated (3) */
    int fill_precip_zero; /* 1: missing precipitation is 0; 0: refused (default) */
    double elevation_m;   /* station elevation for ET0's pressure, m; Penman-Monteith only */
    int et0;              /* shp_forcing_et0 */
} shp_forcing_options;

shp_forcing_options shp_forcing_options_default(void); /* 3, 0, NaN, Penman-Monteith */

/* Bits of shp_station_forcing.filled: which variables of a day were filled. */
#define SHP_FORCING_FILLED(v) (1u << (v))

typedef struct {
    long first_day;
    int n_days;
    double *var[SHP_STATION_NVAR]; /* complete: gaps filled */
    double *et0_mm;                /* FAO-56 ET0 by the options' method, mm/day */
    unsigned *filled;              /* per day, SHP_FORCING_FILLED bits */
    int n_filled[SHP_STATION_NVAR];/* values filled per variable */
    double wind_m_s;               /* the wind speed used (FAO-56's default, 2 m/s) */
} shp_station_forcing;

/* The daily forcing of a record with weather: every gap of up to max_gap days in
 * Tmax, Tmin, RHmax, RHmin, RHmean and solar radiation filled by linear interpolation
 * between the days on either side; precipitation filled with 0 when fill_precip_zero,
 * else every missing day refused; ET0 of each day by shp_et0_daily (FAO-56 Eq. 6,
 * G = 0) with the record's latitude, o->elevation_m, RHmax/RHmin (Eq. 17), the
 * measured Rs and no wind (FAO-56's 2 m/s). With o->et0 SHP_FORCING_ET0_HARGREAVES,
 * ET0 is Hargreaves' (Eq. 52, Ra of Eq. 21 at the record's latitude), only Tmax and
 * Tmin are filled and needed, and the elevation is not used (the humidity and radiation
 * columns keep their gaps as NaN). A longer gap, or one at the start or end of
 * the record, is refused with SHP_ERR_INVALID and "FILE: field X: gap of N days from
 * YYYY-MM-DD to YYYY-MM-DD ..."; so is a record without weather. */
shp_status shp_station_forcing_build(const shp_station_record *r, const shp_forcing_options *o,
                                     shp_station_forcing *f, char *msg, size_t len);
void shp_station_forcing_free(shp_station_forcing *f);

#ifdef __cplusplus
}
#endif

#endif
