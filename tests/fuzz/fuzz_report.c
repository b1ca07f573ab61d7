/* Fuzz target "report": the campaign report (shp_campaign_report, what `shpfit bench`
 * and `shpfit paper` run after their campaigns): its readers of runs.csv and history.csv,
 * the statistics computed from what they accepted (grouping, ranking, rank-sum and
 * Friedman tests), then the files written from them (Markdown reports and plot data, with
 * case and variant names taken from the input; gnuplot off: SHPFIT_GNUPLOT="").
 *
 * Input: runs.csv; a second part (fuzz_util.h) is history.csv, absent otherwise (a
 * missing history is allowed). */
#define _POSIX_C_SOURCE 200809L /* setenv */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "campaign/campaign_report.h"
#include "fuzz_util.h"
#include "shpfit/status.h"

static char dir[1024];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    fz_init("report");
    setenv("SHPFIT_GNUPLOT", "", 1); /* the report's data and Markdown only */
    fz_path(dir, sizeof dir, "report");
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_part part[FZ_MAX_PARTS];
    const int n = fz_split(data, size, part);
    fz_clear("report"); /* the last input's reports, named after its cases, go */
    fz_write("report/runs.csv", part[0].data, part[0].size, NULL, 0);
    if (n > 1) fz_write("report/history.csv", part[1].data, part[1].size, NULL, 0);

    const shp_campaign_report_info info = {"fuzz", 3000, 0.0, "sum of psi <= 1e-3", "fuzz machine", 0.05};
    char err[1024];
    int plots = 0;
    const int rc = shp_campaign_report(dir, &info, &plots, err, sizeof err);
    fz_said("shp_campaign_report", rc, err);
    return 0;
}
