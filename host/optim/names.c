/* Name tables of the optimizer enums: one lookup for names, counts and parsing, so the
 * configuration and the command line list them from one place. Algorithm names come
 * from the algorithm type table (optimizer.c). */
#include <stdio.h>
#include <string.h>

#include "optim/optim_internal.h"

static const char *const velocity_names[] = {"inertia", "constriction"};
static const char *const schedule_names[] = {"constant", "linear"};
static const char *const topology_names[] = {"gbest", "ring"};
static const char *const bounds_names[] = {"reflect", "absorb"};
static const char *const crossover_names[] = {"sbx", "blx"};
static const char *const mutation_names[] = {"polynomial", "gaussian"};
static const char *const strategy_names[] = {"rand/1/bin", "best/1/bin", "current-to-best/1/bin"};
static const char *const init_names[] = {"uniform", "lhs"};
static const char *const stop_names[] = {"none", "generations", "evaluations", "time", "target", "stall"};

#define N_OF(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* The static table of kind (NULL for algorithms, which live in the type table). */
static const char *const *table_of(shp_opt_enum kind, int *n)
{
    switch (kind) {
    case SHP_OPT_ENUM_PSO_VELOCITY: *n = N_OF(velocity_names); return velocity_names;
    case SHP_OPT_ENUM_PSO_SCHEDULE: *n = N_OF(schedule_names); return schedule_names;
    case SHP_OPT_ENUM_PSO_TOPOLOGY: *n = N_OF(topology_names); return topology_names;
    case SHP_OPT_ENUM_BOUNDS: *n = N_OF(bounds_names); return bounds_names;
    case SHP_OPT_ENUM_CROSSOVER: *n = N_OF(crossover_names); return crossover_names;
    case SHP_OPT_ENUM_MUTATION: *n = N_OF(mutation_names); return mutation_names;
    case SHP_OPT_ENUM_DE_STRATEGY: *n = N_OF(strategy_names); return strategy_names;
    case SHP_OPT_ENUM_INIT: *n = N_OF(init_names); return init_names;
    case SHP_OPT_ENUM_STOP_REASON: *n = N_OF(stop_names); return stop_names;
    case SHP_OPT_ENUM_ALGORITHM: *n = SHP_OPT_COUNT; return NULL;
    default: *n = 0; return NULL;
    }
}

int shp_opt_enum_count(shp_opt_enum kind)
{
    int n;
    table_of(kind, &n);
    return n;
}

const char *shp_opt_enum_name(shp_opt_enum kind, int value)
{
    int n;
    const char *const *t = table_of(kind, &n);
    if (value < 0 || value >= n) return NULL;
    if (kind == SHP_OPT_ENUM_ALGORITHM) return shp_opt_type_of((shp_opt_algorithm)value)->name;
    return t[value];
}

shp_status shp_opt_enum_from_string(shp_opt_enum kind, const char *name, int *value)
{
    if (!name || !value) return SHP_ERR_INVALID;
    const int n = shp_opt_enum_count(kind);
    for (int v = 0; v < n; ++v)
        if (strcmp(shp_opt_enum_name(kind, v), name) == 0) {
            *value = v;
            return SHP_OK;
        }
    return SHP_ERR_INVALID;
}

const char *shp_opt_enum_names(shp_opt_enum kind, char *buf, size_t len)
{
    if (!buf || len == 0) return buf;
    size_t k = 0;
    buf[0] = '\0';
    const int n = shp_opt_enum_count(kind);
    for (int v = 0; v < n && k < len; ++v) {
        const int w = snprintf(buf + k, len - k, "%s%s", v ? ", " : "", shp_opt_enum_name(kind, v));
        if (w < 0) break;
        k += (size_t)w;
    }
    return buf;
}

const char *shp_opt_algorithm_name(shp_opt_algorithm alg)
{
    return shp_opt_enum_name(SHP_OPT_ENUM_ALGORITHM, (int)alg);
}

const char *shp_opt_algorithm_about(shp_opt_algorithm alg)
{
    const shp_opt_type *t = shp_opt_type_of(alg);
    return t ? t->about : NULL;
}

shp_status shp_opt_algorithm_from_string(const char *name, shp_opt_algorithm *alg)
{
    int v;
    const int st = shp_opt_enum_from_string(SHP_OPT_ENUM_ALGORITHM, name, &v);
    if (st == SHP_OK && alg) *alg = (shp_opt_algorithm)v;
    return alg ? st : SHP_ERR_INVALID;
}

int shp_opt_algorithm_is_multiobjective(shp_opt_algorithm alg)
{
    const shp_opt_type *t = shp_opt_type_of(alg);
    return t ? t->multi_objective : 0;
}

const char *shp_opt_stop_reason_name(shp_opt_stop_reason why)
{
    return shp_opt_enum_name(SHP_OPT_ENUM_STOP_REASON, (int)why);
}
