/* shpfit fit CONFIG.json --out DIR [--seed N] [--threads N] [--backend NAME] [--verbose]:
 * estimate the free parameters of CONFIG's "fit" section (shpfit/fit.h) and write
 * result.json, history.csv, pareto.csv (multi-objective) and best_series.csv, then
 * fit_curves.csv and the plots (plot/plot.h). With --evaluate [--at WHERE]: score one
 * parameter set instead, into result.json and best_series.csv. */
#define _POSIX_C_SOURCE 200809L /* fileno */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#ifdef _OPENMP
#include <omp.h>
#endif

#include "config/loaders.h"
#include "cli/cli.h"
#include "cli/cli_args.h"
#include "cli/cli_posterior.h"
#include "config/cfg_json.h"
#include "output/fit_output.h"
#include "output/uncertainty_text.h"
#include "io/fs.h"
#include "io/json_file.h"
#include "output/posterior_output.h"
#include "output/stage.h"
#include "import/station_csv.h"
#include "plot/plot.h"
#include "shpfit/curves_agreement.h"
#include "shpfit/fit.h"
#include "shpfit/journal.h"
#include "shpfit/posterior.h"
#include "shpfit/version.h"

static void help(FILE *f)
{
    fprintf(f,
            "usage: shpfit fit CONFIG.json --out DIR [--seed N] [--threads N] [--backend NAME]\n"
            "                  [--resume] [--verbose]\n"
            "       shpfit fit CONFIG.json --out DIR --evaluate [--at WHERE] [--threads N]\n"
            "                  [--backend NAME]\n\n"
            "Estimate the free parameters named in CONFIG's \"fit\" section from its observation\n"
            "files (docs/fit.md) with a population optimizer; every generation's candidates run\n"
            "as one batch of soil columns. Writes\n"
            "  DIR/result.json      best parameters, objectives, metrics, curve agreement with\n"
            "                       fit.truth, evaluations, failures, wall time, seed, config echo\n"
            "  DIR/history.csv      one line per generation\n"
            "  DIR/pareto.csv       the non-dominated set (multi-objective runs)\n"
            "  DIR/best_series.csv  observed and simulated series of the best solution\n"
            "  DIR/fit_curves.csv   fitted (and true) theta and K against pF, -2 to 7\n"
            "  DIR/fit_station.csv  a station's records (theta_t \"series\"): time, precipitation,\n"
            "                       observed and simulated theta per depth, period\n"
            "  DIR/fit_*.png        observed vs simulated Q(t), v(t), theta(z), theta(t); the\n"
            "                       station's records per depth under the precipitation, the\n"
            "                       calibration and validation periods shaded; the retention\n"
            "                       and conductivity curves; convergence; Pareto front\n"
            "                       (gnuplot; script DIR/fit_plots.gp)\n"
            "The files appear together when all are complete; a failed run leaves DIR as it was.\n"
            "While it runs, DIR/fit.checkpoint records every generation: after a kill, the same\n"
            "command with --resume continues where it stopped and ends with the same result as\n"
            "an uninterrupted run (docs/fit-reference.md, \"Checkpoints\").\n\n"
            "With --evaluate no optimizer runs: the objectives and metrics of one parameter\n"
            "set go into DIR/result.json (\"mode\": \"evaluate\", the column's status) and\n"
            "DIR/best_series.csv, e.g. to check the misfit at a known answer.\n\n"
            "A config with retention and conductivity data alone needs only \"materials\" and\n"
            "\"fit\": no column runs, and the parameters a material leaves out are fitted. With\n"
            "\"fit.compare\": [\"vgm\", \"brooks_corey\", ...] each model is fitted to the same data\n"
            "(DIR/<model>/) and all are ranked by AIC, AICc and BIC in DIR/models.csv and\n"
            "DIR/compare.json, drawn over the data in DIR/models_retention.png (docs/curve_fit.md).\n\n"
            "options:\n"
            "  -o, --out DIR    output directory (created if missing)\n"
            "  --seed N         random seed (default fit.seed, else 1); same seed, same result\n"
            "  --threads N      CPU threads for the columns (default: all); the result does not\n"
            "                   depend on it\n"
            "  --backend NAME   where the columns run: cpu (default; OpenMP), cuda (one GPU\n"
            "                   thread block per column; needs a CUDA build and a device),\n"
            "                   auto (cuda when both are there, else cpu); results agree to\n"
            "                   rounding, not bit for bit (docs/gpu.md)\n"
            "  --resume         continue the run recorded in DIR/fit.checkpoint (without it, a\n"
            "                   checkpoint there is discarded and the fit starts afresh)\n"
            "  --verbose        print the log line of every generation\n"
            "  --evaluate       score one parameter set, at fit.truth when the config gives\n"
            "                   one, else at its materials\n"
            "  --at WHERE       (implies --evaluate) truth, materials, a JSON file of\n"
            "                   {\"loam.n\": 1.56, ...} or a fit's result.json, or\n"
            "                   loam.n=1.56,loam.Ks=0.0173; free parameters not named keep\n"
            "                   their values in materials\n"
            "  -h, --help       this help\n\n"
            "exit codes: 0 success; 2 bad usage, configuration, observation files or --at,\n"
            "            or a checkpoint of another run (nothing written); 3 no candidate could\n"
            "            be simulated, or with --evaluate the column did not reach the end (the\n"
            "            files say so; what needs the column is not scored); 1 results or\n"
            "            plots not written. Without gnuplot the results are complete and the\n"
            "            plots are skipped (SHPFIT_GNUPLOT chooses the program; empty: no plots).\n\n"
            "examples:\n"
            "  shpfit fit configs/fit_loam.json --out out/fit\n"
            "  shpfit fit configs/fit_loam.json --evaluate --at truth --out out/at_truth\n"
            "  shpfit fit configs/curves/toyoura_compare.json --out out/compare\n");
}

typedef struct {
    const char *config, *out, *backend;
    shp_cli_run_opts run;
    int evaluate;
    const char *at; /* --at WHERE; NULL: the default point */
} args;

static int parse_args(int argc, char **argv, args *a)
{
    shp_cli_args c = {"fit", "CONFIG.json", help, NULL, NULL, "cpu"};
    for (int i = 1; i < argc; ++i) {
        const char *s = argv[i];
        const int run = shp_cli_run_arg("fit", argc, argv, &i, &a->run);
        if (run != SHP_CLI_OTHER) {
            if (run != SHP_CLI_HANDLED) return run;
        } else if (!strcmp(s, "--evaluate")) {
            a->evaluate = 1;
        } else if (!strcmp(s, "--at")) {
            if (i + 1 >= argc) return shp_cli_usage_error("fit", "missing parameters after", s);
            a->at = argv[++i];
            a->evaluate = 1;
        } else {
            const int r = shp_cli_common_arg(&c, argc, argv, &i);
            if (r != SHP_CLI_HANDLED) return r;
        }
    }
    const int bad = shp_cli_require(&c);
    a->config = c.input;
    a->out = c.out;
    a->backend = c.backend;
    if (bad < 0 && a->evaluate && (a->run.seed >= 0 || a->run.resume))
        return shp_cli_usage_error("fit", "--evaluate runs no optimizer, so it takes no", a->run.resume ? "--resume" : "--seed");
    return bad;
}

typedef struct {
    int tty, verbose;
    double t0; /* when the fit started (wall clock) */
} progress_ctx;

/* Columns of the terminal on stderr (80 when it does not say). */
static int term_width(void)
{
    struct winsize ws;
    return ioctl(fileno(stderr), TIOCGWINSZ, &ws) == 0 && ws.ws_col > 20 ? ws.ws_col : 80;
}

/* "1:05" or "1:02:05" from seconds. */
static void clock_text(char *buf, size_t len, double s)
{
    const long t = s > 0.0 && s < 1e9 ? (long)(s + 0.5) : 0;
    if (t >= 3600) snprintf(buf, len, "%ld:%02ld:%02ld", t / 3600, t / 60 % 60, t % 60);
    else snprintf(buf, len, "%ld:%02ld", t / 60, t % 60);
}

/* One line per generation: on a terminal, one status line overwritten in place and cut
 * to its width (elapsed time, the step's ETA from its generation or evaluation budget,
 * evaluations per second, best objective, failed columns); every line with --verbose;
 * nothing when neither. */
static void progress(int step, int n_steps, const shp_opt_log *line, const shp_fit_step *st, void *vctx)
{
    const progress_ctx *p = vctx;
    char buf[256];
    shp_opt_log_format(line, buf, sizeof buf);
    if (p->verbose) {
        printf("[step %d/%d] %s\n", step, n_steps, buf);
        fflush(stdout);
        return;
    }
    if (!p->tty) return;
    const double el = shp_wall_seconds() - p->t0;
    double done = -1.0; /* the step's fraction of its budget */
    if (st->stop.max_generations > 0) done = (double)line->generation / (double)st->stop.max_generations;
    if (st->stop.max_evaluations > 0)
        done = fmax(done, (double)line->evaluations / (double)st->stop.max_evaluations);
    char elapsed[32], eta[64] = "", text[512];
    clock_text(elapsed, sizeof elapsed, el);
    if (done > 0.0 && done < 1.0) {
        char c[32];
        clock_text(c, sizeof c, el * (1.0 - done) / done);
        snprintf(eta, sizeof eta, "  ETA %s%s", c, n_steps > 1 ? " (this step)" : "");
    }
    char gen[48];
    if (st->stop.max_generations > 0) snprintf(gen, sizeof gen, "gen %ld/%ld", line->generation, st->stop.max_generations);
    else snprintf(gen, sizeof gen, "gen %ld", line->generation);
    snprintf(text, sizeof text, "[step %d/%d] %s  %s%s  %.0f eval/s  best %.4g  failed %ld", step, n_steps, gen,
             elapsed, eta, el > 0.0 ? (double)line->evaluations / el : 0.0, line->best_value, line->failures);
    const int w = term_width() - 1; /* the last column would wrap on some terminals */
    fprintf(stderr, "\r%-*.*s", w, w, text);
    fflush(stderr);
}

/* The curve agreement of materials mats with fit.truth, one line per material. */
static void print_vs_truth(shp_problem *pb, const shp_fit_options *opt, const shp_material *mats)
{
    const shp_forward_problem *fp = shp_problem_forward(pb);
    shp_material *truth = malloc((size_t)shp_forward_n_materials(fp) * sizeof *truth);
    char err[256];
    if (opt->have_truth && truth && shp_fit_truth(pb, truth, err, sizeof err) == SHP_OK)
        for (int i = 0; i < shp_forward_n_materials(fp); ++i) {
            shp_curve_agreement a;
            if (shp_curve_agreement_compute(&truth[i], &mats[i], 1.0 / shp_forward_cm_per_length(fp),
                                            1e4 / shp_forward_cm_per_length(fp), &a) == SHP_OK)
                printf("  vs truth (%s)  curve RMSE in theta: retention %.3g, conductivity %.3g\n",
                       shp_forward_material_name(fp, i), a.retention.rmse, a.conductivity.rmse);
        }
    free(truth);
}

/* The label of a θ(t) period: its calendar days when theta_t has an origin, else its
 * times; "all points" for θ(t) that are not a station's records, or an open period. */
static void period_label(const shp_problem *pb, int period, char *buf, size_t len)
{
    const shp_forward_problem *fp = shp_problem_forward(pb);
    shp_theta_periods tp;
    shp_problem_theta_periods(pb, &tp);
    const int val = period == SHP_PERIOD_VALIDATION;
    const double from = val ? tp.val_from : tp.from, to = val ? tp.val_to : tp.to;
    char first[11], last[11];
    if (!tp.records || (!isfinite(from) && !isfinite(to))) snprintf(buf, len, "all points");
    else if (shp_fit_period_days(fp, tp.origin, from, to, first, last) == 0) snprintf(buf, len, "%s to %s", first, last);
    else if (!isfinite(to)) snprintf(buf, len, "from %g %s", from, shp_forward_time_unit(fp));
    else if (!isfinite(from)) snprintf(buf, len, "to %g %s", to, shp_forward_time_unit(fp));
    else snprintf(buf, len, "%g to %g %s", from, to, shp_forward_time_unit(fp));
}

/* One row of the θ(t) table: a depth's metrics in one period (n 0: no points there). */
static void print_depth_row(const char *depth, const char *period, const char *span, const shp_metrics *m)
{
    if (m->n == 0) {
        printf("    %-7s %-12s %-24s %5s  no points\n", depth, period, span, "0");
        return;
    }
    printf("    %-7s %-12s %-24s %5d  %6.3f  %6.3f  %7.4f  %7.4f  %+8.4f  %6.3f\n", depth, period, span, m->n, m->kge,
           m->r, m->ubrmse, m->rmse, m->bias, m->nse);
}

/* θ(t) per sensor depth of the candidate last simulated (the one reported): one table,
 * depth by period, the validation period's row under the calibration's. */
static void print_depth_metrics(const shp_problem *pb)
{
    double dc[SHP_FIT_DEPTHS_MAX], dv[SHP_FIT_DEPTHS_MAX];
    shp_metrics mc[SHP_FIT_DEPTHS_MAX], mv[SHP_FIT_DEPTHS_MAX];
    const int nc = shp_problem_period_depth_metrics(pb, SHP_PERIOD_CALIBRATION, SHP_FIT_DEPTHS_MAX, dc, mc);
    const int nv = shp_problem_period_depth_metrics(pb, SHP_PERIOD_VALIDATION, SHP_FIT_DEPTHS_MAX, dv, mv);
    if (nc <= 0 && nv <= 0) return;
    shp_theta_periods tp;
    shp_problem_theta_periods(pb, &tp);
    char cal[64], val[64];
    period_label(pb, SHP_PERIOD_CALIBRATION, cal, sizeof cal);
    period_label(pb, SHP_PERIOD_VALIDATION, val, sizeof val);
    printf("  theta(t) metrics   per sensor depth and period (ubRMSE, RMSE, bias in m3/m3)\n");
    printf("    %-7s %-12s %-24s %5s  %6s  %6s  %7s  %7s  %8s  %6s\n", "depth", "period", "", "n", "KGE'", "R",
           "ubRMSE", "RMSE", "bias", "NSE");
    const shp_metrics none = {0};
    for (int i = 0, j = 0; i < (nc > 0 ? nc : 0) || j < (nv > 0 ? nv : 0);) {
        /* the depths of both periods merged, increasing */
        const double d = j >= nv || (i < nc && dc[i] <= dv[j]) ? dc[i] : dv[j];
        char label[48];
        snprintf(label, sizeof label, "%g %s", d, shp_forward_length_unit(shp_problem_forward(pb)));
        print_depth_row(label, "calibration", cal, i < nc && dc[i] == d ? &mc[i] : &none);
        if (nv > 0) print_depth_row("", "validation", val, j < nv && dv[j] == d ? &mv[j] : &none);
        i += i < nc && dc[i] == d;
        j += j < nv && dv[j] == d;
    }
    shp_column_stats st;
    if (tp.validation && nv <= 0 && shp_problem_last_column(pb, &st))
        printf("    validation not scored: the column stopped at t = %g %s (%s)\n", st.t_reached,
               shp_forward_time_unit(shp_problem_forward(pb)), shp_status_name(st.status));
}

/* The water budget of the reported column under an atmospheric top. */
static void print_water_balance(const shp_problem *pb)
{
    const shp_forward_problem *fp = shp_problem_forward(pb);
    shp_water_budget b;
    double t;
    if (shp_problem_water_budget(pb, &b, &t) != SHP_OK) return;
    printf("  water balance      0 to %g %s [%s]: precipitation %.4g, evaporation %.4g (potential %.4g),\n"
           "                     transpiration %.4g (potential %.4g), runoff %.4g, bottom outflow %.4g,\n"
           "                     storage change %.4g, balance error %.2g",
           t, shp_forward_time_unit(fp), shp_forward_length_unit(fp), b.precipitation, b.evaporation, b.evaporation_potential,
           b.transpiration, b.transpiration_potential, b.runoff, b.bottom_outflow, b.storage_change,
           b.balance_error);
    if (b.precipitation > 0.0) printf(" (%.2g of the precipitation)", b.balance_error / b.precipitation);
    printf("\n");
}

static void print_summary(shp_problem *pb, const shp_fit_options *opt, const shp_fit_result *res,
                          const char *out)
{
    const int dim = shp_problem_dim(pb), nobj = shp_problem_n_obj(pb);
    printf("shpfit fit %s -> %s\n", shp_forward_source(shp_problem_forward(pb)), out);
    for (int s = 0; s < opt->n_steps; ++s)
        if (s < res->steps_run)
            printf("  step %d             %s, %ld generations, stopped on %s\n", s + 1,
                   shp_opt_algorithm_name(opt->step[s].alg), res->generations[s],
                   shp_opt_stop_reason_name(res->why[s]));
        else
            printf("  step %d             %s, not run: fit.budget was spent\n", s + 1,
                   shp_opt_algorithm_name(opt->step[s].alg));
    if (res->polish.done && opt->polish_sum)
        printf("  polish             lm on the sum of %s, %d rounds, %d iterations, %ld columns, %.4g -> %.4g\n",
               shp_problem_metric_name(pb), res->polish.rounds, res->polish.iterations,
               res->polish.evaluations, res->polish.sum_start, res->polish.sum_end);
    else if (res->polish.done)
        printf("  polish             lm, %d iterations, %ld columns, sum of %s^2 %.3g -> %.3g\n",
               res->polish.iterations, res->polish.evaluations, shp_problem_metric_name(pb),
               2.0 * res->polish.cost_start, 2.0 * res->polish.cost_end);
    for (int j = 0; j < dim; ++j)
        printf("  %-18s %.6g\n", shp_problem_var_name(pb, j), shp_problem_var_value(pb, j, res->u_best[j]));
    for (int k = 0; k < nobj; ++k) {
        char label[48];
        snprintf(label, sizeof label, "%s(%s)", shp_problem_metric_name(pb),
                 shp_obs_name(shp_problem_obj_kind(pb, k)));
        printf("  %-18s %.4g\n", label, res->f_best[k]);
    }
    print_depth_metrics(pb);
    print_water_balance(pb);
    shp_fit_uncertainty_print(stdout, pb, &res->uncertainty);
    shp_material *best = malloc((size_t)shp_forward_n_materials(shp_problem_forward(pb)) * sizeof *best);
    if (best && shp_problem_materials(pb, res->u_best, best, NULL, 0) == SHP_OK) print_vs_truth(pb, opt, best);
    free(best);
    if (shp_problem_needs_column(pb))
        printf("  evaluations        %ld columns (%ld invalid, %ld failed) in %.2f s\n", res->evaluations,
               res->invalid, res->failed, res->wall_s);
    else
        printf("  evaluations        %ld of the curves, no column (%ld invalid) in %.2f s\n", res->evaluations,
               res->invalid, res->wall_s);
}

/* The unit of objective kind's values with fit.metric rmse ("" for ψ and for θ). */
static const char *objective_unit(const shp_problem *pb, int kind, char *buf, size_t len)
{
    const shp_forward_problem *fp = shp_problem_forward(pb);
    const char *L = shp_forward_length_unit(fp), *T = shp_forward_time_unit(fp);
    buf[0] = '\0';
    if (strcmp(shp_problem_metric_name(pb), "rmse") != 0) return buf;
    if (kind == SHP_OBS_Q) snprintf(buf, len, " %s", L);
    else if (kind == SHP_OBS_V) snprintf(buf, len, " %s/%s", L, T);
    else if (kind == SHP_OBS_CONDUCTIVITY) snprintf(buf, len, " log10(%s/%s)", L, T);
    return buf;
}

static void print_evaluation(shp_problem *pb, const shp_fit_options *opt, const shp_fit_point *pt, const char *at,
                             const char *out)
{
    const shp_forward_problem *fp = shp_problem_forward(pb);
    printf("shpfit fit %s --evaluate at %s -> %s\n", shp_forward_source(fp), at, out);
    for (int j = 0; j < shp_problem_dim(pb); ++j) {
        char unit[64];
        shp_problem_var_units(pb, j, unit, sizeof unit);
        printf("  %-18s %.6g%s%s\n", shp_problem_var_name(pb, j), pt->values[j], strcmp(unit, "-") ? " " : "",
               strcmp(unit, "-") ? unit : "");
    }
    if (pt->has_column) {
        const char *key;
        const long cap = shp_problem_step_cap(pb, &key);
        printf("  %-18s ", "column");
        if (pt->status == SHP_OK) printf("ok, %ld steps to", pt->column.steps);
        else if (pt->status == SHP_ERR_MAX_STEPS && shp_problem_report_step_cap(pb) != cap)
            printf("stopped at the step cap %s = %ld, %ld for its length, at", key, cap, shp_problem_report_step_cap(pb));
        else if (pt->status == SHP_ERR_MAX_STEPS) printf("stopped at the step cap %s = %ld at", key, cap);
        else printf("%s at", shp_strerror(pt->status));
        printf(" t = %g %s\n", pt->column.t_reached, shp_forward_time_unit(fp));
    }
    for (int k = 0; k < shp_problem_n_obj(pb); ++k) {
        const int kind = shp_problem_obj_kind(pb, k);
        char label[48], unit[48];
        snprintf(label, sizeof label, "%s(%s)", shp_problem_metric_name(pb), shp_obs_name(kind));
        if (isnan(pt->f[k])) printf("  %-18s not scored (the column did not reach the end)\n", label);
        else printf("  %-18s %.4g%s\n", label, pt->f[k], objective_unit(pb, kind, unit, sizeof unit));
    }
    print_depth_metrics(pb); /* what the column reached: a validation it did not is named */
    print_water_balance(pb);
    print_vs_truth(pb, opt, pt->mats);
    printf("  %-18s %.2f s\n", "wall time", pt->wall_s);
}

/* fit_curves.csv and fit_plots.gp, then the PNGs when gnuplot is there, into dir (the
 * staging folder): a missing gnuplot only skips them; a failing one is SHP_ERR_IO with
 * the reason in err (the result files are complete all the same). */
static int plots(shp_problem *pb, const shp_fit_options *opt, const shp_fit_result *res, const char *dir,
                 shp_plot_files *pf, char *err, size_t len)
{
    const char *gp = shp_plot_program();
    pf->n = 0;
    int rc = shp_plot_fit(dir, pb, opt, res, pf, err, len);
    if (rc == SHP_OK && gp) rc = shp_plot_run(gp, dir, "fit_plots.gp", "plot.log", err, len);
    if (!gp) pf->n = -1; /* skipped */
    return rc;
}

/* Every name `fit` may write, the posterior's included: the commit removes those this run
 * did not (io/stage.h). */
static const char *const *fit_names(void)
{
    static const char *names[48] = {"result.json",    "history.csv",  "pareto.csv", "best_series.csv",
                                    "fit_curves.csv", "fit_plots.gp", "plot.log",   "best_profile.csv",
                                    SHP_STATION_CSV};
    if (!names[9]) {
        int k = 9;
        for (int i = 0; shp_plot_fit_pngs[i] && k < 47; ++i) names[k++] = shp_plot_fit_pngs[i];
        for (int i = 0; shp_posterior_files[i] && k < 47; ++i)
            if (strcmp(shp_posterior_files[i], "plot.log")) names[k++] = shp_posterior_files[i];
        names[k] = "posterior_plot.log";
    }
    return names;
}

/* Results and plots into a staging folder, then all of them into out at once
 * (*committed = 1 once they are there). The exit code. */
static int write_results(const args *a, shp_problem *pb, shp_backend *be, const shp_fit_options *opt,
                         const shp_fit_result *res, const shp_posterior_options *po,
                         const shp_posterior_result *pr, int *committed)
{
#ifdef _OPENMP
    const int threads = a->run.threads > 0 ? (int)a->run.threads : omp_get_max_threads();
#else
    const int threads = 1;
#endif
    char err[SHP_MSG_MAX], plot_err[SHP_MSG_MAX];
    const shp_fit_run_info info = {shp_backend_name(be), threads};
    shp_stage *st = NULL;
    int rc = shp_stage_begin(a->out, &st, err, sizeof err);
    if (rc == SHP_OK) rc = shp_fit_write_all(shp_stage_dir(st), pb, be, opt, res, &info, err, sizeof err);
    shp_plot_files pf = {0};
    int prc = rc == SHP_OK ? plots(pb, opt, res, shp_stage_dir(st), &pf, plot_err, sizeof plot_err) : SHP_OK;
    shp_posterior_predictive_info pi = {0, 0};
    if (rc == SHP_OK && pr)
        rc = shp_cli_posterior_write(shp_stage_dir(st), pb, be, po, pr, &info, "posterior_plot.log", &pi, &pf, &prc,
                                     err, sizeof err, plot_err, sizeof plot_err);
    if (rc == SHP_OK) {
        rc = shp_stage_commit(st, fit_names(), err, sizeof err);
        st = NULL;
    }
    shp_stage_abort(st);
    if (rc != SHP_OK) {
        fprintf(stderr, "shpfit: fit: %s\n", err);
        return SHP_EXIT_FAILURE;
    }
    *committed = 1;
    print_summary(pb, opt, res, a->out);
    if (pr) shp_cli_posterior_summary(pb, po, pr, &pi);
    if (prc != SHP_OK) {
        fprintf(stderr, "shpfit: fit: plots failed: %s (the result files are complete)\n", plot_err);
        return SHP_EXIT_FAILURE;
    }
    if (pf.n < 0) {
        printf("shpfit fit: plots skipped (gnuplot not found; apt-get install gnuplot-nox)\n");
    } else {
        printf("shpfit fit: plots");
        for (int i = 0; i < pf.n; ++i) printf(" %s", pf.name[i]);
        printf(" in %s\n", a->out);
    }
    if (pr && !pr->converged) {
        shp_cli_posterior_unconverged(po);
        return SHP_EXIT_NOT_CONVERGED;
    }
    return SHP_EXIT_OK;
}

/* --evaluate: the point, its column, the files, the summary. The exit code. */
static int evaluate(const args *a, shp_problem *pb, const shp_fit_options *opt)
{
    char err[SHP_MSG_MAX];
    const char *at = a->at ? a->at : opt->have_truth ? "truth" : "materials";
    shp_fit_point pt;
    int rc = shp_fit_point_set(pb, at, &pt, err, sizeof err);
    if (rc != SHP_OK) {
        fprintf(stderr, "shpfit: fit: --at: %s\n", err);
        shp_fit_point_free(&pt);
        return rc == SHP_ERR_NOMEM ? SHP_EXIT_FAILURE : SHP_EXIT_USAGE;
    }
    shp_backend *be = shp_cli_backend_create("fit", a->backend, (int)a->run.threads);
    if (!be) {
        shp_fit_point_free(&pt);
        return SHP_EXIT_USAGE;
    }
#ifdef _OPENMP
    const int threads = a->run.threads > 0 ? (int)a->run.threads : omp_get_max_threads();
#else
    const int threads = 1;
#endif
    const shp_fit_run_info info = {shp_backend_name(be), threads};
    shp_stage *st = NULL;
    rc = shp_fit_point_evaluate(pb, be, &pt, err, sizeof err);
    if (rc == SHP_OK) rc = shp_stage_begin(a->out, &st, err, sizeof err);
    if (rc == SHP_OK) rc = shp_fit_write_evaluation(shp_stage_dir(st), pb, opt, &pt, at, &info, err, sizeof err);
    if (rc == SHP_OK) {
        rc = shp_stage_commit(st, fit_names(), err, sizeof err);
        st = NULL;
    }
    shp_stage_abort(st);
    int code = SHP_EXIT_OK;
    if (rc != SHP_OK) {
        fprintf(stderr, "shpfit: fit: %s\n", err);
        code = SHP_EXIT_FAILURE;
    } else {
        print_evaluation(pb, opt, &pt, at, a->out);
        if (pt.status != SHP_OK) {
            fprintf(stderr, "shpfit: fit: --evaluate: the column did not reach the end (%s); what needs it is "
                            "not scored\n", shp_status_name(pt.status));
            code = SHP_EXIT_NOT_CONVERGED;
        }
    }
    shp_fit_point_free(&pt);
    shp_backend_destroy(be);
    return code;
}

int shp_cmd_fit(int argc, char **argv)
{
    args a = {NULL, NULL, NULL, {-1, 0, 0, 0}, 0, NULL};
    const int done = parse_args(argc, argv, &a);
    if (done >= 0) return done;

    char err[SHP_MSG_MAX];
    shp_problem *pb = NULL;
    cJSON *root = NULL;
    const cfg_ctx c = {a.config, err, sizeof err};
    if (cfg_load_json(&c, &root) != SHP_OK) {
        fprintf(stderr, "shpfit: %s\n", err);
        return SHP_EXIT_USAGE;
    }
    if (cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(root, "fit"), "compare")) {
        if (a.evaluate || a.run.resume) {
            cJSON_Delete(root);
            return shp_cli_usage_error("fit", "fit.compare runs several fits: no checkpoint, no", a.evaluate ? "--evaluate" : "--resume");
        }
        if (shp_stage_check_dir("--out", a.out, 64, err, sizeof err) != SHP_OK) {
            cJSON_Delete(root);
            fprintf(stderr, "shpfit: %s\n", err);
            return SHP_EXIT_USAGE;
        }
        return shp_cli_fit_compare(a.config, root, a.out, a.run.seed, a.run.threads, a.backend);
    }
    if (shp_problem_load_json(a.config, root, &pb, err, sizeof err) != SHP_OK) {
        fprintf(stderr, "shpfit: %s\n", err);
        return SHP_EXIT_USAGE;
    }
    shp_fit_options opt;
    shp_material *truth = malloc((size_t)shp_forward_n_materials(shp_problem_forward(pb)) * sizeof *truth);
    if (shp_fit_options_load(pb, a.run.seed, &opt, err, sizeof err) != SHP_OK ||
        (opt.have_truth && truth && shp_fit_truth(pb, truth, err, sizeof err) != SHP_OK) ||
        shp_stage_check_dir("--out", a.out, 32, err, sizeof err) != SHP_OK) {
        fprintf(stderr, "shpfit: %s\n", err);
        free(truth);
        shp_problem_destroy(pb);
        return SHP_EXIT_USAGE;
    }
    free(truth);
    shp_posterior_options po;
    const int with_posterior = cfg_child(shp_problem_fit_config(pb), "posterior") != NULL;
    if (with_posterior && !a.evaluate && shp_posterior_options_load(pb, a.run.seed, &po, err, sizeof err) != SHP_OK) {
        fprintf(stderr, "shpfit: %s\n", err);
        shp_problem_destroy(pb);
        return SHP_EXIT_USAGE;
    }
    if (a.evaluate) {
        const int code = evaluate(&a, pb, &opt);
        shp_problem_destroy(pb);
        return code;
    }
    shp_backend *be = shp_backend_create(a.backend, (int)a.run.threads, err, sizeof err);
    if (!be) {
        fprintf(stderr, "shpfit: fit: --backend: %s\n", err);
        shp_problem_destroy(pb);
        return SHP_EXIT_USAGE;
    }
    int code = SHP_EXIT_OK;
    shp_journal *j = NULL;
    if (shp_mkdir_p(a.out, err, sizeof err) != SHP_OK) {
        fprintf(stderr, "shpfit: --out %s\n", err);
        code = SHP_EXIT_USAGE;
    } else {
        j = shp_cli_checkpoint_open("fit", a.out, "fit.checkpoint", pb, opt.seed, shp_backend_name(be), a.run.resume, &code);
    }
    if (!j) {
        shp_backend_destroy(be);
        shp_problem_destroy(pb);
        return code;
    }
    shp_problem_set_journal(pb, j);
    progress_ctx pc = {isatty(fileno(stderr)), a.run.verbose, shp_wall_seconds()};
    shp_fit_result res;
    const int rc = shp_fit_run(pb, be, &opt, progress, &pc, &res, err, sizeof err);
    if (pc.tty && !pc.verbose) fputc('\n', stderr);
    int finished = 0;
    if (rc != SHP_OK) {
        fprintf(stderr, "shpfit: fit: %s\n", err);
        if (*shp_backend_error(be)) /* e.g. the CUDA call that failed and why */
            fprintf(stderr, "shpfit: fit: backend %s: %s\n", shp_backend_name(be), shp_backend_error(be));
        code = rc == SHP_ERR_NOT_CONVERGED ? SHP_EXIT_NOT_CONVERGED
               : rc == SHP_ERR_CHECKPOINT  ? SHP_EXIT_USAGE
                                           : SHP_EXIT_FAILURE;
        finished = rc == SHP_ERR_NOT_CONVERGED; /* the same again on resuming: nothing to keep */
    } else if (!with_posterior) {
        /* the checkpoint goes once the results are safe in place (failed plots aside) */
        code = write_results(&a, pb, be, &opt, &res, NULL, NULL, &finished);
    } else {
        /* the posterior starts around the optimum, spread wider than its linearised
         * covariance; its generations continue the fit's checkpoint */
        const shp_uncertainty *u = &res.uncertainty;
        shp_posterior_start_at(&po, shp_problem_dim(pb), res.u_best,
                               u->status == SHP_OK && !u->singular ? u->cov_u : NULL);
        shp_cli_posterior_progress_ctx ppc = {pc.tty, a.run.verbose, &po, 0};
        shp_posterior_result pr;
        const int prc = shp_posterior_run(pb, be, &po, shp_cli_posterior_progress, &ppc, &pr, err, sizeof err);
        if (pc.tty && !pc.verbose) fputc('\n', stderr);
        if (prc != SHP_OK) {
            fprintf(stderr, "shpfit: fit: %s\n", err);
            code = prc == SHP_ERR_NOT_CONVERGED ? SHP_EXIT_NOT_CONVERGED : SHP_EXIT_FAILURE;
            finished = prc == SHP_ERR_NOT_CONVERGED;
        } else {
            code = write_results(&a, pb, be, &opt, &res, &po, &pr, &finished);
            shp_posterior_result_free(&pr);
        }
    }
    shp_problem_set_journal(pb, NULL);
    shp_journal_close(j, finished);
    shp_fit_result_free(&res);
    shp_backend_destroy(be);
    shp_problem_destroy(pb);
    return code;
}
