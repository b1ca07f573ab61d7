/* Tridiagonal solve of one column's system a_i x_{i−1} + b_i x_i + c_i x_{i+1} = d_i
 * (a_0 and c_{n−1} are ignored).
 *
 * A team of one (the CPU) uses the Thomas algorithm, which is also the test oracle.
 * A team of several (a GPU block) uses a hybrid of parallel cyclic reduction and
 * Thomas (PCR–Thomas; Zhang, Cohen & Owens 2010, PPoPP; Kim et al. 2011, SC): L levels
 * of PCR split the system into S = 2^L independent interleaved systems (rows j, j+S,
 * j+2S, …), then each member solves its share of them with Thomas. With S ≥ n every
 * system is one row and this is plain PCR; with L = 0 it is plain Thomas. The team
 * picks S ≈ its size, so every member has work in both parts: log2(size) barriers and
 * O(n log size) work instead of log2(n) barriers and O(n log n) for PCR alone.
 *
 * The team solve is a sequence of phases separated by team barriers; each phase is a
 * loop strided over the members (for (i = rank; i < n; i += size)) that reads only
 * what earlier phases wrote. shp_tridiag_pcr_phase() is one phase for one member, so
 * a CPU test can run every member of phase k before any of phase k+1 and check the
 * team algorithm without threads or a GPU (tests/test_tridiag_team.c).
 *
 * Cyclic reduction (CR; Hockney 1965, in the form of Zhang, Cohen & Owens 2010 §3.1)
 * is here too, so that `make bench-gpu` can time all three for 50–500 nodes: it does
 * O(n) work in place (no second copy), but its 2 log2 n + 1 phases have fewer active
 * rows at each level. shp_team.tridiag picks a variant (SHP_TRIDIAG_*). */
#ifndef SHPFIT_CORE_TRIDIAG_H
#define SHPFIT_CORE_TRIDIAG_H

#include <math.h>

#include "team.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Thomas algorithm; cp is scratch of n doubles; x may be d (solved in place).
 * No pivoting: the Picard matrix is an M-matrix for every Δt > 0, and the Newton
 * matrix adds only the conductivity-derivative terms to it. */
SHP_HD SHP_INLINE void shp_thomas(int n, const double *a, const double *b, const double *c,
                                  const double *d, double *cp, double *x)
{
    double beta = b[0];
    x[0] = d[0] / beta;
    for (int i = 1; i < n; ++i) {
        cp[i] = c[i - 1] / beta;
        beta = b[i] - a[i] * cp[i];
        x[i] = (d[i] - a[i] * x[i - 1]) / beta;
    }
    for (int i = n - 2; i >= 0; --i)
        x[i] -= cp[i + 1] * x[i + 1];
}

/* Scratch doubles of the team solve: a second copy of a, b, c, d (PCR reads row i's
 * neighbours while every row is rewritten, so each level writes to the other copy). */
#define SHP_TRIDIAG_SCRATCH_DOUBLES(n) (4L * (long)(n))

/* PCR levels a team of `size` uses for n rows: the least L with 2^L ≥ min(n, size). */
SHP_HD SHP_INLINE int shp_tridiag_pcr_levels(int n, int size)
{
    const int m = n < size ? n : size;
    int L = 0;
    while ((1 << L) < m) ++L;
    return L;
}

/* The PCR levels a team uses: its choice (shp_team.tridiag ≥ 0), capped at pure PCR
 * (2^L ≥ n), else the default above. */
SHP_HD SHP_INLINE int shp_tridiag_team_levels(const shp_team *t, int n)
{
    if (t->tridiag < 0) return shp_tridiag_pcr_levels(n, t->size);
    const int pure = shp_tridiag_pcr_levels(n, n);
    return t->tridiag < pure ? t->tridiag : pure;
}

/* One reduction of row i at stride s (both PCR and CR): eliminate x_{i−s} and x_{i+s}
 * with rows i∓s, leaving couplings at stride 2s. A coupling that would point outside
 * 0…n−1 is zero, whatever the caller left in a_0 or c_{n−1}. Reads the system (a, b,
 * c, d), writes row i of (na, nb, nc, nd), which may be the same arrays when rows i∓s
 * are not rewritten in the same phase. */
SHP_HD SHP_INLINE void shp_tridiag_reduce_row(int i, int s, int n, const double *a, const double *b,
                                              const double *c, const double *d, double *na, double *nb,
                                              double *nc, double *nd)
{
    const int im = i - s, ip = i + s;
    double bi = b[i], di = d[i], ai = 0.0, ci = 0.0;
    if (im >= 0) {
        const double al = -a[i] / b[im];
        bi += al * c[im];
        di += al * d[im];
        if (im - s >= 0) ai = al * a[im];
    }
    if (ip < n) {
        const double ga = -c[i] / b[ip];
        bi += ga * a[ip];
        di += ga * d[ip];
        if (ip + s < n) ci = ga * c[ip];
    }
    na[i] = ai;
    nb[i] = bi;
    nc[i] = ci;
    nd[i] = di;
}

/* Phases of the solve with L levels: L PCR levels, then the Thomas part. */
SHP_HD SHP_INLINE int shp_tridiag_pcr_phases(int L) { return L + 1; }

/* Phase k (0 ≤ k ≤ L) of the PCR–Thomas solve for member `rank` of `size`.
 * a, b, c, d are overwritten (level k reads copy k mod 2: the caller's arrays for even
 * k, scratch for odd k, and writes the other); scratch holds 4n doubles; x may be d.
 * Between phases every member must have finished the previous one. */
SHP_HD SHP_INLINE void shp_tridiag_pcr_phase(int rank, int size, int k, int L, int n, double *a,
                                             double *b, double *c, double *d, double *scratch,
                                             double *x)
{
    double *cur[4], *nxt[4];
    double *const mine[4] = {a, b, c, d};
    for (int j = 0; j < 4; ++j) {
        double *const s = scratch + (long)j * n;
        cur[j] = (k % 2 == 0) ? mine[j] : s;
        nxt[j] = (k % 2 == 0) ? s : mine[j];
    }
    const double *ca = cur[0], *cb = cur[1], *cc = cur[2], *cd = cur[3];
    if (k < L) {
        /* one PCR level at stride s: every row reduced into the other copy */
        const int s = 1 << k;
        for (int i = rank; i < n; i += size)
            shp_tridiag_reduce_row(i, s, n, ca, cb, cc, cd, nxt[0], nxt[1], nxt[2], nxt[3]);
        return;
    }
    /* Thomas on each interleaved system j (rows j, j+S, …) of this member; the
     * elimination factors go to the copy not in use (free after the last level) */
    const int S = 1 << L;
    double *cp = nxt[0];
    for (int j = rank; j < S && j < n; j += size) {
        double beta = cb[j];
        x[j] = cd[j] / beta;
        int i = j + S;
        for (; i < n; i += S) {
            cp[i] = cc[i - S] / beta;
            beta = cb[i] - ca[i] * cp[i];
            x[i] = (cd[i] - ca[i] * x[i - S]) / beta;
        }
        for (i -= 2 * S; i >= j; i -= S)
            x[i] -= cp[i + S] * x[i + S];
    }
}

/* Cyclic reduction in 2K + 1 phases, K = ⌊log2 n⌋ (the least level with one row left).
 * Level k counts the rows i with (i+1) mod 2^k = 0 (row 2^k − 1 and every 2^k-th after
 * it); they couple at stride 2^k.
 *   phase k < K:  reduction k: each row of level k+1 eliminates its neighbours i ± 2^k
 *                 (rows of level k not in level k+1, untouched in this phase);
 *   phase K:      the one row of level K, whose couplings point outside 0 … n−1;
 *   phase K+1+j:  back substitution of level k = K−1−j: x_i from its neighbours i ± 2^k
 *                 of level k+1, solved by now.
 * In place on a, b, c, d; x may be d. */
SHP_HD SHP_INLINE int shp_tridiag_cr_top(int n)
{
    int K = 0;
    while ((2 << K) <= n) ++K; /* 2^(K+1) > n */
    return K;
}

SHP_HD SHP_INLINE int shp_tridiag_cr_phases(int n) { return 2 * shp_tridiag_cr_top(n) + 1; }

SHP_HD SHP_INLINE void shp_tridiag_cr_phase(int rank, int size, int p, int n, double *a, double *b,
                                            double *c, double *d, double *x)
{
    const int K = shp_tridiag_cr_top(n);
    if (p < K) {
        const int s = 1 << p, s2 = 2 * s;
        for (int i = s2 - 1 + rank * s2; i < n; i += size * s2)
            shp_tridiag_reduce_row(i, s, n, a, b, c, d, a, b, c, d); /* neighbours untouched here */
        return;
    }
    if (p == K) {
        const int r = (1 << K) - 1;
        if (rank == r % size) x[r] = d[r] / b[r];
        return;
    }
    const int k = 2 * K - p, s = 1 << k, s2 = 2 * s; /* p = K+1 … 2K: k = K−1 … 0 */
    for (int i = s - 1 + rank * s2; i < n; i += size * s2) {
        double r = d[i];
        if (i - s >= 0) r -= a[i] * x[i - s];
        if (i + s < n) r -= c[i] * x[i + s];
        x[i] = r / b[i];
    }
}

SHP_HD SHP_INLINE void shp_team_tridiag_cr(const shp_team *t, int n, double *a, double *b, double *c,
                                           double *d, double *x)
{
    const int phases = shp_tridiag_cr_phases(n);
    for (int p = 0; p < phases; ++p) {
        shp_tridiag_cr_phase(t->rank, t->size, p, n, a, b, c, d, x);
        shp_team_sync(t);
    }
}

/* PCR–Thomas with L levels by a whole team; every member returns with x complete.
 * a, b, c, d are overwritten; scratch holds SHP_TRIDIAG_SCRATCH_DOUBLES(n). */
SHP_HD SHP_INLINE void shp_team_tridiag_pcr(const shp_team *t, int L, int n, double *a, double *b,
                                            double *c, double *d, double *scratch, double *x)
{
    const int phases = shp_tridiag_pcr_phases(L);
    for (int k = 0; k < phases; ++k) {
        shp_tridiag_pcr_phase(t->rank, t->size, k, L, n, a, b, c, d, scratch, x);
        shp_team_sync(t);
    }
}

/* Largest column ratio PCR and CR are given: (|c_{j−1}| + |a_{j+1}|) / |b_j|. */
#define SHP_TRIDIAG_COLUMN_RATIO_MAX 2.0

/* This member's share of the column-dominance test: 1 when some column j of its rows
 * has off-diagonal entries above SHP_TRIDIAG_COLUMN_RATIO_MAX times its diagonal (or
 * a zero or non-finite one), else 0. Those entries over b_j are the multipliers with
 * which PCR and CR eliminate x_j from rows j ± 1 (shp_tridiag_reduce_row); with no
 * pivoting, a large one makes them add rounding errors that large to its neighbours.
 * Thomas eliminates top-down and its pivots absorb such a column. A Newton matrix has
 * them where a dry node meets a front (dry clay, h = −7e9 cm, ponded): both faces of
 * the node depend on its head strongly and almost equally, so its column holds ±1e13
 * beside a diagonal of 0.2; one PCR level left 5e−3 relative errors there and the
 * column failed at t = 0.69 min. */
SHP_HD SHP_INLINE double shp_tridiag_member_undominated(const shp_team *t, int n, const double *a,
                                                        const double *b, const double *c)
{
    double flag = 0.0;
    for (int j = t->rank; j < n; j += t->size) {
        const double off = (j > 0 ? fabs(c[j - 1]) : 0.0) + (j < n - 1 ? fabs(a[j + 1]) : 0.0);
        if (!(off <= SHP_TRIDIAG_COLUMN_RATIO_MAX * fabs(b[j]))) flag = 1.0;
    }
    return flag;
}

/* Team solve: every member returns with x complete; x may be d. a, b, c, d may be
 * overwritten (by a team of several); scratch holds SHP_TRIDIAG_SCRATCH_DOUBLES(n).
 * A team of one runs Thomas exactly as before the GPU path existed, so CPU results do
 * not depend on it. A team of several runs its parallel solve on systems whose columns
 * are (nearly) diagonally dominant, and Thomas on one member otherwise, so that it
 * fails no column the CPU solves. The reduction's barriers order the solve after every
 * member's writes of a, b, c, d. */
SHP_HD SHP_INLINE void shp_team_tridiag(const shp_team *t, int n, double *a, double *b, double *c,
                                        double *d, double *scratch, double *x)
{
    if (t->size == 1) {
        shp_thomas(n, a, b, c, d, scratch, x);
        return;
    }
    shp_team_sync(t);
    if (shp_team_max(t, shp_tridiag_member_undominated(t, n, a, b, c)) > 0.0 || t->tridiag == 0)
        shp_team_tridiag_pcr(t, 0, n, a, b, c, d, scratch, x); /* Thomas on member 0 */
    else if (t->tridiag == SHP_TRIDIAG_CR)
        shp_team_tridiag_cr(t, n, a, b, c, d, x);
    else
        shp_team_tridiag_pcr(t, shp_tridiag_team_levels(t, n), n, a, b, c, d, scratch, x);
}

#ifdef __cplusplus
}
#endif

#endif
