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

/* The command line beyond shp_cli_args. */
typedef struct {
    long long points, threads;
    double zoom; /* < 0: not given */
    const char *around;
} surface_opts;

/* Everything one run holds, so the steps below can share and free it in one place. */
typedef struct {
    const char *config, *out, *around;
    shp_problem *pb;
    const shp_forward_problem *fp;
    int dim;
    double *u_base, *u_truth;
    shp_material *truth;
    shp_backend *be;
    int have_truth;
    double half; /* --around: the planes' half-width in unit coordinates */
    shp_surface_spec spec;
    shp_surface_result *res;
    int n; /* planes evaluated */
    double wall;
    char err[SHP_MSG_MAX];
} surface_run;

/* Returns 1 when the command is to end with *code, else 0. */
static int parse_args(int argc, char **argv, shp_cli_args *a, surface_opts *o, int *code)
{
    for (int i = 1; i < argc; ++i) {
        const char *s = argv[i];
        if (!strcmp(s, "--around")) {
            if (i + 1 >= argc) return *code = shp_cli_usage_error("surface", "missing file after", s), 1;
            o->around = argv[++i];
            continue;
        }
        if (!strcmp(s, "--points") || !strcmp(s, "--threads")) {
            if (shp_cli_long("surface", argc, argv, &i, s[2] == 'p' ? 2 : 1, 2000,
                             s[2] == 'p' ? &o->points : &o->threads) != 0)
                return *code = SHP_EXIT_USAGE, 1;
            continue;
        }
        if (!strcmp(s, "--zoom")) {
            if (i + 1 >= argc) return *code = shp_cli_usage_error("surface", "missing value after", s), 1;
            char *end;
            errno = 0;
            o->zoom = strtod(argv[++i], &end);
            if (end == argv[i] || *end || errno || !(o->zoom >= 0.0 && o->zoom <= 0.5))
                return *code = shp_cli_usage_error("surface", "--zoom needs a number from 0 to 0.5, got", argv[i]), 1;
            continue;
        }
        const int r = shp_cli_common_arg(a, argc, argv, &i);
        if (r != SHP_CLI_HANDLED) return *code = r, 1;
    }
    const int bad = shp_cli_require(a);
    if (bad >= 0) return *code = bad, 1;
    return 0;
}

static void run_free(surface_run *r)
{
    for (int p = 0; p < r->n; ++p) shp_surface_result_free(&r->res[p]);
    free(r->res);
    free(r->u_base);
    free(r->u_truth);
    free(r->truth);
    shp_backend_destroy(r->be);
    shp_problem_destroy(r->pb);
}

/* The planes, the output directory's room for their names, and fit.truth if given. */
static int load_spec_and_truth(surface_run *r, const surface_opts *o)
{
    if (shp_surface_spec_load(r->pb, (int)o->points, o->around ? 0.0 : o->zoom, &r->spec, r->err,
                              sizeof r->err) != SHP_OK ||
        shp_stage_check_dir("--out", r->out, longest_name(r->pb, &r->spec), r->err, sizeof r->err) != SHP_OK) {
        fprintf(stderr, "shpfit: %s\n", r->err);
        return -1;
    }
    if (!cJSON_GetObjectItem((cJSON *)shp_problem_fit_config(r->pb), "truth")) return 0;
    if (shp_fit_truth(r->pb, r->truth, r->err, sizeof r->err) != SHP_OK) {
        fprintf(stderr, "shpfit: %s\n", r->err);
        return -1;
    }
    r->have_truth = 1;
    shp_problem_unit_of(r->pb, r->truth, r->u_truth);
    return 0;
}

/* The fit's optimum of --around: the point the planes are centred on. */
static int load_around(surface_run *r)
{
    shp_fit_point pt;
    int rc = 0;
    if (shp_fit_point_set(r->pb, r->around, &pt, r->err, sizeof r->err) != SHP_OK) {
        fprintf(stderr, "shpfit: surface: --around: %s\n", r->err);
        rc = -1;
    } else {
        for (int j = 0; j < r->dim; ++j) r->u_base[j] = shp_problem_var_unit(r->pb, j, pt.values[j]);
    }
    shp_fit_point_free(&pt);
    return rc;
}

/* All the checks that come before anything is written; SHP_EXIT_USAGE on any. */
static int prepare(surface_run *r, const surface_opts *o, const char *backend)
{
    if (shp_problem_load(r->config, &r->pb, r->err, sizeof r->err) != SHP_OK) {
        fprintf(stderr, "shpfit: %s\n", r->err);
        return SHP_EXIT_USAGE;
    }
    r->fp = shp_problem_forward(r->pb);
    r->dim = shp_problem_dim(r->pb);
    r->u_base = malloc((size_t)r->dim * sizeof *r->u_base);
    r->u_truth = malloc((size_t)r->dim * sizeof *r->u_truth);
    r->truth = malloc((size_t)shp_forward_n_materials(r->fp) * sizeof *r->truth);
    /* around a fit's optimum: the planes narrowed to ±F there, no zoomed planes besides */
    r->half = r->around ? (o->zoom > 0.0 ? o->zoom : 0.1) : 0.0;
    if (load_spec_and_truth(r, o) != 0 || (r->around && load_around(r) != 0)) return SHP_EXIT_USAGE;
    /* a backend that cannot run, or an output directory that cannot be made: nothing written */
    if (!(r->be = shp_cli_backend_create("surface", backend, (int)o->threads))) return SHP_EXIT_USAGE;
    if (shp_mkdir_p(r->out, r->err, sizeof r->err) != SHP_OK) {
        fprintf(stderr, "shpfit: --out %s\n", r->err);
        return SHP_EXIT_USAGE;
    }
    return SHP_EXIT_OK;
}

/* The base point, and with --around the planes narrowed to ±half around it. */
static void place_planes(surface_run *r)
{
    if (!r->around) {
        shp_problem_unit_of(r->pb, r->spec.at_truth ? r->truth : shp_forward_materials(r->fp), r->u_base);
        return;
    }
    r->spec.zoom = 0.0;
    r->spec.around = r->around;
    for (int p = 0; p < r->spec.n_planes; ++p) {
        shp_surface_plane *q = &r->spec.plane[p];
        q->ux0 = fmax(0.0, r->u_base[q->jx] - r->half);
        q->ux1 = fmin(1.0, r->u_base[q->jx] + r->half);
        q->uy0 = fmax(0.0, r->u_base[q->jy] - r->half);
        q->uy1 = fmin(1.0, r->u_base[q->jy] + r->half);
    }
}

/* Plane p of the run: one of the spec's, or past nbase a zoom around the minimum of the
 * first objective of its base plane. */
static shp_surface_plane plane_at(const surface_run *r, int p, int nbase)
{
    shp_surface_plane plane = r->spec.plane[p % nbase];
    if (p < nbase) return plane;
    const shp_surface_result *b = &r->res[p - nbase];
    const double ux = b->p.ux0 + (b->p.ux1 - b->p.ux0) * b->imin[0] / (b->p.nx - 1);
    const double uy = b->p.uy0 + (b->p.uy1 - b->p.uy0) * b->jmin[0] / (b->p.ny - 1);
    plane.ux0 = fmax(0.0, ux - r->spec.zoom);
    plane.ux1 = fmin(1.0, ux + r->spec.zoom);
    plane.uy0 = fmax(0.0, uy - r->spec.zoom);
    plane.uy1 = fmin(1.0, uy + r->spec.zoom);
    plane.zoom_of = p - nbase;
    return plane;
}

/* Evaluate the planes into dir, each one's CSV as it is done; sets r->n and r->wall. */
static int eval_planes(surface_run *r, const char *dir)
{
    const int nbase = r->spec.n_planes, ntot = nbase * (r->spec.zoom > 0.0 ? 2 : 1);
    r->res = calloc((size_t)ntot, sizeof *r->res);
    const double t0 = shp_wall_seconds();
    int code = SHP_EXIT_OK;
    for (int p = 0; p < ntot && code == SHP_EXIT_OK; ++p) {
        const shp_surface_plane plane = plane_at(r, p, nbase);
        if (!r->res || shp_surface_eval(r->pb, r->be, &plane, r->u_base, &r->res[p]) != SHP_OK) {
            fprintf(stderr, "shpfit: surface: evaluation failed: %s\n",
                    *shp_backend_error(r->be) ? shp_backend_error(r->be) : "out of memory");
            code = SHP_EXIT_FAILURE;
            break;
        }
        r->n = p + 1;
        if (shp_surface_write_csv(dir, r->pb, &r->res[p], r->err, sizeof r->err) != SHP_OK) {
            fprintf(stderr, "shpfit: %s\n", r->err);
            code = SHP_EXIT_FAILURE;
        }
        fprintf(stderr, "shpfit surface: plane %d/%d (%s, %s) done, %.1f s\n", p + 1, ntot,
                shp_problem_var_name(r->pb, plane.jx), shp_problem_var_name(r->pb, plane.jy),
                shp_wall_seconds() - t0);
    }
    r->wall = shp_wall_seconds() - t0;
    return code;
}

static int write_summary(surface_run *r, const char *dir)
{
    if (shp_surface_write_summary(dir, r->pb, &r->spec, r->res, r->n, r->u_base,
                                  r->have_truth ? r->u_truth : NULL, r->wall, r->err, sizeof r->err) != SHP_OK) {
        fprintf(stderr, "shpfit: %s\n", r->err);
        return SHP_EXIT_FAILURE;
    }
    return SHP_EXIT_OK;
}

static int run_plots(const surface_run *r, const char *dir, const char *gp, char *plot_err, size_t len)
{
    int rc = shp_plot_surface_script(dir, r->pb, r->res, r->n, r->have_truth ? r->u_truth : NULL, plot_err, len);
    if (rc == SHP_OK) rc = shp_plot_run(gp, dir, "surface.gp", "plot.log", plot_err, len);
    return rc;
}

static void print_planes(const surface_run *r)
{
    for (int p = 0; p < r->n; ++p) {
        const shp_surface_result *s = &r->res[p];
        printf("  %s - %s%s\n", shp_problem_var_name(r->pb, s->p.jx), shp_problem_var_name(r->pb, s->p.jy),
               s->p.zoom_of >= 0 ? " (zoom)" : "");
        for (int k = 0; k < shp_problem_n_obj(r->pb); ++k) {
            printf("    psi(%s) min %.3g at (%.4g, %.4g), flat share %.3f",
                   shp_obs_name(shp_problem_obj_kind(r->pb, k)), s->vmin[k],
                   s->imin[k] >= 0 ? s->x[s->imin[k]] : NAN, s->jmin[k] >= 0 ? s->y[s->jmin[k]] : NAN, s->flat[k]);
            if (r->have_truth) printf(", %.1f cells from the truth", shp_surface_cells_from(s, k, r->u_truth));
            printf("\n");
        }
    }
}

/* The report on stdout, and the plots' fate (a failure of theirs fails the run). */
static int report(const surface_run *r, const char *gp, int plot_rc, const char *plot_err)
{
    printf("shpfit surface %s -> %s: %d planes, %ld columns in %.2f s (backend %s)\n", r->config, r->out, r->n,
           (long)r->n * r->spec.points * r->spec.points, r->wall, shp_backend_name(r->be));
    if (r->around)
        printf("  around the optimum of %s, +-%g of each axis: a true optimum lies at each plane's centre\n",
               r->around, r->half);
    print_planes(r);
    if (!gp) {
        printf("shpfit surface: plots skipped (gnuplot not found; apt-get install gnuplot-nox)\n");
    } else if (plot_rc != SHP_OK) {
        fprintf(stderr, "shpfit: surface: plots failed: %s (the CSV files are complete)\n", plot_err);
        return SHP_EXIT_FAILURE;
    }
    return SHP_EXIT_OK;
}

/* The planes, their summary and plots into a staging folder, moved into out together
 * at the end (io/stage.h). */
static int produce(surface_run *r)
{
    shp_stage *st = NULL;
    if (shp_stage_begin(r->out, &st, r->err, sizeof r->err) != SHP_OK) {
        fprintf(stderr, "shpfit: surface: %s\n", r->err);
        return SHP_EXIT_FAILURE;
    }
    const char *dir = shp_stage_dir(st);
    int code = eval_planes(r, dir);
    if (code == SHP_EXIT_OK) code = write_summary(r, dir);
    int plot_rc = SHP_OK;
    char plot_err[SHP_MSG_MAX] = "";
    const char *gp = shp_plot_program();
    if (code == SHP_EXIT_OK && gp) plot_rc = run_plots(r, dir, gp, plot_err, sizeof plot_err);
    if (code == SHP_EXIT_OK) { /* the CSV files are complete, whatever the plots did */
        static const char *const own[] = {"surface.gp", "plot.log", NULL};
        if (shp_stage_commit(st, own, r->err, sizeof r->err) != SHP_OK) {
            fprintf(stderr, "shpfit: surface: %s\n", r->err);
            code = SHP_EXIT_FAILURE;
        }
        st = NULL;
    }
    shp_stage_abort(st);
    if (code == SHP_EXIT_OK) code = report(r, gp, plot_rc, plot_err);
    return code;
}

int shp_cmd_surface(int argc, char **argv)
{
    shp_cli_args a = {"surface", "CONFIG.json", help, NULL, NULL, "cpu"};
    surface_opts o = {0, 0, -1.0, NULL};
    int code = SHP_EXIT_OK;
    if (parse_args(argc, argv, &a, &o, &code)) return code;
    surface_run r = {.config = a.input, .out = a.out, .around = o.around};
    code = prepare(&r, &o, a.backend);
    if (code == SHP_EXIT_OK) {
        place_planes(&r);
        code = produce(&r);
    }
    run_free(&r);
    return code;
}
