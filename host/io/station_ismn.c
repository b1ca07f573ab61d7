/* ISMN readers (include/shpfit/station.h), after the formats of the International Soil
 * Moisture Network's downloads (Dorigo et al. 2011, 2021):
 *
 *   header + values   CSE NETWORK STATION LAT LON ELEV DEPTH_FROM DEPTH_TO SENSOR...
 *                     yyyy/mm/dd HH:MM VALUE ISMN-FLAG [PROVIDER-FLAG]
 *                     ...
 *   CEOP-separated    yyyy/mm/dd HH:MM yyyy/mm/dd HH:MM CSE NETWORK STATION LAT LON ELEV
 *                     DEPTH_FROM DEPTH_TO VALUE ISMN-FLAG [PROVIDER-FLAG]
 *
 * Blank-separated; a station name of several words is taken whole (the fields after it
 * are found as the first run of five numbers). Depths in metres, θ in m³/m³, times in
 * UTC (CEOP: the first date and time of a line). A value of -9999 is missing. The
 * sub-daily values of an accepted flag are averaged per day; a day without one is
 * missing. θ outside [0, 1] is refused where its flag is accepted (ISMN's C flags mark
 * such values, and they are dropped unless accepted). */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/station_internal.h"
#include "shpfit/status.h"

#define MAX_DEPTHS 32
#define MAX_TOK 64

typedef struct {
    long day;
    double sum;
    int n;
} day_acc;

typedef struct {
    double from, to;
    long last_minute, last_line, first_day, last_day;
    int started;
    day_acc *d;
    int n, cap;
    long n_values, n_dropped, n_missing;
} series;

/* "yyyy/mm/dd" and "HH:MM" as minutes since 1970 and the day; 0, or -1. */
static int parse_time(const char *date, const char *hm, long *minute, long *day)
{
    char iso[16];
    int h, m, n = 0;
    if (strlen(date) != 10 || date[4] != '/' || date[7] != '/') return -1;
    snprintf(iso, sizeof iso, "%.4s-%.2s-%.2s", date, date + 5, date + 8);
    if (shp_date_parse_iso(iso, day) != 0) return -1;
    if (sscanf(hm, "%2d:%2d%n", &h, &m, &n) != 2 || n != (int)strlen(hm) || h < 0 || h > 24 || m < 0 || m > 59)
        return -1;
    *minute = *day * 1440 + h * 60 + m;
    return 0;
}

/* Every comma-separated code of an ISMN flag is known: 0 and *accepted set; -1 with the
 * unknown code in bad. */
static int check_flag(const char *flag, const shp_station_options *opt, int *accepted, char *bad, size_t blen)
{
    *accepted = 1;
    const char *p = flag;
    if (!*p) {
        snprintf(bad, blen, "(empty)");
        return -1;
    }
    while (*p) {
        const char *e = strchr(p, ',');
        const size_t n = e ? (size_t)(e - p) : strlen(p);
        int ok = n >= 1 && n <= 4 && strchr("GDCMU", p[0]) != NULL;
        for (size_t i = 1; ok && i < n; ++i) ok = isdigit((unsigned char)p[i]) != 0;
        if (ok && (p[0] == 'G' || p[0] == 'M' || p[0] == 'U') && n != 1) ok = 0;
        if (ok && (p[0] == 'D' || p[0] == 'C') && n == 1) ok = 0;
        if (!ok) {
            snprintf(bad, blen, "%.*s", (int)n, p);
            return -1;
        }
        int acc = 0;
        for (int j = 0; j < opt->n_flags && !acc; ++j) {
            const char *a = opt->flag[j];
            acc = (strlen(a) == 1 && a[0] == p[0]) || (strlen(a) == n && !strncmp(a, p, n));
        }
        if (!acc) *accepted = 0;
        p += n + (e != NULL);
    }
    return 0;
}

/* The index of the first of five numbers from position `from` on; -1 if none. */
static int five_numbers(char **tok, int nt, int from)
{
    for (int k = from; k + 5 <= nt; ++k) {
        int ok = 1;
        double x;
        for (int j = 0; j < 5 && ok; ++j) ok = shp_station_number(tok[k + j], &x) == 0;
        if (ok) return k;
    }
    return -1;
}

static void join(char *out, size_t len, char **tok, int a, int b)
{
    out[0] = '\0';
    for (int i = a; i < b; ++i) {
        const size_t used = strlen(out);
        snprintf(out + used, len - used, "%s%s", i > a ? " " : "", tok[i]);
    }
}

int shp_station_read_ismn(const char *path, char *text, int ceop, const shp_station_options *opt,
                          shp_station_record *r, char *msg, size_t len)
{
    series s[MAX_DEPTHS];
    int ns = 0, rc = SHP_OK, have_header = 0;
    memset(s, 0, sizeof s);
    char network[64] = "", station[64] = "";
    shp_lines it;
    shp_csv_lines_text(&it, text, strlen(text));
    long line;
    char *ln;
    const char *fmt = ceop ? "ISMN CEOP" : "ISMN header+values";
    while (rc == SHP_OK && (ln = shp_lines_next(&it, &line)) != NULL) {
        char *tok[MAX_TOK];
        const int nt = shp_station_split(ln, 0, tok, MAX_TOK);
        if (!nt) continue;
        int k0 = -1; /* first of LAT LON ELEV FROM TO in this line, when it has them */
        int tv;      /* the value's token */
        if (!ceop && !have_header) {
            k0 = five_numbers(tok, nt, 3);
            if (nt < 8 || k0 < 0) {
                rc = shp_refuse(msg, len,
                                        "%s: line %ld: field header: expected \"CSE NETWORK STATION LAT LON ELEVATION "
                                        "DEPTH_FROM DEPTH_TO SENSOR\" (%s format)",
                                        path, line, fmt);
                break;
            }
            have_header = 1;
            snprintf(network, sizeof network, "%s", tok[1]);
            join(station, sizeof station, tok, 2, k0);
        } else if (ceop) {
            k0 = nt >= 15 ? five_numbers(tok, nt, 7) : -1;
            if (k0 < 0 || k0 + 7 > nt) {
                rc = shp_refuse(msg, len,
                                        "%s: line %ld: field line: expected \"DATE TIME DATE TIME CSE NETWORK STATION LAT "
                                        "LON ELEVATION DEPTH_FROM DEPTH_TO VALUE FLAG [PROVIDER_FLAG]\" (%s format)",
                                        path, line, fmt);
                break;
            }
            if (!network[0]) {
                snprintf(network, sizeof network, "%s", tok[5]);
                join(station, sizeof station, tok, 6, k0);
            }
        }
        if (k0 >= 0) { /* coordinates and the depth of this line */
            double x[5];
            for (int j = 0; j < 5; ++j) shp_station_number(tok[k0 + j], &x[j]);
            static const char *const names[5] = {"latitude", "longitude", "elevation", "depth_from", "depth_to"};
            int bad = fabs(x[0]) > 90 ? 0 : fabs(x[1]) > 360 ? 1 : x[3] < 0 ? 3 : x[4] < x[3] ? 4 : -1;
            if (bad >= 0) {
                rc = shp_refuse(msg, len, "%s: line %ld: field %s: %g is out of range", path, line, names[bad],
                                        x[bad]);
                break;
            }
            if (isnan(r->latitude_deg)) {
                r->latitude_deg = x[0];
                r->longitude_deg = x[1];
                r->elevation_m = x[2];
            }
            if (!ceop) { /* the header: its series */
                s[0].from = x[3], s[0].to = x[4];
                ns = 1;
                continue;
            }
            int j = 0;
            while (j < ns && !(s[j].from == x[3] && s[j].to == x[4])) ++j;
            if (j == ns) {
                if (ns == MAX_DEPTHS) {
                    rc = shp_refuse(msg, len, "%s: line %ld: field depth_from: more than %d depths", path, line,
                                            MAX_DEPTHS);
                    break;
                }
                s[ns].from = x[3], s[ns].to = x[4];
                ++ns;
            }
            tv = k0 + 5;
            k0 = j; /* now the series */
        } else {
            if (nt < 4) {
                rc = shp_refuse(msg, len, "%s: line %ld: field line: expected \"DATE TIME VALUE FLAG "
                                                  "[PROVIDER_FLAG]\" (%s format)",
                                        path, line, fmt);
                break;
            }
            tv = 2;
            k0 = 0;
        }
        series *se = &s[k0];
        long minute, day;
        if (parse_time(tok[0], tok[1], &minute, &day) != 0) {
            rc = shp_refuse(msg, len, "%s: line %ld: field date: \"%s %s\" is not a time yyyy/mm/dd HH:MM", path,
                                    line, tok[0], tok[1]);
            break;
        }
        if (se->started && minute <= se->last_minute) {
            rc = shp_refuse(msg, len, "%s: line %ld: field date: %s %s %s of line %ld (times must increase)",
                                    path, line, tok[0], tok[1],
                                    minute == se->last_minute ? "repeats the time" : "comes before the time",
                                    se->last_line);
            break;
        }
        if (!se->started) se->first_day = day;
        se->started = 1;
        se->last_day = day;
        se->last_minute = minute;
        se->last_line = line;
        double v;
        if (shp_station_number(tok[tv], &v)) {
            rc = shp_refuse(msg, len, "%s: line %ld: field value: \"%s\" is not a number", path, line, tok[tv]);
            break;
        }
        char bad[32];
        int accepted;
        if (tv + 1 >= nt || check_flag(tok[tv + 1], opt, &accepted, bad, sizeof bad) != 0) {
            rc = shp_refuse(msg, len, "%s: line %ld: field flag: unknown ISMN quality flag \"%s\" (known: G, M, U, "
                                              "Dnn, Cnn)",
                                    path, line, tv + 1 >= nt ? "" : bad);
            break;
        }
        ++se->n_values;
        if (v == -9999.0) {
            ++se->n_missing;
            continue;
        }
        if (!accepted) {
            ++se->n_dropped;
            continue;
        }
        if (v < 0 || v > 1) {
            rc = shp_refuse(msg, len, "%s: line %ld: field value: water content %g outside [0, 1] m3/m3 (flag %s)",
                                    path, line, v, tok[tv + 1]);
            break;
        }
        if (!se->n || se->d[se->n - 1].day != day) {
            if (se->n == se->cap) {
                se->cap = se->cap ? 2 * se->cap : 64;
                day_acc *nd = realloc(se->d, sizeof *nd * (size_t)se->cap);
                if (!nd) {
                    rc = SHP_ERR_NOMEM;
                    break;
                }
                se->d = nd;
            }
            se->d[se->n++] = (day_acc){day, 0.0, 0};
        }
        se->d[se->n - 1].sum += v;
        se->d[se->n - 1].n += 1;
    }
    if (rc == SHP_OK && (!ns || !(s[0].started || ceop))) rc = shp_refuse(msg, len, "%s: no values (%s format)", path, fmt);
    /* the grid spans the times of every series, kept or dropped */
    long first = 0, last = 0;
    int any = 0;
    for (int j = 0; rc == SHP_OK && j < ns; ++j) {
        if (!s[j].started) continue;
        const long a = s[j].first_day, b = s[j].last_day;
        if (!any || a < first) first = a;
        if (!any || b > last) last = b;
        any = 1;
    }
    if (rc == SHP_OK) {
        r->first_day = first;
        r->n_days = (int)(last - first + 1);
        snprintf(r->station_id, sizeof r->station_id, "%s/%s", network, station);
        rc = shp_station_alloc_grid(r, 0, ns);
    }
    for (int j = 0; rc == SHP_OK && j < ns; ++j) {
        /* sorted by depth: insertion position */
        int k = j;
        const double dep = 50.0 * (s[j].from + s[j].to);
        while (k > 0 && r->depth[k - 1].depth_cm > dep) {
            double *t = r->depth[k].theta;
            r->depth[k] = r->depth[k - 1];
            r->depth[k - 1].theta = t;
            --k;
        }
        shp_station_depth *d = &r->depth[k];
        d->depth_cm = dep;
        d->n_values = s[j].n_values;
        d->n_flag_dropped = s[j].n_dropped;
        d->n_missing_values = s[j].n_missing;
        for (int i = 0; i < r->n_days; ++i) d->theta[i] = NAN;
        for (int i = 0; i < s[j].n; ++i) d->theta[s[j].d[i].day - first] = s[j].d[i].sum / s[j].d[i].n;
    }
    for (int j = 0; j < MAX_DEPTHS; ++j) free(s[j].d);
    return rc;
}
