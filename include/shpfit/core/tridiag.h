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
 * team algorithm without threads or a GPU (tests/test_tridiag_team.c). */
#ifndef SHPFIT_CORE_TRIDIAG_H
#define SHPFIT_CORE_TRIDIAG_H

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
        /* one PCR level at stride s: eliminate x_{i−s} and x_{i+s} from row i with rows
         * i∓s, leaving couplings at stride 2s. A coupling that would point outside
         * 0…n−1 is zero, whatever the caller left in a_0 or c_{n−1}. */
        const int s = 1 << k;
        double *na = nxt[0], *nb = nxt[1], *nc = nxt[2], *nd = nxt[3];
        for (int i = rank; i < n; i += size) {
            const int im = i - s, ip = i + s;
            double bi = cb[i], di = cd[i], ai = 0.0, ci = 0.0;
            if (im >= 0) {
                const double al = -ca[i] / cb[im];
                bi += al * cc[im];
                di += al * cd[im];
                if (im - s >= 0) ai = al * ca[im];
            }
            if (ip < n) {
                const double ga = -cc[i] / cb[ip];
                bi += ga * ca[ip];
                di += ga * cd[ip];
                if (ip + s < n) ci = ga * cc[ip];
            }
            na[i] = ai;
            nb[i] = bi;
            nc[i] = ci;
            nd[i] = di;
        }
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

/* Team solve: every member returns with x complete; x may be d. a, b, c, d may be
 * overwritten (by a team of several); scratch holds SHP_TRIDIAG_SCRATCH_DOUBLES(n).
 * A team of one runs Thomas exactly as before the GPU path existed, so CPU results do
 * not depend on it. The leading barrier orders the solve after every member's writes
 * of a, b, c, d. */
SHP_HD SHP_INLINE void shp_team_tridiag(const shp_team *t, int n, double *a, double *b, double *c,
                                        double *d, double *scratch, double *x)
{
    if (t->size == 1) {
        shp_thomas(n, a, b, c, d, scratch, x);
        return;
    }
    shp_team_sync(t);
    shp_team_tridiag_pcr(t, shp_tridiag_pcr_levels(n, t->size), n, a, b, c, d, scratch, x);
}

#ifdef __cplusplus
}
#endif

#endif
