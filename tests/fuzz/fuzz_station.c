/* Fuzz target "station": a field-station record through the readers of `shpfit
 * import-station` (host/io/station*.c) in each format, cropped, and built into
 * forcing with ET0 when it carries weather.
 *
 * Input: the file; its first byte chooses the format (mod 3) and the flags accepted (the
 * default "G", or "G,D,C,U,M"). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "fuzz_util.h"
#include "shpfit/station.h"
#include "shpfit/status.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    fz_init("station");
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) return 0;
    char path[1024], err[1024];
    fz_write("record", data + 1, size - 1, path, sizeof path);
    shp_station_options opt = shp_station_options_default();
    if (data[0] & 4) shp_station_options_parse_flags("G,D,C,U,M", &opt, err, sizeof err);
    shp_station_record r;
    int rc = shp_station_read(path, (shp_station_format)(data[0] % 3), &opt, &r, err, sizeof err);
    fz_said("shp_station_read", rc, err);
    if (rc != SHP_OK) return 0;
    rc = shp_station_crop(&r, r.first_day + 1, r.first_day + r.n_days - 2, err, sizeof err);
    fz_said("shp_station_crop", rc, err);
    if (rc == SHP_OK && r.has_weather) {
        shp_forcing_options fo = shp_forcing_options_default();
        fo.elevation_m = 300.0;
        shp_station_forcing f;
        rc = shp_station_forcing_build(&r, &fo, &f, err, sizeof err);
        fz_said("shp_station_forcing_build", rc, err);
        if (rc == SHP_OK) shp_station_forcing_free(&f);
    }
    shp_station_free(&r);
    return 0;
}
