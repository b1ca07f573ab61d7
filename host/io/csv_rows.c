/* The one CSV reader (see csv_rows.h). */
#define _POSIX_C_SOURCE 200809L /* getline */
#include "io/csv_rows.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "shpfit/status.h"

/* ------------------------------------------------------------ lines */

int shp_csv_lines_open(shp_csv_lines *l, const char *path)
{
    memset(l, 0, sizeof *l);
    l->f = fopen(path, "r");
    return l->f ? 0 : -1;
}

void shp_csv_lines_text(shp_csv_lines *l, char *text, size_t n)
{
    memset(l, 0, sizeof *l);
    l->buf = text;
    l->got = (ssize_t)n;
}

void shp_csv_lines_close(shp_csv_lines *l)
{
    if (l->f) {
        fclose(l->f);
        free(l->buf);
    }
    memset(l, 0, sizeof *l);
}

/* Old Mac files end lines in a lone CR (the ISMN soil moisture network still writes
 * them): getline's chunks are cut at every CR. */
char *shp_csv_lines_next(shp_csv_lines *l, size_t *n)
{
    if (l->pos >= l->got) {
        if (!l->f) return NULL;
        l->got = getline(&l->buf, &l->cap, l->f);
        l->pos = 0;
        if (l->got <= 0) return NULL;
    }
    char *s = l->buf + l->pos;
    ssize_t e = l->pos;
    while (e < l->got && l->buf[e] != '\n' && l->buf[e] != '\r') ++e;
    *n = (size_t)(e - l->pos);
    ssize_t next = e + 1; /* past the line end; got when there is none (the last line) */
    if (e < l->got && l->buf[e] == '\r' && e + 1 < l->got && l->buf[e + 1] == '\n') ++next;
    if (e < l->got) l->buf[e] = '\0';
    l->pos = next;
    if (++l->line == 1 && *n >= 3 && !strncmp(s, "\xef\xbb\xbf", 3)) { /* a byte-order mark (spreadsheets) */
        s += 3;
        *n -= 3;
    }
    return s;
}

/* ------------------------------------------------------------ fields */

static int is_delim(char c, char delim) { return delim == SHP_CSV_BLANKS ? isspace((unsigned char)c) : c == delim; }

/* A quoted field at s, unquoted in place; *next: past it and its delimiter, or NULL at
 * the end of the line. 0, or −1 for a bad quote. */
static int unquote(char *s, char delim, char **next)
{
    char *out = s, *in = s + 1;
    for (;;) {
        if (!*in) return -1;
        if (*in == '"') {
            if (in[1] != '"') break;
            ++in;
        }
        *out++ = *in++;
    }
    *out = '\0';
    ++in; /* the closing quote */
    if (*in && !is_delim(*in, delim)) return -1;
    *next = *in ? in + 1 : NULL;
    return 0;
}

int shp_csv_split(char *line, char delim, int quotes, char ***field, int *cap)
{
    int n = 0;
    for (char *s = line; s;) {
        if (n == *cap) {
            const int c = *cap ? 2 * *cap : 32;
            char **f = realloc(*field, (size_t)c * sizeof *f);
            if (!f) return -2;
            *field = f;
            *cap = c;
        }
        (*field)[n++] = s;
        if (quotes && *s == '"') {
            if (unquote(s, delim, &s) != 0) return -1;
            continue;
        }
        char *p = s;
        while (*p && !is_delim(*p, delim)) ++p;
        if (!*p) break;
        *p = '\0';
        if (delim == SHP_CSV_BLANKS)
            while (isspace((unsigned char)p[1])) *++p = '\0';
        s = p + 1;
    }
    return n;
}

/* ------------------------------------------------------------ rows of text */

int shp_csv_rows_fail(const shp_csv_rows *r, char *err, size_t len, const char *fmt, ...)
{
    char what[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    snprintf(err, len, "%s: line %ld: %s", r->path, r->in.line, what);
    return SHP_ERR_CONFIG;
}

int shp_csv_rows_open(shp_csv_rows *r, const char *path, char *err, size_t len)
{
    memset(r, 0, sizeof *r);
    r->path = path;
    if (shp_csv_lines_open(&r->in, path) == 0) return SHP_OK;
    r->errnum = errno;
    snprintf(err, len, "%s: cannot read: %s", path, strerror(r->errnum));
    return SHP_ERR_IO;
}

void shp_csv_rows_close(shp_csv_rows *r)
{
    shp_csv_lines_close(&r->in);
    free(r->field);
    r->field = NULL;
    r->cap = 0;
}

int shp_csv_rows_next(shp_csv_rows *r, char *err, size_t len)
{
    char *s;
    size_t n;
    errno = 0;
    while ((s = shp_csv_lines_next(&r->in, &n))) {
        if (memchr(s, '\0', n)) return shp_csv_rows_fail(r, err, len, "a NUL byte: not a text file");
        const char *p = s + strspn(s, " \t");
        if (!*p || *p == '#') continue;
        const int nf = shp_csv_split(s, ',', 1, &r->field, &r->cap);
        if (nf == -2) {
            snprintf(err, len, "out of memory");
            return SHP_ERR_NOMEM;
        }
        if (nf < 0) return shp_csv_rows_fail(r, err, len, "unterminated quoted field");
        return nf;
    }
    if (ferror(r->in.f)) {
        snprintf(err, len, "%s: cannot read: %s", r->path, strerror(errno));
        return SHP_ERR_IO;
    }
    return 0;
}

int shp_csv_rows_header(shp_csv_rows *r, const char *const *want, int n_want, int *pos, char *err, size_t len)
{
    const int nf = shp_csv_rows_next(r, err, len);
    if (nf < 0) return nf;
    if (nf == 0) {
        snprintf(err, len, "%s: no header line", r->path);
        return SHP_ERR_CONFIG;
    }
    for (int k = 0; k < n_want; ++k) {
        pos[k] = -1;
        for (int i = 0; i < nf && pos[k] < 0; ++i)
            if (!strcmp(r->field[i], want[k])) pos[k] = i;
        if (pos[k] < 0) return shp_csv_rows_fail(r, err, len, "the header has no column \"%s\"", want[k]);
    }
    r->n_header = nf;
    return SHP_OK;
}

int shp_csv_rows_record(shp_csv_rows *r, char *err, size_t len)
{
    const int nf = shp_csv_rows_next(r, err, len);
    if (nf > 0 && nf != r->n_header)
        return shp_csv_rows_fail(r, err, len, "%d fields, the header has %d", nf, r->n_header);
    return nf;
}
