/* mkdir -p, path joining, whole-or-nothing file writes (see fs.h). */
#define _XOPEN_SOURCE 700 /* nftw, fdatasync */
#include "io/fs.h"

#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "shpfit/status.h"

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

int shp_mkdir_p(const char *dir, char *err, size_t len)
{
    const size_t n = strlen(dir);
    if (n == 0) {
        snprintf(err, len, "an empty directory name");
        return SHP_ERR_IO;
    }
    char *p = malloc(n + 1);
    if (!p) {
        snprintf(err, len, "%s: out of memory", dir);
        return SHP_ERR_NOMEM;
    }
    memcpy(p, dir, n + 1);
    /* each prefix ending before a '/', then the whole path; EEXIST is fine only for a directory */
    int rc = SHP_OK;
    for (size_t i = 1; i <= n && rc == SHP_OK; ++i) {
        if (p[i] != '/' && p[i] != '\0') continue;
        const char saved = p[i];
        p[i] = '\0';
        if (mkdir(p, 0777) != 0 && !(errno == EEXIST && is_dir(p))) {
            const int e = errno;
            snprintf(err, len, "%s: cannot create directory: %s", p,
                     e == EEXIST ? "a file of that name exists" : strerror(e));
            rc = SHP_ERR_IO;
        }
        p[i] = saved;
    }
    free(p);
    return rc;
}

int shp_path_join(char *out, size_t len, const char *dir, const char *name)
{
    const size_t n = strlen(dir);
    const int w = snprintf(out, len, "%s%s%s", dir, n && dir[n - 1] == '/' ? "" : "/", name);
    return w >= 0 && (size_t)w < len ? 0 : -1;
}

int shp_path_beside(const char *anchor, const char *file, char *out, size_t len)
{
    const char *slash = strrchr(anchor, '/');
    const int w = file[0] == '/' || !slash ? snprintf(out, len, "%s", file)
                                           : snprintf(out, len, "%.*s/%s", (int)(slash - anchor), anchor, file);
    return w >= 0 && (size_t)w < len ? 0 : -1;
}

int shp_path_too_long(const char *dir, const char *name, char *err, size_t len)
{
    snprintf(err, len, "%s/%s: %s", dir, name, strerror(ENAMETOOLONG));
    return SHP_ERR_IO;
}

/* The temporary of a destination: PATH.part-PID (one writer per process and path). */
static int part_name(char *out, size_t len, const char *path)
{
    const int w = snprintf(out, len, "%s.part-%ld", path, (long)getpid());
    return w >= 0 && (size_t)w < len ? 0 : -1;
}

FILE *shp_file_create(const char *path, char *err, size_t len)
{
    char part[SHP_PATH_MAX];
    if (part_name(part, sizeof part, path) != 0) {
        snprintf(err, len, "%s: cannot write: %s", path, strerror(ENAMETOOLONG));
        return NULL;
    }
    FILE *f = fopen(part, "w");
    if (!f) snprintf(err, len, "%s: cannot write: %s", path, strerror(errno));
    return f;
}

FILE *shp_file_create_in(const char *dir, const char *name, char *path, size_t plen, char *err, size_t len)
{
    if (shp_path_join(path, plen, dir, name) != 0) {
        shp_path_too_long(dir, name, err, len);
        return NULL;
    }
    return shp_file_create(path, err, len);
}

int shp_file_close(FILE *f, const char *path, char *err, size_t len)
{
    char part[SHP_PATH_MAX];
    const int named = part_name(part, sizeof part, path) == 0;
    /* fflush reports a full disk; fdatasync the data of a file being renamed into place
     * (otherwise a crash could leave the new name on empty blocks) */
    int bad = ferror(f) || fflush(f) != 0;
    int e = bad ? errno : 0;
    if (!bad && fdatasync(fileno(f)) != 0 && errno != EINVAL && errno != EROFS) {
        bad = 1;
        e = errno;
    }
    if (fclose(f) != 0 && !bad) {
        bad = 1;
        e = errno;
    }
    if (!bad && named && rename(part, path) != 0) {
        bad = 1;
        e = errno;
    }
    if (bad) {
        if (named) unlink(part);
        snprintf(err, len, "%s: write failed: %s", path, strerror(e ? e : EIO));
        return SHP_ERR_IO;
    }
    return SHP_OK;
}

void shp_file_discard(FILE *f, const char *path)
{
    char part[SHP_PATH_MAX];
    fclose(f);
    if (part_name(part, sizeof part, path) == 0) unlink(part);
}

static int remove_entry(const char *p, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    return remove(p);
}

int shp_remove_tree(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0) return errno == ENOENT ? 0 : -1;
    if (!S_ISDIR(st.st_mode)) return unlink(path);
    return nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

char *shp_file_read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 4096, n = 0;
    int err = 0;
    char *buf = malloc(cap);
    while (buf) {
        if (n + 1 >= cap) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) {
                free(buf);
                buf = NULL;
                err = ENOMEM;
                break;
            }
            buf = nb;
        }
        const size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0) {
            if (ferror(f)) { /* e.g. EISDIR: keep fread's reason for the message */
                err = errno ? errno : EIO;
                free(buf);
                buf = NULL;
            }
            break;
        }
    }
    fclose(f);
    if (!buf && err) errno = err;
    if (buf) {
        buf[n] = '\0';
        *len = n;
    }
    return buf;
}
