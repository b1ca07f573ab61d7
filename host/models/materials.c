/* Material constructors of the built-in models. */
#include "shpfit/models.h"

#include <string.h>

static shp_material material_of(int model, const double *p, int np)
{
    shp_material m;
    memset(&m, 0, sizeof m);
    m.model = model;
    memcpy(m.p, p, (size_t)np * sizeof *p);
    shp_hyd_prepare(&m);
    return m;
}

shp_material shp_material_vgm(double theta_r, double theta_s, double alpha, double n, double Ks,
                              double l)
{
    const double p[SHP_VGM_NPARAM] = {theta_r, theta_s, alpha, n, Ks, l};
    return material_of(SHP_MODEL_VGM, p, SHP_VGM_NPARAM);
}

shp_material shp_material_haverkamp(double theta_r, double theta_s, double A1, double beta,
                                    double Ks, double A, double gamma)
{
    const double p[SHP_HAV_NPARAM] = {theta_r, theta_s, A1, beta, Ks, A, gamma};
    return material_of(SHP_MODEL_HAVERKAMP, p, SHP_HAV_NPARAM);
}

shp_material shp_material_gardner(double theta_r, double theta_s, double alpha, double Ks)
{
    const double p[SHP_GAR_NPARAM] = {theta_r, theta_s, alpha, Ks};
    return material_of(SHP_MODEL_GARDNER, p, SHP_GAR_NPARAM);
}

shp_material shp_material_make(shp_model_id id, const double *p)
{
    const shp_model_desc *d = shp_model_by_id((int)id);
    return material_of((int)id, p, d ? d->n_params : 0);
}
