/* Synthetic observations (synth/synth.h). */
#include "synth/synth.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "config/cfg_json.h"
#include "config/cfg_sections.h"
#include "io/fs.h"
#include "output/stage.h"
#include "io/json_file.h"
#include "shpfit/forward.h"
#include "shpfit/problem.h"
#include "shpfit/rng.h"
#include "shpfit/version.h"

/* The series synth can write, in file order. */
enum { S_THETA_FINAL, S_V, S_Q, S_THETA_T, S_THETA_INITIAL, S_RETENTION, S_CONDUCTIVITY, S_COUNT };
static const char *const series_names[S_COUNT + 1] = {
    "theta_final", "v", "Q", "theta_t", "theta_initial", "retention", "conductivity", NULL};

typedef struct {
    int want[S_COUNT];
    double *times, *depths, *tdepths, *heads;
    int n_times, n_depths, n_tdepths, n_heads;
    int mat;
    int v_instant; /* v: the surface flux at each time, not the mean since the last */
    double offset[S_COUNT], noise[S_COUNT], noise_rel[S_COUNT];
    uint64_t seed;
    const cJSON *section;
    shp_forward_problem *ref; /* synth.reference: the run the observations come from */
    double ref_refine;
} synth_spec;

static void spec_free(synth_spec *s)
{
    shp_forward_destroy(s->ref);
    free(s->times);
    free(s->depths);
    free(s->tdepths);
    free(s->heads);
}

static int copy_array(const double *src, int n, double **dst, int *nd)
{
    *dst = malloc((size_t)(n ? n : 1) * sizeof **dst);
    if (!*dst) return -1;
    if (n > 0) memcpy(*dst, src, (size_t)n * sizeof **dst); /* src may be NULL when n is 0 */
    *nd = n;
    return 0;
}

/* An array of numbers at key, strictly increasing, or leave the default. */
static int opt_array(const cfg_ctx *c, const cJSON *obj, const char *key, double **out, int *n)
{
    const cJSON *a = cfg_child(obj, key);
    if (!a) return SHP_OK;
    char p[CFG_PATH_MAX];
    cfg_path(p, sizeof p, "synth", key);
    free(*out);
    *out = NULL;
    CFG_TRY(cfg_number_array(c, a, p, out, n));
    return SHP_OK;
}

/* {"name": number, …} over the series names into v[]. */
static int per_series(const cfg_ctx *c, const cJSON *obj, const char *key, double *v)
{
    const cJSON *o = cfg_child(obj, key);
    if (!o) return SHP_OK;
    char p[CFG_PATH_MAX];
    cfg_path(p, sizeof p, "synth", key);
    if (!cJSON_IsObject(o)) return cfg_fail(c, p, "expected an object, got %s", cfg_type_name(o));
    CFG_TRY(cfg_check_keys(c, o, p, series_names));
    for (int k = 0; k < S_COUNT; ++k) CFG_TRY(cfg_number(c, o, p, series_names[k], 0, &v[k], NULL));
    return SHP_OK;
}

/* synth.reference {"refine": f, "solver": {...}}: the same config with its grid refined
 * f times more (profile.refine × f) and the given solver keys in place of the config's,
 * so that observations come from a converged run rather than the grid and tolerances a
 * fit of them uses (a fit of data from its own grid cannot show that grid's error). */
static int load_reference(const cfg_ctx *c, const shp_forward_problem *fp, const cJSON *ref,
                          synth_spec *s)
{
    static const char *const keys[] = {"refine", "solver", NULL};
    const char *P = "synth.reference";
    if (!cJSON_IsObject(ref)) return cfg_fail(c, P, "expected an object, got %s", cfg_type_name(ref));
    CFG_TRY(cfg_check_keys(c, ref, P, keys));
    double f = 1.0;
    CFG_TRY(cfg_number(c, ref, P, "refine", 0, &f, NULL));
    CFG_TRY(cfg_require_ge(c, "synth.reference.refine", f, 1.0));
    const cJSON *so = cfg_child(ref, "solver");
    if (so && !cJSON_IsObject(so))
        return cfg_fail(c, "synth.reference.solver", "expected an object, got %s", cfg_type_name(so));
    if (so) CFG_TRY(cfg_check_duplicates(c, so, "synth.reference.solver"));
    /* the config as parsed (no second read of the file); it was checked already: profile
     * is an object, solver absent or one */
    cJSON *root = cJSON_Duplicate(shp_forward_config(fp), 1);
    if (!root) return cfg_fail(c, P, "out of memory");
    cJSON *pr = cJSON_GetObjectItemCaseSensitive(root, "profile");
    const cJSON *f0 = cfg_child(pr, "refine");
    const double refine = (cJSON_IsNumber(f0) ? f0->valuedouble : 1.0) * f;
    cJSON_DeleteItemFromObjectCaseSensitive(pr, "refine");
    cJSON *sv = cJSON_GetObjectItemCaseSensitive(root, "solver");
    if (!sv) sv = cJSON_AddObjectToObject(root, "solver");
    int ok = pr && sv && cJSON_AddNumberToObject(pr, "refine", refine);
    for (const cJSON *it = so ? so->child : NULL; ok && it; it = it->next) {
        cJSON_DeleteItemFromObjectCaseSensitive(sv, it->string);
        cJSON *dup = cJSON_Duplicate(it, 1);
        ok = dup && cJSON_AddItemToObject(sv, it->string, dup);
    }
    if (!ok) {
        cJSON_Delete(root);
        return cfg_fail(c, P, "out of memory");
    }
    char why[SHP_MSG_MAX];
    if (cfg_forward_load_json(c->file, root, &s->ref, why, sizeof why) != SHP_OK) {
        const size_t k = strlen(c->file);
        const char *msg = strncmp(why, c->file, k) == 0 && why[k] == ':' ? why + k + 2 : why;
        return cfg_fail(c, P, "the reference run (refine %g, solver as given here): %s", f, msg);
    }
    s->ref_refine = f;
    return SHP_OK;
}

static int parse_spec(const cfg_ctx *c, const shp_forward_problem *fp, synth_spec *s)
{
    static const char *const keys[] = {"observations", "times", "depths", "theta_t_depths", "heads",
                                       "material", "v_rate", "offsets", "noise", "noise_relative", "seed",
                                       "reference", NULL};
    static const char *const rates[] = {"interval_mean", "instantaneous", NULL};
    memset(s, 0, sizeof *s);
    s->seed = 1;
    const cJSON *sy = NULL;
    CFG_TRY(cfg_object(c, shp_forward_config(fp), "", "synth", 0, &sy));
    s->section = sy;
    /* defaults: the seed's three series, the config's times and depths */
    s->want[S_THETA_FINAL] = s->want[S_V] = s->want[S_Q] = 1;
    const shp_column *col = shp_forward_column(fp);
    const double depth = col->z[col->n - 1];
    if (copy_array(col->t_out, col->n_out, &s->times, &s->n_times) != 0 ||
        copy_array(shp_forward_obs_depth(fp), col->n_obs, &s->tdepths, &s->n_tdepths) != 0)
        return cfg_fail(c, "synth", "out of memory");
    if (col->n_obs > 0) {
        if (copy_array(shp_forward_obs_depth(fp), col->n_obs, &s->depths, &s->n_depths) != 0)
            return cfg_fail(c, "synth", "out of memory");
    } else {
        double d[11];
        for (int k = 0; k < 11; ++k) d[k] = depth * k / 10.0;
        if (copy_array(d, 11, &s->depths, &s->n_depths) != 0) return cfg_fail(c, "synth", "out of memory");
    }
    double hd[13];
    for (int k = 0; k < 13; ++k) hd[k] = -pow(10.0, 5.0 - 5.0 * k / 12.0) / shp_forward_cm_per_length(fp);
    if (copy_array(hd, 13, &s->heads, &s->n_heads) != 0) return cfg_fail(c, "synth", "out of memory");
    /* the rates the fit of the same file compares with, unless synth.v_rate says */
    const cJSON *fv = cfg_child(cfg_child(cfg_child(shp_forward_config(fp), "fit"), "observations"), "v");
    if (cJSON_IsObject(fv)) CFG_TRY(cfg_choice(c, fv, "fit.observations.v", "rate", rates, 0, &s->v_instant));
    if (!sy) return SHP_OK;

    CFG_TRY(cfg_check_keys(c, sy, "synth", keys));
    const cJSON *ref = cfg_child(sy, "reference");
    if (ref) CFG_TRY(load_reference(c, fp, ref, s));
    const cJSON *obs = cfg_child(sy, "observations");
    if (obs) {
        if (!cJSON_IsArray(obs) || cJSON_GetArraySize(obs) < 1)
            return cfg_fail(c, "synth.observations", "expected a non-empty array of names");
        memset(s->want, 0, sizeof s->want);
        int i = 0;
        for (const cJSON *it = obs->child; it; it = it->next, ++i) {
            char p[CFG_PATH_MAX];
            cfg_path_index(p, sizeof p, "synth.observations", i);
            int k = 0;
            while (k < S_COUNT && !(cJSON_IsString(it) && !strcmp(it->valuestring, series_names[k]))) ++k;
            if (k == S_COUNT)
                return cfg_fail(c, p, "unknown observation (valid: theta_final, v, Q, theta_t, "
                                      "theta_initial, retention, conductivity)");
            s->want[k] = 1;
        }
    }
    const cJSON *t = cfg_child(sy, "times");
    if (t) {
        static const char *const tkeys[] = {"end", "every", NULL};
        double end = 0.0, every = 0.0;
        if (!cJSON_IsObject(t)) return cfg_fail(c, "synth.times", "expected {\"end\": E, \"every\": D}");
        CFG_TRY(cfg_check_keys(c, t, "synth.times", tkeys));
        CFG_TRY(cfg_number(c, t, "synth.times", "end", 1, &end, NULL));
        CFG_TRY(cfg_number(c, t, "synth.times", "every", 1, &every, NULL));
        CFG_TRY(cfg_require_gt(c, "synth.times.every", every, 0.0));
        CFG_TRY(cfg_require_gt(c, "synth.times.end", end, every * 0.999999));
        CFG_TRY(cfg_require_le(c, "synth.times.end", end, SHP_TIME_MAX_MIN / shp_forward_min_per_time(fp), SHP_TIME_MAX_TEXT));
        const double steps = floor(end / every * (1.0 + 1e-12));
        if (!(steps <= 1e6)) /* checked before the conversion: (int) of a larger double is undefined */
            return cfg_fail(c, "synth.times", "end / every gives %g times (at most 1e6)", steps);
        const int n = (int)steps;
        free(s->times);
        s->times = malloc((size_t)(n + 1) * sizeof *s->times);
        if (!s->times) return cfg_fail(c, "synth.times", "out of memory");
        for (int k = 0; k < n; ++k) s->times[k] = (k + 1) * every;
        s->n_times = n;
        if (fabs(n * every - end) > 1e-9 * end) s->times[s->n_times++] = end;
    }
    CFG_TRY(opt_array(c, sy, "depths", &s->depths, &s->n_depths));
    CFG_TRY(opt_array(c, sy, "theta_t_depths", &s->tdepths, &s->n_tdepths));
    CFG_TRY(opt_array(c, sy, "heads", &s->heads, &s->n_heads));
    const char *names[3] = {"depths", "theta_t_depths", "heads"};
    const double *arr[3] = {s->depths, s->tdepths, s->heads};
    const int na[3] = {s->n_depths, s->n_tdepths, s->n_heads};
    if (s->want[S_THETA_T] && s->n_tdepths == 0)
        return cfg_fail(c, "synth.theta_t_depths", "theta_t needs depths (or output.observation_depths)");
    if ((s->want[S_THETA_FINAL] || s->want[S_THETA_INITIAL]) && s->n_depths == 0)
        return cfg_fail(c, "synth.depths", "theta_final and theta_initial need depths");
    for (int a = 0; a < 3; ++a)
        for (int k = 0; k < na[a]; ++k) {
            char p[CFG_PATH_MAX], q[CFG_PATH_MAX];
            cfg_path(p, sizeof p, "synth", names[a]);
            cfg_path_index(q, sizeof q, p, k);
            if (a < 2 && !(arr[a][k] >= 0.0 && arr[a][k] <= depth))
                return cfg_fail(c, q, "depth %g is outside the column (0 to %g)", arr[a][k], depth);
            if (a == 2 && !(arr[a][k] < 0.0)) return cfg_fail(c, q, "heads must be < 0 (got %g)", arr[a][k]);
            if (a == 2)
                CFG_TRY(cfg_require_ge(c, q, arr[a][k], -SHP_HEAD_MAX_CM / shp_forward_cm_per_length(fp)));
            if (k > 0 && !(arr[a][k] > arr[a][k - 1]) && a < 2)
                return cfg_fail(c, q, "must increase (%g after %g)", arr[a][k], arr[a][k - 1]);
        }
    /* heads are written driest first, so the file's first column increases */
    for (int i = 1; i < s->n_heads; ++i)
        for (int k = i; k > 0 && s->heads[k] < s->heads[k - 1]; --k) {
            const double tmp = s->heads[k];
            s->heads[k] = s->heads[k - 1];
            s->heads[k - 1] = tmp;
        }
    CFG_TRY(cfg_choice(c, sy, "synth", "v_rate", rates, 0, &s->v_instant));
    const char *mname = NULL;
    CFG_TRY(cfg_string(c, sy, "synth", "material", 0, &mname));
    if (mname && (s->mat = shp_forward_material_index(fp, mname)) < 0)
        return cfg_fail(c, "synth.material", "unknown material \"%s\"", mname);
    CFG_TRY(per_series(c, sy, "offsets", s->offset));
    CFG_TRY(per_series(c, sy, "noise", s->noise));
    CFG_TRY(per_series(c, sy, "noise_relative", s->noise_rel));
    /* errors of plausible size: an offset within the series' own range (a water content, or
     * a flux, depth or time within the plausible limits), a noise of at most 100 SDs */
    for (int k = 0; k < S_COUNT; ++k) {
        char p[CFG_PATH_MAX];
        cfg_path(p, sizeof p, "synth.offsets", series_names[k]);
        const int theta = k == S_THETA_FINAL || k == S_THETA_T || k == S_THETA_INITIAL || k == S_RETENTION;
        const double omax = theta ? 1.0 : k == S_CONDUCTIVITY ? 10.0 : SHP_HEAD_MAX_CM / shp_forward_cm_per_length(fp);
        if (!(fabs(s->offset[k]) <= omax))
            return cfg_fail(c, p, "|offset| must be <= %g (got %g)", omax, s->offset[k]);
        cfg_path(p, sizeof p, "synth.noise", series_names[k]);
        CFG_TRY(cfg_require_le(c, p, s->noise[k], 100.0, NULL));
        cfg_path(p, sizeof p, "synth.noise_relative", series_names[k]);
        CFG_TRY(cfg_require_le(c, p, s->noise_rel[k], 100.0, NULL));
    }
    for (int k = 0; k < S_COUNT; ++k)
        if (!(s->noise[k] >= 0.0) || !(s->noise_rel[k] >= 0.0)) {
            char p[CFG_PATH_MAX];
            const int rel = !(s->noise_rel[k] >= 0.0);
            cfg_path(p, sizeof p, rel ? "synth.noise_relative" : "synth.noise", series_names[k]);
            return cfg_fail(c, p, "must be >= 0 (a fraction of the %s)",
                            rel ? "value" : "series' standard deviation");
        }
    long seed = 1;
    CFG_TRY(cfg_long(c, sy, "synth", "seed", 0, 0, 0x7fffffffffffffffL, &seed));
    s->seed = (uint64_t)seed;
    return SHP_OK;
}

/* Offset, then N(0, (f·SD)²) and N(0, (f_rel·|value|)²) per value from the stream
 * (seed, series, column): each θ(t) depth has its own errors; θ kept in [0, 1]. The
 * relative form serves series whose true values do not vary (a uniform initial θ has
 * SD 0). */
static void perturb(const synth_spec *s, int k, int column, double *y, int n)
{
    double mean = 0.0, ss = 0.0;
    for (int i = 0; i < n; ++i) mean += y[i];
    mean /= n;
    for (int i = 0; i < n; ++i) ss += (y[i] - mean) * (y[i] - mean);
    const double sd = n > 1 ? sqrt(ss / (n - 1)) : 0.0;
    shp_rng r;
    shp_rng_init(&r, s->seed, 0x5e7 + (uint64_t)k, (uint64_t)column, 0);
    const int is_theta = k == S_THETA_FINAL || k == S_THETA_T || k == S_THETA_INITIAL || k == S_RETENTION;
    for (int i = 0; i < n; ++i) {
        double v = y[i] + s->offset[k];
        if (s->noise[k] > 0.0) v += s->noise[k] * sd * shp_rng_normal(&r);
        if (s->noise_rel[k] > 0.0) v += s->noise_rel[k] * fabs(y[i]) * shp_rng_normal(&r);
        if (is_theta) v = v < 0.0 ? 0.0 : v > 1.0 ? 1.0 : v;
        y[i] = v;
    }
}

static int write_xy(const char *dir, const char *name, const char *hx, const char *hy,
                    const double *x, const double *y, int n, char *err, size_t len)
{
    char file[64], path[SHP_PATH_MAX];
    snprintf(file, sizeof file, "%s.csv", name);
    FILE *f = shp_file_create_in(dir, file, path, sizeof path, err, len);
    if (!f) return SHP_ERR_IO;
    fprintf(f, "%s,%s\n", hx, hy);
    for (int i = 0; i < n; ++i) fprintf(f, "%.12g,%.12g\n", x[i], y[i]);
    return shp_file_close(f, path, err, len);
}

/* θ at a depth of a profile of node values (linear between nodes). */
static double at_depth(const shp_forward_problem *fp, const double *prof, double d)
{
    int i;
    double w;
    shp_grid_locate(shp_forward_column(fp)->z, shp_forward_column(fp)->n, d, &i, &w);
    return w > 0.0 ? (1.0 - w) * prof[i] + w * prof[i + 1] : prof[i];
}

static int write_summary(const char *dir, const shp_forward_problem *fp, const synth_spec *s,
                         const shp_column_stats *st, char *err, size_t len)
{
    const shp_column *col = shp_forward_column(fp);
    cJSON *j = shp_json_output_begin("synth", shp_forward_source(fp));
    cJSON_AddStringToObject(j, "status", shp_status_name(st->status));
    cJSON_AddNumberToObject(j, "seed", (double)s->seed);
    shp_json_add_units(j, shp_forward_length_unit(fp), shp_forward_time_unit(fp));
    cJSON *truth = cJSON_AddObjectToObject(j, "true_parameters");
    for (int i = 0; i < shp_forward_n_materials(fp); ++i) {
        const shp_model_desc *m = shp_model_by_id(shp_forward_materials(fp)[i].model);
        cJSON *o = cJSON_AddObjectToObject(truth, shp_forward_material_name(fp, i));
        cJSON_AddStringToObject(o, "model", m->name);
        for (int k = 0; k < m->n_params; ++k) cJSON_AddNumberToObject(o, m->params[k].name, shp_forward_materials(fp)[i].p[k]);
    }
    cJSON *files = cJSON_AddArrayToObject(j, "files");
    cJSON *off = cJSON_AddObjectToObject(j, "offsets"), *noi = cJSON_AddObjectToObject(j, "noise_sd_fraction");
    cJSON *nrel = cJSON_AddObjectToObject(j, "noise_relative");
    for (int k = 0; k < S_COUNT; ++k) {
        if (!s->want[k]) continue;
        char f[64];
        snprintf(f, sizeof f, "%s.csv", series_names[k]);
        if (st->status == SHP_OK) cJSON_AddItemToArray(files, cJSON_CreateString(f));
        cJSON_AddNumberToObject(off, series_names[k], s->offset[k]);
        cJSON_AddNumberToObject(noi, series_names[k], s->noise[k]);
        cJSON_AddNumberToObject(nrel, series_names[k], s->noise_rel[k]);
    }
    if (s->want[S_V]) cJSON_AddStringToObject(j, "v_rate", s->v_instant ? "instantaneous" : "interval_mean");
    if (s->ref) { /* what the observations came from */
        cJSON *r = cJSON_AddObjectToObject(j, "reference");
        cJSON_AddNumberToObject(r, "refine", s->ref_refine);
        cJSON_AddNumberToObject(r, "nodes", col->n);
        cJSON_AddNumberToObject(r, "tol_time", col->opt.tol_time);
        cJSON_AddStringToObject(r, "k_mean", shp_kmean_names[col->opt.kmean]);
    }
    cJSON_AddNumberToObject(j, "steps", (double)st->steps);
    cJSON_AddNumberToObject(j, "max_abs_balance", st->max_abs_balance);
    if (s->section) cJSON_AddItemToObject(j, "synth_config", cJSON_Duplicate(s->section, 1));
    return shp_json_write_in(dir, "synth.json", j, err, len);
}

static int simulate_and_write(const shp_forward_problem *fp, synth_spec *s, const char *dir, shp_backend *be,
                              shp_synth_summary *sum, char *err, size_t len)
{
    const int n = shp_forward_column(fp)->n;
    /* observation depths: θ_final depths then θ(t) depths */
    const int m = s->n_depths + s->n_tdepths;
    double *dep = malloc((size_t)(m + 1) * sizeof *dep), *w = malloc((size_t)(m + 1) * sizeof *w);
    int *node = malloc((size_t)(m + 1) * sizeof *node);
    double *y = malloc((size_t)(s->n_times + s->n_depths + s->n_heads + n + 1) * sizeof *y);
    double *theta0 = malloc((size_t)n * sizeof *theta0);
    int rc = dep && w && node && y && theta0 ? SHP_OK : SHP_ERR_NOMEM;
    shp_column col = *shp_forward_column(fp);
    shp_column_result res;
    int have_res = 0;
    if (rc == SHP_OK) {
        memcpy(dep, s->depths, (size_t)s->n_depths * sizeof *dep);
        memcpy(dep + s->n_depths, s->tdepths, (size_t)s->n_tdepths * sizeof *dep);
        for (int j = 0; j < m; ++j) shp_grid_locate(shp_forward_column(fp)->z, n, dep[j], &node[j], &w[j]);
        col.t_out = s->times;
        col.n_out = s->n_times;
        col.n_obs = m;
        col.obs_node = node;
        col.obs_w = w;
        col.profiles_all = 0;
        rc = shp_column_result_alloc(&col, &res);
        have_res = rc == SHP_OK;
    }
    if (rc == SHP_OK) {
        if (be) { /* a batch of one on the caller's backend (the initial values give shp_forward_h_init(fp)) */
            const shp_batch_setup setup = {&col, shp_forward_n_materials(fp), shp_forward_init_var(fp), shp_forward_init_values(fp)};
            const shp_batch batch = {1, shp_forward_materials(fp), res.block, &res.stats};
            rc = shp_backend_run(be, &setup, &batch);
            if (rc != SHP_OK)
                snprintf(err, len, "%s: backend %s: %s%s%s", shp_forward_source(fp), shp_backend_name(be), shp_strerror(rc),
                         *shp_backend_error(be) ? ": " : "", shp_backend_error(be));
        } else {
            shp_column_run_cpu(&col, shp_forward_materials(fp), shp_forward_h_init(fp), &res);
        }
    }
    if (rc == SHP_OK) {
        sum->status = res.stats.status;
        sum->Q_end = res.out.Q[col.n_out - 1];
        sum->balance = res.out.balance[col.n_out - 1];
        rc = write_summary(dir, fp, s, &res.stats, err, len);
        if (rc == SHP_OK && res.stats.status != SHP_OK) {
            snprintf(err, len, "%s: the true model did not converge (%s at t = %g %s); no "
                               "observations written", shp_forward_source(fp), shp_strerror(res.stats.status),
                     res.stats.t_reached, shp_forward_time_unit(fp));
            rc = SHP_ERR_NOT_CONVERGED;
        }
    }
    const char *L = shp_forward_length_unit(fp), *T = shp_forward_time_unit(fp);
    char hx[64], hy[64];
    for (int k = 0; k < S_COUNT && rc == SHP_OK; ++k) {
        if (!s->want[k]) continue;
        const shp_material *mat = &shp_forward_materials(fp)[s->mat];
        if (k == S_THETA_T) { /* one column per depth */
            char file[SHP_PATH_MAX];
            FILE *f = shp_file_create_in(dir, "theta_t.csv", file, sizeof file, err, len);
            if (!f) {
                rc = SHP_ERR_IO;
                break;
            }
            double *tt = malloc((size_t)(s->n_times * (s->n_tdepths ? s->n_tdepths : 1)) * sizeof *tt);
            if (!tt) {
                shp_file_discard(f, file);
                rc = SHP_ERR_NOMEM;
                break;
            }
            for (int i = 0; i < s->n_times; ++i)
                for (int j = 0; j < s->n_tdepths; ++j)
                    tt[(long)j * s->n_times + i] = res.out.theta_obs[(long)i * m + s->n_depths + j];
            for (int j = 0; j < s->n_tdepths; ++j) perturb(s, k, j, tt + (long)j * s->n_times, s->n_times);
            fprintf(f, "time_%s", T);
            for (int j = 0; j < s->n_tdepths; ++j) fprintf(f, ",theta_at_%g%s", s->tdepths[j], L);
            fputc('\n', f);
            for (int i = 0; i < s->n_times; ++i) {
                fprintf(f, "%.12g", s->times[i]);
                for (int j = 0; j < s->n_tdepths; ++j) fprintf(f, ",%.12g", tt[(long)j * s->n_times + i]);
                fputc('\n', f);
            }
            free(tt);
            rc = shp_file_close(f, file, err, len);
            ++sum->files;
            continue;
        }
        const double *x = NULL;
        int cnt = 0;
        switch (k) {
        case S_Q:
        case S_V:
            x = s->times;
            cnt = s->n_times;
            for (int i = 0; i < cnt; ++i) y[i] = k == S_V && s->v_instant ? res.out.v_inst[i] : res.out.Q[i];
            if (k == S_V && !s->v_instant) shp_interval_rates(x, y, cnt, y);
            snprintf(hx, sizeof hx, "time_%s", T);
            if (k == S_Q) snprintf(hy, sizeof hy, "Q_%s", L);
            else snprintf(hy, sizeof hy, "v_%s_per_%s", L, T);
            break;
        case S_THETA_FINAL:
        case S_THETA_INITIAL:
            x = s->depths;
            cnt = s->n_depths;
            for (int i = 0; i < n; ++i) {
                double K, C, dK;
                shp_hyd_eval(&shp_forward_materials(fp)[shp_forward_column(fp)->mat_of_node[i]], shp_forward_h_init(fp)[i], &theta0[i], &K, &C, &dK);
            }
            for (int i = 0; i < cnt; ++i)
                y[i] = k == S_THETA_FINAL ? res.out.theta_obs[(long)(col.n_out - 1) * m + i]
                                          : at_depth(fp, theta0, s->depths[i]);
            snprintf(hx, sizeof hx, "depth_%s", L);
            snprintf(hy, sizeof hy, "theta");
            break;
        default: /* retention, conductivity */
            x = s->heads;
            cnt = s->n_heads;
            for (int i = 0; i < cnt; ++i) {
                double th, K, C, dK;
                shp_hyd_eval(mat, s->heads[i], &th, &K, &C, &dK);
                y[i] = k == S_RETENTION ? th : log10(K); /* K's noise acts on log10 K */
            }
            snprintf(hx, sizeof hx, "h_%s", L);
            if (k == S_RETENTION) snprintf(hy, sizeof hy, "theta");
            else snprintf(hy, sizeof hy, "K_%s_per_%s", L, T);
        }
        perturb(s, k, 0, y, cnt);
        if (k == S_CONDUCTIVITY)
            for (int i = 0; i < cnt; ++i) y[i] = pow(10.0, y[i]);
        rc = write_xy(dir, series_names[k], hx, hy, x, y, cnt, err, len);
        ++sum->files;
    }
    if (rc == SHP_ERR_NOMEM) snprintf(err, len, "out of memory");
    if (have_res) shp_column_result_free(&res);
    free(dep);
    free(w);
    free(node);
    free(y);
    free(theta0);
    return rc;
}

/* The forward problem and the synth section of config; on failure both are freed (*fp
 * NULL) and the message is in err. */
static int load(const char *config, shp_forward_problem **fp, synth_spec *s, char *err, size_t len)
{
    memset(s, 0, sizeof *s);
    int rc = shp_forward_load(config, fp, err, len);
    if (rc != SHP_OK) return rc;
    const cfg_ctx c = {config, err, len};
    rc = parse_spec(&c, *fp, s);
    if (rc != SHP_OK) {
        spec_free(s);
        shp_forward_destroy(*fp);
        *fp = NULL;
    }
    return rc;
}

shp_status shp_synth_check(const char *config, char *err, size_t len)
{
    shp_forward_problem *fp = NULL;
    synth_spec s;
    const int rc = load(config, &fp, &s, err, len);
    if (rc == SHP_OK) {
        spec_free(&s);
        shp_forward_destroy(fp);
    }
    return rc;
}

shp_status shp_synth_run(const char *config, const char *dir, long long seed_override, shp_backend *be,
                         shp_synth_summary *sum, char *err, size_t len)
{
    memset(sum, 0, sizeof *sum);
    sum->Q_end = sum->balance = NAN;
    shp_forward_problem *fp = NULL;
    synth_spec s;
    int rc = load(config, &fp, &s, err, len);
    if (rc != SHP_OK) return rc;
    if (seed_override >= 0) s.seed = (uint64_t)seed_override;
    sum->seed = s.seed;
    /* the files appear together (io/stage.h); a true model that did not converge leaves
     * synth.json alone, and the series of an earlier run are removed */
    shp_stage *st = NULL;
    if (rc == SHP_OK) rc = shp_stage_begin(dir, &st, err, len);
    sum->reference_nodes = s.ref ? shp_forward_column(s.ref)->n : 0;
    if (rc == SHP_OK)
        rc = simulate_and_write(s.ref ? s.ref : fp, &s, shp_stage_dir(st), be, sum, err, len);
    if (rc == SHP_OK || rc == SHP_ERR_NOT_CONVERGED) {
        const char *names[S_COUNT + 2];
        char files[S_COUNT][64];
        for (int k = 0; k < S_COUNT; ++k) {
            snprintf(files[k], sizeof files[k], "%s.csv", series_names[k]);
            names[k] = files[k];
        }
        names[S_COUNT] = "synth.json";
        names[S_COUNT + 1] = NULL;
        char why[SHP_MSG_MAX];
        const int crc = shp_stage_commit(st, names, why, sizeof why);
        st = NULL;
        if (crc != SHP_OK) {
            snprintf(err, len, "%s", why);
            rc = crc;
        }
    }
    shp_stage_abort(st);
    spec_free(&s);
    shp_forward_destroy(fp);
    return rc;
}
