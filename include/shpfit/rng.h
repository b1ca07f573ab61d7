/* A small counter-based random number generator: reproducible streams keyed by ids.
 *
 * A stream is the hash of (seed, a, b, c) — for the optimizers (run, generation,
 * purpose|candidate) — and its k-th draw is a bijective hash of (key, k): no state is
 * shared between streams, so a draw depends only on its ids and its index, never on
 * what else ran in the process, on thread counts or on the order in which streams are
 * used. This is the idea of Philox/Threefry (Salmon et al. 2011, "Parallel random
 * numbers: as easy as 1, 2, 3") with cheaper rounds: the counter goes through the
 * splitmix64 finaliser (Steele et al. 2014; Stafford's "variant 13"), is XORed with the
 * key and goes through MurmurHash3's fmix64; both are bijections of 64-bit words.
 *
 * Header-only, plain C that nvcc also compiles (SHP_HD functions, no VLAs, no compound
 * literals), so a CUDA kernel can draw the same numbers as the host.
 *
 *   shp_rng r;
 *   shp_rng_init(&r, seed, run_id, generation, candidate);
 *   double u = shp_rng_uniform(&r);        // [0, 1)
 *   double z = shp_rng_normal(&r);         // N(0, 1), Box–Muller
 *   uint32_t k = shp_rng_below(&r, n);     // uniform in {0, …, n−1}, exact (Lemire 2019)
 */
#ifndef SHPFIT_RNG_H
#define SHPFIT_RNG_H

#include <math.h>
#include <stdint.h>

#include "physics/hd.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
    uint64_t key; /* hash of the stream ids */
    uint64_t ctr; /* index of the next draw */
} shp_rng;

#define SHP_RNG_GOLDEN 0x9E3779B97F4A7C15ULL
#define SHP_RNG_PI 3.14159265358979323846

/* splitmix64 finaliser (Stafford variant 13): a bijection of 64-bit words. */
SHP_HD SHP_INLINE uint64_t shp_rng_mix64(uint64_t z)
{
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/* MurmurHash3 fmix64: another bijection, so key and counter are mixed by different rounds. */
SHP_HD SHP_INLINE uint64_t shp_rng_fmix64(uint64_t z)
{
    z ^= z >> 33;
    z *= 0xFF51AFD7ED558CCDULL;
    z ^= z >> 33;
    z *= 0xC4CEB9FE1A85EC53ULL;
    return z ^ (z >> 33);
}

/* Key of the stream (seed, a, b, c): chained bijective hashes, each id offset by its own
 * odd constant so that permuted ids give different streams. */
SHP_HD SHP_INLINE uint64_t shp_rng_key(uint64_t seed, uint64_t a, uint64_t b, uint64_t c)
{
    uint64_t k = shp_rng_mix64(seed + SHP_RNG_GOLDEN);
    k = shp_rng_mix64(k ^ (a * 0xD6E8FEB86659FD93ULL + 0x632BE59BD9B4E019ULL));
    k = shp_rng_mix64(k ^ (b * 0xA0761D6478BD642FULL + 0x8CB92BA72F3D8DD7ULL));
    k = shp_rng_mix64(k ^ (c * 0xE7037ED1A0B428DBULL + 0x2545F4914F6CDD1DULL));
    return k;
}

/* Start the stream (seed, a, b, c) at draw 0. */
SHP_HD SHP_INLINE void shp_rng_init(shp_rng *r, uint64_t seed, uint64_t a, uint64_t b, uint64_t c)
{
    r->key = shp_rng_key(seed, a, b, c);
    r->ctr = 0;
}

/* The k-th draw of the stream with this key, without a stream object. */
SHP_HD SHP_INLINE uint64_t shp_rng_at(uint64_t key, uint64_t k)
{
    return shp_rng_fmix64(key ^ shp_rng_mix64(k * SHP_RNG_GOLDEN + 0xD1B54A32D192ED03ULL));
}

/* Next 64 random bits. */
SHP_HD SHP_INLINE uint64_t shp_rng_u64(shp_rng *r) { return shp_rng_at(r->key, r->ctr++); }

/* Uniform double in [0, 1) with 53 random bits. */
SHP_HD SHP_INLINE double shp_rng_uniform(shp_rng *r)
{
    return (double)(shp_rng_u64(r) >> 11) * (1.0 / 9007199254740992.0);
}

/* Uniform double in (0, 1]. */
SHP_HD SHP_INLINE double shp_rng_uniform_pos(shp_rng *r)
{
    return (double)((shp_rng_u64(r) >> 11) + 1) * (1.0 / 9007199254740992.0);
}

/* Uniform double in [lo, hi). */
SHP_HD SHP_INLINE double shp_rng_range(shp_rng *r, double lo, double hi)
{
    return lo + (hi - lo) * shp_rng_uniform(r);
}

/* Uniform integer in {0, …, n−1} for 1 ≤ n < 2^32, without bias (Lemire 2019,
 * "Fast random integer generation in an interval"); n = 0 gives 0. */
SHP_HD SHP_INLINE uint32_t shp_rng_below(shp_rng *r, uint32_t n)
{
    if (n == 0) return 0;
    uint64_t m = (shp_rng_u64(r) >> 32) * (uint64_t)n;
    uint32_t low = (uint32_t)m;
    if (low < n) {
        const uint32_t threshold = (uint32_t)(0u - n) % n;
        while (low < threshold) {
            m = (shp_rng_u64(r) >> 32) * (uint64_t)n;
            low = (uint32_t)m;
        }
    }
    return (uint32_t)(m >> 32);
}

/* Standard normal deviate (Box–Muller; two draws, the sine branch is not kept so that a
 * draw's position in the stream never depends on earlier calls' kinds). */
SHP_HD SHP_INLINE double shp_rng_normal(shp_rng *r)
{
    const double u1 = shp_rng_uniform_pos(r);
    const double u2 = shp_rng_uniform(r);
    return sqrt(-2.0 * log(u1)) * cos(2.0 * SHP_RNG_PI * u2);
}

/* Cauchy deviate with location loc and scale s. */
SHP_HD SHP_INLINE double shp_rng_cauchy(shp_rng *r, double loc, double s)
{
    return loc + s * tan(SHP_RNG_PI * (shp_rng_uniform(r) - 0.5));
}

#ifdef __cplusplus
}
#endif

#endif
