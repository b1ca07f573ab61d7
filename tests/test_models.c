/* The model registry: names, parameter tables, validity messages. */
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "shpfit/models.h"

/* Every model of shp_model_id has a row, in id order, with sane parameter data. */
Test(models, table_lists_every_model_in_id_order)
{
    cr_assert_eq(shp_model_count(), SHP_MODEL_COUNT);
    for (int i = 0; i < shp_model_count(); ++i) {
        const shp_model_desc *m = shp_model_info(i);
        cr_assert_not_null(m);
        cr_expect_eq((int)m->id, i, "row %d is %s", i, m->name);
        cr_expect_eq(shp_model_by_id(m->id), m);
        cr_expect_eq(shp_model_find(m->name), m);
        cr_expect(m->n_params > 0 && m->n_params <= SHP_MAX_PARAMS);
        cr_expect(m->title && m->source && m->k_form, "%s: title, source and k_form", m->name);
        for (int k = 0; k < m->n_params; ++k) {
            const shp_param_info *p = &m->params[k];
            cr_expect(p->bound_lo <= p->bound_hi, "%s.%s bounds", m->name, p->name);
            cr_expect_eq(shp_model_param_index(m, p->name), k, "%s.%s named twice", m->name,
                         p->name);
            /* default bounds and defaults must themselves be valid values */
            char msg[128];
            cr_expect_eq(shp_param_check(p, p->bound_hi, msg, sizeof msg), 0, "%s.%s: %s", m->name,
                         p->name, msg);
            cr_expect_eq(shp_param_check(p, p->bound_lo, msg, sizeof msg), 0, "%s.%s: %s", m->name,
                         p->name, msg);
            if (p->has_default)
                cr_expect_eq(shp_param_check(p, p->def, msg, sizeof msg), 0, "%s.%s: %s",
                             m->name, p->name, msg);
        }
    }
    cr_expect_null(shp_model_info(shp_model_count()));
    cr_expect_null(shp_model_info(-1));
}

Test(models, parameter_order_matches_the_physics_enums)
{
    const shp_model_desc *v = shp_model_find("vgm");
    cr_assert_not_null(v);
    cr_expect_eq(shp_model_param_index(v, "theta_r"), SHP_VGM_THETA_R);
    cr_expect_eq(shp_model_param_index(v, "theta_s"), SHP_VGM_THETA_S);
    cr_expect_eq(shp_model_param_index(v, "alpha"), SHP_VGM_ALPHA);
    cr_expect_eq(shp_model_param_index(v, "n"), SHP_VGM_N);
    cr_expect_eq(shp_model_param_index(v, "Ks"), SHP_VGM_KS);
    cr_expect_eq(shp_model_param_index(v, "l"), SHP_VGM_L);
    cr_expect_eq(shp_model_param_index(v, "theta_S"), -1);
    const shp_model_desc *h = shp_model_find("haverkamp");
    cr_expect_eq(shp_model_param_index(h, "A1"), SHP_HAV_A1);
    cr_expect_eq(shp_model_param_index(h, "beta"), SHP_HAV_BETA);
    cr_expect_eq(shp_model_param_index(h, "Ks"), SHP_HAV_KS);
    cr_expect_eq(shp_model_param_index(h, "A"), SHP_HAV_A);
    cr_expect_eq(shp_model_param_index(h, "gamma"), SHP_HAV_GAMMA);
    const shp_model_desc *g = shp_model_find("gardner");
    cr_expect_eq(shp_model_param_index(g, "alpha"), SHP_GAR_ALPHA);
    cr_expect_eq(shp_model_param_index(g, "Ks"), SHP_GAR_KS);
}

Test(models, find_by_name_and_alias_case_sensitive)
{
    cr_expect_eq(shp_model_find("vg"), shp_model_find("vgm"));
    cr_expect_null(shp_model_find("VGM"));
    cr_expect_eq(shp_model_find("bc"), shp_model_find("brooks_corey"));
    cr_expect_null(shp_model_find("Brooks_Corey"));
    cr_expect_null(shp_model_find(NULL));
    char buf[512];
    cr_expect(strncmp(shp_model_names(buf, sizeof buf), "vgm, haverkamp, gardner, vgm_ae, ", 33) == 0,
              "%s", buf);
    char small[12];
    cr_expect_str_eq(shp_model_names(small, sizeof small), "vgm, haverk", "truncated, terminated");
}

/* Whether [lo, hi] holds [a, b]. */
static int holds(const shp_param_info *p, double a, double b) { return p->bound_lo <= a && b <= p->bound_hi; }

/* The default inversion bounds span real soils: seed 002's Table 2 ranges (its four
 * soils), and the published fits of a uniform sand that narrower bounds pin (SWRC Fit's
 * Toyoura sand, Seki 2007: VG n 15.9, BC λ 7.0, LN σ 0.108; Carsel & Parrish 1988 clay
 * α 0.008 /cm, Ks 3.3e-3 cm/min). */
Test(models, vgm_defaults_and_bounds_for_real_soils)
{
    const shp_model_desc *v = shp_model_find("vgm");
    shp_material m;
    shp_model_material_init(v, &m);
    cr_expect_eq(m.model, SHP_MODEL_VGM);
    cr_expect_eq(m.p[SHP_VGM_L], 0.5);
    cr_expect(isnan(m.p[SHP_VGM_N]), "a parameter without default starts as NaN");
    cr_expect_eq(m.Ss, 0.0);
    const shp_param_info *p = v->params;
    cr_expect(holds(&p[SHP_VGM_THETA_S], 0.35, 0.55));
    cr_expect(holds(&p[SHP_VGM_ALPHA], 0.001, 0.2));
    cr_expect(holds(&p[SHP_VGM_N], 1.05, 15.913));
    cr_expect(holds(&p[SHP_VGM_KS], 3.3e-3, 0.6));
    cr_expect(holds(&p[SHP_VGM_THETA_R], 0.0, 0.2));
    cr_expect(p[SHP_VGM_N].bound_lo > 1.0, "n = 1 is no curve");
    cr_expect(p[SHP_VGM_KS].k_only && p[SHP_VGM_L].k_only && !p[SHP_VGM_N].k_only);
    const shp_model_desc *bc = shp_model_find("brooks_corey"), *ln = shp_model_find("kosugi");
    cr_expect(holds(&bc->params[shp_model_param_index(bc, "lambda")], 0.0877, 7.0104));
    cr_expect(holds(&bc->params[shp_model_param_index(bc, "hb")], 9.0, 86.0));
    cr_expect(holds(&ln->params[shp_model_param_index(ln, "sigma")], 0.10818, 4.0));
    cr_expect_str_eq(p[SHP_VGM_KS].unit, "L/T");
    cr_expect_str_eq(p[SHP_VGM_ALPHA].unit, "1/L");
}

static shp_material loam(void)
{
    shp_material m = {SHP_MODEL_VGM, {0.078, 0.43, 0.036, 1.56, 0.01733, 0.5}, 0.0};
    return m;
}

Test(models, validate_names_the_parameter)
{
    char msg[160];
    shp_material m = loam();
    cr_expect_eq(shp_model_validate(&m, msg, sizeof msg), 0);
    cr_expect_eq(shp_model_first_invalid(&m, msg, sizeof msg), -1);

    m.p[SHP_VGM_N] = 0.9;
    cr_expect_neq(shp_model_validate(&m, msg, sizeof msg), 0);
    cr_expect_str_eq(msg, "n must be > 1 (got 0.9)");
    cr_expect_eq(shp_model_first_invalid(&m, msg, sizeof msg), SHP_VGM_N);

    m = loam();
    m.p[SHP_VGM_THETA_R] = 0.5;
    cr_expect_neq(shp_model_validate(&m, msg, sizeof msg), 0);
    cr_expect_str_eq(msg, "theta_r must be < theta_s (0.5 >= 0.43)");

    m = loam();
    m.p[SHP_VGM_KS] = 0.0;
    cr_expect_eq(shp_model_first_invalid(&m, msg, sizeof msg), SHP_VGM_KS);
    cr_expect_str_eq(msg, "Ks must be > 0 (got 0)");

    m = loam();
    m.p[SHP_VGM_ALPHA] = NAN;
    cr_expect_eq(shp_model_first_invalid(&m, msg, sizeof msg), SHP_VGM_ALPHA);
    cr_expect(strstr(msg, "alpha must be a finite number") != NULL, "%s", msg);

    m = loam();
    m.p[SHP_VGM_THETA_S] = 1.2;
    cr_expect_eq(shp_model_first_invalid(&m, msg, sizeof msg), SHP_VGM_THETA_S);
    cr_expect_str_eq(msg, "theta_s must be <= 1 (got 1.2)");

    m = loam();
    m.p[SHP_VGM_THETA_R] = -0.01;
    cr_expect_str_eq((shp_model_first_invalid(&m, msg, sizeof msg), msg), "theta_r must be >= 0 (got -0.01)");

    m = loam();
    m.Ss = -1.0;
    cr_expect_eq(shp_model_first_invalid(&m, msg, sizeof msg), SHP_MAX_PARAMS);

    m = loam();
    m.model = 99;
    cr_expect_neq(shp_model_validate(&m, msg, sizeof msg), 0);
}

Test(models, haverkamp_and_gardner_validity)
{
    char msg[160];
    shp_material h = {SHP_MODEL_HAVERKAMP, {0.075, 0.287, 1.611e6, 3.96, 0.00944, 1.175e6, 4.74}, 0.0};
    cr_expect_eq(shp_model_validate(&h, msg, sizeof msg), 0, "%s", msg);
    h.p[SHP_HAV_BETA] = -1.0;
    cr_expect_eq(shp_model_first_invalid(&h, msg, sizeof msg), SHP_HAV_BETA);
    shp_material g = {SHP_MODEL_GARDNER, {0.06, 0.40, 0.1, 1.0}, 0.0};
    cr_expect_eq(shp_model_validate(&g, msg, sizeof msg), 0, "%s", msg);
    g.p[SHP_GAR_THETA_R] = 0.4;
    cr_expect_eq(shp_model_first_invalid(&g, msg, sizeof msg), SHP_GAR_THETA_R);
}
