/* SELECTOR.IN of HYDRUS-1D: blocks A (basic), B (water flow) and C (time), in the order
 * of HYDRUS's INPUT.FOR (BasInf, MatIn, TmIn), and block G (root water uptake, SinkIn)
 * when lSink says it exists. The other blocks (root growth, heat, solute) are not read:
 * the flags of block A say whether they exist. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/hydrus.h"
#include "import/hydrus_lines.h"
#include "shpfit/status.h"

#define TRY(x) do { const int rc_ = (x); if (rc_ != SHP_OK) return rc_; } while (0)
#define MAXTOK 64

/* Block A. */
static int basic(hy_lines *f, shp_hydrus_project *p)
{
    char *t[MAXTOK];
    int n;
    TRY(hy_skip(f, "the block A header"));
    TRY(hy_skip(f, "\"Heading\""));
    if (f->pos >= f->n) return hy_fail(f, "the file ends before the heading");
    snprintf(p->heading, sizeof p->heading, "%s", f->line[f->pos++]);
    TRY(hy_skip(f, "\"LUnit TUnit MUnit\""));
    TRY(hy_fields(f, "the length unit (LUnit)", 1, t, MAXTOK, &n));
    snprintf(p->lunit, sizeof p->lunit, "%s", t[0]);
    TRY(hy_fields(f, "the time unit (TUnit)", 1, t, MAXTOK, &n));
    snprintf(p->tunit, sizeof p->tunit, "%s", t[0]);
    TRY(hy_skip(f, "the mass unit (MUnit)"));
    TRY(hy_skip(f, "\"lWat lChem ...\""));
    TRY(hy_fields(f, "the flags lWat lChem lTemp lSink lRoot lShort lWDep lScreen lVariabBC lEquil", 10, t,
                  MAXTOK, &n));
    static const char *const names[] = {"lWat", "lChem", "lTemp", "lSink", "lRoot", "lShort", "lWDep",
                                        "lScreen", "lVariabBC", "lEquil", "lInverse"};
    int v[11] = {0};
    for (int i = 0; i < n && i < 11; ++i) TRY(hy_logical(f, t[i], names[i], &v[i]));
    p->lwat = v[0], p->lchem = v[1], p->ltemp = v[2], p->lsink = v[3], p->lroot = v[4];
    p->lwdep = v[6], p->lvariabbc = v[8], p->linverse = v[10];
    if (p->version >= 3) { /* lSnow and the meteorological flags of newer files */
        TRY(hy_skip(f, "\"lSnow ...\""));
        TRY(hy_skip(f, "the flags lSnow ..."));
    }
    TRY(hy_skip(f, "\"NMat NLay CosAlpha\""));
    TRY(hy_fields(f, "NMat NLay CosAlpha", 3, t, MAXTOK, &n));
    TRY(hy_int(f, t[0], "NMat", &p->nmat));
    TRY(hy_int(f, t[1], "NLay", &p->nlay));
    TRY(hy_number(f, t[2], "CosAlpha", &p->cos_alpha));
    if (p->nmat < 1 || p->nmat > SHP_HYDRUS_MAT_MAX)
        return hy_fail(f, "NMat must be 1 to %d (got %d)", SHP_HYDRUS_MAT_MAX, p->nmat);
    if (p->nlay < 1) return hy_fail(f, "NLay must be >= 1 (got %d)", p->nlay);
    return SHP_OK;
}

/* Block B up to the material parameters; returns 1 in *stop at a drain (refused). */
static int boundaries(hy_lines *f, shp_hydrus_project *p, int *stop)
{
    char *t[MAXTOK];
    int n;
    TRY(hy_skip(f, "the block B header"));
    TRY(hy_skip(f, "\"MaxIt TolTh TolH\""));
    TRY(hy_fields(f, "MaxIt TolTh TolH", 3, t, MAXTOK, &n));
    TRY(hy_skip(f, "\"TopInf WLayer KodTop InitCond\""));
    TRY(hy_fields(f, "TopInf WLayer KodTop InitCond", 4, t, MAXTOK, &n));
    TRY(hy_logical(f, t[0], "TopInf", &p->topinf));
    TRY(hy_logical(f, t[1], "WLayer", &p->wlayer));
    TRY(hy_int(f, t[2], "KodTop", &p->kodtop));
    TRY(hy_logical(f, t[3], "InitCond", &p->initcond));
    TRY(hy_skip(f, "\"BotInf qGWLF FreeD SeepF KodBot DrainF\""));
    TRY(hy_fields(f, "BotInf qGWLF FreeD SeepF KodBot", 5, t, MAXTOK, &n));
    TRY(hy_logical(f, t[0], "BotInf", &p->botinf));
    TRY(hy_logical(f, t[1], "qGWLF", &p->qgwlf));
    TRY(hy_logical(f, t[2], "FreeD", &p->freed));
    TRY(hy_logical(f, t[3], "SeepF", &p->seepf));
    TRY(hy_int(f, t[4], "KodBot", &p->kodbot));
    if (n > 5) TRY(hy_logical(f, t[5], "DrainF", &p->drainf));
    /* the flux line exists exactly when HYDRUS reads it (INPUT.FOR, BasInf) */
    if ((!p->topinf && p->kodtop == -1) ||
        (!p->botinf && p->kodbot == -1 && !p->qgwlf && !p->freed && !p->seepf && !p->drainf)) {
        TRY(hy_skip(f, "\"rTop rBot rRoot\""));
        TRY(hy_fields(f, "rTop rBot rRoot", 3, t, MAXTOK, &n));
        TRY(hy_number(f, t[0], "rTop", &p->rtop));
        TRY(hy_number(f, t[1], "rBot", &p->rbot));
        TRY(hy_number(f, t[2], "rRoot", &p->rroot));
    }
    if (p->qgwlf) {
        TRY(hy_skip(f, "\"GWL0L Aqh Bqh\""));
        TRY(hy_fields(f, "GWL0L Aqh Bqh", 3, t, MAXTOK, &n));
        TRY(hy_number(f, t[0], "GWL0L", &p->gwl0l));
        TRY(hy_number(f, t[1], "Aqh", &p->aqh));
        TRY(hy_number(f, t[2], "Bqh", &p->bqh));
    }
    *stop = p->drainf;
    return SHP_OK;
}

/* Block B, materials; *stop = 1 where the rows have another layout (refused anyway). */
static int materials(hy_lines *f, shp_hydrus_project *p, int *stop)
{
    char *t[MAXTOK];
    int n;
    TRY(hy_skip(f, "\"hTab1 hTabN\""));
    TRY(hy_fields(f, "hTab1 hTabN", 2, t, MAXTOK, &n));
    TRY(hy_skip(f, "\"Model Hysteresis\""));
    TRY(hy_fields(f, "Model Hysteresis", 2, t, MAXTOK, &n));
    TRY(hy_int(f, t[0], "Model", &p->model));
    TRY(hy_int(f, t[1], "Hysteresis", &p->hysteresis));
    if (p->hysteresis != 0 || p->model < 0 || p->model > 4) {
        *stop = 1;
        return SHP_OK;
    }
    p->npar = p->model == 1 ? 10 : 6;
    TRY(hy_skip(f, "the header of the material parameters"));
    for (int m = 0; m < p->nmat; ++m) {
        char what[64];
        snprintf(what, sizeof what, "the parameters of material %d", m + 1);
        TRY(hy_fields(f, what, p->npar, t, MAXTOK, &n));
        for (int i = 0; i < p->npar; ++i) TRY(hy_number(f, t[i], what, &p->par[m][i]));
    }
    return SHP_OK;
}

/* Block C. */
static int times(hy_lines *f, shp_hydrus_project *p)
{
    char *t[MAXTOK];
    int n;
    TRY(hy_skip(f, "the block C header"));
    TRY(hy_skip(f, "\"dt dtMin dtMax ...\""));
    TRY(hy_fields(f, "dt dtMin dtMax DMul DMul2 ItMin ItMax MPL", 8, t, MAXTOK, &n));
    TRY(hy_int(f, t[7], "MPL", &p->mpl));
    if (p->mpl < 0 || p->mpl > 100000) return hy_fail(f, "MPL must be 0 to 100000 (got %d)", p->mpl);
    TRY(hy_skip(f, "\"tInit tMax\""));
    TRY(hy_fields(f, "tInit tMax", 2, t, MAXTOK, &n));
    TRY(hy_number(f, t[0], "tInit", &p->tinit));
    TRY(hy_number(f, t[1], "tMax", &p->tmax));
    if (!(p->tmax > p->tinit)) return hy_fail(f, "tMax (%g) must be after tInit (%g)", p->tmax, p->tinit);
    if (p->version > 2) {
        TRY(hy_skip(f, "\"lPrintD nPrintSteps tPrintInterval lEnter\""));
        TRY(hy_skip(f, "lPrintD nPrintSteps tPrintInterval lEnter"));
    }
    TRY(hy_skip(f, "\"TPrint(1),TPrint(2),...\""));
    p->tprint = malloc(((size_t)p->mpl + 1) * sizeof *p->tprint);
    if (!p->tprint) return hy_fail(f, "out of memory");
    int got = 0;
    while (got < p->mpl) { /* Fortran's READ continues over lines until it has MPL values */
        TRY(hy_fields(f, "the print times TPrint", 1, t, MAXTOK, &n));
        for (int i = 0; i < n && got < p->mpl; ++i) {
            TRY(hy_number(f, t[i], "TPrint", &p->tprint[got]));
            const double prev = got ? p->tprint[got - 1] : p->tinit;
            if (!(p->tprint[got] > prev))
                return hy_fail(f, "TPrint(%d) = %g must be after %g", got + 1, p->tprint[got], prev);
            got++;
        }
    }
    return SHP_OK;
}

/* Block G (root water uptake), found by its header: the blocks between (heat, solute)
 * are not read. Only the Feddes model's lines are; another model is refused later. */
static int root_uptake(hy_lines *f, shp_hydrus_project *p)
{
    char *t[MAXTOK];
    int n;
    while (f->pos < f->n && !strstr(f->line[f->pos], "BLOCK G")) f->pos++;
    if (f->pos >= f->n) return hy_fail(f, "lSink = t, but the file has no block G (root water uptake)");
    TRY(hy_skip(f, "the block G header"));
    TRY(hy_skip(f, "\"Model cRootMax ...\""));
    TRY(hy_fields(f, "the root uptake model (0 Feddes, 1 S-shape) and cRootMax", 1, t, MAXTOK, &n));
    TRY(hy_int(f, t[0], "Model (root water uptake)", &p->sink_model));
    p->omega_c = 1.0;
    if (n >= 3) TRY(hy_number(f, t[2], "OmegaC", &p->omega_c));
    p->sink_read = 1;
    if (p->sink_model != 0) return SHP_OK;
    static const char *const names[6] = {"P0", "P2H", "P2L", "P3", "r2H", "r2L"};
    TRY(hy_skip(f, "\"P0 P2H P2L P3 r2H r2L\""));
    TRY(hy_fields(f, "P0 P2H P2L P3 r2H r2L", 6, t, MAXTOK, &n));
    for (int k = 0; k < 6; ++k) TRY(hy_number(f, t[k], names[k], &p->feddes[k]));
    TRY(hy_skip(f, "\"POptm(1),POptm(2),...\""));
    for (int got = 0; got < p->nmat;) { /* one per material, over as many lines as it takes */
        TRY(hy_fields(f, "POptm of every material", 1, t, MAXTOK, &n));
        for (int i = 0; i < n && got < p->nmat; ++i) TRY(hy_number(f, t[i], "POptm", &p->poptm[got++]));
    }
    return SHP_OK;
}

int shp_hydrus_read_selector(const char *path, shp_hydrus_project *p, char *err, size_t len)
{
    hy_lines f;
    snprintf(p->selector, sizeof p->selector, "%s", path);
    int rc = hy_lines_open(&f, path, err, len), stop = 0;
    if (rc == SHP_OK) {
        p->version = hy_lines_version(&f);
        rc = basic(&f, p);
        if (rc == SHP_OK) rc = boundaries(&f, p, &stop);
        if (rc == SHP_OK && !stop) rc = materials(&f, p, &stop);
        if (rc == SHP_OK && !stop) rc = times(&f, p);
        if (rc == SHP_OK && !stop && p->lsink) rc = root_uptake(&f, p);
        p->selector_partial = stop;
    }
    hy_lines_close(&f);
    return rc;
}
