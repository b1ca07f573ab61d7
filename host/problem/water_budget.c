/* The water budget of a column (shpfit/forward.h): the atmospheric forcing's totals and
 * every term of the balance from the column's cumulative outputs. */
#include <math.h>

#include "problem/forward_internal.h"

void shp_forward_forcing_totals(const shp_forward_problem *fp, double t, double *P, double *Ep, double *Tp)
{
    *P = *Ep = *Tp = 0.0;
    const int m = fp->n_forcing;
    const double *b = fp->forcing;
    for (int i = 0; i < m && b[i] < t; ++i) {
        const double end = i + 1 < m ? b[i + 1] : fp->forcing_end;
        const double d = fmin(end, t) - b[i];
        *P += d * b[SHP_FORCING_P * m + i];
        *Ep += d * b[SHP_FORCING_EP * m + i];
        *Tp += d * b[SHP_FORCING_TP * m + i];
    }
}

int shp_forward_outputs_reached(const shp_forward_problem *fp, const shp_column_result *res)
{
    int k = 0;
    while (k < fp->column.n_out && isfinite(res->out.Q[k])) ++k;
    return k;
}

void shp_forward_water_budget(const shp_forward_problem *fp, const shp_column_result *res, int k,
                              shp_water_budget *b)
{
    shp_water_budget_of(fp, &res->out, k, fp->t_out[k], b);
}

void shp_water_budget_of(const shp_forward_problem *fp, const shp_column_out *o, int k, double t,
                         shp_water_budget *b)
{
    shp_forward_forcing_totals(fp, t, &b->precipitation, &b->evaporation_potential, &b->transpiration_potential);
    b->top_inflow = o->Q[k];
    b->runoff = o->Q_runoff[k];
    b->evaporation = fp->n_forcing ? b->precipitation - b->runoff - o->Q[k] : 0.0;
    b->transpiration = o->Q_uptake[k];
    b->bottom_outflow = o->Q_bot[k];
    b->balance_error = o->balance[k];
    b->storage_change = o->balance[k] + o->Q[k] - o->Q_bot[k] - o->Q_uptake[k];
}
