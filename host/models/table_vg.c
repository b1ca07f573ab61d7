/* Registry rows of the van Genuchten family: VGM, its air-entry variant and the
 * bimodal Durner model (include/shpfit/physics/model_vgm.h, model_durner.h). */
#include <stdio.h>

#include "models/models_internal.h"

#define PARAM_ALPHA(key, blo, bhi)                                                        \
    {.name = (key), .unit = "1/L", .about = "inverse air-entry head (VG scale)", .lo = 0.0, \
     .hi = SHP_INF, .bound_lo = (blo), .bound_hi = (bhi), .log_scale = 1, .dim_L = -1}
#define PARAM_N(key, blo, bhi)                                                            \
    {.name = (key), .unit = "-", .about = "pore-size distribution index (m = 1 - 1/n)",     \
     .lo = 1.0, .hi = SHP_INF, .bound_lo = (blo), .bound_hi = (bhi)}

/* Bounds (cm, min) span real soils, clays to uniform sands (UNSODA; SWRC Fit's Toyoura
 * sand has n = 15.9): seed 002's Table 2 (θs 0.35-0.55, α 0.001-0.2, n 1.05-3) suits its
 * four soils only and would pin a sand's fit to n = 3. */
static const shp_param_info vgm_params[SHP_VGM_NPARAM] = {
    SHP_PARAM_THETA_R(0.0, 0.3), SHP_PARAM_THETA_S(0.2, 0.8),
    PARAM_ALPHA("alpha", 1e-4, 1.0), PARAM_N("n", 1.01, 20.0),
    SHP_PARAM_KS, SHP_PARAM_MUALEM_L("l"),
};

const shp_model_desc shp_row_vgm = {
    .name = "vgm",
    .aliases = (const char *const[]){"vg", "van_genuchten", "vgm_mualem", NULL},
    .title = "van Genuchten-Mualem (m = 1 - 1/n)",
    .id = SHP_MODEL_VGM,
    .n_params = SHP_VGM_NPARAM,
    .params = vgm_params,
    .check = shp_check_theta01,
    .source = "van Genuchten (1980) SSSAJ 44:892, Eqs. 3, 8; Mualem (1976) WRR 12:513",
    .k_form = "Mualem closed form Ks Se^l [1-(1-Se^(1/m))^m]^2, evaluated without cancellation",
};

static const shp_param_info vgm_ae_params[SHP_VGMAE_NPARAM] = {
    SHP_PARAM_THETA_R(0.0, 0.3), SHP_PARAM_THETA_S(0.2, 0.8),
    PARAM_ALPHA("alpha", 1e-4, 1.0), PARAM_N("n", 1.01, 20.0),
    SHP_PARAM_KS, SHP_PARAM_MUALEM_L("l"),
    {.name = "h_s", .unit = "L", .about = "air-entry head: saturated for h >= h_s (< 0)",
     .lo = -SHP_INF, .hi = 0.0, .has_default = 1, .def = -2.0, .bound_lo = -10.0,
     .bound_hi = -0.5, .fixed = 1, .dim_L = 1},
};

const shp_model_desc shp_row_vgm_ae = {
    .name = "vgm_ae",
    .aliases = (const char *const[]){"vgm_modified", "vogel", NULL},
    .title = "van Genuchten-Mualem with air entry h_s (Vogel et al. 2001)",
    .id = SHP_MODEL_VGM_AE,
    .n_params = SHP_VGMAE_NPARAM,
    .params = vgm_ae_params,
    .check = shp_check_theta01,
    .source = "Vogel, van Genuchten & Cislerova (2001) AWR 24:133, Eqs. 8-10",
    .k_form = "Mualem integral truncated at h_s: Ks Se^l [B(h)/B(h_s)]^2",
};

static const shp_param_info durner_params[SHP_DUR_NPARAM] = {
    SHP_PARAM_THETA_R(0.0, 0.3),
    SHP_PARAM_THETA_S(0.2, 0.8),
    {.name = "w1", .unit = "-", .about = "weight of mode 1 (w2 = 1 - w1)", .lo = 0.0, .hi = 1.0,
     .lo_closed = 1, .hi_closed = 1, .bound_lo = 0.01, .bound_hi = 0.99},
    PARAM_ALPHA("alpha1", 0.01, 1.0),
    PARAM_N("n1", 1.01, 20.0),
    PARAM_ALPHA("alpha2", 1e-5, 0.1),
    PARAM_N("n2", 1.01, 20.0),
    SHP_PARAM_KS,
    SHP_PARAM_MUALEM_L("l"),
};

const shp_model_desc shp_row_durner = {
    .name = "durner",
    .aliases = (const char *const[]){"bimodal_vg", "durner1994", NULL},
    .title = "bimodal van Genuchten (Durner 1994), Priesack-Durner Mualem K",
    .id = SHP_MODEL_DURNER,
    .n_params = SHP_DUR_NPARAM,
    .params = durner_params,
    .check = shp_check_theta01,
    .source = "Durner (1994) WRR 30:211; Priesack & Durner (2006) VZJ 5:121",
    .k_form = "Mualem closed form Ks Se^l [sum wi ai Bi]^2/[sum wi ai]^2",
};
