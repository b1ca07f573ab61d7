/* Input checks of the ET0 drivers (host/field/et0_internal.h), the empty inputs and
 * the names of the ea and Rs methods.
 *
 * NaN is "missing"; ±inf and out-of-range values are refused. The ranges are those of
 * the Earth's surface, not of a climate: air and dewpoint temperature −90 … 60 °C
 * (Eq. 11 itself fails at −237.3 °C), elevation −500 … 9000 m (Eq. 7 turns negative
 * above 45 km), relative humidity 0 … 100 %, wind ≥ 0, a wind height at which Eq. 47's
 * logarithm is positive (z > 0.095 m). */
#include "field/et0_internal.h"

#include <math.h>
#include <stdio.h>

#include "shpfit/status.h"

#define T_LO (-90.0)
#define T_HI 60.0

/* A value that may be missing (NaN) unless required; when present, within [lo, hi]. */
static int check_value(const char *name, double v, double lo, double hi, int required, char *msg,
                       size_t len)
{
    if (isnan(v))
        return required ? shp_refuse(msg, len, "%s is required (got a missing value)", name)
                        : SHP_OK;
    if (!(v >= lo && v <= hi))
        return shp_refuse(msg, len, "%s must be within [%g, %g] (got %g)", name, lo, hi, v);
    return SHP_OK;
}

#define CHECK(name, v, lo, hi, req)                                                        \
    do {                                                                                   \
        const int st_ = check_value(name, v, lo, hi, req, msg, len);                       \
        if (st_ != SHP_OK) return st_;                                                     \
    } while (0)

static int check_doy(int doy, char *msg, size_t len)
{
    if (doy < 1 || doy > 366)
        return shp_refuse(msg, len, "doy must be within [1, 366] (got %d)", doy);
    return SHP_OK;
}

int shp_et0_check_site(const shp_et0_site *s, int hourly, char *msg, size_t len)
{
    if (!s) return shp_refuse(msg, len, "no site");
    CHECK("latitude_deg", s->latitude_deg, -90.0, 90.0, 1);
    CHECK("elevation_m", s->elevation_m, -500.0, 9000.0, 1);
    if (hourly) {
        CHECK("lz_west_deg", s->lz_west_deg, -360.0, 360.0, 1);
        CHECK("lm_west_deg", s->lm_west_deg, -360.0, 360.0, 1);
    }
    return SHP_OK;
}

/* The humidity inputs common to days and hours: dewpoint not above the air's
 * (temperature t_top: Tmax of a day, T of an hour), ea positive. */
static int check_humidity(double ea, double tdew, double t_top, const char *top_name, char *msg,
                          size_t len)
{
    CHECK("ea", ea, 0.0, HUGE_VAL, 0);
    if (ea == 0.0) return shp_refuse(msg, len, "ea must be > 0 (got 0)");
    CHECK("tdew", tdew, T_LO, T_HI, 0);
    if (tdew > t_top)
        return shp_refuse(msg, len, "tdew must be <= %s (got %g > %g)", top_name, tdew, t_top);
    return SHP_OK;
}

static int check_wind(double u, double z, char *msg, size_t len)
{
    CHECK("u", u, 0.0, HUGE_VAL, 0);
    /* Eq. 47: ln(67.8 z − 5.42) > 0 ⇔ z > 6.42/67.8 */
    if (!isnan(z) && !(z > 6.42 / 67.8 && isfinite(z)))
        return shp_refuse(msg, len, "u_height must be > 0.095 m (Eq. 47) (got %g)", z);
    return SHP_OK;
}

int shp_et0_check_day(const shp_et0_day *d, int monthly, char *msg, size_t len)
{
    if (!d) return shp_refuse(msg, len, "no day");
    const int st = check_doy(d->doy, msg, len);
    if (st != SHP_OK) return st;
    CHECK("tmax", d->tmax, T_LO, T_HI, 1);
    CHECK("tmin", d->tmin, T_LO, T_HI, 1);
    if (d->tmin > d->tmax)
        return shp_refuse(msg, len, "tmin must be <= tmax (got %g > %g)", d->tmin, d->tmax);
    if (!isnan(d->tmean) && !(d->tmean >= d->tmin && d->tmean <= d->tmax))
        return shp_refuse(msg, len, "tmean must be within [tmin, tmax] = [%g, %g] (got %g)",
                              d->tmin, d->tmax, d->tmean);
    const int sh = check_humidity(d->ea, d->tdew, d->tmax, "tmax", msg, len);
    if (sh != SHP_OK) return sh;
    CHECK("rh_max", d->rh_max, 0.0, 100.0, 0);
    CHECK("rh_min", d->rh_min, 0.0, 100.0, 0);
    CHECK("rh_mean", d->rh_mean, 0.0, 100.0, 0);
    /* FAO-56 has no equation for RHmin alone; dropping a value the caller gave would
     * hide a mistake, so it is refused rather than ignored */
    if (!isnan(d->rh_min) && isnan(d->rh_max))
        return shp_refuse(msg, len,
                              "rh_min needs rh_max (FAO-56 Eq. 17); give rh_max, or rh_mean (Eq. 19)");
    if (d->rh_min > d->rh_max)
        return shp_refuse(msg, len, "rh_min must be <= rh_max (got %g > %g)", d->rh_min,
                              d->rh_max);
    CHECK("rs", d->rs, 0.0, HUGE_VAL, 0);
    CHECK("sunshine_h", d->sunshine_h, 0.0, 24.0, 0);
    const int sw = check_wind(d->u, d->u_height, msg, len);
    if (sw != SHP_OK) return sw;
    if (monthly) {
        CHECK("t_month_prev", d->t_month_prev, T_LO, T_HI, 0);
        CHECK("t_month_next", d->t_month_next, T_LO, T_HI, 0);
        if (isnan(d->t_month_prev) && !isnan(d->t_month_next))
            return shp_refuse(msg, len,
                                  "t_month_next needs t_month_prev (FAO-56 Eq. 43; Eq. 44 uses the "
                                  "previous month only)");
    }
    return SHP_OK;
}

int shp_et0_check_hour(const shp_et0_hour *h, char *msg, size_t len)
{
    if (!h) return shp_refuse(msg, len, "no hour");
    const int st = check_doy(h->doy, msg, len);
    if (st != SHP_OK) return st;
    CHECK("t_mid_h", h->t_mid_h, 0.0, 24.0, 1);
    CHECK("t", h->t, T_LO, T_HI, 1);
    const int sh = check_humidity(h->ea, h->tdew, h->t, "t", msg, len);
    if (sh != SHP_OK) return sh;
    CHECK("rh", h->rh, 0.0, 100.0, 0);
    CHECK("rs", h->rs, 0.0, HUGE_VAL, 0);
    CHECK("rs_rso_night", h->rs_rso_night, 0.0, 1.0, 0);
    return check_wind(h->u, h->u_height, msg, len);
}

shp_et0_site shp_et0_site_empty(void)
{
    shp_et0_site s;
    s.latitude_deg = s.elevation_m = s.lz_west_deg = s.lm_west_deg = NAN;
    s.coastal = 0;
    return s;
}

shp_et0_day shp_et0_day_empty(void)
{
    shp_et0_day d;
    d.doy = 0;
    d.tmax = d.tmin = d.tmean = d.ea = d.tdew = d.rh_max = d.rh_min = d.rh_mean = NAN;
    d.rs = d.sunshine_h = d.u = d.u_height = d.t_month_prev = d.t_month_next = NAN;
    return d;
}

shp_et0_hour shp_et0_hour_empty(void)
{
    shp_et0_hour h;
    h.doy = 0;
    h.t_mid_h = h.t = h.ea = h.tdew = h.rh = h.rs = h.u = h.u_height = h.rs_rso_night = NAN;
    return h;
}

static const char *const ea_names[SHP_ET0_EA_COUNT] = {
    "given", "tdew", "rh_max_min", "rh_max", "rh_mean", "tmin", "rh_hour"};
static const char *const rs_names[SHP_ET0_RS_COUNT] = {"given", "sunshine", "temperature",
                                                       "night"};

const char *shp_et0_ea_method_name(int m)
{
    return m >= 0 && m < SHP_ET0_EA_COUNT ? ea_names[m] : "unknown";
}

const char *shp_et0_rs_method_name(int m)
{
    return m >= 0 && m < SHP_ET0_RS_COUNT ? rs_names[m] : "unknown";
}
