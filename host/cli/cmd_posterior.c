/* shpfit posterior CONFIG.json --out DIR [--seed N] [--threads N] [--backend NAME]
 * [--resume] [--verbose]: the Bayesian posterior of the free parameters of CONFIG's "fit"
 * section by DREAM(ZS) (shpfit/posterior.h), with its samples, convergence, predictive
 * bands and plots. */
#define _POSIX_C_SOURCE 200809L /* fileno */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifdef _OPENMP
#include <omp.h>
#endif

#include "cli/cli.h"
#include "cli/cli_args.h"
#include "cli/cli_posterior.h"
#include "config/cfg_json.h"
#include "io/fs.h"
#include "io/json_file.h"
#include "output/posterior_output.h"
#include "output/stage.h"
#include "plot/plot.h"
#include "shpfit/fit.h"
#include "shpfit/journal.h"
#include "shpfit/posterior.h"
#include "shpfit/version.h"

static void help(FILE *f)
{
    fprintf(f,
            "usage: shpfit posterior CONFIG.json --out DIR [--start RESULT.json] [--seed N] [--threads N]\n"
            "                        [--backend NAME] [--resume] [--verbose]\n\n"
            "Sample the Bayesian posterior of the free parameters of CONFIG's \"fit\" section\n"
            "(its parameters, bounds, observations and objectives) with DREAM(ZS): N chains\n"
            "advance together, each generation one batch of N soil columns, until Gelman and\n"
            "Rubin's R-hat of every parameter is below the target (docs/posterior.md). The\n"
            "likelihood is Gaussian, sigma per objective integrated out unless\n"
            "fit.posterior.sigma gives it; priors uniform in each parameter's search scale\n"
            "unless fit.posterior.prior gives one. Writes\n"
            "  DIR/posterior.json           mean, sd, median, 95 %% credible interval, MAP, R-hat\n"
            "                               and effective sample size per parameter, correlations,\n"
            "                               the sampler's settings and convergence\n"
            "  DIR/posterior_samples.csv    the posterior sample (values in config units)\n"
            "  DIR/posterior_chains.csv     every state of every chain, burn-in included\n"
            "  DIR/posterior_rhat.csv       R-hat at every check\n"
            "  DIR/posterior_predictive.csv 95 %% bands of every observed series (simulated, and\n"
            "                               with the observation noise)\n"
            "  DIR/posterior_curves.csv     95 %% bands of theta(h) and K(h) against pF\n"
            "  DIR/posterior_*.png          marginals, pairs, traces, predictive bands, curves\n"
            "The files appear together when all are complete. DIR/posterior.checkpoint records\n"
            "every generation: after a kill, the same command with --resume continues and ends\n"
            "with the same result as an uninterrupted run.\n\n"
            "options:\n"
            "  -o, --out DIR    output directory (created if missing)\n"
            "  --start RESULT.json  start the chains around a fit's result (its parameters and\n"
            "                   linearised covariance, widened 3 times) instead of from a Latin\n"
            "                   hypercube of the bounds: a shorter burn-in\n"
            "  --seed N         random seed (default fit.seed, else 1); same seed, same result\n"
            "  --threads N      CPU threads for the columns (default: all); the result does not\n"
            "                   depend on it\n" SHP_CLI_BACKEND_HELP
            "  --resume         continue the run recorded in DIR/posterior.checkpoint\n"
            "  --verbose        print a line at every convergence check\n"
            "  -h, --help       this help\n\n"
            "exit codes: 0 converged; 3 the budget (fit.posterior.max_evaluations) ended the run\n"
            "            before R-hat reached its target (the files are written and say so:\n"
            "            \"status\": \"not_converged\"), or no starting state could be simulated;\n"
            "            2 bad usage, configuration, observation files, or a checkpoint of\n"
            "            another run; 1 results or plots not written.\n\n"
            "examples:\n"
            "  shpfit posterior configs/curves/toyoura_vgm.json --out out/posterior_toyoura\n"
            "  shpfit fit configs/fit_loam.json --out out/fit && \\\n"
            "    shpfit posterior configs/fit_loam.json --start out/fit/result.json --out out/post\n");
}

typedef struct {
    const char *config, *out, *backend;
    shp_cli_run_opts run;
    const char *start; /* --start RESULT.json, or NULL */
} args;

static int parse_args(int argc, char **argv, args *a)
{
    shp_cli_args c = {"posterior", "CONFIG.json", help, NULL, NULL, "cpu"};
    for (int i = 1; i < argc; ++i) {
        const char *s = argv[i];
        const int run = shp_cli_run_arg("posterior", argc, argv, &i, &a->run);
        if (run != SHP_CLI_OTHER) {
            if (run != SHP_CLI_HANDLED) return run;
        } else if (!strcmp(s, "--start")) {
            if (i + 1 >= argc) return shp_cli_usage_error("posterior", "missing a fit's result.json after", s);
            a->start = argv[++i];
        } else {
            const int r = shp_cli_common_arg(&c, argc, argv, &i);
            if (r != SHP_CLI_HANDLED) return r;
        }
    }
    const int bad = shp_cli_require(&c);
    a->config = c.input;
    a->out = c.out;
    a->backend = c.backend;
    return bad;
}

/* Files and plots into a staging folder, then into out at once. The exit code. */
static int write_results(const args *a, shp_problem *pb, shp_backend *be, const shp_posterior_options *o,
                         const shp_posterior_result *res, int *committed)
{
#ifdef _OPENMP
    const int threads = a->run.threads > 0 ? (int)a->run.threads : omp_get_max_threads();
#else
    const int threads = 1;
#endif
    char err[SHP_MSG_MAX], plot_err[SHP_MSG_MAX] = "";
    const shp_fit_run_info info = {shp_backend_name(be), threads};
    shp_posterior_predictive_info pi = {0, 0};
    shp_stage *st = NULL;
    int rc = shp_stage_begin(a->out, &st, err, sizeof err);
    shp_plot_files pf = {0};
    int prc = SHP_OK;
    if (rc == SHP_OK)
        rc = shp_cli_posterior_write(shp_stage_dir(st), pb, be, o, res, &info, "plot.log", &pi, &pf, &prc, err,
                                     sizeof err, plot_err, sizeof plot_err);
    if (rc == SHP_OK) {
        rc = shp_stage_commit(st, shp_posterior_files, err, sizeof err);
        st = NULL;
    }
    shp_stage_abort(st);
    if (rc != SHP_OK) {
        fprintf(stderr, "shpfit: posterior: %s\n", err);
        return SHP_EXIT_FAILURE;
    }
    *committed = 1;
    printf("shpfit posterior %s -> %s\n", shp_forward_source(shp_problem_forward(pb)), a->out);
    shp_cli_posterior_summary(pb, o, res, &pi);
    if (prc != SHP_OK) {
        fprintf(stderr, "shpfit: posterior: plots failed: %s (the result files are complete)\n", plot_err);
        return SHP_EXIT_FAILURE;
    }
    if (pf.n < 0) {
        printf("shpfit posterior: plots skipped (gnuplot not found; apt-get install gnuplot-nox)\n");
    } else {
        printf("shpfit posterior: plots");
        for (int i = 0; i < pf.n; ++i) printf(" %s", pf.name[i]);
        printf(" in %s\n", a->out);
    }
    if (!res->converged) {
        shp_cli_posterior_unconverged(o);
        return SHP_EXIT_NOT_CONVERGED;
    }
    return SHP_EXIT_OK;
}

/* --start: the chains around the parameters of a fit's result.json, with the covariance
 * of its "uncertainty" block carried to the search coordinates (SE_u = SE / |dx/du|); a
 * tenth of the box in every direction when it has none. SHP_OK, or SHP_ERR_CONFIG with
 * "FILE: FIELD: problem" in err. */
static int start_from_result(const char *path, const shp_problem *pb, shp_posterior_options *o, char *err,
                             size_t len)
{
    const cfg_ctx c = {path, err, len};
    cJSON *root = NULL;
    CFG_TRY(cfg_load_json(&c, &root));
    const int dim = shp_problem_dim(pb);
    const cJSON *par = cfg_child(root, "parameters"), *unc = cfg_child(root, "uncertainty");
    const cJSON *up = cfg_child(unc, "parameters"), *corr = cfg_child(unc, "correlation");
    const cJSON *st = cfg_child(unc, "status");
    int have_cov = cJSON_IsString(st) && !strcmp(st->valuestring, "ok") && cJSON_IsArray(corr) &&
                   cJSON_GetArraySize(corr) == dim;
    double u[SHP_MAX_FREE], sd[SHP_MAX_FREE], cov[SHP_MAX_FREE * SHP_MAX_FREE];
    int rc = cJSON_IsObject(par) ? SHP_OK : cfg_fail(&c, "parameters", "missing: not the result.json of a fit");
    for (int j = 0; j < dim && rc == SHP_OK; ++j) {
        const char *name = shp_problem_var_name(pb, j);
        char p[CFG_PATH_MAX];
        cfg_path(p, sizeof p, "parameters", name);
        double x, lo, hi, se = NAN;
        int lg;
        shp_problem_var_bounds(pb, j, &lo, &hi, &lg);
        rc = cfg_number(&c, par, "parameters", name, 1, &x, NULL);
        if (rc == SHP_OK && lg && !(x > 0.0)) rc = cfg_fail(&c, p, "%g is no value of a log-scaled parameter", x);
        if (rc != SHP_OK) break;
        u[j] = shp_problem_var_unit(pb, j, x);
        const cJSON *sej = cfg_child(cfg_child(up, name), "se");
        if (cJSON_IsNumber(sej)) se = sej->valuedouble;
        sd[j] = se / (lg ? x * log(hi / lo) : hi - lo);
        if (!(sd[j] > 0.0 && isfinite(sd[j]))) have_cov = 0;
    }
    for (int a = 0; a < dim && rc == SHP_OK && have_cov; ++a)
        for (int b = 0; b < dim; ++b) {
            const cJSON *r = cJSON_GetArrayItem(cJSON_GetArrayItem(corr, a), b);
            cov[a * dim + b] = cJSON_IsNumber(r) ? r->valuedouble * sd[a] * sd[b] : NAN;
        }
    if (rc == SHP_OK) shp_posterior_start_at(o, dim, u, have_cov ? cov : NULL);
    cJSON_Delete(root);
    return rc;
}

int shp_cmd_posterior(int argc, char **argv)
{
    args a = {NULL, NULL, NULL, {-1, 0, 0, 0}, NULL};
    const int done = parse_args(argc, argv, &a);
    if (done >= 0) return done;
    char err[SHP_MSG_MAX];
    shp_problem *pb = NULL;
    if (shp_problem_load(a.config, &pb, err, sizeof err) != SHP_OK) {
        fprintf(stderr, "shpfit: %s\n", err);
        return SHP_EXIT_USAGE;
    }
    shp_posterior_options o;
    shp_fit_options fo; /* unused here, but the whole "fit" section is checked, typos included */
    if (shp_fit_options_load(pb, a.run.seed, &fo, err, sizeof err) != SHP_OK ||
        shp_posterior_options_load(pb, a.run.seed, &o, err, sizeof err) != SHP_OK ||
        shp_stage_check_dir("--out", a.out, 32, err, sizeof err) != SHP_OK ||
        (a.start && start_from_result(a.start, pb, &o, err, sizeof err) != SHP_OK)) {
        fprintf(stderr, "shpfit: %s\n", err);
        shp_problem_destroy(pb);
        return SHP_EXIT_USAGE;
    }
    shp_backend *be = shp_cli_backend_create("posterior", a.backend, (int)a.run.threads);
    if (!be) {
        shp_problem_destroy(pb);
        return SHP_EXIT_USAGE;
    }
    int code = SHP_EXIT_OK;
    shp_journal *j = NULL;
    if (shp_mkdir_p(a.out, err, sizeof err) != SHP_OK) {
        fprintf(stderr, "shpfit: --out %s\n", err);
        code = SHP_EXIT_USAGE;
    } else {
        j = shp_cli_checkpoint_open("posterior", a.out, "posterior.checkpoint", pb, o.seed, shp_backend_name(be), a.run.resume,
                                    &code);
    }
    if (!j) {
        shp_backend_destroy(be);
        shp_problem_destroy(pb);
        return code;
    }
    shp_problem_set_journal(pb, j);
    shp_cli_posterior_progress_ctx pc = {isatty(fileno(stderr)), a.run.verbose, &o, 0};
    shp_posterior_result res;
    const int rc = shp_posterior_run(pb, be, &o, shp_cli_posterior_progress, &pc, &res, err, sizeof err);
    if (pc.tty && !pc.verbose) fputc('\n', stderr);
    int finished = 0;
    if (rc != SHP_OK) {
        fprintf(stderr, "shpfit: %s\n", err);
        if (*shp_backend_error(be))
            fprintf(stderr, "shpfit: posterior: backend %s: %s\n", shp_backend_name(be), shp_backend_error(be));
        code = rc == SHP_ERR_NOT_CONVERGED ? SHP_EXIT_NOT_CONVERGED
               : rc == SHP_ERR_CHECKPOINT  ? SHP_EXIT_USAGE
                                           : SHP_EXIT_FAILURE;
        finished = rc == SHP_ERR_NOT_CONVERGED;
    } else {
        code = write_results(&a, pb, be, &o, &res, &finished);
    }
    shp_problem_set_journal(pb, NULL);
    shp_journal_close(j, finished);
    shp_posterior_result_free(&res);
    shp_backend_destroy(be);
    shp_problem_destroy(pb);
    return code;
}
