/* fit_station.csv (io/station_csv.h). */
#include "import/station_csv.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/fs.h"

#define NUM "%.12g"

int shp_station_layout_of(const shp_problem *pb, shp_station_layout *l)
{
    memset(l, 0, sizeof *l);
    shp_theta_periods tp;
    shp_problem_theta_periods(pb, &tp);
    const double *t, *depth, *theta, *rt, *rd, *ro, *rs;
    const int *rp;
    int nt, nd;
    if (!tp.records || shp_problem_last_theta(pb, &t, &nt, &depth, &nd, &theta) != SHP_OK ||
        shp_problem_records(pb, &rt, &rd, &ro, &rs, &rp) < 0)
        return 0;
    l->precipitation = shp_forward_n_forcing(shp_problem_forward(pb)) > 0;
    l->n_depths = nd < SHP_STATION_MAX_DEPTHS ? nd : SHP_STATION_MAX_DEPTHS;
    int col = l->precipitation ? 3 : 2;
    for (int j = 0; j < l->n_depths; ++j) {
        l->depth[j] = depth[j];
        l->col_obs[j] = col++;
        l->col_sim[j] = col++;
    }
    l->col_period = col;
    return 1;
}

/* The sorted union of the column's output times t (n) and the forcing's interval
 * starts in (0, t[n−1]] into *rows; returns its count, −1 out of memory. */
static int row_times(const shp_forward_problem *fp, const double *t, int n, double **rows)
{
    const double *f = shp_forward_forcing(fp); /* block SHP_FORCING_T comes first */
    const int nf = shp_forward_n_forcing(fp);
    *rows = malloc(sizeof **rows * (size_t)(n + nf + 1));
    if (!*rows) return -1;
    int i = 0, k = 0, m = 0;
    while (i < n || k < nf) {
        const double a = i < n ? t[i] : INFINITY, b = k < nf ? f[k] : INFINITY;
        const double next = a < b ? a : b;
        if (next > t[n - 1]) break;
        if (next > 0.0 && (m == 0 || next > (*rows)[m - 1])) (*rows)[m++] = next;
        i += a == next;
        k += b == next;
    }
    return m;
}

/* Index of v in the increasing array a (n), which holds it. */
static int find(const double *a, int n, double v)
{
    int lo = 0, hi = n - 1;
    while (lo < hi) {
        const int mid = (lo + hi) / 2;
        if (a[mid] < v) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

static int depth_index(const shp_station_layout *l, double d)
{
    for (int j = 0; j < l->n_depths; ++j)
        if (l->depth[j] == d) return j;
    return -1;
}

/* The forcing's precipitation rate [L/T] over the interval that begins at or before
 * t_from (every forcing start is a row, so a row's interval lies within one). */
static double precipitation_rate(const shp_forward_problem *fp, double t_from)
{
    const int nf = shp_forward_n_forcing(fp);
    const double *f = shp_forward_forcing(fp);
    int i = 0;
    while (i + 1 < nf && f[i + 1] <= t_from) ++i;
    return nf > 0 && f[0] <= t_from ? f[(long)SHP_FORCING_P * nf + i] : 0.0;
}

static void cell(FILE *f, double v)
{
    fputc(',', f);
    if (isfinite(v)) fprintf(f, NUM, v);
}

/* Observed and simulated θ of every row and depth (NaN where there is none). */
static void fill_theta(const shp_problem *pb, const shp_station_layout *l, const double *rows, int m,
                       double *obs, double *sim)
{
    const int nd = l->n_depths;
    for (long k = 0; k < (long)m * nd; ++k) obs[k] = sim[k] = NAN;
    const double *t, *depth, *theta, *rt, *rd, *ro, *rs;
    const int *rp;
    int nt, n_all;
    shp_problem_last_theta(pb, &t, &nt, &depth, &n_all, &theta);
    for (int k = 0; k < nt; ++k)
        for (int j = 0; j < nd; ++j) sim[(long)find(rows, m, t[k]) * nd + j] = theta[(long)k * n_all + j];
    const int nr = shp_problem_records(pb, &rt, &rd, &ro, &rs, &rp);
    for (int i = 0; i < nr; ++i) {
        const int j = depth_index(l, rd[i]);
        if (j >= 0) obs[(long)find(rows, m, rt[i]) * nd + j] = ro[i];
    }
}

int shp_station_csv_write(const char *dir, const shp_problem *pb, char *err, size_t len)
{
    shp_station_layout l;
    if (!shp_station_layout_of(pb, &l)) return SHP_OK;
    const shp_forward_problem *fp = shp_problem_forward(pb);
    const double *t, *depth, *theta;
    int nt, nd;
    shp_problem_last_theta(pb, &t, &nt, &depth, &nd, &theta);
    double *rows = NULL;
    const int m = row_times(fp, t, nt, &rows);
    double *obs = m > 0 ? malloc(sizeof *obs * 2 * (size_t)m * (size_t)(l.n_depths ? l.n_depths : 1)) : NULL;
    if (!obs) {
        free(rows);
        snprintf(err, len, "out of memory");
        return SHP_ERR_NOMEM;
    }
    double *sim = obs + (long)m * l.n_depths;
    fill_theta(pb, &l, rows, m, obs, sim);
    char path[SHP_PATH_MAX];
    FILE *f = shp_file_create_in(dir, SHP_STATION_CSV, path, sizeof path, err, len);
    if (!f) {
        free(rows), free(obs);
        return SHP_ERR_IO;
    }
    const char *L = shp_forward_length_unit(fp), *T = shp_forward_time_unit(fp);
    fprintf(f, "time_%s", T);
    if (l.precipitation) fprintf(f, ",precipitation_%s_per_%s", L, T);
    for (int j = 0; j < l.n_depths; ++j)
        fprintf(f, ",theta_observed_at_%g%s,theta_simulated_at_%g%s", l.depth[j], L, l.depth[j], L);
    fprintf(f, ",period\n");
    static const char *const period_name[] = {"none", "calibration", "validation"};
    shp_theta_periods tp;
    shp_problem_theta_periods(pb, &tp);
    for (int r = 0; r < m; ++r) {
        fprintf(f, NUM, rows[r]);
        if (l.precipitation) cell(f, precipitation_rate(fp, r ? rows[r - 1] : 0.0));
        for (int j = 0; j < l.n_depths; ++j) {
            cell(f, obs[(long)r * l.n_depths + j]);
            cell(f, sim[(long)r * l.n_depths + j]);
        }
        fprintf(f, ",%s\n", period_name[shp_theta_period_of(&tp, rows[r])]);
    }
    free(rows), free(obs);
    return shp_file_close(f, path, err, len);
}
