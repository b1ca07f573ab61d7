/* DIR/report_<case>.md of the campaign report (campaign_report_internal.h): one case in
 * full, a section per function. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "campaign/campaign_report_internal.h"
#include "io/fs.h"
#include "shpfit/status.h"

/* Distinct names of a `name=value;…` column over the runs of a case, in order of first
 * appearance (at most max). */
static int kv_names(const shp_cr_data *d, const shp_cr_case *cs, int params, char (*names)[64], int max)
{
    int n = 0;
    for (int v = 0; v < cs->n_variants; ++v)
        for (int i = 0; i < cs->variant[v].n_runs; ++i) {
            const shp_cr_run *r = &d->run[cs->variant[v].run[i]];
            const char *s = params ? r->parameters : r->objectives;
            shp_stat_kv kv[64];
            int m;
            char why[128];
            if (shp_stat_kv_parse(s, kv, 64, &m, why, sizeof why) != SHP_OK) continue;
            for (int k = 0; k < m; ++k) {
                int seen = 0;
                for (int j = 0; j < n && !seen; ++j) seen = !strcmp(names[j], kv[k].name);
                if (!seen && n < max) {
                    memcpy(names[n], kv[k].name, sizeof names[0]); /* both 64, NUL-terminated */
                    names[n++][sizeof names[0] - 1] = '\0';
                }
            }
        }
    return n;
}

/* Medians of every name of the objectives or parameters: names as rows, variants as
 * columns. */
static void md_kv_medians(FILE *f, const shp_cr_data *d, const shp_cr_case *cs, int params, double *buf)
{
    char names[64][64], a[32];
    const int n = kv_names(d, cs, params, names, 64);
    if (n == 0) {
        fprintf(f, "(none in runs.csv)\n\n");
        return;
    }
    fprintf(f, "| %s |", params ? "parameter" : "objective");
    for (int v = 0; v < cs->n_variants; ++v) {
        fprintf(f, " ");
        cr_md_name(f, cs->variant[v].name);
        fprintf(f, " |");
    }
    fprintf(f, "\n|---|");
    for (int v = 0; v < cs->n_variants; ++v) fprintf(f, "---:|");
    fprintf(f, "\n");
    for (int k = 0; k < n; ++k) {
        fprintf(f, "| ");
        cr_md_name(f, names[k]);
        fprintf(f, " |");
        for (int v = 0; v < cs->n_variants; ++v) {
            const shp_cr_variant *vv = &cs->variant[v];
            int m = 0;
            for (int i = 0; i < vv->n_runs; ++i) {
                double x;
                const shp_cr_run *r = &d->run[vv->run[i]];
                if (shp_stat_kv_get(params ? r->parameters : r->objectives, names[k], &x) == 1) buf[m++] = x;
            }
            fprintf(f, " %s |", cr_fmt3(a, sizeof a, shp_stat_median(buf, m)));
        }
        fprintf(f, "\n");
    }
    fprintf(f, "\n");
}

/* The title, the campaign's table and the runs of the case. */
static void case_head(FILE *f, const shp_cr_data *d, const shp_cr_case *cs, const shp_campaign_report_info *info)
{
    fprintf(f, "# Case ");
    cr_md_name(f, cs->name);
    fprintf(f, " — campaign ");
    cr_md_name(f, cr_text_or(info->title, "(unnamed)"));
    fprintf(f, "\n\n[All cases](report.md)\n\n");
    cr_md_info_table(f, info, d->alpha);
    int seeds_min = cs->n_variants ? cs->variant[0].n_runs : 0, seeds_max = seeds_min;
    for (int v = 0; v < cs->n_variants; ++v) {
        seeds_min = cs->variant[v].n_runs < seeds_min ? cs->variant[v].n_runs : seeds_min;
        seeds_max = cs->variant[v].n_runs > seeds_max ? cs->variant[v].n_runs : seeds_max;
    }
    fprintf(f, "| finished runs | %d: %d variants × ", cr_case_runs(cs), cs->n_variants);
    if (seeds_min == seeds_max) fprintf(f, "%d seeds |\n\n", seeds_min);
    else fprintf(f, "%d to %d seeds |\n\n", seeds_min, seeds_max);
}

static void sec_success(FILE *f, const shp_cr_case *cs)
{
    char a[32], b[32];
    fprintf(f, "## Success and running time\n\n"
               "ERT = (evaluations until the target of the successful runs + all evaluations of the "
               "unsuccessful ones) / successful runs; the same with wall time for ERT [s]. Evaluations and "
               "wall time to target: successful runs only.\n\n"
               "| variant | algorithm | runs | successes | success rate | ERT [evaluations] | ERT [s] | "
               "evaluations to target: median | IQR | wall time to target [s]: median | IQR | "
               "evaluations per run: median | failed columns |\n"
               "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (int vi = 0; vi < cs->n_variants; ++vi) {
        const shp_cr_variant *v = &cs->variant[vi];
        cr_md_variant_cells(f, v, 1);
        fprintf(f, " | %d | %d | %.0f %% | %s | %s | ", v->n_runs, v->successes,
                v->n_runs ? 100.0 * v->successes / v->n_runs : 0.0, cr_fmt3(a, sizeof a, v->ert_evals),
                cr_fmt3(b, sizeof b, v->ert_s));
        fprintf(f, "%s | %s | ", cr_fmt3(a, sizeof a, v->evals_to_target.median),
                cr_fmt3(b, sizeof b, v->evals_to_target.iqr));
        fprintf(f, "%s | %s | ", cr_fmt3(a, sizeof a, v->wall_to_target.median),
                cr_fmt3(b, sizeof b, v->wall_to_target.iqr));
        fprintf(f, "%s | %ld |\n", cr_fmt3(a, sizeof a, v->evaluations.median), v->failed_columns);
    }
}

static void sec_best_sum(FILE *f, const shp_cr_case *cs)
{
    char a[32], b[32], c[32], e[32];
    fprintf(f, "\n## Final best summed objective (best_sum)\n\n"
               "best_sum: the best summed objective (ψ = RMSE/σ per observation type, summed) a run "
               "reached.\n\n"
               "| variant | median | IQR | min | max |\n|---|---:|---:|---:|---:|\n");
    for (int vi = 0; vi < cs->n_variants; ++vi) {
        const shp_cr_variant *v = &cs->variant[vi];
        cr_md_variant_cells(f, v, 0);
        fprintf(f, " | %s | %s | %s | %s |\n", cr_fmt3(a, sizeof a, v->best_sum.median),
                cr_fmt3(b, sizeof b, v->best_sum.iqr),
                cr_fmt3(c, sizeof c, v->best_sum.min), cr_fmt3(e, sizeof e, v->best_sum.max));
    }
}

/* Of the variants whose runs report a hypervolume; nothing when none does. */
static void sec_hypervolume(FILE *f, const shp_cr_case *cs)
{
    char a[32], b[32];
    int any = 0;
    for (int vi = 0; vi < cs->n_variants; ++vi) any |= cs->variant[vi].hypervolume.n > 0;
    if (!any) return;
    fprintf(f, "\n## Hypervolume\n\n"
               "Of the final Pareto archive, for the variants whose runs report one. Variants marked "
               "multi-objective (vega, pso_vega) search for the front; for the others the archive is a "
               "by-product.\n\n"
               "| variant | algorithm | runs with a hypervolume | median | IQR |\n|---|---|---:|---:|---:|\n");
    for (int vi = 0; vi < cs->n_variants; ++vi) {
        const shp_cr_variant *v = &cs->variant[vi];
        if (v->hypervolume.n == 0) continue;
        cr_md_variant_cells(f, v, 1);
        fprintf(f, "%s | %d | %s | %s |\n", v->multi_objective ? " (multi-objective)" : "", v->hypervolume.n,
                cr_fmt3(a, sizeof a, v->hypervolume.median), cr_fmt3(b, sizeof b, v->hypervolume.iqr));
    }
}

/* When runs report the curve errors. */
static void sec_curves(FILE *f, const shp_cr_case *cs)
{
    char a[32], b[32], c[32], e[32];
    int any = 0;
    for (int vi = 0; vi < cs->n_variants; ++vi)
        any |= cs->variant[vi].rmse_retention.n > 0 || cs->variant[vi].rmse_conductivity.n > 0;
    if (!any) return;
    fprintf(f, "\n## Curve agreement with the truth\n\n"
               "RMSE in θ between the fitted and the true retention and conductivity curves "
               "(docs/fit-reference.md §5), median over the runs that report it.\n\n"
               "| variant | retention: median | IQR | conductivity: median | IQR | runs |\n"
               "|---|---:|---:|---:|---:|---:|\n");
    for (int vi = 0; vi < cs->n_variants; ++vi) {
        const shp_cr_variant *v = &cs->variant[vi];
        cr_md_variant_cells(f, v, 0);
        fprintf(f, " | %s | %s | %s | %s | %d |\n", cr_fmt3(a, sizeof a, v->rmse_retention.median),
                cr_fmt3(b, sizeof b, v->rmse_retention.iqr), cr_fmt3(c, sizeof c, v->rmse_conductivity.median),
                cr_fmt3(e, sizeof e, v->rmse_conductivity.iqr),
                v->rmse_retention.n > v->rmse_conductivity.n ? v->rmse_retention.n : v->rmse_conductivity.n);
    }
}

/* Counts of each stop reason (distinct values in order of appearance) per variant. */
static void sec_stop_reasons(FILE *f, const shp_cr_data *d, const shp_cr_case *cs)
{
    char reasons[16][32];
    int nr = 0;
    for (int vi = 0; vi < cs->n_variants; ++vi)
        for (int i = 0; i < cs->variant[vi].n_runs; ++i) {
            const char *s = d->run[cs->variant[vi].run[i]].stop_reason;
            int seen = 0;
            for (int j = 0; j < nr && !seen; ++j) seen = !strcmp(reasons[j], s);
            if (!seen && nr < 16) snprintf(reasons[nr++], sizeof reasons[0], "%s", s);
        }
    fprintf(f, "\n## Stop reasons\n\n| variant |");
    for (int j = 0; j < nr; ++j) {
        fprintf(f, " ");
        cr_md_name(f, reasons[j]);
        fprintf(f, " |");
    }
    fprintf(f, "\n|---|");
    for (int j = 0; j < nr; ++j) fprintf(f, "---:|");
    fprintf(f, "\n");
    for (int vi = 0; vi < cs->n_variants; ++vi) {
        const shp_cr_variant *v = &cs->variant[vi];
        cr_md_variant_cells(f, v, 0);
        fprintf(f, " |");
        for (int j = 0; j < nr; ++j) {
            int n = 0;
            for (int i = 0; i < v->n_runs; ++i) n += !strcmp(d->run[v->run[i]].stop_reason, reasons[j]);
            fprintf(f, " %d |", n);
        }
        fprintf(f, "\n");
    }
}

static void sec_ranking(FILE *f, const shp_cr_data *d, const shp_cr_case *cs)
{
    fprintf(f, "## Ranking\n\n%s\n\n", cr_ranking_note);
    cr_md_ranking(f, d, cs, 1);
    cr_md_friedman(f, d, cs);
    if (cs->friedman)
        fprintf(f, "Mean Friedman rank: the mean over the seeds of the variant's rank among the variants on "
                   "that seed (1 = lowest best_sum).\n\n");
}

static void sec_plots(FILE *f, const shp_cr_data *d, const shp_cr_case *cs, int plots)
{
    fprintf(f, "## Plots\n\n");
    if (plots)
        fprintf(f,
                "![ECDF of the evaluations to target](ecdf_%s.png)\n\n"
                "Fraction of each variant's runs that reached the target within the evaluations on the x "
                "axis (log scale, up to the budget); runs that never reach the target keep the curve below "
                "1. Data: [ecdf_%s.csv](ecdf_%s.csv).\n\n"
                "![Convergence](convergence_%s.png)\n\n"
                "Median (line) and quartiles (band) over the runs of the best summed objective so far, "
                "against the evaluations; a run that stopped early keeps its last value. Data: "
                "[convergence_%s.csv](convergence_%s.csv).\n\n",
                cs->file_name, cs->file_name, cs->file_name, cs->file_name, cs->file_name, cs->file_name);
    else
        fprintf(f, "Not drawn (gnuplot not available); the data are in [ecdf_%s.csv](ecdf_%s.csv) and "
                   "[convergence_%s.csv](convergence_%s.csv), and `gnuplot campaign_plots.gp` in this "
                   "directory draws them.\n\n",
                cs->file_name, cs->file_name, cs->file_name, cs->file_name);
    if (!d->have_history)
        fprintf(f, "history.csv was not found: the convergence data are empty.\n\n");
    else {
        int without = 0;
        for (int vi = 0; vi < cs->n_variants; ++vi) without += cs->variant[vi].n_runs - cs->variant[vi].n_with_history;
        if (without) fprintf(f, "%d run(s) of this case have no rows in history.csv and are left out of the "
                                "convergence data.\n\n", without);
    }
}

static void sec_methods(FILE *f)
{
    fprintf(f, "## Methods\n\n"
               "* Quantiles: linear interpolation between order statistics (Hyndman & Fan 1996, type 7, "
               "as R and NumPy); IQR = q3 − q1.\n"
               "* ERT: expected running time of COCO (Hansen et al., *COCO: performance assessment*, "
               "arXiv:1605.03560): Σ over all runs of the evaluations until the target (successful runs) "
               "or of all evaluations (unsuccessful runs), divided by the number of successful runs; ∞ "
               "when none succeeded.\n"
               "* Wilcoxon rank-sum (Mann–Whitney U) test, two-sided: exact p-value from the null "
               "distribution of U (dynamic programming over rank subsets) when there are no ties and "
               "both samples have at most 49 runs; otherwise the normal approximation with the tie "
               "correction of the variance and a continuity correction of 0.5 (as R's wilcox.test).\n"
               "* Friedman test with the seeds as blocks (only when every variant was run on the same "
               "seeds): ranks within each seed, average ranks for ties, tie-corrected statistic, p-value "
               "from the chi-square distribution with k − 1 degrees of freedom (Hollander & Wolfe 1973; "
               "as R's friedman.test).\n"
               "* A (case, variant, seed) that appears more than once in runs.csv (an interrupted and "
               "resumed campaign) counts once, with its last row.\n");
}

int cr_write_case_md(const char *dir, const shp_cr_data *d, const shp_cr_case *cs,
                     const shp_campaign_report_info *info, int plots, char *err, size_t len)
{
    char path[SHP_PATH_MAX], name[128];
    snprintf(name, sizeof name, "report_%s.md", cs->file_name);
    FILE *f = shp_file_create_in(dir, name, path, sizeof path, err, len);
    if (!f) return SHP_ERR_IO;
    int nmax = 1;
    for (int v = 0; v < cs->n_variants; ++v) nmax = cs->variant[v].n_runs > nmax ? cs->variant[v].n_runs : nmax;
    double *buf = malloc((size_t)nmax * sizeof *buf);
    if (!buf) {
        fclose(f);
        snprintf(err, len, "out of memory");
        return SHP_ERR_NOMEM;
    }
    case_head(f, d, cs, info);
    sec_success(f, cs);
    sec_best_sum(f, cs);
    sec_hypervolume(f, cs);
    sec_curves(f, cs);
    sec_stop_reasons(f, d, cs);
    fprintf(f, "\n## Final objectives, median over the runs\n\n");
    md_kv_medians(f, d, cs, 0, buf);
    fprintf(f, "## Fitted parameters, median over the runs\n\n");
    md_kv_medians(f, d, cs, 1, buf);
    sec_ranking(f, d, cs);
    sec_plots(f, d, cs, plots);
    sec_methods(f);
    free(buf);
    return shp_file_close(f, path, err, len);
}
