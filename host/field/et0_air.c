/* FAO-56 (Allen et al. 1998) chapter 3: atmospheric parameters, air humidity and wind
 * (include/shpfit/et0.h). One function per equation, in FAO-56's constants. */
#include "shpfit/et0.h"

#include <math.h>

/* Eq. 7: the ideal gas law simplified for a standard atmosphere at 20 °C. */
double shp_et0_pressure(double z)
{
    return 101.3 * pow((293.0 - 0.0065 * z) / 293.0, 5.26);
}

/* Eq. 8: γ = cp P/(ε λ) with cp = 1.013e-3 MJ kg-1 °C-1, ε = 0.622, λ = 2.45 MJ/kg;
 * FAO-56 prints the product as 0.665e-3 and so do we, so γ matches its tables. */
double shp_et0_gamma(double P)
{
    return 0.665e-3 * P;
}

/* Eq. 11 (Tetens' form). */
double shp_et0_svp(double T)
{
    return 0.6108 * exp(17.27 * T / (T + 237.3));
}

/* Eq. 12: the mean of e° at Tmax and Tmin, not e° at the mean temperature: e° is
 * convex, so e°(Tmean) would underestimate es and ET0 (FAO-56 p. 36, Example 3). */
double shp_et0_es(double tmax, double tmin)
{
    return 0.5 * (shp_et0_svp(tmax) + shp_et0_svp(tmin));
}

/* Eq. 13: de°/dT of Eq. 11 (4098 = 17.27 · 237.3, as FAO-56 rounds it). */
double shp_et0_delta(double T)
{
    const double d = T + 237.3;
    return 4098.0 * shp_et0_svp(T) / (d * d);
}

/* Eq. 14: the air is saturated at its dewpoint. */
double shp_et0_ea_tdew(double tdew)
{
    return shp_et0_svp(tdew);
}

/* Eq. 17: RHmax comes near sunrise, at Tmin; RHmin in the afternoon, at Tmax. */
double shp_et0_ea_rh_max_min(double tmax, double tmin, double rh_max, double rh_min)
{
    return 0.5 * (shp_et0_svp(tmin) * rh_max / 100.0 + shp_et0_svp(tmax) * rh_min / 100.0);
}

/* Eq. 18: for RHmin of doubtful quality. */
double shp_et0_ea_rh_max(double tmin, double rh_max)
{
    return shp_et0_svp(tmin) * rh_max / 100.0;
}

/* Eq. 19: less desirable than Eqs. 17–18 (FAO-56 p. 39), but what a station that
 * reports only a daily mean RH (USCRN) allows. */
double shp_et0_ea_rh_mean(double tmax, double tmin, double rh_mean)
{
    return rh_mean / 100.0 * shp_et0_es(tmax, tmin);
}

/* Eq. 48: with no humidity data, Tdew ≈ Tmin (the air near saturation at sunrise over
 * a well-watered cover). FAO-56 prints the factor as 0.611; we keep Eq. 11's 0.6108,
 * because Eq. 48 says ea = e°(Tmin) and the rounded factor would put ea 0.03 % above
 * e°(Tmin) (Example 20 prints both as 1.68 kPa). */
double shp_et0_ea_tmin(double tmin)
{
    return shp_et0_svp(tmin);
}

/* Eq. 54: hourly RH at the hour's temperature. */
double shp_et0_ea_rh_hour(double t, double rh)
{
    return shp_et0_svp(t) * rh / 100.0;
}

/* Eq. 47: logarithmic profile above short grass, u2 = uz 4.87/ln(67.8 z − 5.42). */
double shp_et0_u2(double uz, double z)
{
    return uz * 4.87 / log(67.8 * z - 5.42);
}
