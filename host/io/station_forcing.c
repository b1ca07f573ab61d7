/* The daily forcing of a station record (include/shpfit/station.h): weather gaps filled,
 * FAO-56 ET0 per day (include/shpfit/et0.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/station_internal.h"
#include "shpfit/et0.h"
#include "shpfit/status.h"

#define FAO56_DEFAULT_WIND 2.0 /* m/s at 2 m, FAO-56 p. 63 */

shp_forcing_options shp_forcing_options_default(void)
{
    shp_forcing_options o;
    o.max_gap = 3;
    o.fill_precip_zero = 0;
    o.elevation_m = NAN;
    o.et0 = SHP_FORCING_ET0_PENMAN_MONTEITH;
    return o;
}

void shp_station_forcing_free(shp_station_forcing *f)
{
    if (!f) return;
    for (int v = 0; v < SHP_STATION_NVAR; ++v) free(f->var[v]);
    free(f->et0_mm);
    free(f->filled);
    memset(f, 0, sizeof *f);
}

/* Fill the gaps of x (n days) in place: interpolated between the neighbours when at
 * most max_gap days long, else refused. */
static int fill_linear(const shp_station_record *r, int v, double *x, unsigned *filled, int *count, int max_gap,
                       char *msg, size_t len)
{
    const int n = r->n_days;
    for (int i = 0; i < n; ++i) {
        if (!isnan(x[i])) continue;
        int j = i;
        while (j < n && isnan(x[j])) ++j; /* the gap is i .. j-1 */
        const int g = j - i;
        char a[16], b[16];
        shp_date_iso(r->first_day + i, a, sizeof a);
        shp_date_iso(r->first_day + j - 1, b, sizeof b);
        if (i == 0 || j == n)
            return shp_refuse(msg, len,
                                      "%s: field %s: %d missing day%s from %s to %s at the %s of the period: no "
                                      "neighbour to interpolate from (choose a period without it)",
                                      r->source, shp_station_var_name(v), g, g == 1 ? "" : "s", a, b,
                                      i == 0 ? "start" : "end");
        if (g > max_gap)
            return shp_refuse(msg, len,
                                      "%s: field %s: gap of %d days from %s to %s is longer than the %d day%s that are "
                                      "filled",
                                      r->source, shp_station_var_name(v), g, a, b, max_gap, max_gap == 1 ? "" : "s");
        for (int k = i; k < j; ++k) {
            const double w = (double)(k - i + 1) / (g + 1);
            x[k] = (1 - w) * x[i - 1] + w * x[j];
            filled[k] |= SHP_FORCING_FILLED(v);
            ++*count;
        }
        i = j - 1;
    }
    return SHP_OK;
}

shp_status shp_station_forcing_build(const shp_station_record *r, const shp_forcing_options *o, shp_station_forcing *f,
                                     char *msg, size_t len)
{
    memset(f, 0, sizeof *f);
    if (!r->has_weather)
        return shp_refuse(msg, len, "%s: the %s format has no weather: no forcing", r->source,
                                  shp_station_format_name(r->format));
    const int hargreaves = o->et0 == SHP_FORCING_ET0_HARGREAVES;
    if (!hargreaves && o->et0 != SHP_FORCING_ET0_PENMAN_MONTEITH)
        return shp_refuse(msg, len, "unknown ET0 method %d", o->et0);
    if (!hargreaves && !isfinite(o->elevation_m))
        return shp_refuse(msg, len, "%s: the station's elevation is not known (ET0 needs it)", r->source);
    if (hargreaves && !(fabs(r->latitude_deg) <= 90.0))
        return shp_refuse(msg, len, "%s: the station's latitude is not known (Hargreaves' Ra needs it)",
                                r->source);
    if (o->max_gap < 0) return shp_refuse(msg, len, "the longest gap to fill must be >= 0 days");
    const int n = r->n_days;
    f->first_day = r->first_day;
    f->n_days = n;
    f->wind_m_s = FAO56_DEFAULT_WIND;
    f->et0_mm = malloc(sizeof(double) * (size_t)n);
    f->filled = calloc((size_t)n, sizeof(unsigned));
    int rc = f->et0_mm && f->filled ? SHP_OK : SHP_ERR_NOMEM;
    for (int v = 0; rc == SHP_OK && v < SHP_STATION_NVAR; ++v) {
        f->var[v] = malloc(sizeof(double) * (size_t)n);
        if (!f->var[v]) {
            rc = SHP_ERR_NOMEM;
            break;
        }
        memcpy(f->var[v], r->var[v], sizeof(double) * (size_t)n);
        if (v != SHP_STATION_PRECIP) {
            if (!hargreaves || v == SHP_STATION_TMAX || v == SHP_STATION_TMIN)
                rc = fill_linear(r, v, f->var[v], f->filled, &f->n_filled[v], o->max_gap, msg, len);
            continue;
        }
        for (int i = 0; i < n && rc == SHP_OK; ++i) {
            if (!isnan(f->var[v][i])) continue;
            if (o->fill_precip_zero) {
                f->var[v][i] = 0.0;
                f->filled[i] |= SHP_FORCING_FILLED(v);
                ++f->n_filled[v];
                continue;
            }
            int j = i;
            while (j < n && isnan(f->var[v][j])) ++j;
            char a[16], b[16];
            rc = shp_refuse(msg, len,
                                    "%s: field precipitation: %d missing day%s from %s to %s (%d missing in the "
                                    "period); missing precipitation is not filled unless asked to (with 0)",
                                    r->source, j - i, j - i == 1 ? "" : "s", shp_date_iso(r->first_day + i, a, sizeof a),
                                    shp_date_iso(r->first_day + j - 1, b, sizeof b), r->n_missing[v]);
        }
    }
    shp_et0_site site = shp_et0_site_empty();
    site.latitude_deg = r->latitude_deg;
    site.elevation_m = o->elevation_m;
    for (int i = 0; rc == SHP_OK && i < n; ++i) {
        shp_et0_day d = shp_et0_day_empty();
        d.doy = shp_date_from_days(r->first_day + i).doy;
        d.tmax = f->var[SHP_STATION_TMAX][i];
        d.tmin = f->var[SHP_STATION_TMIN][i];
        d.rh_max = f->var[SHP_STATION_RH_MAX][i];
        d.rh_min = f->var[SHP_STATION_RH_MIN][i];
        d.rh_mean = f->var[SHP_STATION_RH_MEAN][i];
        d.rs = f->var[SHP_STATION_RS][i];
        if (hargreaves) {
            char a[16];
            if (!(d.tmax >= d.tmin)) {
                rc = shp_refuse(msg, len, "%s: %s: ET0: Tmax %g C is below Tmin %g C", r->source,
                                      shp_date_iso(r->first_day + i, a, sizeof a), d.tmax, d.tmin);
                break;
            }
            /* Eq. 52 with T = (Tmax + Tmin)/2 (Eq. 9) and Ra of Eq. 21; it turns negative
             * for a mean below −17.8 C, where the demand it estimates is none */
            f->et0_mm[i] = fmax(0.0, shp_et0_hargreaves(d.tmax, d.tmin, 0.5 * (d.tmax + d.tmin),
                                                        shp_et0_ra(r->latitude_deg, d.doy)));
            continue;
        }
        shp_et0_result res;
        char why[256];
        if (shp_et0_daily(&site, &d, &res, why, sizeof why) != SHP_OK) {
            char a[16];
            rc = shp_refuse(msg, len, "%s: %s: ET0: %s", r->source, shp_date_iso(r->first_day + i, a, sizeof a),
                                    why);
            break;
        }
        f->et0_mm[i] = res.et0;
    }
    if (rc != SHP_OK) shp_station_forcing_free(f);
    return rc;
}
