/* `make test-gpu` (build/shpfit-cuda-check): the CUDA backend against the CPU backend
 * through the batch interface, on a device. Without one it says so and exits 77 (the
 * build itself is the CI check); 0 when every check passes, 1 otherwise.
 *
 *  1. Random valid candidates of every hydraulic model (75 per model, 1050 in all;
 *     parameters uniform or log-uniform in the registry's inversion bounds, the
 *     model's fixed constants at their defaults, rejected until shp_model_validate
 *     accepts them) in the ponded column (2 cm, 180 min, free drainage, initial
 *     Se 0.4, 61 nodes refined toward the surface): Q(t), v(t), the final θ profile
 *     and the status, GPU vs CPU.
 *  2. The same candidates on the CPU again with the initial Se changed by one part in
 *     1e15: the solver's own sensitivity to rounding, which is the yardstick for 1.
 *     An adaptive implicit solver decides "converged" and "accept the step" on
 *     thresholds; where a decision falls within rounding of its threshold, any change
 *     of the last bits (another summation order, PCR instead of Thomas, fused
 *     multiply-adds, the device's pow/exp/log) takes another but equally valid path,
 *     and the results then differ by up to the solver's tolerances, not by 1e−9. So:
 *       - statuses (non-convergence flags) must be identical for every candidate;
 *       - the share of candidates within 1e−9 relative must be no lower than the
 *         CPU's own share in 2, less 5 points;
 *       - every candidate must agree within 5e−2 relative: a sanity cap (the CPU's own
 *         spread in 2 reaches ~6e−3 in v, ~1e−2 on two-layer columns); a defect that
 *         stays below it still fails the share rule, since it moves every candidate.
 *  3. Determinism and placement: the GPU batch again (bit-identical), and with the
 *     working arrays in global instead of shared memory (within 1e−9).
 *  4. Two-layer columns (materials 2k and 2k+1 as candidate k's top and bottom), with
 *     the same rules and their own CPU-vs-CPU yardstick, and candidates whose initial θ
 *     is outside their range (status invalid, NaN slots).
 *  5. The ponded-loam benchmark (101 nodes, ratio 1.03) on the GPU: Q(t) within the
 *     tolerances of tests/test_benchmarks.c of the converged reference, and 64 copies
 *     in one batch bit-identical (blocks never interact).
 *  6. The candidates of 1 on the fixed schedule (solver.step_control "fixed", dt_max
 *     0.5 min), where no decision depends on the column's own numbers but a failed
 *     step: the rule with no allowance — every candidate within 1e−9 relative and
 *     identical statuses (on the CPU, rounding perturbations move these outputs by
 *     ~1e−12; tests/test_step_control.c); then the same with kirchhoff faces and the
 *     boundary fill counted (6b), whose Kirchhoff tables each block builds.
 *
 * `shpfit-cuda-check --per-model K` runs K candidates per model instead of 75, and
 * `--copies C` C loam copies in check 5 instead of 64 (compute-sanitizer runs, which are
 * slow, use `--per-model 1 --copies 2`: tests/gpu_verify.sh).
 * `shpfit-cuda-check --emulate N` needs no device: the "GPU" is then a CPU backend that
 * runs each column with a team of N POSIX threads (barrier = pthread barrier, the
 * column solver's GPU code path: strided loops, team reductions, PCR–Thomas). It checks
 * this harness and its acceptance rules on a machine without a GPU (slow: minutes). */
#include "cuda_check.h"

#include "testing/column_fixture.h" /* ponded_column(), random_material(), rel_diff() */
#include "shpfit/backend_cuda.h"
#include "shpfit/batch.h"
#include "shpfit/column.h"
#include "shpfit/models.h"
#include "shpfit/rng.h"

#include "shpfit/core/initial.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PER_MODEL 75 /* 14 models × 75 = 1050 candidates */
#define NODES 61
#define N_OUT 8
#define TOL_TIGHT 1e-9
#define TOL_SPREAD 5e-2
#define SHARE_SLACK 0.05
#define TOL_PARTED 1e-4 /* fixed schedule, histories parted by a failed step: ~100 tol_theta */

static int g_fail = 0;

static void check(int ok, const char *fmt, const char *what, double a, double b)
{
    if (ok) return;
    ++g_fail;
    fprintf(stderr, "FAIL: ");
    fprintf(stderr, fmt, what, a, b);
    fputc('\n', stderr);
}



/* One batch set-up: the ponded column in cm and min. */
typedef struct {
    double z[NODES], init[NODES], t_out[N_OUT];
    int mat[NODES];
    shp_column col;
    shp_batch_setup setup;
} problem;

static void problem_init(problem *p, int layered, int init_var, double init_value)
{
    memset(p, 0, sizeof *p);
    static const double t_out[N_OUT] = {5, 10, 20, 30, 60, 90, 120, 180};
    memcpy(p->t_out, t_out, sizeof t_out);
    shp_grid_geometric(NODES, 100.0, 1.05, p->z);
    for (int i = 0; i < NODES; ++i) {
        p->init[i] = init_value;
        p->mat[i] = layered && p->z[i] > 30.0 ? 1 : 0;
    }
    p->col = ponded_column(NODES, p->z, p->mat, p->t_out, N_OUT);
    p->col.opt.max_steps = 20000; /* hopeless candidates end soon, on both backends */
    p->setup.col = &p->col;
    p->setup.n_materials = layered ? 2 : 1;
    p->setup.init_var = init_var;
    p->setup.init_value = p->init;
}

/* Outputs of one batch. */
typedef struct {
    int n;
    long stride;
    double *out;
    shp_column_stats *stats;
} result;

static int run(shp_backend *be, const problem *p, const shp_material *mats, int n, result *r)
{
    r->n = n;
    r->stride = shp_column_out_doubles(&p->col);
    r->out = (double *)malloc(sizeof(double) * (size_t)r->stride * (size_t)n);
    r->stats = (shp_column_stats *)calloc((size_t)n, sizeof *r->stats);
    if (!r->out || !r->stats) return SHP_ERR_NOMEM;
    const shp_batch b = {n, mats, r->out, r->stats};
    const int rc = shp_backend_run(be, &p->setup, &b);
    if (rc != SHP_OK)
        fprintf(stderr, "shpfit-cuda-check: backend %s: %s: %s\n", shp_backend_name(be),
                shp_strerror(rc), shp_backend_error(be));
    return rc;
}

static void result_free(result *r)
{
    free(r->out);
    free(r->stats);
}

/* Worst relative difference of candidate k in Q, v and θ final (NaN where both NaN). */
static void cand_diff(const problem *p, const result *x, const result *y, int k, double *dq,
                      double *dv, double *dt)
{
    shp_column_out a, b;
    shp_column_out_bind(&p->col, x->out + x->stride * k, &x->stats[k], &a);
    shp_column_out_bind(&p->col, y->out + y->stride * k, &y->stats[k], &b);
    *dq = *dv = *dt = 0.0;
    for (int j = 0; j < p->col.n_out; ++j) {
        *dq = fmax(*dq, rel_diff(a.Q[j], b.Q[j]));
        *dv = fmax(*dv, rel_diff(a.v_inst[j], b.v_inst[j]));
    }
    for (int i = 0; i < p->col.n; ++i) *dt = fmax(*dt, rel_diff(a.theta_prof[i], b.theta_prof[i]));
}

/* Comparison of two batches over candidates [0, n), per model (model of candidate k:
 * model_of[k], or −1 for one row). */
typedef struct {
    int n, ok, status_mismatch, tight;
    double q, v, t;
} tally;

/* The verdict a status gives: finished, refused at the start (invalid), or failed on
 * the way. Which rule ends a failing column (max_steps or not_converged) is not part of
 * it: at the edge of failure the Newton iterations are chaotic, and the CPU ends such a
 * column by either rule under a rounding perturbation too (team_column tests). */
static int verdict(int status)
{
    return status == SHP_OK ? 0 : status == SHP_ERR_MAX_STEPS || status == SHP_ERR_NOT_CONVERGED ? 2 : 1;
}

static void compare(const problem *p, const result *x, const result *y, const int *model_of,
                    tally *per_model, tally *all)
{
    memset(all, 0, sizeof *all);
    for (int k = 0; k < x->n; ++k) {
        tally *tm = model_of ? &per_model[model_of[k]] : NULL;
        tally *ts[2] = {all, tm};
        const int st_same = verdict(x->stats[k].status) == verdict(y->stats[k].status);
        double dq = 0.0, dv = 0.0, dt = 0.0;
        if (x->stats[k].status == SHP_OK && y->stats[k].status == SHP_OK) cand_diff(p, x, y, k, &dq, &dv, &dt);
        for (int q = 0; q < 2; ++q) {
            tally *t = ts[q];
            if (!t) continue;
            ++t->n;
            if (!st_same) {
                ++t->status_mismatch;
                continue;
            }
            if (x->stats[k].status != SHP_OK || y->stats[k].status != SHP_OK) continue;
            ++t->ok;
            t->q = fmax(t->q, dq);
            t->v = fmax(t->v, dv);
            t->t = fmax(t->t, dt);
            t->tight += fmax(dq, fmax(dv, dt)) <= TOL_TIGHT;
        }
        if (x->stats[k].status != y->stats[k].status)
            fprintf(stderr, "  candidate %d (model %d): status %s vs %s%s\n", k,
                    model_of ? model_of[k] : -1, shp_status_name(x->stats[k].status),
                    shp_status_name(y->stats[k].status), st_same ? " (both failed)" : "");
    }
}

static double share(const tally *t) { return t->ok ? (double)t->tight / t->ok : 1.0; }

static int bit_identical(const result *x, const result *y)
{
    for (int k = 0; k < x->n; ++k)
        if (x->stats[k].status != y->stats[k].status || x->stats[k].steps != y->stats[k].steps ||
            x->stats[k].iterations != y->stats[k].iterations)
            return 0;
    /* NaN slots compare equal bit for bit too */
    return !memcmp(x->out, y->out, sizeof(double) * (size_t)x->stride * (size_t)x->n);
}

/* ---- the CPU stand-in for the device (--emulate N) */

#define EMU_MAX 16

typedef struct {
    pthread_barrier_t bar;
    double red[EMU_MAX];
    const shp_batch_setup *s;
    const shp_material *mats;
    double *work, *h0, *dh0;
    shp_column_out out;
} emu_column;

typedef struct {
    shp_team team;
    emu_column *c;
    int status;
} emu_member;

static void emu_barrier(const shp_team *t) { pthread_barrier_wait(&((emu_column *)t->ctx)->bar); }

static void *emu_member_main(void *p)
{
    emu_member *m = (emu_member *)p;
    emu_column *c = m->c;
    const shp_column *col = c->s->col;
    m->status = shp_initial_heads(&m->team, c->s->init_var, c->s->init_value, col->n,
                                  col->mat_of_node, c->mats, c->h0);
    if (m->status != SHP_OK) return NULL;
    if (c->dh0)
        shp_initial_heads_dp(&m->team, c->s->init_var, c->s->init_value, col->n, col->mat_of_node,
                             c->mats, c->h0, col->n_sens, col->sens_mat, col->sens_par, c->dh0);
    m->status = shp_column_run_sens(&m->team, col, c->mats, c->h0, c->dh0, c->work, &c->out);
    return NULL;
}

static int emu_run(shp_backend *be, const shp_batch_setup *s, const shp_batch *b)
{
    const int size = be->threads;
    const shp_column *col = s->col;
    const long stride = shp_column_out_doubles(col);
    emu_column c;
    c.s = s;
    const int ns = col->n_sens > 0 ? col->n_sens : 0;
    const long work_size = shp_column_work_size(col->n, s->n_materials, col->opt.kmean, ns);
    c.work = (double *)malloc(sizeof(double) * (size_t)(work_size + (long)col->n * (1 + ns)));
    if (!c.work) return SHP_ERR_NOMEM;
    c.h0 = c.work + work_size;
    c.dh0 = ns ? c.h0 + col->n : NULL;
    for (int i = 0; i < b->n; ++i) {
        c.mats = b->mats + (long)i * s->n_materials;
        shp_column_out_bind(col, b->out + stride * i, &b->stats[i], &c.out);
        pthread_barrier_init(&c.bar, NULL, (unsigned)size);
        emu_member m[EMU_MAX];
        pthread_t th[EMU_MAX];
        for (int r = 0; r < size; ++r) {
            m[r].team.rank = r;
            m[r].team.size = size;
            m[r].team.shared = c.red;
            m[r].team.barrier = emu_barrier;
            m[r].team.tridiag = SHP_TRIDIAG_DEFAULT;
            m[r].team.ctx = &c;
            m[r].c = &c;
            pthread_create(&th[r], NULL, emu_member_main, &m[r]);
        }
        for (int r = 0; r < size; ++r) pthread_join(th[r], NULL);
        pthread_barrier_destroy(&c.bar);
        if (m[0].status == SHP_ERR_INVALID) { /* as the CPU backend marks it */
            for (long k = 0; k < stride; ++k) b->out[stride * i + k] = NAN;
            memset(&b->stats[i], 0, sizeof b->stats[i]);
            b->stats[i].status = SHP_ERR_INVALID;
            b->stats[i].max_abs_balance = NAN;
        }
    }
    free(c.work);
    return SHP_OK;
}

static void emu_destroy(shp_backend *be) { free(be); }

static const shp_backend_ops emu_ops = {"cpu-team-emulation", emu_run, emu_destroy, NULL};

static shp_backend *emu_create(int size)
{
    shp_backend *be = (shp_backend *)calloc(1, sizeof *be);
    if (!be) return NULL;
    be->ops = &emu_ops;
    be->threads = size;
    return be;
}

static void print_row(const char *name, const tally *t)
{
    printf("  %-34s %5d %5d %6d %9d  %9.2e %9.2e %9.2e\n", name, t->n, t->n - t->ok,
           t->status_mismatch, t->tight, t->q, t->v, t->t);
}

int main(int argc, char **argv)
{
    int emulate = 0, per_model = PER_MODEL, copies = 64;
    for (int a = 1; a < argc; ++a) {
        if (!strcmp(argv[a], "--emulate") && a + 1 < argc && (emulate = atoi(argv[++a])) >= 2 &&
            emulate <= EMU_MAX)
            continue;
        if (!strcmp(argv[a], "--per-model") && a + 1 < argc && (per_model = atoi(argv[++a])) >= 1)
            continue;
        if (!strcmp(argv[a], "--copies") && a + 1 < argc && (copies = atoi(argv[++a])) >= 2 && copies <= 64)
            continue;
        fprintf(stderr, "usage: %s [--per-model K] [--copies C] [--emulate N]   (C = 2 … 64 loam copies in "
                "check 5; N = 2 … %d CPU threads per team)\n", argv[0], EMU_MAX);
        return 2;
    }
    if (!emulate && shp_cuda_device_count() <= 0) {
        fprintf(stderr, "shpfit-cuda-check: no CUDA device here; build verified, nothing run\n");
        return 77;
    }
    char err[512] = "";
    shp_backend *gpu = emulate ? emu_create(emulate) : shp_backend_cuda_create(0, SHP_CUDA_WORK_AUTO, err, sizeof err);
    shp_backend *gpu_global = emulate ? emu_create(emulate)
                                      : shp_backend_cuda_create(0, SHP_CUDA_WORK_GLOBAL, err, sizeof err);
    shp_backend *cpu = shp_backend_cpu_create(0);
    if (!gpu || !gpu_global || !cpu) {
        fprintf(stderr, "shpfit-cuda-check: %s\n", err);
        return 1;
    }
    if (emulate)
        printf("shpfit-cuda-check, NO DEVICE: the \"GPU\" is a CPU team of %d threads per column\n", emulate);
    else
        printf("shpfit-cuda-check on %s, %d threads per block\n", shp_backend_cuda_device_name(gpu),
               SHP_CUDA_BLOCK);

    /* ---- 1–3: random candidates of every model */
    const int nm = SHP_MODEL_COUNT, n = nm * per_model;
    shp_material *mats = (shp_material *)calloc((size_t)n, sizeof *mats);
    int *model_of = (int *)malloc(sizeof(int) * (size_t)n);
    for (int k = 0; k < n; ++k) {
        model_of[k] = k % nm;
        if (random_material(model_of[k], 20240905, (uint64_t)k, &mats[k]) != 0) {
            fprintf(stderr, "shpfit-cuda-check: no valid candidate for model %d\n", model_of[k]);
            return 1;
        }
    }
    problem pb, pb_perturbed;
    problem_init(&pb, 0, SHP_INIT_SE, 0.4);
    problem_init(&pb_perturbed, 0, SHP_INIT_SE, 0.4 * (1.0 + 1e-15));
    result r_cpu, r_cpu2, r_gpu, r_gpu2, r_glob;
    if (run(cpu, &pb, mats, n, &r_cpu) || run(cpu, &pb_perturbed, mats, n, &r_cpu2) ||
        run(gpu, &pb, mats, n, &r_gpu))
        return 1;
    shp_cuda_timing tm;
    memset(&tm, 0, sizeof tm);
    shp_backend_cuda_timing(gpu, &tm); /* leaves tm alone for the emulation */
    if (run(gpu, &pb, mats, n, &r_gpu2) || run(gpu_global, &pb, mats, n, &r_glob)) return 1;

    tally by_model[SHP_MODEL_COUNT], all, self_model[SHP_MODEL_COUNT], self;
    memset(by_model, 0, sizeof by_model);
    memset(self_model, 0, sizeof self_model);
    compare(&pb, &r_cpu, &r_cpu2, model_of, self_model, &self);
    compare(&pb, &r_gpu, &r_cpu, model_of, by_model, &all);
    if (emulate)
        printf("\n1. \"GPU\" (CPU team emulation) vs CPU, %d random valid candidates, ponded column "
               "of %d nodes, 180 min\n", n, NODES);
    else
        printf("\n1. GPU vs CPU, %d random valid candidates, ponded column of %d nodes, 180 min "
               "(kernel %.1f ms, arrays in %s memory)\n", n, NODES, tm.kernel_ms, tm.shared ? "shared" : "global");
    printf("  %-34s %5s %5s %6s %9s  %9s %9s %9s\n", "model", "cand", "fail", "status", "<= 1e-9",
           "max rel Q", "v", "theta");
    for (int m = 0; m < nm; ++m) print_row(shp_model_by_id(m)->name, &by_model[m]);
    print_row("all", &all);
    printf("\n2. CPU vs CPU with the initial Se changed by 1e-15 (the solver's own sensitivity)\n");
    print_row("all", &self);
    const double spread = fmax(all.q, fmax(all.v, all.t));
    check(all.status_mismatch == 0, "%s: %g candidates with another status", "statuses",
          all.status_mismatch, 0);
    check(share(&all) >= share(&self) - SHARE_SLACK,
          "%s: share within 1e-9 %.3f, the CPU's own %.3f (less 0.05)", "tight share", share(&all),
          share(&self));
    check(spread <= TOL_SPREAD, "%s: max relative difference %.3e > %.0e", "spread", spread, TOL_SPREAD);

    tally dummy[SHP_MODEL_COUNT], glob;
    memset(dummy, 0, sizeof dummy);
    compare(&pb, &r_glob, &r_gpu, model_of, dummy, &glob);
    const int rerun_same = bit_identical(&r_gpu, &r_gpu2), glob_same = bit_identical(&r_gpu, &r_glob);
    printf("\n3. GPU again: %s; working arrays in global memory: %s (max %.2e)\n",
           rerun_same ? "bit-identical" : "DIFFERENT", glob_same ? "bit-identical" : "not identical",
           fmax(glob.q, fmax(glob.v, glob.t)));
    check(rerun_same, "%s: the same batch twice differs (%g, %g)", "determinism", 0, 0);
    check(glob.status_mismatch == 0 && fmax(glob.q, fmax(glob.v, glob.t)) <= TOL_TIGHT,
          "%s: global vs shared memory differ by %.3e (%g statuses)", "placement",
          fmax(glob.q, fmax(glob.v, glob.t)), glob.status_mismatch);

    /* ---- 4: two layers; initial θ outside some candidates' range */
    problem pl, pl_perturbed, pt;
    problem_init(&pl, 1, SHP_INIT_SE, 0.4);
    problem_init(&pl_perturbed, 1, SHP_INIT_SE, 0.4 * (1.0 + 1e-15));
    const int nl = n / 2 < 200 ? n / 2 : 200;
    result l_cpu, l_cpu2, l_gpu;
    if (run(cpu, &pl, mats, nl, &l_cpu) || run(cpu, &pl_perturbed, mats, nl, &l_cpu2) ||
        run(gpu, &pl, mats, nl, &l_gpu))
        return 1;
    tally lay, lay_self;
    compare(&pl, &l_gpu, &l_cpu, NULL, NULL, &lay);
    compare(&pl, &l_cpu2, &l_cpu, NULL, NULL, &lay_self);
    problem_init(&pt, 0, SHP_INIT_THETA, 0.12);
    const int nt = n < 300 ? n : 300;
    result t_cpu, t_gpu;
    if (run(cpu, &pt, mats, nt, &t_cpu) || run(gpu, &pt, mats, nt, &t_gpu)) return 1;
    tally th;
    compare(&pt, &t_gpu, &t_cpu, NULL, NULL, &th);
    int invalid = 0;
    for (int k = 0; k < nt; ++k) invalid += t_cpu.stats[k].status == SHP_ERR_INVALID;
    printf("\n4. two layers (%d columns of 2 materials): %d status mismatches, %d of %d within "
           "1e-9, max %.2e (CPU vs CPU 1e-15: %d of %d, max %.2e)\n", nl, lay.status_mismatch,
           lay.tight, lay.ok, fmax(lay.q, fmax(lay.v, lay.t)), lay_self.tight, lay_self.ok,
           fmax(lay_self.q, fmax(lay_self.v, lay_self.t)));
    printf("   initial theta 0.12 (%d of %d candidates invalid): %d status mismatches\n", invalid, nt,
           th.status_mismatch);
    check(lay.status_mismatch == 0 && fmax(lay.q, fmax(lay.v, lay.t)) <= TOL_SPREAD,
          "%s: %.3e (%g statuses)", "two layers", fmax(lay.q, fmax(lay.v, lay.t)), lay.status_mismatch);
    check(share(&lay) >= share(&lay_self) - SHARE_SLACK,
          "%s: share within 1e-9 %.3f, the CPU's own %.3f (less 0.05)", "two layers, tight share",
          share(&lay), share(&lay_self));
    check(th.status_mismatch == 0 && invalid > 0, "%s: %g mismatches, %g invalid", "invalid start",
          th.status_mismatch, invalid);

    /* ---- 5: the ponded-loam benchmark on the GPU */
    {
        static const double T[5] = {5, 30, 60, 120, 180};
        static const double REF[5] = {0.5945, 1.5941, 2.4131, 3.7753, 5.0054};
        static const double TOL_PCT[5] = {1.0, 0.5, 0.3, 0.3, 0.3};
        double z[101], init[101];
        int mat[101] = {0};
        shp_grid_geometric(101, 100.0, 1.03, z);
        for (int i = 0; i < 101; ++i) init[i] = 0.4;
        problem pbl; /* only its column and set-up are used */
        memset(&pbl, 0, sizeof pbl);
        pbl.col = ponded_column(101, z, mat, T, 5);
        pbl.setup.col = &pbl.col;
        pbl.setup.n_materials = 1;
        pbl.setup.init_var = SHP_INIT_SE;
        pbl.setup.init_value = init;
        shp_material loam[64];
        for (int k = 0; k < copies; ++k) loam[k] = shp_material_vgm(0.078, 0.43, 0.036, 1.56, 0.01733, 0.5);
        result bl;
        if (run(gpu, &pbl, loam, copies, &bl)) return 1;
        shp_column_out o;
        shp_column_out_bind(&pbl.col, bl.out, &bl.stats[0], &o);
        double worst = 0.0;
        for (int j = 0; j < 5; ++j) worst = fmax(worst, 100.0 * fabs(o.Q[j] - REF[j]) / REF[j] / TOL_PCT[j]);
        int copies_same = 1;
        for (int k = 1; k < copies; ++k)
            copies_same &= !memcmp(bl.out, bl.out + bl.stride * k, sizeof(double) * (size_t)bl.stride);
        printf("\n5. ponded loam 101/1.03 on the GPU: status %s, Q(180) = %.5f cm (reference 5.0054), "
               "worst error %.2f of its tolerance; %d copies %s\n", shp_status_name(bl.stats[0].status),
               o.Q[4], worst, copies, copies_same ? "bit-identical" : "DIFFER");
        check(bl.stats[0].status == SHP_OK && worst <= 1.0, "%s: %.3f of the tolerance (status %g)",
              "ponded loam", worst, bl.stats[0].status);
        check(copies_same, "%s: copies in one batch differ (%g %g)", "block independence", 0, 0);
        result_free(&bl);
    }

    /* ---- 6: the fixed schedule: every candidate within 1e-9, no share, no cap; with the
     * arithmetic faces and with the kirchhoff ones (their tables built by the block) */
    for (int kirchhoff = 0; kirchhoff <= 1; ++kirchhoff) {
        problem pf;
        problem_init(&pf, 0, SHP_INIT_SE, 0.4);
        pf.col.opt.step_control = SHP_STEP_FIXED;
        pf.col.opt.dt_max = 0.5;
        pf.col.opt.kmean = kirchhoff ? SHP_KMEAN_KIRCHHOFF : SHP_KMEAN_ARITHMETIC;
        pf.col.opt.count_fill = kirchhoff; /* the converged settings go together */
        const char *what = kirchhoff ? "fixed schedule, kirchhoff faces" : "fixed schedule";
        result f_cpu, f_gpu;
        if (run(cpu, &pf, mats, n, &f_cpu) || run(gpu, &pf, mats, n, &f_gpu)) return 1;
        tally fm[SHP_MODEL_COUNT], fall;
        memset(fm, 0, sizeof fm);
        compare(&pf, &f_gpu, &f_cpu, model_of, fm, &fall);
        printf("\n6%s. fixed schedule (solver.step_control \"fixed\", dt_max 0.5 min), %s faces: GPU vs "
               "CPU, the same %d candidates; every one must agree within 1e-9\n", kirchhoff ? "b" : "",
               kirchhoff ? "kirchhoff" : "arithmetic", n);
        printf("  %-34s %5s %5s %6s %9s  %9s %9s %9s\n", "model", "cand", "fail", "status", "<= 1e-9",
               "max rel Q", "v", "theta");
        for (int m = 0; m < nm; ++m) print_row(shp_model_by_id(m)->name, &fm[m]);
        print_row("all", &fall);
        /* Only a failed step can part two histories on this schedule (a step that needs
         * max_iter iterations on one backend and converges in the last on the other),
         * and then the sub-steps differ: such candidates are listed and held to the
         * solver's tolerance; every other one to 1e-9. */
        int parted = 0, strict_bad = 0;
        double parted_worst = 0.0;
        for (int k = 0; k < n; ++k) {
            const shp_column_stats *a = &f_gpu.stats[k], *b = &f_cpu.stats[k];
            if (a->status != SHP_OK || b->status != SHP_OK) continue;
            double dq, dv, dth;
            cand_diff(&pf, &f_gpu, &f_cpu, k, &dq, &dv, &dth);
            const double d = fmax(dq, fmax(dv, dth));
            const int same = a->steps == b->steps && a->failures == b->failures;
            if (d > TOL_TIGHT || !same)
                printf("  candidate %d (%s): %.2e; steps/iterations/failures %ld/%ld/%ld vs CPU %ld/%ld/%ld\n", k,
                       shp_model_by_id(model_of[k])->name, d, a->steps, a->iterations, a->failures, b->steps,
                       b->iterations, b->failures);
            if (same) strict_bad += d > TOL_TIGHT;
            else {
                ++parted;
                parted_worst = fmax(parted_worst, d);
            }
        }
        printf("  same step history: %d of %d, %d not within 1e-9; parted by a failed step: %d (max %.2e)\n",
               fall.ok - parted, fall.ok, strict_bad, parted, parted_worst);
        check(fall.status_mismatch == 0, "%s: %g candidates with another status", what,
              fall.status_mismatch, 0);
        check(strict_bad == 0, "%s: %g candidates with the same steps differ by more than 1e-9 (of %g)",
              what, strict_bad, fall.ok);
        check(parted <= fall.ok / 50 && parted_worst <= TOL_PARTED,
              "%s: %g candidates parted by a failed step, max %.3e", what, parted, parted_worst);
        result_free(&f_cpu);
        result_free(&f_gpu);
    }

    { /* 7. the parameter sensitivities (core/column_sens.h), the same candidates; the
       * CPU's own spread under a 1e−15 change of the initial Se is the yardstick of a
       * candidate whose derivatives amplify rounding beyond 1e−9 */
        problem ps, ps_perturbed;
        problem *both[2] = {&ps, &ps_perturbed};
        problem_init(&ps, 0, SHP_INIT_SE, 0.4);
        problem_init(&ps_perturbed, 0, SHP_INIT_SE, 0.4 * (1.0 + 1e-15));
        static const int sens_mat[4] = {0, 0, 0, 0}, sens_par[4] = {0, 1, 2, 3}; /* every model has 4 */
        for (int q = 0; q < 2; ++q) {
            problem *pq = both[q];
            pq->col.opt.step_control = SHP_STEP_FIXED;
            pq->col.opt.dt_max = 0.5;
            pq->col.opt.kmean = SHP_KMEAN_KIRCHHOFF;
            pq->col.opt.count_fill = 1;
            pq->col.n_sens = 4;
            pq->col.sens_mat = sens_mat;
            pq->col.sens_par = sens_par;
        }
        result s_cpu, s_gpu, s_self;
        if (run(cpu, &ps, mats, n, &s_cpu) || run(gpu, &ps, mats, n, &s_gpu) ||
            run(cpu, &ps_perturbed, mats, n, &s_self))
            return 1;
        const long plain = shp_column_out_plain_size(&ps.col);
        int same_steps = 0, bad = 0, above = 0;
        double worst = 0.0;
        for (int k = 0; k < n; ++k) {
            const shp_column_stats *a = &s_gpu.stats[k], *b = &s_cpu.stats[k];
            if (a->status != SHP_OK || b->status != SHP_OK || a->steps != b->steps ||
                a->failures != b->failures)
                continue;
            ++same_steps;
            double dk = 0.0, ds = 0.0; /* GPU vs CPU; CPU vs CPU perturbed */
            for (long b0 = 0; b0 < s_cpu.stride; b0 += plain) { /* outputs, then each derivative block */
                const double *x = s_gpu.out + (long)k * s_cpu.stride + b0;
                const double *y = s_cpu.out + (long)k * s_cpu.stride + b0;
                const double *w = s_self.out + (long)k * s_cpu.stride + b0;
                double scale = 0.0;
                for (long j = 0; j < plain; ++j) scale = fmax(scale, fabs(y[j]));
                for (long j = 0; j < plain && scale > 0.0; ++j)
                    if (isfinite(y[j])) {
                        dk = fmax(dk, fabs(x[j] - y[j]) / scale);
                        if (s_self.stats[k].status == SHP_OK) ds = fmax(ds, fabs(w[j] - y[j]) / scale);
                    }
            }
            if (dk > TOL_TIGHT) {
                ++above;
                bad += dk > 10.0 * ds;
                printf("  candidate %d (%s): %.2e; the CPU against itself (initial Se x (1 + 1e-15)): %.2e\n", k,
                       shp_model_by_id(model_of[k])->name, dk, ds);
            }
            worst = fmax(worst, dk);
        }
        printf("\n7. sensitivities by the first 4 parameters of every candidate (fixed schedule, kirchhoff "
               "faces): GPU vs CPU, %d candidates with the same steps, max difference %.2e of each block's "
               "largest value, %d above 1e-9, %d of them above 10 times the CPU's own spread\n", same_steps, worst,
               above, bad);
        check(same_steps >= n * 9 / 10 && bad == 0,
              "%s: %g candidates off by more than 1e-9 and 10 times the CPU's own spread (max %.3e)",
              "sensitivities", bad, worst);
        result_free(&s_cpu);
        result_free(&s_gpu);
        result_free(&s_self);
    }

    printf("\n%s: %d check%s failed\n", g_fail ? "FAILED" : "PASSED", g_fail, g_fail == 1 ? "" : "s");
    result_free(&r_cpu); result_free(&r_cpu2); result_free(&r_gpu); result_free(&r_gpu2);
    result_free(&r_glob); result_free(&l_cpu); result_free(&l_cpu2); result_free(&l_gpu); result_free(&t_cpu);
    result_free(&t_gpu);
    free(mats);
    free(model_of);
    shp_backend_destroy(gpu);
    shp_backend_destroy(gpu_global);
    shp_backend_destroy(cpu);
    return g_fail ? 1 : 0;
}
