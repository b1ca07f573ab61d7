/* The benchmark program build/shpfit-bench: one main (bench_main.c) that writes the
 * machine table once and then one Markdown section per benchmark. */
#ifndef SHPFIT_BENCH_H
#define SHPFIT_BENCH_H

#include <stdio.h>

/* Monotonic wall clock in seconds. */
double bench_now_s(void);

/* Median of x[0..n) (sorts x in place, so x[0] is the minimum afterwards). */
double bench_median(double *x, int n);

/* The sections; each writes its Markdown to md, progress to stderr, returns 0 or 1. */
int bench_forward(FILE *md, int reps, int quick);
int bench_models(FILE *md, int quick);
/* ask + tell of every optimizer per evaluation (the evaluation itself excluded) */
int bench_optim(FILE *md);
/* columns per second of the loam inverse problem and time to fit it */
int bench_fit(FILE *md, int quick);
/* the six-plane 50 × 50 response-surface set of the loam */
int bench_surface(FILE *md, int quick);
/* headline of the recorded campaign docs/bench/seed_soils */
int bench_campaign(FILE *md);
/* smoothness of the outputs in the parameters, adaptive vs fixed steps (smooth_stat.h) */
int bench_smooth(FILE *md, int quick);
/* the cost of exact parameter sensitivities against plain columns (column_sens.h) */
int bench_sens(FILE *md, int reps, int quick);
/* columns/s of one year of a field station's daily forcing (VGM, FXW; 1 and 2 threads)
 * and the time to calibrate configs/field_manhattan_vgm.json */
int bench_field(FILE *md, int quick);
/* `shpfit-bench smooth [options]`: one setting, plain text (argv[0] is "smooth") */
int bench_smooth_main(int argc, char **argv);

/* `shpfit-bench coverage [options]`: coverage of the fit's 95 % intervals on the loam,
 * plain text (argv[0] is "coverage") */
int bench_coverage_main(int argc, char **argv);

/* The loam of configs/fit_loam.json fitted to v(t) and Q(t) simulated on its own column
 * (bench_coverage.c): the truth's series, and a problem of one noisy realisation (noise
 * × each series' spread, stream rep) written into dir. */
#define BENCH_LOAM_MAXN 256
#include "shpfit/problem.h"
typedef struct {
    int nq, nv;
    double tq[BENCH_LOAM_MAXN], q[BENCH_LOAM_MAXN], tv[BENCH_LOAM_MAXN], v[BENCH_LOAM_MAXN], sd_q, sd_v;
    shp_material truth;
} bench_loam_vq;
int bench_loam_vq_truth(shp_backend *be, bench_loam_vq *t);
shp_problem *bench_loam_vq_problem(const char *dir, const bench_loam_vq *t, double noise, uint64_t rep);

/* `shpfit-bench posterior [options]`: the DREAM(ZS) sampler's own cost per proposal and
 * the loam's posterior against its linearisation, plain text (argv[0] is "posterior") */
int bench_posterior_main(int argc, char **argv);

/* `shpfit-bench nearest CONFIG...`: the least-squares minimum nearest the truth of each fit
 * config, its misfit and curve agreement (argv[0] is "nearest") */
int bench_nearest_main(int argc, char **argv);

/* `shpfit-bench refine CONFIG [options]`: a grid-refinement study of one forward config,
 * plain text and CSV (argv[0] is "refine") */
int bench_refine_main(int argc, char **argv);

#endif
