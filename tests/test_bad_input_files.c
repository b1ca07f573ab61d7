/* Bad files and bad --out, for every command: an empty, blank, binary or huge (> 128 KiB)
 * input, a directory, a missing or unreadable file, a path or a name too long for the OS;
 * --out that is a file, under a file, in a read-only directory, longer than PATH_MAX (all
 * exit 2 or 1 and write nothing), and --out of 1000 and 4000 characters, which the OS
 * accepts and so must work; bad option values; `models` with bad names. Part of the
 * bad-input test (bad_input.h). */
#define _POSIX_C_SOURCE 200809L /* strdup, symlink */
#include <criterion/criterion.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bad_input.h"
#include "test_util.h"

/* Every command that reads an input file, with a good input and what a run writes. */
typedef struct {
    const char *cmd, *good;
    const char *files[BI_MAX_FILES]; /* written by a good run */
    const char *markers[3];          /* result files an earlier run leaves in --out */
} command;

static const command commands[] = {
    {"forward", BI_GOOD "/forward.json", {"series.csv", "profile_final.csv", "observations.csv", "summary.json"},
     {"series.csv", "summary.json"}},
    {"curves", BI_GOOD "/forward.json", {"curves_loam.csv", "curves.json"}, {"curves_loam.csv", "curves.json"}},
    {"fit", BI_GOOD "/fit.json", {"result.json", "history.csv", "best_series.csv", "pareto.csv", "fit_curves.csv"},
     {"result.json", "history.csv"}},
    {"synth", BI_GOOD "/fit.json", {"theta_final.csv", "v.csv", "Q.csv", "synth.json"}, {"Q.csv", "synth.json"}},
    {"surface", BI_GOOD "/fit.json", {"surface.json", "surface_loam.alpha__loam.n.csv"}, {"surface.json"}},
    {"bench", BI_GOOD "/campaign.json", {"runs.csv", "history.csv", "report.md", "campaign.json"},
     {"runs.csv", "history.csv"}},
    {"paper", BI_GOOD "/study.json",
     {"runs.csv", "tables.md", "table3_parameters.csv", "cases/loam_se40/obs/Q.csv"}, {"runs.csv", "tables.md"}},
};
enum { N_COMMANDS = sizeof commands / sizeof *commands };

/* Arguments that keep a good run small and off the GPU where a command takes them. */
static void quiet_args(bi_case *c, const char *cmd)
{
    if (!strcmp(cmd, "bench") || !strcmp(cmd, "paper")) {
        bi_arg(c, "--backend");
        bi_arg(c, "cpu");
    }
}

/* dir + "/" + components of up to 200 'a's (then 'b's, …) until the path is n long. */
static char *long_path(const char *dir, size_t n, size_t component)
{
    char *p = malloc(n + 1);
    size_t k = (size_t)snprintf(p, n + 1, "%s", dir);
    for (char ch = 'a'; k < n; ++ch) {
        p[k++] = '/';
        for (size_t i = 0; i < component && k < n; ++i) p[k++] = ch;
    }
    p[n] = '\0';
    return p;
}

static char *first_component(const char *dir, const char *path)
{
    const size_t n = strlen(dir) + 1;
    const char *slash = strchr(path + n, '/');
    return strndup(path, slash ? (size_t)(slash - path) : strlen(path));
}

/* ------------------------------------------------------------ bad input files */

static void bad_file(bi_ctx *x, const command *cm, const char *what, const char *path, const char *reason,
                     int line, int as_nobody)
{
    bi_case c;
    bi_case_init(&c, 2, "%s: %s", cm->cmd, what);
    bi_arg(&c, "%s", cm->cmd);
    bi_arg(&c, "%s", path);
    bi_must(&c, "%s", path);
    if (reason) bi_must(&c, "%s", reason);
    c.line = line;
    c.as_nobody = as_nobody;
    bi_run(x, &c);
}

/* bytes that are no text: a PNG signature, then a fixed pseudo-random stream */
static char *binary(size_t n)
{
    char *b = malloc(n);
    memcpy(b, "\x89PNG\r\n\x1a\n", 8);
    unsigned s = 12345u;
    for (size_t i = 8; i < n; ++i) {
        s = s * 1103515245u + 12345u;
        b[i] = (char)(s >> 16);
    }
    return b;
}

Test(bad_input, bad_input_files)
{
    bi_ctx x;
    bi_begin(&x, "bad_input_files");
    char p[256];
    enum { HUGE = 200 * 1024 };
    char *big = malloc(HUGE + 64);
    for (int ci = 0; ci < N_COMMANDS; ++ci) {
        const command *cm = &commands[ci];
        snprintf(p, sizeof p, "%s/empty.json", x.tmp);
        bi_write(p, "", 0);
        bad_file(&x, cm, "an empty file", p, NULL, 0, 0);
        snprintf(p, sizeof p, "%s/blank.json", x.tmp);
        bi_write(p, "\n  \n\t\n", 6);
        bad_file(&x, cm, "a file of blanks", p, NULL, 0, 0);
        snprintf(p, sizeof p, "%s/binary.json", x.tmp);
        char *b = binary(4096);
        bi_write(p, b, 4096);
        free(b);
        bad_file(&x, cm, "a binary file", p, NULL, 0, 0);

        /* over 128 KiB: an unterminated string, nesting too deep, a good file with a
         * 140 KiB comment whose closing brace is missing */
        snprintf(p, sizeof p, "%s/huge_string.json", x.tmp);
        int k = snprintf(big, 64, "{\"name\": \"");
        memset(big + k, 'x', HUGE);
        bi_write(p, big, (size_t)k + HUGE);
        bad_file(&x, cm, "a 200 KiB unterminated string", p, NULL, 1, 0);
        snprintf(p, sizeof p, "%s/huge_nesting.json", x.tmp);
        memset(big, '[', HUGE);
        bi_write(p, big, HUGE);
        bad_file(&x, cm, "200 KiB of [", p, NULL, 1, 0);
        size_t len = 0;
        char *good = bi_read(cm->good, &len);
        while (len > 0 && (good[len - 1] == '\n' || good[len - 1] == ' ')) --len;
        const size_t pad = 140 * 1024;
        char *t = malloc(len + pad + 32);
        k = sprintf(t, "{\"_pad\": \"");
        memset(t + k, 'p', pad);
        k += (int)pad;
        k += sprintf(t + k, "\",\n");
        memcpy(t + k, good + 1, len - 2); /* without its braces */
        snprintf(p, sizeof p, "%s/huge_truncated.json", x.tmp);
        bi_write(p, t, (size_t)k + len - 2);
        bad_file(&x, cm, "a good file with a 140 KiB comment, its closing brace missing", p, NULL,
                 bi_line_at(t, (size_t)k + len - 2), 0);
        free(t);
        free(good);

        snprintf(p, sizeof p, "%s/dir.json", x.tmp);
        mkdir(p, 0755);
        bad_file(&x, cm, "a directory", p, "Is a directory", 0, 0);
        snprintf(p, sizeof p, "%s/missing.json", x.tmp);
        bad_file(&x, cm, "a missing file", p, "No such file or directory", 0, 0);
        snprintf(p, sizeof p, "%s/dangling.json", x.tmp);
        if (symlink("nowhere.json", p) != 0 && errno != EEXIST) cr_assert_fail("symlink %s", p);
        bad_file(&x, cm, "a dangling symbolic link", p, "No such file or directory", 0, 0);
        snprintf(p, sizeof p, "%s/unreadable.json", x.tmp);
        bi_write(p, "{}", 2);
        chmod(p, 0);
        bad_file(&x, cm, "an unreadable file (mode 000)", p, "Permission denied", 0, 1);

        char *lp = long_path(x.tmp, 5000, 200);
        bad_file(&x, cm, "a path of 5000 characters (PATH_MAX is 4096)", lp, "File name too long", 0, 0);
        free(lp);
        lp = long_path(x.tmp, strlen(x.tmp) + 1 + 300, 300);
        char *named = malloc(strlen(lp) + 8);
        sprintf(named, "%s.json", lp);
        bad_file(&x, cm, "a file name of 305 characters (NAME_MAX is 255)", named, "File name too long", 0, 0);
        free(named);
        free(lp);

        /* a bad input leaves an existing --out, and the results of an earlier run in it, alone */
        bi_case c;
        bi_case_init(&c, 2, "%s: an empty file, --out holding an earlier run's results", cm->cmd);
        bi_arg(&c, "%s", cm->cmd);
        snprintf(p, sizeof p, "%s/empty.json", x.tmp);
        bi_arg(&c, "%s", p);
        bi_must(&c, "%s", p);
        c.out_mode = BI_OUT_EXISTING;
        for (int i = 0; i < 3 && cm->markers[i]; ++i) c.markers[i] = cm->markers[i];
        bi_run(&x, &c);
    }
    free(big);
    bi_end(&x, 7 * 13);
}

/* ------------------------------------------------------------ --out */

static void out_case(bi_ctx *x, const command *cm, int expect, const char *what, const char *out, const char *reason,
                     const char *names, char *gone, const char *keep, int as_nobody)
{
    bi_case c;
    bi_case_init(&c, expect, "%s: --out %s", cm->cmd, what);
    bi_arg(&c, "%s", cm->cmd);
    bi_arg(&c, "%s", cm->good);
    quiet_args(&c, cm->cmd);
    bi_arg(&c, "--out");
    bi_arg(&c, "%s", out);
    c.out_mode = BI_OUT_GIVEN;
    if (reason) bi_must(&c, "%s", reason);
    if (names) bi_must(&c, "%s", names);
    c.gone = gone;
    c.keep = keep ? strdup(keep) : NULL;
    c.as_nobody = as_nobody;
    if (expect == 0) {
        for (int i = 0; i < BI_MAX_FILES && cm->files[i]; ++i) c.files[i] = cm->files[i];
        c.out_dir = strdup(out);
        c.timeout_s = 60;
    }
    bi_run(x, &c);
}

Test(bad_input, bad_out_directories)
{
    bi_ctx x;
    bi_begin(&x, "bad_out_directories");
    char file[128], sub[160], ro[128], rox[160];
    snprintf(file, sizeof file, "%s/a_file", x.tmp);
    bi_write(file, "a file, not a directory\n", 24);
    snprintf(sub, sizeof sub, "%s/sub/dir", file);
    snprintf(ro, sizeof ro, "%s/read_only", x.tmp);
    cr_assert_eq(mkdir(ro, 0555), 0);
    cr_assert_eq(chmod(ro, 0555), 0); /* whatever the umask */
    snprintf(rox, sizeof rox, "%s/new", ro);
    for (int ci = 0; ci < N_COMMANDS; ++ci) {
        const command *cm = &commands[ci];
        out_case(&x, cm, 2, "is a regular file", file, NULL, file, NULL, file, 0);
        out_case(&x, cm, 2, "lies under a regular file", sub, NULL, file, NULL, file, 0);
        out_case(&x, cm, 2, "is new in a read-only directory", rox, "Permission denied", rox, strdup(rox), ro, 1);
        /* the directory exists, so the results are what cannot be written (exit 1) */
        out_case(&x, cm, 1, "is a read-only directory", ro, "Permission denied", ro, NULL, ro, 1);
        char *lp = long_path(x.tmp, 5000, 200);
        out_case(&x, cm, 2, "of 5000 characters (PATH_MAX is 4096)", lp, "File name too long", NULL,
                 first_component(x.tmp, lp), NULL, 0);
        free(lp);
        lp = long_path(x.tmp, strlen(x.tmp) + 1 + 300, 300);
        out_case(&x, cm, 2, "with a name of 300 characters (NAME_MAX is 255)", lp, "File name too long", NULL,
                 strdup(lp), NULL, 0);
        free(lp);
    }
    bi_end(&x, 7 * 6);
}

/* Long paths the OS accepts must work: every file, with its full name. */
Test(bad_input, long_out_directories_work)
{
    bi_ctx x;
    bi_begin(&x, "long_out_directories");
    for (int ci = 0; ci < N_COMMANDS; ++ci) {
        const size_t lens[] = {1000, 4000};
        for (int i = 0; i < 2; ++i) {
            char *lp = long_path(x.tmp, lens[i], 200);
            char what[64];
            snprintf(what, sizeof what, "of %zu characters", lens[i]);
            out_case(&x, &commands[ci], 0, what, lp, NULL, NULL, first_component(x.tmp, lp), NULL, 0);
            free(lp);
        }
    }
    bi_end(&x, 14);
}

/* ------------------------------------------------------------ options */

static const struct {
    const char *cmd, *option, *values;
} options[] = {
    {"fit", "--seed", "-1|1e308|x|"},         {"fit", "--threads", "0|-1|x|1e308"},
    {"fit", "--backend", "gpu|"},             {"fit", "--at", "x|loam.n=nan|loam.q=1|n=0.9|"},
    {"synth", "--seed", "-1|1e308|x|"},       {"synth", "--backend", "gpu"},
    {"surface", "--points", "0|-1|x|1e308"},  {"surface", "--zoom", "nan|-1|x|inf"},
    {"surface", "--threads", "0|x"},          {"curves", "--psi-min", "nan|-1|0|x|inf"},
    {"curves", "--psi-max", "nan|inf|x"},     {"curves", "--per-decade", "0|-1|x|1e308"},
    {"forward", "--backend", "gpu|"},         {"bench", "--threads", "0|x|1e308"},
    {"bench", "--seeds", "0|-1|x|1e308"},     {"paper", "--threads", "0|x"},
    {"paper", "--seeds", "0|x|1e308"},        {"paper", "--backend", "gpu"},
};

static const command *command_named(const char *name)
{
    for (int i = 0; i < N_COMMANDS; ++i)
        if (!strcmp(commands[i].cmd, name)) return &commands[i];
    return NULL;
}

Test(bad_input, bad_option_values)
{
    bi_ctx x;
    bi_begin(&x, "bad_option_values");
    for (size_t i = 0; i < sizeof options / sizeof *options; ++i) {
        char values[64];
        snprintf(values, sizeof values, "%s", options[i].values);
        /* split at '|' keeping empty values ("--seed ''") */
        for (char *v = values, *bar; v; v = bar ? bar + 1 : NULL) {
            bar = strchr(v, '|');
            if (bar) *bar = '\0';
            const command *cm = command_named(options[i].cmd);
            bi_case c;
            bi_case_init(&c, 2, "%s: %s '%s'", cm->cmd, options[i].option, v);
            bi_arg(&c, "%s", cm->cmd);
            bi_arg(&c, "%s", cm->good);
            bi_arg(&c, "%s", options[i].option);
            bi_arg(&c, "%s", v);
            bi_must(&c, "%s", options[i].option);
            bi_run(&x, &c);
        }
    }
    /* `models` reads no file: a name it does not know, an empty one, one too long, two */
    static const char *const names[] = {"nosuch", "", "vgm extra", "--bogus"};
    for (size_t i = 0; i < sizeof names / sizeof *names; ++i) {
        bi_case c;
        bi_case_init(&c, 2, "models '%s'", names[i]);
        bi_arg(&c, "models");
        char buf[32];
        snprintf(buf, sizeof buf, "%s", names[i]);
        char *sp = strchr(buf, ' ');
        if (sp) *sp = '\0';
        bi_arg(&c, "%s", buf);
        if (sp) bi_arg(&c, "%s", sp + 1);
        bi_must(&c, "%s", sp ? sp + 1 : buf);
        c.out_mode = BI_OUT_NONE;
        bi_run(&x, &c);
    }
    char name[301];
    memset(name, 'm', 300);
    name[300] = '\0';
    bi_case c;
    bi_case_init(&c, 2, "models with a name of 300 characters");
    bi_arg(&c, "models");
    bi_arg(&c, "%s", name);
    c.out_mode = BI_OUT_NONE;
    bi_run(&x, &c);
    bi_end(&x, 60);
}
