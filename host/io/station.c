/* Station records (include/shpfit/station.h): names, dates, flags, the daily grid,
 * cropping, and the dispatch to the readers of host/io/station_uscrn.c and
 * station_ismn.c. */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/station_internal.h"
#include "io/fs.h"
#include "shpfit/status.h"

static const char *const format_names[SHP_STATION_FORMAT_COUNT] = {"uscrn", "ismn-header", "ismn-ceop"};
static const char *const var_names[SHP_STATION_NVAR] = {"tmax",   "tmin",  "rh_max",       "rh_min",
                                                        "rh_mean", "solar", "precipitation"};

const char *shp_station_format_name(int f)
{
    return f >= 0 && f < SHP_STATION_FORMAT_COUNT ? format_names[f] : "unknown";
}

int shp_station_format_from_name(const char *name)
{
    for (int i = 0; name && i < SHP_STATION_FORMAT_COUNT; ++i)
        if (!strcmp(name, format_names[i])) return i;
    return -1;
}

const char *shp_station_var_name(int v)
{
    return v >= 0 && v < SHP_STATION_NVAR ? var_names[v] : "unknown";
}

/* ------------------------------------------------------------------ helpers */

char *shp_lines_next(shp_lines *it, long *line)
{
    size_t n;
    char *s = shp_csv_lines_next(it, &n);
    *line = it->line;
    return s;
}

int shp_station_number(const char *s, double *v)
{
    if (!s || !*s) return -1;
    char *end;
    errno = 0;
    const double x = strtod(s, &end);
    if (end == s || *end || errno == ERANGE || !isfinite(x)) return -1;
    *v = x;
    return 0;
}

int shp_station_split(char *s, char sep, char **field, int max)
{
    int n = 0;
    if (!sep) {
        char *p = s;
        while (n < max) {
            while (*p == ' ' || *p == '\t') ++p;
            if (!*p) break;
            field[n++] = p;
            while (*p && *p != ' ' && *p != '\t') ++p;
            if (*p) *p++ = '\0';
        }
        return n;
    }
    for (char *p = s, *t; p && n < max; p = t) {
        t = strchr(p, sep);
        if (t) *t++ = '\0';
        while (*p == ' ' || *p == '\t') ++p;
        char *e = p + strlen(p);
        while (e > p && (e[-1] == ' ' || e[-1] == '\t')) *--e = '\0';
        field[n++] = p;
    }
    return n;
}

const char *shp_date_iso(long days, char *buf, size_t len)
{
    const shp_date d = shp_date_from_days(days);
    snprintf(buf, len, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}

/* ------------------------------------------------------------------ dates */

/* Howard Hinnant's days_from_civil / civil_from_days. */
long shp_date_to_days(int year, int month, int day)
{
    const long y = (long)year - (month <= 2);
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

shp_date shp_date_from_days(long z)
{
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const long doe = z - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    shp_date d;
    d.day = (int)(doy - (153 * mp + 2) / 5 + 1);
    d.month = (int)(mp < 10 ? mp + 3 : mp - 9);
    d.year = (int)(yoe + era * 400 + (d.month <= 2));
    d.doy = (int)(shp_date_to_days(d.year, d.month, d.day) - shp_date_to_days(d.year, 1, 1) + 1);
    return d;
}

int shp_date_parse_iso(const char *s, long *days)
{
    int y, m, d, n = 0;
    if (!s || strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10 || s[4] != '-' ||
        s[7] != '-')
        return -1;
    for (int i = 0; i < 10; ++i)
        if (i != 4 && i != 7 && !isdigit((unsigned char)s[i])) return -1;
    const long z = shp_date_to_days(y, m, d);
    const shp_date back = shp_date_from_days(z);
    if (back.year != y || back.month != m || back.day != d) return -1;
    *days = z;
    return 0;
}

/* ------------------------------------------------------------------ flags */

shp_station_options shp_station_options_default(void)
{
    shp_station_options o;
    memset(&o, 0, sizeof o);
    o.n_flags = 1;
    strcpy(o.flag[0], "G");
    return o;
}

shp_status shp_station_options_parse_flags(const char *list, shp_station_options *o, char *msg, size_t len)
{
    shp_station_options r;
    memset(&r, 0, sizeof r);
    const char *p = list ? list : "";
    while (*p) {
        const char *e = strchr(p, ',');
        const size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n == 0 || n >= sizeof r.flag[0] || !strchr("GDCMU", p[0]))
            return shp_refuse(msg, len, "--flags: \"%.*s\" is not an ISMN quality flag (G, M, U, D.., C..)",
                                      (int)n, p);
        for (size_t i = 1; i < n; ++i)
            if (!isdigit((unsigned char)p[i]))
                return shp_refuse(msg, len, "--flags: \"%.*s\" is not an ISMN quality flag", (int)n, p);
        if (r.n_flags == SHP_STATION_MAX_FLAGS)
            return shp_refuse(msg, len, "--flags: more than %d flags", SHP_STATION_MAX_FLAGS);
        memcpy(r.flag[r.n_flags], p, n);
        r.flag[r.n_flags++][n] = '\0';
        p += n + (e != NULL);
    }
    if (!r.n_flags) return shp_refuse(msg, len, "--flags: the list is empty");
    *o = r;
    return SHP_OK;
}

/* ------------------------------------------------------------------ the record */

void shp_station_record_init(shp_station_record *r, const char *path, shp_station_format format)
{
    memset(r, 0, sizeof *r);
    snprintf(r->source, sizeof r->source, "%s", path);
    r->format = format;
    r->latitude_deg = r->longitude_deg = r->elevation_m = NAN;
}

static double *nan_array(int n)
{
    double *a = malloc(sizeof *a * (size_t)(n > 0 ? n : 1));
    for (int i = 0; a && i < n; ++i) a[i] = NAN;
    return a;
}

int shp_station_alloc_grid(shp_station_record *r, int weather, int n_depths)
{
    r->has_weather = weather;
    for (int v = 0; weather && v < SHP_STATION_NVAR; ++v)
        if (!(r->var[v] = nan_array(r->n_days))) return SHP_ERR_NOMEM;
    if (n_depths > 0) {
        r->depth = calloc((size_t)n_depths, sizeof *r->depth);
        if (!r->depth) return SHP_ERR_NOMEM;
        r->n_depths = n_depths;
        for (int k = 0; k < n_depths; ++k)
            if (!(r->depth[k].theta = nan_array(r->n_days))) return SHP_ERR_NOMEM;
    }
    return SHP_OK;
}

void shp_station_count_missing(shp_station_record *r)
{
    for (int v = 0; v < SHP_STATION_NVAR; ++v) {
        r->n_missing[v] = 0;
        for (int i = 0; r->var[v] && i < r->n_days; ++i) r->n_missing[v] += isnan(r->var[v][i]);
    }
    for (int k = 0; k < r->n_depths; ++k) {
        r->depth[k].n_missing = 0;
        for (int i = 0; i < r->n_days; ++i) r->depth[k].n_missing += isnan(r->depth[k].theta[i]);
    }
}

void shp_station_free(shp_station_record *r)
{
    if (!r) return;
    for (int v = 0; v < SHP_STATION_NVAR; ++v) free(r->var[v]);
    for (int k = 0; k < r->n_depths; ++k) free(r->depth[k].theta);
    free(r->depth);
    shp_station_record_init(r, "", r->format);
    r->source[0] = '\0';
}

int shp_station_format_guess(const char *path)
{
    size_t n = 0;
    char *text = shp_file_read_all(path, &n);
    if (!text) return -1;
    shp_lines it;
    shp_csv_lines_text(&it, text, n);
    long line;
    char *s;
    int f = -1;
    while ((s = shp_lines_next(&it, &line)) != NULL) {
        while (*s == ' ' || *s == '\t') ++s;
        if (!*s) continue;
        char *tok[32];
        const int uscrn_header = !strncmp(s, "WBANNO", 6);
        const int nt = shp_station_split(s, strchr(s, ',') ? ',' : 0, tok, 32);
        if (uscrn_header || nt >= 28) f = SHP_STATION_USCRN;
        else if (nt >= 4 && strlen(tok[0]) == 10 && tok[0][4] == '/' && strlen(tok[2]) == 10 && tok[2][4] == '/')
            f = SHP_STATION_ISMN_CEOP;
        else f = SHP_STATION_ISMN_HEADER;
        break;
    }
    free(text);
    return f;
}

shp_status shp_station_read(const char *path, shp_station_format format, const shp_station_options *opt,
                            shp_station_record *r, char *msg, size_t len)
{
    shp_station_record_init(r, path, format);
    if (format < 0 || format >= SHP_STATION_FORMAT_COUNT)
        return shp_refuse(msg, len, "%s: unknown station format %d", path, (int)format);
    const shp_station_options def = shp_station_options_default();
    size_t n = 0;
    char *text = shp_file_read_all(path, &n);
    if (!text) {
        const int nomem = errno == ENOMEM;
        snprintf(msg, len, "%s: cannot read: %s", path, strerror(errno));
        return nomem ? SHP_ERR_NOMEM : SHP_ERR_IO;
    }
    if (memchr(text, '\0', n)) {
        free(text);
        return shp_refuse(msg, len, "%s: not a text file (it holds NUL bytes)", path);
    }
    const int rc = format == SHP_STATION_USCRN
                       ? shp_station_read_uscrn(path, text, r, msg, len)
                       : shp_station_read_ismn(path, text, format == SHP_STATION_ISMN_CEOP, opt ? opt : &def, r, msg, len);
    free(text);
    if (rc != SHP_OK) {
        if (rc == SHP_ERR_NOMEM) snprintf(msg, len, "%s: out of memory", path);
        shp_station_free(r);
        shp_station_record_init(r, path, format);
        return rc;
    }
    shp_station_count_missing(r);
    return SHP_OK;
}

shp_status shp_station_crop(shp_station_record *r, long first, long last, char *msg, size_t len)
{
    char a[16], b[16], c[16], d[16];
    const long rec_last = r->first_day + r->n_days - 1;
    if (first > last)
        return shp_refuse(msg, len, "the period %s to %s is empty (its start is after its end)",
                                  shp_date_iso(first, a, sizeof a), shp_date_iso(last, b, sizeof b));
    if (first < r->first_day) first = r->first_day;
    if (last > rec_last) last = rec_last;
    if (first > last)
        return shp_refuse(msg, len, "%s: the period holds none of the record's days (%s to %s)", r->source,
                                  shp_date_iso(r->first_day, c, sizeof c), shp_date_iso(rec_last, d, sizeof d));
    const int off = (int)(first - r->first_day), n = (int)(last - first + 1);
    for (int v = 0; v < SHP_STATION_NVAR; ++v)
        if (r->var[v]) memmove(r->var[v], r->var[v] + off, sizeof(double) * (size_t)n);
    for (int k = 0; k < r->n_depths; ++k)
        memmove(r->depth[k].theta, r->depth[k].theta + off, sizeof(double) * (size_t)n);
    r->first_day = first;
    r->n_days = n;
    shp_station_count_missing(r);
    return SHP_OK;
}
