/* mkdir -p, path joining and checked file creation (see fs.h). */
#define _POSIX_C_SOURCE 200809L
#include "io/fs.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "shpfit/status.h"

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

int shp_mkdir_p(const char *dir, char *err, size_t len)
{
    char p[4096];
    const size_t n = strlen(dir);
    if (n == 0 || n >= sizeof p) {
        snprintf(err, len, "%s: invalid directory name", dir);
        return SHP_ERR_IO;
    }
    memcpy(p, dir, n + 1);
    /* each prefix ending before a '/', then the whole path; EEXIST is fine only for a directory */
    for (size_t i = 1; i <= n; ++i) {
        if (p[i] != '/' && p[i] != '\0') continue;
        const char saved = p[i];
        p[i] = '\0';
        if (mkdir(p, 0777) != 0 && !(errno == EEXIST && is_dir(p))) {
            const int e = errno;
            snprintf(err, len, "%s: cannot create directory: %s", p,
                     e == EEXIST ? "a file of that name exists" : strerror(e));
            return SHP_ERR_IO;
        }
        p[i] = saved;
    }
    return SHP_OK;
}

void shp_path_join(char *out, size_t len, const char *dir, const char *name)
{
    const size_t n = strlen(dir);
    snprintf(out, len, "%s%s%s", dir, n && dir[n - 1] == '/' ? "" : "/", name);
}

FILE *shp_file_create(const char *path, char *err, size_t len)
{
    FILE *f = fopen(path, "w");
    if (!f) snprintf(err, len, "%s: cannot write: %s", path, strerror(errno));
    return f;
}

int shp_file_close(FILE *f, const char *path, char *err, size_t len)
{
    const int bad = ferror(f);
    if (fclose(f) != 0 || bad) {
        snprintf(err, len, "%s: write failed: %s", path, strerror(errno));
        return SHP_ERR_IO;
    }
    return SHP_OK;
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

void shp_path_beside(const char *anchor, const char *file, char *out, size_t len)
{
    const char *slash = strrchr(anchor, '/');
    if (file[0] == '/' || !slash) snprintf(out, len, "%s", file);
    else snprintf(out, len, "%.*s/%s", (int)(slash - anchor), anchor, file);
}
