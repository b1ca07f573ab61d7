/* Generational population optimizers: PSO, GA, VEGA, PSO–VEGA, DE, jDE, SHADE.
 *
 * The optimizer searches the unit box [0,1]^dim and minimises every objective; mapping
 * to physical parameters (scales, log axes, reparametrisations) is the problem layer's
 * business, evaluating candidates the backend's. The caller owns the loop (ask–tell):
 *
 *   shp_opt_settings s = shp_opt_settings_default(SHP_OPT_PSO);
 *   shp_optimizer *o = shp_optimizer_create(SHP_OPT_PSO, dim, n_obj, &s, seed, run_id);
 *   shp_opt_stop stop = shp_opt_stop_default();
 *   while (shp_optimizer_should_stop(o, &stop, elapsed) == SHP_STOP_NONE) {
 *       shp_optimizer_ask(o, x);                // pop × dim candidates, row-major, in [0,1]
 *       evaluate(x, pop, f, ok);                // the whole population in one batch
 *       shp_optimizer_tell(o, f, ok);           // pop × n_obj objectives, ok[i] = 0: failed
 *   }
 *   shp_optimizer_best(o, xbest, fbest);
 *   shp_optimizer_destroy(o);
 *
 * or shp_optimize_batch() with a callback. docs/algorithms.md gives each algorithm's
 * pseudocode, defaults and references.
 *
 * Failed candidates (ok[i] = 0, or any objective NaN or ±inf) are counted and get +inf
 * in every objective, so they are never a personal/global best, an elite, a selection
 * winner or an archive member. Single-objective algorithms (pso, ga, de, jde, shade)
 * given n_obj > 1 minimise the SUM of the objectives; vega and pso_vega use each
 * objective on its own. With n_obj > 1 every run keeps a Pareto archive.
 *
 * Reproducibility: every random draw comes from a shpfit/rng.h stream keyed by (seed,
 * run_id, generation, purpose, candidate), so a run is bit-identical whatever else the
 * process does; ties are broken by the lower index. No global state, no allocation in
 * ask/tell, the library never prints or exits. Errors are shp_status codes. One
 * optimizer object is used by one thread at a time; distinct objects are independent. */
#ifndef SHPFIT_OPTIM_H
#define SHPFIT_OPTIM_H

#include <stddef.h>
#include <stdint.h>

#include "status.h"

#ifdef __cplusplus
extern "C" {
#endif

#define SHP_OPT_MAX_OBJ 8 /* largest n_obj */

/* ---------------------------------------------------------------- enums and names */

typedef enum {
    SHP_OPT_PSO,      /* "pso": particle swarm (inertia or constriction; gbest or ring) */
    SHP_OPT_GA,       /* "ga": real-coded GA (SBX/BLX-α, polynomial/Gaussian mutation) */
    SHP_OPT_VEGA,     /* "vega": vector-evaluated GA (Schaffer 1985), multi-objective */
    SHP_OPT_PSO_VEGA, /* "pso_vega": per-objective sub-swarms + VEGA exchange, multi-obj. */
    SHP_OPT_DE,       /* "de": differential evolution, fixed F and CR */
    SHP_OPT_JDE,      /* "jde": self-adaptive F and CR per individual (Brest et al. 2006) */
    SHP_OPT_SHADE,    /* "shade": success-history adaptation, current-to-pbest/1/bin */
    SHP_OPT_NSGA2,    /* "nsga2": NSGA-II (Deb et al. 2002), multi-objective */
    SHP_OPT_CMAES,    /* "cmaes": CMA-ES (Hansen 2016), λ = pop_size */
    SHP_OPT_COUNT
} shp_opt_algorithm;

typedef enum { SHP_PSO_INERTIA, SHP_PSO_CONSTRICTION } shp_pso_velocity;    /* "inertia", "constriction" */
typedef enum { SHP_INERTIA_CONSTANT, SHP_INERTIA_LINEAR } shp_pso_schedule; /* "constant", "linear" */
typedef enum { SHP_TOPOLOGY_GBEST, SHP_TOPOLOGY_RING } shp_pso_topology;    /* "gbest", "ring" */
typedef enum { SHP_BOUNDS_REFLECT, SHP_BOUNDS_ABSORB } shp_opt_bounds;      /* "reflect", "absorb" */
typedef enum { SHP_CROSSOVER_SBX, SHP_CROSSOVER_BLX } shp_ga_crossover;     /* "sbx", "blx" */
typedef enum {
    SHP_MUTATION_POLYNOMIAL,
    SHP_MUTATION_GAUSSIAN
} shp_ga_mutation; /* "polynomial", "gaussian" */
typedef enum {
    SHP_DE_RAND_1_BIN,           /* "rand/1/bin" */
    SHP_DE_BEST_1_BIN,           /* "best/1/bin" */
    SHP_DE_CURRENT_TO_BEST_1_BIN /* "current-to-best/1/bin" */
} shp_de_strategy;
typedef enum { SHP_INIT_UNIFORM, SHP_INIT_LHS } shp_opt_init; /* "uniform", "lhs" */

typedef enum {
    SHP_STOP_NONE,        /* "none": keep going */
    SHP_STOP_GENERATIONS, /* "generations": max_generations reached */
    SHP_STOP_EVALUATIONS, /* "evaluations": max_evaluations reached */
    SHP_STOP_TIME,        /* "time": max_wall_s reached */
    SHP_STOP_TARGET,      /* "target": best scalar objective ≤ target */
    SHP_STOP_STALL,       /* "stall": no relative improvement for stall_generations */
    SHP_STOP_COUNT
} shp_opt_stop_reason;

/* Every enum above has a name table; one pair of functions serves them all. */
typedef enum {
    SHP_OPT_ENUM_ALGORITHM,
    SHP_OPT_ENUM_PSO_VELOCITY,
    SHP_OPT_ENUM_PSO_SCHEDULE,
    SHP_OPT_ENUM_PSO_TOPOLOGY,
    SHP_OPT_ENUM_BOUNDS,
    SHP_OPT_ENUM_CROSSOVER,
    SHP_OPT_ENUM_MUTATION,
    SHP_OPT_ENUM_DE_STRATEGY,
    SHP_OPT_ENUM_INIT,
    SHP_OPT_ENUM_STOP_REASON,
    SHP_OPT_ENUM_COUNT
} shp_opt_enum;

/* Name of value in the table of kind; NULL when out of range. */
const char *shp_opt_enum_name(shp_opt_enum kind, int value);
/* Number of values of kind (0 for an unknown kind). */
int shp_opt_enum_count(shp_opt_enum kind);
/* Value of name (exact, case-sensitive) into *value: SHP_OK, or SHP_ERR_INVALID for an
 * unknown name/kind or NULL arguments (*value untouched). */
shp_status shp_opt_enum_from_string(shp_opt_enum kind, const char *name, int *value);
/* "a, b, c": every name of kind, for help texts and error messages; returns buf. */
const char *shp_opt_enum_names(shp_opt_enum kind, char *buf, size_t len);

/* Typed shorthands. */
const char *shp_opt_algorithm_name(shp_opt_algorithm alg);  /* NULL if out of range */
const char *shp_opt_algorithm_about(shp_opt_algorithm alg); /* one line for help texts */
shp_status shp_opt_algorithm_from_string(const char *name, shp_opt_algorithm *alg);
int shp_opt_algorithm_is_multiobjective(shp_opt_algorithm alg); /* 1 for vega, pso_vega */
const char *shp_opt_stop_reason_name(shp_opt_stop_reason why);

/* ---------------------------------------------------------------- settings */

typedef struct {
    int pop_size;         /* candidates per generation */
    shp_opt_init init;    /* generation 0: uniform random or Latin hypercube */
    int max_generations;  /* generation budget of the linear inertia schedule (PSO only) */
    int archive_capacity; /* Pareto archive size when n_obj > 1 (≥ 2) */

    /* PSO (pso, and the swarm of pso_vega) */
    shp_pso_velocity velocity; /* inertia weight w, or Clerc–Kennedy constriction χ */
    shp_pso_schedule schedule; /* inertia: constant w_start, or w_start → w_end linearly */
    double w_start, w_end;     /* inertia weights */
    double c1, c2;             /* cognitive and social coefficients (c1 + c2 > 4 for χ) */
    shp_pso_topology topology; /* global best, or ring of ±ring_k neighbours */
    int ring_k;
    double v_clamp;        /* |v_d| ≤ v_clamp (fraction of the unit range); 0 = none */
    shp_opt_bounds bounds; /* leaving [0,1]: reflect (v reversed) or absorb (v_d = 0) */

    /* GA operators (ga, vega, and the exchange step of pso_vega) */
    shp_ga_crossover crossover;
    double p_crossover; /* probability that a selected pair is recombined */
    double eta_c;       /* SBX distribution index */
    double blx_alpha;   /* BLX-α extension */
    shp_ga_mutation mutation;
    double p_mutation; /* per-gene probability; ≤ 0 means 1/dim */
    double eta_m;      /* polynomial-mutation distribution index */
    double sigma;      /* Gaussian mutation standard deviation (unit range) */
    int tournament;    /* tournament size (≥ 1; 1 = uniform random selection) */
    int elitism;       /* ga: parents kept; vega: parents kept per objective */

    /* PSO–VEGA */
    double exchange_rate; /* fraction of shuffled particle pairs recombined per generation */

    /* DE (de, jde; shade always uses current-to-pbest/1/bin) */
    shp_de_strategy strategy;
    double F, CR;                                  /* de: fixed; jde: initial values */
    double jde_tau1, jde_tau2, jde_F_lo, jde_F_hi; /* jDE: F' = F_lo + U·F_hi w.p. tau1 */
    int shade_H;                                   /* SHADE: history memory size */
    double shade_archive; /* SHADE: archive size as a fraction of pop_size (0 = none) */
    double shade_p_max;   /* SHADE: pbest fraction drawn from [2/pop, p_max] */
    double cma_sigma0;    /* CMA-ES: initial step size in the unit box (and at restarts) */
} shp_opt_settings;

/* The defaults of alg (docs/algorithms.md lists them), by value. */
shp_opt_settings shp_opt_settings_default(shp_opt_algorithm alg);

/* Check alg, dim, n_obj and settings (NULL = defaults) before create: SHP_OK, or
 * SHP_ERR_INVALID with a message naming the offending knob in msg (may be NULL). */
shp_status shp_opt_check(shp_opt_algorithm alg, int dim, int n_obj, const shp_opt_settings *s, char *msg,
                         size_t len);

/* ---------------------------------------------------------------- the optimizer */

typedef struct shp_optimizer shp_optimizer;
typedef struct shp_pareto shp_pareto;

/* A new optimizer of alg on [0,1]^dim with n_obj objectives (1 … SHP_OPT_MAX_OBJ);
 * settings NULL = defaults (copied). NULL on invalid arguments (shp_opt_check tells why)
 * or out of memory. seed and run_id key every random stream. */
shp_optimizer *shp_optimizer_create(shp_opt_algorithm alg, int dim, int n_obj, const shp_opt_settings *s,
                                    uint64_t seed, int run_id);
void shp_optimizer_destroy(shp_optimizer *o); /* accepts NULL */

/* Optional: the first n (≤ pop_size) candidates of generation 0 are x (n × dim, every
 * value in [0,1]); the rest are drawn as usual. Only before the first ask. */
shp_status shp_optimizer_set_initial(shp_optimizer *o, const double *x, int n);

/* Candidates of the next generation into x (pop_size × dim, row-major, all in [0,1]);
 * x may be NULL (read them with shp_optimizer_candidates). Asking again before tell
 * returns the same candidates. SHP_ERR_INVALID on NULL o. */
shp_status shp_optimizer_ask(shp_optimizer *o, double *x);
/* The candidates of the last ask (pop_size × dim), valid until the next ask. */
const double *shp_optimizer_candidates(const shp_optimizer *o);
/* Results of the asked generation: f is pop_size × n_obj, ok[i] = 0 marks a failed
 * candidate (ok may be NULL: all succeeded). SHP_ERR_INVALID without a pending ask. */
shp_status shp_optimizer_tell(shp_optimizer *o, const double *f, const int *ok);

/* ---------------------------------------------------------------- queries */

shp_opt_algorithm shp_optimizer_algorithm(const shp_optimizer *o);
const shp_opt_settings *shp_optimizer_settings(const shp_optimizer *o);
int shp_optimizer_pop_size(const shp_optimizer *o);
int shp_optimizer_dim(const shp_optimizer *o);
int shp_optimizer_n_obj(const shp_optimizer *o);
long shp_optimizer_generation(const shp_optimizer *o);  /* completed generations (tells) */
long shp_optimizer_evaluations(const shp_optimizer *o); /* candidates told, failed included */
long shp_optimizer_failures(const shp_optimizer *o);    /* failed candidates told */

/* The best candidate by the scalar objective (the sum of the objectives) over the whole
 * run: x (dim) and its objectives f (n_obj); either may be NULL. SHP_ERR_INVALID when no
 * candidate has succeeded yet. Ties keep the earlier candidate. */
shp_status shp_optimizer_best(const shp_optimizer *o, double *x, double *f);
/* Best scalar objective so far (+inf before the first success). */
double shp_optimizer_best_value(const shp_optimizer *o);
/* The best candidate on objective k alone (0 ≤ k < n_obj): x (dim), f (all n_obj). */
shp_status shp_optimizer_best_for(const shp_optimizer *o, int k, double *x, double *f);
/* Population spread: mean over the coordinates of the standard deviation of the current
 * population, divided by that of U(0,1) (1/√12): ≈ 1 at a uniform start, → 0 when the
 * population has collapsed. NaN before the first tell. */
double shp_optimizer_spread(const shp_optimizer *o);
/* The run's Pareto archive (non-dominated successful candidates), NULL when n_obj = 1. */
const shp_pareto *shp_optimizer_archive(const shp_optimizer *o);

/* One progress/log line, filled after each tell. */
typedef struct {
    long generation, evaluations, failures;
    int n_obj;
    double best_value;            /* best scalar objective (sum) */
    double best[SHP_OPT_MAX_OBJ]; /* best value of each objective on its own */
    double spread;
    int archive_size; /* 0 when n_obj = 1 */
} shp_opt_log;

void shp_optimizer_log(const shp_optimizer *o, shp_opt_log *line);
/* "gen 12  evals 480  fail 0  best 1.234e-03  f [1.2e-03 4.1e-02]  spread 0.081  archive 37";
 * returns what snprintf returns. */
int shp_opt_log_format(const shp_opt_log *line, char *buf, size_t len);

/* ---------------------------------------------------------------- stopping */

/* A zero field disables its rule (use_target = 0 disables the target). */
typedef struct {
    long max_generations; /* stop when generation ≥ this */
    long max_evaluations; /* stop when evaluations ≥ this (checked between generations) */
    double max_wall_s;    /* stop when elapsed_s ≥ this */
    int use_target;
    double target;         /* stop when the best scalar objective ≤ target */
    int stall_generations; /* stop when the best scalar objective has not improved by more */
    double stall_tol;      /* than stall_tol·|best| over this many generations */
} shp_opt_stop;

/* max_generations 200, stall_tol 1e-6 (stall off), everything else off. */
shp_opt_stop shp_opt_stop_default(void);

/* The first rule that fires, checked in the order target, evaluations, generations,
 * time, stall; SHP_STOP_NONE otherwise. elapsed_s is the caller's wall clock. Updates
 * the stall reference, hence the non-const optimizer: call it once per generation. */
shp_opt_stop_reason shp_optimizer_should_stop(shp_optimizer *o, const shp_opt_stop *stop, double elapsed_s);

/* The whole population in one call: x is n × dim; fill f (n × n_obj) and ok (n); return
 * 0, or a nonzero code that aborts the run and is returned by shp_optimize_batch. */
typedef int (*shp_opt_batch_fn)(const double *x, int n, int dim, double *f, int *ok, void *ctx);

/* ask → eval → tell until a stop rule fires (at least one rule must be active); the
 * wall clock starts at the call. *why (may be NULL) gets the reason. Returns SHP_OK, the
 * callback's nonzero code, or an error. Allocates its buffers once per call. */
shp_status shp_optimize_batch(shp_optimizer *o, const shp_opt_stop *stop, shp_opt_batch_fn eval, void *ctx,
                              shp_opt_stop_reason *why);

/* ---------------------------------------------------------------- Pareto archive */

/* 1 when a dominates b (a ≤ b in every objective and < in one; minimisation). */
int shp_dominates(const double *a, const double *b, int n_obj);

/* Exact hypervolume dominated by the n points f (n × n_obj) and bounded by ref: points
 * not strictly better than ref in every objective contribute nothing. n_obj 1, 2
 * (sweep, O(n log n)) and 3 (slicing along f3 with an incremental 2-D front, O(n²));
 * SHP_ERR_INVALID for n_obj > 3, SHP_ERR_NOMEM when scratch cannot be allocated. */
shp_status shp_hypervolume(const double *f, int n, int n_obj, const double *ref, double *hv);

/* A bounded archive of non-dominated points (x, f). When it would exceed capacity it
 * drops, one at a time, the member with the smallest crowding distance (Deb et al.
 * 2002), so the extremes of each objective are always kept. */
shp_pareto *shp_pareto_create(int n_obj, int dim, int capacity);
void shp_pareto_destroy(shp_pareto *a); /* accepts NULL */
void shp_pareto_clear(shp_pareto *a);
/* 1 if (x, f) entered (members it dominates leave), 0 if it is weakly dominated by a
 * member (duplicates included) or f is not finite, SHP_ERR_INVALID on NULL. x may be NULL
 * (stored as zeros). */
int shp_pareto_insert(shp_pareto *a, const double *x, const double *f);
int shp_pareto_size(const shp_pareto *a);
int shp_pareto_capacity(const shp_pareto *a);
int shp_pareto_n_obj(const shp_pareto *a);
int shp_pareto_dim(const shp_pareto *a);
const double *shp_pareto_x(const shp_pareto *a, int i); /* NULL when out of range */
const double *shp_pareto_f(const shp_pareto *a, int i);
/* Sort the members by objective k ascending (ties by the other objectives in order). */
shp_status shp_pareto_sort(shp_pareto *a, int k);
shp_status shp_pareto_hypervolume(const shp_pareto *a, const double *ref, double *hv);

#ifdef __cplusplus
}
#endif

#endif
