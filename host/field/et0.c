/* FAO Penman–Monteith reference evapotranspiration (include/shpfit/et0.h): the
 * equation itself (FAO-56 Eqs. 6 and 53), Hargreaves' ET0 (Eq. 52), and the drivers
 * that go through FAO-56's calculation sheet (Box 11) for a day, a month or an hour,
 * replacing missing data as FAO-56 chapter 3 ("Estimating missing climatic data")
 * recommends. */
#include "shpfit/et0.h"

#include <math.h>

#include "field/et0_internal.h"
#include "shpfit/status.h"

#define U2_DEFAULT 2.0 /* FAO-56 p. 63: the average over 2 000 stations, when no wind data */
#define U2_MIN 0.5     /* FAO-56 p. 63: u2 ≥ 0.5 m/s in Eq. 6 (buoyancy in calm air) */

/* Eq. 6, as its two terms (radiation, aerodynamic): the form of FAO-56's worked
 * examples, so that both can be compared with the printed values. The 900 is
 * 86 400 s/day · ε/(1.01 R 208) (Box 6) and the 0.34 is rs/ra·u2 = 70/208. */
static void pm_terms(double delta, double gamma, double Rn, double G, double T, double u2, double es,
                     double ea, double c_aero, double *rad, double *aero)
{
    const double den = delta + gamma * (1.0 + 0.34 * u2);
    *rad = 0.408 * delta * (Rn - G) / den;
    *aero = gamma * c_aero / (T + 273.0) * u2 * (es - ea) / den;
}

double shp_et0_pm(double delta, double gamma, double Rn, double G, double T, double u2, double es,
                  double ea)
{
    double r, a;
    pm_terms(delta, gamma, Rn, G, T, u2, es, ea, 900.0, &r, &a);
    return r + a;
}

/* Eq. 53: Eq. 6 per hour, 37 ≈ 900/24 (Rn, G in MJ m-2 hour-1). */
double shp_et0_pm_hour(double delta, double gamma, double Rn, double G, double T, double u2,
                       double es, double ea)
{
    double r, a;
    pm_terms(delta, gamma, Rn, G, T, u2, es, ea, 37.0, &r, &a);
    return r + a;
}

/* Eq. 52, with Ra converted to mm/day by Eq. 20 (0.408 = 1/λ). */
double shp_et0_hargreaves(double tmax, double tmin, double tmean, double Ra)
{
    return 0.0023 * (tmean + 17.8) * sqrt(tmax - tmin) * 0.408 * Ra;
}

static void result_clear(shp_et0_result *r)
{
    r->et0 = r->et0_rad = r->et0_aero = r->et0_hargreaves = NAN;
    r->tmean = r->P = r->gamma = r->delta = r->es = r->ea = r->u2 = NAN;
    r->Ra = r->N = r->Rs = r->Rso = r->rs_rso = r->Rns = r->Rnl = r->Rn = r->G = NAN;
    r->u2_default = 0;
    r->ea_method = SHP_ET0_EA_COUNT;
    r->rs_method = SHP_ET0_RS_COUNT;
    r->sun_up = r->before_sunset = 0;
}

/* u2 for Eq. 6: Eq. 47 from another height, 2 m/s when no wind is given, and at least
 * 0.5 m/s (all FAO-56 p. 63 but Eq. 47). */
static void wind(double u, double z, shp_et0_result *out)
{
    double u2;
    if (isnan(u)) {
        u2 = U2_DEFAULT;
        out->u2_default = 1;
    } else {
        /* at z = 2 m Eq. 47's factor is 1.0002, not 1: a 2 m reading is taken as is */
        u2 = isnan(z) || z == 2.0 ? u : shp_et0_u2(u, z);
    }
    out->u2 = fmax(u2, U2_MIN);
}

/* ea of a day in FAO-56's order of preference (Box 11; Eq. 19 "less desirable than
 * Eqs. 17 or 18", p. 39), Tmin when there is no humidity at all (Eq. 48). */
static void day_ea(const shp_et0_day *d, shp_et0_result *out)
{
    if (!isnan(d->ea)) {
        out->ea = d->ea;
        out->ea_method = SHP_ET0_EA_GIVEN;
    } else if (!isnan(d->tdew)) {
        out->ea = shp_et0_ea_tdew(d->tdew);
        out->ea_method = SHP_ET0_EA_TDEW;
    } else if (!isnan(d->rh_max) && !isnan(d->rh_min)) {
        out->ea = shp_et0_ea_rh_max_min(d->tmax, d->tmin, d->rh_max, d->rh_min);
        out->ea_method = SHP_ET0_EA_RH_MAX_MIN;
    } else if (!isnan(d->rh_max)) {
        out->ea = shp_et0_ea_rh_max(d->tmin, d->rh_max);
        out->ea_method = SHP_ET0_EA_RH_MAX;
    } else if (!isnan(d->rh_mean)) {
        out->ea = shp_et0_ea_rh_mean(d->tmax, d->tmin, d->rh_mean);
        out->ea_method = SHP_ET0_EA_RH_MEAN;
    } else {
        out->ea = shp_et0_ea_tmin(d->tmin);
        out->ea_method = SHP_ET0_EA_TMIN;
    }
}

/* Rs of a day: measured, else Angstrom from sunshine hours (Eq. 35), else Hargreaves'
 * radiation formula (Eq. 50) limited to ≤ Rso (FAO-56 p. 61). */
static int day_rs(const shp_et0_site *s, const shp_et0_day *d, shp_et0_result *out, char *msg,
                  size_t len)
{
    if (!isnan(d->rs)) {
        out->Rs = d->rs;
        out->rs_method = SHP_ET0_RS_GIVEN;
    } else if (!isnan(d->sunshine_h)) {
        if (d->sunshine_h > out->N)
            return shp_refuse(msg, len,
                                  "sunshine_h must be <= the daylight hours N = %.2f h of day %d at "
                                  "%g deg (Eq. 34) (got %g)",
                                  out->N, d->doy, s->latitude_deg, d->sunshine_h);
        out->Rs = out->N > 0.0 ? shp_et0_rs_sunshine(d->sunshine_h, out->N, out->Ra) : 0.0;
        out->rs_method = SHP_ET0_RS_SUNSHINE;
    } else {
        out->Rs = fmin(shp_et0_rs_temperature(d->tmax, d->tmin, out->Ra, s->coastal), out->Rso);
        out->rs_method = SHP_ET0_RS_TEMPERATURE;
    }
    return SHP_OK;
}

static int day_or_month(const shp_et0_site *s, const shp_et0_day *d, int monthly,
                        shp_et0_result *out, char *msg, size_t len)
{
    result_clear(out);
    int st = shp_et0_check_site(s, 0, msg, len);
    if (st == SHP_OK) st = shp_et0_check_day(d, monthly, msg, len);
    if (st != SHP_OK) return st;

    /* parameters: Eq. 9 unless the caller has its own mean, Eqs. 7, 8, 13 */
    out->tmean = isnan(d->tmean) ? 0.5 * (d->tmax + d->tmin) : d->tmean;
    out->P = shp_et0_pressure(s->elevation_m);
    out->gamma = shp_et0_gamma(out->P);
    out->delta = shp_et0_delta(out->tmean);

    /* vapour pressure deficit: Eq. 12, ea */
    out->es = shp_et0_es(d->tmax, d->tmin);
    day_ea(d, out);
    const double es_max = shp_et0_svp(d->tmax);
    if (out->ea_method == SHP_ET0_EA_GIVEN && out->ea > es_max)
        return shp_refuse(msg, len, "ea must be <= e0(tmax) = %.4g kPa (Eq. 11) (got %g)",
                              es_max, out->ea);

    /* radiation: Eqs. 21, 34, 37, 35/50, 38, 39, 40 */
    out->Ra = shp_et0_ra(s->latitude_deg, d->doy);
    out->N = shp_et0_daylight_hours(s->latitude_deg, d->doy);
    out->Rso = shp_et0_rso(out->Ra, s->elevation_m);
    st = day_rs(s, d, out, msg, len);
    if (st != SHP_OK) return st;
    if (!(out->Rso > 0.0))
        return shp_refuse(msg, len,
                              "Ra = 0 on day %d at %g deg (polar night): Eq. 39 needs Rs/Rso, "
                              "which FAO-56 does not define there",
                              d->doy, s->latitude_deg);
    out->rs_rso = fmin(out->Rs / out->Rso, 1.0);
    out->Rns = shp_et0_rns(out->Rs);
    out->Rnl = shp_et0_rnl(d->tmax, d->tmin, out->ea, out->rs_rso);
    out->Rn = shp_et0_rn(out->Rns, out->Rnl);

    /* soil heat flux: Eq. 42 for days; Eq. 43 or 44 for months, 0 without the months
     * around (FAO-56 p. 69 says it may then matter in spring and autumn) */
    out->G = 0.0;
    if (monthly && !isnan(d->t_month_prev))
        out->G = isnan(d->t_month_next) ? shp_et0_g_month_prev(out->tmean, d->t_month_prev)
                                        : shp_et0_g_month(d->t_month_prev, d->t_month_next);

    wind(d->u, d->u_height, out);
    pm_terms(out->delta, out->gamma, out->Rn, out->G, out->tmean, out->u2, out->es, out->ea, 900.0,
             &out->et0_rad, &out->et0_aero);
    out->et0 = out->et0_rad + out->et0_aero;
    out->et0_hargreaves = shp_et0_hargreaves(d->tmax, d->tmin, out->tmean, out->Ra);
    return SHP_OK;
}

shp_status shp_et0_daily(const shp_et0_site *site, const shp_et0_day *day, shp_et0_result *out,
                         char *msg, size_t len)
{
    return day_or_month(site, day, 0, out, msg, len);
}

shp_status shp_et0_monthly(const shp_et0_site *site, const shp_et0_day *month, shp_et0_result *out,
                           char *msg, size_t len)
{
    return day_or_month(site, month, 1, out, msg, len);
}

shp_status shp_et0_hourly(const shp_et0_site *s, const shp_et0_hour *h, shp_et0_result *out, char *msg,
                          size_t len)
{
    result_clear(out);
    int st = shp_et0_check_site(s, 1, msg, len);
    if (st == SHP_OK) st = shp_et0_check_hour(h, msg, len);
    if (st != SHP_OK) return st;

    /* parameters at the hour's temperature (Eq. 53 uses T_hr throughout) */
    out->tmean = h->t;
    out->P = shp_et0_pressure(s->elevation_m);
    out->gamma = shp_et0_gamma(out->P);
    out->delta = shp_et0_delta(h->t);
    out->es = shp_et0_svp(h->t);
    if (!isnan(h->ea)) {
        if (h->ea > out->es)
            return shp_refuse(msg, len, "ea must be <= e0(t) = %.4g kPa (Eq. 11) (got %g)",
                                  out->es, h->ea);
        out->ea = h->ea;
        out->ea_method = SHP_ET0_EA_GIVEN;
    } else if (!isnan(h->tdew)) {
        out->ea = shp_et0_ea_tdew(h->tdew);
        out->ea_method = SHP_ET0_EA_TDEW;
    } else if (!isnan(h->rh)) {
        out->ea = shp_et0_ea_rh_hour(h->t, h->rh);
        out->ea_method = SHP_ET0_EA_RH_HOUR;
    } else {
        /* Eq. 48 is a statement about the daily minimum: it has no hourly form */
        return shp_refuse(msg, len, "an hour needs its humidity: ea, tdew or rh");
    }

    /* the sun: Eqs. 22–25, 31; the hour's Ra, Eq. 28 */
    const double phi = shp_et0_lat_rad(s->latitude_deg), dec = shp_et0_declination(h->doy);
    const double ws = shp_et0_sunset_angle(phi, dec);
    const double w = remainder(
        shp_et0_solar_time_angle(h->t_mid_h, s->lz_west_deg, s->lm_west_deg, h->doy),
        2.0 * 3.14159265358979323846);
    out->sun_up = w >= -ws && w <= ws;
    out->before_sunset = out->sun_up && w >= ws - 0.79 && w <= ws - 0.52;
    out->Ra = shp_et0_ra_period(s->latitude_deg, h->doy, h->t_mid_h, s->lz_west_deg,
                                s->lm_west_deg, 1.0);
    out->Rso = shp_et0_rso(out->Ra, s->elevation_m);

    /* Rs/Rso of Eq. 39: measured by day; at night the caller's stand-in (FAO-56 p. 75) */
    if (out->sun_up) {
        if (isnan(h->rs)) return shp_refuse(msg, len, "rs is required while the sun is up");
        out->Rs = h->rs;
        out->rs_method = SHP_ET0_RS_GIVEN;
        if (out->Rso > 0.0) {
            out->rs_rso = fmin(out->Rs / out->Rso, 1.0);
        } else if (!isnan(h->rs_rso_night)) {
            out->rs_rso = h->rs_rso_night; /* the sun on the horizon: no clear-sky ratio */
        } else {
            return shp_refuse(msg, len, "rs_rso_night is required: Rso = 0 at this hour");
        }
    } else {
        if (isnan(h->rs_rso_night))
            return shp_refuse(msg, len,
                                  "rs_rso_night is required while the sun is down (FAO-56 p. 75: "
                                  "the Rs/Rso of 2-3 h before sunset, or 0.4-0.6 humid, 0.7-0.8 arid)");
        out->Rs = isnan(h->rs) ? 0.0 : h->rs;
        out->rs_method = isnan(h->rs) ? SHP_ET0_RS_NIGHT : SHP_ET0_RS_GIVEN;
        out->rs_rso = h->rs_rso_night;
    }
    out->Rns = shp_et0_rns(out->Rs);
    out->Rnl = shp_et0_rnl_hour(h->t, out->ea, out->rs_rso);
    out->Rn = shp_et0_rn(out->Rns, out->Rnl);
    out->G = shp_et0_g_hour(out->Rn, out->sun_up);

    wind(h->u, h->u_height, out);
    pm_terms(out->delta, out->gamma, out->Rn, out->G, h->t, out->u2, out->es, out->ea, 37.0,
             &out->et0_rad, &out->et0_aero);
    out->et0 = out->et0_rad + out->et0_aero;
    return SHP_OK;
}
