/* The posterior window's statistics: R̂ and effective sample size in the search
 * coordinates, means, standard deviations, credible intervals and correlations of the
 * values, the state of highest density; and draws spread over the window. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "posterior/posterior_internal.h"

void shp_posterior_gather(const shp_posterior_result *r, long g0, long g1, int j, const shp_problem *values,
                          double *buf)
{
    const long n = g1 - g0 + 1;
    for (int c = 0; c < r->chains; ++c)
        for (long g = g0; g <= g1; ++g) {
            const double u = shp_posterior_state(r, g, c)[j];
            buf[(size_t)c * n + (size_t)(g - g0)] = values ? shp_problem_var_value(values, j, u) : u;
        }
}

int shp_posterior_summarise(shp_posterior_result *r, const shp_problem *pb, long g_reset)
{
    const long G = r->generations;
    long g0 = r->burn_in_end >= 0 && G - r->burn_in_end >= 4 ? r->burn_in_end + 1 : (G + 1) / 2;
    if (r->burn_in_end < 0 && g_reset > g0 && G - g_reset >= 4) g0 = g_reset;
    r->window_start = g0;
    const long n = G - g0 + 1, S = n * r->chains;
    const int dim = r->dim;
    double *x = malloc((size_t)S * dim * sizeof *x), *s = malloc((size_t)S * sizeof *s);
    if (!x || !s) {
        free(x);
        free(s);
        return SHP_ERR_NOMEM;
    }
    for (int j = 0; j < dim; ++j) {
        shp_posterior_gather(r, g0, G, j, NULL, s);
        r->rhat[j] = shp_rhat_split(s, r->chains, (int)n);
        r->ess[j] = shp_ess(s, r->chains, (int)n);
        shp_posterior_gather(r, g0, G, j, pb, x + (size_t)j * S);
        double m = 0.0, v = 0.0;
        for (long i = 0; i < S; ++i) m += x[(size_t)j * S + i];
        m /= (double)S;
        for (long i = 0; i < S; ++i) v += (x[(size_t)j * S + i] - m) * (x[(size_t)j * S + i] - m);
        r->mean[j] = m;
        r->sd[j] = S > 1 ? sqrt(v / (double)(S - 1)) : 0.0;
        memcpy(s, x + (size_t)j * S, (size_t)S * sizeof *s);
        shp_sort_doubles(s, S);
        r->q025[j] = shp_quantile_sorted(s, S, 0.025);
        r->q50[j] = shp_quantile_sorted(s, S, 0.5);
        r->q975[j] = shp_quantile_sorted(s, S, 0.975);
    }
    for (int a = 0; a < dim; ++a)
        for (int b = 0; b < dim; ++b) {
            double cv = 0.0;
            for (long i = 0; i < S; ++i)
                cv += (x[(size_t)a * S + i] - r->mean[a]) * (x[(size_t)b * S + i] - r->mean[b]);
            const double den = r->sd[a] * r->sd[b] * (double)(S - 1);
            r->corr[a * dim + b] = a == b ? 1.0 : den > 0.0 ? cv / den : NAN;
        }
    double best = -INFINITY;
    r->map_generation = g0;
    r->map_chain = 0;
    for (long g = g0; g <= G; ++g)
        for (int c = 0; c < r->chains; ++c) {
            const size_t k = (size_t)g * r->chains + c;
            if (r->loglik[k] + r->logprior[k] > best) {
                best = r->loglik[k] + r->logprior[k];
                r->map_generation = g;
                r->map_chain = c;
            }
        }
    free(x);
    free(s);
    return SHP_OK;
}

int shp_posterior_draws(const shp_posterior_result *r, int n, long *gen, int *chain)
{
    const long S = (r->generations - r->window_start + 1) * r->chains;
    if (n > S) n = (int)S;
    for (int i = 0; i < n; ++i) {
        const long k = (long)(((double)i + 0.5) * (double)S / (double)n);
        gen[i] = r->window_start + k / r->chains;
        chain[i] = (int)(k % r->chains);
    }
    return n < 0 ? 0 : n;
}

void shp_posterior_result_free(shp_posterior_result *r)
{
    if (!r) return;
    free(r->u);
    free(r->loglik);
    free(r->logprior);
    free(r->checks);
    memset(r, 0, sizeof *r);
}
