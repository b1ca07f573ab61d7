/* Two-column numeric CSV files such as an initial profile "depth,h" (host-internal). */
#ifndef SHPFIT_HOST_IO_CSV_PAIRS_H
#define SHPFIT_HOST_IO_CSV_PAIRS_H

#include <stddef.h>

/* Read rows "x,y" from path into new arrays x, y (m ≥ 1 rows). Blank lines and lines
 * starting with '#' are skipped; the first other line may be a header (its first field
 * is not a number). Every value must be a finite number and x strictly increasing.
 * Returns SHP_OK; SHP_ERR_IO when the file cannot be read; SHP_ERR_CONFIG for bad
 * content. On failure msg holds "line N: problem" (or the system's reason), using
 * names[0], names[1] for the two columns. */
int shp_csv_read_pairs(const char *path, const char *const names[2], double **x, double **y,
                       int *m, char *msg, size_t len);

#endif
