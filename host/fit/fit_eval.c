/* A parameter set scored without optimizing (shpfit/fit.h, shpfit fit --evaluate). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/clock.h"
#include "shpfit/fit.h"

shp_status shp_fit_point_evaluate(shp_problem *pb, shp_backend *be, shp_fit_point *pt, char *err, size_t len)
{
    const double t0 = shp_wall_seconds();
    const int rc = shp_problem_simulate_materials(pb, be, pt->mats);
    pt->has_column = shp_problem_last_column(pb, &pt->column);
    pt->wall_s = shp_wall_seconds() - t0;
    if (rc != SHP_OK && !pt->has_column) { /* the batch itself failed, not the column */
        snprintf(err, len, "the column could not be run on backend %s: %s%s%s", shp_backend_name(be),
                 shp_strerror(rc), *shp_backend_error(be) ? ": " : "", shp_backend_error(be));
        return rc;
    }
    pt->status = rc;
    shp_problem_last_objectives(pb, pt->f);
    return SHP_OK;
}

void shp_fit_point_free(shp_fit_point *pt)
{
    if (!pt) return;
    free(pt->values);
    free(pt->mats);
    free(pt->f);
    memset(pt, 0, sizeof *pt);
}
