/* Helpers the end-to-end tests share: temporary directories, running the program
 * through the shell, reading files back. Tests run from tests/ (make test does). */
#ifndef SHPFIT_TESTS_TEST_UTIL_H
#define SHPFIT_TESTS_TEST_UTIL_H

#include <criterion/criterion.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

/* The program under test, for command lines run by the shell (tu_run, system): the shell
 * expands $SHPFIT_BIN, so `make test-sanitize` can point the suite at its sanitized build
 * without recompiling; unset or empty, it is ../build/shpfit as before. */
#define SHPFIT "\"${SHPFIT_BIN:-../build/shpfit}\""

char *mkdtemp(char *templ); /* POSIX; declared here so the includer's feature macros do not matter */
char *strtok_r(char *str, const char *delim, char **save); /* POSIX, likewise */

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

/* Lines of a file (its newlines), or −1 when it cannot be read. */
static inline int tu_count_lines(const char *path)
{
    char *s = tu_slurp(path);
    if (!s) return -1;
    int n = 0;
    for (char *p = s; *p; ++p) n += *p == '\n';
    free(s);
    return n;
}

/* Split a CSV line in place at commas, empty fields kept; returns the field count. */
static inline int tu_csv_split(char *line, char **field, int max)
{
    int n = 0;
    for (char *p = line, *t; p && n < max; p = t) {
        t = strchr(p, ',');
        if (t) *t++ = '\0';
        field[n++] = p;
    }
    return n;
}

/* The value in column col of the last row of a CSV (header first) whose "case" and
 * "variant" columns are cs and variant; NAN when there is none or the field is empty.
 * Every row must have the header's field count. */
static inline double tu_csv_value(const char *path, const char *cs, const char *variant, const char *col)
{
    char *text = tu_slurp(path);
    cr_assert_not_null(text, "cannot read %s", path);
    char *save = NULL, *line = strtok_r(text, "\r\n", &save);
    char *names[256];
    const int n = line ? tu_csv_split(line, names, 256) : 0;
    int icol = -1, icase = -1, ivar = -1;
    for (int i = 0; i < n; ++i) {
        if (!strcmp(names[i], col)) icol = i;
        if (!strcmp(names[i], "case")) icase = i;
        if (!strcmp(names[i], "variant")) ivar = i;
    }
    cr_assert(icol >= 0 && icase >= 0 && ivar >= 0, "%s: no column case, variant or %s", path, col);
    double v = NAN;
    while ((line = strtok_r(NULL, "\r\n", &save)) != NULL) {
        char *f[256];
        const int m = tu_csv_split(line, f, 256);
        cr_assert_eq(m, n, "%s: a row has %d fields, the header %d", path, m, n);
        if (!strcmp(f[icase], cs) && !strcmp(f[ivar], variant)) v = *f[icol] ? strtod(f[icol], NULL) : NAN;
    }
    free(text);
    return v;
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
