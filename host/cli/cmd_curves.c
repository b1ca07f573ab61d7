/* shpfit curves CONFIG.json --out DIR: θ(h), K(h), C(h) of every material of a
 * configuration on a log-spaced suction grid, as CSV, and the retention and
 * conductivity plots when gnuplot is available. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shpfit/config.h"
#include "cli/cli.h"
#include "cli/cli_args.h"
#include "output/curves.h"
#include "io/fs.h"
#include "output/stage.h"
#include "plot/plot.h"
#include "shpfit/forward.h"
#include "shpfit/status.h"

static void help(FILE *f)
{
    fprintf(f,
            "usage: shpfit curves CONFIG.json --out DIR [--psi-min X] [--psi-max X] [--per-decade N]\n\n"
            "Tabulate the hydraulic functions of every material in CONFIG.json (only its\n"
            "\"units\" and \"materials\" sections are read) and write\n"
            "  DIR/curves_<material>.csv  psi, h, pF, theta, Se, K, log10 K, C = dtheta/dh\n"
            "                             (+ theta_cap, theta_ad for models that split theta)\n"
            "  DIR/curves.json            models, sources, K forms, parameters with units\n"
            "  DIR/retention.png          theta on x, pF on y (gnuplot)\n"
            "  DIR/conductivity.png       log K against pF (gnuplot)\n"
            "  DIR/curves.gp              the gnuplot script (re-run: cd DIR && gnuplot curves.gp)\n\n"
            "options:\n"
            "  -o, --out DIR      output directory (created if missing)\n"
            "  --psi-min X        smallest suction, config length unit (default 1e-2 cm)\n"
            "  --psi-max X        largest suction (default 1e7 cm)\n"
            "  --per-decade N     grid points per decade of suction (default 20)\n"
            "  -h, --help         this help\n\n"
            "pF is log10 of the suction in cm whatever the length unit. Without gnuplot the\n"
            "CSV files are complete and the plots are skipped (set SHPFIT_GNUPLOT to choose\n"
            "the program, or to an empty string to skip plots).\n"
            "exit codes: 0 success; 2 bad usage or configuration (nothing written);\n"
            "            1 results or plots could not be written\n\n"
            "examples:\n"
            "  shpfit curves configs/curves/model_library.json --out out/curves\n"
            "  shpfit curves configs/ponded_loam.json --out out/loam_curves --psi-max 1e5\n");
}

/* A positive finite number from an option's argument. */
static int option_number(const char *opt, const char *s, double *v)
{
    char *end;
    errno = 0;
    *v = strtod(s, &end);
    if (end == s || *end || errno || !isfinite(*v) || *v <= 0.0) {
        fprintf(stderr, "shpfit: curves: %s needs a positive number, got \"%s\"\n", opt, s);
        return -1;
    }
    return 0;
}

typedef struct {
    const char *config, *out;
    double psi_min, psi_max, per_decade; /* 0: default */
} args;

static int parse_args(int argc, char **argv, args *a)
{
    shp_cli_args c = {"curves", "CONFIG.json", help, NULL, NULL, NULL};
    for (int i = 1; i < argc; ++i) {
        const char *s = argv[i];
        double *num = !strcmp(s, "--psi-min")      ? &a->psi_min
                      : !strcmp(s, "--psi-max")    ? &a->psi_max
                      : !strcmp(s, "--per-decade") ? &a->per_decade
                                                   : NULL;
        if (num) {
            if (i + 1 >= argc) return shp_cli_usage_error("curves", "missing value after", s);
            if (option_number(s, argv[++i], num) != 0) return SHP_EXIT_USAGE;
            continue;
        }
        const int r = shp_cli_common_arg(&c, argc, argv, &i);
        if (r != SHP_CLI_HANDLED) return r;
    }
    const int bad = shp_cli_require(&c);
    a->config = c.input;
    a->out = c.out;
    if (bad >= 0) return bad;
    if (a->per_decade && (a->per_decade != floor(a->per_decade) || a->per_decade > 1000))
        return shp_cli_usage_error("curves", "--per-decade must be a whole number from 1 to 1000", NULL);
    return -1;
}

int shp_cmd_curves(int argc, char **argv)
{
    args a = {NULL, NULL, 0.0, 0.0, 0.0};
    const int done = parse_args(argc, argv, &a);
    if (done >= 0) return done;

    char err[SHP_MSG_MAX];
    shp_forward_problem *fp = NULL;
    if (shp_materials_load(a.config, &fp, err, sizeof err) != SHP_OK) {
        fprintf(stderr, "shpfit: %s\n", err);
        return SHP_EXIT_USAGE;
    }
    size_t longest = sizeof "conductivity.png";
    for (int i = 0; i < shp_forward_n_materials(fp); ++i) {
        char safe[128];
        shp_curve_file_name(safe, sizeof safe, shp_forward_material_name(fp, i));
        if (strlen(safe) + sizeof "curves_.csv" > longest) longest = strlen(safe) + sizeof "curves_.csv";
    }
    if (shp_stage_check_dir("--out", a.out, longest, err, sizeof err) != SHP_OK) {
        fprintf(stderr, "shpfit: %s\n", err);
        shp_forward_destroy(fp);
        return SHP_EXIT_USAGE;
    }
    shp_curve_grid g = shp_curve_grid_default(fp);
    if (a.psi_min) g.psi_min = a.psi_min;
    if (a.psi_max) g.psi_max = a.psi_max;
    if (a.per_decade) g.per_decade = (int)a.per_decade;
    if (!(g.psi_min < g.psi_max)) {
        fprintf(stderr, "shpfit: curves: --psi-min %g must be below --psi-max %g\n", g.psi_min,
                g.psi_max);
        shp_forward_destroy(fp);
        return SHP_EXIT_USAGE;
    }
    if (shp_mkdir_p(a.out, err, sizeof err) != SHP_OK) {
        fprintf(stderr, "shpfit: --out %s\n", err);
        shp_forward_destroy(fp);
        return SHP_EXIT_USAGE;
    }
    /* the files go to a staging folder and into --out together at the end (io/stage.h) */
    shp_stage *st = NULL;
    int code = shp_stage_begin(a.out, &st, err, sizeof err) == SHP_OK ? SHP_EXIT_OK : SHP_EXIT_FAILURE;
    const char *dir = st ? shp_stage_dir(st) : NULL;
    for (int i = 0; i < shp_forward_n_materials(fp) && code == SHP_EXIT_OK; ++i)
        if (shp_curves_write_csv(dir, fp, i, &g, err, sizeof err) != SHP_OK) code = SHP_EXIT_FAILURE;
    if (code == SHP_EXIT_OK && shp_curves_write_index(dir, fp, &g, err, sizeof err) != SHP_OK)
        code = SHP_EXIT_FAILURE;
    const char *gp = shp_plot_program();
    char plot_err[SHP_MSG_MAX] = "";
    int plot_rc = SHP_OK;
    if (code == SHP_EXIT_OK && gp && (plot_rc = shp_plot_curves_script(dir, fp, plot_err, sizeof plot_err)) == SHP_OK)
        plot_rc = shp_plot_run(gp, dir, "curves.gp", "plot.log", plot_err, sizeof plot_err);
    if (code == SHP_EXIT_OK) { /* the CSV files are complete, whatever the plots did */
        static const char *const own[] = {"retention.png", "conductivity.png", "curves.gp", "plot.log", NULL};
        if (shp_stage_commit(st, own, err, sizeof err) != SHP_OK) code = SHP_EXIT_FAILURE;
        st = NULL;
    }
    shp_stage_abort(st);
    if (code != SHP_EXIT_OK) {
        fprintf(stderr, "shpfit: %s\n", err);
        shp_forward_destroy(fp);
        return code;
    }
    printf("shpfit curves: %d material%s, %d suctions from %g to %g %s -> %s\n", shp_forward_n_materials(fp),
           shp_forward_n_materials(fp) == 1 ? "" : "s", shp_curve_grid_points(&g), g.psi_min, g.psi_max,
           shp_forward_length_unit(fp), a.out);
    if (!gp) {
        printf("shpfit curves: plots skipped (gnuplot not found; apt-get install gnuplot-nox)\n");
    } else if (plot_rc != SHP_OK) {
        fprintf(stderr, "shpfit: curves: plots failed: %s (the CSV files are complete)\n", plot_err);
        code = SHP_EXIT_FAILURE;
    } else {
        printf("shpfit curves: plots %s/retention.png, %s/conductivity.png\n", a.out, a.out);
    }
    shp_forward_destroy(fp);
    return code;
}
