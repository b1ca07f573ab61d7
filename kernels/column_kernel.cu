/* CUDA batch kernel: one thread block per candidate column, the block's threads a team
 * (core/team.h) over the same shp_initial_heads() and shp_column_run() the CPU backend
 * runs: one physics source. Reductions are cub::BlockReduce, the tridiagonal solve is
 * the PCR–Thomas hybrid of core/tridiag.h, and the column's working arrays live in
 * shared memory when they fit (SHARED_WORK), else in global memory. */
#include "column_kernel.h"
#include "cuda_check.h"

#include "shpfit/core/column_core.h"
#include "shpfit/core/initial.h"

long shp_cuda_work_doubles(int n, int n_mat, int kmean, int n_sens)
{
    return shp_column_work_size(n, n_mat, kmean, n_sens) + (long)n * (1 + n_sens);
}

size_t shp_cuda_smem_bytes(int n, int n_mat, int kmean, int n_sens, int shared_work)
{
    return (size_t)n_mat * sizeof(shp_material) +
           (shared_work ? (size_t)shp_cuda_work_doubles(n, n_mat, kmean, n_sens) * sizeof(double)
                        : 0);
}

size_t shp_cuda_static_smem_bytes(void) { return sizeof(shp_team_gpu_shared); }

/* A candidate that cannot start (initial θ outside its range): NaN everywhere, status
 * invalid, as the CPU backend writes it. */
__device__ static void shp_mark_invalid(const shp_cuda_batch_args &a, int cand)
{
    double *block = a.out + (long)cand * a.out_stride;
    for (long k = threadIdx.x; k < a.out_stride; k += SHP_CUDA_BLOCK) block[k] = NAN;
    if (threadIdx.x == 0) {
        shp_column_stats *st = &a.stats[cand];
        st->status = SHP_ERR_INVALID;
        st->steps = st->iterations = st->failures = 0;
        st->t_reached = 0.0;
        st->max_abs_balance = NAN;
    }
}

/* The block size is a compile-time constant (CUB's BlockReduce is specialised on it);
 * __launch_bounds__ lets ptxas budget registers for exactly that many threads. With
 * SHP_CUDA_MIN_BLOCKS (`make CUDA_MIN_BLOCKS=k`) it also asks for k resident blocks per
 * multiprocessor, capping the registers at 65 536 / (k · block): the occupancy experiment
 * of docs/gpu.md ("Performance"); the kernel takes 255 registers and 4 blocks without it. */
#ifdef SHP_CUDA_MIN_BLOCKS
#define SHP_KERNEL_BOUNDS __launch_bounds__(SHP_CUDA_BLOCK, SHP_CUDA_MIN_BLOCKS)
#else
#define SHP_KERNEL_BOUNDS __launch_bounds__(SHP_CUDA_BLOCK)
#endif
template <bool SHARED_WORK>
__global__ void SHP_KERNEL_BOUNDS shp_batch_kernel(shp_cuda_batch_args a)
{
    extern __shared__ double shp_smem[]; /* materials, then (SHARED_WORK) the arrays */
    __shared__ shp_team_gpu_shared shp_red;
    const int cand = blockIdx.x;
    const int n = a.col.n;

    shp_team team;
    team.rank = threadIdx.x;
    team.size = SHP_CUDA_BLOCK;
    team.shared = &shp_red;
    team.barrier = 0;
    team.ctx = 0;
    team.tridiag = a.tridiag;

    /* the candidate's materials are read at every node evaluation: keep them close */
    shp_material *mats = (shp_material *)shp_smem;
    const unsigned long long *src = (const unsigned long long *)(a.mats + (long)cand * a.n_mat);
    unsigned long long *dst = (unsigned long long *)shp_smem; /* bits, not values: the model id */
    const int mat_doubles = a.n_mat * (int)(sizeof(shp_material) / sizeof(double));
    for (int k = threadIdx.x; k < mat_doubles; k += SHP_CUDA_BLOCK) dst[k] = src[k];
    const int ns = a.col.n_sens > 0 ? a.col.n_sens : 0;
    const long work_size = shp_column_work_size(n, a.n_mat, a.col.opt.kmean, ns);
    /* the block: the column's work, its initial heads and their derivatives */
    double *work = SHARED_WORK ? shp_smem + mat_doubles
                               : a.work + (long)cand * (work_size + (long)n * (1 + ns));
    double *h0 = work + work_size, *dh0 = ns ? h0 + n : 0;
    __syncthreads();

    shp_column_out out;
    shp_column_out_at(&a.col, a.out + (long)cand * a.out_stride, &a.stats[cand], &out);
    if (shp_initial_heads(&team, a.init_var, a.init_value, n, a.col.mat_of_node, mats, h0) !=
        SHP_OK) { /* a team-reduced decision: the whole block returns */
        shp_mark_invalid(a, cand);
        return;
    }
    if (ns)
        shp_initial_heads_dp(&team, a.init_var, a.init_value, n, a.col.mat_of_node, mats, h0, ns,
                             a.col.sens_mat, a.col.sens_par, dh0);
    shp_column_run_sens(&team, &a.col, mats, h0, dh0, work, &out);
}

static_assert(sizeof(shp_material) % sizeof(double) == 0, "materials are copied as doubles");

int shp_cuda_kernel_allow_smem(int shared_work, size_t bytes, char *err, size_t errlen)
{
    if (shared_work)
        SHP_CUDA_CHECK(cudaFuncSetAttribute(shp_batch_kernel<true>,
                                            cudaFuncAttributeMaxDynamicSharedMemorySize, (int)bytes),
                       err, errlen);
    else
        SHP_CUDA_CHECK(cudaFuncSetAttribute(shp_batch_kernel<false>,
                                            cudaFuncAttributeMaxDynamicSharedMemorySize, (int)bytes),
                       err, errlen);
    return SHP_OK;
}

int shp_cuda_launch_batch(const shp_cuda_batch_args *args, size_t smem_bytes, cudaStream_t stream,
                          char *err, size_t errlen)
{
    if (args->n_cand <= 0 || args->col.n < 3 || args->n_mat < 1) {
        snprintf(err, errlen, "shp_cuda_launch_batch: bad launch (%d columns of %d nodes, %d materials)",
                 args->n_cand, args->col.n, args->n_mat);
        return SHP_ERR_INVALID;
    }
    if (args->work)
        shp_batch_kernel<false><<<args->n_cand, SHP_CUDA_BLOCK, smem_bytes, stream>>>(*args);
    else
        shp_batch_kernel<true><<<args->n_cand, SHP_CUDA_BLOCK, smem_bytes, stream>>>(*args);
    SHP_CUDA_CHECK(cudaGetLastError(), err, errlen);
    return SHP_OK;
}
