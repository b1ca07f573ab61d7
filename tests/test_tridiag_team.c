/* The team tridiagonal solve of the GPU path (core/tridiag.h: PCR–Thomas) on the CPU,
 * against the Thomas algorithm the CPU path uses.
 *
 * The team solve is a sequence of phases separated by barriers. Here a "lockstep"
 * team runs phase k for every member before phase k+1, once with the members in rank
 * order and once in reverse: the two must agree bit for bit, which shows that no
 * member reads, within a phase, what another writes in it (the GPU would race there).
 *
 *   random diagonally dominant systems, n = 1…600, every number of PCR levels, team of
 *   one; lockstep teams of 2 … 128 members with the levels a team of that size uses;
 *   cyclic reduction by lockstep teams of 1 … 128;
 *   the Newton and Picard matrices of real columns (every model of the library,
 *   101 and 401 nodes, fronts at three times, Δt from 1e−4 to 10).
 *
 * Tolerance 1e−12 relative to max|x| against Thomas for the random systems. The real
 * column matrices are ill-conditioned enough (K spans decades across a front) that
 * Thomas itself is off by up to ~5e−13 from an extended-precision solve, and PCR by up
 * to 1.4e−12 (which states a column passes through moves with its time steps), so there
 * PCR and CR are held to 2.5e−12 against a long-double Thomas solve and PCR to 3e−12
 * against Thomas (the two errors added). Measured values: `shpfit-tests --verbose`, docs/gpu.md. */
#include <criterion/criterion.h>
#include <criterion/logging.h>

#include "fixtures.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "shpfit/column.h"
#include "shpfit/core/tridiag.h"

#define TOL 1e-12
/* the real column matrices: PCR against a long-double solve (measured worst 1.4e-12, the
 * Kosugi FG2021 column with HyPix K; which state is worst moves with the time steps) */
#define TOL_REAL 2.5e-12
#define NMAX 600

/* ------------------------------------------------------------------ helpers */

static uint64_t rng_state = 0x9e3779b97f4a7c15ULL;
static double urand(void) /* xorshift64*, [0, 1) */
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return (double)((rng_state * 2685821657736338717ULL) >> 11) * 0x1.0p-53;
}

typedef struct {
    double a[NMAX], b[NMAX], c[NMAX], d[NMAX];
} system_t;

/* max|x − y| / max|y| */
static double rel_err(int n, const double *x, const double *y)
{
    double num = 0.0, den = 0.0;
    for (int i = 0; i < n; ++i) {
        num = fmax(num, fabs(x[i] - y[i]));
        den = fmax(den, fabs(y[i]));
    }
    return den > 0.0 ? num / den : num;
}

static void thomas_ref(int n, const system_t *s, double *x)
{
    double cp[NMAX];
    shp_thomas(n, s->a, s->b, s->c, s->d, cp, x);
}

/* Thomas in long double (80-bit on x86-64): the reference for ill-conditioned systems */
static void thomas_long(int n, const system_t *s, long double *x)
{
    long double cp[NMAX], beta = s->b[0];
    x[0] = s->d[0] / beta;
    for (int i = 1; i < n; ++i) {
        cp[i] = s->c[i - 1] / beta;
        beta = s->b[i] - s->a[i] * cp[i];
        x[i] = (s->d[i] - s->a[i] * x[i - 1]) / beta;
    }
    for (int i = n - 2; i >= 0; --i) x[i] -= cp[i + 1] * x[i + 1];
}

static double rel_err_long(int n, const double *x, const long double *y)
{
    long double num = 0.0L, den = 0.0L;
    for (int i = 0; i < n; ++i) {
        num = fmaxl(num, fabsl(x[i] - y[i]));
        den = fmaxl(den, fabsl(y[i]));
    }
    return (double)(den > 0.0L ? num / den : num);
}

/* The team solve with L levels by a lockstep team of `size` members (reverse: members
 * in descending rank within each phase). The system is copied: the solve destroys it. */
static void pcr_lockstep(int n, int size, int L, int reverse, const system_t *s, double *x)
{
    system_t w = *s;
    static double scratch[SHP_TRIDIAG_SCRATCH_DOUBLES(NMAX)];
    for (long k = 0; k < SHP_TRIDIAG_SCRATCH_DOUBLES(NMAX); ++k) scratch[k] = NAN;
    for (int k = 0; k < shp_tridiag_pcr_phases(L); ++k)
        for (int m = 0; m < size; ++m)
            shp_tridiag_pcr_phase(reverse ? size - 1 - m : m, size, k, L, n, w.a, w.b, w.c, w.d,
                                  scratch, x);
}

/* Cyclic reduction by a lockstep team (in place: x is the right-hand side's copy). */
static void cr_lockstep(int n, int size, int reverse, const system_t *s, double *x)
{
    system_t w = *s;
    for (int p = 0; p < shp_tridiag_cr_phases(n); ++p)
        for (int m = 0; m < size; ++m)
            shp_tridiag_cr_phase(reverse ? size - 1 - m : m, size, p, n, w.a, w.b, w.c, w.d, w.d);
    memcpy(x, w.d, (size_t)n * sizeof *x);
}

/* Random strictly diagonally dominant system; a_0 and c_{n−1} hold garbage the solver
 * must ignore. */
static void random_system(int n, system_t *s)
{
    for (int i = 0; i < n; ++i) {
        s->a[i] = 2.0 * urand() - 1.0;
        s->c[i] = 2.0 * urand() - 1.0;
        const double off = (i > 0 ? fabs(s->a[i]) : 0.0) + (i < n - 1 ? fabs(s->c[i]) : 0.0);
        s->b[i] = (urand() < 0.5 ? -1.0 : 1.0) * (off + 0.05 + urand());
        s->d[i] = 2.0 * urand() - 1.0;
    }
    s->a[0] = 1e300;
    s->c[n - 1] = -1e300;
}

/* ------------------------------------------------------------------ random systems */

Test(tridiag_team, pcr_levels_choice)
{
    cr_expect_eq(shp_tridiag_pcr_levels(1, 64), 0);
    cr_expect_eq(shp_tridiag_pcr_levels(2, 64), 1);
    cr_expect_eq(shp_tridiag_pcr_levels(40, 64), 6); /* 64 ≥ 40 systems of one row: PCR */
    cr_expect_eq(shp_tridiag_pcr_levels(101, 64), 6); /* 64 systems of 1–2 rows */
    cr_expect_eq(shp_tridiag_pcr_levels(600, 64), 6);
    cr_expect_eq(shp_tridiag_pcr_levels(600, 1), 0); /* a team of one: Thomas */
    cr_expect_eq(shp_tridiag_pcr_levels(100, 3), 2);
}

Test(tridiag_team, every_level_count_team_of_one)
{
    static system_t s;
    double x[NMAX], y[NMAX], worst = 0.0;
    int worst_n = 0, worst_L = 0;
    for (int n = 1; n <= NMAX; ++n) {
        random_system(n, &s);
        thomas_ref(n, &s, y);
        const int Lmax = shp_tridiag_pcr_levels(n, n); /* pure PCR */
        for (int L = 0; L <= Lmax; ++L) {
            pcr_lockstep(n, 1, L, 0, &s, x);
            const double e = rel_err(n, x, y);
            if (!(e <= worst)) {
                worst = e;
                worst_n = n;
                worst_L = L;
            }
            cr_assert(e <= TOL, "n %d, %d levels: relative error %.3e", n, L, e);
        }
    }
    cr_log_info("PCR-Thomas vs Thomas, random dominant systems n = 1..%d, every level count, "
                "team of one: max relative error %.3e (n %d, %d levels)",
                NMAX, worst, worst_n, worst_L);
}

Test(tridiag_team, lockstep_teams_rank_order_free)
{
    static const int sizes[] = {2, 3, 5, 8, 32, 64, 128};
    static system_t s;
    double x[NMAX], xr[NMAX], y[NMAX], worst = 0.0;
    for (int n = 1; n <= NMAX; ++n) {
        random_system(n, &s);
        thomas_ref(n, &s, y);
        for (size_t q = 0; q < sizeof sizes / sizeof sizes[0]; ++q) {
            const int size = sizes[q], L = shp_tridiag_pcr_levels(n, size);
            pcr_lockstep(n, size, L, 0, &s, x);
            pcr_lockstep(n, size, L, 1, &s, xr);
            cr_assert(!memcmp(x, xr, (size_t)n * sizeof *x),
                      "n %d, team of %d: result depends on the member order within a phase", n, size);
            const double e = rel_err(n, x, y);
            worst = fmax(worst, e);
            cr_assert(e <= TOL, "n %d, team of %d (%d levels): relative error %.3e", n, size, L, e);
        }
    }
    cr_log_info("PCR-Thomas vs Thomas, lockstep teams of 2..128, n = 1..%d: max relative error %.3e",
                NMAX, worst);
}

Test(tridiag_team, cyclic_reduction_lockstep)
{
    static const int sizes[] = {1, 2, 3, 5, 64, 128};
    static system_t s;
    double x[NMAX], xr[NMAX], y[NMAX], worst = 0.0;
    cr_expect_eq(shp_tridiag_cr_phases(1), 1);
    cr_expect_eq(shp_tridiag_cr_phases(101), 13); /* 6 reductions, the root, 6 substitutions */
    for (int n = 1; n <= NMAX; ++n) {
        random_system(n, &s);
        thomas_ref(n, &s, y);
        for (size_t q = 0; q < sizeof sizes / sizeof sizes[0]; ++q) {
            cr_lockstep(n, sizes[q], 0, &s, x);
            cr_lockstep(n, sizes[q], 1, &s, xr);
            cr_assert(!memcmp(x, xr, (size_t)n * sizeof *x),
                      "n %d, team of %d: result depends on the member order within a phase", n, sizes[q]);
            const double e = rel_err(n, x, y);
            worst = fmax(worst, e);
            cr_assert(e <= TOL, "n %d, team of %d: relative error %.3e", n, sizes[q], e);
        }
    }
    cr_log_info("cyclic reduction vs Thomas, lockstep teams of 1..128, n = 1..%d: max relative error %.3e",
                NMAX, worst);
}

/* ------------------------------------------------------------------ real column matrices */

typedef struct {
    double pcr_thomas, pcr_long, thomas_long, cr_long; /* worst relative errors */
    int count;                                /* systems solved */
} column_errs;

static void errs_max(column_errs *to, const column_errs *e)
{
    to->pcr_thomas = fmax(to->pcr_thomas, e->pcr_thomas);
    to->pcr_long = fmax(to->pcr_long, e->pcr_long);
    to->thomas_long = fmax(to->thomas_long, e->thomas_long);
    to->cr_long = fmax(to->cr_long, e->cr_long);
    to->count += e->count;
}

/* Run a ponded column of material m to three times, keep the profiles, and assemble the
 * Newton and Picard systems of those states at several Δt; solve each by Thomas, by
 * long-double Thomas and by lockstep teams. */
static column_errs column_matrices(const shp_material *m, int n, double ratio)
{
    column_errs ce = {0.0, 0.0, 0.0, 0.0, 0};
    double *z = malloc((size_t)n * sizeof *z);
    int *mat = calloc((size_t)n, sizeof *mat);
    double *h0 = malloc((size_t)n * sizeof *h0);
    double *work = calloc((size_t)SHP_COLUMN_WORK_DOUBLES(n), sizeof *work);
    cr_assert(z && mat && h0 && work);
    shp_grid_geometric(n, 100.0, ratio, z);
    const double t_out[3] = {0.05, 1.0, 20.0};
    shp_column col = ponded_column(n, z, mat, t_out, 3);
    col.opt.kmean = SHP_KMEAN_ARITHMETIC; /* the matrices below are the arithmetic mean's */
    col.profiles_all = 1;
    for (int i = 0; i < n; ++i) h0[i] = shp_hyd_h_of_se(m, 0.4);
    shp_column_result res;
    cr_assert_eq(shp_column_result_alloc(&col, &res), SHP_OK);
    shp_column_run_cpu(&col, m, h0, &res);

    static system_t s;
    double x[NMAX], y[NMAX];
    long double yl[NMAX];
    double *W = work, *K = work + n, *Cw = work + 2 * n, *dK = work + 3 * n, *W_old = work + 4 * n;
    double *K0 = work + 5 * n, *C0 = work + 6 * n, *dK0 = work + 7 * n;
    const shp_team one = shp_team_single();
    static const double dts[] = {1e-4, 1e-1, 10.0};
    static const int sizes[] = {1, 3, 64, 128};
    for (int k = 0; k < col.n_out; ++k) {
        const double *h = res.out.h_prof + (long)k * n;
        if (!(h[0] == h[0])) continue; /* not reached */
        /* W_old: the state a little drier, so the storage terms are not trivial */
        double *h_old = h0;
        for (int i = 0; i < n; ++i) h_old[i] = h[i] < 0.0 ? 1.05 * h[i] : h[i] - 1.0;
        shp_richards_eval_nodes(&one, &col, m, NULL, h_old, W_old, K0, C0, dK0, NULL);
        shp_richards_eval_nodes(&one, &col, m, NULL, h, W, K, Cw, dK, NULL);
        for (int newton = 0; newton <= 1; ++newton)
            for (size_t q = 0; q < sizeof dts / sizeof dts[0]; ++q) {
                col.opt.newton = newton;
                shp_richards_step_bc bc = {SHP_BC_HEAD, SHP_BC_FREE_DRAINAGE, 2.0, 0.0, dts[q], 0, 0.0, 0.0, 0.0};
                shp_richards_assemble(&one, &col, newton, &bc, h, W, W_old, K, Cw, dK, NULL, NULL, s.a, s.b, s.c, s.d);
                thomas_ref(n, &s, y);
                thomas_long(n, &s, yl);
                ce.thomas_long = fmax(ce.thomas_long, rel_err_long(n, y, yl));
                for (size_t p = 0; p < sizeof sizes / sizeof sizes[0]; ++p) {
                    const int size = sizes[p];
                    /* a team of one takes the pure-PCR extreme; teams their own levels */
                    const int L = shp_tridiag_pcr_levels(n, size == 1 ? n : size);
                    pcr_lockstep(n, size, L, 0, &s, x);
                    ce.pcr_thomas = fmax(ce.pcr_thomas, rel_err(n, x, y));
                    ce.pcr_long = fmax(ce.pcr_long, rel_err_long(n, x, yl));
                    ++ce.count;
                }
                cr_lockstep(n, 64, 0, &s, x);
                ce.cr_long = fmax(ce.cr_long, rel_err_long(n, x, yl));
            }
    }
    shp_column_result_free(&res);
    free(z);
    free(mat);
    free(h0);
    free(work);
    return ce;
}

Test(tridiag_team, real_column_matrices)
{
    shp_material lib[LIBRARY_MAX];
    const char *name[LIBRARY_MAX];
    const int nm = library_materials(lib, name);
    column_errs all = {0.0, 0.0, 0.0, 0.0, 0};
    for (int i = 0; i < nm; ++i) {
        column_errs e = column_matrices(&lib[i], 101, 1.03);
        const column_errs e401 = column_matrices(&lib[i], 401, 1.0);
        errs_max(&e, &e401);
        cr_expect(e.pcr_long <= TOL_REAL && e.pcr_thomas <= TOL_REAL + 5e-13 && e.cr_long <= TOL_REAL,
                  "%s: PCR relative error %.3e against long double, %.3e against Thomas; CR %.3e", name[i],
                  e.pcr_long, e.pcr_thomas, e.cr_long);
        cr_log_info("  %-26s PCR vs long double %.2e, Thomas vs long double %.2e, PCR vs Thomas %.2e, "
                    "CR vs long double %.2e", name[i], e.pcr_long, e.thomas_long, e.pcr_thomas, e.cr_long);
        errs_max(&all, &e);
    }
    cr_assert_gt(all.count, 500, "too few systems assembled (%d)", all.count);
    cr_log_info("PCR-Thomas on %d Newton/Picard systems of real columns (%d models, 101 and 401 "
                "nodes): max relative error vs long double %.3e (Thomas: %.3e, cyclic reduction: %.3e), "
                "vs Thomas %.3e", all.count, nm, all.pcr_long, all.thomas_long, all.cr_long, all.pcr_thomas);
}
