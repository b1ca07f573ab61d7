/* libshpfit-config: the configuration layer over libshpfit. It reads what a user's files
 * hold — the JSON configuration of docs/config.md and docs/fit-reference.md, observation
 * CSVs, station records — into the library's objects, writes the forward outputs, keeps
 * a run's journal, and offers the flat API of api.h. Link with
 * `pkg-config --libs shpfit-config` (it brings libshpfit). A program that builds its
 * problem in code (docs/library.md) needs libshpfit alone.
 *
 * Every loader parses and checks the whole file before it returns: SHP_OK, or an error
 * with one line "FILE: FIELD: what is wrong" in err. */
#ifndef SHPFIT_CONFIG_H
#define SHPFIT_CONFIG_H

#include <stddef.h>

#include "api.h"
#include "fit.h"
#include "forward.h"
#include "forward_output.h"
#include "journal.h"
#include "posterior.h"
#include "problem.h"
#include "station.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- the forward problem ------------------------------------------------------------ */

/* Load and validate `path`. On success *out is a new problem and SHP_OK is returned;
 * otherwise *out is NULL, SHP_ERR_CONFIG (or SHP_ERR_IO, SHP_ERR_NOMEM) is returned and
 * err holds one line "PATH: FIELD: what is wrong". */
shp_status shp_forward_load(const char *path, shp_forward_problem **out, char *err, size_t errlen);

/* As shp_forward_load, reading only "units" and "materials" (the other sections may
 * be absent and are not checked); column and the node arrays stay empty. For commands
 * that need the hydraulic functions only (`shpfit curves`). */
shp_status shp_materials_load(const char *path, shp_forward_problem **out, char *err, size_t errlen);

/* As shp_materials_load, for a fit to retention and conductivity data alone: a
 * material may leave out parameters without defaults (flagged in missing, placeholders
 * in materials); the fit decides which it fits and which stay undetermined. */
shp_status shp_curves_load(const char *path, shp_forward_problem **out, char *err, size_t errlen);

/* ---- the inverse problem and its fit -------------------------------------------------- */

/* Load the forward sections and the "fit" section of path (observation files are read
 * relative to the config). SHP_OK, or an error with "FILE: FIELD: problem" in err. */
shp_status shp_problem_load(const char *path, shp_problem **out, char *err, size_t len);

/* Parse the optimizer part of the problem's "fit" section. seed_override ≥ 0 replaces
 * fit.seed. SHP_OK or SHP_ERR_CONFIG with "FILE: FIELD: problem" in err. */
shp_status shp_fit_options_load(const shp_problem *pb, long long seed_override, shp_fit_options *opt,
                                char *err, size_t len);

/* True materials (fit.truth: "materials" = the config's, or per-material overrides of
 * them) into truth (n_materials). SHP_OK, or SHP_ERR_INVALID when none are given. */
shp_status shp_fit_truth(const shp_problem *pb, shp_material *truth, char *err, size_t len);

/* The point `at`:
 *   "truth"                 fit.truth (the materials simulated as they are, fixed
 *                           parameters included);
 *   "materials"             the config's materials;
 *   "name=value,…"          free parameters by their fit.parameters names (a bare name
 *                           when there is one material); the others keep their values
 *                           in materials;
 *   anything else           a JSON file of {"name": value, …}, or a fit's result.json
 *                           (its "parameters").
 * Values need not lie within the bounds, but must make valid, plausible materials.
 * SHP_OK; SHP_ERR_CONFIG or SHP_ERR_INVALID with the reason in err (a file's messages
 * start with its path); SHP_ERR_NOMEM. */
shp_status shp_fit_point_set(const shp_problem *pb, const char *at, shp_fit_point *pt, char *err, size_t len);

/* The defaults, then the keys of the config's "fit.posterior" object when there is one
 * (docs/posterior.md): chains, sigma, prior, rhat, max_evaluations, check_every,
 * min_window, predictive_draws, and the sampler's (pairs, crossover, snooker, unit_jump,
 * archive_every, archive_init); the seed is fit.seed unless seed_override ≥ 0. SHP_OK,
 * or SHP_ERR_CONFIG with "FILE: fit.posterior.KEY: problem" in err (σ ≤ 0 or not a
 * number, a prior outside the bounds, R̂ target ≤ 1, fewer observations than free
 * parameters, …). */
shp_status shp_posterior_options_load(const shp_problem *pb, long long seed_override, shp_posterior_options *o,
                                      char *err, size_t len);

#ifdef __cplusplus
}
#endif

#endif
