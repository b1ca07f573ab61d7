/* `shpfit bench` end to end on a small campaign (tests/data/bench_small: two variants,
 * three seeds, the 41-node loam, 120 evaluations per run): every run has its row, the
 * report is written, a second invocation resumes and skips finished runs, a run lost to
 * an interruption is redone identically, and malformed campaign files are named by file
 * and field. */
#include <criterion/criterion.h>
#include "test_util.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>



Test(campaign, small_campaign_rows_report_and_resume, .timeout = 240)
{
    char tmp[64], cmd[1024], path[300];
    tu_make_tmp(tmp, sizeof tmp, "bench");
    snprintf(cmd, sizeof cmd, SHPFIT " bench data/bench_small/campaign.json --out %s/b > %s/log1.txt 2>&1", tmp, tmp);
    cr_assert_eq(tu_run("%s", cmd), 0, "first run failed (see %s/log1.txt)", tmp);
    snprintf(path, sizeof path, "%s/b/runs.csv", tmp);
    cr_expect_eq(tu_count_lines(path), 1 + 2 * 3, "header + 2 variants x 3 seeds");
    char *runs = tu_slurp(path);
    cr_assert_not_null(runs);
    cr_expect(strstr(runs, "loam,shade,1,shade,") && strstr(runs, "loam,pso,3,pso,"), "%s", runs);
    /* every row has all 17 fields and a finite best_sum */
    for (char *l = strchr(runs, '\n') + 1; *l; l = strchr(l, '\n') + 1) {
        int commas = 0;
        for (char *p = l; *p && *p != '\n'; ++p) commas += *p == ',';
        cr_expect_eq(commas, 16, "fields: %.120s", l);
    }
    snprintf(path, sizeof path, "%s/b/report.md", tmp);
    char *rep = tu_slurp(path);
    cr_assert_not_null(rep, "report.md missing");
    cr_expect(strstr(rep, "shade") && strstr(rep, "pso"), "variants in the report");
    free(rep);
    snprintf(path, sizeof path, "%s/b/history.csv", tmp);
    const int hist = tu_count_lines(path);
    cr_expect(hist > 7, "history rows: %d", hist);

    /* resume: nothing left to do, nothing added */
    snprintf(cmd, sizeof cmd, SHPFIT " bench data/bench_small/campaign.json --out %s/b > %s/log2.txt 2>&1", tmp, tmp);
    cr_assert_eq(tu_run("%s", cmd), 0);
    snprintf(path, sizeof path, "%s/b/runs.csv", tmp);
    cr_expect_eq(tu_count_lines(path), 7, "a second run adds no rows");

    /* an interruption that lost the last run: its row is redone, identically */
    snprintf(cmd, sizeof cmd,
             "cd %s/b && tail -n 1 runs.csv > last.txt && head -n 6 runs.csv > r && mv r runs.csv && "
             "cd - > /dev/null && " SHPFIT " bench data/bench_small/campaign.json --out %s/b > /dev/null 2>&1 && "
             "tail -n 1 %s/b/runs.csv | cut -d, -f1-5,7-8,10-15 > %s/b/new.txt && "
             "cut -d, -f1-5,7-8,10-15 %s/b/last.txt | cmp -s - %s/b/new.txt",
             tmp, tmp, tmp, tmp, tmp, tmp);
    cr_expect_eq(tu_run("%s", cmd), 0, "the redone run differs from the lost one (wall times excepted)");
    cr_expect_eq(tu_count_lines(path), 7);
    free(runs);
    tu_remove_tree(tmp);
}

Test(campaign, malformed_campaign_files_are_named)
{
    static const struct {
        const char *json, *message;
    } cases[] = {
        {"{\"name\": \"x\"", "malformed JSON"},
        {"{\"cases\": [], \"variants\": [], \"budget\": {}, \"target\": {}}", "cases: expected a non-empty array"},
        {"{\"cases\": [{\"name\": \"a\", \"config\": \"nope.json\"}], \"variants\": [{\"name\": \"v\", "
         "\"algorithm\": \"pso\"}], \"budget\": {\"evaluations\": 10}, \"target\": {\"objective\": 1}}",
         "cases[0].config: "},
        {"{\"cases\": [{\"name\": \"a b\", \"config\": \"x\"}]}", "cases[0].name: \"a b\": use letters"},
        {"{\"cases\": [{\"name\": \"a\", \"config\": \"fit/loam_fit.json\"}], \"variants\": "
         "[{\"name\": \"v\"}], \"budget\": {\"evaluations\": 10}, \"target\": {\"objective\": 1}}",
         "variants[0]: missing \"algorithm\""},
        {"{\"cases\": [{\"name\": \"a\", \"config\": \"fit/loam_fit.json\"}], \"variants\": "
         "[{\"name\": \"v\", \"algorithm\": \"pso\"}], \"budget\": {}, \"target\": {\"objective\": 1}}",
         "budget: give evaluations and/or time_s"},
        {"{\"cases\": [{\"name\": \"a\", \"config\": \"fit/loam_fit.json\"}], \"variants\": "
         "[{\"name\": \"v\", \"algorithm\": \"pso\"}], \"budget\": {\"evaluations\": 10}, \"target\": {}}",
         "target: give exactly one of objective, retention_rmse"},
        {"{\"cases\": [{\"name\": \"a\", \"config\": \"fit/loam_fit.json\"}], \"variants\": "
         "[{\"name\": \"v\", \"algorithm\": \"pso\"}], \"seeds\": [1, 1], \"budget\": {\"evaluations\": 10}, "
         "\"target\": {\"objective\": 1}}",
         "seeds[1]: seed 1 given twice"},
        {"{\"cases\": [{\"name\": \"a\", \"config\": \"fit/loam_fit.json\"}], \"variants\": "
         "[{\"name\": \"v\", \"algorithm\": \"pso\", \"speed\": 1}], \"budget\": {\"evaluations\": 10}, "
         "\"target\": {\"objective\": 1}}",
         "variants[0].speed: unknown key"},
        {"{\"cases\": [{\"name\": \"a\", \"config\": \"fit/loam_fit.json\", \"fit_initial\": \"theta_initial\"}], "
         "\"variants\": [{\"name\": \"v\", \"algorithm\": \"pso\"}], \"budget\": {\"evaluations\": 10}, "
         "\"target\": {\"objective\": 1}}",
         "cases[0].fit_initial: \"theta_initial\" needs \"synth\""},
        {"{\"cases\": [{\"name\": \"a\", \"config\": \"fit/loam_fit.json\", \"variants\": [\"w\"]}], "
         "\"variants\": [{\"name\": \"v\", \"algorithm\": \"pso\"}], \"budget\": {\"evaluations\": 10}, "
         "\"target\": {\"objective\": 1}}",
         "cases[0].variants[0]: no variant named \"w\""},
        {"{\"cases\": [{\"name\": \"a\", \"config\": \"fit/loam_fit.json\", \"synth\": 3}], "
         "\"variants\": [{\"name\": \"v\", \"algorithm\": \"pso\"}], \"budget\": {\"evaluations\": 10}, "
         "\"target\": {\"objective\": 1}}",
         "cases[0].synth: expected true, false, or an object"},
        {"{\"cases\": [{\"name\": \"a\", \"config\": \"fit/loam_fit.json\"}], \"variants\": "
         "[{\"name\": \"v\", \"algorithm\": \"pso\", \"budget\": {\"evaluations\": 0}}], "
         "\"budget\": {\"evaluations\": 10}, \"target\": {\"objective\": 1}}",
         "variants[0].budget.evaluations"},
        /* the budget means what fit.budget means */
        {"{\"cases\": [{\"name\": \"a\", \"config\": \"fit/loam_fit.json\", \"synth\": true}], \"variants\": "
         "[{\"name\": \"v\", \"algorithm\": \"pso\", \"population\": 20}], "
         "\"budget\": {\"evaluations\": 10}, \"target\": {\"objective\": 1}}",
         "budget.evaluations: 10 is less than one generation (population 20)"},
        {"{\"cases\": [{\"name\": \"a\", \"config\": \"fit/loam_fit.json\", \"synth\": true}], \"variants\": "
         "[{\"name\": \"v\", \"procedure\": \"two_step\", \"two_step\": {\"fix\": \"theta_s\", \"step1\": "
         "{\"algorithm\": \"shade\", \"population\": 10, \"stop\": {\"generations\": 5}}, \"step2\": "
         "{\"algorithm\": \"shade\", \"population\": 10}}, \"budget\": {\"evaluations\": 50}}], "
         "\"budget\": {\"evaluations\": 100}, \"target\": {\"objective\": 1}}",
         "variants[0].two_step.step1.stop: step 1 may take 50 evaluations, which leaves less than one generation "
         "of step 2 (population 10) within variants[0].budget.evaluations (50)"},
    };
    char tmp[64];
    tu_make_tmp(tmp, sizeof tmp, "bench");
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
        char path[128], cmd[600], errf[160];
        /* inside tests/data so that relative case paths resolve as written */
        snprintf(path, sizeof path, "data/bench_bad_%zu.json", i);
        FILE *f = fopen(path, "w");
        fputs(cases[i].json, f);
        fclose(f);
        snprintf(errf, sizeof errf, "%s/err%zu.txt", tmp, i);
        snprintf(cmd, sizeof cmd, SHPFIT " bench %s --out %s/o%zu 2> %s", path, tmp, i, errf);
        cr_expect_eq(tu_run("%s", cmd), 2, "%s: expected exit 2", cases[i].json);
        char *e = tu_slurp(errf);
        cr_expect(e && strstr(e, path) && strstr(e, cases[i].message), "expected \"%s\" in: %s", cases[i].message,
                  e ? e : "(none)");
        free(e);
        remove(path);
    }
    tu_remove_tree(tmp);
}
