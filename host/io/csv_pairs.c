/* Two-column CSV reader (see csv_pairs.h): strict, because a silently skipped or
 * misread row of an initial profile changes every result downstream. */
#define _POSIX_C_SOURCE 200809L /* getline */
#include "io/csv_pairs.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shpfit/status.h"

static char *trim(char *s)
{
    while (isspace((unsigned char)*s)) ++s;
    char *e = s + strlen(s);
    while (e > s && isspace((unsigned char)e[-1])) *--e = '\0';
    return s;
}

/* A whole field as a number (strtod accepts "nan" and "inf": the caller rejects them
 * by name, which is clearer than "not a number"). */
static int parse_field(char *s, double *v)
{
    s = trim(s);
    if (!*s) return -1;
    char *end;
    errno = 0;
    *v = strtod(s, &end);
    return *end == '\0' ? 0 : -1;
}

typedef struct {
    double *x, *y;
    int m, cap;
} pairs;

static int push(pairs *p, double x, double y)
{
    if (p->m == p->cap) {
        const int cap = p->cap ? 2 * p->cap : 64;
        double *nx = realloc(p->x, (size_t)cap * sizeof *nx);
        if (!nx) return -1;
        p->x = nx;
        double *ny = realloc(p->y, (size_t)cap * sizeof *ny);
        if (!ny) return -1;
        p->y = ny;
        p->cap = cap;
    }
    p->x[p->m] = x;
    p->y[p->m] = y;
    ++p->m;
    return 0;
}

/* One data line; returns SHP_OK, or SHP_ERR_CONFIG with the message written. */
static int parse_line(char *line, long ln, int may_be_header, const char *const names[2],
                      pairs *p, int *was_header, char *msg, size_t len)
{
    *was_header = 0;
    char *comma = strchr(line, ',');
    if (!comma) {
        snprintf(msg, len, "line %ld: expected two comma-separated values (%s,%s)", ln, names[0],
                 names[1]);
        return SHP_ERR_CONFIG;
    }
    *comma = '\0';
    char *second = comma + 1;
    if (strchr(second, ',')) {
        snprintf(msg, len, "line %ld: more than two values (expected %s,%s)", ln, names[0], names[1]);
        return SHP_ERR_CONFIG;
    }
    double v[2];
    char *fields[2] = {line, second};
    for (int k = 0; k < 2; ++k) {
        if (parse_field(fields[k], &v[k]) != 0) {
            if (k == 0 && may_be_header) {
                *was_header = 1;
                return SHP_OK;
            }
            snprintf(msg, len, "line %ld: %s is not a number (\"%s\")", ln, names[k], trim(fields[k]));
            return SHP_ERR_CONFIG;
        }
        if (!isfinite(v[k])) {
            snprintf(msg, len, "line %ld: %s is not a finite number (%s)", ln, names[k], trim(fields[k]));
            return SHP_ERR_CONFIG;
        }
    }
    if (p->m > 0 && !(v[0] > p->x[p->m - 1])) {
        snprintf(msg, len, "line %ld: %s must increase strictly from row to row (%g after %g)", ln,
                 names[0], v[0], p->x[p->m - 1]);
        return SHP_ERR_CONFIG;
    }
    if (push(p, v[0], v[1]) != 0) {
        snprintf(msg, len, "out of memory");
        return SHP_ERR_NOMEM;
    }
    return SHP_OK;
}

int shp_csv_read_pairs(const char *path, const char *const names[2], double **x, double **y,
                       int *m, char *msg, size_t len)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        snprintf(msg, len, "cannot open: %s", strerror(errno));
        return SHP_ERR_IO;
    }
    pairs p = {NULL, NULL, 0, 0};
    char *buf = NULL;
    size_t cap = 0;
    long ln = 0;
    int rc = SHP_OK, seen_line = 0;
    while (rc == SHP_OK && getline(&buf, &cap, f) != -1) {
        ++ln;
        char *s = trim(buf);
        if (!*s || *s == '#') continue;
        int was_header;
        rc = parse_line(s, ln, !seen_line, names, &p, &was_header, msg, len);
        seen_line = 1;
    }
    if (rc == SHP_OK && ferror(f)) {
        snprintf(msg, len, "read error: %s", strerror(errno));
        rc = SHP_ERR_IO;
    }
    if (rc == SHP_OK && p.m == 0) {
        snprintf(msg, len, "no data rows (expected %s,%s)", names[0], names[1]);
        rc = SHP_ERR_CONFIG;
    }
    free(buf);
    fclose(f);
    if (rc != SHP_OK) {
        free(p.x);
        free(p.y);
        return rc;
    }
    *x = p.x;
    *y = p.y;
    *m = p.m;
    return SHP_OK;
}
