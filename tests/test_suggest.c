/* "Did you mean": the suggestion for a misspelt key, value, model, parameter or
 * objective, and none for a word that is no slip of any valid one. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "config/cfg_json.h"
#include "shpfit/fit.h"
#include "shpfit/problem.h"

static const char *const keys[] = {"algorithm", "population", "seed", "stop", "polish", NULL};

Test(suggest, slips_of_typing_find_the_name)
{
    cr_expect_str_eq(cfg_suggest("algoritm", keys), "algorithm");    /* a deletion */
    cr_expect_str_eq(cfg_suggest("populaton", keys), "population");  /* a deletion */
    cr_expect_str_eq(cfg_suggest("sede", keys), "seed");             /* a swap */
    cr_expect_str_eq(cfg_suggest("Polish", keys), "polish");         /* case */
    cr_expect_str_eq(cfg_suggest("stpo", keys), "stop");             /* a swap */
    cr_expect_null(cfg_suggest("budget", keys));                     /* another word */
    cr_expect_null(cfg_suggest("x", keys));
    cr_expect_null(cfg_suggest("", keys));
    cr_expect_str_eq(cfg_suggest_model("vgmm"), "vgm");
    cr_expect_str_eq(cfg_suggest_model("brooks-cory"), "brooks_corey");
    cr_expect_str_eq(cfg_suggest_model("van_genuchtn"), "vgm"); /* an alias's slip: its model */
    cr_expect_null(cfg_suggest_model("richards"));
    char buf[64];
    cfg_did_you_mean(buf, sizeof buf, "seed");
    cr_expect_str_eq(buf, "did you mean \"seed\"? ");
    cfg_did_you_mean(buf, sizeof buf, NULL);
    cr_expect_str_eq(buf, "");
}

/* A config with each kind of slip: the message names the field and suggests. */
Test(suggest, config_messages_suggest)
{
    static const struct {
        const char *fit, *mat, *want;
    } cases[] = {
        {"\"algoritm\": \"shade\"", "\"model\": \"vgm\"", "unknown key (did you mean \"algorithm\"?"},
        {"\"algorithm\": \"shad\"", "\"model\": \"vgm\"", "unknown value \"shad\" (did you mean \"shade\"?"},
        {"\"algorithm\": \"shade\"", "\"model\": \"vgmm\"", "unknown model \"vgmm\" (did you mean \"vgm\"?"},
        {"\"parameters\": {\"alpah\": [0.001, 0.1]}", "\"model\": \"vgm\"", "(did you mean \"alpha\"?"},
        {"\"objectives\": [\"retension\"]", "\"model\": \"vgm\"", "(did you mean \"retention\"?"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; ++k) {
        char path[64];
        snprintf(path, sizeof path, "data/curve_fit/suggest_%zu.json", k);
        FILE *f = fopen(path, "w");
        cr_assert_not_null(f);
        fprintf(f, "{\"materials\": {\"s\": {%s}}, \"fit\": {\"observations\": {\"retention\": "
                   "{\"file\": \"toyoura_h.csv\"}}, %s}}", cases[k].mat, cases[k].fit);
        fclose(f);
        shp_problem *pb = NULL;
        char err[1024] = "";
        int rc = shp_problem_load(path, &pb, err, sizeof err);
        shp_fit_options opt;
        if (rc == SHP_OK) { /* the fit's own keys are read with its options */
            rc = shp_fit_options_load(pb, -1, &opt, err, sizeof err);
            shp_problem_destroy(pb);
        }
        remove(path);
        cr_expect_neq(rc, SHP_OK, "case %zu loaded", k);
        cr_expect(strstr(err, cases[k].want) != NULL, "case %zu: \"%s\" not in: %s", k, cases[k].want, err);
    }
}
