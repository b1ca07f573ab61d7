/* Fuzz target "campaign": a campaign file (shpfit bench, and shpfit paper's STUDY.json)
 * through shp_campaign_load, which also checks every case it names: the case's config
 * (synthesised first where the case says so) and every variant's optimizer keys against
 * it.
 *
 * Input: the campaign JSON. Its cases' configs (cases/<name>.json for every case name of
 * configs/bench and configs/paper) are one small fit (tests/fuzz/data/case_small.json), so
 * that the check of a case takes milliseconds, with the loam's observations in cases/obs
 * for cases that are not synthesised. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "fuzz_util.h"
#include "campaign/campaign.h"
#include "shpfit/status.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    fz_init("campaign");
    static const char *const soils[] = {"loam", "sand", "silt", "clay"};
    for (int s = 0; s < 4; ++s) {
        char to[128];
        snprintf(to, sizeof to, "cases/%s.json", soils[s]);
        fz_copy("tests/fuzz/data/case_small.json", to);
        for (int se = 20; se <= 60; se += 20) {
            snprintf(to, sizeof to, "cases/%s_se%d.json", soils[s], se);
            fz_copy("tests/fuzz/data/case_small.json", to);
        }
    }
    fz_copy("configs/data/loam_obs/Q.csv", "cases/obs/Q.csv");
    fz_copy("configs/data/loam_obs/v.csv", "cases/obs/v.csv");
    fz_copy("configs/data/loam_obs/theta_final.csv", "cases/obs/theta_final.csv");
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[1024], err[1024];
    fz_write("campaign.json", data, size, path, sizeof path);
    shp_campaign *cp = NULL;
    const int rc = shp_campaign_load(path, 0, &cp, err, sizeof err);
    fz_said("shp_campaign_load", rc, err);
    if (rc == SHP_OK) shp_campaign_free(cp);
    return 0;
}
