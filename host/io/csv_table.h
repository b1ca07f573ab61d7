/* Numeric CSV tables: an initial profile "depth,h", observation series "time,Q",
 * "time,theta_at_10cm,theta_at_20cm", measured curves "suction;theta" (host-internal).
 * Strict, because a silently skipped or misread row changes every result downstream.
 *
 * The values are separated by commas, semicolons, tabs or runs of whitespace, as the
 * first line that is neither blank nor a comment has them (a comma if it has one, else
 * ';', else a tab, else whitespace), and every later line must use the same; the
 * decimal separator is '.'. Lines end in "\n", "\r\n" or a lone "\r" (read and split as
 * io/csv_rows.h reads them). */
#ifndef SHPFIT_HOST_IO_CSV_TABLE_H
#define SHPFIT_HOST_IO_CSV_TABLE_H

#include <stddef.h>

/* A table read from a file: ncols columns of m rows, column-major (col[j][i]), and the
 * header's names (NULL when the file had no header). */
typedef struct {
    int ncols, m;
    double **col;
    char **name;
    long *line; /* m: the file's line number of each row, for messages */
    long header_line; /* the header's line number, 0 when none */
} shp_csv_table;

/* What a caller relaxes of the rules below (zero: none). */
typedef struct {
    int any_order; /* the first column in any order, repeats allowed: the replicate points
                    * of a measured curve; otherwise it must increase strictly */
    /* Columns to read from a file with a header (NULL: all): a column whose name it
     * rejects is not parsed (its values are NaN, text allowed), and the order rule
     * applies to the first column it keeps. For tables with text columns beside the
     * numbers, as a station's forcing with its dates. */
    int (*keep)(const char *name);
} shp_csv_options;

/* Read a table. Blank lines and lines starting with '#' are skipped; the first other
 * line is a header when its first field is not a number and does not begin with a
 * digit (required when ncols ≤ 0: the header then fixes the number of columns). Every
 * row has the same number of fields, every value is a finite number, the first column
 * increases strictly, m ≥ 1. In a header separated by whitespace a unit after a space
 * stays with its name ("h [cm]").
 * names (may be NULL) label the columns in messages when the file has no header.
 * Returns SHP_OK; SHP_ERR_IO when the file cannot be read; SHP_ERR_CONFIG for bad
 * content with "line N: problem" in msg; SHP_ERR_NOMEM. */
int shp_csv_read_table(const char *path, int ncols, const char *const *names, shp_csv_table *t,
                       char *msg, size_t len);

/* The same under options opt (NULL: shp_csv_read_table's rules). */
int shp_csv_read_table_opt(const char *path, int ncols, const char *const *names,
                           const shp_csv_options *opt, shp_csv_table *t, char *msg, size_t len);

void shp_csv_table_free(shp_csv_table *t);

/* Two columns "x,y" into new arrays x, y (the previous interface, kept for the initial
 * profile): as shp_csv_read_table with ncols = 2. */
int shp_csv_read_pairs(const char *path, const char *const names[2], double **x, double **y,
                       int *m, char *msg, size_t len);

#endif
