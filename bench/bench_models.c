/* Benchmark section "models": evaluations per second of θ, K, C (and dK/dh, which
 * comes out of the same call) for every hydraulic model, on one core.
 *
 * Each material of the library test set (host/testing/materials.h: one per model, the
 * reference parameter sets) is evaluated through shp_hyd_eval — the dispatch the
 * solver uses — at 4096 heads log-spaced from −1e-2 to −1e6 cm, repeatedly for about
 * 0.2 s (0.05 s with --quick) after a warm-up; the best of 5 such rounds is reported. */
#include <math.h>
#include <stdio.h>

#include "testing/materials.h"
#include "bench.h"
#include "shpfit/models.h"

#define N_H 4096

static volatile double sink; /* keeps the evaluations from being optimised away */

static double evals_per_second(const shp_material *m, const double *h, double seconds)
{
    double best = 0.0;
    for (int round = 0; round < 5; ++round) {
        long n = 0;
        double acc = 0.0;
        const double t0 = bench_now_s();
        double t = t0;
        do {
            for (int i = 0; i < N_H; ++i) {
                double th, K, C, dK;
                shp_hyd_eval(m, h[i], &th, &K, &C, &dK);
                acc += th + K + C + dK;
            }
            n += N_H;
            t = bench_now_s();
        } while (t - t0 < seconds / 5.0);
        sink = acc;
        if (n / (t - t0) > best) best = n / (t - t0);
    }
    return best;
}

int bench_models(FILE *md, int quick)
{
    static double h[N_H];
    for (int i = 0; i < N_H; ++i) h[i] = -pow(10.0, -2.0 + 8.0 * i / (N_H - 1));
    shp_material m[LIBRARY_MAX];
    const char *name[LIBRARY_MAX];
    const int nm = library_materials(m, name);
    const double seconds = quick ? 0.05 : 0.2;
    double rate[LIBRARY_MAX];
    for (int j = 0; j < nm; ++j) {
        rate[j] = evals_per_second(&m[j], h, seconds);
        fprintf(stderr, "models %-28s %8.2f M evaluations/s\n", name[j], 1e-6 * rate[j]);
    }
    fprintf(md, "## Hydraulic models: evaluations per second, one core\n\n");
    fprintf(md, "Section `models` (`bench/bench_models.c`): one `shp_hyd_eval` call returns θ, K, "
                "C = dθ/dh and dK/dh at one head; 4096 heads log-spaced from −1e-2 to −1e6 cm, "
                "best of 5 rounds of %.2f s. Parameter sets: `host/testing/materials.h` (the reference sets "
                "of `docs/reference_values.md` §8).\n\n",
            seconds / 5.0);
    fprintf(md, "| material | model | M evaluations/s | ns/evaluation | relative to VGM loam |\n");
    fprintf(md, "|---|---|---:|---:|---:|\n");
    for (int j = 0; j < nm; ++j)
        fprintf(md, "| %s | `%s` | %.2f | %.1f | %.2f |\n", name[j], shp_model_by_id(m[j].model)->name,
                1e-6 * rate[j], 1e9 / rate[j], rate[0] / rate[j]);
    fprintf(md, "\n");
    return 0;
}
