/* `make test-gpu`: runs ponded-loam columns with varied VGM parameters on the GPU (one
 * block per column) and on the CPU through the same shp_column_run(), and compares
 * Q(t), v(t), the final θ profile and the column status. Needs a CUDA device; on a
 * machine without one it says so and exits 77 (the build itself is the CI check). */
#include "column_kernel.h"
#include "cuda_check.h"

#include "shpfit/column.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NCAND 256
#define NODES 51

/* Copy one host array to a new device buffer, remembering it for release. */
static int upload(const void *src, size_t bytes, void **dst, void **keep, int *nkeep, char *err,
                  size_t errlen)
{
    *dst = NULL;
    if (bytes == 0) return SHP_OK;
    SHP_CUDA_CHECK(cudaMalloc(dst, bytes), err, errlen);
    keep[(*nkeep)++] = *dst;
    SHP_CUDA_CHECK(cudaMemcpy(*dst, src, bytes, cudaMemcpyHostToDevice), err, errlen);
    return SHP_OK;
}

static double rel_diff(double a, double b)
{
    if (isnan(a) || isnan(b)) return (isnan(a) && isnan(b)) ? 0.0 : INFINITY;
    const double s = fmax(fabs(a), fabs(b));
    return s > 0.0 ? fabs(a - b) / s : 0.0;
}

static int run(char *err, size_t errlen)
{
    int ndev = 0;
    if (cudaGetDeviceCount(&ndev) != cudaSuccess || ndev == 0) return 77;

    static double z[NODES];
    static int mat_of_node[NODES];
    double t_out[36];
    shp_grid_geometric(NODES, 100.0, 1.06, z);
    for (int k = 0; k < 36; ++k) t_out[k] = 5.0 * (k + 1);
    shp_column col;
    memset(&col, 0, sizeof col);
    col.n = NODES;
    col.z = z;
    col.mat_of_node = mat_of_node;
    col.top.type = SHP_BC_HEAD;
    col.top.value = 2.0;
    col.bottom.type = SHP_BC_FREE_DRAINAGE;
    col.opt = shp_solver_opts_default();
    col.n_out = 36;
    col.t_out = t_out;

    /* candidates: loam-like parameters spread over the seed's search ranges */
    shp_material *mats = (shp_material *)calloc(NCAND, sizeof *mats);
    double *h_init = (double *)malloc(sizeof(double) * NODES * NCAND);
    srand(12345);
    for (int k = 0; k < NCAND; ++k) {
        shp_material *m = &mats[k];
        m->model = SHP_MODEL_VGM;
        m->p[SHP_VGM_THETA_R] = 0.078;
        m->p[SHP_VGM_THETA_S] = 0.35 + 0.2 * rand() / (double)RAND_MAX;
        m->p[SHP_VGM_ALPHA] = exp(log(0.005) + log(0.2 / 0.005) * rand() / (double)RAND_MAX);
        m->p[SHP_VGM_N] = 1.1 + 1.9 * rand() / (double)RAND_MAX;
        m->p[SHP_VGM_KS] = exp(log(1e-3) + log(0.6 / 1e-3) * rand() / (double)RAND_MAX);
        m->p[SHP_VGM_L] = 0.5;
    }
    /* one initial state for all (uniform Se = 0.4 of candidate 0): h_init is shared */
    for (int i = 0; i < NODES; ++i) h_init[i] = shp_hyd_h_of_se(&mats[0], 0.4);

    void *keep[64];
    int nkeep = 0, st;
    shp_column dcol = col;
    void *p;
    if ((st = upload(z, sizeof z, &p, keep, &nkeep, err, errlen))) return st;
    dcol.z = (const double *)p;
    if ((st = upload(mat_of_node, sizeof mat_of_node, &p, keep, &nkeep, err, errlen))) return st;
    dcol.mat_of_node = (const int *)p;
    if ((st = upload(t_out, sizeof t_out, &p, keep, &nkeep, err, errlen))) return st;
    dcol.t_out = (const double *)p;
    if ((st = upload(mats, sizeof *mats * NCAND, &p, keep, &nkeep, err, errlen))) return st;
    const shp_material *d_mats = (const shp_material *)p;
    if ((st = upload(h_init, sizeof(double) * NODES, &p, keep, &nkeep, err, errlen))) return st;
    const double *d_h = (const double *)p;

    /* outputs: one block of doubles per candidate, in the library's slot layout */
    const long per = shp_column_out_doubles(&col);
    double *d_outbuf, *d_work;
    shp_column_stats *d_stats;
    shp_column_out *d_outs;
    SHP_CUDA_CHECK(cudaMalloc(&d_outbuf, sizeof(double) * per * NCAND), err, errlen);
    SHP_CUDA_CHECK(cudaMalloc(&d_work, sizeof(double) * SHP_COLUMN_WORK_DOUBLES(NODES) * NCAND), err, errlen);
    SHP_CUDA_CHECK(cudaMalloc(&d_stats, sizeof(shp_column_stats) * NCAND), err, errlen);
    SHP_CUDA_CHECK(cudaMalloc(&d_outs, sizeof(shp_column_out) * NCAND), err, errlen);
    shp_column_out *outs = (shp_column_out *)calloc(NCAND, sizeof *outs);
    for (int k = 0; k < NCAND; ++k)
        shp_column_out_bind(&col, d_outbuf + per * k, d_stats + k, &outs[k]);
    SHP_CUDA_CHECK(cudaMemcpy(d_outs, outs, sizeof *outs * NCAND, cudaMemcpyHostToDevice), err, errlen);

    if ((st = shp_cuda_launch_columns(&dcol, d_mats, 1, d_h, d_work, d_outs, NCAND, 32, err, errlen)))
        return st;
    SHP_CUDA_CHECK(cudaDeviceSynchronize(), err, errlen);
    double *gpu = (double *)malloc(sizeof(double) * per * NCAND);
    shp_column_stats *gstats = (shp_column_stats *)malloc(sizeof *gstats * NCAND);
    SHP_CUDA_CHECK(cudaMemcpy(gpu, d_outbuf, sizeof(double) * per * NCAND, cudaMemcpyDeviceToHost), err, errlen);
    SHP_CUDA_CHECK(cudaMemcpy(gstats, d_stats, sizeof *gstats * NCAND, cudaMemcpyDeviceToHost), err, errlen);

    double worst = 0.0;
    int status_mismatch = 0, failed = 0;
    for (int k = 0; k < NCAND; ++k) {
        shp_column_result res;
        if (shp_column_result_alloc(&col, &res) != SHP_OK) return SHP_ERR_NOMEM;
        shp_column_run_cpu(&col, &mats[k], h_init, &res);
        if (res.stats.status != gstats[k].status) ++status_mismatch;
        if (res.stats.status != SHP_OK) ++failed;
        shp_column_out g;
        shp_column_out_bind(&col, gpu + per * k, &gstats[k], &g);
        for (int j = 0; j < col.n_out; ++j) {
            worst = fmax(worst, rel_diff(res.out.Q[j], g.Q[j]));
            worst = fmax(worst, rel_diff(res.out.v_inst[j], g.v_inst[j]));
        }
        for (int i = 0; i < NODES; ++i)
            worst = fmax(worst, rel_diff(res.out.theta_prof[i], g.theta_prof[i]));
        shp_column_result_free(&res);
    }
    printf("GPU vs CPU, %d ponded columns of %d nodes: max relative difference %.3e, "
           "status mismatches %d, non-converged %d\n", NCAND, NODES, worst, status_mismatch, failed);
    for (int i = 0; i < nkeep; ++i) cudaFree(keep[i]);
    cudaFree(d_outbuf);
    cudaFree(d_work);
    cudaFree(d_stats);
    cudaFree(d_outs);
    free(mats); free(h_init); free(outs); free(gpu); free(gstats);
    return (worst <= 1e-9 && status_mismatch == 0) ? 0 : 1;
}

int main(void)
{
    char err[512] = "";
    const int st = run(err, sizeof err);
    if (st == 77) {
        fprintf(stderr, "shpfit-cuda-check: no CUDA device here; build verified, nothing run\n");
        return 77;
    }
    if (st < 0) {
        fprintf(stderr, "shpfit-cuda-check: %s (%s)\n", err, shp_strerror(st));
        return 1;
    }
    if (st != 0) fprintf(stderr, "shpfit-cuda-check: GPU and CPU disagree beyond 1e-9\n");
    return st;
}
