/* Special functions of the lognormal (Kosugi) models, identical on host and device
 * (docs/models-reference.md, `kosugi`):
 *   shp_q(z)       = ½ erfc(z/√2), the upper normal tail, relative accuracy in both tails
 *                    (never 1 − Φ(z), which is 0 for z > 8.3);
 *   shp_phi(z)     = exp(−z²/2)/√(2π), the standard normal density;
 *   shp_mills(z)   = φ(z)/Q(z), the inverse Mills ratio, finite for every z (so that
 *                    d ln Q/dz survives where Q itself underflows);
 *   shp_erfcinv(y) = x with erfc(x) = y, 0 < y < 2.
 * C99 has no erfcinv and CUDA's would give the device a different inverse than the
 * host, so both use this one. Only functions that C99 and CUDA share (erf, erfc, exp,
 * log, sqrt); no recursion, no tables in memory. */
#ifndef SHPFIT_PHYSICS_SPECIAL_H
#define SHPFIT_PHYSICS_SPECIAL_H

#include "hd.h"

#define SHP_SQRT1_2 0.70710678118654752440     /* 1/√2 */
#define SHP_INV_SQRT2PI 0.39894228040143267794 /* 1/√(2π) */
#define SHP_TWO_OVER_SQRTPI 1.12837916709551257390 /* 2/√π */
#define SHP_LN2 0.69314718055994530942

SHP_HD SHP_INLINE double shp_q(double z) { return 0.5 * erfc(z * SHP_SQRT1_2); }

SHP_HD SHP_INLINE double shp_phi(double z) { return SHP_INV_SQRT2PI * exp(-0.5 * z * z); }

/* Σ_{k=0}^{8} (−1)^k (2k−1)!! v^k: the asymptotic series of x√π e^{x²} erfc(x) in
 * v = 1/(2x²) (Abramowitz & Stegun 1964, 7.1.23). For x ≥ 14 (v ≤ 2.6e-3) the first
 * omitted term is below 2e-16 relative. */
SHP_HD SHP_INLINE double shp_erfc_asym_(double v)
{
    return 1.0 + v * (-1.0 + v * (3.0 + v * (-15.0 + v * (105.0 + v * (-945.0 + v * (10395.0
               + v * (-135135.0 + v * 2027025.0)))))));
}

/* φ(z)/Q(z). Directly below z = 20; above, from the series with x = z/√2, v = 1/z²:
 * Q/φ = S(1/z²)/z. The direct quotient carries the rounding of z² and of z/√2, a
 * relative 2z²·1e-16 (4e-14 at z = 20); the series is good to 2e-16 from there on and
 * stays finite where Q underflows (z > 38). */
SHP_HD SHP_INLINE double shp_mills(double z)
{
    if (z < 20.0) return shp_phi(z) / shp_q(z);
    return z / shp_erfc_asym_(1.0 / (z * z));
}

/* Below this y, erfc(x) is computed as exp(−x² + ln(S/(x√π))) instead: erfc itself
 * would be subnormal (y < 2.2e-308) or carry too few bits. 1e-295 ⇔ x ≈ 25.9. */
#define SHP_ERFCINV_LOG_TAIL 1e-295

/* x = erfcinv(y): erfc(x) = y. Relative accuracy ≤ 1e-14 for 1e-300 ≤ y < 2 (see
 * tests/test_kosugi.c); erfcinv(1) = 0 exactly, erfcinv(2 − y) = −erfcinv(y) exactly,
 * y ≤ 0 → +∞, y ≥ 2 → −∞, NaN → NaN.
 *
 * Initial guess: the normal quantile of Abramowitz & Stegun (1964) 26.2.23, |error|
 * < 4.5e-4, at p = y/2 (x = x_p/√2). Then a fixed number of steps, each of whose
 * error is cubic (Halley) or quadratic (Newton, log tail) in the previous one:
 *   0.5 ≤ y ≤ 1:  Halley on erf(x) = 1 − y (1 − y exact by Sterbenz): keeps relative
 *                 accuracy as x → 0, where erfc(x) − y would cancel;
 *   1e-295 < y < 0.5: Halley on erfc(x) = y;
 *   y ≤ 1e-295:   Newton on ln erfc(x) = ln y with ln erfc(x) = −x² + ln(S/(x√π)),
 *                 valid into the subnormal y range.
 * With f = erf(x) − t or erfc(x) − y, f'' = −2x f', so the Halley step
 * x − 2ff'/(2f'² − ff'') is x − f/(f' + x f). */
SHP_HD SHP_INLINE double shp_erfcinv(double y)
{
    if (y != y) return y;
    if (y <= 0.0) return HUGE_VAL;
    if (y >= 2.0) return -HUGE_VAL;
    if (y == 1.0) return 0.0;
    double sign = 1.0;
    if (y > 1.0) {
        y = 2.0 - y; /* exact for 1 ≤ y ≤ 2 (Sterbenz) */
        sign = -1.0;
    }
    /* A&S 26.2.23 with ln p = ln y − ln 2 (no underflow of y/2 for subnormal y) */
    const double t = sqrt(-2.0 * (log(y) - SHP_LN2));
    double x = SHP_SQRT1_2 * (t - (2.515517 + t * (0.802853 + t * 0.010328))
                                      / (1.0 + t * (1.432788 + t * (0.189269 + t * 0.001308))));
    if (y >= 0.5) {
        const double r = 1.0 - y; /* exact: erf(x) = r */
        for (int i = 0; i < 3; ++i) {
            const double f = erf(x) - r;
            const double fp = SHP_TWO_OVER_SQRTPI * exp(-x * x);
            x -= f / (fp + x * f);
        }
    } else if (y > SHP_ERFCINV_LOG_TAIL) {
        for (int i = 0; i < 3; ++i) {
            const double f = erfc(x) - y;
            const double fp = -SHP_TWO_OVER_SQRTPI * exp(-x * x);
            x -= f / (fp + x * f);
        }
    } else {
        /* g(x) = ln erfc(x) − ln y,  g'(x) = −2x/S: Newton x ← x + g S/(2x) */
        const double ly = log(y);
        for (int i = 0; i < 4; ++i) {
            const double s = shp_erfc_asym_(0.5 / (x * x));
            const double g = -x * x + log(s / (x * 1.77245385090551602730)) - ly;
            x += g * s / (2.0 * x);
        }
    }
    return sign * x;
}

#endif
