/* Default settings of each algorithm and the argument checks run before create. */
#include <limits.h>
#include <stdio.h>

#include "optim/optim_internal.h"
#include "util/message.h"

shp_opt_settings shp_opt_settings_default(shp_opt_algorithm alg)
{
    shp_opt_settings s;
    s.pop_size = 40;
    s.init = SHP_INIT_UNIFORM;
    s.max_generations = 200;
    s.archive_capacity = 100;

    /* PSO: the Clerc–Kennedy parameters written as an inertia weight (w = χ, c = χ·2.05),
     * the standard set of SPSO 2007/2011 and of Eberhart & Shi (2000). */
    s.velocity = SHP_PSO_INERTIA;
    s.schedule = SHP_INERTIA_CONSTANT;
    s.w_start = 0.7298;
    s.w_end = 0.4;
    s.c1 = 1.49618;
    s.c2 = 1.49618;
    s.topology = SHP_TOPOLOGY_GBEST;
    s.ring_k = 1;
    s.v_clamp = 0.5;
    s.bounds = SHP_BOUNDS_REFLECT;

    /* GA: Deb's real-coded defaults (NSGA-II: p_c 0.9, eta_c 15–20, p_m 1/n, eta_m 20). */
    s.crossover = SHP_CROSSOVER_SBX;
    s.p_crossover = 0.9;
    s.eta_c = 20.0;
    s.blx_alpha = 0.5;
    s.mutation = SHP_MUTATION_POLYNOMIAL;
    s.p_mutation = -1.0;
    s.eta_m = 20.0;
    s.sigma = 0.1;
    s.tournament = 3;
    s.elitism = 2;

    s.exchange_rate = 0.3;

    /* DE: Storn & Price (1997) recommend F 0.5, CR 0.9; F 0.6 here, because with 0.5
     * 16 of 20 Rosenbrock-5 runs collapsed (docs/algorithms.md); jDE as Brest et al.
     * (2006); SHADE as Tanabe & Fukunaga (2013) with a smaller memory. */
    s.strategy = SHP_DE_RAND_1_BIN;
    s.F = 0.6;
    s.CR = 0.9;
    s.jde_tau1 = 0.1;
    s.jde_tau2 = 0.1;
    s.jde_F_lo = 0.1;
    s.jde_F_hi = 0.9;
    s.shade_H = 10;
    s.shade_archive = 1.0;
    s.shade_p_max = 0.2;
    s.cma_sigma0 = 0.3; /* Hansen 2016: about a third of the domain */

    switch (alg) {
    case SHP_OPT_GA: s.pop_size = 60; break;
    case SHP_OPT_VEGA:
        s.pop_size = 80;
        s.elitism = 1;
        break;
    case SHP_OPT_PSO_VEGA: s.pop_size = 60; break;
    case SHP_OPT_SHADE: s.pop_size = 50; break;
    case SHP_OPT_NSGA2: s.pop_size = 100; break; /* Deb et al. (2002) */
    case SHP_OPT_CMAES: s.pop_size = 12; break;  /* Hansen's 4 + 3 ln n is 8-12 for 4-16 parameters */
    default: break;
    }
    return s;
}

/* a ≤ v ≤ b and finite */
static int in(double v, double a, double b) { return isfinite(v) && v >= a && v <= b; }

/* A setting outside [a, b] (or not finite): the message starts with its name, which the
 * config loader turns into the field's path. */
#define RANGE(field, a, b)                                                                          \
    do {                                                                                            \
        if (!in(s.field, a, b))                                                                     \
            return shp_refuse(msg, len, #field " must be in [%g, %g] (got %g)", (double)(a), (double)(b), \
                        (double)s.field);                                                          \
    } while (0)

shp_status shp_opt_check(shp_opt_algorithm alg, int dim, int n_obj, const shp_opt_settings *sp, char *msg,
                         size_t len)
{
    const shp_opt_type *t = shp_opt_type_of(alg);
    if (!t) return shp_refuse(msg, len, "unknown algorithm %d", (int)alg);
    const shp_opt_settings s = sp ? *sp : shp_opt_settings_default(alg);
    if (msg && len) msg[0] = '\0';
    if (dim < 1) return shp_refuse(msg, len, "dim must be >= 1 (got %d)", dim);
    if (n_obj < 1 || n_obj > SHP_OPT_MAX_OBJ)
        return shp_refuse(msg, len, "n_obj must be in 1..%d (got %d)", SHP_OPT_MAX_OBJ, n_obj);
    const int min_pop = t->multi_objective ? t->min_pop * n_obj : t->min_pop;
    if (s.pop_size < min_pop)
        return shp_refuse(msg, len, "pop_size must be >= %d for %s with %d objective(s) (got %d)", min_pop, t->name,
                    n_obj, s.pop_size);
    if ((long long)s.pop_size * dim > INT_MAX / 4 || (long long)s.pop_size * n_obj > INT_MAX / 4)
        return shp_refuse(msg, len, "pop_size x dim too large");
    if ((unsigned)s.init > SHP_INIT_LHS) return shp_refuse(msg, len, "unknown init %d", (int)s.init);
    if (n_obj > 1 && s.archive_capacity < 2)
        return shp_refuse(msg, len, "archive_capacity must be >= 2 (got %d)", s.archive_capacity);

    switch (alg) {
    case SHP_OPT_PSO:
    case SHP_OPT_PSO_VEGA:
        if ((unsigned)s.velocity > SHP_PSO_CONSTRICTION) return shp_refuse(msg, len, "unknown PSO velocity rule");
        if ((unsigned)s.schedule > SHP_INERTIA_LINEAR) return shp_refuse(msg, len, "unknown inertia schedule");
        if ((unsigned)s.topology > SHP_TOPOLOGY_RING) return shp_refuse(msg, len, "unknown topology");
        if ((unsigned)s.bounds > SHP_BOUNDS_ABSORB) return shp_refuse(msg, len, "unknown bound handling");
        RANGE(c1, 0, 10);
        RANGE(c2, 0, 10);
        if (s.velocity == SHP_PSO_CONSTRICTION && !(s.c1 + s.c2 > 4.0))
            return shp_refuse(msg, len, "constriction needs c1 + c2 > 4 (got %g)", s.c1 + s.c2);
        if (s.velocity == SHP_PSO_INERTIA) {
            RANGE(w_start, 0, 2);
            RANGE(w_end, 0, 2);
        }
        if (s.schedule == SHP_INERTIA_LINEAR && s.max_generations < 1)
            return shp_refuse(msg, len, "the linear inertia schedule needs max_generations >= 1");
        if (s.topology == SHP_TOPOLOGY_RING && s.ring_k < 1)
            return shp_refuse(msg, len, "ring_k must be >= 1 (got %d)", s.ring_k);
        RANGE(v_clamp, 0, 1e6);
        if (alg == SHP_OPT_PSO) break;
        RANGE(exchange_rate, 0, 1);
        /* fall through - the exchange step uses the GA operators */
    case SHP_OPT_GA:
    case SHP_OPT_VEGA:
    case SHP_OPT_NSGA2:
        if ((unsigned)s.crossover > SHP_CROSSOVER_BLX) return shp_refuse(msg, len, "unknown crossover");
        if ((unsigned)s.mutation > SHP_MUTATION_GAUSSIAN) return shp_refuse(msg, len, "unknown mutation");
        RANGE(p_crossover, 0, 1);
        /* p_mutation < 0 means 1/dim (shp_opt_settings) */
        if (!isfinite(s.p_mutation) || s.p_mutation > 1 || s.p_mutation < -1)
            return shp_refuse(msg, len, "p_mutation must be in [0, 1], or negative for 1/dim (got %g)", s.p_mutation);
        RANGE(eta_c, 0, 1e4);
        RANGE(eta_m, 0, 1e4);
        RANGE(blx_alpha, 0, 10);
        RANGE(sigma, 0, 10);
        if (alg == SHP_OPT_PSO_VEGA || alg == SHP_OPT_NSGA2) break; /* NSGA-II: binary crowded tournaments */
        if (s.tournament < 1 || s.tournament > s.pop_size)
            return shp_refuse(msg, len, "tournament must be in 1..pop_size (got %d)", s.tournament);
        if (s.elitism < 0 || (long)s.elitism * (alg == SHP_OPT_VEGA ? n_obj : 1) > s.pop_size / 2)
            return shp_refuse(msg, len, "elitism must be >= 0 and keep at most half the population (got %d)",
                        s.elitism);
        break;
    case SHP_OPT_DE:
    case SHP_OPT_JDE:
        if ((unsigned)s.strategy > SHP_DE_CURRENT_TO_BEST_1_BIN) return shp_refuse(msg, len, "unknown DE strategy");
        RANGE(F, 0, 2);
        RANGE(CR, 0, 1);
        if (alg == SHP_OPT_DE) break;
        RANGE(jde_tau1, 0, 1);
        RANGE(jde_tau2, 0, 1);
        RANGE(jde_F_lo, 0, 2);
        RANGE(jde_F_hi, 0, 2);
        break;
    case SHP_OPT_SHADE:
        if (s.shade_H < 1) return shp_refuse(msg, len, "shade_H must be >= 1 (got %d)", s.shade_H);
        RANGE(shade_archive, 0, 10);
        RANGE(shade_p_max, 0, 1);
        break;
    case SHP_OPT_CMAES:
        if (!(s.cma_sigma0 > 0.0 && s.cma_sigma0 <= 1.0))
            return shp_refuse(msg, len, "cma_sigma0 must be in (0, 1] (got %g)", s.cma_sigma0);
        break;
    default: break;
    }
    return SHP_OK;
}
