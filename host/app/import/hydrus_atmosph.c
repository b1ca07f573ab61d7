/* ATMOSPH.IN of HYDRUS-1D (block I): the atmospheric records of a project with a
 * time-variable boundary, in the order of HYDRUS's INPUT.FOR (AtmIn): MaxAL, the flags of
 * version-4 files, hCritS, then MaxAL records "tAtm Prec rSoil rRoot hCritA rB hB ht"
 * (further columns, temperatures and solute, are not read). Record i holds from
 * tAtm(i−1) (tInit for the first) to tAtm(i). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "import/hydrus.h"
#include "import/hydrus_lines.h"
#include "shpfit/status.h"

#define TRY(x) do { const int rc_ = (x); if (rc_ != SHP_OK) return rc_; } while (0)
#define MAXTOK 64
#define MAX_RECORDS 10000000

static int records(hy_lines *f, int version, shp_hydrus_project *p)
{
    char *t[MAXTOK];
    int n;
    static const char *const names[SHP_HYDRUS_ATM_COLS] = {"tAtm", "Prec", "rSoil", "rRoot",
                                                           "hCritA", "rB", "hB", "ht"};
    TRY(hy_skip(f, "\"MaxAL\""));
    TRY(hy_fields(f, "MaxAL", 1, t, MAXTOK, &n));
    int m = 0;
    TRY(hy_int(f, t[0], "MaxAL", &m));
    if (m < 1 || m > MAX_RECORDS) return hy_fail(f, "MaxAL must be 1 to %d (got %d)", MAX_RECORDS, m);
    if (version >= 4) { /* DailyVar SinusVar and eight more flags */
        TRY(hy_skip(f, "\"DailyVar SinusVar ...\""));
        TRY(hy_fields(f, "DailyVar SinusVar ...", 2, t, MAXTOK, &n));
        int v = 0;
        for (int i = 0; i < n; ++i) {
            TRY(hy_logical(f, t[i], i == 0 ? "DailyVar" : i == 1 ? "SinusVar" : "a flag", &v));
            if (i == 0) p->dailyvar = v;
            else if (i == 1) p->sinusvar = v;
            else if (v && !p->atm_flag_other) p->atm_flag_other = i + 1;
        }
    }
    TRY(hy_skip(f, "\"hCritS\""));
    TRY(hy_fields(f, "hCritS", 1, t, MAXTOK, &n));
    TRY(hy_number(f, t[0], "hCritS", &p->hcrits));
    TRY(hy_skip(f, "\"tAtm Prec rSoil rRoot hCritA rB hB ht\""));
    if (!(p->atm = malloc((size_t)m * SHP_HYDRUS_ATM_COLS * sizeof *p->atm))) return hy_fail(f, "out of memory");
    p->n_atm = m;
    for (int i = 0; i < m; ++i) {
        TRY(hy_fields(f, "an atmospheric record (tAtm Prec rSoil rRoot hCritA rB hB ht)", SHP_HYDRUS_ATM_COLS, t,
                      MAXTOK, &n));
        for (int k = 0; k < SHP_HYDRUS_ATM_COLS; ++k) TRY(hy_number(f, t[k], names[k], &SHP_HYDRUS_ATM(p, k, i)));
        if (i > 0 && !(SHP_HYDRUS_ATM(p, SHP_HY_TATM, i) > SHP_HYDRUS_ATM(p, SHP_HY_TATM, i - 1)))
            return hy_fail(f, "tAtm must increase (%g after %g)", SHP_HYDRUS_ATM(p, SHP_HY_TATM, i),
                           SHP_HYDRUS_ATM(p, SHP_HY_TATM, i - 1));
    }
    return SHP_OK;
}

int shp_hydrus_read_atmosph(const char *path, shp_hydrus_project *p, char *err, size_t len)
{
    hy_lines f;
    int rc = hy_lines_open(&f, path, err, len);
    if (rc != SHP_OK) return rc;
    snprintf(p->atmosph, sizeof p->atmosph, "%s", path);
    const int version = hy_lines_version(&f);
    rc = hy_skip(&f, "the block I header");
    if (rc == SHP_OK) rc = records(&f, version, p);
    hy_lines_close(&f);
    return rc;
}
