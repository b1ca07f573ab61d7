/* "top": {"type": "atmospheric", ...}: precipitation and potential evapotranspiration
 * from a forcing file or an inline table, split into the column's top table P − E_p
 * and its potential transpiration T_p (docs/config.md, "Atmospheric top").
 *
 * A forcing file has a header naming its columns; the time and the rates carry their
 * units in their names, as `shpfit import-station` writes them:
 *     date,day,precipitation_cm_per_day,et0_cm_per_day,tmax_C,...
 * time: day | time_d | time_day | time_h | time_min | time_s; rates:
 * <quantity>_<mm|cm|m>_per_<s|min|h|d|day> with quantity precipitation, et0, etp (the
 * potential evapotranspiration to split), or ep and tp (potential evaporation and
 * transpiration given apart); lai (leaf area index per row). Other columns are
 * ignored. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config/cfg_sections.h"
#include "io/csv_table.h"
#include "io/fs.h"
#include "shpfit/roots.h"

#define DEFAULT_H_CRIT_CM -1e5   /* pF 5 (docs/config.md) */
#define DEFAULT_EXTINCTION 0.463 /* Beer's-law k for radiation, as HYDRUS-1D uses */

enum { Q_PRECIP, Q_ET, Q_EP, Q_TP, Q_LAI, Q_COUNT };
static const char *const quantity[Q_COUNT] = {"precipitation", "et0/etp", "ep", "tp", "lai"};

double cfg_time_column_minutes(const char *name)
{
    if (!strcmp(name, "day")) return 1440.0;
    return !strncmp(name, "time_", 5) ? shp_time_unit_min(name + 5) : 0.0;
}

/* The quantity of a rate column and its factor to cm/min, or −1. */
static int rate_column(const char *name, double *cm_per_min)
{
    if (!strcmp(name, "lai")) {
        *cm_per_min = 1.0;
        return Q_LAI;
    }
    static const char *const prefix[] = {"precipitation_", "et0_", "etp_", "ep_", "tp_"};
    static const int q[] = {Q_PRECIP, Q_ET, Q_ET, Q_EP, Q_TP};
    for (int k = 0; k < 5; ++k) {
        const size_t n = strlen(prefix[k]);
        if (strncmp(name, prefix[k], n) != 0) continue;
        char len[4], per[5];
        const char *us = strstr(name + n, "_per_");
        if (!us || (size_t)(us - (name + n)) >= sizeof len) return -1;
        memcpy(len, name + n, (size_t)(us - (name + n)));
        len[us - (name + n)] = '\0';
        if (strlen(us + 5) >= sizeof per) return -1;
        strcpy(per, us + 5);
        const double cm = shp_length_unit_cm(len), mins = shp_time_unit_min(per);
        if (cm == 0.0 || mins == 0.0) return -1;
        *cm_per_min = cm / mins;
        return q[k];
    }
    return -1;
}

static int keep_column(const char *name)
{
    double f;
    return cfg_time_column_minutes(name) > 0.0 || rate_column(name, &f) >= 0;
}

/* The forcing as read: times [T] and the rates [L/T] of the config, NaN for an absent
 * quantity (its column NULL). */
typedef struct {
    int m;
    double *t;
    double *q[Q_COUNT];
    double *store;
    long *line; /* file lines, NULL for an inline table */
    char where[SHP_PATH_MAX + 32];
} forcing_rows;

static int alloc_rows(const cfg_ctx *c, const char *path, int m, forcing_rows *f)
{
    f->m = m;
    f->store = calloc((size_t)m * (1 + Q_COUNT), sizeof *f->store);
    if (!f->store) return cfg_fail(c, path, "out of memory");
    f->t = f->store;
    return SHP_OK;
}

static int read_file(const cfg_ctx *c, const char *path, const char *file, const cfg_forward *fw,
                     forcing_rows *f)
{
    char full[SHP_PATH_MAX], why[SHP_MSG_MAX];
    if (shp_path_beside(fw->path, file, full, sizeof full) != 0) return cfg_fail(c, path, "%s: path too long", file);
    snprintf(f->where, sizeof f->where, "%s", full);
    const shp_csv_options opt = {.any_order = 1, .keep = keep_column};
    shp_csv_table tab;
    int rc = shp_csv_read_table_opt(full, 0, NULL, &opt, &tab, why, sizeof why);
    if (rc != SHP_OK) return cfg_fail(c, path, "%s: %s", full, why);
    int tcol = -1, col[Q_COUNT];
    double tscale = 0.0, scale[Q_COUNT];
    for (int q = 0; q < Q_COUNT; ++q) col[q] = -1;
    for (int j = 0; j < tab.ncols && rc == SHP_OK; ++j) {
        double s = cfg_time_column_minutes(tab.name[j]);
        if (s > 0.0) {
            if (tcol >= 0)
                rc = cfg_fail(c, path, "%s: two time columns (%s and %s)", full, tab.name[tcol], tab.name[j]);
            tcol = j, tscale = s;
            continue;
        }
        const int q = rate_column(tab.name[j], &s);
        if (q < 0) continue;
        if (col[q] >= 0)
            rc = cfg_fail(c, path, "%s: two %s columns (%s and %s)", full, quantity[q], tab.name[col[q]], tab.name[j]);
        col[q] = j, scale[q] = s;
    }
    if (rc == SHP_OK && tcol < 0)
        rc = cfg_fail(c, path, "%s: no time column (day, time_d, time_h, time_min or time_s) in the header on line %ld",
                      full, tab.header_line);
    if (rc == SHP_OK && col[Q_PRECIP] < 0)
        rc = cfg_fail(c, path,
                      "%s: no precipitation column (precipitation_<mm|cm|m>_per_<s|min|h|day>) in the header on line %ld",
                      full, tab.header_line);
    if (rc == SHP_OK) rc = alloc_rows(c, path, tab.m, f);
    if (rc == SHP_OK && !(f->line = malloc((size_t)tab.m * sizeof *f->line))) rc = cfg_fail(c, path, "out of memory");
    for (int i = 0; rc == SHP_OK && i < tab.m; ++i) {
        f->t[i] = tab.col[tcol][i] * tscale / fw->min_per_time;
        f->line[i] = tab.line[i];
    }
    for (int q = 0; rc == SHP_OK && q < Q_COUNT; ++q) {
        if (col[q] < 0) continue;
        f->q[q] = f->store + (size_t)(1 + q) * tab.m;
        const double k = q == Q_LAI ? 1.0 : scale[q] * fw->min_per_time / fw->cm_per_length;
        for (int i = 0; i < tab.m; ++i) f->q[q][i] = tab.col[col[q]][i] * k;
    }
    shp_csv_table_free(&tab);
    return rc;
}

/* "table": [[t, P, ET_p], …] or [[t, P, E_p, T_p], …] in the config's units. */
static int read_table(const cfg_ctx *c, const char *path, const cJSON *tab, forcing_rows *f)
{
    if (!cJSON_IsArray(tab) || cJSON_GetArraySize(tab) < 1)
        return cfg_fail(c, path, "expected a non-empty array of [time, P, ET_p] or [time, P, E_p, T_p] rows");
    const cJSON *r0 = tab->child;
    const int w = cJSON_IsArray(r0) ? cJSON_GetArraySize(r0) : 0;
    if (w != 3 && w != 4) return cfg_fail(c, path, "rows must be [time, P, ET_p] or [time, P, E_p, T_p]");
    CFG_TRY(alloc_rows(c, path, cJSON_GetArraySize(tab), f));
    snprintf(f->where, sizeof f->where, "%s", path);
    const int qs[2][3] = {{Q_PRECIP, Q_ET, -1}, {Q_PRECIP, Q_EP, Q_TP}};
    for (int j = 0; j < w - 1; ++j) f->q[qs[w - 3][j]] = f->store + (size_t)(1 + qs[w - 3][j]) * f->m;
    int i = 0;
    char p[CFG_PATH_MAX], pe[CFG_PATH_MAX];
    for (const cJSON *row = tab->child; row; row = row->next, ++i) {
        cfg_path_index(p, sizeof p, path, i);
        if (!cJSON_IsArray(row) || cJSON_GetArraySize(row) != w)
            return cfg_fail(c, p, "expected %d numbers like the first row", w);
        const cJSON *it = row->child;
        for (int j = 0; j < w; ++j, it = it->next) {
            cfg_path_index(pe, sizeof pe, p, j);
            CFG_TRY(cfg_number_item(c, it, pe, j == 0 ? &f->t[i] : &f->q[qs[w - 3][j - 1]][i]));
        }
    }
    return SHP_OK;
}

/* Where row i is, for messages: "FILE line N" or "top.forcing.table[i]". */
static void row_name(const forcing_rows *f, int i, char *buf, size_t len)
{
    if (f->line) snprintf(buf, len, "%s line %ld", f->where, f->line[i]);
    else snprintf(buf, len, "%s[%d]", f->where, i);
}

/* Times from 0, evenly spaced (a missing row would stretch its neighbour's rates over
 * the gap) unless the forcing's end is given (then each row lasts until the next, as
 * HYDRUS's ATMOSPH.IN records do), rates ≥ 0 and within the plausible fluxes, lai ≥ 0. */
static int check_rows(const cfg_ctx *c, const char *path, const forcing_rows *f, const cfg_forward *fw,
                      int uneven)
{
    char at[SHP_PATH_MAX + 64];
    if (f->t[0] != 0.0) {
        row_name(f, 0, at, sizeof at);
        return cfg_fail(c, path, "%s: the first time must be 0, the start of the run (got %g %s)", at, f->t[0],
                        fw->time_unit);
    }
    const double dt = f->m > 1 ? f->t[1] - f->t[0] : 0.0;
    for (int i = 1; i < f->m; ++i) {
        const double d = f->t[i] - f->t[i - 1];
        row_name(f, i, at, sizeof at);
        if (!(d > 0.0))
            return cfg_fail(c, path, "%s: times must increase strictly (%g after %g %s)", at, f->t[i], f->t[i - 1],
                            fw->time_unit);
        if (!uneven && fabs(d - dt) > 1e-9 * fmax(dt, f->t[i]))
            return cfg_fail(c, path,
                            "%s: a step of %g %s where the forcing steps by %g: rows must be evenly spaced (a gap? "
                            "fill it, as shpfit import-station does, or give the missing rows; rows of any length "
                            "need top.forcing.end)",
                            at, d, fw->time_unit, dt);
    }
    const double qmax = SHP_FLUX_MAX_CM_MIN * fw->min_per_time / fw->cm_per_length;
    for (int q = 0; q < Q_COUNT; ++q) {
        if (!f->q[q]) continue;
        for (int i = 0; i < f->m; ++i) {
            const double v = f->q[q][i];
            row_name(f, i, at, sizeof at);
            if (!(v >= 0.0))
                return cfg_fail(c, path, "%s: %s must be >= 0 (got %g)", at, quantity[q], v);
            if (q != Q_LAI && v > qmax)
                return cfg_fail(c, path, "%s: %s %g is beyond %g %s/%s (%s)", at, quantity[q], v, qmax, fw->length_unit,
                                fw->time_unit, SHP_FLUX_MAX_TEXT);
        }
    }
    return SHP_OK;
}

int cfg_check_forcing_span(const cfg_ctx *c, const cfg_forward *fw, double t_end, const char *what)
{
    if (!fw->n_forcing || t_end <= fw->forcing_end * (1.0 + 1e-12)) return SHP_OK;
    return cfg_fail(c, what, "the run ends at %g %s, after the atmospheric forcing, which ends at %g %s", t_end,
                    fw->time_unit, fw->forcing_end, fw->time_unit);
}

/* How ET_p divides into E_p and T_p: T_p share per row (NULL: none transpires). */
static int transpiration_share(const cfg_ctx *c, const cJSON *top, const cJSON *root, const forcing_rows *f,
                               double *share)
{
    const int roots = cfg_child(root, "roots") != NULL;
    double lai = NAN, k = DEFAULT_EXTINCTION, cover = NAN;
    int has_lai = 0, has_cover = 0, has_k = 0;
    CFG_TRY(cfg_number(c, top, "top", "lai", 0, &lai, &has_lai));
    CFG_TRY(cfg_number(c, top, "top", "extinction", 0, &k, &has_k));
    CFG_TRY(cfg_number(c, top, "top", "soil_cover", 0, &cover, &has_cover));
    if (has_lai) CFG_TRY(cfg_require_ge(c, "top.lai", lai, 0.0));
    if (has_k) CFG_TRY(cfg_require_gt(c, "top.extinction", k, 0.0));
    if (has_cover) {
        CFG_TRY(cfg_require_ge(c, "top.soil_cover", cover, 0.0));
        CFG_TRY(cfg_require_le(c, "top.soil_cover", cover, 1.0, "all the surface"));
    }
    const int ways = has_lai + has_cover + (f->q[Q_LAI] != NULL);
    const char *given = has_lai ? "top.lai" : has_cover ? "top.soil_cover" : "top.forcing";
    if (f->q[Q_EP] || f->q[Q_TP]) {
        if (!f->q[Q_EP] || !f->q[Q_TP])
            return cfg_fail(c, "top.forcing", "%s: give both ep and tp, or et0/etp to split", f->where);
        if (f->q[Q_ET]) return cfg_fail(c, "top.forcing", "%s: give et0/etp or ep and tp, not both", f->where);
        if (ways) return cfg_fail(c, given, "ep and tp are given apart: nothing to split");
        if (!roots) {
            for (int i = 0; i < f->m; ++i)
                if (f->q[Q_TP][i] > 0.0)
                    return cfg_fail(c, "top.forcing", "%s: tp > 0 but there are no \"roots\" to transpire it", f->where);
        }
        return SHP_OK;
    }
    if (!f->q[Q_ET])
        return cfg_fail(c, "top.forcing",
                        "%s: no potential evapotranspiration: give an et0_<L>_per_<T> (or etp_) column, or ep_ and tp_",
                        f->where);
    if (ways > 1) return cfg_fail(c, given, "give one of top.lai, top.soil_cover and a lai column");
    if (has_k && !has_lai && !f->q[Q_LAI]) return cfg_fail(c, "top.extinction", "only used with a leaf area index");
    if (!roots) {
        if (ways) return cfg_fail(c, given, "there are no \"roots\" to transpire: without them E_p = ET_p");
        for (int i = 0; i < f->m; ++i) share[i] = 0.0;
        return SHP_OK;
    }
    if (!ways)
        return cfg_fail(c, "top", "the \"roots\" need a share of ET_p: give \"lai\" (Beer's law) or \"soil_cover\" here, "
                                  "a lai column, or ep and tp columns");
    for (int i = 0; i < f->m; ++i)
        share[i] = has_cover ? cover : shp_beer_transpiration_share(has_lai ? lai : f->q[Q_LAI][i], k);
    return SHP_OK;
}

/* end: when the last row ends (NaN: one step after it, the rows evenly spaced). */
static int build(const cfg_ctx *c, const cJSON *top, const cJSON *root, forcing_rows *f, double end,
                 cfg_forward *fw)
{
    CFG_TRY(check_rows(c, "top.forcing", f, fw, !isnan(end)));
    if (!isnan(end) && !(end > f->t[f->m - 1]))
        return cfg_fail(c, "top.forcing.end", "must be after the last row's time %g (got %g)", f->t[f->m - 1], end);
    double kc = 1.0;
    int has_kc = 0;
    CFG_TRY(cfg_number(c, top, "top", "crop_coefficient", 0, &kc, &has_kc));
    CFG_TRY(cfg_require_ge(c, "top.crop_coefficient", kc, 0.0));
    if (has_kc && !f->q[Q_ET]) return cfg_fail(c, "top.crop_coefficient", "applies to et0/etp, which the forcing lacks");
    const int m = f->m;
    fw->forcing = malloc((size_t)m * SHP_FORCING_BLOCKS * sizeof *fw->forcing);
    double *share = malloc((size_t)m * sizeof *share);
    int rc = fw->forcing && share ? transpiration_share(c, top, root, f, share) : cfg_fail(c, "top", "out of memory");
    if (rc == SHP_OK) {
        double *b[SHP_FORCING_BLOCKS];
        for (int k = 0; k < SHP_FORCING_BLOCKS; ++k) b[k] = fw->forcing + (size_t)k * m;
        for (int i = 0; i < m; ++i) {
            b[SHP_FORCING_T][i] = f->t[i];
            b[SHP_FORCING_P][i] = f->q[Q_PRECIP][i];
            const double et = f->q[Q_ET] ? kc * f->q[Q_ET][i] : 0.0;
            b[SHP_FORCING_EP][i] = f->q[Q_ET] ? (1.0 - share[i]) * et : f->q[Q_EP][i];
            b[SHP_FORCING_TP][i] = f->q[Q_ET] ? share[i] * et : f->q[Q_TP][i];
            b[SHP_FORCING_NET][i] = b[SHP_FORCING_P][i] - b[SHP_FORCING_EP][i];
        }
        fw->n_forcing = m;
        /* the last row lasts until the end given, else one step; a single row, as long as
           the run */
        fw->forcing_end = !isnan(end) ? end : m > 1 ? f->t[m - 1] + (f->t[m - 1] - f->t[m - 2]) : INFINITY;
    }
    free(share);
    return rc;
}

int cfg_parse_atmosphere(const cfg_ctx *c, const cJSON *root, const cJSON *top, cfg_forward *fw)
{
    static const char *const keys[] = {"type", "forcing", "h_crit", "h_max", "crop_coefficient",
                                       "lai", "extinction", "soil_cover", NULL};
    static const char *const fkeys[] = {"file", "table", "end", NULL};
    CFG_TRY(cfg_check_keys(c, top, "top", keys));
    fw->column.h_crit = DEFAULT_H_CRIT_CM / fw->cm_per_length;
    fw->column.h_max = 0.0;
    CFG_TRY(cfg_number(c, top, "top", "h_crit", 0, &fw->column.h_crit, NULL));
    if (!(fw->column.h_crit < 0.0)) return cfg_fail(c, "top.h_crit", "must be < 0, the air-dry limit (got %g)", fw->column.h_crit);
    CFG_TRY(cfg_require_le(c, "top.h_crit", -fw->column.h_crit, SHP_HEAD_MAX_CM / fw->cm_per_length, SHP_HEAD_MAX_TEXT));
    CFG_TRY(cfg_number(c, top, "top", "h_max", 0, &fw->column.h_max, NULL));
    CFG_TRY(cfg_require_ge(c, "top.h_max", fw->column.h_max, 0.0));
    CFG_TRY(cfg_require_le(c, "top.h_max", fw->column.h_max, SHP_HEAD_MAX_CM / fw->cm_per_length, SHP_HEAD_MAX_TEXT));
    const cJSON *fo = NULL;
    CFG_TRY(cfg_object(c, top, "top", "forcing", 1, &fo));
    CFG_TRY(cfg_check_keys(c, fo, "top.forcing", fkeys));
    const cJSON *file = cfg_child(fo, "file"), *tab = cfg_child(fo, "table");
    if (!file == !tab) return cfg_fail(c, "top.forcing", "give either \"file\" or \"table\"");
    double end = NAN;
    int has_end = 0;
    CFG_TRY(cfg_number(c, fo, "top.forcing", "end", 0, &end, &has_end));
    if (has_end) CFG_TRY(cfg_require_le(c, "top.forcing.end", end, SHP_TIME_MAX_MIN / fw->min_per_time, SHP_TIME_MAX_TEXT));
    forcing_rows f = {0};
    int rc;
    if (file) {
        const char *name = NULL;
        rc = cfg_string(c, fo, "top.forcing", "file", 1, &name);
        if (rc == SHP_OK) rc = read_file(c, "top.forcing.file", name, fw, &f);
    } else {
        rc = read_table(c, "top.forcing.table", tab, &f);
    }
    if (rc == SHP_OK) rc = build(c, top, root, &f, end, fw);
    free(f.store);
    free(f.line);
    return rc;
}
