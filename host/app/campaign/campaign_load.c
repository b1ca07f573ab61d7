/* Loading a campaign file (campaign/campaign.h). */
#define _POSIX_C_SOURCE 200809L /* strdup */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "campaign/campaign_internal.h"
#include "config/cfg_json.h"
#include "io/fs.h"

/* A name usable in file names and CSV fields. */
static int check_name(const cfg_ctx *c, const char *path, const char *name)
{
    if (!*name || strlen(name) > 60)
        return cfg_fail(c, path, "a name of 1 to 60 characters is required");
    for (const char *p = name; *p; ++p)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
              *p == '_' || *p == '-' || *p == '.'))
            return cfg_fail(c, path, "\"%s\": use letters, digits, '_', '-' and '.' only", name);
    return SHP_OK;
}

/* The descriptions a report reads (the paper study's soil, saturation, error, label):
 * strings, and a saturation in percent. */
static int check_description(const cfg_ctx *c, const cJSON *obj, const char *path)
{
    static const char *const strings[] = {"soil", "error", "label"};
    for (int k = 0; k < 3; ++k) {
        const char *s = NULL;
        CFG_TRY(cfg_string(c, obj, path, strings[k], 0, &s));
    }
    double sat = 0.0;
    int have = 0;
    CFG_TRY(cfg_number(c, obj, path, "saturation", 0, &sat, &have));
    char p[CFG_PATH_MAX];
    cfg_path(p, sizeof p, path, "saturation");
    if (have && !(sat >= 0.0 && sat <= 100.0)) return cfg_fail(c, p, "a saturation in percent, 0 to 100 (got %g)", sat);
    return SHP_OK;
}

/* A case's config file, beside the campaign file, and readable. */
static int parse_case_config(shp_campaign *cp, const cfg_ctx *c, const char *q, const char *cfgf, campaign_case *cc)
{
    if (shp_path_beside(cp->path, cfgf, cc->config, sizeof cc->config) != 0)
        return cfg_fail(c, q, "%s: %s", cfgf, strerror(ENAMETOOLONG));
    struct stat st;
    const int e = stat(cc->config, &st) != 0 ? errno : S_ISDIR(st.st_mode) ? EISDIR : 0;
    if (e || access(cc->config, R_OK) != 0)
        return cfg_fail(c, q, "%s: cannot read: %s", cc->config, strerror(e ? e : errno));
    return SHP_OK;
}

/* A case's "synth", "fit_initial" and "variants" (path p: the case's). */
static int parse_case_run(const cfg_ctx *c, const cJSON *it, const char *p, campaign_case *cc)
{
    char q[CFG_PATH_MAX];
    const cJSON *sy = cfg_child(it, "synth");
    cfg_path(q, sizeof q, p, "synth");
    if (sy && !cJSON_IsBool(sy) && !cJSON_IsObject(sy))
        return cfg_fail(c, q, "expected true, false, or an object of synth keys");
    cc->synth = sy && !cJSON_IsFalse(sy);
    cc->synth_keys = cJSON_IsObject(sy) ? sy : NULL;
    static const char *const fi[] = {"config", "theta_initial", NULL};
    int fiv = 0;
    CFG_TRY(cfg_choice(c, it, p, "fit_initial", fi, 0, &fiv));
    cc->fit_initial_theta = fiv == 1;
    cfg_path(q, sizeof q, p, "fit_initial");
    if (fiv == 1 && !cc->synth)
        return cfg_fail(c, q, "\"theta_initial\" needs \"synth\" (the θ_initial it fits from is synthesised)");
    const cJSON *vl = cfg_child(it, "variants");
    cfg_path(q, sizeof q, p, "variants");
    if (vl && (!cJSON_IsArray(vl) || cJSON_GetArraySize(vl) < 1))
        return cfg_fail(c, q, "expected a non-empty array of variant names");
    for (const cJSON *v = vl ? vl->child : NULL; v; v = v->next)
        if (!cJSON_IsString(v)) return cfg_fail(c, q, "expected variant names");
    cc->variants = vl;
    return SHP_OK;
}

/* Case i (the ones before it already read). */
static int parse_case(shp_campaign *cp, const cfg_ctx *c, const cJSON *it, int i)
{
    /* soil, saturation, error, label: descriptions for reports (the paper study) */
    static const char *const ck[] = {"name", "config", "synth", "fit_initial", "variants", "soil",
                                     "saturation", "error", "label", NULL};
    char p[CFG_PATH_MAX], q[CFG_PATH_MAX];
    cfg_path_index(p, sizeof p, "cases", i);
    if (!cJSON_IsObject(it)) return cfg_fail(c, p, "expected an object");
    CFG_TRY(cfg_check_keys(c, it, p, ck));
    const char *n = NULL, *cfgf = NULL;
    CFG_TRY(cfg_string(c, it, p, "name", 1, &n));
    cfg_path(q, sizeof q, p, "name");
    CFG_TRY(check_name(c, q, n));
    for (int j = 0; j < i; ++j)
        if (!strcmp(cp->cases[j].name, n)) return cfg_fail(c, q, "case \"%s\" given twice", n);
    CFG_TRY(cfg_string(c, it, p, "config", 1, &cfgf));
    snprintf(cp->cases[i].name, sizeof cp->cases[i].name, "%s", n);
    cfg_path(q, sizeof q, p, "config");
    CFG_TRY(parse_case_config(cp, c, q, cfgf, &cp->cases[i]));
    CFG_TRY(parse_case_run(c, it, p, &cp->cases[i]));
    return check_description(c, it, p);
}

static int parse_cases(shp_campaign *cp, const cfg_ctx *c)
{
    const cJSON *cases = cfg_child(cp->root, "cases");
    if (!cJSON_IsArray(cases) || cJSON_GetArraySize(cases) < 1)
        return cfg_fail(c, "cases", "expected a non-empty array of {\"name\", \"config\"}");
    cp->n_cases = cJSON_GetArraySize(cases);
    cp->cases = calloc((size_t)cp->n_cases, sizeof *cp->cases);
    if (!cp->cases) return cfg_fail(c, "cases", "out of memory");
    int i = 0;
    for (const cJSON *it = cases->child; it; it = it->next, ++i) CFG_TRY(parse_case(cp, c, it, i));
    return SHP_OK;
}

/* Variant i (the ones before it already read). */
static int parse_variant(shp_campaign *cp, const cfg_ctx *c, const cJSON *it, int i)
{
    static const char *const vk[] = {"name", "label", "algorithm", "population", "settings", "objectives",
                                     "stop", "procedure", "two_step", "polish", "budget", NULL};
    char p[CFG_PATH_MAX], q[CFG_PATH_MAX];
    cfg_path_index(p, sizeof p, "variants", i);
    if (!cJSON_IsObject(it)) return cfg_fail(c, p, "expected an object");
    CFG_TRY(cfg_check_keys(c, it, p, vk));
    const char *n = NULL;
    CFG_TRY(cfg_string(c, it, p, "name", 1, &n));
    cfg_path(q, sizeof q, p, "name");
    CFG_TRY(check_name(c, q, n));
    for (int j = 0; j < i; ++j)
        if (!strcmp(cp->variants[j].name, n)) return cfg_fail(c, q, "variant \"%s\" given twice", n);
    if (!cfg_child(it, "algorithm") && !cfg_child(it, "two_step"))
        return cfg_fail(c, p, "missing \"algorithm\"");
    snprintf(cp->variants[i].name, sizeof cp->variants[i].name, "%s", n);
    cp->variants[i].spec = it;
    const char *label = NULL;
    CFG_TRY(cfg_string(c, it, p, "label", 0, &label));
    const cJSON *vb = NULL;
    CFG_TRY(cfg_object(c, it, p, "budget", 0, &vb));
    if (vb) {
        static const char *const vbk[] = {"evaluations", NULL};
        cfg_path(q, sizeof q, p, "budget");
        CFG_TRY(cfg_check_keys(c, vb, q, vbk));
        CFG_TRY(cfg_long(c, vb, q, "evaluations", 1, 1, 1000000000L, &cp->variants[i].budget_evals));
    }
    return SHP_OK;
}

static int parse_variants(shp_campaign *cp, const cfg_ctx *c)
{
    const cJSON *vars = cfg_child(cp->root, "variants");
    if (!cJSON_IsArray(vars) || cJSON_GetArraySize(vars) < 1)
        return cfg_fail(c, "variants", "expected a non-empty array of optimizer variants");
    cp->n_variants = cJSON_GetArraySize(vars);
    cp->variants = calloc((size_t)cp->n_variants, sizeof *cp->variants);
    if (!cp->variants) return cfg_fail(c, "variants", "out of memory");
    int i = 0;
    for (const cJSON *it = vars->child; it; it = it->next, ++i) CFG_TRY(parse_variant(cp, c, it, i));
    return SHP_OK;
}

/* Every case's variant list names real variants. */
static int check_case_variants(const shp_campaign *cp, const cfg_ctx *c)
{
    for (int k = 0; k < cp->n_cases; ++k) {
        int j = 0;
        for (const cJSON *v = cp->cases[k].variants ? cp->cases[k].variants->child : NULL; v; v = v->next, ++j) {
            int found = 0;
            for (int w = 0; w < cp->n_variants; ++w) found |= !strcmp(cp->variants[w].name, v->valuestring);
            char p[CFG_PATH_MAX], q[CFG_PATH_MAX];
            cfg_path_index(p, sizeof p, "cases", k);
            cfg_path(q, sizeof q, p, "variants");
            cfg_path_index(p, sizeof p, q, j);
            if (!found) return cfg_fail(c, p, "no variant named \"%s\"", v->valuestring);
        }
    }
    return SHP_OK;
}

/* "seeds": [s, …], distinct whole numbers. */
static int parse_seed_list(shp_campaign *cp, const cfg_ctx *c, const cJSON *seeds, int *count)
{
    *count = cJSON_GetArraySize(seeds);
    if (*count < 1 || *count > SHP_CAMPAIGN_MAX_SEEDS) return cfg_fail(c, "seeds", "1 to %d seeds", SHP_CAMPAIGN_MAX_SEEDS);
    cp->seeds = malloc((size_t)*count * sizeof *cp->seeds);
    if (!cp->seeds) return cfg_fail(c, "seeds", "out of memory");
    int i = 0;
    for (const cJSON *it = seeds->child; it; it = it->next, ++i) {
        char p[CFG_PATH_MAX];
        cfg_path_index(p, sizeof p, "seeds", i);
        double v;
        CFG_TRY(cfg_number_item(c, it, p, &v));
        if (!(v >= 0 && v < 0x1p63) || v != floor(v)) /* (long)v of anything else is undefined */
            return cfg_fail(c, p, "a seed is a whole number from 0 to 2^63 - 1 (got %g)", v);
        cp->seeds[i] = (long)v;
        for (int j = 0; j < i; ++j)
            if (cp->seeds[j] == cp->seeds[i]) return cfg_fail(c, p, "seed %ld given twice", cp->seeds[i]);
    }
    return SHP_OK;
}

/* Seeds 1 … count. */
static int set_seed_count(shp_campaign *cp, const cfg_ctx *c, int count)
{
    cp->seeds = malloc((size_t)count * sizeof *cp->seeds);
    if (!cp->seeds) return cfg_fail(c, "seeds", "out of memory");
    for (int k = 0; k < count; ++k) cp->seeds[k] = k + 1;
    cp->n_seeds = count;
    return SHP_OK;
}

/* "seeds": a list, or a count (default 25); seeds_override > 0 replaces either. */
static int parse_seeds(shp_campaign *cp, const cfg_ctx *c, int seeds_override)
{
    const cJSON *seeds = cfg_child(cp->root, "seeds");
    int count = 25;
    if (cJSON_IsArray(seeds)) {
        CFG_TRY(parse_seed_list(cp, c, seeds, &count));
        cp->n_seeds = count;
    } else {
        CFG_TRY(cfg_int(c, cp->root, "", "seeds", 0, 1, SHP_CAMPAIGN_MAX_SEEDS, &count));
        CFG_TRY(set_seed_count(cp, c, count));
    }
    if (seeds_override > 0) {
        free(cp->seeds);
        CFG_TRY(set_seed_count(cp, c, seeds_override));
    }
    return SHP_OK;
}

static int parse_target(shp_campaign *cp, const cfg_ctx *c)
{
    const cJSON *t;
    CFG_TRY(cfg_object(c, cp->root, "", "target", 1, &t));
    static const char *const tk[] = {"objective", "retention_rmse", NULL};
    CFG_TRY(cfg_check_keys(c, t, "target", tk));
    int have_o = 0, have_r = 0;
    double vo = 0.0, vr = 0.0;
    CFG_TRY(cfg_number(c, t, "target", "objective", 0, &vo, &have_o));
    CFG_TRY(cfg_number(c, t, "target", "retention_rmse", 0, &vr, &have_r));
    if (have_o == have_r) return cfg_fail(c, "target", "give exactly one of objective, retention_rmse");
    cp->target_kind = have_r;
    cp->target = have_r ? vr : vo;
    const char *tp = have_r ? "target.retention_rmse" : "target.objective";
    CFG_TRY(cfg_require_gt(c, tp, cp->target, 0.0));
    /* a retention RMSE is in water content; a summed ψ is 1 per objective for the mean */
    return cfg_require_le(c, tp, cp->target, have_r ? 1.0 : 1e6, have_r ? "a water content" : NULL);
}

static int parse_stop_at_target(shp_campaign *cp, const cfg_ctx *c)
{
    cp->stop_at_target = 1;
    const cJSON *sat = cfg_child(cp->root, "stop_at_target");
    if (sat) {
        if (!cJSON_IsBool(sat)) return cfg_fail(c, "stop_at_target", "expected true or false");
        cp->stop_at_target = cJSON_IsTrue(sat);
    }
    return SHP_OK;
}

static int parse(shp_campaign *cp, const cfg_ctx *c, int seeds_override)
{
    static const char *const keys[] = {"name", "cases", "variants", "seeds", "budget", "target",
                                       "stop_at_target", NULL};
    const cJSON *root = cp->root;
    if (!cJSON_IsObject(root)) return cfg_fail(c, "", "expected a JSON object at the top level");
    CFG_TRY(cfg_check_keys(c, root, "", keys));
    const char *name = "campaign";
    CFG_TRY(cfg_string(c, root, "", "name", 0, &name));
    CFG_TRY(check_name(c, "name", name));
    snprintf(cp->name, sizeof cp->name, "%s", name);
    CFG_TRY(parse_cases(cp, c));
    CFG_TRY(parse_variants(cp, c));
    CFG_TRY(check_case_variants(cp, c));
    CFG_TRY(parse_seeds(cp, c, seeds_override));
    const cJSON *b;
    CFG_TRY(cfg_object(c, root, "", "budget", 1, &b));
    CFG_TRY(cfg_budget(c, b, "budget", &cp->budget_evals, &cp->budget_time_s));
    CFG_TRY(parse_target(cp, c));
    return parse_stop_at_target(cp, c);
}

shp_status shp_campaign_load(const char *path, int seeds_override, shp_campaign **out, char *err,
                             size_t len)
{
    *out = NULL;
    const cfg_ctx c = {path ? path : "(null)", err, len};
    cJSON *root = NULL;
    if (!path) return cfg_fail(&c, "", "no campaign file given");
    const int lrc = cfg_load_json(&c, &root);
    if (lrc != SHP_OK) return lrc;
    shp_campaign *cp = calloc(1, sizeof *cp);
    if (!cp) {
        cJSON_Delete(root);
        return cfg_fail(&c, "", "out of memory");
    }
    cp->root = root;
    if (snprintf(cp->path, sizeof cp->path, "%s", path) >= (int)sizeof cp->path) {
        shp_campaign_free(cp);
        return cfg_fail(&c, "", "%s", strerror(ENAMETOOLONG));
    }
    int rc = parse(cp, &c, seeds_override);
    if (rc == SHP_OK) rc = shp_campaign_check_cases(cp, err, len);
    if (rc != SHP_OK) {
        shp_campaign_free(cp);
        return rc;
    }
    *out = cp;
    return SHP_OK;
}

size_t shp_campaign_longest_name(const shp_campaign *c)
{
    size_t n = sizeof "campaign_plots.log";
    for (int i = 0; i < c->n_cases; ++i) {
        const size_t k = strlen(c->cases[i].name);
        /* cases/<case>/obs/theta_initial.csv; checkpoint/<case>.journal; convergence_<case>.png */
        const size_t m = k + sizeof "cases//obs/theta_initial.csv";
        if (m > n) n = m;
    }
    for (int v = 0; v < c->n_variants; ++v) {
        const size_t m = strlen(c->variants[v].name) + sizeof "figure7_.png"; /* the paper's figures */
        if (m > n) n = m;
    }
    return n;
}

int shp_campaign_case_runs(const campaign_case *cc, const char *v)
{
    if (!cc->variants) return 1;
    for (const cJSON *x = cc->variants->child; x; x = x->next)
        if (!strcmp(x->valuestring, v)) return 1;
    return 0;
}

void shp_campaign_free(shp_campaign *c)
{
    if (!c) return;
    cJSON_Delete(c->root);
    free(c->cases);
    free(c->variants);
    free(c->seeds);
    free(c);
}
