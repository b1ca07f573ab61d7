/* The seed-002 study report (host/app/paper/paper_report.h): a hand-made campaign directory
 * (the bench loam case with synthetic observations, a noise-free case and a case of the
 * error study, runs.csv rows at the truth and perturbed) turned into Tables 3–6 and
 * Figure 7; the numbers read back from the CSVs against shp_curve_agreement_compute;
 * malformed inputs give errors naming file and line. Runs with cwd = tests/. */
#define _POSIX_C_SOURCE 200809L /* mkdtemp, setenv */
#include <criterion/criterion.h>
#include "shpfit/config.h"
#include "test_util.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "paper/paper_report.h"
#include "plot/plot.h"
#include "shpfit/curves_agreement.h"
#include "shpfit/fit.h"
#include "shpfit/models.h"
#include "shpfit/status.h"
#include "synth/synth.h"

#define PAPER_CSV "../configs/paper/seed002_tables.csv"
#define LOAM_CONFIG "../configs/bench/cases/loam.json"

static const char RUNS_HEAD[] =
    "case,variant,seed,algorithm,evaluations,wall_s,success,evals_to_target,wall_to_target_s,stop_reason,"
    "failed_columns,best_sum,hypervolume,curve_rmse_retention,curve_rmse_conductivity,objectives,parameters\n";

/* The loam's truth and a perturbed fit (θs, α, n, Ks). */
static const double TRUTH[4] = {0.43, 0.036, 1.56, 0.01733};
static const double PERTURBED[4] = {0.45, 0.04, 1.6, 0.02};

static const char CAMPAIGN_JSON[] =
    "{\"campaign\": {\"name\": \"paper-test\", \"seeds\": 3, \"budget\": {\"evaluations\": 3000},\n"
    "  \"cases\": [{\"name\": \"loam40\", \"config\": \"x.json\", \"soil\": \"loam\", \"saturation\": 40, "
    "\"error\": \"none\"},\n"
    "            {\"name\": \"loam40_Q5\", \"config\": \"x.json\", \"soil\": \"loam\", \"saturation\": 40, "
    "\"error\": \"Q_re5\"}],\n"
    "  \"variants\": [{\"name\": \"pv\", \"label\": \"PSO–VEGA two-step (seed 002)\"}, {\"name\": \"de\"}]},\n"
    " \"machine\": \"test machine, 2 cores\"}\n";

static void write_text(const char *dir, const char *name, const char *text)
{
    FILE *f = fopen(tu_file_in(dir, name), "w");
    cr_assert_not_null(f, "%s/%s", dir, name);
    fputs(text, f);
    fclose(f);
}

/* One runs.csv row: the four parameters (names with alpha or alpha/Ks). */
static void run_row(char *buf, size_t len, const char *cs, const char *variant, int seed, const double *p, int ratio)
{
    snprintf(buf, len,
             "%s,%s,%d,shade,3000,1.5,0,,,generations,0,0.001,,,,theta_final=0.001;v=0.001;Q=0.001,"
             "loam.theta_s=%.10g;%s=%.10g;loam.n=%.10g;loam.Ks=%.10g\n",
             cs, variant, seed, p[0], ratio ? "loam.alpha/Ks" : "loam.alpha", ratio ? p[1] / p[3] : p[1], p[2],
             p[3]);
}

/* A config file as JSON, and written back (root consumed). */
static cJSON *config_read(const char *config)
{
    char *text = tu_slurp(config);
    cr_assert_not_null(text);
    cJSON *root = cJSON_Parse(text);
    free(text);
    cr_assert_not_null(root, "%s", config);
    return root;
}

static void config_write(const char *config, cJSON *root)
{
    char *out = cJSON_Print(root);
    cJSON_Delete(root);
    FILE *f = fopen(config, "w");
    cr_assert_not_null(f);
    fputs(out, f);
    fclose(f);
    free(out);
}

/* The loam config with its alpha replaced by the ratio alpha/Ks (docs/fit-reference.md §1.1). */
static void use_ratio(const char *config)
{
    cJSON *root = config_read(config);
    cJSON *par = cJSON_GetObjectItem(cJSON_GetObjectItem(root, "fit"), "parameters");
    cr_assert_not_null(par);
    cJSON_DeleteItemFromObject(par, "loam.alpha");
    cJSON *b = cJSON_CreateArray();
    cJSON_AddItemToArray(b, cJSON_CreateNumber(0.2));
    cJSON_AddItemToArray(b, cJSON_CreateNumber(20));
    cJSON_AddItemToObject(par, "loam.alpha/Ks", b);
    config_write(config, root);
}

/* The loam config in metres and hours: the same soil, column and experiment. */
static void use_metres_hours(const char *config)
{
    cJSON *root = config_read(config);
    cJSON_ReplaceItemInObject(root, "units", cJSON_Parse("{\"length\": \"m\", \"time\": \"h\"}"));
    cJSON *loam = cJSON_GetObjectItem(cJSON_GetObjectItem(root, "materials"), "loam");
    cJSON_ReplaceItemInObject(loam, "alpha", cJSON_CreateNumber(3.6));     /* 0.036 /cm */
    cJSON_ReplaceItemInObject(loam, "Ks", cJSON_CreateNumber(0.010398));   /* 0.01733 cm/min */
    cJSON *prof = cJSON_GetObjectItem(root, "profile");
    cJSON_ReplaceItemInObject(prof, "depth", cJSON_CreateNumber(1.0));
    cJSON_ReplaceItemInObject(cJSON_GetArrayItem(cJSON_GetObjectItem(prof, "layers"), 0), "bottom", cJSON_CreateNumber(1.0));
    cJSON_ReplaceItemInObject(cJSON_GetObjectItem(root, "top"), "value", cJSON_CreateNumber(0.02));
    cJSON_ReplaceItemInObject(cJSON_GetObjectItem(root, "output"), "times",
                              cJSON_Parse("{\"end\": 3, \"every\": 0.0833333333333}"));
    cJSON *depths = cJSON_GetObjectItem(cJSON_GetObjectItem(root, "synth"), "depths");
    for (cJSON *x = depths->child; x; x = x->next) cJSON_SetNumberValue(x, x->valuedouble / 100.0);
    cJSON *par = cJSON_GetObjectItem(cJSON_GetObjectItem(root, "fit"), "parameters");
    cJSON_ReplaceItemInObject(par, "loam.alpha", cJSON_Parse("{\"bounds\": [0.1, 20], \"scale\": \"log\"}"));
    cJSON_ReplaceItemInObject(par, "loam.Ks", cJSON_Parse("{\"bounds\": [6e-5, 0.36], \"scale\": \"log\"}"));
    config_write(config, root);
}

/* DIR with campaign.json, both cases (config + synthetic observations) and runs.csv;
 * ratio: 1 alpha/Ks as search variable, 2 the config in metres and hours. */
static void make_dir(char *dir, size_t len, const char *runs, int ratio)
{
    tu_make_tmp(dir, len, "paper");
    char cdir[600], config[700], obs[700], err[512];
    snprintf(cdir, sizeof cdir, "%s/cases/loam40", dir);
    cr_assert_eq(tu_run("mkdir -p '%s' && cp " LOAM_CONFIG " '%s/config.json'", cdir, cdir), 0);
    snprintf(config, sizeof config, "%s/config.json", cdir);
    snprintf(obs, sizeof obs, "%s/obs", cdir);
    if (ratio == 1) use_ratio(config);
    if (ratio == 2) use_metres_hours(config);
    shp_synth_summary sum;
    cr_assert_eq(shp_synth_run(config, obs, -1, NULL, &sum, err, sizeof err), SHP_OK, "%s", err);
    cr_assert_eq(tu_run("cp -r '%s' '%s/cases/loam40_Q5'", cdir, dir), 0);
    write_text(dir, "campaign.json", CAMPAIGN_JSON);
    write_text(dir, "runs.csv", runs);
}

/* The standard rows: pv at the truth (2 seeds), de perturbed, and the same in the error case. */
static void standard_runs(char *buf, size_t len, int ratio)
{
    char row[600];
    snprintf(buf, len, "%s", RUNS_HEAD);
    const struct {
        const char *cs, *v;
        int seed;
        const double *p;
    } rows[] = {{"loam40", "pv", 1, TRUTH},     {"loam40", "pv", 2, TRUTH},   {"loam40", "de", 1, PERTURBED},
                {"loam40_Q5", "de", 1, PERTURBED}, {"loam40_Q5", "pv", 1, TRUTH}};
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; ++i) {
        run_row(row, sizeof row, rows[i].cs, rows[i].v, rows[i].seed, rows[i].p, ratio);
        strncat(buf, row, len - strlen(buf) - 1);
    }
}

/* The curve agreement of the loam's truth with p, computed directly. */
static shp_curve_agreement direct_agreement(const char *dir, const double *p)
{
    char config[700], err[512];
    snprintf(config, sizeof config, "%s/cases/loam40/config.json", dir);
    shp_problem *pb;
    cr_assert_eq(shp_problem_load(config, &pb, err, sizeof err), SHP_OK, "%s", err);
    shp_material truth;
    cr_assert_eq(shp_fit_truth(pb, &truth, err, sizeof err), SHP_OK, "%s", err);
    shp_material fit = truth;
    const shp_model_desc *m = shp_model_by_id(truth.model);
    const char *names[4] = {"theta_s", "alpha", "n", "Ks"};
    for (int k = 0; k < 4; ++k) fit.p[shp_model_param_index(m, names[k])] = p[k];
    shp_curve_agreement a;
    cr_assert_eq(shp_curve_agreement_compute(&truth, &fit, 1.0, 1e4, &a), SHP_OK);
    shp_problem_destroy(pb);
    return a;
}

static int close_rel(double a, double b, double rel) { return fabs(a - b) <= rel * fmax(fabs(b), 1e-300); }

/* ------------------------------------------------------------ the tables */

static void check_tables(const char *dir, int ratio)
{
    char t3[700], t4[700], t5[700], t6[700];
    snprintf(t3, sizeof t3, "%s/table3_parameters.csv", dir);
    snprintf(t4, sizeof t4, "%s/table4_curves.csv", dir);
    snprintf(t5, sizeof t5, "%s/table5_errors_parameters.csv", dir);
    snprintf(t6, sizeof t6, "%s/table6_errors_curves.csv", dir);
    /* (a) at the truth: RMSE 0, NS 1, success; the parameters come back */
    cr_expect(close_rel(tu_csv_value(t3, "loam40", "pv", "theta_s_median_cm3_per_cm3"), 0.43, 1e-9));
    cr_expect(close_rel(tu_csv_value(t3, "loam40", "pv", "alpha_median_per_cm"), 0.036, 1e-8));
    cr_expect(close_rel(tu_csv_value(t3, "loam40", "pv", "Ks_true_cm_per_min"), 0.01733, 1e-12));
    cr_expect(close_rel(tu_csv_value(t3, "loam40", "pv", "theta_r_median_cm3_per_cm3"), 0.078, 1e-12));
    cr_expect_eq(tu_csv_value(t3, "loam40", "pv", "runs"), 2.0);
    cr_expect_eq(tu_csv_value(t3, "loam40", "pv", "success_rate"), 1.0);
    cr_expect(close_rel(tu_csv_value(t3, "loam40", "pv", "theta_s_paper_cm3_per_cm3"), 0.4319, 1e-12)); /* Table 3, 40 % */
    cr_expect(tu_csv_value(t4, "loam40", "pv", "retention_RMSE_median_cm3_per_cm3") < 1e-8);
    cr_expect(tu_csv_value(t4, "loam40", "pv", "conductivity_RMSE_worst_cm3_per_cm3") < 1e-8);
    cr_expect(tu_csv_value(t4, "loam40", "pv", "retention_NS_median") > 1 - 1e-12);
    cr_expect_eq(tu_csv_value(t4, "loam40", "pv", "retention_RMSE_le_paper"), 1.0);
    /* (b) perturbed: the metrics of shp_curve_agreement_compute, not a success */
    const shp_curve_agreement a = direct_agreement(dir, PERTURBED);
    cr_assert(a.retention.rmse > 1e-3 && a.conductivity.rmse > 0);
    const double tol = ratio ? 1e-6 : 1e-8; /* a ratio round trip through %.10g */
    cr_expect(close_rel(tu_csv_value(t3, "loam40", "de", "n_median"), 1.6, 1e-9));
    cr_expect(close_rel(tu_csv_value(t3, "loam40", "de", "alpha_q3_per_cm"), 0.04, 1e-8));
    cr_expect_eq(tu_csv_value(t3, "loam40", "de", "success_rate"), 0.0);
    const struct {
        const char *col;
        double want;
    } t4cols[] = {{"retention_MAE_median_cm3_per_cm3", a.retention.mae},
                  {"retention_RMSE_median_cm3_per_cm3", a.retention.rmse},
                  {"retention_PBIAS_worst_pct", a.retention.pbias},
                  {"retention_NS_median", a.retention.nse},
                  {"conductivity_RMSE_median_cm3_per_cm3", a.conductivity.rmse},
                  {"conductivity_NS_worst", a.conductivity.nse}};
    for (size_t i = 0; i < sizeof t4cols / sizeof t4cols[0]; ++i) {
        const double got = tu_csv_value(t4, "loam40", "de", t4cols[i].col);
        cr_expect(close_rel(got, t4cols[i].want, tol), "%s: %.10g, direct %.10g", t4cols[i].col, got, t4cols[i].want);
    }
    /* the paper's Table 4 loam row beside it */
    cr_expect_eq(tu_csv_value(t4, "loam40", "de", "retention_RMSE_paper_cm3_per_cm3"), 0.00101);
    cr_expect_eq(tu_csv_value(t4, "loam40", "de", "conductivity_PBIAS_paper_pct"), -7.3756);
    cr_expect_eq(tu_csv_value(t4, "loam40", "de", "retention_RMSE_le_paper"), 0.0);
    /* the error study: Tables 5/7 and 6/8 (Q with random error 5 %: Tables 7 and 8) */
    cr_expect(close_rel(tu_csv_value(t5, "loam40_Q5", "de", "Ks_median_cm_per_min"), 0.02, 1e-8));
    cr_expect_eq(tu_csv_value(t5, "loam40_Q5", "de", "paper_table"), 7.0);
    cr_expect_eq(tu_csv_value(t5, "loam40_Q5", "de", "n_paper"), 1.7919);
    cr_expect(close_rel(tu_csv_value(t6, "loam40_Q5", "de", "retention_RMSE_median_cm3_per_cm3"), a.retention.rmse, tol));
    cr_expect(close_rel(tu_csv_value(t6, "loam40_Q5", "de", "conductivity_PBIAS_q1_pct"), a.conductivity.pbias, tol));
    cr_expect_eq(tu_csv_value(t6, "loam40_Q5", "de", "paper_table"), 8.0);
    cr_expect_eq(tu_csv_value(t6, "loam40_Q5", "de", "retention_RMSE_paper_cm3_per_cm3"), 0.0205);
    cr_expect_eq(tu_csv_value(t6, "loam40_Q5", "de", "retention_RMSE_le_paper"), a.retention.rmse <= 0.0205 ? 1.0 : 0.0);
    cr_expect(tu_csv_value(t6, "loam40_Q5", "pv", "conductivity_RMSE_median_cm3_per_cm3") < 1e-8);
    cr_expect_eq(tu_csv_value(t6, "loam40_Q5", "pv", "conductivity_RMSE_le_paper"), 1.0);
}

Test(paper_report, tables_figures_and_numbers)
{
    char dir[256], runs[4096], err[1024];
    standard_runs(runs, sizeof runs, 0);
    make_dir(dir, sizeof dir, runs, 0);
    int plots = -1;
    cr_assert_eq(shp_paper_report(dir, PAPER_CSV, 12.5, &plots, err, sizeof err), SHP_OK, "%s", err);
    check_tables(dir, 0);
    /* tables.md: the head and every table */
    char *md = tu_slurp(tu_file_in(dir, "tables.md"));
    cr_assert_not_null(md);
    cr_expect(strstr(md, "test machine, 2 cores") != NULL);
    cr_expect(strstr(md, "| seeds | 2 distinct in runs.csv (the campaign asks for 3)") != NULL);
    cr_expect(strstr(md, "3000 evaluations") != NULL);
    cr_expect(strstr(md, "| runs | 5 ") != NULL);
    cr_expect(strstr(md, "12.5 s in the invocation that wrote this report") != NULL);
    cr_expect(strstr(md, "* **pv**: PSO–VEGA two-step (seed 002) (3 runs)") != NULL);
    cr_expect(strstr(md, "*seed 002, Table 4*") != NULL && strstr(md, "*seed 002, Table 8*") != NULL);
    cr_expect(strstr(md, "Q: random 5 %") != NULL);
    free(md);
    for (int i = 0; i < 4; ++i) {
        const char *names[] = {"table3_parameters.md", "table4_curves.md", "table5_errors_parameters.md",
                               "table6_errors_curves.md"};
        cr_expect(tu_exists(tu_file_in(dir, names[i])), "%s", names[i]);
    }
    /* figure data: 4 + 2 columns (one saturation), 61 suctions; the fitted pv curve is the truth */
    char *fig = tu_slurp(tu_file_in(dir, "figure7_pv.csv"));
    cr_assert_not_null(fig);
    const char *head = "soil,suction_cm,theta_true_cm3_per_cm3,K_true_cm_per_min,theta_Se40_cm3_per_cm3,"
                       "K_Se40_cm_per_min\n";
    cr_expect(strncmp(fig, head, strlen(head)) == 0, "%.120s", fig);
    int lines = 0;
    for (const char *p = fig; *p; ++p) lines += *p == '\n';
    cr_expect_eq(lines, 62);
    double psi, th_true, k_true, th_fit, k_fit;
    const char *row = strstr(fig, "loam,100,");
    cr_assert_not_null(row);
    cr_assert_eq(sscanf(row, "loam,%lf,%lf,%lf,%lf,%lf", &psi, &th_true, &k_true, &th_fit, &k_fit), 5);
    cr_expect(close_rel(th_fit, th_true, 1e-9) && close_rel(k_fit, k_true, 1e-8));
    free(fig);
    cr_expect(tu_exists(tu_file_in(dir, "errors_de.csv")));
    cr_expect_eq(plots, shp_plot_program() != NULL);
    if (plots) {
        cr_expect(tu_exists(tu_file_in(dir, "figure7_pv.png")));
        cr_expect(tu_exists(tu_file_in(dir, "errors_de.png")));
    }
    tu_remove_tree(dir);
}

Test(paper_report, ratio_parameters_and_no_gnuplot)
{
    /* alpha/Ks as a search variable (seed Table 2): the material is rebuilt through it */
    setenv("SHPFIT_GNUPLOT", "", 1);
    char dir[256], runs[4096], err[1024];
    standard_runs(runs, sizeof runs, 1);
    make_dir(dir, sizeof dir, runs, 1);
    int plots = -1;
    cr_assert_eq(shp_paper_report(dir, PAPER_CSV, 0.0, &plots, err, sizeof err), SHP_OK, "%s", err);
    cr_expect_eq(plots, 0);
    check_tables(dir, 1);
    char *md = tu_slurp(tu_file_in(dir, "tables.md"));
    cr_assert_not_null(md);
    cr_expect(strstr(md, "not drawn (gnuplot not available)") != NULL);
    free(md);
    cr_expect(!tu_exists(tu_file_in(dir, "figure7_pv.png")));
    cr_expect(tu_exists(tu_file_in(dir, "figure7_pv.csv")));
    tu_remove_tree(dir);
}

Test(paper_report, units_metres_and_hours)
{
    /* parameters in m and h come back in cm and min; the curves compared over 1 … 1e4 cm */
    setenv("SHPFIT_GNUPLOT", "", 1);
    const double truth_mh[4] = {0.43, 3.6, 1.56, 0.010398}, pert_mh[4] = {0.45, 4.0, 1.6, 0.012};
    char dir[256], runs[4096], row[600], err[1024];
    snprintf(runs, sizeof runs, "%s", RUNS_HEAD);
    run_row(row, sizeof row, "loam40", "pv", 1, truth_mh, 0);
    strcat(runs, row);
    run_row(row, sizeof row, "loam40", "de", 1, pert_mh, 0);
    strcat(runs, row);
    make_dir(dir, sizeof dir, runs, 2);
    cr_assert_eq(shp_paper_report(dir, PAPER_CSV, 0.0, NULL, err, sizeof err), SHP_OK, "%s", err);
    char t3[700], t4[700];
    snprintf(t3, sizeof t3, "%s/table3_parameters.csv", dir);
    snprintf(t4, sizeof t4, "%s/table4_curves.csv", dir);
    cr_expect(close_rel(tu_csv_value(t3, "loam40", "pv", "alpha_true_per_cm"), 0.036, 1e-12));
    cr_expect(close_rel(tu_csv_value(t3, "loam40", "pv", "Ks_true_cm_per_min"), 0.01733, 1e-12));
    cr_expect(close_rel(tu_csv_value(t3, "loam40", "de", "alpha_median_per_cm"), 0.04, 1e-8));
    cr_expect(close_rel(tu_csv_value(t3, "loam40", "de", "Ks_median_cm_per_min"), 0.02, 1e-8));
    cr_expect(tu_csv_value(t4, "loam40", "pv", "retention_RMSE_median_cm3_per_cm3") < 1e-8);
    /* the same comparison in cm and min, from the materials built by hand */
    const shp_model_desc *m = shp_model_by_id(SHP_MODEL_VGM);
    shp_material tc = {.model = SHP_MODEL_VGM}, fc;
    for (int k = 0; k < m->n_params; ++k) tc.p[k] = m->params[k].def;
    tc.p[shp_model_param_index(m, "theta_r")] = 0.078;
    const char *names[4] = {"theta_s", "alpha", "n", "Ks"};
    for (int k = 0; k < 4; ++k) tc.p[shp_model_param_index(m, names[k])] = TRUTH[k];
    fc = tc;
    for (int k = 0; k < 4; ++k) fc.p[shp_model_param_index(m, names[k])] = PERTURBED[k];
    shp_curve_agreement a;
    cr_assert_eq(shp_curve_agreement_compute(&tc, &fc, 1.0, 1e4, &a), SHP_OK);
    const double got = tu_csv_value(t4, "loam40", "de", "retention_RMSE_median_cm3_per_cm3");
    cr_expect(close_rel(got, a.retention.rmse, 1e-6), "%.10g vs %.10g", got, a.retention.rmse);
    cr_expect(close_rel(tu_csv_value(t4, "loam40", "de", "conductivity_RMSE_median_cm3_per_cm3"), a.conductivity.rmse, 1e-5));
    /* the figure's K in cm/min at a suction of 100 cm */
    char *fig = tu_slurp(tu_file_in(dir, "figure7_pv.csv"));
    cr_assert_not_null(fig);
    const char *r100 = strstr(fig, "loam,100,");
    cr_assert_not_null(r100);
    double psi, th, K, th2, K2, C, dK;
    cr_assert_eq(sscanf(r100, "loam,%lf,%lf,%lf", &psi, &th, &K), 3);
    shp_hyd_eval(&tc, -100.0, &th2, &K2, &C, &dK);
    cr_expect(close_rel(th, th2, 1e-8) && close_rel(K, K2, 1e-8), "K %.10g vs %.10g", K, K2);
    free(fig);
    tu_remove_tree(dir);
}

/* ------------------------------------------------------------ malformed inputs */

/* The report of DIR with runs.csv replaced by RUNS_HEAD + rows: its status and message. */
static int report_with_rows(const char *rows, char *err, size_t len)
{
    setenv("SHPFIT_GNUPLOT", "", 1);
    char dir[256], runs[4096];
    snprintf(runs, sizeof runs, "%s%s", RUNS_HEAD, rows);
    make_dir(dir, sizeof dir, runs, 0);
    const int rc = shp_paper_report(dir, PAPER_CSV, 0.0, NULL, err, len);
    tu_remove_tree(dir);
    return rc;
}

Test(paper_report, bad_parameters_name_the_line)
{
    char good[600], err[1024];
    run_row(good, sizeof good, "loam40", "pv", 1, TRUTH, 0);
    const struct {
        const char *bad, *want1, *want2;
    } cases[] = {
        {"loam40,pv,2,shade,3000,1.5,0,,,generations,0,0.001,,,,Q=0.1,"
         "loam.theta_s=0.43;loam.beta=0.036;loam.n=1.56;loam.Ks=0.01733\n",
         "runs.csv: line 3: parameters: \"loam.beta\" is not a search variable", "loam.alpha"},
        {"loam40,pv,2,shade,3000,1.5,0,,,generations,0,0.001,,,,Q=0.1,loam.theta_s=0.43;loam.alpha=0.036;loam.n=1.56\n",
         "runs.csv: line 3: parameters: search variable \"loam.Ks\" is missing", NULL},
        {"loam40,pv,2,shade,3000,1.5,0,,,generations,0,0.001,,,,Q=0.1,"
         "loam.theta_s=0.43;loam.alpha=0.036;loam.n=7;loam.Ks=0.01733\n",
         "runs.csv: line 3: parameters: \"loam.n\" = 7 is outside its bounds", NULL},
        {"loam40,pv,2,shade,3000,1.5,0,,,generations,0,0.001,,,,Q=0.1,"
         "loam.theta_s=0.43;loam.alpha=0.036;loam.alpha=0.036;loam.n=1.5;loam.Ks=0.01733\n",
         "line 3: parameters: \"loam.alpha\" is given twice", NULL},
        {"sand20,pv,2,shade,3000,1.5,0,,,generations,0,0.001,,,,Q=0.1,loam.theta_s=0.43\n",
         "line 3: case \"sand20\" is not among the cases", NULL},
        {"loam40,pv,2,shade,3000,1.5,0,,,generations,0,0.001,,,,Q=0.1,loam.theta_s=0.43;loam.alpha\n",
         "line 3: parameters", NULL},
        {"loam40,pv,2,shade,3000,1.5,0,,,generations,0,0.001,,,,Q=0.1,\n",
         "line 3: parameters is empty but best_sum is finite", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
        char rows[2048];
        snprintf(rows, sizeof rows, "%s%s", good, cases[i].bad);
        cr_expect_eq(report_with_rows(rows, err, sizeof err), SHP_ERR_CONFIG, "case %zu", i);
        cr_expect(strstr(err, cases[i].want1) != NULL, "case %zu: %s", i, err);
        if (cases[i].want2) cr_expect(strstr(err, cases[i].want2) != NULL, "case %zu: %s", i, err);
    }
    /* a run without any scored candidate: no parameters, no fit, not an error */
    char rows[2048];
    snprintf(rows, sizeof rows, "%sloam40,pv,2,shade,3000,1.5,0,,,generations,0,,,,,Q=,\n", good);
    cr_expect_eq(report_with_rows(rows, err, sizeof err), SHP_OK, "%s", err);
}

Test(paper_report, bad_campaign_and_paper_files)
{
    setenv("SHPFIT_GNUPLOT", "", 1);
    char dir[256], runs[4096], err[1024], path[600];
    standard_runs(runs, sizeof runs, 0);
    make_dir(dir, sizeof dir, runs, 0);
    /* the paper tables: missing, bad header, bad row */
    cr_expect_eq(shp_paper_report(dir, "no/such/file.csv", 0, NULL, err, sizeof err), SHP_ERR_CONFIG);
    cr_expect_eq(shp_paper_tables_check("no/such/file.csv", err, sizeof err), SHP_ERR_CONFIG);
    cr_expect(strstr(err, "no/such/file.csv: cannot read") != NULL, "%s", err);
    write_text(dir, "paper.csv", "# comment\ntable,soil,saturation_pct,error,quantity,value\n4,loam,,none,x,1\n"
                                 "4,loam,,none,retention_RMSE,abc\n");
    snprintf(path, sizeof path, "%s/paper.csv", dir);
    cr_expect_eq(shp_paper_report(dir, path, 0, NULL, err, sizeof err), SHP_ERR_CONFIG);
    cr_expect(strstr(err, "paper.csv: line 4: value \"abc\" is not a number") != NULL, "%s", err);
    write_text(dir, "paper.csv", "table,soil,error,quantity,value\n");
    cr_expect_eq(shp_paper_report(dir, path, 0, NULL, err, sizeof err), SHP_ERR_CONFIG);
    cr_expect(strstr(err, "paper.csv: line 1: expected the header") != NULL, "%s", err);
    /* campaign.json: not JSON, no cases, a saturation that is not a number */
    const struct {
        const char *text, *want;
    } bad[] = {{"{\"campaign\": ", "campaign.json: malformed JSON"},
               {"{\"campaign\": {\"cases\": []}}", "campaign.json: campaign.cases: expected a non-empty array"},
               {"{\"campaign\": {\"cases\": [{\"name\": \"loam40\", \"saturation\": \"40\"}]}}",
                "campaign.json: campaign.cases[0]: saturation: expected a number"},
               {"{\"campaign\": {\"cases\": [{\"soil\": \"loam\"}]}}", "campaign.cases[0]: name"}};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; ++i) {
        write_text(dir, "campaign.json", bad[i].text);
        cr_expect_eq(shp_paper_report(dir, PAPER_CSV, 0, NULL, err, sizeof err), SHP_ERR_CONFIG, "case %zu", i);
        cr_expect(strstr(err, bad[i].want) != NULL, "case %zu: %s", i, err);
    }
    /* runs.csv malformed by the reader's own rules (field count) */
    write_text(dir, "campaign.json", CAMPAIGN_JSON);
    snprintf(runs, sizeof runs, "%sloam40,pv,1\n", RUNS_HEAD);
    write_text(dir, "runs.csv", runs);
    cr_expect_eq(shp_paper_report(dir, PAPER_CSV, 0, NULL, err, sizeof err), SHP_ERR_CONFIG);
    cr_expect(strstr(err, "runs.csv: line 2") != NULL, "%s", err);
    /* a case without its config */
    standard_runs(runs, sizeof runs, 0);
    write_text(dir, "runs.csv", runs);
    cr_assert_eq(tu_run("rm '%s/cases/loam40/config.json'", dir), 0);
    cr_expect_neq(shp_paper_report(dir, PAPER_CSV, 0, NULL, err, sizeof err), SHP_OK);
    cr_expect(strstr(err, "cases/loam40/config.json") != NULL, "%s", err);
    tu_remove_tree(dir);
}
