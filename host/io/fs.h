/* File-system helpers for the writers (host-internal). */
#ifndef SHPFIT_HOST_IO_FS_H
#define SHPFIT_HOST_IO_FS_H

#include <stddef.h>
#include <stdio.h>

/* Create dir and its missing parents (mkdir -p). SHP_OK when it exists as a directory
 * afterwards; SHP_ERR_IO with "PATH: reason" in err otherwise. */
int shp_mkdir_p(const char *dir, char *err, size_t len);

/* "dir/name" into out (truncated to len). */
void shp_path_join(char *out, size_t len, const char *dir, const char *name);

/* The whole file as a new NUL-terminated string of *len bytes; NULL with errno set
 * on failure (ENOMEM, or the system's reason). */
char *shp_file_read_all(const char *path, size_t *len);

/* file named relative to the directory of anchor (a config naming its data files), or
 * file itself when it is absolute or anchor has no directory part. */
void shp_path_beside(const char *anchor, const char *file, char *out, size_t len);

/* fopen(path, "w"), or NULL with "PATH: cannot write: reason" in err. */
FILE *shp_file_create(const char *path, char *err, size_t len);

/* fclose that reports any earlier write error or a failed close: SHP_OK or SHP_ERR_IO
 * with "PATH: write failed: reason". */
int shp_file_close(FILE *f, const char *path, char *err, size_t len);

#endif
