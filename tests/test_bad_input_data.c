/* Bad data files: the observation CSVs of `fit` (and the initial profile of `forward`),
 * the case configurations and synth keys of `bench` and `paper` campaigns, and the
 * published tables `paper` reads. A bad one must exit 2 before any work, naming the
 * configuration, the field, the data file and the line; a CSV with CRLF or CR line ends,
 * a UTF-8 byte order mark, or ';', tabs or spaces between its values must be read, to the
 * same values. Part of the bad-input test
 * (bad_input.h). */
#define _POSIX_C_SOURCE 200809L /* strdup, strtok_r */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bad_input.h"
#include "test_util.h"

#define T(s) s, sizeof(s) - 1
#define BOM "\xEF\xBB\xBF"

/* ------------------------------------------------------------ fit observations */

/* One observation file of good/fit.json replaced. values: for a file that must be read,
 * "x:observed …" of its rows as best_series.csv must show them. */
static const struct {
    const char *id, *kind;
    const char *text;
    size_t len;
    int expect, line;
    const char *values;
} csv_cases[] = {
    {"CRLF line ends", "Q", T("time_min,Q_cm\r\n5,0.6\r\n10,0.85\r\n15,1.05\r\n"), 0, 0, "5:0.6 10:0.85 15:1.05"},
    {"CRLF line ends, no header", "Q", T("5,0.6\r\n10,0.85\r\n15,1.05\r\n"), 0, 0, "5:0.6 10:0.85 15:1.05"},
    {"UTF-8 byte order mark", "Q", T(BOM "time_min,Q_cm\n5,0.6\n10,0.85\n15,1.05\n"), 0, 0, "5:0.6 10:0.85 15:1.05"},
    {"UTF-8 byte order mark, no header", "Q", T(BOM "5,0.6\n10,0.85\n15,1.05\n"), 0, 0, "5:0.6 10:0.85 15:1.05"},
    {"byte order mark and CRLF", "Q", T(BOM "time_min,Q_cm\r\n5,0.6\r\n10,0.85\r\n15,1.05\r\n"), 0, 0,
     "5:0.6 10:0.85 15:1.05"},
    {"no newline at the end", "Q", T("time_min,Q_cm\n5,0.6\n10,0.85\n15,1.05"), 0, 0, "5:0.6 10:0.85 15:1.05"},
    {"comments and blank lines", "Q", T("# measured\n\ntime_min,Q_cm\n5,0.6\n\n# more\n10,0.85\n15,1.05\n"), 0, 0,
     "5:0.6 10:0.85 15:1.05"},
    {"v with CRLF line ends", "v", T("time_min,v_cm_per_min\r\n5,0.063\r\n10,0.046\r\n"), 0, 0, "5:0.063 10:0.046"},
    {"theta_final with a byte order mark and CRLF", "theta_final", T(BOM "depth_cm,theta\r\n0,0.43\r\n5,0.34\r\n10,0.22\r\n"),
     0, 0, "0:0.43 5:0.34 10:0.22"},
    {"; separators", "Q", T("time_min;Q_cm\n5;0.6\n10;0.85\n15;1.05\n"), 0, 0, "5:0.6 10:0.85 15:1.05"},
    {"; separators, no header", "Q", T("5;0.6\n10;0.85\n15;1.05\n"), 0, 0, "5:0.6 10:0.85 15:1.05"},
    {"tab separators", "Q", T("time_min\tQ_cm\n5\t0.6\n10\t0.85\n15\t1.05\n"), 0, 0, "5:0.6 10:0.85 15:1.05"},
    {"runs of spaces and tabs", "Q", T("time_min   Q_cm\n  5 \t 0.6\n10    0.85\n15\t1.05\n"), 0, 0,
     "5:0.6 10:0.85 15:1.05"},
    {"CR line ends (old Mac)", "Q", T("time_min,Q_cm\r5,0.6\r10,0.85\r15,1.05\r"), 0, 0, "5:0.6 10:0.85 15:1.05"},
    {"CR line ends, ; and a byte order mark", "Q", T(BOM "time_min;Q_cm\r5;0.6\r10;0.85\r15;1.05"), 0, 0,
     "5:0.6 10:0.85 15:1.05"},
    {"CR line ends, a bad row", "Q", T("time_min,Q_cm\r5,0.6\r10,0.85\r15,x\r"), 2, 4, NULL},
    {"decimal commas and ;", "Q", T("time_min;Q_cm\n5;0,6\n10;0,85\n15;1,05\n"), 2, 2, NULL},
    {"decimal commas and ;, no header", "Q", T("5;0,6\n10;0,85\n15;1,05\n"), 2, 1, NULL},
    {"decimal commas and ,", "Q", T("time_min,Q_cm\n5,0,6\n10,0,85\n15,1,05\n"), 2, 2, NULL},
    {"; after , on line 1", "Q", T("time_min,Q_cm\n5,0.6\n10;0.85\n15,1.05\n"), 2, 3, NULL},
    {"spaces after tabs on line 1", "Q", T("time_min\tQ_cm\n5\t0.6\n10 0.85\n15\t1.05\n"), 2, 3, NULL},
    {"a time given twice", "Q", T("time_min,Q_cm\n5,0.6\n10,0.85\n10,0.9\n15,1.05\n"), 2, 4, NULL},
    {"times out of order", "Q", T("time_min,Q_cm\n5,0.6\n15,1.05\n10,0.85\n"), 2, 4, NULL},
    {"an empty file", "Q", T(""), 2, 0, NULL},
    {"a header only", "Q", T("time_min,Q_cm\n"), 2, 0, NULL},
    {"comments and blank lines only", "Q", T("# nothing measured\n\n"), 2, 0, NULL},
    {"Q of 1e308 (its square overflows)", "Q", T("time_min,Q_cm\n5,0.6\n10,1e308\n15,1.05\n"), 2, 3, NULL},
    {"Q of -1e308", "Q", T("time_min,Q_cm\n5,0.6\n10,-1e308\n15,1.05\n"), 2, 3, NULL},
    {"Q of 1e999", "Q", T("time_min,Q_cm\n5,0.6\n10,1e999\n15,1.05\n"), 2, 3, NULL},
    {"a time of 1e308", "Q", T("time_min,Q_cm\n5,0.6\n10,0.85\n1e308,1.05\n"), 2, 4, NULL},
    {"nan", "Q", T("time_min,Q_cm\n5,0.6\n10,nan\n15,1.05\n"), 2, 3, NULL},
    {"NaN", "Q", T("time_min,Q_cm\n5,0.6\n10,NaN\n15,1.05\n"), 2, 3, NULL},
    {"inf", "Q", T("time_min,Q_cm\n5,0.6\n10,inf\n15,1.05\n"), 2, 3, NULL},
    {"-inf", "Q", T("time_min,Q_cm\n5,0.6\n10,-inf\n15,1.05\n"), 2, 3, NULL},
    {"Infinity", "Q", T("time_min,Q_cm\n5,0.6\n10,Infinity\n15,1.05\n"), 2, 3, NULL},
    {"a row of three fields", "Q", T("time_min,Q_cm\n5,0.6\n10,0.85,7\n15,1.05\n"), 2, 3, NULL},
    {"a row of one field", "Q", T("time_min,Q_cm\n5,0.6\n10\n15,1.05\n"), 2, 3, NULL},
    {"an empty field", "Q", T("time_min,Q_cm\n5,0.6\n10,\n15,1.05\n"), 2, 3, NULL},
    {"text after a number", "Q", T("time_min,Q_cm\n5,0.6\n10,0.85cm\n15,1.05\n"), 2, 3, NULL},
    {"a NUL byte in a row", "Q", T("time_min,Q_cm\n5,0.6\n10,0.85\0junk\n15,1.05\n"), 2, 3, NULL},
    {"a negative time", "Q", T("time_min,Q_cm\n-5,0.6\n10,0.85\n15,1.05\n"), 2, 2, NULL},
    {"a time of 0", "Q", T("time_min,Q_cm\n0,0\n5,0.6\n10,0.85\n"), 2, 2, NULL},
    {"v of 1e308", "v", T("time_min,v_cm_per_min\n5,0.063\n10,1e308\n"), 2, 3, NULL},
    {"theta_final at a depth of 1e308", "theta_final", T("depth_cm,theta\n0,0.43\n5,0.34\n1e308,0.22\n"), 2, 4, NULL},
    {"theta_final of 1e308", "theta_final", T("depth_cm,theta\n0,0.43\n5,1e308\n10,0.22\n"), 2, 3, NULL},
    {"theta_final depth given twice", "theta_final", T("depth_cm,theta\n0,0.43\n5,0.34\n5,0.3\n10,0.22\n"), 2, 4, NULL},
};

/* The rows of series `kind` in best_series.csv (series,x,x_unit,depth,observed,…) against
 * "x:observed …". */
static int check_values(const bi_case *c, const char *out, char *why, size_t len)
{
    const char *kind = c->check_arg, *want = strchr(kind, '=') + 1;
    char path[8400];
    snprintf(path, sizeof path, "%s/best_series.csv", out);
    char *text = bi_read(path, NULL);
    if (!text) return snprintf(why, len, "no best_series.csv"), 1;
    double wx[16], wy[16], gx[16], gy[16];
    int nw = 0, ng = 0;
    for (const char *p = want; *p && nw < 16; ++nw) {
        char *end;
        wx[nw] = strtod(p, &end);
        wy[nw] = strtod(end + 1, &end);
        p = end + (*end == ' ');
    }
    const size_t kl = (size_t)(strchr(kind, '=') - kind);
    char *save = NULL;
    for (char *l = strtok_r(text, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
        char *f[8];
        if (tu_csv_split(l, f, 8) < 5 || strlen(f[0]) != kl || strncmp(f[0], kind, kl) || ng == 16) continue;
        gx[ng] = strtod(f[1], NULL);
        gy[ng++] = strtod(f[4], NULL);
    }
    free(text);
    int bad = ng != nw;
    for (int i = 0; i < ng && !bad; ++i) bad = fabs(gx[i] - wx[i]) > 1e-9 * fabs(wx[i]) || fabs(gy[i] - wy[i]) > 1e-9 * fabs(wy[i]);
    if (!bad) return 0;
    int k = snprintf(why, len, "%.*s read as", (int)kl, kind);
    for (int i = 0; i < ng && k > 0 && (size_t)k < len; ++i) k += snprintf(why + k, len - (size_t)k, " %g:%g", gx[i], gy[i]);
    if (k > 0 && (size_t)k < len) snprintf(why + k, len - (size_t)k, ", not %s", want);
    return 1;
}

static void copy_file(const char *from, const char *to)
{
    size_t n = 0;
    char *s = bi_read(from, &n);
    cr_assert_not_null(s, "%s", from);
    bi_write(to, s, n);
    free(s);
}

/* TMP/csv: good/fit.json and real copies of its observations, one of which each case
 * replaces. */
static void fit_dir(bi_ctx *x, char *dir, size_t len)
{
    snprintf(dir, len, "%s/csv", x->tmp);
    char p[256], q[256];
    mkdir(dir, 0755);
    snprintf(p, sizeof p, "%s/obs", dir);
    mkdir(p, 0755);
    snprintf(p, sizeof p, "%s/fit.json", dir);
    copy_file(BI_GOOD "/fit.json", p);
    static const char *const kinds[] = {"Q", "v", "theta_final"};
    for (int i = 0; i < 3; ++i) {
        snprintf(p, sizeof p, BI_GOOD "/obs/%s.csv", kinds[i]);
        snprintf(q, sizeof q, "%s/obs/%s.csv", dir, kinds[i]);
        copy_file(p, q);
    }
}

Test(bad_input, fit_observation_files)
{
    bi_ctx x;
    bi_begin(&x, "fit_observation_files");
    char dir[128], cfg[160], obs[200], keep[200];
    fit_dir(&x, dir, sizeof dir);
    snprintf(cfg, sizeof cfg, "%s/fit.json", dir);
    for (size_t i = 0; i < sizeof csv_cases / sizeof *csv_cases; ++i) {
        snprintf(obs, sizeof obs, "%s/obs/%s.csv", dir, csv_cases[i].kind);
        snprintf(keep, sizeof keep, "%s/obs/%s.csv.good", dir, csv_cases[i].kind);
        cr_assert_eq(rename(obs, keep), 0);
        bi_write(obs, csv_cases[i].text, csv_cases[i].len);
        bi_case c;
        bi_case_init(&c, csv_cases[i].expect, "fit: observation file %s.csv: %s", csv_cases[i].kind, csv_cases[i].id);
        bi_arg(&c, "fit");
        bi_arg(&c, "%s", cfg);
        char kv[96];
        if (csv_cases[i].expect == 0) {
            c.files[0] = "result.json";
            c.files[1] = "best_series.csv";
            snprintf(kv, sizeof kv, "%s=%s", csv_cases[i].kind, csv_cases[i].values);
            c.check = check_values;
            c.check_arg = kv;
        } else {
            bi_must(&c, "%s", cfg);
            bi_must(&c, "fit.observations.%s.file", csv_cases[i].kind);
            bi_must(&c, "%s", obs);
            c.line = csv_cases[i].line;
        }
        bi_run(&x, &c);
        cr_assert_eq(rename(keep, obs), 0);
    }

    /* the file itself: missing, a directory, unreadable, in a missing directory */
    cJSON *doc = bi_load_json(BI_GOOD "/fit.json");
    static const struct {
        const char *what, *file, *reason;
        int nobody;
    } files[] = {
        {"a missing observation file", "\"obs/none.csv\"", "No such file or directory", 0},
        {"a directory as the observation file", "\"obs\"", "Is a directory", 0},
        {"an unreadable observation file", "\"obs/locked.csv\"", "Permission denied", 1},
        {"an observation file named by an absent path", "\"no/such/dir/Q.csv\"", "No such file or directory", 0},
    };
    snprintf(obs, sizeof obs, "%s/obs/locked.csv", dir);
    copy_file(BI_GOOD "/obs/Q.csv", obs);
    chmod(obs, 0);
    for (size_t i = 0; i < sizeof files / sizeof *files; ++i) {
        char *text = bi_set(doc, "fit.observations.Q.file", files[i].file);
        bi_write(cfg, text, strlen(text));
        free(text);
        bi_case c;
        bi_case_init(&c, 2, "fit: %s", files[i].what);
        bi_arg(&c, "fit");
        bi_arg(&c, "%s", cfg);
        bi_must(&c, "%s", cfg);
        bi_must(&c, "fit.observations.Q.file");
        snprintf(obs, sizeof obs, "%s/%.*s", dir, (int)strlen(files[i].file) - 2, files[i].file + 1);
        bi_must(&c, "%s", obs);
        bi_must(&c, "%s", files[i].reason);
        c.as_nobody = files[i].nobody;
        bi_run(&x, &c);
    }
    cJSON_Delete(doc);
    bi_end(&x, 40);
}

/* ------------------------------------------------------------ forward's initial profile */

static const struct {
    const char *id, *text;
    size_t len;
    int expect, line;
} profile_cases[] = {
    {"CRLF line ends", T("depth,theta\r\n0,0.20\r\n50,0.30\r\n100,0.35\r\n"), 0, 0},
    {"a UTF-8 byte order mark", T(BOM "depth,theta\n0,0.20\n50,0.30\n100,0.35\n"), 0, 0},
    {"a byte order mark, no header", T(BOM "0,0.20\n50,0.30\n100,0.35\n"), 0, 0},
    {"a depth of 1e308", T("depth,theta\n0,0.20\n50,0.30\n1e308,0.35\n"), 2, 4},
    {"theta of 1e308", T("depth,theta\n0,0.20\n50,1e308\n100,0.35\n"), 2, 3},
    {"a NUL byte in a row", T("depth,theta\n0,0.20\n50,0.30\0junk\n100,0.35\n"), 2, 3},
    {"; separators", T("depth;theta\n0;0.20\n50;0.30\n100;0.35\n"), 0, 0},
    {"tab separators, CR line ends", T("depth\ttheta\r0\t0.20\r50\t0.30\r100\t0.35\r"), 0, 0},
    {"spaces, no header", T("0 0.20\n50   0.30\n 100 0.35\n"), 0, 0},
    {", after ; on line 1", T("depth;theta\n0;0.20\n50,0.30\n100;0.35\n"), 2, 3},
    {"a depth given twice", T("depth,theta\n0,0.20\n50,0.30\n50,0.31\n100,0.35\n"), 2, 4},
};

/* profile_final.csv as that of the reference run (the same profile with plain line ends) */
static int same_profile(const bi_case *c, const char *out, char *why, size_t len)
{
    char p[8400];
    snprintf(p, sizeof p, "%s/profile_final.csv", out);
    char *a = bi_read(p, NULL), *b = bi_read(c->check_arg, NULL);
    const int differ = !a || !b || strcmp(a, b) != 0;
    if (differ) snprintf(why, len, "profile_final.csv differs from that of the same profile with plain line ends");
    free(a);
    free(b);
    return differ;
}

Test(bad_input, forward_initial_profiles)
{
    bi_ctx x;
    bi_begin(&x, "forward_initial_profiles");
    char dir[128], cfg[160], csv[200], ref[200];
    snprintf(dir, sizeof dir, "%s/profile", x.tmp);
    mkdir(dir, 0755);
    snprintf(cfg, sizeof cfg, "%s/csv_theta.json", dir);
    copy_file("data/good/csv_theta.json", cfg);
    snprintf(csv, sizeof csv, "%s/csv", dir);
    mkdir(csv, 0755);
    snprintf(csv, sizeof csv, "%s/csv/theta.csv", dir);
    /* the reference: the profile with plain line ends */
    static const char plain[] = "depth,theta\n0,0.20\n50,0.30\n100,0.35\n";
    bi_write(csv, plain, sizeof plain - 1);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "SHPFIT_GNUPLOT= %s forward %s --out %s/ref > /dev/null 2>&1", SHPFIT, cfg, x.tmp);
    cr_assert_eq(system(cmd), 0, "%s", cmd);
    snprintf(ref, sizeof ref, "%s/ref/profile_final.csv", x.tmp);
    for (size_t i = 0; i < sizeof profile_cases / sizeof *profile_cases; ++i) {
        bi_write(csv, profile_cases[i].text, profile_cases[i].len);
        bi_case c;
        bi_case_init(&c, profile_cases[i].expect, "forward: initial profile CSV: %s", profile_cases[i].id);
        bi_arg(&c, "forward");
        bi_arg(&c, "%s", cfg);
        if (profile_cases[i].expect == 0) {
            c.files[0] = "profile_final.csv";
            c.check = same_profile;
            c.check_arg = ref;
        } else {
            bi_must(&c, "%s", cfg);
            bi_must(&c, "initial.file");
            bi_must(&c, "%s", csv);
            c.line = profile_cases[i].line;
        }
        bi_run(&x, &c);
    }
    bi_end(&x, 8);
}

/* ------------------------------------------------------------ campaigns and studies */

/* TMP/<name>: links to good/'s files but `except`, beside which the cases add theirs. */
static void campaign_dir(bi_ctx *x, const char *name, const char *except, char *dir, size_t len)
{
    snprintf(dir, len, "%s/%s", x->tmp, name);
    bi_mirror_dir(except, dir);
}

static void write_doc(const char *path, char *text)
{
    cr_assert_not_null(text, "%s: no such field", path);
    bi_write(path, text, strlen(text));
    free(text);
}

/* A fit configuration beside the campaign: good/fit.json with path set to value. */
static void case_config(const char *dir, const char *name, const char *path, const char *value)
{
    char p[256];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    cJSON *fit = bi_load_json(BI_GOOD "/fit.json");
    write_doc(p, bi_set(fit, path, value));
    cJSON_Delete(fit);
}

/* A fault in the campaign, a case's file that cannot be read included, is named by the
 * campaign's path and its field; a fault inside a case's file by that file and its field. */
typedef struct {
    const char *what;
    const char *cmd;           /* bench or paper */
    const char *field, *value; /* set in the campaign */
    int in_case;               /* the fault is inside the case's file */
    const char *musts[4];      /* "@" stands for the campaign's directory */
    int line;
} campaign_case;

static const campaign_case campaign_cases[] = {
    {"a case config that does not exist", "bench", "cases[0].config", "\"nope.json\"", 0,
     {"cases[0].config", "@/nope.json", "No such file or directory"}, 0},
    {"a case config that is a directory", "bench", "cases[0].config", "\"obs\"", 0,
     {"cases[0].config", "@/obs", "Is a directory"}, 0},
    {"an empty case config", "bench", "cases[0].config", "\"empty.json\"", 1, {"@/empty.json"}, 0},
    {"a case config cut short", "bench", "cases[0].config", "\"cut.json\"", 1, {"@/cut.json"}, 0},
    {"a case config with Ks -1", "bench", "cases[0].config", "\"ks_negative.json\"", 1,
     {"@/ks_negative.json", "materials.loam.Ks"}, 0},
    {"a case config with Ks 1e308", "bench", "cases[0].config", "\"ks_huge.json\"", 1,
     {"@/ks_huge.json", "materials.loam.Ks"}, 0},
    {"a case config with a string population", "bench", "cases[0].config", "\"population.json\"", 1,
     {"@/population.json", "fit.population"}, 0},
    {"a case config whose observation file is missing", "bench", "cases[0].config", "\"obs_missing.json\"", 1,
     {"@/obs_missing.json", "fit.observations.Q.file", "@/obs/none.csv"}, 0},
    {"a case config whose Q.csv has a NaN", "bench", "cases[0].config", "\"obs_nan.json\"", 1,
     {"@/obs_nan.json", "fit.observations.Q.file", "@/obs/Q_nan.csv"}, 3},
    {"a synthesised case whose synth.seed is -1", "bench", "cases[0].config", "\"synth_seed.json\"", 1,
     {"@/synth_seed.json", "synth.seed"}, 0},
    {"a synthesised case whose synth.noise.Q is -1", "bench", "cases[0].config", "\"synth_noise.json\"", 1,
     {"@/synth_noise.json", "synth.noise.Q"}, 0},
    {"synth keys with a negative noise", "bench", "cases[0].synth", "{\"noise\": {\"Q\": -1}}", 0,
     {"cases[0].synth.noise.Q"}, 0},
    {"synth keys with an unknown key", "bench", "cases[0].synth", "{\"bogus\": 1}", 0, {"cases[0].synth.bogus"}, 0},
    {"a study case config that does not exist", "paper", "cases[0].config", "\"nope.json\"", 0,
     {"cases[0].config", "@/nope.json", "No such file or directory"}, 0},
    {"a study case config with Ks 1e308", "paper", "cases[0].config", "\"ks_huge.json\"", 1,
     {"@/ks_huge.json", "materials.loam.Ks"}, 0},
};

static void campaign_files(const char *dir)
{
    char p[256];
    snprintf(p, sizeof p, "%s/empty.json", dir);
    bi_write(p, "", 0);
    size_t n = 0;
    char *fit = bi_read(BI_GOOD "/fit.json", &n);
    snprintf(p, sizeof p, "%s/cut.json", dir);
    bi_write(p, fit, n / 2);
    free(fit);
    case_config(dir, "ks_negative.json", "materials.loam.Ks", "-1");
    case_config(dir, "ks_huge.json", "materials.loam.Ks", "1e308");
    case_config(dir, "population.json", "fit.population", "\"x\"");
    case_config(dir, "obs_missing.json", "fit.observations.Q.file", "\"obs/none.csv\"");
    case_config(dir, "obs_nan.json", "fit.observations.Q.file", "\"obs/Q_nan.csv\"");
    case_config(dir, "synth_seed.json", "synth.seed", "-1");
    case_config(dir, "synth_noise.json", "synth.noise.Q", "-1");
}

Test(bad_input, campaign_and_study_files)
{
    bi_ctx x;
    bi_begin(&x, "campaign_and_study_files");
    char dir[128], p[256];
    campaign_dir(&x, "camp", BI_GOOD "/campaign.json", dir, sizeof dir);
    /* a bad file in the mirrored obs/, beside the good ones */
    snprintf(p, sizeof p, "%s/obs/Q_nan.csv", dir);
    static const char nan_csv[] = "time_min,Q_cm\n5,0.6\nnan,0.85\n15,1.05\n";
    bi_write(p, nan_csv, sizeof nan_csv - 1);
    campaign_files(dir);
    for (size_t i = 0; i < sizeof campaign_cases / sizeof *campaign_cases; ++i) {
        const campaign_case *cc = &campaign_cases[i];
        const int paper = !strcmp(cc->cmd, "paper");
        char file[200];
        snprintf(file, sizeof file, "%s/%s", dir, paper ? "study_bad.json" : "campaign_bad.json");
        cJSON *doc = bi_load_json(paper ? BI_GOOD "/study.json" : BI_GOOD "/campaign.json");
        char *text = bi_set(doc, cc->field, cc->value);
        cJSON_Delete(doc);
        if (!strncmp(cc->value, "\"synth_", 7)) { /* a synthesised case: its config's synth section is read */
            doc = cJSON_Parse(text);
            free(text);
            text = bi_set(doc, "cases[0].synth", "true");
            cJSON_Delete(doc);
        }
        write_doc(file, text);
        bi_case c;
        bi_case_init(&c, 2, "%s: %s", cc->cmd, cc->what);
        bi_arg(&c, "%s", cc->cmd);
        bi_arg(&c, "%s", file);
        if (!cc->in_case) bi_must(&c, "%s", file);
        for (int k = 0; k < 4 && cc->musts[k]; ++k) {
            if (cc->musts[k][0] == '@') bi_must(&c, "%s%s", dir, cc->musts[k] + 1);
            else bi_must(&c, "%s", cc->musts[k]);
        }
        c.line = cc->line;
        bi_run(&x, &c);
    }
    bi_end(&x, 15);
}

/* ------------------------------------------------------------ the paper's tables */

static const struct {
    const char *what, *text;
    size_t len;
    int line, exists;
} tables_cases[] = {
    {"an empty tables file", T(""), 0, 1},
    {"a tables file with another header", T("table,soil,value\n3,loam,0.43\n"), 1, 1},
    {"a row of 5 fields", T("table,soil,saturation_pct,error,quantity,value\n3,loam,40,none,theta_s,0.4319\n3,loam,40,none,0.0373\n"), 3, 1},
    {"a value nan", T("table,soil,saturation_pct,error,quantity,value\n3,loam,40,none,theta_s,0.4319\n3,loam,40,none,n,nan\n"), 3, 1},
    {"a value 1e999", T("table,soil,saturation_pct,error,quantity,value\n3,loam,40,none,theta_s,0.4319\n3,loam,40,none,n,1e999\n"), 3, 1},
    {"table 9", T("table,soil,saturation_pct,error,quantity,value\n3,loam,40,none,theta_s,0.4319\n9,loam,40,none,n,1.58\n"), 3, 1},
    {"a NUL byte in a row", T("table,soil,saturation_pct,error,quantity,value\n3,loam,40,none,theta_s,0.4319\n3,loam,40,none,n,1.58\0junk\n"), 3, 1},
};

static void tables_case(bi_ctx *x, const char *what, const char *study, const char *tables, int given, const char *reason,
                        int line, int nobody)
{
    bi_case c;
    bi_case_init(&c, 2, "paper: %s", what);
    bi_arg(&c, "paper");
    bi_arg(&c, "%s", study);
    bi_arg(&c, "--backend");
    bi_arg(&c, "cpu");
    if (given) {
        bi_arg(&c, "--tables");
        bi_arg(&c, "%s", tables);
    }
    bi_must(&c, "%s", tables);
    if (reason) bi_must(&c, "%s", reason);
    c.line = line;
    c.as_nobody = nobody;
    c.timeout_s = 60; /* today the study runs before the tables are read */
    bi_run(x, &c);
}

/* A bad --tables is refused before the study runs: exit 2, nothing written. */
Test(bad_input, paper_tables)
{
    bi_ctx x;
    bi_begin(&x, "paper_tables");
    char dir[128], study[160], t[200];
    campaign_dir(&x, "study", BI_GOOD "/study.json", dir, sizeof dir);
    snprintf(study, sizeof study, "%s/study.json", dir);
    copy_file(BI_GOOD "/study.json", study);
    for (size_t i = 0; i < sizeof tables_cases / sizeof *tables_cases; ++i) {
        snprintf(t, sizeof t, "%s/tables%zu.csv", x.tmp, i);
        bi_write(t, tables_cases[i].text, tables_cases[i].len);
        tables_case(&x, tables_cases[i].what, study, t, 1, NULL, tables_cases[i].line, 0);
    }
    snprintf(t, sizeof t, "%s/none.csv", x.tmp);
    tables_case(&x, "a missing tables file", study, t, 1, "No such file or directory", 0, 0);
    tables_case(&x, "a directory as the tables file", study, x.tmp, 1, "Is a directory", 0, 0);
    snprintf(t, sizeof t, "%s/locked.csv", x.tmp);
    copy_file(BI_GOOD "/seed002_tables.csv", t);
    chmod(t, 0);
    tables_case(&x, "an unreadable tables file", study, t, 1, "Permission denied", 0, 1);
    /* no --tables, and no seed002_tables.csv beside the study */
    snprintf(t, sizeof t, "%s/seed002_tables.csv", dir);
    cr_assert_eq(unlink(t), 0);
    tables_case(&x, "no seed002_tables.csv beside the study", study, t, 0, "No such file or directory", 0, 0);
    bi_end(&x, 11);
}
