/* File-system helpers for the readers and writers (host-internal).
 *
 * Every file shpfit writes is written whole or not at all: shp_file_create opens a
 * temporary beside the destination (PATH.part-PID) and shp_file_close renames it into
 * place only when every byte reached the disk, so a failed or killed run never leaves
 * a truncated file under a result's name. */
#ifndef SHPFIT_HOST_IO_FS_H
#define SHPFIT_HOST_IO_FS_H

#include <stddef.h>
#include <stdio.h>

/* Longest path the system accepts (Linux PATH_MAX, terminating NUL included): every
 * path buffer of the readers and writers has this size. */
#define SHP_PATH_MAX 4096

/* Room for a message that quotes up to two paths of SHP_PATH_MAX and keeps the reason
 * after them: the size of every message buffer that may hold a path. */
#define SHP_MSG_MAX (3 * SHP_PATH_MAX)

/* Create dir and its missing parents (mkdir -p). SHP_OK when it exists as a directory
 * afterwards; SHP_ERR_IO with "PATH: cannot create directory: reason" in err otherwise. */
int shp_mkdir_p(const char *dir, char *err, size_t len);

/* "dir/name" into out. 0, or −1 when it does not fit in len (nothing useful in out):
 * report it with shp_path_too_long. */
int shp_path_join(char *out, size_t len, const char *dir, const char *name)
    __attribute__((warn_unused_result));

/* file named relative to the directory of anchor (a config naming its data files), or
 * file itself when it is absolute or anchor has no directory part. 0 or −1 as above. */
int shp_path_beside(const char *anchor, const char *file, char *out, size_t len)
    __attribute__((warn_unused_result));

/* "DIR/NAME: File name too long" in err; returns SHP_ERR_IO. */
int shp_path_too_long(const char *dir, const char *name, char *err, size_t len);

/* The whole file as a new NUL-terminated string of *len bytes; NULL with errno set
 * on failure (ENOMEM, or the system's reason). */
char *shp_file_read_all(const char *path, size_t *len);

/* Open a new file that will become `path` when shp_file_close succeeds; NULL with
 * "PATH: cannot write: reason" in err. Pair every successful call with
 * shp_file_close or shp_file_discard. */
FILE *shp_file_create(const char *path, char *err, size_t len);

/* shp_file_create of dir/name; the joined path (for shp_file_close) into path (plen
 * bytes). NULL with a message when it is too long or cannot be made. */
FILE *shp_file_create_in(const char *dir, const char *name, char *path, size_t plen, char *err, size_t len);

/* Flush f to the disk, close it and rename it into place: SHP_OK, or SHP_ERR_IO with
 * "PATH: write failed: reason" (an earlier write error, a full disk, a failed close or
 * rename). On failure the temporary is removed and path is left as it was. */
int shp_file_close(FILE *f, const char *path, char *err, size_t len);

/* Abandon a file of shp_file_create: close it and remove its temporary. */
void shp_file_discard(FILE *f, const char *path);

/* rm -rf path (a file or a directory tree); 0, or −1 with errno of the first failure. */
int shp_remove_tree(const char *path);

#endif
