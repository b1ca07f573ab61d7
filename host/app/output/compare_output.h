/* The model comparison of `shpfit fit` ("fit.compare"): one fit per hydraulic model of
 * the same curve data, ranked by information criteria (host-internal, application
 * side). models.csv and compare.json. */
#ifndef SHPFIT_HOST_IO_COMPARE_OUTPUT_H
#define SHPFIT_HOST_IO_COMPARE_OUTPUT_H

#include <cjson/cJSON.h>
#include <stddef.h>

#include "shpfit/metrics.h"
#include "shpfit/problem.h"
#include "shpfit/uncertainty.h"

#define SHP_COMPARE_MAX 16 /* models in one comparison */

/* One model's fit, as the comparison reports it. */
typedef struct {
    const char *model;        /* registry name */
    int status;               /* SHP_OK, or why the fit failed (then only the message counts) */
    char message[256];        /* the failure's message */
    int n_kinds;              /* objective series: retention and/or conductivity */
    int kind[2];
    shp_metrics m[2];         /* their goodness of fit at the optimum */
    shp_criteria cr;          /* from the series' residual sums of squares and k = dim */
    double delta_aicc;        /* AICc − the lowest AICc */
    double weight;            /* Akaike weight exp(−Δ/2)/Σ exp(−Δ/2) over the models that fitted */
    int rank_aic, rank_aicc, rank_bic; /* 1 = lowest */
    int dim;
    char name[SHP_MAX_FREE][96];
    char unit[SHP_MAX_FREE][32]; /* of each value, in the config's units */
    double value[SHP_MAX_FREE];
    shp_uncertainty unc;      /* values, standard errors, intervals, at_bound */
    shp_material mat;         /* the fitted material */
    int k_known;              /* K(h) determined (conductivity data, or a K-only-free model) */
} shp_model_fit;

/* Criteria, Δ, weights and ranks of the models that fitted (status SHP_OK). */
void shp_compare_rank(shp_model_fit *f, int n);

/* The order to report them in: by AICc (by AIC where AICc is undefined), failed last. */
void shp_compare_order(const shp_model_fit *f, int n, int *order);

/* DIR/models.csv (one row per model, in `order`) and DIR/compare.json (with the
 * parameters, standard errors and bound flags of each, and the config). length_unit /
 * time_unit label the parameters' units. SHP_OK or SHP_ERR_IO with a message. */
int shp_compare_write(const char *dir, const char *config_file, const struct cJSON *config,
                      const shp_model_fit *f, const int *order, int n, const char *length_unit,
                      const char *time_unit, char *err, size_t len);

#endif
