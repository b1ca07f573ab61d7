/* The command-line front end: sub-commands and the exit codes they share. Only this
 * layer prints or exits; the library returns statuses and messages. */
#ifndef SHPFIT_HOST_CLI_CLI_H
#define SHPFIT_HOST_CLI_CLI_H

enum {
    SHP_EXIT_OK = 0,             /* success */
    SHP_EXIT_FAILURE = 1,        /* could not write results, out of memory */
    SHP_EXIT_USAGE = 2,          /* bad command line or bad input (config, data files) */
    SHP_EXIT_NOT_CONVERGED = 3,  /* the model ran but did not reach the end (see summary.json) */
};

/* A sub-command gets argv from its own name on (argv[0] = "forward"). */
int shp_cmd_forward(int argc, char **argv);
int shp_cmd_curves(int argc, char **argv);
int shp_cmd_models(int argc, char **argv);
int shp_cmd_synth(int argc, char **argv);
int shp_cmd_fit(int argc, char **argv);
int shp_cmd_posterior(int argc, char **argv);
int shp_cmd_surface(int argc, char **argv);
int shp_cmd_bench(int argc, char **argv);
int shp_cmd_paper(int argc, char **argv);
int shp_cmd_import_hydrus(int argc, char **argv);
int shp_cmd_import_station(int argc, char **argv);

/* `fit` of a config with "fit.compare" (cmd_fit_compare.c): takes over root. */
struct cJSON;
int shp_cli_fit_compare(const char *config, struct cJSON *root, const char *out, long long seed, long long threads,
                        const char *backend);

#endif
