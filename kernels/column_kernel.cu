/* CUDA column kernel: one thread block per candidate column, the block's threads a
 * team over the same shp_column_run() the CPU backend runs (one physics source).
 * This first version keeps the shared-memory tree reduction and the rank-0 Thomas
 * solve of core/; the CUDA backend issue brings cub::BlockReduce, a parallel
 * tridiagonal solver and shared-memory column state. */
#include "column_kernel.h"
#include "cuda_check.h"

#include "shpfit/core/column_core.h"

__global__ void shp_column_kernel(shp_column col, const shp_material *mats, int n_mat,
                                  const double *h_init, double *work, shp_column_out *outs,
                                  int n_cand)
{
    extern __shared__ double shp_red[];
    const int cand = blockIdx.x;
    if (cand >= n_cand) return; /* uniform per block */
    shp_team team;
    team.rank = threadIdx.x;
    team.size = blockDim.x;
    team.red = shp_red;
    shp_column_run(&team, &col, mats + (long)cand * n_mat, h_init,
                   work + (long)cand * SHP_COLUMN_WORK_DOUBLES(col.n), &outs[cand]);
}

int shp_cuda_launch_columns(const shp_column *d_col, const shp_material *d_mats, int n_mat,
                            const double *d_h_init, double *d_work, shp_column_out *d_outs,
                            int n_cand, int threads, char *err, size_t errlen)
{
    if (n_cand <= 0 || threads <= 0 || threads > 1024) {
        snprintf(err, errlen, "shp_cuda_launch_columns: bad launch (%d columns, %d threads)",
                 n_cand, threads);
        return SHP_ERR_INVALID;
    }
    const size_t shmem = (size_t)threads * sizeof(double);
    shp_column_kernel<<<n_cand, threads, shmem>>>(*d_col, d_mats, n_mat, d_h_init, d_work, d_outs,
                                                  n_cand);
    SHP_CUDA_CHECK(cudaGetLastError(), err, errlen);
    return SHP_OK;
}
