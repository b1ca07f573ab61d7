/* Numeric CSV tables (see csv_table.h). */
#define _POSIX_C_SOURCE 200809L /* strdup */
#include "io/csv_table.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/csv_rows.h"
#include "shpfit/status.h"

#define MAX_COLS 256

/* Largest magnitude a value may have: its square, and a sum of a million squares,
 * stay finite, so σ and ψ of the data are numbers (no data in cm and min come near). */
#define MAX_ABS 1e100

/* Runs of whitespace (spaces and tabs). */
#define DELIM_SPACE SHP_CSV_BLANKS
#define ANY_DELIM " (values separated by ',', ';', tabs or spaces)"

/* Reading one file: the caller's rules, the table so far and the delimiter in force. */
typedef struct {
    int ncols_wanted;
    const char *const *names;
    int any_order;
    int (*keep)(const char *name);
    unsigned char skip[MAX_COLS]; /* columns keep rejected */
    int order_col;                /* the column that must increase */
    shp_csv_table *t;
    int cap;          /* rows allocated */
    int seen;         /* a content line was read */
    char delim;       /* ',', ';', '\t' or DELIM_SPACE */
    char **field;     /* the current line's fields (shp_csv_split) */
    int field_cap;
    long delim_line;  /* the line it was found on */
    char *msg;
    size_t len;
} reader;

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

/* Whether a field begins as a number does ("5;0" of "5;0,6" read at commas): such a
 * first field makes a line data, not a header, whatever follows. */
static int starts_numeric(const char *s)
{
    if (*s == '+' || *s == '-') ++s;
    if (*s == '.') ++s;
    return isdigit((unsigned char)*s);
}

/* The delimiter a line uses: a comma if it has one, else ';', else a tab, else
 * whitespace (the order the rule of csv_table.h gives). */
static char detect_delim(const char *line)
{
    if (strchr(line, ',')) return ',';
    if (strchr(line, ';')) return ';';
    if (strchr(line, '\t')) return '\t';
    return DELIM_SPACE;
}

/* Another delimiter than d in s, or 0: what a bad line was written with. Spaces count
 * only in a line without d, since they may pad the values around it ("5, 0.6"). */
static char other_delim(const char *s, char d)
{
    static const char cand[] = {',', ';', '\t', DELIM_SPACE};
    for (size_t k = 0; k < sizeof cand; ++k) {
        const char o = cand[k];
        if (o == d || (d == DELIM_SPACE && o == '\t')) continue; /* whitespace includes tabs */
        if (o == DELIM_SPACE && d != DELIM_SPACE && strchr(s, d)) continue;
        if (strchr(s, o)) return o;
    }
    return 0;
}

static const char *delim_name(char d)
{
    switch (d) {
    case ',': return "','";
    case ';': return "';'";
    case '\t': return "tabs";
    default: return "spaces";
    }
}

/* In a header separated by whitespace, "h [cm]" is one name: drop the blanks before a
 * '[' or '(' so that the split below keeps the unit with its name. */
static void glue_units(char *s)
{
    char *w = s;
    for (char *p = s; *p; ++p) {
        if (isspace((unsigned char)*p)) {
            char *q = p;
            while (isspace((unsigned char)*q)) ++q;
            if (*q == '[' || *q == '(') {
                p = q - 1;
                continue;
            }
        }
        *w++ = *p;
    }
    *w = '\0';
}

/* Why a field may not read as a number: another convention of the data's source. */
static void field_hint(const reader *r, const char *field, char *buf, size_t len)
{
    buf[0] = '\0';
    if (r->delim != ',' && strchr(field, ',')) {
        snprintf(buf, len, ": a decimal comma? the decimal separator is '.'");
        return;
    }
    const char o = other_delim(field, r->delim);
    if (o)
        snprintf(buf, len, ": the values are separated by %s (as on line %ld), this field has %s%s",
                 delim_name(r->delim), r->delim_line, delim_name(o),
                 o == ';' && r->delim == ',' ? " (decimal commas? the decimal separator is '.')" : "");
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

static int nomem(reader *r)
{
    snprintf(r->msg, r->len, "out of memory");
    return SHP_ERR_NOMEM;
}

/* The header (the first content line, its first field not a number): the names. */
static int parse_header(reader *r, char **field, int nf, long ln)
{
    shp_csv_table *t = r->t;
    if (r->ncols_wanted > 0 && nf != r->ncols_wanted) {
        snprintf(r->msg, r->len, "line %ld: header has %d column%s, expected %d%s", ln, nf, nf == 1 ? "" : "s",
                 r->ncols_wanted,
                 nf < r->ncols_wanted ? ANY_DELIM : "");
        return SHP_ERR_CONFIG;
    }
    if (nf > MAX_COLS) {
        snprintf(r->msg, r->len, "line %ld: more than %d columns", ln, MAX_COLS);
        return SHP_ERR_CONFIG;
    }
    if (set_columns(t, nf) != 0 || !(t->name = calloc((size_t)nf, sizeof *t->name))) return nomem(r);
    for (int j = 0; j < nf; ++j)
        if (!(t->name[j] = strdup(trim(field[j])))) return nomem(r);
    t->header_line = ln;
    r->order_col = -1;
    for (int j = 0; j < nf; ++j) {
        r->skip[j] = r->keep && !r->keep(t->name[j]);
        if (!r->skip[j] && r->order_col < 0) r->order_col = j;
    }
    return SHP_OK;
}

/* A row with nf values where t->ncols are due: say how the line differs from the first
 * (o: another delimiter the line has, or 0). */
static int wrong_count(const reader *r, char o, int nf, long ln)
{
    const shp_csv_table *t = r->t;
    char labels[80] = "", seen[80] = "";
    if (t->ncols == 2 && !t->name) { /* each name its own buffer: both are formatted at once */
        char b0[32], b1[32];
        snprintf(labels, sizeof labels, " (%s, %s)", col_name(t, r->names, 0, b0, sizeof b0),
                 col_name(t, r->names, 1, b1, sizeof b1));
    }
    const int shown = nf > MAX_COLS ? MAX_COLS : nf;
    if (o) snprintf(seen, sizeof seen, "; this line has %s", delim_name(o));
    else if (nf > t->ncols && r->delim == ',' && !t->name)
        snprintf(seen, sizeof seen, " (a decimal comma? the decimal separator is '.')");
    if (ln == r->delim_line) /* the line that set the delimiter: any would have done */
        snprintf(r->msg, r->len, "line %ld: %d value%s, expected %d%s%s", ln, shown, shown == 1 ? "" : "s",
                 t->ncols, labels, *seen ? seen : ANY_DELIM);
    else
        snprintf(r->msg, r->len, "line %ld: %d value%s, expected %d%s separated by %s (as on line %ld)%s", ln,
                 shown, shown == 1 ? "" : "s", t->ncols, labels, delim_name(r->delim), r->delim_line, seen);
    return SHP_ERR_CONFIG;
}

/* One value of a row: a finite number within MAX_ABS, the first column in order. */
static int parse_value(reader *r, char *field, int j, long ln, double *out)
{
    shp_csv_table *t = r->t;
    char buf[32], hint[160];
    double v;
    if (r->skip[j]) {
        *out = NAN;
        return SHP_OK;
    }
    if (parse_field(field, &v) != 0) {
        field_hint(r, field, hint, sizeof hint);
        snprintf(r->msg, r->len, "line %ld: %s is not a number (\"%s\")%s", ln,
                 col_name(t, r->names, j, buf, sizeof buf), trim(field), hint);
        return SHP_ERR_CONFIG;
    }
    if (!isfinite(v)) {
        snprintf(r->msg, r->len, "line %ld: %s is not a finite number (%s)", ln,
                 col_name(t, r->names, j, buf, sizeof buf), trim(field));
        return SHP_ERR_CONFIG;
    }
    if (fabs(v) > MAX_ABS) {
        snprintf(r->msg, r->len, "line %ld: %s = %s is out of range (|value| <= %g)", ln,
                 col_name(t, r->names, j, buf, sizeof buf), trim(field), MAX_ABS);
        return SHP_ERR_CONFIG;
    }
    if (j == r->order_col && !r->any_order && t->m > 0 && !(v > t->col[j][t->m - 1])) {
        snprintf(r->msg, r->len, "line %ld: %s must increase strictly from row to row (%g after %g)",
                 ln, col_name(t, r->names, j, buf, sizeof buf), v, t->col[j][t->m - 1]);
        return SHP_ERR_CONFIG;
    }
    *out = v;
    return SHP_OK;
}

/* One line (not blank, not a comment). */
static int parse_line(reader *r, char *line, long ln)
{
    shp_csv_table *t = r->t;
    const int first = !r->seen;
    r->seen = 1;
    if (first) {
        r->delim = detect_delim(line);
        r->delim_line = ln;
        if (r->delim == DELIM_SPACE) glue_units(line);
    }
    const char o = other_delim(line, r->delim); /* before the split cuts the line */
    int nf = shp_csv_split(line, r->delim, 0, &r->field, &r->field_cap);
    if (nf < 0) return nomem(r); /* without quotes only memory fails */
    if (nf > MAX_COLS) nf = MAX_COLS + 1; /* "more than MAX_COLS" is all the messages say */
    char **field = r->field;
    double v0;
    if (first && parse_field(field[0], &v0) != 0 && !starts_numeric(trim(field[0])))
        return parse_header(r, field, nf, ln);
    if (first) {
        if (r->ncols_wanted <= 0) {
            snprintf(r->msg, r->len, "line %ld: expected a header line naming the columns", ln);
            return SHP_ERR_CONFIG;
        }
        if (set_columns(t, r->ncols_wanted) != 0) return nomem(r);
    }
    if (nf != t->ncols) return wrong_count(r, o, nf, ln);
    if (grow(t, &r->cap) != 0) return nomem(r);
    for (int j = 0; j < nf; ++j) {
        const int rc = parse_value(r, field[j], j, ln, &t->col[j][t->m]);
        if (rc != SHP_OK) return rc;
    }
    t->line[t->m] = ln;
    ++t->m;
    return SHP_OK;
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

int shp_csv_read_table_opt(const char *path, int ncols, const char *const *names,
                           const shp_csv_options *opt, shp_csv_table *t, char *msg, size_t len)
{
    memset(t, 0, sizeof *t);
    shp_csv_lines lr;
    if (shp_csv_lines_open(&lr, path) != 0) {
        snprintf(msg, len, "cannot open: %s", strerror(errno));
        return SHP_ERR_IO;
    }
    reader r = {.ncols_wanted = ncols, .names = names, .any_order = opt && opt->any_order,
                .keep = opt ? opt->keep : NULL, .t = t, .delim = ',', .msg = msg, .len = len};
    int rc = SHP_OK;
    char *s;
    size_t n;
    while (rc == SHP_OK && (s = shp_csv_lines_next(&lr, &n))) {
        if (memchr(s, '\0', n)) { /* would silently end the line early */
            snprintf(msg, len, "line %ld: a NUL byte: not a text file", lr.line);
            rc = SHP_ERR_CONFIG;
            break;
        }
        s = trim(s);
        if (!*s || *s == '#') continue;
        rc = parse_line(&r, s, lr.line);
    }
    if (rc == SHP_OK && ferror(lr.f)) {
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
    free(r.field);
    shp_csv_lines_close(&lr);
    if (rc != SHP_OK) shp_csv_table_free(t);
    return rc;
}

int shp_csv_read_table(const char *path, int ncols, const char *const *names, shp_csv_table *t,
                       char *msg, size_t len)
{
    return shp_csv_read_table_opt(path, ncols, names, NULL, t, msg, len);
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
