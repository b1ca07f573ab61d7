/* Readers of a HYDRUS-1D project (SELECTOR.IN, PROFILE.DAT, ATMOSPH.IN) and its translation into a
 * shpfit forward configuration (host-internal; `shpfit import-hydrus`, docs/hydrus_import.md).
 *
 * The readers follow HYDRUS's own reading order (INPUT.FOR: one header line, one data
 * line, ...), so a file HYDRUS reads is read here the same way; every error names the
 * file and its line. Reading stops early, without an error, at an option whose further
 * lines shpfit would refuse anyway (hysteresis, dual porosity, a drain): the
 * translation then refuses the project naming that option. */
#ifndef SHPFIT_HOST_IO_HYDRUS_H
#define SHPFIT_HOST_IO_HYDRUS_H

#include <stddef.h>

#include <cjson/cJSON.h>

#define SHP_HYDRUS_MAT_MAX 100  /* HYDRUS-1D's own NMatD */
#define SHP_HYDRUS_PAR_MAX 11
#define SHP_HYDRUS_NOTES_MAX 24
#define SHP_HYDRUS_NOTE_LEN 320

typedef struct {
    /* SELECTOR.IN */
    char selector[4096];         /* its path, for messages */
    int version;                 /* Pcp_File_Version, 0 when the file has none */
    char heading[128];
    char lunit[16], tunit[16];   /* as written, trimmed */
    int lwat, lchem, ltemp, lsink, lroot, lwdep, lvariabbc, linverse;
    int nmat, nlay;
    double cos_alpha;
    int topinf, wlayer, kodtop, initcond;
    int botinf, qgwlf, freed, seepf, kodbot, drainf;
    double rtop, rbot, rroot;
    double gwl0l, aqh, bqh;                      /* qGWLF: rBot = Aqh exp(Bqh |h − GWL0L|) */
    int model, hysteresis;
    int npar;                                    /* parameters per material row */
    double par[SHP_HYDRUS_MAT_MAX][SHP_HYDRUS_PAR_MAX];
    double tinit, tmax;
    int mpl;
    double *tprint;                              /* mpl print times */
    /* block G, root water uptake (lSink): Feddes' P0 P2H P2L P3 r2H r2L, POptm per material */
    int sink_read, sink_model;                   /* block G read; 0 Feddes, 1 S-shape */
    double omega_c;                              /* < 1: compensated uptake */
    double feddes[6];
    double poptm[SHP_HYDRUS_MAT_MAX];
    int selector_partial;                        /* 1: stopped early (see above) */
    /* PROFILE.DAT */
    char profile[4096];
    int n;                                       /* nodes, top first as in the file */
    double *x, *h, *beta, *axz, *bxz, *dxz;
    int *mat, *lay;
    /* ATMOSPH.IN (read when the project has a time-variable boundary) */
    char atmosph[4096];
    int n_atm;                                   /* MaxAL records; 0: no file read */
    double hcrits;                               /* the most water the surface holds */
    int dailyvar, sinusvar;                      /* sub-daily distribution of E and T, of P */
    int atm_flag_other;                          /* 1-based position of another flag = t, or 0 */
    /* per record: the end of its interval and its rates (HYDRUS: upward positive fluxes) */
    double *atm;                                 /* one block of SHP_HYDRUS_ATM_COLS x n_atm */
} shp_hydrus_project;

/* The columns of an ATMOSPH.IN record kept in shp_hydrus_project.atm. */
enum { SHP_HY_TATM, SHP_HY_PREC, SHP_HY_RSOIL, SHP_HY_RROOT, SHP_HY_HCRITA, SHP_HY_RB, SHP_HY_HB, SHP_HY_HT,
       SHP_HYDRUS_ATM_COLS };
#define SHP_HYDRUS_ATM(p, col, i) ((p)->atm[(size_t)(col) * (size_t)(p)->n_atm + (size_t)(i)])

/* dir/name where name matches an entry of dir ignoring case (Selector.in, SELECTOR.IN):
 * 0, or −1 when there is none (or out does not hold it). */
int shp_hydrus_find_file(const char *dir, const char *name, char *out, size_t len);

/* Read SELECTOR.IN / PROFILE.DAT / ATMOSPH.IN into p (zero it first; free with shp_hydrus_free).
 * SHP_OK; SHP_ERR_IO (cannot read) or SHP_ERR_CONFIG (bad content) with
 * "PATH: line N: problem" in err; SHP_ERR_NOMEM. */
int shp_hydrus_read_selector(const char *path, shp_hydrus_project *p, char *err, size_t len);
int shp_hydrus_read_profile(const char *path, shp_hydrus_project *p, char *err, size_t len);
int shp_hydrus_read_atmosph(const char *path, shp_hydrus_project *p, char *err, size_t len);
void shp_hydrus_free(shp_hydrus_project *p);

/* What the translation refused (fatal: nothing may be written) and what it left out
 * of a project it translates (notes: the water flow is unaffected). */
typedef struct {
    int n_fatal, n_notes;
    char fatal[SHP_HYDRUS_NOTES_MAX][SHP_HYDRUS_NOTE_LEN];
    char notes[SHP_HYDRUS_NOTES_MAX][SHP_HYDRUS_NOTE_LEN];
} shp_hydrus_report;

/* The shpfit configuration of project p as a new JSON object, and the initial profile
 * (depth, value) as a new CSV text in *csv (named csv_name in the config). NULL with
 * the reasons in r->fatal (none when out of memory). */
cJSON *shp_hydrus_to_config(const shp_hydrus_project *p, const char *csv_name, char **csv,
                            shp_hydrus_report *r);

#endif
