/* Shared by the fuzz targets (tests/fuzz/fuzz_*.c, docs/fuzzing.md): the loaders read
 * files, not buffers, so every input is written into a scratch directory made once per
 * process, next to copies of the data files its configs name.
 *
 * An input may hold several files: a line "%%file" separates them (FZ_SEP). Part 0 is
 * the file under test; what the further parts become is up to each target. */
#ifndef SHPFIT_TESTS_FUZZ_UTIL_H
#define SHPFIT_TESTS_FUZZ_UTIL_H

#include <stddef.h>
#include <stdint.h>

#define FZ_SEP "\n%%file\n"
#define FZ_MAX_PARTS 8

typedef struct {
    const uint8_t *data;
    size_t size;
} fz_part;

/* Make the scratch directory ($TMPDIR, else /dev/shm, else /tmp; shpfit-fuzz-<target>-XXXXXX),
 * removed at exit. Exits with a message when that fails: a target without it tests nothing. */
void fz_init(const char *target);

/* dir/rel into out. */
void fz_path(char *out, size_t len, const char *rel);

/* Copy a repository file (relative to $SHPFIT_FUZZ_ROOT, default the current directory:
 * make runs the targets from the repository root) to dir/dest, creating its folders. */
void fz_copy(const char *repo_rel, const char *dest);

/* A repository file's bytes (malloc'd, NUL-terminated; *n its size); exits when missing. */
char *fz_slurp(const char *repo_rel, size_t *n);

/* Write bytes to dir/rel (replaced); the full path into out. Exits on a write error:
 * a half-written input would make a finding irreproducible. */
void fz_write(const char *rel, const void *data, size_t n, char *out, size_t len);

/* Remove dir/rel when present, so a part missing from this input does not leave the
 * previous input's file behind. */
void fz_remove(const char *rel);

/* Remove dir/rel and everything under it (links themselves, not what they point to):
 * for targets whose code under test writes files, so that nothing of one input's
 * output is there for the next. */
void fz_clear(const char *rel);

/* dir/rel becomes a symbolic link to dir/target (its folders made). */
void fz_link(const char *target, const char *rel);

/* Split an input at every FZ_SEP into at most FZ_MAX_PARTS parts (the last part keeps
 * any further separators). Returns the count, ≥ 1. */
int fz_split(const uint8_t *data, size_t size, fz_part *parts);

/* An input as a configuration and the data files beside it: the first part written as
 * config.json (its path into cfg), the next up to three as f1.csv … f3.csv (the ones the
 * input lacks removed, so no earlier input's file is read). */
void fz_write_config(const uint8_t *data, size_t size, char *cfg, size_t len);

/* With SHPFIT_FUZZ_VERBOSE set, print "call: status: message" to stderr (what the
 * loader said about an input, when reproducing one by hand); silent otherwise. */
void fz_said(const char *call, int rc, const char *err);

#endif
