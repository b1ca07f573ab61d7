/* build/shpfit-bench-gpu [--out FILE] [--quick] [--max-pop N] [--no-fit]
 * (`make bench-gpu` writes bench/RESULTS-gpu.md; needs a CUDA device, exits 77 without)
 *
 * 1. Forward columns per second of the ponded loam (VGM loam, 2 cm, 180 min, free
 *    drainage, initial Se 0.4; outputs 5/30/60/120/180 min) on 101 uniform nodes,
 *    101 surface-refined nodes (ratio 1.03, the accuracy-target grid) and 401 uniform
 *    nodes, populations 64 … 65536 in one batch each; the refined grid also on the fixed
 *    schedule (solver.step_control, dt_max 0.5 min). The candidates are the loam with
 *    θs, α, n, Ks jittered by ±5 % (as a converging fit sees them). Kernel time from
 *    CUDA events around the launch (shp_backend_cuda_timing), end-to-end time with
 *    the transfers; a warm-up batch first (it allocates the device buffers), then the
 *    best of three.
 * 2. The same populations on all CPU cores of this machine (CPU backend, OpenMP), up
 *    to 4096 candidates (the CPU's rate no longer depends on the population there),
 *    and the GPU/CPU ratio.
 * 3. Column arrays in shared vs global memory, and the tridiagonal solve (Thomas on one
 *    thread, PCR–Thomas with 2 and 4 levels and the default, pure PCR, cyclic
 *    reduction) at 51 … 501
 *    nodes.
 * 4. Time to fit the loam (`shpfit fit configs/fit_loam.json`, seed 1) with
 *    --backend cpu and --backend cuda, and the parameters each reached.
 * Host code only: the device is reached through the batch interface. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

extern "C" {
#include "output/machine.h" /* a host-internal C header without C++ guards */
}
#include "testing/column_fixture.h"
#include "shpfit/backend_cuda.h"
#include "shpfit/batch.h"
#include "shpfit/column.h"
#include "shpfit/models.h"
#include "shpfit/rng.h"

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

typedef struct {
    const char *name;
    int n;
    double ratio;
    int fixed; /* 1: solver.step_control "fixed", dt_max 0.5 min (docs/solver.md) */
} grid;

typedef struct {
    double *z, *init;
    int *mat;
    double t_out[5];
    shp_column col;
    shp_batch_setup setup;
} loam_problem;

static void loam_init(loam_problem *p, const grid *g)
{
    static const double T[5] = {5, 30, 60, 120, 180};
    memset(p, 0, sizeof *p);
    p->z = (double *)malloc(sizeof(double) * (size_t)g->n);
    p->init = (double *)malloc(sizeof(double) * (size_t)g->n);
    p->mat = (int *)calloc((size_t)g->n, sizeof(int));
    shp_grid_geometric(g->n, 100.0, g->ratio, p->z);
    for (int i = 0; i < g->n; ++i) p->init[i] = 0.4;
    memcpy(p->t_out, T, sizeof T);
    p->col = ponded_column(g->n, p->z, p->mat, p->t_out, 5);
    if (g->fixed) {
        p->col.opt.step_control = SHP_STEP_FIXED;
        p->col.opt.dt_max = 0.5;
    }
    p->setup.col = &p->col;
    p->setup.n_materials = 1;
    p->setup.init_var = SHP_INIT_SE;
    p->setup.init_value = p->init;
}

static void loam_free(loam_problem *p)
{
    free(p->z);
    free(p->init);
    free(p->mat);
}

/* The loam with θs, α, n, Ks each × U(0.95, 1.05), candidate k of a fixed stream. */
static void jittered_loam(shp_material *m, int n)
{
    for (int k = 0; k < n; ++k) {
        shp_rng r;
        shp_rng_init(&r, 7, (uint64_t)k, 0, 0);
        m[k] = shp_material_vgm(0.078, 0.43 * shp_rng_range(&r, 0.95, 1.05),
                                0.036 * shp_rng_range(&r, 0.95, 1.05),
                                1.56 * shp_rng_range(&r, 0.95, 1.05),
                                0.01733 * shp_rng_range(&r, 0.95, 1.05), 0.5);
    }
}

typedef struct {
    double kernel_s, total_s; /* best of the timed runs */
    int failed;
    int shared;
} timing;

/* Warm-up, then the best of `reps` batches. */
static int time_batch(shp_backend *be, const loam_problem *p, const shp_material *mats, int n,
                      double *out, shp_column_stats *st, int reps, timing *t)
{
    const shp_batch b = {n, mats, out, st};
    t->kernel_s = t->total_s = INFINITY;
    for (int r = 0; r <= reps; ++r) {
        const double t0 = now_s();
        const int rc = shp_backend_run(be, &p->setup, &b);
        const double dt = now_s() - t0;
        if (rc != SHP_OK) {
            fprintf(stderr, "bench-gpu: backend %s: %s: %s\n", shp_backend_name(be), shp_strerror(rc),
                    shp_backend_error(be));
            return rc;
        }
        if (r == 0) continue; /* warm-up */
        shp_cuda_timing ct;
        if (shp_backend_cuda_timing(be, &ct) == SHP_OK) {
            t->kernel_s = fmin(t->kernel_s, 1e-3 * ct.kernel_ms);
            t->shared = ct.shared;
        }
        t->total_s = fmin(t->total_s, dt);
    }
    t->failed = 0;
    for (int k = 0; k < n; ++k) t->failed += st[k].status != SHP_OK;
    return SHP_OK;
}

/* `shpfit fit` of the loam with a backend: wall time and the lines of its summary. */
static void time_fit(FILE *md, const char *backend)
{
    char cmd[512], line[512];
    snprintf(cmd, sizeof cmd,
             "build/shpfit fit configs/fit_loam.json --seed 1 --backend %s --out build/bench-gpu/fit_%s 2>&1",
             backend, backend);
    const double t0 = now_s();
    FILE *f = popen(cmd, "r");
    if (!f) {
        fprintf(md, "| %s | could not run `%s` | |\n", backend, cmd);
        return;
    }
    char params[1024] = "";
    size_t k = 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = '\0';
        /* the parameter lines: "  loam.theta_s       0.430005" */
        if (!strncmp(line, "  loam.", 7) && k < sizeof params - 64)
            k += (size_t)snprintf(params + k, sizeof params - k, "%s%s", k ? "; " : "", line + 2);
        if (strstr(line, "evaluations") && k < sizeof params - 128)
            k += (size_t)snprintf(params + k, sizeof params - k, "; %s", line + 2);
    }
    const int rc = pclose(f);
    fprintf(md, "| %s | %.2f | %s%s |\n", backend, now_s() - t0, params, rc ? " (**exit code non-zero**)" : "");
}

int main(int argc, char **argv)
{
    const char *out_path = NULL;
    int quick = 0, max_pop = 65536, fit = 1;
    for (int a = 1; a < argc; ++a) {
        if (!strcmp(argv[a], "--out") && a + 1 < argc) out_path = argv[++a];
        else if (!strcmp(argv[a], "--max-pop") && a + 1 < argc) max_pop = atoi(argv[++a]);
        else if (!strcmp(argv[a], "--quick")) quick = 1;
        else if (!strcmp(argv[a], "--no-fit")) fit = 0;
        else {
            fprintf(stderr, "usage: %s [--out FILE] [--quick] [--max-pop N] [--no-fit]\n", argv[0]);
            return 2;
        }
    }
    if (shp_cuda_device_count() <= 0) {
        fprintf(stderr, "shpfit-bench-gpu: no CUDA device here; nothing measured\n");
        return 77;
    }
    char err[512];
    shp_backend *gpu = shp_backend_cuda_create(0, SHP_CUDA_WORK_AUTO, err, sizeof err);
    shp_backend *gpu_global = shp_backend_cuda_create(0, SHP_CUDA_WORK_GLOBAL, err, sizeof err);
    shp_backend *cpu = shp_backend_cpu_create(0);
    if (!gpu || !gpu_global || !cpu) {
        fprintf(stderr, "shpfit-bench-gpu: %s\n", err);
        return 1;
    }
    FILE *md = out_path ? fopen(out_path, "w") : stdout;
    if (!md) {
        perror(out_path);
        return 1;
    }
    const int reps = quick ? 1 : 3;
    char cpu_name[256], date[64];
    shp_cpu_model(cpu_name, sizeof cpu_name);
    const time_t now = time(NULL);
    strftime(date, sizeof date, "%Y-%m-%d %H:%M UTC", gmtime(&now));
    fprintf(md, "# shpfit GPU benchmarks\n\nGenerated by `build/shpfit-bench-gpu` (`bench/bench_gpu.cu`, "
                "`make bench-gpu`); design and reading in `docs/gpu.md`.\n\n");
    fprintf(md, "| | |\n|---|---|\n| device | %s |\n| host | %s, %ld logical cores online |\n"
                "| block | %d threads, one block per column |\n| date | %s |\n\n",
            shp_backend_cuda_device_name(gpu), cpu_name, sysconf(_SC_NPROCESSORS_ONLN), SHP_CUDA_BLOCK, date);

    /* on the fixed schedule every column takes the same steps: the batch is not held up by its slowest column */
    static const grid grids[] = {{"101 uniform", 101, 1.0, 0}, {"101 refined (1.03)", 101, 1.03, 0},
                                 {"101 refined, fixed schedule", 101, 1.03, 1}, {"401 uniform", 401, 1.0, 0}};
    static const int pops[] = {64, 256, 1024, 4096, 16384, 65536};
    const int npop = sizeof pops / sizeof pops[0];
    shp_material *mats = (shp_material *)malloc(sizeof(shp_material) * (size_t)max_pop);
    jittered_loam(mats, max_pop);

    fprintf(md, "## Forward columns per second: ponded loam, 180 min\n\n"
                "| grid | population | GPU kernel col/s | GPU end-to-end col/s | CPU col/s (all cores) "
                "| GPU/CPU | failed | memory |\n|---|---:|---:|---:|---:|---:|---:|---|\n");
    for (size_t g = 0; g < sizeof grids / sizeof grids[0]; ++g) {
        loam_problem p;
        loam_init(&p, &grids[g]);
        const long stride = shp_column_out_doubles(&p.col);
        double *out = (double *)malloc(sizeof(double) * (size_t)stride * (size_t)max_pop);
        shp_column_stats *st = (shp_column_stats *)malloc(sizeof *st * (size_t)max_pop);
        double cpu_rate = 0.0;
        for (int q = 0; q < npop && pops[q] <= max_pop; ++q) {
            const int n = pops[q];
            timing tg, tc;
            if (time_batch(gpu, &p, mats, n, out, st, reps, &tg) != SHP_OK) return 1;
            if (n <= 4096) { /* beyond, the CPU's rate is that of 4096 */
                if (time_batch(cpu, &p, mats, n, out, st, quick ? 1 : 2, &tc) != SHP_OK) return 1;
                cpu_rate = n / tc.total_s;
            }
            fprintf(md, "| %s | %d | %.0f | %.0f | %.0f%s | %.1f | %d | %s |\n", grids[g].name, n,
                    n / tg.kernel_s, n / tg.total_s, cpu_rate, n > 4096 ? " (at 4096)" : "",
                    (n / tg.total_s) / cpu_rate, tg.failed, tg.shared ? "shared" : "global");
            fflush(md);
            fprintf(stderr, "bench-gpu: %s, %d columns: %.0f col/s (kernel)\n", grids[g].name, n,
                    n / tg.kernel_s);
        }
        free(out);
        free(st);
        loam_free(&p);
    }

    fprintf(md, "\n## Column arrays in shared vs global memory\n\n"
                "| grid | population | shared col/s (kernel) | global col/s (kernel) |\n|---|---:|---:|---:|\n");
    for (size_t g = 0; g < sizeof grids / sizeof grids[0]; ++g) {
        const int n = max_pop < 16384 ? max_pop : 16384;
        loam_problem p;
        loam_init(&p, &grids[g]);
        const long stride = shp_column_out_doubles(&p.col);
        double *out = (double *)malloc(sizeof(double) * (size_t)stride * (size_t)n);
        shp_column_stats *st = (shp_column_stats *)malloc(sizeof *st * (size_t)n);
        timing ts, tgl;
        if (time_batch(gpu, &p, mats, n, out, st, reps, &ts) != SHP_OK ||
            time_batch(gpu_global, &p, mats, n, out, st, reps, &tgl) != SHP_OK)
            return 1;
        fprintf(md, "| %s | %d | %.0f%s | %.0f |\n", grids[g].name, n, n / ts.kernel_s,
                ts.shared ? "" : " (did not fit: global)", n / tgl.kernel_s);
        free(out);
        free(st);
        loam_free(&p);
    }

    /* Which tridiagonal solve is faster for 50–500 nodes: every variant on
     * the fixed schedule (identical steps and iterations for all variants, so only the
     * solve's speed differs), one population, the kernel alone. */
    {
        const int n = max_pop < 16384 ? max_pop : 16384;
        static const int sizes[] = {51, 101, 201, 401, 501};
        fprintf(md, "\n## Tridiagonal solve: Thomas, PCR–Thomas, pure PCR, cyclic reduction (uniform grids, fixed schedule, "
                    "%d columns)\n\n| nodes | solve | PCR levels | kernel col/s | vs default |\n"
                    "|---:|---|---:|---:|---:|\n", n);
        for (size_t g = 0; g < sizeof sizes / sizeof sizes[0]; ++g) {
            const grid gr = {"uniform", sizes[g], 1.0, 1};
            loam_problem p;
            loam_init(&p, &gr);
            const long stride = shp_column_out_doubles(&p.col);
            double *out = (double *)malloc(sizeof(double) * (size_t)stride * (size_t)n);
            shp_column_stats *st = (shp_column_stats *)malloc(sizeof *st * (size_t)n);
            const int pure = shp_tridiag_pcr_levels(sizes[g], sizes[g]);
            const int levels[] = {SHP_TRIDIAG_DEFAULT, 0, 2, 4, pure, SHP_TRIDIAG_CR};
            const char *what[] = {"default PCR–Thomas", "Thomas, one thread", "PCR–Thomas", "PCR–Thomas",
                                  "pure PCR", "cyclic reduction"};
            double base = 0.0;
            for (int v = 0; v < 6; ++v) {
                timing t;
                if (shp_backend_cuda_set_tridiag(gpu, levels[v]) != SHP_OK ||
                    time_batch(gpu, &p, mats, n, out, st, reps, &t) != SHP_OK)
                    return 1;
                const double rate = n / t.kernel_s;
                if (v == 0) base = rate;
                const int shown = levels[v] == SHP_TRIDIAG_DEFAULT ? shp_tridiag_pcr_levels(sizes[g], SHP_CUDA_BLOCK)
                                  : levels[v];
                if (levels[v] == SHP_TRIDIAG_CR)
                    fprintf(md, "| %d | %s | – | %.0f | %.2f |\n", sizes[g], what[v], rate, rate / base);
                else
                    fprintf(md, "| %d | %s | %d | %.0f | %.2f |\n", sizes[g], what[v], shown, rate, rate / base);
                fflush(md);
            }
            shp_backend_cuda_set_tridiag(gpu, SHP_TRIDIAG_DEFAULT);
            free(out);
            free(st);
            loam_free(&p);
        }
    }

    if (fit) {
        fprintf(md, "\n## Time to fit the loam (`shpfit fit configs/fit_loam.json --seed 1`)\n\n"
                    "| backend | wall s | result |\n|---|---:|---|\n");
        time_fit(md, "cpu");
        time_fit(md, "cuda");
    }
    if (md != stdout) fclose(md);
    free(mats);
    shp_backend_destroy(gpu);
    shp_backend_destroy(gpu_global);
    shp_backend_destroy(cpu);
    return 0;
}
