/* Bad configuration values, for every command that reads a configuration: every value of
 * the good configurations below replaced by each wrong type, by ±1e308, ±1e999 and NaN,
 * strings and keys with a NUL inside, unknown and repeated keys, each required key removed.
 * Each case must exit 2 with one line that names the file as given and the field, and
 * write nothing (docs/config.md, "General rules"). Files, --out, observation CSVs and
 * campaigns: test_bad_input_files.c, test_bad_input_data.c; truncated and malformed JSON:
 * test_bad_input_syntax.c. How to run them alone: tests/data/bad_input/README.md. */
#define _POSIX_C_SOURCE 200809L /* strdup */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bad_input.h"
#include "test_util.h"

/* The sections a command reads from a configuration (a campaign file is read whole). */
static const char *const FORWARD[] = {"units", "materials", "profile", "initial", "top", "bottom", "solver", "output", NULL};
static const char *const MATERIALS[] = {"units", "materials", NULL};
static const char *const FIT[] = {"fit", NULL};
static const char *const SYNTH[] = {"synth", NULL};
static const char *const SURFACE[] = {"surface", NULL};
static const char *const WHOLE[] = {"", NULL};
/* what the shipped examples add to the bases above: the Haverkamp model, heads at both
 * ends, an initial profile from a CSV */
static const char *const CELIA[] = {"materials", "initial", "top", "bottom", NULL};
static const char *const INITIAL[] = {"initial", NULL};

typedef struct {
    const char *cmd, *base;
    const char *const *sections;
    int light; /* fewer mutations per value: what it adds goes through the same checks */
} target;

static const target targets[] = {
    {"forward", BI_GOOD "/forward.json", FORWARD, 0},
    {"forward", BI_GOOD "/forward_tables.json", FORWARD, 0},
    {"forward", "../configs/celia_test1.json", CELIA, 1},
    {"forward", "../configs/initial_profile.json", INITIAL, 1},
    {"forward", "data/good/csv_theta.json", INITIAL, 1},
    {"curves", "../configs/curves/model_library.json", MATERIALS, 1}, /* every model's parameters */
    {"fit", BI_GOOD "/fit.json", FIT, 0},
    {"fit", BI_GOOD "/fit_two_step.json", FIT, 0},
    {"synth", BI_GOOD "/fit.json", SYNTH, 0},
    {"surface", BI_GOOD "/fit.json", SURFACE, 0},
    {"bench", BI_GOOD "/campaign.json", WHOLE, 0},
    {"paper", BI_GOOD "/study.json", WHOLE, 0},
};
enum { N_TARGETS = sizeof targets / sizeof *targets, FIRST_FIT = 6 };

/* Mutations that give a valid configuration, and why. A pattern "*.key" matches the key
 * anywhere. */
static const struct {
    const char *path;
    bi_mut m;
} valid_mutations[] = {
    /* 1e30 is the documented "no cap" (docs/config.md, solver); a larger cap means the same */
    {"solver.dt_max", BI_M_HUGE},
    /* every > end is valid, one output at end (tests/data/good/hydrostatic_extrapolate.json) */
    {"output.times.every", BI_M_HUGE},
    {"synth.times.every", BI_M_HUGE},
    /* a campaign's seeds are a count or a list (docs/bench.md) */
    {"seeds", BI_M_NUMBER},
    /* "polish": true is the Levenberg-Marquardt polish with its defaults (docs/fit-reference.md §1.8) */
    {"*.polish", BI_M_BOOL},
};

static int is_valid_mutation(const char *path, bi_mut m)
{
    for (size_t i = 0; i < sizeof valid_mutations / sizeof *valid_mutations; ++i) {
        const char *p = valid_mutations[i].path;
        if (valid_mutations[i].m != m) continue;
        if (p[0] == '*') {
            const size_t n = strlen(path), k = strlen(p + 2);
            if (!strcmp(path, p + 2) || (n > k && path[n - k - 1] == '.' && !strcmp(path + n - k, p + 2))) return 1;
        } else if (!strcmp(path, p)) {
            return 1;
        }
    }
    return 0;
}

static int in_sections(const char *path, const char *const *sections)
{
    for (; *sections; ++sections) {
        const size_t n = strlen(*sections);
        if (n == 0) return 1;
        if (!strncmp(path, *sections, n) && (path[n] == '\0' || path[n] == '.' || path[n] == '[')) return 1;
    }
    return 0;
}

/* The field the message must name: the mutated value's path. An element of an array may be
 * named by its array, a pair by what holds it ("fit.parameters.loam.alpha: bounds [...]"),
 * a key by its object and its name ("materials.a: theta_r must be < theta_s"), a number too
 * large for its place in an increasing sequence by the element after it ("30 after
 * 1e+308"), a NUL by its line. */
static void expect_field(bi_case *c, const bi_item *it, const char *expect, bi_mut m, int line)
{
    char buf[BI_MAX_ALT][260];
    const char *alt[BI_MAX_ALT];
    int n = 0;
    snprintf(buf[n], sizeof buf[n], "%s", expect);
    alt[n] = buf[n];
    ++n;
    if (it && it->in_array && m < BI_M_UNKNOWN_KEY) {
        snprintf(buf[n], sizeof buf[n], "%s", it->path);
        char *b = strrchr(buf[n], '[');
        if (b) *b = '\0';
        alt[n] = buf[n];
        ++n;
        /* a pair by what holds it: bounds by their parameter ("fit.parameters.loam.alpha:
         * bounds ..."), a table row by its table */
        const size_t pl = strlen(buf[n - 1]);
        const int bounds = pl > 7 && !strcmp(buf[n - 1] + pl - 7, ".bounds");
        if (it->parent_size == 2 && (bounds || buf[n - 1][pl - 1] == ']')) {
            memcpy(buf[n], buf[n - 1], sizeof buf[n]);
            *(bounds ? buf[n] + pl - 7 : strrchr(buf[n], '[')) = '\0';
            alt[n] = buf[n];
            ++n;
        }
    }
    /* a constraint between a material's parameters names the material and the key
     * ("materials.a: theta_r must be < theta_s", docs/config.md) */
    const char *dot = it && !it->in_array ? strrchr(it->path, '.') : NULL;
    if (dot && m < BI_M_UNKNOWN_KEY) {
        snprintf(buf[n], sizeof buf[n], "%.*s: %s ", (int)(dot - it->path), it->path, dot + 1);
        alt[n] = buf[n];
        ++n;
    }
    if (it && (m == BI_M_HUGE || m == BI_M_NHUGE)) {
        for (const char *p = strchr(it->path, '['); p && n < BI_MAX_ALT; p = strchr(p + 1, '[')) {
            const int head = (int)(p - it->path);
            const int i = atoi(p + 1);
            const char *close = strchr(p, ']');
            snprintf(buf[n], sizeof buf[n], "%.*s[%d]%s", head, it->path, i + 1, close ? close + 1 : "");
            alt[n] = buf[n];
            ++n;
        }
    }
    /* a NUL is refused where the text is read, which knows the place but not the field */
    if ((m == BI_M_NUL || m == BI_M_NUL_KEY) && n + 2 <= BI_MAX_ALT) {
        snprintf(buf[n], sizeof buf[n], "line %d,", line);
        alt[n] = buf[n];
        ++n;
        snprintf(buf[n], sizeof buf[n], "line %d:", line);
        alt[n] = buf[n];
        ++n;
    }
    bi_must_any(c, alt, n);
}

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

/* The mutated copy of target ti goes to TMP/tI/<its name>, beside links to its neighbours. */
static void copy_place(bi_ctx *x, int ti, char *cfg, size_t len)
{
    char dir[128];
    snprintf(dir, sizeof dir, "%s/t%d", x->tmp, ti);
    struct stat st;
    if (stat(dir, &st) != 0) bi_mirror_dir(targets[ti].base, dir);
    snprintf(cfg, len, "%s/%s", dir, base_name(targets[ti].base));
}

/* Whether mutation m makes a new document from an item of this type. */
static int applies(const cJSON *it, bi_mut m)
{
    switch (m) {
    case BI_M_STRING: return !cJSON_IsString(it);
    case BI_M_NUMBER: return !cJSON_IsNumber(it);
    case BI_M_NULL: return !cJSON_IsNull(it);
    case BI_M_ARRAY: return !cJSON_IsArray(it);
    case BI_M_OBJECT: return !cJSON_IsObject(it);
    case BI_M_BOOL: return !cJSON_IsBool(it);
    case BI_M_HUGE: case BI_M_NHUGE: case BI_M_INF: case BI_M_NINF: case BI_M_NAN: return cJSON_IsNumber(it);
    case BI_M_NUL: return cJSON_IsString(it);
    default: return cJSON_IsObject(it);
    }
}

/* Which mutations a value gets: all of `always` that apply, then `take` of `turns` that
 * apply, the next ones each time (so that every kind meets every type of field). */
typedef struct {
    const bi_mut *always, *turns;
    int n_always, n_turns, take;
} pick;

/* The picks for numbers and for other values, of a full and of a light target. */
typedef struct {
    pick number, other, number_light, other_light;
} plan;

static int picked(const pick *p, const cJSON *item, const char *path, unsigned *turn, bi_mut *out)
{
    int n = 0;
    for (int j = 0; j < p->n_always; ++j)
        if (applies(item, p->always[j]) && !is_valid_mutation(path, p->always[j])) out[n++] = p->always[j];
    bi_mut cand[BI_M_COUNT];
    int nc = 0;
    for (int j = 0; j < p->n_turns; ++j)
        if (applies(item, p->turns[j]) && !is_valid_mutation(path, p->turns[j])) cand[nc++] = p->turns[j];
    for (int j = 0; j < p->take && j < nc; ++j) out[n++] = cand[(*turn)++ % (unsigned)nc];
    return n;
}

static void mutate_target(bi_ctx *x, int ti, const plan *pl)
{
    const target *t = &targets[ti];
    char cfg[256];
    copy_place(x, ti, cfg, sizeof cfg);
    cJSON *doc = bi_load_json(t->base);
    bi_item *items = NULL;
    const int n = bi_items(doc, &items);
    unsigned turn = 0;
    for (int k = -1; k < n; ++k) {
        const char *path = k < 0 ? "" : items[k].path;
        if (k >= 0 && !in_sections(path, t->sections)) continue;
        const cJSON *item = k < 0 ? doc : items[k].item;
        const pick *p = cJSON_IsNumber(item) ? (t->light ? &pl->number_light : &pl->number)
                                             : (t->light ? &pl->other_light : &pl->other);
        bi_mut ms[2 * BI_M_COUNT];
        const int nm = picked(p, item, path, &turn, ms);
        for (int j = 0; j < nm; ++j) {
            const bi_mut m = ms[j];
            /* unknown top-level keys of a configuration are other commands' sections */
            if (k < 0 && m == BI_M_UNKNOWN_KEY && t->sections != WHOLE) continue;
            /* a NUL in a key: the top level and the sections are enough */
            if (m == BI_M_NUL_KEY && (strchr(path, '.') || strchr(path, '['))) continue;
            int line = 0;
            char expect[256];
            char *text = bi_mutate(doc, k, m, &line, expect, sizeof expect);
            if (!text) continue;
            bi_write(cfg, text, strlen(text));
            free(text);
            bi_case c;
            bi_case_init(&c, 2, "%s %s: %s = %s", t->cmd, t->base, k < 0 ? "(top level)" : path, bi_mut_name(m));
            bi_arg(&c, "%s", t->cmd);
            bi_arg(&c, "%s", cfg);
            bi_must(&c, "%s", cfg);
            if (m == BI_M_NAN) c.line = line; /* not JSON: the place, not a field */
            else expect_field(&c, k < 0 ? NULL : &items[k], expect, m, line);
            bi_run(x, &c);
        }
    }
    free(items);
    cJSON_Delete(doc);
}

static void mutate_targets(bi_ctx *x, const plan *pl, int from, int to)
{
    for (int ti = from; ti < to; ++ti) mutate_target(x, ti, pl);
}

#define N(a) (int)(sizeof(a) / sizeof *(a))

/* A wrong type: a number gets a string, null and an array, and in turn an object or a
 * boolean; any other value two of the types it is not, in turn. */
static const bi_mut type_always[] = {BI_M_STRING, BI_M_NULL, BI_M_ARRAY};
static const bi_mut type_turns_number[] = {BI_M_OBJECT, BI_M_BOOL};
static const bi_mut type_turns[] = {BI_M_STRING, BI_M_NUMBER, BI_M_NULL, BI_M_ARRAY, BI_M_OBJECT, BI_M_BOOL};
static const plan types = {
    {type_always, type_turns_number, N(type_always), N(type_turns_number), 1},
    {NULL, type_turns, 0, N(type_turns), 2},
    {NULL, type_turns, 0, N(type_turns), 1},
    {NULL, type_turns, 0, N(type_turns), 1},
};

Test(bad_input, wrong_types_forward_curves)
{
    bi_ctx x;
    bi_begin(&x, "wrong_types_forward_curves");
    mutate_targets(&x, &types, 0, FIRST_FIT);
    bi_end(&x, 400);
}

Test(bad_input, wrong_types_fit_synth_surface_bench_paper)
{
    bi_ctx x;
    bi_begin(&x, "wrong_types_fit_synth_surface_bench_paper");
    mutate_targets(&x, &types, FIRST_FIT, N_TARGETS);
    bi_end(&x, 400);
}

/* ±1e308 (finite, absurd for every quantity here) and NaN (not JSON) in every number, and
 * in turn 1e999 or -1e999 (infinite); of the shipped examples ±1e308 and one of the others. */
static const bi_mut absurd_always[] = {BI_M_HUGE, BI_M_NHUGE, BI_M_NAN};
static const bi_mut absurd_turns[] = {BI_M_INF, BI_M_NINF};
static const bi_mut absurd_always_light[] = {BI_M_HUGE, BI_M_NHUGE};
static const bi_mut absurd_turns_light[] = {BI_M_INF, BI_M_NINF, BI_M_NAN};
static const plan absurd = {
    {absurd_always, absurd_turns, N(absurd_always), N(absurd_turns), 1},
    {NULL, NULL, 0, 0, 0},
    {absurd_always_light, absurd_turns_light, N(absurd_always_light), N(absurd_turns_light), 1},
    {NULL, NULL, 0, 0, 0},
};

Test(bad_input, absurd_numbers_forward_curves)
{
    bi_ctx x;
    bi_begin(&x, "absurd_numbers_forward_curves");
    mutate_targets(&x, &absurd, 0, FIRST_FIT);
    bi_end(&x, 400);
}

Test(bad_input, absurd_numbers_fit_synth_surface_bench_paper)
{
    bi_ctx x;
    bi_begin(&x, "absurd_numbers_fit_synth_surface_bench_paper");
    mutate_targets(&x, &absurd, FIRST_FIT, N_TARGETS);
    bi_end(&x, 250);
}

/* "vgm\u0000junk" must not be read as "vgm", nor "theta_r\u0000x" as the key theta_r;
 * an unknown key and a key given twice are errors in every section. */
static const bi_mut key_always[] = {BI_M_NUL, BI_M_UNKNOWN_KEY, BI_M_DUP_KEY, BI_M_NUL_KEY};
static const plan keys = {
    {NULL, NULL, 0, 0, 0},
    {key_always, NULL, N(key_always), 0, 0},
    {NULL, NULL, 0, 0, 0},
    {key_always, NULL, N(key_always), 0, 0},
};

Test(bad_input, strings_and_keys)
{
    bi_ctx x;
    bi_begin(&x, "strings_and_keys");
    mutate_targets(&x, &keys, 0, N_TARGETS);
    bi_end(&x, 250);
}

/* Required keys, one at a time; `names` lists what the message may name instead of the
 * key itself where the schema offers alternatives ('|' between them). profile.depth and
 * the last layer's bottom are not here: either may be left out for the other
 * (tests/test_grid.c). */
static const struct {
    int target;
    const char *path, *names;
} required[] = {
    {0, "materials", NULL}, {0, "materials.loam.model", NULL}, {0, "materials.loam.theta_r", NULL},
    {0, "materials.loam.theta_s", NULL}, {0, "materials.loam.alpha", NULL}, {0, "materials.loam.n", NULL},
    {0, "materials.loam.Ks", NULL}, {0, "profile", NULL},
    {0, "profile.nodes", NULL}, {0, "profile.ratio", NULL},
    {0, "profile.layers", "profile.layers|profile.material|profile:"},
    {0, "profile.layers[0].material", NULL}, {0, "initial", NULL},
    {0, "initial.type", NULL}, {0, "initial.value", NULL}, {0, "top", NULL}, {0, "top.type", NULL},
    {0, "top.value", "top.value|top.table|top:"}, {0, "bottom", NULL}, {0, "bottom.type", NULL},
    {0, "output", NULL}, {0, "output.times", NULL}, {0, "output.times.end", NULL},
    {0, "output.times.every", NULL},
    {1, "materials.sand.hb", NULL}, {1, "materials.sand.lambda", NULL}, {1, "initial.water_table", NULL},
    {1, "top.table", "top.value|top.table|top:"}, {1, "bottom.table", "bottom.value|bottom.table|bottom:"},
    {2, "materials.sand.A1", NULL}, {2, "materials.sand.gamma", NULL}, {2, "profile.material", "profile.layers|profile.material|profile:"},
    {3, "initial.file", NULL},
    {5, "materials", NULL}, {5, "materials.vgm_loam.model", NULL}, {5, "materials.vgm_loam.Ks", NULL},
    {5, "materials.vgm_ae_clay.n", NULL}, {5, "materials.bc_loam.hb", NULL}, {5, "materials.ch_loam.psi_s", NULL},
    {5, "materials.durner.w1", NULL}, {5, "materials.kosugi.sigma", NULL},
    {5, "materials.kosugi2_hypix.theta_sMacMat", NULL}, {5, "materials.fg2021.psi_m_norm", NULL},
    {5, "materials.pdi_loam.alpha", NULL}, {5, "materials.fxw.m", NULL}, {5, "materials.haverkamp_sand.A1", NULL},
    {5, "materials.gardner.alpha", NULL},
    {6, "fit", NULL}, {6, "fit.parameters", NULL}, {6, "fit.observations", NULL},
    {6, "fit.observations.theta_final.file", NULL}, {6, "fit.observations.v.file", NULL},
    {6, "fit.observations.Q.file", NULL}, {6, "materials", NULL}, {6, "profile", NULL},
    {6, "initial.value", NULL}, {6, "output.times", NULL},
    {7, "fit.two_step", NULL}, {7, "fit.two_step.fix", NULL}, {7, "fit.two_step.step1", NULL},
    {7, "fit.two_step.step2", NULL},
    {8, "materials", NULL}, {8, "profile.depth", NULL}, {8, "top.type", NULL}, {8, "output", NULL},
    {9, "fit", NULL}, {9, "fit.parameters", NULL}, {9, "fit.observations", NULL}, {9, "materials.loam.n", NULL},
    {10, "cases", NULL}, {10, "cases[0].name", NULL}, {10, "cases[0].config", NULL}, {10, "variants", NULL},
    {10, "variants[0].name", NULL}, {10, "variants[0].algorithm", "variants[0].algorithm|variants[0]:"},
    {10, "variants[1].budget.evaluations", NULL}, {10, "budget", NULL},
    {10, "target", NULL}, {10, "target.objective", "target.objective|target.retention_rmse|target:"},
    {11, "cases", NULL}, {11, "cases[0].name", NULL}, {11, "cases[0].config", NULL}, {11, "variants", NULL},
    {11, "variants[0].name", NULL}, {11, "variants[0].algorithm", "variants[0].algorithm|variants[0]:"},
    {11, "budget", NULL}, {11, "target", NULL},
    {11, "target.retention_rmse", "target.objective|target.retention_rmse|target:"},
};

Test(bad_input, missing_required_keys)
{
    bi_ctx x;
    bi_begin(&x, "missing_required_keys");
    for (size_t i = 0; i < sizeof required / sizeof *required; ++i) {
        const target *t = &targets[required[i].target];
        char cfg[256];
        copy_place(&x, required[i].target, cfg, sizeof cfg);
        cJSON *doc = bi_load_json(t->base);
        char *text = bi_remove(doc, required[i].path);
        cJSON_Delete(doc);
        cr_expect_not_null(text, "%s has no %s", t->base, required[i].path);
        if (!text) continue;
        bi_write(cfg, text, strlen(text));
        free(text);
        bi_case c;
        bi_case_init(&c, 2, "%s %s: %s removed", t->cmd, t->base, required[i].path);
        bi_arg(&c, "%s", t->cmd);
        bi_arg(&c, "%s", cfg);
        bi_must(&c, "%s", cfg);
        char names[256];
        snprintf(names, sizeof names, "%s", required[i].names ? required[i].names : required[i].path);
        const char *alt[BI_MAX_ALT];
        int n = 0;
        for (char *save = NULL, *s = strtok_r(names, "|", &save); s && n < BI_MAX_ALT; s = strtok_r(NULL, "|", &save))
            alt[n++] = s;
        bi_must_any(&c, alt, n);
        bi_run(&x, &c);
    }
    bi_end(&x, 80);
}

/* The good configurations themselves run: the cases above fail for their one change. */
Test(bad_input, the_good_configurations_run)
{
    bi_ctx x;
    bi_begin(&x, "good_configurations");
    for (int ti = 0; ti < N_TARGETS; ++ti) {
        bi_case c;
        bi_case_init(&c, 0, "%s %s runs", targets[ti].cmd, targets[ti].base);
        bi_arg(&c, "%s", targets[ti].cmd);
        bi_arg(&c, "%s", targets[ti].base);
        if (!strcmp(targets[ti].cmd, "bench") || !strcmp(targets[ti].cmd, "paper")) {
            bi_arg(&c, "--backend");
            bi_arg(&c, "cpu");
        }
        c.timeout_s = 60;
        bi_run(&x, &c);
    }
    bi_end(&x, N_TARGETS);
}
