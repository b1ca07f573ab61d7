/* The reduced seed-002 study through `shpfit paper`: one soil at one
 * saturation with the three methods and one measurement-error case, one seed and short
 * budgets. Checks that the pipeline synthesises, fits, and writes the tables and figures
 * with sane, mutually consistent numbers, and that a second invocation resumes. The full
 * study (configs/paper/paper.json, `make paper`) is a target, not a test. */
#include <math.h>

#include "test_util.h"

Test(paper, reduced_study_writes_the_tables_and_resumes, .timeout = 300)
{
    char tmp[64], out[128], path[256];
    tu_make_tmp(tmp, sizeof tmp, "paper");
    snprintf(out, sizeof out, "%s/study", tmp);
    cr_assert_eq(tu_run(SHPFIT " paper data/paper/paper_mini.json --tables ../configs/paper/seed002_tables.csv --out %s > %s/log.txt 2>&1", out, tmp), 0,
                 "shpfit paper failed (see %s/log.txt)", tmp);
    snprintf(path, sizeof path, "%s/log.txt", tmp);
    char *log = tu_slurp(path);
    cr_expect(log && strstr(log, "wall time"), "the wall time is printed: %s", log ? log : "");
    free(log);

    /* every table, CSV and Markdown, and the overview */
    static const char *const files[] = {"table3_parameters.csv", "table3_parameters.md", "table4_curves.csv",
                                        "table4_curves.md", "table5_errors_parameters.csv",
                                        "table5_errors_parameters.md", "table6_errors_curves.csv",
                                        "table6_errors_curves.md", "tables.md", "runs.csv"};
    for (size_t k = 0; k < sizeof files / sizeof files[0]; ++k) {
        snprintf(path, sizeof path, "%s/%s", out, files[k]);
        cr_expect(tu_count_lines(path) >= 2, "%s is missing or empty", path);
    }
    /* 3 variants on the noise-free case, 1 on the error case */
    snprintf(path, sizeof path, "%s/runs.csv", out);
    cr_expect_eq(tu_count_lines(path), 1 + 4);

    /* the combined objective with the polish gets close even on this short budget, and
     * the table agrees with the campaign's own curve RMSE */
    snprintf(path, sizeof path, "%s/table4_curves.csv", out);
    const double rmse = tu_csv_value(path, "loam_se40", "shade_lm", "retention_RMSE_median_cm3_per_cm3");
    const double ns = tu_csv_value(path, "loam_se40", "shade_lm", "retention_NS_median");
    const double paper = tu_csv_value(path, "loam_se40", "shade_lm", "retention_RMSE_paper_cm3_per_cm3");
    cr_expect(rmse < 0.01, "retention RMSE %g", rmse);
    cr_expect(ns > 0.99 && ns <= 1.0, "retention NS %g", ns);
    cr_expect_float_eq(paper, 0.00101, 1e-12, "the seed's Table 4 loam row");
    snprintf(path, sizeof path, "%s/runs.csv", out);
    const double campaign_rmse = tu_csv_value(path, "loam_se40", "shade_lm", "curve_rmse_retention");
    /* parameters travel through runs.csv with 10 digits */
    cr_expect_float_eq(rmse, campaign_rmse, 1e-6 * campaign_rmse, "table %g vs runs.csv %g", rmse, campaign_rmse);

    /* the error case: its Q noise changed the data, and the seed's Table 8 value is beside it */
    snprintf(path, sizeof path, "%s/table6_errors_curves.csv", out);
    const double e_rmse = tu_csv_value(path, "loam_se40_Q_re5", "shade_2step_lm",
                                    "retention_RMSE_median_cm3_per_cm3");
    const double e_paper = tu_csv_value(path, "loam_se40_Q_re5", "shade_2step_lm",
                                     "retention_RMSE_paper_cm3_per_cm3");
    cr_expect(isfinite(e_rmse) && e_rmse < 0.2, "error-case RMSE %g", e_rmse);
    cr_expect_float_eq(e_paper, 0.0205, 1e-12, "the seed's Table 8 loam 5 %% row");
    snprintf(path, sizeof path, "%s/cases/loam_se40_Q_re5/obs/synth.json", out);
    char *sj = tu_slurp(path);
    cr_expect(sj && strstr(sj, "\"Q\":\t0.05"), "Q noise 0.05 in %s", path);
    free(sj);

    if (tu_run("command -v gnuplot > /dev/null") == 0) {
        snprintf(path, sizeof path, "%s/figure7_shade_lm.png", out);
        struct stat st;
        cr_expect(stat(path, &st) == 0 && st.st_size > 1000, "%s drawn", path);
    }

    /* again: every run is done, nothing is recomputed, the tables are rewritten */
    cr_assert_eq(tu_run(SHPFIT " paper data/paper/paper_mini.json --tables ../configs/paper/seed002_tables.csv --out %s > /dev/null 2>&1", out), 0);
    snprintf(path, sizeof path, "%s/runs.csv", out);
    cr_expect_eq(tu_count_lines(path), 1 + 4, "a resumed study adds no runs");
    snprintf(path, sizeof path, "%s/table4_curves.csv", out);
    cr_expect_float_eq(tu_csv_value(path, "loam_se40", "shade_lm", "retention_RMSE_median_cm3_per_cm3"),
                       rmse, 1e-15);
    tu_remove_tree(tmp);
}

Test(paper, bad_study_file_is_named)
{
    char tmp[64];
    tu_make_tmp(tmp, sizeof tmp, "paperbad");
    FILE *f = fopen("data/paper/bad_study.json", "w");
    fputs("{\"cases\": [{\"name\": \"a\", \"config\": \"../../../configs/paper/cases/loam_se40.json\", "
          "\"synth\": true, \"fit_initial\": \"theta_final\"}], \"variants\": [{\"name\": \"v\", "
          "\"algorithm\": \"shade\"}], \"budget\": {\"evaluations\": 10}, \"target\": {\"objective\": 1}}",
          f);
    fclose(f);
    cr_expect_eq(tu_run(SHPFIT " paper data/paper/bad_study.json --out %s/o 2> %s/err.txt", tmp, tmp), 2);
    char path[128];
    snprintf(path, sizeof path, "%s/err.txt", tmp);
    char *e = tu_slurp(path);
    cr_expect(e && strstr(e, "data/paper/bad_study.json") && strstr(e, "cases[0].fit_initial"), "%s", e ? e : "");
    free(e);
    remove("data/paper/bad_study.json");
    tu_remove_tree(tmp);
}
