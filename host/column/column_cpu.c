/* Single-column run on the CPU: a team of one over the shared solver. */
#include "shpfit/column.h"

#include <math.h>
#include <stdlib.h>

shp_solver_opts shp_solver_opts_default(void)
{
    shp_solver_opts o;
    o.dt_init = 1e-4;
    o.dt_min = 1e-9;
    o.dt_max = 1e30; /* no cap unless the config sets one */
    o.tol_theta = 1e-6;
    o.tol_h = 1e-3;
    o.tol_mass = 1e-10;
    o.tol_time = 1e-4;
    o.max_iter = 20;
    o.grow = 1.3;
    o.shrink = 0.2;
    o.retry = 1.0 / 3.0;
    o.max_steps = 1000000;
    o.kmean = SHP_KMEAN_KIRCHHOFF;
    o.newton = 1;
    o.step_control = SHP_STEP_ADAPTIVE;
    o.count_fill = 1;
    return o;
}

long shp_column_out_doubles(const shp_column *col) { return shp_column_out_size(col); }

void shp_column_out_bind(const shp_column *col, double *block, shp_column_stats *stats,
                         shp_column_out *out)
{
    shp_column_out_at(col, block, stats, out);
}

shp_status shp_column_result_alloc(const shp_column *col, shp_column_result *res)
{
    res->block = malloc((size_t)shp_column_out_doubles(col) * sizeof(double));
    if (!res->block) return SHP_ERR_NOMEM;
    shp_column_out_bind(col, res->block, &res->stats, &res->out);
    return SHP_OK;
}

void shp_column_result_free(shp_column_result *res)
{
    if (!res) return;
    free(res->block);
    res->block = NULL;
}

const char *const shp_kmean_names[SHP_KMEAN_COUNT + 1] = {"arithmetic", "geometric", "upstream",
                                                          "kirchhoff", NULL};

size_t shp_column_work_bytes(const shp_column *col)
{
    const shp_team one = shp_team_single();
    return (size_t)shp_column_work_size(col->n, shp_richards_materials(&one, col), col->opt.kmean,
                                          col->n_sens > 0 ? col->n_sens : 0) *
           sizeof(double);
}

shp_status shp_column_run_cpu(const shp_column *col, const shp_material *mats, const double *h_init,
                              shp_column_result *res)
{
    /* zeroed: every slot is written before it is read, but calloc costs nothing here */
    double *work = calloc(shp_column_work_bytes(col), 1);
    if (!work) return SHP_ERR_NOMEM;
    const shp_team team = shp_team_single();
    const int st = shp_column_run(&team, col, mats, h_init, work, &res->out);
    free(work);
    return st;
}
