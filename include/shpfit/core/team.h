/* A "team" shares one column's node loops: on the CPU a team of one thread, on the
 * GPU the thread block. The column solver is written against these few operations,
 * so one time-stepping routine serves both backends (docs/architecture.md).
 * Control decisions depend only on team-reduced values, so every member of a team
 * takes the same branch. */
#ifndef SHPFIT_CORE_TEAM_H
#define SHPFIT_CORE_TEAM_H

#include "../physics/hd.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
    int rank;    /* this member, 0 … size−1 */
    int size;    /* members of the team */
    double *red; /* team-shared scratch of `size` doubles for reductions (GPU only) */
} shp_team;

SHP_HD SHP_INLINE shp_team shp_team_single(void)
{
    shp_team t;
    t.rank = 0;
    t.size = 1;
    t.red = 0;
    return t;
}

SHP_HD SHP_INLINE void shp_team_sync(const shp_team *t)
{
    (void)t;
#if defined(__CUDA_ARCH__)
    __syncthreads();
#endif
}

/* Team-wide max or sum of each member's partial value, returned to every member.
 * A NaN partial poisons a max (so a NaN column can never look converged). */
#define SHP_TEAM_OP_MAX 0
#define SHP_TEAM_OP_SUM 1
SHP_HD SHP_INLINE double shp_team_reduce(const shp_team *t, double v, int op)
{
#if defined(__CUDA_ARCH__)
    /* Fixed-order tree in shared memory: deterministic for a given block size.
     * (The CUDA backend issue replaces this with cub::BlockReduce.) */
    t->red[t->rank] = v;
    __syncthreads();
    for (int s = 1; s < t->size; s <<= 1) {
        if ((t->rank % (2 * s)) == 0 && t->rank + s < t->size) {
            const double a = t->red[t->rank], b = t->red[t->rank + s];
            t->red[t->rank] = op == SHP_TEAM_OP_SUM ? a + b : ((a != a || a > b) ? a : b);
        }
        __syncthreads();
    }
    const double out = t->red[0];
    __syncthreads(); /* red[] may be reused by the next reduction */
    return out;
#else
    (void)t;
    (void)op;
    return v;
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
