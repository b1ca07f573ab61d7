/* `shpfit-bench coverage [--reps N] [--noise F] [--threads T]`: the coverage of the 95 %
 * intervals of a fit's linearised uncertainty (shpfit/uncertainty.h) on the loam of
 * configs/fit_loam.json fitted to infiltration rate and cumulative infiltration.
 *
 * The truth's v(t) and Q(t) (every 5 min to 180 min) are simulated on the fit's own
 * column — this measures the statistics, not the grid, so the data carry no model error —
 * and each realisation adds Gaussian noise of F (default 1 %) of each series' spread
 * (both series have 36 points, so their ψ-scaled residuals share one variance). Each is
 * fitted to its least-squares optimum by the exact-Jacobian polish from the truth, and the
 * intervals are computed there. Plain text: per parameter the share of realisations whose
 * interval holds the truth, the mean estimate, the spread of the estimates and the mean
 * standard error. */
#define _POSIX_C_SOURCE 200809L /* mkdtemp */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "shpfit/config.h"
#include "bench.h"
#include "shpfit/fit.h"
#include "shpfit/rng.h"
#include "surface/surface.h"
#include "shpfit/uncertainty.h"

#define CONFIG "configs/fit_loam.json"

static int write_series(const char *path, const char *head, const double *t, const double *y, int n)
{
    FILE *f = fopen(path, "w");
    if (!f) return 1;
    fprintf(f, "%s\n", head);
    for (int i = 0; i < n; ++i) fprintf(f, "%.17g,%.17g\n", t[i], y[i]);
    return fclose(f) != 0;
}

/* configs/fit_loam.json fitted to dir/Q.csv and dir/v.csv, as dir/fit.json. */
static shp_problem *noisy_problem(const char *dir)
{
    cJSON *root = NULL;
    FILE *f = fopen(CONFIG, "r");
    if (!f) return NULL;
    char *text = malloc(1 << 16);
    const size_t n = text ? fread(text, 1, (1 << 16) - 1, f) : 0;
    fclose(f);
    if (!text) return NULL;
    text[n] = '\0';
    root = cJSON_Parse(text);
    free(text);
    if (!root) return NULL;
    cJSON *fit = cJSON_GetObjectItem(root, "fit");
    char q[600], path[600];
    snprintf(q, sizeof q, "{\"Q\": {\"file\": \"%s/Q.csv\"}, \"v\": {\"file\": \"%s/v.csv\"}}", dir, dir);
    cJSON_ReplaceItemInObject(fit, "observations", cJSON_Parse(q));
    cJSON_ReplaceItemInObject(fit, "objectives", cJSON_Parse("[\"v\", \"Q\"]"));
    snprintf(path, sizeof path, "%s/fit.json", dir);
    char *out = cJSON_Print(root);
    cJSON_Delete(root);
    f = fopen(path, "w");
    if (!f || !out) return NULL;
    fputs(out, f);
    fclose(f);
    cJSON_free(out);
    shp_problem *pb = NULL;
    char err[512];
    if (shp_problem_load(path, &pb, err, sizeof err) != SHP_OK) fprintf(stderr, "coverage: %s\n", err);
    return pb;
}

int bench_loam_vq_truth(shp_backend *be, bench_loam_vq *t)
{
    shp_problem *pb0 = NULL;
    char err[512];
    if (shp_problem_load(CONFIG, &pb0, err, sizeof err) != SHP_OK) {
        fprintf(stderr, "%s\n", err);
        return 1;
    }
    t->truth = shp_forward_materials(shp_problem_forward(pb0))[0];
    const double *tq, *tv, *x2, *oq, *ov, *sq, *sv;
    int rc = shp_problem_simulate_materials(pb0, be, &t->truth) != SHP_OK;
    t->nq = rc ? 0 : shp_problem_series(pb0, SHP_OBS_Q, &tq, &x2, &oq, &sq);
    t->nv = rc ? 0 : shp_problem_series(pb0, SHP_OBS_V, &tv, &x2, &ov, &sv);
    if (t->nq <= 0 || t->nv <= 0 || t->nq > BENCH_LOAM_MAXN || t->nv > BENCH_LOAM_MAXN) rc = 1;
    if (!rc) {
        memcpy(t->q, sq, sizeof *t->q * (size_t)t->nq);
        memcpy(t->v, sv, sizeof *t->v * (size_t)t->nv);
        memcpy(t->tq, tq, sizeof *t->tq * (size_t)t->nq);
        memcpy(t->tv, tv, sizeof *t->tv * (size_t)t->nv);
        for (int s = 0; s < 2; ++s) {
            const double *y = s ? t->v : t->q;
            const int n = s ? t->nv : t->nq;
            double m = 0.0, ss = 0.0;
            for (int i = 0; i < n; ++i) m += y[i] / n;
            for (int i = 0; i < n; ++i) ss += (y[i] - m) * (y[i] - m);
            *(s ? &t->sd_v : &t->sd_q) = sqrt(ss / n);
        }
    }
    shp_problem_destroy(pb0);
    return rc;
}

shp_problem *bench_loam_vq_problem(const char *dir, const bench_loam_vq *t, double noise, uint64_t rep)
{
    double yq[BENCH_LOAM_MAXN], yv[BENCH_LOAM_MAXN];
    shp_rng r;
    shp_rng_init(&r, 2026, rep, 0, 0);
    for (int i = 0; i < t->nq; ++i) yq[i] = t->q[i] + noise * t->sd_q * shp_rng_normal(&r);
    for (int i = 0; i < t->nv; ++i) yv[i] = t->v[i] + noise * t->sd_v * shp_rng_normal(&r);
    char p[600];
    snprintf(p, sizeof p, "%s/Q.csv", dir);
    write_series(p, "time_min,Q_cm", t->tq, yq, t->nq);
    snprintf(p, sizeof p, "%s/v.csv", dir);
    write_series(p, "time_min,v_cm_per_min", t->tv, yv, t->nv);
    return noisy_problem(dir);
}

int bench_coverage_main(int argc, char **argv)
{
    int reps = 100, threads = 2;
    double noise = 0.01;
    for (int a = 1; a < argc; ++a) {
        if (!strcmp(argv[a], "--reps") && a + 1 < argc) reps = atoi(argv[++a]);
        else if (!strcmp(argv[a], "--noise") && a + 1 < argc) noise = atof(argv[++a]);
        else if (!strcmp(argv[a], "--threads") && a + 1 < argc) threads = atoi(argv[++a]);
        else {
            fprintf(stderr, "usage: shpfit-bench coverage [--reps N] [--noise F] [--threads T]\n");
            return 2;
        }
    }
    char dir[] = "/tmp/shpfit-coverage-XXXXXX";
    if (!mkdtemp(dir)) return 1;
    shp_backend *be = shp_backend_cpu_create(threads);
    /* the truth's series: the config's own problem simulated at its materials */
    bench_loam_vq t;
    shp_problem *pb0 = NULL;
    char err[512];
    if (!be || bench_loam_vq_truth(be, &t) != 0 || shp_problem_load(CONFIG, &pb0, err, sizeof err) != SHP_OK)
        return 1;
    const shp_material truth = t.truth;
    const int dim = shp_problem_dim(pb0);
    double tv_true[SHP_MAX_FREE];
    for (int j = 0; j < dim; ++j) {
        double u1[SHP_MAX_FREE];
        shp_problem_unit_of(pb0, &truth, u1);
        tv_true[j] = shp_problem_var_value(pb0, j, u1[j]);
    }
    int covered[SHP_MAX_FREE] = {0}, used = 0, failed = 0;
    double sum[SHP_MAX_FREE] = {0}, sum2[SHP_MAX_FREE] = {0}, se[SHP_MAX_FREE] = {0};
    const double t0 = bench_now_s();
    for (int rep = 0; rep < reps; ++rep) {
        shp_problem *pb = bench_loam_vq_problem(dir, &t, noise, (uint64_t)rep);
        if (!pb) return 1;
        double u[SHP_MAX_FREE];
        shp_problem_unit_of(pb, &truth, u);
        shp_uncertainty unc;
        int good = shp_fit_least_squares(pb, be, u, 0, 50, 1e-12, NULL, err, sizeof err) == SHP_OK &&
                   shp_uncertainty_at(pb, be, u, &unc) == SHP_OK && !unc.singular;
        for (int j = 0; good && j < dim; ++j) good = !unc.at_bound[j];
        if (good) {
            ++used;
            for (int j = 0; j < dim; ++j) {
                covered[j] += tv_true[j] >= unc.lo[j] && tv_true[j] <= unc.hi[j];
                sum[j] += unc.value[j];
                sum2[j] += unc.value[j] * unc.value[j];
                se[j] += unc.se[j];
            }
        } else {
            ++failed;
        }
        shp_problem_destroy(pb);
        fprintf(stderr, "\rcoverage: %d/%d", rep + 1, reps);
    }
    fprintf(stderr, "\n");
    printf("coverage of the 95 %% intervals: %s fitted to v and Q, noise %.3g of each series' spread, "
           "%d realisations (%d used, %d on a bound or failed), %.1f s\n", CONFIG, noise, reps, used, failed,
           bench_now_s() - t0);
    printf("| parameter | truth | coverage | mean estimate | spread (sd) | mean se |\n|---|---|---|---|---|---|\n");
    for (int j = 0; j < dim && used > 0; ++j) {
        const double m = sum[j] / used, s = sqrt(fmax(sum2[j] / used - m * m, 0.0));
        printf("| %s | %.6g | %.3f | %.6g | %.3g | %.3g |\n", shp_problem_var_name(pb0, j), tv_true[j],
               (double)covered[j] / used, m, s, se[j] / used);
    }
    shp_problem_destroy(pb0);
    shp_backend_destroy(be);
    char cmd[700];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) != 0;
}
