/* Fuzz target "forward": a forward configuration through shp_forward_load (every section
 * parser of host/config, the initial-profile CSV), its "synth" section (shp_synth_check)
 * and shp_materials_load.
 *
 * Input: the config; further parts (fuzz_util.h) become f1.csv, f2.csv, f3.csv beside
 * it, for "initial": {"type": "csv", "file": "f1.csv"}. The example configs' data files
 * are there too (fuzz_fixtures.c). */
#include <stddef.h>
#include <stdint.h>

#include "fuzz_fixtures.h"
#include "fuzz_util.h"
#include "shpfit/forward.h"
#include "shpfit/status.h"
#include "synth/synth.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    fz_init("forward");
    fz_config_data();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char cfg[1024], err[1024];
    fz_write_config(data, size, cfg, sizeof cfg);

    shp_forward_problem *fp = NULL;
    int rc = shp_forward_load(cfg, &fp, err, sizeof err);
    fz_said("shp_forward_load", rc, err);
    if (rc == SHP_OK) {
        shp_forward_destroy(fp);
        /* the synth section: parsed on top of the same forward load, nothing run */
        rc = shp_synth_check(cfg, err, sizeof err);
        fz_said("shp_synth_check", rc, err);
    }
    rc = shp_materials_load(cfg, &fp, err, sizeof err);
    fz_said("shp_materials_load", rc, err);
    if (rc == SHP_OK) shp_forward_destroy(fp);
    return 0;
}
