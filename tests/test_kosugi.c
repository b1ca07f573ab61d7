/* Kosugi (1996) unimodal, bimodal Kosugi (HyPix K and exact Mualem K) and the FG2021
 * constrained parameterisation (include/shpfit/physics/model_kosugi.h), and the special
 * functions behind them (include/shpfit/physics/special.h).
 *
 * - shp_erfcinv against 50-digit mpmath values over y = 5e-324 … 2 − 2^-52 (relative
 *   1e-14), erfc round trips over 300 decades, exact symmetry and the special values.
 * - θ, K, C of the three Kosugi entries of tests/data/reference_values*.csv (every
 *   row of both files, h = +5 … −1e6 cm; θ and C to 1e-12 relative, K to 1e-10), both
 *   through the 9 bimodal parameters of the CSV and through the FG2021 map.
 * - C against a finite difference of θ and dK/dh against one of K, h = −1e-3 … −1e6 cm.
 * - Inverse retention of the unimodal model, the FG2021 θr(σ)/Ψm table of docs/models-reference.md,
 *   monotonicity, the macropore switch-off, units, and the registry rows.
 * Values are copied from the CSVs (17 digits) so that these tests do not depend on the
 * registry dispatch. */
#include <criterion/criterion.h>
#include <criterion/logging.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "models/models_internal.h"
#include "shpfit/physics/model_kosugi.h"

static double rel_err(double got, double ref)
{
    return ref == 0.0 ? fabs(got) : fabs(got - ref) / fabs(ref);
}

/* ------------------------------------------------------------------ erfcinv */

/* {y, erfcinv(y)}: mpmath at 50 digits, y the exact double shown */
static const double erfcinv_ref[][2] = {
    {5e-324, 27.213293210812948815},
    {1e-310, 26.644806559364764782},
    {2.5e-308, 26.541065375311491094},
    {1e-300, 26.209469960516123886},
    {1e-296, 26.03330001549462385},
    {3e-296, 26.012206880244496265},
    {1e-290, 25.766790135462426599},
    {1e-280, 25.316382655498500753},
    {1e-270, 24.857828342233131512},
    {1e-260, 24.390668705356510911},
    {1e-250, 23.91440058030219256},
    {1e-240, 23.428469787342090139},
    {3e-233, 23.058455687664808965},
    {1e-230, 22.932263584618740637},
    {1e-220, 22.425101622351567994},
    {1e-210, 21.9062250175804943},
    {1e-200, 21.374783049026257632},
    {1e-190, 20.829816806148438755},
    {1e-180, 20.270238894432722063},
    {1e-170, 19.694807968282611699},
    {1e-160, 19.102096383273482413},
    {1e-150, 18.490448550008625706},
    {3e-144, 18.083273087549142041},
    {1e-140, 17.857926498927625076},
    {1e-130, 17.202237502693405412},
    {1e-120, 16.5206359534465745},
    {1e-110, 15.80978733532492255},
    {1e-100, 15.065574702592645704},
    {1e-90, 14.282814856162775311},
    {3e-89, 14.163542906956317161},
    {1e-80, 13.454826697932684994},
    {1e-70, 12.572745194632571574},
    {1e-60, 11.624369672300389505},
    {2.9999999999999998e-55, 11.070810817089030786},
    {1e-50, 10.592090169527365189},
    {1e-40, 9.4487897667208582662},
    {3e-34, 8.6287432912904798401},
    {1e-30, 8.1486162231698646023},
    {2.9999999999999995e-21, 6.6911620994028147286},
    {1e-20, 6.6015806223551425656},
    {3.0000000000000003e-13, 5.1579174652221444319},
    {1e-10, 4.5728249673894852748},
    {3.0000000000000004e-08, 3.9183874771250861998},
    {3.0000000000000004e-05, 2.9510863503648987935},
    {0.003, 2.0985076117936708908},
    {0.03, 1.5344856217777181495},
    {0.1, 1.1630871536766740677},
    {0.3, 0.73286907795921686905},
    {0.30000000000000004, 0.73286907795921678488},
    {0.5, 0.47693627620446987338},
    {0.7, 0.27246271472675439801},
    {0.9, 0.088855990494257667182},
    {0.99, 0.0088625012809506057797},
    {0.999999, 8.8622692547847407147e-7},
    {0.9999999990686774, 8.2536314190622234144e-10},
    {0.9999999999999999, 9.839095376804141298e-17},
    {1.0000000000000002, -1.9678190753608282596e-16},
    {1.0000000009313226, -8.2536314190622234144e-10},
    {1.000001, -8.862269253800831177e-7},
    {1.2, -0.17914345462129163585},
    {1.5, -0.47693627620446987338},
    {1.8, -0.90619380243682330954},
    {1.999, -2.3267537655135465806},
    {1.9999999, -3.7665625814958154805},
    {1.9999999999990905, -5.0512540852493899671},
    {1.9999999999999998, -5.8050186831934533002},
};
#define N_ERFCINV_REF ((int)(sizeof erfcinv_ref / sizeof erfcinv_ref[0]))

Test(kosugi_special, erfcinv_matches_mpmath)
{
    double worst = 0.0;
    for (int i = 0; i < N_ERFCINV_REF; ++i) {
        const double y = erfcinv_ref[i][0], ref = erfcinv_ref[i][1];
        const double x = shp_erfcinv(y);
        const double e = rel_err(x, ref);
        cr_expect(e <= 1e-14, "erfcinv(%.17g) = %.17g, mpmath %.17g (rel %.2e)", y, x, ref, e);
        worst = fmax(worst, e);
    }
    cr_log_info("erfcinv vs mpmath: %d values, worst relative error %.2e\n", N_ERFCINV_REF, worst);
}

/* erfc(erfcinv(y)) = y. A relative error ε in x moves erfc by 2x²ε relative in the
 * tail, and erfc itself rounds, so the bound is (2 + 4x²) ulps (x correct to ~1 ulp). */
Test(kosugi_special, erfc_round_trip_over_300_decades)
{
    double worst = 0.0; /* in units of the bound's ulp factor */
    for (int k = 0; k <= 300 * 16; ++k) {
        const double y = pow(10.0, -k / 16.0);
        const double x = shp_erfcinv(y);
        cr_assert(isfinite(x) && x >= 0.0, "erfcinv(%g) = %g", y, x);
        const double tol = (2.0 + 4.0 * x * x) * 2.3e-16;
        const double e = rel_err(erfc(x), y);
        cr_expect(e <= tol, "y=%.17g: erfc(erfcinv(y)) = %.17g (rel %.2e, bound %.2e)", y, erfc(x),
                  e, tol);
        worst = fmax(worst, e / tol);
    }
    /* upper branch: y = 2 − 10^-k, then erfc(x) is near 2 and good to an ulp of 2 */
    for (int k = 1; k <= 15 * 16; ++k) {
        const double y = 2.0 - pow(10.0, -k / 16.0);
        const double x = shp_erfcinv(y);
        cr_assert(isfinite(x) && x < 0.0, "erfcinv(%.17g) = %g", y, x);
        cr_expect(fabs(erfc(x) - y) <= 1.0e-15, "y=%.17g: erfc(erfcinv(y)) = %.17g", y, erfc(x));
    }
    /* and x → erfc(x) → x where that is well conditioned (|x| ≥ 0.5, erfc(x) ≥ 1e-300) */
    for (int k = 0; k <= 2000; ++k) {
        const double x = 0.5 + k * (26.0 - 0.5) / 2000.0;
        const double xb = shp_erfcinv(erfc(x));
        cr_expect(rel_err(xb, x) <= 1e-14, "x=%.17g: erfcinv(erfc(x)) = %.17g", x, xb);
    }
    cr_log_info("erfc round trip: worst error %.2f of the (2 + 4x^2)-ulp bound\n", worst);
}

Test(kosugi_special, erfcinv_symmetry_and_special_values)
{
    cr_expect(shp_erfcinv(1.0) == 0.0);
    cr_expect(isinf(shp_erfcinv(0.0)) && shp_erfcinv(0.0) > 0.0);
    cr_expect(isinf(shp_erfcinv(-1.0)) && shp_erfcinv(-1.0) > 0.0);
    cr_expect(isinf(shp_erfcinv(2.0)) && shp_erfcinv(2.0) < 0.0);
    cr_expect(isinf(shp_erfcinv(3.0)) && shp_erfcinv(3.0) < 0.0);
    cr_expect(isnan(shp_erfcinv(NAN)));
    cr_expect(isfinite(shp_erfcinv(4.9406564584124654e-324)));
    cr_expect(isfinite(shp_erfcinv(2.0 - 2.220446049250313e-16)));
    /* erfcinv(2 − y) = −erfcinv(y) bit for bit where 2 − y is exact (1 ≤ 2 − y ≤ 2) */
    for (int k = 0; k <= 4000; ++k) {
        const double y = pow(10.0, -k / 250.0); /* 1 … 1e-16 */
        const double y2 = 2.0 - y;
        if (2.0 - y2 != y) continue; /* y not exactly representable as 2 − y2 */
        cr_expect(shp_erfcinv(y2) == -shp_erfcinv(y), "y=%.17g: %.17g vs %.17g", y,
                  shp_erfcinv(y2), shp_erfcinv(y));
    }
    /* strictly decreasing across the branch joins (0.5 and 1e-295) */
    const double joins[] = {0.5, 1.0, 1.5, SHP_ERFCINV_LOG_TAIL};
    for (int j = 0; j < 4; ++j) {
        double y = joins[j], prev = shp_erfcinv(nextafter(y, 0.0));
        for (int k = 0; k < 8; ++k) {
            const double x = shp_erfcinv(y);
            cr_expect(x <= prev, "erfcinv not monotone at %.17g", y);
            prev = x;
            y = nextafter(y, 3.0);
        }
    }
}

Test(kosugi_special, q_phi_mills)
{
    cr_expect(shp_q(0.0) == 0.5);
    cr_expect(rel_err(shp_q(-1.0) + shp_q(1.0), 1.0) < 1e-16);
    /* Q(37) ≈ 5.7e-300: the upper tail keeps its relative accuracy (mpmath) */
    cr_expect(rel_err(shp_q(37.0), 5.7255712225245768e-300) < 1e-13, "%.17g", shp_q(37.0));
    cr_expect(rel_err(shp_phi(1.0), 0.24197072451914337) < 1e-15);
    /* the Mills ratio against mpmath on both sides of its switch at z = 20 (direct
     * quotient below, good to ~2z² ulps; series above) and where Q underflows */
    cr_expect(rel_err(shp_mills(nextafter(20.0, 0.0)), shp_mills(20.0)) < 1e-13, "%.17g %.17g",
              shp_mills(nextafter(20.0, 0.0)), shp_mills(20.0));
    cr_expect(rel_err(shp_mills(19.5), 19.551015802580621) < 1e-13, "%.17g", shp_mills(19.5));
    cr_expect(rel_err(shp_mills(20.0), 20.049753068527851) < 1e-15, "%.17g", shp_mills(20.0));
    cr_expect(rel_err(shp_mills(26.0), 26.038348579495471) < 1e-15, "%.17g", shp_mills(26.0));
    cr_expect(rel_err(shp_mills(40.0), 40.024968847207264) < 1e-15, "%.17g", shp_mills(40.0));
    cr_expect(isfinite(shp_mills(1e6)) && rel_err(shp_mills(1e6), 1e6) < 1e-11);
    cr_expect(shp_mills(-40.0) >= 0.0 && shp_mills(-40.0) < 1e-300);
}

/* ------------------------------------------------------------------ reference values */

typedef struct {
    double h, theta, K, C;
} ref_row;

/* reference_values*.csv, "Kosugi[loam-like]" */
static const double kos_ref_p[SHP_KOS_NPARAM] = {0.078, 0.43, 50.0, 1.5, 24.96, 0.5};
static const ref_row kos_ref[] = {
    {5, 0.43, 24.96, 0},
    {0, 0.43, 24.96, 0},
    {-1e-06, 0.43, 24.96, 4.3816676754141463e-26},
    {-0.5, 0.42962339965622432, 22.127620175785724, 1.6813152842923297e-3},
    {-1, 0.42839718781872212, 18.679358468120852, 3.1216307307732723e-3},
    {-10, 0.3801410149153933, 2.5901419803183052, 5.2646904700304087e-3},
    {-100, 0.19134592861687389, 8.7643745185944841e-3, 8.413815901141422e-4},
    {-1000, 0.086062272089078279, 2.0883214554546523e-7, 1.2742129524069081e-5},
    {-15000, 0.078025208611203543, 6.888517497349521e-16, 4.5237765444546464e-9},
    {-100000.0, 0.0780000710274854, 7.3613525731314181e-24, 2.4867182316825888e-12},
    {-1000000.0, 0.078000000007123756, 8.1610469411009748e-36, 3.2045136903665208e-17},
};

/* "KosugiBimodal[FG2021 constrained, …]": the 9 bimodal parameters as the CSV gives
 * them (cm, cm/d) and the FG2021 set they were derived from */
static const double kos2_ref_p[SHP_KOS2_NPARAM] = {
    0.03471745720584042, 0.45, 0.405, 700.148563780443, 1.8, 1.0, 0.7675283643313485, 100.0, 0.5};
/* ψm at the "unique relationship" point √(10·100 mm) e^{3σ}: ∇ψm = (√1000 − 10)/90 */
#define FG_NORM_UNIQUE ((31.622776601683793 - 10.0) / 90.0)
static const double fg_ref_p[SHP_FG_NPARAM] = {0.45, 1.8,  FG_NORM_UNIQUE, 100.0, 0.9,
                                               0.5,  0.2,  100.0,          10.0};
static const ref_row kos2_hypix_ref[] = {
    {5, 0.45, 100.0, 0},
    {0, 0.45, 100.0, 0},
    {-1e-06, 0.45, 100.0, 1.2987194809716012e-23},
    {-0.5, 0.44174367945614404, 89.275643039872568, 0.03116409658262208},
    {-1, 0.42744944634453938, 81.612000125533523, 0.023498951321209728},
    {-10, 0.40168088367646594, 42.537307597008083, 5.3221006876109149e-4},
    {-100, 0.35323126840132406, 4.3537966432739995, 4.5744293039970728e-4},
    {-1000, 0.19079484380813117, 0.028556496756279152, 8.0473846553888884e-5},
    {-15000, 0.051132143919500574, 9.4143425535713458e-7, 1.2843151077021932e-6},
    {-100000.0, 0.035799242666607765, 3.0789795348266357e-11, 1.8376686817783992e-8},
    {-1000000.0, 0.034727537250443534, 3.1519255849073366e-18, 2.3854033430573755e-11},
};
static const ref_row kos2_mualem_ref[] = {
    {5, 0.45, 100.0, 0},
    {0, 0.45, 100.0, 0},
    {-1e-06, 0.45, 100.0, 1.2987194809716012e-23},
    {-0.5, 0.44174367945614404, 32.420963534821135, 0.03116409658262208},
    {-1, 0.42744944634453938, 6.2233353761515631, 0.023498951321209728},
    {-10, 0.40168088367646594, 0.086056866147393525, 5.3221006876109149e-4},
    {-100, 0.35323126840132406, 8.7622259914439343e-3, 4.5744293039970728e-4},
    {-1000, 0.19079484380813117, 5.7471328656376937e-5, 8.0473846553888884e-5},
    {-15000, 0.051132143919500574, 1.8946818988258557e-9, 1.2843151077021932e-6},
    {-100000.0, 0.035799242666607765, 6.1965949914136719e-14, 1.8376686817783992e-8},
    {-1000000.0, 0.034727537250443534, 6.3434024396154779e-21, 2.3854033430573755e-11},
};
#define N_REF ((int)(sizeof kos_ref / sizeof kos_ref[0]))

typedef struct {
    double theta, K, C;
} worst3;

/* One reference row: θ and C to 1e-12, K to 1e-10 relative; an exact 0 reference (C at
 * h ≥ 0) demands an exact 0. */
static void check_row(const char *what, const ref_row *r, double th, double K, double C,
                      worst3 *w)
{
    cr_expect(rel_err(th, r->theta) <= 1e-12, "%s h=%g: theta %.17g, reference %.17g (rel %.2e)",
              what, r->h, th, r->theta, rel_err(th, r->theta));
    cr_expect(rel_err(K, r->K) <= 1e-10, "%s h=%g: K %.17g, reference %.17g (rel %.2e)", what, r->h,
              K, r->K, rel_err(K, r->K));
    if (r->C == 0.0)
        cr_expect(C == 0.0, "%s h=%g: C %.17g, reference 0", what, r->h, C);
    else
        cr_expect(rel_err(C, r->C) <= 1e-12, "%s h=%g: C %.17g, reference %.17g (rel %.2e)", what,
                  r->h, C, r->C, rel_err(C, r->C));
    w->theta = fmax(w->theta, rel_err(th, r->theta));
    w->K = fmax(w->K, rel_err(K, r->K));
    if (r->C != 0.0) w->C = fmax(w->C, rel_err(C, r->C));
}

static void log_worst(const char *what, const worst3 *w)
{
    cr_log_info("%-26s worst relative error theta %.2e, K %.2e, C %.2e\n", what, w->theta, w->K,
                w->C);
}

Test(kosugi, unimodal_matches_reference)
{
    worst3 w = {0, 0, 0};
    for (int i = 0; i < N_REF; ++i) {
        double th, K, C, dK;
        shp_kosugi_eval(kos_ref_p, kos_ref[i].h, &th, &K, &C, &dK);
        check_row("kosugi", &kos_ref[i], th, K, C, &w);
        cr_expect(dK >= 0.0 && isfinite(dK));
    }
    log_worst("kosugi", &w);
}

Test(kosugi, bimodal_matches_reference)
{
    worst3 wh = {0, 0, 0}, wm = {0, 0, 0};
    for (int i = 0; i < N_REF; ++i) {
        double th, K, C, dK;
        cr_assert_eq(kos2_hypix_ref[i].h, kos2_mualem_ref[i].h);
        shp_kosugi2_eval(kos2_ref_p, kos2_hypix_ref[i].h, 0, &th, &K, &C, &dK);
        check_row("kosugi2_hypix", &kos2_hypix_ref[i], th, K, C, &wh);
        shp_kosugi2_eval(kos2_ref_p, kos2_mualem_ref[i].h, 1, &th, &K, &C, &dK);
        check_row("kosugi2_mualem", &kos2_mualem_ref[i], th, K, C, &wm);
    }
    log_worst("kosugi2_hypix", &wh);
    log_worst("kosugi2_mualem", &wm);
}

Test(kosugi, fg2021_maps_to_the_reference_parameters)
{
    double p2[SHP_KOS2_NPARAM];
    shp_kosugi2_fg2021_to_kosugi2(fg_ref_p, p2);
    /* θr and σMac exact to the CSV's digits; hm is given there to 15 digits */
    const double tol[SHP_KOS2_NPARAM] = {1e-15, 0, 1e-15, 1e-14, 0, 0, 5e-16, 0, 0};
    for (int k = 0; k < SHP_KOS2_NPARAM; ++k)
        cr_expect(rel_err(p2[k], kos2_ref_p[k]) <= tol[k], "parameter %d: %.17g, reference %.17g",
                  k, p2[k], kos2_ref_p[k]);
    double tmin, tmax;
    shp_kosugi2_fg2021_theta_limits(fg_ref_p, &tmin, &tmax);
    cr_expect(tmin == p2[SHP_KOS2_THETA_R] && tmax == 0.45);
}

Test(kosugi, fg2021_matches_reference)
{
    worst3 wh = {0, 0, 0}, wm = {0, 0, 0};
    for (int i = 0; i < N_REF; ++i) {
        double th, K, C, dK;
        shp_kosugi2_fg2021_eval(fg_ref_p, kos2_hypix_ref[i].h, 0, &th, &K, &C, &dK);
        check_row("kosugi2_fg2021", &kos2_hypix_ref[i], th, K, C, &wh);
        shp_kosugi2_fg2021_eval(fg_ref_p, kos2_mualem_ref[i].h, 1, &th, &K, &C, &dK);
        check_row("kosugi2_fg2021_mualem", &kos2_mualem_ref[i], th, K, C, &wm);
    }
    log_worst("kosugi2_fg2021", &wh);
    log_worst("kosugi2_fg2021_mualem", &wm);
}

/* ------------------------------------------------------------------ test materials */

/* Each model under test as one evaluator over a parameter vector. */
typedef enum { M_UNI, M_HYPIX, M_MUALEM, M_FG_HYPIX, M_FG_MUALEM } model_kind;

typedef struct {
    const char *name;
    model_kind kind;
    double p[SHP_FG_NPARAM]; /* the longest of the parameter vectors */
} kmat;

static void eval(const kmat *m, double h, double *th, double *K, double *C, double *dK)
{
    switch (m->kind) {
    case M_UNI: shp_kosugi_eval(m->p, h, th, K, C, dK); break;
    case M_HYPIX: shp_kosugi2_eval(m->p, h, 0, th, K, C, dK); break;
    case M_MUALEM: shp_kosugi2_eval(m->p, h, 1, th, K, C, dK); break;
    case M_FG_HYPIX: shp_kosugi2_fg2021_eval(m->p, h, 0, th, K, C, dK); break;
    case M_FG_MUALEM: shp_kosugi2_fg2021_eval(m->p, h, 1, th, K, C, dK); break;
    }
}

/* The reference sets, the corners of the FG2021 box (σ = 0.75 and 4, ∇ψm = 0 and 1,
 * η = 0.75 and 1), a narrow and a wide unimodal soil, l ≠ 0.5, and bimodal sets on
 * both sides of the macropore switch-off (θs − θsMacMat = 0.0005 and 0.002). */
static const kmat mats[] = {
    {"kosugi ref", M_UNI, {0.078, 0.43, 50.0, 1.5, 24.96, 0.5}},
    {"kosugi sand sigma 0.4", M_UNI, {0.03, 0.38, 15.0, 0.4, 700.0, 0.5}},
    {"kosugi clay sigma 3.5 l -1", M_UNI, {0.1, 0.5, 5000.0, 3.5, 2.0, -1.0}},
    {"kosugi2_hypix ref", M_HYPIX, {0.03471745720584042, 0.45, 0.405, 700.148563780443, 1.8, 1.0,
                                    0.7675283643313485, 100.0, 0.5}},
    {"kosugi2_mualem ref", M_MUALEM, {0.03471745720584042, 0.45, 0.405, 700.148563780443, 1.8, 1.0,
                                      0.7675283643313485, 100.0, 0.5}},
    {"kosugi2_hypix wide mac", M_HYPIX, {0.05, 0.5, 0.35, 2000.0, 2.5, 3.0, 1.5, 50.0, 1.0}},
    {"kosugi2_mualem wide mac", M_MUALEM, {0.05, 0.5, 0.35, 2000.0, 2.5, 3.0, 1.5, 50.0, 1.0}},
    {"kosugi2_hypix just bimodal", M_HYPIX, {0.05, 0.4, 0.398, 300.0, 1.2, 1.0, 0.5, 20.0, 0.5}},
    {"kosugi2_mualem switched off", M_MUALEM, {0.05, 0.4, 0.3995, 300.0, 1.2, 1.0, 0.5, 20.0, 0.5}},
    {"fg2021 ref", M_FG_HYPIX, {0.45, 1.8, FG_NORM_UNIQUE, 100.0, 0.9, 0.5, 0.2, 100.0, 10.0}},
    {"fg2021_mualem ref", M_FG_MUALEM,
     {0.45, 1.8, FG_NORM_UNIQUE, 100.0, 0.9, 0.5, 0.2, 100.0, 10.0}},
    {"fg2021 sigma 0.75 norm 0 eta 0.75", M_FG_HYPIX,
     {0.4, 0.75, 0.0, 500.0, 0.75, 0.5, 0.2, 100.0, 10.0}},
    {"fg2021_mualem sigma 4 norm 1 eta 1", M_FG_MUALEM,
     {0.55, 4.0, 1.0, 1.0, 1.0, 0.5, 0.2, 100.0, 10.0}},
    {"fg2021_mualem sigma 0.75 norm 1 eta 0.8", M_FG_MUALEM,
     {0.35, 0.75, 1.0, 30.0, 0.8, 0.5, 0.2, 150.0, 10.0}},
};
#define N_MATS ((int)(sizeof mats / sizeof mats[0]))

/* The same material with θr = 0 (θrMax = 0 for FG2021): θ = θs Se then keeps its
 * relative digits in the dry range, where θ − θr is what C differentiates. */
static kmat without_theta_r(const kmat *m)
{
    kmat z = *m;
    if (m->kind == M_FG_HYPIX || m->kind == M_FG_MUALEM) z.p[SHP_FG_THETA_R_MAX] = 0.0;
    else z.p[0] = 0.0;
    return z;
}

/* The registry row of a test material, for its validity check. */
static const shp_model_desc *row_of(model_kind k)
{
    switch (k) {
    case M_UNI: return &shp_row_kosugi;
    case M_HYPIX: return &shp_row_kosugi2_hypix;
    case M_MUALEM: return &shp_row_kosugi2_mualem;
    case M_FG_HYPIX: return &shp_row_kosugi2_fg2021;
    default: return &shp_row_kosugi2_fg2021_mualem;
    }
}

/* Valid by the row: each parameter's range, then the row's constraints. */
static int row_valid(const shp_model_desc *d, const double *p, char *msg, size_t len)
{
    char why[160];
    for (int k = 0; k < d->n_params; ++k)
        if (shp_param_check(&d->params[k], p[k], why, sizeof why) != 0) {
            snprintf(msg, len, "%s %s", d->params[k].name, why);
            return k;
        }
    return d->check ? d->check(p, msg, len) : -1;
}

Test(kosugi, test_materials_are_valid)
{
    for (int j = 0; j < N_MATS; ++j) {
        char msg[256] = "";
        cr_expect_eq(row_valid(row_of(mats[j].kind), mats[j].p, msg, sizeof msg), -1, "%s: %s",
                     mats[j].name, msg);
        const kmat z = without_theta_r(&mats[j]);
        cr_expect_eq(row_valid(row_of(z.kind), z.p, msg, sizeof msg), -1, "%s, theta_r 0: %s",
                     z.name, msg);
    }
}

/* ------------------------------------------------------------------ derivatives */

static double theta_at(const kmat *m, double h)
{
    double th, K, C, dK;
    eval(m, h, &th, &K, &C, &dK);
    return th;
}

static double K_at(const kmat *m, double h)
{
    double th, K, C, dK;
    eval(m, h, &th, &K, &C, &dK);
    return K;
}

/* Fourth-order centred difference with step d = 2e-4 |h| (truncation ≲ 1e-9 relative for
 * σ ≥ 0.4 over the sweep). */
static double fd4(double (*f)(const kmat *, double), const kmat *m, double h, double d)
{
    return (-f(m, h + 2 * d) + 8 * f(m, h + d) - 8 * f(m, h - d) + f(m, h - 2 * d)) / (12 * d);
}

/* log-spaced heads from −1e-3 to −1e6 cm, 8 per decade */
#define N_SWEEP (9 * 8 + 1)
static double sweep_h(int k) { return -pow(10.0, -3.0 + k / 8.0); }

typedef struct {
    int checked, strict;
    double worst;
} fd_tally;

/* |analytic − fd| ≤ 1e-6 |fd| + the round-off floor of the stencil (a few ulps of f over
 * d): where f is flat (θ → θs, K → Ks near saturation) no difference quotient resolves
 * f' better. Heads where the floor is negligible are counted as strict checks. */
static void fd_check(const char *what, const kmat *m, double (*f)(const kmat *, double), double h,
                     double analytic, fd_tally *t)
{
    const double d = 2e-4 * fabs(h);
    const double fd = fd4(f, m, h, d);
    const double floor = 2e-15 * fabs(f(m, h)) / d, strict = 1e-6 * fabs(fd);
    const double diff = fabs(analytic - fd);
    cr_expect(analytic >= 0.0 && diff <= strict + floor,
              "%s h=%g: %s %.15g, finite difference %.15g (rel %.2e, floor %.2e)", m->name, h, what,
              analytic, fd, diff / fabs(fd), floor / fabs(fd));
    ++t->checked;
    if (floor < 0.1 * strict) {
        ++t->strict;
        t->worst = fmax(t->worst, diff / fabs(fd));
    }
}

Test(kosugi, C_and_dK_match_finite_differences)
{
    double worst_C = 0.0, worst_dK = 0.0;
    for (int j = 0; j < N_MATS; ++j) {
        const kmat z = without_theta_r(&mats[j]);
        fd_tally tc = {0, 0, 0.0}, tk = {0, 0, 0.0};
        for (int k = 0; k < N_SWEEP; ++k) {
            const double h = sweep_h(k);
            double th, K, C, dK;
            eval(&z, h, &th, &K, &C, &dK);
            fd_check("C", &z, theta_at, h, C, &tc);
            eval(&mats[j], h, &th, &K, &C, &dK);
            if (K_at(&mats[j], 1.0004 * h) > 1e-290) fd_check("dK/dh", &mats[j], K_at, h, dK, &tk);
        }
        /* the floor may excuse only the flat wet end, never most of the sweep */
        cr_expect(tc.strict >= tc.checked / 2 && tk.strict >= tk.checked / 2,
                  "%s: strict checks C %d/%d, dK %d/%d", mats[j].name, tc.strict, tc.checked,
                  tk.strict, tk.checked);
        worst_C = fmax(worst_C, tc.worst);
        worst_dK = fmax(worst_dK, tk.worst);
        cr_log_info("%-40s C %d/%d strict (worst %.2e), dK/dh %d/%d strict (worst %.2e)\n",
                    mats[j].name, tc.strict, tc.checked, tc.worst, tk.strict, tk.checked, tk.worst);
    }
    cr_log_info("finite differences: worst strict relative difference C %.2e, dK/dh %.2e\n",
                worst_C, worst_dK);
}

/* ------------------------------------------------------------------ whole range */

/* θ and K never rise as the soil dries, stay in [θr, θs] and [0, Ks], C and dK/dh are
 * ≥ 0, all finite, from h = −1e-12 to −1e12 cm; h ≥ 0 is saturated. */
Test(kosugi, monotone_bounded_finite_from_1e_minus12_to_1e12)
{
    for (int j = 0; j < N_MATS; ++j) {
        const kmat *m = &mats[j];
        double tr, ts, Ks;
        if (m->kind == M_FG_HYPIX || m->kind == M_FG_MUALEM) {
            shp_kosugi2_fg2021_theta_limits(m->p, &tr, &ts);
            Ks = m->p[SHP_FG_KS];
        } else {
            tr = m->p[0];
            ts = m->p[1];
            Ks = m->kind == M_UNI ? m->p[SHP_KOS_KS] : m->p[SHP_KOS2_KS];
        }
        const double hs[] = {0.0, 1e-300, 5.0};
        for (int k = 0; k < 3; ++k) {
            double th, K, C, dK;
            eval(m, hs[k], &th, &K, &C, &dK);
            cr_expect(th == ts && K == Ks && C == 0.0 && dK == 0.0, "%s h=%g: saturated branch",
                      m->name, hs[k]);
        }
        double th_prev = ts, K_prev = Ks;
        for (int k = 0; k <= 24 * 20; ++k) {
            const double h = -pow(10.0, -12.0 + k / 20.0);
            double th, K, C, dK;
            eval(m, h, &th, &K, &C, &dK);
            cr_assert(isfinite(th) && isfinite(K) && isfinite(C) && isfinite(dK),
                      "%s h=%g: theta %g K %g C %g dK %g", m->name, h, th, K, C, dK);
            cr_expect(th <= th_prev && K <= K_prev, "%s h=%g: theta %.17g (before %.17g), K %.17g "
                      "(before %.17g)", m->name, h, th, th_prev, K, K_prev);
            cr_expect(th >= tr && th <= ts && K >= 0.0 && K <= Ks && C >= 0.0 && dK >= 0.0,
                      "%s h=%g: theta %g K %g C %g dK %g out of range", m->name, h, th, K, C, dK);
            th_prev = th;
            K_prev = K;
        }
        /* continuous at saturation: θ(−1e-12) and K(−1e-12) are θs and Ks within 1e-9
         * (1 − Q(z+σ) is ~1e-11 at −1e-12 cm for σ = 3.5, hm = 50 m) */
        double th, K, C, dK;
        eval(m, -1e-12, &th, &K, &C, &dK);
        cr_expect(rel_err(th, ts) < 1e-9 && rel_err(K, Ks) < 1e-9, "%s: theta %.17g K %.17g at "
                  "h = -1e-12", m->name, th, K);
    }
}

/* ------------------------------------------------------------------ inverse */

Test(kosugi, unimodal_h_of_se_round_trip)
{
    const double *p = kos_ref_p;
    /* dry half: Se → h → Se (the well-conditioned direction for Se ≤ 0.5) */
    double worst = 0.0;
    for (int k = 0; k <= 300 * 8; ++k) {
        const double se = 0.5 * pow(10.0, -k / 8.0);
        const double h = shp_kosugi_h_of_se(p, se);
        cr_assert(isfinite(h) && h < 0.0, "Se=%g: h %g", se, h);
        const double back = shp_q(log(-h / p[SHP_KOS_HM]) / p[SHP_KOS_SIGMA]);
        worst = fmax(worst, rel_err(back, se));
        cr_expect(rel_err(back, se) <= 1e-12, "Se=%.17g: h %.17g gives Se %.17g", se, h, back);
    }
    /* wet half: h → Se → h (well conditioned where dSe/dh is not vanishing) */
    for (int k = 0; k <= 8 * 8; ++k) {
        const double h = -pow(10.0, -1.0 + k / 8.0);
        double th, K, C, dK;
        shp_kosugi_eval(p, h, &th, &K, &C, &dK);
        const double se = shp_q(log(-h / p[SHP_KOS_HM]) / p[SHP_KOS_SIGMA]);
        const double hb = shp_kosugi_h_of_se(p, se);
        /* |dh| ≈ ulp(Se)/|dSe/dh| */
        const double tol = 1e-13 * fabs(h) + 4.0 * 1.1e-16 * (p[SHP_KOS_THETA_S] - p[0]) / C;
        cr_expect(fabs(hb - h) <= tol, "h=%.17g: Se %.17g gives h %.17g", h, se, hb);
    }
    /* consistent with θ from shp_kosugi_eval at a dry and a wet head */
    double th, K, C, dK;
    shp_kosugi_eval(p, -1000.0, &th, &K, &C, &dK);
    cr_expect(rel_err(shp_kosugi_h_of_se(p, (th - p[0]) / (p[1] - p[0])), -1000.0) < 1e-11);
    cr_expect(shp_kosugi_h_of_se(p, 1.0) == 0.0 && shp_kosugi_h_of_se(p, 1.5) == 0.0);
    cr_expect(isinf(shp_kosugi_h_of_se(p, 0.0)) && shp_kosugi_h_of_se(p, 0.0) < 0.0);
    cr_expect(isnan(shp_kosugi_h_of_se(p, NAN)));
    cr_expect(rel_err(shp_kosugi_h_of_se(p, 0.5), -p[SHP_KOS_HM]) < 1e-15, "h(Se=0.5) = -hm");
    cr_log_info("shp_kosugi_h_of_se: worst Se round trip %.2e\n", worst);
}

/* ------------------------------------------------------------------ FG2021 */

/* The table of docs/models-reference.md (kosugi2_fg2021), θrMax = 0.2: θr(σ) and Ψm
 * min/max/"unique" [mm], each to half a unit of the last digit given there. */
Test(kosugi, fg2021_bounds_table)
{
    static const struct {
        double sigma, theta_r, psi_min, psi_max, psi_unique;
        double d_tr, d_min, d_max, d_uni; /* half a unit of the last digit given */
    } t[] = {
        {0.75, 0, 94.88, 948.8, 300.0, 0, 0.005, 0.05, 0.05},
        {1.0, 1.225e-4, 200.9, 2008.6, 635.2, 0.0005e-4, 0.05, 0.05, 0.05},
        {1.5, 0.009684, 900.2, 9001.7, 2846.6, 0.0000005, 0.05, 0.05, 0.05},
        {1.8, 0.034717, 2214.1, 22140.6, 7001.5, 0.0000005, 0.05, 0.05, 0.05},
        {2.0, 0.063631, 4034.3, 40342.9, 12757.5, 0.0000005, 0.05, 0.05, 0.05},
        {2.5, 0.15407, 18080, 180804, 57175, 0.000005, 0.5, 0.5, 0.5},
        {3.0, 0.19641, 81031, 810308, 256242, 0.000005, 0.5, 0.5, 0.5},
        {4.0, 0.2, 1.6275e6, 1.6275e7, 5.1468e6, 0, 0.00005e6, 0.00005e7, 0.00005e6},
    };
    for (int i = 0; i < (int)(sizeof t / sizeof t[0]); ++i) {
        const double s = t[i].sigma;
        const double tr = shp_kosugi2_fg2021_theta_r(s, 0.2);
        const double pmin = shp_kosugi2_fg2021_psi_m(s, 0.0, 100.0);
        const double pmax = shp_kosugi2_fg2021_psi_m(s, 1.0, 100.0);
        const double puni = shp_kosugi2_fg2021_psi_m(s, FG_NORM_UNIQUE, 100.0);
        cr_expect(fabs(tr - t[i].theta_r) <= t[i].d_tr + 1e-16, "sigma %g: theta_r %.9g", s, tr);
        cr_expect(fabs(pmin - t[i].psi_min) <= t[i].d_min, "sigma %g: psi_m min %.9g", s, pmin);
        cr_expect(fabs(pmax - t[i].psi_max) <= t[i].d_max, "sigma %g: psi_m max %.9g", s, pmax);
        cr_expect(fabs(puni - t[i].psi_unique) <= t[i].d_uni, "sigma %g: psi_m unique %.9g", s,
                  puni);
    }
    /* the ends exactly: θr(σMin) = 0, θr(σMax) = θrMax */
    cr_expect(shp_kosugi2_fg2021_theta_r(0.75, 0.2) == 0.0);
    cr_expect(rel_err(shp_kosugi2_fg2021_theta_r(4.0, 0.2), 0.2) < 1e-15);
}

/* The constraint constants are millimetres: a set evaluated in mm (len_mm = 1, h and hm
 * in mm, Ks in mm/d) or in m (len_mm = 1000) is the same soil as in cm. */
Test(kosugi, fg2021_is_unit_consistent)
{
    double pmm[SHP_FG_NPARAM], pm[SHP_FG_NPARAM];
    memcpy(pmm, fg_ref_p, sizeof pmm);
    memcpy(pm, fg_ref_p, sizeof pm);
    pmm[SHP_FG_KS] = 10.0 * fg_ref_p[SHP_FG_KS];
    pmm[SHP_FG_LEN_MM] = 1.0;
    pm[SHP_FG_KS] = 0.01 * fg_ref_p[SHP_FG_KS];
    pm[SHP_FG_LEN_MM] = 1000.0;
    for (int i = 0; i < N_REF; ++i) {
        const double h = kos2_mualem_ref[i].h;
        for (int mu = 0; mu < 2; ++mu) {
            double th, K, C, dK, thm, Km, Cm, dKm, th2, K2, C2, dK2;
            shp_kosugi2_fg2021_eval(fg_ref_p, h, mu, &th, &K, &C, &dK);
            shp_kosugi2_fg2021_eval(pmm, 10.0 * h, mu, &thm, &Km, &Cm, &dKm);
            shp_kosugi2_fg2021_eval(pm, 0.01 * h, mu, &th2, &K2, &C2, &dK2);
            cr_expect(rel_err(thm, th) < 1e-13 && rel_err(Km, 10.0 * K) < 1e-12 &&
                          rel_err(10.0 * Cm, C) < 1e-12,
                      "mm, h = %g cm", h);
            cr_expect(rel_err(th2, th) < 1e-13 && rel_err(K2, 0.01 * K) < 1e-12 &&
                          rel_err(0.01 * C2, C) < 1e-12,
                      "m, h = %g cm", h);
        }
    }
    /* and not what a unit-naive √ψmacMat in cm would give: hmMac = 1 cm, not √10 cm */
    double p2[SHP_KOS2_NPARAM];
    shp_kosugi2_fg2021_to_kosugi2(fg_ref_p, p2);
    cr_expect(p2[SHP_KOS2_HMMAC] == 1.0);
    cr_expect(rel_err(p2[SHP_KOS2_SIGMAMAC], log(100.0) / 6.0) < 1e-16);
}

/* ------------------------------------------------------------------ macropore switch */

/* θs − θsMacMat ≤ 0.001: the macropore water joins the matrix mode, so the soil is the
 * unimodal Kosugi soil (θr, θs, hm, σ), with θ, C and both K forms identical to it; at
 * 0.002 the macropore mode is back. */
Test(kosugi, macropore_switch_off_is_the_unimodal_model)
{
    const double p2[SHP_KOS2_NPARAM] = {0.05, 0.4, 0.3995, 300.0, 1.2, 1.0, 0.5, 20.0, 0.5};
    const double p1[SHP_KOS_NPARAM] = {0.05, 0.4, 300.0, 1.2, 20.0, 0.5};
    for (int k = 0; k <= 15 * 4; ++k) {
        const double h = -pow(10.0, -3.0 + k / 4.0);
        double t1, K1, C1, d1;
        shp_kosugi_eval(p1, h, &t1, &K1, &C1, &d1);
        for (int mu = 0; mu < 2; ++mu) {
            double t2, K2, C2, d2;
            shp_kosugi2_eval(p2, h, mu, &t2, &K2, &C2, &d2);
            cr_expect(rel_err(t2, t1) < 1e-15 && rel_err(K2, K1) < 1e-14 &&
                          rel_err(C2, C1) < 1e-14 && rel_err(d2, d1) < 1e-13,
                      "mualem=%d h=%g: %.17g %.17g %.17g %.17g vs %.17g %.17g %.17g %.17g", mu, h,
                      t2, K2, C2, d2, t1, K1, C1, d1);
        }
    }
    /* just above the threshold the second mode counts: at h = −1 cm = −hmMac (ψ ≪ hm) the
     * macropore mode has lost half its water, 0.002/2 */
    const double pb[SHP_KOS2_NPARAM] = {0.05, 0.4, 0.398, 300.0, 1.2, 1.0, 0.5, 20.0, 0.5};
    double th, K, C, dK;
    shp_kosugi2_eval(pb, -1.0, 0, &th, &K, &C, &dK);
    cr_expect(fabs((0.4 - th) - 0.002 * 0.5) < 1e-4, "theta %.17g", th);
}

/* ------------------------------------------------------------------ registry rows */

Test(kosugi, rows_name_the_reference_keys_in_enum_order)
{
    const shp_model_desc *u = &shp_row_kosugi;
    cr_expect_str_eq(u->name, "kosugi");
    cr_expect_eq(u->id, SHP_MODEL_KOSUGI);
    cr_expect_eq(u->n_params, SHP_KOS_NPARAM);
    const char *uk[] = {"theta_r", "theta_s", "hm", "sigma", "Ks", "l"};
    for (int k = 0; k < SHP_KOS_NPARAM; ++k) cr_expect_str_eq(u->params[k].name, uk[k]);

    const char *bk[] = {"theta_r", "theta_s", "theta_sMacMat", "hm", "sigma", "hmMac", "sigmaMac",
                        "Ks", "l"};
    const shp_model_desc *b[] = {&shp_row_kosugi2_hypix, &shp_row_kosugi2_mualem};
    const shp_model_id bid[] = {SHP_MODEL_KOSUGI2_HYPIX, SHP_MODEL_KOSUGI2_MUALEM};
    for (int j = 0; j < 2; ++j) {
        cr_expect_eq(b[j]->id, bid[j]);
        cr_expect_eq(b[j]->n_params, SHP_KOS2_NPARAM);
        for (int k = 0; k < SHP_KOS2_NPARAM; ++k) cr_expect_str_eq(b[j]->params[k].name, bk[k]);
    }
    cr_expect_str_eq(shp_row_kosugi2_hypix.name, "kosugi2_hypix");
    cr_expect_str_eq(shp_row_kosugi2_mualem.name, "kosugi2_mualem");

    const char *fk[] = {"theta_s", "sigma", "psi_m_norm", "Ks", "eta", "l", "theta_r_max",
                        "psi_macmat_mm", "len_mm"};
    const shp_model_desc *f[] = {&shp_row_kosugi2_fg2021, &shp_row_kosugi2_fg2021_mualem};
    const shp_model_id fid[] = {SHP_MODEL_KOSUGI2_FG2021, SHP_MODEL_KOSUGI2_FG2021_MUALEM};
    for (int j = 0; j < 2; ++j) {
        cr_expect_eq(f[j]->id, fid[j]);
        cr_expect_eq(f[j]->n_params, SHP_FG_NPARAM);
        for (int k = 0; k < SHP_FG_NPARAM; ++k) cr_expect_str_eq(f[j]->params[k].name, fk[k]);
        /* the unit trap: psi_macmat_mm is always mm, len_mm scales as 1/L */
        cr_expect_eq(f[j]->params[SHP_FG_PSI_MACMAT_MM].dim_L, 0);
        cr_expect_eq(f[j]->params[SHP_FG_LEN_MM].dim_L, -1);
        cr_expect(f[j]->params[SHP_FG_LEN_MM].has_default &&
                  f[j]->params[SHP_FG_LEN_MM].def == 10.0);
        cr_expect(f[j]->params[SHP_FG_L].fixed && f[j]->params[SHP_FG_THETA_R_MAX].fixed &&
                  f[j]->params[SHP_FG_PSI_MACMAT_MM].fixed && f[j]->params[SHP_FG_LEN_MM].fixed);
        cr_expect(!f[j]->params[SHP_FG_SIGMA].fixed && !f[j]->params[SHP_FG_ETA].fixed);
    }
    cr_expect_str_eq(shp_row_kosugi2_fg2021.name, "kosugi2_fg2021");
    cr_expect_str_eq(shp_row_kosugi2_fg2021_mualem.name, "kosugi2_fg2021_mualem");

    /* every row: bounds valid values, defaults valid, K form and source stated */
    const shp_model_desc *all[] = {&shp_row_kosugi, &shp_row_kosugi2_hypix, &shp_row_kosugi2_mualem,
                                   &shp_row_kosugi2_fg2021, &shp_row_kosugi2_fg2021_mualem};
    for (int j = 0; j < 5; ++j) {
        cr_expect(all[j]->title && all[j]->source && all[j]->k_form && all[j]->check);
        for (int k = 0; k < all[j]->n_params; ++k) {
            const shp_param_info *q = &all[j]->params[k];
            char msg[160];
            cr_expect(q->bound_lo <= q->bound_hi, "%s.%s", all[j]->name, q->name);
            cr_expect_eq(shp_param_check(q, q->bound_lo, msg, sizeof msg), 0, "%s.%s: %s",
                         all[j]->name, q->name, msg);
            cr_expect_eq(shp_param_check(q, q->bound_hi, msg, sizeof msg), 0, "%s.%s: %s",
                         all[j]->name, q->name, msg);
            if (q->has_default)
                cr_expect_eq(shp_param_check(q, q->def, msg, sizeof msg), 0, "%s.%s: %s",
                             all[j]->name, q->name, msg);
        }
    }
    /* the toolbox Ks range, 5.6e-5–0.0834 mm/s, in cm/min */
    cr_expect(rel_err(shp_row_kosugi.params[SHP_KOS_KS].bound_lo, 5.6e-5 * 0.1 * 60.0) < 1e-12);
    cr_expect(rel_err(shp_row_kosugi.params[SHP_KOS_KS].bound_hi, 0.0834 * 0.1 * 60.0) < 1e-12);
}

Test(kosugi, checks_reject_bad_sets)
{
    char msg[256];
    /* unimodal: θr < θs */
    const double u_bad[SHP_KOS_NPARAM] = {0.45, 0.43, 50.0, 1.5, 24.96, 0.5};
    cr_expect_eq(row_valid(&shp_row_kosugi, u_bad, msg, sizeof msg), SHP_KOS_THETA_R);
    cr_expect(strstr(msg, "theta_r") != NULL, "%s", msg);
    const double u_sig[SHP_KOS_NPARAM] = {0.05, 0.43, 50.0, 0.0, 24.96, 0.5};
    cr_expect_eq(row_valid(&shp_row_kosugi, u_sig, msg, sizeof msg), SHP_KOS_SIGMA);
    cr_expect(strstr(msg, "sigma") != NULL, "%s", msg);
    const double u_hm[SHP_KOS_NPARAM] = {0.05, 0.43, -5.0, 1.5, 24.96, 0.5};
    cr_expect_eq(row_valid(&shp_row_kosugi, u_hm, msg, sizeof msg), SHP_KOS_HM);

    /* bimodal: θr < θsMacMat ≤ θs */
    const shp_model_desc *b[] = {&shp_row_kosugi2_hypix, &shp_row_kosugi2_mualem};
    for (int j = 0; j < 2; ++j) {
        double p[SHP_KOS2_NPARAM];
        memcpy(p, kos2_ref_p, sizeof p);
        cr_expect_eq(row_valid(b[j], p, msg, sizeof msg), -1, "%s", msg);
        p[SHP_KOS2_THETA_SMACMAT] = 0.46; /* > θs */
        cr_expect_eq(row_valid(b[j], p, msg, sizeof msg), SHP_KOS2_THETA_SMACMAT);
        cr_expect(strstr(msg, "theta_sMacMat") != NULL, "%s", msg);
        p[SHP_KOS2_THETA_SMACMAT] = 0.03; /* < θr */
        cr_expect_eq(row_valid(b[j], p, msg, sizeof msg), SHP_KOS2_THETA_SMACMAT);
        cr_expect(strstr(msg, "theta_sMacMat") != NULL && strstr(msg, "theta_r") != NULL, "%s",
                  msg);
        p[SHP_KOS2_THETA_SMACMAT] = 0.45; /* = θs: unimodal, valid */
        cr_expect_eq(row_valid(b[j], p, msg, sizeof msg), -1, "%s", msg);
        p[SHP_KOS2_HMMAC] = 0.0;
        cr_expect_eq(row_valid(b[j], p, msg, sizeof msg), SHP_KOS2_HMMAC);
        p[SHP_KOS2_HMMAC] = 1.0;
        p[SHP_KOS2_THETA_R] = 0.5; /* ≥ θs */
        cr_expect_eq(row_valid(b[j], p, msg, sizeof msg), SHP_KOS2_THETA_R);
    }

    /* FG2021: σ ∈ [0.75, 4], ∇ψm ∈ [0, 1], η ∈ (0, 1], ψmacMat > 1 mm, θr(σ) < η θs */
    const shp_model_desc *f[] = {&shp_row_kosugi2_fg2021, &shp_row_kosugi2_fg2021_mualem};
    for (int j = 0; j < 2; ++j) {
        double p[SHP_FG_NPARAM];
        memcpy(p, fg_ref_p, sizeof p);
        cr_expect_eq(row_valid(f[j], p, msg, sizeof msg), -1, "%s", msg);
        p[SHP_FG_SIGMA] = 0.7;
        cr_expect_eq(row_valid(f[j], p, msg, sizeof msg), SHP_FG_SIGMA);
        cr_expect(strstr(msg, "sigma") != NULL, "%s", msg);
        p[SHP_FG_SIGMA] = 4.01;
        cr_expect_eq(row_valid(f[j], p, msg, sizeof msg), SHP_FG_SIGMA);
        p[SHP_FG_SIGMA] = 4.0;
        cr_expect_eq(row_valid(f[j], p, msg, sizeof msg), -1, "%s", msg);
        p[SHP_FG_PSI_M_NORM] = 1.01;
        cr_expect_eq(row_valid(f[j], p, msg, sizeof msg), SHP_FG_PSI_M_NORM);
        p[SHP_FG_PSI_M_NORM] = -0.01;
        cr_expect_eq(row_valid(f[j], p, msg, sizeof msg), SHP_FG_PSI_M_NORM);
        p[SHP_FG_PSI_M_NORM] = 0.0;
        p[SHP_FG_ETA] = 0.0;
        cr_expect_eq(row_valid(f[j], p, msg, sizeof msg), SHP_FG_ETA);
        p[SHP_FG_ETA] = 1.0001;
        cr_expect_eq(row_valid(f[j], p, msg, sizeof msg), SHP_FG_ETA);
        p[SHP_FG_ETA] = 1.0;
        cr_expect_eq(row_valid(f[j], p, msg, sizeof msg), -1, "%s", msg);
        p[SHP_FG_PSI_MACMAT_MM] = 1.0;
        cr_expect_eq(row_valid(f[j], p, msg, sizeof msg), SHP_FG_PSI_MACMAT_MM);
        p[SHP_FG_PSI_MACMAT_MM] = 100.0;
        p[SHP_FG_LEN_MM] = 0.0;
        cr_expect_eq(row_valid(f[j], p, msg, sizeof msg), SHP_FG_LEN_MM);
        p[SHP_FG_LEN_MM] = 10.0;
        /* θr(4) = 0.2 ≥ η θs = 0.75·0.25 */
        p[SHP_FG_THETA_S] = 0.25;
        p[SHP_FG_ETA] = 0.75;
        cr_expect_eq(row_valid(f[j], p, msg, sizeof msg), SHP_FG_ETA);
        cr_expect(strstr(msg, "eta") != NULL && strstr(msg, "theta_r") != NULL, "%s", msg);
        p[SHP_FG_SIGMA] = 1.0; /* θr(1) = 1.2e-4: fine again */
        cr_expect_eq(row_valid(f[j], p, msg, sizeof msg), -1, "%s", msg);
    }
}
