/* Runs of the campaign report by (case, variant, seed) (campaign_report_internal.h):
 * runs.csv repeats a run when a campaign was resumed, and history.csv names its run on
 * every row, so both look runs up by key. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "campaign/campaign_report_internal.h"
#include "shpfit/status.h"

/* FNV-1a over the key, a separator byte between its parts. */
static uint64_t key_hash(const char *c, const char *v, long seed)
{
    uint64_t h = 1469598103934665603ull;
    for (const char *p = c; *p; ++p) h = (h ^ (unsigned char)*p) * 1099511628211ull;
    h = (h ^ 0x1f) * 1099511628211ull;
    for (const char *p = v; *p; ++p) h = (h ^ (unsigned char)*p) * 1099511628211ull;
    h = (h ^ 0x1f) * 1099511628211ull;
    return (h ^ (uint64_t)seed) * 1099511628211ull;
}

int cr_index_find(const cr_run_index *ix, const shp_cr_run *runs, const char *c, const char *v, long seed)
{
    if (!ix->cap) return -1;
    for (size_t i = key_hash(c, v, seed) & (ix->cap - 1);; i = (i + 1) & (ix->cap - 1)) {
        const int s = ix->slot[i];
        if (!s) return -1;
        const shp_cr_run *r = &runs[s - 1];
        if (r->seed == seed && !strcmp(r->case_name, c) && !strcmp(r->variant, v)) return s - 1;
    }
}

int cr_index_add(cr_run_index *ix, const shp_cr_run *runs, int n_runs, int k)
{
    if ((size_t)(n_runs + 1) * 2 > ix->cap) { /* grow and rehash runs 0 … n_runs−1 */
        const size_t cap = ix->cap ? 2 * ix->cap : 256;
        int *slot = calloc(cap, sizeof *slot);
        if (!slot) return SHP_ERR_NOMEM;
        free(ix->slot);
        ix->slot = slot;
        ix->cap = cap;
        for (int j = 0; j < n_runs; ++j)
            if (j != k) cr_index_add(ix, runs, 0, j);
    }
    const shp_cr_run *r = &runs[k];
    size_t i = key_hash(r->case_name, r->variant, r->seed) & (ix->cap - 1);
    while (ix->slot[i]) i = (i + 1) & (ix->cap - 1);
    ix->slot[i] = k + 1;
    return SHP_OK;
}

void cr_index_free(cr_run_index *ix)
{
    free(ix->slot);
    ix->slot = NULL;
    ix->cap = 0;
}
