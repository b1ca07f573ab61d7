/* The bad-input test (tests/test_bad_input*.c): one case is one run of the program
 * (SHPFIT, test_util.h) on a bad input, with the exit code it must give, what its message
 * must name and the check that nothing was written. bad_input_run.c runs and checks a
 * case; bad_input_json.c makes the mutated JSON documents. */
#ifndef SHPFIT_TESTS_BAD_INPUT_H
#define SHPFIT_TESTS_BAD_INPUT_H

#include <cjson/cJSON.h>
#include <stddef.h>

/* Where the case data live, relative to tests/ (the tests' working directory). */
#define BI_DATA "data/bad_input"
#define BI_GOOD BI_DATA "/good"

enum { BI_MAX_ARGS = 16, BI_MAX_MUST = 8, BI_MAX_ALT = 8, BI_MAX_FILES = 8 };

/* How --out is given and what "nothing written" means for the case. */
typedef enum {
    BI_OUT_FRESH,    /* the runner appends --out TMP/outK/x; TMP/outK must not exist afterwards */
    BI_OUT_EXISTING, /* --out TMP/outK, made beforehand with `markers` in it; must be unchanged */
    BI_OUT_GIVEN,    /* the arguments hold --out; `gone` (if set) must not exist afterwards and
                        `keep` (if set, a file or directory) must be unchanged */
    BI_OUT_NONE      /* no output at all (models, options) */
} bi_out_mode;

typedef struct bi_case bi_case;
/* An extra check of a successful run's output directory: 0, or 1 with the reason in why. */
typedef int (*bi_check_fn)(const bi_case *c, const char *out, char *why, size_t len);

struct bi_case {
    char id[320];
    char *arg[BI_MAX_ARGS]; /* after the program: the command, then its arguments */
    int n_arg;
    int expect;                             /* exit code */
    char *must[BI_MAX_MUST][BI_MAX_ALT];    /* stderr must hold one alternative of each */
    int n_must, n_alt[BI_MAX_MUST];
    int line;                               /* stderr must say "line <line>" (0: not checked) */
    bi_out_mode out_mode;
    const char *markers[BI_MAX_FILES];      /* BI_OUT_EXISTING: files made in --out */
    char *gone, *keep, *out_dir;            /* BI_OUT_GIVEN */
    const char *files[BI_MAX_FILES];        /* expect 0: files that must be in the output */
    bi_check_fn check;
    const void *check_arg;
    int as_nobody;                          /* needs permissions to matter: run as nobody when root */
    int timeout_s;
};

/* One Test's cases: its temporary directory and its tallies. */
typedef struct {
    char tmp[64];
    const char *category;
    int n, failed, skipped;
    int nobody; /* 1: root and setpriv works (run as 65534); 0: not root; −1: root, cannot drop */
} bi_ctx;

void bi_begin(bi_ctx *x, const char *category);
/* Tallies, at least min_cases cases run, and the temporary directory removed. */
void bi_end(bi_ctx *x, int min_cases);

void bi_case_init(bi_case *c, int expect, const char *id_fmt, ...)
    __attribute__((format(printf, 3, 4)));
void bi_arg(bi_case *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void bi_must(bi_case *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* stderr must hold one of the n strings */
void bi_must_any(bi_case *c, const char *const *alt, int n);
/* Run the case, check it, report a failure as one block naming the case; frees its strings.
 * 1 when it passed (or was skipped). */
int bi_run(bi_ctx *x, bi_case *c);

/* ----------------------------------------------------------------- files */

void bi_write(const char *path, const char *bytes, size_t len);
char *bi_read(const char *path, size_t *len); /* NULL when it cannot be read */
/* dir/NAME for every entry of the directory of `file` except `file` itself, as copies of
 * the originals, so that a rewritten copy of `file` in dir finds the files it names.
 * Copies, not links: the cases run as nobody must read them wherever the checkout lies
 * (a clone under a mode-700 directory is out of nobody's reach through a link). */
void bi_mirror_dir(const char *file, const char *dir);
/* "line N" in s, N not followed by a digit */
int bi_has_line(const char *s, int line);
/* 1 + the newlines in s[0, n) */
int bi_line_at(const char *s, size_t n);

/* ----------------------------------------------------------------- JSON */

/* How a value is mutated. */
typedef enum {
    BI_M_STRING, BI_M_NUMBER, BI_M_NULL, BI_M_ARRAY, BI_M_OBJECT, BI_M_BOOL, /* wrong type */
    BI_M_HUGE, BI_M_NHUGE,                                                   /* ±1e308 */
    BI_M_INF, BI_M_NINF,                                                     /* ±1e999 */
    BI_M_NAN,                                                                /* NaN: not JSON */
    BI_M_NUL,                                                                /* "value\u0000junk" */
    BI_M_UNKNOWN_KEY, BI_M_DUP_KEY, BI_M_NUL_KEY,                            /* objects */
    BI_M_COUNT
} bi_mut;

const char *bi_mut_name(bi_mut m);

/* A value of a document with its field path as the loaders write it ("profile.layers[0].bottom"). */
typedef struct {
    char path[200];
    cJSON *item;
    int in_array;  /* its parent is an array, of parent_size elements */
    int parent_size;
} bi_item;

/* Every value of doc in document order, keys starting with '_' (comments) left out. */
int bi_items(cJSON *doc, bi_item **out);

/* The text of doc with its k-th item (of bi_items; −1: the document, for the key
 * mutations) mutated by m, pretty-printed; NULL when
 * m does not apply to that item. *line: the line the mutation is on. *expect: the field path
 * the message must name (for BI_M_UNKNOWN_KEY etc. the key's path). */
char *bi_mutate(const cJSON *doc, int k, bi_mut m, int *line, char *expect, size_t elen);
/* The text of doc without the item at path; NULL when there is none. */
char *bi_remove(const cJSON *doc, const char *path);
/* The text of doc with the item at path set to v (a JSON text); NULL when no such item. */
char *bi_set(const cJSON *doc, const char *path, const char *json_value);
cJSON *bi_load_json(const char *path);

#endif
