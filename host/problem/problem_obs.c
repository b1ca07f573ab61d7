/* "fit.observations": the measured series, read from CSV files named relative to the
 * config, and the column set-up they imply: output times = every observation time,
 * observation depths = every depth with a θ measurement.
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
 * and K [L/T] of the config (problem_curve_cols.c), and nothing downstream sees the
 * difference. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config/cfg_sections.h"
#include "io/csv_table.h"
#include "io/fs.h"
#include "problem/problem_internal.h"
#include "shpfit/station.h"

/* NULL-terminated: also the list of valid keys of "observations" */
static const char *const obs_names[SHP_OBS_COUNT + 1] = {"theta_final", "v", "Q", "theta_t",
                                                         "retention", "conductivity", NULL};

const char *shp_obs_name(int kind)
{
    return kind >= 0 && kind < SHP_OBS_COUNT ? obs_names[kind] : "unknown";
}

/* The arrays of o's n points that the comparison fills (indices, simulated values,
 * transformed observations). */
static int alloc_point_arrays(obs_set *o, int n)
{
    o->t_index = calloc((size_t)n, sizeof *o->t_index);
    o->d_index = calloc((size_t)n, sizeof *o->d_index);
    o->sim = calloc((size_t)n, sizeof *o->sim);
    o->obs_t = calloc((size_t)n, sizeof *o->obs_t);
    return o->t_index && o->d_index && o->sim && o->obs_t ? 0 : -1;
}

void shp_obs_set_free(obs_set *o)
{
    free(o->x);
    free(o->x2);
    free(o->y);
    free(o->t_index);
    free(o->d_index);
    free(o->sim);
    free(o->obs_t);
}

static int alloc_set(obs_set *o, int n)
{
    o->n = n;
    o->x = calloc((size_t)n, sizeof *o->x);
    o->x2 = calloc((size_t)n, sizeof *o->x2);
    o->y = calloc((size_t)n, sizeof *o->y);
    return o->x && o->x2 && o->y && alloc_point_arrays(o, n) == 0 ? 0 : -1;
}

/* Add v to a sorted set of distinct values (times or depths). */
static int add_unique(double **arr, int *n, double v)
{
    for (int k = 0; k < *n; ++k)
        if ((*arr)[k] == v) return 0;
    double *p = realloc(*arr, (size_t)(*n + 1) * sizeof *p);
    if (!p) return -1;
    int k = *n;
    while (k > 0 && p[k - 1] > v) {
        p[k] = p[k - 1];
        --k;
    }
    p[k] = v;
    *arr = p;
    ++*n;
    return 0;
}

static int index_of(const double *arr, int n, double v)
{
    for (int k = 0; k < n; ++k)
        if (arr[k] == v) return k;
    return -1;
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

static int check_ranges(shp_problem *pb, const cfg_ctx *c, int kind, const char *path, const char *full,
                        const long *line, obs_set *o);

/* Read one observation file into o (x = first column, y = second; θ(t) flattened); a
 * curve file (cn not NULL) in any order and converted to the config's units. */
static int read_set(shp_problem *pb, const cfg_ctx *c, int kind, const char *path,
                    const char *file, const curve_names *cn, obs_set *o)
{
    char full[SHP_PATH_MAX], why[SHP_MSG_MAX];
    if (shp_path_beside(pb->fp->path, file, full, sizeof full) != 0)
        return cfg_fail(c, path, "%s: %s", file, strerror(ENAMETOOLONG));
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
    /* each value's line in the file, for the range checks' messages */
    long *line = malloc((size_t)(t.m * (t.ncols > 1 ? t.ncols - 1 : 1)) * sizeof *line);
    if (!line && ok == SHP_OK) ok = cfg_fail(c, path, "out of memory");
    if (ok == SHP_OK && kind == SHP_OBS_THETA_T) {
        const int nd = t.ncols - 1;
        if (nd < 1) ok = cfg_fail(c, path, "%s: needs a time column and theta_at_<depth> columns", full);
        for (int j = 1; j <= nd && ok == SHP_OK; ++j) {
            double d;
            const int r = depth_of_name(t.name[j], pb->fp->length_unit, &d);
            if (r == -1)
                ok = cfg_fail(c, path, "%s: column \"%s\" is not theta_at_<depth>", full, t.name[j]);
            else if (r == -2)
                ok = cfg_fail(c, path, "%s: column \"%s\": the depth's unit is not the config's (%s)",
                              full, t.name[j], pb->fp->length_unit);
        }
        if (ok == SHP_OK && alloc_set(o, t.m * nd) != 0) ok = cfg_fail(c, path, "out of memory");
        for (int i = 0; i < t.m && ok == SHP_OK; ++i)
            for (int j = 1; j <= nd; ++j) {
                const int k = i * nd + (j - 1);
                o->x[k] = t.col[0][i];
                depth_of_name(t.name[j], pb->fp->length_unit, &o->x2[k]);
                o->y[k] = t.col[j][i];
                line[k] = t.line[i];
            }
    } else if (ok == SHP_OK) {
        if (alloc_set(o, t.m) != 0) ok = cfg_fail(c, path, "out of memory");
        for (int i = 0; i < t.m && ok == SHP_OK; ++i) {
            o->x[i] = t.col[0][i];
            o->y[i] = t.col[1][i];
            line[i] = t.line[i];
        }
        if (ok == SHP_OK && cn)
            ok = shp_curve_convert(pb, c, kind, path, full, t.name ? &from_file : cn, line, o);
    }
    shp_csv_table_free(&t);
    if (ok == SHP_OK) ok = check_ranges(pb, c, kind, path, full, line, o);
    free(line);
    return ok;
}

/* Physical ranges: a time > 0 and plausible, a depth in the column, θ in [0, 1], K > 0. */
static int check_ranges(shp_problem *pb, const cfg_ctx *c, int kind, const char *path, const char *full,
                        const long *line, obs_set *o)
{
    const double depth = pb->fp->column.n > 0 ? pb->fp->z[pb->fp->column.n - 1] : 0.0; /* none: curves only */
    for (int i = 0; i < o->n; ++i) {
        const long ln = line[i];
        const int timed = kind == SHP_OBS_Q || kind == SHP_OBS_V || kind == SHP_OBS_THETA_T;
        if (timed && !(o->x[i] > 0.0))
            return cfg_fail(c, path, "%s: line %ld: times must be > 0 (got %g)", full, ln, o->x[i]);
        if (timed && !(o->x[i] <= SHP_TIME_MAX_MIN / pb->fp->min_per_time))
            return cfg_fail(c, path, "%s: line %ld: time %g is beyond %g %s (%s)", full, ln, o->x[i],
                            SHP_TIME_MAX_MIN / pb->fp->min_per_time, pb->fp->time_unit, SHP_TIME_MAX_TEXT);
        const double d = kind == SHP_OBS_THETA_FINAL ? o->x[i] : o->x2[i];
        if ((kind == SHP_OBS_THETA_FINAL || kind == SHP_OBS_THETA_T) && !(d >= 0.0 && d <= depth))
            return cfg_fail(c, path, "%s: line %ld: depth %g is outside the column (0 to %g)", full, ln, d, depth);
        if ((kind == SHP_OBS_THETA_FINAL || kind == SHP_OBS_THETA_T || kind == SHP_OBS_RETENTION) &&
            !(o->y[i] >= 0.0 && o->y[i] <= 1.0))
            return cfg_fail(c, path, "%s: line %ld: theta %g is outside [0, 1]%s", full, ln, o->y[i],
                            kind == SHP_OBS_RETENTION && o->y[i] > 1.0 && o->y[i] <= 100.0
                                ? " (percent? name the column \"theta[%]\")" : "");
        if (kind == SHP_OBS_CONDUCTIVITY && !(o->y[i] > 0.0))
            return cfg_fail(c, path, "%s: line %ld: K must be > 0 (got %g)", full, ln, o->y[i]);
        o->obs_t[i] = kind == SHP_OBS_CONDUCTIVITY ? log10(o->y[i]) : o->y[i];
    }
    return SHP_OK;
}

static int material_of(shp_problem *pb, const cfg_ctx *c, const cJSON *spec, const char *path,
                       int *mat)
{
    const char *name = NULL;
    CFG_TRY(cfg_string(c, spec, path, "material", pb->fp->n_materials > 1, &name));
    if (!name) {
        *mat = 0;
        return SHP_OK;
    }
    *mat = shp_forward_material_index(pb->fp, name);
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
 * (as `shpfit import-station` writes them): appended to o at depth d, times shifted
 * and converted to the config's unit when the header names theirs (time_day, time_h,
 * time_min, time_s); with `column`, that column of a file with a header
 * (one column of a wide file) instead of its second. */
static int read_series(shp_problem *pb, const cfg_ctx *c, const char *path, const char *file, const char *column,
                       double d, double shift, obs_set *o, long **line)
{
    char full[SHP_PATH_MAX], why[SHP_MSG_MAX];
    if (shp_path_beside(pb->fp->path, file, full, sizeof full) != 0)
        return cfg_fail(c, path, "%s: %s", file, strerror(ENAMETOOLONG));
    static const char *const names[2] = {"time", "theta"};
    shp_csv_table t;
    /* one file per sensor (time, theta), or one column of a wide file (a synth theta_t) */
    const int rc = shp_csv_read_table(full, column ? 0 : 2, column ? NULL : names, &t, why, sizeof why);
    if (rc != SHP_OK) return cfg_fail(c, path, "%s: %s", full, why);
    int jt = 1;
    const int found = column ? named_column(c, path, full, &t, column, &jt) : SHP_OK;
    if (found != SHP_OK) {
        shp_csv_table_free(&t);
        return found;
    }
    const double per = t.name ? cfg_time_column_minutes(t.name[0]) : 0.0;
    const double k = per > 0.0 ? per / pb->fp->min_per_time : 1.0;
    const int n0 = o->n, n = n0 + t.m;
    double *x = realloc(o->x, sizeof *x * (size_t)n), *x2 = NULL, *y = NULL;
    if (x) o->x = x;
    if (x && (x2 = realloc(o->x2, sizeof *x2 * (size_t)n))) o->x2 = x2;
    if (x2 && (y = realloc(o->y, sizeof *y * (size_t)n))) o->y = y;
    long *l = y ? realloc(*line, sizeof *l * (size_t)n) : NULL;
    if (l) *line = l;
    int ok = l ? SHP_OK : cfg_fail(c, path, "out of memory");
    for (int i = 0; i < t.m && ok == SHP_OK; ++i) {
        o->x[n0 + i] = t.col[0][i] * k + shift;
        o->x2[n0 + i] = d;
        o->y[n0 + i] = t.col[jt][i];
        l[n0 + i] = t.line[i];
    }
    shp_csv_table_free(&t);
    if (ok != SHP_OK) return ok;
    /* the file's own ranges, with its lines in the messages */
    double *obs_t = malloc(sizeof *obs_t * (size_t)(n - n0 + 1));
    if (!obs_t) return cfg_fail(c, path, "out of memory");
    obs_set v = {.n = n - n0, .x = o->x + n0, .x2 = o->x2 + n0, .y = o->y + n0, .obs_t = obs_t};
    ok = check_ranges(pb, c, SHP_OBS_THETA_T, path, full, l + n0, &v);
    free(obs_t);
    if (ok == SHP_OK) o->n = n;
    return ok;
}

/* Keep the points of o with from ≤ time ≤ to (the calibration period, after a warm-up). */
static void keep_period(obs_set *o, long *line, double from, double to)
{
    int m = 0;
    for (int i = 0; i < o->n; ++i) {
        if (o->x[i] < from || o->x[i] > to) continue;
        o->x[m] = o->x[i], o->x2[m] = o->x2[i], o->y[m] = o->y[i], line[m] = line[i];
        ++m;
    }
    o->n = m;
}

/* theta_t "origin": the calendar date of t = 0 (station.json's period.day_origin), which
 * lets the periods be given as dates. *given = 0 when absent. */
static int parse_origin(shp_problem *pb, const cfg_ctx *c, const cJSON *spec, const char *path, long *day,
                        int *given)
{
    const char *iso = NULL;
    *given = 0;
    CFG_TRY(cfg_string(c, spec, path, "origin", 0, &iso));
    if (!iso) return SHP_OK;
    char p[CFG_PATH_MAX];
    cfg_path(p, sizeof p, path, "origin");
    if (shp_date_parse_iso(iso, day) != 0) return cfg_fail(c, p, "\"%s\" is not a date YYYY-MM-DD", iso);
    snprintf(pb->periods.origin, sizeof pb->periods.origin, "%s", iso);
    *given = 1;
    return SHP_OK;
}

/* A period's bound `key` of obj: a time [T], or a date "YYYY-MM-DD" counted from origin
 * (NULL: none given) in the config's time unit. A date in "from" is the start of that
 * day, in "to" its end (end_of_day), so that "to": "2013-12-31" keeps the records of the
 * whole day, as a hydrologist reads a period. Absent and not required: *out unchanged. */
static int period_bound(const shp_problem *pb, const cfg_ctx *c, const cJSON *obj, const char *path,
                        const char *key, int required, const long *origin, int end_of_day, double *out)
{
    const cJSON *it = cfg_child(obj, key);
    char p[CFG_PATH_MAX];
    cfg_path(p, sizeof p, path, key);
    const char *T = pb->fp->time_unit;
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
        return cfg_fail(c, p, "%s is before \"origin\" (%s)", it->valuestring, pb->periods.origin);
    /* every time unit (d, h, min, s) divides a day: the factor is a whole number */
    const double per_day = floor(1440.0 / pb->fp->min_per_time + 0.5);
    *out = (double)(day - *origin + (end_of_day ? 1 : 0)) * per_day;
    return SHP_OK;
}

/* "to" after "from" at path, else a message naming both. */
static int check_order(const cfg_ctx *c, const char *path, double from, double to, const char *unit)
{
    if (to > from) return SHP_OK;
    char p[CFG_PATH_MAX];
    cfg_path(p, sizeof p, path, "to");
    return cfg_fail(c, p, "must be after \"from\" (to %g %s, from %g %s)", to, unit, from, unit);
}

/* theta_t "validation": {"from", "to"}, a period apart from the calibration. Periods may
 * share an end, not more: a point scored in both would not test the calibration. */
static int parse_validation(shp_problem *pb, const cfg_ctx *c, const cJSON *spec, const char *path,
                            const long *origin)
{
    static const char *const keys[] = {"from", "to", NULL};
    const cJSON *v = cfg_child(spec, "validation");
    if (!v) return SHP_OK;
    shp_theta_periods *tp = &pb->periods;
    const char *T = pb->fp->time_unit;
    char vp[CFG_PATH_MAX];
    cfg_path(vp, sizeof vp, path, "validation");
    if (!cJSON_IsObject(v))
        return cfg_fail(c, vp, "expected an object {\"from\": ..., \"to\": ...}, got %s", cfg_type_name(v));
    CFG_TRY(cfg_check_keys(c, v, vp, keys));
    CFG_TRY(period_bound(pb, c, v, vp, "from", 1, origin, 0, &tp->val_from));
    CFG_TRY(period_bound(pb, c, v, vp, "to", 1, origin, 1, &tp->val_to));
    CFG_TRY(check_order(c, vp, tp->val_from, tp->val_to, T));
    if (tp->val_from < tp->to && tp->val_to > tp->from)
        return cfg_fail(c, vp, "the validation period (%g to %g %s) overlaps the calibration period (theta_t "
                               "\"from\" %g to \"to\" %g %s): the periods may share an end, not more%s",
                        tp->val_from, tp->val_to, T, tp->from, tp->to, T,
                        isfinite(tp->from) && isfinite(tp->to) ? "" : " (give theta_t \"from\" and \"to\")");
    tp->validation = 1;
    return SHP_OK;
}

int shp_theta_period_of(const shp_theta_periods *tp, double t)
{
    if (t >= tp->from && t <= tp->to) return SHP_PERIOD_CALIBRATION;
    if (tp->validation && t >= tp->val_from && t <= tp->val_to) return SHP_PERIOD_VALIDATION;
    return SHP_PERIOD_NONE;
}

/* The records of o (all read) up to the last one of either period into pb->records,
 * each with its period: the warm-up too, so the reported column's plot shows it, and the
 * candidates' output times (and so their steps) do not depend on the validation. */
static int keep_records(shp_problem *pb, const cfg_ctx *c, const char *path, const obs_set *o)
{
    const shp_theta_periods *tp = &pb->periods;
    double t_end = -INFINITY;
    int n_cal = 0, n_val = 0;
    for (int i = 0; i < o->n; ++i) {
        const int per = shp_theta_period_of(tp, o->x[i]);
        n_cal += per == SHP_PERIOD_CALIBRATION;
        n_val += per == SHP_PERIOD_VALIDATION;
        if (per != SHP_PERIOD_NONE) t_end = fmax(t_end, o->x[i]);
    }
    const char *T = pb->fp->time_unit;
    if (n_cal == 0)
        return cfg_fail(c, path, "none of the %d values lies between from (%g %s) and to (%g %s)", o->n, tp->from, T,
                        tp->to, T);
    if (tp->validation && n_val == 0) {
        char vp[CFG_PATH_MAX];
        cfg_path(vp, sizeof vp, path, "validation");
        return cfg_fail(c, vp, "none of the %d values lies between from (%g %s) and to (%g %s)", o->n, tp->val_from,
                        T, tp->val_to, T);
    }
    int n = 0;
    for (int i = 0; i < o->n; ++i) n += o->x[i] <= t_end;
    obs_set *r = &pb->records;
    pb->record_period = malloc(sizeof *pb->record_period * (size_t)(n ? n : 1));
    if (!pb->record_period || alloc_set(r, n) != 0) return cfg_fail(c, path, "out of memory");
    int k = 0;
    for (int i = 0; i < o->n; ++i) {
        if (o->x[i] > t_end) continue;
        r->x[k] = o->x[i], r->x2[k] = o->x2[i], r->y[k] = r->obs_t[k] = o->y[i];
        pb->record_period[k++] = shp_theta_period_of(tp, o->x[i]);
    }
    r->present = 1;
    pb->periods.records = 1;
    pb->periods.n_calibration = n_cal;
    pb->periods.n_validation = n_val;
    return SHP_OK;
}

/* "theta_t" of sensor records: "series" [{file, depth}, …], "shift", "from", "to",
 * "validation", "origin". o receives the calibration period's points, pb->records
 * every record up to the end of both periods. */
static int parse_theta_series(shp_problem *pb, const cfg_ctx *c, const cJSON *spec, const char *path, obs_set *o)
{
    static const char *const keys[] = {"series", "shift", "from", "to", "validation", "origin", NULL};
    static const char *const skeys[] = {"file", "depth", "column", NULL};
    CFG_TRY(cfg_check_keys(c, spec, path, keys));
    shp_theta_periods *tp = &pb->periods;
    tp->from = -INFINITY, tp->to = INFINITY;
    long origin_day = 0;
    int has_origin = 0;
    CFG_TRY(parse_origin(pb, c, spec, path, &origin_day, &has_origin));
    const long *origin = has_origin ? &origin_day : NULL;
    double shift = 0.0;
    CFG_TRY(cfg_number(c, spec, path, "shift", 0, &shift, NULL));
    CFG_TRY(period_bound(pb, c, spec, path, "from", 0, origin, 0, &tp->from));
    CFG_TRY(period_bound(pb, c, spec, path, "to", 0, origin, 1, &tp->to));
    CFG_TRY(check_order(c, path, tp->from, tp->to, pb->fp->time_unit));
    CFG_TRY(parse_validation(pb, c, spec, path, origin));
    char p[CFG_PATH_MAX], q[CFG_PATH_MAX];
    const cJSON *arr = cfg_child(spec, "series");
    cfg_path(p, sizeof p, path, "series");
    if (!cJSON_IsArray(arr) || cJSON_GetArraySize(arr) < 1)
        return cfg_fail(c, p, "expected an array of {\"file\": ..., \"depth\": ...}");
    long *line = NULL;
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
            rc = read_series(pb, c, pf, file, column, d, shift, o, &line);
        }
    }
    if (rc == SHP_OK) rc = keep_records(pb, c, path, o);
    if (rc == SHP_OK) keep_period(o, line, tp->from, tp->to);
    if (rc == SHP_OK && alloc_point_arrays(o, o->n) != 0) rc = cfg_fail(c, path, "out of memory");
    for (int i = 0; rc == SHP_OK && i < o->n; ++i) o->obs_t[i] = o->y[i];
    free(line);
    return rc;
}

int shp_problem_parse_obs(shp_problem *pb, const cfg_ctx *c, const cJSON *fit)
{
    static const char *const keys_common[] = {"file", NULL};
    static const char *const keys_v[] = {"file", "rate", NULL};
    static const char *const keys_final[] = {"file", "time", NULL};
    static const char *const keys_curve[] = {"file", "material", "columns", NULL};
    static const char *const rates[] = {"interval_mean", "instantaneous", NULL};
    const cJSON *os;
    CFG_TRY(cfg_object(c, fit, "fit", "observations", 1, &os));
    CFG_TRY(cfg_check_keys(c, os, "fit.observations", obs_names));
    const shp_forward_problem *fp = pb->fp;
    double t_end = fp->column.n_out > 0 ? fp->t_out[fp->column.n_out - 1] : 0.0; /* none: curves only */
    int any = 0;
    for (int kind = 0; kind < SHP_OBS_COUNT; ++kind) {
        const cJSON *spec = cfg_child(os, obs_names[kind]);
        if (!spec) continue;
        char path[CFG_PATH_MAX], fpath[CFG_PATH_MAX], cpath[CFG_PATH_MAX];
        cfg_path(path, sizeof path, "fit.observations", obs_names[kind]);
        if (!cJSON_IsObject(spec)) return cfg_fail(c, path, "expected an object, got %s", cfg_type_name(spec));
        if (kind == SHP_OBS_THETA_T && cfg_child(spec, "series")) {
            CFG_TRY(parse_theta_series(pb, c, spec, path, &pb->obs[kind]));
            pb->obs[kind].present = any = 1;
            continue;
        }
        const char *const *keys = kind == SHP_OBS_V ? keys_v
                                  : kind == SHP_OBS_THETA_FINAL ? keys_final
                                  : kind >= SHP_OBS_RETENTION ? keys_curve
                                                              : keys_common;
        CFG_TRY(cfg_check_keys(c, spec, path, keys));
        const char *file;
        CFG_TRY(cfg_string(c, spec, path, "file", 1, &file));
        obs_set *o = &pb->obs[kind];
        cfg_path(fpath, sizeof fpath, path, "file");
        curve_names cn = {{NULL, NULL}, NULL, 0};
        const int curve = kind >= SHP_OBS_RETENTION;
        if (curve) CFG_TRY(shp_curve_declared_columns(c, spec, path, &cn, cpath, sizeof cpath));
        CFG_TRY(read_set(pb, c, kind, fpath, file, curve ? &cn : NULL, o));
        o->present = 1;
        any = 1;
        if (kind == SHP_OBS_V) {
            /* infiltration rates measured in ponding experiments are volumes read over
             * intervals: the mean since the previous reading, not the flux at its time */
            CFG_TRY(cfg_choice(c, spec, path, "rate", rates, 0, &o->instantaneous));
        }
        if (kind == SHP_OBS_THETA_FINAL) {
            CFG_TRY(cfg_number(c, spec, path, "time", 0, &t_end, NULL));
            char p[CFG_PATH_MAX];
            cfg_path(p, sizeof p, path, "time");
            CFG_TRY(cfg_require_gt(c, p, t_end, 0.0));
            CFG_TRY(cfg_require_le(c, p, t_end, SHP_TIME_MAX_MIN / fp->min_per_time, SHP_TIME_MAX_TEXT));
        }
        if (kind >= SHP_OBS_RETENTION) CFG_TRY(material_of(pb, c, spec, path, &o->mat));
    }
    if (!any) return cfg_fail(c, "fit.observations", "no observations");

    /* the column's output times and observation depths */
    for (int kind = 0; kind < SHP_OBS_RETENTION; ++kind) {
        obs_set *o = &pb->obs[kind];
        if (!o->present) continue;
        pb->needs_column = 1;
        for (int i = 0; i < o->n; ++i) {
            if (kind != SHP_OBS_THETA_FINAL && add_unique(&pb->t_out, &pb->n_out, o->x[i]) != 0)
                return cfg_fail(c, "fit.observations", "out of memory");
            const int has_depth = kind == SHP_OBS_THETA_FINAL || kind == SHP_OBS_THETA_T;
            const double d = kind == SHP_OBS_THETA_FINAL ? o->x[i] : o->x2[i];
            if (has_depth && add_unique(&pb->obs_depth, &pb->n_obs_depth, d) != 0)
                return cfg_fail(c, "fit.observations", "out of memory");
        }
        if (kind == SHP_OBS_THETA_FINAL && add_unique(&pb->t_out, &pb->n_out, t_end) != 0)
            return cfg_fail(c, "fit.observations", "out of memory");
    }
    /* the candidates' column ends at the last time any objective compares; the reported
     * one runs on to the last record (a validation period after the calibration) */
    const double t_candidates = pb->n_out > 0 ? pb->t_out[pb->n_out - 1] : 0.0;
    const obs_set *rec = &pb->records;
    for (int i = 0; rec->present && i < rec->n; ++i)
        if (add_unique(&pb->t_out, &pb->n_out, rec->x[i]) != 0 ||
            add_unique(&pb->obs_depth, &pb->n_obs_depth, rec->x2[i]) != 0)
            return cfg_fail(c, "fit.observations", "out of memory");
    pb->n_out_candidate = pb->n_out;
    while (pb->n_out_candidate > 1 && pb->t_out[pb->n_out_candidate - 1] > t_candidates) --pb->n_out_candidate;
    if (pb->needs_column) {
        const int n = fp->column.n, m = pb->n_obs_depth;
        pb->obs_node = malloc((size_t)(m ? m : 1) * sizeof *pb->obs_node);
        pb->obs_w = malloc((size_t)(m ? m : 1) * sizeof *pb->obs_w);
        if (!pb->obs_node || !pb->obs_w) return cfg_fail(c, "fit.observations", "out of memory");
        for (int j = 0; j < m; ++j) shp_grid_locate(fp->z, n, pb->obs_depth[j], &pb->obs_node[j], &pb->obs_w[j]);
        for (int kind = 0; kind < SHP_OBS_RETENTION; ++kind) {
            obs_set *o = &pb->obs[kind];
            for (int i = 0; o->present && i < o->n; ++i) {
                o->t_index[i] = kind == SHP_OBS_THETA_FINAL ? -1 : index_of(pb->t_out, pb->n_out, o->x[i]);
                if (kind == SHP_OBS_THETA_FINAL) o->d_index[i] = index_of(pb->obs_depth, m, o->x[i]);
                if (kind == SHP_OBS_THETA_T) o->d_index[i] = index_of(pb->obs_depth, m, o->x2[i]);
            }
            if (kind == SHP_OBS_THETA_FINAL && o->present) o->final_index = index_of(pb->t_out, pb->n_out, t_end);
        }
        for (int i = 0; rec->present && i < rec->n; ++i) {
            pb->records.t_index[i] = index_of(pb->t_out, pb->n_out, rec->x[i]);
            pb->records.d_index[i] = index_of(pb->obs_depth, m, rec->x2[i]);
        }
        pb->col = fp->column;
        pb->col.t_out = pb->t_out;
        pb->col.n_out = pb->n_out_candidate;
        pb->col.n_obs = m;
        pb->col.obs_node = pb->obs_node;
        pb->col.obs_w = pb->obs_w;
        pb->col.profiles_all = 0;
        if (pb->n_out > 0) CFG_TRY(cfg_check_forcing_span(c, fp, pb->t_out[pb->n_out - 1], "fit.observations"));
        pb->periods.t_candidates = pb->t_out[pb->n_out_candidate - 1];
        pb->periods.t_report = pb->t_out[pb->n_out - 1];
    }
    return SHP_OK;
}

int shp_problem_check_vref(shp_problem *pb, const cfg_ctx *c)
{
    /* v/Ks needs a reference rate: the first observed infiltration rate */
    if (isnan(pb->v_ref)) {
        if (!pb->obs[SHP_OBS_V].present)
            return cfg_fail(c, "fit.parameters", "v/Ks needs infiltration-rate observations "
                                                 "(fit.observations.v): Ks = v / (v/Ks) uses the first one");
        pb->v_ref = pb->obs[SHP_OBS_V].y[0];
        if (!(pb->v_ref > 0.0))
            return cfg_fail(c, "fit.observations.v", "the first rate must be > 0 for v/Ks (got %g)", pb->v_ref);
    }
    return SHP_OK;
}
