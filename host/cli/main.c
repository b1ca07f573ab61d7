/* shpfit: sub-command dispatch, --help and --version. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "shpfit/version.h"

typedef struct {
    const char *name;
    const char *summary;
    int (*run)(int argc, char **argv);
} command;

/* One row per sub-command: the dispatch and the help text are both read from here. */
static const command commands[] = {
    {"forward", "run one soil column from a JSON configuration and write its results",
     shp_cmd_forward},
    {"curves", "tabulate and plot theta(h), K(h), C(h) of the materials of a configuration",
     shp_cmd_curves},
    {"fit", "estimate hydraulic parameters from observations (inverse modelling)", shp_cmd_fit},
    {"posterior", "the Bayesian posterior of the fitted parameters (DREAM(ZS) sampling)", shp_cmd_posterior},
    {"surface", "objective response surfaces on planes of the fitted parameters", shp_cmd_surface},
    {"bench", "optimizer-benchmark campaigns: variants x seeds x cases, with a report", shp_cmd_bench},
    {"paper", "the seed-002 study end to end: its campaign, tables and figures", shp_cmd_paper},
    {"synth", "synthetic observations from a forward run, with optional errors", shp_cmd_synth},
    {"models", "list the hydraulic models and their parameters", shp_cmd_models},
    {"import-hydrus", "translate a HYDRUS-1D project into a forward configuration", shp_cmd_import_hydrus},
    {"import-station", "read a station record (USCRN, ISMN) into daily forcing with ET0 and theta series",
     shp_cmd_import_station},
};
#define N_COMMANDS ((int)(sizeof commands / sizeof commands[0]))

static void usage(FILE *f)
{
    fprintf(f,
            "shpfit %s - soil hydraulic parameters by inverse modelling of the Richards "
            "equation\n\n"
            "usage: shpfit COMMAND [ARGS...]\n"
            "       shpfit COMMAND --help\n"
            "       shpfit --help | --version\n\ncommands:\n",
            SHP_VERSION);
    for (int i = 0; i < N_COMMANDS; ++i)
        fprintf(f, "  %-14s %s\n", commands[i].name, commands[i].summary);
    fprintf(f, "\nexit codes: 0 success, 1 could not write results, 2 bad usage or input,\n"
               "            3 the model did not converge (results up to where it stopped)\n"
               "configuration schema: docs/config.md\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return SHP_EXIT_USAGE;
    }
    const char *a = argv[1];
    if (!strcmp(a, "--help") || !strcmp(a, "-h") || !strcmp(a, "help")) {
        if (argc > 2 && !strcmp(a, "help")) { /* "shpfit help forward" */
            char help[] = "--help";
            char *sub[] = {argv[2], help, NULL};
            for (int i = 0; i < N_COMMANDS; ++i)
                if (!strcmp(argv[2], commands[i].name)) return commands[i].run(2, sub);
        }
        usage(stdout);
        return SHP_EXIT_OK;
    }
    if (!strcmp(a, "--version") || !strcmp(a, "-V")) {
        printf("shpfit %s\n", SHP_VERSION);
        return SHP_EXIT_OK;
    }
    for (int i = 0; i < N_COMMANDS; ++i)
        if (!strcmp(a, commands[i].name)) return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "shpfit: unknown command \"%s\" (valid:", a);
    for (int i = 0; i < N_COMMANDS; ++i) fprintf(stderr, " %s", commands[i].name);
    fprintf(stderr, "); see shpfit --help\n");
    return SHP_EXIT_USAGE;
}
