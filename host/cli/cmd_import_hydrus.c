/* shpfit import-hydrus DIR --out CONFIG.json: a HYDRUS-1D project directory as a shpfit
 * forward configuration and its initial-profile CSV (docs/hydrus_import.md). */
#define _POSIX_C_SOURCE 200809L /* strdup */
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_args.h"
#include "io/fs.h"
#include "import/hydrus.h"
#include "io/json_file.h"
#include "shpfit/status.h"

static void help(FILE *f)
{
    fprintf(f,
            "usage: shpfit import-hydrus DIR --out CONFIG.json\n\n"
            "Translate the HYDRUS-1D project in DIR (SELECTOR.IN, PROFILE.DAT and, for an\n"
            "atmospheric top, ATMOSPH.IN; any case of the names) into a shpfit forward\n"
            "configuration, and write\n"
            "  CONFIG.json               units, materials, grid (HYDRUS's nodes), initial\n"
            "                            profile, boundaries, TPrint as output times, and\n"
            "                            HYDRUS's face conductivity (arithmetic mean, boundary\n"
            "                            fill ignored); run it with shpfit forward\n"
            "  <CONFIG>_initial.csv      the initial heads (or water contents) of PROFILE.DAT,\n"
            "                            beside CONFIG.json\n\n"
            "Options that change the water flow and that shpfit does not have (root uptake,\n"
            "hysteresis, a time-variable head or bottom, dual porosity, scaling factors, an\n"
            "inclined column, ...) are refused, one line each, and nothing is\n"
            "written. Solute and heat transport are left out with a note on stderr.\n\n"
            "options:\n"
            "  -o, --out CONFIG.json  the configuration to write (its folder is created)\n"
            "  -h, --help             this help\n\n"
            "exit codes: 0 written; 2 bad usage, unreadable or unsupported project (nothing\n"
            "            written); 1 the files could not be written\n\n"
            "examples:\n"
            "  shpfit import-hydrus tests/data/hydrus/1INFILTR --out out/1infiltr.json\n"
            "  shpfit import-hydrus ~/hydrus/UPINFIL -o up.json && shpfit forward up.json --out out/up\n"
            "  shpfit import-hydrus tests/data/hydrus/2NOHYSTR --out out/rain.json\n");
}

/* Both files, or exit code 2 after a message. */
static int read_project(const char *dir, shp_hydrus_project *p)
{
    char path[SHP_PATH_MAX], err[SHP_MSG_MAX];
    static const char *const files[] = {"SELECTOR.IN", "PROFILE.DAT"};
    for (int i = 0; i < 2; ++i) {
        if (shp_hydrus_find_file(dir, files[i], path, sizeof path) != 0) {
            fprintf(stderr, "shpfit: import-hydrus: %s: no %s (in any case) in this folder\n", dir, files[i]);
            return SHP_EXIT_USAGE;
        }
        const int rc = i == 0 ? shp_hydrus_read_selector(path, p, err, sizeof err)
                              : shp_hydrus_read_profile(path, p, err, sizeof err);
        if (rc != SHP_OK) {
            fprintf(stderr, "shpfit: import-hydrus: %s\n", err);
            return rc == SHP_ERR_NOMEM ? SHP_EXIT_FAILURE : SHP_EXIT_USAGE;
        }
    }
    const int has_atm = shp_hydrus_find_file(dir, "ATMOSPH.IN", path, sizeof path) == 0;
    if (!p->lvariabbc && !p->topinf && !p->botinf) {
        if (has_atm)
            fprintf(stderr, "shpfit: import-hydrus: note: %s is not used: the project has no time-variable "
                            "boundary (lVariabBC, TopInf, BotInf = f)\n", path);
        return SHP_EXIT_OK;
    }
    if (!has_atm) return SHP_EXIT_OK; /* the translation refuses it, with the other reasons */
    const int rc = shp_hydrus_read_atmosph(path, p, err, sizeof err);
    if (rc != SHP_OK) {
        fprintf(stderr, "shpfit: import-hydrus: %s\n", err);
        return rc == SHP_ERR_NOMEM ? SHP_EXIT_FAILURE : SHP_EXIT_USAGE;
    }
    return SHP_EXIT_OK;
}

/* CONFIG.json and its CSV, the CSV first (the config names it); neither is left behind
 * when the other fails. */
static int write_files(const char *out, const char *csv_path, const char *csv, cJSON *config)
{
    char err[SHP_MSG_MAX];
    char *copy = strdup(out);
    const int made = copy ? shp_mkdir_p(dirname(copy), err, sizeof err) : SHP_ERR_NOMEM;
    free(copy);
    FILE *f = made == SHP_OK ? shp_file_create(csv_path, err, sizeof err) : NULL;
    if (!f) {
        cJSON_Delete(config);
        fprintf(stderr, "shpfit: import-hydrus: %s\n", made == SHP_ERR_NOMEM ? "out of memory" : err);
        return SHP_EXIT_FAILURE;
    }
    fputs(csv, f);
    if (shp_file_close(f, csv_path, err, sizeof err) != SHP_OK ||
        shp_json_write_file(out, config, err, sizeof err) != SHP_OK) {
        remove(csv_path);
        fprintf(stderr, "shpfit: import-hydrus: %s\n", err);
        return SHP_EXIT_FAILURE;
    }
    return SHP_EXIT_OK;
}

static int import(const char *dir, const char *out)
{
    shp_hydrus_project p;
    memset(&p, 0, sizeof p);
    int code = read_project(dir, &p);
    if (code != SHP_EXIT_OK) {
        shp_hydrus_free(&p);
        return code;
    }
    /* the CSV is named after the config: out/x.json -> out/x_initial.csv */
    char csv_path[SHP_PATH_MAX], csv_name[SHP_PATH_MAX];
    const char *base = strrchr(out, '/') ? strrchr(out, '/') + 1 : out;
    const char *dot = strrchr(base, '.');
    const int stem = dot && dot != base ? (int)(dot - base) : (int)strlen(base);
    snprintf(csv_name, sizeof csv_name, "%.*s_initial.csv", stem, base);
    if (snprintf(csv_path, sizeof csv_path, "%.*s%s", (int)(base - out), out, csv_name) >= (int)sizeof csv_path) {
        shp_hydrus_free(&p);
        fprintf(stderr, "shpfit: import-hydrus: --out %s: File name too long\n", out);
        return SHP_EXIT_USAGE;
    }
    shp_hydrus_report r;
    memset(&r, 0, sizeof r);
    char *csv = NULL;
    cJSON *config = shp_hydrus_to_config(&p, csv_name, &csv, &r);
    for (int i = 0; i < r.n_fatal; ++i)
        fprintf(stderr, "shpfit: import-hydrus: %s: not supported: %s\n", dir, r.fatal[i]);
    for (int i = 0; !r.n_fatal && i < r.n_notes; ++i) fprintf(stderr, "shpfit: import-hydrus: note: %s\n", r.notes[i]);
    if (!config) {
        if (!r.n_fatal) fprintf(stderr, "shpfit: import-hydrus: out of memory\n");
        code = r.n_fatal ? SHP_EXIT_USAGE : SHP_EXIT_FAILURE;
    } else code = write_files(out, csv_path, csv, config);
    free(csv);
    shp_hydrus_free(&p);
    return code;
}

int shp_cmd_import_hydrus(int argc, char **argv)
{
    shp_cli_args c = {"import-hydrus", "DIR", help, NULL, NULL, NULL};
    for (int i = 1; i < argc; ++i) {
        const int r = shp_cli_common_arg(&c, argc, argv, &i);
        if (r != SHP_CLI_HANDLED) return r;
    }
    const int bad = shp_cli_require(&c);
    if (bad >= 0) return bad;
    return import(c.input, c.out);
}
