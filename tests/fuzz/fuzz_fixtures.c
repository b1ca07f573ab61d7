/* Fixtures of the config targets (fuzz_fixtures.h). */
#include "fuzz_fixtures.h"

#include <stddef.h>

#include "fuzz_util.h"

/* {repository file, path in the scratch directory} */
static const char *const data[][2] = {
    {"configs/data/initial_profile.csv", "data/initial_profile.csv"},
    {"configs/data/loam_obs/Q.csv", "data/loam_obs/Q.csv"},
    {"configs/data/loam_obs/v.csv", "data/loam_obs/v.csv"},
    {"configs/data/loam_obs/theta_final.csv", "data/loam_obs/theta_final.csv"},
    {"configs/data/loam_obs/Q.csv", "obs/Q.csv"},
    {"configs/data/loam_obs/v.csv", "obs/v.csv"},
    {"configs/data/loam_obs/theta_final.csv", "obs/theta_final.csv"},
    {"tests/fuzz/data/obs/theta_t.csv", "obs/theta_t.csv"},
    {"tests/fuzz/data/obs/retention.csv", "obs/retention.csv"},
    {"tests/fuzz/data/obs/conductivity.csv", "obs/conductivity.csv"},
    {"tests/data/bad_fit/obs/Q_unsorted.csv", "obs/Q_unsorted.csv"},
    {"tests/data/bad_fit/obs/Q_columns.csv", "obs/Q_columns.csv"},
    {"tests/data/bad_fit/obs/Q_nan.csv", "obs/Q_nan.csv"},
    {"tests/data/bad_fit/obs/Q_time0.csv", "obs/Q_time0.csv"},
    {"tests/data/bad_fit/obs/theta_deep.csv", "obs/theta_deep.csv"},
    {"tests/data/good/csv/theta.csv", "csv/theta.csv"},
    {"tests/data/bad/csv/malformed.csv", "csv/malformed.csv"},
    {"tests/data/bad/csv/empty.csv", "csv/empty.csv"},
    {"tests/data/bad/csv/short.csv", "csv/short.csv"},
    {"tests/data/bad/csv/nan.csv", "csv/nan.csv"},
    {"tests/data/bad/csv/nonmonotonic.csv", "csv/nonmonotonic.csv"},
    {"tests/data/bad/csv/theta_range.csv", "csv/theta_range.csv"},
};

void fz_config_data(void)
{
    for (size_t i = 0; i < sizeof data / sizeof data[0]; ++i) fz_copy(data[i][0], data[i][1]);
}
