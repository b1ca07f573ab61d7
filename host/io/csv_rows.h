/* The one CSV reader (host-internal): a file's lines (ended by "\n", "\r\n" or a lone
 * "\r"), split into fields, and on top of them rows of text fields under a header of
 * named columns, as the campaign logs, the paper's tables and the plot series are read.
 * The numeric tables of csv_table.h are read with the same lines and the same split. */
#ifndef SHPFIT_HOST_IO_CSV_ROWS_H
#define SHPFIT_HOST_IO_CSV_ROWS_H

#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

/* ------------------------------------------------------------ lines */

typedef struct {
    FILE *f;          /* NULL: the lines of a text in memory */
    char *buf;
    size_t cap;
    ssize_t got, pos; /* bytes in buf, and where the next line starts */
    long line;        /* the number of the line last returned */
} shp_csv_lines;

/* 0, or −1 with errno set. */
int shp_csv_lines_open(shp_csv_lines *l, const char *path);
/* The lines of text (n bytes, the caller's, cut in place) instead of a file's. */
void shp_csv_lines_text(shp_csv_lines *l, char *text, size_t n);
/* The next line, NUL-terminated in place without its end (a UTF-8 byte-order mark on
 * the first line dropped), its length in *n (it may hold NUL bytes); NULL at the end of
 * the file or on a read error (ferror(l->f)). */
char *shp_csv_lines_next(shp_csv_lines *l, size_t *n);
void shp_csv_lines_close(shp_csv_lines *l);

/* ------------------------------------------------------------ fields */

/* The delimiter that stands for runs of blanks (spaces and tabs). */
#define SHP_CSV_BLANKS ' '

/* Split line in place at delim; with quotes, a field that starts with '"' may hold
 * delim and "" for a quote. *field grows as needed (*cap its size; the caller frees
 * it). Returns the field count; −1: an unterminated quote or text after a closing one;
 * −2: out of memory. */
int shp_csv_split(char *line, char delim, int quotes, char ***field, int *cap);

/* ------------------------------------------------------------ rows of text */

/* Comma-separated rows, quotes allowed; lines that are blank or start with '#' (after
 * blanks) are skipped. Messages name the file: "PATH: line N: problem". */
typedef struct {
    shp_csv_lines in;
    const char *path;
    char **field; /* the current row's fields */
    int cap;
    int n_header; /* the header's field count (shp_csv_rows_header), else 0 */
    int errnum;   /* errno of a failed open */
} shp_csv_rows;

/* SHP_OK, or SHP_ERR_IO ("PATH: cannot read: why", errno kept in r->errnum). */
int shp_csv_rows_open(shp_csv_rows *r, const char *path, char *err, size_t len);
void shp_csv_rows_close(shp_csv_rows *r);

/* The next row into r->field: its field count, 0 at the end of the file, or a negative
 * status: SHP_ERR_CONFIG (a NUL byte, a bad quote), SHP_ERR_IO, SHP_ERR_NOMEM. */
int shp_csv_rows_next(shp_csv_rows *r, char *err, size_t len);

/* The first row as the header: pos[k] = the column named want[k] (every one must be
 * there). SHP_OK, or SHP_ERR_CONFIG ("no header line", "the header has no column").
 * pos may be NULL with n_want 0. */
int shp_csv_rows_header(shp_csv_rows *r, const char *const *want, int n_want, int *pos, char *err, size_t len);

/* The next row after the header, with as many fields as it: as shp_csv_rows_next. */
int shp_csv_rows_record(shp_csv_rows *r, char *err, size_t len);

/* "PATH: line N: " + a message; returns SHP_ERR_CONFIG. */
int shp_csv_rows_fail(const shp_csv_rows *r, char *err, size_t len, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

#endif
