/* Hydraulic models against reference values and against themselves.
 *
 * - Every model's θ, K, C at every row of tests/data/reference_values*.csv (θ and C to
 *   1e-12 relative, K to 1e-10 relative — FXW K to 1e-9, a quadrature check; an exact 0
 *   where the reference is 0, i.e. C at h ≥ 0).
 * - For every model: dK/dh against a fourth-order centred finite difference of K
 *   (relative 1e-6) from h = −1e-3 to −1e5 cm and C against the same difference of θ;
 *   θ = θs, K = Ks, C = dK = 0 for h ≥ 0; θ and K monotone and bounded to h = −1e12;
 *   the inverse h(θ) round trips (1e-10 plus the conditioning near saturation).
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

/* The reference files' model keys, the registry model each one checks, and the
 * tolerance on K: 1e-10 where the reference K is a closed form; the FXW K rows are a
 * quadrature of Mualem's integral on the capillary part (docs/models-reference.md, `fxw`), a
 * check of our own quadrature only. */
static const struct {
    const char *key, *model;
    double k_rtol;
    int rows1, rows2; /* rows expected in reference_values.csv and the extended file */
} ref_models[] = {
    {"VGM", "vgm", 1e-10, 15, 33},
    {"BC", "brooks_corey", 1e-10, 5, 11},
    {"CH", "clapp_hornberger", 1e-10, 5, 11},
    {"Kosugi", "kosugi", 1e-10, 5, 11},
    {"KosugiBimodal_FG2021_toolboxK", "kosugi2_hypix", 1e-10, 5, 11},
    {"KosugiBimodal_FG2021_MualemK", "kosugi2_mualem", 1e-10, 5, 11},
    {"DurnerBimodalVG", "durner", 1e-10, 5, 11},
    {"PDI_VG", "pdi", 1e-10, 5, 11},
    {"FXW", "fxw", 1e-9, 10, 22},
};
#define N_REF_MODELS ((int)(sizeof ref_models / sizeof ref_models[0]))

/* A material of registry model `name` from a params_json object: every parameter by
 * its config key, or its default when the reference leaves it out. */
static shp_material material_from_json(const char *name, const cJSON *par, int lineno)
{
    const shp_model_desc *d = shp_model_find(name);
    cr_assert_not_null(d, "line %d: model %s is not registered", lineno, name);
    shp_material m;
    shp_model_material_init(d, &m);
    for (int k = 0; k < d->n_params; ++k) {
        const cJSON *it = cJSON_GetObjectItemCaseSensitive(par, d->params[k].name);
        if (cJSON_IsNumber(it)) m.p[k] = it->valuedouble;
        cr_assert(isfinite(m.p[k]), "line %d: params_json has no '%s' for %s", lineno,
                  d->params[k].name, name);
    }
    char msg[256];
    cr_assert_eq(shp_model_validate(&m, msg, sizeof msg), 0, "line %d: %s", lineno, msg);
    return m;
}

typedef struct {
    int rows[N_REF_MODELS];
    double worst_theta[N_REF_MODELS], worst_K[N_REF_MODELS], worst_C[N_REF_MODELS];
} ref_tally;

/* Check every row of one file against shp_hyd_eval. */
static void check_reference_file(const char *path, ref_tally *t)
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

    int lineno = 1;
    while (fgets(line, sizeof line, f)) {
        ++lineno;
        if (line[0] == '\n' || line[0] == '\0') continue;
        const int nf = csv_split(line, field, CSV_MAX_FIELDS);
        cr_assert(nf == nh, "%s:%d: %d fields, header has %d", path, lineno, nf, nh);
        int j = 0;
        while (j < N_REF_MODELS && strcmp(ref_models[j].key, field[c_model]) != 0) ++j;
        cr_assert(j < N_REF_MODELS, "%s:%d: unknown reference model %s", path, lineno,
                  field[c_model]);

        cJSON *par = cJSON_Parse(field[c_par]);
        cr_assert_not_null(par, "%s:%d: params_json is not JSON", path, lineno);
        const shp_material m = material_from_json(ref_models[j].model, par, lineno);
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
        cr_expect(rel_close(K, K_ref, ref_models[j].k_rtol),
                  "%s:%d %s h=%g: K %.17g, reference %.17g (rel %.2e)", path, lineno, name, h, K,
                  K_ref, rel_err(K, K_ref));
        cr_expect(rel_close(C, C_ref, 1e-12), "%s:%d %s h=%g: C %.17g, reference %.17g (rel %.2e)",
                  path, lineno, name, h, C, C_ref, rel_err(C, C_ref));
        if (th_ref != 0.0) t->worst_theta[j] = fmax(t->worst_theta[j], rel_err(th, th_ref));
        if (K_ref != 0.0) t->worst_K[j] = fmax(t->worst_K[j], rel_err(K, K_ref));
        if (C_ref != 0.0) t->worst_C[j] = fmax(t->worst_C[j], rel_err(C, C_ref));
        t->rows[j]++;
    }
    fclose(f);
}

Test(hydraulics, every_model_matches_the_reference_values)
{
    ref_tally t1, t2;
    memset(&t1, 0, sizeof t1);
    memset(&t2, 0, sizeof t2);
    check_reference_file("data/reference_values.csv", &t1);
    check_reference_file("data/reference_values_extended.csv", &t2);
    for (int j = 0; j < N_REF_MODELS; ++j) {
        cr_expect_eq(t1.rows[j], ref_models[j].rows1, "reference_values.csv: %d %s rows, expected %d",
                     t1.rows[j], ref_models[j].key, ref_models[j].rows1);
        cr_expect_eq(t2.rows[j], ref_models[j].rows2,
                     "reference_values_extended.csv: %d %s rows, expected %d", t2.rows[j],
                     ref_models[j].key, ref_models[j].rows2);
        cr_log_info("%-30s %2d + %2d rows: worst relative error theta %.2e, K %.2e, C %.2e\n",
                    ref_models[j].model, t1.rows[j], t2.rows[j],
                    fmax(t1.worst_theta[j], t2.worst_theta[j]), fmax(t1.worst_K[j], t2.worst_K[j]),
                    fmax(t1.worst_C[j], t2.worst_C[j]));
    }
}

/* ------------------------------------------------------------------ materials */

/* The materials the generic checks sweep: every model of the library (fixtures.h),
 * each checked valid by the registry. */
#define MAX_MATS LIBRARY_MAX
static int test_materials(shp_material *m, const char **name)
{
    const int k = library_materials(m, name);
    int kept = 0;
    for (int j = 0; j < k; ++j) {
        char msg[256];
        cr_assert_eq(shp_model_validate(&m[j], msg, sizeof msg), 0, "%s: %s", name[j], msg);
        m[kept] = m[j];
        name[kept++] = name[j];
    }
    return kept;
}

/* The head down to which a model stays saturated (0, or its air-entry head). */
static double h_sat(const shp_material *m) { return shp_hyd_h_of_se(m, 1.0); }

static double Ks_of(const shp_material *m)
{
    return m->p[shp_model_param_index(shp_model_by_id(m->model), "Ks")];
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

/* Gardner's e^{αh} underflows below αh ≈ −708: no derivative to check there. The
 * air-entry models are constant above their air-entry head and kinked at it: no
 * derivative where the stencil reaches it. */
static int sweep_skip(const shp_material *m, double h)
{
    if (m->model == SHP_MODEL_GARDNER && m->p[SHP_GAR_ALPHA] * h < -700.0) return 1;
    return h - 2.5 * fd_step(m, h) >= h_sat(m) * (1.0 + 1e-9);
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
    shp_material m[MAX_MATS];
    const char *name[MAX_MATS];
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
    shp_material m[MAX_MATS];
    const char *name[MAX_MATS];
    const int nm = test_materials(m, name);
    for (int j = 0; j < nm; ++j) {
        /* as given, and with θr = 0 so that θ = θs Se keeps its digits in the dry range
         * (C scales with θs − θr and is otherwise independent of θr) */
        const int ir = shp_model_param_index(shp_model_by_id(m[j].model), "theta_r");
        for (int variant = 0; variant < 2; ++variant) {
            shp_material mv = m[j];
            if (variant && ir < 0) continue;
            if (variant) mv.p[ir] = 0.0;
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
    shp_material m[MAX_MATS];
    const char *name[MAX_MATS];
    const int nm = test_materials(m, name);
    const double hs[] = {0.0, 1e-12, 2.0, 500.0};
    for (int j = 0; j < nm; ++j) {
        double tmin, ts;
        shp_hyd_theta_limits(&m[j], &tmin, &ts);
        cr_expect(tmin >= 0.0 && tmin < ts, "%s: theta limits %g %g", name[j], tmin, ts);
        for (int k = 0; k < 4; ++k) {
            double th, K, C, dK;
            shp_hyd_eval(&m[j], hs[k], &th, &K, &C, &dK);
            cr_expect(th == ts, "%s h=%g: theta %.17g != theta_s", name[j], hs[k], th);
            cr_expect(K == Ks_of(&m[j]) && C == 0.0 && dK == 0.0, "%s h=%g: K %g C %g dK %g",
                      name[j], hs[k], K, C, dK);
        }
    }
}

/* θ and K never rise as the soil dries, stay within [θmin, θs] and [0, Ks], and are
 * finite, from h = −1e-9 to −1e12 cm (past the oven-dry h0 of PDI and FXW). */
Test(hydraulics, monotone_and_bounded_over_the_whole_range)
{
    shp_material m[MAX_MATS];
    const char *name[MAX_MATS];
    const int nm = test_materials(m, name);
    for (int j = 0; j < nm; ++j) {
        double tmin, ts, th_prev = HUGE_VAL, K_prev = HUGE_VAL;
        shp_hyd_theta_limits(&m[j], &tmin, &ts);
        for (int k = 0; k <= 21 * 40; ++k) {
            const double h = -pow(10.0, -9.0 + k / 40.0);
            double th, K, C, dK;
            shp_hyd_eval(&m[j], h, &th, &K, &C, &dK);
            cr_assert(isfinite(th) && isfinite(K) && isfinite(C) && isfinite(dK),
                      "%s h=%g: theta %g K %g C %g dK %g", name[j], h, th, K, C, dK);
            cr_expect(th <= th_prev && K <= K_prev, "%s h=%g: theta %.17g (before %.17g), K %.17g "
                      "(before %.17g)", name[j], h, th, th_prev, K, K_prev);
            cr_expect(th >= tmin && th <= ts && K >= 0.0 && K <= Ks_of(&m[j]) && C >= 0.0 &&
                          dK >= 0.0,
                      "%s h=%g: theta %g K %g C %g dK %g out of range", name[j], h, th, K, C, dK);
            th_prev = th;
            K_prev = K;
        }
    }
}

/* ------------------------------------------------------------------ inverse */

Test(hydraulics, h_of_se_inverts_theta)
{
    shp_material m[MAX_MATS];
    const char *name[MAX_MATS];
    const int nm = test_materials(m, name);
    for (int j = 0; j < nm; ++j) {
        double tmin, ts;
        shp_hyd_theta_limits(&m[j], &tmin, &ts);
        double worst_se = 0.0, worst_h = 0.0;
        /* Se → h → Se over Se ∈ [1e-6, 1 − 1e-9] */
        for (int k = 0; k <= 60; ++k) {
            const double se = k <= 30 ? pow(10.0, -6.0 + 6.0 * k / 30.0) * (1.0 - 1e-9)
                                      : 1.0 - pow(10.0, -9.0 + 8.0 * (60 - k) / 30.0);
            const double h = shp_hyd_h_of_se(&m[j], se);
            cr_expect(h < 0.0 && isfinite(h), "%s: h_of_se(%g) = %g", name[j], se, h);
            const double se_back = (theta_of(&m[j], h) - tmin) / (ts - tmin);
            cr_expect(fabs(se_back - se) <= 1e-10 * se, "%s: Se %.17g → h %.17g → Se %.17g", name[j],
                      se, h, se_back);
            worst_se = fmax(worst_se, fabs(se_back - se) / se);
        }
        /* h → θ → h over h ∈ [−1e5, −1e-1]; with θr = 0 where θr is a parameter, so that
         * Se = θ/θs is formed without the cancellation of θ − θr */
        shp_material m0 = m[j];
        const int ir = shp_model_param_index(shp_model_by_id(m[j].model), "theta_r");
        if (ir >= 0 && m0.model != SHP_MODEL_PDI) m0.p[ir] = 0.0;
        double tmin0, ts0;
        shp_hyd_theta_limits(&m0, &tmin0, &ts0);
        for (int k = 0; k <= 48; ++k) {
            const double h = -pow(10.0, -1.0 + 6.0 * k / 48.0);
            const double th = theta_of(&m0, h);
            if (th >= ts0) continue;     /* above air entry: every such h maps to θs */
            if (th - tmin0 < 1e-300 * ts0) continue; /* Gardner's e^{αh} underflows */
            const double h_back = shp_hyd_h_of_theta(&m0, th);
            /* near saturation h(θ) is ill-conditioned: a relative change ε of θ − θmin
             * moves h by κ ε with κ = (θ − θmin) / (C |h|), and rounding θ costs ε ≈
             * 1e-16 θ/(θ − θmin); allow that on top of the 1e-10 */
            double t, K, C, dK;
            shp_hyd_eval(&m0, h, &t, &K, &C, &dK);
            const double kappa = (th - tmin0) / (C * fabs(h)) * (th / (th - tmin0));
            const double tol = 1e-10 + 4e-16 * kappa;
            cr_expect(fabs(h_back - h) <= tol * fabs(h),
                      "%s: h %.17g → theta %.17g → h %.17g (rel %.2e, condition %.2e)", name[j], h,
                      th, h_back, fabs(h_back - h) / fabs(h), kappa);
            worst_h = fmax(worst_h, fabs(h_back - h) / fabs(h));
        }
        const double hs = shp_hyd_h_of_se(&m[j], 1.0);
        cr_expect(hs <= 0.0 && theta_of(&m[j], hs) == ts, "%s: h_of_se(1) = %g", name[j], hs);
        cr_expect(shp_hyd_h_of_theta(&m[j], tmin) == -HUGE_VAL, "%s: h_of_theta(theta_min)", name[j]);
        cr_expect(isnan(shp_hyd_h_of_theta(&m[j], NAN)), "%s: h_of_theta(NaN)", name[j]);
        cr_log_info("inverse round trips, %s: worst Se %.2e, worst h %.2e\n", name[j], worst_se,
                    worst_h);
    }
}

Test(hydraulics, ponded_loam_initial_head)
{
    /* reference_values.md §1: Se = 0.4 in the loam ↔ h_i = −135.435 cm, θ_i = 0.2188 */
    const shp_material loam = shp_material_vgm(0.078, 0.43, 0.036, 1.56, 0.01733, 0.5);
    const double h = shp_hyd_h_of_se(&loam, 0.4);
    cr_expect(fabs(h + 135.435) < 5e-4, "h_of_se(0.4) = %.6f, reference_values.md says -135.435", h);
    cr_expect(fabs(theta_of(&loam, h) - 0.2188) < 5e-5,
              "theta_i = %.6f, reference_values.md says 0.2188", theta_of(&loam, h));
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
    /* reference_values.md §2 quotes θ at the top (h = −20.7 cm) as 0.2676 */
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

/* Vogel et al. (2001): with h_s → 0⁻ the air-entry variant is VGM; at h_s it meets θs
 * and Ks continuously; below, Se = Γ(ψ)/Γ(|h_s|) exactly. */
Test(hydraulics, vgm_ae_limits_and_continuity)
{
    const shp_material vg = shp_material_vgm(0.078, 0.43, 0.036, 1.56, 24.96, 0.5);
    double p[SHP_VGMAE_NPARAM] = {0.078, 0.43, 0.036, 1.56, 24.96, 0.5, -1e-30};
    const shp_material ae0 = shp_material_make(SHP_MODEL_VGM_AE, p);
    p[SHP_VGMAE_HS] = -2.0;
    const shp_material ae = shp_material_make(SHP_MODEL_VGM_AE, p);
    for (int k = 0; k <= 40; ++k) {
        const double h = -pow(10.0, -1.0 + 6.0 * k / 40.0);
        double t0, K0, C0, d0, t1, K1, C1, d1;
        shp_hyd_eval(&vg, h, &t0, &K0, &C0, &d0);
        shp_hyd_eval(&ae0, h, &t1, &K1, &C1, &d1);
        cr_expect(rel_close(t1, t0, 1e-13) && rel_close(K1, K0, 1e-12) && rel_close(C1, C0, 1e-12) &&
                      rel_close(d1, d0, 1e-11),
                  "h=%g: vgm_ae(h_s=-1e-30) %.17g %.17g %.17g vs vgm %.17g %.17g %.17g", h, t1, K1, C1,
                  t0, K0, C0);
        /* Se = Γ(ψ)/Γ(2): θ − θr scales by 1/Γ(2) against plain VGM */
        shp_hyd_eval(&ae, h, &t1, &K1, &C1, &d1);
        double ts2, K2, C2, d2;
        shp_hyd_eval(&vg, -2.0, &ts2, &K2, &C2, &d2);
        const double gs = (ts2 - 0.078) / (0.43 - 0.078);
        if (h < -2.0)
            cr_expect(rel_close(t1 - 0.078, (t0 - 0.078) / gs, 1e-12), "h=%g: Se scaling", h);
    }
    double th, K, C, dK;
    shp_hyd_eval(&ae, -2.0 * (1.0 + 1e-12), &th, &K, &C, &dK);
    cr_expect(fabs(th - 0.43) < 1e-12 && fabs(K / 24.96 - 1.0) < 1e-9,
              "just below h_s: theta %.17g, K %.17g", th, K);
    /* n = 1.09: dK/dh stays bounded near saturation (VGM's grows without bound) */
    const double pc[SHP_VGMAE_NPARAM] = {0.068, 0.38, 0.008, 1.09, 4.80, 0.5, -2.0};
    const shp_material clay = shp_material_make(SHP_MODEL_VGM_AE, pc);
    shp_hyd_eval(&clay, -2.0 - 1e-9, &th, &K, &C, &dK);
    cr_expect(dK < 1.0, "vgm_ae clay: dK/dh just below h_s = %g per cm", dK);
}
