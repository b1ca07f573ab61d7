/* Reading HYDRUS input files line by line, as its Fortran reads them (list-directed). */
#define _POSIX_C_SOURCE 200809L /* strtok_r, strncasecmp */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "io/fs.h"
#include "import/hydrus_lines.h"
#include "shpfit/status.h"

int hy_lines_open(hy_lines *f, const char *path, char *err, size_t len)
{
    memset(f, 0, sizeof *f);
    f->path = path;
    f->err = err;
    f->len = len;
    size_t n = 0;
    f->text = shp_file_read_all(path, &n);
    if (!f->text) {
        snprintf(err, len, "%s: cannot read: %s", path, strerror(errno));
        return errno == ENOMEM ? SHP_ERR_NOMEM : SHP_ERR_IO;
    }
    if (memchr(f->text, '\0', n)) {
        snprintf(err, len, "%s: not a text file (it has a NUL byte)", path);
        hy_lines_close(f); /* a failed open holds nothing */
        return SHP_ERR_IO;
    }
    size_t lines = 1;
    for (size_t i = 0; i < n; ++i) lines += f->text[i] == '\n' || f->text[i] == '\r';
    f->line = malloc(lines * sizeof *f->line);
    if (!f->line) {
        snprintf(err, len, "%s: out of memory", path);
        hy_lines_close(f);
        return SHP_ERR_NOMEM;
    }
    char *s = f->text;
    while (*s) {
        f->line[f->n++] = s;
        s += strcspn(s, "\r\n");
        if (*s == '\r' && s[1] == '\n') *s++ = '\0'; /* CRLF: one line end */
        if (*s) *s++ = '\0';
    }
    return SHP_OK;
}

void hy_lines_close(hy_lines *f)
{
    free(f->line);
    free(f->text);
    f->line = NULL;
    f->text = NULL;
}

int hy_fail(hy_lines *f, const char *fmt, ...)
{
    const int at = f->pos > 0 ? f->pos : 1;
    int w = snprintf(f->err, f->len, "%s: line %d: ", f->path, at);
    if (w < 0 || (size_t)w >= f->len) return SHP_ERR_CONFIG;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(f->err + w, f->len - (size_t)w, fmt, ap);
    va_end(ap);
    return SHP_ERR_CONFIG;
}

int hy_lines_version(hy_lines *f)
{
    if (f->n < 1 || strncasecmp(f->line[0], "Pcp_File_Version=", 17) != 0) return 0;
    f->pos = 1;
    return atoi(f->line[0] + 17);
}

int hy_skip(hy_lines *f, const char *what)
{
    if (f->pos >= f->n) return hy_fail(f, "the file ends before %s", what);
    f->pos++;
    return SHP_OK;
}

int hy_fields(hy_lines *f, const char *what, int need, char **tok, int max, int *n)
{
    if (f->pos >= f->n) return hy_fail(f, "the file ends before %s", what);
    char *s = f->line[f->pos++];
    *n = 0;
    for (char *save = NULL, *t = strtok_r(s, " \t,", &save); t && *n < max; t = strtok_r(NULL, " \t,", &save))
        tok[(*n)++] = t;
    if (*n < need)
        return hy_fail(f, "expected %s (%d values), found %d value%s", what, need, *n, *n == 1 ? "" : "s");
    return SHP_OK;
}

int hy_number(hy_lines *f, const char *tok, const char *name, double *v)
{
    char buf[64], *end;
    snprintf(buf, sizeof buf, "%s", tok);
    for (char *c = buf; *c; ++c) /* Fortran's exponent letters */
        if (*c == 'd' || *c == 'D') *c = 'e';
    errno = 0;
    *v = strtod(buf, &end);
    if (end == buf || *end || errno == ERANGE || !isfinite(*v))
        return hy_fail(f, "%s: not a finite number (\"%s\")", name, tok);
    return SHP_OK;
}

int hy_int(hy_lines *f, const char *tok, const char *name, int *v)
{
    double d;
    if (hy_number(f, tok, name, &d) != SHP_OK || d != floor(d) || fabs(d) > 1e9)
        return hy_fail(f, "%s: not an integer (\"%s\")", name, tok);
    *v = (int)d;
    return SHP_OK;
}

int hy_logical(hy_lines *f, const char *tok, const char *name, int *v)
{
    const char *t = tok[0] == '.' ? tok + 1 : tok; /* .true. reads as t */
    const int c = tolower((unsigned char)t[0]);
    if (c != 't' && c != 'f') return hy_fail(f, "%s: not a logical t/f (\"%s\")", name, tok);
    *v = c == 't';
    return SHP_OK;
}
