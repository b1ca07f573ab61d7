/* Fuzz target "problem": a fit configuration through shp_problem_load (the forward
 * sections, fit.parameters, fit.observations and their CSV files, objectives), then what
 * reads the rest of the same file once a problem exists: shp_fit_options_load (the
 * optimizer part of "fit"), shp_posterior_options_load (fit.posterior),
 * shp_surface_spec_load ("surface") and shp_fit_truth (fit.truth).
 *
 * Input: the config; further parts become f1.csv … f3.csv beside it, for
 * "observations": {"Q": {"file": "f1.csv"}}. The example configs' observation files
 * are there too (obs/Q.csv, obs/theta_t.csv, …; fuzz_fixtures.c). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "fuzz_fixtures.h"
#include "fuzz_util.h"
#include "shpfit/fit.h"
#include "shpfit/posterior.h"
#include "shpfit/problem.h"
#include "surface/surface.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    fz_init("problem");
    fz_config_data();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char cfg[1024], err[1024];
    fz_write_config(data, size, cfg, sizeof cfg);

    shp_problem *pb = NULL;
    int rc = shp_problem_load(cfg, &pb, err, sizeof err);
    fz_said("shp_problem_load", rc, err);
    if (rc != SHP_OK) return 0;
    shp_fit_options opt;
    rc = shp_fit_options_load(pb, -1, &opt, err, sizeof err);
    fz_said("shp_fit_options_load", rc, err);
    shp_posterior_options po;
    rc = shp_posterior_options_load(pb, -1, &po, err, sizeof err);
    fz_said("shp_posterior_options_load", rc, err);
    shp_surface_spec spec;
    rc = shp_surface_spec_load(pb, 0, -1.0, &spec, err, sizeof err);
    fz_said("shp_surface_spec_load", rc, err);
    const shp_forward_problem *fp = shp_problem_forward(pb);
    shp_material *truth = malloc((size_t)shp_forward_n_materials(fp) * sizeof *truth);
    if (truth) {
        rc = shp_fit_truth(pb, truth, err, sizeof err);
        fz_said("shp_fit_truth", rc, err);
    }
    free(truth);
    shp_problem_destroy(pb);
    return 0;
}
