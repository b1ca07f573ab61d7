/* The arguments every sub-command shares: one input file, --out DIR, --help, and
 * --backend for the commands that run columns; and the usage-error message they all
 * print (host-internal). */
#ifndef SHPFIT_HOST_CLI_CLI_ARGS_H
#define SHPFIT_HOST_CLI_CLI_ARGS_H

#include <stdio.h>

#include "shpfit/batch.h"
#include "shpfit/journal.h"
#include "shpfit/problem.h"

typedef struct {
    const char *cmd;        /* "fit" */
    const char *input_name; /* "CONFIG.json" */
    void (*help)(FILE *f);
    const char *input, *out;
    const char *backend;    /* --backend NAME: the command's default ("cpu", "auto");
                               NULL for a command that runs no columns */
} shp_cli_args;

enum { SHP_CLI_HANDLED = -1, SHP_CLI_OTHER = -2 };

/* "shpfit: CMD: msg arg (see shpfit CMD --help)" on stderr; returns the usage exit code. */
int shp_cli_usage_error(const char *cmd, const char *msg, const char *arg);

/* Look at argv[*i]: --help (prints, returns 0), --out DIR / -o DIR / --out=DIR,
 * --backend NAME (when a->backend is set), the input file, an unknown option or a
 * second input (usage error). Returns SHP_CLI_HANDLED,
 * SHP_CLI_OTHER for an option the command handles itself (it starts with '-' and is
 * not one of the above: the caller checks its own options before calling this), or an
 * exit code. May advance *i past an option's value. */
int shp_cli_common_arg(shp_cli_args *a, int argc, char **argv, int *i);

/* The options of a long run (fit, posterior): --seed N (default −1: the config's),
 * --threads N (0: all), --verbose / -v, --resume. */
typedef struct {
    long long seed, threads;
    int verbose, resume;
} shp_cli_run_opts;

/* Look at argv[*i] for one of those: SHP_CLI_HANDLED (may advance *i past a value),
 * SHP_CLI_OTHER, or the usage exit code after a message. */
int shp_cli_run_arg(const char *cmd, int argc, char **argv, int *i, shp_cli_run_opts *r);

/* After the loop: the input and --out are required. −1, or the usage exit code. */
int shp_cli_require(const shp_cli_args *a);

/* The value after option argv[*i] as a whole number in [lo, hi] (advances *i). 0, or
 * the usage exit code after a message. */
int shp_cli_long(const char *cmd, int argc, char **argv, int *i, long long lo, long long hi,
                 long long *out);

/* The backend NAME for a command, or NULL after "shpfit: CMD: --backend: why" on stderr
 * (built without CUDA, no device, ...): the caller exits with SHP_EXIT_USAGE. */
shp_backend *shp_cli_backend_create(const char *cmd, const char *name, int threads);

/* The checkpoint OUT/NAME of a long run of command cmd (shpfit/journal.h), fingerprinted
 * by the problem, the seed, the backend, the program's version and cmd; with resume, an
 * existing one is continued. Says on stderr what it does; NULL after a message when it
 * cannot be opened (*code: the exit code; another run's checkpoint is a usage error). */
shp_journal *shp_cli_checkpoint_open(const char *cmd, const char *out, const char *name, const shp_problem *pb,
                                     uint64_t seed, const char *backend, int resume, int *code);

/* The help line of --backend, shared by the commands. */
#define SHP_CLI_BACKEND_HELP                                                                  \
    "  --backend NAME  where the columns run: cpu (default; OpenMP), cuda (one GPU thread\n"   \
    "                  block per column; needs a CUDA build and a device), auto (cuda when\n"   \
    "                  both are there, else cpu); results agree to rounding on a fixed\n"    \
    "                  time schedule, to the solver's tolerance on adaptive steps\n"

#endif
