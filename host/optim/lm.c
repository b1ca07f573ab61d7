/* Batched Levenberg–Marquardt polish (shpfit/lm.h). */
#include "shpfit/lm.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LM_MAX_TRIALS 8
#define LM_MAX_DIM 32

enum { PH_START, PH_JACOBIAN, PH_TRIALS, PH_DONE };

struct shp_lm {
    shp_lm_settings s;
    int dim, n_res, phase, iterations;
    long evaluations;
    double *x, *r, cost;      /* current point, its residuals and cost */
    double *J;                /* n_res × dim */
    double *cand;             /* candidates of the asked round */
    double step[LM_MAX_DIM];  /* finite-difference step per coordinate */
    int central[LM_MAX_DIM];  /* central difference (x ± h) for this coordinate */
    double lam, trial_lam[LM_MAX_TRIALS];
    int n_cand, asked;
    double *A, *g;            /* JᵀJ and Jᵀr of the current Jacobian */
};

shp_lm_settings shp_lm_settings_default(void)
{
    shp_lm_settings s = {20, 2e-3, 4, 1e-2, 1e-10, 1, SHP_LM_JACOBIAN_DIFFERENCES};
    return s;
}

shp_status shp_lm_check(int dim, int n_res, const shp_lm_settings *s, char *msg, size_t len)
{
    const char *bad = NULL;
    if (dim < 1 || dim > LM_MAX_DIM) bad = "dim must be 1 … 32";
    else if (n_res < 1) bad = "there must be at least one residual";
    else if (s->max_iterations < 1) bad = "iterations must be >= 1";
    else if (!(s->fd_step > 0.0 && s->fd_step < 0.1)) bad = "fd_step must be in (0, 0.1)";
    else if (s->n_trials < 1 || s->n_trials > LM_MAX_TRIALS) bad = "trials must be 1 … 8";
    else if (!(s->lambda0 > 0.0)) bad = "lambda0 must be > 0";
    else if (!(s->ftol >= 0.0 && s->ftol < 1.0)) bad = "ftol must be in [0, 1)";
    else if (s->jacobian != SHP_LM_JACOBIAN_DIFFERENCES && s->jacobian != SHP_LM_JACOBIAN_EXACT)
        bad = "jacobian must be differences or exact";
    if (bad && msg && len) snprintf(msg, len, "%s", bad);
    return bad ? SHP_ERR_INVALID : SHP_OK;
}

int shp_lm_max_candidates(int dim, const shp_lm_settings *s)
{
    const shp_lm_settings d = s ? *s : shp_lm_settings_default();
    const int jac = d.jacobian == SHP_LM_JACOBIAN_EXACT ? 1 : d.central ? 2 * dim : dim;
    return jac > d.n_trials ? jac : d.n_trials;
}

shp_lm *shp_lm_create(int dim, int n_res, const shp_lm_settings *s, const double *x0)
{
    const shp_lm_settings d = s ? *s : shp_lm_settings_default();
    if (!x0 || shp_lm_check(dim, n_res, &d, NULL, 0) != SHP_OK) return NULL;
    shp_lm *lm = calloc(1, sizeof *lm);
    if (!lm) return NULL;
    lm->s = d;
    lm->dim = dim;
    lm->n_res = n_res;
    lm->x = malloc((size_t)dim * sizeof *lm->x);
    lm->r = malloc((size_t)n_res * sizeof *lm->r);
    lm->J = malloc((size_t)n_res * dim * sizeof *lm->J);
    const int maxc = shp_lm_max_candidates(dim, &d);
    lm->cand = malloc((size_t)maxc * dim * sizeof *lm->cand);
    lm->A = malloc((size_t)dim * dim * sizeof *lm->A);
    lm->g = malloc((size_t)dim * sizeof *lm->g);
    if (!lm->x || !lm->r || !lm->J || !lm->cand || !lm->A || !lm->g) {
        shp_lm_destroy(lm);
        return NULL;
    }
    for (int j = 0; j < dim; ++j) lm->x[j] = fmin(1.0, fmax(0.0, x0[j]));
    lm->cost = HUGE_VAL;
    lm->lam = d.lambda0;
    lm->phase = PH_START;
    return lm;
}

void shp_lm_destroy(shp_lm *lm)
{
    if (!lm) return;
    free(lm->x);
    free(lm->r);
    free(lm->J);
    free(lm->cand);
    free(lm->A);
    free(lm->g);
    free(lm);
}

static double half_sq(const double *r, int n)
{
    double s = 0.0;
    for (int i = 0; i < n; ++i) s += r[i] * r[i];
    return isfinite(s) ? 0.5 * s : HUGE_VAL;
}

/* Solve (A + λ·diag(A)) δ = −g by Cholesky; 0 on success. Dropped (all-zero) columns
 * get δ_j = 0. */
static int damped_step(const shp_lm *lm, double lam, double *delta)
{
    const int n = lm->dim;
    double L[LM_MAX_DIM * LM_MAX_DIM], b[LM_MAX_DIM];
    for (int i = 0; i < n; ++i) {
        for (int j = 0; j < n; ++j) L[i * n + j] = lm->A[i * n + j];
        const double dii = lm->A[i * n + i];
        L[i * n + i] = dii > 0.0 ? dii * (1.0 + lam) : 1.0;
        b[i] = -lm->g[i];
    }
    for (int j = 0; j < n; ++j) { /* L Lᵀ in the lower triangle */
        double s = L[j * n + j];
        for (int k = 0; k < j; ++k) s -= L[j * n + k] * L[j * n + k];
        if (!(s > 0.0)) return -1;
        L[j * n + j] = sqrt(s);
        for (int i = j + 1; i < n; ++i) {
            double t = L[i * n + j];
            for (int k = 0; k < j; ++k) t -= L[i * n + k] * L[j * n + k];
            L[i * n + j] = t / L[j * n + j];
        }
    }
    for (int i = 0; i < n; ++i) { /* forward, then back substitution */
        double t = b[i];
        for (int k = 0; k < i; ++k) t -= L[i * n + k] * b[k];
        b[i] = t / L[i * n + i];
    }
    for (int i = n - 1; i >= 0; --i) {
        double t = b[i];
        for (int k = i + 1; k < n; ++k) t -= L[k * n + i] * b[k];
        b[i] = t / L[i * n + i];
    }
    memcpy(delta, b, (size_t)n * sizeof *delta);
    return 0;
}

/* The trial points of one round, λ from lam/100 to lam·100 (log-spaced). */
static void make_trials(shp_lm *lm)
{
    const int n = lm->s.n_trials, d = lm->dim;
    lm->n_cand = 0;
    for (int k = 0; k < n; ++k) {
        const double e = n > 1 ? -2.0 + 4.0 * k / (n - 1) : 0.0;
        const double lam = lm->lam * pow(10.0, e);
        double delta[LM_MAX_DIM];
        if (damped_step(lm, lam, delta) != 0) continue;
        double *c = lm->cand + (long)lm->n_cand * d;
        int moved = 0;
        for (int j = 0; j < d; ++j) {
            c[j] = fmin(1.0, fmax(0.0, lm->x[j] + delta[j]));
            moved |= c[j] != lm->x[j];
        }
        if (moved) lm->trial_lam[lm->n_cand++] = lam;
    }
    if (lm->n_cand == 0) lm->phase = PH_DONE;
}

/* Central differences where x ± h stay in the box (one-sided toward the inside at a
 * bound): candidates x + h e_j for every j, then x − h e_j for the central ones. The
 * forward difference's O(h) error bends the Gauss–Newton step out of the long, narrow
 * valleys of these problems (α/Ks against n); the central one's O(h²) does not. */
static void make_jacobian_points(shp_lm *lm)
{
    const int d = lm->dim;
    const double h = lm->s.fd_step;
    int n = 0;
    for (int j = 0; j < d; ++j) {
        lm->central[j] = lm->s.central && lm->x[j] - h >= 0.0 && lm->x[j] + h <= 1.0;
        lm->step[j] = lm->x[j] + h <= 1.0 ? h : -h;
        double *c = lm->cand + (long)n++ * d;
        memcpy(c, lm->x, (size_t)d * sizeof *c);
        c[j] += lm->step[j];
    }
    for (int j = 0; j < d; ++j) {
        if (!lm->central[j]) continue;
        double *c = lm->cand + (long)n++ * d;
        memcpy(c, lm->x, (size_t)d * sizeof *c);
        c[j] -= h;
    }
    lm->n_cand = n;
}

int shp_lm_ask(shp_lm *lm)
{
    if (!lm || lm->phase == PH_DONE) return 0;
    if (lm->asked) return lm->n_cand;
    if (lm->phase == PH_START) {
        memcpy(lm->cand, lm->x, (size_t)lm->dim * sizeof *lm->cand);
        lm->n_cand = 1;
    } else if (lm->phase == PH_JACOBIAN) {
        make_jacobian_points(lm);
    } else {
        make_trials(lm);
        if (lm->phase == PH_DONE) return 0;
    }
    lm->asked = 1;
    return lm->n_cand;
}

const double *shp_lm_candidates(const shp_lm *lm) { return lm ? lm->cand : NULL; }

/* J, JᵀJ and Jᵀr from the Jacobian round. */
static int finite_row(const double *r, int m, const int *ok, int k)
{
    int good = !ok || ok[k];
    for (int i = 0; i < m && good; ++i) good = isfinite(r[(long)k * m + i]);
    return good;
}

static void normal_equations(shp_lm *lm);

static void build_normal_equations(shp_lm *lm, const double *r, const int *ok)
{
    const int d = lm->dim, m = lm->n_res;
    for (int j = 0, back = d; j < d; ++j) {
        const double *rp = r + (long)j * m;
        const int kb = lm->central[j] ? back++ : -1;
        const int good_p = finite_row(r, m, ok, j), good_b = kb >= 0 && finite_row(r, m, ok, kb);
        for (int i = 0; i < m; ++i) {
            double v = 0.0;
            if (good_p && good_b) v = (rp[i] - r[(long)kb * m + i]) / (2.0 * lm->s.fd_step);
            else if (good_p) v = (rp[i] - lm->r[i]) / lm->step[j];
            else if (good_b) v = (lm->r[i] - r[(long)kb * m + i]) / lm->s.fd_step;
            lm->J[(long)i * d + j] = v;
        }
    }
    normal_equations(lm);
}

/* JᵀJ and Jᵀr of lm->J at lm->r. */
static void normal_equations(shp_lm *lm)
{
    const int d = lm->dim, m = lm->n_res;
    for (int a = 0; a < d; ++a) {
        double g = 0.0;
        for (int i = 0; i < m; ++i) g += lm->J[(long)i * d + a] * lm->r[i];
        lm->g[a] = g;
        for (int b = 0; b <= a; ++b) {
            double s = 0.0;
            for (int i = 0; i < m; ++i) s += lm->J[(long)i * d + a] * lm->J[(long)i * d + b];
            lm->A[a * d + b] = lm->A[b * d + a] = s;
        }
    }
}

static int tell(shp_lm *lm, const double *r, const double *J, const int *ok);

shp_status shp_lm_tell(shp_lm *lm, const double *r, const int *ok)
{
    if (!lm || lm->s.jacobian == SHP_LM_JACOBIAN_EXACT) return SHP_ERR_INVALID;
    return tell(lm, r, NULL, ok);
}

shp_status shp_lm_tell_jacobian(shp_lm *lm, const double *r, const double *J, const int *ok)
{
    if (!lm || lm->s.jacobian != SHP_LM_JACOBIAN_EXACT || !J) return SHP_ERR_INVALID;
    return tell(lm, r, J, ok);
}

/* The Jacobian told with candidate k becomes the current one; 0 when it is not finite
 * (a failed candidate, or derivatives that overflowed). */
static int take_jacobian(shp_lm *lm, const double *J, int k)
{
    const long sz = (long)lm->n_res * lm->dim;
    const double *Jk = J + (long)k * sz;
    for (long i = 0; i < sz; ++i)
        if (!isfinite(Jk[i])) return 0;
    memcpy(lm->J, Jk, (size_t)sz * sizeof *Jk);
    normal_equations(lm);
    ++lm->iterations;
    return 1;
}

static int tell(shp_lm *lm, const double *r, const double *J, const int *ok)
{
    if (!lm->asked || !r) return SHP_ERR_INVALID;
    lm->asked = 0;
    lm->evaluations += lm->n_cand;
    const int m = lm->n_res, d = lm->dim;
    if (lm->phase == PH_START) {
        const double c = (!ok || ok[0]) ? half_sq(r, m) : HUGE_VAL;
        if (!(c < HUGE_VAL)) {
            lm->phase = PH_DONE;
            return SHP_OK;
        }
        memcpy(lm->r, r, (size_t)m * sizeof *r);
        lm->cost = c;
        lm->phase = c > 0.0 ? PH_JACOBIAN : PH_DONE;
        if (J && lm->phase == PH_JACOBIAN) lm->phase = take_jacobian(lm, J, 0) ? PH_TRIALS : PH_DONE;
        return SHP_OK;
    }
    if (lm->phase == PH_JACOBIAN) {
        build_normal_equations(lm, r, ok);
        ++lm->iterations;
        lm->phase = PH_TRIALS;
        return SHP_OK;
    }
    int best = -1;
    double best_cost = lm->cost;
    for (int k = 0; k < lm->n_cand; ++k) {
        const double c = (!ok || ok[k]) ? half_sq(r + (long)k * m, m) : HUGE_VAL;
        if (c < best_cost) {
            best_cost = c;
            best = k;
        }
    }
    if (best < 0) { /* no trial improved: more damping, same Jacobian */
        lm->lam *= 100.0;
        if (lm->lam > 1e12) lm->phase = PH_DONE;
        return SHP_OK;
    }
    const double gain = (lm->cost - best_cost) / lm->cost;
    memcpy(lm->x, lm->cand + (long)best * d, (size_t)d * sizeof *lm->x);
    memcpy(lm->r, r + (long)best * m, (size_t)m * sizeof *r);
    lm->cost = best_cost;
    lm->lam = fmax(lm->trial_lam[best] / 3.0, 1e-12);
    const int more = lm->iterations < lm->s.max_iterations && gain >= lm->s.ftol && best_cost > 0.0;
    lm->phase = more ? PH_JACOBIAN : PH_DONE;
    if (J && more) lm->phase = take_jacobian(lm, J, best) ? PH_TRIALS : PH_DONE;
    return SHP_OK;
}

int shp_lm_done(const shp_lm *lm) { return !lm || lm->phase == PH_DONE; }

void shp_lm_best(const shp_lm *lm, double *x, double *cost)
{
    if (x) memcpy(x, lm->x, (size_t)lm->dim * sizeof *x);
    if (cost) *cost = lm->cost;
}

int shp_lm_iterations(const shp_lm *lm) { return lm ? lm->iterations : 0; }
long shp_lm_evaluations(const shp_lm *lm) { return lm ? lm->evaluations : 0; }
