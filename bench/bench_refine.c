/* `shpfit-bench refine CONFIG [options]`: a grid-refinement study of one forward
 * configuration (bench/README.md).
 *
 * The configuration is loaded once per grid with its "profile" replaced (and "solver"
 * keys overridden, so that the time error can be made small beside the space error),
 * each column runs once on the calling thread, and per scheme a table gives the nodes,
 * Q at the last output time and its difference to a reference, v_mean there, the largest
 * |Δθ| of the final profile against the finest run, steps and wall time, followed by the
 * Richardson extrapolation of Q from the last three levels with the observed order. */
#define _POSIX_C_SOURCE 200809L /* strdup */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "bench.h"
#include "config/cfg_sections.h"
#include "shpfit/column.h"
#include "shpfit/forward.h"

enum { K_UNIFORM, K_GEOMETRIC, K_GRADED, K_CONFIG, K_COUNT };
static const char *const KIND[K_COUNT] = {"uniform", "geometric", "graded", "config"};

#define MAX_SCHEMES 256
#define MAX_LEVELS 16
#define MAX_OVERRIDES 16

typedef struct {
    int kind;
    double a, b, c; /* uniform: nodes; geometric: nodes, ratio; graded: dz_top, ratio, dz_max */
    char label[96];
} scheme;

typedef struct {
    int status, nodes;
    double f, dz_first, dz_largest, Q, v_mean, dtheta, ms;
    long steps, iterations;
    double *z, *theta; /* final profile */
} run_result;

typedef struct {
    double Q, order; /* NaN when the last three levels are not monotone */
    const char *why; /* why not, or NULL */
} richardson;

static int usage(void)
{
    fprintf(stderr,
            "usage: shpfit-bench refine CONFIG [--schemes uniform,geometric,graded,config]\n"
            "           [--levels 1,2,4,8] [--uniform N] [--geometric N,RATIO]\n"
            "           [--graded DZ_TOP,RATIO,DZ_MAX] [--solver KEY=VALUE] [--tol-time X]\n"
            "           [--ref Q] [--csv FILE] [--quiet]\n"
            "  Runs CONFIG on a sequence of grids per scheme, level f = each of --levels:\n"
            "    uniform N        \"refine\": f on N uniform nodes: (N-1) f + 1 nodes (default 61)\n"
            "    geometric N,R    fixed ratio R, (N-1) f + 1 nodes (default 61,1.05; does not converge)\n"
            "    graded A,R,M     \"refine\": f on dz_top A, ratio R, dz_max M (default 0.1,1.1,2)\n"
            "    config           the config's own profile with \"refine\" multiplied by f\n"
            "  --uniform/--geometric/--graded may be repeated; without --schemes the schemes\n"
            "  given that way run, or uniform,geometric,graded with their defaults.\n"
            "  --solver KEY=VALUE sets solver.KEY (repeatable); --tol-time X is solver.tol_time.\n"
            "  --ref Q: the reference for the relative differences (default: the Richardson\n"
            "  value of the scheme, geometric aside, whose finest run is closest to it).\n"
            "  --csv FILE: one row per run.\n");
    return 2;
}

/* a comma-separated list of numbers (at least 1, at most max) */
static int parse_list(const char *s, double *v, int max)
{
    int n = 0;
    char *copy = strdup(s), *save = NULL;
    if (!copy) return -1;
    for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
        char *end;
        const double x = strtod(t, &end);
        if (end == t || *end || !isfinite(x) || n == max) {
            free(copy);
            return -1;
        }
        v[n++] = x;
    }
    free(copy);
    return n;
}

/* the config's "profile" for one scheme at level f */
static int set_profile(cJSON *root, const scheme *s, double f)
{
    cJSON *pr = cJSON_GetObjectItemCaseSensitive(root, "profile");
    if (!cJSON_IsObject(pr)) return -1;
    if (s->kind == K_CONFIG) {
        const cJSON *r0 = cJSON_GetObjectItemCaseSensitive(pr, "refine");
        const double base = cJSON_IsNumber(r0) ? r0->valuedouble : 1.0;
        cJSON_DeleteItemFromObjectCaseSensitive(pr, "refine");
        return cJSON_AddNumberToObject(pr, "refine", base * f) ? 0 : -1;
    }
    static const char *const grid_keys[] = {"nodes", "grid", "ratio", "dz_top", "dz_max", "refine"};
    for (size_t k = 0; k < sizeof grid_keys / sizeof *grid_keys; ++k)
        cJSON_DeleteItemFromObjectCaseSensitive(pr, grid_keys[k]);
    int ok = 1;
    switch (s->kind) {
    case K_UNIFORM:
        ok &= cJSON_AddStringToObject(pr, "grid", "uniform") && cJSON_AddNumberToObject(pr, "nodes", s->a) &&
              cJSON_AddNumberToObject(pr, "refine", f);
        break;
    case K_GEOMETRIC: /* the ratio stays: the non-converging sequence of the shipped grids */
        ok &= cJSON_AddStringToObject(pr, "grid", "geometric") &&
              cJSON_AddNumberToObject(pr, "nodes", round((s->a - 1.0) * f) + 1.0) &&
              cJSON_AddNumberToObject(pr, "ratio", s->b);
        break;
    default:
        ok &= cJSON_AddStringToObject(pr, "grid", "graded") && cJSON_AddNumberToObject(pr, "dz_top", s->a) &&
              cJSON_AddNumberToObject(pr, "ratio", s->b) && cJSON_AddNumberToObject(pr, "dz_max", s->c) &&
              cJSON_AddNumberToObject(pr, "refine", f);
    }
    return ok ? 0 : -1;
}

/* solver.KEY = VALUE (a number when it reads as one, else a string) */
static int set_solver(cJSON *root, const char *kv)
{
    const char *eq = strchr(kv, '=');
    if (!eq || eq == kv || !eq[1]) return -1;
    char key[64];
    snprintf(key, sizeof key, "%.*s", (int)(eq - kv), kv);
    cJSON *so = cJSON_GetObjectItemCaseSensitive(root, "solver");
    if (!so) so = cJSON_AddObjectToObject(root, "solver");
    if (!cJSON_IsObject(so)) return -1;
    cJSON_DeleteItemFromObjectCaseSensitive(so, key);
    char *end;
    const double x = strtod(eq + 1, &end);
    if (end != eq + 1 && !*end) return cJSON_AddNumberToObject(so, key, x) ? 0 : -1;
    return cJSON_AddStringToObject(so, key, eq + 1) ? 0 : -1;
}

static int run_one(const char *path, const cJSON *base, const scheme *s, double f, const char *const *overrides,
                   int n_over, run_result *r, char *err, size_t errlen)
{
    memset(r, 0, sizeof *r);
    r->f = f;
    cJSON *root = cJSON_Duplicate(base, 1);
    if (!root || set_profile(root, s, f) != 0) {
        cJSON_Delete(root);
        snprintf(err, errlen, "%s: cannot set the profile (no \"profile\" object?)", path);
        return SHP_ERR_CONFIG;
    }
    for (int k = 0; k < n_over; ++k)
        if (set_solver(root, overrides[k]) != 0) {
            cJSON_Delete(root);
            snprintf(err, errlen, "--solver %s: expected KEY=VALUE", overrides[k]);
            return SHP_ERR_CONFIG;
        }
    shp_forward_problem *fp;
    int st = cfg_forward_load_json(path, root, &fp, err, errlen);
    if (st != SHP_OK) return st;
    const shp_column *col = shp_forward_column(fp);
    const int n = col->n;
    r->nodes = n;
    r->dz_first = col->z[1] - col->z[0];
    for (int i = 1; i < n; ++i) r->dz_largest = fmax(r->dz_largest, col->z[i] - col->z[i - 1]);
    shp_column_result res;
    st = shp_column_result_alloc(col, &res);
    r->z = malloc((size_t)n * sizeof *r->z);
    r->theta = malloc((size_t)n * sizeof *r->theta);
    if (st != SHP_OK || !r->z || !r->theta) {
        shp_forward_destroy(fp);
        snprintf(err, errlen, "out of memory");
        return SHP_ERR_NOMEM;
    }
    const double t0 = bench_now_s();
    r->status = shp_column_run_cpu(col, shp_forward_materials(fp), shp_forward_h_init(fp), &res);
    r->ms = 1e3 * (bench_now_s() - t0);
    const int last = col->n_out - 1;
    r->Q = res.out.Q[last];
    r->v_mean = res.out.v_mean[last];
    r->steps = res.stats.steps;
    r->iterations = res.stats.iterations;
    const double *th = res.out.theta_prof + (col->profiles_all ? (size_t)last * (size_t)n : 0);
    memcpy(r->z, col->z, (size_t)n * sizeof *r->z);
    memcpy(r->theta, th, (size_t)n * sizeof *r->theta);
    shp_column_result_free(&res);
    shp_forward_destroy(fp);
    return SHP_OK;
}

/* Q = Q∞ + C h^p through the last three levels (h = 1/f): p from the ratio of the two
 * differences (bisection, any level spacing), then Q∞. */
static richardson extrapolate(const run_result *r, int m)
{
    richardson x = {NAN, NAN, NULL};
    if (m < 3) {
        x.why = "fewer than 3 levels";
        return x;
    }
    const run_result *a = &r[m - 3], *b = &r[m - 2], *c = &r[m - 1];
    if (a->status != SHP_OK || b->status != SHP_OK || c->status != SHP_OK) {
        x.why = "a run failed";
        return x;
    }
    const double d1 = a->Q - b->Q, d2 = b->Q - c->Q;
    if (d2 == 0.0) {
        x.Q = c->Q;
        x.order = INFINITY;
        return x;
    }
    const double q = d1 / d2;
    const double h1 = 1.0 / a->f, h2 = 1.0 / b->f, h3 = 1.0 / c->f;
    if (!(h1 > h2 && h2 > h3)) {
        x.why = "levels not increasing";
        return x;
    }
    if (!(q > 0.0)) {
        x.why = "not monotone";
        return x;
    }
#define RATIO_P(p) ((pow(h1, p) - pow(h2, p)) / (pow(h2, p) - pow(h3, p)))
    double lo = 1e-3, hi = 20.0;
    if (!(q >= RATIO_P(lo) && q <= RATIO_P(hi))) {
        x.why = "order outside 0.001-20";
        return x;
    }
    for (int it = 0; it < 200; ++it) {
        const double mid = 0.5 * (lo + hi);
        if (RATIO_P(mid) < q) lo = mid;
        else hi = mid;
    }
    const double p = 0.5 * (lo + hi);
#undef RATIO_P
    const double C = d2 / (pow(h2, p) - pow(h3, p));
    x.order = p;
    x.Q = c->Q - C * pow(h3, p);
    return x;
}

/* largest |θ − θ_ref| at the nodes of r, θ_ref interpolated linearly */
static double max_dtheta(const run_result *r, const run_result *ref)
{
    if (r->status != SHP_OK || ref->status != SHP_OK) return NAN;
    double d = 0.0;
    for (int i = 0; i < r->nodes; ++i)
        d = fmax(d, fabs(r->theta[i] - shp_profile_interp(ref->z, ref->theta, ref->nodes, r->z[i])));
    return d;
}

static void scheme_label(scheme *s)
{
    switch (s->kind) {
    case K_UNIFORM: snprintf(s->label, sizeof s->label, "uniform %g nodes", s->a); break;
    case K_GEOMETRIC: snprintf(s->label, sizeof s->label, "geometric %g nodes ratio %g", s->a, s->b); break;
    case K_GRADED:
        snprintf(s->label, sizeof s->label, "graded dz_top %g ratio %g dz_max %g", s->a, s->b, s->c);
        break;
    default: snprintf(s->label, sizeof s->label, "config profile"); break;
    }
}

static int add_scheme(scheme *s, int *ns, int kind, const char *arg)
{
    static const int n_args[K_COUNT] = {1, 2, 3, 0};
    if (*ns == MAX_SCHEMES) return -1;
    scheme x = {kind, 61.0, 1.05, 0.0, ""};
    if (kind == K_GRADED) x = (scheme){kind, 0.1, 1.1, 2.0, ""};
    if (arg) {
        double v[3];
        if (parse_list(arg, v, 3) != n_args[kind]) return -1;
        x.a = v[0];
        if (n_args[kind] > 1) x.b = v[1];
        if (n_args[kind] > 2) x.c = v[2];
        if ((kind == K_UNIFORM || kind == K_GEOMETRIC) && !(x.a >= 3.0 && x.a == floor(x.a))) return -1;
    }
    scheme_label(&x);
    s[(*ns)++] = x;
    return 0;
}

int bench_refine_main(int argc, char **argv)
{
    const char *config = NULL, *csv_path = NULL, *schemes_arg = NULL;
    double levels[MAX_LEVELS] = {1, 2, 4, 8}, ref = NAN;
    int n_levels = 4, quiet = 0, n_over = 0, n_given = 0;
    const char *overrides[MAX_OVERRIDES];
    char tol_buf[64];
    scheme given[MAX_SCHEMES];
    for (int a = 1; a < argc; ++a) {
        const char *o = argv[a], *v = a + 1 < argc ? argv[a + 1] : NULL;
        int kind = -1;
        if (!strcmp(o, "--help") || !strcmp(o, "-h")) return usage();
        if (!strcmp(o, "--quiet")) {
            quiet = 1;
            continue;
        }
        if (o[0] != '-') {
            if (config) return usage();
            config = o;
            continue;
        }
        if (!v) return usage();
        ++a;
        if (!strcmp(o, "--schemes")) schemes_arg = v;
        else if (!strcmp(o, "--levels")) {
            n_levels = parse_list(v, levels, MAX_LEVELS);
            if (n_levels < 1) return usage();
            for (int k = 0; k < n_levels; ++k)
                if (!(levels[k] >= 1.0) || (k && !(levels[k] > levels[k - 1]))) {
                    fprintf(stderr, "refine: --levels must be >= 1 and increasing\n");
                    return 2;
                }
        } else if (!strcmp(o, "--uniform")) kind = K_UNIFORM;
        else if (!strcmp(o, "--geometric")) kind = K_GEOMETRIC;
        else if (!strcmp(o, "--graded")) kind = K_GRADED;
        else if (!strcmp(o, "--solver") && n_over < MAX_OVERRIDES) overrides[n_over++] = v;
        else if (!strcmp(o, "--tol-time") && n_over < MAX_OVERRIDES) {
            snprintf(tol_buf, sizeof tol_buf, "tol_time=%s", v);
            overrides[n_over++] = tol_buf;
        } else if (!strcmp(o, "--ref")) {
            char *end;
            ref = strtod(v, &end);
            if (end == v || *end || !isfinite(ref)) return usage();
        } else if (!strcmp(o, "--csv")) csv_path = v;
        else return usage();
        if (kind >= 0 && n_given == MAX_SCHEMES) {
            fprintf(stderr, "refine: more than %d schemes\n", MAX_SCHEMES);
            return 2;
        }
        if (kind >= 0 && add_scheme(given, &n_given, kind, v) != 0) {
            fprintf(stderr, "refine: %s %s: expected %s\n", o, v,
                    kind == K_UNIFORM ? "N (nodes >= 3)" : kind == K_GEOMETRIC ? "N,RATIO" : "DZ_TOP,RATIO,DZ_MAX");
            return 2;
        }
    }
    if (!config) return usage();

    /* the schemes: --schemes names the kinds, each with the specs given for it or its default */
    scheme sch[MAX_SCHEMES + K_COUNT];
    int ns = 0;
    int want[K_COUNT] = {0};
    if (schemes_arg) {
        char *copy = strdup(schemes_arg), *save = NULL;
        for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
            int k = 0;
            while (k < K_COUNT && strcmp(t, KIND[k])) ++k;
            if (k == K_COUNT) {
                fprintf(stderr, "refine: --schemes: unknown scheme \"%s\" (valid: uniform, geometric, "
                                "graded, config)\n", t);
                free(copy);
                return 2;
            }
            want[k] = 1;
        }
        free(copy);
    } else if (n_given == 0) {
        want[K_UNIFORM] = want[K_GEOMETRIC] = want[K_GRADED] = 1;
    }
    for (int g = 0; g < n_given; ++g)
        if (schemes_arg && !want[given[g].kind]) {
            fprintf(stderr, "refine: --%s given, but %s is not in --schemes\n", KIND[given[g].kind],
                    KIND[given[g].kind]);
            return 2;
        }
    for (int k = 0; k < K_COUNT; ++k) {
        int had = 0;
        for (int g = 0; g < n_given; ++g)
            if (given[g].kind == k) {
                sch[ns++] = given[g];
                had = 1;
            }
        if (want[k] && !had) add_scheme(sch, &ns, k, NULL);
    }

    /* load once as given: its errors are reported as for `shpfit forward` */
    char err[1024];
    shp_forward_problem *fp0;
    if (shp_forward_load(config, &fp0, err, sizeof err) != SHP_OK) {
        fprintf(stderr, "refine: %s\n", err);
        return 2;
    }
    char len_unit[8], time_unit[8];
    snprintf(len_unit, sizeof len_unit, "%s", shp_forward_length_unit(fp0));
    snprintf(time_unit, sizeof time_unit, "%s", shp_forward_time_unit(fp0));
    const double t_end = shp_forward_column(fp0)->t_out[shp_forward_column(fp0)->n_out - 1];
    cJSON *base = cJSON_Duplicate(shp_forward_config(fp0), 1);
    shp_forward_destroy(fp0);
    if (!base) return 1;

    run_result *runs = calloc((size_t)ns * (size_t)n_levels, sizeof *runs);
    richardson *rich = calloc((size_t)ns, sizeof *rich);
    if (!runs || !rich) return 1;
    int rc = 0;
    for (int s = 0; s < ns && !rc; ++s)
        for (int l = 0; l < n_levels; ++l) {
            run_result *r = &runs[s * n_levels + l];
            const int st = run_one(config, base, &sch[s], levels[l], overrides, n_over, r, err, sizeof err);
            if (st != SHP_OK) {
                fprintf(stderr, "refine: %s (%s, f = %g)\n", err, sch[s].label, levels[l]);
                rc = 2;
                break;
            }
            if (!quiet)
                fprintf(stderr, "%-44s f %-5g %7d nodes  Q %.6f  %6ld steps  %9.1f ms  %s\n", sch[s].label,
                        levels[l], r->nodes, r->Q, r->steps, r->ms, shp_status_name(r->status));
        }
    if (rc) goto done;

    /* the reference Q is --ref, else the Richardson value of the scheme closest to its
     * own limit; the profile reference is that scheme's finest run, else the run with the
     * smallest largest cell */
    int finest = -1, ref_scheme = -1;
    for (int s = 0; s < ns; ++s) {
        rich[s] = extrapolate(&runs[s * n_levels], n_levels);
        const run_result *r = &runs[s * n_levels + n_levels - 1];
        if (r->status == SHP_OK && (finest < 0 || r->dz_largest < runs[finest].dz_largest))
            finest = s * n_levels + n_levels - 1;
    }
    if (isnan(ref)) { /* the scheme closest to its own limit: the smallest last correction */
        double best = HUGE_VAL;
        for (int s = 0; s < ns; ++s) {
            const double corr = fabs(rich[s].Q - runs[s * n_levels + n_levels - 1].Q);
            if (sch[s].kind != K_GEOMETRIC && corr < best) {
                best = corr;
                ref_scheme = s;
            }
        }
        if (ref_scheme >= 0) ref = rich[ref_scheme].Q;
        else if (finest >= 0) ref = runs[finest].Q;
    }
    if (ref_scheme >= 0 && runs[ref_scheme * n_levels + n_levels - 1].status == SHP_OK)
        finest = ref_scheme * n_levels + n_levels - 1; /* the profile of the reference scheme */
    for (int i = 0; i < ns * n_levels; ++i) runs[i].dtheta = finest >= 0 ? max_dtheta(&runs[i], &runs[finest]) : NAN;

    printf("refine %s: Q at t = %g %s", config, t_end, time_unit);
    for (int k = 0; k < n_over; ++k) printf("%s solver.%s", k ? "," : "; overrides:", overrides[k]);
    printf("\nreference Q = %.6f %s", ref, len_unit);
    if (ref_scheme >= 0) printf(" (Richardson of %s, order %.2f)", sch[ref_scheme].label, rich[ref_scheme].order);
    else printf(" (%s)", isfinite(ref) && finest >= 0 && ref == runs[finest].Q ? "the finest run" : "--ref");
    printf("; max|dtheta| against the finest run of it (%d nodes, largest cell %.4g %s), at each grid's nodes\n",
           finest >= 0 ? runs[finest].nodes : 0, finest >= 0 ? runs[finest].dz_largest : NAN, len_unit);
    for (int s = 0; s < ns; ++s) {
        printf("\n%s\n", sch[s].label);
        printf("%8s %8s %10s %10s %12s %9s %12s %10s %7s %9s  %s\n", "f", "nodes", "dz_top", "dz_largest",
               "Q(end)", "vs ref %", "v_mean(end)", "max|dθ|", "steps", "ms", "status");
        for (int l = 0; l < n_levels; ++l) {
            const run_result *r = &runs[s * n_levels + l];
            printf("%8g %8d %10.4g %10.4g %12.6f %+9.4f %12.6g %10.2e %7ld %9.1f  %s\n", r->f, r->nodes,
                   r->dz_first, r->dz_largest, r->Q, 100.0 * (r->Q / ref - 1.0), r->v_mean, r->dtheta, r->steps,
                   r->ms, shp_status_name(r->status));
        }
        if (rich[s].why) printf("Richardson (last 3 levels): none, %s\n", rich[s].why);
        else
            printf("Richardson (last 3 levels): Q = %.6f %s, observed order %.2f (%+.4f %% vs reference)\n",
                   rich[s].Q, len_unit, rich[s].order, 100.0 * (rich[s].Q / ref - 1.0));
    }

    if (csv_path) {
        FILE *f = fopen(csv_path, "w");
        if (!f) {
            fprintf(stderr, "refine: cannot write %s\n", csv_path);
            rc = 1;
            goto done;
        }
        fprintf(f, "config,scheme,p1,p2,p3,f,nodes,dz_top_%s,dz_largest_%s,Q_end_%s,Q_ref_%s,rel_diff_pct,"
                   "v_mean_end_%s_per_%s,max_dtheta,steps,iterations,wall_ms,status,Q_richardson_%s,order\n",
                len_unit, len_unit, len_unit, len_unit, len_unit, time_unit, len_unit);
        for (int s = 0; s < ns; ++s)
            for (int l = 0; l < n_levels; ++l) {
                const run_result *r = &runs[s * n_levels + l];
                fprintf(f, "%s,%s,%.10g,%.10g,%.10g,%g,%d,%.10g,%.10g,%.12g,%.12g,%.6g,%.12g,%.6g,%ld,%ld,"
                           "%.3f,%s,%.12g,%.6g\n",
                        config, KIND[sch[s].kind], sch[s].a, sch[s].b, sch[s].c, r->f, r->nodes, r->dz_first,
                        r->dz_largest, r->Q, ref, 100.0 * (r->Q / ref - 1.0), r->v_mean, r->dtheta, r->steps,
                        r->iterations, r->ms, shp_status_name(r->status), rich[s].Q, rich[s].order);
            }
        if (fclose(f) != 0) rc = 1;
    }
    for (int i = 0; i < ns * n_levels; ++i)
        if (runs[i].status != SHP_OK) rc = rc ? rc : 3;

done:
    for (int i = 0; i < ns * n_levels; ++i) {
        free(runs[i].z);
        free(runs[i].theta);
    }
    free(runs);
    free(rich);
    cJSON_Delete(base);
    return rc;
}
