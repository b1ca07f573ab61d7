/* Buffers for the results of fit requests (shpfit/fit.h). */
#include <stdlib.h>
#include <string.h>

#include "shpfit/fit.h"

void shp_fit_buffers_free(shp_fit_buffers *b)
{
    if (!b) return;
    free(b->u);
    free(b->f);
    free(b->r);
    free(b->J);
    free(b->ok);
    memset(b, 0, sizeof *b);
}

shp_status shp_fit_buffers_reserve(shp_fit_buffers *b, const shp_problem *pb, int n, int need)
{
    if (n <= b->n && need <= b->need) return SHP_OK;
    n = n > b->n ? n : b->n;
    need = need > b->need ? need : b->need;
    const size_t dim = (size_t)shp_problem_dim(pb), m0 = (size_t)shp_problem_n_residuals(pb);
    const size_t m = m0 ? m0 : 1, nn = (size_t)(n > 0 ? n : 1);
    shp_fit_buffers_free(b);
    b->u = malloc(nn * dim * sizeof *b->u);
    b->f = malloc(nn * (size_t)shp_problem_n_obj(pb) * sizeof *b->f);
    b->ok = malloc(nn * sizeof *b->ok);
    b->r = need >= SHP_FIT_NEED_RESIDUALS ? malloc(nn * m * sizeof *b->r) : NULL;
    b->J = need >= SHP_FIT_NEED_JACOBIAN ? malloc(nn * m * dim * sizeof *b->J) : NULL;
    if (b->u && b->f && b->ok && (need < SHP_FIT_NEED_RESIDUALS || b->r) && (need < SHP_FIT_NEED_JACOBIAN || b->J)) {
        b->n = n;
        b->need = need;
        return SHP_OK;
    }
    shp_fit_buffers_free(b);
    return SHP_ERR_NOMEM;
}
