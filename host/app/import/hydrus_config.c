/* A HYDRUS-1D project as a shpfit forward configuration: what maps exactly is
 * translated, what would change the water flow is refused, what does not (solute,
 * heat) is left out with a note. The table of docs/hydrus_import.md is this file. */
#define _POSIX_C_SOURCE 200809L /* open_memstream */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import/hydrus.h"
#include "shpfit/forward.h"
#include "shpfit/limits.h"

static void add(char (*list)[SHP_HYDRUS_NOTE_LEN], int *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void add(char (*list)[SHP_HYDRUS_NOTE_LEN], int *n, const char *fmt, ...)
{
    if (*n >= SHP_HYDRUS_NOTES_MAX) return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(list[(*n)++], SHP_HYDRUS_NOTE_LEN, fmt, ap);
    va_end(ap);
}
#define FATAL(...) add(r->fatal, &r->n_fatal, __VA_ARGS__)
#define NOTE(...) add(r->notes, &r->n_notes, __VA_ARGS__)

/* HYDRUS's unit words (INPUT.FOR, Conversion) to shpfit's labels; NULL: not supported. */
static const char *length_unit(const char *u)
{
    static const char *const ok[] = {"mm", "cm", "m", NULL};
    for (const char *const *k = ok; *k; ++k)
        if (!strcasecmp(u, *k)) return *k;
    return NULL;
}

static const char *time_unit(const char *u)
{
    static const char *const map[][2] = {{"sec", "s"}, {"s", "s"}, {"min", "min"}, {"hours", "h"},
                                         {"hour", "h"}, {"days", "d"}, {"day", "d"}};
    for (size_t i = 0; i < sizeof map / sizeof map[0]; ++i)
        if (!strcasecmp(u, map[i][0])) return map[i][1];
    return NULL;
}

/* Centimetres per length unit of the project (1 when it has none shpfit knows). */
static double cm_per_length(const shp_hydrus_project *p)
{
    const char *u = length_unit(p->lunit);
    return u ? shp_length_unit_cm(u) : 1.0;
}

/* The options of block A and B that change the water flow, or that shpfit leaves out. */
static void check_options(const shp_hydrus_project *p, shp_hydrus_report *r)
{
    if (!p->lwat)
        FATAL("lWat = f: HYDRUS keeps the water flow steady (the initial heads); shpfit always solves "
              "the transient Richards equation");
    if (p->lsink && !p->topinf)
        FATAL("lSink = t without a time-variable top (TopInf): shpfit's roots take up the atmospheric "
              "top's potential transpiration (rRoot of ATMOSPH.IN)");
    if (p->lsink && p->sink_read && p->sink_model != 0)
        FATAL("root water uptake Model = %d (S-shape): shpfit's uptake is Feddes' (Model = 0)", p->sink_model);
    if (p->lsink && p->sink_read && p->omega_c < 1.0)
        FATAL("OmegaC = %g: compensated root water uptake (shpfit's is uncompensated, OmegaC = 1)", p->omega_c);
    if (p->lroot) FATAL("lRoot = t: root growth (shpfit's roots keep their depth)");
    if (p->ltemp && p->lwdep)
        FATAL("lTemp and lWDep = t: temperature-dependent hydraulic properties");
    if (p->topinf && p->kodtop != -1)
        FATAL("TopInf = t with KodTop = %d: a time-variable head at the top (ht); shpfit's time-variable top "
              "is the atmospheric one (KodTop = -1)", p->kodtop);
    if (p->botinf) FATAL("BotInf = t: time-dependent bottom boundary (ATMOSPH.IN)");
    if ((p->topinf || p->lvariabbc) && !p->n_atm) FATAL("TopInf or lVariabBC = t, but the project has no ATMOSPH.IN");
    if (p->wlayer) FATAL("WLayer = t: a surface water layer that ponds and runs off");
    if (p->kodtop != 1 && p->kodtop != -1)
        FATAL("KodTop = %d: only 1 (constant head) and -1 (constant flux) have a shpfit equivalent",
              p->kodtop);
    if (p->seepf) FATAL("SeepF = t: seepage face at the bottom");
    if (p->drainf) FATAL("DrainF = t: tile drains");
    if (!p->freed && !p->qgwlf && p->kodbot != 1 && p->kodbot != -1)
        FATAL("KodBot = %d: only 1 (constant head), -1 (constant flux) and free drainage have a shpfit "
              "equivalent", p->kodbot);
    if (p->cos_alpha != 1.0)
        FATAL("CosAlpha = %g: an inclined or horizontal column (shpfit's column is vertical)", p->cos_alpha);
    if (p->hysteresis != 0) FATAL("Hysteresis = %d: hysteresis of the retention curve", p->hysteresis);
    if (p->model >= 5 && p->model <= 7) FATAL("Model = %d: dual porosity", p->model);
    else if (p->model < 0 || p->model > 4) FATAL("Model = %d: no shpfit equivalent", p->model);
    if (!length_unit(p->lunit)) FATAL("LUnit = %s: shpfit's lengths are mm, cm or m", p->lunit);
    if (!time_unit(p->tunit))
        FATAL("TUnit = %s: shpfit's times are s, min, h or d (convert the project in HYDRUS)", p->tunit);
    for (int i = 0; i < p->n; ++i)
        if (p->axz[i] != 1.0 || p->bxz[i] != 1.0 || p->dxz[i] != 1.0) {
            FATAL("PROFILE.DAT node %d: scaling factors Axz, Bxz, Dxz = %g, %g, %g: shpfit has no scaling of "
                  "the hydraulic functions (all must be 1)", i + 1, p->axz[i], p->bxz[i], p->dxz[i]);
            break;
        }
    if (p->lchem)
        NOTE("solute transport (lChem = t, block F) is not imported: it does not change the water flow");
    if (p->ltemp && !p->lwdep)
        NOTE("heat transport (lTemp = t, block E) is not imported: with lWDep = f it does not change the "
             "water flow");
    if (p->linverse) NOTE("the inverse problem (lInverse = t, FIT.IN) is not imported: the forward run only");
}

/* An atmospheric top from ATMOSPH.IN (KodTop = -1, TopInf = t): HYDRUS holds the
 * surface at the potential flux Prec − rSoil while its head stays within [−hCritA, hCritS]
 * (INPUT.FOR, AtmIn; the HYDRUS-1D manual, eqs. 2.71–2.73), as shpfit's atmospheric top
 * does between h_crit and h_max. Record i holds from tAtm(i−1) to tAtm(i): a row of the
 * forcing table from its start, the last ending at top.forcing.end. */
static cJSON *atmospheric(const shp_hydrus_project *p, shp_hydrus_report *r)
{
    cJSON *o = cJSON_CreateObject(), *fo, *rows;
    cJSON_AddStringToObject(o, "type", "atmospheric");
    if (p->dailyvar || p->sinusvar)
        FATAL("%s: DailyVar or SinusVar = t: HYDRUS spreads the daily rates over the day; shpfit holds each "
              "record's rates constant", p->atmosph);
    if (p->atm_flag_other)
        FATAL("%s: flag %d of the line \"DailyVar SinusVar ...\" is t: no shpfit equivalent", p->atmosph,
              p->atm_flag_other);
    const int m = p->n_atm;
    const double hcrita = SHP_HYDRUS_ATM(p, SHP_HY_HCRITA, 0);
    double rroot = 0.0;
    for (int i = 0; i < m; ++i) {
        if (SHP_HYDRUS_ATM(p, SHP_HY_HCRITA, i) != hcrita) {
            FATAL("%s: hCritA changes between records (%g, then %g): shpfit's air-dry limit h_crit is one value",
                  p->atmosph, hcrita, SHP_HYDRUS_ATM(p, SHP_HY_HCRITA, i));
            break;
        }
        rroot = fmax(rroot, SHP_HYDRUS_ATM(p, SHP_HY_RROOT, i));
        if (SHP_HYDRUS_ATM(p, SHP_HY_PREC, i) < 0.0 || SHP_HYDRUS_ATM(p, SHP_HY_RSOIL, i) < 0.0) {
            FATAL("%s: record %d: Prec and rSoil must be >= 0 (got %g, %g)", p->atmosph, i + 1,
                  SHP_HYDRUS_ATM(p, SHP_HY_PREC, i), SHP_HYDRUS_ATM(p, SHP_HY_RSOIL, i));
            break;
        }
    }
    if (!(hcrita > 0.0)) FATAL("%s: hCritA = %g: the air-dry limit must be > 0 (an absolute value)", p->atmosph, hcrita);
    if (rroot > 0.0 && !p->lsink)
        NOTE("%s: rRoot (potential transpiration) is not imported: without lSink HYDRUS takes up no water either",
             p->atmosph);
    const double t_last = SHP_HYDRUS_ATM(p, SHP_HY_TATM, m - 1);
    if (t_last < p->tmax)
        FATAL("%s: the records end at tAtm = %g, before tMax = %g", p->atmosph, t_last, p->tmax);
    cJSON_AddItemToObject(o, "forcing", fo = cJSON_CreateObject());
    cJSON_AddItemToObject(fo, "table", rows = cJSON_CreateArray());
    for (int i = 0; i < m; ++i) {
        const double start = i ? SHP_HYDRUS_ATM(p, SHP_HY_TATM, i - 1) : p->tinit;
        if (SHP_HYDRUS_ATM(p, SHP_HY_TATM, i) <= p->tinit) continue; /* over before the run starts */
        const double row[4] = {fmax(start, p->tinit) - p->tinit, SHP_HYDRUS_ATM(p, SHP_HY_PREC, i),
                               SHP_HYDRUS_ATM(p, SHP_HY_RSOIL, i),
                               p->lsink ? SHP_HYDRUS_ATM(p, SHP_HY_RROOT, i) : 0.0};
        cJSON_AddItemToArray(rows, cJSON_CreateDoubleArray(row, 4));
    }
    cJSON_AddNumberToObject(fo, "end", t_last - p->tinit);
    cJSON_AddNumberToObject(o, "h_crit", -hcrita);
    /* hCritS of 1e30: no runoff; shpfit's largest surface head stands for it */
    const double hmax = SHP_HEAD_MAX_CM / cm_per_length(p);
    if (p->hcrits > hmax) NOTE("hCritS = %g: the surface ponds without runoff up to h_max = %g", p->hcrits, hmax);
    cJSON_AddNumberToObject(o, "h_max", fmax(0.0, fmin(p->hcrits, hmax)));
    if (p->hcrits < 0.0) FATAL("%s: hCritS = %g: the ponding limit must be >= 0", p->atmosph, p->hcrits);
    return o;
}

/* Root water uptake (lSink, block G): the nodes' Beta of PROFILE.DAT as the density
 * table (shpfit integrates it over each node's cell and normalises it), and
 * Feddes' stress response (P0, POptm, P2H, P2L, P3, r2H, r2L: h1, h2, h3h, h3l, h4, r2h,
 * r2l) with one POptm for all materials. */
static cJSON *roots(const shp_hydrus_project *p, const double *z, shp_hydrus_report *r)
{
    cJSON *o = cJSON_CreateObject(), *tab, *fd;
    cJSON_AddStringToObject(o, "distribution", "table");
    cJSON_AddItemToObject(o, "table", tab = cJSON_CreateArray());
    double bmax = 0.0;
    for (int i = 0; i < p->n; ++i) {
        if (!(p->beta[i] >= 0.0)) {
            FATAL("%s: node %d: Beta = %g: the root distribution must be >= 0", p->profile, i + 1, p->beta[i]);
            break;
        }
        bmax = fmax(bmax, p->beta[i]);
        const double row[2] = {z[i], p->beta[i]};
        cJSON_AddItemToArray(tab, cJSON_CreateDoubleArray(row, 2));
    }
    if (!(bmax > 0.0)) FATAL("%s: lSink = t, but Beta is 0 at every node: no roots", p->profile);
    for (int m = 1; m < p->nmat; ++m)
        if (p->poptm[m] != p->poptm[0]) {
            FATAL("POptm differs between materials (%g, %g): shpfit's Feddes function is one for the column",
                  p->poptm[0], p->poptm[m]);
            break;
        }
    cJSON_AddItemToObject(o, "feddes", fd = cJSON_CreateObject());
    const double *f = p->feddes;
    cJSON_AddNumberToObject(fd, "h1", f[0]);
    cJSON_AddNumberToObject(fd, "h2", p->poptm[0]);
    cJSON_AddNumberToObject(fd, "h3h", f[1]);
    cJSON_AddNumberToObject(fd, "h3l", f[2]);
    cJSON_AddNumberToObject(fd, "h4", f[3]);
    cJSON_AddNumberToObject(fd, "r2h", f[4]);
    cJSON_AddNumberToObject(fd, "r2l", f[5]);
    return o;
}

/* One material row as shpfit parameters (HYDRUS's MATERIAL.FOR forms). */
static cJSON *material(const shp_hydrus_project *p, int m, const double *a, shp_hydrus_report *r)
{
    cJSON *o = cJSON_CreateObject();
    const double thr = a[0], ths = a[1], alfa = a[2], n = a[3], ks = a[4], l = a[5];
    const char *model = "vgm";
    if (p->model == 1) {
        /* modified VG (Vogel and Cislerova): exactly VGM when thm = ths, tha = thr, thk = ths
         * and Kk = Ks (after HYDRUS's own clamps, MatIn) */
        const double thm = fmax(a[6], ths), tha = fmin(a[7], thr), thk = fmin(a[8], ths), kk = fmin(a[9], ks);
        if (!(thm == ths && tha == thr && thk == ths && kk == ks))
            FATAL("Model = 1, material %d: the modified van Genuchten model with thm, tha, thk, Kk other than "
                  "ths, thr, ths, Ks has no exact shpfit equivalent", m + 1);
    }
    if (p->model == 2) model = "brooks_corey";
    if (p->model == 3) model = "vgm_ae";
    if (p->model == 4) model = "kosugi";
    cJSON_AddStringToObject(o, "model", model);
    cJSON_AddNumberToObject(o, "theta_r", thr);
    cJSON_AddNumberToObject(o, "theta_s", ths);
    if (p->model == 2) { /* Hs = -1/Alfa, lambda = n, l = BPar */
        cJSON_AddNumberToObject(o, "hb", 1.0 / alfa);
        cJSON_AddNumberToObject(o, "lambda", n);
    } else if (p->model == 4) { /* Alfa is the median suction, n the deviation of ln(suction) */
        cJSON_AddNumberToObject(o, "hm", alfa);
        cJSON_AddNumberToObject(o, "sigma", n);
    } else {
        cJSON_AddNumberToObject(o, "alpha", alfa);
        cJSON_AddNumberToObject(o, "n", n);
    }
    cJSON_AddNumberToObject(o, "Ks", ks);
    cJSON_AddNumberToObject(o, "l", l);
    if (p->model == 3) /* HYDRUS fixes the air entry at -2 cm whatever LUnit */
        cJSON_AddNumberToObject(o, "h_s", -2.0 / cm_per_length(p));
    return o;
}

/* Depths below the surface (x decreases downward in PROFILE.DAT). */
static int uniform(const double *z, int n)
{
    const double dz = z[n - 1] / (n - 1);
    for (int i = 0; i < n; ++i) /* PROFILE.DAT prints 7 significant digits */
        if (fabs(z[i] - i * dz) > 1e-6 * z[n - 1]) return 0;
    return 1;
}

static cJSON *profile(const shp_hydrus_project *p, const double *z, shp_hydrus_report *r)
{
    const int n = p->n;
    cJSON *o = cJSON_CreateObject(), *layers;
    cJSON_AddNumberToObject(o, "depth", z[n - 1]);
    if (uniform(z, n)) {
        cJSON_AddStringToObject(o, "grid", "uniform");
        cJSON_AddNumberToObject(o, "nodes", n);
    } else {
        cJSON_AddStringToObject(o, "grid", "nodes");
        cJSON_AddItemToObject(o, "z", cJSON_CreateDoubleArray(z, n));
    }
    cJSON_AddItemToObject(o, "layers", layers = cJSON_CreateArray());
    for (int i = 0; i < n; ++i) {
        if (p->mat[i] > p->nmat) {
            FATAL("%s: node %d: material %d, but Selector.in defines %d", p->profile, i + 1, p->mat[i], p->nmat);
            return o;
        }
        /* a node on a layer boundary belongs to the upper layer, as in shpfit */
        if (i == n - 1 || p->mat[i + 1] != p->mat[i]) {
            cJSON *l = cJSON_CreateObject();
            char name[32];
            snprintf(name, sizeof name, "mat%d", p->mat[i]);
            cJSON_AddStringToObject(l, "material", name);
            cJSON_AddNumberToObject(l, "bottom", z[i]);
            cJSON_AddItemToArray(layers, l);
        }
    }
    return o;
}

/* top / bottom: HYDRUS's fluxes are positive upward, shpfit's downward. */
static cJSON *boundary(int head, int free_drainage, double h, double r_up)
{
    cJSON *o = cJSON_CreateObject();
    if (free_drainage) cJSON_AddStringToObject(o, "type", "free_drainage");
    else if (head) {
        cJSON_AddStringToObject(o, "type", "head");
        cJSON_AddNumberToObject(o, "value", h);
    } else if (r_up == 0.0) cJSON_AddStringToObject(o, "type", "zero_flux");
    else {
        cJSON_AddStringToObject(o, "type", "flux");
        cJSON_AddNumberToObject(o, "value", -r_up);
    }
    return o;
}

static char *initial_csv(const shp_hydrus_project *p, const double *z)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f) return NULL;
    fprintf(f, "# initial %s of %s (HYDRUS-1D PROFILE.DAT), depth below the surface\n",
            p->initcond ? "water contents" : "pressure heads", p->profile);
    fprintf(f, "depth,%s\n", p->initcond ? "theta" : "h");
    for (int i = 0; i < p->n; ++i) fprintf(f, "%.10g,%.10g\n", z[i], p->h[i]);
    if (fclose(f) != 0) {
        free(buf);
        return NULL;
    }
    return buf;
}

static cJSON *build(const shp_hydrus_project *p, const double *z, const char *csv_name, shp_hydrus_report *r)
{
    cJSON *c = cJSON_CreateObject(), *o;
    char text[2 * 4096 + 512]; /* two paths and the sentence */
    snprintf(text, sizeof text,
             "imported by shpfit import-hydrus from %s and %s (\"%s\"). The face conductivity is HYDRUS's "
             "(arithmetic mean, boundary fill ignored); the other solver settings are shpfit's defaults, not "
             "HYDRUS's time stepping. Output times are HYDRUS's TPrint%s.",
             p->selector, p->profile, p->heading, p->tinit != 0.0 ? " minus tInit" : "");
    cJSON_AddStringToObject(c, "_comment", text);
    cJSON_AddItemToObject(c, "units", o = cJSON_CreateObject());
    cJSON_AddStringToObject(o, "length", length_unit(p->lunit));
    cJSON_AddStringToObject(o, "time", time_unit(p->tunit));
    cJSON_AddItemToObject(c, "materials", o = cJSON_CreateObject());
    for (int m = 0; m < p->nmat; ++m) {
        char name[32];
        snprintf(name, sizeof name, "mat%d", m + 1);
        cJSON_AddItemToObject(o, name, material(p, m, p->par[m], r));
    }
    cJSON_AddItemToObject(c, "profile", profile(p, z, r));
    cJSON_AddItemToObject(c, "initial", o = cJSON_CreateObject());
    cJSON_AddStringToObject(o, "type", "csv");
    cJSON_AddStringToObject(o, "file", csv_name);
    cJSON_AddStringToObject(o, "variable", p->initcond ? "theta" : "h");
    if (p->initcond && (p->kodtop == 1 || (p->kodbot == 1 && !p->freed)))
        FATAL("InitCond = t (water contents) with a constant-head boundary: HYDRUS takes the boundary head "
              "from the converted profile; give heads in PROFILE.DAT");
    /* HYDRUS's constant head is the initial head of the boundary node */
    cJSON_AddItemToObject(c, "top", p->topinf ? atmospheric(p, r)
                                               : boundary(p->kodtop == 1, 0, p->h[0], p->rtop));
    if (p->qgwlf) { /* HYDRUS-1D's deep drainage rBot = Aqh exp(Bqh |h − GWL0L|), upward positive */
        cJSON_AddItemToObject(c, "bottom", o = cJSON_CreateObject());
        cJSON_AddStringToObject(o, "type", "deep_drainage");
        cJSON_AddNumberToObject(o, "a", -p->aqh);
        cJSON_AddNumberToObject(o, "b", p->bqh);
        cJSON_AddNumberToObject(o, "h_ref", p->gwl0l);
    } else {
        cJSON_AddItemToObject(c, "bottom", boundary(p->kodbot == 1 && !p->freed, p->freed, p->h[p->n - 1], p->rbot));
    }
    if (p->lsink && p->topinf && p->sink_read && p->sink_model == 0) cJSON_AddItemToObject(c, "roots", roots(p, z, r));
    cJSON_AddItemToObject(c, "output", o = cJSON_CreateObject());
    cJSON *times = cJSON_CreateArray();
    for (int i = 0; i < p->mpl; ++i)
        if (p->tprint[i] <= p->tmax) cJSON_AddItemToArray(times, cJSON_CreateNumber(p->tprint[i] - p->tinit));
    /* HYDRUS always prints at tMax (TPrint(MPL+1) = tMax) */
    if (p->mpl == 0 || p->tprint[p->mpl - 1] < p->tmax)
        cJSON_AddItemToArray(times, cJSON_CreateNumber(p->tmax - p->tinit));
    cJSON_AddItemToObject(o, "times", times);
    cJSON_AddStringToObject(o, "profiles", "all");
    cJSON_AddItemToObject(c, "solver", o = cJSON_CreateObject());
    cJSON_AddStringToObject(o, "k_mean", "arithmetic");
    cJSON_AddStringToObject(o, "boundary_fill", "ignored");
    return c;
}

cJSON *shp_hydrus_to_config(const shp_hydrus_project *p, const char *csv_name, char **csv,
                            shp_hydrus_report *r)
{
    *csv = NULL;
    check_options(p, r);
    if (p->selector_partial || r->n_fatal || p->n < 3) return NULL;
    double *z = malloc((size_t)p->n * sizeof *z);
    if (!z) return NULL;
    for (int i = 0; i < p->n; ++i) z[i] = p->x[0] - p->x[i];
    cJSON *c = build(p, z, csv_name, r);
    if (!r->n_fatal) *csv = initial_csv(p, z);
    free(z);
    if (r->n_fatal || !*csv) {
        cJSON_Delete(c);
        free(*csv);
        *csv = NULL;
        return NULL;
    }
    return c;
}
