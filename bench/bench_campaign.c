/* Benchmark section "campaign": the headline numbers of the recorded optimizer-benchmark
 * campaign (docs/bench/seed_soils, `shpfit bench configs/bench/seed_soils.json`), read
 * from its runs.csv — the campaign itself takes tens of minutes and is not rerun here. */
#include <math.h>
#include <stdio.h>

#include "bench.h"
#include "campaign/campaign_report.h"
#include "shpfit/status.h"

#define CAMPAIGN_DIR "docs/bench/seed_soils"

int bench_campaign(FILE *md)
{
    char err[512];
    shp_cr_data d;
    if (shp_cr_read(CAMPAIGN_DIR, &d, err, sizeof err) != SHP_OK ||
        shp_cr_analyze(&d, 0.05, err, sizeof err) != SHP_OK) {
        fprintf(stderr, "bench campaign: %s (run `build/shpfit bench configs/bench/seed_soils.json --out %s`)\n",
                err, CAMPAIGN_DIR);
        return 1;
    }
    fprintf(md, "## Optimizer variants on the four seed soils (campaign `%s`)\n\n", CAMPAIGN_DIR);
    fprintf(md, "Section `campaign` (`bench/bench_campaign.c`): headline of the recorded campaign "
                "`configs/bench/seed_soils.json` (full report, machine, plots: `%s/report.md`; what "
                "was run: `docs/bench/README.md`). Cell: successes/runs (target Σψ ≤ 1e-3 within "
                "3000 evaluations) and ERT in evaluations; best variant of each case first in "
                "its report's ranking.\n\n",
            CAMPAIGN_DIR);
    const shp_cr_case *c0 = d.n_cases ? &d.cases[0] : NULL;
    fprintf(md, "| variant |");
    for (int c = 0; c < d.n_cases; ++c) fprintf(md, " %s |", d.cases[c].name);
    fprintf(md, "\n|---|");
    for (int c = 0; c < d.n_cases; ++c) fprintf(md, "---|");
    fprintf(md, "\n");
    for (int v = 0; c0 && v < c0->n_variants; ++v) {
        const char *name = c0->variant[v].name;
        fprintf(md, "| %s |", name);
        for (int c = 0; c < d.n_cases; ++c) {
            const int k = shp_cr_find_variant(&d.cases[c], name);
            if (k < 0) {
                fprintf(md, " – |");
                continue;
            }
            const shp_cr_variant *x = &d.cases[c].variant[k];
            if (isfinite(x->ert_evals))
                fprintf(md, " %d/%d, ERT %.0f%s |", x->successes, x->n_runs, x->ert_evals, x->rank == 1 ? " **best**" : "");
            else
                fprintf(md, " %d/%d%s |", x->successes, x->n_runs, x->rank == 1 ? " **best**" : "");
        }
        fprintf(md, "\n");
    }
    fprintf(md, "\n");
    shp_cr_free(&d);
    return 0;
}
