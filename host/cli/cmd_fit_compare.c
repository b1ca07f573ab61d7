/* shpfit fit CONFIG.json with "fit.compare": the same curve data fitted with each model
 * listed, ranked by AIC, AICc and BIC (as SWRC Fit does; Seki 2007). Each model's fit
 * is a whole `fit` run of its own (DIR/<model>/: result.json, curves, plots) from a copy
 * of the config whose single material takes that model; DIR/models.csv and
 * DIR/compare.json rank them, DIR/models_retention.png draws them over the data. All
 * files appear at once when every fit has finished (io/stage.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#ifdef _OPENMP
#include <omp.h>
#endif

#include "config/loaders.h"
#include "cli/cli.h"
#include "config/cfg_json.h"
#include "output/compare_output.h"
#include "output/fit_output.h"
#include "io/fs.h"
#include "output/stage.h"
#include "plot/plot.h"
#include "shpfit/fit.h"
#include "shpfit/models.h"

typedef struct {
    const char *model[SHP_COMPARE_MAX]; /* registry names, distinct */
    int n;
    const char *material;
} compare_spec;

static int fail(const char *config, const char *field, const char *msg)
{
    fprintf(stderr, "shpfit: %s: %s: %s\n", config, field, msg);
    return SHP_EXIT_USAGE;
}

/* fit.compare: 1 to SHP_COMPARE_MAX known models; one material; no fit.parameters (each
 * model frees what its material leaves out) and no fit.truth (one model's values). */
static int read_spec(const char *config, const cJSON *root, compare_spec *s)
{
    const cJSON *fit = cJSON_GetObjectItemCaseSensitive(root, "fit");
    const cJSON *cmp = cJSON_GetObjectItemCaseSensitive(fit, "compare");
    if (!cJSON_IsArray(cmp) || cJSON_GetArraySize(cmp) < 1 || cJSON_GetArraySize(cmp) > SHP_COMPARE_MAX) {
        char msg[96];
        snprintf(msg, sizeof msg, "expected an array of 1 to %d model names", SHP_COMPARE_MAX);
        return fail(config, "fit.compare", msg);
    }
    s->n = 0;
    for (const cJSON *it = cmp->child; it; it = it->next) {
        char field[64], msg[700], names[512];
        snprintf(field, sizeof field, "fit.compare[%d]", s->n);
        const shp_model_desc *d = cJSON_IsString(it) ? shp_model_find(it->valuestring) : NULL;
        if (!d) {
            char dym[96];
            cfg_did_you_mean(dym, sizeof dym, cJSON_IsString(it) ? cfg_suggest_model(it->valuestring) : NULL);
            snprintf(msg, sizeof msg, "unknown model %s%s%s (%svalid: %s)", cJSON_IsString(it) ? "\"" : "",
                     cJSON_IsString(it) ? it->valuestring : "(not a string)", cJSON_IsString(it) ? "\"" : "", dym,
                     shp_model_names(names, sizeof names));
            return fail(config, field, msg);
        }
        for (int j = 0; j < s->n; ++j)
            if (!strcmp(s->model[j], d->name)) {
                snprintf(msg, sizeof msg, "model %s given twice", d->name);
                return fail(config, field, msg);
            }
        s->model[s->n++] = d->name;
    }
    if (cJSON_GetObjectItemCaseSensitive(fit, "parameters"))
        return fail(config, "fit.parameters",
                    "not with fit.compare: each model fits the parameters its material leaves out (give a value "
                    "to hold one)");
    if (cJSON_GetObjectItemCaseSensitive(fit, "truth"))
        return fail(config, "fit.truth", "not with fit.compare: a truth is one model's parameters");
    const cJSON *os = cJSON_GetObjectItemCaseSensitive(fit, "observations");
    for (const cJSON *it = cJSON_IsObject(os) ? os->child : NULL; it; it = it->next)
        if (it->string[0] != '_' && strcmp(it->string, "retention") != 0 && strcmp(it->string, "conductivity") != 0)
            return fail(config, "fit.compare", "only for fits to retention and conductivity data (the observations "
                                               "here need a column)");
    const cJSON *ms = cJSON_GetObjectItemCaseSensitive(root, "materials");
    s->material = NULL;
    int count = 0;
    for (const cJSON *it = cJSON_IsObject(ms) ? ms->child : NULL; it; it = it->next)
        if (it->string[0] != '_') {
            s->material = it->string;
            ++count;
        }
    if (count != 1)
        return fail(config, "materials", "fit.compare needs exactly one material (the one the data belong to)");
    return SHP_EXIT_OK;
}

/* The config for one model: the material takes it and keeps only the values that model
 * has (a value held in one model is held in every model that has the parameter). */
static cJSON *config_for(const cJSON *root, const compare_spec *s, const char *model)
{
    cJSON *doc = cJSON_Duplicate(root, 1);
    if (!doc) return NULL;
    cJSON_DeleteItemFromObjectCaseSensitive(cJSON_GetObjectItemCaseSensitive(doc, "fit"), "compare");
    cJSON *mat = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(doc, "materials"), s->material);
    const shp_model_desc *d = shp_model_find(model);
    for (cJSON *it = mat->child, *next; it; it = next) {
        next = it->next;
        if (it->string[0] != '_' && strcmp(it->string, "model") != 0 && strcmp(it->string, "Ss") != 0 &&
            shp_model_param_index(d, it->string) < 0)
            cJSON_DeleteItemFromObjectCaseSensitive(mat, it->string);
    }
    cJSON *name = cJSON_CreateString(model);
    if (!name || (cJSON_GetObjectItemCaseSensitive(mat, "model") ? !cJSON_ReplaceItemInObjectCaseSensitive(mat, "model", name)
                                                                 : !cJSON_AddItemToObject(mat, "model", name))) {
        cJSON_Delete(doc);
        return NULL;
    }
    return doc;
}

/* The observations of one kind, copied out of the problem for the plot (it is freed
 * before the plot is drawn). */
typedef struct {
    double *h, *y;
    int n;
} obs_copy;

/* The config's units, as its problem read them. */
typedef struct {
    char length[4], time[4];
    double cm_per_length;
} units;

static void copy_obs(shp_problem *pb, int kind, obs_copy *c)
{
    const double *x, *x2, *obs, *sim;
    const int n = shp_problem_series(pb, kind, &x, &x2, &obs, &sim);
    if (n <= 0 || c->n > 0) return;
    c->h = malloc((size_t)n * sizeof *c->h);
    c->y = malloc((size_t)n * sizeof *c->y);
    if (!c->h || !c->y) return;
    memcpy(c->h, x, (size_t)n * sizeof *x);
    memcpy(c->y, obs, (size_t)n * sizeof *obs);
    c->n = n;
}

/* One model's fit into dir/<model>/ and its row f. SHP_OK, also when the fit itself
 * failed (f->status says so); otherwise a load or write error in err, for the caller to
 * report (*usage: the config is at fault). */
static int fit_one(const char *config, const cJSON *root, const compare_spec *s, int i, long long seed,
                   shp_backend *be, const shp_fit_run_info *info, const char *dir, shp_model_fit *f,
                   obs_copy obs[2], units *u, int *usage, char *err, size_t len)
{
    memset(f, 0, sizeof *f);
    f->model = s->model[i];
    shp_problem *pb = NULL;
    cJSON *doc = config_for(root, s, s->model[i]);
    if (!doc) {
        snprintf(err, len, "out of memory");
        return SHP_ERR_NOMEM;
    }
    char why[SHP_MSG_MAX - 64]; /* room for the model's name before it */
    *usage = 1;
    if (shp_problem_load_json(config, doc, &pb, why, sizeof why) != SHP_OK) {
        snprintf(err, len, "model %s: %s", f->model, why);
        return SHP_ERR_CONFIG;
    }
    const shp_forward_problem *fp = shp_problem_forward(pb);
    snprintf(u->length, sizeof u->length, "%s", shp_forward_length_unit(fp));
    snprintf(u->time, sizeof u->time, "%s", shp_forward_time_unit(fp));
    u->cm_per_length = shp_forward_cm_per_length(fp);
    shp_fit_options opt;
    int rc = SHP_OK;
    if (shp_fit_options_load(pb, seed, &opt, why, sizeof why) != SHP_OK) {
        snprintf(err, len, "model %s: %s", f->model, why);
        rc = SHP_ERR_CONFIG;
    }
    if (rc != SHP_OK) {
        shp_problem_destroy(pb);
        return rc;
    }
    *usage = 0;
    shp_fit_result res;
    f->status = shp_fit_run(pb, be, &opt, NULL, NULL, &res, f->message, sizeof f->message);
    char sub[SHP_PATH_MAX];
    if (f->status == SHP_OK) {
        if (shp_path_join(sub, sizeof sub, dir, f->model) != 0) {
            snprintf(err, len, "%s/%s: path too long", dir, f->model);
            rc = SHP_ERR_IO;
        }
        if (rc == SHP_OK) rc = shp_mkdir_p(sub, err, len);
        if (rc == SHP_OK) rc = shp_fit_write_all(sub, pb, be, &opt, &res, info, err, len);
        shp_plot_files pf;
        const char *gp = shp_plot_program();
        if (rc == SHP_OK) rc = shp_plot_fit(sub, pb, &opt, &res, &pf, err, len);
        if (rc == SHP_OK && gp) rc = shp_plot_run(gp, sub, "fit_plots.gp", "plot.log", err, len);
    }
    if (f->status == SHP_OK && rc == SHP_OK) { /* the problem holds the best's series (write_all) */
        for (int k = 0; k < shp_problem_n_obj(pb) && f->n_kinds < 2; ++k) {
            const int kind = shp_problem_obj_kind(pb, k);
            if (shp_problem_metrics(pb, kind, &f->m[f->n_kinds]) == SHP_OK) f->kind[f->n_kinds++] = kind;
        }
        f->dim = shp_problem_dim(pb);
        for (int j = 0; j < f->dim; ++j) {
            snprintf(f->name[j], sizeof f->name[j], "%s", shp_problem_var_name(pb, j));
            shp_problem_var_units(pb, j, f->unit[j], sizeof f->unit[j]);
            f->value[j] = shp_problem_var_value(pb, j, res.u_best[j]);
        }
        f->unc = res.uncertainty;
        shp_material *mats = malloc((size_t)shp_forward_n_materials(fp) * sizeof *mats);
        if (mats && shp_problem_materials(pb, res.u_best, mats, NULL, 0) == SHP_OK) f->mat = mats[0];
        free(mats);
        f->k_known = shp_problem_k_determined(pb, 0);
        copy_obs(pb, SHP_OBS_RETENTION, &obs[0]);
        copy_obs(pb, SHP_OBS_CONDUCTIVITY, &obs[1]);
    }
    if (f->status == SHP_OK) shp_fit_result_free(&res);
    shp_problem_destroy(pb);
    return rc;
}

static void print_table(const char *config, const char *out, const shp_model_fit *f, const int *order, int n)
{
    printf("shpfit fit %s -> %s (%d models compared)\n", config, out, n);
    printf("  %-16s %3s %11s %11s %11s %8s %7s %9s %10s\n", "model", "k", "AIC", "AICc", "BIC", "dAICc", "weight",
           "R2", "RMSE");
    for (int o = 0; o < n; ++o) {
        const shp_model_fit *m = &f[order[o]];
        if (m->status != SHP_OK) {
            printf("  %-16s failed: %s\n", m->model, m->message);
            continue;
        }
        int at = 0;
        for (int j = 0; j < m->dim; ++j) at += m->unc.status == SHP_OK && m->unc.at_bound[j] != 0;
        printf("  %-16s %3d %11.4f %11.4f %11.4f %8.3f %7.3f %9.6f %10.4g%s\n", m->model, m->cr.k, m->cr.aic,
               m->cr.aicc, m->cr.bic, m->delta_aicc, m->weight, m->m[0].nse, m->m[0].rmse,
               at ? "  (parameters at a bound)" : "");
    }
    const char *best[3] = {"-", "-", "-"};
    for (int i = 0; i < n; ++i) {
        if (f[i].rank_aic == 1) best[0] = f[i].model;
        if (f[i].rank_aicc == 1) best[1] = f[i].model;
        if (f[i].rank_bic == 1) best[2] = f[i].model;
    }
    printf("  lowest             AIC %s, AICc %s, BIC %s (R2 and RMSE of %s)\n", best[0], best[1], best[2],
           f[order[0]].n_kinds ? shp_obs_name(f[order[0]].kind[0]) : "-");
}

int shp_cli_fit_compare(const char *config, cJSON *root, const char *out, long long seed, long long threads,
                        const char *backend)
{
    compare_spec s;
    int code = read_spec(config, root, &s);
    if (code != SHP_EXIT_OK) {
        cJSON_Delete(root);
        return code;
    }
    char err[SHP_MSG_MAX];
    shp_backend *be = shp_backend_create(backend, (int)threads, err, sizeof err);
    if (!be) {
        fprintf(stderr, "shpfit: fit: --backend: %s\n", err);
        cJSON_Delete(root);
        return SHP_EXIT_USAGE;
    }
#ifdef _OPENMP
    const int nthreads = threads > 0 ? (int)threads : omp_get_max_threads();
#else
    const int nthreads = 1;
#endif
    const shp_fit_run_info info = {shp_backend_name(be), nthreads};
    shp_model_fit *f = calloc((size_t)s.n, sizeof *f);
    obs_copy obs[2] = {{0}};
    shp_stage *st = NULL;
    int rc = f ? shp_stage_begin(out, &st, err, sizeof err) : SHP_ERR_NOMEM;
    int usage = 0, fitted = 0;
    units u = {"cm", "min", 1.0};
    for (int i = 0; i < s.n && rc == SHP_OK; ++i) {
        rc = fit_one(config, root, &s, i, seed, be, &info, shp_stage_dir(st), &f[i], obs, &u, &usage, err, sizeof err);
        fitted += rc == SHP_OK && f[i].status == SHP_OK;
        if (rc == SHP_OK && f[i].status != SHP_OK)
            fprintf(stderr, "shpfit: fit: model %s: %s\n", f[i].model, f[i].message);
    }
    int order[SHP_COMPARE_MAX];
    shp_plot_files pf = {0};
    char plot_err[SHP_MSG_MAX] = "";
    int prc = SHP_OK;
    if (rc == SHP_OK && fitted == 0) {
        snprintf(err, sizeof err, "no model could be fitted");
        rc = SHP_ERR_INVALID;
    }
    if (rc == SHP_OK) {
        shp_compare_rank(f, s.n);
        shp_compare_order(f, s.n, order);
        rc = shp_compare_write(shp_stage_dir(st), config, root, f, order, s.n, u.length, u.time, err, sizeof err);
        const shp_plot_models_in pin = {f, order, s.n, obs[0].h, obs[0].y, obs[0].n, obs[1].h, obs[1].y, obs[1].n,
                                        u.cm_per_length, u.length, u.time, shp_plot_base_name(config)};
        if (rc == SHP_OK) rc = shp_plot_models(shp_stage_dir(st), &pin, &pf, err, sizeof err);
        const char *gp = shp_plot_program();
        if (rc == SHP_OK && gp) prc = shp_plot_run(gp, shp_stage_dir(st), "models_plots.gp", "plot.log", plot_err, sizeof plot_err);
    }
    if (rc == SHP_OK) {
        static const char *const names[] = {"models.csv", "compare.json", "models_curves.csv", "models_plots.gp",
                                            "models_retention.png", "models_conductivity.png", "plot.log", NULL};
        rc = shp_stage_commit(st, names, err, sizeof err);
        st = NULL;
    }
    shp_stage_abort(st);
    if (rc != SHP_OK) {
        fprintf(stderr, "shpfit: fit: %s\n", err);
        code = usage ? SHP_EXIT_USAGE : SHP_EXIT_FAILURE;
    } else {
        print_table(config, out, f, order, s.n);
        if (prc != SHP_OK) {
            fprintf(stderr, "shpfit: fit: plots failed: %s (the result files are complete)\n", plot_err);
            code = SHP_EXIT_FAILURE;
        } else {
            printf("shpfit fit: ranking in %s/models.csv and compare.json; each model's fit in %s/<model>/\n", out, out);
        }
    }
    for (int k = 0; k < 2; ++k) {
        free(obs[k].h);
        free(obs[k].y);
    }
    free(f);
    shp_backend_destroy(be);
    cJSON_Delete(root);
    return code;
}
