/* Numeric CSV tables (see csv_table.h). */
#define _POSIX_C_SOURCE 200809L /* getline, strdup */
#include "io/csv_table.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shpfit/status.h"

#define MAX_COLS 256

/* Largest magnitude a value may have: its square, and a sum of a million squares,
 * stay finite, so σ and ψ of the data are numbers (no data in cm and min come near). */
#define MAX_ABS 1e100

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

/* Split a line at commas in place; returns the number of fields (≤ max). */
static int split(char *line, char **field, int max)
{
    int n = 0;
    field[n++] = line;
    for (char *p = line; *p; ++p)
        if (*p == ',') {
            *p = '\0';
            if (n == max) return max + 1;
            field[n++] = p + 1;
        }
    return n;
}

/* Why a field may not read as a number: another convention of the data's source. */
static const char *separator_hint(const char *field)
{
    if (strchr(field, ';') || strchr(field, '\t'))
        return ": the values must be separated by commas (not ';' or tabs)";
    return "";
}

static const char *col_name(const shp_csv_table *t, const char *const *names, int j, char *buf,
                            size_t len)
{
    if (t->name) return t->name[j];
    if (names && names[j]) return names[j];
    snprintf(buf, len, "column %d", j + 1);
    return buf;
}

static int grow(shp_csv_table *t, int *cap)
{
    if (t->m < *cap) return 0;
    const int nc = *cap ? 2 * *cap : 64;
    long *l = realloc(t->line, (size_t)nc * sizeof *l);
    if (!l) return -1;
    t->line = l;
    for (int j = 0; j < t->ncols; ++j) {
        double *p = realloc(t->col[j], (size_t)nc * sizeof *p);
        if (!p) return -1;
        t->col[j] = p;
    }
    *cap = nc;
    return 0;
}

static int set_columns(shp_csv_table *t, int ncols)
{
    t->ncols = ncols;
    t->col = calloc((size_t)ncols, sizeof *t->col);
    return t->col ? 0 : -1;
}

/* One line (not blank, not a comment). */
static int parse_line(char *line, long ln, int first, int ncols_wanted,
                      const char *const *names, shp_csv_table *t, int *cap, char *msg, size_t len)
{
    char *field[MAX_COLS + 1];
    const int nf = split(line, field, MAX_COLS);
    double v0;
    if (first && parse_field(field[0], &v0) != 0) { /* a header */
        if (ncols_wanted > 0 && nf != ncols_wanted) {
            snprintf(msg, len, "line %ld: header has %d columns, expected %d%s", ln, nf, ncols_wanted,
                     nf < ncols_wanted ? separator_hint(line) : "");
            return SHP_ERR_CONFIG;
        }
        if (nf > MAX_COLS) {
            snprintf(msg, len, "line %ld: more than %d columns", ln, MAX_COLS);
            return SHP_ERR_CONFIG;
        }
        if (set_columns(t, nf) != 0 || !(t->name = calloc((size_t)nf, sizeof *t->name))) goto nomem;
        for (int j = 0; j < nf; ++j)
            if (!(t->name[j] = strdup(trim(field[j])))) goto nomem;
        return SHP_OK;
    }
    if (first) {
        if (ncols_wanted <= 0) {
            snprintf(msg, len, "line %ld: expected a header line naming the columns", ln);
            return SHP_ERR_CONFIG;
        }
        if (set_columns(t, ncols_wanted) != 0) goto nomem;
    }
    char buf[32];
    if (nf != t->ncols) {
        if (nf < t->ncols && (strchr(line, ';') || strchr(line, '\t')))
            snprintf(msg, len, "line %ld: %d values, expected %d: the values must be separated by commas "
                               "(not ';' or tabs), with a decimal point", ln, nf, t->ncols);
        else if (nf > t->ncols && !t->name)
            snprintf(msg, len, "line %ld: %d values, expected %d (a decimal comma? the decimal separator "
                               "is '.')", ln, nf > MAX_COLS ? MAX_COLS : nf, t->ncols);
        else if (t->ncols == 2 && !t->name && nf < 2) {
            char buf2[32]; /* each name its own buffer: both are formatted at once */
            snprintf(msg, len, "line %ld: expected two comma-separated values (%s,%s)", ln,
                     col_name(t, names, 0, buf, sizeof buf), col_name(t, names, 1, buf2, sizeof buf2));
        } else
            snprintf(msg, len, "line %ld: %d values, expected %d", ln, nf > MAX_COLS ? MAX_COLS : nf,
                     t->ncols);
        return SHP_ERR_CONFIG;
    }
    if (grow(t, cap) != 0) goto nomem;
    for (int j = 0; j < nf; ++j) {
        double v;
        if (parse_field(field[j], &v) != 0) {
            snprintf(msg, len, "line %ld: %s is not a number (\"%s\")%s", ln,
                     col_name(t, names, j, buf, sizeof buf), trim(field[j]), separator_hint(field[j]));
            return SHP_ERR_CONFIG;
        }
        if (!isfinite(v)) {
            snprintf(msg, len, "line %ld: %s is not a finite number (%s)", ln,
                     col_name(t, names, j, buf, sizeof buf), trim(field[j]));
            return SHP_ERR_CONFIG;
        }
        if (fabs(v) > MAX_ABS) {
            snprintf(msg, len, "line %ld: %s = %s is out of range (|value| <= %g)", ln,
                     col_name(t, names, j, buf, sizeof buf), trim(field[j]), MAX_ABS);
            return SHP_ERR_CONFIG;
        }
        if (j == 0 && t->m > 0 && !(v > t->col[0][t->m - 1])) {
            snprintf(msg, len, "line %ld: %s must increase strictly from row to row (%g after %g)",
                     ln, col_name(t, names, 0, buf, sizeof buf), v, t->col[0][t->m - 1]);
            return SHP_ERR_CONFIG;
        }
        t->col[j][t->m] = v;
    }
    t->line[t->m] = ln;
    ++t->m;
    return SHP_OK;
nomem:
    snprintf(msg, len, "out of memory");
    return SHP_ERR_NOMEM;
}

void shp_csv_table_free(shp_csv_table *t)
{
    if (!t) return;
    for (int j = 0; j < t->ncols; ++j) {
        if (t->col) free(t->col[j]);
        if (t->name) free(t->name[j]);
    }
    free(t->col);
    free(t->name);
    free(t->line);
    memset(t, 0, sizeof *t);
}

int shp_csv_read_table(const char *path, int ncols, const char *const *names, shp_csv_table *t,
                       char *msg, size_t len)
{
    memset(t, 0, sizeof *t);
    FILE *f = fopen(path, "r");
    if (!f) {
        snprintf(msg, len, "cannot open: %s", strerror(errno));
        return SHP_ERR_IO;
    }
    char *buf = NULL;
    size_t bcap = 0;
    long ln = 0;
    int rc = SHP_OK, seen = 0, cap = 0;
    ssize_t got;
    while (rc == SHP_OK && (got = getline(&buf, &bcap, f)) != -1) {
        ++ln;
        if (memchr(buf, '\0', (size_t)got)) { /* would silently end the line early */
            snprintf(msg, len, "line %ld: a NUL byte: not a text file", ln);
            rc = SHP_ERR_CONFIG;
            break;
        }
        char *s = buf;
        if (ln == 1 && !strncmp(s, "\xef\xbb\xbf", 3)) s += 3; /* a UTF-8 byte-order mark (spreadsheets) */
        s = trim(s);
        if (!*s || *s == '#') continue;
        rc = parse_line(s, ln, !seen, ncols, names, t, &cap, msg, len);
        seen = 1;
    }
    if (rc == SHP_OK && ferror(f)) {
        snprintf(msg, len, "read error: %s", strerror(errno));
        rc = SHP_ERR_IO;
    }
    if (rc == SHP_OK && t->m == 0) {
        if (ncols == 2 && names)
            snprintf(msg, len, "no data rows (expected %s,%s)", names[0], names[1]);
        else
            snprintf(msg, len, "no data rows");
        rc = SHP_ERR_CONFIG;
    }
    free(buf);
    fclose(f);
    if (rc != SHP_OK) shp_csv_table_free(t);
    return rc;
}

int shp_csv_read_pairs(const char *path, const char *const names[2], double **x, double **y,
                       int *m, char *msg, size_t len)
{
    shp_csv_table t;
    const int rc = shp_csv_read_table(path, 2, names, &t, msg, len);
    if (rc != SHP_OK) return rc;
    *x = t.col[0];
    *y = t.col[1];
    *m = t.m;
    t.col[0] = t.col[1] = NULL;
    shp_csv_table_free(&t);
    return SHP_OK;
}
