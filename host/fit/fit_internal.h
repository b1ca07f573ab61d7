/* Inside the fit (shpfit/fit.h): the Levenberg–Marquardt polish of one step as an
 * ask–tell machine, which the fit object drives as one of its phases and
 * shp_fit_polish drives alone. */
#ifndef SHPFIT_FIT_INTERNAL_H
#define SHPFIT_FIT_INTERNAL_H

#include "shpfit/fit.h"
#include "shpfit/lm.h"

/* Where the polish is: its start point's objectives, a least-squares problem (LM
 * rounds), the objectives of that problem's answer. */
enum { POLISH_START, POLISH_LM, POLISH_CHECK, POLISH_OVER };

typedef struct {
    const shp_problem *pb;
    shp_lm_settings s;
    shp_step_space sp; /* the step's space, unweighted: what the polish's cost is of */
    shp_step_space w;  /* the current least-squares problem's weights (Σψ: 1/√ψ_k) */
    shp_fit_polish_info *info; /* the caller's; counts added, start and end set */
    int state, single, round, dim;
    double *u;         /* the polished point: replaced only by one of lower cost */
    double *ut;        /* the current least-squares problem's start and answer */
    double f[SHP_OBS_COUNT], sum, cost; /* the step's objectives at u */
    shp_lm *lm;
    double *U, *rs, *Js; /* the asked batch (dim), the step's residuals and Jacobians */
    int n_asked;
} fit_polisher;

/* A polish of u (dim) in sp's space by settings s; counts go into info. SHP_OK or
 * SHP_ERR_NOMEM. */
int fit_polisher_init(fit_polisher *p, const shp_problem *pb, const shp_lm_settings *s, const shp_step_space *sp,
                      const double *u, shp_fit_polish_info *info);
/* The next batch (rq->n = 0: the polish is over; its point is p->u). */
int fit_polisher_ask(fit_polisher *p, shp_fit_request *rq);
int fit_polisher_tell(fit_polisher *p, const double *f, const int *ok, const double *r, const double *J);
/* End now: p->u is the last accepted point (its info not marked done). */
void fit_polisher_abort(fit_polisher *p);
void fit_polisher_free(fit_polisher *p);


#endif
