/* A campaign's logs (campaign_internal.h): runs.csv and history.csv appended a run at
 * a time, found again and repaired when an invocation is resumed. */
#define _XOPEN_SOURCE 700 /* getline, truncate */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "campaign/campaign_internal.h"
#include "io/json_file.h"
#include "shpfit/curves_agreement.h"


const char SHP_CAMPAIGN_RUNS_HEADER[] =
    "case,variant,seed,algorithm,evaluations,wall_s,success,evals_to_target,wall_to_target_s,"
    "stop_reason,failed_columns,best_sum,hypervolume,curve_rmse_retention,"
    "curve_rmse_conductivity,objectives,parameters\n";
const char SHP_CAMPAIGN_HIST_HEADER[] = "case,variant,seed,generation,evaluations,best_sum\n";

FILE *shp_campaign_open_log(const char *dir, const char *name, const char *header, char *err, size_t len)
{
    char path[SHP_PATH_MAX];
    if (shp_path_join(path, sizeof path, dir, name) != 0) {
        shp_path_too_long(dir, name, err, len);
        return NULL;
    }
    FILE *f = fopen(path, "a");
    if (!f) {
        snprintf(err, len, "%s: cannot write: %s", path, strerror(errno));
        return NULL;
    }
    if (ftell(f) == 0) fputs(header, f);
    return f;
}

/* The run a row of runs.csv or history.csv belongs to: its first three fields
 * (case,variant,seed,) as a key; the key's length, or 0 when the row has none. */
static size_t row_key(const char *row, size_t n)
{
    int commas = 0;
    for (size_t i = 0; i < n; ++i)
        if (row[i] == ',' && ++commas == 3) return i + 1;
    return 0;
}

int shp_campaign_run_logged(const char *dir, const char *case_name, const char *variant, long seed)
{
    char path[SHP_PATH_MAX], key[256];
    if (shp_path_join(path, sizeof path, dir, "runs.csv") != 0) return 0;
    const int k = snprintf(key, sizeof key, "%s,%s,%ld,", case_name, variant, seed);
    FILE *f = fopen(path, "r");
    if (!f) return 0;
    char *line = NULL;
    size_t cap = 0;
    int found = 0;
    ssize_t n;
    while (!found && (n = getline(&line, &cap, f)) > 0)
        found = (size_t)k == row_key(line, (size_t)n) && !memcmp(line, key, (size_t)k);
    free(line);
    fclose(f);
    return found;
}

static int cmp_keys(const void *a, const void *b)
{
    const char *x = *(const char *const *)a, *y = *(const char *const *)b;
    const size_t nx = row_key(x, strlen(x)), ny = row_key(y, strlen(y));
    const int c = memcmp(x, y, nx < ny ? nx : ny);
    return c ? c : (nx > ny) - (nx < ny);
}

int shp_campaign_repair_logs(const char *dir, char *err, size_t len)
{
    char runs[SHP_PATH_MAX], hist[SHP_PATH_MAX];
    if (shp_path_join(runs, sizeof runs, dir, "runs.csv") || shp_path_join(hist, sizeof hist, dir, "history.csv"))
        return shp_path_too_long(dir, "history.csv", err, len);
    size_t nr = 0, nh = 0;
    char *r = shp_file_read_all(runs, &nr);
    if (!r) return SHP_OK; /* a new campaign */
    while (nr > 0 && r[nr - 1] != '\n') --nr;
    int rc = SHP_OK;
    if (truncate(runs, (off_t)nr) != 0) {
        snprintf(err, len, "%s: cannot repair: %s", runs, strerror(errno));
        rc = SHP_ERR_IO;
    }
    r[nr] = '\0';
    /* the finished runs' keys, sorted */
    int n_keys = 0, cap = 0;
    char **keys = NULL;
    for (char *row = r; rc == SHP_OK && *row;) {
        char *end = strchr(row, '\n');
        *end = '\0';
        if (row_key(row, strlen(row))) {
            if (n_keys == cap) {
                char **nk = realloc(keys, (size_t)(cap = cap ? 2 * cap : 64) * sizeof *nk);
                if (!nk) rc = SHP_ERR_NOMEM;
                else keys = nk;
            }
            if (rc == SHP_OK) keys[n_keys++] = row;
        }
        row = end + 1;
    }
    if (keys) qsort(keys, (size_t)n_keys, sizeof *keys, cmp_keys);
    char *h = rc == SHP_OK ? shp_file_read_all(hist, &nh) : NULL;
    if (h) {
        size_t kept = 0;
        int changed = 0, first = 1;
        for (size_t at = 0; at < nh;) {
            const char *nl = memchr(h + at, '\n', nh - at);
            if (!nl) { /* cut by a kill */
                changed = 1;
                break;
            }
            const size_t n = (size_t)(nl - (h + at)) + 1;
            char *row = h + at;
            row[n - 1] = '\0';
            const int keep = first || (row_key(row, n - 1) && keys &&
                                       bsearch(&row, keys, (size_t)n_keys, sizeof *keys, cmp_keys));
            row[n - 1] = '\n';
            if (keep) {
                memmove(h + kept, row, n);
                kept += n;
            } else {
                changed = 1;
            }
            first = 0;
            at += n;
        }
        if (changed) {
            FILE *f = shp_file_create(hist, err, len);
            if (!f) {
                rc = SHP_ERR_IO;
            } else {
                fwrite(h, 1, kept, f);
                rc = shp_file_close(f, hist, err, len);
            }
        }
        free(h);
    }
    if (rc == SHP_ERR_NOMEM) snprintf(err, len, "out of memory");
    free(keys);
    free(r);
    return rc;
}

static void put_num(FILE *f, double v)
{
    if (isfinite(v)) fprintf(f, "%.10g", v);
}

/* Values as runs.csv and history.csv keep them: exactly (they round-trip) */
static void put_exact(FILE *f, double v)
{
    if (isfinite(v)) fprintf(f, "%.17g", v);
}

void shp_campaign_algorithm_label(const shp_fit_options *opt, char *buf, size_t len)
{
    snprintf(buf, len, "%s%s%s%s", shp_opt_algorithm_name(opt->step[0].alg), opt->n_steps > 1 ? "+" : "",
             opt->n_steps > 1 ? shp_opt_algorithm_name(opt->step[1].alg) : "", opt->polish ? "+lm" : "");
}

int shp_campaign_write_run(FILE *runs, FILE *hist, shp_problem *pb, const shp_campaign_row *row,
                           const shp_fit_result *res, int have, const shp_material *truth)
{
    const int dim = shp_problem_dim(pb), nobj = shp_problem_n_obj(pb);
    const char *vname = row->variant, *case_name = row->case_name;
    double hv = NAN, ret = NAN, cond = NAN, best_sum = NAN;
    const shp_pareto *a = row->archive;
    if (a && shp_pareto_size(a) > 0) {
        double ref[SHP_OPT_MAX_OBJ];
        for (int k = 0; k < SHP_OPT_MAX_OBJ; ++k) ref[k] = 1.0; /* ψ = 1: as good as the mean */
        if (shp_pareto_hypervolume(a, ref, &hv) != SHP_OK) hv = NAN;
    }
    if (have) {
        best_sum = 0.0;
        for (int k = 0; k < nobj; ++k) best_sum += res->f_best[k];
    }
    if (truth && have) {
        const shp_forward_problem *fp = shp_problem_forward(pb);
        shp_material *best = malloc((size_t)shp_forward_n_materials(fp) * sizeof *best);
        shp_curve_agreement ag;
        if (best && shp_problem_materials(pb, res->u_best, best, NULL, 0) == SHP_OK &&
            shp_curve_agreement_compute(&truth[0], &best[0], 1.0 / shp_forward_cm_per_length(fp),
                                        1e4 / shp_forward_cm_per_length(fp), &ag) == SHP_OK) {
            ret = ag.retention.rmse;
            cond = ag.conductivity.rmse;
        }
        free(best);
    }
    /* the history first: a runs.csv row says the run is whole (repair_logs) */
    for (int g = 0; g < res->n_history; ++g) {
        fprintf(hist, "%s,%s,%ld,%d,%ld,", case_name, vname, row->seed, g + 1, res->history[g].run_evaluations);
        put_exact(hist, res->history[g].best_sum);
        fputc('\n', hist);
    }
    if (fflush(hist) != 0) return SHP_ERR_IO;
    fprintf(runs, "%s,%s,%ld,%s,%ld,%.4f,%d,", case_name, vname, row->seed, row->algorithm,
            res->search_evaluations, res->wall_s, row->success);
    if (row->success) fprintf(runs, "%ld,%.4f", row->evals_to_target, row->wall_to_target);
    else fputc(',', runs);
    const shp_opt_stop_reason why = res->steps_run > 0 ? res->why[res->steps_run - 1] : SHP_STOP_NONE;
    fprintf(runs, ",%s,%ld,", shp_opt_stop_reason_name(why), res->failed);
    put_exact(runs, best_sum);
    fputc(',', runs);
    put_num(runs, hv);
    fputc(',', runs);
    put_num(runs, ret);
    fputc(',', runs);
    put_num(runs, cond);
    fputc(',', runs);
    for (int k = 0; k < nobj && have; ++k) {
        fprintf(runs, "%s%s=", k ? ";" : "", shp_obs_name(shp_problem_obj_kind(pb, k)));
        put_exact(runs, res->f_best[k]);
    }
    fputc(',', runs);
    for (int j = 0; j < dim && have; ++j) {
        fprintf(runs, "%s%s=", j ? ";" : "", shp_problem_var_name(pb, j));
        put_exact(runs, shp_problem_var_value(pb, j, res->u_best[j]));
    }
    fputc('\n', runs);
    /* a killed campaign keeps every run written so far */
    return fflush(runs) == 0 ? SHP_OK : SHP_ERR_IO;
}

