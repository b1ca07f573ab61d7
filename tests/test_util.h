/* Helpers the end-to-end tests share: temporary directories, running ../build/shpfit
 * through the shell, reading files back. Tests run from tests/ (make test does). */
#ifndef SHPFIT_TESTS_TEST_UTIL_H
#define SHPFIT_TESTS_TEST_UTIL_H

#include <criterion/criterion.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#define SHPFIT "../build/shpfit"

char *mkdtemp(char *templ); /* POSIX; declared here so the includer's feature macros do not matter */

/* A new directory /tmp/shpfit-<tag>-XXXXXX in buf. */
static inline void tu_make_tmp(char *buf, size_t len, const char *tag)
{
    snprintf(buf, len, "/tmp/shpfit-%s-XXXXXX", tag);
    cr_assert_not_null(mkdtemp(buf), "mkdtemp %s", buf);
}

/* Remove a directory made by tu_make_tmp. */
static inline void tu_remove_tree(const char *dir)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    cr_expect_eq(system(cmd), 0);
}

/* Run a shell command; its exit code (−1 when it did not exit normally). */
static inline int tu_run(const char *fmt, ...)
{
    char cmd[4096];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cmd, sizeof cmd, fmt, ap);
    va_end(ap);
    const int st = system(cmd);
    return st != -1 && WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* The whole file as a new string, or NULL. */
static inline char *tu_slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    const long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)(n > 0 ? n : 0) + 1);
    const size_t got = buf && n > 0 ? fread(buf, 1, (size_t)n, f) : 0;
    if (buf) buf[got] = '\0';
    fclose(f);
    return buf;
}

/* "dir/name" in a static buffer (valid until the next call). */
static inline char *tu_file_in(const char *dir, const char *name)
{
    static char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return path;
}

static inline int tu_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

#endif
