/* PROFILE.DAT of HYDRUS-1D: the nodes (x, h or θ, material, layer, root distribution,
 * scaling factors), in the order of HYDRUS's INPUT.FOR (NodInf). The observation nodes
 * at the end are not read. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/hydrus.h"
#include "import/hydrus_lines.h"
#include "shpfit/status.h"

#define TRY(x) do { const int rc_ = (x); if (rc_ != SHP_OK) return rc_; } while (0)
#define MAXTOK 64
#define NODES_MAX 1000000

static int nodes(hy_lines *f, shp_hydrus_project *p)
{
    char *t[MAXTOK];
    int n, nfix;
    TRY(hy_fields(f, "the number of fixed points", 1, t, MAXTOK, &n));
    TRY(hy_int(f, t[0], "the number of fixed points", &nfix));
    if (nfix < 0 || nfix > NODES_MAX) return hy_fail(f, "bad number of fixed points (%d)", nfix);
    for (int i = 0; i < nfix; ++i) TRY(hy_skip(f, "the fixed points"));
    TRY(hy_fields(f, "the number of nodes NumNP", 1, t, MAXTOK, &n));
    TRY(hy_int(f, t[0], "NumNP", &p->n));
    if (p->n < 3 || p->n > NODES_MAX) return hy_fail(f, "NumNP must be 3 to %d (got %d)", NODES_MAX, p->n);
    const size_t m = (size_t)p->n;
    p->x = malloc(m * sizeof *p->x), p->h = malloc(m * sizeof *p->h);
    p->beta = malloc(m * sizeof *p->beta), p->axz = malloc(m * sizeof *p->axz);
    p->bxz = malloc(m * sizeof *p->bxz), p->dxz = malloc(m * sizeof *p->dxz);
    p->mat = malloc(m * sizeof *p->mat), p->lay = malloc(m * sizeof *p->lay);
    if (!p->x || !p->h || !p->beta || !p->axz || !p->bxz || !p->dxz || !p->mat || !p->lay)
        return hy_fail(f, "out of memory");
    for (int i = 0; i < p->n; ++i) {
        int id;
        TRY(hy_fields(f, "a node: n x h Mat Lay Beta Axz Bxz Dxz", 9, t, MAXTOK, &n));
        TRY(hy_int(f, t[0], "node number", &id));
        if (id != i + 1) return hy_fail(f, "expected node %d, found node %d", i + 1, id);
        TRY(hy_number(f, t[1], "x", &p->x[i]));
        TRY(hy_number(f, t[2], "h", &p->h[i]));
        TRY(hy_int(f, t[3], "Mat", &p->mat[i]));
        TRY(hy_int(f, t[4], "Lay", &p->lay[i]));
        TRY(hy_number(f, t[5], "Beta", &p->beta[i]));
        TRY(hy_number(f, t[6], "Axz", &p->axz[i]));
        TRY(hy_number(f, t[7], "Bxz", &p->bxz[i]));
        TRY(hy_number(f, t[8], "Dxz", &p->dxz[i]));
        /* HYDRUS lists the nodes from the surface down: x decreases */
        if (i > 0 && !(p->x[i] < p->x[i - 1]))
            return hy_fail(f, "x must decrease from node to node (the surface first): %g after %g", p->x[i],
                           p->x[i - 1]);
        if (p->mat[i] < 1 || p->lay[i] < 1) return hy_fail(f, "Mat and Lay must be >= 1");
    }
    return SHP_OK;
}

int shp_hydrus_read_profile(const char *path, shp_hydrus_project *p, char *err, size_t len)
{
    hy_lines f;
    snprintf(p->profile, sizeof p->profile, "%s", path);
    int rc = hy_lines_open(&f, path, err, len);
    if (rc == SHP_OK) {
        hy_lines_version(&f);
        rc = nodes(&f, p);
    }
    hy_lines_close(&f);
    return rc;
}

void shp_hydrus_free(shp_hydrus_project *p)
{
    free(p->tprint), free(p->x), free(p->h), free(p->beta), free(p->axz);
    free(p->bxz), free(p->dxz), free(p->mat), free(p->lay), free(p->atm);
    memset(p, 0, sizeof *p);
}
