/* The Kirchhoff tables (physics/kirchhoff.h) and the "kirchhoff" face
 * (physics/node_assembly.h): Ψ differences against brute-force quadrature of K for every
 * model of the library, and the face's Newton derivatives against central differences. */
#include <criterion/criterion.h>
#include <criterion/logging.h>
#include <math.h>
#include <stdlib.h>

#include "fixtures.h"
#include "shpfit/core/column_core.h"

static double *build_table(const shp_material *m)
{
    double *tab = malloc(sizeof(double) * SHP_KIRCHHOFF_TABLE_DOUBLES);
    cr_assert(tab);
    const shp_team one = shp_team_single();
    shp_richards_build_tables(&one, m, 1, tab);
    return tab;
}

/* ∫_a^b K dh (a < b < 0) by composite 8-point Gauss–Legendre in u = ln(−h), 400 panels
 * per unit of u: an independent, much finer rule than the table's. */
static double k_integral(const shp_material *m, double a, double b)
{
    static const double x[8] = {-0.9602898564975363, -0.7966664774136267, -0.5255324099163290,
                                -0.1834346424956498, 0.1834346424956498,  0.5255324099163290,
                                0.7966664774136267,  0.9602898564975363};
    static const double w[8] = {0.1012285362903763, 0.2223810344533745, 0.3137066458778873,
                                0.3626837833783620, 0.3626837833783620, 0.3137066458778873,
                                0.2223810344533745, 0.1012285362903763};
    const double ua = log(-b), ub = log(-a);
    const int np = (int)ceil((ub - ua) * 400.0) + 1;
    const double d = (ub - ua) / np;
    double s = 0.0;
    for (int k = 0; k < np; ++k)
        for (int q = 0; q < 8; ++q) {
            const double u = ua + (k + 0.5 + 0.5 * x[q]) * d, e = exp(u);
            double th, K, C, dK;
            shp_hyd_eval(m, -e, &th, &K, &C, &dK);
            s += 0.5 * d * w[q] * K * e;
        }
    return s;
}

/* For every model: Ψ(h_b) − Ψ(h_a) = ∫_{h_a}^{h_b} K dh between heads 2 % to 10⁶-fold
 * apart, from 10⁻³ to 10⁸ length units, within 5e−7 of the integral plus 5e−13 of Ψ's
 * whole range (the rounding of the running sum, which only the tiny integrals of the dry
 * tail notice). The models whose K(h) has a kink, at an air-entry head (Brooks–Corey,
 * Clapp–Hornberger, VGM with air entry) or where it reaches zero at oven-dryness (PDI,
 * FXW), lose the quintic's order in the cell holding it: 2e−4 there. */
Test(kirchhoff, table_differences_match_quadrature_for_every_model, .timeout = 120)
{
    shp_material lib[LIBRARY_MAX];
    const char *name[LIBRARY_MAX];
    const int nm = library_materials(lib, name);
    static const double heads[] = {-1e-3, -0.05, -0.7, -1.0, -3.3, -10.0, -47.0, -100.0,
                                   -102.0, -850.0, -1e4, -2.2e5, -1e6, -1e8};
    const int nh = (int)(sizeof heads / sizeof heads[0]);
    double worst = 0.0, worst_kink = 0.0;
    for (int j = 0; j < nm; ++j) {
        double *tab = build_table(&lib[j]);
        const double range = shp_kirchhoff_eval(tab, heads[nh - 1]);
        cr_expect(range > 0.0 && isfinite(range), "%s: Ψ(−1e8) = %g", name[j], range);
        double prev = 0.0;
        for (int a = 0; a < nh; ++a) {
            const double pa = shp_kirchhoff_eval(tab, heads[a]);
            cr_expect(pa >= prev, "%s: Ψ must grow as h falls (h = %g)", name[j], heads[a]);
            prev = pa;
            for (int b = 0; b < a; ++b) {
                const double want = k_integral(&lib[j], heads[a], heads[b]);
                const double got = pa - shp_kirchhoff_eval(tab, heads[b]);
                const int kink = lib[j].model == SHP_MODEL_BROOKS_COREY ||
                                 lib[j].model == SHP_MODEL_CLAPP_HORNBERGER ||
                                 lib[j].model == SHP_MODEL_VGM_AE || lib[j].model == SHP_MODEL_PDI ||
                                 lib[j].model == SHP_MODEL_FXW;
                const double err = fabs(got - want) / (want + 1e-6 * range);
                if (kink) worst_kink = fmax(worst_kink, err);
                else worst = fmax(worst, err);
                cr_expect(err <= (kink ? 2e-4 : 5e-7),
                          "%s: ∫K dh over [%g, %g] = %.12g, table %.12g (rel %.2e)", name[j],
                          heads[a], heads[b], want, got, err);
            }
        }
        /* saturated heads: Ψ = −Ks h, continuous at 0 */
        double th, Ks, C, dK;
        shp_hyd_eval(&lib[j], 0.0, &th, &Ks, &C, &dK);
        cr_expect(fabs(shp_kirchhoff_eval(tab, 3.0) + 3.0 * Ks) <= 1e-15 * Ks, "%s", name[j]);
        cr_expect(fabs(shp_kirchhoff_eval(tab, -1e-12)) <= 1e-11 * Ks, "%s", name[j]);
        free(tab);
    }
    cr_log_info("Kirchhoff table vs quadrature, %d models: worst relative error %.2e (models "
                "with a kink in K: %.2e)", nm, worst, worst_kink);
}

/* The face's q and its Newton derivatives: central differences of q with Ψ, K and K'
 * re-evaluated at the moved head agree with dq/dh_i, dq/dh_j, on both branches (heads
 * far apart: the table; within 1 %: the corrected trapezoid, whose derivative leaves out
 * the K'' term, hence the looser bound there). */
Test(kirchhoff, face_derivatives_match_central_differences)
{
    const shp_material loam = shp_material_vgm(0.078, 0.43, 0.036, 1.56, 0.01733, 0.5);
    double *tab = build_table(&loam);
    static const double pairs[][2] = {{-5.0, -400.0}, {-30.0, -60.0}, {2.0, -40.0},
                                      {-100.0, -100.5}, {-10.0, -10.02}};
    for (size_t k = 0; k < sizeof pairs / sizeof pairs[0]; ++k) {
        const double hi = pairs[k][0], hj = pairs[k][1], dz = 0.7;
        const int near = k >= 3;
        shp_richards_face f;
        double d[2];
        for (int side = 0; side < 2; ++side) {
            double qq[2];
            for (int s = 0; s < 2; ++s) {
                double h[2] = {hi, hj}, th, K[2], C, dK[2], P[2];
                const double eps = 1e-6 * fmax(1.0, fabs(h[side]));
                h[side] += s ? eps : -eps;
                for (int q = 0; q < 2; ++q) {
                    shp_hyd_eval(&loam, h[q], &th, &K[q], &C, &dK[q]);
                    P[q] = shp_kirchhoff_eval(tab, h[q]);
                }
                const double kc = shp_kirchhoff_mean(tab, h[0], h[1], P[0], P[1]);
                qq[s] = shp_richards_face_kirchhoff(1, K[0], K[1], dK[0], dK[1], kc, K[0], K[1], h[0], h[1], dz).q;
                if (s) d[side] = (qq[1] - qq[0]) / (2.0 * eps);
            }
        }
        double th, K[2], C, dK[2], P[2];
        const double h[2] = {hi, hj};
        for (int q = 0; q < 2; ++q) {
            shp_hyd_eval(&loam, h[q], &th, &K[q], &C, &dK[q]);
            P[q] = shp_kirchhoff_eval(tab, h[q]);
        }
        f = shp_richards_face_kirchhoff(1, K[0], K[1], dK[0], dK[1],
                                        shp_kirchhoff_mean(tab, hi, hj, P[0], P[1]), K[0], K[1], hi,
                                        hj, dz);
        const double tol = near ? 1e-3 : 1e-6;
        cr_expect(fabs(f.dq_dhi - d[0]) <= tol * fabs(d[0]), "heads %g, %g: dq/dh_i %.10g, FD %.10g",
                  hi, hj, f.dq_dhi, d[0]);
        cr_expect(fabs(f.dq_dhj - d[1]) <= tol * fabs(d[1]), "heads %g, %g: dq/dh_j %.10g, FD %.10g",
                  hi, hj, f.dq_dhj, d[1]);
        /* the capillary part is the integral mean: between the two K values */
        const double kc = (f.q - (K[0] * K[0] * K[0] + K[1] * K[1] * K[1]) /
                                     (K[0] * K[0] + K[1] * K[1])) * dz / (hi - hj);
        cr_expect(kc <= fmax(K[0], K[1]) * (1 + 1e-12) && kc >= fmin(K[0], K[1]) * (1 - 1e-12),
                  "heads %g, %g: capillary conductance %g outside [K_j, K_i]", hi, hj, kc);
    }
    free(tab);
}

/* Equal heads: no capillary flux, the gravity flux is K itself (unit gradient). */
Test(kirchhoff, equal_heads_carry_k)
{
    const shp_material clay = shp_material_vgm(0.068, 0.38, 0.008, 1.09, 0.00333, 0.5);
    double th, K, C, dK;
    shp_hyd_eval(&clay, -250.0, &th, &K, &C, &dK);
    const shp_richards_face f = shp_richards_face_kirchhoff(1, K, K, dK, dK, K, K, K, -250.0, -250.0, 1.0);
    cr_expect(fabs(f.q - K) <= 1e-15 * K, "q %g, K %g", f.q, K);
}
