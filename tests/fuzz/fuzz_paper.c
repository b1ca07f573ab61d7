/* Fuzz target "paper": the seed-002 study report's public entry shp_paper_report, which
 * reads the paper's published tables (the format of configs/paper/seed002_tables.csv),
 * DIR/campaign.json, DIR/runs.csv and DIR/history.csv, loads each case's fit config and
 * rebuilds every run's material from its parameters, then writes the tables and the
 * figures' data (gnuplot is switched off: SHPFIT_GNUPLOT="").
 *
 * Input parts (fuzz_util.h): tables CSV, campaign.json, runs.csv, history.csv. A missing
 * campaign.json or runs.csv is the small default of tests/fuzz/data/paper (two loam cases
 * of docs/paper), so an input of the tables alone still reaches the whole report; a
 * missing history.csv stays missing. The cases' configs and observations are copies of
 * docs/paper/cases/loam_se40 and loam_se40_Q_re5, linked in as DIR/cases. */
#define _POSIX_C_SOURCE 200809L /* setenv */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "fuzz_util.h"
#include "paper/paper_report.h"
#include "shpfit/status.h"

static char dir[1024];
static char *default_campaign, *default_runs;
static size_t default_campaign_n, default_runs_n;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    fz_init("paper");
    setenv("SHPFIT_GNUPLOT", "", 1); /* the report's data and Markdown only */
    static const char *const files[] = {"config.json", "obs/Q.csv", "obs/v.csv", "obs/theta_final.csv"};
    static const char *const cases[] = {"loam_se40", "loam_se40_Q_re5"};
    for (int c = 0; c < 2; ++c)
        for (int f = 0; f < 4; ++f) {
            char from[256], to[256];
            snprintf(from, sizeof from, "docs/paper/cases/%s/%s", cases[c], files[f]);
            snprintf(to, sizeof to, "fixture/cases/%s/%s", cases[c], files[f]);
            fz_copy(from, to);
        }
    default_campaign = fz_slurp("tests/fuzz/data/paper/campaign.json", &default_campaign_n);
    default_runs = fz_slurp("tests/fuzz/data/paper/runs.csv", &default_runs_n);
    fz_path(dir, sizeof dir, "paper");
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_part part[FZ_MAX_PARTS];
    const int n = fz_split(data, size, part);
    char tables[1024], err[2048];
    fz_clear("paper"); /* the last input's tables and figure data, named after its variants, go */
    fz_link("fixture/cases", "paper/cases");
    fz_write("paper_tables.csv", part[0].data, part[0].size, tables, sizeof tables);
    if (n > 1) fz_write("paper/campaign.json", part[1].data, part[1].size, NULL, 0);
    else fz_write("paper/campaign.json", default_campaign, default_campaign_n, NULL, 0);
    if (n > 2) fz_write("paper/runs.csv", part[2].data, part[2].size, NULL, 0);
    else fz_write("paper/runs.csv", default_runs, default_runs_n, NULL, 0);
    if (n > 3) fz_write("paper/history.csv", part[3].data, part[3].size, NULL, 0);

    int plots = 0;
    const int rc = shp_paper_report(dir, tables, 1.0, &plots, err, sizeof err);
    fz_said("shp_paper_report", rc, err);
    return 0;
}
