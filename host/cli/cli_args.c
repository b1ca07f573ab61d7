/* Shared argument handling of the sub-commands (cli/cli_args.h). */
#include "cli/cli_args.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

int shp_cli_usage_error(const char *cmd, const char *msg, const char *arg)
{
    fprintf(stderr, "shpfit: %s: %s%s%s (see shpfit %s --help)\n", cmd, msg, arg ? " " : "",
            arg ? arg : "", cmd);
    return SHP_EXIT_USAGE;
}

/* --backend NAME after argv[*i] (advances *i): cpu, cuda or auto. 0, or the usage exit
 * code after a message. */
static int backend_arg(const char *cmd, int argc, char **argv, int *i, const char **name)
{
    const char *opt = argv[*i];
    if (*i + 1 >= argc) return shp_cli_usage_error(cmd, "missing name after", opt);
    const char *s = argv[++*i];
    if (strcmp(s, "cpu") && strcmp(s, "cuda") && strcmp(s, "auto"))
        return shp_cli_usage_error(cmd, "--backend must be cpu, cuda or auto, got", s);
    *name = s;
    return 0;
}

int shp_cli_common_arg(shp_cli_args *a, int argc, char **argv, int *i)
{
    const char *s = argv[*i];
    if (!strcmp(s, "--help") || !strcmp(s, "-h")) {
        a->help(stdout);
        return SHP_EXIT_OK;
    }
    if (!strcmp(s, "--out") || !strcmp(s, "-o")) {
        if (*i + 1 >= argc) return shp_cli_usage_error(a->cmd, "missing directory after", s);
        a->out = argv[++*i];
        return SHP_CLI_HANDLED;
    }
    if (!strncmp(s, "--out=", 6)) {
        a->out = s + 6;
        return SHP_CLI_HANDLED;
    }
    if (a->backend && !strcmp(s, "--backend"))
        return backend_arg(a->cmd, argc, argv, i, &a->backend) ? SHP_EXIT_USAGE : SHP_CLI_HANDLED;
    if (s[0] == '-' && s[1]) return shp_cli_usage_error(a->cmd, "unknown option", s);
    if (a->input) {
        char msg[96];
        snprintf(msg, sizeof msg, "more than one %s:", a->input_name);
        return shp_cli_usage_error(a->cmd, msg, s);
    }
    a->input = s;
    return SHP_CLI_HANDLED;
}

int shp_cli_require(const shp_cli_args *a)
{
    char msg[96];
    if (!a->input) {
        snprintf(msg, sizeof msg, "missing %s", a->input_name);
        return shp_cli_usage_error(a->cmd, msg, NULL);
    }
    if (!a->out || !*a->out) return shp_cli_usage_error(a->cmd, "missing --out DIR", NULL);
    return -1;
}

int shp_cli_long(const char *cmd, int argc, char **argv, int *i, long long lo, long long hi,
                 long long *out)
{
    const char *opt = argv[*i];
    if (*i + 1 >= argc) return shp_cli_usage_error(cmd, "missing number after", opt);
    const char *s = argv[++*i];
    char *end;
    errno = 0;
    const long long v = strtoll(s, &end, 10);
    if (end == s || *end || errno || v < lo || v > hi) {
        char msg[128];
        snprintf(msg, sizeof msg, "%s needs a whole number from %lld to %lld, got", opt, lo, hi);
        return shp_cli_usage_error(cmd, msg, s);
    }
    *out = v;
    return 0;
}


shp_backend *shp_cli_backend_create(const char *cmd, const char *name, int threads)
{
    char err[512];
    shp_backend *be = shp_backend_create(name, threads, err, sizeof err);
    if (!be) fprintf(stderr, "shpfit: %s: --backend %s: %s\n", cmd, name, err);
    return be;
}

int shp_cli_run_arg(const char *cmd, int argc, char **argv, int *i, shp_cli_run_opts *r)
{
    const char *s = argv[*i];
    if (!strcmp(s, "--seed") || !strcmp(s, "--threads")) {
        const int seed = s[2] == 's';
        return shp_cli_long(cmd, argc, argv, i, seed ? 0 : 1, seed ? 0x7fffffffffffffffLL : 10000,
                            seed ? &r->seed : &r->threads) != 0
                   ? SHP_EXIT_USAGE
                   : SHP_CLI_HANDLED;
    }
    if (!strcmp(s, "--verbose") || !strcmp(s, "-v")) r->verbose = 1;
    else if (!strcmp(s, "--resume")) r->resume = 1;
    else return SHP_CLI_OTHER;
    return SHP_CLI_HANDLED;
}
