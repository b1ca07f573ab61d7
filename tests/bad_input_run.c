/* Running one bad-input case (bad_input.h): the command through /bin/sh with a time
 * limit, then its exit code, its message and what it left on disk; a failure is reported
 * as one block that names the case, so a list of failures can be read off the log. */
#define _XOPEN_SOURCE 700 /* mkdtemp, realpath */
#include "bad_input.h"

#include <criterion/criterion.h>
#include <criterion/logging.h>
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test_util.h"

enum { DEFAULT_TIMEOUT_S = 20, NOBODY = 65534 };
#define SETPRIV "setpriv --reuid=65534 --regid=65534 --clear-groups"

/* ------------------------------------------------------------ small helpers */

static char *vfmt(const char *fmt, va_list ap)
{
    va_list aq;
    va_copy(aq, ap);
    const int n = vsnprintf(NULL, 0, fmt, aq);
    va_end(aq);
    char *s = malloc((size_t)n + 1);
    cr_assert_not_null(s);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    return s;
}

/* Append to a growing string. */
typedef struct {
    char *s;
    size_t n, cap;
} sbuf;

static void sb_add(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void sb_add(sbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *t = vfmt(fmt, ap);
    va_end(ap);
    const size_t m = strlen(t);
    if (b->n + m + 1 > b->cap) {
        b->cap = (b->n + m + 1) * 2;
        b->s = realloc(b->s, b->cap);
        cr_assert_not_null(b->s);
    }
    memcpy(b->s + b->n, t, m + 1);
    b->n += m;
    free(t);
}

void bi_write(const char *path, const char *bytes, size_t len)
{
    FILE *f = fopen(path, "wb");
    cr_assert_not_null(f, "cannot write %s: %s", path, strerror(errno));
    cr_assert_eq(fwrite(bytes, 1, len, f), len);
    cr_assert_eq(fclose(f), 0);
}

char *bi_read(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 4096, n = 0;
    char *s = malloc(cap);
    for (size_t got; s && (got = fread(s + n, 1, cap - n - 1, f)) > 0;) {
        n += got;
        if (cap - n < 2) s = realloc(s, cap *= 2);
    }
    fclose(f);
    if (s) s[n] = '\0';
    if (len) *len = n;
    return s;
}

static void run_sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void run_sh(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *cmd = vfmt(fmt, ap);
    va_end(ap);
    const int rc = system(cmd);
    cr_expect_eq(rc, 0, "%s", cmd);
    free(cmd);
}

void bi_mirror_dir(const char *file, const char *dir)
{
    char base[1024], *slash;
    snprintf(base, sizeof base, "%s", file);
    slash = strrchr(base, '/');
    const char *name = slash ? slash + 1 : base;
    if (slash) *slash = '\0';
    char abs[4096];
    cr_assert_not_null(realpath(slash ? base : ".", abs), "realpath %s", base);
    mkdir(dir, 0755);
    DIR *d = opendir(abs);
    cr_assert_not_null(d, "%s", abs);
    for (struct dirent *e; (e = readdir(d));) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..") || !strcmp(e->d_name, name)) continue;
        char cmd[16384];
        snprintf(cmd, sizeof cmd, "cp -R '%s/%s' '%s/%s'", abs, e->d_name, dir, e->d_name);
        cr_assert_eq(system(cmd), 0, "%s", cmd);
    }
    closedir(d);
}

int bi_has_line(const char *s, int line)
{
    char want[32];
    const int n = snprintf(want, sizeof want, "line %d", line);
    for (const char *p = s; (p = strstr(p, want)); p += n)
        if (p[n] < '0' || p[n] > '9') return 1;
    return 0;
}

int bi_line_at(const char *s, size_t n)
{
    int line = 1;
    for (size_t i = 0; i < n; ++i) line += s[i] == '\n';
    return line;
}

/* ------------------------------------------------------------ cases */

void bi_case_init(bi_case *c, int expect, const char *id_fmt, ...)
{
    memset(c, 0, sizeof *c);
    c->expect = expect;
    va_list ap;
    va_start(ap, id_fmt);
    vsnprintf(c->id, sizeof c->id, id_fmt, ap);
    va_end(ap);
}

void bi_arg(bi_case *c, const char *fmt, ...)
{
    cr_assert_lt(c->n_arg, BI_MAX_ARGS, "%s: too many arguments", c->id);
    va_list ap;
    va_start(ap, fmt);
    c->arg[c->n_arg++] = vfmt(fmt, ap);
    va_end(ap);
}

void bi_must(bi_case *c, const char *fmt, ...)
{
    cr_assert_lt(c->n_must, BI_MAX_MUST, "%s: too many expectations", c->id);
    va_list ap;
    va_start(ap, fmt);
    c->must[c->n_must][0] = vfmt(fmt, ap);
    va_end(ap);
    c->n_alt[c->n_must++] = 1;
}

void bi_must_any(bi_case *c, const char *const *alt, int n)
{
    cr_assert(c->n_must < BI_MAX_MUST && n >= 1 && n <= BI_MAX_ALT, "%s", c->id);
    for (int i = 0; i < n; ++i) c->must[c->n_must][i] = strdup(alt[i]);
    c->n_alt[c->n_must++] = n;
}

static void case_free(bi_case *c)
{
    for (int i = 0; i < c->n_arg; ++i) free(c->arg[i]);
    for (int i = 0; i < c->n_must; ++i)
        for (int j = 0; j < c->n_alt[i]; ++j) free(c->must[i][j]);
    free(c->gone);
    free(c->keep);
    free(c->out_dir);
}

/* ------------------------------------------------------------ the context */

void bi_begin(bi_ctx *x, const char *category)
{
    memset(x, 0, sizeof *x);
    x->category = category;
    tu_make_tmp(x->tmp, sizeof x->tmp, "bi");
    /* nobody must reach the files of the cases that run as nobody */
    cr_assert_eq(chmod(x->tmp, 0755), 0);
    if (geteuid() != 0) return;
    x->nobody = system(SETPRIV " true") == 0 ? 1 : -1;
    if (x->nobody < 0)
        cr_log_warn("bad_input/%s: running as root and `" SETPRIV "` does not work: the cases that need "
                    "file permissions (chmod 000, read-only directories) are skipped", category);
}

void bi_end(bi_ctx *x, int min_cases)
{
    fprintf(stderr, "bad_input/%s: %d cases, %d failed, %d skipped\n", x->category, x->n, x->failed,
            x->skipped);
    cr_expect_geq(x->n, min_cases, "bad_input/%s: only %d cases were made (at least %d expected)",
                  x->category, x->n, min_cases);
    run_sh("chmod -R u+rwx '%s' && rm -rf '%s'", x->tmp, x->tmp);
}

/* ------------------------------------------------------------ running */

static void shell_quote(sbuf *b, const char *s)
{
    sb_add(b, "'");
    for (const char *p = s; *p; ++p) {
        if (*p == '\'') sb_add(b, "'\\''");
        else sb_add(b, "%c", *p);
    }
    sb_add(b, "'");
}

/* Run cmd through sh, which execs the program; its wait status, or −1 when it ran out of
 * time. The time limit is an alarm set before the exec: it survives the exec and kills
 * the program, so the wait can block (no polling, no watchdog). */
static int run_with_timeout(const char *cmd, int timeout_s)
{
    const pid_t pid = fork();
    cr_assert_neq(pid, -1, "fork: %s", strerror(errno));
    if (pid == 0) {
        alarm((unsigned)timeout_s);
        execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
        _exit(127);
    }
    int st = 0;
    while (waitpid(pid, &st, 0) == -1)
        cr_assert_eq(errno, EINTR, "waitpid: %s", strerror(errno));
    return WIFSIGNALED(st) && WTERMSIG(st) == SIGALRM ? -1 : st;
}

/* A listing of path (a file, or a directory and everything below it): names, types,
 * sizes and modification times, to tell whether anything changed. */
static void snapshot(sbuf *b, const char *path, const char *rel)
{
    struct stat st;
    if (lstat(path, &st) != 0) {
        sb_add(b, "%s: absent\n", rel);
        return;
    }
    sb_add(b, "%s: mode %o size %lld mtime %lld.%09ld\n", rel, (unsigned)st.st_mode, (long long)st.st_size,
           (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
    if (!S_ISDIR(st.st_mode)) return;
    DIR *d = opendir(path);
    if (!d) return;
    char **names = NULL;
    int n = 0;
    for (struct dirent *e; (e = readdir(d));) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        names = realloc(names, (size_t)(n + 1) * sizeof *names);
        names[n++] = strdup(e->d_name);
    }
    closedir(d);
    for (int i = 1; i < n; ++i) /* readdir's order is not stable: sort the names */
        for (int j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; --j) {
            char *t = names[j];
            names[j] = names[j - 1];
            names[j - 1] = t;
        }
    for (int i = 0; i < n; ++i) {
        char *p = malloc(strlen(path) + strlen(names[i]) + 2), *r = malloc(strlen(rel) + strlen(names[i]) + 2);
        sprintf(p, "%s/%s", path, names[i]);
        sprintf(r, "%s/%s", rel, names[i]);
        snapshot(b, p, r);
        free(p);
        free(r);
        free(names[i]);
    }
    free(names);
}

static int exists(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0;
}

static void remove_tree(const char *path)
{
    if (!exists(path)) return;
    sbuf b = {0};
    sb_add(&b, "chmod -R u+rwx ");
    shell_quote(&b, path);
    sb_add(&b, " 2>/dev/null; rm -rf ");
    shell_quote(&b, path);
    const int rc = system(b.s);
    cr_expect_eq(rc, 0, "cannot remove %.200s", path);
    free(b.s);
}

/* Valid UTF-8 without control characters other than newline and tab. */
static const char *text_problem(const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        const unsigned char b = s[i];
        if (b == '\n' || b == '\t') {
            ++i;
            continue;
        }
        if (b < 0x20 || b == 0x7f) return "a control character";
        int more = b < 0x80 ? 0 : (b & 0xe0) == 0xc0 ? 1 : (b & 0xf0) == 0xe0 ? 2 : (b & 0xf8) == 0xf0 ? 3 : -1;
        if (more < 0 || (b & 0xfe) == 0xc0) return "bytes that are not UTF-8";
        for (int k = 1; k <= more; ++k)
            if (i + (size_t)k >= n || (s[i + (size_t)k] & 0xc0) != 0x80) return "bytes that are not UTF-8";
        i += (size_t)more + 1;
    }
    return NULL;
}

/* s with bytes outside printable ASCII escaped; of a longer s, its head and its tail. */
static void escaped(sbuf *b, const char *s, size_t n, size_t max)
{
    const size_t head = n > max ? max * 2 / 3 : n, tail = n > max ? max - head : 0;
    for (size_t i = 0; i < n; ++i) {
        if (i == head && tail) {
            sb_add(b, "...(%zu bytes)...", n - head - tail);
            i = n - tail;
        }
        const unsigned char ch = (unsigned char)s[i];
        if (ch == '\n') sb_add(b, "\\n");
        else if (ch < 0x20 || ch >= 0x7f) sb_add(b, "\\x%02x", ch);
        else sb_add(b, "%c", ch);
    }
}

/* An argument for the report: long ones shortened (the case id says what they are). */
static void shown_arg(sbuf *b, const char *s)
{
    const size_t n = strlen(s);
    if (n <= 160) {
        sb_add(b, " %s", s);
        return;
    }
    sb_add(b, " %.60s...(%zu characters)...%s", s, n, s + n - 40);
}

int bi_run(bi_ctx *x, bi_case *c)
{
    const int k = x->n++;
    char out[96];
    snprintf(out, sizeof out, "%s/out%d", x->tmp, k);
    const int nobody = c->as_nobody && x->nobody == 1;
    if (c->as_nobody && x->nobody < 0) {
        ++x->skipped;
        cr_log_warn("SKIP %s: needs a user without root's permissions", c->id);
        case_free(c);
        return 1;
    }
    const int fresh = c->out_mode == BI_OUT_FRESH;
    sbuf before = {0};
    if (fresh) {
        bi_arg(c, "--out");
        bi_arg(c, "%s/x", out);
    } else if (c->out_mode == BI_OUT_EXISTING) {
        cr_assert_eq(mkdir(out, 0755), 0);
        for (int i = 0; i < BI_MAX_FILES && c->markers[i]; ++i) {
            char p[256], text[300];
            snprintf(p, sizeof p, "%s/%s", out, c->markers[i]);
            snprintf(text, sizeof text, "left by an earlier run: %s\n", c->markers[i]);
            bi_write(p, text, strlen(text));
        }
        bi_arg(c, "--out");
        bi_arg(c, "%s", out);
        snapshot(&before, out, "--out");
    } else if (c->out_mode == BI_OUT_GIVEN && c->keep) {
        snapshot(&before, c->keep, "kept");
    }

    char errf[128];
    snprintf(errf, sizeof errf, "%s/stderr.txt", x->tmp);
    sbuf cmd = {0};
    /* a memory cap, so that an accepted absurd size fails instead of exhausting the machine
     * (not under AddressSanitizer, which reserves terabytes of address space); no plots; one
     * thread, so that a run that should have been refused costs little. SHPFIT is a shell
     * word (test_util.h). */
    sb_add(&cmd, "[ -n \"$ASAN_OPTIONS\" ] || ulimit -v 4194304 2>/dev/null; "
                 "export SHPFIT_GNUPLOT= OMP_NUM_THREADS=1; exec %s%s",
           nobody ? SETPRIV " " : "", SHPFIT);
    for (int i = 0; i < c->n_arg; ++i) {
        sb_add(&cmd, " ");
        shell_quote(&cmd, c->arg[i]);
    }
    sb_add(&cmd, " > /dev/null 2> '%s'", errf);
    const int st = run_with_timeout(cmd.s, c->timeout_s > 0 ? c->timeout_s : DEFAULT_TIMEOUT_S);
    free(cmd.s);

    size_t elen = 0;
    char *err = bi_read(errf, &elen);
    if (!err) err = strdup("");
    sbuf why = {0};
    sbuf got = {0};
    int code = -1;
    if (st == -1) {
        sb_add(&got, "timed out after %d s (killed)", c->timeout_s > 0 ? c->timeout_s : DEFAULT_TIMEOUT_S);
    } else if (WIFSIGNALED(st)) {
        sb_add(&got, "killed by signal %d", WTERMSIG(st));
    } else if (WEXITSTATUS(st) > 128) { /* the shell reports a signal of its child as 128 + N */
        sb_add(&got, "killed by signal %d", WEXITSTATUS(st) - 128);
    } else {
        code = WEXITSTATUS(st);
        sb_add(&got, "%d", code);
    }
    if (code != c->expect) sb_add(&why, "; exit code");

    if (c->expect != 0 && code != 0) { /* the message of a run that failed (of one that
                                           succeeded, the exit code says it all) */
        if (strncmp(err, "shpfit: ", 8) != 0) sb_add(&why, "; stderr does not start with \"shpfit: \"");
        const char *nl = memchr(err, '\n', elen);
        if (!nl || (size_t)(nl - err) != elen - 1) sb_add(&why, "; stderr is not exactly one line");
        const char *tp = text_problem((const unsigned char *)err, elen);
        if (tp) sb_add(&why, "; stderr holds %s", tp);
        for (int i = 0; i < c->n_must; ++i) {
            int ok = 0;
            for (int j = 0; j < c->n_alt[i] && !ok; ++j) ok = strstr(err, c->must[i][j]) != NULL;
            if (ok) continue;
            sb_add(&why, "; message lacks ");
            for (int j = 0; j < c->n_alt[i]; ++j) {
                sb_add(&why, "%s\"", j ? " or " : "");
                escaped(&why, c->must[i][j], strlen(c->must[i][j]), 120);
                sb_add(&why, "\"");
            }
        }
        if (c->line > 0 && !bi_has_line(err, c->line)) sb_add(&why, "; message lacks \"line %d\"", c->line);
    }

    /* nothing written */
    if (fresh && c->expect != 0 && exists(out))
        sb_add(&why, "; the --out directory (or its parent) was created");
    if (c->out_mode == BI_OUT_GIVEN && c->gone && c->expect != 0 && exists(c->gone))
        sb_add(&why, "; %.120s was created", c->gone);
    if (before.s) {
        sbuf after = {0};
        if (c->out_mode == BI_OUT_EXISTING) snapshot(&after, out, "--out");
        else snapshot(&after, c->keep, "kept");
        if (strcmp(before.s, after.s)) {
            sb_add(&why, "; %s changed: before [", c->out_mode == BI_OUT_EXISTING ? "the existing --out" : "a file");
            escaped(&why, before.s, before.n, 300);
            sb_add(&why, "] after [");
            escaped(&why, after.s, after.n, 300);
            sb_add(&why, "]");
        }
        free(after.s);
    }

    /* a run that must succeed: its files, and what the case checks in them */
    if (c->expect == 0 && code == 0) {
        char fresh_dir[128];
        snprintf(fresh_dir, sizeof fresh_dir, "%s/x", out);
        const char *dir = fresh ? fresh_dir : c->out_dir ? c->out_dir : out;
        for (int i = 0; i < BI_MAX_FILES && c->files[i]; ++i) {
            char p[8400];
            snprintf(p, sizeof p, "%s/%s", dir, c->files[i]);
            if (!exists(p)) sb_add(&why, "; %s not written", c->files[i]);
        }
        char r[600] = "";
        if (c->check && c->check(c, dir, r, sizeof r)) sb_add(&why, "; %s", r);
    }

    int passed = why.s == NULL;
    if (!passed) {
        ++x->failed;
        sbuf m = {0};
        sb_add(&m, "FAIL %s\n    command: shpfit", c->id);
        for (int i = 0; i < c->n_arg; ++i) shown_arg(&m, c->arg[i]);
        if (nobody) sb_add(&m, "   (run as uid %d)", NOBODY);
        sb_add(&m, "\n    exit: expected %d, got %s\n    wrong: %s\n    stderr: ", c->expect, got.s, why.s + 2);
        escaped(&m, err, elen, 700);
        cr_expect(0, "%s", m.s);
        free(m.s);
    }
    free(err);
    free(why.s);
    free(got.s);
    free(before.s);
    if (fresh || c->out_mode == BI_OUT_EXISTING) remove_tree(out);
    if (c->gone) remove_tree(c->gone);
    if (c->out_dir) remove_tree(c->out_dir);
    case_free(c);
    return passed;
}
