/* The columns of a retention or conductivity file (fit_sections.h): names, units
 * and the conversion into h [L], θ [-] and K [L/T] of the config; the sign checks that
 * catch suctions given as heads. */
#define _POSIX_C_SOURCE 200809L /* strcasecmp */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "config/fit_sections.h"


/* What the first column of a retention or conductivity file holds. */
enum { X_HEAD, X_SUCTION, X_PF };

/* A unit and its size in a base unit: heads in cm of water, times in seconds (exact
 * for every time unit). */
typedef struct {
    const char *name;
    double size;
} unit_size;

/* A pressure as a head of water: p / (ρ_w g), ρ_w = 1000 kg/m³, g = 9.80665 m/s², so
 * 1 Pa = 100 / 9806.65 cm (1 kPa = 10.1972 cm). */
#define CM_PER_PA (100.0 / 9806.65)

static const unit_size head_units[] = {{"mm", 0.1},
                                       {"cm", 1.0},
                                       {"m", 100.0},
                                       {"Pa", CM_PER_PA},
                                       {"hPa", 1e2 * CM_PER_PA},
                                       {"mbar", 1e2 * CM_PER_PA},
                                       {"kPa", 1e3 * CM_PER_PA},
                                       {"bar", 1e5 * CM_PER_PA},
                                       {"MPa", 1e6 * CM_PER_PA},
                                       {NULL, 0.0}};
#define HEAD_UNITS "mm, cm, m, Pa, hPa, mbar, kPa, bar, MPa"
static const unit_size length_units[] = {{"mm", 0.1}, {"cm", 1.0}, {"m", 100.0}, {NULL, 0.0}};
static const unit_size time_units[] = {{"s", 1.0}, {"min", 60.0}, {"h", 3600.0}, {"d", 86400.0}, {NULL, 0.0}};
#define K_UNITS "a length mm, cm or m per a time s, min, h or d, as in K[cm/d]"

/* pF = log10(suction / cm): -2 is 0.01 cm, 7.5 beyond oven-dry. */
#define PF_LO (-2.0)
#define PF_HI 7.5

static int unit_of(const unit_size *u, const char *name, double *size)
{
    for (; u->name; ++u)
        if (!strcmp(u->name, name)) {
            *size = u->size;
            return 0;
        }
    return -1;
}

/* How a curve file's column is read: its name as written, what it holds, and
 * value · num / den in the config's units (two factors, so that a unit equal to the
 * config's gives the file's values exactly). */
typedef struct {
    char text[64], unit[24]; /* the name and the unit ("" when none) as written */
    int what;                /* the first column: X_* */
    double num, den;
} curve_col;

static void copy_trimmed(char *out, size_t len, const char *s, size_t n)
{
    while (n && (*s == ' ' || *s == '\t')) ++s, --n;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t')) --n;
    snprintf(out, len, "%.*s", (int)n, s);
}

/* "suction [kPa]", "suction(hPa)", "K[cm/d]", or as synth writes its headers "h_cm",
 * "K_cm_per_min": the name and the unit. -1 when the brackets do not match. */
static int split_name(const char *s, char *base, size_t blen, char *unit, size_t ulen)
{
    const size_t n = strlen(s);
    unit[0] = '\0';
    const int closed = n && (s[n - 1] == ']' || s[n - 1] == ')');
    if (!closed && strpbrk(s, "[]()")) return -1;
    if (closed) {
        const char *open = strrchr(s, s[n - 1] == ']' ? '[' : '(');
        if (!open) return -1;
        copy_trimmed(base, blen, s, (size_t)(open - s));
        copy_trimmed(unit, ulen, open + 1, (size_t)(s + n - 1 - (open + 1)));
        return 0;
    }
    const char *us = strchr(s, '_');
    if (!us) {
        copy_trimmed(base, blen, s, n);
        return 0;
    }
    copy_trimmed(base, blen, s, (size_t)(us - s));
    char u[24];
    copy_trimmed(u, sizeof u, us + 1, strlen(us + 1));
    char *per = strstr(u, "_per_");
    if (per) snprintf(unit, ulen, "%.*s/%s", (int)(per - u), u, per + 5);
    else snprintf(unit, ulen, "%s", u);
    return 0;
}

/* The first column: h, suction or pF, the first two with a head or pressure unit
 * (none: the config's length unit). */
static int parse_x_name(const char *name, const shp_forward_problem *fp, curve_col *col, char *why,
                        size_t len)
{
    char base[32];
    snprintf(col->text, sizeof col->text, "%s", name);
    if (split_name(name, base, sizeof base, col->unit, sizeof col->unit) != 0)
        return snprintf(why, len, "the brackets do not match"), -1;
    if (!strcasecmp(base, "h")) col->what = X_HEAD;
    else if (!strcasecmp(base, "suction")) col->what = X_SUCTION;
    else if (!strcasecmp(base, "pF")) col->what = X_PF;
    else
        return snprintf(why, len, "expected h (pressure head), suction or pF, with an optional unit as in "
                                  "h[cm] or suction[kPa]"), -1;
    col->num = 1.0;
    col->den = col->what == X_PF ? shp_forward_cm_per_length(fp) : 1.0; /* pF: 10^pF cm */
    if (!col->unit[0]) return 0;
    if (col->what == X_PF) return snprintf(why, len, "pF takes no unit: it is log10 of the suction in cm"), -1;
    if (unit_of(head_units, col->unit, &col->num) != 0)
        return snprintf(why, len, "unknown unit \"%s\" (valid: %s)", col->unit, HEAD_UNITS), -1;
    col->den = shp_forward_cm_per_length(fp);
    return 0;
}

/* The second column: theta (a fraction; theta[%] in percent) or K with an optional
 * unit length/time (none: the config's). */
static int parse_y_name(int kind, const char *name, const shp_forward_problem *fp, curve_col *col,
                        char *why, size_t len)
{
    char base[32];
    snprintf(col->text, sizeof col->text, "%s", name);
    col->num = col->den = 1.0;
    if (split_name(name, base, sizeof base, col->unit, sizeof col->unit) != 0)
        return snprintf(why, len, "the brackets do not match"), -1;
    if (kind == SHP_OBS_RETENTION) {
        if (strcasecmp(base, "theta") != 0)
            return snprintf(why, len, "expected theta (a volume fraction) or theta[%%]"), -1;
        if (!strcmp(col->unit, "%")) col->den = 100.0;
        else if (col->unit[0] && strcmp(col->unit, "-") != 0)
            return snprintf(why, len, "unknown unit \"%s\" (valid: %%, -)", col->unit), -1;
        return 0;
    }
    if (strcasecmp(base, "K") != 0)
        return snprintf(why, len, "expected K (hydraulic conductivity), with an optional unit as in K[cm/d]"), -1;
    if (!col->unit[0]) return 0;
    char l[24];
    const char *slash = strchr(col->unit, '/');
    double cm, sec;
    if (slash) snprintf(l, sizeof l, "%.*s", (int)(slash - col->unit), col->unit);
    if (!slash || unit_of(length_units, l, &cm) != 0 || unit_of(time_units, slash + 1, &sec) != 0)
        return snprintf(why, len, "unknown unit \"%s\" (valid: %s)", col->unit, K_UNITS), -1;
    col->num = cm * (shp_forward_min_per_time(fp) * 60.0); /* [cm/s] · [s/T] / [cm/L] */
    col->den = sec * shp_forward_cm_per_length(fp);
    return 0;
}


/* The two columns' readings; an unknown name or unit fails naming where it was given. */
static int parse_curve_names(const shp_forward_problem *fp, const cfg_ctx *c, int kind, const char *path,
                             const char *full, const curve_names *cn, curve_col col[2])
{
    static const char *const defaults[2][2] = {{"h", "theta"}, {"h", "K"}};
    for (int j = 0; j < 2; ++j) {
        const char *name = cn->name[j] ? cn->name[j] : defaults[kind == SHP_OBS_CONDUCTIVITY][j];
        char why[256];
        const int bad = j == 0 ? parse_x_name(name, fp, &col[0], why, sizeof why)
                               : parse_y_name(kind, name, fp, &col[1], why, sizeof why);
        if (!bad) continue;
        if (cn->cfg_path) {
            char p[CFG_PATH_MAX];
            cfg_path_index(p, sizeof p, cn->cfg_path, j);
            return cfg_fail(c, p, "\"%s\" (column %d of %s): %s", name, j + 1, full, why);
        }
        return cfg_fail(c, path, "%s: line %ld: column %d \"%s\": %s", full, cn->header_line, j + 1, name, why);
    }
    return SHP_OK;
}

/* Heads read as h: ≤ 0. All of them positive is the common slip of suctions in an h
 * column, and says so; a few positive ones are errors of their lines. */
static int check_heads(const cfg_ctx *c, const char *path, const char *full, const curve_col col[2],
                       const shp_forward_problem *fp, const long *line, const double *v, int n)
{
    double lo = HUGE_VAL, hi = -HUGE_VAL;
    int first_pos = -1;
    for (int i = 0; i < n; ++i) {
        lo = fmin(lo, v[i]);
        hi = fmax(hi, v[i]);
        if (v[i] > 0.0 && first_pos < 0) first_pos = i;
    }
    if (first_pos < 0) return SHP_OK;
    const char *unit = col[0].unit[0] ? col[0].unit : shp_forward_length_unit(fp);
    if (lo > 0.0) {
        char suction[48];
        const int u = col[0].unit[0] != '\0';
        snprintf(suction, sizeof suction, "suction%s%s%s", u ? "[" : "", col[0].unit, u ? "]" : "");
        return cfg_fail(c, path,
                        "%s: column %s: every head is positive (%g to %g %s); pressure heads are negative in "
                        "unsaturated soil: if these are suctions, name the column \"%s\" (or declare \"columns\": "
                        "[\"%s\", \"%s\"])",
                        full, col[0].text, lo, hi, unit, suction, suction, col[1].text);
    }
    return cfg_fail(c, path, "%s: line %ld: %s = %g > 0: a pressure head is <= 0 in unsaturated soil "
                             "(0 at saturation)", full, line[first_pos], col[0].text, v[first_pos]);
}

/* A curve's n values as read (x, y) into h [L], θ [-] and K [L/T]. */
int cfg_curve_convert(const shp_forward_problem *fp, const cfg_ctx *c, int kind, const char *path,
                      const char *full, const curve_names *cn, const long *line, int n, double *x, double *y)
{
    curve_col col[2];
    CFG_TRY(parse_curve_names(fp, c, kind, path, full, cn, col));
    if (col[0].what == X_HEAD) CFG_TRY(check_heads(c, path, full, col, fp, line, x, n));
    for (int i = 0; i < n; ++i) {
        const double v = x[i];
        if (col[0].what == X_SUCTION && !(v >= 0.0))
            return cfg_fail(c, path, "%s: line %ld: %s = %g < 0: a suction is >= 0 (h = -suction); if the "
                                     "column holds pressure heads, name it \"h\"", full, line[i], col[0].text, v);
        if (col[0].what == X_PF && !(v >= PF_LO && v <= PF_HI))
            return cfg_fail(c, path, "%s: line %ld: pF %g is outside [%g, %g]", full, line[i], v, PF_LO, PF_HI);
        const double size = col[0].what == X_PF ? pow(10.0, v) : v; /* in the column's unit (pF: cm) */
        const double h = size * col[0].num / col[0].den;
        x[i] = col[0].what == X_HEAD ? h : h > 0.0 ? -h : 0.0; /* no -0 at saturation */
        y[i] = y[i] * col[1].num / col[1].den;
    }
    return SHP_OK;
}

/* "columns": the names of a curve file's columns when the file has no header. */
int cfg_curve_declared_columns(const cfg_ctx *c, const cJSON *spec, const char *path, curve_names *cn,
                            char *cpath, size_t len)
{
    const cJSON *a = cfg_child(spec, "columns");
    if (!a) return SHP_OK;
    cfg_path(cpath, len, path, "columns");
    if (!cJSON_IsArray(a) || cJSON_GetArraySize(a) != 2)
        return cfg_fail(c, cpath, "expected an array of the two column names, e.g. [\"suction[kPa]\", \"theta\"]");
    for (int j = 0; j < 2; ++j) {
        const cJSON *it = cJSON_GetArrayItem(a, j);
        if (!cJSON_IsString(it) || !it->valuestring[0]) {
            char p[CFG_PATH_MAX];
            cfg_path_index(p, sizeof p, cpath, j);
            return cfg_fail(c, p, "expected a column name, got %s",
                            cJSON_IsString(it) ? "an empty string" : cfg_type_name(it));
        }
        cn->name[j] = it->valuestring;
    }
    cn->cfg_path = cpath;
    return SHP_OK;
}

