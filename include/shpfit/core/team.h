/* A "team" shares one column's node loops: on the CPU a team of one thread, on the
 * GPU the thread block. The column solver is written against these few operations,
 * so one time-stepping routine serves both backends (docs/solver.md, docs/gpu.md).
 * Control decisions depend only on team-reduced values, so every member of a team
 * takes the same branch.
 *
 * Three implementations behind the same calls:
 *   - CPU team of one (shp_team_single): sync is nothing, a reduction is the value;
 *   - GPU block (kernels/): __syncthreads and cub::BlockReduce over SHP_CUDA_BLOCK
 *     threads, the block size being a compile-time constant CUB needs;
 *   - CPU team of several threads (tests only): `barrier` is a thread barrier and a
 *     reduction folds the members' values in rank order through `shared`. It runs the
 *     GPU's team-strided code paths (parallel tridiagonal solve, strided loops,
 *     reductions) on the CPU, where they can be tested without a device. */
#ifndef SHPFIT_CORE_TEAM_H
#define SHPFIT_CORE_TEAM_H

#include "../physics/hd.h"

#if defined(__CUDACC__)
#include <cub/block/block_reduce.cuh>

/* Threads per block of the CUDA column kernel. 64 (two warps): at ~100 nodes a column
 * has one or two nodes per thread, the per-iteration cost is dominated by block
 * barriers, and a small block lets more columns share a multiprocessor to hide their
 * latency; a larger block only adds idle threads to every barrier (docs/gpu.md). */
#ifndef SHP_CUDA_BLOCK
#define SHP_CUDA_BLOCK 64
#endif

/* Team-shared storage of a GPU block: CUB's scratch plus one broadcast slot (CUB
 * leaves the aggregate in thread 0 only). */
typedef cub::BlockReduce<double, SHP_CUDA_BLOCK> shp_block_reduce;
typedef struct {
    shp_block_reduce::TempStorage cub;
    double result;
} shp_team_gpu_shared;

/* NaN-propagating max and plain sum as CUB reduction operators */
struct shp_team_max_op {
    __host__ __device__ double operator()(double a, double b) const
    {
        return (a != a || a > b) ? a : b;
    }
};
struct shp_team_sum_op {
    __host__ __device__ double operator()(double a, double b) const { return a + b; }
};
#endif

#ifdef __cplusplus
extern "C" {
#endif

typedef struct shp_team shp_team;
struct shp_team {
    int rank;     /* this member, 0 … size−1 */
    int size;     /* members of the team */
    void *shared; /* team-shared scratch: shp_team_gpu_shared on a GPU; `size` doubles
                     on a CPU team of several threads; unused by a team of one */
    void (*barrier)(const shp_team *t); /* CPU team of several threads, else NULL */
    void *ctx;    /* the barrier's state */
    int tridiag;  /* tridiagonal solve of a team of several (core/tridiag.h):
                     SHP_TRIDIAG_DEFAULT, SHP_TRIDIAG_CR, or L ≥ 0 levels of PCR
                     then Thomas (0: one member runs Thomas; ⌈log2 n⌉: pure PCR) */
};

#define SHP_TRIDIAG_DEFAULT (-1) /* PCR–Thomas with ⌈log2 min(n, size)⌉ levels */
#define SHP_TRIDIAG_CR (-2)      /* cyclic reduction */

SHP_HD SHP_INLINE shp_team shp_team_single(void)
{
    shp_team t;
    t.rank = 0;
    t.size = 1;
    t.shared = 0;
    t.barrier = 0;
    t.ctx = 0;
    t.tridiag = SHP_TRIDIAG_DEFAULT;
    return t;
}

SHP_HD SHP_INLINE void shp_team_sync(const shp_team *t)
{
#if defined(__CUDA_ARCH__)
    (void)t;
    __syncthreads();
#else
    if (t->barrier) t->barrier(t);
#endif
}

/* Team-wide max or sum of each member's partial value, returned to every member.
 * A NaN partial poisons a max (so a NaN column can never look converged). The order
 * of the combination is fixed for a given team size, so results are deterministic. */
#define SHP_TEAM_OP_MAX 0
#define SHP_TEAM_OP_SUM 1
SHP_HD SHP_INLINE double shp_team_reduce(const shp_team *t, double v, int op)
{
#if defined(__CUDA_ARCH__)
    /* CUB's default (warp-reductions) algorithm: fixed order, deterministic. Its
     * internal barrier orders this reduction after every member has read the previous
     * broadcast, and the barrier below makes `cub` reusable, so one barrier suffices. */
    static_assert(SHP_CUDA_BLOCK > 32, "the broadcast relies on CUB's inter-warp barrier");
    shp_team_gpu_shared *s = (shp_team_gpu_shared *)t->shared;
    const double r = op == SHP_TEAM_OP_SUM ? shp_block_reduce(s->cub).Reduce(v, shp_team_sum_op())
                                           : shp_block_reduce(s->cub).Reduce(v, shp_team_max_op());
    if (t->rank == 0) s->result = r;
    __syncthreads();
    return s->result;
#else
    if (t->size == 1) {
        (void)op;
        return v;
    }
    double *red = (double *)t->shared;
    red[t->rank] = v;
    t->barrier(t);
    double out = red[0];
    for (int k = 1; k < t->size; ++k)
        out = op == SHP_TEAM_OP_SUM ? out + red[k] : ((out != out || out > red[k]) ? out : red[k]);
    t->barrier(t); /* red[] is reused by the next reduction */
    return out;
#endif
}

SHP_HD SHP_INLINE double shp_team_max(const shp_team *t, double v)
{
    return shp_team_reduce(t, v, SHP_TEAM_OP_MAX);
}

SHP_HD SHP_INLINE double shp_team_sum(const shp_team *t, double v)
{
    return shp_team_reduce(t, v, SHP_TEAM_OP_SUM);
}

/* max that lets NaN win, for convergence measures */
SHP_HD SHP_INLINE double shp_max_nan(double a, double b) { return (a != a || a > b) ? a : b; }

#ifdef __cplusplus
}
#endif

#endif
