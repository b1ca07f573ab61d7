/* Retention and conductivity data in the conventions of their sources (docs/fit-reference.md §1.2):
 * the Toyoura sand points of SWRC Fit's sample read as suction, h, pF, kPa, hPa, m and θ
 * in %, separated by tabs, commas, ';' or spaces, with a header or with "columns", must
 * give the same observations; every ambiguous or wrong file fails naming the config, the
 * field, the file and the line or column. Time series read alike with any delimiter.
 * Runs from tests/ (make test does). */
#define _POSIX_C_SOURCE 200809L /* getcwd */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "shpfit/config.h"
#include "fixtures.h"
#include "test_util.h"

#include "shpfit/batch.h"
#include "shpfit/problem.h"

#define DATA "data/curve_input"
#define MAX_PTS 64

/* The 44 points of SWRC Fit's swrc.txt: suction [cm], θ. */
static const double toyoura[44][2] = {
    {11, 0.3722},  {13, 0.3847},  {15, 0.3827},  {17, 0.385},   {19, 0.3911},  {21, 0.3916},  {23, 0.3834},
    {25, 0.3811},  {27, 0.3934},  {29, 0.3903},  {31, 0.392},   {33, 0.38945}, {35, 0.3805},  {37, 0.3758},
    {39, 0.3539},  {41, 0.3786},  {43, 0.3017},  {45, 0.3055},  {47, 0.1575},  {49, 0.1651},  {51, 0.1136},
    {53, 0.1065},  {55, 0.0935},  {57, 0.0888},  {59, 0.073},   {61, 0.0711},  {63, 0.0746},  {65, 0.0573},
    {67, 0.0606},  {69, 0.0516},  {71, 0.05315}, {73, 0.0526},  {75, 0.05145}, {77, 0.0521},  {79, 0.0504},
    {81, 0.0558},  {83, 0.0501},  {85, 0.0497},  {87, 0.0535},  {89, 0.0532},  {91, 0.053},   {93, 0.0492},
    {95, 0.052},   {97, 0.0443}};

/* One test's temporary folder and the fixtures' absolute folder, for the configs written
 * there. */
typedef struct {
    char tmp[64], data[1024];
    int k; /* configs written so far */
} ctx;

static void ctx_begin(ctx *x, const char *tag)
{
    tu_make_tmp(x->tmp, sizeof x->tmp, tag);
    char cwd[900];
    cr_assert_not_null(getcwd(cwd, sizeof cwd));
    snprintf(x->data, sizeof x->data, "%s/" DATA, cwd);
    x->k = 0;
}

/* tmp/cfgK.json: DATA/base with fit.observations = obs (JSON text, "@/" in it standing
 * for the fixtures' folder). */
static void write_config(ctx *x, const char *base, const char *obs, char *path, size_t len)
{
    char src[256], text[4096];
    snprintf(src, sizeof src, DATA "/%s", base);
    size_t w = 0;
    for (const char *p = obs; *p && w + sizeof x->data + 1 < sizeof text; ++p)
        if (p[0] == '@' && p[1] == '/') w += (size_t)snprintf(text + w, sizeof text - w, "%s", x->data);
        else text[w++] = *p;
    text[w] = '\0';
    char *doc_text = tu_slurp(src);
    cr_assert_not_null(doc_text, "%s", src);
    cJSON *doc = cJSON_Parse(doc_text), *o = cJSON_Parse(text);
    free(doc_text);
    cr_assert(doc && o, "%s / %s: malformed JSON", src, text);
    cJSON_ReplaceItemInObject(cJSON_GetObjectItem(doc, "fit"), "observations", o);
    char *out = cJSON_Print(doc);
    cJSON_Delete(doc);
    snprintf(path, len, "%s/cfg%d.json", x->tmp, x->k++);
    FILE *f = fopen(path, "w");
    cr_assert(out && f, "cannot write %s", path);
    fputs(out, f);
    fclose(f);
    free(out);
}

static void write_text(const ctx *x, const char *name, const char *text, size_t n)
{
    char p[256];
    snprintf(p, sizeof p, "%s/%s", x->tmp, name);
    FILE *f = fopen(p, "wb");
    cr_assert_not_null(f, "%s", p);
    fwrite(text, 1, n, f);
    fclose(f);
}

/* The observations of `kind` that the config at cfg loads: the abscissae (h [L] or time)
 * and the values as compared (θ, Q, or log10 K). Returns their count. */
static int load_series(const char *cfg, int kind, double *x, double *y)
{
    char err[2048];
    shp_problem *pb = NULL;
    cr_assert_eq(shp_problem_load(cfg, &pb, err, sizeof err), SHP_OK, "%s", err);
    shp_backend *be = shp_backend_cpu_create(1);
    cr_assert_not_null(be);
    cr_assert_eq(shp_problem_simulate_materials(pb, be, shp_forward_materials(shp_problem_forward(pb))), SHP_OK);
    const double *px, *px2, *obs, *sim;
    const int n = shp_problem_series(pb, kind, &px, &px2, &obs, &sim);
    cr_assert(n > 0 && n <= MAX_PTS, "%s: %d points", cfg, n);
    memcpy(x, px, (size_t)n * sizeof *x);
    memcpy(y, obs, (size_t)n * sizeof *y);
    shp_backend_destroy(be);
    shp_problem_destroy(pb);
    return n;
}

/* Two loads of the same points agree to 1e-12 relative (K compared, not log10 K). */
static void expect_same(const char *what, int kind, int n, const double *x, const double *y, int n0,
                        const double *x0, const double *y0)
{
    cr_assert_eq(n, n0, "%s: %d points, not %d", what, n, n0);
    for (int i = 0; i < n; ++i) {
        const double a = kind == SHP_OBS_CONDUCTIVITY ? pow(10.0, y[i]) : y[i];
        const double b = kind == SHP_OBS_CONDUCTIVITY ? pow(10.0, y0[i]) : y0[i];
        cr_expect(rel_diff(x[i], x0[i]) <= 1e-12, "%s: point %d: h = %.17g, not %.17g", what, i, x[i], x0[i]);
        cr_expect(rel_diff(a, b) <= 1e-12, "%s: point %d: %.17g, not %.17g", what, i, a, b);
    }
}

/* ------------------------------------------------------------ equal readings */

Test(curve_input, retention_conventions_give_the_same_observations)
{
    ctx x;
    ctx_begin(&x, "curves");
    double x0[MAX_PTS], y0[MAX_PTS], xs[MAX_PTS], ys[MAX_PTS];
    /* the reference: as published (suction in cm, tabs, no header) with "columns" */
    const int n0 = load_series(DATA "/toyoura.json", SHP_OBS_RETENTION, x0, y0);
    cr_assert_eq(n0, 44);
    for (int i = 0; i < n0; ++i) {
        cr_expect_eq(x0[i], -toyoura[i][0], "point %d: h = %g", i, x0[i]);
        cr_expect_eq(y0[i], toyoura[i][1], "point %d: theta = %g", i, y0[i]);
    }
    static const char *const variants[] = {
        "{\"retention\": {\"file\": \"@/toyoura_h.csv\"}}",            /* h, commas, a header */
        "{\"retention\": {\"file\": \"@/toyoura_suction_kpa.csv\"}}",  /* suction[kPa], ';' */
        "{\"retention\": {\"file\": \"@/toyoura_pf.txt\"}}",           /* pF, runs of spaces */
        "{\"retention\": {\"file\": \"@/toyoura_suction_m.txt\"}}",    /* suction [m], tabs, CR, BOM */
        "{\"retention\": {\"file\": \"@/toyoura_theta_pct.csv\"}}",    /* h (cm), theta [%] */
        "{\"retention\": {\"file\": \"@/toyoura_suction_hpa.txt\"}}",  /* suction (hPa) with a space */
        "{\"retention\": {\"file\": \"@/toyoura_suction.txt\", \"columns\": [\"suction[cm]\", \"theta[-]\"]}}",
        "{\"retention\": {\"file\": \"@/toyoura_suction.txt\", \"columns\": [\"Suction (mm)\", \"THETA\"]}}",
    };
    for (size_t v = 0; v < sizeof variants / sizeof *variants; ++v) {
        char cfg[256];
        write_config(&x, "toyoura.json", variants[v], cfg, sizeof cfg);
        const int n = load_series(cfg, SHP_OBS_RETENTION, xs, ys);
        if (strstr(variants[v], "(mm)")) /* suctions read as mm: a tenth of the heads */
            for (int i = 0; i < n; ++i) xs[i] *= 10.0;
        expect_same(variants[v], SHP_OBS_RETENTION, n, xs, ys, n0, x0, y0);
    }
    tu_remove_tree(x.tmp);
}

Test(curve_input, conductivity_conventions_give_the_same_observations)
{
    ctx x;
    ctx_begin(&x, "curves");
    double x0[MAX_PTS], y0[MAX_PTS], xs[MAX_PTS], ys[MAX_PTS];
    char cfg[256];
    write_config(&x, "toyoura.json", "{\"conductivity\": {\"file\": \"@/k_h_cm_min.csv\"}}", cfg, sizeof cfg);
    const int n0 = load_series(cfg, SHP_OBS_CONDUCTIVITY, x0, y0);
    cr_assert_eq(n0, 6);
    cr_expect_eq(x0[0], -5.0);
    cr_expect(rel_diff(pow(10.0, y0[0]), 0.012) < 1e-14, "K = %.17g", pow(10.0, y0[0]));
    static const char *const variants[] = {
        "{\"conductivity\": {\"file\": \"@/k_suction_m_cm_d.csv\"}}", /* suction[m];K[cm/d] */
        "{\"conductivity\": {\"file\": \"@/k_pf_mm_s.txt\"}}",        /* pF, K[mm/s], tabs */
        "{\"conductivity\": {\"file\": \"@/k_synth_names.csv\"}}",    /* synth's h_m, K_m_per_d */
    };
    for (size_t v = 0; v < sizeof variants / sizeof *variants; ++v) {
        write_config(&x, "toyoura.json", variants[v], cfg, sizeof cfg);
        const int n = load_series(cfg, SHP_OBS_CONDUCTIVITY, xs, ys);
        expect_same(variants[v], SHP_OBS_CONDUCTIVITY, n, xs, ys, n0, x0, y0);
    }
    tu_remove_tree(x.tmp);
}

/* A config in m and h: heads, pF (defined in cm) and K convert to its units. */
Test(curve_input, values_convert_to_the_configs_units)
{
    ctx x;
    ctx_begin(&x, "curves");
    double xs[MAX_PTS], ys[MAX_PTS], xk[MAX_PTS], yk[MAX_PTS];
    const int n = load_series(DATA "/toyoura_m_h.json", SHP_OBS_RETENTION, xs, ys);
    cr_assert_eq(n, 44);
    for (int i = 0; i < n; ++i) {
        cr_expect(rel_diff(xs[i], -toyoura[i][0] / 100.0) <= 1e-12, "point %d: h = %.17g m", i, xs[i]);
        cr_expect(rel_diff(ys[i], toyoura[i][1]) <= 1e-12, "point %d: theta = %.17g", i, ys[i]);
    }
    char cfg[256];
    write_config(&x, "toyoura.json", "{\"conductivity\": {\"file\": \"@/k_h_cm_min.csv\"}}", cfg, sizeof cfg);
    const int m = load_series(cfg, SHP_OBS_CONDUCTIVITY, xk, yk);
    write_config(&x, "toyoura_m_h.json", "{\"conductivity\": {\"file\": \"@/k_suction_m_cm_d.csv\"}}", cfg,
                 sizeof cfg);
    const int m2 = load_series(cfg, SHP_OBS_CONDUCTIVITY, xs, ys);
    cr_assert_eq(m2, m);
    for (int i = 0; i < m; ++i) { /* cm → m, cm/min → m/h */
        cr_expect(rel_diff(xs[i], xk[i] / 100.0) <= 1e-12, "point %d: h = %.17g m", i, xs[i]);
        cr_expect(rel_diff(pow(10.0, ys[i]), pow(10.0, yk[i]) * 60.0 / 100.0) <= 1e-12, "point %d: K = %.17g m/h", i,
                  pow(10.0, ys[i]));
    }
    tu_remove_tree(x.tmp);
}

/* Lab sheets: points in any order, replicates at one head, saturation at h = 0; a time
 * series keeps its strict order. */
Test(curve_input, curves_in_any_order_with_replicates)
{
    ctx x;
    ctx_begin(&x, "curves");
    static const char text[] = "h;theta\n-100;0.10\n0;0.38\n-10;0.36\n-100;0.12\n-10;0.35\n";
    write_text(&x, "rep.csv", text, sizeof text - 1);
    char cfg[256];
    write_config(&x, "toyoura.json", "{\"retention\": {\"file\": \"rep.csv\"}}", cfg, sizeof cfg);
    double xs[MAX_PTS], ys[MAX_PTS];
    const int n = load_series(cfg, SHP_OBS_RETENTION, xs, ys);
    static const double want[5][2] = {{-100, 0.10}, {0, 0.38}, {-10, 0.36}, {-100, 0.12}, {-10, 0.35}};
    cr_assert_eq(n, 5);
    for (int i = 0; i < n; ++i) {
        cr_expect_eq(xs[i], want[i][0], "point %d: h = %g", i, xs[i]);
        cr_expect_eq(ys[i], want[i][1], "point %d: theta = %g", i, ys[i]);
    }
    static const char q[] = "time;Q\n5;0.6\n5;0.7\n";
    write_text(&x, "q.csv", q, sizeof q - 1);
    write_config(&x, "toyoura.json", "{\"Q\": {\"file\": \"q.csv\"}}", cfg, sizeof cfg);
    char err[2048];
    shp_problem *pb = NULL;
    cr_expect_neq(shp_problem_load(cfg, &pb, err, sizeof err), SHP_OK, "a time given twice accepted");
    cr_expect(strstr(err, "line 3: time must increase strictly") != NULL, "%s", err);
    shp_problem_destroy(pb);
    tu_remove_tree(x.tmp);
}

/* Q(t) separated by ';', tabs, spaces, with CR line ends: as the comma file. */
Test(curve_input, time_series_with_any_delimiter)
{
    ctx x;
    ctx_begin(&x, "curves");
    static const struct {
        const char *text;
    } files[] = {
        {"time_min,Q_cm\n2,0.3\n5,0.6\n10,0.85\n"},
        {"time_min;Q_cm\n2;0.3\n5;0.6\n10;0.85\n"},
        {"time_min Q_cm\n2   0.3\n 5 \t0.6\n10 0.85\n"},
        {"time_min\tQ_cm\r2\t0.3\r5\t0.6\r10\t0.85\r"},
        {"# no header, ';'\n2;0.3\n5;0.6\n10;0.85\n"},
    };
    char cfg[256];
    write_config(&x, "toyoura.json", "{\"Q\": {\"file\": \"Q.csv\"}}", cfg, sizeof cfg);
    double x0[MAX_PTS], y0[MAX_PTS], xs[MAX_PTS], ys[MAX_PTS];
    int n0 = 0;
    for (size_t k = 0; k < sizeof files / sizeof *files; ++k) {
        write_text(&x, "Q.csv", files[k].text, strlen(files[k].text));
        const int n = load_series(cfg, SHP_OBS_Q, k ? xs : x0, k ? ys : y0);
        if (!k) {
            n0 = n;
            cr_assert_eq(n0, 3);
            cr_expect(x0[2] == 10.0 && y0[2] == 0.85);
            continue;
        }
        char what[64];
        snprintf(what, sizeof what, "Q file %zu", k);
        expect_same(what, SHP_OBS_Q, n, xs, ys, n0, x0, y0);
    }
    tu_remove_tree(x.tmp);
}

/* ------------------------------------------------------------ errors */

/* A curve observation `kind` with the spec's extra keys, read from bad.csv = text: the
 * load fails with a message that starts with the config, names `path`, bad.csv (unless
 * no_file), and holds each phrase. */
static const struct {
    const char *id, *kind, *extra, *text, *path;
    int no_file;
    const char *phrase[3];
} errors[] = {
    {"suctions in an h column (no header)", "retention", "", "# cm\n11\t0.37\n13\t0.38\n97\t0.04\n",
     "fit.observations.retention.file", 0,
     {"column h: every head is positive (11 to 97 cm)", "pressure heads are negative in unsaturated soil",
      "name the column \"suction\" (or declare \"columns\": [\"suction\", \"theta\"])"}},
    {"suctions under a header h[kPa]", "retention", "", "h[kPa],theta\n1.1,0.37\n9.5,0.04\n",
     "fit.observations.retention.file", 0, {"column h[kPa]: every head is positive (1.1 to 9.5 kPa)", "\"suction[kPa]\""}},
    {"suctions in an h column of K", "conductivity", "", "h,K\n5,0.01\n50,0.001\n", "fit.observations.conductivity.file", 0,
     {"every head is positive (5 to 50 cm)", "[\"suction\", \"K\"]"}},
    {"one positive head", "retention", "", "h,theta\n-1,0.38\n-2,0.37\n-3,0.36\n0,0.38\n-5,0.3\n5,0.2\n-7,0.1\n",
     "fit.observations.retention.file", 0, {"line 7: h = 5 > 0", "a pressure head is <= 0"}},
    {"a negative suction", "retention", "", "suction;theta\n10;0.3\n-5;0.2\n", "fit.observations.retention.file", 0,
     {"line 3: suction = -5 < 0", "a suction is >= 0"}},
    {"pF above 7.5", "retention", "", "pF theta\n1 0.3\n7.6 0.01\n", "fit.observations.retention.file", 0,
     {"line 3: pF 7.6 is outside [-2, 7.5]"}},
    {"pF below -2", "retention", "", "pF,theta\n-2.5,0.38\n", "fit.observations.retention.file", 0,
     {"line 2: pF -2.5 is outside [-2, 7.5]"}},
    {"pF with a unit", "retention", "", "pF[cm],theta\n1,0.38\n", "fit.observations.retention.file", 0,
     {"line 1: column 1 \"pF[cm]\": pF takes no unit"}},
    {"an unknown head unit", "retention", "", "# psi\nsuction [psi];theta\n1;0.38\n", "fit.observations.retention.file", 0,
     {"line 2: column 1 \"suction [psi]\": unknown unit \"psi\"", "(valid: mm, cm, m, Pa, hPa, mbar, kPa, bar, MPa)"}},
    {"an unknown theta unit", "retention", "", "h,theta[g/g]\n-1,0.38\n", "fit.observations.retention.file", 0,
     {"column 2 \"theta[g/g]\": unknown unit \"g/g\" (valid: %, -)"}},
    {"an unknown K unit", "conductivity", "", "h,K[cm/week]\n-1,0.38\n", "fit.observations.conductivity.file", 0,
     {"column 2 \"K[cm/week]\": unknown unit \"cm/week\"", "mm, cm or m per a time s, min, h or d"}},
    {"an unknown column name", "retention", "", "psi,theta\n-1,0.38\n", "fit.observations.retention.file", 0,
     {"column 1 \"psi\": expected h (pressure head), suction or pF"}},
    {"theta named otherwise", "retention", "", "h,water_content\n-1,0.38\n", "fit.observations.retention.file", 0,
     {"column 2 \"water_content\"", "expected theta"}},
    {"an unknown unit in columns", "retention", ", \"columns\": [\"suction[psi]\", \"theta\"]", "1\t0.38\n",
     "fit.observations.retention.columns[0]", 0, {"\"suction[psi]\" (column 1 of", "unknown unit \"psi\""}},
    {"a header and columns", "retention", ", \"columns\": [\"suction\", \"theta\"]", "suction,theta\n1,0.38\n",
     "fit.observations.retention.columns", 0, {"has a header line (line 1: suction, theta)", "keep one of them"}},
    {"columns of one name", "retention", ", \"columns\": [\"suction\"]", "1,0.38\n", "fit.observations.retention.columns", 1,
     {"expected an array of the two column names"}},
    {"columns not strings", "conductivity", ", \"columns\": [\"suction\", 3]", "1,0.38\n",
     "fit.observations.conductivity.columns[1]", 1, {"expected a column name, got a number"}},
    {"a delimiter changed on line 5", "retention", "", "suction;theta\n11;0.37\n13;0.38\n15;0.38\n17,0.385\n",
     "fit.observations.retention.file", 0,
     {"line 5: 1 value, expected 2 separated by ';' (as on line 1); this line has ','"}},
    {"theta in % not declared", "retention", "", "suction,theta\n11,37.2\n", "fit.observations.retention.file", 0,
     {"line 2: theta 37.2 is outside [0, 1] (percent? name the column \"theta[%]\")"}},
};

Test(curve_input, errors_name_the_file_the_field_and_the_line)
{
    ctx x;
    ctx_begin(&x, "curves");
    for (size_t i = 0; i < sizeof errors / sizeof *errors; ++i) {
        write_text(&x, "bad.csv", errors[i].text, strlen(errors[i].text));
        char obs[512], cfg[256], err[2048];
        snprintf(obs, sizeof obs, "{\"%s\": {\"file\": \"bad.csv\"%s}}", errors[i].kind, errors[i].extra);
        write_config(&x, "toyoura.json", obs, cfg, sizeof cfg);
        shp_problem *pb = NULL;
        err[0] = '\0';
        const int rc = shp_problem_load(cfg, &pb, err, sizeof err);
        cr_expect_eq(rc, SHP_ERR_CONFIG, "%s: accepted (%d)", errors[i].id, rc);
        shp_problem_destroy(pb);
        char prefix[300];
        snprintf(prefix, sizeof prefix, "%s: %s: ", cfg, errors[i].path);
        cr_expect(!strncmp(err, prefix, strlen(prefix)), "%s: not \"%s…\": %s", errors[i].id, prefix, err);
        if (!errors[i].no_file) cr_expect(strstr(err, "bad.csv") != NULL, "%s: no file name: %s", errors[i].id, err);
        for (int k = 0; k < 3 && errors[i].phrase[k]; ++k)
            cr_expect(strstr(err, errors[i].phrase[k]) != NULL, "%s: lacks \"%s\": %s", errors[i].id,
                      errors[i].phrase[k], err);
    }
    /* "columns" belongs to the curves only */
    char cfg[256], err[2048];
    write_config(&x, "toyoura.json", "{\"Q\": {\"file\": \"bad.csv\", \"columns\": [\"time\", \"Q\"]}}", cfg,
                 sizeof cfg);
    shp_problem *pb = NULL;
    cr_expect_neq(shp_problem_load(cfg, &pb, err, sizeof err), SHP_OK);
    cr_expect(strstr(err, "fit.observations.Q.columns: unknown key") != NULL, "%s", err);
    shp_problem_destroy(pb);
    tu_remove_tree(x.tmp);
}
