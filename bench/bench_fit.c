/* Benchmark section "fit": the inverse problem of configs/fit_loam.json (seed 002's
 * loam, 61 nodes, 180 min, θ_final + v + Q).
 *
 * 1. Columns per second of the batch evaluator with 1 and 2 threads, on a population
 *    of 240 candidates drawn uniformly in the search box (as a first generation sees
 *    them, failures included) and on 240 candidates within ±5 % of the truth (as a
 *    converging run sees them).
 * 2. Time to fit: the whole `shpfit fit` run of the config (SHADE, population 20, target Σψ ≤ 3e-4, at most 400 generations) for three
 *    seeds on 2 threads and one on 1 thread, with the curve agreement reached. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "shpfit/config.h"
#include "bench.h"
#include "shpfit/curves_agreement.h"
#include "shpfit/fit.h"
#include "shpfit/rng.h"

#define CONFIG "configs/fit_loam.json"
#define N_POP 240

static double columns_per_second(shp_problem *pb, int threads, const double *u, int *failed)
{
    const int nobj = shp_problem_n_obj(pb);
    double *f = malloc((size_t)N_POP * nobj * sizeof *f);
    int *ok = malloc(N_POP * sizeof *ok);
    shp_backend *be = shp_backend_cpu_create(threads);
    double best = 0.0;
    for (int r = 0; r < 3 && f && ok && be; ++r) {
        const double t0 = bench_now_s();
        shp_problem_evaluate(pb, be, u, N_POP, f, ok);
        const double rate = N_POP / (bench_now_s() - t0);
        if (rate > best) best = rate;
    }
    *failed = 0;
    for (int i = 0; ok && i < N_POP; ++i) *failed += !ok[i];
    shp_backend_destroy(be);
    free(f);
    free(ok);
    return best;
}

int bench_fit(FILE *md, int quick)
{
    char err[1024];
    shp_problem *pb = NULL;
    if (shp_problem_load(CONFIG, &pb, err, sizeof err) != SHP_OK) {
        fprintf(stderr, "bench fit: %s\n", err);
        return 1;
    }
    const int dim = shp_problem_dim(pb);
    double *u_rand = malloc((size_t)N_POP * dim * sizeof *u_rand);
    double *u_near = malloc((size_t)N_POP * dim * sizeof *u_near);
    shp_material truth;
    if (!u_rand || !u_near || shp_fit_truth(pb, &truth, err, sizeof err) != SHP_OK) return 1;
    const double tv[4] = {truth.p[SHP_VGM_THETA_S], truth.p[SHP_VGM_ALPHA], truth.p[SHP_VGM_N],
                          truth.p[SHP_VGM_KS]};
    shp_rng r;
    shp_rng_init(&r, 2024, 0, 0, 0);
    for (int i = 0; i < N_POP; ++i)
        for (int j = 0; j < dim; ++j) {
            u_rand[i * dim + j] = shp_rng_uniform(&r);
            u_near[i * dim + j] = shp_problem_var_unit(pb, j, tv[j] * (1.0 + 0.1 * (shp_rng_uniform(&r) - 0.5)));
        }
    fprintf(md, "## Inverse fit: the loam of seed 002 (`%s`)\n\n", CONFIG);
    fprintf(md, "Section `fit` (`bench/bench_fit.c`). 61 nodes, 180 min, objectives ψ(θ_final), "
                "ψ(v), ψ(Q); columns time-stepped with the default solver options and the fit's "
                "column budget (10 000 steps).\n\n");
    fprintf(md, "| population | threads | columns/s | failed |\n|---|---:|---:|---:|\n");
    for (int set = 0; set < 2; ++set)
        for (int th = 1; th <= 2; ++th) {
            int failed;
            const double rate = columns_per_second(pb, th, set ? u_near : u_rand, &failed);
            fprintf(stderr, "fit: %s, %d thread(s): %.0f columns/s\n", set ? "near" : "uniform", th, rate);
            fprintf(md, "| %d %s | %d | %.0f | %d |\n", N_POP,
                    set ? "within ±5 % of the truth" : "uniform in the search box", th, rate, failed);
        }
    free(u_rand);
    free(u_near);
    fprintf(md, "\nTime to fit (the whole run of `%s`: SHADE, population 20, stop at Σψ ≤ 3e-4 or 400 generations):\n\n", CONFIG);
    fprintf(md, "| seed | threads | wall s | columns | failed | θs | α | n | Ks | retention RMSE | "
                "conductivity RMSE |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    const int runs[4][2] = {{1, 2}, {2, 2}, {3, 2}, {1, 1}};
    for (int k = 0; k < (quick ? 1 : 4); ++k) {
        shp_problem *p2 = NULL;
        shp_fit_options opt;
        shp_fit_result res;
        if (shp_problem_load(CONFIG, &p2, err, sizeof err) != SHP_OK ||
            shp_fit_options_load(p2, runs[k][0], &opt, err, sizeof err) != SHP_OK)
            return 1;
        shp_backend *be = shp_backend_cpu_create(runs[k][1]);
        if (shp_fit_run(p2, be, &opt, NULL, NULL, &res, err, sizeof err) != SHP_OK) {
            fprintf(stderr, "bench fit: %s\n", err);
            return 1;
        }
        shp_material best;
        shp_curve_agreement a;
        shp_problem_materials(p2, res.u_best, &best, NULL, 0);
        shp_curve_agreement_compute(&truth, &best, 1.0, 1e4, &a);
        fprintf(stderr, "fit: seed %d, %d thread(s): %.2f s\n", runs[k][0], runs[k][1], res.wall_s);
        fprintf(md, "| %d | %d | %.2f | %ld | %ld | %.4f | %.5f | %.4f | %.5f | %.1e | %.1e |\n", runs[k][0],
                runs[k][1], res.wall_s, res.evaluations, res.failed, best.p[SHP_VGM_THETA_S],
                best.p[SHP_VGM_ALPHA], best.p[SHP_VGM_N], best.p[SHP_VGM_KS], a.retention.rmse,
                a.conductivity.rmse);
        shp_fit_result_free(&res);
        shp_backend_destroy(be);
        shp_problem_destroy(p2);
    }
    fprintf(md, "\nTruth: θs 0.43, α 0.036 /cm, n 1.56, Ks 0.01733 cm/min. Acceptance: "
                "retention RMSE ≤ 0.001 and conductivity RMSE ≤ 0.008 (seed 002: 0.00101 and 0.0252).\n\n");
    shp_problem_destroy(pb);
    return 0;
}
