/* Hydraulic models against reference values and against themselves.
 *
 * - VGM θ, K, C at every VGM row of tests/data/reference_values*.csv (θ and C to 1e-12
 *   relative, K to 1e-10 relative; an exact 0 where the reference is 0, i.e. C at h ≥ 0).
 * - dK/dh of VGM, Haverkamp and Gardner against a fourth-order centred finite difference
 *   of K (relative 1e-6) from h = −1e-3 to −1e5 cm; C against the same difference of θ.
 * - shp_hyd_h_of_se inverts θ(h) (round trip to 1e-10).
 * - Haverkamp and Gardner against their closed forms written out here with pow()/exp(),
 *   independently of the headers' exp(log) formulation.
 *
 * Run from tests/ (make test does): the CSV paths are relative to it. */
#include <criterion/criterion.h>
#include <criterion/logging.h>

#include "fixtures.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shpfit/physics/hydraulics.h"

/* ------------------------------------------------------------------ CSV reading */

#define CSV_MAX_FIELDS 16
#define CSV_MAX_LINE 8192

/* Split one CSV line in place (RFC 4180 quoting: "..." with "" for a quote).
 * Returns the number of fields, or −1 on a malformed line. */
static int csv_split(char *line, char **field, int max_fields)
{
    int nf = 0;
    char *p = line;
    for (;;) {
        if (nf == max_fields) return -1;
        if (*p == '"') {
            char *out = ++p;
            field[nf++] = out;
            for (;;) {
                if (*p == '\0') return -1; /* unterminated quote */
                if (*p == '"') {
                    if (p[1] == '"') {
                        *out++ = '"';
                        p += 2;
                        continue;
                    }
                    ++p;
                    break;
                }
                *out++ = *p++;
            }
            *out = '\0';
            if (*p == ',') {
                ++p;
                continue;
            }
            if (*p == '\0' || *p == '\n' || *p == '\r') return nf;
            return -1;
        }
        field[nf++] = p;
        while (*p && *p != ',' && *p != '\n' && *p != '\r') ++p;
        if (*p == ',') {
            *p++ = '\0';
            continue;
        }
        *p = '\0';
        return nf;
    }
}

static int csv_column(char **field, int nf, const char *name)
{
    for (int i = 0; i < nf; ++i)
        if (strcmp(field[i], name) == 0) return i;
    return -1;
}

static double parse_number(const char *s, const char *what, int lineno)
{
    char *end;
    const double v = strtod(s, &end);
    cr_assert(end != s && *end == '\0', "line %d: %s is not a number: '%s'", lineno, what, s);
    return v;
}

static double json_number(const cJSON *obj, const char *key, int lineno)
{
    const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, key);
    cr_assert(cJSON_IsNumber(it), "line %d: params_json has no number '%s'", lineno, key);
    return it->valuedouble;
}

/* Relative closeness; an exact 0 reference demands an exact 0 (C and dK at h ≥ 0). */
static int rel_close(double got, double ref, double rtol)
{
    if (ref == 0.0) return got == 0.0;
    return fabs(got - ref) <= rtol * fabs(ref);
}

static double rel_err(double got, double ref)
{
    return ref == 0.0 ? fabs(got) : fabs(got - ref) / fabs(ref);
}

/* Check every VGM row of one file; returns the number of VGM rows checked. */
static int check_vgm_file(const char *path, double *worst_theta, double *worst_K, double *worst_C)
{
    FILE *f = fopen(path, "r");
    cr_assert_not_null(f, "cannot open %s (tests run from tests/)", path);
    char line[CSV_MAX_LINE];
    char *field[CSV_MAX_FIELDS];
    cr_assert_not_null(fgets(line, sizeof line, f), "%s: empty file", path);
    const int nh = csv_split(line, field, CSV_MAX_FIELDS);
    cr_assert(nh >= 6, "%s: bad header", path);
    const int c_model = csv_column(field, nh, "model"), c_par = csv_column(field, nh, "params_json");
    const int c_h = csv_column(field, nh, "h_cm"), c_th = csv_column(field, nh, "theta");
    const int c_K = csv_column(field, nh, "K"), c_C = csv_column(field, nh, "C");
    cr_assert(c_model >= 0 && c_par >= 0 && c_h >= 0 && c_th >= 0 && c_K >= 0 && c_C >= 0,
              "%s: header lacks model/params_json/h_cm/theta/K/C", path);

    int rows = 0, lineno = 1;
    while (fgets(line, sizeof line, f)) {
        ++lineno;
        if (line[0] == '\n' || line[0] == '\0') continue;
        const int nf = csv_split(line, field, CSV_MAX_FIELDS);
        cr_assert(nf == nh, "%s:%d: %d fields, header has %d", path, lineno, nf, nh);
        if (strcmp(field[c_model], "VGM") != 0) continue;

        cJSON *par = cJSON_Parse(field[c_par]);
        cr_assert_not_null(par, "%s:%d: params_json is not JSON", path, lineno);
        shp_material m;
        memset(&m, 0, sizeof m);
        m.model = SHP_MODEL_VGM;
        m.p[SHP_VGM_THETA_R] = json_number(par, "theta_r", lineno);
        m.p[SHP_VGM_THETA_S] = json_number(par, "theta_s", lineno);
        m.p[SHP_VGM_ALPHA] = json_number(par, "alpha", lineno);
        m.p[SHP_VGM_N] = json_number(par, "n", lineno);
        m.p[SHP_VGM_KS] = json_number(par, "Ks", lineno);
        m.p[SHP_VGM_L] = json_number(par, "l", lineno);
        const cJSON *label = cJSON_GetObjectItemCaseSensitive(par, "label");
        char name[128];
        snprintf(name, sizeof name, "%s", cJSON_IsString(label) ? label->valuestring : "?");
        cJSON_Delete(par);

        const double h = parse_number(field[c_h], "h_cm", lineno);
        const double th_ref = parse_number(field[c_th], "theta", lineno);
        const double K_ref = parse_number(field[c_K], "K", lineno);
        const double C_ref = parse_number(field[c_C], "C", lineno);
        double th, K, C, dK;
        shp_hyd_eval(&m, h, &th, &K, &C, &dK);

        cr_expect(rel_close(th, th_ref, 1e-12), "%s:%d %s h=%g: theta %.17g, reference %.17g (rel %.2e)",
                  path, lineno, name, h, th, th_ref, rel_err(th, th_ref));
        cr_expect(rel_close(K, K_ref, 1e-10), "%s:%d %s h=%g: K %.17g, reference %.17g (rel %.2e)",
                  path, lineno, name, h, K, K_ref, rel_err(K, K_ref));
        cr_expect(rel_close(C, C_ref, 1e-12), "%s:%d %s h=%g: C %.17g, reference %.17g (rel %.2e)",
                  path, lineno, name, h, C, C_ref, rel_err(C, C_ref));
        if (th_ref != 0.0) *worst_theta = fmax(*worst_theta, rel_err(th, th_ref));
        if (K_ref != 0.0) *worst_K = fmax(*worst_K, rel_err(K, K_ref));
        if (C_ref != 0.0) *worst_C = fmax(*worst_C, rel_err(C, C_ref));
        ++rows;
    }
    fclose(f);
    return rows;
}

Test(hydraulics, vgm_reference_values)
{
    double wt = 0.0, wk = 0.0, wc = 0.0;
    const int n1 = check_vgm_file("data/reference_values.csv", &wt, &wk, &wc);
    const int n2 = check_vgm_file("data/reference_values_extended.csv", &wt, &wk, &wc);
    /* 3 soils (C&P loam, clay n = 1.09, sand) × 5 heads, and × 11 heads from +5 to −1e6 */
    cr_expect_eq(n1, 15, "reference_values.csv: %d VGM rows, expected 15", n1);
    cr_expect_eq(n2, 33, "reference_values_extended.csv: %d VGM rows, expected 33", n2);
    cr_log_info("VGM reference rows %d + %d: worst relative error theta %.2e, K %.2e, C %.2e\n", n1,
                n2, wt, wk, wc);
}

/* ------------------------------------------------------------------ materials */

/* The materials the derivative checks sweep: every model, n from 1.09 to 3, l ≠ 0.5. */
static int test_materials(shp_material *m, const char **name)
{
    int k = 0;
    name[k] = "VGM loam (C&P)";
    m[k++] = shp_material_vgm(0.078, 0.43, 0.036, 1.56, 24.96, 0.5);
    name[k] = "VGM clay n=1.09";
    m[k++] = shp_material_vgm(0.068, 0.38, 0.008, 1.09, 4.80, 0.5);
    name[k] = "VGM sand n=2.68";
    m[k++] = shp_material_vgm(0.045, 0.43, 0.145, 2.68, 712.8, 0.5);
    name[k] = "VGM n=2 l=-1";
    m[k++] = shp_material_vgm(0.102, 0.368, 0.0335, 2.0, 0.00922, -1.0);
    name[k] = "VGM n=3 l=1.5";
    m[k++] = shp_material_vgm(0.045, 0.43, 0.15, 3.0, 1000.0, 1.5);
    name[k] = "Haverkamp (Celia sand)";
    m[k++] = haverkamp_celia();
    name[k] = "Gardner (Srivastava-Yeh)";
    m[k++] = gardner_sy();
    return k;
}

static double K_of(const shp_material *m, double h)
{
    double th, K, C, dK;
    shp_hyd_eval(m, h, &th, &K, &C, &dK);
    return K;
}

static double theta_of(const shp_material *m, double h)
{
    double th, K, C, dK;
    shp_hyd_eval(m, h, &th, &K, &C, &dK);
    return th;
}

/* Fourth-order centred difference of f at h with step d (all points stay below 0). */
static double fd4(double (*f)(const shp_material *, double), const shp_material *m, double h,
                  double d)
{
    return (-f(m, h + 2 * d) + 8 * f(m, h + d) - 8 * f(m, h - d) + f(m, h - 2 * d)) / (12 * d);
}

/* The step: relative to |h| for the power-law models, capped at 0.05 cm for Gardner's
 * exponential (scale 1/α = 10 cm), where a relative step would leave truncation ~1e-6. */
static double fd_step(const shp_material *m, double h)
{
    const double d = 1e-3 * fabs(h);
    return m->model == SHP_MODEL_GARDNER ? fmin(d, 0.05) : d;
}

/* Round-off floor of fd4: each f carries a few ulps of |f|, and the stencil weighs them by
 * (1 + 8 + 8 + 1)/12 d. Where f is nearly constant (K → Ks near saturation, θ → θr in the
 * dry range with θr > 0) this floor exceeds 1e-6 |f'|, and no difference quotient can
 * resolve f' better: the checks there fall back to the floor, and the points where the
 * strict 1e-6 applies are counted and reported. */
static double fd_floor(double f, double d) { return 2e-15 * fabs(f) / d; }

/* log-spaced heads from −1e-3 to −1e5 cm, 8 per decade */
#define N_SWEEP (8 * 8 + 1)
static double sweep_h(int k) { return -pow(10.0, -3.0 + k / 8.0); }

/* Gardner's e^{αh} underflows below αh ≈ −708: no derivative to check there. */
static int sweep_skip(const shp_material *m, double h)
{
    return m->model == SHP_MODEL_GARDNER && m->p[SHP_GAR_ALPHA] * h < -700.0;
}

typedef struct {
    int checked, strict;
    double worst_strict; /* worst relative difference where the 1e-6 applies */
} fd_tally;

/* Compare an analytic derivative with fd4 of f at h: relative 1e-6, or the floor. */
static void fd_check(const char *what, const char *name, double (*f)(const shp_material *, double),
                     const shp_material *m, double h, double analytic, fd_tally *t)
{
    const double d = fd_step(m, h), fd = fd4(f, m, h, d);
    const double floor = fd_floor(f(m, h), d), strict = 1e-6 * fabs(fd);
    const double diff = fabs(analytic - fd);
    cr_expect(analytic > 0.0 && diff <= strict + floor,
              "%s h=%g: %s %.15g, finite difference %.15g (rel %.2e, round-off floor %.2e)", name, h,
              what, analytic, fd, diff / fabs(fd), floor / fabs(fd));
    ++t->checked;
    if (floor < 0.1 * strict) {
        ++t->strict;
        t->worst_strict = fmax(t->worst_strict, diff / fabs(fd));
    }
}

Test(hydraulics, dK_dh_matches_finite_difference)
{
    shp_material m[8];
    const char *name[8];
    const int nm = test_materials(m, name);
    for (int j = 0; j < nm; ++j) {
        fd_tally t = {0, 0, 0.0};
        for (int k = 0; k < N_SWEEP; ++k) {
            const double h = sweep_h(k);
            if (sweep_skip(&m[j], h)) continue;
            double th, K, C, dK;
            shp_hyd_eval(&m[j], h, &th, &K, &C, &dK);
            fd_check("dK/dh", name[j], K_of, &m[j], h, dK, &t);
        }
        /* the floor may excuse only the flat wet end, never most of the sweep */
        cr_expect(t.strict >= t.checked / 2, "%s: only %d of %d heads checked strictly", name[j],
                  t.strict, t.checked);
        cr_log_info("dK/dh vs FD, %s: %d/%d heads at 1e-6 (worst %.2e), the rest at the round-off floor\n",
                    name[j], t.strict, t.checked, t.worst_strict);
    }
}

Test(hydraulics, C_matches_finite_difference_of_theta)
{
    shp_material m[8];
    const char *name[8];
    const int nm = test_materials(m, name);
    for (int j = 0; j < nm; ++j) {
        /* as given, and with θr = 0 so that θ = θs Se keeps its digits in the dry range
         * (C scales with θs − θr and is otherwise independent of θr) */
        for (int variant = 0; variant < 2; ++variant) {
            shp_material mv = m[j];
            if (variant) mv.p[0] = 0.0;
            fd_tally t = {0, 0, 0.0};
            for (int k = 0; k < N_SWEEP; ++k) {
                const double h = sweep_h(k);
                if (sweep_skip(&mv, h)) continue;
                double th, K, C, dK;
                shp_hyd_eval(&mv, h, &th, &K, &C, &dK);
                fd_check("C", name[j], theta_of, &mv, h, C, &t);
            }
            if (variant)
                cr_expect(t.strict >= t.checked / 2, "%s: only %d of %d heads checked strictly",
                          name[j], t.strict, t.checked);
            cr_log_info("C vs FD of theta, %s%s: %d/%d heads at 1e-6 (worst %.2e)\n", name[j],
                        variant ? " with theta_r = 0" : "", t.strict, t.checked, t.worst_strict);
        }
    }
}

Test(hydraulics, saturated_branch)
{
    shp_material m[8];
    const char *name[8];
    const int nm = test_materials(m, name);
    const double hs[] = {0.0, 1e-12, 2.0, 500.0};
    for (int j = 0; j < nm; ++j)
        for (int k = 0; k < 4; ++k) {
            double th, K, C, dK;
            shp_hyd_eval(&m[j], hs[k], &th, &K, &C, &dK);
            cr_expect(th == m[j].p[1], "%s h=%g: theta %.17g != theta_s", name[j], hs[k], th);
            const double Ks = m[j].model == SHP_MODEL_VGM         ? m[j].p[SHP_VGM_KS]
                              : m[j].model == SHP_MODEL_HAVERKAMP ? m[j].p[SHP_HAV_KS]
                                                                  : m[j].p[SHP_GAR_KS];
            cr_expect(K == Ks && C == 0.0 && dK == 0.0, "%s h=%g: K %g C %g dK %g", name[j], hs[k], K,
                      C, dK);
        }
}

/* ------------------------------------------------------------------ inverse */

Test(hydraulics, h_of_se_inverts_theta)
{
    shp_material m[8];
    const char *name[8];
    const int nm = test_materials(m, name);
    for (int j = 0; j < nm; ++j) {
        const double tr = m[j].p[0], ts = m[j].p[1];
        double worst_se = 0.0, worst_h = 0.0;
        /* Se → h → Se over Se ∈ [1e-6, 1 − 1e-9] */
        for (int k = 0; k <= 60; ++k) {
            const double se = k <= 30 ? pow(10.0, -6.0 + 6.0 * k / 30.0) * (1.0 - 1e-9)
                                      : 1.0 - pow(10.0, -9.0 + 8.0 * (60 - k) / 30.0);
            const double h = shp_hyd_h_of_se(&m[j], se);
            cr_expect(h < 0.0 && isfinite(h), "%s: h_of_se(%g) = %g", name[j], se, h);
            const double se_back = (theta_of(&m[j], h) - tr) / (ts - tr);
            cr_expect(fabs(se_back - se) <= 1e-10 * se, "%s: Se %.17g → h %.17g → Se %.17g", name[j],
                      se, h, se_back);
            worst_se = fmax(worst_se, fabs(se_back - se) / se);
        }
        /* h → Se → h over h ∈ [−1e4, −1e-1], with θr = 0 so that Se = θ/θs is formed
         * without the cancellation of θ − θr (the inverse does not involve θr) */
        shp_material m0 = m[j];
        m0.p[0] = 0.0;
        for (int k = 0; k <= 40; ++k) {
            const double h = -pow(10.0, -1.0 + 5.0 * k / 40.0);
            const double se = theta_of(&m0, h) / ts;
            if (se < 1e-300) continue; /* Gardner: e^{αh} underflows below h ≈ −7000 */
            const double h_back = shp_hyd_h_of_se(&m0, se);
            /* near saturation h(Se) is ill-conditioned: a relative change ε of Se moves h
             * by κ ε with κ = Se (θs − θr) / (C |h|) (e.g. Haverkamp at h = −0.1: 1 − Se =
             * 7e-11, κ ≈ 4e9); allow that on top of the 1e-10 */
            double th, K, C, dK;
            shp_hyd_eval(&m0, h, &th, &K, &C, &dK);
            const double kappa = se * ts / (C * fabs(h));
            const double tol = 1e-10 + 4e-16 * kappa;
            cr_expect(fabs(h_back - h) <= tol * fabs(h),
                      "%s: h %.17g → Se %.17g → h %.17g (rel %.2e, condition %.2e)", name[j], h, se,
                      h_back, fabs(h_back - h) / fabs(h), kappa);
            worst_h = fmax(worst_h, fabs(h_back - h) / fabs(h));
        }
        cr_expect(shp_hyd_h_of_se(&m[j], 1.0) == 0.0, "%s: h_of_se(1) != 0", name[j]);
        cr_log_info("h_of_se round trips, %s: worst Se %.2e, worst h %.2e\n", name[j], worst_se,
                    worst_h);
    }
}

Test(hydraulics, ponded_loam_initial_head)
{
    /* benchmarks.md §1: Se = 0.4 in the loam ↔ h_i = −135.435 cm, θ_i = 0.2188 */
    const shp_material loam = shp_material_vgm(0.078, 0.43, 0.036, 1.56, 0.01733, 0.5);
    const double h = shp_hyd_h_of_se(&loam, 0.4);
    cr_expect(fabs(h + 135.435) < 5e-4, "h_of_se(0.4) = %.6f, benchmarks.md says -135.435", h);
    cr_expect(fabs(theta_of(&loam, h) - 0.2188) < 5e-5, "theta_i = %.6f, benchmarks.md says 0.2188",
              theta_of(&loam, h));
}

/* ------------------------------------------------------------------ closed forms */

Test(hydraulics, haverkamp_closed_form)
{
    const shp_material m = haverkamp_celia();
    const double tr = 0.075, ts = 0.287, A1 = 1.611e6, beta = 3.96, Ks = 0.00944, A = 1.175e6,
                 gam = 4.74;
    const double hs[] = {-1e-3, -1.0, -20.7, -40.0, -61.5, -100.0, -1000.0, -1e5};
    for (int k = 0; k < 8; ++k) {
        const double psi = -hs[k];
        const double pb = pow(psi, beta), pg = pow(psi, gam);
        const double th_x = tr + (ts - tr) * A1 / (A1 + pb);
        const double K_x = Ks * A / (A + pg);
        const double C_x = (ts - tr) * A1 * beta * pow(psi, beta - 1.0) / ((A1 + pb) * (A1 + pb));
        const double dK_x = Ks * A * gam * pow(psi, gam - 1.0) / ((A + pg) * (A + pg));
        double th, K, C, dK;
        shp_hyd_eval(&m, hs[k], &th, &K, &C, &dK);
        cr_expect(rel_close(th, th_x, 1e-13), "h=%g theta %.17g vs %.17g", hs[k], th, th_x);
        cr_expect(rel_close(K, K_x, 1e-13), "h=%g K %.17g vs %.17g", hs[k], K, K_x);
        cr_expect(rel_close(C, C_x, 1e-13), "h=%g C %.17g vs %.17g", hs[k], C, C_x);
        cr_expect(rel_close(dK, dK_x, 1e-13), "h=%g dK %.17g vs %.17g", hs[k], dK, dK_x);
        /* the inverse where 1 − Se keeps digits (h ≤ −20 cm here) */
        const double se = A1 / (A1 + pb);
        if (hs[k] <= -20.0)
            cr_expect(rel_close(shp_hyd_h_of_se(&m, se), hs[k], 1e-10), "h_of_se(%.17g) = %.17g, h %g",
                      se, shp_hyd_h_of_se(&m, se), hs[k]);
    }
    /* benchmarks.md §2 quotes θ at the top (h = −20.7 cm) as 0.2676 */
    cr_expect(fabs(theta_of(&m, -20.7) - 0.2676) < 5e-5, "theta(-20.7) = %.6f", theta_of(&m, -20.7));
}

Test(hydraulics, gardner_closed_form)
{
    const shp_material m = gardner_sy();
    const double tr = 0.06, ts = 0.40, a = 0.1, Ks = 1.0;
    const double hs[] = {-1e-3, -1.0, -7.2595, -23.0, -100.0, -1000.0};
    for (int k = 0; k < 6; ++k) {
        const double e = exp(a * hs[k]);
        const double th_x = tr + (ts - tr) * e, K_x = Ks * e, C_x = (ts - tr) * a * e, dK_x = a * Ks * e;
        double th, K, C, dK;
        shp_hyd_eval(&m, hs[k], &th, &K, &C, &dK);
        cr_expect(rel_close(th, th_x, 1e-14), "h=%g theta %.17g vs %.17g", hs[k], th, th_x);
        cr_expect(rel_close(K, K_x, 1e-14), "h=%g K %.17g vs %.17g", hs[k], K, K_x);
        cr_expect(rel_close(C, C_x, 1e-14), "h=%g C %.17g vs %.17g", hs[k], C, C_x);
        cr_expect(rel_close(dK, dK_x, 1e-14), "h=%g dK %.17g vs %.17g", hs[k], dK, dK_x);
        cr_expect(rel_close(shp_hyd_h_of_se(&m, e), hs[k], 1e-12), "h_of_se(%.17g) = %.17g, h %g", e,
                  shp_hyd_h_of_se(&m, e), hs[k]);
    }
}
