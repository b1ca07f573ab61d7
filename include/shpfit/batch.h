/* Batch evaluation: N candidate parameter sets, N independent soil columns.
 *
 * Every candidate shares the column set-up (grid, boundaries, outputs, solver
 * options, the initial condition as given in the config) and has its own materials.
 * A backend runs the whole batch and writes, per candidate, the column's output block
 * (layout of shp_column_out_bind) and its statistics, whose status says whether the
 * column converged (SHP_OK), failed (SHP_ERR_NOT_CONVERGED, SHP_ERR_MAX_STEPS) or
 * could not start (SHP_ERR_INVALID: the initial θ is outside this candidate's range).
 * A failed candidate is data, not an error: its slots are NaN.
 * When the column asks for sensitivities (col->n_sens > 0) each candidate's block also
 * holds the derivatives of its outputs (core/column_sens.h; initial heads given as θ or
 * Se differentiated with them).
 *
 * Backends are operation tables (after SUNDIALS' N_Vector): "cpu" (OpenMP over
 * candidates, one column per thread at a time) and, when built with CUDA, "cuda" (one
 * thread block per candidate; shpfit/backend_cuda.h, docs/gpu.md). The optimizers
 * never see which one runs. Results do not depend on the thread count: each column is
 * computed by one thread (on a GPU by one block) from the same inputs in the same
 * order; the GPU agrees with the CPU to rounding, not bit for bit (docs/gpu.md). */
#ifndef SHPFIT_BATCH_H
#define SHPFIT_BATCH_H

#include <stddef.h>

#include "column.h"
#include "core/initial.h"

#ifdef __cplusplus
extern "C" {
#endif

/* What the candidates share. */
typedef struct {
    const shp_column *col;    /* grid, boundaries, outputs, solver options */
    int n_materials;          /* materials per candidate (col->mat_of_node indexes them) */
    int init_var;             /* shp_init_var of init_value */
    const double *init_value; /* col->n values: heads, θ or Se per node */
} shp_batch_setup;

/* One batch: inputs and the caller's output buffers. */
typedef struct {
    int n;                    /* candidates */
    const shp_material *mats; /* n × n_materials, candidate-major */
    double *out;              /* n × shp_column_out_doubles(col) */
    shp_column_stats *stats;  /* n */
} shp_batch;

typedef struct shp_backend shp_backend;

typedef struct {
    const char *name;
    int (*run)(shp_backend *be, const shp_batch_setup *s, const shp_batch *b);
    void (*destroy)(shp_backend *be);
    /* message of the last failed run ("" when none); may be NULL (no messages) */
    const char *(*error)(const shp_backend *be);
} shp_backend_ops;

struct shp_backend {
    const shp_backend_ops *ops;
    void *state;
    int threads; /* CPU threads (0: OpenMP's default) */
};

/* The CPU backend with `threads` OpenMP threads (0: OMP_NUM_THREADS or all cores). */
shp_backend *shp_backend_cpu_create(int threads);

/* A backend by name: "cpu"; "cuda" (one thread block per candidate; NULL with "built
 * without CUDA" or "no CUDA device" when it cannot run here); "auto" (cuda when this
 * program has the CUDA backend and a device is present, else cpu). NULL with a message
 * when the name is unknown. `threads` is for the CPU backend. */
shp_backend *shp_backend_create(const char *name, int threads, char *err, size_t len);

/* 1 when this program was linked with the CUDA backend (backend_cuda.h). */
int shp_backend_cuda_built(void);

const char *shp_backend_name(const shp_backend *be);

/* What went wrong in the last failed shp_backend_run (a CUDA error with the call and
 * the runtime's message), or "" when the backend has nothing to add to the status. */
const char *shp_backend_error(const shp_backend *be);

/* Run a batch. SHP_OK when every candidate was attempted (each one's own status is in
 * b->stats); SHP_ERR_NOMEM / SHP_ERR_CUDA / SHP_ERR_INVALID when the batch as a whole
 * could not run (SHP_ERR_INVALID also for sensitivities, n_sens > 0, of a column with an
 * atmospheric top or roots, which the sensitivity equations do not cover). */
shp_status shp_backend_run(shp_backend *be, const shp_batch_setup *s, const shp_batch *b);

void shp_backend_destroy(shp_backend *be);

/* Output block of candidate i, bound to its slots. */
void shp_batch_out_of(const shp_batch_setup *s, const shp_batch *b, int i, shp_column_out *out);

#ifdef __cplusplus
}
#endif

#endif
