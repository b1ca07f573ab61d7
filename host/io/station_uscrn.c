/* USCRN daily01 reader (include/shpfit/station.h): NOAA's files of one station, one day
 * a row, 28 columns (NOAA NCEI, USCRN daily01 README): WBANNO LST_DATE CRX_VN LONGITUDE
 * LATITUDE T_DAILY_MAX T_DAILY_MIN T_DAILY_MEAN T_DAILY_AVG P_DAILY_CALC SOLARAD_DAILY
 * SUR_TEMP_DAILY_TYPE SUR_TEMP_DAILY_MAX SUR_TEMP_DAILY_MIN SUR_TEMP_DAILY_AVG
 * RH_DAILY_MAX RH_DAILY_MIN RH_DAILY_AVG SOIL_MOISTURE_{5,10,20,50,100}_DAILY
 * SOIL_TEMP_{5,10,20,50,100}_DAILY. Either whitespace-separated in that order (NOAA's
 * own files) or comma-separated with a header line of these names (any order, extra
 * columns ignored). Missing values are coded -9999 (-9999.0) or -99 (-99.000). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/station_internal.h"
#include "shpfit/status.h"

#define N_COLS 28
#define N_SM 5
static const int sm_depth[N_SM] = {5, 10, 20, 50, 100};

/* The columns read, in NOAA's order of the headerless files. */
enum { C_WBAN, C_DATE, C_LON, C_LAT, C_TMAX, C_TMIN, C_P, C_RS, C_RHX, C_RHN, C_RHA, C_SM0, C_N = C_SM0 + N_SM };
static const char *const col_name[C_N] = {"WBANNO",       "LST_DATE",     "LONGITUDE",    "LATITUDE",
                                          "T_DAILY_MAX",  "T_DAILY_MIN",  "P_DAILY_CALC", "SOLARAD_DAILY",
                                          "RH_DAILY_MAX", "RH_DAILY_MIN", "RH_DAILY_AVG", "SOIL_MOISTURE_5_DAILY",
                                          "SOIL_MOISTURE_10_DAILY", "SOIL_MOISTURE_20_DAILY",
                                          "SOIL_MOISTURE_50_DAILY", "SOIL_MOISTURE_100_DAILY"};
static const int default_index[C_N] = {0, 1, 3, 4, 5, 6, 9, 10, 15, 16, 17, 18, 19, 20, 21, 22};
/* The variable of a weather column. */
static const int col_var[C_N] = {-1, -1, -1, -1, SHP_STATION_TMAX, SHP_STATION_TMIN, SHP_STATION_PRECIP,
                                 SHP_STATION_RS, SHP_STATION_RH_MAX, SHP_STATION_RH_MIN, SHP_STATION_RH_MEAN,
                                 -1, -1, -1, -1, -1};

typedef struct {
    long day;
    double v[SHP_STATION_NVAR];
    double sm[N_SM];
} row;

static int is_missing(double x) { return x == -9999.0 || x == -99.0; }

int shp_station_read_uscrn(const char *path, char *text, shp_station_record *r, char *msg, size_t len)
{
    int index[C_N], n_header = 0, sep = -1;
    memcpy(index, default_index, sizeof index);
    row *rows = NULL;
    int n = 0, cap = 0, rc = SHP_OK;
    long prev_line = 0, line;
    long missing_sm[N_SM] = {0}, read_sm[N_SM] = {0};
    shp_lines it;
    shp_csv_lines_text(&it, text, strlen(text));
    char *s;
    while ((s = shp_lines_next(&it, &line)) != NULL) {
        while (*s == ' ' || *s == '\t') ++s;
        if (!*s) continue;
        if (sep < 0) sep = strchr(s, ',') ? ',' : 0;
        char *f[64];
        const int nf = shp_station_split(s, (char)sep, f, 64);
        if (!n && !n_header && !strcmp(f[0], "WBANNO")) { /* a header of column names */
            n_header = nf;
            for (int c = 0; c < C_N; ++c) {
                index[c] = -1;
                for (int j = 0; j < nf; ++j)
                    if (!strcmp(f[j], col_name[c])) index[c] = j;
                if (index[c] < 0 && c < C_SM0) {
                    free(rows);
                    return shp_refuse(msg, len, "%s: line %ld: field %s: no such column in the header", path,
                                              line, col_name[c]);
                }
            }
            continue;
        }
        if (n_header ? nf != n_header : nf < N_COLS) {
            rc = shp_refuse(msg, len, "%s: line %ld: field %s: the row has %d fields, %s %d", path, line,
                                    nf > 0 ? f[0] : "WBANNO", nf, n_header ? "the header" : "USCRN daily01 has",
                                    n_header ? n_header : N_COLS);
            break;
        }
        if (n == cap) {
            cap = cap ? 2 * cap : 1024;
            row *nr = realloc(rows, sizeof *rows * (size_t)cap);
            if (!nr) {
                rc = SHP_ERR_NOMEM;
                break;
            }
            rows = nr;
        }
        row *w = &rows[n];
        /* the date, strictly after the previous row's */
        const char *d = f[index[C_DATE]];
        int y = 0, m = 0, dd = 0;
        long days = 0;
        char iso[16];
        if (strlen(d) == 8 && sscanf(d, "%4d%2d%2d", &y, &m, &dd) == 3) {
            snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, dd);
            if (shp_date_parse_iso(iso, &days) != 0) y = 0;
        } else y = 0;
        if (!y) {
            rc = shp_refuse(msg, len, "%s: line %ld: field LST_DATE: \"%s\" is not a date YYYYMMDD", path, line, d);
            break;
        }
        if (n && days <= rows[n - 1].day) {
            char p[16];
            rc = shp_refuse(msg, len, "%s: line %ld: field LST_DATE: %s %s %s of line %ld (dates must increase)",
                                    path, line, iso, days == rows[n - 1].day ? "repeats the date" : "comes before",
                                    shp_date_iso(rows[n - 1].day, p, sizeof p), prev_line);
            break;
        }
        w->day = days;
        /* station and coordinates from the first row */
        if (!n) {
            snprintf(r->station_id, sizeof r->station_id, "%s", f[index[C_WBAN]]);
            double lat, lon;
            if (shp_station_number(f[index[C_LAT]], &lat) || is_missing(lat) || fabs(lat) > 90) {
                rc = shp_refuse(msg, len, "%s: line %ld: field LATITUDE: \"%s\" is not a latitude", path, line,
                                        f[index[C_LAT]]);
                break;
            }
            if (shp_station_number(f[index[C_LON]], &lon) || is_missing(lon) || fabs(lon) > 180) {
                rc = shp_refuse(msg, len, "%s: line %ld: field LONGITUDE: \"%s\" is not a longitude", path,
                                        line, f[index[C_LON]]);
                break;
            }
            r->latitude_deg = lat;
            r->longitude_deg = lon;
        }
        for (int c = C_TMAX; c < C_N && rc == SHP_OK; ++c) {
            const int k = c - C_SM0;
            if (index[c] < 0) {
                if (k >= 0) w->sm[k] = NAN;
                continue;
            }
            double x;
            if (shp_station_number(f[index[c]], &x)) {
                rc = shp_refuse(msg, len, "%s: line %ld: field %s: \"%s\" is not a number", path, line,
                                        col_name[c], f[index[c]]);
                break;
            }
            if (is_missing(x)) x = NAN;
            if (c == C_P && x < 0)
                rc = shp_refuse(msg, len, "%s: line %ld: field %s: negative precipitation %g mm", path, line,
                                        col_name[c], x);
            else if (c == C_RS && x < 0)
                rc = shp_refuse(msg, len, "%s: line %ld: field %s: negative solar radiation %g MJ/m2", path,
                                        line, col_name[c], x);
            else if ((c == C_RHX || c == C_RHN || c == C_RHA) && (x < 0 || x > 100))
                rc = shp_refuse(msg, len, "%s: line %ld: field %s: relative humidity %g %% outside [0, 100]",
                                        path, line, col_name[c], x);
            else if (k >= 0 && (x < 0 || x > 1))
                rc = shp_refuse(msg, len,
                                        "%s: line %ld: field %s: water content %g outside [0, 1] m3/m3 (missing is "
                                        "-99 or -9999)",
                                        path, line, col_name[c], x);
            if (k >= 0) {
                w->sm[k] = x;
                ++read_sm[k];
                missing_sm[k] += isnan(x);
            } else w->v[col_var[c]] = x;
        }
        if (rc != SHP_OK) break;
        prev_line = line;
        ++n;
    }
    if (rc == SHP_OK && !n) rc = shp_refuse(msg, len, "%s: no data rows (an empty USCRN daily01 file)", path);
    if (rc != SHP_OK) {
        free(rows);
        return rc;
    }
    /* the daily grid, first to last date */
    r->first_day = rows[0].day;
    const long span = rows[n - 1].day - rows[0].day + 1;
    if (span > 200L * 366) {
        free(rows);
        return shp_refuse(msg, len, "%s: the record spans %ld days, more than 200 years", path, span);
    }
    r->n_days = (int)span;
    int n_depth = 0, which[N_SM];
    for (int k = 0; k < N_SM; ++k)
        if (index[C_SM0 + k] >= 0) which[n_depth++] = k;
    rc = shp_station_alloc_grid(r, 1, n_depth);
    if (rc != SHP_OK) {
        free(rows);
        return rc;
    }
    for (int j = 0; j < n_depth; ++j) {
        r->depth[j].depth_cm = sm_depth[which[j]];
        r->depth[j].n_values = read_sm[which[j]];
        r->depth[j].n_missing_values = missing_sm[which[j]];
    }
    for (int i = 0; i < n; ++i) {
        const long d = rows[i].day - r->first_day;
        for (int v = 0; v < SHP_STATION_NVAR; ++v) r->var[v][d] = rows[i].v[v];
        for (int j = 0; j < n_depth; ++j) r->depth[j].theta[d] = rows[i].sm[which[j]];
    }
    free(rows);
    return SHP_OK;
}
