/* Benchmark "smooth": the smoothness statistic of the forward model (smooth_stat.h).
 *
 *   build/shpfit-bench smooth [options]   one setting, a plain-text report on stdout and
 *                                         optionally one CSV row per candidate;
 *   section `smooth` of the Markdown report: the adaptive default and the fixed schedule
 *                                         (dt_max 0.5 min) side by side.
 *
 * The question it answers: does a relative change of 1e-10 in any one parameter move
 * every output by less than 1e-6 relative, in at least 99 % of random valid candidates
 * of all hydraulic models? (What finite-difference Jacobians and the GPU–CPU agreement
 * need, docs/solver.md "A fixed schedule".) */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "smooth_stat.h"

static int smooth_usage(void)
{
    fprintf(stderr,
            "usage: shpfit-bench smooth [options]\n"
            "  --candidates N     random valid candidates, spread over the models (1000)\n"
            "  --model NAME       one model only (default: all of the registry)\n"
            "  --seed N           seed of the candidates (1)\n"
            "  --rel X            relative change of one parameter (1e-10)\n"
            "  --threshold X      relative output change that counts as smooth (1e-6)\n"
            "  --floor X          outputs below X times their series' max are compared with that (1e-3)\n"
            "  --se-min X, --se-max X  initial effective saturation range (0.2, 0.6)\n"
            "  --nodes N          nodes of the geometric grid (61)\n"
            "  --ratio X          its ratio (1.05); --depth X column depth [cm] (100)\n"
            "  --head X           ponding head [cm] (2)\n"
            "  --end T            simulated time [min] (180); --every T output interval (5)\n"
            "  --step-control adaptive|fixed   (solver default: adaptive)\n"
            "  --dt-max X|none    largest step [min] (default none; fixed needs one)\n"
            "  --dt-init X, --dt-min X, --tol-time X, --max-iter N, --max-steps N, --picard,\n"
            "  --k-mean arithmetic|geometric|upstream|kirchhoff\n"
            "                     other solver options (defaults: shp_solver_opts_default)\n"
            "  --threads N        OpenMP threads over candidates, 0 = all (1)\n"
            "  --csv FILE         one row per candidate\n"
            "  --quiet            no progress lines on stderr\n");
    return 2;
}

static int parse_num(const char *s, double *x)
{
    char *end;
    errno = 0;
    const double v = strtod(s, &end);
    if (end == s || *end || errno || !isfinite(v)) return -1;
    *x = v;
    return 0;
}

static int parse_int(const char *s, long lo, long hi, long *x)
{
    char *end;
    errno = 0;
    const long v = strtol(s, &end, 10);
    if (end == s || *end || errno || v < lo || v > hi) return -1;
    *x = v;
    return 0;
}

int bench_smooth_main(int argc, char **argv)
{
    smooth_cfg cfg;
    smooth_cfg_default(&cfg);
    cfg.progress = 1;
    const char *csv = NULL;
    for (int a = 1; a < argc; ++a) {
        const char *o = argv[a], *v = a + 1 < argc ? argv[a + 1] : NULL;
        long k = 0;
        int bad = 0, used = 1;
        if (!strcmp(o, "--quiet")) {
            cfg.progress = 0;
            used = 0;
        } else if (!strcmp(o, "--picard")) {
            cfg.opt.newton = 0;
            used = 0;
        } else if (!v) {
            return smooth_usage();
        } else if (!strcmp(o, "--candidates")) {
            bad = parse_int(v, 1, 100000000, &k);
            cfg.candidates = (int)k;
        } else if (!strcmp(o, "--model")) {
            const shp_model_desc *d = shp_model_find(v);
            bad = !d;
            if (d) cfg.model = (int)d->id;
        } else if (!strcmp(o, "--seed")) {
            bad = parse_int(v, 0, 2147483647L, &k);
            cfg.seed = (uint64_t)k;
        } else if (!strcmp(o, "--rel")) {
            bad = parse_num(v, &cfg.rel);
        } else if (!strcmp(o, "--threshold")) {
            bad = parse_num(v, &cfg.threshold);
        } else if (!strcmp(o, "--floor")) {
            bad = parse_num(v, &cfg.floor);
        } else if (!strcmp(o, "--se-min")) {
            bad = parse_num(v, &cfg.se_lo);
        } else if (!strcmp(o, "--se-max")) {
            bad = parse_num(v, &cfg.se_hi);
        } else if (!strcmp(o, "--nodes")) {
            bad = parse_int(v, 3, 100000, &k);
            cfg.nodes = (int)k;
        } else if (!strcmp(o, "--ratio")) {
            bad = parse_num(v, &cfg.ratio);
        } else if (!strcmp(o, "--depth")) {
            bad = parse_num(v, &cfg.depth);
        } else if (!strcmp(o, "--head")) {
            bad = parse_num(v, &cfg.head);
        } else if (!strcmp(o, "--end")) {
            bad = parse_num(v, &cfg.t_end);
        } else if (!strcmp(o, "--every")) {
            bad = parse_num(v, &cfg.every);
        } else if (!strcmp(o, "--step-control")) {
            if (!strcmp(v, "adaptive")) cfg.opt.step_control = SHP_STEP_ADAPTIVE;
            else if (!strcmp(v, "fixed")) cfg.opt.step_control = SHP_STEP_FIXED;
            else bad = 1;
        } else if (!strcmp(o, "--dt-max")) {
            if (!strcmp(v, "none")) cfg.opt.dt_max = shp_solver_opts_default().dt_max;
            else bad = parse_num(v, &cfg.opt.dt_max);
        } else if (!strcmp(o, "--dt-init")) {
            bad = parse_num(v, &cfg.opt.dt_init);
        } else if (!strcmp(o, "--dt-min")) {
            bad = parse_num(v, &cfg.opt.dt_min);
        } else if (!strcmp(o, "--tol-time")) {
            bad = parse_num(v, &cfg.opt.tol_time);
        } else if (!strcmp(o, "--max-iter")) {
            bad = parse_int(v, 1, 1000, &k);
            cfg.opt.max_iter = (int)k;
        } else if (!strcmp(o, "--k-mean")) {
            bad = 1;
            for (int m = 0; m < SHP_KMEAN_COUNT; ++m)
                if (!strcmp(v, shp_kmean_names[m])) {
                    cfg.opt.kmean = m;
                    bad = 0;
                }
        } else if (!strcmp(o, "--max-steps")) {
            bad = parse_int(v, 1, 2000000000L, &k);
            cfg.opt.max_steps = k;
        } else if (!strcmp(o, "--threads")) {
            bad = parse_int(v, 0, 4096, &k);
            cfg.threads = (int)k;
        } else if (!strcmp(o, "--csv")) {
            csv = v;
        } else {
            return smooth_usage();
        }
        if (bad) {
            fprintf(stderr, "shpfit-bench smooth: bad value for %s: %s\n", o, v);
            return 2;
        }
        a += used;
    }

    smooth_result res;
    char err[256];
    const int st = smooth_run(&cfg, &res, err, sizeof err);
    if (st != SHP_OK) {
        fprintf(stderr, "shpfit-bench smooth: %s\n", err);
        return st == SHP_ERR_INVALID ? 2 : 1;
    }
    printf("command     ");
    for (int a = 0; a < argc; ++a) printf("%s%s", a ? " " : "", a ? argv[a] : "build/shpfit-bench smooth");
    printf("\n");
    smooth_report(stdout, &cfg, &res);
    int rc = 0;
    if (csv) {
        if (smooth_write_csv(csv, &res) != 0) {
            fprintf(stderr, "shpfit-bench smooth: cannot write %s\n", csv);
            rc = 1;
        } else {
            fprintf(stderr, "shpfit-bench smooth: %d candidates in %s\n", res.n, csv);
        }
    }
    smooth_result_free(&res);
    return rc;
}

/* The Markdown section: the two step controls on the same candidates. */
int bench_smooth(FILE *md, int quick)
{
    smooth_cfg cfg[2];
    smooth_result res[2];
    const char *label[2] = {"adaptive (default)", "fixed, dt_max 0.5 min"};
    for (int s = 0; s < 2; ++s) {
        smooth_cfg_default(&cfg[s]);
        cfg[s].threads = 0;
        if (quick) cfg[s].candidates = 140;
        if (s == 1) {
            cfg[s].opt.step_control = SHP_STEP_FIXED;
            cfg[s].opt.dt_max = 0.5;
        }
        char err[256];
        if (smooth_run(&cfg[s], &res[s], err, sizeof err) != SHP_OK) {
            fprintf(stderr, "bench smooth: %s\n", err);
            if (s == 1) smooth_result_free(&res[0]);
            return 1;
        }
        smooth_summary a;
        smooth_summarize(&res[s], -1, cfg[s].threshold, &a);
        fprintf(stderr, "smooth %-22s %d/%d within %g, %.1f s\n", label[s], a.within, a.scored,
                cfg[s].threshold, res[s].wall_s);
    }

    const smooth_cfg *c = &cfg[0];
    fprintf(md, "## Smoothness of the forward model\n\n");
    fprintf(md, "Section `smooth` (`bench/bench_smooth.c`, `bench/smooth_stat.c`). %d random valid "
                "candidates over all %d hydraulic models (seed %llu; free parameters uniform or "
                "log-uniform in the inversion bounds, fixed ones at their defaults), ponded %g cm, "
                "free drainage, %g cm, %d nodes (ratio %g), %g min, initial Se uniform in [%g, %g]. "
                "Each parameter in turn (fixed ones included) × (1 + %g); a candidate's score is the "
                "largest |Δy| / max(|y|, %g · max |y| of the series) over Q, v_inst, v_mean every %g min "
                "and the final θ profile. Statistic: the share of candidates whose base column ran "
                "that score below %g (target at least 99 %%). Other settings: solver defaults.\n\n",
            c->candidates, shp_model_count(), (unsigned long long)c->seed, c->head, c->depth, c->nodes,
            c->ratio, c->t_end, c->se_lo, c->se_hi, c->rel, c->floor, c->every, c->threshold);
    fprintf(md, "| step control | scored | failed | within %g | share | median | worst | perturbed "
                "column failed | columns | steps/column | wall [s] (threads) | CPU ms/candidate |\n",
            c->threshold);
    fprintf(md, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (int s = 0; s < 2; ++s) {
        smooth_summary a;
        smooth_summarize(&res[s], -1, cfg[s].threshold, &a);
        fprintf(md, "| %s | %d | %d | %d | %.1f %% | %.2e | %.2e | %d | %ld | %.0f | %.1f (%d) | %.0f |\n",
                label[s], a.scored, a.failed + a.not_drawn, a.within, a.scored ? 100.0 * a.within / a.scored : 0.0,
                a.median, a.worst, a.perturbed_failed, res[s].columns,
                res[s].columns ? (double)res[s].steps / res[s].columns : 0.0, res[s].wall_s, res[s].threads,
                res[s].n ? 1e3 * res[s].cpu_s / res[s].n : 0.0);
    }
    fprintf(md, "\n| model | adaptive: within / scored | worst | fixed 0.5: within / scored | worst |\n");
    fprintf(md, "|---|---:|---:|---:|---:|\n");
    for (int i = 0; i < shp_model_count(); ++i) {
        const int id = (int)shp_model_info(i)->id;
        smooth_summary a, f;
        smooth_summarize(&res[0], id, cfg[0].threshold, &a);
        smooth_summarize(&res[1], id, cfg[1].threshold, &f);
        fprintf(md, "| `%s` | %d / %d | %.2e | %d / %d | %.2e |\n", shp_model_info(i)->name, a.within,
                a.scored, a.worst, f.within, f.scored, f.worst);
    }
    fprintf(md, "\nOne setting at a time, with the per-candidate CSV: `build/shpfit-bench smooth "
                "[--step-control fixed --dt-max 0.5] [--candidates N] [--csv FILE]` (bench/README.md).\n\n");
    smooth_result_free(&res[0]);
    smooth_result_free(&res[1]);
    return 0;
}
