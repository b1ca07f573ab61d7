/* The discrete equations of a column at one iterate: node evaluations, faces, the
 * assembled Newton/Picard system, stored water and the boundary fill. Team-strided
 * (core/team.h), shared by the time stepper (core/column_core.h) and the sensitivity
 * equations (core/column_sens.h). */
#ifndef SHPFIT_CORE_COLUMN_ASSEMBLY_H
#define SHPFIT_CORE_COLUMN_ASSEMBLY_H

#include "column_types.h"
#include "team.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Nodes whose head is prescribed (their flux comes from their own balance). */
SHP_HD SHP_INLINE int shp_richards_is_head_node(const shp_column *col, int i)
{
    return (i == 0 && col->top.type == SHP_BC_HEAD) ||
           (i == col->n - 1 && col->bottom.type == SHP_BC_HEAD);
}

/* W, K, Cw, dK/dh of node i and, when the faces are "kirchhoff" (tabs: the materials'
 * tables, else NULL), its potential Ψ. */
SHP_HD SHP_INLINE void shp_richards_eval_node(const shp_column *col, const shp_material *mats,
                                              const double *tabs, int i, const double *h, double *W,
                                              double *K, double *Cw, double *dK, double *Psi)
{
    const int m = col->mat_of_node[i];
    shp_hyd_storage(&mats[m], h[i], &W[i], &K[i], &Cw[i], &dK[i]);
    if (tabs) /* Ψ, and ln(−h) in the next array for the faces */
        Psi[i] = shp_kirchhoff_eval_u(tabs + (long)m * SHP_KIRCHHOFF_TABLE_DOUBLES, h[i],
                                      &Psi[col->n + i]);
}

SHP_HD SHP_INLINE void shp_richards_eval_nodes(const shp_team *tm, const shp_column *col,
                                               const shp_material *mats, const double *tabs,
                                               const double *h, double *W, double *K, double *Cw,
                                               double *dK, double *Psi)
{
    for (int i = tm->rank; i < col->n; i += tm->size)
        shp_richards_eval_node(col, mats, tabs, i, h, W, K, Cw, dK, Psi);
}

/* Materials a column uses (1 + the largest index in mat_of_node), team-reduced. */
SHP_HD SHP_INLINE int shp_richards_materials(const shp_team *tm, const shp_column *col)
{
    double m = 0.0;
    for (int i = tm->rank; i < col->n; i += tm->size) m = shp_max(m, (double)col->mat_of_node[i]);
    return 1 + (int)shp_team_max(tm, m);
}

/* The Kirchhoff tables of materials 0..n_mat−1, built by the whole team. */
SHP_HD SHP_INLINE void shp_richards_build_tables(const shp_team *tm, const shp_material *mats,
                                                 int n_mat, double *tabs)
{
    for (int j = tm->rank; j < n_mat * SHP_KIRCHHOFF_POINTS; j += tm->size)
        shp_kirchhoff_point(&mats[j / SHP_KIRCHHOFF_POINTS], j % SHP_KIRCHHOFF_POINTS,
                            tabs + (long)(j / SHP_KIRCHHOFF_POINTS) * SHP_KIRCHHOFF_TABLE_DOUBLES);
    shp_team_sync(tm);
    for (int m = tm->rank; m < n_mat; m += tm->size)
        shp_kirchhoff_accumulate(tabs + (long)m * SHP_KIRCHHOFF_TABLE_DOUBLES);
    shp_team_sync(tm);
}

/* Water a head-boundary node i (0 or n − 1) takes up when it jumps from h_init[i] to its
 * boundary head at t = 0+, vol_i (W(h_b) − W(h_init)) [L]; 0 when that boundary is not a
 * head. The same value on every team member. */
SHP_HD SHP_INLINE double shp_richards_boundary_fill(const shp_column *col, const shp_material *mats,
                                                    const double *h_init, int i)
{
    const shp_bc *bc = i == 0 ? &col->top : &col->bottom;
    if (bc->type != SHP_BC_HEAD) return 0.0;
    const shp_material *m = &mats[col->mat_of_node[i]];
    double W0, W1, K, C, dK;
    shp_hyd_storage(m, h_init[i], &W0, &K, &C, &dK);
    shp_hyd_storage(m, shp_bc_value(bc, 0.0), &W1, &K, &C, &dK);
    return shp_richards_node_volume(col->z, col->n, i) * (W1 - W0);
}

/* Boundary inputs of one step, the same for every team member. An atmospheric top
 * enters as the flux or the head it is held at this step (top_type SHP_BC_FLUX or
 * SHP_BC_HEAD), with pond set: water above the surface (h_0 > 0) is then stored in node
 * 0's balance, (max(h_0, 0) − pond_old)/Δt. tp: the potential transpiration rate of the
 * step (0: no uptake), h3 Feddes' h3 at that rate. */
typedef struct {
    int top_type, bot_type;
    double top_val, bot_val;
    double dt;
    int pond;
    double pond_old;
    double tp, h3;
} shp_richards_step_bc;

/* Water ponded on the surface [L]: the top head where it is positive, on a top that
 * ponds (an atmospheric one). */
SHP_HD SHP_INLINE double shp_richards_pond(const shp_column *col, const double *h)
{
    return col->top.type == SHP_BC_ATMOSPHERIC && h[0] > 0.0 ? h[0] : 0.0;
}

/* Root water uptake of node i [L/T] (S_i vol_i of Feddes' sink, physics/root_uptake.h)
 * and its derivative by h_i. */
SHP_HD SHP_INLINE double shp_richards_uptake(const shp_column *col, const shp_richards_step_bc *bc,
                                             int i, double h, double *dS)
{
    *dS = 0.0;
    if (!col->root_w || !(bc->tp > 0.0) || col->root_w[i] == 0.0) return 0.0;
    double da;
    const double a = shp_feddes_alpha(&col->feddes, bc->h3, h, &da);
    *dS = col->root_w[i] * bc->tp * da;
    return col->root_w[i] * bc->tp * a;
}

/* newton = SHP_NEWTON_EXACT: Newton's derivatives with the capillary conductance's taken
 * from the Kirchhoff table itself, the exact Jacobian of the discrete equations (the
 * sensitivities need it; the iteration takes K of the model, which the table matches to
 * its interpolation error). */
#define SHP_NEWTON_EXACT 2

/* The face between nodes i and i+1 at the current iterate (with the conductivity terms
 * of its derivatives when newton != 0). */
SHP_HD SHP_INLINE shp_richards_face shp_richards_face_at(const shp_column *col, int newton,
                                                     const double *tabs, int i, const double *h,
                                                     const double *K, const double *dK,
                                                     const double *Psi)
{
    const double dz = col->z[i + 1] - col->z[i];
    if (tabs) {
        const int m = col->mat_of_node[i];
        if (m == col->mat_of_node[i + 1]) {
            const double kc =
                shp_kirchhoff_mean_u(tabs + (long)m * SHP_KIRCHHOFF_TABLE_DOUBLES, h[i], h[i + 1],
                                     Psi[i], Psi[i + 1], Psi[col->n + i], Psi[col->n + i + 1]);
            const double *tab = tabs + (long)m * SHP_KIRCHHOFF_TABLE_DOUBLES;
            const int exact = newton == SHP_NEWTON_EXACT;
            const double Kci = exact ? shp_kirchhoff_K_u(tab, h[i], Psi[col->n + i]) : K[i];
            const double Kcj = exact ? shp_kirchhoff_K_u(tab, h[i + 1], Psi[col->n + i + 1]) : K[i + 1];
            return shp_richards_face_kirchhoff(newton, K[i], K[i + 1], dK[i], dK[i + 1], kc, Kci, Kcj,
                                               h[i], h[i + 1], dz);
        }
        /* two materials' potentials do not subtract: a layer interface takes the mean */
        return shp_richards_face_eval(SHP_KMEAN_ARITHMETIC, newton, K[i], K[i + 1], dK[i],
                                      dK[i + 1], h[i], h[i + 1], dz);
    }
    return shp_richards_face_eval(col->opt.kmean, newton, K[i], K[i + 1], dK[i], dK[i + 1],
                                  h[i], h[i + 1], dz);
}

/* The deep drainage through the bottom [L/T] at bottom head h, and dq/dh
 * (SHP_BC_DEEP_DRAINAGE; HYDRUS-1D's q(h) = A_qh exp(B_qh |h − GWL0L|), downward here). */
SHP_HD SHP_INLINE double shp_richards_deep_drainage(const shp_column *col, double h, double *dq_dh)
{
    const double d = h - col->drain_h_ref;
    const double q = col->drain_a * exp(col->drain_b * fabs(d));
    *dq_dh = q * col->drain_b * (d > 0.0 ? 1.0 : d < 0.0 ? -1.0 : 0.0);
    return q;
}

/* A prescribed boundary flux as a face (free drainage q = K(h) has dq/dh = K'). */
SHP_HD SHP_INLINE shp_richards_face shp_richards_face_given(double q, double dq_dh)
{
    shp_richards_face f;
    f.q = q;
    f.dq_dhi = dq_dh;
    f.dq_dhj = dq_dh;
    return f;
}

/* Assemble J δ = −F over the team's stride (J Newton's when newton != 0, else Picard's);
 * returns the team-reduced Σ|F_i| over the nodes whose head is not prescribed (the
 * water-balance residual per unit time). */
SHP_HD SHP_INLINE double shp_richards_assemble(const shp_team *tm, const shp_column *col, int newton,
                                               const shp_richards_step_bc *bc, const double *h,
                                               const double *W, const double *W_old, const double *K,
                                               const double *Cw, const double *dK,
                                               const double *tabs, const double *Psi, double *a,
                                               double *b, double *c, double *r)
{
    const int n = col->n;
    double res = 0.0;
    for (int i = tm->rank; i < n; i += tm->size) {
        shp_richards_face up, dn;
        if (i > 0) up = shp_richards_face_at(col, newton, tabs, i - 1, h, K, dK, Psi);
        else up = shp_richards_face_given(bc->top_type == SHP_BC_FLUX ? bc->top_val : 0.0, 0.0);
        if (i < n - 1) dn = shp_richards_face_at(col, newton, tabs, i, h, K, dK, Psi);
        else if (bc->bot_type == SHP_BC_FREE_DRAINAGE)
            dn = shp_richards_face_given(K[i], newton ? dK[i] : 0.0);
        else if (bc->bot_type == SHP_BC_DEEP_DRAINAGE) {
            double dq;
            const double q = shp_richards_deep_drainage(col, h[i], &dq);
            dn = shp_richards_face_given(q, newton ? dq : 0.0);
        } else dn = shp_richards_face_given(bc->bot_type == SHP_BC_FLUX ? bc->bot_val : 0.0, 0.0);
        const double vol_dt = shp_richards_node_volume(col->z, n, i) / bc->dt;
        double F = shp_richards_row(vol_dt, Cw[i], W[i], W_old[i], up, dn, &a[i], &b[i], &c[i], &r[i]);
        if (col->root_w) { /* the sink (Picard lags it: no derivative) */
            double dS;
            const double S = shp_richards_uptake(col, bc, i, h[i], &dS);
            F += S;
            r[i] -= S;
            if (newton) b[i] += dS;
        }
        if (i == 0 && bc->pond) { /* water stored above the surface */
            const double p = shp_richards_pond(col, h);
            F += (p - bc->pond_old) / bc->dt;
            r[0] -= (p - bc->pond_old) / bc->dt;
            if (h[0] > 0.0) b[0] += 1.0 / bc->dt;
        }
        if ((i == 0 && bc->top_type == SHP_BC_HEAD) || (i == n - 1 && bc->bot_type == SHP_BC_HEAD)) {
            a[i] = 0.0;
            c[i] = 0.0;
            b[i] = 1.0;
            r[i] = (i == 0 ? bc->top_val : bc->bot_val) - h[i];
        } else {
            res += fabs(F);
        }
    }
    return shp_team_sum(tm, res);
}

/* Team-reduced stored water Σ vol_i W_i [L]. */
SHP_HD SHP_INLINE double shp_richards_storage(const shp_team *tm, const shp_column *col,
                                              const double *W)
{
    double s = 0.0;
    for (int i = tm->rank; i < col->n; i += tm->size)
        s += shp_richards_node_volume(col->z, col->n, i) * W[i];
    return shp_team_sum(tm, s);
}

/* θ from stored water (removes the elastic Ss·h part of saturated nodes). */
SHP_HD SHP_INLINE double shp_richards_theta(const shp_column *col, const shp_material *mats,
                                            const double *h, const double *W, int i)
{
    return h[i] > 0.0 ? W[i] - mats[col->mat_of_node[i]].Ss * h[i] : W[i];
}

SHP_HD SHP_INLINE void shp_richards_store_profile(const shp_team *tm, const shp_column *col,
                                                  const shp_material *mats, const double *h,
                                                  const double *W, double *h_out, double *th_out)
{
    for (int i = tm->rank; i < col->n; i += tm->size) {
        h_out[i] = h ? h[i] : NAN;
        th_out[i] = h ? shp_richards_theta(col, mats, h, W, i) : NAN;
    }
}

#ifdef __cplusplus
}
#endif

#endif
