/* The CUDA batch backend (kernels/backend_cuda.cu): one thread block per candidate
 * column, behind the operation table of shpfit/batch.h.
 *
 * These functions exist only in programs linked with the CUDA objects (build/shpfit
 * when nvcc was present at build time; build/shpfit-cuda-check). The library itself
 * never needs the CUDA runtime: shp_backend_create("cuda" | "auto") refers to them
 * weakly and reports "built without CUDA" when they are absent (docs/gpu.md). */
#ifndef SHPFIT_BACKEND_CUDA_H
#define SHPFIT_BACKEND_CUDA_H

#include <stddef.h>

#include "batch.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Where a block keeps its column's working arrays. */
typedef enum {
    SHP_CUDA_WORK_AUTO = 0, /* shared memory when the column fits there, else global */
    SHP_CUDA_WORK_SHARED,   /* shared memory; a batch whose column does not fit fails */
    SHP_CUDA_WORK_GLOBAL    /* global memory, one stride per candidate */
} shp_cuda_work;

/* CUDA devices usable by this process (0 with no driver, no device or any error). */
int shp_cuda_device_count(void);

/* The CUDA backend on `device` (0: the first visible one). NULL with a message in err
 * when there is no such device or it cannot be set up. Device buffers are allocated on
 * the first batch and grown only when a larger batch or column arrives. */
shp_backend *shp_backend_cuda_create(int device, int work, char *err, size_t len);

/* What the last batch of a CUDA backend cost: the kernel alone (CUDA events around
 * the launch) and the whole run (uploads, kernel, downloads). */
typedef struct {
    double kernel_ms;  /* CUDA events around the one launch */
    double total_ms;   /* wall time of shp_backend_run, transfers included */
    int shared;        /* 1: the column's arrays were in shared memory */
    size_t smem_bytes; /* dynamic shared memory per block */
    int candidates;
} shp_cuda_timing;

/* SHP_OK, or SHP_ERR_INVALID when `be` is not a CUDA backend. */
shp_status shp_backend_cuda_timing(const shp_backend *be, shp_cuda_timing *t);

/* The tridiagonal solve of every block from the next batch on (core/tridiag.h):
 * SHP_TRIDIAG_DEFAULT (−1, PCR–Thomas with ⌈log2 min(n, block)⌉ levels),
 * SHP_TRIDIAG_CR (−2, cyclic reduction), or L ≥ 0 levels of PCR then Thomas (0: Thomas
 * on one thread; ⌈log2 n⌉: pure PCR). Results agree to rounding; only the speed
 * differs (`make bench-gpu` times them). SHP_ERR_INVALID for another backend or a
 * value outside −2 … 30. */
shp_status shp_backend_cuda_set_tridiag(shp_backend *be, int solve);

/* The device's name ("NVIDIA H100 80GB HBM3") for reports. */
const char *shp_backend_cuda_device_name(const shp_backend *be);

#ifdef __cplusplus
}
#endif

#endif
