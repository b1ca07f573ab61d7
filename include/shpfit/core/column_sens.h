/* Forward sensitivities of the discrete column: ∂(output)/∂p_k of every output for the
 * parameters the column names (shp_column.n_sens), alongside the time stepping.
 *
 * Backward Euler makes each accepted step solve F(h^{n+1}, h^n; p) = 0 with
 *   F_i = vol_i (W(h_i^{n+1}; p) − W(h_i^n; p))/Δt − q_{i−1/2} + q_{i+1/2}.
 * Differentiating at the converged h^{n+1}, with the step sequence frozen (as CVODES
 * does), gives one linear system per parameter with the step's Newton matrix:
 *   J s_k^{n+1} = −[vol/Δt (∂W/∂p_k(h^{n+1}) − σ_k^n) − ∂q_{i−1/2}/∂p_k + ∂q_{i+1/2}/∂p_k],
 * s_k = ∂h/∂p_k and σ_k = dW/dp_k = Cw s_k + ∂W/∂p_k the total derivative of the stored
 * water (so the old state enters only through σ_k^n). J is assembled once per step with
 * its exact (Newton) derivatives whatever iteration found h^{n+1}, so the result is the
 * derivative of the discrete solution, not of the iterate. Boundary fluxes, Q, v and θ
 * follow by the chain rule; the derivative of the water balance is computed as well and
 * stays at the size of the solver's tolerances (a check of the whole chain).
 *
 * Kirchhoff faces: k_c is linear in its material's table (Ψ, Ψ', Ψ'' at the points), so
 * ∂k_c/∂p is the same mean taken over the table of ∂Ψ/∂p, built by the same quadrature
 * from ∂K/∂p (its Ψ'' from a central difference of ∂K/∂p in u = ln(−h)). */
#ifndef SHPFIT_CORE_COLUMN_SENS_H
#define SHPFIT_CORE_COLUMN_SENS_H

#include "../physics/hydraulics_dp.h"
#include "column_assembly.h"
#include "team.h"
#include "tridiag.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The sensitivity state of one column: arrays in the work block (team-shared) and the
 * per-parameter totals, which every member keeps identically. */
typedef struct {
    int n_sens;
    double *s;            /* n_sens × n: ∂h/∂p_k of the current state */
    double *sW;           /* n_sens × n: dW/dp_k of the current state */
    double *Wp, *Kp;      /* n_sens × n: ∂W/∂p_k, ∂K/∂p_k at the current heads */
    double *ja, *jb, *jc; /* the step's Newton matrix, kept for the n_sens solves */
    double *fq, *Pk;      /* one parameter's face derivatives ∂q_{i+1/2}/∂p and ∂Ψ/∂p at the nodes */
    double *tabs;         /* n_sens tables of ∂Ψ/∂p_k (kirchhoff faces), else NULL */
    double Q[SHP_MAX_SENS], Q_bot[SHP_MAX_SENS], S0[SHP_MAX_SENS];
    double q_top[SHP_MAX_SENS], q_bot[SHP_MAX_SENS], Q_prev_out[SHP_MAX_SENS];
} shp_sens_state;

/* Point the arrays into `work` (the part of the work block after the plain column's
 * arrays and tables: shp_column_work_size with and without n_sens). */
SHP_HD SHP_INLINE void shp_sens_bind(const shp_column *col, double *work, shp_sens_state *ss)
{
    const long n = col->n, m = (long)col->n_sens * n;
    ss->n_sens = col->n_sens;
    ss->s = work;
    ss->sW = work + m;
    ss->Wp = work + 2 * m;
    ss->Kp = work + 3 * m;
    ss->ja = work + 4 * m;
    ss->jb = ss->ja + n;
    ss->jc = ss->jb + n;
    ss->fq = ss->jc + n;
    ss->Pk = ss->fq + n;
    ss->tabs = col->opt.kmean == SHP_KMEAN_KIRCHHOFF ? ss->Pk + n : 0;
    for (int k = 0; k < SHP_MAX_SENS; ++k)
        ss->Q[k] = ss->Q_bot[k] = ss->S0[k] = ss->q_top[k] = ss->q_bot[k] = ss->Q_prev_out[k] = 0.0;
}

/* ∂W/∂p_k and ∂K/∂p_k at head h of material m, for every sensitivity k (0 where p_k
 * belongs to another material). W = θ + Ss max(h, 0): Ss is not a model parameter. */
SHP_HD SHP_INLINE void shp_sens_material_dp(const shp_column *col, const shp_material *mats, int m,
                                            double h, double *Wp, double *Kp, long stride)
{
    double dth[SHP_MAX_PARAMS], dK[SHP_MAX_PARAMS];
    shp_hyd_eval_dp(&mats[m], h, dth, dK);
    for (int k = 0; k < col->n_sens; ++k) {
        const int own = col->sens_mat[k] == m;
        Wp[k * stride] = own ? dth[col->sens_par[k]] : 0.0;
        Kp[k * stride] = own ? dK[col->sens_par[k]] : 0.0;
    }
}

SHP_HD SHP_INLINE void shp_sens_nodes_dp(const shp_team *tm, const shp_column *col,
                                         const shp_material *mats, const double *h,
                                         shp_sens_state *ss)
{
    for (int i = tm->rank; i < col->n; i += tm->size)
        shp_sens_material_dp(col, mats, col->mat_of_node[i], h[i], ss->Wp + i, ss->Kp + i, col->n);
}

/* ∂K/∂p_k at head h of material m for every sensitivity k of that material (dK[k]). */
SHP_HD SHP_INLINE void shp_sens_K_dp(const shp_column *col, const shp_material *mats, int m,
                                     double h, double *dK)
{
    double dth[SHP_MAX_PARAMS], dKp[SHP_MAX_PARAMS];
    shp_hyd_eval_dp(&mats[m], h, dth, dKp);
    for (int k = 0; k < col->n_sens; ++k) dK[k] = col->sens_mat[k] == m ? dKp[col->sens_par[k]] : 0.0;
}

/* Point j of the tables of ∂Ψ/∂p_k of every sensitivity k of material m, as
 * shp_kirchhoff_point builds Ψ's: the quadrature is linear in K, so the same weights
 * applied to ∂K/∂p_k give ∂Ψ/∂p_k exactly. One evaluation serves all k. */
#define SHP_SENS_KIRCHHOFF_DU 1e-5 /* central difference of ∂K/∂p in u for ∂Ψ''/∂p */
SHP_HD SHP_INLINE void shp_sens_kirchhoff_point(const shp_column *col, const shp_material *mats,
                                                int m, int j, double *tabs)
{
    const double x[4] = {-0.8611363115940526, -0.3399810435848563, 0.3399810435848563,
                         0.8611363115940526};
    const double w[4] = {0.3478548451374538, 0.6521451548625461, 0.6521451548625461,
                         0.3478548451374538};
    const int ns = col->n_sens;
    const double u = SHP_KIRCHHOFF_U0 + j * SHP_KIRCHHOFF_DU, e = exp(u);
    const double d = SHP_SENS_KIRCHHOFF_DU;
    double Kp[SHP_MAX_SENS], Kup[SHP_MAX_SENS], Kdn[SHP_MAX_SENS], s[SHP_MAX_SENS];
    shp_sens_K_dp(col, mats, m, -e, Kp);
    shp_sens_K_dp(col, mats, m, -exp(u + d), Kup);
    shp_sens_K_dp(col, mats, m, -exp(u - d), Kdn);
    for (int k = 0; k < ns; ++k) s[k] = 0.0;
    if (j > 0) {
        const double mid = u - 0.5 * SHP_KIRCHHOFF_DU;
        for (int q = 0; q < 4; ++q) {
            const double v = mid + 0.5 * SHP_KIRCHHOFF_DU * x[q], ev = exp(v);
            double Kq[SHP_MAX_SENS];
            shp_sens_K_dp(col, mats, m, -ev, Kq);
            for (int k = 0; k < ns; ++k) s[k] += w[q] * Kq[k] * ev;
        }
    } else {
        shp_sens_K_dp(col, mats, m, 0.0, s); /* K at saturation */
    }
    for (int k = 0; k < ns; ++k) {
        if (col->sens_mat[k] != m) continue;
        double *tab = tabs + (long)k * SHP_KIRCHHOFF_TABLE_DOUBLES;
        double *p = tab + 1 + 3 * j;
        p[1] = Kp[k] * e;
        p[2] = e * (Kp[k] + (Kup[k] - Kdn[k]) / (2.0 * d)); /* d/du (∂K/∂p e^u) */
        if (j == 0) {
            p[0] = Kp[k] * e;
            tab[0] = s[k];
        } else {
            p[0] = 0.5 * SHP_KIRCHHOFF_DU * s[k];
        }
    }
}

SHP_HD SHP_INLINE void shp_sens_build_tables(const shp_team *tm, const shp_column *col,
                                             const shp_material *mats, shp_sens_state *ss)
{
    if (!ss->tabs) return;
    const int n_mat = shp_richards_materials(tm, col);
    for (int j = tm->rank; j < n_mat * SHP_KIRCHHOFF_POINTS; j += tm->size)
        shp_sens_kirchhoff_point(col, mats, j / SHP_KIRCHHOFF_POINTS, j % SHP_KIRCHHOFF_POINTS, ss->tabs);
    shp_team_sync(tm);
    for (int k = tm->rank; k < col->n_sens; k += tm->size)
        shp_kirchhoff_accumulate(ss->tabs + (long)k * SHP_KIRCHHOFF_TABLE_DOUBLES);
    shp_team_sync(tm);
}

/* ∂q/∂p_k of the face between nodes i and i+1 at fixed heads (shp_richards_face_at's flux);
 * kirchhoff faces read ∂Ψ/∂p_k at the nodes from ss->Pk. */
SHP_HD SHP_INLINE double shp_sens_face_dp(const shp_column *col, const shp_sens_state *ss, int k,
                                          int i, const double *h, const double *K,
                                          const double *Psi)
{
    const int n = col->n;
    const double *Kp = ss->Kp + (long)k * n;
    const double dz = col->z[i + 1] - col->z[i];
    const double grad = 1.0 - (h[i + 1] - h[i]) / dz;
    const int m = col->mat_of_node[i];
    int mean = col->opt.kmean;
    if (mean == SHP_KMEAN_KIRCHHOFF) {
        if (m == col->mat_of_node[i + 1]) {
            if (col->sens_mat[k] != m) return 0.0;
            const double *tab = ss->tabs + (long)k * SHP_KIRCHHOFF_TABLE_DOUBLES;
            const double dkc = shp_kirchhoff_mean_u(tab, h[i], h[i + 1], ss->Pk[i], ss->Pk[i + 1],
                                                    Psi[n + i], Psi[n + i + 1]);
            return dkc * (h[i] - h[i + 1]) / dz + 0.5 * (Kp[i] + Kp[i + 1]);
        }
        mean = SHP_KMEAN_ARITHMETIC; /* a layer interface, as shp_richards_face_at */
    }
    switch (mean) {
    case SHP_KMEAN_GEOMETRIC: {
        const double kf = sqrt(K[i] * K[i + 1]);
        return kf > 0.0 ? 0.5 * (Kp[i] * K[i + 1] + K[i] * Kp[i + 1]) / kf * grad : 0.0;
    }
    case SHP_KMEAN_UPSTREAM: return (grad >= 0.0 ? Kp[i] : Kp[i + 1]) * grad;
    default: return 0.5 * (Kp[i] + Kp[i + 1]) * grad;
    }
}

/* ∂q/∂p_k through the bottom boundary face when it is free drainage (q = K), else 0
 * (a prescribed flux); a head bottom takes its flux from node n−1's balance. */
SHP_HD SHP_INLINE double shp_sens_bottom_dp(const shp_column *col, const shp_sens_state *ss, int k,
                                            int bot_type)
{
    return bot_type == SHP_BC_FREE_DRAINAGE ? ss->Kp[(long)k * col->n + col->n - 1] : 0.0;
}

/* θ's derivative at node i from the stored water's (shp_richards_theta: θ = W − Ss h, h > 0). */
SHP_HD SHP_INLINE double shp_sens_theta(const shp_column *col, const shp_material *mats,
                                        const double *h, const shp_sens_state *ss, int k, int i)
{
    const long o = (long)k * col->n + i;
    return h[i] > 0.0 ? ss->sW[o] - mats[col->mat_of_node[i]].Ss * ss->s[o] : ss->sW[o];
}

/* The initial state (h the heads after the boundary nodes' jump, Cw there; dh_init:
 * n_sens × n derivatives of the initial heads, NULL when they do not depend on the
 * parameters): s, σ, the derivative of the counted fill and of the initial storage. */
SHP_HD SHP_INLINE void shp_sens_start(const shp_team *tm, const shp_column *col,
                                      const shp_material *mats, const double *h_init,
                                      const double *dh_init, const double *h, const double *Cw,
                                      shp_sens_state *ss)
{
    const int n = col->n, ns = col->n_sens;
    shp_sens_build_tables(tm, col, mats, ss);
    shp_sens_nodes_dp(tm, col, mats, h, ss);
    for (int i = tm->rank; i < n; i += tm->size)
        for (int k = 0; k < ns; ++k) {
            const long o = (long)k * n + i;
            ss->s[o] = shp_richards_is_head_node(col, i) || !dh_init ? 0.0 : dh_init[o];
            ss->sW[o] = Cw[i] * ss->s[o] + ss->Wp[o];
        }
    /* the counted fill vol (W(h_b) − W(h_init)) of a head-boundary node: its derivative
     * is vol (∂W/∂p(h_b) − dW/dp(h_init)) */
    double fill[2][SHP_MAX_SENS];
    for (int side = 0; side < 2; ++side) {
        const int i = side ? n - 1 : 0;
        const shp_bc *bc = side ? &col->bottom : &col->top;
        for (int k = 0; k < ns; ++k) fill[side][k] = 0.0;
        if (!col->opt.count_fill || bc->type != SHP_BC_HEAD) continue;
        const int m = col->mat_of_node[i];
        double W0, K0, C0, dK0, Wp0[SHP_MAX_SENS], Kp0[SHP_MAX_SENS];
        shp_hyd_storage(&mats[m], h_init[i], &W0, &K0, &C0, &dK0);
        shp_sens_material_dp(col, mats, m, h_init[i], Wp0, Kp0, 1);
        const double vol = shp_richards_node_volume(col->z, n, i);
        for (int k = 0; k < ns; ++k) {
            const double dW0 = C0 * (dh_init ? dh_init[(long)k * n + i] : 0.0) + Wp0[k];
            fill[side][k] = vol * (ss->Wp[(long)k * n + i] - dW0);
        }
    }
    shp_team_sync(tm); /* sW complete before the storage sums */
    for (int k = 0; k < ns; ++k) {
        double st = 0.0;
        for (int i = tm->rank; i < n; i += tm->size)
            st += shp_richards_node_volume(col->z, n, i) * ss->sW[(long)k * n + i];
        st = shp_team_sum(tm, st);
        ss->Q[k] = fill[0][k];
        ss->Q_bot[k] = -fill[1][k];
        ss->S0[k] = st - (ss->Q[k] - ss->Q_bot[k]);
        ss->Q_prev_out[k] = 0.0; /* the first interval's mean rate includes the fill */
    }
}

/* One accepted step: h, W, K, Cw, dK, Psi at the converged h^{n+1}, W_old at h^n, σ still
 * at h^n. Uses a, b, c, r and scratch (the solver's system arrays) as scratch. */
SHP_HD SHP_INLINE void shp_sens_step(const shp_team *tm, const shp_column *col,
                                     const shp_material *mats, const double *tabs,
                                     const shp_richards_step_bc *bc, const double *h,
                                     const double *W, const double *W_old, const double *K,
                                     const double *Cw, const double *dK, const double *Psi,
                                     double *a, double *b, double *c, double *r, double *scratch,
                                     shp_sens_state *ss)
{
    const int n = col->n, ns = col->n_sens;
    const double dt = bc->dt;
    shp_sens_nodes_dp(tm, col, mats, h, ss);
    shp_richards_assemble(tm, col, SHP_NEWTON_EXACT, bc, h, W, W_old, K, Cw, dK, tabs, Psi, ss->ja, ss->jb, ss->jc, r);
    shp_team_sync(tm); /* Kp of the neighbours before the faces */
    const shp_richards_face f_top = shp_richards_face_at(col, SHP_NEWTON_EXACT, tabs, 0, h, K, dK, Psi);
    const shp_richards_face f_bot = shp_richards_face_at(col, SHP_NEWTON_EXACT, tabs, n - 2, h, K, dK, Psi);
    for (int k = 0; k < ns; ++k) {
        double *s = ss->s + (long)k * n, *fq = ss->fq;
        const double *sW = ss->sW + (long)k * n, *Wp = ss->Wp + (long)k * n;
        if (ss->tabs) {
            const double *tab = ss->tabs + (long)k * SHP_KIRCHHOFF_TABLE_DOUBLES;
            for (int i = tm->rank; i < n; i += tm->size)
                ss->Pk[i] = shp_kirchhoff_eval_at(tab, h[i], Psi[n + i]);
            shp_team_sync(tm);
        }
        for (int i = tm->rank; i < n - 1; i += tm->size) fq[i] = shp_sens_face_dp(col, ss, k, i, h, K, Psi);
        shp_team_sync(tm);
        for (int i = tm->rank; i < n; i += tm->size) {
            a[i] = ss->ja[i];
            b[i] = ss->jb[i];
            c[i] = ss->jc[i];
            if (shp_richards_is_head_node(col, i)) {
                r[i] = 0.0;
                continue;
            }
            const double up = i > 0 ? fq[i - 1] : 0.0;
            const double dn = i < n - 1 ? fq[i] : shp_sens_bottom_dp(col, ss, k, bc->bot_type);
            r[i] = -(shp_richards_node_volume(col->z, n, i) / dt * (Wp[i] - sW[i]) - up + dn);
        }
        shp_team_tridiag(tm, n, a, b, c, r, scratch, s);
        shp_team_sync(tm);
        /* boundary fluxes as the step computes them (column_core.h), differentiated */
        double qt = 0.0, qb = 0.0;
        if (bc->top_type == SHP_BC_HEAD)
            qt = shp_richards_node_volume(col->z, n, 0) * (Wp[0] - sW[0]) / dt +
                 f_top.dq_dhi * s[0] + f_top.dq_dhj * s[1] + fq[0];
        if (bc->bot_type == SHP_BC_HEAD)
            qb = f_bot.dq_dhi * s[n - 2] + f_bot.dq_dhj * s[n - 1] + fq[n - 2] -
                 shp_richards_node_volume(col->z, n, n - 1) * (Wp[n - 1] - sW[n - 1]) / dt;
        else if (bc->bot_type == SHP_BC_FREE_DRAINAGE)
            qb = dK[n - 1] * s[n - 1] + ss->Kp[(long)k * n + n - 1];
        else if (bc->bot_type == SHP_BC_DEEP_DRAINAGE) {
            double dq;
            shp_richards_deep_drainage(col, h[n - 1], &dq);
            qb = dq * s[n - 1];
        }
        ss->q_top[k] = qt;
        ss->q_bot[k] = qb;
        ss->Q[k] += qt * dt;
        ss->Q_bot[k] += qb * dt;
        shp_team_sync(tm); /* fq, Pk read before the next parameter's */
    }
    shp_team_sync(tm); /* σ^n read by every member before it becomes σ^{n+1} */
    for (int i = tm->rank; i < n; i += tm->size)
        for (int k = 0; k < ns; ++k) {
            const long o = (long)k * n + i;
            ss->sW[o] = Cw[i] * ss->s[o] + ss->Wp[o];
        }
    shp_team_sync(tm);
}

/* The derivatives of output k_out (t, the previous output time t_prev). */
SHP_HD SHP_INLINE void shp_sens_output(const shp_team *tm, const shp_column *col,
                                       const shp_material *mats, const double *h,
                                       shp_sens_state *ss, const shp_column_out *out, int k_out,
                                       double t, double t_prev)
{
    const int n = col->n;
    for (int k = 0; k < ss->n_sens; ++k) {
        shp_column_out o;
        shp_column_sens_at(col, out, k, &o);
        double st = 0.0;
        for (int i = tm->rank; i < n; i += tm->size)
            st += shp_richards_node_volume(col->z, n, i) * ss->sW[(long)k * n + i];
        st = shp_team_sum(tm, st);
        if (tm->rank == 0) {
            o.Q[k_out] = ss->Q[k];
            o.v_inst[k_out] = ss->q_top[k];
            o.v_mean[k_out] = (ss->Q[k] - ss->Q_prev_out[k]) / (t - t_prev);
            o.q_bot[k_out] = ss->q_bot[k];
            o.Q_bot[k_out] = ss->Q_bot[k];
            o.balance[k_out] = (st - ss->S0[k]) - (ss->Q[k] - ss->Q_bot[k]);
            o.Q_runoff[k_out] = o.Q_uptake[k_out] = 0.0; /* no runoff nor uptake with sensitivities */
        }
        ss->Q_prev_out[k] = ss->Q[k];
        for (int j = tm->rank; j < col->n_obs; j += tm->size) {
            const int i = col->obs_node[j];
            const double w = col->obs_w[j];
            const double th0 = shp_sens_theta(col, mats, h, ss, k, i);
            const double th1 = w > 0.0 ? shp_sens_theta(col, mats, h, ss, k, i + 1) : th0;
            o.theta_obs[(long)k_out * col->n_obs + j] = (1.0 - w) * th0 + w * th1;
        }
        if (col->profiles_all)
            for (int i = tm->rank; i < n; i += tm->size) {
                o.h_prof[(long)k_out * n + i] = ss->s[(long)k * n + i];
                o.theta_prof[(long)k_out * n + i] = shp_sens_theta(col, mats, h, ss, k, i);
            }
    }
}

/* Output slots a failed run never reached (from k_from on) and the final profile (h
 * NULL: the run failed, NaN). */
SHP_HD SHP_INLINE void shp_sens_finish(const shp_team *tm, const shp_column *col,
                                       const shp_material *mats, const double *h,
                                       const shp_sens_state *ss, const shp_column_out *out,
                                       int k_from)
{
    const int n = col->n;
    for (int k = 0; k < ss->n_sens; ++k) {
        shp_column_out o;
        shp_column_sens_at(col, out, k, &o);
        for (int t = k_from; t < col->n_out; ++t) {
            if (tm->rank == 0)
                o.Q[t] = o.v_inst[t] = o.v_mean[t] = o.q_bot[t] = o.Q_bot[t] = o.balance[t] =
                    o.Q_runoff[t] = o.Q_uptake[t] = NAN;
            for (int j = tm->rank; j < col->n_obs; j += tm->size)
                o.theta_obs[(long)t * col->n_obs + j] = NAN;
            if (col->profiles_all)
                for (int i = tm->rank; i < n; i += tm->size)
                    o.h_prof[(long)t * n + i] = o.theta_prof[(long)t * n + i] = NAN;
        }
        if (!col->profiles_all)
            for (int i = tm->rank; i < n; i += tm->size) {
                o.h_prof[i] = h ? ss->s[(long)k * n + i] : NAN;
                o.theta_prof[i] = h ? shp_sens_theta(col, mats, h, ss, k, i) : NAN;
            }
    }
}

#ifdef __cplusplus
}
#endif

#endif
