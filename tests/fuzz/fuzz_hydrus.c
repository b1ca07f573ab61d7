/* Fuzz target "hydrus": a HYDRUS-1D project through the readers of `shpfit
 * import-hydrus` (host/app/import/hydrus_*.c) and its translation into a configuration.
 *
 * Input: Selector.in; the next part, when there is one, PROFILE.DAT (else the 1DRAINAG
 * example's, tests/data/hydrus); a third, ATMOSPH.IN, read when the project has a
 * time-variable boundary. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "fuzz_util.h"
#include "import/hydrus.h"
#include "shpfit/status.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    fz_init("hydrus");
    fz_copy("tests/data/hydrus/1DRAINAG/PROFILE.DAT", "default_PROFILE.DAT");
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_part part[FZ_MAX_PARTS];
    const int n = fz_split(data, size, part);
    char sel[1024], prof[1024], atm[1024], err[1024];
    fz_write("Selector.in", part[0].data, part[0].size, sel, sizeof sel);
    if (n > 1) fz_write("PROFILE.DAT", part[1].data, part[1].size, prof, sizeof prof);
    else fz_path(prof, sizeof prof, "default_PROFILE.DAT");
    shp_hydrus_project p;
    memset(&p, 0, sizeof p);
    int rc = shp_hydrus_read_selector(sel, &p, err, sizeof err);
    fz_said("shp_hydrus_read_selector", rc, err);
    if (rc == SHP_OK) {
        rc = shp_hydrus_read_profile(prof, &p, err, sizeof err);
        fz_said("shp_hydrus_read_profile", rc, err);
    }
    if (rc == SHP_OK && n > 2 && (p.topinf || p.lvariabbc || p.botinf)) {
        fz_write("ATMOSPH.IN", part[2].data, part[2].size, atm, sizeof atm);
        rc = shp_hydrus_read_atmosph(atm, &p, err, sizeof err);
        fz_said("shp_hydrus_read_atmosph", rc, err);
    }
    if (rc == SHP_OK) {
        char *csv = NULL;
        shp_hydrus_report r;
        memset(&r, 0, sizeof r);
        cJSON *cfg = shp_hydrus_to_config(&p, "initial.csv", &csv, &r);
        if (cfg) {
            char *text = cJSON_PrintUnformatted(cfg); /* the document is whole */
            free(text);
        }
        cJSON_Delete(cfg);
        free(csv);
    }
    shp_hydrus_free(&p);
    return 0;
}
