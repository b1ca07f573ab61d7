/* The "surface" section (surface/surface.h). */
#include <stdio.h>
#include <string.h>

#include "config/cfg_json.h"
#include "surface/surface.h"

static void add_plane(shp_surface_spec *s, int jx, int jy)
{
    shp_surface_plane *p = &s->plane[s->n_planes++];
    memset(p, 0, sizeof *p);
    p->jx = jx;
    p->jy = jy;
    p->nx = p->ny = s->points;
    p->ux0 = p->uy0 = 0.0;
    p->ux1 = p->uy1 = 1.0;
    p->zoom_of = -1;
}

static int var_index(const shp_problem *pb, const char *name)
{
    for (int j = 0; j < shp_problem_dim(pb); ++j)
        if (!strcmp(shp_problem_var_name(pb, j), name)) return j;
    return -1;
}

shp_status shp_surface_spec_load(const shp_problem *pb, int points_override, double zoom_override,
                                 shp_surface_spec *spec, char *err, size_t len)
{
    static const char *const keys[] = {"planes", "points", "zoom", "at", NULL};
    static const char *const ats[] = {"materials", "truth", NULL};
    const shp_forward_problem *fp = shp_problem_forward(pb);
    const cfg_ctx c = {shp_forward_source(fp), err, len};
    memset(spec, 0, sizeof *spec);
    spec->points = 50;
    const cJSON *sec = NULL;
    CFG_TRY(cfg_object(&c, shp_forward_config(fp), "", "surface", 0, &sec));
    const cJSON *planes = NULL;
    if (sec) {
        CFG_TRY(cfg_check_keys(&c, sec, "surface", keys));
        CFG_TRY(cfg_int(&c, sec, "surface", "points", 0, 2, 2000, &spec->points));
        CFG_TRY(cfg_number(&c, sec, "surface", "zoom", 0, &spec->zoom, NULL));
        CFG_TRY(cfg_choice(&c, sec, "surface", "at", ats, 0, &spec->at_truth));
        planes = cfg_child(sec, "planes");
    }
    if (points_override > 0) spec->points = points_override;
    if (zoom_override >= 0.0) spec->zoom = zoom_override;
    if (!(spec->zoom >= 0.0 && spec->zoom <= 0.5))
        return cfg_fail(&c, "surface.zoom", "must be in [0, 0.5] (a fraction of each axis), got %g", spec->zoom);
    if (spec->at_truth && !cfg_child(shp_problem_fit_config(pb), "truth"))
        return cfg_fail(&c, "surface.at", "\"truth\" needs fit.truth");
    const int dim = shp_problem_dim(pb);
    if (!planes) { /* every pair of free parameters */
        if (dim < 2) return cfg_fail(&c, "fit.parameters", "a surface needs at least two free parameters");
        for (int a = 0; a < dim; ++a)
            for (int b = a + 1; b < dim; ++b)
                if (spec->n_planes < SHP_SURFACE_MAX_PLANES / 2) add_plane(spec, a, b);
        return SHP_OK;
    }
    if (!cJSON_IsArray(planes) || cJSON_GetArraySize(planes) < 1)
        return cfg_fail(&c, "surface.planes", "expected a non-empty array of [x, y] parameter pairs");
    int i = 0;
    for (const cJSON *it = planes->child; it; it = it->next, ++i) {
        char p[CFG_PATH_MAX];
        cfg_path_index(p, sizeof p, "surface.planes", i);
        if (spec->n_planes >= SHP_SURFACE_MAX_PLANES / 2) return cfg_fail(&c, p, "too many planes");
        if (!cJSON_IsArray(it) || cJSON_GetArraySize(it) != 2 || !cJSON_IsString(it->child) ||
            !cJSON_IsString(it->child->next))
            return cfg_fail(&c, p, "expected [\"material.x\", \"material.y\"]");
        const int jx = var_index(pb, it->child->valuestring), jy = var_index(pb, it->child->next->valuestring);
        if (jx < 0 || jy < 0)
            return cfg_fail(&c, p, "\"%s\" is not one of fit.parameters",
                            jx < 0 ? it->child->valuestring : it->child->next->valuestring);
        if (jx == jy) return cfg_fail(&c, p, "x and y must differ");
        add_plane(spec, jx, jy);
    }
    return SHP_OK;
}
