/* Station records (include/shpfit/station.h) and `shpfit import-station`: the USCRN
 * Manhattan subset of data/uscrn/ read against its raw rows, FAO-56 ET0 of a known day
 * against a hand computation, gap filling and refusal, the ISMN formats with their
 * quality flags and CR line endings, and bad input through the command line (exit 2,
 * a message naming file, line and field, nothing written). The ISMN files of
 * tests/data/station/ are synthetic (tests/data/README.md). */
#define _POSIX_C_SOURCE 200809L /* mkdtemp, strtok_r */
#include <criterion/criterion.h>
#include "test_util.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "shpfit/station.h"
#include "shpfit/status.h"

#define MANHATTAN "../data/uscrn/CRN_daily_KS_Manhattan_6_SSW_2012-2013.csv"
#define SD "data/station/"

static shp_station_record read_ok(const char *path, shp_station_format fmt, const char *flags)
{
    shp_station_record r;
    char msg[1024] = "";
    shp_station_options o = shp_station_options_default();
    if (flags) cr_assert_eq(shp_station_options_parse_flags(flags, &o, msg, sizeof msg), SHP_OK, "%s", msg);
    cr_assert_eq(shp_station_read(path, fmt, &o, &r, msg, sizeof msg), SHP_OK, "%s: %s", path, msg);
    return r;
}

static int day_index(const shp_station_record *r, int y, int m, int d)
{
    return (int)(shp_date_to_days(y, m, d) - r->first_day);
}

Test(station, dates)
{
    cr_expect_eq(shp_date_to_days(1970, 1, 1), 0);
    cr_expect_eq(shp_date_to_days(2000, 3, 1), 11017);
    cr_expect_eq(shp_date_to_days(1969, 12, 31), -1);
    const shp_date d = shp_date_from_days(shp_date_to_days(2012, 12, 31));
    cr_expect(d.year == 2012 && d.month == 12 && d.day == 31 && d.doy == 366, "%d-%d-%d doy %d", d.year, d.month,
              d.day, d.doy);
    cr_expect_eq(shp_date_from_days(shp_date_to_days(2013, 7, 15)).doy, 196);
    long z;
    cr_expect_eq(shp_date_parse_iso("2012-02-29", &z), 0);
    cr_expect_eq(shp_date_parse_iso("2013-02-29", &z), -1);
    cr_expect_eq(shp_date_parse_iso("2013-2-28", &z), -1);
    char buf[16];
    cr_expect_str_eq(shp_date_iso(shp_date_to_days(2003, 10, 1), buf, sizeof buf), "2003-10-01");
}

/* Values of line 563 of the subset, 53974,20130715,...: T 31.7/16.4, P 0, Rs 23.74,
 * RH 86.7/38.6/61.7, soil moisture 0.129 0.172 0.198 -99 -99; line 67 (2012-03-06) is
 * missing in every field. */
Test(station, uscrn_manhattan_known_day)
{
    shp_station_record r = read_ok(MANHATTAN, SHP_STATION_USCRN, NULL);
    cr_expect_eq(r.n_days, 731);
    cr_expect_eq(r.first_day, shp_date_to_days(2012, 1, 1));
    cr_expect_str_eq(r.station_id, "53974");
    cr_expect_float_eq(r.latitude_deg, 39.1, 1e-12);
    cr_expect_float_eq(r.longitude_deg, -96.61, 1e-12);
    cr_expect(isnan(r.elevation_m));
    cr_assert(r.has_weather);
    const int i = day_index(&r, 2013, 7, 15);
    cr_expect_eq(r.var[SHP_STATION_TMAX][i], 31.7);
    cr_expect_eq(r.var[SHP_STATION_TMIN][i], 16.4);
    cr_expect_eq(r.var[SHP_STATION_PRECIP][i], 0.0);
    cr_expect_eq(r.var[SHP_STATION_RS][i], 23.74);
    cr_expect_eq(r.var[SHP_STATION_RH_MAX][i], 86.7);
    cr_expect_eq(r.var[SHP_STATION_RH_MIN][i], 38.6);
    cr_expect_eq(r.var[SHP_STATION_RH_MEAN][i], 61.7);
    cr_assert_eq(r.n_depths, 5);
    static const double depth[5] = {5, 10, 20, 50, 100}, theta[3] = {0.129, 0.172, 0.198};
    for (int k = 0; k < 5; ++k) cr_expect_eq(r.depth[k].depth_cm, depth[k]);
    for (int k = 0; k < 3; ++k) cr_expect_eq(r.depth[k].theta[i], theta[k], "depth %g", depth[k]);
    cr_expect(isnan(r.depth[3].theta[i]) && isnan(r.depth[4].theta[i]), "-99 is missing");
    /* -9999 and -99 are NaN, and counted (awk over the subset: 5 weather days missing;
     * soil moisture 5/10/20 cm: 27/9/127 days; 50 and 100 cm never measured) */
    const int j = day_index(&r, 2012, 3, 6);
    for (int v = 0; v < SHP_STATION_NVAR; ++v) {
        cr_expect(isnan(r.var[v][j]), "%s", shp_station_var_name(v));
        cr_expect_eq(r.n_missing[v], 5, "%s", shp_station_var_name(v));
    }
    cr_expect_eq(r.depth[0].n_missing, 27);
    cr_expect_eq(r.depth[1].n_missing, 9);
    cr_expect_eq(r.depth[2].n_missing, 127);
    cr_expect_eq(r.depth[3].n_missing, 731);
    cr_expect_eq(r.depth[0].n_missing_values, 27);
    /* cropping recounts */
    char msg[512];
    cr_assert_eq(shp_station_crop(&r, shp_date_to_days(2013, 7, 1), shp_date_to_days(2013, 7, 31), msg, sizeof msg),
                 SHP_OK, "%s", msg);
    cr_expect_eq(r.n_days, 31);
    cr_expect_eq(r.var[SHP_STATION_TMAX][14], 31.7);
    cr_expect_eq(r.n_missing[SHP_STATION_TMAX], 0);
    shp_station_free(&r);
}

/* NOAA's own layout (blank-separated, no header) reads as the CSV rendering. */
Test(station, uscrn_noaa_layout)
{
    cr_expect_eq(shp_station_format_guess(SD "uscrn_jan2012_noaa.txt"), SHP_STATION_USCRN);
    cr_expect_eq(shp_station_format_guess(MANHATTAN), SHP_STATION_USCRN);
    shp_station_record a = read_ok(SD "uscrn_jan2012.csv", SHP_STATION_USCRN, NULL);
    shp_station_record b = read_ok(SD "uscrn_jan2012_noaa.txt", SHP_STATION_USCRN, NULL);
    cr_assert_eq(a.n_days, 10);
    cr_assert_eq(b.n_days, 10);
    for (int v = 0; v < SHP_STATION_NVAR; ++v)
        for (int i = 0; i < 10; ++i)
            cr_expect((isnan(a.var[v][i]) && isnan(b.var[v][i])) || a.var[v][i] == b.var[v][i], "%s day %d",
                      shp_station_var_name(v), i);
    cr_expect_eq(b.depth[0].theta[0], a.depth[0].theta[0]);
    shp_station_free(&a);
    shp_station_free(&b);
}

/* FAO-56 ET0 of 2013-07-15 at Manhattan 6 SSW (z 334 m, u2 2 m/s): 5.713142 mm/day by
 * an independent python3 transcription of FAO-56 Eqs. 6-40 (run once; Ra 40.813227,
 * Rso 30.882553, Rn 14.135454, ea 1.710822, es 3.270013 kPa). The script: T = (Tmax+Tmin)/2;
 * P = 101.3((293-0.0065z)/293)^5.26; γ = 0.665e-3 P; e°(T) = 0.6108 exp(17.27T/(T+237.3));
 * es = (e°(Tmax)+e°(Tmin))/2; Δ = 4098 e°(T)/(T+237.3)²; ea = (e°(Tmin)RHmax+e°(Tmax)RHmin)/200;
 * Ra of Eqs. 21-25 with J = 196, φ = 39.1°; Rso = (0.75+2e-5 z)Ra; Rns = 0.77 Rs;
 * Rnl = 4.903e-9 ((Tmax+273.16)^4+(Tmin+273.16)^4)/2 (0.34-0.14√ea)(1.35 min(Rs/Rso,1)-0.35);
 * ET0 = (0.408Δ(Rns-Rnl) + γ 900/(T+273) u2 (es-ea))/(Δ+γ(1+0.34u2)). */
Test(station, et0_known_day)
{
    shp_station_record r = read_ok(MANHATTAN, SHP_STATION_USCRN, NULL);
    shp_forcing_options o = shp_forcing_options_default();
    o.elevation_m = 334;
    o.fill_precip_zero = 1;
    shp_station_forcing f;
    char msg[1024];
    cr_assert_eq(shp_station_forcing_build(&r, &o, &f, msg, sizeof msg), SHP_OK, "%s", msg);
    const int i = day_index(&r, 2013, 7, 15);
    cr_expect_float_eq(f.et0_mm[i], 5.713142, 2e-6, "ET0 %.7f", f.et0_mm[i]);
    cr_expect_eq(f.wind_m_s, 2.0);
    for (int v = 0; v < SHP_STATION_NVAR; ++v) cr_expect_eq(f.n_filled[v], 5, "%s", shp_station_var_name(v));
    for (int k = 0; k < f.n_days; ++k) cr_assert(isfinite(f.et0_mm[k]) && f.et0_mm[k] > 0, "day %d", k);
    shp_station_forcing_free(&f);
    shp_station_free(&r);
}

/* Hargreaves' ET0 (FAO-56 Eq. 52): 0.0023 (T + 17.8) (Tmax − Tmin)^0.5 · 0.408 Ra, T the
 * mean of Tmax and Tmin, Ra 40.813227 MJ/m2/day on 2013-07-15 at 39.1 N (as above). It
 * needs no humidity, radiation or elevation: a humidity and radiation gap that
 * Penman-Monteith refuses is no obstacle. */
Test(station, et0_hargreaves)
{
    shp_station_record r = read_ok(MANHATTAN, SHP_STATION_USCRN, NULL);
    shp_forcing_options o = shp_forcing_options_default();
    o.fill_precip_zero = 1;
    o.elevation_m = 334;
    const int gap = day_index(&r, 2013, 6, 1);
    static const int blind[] = {SHP_STATION_RH_MAX, SHP_STATION_RH_MIN, SHP_STATION_RH_MEAN, SHP_STATION_RS};
    for (int k = 0; k < 10; ++k)
        for (int v = 0; v < 4; ++v) r.var[blind[v]][gap + k] = NAN;
    shp_station_forcing f;
    char msg[1024];
    cr_expect_eq(shp_station_forcing_build(&r, &o, &f, msg, sizeof msg), SHP_ERR_INVALID);
    cr_expect(strstr(msg, "2013-06-01"), "%s", msg);
    o.et0 = SHP_FORCING_ET0_HARGREAVES;
    o.elevation_m = NAN;
    cr_assert_eq(shp_station_forcing_build(&r, &o, &f, msg, sizeof msg), SHP_OK, "%s", msg);
    const int i = day_index(&r, 2013, 7, 15);
    const double tx = f.var[SHP_STATION_TMAX][i], tn = f.var[SHP_STATION_TMIN][i];
    const double want = 0.0023 * (0.5 * (tx + tn) + 17.8) * sqrt(tx - tn) * 0.408 * 40.813227;
    cr_expect_float_eq(f.et0_mm[i], want, 1e-6 * want, "ET0 %.7f, Eq. 52 %.7f", f.et0_mm[i], want);
    cr_expect(isnan(f.var[SHP_STATION_RH_MEAN][gap + 3]) && f.n_filled[SHP_STATION_RH_MEAN] == 0,
              "humidity is neither needed nor filled");
    for (int k = 0; k < f.n_days; ++k) cr_assert(isfinite(f.et0_mm[k]) && f.et0_mm[k] >= 0, "day %d", k);
    shp_station_forcing_free(&f);
    shp_station_free(&r);
}

/* 2012-01-03..05 are missing: Tmax interpolated between 3.4 (Jan 2) and 15.1 (Jan 6). */
Test(station, gap_fill_and_refusal)
{
    shp_station_record r = read_ok(SD "uscrn_jan2012.csv", SHP_STATION_USCRN, NULL);
    shp_forcing_options o = shp_forcing_options_default();
    o.elevation_m = 334;
    shp_station_forcing f;
    char msg[1024] = "";
    /* precipitation is not filled by default */
    cr_expect_eq(shp_station_forcing_build(&r, &o, &f, msg, sizeof msg), SHP_ERR_INVALID);
    cr_expect(strstr(msg, "field precipitation") && strstr(msg, "2012-01-03 to 2012-01-05"), "%s", msg);
    o.fill_precip_zero = 1;
    cr_assert_eq(shp_station_forcing_build(&r, &o, &f, msg, sizeof msg), SHP_OK, "%s", msg);
    static const double tmax[3] = {6.325, 9.25, 12.175};
    for (int k = 0; k < 3; ++k) {
        cr_expect_float_eq(f.var[SHP_STATION_TMAX][2 + k], tmax[k], 1e-12);
        cr_expect_eq(f.var[SHP_STATION_PRECIP][2 + k], 0.0);
        cr_expect(f.filled[2 + k] & SHP_FORCING_FILLED(SHP_STATION_RS));
    }
    cr_expect_eq(f.filled[1], 0u);
    cr_expect_eq(f.n_filled[SHP_STATION_TMAX], 3);
    shp_station_forcing_free(&f);
    /* a 3-day gap is longer than 2 */
    o.max_gap = 2;
    cr_expect_eq(shp_station_forcing_build(&r, &o, &f, msg, sizeof msg), SHP_ERR_INVALID);
    cr_expect(strstr(msg, "uscrn_jan2012.csv") && strstr(msg, "field tmax") && strstr(msg, "2012-01-03 to 2012-01-05"),
              "%s", msg);
    /* a gap at the start of the period has no neighbour */
    o.max_gap = 3;
    cr_assert_eq(shp_station_crop(&r, shp_date_to_days(2012, 1, 4), shp_date_to_days(2012, 1, 10), msg, sizeof msg),
                 SHP_OK);
    cr_expect_eq(shp_station_forcing_build(&r, &o, &f, msg, sizeof msg), SHP_ERR_INVALID);
    cr_expect(strstr(msg, "start"), "%s", msg);
    /* no elevation, no ET0 */
    o.elevation_m = NAN;
    cr_expect_eq(shp_station_forcing_build(&r, &o, &f, msg, sizeof msg), SHP_ERR_INVALID);
    shp_station_free(&r);
}

/* tests/data/station/ismn_header_cr.stm (CR line endings): 06-01 G 0.20, G 0.22,
 * D01,D03 0.90; 06-02 D05 0.25, M -9999; 06-03 U 0.18; 06-04 G 0.30, C02 1.5. */
Test(station, ismn_header_flags_cr)
{
    cr_expect_eq(shp_station_format_guess(SD "ismn_header_cr.stm"), SHP_STATION_ISMN_HEADER);
    shp_station_record r = read_ok(SD "ismn_header_cr.stm", SHP_STATION_ISMN_HEADER, NULL);
    cr_expect_str_eq(r.station_id, "XNET/Test Site");
    cr_expect_eq(r.latitude_deg, 45.5);
    cr_expect_eq(r.longitude_deg, 7.25);
    cr_expect_eq(r.elevation_m, 250.0);
    cr_expect(!r.has_weather);
    cr_expect_eq(r.first_day, shp_date_to_days(2010, 6, 1));
    cr_assert_eq(r.n_days, 4);
    cr_assert_eq(r.n_depths, 1);
    const shp_station_depth *d = &r.depth[0];
    cr_expect_eq(d->depth_cm, 5.0);
    cr_expect_float_eq(d->theta[0], 0.21, 1e-12, "G kept, D01,D03 dropped: %g", d->theta[0]);
    cr_expect(isnan(d->theta[1]) && isnan(d->theta[2]));
    cr_expect_float_eq(d->theta[3], 0.30, 1e-12, "C02 dropped");
    cr_expect_eq(d->n_values, 8);
    cr_expect_eq(d->n_flag_dropped, 4);
    cr_expect_eq(d->n_missing_values, 1);
    cr_expect_eq(d->n_missing, 2);
    shp_station_free(&r);
    /* a flag letter keeps each of its codes */
    r = read_ok(SD "ismn_header_cr.stm", SHP_STATION_ISMN_HEADER, "G,D");
    cr_expect_float_eq(r.depth[0].theta[0], (0.20 + 0.22 + 0.90) / 3, 1e-12);
    cr_expect_float_eq(r.depth[0].theta[1], 0.25, 1e-12);
    cr_expect(isnan(r.depth[0].theta[2]));
    shp_station_free(&r);
    /* an accepted C02 value of 1.5 is outside [0, 1] */
    shp_station_options o;
    char msg[1024];
    cr_assert_eq(shp_station_options_parse_flags("G,C", &o, msg, sizeof msg), SHP_OK);
    cr_expect_eq(shp_station_read(SD "ismn_header_cr.stm", SHP_STATION_ISMN_HEADER, &o, &r, msg, sizeof msg),
                 SHP_ERR_INVALID);
    cr_expect(strstr(msg, "line 9: field value"), "%s", msg);
}

/* CEOP (CRLF): two depths, 0.05 and 0.10 m, the second 0.05 wetter. */
Test(station, ismn_ceop_two_depths)
{
    cr_expect_eq(shp_station_format_guess(SD "ismn_ceop.stm"), SHP_STATION_ISMN_CEOP);
    shp_station_record r = read_ok(SD "ismn_ceop.stm", SHP_STATION_ISMN_CEOP, NULL);
    cr_assert_eq(r.n_depths, 2);
    cr_expect_eq(r.depth[0].depth_cm, 5.0);
    cr_expect_eq(r.depth[1].depth_cm, 10.0);
    cr_assert_eq(r.n_days, 4);
    cr_expect_float_eq(r.depth[0].theta[0], 0.21, 1e-12);
    cr_expect_float_eq(r.depth[1].theta[0], 0.26, 1e-12);
    cr_expect_float_eq(r.depth[1].theta[3], 0.35, 1e-12);
    cr_expect_eq(r.depth[1].n_values, 7);
    cr_expect_eq(r.depth[1].n_flag_dropped, 3);
    cr_expect_str_eq(r.station_id, "XNET/Test Site");
    shp_station_free(&r);
}

Test(station, flags_and_library_errors)
{
    shp_station_options o;
    char msg[1024] = "";
    cr_expect_eq(shp_station_options_parse_flags("G,D05,M", &o, msg, sizeof msg), SHP_OK);
    cr_expect_eq(o.n_flags, 3);
    cr_expect_eq(shp_station_options_parse_flags("G,X", &o, msg, sizeof msg), SHP_ERR_INVALID);
    cr_expect_eq(shp_station_options_parse_flags("", &o, msg, sizeof msg), SHP_ERR_INVALID);
    shp_station_record r;
    cr_expect_eq(shp_station_read(SD "ismn_header_unknown_flag.stm", SHP_STATION_ISMN_HEADER, NULL, &r, msg, sizeof msg),
                 SHP_ERR_INVALID);
    cr_expect(strstr(msg, "ismn_header_unknown_flag.stm: line 5: field flag") && strstr(msg, "\"X\""), "%s", msg);
    cr_expect_eq(shp_station_read(SD "ismn_header_unsorted.stm", SHP_STATION_ISMN_HEADER, NULL, &r, msg, sizeof msg),
                 SHP_ERR_INVALID);
    cr_expect(strstr(msg, "line 5: field date"), "%s", msg);
    cr_expect_eq(shp_station_read(SD "no_such_file.csv", SHP_STATION_USCRN, NULL, &r, msg, sizeof msg), SHP_ERR_IO);
    cr_expect_eq(shp_station_read(SD "ismn_ceop.stm", SHP_STATION_USCRN, NULL, &r, msg, sizeof msg), SHP_ERR_INVALID,
                 "a CEOP file is not USCRN");
}

/* ------------------------------------------------------------------ the command */

typedef struct {
    const char *file, *args, *expect;
} bad_case;

static const bad_case bad[] = {
    {"uscrn_unsorted.csv", "--elevation 334", "uscrn_unsorted.csv: line 9: field LST_DATE: 2012-01-07 comes before"},
    {"uscrn_duplicate.csv", "--elevation 334", "uscrn_duplicate.csv: line 8: field LST_DATE: 2012-01-06 repeats"},
    {"uscrn_negative_precip.csv", "--elevation 334", "line 9: field P_DAILY_CALC: negative precipitation"},
    {"uscrn_theta_above_1.csv", "--elevation 334", "line 10: field SOIL_MOISTURE_5_DAILY: water content 1.2"},
    {"ismn_header_unknown_flag.stm", "", "ismn_header_unknown_flag.stm: line 5: field flag: unknown ISMN quality flag"},
    {"ismn_header_theta_above_1.stm", "", "line 3: field value: water content 1.2"},
    {"uscrn_long_gap.csv", "--elevation 334 --fill-precip zero",
     "field tmax: gap of 4 days from 2012-01-03 to 2012-01-06"},
    {"uscrn_jan2012.csv", "--elevation 334", "field precipitation: 3 missing days from 2012-01-03 to 2012-01-05"},
    {"uscrn_jan2012.csv", "", "give --elevation M"},
    {"uscrn_jan2012.csv", "--elevation 334 --fill-precip zero --from 2012-01-04", "at the start of the period"},
};

Test(station, cli_bad_input)
{
    char tmp[256];
    tu_make_tmp(tmp, sizeof tmp, "station-bad");
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; ++k) {
        char out[512], err[512];
        snprintf(out, sizeof out, "%s/out%zu", tmp, k);
        snprintf(err, sizeof err, "%s/err%zu.txt", tmp, k);
        const int rc = tu_run(SHPFIT " import-station " SD "%s %s --out %s > /dev/null 2> %s", bad[k].file, bad[k].args,
                              out, err);
        cr_expect_eq(rc, 2, "%s %s: exit %d", bad[k].file, bad[k].args, rc);
        char *text = tu_slurp(err);
        cr_assert_not_null(text);
        cr_expect(strstr(text, bad[k].expect) != NULL, "%s: expected \"%s\" in: %s", bad[k].file, bad[k].expect, text);
        free(text);
        struct stat sb;
        cr_expect_neq(stat(out, &sb), 0, "%s: %s was created", bad[k].file, out);
    }
    tu_remove_tree(tmp);
}

Test(station, cli_manhattan)
{
    char tmp[256];
    tu_make_tmp(tmp, sizeof tmp, "station");
    cr_assert_eq(tu_run(SHPFIT " import-station " MANHATTAN " --elevation 334 --fill-precip zero --out %s/m > /dev/null",
                        tmp),
                 0);
    cr_expect_eq(tu_count_lines(tu_file_in(tmp, "m/forcing.csv")), 732);
    cr_expect_eq(tu_count_lines(tu_file_in(tmp, "m/theta_5cm.csv")), 1 + 704);
    cr_expect_eq(tu_count_lines(tu_file_in(tmp, "m/theta_20cm.csv")), 1 + 604);
    struct stat sb;
    cr_expect_neq(stat(tu_file_in(tmp, "m/theta_50cm.csv"), &sb), 0, "50 cm has no values: no file");
    char *forcing = tu_slurp(tu_file_in(tmp, "m/forcing.csv"));
    cr_assert_not_null(forcing);
    cr_expect(!strncmp(forcing, "date,day,precipitation_cm_per_day,et0_cm_per_day,tmax_C,tmin_C,rh_mean_pct,"
                                "solar_MJ_per_m2,filled\n", 95));
    cr_expect(strstr(forcing, "\n2013-07-15,561,0,0.57131"), "ET0 of the known day in cm/day");
    cr_expect(strstr(forcing, "\n2012-03-06,65,0,"), "filled day");
    cr_expect(strstr(forcing, "\n2012-02-03,33,3.78,"), "37.8 mm on 2012-02-03 (line 35) is 3.78 cm/day");
    free(forcing);
    char *theta = tu_slurp(tu_file_in(tmp, "m/theta_5cm.csv"));
    cr_assert_not_null(theta);
    cr_expect(strstr(theta, "\n561,0.129\n"), "theta at 5 cm on 2013-07-15");
    free(theta);
    char *js = tu_slurp(tu_file_in(tmp, "m/station.json"));
    cr_assert_not_null(js);
    cr_expect(strstr(js, "2 m/s") && strstr(js, "\"station_id\":\t\"53974\"") && strstr(js, "\"elevation_m\":\t334"),
              "%s", js);
    free(js);
    /* ISMN through the command: only theta and station.json */
    cr_assert_eq(tu_run(SHPFIT " import-station " SD "ismn_header_cr.stm --out %s/i > /dev/null", tmp), 0);
    cr_expect_eq(tu_count_lines(tu_file_in(tmp, "i/theta_5cm.csv")), 3);
    cr_expect_neq(stat(tu_file_in(tmp, "i/forcing.csv"), &sb), 0);
    /* a folder that cannot be made: exit 1 */
    cr_expect_eq(tu_run(SHPFIT " import-station " SD "ismn_header_cr.stm --out %s/i/theta_5cm.csv/x 2> /dev/null", tmp),
                 1);
    tu_remove_tree(tmp);
}
