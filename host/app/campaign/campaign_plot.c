/* The plots of a benchmark campaign (campaign/campaign_report.h): per case, the ECDF of
 * the evaluations to target (COCO style: log x up to the budget, one step curve per
 * variant, the fraction of all its runs) and the convergence of the best summed
 * objective (median line and interquartile band per variant, log y), each from a CSV
 * written here so that campaign_plots.gp can be re-run or the plots redrawn elsewhere. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "campaign/campaign_report.h"
#include "io/fs.h"
#include "plot/plot.h"
#include "shpfit/status.h"

/* Okabe–Ito, colour-blind safe; beyond them the colours repeat with dashes. */
static const char *const colours[] = {"#0072b2", "#d55e00", "#009e73", "#cc79a7",
                                      "#e69f00", "#56b4e9", "#000000", "#999933"};
#define N_COLOURS ((int)(sizeof colours / sizeof colours[0]))

/* Values at or above this are the penalty of a run without a valid candidate. */
#define PENALTY_FLOOR 1e29

static int cmp_double(const void *a, const void *b)
{
    const double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* ------------------------------------------------------------ ranges */

/* Smallest positive first history evaluation, or evaluation to target, of the case's
 * runs (the left end of both x axes); 0 when there is none. */
static double case_x_min(const shp_cr_data *d, const shp_cr_case *cs)
{
    double lo = HUGE_VAL;
    for (int v = 0; v < cs->n_variants; ++v)
        for (int i = 0; i < cs->variant[v].n_runs; ++i) {
            const shp_cr_run *r = &d->run[cs->variant[v].run[i]];
            if (r->n_hist > 0 && r->hist_evals[0] > 0) lo = fmin(lo, r->hist_evals[0]);
            if (r->success && r->evals_to_target > 0) lo = fmin(lo, r->evals_to_target);
        }
    return isfinite(lo) ? lo : 0.0;
}

/* Right end of the ECDF axis: the budget, or the largest evaluations of a run. */
static double case_x_max(const shp_cr_case *cs, long budget)
{
    return budget > 0 ? fmax((double)budget, cs->max_evaluations) : cs->max_evaluations;
}

/* Largest last history evaluation of the case (right end of the convergence grid). */
static double case_hist_max(const shp_cr_data *d, const shp_cr_case *cs)
{
    double hi = 0.0;
    for (int v = 0; v < cs->n_variants; ++v)
        for (int i = 0; i < cs->variant[v].n_runs; ++i) {
            const shp_cr_run *r = &d->run[cs->variant[v].run[i]];
            if (r->n_hist > 0) hi = fmax(hi, r->hist_evals[r->n_hist - 1]);
        }
    return hi;
}

/* ------------------------------------------------------------ ecdf_<case>.csv */

static int write_ecdf(const char *dir, const shp_cr_data *d, const shp_cr_case *cs, long budget, char *err,
                      size_t len)
{
    char path[SHP_PATH_MAX], name[128];
    snprintf(name, sizeof name, "ecdf_%s.csv", cs->file_name);
    if (shp_path_join(path, sizeof path, dir, name) != 0) return shp_path_too_long(dir, name, err, len);
    int n = 0;
    for (int v = 0; v < cs->n_variants; ++v) n += cs->variant[v].n_runs;
    double *x = malloc((size_t)(n + 2) * sizeof *x);
    if (!x) {
        snprintf(err, len, "out of memory");
        return SHP_ERR_NOMEM;
    }
    /* the steps: every evaluation count at which some run reached the target, between
     * the left end and the budget */
    int m = 0;
    const double x0 = case_x_min(d, cs), x1 = case_x_max(cs, budget);
    x[m++] = x0 > 0 ? x0 : 1.0;
    for (int v = 0; v < cs->n_variants; ++v)
        for (int i = 0; i < cs->variant[v].n_runs; ++i) {
            const shp_cr_run *r = &d->run[cs->variant[v].run[i]];
            if (r->success) x[m++] = r->evals_to_target;
        }
    x[m++] = fmax(x1, x[0]);
    qsort(x, (size_t)m, sizeof *x, cmp_double);
    FILE *f = shp_file_create(path, err, len);
    if (!f) {
        free(x);
        return SHP_ERR_IO;
    }
    fprintf(f, "evaluations");
    for (int v = 0; v < cs->n_variants; ++v) fprintf(f, ",%s", cs->variant[v].name);
    fputc('\n', f);
    for (int k = 0; k < m; ++k) {
        if (k > 0 && x[k] == x[k - 1]) continue;
        fprintf(f, "%.10g", x[k]);
        for (int v = 0; v < cs->n_variants; ++v) {
            const shp_cr_variant *vv = &cs->variant[v];
            int reached = 0;
            for (int i = 0; i < vv->n_runs; ++i) {
                const shp_cr_run *r = &d->run[vv->run[i]];
                reached += r->success && r->evals_to_target <= x[k];
            }
            fprintf(f, ",%.6g", vv->n_runs ? (double)reached / vv->n_runs : 0.0);
        }
        fputc('\n', f);
    }
    free(x);
    return shp_file_close(f, path, err, len);
}

/* ------------------------------------------------------------ convergence_<case>.csv */

/* Best so far of run r after e evaluations: its last history row at or before e (the
 * last one after its end); NAN before its first row. */
static double best_at(const shp_cr_run *r, double e)
{
    if (r->n_hist == 0 || e < r->hist_evals[0]) return NAN;
    int lo = 0, hi = r->n_hist - 1; /* last index with hist_evals ≤ e */
    while (lo < hi) {
        const int mid = (lo + hi + 1) / 2;
        if (r->hist_evals[mid] <= e) lo = mid;
        else hi = mid - 1;
    }
    return r->hist_best[lo];
}

/* The grid: SHP_CR_GRID_POINTS log-spaced points from lo to hi (one point when hi ≤ lo). */
static int grid_points(double lo, double hi) { return hi > lo ? SHP_CR_GRID_POINTS : 1; }

static double grid_at(double lo, double hi, int k, int n)
{
    if (n <= 1) return lo;
    if (k == n - 1) return hi;
    return lo * pow(hi / lo, (double)k / (n - 1));
}

static int write_convergence(const char *dir, const shp_cr_data *d, const shp_cr_case *cs, char *err,
                             size_t len)
{
    char path[SHP_PATH_MAX], name[128];
    snprintf(name, sizeof name, "convergence_%s.csv", cs->file_name);
    if (shp_path_join(path, sizeof path, dir, name) != 0) return shp_path_too_long(dir, name, err, len);
    int nmax = 1;
    for (int v = 0; v < cs->n_variants; ++v) nmax = cs->variant[v].n_runs > nmax ? cs->variant[v].n_runs : nmax;
    double *val = malloc((size_t)nmax * sizeof *val);
    if (!val) {
        snprintf(err, len, "out of memory");
        return SHP_ERR_NOMEM;
    }
    FILE *f = shp_file_create(path, err, len);
    if (!f) {
        free(val);
        return SHP_ERR_IO;
    }
    fprintf(f, "evaluations");
    for (int v = 0; v < cs->n_variants; ++v) {
        const char *s = cs->variant[v].name;
        fprintf(f, ",runs_%s,q1_%s,median_%s,q3_%s", s, s, s, s);
    }
    fputc('\n', f);
    double lo = HUGE_VAL;
    for (int v = 0; v < cs->n_variants; ++v)
        for (int i = 0; i < cs->variant[v].n_runs; ++i) {
            const shp_cr_run *r = &d->run[cs->variant[v].run[i]];
            if (r->n_hist > 0 && r->hist_evals[0] > 0) lo = fmin(lo, r->hist_evals[0]);
        }
    const double hi = case_hist_max(d, cs);
    if (isfinite(lo) && hi > 0) {
        const int n = grid_points(lo, hi);
        for (int k = 0; k < n; ++k) {
            const double e = grid_at(lo, hi, k, n);
            fprintf(f, "%.10g", e);
            for (int v = 0; v < cs->n_variants; ++v) {
                const shp_cr_variant *vv = &cs->variant[v];
                int m = 0;
                for (int i = 0; i < vv->n_runs; ++i) {
                    const double b = best_at(&d->run[vv->run[i]], e);
                    if (!isnan(b)) val[m++] = b;
                }
                if (m == 0) {
                    fprintf(f, ",0,,,");
                    continue;
                }
                qsort(val, (size_t)m, sizeof *val, cmp_double);
                fprintf(f, ",%d,%.10g,%.10g,%.10g", m, shp_stat_quantile_sorted(val, m, 0.25),
                        shp_stat_quantile_sorted(val, m, 0.5), shp_stat_quantile_sorted(val, m, 0.75));
            }
            fputc('\n', f);
        }
    }
    free(val);
    return shp_file_close(f, path, err, len);
}

int shp_cr_plot_data(const char *dir, const shp_cr_data *d, long budget_evaluations, char *err, size_t len)
{
    int rc = SHP_OK;
    for (int c = 0; c < d->n_cases && rc == SHP_OK; ++c) {
        rc = write_ecdf(dir, d, &d->cases[c], budget_evaluations, err, len);
        if (rc == SHP_OK) rc = write_convergence(dir, d, &d->cases[c], err, len);
    }
    return rc;
}

/* ------------------------------------------------------------ campaign_plots.gp */

/* Tics at 1, 2, 5 × 10^k within [lo, hi] on a log axis (readable numbers where a decade
 * or two would leave only one or two powers of ten). */
static void log_tics(FILE *f, const char *axis, double lo, double hi)
{
    fprintf(f, "set %stics (", axis);
    int n = 0;
    static const double m[] = {1.0, 2.0, 5.0};
    for (int e = (int)floor(log10(lo)); e <= (int)ceil(log10(hi)); ++e)
        for (int j = 0; j < 3; ++j) {
            const double t = m[j] * pow(10.0, e);
            if (t < lo * 0.999 || t > hi * 1.001) continue;
            fprintf(f, "%s'%g' %g", n++ ? ", " : "", t, t);
        }
    fprintf(f, ")\n");
}

static void dash(FILE *f, int v) { fprintf(f, "dt %d", v / N_COLOURS + 1); }

/* The PNG terminal, taller by the rows of the key below the plot (shp_plot_key_below's
 * layout), then that key. */
static void terminal_and_key(FILE *f, int entries, int longest)
{
    int cols = (900 - 120) / ((longest + 10) * 8);
    cols = cols < 1 ? 1 : cols > entries ? entries : cols;
    const int rows = entries > 0 ? (entries + cols - 1) / cols : 1;
    fprintf(f, "set terminal pngcairo size 900,%d enhanced font 'sans,11'\n", 580 + 24 * rows);
    shp_plot_key_below(f, entries, longest, 900);
}

static void plot_ecdf(FILE *f, const shp_cr_data *d, const shp_cr_case *cs, const shp_campaign_report_info *info)
{
    const double x0 = case_x_min(d, cs), x1r = case_x_max(cs, info->budget_evaluations);
    double lo = x0 > 0 ? x0 : 1.0;
    const double x1 = x1r > lo ? x1r : lo * 10.0;
    /* from the first generation, or from a quarter of the earliest success when that is
     * later (the data start at the first generation anyway), with a little room on both
     * sides so that the first step and the budget line show */
    double first_hit = HUGE_VAL;
    for (int v = 0; v < cs->n_variants; ++v)
        for (int i = 0; i < cs->variant[v].n_runs; ++i) {
            const shp_cr_run *r = &d->run[cs->variant[v].run[i]];
            if (r->success) first_hit = fmin(first_hit, r->evals_to_target);
        }
    if (isfinite(first_hit) && first_hit / 4.0 > lo) lo = first_hit / 4.0;
    const double xl = lo / 1.15, xr = x1 * 1.15;
    char q[256], title[512], qt[600];
    snprintf(title, sizeof title, "Case %s: runs that reached the target%s%s%s", cs->name,
             info->target_text && *info->target_text ? " (" : "", info->target_text ? info->target_text : "",
             info->target_text && *info->target_text ? ")" : "");
    shp_plot_quote(qt, sizeof qt, title);
    int longest = 10, any = 0;
    for (int v = 0; v < cs->n_variants; ++v) {
        const int l = (int)strlen(cs->variant[v].name) + 28;
        longest = l > longest ? l : longest;
        any |= cs->variant[v].successes > 0;
    }
    fprintf(f,
            "\n# ---- case %s: ECDF of the evaluations to target (ecdf_%s.csv)\n"
            "set output 'ecdf_%s.png'\n"
            "set title %s noenhanced\n"
            "set xlabel 'evaluations (columns run), log scale'\n"
            "set ylabel 'fraction of runs that reached the target'\n"
            "set logscale x\n"
            "unset logscale y\n"
            "set format y '%%g'\n"
            "set xrange [%.10g:%.10g]\n"
            "set yrange [-0.02:1.02]\n"
            "set ytics 0.1\n"
            "unset arrow\nunset label\n",
            cs->file_name, cs->file_name, cs->file_name, qt, xl, xr);
    log_tics(f, "x", xl, xr);
    if (info->budget_evaluations > 0)
        fprintf(f,
                "set arrow from %ld, graph 0 to %ld, graph 1 nohead dt 3 lw 1.5 lc rgb '#606060'\n"
                "set label 'budget' at %ld, graph 1 center offset 0,0.7 tc rgb '#404040'\n",
                info->budget_evaluations, info->budget_evaluations, info->budget_evaluations);
    if (!any) fprintf(f, "set label 'no run reached the target' at graph 0.5, graph 0.5 center tc rgb '#404040'\n");
    terminal_and_key(f, cs->n_variants, longest);
    snprintf(title, sizeof title, "ecdf_%s.csv", cs->file_name);
    shp_plot_quote(q, sizeof q, title);
    fprintf(f, "plot ");
    for (int o = 0; o < cs->n_variants; ++o) {
        const int v = cs->order[o];
        const shp_cr_variant *vv = &cs->variant[v];
        char ert[32];
        if (isinf(vv->ert_evals)) snprintf(ert, sizeof ert, "∞");
        else if (vv->ert_evals >= 1000.0) snprintf(ert, sizeof ert, "%.0f", vv->ert_evals);
        else snprintf(ert, sizeof ert, "%.3g", vv->ert_evals);
        snprintf(title, sizeof title, "%s: %d/%d reached, ERT %s", vv->name, vv->successes, vv->n_runs, ert);
        shp_plot_quote(qt, sizeof qt, title);
        fprintf(f, "%s%s skip 1 using 1:%d with steps lw 2.5 ", o ? ", \\\n     " : "", o ? "''" : q, v + 2);
        dash(f, v);
        fprintf(f, " lc rgb '%s' title %s noenhanced", colours[v % N_COLOURS], qt);
    }
    fprintf(f, "\nunset arrow\nunset label\nset ytics autofreq\nset xtics autofreq\n");
}

static void plot_convergence(FILE *f, const shp_cr_data *d, const shp_cr_case *cs)
{
    char q[256], title[512], qt[600];
    /* range of the data (penalties left out) for the axes */
    double ylo = HUGE_VAL, yhi = 0.0, xlo = HUGE_VAL, xhi = 0.0;
    for (int v = 0; v < cs->n_variants; ++v)
        for (int i = 0; i < cs->variant[v].n_runs; ++i) {
            const shp_cr_run *r = &d->run[cs->variant[v].run[i]];
            for (int k = 0; k < r->n_hist; ++k) {
                const double b = r->hist_best[k];
                if (b > 0 && b < PENALTY_FLOOR) {
                    ylo = fmin(ylo, b);
                    yhi = fmax(yhi, b);
                }
                if (r->hist_evals[k] > 0) {
                    xlo = fmin(xlo, r->hist_evals[k]);
                    xhi = fmax(xhi, r->hist_evals[k]);
                }
            }
        }
    const int have = yhi > 0 && xhi > 0;
    snprintf(title, sizeof title, "Case %s: convergence of the best summed objective (median, quartiles shaded)",
             cs->name);
    shp_plot_quote(qt, sizeof qt, title);
    fprintf(f,
            "\n# ---- case %s: convergence (convergence_%s.csv)\n"
            "set output 'convergence_%s.png'\n"
            "set title %s noenhanced\n"
            "set xlabel 'evaluations (columns run), log scale'\n"
            "set ylabel 'best summed objective so far, Σψ [-]'\n"
            "set logscale xy\n"
            "set format y '10^{%%L}'\n"
            "unset arrow\nunset label\n",
            cs->file_name, cs->file_name, cs->file_name, qt);
    if (have) {
        if (xhi <= xlo) xhi = xlo * 10.0;
        const double xl = xlo / 1.1, xr = xhi * 1.1;
        fprintf(f, "set xrange [%.10g:%.10g]\n", xl, xr);
        log_tics(f, "x", xl, xr);
        /* the data with a margin of a fifth of a decade, at least a decade */
        double y0 = ylo / 1.6, y1 = yhi * 1.6;
        if (y1 < 10.0 * y0) {
            const double mid = sqrt(y0 * y1);
            y0 = mid / sqrt(10.0);
            y1 = mid * sqrt(10.0);
        }
        fprintf(f, "set yrange [%.6g:%.6g]\n", y0, y1);
        if (y1 / y0 <= 100.0) {
            fprintf(f, "set format y '%%g'\n");
            log_tics(f, "y", y0, y1);
        } else {
            fprintf(f, "set ytics autofreq\nset mytics 10\n");
        }
    } else {
        fprintf(f, "set xrange [1:10]\nset yrange [1:10]\n"
                   "set label 'no convergence history' at graph 0.5, graph 0.5 center tc rgb '#404040'\n");
    }
    int longest = 10;
    for (int v = 0; v < cs->n_variants; ++v) {
        const int l = (int)strlen(cs->variant[v].name) + 12;
        longest = l > longest ? l : longest;
    }
    terminal_and_key(f, cs->n_variants, longest);
    snprintf(title, sizeof title, "convergence_%s.csv", cs->file_name);
    shp_plot_quote(q, sizeof q, title);
    /* a value: positive and below the penalty, else missing */
    fprintf(f, "ok(x) = (x > 0 && x < %g) ? x : NaN\n", PENALTY_FLOOR);
    fprintf(f, "plot ");
    /* bands first, then the medians on top; with many variants the bands are lighter and
     * their edges are not drawn, so that the medians stay legible */
    const int many = cs->n_variants > 4;
    int n = 0;
    for (int pass = 0; pass < 2 && have; ++pass)
        for (int o = 0; o < cs->n_variants; ++o) {
            const int v = cs->order[o];
            const int c = 2 + 4 * v; /* runs, q1, median, q3 */
            const char *col = colours[v % N_COLOURS];
            fprintf(f, "%s%s skip 1 ", n ? ", \\\n     " : "", n ? "''" : q);
            ++n;
            if (pass == 0) {
                fprintf(f, "using 1:(ok(column(%d))):(ok(column(%d))) with filledcurves fs transparent solid %s "
                           "noborder lc rgb '%s' notitle",
                        c + 1, c + 3, many ? "0.10" : "0.18", col);
                if (many) continue;
                for (int e = 1; e <= 3; e += 2) {
                    fprintf(f, ", \\\n     '' skip 1 using 1:(ok(column(%d))) with steps lw 1 ", c + e);
                    dash(f, v);
                    fprintf(f, " lc rgb '%s' notitle", col);
                }
                continue;
            }
            snprintf(title, sizeof title, "%s (%d runs)", cs->variant[v].name, cs->variant[v].n_with_history);
            shp_plot_quote(qt, sizeof qt, title);
            fprintf(f, "using 1:(ok(column(%d))) with steps lw 2.5 ", c + 2);
            dash(f, v);
            fprintf(f, " lc rgb '%s' title %s noenhanced", col, qt);
        }
    if (!n) fprintf(f, "NaN notitle");
    fprintf(f, "\nunset logscale xy\nset format y '%% h'\nset xtics autofreq\nset ytics autofreq\nunset label\n");
}

int shp_cr_plot_script(const char *dir, const shp_cr_data *d, const shp_campaign_report_info *info, char *err,
                       size_t len)
{
    char path[SHP_PATH_MAX];
    FILE *f = shp_file_create_in(dir, "campaign_plots.gp", path, sizeof path, err, len);
    if (!f) return SHP_ERR_IO;
    shp_plot_preamble(f);
    for (int c = 0; c < d->n_cases; ++c) {
        plot_ecdf(f, d, &d->cases[c], info);
        plot_convergence(f, d, &d->cases[c]);
    }
    fprintf(f, "unset output\n");
    return shp_file_close(f, path, err, len);
}
