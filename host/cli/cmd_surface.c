/* shpfit surface CONFIG.json --out DIR [--points N] [--zoom F] [--threads N] [--backend NAME]: response
 * surfaces of the objectives of CONFIG's fit on planes of its free parameters
 * (surface/surface.h), as CSV, surface.json and contour maps. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "shpfit/config.h"
#include "cli/cli.h"
#include "cli/cli_args.h"
#include "io/fs.h"
#include "output/stage.h"
#include "output/surface_output.h"
#include "plot/plot.h"
#include "plot/plot_surface.h"
#include "shpfit/fit.h"
#include <cjson/cJSON.h>

#include "surface/surface.h"
#include "io/json_file.h"

static void help(FILE *f)
{
    fprintf(f,
            "usage: shpfit surface CONFIG.json --out DIR [--points N] [--zoom F] [--around RESULT.json]\n"
            "                      [--threads N] [--backend NAME]\n\n"
            "Map the objectives of CONFIG's \"fit\" section (psi = RMSE/sigma of each observation\n"
            "type) on grids over pairs of its free parameters, the others held at the config's\n"
            "materials (or fit.truth with \"surface\": {\"at\": \"truth\"}). Default: every pair,\n"
            "50 x 50, log-spaced where a parameter is searched on a log scale. Writes\n"
            "  DIR/surface_<x>__<y>.csv          x, y, psi of each objective, status\n"
            "  DIR/surface_<x>__<y>_<obj>.png    contour map (minimum: white cross; truth: circle)\n"
            "  DIR/surface.json                  minimum, its place, flat share and distance to\n"
            "                                    the truth in grid cells, per plane and objective\n\n"
            "options:\n"
            "  -o, --out DIR   output directory (created if missing)\n"
            "  --points N      grid points per axis (default surface.points, else 50)\n"
            "  --zoom F        also map a zoomed grid of +-F of each axis around each minimum\n"
            "  --around FILE   map around a fit's optimum: the other parameters held at the\n"
            "                  values of FILE (a fit's result.json, or {\"loam.n\": 1.56, ...}),\n"
            "                  each plane +-F of each axis around them (F: --zoom, else 0.1)\n"
            "  --threads N     CPU threads for the columns (default: all)\n"
            SHP_CLI_BACKEND_HELP
            "  -h, --help      this help\n\n"
            "exit codes: 0 success; 2 bad usage or configuration (nothing written);\n"
            "            1 results or plots could not be written\n\n"
            "examples:\n"
            "  shpfit surface configs/fit_loam.json --out out/surface\n"
            "  shpfit surface configs/fit_loam.json --out out/zoom --points 30 --zoom 0.2\n"
            "  shpfit surface configs/fit_loam.json --out out/around --around out/fit/result.json\n");
}

/* The longest file name the planes give (surface_<x>__<y>_zoom_<objective>.png). */
static size_t longest_name(const shp_problem *pb, const shp_surface_spec *spec)
{
    size_t n = sizeof "surface.json";
    for (int p = 0; p < spec->n_planes; ++p) {
        shp_surface_result r = {.p = spec->plane[p]};
        r.p.zoom_of = 0; /* the longer, zoomed name */
        char name[300];
        shp_surface_plane_name(pb, &r, name, sizeof name);
        if (strlen(name) + sizeof "surface__theta_final.png" > n) n = strlen(name) + sizeof "surface__theta_final.png";
    }
    return n;
}

int shp_cmd_surface(int argc, char **argv)
{
    shp_cli_args a = {"surface", "CONFIG.json", help, NULL, NULL, "cpu"};
    long long points = 0, threads = 0;
    double zoom = -1.0;
    const char *around = NULL;
    for (int i = 1; i < argc; ++i) {
        const char *s = argv[i];
        if (!strcmp(s, "--around")) {
            if (i + 1 >= argc) return shp_cli_usage_error("surface", "missing file after", s);
            around = argv[++i];
            continue;
        }
        if (!strcmp(s, "--points") || !strcmp(s, "--threads")) {
            if (shp_cli_long("surface", argc, argv, &i, s[2] == 'p' ? 2 : 1, 2000, s[2] == 'p' ? &points : &threads) != 0)
                return SHP_EXIT_USAGE;
            continue;
        }
        if (!strcmp(s, "--zoom")) {
            if (i + 1 >= argc) return shp_cli_usage_error("surface", "missing value after", s);
            char *end;
            errno = 0;
            zoom = strtod(argv[++i], &end);
            if (end == argv[i] || *end || errno || !(zoom >= 0.0 && zoom <= 0.5))
                return shp_cli_usage_error("surface", "--zoom needs a number from 0 to 0.5, got", argv[i]);
            continue;
        }
        const int r = shp_cli_common_arg(&a, argc, argv, &i);
        if (r != SHP_CLI_HANDLED) return r;
    }
    const int bad = shp_cli_require(&a);
    if (bad >= 0) return bad;
    const char *config = a.input, *out = a.out;


    char err[SHP_MSG_MAX];
    shp_problem *pb = NULL;
    if (shp_problem_load(config, &pb, err, sizeof err) != SHP_OK) {
        fprintf(stderr, "shpfit: %s\n", err);
        return SHP_EXIT_USAGE;
    }
    shp_surface_spec spec;
    const shp_forward_problem *fp = shp_problem_forward(pb);
    const int dim = shp_problem_dim(pb), nm = fp->n_materials;
    double *u_base = malloc((size_t)dim * sizeof *u_base), *u_truth = malloc((size_t)dim * sizeof *u_truth);
    shp_material *truth = malloc((size_t)nm * sizeof *truth);
    shp_backend *be = NULL;
    int have_truth = 0, bad_input = 0;
    /* around a fit's optimum: the planes narrowed to ±F there, no zoomed planes besides */
    const double half = around ? (zoom > 0.0 ? zoom : 0.1) : 0.0;
    if (shp_surface_spec_load(pb, (int)points, around ? 0.0 : zoom, &spec, err, sizeof err) != SHP_OK ||
        shp_stage_check_dir("--out", out, longest_name(pb, &spec), err, sizeof err) != SHP_OK) {
        fprintf(stderr, "shpfit: %s\n", err);
        bad_input = 1;
    } else if (cJSON_GetObjectItem((cJSON *)shp_problem_fit_config(pb), "truth")) {
        if (shp_fit_truth(pb, truth, err, sizeof err) != SHP_OK) {
            fprintf(stderr, "shpfit: %s\n", err);
            bad_input = 1;
        } else {
            have_truth = 1;
            shp_problem_unit_of(pb, truth, u_truth);
        }
    }
    if (!bad_input && around) { /* the fit's optimum: the point the planes are centred on */
        shp_fit_point pt;
        if (shp_fit_point_set(pb, around, &pt, err, sizeof err) != SHP_OK) {
            fprintf(stderr, "shpfit: surface: --around: %s\n", err);
            bad_input = 1;
        } else {
            for (int j = 0; j < dim; ++j) u_base[j] = shp_problem_var_unit(pb, j, pt.values[j]);
        }
        shp_fit_point_free(&pt);
    }
    /* a backend that cannot run, or an output directory that cannot be made: nothing written */
    if (!bad_input && !(be = shp_cli_backend_create("surface", a.backend, (int)threads))) bad_input = 1;
    if (!bad_input && shp_mkdir_p(out, err, sizeof err) != SHP_OK) {
        fprintf(stderr, "shpfit: --out %s\n", err);
        bad_input = 1;
    }
    if (bad_input) {
        shp_backend_destroy(be);
        shp_problem_destroy(pb);
        free(u_base);
        free(u_truth);
        free(truth);
        return SHP_EXIT_USAGE;
    }
    if (!around) {
        shp_problem_unit_of(pb, spec.at_truth ? truth : fp->materials, u_base);
    } else {
        spec.zoom = 0.0;
        spec.around = around;
        for (int p = 0; p < spec.n_planes; ++p) {
            shp_surface_plane *q = &spec.plane[p];
            q->ux0 = fmax(0.0, u_base[q->jx] - half);
            q->ux1 = fmin(1.0, u_base[q->jx] + half);
            q->uy0 = fmax(0.0, u_base[q->jy] - half);
            q->uy1 = fmin(1.0, u_base[q->jy] + half);
        }
    }
    /* the files go to a staging folder and into out together at the end (io/stage.h) */
    shp_stage *st = NULL;
    if (shp_stage_begin(out, &st, err, sizeof err) != SHP_OK) {
        fprintf(stderr, "shpfit: surface: %s\n", err);
        shp_backend_destroy(be);
        shp_problem_destroy(pb);
        free(u_base);
        free(u_truth);
        free(truth);
        return SHP_EXIT_FAILURE;
    }
    const char *dir = shp_stage_dir(st);
    const int nbase = spec.n_planes, ntot = nbase * (spec.zoom > 0.0 ? 2 : 1);
    shp_surface_result *res = calloc((size_t)ntot, sizeof *res);
    const double t0 = shp_wall_seconds();
    int code = SHP_EXIT_OK, n = 0;
    for (int p = 0; p < ntot && code == SHP_EXIT_OK; ++p) {
        shp_surface_plane plane = spec.plane[p % nbase];
        if (p >= nbase) { /* zoom around the minimum of the first objective */
            const shp_surface_result *b = &res[p - nbase];
            const double ux = b->p.ux0 + (b->p.ux1 - b->p.ux0) * b->imin[0] / (b->p.nx - 1);
            const double uy = b->p.uy0 + (b->p.uy1 - b->p.uy0) * b->jmin[0] / (b->p.ny - 1);
            plane.ux0 = fmax(0.0, ux - spec.zoom);
            plane.ux1 = fmin(1.0, ux + spec.zoom);
            plane.uy0 = fmax(0.0, uy - spec.zoom);
            plane.uy1 = fmin(1.0, uy + spec.zoom);
            plane.zoom_of = p - nbase;
        }
        if (!res || shp_surface_eval(pb, be, &plane, u_base, &res[p]) != SHP_OK) {
            fprintf(stderr, "shpfit: surface: evaluation failed: %s\n",
                    *shp_backend_error(be) ? shp_backend_error(be) : "out of memory");
            code = SHP_EXIT_FAILURE;
            break;
        }
        n = p + 1;
        if (shp_surface_write_csv(dir, pb, &res[p], err, sizeof err) != SHP_OK) {
            fprintf(stderr, "shpfit: %s\n", err);
            code = SHP_EXIT_FAILURE;
        }
        fprintf(stderr, "shpfit surface: plane %d/%d (%s, %s) done, %.1f s\n", p + 1, ntot,
                shp_problem_var_name(pb, plane.jx), shp_problem_var_name(pb, plane.jy), shp_wall_seconds() - t0);
    }
    const double wall = shp_wall_seconds() - t0;
    if (code == SHP_EXIT_OK &&
        shp_surface_write_summary(dir, pb, &spec, res, n, u_base, have_truth ? u_truth : NULL, wall, err,
                                  sizeof err) != SHP_OK) {
        fprintf(stderr, "shpfit: %s\n", err);
        code = SHP_EXIT_FAILURE;
    }
    int plot_rc = SHP_OK;
    char plot_err[SHP_MSG_MAX] = "";
    const char *gp = shp_plot_program();
    if (code == SHP_EXIT_OK && gp &&
        (plot_rc = shp_plot_surface_script(dir, pb, res, n, have_truth ? u_truth : NULL, plot_err, sizeof plot_err)) == SHP_OK)
        plot_rc = shp_plot_run(gp, dir, "surface.gp", "plot.log", plot_err, sizeof plot_err);
    if (code == SHP_EXIT_OK) { /* the CSV files are complete, whatever the plots did */
        static const char *const own[] = {"surface.gp", "plot.log", NULL};
        if (shp_stage_commit(st, own, err, sizeof err) != SHP_OK) {
            fprintf(stderr, "shpfit: surface: %s\n", err);
            code = SHP_EXIT_FAILURE;
        }
        st = NULL;
    }
    shp_stage_abort(st);
    if (code == SHP_EXIT_OK) {
        printf("shpfit surface %s -> %s: %d planes, %ld columns in %.2f s (backend %s)\n", config, out, n,
               (long)n * spec.points * spec.points, wall, shp_backend_name(be));
        if (around)
            printf("  around the optimum of %s, +-%g of each axis: a true optimum lies at each plane's centre\n",
                   around, half);
        for (int p = 0; p < n; ++p) {
            printf("  %s - %s%s\n", shp_problem_var_name(pb, res[p].p.jx), shp_problem_var_name(pb, res[p].p.jy),
                   res[p].p.zoom_of >= 0 ? " (zoom)" : "");
            for (int k = 0; k < shp_problem_n_obj(pb); ++k) {
                printf("    psi(%s) min %.3g at (%.4g, %.4g), flat share %.3f", shp_obs_name(shp_problem_obj_kind(pb, k)),
                       res[p].vmin[k], res[p].imin[k] >= 0 ? res[p].x[res[p].imin[k]] : NAN,
                       res[p].jmin[k] >= 0 ? res[p].y[res[p].jmin[k]] : NAN, res[p].flat[k]);
                if (have_truth) printf(", %.1f cells from the truth", shp_surface_cells_from(&res[p], k, u_truth));
                printf("\n");
            }
        }
        if (!gp) {
            printf("shpfit surface: plots skipped (gnuplot not found; apt-get install gnuplot-nox)\n");
        } else if (plot_rc != SHP_OK) {
            fprintf(stderr, "shpfit: surface: plots failed: %s (the CSV files are complete)\n", plot_err);
            code = SHP_EXIT_FAILURE;
        }
    }
    for (int p = 0; p < n; ++p) shp_surface_result_free(&res[p]);
    free(res);
    free(u_base);
    free(u_truth);
    free(truth);
    shp_backend_destroy(be);
    shp_problem_destroy(pb);
    return code;
}
