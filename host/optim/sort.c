/* In-place heapsort of (value, index) pairs by value, then index: a total order, so the
 * result is unique (no stability question) and, unlike the C library's qsort (glibc's
 * merge sort may call malloc), it never allocates — ask/tell stay allocation-free. */
#include "optim/optim_internal.h"

static int rank_less(const shp_opt_rank *a, const shp_opt_rank *b)
{
    return a->v < b->v || (a->v == b->v && a->i < b->i);
}

static void sift_down(shp_opt_rank *h, int root, int n)
{
    const shp_opt_rank e = h[root];
    int c = root;
    for (;;) {
        int k = 2 * c + 1;
        if (k >= n) break;
        if (k + 1 < n && rank_less(&h[k], &h[k + 1])) ++k;
        if (!rank_less(&e, &h[k])) break;
        h[c] = h[k];
        c = k;
    }
    h[c] = e;
}

void shp_opt_sort_ranks(shp_opt_rank *v, int n)
{
    for (int i = n / 2 - 1; i >= 0; --i) sift_down(v, i, n);
    for (int end = n - 1; end > 0; --end) {
        const shp_opt_rank t = v[0];
        v[0] = v[end];
        v[end] = t;
        sift_down(v, 0, end);
    }
}
