/* Optimizer-benchmark campaigns: cases × optimizer variants × seeds, each run an
 * independent fit with the same budget, reported with the field's standard metrics
 * (success rate, expected running time to a target, hypervolume) and tests.
 *
 * All runs of a case advance together: each generation, the populations of every active
 * run of the case are evaluated in one batch (one backend call; on a GPU one launch), so
 * the device stays full; runs that finish drop out. Each finished run is appended at
 * once to DIR/runs.csv (and its convergence to DIR/history.csv), so an interrupted
 * campaign keeps every finished run, and running the same command again skips them.
 *
 * Campaign file (docs/bench.md):
 *   {"name": "...",
 *    "cases": [{"name": "loam", "config": "cases/loam.json", "synth": true}, …],
 *    "variants": [{"name": "shade", "algorithm": "shade", "population": 20,
 *                  "settings": {…}, "objectives": [...]}, …],
 *    "seeds": 25 | [1, 2, …],
 *    "budget": {"evaluations": 3000, "time_s": 0},
 *    "target": {"objective": 1e-3} | {"retention_rmse": 0.001},
 *    "stop_at_target": true} */
#ifndef SHPFIT_CAMPAIGN_H
#define SHPFIT_CAMPAIGN_H

#include <stddef.h>

#include "shpfit/batch.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct shp_campaign shp_campaign;

/* Characters of the longest path the campaign writes inside its directory, relative to
 * it (cases/<case>/obs/theta_initial.csv, checkpoint/<case>.journal, the report's
 * files), without the staging folder: for checking --out before any work. */
size_t shp_campaign_longest_name(const shp_campaign *c);

/* Load and check the campaign file (cases' configs are loaded when they run; their
 * paths are relative to the campaign file). seeds_override > 0 replaces "seeds" by
 * 1…seeds_override. */
shp_status shp_campaign_load(const char *path, int seeds_override, shp_campaign **out, char *err,
                             size_t len);

void shp_campaign_free(shp_campaign *c);

/* One progress report: after every generation of a case. */
typedef struct {
    const char *case_name;
    int case_index, n_cases;
    int runs_active, runs_total, runs_skipped;
    long evaluations; /* columns run so far in this case */
    double wall_s;
} shp_campaign_progress;

typedef void (*shp_campaign_progress_fn)(const shp_campaign_progress *p, void *ctx);

/* Run every case into dir (created by the caller), resuming from dir/runs.csv, on the
 * caller's backend (every batch, the synthetic truths included), then write the report.
 * SHP_OK or an error with a message. */
shp_status shp_campaign_run(shp_campaign *c, const char *dir, shp_backend *be, shp_campaign_progress_fn fn,
                            void *ctx, char *err, size_t len);

#ifdef __cplusplus
}
#endif

#endif
