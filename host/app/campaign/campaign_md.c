/* The Markdown of the campaign report (campaign_report.h): the formatting and tables the
 * reports share, and DIR/report.md over every case. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "campaign/campaign_report_internal.h"
#include "io/fs.h"
#include "shpfit/status.h"

/* Three significant digits: between 0.01 and 1000 as %.3g (0.0123, 12.3, 123), from 1000
 * to 1e7 as whole numbers (4982 → 4980), otherwise 1.23e-04; "—" for NAN, "∞" for
 * infinity. */
const char *cr_fmt3(char *buf, size_t len, double x)
{
    const double a = fabs(x);
    if (isnan(x)) snprintf(buf, len, "—");
    else if (isinf(x)) snprintf(buf, len, "%s∞", x < 0 ? "−" : "");
    else if (a >= 1000.0 && a < 1e7) {
        const double e = pow(10.0, floor(log10(a)) - 2.0);
        snprintf(buf, len, "%.0f", round(x / e) * e);
    } else if (x != 0.0 && (a < 0.01 || a >= 1e7)) snprintf(buf, len, "%.2e", x);
    else snprintf(buf, len, "%.3g", x);
    return buf;
}

/* A p-value: 3 significant digits, "< 1e-6" below. */
const char *cr_fmtp(char *buf, size_t len, double p)
{
    if (isnan(p)) snprintf(buf, len, "—");
    else if (p < 1e-6) snprintf(buf, len, "< 1e-6");
    else snprintf(buf, len, "%.3g", p);
    return buf;
}

/* A name in Markdown text: punctuation that Markdown would read escaped. */
void cr_md_name(FILE *f, const char *s)
{
    for (; *s; ++s) {
        if (strchr("\\`*_{}[]<>()#+!|~", *s)) fputc('\\', f);
        fputc(*s, f);
    }
}

void cr_md_variant_cells(FILE *f, const shp_cr_variant *v, int algorithm)
{
    fprintf(f, "| ");
    cr_md_name(f, v->name);
    if (!algorithm) return;
    fprintf(f, " | ");
    cr_md_name(f, v->algorithm);
}

/* Rows in which stat n > 0: "median (IQR x)"; "—" otherwise. */
static void md_median_iqr(FILE *f, const shp_stat_summary *s)
{
    char a[32], b[32];
    if (s->n == 0) fprintf(f, "—");
    else fprintf(f, "%s (IQR %s)", cr_fmt3(a, sizeof a, s->median), cr_fmt3(b, sizeof b, s->iqr));
}

static void md_budget(FILE *f, const shp_campaign_report_info *info)
{
    char a[32];
    if (info->budget_evaluations > 0)
        fprintf(f, "%ld evaluations", info->budget_evaluations);
    if (info->budget_time_s > 0)
        fprintf(f, "%s%s s", info->budget_evaluations > 0 ? " or " : "", cr_fmt3(a, sizeof a, info->budget_time_s));
    if (info->budget_evaluations <= 0 && info->budget_time_s <= 0) fprintf(f, "none given");
    fprintf(f, " per run");
}

const char *cr_text_or(const char *s, const char *dflt) { return s && *s ? s : dflt; }

void cr_md_info_table(FILE *f, const shp_campaign_report_info *info, double alpha)
{
    fprintf(f, "| | |\n|---|---|\n| campaign | ");
    cr_md_name(f, cr_text_or(info->title, "(unnamed)"));
    fprintf(f, " |\n| machine | ");
    cr_md_name(f, cr_text_or(info->machine, "(not given)"));
    fprintf(f, " |\n| budget | ");
    md_budget(f, info);
    fprintf(f, " |\n| target | ");
    cr_md_name(f, cr_text_or(info->target_text, "(not given)"));
    fprintf(f, " |\n| significance level α | %g |\n", alpha);
}

int cr_case_runs(const shp_cr_case *cs)
{
    int n = 0;
    for (int v = 0; v < cs->n_variants; ++v) n += cs->variant[v].n_runs;
    return n;
}

static void md_success(FILE *f, const shp_cr_variant *v)
{
    fprintf(f, "%d/%d (%.0f %%)", v->successes, v->n_runs, v->n_runs ? 100.0 * v->successes / v->n_runs : 0.0);
}

/* The ranking table (both files). */
void cr_md_ranking(FILE *f, const shp_cr_data *d, const shp_cr_case *cs, int detail)
{
    char a[32], b[32], c[32], e[32];
    fprintf(f, "| rank | variant | algorithm | successes | ERT [evaluations] | ERT [s] | median final best_sum | "
               "p: best_sum vs best | p: runtime vs best |%s verdict |\n"
               "|---:|---|---|---|---:|---:|---:|---:|---:|%s---|\n",
            detail ? " mean Friedman rank (best_sum) |" : "", detail ? "---:|" : "");
    for (int o = 0; o < cs->n_variants; ++o) {
        const int vi = cs->order[o];
        const shp_cr_variant *v = &cs->variant[vi];
        fprintf(f, "| %d ", v->rank);
        cr_md_variant_cells(f, v, 1);
        fprintf(f, "%s | ", v->multi_objective ? " (multi-objective)" : "");
        md_success(f, v);
        fprintf(f, " | %s | %s | %s | ", cr_fmt3(a, sizeof a, v->ert_evals), cr_fmt3(b, sizeof b, v->ert_s),
                cr_fmt3(c, sizeof c, v->best_sum.median));
        if (v->tested)
            fprintf(f, "%s%s | %s%s | ", cr_fmtp(a, sizeof a, v->test_best_sum.p), v->test_best_sum.exact ? "" : " ≈",
                    cr_fmtp(b, sizeof b, v->test_runtime.p), v->test_runtime.exact ? "" : " ≈");
        else
            fprintf(f, "— | — | ");
        if (detail) fprintf(f, "%s | ", cs->friedman ? cr_fmt3(e, sizeof e, cs->mean_rank_best_sum[vi]) : "—");
        if (!v->tested) fprintf(f, "**best** |\n");
        else {
            const shp_stat_ranksum_result *tb = &v->test_best_sum, *tr = &v->test_runtime;
            const double hb = 0.5 * tb->n1 * tb->n2, hr = 0.5 * tr->n1 * tr->n2;
            if (v->tied) fprintf(f, "tied with the best");
            else
                fprintf(f, "final best_sum %s the best's (p < α)",
                        tb->U > hb ? "higher than" : tb->U < hb ? "lower than" : "distributed unlike");
            if (tr->p < d->alpha)
                fprintf(f, "; runtime to target %s (p < α)",
                        tr->U > hr ? "longer" : tr->U < hr ? "shorter" : "distributed differently");
            fprintf(f, " |\n");
        }
    }
    fprintf(f, "\n");
}

void cr_md_friedman(FILE *f, const shp_cr_data *d, const shp_cr_case *cs)
{
    char a[32], b[32];
    if (!cs->friedman) {
        fprintf(f, "Friedman test: not applicable (it needs at least 2 variants run on the same set of at "
                   "least 2 seeds).\n\n");
        return;
    }
    const shp_stat_friedman_result *fb = &cs->friedman_best_sum, *fr = &cs->friedman_runtime;
    fprintf(f,
            "Friedman test (blocks = the %d seeds, %d variants, df = %d): on the final best_sum "
            "Q = %s, p = %s — %s; on the runtime (evaluations to target, unsuccessful runs ranked last) "
            "Q = %s, p = %s — %s.\n\n",
            cs->n_blocks, cs->n_variants, fb->df, cr_fmt3(a, sizeof a, fb->Q), cr_fmtp(b, sizeof b, fb->p),
            fb->p < d->alpha ? "the variants differ (p < α)" : "no difference shown (p ≥ α)",
            cr_fmt3(a, sizeof a, fr->Q), cr_fmtp(b, sizeof b, fr->p),
            fr->p < d->alpha ? "the variants differ (p < α)" : "no difference shown (p ≥ α)");
}

static void md_summary_table(FILE *f, const shp_cr_case *cs)
{
    char a[32], b[32];
    fprintf(f, "| variant | algorithm | runs | successes | ERT [evaluations] | ERT [s] | "
               "evaluations to target, median (IQR) | final best_sum, median (IQR) | failed columns |\n"
               "|---|---|---:|---|---:|---:|---|---|---:|\n");
    for (int vi = 0; vi < cs->n_variants; ++vi) {
        const shp_cr_variant *v = &cs->variant[vi];
        cr_md_variant_cells(f, v, 1);
        fprintf(f, " | %d | ", v->n_runs);
        md_success(f, v);
        fprintf(f, " | %s | %s | ", cr_fmt3(a, sizeof a, v->ert_evals), cr_fmt3(b, sizeof b, v->ert_s));
        md_median_iqr(f, &v->evals_to_target);
        fprintf(f, " | ");
        md_median_iqr(f, &v->best_sum);
        fprintf(f, " | %ld |\n", v->failed_columns);
    }
    fprintf(f, "\n");
}

const char cr_ranking_note[] =
    "Ranked by ERT (expected evaluations to reach the target, COCO), ties and ∞ by the median "
    "final best_sum. p-values: two-sided Wilcoxon rank-sum test of each variant against the "
    "top-ranked one, on the final best_sum and on the runtime (evaluations to target, "
    "unsuccessful runs counted as worse than any success); exact null distribution without ties "
    "(n ≤ 49), normal approximation with tie and continuity corrections otherwise (marked ≈). "
    "\"tied with the best\": p(best_sum) ≥ α — the difference in final best_sum is within the "
    "run-to-run noise and is not claimed; a runtime difference with p < α is named separately "
    "(runs that stop at the target all end just below it, so their final best_sum rarely "
    "separates them). No correction for multiple comparisons is applied.";

/* report.md's head: the campaign, its runs and the list of cases. */
static void index_head(FILE *f, const shp_cr_data *d, const shp_campaign_report_info *info)
{
    fprintf(f, "# Benchmark campaign ");
    cr_md_name(f, cr_text_or(info->title, "(unnamed)"));
    fprintf(f, "\n\n");
    cr_md_info_table(f, info, d->alpha);
    fprintf(f, "| finished runs | %d in %d case%s |\n", d->n_runs, d->n_cases, d->n_cases == 1 ? "" : "s");
    if (d->duplicates)
        fprintf(f, "| repeated rows | %d row%s of runs.csv repeated an earlier (case, variant, seed) and replaced "
                   "it |\n",
                d->duplicates, d->duplicates == 1 ? "" : "s");
    fprintf(f, "\n");
    if (d->n_cases == 0) fprintf(f, "runs.csv holds no finished run yet.\n");
    else {
        fprintf(f, "Cases:");
        for (int c = 0; c < d->n_cases; ++c) {
            fprintf(f, "%s [", c ? "," : "");
            cr_md_name(f, d->cases[c].name);
            fprintf(f, "](#case-%s)", d->cases[c].file_name);
        }
        fprintf(f, ".\n\n%s\n", cr_ranking_note);
    }
}

/* One case's section of report.md: links, the summary table and the ranking. */
static void index_case(FILE *f, const shp_cr_data *d, const shp_cr_case *cs, int plots)
{
    fprintf(f, "\n<a id=\"case-%s\"></a>\n\n## Case ", cs->file_name);
    cr_md_name(f, cs->name);
    fprintf(f, "\n\n[Full report](report_%s.md) · ", cs->file_name);
    if (plots)
        fprintf(f, "plots: [ECDF of the evaluations to target](ecdf_%s.png), [convergence](convergence_%s.png)",
                cs->file_name, cs->file_name);
    else
        fprintf(f, "plots not drawn (gnuplot not available): data in [ecdf_%s.csv](ecdf_%s.csv), "
                   "[convergence_%s.csv](convergence_%s.csv)",
                cs->file_name, cs->file_name, cs->file_name, cs->file_name);
    fprintf(f, " · %d finished runs\n\n", cr_case_runs(cs));
    md_summary_table(f, cs);
    fprintf(f, "Ranking:\n\n");
    cr_md_ranking(f, d, cs, 0);
    cr_md_friedman(f, d, cs);
}

static int write_index_md(const char *dir, const shp_cr_data *d, const shp_campaign_report_info *info, int plots,
                          char *err, size_t len)
{
    char path[SHP_PATH_MAX];
    FILE *f = shp_file_create_in(dir, "report.md", path, sizeof path, err, len);
    if (!f) return SHP_ERR_IO;
    index_head(f, d, info);
    for (int c = 0; c < d->n_cases; ++c) index_case(f, d, &d->cases[c], plots);
    return shp_file_close(f, path, err, len);
}

int shp_cr_write_markdown(const char *dir, const shp_cr_data *d, const shp_campaign_report_info *info, int plots,
                          char *err, size_t len)
{
    int rc = write_index_md(dir, d, info, plots, err, len);
    for (int c = 0; c < d->n_cases && rc == SHP_OK; ++c)
        rc = cr_write_case_md(dir, d, &d->cases[c], info, plots, err, len);
    return rc;
}
