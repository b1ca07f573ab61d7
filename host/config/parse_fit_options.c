/* The optimizer part of "fit": algorithm, population, seed, settings, stop rules,
 * objectives per step and the two-step procedure (shpfit/fit.h, docs/fit-reference.md).
 *
 *   "algorithm": "pso_vega", "population": 48, "seed": 1,
 *   "settings": {"w_start": 0.9, "topology": "ring", …},   any shp_opt_settings knob
 *   "stop": {"generations": 60, "evaluations": 0, "time_s": 0, "target": 1e-6,
 *            "stall_generations": 20, "stall_tol": 1e-6},
 *   "budget": {"evaluations": 3000, "time_s": 600},          the whole fit, as a campaign's
 *   "procedure": "single" | "two_step",
 *   "two_step": {"fix": "loam.theta_s",
 *                "step1": {"algorithm": "ga", "objectives": ["theta_final"], …},
 *                "step2": {"algorithm": "pso_vega", "objectives": ["v", "Q"], …}} */
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "config/loaders.h"
#include "config/cfg_json.h"
#include "shpfit/fit.h"
#include "shpfit/lm.h"

enum { K_DOUBLE, K_INT, K_ENUM };

/* Every settings knob by its config name: one table, so the parser, the error
 * messages and docs/fit-reference.md agree. */
static const struct {
    const char *name;
    int kind;
    size_t off;
    int enum_kind;
} knobs[] = {
#define D(n) {#n, K_DOUBLE, offsetof(shp_opt_settings, n), 0}
#define I(n) {#n, K_INT, offsetof(shp_opt_settings, n), 0}
#define E(n, k) {#n, K_ENUM, offsetof(shp_opt_settings, n), k}
    E(init, SHP_OPT_ENUM_INIT), I(archive_capacity),
    E(velocity, SHP_OPT_ENUM_PSO_VELOCITY), E(schedule, SHP_OPT_ENUM_PSO_SCHEDULE),
    D(w_start), D(w_end), D(c1), D(c2), E(topology, SHP_OPT_ENUM_PSO_TOPOLOGY), I(ring_k),
    D(v_clamp), E(bounds, SHP_OPT_ENUM_BOUNDS),
    E(crossover, SHP_OPT_ENUM_CROSSOVER), D(p_crossover), D(eta_c), D(blx_alpha),
    E(mutation, SHP_OPT_ENUM_MUTATION), D(p_mutation), D(eta_m), D(sigma), I(tournament),
    I(elitism), D(exchange_rate),
    E(strategy, SHP_OPT_ENUM_DE_STRATEGY), D(F), D(CR), D(jde_tau1), D(jde_tau2), D(jde_F_lo),
    D(jde_F_hi), I(shade_H), D(shade_archive), D(shade_p_max), D(cma_sigma0),
#undef D
#undef I
#undef E
};
#define N_KNOBS ((int)(sizeof knobs / sizeof knobs[0]))

static int parse_settings(const cfg_ctx *c, const cJSON *obj, const char *path, shp_opt_settings *s)
{
    const char *keys[N_KNOBS + 1];
    for (int k = 0; k < N_KNOBS; ++k) keys[k] = knobs[k].name;
    keys[N_KNOBS] = NULL;
    CFG_TRY(cfg_check_keys(c, obj, path, keys));
    for (int k = 0; k < N_KNOBS; ++k) {
        char *field = (char *)s + knobs[k].off;
        if (knobs[k].kind == K_DOUBLE) {
            CFG_TRY(cfg_number(c, obj, path, knobs[k].name, 0, (double *)field, NULL));
        } else if (knobs[k].kind == K_INT) {
            CFG_TRY(cfg_int(c, obj, path, knobs[k].name, 0, -1000000, 1000000, (int *)field));
        } else {
            const char *names[16];
            const int n = shp_opt_enum_count(knobs[k].enum_kind);
            for (int v = 0; v < n && v < 15; ++v) names[v] = shp_opt_enum_name(knobs[k].enum_kind, v);
            names[n < 15 ? n : 15] = NULL;
            int v = -1;
            CFG_TRY(cfg_choice(c, obj, path, knobs[k].name, names, 0, &v));
            if (v >= 0) *(int *)field = v; /* the enums are int-sized */
        }
    }
    return SHP_OK;
}

static int parse_stop(const cfg_ctx *c, const cJSON *obj, const char *path, shp_opt_stop *st)
{
    static const char *const keys[] = {"generations", "evaluations", "time_s", "target",
                                       "stall_generations", "stall_tol", NULL};
    CFG_TRY(cfg_check_keys(c, obj, path, keys));
    CFG_TRY(cfg_long(c, obj, path, "generations", 0, 0, 100000000, &st->max_generations));
    CFG_TRY(cfg_long(c, obj, path, "evaluations", 0, 0, 1000000000000L, &st->max_evaluations));
    CFG_TRY(cfg_number(c, obj, path, "time_s", 0, &st->max_wall_s, NULL));
    CFG_TRY(cfg_number(c, obj, path, "target", 0, &st->target, &st->use_target));
    CFG_TRY(cfg_int(c, obj, path, "stall_generations", 0, 0, 100000000, &st->stall_generations));
    CFG_TRY(cfg_number(c, obj, path, "stall_tol", 0, &st->stall_tol, NULL));
    char p[CFG_PATH_MAX];
    cfg_path(p, sizeof p, path, "time_s");
    CFG_TRY(cfg_require_ge(c, p, st->max_wall_s, 0.0));
    CFG_TRY(cfg_require_le(c, p, st->max_wall_s, 1e9, "about 30 years"));
    /* ψ, summed over the objectives: 0 is a perfect fit, 1 per objective as good as the mean */
    cfg_path(p, sizeof p, path, "target");
    CFG_TRY(cfg_require_ge(c, p, st->target, 0.0));
    CFG_TRY(cfg_require_le(c, p, st->target, 1e6, NULL));
    cfg_path(p, sizeof p, path, "stall_tol");
    CFG_TRY(cfg_require_ge(c, p, st->stall_tol, 0.0));
    if (!st->max_generations && !st->max_evaluations && !(st->max_wall_s > 0.0) && !st->use_target &&
        !st->stall_generations)
        return cfg_fail(c, path, "no stop rule is active: give generations, evaluations, time_s, "
                                 "target or stall_generations");
    return SHP_OK;
}

/* The objectives of a step: names → indices into the problem's objectives. */
static int parse_step_objectives(const cfg_ctx *c, const shp_problem *pb, const cJSON *obj,
                                 const char *path, shp_fit_step *st)
{
    const cJSON *arr = cfg_child(obj, "objectives");
    if (!arr) return SHP_OK; /* keep the step's defaults */
    char p[CFG_PATH_MAX];
    cfg_path(p, sizeof p, path, "objectives");
    if (!cJSON_IsArray(arr) || cJSON_GetArraySize(arr) < 1)
        return cfg_fail(c, p, "expected a non-empty array of objective names");
    st->n_obj = 0;
    int i = 0;
    for (const cJSON *it = arr->child; it; it = it->next, ++i) {
        char q[CFG_PATH_MAX];
        cfg_path_index(q, sizeof q, p, i);
        int k = 0;
        while (k < shp_problem_n_obj(pb) &&
               !(cJSON_IsString(it) && !strcmp(it->valuestring, shp_obs_name(shp_problem_obj_kind(pb, k)))))
            ++k;
        if (k == shp_problem_n_obj(pb))
            return cfg_fail(c, q, "not one of fit.objectives");
        for (int j = 0; j < st->n_obj; ++j)
            if (st->obj[j] == k) return cfg_fail(c, q, "given twice");
        st->obj[st->n_obj++] = k;
    }
    return SHP_OK;
}

/* shp_opt_check speaks of struct fields; the config names them differently. */
static void config_names(char *msg, size_t len)
{
    static const char *const from[] = {"pop_size", "max_generations"};
    static const char *const to[] = {"population", "stop.generations"};
    for (int k = 0; k < 2; ++k) {
        char *at = strstr(msg, from[k]);
        if (!at) continue;
        char rest[256];
        snprintf(rest, sizeof rest, "%s", at + strlen(from[k]));
        snprintf(at, len - (size_t)(at - msg), "%s%s", to[k], rest);
    }
}

/* A shp_opt_check message as a config error: its first word names the setting at fault
 * ("c2 must be in [0, 10] (got 12)"), which becomes the field's path when the config
 * gave it (path.settings.c2; population, stop.generations); otherwise the step's path. */
static int check_failed(const cfg_ctx *c, const char *path, const cJSON *settings, char *why)
{
    char name[64] = "", p[CFG_PATH_MAX];
    sscanf(why, "%63[A-Za-z0-9_]", name);
    const char *rest = why + strlen(name);
    if (!strcmp(name, "pop_size")) {
        cfg_path(p, sizeof p, path, "population");
    } else if (!strcmp(name, "max_generations")) {
        cfg_path(p, sizeof p, path, "stop.generations");
    } else if (*name && settings && cfg_child(settings, name)) {
        char q[CFG_PATH_MAX];
        cfg_path(q, sizeof q, path, "settings");
        cfg_path(p, sizeof p, q, name);
    } else {
        config_names(why, 256);
        return cfg_fail(c, path, "%s", why);
    }
    char tail[256];
    snprintf(tail, sizeof tail, "%s", *rest == ' ' ? rest + 1 : rest);
    config_names(tail, sizeof tail);
    return cfg_fail(c, p, "%s", tail);
}

/* One optimizer run's keys in obj, on top of the defaults in st. A step whose
 * algorithm changes starts from that algorithm's defaults, population included,
 * unless obj gives them. */
static int parse_step(const cfg_ctx *c, const shp_problem *pb, const cJSON *obj, const char *path,
                      int allow_objectives, int dim, shp_fit_step *st)
{
    static const char *const algs[] = {"pso", "ga", "vega", "pso_vega", "de", "jde", "shade", "nsga2", "cmaes", NULL};
    int a = st->alg;
    CFG_TRY(cfg_choice(c, obj, path, "algorithm", algs, 0, &a));
    if (a != (int)st->alg) {
        st->alg = (shp_opt_algorithm)a;
        st->settings = shp_opt_settings_default(st->alg);
    }
    CFG_TRY(cfg_int(c, obj, path, "population", 0, 2, 1000000, &st->settings.pop_size));
    const cJSON *s = NULL;
    CFG_TRY(cfg_object(c, obj, path, "settings", 0, &s));
    char p[CFG_PATH_MAX];
    if (s) {
        cfg_path(p, sizeof p, path, "settings");
        CFG_TRY(parse_settings(c, s, p, &st->settings));
    }
    const cJSON *stop = NULL;
    CFG_TRY(cfg_object(c, obj, path, "stop", 0, &stop));
    if (stop) {
        cfg_path(p, sizeof p, path, "stop");
        st->stop = shp_opt_stop_default();
        st->stop.max_generations = 0;
        CFG_TRY(parse_stop(c, stop, p, &st->stop));
    }
    if (allow_objectives) CFG_TRY(parse_step_objectives(c, pb, obj, path, st));
    /* the inertia schedule runs over the generation budget */
    if (st->stop.max_generations > 0) st->settings.max_generations = (int)st->stop.max_generations;
    char why[256];
    if (shp_opt_check(st->alg, dim, st->n_obj, &st->settings, why, sizeof why) != SHP_OK)
        return check_failed(c, path, s, why);
    return SHP_OK;
}

/* Index of an objective kind among the problem's objectives, or −1. */
static int objective_index(const shp_problem *pb, int kind)
{
    for (int k = 0; k < shp_problem_n_obj(pb); ++k)
        if (shp_problem_obj_kind(pb, k) == kind) return k;
    return -1;
}

/* Index of the free variable `name`: its full name ("loam.theta_s"), or, when unique, a
 * bare parameter name ("theta_s"), so one campaign variant serves cases whose materials
 * are named differently. −1 when none or ambiguous. */
static int variable_index(const shp_problem *pb, const char *name)
{
    int found = -1, n = 0;
    for (int j = 0; j < shp_problem_dim(pb); ++j) {
        const char *v = shp_problem_var_name(pb, j);
        if (!strcmp(v, name)) return j;
        const char *dot = strchr(v, '.');
        if (!strchr(name, '.') && dot && !strcmp(dot + 1, name)) {
            found = j;
            ++n;
        }
    }
    return n == 1 ? found : -1;
}

/* "polish": true | false | {"method": "lm", "iterations", "fd_step", "trials", "lambda0", "ftol",
 *                           "differences": "central" | "forward",
 *                           "jacobian": "differences" | "exact",
 *                           "objective": "sum" | "squares"} */
static int parse_polish(const cfg_ctx *c, const shp_problem *pb, const cJSON *obj, const char *path,
                        shp_fit_options *opt)
{
    const cJSON *p = cfg_child(obj, "polish");
    opt->lm = shp_lm_settings_default();
    opt->polish = 0;
    opt->polish_sum = 1;
    if (!p) return SHP_OK;
    char q[CFG_PATH_MAX];
    cfg_path(q, sizeof q, path, "polish");
    if (cJSON_IsBool(p)) {
        opt->polish = cJSON_IsTrue(p);
        return SHP_OK;
    }
    if (!cJSON_IsObject(p)) return cfg_fail(c, q, "expected true, false or an object");
    static const char *const keys[] = {"method", "iterations", "fd_step", "trials", "lambda0", "ftol",
                                       "differences", "jacobian", "objective", NULL};
    static const char *const objectives[] = {"squares", "sum", NULL}; /* index = polish_sum */
    static const char *const diffs[] = {"forward", "central", NULL};
    static const char *const jacobians[] = {"differences", "exact", NULL};
    static const char *const methods[] = {"lm", NULL};
    CFG_TRY(cfg_check_keys(c, p, q, keys));
    int m = 0;
    CFG_TRY(cfg_choice(c, p, q, "method", methods, 0, &m));
    CFG_TRY(cfg_int(c, p, q, "iterations", 0, 1, 10000, &opt->lm.max_iterations));
    CFG_TRY(cfg_number(c, p, q, "fd_step", 0, &opt->lm.fd_step, NULL));
    CFG_TRY(cfg_int(c, p, q, "trials", 0, 1, 8, &opt->lm.n_trials));
    CFG_TRY(cfg_number(c, p, q, "lambda0", 0, &opt->lm.lambda0, NULL));
    char r[CFG_PATH_MAX];
    cfg_path(r, sizeof r, q, "lambda0");
    CFG_TRY(cfg_require_le(c, r, opt->lm.lambda0, 1e10, NULL)); /* beyond, the steps vanish */
    CFG_TRY(cfg_number(c, p, q, "ftol", 0, &opt->lm.ftol, NULL));
    CFG_TRY(cfg_choice(c, p, q, "differences", diffs, 0, &opt->lm.central));
    CFG_TRY(cfg_choice(c, p, q, "jacobian", jacobians, 0, &opt->lm.jacobian));
    CFG_TRY(cfg_choice(c, p, q, "objective", objectives, 0, &opt->polish_sum));
    char why[128];
    if (shp_lm_check(shp_problem_dim(pb), 1, &opt->lm, why, sizeof why) != SHP_OK)
        return cfg_fail(c, q, "%s", why);
    opt->polish = 1;
    return SHP_OK;
}

/* The optimizer keys of obj (the fit section, or a campaign variant) at path. */
static int parse_options(const cfg_ctx *c, const shp_problem *pb, const cJSON *obj, const char *path,
                         shp_fit_options *opt)
{
    static const char *const procedures[] = {"single", "two_step", NULL};
    int proc = 0;
    CFG_TRY(cfg_choice(c, obj, path, "procedure", procedures, 0, &proc));
    CFG_TRY(parse_polish(c, pb, obj, path, opt));
    char tsp[CFG_PATH_MAX];
    cfg_path(tsp, sizeof tsp, path, "two_step");

    /* the top-level keys: the single run, or what both steps of a two-step run
     * start from */
    shp_fit_step base;
    shp_fit_step_default(pb, &base);
    const int dim = shp_problem_dim(pb);
    if (proc == 0) {
        CFG_TRY(parse_step(c, pb, obj, path, 0, dim, &base));
        opt->n_steps = 1;
        opt->step[0] = base;
        opt->fixed_var = -1;
        if (cfg_child(obj, "two_step")) return cfg_fail(c, tsp, "needs \"procedure\": \"two_step\"");
        return SHP_OK;
    }
    /* two-step: top-level stop and settings are inherited by both steps; each step's
     * algorithm and objectives default to the seed's (GA on θ_final, then PSO–VEGA on
     * v and Q), and a step's own keys override */
    const int has_top_alg = cfg_child(obj, "algorithm") != NULL;
    CFG_TRY(parse_step(c, pb, obj, path, 0, dim - 1, &base));
    const cJSON *ts;
    CFG_TRY(cfg_object(c, obj, path, "two_step", 1, &ts));
    static const char *const ts_keys[] = {"fix", "step1", "step2", NULL};
    CFG_TRY(cfg_check_keys(c, ts, tsp, ts_keys));
    const char *fix = NULL;
    CFG_TRY(cfg_string(c, ts, tsp, "fix", 1, &fix));
    char fixp[CFG_PATH_MAX];
    cfg_path(fixp, sizeof fixp, tsp, "fix");
    opt->fixed_var = variable_index(pb, fix);
    if (opt->fixed_var < 0)
        return cfg_fail(c, fixp, "\"%s\" is not one of fit.parameters", fix);
    if (dim < 2) return cfg_fail(c, fixp, "step 2 needs at least one other free parameter");
    opt->n_steps = 2;
    for (int s = 0; s < 2; ++s) {
        char key[16], sp[CFG_PATH_MAX], top[CFG_PATH_MAX];
        snprintf(key, sizeof key, "step%d", s + 1);
        cfg_path(sp, sizeof sp, tsp, key);
        const cJSON *so;
        CFG_TRY(cfg_object(c, ts, tsp, key, 1, &so));
        static const char *const step_keys[] = {"algorithm", "population", "settings", "stop",
                                                "objectives", NULL};
        CFG_TRY(cfg_check_keys(c, so, sp, step_keys));
        shp_fit_step st = base;
        if (!has_top_alg) { /* the seed's algorithm, its defaults, then the top-level knobs */
            const int pop = st.settings.pop_size;
            st.alg = s == 0 ? SHP_OPT_GA : SHP_OPT_PSO_VEGA;
            st.settings = shp_opt_settings_default(st.alg);
            if (cfg_child(obj, "population")) st.settings.pop_size = pop;
            const cJSON *topset = cfg_child(obj, "settings");
            cfg_path(top, sizeof top, path, "settings");
            if (topset) CFG_TRY(parse_settings(c, topset, top, &st.settings));
            if (st.stop.max_generations > 0) st.settings.max_generations = (int)st.stop.max_generations;
        }
        /* the seed's objectives where the problem has them: θ_final, then v and Q */
        const int kf = objective_index(pb, SHP_OBS_THETA_FINAL), kv = objective_index(pb, SHP_OBS_V),
                  kq = objective_index(pb, SHP_OBS_Q);
        if (s == 0 && kf >= 0) {
            st.n_obj = 1;
            st.obj[0] = kf;
        } else if (s == 1 && (kv >= 0 || kq >= 0)) {
            st.n_obj = 0;
            if (kv >= 0) st.obj[st.n_obj++] = kv;
            if (kq >= 0) st.obj[st.n_obj++] = kq;
        }
        CFG_TRY(parse_step(c, pb, so, sp, 1, s == 0 ? dim : dim - 1, &st));
        opt->step[s] = st;
    }
    return SHP_OK;
}

/* Step 1's most evaluations by its own rules (LONG_MAX: no limit): a generation starts
 * while fewer than stop.evaluations have been made. */
static long step_allowance(const shp_fit_step *st)
{
    const long pop = st->settings.pop_size;
    long a = LONG_MAX;
    if (st->stop.max_generations > 0) a = st->stop.max_generations * pop;
    if (st->stop.max_evaluations > 0 && (st->stop.max_evaluations + pop - 1) / pop * pop < a)
        a = (st->stop.max_evaluations + pop - 1) / pop * pop;
    return a;
}

/* A budget of be evaluations and bt seconds (either 0: none) over the options of obj at
 * path ("fit", or a campaign variant), with the meaning of fit.budget: the last step's
 * default stop (200 generations) gives way to it; a rule that says otherwise about the
 * same limit is an error. bpath names the budget in messages. */
static int apply_budget(const cfg_ctx *c, const cJSON *obj, const char *path, const char *bpath, long be,
                        double bt, shp_fit_options *opt)
{
    char p[CFG_PATH_MAX], q[CFG_PATH_MAX], s1[CFG_PATH_MAX];
    opt->budget_evaluations = be;
    opt->budget_time_s = bt;
    shp_fit_step *first = &opt->step[0], *last = &opt->step[opt->n_steps - 1];
    cfg_path(p, sizeof p, bpath, "evaluations");
    if (be > 0 && be < first->settings.pop_size)
        return cfg_fail(c, p, "%ld is less than one generation (population %d)", be, first->settings.pop_size);
    const cJSON *ts = cfg_child(obj, "two_step");
    const int last_stop = cfg_child(obj, "stop") || (opt->n_steps > 1 && cfg_child(cfg_child(ts, "step2"), "stop"));
    if (!last_stop) last->stop.max_generations = 0;
    if (opt->n_steps == 1) {
        /* one step: its stop.evaluations and stop.time_s bound the whole fit too */
        cfg_path(q, sizeof q, path, "stop");
        cfg_path(s1, sizeof s1, q, "evaluations");
        if (be > 0 && first->stop.max_evaluations > 0 && first->stop.max_evaluations != be)
            return cfg_fail(c, s1, "%ld contradicts %s (%ld); give one", first->stop.max_evaluations, p, be);
        cfg_path(s1, sizeof s1, q, "time_s");
        if (bt > 0.0 && first->stop.max_wall_s > 0.0 && first->stop.max_wall_s != bt)
            return cfg_fail(c, s1, "%g s contradicts %s.time_s (%g s); give one", first->stop.max_wall_s, bpath,
                            bt);
        /* the inertia schedule runs over the budget's generations */
        const long g = be / first->settings.pop_size + 1;
        if (be > 0 && (first->stop.max_generations <= 0 || g < first->stop.max_generations))
            first->settings.max_generations = (int)g;
        return SHP_OK;
    }
    /* two steps: step 1 must leave step 2 at least one generation */
    cfg_path(q, sizeof q, path, "two_step.step1.stop");
    const long a = step_allowance(first);
    if (be > 0 && (a == LONG_MAX || a + last->settings.pop_size > be)) {
        if (a == LONG_MAX)
            return cfg_fail(c, q, "step 1 has no generation or evaluation limit, so it could spend %s (%ld) and "
                                  "leave nothing for step 2", p, be);
        return cfg_fail(c, q, "step 1 may take %ld evaluations, which leaves less than one generation of step 2 "
                              "(population %d) within %s (%ld)",
                        a, last->settings.pop_size, p, be);
    }
    cfg_path(s1, sizeof s1, q, "time_s");
    if (bt > 0.0 && first->stop.max_wall_s >= bt)
        return cfg_fail(c, s1, "%g s leaves nothing of %s.time_s (%g s) for step 2", first->stop.max_wall_s, bpath,
                        bt);
    return SHP_OK;
}

/* "budget": {"evaluations": N, "time_s": S} of the fit section. */
static int parse_budget(const cfg_ctx *c, const cJSON *fit, shp_fit_options *opt)
{
    const cJSON *b = NULL;
    CFG_TRY(cfg_object(c, fit, "fit", "budget", 0, &b));
    if (!b) return SHP_OK;
    long be = 0;
    double bt = 0.0;
    CFG_TRY(cfg_budget(c, b, "fit.budget", &be, &bt));
    return apply_budget(c, fit, "fit", "fit.budget", be, bt, opt);
}

shp_status shp_fit_options_load(const shp_problem *pb, long long seed_override, shp_fit_options *opt,
                                char *err, size_t len)
{
    static const char *const keys[] = {"parameters", "observations", "objectives", "metric", "truth",
                                       "algorithm", "population", "seed", "settings", "stop", "budget",
                                       "procedure", "two_step", "polish", "column_max_steps", "posterior", NULL};
    const cfg_ctx c = {shp_forward_source(shp_problem_forward(pb)), err, len};
    const cJSON *fit = shp_problem_fit_config(pb);
    memset(opt, 0, sizeof *opt);
    CFG_TRY(cfg_check_keys(&c, fit, "fit", keys));
    long seed = 1;
    CFG_TRY(cfg_long(&c, fit, "fit", "seed", 0, 0, 0x7fffffffffffffffL, &seed));
    opt->seed = seed_override >= 0 ? (uint64_t)seed_override : (uint64_t)seed;
    opt->have_truth = cfg_child(fit, "truth") != NULL;
    CFG_TRY(parse_options(&c, pb, fit, "fit", opt));
    return parse_budget(&c, fit, opt);
}

shp_status shp_fit_options_parse(const shp_problem *pb, const struct cJSON *obj, const char *file,
                                 const char *path, uint64_t seed, const shp_fit_budget *budget, shp_fit_options *opt,
                                 char *err, size_t len)
{
    const cfg_ctx c = {file, err, len};
    memset(opt, 0, sizeof *opt);
    opt->seed = seed;
    opt->have_truth = cfg_child(shp_problem_fit_config(pb), "truth") != NULL;
    CFG_TRY(parse_options(&c, pb, (const cJSON *)obj, path, opt));
    if (!budget || (budget->evaluations <= 0 && !(budget->time_s > 0.0))) return SHP_OK;
    return apply_budget(&c, (const cJSON *)obj, path, budget->path ? budget->path : "budget", budget->evaluations,
                        budget->time_s, opt);
}

shp_status shp_fit_step_parse(const shp_problem *pb, const struct cJSON *obj, const char *file,
                              const char *path, shp_fit_step *st, char *err, size_t len)
{
    const cfg_ctx c = {file, err, len};
    shp_fit_step_default(pb, st);
    return parse_step(&c, pb, (const cJSON *)obj, path, 1, shp_problem_dim(pb), st);
}
