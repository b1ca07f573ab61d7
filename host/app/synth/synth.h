/* Synthetic observations: run the forward model for a "true" parameter set (the
 * config's materials) and write the observation files `shpfit fit` reads, optionally
 * with systematic offsets and seeded Gaussian errors as in seed 002 §4.3.
 *
 * Config section (all optional; docs/fit-reference.md §6):
 *   "synth": {
 *     "observations": ["theta_final", "v", "Q"],     any of theta_final, v, Q, theta_t,
 *                                                     theta_initial, retention, conductivity
 *     "times": {"end": 180, "every": 5},             default: the config's output times
 *     "depths": [0, 5, 10, …],                       θ_final/θ_initial depths; default
 *                                                     output.observation_depths, else 11
 *                                                     evenly spaced over the column
 *     "theta_t_depths": [10, 20],                    default output.observation_depths
 *     "heads": [-1, -10, …],                          retention/conductivity heads; default
 *                                                     13 log-spaced from −1 to −1e5 cm
 *     "material": "loam",                            for retention/conductivity
 *     "v_rate": "interval_mean",                     or "instantaneous"; default: the
 *                                                     fit.observations.v.rate of the file
 *     "offsets": {"theta_initial": 0.02, "theta_final": -0.02},   added, series units
 *     "noise": {"Q": 0.05},                          N(0, (f·SD of the true series)²)
 *     "seed": 1
 *   } */
#ifndef SHPFIT_SYNTH_H
#define SHPFIT_SYNTH_H

#include <stddef.h>
#include <stdint.h>

#include "shpfit/batch.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
    int files;          /* observation files written */
    int status;         /* the forward run's status */
    double Q_end;       /* Q at the last time [L] (NaN when not simulated) */
    double balance;     /* water-balance error at the end [L] */
    uint64_t seed;
    int reference_nodes; /* nodes of the synth.reference run; 0 without one */
} shp_synth_summary;

/* Check `config` as shp_synth_run reads it, without running or writing anything:
 * SHP_OK, or SHP_ERR_CONFIG / SHP_ERR_NOMEM with "FILE: FIELD: problem" in err. */
shp_status shp_synth_check(const char *config, char *err, size_t len);

/* Load `config`, simulate, write DIR/<observation>.csv and DIR/synth.json, all of them
 * at once when complete (a failed run leaves DIR as it was; files of an earlier run that
 * this one does not write are removed). The seed
 * is the config's synth.seed unless seed_override ≥ 0. The true model's column runs as
 * a batch of one on `be` (NULL: on the calling CPU thread). SHP_OK; SHP_ERR_CONFIG (bad
 * config, nothing written), SHP_ERR_NOT_CONVERGED (the true model did not converge:
 * nothing written but synth.json) or SHP_ERR_IO, with the message in err. */
shp_status shp_synth_run(const char *config, const char *dir, long long seed_override, shp_backend *be,
                         shp_synth_summary *sum, char *err, size_t len);

#ifdef __cplusplus
}
#endif

#endif
