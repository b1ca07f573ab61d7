/* Host entry to the CUDA column kernel (see column_kernel.cu). */
#ifndef SHPFIT_KERNELS_COLUMN_KERNEL_H
#define SHPFIT_KERNELS_COLUMN_KERNEL_H

#include <stddef.h>

#include "shpfit/core/column_core.h"

/* Launch n_cand columns, one block of `threads` threads each. Every pointer, including
 * those inside *d_col and d_outs[k], is device memory, except d_col itself which is a
 * host struct passed by value. d_mats holds n_mat materials per candidate; d_work
 * n_cand × SHP_COLUMN_WORK_DOUBLES(n). Asynchronous: synchronise before reading. */
int shp_cuda_launch_columns(const shp_column *d_col, const shp_material *d_mats, int n_mat,
                            const double *d_h_init, double *d_work, shp_column_out *d_outs,
                            int n_cand, int threads, char *err, size_t errlen);

#endif
