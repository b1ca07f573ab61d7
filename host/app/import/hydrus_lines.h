/* A HYDRUS input file as numbered lines, read the way Fortran's list-directed READ reads
 * records: one line at a time, values separated by blanks or commas (host-internal). */
#ifndef SHPFIT_HOST_IO_HYDRUS_LINES_H
#define SHPFIT_HOST_IO_HYDRUS_LINES_H

#include <stddef.h>

typedef struct {
    const char *path;
    char *text;   /* the file, with every line end replaced by NUL */
    char **line;
    int n, pos;   /* lines, and the next one to read (0-based) */
    char *err;
    size_t len;
} hy_lines;

/* Load path: SHP_OK, SHP_ERR_IO or SHP_ERR_NOMEM with the message in err (then f holds
 * nothing; closing it is harmless). LF, CRLF and lone CR all end a line. */
int hy_lines_open(hy_lines *f, const char *path, char *err, size_t len);
void hy_lines_close(hy_lines *f);

/* "Pcp_File_Version=N" on the first line: N (and that line is skipped), else 0. */
int hy_lines_version(hy_lines *f);

/* Skip one line (a header); SHP_ERR_CONFIG at the end of the file, naming what. */
int hy_skip(hy_lines *f, const char *what);

/* Read the next line's fields into tok (at most max, split at blanks and commas):
 * their count in *n. At least need fields, or SHP_ERR_CONFIG naming what. */
int hy_fields(hy_lines *f, const char *what, int need, char **tok, int max, int *n);

/* One field as a number / integer / Fortran logical (t, f, .true., .false.), or
 * SHP_ERR_CONFIG naming the field and the line just read. */
int hy_number(hy_lines *f, const char *tok, const char *name, double *v);
int hy_int(hy_lines *f, const char *tok, const char *name, int *v);
int hy_logical(hy_lines *f, const char *tok, const char *name, int *v);

/* "PATH: line N: " + message into f->err; returns SHP_ERR_CONFIG. N is the line just
 * read (the last one when at the end). */
int hy_fail(hy_lines *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
