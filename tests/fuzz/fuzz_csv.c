/* Fuzz target "csv": the numeric CSV reader shp_csv_read_table (initial profiles,
 * observation series) and its two-column form shp_csv_read_pairs.
 *
 * Input: one mode byte, then the file. Mode bits 0–1: ncols 0 (the header fixes it) … 3;
 * bit 2: column names for messages given or NULL; bit 3: shp_csv_read_pairs instead. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "fuzz_util.h"
#include "io/csv_table.h"
#include "shpfit/status.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    fz_init("csv");
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) return 0;
    const unsigned mode = data[0];
    char path[1024], msg[512];
    fz_write("table.csv", data + 1, size - 1, path, sizeof path);
    static const char *const names[3] = {"depth", "theta", "third"};
    if (mode & 8) {
        double *x = NULL, *y = NULL;
        int m = 0;
        const int rc = shp_csv_read_pairs(path, (mode & 4) ? names : NULL, &x, &y, &m, msg, sizeof msg);
        fz_said("shp_csv_read_pairs", rc, msg);
        if (rc == SHP_OK) {
            free(x);
            free(y);
        }
        return 0;
    }
    shp_csv_table t;
    const int rc = shp_csv_read_table(path, (int)(mode & 3), (mode & 4) ? names : NULL, &t, msg, sizeof msg);
    fz_said("shp_csv_read_table", rc, msg);
    if (rc == SHP_OK) shp_csv_table_free(&t);
    return 0;
}
