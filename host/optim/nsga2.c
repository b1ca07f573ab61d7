/* NSGA-II (Deb, Pratap, Agarwal & Meyarivan 2002, IEEE TEC 6:182): parents and offspring
 * together are sorted into non-dominated fronts (§III-A), the next parents are the best
 * fronts whole and the last one cut by crowding distance (§III-B, C); offspring come from
 * binary tournaments on the crowded comparison (rank, then crowding), SBX and polynomial
 * mutation (the GA operators, ga_operators.c). A failed candidate (+inf) is dominated by
 * every finished one. */
#include <stdlib.h>
#include <string.h>

#include "optim/optim_internal.h"

typedef struct {
    double *R, *Rf;   /* 2·pop × dim, × n_obj: parents then offspring */
    int *rank;        /* 2·pop: front index of R's members (0 = non-dominated) */
    double *crowd;    /* 2·pop: their crowding distances */
    int *idx, *front; /* 2·pop scratch */
    shp_opt_rank *rk; /* 2·pop sort scratch */
    int *keep;        /* pop: the members of R chosen as parents */
    double *P, *Pf;   /* pop × dim, × n_obj: the parents */
    int *prank;       /* pop: the parents' ranks and crowding, for the tournaments */
    double *pcrowd;
    double *child;    /* 2 × dim */
} nsga2_state;

static int nsga2_init(shp_optimizer *o)
{
    nsga2_state *st = calloc(1, sizeof *st);
    if (!st) return SHP_ERR_NOMEM;
    o->state = st;
    const size_t n2 = 2 * (size_t)o->pop, dim = (size_t)o->dim, m = (size_t)o->n_obj;
    st->R = calloc(n2 * dim, sizeof *st->R);
    st->Rf = calloc(n2 * m, sizeof *st->Rf);
    st->rank = calloc(n2, sizeof *st->rank);
    st->crowd = calloc(n2, sizeof *st->crowd);
    st->idx = calloc(n2, sizeof *st->idx);
    st->front = calloc(n2, sizeof *st->front);
    st->rk = calloc(n2, sizeof *st->rk);
    st->keep = calloc((size_t)o->pop, sizeof *st->keep);
    st->P = calloc((size_t)o->pop * dim, sizeof *st->P);
    st->Pf = calloc((size_t)o->pop * m, sizeof *st->Pf);
    st->prank = calloc((size_t)o->pop, sizeof *st->prank);
    st->pcrowd = calloc((size_t)o->pop, sizeof *st->pcrowd);
    st->child = calloc(2 * dim, sizeof *st->child);
    return (st->R && st->Rf && st->rank && st->crowd && st->idx && st->front && st->rk && st->keep && st->P && st->Pf &&
            st->prank && st->pcrowd && st->child)
               ? SHP_OK
               : SHP_ERR_NOMEM;
}

static void nsga2_free(shp_optimizer *o)
{
    nsga2_state *st = o->state;
    if (!st) return;
    free(st->R);
    free(st->Rf);
    free(st->rank);
    free(st->crowd);
    free(st->idx);
    free(st->front);
    free(st->rk);
    free(st->keep);
    free(st->P);
    free(st->Pf);
    free(st->prank);
    free(st->pcrowd);
    free(st->child);
    free(st);
    o->state = NULL;
}

/* The crowded comparison (Deb et al. 2002, §III-C): a beats b by a lower rank, or by a
 * larger crowding distance in the same front. */
static int crowded_better(const nsga2_state *st, int a, int b)
{
    return st->prank[a] < st->prank[b] || (st->prank[a] == st->prank[b] && st->pcrowd[a] > st->pcrowd[b]);
}

static void nsga2_generate(shp_optimizer *o)
{
    nsga2_state *st = o->state;
    const int dim = o->dim, pop = o->pop;
    const double pm = shp_ga_pm(&o->s, dim);
    double *c1 = st->child, *c2 = st->child + dim;
    shp_rng r;
    for (int k = 0; 2 * k < pop; ++k) {
        shp_opt_stream(o, &r, o->generation, SHP_RS_GA_PAIR, (uint32_t)k);
        int par[2];
        for (int p = 0; p < 2; ++p) { /* binary tournament among the parents */
            const int a = (int)shp_rng_below(&r, (uint32_t)pop), b = (int)shp_rng_below(&r, (uint32_t)pop);
            par[p] = crowded_better(st, b, a) ? b : a;
        }
        shp_ga_recombine(&o->s, &r, &st->P[(size_t)par[0] * dim], &st->P[(size_t)par[1] * dim], c1, c2, dim, 0);
        shp_ga_mutate(&o->s, &r, c1, dim, pm);
        shp_ga_mutate(&o->s, &r, c2, dim, pm);
        memcpy(&o->x[(size_t)(2 * k) * dim], c1, (size_t)dim * sizeof *c1);
        if (2 * k + 1 < pop) memcpy(&o->x[(size_t)(2 * k + 1) * dim], c2, (size_t)dim * sizeof *c2);
    }
}

/* s[0..n) = the members a[0..n) by key(member), ties by position (sort.c). */
static void sort_members(nsga2_state *st, const int *a, int n, const double *key, int stride, int *s)
{
    for (int i = 0; i < n; ++i) st->rk[i] = (shp_opt_rank){key[(size_t)a[i] * stride], i};
    shp_opt_sort_ranks(st->rk, n);
    for (int i = 0; i < n; ++i) s[i] = a[st->rk[i].i];
}

/* Crowding distance of the members front[0..n) on every objective (§III-B): the
 * boundary members infinite, the others the normalised side lengths of their cuboid. */
static void crowding(nsga2_state *st, int m, const int *front, int n)
{
    for (int i = 0; i < n; ++i) st->crowd[front[i]] = 0.0;
    int *s = st->idx;
    for (int j = 0; j < m; ++j) {
        sort_members(st, front, n, st->Rf + j, m, s);
        const double lo = st->Rf[(size_t)s[0] * m + j], hi = st->Rf[(size_t)s[n - 1] * m + j];
        st->crowd[s[0]] = st->crowd[s[n - 1]] = HUGE_VAL;
        if (!(hi > lo) || !isfinite(hi - lo)) continue;
        for (int i = 1; i + 1 < n; ++i)
            st->crowd[s[i]] += (st->Rf[(size_t)s[i + 1] * m + j] - st->Rf[(size_t)s[i - 1] * m + j]) / (hi - lo);
    }
}

/* Rank R[0..n) into fronts and keep pop of them in keep[]: whole fronts while they fit,
 * then the most crowded-apart of the last. */
static void select_parents(const shp_optimizer *o, nsga2_state *st, int n)
{
    const int m = o->n_obj, pop = o->pop;
    for (int i = 0; i < n; ++i) st->rank[i] = -1;
    int kept = 0, left = n;
    for (int r = 0; left > 0; ++r) {
        int nf = 0; /* the members of rank r: dominated by no other unranked member */
        for (int i = 0; i < n; ++i) {
            if (st->rank[i] >= 0) continue;
            int dominated = 0;
            for (int k = 0; k < n && !dominated; ++k)
                dominated = k != i && (st->rank[k] < 0 || st->rank[k] == r) &&
                            shp_dominates(&st->Rf[(size_t)k * m], &st->Rf[(size_t)i * m], m);
            if (!dominated) st->front[nf++] = i;
        }
        if (nf == 0) { /* only mutually equal members are left (failures): one last front */
            for (int i = 0; i < n; ++i)
                if (st->rank[i] < 0) st->front[nf++] = i;
        }
        for (int i = 0; i < nf; ++i) st->rank[st->front[i]] = r;
        left -= nf;
        crowding(st, m, st->front, nf);
        if (kept >= pop) continue; /* ranked for completeness; not kept */
        if (kept + nf <= pop) {
            memcpy(st->keep + kept, st->front, (size_t)nf * sizeof *st->keep);
            kept += nf;
            continue;
        }
        /* the last front cut: the largest crowding first (keys −crowding) */
        for (int i = 0; i < nf; ++i) st->rk[i] = (shp_opt_rank){-st->crowd[st->front[i]], i};
        shp_opt_sort_ranks(st->rk, nf);
        for (int i = 0; kept + i < pop; ++i) st->keep[kept + i] = st->front[st->rk[i].i];
        kept = pop;
    }
}

static void nsga2_update(shp_optimizer *o)
{
    nsga2_state *st = o->state;
    const int dim = o->dim, pop = o->pop, m = o->n_obj;
    /* R = the parents (none before generation 0's tell), then the told generation */
    const int np = o->generation > 0 ? pop : 0;
    memcpy(st->R, st->P, (size_t)np * dim * sizeof *st->R);
    memcpy(st->Rf, st->Pf, (size_t)np * m * sizeof *st->Rf);
    memcpy(&st->R[(size_t)np * dim], o->x, (size_t)pop * dim * sizeof *st->R);
    memcpy(&st->Rf[(size_t)np * m], o->f, (size_t)pop * m * sizeof *st->Rf);
    select_parents(o, st, np + pop);
    for (int i = 0; i < pop; ++i) {
        const int k = st->keep[i];
        memcpy(&st->P[(size_t)i * dim], &st->R[(size_t)k * dim], (size_t)dim * sizeof *st->P);
        memcpy(&st->Pf[(size_t)i * m], &st->Rf[(size_t)k * m], (size_t)m * sizeof *st->Pf);
        st->prank[i] = st->rank[k];
        st->pcrowd[i] = st->crowd[k];
    }
}

static const double *nsga2_population(const shp_optimizer *o) { return ((const nsga2_state *)o->state)->P; }

const shp_opt_type shp_opt_type_nsga2 = {
    .id = SHP_OPT_NSGA2,
    .name = "nsga2",
    .about = "NSGA-II (Deb et al. 2002): non-dominated sorting, crowding distance, SBX, polynomial mutation",
    .multi_objective = 1,
    .min_pop = 4,
    .init = nsga2_init,
    .free_state = nsga2_free,
    .generate = nsga2_generate,
    .update = nsga2_update,
    .population = nsga2_population,
};
