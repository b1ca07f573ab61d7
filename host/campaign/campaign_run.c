/* Running a campaign (shpfit/campaign.h): per case, every pending run (variant × seed)
 * advances one generation at a time, all populations in one batch. */
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
#include "io/machine.h"
#include "shpfit/curves_agreement.h"
#include "shpfit/fit.h"
#include "shpfit/journal.h"
#include "shpfit/lm.h"
#include "shpfit/synth.h"
#include "shpfit/version.h"

/* A run goes through phases: the optimizer steps of its procedure (one, or the seed's
 * two), then, when the variant asks for it, the Levenberg–Marquardt polish. */
enum { PHASE_OPTIMIZE, PHASE_POLISH, PHASE_DONE };

typedef struct {
    int variant;
    long seed;
    shp_fit_options opt;
    long budget;        /* optimizer evaluations (all steps) */
    int step, phase;
    double fixed_u;     /* two-step: the unit value of the variable step 1 keeps */
    shp_step_space sp;  /* the current step's variables and residuals */
    shp_optimizer *o;
    shp_lm *lm;
    int n_now;          /* candidates in this round's batch */
    int active, success;
    long evals, evals_opt, evals_to_target, failed;
    double wall, wall_to_target;
    double best_sum;    /* every objective, summed, at the best */
    double best_key;    /* what the current phase ranks by (see track_best) */
    double *u_best, *f_best;
    shp_opt_stop_reason why;
    /* convergence: best summed objective after each generation */
    long *h_evals;
    double *h_best;
    int n_hist, cap_hist;
} run_state;

/* ------------------------------------------------------------------ runs.csv */

static const char RUNS_HEADER[] =
    "case,variant,seed,algorithm,evaluations,wall_s,success,evals_to_target,wall_to_target_s,"
    "stop_reason,failed_columns,best_sum,hypervolume,curve_rmse_retention,"
    "curve_rmse_conductivity,objectives,parameters\n";
static const char HIST_HEADER[] = "case,variant,seed,generation,evaluations,best_sum\n";

/* Open dir/name for appending, writing the header when the file is new or empty. */
static FILE *open_append(const char *dir, const char *name, const char *header, char *err, size_t len)
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

/* Finished (variant, seed) pairs of a case, from an earlier, interrupted invocation. */
static int already_done(const char *dir, const char *case_name, const char *variant, long seed)
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

/* A kill can cut the last row of runs.csv or history.csv, or fall between a run's
 * history rows and its runs.csv row (written in that order). Before resuming: cut a
 * partial last row, and drop the history rows of runs without a runs.csv row (the
 * journal replays those runs, and they are written again whole). */
static int repair_logs(const char *dir, char *err, size_t len)
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

static int write_run(FILE *runs, FILE *hist, const shp_campaign *cp, const char *case_name,
                     shp_problem *pb, const run_state *r, const shp_material *truth)
{
    const int dim = shp_problem_dim(pb), nobj = shp_problem_n_obj(pb);
    const char *vname = cp->variants[r->variant].name;
    double hv = NAN, ret = NAN, cond = NAN;
    const shp_pareto *a = shp_optimizer_archive(r->o);
    if (a && shp_pareto_size(a) > 0) {
        double ref[SHP_OPT_MAX_OBJ];
        for (int k = 0; k < SHP_OPT_MAX_OBJ; ++k) ref[k] = 1.0; /* ψ = 1: as good as the mean */
        if (shp_pareto_hypervolume(a, ref, &hv) != SHP_OK) hv = NAN;
    }
    if (truth && r->best_sum < HUGE_VAL) {
        const shp_forward_problem *fp = shp_problem_forward(pb);
        shp_material *best = malloc((size_t)fp->n_materials * sizeof *best);
        shp_curve_agreement ag;
        if (best && shp_problem_materials(pb, r->u_best, best, NULL, 0) == SHP_OK &&
            shp_curve_agreement_compute(&truth[0], &best[0], 1.0 / fp->cm_per_length,
                                        1e4 / fp->cm_per_length, &ag) == SHP_OK) {
            ret = ag.retention.rmse;
            cond = ag.conductivity.rmse;
        }
        free(best);
    }
    char alg[96];
    snprintf(alg, sizeof alg, "%s%s%s%s", shp_opt_algorithm_name(r->opt.step[0].alg),
             r->opt.n_steps > 1 ? "+" : "", r->opt.n_steps > 1 ? shp_opt_algorithm_name(r->opt.step[1].alg) : "",
             r->opt.polish ? "+lm" : "");
    /* the history first: a runs.csv row says the run is whole (repair_logs) */
    for (int g = 0; g < r->n_hist; ++g) {
        fprintf(hist, "%s,%s,%ld,%d,%ld,", case_name, vname, r->seed, g + 1, r->h_evals[g]);
        put_num(hist, r->h_best[g]);
        fputc('\n', hist);
    }
    if (fflush(hist) != 0) return SHP_ERR_IO;
    fprintf(runs, "%s,%s,%ld,%s,%ld,%.4f,%d,", case_name, vname, r->seed, alg, r->evals, r->wall, r->success);
    if (r->success) fprintf(runs, "%ld,%.4f", r->evals_to_target, r->wall_to_target);
    else fputc(',', runs);
    fprintf(runs, ",%s,%ld,", shp_opt_stop_reason_name(r->why), r->failed);
    put_num(runs, r->best_sum);
    fputc(',', runs);
    put_num(runs, hv);
    fputc(',', runs);
    put_num(runs, ret);
    fputc(',', runs);
    put_num(runs, cond);
    fputc(',', runs);
    for (int k = 0; k < nobj; ++k) {
        fprintf(runs, "%s%s=", k ? ";" : "", shp_obs_name(shp_problem_obj_kind(pb, k)));
        put_num(runs, r->f_best[k]);
    }
    fputc(',', runs);
    for (int j = 0; j < dim && r->best_sum < HUGE_VAL; ++j) {
        fprintf(runs, "%s%s=", j ? ";" : "", shp_problem_var_name(pb, j));
        put_num(runs, shp_problem_var_value(pb, j, r->u_best[j]));
    }
    fputc('\n', runs);
    /* a killed campaign keeps every run written so far */
    return fflush(runs) == 0 ? SHP_OK : SHP_ERR_IO;
}

/* ------------------------------------------------------------------ one case */

/* The fit starts from the synthesised (measured) θ_initial instead of the config's
 * initial state (docs/fit.md, "theta_initial.csv as a fit's initial condition"). */
static void use_measured_initial(cJSON *root)
{
    cJSON *init = cJSON_CreateObject();
    cJSON_AddStringToObject(init, "type", "csv");
    cJSON_AddStringToObject(init, "file", "obs/theta_initial.csv");
    cJSON_AddStringToObject(init, "variable", "theta");
    cJSON_AddBoolToObject(init, "extrapolate", 1);
    cJSON_ReplaceItemInObject(root, "initial", init);
}

/* The case's synth keys over the config's synth section; theta_initial added to the
 * synthesised series when the fit starts from it. */
static void merge_synth(const campaign_case *cc, cJSON *root)
{
    cJSON *sy = cJSON_GetObjectItem(root, "synth");
    if (!sy) sy = cJSON_AddObjectToObject(root, "synth");
    for (const cJSON *k = cc->synth_keys ? cc->synth_keys->child : NULL; k; k = k->next) {
        cJSON_DeleteItemFromObject(sy, k->string);
        cJSON_AddItemToObject(sy, k->string, cJSON_Duplicate(k, 1));
    }
    if (!cc->fit_initial_theta) return;
    cJSON *obs = cJSON_GetObjectItem(sy, "observations");
    if (!obs) {
        obs = cJSON_AddArrayToObject(sy, "observations");
        const char *dflt[] = {"theta_final", "v", "Q"};
        for (int i = 0; i < 3; ++i) cJSON_AddItemToArray(obs, cJSON_CreateString(dflt[i]));
    }
    int have = 0;
    for (const cJSON *o = obs->child; o; o = o->next) have |= cJSON_IsString(o) && !strcmp(o->valuestring, "theta_initial");
    if (!have) cJSON_AddItemToArray(obs, cJSON_CreateString("theta_initial"));
}

/* For a synthetic case: the config copied into dir/cases/<case>/ with its observation
 * files pointing to obs/ (and a CSV initial profile by absolute path), and synth run into
 * dir/cases/<case>/obs from the true state; then, for "fit_initial": "theta_initial",
 * the config rewritten to start from the synthesised θ_initial. Returns the config to
 * load in `path`. */
static int prepare_synth_case(const campaign_case *cc, const char *dir, shp_backend *be, char *path,
                              size_t plen, char *err, size_t len)
{
    char cdir[SHP_PATH_MAX], obs[SHP_PATH_MAX];
    if (snprintf(cdir, sizeof cdir, "%s/cases/%s", dir, cc->name) >= (int)sizeof cdir ||
        shp_path_join(obs, sizeof obs, cdir, "obs") != 0 || (int)plen <= snprintf(path, plen, "%s/config.json", cdir))
        return shp_path_too_long(dir, "cases/…", err, len);
    CFG_TRY(shp_mkdir_p(cdir, err, len));
    const cfg_ctx c = {cc->config, err, len};
    cJSON *root = NULL;
    CFG_TRY(cfg_load_json(&c, &root));
    cJSON *obsj = cJSON_GetObjectItem(cJSON_GetObjectItem(root, "fit"), "observations");
    for (cJSON *o = obsj ? obsj->child : NULL; o; o = o->next) {
        char file[96];
        snprintf(file, sizeof file, "obs/%s.csv", o->string);
        cJSON_ReplaceItemInObject(o, "file", cJSON_CreateString(file));
    }
    cJSON *init = cJSON_GetObjectItem(root, "initial");
    cJSON *ifile = init ? cJSON_GetObjectItem(init, "file") : NULL;
    if (cJSON_IsString(ifile) && ifile->valuestring[0] != '/') {
        char abs[SHP_PATH_MAX], base[SHP_PATH_MAX];
        char *rb = shp_path_beside(cc->config, ".", base, sizeof base) == 0 ? realpath(base, NULL) : NULL;
        const int w = snprintf(abs, sizeof abs, "%s/%s", rb ? rb : base, ifile->valuestring);
        free(rb);
        if (w >= (int)sizeof abs) {
            cJSON_Delete(root);
            return shp_path_too_long(base, ifile->valuestring, err, len);
        }
        cJSON_ReplaceItemInObject(init, "file", cJSON_CreateString(abs));
    }
    merge_synth(cc, root);
    int rc = shp_json_write_file(path, cJSON_Duplicate(root, 1), err, len);
    shp_synth_summary sum;
    if (rc == SHP_OK) rc = shp_synth_run(path, obs, -1, be, &sum, err, len);
    if (rc == SHP_OK && cc->fit_initial_theta) {
        use_measured_initial(root);
        rc = shp_json_write_file(path, root, err, len);
        root = NULL;
    }
    cJSON_Delete(root);
    return rc;
}

/* A message about the checked copy of synthetic case i (config) names the file the
 * problem is in: the campaign's cases[i].synth for a key it set, the case's config for
 * the rest. */
static void name_the_source(const shp_campaign *cp, int i, const char *config, char *err, size_t len)
{
    const campaign_case *cc = &cp->cases[i];
    const size_t n = strlen(config);
    if (strncmp(err, config, n) != 0 || strncmp(err + n, ": ", 2) != 0) return;
    char *rest = strdup(err + n + 2);
    if (!rest) return;
    char key[64] = "";
    sscanf(rest, "synth.%63[A-Za-z0-9_]", key);
    if (*key && cc->synth_keys && cfg_child(cc->synth_keys, key))
        snprintf(err, len, "%s: cases[%d].%s", cp->path, i, rest);
    else
        snprintf(err, len, "%s (case %s): %s", cc->config, cc->name, rest);
    free(rest);
}

int shp_campaign_check_cases(const shp_campaign *cp, char *err, size_t len)
{
    const char *tmp = getenv("TMPDIR");
    char scratch[SHP_PATH_MAX];
    if (snprintf(scratch, sizeof scratch, "%s/shpfit-check-XXXXXX", tmp && *tmp ? tmp : "/tmp") >= (int)sizeof scratch ||
        !mkdtemp(scratch)) {
        snprintf(err, len, "cannot create a temporary directory to check the cases: %s", strerror(errno));
        return SHP_ERR_IO;
    }
    int rc = SHP_OK;
    for (int i = 0; i < cp->n_cases && rc == SHP_OK; ++i) {
        const campaign_case *cc = &cp->cases[i];
        char config[SHP_PATH_MAX];
        snprintf(config, sizeof config, "%s", cc->config);
        if (cc->synth) {
            /* a config the synthesis cannot use is the user's to fix: not an I/O failure */
            rc = shp_synth_check(cc->config, err, len);
            if (rc == SHP_OK) rc = prepare_synth_case(cc, scratch, NULL, config, sizeof config, err, len);
            if (rc == SHP_ERR_NOT_CONVERGED) rc = SHP_ERR_CONFIG;
        }
        shp_problem *pb = NULL;
        if (rc == SHP_OK) rc = shp_problem_load(config, &pb, err, len);
        shp_fit_options own; /* the case's own fit options: a broken file is refused whole */
        if (rc == SHP_OK) rc = shp_fit_options_load(pb, -1, &own, err, len);
        for (int v = 0; v < cp->n_variants && rc == SHP_OK; ++v) {
            if (!shp_campaign_case_runs(cc, cp->variants[v].name)) continue;
            char path[32];
            snprintf(path, sizeof path, "variants[%d]", v);
            shp_fit_options opt;
            rc = shp_fit_options_parse(pb, cp->variants[v].spec, cp->path, path, 0, &opt, err, len);
        }
        shp_problem_free(pb);
        if (rc != SHP_OK && cc->synth) name_the_source(cp, i, config, err, len);
    }
    shp_remove_tree(scratch);
    return rc;
}

static int grow_hist(run_state *r)
{
    if (r->n_hist < r->cap_hist) return 0;
    const int nc = r->cap_hist ? 2 * r->cap_hist : 64;
    long *e = realloc(r->h_evals, (size_t)nc * sizeof *e);
    if (e) r->h_evals = e;
    double *b = realloc(r->h_best, (size_t)nc * sizeof *b);
    if (b) r->h_best = b;
    if (!e || !b) return -1;
    r->cap_hist = nc;
    return 0;
}

static void free_run(run_state *r)
{
    shp_optimizer_destroy(r->o);
    shp_lm_destroy(r->lm);
    free(r->u_best);
    free(r->f_best);
    free(r->h_evals);
    free(r->h_best);
}

/* Success by the campaign's target, for a run whose best just changed. */
static int reached(const shp_campaign *cp, shp_problem *pb, const run_state *r, const shp_material *truth)
{
    if (cp->target_kind == 0) return r->best_sum <= cp->target;
    if (!truth) return 0;
    const shp_forward_problem *fp = shp_problem_forward(pb);
    shp_material best[8];
    if (fp->n_materials > 8 || shp_problem_materials(pb, r->u_best, best, NULL, 0) != SHP_OK) return 0;
    shp_curve_agreement a;
    if (shp_curve_agreement_compute(&truth[0], &best[0], 1.0 / fp->cm_per_length, 1e4 / fp->cm_per_length,
                                    &a) != SHP_OK)
        return 0;
    return a.retention.rmse <= cp->target;
}


/* Start optimizer step s of run r (variant index v keys its random streams). */
static int start_step(run_state *r, const shp_problem *pb, int s, int v)
{
    const shp_fit_step *st = &r->opt.step[s];
    shp_optimizer_destroy(r->o);
    r->step = s;
    shp_step_space_init(&r->sp, pb, st, s > 0 ? r->opt.fixed_var : -1, r->fixed_u);
    /* step 1 keeps the single-step run_id, so one-step campaigns reproduce */
    r->o = shp_optimizer_create(st->alg, r->sp.sdim, st->n_obj, &st->settings, (uint64_t)r->seed, v + 1000 * s);
    r->best_key = HUGE_VAL;
    return r->o ? SHP_OK : SHP_ERR_NOMEM;
}

/* This round's candidates of run r into U (n_now × dim). */
static int ask_run(run_state *r, int dim, double *U)
{
    if (r->phase == PHASE_POLISH) {
        r->n_now = shp_lm_ask(r->lm);
        shp_step_space_expand(&r->sp, dim, shp_lm_candidates(r->lm), r->n_now, U);
        return SHP_OK;
    }
    CFG_TRY(shp_optimizer_ask(r->o, NULL));
    r->n_now = shp_optimizer_pop_size(r->o);
    shp_step_space_expand(&r->sp, dim, shp_optimizer_candidates(r->o), r->n_now, U);
    return SHP_OK;
}

/* What the current phase ranks by: the step's objectives summed while an optimizer
 * runs (the seed's step 1 ranks by θ_final alone), their squares summed (the polish's
 * cost) while polishing. */
static double phase_key(const run_state *r, const double *f)
{
    const shp_fit_step *st = &r->opt.step[r->step];
    double key = 0.0;
    for (int k = 0; k < st->n_obj; ++k) {
        const double v = f[st->obj[k]];
        key += r->phase == PHASE_POLISH ? v * v : v;
    }
    return key;
}

/* Keep the current step's best candidate (problem coordinates and every objective).
 * Returns 1 when it changed. */
static int track_best(run_state *r, const double *u, const double *f, int nobj, int dim)
{
    double sum = 0.0;
    for (int k = 0; k < nobj; ++k) sum += f[k];
    const double key = phase_key(r, f);
    if (!(key < r->best_key)) return 0;
    r->best_key = key;
    r->best_sum = sum;
    memcpy(r->u_best, u, (size_t)dim * sizeof *u);
    memcpy(r->f_best, f, (size_t)nobj * sizeof *f);
    return 1;
}

/* A step (and its polish) is over: start the next one from the value step 1 keeps, or
 * end the run. */
static int next_step_or_done(const shp_campaign *cp, run_state *r, const shp_problem *pb)
{
    const int more = r->step < r->opt.n_steps - 1 && r->best_sum < HUGE_VAL &&
                     !(r->success && cp->stop_at_target) && r->why != SHP_STOP_TIME &&
                     r->why != SHP_STOP_EVALUATIONS;
    if (!more) {
        r->phase = PHASE_DONE;
        return SHP_OK;
    }
    r->fixed_u = r->u_best[r->opt.fixed_var];
    r->phase = PHASE_OPTIMIZE;
    return start_step(r, pb, r->step + 1, r->variant);
}

/* After a round: end the step, its polish, the procedure, when their rules say so. */
static int advance_run(const shp_campaign *cp, run_state *r, shp_problem *pb, int dim)
{
    if (r->phase == PHASE_POLISH) {
        if (!shp_lm_done(r->lm)) return SHP_OK;
        shp_lm_destroy(r->lm);
        r->lm = NULL;
        return next_step_or_done(cp, r, pb);
    }
    const int last = r->step == r->opt.n_steps - 1;
    const shp_fit_step *st = &r->opt.step[r->step];
    shp_opt_stop_reason why = SHP_STOP_NONE;
    if (r->success && cp->stop_at_target) why = SHP_STOP_TARGET;
    else if (r->budget > 0 && r->evals_opt + shp_optimizer_pop_size(r->o) > r->budget) why = SHP_STOP_EVALUATIONS;
    else if (cp->budget_time_s > 0.0 && r->wall >= cp->budget_time_s) why = SHP_STOP_TIME;
    else if (!last) why = shp_optimizer_should_stop(r->o, &st->stop, r->wall);
    if (why == SHP_STOP_NONE) return SHP_OK;
    r->why = why;
    if (r->opt.polish && r->best_sum < HUGE_VAL && why != SHP_STOP_TARGET && why != SHP_STOP_TIME) {
        double x0[32]; /* shpfit/lm.h: at most 32 variables */
        shp_step_space_project(&r->sp, dim, r->u_best, x0);
        r->lm = shp_lm_create(r->sp.sdim, r->sp.n_res, &r->opt.lm, x0);
        if (!r->lm) return SHP_ERR_NOMEM;
        r->phase = PHASE_POLISH;
        r->best_key = phase_key(r, r->f_best); /* the polish must beat the optimizer's best */
        return SHP_OK;
    }
    return next_step_or_done(cp, r, pb);
}

/* Seconds on the case's clock (see shpfit/journal.h). */
static double case_clock(const shp_journal *j) { return j ? shp_journal_clock(j) : shp_wall_seconds(); }

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
            if (already_done(dir, cc->name, cp->variants[v].name, cp->seeds[s])) ++*done;
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

static int run_case(const shp_campaign *cp, int ci, const char *dir, shp_backend *be,
                    FILE *runs_f, FILE *hist_f, shp_campaign_progress_fn fn, void *ctx, char *err,
                    size_t len)
{
    const campaign_case *cc = &cp->cases[ci];
    char config[SHP_PATH_MAX];
    snprintf(config, sizeof config, "%s", cc->config);
    if (cc->synth) CFG_TRY(prepare_synth_case(cc, dir, be, config, sizeof config, err, len));
    shp_problem *pb = NULL;
    CFG_TRY(shp_problem_load(config, &pb, err, len));
    const int dim = shp_problem_dim(pb), nobj = shp_problem_n_obj(pb), n_res = shp_problem_n_residuals(pb);
    const shp_forward_problem *fp = shp_problem_forward(pb);
    shp_material *truth = malloc((size_t)fp->n_materials * sizeof *truth);
    const int have_truth = truth && cJSON_GetObjectItem((cJSON *)shp_problem_fit_config(pb), "truth") &&
                           shp_fit_truth(pb, truth, err, len) == SHP_OK;
    if (cp->target_kind == 1 && !have_truth) {
        snprintf(err, len, "case %s: the target retention_rmse needs fit.truth in %s", cc->name, config);
        free(truth);
        shp_problem_free(pb);
        return SHP_ERR_CONFIG;
    }
    shp_journal *jr = NULL;
    run_key *keys = NULL;
    int n_keys = 0, skipped = 0;
    int rc = open_case_journal(cp, cc, dir, pb, be, &jr, &keys, &n_keys, &skipped, err, len);
    shp_problem_set_journal(pb, jr);
    const int total = cp->n_variants * cp->n_seeds;
    run_state *runs = calloc((size_t)total + 1, sizeof *runs);
    int n = 0;
    if (rc == SHP_OK && !runs) rc = SHP_ERR_NOMEM;
    long round_cap = 0; /* candidates of one round, all runs */
    for (int k = 0; k < n_keys && rc == SHP_OK; ++k) {
        const int v = keys[k].variant;
        shp_fit_options opt;
        char path[64];
        snprintf(path, sizeof path, "variants[%d]", v);
        rc = shp_fit_options_parse(pb, cp->variants[v].spec, cp->path, path, 0, &opt, err, len);
        const long budget = cp->variants[v].budget_evals > 0 ? cp->variants[v].budget_evals : cp->budget_evals;
        /* the inertia schedule of PSO runs over the budget's generations */
        shp_fit_step *last = &opt.step[opt.n_steps - 1];
        if (rc == SHP_OK && budget > 0 && opt.n_steps == 1)
            last->settings.max_generations = (int)(budget / last->settings.pop_size + 1);
        if (rc != SHP_OK) break;
        run_state *r = &runs[n];
        r->variant = v;
        r->seed = (long)keys[k].seed;
        r->opt = opt;
        r->opt.seed = (uint64_t)r->seed;
        r->budget = budget;
        r->u_best = calloc((size_t)dim, sizeof *r->u_best);
        r->f_best = calloc((size_t)nobj, sizeof *r->f_best);
        if (start_step(r, pb, 0, v) != SHP_OK || !r->u_best || !r->f_best) {
            snprintf(err, len, "case %s, variant %s: cannot create the optimizer", cc->name,
                     cp->variants[v].name);
            rc = SHP_ERR_NOMEM;
            break;
        }
        int biggest = opt.step[0].settings.pop_size;
        if (opt.n_steps > 1 && opt.step[1].settings.pop_size > biggest) biggest = opt.step[1].settings.pop_size;
        if (opt.polish && biggest < shp_lm_max_candidates(dim, &opt.lm))
            biggest = shp_lm_max_candidates(dim, &opt.lm);
        round_cap += biggest;
        r->active = 1;
        r->phase = PHASE_OPTIMIZE;
        r->best_sum = HUGE_VAL;
        r->why = SHP_STOP_NONE;
        ++n;
    }
    free(keys);
    const long cap = round_cap ? round_cap : 1;
    double *U = malloc((size_t)cap * dim * sizeof *U);
    double *F = malloc((size_t)cap * nobj * sizeof *F);
    double *R = malloc((size_t)cap * n_res * sizeof *R), *Rs = malloc((size_t)cap * n_res * sizeof *Rs);
    double *Fs = malloc((size_t)cap * nobj * sizeof *Fs);
    int *OK = malloc((size_t)cap * sizeof *OK);
    if (rc == SHP_OK && (!U || !F || !R || !Rs || !Fs || !OK)) rc = SHP_ERR_NOMEM;
    /* the case's clock: the journal's, so a resumed case counts the time before the kill */
    const double t_case = case_clock(jr);
    long case_evals = 0;
    int active = n;
    while (rc == SHP_OK && active > 0) {
        /* every active run's round into one batch */
        long off = 0;
        int polishing = 0;
        for (int i = 0; i < n && rc == SHP_OK; ++i) {
            if (!runs[i].active) continue;
            rc = ask_run(&runs[i], dim, U + off * dim);
            off += runs[i].n_now;
            polishing |= runs[i].phase == PHASE_POLISH;
        }
        if (rc != SHP_OK) break;
        const double t0 = case_clock(jr);
        /* residuals only for a polish: the optimizers need the objectives alone */
        rc = shp_problem_evaluate_residuals(pb, be, U, (int)off, F, OK, polishing ? R : NULL);
        const double dt = case_clock(jr) - t0;
        case_evals += off;
        long at = 0;
        for (int i = 0; i < n && rc == SHP_OK; ++i) {
            run_state *r = &runs[i];
            if (!r->active) continue;
            const shp_fit_step *st = &r->opt.step[r->step];
            for (int q = 0; q < r->n_now; ++q) {
                const double *fq = F + (at + q) * nobj;
                for (int k = 0; k < st->n_obj; ++k) Fs[(long)q * st->n_obj + k] = fq[st->obj[k]];
                r->failed += !OK[at + q];
                ++r->evals;
                if (r->phase == PHASE_OPTIMIZE) ++r->evals_opt;
                if (!OK[at + q]) continue;
                if (track_best(r, U + (at + q) * dim, fq, nobj, dim) && !r->success &&
                    reached(cp, pb, r, have_truth ? truth : NULL)) {
                    r->success = 1;
                    r->evals_to_target = r->evals;
                    r->wall_to_target = r->wall + dt * (double)(q + 1) / (double)off;
                }
            }
            if (r->phase == PHASE_POLISH) {
                /* a polish that ended while asking (no trial step moved) has nothing to hear */
                if (r->n_now > 0) {
                    shp_step_space_residuals(&r->sp, pb, R + at * n_res, r->n_now, Rs);
                    rc = shp_lm_tell(r->lm, Rs, OK + at);
                }
            } else {
                rc = shp_optimizer_tell(r->o, Fs, OK + at);
            }
            if (rc != SHP_OK)
                snprintf(err, len, "case %s, variant %s, seed %ld: %s failed: %s", cc->name,
                         cp->variants[r->variant].name, r->seed,
                         r->phase == PHASE_POLISH ? "polish" : "optimizer", shp_strerror(rc));
            if (off > 0) r->wall += dt * r->n_now / (double)off; /* off = 0: every run ended while asking */
            at += r->n_now;
            if (grow_hist(r) == 0) {
                r->h_evals[r->n_hist] = r->evals;
                r->h_best[r->n_hist++] = r->best_sum;
            }
            if (rc == SHP_OK) rc = advance_run(cp, r, pb, dim);
            if (rc == SHP_OK && r->phase == PHASE_DONE) {
                r->active = 0;
                --active;
                /* a replayed run that an earlier invocation wrote is not written twice */
                if (!already_done(dir, cc->name, cp->variants[r->variant].name, r->seed) &&
                    write_run(runs_f, hist_f, cp, cc->name, pb, r, have_truth ? truth : NULL) != SHP_OK) {
                    snprintf(err, len, "%s: write failed: %s", dir, strerror(errno));
                    rc = SHP_ERR_IO;
                }
            }
        }
        if (fn) {
            shp_campaign_progress p = {cc->name, ci, cp->n_cases, active, total, skipped, case_evals,
                                       case_clock(jr) - t_case};
            fn(&p, ctx);
        }
    }
    for (int i = 0; i < n; ++i) free_run(&runs[i]);
    free(runs);
    free(U);
    free(F);
    free(R);
    free(Rs);
    free(Fs);
    free(OK);
    free(truth);
    if (rc != SHP_OK && jr && *shp_journal_error(jr)) /* the checkpoint's failure is the cause */
        snprintf(err, len, "case %s: %s", cc->name, shp_journal_error(jr));
    shp_problem_set_journal(pb, NULL);
    shp_journal_close(jr, rc == SHP_OK); /* the case is whole in runs.csv: its journal goes */
    shp_problem_free(pb);
    if (rc != SHP_OK && !err[0]) snprintf(err, len, "case %s: %s", cc->name, shp_strerror(rc));
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

int shp_campaign_run(shp_campaign *c, const char *dir, shp_backend *be, shp_campaign_progress_fn fn,
                     void *ctx, char *err, size_t len)
{
    if (err && len) err[0] = '\0';
    CFG_TRY(repair_logs(dir, err, len));
    FILE *runs_f = open_append(dir, "runs.csv", RUNS_HEADER, err, len);
    FILE *hist_f = runs_f ? open_append(dir, "history.csv", HIST_HEADER, err, len) : NULL;
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
