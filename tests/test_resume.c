/* Long runs survive kill -9: a fit (with its Levenberg–Marquardt polish) and a benchmark
 * campaign are killed at pseudo-random moments, resumed each time, and must end with the
 * result of an uninterrupted run bit for bit (wall times aside: they are measurements).
 * The moments scale with the uninterrupted run's own duration, so every machine sees
 * kills spread over the whole run: early in a generation, while a batch is written,
 * during the polish, while the results are written. Runs the program (SHPFIT in
 * test_util.h) with cwd = tests/. */
#define _POSIX_C_SOURCE 200809L /* mkdtemp, nanosleep, kill */
#include <criterion/criterion.h>
#include "test_util.h"

#include <cjson/cJSON.h>
#include <signal.h>
#include <stdint.h>
#include <time.h>
#include <unistd.h>

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* Start `sh -c "exec <cmd>"` (the pid is the program's once the shell has exec'd). */
static pid_t start(const char *cmd)
{
    char line[4096];
    snprintf(line, sizeof line, "exec %s > /dev/null 2>&1", cmd);
    const pid_t pid = fork();
    cr_assert(pid >= 0, "fork");
    if (pid == 0) {
        execl("/bin/sh", "sh", "-c", line, (char *)NULL);
        _exit(127);
    }
    return pid;
}

/* Run cmd to its end; its exit code, and its duration in *secs. */
static int run_whole(const char *cmd, double *secs)
{
    const double t0 = now_s();
    int st = 0;
    waitpid(start(cmd), &st, 0);
    *secs = now_s() - t0;
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* Run cmd again and again, each time killed with SIGKILL after a pseudo-random delay of
 * 1 % to 6 % of `whole` seconds, until it ends by itself: its exit code; the kills in
 * *kills. */
static int run_killed(const char *cmd, double whole, uint64_t seed, int *kills)
{
    uint64_t x = seed;
    *kills = 0;
    for (int attempt = 0; attempt < 2000; ++attempt) {
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        const double delay = whole * (0.01 + 0.05 * (double)(x >> 11) / 9007199254740992.0);
        const pid_t pid = start(cmd);
        const struct timespec ts = {(time_t)delay, (long)((delay - (double)(time_t)delay) * 1e9)};
        nanosleep(&ts, NULL);
        int st = 0;
        if (waitpid(pid, &st, WNOHANG) == pid) return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
        kill(pid, SIGKILL);
        waitpid(pid, &st, 0);
        if (WIFEXITED(st)) return WEXITSTATUS(st); /* it ended just before the kill */
        ++*kills;
    }
    cr_assert_fail("the run never ended: no progress between kills");
    return -1;
}

/* Every "wall…" member removed, recursively: a JSON document's deterministic part. */
static void drop_walls(cJSON *o)
{
    for (cJSON *it = o ? o->child : NULL, *next; it; it = next) {
        next = it->next;
        if (it->string && strstr(it->string, "wall")) cJSON_DeleteItemFromObjectCaseSensitive(o, it->string);
        else drop_walls(it);
    }
}

static void expect_same_json(const char *a, const char *b)
{
    char *ta = tu_slurp(a), *tb = tu_slurp(b);
    cr_assert(ta && tb, "%s or %s missing", a, b);
    cJSON *ja = cJSON_Parse(ta), *jb = cJSON_Parse(tb);
    cr_assert(ja && jb, "%s or %s is not JSON", a, b);
    drop_walls(ja);
    drop_walls(jb);
    char *pa = cJSON_Print(ja), *pb = cJSON_Print(jb);
    cr_expect_str_eq(pa, pb, "%s and %s differ", a, b);
    free(pa);
    free(pb);
    cJSON_Delete(ja);
    cJSON_Delete(jb);
    free(ta);
    free(tb);
}

/* A CSV's text without the columns whose header names a wall time. */
static char *csv_without_walls(const char *path)
{
    char *text = tu_slurp(path);
    cr_assert_not_null(text, "%s missing", path);
    char *out = malloc(2 * strlen(text) + 2), *o = out; /* a ',' after each field */
    int skip[256] = {0}, row = 0;
    for (char *save = NULL, *l = strtok_r(text, "\n", &save); l; l = strtok_r(NULL, "\n", &save), ++row) {
        int col = 0;
        for (char *f = l;; ++col) {
            char *comma = strchr(f, ',');
            if (comma) *comma = '\0';
            if (row == 0 && col < 256) skip[col] = strstr(f, "wall") != NULL;
            if (col >= 256 || !skip[col]) o += sprintf(o, "%s,", f);
            if (!comma) break;
            f = comma + 1;
        }
        *o++ = '\n';
    }
    *o = '\0';
    free(text);
    return out;
}

static void expect_same_csv(const char *a, const char *b)
{
    char *ta = csv_without_walls(a), *tb = csv_without_walls(b);
    cr_expect_str_eq(ta, tb, "%s and %s differ", a, b);
    free(ta);
    free(tb);
}

static void expect_same_file(const char *a, const char *b)
{
    char *ta = tu_slurp(a), *tb = tu_slurp(b);
    cr_assert(ta && tb, "%s or %s missing", a, b);
    cr_expect_str_eq(ta, tb, "%s and %s differ", a, b);
    free(ta);
    free(tb);
}

/* Nothing left behind but results: no checkpoint, no staging folder, no temporary. */
static void expect_clean(const char *dir)
{
    cr_expect_neq(tu_run("ls -a '%s' | grep -q -e '^\\.shpfit-partial' -e '\\.part-' -e checkpoint", dir), 0,
                  "%s still holds a checkpoint or a partial file", dir);
}

Test(resume, fit_killed_again_and_again_ends_bit_identical, .timeout = 900)
{
    setenv("SHPFIT_GNUPLOT", "", 1); /* plots are not the point; their absence is reported */
    char tmp[64], cmd[1024], a[512], b[512];
    tu_make_tmp(tmp, sizeof tmp, "resume");
    /* the fit-test loam (41 nodes), a short SHADE run, then the polish */
    cr_assert_eq(tu_run("cp data/fit/loam_fit.json %s/fit.json && " SHPFIT " synth %s/fit.json --out %s/obs > /dev/null && "
                        "sed -i 's/\"generations\": 150/\"generations\": 40/; s/\"population\": 20/\"population\": 12, "
                        "\"polish\": true/' %s/fit.json",
                        tmp, tmp, tmp, tmp),
                 0);
    snprintf(cmd, sizeof cmd, SHPFIT " fit %s/fit.json --out %s/whole --seed 5", tmp, tmp);
    double whole = 0.0;
    cr_assert_eq(run_whole(cmd, &whole), 0, "the uninterrupted fit failed");
    snprintf(cmd, sizeof cmd, SHPFIT " fit %s/fit.json --out %s/killed --seed 5 --resume", tmp, tmp);
    int kills = 0;
    cr_assert_eq(run_killed(cmd, whole, 42, &kills), 0, "the resumed fit failed");
    cr_log_info("fit: %d kills over an uninterrupted %.2f s run", kills, whole);
    cr_expect_geq(kills, 20, "only %d kills", kills);
    static const char *const csv[] = {"history.csv", "pareto.csv"};
    static const char *const same[] = {"best_series.csv", "fit_curves.csv"};
    for (int i = 0; i < 2; ++i) {
        snprintf(a, sizeof a, "%s/whole/%s", tmp, csv[i]);
        snprintf(b, sizeof b, "%s/killed/%s", tmp, csv[i]);
        expect_same_csv(a, b);
        snprintf(a, sizeof a, "%s/whole/%s", tmp, same[i]);
        snprintf(b, sizeof b, "%s/killed/%s", tmp, same[i]);
        expect_same_file(a, b);
    }
    snprintf(a, sizeof a, "%s/whole/result.json", tmp);
    snprintf(b, sizeof b, "%s/killed/result.json", tmp);
    expect_same_json(a, b);
    snprintf(a, sizeof a, "%s/killed", tmp);
    expect_clean(a);
    tu_remove_tree(tmp);
}

Test(resume, campaign_killed_again_and_again_ends_bit_identical, .timeout = 900)
{
    setenv("SHPFIT_GNUPLOT", "", 1);
    char tmp[64], cmd[1024], a[512], b[512];
    tu_make_tmp(tmp, sizeof tmp, "resume");
    /* two cases, three variants (one polished), two seeds: runs finish at different
     * generations, so kills fall between the rows of runs.csv and history.csv too */
    FILE *f = fopen(tu_file_in(tmp, "campaign.json"), "w");
    cr_assert_not_null(f);
    fprintf(f, "{\"name\": \"resume\", \"cases\": [{\"name\": \"a\", \"config\": \"%s/data/fit/loam_fit.json\", "
               "\"synth\": true}, {\"name\": \"b\", \"config\": \"%s/data/fit/loam_fit.json\", \"synth\": "
               "{\"noise\": {\"Q\": 0.02}}}], \"variants\": [{\"name\": \"shade\", \"algorithm\": \"shade\", "
               "\"population\": 12}, {\"name\": \"pso\", \"algorithm\": \"pso\", \"population\": 12}, "
               "{\"name\": \"polished\", \"algorithm\": \"shade\", \"population\": 12, \"polish\": true}], "
               "\"seeds\": 2, \"budget\": {\"evaluations\": 240}, \"target\": {\"objective\": 0.05}, "
               "\"stop_at_target\": false}\n",
            getcwd(a, sizeof a), a);
    fclose(f);
    snprintf(cmd, sizeof cmd, SHPFIT " bench %s/campaign.json --out %s/whole --backend cpu", tmp, tmp);
    double whole = 0.0;
    cr_assert_eq(run_whole(cmd, &whole), 0, "the uninterrupted campaign failed");
    snprintf(cmd, sizeof cmd, SHPFIT " bench %s/campaign.json --out %s/killed --backend cpu", tmp, tmp);
    int kills = 0;
    cr_assert_eq(run_killed(cmd, whole, 7, &kills), 0, "the resumed campaign failed");
    cr_log_info("bench: %d kills over an uninterrupted %.2f s run", kills, whole);
    cr_expect_geq(kills, 20, "only %d kills", kills);
    static const char *const csv[] = {"runs.csv", "history.csv", "convergence_a.csv", "ecdf_b.csv"};
    for (int i = 0; i < 4; ++i) {
        snprintf(a, sizeof a, "%s/whole/%s", tmp, csv[i]);
        snprintf(b, sizeof b, "%s/killed/%s", tmp, csv[i]);
        expect_same_csv(a, b);
    }
    snprintf(a, sizeof a, "%s/killed", tmp);
    expect_clean(a);
    tu_remove_tree(tmp);
}

Test(resume, posterior_killed_again_and_again_ends_bit_identical, .timeout = 900)
{
    setenv("SHPFIT_GNUPLOT", "", 1);
    char tmp[64], cmd[1024], a[512], b[512];
    tu_make_tmp(tmp, sizeof tmp, "resume");
    /* the fit-test loam (41 nodes); a budget that ends the sampler mid-burn-in (exit 3) */
    cr_assert_eq(tu_run("cp data/fit/loam_fit.json %s/fit.json && " SHPFIT " synth %s/fit.json --out %s/obs > /dev/null && "
                        "sed -i 's/\"truth\": \"materials\",/\"truth\": \"materials\", \"posterior\": {\"max_evaluations\": "
                        "960, \"chains\": 6, \"check_every\": 10, \"min_window\": 10, \"predictive_draws\": 3},/' %s/fit.json",
                        tmp, tmp, tmp, tmp),
                 0);
    snprintf(cmd, sizeof cmd, SHPFIT " posterior %s/fit.json --out %s/whole --seed 3", tmp, tmp);
    double whole = 0.0;
    cr_assert_eq(run_whole(cmd, &whole), 3, "the uninterrupted posterior did not end on its budget");
    snprintf(cmd, sizeof cmd, SHPFIT " posterior %s/fit.json --out %s/killed --seed 3 --resume", tmp, tmp);
    int kills = 0;
    cr_assert_eq(run_killed(cmd, whole, 11, &kills), 3, "the resumed posterior failed");
    cr_log_info("posterior: %d kills over an uninterrupted %.2f s run", kills, whole);
    cr_expect_geq(kills, 20, "only %d kills", kills);
    static const char *const same[] = {"posterior_chains.csv", "posterior_samples.csv", "posterior_rhat.csv",
                                       "posterior_predictive.csv", "posterior_curves.csv"};
    for (int i = 0; i < 5; ++i) {
        snprintf(a, sizeof a, "%s/whole/%s", tmp, same[i]);
        snprintf(b, sizeof b, "%s/killed/%s", tmp, same[i]);
        expect_same_file(a, b);
    }
    snprintf(a, sizeof a, "%s/whole/posterior.json", tmp);
    snprintf(b, sizeof b, "%s/killed/posterior.json", tmp);
    expect_same_json(a, b);
    snprintf(a, sizeof a, "%s/killed", tmp);
    expect_clean(a);
    tu_remove_tree(tmp);
}
