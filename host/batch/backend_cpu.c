/* The CPU backend: OpenMP over candidates, each column run by one thread as a team of
 * one over the shared solver (core/column_core.h). Each thread allocates its working
 * block once per batch; nothing is allocated per column. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#ifdef _OPENMP
#include <omp.h>
#endif

#include "shpfit/batch.h"

/* A candidate that cannot start: NaN in every slot, status invalid. */
static void mark_invalid(const shp_column *col, shp_column_out *out, double *block)
{
    const long nd = shp_column_out_doubles(col);
    for (long k = 0; k < nd; ++k) block[k] = NAN;
    memset(out->stats, 0, sizeof *out->stats);
    out->stats->status = SHP_ERR_INVALID;
    out->stats->max_abs_balance = NAN;
}

static int cpu_run(shp_backend *be, const shp_batch_setup *s, const shp_batch *b)
{
    const shp_column *col = s->col;
    const long stride = shp_column_out_doubles(col);
    const int n = col->n;
    int nomem = 0;
#ifdef _OPENMP
    const int threads = be->threads > 0 ? be->threads : omp_get_max_threads();
#pragma omp parallel num_threads(threads) reduction(| : nomem)
#else
    (void)be;
#endif
    {
        /* one block per thread: the column's work, its initial heads and their derivatives */
        const int ns = col->n_sens > 0 ? col->n_sens : 0;
        const long work_size = shp_column_work_size(n, s->n_materials, col->opt.kmean, ns);
        double *work = malloc(((size_t)work_size + (size_t)n * (1 + (size_t)ns)) * sizeof(double));
        if (!work) nomem = 1;
        const shp_team team = shp_team_single();
#ifdef _OPENMP
#pragma omp for schedule(dynamic, 1)
#endif
        for (int i = 0; i < b->n; ++i) {
            if (!work) continue;
            double *h0 = work + work_size;
            const shp_material *mats = b->mats + (long)i * s->n_materials;
            shp_column_out out;
            shp_column_out_bind(col, b->out + (long)i * stride, &b->stats[i], &out);
            if (shp_initial_heads(&team, s->init_var, s->init_value, n, col->mat_of_node, mats,
                                  h0) != SHP_OK) {
                mark_invalid(col, &out, b->out + (long)i * stride);
                continue;
            }
            double *dh0 = ns ? h0 + n : NULL;
            if (ns)
                shp_initial_heads_dp(&team, s->init_var, s->init_value, n, col->mat_of_node, mats, h0,
                                     ns, col->sens_mat, col->sens_par, dh0);
            shp_column_run_sens(&team, col, mats, h0, dh0, work, &out);
        }
        free(work);
    }
    return nomem ? SHP_ERR_NOMEM : SHP_OK;
}

static void cpu_destroy(shp_backend *be) { free(be); }

static const shp_backend_ops cpu_ops = {"cpu", cpu_run, cpu_destroy, NULL};

shp_backend *shp_backend_cpu_create(int threads)
{
    shp_backend *be = calloc(1, sizeof *be);
    if (!be) return NULL;
    be->ops = &cpu_ops;
    be->threads = threads;
    return be;
}
