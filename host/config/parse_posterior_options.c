/* "fit.posterior": the sampler's settings, the error model and the priors
 * (shpfit/posterior.h, docs/posterior.md).
 *
 *   "posterior": {"chains": 8, "sigma": "integrated" | {"Q": 0.05, "v": 0.002},
 *                 "prior": {"loam.Ks": {"normal": [0.017, 0.004]},
 *                           "loam.n": {"uniform": [1.2, 2.0]}},
 *                 "rhat": 1.2, "max_evaluations": 100000, "check_every": 20,
 *                 "min_window": 100, "predictive_draws": 100,
 *                 "pairs": 1, "crossover": 3, "snooker": 0.1, "unit_jump": 0.2,
 *                 "archive_every": 10, "archive_init": 40} */
#include <math.h>
#include <string.h>

#include "config/cfg_json.h"
#include "shpfit/posterior.h"

void shp_posterior_defaults(const shp_problem *pb, uint64_t seed, shp_posterior_options *o)
{
    memset(o, 0, sizeof *o);
    shp_dream_defaults(shp_problem_dim(pb), &o->dream);
    o->rhat_target = 1.2;
    o->max_evaluations = 100000;
    o->check_every = 20;
    o->min_window = 100;
    o->predictive_draws = 100;
    o->seed = seed;
    o->start_spread = 3.0;
}

void shp_posterior_start_at(shp_posterior_options *o, int dim, const double *u, const double *cov)
{
    int ok = cov != NULL;
    for (int k = 0; ok && k < dim * dim; ++k) ok = isfinite(cov[k]);
    o->has_start = 1;
    for (int a = 0; a < dim; ++a) {
        o->start_u[a] = u[a];
        for (int b = 0; b < dim; ++b)
            o->start_cov[a * dim + b] = ok ? cov[a * dim + b] : a == b ? 0.01 / (o->start_spread * o->start_spread)
                                                                       : 0.0;
    }
}

/* "integrated", or one σ > 0 for every objective, by its observation name. */
static int parse_sigma(const cfg_ctx *c, const shp_problem *pb, const cJSON *post, shp_posterior_options *o)
{
    const cJSON *s = cfg_child(post, "sigma");
    if (!s) return SHP_OK;
    if (cJSON_IsString(s)) {
        if (!strcmp(s->valuestring, "integrated")) return SHP_OK;
        return cfg_fail(c, "fit.posterior.sigma", "expected \"integrated\" or an object of standard deviations "
                                                  "by observation (e.g. {\"Q\": 0.05}), got \"%s\"", s->valuestring);
    }
    if (!cJSON_IsObject(s))
        return cfg_fail(c, "fit.posterior.sigma", "expected \"integrated\" or an object, got %s", cfg_type_name(s));
    CFG_TRY(cfg_check_duplicates(c, s, "fit.posterior.sigma"));
    const char *names[SHP_OBS_COUNT + 1] = {NULL};
    const int nobj = shp_problem_n_obj(pb);
    for (int k = 0; k < nobj; ++k) names[k] = shp_obs_name(shp_problem_obj_kind(pb, k));
    for (const cJSON *it = s->child; it; it = it->next) {
        if (it->string && it->string[0] == '_') continue;
        int k = 0;
        while (k < nobj && strcmp(names[k], it->string)) ++k;
        char p[CFG_PATH_MAX];
        cfg_path(p, sizeof p, "fit.posterior.sigma", it->string);
        if (k == nobj) {
            char dym[96];
            cfg_did_you_mean(dym, sizeof dym, cfg_suggest(it->string, names));
            return cfg_fail(c, p, "%snot one of fit.objectives", dym);
        }
        double v;
        CFG_TRY(cfg_number_item(c, it, p, &v));
        CFG_TRY(cfg_require_gt(c, p, v, 0.0));
        o->sigma[shp_problem_obj_kind(pb, k)] = v;
    }
    for (int k = 0; k < nobj; ++k)
        if (!(o->sigma[shp_problem_obj_kind(pb, k)] > 0.0))
            return cfg_fail(c, "fit.posterior.sigma", "no standard deviation for objective \"%s\" (give one for "
                                                      "every objective, or \"integrated\")", names[k]);
    o->sigma_known = 1;
    return SHP_OK;
}

/* One variable's prior: {"uniform": [a, b]} and the like, within its bounds. */
static int parse_prior(const cfg_ctx *c, const shp_problem *pb, int j, const cJSON *spec, const char *path,
                       shp_prior *pr)
{
    static const char *const kinds[] = {"search_scale", "uniform", "log_uniform", "normal", "lognormal", NULL};
    if (!cJSON_IsObject(spec) || !spec->child || spec->child->next)
        return cfg_fail(c, path, "expected one of {\"uniform\": [lo, hi]}, {\"log_uniform\": [lo, hi]}, "
                                 "{\"normal\": [mean, sd]}, {\"lognormal\": [median, sd of ln]}, "
                                 "{\"search_scale\": []}");
    const cJSON *it = spec->child;
    int kind = 0;
    while (kinds[kind] && strcmp(kinds[kind], it->string)) ++kind;
    char p[CFG_PATH_MAX];
    cfg_path(p, sizeof p, path, it->string);
    if (!kinds[kind]) {
        char dym[96];
        cfg_did_you_mean(dym, sizeof dym, cfg_suggest(it->string, kinds));
        return cfg_fail(c, p, "%sunknown prior (uniform, log_uniform, normal, lognormal, search_scale)", dym);
    }
    pr->kind = kind;
    if (kind == SHP_PRIOR_SCALE) return SHP_OK;
    if (!cJSON_IsArray(it) || cJSON_GetArraySize(it) != 2) return cfg_fail(c, p, "expected two numbers");
    double ab[2];
    for (int i = 0; i < 2; ++i) {
        char q[CFG_PATH_MAX];
        cfg_path_index(q, sizeof q, p, i);
        CFG_TRY(cfg_number_item(c, cJSON_GetArrayItem(it, i), q, &ab[i]));
    }
    double lo, hi;
    int lg;
    shp_problem_var_bounds(pb, j, &lo, &hi, &lg);
    pr->a = ab[0];
    pr->b = ab[1];
    switch (kind) {
    case SHP_PRIOR_UNIFORM:
    case SHP_PRIOR_LOG_UNIFORM:
        if (!(ab[0] < ab[1])) return cfg_fail(c, p, "lower end %g is not below the upper end %g", ab[0], ab[1]);
        if (kind == SHP_PRIOR_LOG_UNIFORM && !(ab[0] > 0.0))
            return cfg_fail(c, p, "a log-uniform prior needs a lower end > 0 (got %g)", ab[0]);
        if (ab[0] < lo || ab[1] > hi)
            return cfg_fail(c, p, "[%g, %g] is not within the bounds [%g, %g] of %s", ab[0], ab[1], lo, hi,
                            shp_problem_var_name(pb, j));
        break;
    case SHP_PRIOR_NORMAL:
    case SHP_PRIOR_LOGNORMAL:
        if (!(ab[1] > 0.0)) return cfg_fail(c, p, "the standard deviation must be > 0 (got %g)", ab[1]);
        if (kind == SHP_PRIOR_LOGNORMAL && !(ab[0] > 0.0))
            return cfg_fail(c, p, "a lognormal prior needs a median > 0 (got %g)", ab[0]);
        if (ab[0] < lo || ab[0] > hi)
            return cfg_fail(c, p, "the %s %g is outside the bounds [%g, %g] of %s",
                            kind == SHP_PRIOR_NORMAL ? "mean" : "median", ab[0], lo, hi, shp_problem_var_name(pb, j));
        break;
    default:
        break;
    }
    return SHP_OK;
}

static int parse_priors(const cfg_ctx *c, const shp_problem *pb, const cJSON *post, shp_posterior_options *o)
{
    const cJSON *pr = NULL;
    CFG_TRY(cfg_object(c, post, "fit.posterior", "prior", 0, &pr));
    if (!pr) return SHP_OK;
    CFG_TRY(cfg_check_duplicates(c, pr, "fit.posterior.prior"));
    const int dim = shp_problem_dim(pb);
    const char *names[SHP_MAX_FREE + 1] = {NULL};
    for (int j = 0; j < dim; ++j) names[j] = shp_problem_var_name(pb, j);
    for (const cJSON *it = pr->child; it; it = it->next) {
        if (it->string && it->string[0] == '_') continue;
        char p[CFG_PATH_MAX];
        cfg_path(p, sizeof p, "fit.posterior.prior", it->string);
        int j = 0;
        while (j < dim && strcmp(names[j], it->string)) ++j;
        if (j == dim) {
            char dym[96];
            cfg_did_you_mean(dym, sizeof dym, cfg_suggest(it->string, names));
            return cfg_fail(c, p, "%snot a fitted parameter (fit.parameters)", dym);
        }
        CFG_TRY(parse_prior(c, pb, j, it, p, &o->prior[j]));
    }
    return SHP_OK;
}

static int parse_sampler(const cfg_ctx *c, const cJSON *post, shp_dream_settings *d)
{
    const char *P = "fit.posterior";
    CFG_TRY(cfg_int(c, post, P, "chains", 0, 2, 10000, &d->chains));
    CFG_TRY(cfg_int(c, post, P, "pairs", 0, 1, 100, &d->pairs));
    CFG_TRY(cfg_int(c, post, P, "crossover", 0, 1, SHP_DREAM_MAX_CR, &d->n_cr));
    CFG_TRY(cfg_number(c, post, P, "snooker", 0, &d->p_snooker, NULL));
    CFG_TRY(cfg_number(c, post, P, "unit_jump", 0, &d->p_unit_jump, NULL));
    CFG_TRY(cfg_int(c, post, P, "archive_every", 0, 1, 1000000, &d->archive_every));
    CFG_TRY(cfg_int(c, post, P, "archive_init", 0, 0, 10000000, &d->archive_init));
    if (d->p_snooker < 0.0 || d->p_snooker > 1.0)
        return cfg_fail(c, "fit.posterior.snooker", "must be a probability in [0, 1] (got %g)", d->p_snooker);
    if (d->p_unit_jump < 0.0 || d->p_unit_jump > 1.0)
        return cfg_fail(c, "fit.posterior.unit_jump", "must be a probability in [0, 1] (got %g)", d->p_unit_jump);
    return SHP_OK;
}

shp_status shp_posterior_options_load(const shp_problem *pb, long long seed_override, shp_posterior_options *o,
                                      char *err, size_t len)
{
    static const char *const keys[] = {"chains",     "sigma",     "prior",         "rhat",         "max_evaluations",
                                       "check_every", "min_window", "predictive_draws", "pairs",  "crossover",
                                       "snooker",    "unit_jump", "archive_every", "archive_init", NULL};
    const cfg_ctx c = {shp_forward_source(shp_problem_forward(pb)), err, len};
    const cJSON *fit = shp_problem_fit_config(pb);
    long seed = 1;
    CFG_TRY(cfg_long(&c, fit, "fit", "seed", 0, 0, 0x7fffffffffffffffL, &seed));
    shp_posterior_defaults(pb, seed_override >= 0 ? (uint64_t)seed_override : (uint64_t)seed, o);
    const cJSON *post = NULL;
    CFG_TRY(cfg_object(&c, fit, "fit", "posterior", 0, &post));
    if (post) {
        CFG_TRY(cfg_check_keys(&c, post, "fit.posterior", keys));
        CFG_TRY(parse_sampler(&c, post, &o->dream));
        CFG_TRY(parse_sigma(&c, pb, post, o));
        CFG_TRY(parse_priors(&c, pb, post, o));
        CFG_TRY(cfg_number(&c, post, "fit.posterior", "rhat", 0, &o->rhat_target, NULL));
        if (!(o->rhat_target > 1.0))
            return cfg_fail(&c, "fit.posterior.rhat", "the R-hat target must be > 1 (got %g): R-hat tends to 1 "
                                                      "from above as chains converge", o->rhat_target);
        CFG_TRY(cfg_long(&c, post, "fit.posterior", "max_evaluations", 0, 1, 1000000000000L, &o->max_evaluations));
        CFG_TRY(cfg_int(&c, post, "fit.posterior", "check_every", 0, 1, 1000000, &o->check_every));
        CFG_TRY(cfg_int(&c, post, "fit.posterior", "min_window", 0, 4, 100000000, &o->min_window));
        CFG_TRY(cfg_int(&c, post, "fit.posterior", "predictive_draws", 0, 0, 100000, &o->predictive_draws));
    }
    const int dim = shp_problem_dim(pb);
    if (!cfg_child(post, "archive_init")) { /* the default follows the chains and pairs given */
        const int need = o->dream.chains > 2 * o->dream.pairs + 1 ? o->dream.chains : 2 * o->dream.pairs + 1;
        o->dream.archive_init = 10 * dim > need ? 10 * dim : need;
    }
    const char *bad = shp_dream_check(&o->dream, dim);
    if (bad) {
        char p[CFG_PATH_MAX];
        cfg_path(p, sizeof p, "fit.posterior", bad);
        return cfg_fail(&c, p, "not usable with %d chains and %d parameters (docs/posterior.md)", o->dream.chains,
                        dim);
    }
    const int m = shp_problem_n_residuals(pb);
    if (m <= dim)
        return cfg_fail(&c, "fit.observations", "%d observations for %d free parameters: a posterior needs more "
                                                "observations than parameters", m, dim);
    return SHP_OK;
}
