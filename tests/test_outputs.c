/* Outputs are whole or absent: a run whose files cannot be written (a full disk,
 * simulated with a file-size limit) exits with 1 and leaves the output directory as an
 * earlier run left it — no truncated file, no temporary, no staging folder — and a
 * later run cleans up after a killed one. Runs the program (SHPFIT in test_util.h)
 * with cwd = tests/. */
#define _POSIX_C_SOURCE 200809L /* mkdtemp */
#include <criterion/criterion.h>
#include "test_util.h"

/* "ls -a" of dir (names only, sorted) with each file's size: what a reader would see. */
static char *listing(const char *dir)
{
    char path[1100];
    snprintf(path, sizeof path, "%s.listing", dir);
    cr_assert_eq(tu_run("cd '%s' && ls -A | while read f; do printf '%%s %%s\\n' \"$f\" \"$(cksum < \"$f\" 2>/dev/null)\"; "
                        "done > '%s'", dir, path),
                 0);
    return tu_slurp(path);
}

/* The command, run under a file-size limit of `kb` KiB with SIGXFSZ ignored, so a
 * write past it fails with EFBIG as on a full disk. Its exit code. */
static int run_with_full_disk(int kb, const char *cmd)
{
    return tu_run("trap '' XFSZ; ulimit -f %d; %s > /dev/null 2> /dev/null", kb, cmd);
}

Test(outputs, a_full_disk_leaves_the_earlier_results_alone, .timeout = 300)
{
    setenv("SHPFIT_GNUPLOT", "", 1);
    char tmp[64], cmd[1024];
    tu_make_tmp(tmp, sizeof tmp, "outputs");
    /* forward: an earlier run's results, then a run with other output times whose
     * series.csv cannot be written whole */
    cr_assert_eq(tu_run(SHPFIT " forward data/good/ponded_small.json --out %s/fwd > /dev/null", tmp), 0);
    char *before = listing(tu_file_in(tmp, "fwd"));
    cr_assert_eq(tu_run("sed '/\"times\": \\[/,/\\]/c\\      \"times\": {\"end\": 60, \"every\": 0.05},' "
                        "data/good/ponded_small.json > %s/many.json && grep -q '\"every\": 0.05' %s/many.json",
                        tmp, tmp),
                 0, "the config's output.times could not be changed");
    snprintf(cmd, sizeof cmd, SHPFIT " forward %s/many.json --out %s/fwd", tmp, tmp);
    cr_expect_eq(run_with_full_disk(16, cmd), 1, "a write failure is exit 1");
    char *after = listing(tu_file_in(tmp, "fwd"));
    cr_expect_str_eq(after, before, "the earlier results changed");
    free(before);
    free(after);

    /* fit: the same for its result set (the checkpoint may stay: it is not a result) */
    cr_assert_eq(tu_run("cp data/fit/loam_fit.json %s/fit.json && " SHPFIT " synth %s/fit.json --out %s/obs > /dev/null && "
                        "sed -i 's/\"generations\": 150/\"generations\": 4/' %s/fit.json",
                        tmp, tmp, tmp, tmp),
                 0);
    cr_assert_eq(tu_run(SHPFIT " fit %s/fit.json --out %s/fit --seed 1 > /dev/null", tmp, tmp), 0);
    before = listing(tu_file_in(tmp, "fit"));
    snprintf(cmd, sizeof cmd, SHPFIT " fit %s/fit.json --out %s/fit --seed 2", tmp, tmp);
    cr_expect_eq(run_with_full_disk(8, cmd), 1, "a write failure is exit 1");
    cr_expect_eq(tu_run("rm -f %s/fit/fit.checkpoint", tmp), 0);
    after = listing(tu_file_in(tmp, "fit"));
    cr_expect_str_eq(after, before, "the earlier results changed");
    free(before);
    free(after);
    tu_remove_tree(tmp);
}

Test(outputs, the_next_run_removes_what_a_killed_run_left, .timeout = 120)
{
    setenv("SHPFIT_GNUPLOT", "", 1);
    char tmp[64];
    tu_make_tmp(tmp, sizeof tmp, "outputs");
    /* what a kill -9 in the middle of writing leaves: a staging folder of a process that
     * no longer exists (pid 2^22 + 1 is above Linux's pid_max) */
    cr_assert_eq(tu_run("mkdir -p %s/fwd/.shpfit-partial-4194305-abcdef && "
                        "echo '{\"cut' > %s/fwd/.shpfit-partial-4194305-abcdef/summary.json",
                        tmp, tmp),
                 0);
    cr_assert_eq(tu_run(SHPFIT " forward data/good/ponded_small.json --out %s/fwd > /dev/null", tmp), 0);
    cr_expect_neq(tu_run("test -e %s/fwd/.shpfit-partial-4194305-abcdef", tmp), 0, "the orphan is still there");
    cr_expect_eq(tu_run("ls -A %s/fwd | grep -q -e '^\\.shpfit' -e '\\.part-'", tmp), 1, "a partial file is left");
    cr_expect_eq(tu_run("test -s %s/fwd/summary.json && test -s %s/fwd/series.csv", tmp, tmp), 0);
    tu_remove_tree(tmp);
}
