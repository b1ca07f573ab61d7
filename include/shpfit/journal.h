/* The journal of a run: the results of every batch of columns, in order, written as the
 * run goes, so that a killed fit or campaign resumes where it stopped with at most the
 * batch in flight lost.
 *
 * A resumed run repeats its own work exactly: the optimizers, the two-step hand-over and
 * the Levenberg–Marquardt polish are deterministic given the seed and the results of the
 * batches, so the run is started again and each batch takes its results from the journal
 * instead of running columns, until the journal ends; from there it simulates and appends
 * again. This rebuilds the whole state (every population and archive, the adaptive
 * parameters, the random generators, the polish, the evaluation counters) of every
 * optimizer, bit for bit, without a serialiser per algorithm that could fall out of step
 * with it; replaying costs only the optimizers' own arithmetic. Each record carries a
 * hash of the candidates it answered, so a journal is never applied to another run.
 *
 * The run's clock is the journal's: replayed batches restore the elapsed time they were
 * recorded at, so wall times and time budgets count the killed run's time too.
 *
 * File: a header (magic, the run's fingerprint, a caller's blob), then one record per
 * batch ending in a checksum; a record cut short by a kill is dropped on resume. The
 * byte order is the machine's: resume on the machine (architecture) that wrote it. */
#ifndef SHPFIT_JOURNAL_H
#define SHPFIT_JOURNAL_H

#include <stddef.h>
#include <stdint.h>

#include "hash.h"
#include "problem.h"
#include "status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct shp_journal shp_journal;


/* Open the journal at path for a run identified by fingerprint (what makes its results:
 * configuration, data, seed, backend), with a blob of the caller's (meta, kept for the
 * resume; may be empty). resume = 0, or no file at path: a new journal (an existing file
 * is replaced). resume = 1 and a file there: continue it; its fingerprint must match
 * (otherwise SHP_ERR_CHECKPOINT: "PATH: ..."). SHP_OK, SHP_ERR_IO, SHP_ERR_NOMEM or
 * SHP_ERR_CHECKPOINT with a message. */
shp_status shp_journal_open(const char *path, uint64_t fingerprint, const void *meta, size_t meta_len, int resume,
                            shp_journal **out, char *err, size_t len);

/* The blob of the journal (a resumed one's as written then), and its size. */
const void *shp_journal_meta(const shp_journal *j, size_t *len);

/* Batches found in the file when it was opened (0 for a new journal). */
long shp_journal_found(const shp_journal *j);

/* 1 while batches are being answered from the file. */
int shp_journal_replaying(const shp_journal *j);

/* Seconds the run has taken, the replayed part included (see above). */
double shp_journal_clock(const shp_journal *j);


/* One batch: n candidates of dim unit coordinates u (what the record is checked
 * against), nobj objectives f, the flags ok, nres residuals r (r NULL: none) and the
 * evaluation counters' increments counts[SHP_RECORD_COUNTS] (evaluated, invalid,
 * failed, failed at the column's step cap).
 * shp_journal_replay fills f, ok, r and counts from the next record: SHP_OK, or
 * SHP_ERR_CHECKPOINT when the record answers other candidates (the message in
 * shp_journal_error). shp_journal_append writes a record after a batch was simulated:
 * SHP_OK or SHP_ERR_IO. */
shp_status shp_journal_replay(shp_journal *j, const double *u, int n, int dim, int nobj, int nres, double *f, int *ok,
                              double *r, long counts[SHP_RECORD_COUNTS]);
shp_status shp_journal_append(shp_journal *j, const double *u, int n, int dim, int nobj, int nres, const double *f,
                              const int *ok, const double *r, const long counts[SHP_RECORD_COUNTS]);

/* What went wrong in the last failed replay or append ("" when nothing). */
const char *shp_journal_error(const shp_journal *j);

/* Record every evaluation of pb in j, and while j replays, take the results from it
 * instead of running columns (shp_problem_set_recorder); NULL detaches. j stays the
 * caller's. */
void shp_problem_set_journal(shp_problem *pb, shp_journal *j);

/* Close; with remove = 1 (the run finished and its results are safe) delete the file.
 * NULL is fine. */
void shp_journal_close(shp_journal *j, int remove);

#ifdef __cplusplus
}
#endif

#endif
