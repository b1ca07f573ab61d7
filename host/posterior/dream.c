/* DREAM(ZS) (include/shpfit/dream.h): ter Braak & Vrugt 2008 (Stat Comput 18:435, "T&V")
 * and Vrugt 2016 (Environ Model Softw 75:273, "V16"), Algorithm 5 there.
 *
 * Every random number comes from a stream keyed by (seed, generation, chain, purpose), the
 * Latin hypercube from its own streams, so a run depends on the seed and the densities told
 * alone. The archive Z holds states only: DREAM(ZS) never needs their densities. */
#include "shpfit/dream.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "shpfit/rng.h"
#include "shpfit/status.h"

/* Stream purposes ("DRMP", "DRMA", "DRML"): proposals, acceptance, Latin hypercube. */
enum { PURPOSE_PROPOSE = 0x44524d50, PURPOSE_ACCEPT = 0x44524d41, PURPOSE_LHS = 0x44524d4c };

enum { MAX_PAIRS = 100 }; /* δ: a bound for the index buffer; V16 uses δ ≤ 3 */

struct shp_dream {
    int dim;
    shp_dream_settings s;
    uint64_t seed;
    double *x, *logp;  /* chains' states (chains × dim) and log densities */
    double *y;         /* proposals asked (chains × dim) */
    double *corr;      /* per proposal: the snooker's log Jacobian factor, 0 otherwise */
    int *cr;           /* per proposal: crossover index m − 1, −1 for a snooker update */
    int *keep;         /* scratch: the dimensions a parallel-direction jump moves */
    double *sd;        /* scratch: per-dimension standard deviations for the adaptation */
    double *z;         /* archive (nz × dim, room for zcap) */
    long nz, zcap;
    long gen, proposed, accepted;
    int started, asked, adapt;
    double pcr[SHP_DREAM_MAX_CR], n_used[SHP_DREAM_MAX_CR], jump[SHP_DREAM_MAX_CR];
};

void shp_dream_defaults(int dim, shp_dream_settings *s)
{
    s->chains = 8;
    s->pairs = 1;
    s->n_cr = 3;
    s->p_snooker = 0.1;
    s->p_unit_jump = 0.2;
    s->b = 0.05;
    s->b_star = 1e-6;
    s->archive_every = 10;
    s->archive_init = 10 * (dim > 0 ? dim : 1);
    if (s->archive_init < s->chains) s->archive_init = s->chains;
    if (s->archive_init < 2 * s->pairs + 1) s->archive_init = 2 * s->pairs + 1;
}

static int prob_ok(double p) { return p >= 0.0 && p <= 1.0; } /* false for NaN */

const char *shp_dream_check(const shp_dream_settings *s, int dim)
{
    if (!s) return "settings";
    if (dim < 1) return "dim";
    if (s->chains < 2) return "chains";
    if (s->pairs < 1 || s->pairs > MAX_PAIRS) return "pairs";
    if (s->n_cr < 1 || s->n_cr > SHP_DREAM_MAX_CR) return "n_cr";
    if (!prob_ok(s->p_snooker)) return "p_snooker";
    if (!prob_ok(s->p_unit_jump)) return "p_unit_jump";
    if (!(s->b >= 0.0 && s->b < 1.0)) return "b";
    if (!(s->b_star >= 0.0 && s->b_star < 1.0)) return "b_star";
    if (s->archive_every < 1) return "archive_every";
    /* the chains start at its first N states; 2δ distinct pairs and the snooker's three
     * distinct states (T&V) need 2δ + 1 ≥ 3 */
    if (s->archive_init < s->chains || s->archive_init < 2 * s->pairs + 1) return "archive_init";
    return NULL;
}

/* Latin hypercube of the unit box (McKay et al. 1979): in each dimension one point per
 * stratum of width 1/M0, strata permuted independently (Fisher–Yates). */
static int latin_hypercube(double *z, int m0, int dim, uint64_t seed)
{
    int *perm = malloc((size_t)m0 * sizeof *perm);
    if (!perm) return SHP_ERR_NOMEM;
    for (int j = 0; j < dim; ++j) {
        shp_rng r;
        shp_rng_init(&r, seed, 0, (uint64_t)j, PURPOSE_LHS);
        for (int k = 0; k < m0; ++k) perm[k] = k;
        for (int k = m0 - 1; k > 0; --k) {
            const int i = (int)shp_rng_below(&r, (uint32_t)k + 1), t = perm[k];
            perm[k] = perm[i];
            perm[i] = t;
        }
        for (int k = 0; k < m0; ++k) z[(size_t)k * dim + j] = (perm[k] + shp_rng_uniform(&r)) / m0;
    }
    free(perm);
    return SHP_OK;
}

shp_status shp_dream_create(int dim, const shp_dream_settings *s, uint64_t seed, shp_dream **out)
{
    if (!out) return SHP_ERR_INVALID;
    *out = NULL;
    if (shp_dream_check(s, dim)) return SHP_ERR_INVALID;
    shp_dream *d = calloc(1, sizeof *d);
    if (!d) return SHP_ERR_NOMEM;
    const size_t n = (size_t)s->chains, nd = n * (size_t)dim;
    d->dim = dim;
    d->s = *s;
    d->seed = seed;
    d->adapt = 1;
    d->zcap = s->archive_init;
    d->x = malloc(nd * sizeof *d->x);
    d->y = malloc(nd * sizeof *d->y);
    d->logp = malloc(n * sizeof *d->logp);
    d->corr = calloc(n, sizeof *d->corr);
    d->cr = malloc(n * sizeof *d->cr);
    d->keep = malloc((size_t)dim * sizeof *d->keep);
    d->sd = malloc((size_t)dim * sizeof *d->sd);
    d->z = malloc((size_t)d->zcap * dim * sizeof *d->z);
    if (!d->x || !d->y || !d->logp || !d->corr || !d->cr || !d->keep || !d->sd || !d->z ||
        latin_hypercube(d->z, s->archive_init, dim, seed) != SHP_OK) {
        shp_dream_destroy(d);
        return SHP_ERR_NOMEM;
    }
    d->nz = s->archive_init;
    memcpy(d->x, d->z, nd * sizeof *d->x); /* the chains start at the archive's first N */
    for (size_t i = 0; i < n; ++i) d->logp[i] = -INFINITY;
    for (int m = 0; m < s->n_cr; ++m) d->pcr[m] = 1.0 / s->n_cr;
    *out = d;
    return SHP_OK;
}

/* Fold into the periodic box (V16 §4.2), so that a jump stays symmetric; x − ⌊x⌋ rounds to
 * 1 for a tiny negative x, which is 0 on the circle. */
static double fold(double v)
{
    v -= floor(v);
    return v < 1.0 ? v : 0.0;
}

shp_status shp_dream_set_archive(shp_dream *d, const double *z, long m)
{
    if (!d || !z || d->started || m != d->s.archive_init) return SHP_ERR_INVALID;
    for (long k = 0; k < m * d->dim; ++k) {
        if (!isfinite(z[k])) return SHP_ERR_INVALID;
        d->z[k] = fold(z[k]);
    }
    memcpy(d->x, d->z, (size_t)d->s.chains * (size_t)d->dim * sizeof *d->x);
    return SHP_OK;
}

void shp_dream_destroy(shp_dream *d)
{
    if (!d) return;
    free(d->x);
    free(d->y);
    free(d->logp);
    free(d->corr);
    free(d->cr);
    free(d->keep);
    free(d->sd);
    free(d->z);
    free(d);
}


/* k distinct archive indices, by rejection (k ≤ 2δ ≪ nz in practice, and nz ≥ k + 1). */
static void distinct(shp_rng *r, long nz, int k, long *idx)
{
    for (int i = 0; i < k; ++i) {
        int dup;
        do {
            idx[i] = (long)shp_rng_below(r, (uint32_t)nz);
            dup = 0;
            for (int j = 0; j < i; ++j) dup |= idx[j] == idx[i];
        } while (dup);
    }
}

/* Parallel-direction jump (T&V's DE-MC(ZS) update with V16's subspace sampling): on the
 * dimensions kept with probability CR_m (at least one), x* = x + (1 + e) γ Σ_δ (z_a − z_b) + ε. */
static void parallel(shp_dream *d, shp_rng *r, int i, const double *x, double *y)
{
    const int dim = d->dim, delta = d->s.pairs;
    double u = shp_rng_uniform(r), acc = 0.0;
    int m = d->s.n_cr - 1;
    for (int k = 0; k < d->s.n_cr; ++k)
        if (u < (acc += d->pcr[k])) {
            m = k;
            break;
        }
    const double cr = (m + 1.0) / d->s.n_cr;
    int dp = 0;
    for (int j = 0; j < dim; ++j) dp += d->keep[j] = shp_rng_uniform(r) < cr;
    if (dp == 0) d->keep[shp_rng_below(r, (uint32_t)dim)] = dp = 1;
    long idx[2 * MAX_PAIRS];
    distinct(r, d->nz, 2 * delta, idx);
    /* γ = 2.38/√(2δd′) is optimal for Gaussian targets (ter Braak 2006, V16); γ = 1 jumps
     * between modes of the archive */
    const double gamma = shp_rng_uniform(r) < d->s.p_unit_jump ? 1.0 : 2.38 / sqrt(2.0 * delta * dp);
    for (int j = 0; j < dim; ++j) {
        if (!d->keep[j]) continue;
        double diff = 0.0;
        for (int k = 0; k < delta; ++k) diff += d->z[idx[2 * k] * dim + j] - d->z[idx[2 * k + 1] * dim + j];
        const double e = shp_rng_range(r, -d->s.b, d->s.b);
        /* b* is ε's standard deviation, as in Vrugt's DREAM codes (Delta_star·randn) */
        y[j] = x[j] + (1.0 + e) * gamma * diff + d->s.b_star * shp_rng_normal(r);
    }
    d->cr[i] = m;
}

/* Snooker update (T&V, their Fig. 1): along the line through x and an archive state z, by
 * γ_s ~ U(1.2, 2.2) times the projection of z1 − z2 on it. Returns 0 (nothing drawn past
 * the three indices) when x = z, for which the line is undefined. */
static int snooker(shp_dream *d, shp_rng *r, int i, const double *x, double *y)
{
    const int dim = d->dim;
    long idx[3];
    distinct(r, d->nz, 3, idx);
    const double *z = d->z + idx[0] * dim, *z1 = d->z + idx[1] * dim, *z2 = d->z + idx[2] * dim;
    double ee = 0.0, dot = 0.0;
    for (int j = 0; j < dim; ++j) {
        ee += (x[j] - z[j]) * (x[j] - z[j]);
        dot += (z1[j] - z2[j]) * (x[j] - z[j]);
    }
    if (!(ee > 0.0)) return 0;
    const double step = shp_rng_range(r, 1.2, 2.2) * dot / ee;
    double ee2 = 0.0;
    for (int j = 0; j < dim; ++j) {
        y[j] = fold(y[j] + step * (x[j] - z[j]));
        ee2 += (y[j] - z[j]) * (y[j] - z[j]);
    }
    /* T&V: the snooker's acceptance ratio gains (|x* − z| / |x − z|)^(dim−1); measured after
     * the fold, from the point that is evaluated */
    d->corr[i] = 0.5 * (dim - 1) * log(ee2 / ee);
    d->cr[i] = -1;
    return 1;
}

static void propose(shp_dream *d, int i)
{
    const int dim = d->dim;
    const double *x = d->x + (size_t)i * dim;
    double *y = d->y + (size_t)i * dim;
    shp_rng r;
    shp_rng_init(&r, d->seed, (uint64_t)(d->gen + 1), (uint64_t)i, PURPOSE_PROPOSE);
    memcpy(y, x, (size_t)dim * sizeof *y);
    d->corr[i] = 0.0;
    if (shp_rng_uniform(&r) < d->s.p_snooker && snooker(d, &r, i, x, y)) return;
    parallel(d, &r, i, x, y);
    for (int j = 0; j < dim; ++j) y[j] = fold(y[j]);
}

int shp_dream_ask(shp_dream *d, const double **x)
{
    if (!d || !x) return SHP_ERR_INVALID;
    if (d->started && !d->asked)
        for (int i = 0; i < d->s.chains; ++i) propose(d, i);
    d->asked = 1;
    *x = d->started ? d->y : d->x;
    return d->s.chains;
}

/* Standard deviation of dimension j over n states of stride dim (two passes). */
static double column_sd(const double *v, long n, int dim, int j)
{
    double mean = 0.0, ss = 0.0;
    for (long k = 0; k < n; ++k) mean += v[k * dim + j];
    mean /= n;
    for (long k = 0; k < n; ++k) ss += (v[k * dim + j] - mean) * (v[k * dim + j] - mean);
    return n > 1 ? sqrt(ss / (n - 1)) : 0.0;
}

/* V16 Eq. 26: p_m ∝ Δ_m / L_m, the mean normalised squared jump of crossover value m. Kept
 * uniform until every value has been tried and some jump made. Our addition: a floor of
 * 0.01/n_cr, so that no value dies out and one unlucky early stretch cannot lock a kernel
 * that is later fixed for sampling. */
static void update_pcr(shp_dream *d)
{
    const int n = d->s.n_cr;
    double tot = 0.0, s = 0.0;
    for (int m = 0; m < n; ++m) {
        if (!(d->n_used[m] > 0.0)) return;
        tot += d->jump[m];
    }
    if (!(tot > 0.0)) return;
    for (int m = 0; m < n; ++m) s += d->pcr[m] = d->jump[m] / d->n_used[m];
    double s2 = 0.0;
    for (int m = 0; m < n; ++m) s2 += d->pcr[m] = fmax(d->pcr[m] / s, 0.01 / n);
    for (int m = 0; m < n; ++m) d->pcr[m] /= s2;
}

shp_status shp_dream_tell(shp_dream *d, const double *logp)
{
    if (!d || !logp || !d->asked) return SHP_ERR_INVALID;
    const int n = d->s.chains, dim = d->dim;
    for (int i = 0; i < n; ++i)
        if (isnan(logp[i]) || logp[i] == INFINITY) return SHP_ERR_INVALID;
    if (!d->started) {
        memcpy(d->logp, logp, (size_t)n * sizeof *logp);
        d->started = 1;
        d->asked = 0;
        return SHP_OK;
    }
    const long g = d->gen + 1;
    const int add = g % d->s.archive_every == 0;
    if (add && d->nz + n > d->zcap) { /* grow before anything changes, so NOMEM leaves all as it was */
        const long cap = 2 * d->zcap > d->nz + n ? 2 * d->zcap : d->nz + n;
        if (cap >= (long)UINT32_MAX) return SHP_ERR_NOMEM; /* shp_rng_below draws the indices */
        double *z = realloc(d->z, (size_t)cap * dim * sizeof *z);
        if (!z) return SHP_ERR_NOMEM;
        d->z = z;
        d->zcap = cap;
    }
    if (d->adapt) /* the scale of the jumps (V16 Eq. 26): spread of the chains, else of Z */
        for (int j = 0; j < dim; ++j) {
            d->sd[j] = column_sd(d->x, n, dim, j);
            if (!(d->sd[j] > 0.0)) d->sd[j] = column_sd(d->z, d->nz, dim, j);
        }
    for (int i = 0; i < n; ++i) {
        double *x = d->x + (size_t)i * dim;
        const double *y = d->y + (size_t)i * dim;
        int ok;
        if (d->logp[i] == -INFINITY) {
            ok = logp[i] > -INFINITY;
        } else {
            const double la = logp[i] - d->logp[i] + d->corr[i];
            shp_rng r;
            shp_rng_init(&r, d->seed, (uint64_t)g, (uint64_t)i, PURPOSE_ACCEPT);
            ok = la >= 0.0 || log(shp_rng_uniform_pos(&r)) < la;
        }
        const int m = d->cr[i];
        if (d->adapt && m >= 0) {
            d->n_used[m] += 1.0;
            if (ok)
                for (int j = 0; j < dim; ++j)
                    if (d->sd[j] > 0.0) {
                        double dx = y[j] - x[j];
                        dx -= round(dx); /* the shorter way round the periodic box */
                        d->jump[m] += dx * dx / (d->sd[j] * d->sd[j]);
                    }
        }
        if (ok) {
            memcpy(x, y, (size_t)dim * sizeof *x);
            d->logp[i] = logp[i];
            ++d->accepted;
        }
    }
    d->proposed += n;
    if (d->adapt) update_pcr(d);
    d->gen = g;
    d->asked = 0;
    if (add) { /* T&V: every K generations the chains' states join Z */
        memcpy(d->z + (size_t)d->nz * dim, d->x, (size_t)n * dim * sizeof *d->x);
        d->nz += n;
    }
    return SHP_OK;
}

long shp_dream_generation(const shp_dream *d) { return d ? d->gen : 0; }

const double *shp_dream_states(const shp_dream *d, const double **logp)
{
    if (logp) *logp = d ? d->logp : NULL;
    return d ? d->x : NULL;
}

void shp_dream_counts(const shp_dream *d, long *proposed, long *accepted)
{
    if (proposed) *proposed = d ? d->proposed : 0;
    if (accepted) *accepted = d ? d->accepted : 0;
}

long shp_dream_archive_size(const shp_dream *d) { return d ? d->nz : 0; }

void shp_dream_set_adapt(shp_dream *d, int on)
{
    if (d) d->adapt = on != 0;
}

const double *shp_dream_cr_probs(const shp_dream *d) { return d ? d->pcr : NULL; }

int shp_dream_reset_outliers(shp_dream *d, const double *omega, int *moved)
{
    if (!d || !omega) return SHP_ERR_INVALID;
    const int n = d->s.chains, dim = d->dim;
    if (n < 4 || !d->started) return 0;
    double *v = malloc((size_t)n * sizeof *v);
    if (!v) return SHP_ERR_NOMEM;
    int nv = 0, best = 0;
    for (int c = 0; c < n; ++c) {
        if (!isnan(omega[c])) v[nv++] = omega[c]; /* a NaN omega is neither counted nor moved */
        if (d->logp[c] > d->logp[best]) best = c; /* ties: the lowest index */
    }
    shp_sort_doubles(v, nv);
    const double q1 = shp_quantile_sorted(v, nv, 0.25), q3 = shp_quantile_sorted(v, nv, 0.75);
    const double lim = q1 - 2.0 * (q3 - q1); /* V16 §4.3; NaN (nothing moved) if q1 is −inf */
    free(v);
    int k = 0;
    for (int c = 0; c < n; ++c) {
        if (c == best || !(omega[c] < lim)) continue;
        memcpy(d->x + (size_t)c * dim, d->x + (size_t)best * dim, (size_t)dim * sizeof *d->x);
        d->logp[c] = d->logp[best];
        if (moved) moved[k] = c;
        ++k;
    }
    if (k) d->asked = 0; /* proposals asked from the old states are void: ask again */
    return k;
}
