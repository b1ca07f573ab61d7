/* Benchmark section "field": the station use case of configs/field_manhattan_*.json
 * (USCRN Manhattan 6 SSW, docs/field.md).
 *
 * 1. Columns per second of the CPU batch backend on 1 and 2 threads for ONE simulated
 *    year (2012, 365 days) of the station's daily forcing: the column of
 *    field_manhattan_forward.json (100 cm, graded grid, atmospheric top with P and ET0
 *    split by Beer's law, Feddes roots to 40 cm, free drainage), θ at 5, 10, 20, 50 and
 *    100 cm every day. Read through the project's own config loader with the end set to
 *    365 days. Two soils: the config's VGM silt loam, and an FXW soil whose retention
 *    curve is fitted to it; FXW's K is a quadrature per call (physics/model_fxw.h), which
 *    is what this measures. Candidates within ±5 % of the soil in every free parameter
 *    (as a converging calibration sees them), each its own material.
 * 2. Time to calibrate: the whole fit of field_manhattan_vgm.json (the library's fit,
 *    as bench_fit.c runs it; not the CLI's reported column, outputs and plots). */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cjson/cJSON.h>

#include "bench.h"
#include "config/cfg_sections.h"
#include "shpfit/batch.h"
#include "shpfit/fit.h"
#include "shpfit/forward.h"
#include "shpfit/models.h"
#include "shpfit/rng.h"

#define FORWARD_CONFIG "configs/field_manhattan_forward.json"
#define FIT_CONFIG "configs/field_manhattan_vgm.json"
#define DAYS 365

/* CPU seconds of the whole process (all threads): on a machine shared with other work
 * the wall clock measures the sharing as well, the CPU time far less. */
static double cpu_now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* FXW (θs, α, n, m, Ks; L, hr, h0 at their defaults) fitted to the VGM silt loam's θ(h)
 * over pF 0–4.2 (40 log-spaced heads, least squares): RMSE 0.0025 in θ. Ks is the
 * loam's. */
#define FXW_SOIL "{\"model\": \"fxw\", \"theta_s\": 0.45, \"alpha\": 0.0205, \"n\": 1.39, \"m\": 0.58, \"Ks\": 10.8}"

/* The 1-minute load average (Linux /proc/loadavg; −1 where there is none): this section
 * is long, and its 2-thread wall clock means little when other work holds a core. */
static double load_average(void)
{
    double la = -1.0;
    FILE *f = fopen("/proc/loadavg", "r");
    if (f) {
        if (fscanf(f, "%lf", &la) != 1) la = -1.0;
        fclose(f);
    }
    return la;
}

typedef struct {
    const char *name;
    const char *material; /* JSON replacing materials.silt_loam, or NULL: the config's */
    int n_free, free[6];  /* parameters varied among the candidates */
    int pop;              /* candidates per batch */
    int reps;             /* timed batches per thread count (the best is reported) */
} soil_case;

/* The forward config with one year of daily output at the five USCRN depths and, when
 * given, another soil. */
static shp_forward_problem *load_year(const char *material, char *err, size_t len)
{
    shp_forward_problem *fp0;
    if (shp_forward_load(FORWARD_CONFIG, &fp0, err, len) != SHP_OK) return NULL;
    cJSON *root = cJSON_Duplicate(shp_forward_config(fp0), 1);
    shp_forward_destroy(fp0);
    if (!root) return NULL;
    cJSON *out = cJSON_GetObjectItemCaseSensitive(root, "output");
    cJSON *times = cJSON_GetObjectItemCaseSensitive(out, "times");
    cJSON *depths = cJSON_CreateDoubleArray((const double[]){5, 10, 20, 50, 100}, 5);
    if (!times || !depths || !cJSON_ReplaceItemInObjectCaseSensitive(times, "end", cJSON_CreateNumber(DAYS)) ||
        !cJSON_ReplaceItemInObjectCaseSensitive(out, "observation_depths", depths)) {
        snprintf(err, len, "%s: cannot set output.times.end and output.observation_depths", FORWARD_CONFIG);
        cJSON_Delete(root);
        return NULL;
    }
    if (material) {
        cJSON *mats = cJSON_GetObjectItemCaseSensitive(root, "materials"), *m = cJSON_Parse(material);
        if (!m || !cJSON_ReplaceItemInObjectCaseSensitive(mats, "silt_loam", m)) {
            snprintf(err, len, "%s: cannot replace materials.silt_loam", FORWARD_CONFIG);
            cJSON_Delete(m);
            cJSON_Delete(root);
            return NULL;
        }
    }
    shp_forward_problem *fp;
    return cfg_forward_load_json(FORWARD_CONFIG, root, &fp, err, len) == SHP_OK ? fp : NULL;
}

typedef struct {
    double rate;     /* columns per second, best batch */
    double cpu;      /* CPU seconds per column, least of the batches */
    double steps;    /* mean accepted steps per column */
    int failed;      /* columns that did not reach the end */
} batch_timing;

static int time_batch(const shp_forward_problem *fp, const shp_material *mats, int pop, int threads, int reps,
                      batch_timing *t)
{
    const shp_column *col = shp_forward_column(fp);
    const shp_batch_setup s = {col, shp_forward_n_materials(fp), shp_forward_init_var(fp), shp_forward_init_values(fp)};
    const long per = shp_column_out_doubles(col);
    double *out = malloc((size_t)pop * (size_t)per * sizeof *out);
    shp_column_stats *stats = calloc((size_t)pop, sizeof *stats);
    shp_backend *be = shp_backend_cpu_create(threads);
    int rc = out && stats && be ? SHP_OK : SHP_ERR_NOMEM;
    const shp_batch b = {pop, mats, out, stats};
    memset(t, 0, sizeof *t);
    t->cpu = HUGE_VAL;
    for (int r = 0; r < reps && rc == SHP_OK; ++r) {
        const double t0 = bench_now_s(), c0 = cpu_now_s();
        rc = shp_backend_run(be, &s, &b);
        const double rate = pop / (bench_now_s() - t0), cpu = (cpu_now_s() - c0) / pop;
        if (rate > t->rate) t->rate = rate;
        if (cpu < t->cpu) t->cpu = cpu;
    }
    for (int i = 0; i < pop && rc == SHP_OK; ++i) {
        t->steps += (double)stats[i].steps / pop;
        t->failed += stats[i].status != SHP_OK;
    }
    shp_backend_destroy(be);
    free(out);
    free(stats);
    return rc;
}

static int field_columns(FILE *md, int quick)
{
    const soil_case cases[2] = {
        {"vgm (config's silt loam)", NULL, 4, {SHP_VGM_THETA_S, SHP_VGM_ALPHA, SHP_VGM_N, SHP_VGM_KS}, 16, 3},
        {"fxw (retention fitted to it)", FXW_SOIL, 5,
         {SHP_FXW_THETA_S, SHP_FXW_ALPHA, SHP_FXW_N, SHP_FXW_M, SHP_FXW_KS}, 8, 1},
    };
    fprintf(md, "## Field station: one year of daily forcing (`%s`)\n\n", FORWARD_CONFIG);
    fprintf(md, "Section `field` (`bench/bench_field.c`). The config's column with the end set to %d days "
                "(2012): atmospheric top (P, FAO-56 ET0 split by Beer's law), Feddes roots (linear to "
                "40 cm), free drainage, θ at 5, 10, 20, 50, 100 cm daily, default solver options. "
                "CPU batch backend; each candidate its own soil within ±5 %% of the one named in "
                "every free parameter; the best of the timed batches.\n\n", DAYS);
    fprintf(md, "| soil | nodes | candidates | threads | columns/s | CPU s per column | steps per column | failed |\n"
                "|---|---:|---:|---:|---:|---:|---:|---:|\n");
    char err[1024];
    for (int k = 0; k < 2; ++k) {
        const soil_case *c = &cases[k];
        shp_forward_problem *fp = load_year(c->material, err, sizeof err);
        if (!fp) {
            fprintf(stderr, "bench field: %s\n", err);
            return 1;
        }
        const int pop = quick ? 2 : c->pop, reps = quick ? 1 : c->reps;
        shp_material *mats = malloc((size_t)pop * sizeof *mats);
        if (!mats) {
            shp_forward_destroy(fp);
            return 1;
        }
        shp_rng r;
        shp_rng_init(&r, 2012, (uint64_t)k, 0, 0);
        for (int i = 0; i < pop; ++i) {
            double p[SHP_MAX_PARAMS];
            memcpy(p, shp_forward_materials(fp)[0].p, sizeof p);
            for (int j = 0; j < c->n_free; ++j) p[c->free[j]] *= 1.0 + 0.1 * (shp_rng_uniform(&r) - 0.5);
            /* a fresh material, with whatever set-up its model does once per material */
            mats[i] = shp_material_make((shp_model_id)shp_forward_materials(fp)[0].model, p);
            mats[i].Ss = shp_forward_materials(fp)[0].Ss;
        }
        for (int th = 1; th <= 2; ++th) {
            batch_timing t;
            if (time_batch(fp, mats, pop, th, reps, &t) != SHP_OK) {
                fprintf(stderr, "bench field: the batch did not run\n");
                free(mats);
                shp_forward_destroy(fp);
                return 1;
            }
            fprintf(stderr, "field: %s, %d thread(s): %.3g columns/s, %.3g CPU s per column\n", c->name, th, t.rate,
                    t.cpu);
            fprintf(md, "| %s | %d | %d | %d | %.3g | %.3g | %.0f | %d |\n", c->name, shp_forward_column(fp)->n, pop, th, t.rate,
                    t.cpu, t.steps, t.failed);
        }
        free(mats);
        shp_forward_destroy(fp);
    }
    fprintf(md, "\nFXW: θs 0.45, α 0.0205 /cm, n 1.39, m 0.58, Ks 10.8 cm/d (L, hr, h0 defaults), its θ(h) "
                "within 0.0025 RMSE of the VGM silt loam's over pF 0–4.2.\n\n");
    return 0;
}

static int field_calibration(FILE *md)
{
    char err[1024];
    shp_problem *pb = NULL;
    shp_fit_options opt;
    shp_fit_result res;
    if (shp_problem_load(FIT_CONFIG, &pb, err, sizeof err) != SHP_OK ||
        shp_fit_options_load(pb, -1, &opt, err, sizeof err) != SHP_OK) {
        fprintf(stderr, "bench field: %s\n", err);
        shp_problem_destroy(pb);
        return 1;
    }
    const int threads = 2;
    shp_backend *be = shp_backend_cpu_create(threads);
    const double c0 = cpu_now_s();
    if (!be || shp_fit_run(pb, be, &opt, NULL, NULL, &res, err, sizeof err) != SHP_OK) {
        fprintf(stderr, "bench field: %s\n", err);
        shp_backend_destroy(be);
        shp_problem_destroy(pb);
        return 1;
    }
    const double cpu = cpu_now_s() - c0;
    fprintf(stderr, "field: calibration on %d threads: %.1f s, %.1f CPU s\n", threads, res.wall_s, cpu);
    fprintf(md, "Time to calibrate (`%s` through the library's fit, `shp_fit_run`, as section `fit` "
                "runs it: the optimizer's columns only, not the CLI's reported column, files and "
                "plots):\n\n", FIT_CONFIG);
    fprintf(md, "| threads | wall s | CPU s | columns | failed | generations | RMSE θ |");
    const int dim = shp_problem_dim(pb);
    for (int j = 0; j < dim; ++j) fprintf(md, " %s |", shp_problem_var_name(pb, j));
    fprintf(md, "\n|---:|---:|---:|---:|---:|---:|---:|");
    for (int j = 0; j < dim; ++j) fprintf(md, "---:|");
    fprintf(md, "\n| %d | %.1f | %.1f | %ld | %ld | %ld | %.4f |", threads, res.wall_s, cpu, res.evaluations,
            res.failed, res.generations[0], res.f_best[0]);
    for (int j = 0; j < dim; ++j) fprintf(md, " %.4g |", shp_problem_var_value(pb, j, res.u_best[j]));
    fprintf(md, "\n\n");
    shp_fit_result_free(&res);
    shp_backend_destroy(be);
    shp_problem_destroy(pb);
    return 0;
}

int bench_field(FILE *md, int quick)
{
    const double la0 = load_average();
    if (field_columns(md, quick) || (!quick && field_calibration(md))) return 1;
    fprintf(md, "Load average (1 min) of the machine at the start and the end of the section: %.2f, %.2f "
                "(other work on the cores slows the wall clock, not the CPU time).\n\n", la0, load_average());
    return 0;
}
