/* shpfit forward CONFIG.json --out DIR [--summary] [--backend NAME]: load and validate
 * the whole configuration, run the column as a batch of one on the chosen backend (CPU
 * by default), write the result files. Nothing is created in DIR before the
 * configuration has passed every check. */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "shpfit/config.h"
#include "cli/cli.h"
#include "cli/cli_args.h"
#include "io/fs.h"
#include "output/stage.h"
#include "plot/plot.h"
#include "shpfit/forward.h"
#include "shpfit/forward_output.h"
#include "io/json_file.h"

static void help(FILE *f)
{
    fprintf(f,
            "usage: shpfit forward CONFIG.json --out DIR [--summary] [--backend NAME]\n\n"
            "Run one soil column (1-D Richards equation) described by CONFIG.json and write\n"
            "  DIR/series.csv         Q, infiltration rate, bottom flux, water balance per output time\n"
            "  DIR/profile_final.csv  h and theta at every node at the final time\n"
            "  DIR/profiles.csv       every output time (when output.profiles is \"all\")\n"
            "  DIR/observations.csv   theta at output.observation_depths (when given)\n"
            "  DIR/summary.json       status, water balance, steps, wall time, config echo\n"
            "  DIR/forward_Q.png, forward_v.png  Q(t), surface and bottom fluxes (gnuplot)\n"
            "  DIR/forward_profile.png  final theta and h profiles, depth downward (gnuplot)\n"
            "  DIR/forward_plots.gp   the gnuplot script (re-run: cd DIR && gnuplot forward_plots.gp)\n\n"
            "options:\n"
            "  -o, --out DIR   output directory (created if missing)\n"
            "  --summary       print a short summary to stdout\n"
            SHP_CLI_BACKEND_HELP
            "  -h, --help      this help\n\n"
            "exit codes: 0 success; 2 bad usage or configuration (nothing written);\n"
            "            3 the column did not converge (summary.json and the outputs reached\n"
            "              are written); 1 results could not be written\n"
            "Without gnuplot the result files are complete and the plots are skipped (set\n"
            "SHPFIT_GNUPLOT to choose the program, or to an empty string to skip plots).\n"
            "configuration schema: docs/config.md\n\n"
            "examples:\n"
            "  shpfit forward configs/ponded_loam.json --out out/loam\n"
            "  shpfit forward configs/ponded_clay_dry.json --out out/clay --summary\n"
            "  shpfit forward configs/flux_layered.json --out out/layered --backend cpu\n");
}

typedef struct {
    const char *config, *out, *backend;
    int summary;
} args;

/* Returns −1 to go on, else the exit code (help printed or usage error). */
static int parse_args(int argc, char **argv, args *a)
{
    shp_cli_args c = {"forward", "CONFIG.json", help, NULL, NULL, "cpu"};
    for (int i = 1; i < argc; ++i) {
        if (!strcmp(argv[i], "--summary")) {
            a->summary = 1;
            continue;
        }
        const int r = shp_cli_common_arg(&c, argc, argv, &i);
        if (r != SHP_CLI_HANDLED) return r;
    }
    const int bad = shp_cli_require(&c);
    a->config = c.input;
    a->out = c.out;
    a->backend = c.backend;
    return bad;
}

static void print_summary(const shp_forward_problem *fp, const shp_column_result *res,
                          const char *out, double wall_s)
{
    const shp_column *col = shp_forward_column(fp);
    const shp_column_stats *st = &res->stats;
    const int reached = shp_forward_outputs_reached(fp, res);
    const char *L = shp_forward_length_unit(fp), *T = shp_forward_time_unit(fp);
    printf("shpfit forward %s -> %s\n", shp_forward_source(fp), out);
    printf("  status         %s (%s)\n", shp_status_name(st->status), shp_strerror(st->status));
    if (reached > 0) {
        char label[48];
        snprintf(label, sizeof label, "Q(%g %s)", col->t_out[reached - 1], T);
        printf("  %-14s %.6g %s\n", label, res->out.Q[reached - 1], L);
    }
    if (reached < col->n_out)
        printf("  stopped at     t = %g %s (%d of %d output times reached)\n", st->t_reached, T,
               reached, col->n_out);
    printf("  water balance  %.3g %s at the last output, max |error| %.3g %s\n",
           reached ? res->out.balance[reached - 1] : 0.0, L, st->max_abs_balance, L);
    if (reached > 0 && shp_forward_n_forcing(fp) > 0) {
        shp_water_budget b;
        shp_forward_water_budget(fp, res, reached - 1, &b);
        printf("  budget [%s]    precipitation %.4g, evaporation %.4g (potential %.4g), transpiration %.4g "
               "(potential %.4g),\n                 runoff %.4g, bottom outflow %.4g, storage change %.4g\n",
               L, b.precipitation, b.evaporation, b.evaporation_potential, b.transpiration,
               b.transpiration_potential, b.runoff, b.bottom_outflow, b.storage_change);
    }
    printf("  solver         %ld steps, %ld iterations, %ld failures, %d nodes\n", st->steps,
           st->iterations, st->failures, col->n);
    printf("  wall time      %.3f ms\n", 1e3 * wall_s);
}

/* The plots of what was written (also of a run that stopped early), into dir (the
 * staging folder): a missing gnuplot skips them (pf->n = −1); a failing one is an error
 * with the reason in err. */
static int plots(const shp_forward_problem *fp, const shp_column_result *res, const char *dir,
                 shp_plot_files *pf, char *err, size_t len)
{
    const char *gp = shp_plot_program();
    int rc = shp_plot_forward(dir, fp, res, pf, err, len);
    if (rc == SHP_OK && gp && pf->n > 0) rc = shp_plot_run(gp, dir, "forward_plots.gp", "plot.log", err, len);
    if (!gp) pf->n = -1;
    return rc;
}

/* Every file `forward` may write: the commit removes those this run did not (a run
 * that stopped early has no profile_final.csv; io/stage.h). */
static const char *const forward_files[] = {"series.csv",       "profile_final.csv", "profiles.csv",
                                            "observations.csv", "summary.json",      "forward_Q.png",
                                            "forward_v.png",    "forward_profile.png", "forward_plots.gp",
                                            "plot.log",         NULL};

int shp_cmd_forward(int argc, char **argv)
{
    args a = {NULL, NULL, NULL, 0};
    const int done = parse_args(argc, argv, &a);
    if (done >= 0) return done;

    char err[SHP_MSG_MAX];
    shp_forward_problem *fp = NULL;
    if (shp_forward_load(a.config, &fp, err, sizeof err) != SHP_OK ||
        shp_stage_check_dir("--out", a.out, 24, err, sizeof err) != SHP_OK) {
        fprintf(stderr, "shpfit: %s\n", err);
        shp_forward_destroy(fp);
        return SHP_EXIT_USAGE;
    }
    const shp_column *col = shp_forward_column(fp);
    shp_backend *be = shp_cli_backend_create("forward", a.backend, 1);
    if (!be) {
        shp_forward_destroy(fp);
        return SHP_EXIT_USAGE;
    }
    shp_column_result res;
    if (shp_column_result_alloc(col, &res) != SHP_OK) {
        fprintf(stderr, "shpfit: out of memory for %d nodes x %d output times\n", col->n,
                col->n_out);
        shp_backend_destroy(be);
        shp_forward_destroy(fp);
        return SHP_EXIT_FAILURE;
    }
    /* the directory is created only now that the input is known to be good, and before
     * the run, so an unusable --out is reported without waiting for the model */
    if (shp_mkdir_p(a.out, err, sizeof err) != SHP_OK) {
        fprintf(stderr, "shpfit: --out %s\n", err);
        shp_column_result_free(&res);
        shp_backend_destroy(be);
        shp_forward_destroy(fp);
        return SHP_EXIT_USAGE;
    }

    /* a batch of one candidate with the config's own materials: the initial values give
     * the same heads as fp->h_init (the same shp_hyd_h_of_* functions) */
    const shp_batch_setup setup = {col, shp_forward_n_materials(fp), shp_forward_init_var(fp), shp_forward_init_values(fp)};
    const shp_batch batch = {1, shp_forward_materials(fp), res.block, &res.stats};
    const double t0 = shp_wall_seconds();
    const int rc = shp_backend_run(be, &setup, &batch);
    const double wall = shp_wall_seconds() - t0;
    const int status = rc == SHP_OK ? res.stats.status : rc;
    int code = SHP_EXIT_OK;
    shp_stage *st = NULL;
    shp_plot_files pf = {0};
    char plot_err[SHP_MSG_MAX] = "";
    int plot_rc = SHP_OK;
    if (rc != SHP_OK) {
        fprintf(stderr, "shpfit: forward: backend %s: %s%s%s\n", shp_backend_name(be),
                shp_strerror(rc), *shp_backend_error(be) ? ": " : "", shp_backend_error(be));
        code = SHP_EXIT_FAILURE;
    } else if (shp_stage_begin(a.out, &st, err, sizeof err) != SHP_OK ||
               shp_forward_write_all(shp_stage_dir(st), fp, &res, wall, err, sizeof err) != SHP_OK) {
        fprintf(stderr, "shpfit: %s\n", err);
        code = SHP_EXIT_FAILURE;
    } else {
        /* the result files are complete whatever the plots do: all go in together */
        plot_rc = plots(fp, &res, shp_stage_dir(st), &pf, plot_err, sizeof plot_err);
        if (shp_stage_commit(st, forward_files, err, sizeof err) != SHP_OK) {
            fprintf(stderr, "shpfit: forward: %s\n", err);
            code = SHP_EXIT_FAILURE;
        }
        st = NULL;
    }
    shp_stage_abort(st);
    if (code == SHP_EXIT_OK) {
        if (a.summary) print_summary(fp, &res, a.out, wall);
        if (status != SHP_OK) {
            fprintf(stderr,
                    "shpfit: %s: %s at t = %g %s; results up to there in %s (see summary.json)\n",
                    a.config, shp_strerror(status), res.stats.t_reached, shp_forward_time_unit(fp), a.out);
            code = SHP_EXIT_NOT_CONVERGED;
        }
        if (plot_rc != SHP_OK) {
            fprintf(stderr, "shpfit: forward: plots failed: %s (the result files are complete)\n", plot_err);
            if (code == SHP_EXIT_OK) code = SHP_EXIT_FAILURE;
        } else if (pf.n < 0) {
            printf("shpfit forward: plots skipped (gnuplot not found; apt-get install gnuplot-nox)\n");
        } else if (pf.n > 0) {
            printf("shpfit forward: plots");
            for (int i = 0; i < pf.n; ++i) printf(" %s/%s", a.out, pf.name[i]);
            putchar('\n');
        }
    }
    shp_column_result_free(&res);
    shp_backend_destroy(be);
    shp_forward_destroy(fp);
    return code;
}
