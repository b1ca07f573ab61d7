/* Goodness-of-fit metrics (shpfit/metrics.h). Sums in one pass each, in index order,
 * so results do not depend on anything but the data. */
#include "shpfit/metrics.h"

#include <math.h>

double shp_metric_rmse(const double *sim, const double *obs, int n)
{
    double s = 0.0;
    for (int i = 0; i < n; ++i) s += (sim[i] - obs[i]) * (sim[i] - obs[i]);
    return n > 0 ? sqrt(s / n) : NAN;
}

double shp_metric_psi(const double *sim, const double *obs, int n)
{
    double mo = 0.0, se = 0.0, ss = 0.0;
    for (int i = 0; i < n; ++i) mo += obs[i];
    mo /= n;
    for (int i = 0; i < n; ++i) {
        se += (sim[i] - obs[i]) * (sim[i] - obs[i]);
        ss += (obs[i] - mo) * (obs[i] - mo);
    }
    if (!(ss > 0.0)) return HUGE_VAL;
    return sqrt(se / ss);
}

void shp_metrics_compute(const double *sim, const double *obs, int n, shp_metrics *m)
{
    m->n = n;
    double ms = 0.0, mo = 0.0;
    for (int i = 0; i < n; ++i) {
        ms += sim[i];
        mo += obs[i];
    }
    const double sum_obs = mo;
    ms /= n;
    mo /= n;
    double se = 0.0, ae = 0.0, vs = 0.0, vo = 0.0, cov = 0.0;
    for (int i = 0; i < n; ++i) {
        const double e = sim[i] - obs[i];
        se += e * e;
        ae += fabs(e);
        vs += (sim[i] - ms) * (sim[i] - ms);
        vo += (obs[i] - mo) * (obs[i] - mo);
        cov += (sim[i] - ms) * (obs[i] - mo);
    }
    m->rmse = sqrt(se / n);
    m->mae = ae / n;
    m->bias = ms - mo;
    m->ubrmse = sqrt(fmax(0.0, se / n - m->bias * m->bias));
    m->pbias = sum_obs != 0.0 ? 100.0 * (mo - ms) * n / sum_obs : NAN;
    m->nse = vo > 0.0 ? 1.0 - se / vo : NAN;
    m->psi = vo > 0.0 ? sqrt(se / vo) : HUGE_VAL;
    m->r = vs > 0.0 && vo > 0.0 ? cov / sqrt(vs * vo) : NAN;
    /* KGE′: correlation, bias ratio β = μs/μo, variability ratio γ = CVs/CVo */
    const double beta = mo != 0.0 ? ms / mo : NAN;
    const double cvs = ms != 0.0 ? sqrt(vs / n) / ms : NAN, cvo = mo != 0.0 ? sqrt(vo / n) / mo : NAN;
    const double gamma = cvo != 0.0 ? cvs / cvo : NAN;
    m->kge = 1.0 - sqrt((m->r - 1.0) * (m->r - 1.0) + (beta - 1.0) * (beta - 1.0) +
                        (gamma - 1.0) * (gamma - 1.0));
}

void shp_criteria_compute(const int *n, const double *ssr, int n_series, int k, shp_criteria *out)
{
    double loglik = 0.0; /* −2 ln L without its constants */
    int N = 0;
    for (int s = 0; s < n_series; ++s) {
        loglik += n[s] * log(ssr[s] / n[s]);
        N += n[s];
    }
    out->n = N;
    out->k = k;
    out->aic = loglik + 2.0 * k;
    out->aicc = N - k - 1 > 0 ? out->aic + 2.0 * k * (k + 1) / (double)(N - k - 1) : NAN;
    out->bic = loglik + k * log((double)N);
}
