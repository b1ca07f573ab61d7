/* "solver": overrides of shp_solver_opts_default(), each checked on its own and the
 * few that must agree with each other checked together. */
#include "config/cfg_sections.h"

int cfg_parse_solver(const cfg_ctx *c, const cJSON *root, cfg_forward *fw)
{
    static const char *const keys[] = {"scheme", "dt_init", "dt_min", "dt_max", "tol_theta",
                                       "tol_h", "tol_mass", "tol_time", "max_iter", "grow",
                                       "shrink", "retry", "max_steps",
                                       "k_mean", "step_control", "boundary_fill", NULL};
    static const char *const schemes[] = {"picard", "newton", NULL}; /* index = opt.newton */
    static const char *const controls[] = {"adaptive", "fixed", NULL}; /* order of shp_step_control */
    static const char *const fills[] = {"ignored", "counted", NULL}; /* index = opt.count_fill */
    shp_solver_opts *o = &fw->column.opt;
    *o = shp_solver_opts_default();
    const cJSON *s;
    CFG_TRY(cfg_object(c, root, "", "solver", 0, &s));
    if (!s) return SHP_OK;
    const char *P = "solver";
    /* earlier versions grew and shrank the step on iteration counts; a config that still
     * sets those is told what replaced them rather than "unknown key" */
    static const char *const gone[] = {"iter_grow", "iter_shrink", NULL};
    for (int k = 0; gone[k]; ++k)
        if (cfg_child(s, gone[k])) {
            char g[CFG_PATH_MAX];
            cfg_path(g, sizeof g, P, gone[k]);
            return cfg_fail(c, g, "is no longer used: the adaptive step follows the truncation "
                            "error (solver.tol_time) within the factors solver.shrink and solver.grow; "
                            "remove it");
        }
    CFG_TRY(cfg_check_keys(c, s, P, keys));
    CFG_TRY(cfg_choice(c, s, P, "scheme", schemes, 0, &o->newton));
    CFG_TRY(cfg_choice(c, s, P, "k_mean", shp_kmean_names, 0, &o->kmean));
    CFG_TRY(cfg_choice(c, s, P, "step_control", controls, 0, &o->step_control));
    CFG_TRY(cfg_choice(c, s, P, "boundary_fill", fills, 0, &o->count_fill));

    struct { const char *key; double *v; double gt; } pos[] = {
        {"dt_init", &o->dt_init, 0.0}, {"dt_min", &o->dt_min, 0.0}, {"dt_max", &o->dt_max, 0.0},
        {"tol_theta", &o->tol_theta, 0.0}, {"tol_h", &o->tol_h, 0.0},
        {"tol_mass", &o->tol_mass, 0.0}, {"shrink", &o->shrink, 0.0}, {"retry", &o->retry, 0.0},
    };
    char p[CFG_PATH_MAX];
    for (size_t k = 0; k < sizeof pos / sizeof pos[0]; ++k) {
        CFG_TRY(cfg_number(c, s, P, pos[k].key, 0, pos[k].v, NULL));
        cfg_path(p, sizeof p, P, pos[k].key);
        CFG_TRY(cfg_require_gt(c, p, *pos[k].v, pos[k].gt));
    }
    CFG_TRY(cfg_number(c, s, P, "tol_time", 0, &o->tol_time, NULL));
    CFG_TRY(cfg_require_ge(c, "solver.tol_time", o->tol_time, 0.0));
    CFG_TRY(cfg_number(c, s, P, "grow", 0, &o->grow, NULL));
    CFG_TRY(cfg_require_ge(c, "solver.grow", o->grow, 1.0));
    /* plausible limits: beyond them a value is a typing mistake (dt_max may be huge: no cap) */
    const double T = fw->min_per_time, L = fw->cm_per_length;
    CFG_TRY(cfg_require_le(c, "solver.dt_init", o->dt_init, SHP_TIME_MAX_MIN / T, SHP_TIME_MAX_TEXT));
    CFG_TRY(cfg_require_le(c, "solver.dt_min", o->dt_min, SHP_TIME_MAX_MIN / T, SHP_TIME_MAX_TEXT));
    CFG_TRY(cfg_require_le(c, "solver.tol_theta", o->tol_theta, 1.0, "a water content"));
    CFG_TRY(cfg_require_le(c, "solver.tol_time", o->tol_time, 1.0, "a water content"));
    CFG_TRY(cfg_require_le(c, "solver.tol_h", o->tol_h, SHP_HEAD_MAX_CM / L, SHP_HEAD_MAX_TEXT));
    CFG_TRY(cfg_require_le(c, "solver.tol_mass", o->tol_mass, 100.0 / L, "100 cm of water"));
    CFG_TRY(cfg_require_le(c, "solver.grow", o->grow, 100.0, NULL));
    if (o->shrink > 1.0) return cfg_fail(c, "solver.shrink", "must be <= 1 (got %g)", o->shrink);
    if (o->retry >= 1.0) return cfg_fail(c, "solver.retry", "must be < 1 (got %g)", o->retry);
    CFG_TRY(cfg_int(c, s, P, "max_iter", 0, 1, 100000, &o->max_iter));
    CFG_TRY(cfg_long(c, s, P, "max_steps", 0, 1, 1000000000000L, &o->max_steps));
    if (o->dt_max < o->dt_min)
        return cfg_fail(c, "solver.dt_max", "must be >= dt_min (%g < %g)", o->dt_max, o->dt_min);
    if (!cfg_child(s, "dt_init")) /* the default step follows the user's limits */
        o->dt_init = o->dt_init < o->dt_min ? o->dt_min : o->dt_init > o->dt_max ? o->dt_max : o->dt_init;
    if (o->dt_init < o->dt_min || o->dt_init > o->dt_max)
        return cfg_fail(c, "solver.dt_init", "must lie in [dt_min, dt_max] = [%g, %g] (got %g)",
                        o->dt_min, o->dt_max, o->dt_init);
    /* a fixed schedule grows to dt_max and stays there: its accuracy is the user's choice */
    if (o->step_control == SHP_STEP_FIXED && !cfg_child(s, "dt_max"))
        return cfg_fail(c, "solver.dt_max", "is required with step_control \"fixed\" (the schedule's "
                        "longest step, in the config's time unit)");
    return SHP_OK;
}
