/* Reference evapotranspiration ET0 of the FAO Penman–Monteith method (Allen, Pereira,
 * Raes & Smith 1998, FAO Irrigation and Drainage Paper 56, "FAO-56" below): the grass
 * reference surface (h = 0.12 m, rs = 70 s/m, albedo 0.23) for daily and monthly
 * periods (Eq. 6) and for hourly periods (Eq. 53), with every intermediate of FAO-56
 * chapter 3 as its own function, and the Hargreaves temperature-only ET0 (Eq. 52).
 *
 * The first building block of an atmospheric top boundary for the soil column: a
 * weather station's day (Tmax, Tmin, humidity, radiation or sunshine, wind) gives the
 * potential rate that the column's surface flux is limited by.
 *
 * Units are FAO-56's, not the project's: °C, kPa, m/s, MJ m-2 day-1 (MJ m-2 hour-1 in
 * the hourly functions), ET0 in mm/day (mm/hour). A caller that drives a column in cm
 * and min converts: 1 mm/day = 0.1 cm / 1440 min.
 *
 *   shp_et0_site site = shp_et0_site_empty();
 *   site.latitude_deg = 50.8; site.elevation_m = 100.0;
 *   shp_et0_day d = shp_et0_day_empty();            // every input missing (NaN)
 *   d.doy = 187; d.tmax = 21.5; d.tmin = 12.3; d.rh_max = 84; d.rh_min = 63;
 *   d.sunshine_h = 9.25; d.u = 2.78; d.u_height = 10.0;
 *   shp_et0_result r;
 *   char msg[160];
 *   if (shp_et0_daily(&site, &d, &r, msg, sizeof msg) == SHP_OK) ...  // r.et0 = 3.88
 *
 * A missing input is NaN. What replaces it (docs/field.md, "Reference
 * evapotranspiration"): Rs from sunshine hours (Eq. 35), else from Tmax − Tmin
 * (Eq. 50); ea from Tdew, RHmax/RHmin, RHmax, RHmean, else from Tmin (Eq. 48); wind
 * 2 m/s. Impossible input (Tmin > Tmax, RH outside 0–100, |latitude| > 90, day outside
 * 1–366, …) is refused with SHP_ERR_INVALID and a message; nothing is printed. */
#ifndef SHPFIT_ET0_H
#define SHPFIT_ET0_H

#include <stddef.h>

#include "status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ inputs */

/* Where the station is. */
typedef struct {
    double latitude_deg; /* decimal degrees, + north, − south, within ±90 */
    double elevation_m;  /* above sea level */
    int coastal;         /* 1: kRs = 0.19 in Eq. 50 (coastal), 0: 0.16 (interior) */
    /* hourly periods only (Eq. 31), in FAO-56's convention of degrees WEST of
     * Greenwich, 0–360: Lz of the local time zone's centre (0 Greenwich, 75 US Eastern,
     * 255 Bangkok), Lm of the site */
    double lz_west_deg, lm_west_deg;
} shp_et0_site;

/* One day, or one month of mean daily values (doy = the 15th of the month, FAO-56
 * Table 2.5). NaN = missing, except doy. */
typedef struct {
    int doy;                         /* day of the year J, 1–366 */
    double tmax, tmin;               /* °C, required */
    double tmean;                    /* °C; missing: (Tmax + Tmin)/2, Eq. 9 */
    double ea;                       /* actual vapour pressure if known, kPa */
    double tdew;                     /* dewpoint, °C */
    double rh_max, rh_min, rh_mean;  /* %; rh_min only together with rh_max */
    double rs;                       /* solar radiation, MJ m-2 day-1 */
    double sunshine_h;               /* actual duration of sunshine n, hours */
    double u;                        /* wind speed at u_height, m/s */
    double u_height;                 /* m; missing: 2 m */
    /* monthly periods only (soil heat flux, Eqs. 43–44): mean air temperature of the
     * previous and of the next month, °C */
    double t_month_prev, t_month_next;
} shp_et0_day;

/* One hour (FAO-56 Eq. 53). NaN = missing, except doy. */
typedef struct {
    int doy;          /* day of the year J, 1–366 */
    double t_mid_h;   /* standard clock time at the middle of the hour: 14.5 for 14–15 h */
    double t;         /* mean hourly air temperature, °C, required */
    double ea;        /* kPa; or: */
    double tdew;      /* °C; or: */
    double rh;        /* mean hourly relative humidity, % (Eq. 54) */
    double rs;        /* solar radiation, MJ m-2 hour-1; required while the sun is up */
    double u;         /* wind speed at u_height, m/s */
    double u_height;  /* m; missing: 2 m */
    /* Rs/Rso that stands for the cloudiness of a night hour: FAO-56 p. 75 takes the
     * ratio of an hour 2–3 h before sunset (shp_et0_result.before_sunset marks it), or
     * 0.4–0.6 (humid) / 0.7–0.8 (arid); required while the sun is down */
    double rs_rso_night;
} shp_et0_hour;

/* A site, a day and an hour with every input missing (NaN; doy 0, coastal 0), to be
 * filled with what a station has. */
shp_et0_site shp_et0_site_empty(void);
shp_et0_day shp_et0_day_empty(void);
shp_et0_hour shp_et0_hour_empty(void);

/* ------------------------------------------------------------------ result */

/* Where ea came from, in FAO-56's order of preference. */
typedef enum {
    SHP_ET0_EA_GIVEN,      /* the input's ea */
    SHP_ET0_EA_TDEW,       /* Eq. 14 */
    SHP_ET0_EA_RH_MAX_MIN, /* Eq. 17 */
    SHP_ET0_EA_RH_MAX,     /* Eq. 18 */
    SHP_ET0_EA_RH_MEAN,    /* Eq. 19 */
    SHP_ET0_EA_TMIN,       /* Eq. 48: humidity missing, Tdew ≈ Tmin */
    SHP_ET0_EA_RH_HOUR,    /* Eq. 54 (hourly) */
    SHP_ET0_EA_COUNT
} shp_et0_ea_method;

/* Where Rs came from. */
typedef enum {
    SHP_ET0_RS_GIVEN,       /* measured */
    SHP_ET0_RS_SUNSHINE,    /* Eq. 35, Angstrom with as = 0.25, bs = 0.50 */
    SHP_ET0_RS_TEMPERATURE, /* Eq. 50, Hargreaves' radiation formula, ≤ Rso */
    SHP_ET0_RS_NIGHT,       /* hourly, sun below the horizon: Rs = 0 */
    SHP_ET0_RS_COUNT
} shp_et0_rs_method;

/* "rh_max_min", "sunshine", …; "unknown" out of range. */
const char *shp_et0_ea_method_name(int m);
const char *shp_et0_rs_method_name(int m);

/* ET0 and every intermediate, so that a user can check them against FAO-56's worked
 * examples. Energies per day (per hour from shp_et0_hourly). */
typedef struct {
    double et0;       /* mm/day (mm/hour) */
    double et0_rad;   /* radiation term of Eq. 6: 0.408 Δ (Rn − G)/(Δ + γ(1 + 0.34 u2)) */
    double et0_aero;  /* aerodynamic term: γ 900/(T + 273) u2 (es − ea)/(Δ + γ(1 + 0.34 u2)) */
    double et0_hargreaves; /* Eq. 52, mm/day (daily and monthly only, NaN hourly) */
    double tmean;     /* °C: the T of Δ and of Eq. 6 */
    double P;         /* kPa, Eq. 7 */
    double gamma;     /* kPa/°C, Eq. 8 */
    double delta;     /* kPa/°C, Eq. 13 */
    double es;        /* kPa, Eq. 12 (hourly: e°(Thr), Eq. 11) */
    double ea;        /* kPa */
    double u2;        /* m/s at 2 m, as used in Eq. 6: Eq. 47, default 2, at least 0.5 */
    int u2_default;   /* 1: no wind given, u2 = 2 m/s */
    double Ra;        /* extraterrestrial radiation, Eq. 21 (hourly: Eq. 28) */
    double N;         /* daylight hours, Eq. 34 (hourly: NaN) */
    double Rs, Rso;   /* solar and clear-sky solar radiation, Eqs. 35/50 and 37 */
    double rs_rso;    /* Rs/Rso as used in Eq. 39 (limited to ≤ 1) */
    double Rns, Rnl, Rn, G; /* Eqs. 38, 39, 40 and 42–46 */
    shp_et0_ea_method ea_method;
    shp_et0_rs_method rs_method;
    /* hourly only (0 otherwise): the sun is above the horizon at the middle of the
     * hour; the hour lies 2–3 h before sunset, (ωs − 0.79) ≤ ω ≤ (ωs − 0.52), FAO-56
     * p. 75: its rs_rso is the one to carry into the night (shp_et0_hour.rs_rso_night) */
    int sun_up, before_sunset;
} shp_et0_result;

/* ------------------------------------------------------------------ ET0 */

/* FAO Penman–Monteith ET0 of one day, Eq. 6, soil heat flux G = 0 (Eq. 42). */
shp_status shp_et0_daily(const shp_et0_site *site, const shp_et0_day *day, shp_et0_result *out,
                         char *msg, size_t len);

/* The same for one month of mean daily values, with G of Eq. 43 (previous and next
 * month given) or Eq. 44 (previous month only; Tmonth,i is the month's Tmean), else 0. */
shp_status shp_et0_monthly(const shp_et0_site *site, const shp_et0_day *month, shp_et0_result *out,
                           char *msg, size_t len);

/* FAO Penman–Monteith ET0 of one hour, Eq. 53, with G of Eqs. 45/46 and Ra of Eq. 28.
 * The site's lz_west_deg and lm_west_deg are required. */
shp_status shp_et0_hourly(const shp_et0_site *site, const shp_et0_hour *hour, shp_et0_result *out,
                          char *msg, size_t len);

/* ------------------------------------------------------------------ the equations
 * No argument checks: the three functions above check their input first. */

/* Atmosphere */
double shp_et0_pressure(double z);                  /* P [kPa] at elevation z [m], Eq. 7 */
double shp_et0_gamma(double P);                     /* γ [kPa/°C], Eq. 8 */
double shp_et0_svp(double T);                       /* e°(T) [kPa], Eq. 11 */
double shp_et0_es(double tmax, double tmin);        /* es [kPa], Eq. 12 */
double shp_et0_delta(double T);                     /* Δ [kPa/°C], Eq. 13 */

/* Actual vapour pressure ea [kPa] */
double shp_et0_ea_tdew(double tdew);                                      /* Eq. 14 */
double shp_et0_ea_rh_max_min(double tmax, double tmin, double rh_max, double rh_min); /* Eq. 17 */
double shp_et0_ea_rh_max(double tmin, double rh_max);                     /* Eq. 18 */
double shp_et0_ea_rh_mean(double tmax, double tmin, double rh_mean);      /* Eq. 19 */
double shp_et0_ea_tmin(double tmin);                                      /* Eq. 48 */
double shp_et0_ea_rh_hour(double t, double rh);                           /* Eq. 54 */

/* Sun and extraterrestrial radiation */
double shp_et0_lat_rad(double latitude_deg);        /* φ [rad], Eq. 22 */
double shp_et0_dr(int doy);                         /* inverse relative distance Earth–Sun, Eq. 23 */
double shp_et0_declination(int doy);                /* δ [rad], Eq. 24 */
double shp_et0_sunset_angle(double phi, double delta); /* ωs [rad], Eq. 25 (0 / π in polar night / day) */
double shp_et0_ra(double latitude_deg, int doy);    /* Ra [MJ m-2 day-1], Eq. 21 */
double shp_et0_daylight_hours(double latitude_deg, int doy); /* N [hour], Eq. 34 */
double shp_et0_seasonal_correction(int doy);        /* Sc [hour], Eqs. 32–33 */
/* ω [rad] at the middle of a period, Eq. 31 (t clock hours, longitudes ° west) */
double shp_et0_solar_time_angle(double t_mid_h, double lz_west_deg, double lm_west_deg, int doy);
/* Ra [MJ m-2 per period] of a period of tl hours (≤ 1) centred on t_mid_h, Eqs. 28–31;
 * 0 when the sun is below the horizon at the middle of the period */
double shp_et0_ra_period(double latitude_deg, int doy, double t_mid_h, double lz_west_deg,
                         double lm_west_deg, double tl_h);

/* Radiation at the surface, MJ m-2 per period */
double shp_et0_rs_sunshine(double n, double N, double Ra);              /* Eq. 35 */
double shp_et0_rs_temperature(double tmax, double tmin, double Ra, int coastal); /* Eq. 50 */
double shp_et0_rso(double Ra, double z);                                /* Eq. 37 */
double shp_et0_rns(double Rs);                                          /* Eq. 38 */
/* σ T_K^4 [MJ m-2 day-1] at T °C (K = °C + 273.16): the Stefan–Boltzmann term of Eq. 39,
 * FAO-56 Table 2.8 */
double shp_et0_sigma_tk4(double t);
/* Eq. 39 for 24-hour periods; rs_rso is limited to ≤ 1 here */
double shp_et0_rnl(double tmax, double tmin, double ea, double rs_rso);
/* Eq. 39 for one hour: σ T_hr,K^4 with σ/24 (FAO-56 p. 74) */
double shp_et0_rnl_hour(double t, double ea, double rs_rso);
double shp_et0_rn(double Rns, double Rnl);                              /* Eq. 40 */

/* Soil heat flux G, MJ m-2 per period */
double shp_et0_g_month(double t_prev, double t_next);      /* Eq. 43 */
double shp_et0_g_month_prev(double t_month, double t_prev); /* Eq. 44 */
double shp_et0_g_hour(double Rn, int sun_up);               /* Eq. 45 (day), Eq. 46 (night) */

/* Wind */
double shp_et0_u2(double uz, double z);             /* u2 from uz measured at z m, Eq. 47 */

/* ET0: Eq. 6 [mm/day] (T mean daily temperature), Eq. 53 [mm/hour] (Rn, G per hour) */
double shp_et0_pm(double delta, double gamma, double Rn, double G, double T, double u2,
                  double es, double ea);
double shp_et0_pm_hour(double delta, double gamma, double Rn, double G, double T, double u2,
                       double es, double ea);
/* Hargreaves ET0 [mm/day], Eq. 52, Ra in MJ m-2 day-1 */
double shp_et0_hargreaves(double tmax, double tmin, double tmean, double Ra);

#ifdef __cplusplus
}
#endif

#endif
