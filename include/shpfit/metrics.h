/* Goodness-of-fit of a simulated series against observations. */
#ifndef SHPFIT_METRICS_H
#define SHPFIT_METRICS_H

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
    int n;        /* pairs compared */
    double psi;   /* RMSE/σ of the observations (seed 002, Eq. 9) */
    double rmse;  /* root mean square error, units of the data */
    double mae;   /* mean absolute error */
    double bias;  /* mean(sim − obs) */
    double ubrmse;/* unbiased RMSE, sqrt(RMSE² − bias²) */
    double pbias; /* percent bias 100 Σ(obs − sim)/Σ obs (> 0: the model underestimates) */
    double nse;   /* Nash–Sutcliffe efficiency 1 − Σ(sim−obs)²/Σ(obs−mean)² */
    double r;     /* Pearson correlation */
    double kge;   /* modified Kling–Gupta efficiency KGE′ (Kling et al. 2012) */
} shp_metrics;

/* All metrics of sim against obs (n ≥ 1; undefined ones, e.g. NSE of constant
 * observations, are NaN). */
void shp_metrics_compute(const double *sim, const double *obs, int n, shp_metrics *m);

/* ψ = RMSE/σ of Eq. 9 of seed 002: sqrt(Σ(sim−obs)² / Σ(obs−mean obs)²) (the 1/(m−1)
 * of both cancel). +inf when the observations have no spread. */
double shp_metric_psi(const double *sim, const double *obs, int n);

double shp_metric_rmse(const double *sim, const double *obs, int n);

/* Information criteria of a least-squares fit with k free parameters to n_series
 * series, series s with n[s] points and residual sum of squares ssr[s], each with its
 * own unknown error variance (Gaussian errors; the constants common to every model of
 * the same data are dropped, as SWRC Fit does, Seki 2007):
 *   AIC  = Σ n_s ln(ssr_s/n_s) + 2k                   (Akaike 1974)
 *   AICc = AIC + 2k(k+1)/(N − k − 1),  N = Σ n_s        (Hurvich & Tsai 1989)
 *   BIC  = Σ n_s ln(ssr_s/n_s) + k ln N                 (Schwarz 1978)
 * Lower is better; only differences between models of the same data mean anything.
 * AICc is NaN when N ≤ k + 1, every criterion −inf for a perfect fit. */
typedef struct {
    int n, k;             /* points in all, free parameters */
    double aic, aicc, bic;
} shp_criteria;

void shp_criteria_compute(const int *n, const double *ssr, int n_series, int k, shp_criteria *out);

#ifdef __cplusplus
}
#endif

#endif
