/* shpfit bench CAMPAIGN.json --out DIR [--threads N] [--seeds N]: an optimizer-benchmark
 * campaign (campaign/campaign.h): cases × variants × seeds, resumable, with a report.
 * shpfit paper: the same run of the seed-002 study's campaign, then its tables and
 * figures (host/app/paper/paper_report.h). */
#define _POSIX_C_SOURCE 200809L /* fileno */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/cli_args.h"
#include "io/fs.h"
#include "io/json_file.h"
#include "output/stage.h"
#include "paper/paper_report.h"
#include "campaign/campaign.h"
#include "shpfit/status.h"

static void help(FILE *f)
{
    fprintf(f,
            "usage: shpfit bench CAMPAIGN.json --out DIR [--threads N] [--seeds N] [--backend NAME]\n\n"
            "Run an optimizer-benchmark campaign: every case (a fit configuration, its\n"
            "observations synthesised first when \"synth\": true) with every optimizer variant\n"
            "and seed, on equal budgets; all runs of a case advance together, one batch of\n"
            "columns per generation. Writes\n"
            "  DIR/runs.csv        one row per run: evaluations, wall time, success, evaluations\n"
            "                      and time to target, stop reason, final objectives, parameters,\n"
            "                      curve RMSE against the truth, hypervolume, failed columns\n"
            "  DIR/history.csv     best summed objective per generation of every run\n"
            "  DIR/report.md       per case: success rate, ERT, quartiles, final values,\n"
            "                      hypervolume, ranking with Wilcoxon rank-sum tests (and\n"
            "                      report_<case>.md, ecdf_<case>.png, convergence_<case>.png)\n"
            "  DIR/campaign.json   the campaign, machine, budget and target\n"
            "Interrupted (Ctrl-C, kill)? Every finished run is in runs.csv: run the same\n"
            "command again and it resumes, skipping them. Schema: docs/bench.md.\n\n"
            "options:\n"
            "  -o, --out DIR   output directory (created if missing)\n"
            "  --threads N     CPU threads for the columns (default: all)\n"
            "  --seeds N       use seeds 1..N instead of the campaign's\n"
            "  --backend NAME  cpu, cuda or auto (default auto: the GPU when there is one)\n"
            "  -h, --help      this help\n\n"
            "exit codes: 0 success; 2 bad usage or campaign file; 1 a run or the report failed\n\n"
            "examples:\n"
            "  shpfit bench configs/bench/seed_soils.json --out out/bench\n"
            "  shpfit bench configs/bench/seed_soils.json --out out/bench_short --seeds 3\n");
}

static void progress(const shp_campaign_progress *p, void *ctx)
{
    if (!*(int *)ctx) return;
    fprintf(stderr, "\r[case %d/%d %s] runs %d active of %d (%d done before), %ld columns, %.0f s   ",
            p->case_index + 1, p->n_cases, p->case_name, p->runs_active, p->runs_total, p->runs_skipped,
            p->evaluations, p->wall_s);
    if (p->runs_active == 0) fputc('\n', stderr);
    fflush(stderr);
}

static void help_paper(FILE *f)
{
    fprintf(f,
            "usage: shpfit paper STUDY.json --out DIR [--threads N] [--seeds N] [--backend NAME] [--tables CSV]\n\n"
            "Reproduce the seed-002 study (configs/paper/paper.json; docs/paper/README.md): run\n"
            "its campaign as `shpfit bench` does (synthetic data per case, every variant and\n"
            "seed, resumable), then write the analogues of the paper's tables and figures:\n"
            "  DIR/table3_parameters.{csv,md}        fitted parameters, noise-free cases\n"
            "  DIR/table4_curves.{csv,md}            MAE, RMSE, PBIAS, NS of h(theta), K(theta)\n"
            "  DIR/table5_errors_parameters.{csv,md} parameters under measurement errors\n"
            "  DIR/table6_errors_curves.{csv,md}     curve errors under measurement errors\n"
            "  DIR/figure7_<variant>.png, DIR/errors_<variant>.png, DIR/tables.md\n"
            "with the paper's published values beside shpfit's, and print the wall time.\n\n"
            "options:\n"
            "  -o, --out DIR   output directory (created if missing)\n"
            "  --threads N     CPU threads for the columns (default: all)\n"
            "  --seeds N       use seeds 1..N instead of the study's\n"
            "  --backend NAME  cpu, cuda or auto (default auto: the GPU when there is one)\n"
            "  --tables CSV    the paper's values (default: seed002_tables.csv beside STUDY.json)\n"
            "  -h, --help      this help\n\n"
            "exit codes: 0 success; 2 bad usage or study file; 1 a run or the report failed\n\n"
            "examples:\n"
            "  shpfit paper configs/paper/paper.json --out docs/paper\n"
            "  shpfit paper configs/paper/paper.json --out out/paper --seeds 1\n");
}

/* bench and paper: parse, load, run the campaign; paper then writes its report. */
static int campaign_command(int paper, int argc, char **argv)
{
    shp_cli_args a = {paper ? "paper" : "bench", paper ? "STUDY.json" : "CAMPAIGN.json", paper ? help_paper : help,
                      NULL, NULL, "auto"};
    long long threads = 0, seeds = 0;
    const char *tables = NULL;
    for (int i = 1; i < argc; ++i) {
        if (!strcmp(argv[i], "--threads") || !strcmp(argv[i], "--seeds")) {
            if (shp_cli_long(a.cmd, argc, argv, &i, 1, 10000, argv[i][2] == 't' ? &threads : &seeds) != 0)
                return SHP_EXIT_USAGE;
            continue;
        }
        if (paper && !strcmp(argv[i], "--tables")) {
            if (i + 1 >= argc) return shp_cli_usage_error(a.cmd, "missing value after", argv[i]);
            tables = argv[++i];
            continue;
        }
        const int r = shp_cli_common_arg(&a, argc, argv, &i);
        if (r != SHP_CLI_HANDLED) return r;
    }
    const int bad = shp_cli_require(&a);
    if (bad >= 0) return bad;
    const char *config = a.input, *out = a.out;
    char err[SHP_MSG_MAX], tables_path[SHP_PATH_MAX];
    if (paper && !tables) {
        if (shp_path_beside(config, "seed002_tables.csv", tables_path, sizeof tables_path) != 0) {
            shp_path_too_long(config, "seed002_tables.csv", err, sizeof err);
            fprintf(stderr, "shpfit: paper: %s\n", err);
            return SHP_EXIT_USAGE;
        }
        tables = tables_path;
    }
    /* every input is checked before any work: the campaign with its cases, the tables,
     * the room for the files under --out */
    shp_campaign *c = NULL;
    if (shp_campaign_load(config, (int)seeds, &c, err, sizeof err) != SHP_OK ||
        (paper && shp_paper_tables_check(tables, err, sizeof err) != SHP_OK) ||
        shp_stage_check_dir("--out", out, shp_campaign_longest_name(c), err, sizeof err) != SHP_OK) {
        fprintf(stderr, "shpfit: %s\n", err);
        shp_campaign_free(c);
        return SHP_EXIT_USAGE;
    }
    /* a backend that cannot run: nothing written, not even the --out directory */
    shp_backend *be = shp_cli_backend_create(a.cmd, a.backend, (int)threads);
    if (!be) {
        shp_campaign_free(c);
        return SHP_EXIT_USAGE;
    }
    if (shp_mkdir_p(out, err, sizeof err) != SHP_OK) {
        fprintf(stderr, "shpfit: --out %s\n", err);
        shp_backend_destroy(be);
        shp_campaign_free(c);
        return SHP_EXIT_USAGE;
    }
    int tty = isatty(fileno(stderr));
    const double t0 = shp_wall_seconds();
    int rc = shp_campaign_run(c, out, be, progress, &tty, err, sizeof err);
    if (rc != SHP_OK && *shp_backend_error(be)) {
        const size_t used = strlen(err);
        snprintf(err + used, sizeof err - used, " (backend %s: %s)", shp_backend_name(be), shp_backend_error(be));
    }
    shp_backend_destroy(be);
    shp_campaign_free(c);
    if (rc != SHP_OK) {
        fprintf(stderr, "shpfit: %s: %s\n", a.cmd, err);
        return rc == SHP_ERR_CONFIG || rc == SHP_ERR_CHECKPOINT ? SHP_EXIT_USAGE : SHP_EXIT_FAILURE;
    }
    if (!paper) {
        printf("shpfit bench %s -> %s: runs.csv, history.csv, report.md\n", config, out);
        return SHP_EXIT_OK;
    }
    const double wall = shp_wall_seconds() - t0;
    int plots = 0;
    rc = shp_paper_report(out, tables, wall, &plots, err, sizeof err);
    if (rc != SHP_OK) {
        fprintf(stderr, "shpfit: paper: %s\n", err);
        return SHP_EXIT_FAILURE;
    }
    printf("shpfit paper %s -> %s: tables.md, table3..table6 (.csv, .md)%s\n", config, out,
           plots ? ", figure7_*.png, errors_*.png" : " (gnuplot missing: figures not drawn)");
    printf("shpfit paper: wall time %.1f s (runs finished in an earlier invocation not included)\n", wall);
    return SHP_EXIT_OK;
}

int shp_cmd_bench(int argc, char **argv) { return campaign_command(0, argc, argv); }

int shp_cmd_paper(int argc, char **argv) { return campaign_command(1, argc, argv); }
