/* The Bayesian posterior of a fit's parameters, sampled with DREAM(ZS) (shpfit/dream.h):
 * N chains advance together, each generation one batch of N soil columns on a batch
 * backend (docs/posterior.md).
 *
 * Likelihood: Gaussian errors, independent, of one standard deviation σ_k per objective
 * (observation kind k, n_k points, residuals e in the data's units: θ, Q [L], v [L/T],
 * log10 K):
 *   σ known (fit.posterior.sigma gives it):  ln L = −Σ_k [n_k ln σ_k + Σ e²/(2σ_k²)]
 *   σ unknown (the default):  each σ_k integrated out under Jeffreys' prior 1/σ_k,
 *                             ln L = −Σ_k (n_k/2) ln Σ e²   (Box & Tiao 1973, §2.4)
 * (constants dropped). Prior: uniform in each variable's search coordinate unless given
 * — uniform in the value for a linear variable, in log10 of it for a log-scaled one —
 * with a density that is zero outside the bounds. A candidate whose column fails has zero
 * density: it is never scored, only rejected.
 *
 * Convergence: every check_every generations, Gelman and Rubin's R̂ (split chains) of
 * each variable over the sampling window. The run has two stages. Burn-in: crossover
 * adaptation and the outlier-chain test (a reset restarts the window) are on; the window
 * is the later half of the chains since the last reset; it ends at the first check with
 * every R̂ below rhat_target and a window of min_window generations or more. Sampling:
 * nothing adapts any more; the window starts at the end of burn-in and the run stops at
 * the first check where every R̂ is below the target again and the window is at least as
 * long as the one that ended burn-in. The posterior is the sampling window's draws (all
 * chains). A budget (max_evaluations) ends the run earlier, unconverged, flagged. */
#ifndef SHPFIT_POSTERIOR_H
#define SHPFIT_POSTERIOR_H

#include <stddef.h>
#include <stdint.h>

#include "batch.h"
#include "dream.h"
#include "problem.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A variable's prior, on its value (config units, ratios as ratios). */
typedef enum {
    SHP_PRIOR_SCALE = 0,  /* uniform in the search coordinate over the bounds (default) */
    SHP_PRIOR_UNIFORM,    /* uniform on [a, b] within the bounds */
    SHP_PRIOR_LOG_UNIFORM,/* uniform in ln x on [a, b] within the bounds, 0 < a */
    SHP_PRIOR_NORMAL,     /* normal, mean a, standard deviation b, cut at the bounds */
    SHP_PRIOR_LOGNORMAL   /* ln x normal: median a > 0, standard deviation of ln x b */
} shp_prior_kind;

typedef struct {
    int kind;
    double a, b;
} shp_prior;

typedef struct {
    shp_dream_settings dream;
    int sigma_known;              /* 1: sigma[] per observation kind; 0: integrated out */
    double sigma[SHP_OBS_COUNT];  /* by shp_obs_kind, the data's units (K: log10 units) */
    shp_prior prior[SHP_MAX_FREE];/* by search variable */
    double rhat_target;           /* > 1 (default 1.2) */
    long max_evaluations;         /* budget in columns (default 100 000) */
    int check_every;              /* generations between convergence checks (default 20) */
    int min_window;               /* generations the burn-in window needs (default 100) */
    int predictive_draws;         /* posterior draws simulated for the bands (default 100) */
    uint64_t seed;
    /* Where the chains start: a Latin hypercube of the box (has_start 0, the default), or
     * Gaussian draws around start_u (unit coordinates) with covariance start_cov (dim ×
     * dim, unit coordinates: a fit's linearised one) and standard deviations widened
     * start_spread times (default 3), reflected into the box: overdispersed, so that R̂
     * still sees chains that have not mixed (BDA3 §11.4). */
    int has_start;
    double start_u[SHP_MAX_FREE], start_cov[SHP_MAX_FREE * SHP_MAX_FREE], start_spread;
} shp_posterior_options;

/* Start the chains around u (dim unit coordinates) with covariance cov (NULL or with a
 * NaN: a tenth of the box in every direction). */
void shp_posterior_start_at(shp_posterior_options *o, int dim, const double *u, const double *cov);

/* The defaults above for pb (σ integrated out, every prior SHP_PRIOR_SCALE). */
void shp_posterior_defaults(const shp_problem *pb, uint64_t seed, shp_posterior_options *o);


/* log prior density of unit coordinates u (dim) in the search coordinates (the value's
 * density times |dx/du|), up to a constant; −inf outside the prior's support. */
double shp_posterior_log_prior(const shp_problem *pb, const shp_posterior_options *o, const double *u);

/* log likelihood of one candidate from its residuals r (shp_problem_evaluate_residuals:
 * ψ- or RMSE-scaled, objective after objective), up to a constant. */
double shp_posterior_log_likelihood(const shp_problem *pb, const shp_posterior_options *o, const double *r);

/* An effective sample size below this is flagged: a 95 % interval's ends rest on a
 * handful of independent draws (Vehtari et al. 2021 ask for 400 in all). */
#define SHP_POSTERIOR_ESS_FLAG 100

typedef struct {
    long generation;
    double rhat[SHP_MAX_FREE];
    int stage;                 /* 0 burn-in, 1 sampling */
    long window_start;         /* the window's first generation */
} shp_posterior_check;

typedef struct {
    int dim, chains;
    long generations;          /* after the starting states */
    long evaluations, failed;  /* columns run; candidates that failed (zero density) */
    long proposed, accepted;
    int converged;             /* the sampling stage met the R̂ target */
    long burn_in_end;          /* generation the sampling stage began (−1: never) */
    long window_start;         /* the posterior: generations window_start … generations */
    int outlier_resets;        /* chains moved during burn-in */
    /* the chains' whole history: (generations + 1) × chains × dim unit coordinates, and
     * per state its log likelihood and log prior */
    double *u, *loglik, *logprior;
    /* of the posterior window, per variable (values in config units) */
    double rhat[SHP_MAX_FREE], ess[SHP_MAX_FREE];
    double mean[SHP_MAX_FREE], sd[SHP_MAX_FREE], q025[SHP_MAX_FREE], q50[SHP_MAX_FREE],
        q975[SHP_MAX_FREE];
    double corr[SHP_MAX_FREE * SHP_MAX_FREE];
    long map_generation;       /* the window's state of highest posterior density */
    int map_chain;
    double cr_prob[SHP_DREAM_MAX_CR];
    int n_cr;
    shp_posterior_check *checks;
    int n_checks;
    double wall_s;
} shp_posterior_result;

/* Progress after each generation (ctx: the caller's); the last check is NULL before the
 * first. */
typedef void (*shp_posterior_progress_fn)(const shp_posterior_result *sofar, const shp_posterior_check *last,
                                          void *ctx);

/* Run the sampler on be, one batch per generation (the problem's journal, when it has
 * one, records and replays them: a killed run resumes bit for bit). SHP_OK (also when the
 * budget ended it unconverged: res->converged says); SHP_ERR_NOT_CONVERGED when no
 * starting state could be simulated; other errors with a message in err. */
shp_status shp_posterior_run(shp_problem *pb, shp_backend *be, const shp_posterior_options *o,
                             shp_posterior_progress_fn progress, void *ctx, shp_posterior_result *res, char *err,
                             size_t len);

/* The unit coordinates of state (generation g, chain c). */
static inline const double *shp_posterior_state(const shp_posterior_result *r, long g, int c)
{
    return r->u + ((size_t)g * (size_t)r->chains + (size_t)c) * (size_t)r->dim;
}

/* n draws spread evenly over the posterior window (generation-major, every chain in
 * turn): their generations and chains. Returns how many (≤ n: fewer when the window has
 * fewer states). */
int shp_posterior_draws(const shp_posterior_result *r, int n, long *gen, int *chain);

void shp_posterior_result_free(shp_posterior_result *r);

#ifdef __cplusplus
}
#endif

#endif
