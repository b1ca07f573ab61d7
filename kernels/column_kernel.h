/* Host entry to the CUDA batch kernel (column_kernel.cu): one thread block of
 * SHP_CUDA_BLOCK threads per candidate column. */
#ifndef SHPFIT_KERNELS_COLUMN_KERNEL_H
#define SHPFIT_KERNELS_COLUMN_KERNEL_H

#include <cuda_runtime.h>
#include <stddef.h>

#include "shpfit/core/column_core.h"

/* Everything one launch needs; every pointer is device memory (also those inside col). */
typedef struct {
    shp_column col;            /* the set-up all candidates share */
    const shp_material *mats;  /* n_cand × n_mat, candidate-major */
    int n_mat;
    int init_var;              /* shp_init_var of init_value */
    const double *init_value;  /* col.n values; each block derives its own heads */
    double *out;               /* n_cand × out_stride: shp_column_out_at blocks */
    long out_stride;           /* shp_column_out_size(&col) */
    shp_column_stats *stats;   /* n_cand */
    double *work;              /* n_cand × shp_cuda_work_doubles(...); NULL: shared memory */
    int n_cand;
    int tridiag;               /* shp_team.tridiag */
} shp_cuda_batch_args;

/* Doubles of one block's working arrays: the column's work, its initial heads and their
 * derivatives by the n_sens sensitivity parameters. */
long shp_cuda_work_doubles(int n, int n_mat, int kmean, int n_sens);

/* Dynamic shared memory of one block: the candidate's materials, plus the working
 * arrays when they are kept in shared memory. */
size_t shp_cuda_smem_bytes(int n, int n_mat, int kmean, int n_sens, int shared_work);

/* Static shared memory of the kernel (CUB's reduction storage). */
size_t shp_cuda_static_smem_bytes(void);

/* Allow `bytes` of dynamic shared memory for the kernel variant (above the 48 KiB
 * default a kernel must opt in). */
int shp_cuda_kernel_allow_smem(int shared_work, size_t bytes, char *err, size_t errlen);

/* Launch one block per candidate on `stream` (asynchronous; the launch is checked). */
int shp_cuda_launch_batch(const shp_cuda_batch_args *args, size_t smem_bytes, cudaStream_t stream,
                          char *err, size_t errlen);

#endif
