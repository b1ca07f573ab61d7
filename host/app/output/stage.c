/* Result sets written as one (io/stage.h). */
#define _XOPEN_SOURCE 700 /* mkdtemp, kill */
#include "output/stage.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "io/fs.h"
#include "shpfit/status.h"

#define PREFIX ".shpfit-partial-"

struct shp_stage {
    char target[SHP_PATH_MAX];
    char dir[SHP_PATH_MAX];
};

int shp_stage_check_dir(const char *option, const char *dir, size_t longest_name, char *err, size_t len)
{
    const size_t need = strlen(dir) + 1 + SHP_STAGE_PATH_EXTRA + longest_name;
    if (need < SHP_PATH_MAX) return SHP_OK;
    snprintf(err, len, "%s %s: %s (%zu characters; the files written inside it need up to %zu, "
                       "and a path has at most %d)", option, dir, strerror(ENAMETOOLONG), strlen(dir),
             need, SHP_PATH_MAX - 1);
    return SHP_ERR_CONFIG;
}

/* The staging folders of processes that have gone (killed runs): removed. */
static void remove_orphans(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) return;
    char path[SHP_PATH_MAX];
    for (struct dirent *e; (e = readdir(d));) {
        if (strncmp(e->d_name, PREFIX, sizeof PREFIX - 1) != 0) continue;
        char *end;
        const long pid = strtol(e->d_name + sizeof PREFIX - 1, &end, 10);
        if (end == e->d_name + sizeof PREFIX - 1 || *end != '-' || pid <= 0) continue;
        if (kill((pid_t)pid, 0) == 0 || errno != ESRCH) continue; /* alive, or not ours to judge */
        if (shp_path_join(path, sizeof path, dir, e->d_name) == 0) shp_remove_tree(path);
    }
    closedir(d);
}

int shp_stage_begin(const char *dir, shp_stage **out, char *err, size_t len)
{
    *out = NULL;
    const int rc = shp_mkdir_p(dir, err, len);
    if (rc != SHP_OK) return rc;
    remove_orphans(dir);
    shp_stage *st = calloc(1, sizeof *st);
    if (!st) {
        snprintf(err, len, "out of memory");
        return SHP_ERR_NOMEM;
    }
    char name[64];
    snprintf(name, sizeof name, PREFIX "%ld-XXXXXX", (long)getpid());
    if (snprintf(st->target, sizeof st->target, "%s", dir) >= (int)sizeof st->target ||
        shp_path_join(st->dir, sizeof st->dir, dir, name) != 0) {
        free(st);
        return shp_path_too_long(dir, name, err, len);
    }
    if (!mkdtemp(st->dir)) {
        snprintf(err, len, "%s: cannot create a folder for the results: %s", dir, strerror(errno));
        free(st);
        return SHP_ERR_IO;
    }
    *out = st;
    return SHP_OK;
}

const char *shp_stage_dir(const shp_stage *st) { return st->dir; }


static int is_json(const char *name)
{
    const size_t n = strlen(name);
    return n >= 5 && !strcmp(name + n - 5, ".json");
}

/* Summaries (.json) after everything else; by name otherwise, so the order is fixed. */
static int cmp_names(const void *a, const void *b)
{
    const char *x = *(const char *const *)a, *y = *(const char *const *)b;
    const int jx = is_json(x), jy = is_json(y);
    return jx != jy ? jx - jy : strcmp(x, y);
}

/* The entries of dir (without . and ..), sorted; NULL with errno on failure. */
static char **entries(const char *dir, int *n)
{
    DIR *d = opendir(dir);
    if (!d) return NULL;
    int cap = 16, m = 0;
    char **v = malloc((size_t)cap * sizeof *v);
    for (struct dirent *e; v && (e = readdir(d));) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        if (m == cap) {
            char **nv = realloc(v, (size_t)(cap *= 2) * sizeof *nv);
            if (!nv) break;
            v = nv;
        }
        if (!(v[m] = strdup(e->d_name))) break;
        ++m;
    }
    closedir(d);
    if (v) qsort(v, (size_t)m, sizeof *v, cmp_names);
    *n = m;
    return v;
}

static void free_entries(char **v, int n)
{
    for (int i = 0; i < n; ++i) free(v[i]);
    free(v);
}

/* Move the entries of src into dst: files replace, folders merge. */
static int move_all(const char *src, const char *dst, char *err, size_t len)
{
    int n = 0;
    char **names = entries(src, &n);
    if (!names) {
        snprintf(err, len, "%s: cannot list: %s", src, strerror(errno));
        return SHP_ERR_IO;
    }
    char from[SHP_PATH_MAX], to[SHP_PATH_MAX];
    int rc = SHP_OK;
    for (int i = 0; i < n && rc == SHP_OK; ++i) {
        if (shp_path_join(from, sizeof from, src, names[i]) || shp_path_join(to, sizeof to, dst, names[i])) {
            rc = shp_path_too_long(dst, names[i], err, len);
            break;
        }
        struct stat a, b;
        if (lstat(from, &a) == 0 && S_ISDIR(a.st_mode) && stat(to, &b) == 0 && S_ISDIR(b.st_mode)) {
            rc = move_all(from, to, err, len);
            if (rc == SHP_OK) rmdir(from);
        } else if (rename(from, to) != 0) {
            snprintf(err, len, "%s: cannot put the result in place: %s", to, strerror(errno));
            rc = SHP_ERR_IO;
        }
    }
    free_entries(names, n);
    return rc;
}

/* Make the renames durable: the directory's own entries reach the disk. */
static void sync_dir(const char *dir)
{
    const int fd = open(dir, O_RDONLY | O_DIRECTORY);
    if (fd < 0) return;
    fsync(fd);
    close(fd);
}

int shp_stage_commit(shp_stage *st, const char *const *replaces, char *err, size_t len)
{
    /* which of `replaces` this set has, before its files leave the staging folder */
    int n_rep = 0, rc = SHP_OK;
    while (replaces && replaces[n_rep]) ++n_rep;
    char *stale = calloc((size_t)n_rep + 1, 1);
    char path[SHP_PATH_MAX];
    if (!stale) {
        snprintf(err, len, "out of memory");
        rc = SHP_ERR_NOMEM;
    }
    for (int i = 0; i < n_rep && rc == SHP_OK; ++i) {
        struct stat s;
        if (shp_path_join(path, sizeof path, st->dir, replaces[i]) != 0)
            rc = shp_path_too_long(st->target, replaces[i], err, len);
        else
            stale[i] = lstat(path, &s) != 0;
    }
    if (rc == SHP_OK) rc = move_all(st->dir, st->target, err, len);
    for (int i = 0; i < n_rep && rc == SHP_OK; ++i) {
        if (!stale[i]) continue;
        if (shp_path_join(path, sizeof path, st->target, replaces[i]) != 0) {
            rc = shp_path_too_long(st->target, replaces[i], err, len);
        } else if (unlink(path) != 0 && errno != ENOENT) {
            snprintf(err, len, "%s: cannot remove the stale file: %s", path, strerror(errno));
            rc = SHP_ERR_IO;
        }
    }
    free(stale);
    if (rc == SHP_OK) sync_dir(st->target);
    shp_stage_abort(st);
    return rc;
}

void shp_names_add(shp_names *l, const char *fmt, ...)
{
    if (l->failed) return;
    if (l->n + 1 >= l->cap) { /* room for the terminating NULL */
        const int cap = l->cap ? 2 * l->cap : 16;
        char **nn = realloc(l->name, (size_t)cap * sizeof *nn);
        if (!nn) {
            l->failed = 1;
            return;
        }
        l->name = nn;
        l->cap = cap;
    }
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (!(l->name[l->n] = strdup(buf))) {
        l->failed = 1;
        return;
    }
    l->name[++l->n] = NULL;
}

void shp_names_free(shp_names *l)
{
    for (int i = 0; i < l->n; ++i) free(l->name[i]);
    free(l->name);
    memset(l, 0, sizeof *l);
}

int shp_stage_commit_plotted(shp_stage *st, const shp_names *replaces, int plot_rc, const char *plot_err,
                             const char *what, char *err, size_t len)
{
    if (replaces->failed) {
        shp_stage_abort(st);
        snprintf(err, len, "out of memory");
        return SHP_ERR_NOMEM;
    }
    const int rc = shp_stage_commit(st, (const char *const *)replaces->name, err, len);
    if (rc != SHP_OK || plot_rc == SHP_OK) return rc;
    snprintf(err, len, "%s (%s are complete)", plot_err && *plot_err ? plot_err : "plots failed", what);
    return plot_rc;
}

void shp_stage_abort(shp_stage *st)
{
    if (!st) return;
    shp_remove_tree(st->dir);
    free(st);
}
