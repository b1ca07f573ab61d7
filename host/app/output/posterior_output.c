/* The output of `shpfit posterior` (io/posterior_output.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "output/curves.h"
#include "io/fs.h"
#include "io/json_file.h"
#include "output/posterior_output.h"
#include "shpfit/physics/hydraulics.h"
#include "shpfit/rng.h"

#define NUM "%.12g"

/* pF grid of posterior_curves.csv */
#define PF_MIN (-2.0)
#define PF_MAX 7.0
#define PF_PER_DECADE 20

#define NOISE_DRAWS 50 /* noise realisations per posterior draw in the predictive band */

const char *const shp_posterior_files[] = {"posterior.json",       "posterior_samples.csv", "posterior_chains.csv",
                                           "posterior_rhat.csv",   "posterior_predictive.csv",
                                           "posterior_curves.csv", "posterior_plots.gp",    "plot.log",
                                           "posterior_marginals.png", "posterior_pairs.png", "posterior_traces.png",
                                           "posterior_predictive.png", "posterior_retention.png",
                                           "posterior_conductivity.png", NULL};

/* Quantiles ps[0..m) of n values (sorted in place, once) into q. */
static void quantiles(double *v, int n, const double *ps, int m, double *q)
{
    shp_sort_doubles(v, n);
    for (int k = 0; k < m; ++k) q[k] = shp_quantile_sorted(v, n, ps[k]);
}

static const double Q3[3] = {0.025, 0.5, 0.975};

/* The states of generations g0 … g1, every chain; with flag_from ≥ 0 a last column
 * in_sample (1 from that generation on). */
static int write_states(const char *dir, const char *name, const shp_problem *pb, const shp_posterior_result *r,
                        long g0, long g1, long flag_from, char *err, size_t len)
{
    char path[SHP_PATH_MAX];
    FILE *f = shp_file_create_in(dir, name, path, sizeof path, err, len);
    if (!f) return SHP_ERR_IO;
    fprintf(f, "chain,generation");
    for (int j = 0; j < r->dim; ++j) fprintf(f, ",%s", shp_problem_var_name(pb, j));
    fprintf(f, ",log_likelihood,log_prior%s\n", flag_from >= 0 ? ",in_sample" : "");
    for (long g = g0; g <= g1; ++g)
        for (int c = 0; c < r->chains; ++c) {
            const size_t k = (size_t)g * r->chains + c;
            fprintf(f, "%d,%ld", c + 1, g);
            for (int j = 0; j < r->dim; ++j)
                fprintf(f, "," NUM, shp_problem_var_value(pb, j, shp_posterior_state(r, g, c)[j]));
            fprintf(f, "," NUM "," NUM, r->loglik[k], r->logprior[k]);
            if (flag_from >= 0) fprintf(f, ",%d", g >= flag_from);
            fputc('\n', f);
        }
    return shp_file_close(f, path, err, len);
}

static int write_checks(const char *dir, const shp_problem *pb, const shp_posterior_result *r, char *err, size_t len)
{
    char path[SHP_PATH_MAX];
    FILE *f = shp_file_create_in(dir, "posterior_rhat.csv", path, sizeof path, err, len);
    if (!f) return SHP_ERR_IO;
    fprintf(f, "generation,evaluations,stage,window_start");
    for (int j = 0; j < r->dim; ++j) fprintf(f, ",rhat_%s", shp_problem_var_name(pb, j));
    fputc('\n', f);
    for (int i = 0; i < r->n_checks; ++i) {
        const shp_posterior_check *c = &r->checks[i];
        fprintf(f, "%ld,%ld,%s,%ld", c->generation, (c->generation + 1) * r->chains,
                c->stage ? "sampling" : "burn_in", c->window_start);
        for (int j = 0; j < r->dim; ++j) fprintf(f, "," NUM, c->rhat[j]);
        fputc('\n', f);
    }
    return shp_file_close(f, path, err, len);
}

/* Units of a series' abscissa and values (as best_series.csv gives them). */
static void series_units(const shp_forward_problem *fp, int kind, char *xu, char *vu, size_t len)
{
    const char *L = shp_forward_length_unit(fp), *T = shp_forward_time_unit(fp);
    snprintf(xu, len, "%s", kind == SHP_OBS_Q || kind == SHP_OBS_V || kind == SHP_OBS_THETA_T ? T : L);
    if (kind == SHP_OBS_Q) snprintf(vu, len, "%s", L);
    else if (kind == SHP_OBS_V) snprintf(vu, len, "%s/%s", L, T);
    else if (kind == SHP_OBS_CONDUCTIVITY) snprintf(vu, len, "log10(%s/%s)", L, T);
    else snprintf(vu, len, "-");
}

/* Every observed series at n posterior draws: the simulated values' 2.5, 50 and 97.5 %
 * points (parameter uncertainty) and those of the simulated values plus Gaussian noise of
 * the likelihood's σ (known, or each draw's own residual RMS when integrated out: the
 * posterior predictive of new observations), NOISE_DRAWS realisations per draw; one
 * column per draw. */
static int write_predictive(const char *dir, shp_problem *pb, shp_backend *be, const shp_posterior_options *o,
                            const shp_posterior_result *r, shp_posterior_predictive_info *pi, char *err, size_t len)
{
    const shp_forward_problem *fp = shp_problem_forward(pb);
    int nd = o->predictive_draws;
    long *gen = malloc((size_t)(nd > 0 ? nd : 1) * sizeof *gen);
    int *chain = malloc((size_t)(nd > 0 ? nd : 1) * sizeof *chain);
    int npts[SHP_OBS_COUNT] = {0}, total = 0, off[SHP_OBS_COUNT];
    shp_problem_simulate(pb, be, shp_posterior_state(r, r->map_generation, r->map_chain));
    for (int kind = 0; kind < SHP_OBS_COUNT; ++kind) {
        off[kind] = total;
        if (shp_problem_has_obs(pb, kind)) {
            const double *x, *x2, *obs, *sim;
            npts[kind] = shp_problem_series(pb, kind, &x, &x2, &obs, &sim);
            if (npts[kind] < 0) npts[kind] = 0;
            total += npts[kind];
        }
    }
    nd = gen && chain ? shp_posterior_draws(r, nd, gen, chain) : 0;
    double *sim_all = malloc((size_t)(nd > 0 ? nd : 1) * (size_t)(total > 0 ? total : 1) * sizeof *sim_all);
    double *noise_sd = malloc((size_t)(nd > 0 ? nd : 1) * SHP_OBS_COUNT * sizeof *noise_sd);
    double *tmp = malloc((size_t)(nd > 0 ? nd : 1) * NOISE_DRAWS * sizeof *tmp);
    if (!gen || !chain || !sim_all || !noise_sd || !tmp) {
        free(gen), free(chain), free(sim_all), free(noise_sd), free(tmp);
        snprintf(err, len, "posterior: out of memory for the predictive draws");
        return SHP_ERR_NOMEM;
    }
    int good = 0;
    pi->failed = 0;
    for (int d = 0; d < nd; ++d) {
        if (shp_problem_simulate(pb, be, shp_posterior_state(r, gen[d], chain[d])) != SHP_OK) {
            ++pi->failed;
            continue;
        }
        for (int kind = 0; kind < SHP_OBS_COUNT; ++kind) {
            if (!npts[kind]) continue;
            const double *x, *x2, *obs, *sim;
            const int n = shp_problem_series(pb, kind, &x, &x2, &obs, &sim);
            double s = o->sigma[kind];
            if (!o->sigma_known) {
                double ss = 0.0;
                for (int i = 0; i < n; ++i) ss += (sim[i] - obs[i]) * (sim[i] - obs[i]);
                s = sqrt(ss / n);
            }
            noise_sd[(size_t)good * SHP_OBS_COUNT + kind] = s;
            for (int i = 0; i < n && i < npts[kind]; ++i) sim_all[(size_t)good * total + off[kind] + i] = sim[i];
        }
        ++good;
    }
    pi->draws = nd;
    /* the MAP's series last, so that the columns and the problem's last simulation agree */
    shp_problem_simulate(pb, be, shp_posterior_state(r, r->map_generation, r->map_chain));
    char path[SHP_PATH_MAX];
    FILE *f = shp_file_create_in(dir, "posterior_predictive.csv", path, sizeof path, err, len);
    if (f) {
        fprintf(f, "series,x,x_unit,depth_%s,observed,map,lo95,median,hi95,pred_lo95,pred_hi95,value_unit\n",
                shp_forward_length_unit(fp));
        for (int kind = 0; kind < SHP_OBS_COUNT; ++kind) {
            if (!npts[kind]) continue;
            const double *x, *x2, *obs, *sim;
            const int n = shp_problem_series(pb, kind, &x, &x2, &obs, &sim);
            char xu[32], vu[32];
            series_units(fp, kind, xu, vu, sizeof xu);
            for (int i = 0; i < n && i < npts[kind]; ++i) {
                double q[5];
                for (int d = 0; d < good; ++d) tmp[d] = sim_all[(size_t)d * total + off[kind] + i];
                quantiles(tmp, good, Q3, 3, q);
                /* NOISE_DRAWS noise realisations per draw, from a stream of its own per point */
                shp_rng rng;
                shp_rng_init(&rng, o->seed, 0x70726564ULL /* "pred" */, (uint64_t)kind, (uint64_t)i);
                for (int d = 0; d < good; ++d)
                    for (int k = 0; k < NOISE_DRAWS; ++k)
                        tmp[d * NOISE_DRAWS + k] = sim_all[(size_t)d * total + off[kind] + i] +
                                                   noise_sd[(size_t)d * SHP_OBS_COUNT + kind] * shp_rng_normal(&rng);
                const double ends[2] = {0.025, 0.975};
                quantiles(tmp, good * NOISE_DRAWS, ends, 2, q + 3);
                fprintf(f, "%s," NUM ",%s,", shp_obs_name(kind), x[i], xu);
                if (kind == SHP_OBS_THETA_T) fprintf(f, NUM, x2[i]);
                else if (kind == SHP_OBS_THETA_FINAL) fprintf(f, NUM, x[i]);
                fprintf(f, "," NUM "," NUM, obs[i], sim[i]);
                for (int m = 0; m < 5; ++m) fprintf(f, "," NUM, q[m]);
                fprintf(f, ",%s\n", vu);
            }
        }
    }
    free(gen), free(chain), free(sim_all), free(noise_sd), free(tmp);
    return f ? shp_file_close(f, path, err, len) : SHP_ERR_IO;
}

/* θ(h) and K(h) of every material at n draws: 2.5, 50, 97.5 % points and the MAP's, on
 * pF −2 … 7. K is left empty for a material whose K the fit does not determine. */
static int write_curves(const char *dir, const shp_problem *pb, const shp_posterior_options *o,
                        const shp_posterior_result *r, char *err, size_t len)
{
    const shp_forward_problem *fp = shp_problem_forward(pb);
    const int nm = shp_forward_n_materials(fp), npf = (int)lround((PF_MAX - PF_MIN) * PF_PER_DECADE) + 1;
    int nd = o->predictive_draws > 0 ? o->predictive_draws : 1;
    long *gen = malloc((size_t)nd * sizeof *gen);
    int *chain = malloc((size_t)nd * sizeof *chain);
    shp_material *mats = malloc((size_t)(nd + 1) * (size_t)nm * sizeof *mats);
    double *th = malloc((size_t)nd * sizeof *th), *lk = malloc((size_t)nd * sizeof *lk);
    if (!gen || !chain || !mats || !th || !lk) {
        free(gen), free(chain), free(mats), free(th), free(lk);
        snprintf(err, len, "posterior: out of memory for the curves");
        return SHP_ERR_NOMEM;
    }
    nd = shp_posterior_draws(r, nd, gen, chain);
    int good = 0;
    for (int d = 0; d < nd; ++d)
        if (shp_problem_materials(pb, shp_posterior_state(r, gen[d], chain[d]), mats + (size_t)good * nm, NULL, 0) ==
            SHP_OK)
            ++good;
    shp_material *map = mats + (size_t)nd * nm;
    const int have_map = shp_problem_materials(pb, shp_posterior_state(r, r->map_generation, r->map_chain), map,
                                               NULL, 0) == SHP_OK;
    char path[SHP_PATH_MAX];
    FILE *f = shp_file_create_in(dir, "posterior_curves.csv", path, sizeof path, err, len);
    if (f) {
        const char *L = shp_forward_length_unit(fp), *T = shp_forward_time_unit(fp);
        fprintf(f, "pF,suction_cm,h_%s", L);
        for (int i = 0; i < nm; ++i) {
            char m[128];
            shp_curve_file_name(m, sizeof m, shp_forward_material_name(fp, i));
            fprintf(f, ",theta_%s_map,theta_%s_lo95,theta_%s_median,theta_%s_hi95", m, m, m, m);
            fprintf(f, ",K_%s_map_%s_per_%s,K_%s_lo95,K_%s_median,K_%s_hi95", m, L, T, m, m, m);
        }
        fputc('\n', f);
        for (int p = 0; p < npf; ++p) {
            const double pF = PF_MIN + (double)p / PF_PER_DECADE, suction = pow(10.0, pF);
            const double h = -suction / shp_forward_cm_per_length(fp);
            fprintf(f, "%.4g,%.10g,%.10g", pF, suction, h);
            for (int i = 0; i < nm; ++i) {
                double t, K, C, dK;
                for (int d = 0; d < good; ++d) {
                    shp_hyd_eval(&mats[(size_t)d * nm + i], h, &t, &K, &C, &dK);
                    th[d] = t;
                    lk[d] = log10(K);
                }
                shp_hyd_eval(&map[i], h, &t, &K, &C, &dK);
                if (!have_map) t = K = NAN;
                double q[3], qk[3];
                quantiles(th, good, Q3, 3, q);
                quantiles(lk, good, Q3, 3, qk);
                fprintf(f, "," NUM "," NUM "," NUM "," NUM, t, q[0], q[1], q[2]);
                if (shp_problem_k_determined(pb, i))
                    fprintf(f, "," NUM "," NUM "," NUM "," NUM, K, pow(10.0, qk[0]), pow(10.0, qk[1]),
                            pow(10.0, qk[2]));
                else
                    fprintf(f, ",,,,");
            }
            fputc('\n', f);
        }
    }
    free(gen), free(chain), free(mats), free(th), free(lk);
    return f ? shp_file_close(f, path, err, len) : SHP_ERR_IO;
}

static const char *prior_name(int kind)
{
    static const char *const n[] = {"search_scale", "uniform", "log_uniform", "normal", "lognormal"};
    return kind >= 0 && kind <= SHP_PRIOR_LOGNORMAL ? n[kind] : "?";
}

static cJSON *build_json(const shp_problem *pb, const shp_posterior_options *o, const shp_posterior_result *r,
                         const shp_fit_run_info *info, const shp_posterior_predictive_info *pi)
{
    const shp_forward_problem *fp = shp_problem_forward(pb);
    cJSON *j = shp_json_output_begin("posterior", shp_forward_source(fp));
    if (!j) return NULL;
    cJSON_AddStringToObject(j, "status", r->converged ? "converged" : "not_converged");
    cJSON_AddStringToObject(j, "mode", "posterior");
    shp_json_add_units(j, shp_forward_length_unit(fp), shp_forward_time_unit(fp));
    cJSON_AddStringToObject(j, "backend", info->backend);
    cJSON_AddNumberToObject(j, "threads", info->threads);
    char seed[32];
    snprintf(seed, sizeof seed, "%llu", (unsigned long long)o->seed);
    cJSON_AddStringToObject(j, "seed", seed);

    cJSON *s = cJSON_AddObjectToObject(j, "sampler");
    cJSON_AddStringToObject(s, "method", "DREAM(ZS) (ter Braak & Vrugt 2008; Vrugt 2016)");
    cJSON_AddNumberToObject(s, "chains", o->dream.chains);
    cJSON_AddNumberToObject(s, "pairs", o->dream.pairs);
    cJSON_AddNumberToObject(s, "crossover", o->dream.n_cr);
    cJSON_AddNumberToObject(s, "snooker", o->dream.p_snooker);
    cJSON_AddNumberToObject(s, "unit_jump", o->dream.p_unit_jump);
    cJSON_AddNumberToObject(s, "archive_every", o->dream.archive_every);
    cJSON_AddNumberToObject(s, "archive_init", o->dream.archive_init);
    cJSON *cr = cJSON_AddArrayToObject(s, "crossover_probabilities");
    for (int m = 0; m < r->n_cr; ++m) cJSON_AddItemToArray(cr, cJSON_CreateNumber(r->cr_prob[m]));

    cJSON *lik = cJSON_AddObjectToObject(j, "likelihood");
    cJSON_AddStringToObject(lik, "errors", "Gaussian, independent, one sigma per objective");
    if (!o->sigma_known) {
        cJSON_AddStringToObject(lik, "sigma", "integrated (Jeffreys prior 1/sigma per objective)");
    } else {
        cJSON *sg = cJSON_AddObjectToObject(lik, "sigma");
        for (int k = 0; k < shp_problem_n_obj(pb); ++k) {
            const int kind = shp_problem_obj_kind(pb, k);
            cJSON_AddNumberToObject(sg, shp_obs_name(kind), o->sigma[kind]);
        }
    }

    cJSON *cv = cJSON_AddObjectToObject(j, "convergence");
    cJSON_AddNumberToObject(cv, "rhat_target", o->rhat_target);
    cJSON_AddBoolToObject(cv, "converged", r->converged);
    cJSON_AddNumberToObject(cv, "generations", (double)r->generations);
    cJSON_AddNumberToObject(cv, "burn_in_end", (double)r->burn_in_end);
    cJSON *w = cJSON_AddArrayToObject(cv, "window");
    cJSON_AddItemToArray(w, cJSON_CreateNumber((double)r->window_start));
    cJSON_AddItemToArray(w, cJSON_CreateNumber((double)r->generations));
    cJSON_AddNumberToObject(cv, "samples", (double)((r->generations - r->window_start + 1) * r->chains));
    cJSON_AddNumberToObject(cv, "outlier_resets", r->outlier_resets);
    cJSON_AddNumberToObject(cv, "max_evaluations", (double)o->max_evaluations);

    cJSON_AddNumberToObject(j, "evaluations", (double)r->evaluations);
    cJSON_AddNumberToObject(j, "failed", (double)r->failed);
    shp_json_add_number(j, "acceptance_rate", r->proposed > 0 ? (double)r->accepted / (double)r->proposed : NAN);
    cJSON_AddNumberToObject(j, "wall_s", r->wall_s);

    cJSON *ps = cJSON_AddObjectToObject(j, "parameters");
    const double *umap = shp_posterior_state(r, r->map_generation, r->map_chain);
    for (int v = 0; v < r->dim; ++v) {
        cJSON *p = cJSON_AddObjectToObject(ps, shp_problem_var_name(pb, v));
        char unit[64];
        shp_problem_var_units(pb, v, unit, sizeof unit);
        cJSON_AddStringToObject(p, "unit", unit);
        shp_json_add_number(p, "mean", r->mean[v]);
        shp_json_add_number(p, "sd", r->sd[v]);
        shp_json_add_number(p, "median", r->q50[v]);
        cJSON *ci = cJSON_AddArrayToObject(p, "credible95");
        cJSON_AddItemToArray(ci, cJSON_CreateNumber(r->q025[v]));
        cJSON_AddItemToArray(ci, cJSON_CreateNumber(r->q975[v]));
        shp_json_add_number(p, "map", shp_problem_var_value(pb, v, umap[v]));
        shp_json_add_number(p, "rhat", r->rhat[v]);
        shp_json_add_number(p, "ess", r->ess[v]);
        cJSON *pr = cJSON_AddObjectToObject(p, "prior");
        cJSON_AddStringToObject(pr, "kind", prior_name(o->prior[v].kind));
        if (o->prior[v].kind != SHP_PRIOR_SCALE) {
            cJSON *ab = cJSON_AddArrayToObject(pr, "parameters");
            cJSON_AddItemToArray(ab, cJSON_CreateNumber(o->prior[v].a));
            cJSON_AddItemToArray(ab, cJSON_CreateNumber(o->prior[v].b));
        }
    }
    cJSON *cm = cJSON_AddArrayToObject(j, "correlation");
    for (int a = 0; a < r->dim; ++a) {
        cJSON *row = cJSON_CreateArray();
        for (int b = 0; b < r->dim; ++b) {
            const double c = r->corr[a * r->dim + b];
            cJSON_AddItemToArray(row, isfinite(c) ? cJSON_CreateNumber(c) : cJSON_CreateNull());
        }
        cJSON_AddItemToArray(cm, row);
    }
    cJSON *mp = cJSON_AddObjectToObject(j, "map");
    const size_t km = (size_t)r->map_generation * r->chains + r->map_chain;
    shp_json_add_number(mp, "log_likelihood", r->loglik[km]);
    shp_json_add_number(mp, "log_prior", r->logprior[km]);
    cJSON_AddNumberToObject(mp, "generation", (double)r->map_generation);
    cJSON_AddNumberToObject(mp, "chain", r->map_chain + 1);
    cJSON *wa = cJSON_AddArrayToObject(j, "warnings");
    if (!r->converged)
        cJSON_AddItemToArray(wa, cJSON_CreateString("R-hat did not reach its target within max_evaluations: the "
                                                    "chains have not converged"));
    for (int v = 0; v < r->dim; ++v)
        if (r->ess[v] < SHP_POSTERIOR_ESS_FLAG) {
            char m[256];
            snprintf(m, sizeof m, "%s: effective sample size %.0f (below %d): the credible interval's ends are rough",
                     shp_problem_var_name(pb, v), r->ess[v], SHP_POSTERIOR_ESS_FLAG);
            cJSON_AddItemToArray(wa, cJSON_CreateString(m));
        }
    for (int a = 0; a < r->dim; ++a)
        for (int b = a + 1; b < r->dim; ++b)
            if (fabs(r->corr[a * r->dim + b]) > 0.95) {
                char m[256];
                snprintf(m, sizeof m, "%s and %s correlated at %.3f in the posterior", shp_problem_var_name(pb, a),
                         shp_problem_var_name(pb, b), r->corr[a * r->dim + b]);
                cJSON_AddItemToArray(wa, cJSON_CreateString(m));
            }
    cJSON *pd = cJSON_AddObjectToObject(j, "predictive");
    cJSON_AddNumberToObject(pd, "draws", pi->draws);
    cJSON_AddNumberToObject(pd, "failed", pi->failed);
    return j;
}

int shp_posterior_write_all(const char *dir, shp_problem *pb, shp_backend *be, const shp_posterior_options *o,
                            const shp_posterior_result *res, const shp_fit_run_info *info,
                            shp_posterior_predictive_info *pred, char *err, size_t len)
{
    int rc = write_states(dir, "posterior_samples.csv", pb, res, res->window_start, res->generations, -1, err, len);
    if (rc == SHP_OK) rc = write_states(dir, "posterior_chains.csv", pb, res, 0, res->generations, res->window_start,
                                        err, len);
    if (rc == SHP_OK) rc = write_checks(dir, pb, res, err, len);
    if (rc == SHP_OK) rc = write_predictive(dir, pb, be, o, res, pred, err, len);
    if (rc == SHP_OK) rc = write_curves(dir, pb, o, res, err, len);
    if (rc == SHP_OK) rc = shp_json_write_in(dir, "posterior.json", build_json(pb, o, res, info, pred), err, len);
    return rc;
}
