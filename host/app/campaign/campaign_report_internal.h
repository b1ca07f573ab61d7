/* What the files of the campaign report share (host-internal): the index of runs by
 * (case, variant, seed) and the Markdown formatting (campaign_report.h). */
#ifndef SHPFIT_HOST_CAMPAIGN_REPORT_INTERNAL_H
#define SHPFIT_HOST_CAMPAIGN_REPORT_INTERNAL_H

#include <stddef.h>
#include <stdio.h>

#include "campaign/campaign_report.h"

/* ------------------------------------------------------------ run index (campaign_index.c) */

/* Runs by (case, variant, seed): open addressing over indices into a run array. */
typedef struct {
    int *slot; /* run index + 1, 0 = empty */
    size_t cap;
} cr_run_index;

/* The run of (c, v, seed) among runs, or −1. */
int cr_index_find(const cr_run_index *ix, const shp_cr_run *runs, const char *c, const char *v, long seed);
/* Record runs[k], the index covering runs 0 … n_runs−1. SHP_OK or SHP_ERR_NOMEM. */
int cr_index_add(cr_run_index *ix, const shp_cr_run *runs, int n_runs, int k);
void cr_index_free(cr_run_index *ix);

/* ------------------------------------------------------------ Markdown (campaign_md.c) */

/* Three significant digits ("—" for NAN, "∞" for infinity); a p-value ("< 1e-6" below). */
const char *cr_fmt3(char *buf, size_t len, double x);
const char *cr_fmtp(char *buf, size_t len, double p);
/* A name in Markdown text, its punctuation escaped. */
void cr_md_name(FILE *f, const char *s);
/* A table row's first cells: "| name", with algorithm also " | its algorithm". */
void cr_md_variant_cells(FILE *f, const shp_cr_variant *v, int algorithm);
const char *cr_text_or(const char *s, const char *dflt);
/* The table of the campaign: name, machine, budget, target, α. */
void cr_md_info_table(FILE *f, const shp_campaign_report_info *info, double alpha);
int cr_case_runs(const shp_cr_case *cs);
/* The ranking table (detail: with the mean Friedman ranks) and the Friedman sentence. */
void cr_md_ranking(FILE *f, const shp_cr_data *d, const shp_cr_case *cs, int detail);
void cr_md_friedman(FILE *f, const shp_cr_data *d, const shp_cr_case *cs);
extern const char cr_ranking_note[];

/* DIR/report_<case>.md (campaign_md_case.c). */
int cr_write_case_md(const char *dir, const shp_cr_data *d, const shp_cr_case *cs,
                     const shp_campaign_report_info *info, int plots, char *err, size_t len);

#endif
