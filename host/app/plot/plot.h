/* Plots through gnuplot, kept apart from the writers: every command writes its data
 * first and then, when gnuplot is there, a script and its PNGs; without gnuplot the
 * data are complete and the command says the plots were skipped (host-internal). */
#ifndef SHPFIT_HOST_PLOT_PLOT_H
#define SHPFIT_HOST_PLOT_PLOT_H

#include <stddef.h>
#include <stdio.h>

#include "shpfit/fit.h"
#include "shpfit/forward.h"
#include "shpfit/posterior.h"
#include "output/compare_output.h"

/* The gnuplot program to run: $SHPFIT_GNUPLOT if set (empty = plots off), otherwise
 * "gnuplot" when it is on PATH. NULL when there is none. */
const char *shp_plot_program(void);

/* Run `program script` inside dir (scripts name their data relative to it, so a user
 * can re-run `cd DIR && gnuplot SCRIPT`); gnuplot's own messages go to dir/log_name.
 * SHP_OK, or SHP_ERR_IO with a one-line reason in err. */
int shp_plot_run(const char *program, const char *dir, const char *script, const char *log_name,
                 char *err, size_t len);

/* The common head of every script: PNG terminal, fonts, grid. */
void shp_plot_preamble(FILE *f);

/* Write DIR/curves.gp, which draws DIR/retention.png (θ on x, pF on y) and
 * DIR/conductivity.png (log K against pF) for every material's curves CSV. */
int shp_plot_curves_script(const char *dir, const shp_forward_problem *fp, char *err, size_t len);

/* The pF range of a curve plot: the observations' (heads h [L] < 0, n_obs; cm_per_length
 * cm each) widened by half a unit, else where the materials' θ moves (effective
 * saturation 0.005 to 0.995), else −2 to 7; on half units, within −2 to 7. */
void shp_plot_pf_range(const shp_material *mats, int n_mats, double cm_per_length, const double *h, int n_obs,
                       double *lo, double *hi);

/* Write s into a gnuplot string literal (single quotes, quotes doubled): file names. */
void shp_plot_quote(char *out, size_t len, const char *s);

/* The colour of series k of a figure ("#rrggbb"): the Okabe–Ito palette (colour-blind
 * safe), then black and yellow, repeating after eight. */
const char *shp_plot_colour(int k);

/* A series file read back so that a script can address every series (and every depth
 * of θ(t), whose rows are interleaved by time) by its lines: best_series.csv,
 * posterior_predictive.csv ("series,x,x_unit,depth,values…"). Per row its observation
 * kind and its first n_fields fields as numbers (v[0] unused; NaN where empty or not a
 * number). t->row is the caller's to free (empty on error). SHP_OK; SHP_ERR_IO (a row
 * of another shape: "PATH:LINE: not a row of NAME") or SHP_ERR_NOMEM with a message. */
#define SHP_PLOT_ROW_FIELDS 12
typedef struct {
    int kind;
    double v[SHP_PLOT_ROW_FIELDS];
} shp_plot_row;
typedef struct {
    shp_plot_row *row;
    int n;
} shp_plot_rows;
int shp_plot_read_rows(const char *dir, const char *name, int n_fields, shp_plot_rows *t, char *err, size_t len);
/* Room for a typed copy of t's rows: t->n (at least one) elements of `size` bytes. NULL
 * when memory is short, with t's rows released and "out of memory" in err. */
void *shp_plot_rows_typed(shp_plot_rows *t, size_t size, char *err, size_t len);

/* A gnuplot data source for the rows of series `kind` (θ(t): of one depth, column 4) of
 * t, read from `file` with n_fields columns: the file itself with `every` when the rows
 * are evenly spaced there, else a data block $tag written to f with the same columns.
 * The source goes to src; returns the row count (0: none, nothing written). */
int shp_plot_rows_source(FILE *f, const shp_plot_rows *t, const char *file, int n_fields, int kind, double depth,
                         const char *tag, char *src, size_t len);

/* ------------------------------------------------------------ fit and forward plots */

/* The PNGs a plot script draws (names relative to its directory). */
#define SHP_PLOT_MAX_FILES 20
typedef struct {
    int n;
    char name[SHP_PLOT_MAX_FILES][32];
} shp_plot_files;

/* Add a PNG name to files (NULL is fine; names past SHP_PLOT_MAX_FILES are dropped). */
void shp_plot_add_file(shp_plot_files *files, const char *name);

/* The file name of a path (after its last '/'): titles name the config, not its folder. */
const char *shp_plot_base_name(const char *path);

/* After shp_fit_write_all: write DIR/fit_curves.csv (θ and K of the fitted materials,
 * and of fit.truth when given, on pF −2…7, 20 per decade) and DIR/fit_plots.gp, which
 * reads it and the fit's own files (best_series.csv, history.csv, pareto.csv) and draws
 * fit_Q.png, fit_v.png, fit_theta_final.png, fit_theta_t.png (the series observed),
 * fit_station.png (a station's records, shp_plot_station), fit_retention.png,
 * fit_conductivity.png, fit_history.png and fit_pareto.png
 * (multi-objective last step), into a directory of its own (io/stage.h), whose commit
 * removes the PNGs of shp_plot_fit_pngs an earlier run left and this one does not draw.
 * The names to be drawn go to files (may be NULL). SHP_OK, or an error with a message in err. */
extern const char *const shp_plot_fit_pngs[]; /* every PNG it may draw, NULL-terminated */
int shp_plot_fit(const char *dir, shp_problem *pb, const shp_fit_options *opt,
                 const shp_fit_result *res, shp_plot_files *files, char *err, size_t len);

/* The station figure into a fit's plot script f: fit_station.png from fit_station.csv
 * (io/station_csv.h), precipitation bars on top (an atmospheric top), a panel per sensor
 * depth with observed and simulated θ(t) over the whole reported run, the calibration and
 * validation periods shaded, dates on the time axis when theta_t has an origin. Nothing
 * when θ(t) is not a station's records. Its name goes to files. */
void shp_plot_station(FILE *f, const shp_problem *pb, shp_plot_files *files);

/* After shp_forward_write_all: write DIR/forward_plots.gp, which draws forward_Q.png and
 * forward_v.png from series.csv (the output times reached, when there are any) and
 * forward_profile.png from profile_final.csv (when the run reached the end), into a
 * directory of its own (io/stage.h), whose commit removes the PNGs an earlier run left and
 * this one does not draw. SHP_OK, or SHP_ERR_IO with a message in err. */
int shp_plot_forward(const char *dir, const shp_forward_problem *fp, const shp_column_result *res,
                     shp_plot_files *files, char *err, size_t len);

/* A boxed key below the plot for `entries` titles of at most `longest` characters on
 * a plot `width_px` wide, with the bottom margin its rows and the x label need. */
void shp_plot_key_below(FILE *f, int entries, int longest, int width_px);

/* After shp_posterior_write_all (io/posterior_output.h): write DIR/posterior_plots.gp,
 * which reads posterior_samples.csv, posterior_chains.csv, posterior_predictive.csv and
 * posterior_curves.csv and draws posterior_marginals.png (a histogram per variable),
 * posterior_pairs.png (pairwise scatter of the sample), posterior_traces.png (every
 * chain per variable, burn-in shaded), posterior_predictive.png (the observed series with
 * the 95 % bands) and posterior_retention.png / posterior_conductivity.png (the curves'
 * bands; conductivity only where K is determined). The names to be drawn go to files
 * (may be NULL). SHP_OK, or SHP_ERR_IO with a message in err. */
int shp_plot_posterior(const char *dir, const shp_problem *pb, const shp_posterior_result *res,
                       shp_plot_files *files, char *err, size_t len);

/* The model comparison of `shpfit fit` (fit.compare): models_curves.csv and
 * models_plots.gp (models_retention.png, and models_conductivity.png with conductivity
 * data), the models in `order`, the observations drawn over them. */
typedef struct {
    const shp_model_fit *fit;
    const int *order;
    int n;
    const double *ret_h, *ret_theta; /* retention observations (h in L), n_ret */
    int n_ret;
    const double *con_h, *con_log10K; /* conductivity observations, n_con */
    int n_con;
    double cm_per_length;
    const char *length_unit, *time_unit;
    const char *config_name;
} shp_plot_models_in;
extern const char *const shp_plot_models_pngs[]; /* NULL-terminated */
int shp_plot_models(const char *dir, const shp_plot_models_in *in, shp_plot_files *files, char *err, size_t len);

#endif
