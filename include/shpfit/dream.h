/* DREAM(ZS): a Markov chain Monte Carlo sampler whose chains learn their proposals from
 * an archive of their own past states (ter Braak & Vrugt 2008, "Differential Evolution
 * Markov Chain with snooker updater and fewer chains"; Vrugt 2016, "Markov chain Monte
 * Carlo simulation using the DREAM software package", §3.4 and Algorithm 5).
 *
 * N chains advance together: each generation is one batch of N proposals, whose log
 * densities the caller computes as it likes (one batch of soil columns) — an ask–tell
 * object, the caller owning the loop:
 *
 *     shp_dream *d;
 *     shp_dream_create(dim, &settings, seed, &d);
 *     for (;;) {
 *         const double *x; int n = shp_dream_ask(d, &x);   // n × dim in [0, 1]
 *         ... logp[i] = log prior + log likelihood of x[i·dim …] (−inf: impossible) ...
 *         shp_dream_tell(d, logp);
 *         ... read shp_dream_states, decide when to stop ...
 *     }
 *
 * The space is the unit box [0, 1]^dim (the problem's search coordinates). A proposal
 * that leaves it is folded back in (x → x mod 1, Vrugt 2016 §4.2: a periodic box keeps
 * the proposal symmetric, so detailed balance holds for the parallel-direction jumps).
 * The first ask returns the N chains' starting states, the first N of a Latin hypercube
 * of archive_init points that also starts the archive; from then on each ask returns one
 * proposal per chain:
 *   - parallel direction (probability 1 − p_snooker): x* = x + (1 + e) γ Σ_δ (z_a − z_b) + ε
 *     on a subset of the dimensions (each kept with probability CR, one at least), z from
 *     the archive, γ = 2.38/√(2 δ d′) (1 with probability p_unit_jump, to hop between
 *     modes), e ~ U(−b, b), ε ~ N(0, b*);
 *   - snooker (probability p_snooker): along the line from x through an archive state z,
 *     by γ_s ~ U(1.2, 2.2) times the projection of z_1 − z_2 on it, with the Metropolis
 *     ratio's factor (|x* − z| / |x − z|)^(dim−1).
 * Every archive_every generations the chains' states join the archive. While adaptation
 * is on, the probabilities of the n_cr crossover values CR = m/n_cr move towards those
 * that give the largest normalised squared jumps (Vrugt 2016 Eq. 26); the caller turns it
 * off when burn-in ends so that the samples it keeps come from a fixed kernel.
 *
 * Random numbers come from counter-based streams keyed by (seed, generation, chain), so
 * a run is the same for the same seed and the same log densities, whatever ran before. */
#ifndef SHPFIT_DREAM_H
#define SHPFIT_DREAM_H

#include <stdint.h>

#include "status.h"

#ifdef __cplusplus
extern "C" {
#endif

#define SHP_DREAM_MAX_CR 16

typedef struct {
    int chains;          /* N ≥ 2 (default 8) */
    int pairs;           /* δ: archive pairs per difference vector (default 1, at most 100) */
    int n_cr;            /* crossover values CR = m/n_cr, m = 1 … n_cr (default 3) */
    double p_snooker;    /* probability of a snooker update (default 0.1) */
    double p_unit_jump;  /* probability of γ = 1 in a parallel-direction jump (default 0.2) */
    double b;            /* e ~ U(−b, b) (default 0.05) */
    double b_star;       /* ε ~ N(0, b*²): b* is ε's standard deviation, in unit coordinates
                            (default 1e−6) */
    int archive_every;   /* K: generations between additions to the archive (default 10) */
    int archive_init;    /* M0: the initial archive's size (default 10·dim, at least N and
                            2δ + 1) */
} shp_dream_settings;

/* The defaults above for a space of dim dimensions. */
void shp_dream_defaults(int dim, shp_dream_settings *s);

/* NULL when s is usable for dim dimensions, else the name of the first bad setting
 * ("chains", "pairs", …). */
const char *shp_dream_check(const shp_dream_settings *s, int dim);

typedef struct shp_dream shp_dream;

/* SHP_OK; SHP_ERR_INVALID (shp_dream_check fails, dim < 1); SHP_ERR_NOMEM. */
shp_status shp_dream_create(int dim, const shp_dream_settings *s, uint64_t seed, shp_dream **out);
void shp_dream_destroy(shp_dream *d);

/* Replace the initial archive (before the first tell) with the caller's m =
 * archive_init states z (m × dim, in [0, 1]; folded in as proposals are), e.g. drawn
 * around an optimizer's answer with a spread wider than the posterior's so that R̂ can
 * still tell unconverged chains (Gelman et al. 2013, BDA3 §11.4: overdispersed
 * starting points). The chains start at its first N. SHP_OK; SHP_ERR_INVALID after the
 * first tell or for another m. */
shp_status shp_dream_set_archive(shp_dream *d, const double *z, long m);

/* The points to evaluate next (n × dim, the sampler's memory, valid until tell): the
 * chains' starting states on the first call, one proposal per chain after. Returns n
 * (= chains), SHP_ERR_INVALID for a NULL argument. Asking again before telling returns
 * the same points. */
int shp_dream_ask(shp_dream *d, const double **x);

/* The log densities of the points asked (n of them; −inf for a point of zero density:
 * outside the prior's support, or a model that failed). The first tell sets the chains'
 * states; later ones accept or reject each proposal (Metropolis). A chain whose state
 * has −inf accepts any finite proposal. SHP_OK; SHP_ERR_INVALID without an ask before it,
 * or a NaN or +inf density; SHP_ERR_NOMEM when the archive cannot grow. A refused tell
 * changes nothing: the points stay asked. */
shp_status shp_dream_tell(shp_dream *d, const double *logp);

/* Generations told after the starting states (0 after the first tell). */
long shp_dream_generation(const shp_dream *d);

/* The chains' current states (chains × dim) and, when logp is not NULL, their log
 * densities (chains). */
const double *shp_dream_states(const shp_dream *d, const double **logp);

/* Proposals told and accepted since the start (not counting the starting states). */
void shp_dream_counts(const shp_dream *d, long *proposed, long *accepted);

/* States in the archive. */
long shp_dream_archive_size(const shp_dream *d);

/* Crossover adaptation on (the default) or off. */
void shp_dream_set_adapt(shp_dream *d, int on);

/* The crossover values' selection probabilities (n_cr of them). */
const double *shp_dream_cr_probs(const shp_dream *d);

/* Outlier chains (Vrugt 2016 §4.3): omega[c] is chain c's mean log density over the
 * recent half of its history (the caller's record). A chain whose omega lies below
 * Q1 − 2·IQR of all chains' is moved to the state (and log density) of the chain with the
 * highest current log density (the lowest index among ties). Q1 and Q3 interpolate
 * linearly between order statistics (Hyndman & Fan type 7, R's and NumPy's default); a
 * NaN omega is left out of them and never moved. Meaningful from 4 chains; with fewer,
 * or before the first tell, nothing happens. Call it between a tell and the next ask:
 * when it moves a chain it discards points asked and not yet told (ask again).
 * Returns the number of chains moved; their indices go to moved (may be NULL; chains
 * entries at most). SHP_ERR_INVALID for a NULL d or omega, SHP_ERR_NOMEM. */
int shp_dream_reset_outliers(shp_dream *d, const double *omega, int *moved);

/* ---------------------------------------------------------------- convergence */

/* Gelman–Rubin potential scale reduction of one parameter from m chains of n draws
 * each (x[c·n + t]), with each chain split into halves (Gelman et al. 2013, BDA3 §11.4:
 * 2m sequences of ⌊n/2⌋, the middle draw of an odd n dropped). 1 at convergence; NaN
 * when n < 4 or m < 1; 1 when every draw is the same; +inf when every half-chain is
 * constant but they differ. */
double shp_rhat_split(const double *x, int m, int n);

/* Effective sample size of the m·n draws of one parameter (same layout), from the
 * split chains' combined autocorrelation truncated by Geyer's initial monotone sequence
 * (BDA3 §11.5; Stan's estimator without rank normalisation). At most m·n·log10(m·n)
 * (antithetic chains can exceed m·n); NaN when n < 4 or m < 1; m·n when every draw is the
 * same; about m when every half-chain is constant but they differ. */
double shp_ess(const double *x, int m, int n);

/* Sort n values ascending (finite values; where a NaN falls is unspecified). */
void shp_sort_doubles(double *v, long n);

/* Quantile p in [0, 1] of n values sorted ascending, linear between order statistics
 * (Hyndman & Fan 1996 type 7, the default of R and NumPy); NaN when n < 1. */
double shp_quantile_sorted(const double *s, long n, double p);

#ifdef __cplusplus
}
#endif

#endif
