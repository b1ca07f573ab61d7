/* Scratch directory, fixtures and multi-file inputs of the fuzz targets (fuzz_util.h). */
#define _XOPEN_SOURCE 700 /* nftw, mkdtemp, setenv */
#include "fuzz_util.h"

#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[512];

static void die(const char *what, const char *path)
{
    fprintf(stderr, "shpfit fuzz: %s %s: %s\n", what, path, strerror(errno));
    exit(1);
}

static int remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st, (void)flag, (void)ftw;
    remove(path);
    return 0;
}

static void cleanup(void)
{
    if (dir[0]) nftw(dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

void fz_init(const char *target)
{
    /* memory, not a disk: rewriting a file thousands of times a second on ext4 waits for
     * the disk (its flush on replace) and cuts the executions tenfold */
    const char *tmp = getenv("TMPDIR");
    if (!tmp || !*tmp) tmp = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
    snprintf(dir, sizeof dir, "%s/shpfit-fuzz-%s-XXXXXX", tmp, target);
    if (!mkdtemp(dir)) die("cannot create", dir);
    atexit(cleanup);
    /* what the library itself puts in $TMPDIR (the campaign loader's check of its cases)
     * lands here too, in memory and removed with the rest */
    if (setenv("TMPDIR", dir, 1) != 0) die("cannot set TMPDIR to", dir);
}

/* The harness's own helpers, not the library's: what is under test should not also
 * build the test's files. */
static void join(char *out, size_t len, const char *a, const char *b)
{
    if ((size_t)snprintf(out, len, "%s/%s", a, b) >= len) {
        errno = ENAMETOOLONG;
        die("path too long:", b);
    }
}

void fz_path(char *out, size_t len, const char *rel) { join(out, len, dir, rel); }

char *fz_slurp(const char *repo_rel, size_t *n)
{
    const char *root = getenv("SHPFIT_FUZZ_ROOT");
    char path[1024];
    join(path, sizeof path, root && *root ? root : ".", repo_rel);
    FILE *f = fopen(path, "rb");
    char *text = NULL;
    long size = -1;
    if (f && fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
        (text = malloc((size_t)size + 1)) && fread(text, 1, (size_t)size, f) == (size_t)size) {
        fclose(f);
        text[size] = '\0';
        *n = (size_t)size;
        return text;
    }
    die("cannot read fixture", path);
    return NULL;
}

/* mkdir -p of the folders above a file in the scratch directory */
static void make_parents(char *path)
{
    for (char *p = path + strlen(dir) + 1; (p = strchr(p, '/')); ++p) {
        *p = '\0';
        const int bad = mkdir(path, 0700) != 0 && errno != EEXIST;
        *p = '/';
        if (bad) die("cannot create folder for", path);
    }
}

void fz_write(const char *rel, const void *data, size_t n, char *out, size_t len)
{
    char path[1024];
    fz_path(path, sizeof path, rel);
    make_parents(path);
    FILE *f = fopen(path, "wb");
    if (!f || (n && fwrite(data, 1, n, f) != n) || fclose(f) != 0) die("cannot write", path);
    if (out) snprintf(out, len, "%s", path);
}

void fz_write_config(const uint8_t *data, size_t size, char *cfg, size_t len)
{
    fz_part part[FZ_MAX_PARTS];
    const int n = fz_split(data, size, part);
    fz_write("config.json", part[0].data, part[0].size, cfg, len);
    static const char *const extra[] = {"f1.csv", "f2.csv", "f3.csv"};
    for (int k = 0; k < 3; ++k)
        if (k + 1 < n) fz_write(extra[k], part[k + 1].data, part[k + 1].size, NULL, 0);
        else fz_remove(extra[k]);
}

void fz_copy(const char *repo_rel, const char *dest)
{
    size_t n = 0;
    char *text = fz_slurp(repo_rel, &n);
    fz_write(dest, text, n, NULL, 0);
    free(text);
}

void fz_remove(const char *rel)
{
    char path[1024];
    fz_path(path, sizeof path, rel);
    if (remove(path) != 0 && errno != ENOENT) die("cannot remove", path);
}

int fz_split(const uint8_t *data, size_t size, fz_part *parts)
{
    const size_t sep = strlen(FZ_SEP);
    if (!size) { /* libFuzzer may pass NULL: no pointer arithmetic on it */
        parts[0] = (fz_part){(const uint8_t *)"", 0};
        return 1;
    }
    int n = 0;
    size_t start = 0;
    for (size_t i = 0; n + 1 < FZ_MAX_PARTS && i + sep <= size; ++i)
        if (!memcmp(data + i, FZ_SEP, sep)) {
            parts[n++] = (fz_part){data + start, i - start};
            start = i + sep;
            i = start - 1;
        }
    parts[n++] = (fz_part){data + start, size - start};
    return n;
}

void fz_said(const char *call, int rc, const char *err)
{
    static int verbose = -1;
    if (verbose < 0) verbose = getenv("SHPFIT_FUZZ_VERBOSE") != NULL;
    if (verbose) fprintf(stderr, "%s: %d: %s\n", call, rc, rc ? err : "ok");
}

void fz_clear(const char *rel)
{
    char path[1024];
    fz_path(path, sizeof path, rel);
    if (nftw(path, remove_one, 16, FTW_DEPTH | FTW_PHYS) != 0 && errno != ENOENT) die("cannot remove", path);
}

void fz_link(const char *target, const char *rel)
{
    char to[1024], from[1024];
    fz_path(to, sizeof to, target);
    fz_path(from, sizeof from, rel);
    make_parents(from);
    if (symlink(to, from) != 0) die("cannot link", from);
}
