/* The whole GPU code path of a column on the CPU: shp_initial_heads() and
 * shp_column_run() executed by a team of several POSIX threads whose barrier is a
 * pthread barrier and whose reductions fold the members' values through shared
 * memory (core/team.h). This runs the strided node loops, the team reductions and the
 * PCR–Thomas solve exactly as a thread block runs them, minus CUB's reduction order,
 * fused multiply-adds and the device's libm — so it is the CPU stand-in for the
 * GPU-vs-CPU check of `make test-gpu`:
 *
 *   - every member returns the same status, and it is the team of one's;
 *   - columns that take the same time steps as the team of one (same numbers of
 *     accepted and rejected steps) agree with it within 1e−9 relative in Q(t), v(t)
 *     and the final θ profile: they differ only by the rounding of another summation
 *     order and of PCR, and by the odd extra iteration where a residual sits within
 *     rounding of its tolerance (iteration counts are logged, not compared);
 *   - the step sequence may diverge (a step accepted or rejected on the last bits):
 *     then the results agree to the solver's own accuracy (1e−5 relative), and such
 *     columns are counted and logged (docs/gpu.md: what this means on a device). */
#define _POSIX_C_SOURCE 200809L /* pthread_barrier_t */
#include <criterion/criterion.h>
#include <criterion/logging.h>

#include "fixtures.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "shpfit/column.h"
#include "shpfit/core/initial.h"

#define MAX_TEAM 8

/* ------------------------------------------------------------------ a team of threads */

typedef struct {
    pthread_barrier_t bar;
    double red[MAX_TEAM];
} team_ctx;

static void team_barrier(const shp_team *t) { pthread_barrier_wait(&((team_ctx *)t->ctx)->bar); }

typedef struct {
    const shp_column *col;
    const shp_material *mats;
    int init_var;
    const double *init_value;
    double *work, *h0; /* shared by the team, as a block's shared memory */
    shp_column_out out;
    int tridiag;       /* shp_team.tridiag of the members */
    double *dh0;       /* the initial heads' derivatives (col->n_sens > 0), shared */
} column_job;

typedef struct {
    shp_team team;
    column_job *job;
    int status;
} member;

/* What a thread block runs for one candidate (kernels/column_kernel.cu). */
static void *member_main(void *p)
{
    member *m = p;
    column_job *j = m->job;
    m->status = shp_initial_heads(&m->team, j->init_var, j->init_value, j->col->n,
                                  j->col->mat_of_node, j->mats, j->h0);
    if (m->status != SHP_OK) return NULL;
    if (j->col->n_sens > 0)
        shp_initial_heads_dp(&m->team, j->init_var, j->init_value, j->col->n, j->col->mat_of_node,
                             j->mats, j->h0, j->col->n_sens, j->col->sens_mat, j->col->sens_par, j->dh0);
    m->status = shp_column_run_sens(&m->team, j->col, j->mats, j->h0,
                                    j->col->n_sens > 0 ? j->dh0 : NULL, j->work, &j->out);
    return NULL;
}

/* Run the job with a team of `size` threads; every member's status must agree. */
static int team_run(int size, column_job *job)
{
    team_ctx ctx;
    member mem[MAX_TEAM];
    pthread_t th[MAX_TEAM];
    cr_assert(size >= 1 && size <= MAX_TEAM);
    cr_assert_eq(pthread_barrier_init(&ctx.bar, NULL, (unsigned)size), 0);
    for (int r = 0; r < size; ++r) {
        mem[r].team.rank = r;
        mem[r].team.size = size;
        mem[r].team.shared = ctx.red;
        mem[r].team.barrier = size > 1 ? team_barrier : NULL;
        mem[r].team.tridiag = job->tridiag;
        mem[r].team.ctx = &ctx;
        mem[r].job = job;
        cr_assert_eq(pthread_create(&th[r], NULL, member_main, &mem[r]), 0);
    }
    for (int r = 0; r < size; ++r) pthread_join(th[r], NULL);
    pthread_barrier_destroy(&ctx.bar);
    for (int r = 1; r < size; ++r)
        cr_assert_eq(mem[r].status, mem[0].status, "member %d returned %d, member 0 %d", r,
                     mem[r].status, mem[0].status);
    return mem[0].status;
}

/* ------------------------------------------------------------------ comparison */



typedef struct {
    int runs, same_history, diverged, failed, iter_differ;
    double worst_same, worst_diverged;
} tally;

#define RUN_FIXED 1     /* the fixed schedule (else adaptive) */
#define RUN_KIRCHHOFF 2 /* kirchhoff faces (else arithmetic) */

/* Column col of material m from the initial Se init, as a team of one and as teams of
 * `sizes` solving with `tridiag`: the same status; with the same time steps within 1e−9,
 * else within 1e−5 (and on the fixed schedule the same steps). */
static void compare_on_column(const shp_column *col, const shp_material *m, const char *name,
                              const double *init, int tridiag, const int *sizes, int nsizes, tally *tl)
{
    const int n = col->n, fixed = col->opt.step_control == SHP_STEP_FIXED;
    const long work_size = shp_column_work_size(n, 1, col->opt.kmean, 0);
    double *work = malloc((size_t)(work_size + n) * sizeof *work);
    cr_assert(work);
    shp_column_result ref, res;
    cr_assert_eq(shp_column_result_alloc(col, &ref), SHP_OK);
    cr_assert_eq(shp_column_result_alloc(col, &res), SHP_OK);
    column_job job = {col, m, SHP_INIT_SE, init, work, work + work_size, ref.out, -1, NULL};
    const int st1 = team_run(1, &job);
    for (int q = 0; q < nsizes; ++q) {
        for (long k = 0; k < work_size + n; ++k) work[k] = NAN; /* no stale state */
        job.out = res.out;
        job.tridiag = tridiag;
        const int st = team_run(sizes[q], &job);
        if (st1 != SHP_OK) {
            /* a column the team of one cannot finish (plain VGM clay on the fixed schedule:
             * thousands of failed and sub-divided steps) has no result to compare; its
             * Newton iterations at the edge of failure are chaotic, and rounding in the
             * team's sums may end it by another rule (max_steps or not_converged), but a
             * team must not finish it either */
            cr_expect_neq(st, SHP_OK, "%s, %d nodes, team of %d finished a column the team "
                          "of one could not (status %d)", name, n, sizes[q], st1);
            ++tl->runs;
            ++tl->failed;
            continue;
        }
        cr_expect_eq(st, SHP_OK, "%s, %d nodes, team of %d, tridiag %d: status %d where the team of one "
                     "finished", name, n, sizes[q], tridiag, st);
        const double d = column_out_diff(col, &res.out, &ref.out);
        const int same = res.stats.steps == ref.stats.steps &&
                         res.stats.failures == ref.stats.failures;
        tl->iter_differ += res.stats.iterations != ref.stats.iterations;
        ++tl->runs;
        if (same) {
            ++tl->same_history;
            tl->worst_same = fmax(tl->worst_same, d);
            cr_expect(d <= 1e-9, "%s, %d nodes, team of %d: relative difference %.3e with the "
                      "same time steps", name, n, sizes[q], d);
        } else {
            /* on the fixed schedule only a failed step can part the histories */
            if (fixed) cr_expect(same, "%s, team of %d: the fixed schedule's histories parted", name, sizes[q]);
            ++tl->diverged;
            tl->worst_diverged = fmax(tl->worst_diverged, d);
            cr_log_info("  %s, %d nodes, team of %d: time steps differ (%ld/%ld/%ld steps/"
                        "iterations/failures vs %ld/%ld/%ld), relative difference %.3e",
                        name, n, sizes[q], res.stats.steps, res.stats.iterations,
                        res.stats.failures, ref.stats.steps, ref.stats.iterations,
                        ref.stats.failures, d);
            cr_expect(d <= 1e-5, "%s, %d nodes, team of %d: relative difference %.3e", name, n, sizes[q], d);
        }
    }
    shp_column_result_free(&ref);
    shp_column_result_free(&res);
    free(work);
}

/* One ponded column (2 cm, free drainage, initial Se 0.4) of material m, as a team of
 * one and as teams of `sizes`; `mode` is a set of RUN_* flags. */
static void compare_teams(const shp_material *m, const char *name, int n, double ratio,
                          int mode, int tridiag, const int *sizes, int nsizes, tally *tl)
{
    double *z = malloc((size_t)n * sizeof *z), *init = malloc((size_t)n * sizeof *init);
    int *mat = calloc((size_t)n, sizeof *mat);
    cr_assert(z && init && mat);
    shp_grid_geometric(n, 100.0, ratio, z);
    for (int i = 0; i < n; ++i) init[i] = 0.4;
    static const double t_out[] = {1.0, 5.0, 15.0, 30.0, 60.0};
    shp_column col = ponded_column(n, z, mat, t_out, 5);
    col.opt.max_steps = 20000; /* a hopeless column ends soon, also as a team */
    col.opt.kmean = mode & RUN_KIRCHHOFF ? SHP_KMEAN_KIRCHHOFF : SHP_KMEAN_ARITHMETIC;
    if (mode & RUN_FIXED) {
        col.opt.step_control = SHP_STEP_FIXED;
        col.opt.dt_max = 0.5;
    }
    compare_on_column(&col, m, name, init, tridiag, sizes, nsizes, tl);
    free(z);
    free(init);
    free(mat);
}

Test(team_column, every_model_as_a_team_of_threads, .timeout = 600)
{
    shp_material lib[LIBRARY_MAX];
    const char *name[LIBRARY_MAX];
    const int nm = library_materials(lib, name);
    static const int sizes[] = {2, 3};
    tally tl = {0, 0, 0, 0, 0, 0.0, 0.0};
    for (int i = 0; i < nm; ++i) compare_teams(&lib[i], name[i], 41, 1.08, 0, -1, sizes, 2, &tl);
    cr_log_info("team of threads vs team of one, %d columns (%d models x teams of 2, 3; %d not "
                "converged, identically): same time steps %d (max relative difference %.3e; "
                "iteration counts differ in %d), different time steps %d (max %.3e)", tl.runs, nm,
                tl.failed, tl.same_history, tl.worst_same, tl.iter_differ, tl.diverged,
                tl.worst_diverged);
    cr_expect_gt(tl.same_history, tl.runs / 2, "most columns should take the same time steps");
}

/* On the fixed schedule (solver.step_control) every column of every model must take the
 * team of one's steps and agree with it within 1e−9: the GPU-vs-CPU rule of
 * `make test-gpu` for that schedule, with no share and no cap. */
static tally every_model_fixed(int mode)
{
    shp_material lib[LIBRARY_MAX];
    const char *name[LIBRARY_MAX];
    const int nm = library_materials(lib, name);
    static const int sizes[] = {2, 3};
    tally tl = {0, 0, 0, 0, 0, 0.0, 0.0};
    for (int i = 0; i < nm; ++i)
        compare_teams(&lib[i], name[i], 41, 1.08, RUN_FIXED | mode, -1, sizes, 2, &tl);
    return tl;
}

Test(team_column, fixed_schedule_every_model_within_1e9, .timeout = 600)
{
    const tally tl = every_model_fixed(0);
    cr_log_info("fixed schedule, team of threads vs team of one, %d columns: same time steps %d "
                "(max relative difference %.3e; iteration counts differ in %d), %d not converged",
                tl.runs, tl.same_history, tl.worst_same, tl.iter_differ, tl.failed);
    cr_expect_eq(tl.same_history + tl.failed, tl.runs);
}

/* The same with kirchhoff faces: the tables are built by the whole team (points strided
 * over the members) and every member must read the same Ψ. */
Test(team_column, kirchhoff_faces_fixed_schedule_every_model_within_1e9, .timeout = 600)
{
    const tally tl = every_model_fixed(RUN_KIRCHHOFF);
    cr_log_info("kirchhoff faces, fixed schedule, team of threads vs team of one, %d columns: "
                "same time steps %d (max relative difference %.3e), %d not converged",
                tl.runs, tl.same_history, tl.worst_same, tl.failed);
    cr_expect_eq(tl.same_history + tl.failed, tl.runs);
}

Test(team_column, loam_101_nodes_team_of_five)
{
    const shp_material loam = shp_material_vgm(0.078, 0.43, 0.036, 1.56, 0.01733, 0.5);
    static const int sizes[] = {5};
    tally tl = {0, 0, 0, 0, 0, 0.0, 0.0};
    compare_teams(&loam, "ponded loam", 101, 1.03, 0, -1, sizes, 1, &tl);
    cr_log_info("ponded loam, 101 nodes, team of 5 vs team of one: %s time steps, relative "
                "difference %.3e", tl.same_history ? "same" : "different",
                tl.same_history ? tl.worst_same : tl.worst_diverged);
}

/* The tridiagonal variants `make bench-gpu` times (shp_team.tridiag): Thomas on one
 * member, PCR–Thomas with 1, 2 and 3 levels, the default, pure PCR (7 levels for 101
 * rows) and cyclic reduction, by a team of 4 on the fixed schedule: each the team of
 * one's steps and within 1e−9 of it. */
Test(team_column, tridiagonal_variants_agree)
{
    const shp_material loam = shp_material_vgm(0.078, 0.43, 0.036, 1.56, 0.01733, 0.5);
    static const int sizes[] = {4};
    static const int levels[] = {0, 1, 2, 3, SHP_TRIDIAG_DEFAULT, 7, SHP_TRIDIAG_CR};
    for (size_t k = 0; k < sizeof levels / sizeof levels[0]; ++k) {
        tally tl = {0, 0, 0, 0, 0, 0.0, 0.0};
        compare_teams(&loam, "ponded loam", 101, 1.03, RUN_FIXED, levels[k], sizes, 1, &tl);
        cr_expect_eq(tl.same_history, 1, "tridiag %d: the steps differ", levels[k]);
        cr_log_info("tridiag %2d (PCR levels; -1 default, -2 CR), team of 4, 101 nodes, fixed schedule: "
                    "relative difference %.3e", levels[k], tl.worst_same);
    }
}

/* Ponded dry clay (VGM n = 1.09 at Se 0.2, h = −7e9 cm; kirchhoff faces, the top half
 * cell's fill counted: configs/ponded_clay_dry.json on its unrefined graded grid). Its
 * Newton matrices have columns of ±1e13 beside a diagonal of 0.2 where the dry soil
 * meets the front; PCR on them (a team of 2 or more, a GPU block) failed the column at
 * t = 0.69 min. Every team, with every tridiagonal variant, must run it as the team
 * of one does. */
Test(team_column, dry_clay_front_as_a_team_of_threads, .timeout = 300)
{
    const shp_material clay = shp_material_vgm(0.068, 0.38, 0.008, 1.09, 0.00333, 0.5);
    const int n = (int)shp_grid_graded_nodes(100.0, 0.1, 1.1, 4.0, 100000);
    double *z = malloc((size_t)n * sizeof *z), *init = malloc((size_t)n * sizeof *init);
    int *mat = calloc((size_t)n, sizeof *mat);
    cr_assert(n > 10 && z && init && mat);
    shp_grid_graded(n, 100.0, 0.1, 1.1, 4.0, z);
    for (int i = 0; i < n; ++i) init[i] = 0.2;
    static const double t_out[] = {5.0, 30.0, 60.0, 120.0, 180.0};
    shp_column col = ponded_column(n, z, mat, t_out, 5);
    col.opt.kmean = SHP_KMEAN_KIRCHHOFF;
    col.opt.count_fill = 1;
    static const int two_three[] = {2, 3}, four[] = {4};
    static const int four_levels[] = {1, 6, SHP_TRIDIAG_CR};
    tally tl = {0, 0, 0, 0, 0, 0.0, 0.0};
    compare_on_column(&col, &clay, "dry clay", init, SHP_TRIDIAG_DEFAULT, two_three, 2, &tl);
    for (int k = 0; k < 3; ++k) compare_on_column(&col, &clay, "dry clay", init, four_levels[k], four, 1, &tl);
    cr_expect_eq(tl.failed, 0, "the team of one failed the dry clay");
    cr_log_info("dry clay, %d nodes, teams of 2 and 3 (default solve) and 4 (PCR levels 1, 6, CR): %d of %d "
                "with the same steps (worst %.3e), %d other (worst %.3e)", n, tl.same_history, tl.runs,
                tl.worst_same, tl.diverged, tl.worst_diverged);
    free(z);
    free(init);
    free(mat);
}

Test(team_column, invalid_initial_state_is_flagged_by_every_member)
{
    const shp_material loam = shp_material_vgm(0.078, 0.43, 0.036, 1.56, 0.01733, 0.5);
    const int n = 21;
    double z[21], init[21], work[SHP_COLUMN_WORK_DOUBLES(21) + 21]; /* arithmetic faces */
    int mat[21] = {0};
    shp_grid_uniform(n, 50.0, z);
    for (int i = 0; i < n; ++i) init[i] = i == 13 ? 0.05 : 0.2; /* θ below θr at one node */
    shp_column col;
    memset(&col, 0, sizeof col);
    col.n = n;
    col.z = z;
    col.mat_of_node = mat;
    column_job job = {&col, &loam, SHP_INIT_THETA, init, work, work + SHP_COLUMN_WORK_DOUBLES(n), {0}, -1, NULL};
    cr_expect_eq(team_run(3, &job), SHP_ERR_INVALID); /* member 13 % 3 = 1 saw it */
}

/* The sensitivities (core/column_sens.h) computed by a team: the derivative tables, the
 * per-parameter solves and the reductions of the balance's derivative strided over the
 * members. On the fixed schedule every slot of the output block, derivatives included,
 * agrees with the team of one within 1e−9 of its block's largest value. */
Test(team_column, sensitivities_as_a_team_of_threads, .timeout = 300)
{
    const shp_material loam = shp_material_vgm(0.078, 0.43, 0.036, 1.56, 0.01733, 0.5);
    const int n = 41;
    static const double t_out[] = {1.0, 5.0, 15.0, 30.0};
    static const int sens_mat[6] = {0}, sens_par[6] = {0, 1, 2, 3, 4, 5};
    double z[41], init[41];
    int mat[41] = {0};
    shp_grid_geometric(n, 100.0, 1.08, z);
    for (int i = 0; i < n; ++i) init[i] = 0.4;
    for (int kir = 0; kir <= 1; ++kir) {
        shp_column col = ponded_column(n, z, mat, t_out, 4);
        col.opt.step_control = SHP_STEP_FIXED;
        col.opt.dt_max = 0.5;
        col.opt.kmean = kir ? SHP_KMEAN_KIRCHHOFF : SHP_KMEAN_ARITHMETIC;
        col.opt.count_fill = kir;
        col.n_sens = 6;
        col.sens_mat = sens_mat;
        col.sens_par = sens_par;
        const long work_size = shp_column_work_size(n, 1, col.opt.kmean, 6);
        double *work = malloc((size_t)(work_size + 7 * n) * sizeof *work);
        cr_assert(work);
        shp_column_result ref, res;
        cr_assert_eq(shp_column_result_alloc(&col, &ref), SHP_OK);
        cr_assert_eq(shp_column_result_alloc(&col, &res), SHP_OK);
        column_job job = {&col, &loam, SHP_INIT_SE, init, work, work + work_size, ref.out, -1,
                          work + work_size + n};
        cr_assert_eq(team_run(1, &job), SHP_OK);
        const long plain = shp_column_out_plain_size(&col), total = shp_column_out_size(&col);
        static const int sizes[] = {2, 3, 4};
        for (int q = 0; q < 3; ++q) {
            for (long k = 0; k < work_size + 7 * n; ++k) work[k] = NAN;
            job.out = res.out;
            cr_assert_eq(team_run(sizes[q], &job), SHP_OK);
            cr_expect_eq(res.stats.steps, ref.stats.steps);
            double worst = 0.0;
            for (long b0 = 0; b0 < total; b0 += plain) { /* the outputs, then each parameter's */
                double scale = 0.0;
                for (long j = b0; j < b0 + plain; ++j) scale = fmax(scale, fabs(ref.block[j]));
                for (long j = b0; j < b0 + plain; ++j)
                    worst = fmax(worst, fabs(res.block[j] - ref.block[j]) / scale);
            }
            cr_log_info("sensitivities, %s faces, team of %d: largest difference %.2e of its "
                        "block's largest value", kir ? "kirchhoff" : "arithmetic", sizes[q], worst);
            cr_expect(worst <= 1e-9, "%s faces, team of %d: %.3e", kir ? "kirchhoff" : "arithmetic",
                      sizes[q], worst);
        }
        shp_column_result_free(&ref);
        shp_column_result_free(&res);
        free(work);
    }
}
