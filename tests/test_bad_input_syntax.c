/* Files that are not JSON, for every command that reads one: a good file cut short at many
 * points, and the usual slips (a trailing or a missing comma, a comment, quotes, garbage
 * after the end, a NUL byte). Each must exit 2 with one line that names the file as given
 * and the line of the fault, and write nothing. Part of the bad-input test (bad_input.h). */
#define _POSIX_C_SOURCE 200809L /* strdup */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bad_input.h"
#include "test_util.h"

typedef struct {
    const char *cmd, *base;
    int cuts; /* truncations */
} syntax_target;

static const syntax_target targets[] = {
    {"forward", BI_GOOD "/forward.json", 40},  {"curves", "../configs/curves/model_library.json", 12},
    {"fit", BI_GOOD "/fit.json", 16},          {"synth", BI_GOOD "/fit.json", 10},
    {"surface", BI_GOOD "/fit.json", 10},      {"bench", BI_GOOD "/campaign.json", 14},
    {"paper", BI_GOOD "/study.json", 14},
};
enum { N_TARGETS = sizeof targets / sizeof *targets };

/* Write the bad text beside links to the base's neighbours (so that only the syntax is
 * wrong), run the command on it, expect exit 2 naming the file, and the line when > 0. */
static void run_text(bi_ctx *x, int ti, const char *what, const char *text, size_t len, int line)
{
    char dir[128], cfg[160];
    snprintf(dir, sizeof dir, "%s/s%d", x->tmp, ti);
    struct stat st;
    if (stat(dir, &st) != 0) bi_mirror_dir(targets[ti].base, dir);
    const char *name = strrchr(targets[ti].base, '/') + 1;
    snprintf(cfg, sizeof cfg, "%s/%s", dir, name);
    bi_write(cfg, text, len);
    bi_case c;
    bi_case_init(&c, 2, "%s %s: %s", targets[ti].cmd, targets[ti].base, what);
    bi_arg(&c, "%s", targets[ti].cmd);
    bi_arg(&c, "%s", cfg);
    bi_must(&c, "%s", cfg);
    c.line = line;
    bi_run(x, &c);
}

Test(bad_input, truncated_files)
{
    bi_ctx x;
    bi_begin(&x, "truncated_files");
    for (int ti = 0; ti < N_TARGETS; ++ti) {
        size_t len = 0;
        char *text = bi_read(targets[ti].base, &len);
        cr_assert_not_null(text);
        while (len > 0 && (text[len - 1] == '\n' || text[len - 1] == ' ')) --len;
        /* evenly spread cuts, from the first byte to the last but one (the closing brace) */
        for (int k = 0; k < targets[ti].cuts; ++k) {
            const size_t cut = 1 + (size_t)k * (len - 2) / (size_t)(targets[ti].cuts - 1);
            char what[64];
            snprintf(what, sizeof what, "cut after byte %zu of %zu", cut, len);
            run_text(&x, ti, what, text, cut, bi_line_at(text, cut));
        }
        free(text);
    }
    bi_end(&x, 100);
}

/* text[0, at) + ins + text[at, len) */
static char *insert(const char *text, size_t len, size_t at, const char *ins, size_t ilen, size_t *out_len)
{
    char *s = malloc(len + ilen + 1);
    memcpy(s, text, at);
    memcpy(s + at, ins, ilen);
    memcpy(s + at + ilen, text + at, len - at);
    s[len + ilen] = '\0';
    *out_len = len + ilen;
    return s;
}

static size_t skip_space(const char *s, size_t i)
{
    while (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') ++i;
    return i;
}

static void malformed(bi_ctx *x, int ti)
{
    size_t len = 0, n = 0;
    char *text = bi_read(targets[ti].base, &len), *s;
    cr_assert_not_null(text);
    while (len > 0 && (text[len - 1] == '\n' || text[len - 1] == ' ')) --len;
    text[len] = '\0'; /* ends at its closing brace */
    const size_t close = len - 1;
    const char *q = strchr(text, '"'); /* the first key */
    const size_t key = (size_t)(q - text), key_end = (size_t)(strchr(q + 1, '"') - text);

    s = insert(text, len, close, ",", 1, &n);
    run_text(x, ti, "a comma before the closing brace", s, n, bi_line_at(text, close));
    free(s);

    const char *comma = strstr(text, ",\n");
    cr_assert_not_null(comma);
    const size_t c = (size_t)(comma - text);
    s = strdup(text);
    memmove(s + c, s + c + 1, len - c);
    run_text(x, ti, "a comma left out", s, len - 1, bi_line_at(s, skip_space(s, c)));
    free(s);

    const size_t nl = (size_t)(strchr(text, '\n') - text) + 1;
    s = insert(text, len, nl, "  // a comment\n", 15, &n);
    run_text(x, ti, "a // comment", s, n, bi_line_at(s, nl));
    free(s);

    s = insert(text, len, len, "\nx\n", 3, &n);
    run_text(x, ti, "garbage after the end", s, n, bi_line_at(text, len) + 1);
    free(s);

    s = insert(text, len, len, "\n{}\n", 4, &n);
    run_text(x, ti, "a second object after the end", s, n, bi_line_at(text, len) + 1);
    free(s);

    s = strdup(text);
    s[key] = s[key_end] = '\'';
    run_text(x, ti, "a key in single quotes", s, len, bi_line_at(text, key));
    free(s);

    s = strdup(text);
    s[key] = s[key_end] = ' ';
    run_text(x, ti, "a key without quotes", s, len, bi_line_at(text, key));
    free(s);

    /* a NUL byte: in the middle, and after the end followed by more text (which a reader
     * that stops at the NUL would never see) */
    const size_t mid = (size_t)(strchr(text + len / 2, '\n') - text);
    s = strdup(text);
    s[mid] = '\0';
    run_text(x, ti, "a NUL byte in the middle", s, len, bi_line_at(text, mid));
    free(s);
    s = insert(text, len, len, "\n\0{\"x\": ", 8, &n);
    run_text(x, ti, "a NUL byte after the end, then more text", s, n, bi_line_at(text, len) + 1);
    free(s);

    s = insert(text, len, 0, "[", 1, &n);
    char *t = insert(s, n, n, "]", 1, &n);
    run_text(x, ti, "the object inside an array", t, n, 0);
    free(s);
    free(t);
    static const char *const not_objects[] = {"\"a string\"\n", "42\n", "null\n", "true\n", "[]\n"};
    for (size_t i = 0; i < sizeof not_objects / sizeof *not_objects; ++i) {
        char what[64];
        snprintf(what, sizeof what, "the top level is %.*s", (int)strlen(not_objects[i]) - 1, not_objects[i]);
        run_text(x, ti, what, not_objects[i], strlen(not_objects[i]), 0);
    }
    free(text);
}

Test(bad_input, malformed_files)
{
    bi_ctx x;
    bi_begin(&x, "malformed_files");
    for (int ti = 0; ti < N_TARGETS; ++ti) malformed(&x, ti);
    bi_end(&x, 100);
}
