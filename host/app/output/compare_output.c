/* The model comparison's ranking and files (compare_output.h). */
#include "output/compare_output.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "io/fs.h"
#include "io/json_file.h"

/* The residual sums of squares of each series (n·RMSE²) into the criteria. */
static void criteria_of(shp_model_fit *f)
{
    int n[2];
    double ssr[2];
    for (int s = 0; s < f->n_kinds; ++s) {
        n[s] = f->m[s].n;
        ssr[s] = f->m[s].n * f->m[s].rmse * f->m[s].rmse;
    }
    shp_criteria_compute(n, ssr, f->n_kinds, f->dim, &f->cr);
}

/* 1 + the number of fitted models with a lower value of criterion c. */
static int rank_of(const shp_model_fit *f, int n, int i, int c)
{
    const double v = c == 0 ? f[i].cr.aic : c == 1 ? f[i].cr.aicc : f[i].cr.bic;
    int r = 1;
    for (int j = 0; j < n; ++j) {
        if (j == i || f[j].status != 0) continue;
        const double w = c == 0 ? f[j].cr.aic : c == 1 ? f[j].cr.aicc : f[j].cr.bic;
        r += w < v || (w == v && j < i);
    }
    return r;
}

/* AICc, or AIC where the sample is too small for AICc (N ≤ k + 1). */
static double aicc_or_aic(const shp_model_fit *f) { return isnan(f->cr.aicc) ? f->cr.aic : f->cr.aicc; }

void shp_compare_rank(shp_model_fit *f, int n)
{
    double best = INFINITY;
    for (int i = 0; i < n; ++i)
        if (f[i].status == 0) {
            criteria_of(&f[i]);
            best = fmin(best, aicc_or_aic(&f[i]));
        }
    double sum = 0.0;
    for (int i = 0; i < n; ++i)
        if (f[i].status == 0) {
            f[i].delta_aicc = aicc_or_aic(&f[i]) - best;
            f[i].weight = exp(-0.5 * f[i].delta_aicc);
            sum += f[i].weight;
        }
    for (int i = 0; i < n; ++i) {
        if (f[i].status != 0) {
            f[i].delta_aicc = f[i].weight = NAN;
            f[i].rank_aic = f[i].rank_aicc = f[i].rank_bic = 0;
            continue;
        }
        f[i].weight /= sum;
        f[i].rank_aic = rank_of(f, n, i, 0);
        f[i].rank_aicc = rank_of(f, n, i, 1);
        f[i].rank_bic = rank_of(f, n, i, 2);
    }
}

void shp_compare_order(const shp_model_fit *f, int n, int *order)
{
    for (int i = 0; i < n; ++i) order[i] = i;
    for (int i = 1; i < n; ++i) /* insertion sort: stable, few models */
        for (int j = i; j > 0; --j) {
            const shp_model_fit *a = &f[order[j - 1]], *b = &f[order[j]];
            const int swap = a->status != 0 ? b->status == 0 : b->status == 0 && b->delta_aicc < a->delta_aicc;
            if (!swap) break;
            const int t = order[j];
            order[j] = order[j - 1];
            order[j - 1] = t;
        }
}

static int write_csv(const char *dir, const shp_model_fit *f, const int *order, int n, char *err, size_t len)
{
    char path[SHP_PATH_MAX];
    FILE *out = shp_file_create_in(dir, "models.csv", path, sizeof path, err, len);
    if (!out) return SHP_ERR_IO;
    /* the series' columns after the criteria: retention then conductivity, when given */
    int kinds = 0;
    for (int i = 0; i < n; ++i)
        for (int s = 0; s < f[i].n_kinds; ++s) kinds |= 1 << (f[i].kind[s] == SHP_OBS_CONDUCTIVITY);
    fprintf(out, "model,status,k,n,aic,aicc,bic,delta_aicc,weight_aicc,rank_aic,rank_aicc,rank_bic,"
                 "parameters_at_bound");
    if (kinds & 1) fprintf(out, ",retention_r2,retention_rmse_theta,retention_ssr");
    if (kinds & 2) fprintf(out, ",conductivity_r2,conductivity_rmse_log10K,conductivity_ssr");
    fputc('\n', out);
    for (int o = 0; o < n; ++o) {
        const shp_model_fit *m = &f[order[o]];
        if (m->status != 0) {
            fprintf(out, "%s,failed,%d,,,,,,,,,,", m->model, m->dim);
            if (kinds & 1) fprintf(out, ",,,");
            if (kinds & 2) fprintf(out, ",,,");
            fputc('\n', out);
            continue;
        }
        int at = 0;
        for (int j = 0; j < m->dim; ++j) at += m->unc.status == 0 && m->unc.at_bound[j] != 0;
        fprintf(out, "%s,ok,%d,%d,%.10g,%.10g,%.10g,%.10g,%.6g,%d,%d,%d,%d", m->model, m->cr.k, m->cr.n, m->cr.aic,
                m->cr.aicc, m->cr.bic, m->delta_aicc, m->weight, m->rank_aic, m->rank_aicc, m->rank_bic, at);
        for (int want = 0; want < 2; ++want) {
            if (!(kinds >> want & 1)) continue;
            int s = 0;
            while (s < m->n_kinds && (m->kind[s] == SHP_OBS_CONDUCTIVITY) != want) ++s;
            if (s == m->n_kinds) fprintf(out, ",,,");
            else fprintf(out, ",%.10g,%.10g,%.10g", m->m[s].nse, m->m[s].rmse, m->m[s].n * m->m[s].rmse * m->m[s].rmse);
        }
        fputc('\n', out);
    }
    return shp_file_close(out, path, err, len);
}

static cJSON *model_json(const shp_model_fit *m)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "model", m->model);
    cJSON_AddStringToObject(o, "status", m->status == 0 ? "ok" : "failed");
    if (m->status != 0) {
        cJSON_AddStringToObject(o, "message", m->message);
        return o;
    }
    cJSON_AddNumberToObject(o, "k", m->cr.k);
    cJSON_AddNumberToObject(o, "n", m->cr.n);
    shp_json_add_number(o, "aic", m->cr.aic);
    shp_json_add_number(o, "aicc", m->cr.aicc);
    shp_json_add_number(o, "bic", m->cr.bic);
    shp_json_add_number(o, "delta_aicc", m->delta_aicc);
    shp_json_add_number(o, "weight_aicc", m->weight);
    cJSON *r = cJSON_AddObjectToObject(o, "rank");
    cJSON_AddNumberToObject(r, "aic", m->rank_aic);
    cJSON_AddNumberToObject(r, "aicc", m->rank_aicc);
    cJSON_AddNumberToObject(r, "bic", m->rank_bic);
    cJSON *ser = cJSON_AddObjectToObject(o, "series");
    for (int s = 0; s < m->n_kinds; ++s) {
        cJSON *so = cJSON_AddObjectToObject(ser, shp_obs_name(m->kind[s]));
        cJSON_AddNumberToObject(so, "n", m->m[s].n);
        shp_json_add_number(so, "r2", m->m[s].nse);
        shp_json_add_number(so, "rmse", m->m[s].rmse);
        shp_json_add_number(so, "ssr", m->m[s].n * m->m[s].rmse * m->m[s].rmse);
        cJSON_AddStringToObject(so, "units", m->kind[s] == SHP_OBS_CONDUCTIVITY ? "log10 K" : "theta (-)");
    }
    cJSON *ps = cJSON_AddObjectToObject(o, "parameters");
    for (int j = 0; j < m->dim; ++j) {
        cJSON *p = cJSON_AddObjectToObject(ps, m->name[j]);
        shp_json_add_number(p, "value", m->value[j]);
        cJSON_AddStringToObject(p, "unit", m->unit[j]);
        if (m->unc.status == 0 && !m->unc.singular) {
            shp_json_add_number(p, "se", m->unc.se[j]);
            shp_json_add_number(p, "lo95", m->unc.lo[j]);
            shp_json_add_number(p, "hi95", m->unc.hi[j]);
        }
        if (m->unc.status == 0)
            cJSON_AddStringToObject(p, "at_bound", m->unc.at_bound[j] < 0   ? "lower"
                                                   : m->unc.at_bound[j] > 0 ? "upper"
                                                                            : "no");
    }
    return o;
}

int shp_compare_write(const char *dir, const char *config_file, const struct cJSON *config,
                      const shp_model_fit *f, const int *order, int n, const char *length_unit,
                      const char *time_unit, char *err, size_t len)
{
    int rc = write_csv(dir, f, order, n, err, len);
    if (rc != SHP_OK) return rc;
    cJSON *r = shp_json_output_begin("fit", config_file);
    if (!r) return shp_json_write_in(dir, "compare.json", NULL, err, len);
    cJSON_AddStringToObject(r, "status", "ok");
    cJSON_AddStringToObject(r, "mode", "compare");
    shp_json_add_units(r, length_unit, time_unit);
    cJSON_AddStringToObject(r, "criteria",
                            "AIC = sum over series of n ln(SSR/n) + 2k; AICc = AIC + 2k(k+1)/(N-k-1); "
                            "BIC = sum n ln(SSR/n) + k ln N; k free parameters, N points; lower is better; "
                            "weight_aicc = exp(-delta/2) / sum exp(-delta/2)");
    cJSON *best = cJSON_AddObjectToObject(r, "best");
    for (int c = 0; c < 3; ++c)
        for (int i = 0; i < n; ++i) {
            const int rk = c == 0 ? f[i].rank_aic : c == 1 ? f[i].rank_aicc : f[i].rank_bic;
            if (rk == 1) cJSON_AddStringToObject(best, c == 0 ? "aic" : c == 1 ? "aicc" : "bic", f[i].model);
        }
    cJSON *ms = cJSON_AddArrayToObject(r, "models");
    for (int o = 0; o < n; ++o) cJSON_AddItemToArray(ms, model_json(&f[order[o]]));
    if (config) cJSON_AddItemToObject(r, "config", cJSON_Duplicate(config, 1));
    return shp_json_write_in(dir, "compare.json", r, err, len);
}
