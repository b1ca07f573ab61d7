/* The smoothness statistic of the forward model; see smooth_stat.h and bench/README.md. */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include "smooth_stat.h"
#include "typical_box.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifdef _OPENMP
#include <omp.h>
#endif

#include "shpfit/rng.h"

/* Redraws before a model is declared to have no valid candidate for this stream. */
#define MAX_TRIES 10000

void smooth_cfg_default(smooth_cfg *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->candidates = 1000;
    cfg->model = -1;
    cfg->seed = 1;
    cfg->rel = 1e-10;
    cfg->threshold = 1e-6;
    cfg->floor = 1e-3;
    cfg->se_lo = 0.2;
    cfg->se_hi = 0.6;
    cfg->nodes = 61; /* the grid of configs/fit_loam.json */
    cfg->ratio = 1.05;
    cfg->depth = 100.0;
    cfg->head = 2.0;
    cfg->t_end = 180.0;
    cfg->every = 5.0;
    cfg->opt = shp_solver_opts_default();
    cfg->threads = 1;
}

const char *smooth_series_name(int series)
{
    static const char *name[SMOOTH_SERIES] = {"Q", "v_inst", "v_mean", "theta_final"};
    return series >= 0 && series < SMOOTH_SERIES ? name[series] : "-";
}

static double clock_s(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static double now_s(void) { return clock_s(CLOCK_MONOTONIC); }

/* Uniform initial head of material m at effective saturation se; non-finite when the
 * material has no such state. */
static double initial_head(const shp_material *m, double se) { return shp_hyd_h_of_se(m, se); }

/* Candidate k of model `model`: its own streams for the parameters and for the initial
 * saturation, so neither depends on how many redraws the other needed. */
static void draw_candidate(const smooth_cfg *cfg, int model, int k, smooth_cand *c)
{
    memset(c, 0, sizeof *c);
    c->model = model;
    c->k = k;
    c->worst_param = c->worst_series = c->worst_index = -1;
    c->score = NAN;
    shp_rng rs;
    shp_rng_init(&rs, cfg->seed, (uint64_t)model, (uint64_t)k, 1);
    c->se0 = shp_rng_range(&rs, cfg->se_lo, cfg->se_hi);

    const shp_model_desc *d = shp_model_by_id(model);
    shp_rng r;
    shp_rng_init(&r, cfg->seed, (uint64_t)model, (uint64_t)k, 0);
    for (int tries = 0; tries < MAX_TRIES; ++tries) {
        shp_model_material_init(d, &c->mat);
        int plausible = 1;
        for (int j = 0; j < d->n_params; ++j) {
            const shp_param_info *p = &d->params[j];
            /* a fit holds the model's constants at their values, so candidates do too */
            if (p->fixed && p->has_default) {
                c->mat.p[j] = p->def;
                continue;
            }
            const double u = shp_rng_uniform(&r);
            double blo, bhi;
            shp_typical_bounds(d, j, &blo, &bhi);
            c->mat.p[j] = p->log_scale ? exp(log(blo) + u * (log(bhi) - log(blo))) : blo + u * (bhi - blo);
            double lo, hi;
            shp_param_plausible(p, 1.0, 1.0, &lo, &hi);
            plausible &= c->mat.p[j] >= lo && c->mat.p[j] <= hi;
        }
        if (plausible && shp_model_validate(&c->mat, NULL, 0) == SHP_OK &&
            isfinite(initial_head(&c->mat, c->se0))) {
            c->drawn = 1;
            return;
        }
    }
}

/* Parameter j of m changed by the factor (1 + rel), or (1 − rel) where that leaves the
 * model's validity (a parameter at a closed upper bound). 0 when neither is valid. */
static int perturb(const shp_material *m, int j, double rel, shp_material *out)
{
    *out = *m;
    out->p[j] = m->p[j] * (1.0 + rel);
    if (shp_model_validate(out, NULL, 0) == SHP_OK) return 1;
    out->p[j] = m->p[j] * (1.0 - rel);
    return shp_model_validate(out, NULL, 0) == SHP_OK;
}

static int run_column(const shp_column *col, const shp_material *m, double se0, double *h0,
                      shp_column_result *res)
{
    const double h = initial_head(m, se0);
    if (!isfinite(h)) return SHP_ERR_INVALID;
    for (int i = 0; i < col->n; ++i) h0[i] = h;
    return shp_column_run_cpu(col, m, h0, res);
}

/* Largest |y − x| / max(|x|, floor · max |x|) of one series (x: the base run); the
 * floor keeps outputs that are nearly zero beside the rest of their series (a flux
 * that changes sign, a dry node) from turning rounding into large ratios. */
static double series_score(const double *x, const double *y, int n, double floor_frac, int *worst)
{
    double xmax = 0.0;
    for (int k = 0; k < n; ++k) xmax = fmax(xmax, fabs(x[k]));
    const double fl = floor_frac * xmax;
    double w = 0.0;
    *worst = -1;
    for (int k = 0; k < n; ++k) {
        const double d = fabs(y[k] - x[k]), s = fmax(fabs(x[k]), fl);
        double q = d == 0.0 ? 0.0 : d / s;
        if (isnan(q)) q = INFINITY;
        if (q > w) {
            w = q;
            *worst = k;
        }
    }
    return w;
}

static double out_score(const shp_column *col, const shp_column_out *x, const shp_column_out *y,
                        double floor_frac, int *series, int *index)
{
    const double *xs[SMOOTH_SERIES] = {x->Q, x->v_inst, x->v_mean, x->theta_prof};
    const double *ys[SMOOTH_SERIES] = {y->Q, y->v_inst, y->v_mean, y->theta_prof};
    double w = 0.0;
    *series = *index = -1;
    for (int s = 0; s < SMOOTH_SERIES; ++s) {
        int k;
        const double q = series_score(xs[s], ys[s], s == SMOOTH_THETA ? col->n : col->n_out, floor_frac, &k);
        if (q > w) {
            w = q;
            *series = s;
            *index = k;
        }
    }
    return w;
}

/* The base column and one column per parameter of candidate c. */
static int score_candidate(const smooth_cfg *cfg, const shp_column *col, smooth_cand *c)
{
    if (!c->drawn) return SHP_OK;
    shp_column_result base, pert;
    double *h0 = malloc((size_t)col->n * sizeof *h0);
    if (!h0) return SHP_ERR_NOMEM;
    if (shp_column_result_alloc(col, &base) != SHP_OK) {
        free(h0);
        return SHP_ERR_NOMEM;
    }
    if (shp_column_result_alloc(col, &pert) != SHP_OK) {
        shp_column_result_free(&base);
        free(h0);
        return SHP_ERR_NOMEM;
    }
    c->status = run_column(col, &c->mat, c->se0, h0, &base);
    c->columns = 1;
    c->steps_base = c->steps_all = base.stats.steps;
    c->failures_base = base.stats.failures;
    c->iterations_all = base.stats.iterations;
    if (c->status == SHP_OK) {
        const shp_model_desc *d = shp_model_by_id(c->model);
        c->score = 0.0;
        for (int j = 0; j < d->n_params; ++j) {
            shp_material m;
            if (!perturb(&c->mat, j, cfg->rel, &m)) {
                ++c->skipped;
                continue;
            }
            memset(&pert.stats, 0, sizeof pert.stats);
            const int st = run_column(col, &m, c->se0, h0, &pert);
            ++c->columns;
            c->steps_all += pert.stats.steps;
            c->iterations_all += pert.stats.iterations;
            int series = -1, index = -1, history = 0;
            double q;
            if (st != SHP_OK) {
                ++c->perturbed_failed;
                q = INFINITY;
            } else {
                q = out_score(col, &base.out, &pert.out, cfg->floor, &series, &index);
            }
            if (pert.stats.steps != base.stats.steps || pert.stats.failures != base.stats.failures) {
                ++c->steps_differ;
                history = 2;
            } else if (pert.stats.iterations != base.stats.iterations) {
                ++c->iters_differ;
                history = 1;
            }
            if (q > c->score) {
                c->score = q;
                c->worst_param = j;
                c->worst_series = series;
                c->worst_index = index;
                c->worst_history = history;
            }
        }
    }
    shp_column_result_free(&pert);
    shp_column_result_free(&base);
    free(h0);
    return SHP_OK;
}

static int check_cfg(const smooth_cfg *cfg, char *err, size_t len)
{
    const char *bad = NULL;
    if (cfg->candidates < 1) bad = "candidates must be >= 1";
    else if (cfg->model >= 0 && !shp_model_by_id(cfg->model)) bad = "unknown model";
    else if (!(cfg->rel >= 0.0 && cfg->rel < 1.0)) bad = "rel must be in [0, 1)";
    else if (!(cfg->threshold > 0.0)) bad = "threshold must be > 0";
    else if (!(cfg->floor >= 0.0 && cfg->floor <= 1.0)) bad = "floor must be in [0, 1]";
    else if (!(cfg->se_lo > 0.0 && cfg->se_lo <= cfg->se_hi && cfg->se_hi <= 1.0)) bad = "need 0 < se_lo <= se_hi <= 1";
    else if (cfg->nodes < 3) bad = "nodes must be >= 3";
    else if (!(cfg->ratio > 0.0) || !(cfg->depth > 0.0)) bad = "ratio and depth must be > 0";
    else if (!(cfg->every > 0.0 && cfg->t_end >= cfg->every)) bad = "need 0 < every <= end";
    else if (cfg->t_end / cfg->every > 1e6) bad = "too many output times";
    else if (!(cfg->opt.dt_max > 0.0) || !(cfg->opt.dt_init > 0.0)) bad = "dt_init and dt_max must be > 0";
    else if (cfg->opt.step_control == SHP_STEP_FIXED && !(cfg->opt.dt_max < 1e29))
        bad = "step_control fixed needs dt_max";
    else if (cfg->threads < 0) bad = "threads must be >= 0";
    if (bad && err) snprintf(err, len, "%s", bad);
    return bad ? SHP_ERR_INVALID : SHP_OK;
}

int smooth_run(const smooth_cfg *cfg, smooth_result *res, char *err, size_t len)
{
    memset(res, 0, sizeof *res);
    if (check_cfg(cfg, err, len) != SHP_OK) return SHP_ERR_INVALID;

    int models[64], nm = 0;
    if (cfg->model >= 0) models[nm++] = cfg->model;
    else
        for (int i = 0; i < shp_model_count() && nm < 64; ++i) models[nm++] = (int)shp_model_info(i)->id;

    /* outputs every `every` minutes; the last one exactly at t_end */
    int n_out = (int)floor(cfg->t_end / cfg->every * (1.0 + 1e-12));
    const int extra = n_out * cfg->every < cfg->t_end * (1.0 - 1e-12);
    n_out += extra;
    double *z = malloc((size_t)cfg->nodes * sizeof *z), *t_out = malloc((size_t)n_out * sizeof *t_out);
    int *mat = calloc((size_t)cfg->nodes, sizeof *mat);
    res->cand = calloc((size_t)cfg->candidates, sizeof *res->cand);
    if (!z || !t_out || !mat || !res->cand) {
        free(z);
        free(t_out);
        free(mat);
        free(res->cand);
        res->cand = NULL;
        if (err) snprintf(err, len, "out of memory");
        return SHP_ERR_NOMEM;
    }
    for (int k = 0; k < n_out; ++k) t_out[k] = (k + 1) * cfg->every;
    t_out[n_out - 1] = cfg->t_end;
    shp_grid_geometric(cfg->nodes, cfg->depth, cfg->ratio, z);

    shp_column col;
    memset(&col, 0, sizeof col);
    col.n = cfg->nodes;
    col.z = z;
    col.mat_of_node = mat;
    col.top.type = SHP_BC_HEAD;
    col.top.value = cfg->head;
    col.bottom.type = SHP_BC_FREE_DRAINAGE;
    col.opt = cfg->opt;
    col.n_out = n_out;
    col.t_out = t_out;

    res->n = cfg->candidates;
    int failed_alloc = 0, done = 0;
    const double t0 = now_s(), c0 = clock_s(CLOCK_PROCESS_CPUTIME_ID);
    int threads = 1;
#ifdef _OPENMP
    threads = cfg->threads > 0 ? cfg->threads : omp_get_max_threads();
#endif
    res->threads = threads;
    /* the models in turn, so that every model gets N/M candidates (±1) and the costly
     * ones are spread over the run */
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads)
    for (int i = 0; i < cfg->candidates; ++i) {
        smooth_cand *c = &res->cand[i];
        draw_candidate(cfg, models[i % nm], i / nm, c);
        if (score_candidate(cfg, &col, c) != SHP_OK) {
#pragma omp atomic write
            failed_alloc = 1;
        }
        if (cfg->progress) {
            int d;
#pragma omp atomic capture
            d = ++done;
            if (d % (cfg->candidates / 10 > 0 ? cfg->candidates / 10 : 1) == 0)
                fprintf(stderr, "smooth: %d/%d candidates, %.1f s\n", d, cfg->candidates, now_s() - t0);
        }
    }
    res->wall_s = now_s() - t0;
    res->cpu_s = clock_s(CLOCK_PROCESS_CPUTIME_ID) - c0;
    for (int i = 0; i < res->n; ++i) {
        res->columns += res->cand[i].columns;
        res->steps += res->cand[i].steps_all;
    }
    free(z);
    free(t_out);
    free(mat);
    if (failed_alloc) {
        smooth_result_free(res);
        if (err) snprintf(err, len, "out of memory");
        return SHP_ERR_NOMEM;
    }
    return SHP_OK;
}

void smooth_result_free(smooth_result *res)
{
    free(res->cand);
    memset(res, 0, sizeof *res);
}

static int cmp_double(const void *a, const void *b)
{
    const double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Scores of the scored candidates of `model` (−1: all), sorted; returns their count. */
static int sorted_scores(const smooth_result *res, int model, double *out)
{
    int n = 0;
    for (int i = 0; i < res->n; ++i) {
        const smooth_cand *c = &res->cand[i];
        if ((model < 0 || c->model == model) && c->drawn && c->status == SHP_OK) out[n++] = c->score;
    }
    qsort(out, (size_t)n, sizeof *out, cmp_double);
    return n;
}

static double quantile_sorted(const double *x, int n, double q)
{
    if (n == 0) return NAN;
    int k = (int)ceil(q * n) - 1;
    if (k < 0) k = 0;
    if (k >= n) k = n - 1;
    return x[k];
}

void smooth_summarize(const smooth_result *res, int model, double threshold, smooth_summary *s)
{
    memset(s, 0, sizeof *s);
    s->worst = s->median = NAN;
    for (int i = 0; i < res->n; ++i) {
        const smooth_cand *c = &res->cand[i];
        if (model >= 0 && c->model != model) continue;
        ++s->count;
        s->columns += c->columns;
        s->steps += c->steps_all;
        if (!c->drawn) {
            ++s->not_drawn;
            continue;
        }
        if (c->status != SHP_OK) {
            ++s->failed;
            continue;
        }
        ++s->scored;
        s->within += c->score < threshold;
        s->perturbed_failed += c->perturbed_failed > 0;
    }
    double *x = malloc((size_t)(res->n > 0 ? res->n : 1) * sizeof *x);
    if (!x) return;
    const int n = sorted_scores(res, model, x);
    if (n > 0) {
        s->worst = x[n - 1];
        s->median = n % 2 ? x[n / 2] : 0.5 * (x[n / 2 - 1] + x[n / 2]);
    }
    free(x);
}

void smooth_solver_line(const shp_solver_opts *o, char *buf, size_t len)
{
    char dtmax[32];
    if (o->dt_max >= 1e29) snprintf(dtmax, sizeof dtmax, "none");
    else snprintf(dtmax, sizeof dtmax, "%g", o->dt_max);
    snprintf(buf, len,
             "step_control %s, %s, dt_init %g, dt_min %g, dt_max %s, tol_time %g, tol_theta %g, "
             "tol_h %g, tol_mass %g, max_iter %d, grow %g, shrink %g, "
             "retry %g, max_steps %ld, kmean %d",
             o->step_control == SHP_STEP_FIXED ? "fixed" : "adaptive", o->newton ? "Newton" : "Picard",
             o->dt_init, o->dt_min, dtmax, o->tol_time, o->tol_theta, o->tol_h, o->tol_mass, o->max_iter,
             o->grow, o->shrink, o->retry, o->max_steps, o->kmean);
}

/* "vgm.l, vgm_ae.l, vgm_ae.h_s, …": the parameters that fits hold, perturbed here too. */
static void fixed_params_line(const smooth_cfg *cfg, char *buf, size_t len)
{
    size_t k = 0;
    buf[0] = '\0';
    for (int i = 0; i < shp_model_count() && k + 1 < len; ++i) {
        const shp_model_desc *d = shp_model_info(i);
        if (cfg->model >= 0 && (int)d->id != cfg->model) continue;
        for (int j = 0; j < d->n_params && k + 1 < len; ++j)
            if (d->params[j].fixed)
                k += (size_t)snprintf(buf + k, len - k, "%s%s.%s", k ? ", " : "", d->name, d->params[j].name);
    }
}

/* "label       text", the text wrapped at spaces to lines of at most 96 characters,
 * continued under its start. */
static void print_wrapped(FILE *f, const char *label, const char *text)
{
    const int indent = 12, width = 96;
    fprintf(f, "%-*s", indent, label);
    int col = indent;
    const char *p = text;
    while (*p) {
        const char *sp = strchr(p, ' ');
        const int w = sp ? (int)(sp - p) : (int)strlen(p);
        if (col > indent && col + 1 + w > width) {
            fprintf(f, "\n%*s", indent, "");
            col = indent;
        } else if (col > indent) {
            fputc(' ', f);
            ++col;
        }
        fprintf(f, "%.*s", w, p);
        col += w;
        p += w;
        while (*p == ' ') ++p;
    }
    fputc('\n', f);
}

static void fmt_score(char *buf, size_t len, double x)
{
    if (isnan(x)) snprintf(buf, len, "-");
    else if (isinf(x)) snprintf(buf, len, "inf");
    else if (x == 0.0) snprintf(buf, len, "0");
    else snprintf(buf, len, "%.2e", x);
}

void smooth_report(FILE *f, const smooth_cfg *cfg, const smooth_result *res)
{
    char line[2048], fixed[1024];
    const int nm = cfg->model >= 0 ? 1 : shp_model_count();
    fprintf(f, "Smoothness of the forward model (build/shpfit-bench smooth)\n\n");
    snprintf(line, sizeof line,
             "share of candidates whose outputs all move by < %g relative when any one parameter "
             "changes by %g relative (target: at least 99 %%)", cfg->threshold, cfg->rel);
    print_wrapped(f, "statistic", line);
    snprintf(line, sizeof line,
             "%d over %d model%s (seed %llu, the models in turn), each free parameter uniform "
             "(log-uniform on log-scale ones) in the seed soils' box of bench/typical_box.h, fixed ones at their "
             "defaults, redrawn until valid and plausible; initial Se uniform in [%g, %g]",
             cfg->candidates, nm, nm == 1 ? "" : "s", (unsigned long long)cfg->seed, cfg->se_lo, cfg->se_hi);
    print_wrapped(f, "candidates", line);
    fixed_params_line(cfg, fixed, sizeof fixed);
    snprintf(line, sizeof line,
             "every parameter of the model, one at a time: p(1 + rel), or p(1 - rel) where p(1 + rel) "
             "is invalid; the fixed ones included (%s)", fixed[0] ? fixed : "none");
    print_wrapped(f, "perturbed", line);
    snprintf(line, sizeof line,
             "Q, v_inst, v_mean every %g min to %g min and the final theta profile; score = max |dy| / "
             "max(|y|, %g max|y| of the series) over outputs and parameters; a perturbed column that "
             "fails scores inf", cfg->every, cfg->t_end, cfg->floor);
    print_wrapped(f, "outputs", line);
    snprintf(line, sizeof line,
             "ponded %g cm, free drainage, %g cm, %d nodes (geometric, ratio %g), initial Se uniform "
             "over the column", cfg->head, cfg->depth, cfg->nodes, cfg->ratio);
    print_wrapped(f, "column", line);
    smooth_solver_line(&cfg->opt, line, sizeof line);
    print_wrapped(f, "solver", line);
    fprintf(f, "threads     %d (OpenMP over candidates; results do not depend on it)\n\n", res->threads);

    fprintf(f, "%-22s %6s %6s %6s %6s %8s %9s %9s %9s %11s\n", "model", "cands", "failed", "scored",
            "within", "share", "worst", "median", "pert.fail", "steps/col");
    for (int i = 0; i <= shp_model_count(); ++i) {
        const int all = i == shp_model_count();
        const int id = all ? -1 : (int)shp_model_info(i)->id;
        if (!all && cfg->model >= 0 && id != cfg->model) continue;
        smooth_summary s;
        smooth_summarize(res, id, cfg->threshold, &s);
        char w[32], m[32], share[32];
        fmt_score(w, sizeof w, s.worst);
        fmt_score(m, sizeof m, s.median);
        if (s.scored) snprintf(share, sizeof share, "%.1f %%", 100.0 * s.within / s.scored);
        else snprintf(share, sizeof share, "-");
        fprintf(f, "%-22s %6d %6d %6d %6d %8s %9s %9s %9d %11.0f\n", all ? "all" : shp_model_by_id(id)->name,
                s.count, s.failed + s.not_drawn, s.scored, s.within, share, w, m, s.perturbed_failed,
                s.columns ? (double)s.steps / (double)s.columns : 0.0);
    }
    smooth_summary all;
    smooth_summarize(res, -1, cfg->threshold, &all);
    fprintf(f, "(failed: the base column did not finish, or no valid parameter set was drawn (%d); not\n"
               " scored. pert.fail: scored candidates with a perturbed column that did not finish)\n\n",
            all.not_drawn);

    /* the distribution, by decades */
    double *x = malloc((size_t)(res->n > 0 ? res->n : 1) * sizeof *x);
    if (x) {
        const int n = sorted_scores(res, -1, x);
        static const double edge[] = {1e-15, 1e-12, 1e-9, 1e-6, 1e-3, 1.0};
        const int ne = (int)(sizeof edge / sizeof edge[0]);
        int cnt[8] = {0}, zero = 0, inf = 0;
        for (int k = 0; k < n; ++k) {
            if (x[k] == 0.0) ++zero;
            else if (isinf(x[k])) ++inf;
            else {
                int b = 0;
                while (b < ne && x[k] >= edge[b]) ++b;
                ++cnt[b];
            }
        }
        char buf[512];
        size_t k = 0;
        k += (size_t)snprintf(buf + k, sizeof buf - k, "%d scored:", n);
        if (zero) k += (size_t)snprintf(buf + k, sizeof buf - k, " 0: %d;", zero);
        k += (size_t)snprintf(buf + k, sizeof buf - k, " below 1e-15: %d;", cnt[0]);
        for (int b = 1; b < ne; ++b)
            k += (size_t)snprintf(buf + k, sizeof buf - k, " [%g, %g): %d;", edge[b - 1], edge[b], cnt[b]);
        snprintf(buf + k, sizeof buf - k, " 1 or more: %d; inf: %d", cnt[ne], inf);
        print_wrapped(f, "scores", buf);
        char q50[32], q90[32], q99[32];
        fmt_score(q50, sizeof q50, quantile_sorted(x, n, 0.5));
        fmt_score(q90, sizeof q90, quantile_sorted(x, n, 0.9));
        fmt_score(q99, sizeof q99, quantile_sorted(x, n, 0.99));
        fprintf(f, "quantiles   50 %% %s, 90 %% %s, 99 %% %s\n", q50, q90, q99);
        free(x);
    }

    /* what moved the candidates over the threshold */
    {
        const char *pname[64];
        int pcount[64], np = 0, scount[SMOOTH_SERIES + 1] = {0}, hcount[3] = {0};
        for (int i = 0; i < res->n; ++i) {
            const smooth_cand *c = &res->cand[i];
            if (!c->drawn || c->status != SHP_OK || c->score < cfg->threshold || c->worst_param < 0) continue;
            const char *nmj = shp_model_by_id(c->model)->params[c->worst_param].name;
            int j = 0;
            while (j < np && strcmp(pname[j], nmj) != 0) ++j;
            if (j == np && np < 64) {
                pname[np] = nmj;
                pcount[np++] = 0;
            }
            if (j < np) ++pcount[j];
            ++scount[c->worst_series >= 0 ? c->worst_series : SMOOTH_SERIES];
            ++hcount[c->worst_history];
        }
        if (np) {
            char buf[1024];
            size_t k = 0;
            int over = 0;
            for (int j = 0; j < np; ++j) over += pcount[j];
            k += (size_t)snprintf(buf + k, sizeof buf - k,
                                  "of the %d candidates at or above %g, by the parameter that moved the "
                                  "outputs most:", over, cfg->threshold);
            for (int j = 0; j < np && k < sizeof buf; ++j)
                k += (size_t)snprintf(buf + k, sizeof buf - k, "%s %s %d", j ? "," : "", pname[j], pcount[j]);
            if (k < sizeof buf) k += (size_t)snprintf(buf + k, sizeof buf - k, "; by the output:");
            for (int s2 = 0; s2 < SMOOTH_SERIES && k < sizeof buf; ++s2)
                k += (size_t)snprintf(buf + k, sizeof buf - k, " %s %d,", smooth_series_name(s2), scount[s2]);
            if (k < sizeof buf)
                snprintf(buf + k, sizeof buf - k,
                         " a failed column %d; that column against the base: other step or failure "
                         "count %d, same counts but other iteration count %d, same counts %d",
                         scount[SMOOTH_SERIES], hcount[2], hcount[1], hcount[0]);
            print_wrapped(f, "causes", buf);
        }
    }

    /* the largest scores, for a look at single columns (--model NAME --seed, CSV index) */
    {
        int shown[10], ns = 0;
        while (ns < 10) {
            int best = -1;
            for (int i = 0; i < res->n; ++i) {
                const smooth_cand *c = &res->cand[i];
                if (!c->drawn || c->status != SHP_OK || !(c->score >= cfg->threshold)) continue;
                int seen = 0;
                for (int k = 0; k < ns; ++k) seen |= shown[k] == i;
                if (!seen && (best < 0 || c->score > res->cand[best].score)) best = i;
            }
            if (best < 0) break;
            shown[ns++] = best;
        }
        if (ns) fprintf(f, "largest scores (CSV index, model #k, initial Se: score, parameter, output):\n");
        for (int k = 0; k < ns; ++k) {
            const smooth_cand *c = &res->cand[shown[k]];
            const shp_model_desc *d = shp_model_by_id(c->model);
            char sc[32], where[64];
            fmt_score(sc, sizeof sc, c->score);
            if (c->worst_series < 0) snprintf(where, sizeof where, "a perturbed column failed");
            else if (c->worst_series == SMOOTH_THETA) snprintf(where, sizeof where, "theta_final at node %d", c->worst_index);
            else snprintf(where, sizeof where, "%s at %g min", smooth_series_name(c->worst_series),
                          fmin((c->worst_index + 1) * cfg->every, cfg->t_end));
            static const char *hist[3] = {"same step and iteration counts", "other iteration count",
                                          "other step or failure count"};
            fprintf(f, "  %5d %s #%d, Se %.3f: %s, %s, %s; %s (base: %ld steps, %ld failures)\n", shown[k],
                    d->name, c->k, c->se0, sc, c->worst_param >= 0 ? d->params[c->worst_param].name : "-",
                    where, hist[c->worst_history], c->steps_base, c->failures_base);
        }
    }

    const double share = all.scored ? (double)all.within / all.scored : 0.0;
    fprintf(f, "\nverdict     %.1f %% of %d scored candidates within %g: %s (target at least 99 %%)\n",
            100.0 * share, all.scored, cfg->threshold, share >= 0.99 ? "met" : "NOT met");
    snprintf(line, sizeof line,
             "%ld columns, %ld steps (%.0f per column); %.1f s wall on %d thread%s, %.1f s CPU: %.1f ms CPU "
             "per candidate, %.2f ms CPU per column",
             res->columns, res->steps, res->columns ? (double)res->steps / res->columns : 0.0, res->wall_s,
             res->threads, res->threads == 1 ? "" : "s", res->cpu_s, res->n ? 1e3 * res->cpu_s / res->n : 0.0,
             res->columns ? 1e3 * res->cpu_s / res->columns : 0.0);
    print_wrapped(f, "work", line);
}

int smooth_write_csv(const char *path, const smooth_result *res)
{
    FILE *f = fopen(path, "w");
    if (!f) return -1;
    fprintf(f, "index,model,k,se0,status,score,worst_param,worst_output,worst_index,worst_history,"
               "perturbed_failed,steps_differ,iters_differ,skipped,columns,steps_base,failures_base,"
               "steps_all,iterations_all,params\n");
    for (int i = 0; i < res->n; ++i) {
        const smooth_cand *c = &res->cand[i];
        const shp_model_desc *d = shp_model_by_id(c->model);
        const char *wp = c->worst_param >= 0 ? d->params[c->worst_param].name : "";
        const char *wo = c->worst_param < 0 ? "" : c->worst_series >= 0 ? smooth_series_name(c->worst_series)
                                                                        : "failed";
        static const char *hist[3] = {"same", "iterations", "steps"};
        fprintf(f, "%d,%s,%d,%.17g,%s,%.17g,%s,%s,%d,%s,%d,%d,%d,%d,%d,%ld,%ld,%ld,%ld,\"", i, d->name, c->k,
                c->se0, c->drawn ? shp_status_name(c->status) : "not_drawn", c->score, wp, wo, c->worst_index,
                c->worst_param >= 0 ? hist[c->worst_history] : "", c->perturbed_failed, c->steps_differ,
                c->iters_differ, c->skipped, c->columns, c->steps_base, c->failures_base, c->steps_all,
                c->iterations_all);
        for (int j = 0; j < d->n_params; ++j)
            fprintf(f, "%s%s=%.17g", j ? " " : "", d->params[j].name, c->mat.p[j]);
        fprintf(f, "\"\n");
    }
    return fclose(f) == 0 ? 0 : -1;
}
