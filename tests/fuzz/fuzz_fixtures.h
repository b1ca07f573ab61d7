/* The data files the project's example configurations name, copied into the fuzz
 * scratch directory under the same relative paths (obs/Q.csv, csv/theta.csv,
 * data/initial_profile.csv, …), so that seed configs reach past their file look-ups
 * into the CSV readers and the checks behind them. */
#ifndef SHPFIT_TESTS_FUZZ_FIXTURES_H
#define SHPFIT_TESTS_FUZZ_FIXTURES_H

/* Needs fz_init first. */
void fz_config_data(void);

#endif
