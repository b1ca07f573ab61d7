/* shpfit import-station FILE --out DIR: a field station's record (USCRN daily01, ISMN
 * header+values or CEOP) as a daily forcing table with FAO-56 ET0 and θ series per
 * depth (include/shpfit/station.h, docs/field.md "Station records"). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_args.h"
#include "io/fs.h"
#include "io/json_file.h"
#include "output/stage.h"
#include "shpfit/station.h"
#include "shpfit/status.h"

#define CMD "import-station"

static void help(FILE *f)
{
    fprintf(f,
            "usage: shpfit import-station FILE --out DIR [--format uscrn|ismn-header|ismn-ceop]\n"
            "           [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--elevation M] [--max-gap N]\n"
            "           [--fill-precip zero|refuse] [--flags G,M,...] [--et0 penman-monteith|hargreaves]\n\n"
            "Read a field station's record and write into DIR\n"
            "  forcing.csv         one row a day: date, day (since the first date),\n"
            "                      precipitation and FAO-56 ET0 in cm/day, Tmax, Tmin [C],\n"
            "                      mean relative humidity [%%], solar radiation [MJ/m2],\n"
            "                      and the variables filled that day (USCRN only: ISMN files\n"
            "                      have no weather)\n"
            "  theta_<D>cm.csv     time_day,theta [m3/m3] of the depth D cm; days without a\n"
            "                      value are left out\n"
            "  station.json        source, station, coordinates, period, days, missing and\n"
            "                      filled values per field, the ET0 method and its wind\n\n"
            "ET0 is FAO-56 Penman-Monteith (daily, G = 0) with the measured Rs and RHmax/RHmin;\n"
            "USCRN measures no wind at 2 m in daily01: FAO-56's default of 2 m/s is used.\n"
            "--et0 hargreaves takes Hargreaves' temperature-only ET0 (FAO-56 Eq. 52) instead:\n"
            "only Tmax and Tmin are then needed (and filled), and no elevation.\n"
            "Weather gaps of up to --max-gap days are interpolated linearly between the days\n"
            "around them; longer gaps, and gaps at the start or end of the period, are refused.\n\n"
            "options:\n"
            "  -o, --out DIR          the folder to write (created; the files appear together)\n"
            "  --format NAME          uscrn (NOAA USCRN daily01, whitespace or comma-separated\n"
            "                         with a header), ismn-header (ISMN header + values),\n"
            "                         ismn-ceop (ISMN CEOP-separated); default: from the content\n"
            "  --from, --to DATE      the period to keep (inclusive; default: the whole record)\n"
            "  --elevation M          station elevation [m] for ET0; required for USCRN, whose\n"
            "                         files do not give it (ISMN: from the file)\n"
            "  --max-gap N            longest weather gap filled, days (default 3; 0: none)\n"
            "  --fill-precip MODE     refuse (default): missing precipitation is an error;\n"
            "                         zero: it is taken as 0 and counted as filled\n"
            "  --et0 METHOD           penman-monteith (default) or hargreaves\n"
            "  --flags LIST           ISMN quality flags kept (default G); a letter (D) keeps\n"
            "                         every code of it (D01, D02, ...); values of other known\n"
            "                         flags are dropped, unknown flags are an error\n"
            "  -h, --help             this help\n\n"
            "exit codes: 0 written; 2 bad usage or bad input (nothing written); 1 the files\n"
            "            could not be written\n\n"
            "examples:\n"
            "  shpfit import-station data/uscrn/CRN_daily_KS_Manhattan_6_SSW_2012-2013.csv \\\n"
            "      --elevation 334 --fill-precip zero --out out/manhattan\n"
            "  shpfit import-station data/uscrn/CRN_daily_KS_Manhattan_6_SSW_2012-2013.csv \\\n"
            "      --elevation 334 --from 2013-04-01 --to 2013-09-30 --out out/summer2013\n"
            "  shpfit import-station NETWORK_STATION_sm_0.05_0.05_SENSOR.stm --flags G,U --out out/ismn\n");
}

typedef struct {
    shp_cli_args c;
    int format;        /* -1: guess */
    long from, to;     /* days since 1970; LONG_MIN/LONG_MAX: whole record */
    int has_from, has_to;
    double elevation;  /* NaN: not given */
    long long max_gap;
    int fill_zero;
    int et0; /* shp_forcing_et0 */
    shp_station_options flags;
    int flags_given;
} args;

static int parse(int argc, char **argv, args *a)
{
    for (int i = 1; i < argc; ++i) {
        const char *o = argv[i];
        const int has_val = i + 1 < argc;
        if (!strcmp(o, "--format") || !strcmp(o, "--from") || !strcmp(o, "--to") || !strcmp(o, "--elevation") ||
            !strcmp(o, "--fill-precip") || !strcmp(o, "--flags") || !strcmp(o, "--et0")) {
            if (!has_val) return shp_cli_usage_error(CMD, "missing value after", o);
            const char *v = argv[++i];
            char msg[256], *end;
            if (!strcmp(o, "--format")) {
                if ((a->format = shp_station_format_from_name(v)) < 0)
                    return shp_cli_usage_error(CMD, "--format must be uscrn, ismn-header or ismn-ceop, not", v);
            } else if (!strcmp(o, "--from") || !strcmp(o, "--to")) {
                long d;
                if (shp_date_parse_iso(v, &d) != 0)
                    return shp_cli_usage_error(CMD, !strcmp(o, "--from") ? "--from needs a date YYYY-MM-DD, not"
                                                                         : "--to needs a date YYYY-MM-DD, not",
                                               v);
                if (!strcmp(o, "--from")) a->from = d, a->has_from = 1;
                else a->to = d, a->has_to = 1;
            } else if (!strcmp(o, "--elevation")) {
                a->elevation = strtod(v, &end);
                if (end == v || *end || !(a->elevation >= -500 && a->elevation <= 9000))
                    return shp_cli_usage_error(CMD, "--elevation needs metres within [-500, 9000], not", v);
            } else if (!strcmp(o, "--fill-precip")) {
                if (strcmp(v, "zero") && strcmp(v, "refuse"))
                    return shp_cli_usage_error(CMD, "--fill-precip must be zero or refuse, not", v);
                a->fill_zero = !strcmp(v, "zero");
            } else if (!strcmp(o, "--et0")) {
                if (strcmp(v, "penman-monteith") && strcmp(v, "hargreaves"))
                    return shp_cli_usage_error(CMD, "--et0 must be penman-monteith or hargreaves, not", v);
                a->et0 = !strcmp(v, "hargreaves") ? SHP_FORCING_ET0_HARGREAVES : SHP_FORCING_ET0_PENMAN_MONTEITH;
            } else {
                if (shp_station_options_parse_flags(v, &a->flags, msg, sizeof msg) != SHP_OK)
                    return shp_cli_usage_error(CMD, msg, NULL);
                a->flags_given = 1;
            }
            continue;
        }
        if (!strcmp(o, "--max-gap")) {
            const int r = shp_cli_long(CMD, argc, argv, &i, 0, 366, &a->max_gap);
            if (r) return r;
            continue;
        }
        const int r = shp_cli_common_arg(&a->c, argc, argv, &i);
        if (r != SHP_CLI_HANDLED) return r;
    }
    const int bad = shp_cli_require(&a->c);
    if (bad >= 0) return bad;
    if (a->has_from && a->has_to && a->from > a->to)
        return shp_cli_usage_error(CMD, "--from must not be after --to", NULL);
    return -1;
}

/* The names of the variables filled on a day, '+'-joined ("" when none). */
static void filled_names(unsigned bits, char *out, size_t len)
{
    out[0] = '\0';
    for (int v = 0; v < SHP_STATION_NVAR; ++v)
        if (bits & SHP_FORCING_FILLED(v)) {
            const size_t u = strlen(out);
            snprintf(out + u, len - u, "%s%s", u ? "+" : "", shp_station_var_name(v));
        }
}

static void depth_file(double depth_cm, char *out, size_t len) { snprintf(out, len, "theta_%gcm.csv", depth_cm); }

static int write_forcing(const char *dir, const shp_station_forcing *f, char *err, size_t len)
{
    char path[SHP_PATH_MAX];
    FILE *o = shp_file_create_in(dir, "forcing.csv", path, sizeof path, err, len);
    if (!o) return SHP_ERR_IO;
    fprintf(o, "date,day,precipitation_cm_per_day,et0_cm_per_day,tmax_C,tmin_C,rh_mean_pct,solar_MJ_per_m2,filled\n");
    for (int i = 0; i < f->n_days; ++i) {
        char date[16], fl[128];
        const shp_date d = shp_date_from_days(f->first_day + i);
        snprintf(date, sizeof date, "%04d-%02d-%02d", d.year, d.month, d.day);
        filled_names(f->filled[i], fl, sizeof fl);
        fprintf(o, "%s,%d,%.10g,%.10g,%.10g,%.10g,%.10g,%.10g,%s\n", date, i, f->var[SHP_STATION_PRECIP][i] / 10.0,
                f->et0_mm[i] / 10.0, f->var[SHP_STATION_TMAX][i], f->var[SHP_STATION_TMIN][i],
                f->var[SHP_STATION_RH_MEAN][i], f->var[SHP_STATION_RS][i], fl);
    }
    return shp_file_close(o, path, err, len);
}

static int write_theta(const char *dir, const shp_station_record *r, const shp_station_depth *d, char *err, size_t len)
{
    char name[64], path[SHP_PATH_MAX];
    depth_file(d->depth_cm, name, sizeof name);
    FILE *o = shp_file_create_in(dir, name, path, sizeof path, err, len);
    if (!o) return SHP_ERR_IO;
    fprintf(o, "time_day,theta\n");
    for (int i = 0; i < r->n_days; ++i)
        if (!isnan(d->theta[i])) fprintf(o, "%d,%.10g\n", i, d->theta[i]);
    return shp_file_close(o, path, err, len);
}

static cJSON *summary(const args *a, const shp_station_record *r, const shp_station_forcing *f, const char *elev_source)
{
    cJSON *j = cJSON_CreateObject();
    if (!j) return NULL;
    char buf[64];
    cJSON_AddStringToObject(j, "program", "shpfit");
    cJSON_AddStringToObject(j, "command", CMD);
    cJSON_AddStringToObject(j, "source_file", r->source);
    cJSON_AddStringToObject(j, "format", shp_station_format_name(r->format));
    cJSON_AddStringToObject(j, "station_id", r->station_id);
    shp_json_add_number(j, "latitude_deg", r->latitude_deg);
    shp_json_add_number(j, "longitude_deg", r->longitude_deg);
    shp_json_add_number(j, "elevation_m", f ? a->elevation : r->elevation_m);
    cJSON_AddStringToObject(j, "elevation_source", elev_source);
    cJSON *p = cJSON_AddObjectToObject(j, "period");
    cJSON_AddStringToObject(p, "first", shp_date_iso(r->first_day, buf, sizeof buf));
    cJSON_AddStringToObject(p, "last", shp_date_iso(r->first_day + r->n_days - 1, buf, sizeof buf));
    cJSON_AddNumberToObject(p, "days", r->n_days);
    cJSON_AddStringToObject(p, "day_origin", shp_date_iso(r->first_day, buf, sizeof buf));
    if (r->has_weather) {
        cJSON *w = cJSON_AddObjectToObject(j, "weather");
        cJSON *m = cJSON_AddObjectToObject(w, "missing_days");
        cJSON *fl = cJSON_AddObjectToObject(w, "filled_days");
        for (int v = 0; v < SHP_STATION_NVAR; ++v) {
            cJSON_AddNumberToObject(m, shp_station_var_name(v), r->n_missing[v]);
            cJSON_AddNumberToObject(fl, shp_station_var_name(v), f ? f->n_filled[v] : 0);
        }
        cJSON_AddNumberToObject(w, "max_gap_days", (double)a->max_gap);
        cJSON_AddStringToObject(w, "fill_precipitation", a->fill_zero ? "zero" : "refuse");
        cJSON_AddStringToObject(w, "gap_rule", "gaps of up to max_gap days interpolated linearly between the days "
                                               "around them; longer gaps refused");
        cJSON *e = cJSON_AddObjectToObject(j, "et0");
        if (a->et0 == SHP_FORCING_ET0_HARGREAVES) {
            cJSON_AddStringToObject(e, "method", "Hargreaves, daily (FAO-56 Eq. 52), T = (Tmax + Tmin)/2, "
                                                 "Ra of Eq. 21; 0 where Eq. 52 is negative");
        } else {
            cJSON_AddStringToObject(e, "method", "FAO-56 Penman-Monteith, daily (Eq. 6), G = 0");
            cJSON_AddStringToObject(e, "vapour_pressure", "RHmax and RHmin (FAO-56 Eq. 17)");
            cJSON_AddStringToObject(e, "radiation", "measured solar radiation");
            cJSON_AddNumberToObject(e, "wind_m_s", f ? f->wind_m_s : 2.0);
            cJSON_AddStringToObject(e, "wind", "not measured: FAO-56's default of 2 m/s at 2 m (p. 63)");
        }
        cJSON_AddStringToObject(e, "file", "forcing.csv");
    } else cJSON_AddStringToObject(j, "weather", "none in this format: forcing.csv not written");
    if (r->format != SHP_STATION_USCRN) {
        cJSON *fa = cJSON_AddArrayToObject(j, "flags_accepted");
        for (int i = 0; i < a->flags.n_flags; ++i) cJSON_AddItemToArray(fa, cJSON_CreateString(a->flags.flag[i]));
        cJSON_AddStringToObject(j, "daily_theta", "mean of the day's values with an accepted flag (UTC days)");
    }
    cJSON *ds = cJSON_AddArrayToObject(j, "depths");
    for (int k = 0; k < r->n_depths; ++k) {
        const shp_station_depth *d = &r->depth[k];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddItemToArray(ds, o);
        cJSON_AddNumberToObject(o, "depth_cm", d->depth_cm);
        if (d->n_missing < r->n_days) {
            depth_file(d->depth_cm, buf, sizeof buf);
            cJSON_AddStringToObject(o, "file", buf);
        } else cJSON_AddNullToObject(o, "file");
        cJSON_AddNumberToObject(o, "days_with_theta", r->n_days - d->n_missing);
        cJSON_AddNumberToObject(o, "missing_days", d->n_missing);
        cJSON_AddNumberToObject(o, "values_read", (double)d->n_values);
        cJSON_AddNumberToObject(o, "values_coded_missing", (double)d->n_missing_values);
        cJSON_AddNumberToObject(o, "values_dropped_by_flag", (double)d->n_flag_dropped);
    }
    return j;
}

static int run(args *a)
{
    char err[SHP_MSG_MAX];
    const char *file = a->c.input;
    if (a->format < 0 && (a->format = shp_station_format_guess(file)) < 0) {
        fprintf(stderr, "shpfit: " CMD ": %s: cannot read it or it is empty; give --format\n", file);
        return SHP_EXIT_USAGE;
    }
    if (shp_stage_check_dir("--out", a->c.out, 64, err, sizeof err) != SHP_OK) {
        fprintf(stderr, "shpfit: " CMD ": %s\n", err);
        return SHP_EXIT_USAGE;
    }
    shp_station_record r;
    int rc = shp_station_read(file, (shp_station_format)a->format, &a->flags, &r, err, sizeof err);
    if (rc != SHP_OK) {
        fprintf(stderr, "shpfit: " CMD ": %s\n", err);
        return rc == SHP_ERR_NOMEM ? SHP_EXIT_FAILURE : SHP_EXIT_USAGE;
    }
    if ((a->has_from || a->has_to) &&
        shp_station_crop(&r, a->has_from ? a->from : r.first_day, a->has_to ? a->to : r.first_day + r.n_days - 1, err,
                         sizeof err) != SHP_OK) {
        fprintf(stderr, "shpfit: " CMD ": %s\n", err);
        shp_station_free(&r);
        return SHP_EXIT_USAGE;
    }
    shp_station_forcing f;
    memset(&f, 0, sizeof f);
    const char *elev_source = !isnan(a->elevation) ? "--elevation" : isnan(r.elevation_m) ? "unknown" : "file";
    if (isnan(a->elevation)) a->elevation = r.elevation_m;
    int code = SHP_EXIT_OK;
    if (r.has_weather) {
        shp_forcing_options fo = shp_forcing_options_default();
        fo.max_gap = (int)a->max_gap;
        fo.fill_precip_zero = a->fill_zero;
        fo.elevation_m = a->elevation;
        fo.et0 = a->et0;
        if (isnan(a->elevation) && a->et0 != SHP_FORCING_ET0_HARGREAVES) {
            fprintf(stderr, "shpfit: " CMD ": %s: the %s format does not give the station's elevation, which ET0 needs: "
                            "give --elevation M\n", file, shp_station_format_name(r.format));
            code = SHP_EXIT_USAGE;
        } else if ((rc = shp_station_forcing_build(&r, &fo, &f, err, sizeof err)) != SHP_OK) {
            fprintf(stderr, "shpfit: " CMD ": %s\n", err);
            if (strstr(err, "field precipitation: ") && !a->fill_zero)
                fprintf(stderr, "shpfit: " CMD ": (--fill-precip zero takes missing precipitation as 0)\n");
            else if (strstr(err, "is longer than"))
                fprintf(stderr, "shpfit: " CMD ": (--max-gap N fills longer gaps; --from/--to choose another period)\n");
            code = rc == SHP_ERR_NOMEM ? SHP_EXIT_FAILURE : SHP_EXIT_USAGE;
        }
    }
    if (code != SHP_EXIT_OK) {
        shp_station_free(&r);
        return code;
    }
    /* every file into a staging folder, moved into DIR together (io/stage.h) */
    shp_stage *st = NULL;
    shp_names replaced = {0};
    code = shp_mkdir_p(a->c.out, err, sizeof err) == SHP_OK && shp_stage_begin(a->c.out, &st, err, sizeof err) == SHP_OK
               ? SHP_EXIT_OK
               : SHP_EXIT_FAILURE;
    const char *dir = st ? shp_stage_dir(st) : NULL;
    if (code == SHP_EXIT_OK && r.has_weather && write_forcing(dir, &f, err, sizeof err) != SHP_OK)
        code = SHP_EXIT_FAILURE;
    int n_theta = 0;
    for (int k = 0; k < r.n_depths && code == SHP_EXIT_OK; ++k) {
        if (r.depth[k].n_missing == r.n_days) continue; /* no value in the period: no file */
        if (write_theta(dir, &r, &r.depth[k], err, sizeof err) != SHP_OK) code = SHP_EXIT_FAILURE;
        ++n_theta;
    }
    if (code == SHP_EXIT_OK) {
        cJSON *j = summary(a, &r, r.has_weather ? &f : NULL, elev_source);
        if (shp_json_write_in(dir, "station.json", j, err, sizeof err) != SHP_OK) code = SHP_EXIT_FAILURE;
    }
    if (code == SHP_EXIT_OK) {
        if (!r.has_weather) shp_names_add(&replaced, "forcing.csv"); /* an earlier import's */
        if (shp_stage_commit(st, (const char *const *)replaced.name, err, sizeof err) != SHP_OK) code = SHP_EXIT_FAILURE;
        st = NULL;
    }
    shp_stage_abort(st);
    shp_names_free(&replaced);
    if (code != SHP_EXIT_OK) fprintf(stderr, "shpfit: " CMD ": %s\n", err);
    else {
        char a1[16], a2[16];
        int filled = 0;
        for (int v = 0; v < SHP_STATION_NVAR; ++v) filled += f.n_filled[v];
        printf("shpfit " CMD ": %s (%s, station %s): %d days %s to %s, %d theta series%s -> %s\n", file,
               shp_station_format_name(r.format), r.station_id, r.n_days, shp_date_iso(r.first_day, a1, sizeof a1),
               shp_date_iso(r.first_day + r.n_days - 1, a2, sizeof a2), n_theta,
               !r.has_weather ? ""
               : a->et0 == SHP_FORCING_ET0_HARGREAVES ? ", forcing with Hargreaves ET0 (FAO-56 Eq. 52)"
                                                      : ", forcing with FAO-56 ET0 (wind 2 m/s, FAO-56 default)",
               a->c.out);
        if (r.has_weather)
            printf("shpfit " CMD ": %d weather values filled (station.json, weather.filled_days)\n", filled);
        if (!n_theta && r.format != SHP_STATION_USCRN)
            fprintf(stderr, "shpfit: " CMD ": note: no value has an accepted quality flag (--flags); see "
                            "depths[].values_dropped_by_flag in station.json\n");
    }
    shp_station_forcing_free(&f);
    shp_station_free(&r);
    return code;
}

int shp_cmd_import_station(int argc, char **argv)
{
    args a;
    memset(&a, 0, sizeof a);
    a.c = (shp_cli_args){CMD, "FILE", help, NULL, NULL, NULL};
    a.format = -1;
    a.elevation = NAN;
    a.max_gap = 3;
    a.flags = shp_station_options_default();
    const int done = parse(argc, argv, &a);
    if (done >= 0) return done;
    return run(&a);
}
