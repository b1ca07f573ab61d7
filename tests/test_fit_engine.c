/* The fit as an ask–tell object (shpfit/fit.h): a campaign's run is the `fit` of the
 * same case, variant and seed, bit for bit (its history's columns and best sums; its
 * best point, objectives and stop reason as result.json keeps them), for a one-step
 * run, a two-step run with a polish, and a polish with exact Jacobians (a batch of its
 * own); and the object's contract: the same batch when asked twice, no tell without an
 * ask, an interruption that still evaluates the best point, fits sharing one batch
 * (one of them polishing Σψ) that end as each alone. */
#define _XOPEN_SOURCE 700 /* realpath */
#include <criterion/criterion.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shpfit/config.h"
#include "shpfit/batch.h"
#include "shpfit/fit.h"
#include "test_json_util.h"
#include "test_util.h"

#define BUDGET 48

static const char *const VARIANTS[] = {
    "{\"name\": \"shade\", \"algorithm\": \"shade\", \"population\": 10}",
    "{\"name\": \"two_lm\", \"procedure\": \"two_step\", \"two_step\": {\"fix\": \"theta_s\", \"step1\": "
    "{\"algorithm\": \"shade\", \"population\": 8, \"stop\": {\"generations\": 3}}, \"step2\": {\"algorithm\": "
    "\"pso\", \"population\": 8}}, \"polish\": {\"method\": \"lm\", \"iterations\": 2, \"objective\": "
    "\"squares\"}}",
    "{\"name\": \"vega_exact\", \"algorithm\": \"pso_vega\", \"population\": 8, \"polish\": {\"objective\": "
    "\"squares\", \"jacobian\": \"exact\", \"iterations\": 2}}",
};
#define N_VARIANTS (int)(sizeof VARIANTS / sizeof *VARIANTS)

/* A value read back from result.json against the exact one: cJSON prints 15 digits
 * when they read back within DBL_EPSILON, so a JSON number may differ by that much */
static int json_same(double json, double exact)
{
    return json == exact || fabs(json - exact) <= DBL_EPSILON * fmax(fabs(json), fabs(exact));
}

/* "name=value;…" into names and values (at most max); returns the count. */
static int split_pairs(char *s, char **names, double *values, int max)
{
    int n = 0;
    for (char *save = NULL, *t = strtok_r(s, ";", &save); t && n < max; t = strtok_r(NULL, ";", &save)) {
        char *eq = strchr(t, '=');
        cr_assert_not_null(eq, "pair %s", t);
        *eq = '\0';
        names[n] = t;
        values[n++] = strtod(eq + 1, NULL);
    }
    return n;
}

/* The campaign's history rows of (variant, seed): run evaluations and best sums. */
static int campaign_history(const char *path, const char *variant, long seed, long *ev, double *best, int max)
{
    char *text = tu_slurp(path);
    cr_assert_not_null(text);
    int n = 0;
    char *save = NULL;
    strtok_r(text, "\n", &save); /* header */
    for (char *line; (line = strtok_r(NULL, "\n", &save)) != NULL;) {
        char *f[8];
        cr_assert_eq(tu_csv_split(line, f, 8), 6);
        if (strcmp(f[1], variant) || strtol(f[2], NULL, 10) != seed) continue;
        cr_assert_lt(n, max);
        cr_expect_eq(strtol(f[3], NULL, 10), n + 1, "generations in order");
        ev[n] = strtol(f[4], NULL, 10);
        best[n++] = strtod(f[5], NULL);
    }
    free(text);
    return n;
}

/* The fit's history.csv: its run_evaluations and run_best_sum columns. */
static int fit_history(const char *path, long *ev, double *best, int max)
{
    char *text = tu_slurp(path);
    cr_assert_not_null(text, "%s", path);
    char *save = NULL, *head = strtok_r(text, "\n", &save);
    char *names[64];
    const int nc = tu_csv_split(head, names, 64);
    cr_assert(nc >= 2 && !strcmp(names[nc - 2], "run_evaluations") && !strcmp(names[nc - 1], "run_best_sum"));
    int n = 0;
    for (char *line; (line = strtok_r(NULL, "\n", &save)) != NULL;) {
        char *f[64];
        cr_assert_eq(tu_csv_split(line, f, 64), nc);
        cr_assert_lt(n, max);
        ev[n] = strtol(f[nc - 2], NULL, 10);
        best[n++] = strtod(f[nc - 1], NULL);
    }
    free(text);
    return n;
}

/* The case's config with its fit section's optimizer keys replaced by the variant's,
 * the campaign's budget and the seed: the `fit` a campaign run should be. */
static void write_fit_config(const char *case_config, const char *variant, long seed, const char *out)
{
    cJSON *root = tu_read_json(case_config);
    cJSON *fit = cJSON_GetObjectItem(root, "fit");
    static const char *const drop[] = {"algorithm", "population", "settings", "stop", "procedure",
                                       "two_step", "polish", "budget", "seed"};
    for (size_t k = 0; k < sizeof drop / sizeof *drop; ++k) cJSON_DeleteItemFromObject(fit, drop[k]);
    cJSON *v = cJSON_Parse(variant);
    for (cJSON *it = v->child; it; it = it->next)
        if (strcmp(it->string, "name")) cJSON_AddItemToObject(fit, it->string, cJSON_Duplicate(it, 1));
    cJSON_Delete(v);
    cJSON *b = cJSON_AddObjectToObject(fit, "budget");
    cJSON_AddNumberToObject(b, "evaluations", BUDGET);
    cJSON_AddNumberToObject(fit, "seed", (double)seed);
    tu_write_json(out, root);
}

Test(fit_engine, a_campaign_run_is_the_fit_of_its_case_variant_and_seed, .timeout = 300)
{
    char tmp[64], path[1024], cmd[1400];
    tu_make_tmp(tmp, sizeof tmp, "engine");
    char *abs = realpath("data/fit/loam_fit.json", NULL);
    cr_assert_not_null(abs);
    /* the campaign */
    cJSON *c = cJSON_CreateObject();
    cJSON_AddStringToObject(c, "name", "engine");
    cJSON *cases = cJSON_AddArrayToObject(c, "cases");
    cJSON *cs = cJSON_CreateObject();
    cJSON_AddStringToObject(cs, "name", "loam");
    cJSON_AddStringToObject(cs, "config", abs);
    cJSON_AddBoolToObject(cs, "synth", 1);
    cJSON_AddItemToArray(cases, cs);
    cJSON *vars = cJSON_AddArrayToObject(c, "variants");
    for (int v = 0; v < N_VARIANTS; ++v) cJSON_AddItemToArray(vars, cJSON_Parse(VARIANTS[v]));
    cJSON_AddItemToObject(c, "seeds", cJSON_Parse("[1, 2]"));
    cJSON_AddItemToObject(c, "budget", cJSON_Parse("{\"evaluations\": 48}"));
    cJSON_AddItemToObject(c, "target", cJSON_Parse("{\"objective\": 1e-12}"));
    cJSON_AddBoolToObject(c, "stop_at_target", 0);
    snprintf(path, sizeof path, "%s/campaign.json", tmp);
    tu_write_json(path, c);
    free(abs);
    snprintf(cmd, sizeof cmd, "SHPFIT_GNUPLOT= " SHPFIT " bench %s/campaign.json --out %s/b > %s/bench.txt 2>&1", tmp, tmp, tmp);
    cr_assert_eq(tu_run("%s", cmd), 0, "bench failed: see %s/bench.txt", tmp);

    snprintf(path, sizeof path, "%s/b/runs.csv", tmp);
    char *runs = tu_slurp(path);
    cr_assert_not_null(runs);
    int rows = 0;
    char *save = NULL;
    strtok_r(runs, "\n", &save);
    for (char *line; (line = strtok_r(NULL, "\n", &save)) != NULL; ++rows) {
        char *f[20];
        cr_assert_eq(tu_csv_split(line, f, 20), 17);
        const char *variant = f[1];
        const long seed = strtol(f[2], NULL, 10);
        int v = 0;
        while (v < N_VARIANTS && !strstr(VARIANTS[v], variant)) ++v;
        cr_assert_lt(v, N_VARIANTS, "variant %s", variant);
        /* the same fit, by `shpfit fit` */
        char config[1024], out[900];
        snprintf(config, sizeof config, "%s/b/cases/loam/fit_%s_%ld.json", tmp, variant, seed);
        snprintf(out, sizeof out, "%s/f_%s_%ld", tmp, variant, seed);
        snprintf(path, sizeof path, "%s/b/cases/loam/config.json", tmp);
        write_fit_config(path, VARIANTS[v], seed, config);
        cr_assert_eq(tu_run("SHPFIT_GNUPLOT= " SHPFIT " fit %s --out %s > %s.txt 2>&1", config, out, out), 0, "fit failed: %s.txt",
                     out);
        snprintf(path, sizeof path, "%s/result.json", out);
        cJSON *res = tu_read_json(path);
        /* its best point and every objective there, exactly */
        char *names[16];
        double val[16];
        const int np = split_pairs(f[16], names, val, 16);
        cJSON *params = cJSON_GetObjectItem(res, "parameters");
        cr_assert_eq(np, cJSON_GetArraySize(params));
        for (int k = 0; k < np; ++k) {
            const cJSON *p = cJSON_GetObjectItem(params, names[k]);
            cr_assert_not_null(p, "%s", names[k]);
            cr_expect(json_same(p->valuedouble, val[k]), "%s seed %ld: %s %.17g (campaign) vs %.17g (fit)", variant,
                      seed, names[k], val[k], p->valuedouble);
        }
        const int no = split_pairs(f[15], names, val, 16);
        cJSON *objs = cJSON_GetObjectItem(res, "objectives");
        for (int k = 0; k < no; ++k)
            cr_expect(json_same(cJSON_GetObjectItem(objs, names[k])->valuedouble, val[k]), "%s seed %ld: objective %s",
                      variant, seed, names[k]);
        cJSON *steps = cJSON_GetObjectItem(res, "steps");
        const cJSON *last = cJSON_GetArrayItem(steps, cJSON_GetArraySize(steps) - 1);
        cr_expect_str_eq(cJSON_GetObjectItem(last, "stop_reason")->valuestring, f[9], "%s seed %ld", variant, seed);
        cJSON_Delete(res);
        /* and its history: the same generations, columns and best sums */
        long ec[512], ef[512];
        double bc[512], bf[512];
        snprintf(path, sizeof path, "%s/b/history.csv", tmp);
        const int nc = campaign_history(path, variant, seed, ec, bc, 512);
        snprintf(path, sizeof path, "%s/history.csv", out);
        const int nf = fit_history(path, ef, bf, 512);
        cr_expect_eq(nc, nf, "%s seed %ld: %d generations (campaign) vs %d (fit)", variant, seed, nc, nf);
        for (int g = 0; g < nc && g < nf; ++g) {
            cr_expect_eq(ec[g], ef[g], "%s seed %ld generation %d: columns", variant, seed, g + 1);
            cr_expect_eq(bc[g], bf[g], "%s seed %ld generation %d: best sum", variant, seed, g + 1);
        }
        cr_expect_gt(nc, 0);
    }
    cr_expect_eq(rows, 2 * N_VARIANTS);
    free(runs);
    tu_remove_tree(tmp);
}

/* ------------------------------------------------------------------ the contract */

static shp_problem *synth_problem(char *tmp, size_t len)
{
    char err[1024], path[512];
    tu_make_tmp(tmp, len, "engine_api");
    snprintf(path, sizeof path, "%s/loam_fit.json", tmp);
    cr_assert_eq(tu_run("cp data/fit/loam_fit.json %s && " SHPFIT " synth %s --out %s/obs > /dev/null 2>&1", path,
                        path, tmp),
                 0);
    shp_problem *pb = NULL;
    cr_assert_eq(shp_problem_load(path, &pb, err, sizeof err), SHP_OK, "%s", err);
    return pb;
}

static shp_fit_options small_options(const shp_problem *pb, long seed)
{
    char err[1024];
    shp_fit_options opt;
    cr_assert_eq(shp_fit_options_load(pb, seed, &opt, err, sizeof err), SHP_OK, "%s", err);
    opt.step[0].settings.pop_size = 8;
    opt.step[0].stop.max_generations = 4;
    return opt;
}

Test(fit_engine, asks_repeat_until_told_and_a_tell_needs_an_ask, .timeout = 60)
{
    char tmp[64];
    shp_problem *pb = synth_problem(tmp, sizeof tmp);
    const shp_fit_options opt = small_options(pb, 3);
    shp_fit *fit = NULL;
    cr_assert_eq(shp_fit_create(pb, &opt, &fit), SHP_OK);
    const int dim = shp_problem_dim(pb), nobj = shp_problem_n_obj(pb);
    double f[8 * 4];
    int ok[8];
    cr_expect_eq(shp_fit_tell(fit, f, ok, NULL, NULL, 0.0), SHP_ERR_INVALID, "a tell before any ask");
    shp_fit_request a, b;
    cr_assert_eq(shp_fit_ask(fit, &a), SHP_OK);
    cr_assert_eq(a.n, 8);
    cr_expect_eq(a.need, SHP_FIT_NEED_OBJECTIVES);
    double first[8 * 16];
    memcpy(first, a.u, (size_t)a.n * dim * sizeof *first);
    cr_assert_eq(shp_fit_ask(fit, &b), SHP_OK);
    cr_assert_eq(b.n, a.n);
    cr_expect_eq(memcmp(first, b.u, (size_t)a.n * dim * sizeof *first), 0, "asked twice: the same batch");
    for (int i = 0; i < a.n; ++i) {
        ok[i] = 1;
        for (int k = 0; k < nobj; ++k) f[i * nobj + k] = 1.0 + i + k;
    }
    cr_expect_eq(shp_fit_tell(fit, f, ok, NULL, NULL, 0.5), SHP_OK);
    cr_expect_eq(shp_fit_tell(fit, f, ok, NULL, NULL, 0.5), SHP_ERR_INVALID, "told twice");
    int n = 0;
    const shp_fit_history *h = shp_fit_history_lines(fit, &n);
    cr_assert_eq(n, 1);
    cr_expect_eq(h[0].run_evaluations, 8);
    cr_expect_eq(h[0].best_sum, 1.0 + 2.0 + 3.0, "the least Σ of every objective told: %g", h[0].best_sum);
    cr_expect_eq(h[0].wall_s, 0.5, "the fit's clock is the seconds told");
    shp_fit_result res;
    cr_expect_eq(shp_fit_get_result(fit, &res), SHP_ERR_INVALID, "no result before the end");
    shp_fit_destroy(fit);
    shp_problem_destroy(pb);
    tu_remove_tree(tmp);
}

/* Drive fits to their end on one backend; with `together`, every round's batches of
 * all of them are evaluated as one. */
static void drive(shp_problem *pb, shp_backend *be, shp_fit **fits, int n, int together)
{
    const int dim = shp_problem_dim(pb), nobj = shp_problem_n_obj(pb), m = shp_problem_n_residuals(pb);
    const int cap = 4096;
    double *U = malloc(sizeof *U * (size_t)cap * dim), *F = malloc(sizeof *F * (size_t)cap * nobj);
    double *R = malloc(sizeof *R * (size_t)cap * m), *J = malloc(sizeof *J * (size_t)64 * m * dim);
    int *OK = malloc(sizeof *OK * (size_t)cap);
    /* a request evaluated on its own keeps to its own buffers: the shared batch's are
     * still to be told */
    double *F1 = malloc(sizeof *F1 * (size_t)cap * nobj), *R1 = malloc(sizeof *R1 * (size_t)cap * m);
    int *OK1 = malloc(sizeof *OK1 * (size_t)cap);
    for (int active = n; active > 0;) {
        active = 0;
        shp_fit_request rq[8];
        int off = 0;
        for (int i = 0; i < n; ++i) {
            cr_assert_eq(shp_fit_ask(fits[i], &rq[i]), SHP_OK, "%s", shp_fit_errmsg(fits[i]));
            active += rq[i].n > 0;
            if (together && rq[i].n > 0 && rq[i].need != SHP_FIT_NEED_JACOBIAN) {
                memcpy(U + (long)off * dim, rq[i].u, sizeof *U * (size_t)rq[i].n * dim);
                off += rq[i].n;
            }
        }
        if (together && off > 0) {
            const shp_fit_request all = {off, U, SHP_FIT_NEED_RESIDUALS};
            cr_assert_eq(shp_fit_evaluate(pb, be, &all, F, OK, R, NULL), SHP_OK);
        }
        off = 0;
        for (int i = 0; i < n; ++i) {
            if (rq[i].n == 0) continue;
            if (!together || rq[i].need == SHP_FIT_NEED_JACOBIAN) {
                cr_assert_eq(shp_fit_evaluate(pb, be, &rq[i], F1, OK1, R1, J), SHP_OK);
                cr_assert_eq(shp_fit_tell(fits[i], F1, OK1, R1, J, 0.0), SHP_OK, "%s", shp_fit_errmsg(fits[i]));
                continue;
            }
            cr_assert_eq(shp_fit_tell(fits[i], F + (long)off * nobj, OK + off, R + (long)off * m, NULL, 0.0),
                         SHP_OK, "%s", shp_fit_errmsg(fits[i]));
            off += rq[i].n;
        }
    }
    free(U);
    free(F);
    free(R);
    free(J);
    free(OK);
    free(F1);
    free(R1);
    free(OK1);
}

Test(fit_engine, fits_sharing_one_batch_end_as_each_alone, .timeout = 120)
{
    char tmp[64];
    shp_problem *pb = synth_problem(tmp, sizeof tmp);
    shp_backend *be = shp_backend_cpu_create(0);
    const int dim = shp_problem_dim(pb);
    shp_fit *alone[3], *shared[3];
    for (int i = 0; i < 3; ++i) {
        shp_fit_options opt = small_options(pb, 10 + i);
        opt.polish = i == 1; /* one of them polishes: its rounds share the batch too */
        opt.lm.max_iterations = 2;
        cr_assert_eq(shp_fit_create(pb, &opt, &alone[i]), SHP_OK);
        cr_assert_eq(shp_fit_create(pb, &opt, &shared[i]), SHP_OK);
    }
    for (int i = 0; i < 3; ++i) drive(pb, be, &alone[i], 1, 0);
    drive(pb, be, shared, 3, 1);
    for (int i = 0; i < 3; ++i) {
        shp_fit_result a, b;
        cr_assert_eq(shp_fit_get_result(alone[i], &a), SHP_OK);
        cr_assert_eq(shp_fit_get_result(shared[i], &b), SHP_OK);
        cr_expect_eq(memcmp(a.u_best, b.u_best, sizeof *a.u_best * (size_t)dim), 0, "fit %d: best point", i);
        cr_expect_eq(a.n_history, b.n_history);
        for (int g = 0; g < a.n_history && g < b.n_history; ++g)
            cr_expect_eq(a.history[g].best_sum, b.history[g].best_sum, "fit %d, generation %d", i, g + 1);
        cr_expect_eq(a.uncertainty.status, b.uncertainty.status);
        cr_expect_eq(a.uncertainty.se[0], b.uncertainty.se[0]);
        cr_expect_eq(a.polish.evaluations, b.polish.evaluations);
        shp_fit_result_free(&a);
        shp_fit_result_free(&b);
        shp_fit_destroy(alone[i]);
        shp_fit_destroy(shared[i]);
    }
    shp_backend_destroy(be);
    shp_problem_destroy(pb);
    tu_remove_tree(tmp);
}

Test(fit_engine, an_interruption_ends_the_fit_and_still_scores_its_best_point, .timeout = 60)
{
    char tmp[64];
    shp_problem *pb = synth_problem(tmp, sizeof tmp);
    shp_backend *be = shp_backend_cpu_create(0);
    shp_fit_options opt = small_options(pb, 5);
    opt.polish = 1;      /* which the interruption skips */
    opt.skip_pareto = 1; /* the archive would be one more batch */
    shp_fit *fit = NULL;
    cr_assert_eq(shp_fit_create(pb, &opt, &fit), SHP_OK);
    const int nobj = shp_problem_n_obj(pb);
    double f[64], r[64 * 64];
    int ok[64];
    shp_fit_request rq;
    cr_assert_eq(shp_fit_ask(fit, &rq), SHP_OK);
    cr_assert_eq(shp_fit_evaluate(pb, be, &rq, f, ok, r, NULL), SHP_OK);
    cr_assert_eq(shp_fit_tell(fit, f, ok, r, NULL, 0.0), SHP_OK);
    shp_fit_interrupt(fit, SHP_STOP_TARGET);
    int asks = 0;
    while (shp_fit_ask(fit, &rq) == SHP_OK && rq.n > 0) {
        cr_expect_eq(rq.n, 1, "only the best point (and its Jacobian) after the interruption");
        static double J[64 * 64 * 16];
        cr_assert_eq(shp_fit_evaluate(pb, be, &rq, f, ok, r, J), SHP_OK);
        cr_assert_eq(shp_fit_tell(fit, f, ok, r, J, 0.0), SHP_OK);
        ++asks;
    }
    cr_expect_eq(asks, 2, "the best point, then its uncertainty");
    cr_expect(shp_fit_done(fit));
    shp_fit_result res;
    cr_assert_eq(shp_fit_get_result(fit, &res), SHP_OK, "%s", shp_fit_errmsg(fit));
    cr_expect_eq(res.why[0], SHP_STOP_TARGET);
    cr_expect_eq(res.generations[0], 1);
    cr_expect(!res.polish.done, "no polish after an interruption");
    double sum = 0.0;
    for (int k = 0; k < nobj; ++k) sum += res.f_best[k];
    cr_expect(isfinite(sum) && sum == res.history[0].best_sum, "the best point scored: %g vs %g", sum,
              res.history[0].best_sum);
    shp_fit_result_free(&res);
    shp_fit_destroy(fit);
    shp_backend_destroy(be);
    shp_problem_destroy(pb);
    tu_remove_tree(tmp);
}
