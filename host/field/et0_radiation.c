/* FAO-56 (Allen et al. 1998) chapter 3: extraterrestrial radiation, daylight hours,
 * solar, clear-sky, net shortwave, net longwave and net radiation, and the soil heat
 * flux (include/shpfit/et0.h). One function per equation. */
#include "shpfit/et0.h"

#include <math.h>

#define ET0_PI 3.14159265358979323846
#define GSC 0.0820          /* solar constant, MJ m-2 min-1 (Eq. 21) */
#define SIGMA_DAY 4.903e-9  /* Stefan–Boltzmann, MJ K-4 m-2 day-1 (Eq. 39) */
#define ALBEDO 0.23         /* the grass reference (Eq. 38) */
#define ANGSTROM_AS 0.25    /* Eq. 35 without calibration (FAO-56 p. 50) */
#define ANGSTROM_BS 0.50

/* Eq. 22 */
double shp_et0_lat_rad(double latitude_deg)
{
    return ET0_PI / 180.0 * latitude_deg;
}

/* Eq. 23 */
double shp_et0_dr(int doy)
{
    return 1.0 + 0.033 * cos(2.0 * ET0_PI / 365.0 * doy);
}

/* Eq. 24 */
double shp_et0_declination(int doy)
{
    return 0.409 * sin(2.0 * ET0_PI / 365.0 * doy - 1.39);
}

/* Eq. 25. Beyond the polar circles −tan φ tan δ leaves [−1, 1]: the sun does not rise
 * (ωs = 0) or does not set (ωs = π). FAO-56 Eqs. 26–27 do the same with X = 1e-5;
 * it warns that Ra has limited validity beyond 55° in winter (p. 47). */
double shp_et0_sunset_angle(double phi, double delta)
{
    const double c = -tan(phi) * tan(delta);
    if (c >= 1.0) return 0.0;
    if (c <= -1.0) return ET0_PI;
    return acos(c);
}

/* Eq. 21: the daily integral of the top-of-atmosphere irradiance on a horizontal
 * surface, 24·60/π Gsc dr [ωs sin φ sin δ + cos φ cos δ sin ωs]. */
double shp_et0_ra(double latitude_deg, int doy)
{
    const double phi = shp_et0_lat_rad(latitude_deg), d = shp_et0_declination(doy);
    const double ws = shp_et0_sunset_angle(phi, d);
    return 24.0 * 60.0 / ET0_PI * GSC * shp_et0_dr(doy) *
           (ws * sin(phi) * sin(d) + cos(phi) * cos(d) * sin(ws));
}

/* Eq. 34 */
double shp_et0_daylight_hours(double latitude_deg, int doy)
{
    return 24.0 / ET0_PI *
           shp_et0_sunset_angle(shp_et0_lat_rad(latitude_deg), shp_et0_declination(doy));
}

/* Eqs. 32–33: the equation of time, in hours. */
double shp_et0_seasonal_correction(int doy)
{
    const double b = 2.0 * ET0_PI * (doy - 81) / 364.0;
    return 0.1645 * sin(2.0 * b) - 0.1255 * cos(b) - 0.025 * sin(b);
}

/* Eq. 31. Longitudes are degrees west of Greenwich (FAO-56's convention); Lz − Lm is
 * taken modulo 360 into [−180, 180], so a site at 359° W (1° E) in the Greenwich zone
 * is 4 minutes of solar time ahead, not 24 hours. */
double shp_et0_solar_time_angle(double t_mid_h, double lz_west_deg, double lm_west_deg, int doy)
{
    const double dl = remainder(lz_west_deg - lm_west_deg, 360.0);
    return ET0_PI / 12.0 * ((t_mid_h + 0.06667 * dl + shp_et0_seasonal_correction(doy)) - 12.0);
}

/* Eq. 28 with the time angles of Eqs. 29–30. FAO-56 (p. 48): a midpoint ω outside
 * [−ωs, ωs] means the sun is below the horizon and Ra = 0. For a period that contains
 * sunrise or sunset, ω1 and ω2 are clipped to [−ωs, ωs]: Eq. 28 integrates the
 * irradiance over the period, and outside ±ωs that integrand would be negative (the
 * same clipping as ASCE-EWRI 2005, Eqs. 56–57). */
double shp_et0_ra_period(double latitude_deg, int doy, double t_mid_h, double lz_west_deg,
                         double lm_west_deg, double tl_h)
{
    const double phi = shp_et0_lat_rad(latitude_deg), d = shp_et0_declination(doy);
    const double ws = shp_et0_sunset_angle(phi, d);
    const double w = shp_et0_solar_time_angle(t_mid_h, lz_west_deg, lm_west_deg, doy);
    /* ω of Eq. 31 is taken into (−π, π]: a clock time near midnight can give an angle
     * just beyond ±π, which is the same hour angle */
    const double wm = remainder(w, 2.0 * ET0_PI);
    if (wm < -ws || wm > ws) return 0.0;
    const double w1 = fmax(wm - ET0_PI * tl_h / 24.0, -ws);
    const double w2 = fmin(wm + ET0_PI * tl_h / 24.0, ws);
    return 12.0 * 60.0 / ET0_PI * GSC * shp_et0_dr(doy) *
           ((w2 - w1) * sin(phi) * sin(d) + cos(phi) * cos(d) * (sin(w2) - sin(w1)));
}

/* Eq. 35 (Angstrom), as and bs of FAO-56 p. 50 for uncalibrated sites. */
double shp_et0_rs_sunshine(double n, double N, double Ra)
{
    return (ANGSTROM_AS + ANGSTROM_BS * n / N) * Ra;
}

/* Eq. 50 (Hargreaves' radiation formula): the daily temperature range stands for the
 * cloudiness; kRs 0.16 interior, 0.19 coastal (FAO-56 p. 60). */
double shp_et0_rs_temperature(double tmax, double tmin, double Ra, int coastal)
{
    return (coastal ? 0.19 : 0.16) * sqrt(tmax - tmin) * Ra;
}

/* Eq. 37; at sea level it is Eq. 36 with as + bs = 0.75. */
double shp_et0_rso(double Ra, double z)
{
    return (0.75 + 2e-5 * z) * Ra;
}

/* Eq. 38 */
double shp_et0_rns(double Rs)
{
    return (1.0 - ALBEDO) * Rs;
}

/* Table 2.8; FAO-56 uses K = °C + 273.16 in Eq. 39 (but 273 in Eq. 6). */
double shp_et0_sigma_tk4(double t)
{
    const double tk = t + 273.16;
    return SIGMA_DAY * (tk * tk) * (tk * tk);
}

/* Eq. 39: Stefan–Boltzmann with the mean of Tmax,K^4 and Tmin,K^4, corrected for
 * humidity (0.34 − 0.14 √ea) and cloudiness (1.35 Rs/Rso − 0.35), with Rs/Rso ≤ 1
 * (FAO-56 p. 52). */
double shp_et0_rnl(double tmax, double tmin, double ea, double rs_rso)
{
    const double r = fmin(rs_rso, 1.0);
    return 0.5 * (shp_et0_sigma_tk4(tmax) + shp_et0_sigma_tk4(tmin)) * (0.34 - 0.14 * sqrt(ea)) *
           (1.35 * r - 0.35);
}

/* Eq. 39 for one hour (FAO-56 p. 74): σ T_hr,K^4 with σ = 4.903e-9/24 MJ K-4 m-2 hour-1. */
double shp_et0_rnl_hour(double t, double ea, double rs_rso)
{
    const double r = fmin(rs_rso, 1.0);
    return shp_et0_sigma_tk4(t) / 24.0 * (0.34 - 0.14 * sqrt(ea)) * (1.35 * r - 0.35);
}

/* Eq. 40 */
double shp_et0_rn(double Rns, double Rnl)
{
    return Rns - Rnl;
}

/* Eq. 43: soil heat capacity 2.1 MJ m-3 °C-1 and a monthly penetration depth. */
double shp_et0_g_month(double t_prev, double t_next)
{
    return 0.07 * (t_next - t_prev);
}

/* Eq. 44: when the next month is not known. */
double shp_et0_g_month_prev(double t_month, double t_prev)
{
    return 0.14 * (t_month - t_prev);
}

/* Eq. 45 in daylight, Eq. 46 at night: hourly G beneath dense grass. */
double shp_et0_g_hour(double Rn, int sun_up)
{
    return (sun_up ? 0.1 : 0.5) * Rn;
}
