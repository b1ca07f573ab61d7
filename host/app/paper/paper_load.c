/* Reading a paper campaign's directory (paper/paper_internal.h): campaign.json's cases
 * and variants, the seed's published tables, every case's problem (once) and every run
 * of runs.csv evaluated against its case's truth as in seed Tables 3–8. */
#define _POSIX_C_SOURCE 200809L /* strdup, strcasecmp */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "campaign/campaign_report.h"
#include "campaign/campaign_stats.h"
#include "config/cfg_json.h"
#include "io/csv_rows.h"
#include "io/fs.h"
#include "paper/paper_internal.h"
#include "paper/paper_report.h"
#include "shpfit/curves_agreement.h"
#include "shpfit/fit.h"
#include "shpfit/models.h"
#include "shpfit/status.h"

const pr_param_info pr_params[PR_N_PAR] = {
    {"theta_r", "theta_r_%s_cm3_per_cm3", "theta_r", "θr [cm³/cm³]"},
    {"theta_s", "theta_s_%s_cm3_per_cm3", "theta_s", "θs [cm³/cm³]"},
    {"alpha", "alpha_%s_per_cm", "alpha_per_cm", "α [1/cm]"},
    {"n", "n_%s", "n", "n [–]"},
    {"Ks", "Ks_%s_cm_per_min", "Ks_cm_per_min", "Ks [cm/min]"},
};

const pr_metric_info pr_metrics[PR_N_MET] = {
    {"MAE", "_cm3_per_cm3", "MAE"},
    {"RMSE", "_cm3_per_cm3", "RMSE"},
    {"PBIAS", "_pct", "PBIAS [%]"},
    {"NS", "", "NS"},
};

const char *const pr_curve_names[PR_N_CURVE] = {"retention", "conductivity"};
const char *const pr_curve_md[PR_N_CURVE] = {"h(θ)", "K(θ)"};

/* The paper's order of soils (Table 1) and of error scenarios (Tables 5–8). */
static const char *const soil_order[] = {"sand", "loam", "silt", "clay"};
static const char *const error_order[] = {"none",
                                          "theta_initial_re5",
                                          "theta_initial+0.02",
                                          "theta_initial-0.02",
                                          "theta_final_re5",
                                          "theta_final+0.02",
                                          "theta_final-0.02",
                                          "Q_re2",
                                          "Q_re5"};

#define COUNT(a) ((int)(sizeof(a) / sizeof(a)[0]))

static int nomem(char *err, size_t len)
{
    snprintf(err, len, "out of memory");
    return SHP_ERR_NOMEM;
}

static int rank_in(const char *s, const char *const *list, int n, int otherwise)
{
    for (int i = 0; i < n; ++i)
        if (!strcasecmp(s, list[i])) return i;
    return otherwise;
}

int pr_noise_free(const pr_case *c) { return !strcmp(c->error, "none"); }

const char *pr_error_label(const char *error)
{
    static const char *const label[] = {"none",
                                        "θ_initial: random 5 %",
                                        "θ_initial +0.02",
                                        "θ_initial −0.02",
                                        "θ_final: random 5 %",
                                        "θ_final +0.02",
                                        "θ_final −0.02",
                                        "Q: random 2 %",
                                        "Q: random 5 %"};
    const int k = rank_in(error, error_order, COUNT(error_order), -1);
    return k < 0 ? error : label[k];
}

/* Tables 3/4 noise-free, 7/8 errors in Q, 5/6 errors in θ. */
int pr_paper_table(const pr_case *c, int curves)
{
    const int base = pr_noise_free(c) ? 3 : (c->error[0] == 'Q' || c->error[0] == 'q') ? 7 : 5;
    return base + !!curves;
}

/* ------------------------------------------------------------ campaign.json */

typedef struct {
    const char *file;
    char *err;
    size_t len;
} jctx;

static int jfail(const jctx *j, const char *field, const char *what)
{
    snprintf(j->err, j->len, "%s: %s: %s", j->file, field, what);
    return SHP_ERR_CONFIG;
}

/* Optional string member: NULL when absent, *bad = 1 when not a string. */
static const char *opt_string(const cJSON *o, const char *key, int *bad)
{
    const cJSON *s = cJSON_GetObjectItemCaseSensitive(o, key);
    if (!s) return NULL;
    if (!cJSON_IsString(s)) {
        *bad = 1;
        return NULL;
    }
    return s->valuestring;
}

static int read_case(const jctx *j, const cJSON *o, int i, pr_data *d)
{
    char field[96];
    snprintf(field, sizeof field, "campaign.cases[%d]", i);
    if (!cJSON_IsObject(o)) return jfail(j, field, "expected an object");
    int bad = 0;
    const char *name = opt_string(o, "name", &bad);
    if (!name || !*name) return jfail(j, field, "name: expected a non-empty string");
    for (int k = 0; k < i; ++k)
        if (!strcmp(d->cases[k].name, name)) return jfail(j, field, "name: a case of this name came before");
    const char *soil = opt_string(o, "soil", &bad);
    const char *error = opt_string(o, "error", &bad);
    if (bad) return jfail(j, field, "soil and error must be strings");
    const cJSON *sat = cJSON_GetObjectItemCaseSensitive(o, "saturation");
    if (sat && !cJSON_IsNumber(sat)) return jfail(j, field, "saturation: expected a number (percent)");
    pr_case *c = &d->cases[i];
    c->name = strdup(name);
    c->soil = strdup(soil && *soil ? soil : name);
    c->error = strdup(error && *error ? error : "none");
    if (!c->name || !c->soil || !c->error) return nomem(j->err, j->len);
    c->saturation = sat ? sat->valuedouble : NAN;
    c->soil_rank = rank_in(c->soil, soil_order, COUNT(soil_order), COUNT(soil_order) + i);
    c->error_rank = rank_in(c->error, error_order, COUNT(error_order), COUNT(error_order) + i);
    return SHP_OK;
}

static void safe_name(char *out, size_t len, const char *s)
{
    size_t k = 0;
    for (; *s && k + 1 < len; ++s)
        out[k++] = (strchr("-_.", *s) || (*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'z') ||
                    (*s >= 'A' && *s <= 'Z'))
                       ? *s
                       : '_';
    out[k] = '\0';
}

static int add_variant(pr_data *d, const char *name, const char *label, char *err, size_t len)
{
    pr_variant *nv = realloc(d->variants, (size_t)(d->n_variants + 1) * sizeof *nv);
    if (!nv) return nomem(err, len);
    d->variants = nv;
    pr_variant *v = &nv[d->n_variants];
    memset(v, 0, sizeof *v);
    v->name = strdup(name);
    v->label = strdup(label && *label ? label : name);
    if (!v->name || !v->label) {
        free(v->name);
        free(v->label);
        return nomem(err, len);
    }
    safe_name(v->file, sizeof v->file, name);
    ++d->n_variants;
    return SHP_OK;
}

static int read_variants(const jctx *j, const cJSON *arr, pr_data *d)
{
    int i = 0;
    for (const cJSON *o = arr ? arr->child : NULL; o; o = o->next, ++i) {
        char field[96];
        snprintf(field, sizeof field, "campaign.variants[%d]", i);
        int bad = 0;
        const char *name = cJSON_IsObject(o) ? opt_string(o, "name", &bad) : NULL;
        const char *label = cJSON_IsObject(o) ? opt_string(o, "label", &bad) : NULL;
        if (!name || !*name || bad) return jfail(j, field, "expected an object with a string name (and label)");
        const int rc = add_variant(d, name, label, j->err, j->len);
        if (rc != SHP_OK) return rc;
    }
    return SHP_OK;
}

static int read_budget_seeds(const jctx *j, const cJSON *cp, pr_data *d)
{
    const cJSON *b = cJSON_GetObjectItemCaseSensitive(cp, "budget");
    if (b && !cJSON_IsObject(b)) return jfail(j, "campaign.budget", "expected an object");
    const cJSON *e = b ? cJSON_GetObjectItemCaseSensitive(b, "evaluations") : NULL;
    const cJSON *t = b ? cJSON_GetObjectItemCaseSensitive(b, "time_s") : NULL;
    if ((e && !cJSON_IsNumber(e)) || (t && !cJSON_IsNumber(t)))
        return jfail(j, "campaign.budget", "evaluations and time_s must be numbers");
    /* a report reads what the campaign wrote, but a hand-edited file may hold anything */
    if ((e && !(e->valuedouble >= 0 && e->valuedouble < 1e15)) || (t && !(t->valuedouble >= 0 && t->valuedouble < 1e15)))
        return jfail(j, "campaign.budget", "evaluations and time_s must be between 0 and 1e15");
    d->budget_evals = e ? (long)e->valuedouble : 0;
    d->budget_time_s = t ? t->valuedouble : 0.0;
    const cJSON *s = cJSON_GetObjectItemCaseSensitive(cp, "seeds");
    if (cJSON_IsNumber(s) && !(s->valuedouble >= 0 && s->valuedouble <= 1e6))
        return jfail(j, "campaign.seeds", "expected a count from 0 to 1e6");
    if (cJSON_IsNumber(s)) d->campaign_seeds = (int)s->valuedouble;
    else if (cJSON_IsArray(s)) d->campaign_seeds = cJSON_GetArraySize(s);
    else if (s) return jfail(j, "campaign.seeds", "expected a number or an array");
    return SHP_OK;
}

static int read_campaign_json(pr_data *d, char *err, size_t len)
{
    char path[SHP_PATH_MAX];
    if (shp_path_join(path, sizeof path, d->dir, "campaign.json") != 0)
        return shp_path_too_long(d->dir, "campaign.json", err, len);
    const cfg_ctx c = {path, err, len};
    cJSON *root = NULL;
    CFG_TRY(cfg_load_json(&c, &root));
    const jctx j = {path, err, len};
    const cJSON *cp = cJSON_GetObjectItemCaseSensitive(root, "campaign");
    const cJSON *cases = cJSON_GetObjectItemCaseSensitive(cp, "cases");
    const cJSON *vars = cJSON_GetObjectItemCaseSensitive(cp, "variants");
    int rc = SHP_OK;
    if (!cJSON_IsObject(cp)) rc = jfail(&j, "campaign", "expected an object (a copy of the campaign file)");
    else if (!cJSON_IsArray(cases) || cJSON_GetArraySize(cases) == 0)
        rc = jfail(&j, "campaign.cases", "expected a non-empty array");
    else if (vars && !cJSON_IsArray(vars)) rc = jfail(&j, "campaign.variants", "expected an array");
    if (rc == SHP_OK) {
        d->cases = calloc((size_t)cJSON_GetArraySize(cases), sizeof *d->cases);
        if (!d->cases) rc = nomem(err, len);
    }
    for (const cJSON *o = rc == SHP_OK ? cases->child : NULL; o && rc == SHP_OK; o = o->next) {
        rc = read_case(&j, o, d->n_cases, d);
        ++d->n_cases; /* counted also when half-filled, so pr_free releases it */
    }
    if (rc == SHP_OK) rc = read_variants(&j, vars, d);
    if (rc == SHP_OK) rc = read_budget_seeds(&j, cp, d);
    if (rc == SHP_OK) {
        int bad = 0;
        const char *m = opt_string(root, "machine", &bad);
        const char *t = opt_string(cp, "name", &bad);
        snprintf(d->machine, sizeof d->machine, "%s", m ? m : "");
        snprintf(d->title, sizeof d->title, "%s", t ? t : "");
        if (bad) rc = jfail(&j, "machine / campaign.name", "expected strings");
    }
    cJSON_Delete(root);
    return rc;
}

/* ------------------------------------------------------------ the seed's tables */

static const char paper_header[] = "table,soil,saturation_pct,error,quantity,value";
#define PAPER_COLS 6
static const char *const paper_cols[PAPER_COLS] = {"table", "soil", "saturation_pct", "error", "quantity", "value"};

static int copy_field(char *dst, size_t size, const char *src)
{
    if (!*src || strlen(src) >= size) return -1;
    memcpy(dst, src, strlen(src) + 1);
    return 0;
}

static int row_bad(char *why, size_t wlen, const char *fmt, const char *field)
{
    snprintf(why, wlen, fmt, field);
    return -1;
}

/* One data row (its 6 fields f) into v; 0, or −1 with the reason in why. */
static int paper_row(char **f, pr_paper_value *v, char *why, size_t wlen)
{
    char *end;
    const long t = strtol(f[0], &end, 10);
    if (!*f[0] || *end || t < 3 || t > 8) return row_bad(why, wlen, "table \"%s\" is not 3 … 8", f[0]);
    v->table = (int)t;
    if (copy_field(v->soil, sizeof v->soil, f[1]) || copy_field(v->error, sizeof v->error, f[3]) ||
        copy_field(v->quantity, sizeof v->quantity, f[4]))
        return row_bad(why, wlen, "soil, error and quantity must be non-empty and short%s", "");
    v->saturation = NAN;
    if (*f[2]) {
        v->saturation = strtod(f[2], &end);
        if (*end || !isfinite(v->saturation)) return row_bad(why, wlen, "saturation_pct \"%s\" is not a number", f[2]);
    }
    v->value = strtod(f[5], &end);
    if (!*f[5] || *end || !isfinite(v->value)) return row_bad(why, wlen, "value \"%s\" is not a number", f[5]);
    return 0;
}

/* The header, exactly paper_cols in this order. */
static int paper_header_ok(const shp_csv_rows *in, int nf)
{
    int ok = nf == PAPER_COLS;
    for (int k = 0; k < PAPER_COLS && ok; ++k) ok = !strcmp(in->field[k], paper_cols[k]);
    return ok;
}

/* The next row of the tables into d->paper[d->n_paper] (grown as needed). */
static int paper_add(shp_csv_rows *in, int nf, pr_data *d, int *alloc, char *err, size_t len)
{
    char why[200];
    if (nf != PAPER_COLS) return shp_csv_rows_fail(in, err, len, "expected %d fields (%s)", PAPER_COLS, paper_header);
    if (d->n_paper == *alloc) {
        *alloc = *alloc ? 2 * *alloc : 256;
        pr_paper_value *nv = realloc(d->paper, (size_t)*alloc * sizeof *nv);
        if (!nv) return nomem(err, len);
        d->paper = nv;
    }
    if (paper_row(in->field, &d->paper[d->n_paper], why, sizeof why) != 0)
        return shp_csv_rows_fail(in, err, len, "%s", why);
    ++d->n_paper;
    return SHP_OK;
}

static int read_paper_csv(const char *path, pr_data *d, char *err, size_t len)
{
    shp_csv_rows in;
    int rc = shp_csv_rows_open(&in, path, err, len), alloc = 0;
    int nf = rc == SHP_OK ? shp_csv_rows_next(&in, err, len) : 0;
    if (rc == SHP_OK && nf == 0) {
        snprintf(err, len, "%s: no header line (%s)", path, paper_header);
        rc = SHP_ERR_CONFIG;
    } else if (rc == SHP_OK && nf > 0 && !paper_header_ok(&in, nf))
        rc = shp_csv_rows_fail(&in, err, len, "expected the header %s", paper_header);
    while (rc == SHP_OK && nf > 0 && (nf = shp_csv_rows_next(&in, err, len)) > 0)
        rc = paper_add(&in, nf, d, &alloc, err, len);
    if (rc == SHP_OK && nf < 0) rc = nf;
    shp_csv_rows_close(&in);
    return rc == SHP_ERR_IO ? SHP_ERR_CONFIG : rc; /* the tables are a configuration */
}

double pr_paper_lookup(const pr_data *d, int table, const char *soil, double saturation, const char *error,
                       const char *quantity)
{
    for (int i = 0; i < d->n_paper; ++i) {
        const pr_paper_value *p = &d->paper[i];
        if (p->table == table && !strcasecmp(p->soil, soil) && !strcmp(p->error, error) &&
            !strcmp(p->quantity, quantity) &&
            (isnan(p->saturation) || p->saturation == saturation))
            return p->value;
    }
    return NAN;
}

/* ------------------------------------------------------------ cases */

/* The reported parameters of m in cm and min (NAN for a parameter the model lacks). */
static void material_params(const pr_case *cs, const shp_material *m, double *par)
{
    const shp_model_desc *desc = shp_model_by_id(m->model);
    for (int k = 0; k < PR_N_PAR; ++k) {
        const int i = desc ? shp_model_param_index(desc, pr_params[k].key) : -1;
        par[k] = i < 0 ? NAN
                       : m->p[i] / shp_param_unit_factor(&desc->params[i], cs->cm_per_length, cs->min_per_time);
    }
}

void pr_curve_point(const pr_case *cs, const shp_material *m, double psi_cm, double *theta, double *K_cm_min)
{
    double K, C, dK;
    shp_hyd_eval(m, -psi_cm / cs->cm_per_length, theta, &K, &C, &dK);
    *K_cm_min = K * cs->cm_per_length / cs->min_per_time; /* L/T → cm/min */
}

static int load_case(const pr_data *d, pr_case *cs, char *err, size_t len)
{
    char path[SHP_PATH_MAX];
    if (snprintf(path, sizeof path, "%s/cases/%s/config.json", d->dir, cs->name) >= (int)sizeof path)
        return shp_path_too_long(d->dir, "cases/…/config.json", err, len);
    int rc = shp_problem_load(path, &cs->pb, err, len);
    if (rc != SHP_OK) return rc;
    const shp_forward_problem *fp = shp_problem_forward(cs->pb);
    shp_material *truth = malloc((size_t)shp_forward_n_materials(fp) * sizeof *truth);
    if (!truth) return nomem(err, len);
    char why[512];
    rc = shp_fit_truth(cs->pb, truth, why, sizeof why);
    if (rc != SHP_OK) {
        snprintf(err, len, "%s: fit.truth (the paper report needs the true materials): %s", path, why);
        free(truth);
        return SHP_ERR_CONFIG;
    }
    const int m = shp_forward_material_index(fp, cs->soil);
    cs->mat = m >= 0 ? m : 0;
    cs->truth = truth[cs->mat];
    cs->cm_per_length = shp_forward_cm_per_length(fp);
    cs->min_per_time = shp_forward_min_per_time(fp);
    free(truth);
    material_params(cs, &cs->truth, cs->true_par);
    return SHP_OK;
}

/* ------------------------------------------------------------ runs */

static int run_fail(const char *runs_csv, int line, char *err, size_t len, const char *fmt, const char *a,
                    const char *b)
{
    char what[1400];
    snprintf(what, sizeof what, fmt, a, b);
    snprintf(err, len, "%s: line %d: %s", runs_csv, line, what);
    return SHP_ERR_CONFIG;
}

/* "a, b, c": the case's search variables, for messages. */
static void var_list(const shp_problem *pb, char *buf, size_t len)
{
    size_t k = 0;
    buf[0] = '\0';
    for (int j = 0; j < shp_problem_dim(pb) && k + 1 < len; ++j)
        k += (size_t)snprintf(buf + k, len - k, "%s%s", j ? ", " : "", shp_problem_var_name(pb, j));
}

/* The parameters field into unit coordinates u (every search variable exactly once, in
 * its bounds). */
static int params_to_unit(const pr_case *cs, const char *runs_csv, const shp_cr_run *r, const shp_stat_kv *kv,
                          int n, double *u, char *err, size_t len)
{
    const shp_problem *pb = cs->pb;
    const int dim = shp_problem_dim(pb);
    int seen[32] = {0};
    char list[512];
    var_list(pb, list, sizeof list);
    for (int i = 0; i < n; ++i) {
        int j = 0;
        while (j < dim && strcmp(kv[i].name, shp_problem_var_name(pb, j))) ++j;
        if (j == dim)
            return run_fail(runs_csv, r->line, err, len, "parameters: \"%s\" is not a search variable of this case (%s)",
                            kv[i].name, list);
        if (seen[j]++) return run_fail(runs_csv, r->line, err, len, "parameters: \"%s\" is given twice%s", kv[i].name, "");
        double lo, hi;
        int lg;
        shp_problem_var_bounds(pb, j, &lo, &hi, &lg);
        const double v = kv[i].value;
        if (!isfinite(v))
            return run_fail(runs_csv, r->line, err, len, "parameters: \"%s\" has no finite value%s", kv[i].name, "");
        if (v < lo - 1e-8 * fabs(lo) || v > hi + 1e-8 * fabs(hi)) {
            char b[128];
            snprintf(b, sizeof b, "%.10g is outside its bounds [%g, %g]", v, lo, hi);
            return run_fail(runs_csv, r->line, err, len, "parameters: \"%s\" = %s", kv[i].name, b);
        }
        u[j] = shp_problem_var_unit(pb, j, v);
    }
    for (int j = 0; j < dim; ++j)
        if (!seen[j])
            return run_fail(runs_csv, r->line, err, len, "parameters: search variable \"%s\" is missing%s",
                            shp_problem_var_name(pb, j), "");
    return SHP_OK;
}

/* The fitted material of run r, its parameters, its curve agreement and success. */
static int evaluate_run(const pr_case *cs, const char *runs_csv, const shp_cr_run *r, pr_run *pr, char *err,
                        size_t len)
{
    shp_stat_kv kv[32];
    int n = 0;
    char why[256];
    if (shp_stat_kv_parse(r->parameters, kv, 32, &n, why, sizeof why) != SHP_OK)
        return run_fail(runs_csv, r->line, err, len, "parameters: %s%s", why, "");
    if (n == 0) {
        if (isfinite(r->best_sum))
            return run_fail(runs_csv, r->line, err, len, "parameters is empty but best_sum is finite%s%s", "", "");
        return SHP_OK; /* no candidate could be scored: a failed run without a fit */
    }
    double u[32];
    int rc = params_to_unit(cs, runs_csv, r, kv, n, u, err, len);
    if (rc != SHP_OK) return rc;
    const shp_forward_problem *fp = shp_problem_forward(cs->pb);
    shp_material *mats = malloc((size_t)shp_forward_n_materials(fp) * sizeof *mats);
    if (!mats) return nomem(err, len);
    rc = shp_problem_materials(cs->pb, u, mats, why, sizeof why);
    if (rc == SHP_OK) pr->fit = mats[cs->mat];
    free(mats);
    if (rc != SHP_OK) return run_fail(runs_csv, r->line, err, len, "parameters give no valid material: %s%s", why, "");
    pr->fitted = 1;
    material_params(cs, &pr->fit, pr->par);
    shp_curve_agreement ag;
    if (shp_curve_agreement_compute(&cs->truth, &pr->fit, SHP_PAPER_PSI_MIN_CM / cs->cm_per_length,
                                    SHP_PAPER_PSI_MAX_CM / cs->cm_per_length, &ag) != SHP_OK)
        return SHP_OK; /* no common conductivity range: not compared, not a success */
    pr->compared = 1;
    const shp_metrics *m[PR_N_CURVE] = {&ag.retention, &ag.conductivity};
    for (int c = 0; c < PR_N_CURVE; ++c) {
        pr->met[c][PR_MAE] = m[c]->mae;
        pr->met[c][PR_RMSE] = m[c]->rmse;
        pr->met[c][PR_PBIAS] = m[c]->pbias;
        pr->met[c][PR_NS] = m[c]->nse;
    }
    pr->success = ag.retention.rmse <= SHP_PAPER_TARGET_RMSE_RETENTION &&
                  ag.conductivity.rmse <= SHP_PAPER_TARGET_RMSE_CONDUCTIVITY &&
                  ag.retention.nse >= SHP_PAPER_TARGET_NS && ag.conductivity.nse >= SHP_PAPER_TARGET_NS;
    return SHP_OK;
}

static int find_case(const pr_data *d, const char *name)
{
    for (int c = 0; c < d->n_cases; ++c)
        if (!strcmp(d->cases[c].name, name)) return c;
    return -1;
}

static int find_variant(const pr_data *d, const char *name)
{
    for (int v = 0; v < d->n_variants; ++v)
        if (!strcmp(d->variants[v].name, name)) return v;
    return -1;
}

static void init_run(pr_run *p)
{
    memset(p, 0, sizeof *p);
    for (int k = 0; k < PR_N_PAR; ++k) p->par[k] = NAN;
    for (int c = 0; c < PR_N_CURVE; ++c)
        for (int m = 0; m < PR_N_MET; ++m) p->met[c][m] = NAN;
}

/* One run of runs.csv into d->runs[d->n_runs]. */
static int add_run(pr_data *d, const char *runs_csv, const shp_cr_run *r, char *err, size_t len)
{
    const int c = find_case(d, r->case_name);
    if (c < 0)
        return run_fail(runs_csv, r->line, err, len, "case \"%s\" is not among the cases of campaign.json%s",
                        r->case_name, "");
    int v = find_variant(d, r->variant), rc;
    if (v < 0) { /* a variant no longer in the campaign file: reported under its name */
        if ((rc = add_variant(d, r->variant, NULL, err, len)) != SHP_OK) return rc;
        v = d->n_variants - 1;
    }
    pr_case *cs = &d->cases[c];
    if (!cs->pb && (rc = load_case(d, cs, err, len)) != SHP_OK) return rc;
    pr_run *p = &d->runs[d->n_runs];
    init_run(p);
    p->c = c;
    p->v = v;
    p->seed = r->seed;
    p->line = r->line;
    p->wall_s = r->wall_s;
    if ((rc = evaluate_run(cs, runs_csv, r, p, err, len)) != SHP_OK) return rc;
    ++cs->n_runs;
    ++d->n_runs;
    d->runs_wall_s += r->wall_s;
    return SHP_OK;
}

static int cmp_long(const void *a, const void *b)
{
    const long x = *(const long *)a, y = *(const long *)b;
    return (x > y) - (x < y);
}

static int count_seeds(pr_data *d, char *err, size_t len)
{
    long *s = malloc((size_t)(d->n_runs + 1) * sizeof *s);
    if (!s) return nomem(err, len);
    for (int i = 0; i < d->n_runs; ++i) s[i] = d->runs[i].seed;
    qsort(s, (size_t)d->n_runs, sizeof *s, cmp_long);
    d->n_seeds = 0;
    for (int i = 0; i < d->n_runs; ++i) d->n_seeds += i == 0 || s[i] != s[i - 1];
    free(s);
    return SHP_OK;
}

static int read_runs(pr_data *d, char *err, size_t len)
{
    shp_cr_data cr;
    int rc = shp_cr_read(d->dir, &cr, err, len);
    if (rc != SHP_OK) return rc;
    char runs_csv[SHP_PATH_MAX];
    if (rc == SHP_OK && shp_path_join(runs_csv, sizeof runs_csv, d->dir, "runs.csv") != 0)
        rc = shp_path_too_long(d->dir, "runs.csv", err, len);
    if (rc == SHP_OK && !(d->runs = calloc((size_t)cr.n_runs + 1, sizeof *d->runs))) rc = nomem(err, len);
    for (int i = 0; i < cr.n_runs && rc == SHP_OK; ++i) rc = add_run(d, runs_csv, &cr.run[i], err, len);
    shp_cr_free(&cr);
    if (rc == SHP_OK) rc = count_seeds(d, err, len);
    return rc;
}

/* ------------------------------------------------------------ all of it */

void pr_free(pr_data *d)
{
    for (int c = 0; c < d->n_cases; ++c) {
        free(d->cases[c].name);
        free(d->cases[c].soil);
        free(d->cases[c].error);
        shp_problem_destroy(d->cases[c].pb);
    }
    for (int v = 0; v < d->n_variants; ++v) {
        free(d->variants[v].name);
        free(d->variants[v].label);
    }
    free(d->cases);
    free(d->variants);
    free(d->runs);
    free(d->paper);
    memset(d, 0, sizeof *d);
}

int pr_load(const char *dir, const char *paper_csv, pr_data *d, char *err, size_t len)
{
    memset(d, 0, sizeof *d);
    if (snprintf(d->dir, sizeof d->dir, "%s", dir) >= (int)sizeof d->dir)
        return shp_path_too_long(dir, "", err, len);
    int rc = read_paper_csv(paper_csv, d, err, len);
    if (rc == SHP_OK) rc = read_campaign_json(d, err, len);
    if (rc == SHP_OK) rc = read_runs(d, err, len);
    if (rc != SHP_OK) pr_free(d);
    return rc;
}

int shp_paper_tables_check(const char *paper_csv, char *err, size_t len)
{
    pr_data d;
    memset(&d, 0, sizeof d);
    const int rc = read_paper_csv(paper_csv, &d, err, len);
    pr_free(&d);
    return rc;
}

/* ------------------------------------------------------------ selections */

static const pr_data *order_data; /* qsort has no context argument */
static int order_noise_free;

static int cmp_saturation(double a, double b)
{
    if (isnan(a) || isnan(b)) return isnan(a) - isnan(b);
    return (a > b) - (a < b);
}

static int cmp_case(const void *pa, const void *pb)
{
    const int a = *(const int *)pa, b = *(const int *)pb;
    const pr_case *x = &order_data->cases[a], *y = &order_data->cases[b];
    int k = (x->soil_rank > y->soil_rank) - (x->soil_rank < y->soil_rank);
    if (!k && !order_noise_free) k = (x->error_rank > y->error_rank) - (x->error_rank < y->error_rank);
    if (!k) k = cmp_saturation(x->saturation, y->saturation);
    return k ? k : (a > b) - (a < b);
}

int pr_case_order(const pr_data *d, int noise_free, int *order)
{
    int n = 0;
    for (int c = 0; c < d->n_cases; ++c)
        if (d->cases[c].n_runs > 0 && pr_noise_free(&d->cases[c]) == !!noise_free) order[n++] = c;
    order_data = d;
    order_noise_free = noise_free;
    qsort(order, (size_t)n, sizeof *order, cmp_case);
    return n;
}

int pr_cell_runs(const pr_data *d, int c, int v, int *idx)
{
    int n = 0;
    for (int i = 0; i < d->n_runs; ++i)
        if (d->runs[i].c == c && d->runs[i].v == v) idx[n++] = i;
    return n;
}

int pr_median_run(const pr_data *d, int c, int v)
{
    int *idx = malloc((size_t)(d->n_runs + 1) * sizeof *idx);
    if (!idx) return -1;
    int n = 0;
    for (int i = 0; i < d->n_runs; ++i) {
        const pr_run *r = &d->runs[i];
        if (r->c == c && r->v == v && r->compared && !isnan(r->met[PR_RETENTION][PR_RMSE])) idx[n++] = i;
    }
    /* insertion sort by retention RMSE (a handful of seeds) */
    for (int i = 1; i < n; ++i)
        for (int k = i; k > 0 && d->runs[idx[k]].met[PR_RETENTION][PR_RMSE] <
                                     d->runs[idx[k - 1]].met[PR_RETENTION][PR_RMSE];
             --k) {
            const int t = idx[k];
            idx[k] = idx[k - 1];
            idx[k - 1] = t;
        }
    const int m = n > 0 ? idx[(n - 1) / 2] : -1;
    free(idx);
    return m;
}
