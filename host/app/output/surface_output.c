/* Files of `shpfit surface` (io/surface_output.h). */
#include "output/surface_output.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "output/curves.h"
#include "io/fs.h"
#include "io/json_file.h"
#include "shpfit/version.h"

#define NUM "%.10g"

void shp_surface_plane_name(const shp_problem *pb, const shp_surface_result *r, char *out, size_t len)
{
    char raw[256];
    snprintf(raw, sizeof raw, "%s__%s%s", shp_problem_var_name(pb, r->p.jx), shp_problem_var_name(pb, r->p.jy),
             r->p.zoom_of >= 0 ? "_zoom" : "");
    shp_curve_file_name(out, len, raw);
}

int shp_surface_write_csv(const char *dir, const shp_problem *pb, const shp_surface_result *r,
                          char *err, size_t len)
{
    char name[256], file[300], path[SHP_PATH_MAX];
    shp_surface_plane_name(pb, r, name, sizeof name);
    snprintf(file, sizeof file, "surface_%s.csv", name);
    FILE *f = shp_file_create_in(dir, file, path, sizeof path, err, len);
    if (!f) return SHP_ERR_IO;
    const int nobj = shp_problem_n_obj(pb), nx = r->p.nx, ny = r->p.ny, np = nx * ny;
    fprintf(f, "%s,%s", shp_problem_var_name(pb, r->p.jx), shp_problem_var_name(pb, r->p.jy));
    for (int k = 0; k < nobj; ++k) fprintf(f, ",psi_%s", shp_obs_name(shp_problem_obj_kind(pb, k)));
    fprintf(f, ",status\n");
    for (int j = 0; j < ny; ++j) {
        if (j) fputc('\n', f);
        for (int i = 0; i < nx; ++i) {
            const int q = j * nx + i;
            fprintf(f, NUM "," NUM, r->x[i], r->y[j]);
            for (int k = 0; k < nobj; ++k) {
                const double v = r->values[(long)k * np + q];
                if (isfinite(v)) fprintf(f, "," NUM, v);
                else fprintf(f, ",nan");
            }
            fprintf(f, ",%s\n", r->ok[q] ? "ok" : "failed");
        }
    }
    return shp_file_close(f, path, err, len);
}

double shp_surface_cells_from(const shp_surface_result *r, int k, const double *u)
{
    const shp_surface_plane *p = &r->p;
    const double fi = (u[p->jx] - p->ux0) / (p->ux1 - p->ux0) * (p->nx - 1);
    const double fj = (u[p->jy] - p->uy0) / (p->uy1 - p->uy0) * (p->ny - 1);
    return fmax(fabs(r->imin[k] - fi), fabs(r->jmin[k] - fj));
}

int shp_surface_write_summary(const char *dir, const shp_problem *pb, const shp_surface_spec *spec,
                              const shp_surface_result *r, int n, const double *u_base,
                              const double *u_truth, double wall_s, char *err, size_t len)
{
    const shp_forward_problem *fp = shp_problem_forward(pb);
    const int dim = shp_problem_dim(pb), nobj = shp_problem_n_obj(pb);
    cJSON *s = shp_json_output_begin("surface", shp_forward_source(fp));
    shp_json_add_units(s, shp_forward_length_unit(fp), shp_forward_time_unit(fp));
    cJSON_AddStringToObject(s, "objective_metric", "psi = RMSE/sigma (seed 002 Eq. 9)");
    cJSON_AddStringToObject(s, "flat_share", "share of the plane's grid points within 1 % of the "
                                             "objective's range above its minimum");
    if (spec->around) {
        char at[600];
        snprintf(at, sizeof at, "the values of %s, each plane centred there", spec->around);
        cJSON_AddStringToObject(s, "others_at", at);
    } else {
        cJSON_AddStringToObject(s, "others_at", spec->at_truth ? "fit.truth" : "the config's materials");
    }
    cJSON *base = cJSON_AddObjectToObject(s, "base_point");
    for (int j = 0; j < dim; ++j) shp_json_add_number(base, shp_problem_var_name(pb, j), shp_problem_var_value(pb, j, u_base[j]));
    cJSON *planes = cJSON_AddArrayToObject(s, "planes");
    long columns = 0;
    for (int p = 0; p < n; ++p) {
        const shp_surface_result *rp = &r[p];
        char name[256], file[300];
        shp_surface_plane_name(pb, rp, name, sizeof name);
        snprintf(file, sizeof file, "surface_%s.csv", name);
        cJSON *o = cJSON_CreateObject();
        cJSON_AddItemToArray(planes, o);
        cJSON_AddStringToObject(o, "file", file);
        cJSON_AddStringToObject(o, "x", shp_problem_var_name(pb, rp->p.jx));
        cJSON_AddStringToObject(o, "y", shp_problem_var_name(pb, rp->p.jy));
        cJSON_AddBoolToObject(o, "zoom", rp->p.zoom_of >= 0);
        cJSON_AddNumberToObject(o, "nx", rp->p.nx);
        cJSON_AddNumberToObject(o, "ny", rp->p.ny);
        shp_json_add_number(o, "x_min", rp->x[0]);
        shp_json_add_number(o, "x_max", rp->x[rp->p.nx - 1]);
        shp_json_add_number(o, "y_min", rp->y[0]);
        shp_json_add_number(o, "y_max", rp->y[rp->p.ny - 1]);
        cJSON_AddNumberToObject(o, "failed_points", rp->failed);
        columns += (long)rp->p.nx * rp->p.ny;
        cJSON *obj = cJSON_AddObjectToObject(o, "objectives");
        for (int k = 0; k < nobj; ++k) {
            cJSON *ok = cJSON_AddObjectToObject(obj, shp_obs_name(shp_problem_obj_kind(pb, k)));
            shp_json_add_number(ok, "min", rp->vmin[k]);
            shp_json_add_number(ok, "max", rp->vmax[k]);
            if (rp->imin[k] >= 0) {
                shp_json_add_number(ok, "x_at_min", rp->x[rp->imin[k]]);
                shp_json_add_number(ok, "y_at_min", rp->y[rp->jmin[k]]);
            }
            shp_json_add_number(ok, "flat_share", rp->flat[k]);
            if (u_truth && rp->imin[k] >= 0) shp_json_add_number(ok, "min_cells_from_truth", shp_surface_cells_from(rp, k, u_truth));
        }
    }
    cJSON_AddNumberToObject(s, "columns", (double)columns);
    cJSON_AddNumberToObject(s, "wall_time_s", wall_s);
    return shp_json_write_in(dir, "surface.json", s, err, len);
}
