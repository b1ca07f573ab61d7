/* Internals of the optimizer library: the optimizer object, the algorithm type table,
 * random-stream purposes and the helpers the algorithm files share. Only host/optim/
 * includes this header. */
#ifndef SHPFIT_OPTIM_INTERNAL_H
#define SHPFIT_OPTIM_INTERNAL_H

#include <math.h>
#include <stdint.h>

#include "shpfit/optim.h"
#include "shpfit/rng.h"

/* Purpose of a random stream: the high 32 bits of the third stream id (the low 32 bits
 * are the candidate, pair or slot index), so that two uses within one generation never
 * share draws. The stream of (purpose, index) in generation g of a run is
 * shp_rng_init(&r, seed, run_id, g, ((uint64_t)purpose << 32) | index). */
enum {
    SHP_RS_INIT = 1,          /* generation-0 candidate i (uniform) */
    SHP_RS_LHS = 2,           /* Latin hypercube permutation of coordinate d */
    SHP_RS_PSO_VELOCITY = 3,  /* particle i: initial velocity */
    SHP_RS_PSO_MOVE = 4,      /* particle i: r1, r2 of its move */
    SHP_RS_GA_PAIR = 5,       /* pair k: selection, crossover, mutation of children 2k, 2k+1 */
    SHP_RS_VEGA_SELECT = 6,   /* mating-pool slot i: VEGA tournament */
    SHP_RS_SHUFFLE = 7,       /* the generation's shuffle (index 0) */
    SHP_RS_EXCHANGE = 8,      /* pso_vega pair k: crossover and mutation */
    SHP_RS_DE_TRIAL = 9,      /* trial i: parameters, donors, crossover */
    SHP_RS_SHADE_ARCHIVE = 10, /* replaced parent i: archive slot */
    SHP_RS_CMA_SAMPLE = 11     /* CMA-ES sample k: its n standard normal draws */
};

/* The algorithm type table (after GSL's fminimizer types). */
typedef struct shp_opt_type {
    shp_opt_algorithm id;
    const char *name;
    const char *about;
    int multi_objective;           /* 1: uses the objectives separately; 0: minimises their sum */
    int min_pop;                   /* smallest pop_size (multi-objective: per objective) */
    int (*init)(shp_optimizer *o); /* allocate o->state; SHP_OK or SHP_ERR_NOMEM */
    void (*free_state)(shp_optimizer *o);
    /* fill o->x with generation o->generation ≥ 1 from the state */
    void (*generate)(shp_optimizer *o);
    /* take the told generation (o->x, o->f, o->fs; failures already +inf) into the state */
    void (*update)(shp_optimizer *o);
    /* the current population (pop × dim) for the spread */
    const double *(*population)(const shp_optimizer *o);
} shp_opt_type;

extern const shp_opt_type shp_opt_type_pso;
extern const shp_opt_type shp_opt_type_ga;
extern const shp_opt_type shp_opt_type_vega;
extern const shp_opt_type shp_opt_type_pso_vega;
extern const shp_opt_type shp_opt_type_de;
extern const shp_opt_type shp_opt_type_jde;
extern const shp_opt_type shp_opt_type_shade;
extern const shp_opt_type shp_opt_type_nsga2;
extern const shp_opt_type shp_opt_type_cmaes;

/* The table entry of alg, NULL when out of range (optimizer.c). */
const shp_opt_type *shp_opt_type_of(shp_opt_algorithm alg);

struct shp_optimizer {
    const shp_opt_type *type;
    shp_opt_settings s;
    int dim, n_obj, pop;
    uint64_t seed;
    uint64_t run;
    long generation;  /* completed tells */
    long evaluations; /* candidates told */
    long failures;    /* failed candidates told */
    int asked;        /* x holds the candidates of `generation`, not yet told */
    int n_initial;    /* injected candidates at the front of x (generation 0) */

    double *x;  /* pop × dim: candidates of the current generation */
    double *f;  /* pop × n_obj: told objectives, +inf for failures */
    double *fs; /* pop: scalar objective (sum over objectives), +inf for failures */
    int *ok;    /* pop: 1 = succeeded */

    /* best by the scalar objective, and per objective */
    int have_best;
    double best_s;
    double *best_x; /* dim */
    double *best_f; /* n_obj */
    int *have_obj;  /* n_obj */
    double *obj_x;  /* n_obj × dim */
    double *obj_f;  /* n_obj × n_obj */

    shp_pareto *archive; /* n_obj > 1 */
    double spread;

    /* stall bookkeeping of shp_optimizer_should_stop */
    int stall_set;
    double stall_ref;
    long stall_gen;

    int *lhs_perm; /* pop: scratch of the Latin hypercube */
    void *state;   /* the algorithm's */
};

/* A stream of generation gen for (purpose, index). */
static inline void shp_opt_stream(const shp_optimizer *o, shp_rng *r, long gen, uint32_t purpose,
                                  uint32_t index)
{
    shp_rng_init(r, o->seed, o->run, (uint64_t)gen, ((uint64_t)purpose << 32) | index);
}

/* Fold x into [0,1] by reflection at the bounds (any number of times). */
static inline double shp_opt_reflect(double x)
{
    if (x >= 0.0 && x <= 1.0) return x;
    double t = fmod(fabs(x), 2.0);
    if (t > 1.0) t = 2.0 - t;
    return t;
}

static inline double shp_opt_clip(double x) { return x < 0.0 ? 0.0 : (x > 1.0 ? 1.0 : x); }

/* Index of the smallest of v[first·stride], …, v[(first+n−1)·stride] (the lowest index
 * on ties); −1 when n ≤ 0. +inf entries are ordinary (large) values. */
static inline int shp_opt_argmin(const double *v, int stride, int first, int n)
{
    int b = -1;
    for (int i = first; i < first + n; ++i)
        if (b < 0 || v[(long)i * stride] < v[(long)b * stride]) b = i;
    return b;
}

/* Size and start of sub-population j of n_sub over pop (sizes differ by at most one,
 * the first pop % n_sub get one more). */
static inline int shp_opt_sub_size(int pop, int n_sub, int j) { return pop / n_sub + (j < pop % n_sub); }
static inline int shp_opt_sub_start(int pop, int n_sub, int j)
{
    const int q = pop / n_sub, r = pop % n_sub;
    return j * q + (j < r ? j : r);
}

/* ---- sorting (sort.c) */

typedef struct {
    double v; /* sort key */
    int i;    /* index, the tie-break */
} shp_opt_rank;

/* Sort by v, then i, ascending; in place, no allocation (heapsort). */
void shp_opt_sort_ranks(shp_opt_rank *v, int n);

/* ---- GA operators (ga_operators.c): shared by ga, vega and pso_vega */

/* Tournament of size k among n candidates with values fit[i·stride] (lower wins, the
 * lower index on ties); draws k indices with replacement. */
int shp_ga_tournament(shp_rng *r, const double *fit, int stride, int n, int k);
/* Recombine p1, p2 into c1, c2 (dim each) with the settings' operator; applied with
 * probability s->p_crossover when `always` is 0, else always. Children are in [0,1]. */
void shp_ga_recombine(const shp_opt_settings *s, shp_rng *r, const double *p1, const double *p2, double *c1,
                      double *c2, int dim, int always);
/* Mutate x in place (per-gene probability pm) with the settings' operator; stays in [0,1]. */
void shp_ga_mutate(const shp_opt_settings *s, shp_rng *r, double *x, int dim, double pm);
/* The per-gene mutation probability of the settings for dim (p_mutation ≤ 0: 1/dim). */
double shp_ga_pm(const shp_opt_settings *s, int dim);
/* Fisher–Yates shuffle of idx[0..n). */
void shp_ga_shuffle(shp_rng *r, int *idx, int n);

/* ---- PSO kernel (pso_move.c): shared by pso and pso_vega */

/* Inertia weight (or χ for constriction) of generation gen. */
double shp_pso_weight(const shp_opt_settings *s, long gen);
/* Initial velocity of a particle at x: (u − x)/2 per coordinate, clamped. */
void shp_pso_init_velocity(const shp_opt_settings *s, shp_rng *r, const double *x, double *v, int dim);
/* One move: v ← w·v + c1·r1·(p − x) + c2·r2·(g − x) (constriction: χ·(v + …)), clamp,
 * x ← x + v, bounds. p or g NULL drops that term (no successful best yet). */
void shp_pso_move(const shp_opt_settings *s, shp_rng *r, double w, double *x, double *v, const double *p,
                  const double *g, int dim);
/* Guide of each member of the (sub-)swarm [first, first+n): the index of the best
 * personal best (values pf[i]) in its neighbourhood (gbest: the whole sub-swarm; ring:
 * ±ring_k within it, self included), lower index on ties, into guide[i]. */
void shp_pso_guides(const shp_opt_settings *s, const double *pf, int first, int n, int *guide);

/* ---- Pareto archive internals (pareto.c) */

/* An archive with room for capacity + slack members: shp_pareto_insert_deferred lets it
 * grow past capacity (up to capacity + slack; beyond that it prunes first) and
 * shp_pareto_prune brings it back to capacity in one pass. */
shp_pareto *shp_pareto_create_ex(int n_obj, int dim, int capacity, int slack);
int shp_pareto_insert_deferred(shp_pareto *a, const double *x, const double *f);
void shp_pareto_prune(shp_pareto *a);

#endif
