#define _POSIX_C_SOURCE 200809L /* sysconf */
/* Benchmark section "surface": the full six-plane response-surface set of the loam
 * inverse problem (configs/fit_loam.json: θs, α, n, Ks; 50 × 50 per plane, 15 000
 * columns), the way `shpfit surface` runs it: one batch per plane, all cores. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "shpfit/config.h"
#include "bench.h"
#include "shpfit/fit.h"
#include "surface/surface.h"

#define CONFIG "configs/fit_loam.json"

int bench_surface(FILE *md, int quick)
{
    char err[1024];
    shp_problem *pb = NULL;
    shp_surface_spec spec;
    if (shp_problem_load(CONFIG, &pb, err, sizeof err) != SHP_OK ||
        shp_surface_spec_load(pb, quick ? 10 : 50, 0.0, &spec, err, sizeof err) != SHP_OK) {
        fprintf(stderr, "bench surface: %s\n", err);
        return 1;
    }
    double u[16];
    shp_problem_unit_of(pb, shp_forward_materials(shp_problem_forward(pb)), u);
    fprintf(md, "## Response surfaces: six planes of the loam (`%s`)\n\n", CONFIG);
    fprintf(md, "Section `surface` (`bench/bench_surface.c`): every pair of θs, α, n, Ks on a %d × %d "
                "grid (log-spaced α and Ks), the others at the truth; one batch per plane on the CPU "
                "backend, 61-node columns of 180 min, column budget 10 000 steps.\n\n",
            spec.points, spec.points);
    fprintf(md, "| threads | planes | columns | failed | wall s | columns/s |\n|---:|---:|---:|---:|---:|---:|\n");
    {
        const int th = 0; /* all cores */
        shp_backend *be = shp_backend_cpu_create(th);
        long cols = 0, failed = 0;
        const double t0 = bench_now_s();
        for (int p = 0; p < spec.n_planes; ++p) {
            shp_surface_result r;
            if (shp_surface_eval(pb, be, &spec.plane[p], u, &r) != SHP_OK) return 1;
            cols += (long)r.p.nx * r.p.ny;
            failed += r.failed;
            shp_surface_result_free(&r);
        }
        const double wall = bench_now_s() - t0;
        fprintf(stderr, "surface: all cores: %ld columns in %.1f s\n", cols, wall);
        fprintf(md, "| all (%ld) | %d | %ld | %ld | %.1f | %.0f |\n", sysconf(_SC_NPROCESSORS_ONLN), spec.n_planes, cols,
                failed, wall, cols / wall);
        shp_backend_destroy(be);
    }
    fprintf(md, "\nThe failed points are parameter sets whose column the solver cannot finish within "
                "the budget (chiefly n < 1.5 with large α under ponding, the VGM near-saturation "
                "singularity); they are shown blank in the maps and cost the most time.\n\n");
    shp_problem_destroy(pb);
    return 0;
}
