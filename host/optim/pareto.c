/* The bounded Pareto archive: non-dominated (x, f) pairs, minimisation. When the archive
 * exceeds its capacity, members are dropped one at a time by smallest crowding distance
 * (Deb et al. 2002), updating only the neighbours' distances after each removal
 * (per-objective linked lists) and picking the next one from a binary heap with lazy
 * deletion, so bringing capacity + k members back to capacity costs
 * O(n_obj·(n + k)·log n). The extremes of every objective have infinite distance and
 * are kept; ties go to the lower index.
 *
 * Two objectives, the common case, have their own path: the members are kept sorted by
 * f1 (hence f2 strictly decreasing), a new point is placed by binary search and only its
 * predecessor can dominate it (O(log n) test, one memmove), and the crowding neighbours
 * are the array neighbours (no sort when pruning). Other counts: one pass over the
 * members per insertion, O(n·n_obj). */
#include <stdlib.h>
#include <string.h>

#include "optim/optim_internal.h"

typedef struct {
    double d;
    int i, ver;
} heap_entry;

struct shp_pareto {
    int m, dim, cap, slots, n;
    int by_f1;           /* two objectives: members sorted by f1 (the insertion order) */
    double *x, *f;       /* slots × dim, slots × m */
    shp_opt_rank *pairs; /* slots: sort scratch */
    int *prev, *next;    /* m × slots: neighbours along each objective */
    double *dist;        /* slots: crowding distance */
    char *alive;         /* slots */
    int *ver;            /* slots: version of each member's distance */
    heap_entry *heap;    /* slots·(1 + 2·m) */
    double *range;       /* m */
    double *tmp;         /* dim + m: one row, for sorting */
};

int shp_dominates(const double *a, const double *b, int m)
{
    int strict = 0;
    for (int k = 0; k < m; ++k) {
        if (a[k] > b[k]) return 0;
        if (a[k] < b[k]) strict = 1;
    }
    return strict;
}

shp_pareto *shp_pareto_create_ex(int n_obj, int dim, int capacity, int slack)
{
    if (n_obj < 1 || n_obj > SHP_OPT_MAX_OBJ || dim < 0 || capacity < 1 || slack < 0) return NULL;
    shp_pareto *a = calloc(1, sizeof *a);
    if (!a) return NULL;
    a->m = n_obj;
    a->dim = dim;
    a->cap = capacity;
    a->slots = capacity + (slack > 0 ? slack : 1);
    a->by_f1 = 1;
    const size_t S = (size_t)a->slots;
    a->x = calloc(S * (size_t)(dim > 0 ? dim : 1), sizeof *a->x);
    a->f = calloc(S * (size_t)n_obj, sizeof *a->f);
    a->pairs = calloc(S, sizeof *a->pairs);
    a->prev = calloc(S * (size_t)n_obj, sizeof *a->prev);
    a->next = calloc(S * (size_t)n_obj, sizeof *a->next);
    a->dist = calloc(S, sizeof *a->dist);
    a->alive = calloc(S, 1);
    a->ver = calloc(S, sizeof *a->ver);
    a->heap = calloc(S * (size_t)(1 + 2 * n_obj), sizeof *a->heap);
    a->range = calloc((size_t)n_obj, sizeof *a->range);
    a->tmp = calloc((size_t)(dim + n_obj), sizeof *a->tmp);
    if (!a->x || !a->f || !a->pairs || !a->prev || !a->next || !a->dist || !a->alive || !a->ver || !a->heap ||
        !a->range || !a->tmp) {
        shp_pareto_destroy(a);
        return NULL;
    }
    return a;
}

shp_pareto *shp_pareto_create(int n_obj, int dim, int capacity)
{
    return shp_pareto_create_ex(n_obj, dim, capacity, 1);
}

void shp_pareto_destroy(shp_pareto *a)
{
    if (!a) return;
    free(a->x);
    free(a->f);
    free(a->pairs);
    free(a->prev);
    free(a->next);
    free(a->dist);
    free(a->alive);
    free(a->ver);
    free(a->heap);
    free(a->range);
    free(a->tmp);
    free(a);
}

void shp_pareto_clear(shp_pareto *a)
{
    if (!a) return;
    a->n = 0;
    a->by_f1 = 1;
}

static void copy_member(shp_pareto *a, int to, int from)
{
    if (to == from) return;
    memcpy(&a->x[(size_t)to * a->dim], &a->x[(size_t)from * a->dim], (size_t)a->dim * sizeof *a->x);
    memcpy(&a->f[(size_t)to * a->m], &a->f[(size_t)from * a->m], (size_t)a->m * sizeof *a->f);
}

static void put_member(shp_pareto *a, int i, const double *x, const double *f)
{
    double *xi = &a->x[(size_t)i * a->dim];
    if (x) memcpy(xi, x, (size_t)a->dim * sizeof *xi);
    else memset(xi, 0, (size_t)a->dim * sizeof *xi);
    memcpy(&a->f[(size_t)i * a->m], f, (size_t)a->m * sizeof *f);
}

/* Two objectives, members sorted by f1 with f2 strictly decreasing. */
static int insert_2d(shp_pareto *a, const double *x, const double *f)
{
    const double *F = a->f;
    int lo = 0, hi = a->n; /* p = first member with f1 > f[0] */
    while (lo < hi) {
        const int mid = (lo + hi) / 2;
        if (F[2 * mid] <= f[0]) lo = mid + 1;
        else hi = mid;
    }
    const int p = lo;
    /* the predecessor has the smallest f2 of all members with f1 ≤ f[0] */
    if (p > 0 && F[2 * (p - 1) + 1] <= f[1]) return 0;
    /* dominated by f: the predecessor if its f1 ties, then the run with f2 ≥ f[1] */
    const int start = (p > 0 && F[2 * (p - 1)] == f[0]) ? p - 1 : p;
    int end = p;
    while (end < a->n && F[2 * end + 1] >= f[1]) ++end;
    const int tail = a->n - end, shift = 1 - (end - start);
    if (shift != 0 && tail > 0) {
        memmove(&a->x[(size_t)(start + 1) * a->dim], &a->x[(size_t)end * a->dim],
                (size_t)tail * (size_t)a->dim * sizeof *a->x);
        memmove(&a->f[(size_t)(start + 1) * 2], &a->f[(size_t)end * 2], (size_t)tail * 2 * sizeof *a->f);
    }
    put_member(a, start, x, f);
    a->n += shift;
    return 1;
}

int shp_pareto_insert_deferred(shp_pareto *a, const double *x, const double *f)
{
    if (!a || !f) return SHP_ERR_INVALID;
    const int m = a->m;
    for (int k = 0; k < m; ++k)
        if (!isfinite(f[k])) return 0;
    if (a->n == a->slots) shp_pareto_prune(a);
    if (m == 2) {
        if (!a->by_f1) shp_pareto_sort(a, 0);
        return insert_2d(a, x, f);
    }
    /* One pass: a member that weakly dominates f rejects it; members f dominates leave.
     * In a mutually non-dominated archive both cannot happen for the same f, so a
     * rejection always comes before any member has been dropped. */
    int w = 0;
    for (int r = 0; r < a->n; ++r) {
        const double *g = &a->f[(size_t)r * m];
        int g_le = 1, f_le = 1;
        for (int k = 0; k < m; ++k) {
            g_le &= g[k] <= f[k];
            f_le &= f[k] <= g[k];
        }
        if (g_le) return 0;
        if (f_le) continue; /* f dominates member r */
        copy_member(a, w++, r);
    }
    a->n = w;
    put_member(a, a->n, x, f);
    a->n++;
    return 1;
}

int shp_pareto_insert(shp_pareto *a, const double *x, const double *f)
{
    const int r = shp_pareto_insert_deferred(a, x, f);
    if (r == 1 && a->n > a->cap) shp_pareto_prune(a);
    return r;
}

static double crowding(const shp_pareto *a, int i)
{
    const int S = a->slots, m = a->m;
    double d = 0.0;
    for (int k = 0; k < m; ++k) {
        const int p = a->prev[(size_t)k * S + i], q = a->next[(size_t)k * S + i];
        if (p < 0 || q < 0) return INFINITY;
        if (a->range[k] > 0.0) d += (a->f[(size_t)q * m + k] - a->f[(size_t)p * m + k]) / a->range[k];
    }
    return d;
}

/* binary min-heap on (d, i): the lower index wins ties, as a linear scan would */
static int heap_less(const heap_entry *x, const heap_entry *y)
{
    return x->d < y->d || (x->d == y->d && x->i < y->i);
}

static void heap_push(heap_entry *h, int *n, double d, int i, int ver)
{
    int c = (*n)++;
    const heap_entry e = {d, i, ver};
    while (c > 0) {
        const int p = (c - 1) / 2;
        if (!heap_less(&e, &h[p])) break;
        h[c] = h[p];
        c = p;
    }
    h[c] = e;
}

static heap_entry heap_pop(heap_entry *h, int *n)
{
    const heap_entry top = h[0], last = h[--*n];
    int c = 0;
    for (;;) {
        int k = 2 * c + 1;
        if (k >= *n) break;
        if (k + 1 < *n && heap_less(&h[k + 1], &h[k])) ++k;
        if (!heap_less(&h[k], &last)) break;
        h[c] = h[k];
        c = k;
    }
    if (*n > 0) h[c] = last;
    return top;
}

void shp_pareto_prune(shp_pareto *a)
{
    if (!a || a->n <= a->cap) return;
    const int n = a->n, m = a->m, S = a->slots;
    if (m == 2 && a->by_f1) { /* sorted by f1 ascending = by f2 descending */
        for (int i = 0; i < n; ++i) {
            a->prev[i] = a->next[S + i] = i - 1;
            a->next[i] = a->prev[S + i] = i + 1 < n ? i + 1 : -1;
        }
        a->range[0] = a->f[2 * (n - 1)] - a->f[0];
        a->range[1] = a->f[1] - a->f[2 * (n - 1) + 1];
    } else {
        for (int k = 0; k < m; ++k) {
            for (int i = 0; i < n; ++i) {
                a->pairs[i].v = a->f[(size_t)i * m + k];
                a->pairs[i].i = i;
            }
            shp_opt_sort_ranks(a->pairs, n);
            int *prev = &a->prev[(size_t)k * S], *next = &a->next[(size_t)k * S];
            for (int r = 0; r < n; ++r) {
                const int i = a->pairs[r].i;
                prev[i] = r > 0 ? a->pairs[r - 1].i : -1;
                next[i] = r + 1 < n ? a->pairs[r + 1].i : -1;
            }
            a->range[k] = a->pairs[n - 1].v - a->pairs[0].v;
        }
    }
    int hn = 0;
    for (int i = 0; i < n; ++i) {
        a->alive[i] = 1;
        a->ver[i] = 0;
        a->dist[i] = crowding(a, i);
        heap_push(a->heap, &hn, a->dist[i], i, 0);
    }
    for (int left = n; left > a->cap; --left) {
        int b;
        for (;;) { /* the least crowded live member; stale entries are skipped */
            const heap_entry e = heap_pop(a->heap, &hn);
            b = e.i;
            if (a->alive[b] && e.ver == a->ver[b]) break;
        }
        a->alive[b] = 0;
        for (int k = 0; k < m; ++k) {
            int *prev = &a->prev[(size_t)k * S], *next = &a->next[(size_t)k * S];
            const int p = prev[b], q = next[b];
            if (p >= 0) next[p] = q;
            if (q >= 0) prev[q] = p;
        }
        for (int k = 0; k < m; ++k) {
            const int p = a->prev[(size_t)k * S + b], q = a->next[(size_t)k * S + b];
            const int nb[2] = {p, q};
            for (int t = 0; t < 2; ++t) {
                const int j = nb[t];
                if (j < 0) continue;
                const double d = crowding(a, j);
                if (d == a->dist[j]) continue;
                a->dist[j] = d;
                heap_push(a->heap, &hn, d, j, ++a->ver[j]);
            }
        }
    }
    int w = 0;
    for (int i = 0; i < n; ++i)
        if (a->alive[i]) copy_member(a, w++, i);
    a->n = w;
}

int shp_pareto_size(const shp_pareto *a) { return a ? a->n : 0; }
int shp_pareto_capacity(const shp_pareto *a) { return a ? a->cap : 0; }
int shp_pareto_n_obj(const shp_pareto *a) { return a ? a->m : 0; }
int shp_pareto_dim(const shp_pareto *a) { return a ? a->dim : 0; }

const double *shp_pareto_x(const shp_pareto *a, int i)
{
    return (a && i >= 0 && i < a->n) ? &a->x[(size_t)i * a->dim] : NULL;
}

const double *shp_pareto_f(const shp_pareto *a, int i)
{
    return (a && i >= 0 && i < a->n) ? &a->f[(size_t)i * a->m] : NULL;
}

/* f_i before f_j: objective k first, then the others in order */
static int before(const double *fi, const double *fj, int m, int k)
{
    if (fi[k] != fj[k]) return fi[k] < fj[k];
    for (int t = 0; t < m; ++t)
        if (fi[t] != fj[t]) return fi[t] < fj[t];
    return 0;
}

shp_status shp_pareto_sort(shp_pareto *a, int k)
{
    if (!a || k < 0 || k >= a->m) return SHP_ERR_INVALID;
    const int m = a->m, dim = a->dim;
    double *tx = a->tmp, *tf = a->tmp + dim;
    for (int i = 1; i < a->n; ++i) { /* insertion sort: stable, no allocation */
        memcpy(tx, &a->x[(size_t)i * dim], (size_t)dim * sizeof *tx);
        memcpy(tf, &a->f[(size_t)i * m], (size_t)m * sizeof *tf);
        int j = i;
        while (j > 0 && before(tf, &a->f[(size_t)(j - 1) * m], m, k)) {
            copy_member(a, j, j - 1);
            --j;
        }
        memcpy(&a->x[(size_t)j * dim], tx, (size_t)dim * sizeof *tx);
        memcpy(&a->f[(size_t)j * m], tf, (size_t)m * sizeof *tf);
    }
    a->by_f1 = k == 0;
    return SHP_OK;
}

shp_status shp_pareto_hypervolume(const shp_pareto *a, const double *ref, double *hv)
{
    if (!a) return SHP_ERR_INVALID;
    return shp_hypervolume(a->f, a->n, a->m, ref, hv);
}
