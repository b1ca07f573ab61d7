/* "fit.observations": the measured series, read from CSV files named relative to the
 * config and added to the problem (shp_problem_add_observations), which derives the
 * column's output times and observation depths from them.
 *
 *   "observations": {
 *     "Q":           {"file": "obs/Q.csv"},                   time, Q
 *     "v":           {"file": "obs/v.csv", "rate": "interval_mean" | "instantaneous"},
 *     "theta_final": {"file": "obs/theta_final.csv", "time": 180},   depth, theta
 *     "theta_t":     {"file": "obs/theta_t.csv"},  time, theta_at_10cm, theta_at_20cm, …
 *     "theta_t":     {"series": [{"file": "theta_5cm.csv", "depth": 5}, …],   time, theta
 *                     ({"file": "theta_t.csv", "depth": 5, "column": "theta_at_5cm"}: one
 *                     column of a wide file)
 *                     "shift": 0.5, "from": 90, "to": 366,     (a station's records)
 *                     "validation": {"from": 366, "to": 731},
 *                     "origin": "2012-01-01"}    (then from/to may be dates "2012-04-01")
 *     "retention":   {"file": "obs/retention.csv", "material": "loam"},   h, theta
 *     "conductivity":{"file": "obs/conductivity.csv", "material": "loam",
 *                     "columns": ["suction[kPa]", "K[cm/d]"]}             h, K
 *   }
 *
 * A measured curve comes in its source's conventions: points in any order, repeated
 * heads, suction or pF instead of h, heads as pressures, θ in %, K per day. The
 * header (or "columns" for a file without one) names them; they become h [L], θ [-]
 * and K [L/T] of the config (curve_columns.c), and nothing downstream sees the
 * difference. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config/cfg_sections.h"
#include "config/fit_sections.h"
#include "io/csv_table.h"
#include "io/fs.h"
#include "shpfit/station.h"

/* NULL-terminated: also the list of valid keys of "observations" */
static const char *const obs_names[SHP_OBS_COUNT + 1] = {"theta_final", "v", "Q", "theta_t",
                                                         "retention", "conductivity", NULL};

/* Points as read from files, before they go to the problem. */
typedef struct {
    int n;
    double *x, *depth, *y;
    long *line;
} points;

static void points_free(points *p)
{
    free(p->x);
    free(p->depth);
    free(p->y);
    free(p->line);
    *p = (points){0};
}

/* Room for n more points. */
static int points_grow(points *p, int n)
{
    const size_t m = (size_t)(p->n + n > 0 ? p->n + n : 1);
    double *x = realloc(p->x, m * sizeof *x);
    if (x) p->x = x;
    double *d = x ? realloc(p->depth, m * sizeof *d) : NULL;
    if (d) p->depth = d;
    double *y = d ? realloc(p->y, m * sizeof *y) : NULL;
    if (y) p->y = y;
    long *l = y ? realloc(p->line, m * sizeof *l) : NULL;
    if (l) p->line = l;
    return l ? 0 : -1;
}

static shp_observations observations_of(int kind, const points *p, const char *source)
{
    return (shp_observations){.kind = kind, .n = p->n, .x = p->x, .depth = p->depth, .y = p->y,
                              .source = source, .line = p->line};
}

/* The depth in a θ(t) column name "theta_at_10cm" / "theta_at_10": a unit suffix
 * must be the config's length unit (a depth in another unit would be misread). */
static int depth_of_name(const char *name, const char *unit, double *d)
{
    if (strncmp(name, "theta_at_", 9) != 0) return -1;
    char *end;
    *d = strtod(name + 9, &end);
    if (end == name + 9 || !isfinite(*d)) return -1;
    return *end == '\0' || !strcmp(end, unit) ? 0 : -2;
}

/* Read one observation file (x = first column, y = second; θ(t) flattened); a curve
 * file (cn not NULL) in any order and converted to the config's units. */
static int read_set(const cfg_ctx *c, const shp_forward_problem *fp, int kind, const char *path, const char *file,
                    const curve_names *cn, char *full, size_t flen, points *p)
{
    char why[SHP_MSG_MAX];
    if (shp_path_beside(shp_forward_source(fp), file, full, flen) != 0) return cfg_fail(c, path, "%s: %s", file, strerror(ENAMETOOLONG));
    static const char *const first[SHP_OBS_COUNT] = {"depth", "time", "time", "time", "h", "h"};
    static const char *const second[SHP_OBS_COUNT] = {"theta", "v", "Q", "theta", "theta", "K"};
    const char *names[2] = {first[kind], second[kind]};
    if (cn && cn->cfg_path) names[0] = cn->name[0], names[1] = cn->name[1];
    /* replicate measurements of a curve repeat a head, and lab sheets need not be sorted */
    const shp_csv_options opt = {.any_order = cn != NULL};
    shp_csv_table t;
    const int rc = shp_csv_read_table_opt(full, kind == SHP_OBS_THETA_T ? 0 : 2, names, &opt, &t, why, sizeof why);
    if (rc != SHP_OK) return cfg_fail(c, path, "%s: %s", full, why);
    int ok = SHP_OK;
    curve_names from_file = {{NULL, NULL}, NULL, 0};
    if (cn && cn->cfg_path && t.name)
        ok = cfg_fail(c, cn->cfg_path, "%s has a header line (line %ld: %s, %s) and \"columns\" names the columns "
                                       "too: keep one of them", full, t.header_line, t.name[0], t.name[1]);
    else if (cn && t.name)
        from_file = (curve_names){{t.name[0], t.name[1]}, NULL, t.header_line};
    const int nd = kind == SHP_OBS_THETA_T ? t.ncols - 1 : 1;
    if (ok == SHP_OK && kind == SHP_OBS_THETA_T) {
        if (nd < 1) ok = cfg_fail(c, path, "%s: needs a time column and theta_at_<depth> columns", full);
        for (int j = 1; j <= nd && ok == SHP_OK; ++j) {
            double d;
            const int r = depth_of_name(t.name[j], shp_forward_length_unit(fp), &d);
            if (r == -1)
                ok = cfg_fail(c, path, "%s: column \"%s\" is not theta_at_<depth>", full, t.name[j]);
            else if (r == -2)
                ok = cfg_fail(c, path, "%s: column \"%s\": the depth's unit is not the config's (%s)", full, t.name[j],
                              shp_forward_length_unit(fp));
        }
    }
    if (ok == SHP_OK && points_grow(p, t.m * nd) != 0) ok = cfg_fail(c, path, "out of memory");
    for (int i = 0; i < t.m && ok == SHP_OK; ++i)
        for (int j = 1; j <= nd; ++j) {
            const int k = i * nd + (j - 1);
            p->x[k] = t.col[0][i];
            p->depth[k] = 0.0;
            if (kind == SHP_OBS_THETA_T) depth_of_name(t.name[j], shp_forward_length_unit(fp), &p->depth[k]);
            p->y[k] = t.col[j][i];
            p->line[k] = t.line[i];
        }
    if (ok == SHP_OK) p->n = t.m * nd;
    if (ok == SHP_OK && cn)
        ok = cfg_curve_convert(fp, c, kind, path, full, t.name ? &from_file : cn, p->line, p->n, p->x, p->y);
    shp_csv_table_free(&t);
    return ok;
}

static int material_of(const shp_forward_problem *fp, const cfg_ctx *c, const cJSON *spec, const char *path,
                       int *mat)
{
    const char *name = NULL;
    CFG_TRY(cfg_string(c, spec, path, "material", shp_forward_n_materials(fp) > 1, &name));
    if (!name) {
        *mat = 0;
        return SHP_OK;
    }
    *mat = shp_forward_material_index(fp, name);
    if (*mat < 0) {
        char p[CFG_PATH_MAX];
        cfg_path(p, sizeof p, path, "material");
        return cfg_fail(c, p, "unknown material \"%s\"", name);
    }
    return SHP_OK;
}

/* The column of t named `name`, after the time column; −1 (with a message naming the
 * file's columns) when there is none. */
static int named_column(const cfg_ctx *c, const char *path, const char *full, const shp_csv_table *t,
                        const char *name, int *j)
{
    *j = -1;
    for (int k = 1; t->name && k < t->ncols; ++k)
        if (!strcmp(t->name[k], name)) *j = k;
    if (*j > 0) return SHP_OK;
    char have[512] = "";
    for (int k = 1; t->name && k < t->ncols; ++k) {
        const size_t u = strlen(have);
        snprintf(have + u, sizeof have - u, "%s%s", k > 1 ? ", " : "", t->name[k]);
    }
    return cfg_fail(c, path, "%s has no column \"%s\" (%s: %s)", full, name, t->name ? "its columns" : "no header",
                    have);
}

/* One θ(t) record of a sensor, "time,theta" with its days without a value left out
 * (as `shpfit import-station` writes them): appended to p at depth d, times shifted
 * and converted to the config's unit when the header names theirs (time_day, time_h,
 * time_min, time_s); with `column`, that column of a file with a header (one column of
 * a wide file) instead of its second. Checked with the file's lines. */
static int read_series(const cfg_ctx *c, shp_problem *pb, const char *path, const char *file, const char *column,
                       double d, double shift, points *p)
{
    const shp_forward_problem *fp = shp_problem_forward(pb);
    char full[SHP_PATH_MAX], why[SHP_MSG_MAX];
    if (shp_path_beside(shp_forward_source(fp), file, full, sizeof full) != 0)
        return cfg_fail(c, path, "%s: %s", file, strerror(ENAMETOOLONG));
    static const char *const names[2] = {"time", "theta"};
    shp_csv_table t;
    /* one file per sensor (time, theta), or one column of a wide file (a synth theta_t) */
    const int rc = shp_csv_read_table(full, column ? 0 : 2, column ? NULL : names, &t, why, sizeof why);
    if (rc != SHP_OK) return cfg_fail(c, path, "%s: %s", full, why);
    int jt = 1;
    int ok = column ? named_column(c, path, full, &t, column, &jt) : SHP_OK;
    const double per = t.name ? cfg_time_column_minutes(t.name[0]) : 0.0;
    const double k = per > 0.0 ? per / shp_forward_min_per_time(fp) : 1.0;
    const int n0 = p->n, m = t.m;
    if (ok == SHP_OK && points_grow(p, t.m) != 0) ok = cfg_fail(c, path, "out of memory");
    for (int i = 0; i < t.m && ok == SHP_OK; ++i) {
        p->x[n0 + i] = t.col[0][i] * k + shift;
        p->depth[n0 + i] = d;
        p->y[n0 + i] = t.col[jt][i];
        p->line[n0 + i] = t.line[i];
    }
    shp_csv_table_free(&t);
    if (ok != SHP_OK) return ok;
    /* the file's own ranges, with its lines in the messages */
    const points mine = {m, p->x + n0, p->depth + n0, p->y + n0, p->line + n0};
    const shp_observations ob = observations_of(SHP_OBS_THETA_T, &mine, full);
    if (mine.n > 0 && (ok = shp_problem_check_observations(pb, &ob)) != SHP_OK) return cfg_fit_fail(c, pb, ok);
    p->n = n0 + m;
    return SHP_OK;
}

/* theta_t "origin": the calendar date of t = 0 (station.json's period.day_origin), which
 * lets the periods be given as dates. *given = 0 when absent. */
static int parse_origin(shp_theta_periods *tp, const cfg_ctx *c, const cJSON *spec, const char *path, long *day,
                        int *given)
{
    const char *iso = NULL;
    *given = 0;
    CFG_TRY(cfg_string(c, spec, path, "origin", 0, &iso));
    if (!iso) return SHP_OK;
    char p[CFG_PATH_MAX];
    cfg_path(p, sizeof p, path, "origin");
    if (shp_date_parse_iso(iso, day) != 0) return cfg_fail(c, p, "\"%s\" is not a date YYYY-MM-DD", iso);
    snprintf(tp->origin, sizeof tp->origin, "%s", iso);
    *given = 1;
    return SHP_OK;
}

/* A period's bound `key` of obj: a time [T], or a date "YYYY-MM-DD" counted from origin
 * (NULL: none given) in the config's time unit. A date in "from" is the start of that
 * day, in "to" its end (end_of_day), so that "to": "2013-12-31" keeps the records of the
 * whole day, as a hydrologist reads a period. Absent and not required: *out unchanged. */
static int period_bound(const shp_forward_problem *fp, const shp_theta_periods *tp, const cfg_ctx *c, const cJSON *obj, const char *path,
                        const char *key, int required, const long *origin, int end_of_day, double *out)
{
    const cJSON *it = cfg_child(obj, key);
    char p[CFG_PATH_MAX];
    cfg_path(p, sizeof p, path, key);
    const char *T = shp_forward_time_unit(fp);
    if (!it && required) return cfg_fail(c, p, "missing: a time [%s] or a date \"YYYY-MM-DD\"", T);
    if (!it) return SHP_OK;
    if (cJSON_IsNumber(it)) return cfg_number_item(c, it, p, out);
    if (!cJSON_IsString(it))
        return cfg_fail(c, p, "expected a time [%s] or a date \"YYYY-MM-DD\", got %s", T, cfg_type_name(it));
    long day;
    if (shp_date_parse_iso(it->valuestring, &day) != 0)
        return cfg_fail(c, p, "\"%s\" is not a date YYYY-MM-DD (nor a number of %s)", it->valuestring, T);
    if (!origin)
        return cfg_fail(c, p, "the date \"%s\" needs theta_t \"origin\": the date of t = 0 (station.json's "
                              "period.day_origin)", it->valuestring);
    if (day < *origin)
        return cfg_fail(c, p, "%s is before \"origin\" (%s)", it->valuestring, tp->origin);
    /* every time unit (d, h, min, s) divides a day: the factor is a whole number */
    const double per_day = floor(1440.0 / shp_forward_min_per_time(fp) + 0.5);
    *out = (double)(day - *origin + (end_of_day ? 1 : 0)) * per_day;
    return SHP_OK;
}

/* theta_t "validation": {"from", "to"}, a period apart from the calibration (the problem
 * checks the order and that the periods share an end at most). */
static int parse_validation(const shp_forward_problem *fp, shp_theta_periods *tp, const cfg_ctx *c,
                            const cJSON *spec, const char *path, const long *origin)
{
    static const char *const keys[] = {"from", "to", NULL};
    const cJSON *v = cfg_child(spec, "validation");
    if (!v) return SHP_OK;
    char vp[CFG_PATH_MAX];
    cfg_path(vp, sizeof vp, path, "validation");
    if (!cJSON_IsObject(v))
        return cfg_fail(c, vp, "expected an object {\"from\": ..., \"to\": ...}, got %s", cfg_type_name(v));
    CFG_TRY(cfg_check_keys(c, v, vp, keys));
    CFG_TRY(period_bound(fp, tp, c, v, vp, "from", 1, origin, 0, &tp->val_from));
    CFG_TRY(period_bound(fp, tp, c, v, vp, "to", 1, origin, 1, &tp->val_to));
    tp->validation = 1;
    return SHP_OK;
}

/* "theta_t" of sensor records: "series" [{file, depth}, …], "shift", "from", "to",
 * "validation", "origin"; the problem keeps the calibration period's points as the
 * objective and every record up to the end of both periods. */
static int parse_theta_series(const cfg_ctx *c, shp_problem *pb, const cJSON *spec, const char *path)
{
    static const char *const keys[] = {"series", "shift", "from", "to", "validation", "origin", NULL};
    static const char *const skeys[] = {"file", "depth", "column", NULL};
    CFG_TRY(cfg_check_keys(c, spec, path, keys));
    const shp_forward_problem *fp = shp_problem_forward(pb);
    shp_theta_periods tp = {.from = -INFINITY, .to = INFINITY};
    long origin_day = 0;
    int has_origin = 0;
    CFG_TRY(parse_origin(&tp, c, spec, path, &origin_day, &has_origin));
    const long *origin = has_origin ? &origin_day : NULL;
    double shift = 0.0;
    CFG_TRY(cfg_number(c, spec, path, "shift", 0, &shift, NULL));
    CFG_TRY(period_bound(fp, &tp, c, spec, path, "from", 0, origin, 0, &tp.from));
    CFG_TRY(period_bound(fp, &tp, c, spec, path, "to", 0, origin, 1, &tp.to));
    CFG_TRY(parse_validation(fp, &tp, c, spec, path, origin));
    char p[CFG_PATH_MAX], q[CFG_PATH_MAX];
    const cJSON *arr = cfg_child(spec, "series");
    cfg_path(p, sizeof p, path, "series");
    if (!cJSON_IsArray(arr) || cJSON_GetArraySize(arr) < 1)
        return cfg_fail(c, p, "expected an array of {\"file\": ..., \"depth\": ...}");
    points pts = {0};
    int rc = SHP_OK, k = 0;
    for (const cJSON *e = arr->child; e && rc == SHP_OK; e = e->next, ++k) {
        cfg_path_index(q, sizeof q, p, k);
        const char *file = NULL, *column = NULL;
        double d = 0.0;
        if (!cJSON_IsObject(e)) rc = cfg_fail(c, q, "expected an object, got %s", cfg_type_name(e));
        if (rc == SHP_OK) rc = cfg_check_keys(c, e, q, skeys);
        if (rc == SHP_OK) rc = cfg_string(c, e, q, "file", 1, &file);
        if (rc == SHP_OK) rc = cfg_number(c, e, q, "depth", 1, &d, NULL);
        if (rc == SHP_OK) rc = cfg_string(c, e, q, "column", 0, &column);
        if (rc == SHP_OK) {
            char pf[CFG_PATH_MAX];
            cfg_path(pf, sizeof pf, q, "file");
            rc = read_series(c, pb, pf, file, column, d, shift, &pts);
        }
    }
    if (rc == SHP_OK) {
        shp_observations ob = observations_of(SHP_OBS_THETA_T, &pts, NULL);
        ob.periods = &tp;
        rc = shp_problem_add_observations(pb, &ob);
        if (rc != SHP_OK) rc = cfg_fit_fail(c, pb, rc);
    }
    points_free(&pts);
    return rc;
}

/* One observation kind of the files form: {"file": …} with its kind's keys. */
static int parse_file_obs(const cfg_ctx *c, shp_problem *pb, int kind, const cJSON *spec, const char *path)
{
    static const char *const keys_common[] = {"file", NULL};
    static const char *const keys_v[] = {"file", "rate", NULL};
    static const char *const keys_final[] = {"file", "time", NULL};
    static const char *const keys_curve[] = {"file", "material", "columns", NULL};
    static const char *const rates[] = {"interval_mean", "instantaneous", NULL};
    const shp_forward_problem *fp = shp_problem_forward(pb);
    const char *const *keys = kind == SHP_OBS_V ? keys_v
                              : kind == SHP_OBS_THETA_FINAL ? keys_final
                              : kind >= SHP_OBS_RETENTION ? keys_curve
                                                          : keys_common;
    CFG_TRY(cfg_check_keys(c, spec, path, keys));
    const char *file;
    CFG_TRY(cfg_string(c, spec, path, "file", 1, &file));
    char fpath[CFG_PATH_MAX], cpath[CFG_PATH_MAX], full[SHP_PATH_MAX];
    cfg_path(fpath, sizeof fpath, path, "file");
    curve_names cn = {{NULL, NULL}, NULL, 0};
    const int curve = kind >= SHP_OBS_RETENTION;
    if (curve) CFG_TRY(cfg_curve_declared_columns(c, spec, path, &cn, cpath, sizeof cpath));
    shp_observations ob = {.kind = kind};
    /* infiltration rates measured in ponding experiments are volumes read over
     * intervals: the mean since the previous reading, not the flux at its time */
    if (kind == SHP_OBS_V) CFG_TRY(cfg_choice(c, spec, path, "rate", rates, 0, &ob.instantaneous));
    if (kind == SHP_OBS_THETA_FINAL) {
        CFG_TRY(cfg_number(c, spec, path, "time", 0, &ob.time, NULL));
        if (cfg_child(spec, "time")) { /* the problem checks the range; 0 there means "not given" */
            char p[CFG_PATH_MAX];
            cfg_path(p, sizeof p, path, "time");
            CFG_TRY(cfg_require_gt(c, p, ob.time, 0.0));
        }
    }
    if (curve) CFG_TRY(material_of(fp, c, spec, path, &ob.material));
    points pts = {0};
    int rc = read_set(c, fp, kind, fpath, file, curve ? &cn : NULL, full, sizeof full, &pts);
    if (rc == SHP_OK) {
        ob.n = pts.n, ob.x = pts.x, ob.depth = kind == SHP_OBS_THETA_T ? pts.depth : NULL, ob.y = pts.y;
        ob.source = full, ob.line = pts.line;
        rc = shp_problem_add_observations(pb, &ob);
        if (rc != SHP_OK) rc = cfg_fit_fail(c, pb, rc);
    }
    points_free(&pts);
    return rc;
}

int cfg_parse_fit_obs(const cfg_ctx *c, shp_problem *pb, const cJSON *fit)
{
    const cJSON *os;
    CFG_TRY(cfg_object(c, fit, "fit", "observations", 1, &os));
    CFG_TRY(cfg_check_keys(c, os, "fit.observations", obs_names));
    int any = 0;
    for (int kind = 0; kind < SHP_OBS_COUNT; ++kind) {
        const cJSON *spec = cfg_child(os, obs_names[kind]);
        if (!spec) continue;
        char path[CFG_PATH_MAX];
        cfg_path(path, sizeof path, "fit.observations", obs_names[kind]);
        if (!cJSON_IsObject(spec)) return cfg_fail(c, path, "expected an object, got %s", cfg_type_name(spec));
        if (kind == SHP_OBS_THETA_T && cfg_child(spec, "series")) CFG_TRY(parse_theta_series(c, pb, spec, path));
        else CFG_TRY(parse_file_obs(c, pb, kind, spec, path));
        any = 1;
    }
    return any ? SHP_OK : cfg_fail(c, "fit.observations", "no observations");
}
