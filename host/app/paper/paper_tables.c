/* The tables of the seed-002 report (paper/paper_report.h): analogues of seed Tables 3
 * and 5/7 (fitted parameters), 4 (curve errors, noise-free) and 6/8 (curve errors with
 * measurement errors), as CSV and Markdown, and tables.md holding all of them. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "campaign/campaign_stats.h"
#include "io/fs.h"
#include "paper/paper_internal.h"
#include "paper/paper_report.h"
#include "shpfit/curves_agreement.h"
#include "shpfit/status.h"

/* ------------------------------------------------------------ statistics of a cell */

/* The runs of one (case, variant) summarized over seeds. */
typedef struct {
    int runs, fitted, compared, successes;
    shp_stat_summary par[PR_N_PAR];
    shp_stat_summary met[PR_N_CURVE][PR_N_MET];
    double worst[PR_N_CURVE][PR_N_MET]; /* max MAE, RMSE; largest |PBIAS|; min NS */
} pr_cell;

/* Scratch space for one table: run indices and values, d->n_runs each. */
typedef struct {
    int *idx;
    double *val;
} scratch;

static double worst_of(int metric, const double *x, int n)
{
    double w = NAN;
    for (int i = 0; i < n; ++i) {
        if (isnan(x[i])) continue;
        if (isnan(w)) w = x[i];
        else if (metric == PR_NS) w = fmin(w, x[i]);
        else if (metric == PR_PBIAS) w = fabs(x[i]) > fabs(w) ? x[i] : w;
        else w = fmax(w, x[i]);
    }
    return w;
}

static int cell_stats(const pr_data *d, int c, int v, scratch *s, pr_cell *cell)
{
    memset(cell, 0, sizeof *cell);
    const int n = pr_cell_runs(d, c, v, s->idx);
    cell->runs = n;
    for (int i = 0; i < n; ++i) {
        const pr_run *r = &d->runs[s->idx[i]];
        cell->fitted += r->fitted;
        cell->compared += r->compared;
        cell->successes += r->success;
    }
    int rc = SHP_OK;
    for (int k = 0; k < PR_N_PAR && rc == SHP_OK; ++k) {
        for (int i = 0; i < n; ++i) s->val[i] = d->runs[s->idx[i]].par[k];
        rc = shp_stat_summarize(s->val, n, &cell->par[k]);
    }
    for (int cv = 0; cv < PR_N_CURVE; ++cv)
        for (int m = 0; m < PR_N_MET && rc == SHP_OK; ++m) {
            for (int i = 0; i < n; ++i) s->val[i] = d->runs[s->idx[i]].met[cv][m];
            rc = shp_stat_summarize(s->val, n, &cell->met[cv][m]);
            cell->worst[cv][m] = worst_of(m, s->val, n);
        }
    return rc;
}

/* ------------------------------------------------------------ formatting */

static void csv_num(FILE *f, double x)
{
    fputc(',', f);
    if (isfinite(x)) fprintf(f, "%.10g", x);
}

/* 1 when a ≤ b, 0 when not, empty when either is missing. */
static void csv_le(FILE *f, double a, double b)
{
    fputc(',', f);
    if (!isnan(a) && !isnan(b)) fputc(a <= b ? '1' : '0', f);
}

/* A text field: quoted when it holds a comma or a quote. */
static void csv_text(FILE *f, const char *s, int first)
{
    if (!first) fputc(',', f);
    if (!strpbrk(s, ",\"\n")) {
        fputs(s, f);
        return;
    }
    fputc('"', f);
    for (; *s; ++s) {
        if (*s == '"') fputc('"', f);
        fputc(*s == '\n' ? ' ' : *s, f);
    }
    fputc('"', f);
}

/* "theta_s_median_cm3_per_cm3" */
static void csv_param_col(FILE *f, int k, const char *stat)
{
    fputc(',', f);
    fprintf(f, pr_params[k].csv, stat);
}

/* "retention_RMSE_median_cm3_per_cm3" */
static void csv_metric_col(FILE *f, int curve, int m, const char *stat)
{
    fprintf(f, ",%s_%s_%s%s", pr_curve_names[curve], pr_metrics[m].name, stat, pr_metrics[m].unit);
}

/* The quantity of a curve metric in the paper tables CSV: "retention_PBIAS_pct". */
static const char *paper_metric(char *buf, size_t len, int curve, int m)
{
    snprintf(buf, len, "%s_%s%s", pr_curve_names[curve], pr_metrics[m].name, m == PR_PBIAS ? "_pct" : "");
    return buf;
}

static double paper_param(const pr_data *d, const pr_case *c, int k)
{
    return pr_paper_lookup(d, pr_paper_table(c, 0), c->soil, c->saturation, c->error, pr_params[k].paper);
}

static double paper_curve(const pr_data *d, const pr_case *c, int curve, int m)
{
    char q[64];
    return pr_paper_lookup(d, pr_paper_table(c, 1), c->soil, c->saturation, c->error,
                           paper_metric(q, sizeof q, curve, m));
}

/* The paper's values are shown as printed (at most 6 significant digits: 14.5628). */
#define PAPER_DIGITS 6

/* sig significant digits; "—" for a missing value. */
static const char *fg(char *buf, size_t len, double x, int sig)
{
    if (isnan(x)) snprintf(buf, len, "—");
    else if (isinf(x)) snprintf(buf, len, "%s∞", x < 0 ? "−" : "");
    else snprintf(buf, len, "%.*g", sig, x);
    return buf;
}

/* Text in a table cell: the characters Markdown would read as markup escaped. */
/* A curve metric: NS with 5 decimals (the targets sit at 0.999), the others with 3
 * significant digits. */
static const char *fmet(char *buf, size_t len, int metric, double x)
{
    if (metric == PR_NS && isfinite(x)) {
        snprintf(buf, len, "%.5f", x);
        return buf;
    }
    return fg(buf, len, x, 3);
}

static void md_text(FILE *f, const char *s)
{
    for (; *s; ++s) {
        if (strchr("\\`*_[]<>#|~", *s)) fputc('\\', f);
        fputc(*s, f);
    }
}

/* A variant in a table row: its name (the labels are listed once, md_variant_legend). */
static void md_variant(FILE *f, const pr_variant *v) { md_text(f, v->name); }

/* A list of the variants that have runs: name, label and number of runs. */
static void md_variant_legend(FILE *f, const pr_data *d)
{
    fprintf(f, "Variants:\n\n");
    for (int v = 0; v < d->n_variants; ++v) {
        int runs = 0;
        for (int i = 0; i < d->n_runs; ++i) runs += d->runs[i].v == v;
        if (runs == 0) continue;
        fprintf(f, "* **");
        md_text(f, d->variants[v].name);
        fprintf(f, "**");
        if (strcmp(d->variants[v].label, d->variants[v].name)) {
            fprintf(f, ": ");
            md_text(f, d->variants[v].label);
        }
        fprintf(f, " (%d runs)\n", runs);
    }
    fputc('\n', f);
}

static void md_saturation(FILE *f, double s)
{
    if (isnan(s)) fprintf(f, "—");
    else fprintf(f, "%g", s);
}

/* "median [q1, q3]" of a parameter. */
static void md_quartiles(FILE *f, const shp_stat_summary *s, int sig)
{
    char a[32], b[32], c[32];
    if (s->n == 0) fprintf(f, "—");
    else fprintf(f, "%s [%s, %s]", fg(a, sizeof a, s->median, sig), fg(b, sizeof b, s->q1, sig), fg(c, sizeof c, s->q3, sig));
}

/* "median [q1, q3]" of a curve metric. */
static void md_metric_quartiles(FILE *f, const shp_stat_summary *s, int metric)
{
    char a[32], b[32], c[32];
    if (s->n == 0) fprintf(f, "—");
    else
        fprintf(f, "%s [%s, %s]", fmet(a, sizeof a, metric, s->median), fmet(b, sizeof b, metric, s->q1),
                fmet(c, sizeof c, metric, s->q3));
}

static void md_success(FILE *f, const pr_cell *cell)
{
    fprintf(f, "%d/%d (%.0f %%)", cell->successes, cell->runs, cell->runs ? 100.0 * cell->successes / cell->runs : 0.0);
}

/* The row head of a case: soil, saturation and (error study) the error. */
static void md_case_head(FILE *f, const pr_case *c, int with_error)
{
    fprintf(f, "| ");
    md_text(f, c->soil);
    fprintf(f, " | ");
    md_saturation(f, c->saturation);
    if (with_error) {
        fprintf(f, " | ");
        md_text(f, pr_error_label(c->error));
    }
}

static const char success_rule[] =
    "success: retention-curve RMSE ≤ 0.001 cm³/cm³, conductivity-curve RMSE ≤ 0.008 cm³/cm³ and NS ≥ 0.999 on "
    "both curves (the study's targets, docs/paper/README.md)";

/* ------------------------------------------------------------ Tables 3 and 5/7: parameters */

static void param_csv_head(FILE *f, int noise_free)
{
    fprintf(f, "case,soil,saturation_pct%s,variant,runs,runs_fitted", noise_free ? "" : ",error");
    for (int k = 0; k < PR_N_PAR; ++k) csv_param_col(f, k, "true");
    for (int k = 0; k < PR_N_PAR; ++k) {
        csv_param_col(f, k, "median");
        csv_param_col(f, k, "q1");
        csv_param_col(f, k, "q3");
    }
    fprintf(f, ",successes,success_rate,paper_table");
    for (int k = PR_THETA_S; k < PR_N_PAR; ++k) csv_param_col(f, k, "paper");
    fputc('\n', f);
}

static void param_csv_row(FILE *f, const pr_data *d, int c, int v, const pr_cell *cell)
{
    const pr_case *cs = &d->cases[c];
    csv_text(f, cs->name, 1);
    csv_text(f, cs->soil, 0);
    csv_num(f, cs->saturation);
    if (!pr_noise_free(cs)) csv_text(f, cs->error, 0);
    csv_text(f, d->variants[v].name, 0);
    fprintf(f, ",%d,%d", cell->runs, cell->fitted);
    for (int k = 0; k < PR_N_PAR; ++k) csv_num(f, cs->true_par[k]);
    for (int k = 0; k < PR_N_PAR; ++k) {
        csv_num(f, cell->par[k].median);
        csv_num(f, cell->par[k].q1);
        csv_num(f, cell->par[k].q3);
    }
    fprintf(f, ",%d", cell->successes);
    csv_num(f, cell->runs ? (double)cell->successes / cell->runs : NAN);
    fprintf(f, ",%d", pr_paper_table(cs, 0));
    for (int k = PR_THETA_S; k < PR_N_PAR; ++k) csv_num(f, paper_param(d, cs, k));
    fputc('\n', f);
}

static void param_md_head(FILE *f, int noise_free)
{
    fprintf(f, "| soil | Se [%%] |%s variant |", noise_free ? "" : " error |");
    for (int k = 0; k < PR_N_PAR; ++k) fprintf(f, " %s |", pr_params[k].md);
    fprintf(f, " runs | success |\n|---|---:|%s---|", noise_free ? "" : "---|");
    for (int k = 0; k < PR_N_PAR; ++k) fprintf(f, "---:|");
    fprintf(f, "---:|---|\n");
}

/* The true row, then one row per variant, then the paper's row of the case. */
static void param_md_case(FILE *f, const pr_data *d, int c, const pr_cell *cells)
{
    const pr_case *cs = &d->cases[c];
    const int with_error = !pr_noise_free(cs);
    char a[32];
    md_case_head(f, cs, with_error);
    fprintf(f, " | **true** |");
    for (int k = 0; k < PR_N_PAR; ++k) fprintf(f, " %s |", fg(a, sizeof a, cs->true_par[k], 4));
    fprintf(f, " | |\n");
    for (int v = 0; v < d->n_variants; ++v) {
        if (cells[v].runs == 0) continue;
        fprintf(f, "| | |%s ", with_error ? " |" : "");
        md_variant(f, &d->variants[v]);
        fprintf(f, " |");
        for (int k = 0; k < PR_N_PAR; ++k) {
            fputc(' ', f);
            md_quartiles(f, &cells[v].par[k], 4);
            fprintf(f, " |");
        }
        fprintf(f, " %d | ", cells[v].runs);
        md_success(f, &cells[v]);
        fprintf(f, " |\n");
    }
    double p[PR_N_PAR];
    int any = 0;
    for (int k = 0; k < PR_N_PAR; ++k) any |= !isnan(p[k] = k == PR_THETA_R ? NAN : paper_param(d, cs, k));
    if (!any) return;
    fprintf(f, "| | |%s *seed 002, Table %d* | %s |", with_error ? " |" : "", pr_paper_table(cs, 0),
            fg(a, sizeof a, cs->true_par[PR_THETA_R], 4));
    for (int k = PR_THETA_S; k < PR_N_PAR; ++k) fprintf(f, " %s |", fg(a, sizeof a, p[k], PAPER_DIGITS));
    fprintf(f, " | |\n");
}

/* ------------------------------------------------------------ Table 4: curves, noise-free */

static void curves4_csv_head(FILE *f)
{
    fprintf(f, "case,soil,saturation_pct,variant,runs,runs_compared");
    for (int cv = 0; cv < PR_N_CURVE; ++cv)
        for (int m = 0; m < PR_N_MET; ++m) {
            csv_metric_col(f, cv, m, "median");
            csv_metric_col(f, cv, m, "worst");
        }
    fprintf(f, ",successes,success_rate");
    for (int cv = 0; cv < PR_N_CURVE; ++cv)
        for (int m = 0; m < PR_N_MET; ++m) csv_metric_col(f, cv, m, "paper");
    fprintf(f, ",retention_RMSE_le_paper,conductivity_RMSE_le_paper\n");
}

static void curves4_csv_row(FILE *f, const pr_data *d, int c, int v, const pr_cell *cell)
{
    const pr_case *cs = &d->cases[c];
    csv_text(f, cs->name, 1);
    csv_text(f, cs->soil, 0);
    csv_num(f, cs->saturation);
    csv_text(f, d->variants[v].name, 0);
    fprintf(f, ",%d,%d", cell->runs, cell->compared);
    for (int cv = 0; cv < PR_N_CURVE; ++cv)
        for (int m = 0; m < PR_N_MET; ++m) {
            csv_num(f, cell->met[cv][m].median);
            csv_num(f, cell->worst[cv][m]);
        }
    fprintf(f, ",%d", cell->successes);
    csv_num(f, cell->runs ? (double)cell->successes / cell->runs : NAN);
    for (int cv = 0; cv < PR_N_CURVE; ++cv)
        for (int m = 0; m < PR_N_MET; ++m) csv_num(f, paper_curve(d, cs, cv, m));
    for (int cv = 0; cv < PR_N_CURVE; ++cv) csv_le(f, cell->met[cv][PR_RMSE].median, paper_curve(d, cs, cv, PR_RMSE));
    fputc('\n', f);
}

static void curves4_md_head(FILE *f)
{
    fprintf(f, "| soil | Se [%%] | variant | runs |");
    for (int cv = 0; cv < PR_N_CURVE; ++cv)
        for (int m = 0; m < PR_N_MET; ++m) fprintf(f, " %s %s |", pr_curve_md[cv], pr_metrics[m].md);
    fprintf(f, " success |\n|---|---:|---|---:|");
    for (int k = 0; k < PR_N_CURVE * PR_N_MET; ++k) fprintf(f, "---:|");
    fprintf(f, "---|\n");
}

static void curves4_md_case(FILE *f, const pr_data *d, int c, const pr_cell *cells)
{
    char a[32], b[32];
    int first = 1;
    for (int v = 0; v < d->n_variants; ++v) {
        if (cells[v].runs == 0) continue;
        if (first) md_case_head(f, &d->cases[c], 0);
        else fprintf(f, "| | ");
        first = 0;
        fprintf(f, " | ");
        md_variant(f, &d->variants[v]);
        fprintf(f, " | %d |", cells[v].runs);
        for (int cv = 0; cv < PR_N_CURVE; ++cv)
            for (int m = 0; m < PR_N_MET; ++m)
                fprintf(f, " %s (%s) |", fmet(a, sizeof a, m, cells[v].met[cv][m].median),
                        fmet(b, sizeof b, m, cells[v].worst[cv][m]));
        fprintf(f, " ");
        md_success(f, &cells[v]);
        fprintf(f, " |\n");
    }
}

/* The paper's Table 4 row of a soil (one per soil: it does not name the saturation). */
static void curves4_md_paper(FILE *f, const pr_data *d, const pr_case *c)
{
    char a[32];
    double p[PR_N_CURVE][PR_N_MET];
    int any = 0;
    for (int cv = 0; cv < PR_N_CURVE; ++cv)
        for (int m = 0; m < PR_N_MET; ++m) any |= !isnan(p[cv][m] = paper_curve(d, c, cv, m));
    if (!any) return;
    fprintf(f, "| ");
    md_text(f, c->soil);
    fprintf(f, " | — | *seed 002, Table 4* | |");
    for (int cv = 0; cv < PR_N_CURVE; ++cv)
        for (int m = 0; m < PR_N_MET; ++m) fprintf(f, " %s |", fg(a, sizeof a, p[cv][m], PAPER_DIGITS));
    fprintf(f, " |\n");
}

/* ------------------------------------------------------------ Tables 6/8: curves with errors */

static const int err_metrics[] = {PR_RMSE, PR_PBIAS, PR_NS};
#define N_ERR_METRICS 3

static void curves6_csv_head(FILE *f)
{
    fprintf(f, "case,soil,saturation_pct,error,variant,runs,runs_compared");
    for (int cv = 0; cv < PR_N_CURVE; ++cv)
        for (int i = 0; i < N_ERR_METRICS; ++i) {
            csv_metric_col(f, cv, err_metrics[i], "median");
            csv_metric_col(f, cv, err_metrics[i], "q1");
            csv_metric_col(f, cv, err_metrics[i], "q3");
        }
    fprintf(f, ",paper_table");
    for (int cv = 0; cv < PR_N_CURVE; ++cv)
        for (int i = 0; i < N_ERR_METRICS; ++i) csv_metric_col(f, cv, err_metrics[i], "paper");
    fprintf(f, ",retention_RMSE_le_paper,conductivity_RMSE_le_paper\n");
}

static void curves6_csv_row(FILE *f, const pr_data *d, int c, int v, const pr_cell *cell)
{
    const pr_case *cs = &d->cases[c];
    csv_text(f, cs->name, 1);
    csv_text(f, cs->soil, 0);
    csv_num(f, cs->saturation);
    csv_text(f, cs->error, 0);
    csv_text(f, d->variants[v].name, 0);
    fprintf(f, ",%d,%d", cell->runs, cell->compared);
    for (int cv = 0; cv < PR_N_CURVE; ++cv)
        for (int i = 0; i < N_ERR_METRICS; ++i) {
            const shp_stat_summary *s = &cell->met[cv][err_metrics[i]];
            csv_num(f, s->median);
            csv_num(f, s->q1);
            csv_num(f, s->q3);
        }
    fprintf(f, ",%d", pr_paper_table(cs, 1));
    for (int cv = 0; cv < PR_N_CURVE; ++cv)
        for (int i = 0; i < N_ERR_METRICS; ++i) csv_num(f, paper_curve(d, cs, cv, err_metrics[i]));
    for (int cv = 0; cv < PR_N_CURVE; ++cv) csv_le(f, cell->met[cv][PR_RMSE].median, paper_curve(d, cs, cv, PR_RMSE));
    fputc('\n', f);
}

static void curves6_md_head(FILE *f)
{
    fprintf(f, "| soil | Se [%%] | error | variant | runs |");
    for (int cv = 0; cv < PR_N_CURVE; ++cv)
        for (int i = 0; i < N_ERR_METRICS; ++i) fprintf(f, " %s %s |", pr_curve_md[cv], pr_metrics[err_metrics[i]].md);
    fprintf(f, " RMSE ≤ paper's (h, K) |\n|---|---:|---|---|---:|");
    for (int k = 0; k < PR_N_CURVE * N_ERR_METRICS; ++k) fprintf(f, "---:|");
    fprintf(f, "---|\n");
}

static const char *yes_no(double a, double b)
{
    if (isnan(a) || isnan(b)) return "—";
    return a <= b ? "yes" : "**no**";
}

static void curves6_md_case(FILE *f, const pr_data *d, int c, const pr_cell *cells)
{
    const pr_case *cs = &d->cases[c];
    char a[32];
    int first = 1;
    for (int v = 0; v < d->n_variants; ++v) {
        if (cells[v].runs == 0) continue;
        if (first) md_case_head(f, cs, 1);
        else fprintf(f, "| | | ");
        first = 0;
        fprintf(f, " | ");
        md_variant(f, &d->variants[v]);
        fprintf(f, " | %d |", cells[v].runs);
        for (int cv = 0; cv < PR_N_CURVE; ++cv)
            for (int i = 0; i < N_ERR_METRICS; ++i) {
                fputc(' ', f);
                md_metric_quartiles(f, &cells[v].met[cv][err_metrics[i]], err_metrics[i]);
                fprintf(f, " |");
            }
        fprintf(f, " %s, %s |\n", yes_no(cells[v].met[0][PR_RMSE].median, paper_curve(d, cs, 0, PR_RMSE)),
                yes_no(cells[v].met[1][PR_RMSE].median, paper_curve(d, cs, 1, PR_RMSE)));
    }
    int any = 0;
    for (int cv = 0; cv < PR_N_CURVE; ++cv)
        for (int i = 0; i < N_ERR_METRICS; ++i) any |= !isnan(paper_curve(d, cs, cv, err_metrics[i]));
    if (!any) return;
    fprintf(f, "| | | | *seed 002, Table %d* | |", pr_paper_table(cs, 1));
    for (int cv = 0; cv < PR_N_CURVE; ++cv)
        for (int i = 0; i < N_ERR_METRICS; ++i) fprintf(f, " %s |", fg(a, sizeof a, paper_curve(d, cs, cv, err_metrics[i]), PAPER_DIGITS));
    fprintf(f, " |\n");
}

/* ------------------------------------------------------------ one table, both forms */

typedef enum { T3_PARAMS, T4_CURVES, T5_ERROR_PARAMS, T6_ERROR_CURVES, N_TABLES } table_id;

static const struct {
    const char *file;  /* without extension */
    const char *title; /* Markdown heading */
    const char *note;
    int noise_free;
} tables[N_TABLES] = {
    {"table3_parameters", "Table 3 analogue: fitted parameters, noise-free data",
     "Per case and variant: median [q1, q3] over seeds of the fitted parameters (θr is held at its true "
     "value, as in the seed); the seed's Table 3 row below them.",
     1},
    {"table4_curves", "Table 4 analogue: errors of the fitted curves, noise-free data",
     "θ compared at 50 suctions from 1 to 1e4 cm on h(θ) and at 50 conductivities on K(θ) (seed §4.2.2); each "
     "cell is the median over seeds (the worst seed in brackets: largest MAE, RMSE and |PBIAS|, smallest NS). "
     "The seed's Table 4 gives one row per soil and does not name the saturation. PBIAS = 100 Σ(true − fitted) / "
     "Σ true.",
     1},
    {"table5_errors_parameters", "Tables 5 and 7 analogue: fitted parameters with measurement errors",
     "Errors of the synthetic observations (seed §4.3): systematic ±0.02 cm³/cm³ on θ_initial or θ_final, random "
     "errors with SD 5 % of the series' SD on either, random 2 % and 5 % on Q. Median [q1, q3] over seeds; the "
     "seed's Table 5 or 7 row below.",
     0},
    {"table6_errors_curves", "Tables 6 and 8 analogue: errors of the fitted curves with measurement errors",
     "RMSE, PBIAS and NS of θ on h(θ) and K(θ), median [q1, q3] over seeds; the last column says whether "
     "shpfit's median RMSE is at most the seed's (Table 6 or 8 row below).",
     0},
};

static void table_csv_head(FILE *f, table_id t)
{
    if (t == T3_PARAMS || t == T5_ERROR_PARAMS) param_csv_head(f, tables[t].noise_free);
    else if (t == T4_CURVES) curves4_csv_head(f);
    else curves6_csv_head(f);
}

static void table_md_head(FILE *f, table_id t)
{
    if (t == T3_PARAMS || t == T5_ERROR_PARAMS) param_md_head(f, tables[t].noise_free);
    else if (t == T4_CURVES) curves4_md_head(f);
    else curves6_md_head(f);
}

static void table_md_case(FILE *f, table_id t, const pr_data *d, int c, const pr_cell *cells)
{
    if (t == T3_PARAMS || t == T5_ERROR_PARAMS) param_md_case(f, d, c, cells);
    else if (t == T4_CURVES) curves4_md_case(f, d, c, cells);
    else curves6_md_case(f, d, c, cells);
}

static void table_csv_rows(FILE *f, table_id t, const pr_data *d, int c, const pr_cell *cells)
{
    for (int v = 0; v < d->n_variants; ++v) {
        if (cells[v].runs == 0) continue;
        if (t == T3_PARAMS || t == T5_ERROR_PARAMS) param_csv_row(f, d, c, v, &cells[v]);
        else if (t == T4_CURVES) curves4_csv_row(f, d, c, v, &cells[v]);
        else curves6_csv_row(f, d, c, v, &cells[v]);
    }
}

/* Write table t: CSV into csv (may be NULL), Markdown section into md (heading level 2). */
static int write_table(const pr_data *d, table_id t, FILE *csv, FILE *md, scratch *s, pr_cell *cells, int *order,
                       char *err, size_t len)
{
    const int n = pr_case_order(d, tables[t].noise_free, order);
    if (md) {
        fprintf(md, "## %s\n\n%s", tables[t].title, tables[t].note);
        if (t == T3_PARAMS) fprintf(md, " %s.", success_rule);
        fprintf(md, "\n\n");
        if (n == 0) fprintf(md, "No runs of such cases in runs.csv.\n\n");
        else table_md_head(md, t);
    }
    if (csv) table_csv_head(csv, t);
    for (int i = 0; i < n; ++i) {
        for (int v = 0; v < d->n_variants; ++v)
            if (cell_stats(d, order[i], v, s, &cells[v]) != SHP_OK) {
                snprintf(err, len, "out of memory");
                return SHP_ERR_NOMEM;
            }
        if (csv) table_csv_rows(csv, t, d, order[i], cells);
        if (!md) continue;
        table_md_case(md, t, d, order[i], cells);
        /* the seed's Table 4 row after the last case of each soil */
        const int last_of_soil = i + 1 == n || strcmp(d->cases[order[i + 1]].soil, d->cases[order[i]].soil);
        if (t == T4_CURVES && last_of_soil) curves4_md_paper(md, d, &d->cases[order[i]]);
    }
    if (md && n > 0) fputc('\n', md);
    return SHP_OK;
}

/* ------------------------------------------------------------ files */

static void md_head(FILE *f, const pr_data *d)
{
    char a[32];
    fprintf(f, "# Seed 002 study: shpfit's Tables 3–8 and Figures 7–10\n\n| | |\n|---|---|\n| campaign | ");
    md_text(f, d->title[0] ? d->title : "(unnamed)");
    fprintf(f, " |\n| machine | ");
    md_text(f, d->machine[0] ? d->machine : "(not given)");
    fprintf(f, " |\n| seeds | %d distinct in runs.csv", d->n_seeds);
    if (d->campaign_seeds > 0) fprintf(f, " (the campaign asks for %d)", d->campaign_seeds);
    fprintf(f, " |\n| budget per run | ");
    if (d->budget_evals > 0) fprintf(f, "%ld evaluations (unless a variant gives its own budget)", d->budget_evals);
    if (d->budget_time_s > 0) fprintf(f, "%s%s s", d->budget_evals > 0 ? " or " : "", fg(a, sizeof a, d->budget_time_s, 4));
    if (d->budget_evals <= 0 && d->budget_time_s <= 0) fprintf(f, "not given");
    fprintf(f, " |\n| runs | %d (%d variant%s) |\n| wall time | ", d->n_runs, d->n_variants, d->n_variants == 1 ? "" : "s");
    /* a resumed study computes only what was missing: the runs' own times are the total */
    fprintf(f, "%s s summed over the runs", fg(a, sizeof a, d->runs_wall_s, 4));
    if (d->wall_s > 0) fprintf(f, "; %s s in the invocation that wrote this report", fg(a, sizeof a, d->wall_s, 4));
    fprintf(f, " |\n");
    fprintf(f, "| curve comparison | %d points on h(θ) (suction %g to %g cm) and on K(θ), θ compared |\n",
            SHP_AGREEMENT_POINTS, SHP_PAPER_PSI_MIN_CM, SHP_PAPER_PSI_MAX_CM);
    fprintf(f, "| %s |\n\nRuns whose optimizer scored no candidate count as failures and are left out of the "
               "medians.\n\n",
            "targets | retention RMSE ≤ 0.001, conductivity RMSE ≤ 0.008 cm³/cm³, NS ≥ 0.999 (noise-free); RMSE ≤ "
            "the seed's Tables 6 and 8 (with errors)");
    md_variant_legend(f, d);
}

static void md_figures(FILE *f, const pr_data *d, int plots)
{
    fprintf(f, "## Figures\n\nTrue curves (lines) and the fitted curves of the median run by retention RMSE "
               "(dashed, with points), per soil: h(θ) on top, K(θ) below (seed Figures 7–10).\n\n");
    int any = 0;
    for (int v = 0; v < d->n_variants; ++v)
        for (int e = 0; e < 2; ++e) {
            if (!pr_has_figure(d, v, e)) continue;
            const char *base = e ? "errors" : "figure7";
            any = 1;
            fprintf(f, "* %s, ", e ? "Figures 8–10 analogue (measurement errors)" : "Figure 7 analogue (noise-free)");
            md_variant(f, &d->variants[v]);
            if (plots)
                fprintf(f, ":\n\n  ![%s %s](%s_%s.png)\n\n  data: [%s_%s.csv](%s_%s.csv)\n", base, d->variants[v].file,
                        base, d->variants[v].file, base, d->variants[v].file, base, d->variants[v].file);
            else
                fprintf(f, ": not drawn (gnuplot not available); data in [%s_%s.csv](%s_%s.csv)\n", base,
                        d->variants[v].file, base, d->variants[v].file);
        }
    if (!any) fprintf(f, "No fitted curves to draw.\n");
    fprintf(f, "\n");
}


/* table<k>_<x>.csv and .md. */
static int write_table_files(const pr_data *d, table_id t, scratch *s, pr_cell *cells, int *order, char *err,
                             size_t len)
{
    char name[96], pcsv[SHP_PATH_MAX], pmd[SHP_PATH_MAX];
    snprintf(name, sizeof name, "%s.csv", tables[t].file);
    FILE *csv = shp_file_create_in(d->out, name, pcsv, sizeof pcsv, err, len);
    if (!csv) return SHP_ERR_IO;
    snprintf(name, sizeof name, "%s.md", tables[t].file);
    FILE *md = shp_file_create_in(d->out, name, pmd, sizeof pmd, err, len);
    if (!md) {
        shp_file_discard(csv, pcsv);
        return SHP_ERR_IO;
    }
    fprintf(md, "# Seed 002 study: %s\n\nAll tables and the run details: [tables.md](tables.md).\n\n", tables[t].file);
    md_variant_legend(md, d);
    const int rc = write_table(d, t, csv, md, s, cells, order, err, len);
    if (rc != SHP_OK) {
        shp_file_discard(csv, pcsv);
        shp_file_discard(md, pmd);
        return rc;
    }
    const int rc1 = shp_file_close(csv, pcsv, err, len);
    const int rc2 = shp_file_close(md, pmd, err, len);
    return rc1 != SHP_OK ? rc1 : rc2;
}

static int write_tables_md(const pr_data *d, int plots, scratch *s, pr_cell *cells, int *order, char *err,
                           size_t len)
{
    char path[SHP_PATH_MAX];
    FILE *md = shp_file_create_in(d->out, "tables.md", path, sizeof path, err, len);
    if (!md) return SHP_ERR_IO;
    md_head(md, d);
    int rc = SHP_OK;
    for (int t = 0; t < N_TABLES && rc == SHP_OK; ++t) rc = write_table(d, (table_id)t, NULL, md, s, cells, order, err, len);
    md_figures(md, d, plots);
    if (rc != SHP_OK) {
        shp_file_discard(md, path);
        return rc;
    }
    return shp_file_close(md, path, err, len);
}

int pr_write_tables(const pr_data *d, int plots, char *err, size_t len)
{
    scratch s = {malloc((size_t)(d->n_runs + 1) * sizeof *s.idx), malloc((size_t)(d->n_runs + 1) * sizeof *s.val)};
    pr_cell *cells = malloc((size_t)(d->n_variants + 1) * sizeof *cells);
    int *order = malloc((size_t)(d->n_cases + 1) * sizeof *order);
    int rc = SHP_OK;
    if (!s.idx || !s.val || !cells || !order) {
        snprintf(err, len, "out of memory");
        rc = SHP_ERR_NOMEM;
    }
    for (int t = 0; t < N_TABLES && rc == SHP_OK; ++t) rc = write_table_files(d, (table_id)t, &s, cells, order, err, len);
    if (rc == SHP_OK) rc = write_tables_md(d, plots, &s, cells, order, err, len);
    free(s.idx);
    free(s.val);
    free(cells);
    free(order);
    return rc;
}
