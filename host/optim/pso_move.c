/* The particle-swarm kernel shared by pso and pso_vega: inertia schedule or
 * Clerc–Kennedy constriction, one particle's move with velocity clamping and bound
 * handling, and the neighbourhood guides (gbest or ring). */
#include "optim/optim_internal.h"

/* χ = 2 / |2 − φ − sqrt(φ² − 4φ)|, φ = c1 + c2 > 4 (Clerc & Kennedy 2002, κ = 1). */
static double constriction(double c1, double c2)
{
    const double phi = c1 + c2;
    return 2.0 / fabs(2.0 - phi - sqrt(phi * phi - 4.0 * phi));
}

double shp_pso_weight(const shp_opt_settings *s, long gen)
{
    if (s->velocity == SHP_PSO_CONSTRICTION) return constriction(s->c1, s->c2);
    if (s->schedule == SHP_INERTIA_CONSTANT) return s->w_start;
    /* Shi & Eberhart (1998): w_start → w_end linearly over the generation budget; the
     * move producing generation gen uses step gen − 1 of max_generations − 1 */
    const double den = s->max_generations > 1 ? (double)(s->max_generations - 1) : 1.0;
    double t = (double)(gen - 1) / den;
    if (t < 0.0) t = 0.0;
    if (t > 1.0) t = 1.0;
    return s->w_start + (s->w_end - s->w_start) * t;
}

static double clamp_v(double v, double vmax)
{
    if (vmax <= 0.0) return v;
    return v > vmax ? vmax : (v < -vmax ? -vmax : v);
}

void shp_pso_init_velocity(const shp_opt_settings *s, shp_rng *r, const double *x, double *v, int dim)
{
    for (int d = 0; d < dim; ++d) v[d] = clamp_v(0.5 * (shp_rng_uniform(r) - x[d]), s->v_clamp);
}

void shp_pso_move(const shp_opt_settings *s, shp_rng *r, double w, double *x, double *v, const double *p,
                  const double *g, int dim)
{
    const int chi = s->velocity == SHP_PSO_CONSTRICTION;
    for (int d = 0; d < dim; ++d) {
        const double r1 = shp_rng_uniform(r), r2 = shp_rng_uniform(r);
        double acc = 0.0;
        if (p) acc += s->c1 * r1 * (p[d] - x[d]);
        if (g) acc += s->c2 * r2 * (g[d] - x[d]);
        double vd = chi ? w * (v[d] + acc) : w * v[d] + acc;
        vd = clamp_v(vd, s->v_clamp);
        double xd = x[d] + vd;
        if (xd < 0.0 || xd > 1.0) {
            if (s->bounds == SHP_BOUNDS_ABSORB) {
                xd = xd < 0.0 ? 0.0 : 1.0;
                vd = 0.0;
            } else {
                xd = shp_opt_reflect(xd);
                vd = -vd;
            }
        }
        x[d] = xd;
        v[d] = vd;
    }
}

void shp_pso_guides(const shp_opt_settings *s, const double *pf, int first, int n, int *guide)
{
    if (s->topology == SHP_TOPOLOGY_GBEST || 2 * s->ring_k + 1 >= n) {
        const int b = shp_opt_argmin(pf, 1, first, n);
        for (int i = first; i < first + n; ++i) guide[i] = b;
        return;
    }
    for (int a = 0; a < n; ++a) {
        int b = first + a;
        for (int o = -s->ring_k; o <= s->ring_k; ++o) {
            const int c = first + ((a + o) % n + n) % n;
            if (pf[c] < pf[b] || (pf[c] == pf[b] && c < b)) b = c;
        }
        guide[first + a] = b;
    }
}
