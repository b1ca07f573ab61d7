/* Statistics of benchmark campaigns (campaign_stats.h): quantiles, ERT, the rank-sum and
 * Friedman tests, the incomplete gamma function, `name=value;…` fields. */
#include "campaign/campaign_stats.h"

#include <ctype.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shpfit/status.h"

/* ------------------------------------------------------------ quantiles */

static int cmp_double(const void *a, const void *b)
{
    const double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

double shp_stat_quantile_sorted(const double *sorted, int n, double p)
{
    if (n < 1 || !(p >= 0.0 && p <= 1.0)) return NAN;
    const double h = (n - 1) * p;
    int lo = (int)floor(h);
    if (lo >= n - 1) return sorted[n - 1];
    const double frac = h - lo, a = sorted[lo], b = sorted[lo + 1];
    if (frac == 0.0 || a == b) return a;
    if (isinf(a) && isinf(b)) return NAN; /* −inf … +inf */
    if (isinf(a)) return a;
    if (isinf(b)) return b;
    return a + frac * (b - a);
}

/* Sorted copy of the non-NaN values of x; NULL (and *m = −1) when out of memory. */
static double *sorted_copy(const double *x, int n, int *m)
{
    double *s = malloc((size_t)(n > 0 ? n : 1) * sizeof *s);
    *m = 0;
    if (!s) {
        *m = -1;
        return NULL;
    }
    for (int i = 0; i < n; ++i)
        if (!isnan(x[i])) s[(*m)++] = x[i];
    qsort(s, (size_t)*m, sizeof *s, cmp_double);
    return s;
}

double shp_stat_quantile(const double *x, int n, double p)
{
    int m;
    double *s = sorted_copy(x, n, &m);
    const double q = s ? shp_stat_quantile_sorted(s, m, p) : NAN;
    free(s);
    return q;
}

int shp_stat_summarize(const double *x, int n, shp_stat_summary *s)
{
    s->n = 0;
    s->min = s->q1 = s->median = s->q3 = s->max = s->iqr = NAN;
    int m;
    double *v = sorted_copy(x, n, &m);
    if (!v) return SHP_ERR_NOMEM;
    if (m > 0) {
        s->n = m;
        s->min = v[0];
        s->max = v[m - 1];
        s->q1 = shp_stat_quantile_sorted(v, m, 0.25);
        s->median = shp_stat_quantile_sorted(v, m, 0.5);
        s->q3 = shp_stat_quantile_sorted(v, m, 0.75);
        s->iqr = s->q3 - s->q1;
    }
    free(v);
    return SHP_OK;
}

double shp_stat_median(const double *x, int n) { return shp_stat_quantile(x, n, 0.5); }

double shp_stat_iqr(const double *x, int n)
{
    shp_stat_summary s;
    return shp_stat_summarize(x, n, &s) == SHP_OK ? s.iqr : NAN;
}

/* ------------------------------------------------------------ running time */

double shp_stat_ert(int n, const int *success, const double *to_target, const double *total)
{
    if (n < 1) return NAN;
    double spent = 0.0;
    int ok = 0;
    for (int i = 0; i < n; ++i) {
        if (success[i]) {
            spent += to_target[i];
            ++ok;
        } else {
            spent += total[i];
        }
    }
    return ok ? spent / ok : INFINITY;
}

/* ------------------------------------------------------------ ranks */

typedef struct {
    double v;
    int i;
} indexed;

static int cmp_indexed(const void *a, const void *b)
{
    const indexed *x = a, *y = b;
    if (x->v != y->v) return (x->v > y->v) - (x->v < y->v);
    return (x->i > y->i) - (x->i < y->i);
}

int shp_stat_ranks(const double *x, int n, double *rank, double *ties)
{
    if (ties) *ties = 0.0;
    if (n < 1) return SHP_OK;
    indexed *t = malloc((size_t)n * sizeof *t);
    if (!t) return SHP_ERR_NOMEM;
    for (int i = 0; i < n; ++i) t[i] = (indexed){x[i], i};
    qsort(t, (size_t)n, sizeof *t, cmp_indexed);
    for (int i = 0; i < n;) {
        int j = i + 1;
        while (j < n && t[j].v == t[i].v) ++j;
        const double r = 0.5 * (double)(i + 1 + j); /* mean of ranks i+1 … j */
        for (int k = i; k < j; ++k) rank[t[k].i] = r;
        const double c = j - i;
        if (ties) *ties += c * c * c - c;
        i = j;
    }
    free(t);
    return SHP_OK;
}

/* ------------------------------------------------------------ rank-sum test */

/* count[u], u = 0 … m n: the number of the C(m+n, m) rank sets of the first sample (no
 * ties) whose statistic U is u. Dynamic programming over the ranks r = 1 … m+n: a rank
 * taken as the j-th of the first sample has r − j ranks of the second below it, which it
 * adds to U. dp[j][u] = ways to take j of the ranks seen so far with partial U = u. */
static double *ranksum_counts(int m, int n)
{
    const int umax = m * n, N = m + n, w = umax + 1;
    double *dp = calloc((size_t)(m + 1) * (size_t)w, sizeof *dp);
    if (!dp) return NULL;
    dp[0] = 1.0;
    for (int r = 1; r <= N; ++r) {
        const int jmax = r < m ? r : m;
        for (int j = jmax; j >= 1; --j) {
            const int add = r - j; /* second-sample ranks below this one */
            if (add > n) continue;
            const double *src = dp + (size_t)(j - 1) * w;
            double *dst = dp + (size_t)j * w;
            for (int u = umax - add; u >= 0; --u)
                if (src[u] != 0.0) dst[u + add] += src[u];
        }
    }
    double *count = malloc((size_t)w * sizeof *count);
    if (count) memcpy(count, dp + (size_t)m * w, (size_t)w * sizeof *count);
    free(dp);
    return count;
}

double shp_stat_ranksum_cdf(int m, int n, double u)
{
    if (m < 1 || n < 1 || isnan(u)) return NAN;
    if (u < 0) return 0.0;
    if (u >= (double)m * n) return 1.0;
    double *c = ranksum_counts(m, n);
    if (!c) return NAN;
    double below = 0.0, total = 0.0;
    for (int v = 0; v <= m * n; ++v) {
        total += c[v];
        if (v <= u) below += c[v];
    }
    free(c);
    return below / total;
}

double shp_stat_normal_cdf(double z) { return 0.5 * erfc(-z / sqrt(2.0)); }

int shp_stat_ranksum(const double *x, int n1, const double *y, int n2, shp_stat_ranksum_result *r)
{
    memset(r, 0, sizeof *r);
    r->n1 = n1;
    r->n2 = n2;
    r->p = NAN;
    if (n1 < 1 || n2 < 1) return SHP_ERR_INVALID;
    const int N = n1 + n2;
    double *all = malloc((size_t)N * 2 * sizeof *all);
    if (!all) return SHP_ERR_NOMEM;
    double *rank = all + N;
    for (int i = 0; i < n1; ++i) all[i] = x[i];
    for (int j = 0; j < n2; ++j) all[n1 + j] = y[j];
    for (int i = 0; i < N; ++i)
        if (isnan(all[i])) {
            free(all);
            return SHP_ERR_INVALID;
        }
    double ties = 0.0;
    if (shp_stat_ranks(all, N, rank, &ties) != SHP_OK) {
        free(all);
        return SHP_ERR_NOMEM;
    }
    double W = 0.0;
    for (int i = 0; i < n1; ++i) W += rank[i];
    free(all);
    r->W = W;
    r->U = W - 0.5 * n1 * (n1 + 1.0);
    const double mn = (double)n1 * n2, mean = 0.5 * mn;
    if (ties == 0.0 && n1 <= SHP_STAT_RANKSUM_EXACT_MAX && n2 <= SHP_STAT_RANKSUM_EXACT_MAX) {
        double *c = ranksum_counts(n1, n2);
        if (!c) return SHP_ERR_NOMEM;
        const int u = (int)lround(r->U);
        double le = 0.0, ge = 0.0, total = 0.0;
        for (int v = 0; v <= n1 * n2; ++v) {
            total += c[v];
            if (v <= u) le += c[v];
            if (v >= u) ge += c[v];
        }
        free(c);
        const double p = 2.0 * fmin(le, ge) / total;
        r->p = p < 1.0 ? p : 1.0;
        r->exact = 1;
        return SHP_OK;
    }
    const double var = mn / 12.0 * ((N + 1.0) - ties / ((double)N * (N - 1.0)));
    if (!(var > 0.0)) { /* every value tied */
        r->z = 0.0;
        r->p = 1.0;
        return SHP_OK;
    }
    const double d = r->U - mean;
    const double corr = d > 0 ? 0.5 : d < 0 ? -0.5 : 0.0;
    r->z = (d - corr) / sqrt(var);
    const double p = 2.0 * shp_stat_normal_cdf(-fabs(r->z));
    r->p = p < 1.0 ? p : 1.0;
    return SHP_OK;
}

/* ------------------------------------------------------------ Friedman test */

int shp_stat_friedman(const double *x, int b, int k, double *mean_rank, shp_stat_friedman_result *r)
{
    memset(r, 0, sizeof *r);
    r->k = k;
    r->b = b;
    r->df = k - 1;
    r->p = NAN;
    if (k < 2 || b < 2) return SHP_ERR_INVALID;
    for (long i = 0; i < (long)b * k; ++i)
        if (isnan(x[i])) return SHP_ERR_INVALID;
    double *rank = malloc((size_t)k * 2 * sizeof *rank);
    if (!rank) return SHP_ERR_NOMEM;
    double *R = rank + k, ties_all = 0.0;
    for (int j = 0; j < k; ++j) R[j] = 0.0;
    for (int i = 0; i < b; ++i) {
        double ties;
        if (shp_stat_ranks(x + (size_t)i * k, k, rank, &ties) != SHP_OK) {
            free(rank);
            return SHP_ERR_NOMEM;
        }
        ties_all += ties;
        for (int j = 0; j < k; ++j) R[j] += rank[j];
    }
    double num = 0.0;
    for (int j = 0; j < k; ++j) {
        const double d = R[j] - 0.5 * b * (k + 1.0);
        num += d * d;
        if (mean_rank) mean_rank[j] = R[j] / b;
    }
    free(rank);
    const double den = (double)b * k * (k + 1.0) - ties_all / (k - 1.0);
    if (!(den > 1e-12 * b * k * (k + 1.0))) { /* every block entirely tied */
        r->Q = 0.0;
        r->p = 1.0;
        return SHP_OK;
    }
    r->Q = 12.0 * num / den;
    r->p = shp_stat_chi2_sf(r->Q, r->df);
    return SHP_OK;
}

/* ------------------------------------------------------------ incomplete gamma */

#define GAMMA_EPS 1e-15
#define GAMMA_FPMIN (DBL_MIN / GAMMA_EPS)
#define GAMMA_ITMAX 10000

/* P(a, x) by its series, x < a + 1 (Numerical Recipes gser). */
static double gamma_series(double a, double x)
{
    double ap = a, del = 1.0 / a, sum = del;
    for (int i = 0; i < GAMMA_ITMAX; ++i) {
        ap += 1.0;
        del *= x / ap;
        sum += del;
        if (fabs(del) < fabs(sum) * GAMMA_EPS) break;
    }
    return sum * exp(-x + a * log(x) - lgamma(a));
}

/* Q(a, x) by its continued fraction, x ≥ a + 1 (gcf, modified Lentz's method). */
static double gamma_cfrac(double a, double x)
{
    double b = x + 1.0 - a, c = 1.0 / GAMMA_FPMIN, d = 1.0 / b, h = d;
    for (int i = 1; i < GAMMA_ITMAX; ++i) {
        const double an = -i * (i - a);
        b += 2.0;
        d = an * d + b;
        if (fabs(d) < GAMMA_FPMIN) d = GAMMA_FPMIN;
        c = b + an / c;
        if (fabs(c) < GAMMA_FPMIN) c = GAMMA_FPMIN;
        d = 1.0 / d;
        const double del = d * c;
        h *= del;
        if (fabs(del - 1.0) < GAMMA_EPS) break;
    }
    return exp(-x + a * log(x) - lgamma(a)) * h;
}

double shp_stat_gammp(double a, double x)
{
    if (!(a > 0.0) || !(x >= 0.0)) return NAN;
    if (x == 0.0) return 0.0;
    if (isinf(x)) return 1.0;
    return x < a + 1.0 ? gamma_series(a, x) : 1.0 - gamma_cfrac(a, x);
}

double shp_stat_gammq(double a, double x)
{
    if (!(a > 0.0) || !(x >= 0.0)) return NAN;
    if (x == 0.0) return 1.0;
    if (isinf(x)) return 0.0;
    return x < a + 1.0 ? 1.0 - gamma_series(a, x) : gamma_cfrac(a, x);
}

double shp_stat_chi2_sf(double x, int df)
{
    if (df < 1 || isnan(x)) return NAN;
    if (x <= 0.0) return 1.0;
    return shp_stat_gammq(0.5 * df, 0.5 * x);
}

/* ------------------------------------------------------------ name=value;… */

/* The item [s, e) without surrounding blank space. */
static void trim(const char **s, const char **e)
{
    while (*s < *e && isspace((unsigned char)**s)) ++*s;
    while (*e > *s && isspace((unsigned char)(*e)[-1])) --*e;
}

int shp_stat_kv_parse(const char *s, shp_stat_kv *kv, int max, int *n, char *err, size_t len)
{
    *n = 0;
    if (!s) return SHP_OK;
    int item = 0;
    for (const char *p = s;;) {
        const char *end = strchr(p, ';');
        if (!end) end = p + strlen(p);
        const char *a = p, *e = end;
        trim(&a, &e);
        ++item;
        if (a < e) {
            const char *eq = memchr(a, '=', (size_t)(e - a));
            if (!eq) {
                snprintf(err, len, "item %d \"%.*s\" is not name=value", item, (int)(e - a), a);
                return SHP_ERR_CONFIG;
            }
            const char *na = a, *ne = eq, *va = eq + 1, *ve = e;
            trim(&na, &ne);
            trim(&va, &ve);
            if (na == ne || ne - na > 63) {
                snprintf(err, len, "item %d \"%.*s\": a name of 1 to 63 characters is required", item,
                         (int)(e - a), a);
                return SHP_ERR_CONFIG;
            }
            char num[64];
            char *stop = NULL;
            double v = NAN;
            if (ve > va && ve - va < (long)sizeof num) {
                memcpy(num, va, (size_t)(ve - va));
                num[ve - va] = '\0';
                v = strtod(num, &stop);
            }
            if (ve > va && (!stop || stop == num || *stop)) { /* empty: NAN (not finite) */
                snprintf(err, len, "item %d \"%.*s\": the value is not a number", item, (int)(e - a), a);
                return SHP_ERR_CONFIG;
            }
            if (*n >= max) {
                snprintf(err, len, "more than %d name=value items", max);
                return SHP_ERR_CONFIG;
            }
            memcpy(kv[*n].name, na, (size_t)(ne - na));
            kv[*n].name[ne - na] = '\0';
            kv[*n].value = v;
            ++*n;
        }
        if (!*end) break;
        p = end + 1;
    }
    return SHP_OK;
}

int shp_stat_kv_get(const char *s, const char *name, double *value)
{
    if (!s) return 0;
    /* counted first, so that fields of any length parse */
    int items = 1;
    for (const char *p = s; *p; ++p) items += *p == ';';
    shp_stat_kv *kv = malloc((size_t)items * sizeof *kv);
    if (!kv) return -1;
    int n;
    char err[160];
    int found = -1;
    if (shp_stat_kv_parse(s, kv, items, &n, err, sizeof err) == SHP_OK) {
        found = 0;
        for (int i = 0; i < n && !found; ++i)
            if (!strcmp(kv[i].name, name)) {
                *value = kv[i].value;
                found = 1;
            }
    }
    free(kv);
    return found;
}
