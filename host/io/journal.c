/* The journal of a run (shpfit/journal.h). */
#define _XOPEN_SOURCE 700 /* fdatasync, ftruncate, fileno */
#include "shpfit/journal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "io/fs.h"
#include "io/json_file.h"
#include "shpfit/status.h"

#define MAGIC "SHPJRNL2"
#define RECORD_MAGIC 0x52504853u /* "SHPR" */
#define SYNC_EVERY_S 5.0         /* fdatasync at most this often: a kill loses nothing flushed */

struct shp_journal {
    char path[SHP_PATH_MAX];
    FILE *f;
    unsigned char *meta;
    size_t meta_len;
    /* the records read at open: replayed from memory */
    unsigned char *old;
    size_t old_len, pos;
    long found, replayed;
    double t_open, offset, last_sync;
    char error[SHP_MSG_MAX];
};

/* A record's fixed head; the arrays and the checksum follow. */
typedef struct {
    uint32_t magic, has_res;
    int32_t n, dim, nobj, nres;
    uint64_t input_hash;
    double clock;
    int64_t counts[SHP_RECORD_COUNTS];
} record_head;

static size_t payload_size(const record_head *h)
{
    return (size_t)h->n * ((size_t)h->nobj * sizeof(double) + sizeof(int32_t) +
                           (h->has_res ? (size_t)h->nres * sizeof(double) : 0));
}

static int fail(char *err, size_t len, int rc, const char *fmt, const char *path, const char *why)
{
    snprintf(err, len, fmt, path, why);
    return rc;
}

/* A new file: the header, flushed. */
static int write_header(shp_journal *j, uint64_t fingerprint, char *err, size_t len)
{
    const uint64_t ml = j->meta_len;
    uint64_t h = shp_hash64(MAGIC, 8, SHP_HASH_INIT);
    h = shp_hash64(&fingerprint, sizeof fingerprint, h);
    h = shp_hash64(&ml, sizeof ml, h);
    h = shp_hash64(j->meta, j->meta_len, h);
    j->f = fopen(j->path, "wb");
    if (!j->f ||
        fwrite(MAGIC, 1, 8, j->f) != 8 || fwrite(&fingerprint, sizeof fingerprint, 1, j->f) != 1 ||
        fwrite(&ml, sizeof ml, 1, j->f) != 1 || (ml && fwrite(j->meta, 1, j->meta_len, j->f) != j->meta_len) ||
        fwrite(&h, sizeof h, 1, j->f) != 1 || fflush(j->f) != 0)
        return fail(err, len, SHP_ERR_IO, "%s: cannot write the checkpoint: %s", j->path, strerror(errno));
    return SHP_OK;
}

/* Parse the file's header; the offset of the first record in *at. */
static int read_header(shp_journal *j, const unsigned char *b, size_t n, uint64_t fingerprint, size_t *at,
                       char *err, size_t len)
{
    uint64_t fp, ml, h;
    const size_t fixed = 8 + sizeof fp + sizeof ml;
    if (n < fixed || memcmp(b, MAGIC, 8) != 0)
        return fail(err, len, SHP_ERR_CHECKPOINT, "%s: %s", j->path, "not a shpfit checkpoint (or one of another version)");
    memcpy(&fp, b + 8, sizeof fp);
    memcpy(&ml, b + 8 + sizeof fp, sizeof ml);
    if (ml > n || fixed + ml + sizeof h > n)
        return fail(err, len, SHP_ERR_CHECKPOINT, "%s: %s", j->path, "the checkpoint's header is cut short");
    memcpy(&h, b + fixed + ml, sizeof h);
    if (shp_hash64(b, fixed + ml, SHP_HASH_INIT) != h)
        return fail(err, len, SHP_ERR_CHECKPOINT, "%s: %s", j->path, "the checkpoint's header is damaged");
    if (fp != fingerprint)
        return fail(err, len, SHP_ERR_CHECKPOINT,
                    "%s: %s", j->path,
                    "the checkpoint belongs to another run (the configuration, observations, seed, "
                    "options or backend differ): remove it to start afresh");
    j->meta = malloc(ml ? ml : 1);
    if (!j->meta) return fail(err, len, SHP_ERR_NOMEM, "%s: %s", j->path, "out of memory");
    memcpy(j->meta, b + fixed, ml);
    j->meta_len = ml;
    *at = fixed + ml + sizeof h;
    return SHP_OK;
}

/* The complete records from `at` on: their end. A record cut by a kill, or damaged,
 * ends the journal there. */
static size_t scan_records(const unsigned char *b, size_t n, size_t at, long *count)
{
    *count = 0;
    for (;;) {
        record_head h;
        uint64_t sum;
        if (n - at < sizeof h) return at;
        memcpy(&h, b + at, sizeof h);
        if (h.magic != RECORD_MAGIC || h.n < 0 || h.nobj < 0 || h.nres < 0 || h.dim < 0) return at;
        const size_t body = sizeof h + payload_size(&h);
        if (n - at < body + sizeof sum) return at;
        memcpy(&sum, b + at + body, sizeof sum);
        if (shp_hash64(b + at, body, SHP_HASH_INIT) != sum) return at;
        at += body + sizeof sum;
        ++*count;
    }
}

static int resume_file(shp_journal *j, uint64_t fingerprint, char *err, size_t len)
{
    size_t n = 0;
    unsigned char *b = (unsigned char *)shp_file_read_all(j->path, &n);
    if (!b) return fail(err, len, errno == ENOMEM ? SHP_ERR_NOMEM : SHP_ERR_IO, "%s: cannot read the checkpoint: %s",
                        j->path, strerror(errno));
    size_t at = 0;
    int rc = read_header(j, b, n, fingerprint, &at, err, len);
    if (rc != SHP_OK) {
        free(b);
        return rc;
    }
    const size_t end = scan_records(b, n, at, &j->found);
    j->old = b;
    j->old_len = end;
    j->pos = at;
    /* continue writing after the last whole record (a cut one is overwritten) */
    j->f = fopen(j->path, "r+b");
    if (!j->f || ftruncate(fileno(j->f), (off_t)end) != 0 || fseek(j->f, (long)end, SEEK_SET) != 0)
        return fail(err, len, SHP_ERR_IO, "%s: cannot reopen the checkpoint: %s", j->path, strerror(errno));
    return SHP_OK;
}

shp_status shp_journal_open(const char *path, uint64_t fingerprint, const void *meta, size_t meta_len, int resume,
                            shp_journal **out, char *err, size_t len)
{
    *out = NULL;
    shp_journal *j = calloc(1, sizeof *j);
    if (!j) return fail(err, len, SHP_ERR_NOMEM, "%s: %s", path, "out of memory");
    if (snprintf(j->path, sizeof j->path, "%s", path) >= (int)sizeof j->path) {
        free(j);
        return fail(err, len, SHP_ERR_IO, "%s: %s", path, strerror(ENAMETOOLONG));
    }
    j->t_open = j->last_sync = shp_wall_seconds();
    int rc;
    if (resume && access(path, F_OK) == 0) {
        rc = resume_file(j, fingerprint, err, len);
    } else {
        j->meta = malloc(meta_len ? meta_len : 1);
        j->meta_len = meta_len;
        if (j->meta && meta_len) memcpy(j->meta, meta, meta_len);
        rc = j->meta ? write_header(j, fingerprint, err, len) : SHP_ERR_NOMEM;
    }
    if (rc != SHP_OK) {
        if (rc == SHP_ERR_NOMEM) snprintf(err, len, "%s: out of memory", path);
        shp_journal_close(j, 0);
        return rc;
    }
    *out = j;
    return SHP_OK;
}

const void *shp_journal_meta(const shp_journal *j, size_t *len)
{
    *len = j->meta_len;
    return j->meta;
}

long shp_journal_found(const shp_journal *j) { return j->found; }

int shp_journal_replaying(const shp_journal *j) { return j->replayed < j->found; }

double shp_journal_clock(const shp_journal *j) { return shp_wall_seconds() - j->t_open + j->offset; }

const char *shp_journal_error(const shp_journal *j) { return j ? j->error : ""; }

static uint64_t input_hash(const double *u, int n, int dim, int nres)
{
    const int has_res = nres >= 0;
    uint64_t h = shp_hash64(u, (size_t)n * (size_t)dim * sizeof *u, SHP_HASH_INIT);
    return shp_hash64(&has_res, sizeof has_res, h);
}

shp_status shp_journal_replay(shp_journal *j, const double *u, int n, int dim, int nobj, int nres, double *f, int *ok,
                              double *r, long counts[SHP_RECORD_COUNTS])
{
    record_head h;
    memcpy(&h, j->old + j->pos, sizeof h);
    const int want_res = r != NULL;
    if (h.n != n || h.dim != dim || h.nobj != nobj || (int)h.has_res != want_res ||
        (want_res && h.nres != nres) || h.input_hash != input_hash(u, n, dim, want_res ? nres : -1)) {
        snprintf(j->error, sizeof j->error,
                 "%s: batch %ld of the checkpoint answers other candidates than this run asks for (the "
                 "configuration, observations, seed or program changed since it was written): remove it "
                 "to start afresh", j->path, j->replayed + 1);
        return SHP_ERR_CHECKPOINT;
    }
    const unsigned char *p = j->old + j->pos + sizeof h;
    memcpy(f, p, (size_t)n * (size_t)nobj * sizeof *f);
    p += (size_t)n * (size_t)nobj * sizeof *f;
    for (int i = 0; i < n; ++i, p += sizeof(int32_t)) {
        int32_t v;
        memcpy(&v, p, sizeof v);
        ok[i] = v;
    }
    if (want_res) memcpy(r, p, (size_t)n * (size_t)nres * sizeof *r);
    for (int k = 0; k < SHP_RECORD_COUNTS; ++k) counts[k] = (long)h.counts[k];
    j->pos += sizeof h + payload_size(&h) + sizeof(uint64_t);
    ++j->replayed;
    /* the run's clock stands where it stood when this batch had been simulated */
    j->offset = h.clock - (shp_wall_seconds() - j->t_open);
    if (j->replayed == j->found) { /* replay over: the records are not needed again */
        free(j->old);
        j->old = NULL;
    }
    return SHP_OK;
}

shp_status shp_journal_append(shp_journal *j, const double *u, int n, int dim, int nobj, int nres, const double *f,
                              const int *ok, const double *r, const long counts[SHP_RECORD_COUNTS])
{
    const int want_res = r != NULL;
    record_head h = {RECORD_MAGIC, (uint32_t)want_res, n, dim, nobj, want_res ? nres : 0,
                     input_hash(u, n, dim, want_res ? nres : -1), shp_journal_clock(j), {0}};
    for (int k = 0; k < SHP_RECORD_COUNTS; ++k) h.counts[k] = counts[k];
    const size_t body = sizeof h + payload_size(&h);
    unsigned char *buf = malloc(body + sizeof(uint64_t));
    if (!buf) {
        snprintf(j->error, sizeof j->error, "%s: out of memory", j->path);
        return SHP_ERR_NOMEM;
    }
    unsigned char *p = buf;
    memcpy(p, &h, sizeof h);
    p += sizeof h;
    memcpy(p, f, (size_t)n * (size_t)nobj * sizeof *f);
    p += (size_t)n * (size_t)nobj * sizeof *f;
    for (int i = 0; i < n; ++i, p += sizeof(int32_t)) {
        const int32_t v = ok[i];
        memcpy(p, &v, sizeof v);
    }
    if (want_res) memcpy(p, r, (size_t)n * (size_t)nres * sizeof *r);
    const uint64_t sum = shp_hash64(buf, body, SHP_HASH_INIT);
    memcpy(buf + body, &sum, sizeof sum);
    /* one write per record, flushed: a kill loses at most the record being written,
     * which the resume drops by its checksum */
    int bad = fwrite(buf, 1, body + sizeof sum, j->f) != body + sizeof sum || fflush(j->f) != 0;
    const double now = shp_wall_seconds();
    if (!bad && now - j->last_sync >= SYNC_EVERY_S) {
        bad = fdatasync(fileno(j->f)) != 0 && errno != EINVAL;
        j->last_sync = now;
    }
    free(buf);
    if (bad) {
        snprintf(j->error, sizeof j->error, "%s: cannot write the checkpoint: %s", j->path, strerror(errno));
        return SHP_ERR_IO;
    }
    return SHP_OK;
}

void shp_journal_close(shp_journal *j, int remove)
{
    if (!j) return;
    if (j->f) fclose(j->f);
    if (remove) unlink(j->path);
    free(j->meta);
    free(j->old);
    free(j);
}

/* The journal as the problem's record (shpfit/problem.h). */
static int journal_replaying(void *j) { return shp_journal_replaying(j); }
static double journal_clock(void *j) { return shp_journal_clock(j); }
static const char *journal_error(void *j) { return shp_journal_error(j); }
static shp_status journal_replay(void *j, const double *u, int n, int dim, int nobj, int nres, double *f, int *ok,
                                 double *r, long counts[SHP_RECORD_COUNTS])
{
    return shp_journal_replay(j, u, n, dim, nobj, nres, f, ok, r, counts);
}
static shp_status journal_append(void *j, const double *u, int n, int dim, int nobj, int nres, const double *f,
                                 const int *ok, const double *r, const long counts[SHP_RECORD_COUNTS])
{
    return shp_journal_append(j, u, n, dim, nobj, nres, f, ok, r, counts);
}

static const shp_recorder journal_ops = {journal_replaying, journal_replay, journal_append, journal_clock,
                                         journal_error};

void shp_problem_set_journal(shp_problem *pb, shp_journal *j) { shp_problem_set_recorder(pb, j ? &journal_ops : NULL, j); }
