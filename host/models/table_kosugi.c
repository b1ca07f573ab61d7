/* Registry rows of the lognormal family: Kosugi (1996), the bimodal Kosugi model of
 * SoilWater-ToolBox/HyPix with its two conductivity forms, and the Fernández-Gálvez et
 * al. (2021) constrained parameterisation (include/shpfit/physics/model_kosugi.h;
 * docs/models-reference.md).
 *
 * Inversion bounds are in cm and min. The toolbox's are in mm and mm/s
 * (GUI_HydroParam.csv, Param.jl of SoilWater_ToolBox), converted: Ks 5.6e-5–0.0834 mm/s
 * = 3.36e-4–0.5004 cm/min (≈ 0.48–720 cm/d); ΨmMac 1–100 mm = 0.1–10 cm; Ψm, whose
 * toolbox range (100–1e14 mm) is not physical, 1e1–1e8 mm = 1–1e7 cm. */
#include <stdio.h>

#include "models/models_internal.h"
#include "shpfit/physics/model_kosugi.h"

/* Ks with the toolbox's range instead of SHP_PARAM_KS's */
#define KOS_PARAM_KS                                                                      \
    {.name = "Ks", .unit = "L/T", .about = "saturated hydraulic conductivity", .lo = 0.0,  \
     .hi = SHP_INF, .bound_lo = 3.36e-4, .bound_hi = 0.5004, .log_scale = 1, .dim_L = 1,   \
     .dim_T = -1, .k_only = 1}
#define KOS_PARAM_HM(key, about_, blo, bhi, has_def, def_)                                \
    {.name = (key), .unit = "L", .about = (about_), .lo = 0.0, .hi = SHP_INF,             \
     .has_default = (has_def), .def = (def_), .bound_lo = (blo), .bound_hi = (bhi),        \
     .log_scale = 1, .dim_L = 1}
/* toolbox σ range 0.75–4 as inversion bounds; any σ > 0 is a valid curve */
#define KOS_PARAM_SIGMA(key, about_, blo, bhi, has_def, def_)                             \
    {.name = (key), .unit = "-", .about = (about_), .lo = 0.0, .hi = SHP_INF,             \
     .has_default = (has_def), .def = (def_), .bound_lo = (blo), .bound_hi = (bhi)}

/* ------------------------------------------------------------------ unimodal */

/* The toolbox's σ ≥ 0.75 leaves out uniform sands (SWRC Fit's Toyoura sand: σ = 0.108):
 * the unimodal model's bounds span real soils. */
static const shp_param_info kosugi_params[SHP_KOS_NPARAM] = {
    SHP_PARAM_THETA_R(0.0, 0.3),
    SHP_PARAM_THETA_S(0.2, 0.8),
    KOS_PARAM_HM("hm", "median suction of the lognormal pore-size distribution, > 0", 0.1, 1e7,
                 0, 0.0),
    KOS_PARAM_SIGMA("sigma", "standard deviation of ln psi (pore-size spread), > 0", 0.05, 4.0,
                    0, 0.0),
    KOS_PARAM_KS,
    SHP_PARAM_MUALEM_L("l"),
};

const shp_model_desc shp_row_kosugi = {
    .name = "kosugi",
    .aliases = (const char *const[]){"kosugi1996", "lognormal", NULL},
    .title = "Kosugi (1996) lognormal retention, Mualem K",
    .id = SHP_MODEL_KOSUGI,
    .n_params = SHP_KOS_NPARAM,
    .params = kosugi_params,
    .check = shp_check_theta01,
    .source = "Kosugi (1996) WRR 32:2697 (lognormal pore-size distribution); Mualem (1976)",
    .k_form = "Mualem closed form Ks Se^l Q(z+sigma)^2, z = ln(psi/hm)/sigma, from psi directly",
};

/* ------------------------------------------------------------------ bimodal */

/* Shared by the HyPix-K and the Mualem-K rows. hmMac and sigmaMac default to the
 * FG2021 constants (10 mm, ln(100)/6) but are free parameters here. */
static const shp_param_info kosugi2_params[SHP_KOS2_NPARAM] = {
    SHP_PARAM_THETA_R(0.0, 0.2),
    SHP_PARAM_THETA_S(0.3, 0.6),
    {.name = "theta_sMacMat", .unit = "-",
     .about = "water content at the matrix/macropore boundary (theta_r < . <= theta_s)",
     .lo = 0.0, .hi = 1.0, .hi_closed = 1, .bound_lo = 0.225, .bound_hi = 0.6},
    KOS_PARAM_HM("hm", "median suction of the matrix mode, > 0", 1.0, 1e7, 0, 0.0),
    KOS_PARAM_SIGMA("sigma", "standard deviation of ln psi, matrix mode", 0.75, 4.0, 0, 0.0),
    KOS_PARAM_HM("hmMac", "median suction of the macropore mode, > 0 (FG2021: 10 mm)", 0.1,
                 10.0, 1, 1.0),
    KOS_PARAM_SIGMA("sigmaMac", "standard deviation of ln psi, macropore mode (FG2021: ln(100)/6)",
                    0.2, 2.0, 1, 0.76752836433134856),
    KOS_PARAM_KS,
    SHP_PARAM_MUALEM_L("l"),
};

/* θr < θsMacMat ≤ θs (each mode holds a non-negative pore volume). */
static int kosugi2_check(const double *p, char *msg, size_t len)
{
    const int k = shp_check_theta01(p, msg, len);
    if (k >= 0) return k;
    const double tr = p[SHP_KOS2_THETA_R], ts = p[SHP_KOS2_THETA_S];
    const double tsm = p[SHP_KOS2_THETA_SMACMAT];
    if (!(tsm <= ts)) {
        snprintf(msg, len, "theta_sMacMat must be <= theta_s (%g > %g)", tsm, ts);
        return SHP_KOS2_THETA_SMACMAT;
    }
    if (!(tr < tsm)) {
        snprintf(msg, len, "theta_sMacMat must be > theta_r (%g <= %g)", tsm, tr);
        return SHP_KOS2_THETA_SMACMAT;
    }
    return -1;
}

#define KOS2_SOURCE                                                                       \
    "Pollacco et al. SoilWater-ToolBox/HyPix (manaakiwhenua @95d0c4b, wrc.kg.Psi_2_thetaDual); " \
    "Fernandez-Galvez et al. (2021) AWR 153:103933; Kosugi (1996) WRR 32:2697"

const shp_model_desc shp_row_kosugi2_hypix = {
    .name = "kosugi2_hypix",
    .aliases = (const char *const[]){"kosugi_bimodal", "hypix", NULL},
    .title = "bimodal Kosugi (SoilWater-ToolBox/HyPix), HyPix K",
    .id = SHP_MODEL_KOSUGI2_HYPIX,
    .n_params = SHP_KOS2_NPARAM,
    .params = kosugi2_params,
    .check = kosugi2_check,
    .source = KOS2_SOURCE,
    .k_form = "HyPix/SoilWater-ToolBox form (kunsat.kg.Psi_2_KUNSAT): Ks Se^l [w1 Q(z1+sigma)^2 "
              "+ w2 Q(z2+sigmaMac)^2], a pore-volume-weighted sum of unimodal Mualem terms, NOT "
              "Mualem applied to the bimodal curve",
};

const shp_model_desc shp_row_kosugi2_mualem = {
    .name = "kosugi2_mualem",
    .aliases = (const char *const[]){"kosugi_bimodal_mualem", NULL},
    .title = "bimodal Kosugi (SoilWater-ToolBox/HyPix retention), exact Mualem K",
    .id = SHP_MODEL_KOSUGI2_MUALEM,
    .n_params = SHP_KOS2_NPARAM,
    .params = kosugi2_params,
    .check = kosugi2_check,
    .source = KOS2_SOURCE "; Mualem (1976); Priesack & Durner (2006) VZJ 5:121",
    .k_form = "Mualem applied to the bimodal curve, closed form Ks Se^l [sum ci Q(zi+sigmai)]^2"
              "/[sum ci]^2, ci = wi exp(sigmai^2/2)/hmi",
};

/* ------------------------------------------------------------------ FG2021 */

static const shp_param_info fg2021_params[SHP_FG_NPARAM] = {
    SHP_PARAM_THETA_S(0.3, 0.6),
    {.name = "sigma", .unit = "-",
     .about = "standard deviation of ln psi, matrix mode; sets theta_r and the hm range",
     .lo = SHP_FG_SIGMA_MIN, .hi = SHP_FG_SIGMA_MAX, .lo_closed = 1, .hi_closed = 1,
     .bound_lo = SHP_FG_SIGMA_MIN, .bound_hi = SHP_FG_SIGMA_MAX},
    {.name = "psi_m_norm", .unit = "-",
     .about = "hm between sqrt(psi_macmat) e^(3 sigma) (0) and psi_macmat e^(3 sigma) (1), "
              "linearly",
     .lo = 0.0, .hi = 1.0, .lo_closed = 1, .hi_closed = 1, .bound_lo = 0.0, .bound_hi = 1.0},
    KOS_PARAM_KS,
    {.name = "eta", .unit = "-", .about = "theta_sMacMat/theta_s (toolbox theta_sMacMat_eta)",
     .lo = 0.0, .hi = 1.0, .hi_closed = 1, .bound_lo = 0.75, .bound_hi = 1.0},
    SHP_PARAM_MUALEM_L("l"),
    {.name = "theta_r_max", .unit = "-",
     .about = "theta_r reached at sigma = 4 (toolbox theta_r_Max)",
     .lo = 0.0, .hi = 1.0, .lo_closed = 1, .has_default = 1, .def = 0.2, .bound_lo = 0.0,
     .bound_hi = 0.2, .fixed = 1},
    /* always millimetres, whatever the config's length unit: dim_L = 0 */
    {.name = "psi_macmat_mm", .unit = "mm",
     .about = "matrix/macropore boundary suction in mm (hmMac = sqrt of it in mm)", .lo = 1.0,
     .hi = SHP_INF, .has_default = 1, .def = 100.0, .bound_lo = 50.0, .bound_hi = 150.0,
     .fixed = 1},
    /* millimetres per length unit: 10 for cm, 1000 for m, so it scales as 1/L */
    {.name = "len_mm", .unit = "mm/L", .about = "millimetres per length unit of the config",
     .lo = 0.0, .hi = SHP_INF, .has_default = 1, .def = 10.0, .bound_lo = 10.0,
     .bound_hi = 10.0, .fixed = 1, .dim_L = -1},
};

/* The derived θr(σ) must stay below θsMacMat = η θs. */
static int fg2021_check(const double *p, char *msg, size_t len)
{
    const double tr = shp_kosugi2_fg2021_theta_r(p[SHP_FG_SIGMA], p[SHP_FG_THETA_R_MAX]);
    const double tsm = p[SHP_FG_ETA] * p[SHP_FG_THETA_S];
    if (tr < tsm) return -1;
    snprintf(msg, len,
             "eta must give eta*theta_s > theta_r (theta_r(sigma) = %g from theta_r_max, "
             "eta*theta_s = %g)",
             tr, tsm);
    return SHP_FG_ETA;
}

#define FG_SOURCE                                                                         \
    "Fernandez-Galvez et al. (2021) AWR 153:103933 constraints as coded in "              \
    "manaakiwhenua/SoilWater_ToolBox @95d0c4b (2022): theta_r = sigma_2_thetar "          \
    "(alpha1 17.5, alpha2 4), hm from sigma_2_Psim Constrained (P_sigma 3), "              \
    "hmMac = sqrt(psi_macmat) mm, sigmaMac = ln(psi_macmat)/6, theta_sMacMat = eta theta_s"

const shp_model_desc shp_row_kosugi2_fg2021 = {
    .name = "kosugi2_fg2021",
    .aliases = (const char *const[]){"fg2021", NULL},
    .title = "bimodal Kosugi, FG2021 constrained (5 free parameters), HyPix K",
    .id = SHP_MODEL_KOSUGI2_FG2021,
    .n_params = SHP_FG_NPARAM,
    .params = fg2021_params,
    .check = fg2021_check,
    .source = FG_SOURCE,
    .k_form = "as FG2021/HyPix (kunsat.kg.Psi_2_KUNSAT): Ks Se^l [w1 Q(z1+sigma)^2 + w2 "
              "Q(z2+sigmaMac)^2], a pore-volume-weighted sum of unimodal Mualem terms, NOT "
              "Mualem applied to the bimodal curve",
};

const shp_model_desc shp_row_kosugi2_fg2021_mualem = {
    .name = "kosugi2_fg2021_mualem",
    .aliases = (const char *const[]){"fg2021_mualem", NULL},
    .title = "bimodal Kosugi, FG2021 constrained (5 free parameters), exact Mualem K",
    .id = SHP_MODEL_KOSUGI2_FG2021_MUALEM,
    .n_params = SHP_FG_NPARAM,
    .params = fg2021_params,
    .check = fg2021_check,
    .source = FG_SOURCE "; Mualem (1976); Priesack & Durner (2006) VZJ 5:121",
    .k_form = "Mualem applied to the bimodal curve, closed form Ks Se^l [sum ci Q(zi+sigmai)]^2"
              "/[sum ci]^2, ci = wi exp(sigmai^2/2)/hmi",
};
