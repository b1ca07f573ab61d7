/* The insides of the seed-002 report (paper/paper_report.h), shared by its loader
 * (paper_load.c), its tables (paper_tables.c) and its figures (paper_plot.c). */
#ifndef SHPFIT_HOST_PAPER_PAPER_INTERNAL_H
#define SHPFIT_HOST_PAPER_PAPER_INTERNAL_H

#include "io/fs.h"
#include <stddef.h>

#include "shpfit/physics/hydraulics.h"
#include "shpfit/problem.h"

/* The reported parameters of VGM (seed Tables 3, 5, 7), in cm and min. */
enum { PR_THETA_R, PR_THETA_S, PR_ALPHA, PR_N, PR_KS, PR_N_PAR };

/* The curve metrics of seed Tables 4, 6, 8, per curve. */
enum { PR_MAE, PR_RMSE, PR_PBIAS, PR_NS, PR_N_MET };
enum { PR_RETENTION, PR_CONDUCTIVITY, PR_N_CURVE };

typedef struct {
    const char *key;   /* config name: "theta_s" */
    const char *csv;   /* column stem with units: "theta_s_%s_cm3_per_cm3" */
    const char *paper; /* quantity in the paper tables CSV: "theta_s", "alpha_per_cm" */
    const char *md;    /* Markdown head: "θs [cm³/cm³]" */
} pr_param_info;

typedef struct {
    const char *name;  /* "RMSE" */
    const char *unit;  /* column suffix: "_cm3_per_cm3", "_pct", "" */
    const char *md;    /* "RMSE" */
} pr_metric_info;

extern const pr_param_info pr_params[PR_N_PAR];
extern const pr_metric_info pr_metrics[PR_N_MET];
extern const char *const pr_curve_names[PR_N_CURVE]; /* "retention", "conductivity" */
extern const char *const pr_curve_md[PR_N_CURVE];    /* "h(θ)", "K(θ)" */

/* A case of the campaign and its metadata. */
typedef struct {
    char *name, *soil, *error; /* error "none" for the noise-free cases */
    double saturation;         /* initial effective saturation, % (NAN: not given) */
    int soil_rank, error_rank; /* row order: the paper's, then first appearance */
    int n_runs;
    shp_problem *pb;           /* loaded on the first run of the case */
    int mat;                   /* index of the compared material */
    double cm_per_length, min_per_time;
    shp_material truth;
    double true_par[PR_N_PAR];
} pr_case;

typedef struct {
    char *name, *label;        /* label: the campaign's, else the name */
    char file[80];             /* file-system-safe name: figure7_<file>.png */
} pr_variant;

/* One run of runs.csv, evaluated against its case's truth. */
typedef struct {
    int c, v;                  /* case and variant */
    long seed;
    int line;                  /* in runs.csv */
    int fitted;                /* parameters were given (some candidate was scored) */
    int compared;              /* the curve agreement could be computed */
    shp_material fit;
    double par[PR_N_PAR];      /* NAN when not fitted */
    double met[PR_N_CURVE][PR_N_MET]; /* NAN when not compared */
    int success;               /* the study's targets met (SHP_PAPER_TARGET_*) */
    double wall_s;
} pr_run;

/* One published value of the seed (configs/paper/seed002_tables.csv). */
typedef struct {
    int table;
    char soil[32], error[32], quantity[40];
    double saturation;         /* NAN: not given (Table 4) */
    double value;
} pr_paper_value;

typedef struct {
    char dir[SHP_PATH_MAX];    /* the campaign's directory: what is read */
    const char *out;           /* where the report's files are written (a staging folder) */
    char title[128], machine[256];
    long budget_evals;
    double budget_time_s;
    int campaign_seeds;        /* seeds the campaign file asks for (0: not given) */
    int n_seeds;               /* distinct seeds in runs.csv */
    double wall_s;             /* passed in */
    double runs_wall_s;        /* Σ wall_s of the runs */
    int n_cases, n_variants, n_runs, n_paper;
    pr_case *cases;
    pr_variant *variants;
    pr_run *runs;
    pr_paper_value *paper;
} pr_data;

/* paper_load.c: read everything into d (zeroed first; freed on failure). */
int pr_load(const char *dir, const char *paper_csv, pr_data *d, char *err, size_t len);
void pr_free(pr_data *d);

/* Human text of an error scenario ("θ_initial +0.02", "Q: random 5 %"), or the key itself. */
const char *pr_error_label(const char *error);

/* The paper table of case c's parameters (3, 5 or 7) and curve metrics (4, 6 or 8). */
int pr_paper_table(const pr_case *c, int curves);

/* Whether case c is the noise-free part of the study. */
int pr_noise_free(const pr_case *c);

/* The paper's value, or NAN: table, soil (case-insensitive), saturation (ignored when
 * NAN on either side), error, quantity. */
double pr_paper_lookup(const pr_data *d, int table, const char *soil, double saturation, const char *error,
                       const char *quantity);

/* Cases in table order (noise-free or error study), only those with runs; the count. */
int pr_case_order(const pr_data *d, int noise_free, int *order);

/* Runs of (case, variant) into idx (at most d->n_runs); the count. */
int pr_cell_runs(const pr_data *d, int c, int v, int *idx);

/* The run of (case, variant) with the median retention RMSE (the lower median for an even
 * count) among those compared, or −1. */
int pr_median_run(const pr_data *d, int c, int v);

/* θ and K (K converted to cm/min) of m at suction psi_cm, for the case's units. */
void pr_curve_point(const pr_case *cs, const shp_material *m, double psi_cm, double *theta, double *K_cm_min);

/* paper_tables.c: table3…6 CSV and Markdown, tables.md. plots: the figures exist. */
int pr_write_tables(const pr_data *d, int plots, char *err, size_t len);

/* paper_plot.c: figure7_<v>.csv and errors_<v>.csv for every variant, and
 * paper_plots.gp drawing their PNGs (old PNGs of those names removed first). *n_figs: the
 * number of PNGs the script draws. */
int pr_write_figures(const pr_data *d, int *n_figs, char *err, size_t len);

/* Whether variant v has a figure of the noise-free (errors = 0) or error study. */
int pr_has_figure(const pr_data *d, int v, int errors);

#endif
