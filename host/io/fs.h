/* File-system helpers for the writers (host-internal). */
#ifndef SHPFIT_HOST_IO_FS_H
#define SHPFIT_HOST_IO_FS_H

#include <stddef.h>

/* Create dir and its missing parents (mkdir -p). SHP_OK when it exists as a directory
 * afterwards; SHP_ERR_IO with "PATH: reason" in err otherwise. */
int shp_mkdir_p(const char *dir, char *err, size_t len);

/* "dir/name" into out (truncated to len). */
void shp_path_join(char *out, size_t len, const char *dir, const char *name);

#endif
