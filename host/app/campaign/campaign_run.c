/* Running a campaign (campaign/campaign.h): per case, every pending run (variant × seed)
 * is a fit object (shpfit/fit.h); each round, every run's next batch (a generation, a
 * polish round, its best point) goes into one batch for the backend, and Jacobians
 * into a second. The campaign watches the target; the fits do the rest. */
#define _XOPEN_SOURCE 700 /* clock_gettime, realpath */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "campaign/campaign_internal.h"
#include "campaign/campaign_report.h"
#include "config/cfg_json.h"
#include "io/fs.h"
#include "io/json_file.h"
#include "output/machine.h"
#include "shpfit/curves_agreement.h"
#include "shpfit/fit.h"
#include "shpfit/journal.h"
#include "shpfit/lm.h"
#include "synth/synth.h"
#include "shpfit/version.h"

/* A run: the fit of its variant and seed (shpfit/fit.h), and what the campaign
 * measures of it: when it reached the target. */
typedef struct {
    int variant;
    long seed;
    shp_fit *fit;
    char algorithm[96]; /* its runs.csv label, from the options the fit was made with */
    shp_fit_request rq; /* this round's batch */
    int active, success;
    long told;          /* columns told so far */
    long evals_to_target;
    double wall, wall_to_target;
    double best_seen;   /* the least Σ of every objective over its columns so far */
} run_state;

/* Seconds on the case's clock (see shpfit/journal.h). */
static double case_clock(const shp_journal *j) { return j ? shp_journal_clock(j) : shp_wall_seconds(); }

/* Success by the campaign's target, for a column of summed objectives sum at u that
 * lowered the least sum its run has seen. */
static int reached(const shp_campaign *cp, shp_problem *pb, double sum, const double *u, const shp_material *truth)
{
    if (cp->target_kind == 0) return sum <= cp->target;
    if (!truth) return 0;
    const shp_forward_problem *fp = shp_problem_forward(pb);
    shp_material best[8];
    if (shp_forward_n_materials(fp) > 8 || shp_problem_materials(pb, u, best, NULL, 0) != SHP_OK) return 0;
    shp_curve_agreement a;
    if (shp_curve_agreement_compute(&truth[0], &best[0], 1.0 / shp_forward_cm_per_length(fp), 1e4 / shp_forward_cm_per_length(fp),
                                    &a) != SHP_OK)
        return 0;
    return a.retention.rmse <= cp->target;
}

/* Run r's fit ended with status st: a failed campaign. */
static int run_failed(const shp_campaign *cp, const run_state *r, int st, char *err, size_t len)
{
    snprintf(err, len, "variant %s, seed %ld: %s", cp->variants[r->variant].name, r->seed, shp_fit_errmsg(r->fit));
    return st;
}

/* Columns of run r evaluated in a batch of `total` that took dt seconds, r's share
 * starting at U, F, OK: the target watched column by column, then the fit told. */
static int tell_run(const shp_campaign *cp, shp_problem *pb, run_state *r, const double *U, const double *F,
                    const int *OK, const double *R, const double *J, long total, double dt, const shp_material *truth)
{
    const int dim = shp_problem_dim(pb), nobj = shp_problem_n_obj(pb), n = r->rq.n;
    for (int q = 0; q < n; ++q) {
        if (!OK[q]) continue;
        double sum = 0.0;
        for (int k = 0; k < nobj; ++k) sum += F[(long)q * nobj + k];
        if (!(sum < r->best_seen)) continue;
        r->best_seen = sum;
        if (!r->success && reached(cp, pb, sum, U + (long)q * dim, truth)) {
            r->success = 1;
            r->evals_to_target = r->told + q + 1;
            r->wall_to_target = r->wall + dt * (double)(q + 1) / (double)total;
        }
    }
    const double share = dt * n / (double)total;
    r->told += n;
    r->wall += share;
    if (r->success && cp->stop_at_target) shp_fit_interrupt(r->fit, SHP_STOP_TARGET);
    return shp_fit_tell(r->fit, F, OK, R, J, share);
}

/* One batch of a round: the runs whose need is in [lo, hi] (objectives and residuals
 * share one; Jacobians have their own), evaluated together and told. */
static int run_batch(const shp_campaign *cp, shp_problem *pb, shp_backend *be, const shp_journal *jr,
                     run_state *runs, int n, int lo, int hi, shp_fit_buffers *b, long *evals,
                     const shp_material *truth, char *err, size_t len)
{
    const int dim = shp_problem_dim(pb), nobj = shp_problem_n_obj(pb), m = shp_problem_n_residuals(pb);
    long total = 0;
    int need = lo;
    for (int i = 0; i < n; ++i)
        if (runs[i].active && runs[i].rq.n > 0 && runs[i].rq.need >= lo && runs[i].rq.need <= hi) {
            total += runs[i].rq.n;
            need = runs[i].rq.need > need ? runs[i].rq.need : need;
        }
    if (total == 0) return SHP_OK;
    CFG_TRY(shp_fit_buffers_reserve(b, pb, (int)total, need));
    long off = 0;
    for (int i = 0; i < n; ++i)
        if (runs[i].active && runs[i].rq.n > 0 && runs[i].rq.need >= lo && runs[i].rq.need <= hi) {
            memcpy(b->u + off * dim, runs[i].rq.u, (size_t)runs[i].rq.n * dim * sizeof *b->u);
            off += runs[i].rq.n;
        }
    const shp_fit_request all = {(int)total, b->u, need};
    const double t0 = case_clock(jr);
    int rc = shp_fit_evaluate(pb, be, &all, b->f, b->ok, b->r, b->J);
    const double dt = case_clock(jr) - t0;
    *evals += total;
    off = 0;
    for (int i = 0; i < n && rc == SHP_OK; ++i) {
        run_state *r = &runs[i];
        if (!r->active || r->rq.n == 0 || r->rq.need < lo || r->rq.need > hi) continue;
        const int k = r->rq.n;
        rc = tell_run(cp, pb, r, b->u + off * dim, b->f + off * nobj, b->ok + off, b->r ? b->r + off * m : NULL,
                      b->J ? b->J + off * m * dim : NULL, total, dt, truth);
        if (rc != SHP_OK) run_failed(cp, r, rc, err, len);
        r->rq.n = 0;
        off += k;
    }
    return rc;
}

/* What a case's results depend on, for its journal: the campaign, its seeds, the case's
 * problem (configuration and observations), the backend, the program. */
static uint64_t case_fingerprint(const shp_campaign *cp, const shp_problem *pb, const shp_backend *be)
{
    uint64_t h = shp_problem_fingerprint(pb);
    char *text = cJSON_PrintUnformatted(cp->root);
    if (text) h = shp_hash64(text, strlen(text), h);
    cJSON_free(text);
    h = shp_hash64(cp->seeds, (size_t)cp->n_seeds * sizeof *cp->seeds, h);
    const char *name = shp_backend_name(be);
    h = shp_hash64(name, strlen(name), h);
    return shp_hash64(SHP_VERSION, strlen(SHP_VERSION), h);
}

/* The runs of a case: (variant, seed) pairs, as a journal's blob. */
typedef struct {
    int32_t variant;
    int64_t seed;
} run_key;

/* The case's journal (dir/checkpoint/<case>.journal) and the runs it covers: on a resume
 * those the journal was started with (the batches it holds are theirs); otherwise every
 * run not finished in runs.csv. *keys is the caller's to free; *done counts the runs
 * runs.csv has (skipped, or replayed and not written again). */
static int open_case_journal(const shp_campaign *cp, const campaign_case *cc, const char *dir, const shp_problem *pb,
                             const shp_backend *be, shp_journal **j, run_key **keys, int *n_keys, int *done,
                             char *err, size_t len)
{
    char cdir[SHP_PATH_MAX], path[SHP_PATH_MAX], name[96];
    snprintf(name, sizeof name, "%s.journal", cc->name);
    if (shp_path_join(cdir, sizeof cdir, dir, "checkpoint") || shp_path_join(path, sizeof path, cdir, name))
        return shp_path_too_long(dir, name, err, len);
    *keys = malloc((size_t)(cp->n_variants * cp->n_seeds + 1) * sizeof **keys);
    if (!*keys) {
        snprintf(err, len, "out of memory");
        return SHP_ERR_NOMEM;
    }
    int n = 0;
    *done = 0;
    for (int v = 0; v < cp->n_variants; ++v)
        for (int s = 0; s < cp->n_seeds && shp_campaign_case_runs(cc, cp->variants[v].name); ++s)
            if (shp_campaign_run_logged(dir, cc->name, cp->variants[v].name, cp->seeds[s])) ++*done;
            else (*keys)[n++] = (run_key){v, cp->seeds[s]};
    *n_keys = n;
    const int resume = access(path, F_OK) == 0;
    if (n == 0 && !resume) return SHP_OK; /* every run is finished */
    CFG_TRY(shp_mkdir_p(cdir, err, len));
    CFG_TRY(shp_journal_open(path, case_fingerprint(cp, pb, be), *keys, (size_t)n * sizeof **keys, 1, j, err, len));
    if (!resume) return SHP_OK;
    size_t bytes;
    const run_key *old = shp_journal_meta(*j, &bytes);
    n = (int)(bytes / sizeof *old);
    for (int i = 0; i < n; ++i)
        if (old[i].variant < 0 || old[i].variant >= cp->n_variants) n = -1;
    if (n < 0 || bytes % sizeof *old || n > cp->n_variants * cp->n_seeds) {
        snprintf(err, len, "%s: the checkpoint's list of runs is damaged: remove it to start the case afresh", path);
        return SHP_ERR_CHECKPOINT;
    }
    memcpy(*keys, old, bytes);
    *n_keys = n;
    return SHP_OK;
}

/* Run r is over: its row written (unless an earlier invocation wrote it), its fit gone. */
static int finish_run(const shp_campaign *cp, const campaign_case *cc, const char *dir, shp_problem *pb,
                      run_state *r, FILE *runs_f, FILE *hist_f, const shp_material *truth, char *err, size_t len)
{
    int rc = SHP_OK;
    shp_fit_result res;
    /* a run whose step found no successful column is a failed run, not a failed campaign */
    const int st = shp_fit_get_result(r->fit, &res);
    const char *vname = cp->variants[r->variant].name;
    const shp_campaign_row row = {cc->name, vname, r->algorithm, r->seed, r->success, r->evals_to_target,
                                  r->wall_to_target, shp_fit_archive(r->fit)};
    if (!shp_campaign_run_logged(dir, cc->name, vname, r->seed) &&
        shp_campaign_write_run(runs_f, hist_f, pb, &row, &res, st == SHP_OK, truth) != SHP_OK) {
        snprintf(err, len, "%s: write failed: %s", dir, strerror(errno));
        rc = SHP_ERR_IO;
    }
    shp_fit_result_free(&res);
    shp_fit_destroy(r->fit);
    r->fit = NULL;
    r->active = 0;
    return rc;
}

/* A run's fit from its key: the variant's options for its seed. r->active says whether
 * it started. */
static int start_run(const shp_campaign *cp, const shp_problem *pb, const run_key *key, run_state *r, char *err,
                     size_t len)
{
    r->variant = key->variant;
    r->seed = (long)key->seed;
    r->best_seen = HUGE_VAL;
    shp_fit_options opt;
    int rc = shp_campaign_variant_options(cp, pb, r->variant, (uint64_t)r->seed, &opt, err, len);
    if (rc == SHP_OK) shp_campaign_algorithm_label(&opt, r->algorithm, sizeof r->algorithm);
    if (rc == SHP_OK && shp_fit_create(pb, &opt, &r->fit) != SHP_OK) {
        snprintf(err, len, "out of memory");
        rc = SHP_ERR_NOMEM;
    }
    r->active = rc == SHP_OK;
    return rc;
}

/* The message of a failed case (status rc): the checkpoint's failure when it is the
 * cause, else err named by the case. */
static void case_message(const campaign_case *cc, const shp_journal *jr, int rc, char *err, size_t len)
{
    if (jr && *shp_journal_error(jr)) {
        snprintf(err, len, "case %s: %s", cc->name, shp_journal_error(jr));
    } else if (err[0] && strncmp(err, "case ", 5) != 0) {
        char tmp[1024];
        snprintf(tmp, sizeof tmp, "%s", err);
        snprintf(err, len, "case %s, %s", cc->name, tmp);
    } else if (!err[0])
        snprintf(err, len, "case %s: %s", cc->name, shp_strerror(rc));
}

static int run_case(const shp_campaign *cp, int ci, const char *dir, shp_backend *be,
                    FILE *runs_f, FILE *hist_f, shp_campaign_progress_fn fn, void *ctx, char *err,
                    size_t len)
{
    const campaign_case *cc = &cp->cases[ci];
    char config[SHP_PATH_MAX];
    snprintf(config, sizeof config, "%s", cc->config);
    if (cc->synth) CFG_TRY(shp_campaign_prepare_synth_case(cc, dir, be, config, sizeof config, err, len));
    shp_problem *pb = NULL;
    CFG_TRY(shp_problem_load(config, &pb, err, len));
    const shp_forward_problem *fp = shp_problem_forward(pb);
    shp_material *truth = malloc((size_t)shp_forward_n_materials(fp) * sizeof *truth);
    const int have_truth = truth && cJSON_GetObjectItem((cJSON *)shp_problem_fit_config(pb), "truth") &&
                           shp_fit_truth(pb, truth, err, len) == SHP_OK;
    if (cp->target_kind == 1 && !have_truth) {
        snprintf(err, len, "case %s: the target retention_rmse needs fit.truth in %s", cc->name, config);
        free(truth);
        shp_problem_destroy(pb);
        return SHP_ERR_CONFIG;
    }
    const shp_material *tr = have_truth ? truth : NULL;
    shp_journal *jr = NULL;
    run_key *keys = NULL;
    int n_keys = 0, skipped = 0;
    int rc = open_case_journal(cp, cc, dir, pb, be, &jr, &keys, &n_keys, &skipped, err, len);
    shp_problem_set_journal(pb, jr);
    const int total = cp->n_variants * cp->n_seeds;
    run_state *runs = calloc((size_t)total + 1, sizeof *runs);
    int n = 0;
    if (rc == SHP_OK && !runs) rc = SHP_ERR_NOMEM;
    for (int k = 0; k < n_keys && rc == SHP_OK; ++k) {
        rc = start_run(cp, pb, &keys[k], &runs[n], err, len);
        n += runs[n].active;
    }
    free(keys);
    shp_fit_buffers b = {0};
    /* the case's clock: the journal's, so a resumed case counts the time before the kill */
    const double t_case = case_clock(jr);
    long case_evals = 0;
    int active = n;
    while (rc == SHP_OK && active > 0) {
        /* every active run's next batch; a run that asks for none is over */
        for (int i = 0; i < n && rc == SHP_OK; ++i) {
            run_state *r = &runs[i];
            if (!r->active) continue;
            const int st = shp_fit_ask(r->fit, &r->rq);
            if (st != SHP_OK && st != SHP_ERR_NOT_CONVERGED) rc = run_failed(cp, r, st, err, len);
            else if (r->rq.n == 0) {
                rc = finish_run(cp, cc, dir, pb, r, runs_f, hist_f, tr, err, len);
                --active;
            }
        }
        /* one batch for the objectives and residuals of every run, one for Jacobians */
        if (rc == SHP_OK)
            rc = run_batch(cp, pb, be, jr, runs, n, SHP_FIT_NEED_OBJECTIVES, SHP_FIT_NEED_RESIDUALS, &b,
                           &case_evals, tr, err, len);
        if (rc == SHP_OK)
            rc = run_batch(cp, pb, be, jr, runs, n, SHP_FIT_NEED_JACOBIAN, SHP_FIT_NEED_JACOBIAN, &b, &case_evals,
                           tr, err, len);
        if (fn && rc == SHP_OK) {
            shp_campaign_progress p = {cc->name, ci, cp->n_cases, active, total, skipped, case_evals,
                                       case_clock(jr) - t_case};
            fn(&p, ctx);
        }
    }
    for (int i = 0; i < n; ++i) shp_fit_destroy(runs[i].fit);
    free(runs);
    shp_fit_buffers_free(&b);
    free(truth);
    if (rc != SHP_OK) case_message(cc, jr, rc, err, len);
    shp_problem_set_journal(pb, NULL);
    shp_journal_close(jr, rc == SHP_OK); /* the case is whole in runs.csv: its journal goes */
    shp_problem_destroy(pb);
    return rc;
}

static void machine(char *buf, size_t len, const shp_backend *be)
{
    char cpu[200];
    shp_cpu_model(cpu, sizeof cpu);
    if (!strcmp(shp_backend_name(be), "cpu"))
        snprintf(buf, len, "%s, %ld cores online; backend cpu, %s threads", cpu, sysconf(_SC_NPROCESSORS_ONLN),
                 be->threads > 0 ? "given" : "all");
    else
        snprintf(buf, len, "%s, %ld cores online; backend %s", cpu, sysconf(_SC_NPROCESSORS_ONLN),
                 shp_backend_name(be));
}

shp_status shp_campaign_run(shp_campaign *c, const char *dir, shp_backend *be, shp_campaign_progress_fn fn,
                            void *ctx, char *err, size_t len)
{
    if (err && len) err[0] = '\0';
    CFG_TRY(shp_campaign_repair_logs(dir, err, len));
    FILE *runs_f = shp_campaign_open_log(dir, "runs.csv", SHP_CAMPAIGN_RUNS_HEADER, err, len);
    FILE *hist_f = runs_f ? shp_campaign_open_log(dir, "history.csv", SHP_CAMPAIGN_HIST_HEADER, err, len) : NULL;
    if (!runs_f || !hist_f) {
        if (runs_f) fclose(runs_f);
        return SHP_ERR_IO;
    }
    int rc = be ? SHP_OK : SHP_ERR_INVALID;
    for (int i = 0; i < c->n_cases && rc == SHP_OK; ++i)
        rc = run_case(c, i, dir, be, runs_f, hist_f, fn, ctx, err, len);
    if (fclose(runs_f) != 0 && rc == SHP_OK) rc = SHP_ERR_IO;
    if (fclose(hist_f) != 0 && rc == SHP_OK) rc = SHP_ERR_IO;
    if (rc != SHP_OK) return rc;
    char path[SHP_PATH_MAX];
    if (shp_path_join(path, sizeof path, dir, "checkpoint") == 0) rmdir(path); /* when empty: every case done */
    /* campaign.json: what was run, for the report and for readers */
    char mach[512], target[128];
    machine(mach, sizeof mach, be);
    snprintf(target, sizeof target, "%s <= %g", c->target_kind ? "retention-curve RMSE" : "sum of the objectives",
             c->target);
    cJSON *j = cJSON_CreateObject();
    cJSON_AddStringToObject(j, "name", c->name);
    cJSON_AddStringToObject(j, "campaign_file", c->path);
    cJSON_AddStringToObject(j, "machine", mach);
    cJSON_AddNumberToObject(j, "budget_evaluations", (double)c->budget_evals);
    cJSON_AddNumberToObject(j, "budget_time_s", c->budget_time_s);
    cJSON_AddStringToObject(j, "target", target);
    cJSON_AddNumberToObject(j, "seeds", c->n_seeds);
    cJSON_AddItemToObject(j, "campaign", cJSON_Duplicate(c->root, 1));
    CFG_TRY(shp_json_write_in(dir, "campaign.json", j, err, len));
    shp_campaign_report_info info = {c->name, c->budget_evals, c->budget_time_s, target, mach, 0.05};
    int plots = 0;
    return shp_campaign_report(dir, &info, &plots, err, len);
}
