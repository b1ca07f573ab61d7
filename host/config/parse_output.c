/* "output": the output times, the observation depths and which profiles to keep. */
#include <math.h>
#include <stdlib.h>

#include "config/cfg_sections.h"

/* {"end": E, "every": D}: D, 2D, … up to E, and E itself when D does not divide it. */
static int times_every(const cfg_ctx *c, const cJSON *obj, cfg_forward *fw)
{
    static const char *const keys[] = {"end", "every", NULL};
    const char *P = "output.times";
    double end = 0.0, every = 0.0;
    CFG_TRY(cfg_check_keys(c, obj, P, keys));
    CFG_TRY(cfg_number(c, obj, P, "end", 1, &end, NULL));
    CFG_TRY(cfg_require_gt(c, "output.times.end", end, 0.0));
    CFG_TRY(cfg_require_le(c, "output.times.end", end, SHP_TIME_MAX_MIN / fw->min_per_time, SHP_TIME_MAX_TEXT));
    CFG_TRY(cfg_number(c, obj, P, "every", 1, &every, NULL));
    CFG_TRY(cfg_require_gt(c, "output.times.every", every, 0.0));
    const double steps = end / every;
    if (steps > SHP_MAX_OUTPUT_TIMES)
        return cfg_fail(c, P, "end / every gives %g output times (at most %g)", steps, SHP_MAX_OUTPUT_TIMES);
    /* k·every, not a running sum, so 180 min in 5 min steps ends on 180 exactly; a last
     * multiple within rounding of end becomes end, otherwise end is appended */
    const int n = (int)floor(steps * (1.0 + 1e-12));
    const int extra = n < 1 || fabs((double)n * every - end) > 1e-9 * end;
    fw->t_out = malloc((size_t)(n + extra) * sizeof *fw->t_out);
    if (!fw->t_out) return cfg_fail(c, P, "out of memory");
    for (int k = 0; k < n; ++k) fw->t_out[k] = (double)(k + 1) * every;
    fw->t_out[n + extra - 1] = end;
    fw->column.n_out = n + extra;
    return SHP_OK;
}

static int times_list(const cfg_ctx *c, const cJSON *arr, cfg_forward *fw)
{
    const char *P = "output.times";
    int n = 0;
    CFG_TRY(cfg_number_array(c, arr, P, &fw->t_out, &n));
    char p[CFG_PATH_MAX];
    for (int k = 0; k < n; ++k) {
        cfg_path_index(p, sizeof p, P, k);
        CFG_TRY(cfg_require_gt(c, p, fw->t_out[k], 0.0));
        CFG_TRY(cfg_require_le(c, p, fw->t_out[k], SHP_TIME_MAX_MIN / fw->min_per_time, SHP_TIME_MAX_TEXT));
        if (k > 0 && !(fw->t_out[k] > fw->t_out[k - 1]))
            return cfg_fail(c, p, "times must be strictly increasing (%g after %g)", fw->t_out[k],
                            fw->t_out[k - 1]);
    }
    fw->column.n_out = n;
    return SHP_OK;
}

static int observations(const cfg_ctx *c, const cJSON *arr, cfg_forward *fw)
{
    const char *P = "output.observation_depths";
    int m = 0;
    CFG_TRY(cfg_number_array(c, arr, P, &fw->obs_depth, &m));
    fw->obs_node = malloc((size_t)m * sizeof *fw->obs_node);
    fw->obs_w = malloc((size_t)m * sizeof *fw->obs_w);
    if (!fw->obs_node || !fw->obs_w) return cfg_fail(c, P, "out of memory");
    const int n = fw->column.n;
    char p[CFG_PATH_MAX];
    for (int j = 0; j < m; ++j) {
        cfg_path_index(p, sizeof p, P, j);
        if (shp_grid_locate(fw->z, n, fw->obs_depth[j], &fw->obs_node[j], &fw->obs_w[j]) != 0)
            return cfg_fail(c, p, "must lie within the column (0 to %g, got %g)", fw->z[n - 1],
                            fw->obs_depth[j]);
    }
    fw->column.n_obs = m;
    fw->column.obs_node = fw->obs_node;
    fw->column.obs_w = fw->obs_w;
    return SHP_OK;
}

/* The results of one column are allocated up front: refuse what would not fit, before
 * any allocation, naming the fields that size it. */
static int check_memory(const cfg_ctx *c, const cJSON *o, const cfg_forward *fw)
{
    double limit_mb = SHP_MEMORY_LIMIT_MB;
    CFG_TRY(cfg_number(c, o, "output", "memory_limit_mb", 0, &limit_mb, NULL));
    CFG_TRY(cfg_require_gt(c, "output.memory_limit_mb", limit_mb, 0.0));
    const double mb = (double)shp_column_out_doubles(&fw->column) * sizeof(double) / 1048576.0;
    if (mb <= limit_mb) return SHP_OK;
    return cfg_fail(c, "output", "the results of one column need %.0f MB (profile.nodes %d x %d output times "
                                 "(output.times)%s), over output.memory_limit_mb = %g: write fewer output "
                                 "times%s, or raise the limit",
                    mb, fw->column.n, fw->column.n_out, fw->column.profiles_all ? " x profiles \"all\"" : "",
                    limit_mb, fw->column.profiles_all ? " or output.profiles \"final\"" : "");
}

int cfg_parse_output(const cfg_ctx *c, const cJSON *root, cfg_forward *fw)
{
    static const char *const keys[] = {"times", "observation_depths", "profiles", "memory_limit_mb", NULL};
    static const char *const profiles[] = {"final", "all", NULL};
    const cJSON *o;
    CFG_TRY(cfg_object(c, root, "", "output", 1, &o));
    CFG_TRY(cfg_check_keys(c, o, "output", keys));
    const cJSON *t = cfg_child(o, "times");
    if (!t) return cfg_fail(c, "output.times", "missing required field");
    if (cJSON_IsObject(t)) CFG_TRY(times_every(c, t, fw));
    else if (cJSON_IsArray(t)) CFG_TRY(times_list(c, t, fw));
    else
        return cfg_fail(c, "output.times", "expected an array of times or {\"end\", \"every\"}, got %s",
                        cfg_type_name(t));
    fw->column.t_out = fw->t_out;

    const cJSON *obs = cfg_child(o, "observation_depths");
    if (obs) CFG_TRY(observations(c, obs, fw));
    CFG_TRY(cfg_choice(c, o, "output", "profiles", profiles, 0, &fw->column.profiles_all));
    return check_memory(c, o, fw);
}
