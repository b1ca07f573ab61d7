/* Registry rows of the single-power and exponential models: Brooks–Corey,
 * Clapp–Hornberger, Haverkamp and Gardner. */
#include <stdio.h>

#include "models/models_internal.h"

/* Bounds span real soils: the SoilWater_ToolBox's hb 9–86 cm, λ 0.0877–0.709 (Ψbc
 * 90–856 mm) leave out uniform sands (SWRC Fit's Toyoura sand: hb 41.7 cm, λ 7.0). */
static const shp_param_info bc_params[SHP_BC_NPARAM] = {
    SHP_PARAM_THETA_R(0.0, 0.3),
    SHP_PARAM_THETA_S(0.2, 0.8),
    {.name = "hb", .unit = "L", .about = "air-entry (bubbling) head, > 0", .lo = 0.0,
     .hi = SHP_INF, .bound_lo = 0.1, .bound_hi = 1e4, .log_scale = 1, .dim_L = 1},
    {.name = "lambda", .unit = "-", .about = "pore-size distribution index", .lo = 0.0,
     .hi = SHP_INF, .bound_lo = 0.02, .bound_hi = 15.0},
    SHP_PARAM_KS,
    {.name = "l", .unit = "-", .about = "pore connectivity; 1 gives Brooks-Corey 1964",
     .lo = -SHP_INF, .hi = SHP_INF, .has_default = 1, .def = 1.0, .bound_lo = -1.0,
     .bound_hi = 3.0, .fixed = 1, .k_only = 1},
};

/* K → 0 when dry needs the exponent λ(l+2)+2 > 0. */
static int bc_check(const double *p, char *msg, size_t len)
{
    const int k = shp_check_theta01(p, msg, len);
    if (k >= 0) return k;
    if (p[SHP_BC_LAMBDA] * (p[SHP_BC_L] + 2.0) + 2.0 > 0.0) return -1;
    snprintf(msg, len, "l must be > -2 - 2/lambda so that K falls with suction (l = %g)",
             p[SHP_BC_L]);
    return SHP_BC_L;
}

const shp_model_desc shp_row_brooks_corey = {
    .name = "brooks_corey",
    .aliases = (const char *const[]){"bc", "brooks-corey", NULL},
    .title = "Brooks-Corey (1964) retention, Mualem K",
    .id = SHP_MODEL_BROOKS_COREY,
    .n_params = SHP_BC_NPARAM,
    .params = bc_params,
    .check = bc_check,
    .source = "Brooks & Corey (1964) Hydrol. Pap. 3; Mualem (1976)",
    .k_form = "Ks Se^(l+2+2/lambda) (l = 1: Brooks-Corey 1964)",
};

static const shp_param_info ch_params[SHP_CH_NPARAM] = {
    SHP_PARAM_THETA_S(0.2, 0.8),
    /* Clapp & Hornberger's table spans b 4.05-11.4; uniform sands need b = 1/λ near 0.15 */
    {.name = "psi_s", .unit = "L", .about = "air-entry suction, > 0", .lo = 0.0, .hi = SHP_INF,
     .bound_lo = 0.1, .bound_hi = 1e4, .log_scale = 1, .dim_L = 1},
    {.name = "b", .unit = "-", .about = "retention exponent: theta = theta_s (psi/psi_s)^(-1/b)",
     .lo = 0.0, .hi = SHP_INF, .bound_lo = 0.05, .bound_hi = 30.0},
    SHP_PARAM_KS,
};

const shp_model_desc shp_row_clapp_hornberger = {
    .name = "clapp_hornberger",
    .aliases = (const char *const[]){"ch", "campbell", NULL},
    .title = "Clapp-Hornberger (1978) / Campbell (1974) power law, theta_r = 0",
    .id = SHP_MODEL_CLAPP_HORNBERGER,
    .n_params = SHP_CH_NPARAM,
    .params = ch_params,
    .check = NULL,
    .source = "Clapp & Hornberger (1978) WRR 14:601; Campbell (1974) Soil Sci. 117:311",
    .k_form = "Ks (theta/theta_s)^(2b+3)",
};

/* Haverkamp et al. (1977); bounds bracket Celia test 1 (cm, min). */
static const shp_param_info haverkamp_params[SHP_HAV_NPARAM] = {
    SHP_PARAM_THETA_R(0.0, 0.3),
    SHP_PARAM_THETA_S(0.2, 0.8),
    {.name = "A1", .unit = "L^beta", .about = "retention scale: theta = A1/(A1 + |h|^beta)",
     .lo = 0.0, .hi = SHP_INF, .bound_lo = 1e2, .bound_hi = 1e8, .log_scale = 1},
    {.name = "beta", .unit = "-", .about = "retention exponent", .lo = 0.0, .hi = SHP_INF,
     .bound_lo = 1.0, .bound_hi = 6.0},
    SHP_PARAM_KS,
    {.name = "A", .unit = "L^gamma", .about = "conductivity scale: K = Ks A/(A + |h|^gamma)",
     .lo = 0.0, .hi = SHP_INF, .bound_lo = 1e2, .bound_hi = 1e8, .log_scale = 1, .k_only = 1},
    {.name = "gamma", .unit = "-", .about = "conductivity exponent", .lo = 0.0, .hi = SHP_INF,
     .bound_lo = 1.0, .bound_hi = 6.0, .k_only = 1},
};

const shp_model_desc shp_row_haverkamp = {
    .name = "haverkamp",
    .title = "Haverkamp et al. (1977)",
    .id = SHP_MODEL_HAVERKAMP,
    .n_params = SHP_HAV_NPARAM,
    .params = haverkamp_params,
    .check = shp_check_theta01,
    .source = "Haverkamp et al. (1977) SSSAJ 41:285; Celia et al. (1990) WRR 26:1483",
    .k_form = "Ks A/(A + |h|^gamma) (empirical)",
};

/* Gardner (1958) exponential model. */
static const shp_param_info gardner_params[SHP_GAR_NPARAM] = {
    SHP_PARAM_THETA_R(0.0, 0.3),
    SHP_PARAM_THETA_S(0.2, 0.8),
    {.name = "alpha", .unit = "1/L", .about = "exponential decay of K and Se with suction",
     .lo = 0.0, .hi = SHP_INF, .bound_lo = 0.001, .bound_hi = 0.5, .log_scale = 1, .dim_L = -1},
    SHP_PARAM_KS,
};

const shp_model_desc shp_row_gardner = {
    .name = "gardner",
    .title = "Gardner (1958) exponential",
    .id = SHP_MODEL_GARDNER,
    .n_params = SHP_GAR_NPARAM,
    .params = gardner_params,
    .check = shp_check_theta01,
    .source = "Gardner (1958) Soil Sci. 85:228; Srivastava & Yeh (1991) WRR 27:753",
    .k_form = "Ks exp(alpha h)",
};
