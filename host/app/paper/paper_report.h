/* The report of the seed-002 study (host-internal): turns the directory DIR a
 * `shpfit paper` campaign leaves behind into the analogues of the seed's Tables 3–8 and
 * Figures 7–10, next to the paper's own numbers.
 *
 * Input (DIR as the campaign runner leaves it):
 *   DIR/runs.csv                 one row per finished run (read with shp_cr_read)
 *   DIR/campaign.json            {"campaign": {cases: [{name, soil, saturation, error}…],
 *                                 variants: [{name, label}…], seeds, budget}, "machine": "…"}
 *   DIR/cases/<case>/config.json the case's fit configuration, with fit.truth
 *   paper_tables_csv             the seed's published values (configs/paper/seed002_tables.csv:
 *                                 table,soil,saturation_pct,error,quantity,value)
 *
 * Per run, the fitted material is rebuilt from the `parameters` field (the search
 * variables, ratios such as alpha/Ks included) and compared with the truth by
 * shp_curve_agreement_compute over suctions 1 … 1e4 cm (50 points on h(θ) and on K(θ),
 * seed Tables 4, 6, 8). A run succeeds when both curve RMSEs and NSs meet the study's
 * targets (SHP_PAPER_TARGET_*).
 *
 * Output (into DIR; every CSV has a header with the units in the column names):
 *   table3_parameters.{csv,md}        noise-free cases: true and fitted θr θs α n Ks
 *                                     (median, q1, q3 over seeds), runs, success rate, Table 3
 *   table4_curves.{csv,md}            noise-free cases: median and worst MAE, RMSE, PBIAS, NS
 *                                     of both curves, the paper's Table 4 row
 *   table5_errors_parameters.{csv,md} error study: parameters as Table 3, paper Tables 5/7
 *   table6_errors_curves.{csv,md}     error study: RMSE, PBIAS, NS (median, q1, q3), paper
 *                                     Tables 6/8, whether the median RMSE is ≤ the paper's
 *   figure7_<variant>.{csv,png}       true and fitted (median run) curves, 4 soils × 2 panels
 *   errors_<variant>.{csv,png}        the same for the error study (Figures 8–10)
 *   paper_plots.gp, paper_plots.log   the gnuplot script and its messages
 *   tables.md                         all tables, with machine, seeds, budget and totals */
#ifndef SHPFIT_HOST_PAPER_PAPER_REPORT_H
#define SHPFIT_HOST_PAPER_PAPER_REPORT_H

#include <stddef.h>

/* The study's targets for the noise-free cases (cm³/cm³ and dimensionless): about the
 * best curve RMSEs the seed reports (0.00101 and 0.00800), and NS ≥ 0.999. */
#define SHP_PAPER_TARGET_RMSE_RETENTION 0.001
#define SHP_PAPER_TARGET_RMSE_CONDUCTIVITY 0.008
#define SHP_PAPER_TARGET_NS 0.999

/* Suction range of the curve comparison, cm (seed 002, §4.2.2). */
#define SHP_PAPER_PSI_MIN_CM 1.0
#define SHP_PAPER_PSI_MAX_CM 1e4

/* Read the seed's published values (paper_tables_csv) as shp_paper_report will, before
 * any work: SHP_OK, or SHP_ERR_CONFIG with "FILE: line N: problem" / "FILE: cannot
 * read: reason", SHP_ERR_NOMEM. */
int shp_paper_tables_check(const char *paper_tables_csv, char *err, size_t len);

/* Write every output above into dir, as one set (io/stage.h): a failed report leaves
 * the earlier one in place. wall_s: wall time of the whole study for the head
 * of tables.md (≤ 0 or NaN: not given). *plots (may be NULL) = 1 when the figures were
 * drawn, 0 when gnuplot is missing ($SHPFIT_GNUPLOT empty or none on PATH; data and
 * Markdown are complete). SHP_OK, or SHP_ERR_IO (a file cannot be read or written,
 * gnuplot failed), SHP_ERR_CONFIG (malformed input: "FILE: line N: problem" or
 * "FILE: FIELD: problem"), SHP_ERR_NOMEM, with the message in err. */
int shp_paper_report(const char *dir, const char *paper_tables_csv, double wall_s, int *plots, char *err,
                     size_t len);

#endif
