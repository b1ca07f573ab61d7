/* The smoothness statistic of `shpfit-bench smooth` (bench/smooth_stat.c) against answers
 * known without it, on small runs (28 candidates, 41 nodes, 30 min):
 *
 *   - rel = 0 runs every perturbed column on the same input: every score is exactly 0;
 *   - θ at the ponded top node is θs, so the θs perturbation alone moves the final
 *     profile by rel: every score is at least rel (to rounding), whatever the solver;
 *   - on the fixed schedule a change of 1e-10 moves every output by far less than 1e-6
 *     (docs/solver.md, "A fixed schedule") in every candidate that keeps to the schedule;
 *     one with failed steps goes into sub-steps, a decision of its own, and may jump
 *     (measured: a bimodal Kosugi with 289 failures in 180 min, 3e-3), so it is logged;
 *   - a base column that cannot finish is counted as failed and never scored;
 *   - the candidates and their scores do not depend on the number of threads. */
#include <criterion/criterion.h>
#include <criterion/logging.h>

#include <math.h>
#include <string.h>

#include "../bench/smooth_stat.h"

static smooth_cfg small_cfg(void)
{
    smooth_cfg c;
    smooth_cfg_default(&c);
    c.candidates = 2 * shp_model_count();
    c.nodes = 41;
    c.ratio = 1.08;
    c.t_end = 30.0;
    return c;
}

static void run_ok(const smooth_cfg *c, smooth_result *r)
{
    char err[256] = "";
    cr_assert_eq(smooth_run(c, r, err, sizeof err), SHP_OK, "%s", err);
    cr_assert_eq(r->n, c->candidates);
}

Test(smooth_stat, zero_perturbation_scores_exactly_zero)
{
    smooth_cfg c = small_cfg();
    c.rel = 0.0;
    smooth_result r;
    run_ok(&c, &r);
    smooth_summary s;
    smooth_summarize(&r, -1, c.threshold, &s);
    cr_expect_gt(s.scored, c.candidates * 9 / 10, "most base columns run (%d of %d)", s.scored, c.candidates);
    for (int i = 0; i < r.n; ++i) {
        const smooth_cand *k = &r.cand[i];
        if (!k->drawn || k->status != SHP_OK) continue;
        cr_expect(k->score == 0.0, "%s #%d: score %.3e with rel = 0", shp_model_by_id(k->model)->name, k->k,
                  k->score);
        cr_expect_eq(k->worst_param, -1);
        cr_expect_eq(k->columns, 1 + shp_model_by_id(k->model)->n_params - k->skipped);
    }
    cr_expect_eq(s.within, s.scored);
    smooth_result_free(&r);
}

Test(smooth_stat, fixed_schedule_is_smooth_and_scores_at_least_rel, .timeout = 300)
{
    smooth_cfg c = small_cfg();
    c.opt.step_control = SHP_STEP_FIXED;
    c.opt.dt_max = 0.5;
    smooth_result r;
    run_ok(&c, &r);
    smooth_summary s;
    smooth_summarize(&r, -1, c.threshold, &s);
    int models_seen[64] = {0}, on_schedule = 0;
    for (int i = 0; i < r.n; ++i) {
        const smooth_cand *k = &r.cand[i];
        cr_expect(k->drawn, "%s #%d: no valid candidate drawn", shp_model_by_id(k->model)->name, k->k);
        models_seen[k->model] += 1;
        if (!k->drawn || k->status != SHP_OK) continue;
        const char *name = shp_model_by_id(k->model)->name;
        if (k->failures_base == 0) {
            ++on_schedule;
            cr_expect(k->score < c.threshold, "%s #%d: score %.3e on the fixed schedule (parameter %d, %s[%d])",
                      name, k->k, k->score, k->worst_param, smooth_series_name(k->worst_series), k->worst_index);
        } else {
            cr_log_info("  %s #%d: %ld failed steps (sub-steps), score %.3e", name, k->k, k->failures_base,
                        k->score);
        }
        cr_expect(k->score >= c.rel * (1.0 - 1e-3), "%s #%d: score %.3e below rel: the theta_s change is missed",
                  name, k->k, k->score);
        cr_expect_eq(k->perturbed_failed, 0, "%s #%d", name, k->k);
    }
    for (int m = 0; m < shp_model_count(); ++m)
        cr_expect_eq(models_seen[shp_model_info(m)->id], 2, "%s: candidates spread evenly",
                     shp_model_info(m)->name);
    cr_expect_gt(s.scored, c.candidates * 9 / 10, "most base columns run (%d of %d)", s.scored, c.candidates);
    cr_expect_gt(on_schedule, c.candidates * 3 / 4, "most candidates keep to the schedule (%d of %d)",
                 on_schedule, c.candidates);
    cr_log_info("smooth statistic, fixed schedule 0.5 min, 41 nodes, 30 min: %d/%d within %g (%d without "
                "failed steps), worst %.2e, median %.2e", s.within, s.scored, c.threshold, on_schedule, s.worst,
                s.median);
    smooth_result_free(&r);
}

Test(smooth_stat, failed_base_columns_are_counted_not_scored)
{
    smooth_cfg c = small_cfg();
    c.candidates = shp_model_count();
    c.opt.max_steps = 3; /* no column reaches 30 min in 3 steps */
    smooth_result r;
    run_ok(&c, &r);
    smooth_summary s;
    smooth_summarize(&r, -1, c.threshold, &s);
    cr_expect_eq(s.scored, 0);
    cr_expect_eq(s.failed + s.not_drawn, c.candidates);
    cr_expect(isnan(s.worst) && isnan(s.median));
    for (int i = 0; i < r.n; ++i) {
        cr_expect(isnan(r.cand[i].score));
        cr_expect_eq(r.cand[i].columns, r.cand[i].drawn ? 1 : 0, "a failed base runs no perturbation");
    }
    smooth_result_free(&r);
}

Test(smooth_stat, results_do_not_depend_on_threads)
{
    smooth_cfg c = small_cfg();
    c.candidates = shp_model_count();
    c.t_end = 10.0;
    smooth_result r1, r2;
    c.threads = 1;
    run_ok(&c, &r1);
    c.threads = 2;
    run_ok(&c, &r2);
    for (int i = 0; i < r1.n; ++i) {
        const smooth_cand *a = &r1.cand[i], *b = &r2.cand[i];
        cr_expect(memcmp(&a->mat, &b->mat, sizeof a->mat) == 0 && a->se0 == b->se0, "candidate %d drawn alike", i);
        cr_expect(a->status == b->status && a->steps_all == b->steps_all && a->worst_param == b->worst_param &&
                      (a->score == b->score || (isnan(a->score) && isnan(b->score))),
                  "candidate %d: %.17g vs %.17g", i, a->score, b->score);
    }
    smooth_result_free(&r1);
    smooth_result_free(&r2);
}

Test(smooth_stat, bad_settings_are_refused)
{
    smooth_cfg c = small_cfg();
    smooth_result r;
    char err[256] = "";
    c.opt.step_control = SHP_STEP_FIXED; /* without a dt_max */
    cr_expect_eq(smooth_run(&c, &r, err, sizeof err), SHP_ERR_INVALID);
    cr_expect(strstr(err, "dt_max") != NULL, "%s", err);
    c = small_cfg();
    c.rel = -1e-10;
    cr_expect_eq(smooth_run(&c, &r, err, sizeof err), SHP_ERR_INVALID);
    c = small_cfg();
    c.candidates = 0;
    cr_expect_eq(smooth_run(&c, &r, err, sizeof err), SHP_ERR_INVALID);
}
