/* Exact hypervolume of a point set for 1, 2 and 3 objectives (minimisation).
 *   2: sort by f1, sweep the staircase: O(n log n).
 *   3: slicing along f3 (the HSO idea, While et al. 2006, with one dimension left):
 *      points in increasing f3 are added one at a time to a 2-D staircase kept sorted by
 *      f1; each slab between consecutive f3 values contributes area × thickness: O(n²).
 * More objectives are refused (SHP_ERR_INVALID): exact methods grow steeply with the
 * dimension, and the seed's problems have at most three objectives. */
#include <stdlib.h>
#include <string.h>

#include "optim/optim_internal.h"

typedef struct {
    double a, b, c;
} pt3;

static int by_a(const void *p, const void *q)
{
    const pt3 *x = p, *y = q;
    if (x->a != y->a) return x->a < y->a ? -1 : 1;
    if (x->b != y->b) return x->b < y->b ? -1 : 1;
    return 0;
}

static int by_c(const void *p, const void *q)
{
    const pt3 *x = p, *y = q;
    if (x->c != y->c) return x->c < y->c ? -1 : 1;
    return by_a(p, q);
}

/* area dominated by the staircase s[0..n) (a ascending, b strictly descending) */
static double stair_area(const pt3 *s, int n, double ra, double rb)
{
    double area = 0.0, top = rb;
    for (int i = 0; i < n; ++i) {
        area += (ra - s[i].a) * (top - s[i].b);
        top = s[i].b;
    }
    return area;
}

/* add p to the staircase (unless weakly dominated), dropping the points it dominates */
static int stair_add(pt3 *s, int n, pt3 p)
{
    int pos = 0;
    while (pos < n && s[pos].a <= p.a) {
        if (s[pos].b <= p.b) return n; /* weakly dominated */
        ++pos;
    }
    int end = pos; /* s[pos..end) have a > p.a; those with b ≥ p.b are dominated */
    while (end < n && s[end].b >= p.b) ++end;
    memmove(&s[pos + 1], &s[end], (size_t)(n - end) * sizeof *s);
    s[pos] = p;
    return n - (end - pos) + 1;
}

shp_status shp_hypervolume(const double *f, int n, int m, const double *ref, double *hv)
{
    if (!hv || !ref || n < 0 || (n > 0 && !f) || m < 1 || m > 3) return SHP_ERR_INVALID;
    *hv = 0.0;
    if (n == 0) return SHP_OK;
    pt3 *p = malloc((size_t)n * sizeof *p);
    pt3 *s = m == 3 ? malloc((size_t)n * sizeof *s) : NULL;
    if (!p || (m == 3 && !s)) {
        free(p);
        free(s);
        return SHP_ERR_NOMEM;
    }
    int k = 0;
    for (int i = 0; i < n; ++i) {
        const double *fi = &f[(size_t)i * m];
        int in = 1;
        for (int j = 0; j < m; ++j) in &= fi[j] < ref[j]; /* NaN fails too */
        if (!in) continue;
        p[k].a = fi[0];
        p[k].b = m > 1 ? fi[1] : 0.0;
        p[k].c = m > 2 ? fi[2] : 0.0;
        ++k;
    }
    double v = 0.0;
    if (k > 0 && m == 1) {
        double lo = p[0].a;
        for (int i = 1; i < k; ++i) lo = p[i].a < lo ? p[i].a : lo;
        v = ref[0] - lo;
    } else if (k > 0 && m == 2) {
        qsort(p, (size_t)k, sizeof *p, by_a);
        double top = ref[1];
        for (int i = 0; i < k; ++i)
            if (p[i].b < top) {
                v += (ref[0] - p[i].a) * (top - p[i].b);
                top = p[i].b;
            }
    } else if (k > 0) {
        qsort(p, (size_t)k, sizeof *p, by_c);
        int ns = 0;
        for (int i = 0; i < k; ++i) {
            ns = stair_add(s, ns, p[i]);
            const double next = i + 1 < k ? p[i + 1].c : ref[2];
            if (next > p[i].c) v += stair_area(s, ns, ref[0], ref[1]) * (next - p[i].c);
        }
    }
    free(p);
    free(s);
    *hv = v;
    return SHP_OK;
}
