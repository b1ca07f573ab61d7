/* The fit's defaults without a configuration: what `shpfit fit` does with a "fit"
 * section that names only parameters and observations. */
#include <string.h>

#include "shpfit/fit.h"

void shp_fit_step_default(const shp_problem *pb, shp_fit_step *st)
{
    memset(st, 0, sizeof *st);
    st->alg = shp_problem_n_obj(pb) > 1 ? SHP_OPT_PSO_VEGA : SHP_OPT_PSO;
    st->settings = shp_opt_settings_default(st->alg);
    st->stop = shp_opt_stop_default();
    st->n_obj = shp_problem_n_obj(pb);
    for (int k = 0; k < st->n_obj; ++k) st->obj[k] = k;
}

void shp_fit_options_default(const shp_problem *pb, shp_fit_options *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->n_steps = 1;
    shp_fit_step_default(pb, &opt->step[0]);
    opt->fixed_var = -1;
    opt->seed = 1;
    opt->lm = shp_lm_settings_default();
    opt->polish_sum = 1;
}
