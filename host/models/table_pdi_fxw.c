/* Registry rows of the complete-moisture-range models that reach θ = 0 at an
 * oven-dry head h0: Peters–Durner–Iden with the VG base (include/shpfit/physics/
 * model_pdi.h) and Fredlund–Xing with the correction factor, FXW (model_fxw.h).
 * Key names are those of tests/data/reference_values*.csv. */
#include <stdio.h>

#include "models/models_internal.h"
#include "shpfit/physics/model_fxw.h"
#include "shpfit/physics/model_pdi.h"

/* ---- PDI ------------------------------------------------------------------------ */

/* Validity and bounds: the SoilHyP 0.1.7 documentation (τ ≥ −2, ω in [0, 1], typically
 * 1e-5–1e-2; h0 = 10^6.8 cm and a = −1.5 fixed); α, n, τ search ranges from the spsh
 * 1.1.0 example. */
static const shp_param_info pdi_params[SHP_PDI_NPARAM] = {
    {.name = "theta_r", .unit = "-",
     .about = "maximum adsorbed water content (theta_r * Sad; not a residual)", .lo = 0.0,
     .hi = 1.0, .lo_closed = 1, .bound_lo = 0.0, .bound_hi = 0.2},
    SHP_PARAM_THETA_S(0.2, 0.8),
    {.name = "alpha", .unit = "1/L", .about = "inverse air-entry head (VG scale; ha = 1/alpha)",
     .lo = 0.0, .hi = SHP_INF, .bound_lo = 1e-4, .bound_hi = 1.0, .log_scale = 1, .dim_L = -1},
    {.name = "n", .unit = "-", .about = "VG pore-size distribution index (m = 1 - 1/n)",
     .lo = 1.0, .hi = SHP_INF, .bound_lo = 1.01, .bound_hi = 20.0},
    SHP_PARAM_KS,
    {.name = "tau", .unit = "-", .about = "capillary tortuosity (Mualem l), Kcap = Scap^tau B^2",
     .lo = -2.0, .hi = SHP_INF, .has_default = 1, .def = 0.5, .bound_lo = -1.0,
     .bound_hi = 10.0, .fixed = 1, .k_only = 1},
    {.name = "omega", .unit = "-",
     .about = "weight of film conductivity: K = Ks[(1-w)Kcap + w Kfilm]",
     .lo = 0.0, .hi = 1.0, .lo_closed = 1, .hi_closed = 1, .has_default = 1, .def = 1e-3,
     .bound_lo = 1e-6, .bound_hi = 0.1, .log_scale = 1, .k_only = 1},
    {.name = "h0", .unit = "L", .about = "suction at oven-dryness, theta = 0 (10^6.8 cm, 105 C)",
     .lo = 0.0, .hi = SHP_INF, .has_default = 1, .def = SHP_PDI_H0_DEFAULT, .bound_lo = 1e6,
     .bound_hi = 2e7, .log_scale = 1, .fixed = 1, .dim_L = 1},
    {.name = "a", .unit = "-", .about = "slope of log Kfilm vs pF, < 0 (Tokunaga 2009: -1.5)",
     .lo = -SHP_INF, .hi = 0.0, .has_default = 1, .def = SHP_PDI_A_DEFAULT, .bound_lo = -3.0,
     .bound_hi = -0.5, .fixed = 1, .k_only = 1},
};

/* θr < θs, and the air-entry head ha = 1/α below h0 so that the adsorption line
 * runs from pF(ha) down to 0 at pF(h0). */
static int pdi_check(const double *p, char *msg, size_t len)
{
    const int k = shp_check_theta01(p, msg, len);
    if (k >= 0) return k;
    if (p[SHP_PDI_ALPHA] * p[SHP_PDI_H0] > 1.0) return -1;
    snprintf(msg, len, "alpha must be > 1/h0 (air-entry head 1/alpha = %g >= h0 = %g)",
             1.0 / p[SHP_PDI_ALPHA], p[SHP_PDI_H0]);
    return SHP_PDI_ALPHA;
}

const shp_model_desc shp_row_pdi = {
    .name = "pdi",
    .aliases = (const char *const[]){"pdi_vg", "peters_durner_iden", NULL},
    .title = "Peters-Durner-Iden (PDI), van Genuchten capillary base, capillary + film K",
    .id = SHP_MODEL_PDI,
    .n_params = SHP_PDI_NPARAM,
    .params = pdi_params,
    .check = pdi_check,
    .has_split = 1,
    .source = "Peters (2013) WRR 49:6765; Iden & Durner (2014) WRR 50:7530; Peters (2014) "
              "WRR 50:7535 (log10 adsorption term, b from theta_r and n)",
    .k_form = "Ks[(1-omega) Scap^tau (1-(1-G^(1/m))^m/(1-G0^(1/m))^m)^2 "
              "+ omega (h0 alpha)^(a(1-Sad))]: "
              "Mualem truncated at h0 (closed form, cancellation-free) plus Peters film term; "
              "Ks omega (h0 alpha)^a beyond h0; no vapour term",
};

/* ---- FXW ------------------------------------------------------------------------ */

/* Validity: SOILWAT2 SWRC_check_parameters_for_FXW (θs in (0,1], α > 0, n in (1,10],
 * m in (0,1.5], Ks > 0, L > 0), partly after Wang et al. (2022) Table 1; hr = 1500 cm
 * and h0 = 6.3e6 cm fixed there. The n search range starts
 * at 1.1, where the K quadrature is checked to 1e-13 (model_fxw.h). */
static const shp_param_info fxw_params[SHP_FXW_NPARAM] = {
    SHP_PARAM_THETA_S(0.2, 0.8),
    {.name = "alpha", .unit = "1/L", .about = "inverse air-entry head (FX scale a = 1/alpha)",
     .lo = 0.0, .hi = SHP_INF, .bound_lo = 1e-4, .bound_hi = 1.0, .log_scale = 1, .dim_L = -1},
    {.name = "n", .unit = "-", .about = "FX pore-size distribution index", .lo = 1.0, .hi = 10.0,
     .hi_closed = 1, .bound_lo = 1.1, .bound_hi = 10.0},
    {.name = "m", .unit = "-", .about = "FX asymmetry exponent", .lo = 0.0, .hi = 1.5,
     .hi_closed = 1, .bound_lo = 0.1, .bound_hi = 1.5},
    SHP_PARAM_KS,
    {.name = "L", .unit = "-", .about = "pore connectivity of the capillary Mualem term, > 0",
     .lo = 0.0, .hi = SHP_INF, .has_default = 1, .def = 0.5, .bound_lo = 0.1, .bound_hi = 4.0,
     .fixed = 1, .k_only = 1},
    {.name = "hr", .unit = "L", .about = "'residual' head of the correction factor Cf (1500 cm)",
     .lo = 0.0, .hi = SHP_INF, .has_default = 1, .def = SHP_FXW_HR_DEFAULT, .bound_lo = 100.0,
     .bound_hi = 1e4, .log_scale = 1, .fixed = 1, .dim_L = 1},
    {.name = "h0", .unit = "L", .about = "suction at zero water content (6.3e6 cm, pF 6.8)",
     .lo = 0.0, .hi = SHP_INF, .has_default = 1, .def = SHP_FXW_H0_DEFAULT, .bound_lo = 1e6,
     .bound_hi = 2e7, .log_scale = 1, .fixed = 1, .dim_L = 1},
};

/* hr < h0, or Cf = 1 − ln(1+ψ/hr)/ln(1+h0/hr) has no decreasing range. */
static int fxw_check(const double *p, char *msg, size_t len)
{
    if (p[SHP_FXW_HR] < p[SHP_FXW_H0]) return -1;
    snprintf(msg, len, "hr must be < h0 (%g >= %g)", p[SHP_FXW_HR], p[SHP_FXW_H0]);
    return SHP_FXW_HR;
}

const shp_model_desc shp_row_fxw = {
    .name = "fxw",
    .aliases = (const char *const[]){"fxwjd", "fredlund_xing_wang", NULL},
    .title = "Fredlund-Xing with correction factor, theta_r = 0 (FXW); Mualem K on the capillary "
             "function (variant A)",
    .id = SHP_MODEL_FXW,
    .n_params = SHP_FXW_NPARAM,
    .params = fxw_params,
    .check = fxw_check,
    .source = "Fredlund & Xing (1994) CGJ 31:521; Wang, Jin & Deng (2018) WRR 54:6860; "
              "Rudiyanto et al. (2021) Geoderma 403:115194, Eqs. 1, 3, 4 (as coded in SOILWAT2)",
    .k_form = "NOT Wang et al. (2018), unverified: 'variant A' = Ks G^L [I(h)/I(0)]^2, "
              "I(h) = int_psi^inf (-dG/dx)/x dx, Mualem on the capillary function "
              "G = ln(e+(alpha psi)^n)^-m only, no film term, no h0 cut; I by fixed-node "
              "tanh-sinh + exponential DE quadrature (<= 2e-13 relative for n 1.1-10)",
};
