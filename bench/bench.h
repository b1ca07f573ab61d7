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
/* `shpfit-bench smooth [options]`: one setting, plain text (argv[0] is "smooth") */
int bench_smooth_main(int argc, char **argv);

/* `shpfit-bench coverage [options]`: coverage of the fit's 95 % intervals on the loam,
 * plain text (argv[0] is "coverage") */
int bench_coverage_main(int argc, char **argv);

/* `shpfit-bench nearest CONFIG...`: the least-squares minimum nearest the truth of each fit
 * config, its misfit and curve agreement (argv[0] is "nearest") */
int bench_nearest_main(int argc, char **argv);

/* `shpfit-bench refine CONFIG [options]`: a grid-refinement study of one forward config,
 * plain text and CSV (argv[0] is "refine") */
int bench_refine_main(int argc, char **argv);

#endif
