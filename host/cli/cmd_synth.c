/* shpfit synth CONFIG.json --out DIR [--seed N] [--backend NAME]: synthetic observations
 * from the config's materials taken as the truth (synth/synth.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_args.h"
#include "io/fs.h"
#include "output/stage.h"
#include "shpfit/status.h"
#include "synth/synth.h"

static void help(FILE *f)
{
    fprintf(f,
            "usage: shpfit synth CONFIG.json --out DIR [--seed N] [--backend NAME]\n\n"
            "Run the forward model of CONFIG.json with its materials as the true parameters\n"
            "and write observation files in the format `shpfit fit` reads:\n"
            "  DIR/theta_final.csv   depth, theta at the last time\n"
            "  DIR/v.csv             time, infiltration rate (the mean since the previous\n"
            "                        time, or the flux at it: synth.v_rate)\n"
            "  DIR/Q.csv             time, cumulative infiltration\n"
            "  (DIR/theta_t.csv, theta_initial.csv, retention.csv, conductivity.csv on request)\n"
            "  DIR/synth.json        true parameters, offsets, noise, seed, status\n"
            "The optional \"synth\" section chooses series, times, depths, heads, systematic\n"
            "offsets and Gaussian errors (a fraction of each series' standard deviation,\n"
            "as in seed 002 section 4.3); see docs/fit-reference.md.\n\n"
            "options:\n"
            "  -o, --out DIR   output directory (created if missing)\n"
            "  --seed N        seed of the random errors (default: synth.seed, else 1)\n"
            SHP_CLI_BACKEND_HELP
            "                  (synth simulates one column, the truth, as a batch of one)\n"
            "  -h, --help      this help\n\n"
            "exit codes: 0 success; 2 bad usage, configuration or --out (nothing written);\n"
            "            3 the true model did not converge (only synth.json written);\n"
            "            1 files could not be written\n\n"
            "examples:\n"
            "  shpfit synth configs/fit_loam.json --out configs/data/loam_obs\n"
            "  shpfit synth configs/fit_loam.json --out out/noisy --seed 7\n");
}

int shp_cmd_synth(int argc, char **argv)
{
    shp_cli_args a = {"synth", "CONFIG.json", help, NULL, NULL, "cpu"};
    long long seed = -1;
    for (int i = 1; i < argc; ++i) {
        if (!strcmp(argv[i], "--seed")) {
            if (shp_cli_long("synth", argc, argv, &i, 0, 0x7fffffffffffffffLL, &seed) != 0) return SHP_EXIT_USAGE;
            continue;
        }
        const int r = shp_cli_common_arg(&a, argc, argv, &i);
        if (r != SHP_CLI_HANDLED) return r;
    }
    const int bad = shp_cli_require(&a);
    if (bad >= 0) return bad;
    const char *config = a.input, *out = a.out;
    /* every input, and --out, checked before any work (the other commands' rule) */
    char err[SHP_MSG_MAX];
    if (shp_synth_check(config, err, sizeof err) != SHP_OK ||
        shp_stage_check_dir("--out", out, 24, err, sizeof err) != SHP_OK) {
        fprintf(stderr, "shpfit: %s\n", err);
        return SHP_EXIT_USAGE;
    }
    shp_backend *be = shp_cli_backend_create("synth", a.backend, 1);
    if (!be) return SHP_EXIT_USAGE;
    if (shp_mkdir_p(out, err, sizeof err) != SHP_OK) {
        fprintf(stderr, "shpfit: synth: --out %s\n", err);
        shp_backend_destroy(be);
        return SHP_EXIT_USAGE;
    }
    shp_synth_summary sum;
    const int rc = shp_synth_run(config, out, seed, be, &sum, err, sizeof err);
    shp_backend_destroy(be);
    if (rc == SHP_ERR_CONFIG) {
        fprintf(stderr, "shpfit: %s\n", err);
        return SHP_EXIT_USAGE;
    }
    if (rc == SHP_ERR_NOT_CONVERGED) {
        fprintf(stderr, "shpfit: %s\n", err);
        return SHP_EXIT_NOT_CONVERGED;
    }
    if (rc != SHP_OK) {
        fprintf(stderr, "shpfit: %s\n", err);
        return SHP_EXIT_FAILURE;
    }
    char ref[64] = "";
    if (sum.reference_nodes > 0)
        snprintf(ref, sizeof ref, " from the reference run (%d nodes)", sum.reference_nodes);
    printf("shpfit synth: %d observation file%s in %s%s (seed %llu); Q(end) = %.6g, water "
           "balance %.2g\n", sum.files, sum.files == 1 ? "" : "s", out, ref,
           (unsigned long long)sum.seed, sum.Q_end, sum.balance);
    return SHP_EXIT_OK;
}
