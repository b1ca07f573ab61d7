/* Hydraulic-function tables (io/curves.h). */
#include "output/curves.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "io/fs.h"
#include "io/json_file.h"
#include "shpfit/status.h"
#include "shpfit/version.h"

#define NUM "%.12g"

shp_curve_grid shp_curve_grid_default(const shp_forward_problem *fp)
{
    shp_curve_grid g = {1e-2 / shp_forward_cm_per_length(fp), 1e7 / shp_forward_cm_per_length(fp), 20};
    return g;
}

int shp_curve_grid_points(const shp_curve_grid *g)
{
    const double decades = log10(g->psi_max / g->psi_min);
    return 1 + (int)ceil(decades * g->per_decade - 1e-9);
}

double shp_curve_grid_psi(const shp_curve_grid *g, int k)
{
    const int n = shp_curve_grid_points(g);
    if (k >= n - 1) return g->psi_max;
    return g->psi_min * pow(10.0, (double)k / g->per_decade);
}

void shp_curve_file_name(char *out, size_t len, const char *material)
{
    size_t k = 0;
    for (const char *s = material; *s && k + 1 < len; ++s) {
        const char c = *s;
        const int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '_' || c == '-' || c == '.';
        out[k++] = ok ? c : '_';
    }
    if (len) out[k] = '\0';
}

static void csv_name(char *out, size_t len, const char *material)
{
    char safe[128];
    shp_curve_file_name(safe, sizeof safe, material);
    snprintf(out, len, "curves_%s.csv", safe);
}

int shp_curves_write_csv(const char *dir, const shp_forward_problem *fp, int i,
                         const shp_curve_grid *g, char *err, size_t len)
{
    const shp_material *m = &shp_forward_materials(fp)[i];
    const shp_model_desc *d = shp_model_by_id(m->model);
    const char *L = shp_forward_length_unit(fp), *T = shp_forward_time_unit(fp);
    char path[SHP_PATH_MAX], name[160];
    csv_name(name, sizeof name, shp_forward_material_name(fp, i));
    FILE *f = shp_file_create_in(dir, name, path, sizeof path, err, len);
    if (!f) return SHP_ERR_IO;
    /* pF is log10 of the suction in cm, whatever the config's length unit */
    fprintf(f, "psi_%s,h_%s,pF,theta,Se,K_%s_per_%s,log10_K,C_per_%s", L, L, L, T, L);
    if (d->has_split) fprintf(f, ",theta_cap,theta_ad");
    fputc('\n', f);
    double tmin, tmax;
    shp_hyd_theta_limits(m, &tmin, &tmax);
    const int n = shp_curve_grid_points(g);
    for (int k = 0; k < n; ++k) {
        const double psi = shp_curve_grid_psi(g, k);
        double th, K, C, dK;
        shp_hyd_eval(m, -psi, &th, &K, &C, &dK);
        const double se = (th - tmin) / (tmax - tmin);
        fprintf(f, NUM "," NUM "," NUM "," NUM "," NUM "," NUM "," NUM "," NUM, psi, -psi,
                log10(psi * shp_forward_cm_per_length(fp)), th, se, K, K > 0.0 ? log10(K) : -HUGE_VAL, C);
        if (d->has_split) {
            double cap, ad;
            shp_hyd_theta_split(m, -psi, &cap, &ad);
            fprintf(f, "," NUM "," NUM, cap, ad);
        }
        fputc('\n', f);
    }
    return shp_file_close(f, path, err, len);
}

/* A registry unit ("1/L", "L/T", "L^beta") with the config's unit names. */
static void unit_string(char *out, size_t len, const char *unit, const char *L, const char *T)
{
    size_t k = 0;
    for (const char *s = unit; *s && k + 4 < len; ++s) {
        const char *rep = *s == 'L' ? L : *s == 'T' ? T : NULL;
        if (rep)
            for (; *rep && k + 1 < len; ++rep) out[k++] = *rep;
        else out[k++] = *s;
    }
    out[k] = '\0';
}

int shp_curves_write_index(const char *dir, const shp_forward_problem *fp,
                           const shp_curve_grid *g, char *err, size_t len)
{
    cJSON *root = shp_json_output_begin("curves", shp_forward_source(fp));
    if (!root) {
        snprintf(err, len, "out of memory");
        return SHP_ERR_NOMEM;
    }
    cJSON_AddStringToObject(shp_json_add_units(root, shp_forward_length_unit(fp), shp_forward_time_unit(fp)), "pF",
                            "log10 of the suction in cm");
    cJSON *gj = cJSON_AddObjectToObject(root, "grid");
    cJSON_AddNumberToObject(gj, "psi_min", g->psi_min);
    cJSON_AddNumberToObject(gj, "psi_max", g->psi_max);
    cJSON_AddNumberToObject(gj, "points_per_decade", g->per_decade);
    cJSON_AddNumberToObject(gj, "points", shp_curve_grid_points(g));
    cJSON *ms = cJSON_AddArrayToObject(root, "materials");
    for (int i = 0; i < shp_forward_n_materials(fp); ++i) {
        const shp_material *m = &shp_forward_materials(fp)[i];
        const shp_model_desc *d = shp_model_by_id(m->model);
        cJSON *o = cJSON_CreateObject();
        cJSON_AddItemToArray(ms, o);
        char file[160], safe[128];
        shp_curve_file_name(safe, sizeof safe, shp_forward_material_name(fp, i));
        snprintf(file, sizeof file, "curves_%s.csv", safe);
        cJSON_AddStringToObject(o, "name", shp_forward_material_name(fp, i));
        cJSON_AddStringToObject(o, "file", file);
        cJSON_AddStringToObject(o, "model", d->name);
        cJSON_AddStringToObject(o, "title", d->title);
        cJSON_AddStringToObject(o, "source", d->source);
        cJSON_AddStringToObject(o, "conductivity", d->k_form);
        cJSON *ps = cJSON_AddObjectToObject(o, "parameters");
        for (int k = 0; k < d->n_params; ++k) cJSON_AddNumberToObject(ps, d->params[k].name, m->p[k]);
        cJSON *pu = cJSON_AddObjectToObject(o, "parameter_units");
        for (int k = 0; k < d->n_params; ++k) {
            char unit[32];
            unit_string(unit, sizeof unit, d->params[k].unit, shp_forward_length_unit(fp), shp_forward_time_unit(fp));
            cJSON_AddStringToObject(pu, d->params[k].name, unit);
        }
    }
    return shp_json_write_in(dir, "curves.json", root, err, len);
}
