/* The plots of `shpfit posterior` (plot/plot.h): one gnuplot script, posterior_plots.gp,
 * over the files io/posterior_output.c wrote: the sample (posterior_samples.csv), every
 * chain (posterior_chains.csv), the observed series' bands (posterior_predictive.csv) and
 * the curves' bands (posterior_curves.csv). This file fills the context the sections
 * share and runs them in order (plot/plot_posterior_internal.h, with the columns). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/fs.h"
#include "plot/plot_posterior_internal.h"
#include "shpfit/status.h"

int shp_plot_posterior(const char *dir, const shp_problem *pb, const shp_posterior_result *res,
                       shp_plot_files *files, char *err, size_t len)
{
    if (files) files->n = 0;
    const shp_forward_problem *fp = shp_problem_forward(pb);
    if (res->dim < 1 || res->dim > SHP_MAX_FREE || res->chains < 1 || !res->u) {
        snprintf(err, len, "posterior plots: no chains to draw");
        return SHP_ERR_INVALID;
    }
    post_ctx c;
    memset(&c, 0, sizeof c);
    c.pb = pb;
    c.fp = fp;
    c.res = res;
    c.files = files;
    const long g0 = res->window_start < 0 ? 0 : res->window_start;
    c.n_samples = res->generations >= g0 ? (res->generations - g0 + 1) * (long)res->chains : 0;
    const double *umap = res->map_generation >= 0 && res->map_generation <= res->generations && res->map_chain >= 0 &&
                                 res->map_chain < res->chains
                             ? shp_posterior_state(res, res->map_generation, res->map_chain)
                             : NULL;
    for (int j = 0; j < res->dim; ++j) {
        double blo, bhi;
        int log_scale = 0;
        shp_problem_var_bounds(pb, j, &blo, &bhi, &log_scale);
        c.lo[j] = HUGE_VAL;
        c.hi[j] = -HUGE_VAL;
        for (long g = g0; g <= res->generations; ++g)
            for (int ch = 0; ch < res->chains; ++ch) {
                const double v = shp_problem_var_value(pb, j, shp_posterior_state(res, g, ch)[j]);
                if (isfinite(v)) c.lo[j] = fmin(c.lo[j], v), c.hi[j] = fmax(c.hi[j], v);
            }
        if (!(c.lo[j] <= c.hi[j])) c.lo[j] = blo, c.hi[j] = bhi; /* no sample: the bounds */
        c.logax[j] = log_scale && c.lo[j] > 0.0 && c.hi[j] > 10.0 * c.lo[j];
        c.tlo[j] = c.lo[j];
        c.thi[j] = c.hi[j];
        for (long g = 0; g < g0; ++g)
            for (int ch = 0; ch < res->chains; ++ch) {
                const double v = shp_problem_var_value(pb, j, shp_posterior_state(res, g, ch)[j]);
                if (isfinite(v)) c.tlo[j] = fmin(c.tlo[j], v), c.thi[j] = fmax(c.thi[j], v);
            }
        /* the traces show the burn-in up to the sample's width beyond the sample's range
         * on either side: the starting states do not flatten the sample's own mixing */
        if (c.logax[j] || (log_scale && c.lo[j] > 0.0 && c.tlo[j] > 0.0)) {
            const double r = c.hi[j] / c.lo[j];
            if (r > 1.0) c.tlo[j] = fmax(c.tlo[j], c.lo[j] / r), c.thi[j] = fmin(c.thi[j], c.hi[j] * r);
        } else if (c.hi[j] > c.lo[j]) {
            const double w = c.hi[j] - c.lo[j];
            c.tlo[j] = fmax(c.tlo[j], c.lo[j] - w);
            c.thi[j] = fmin(c.thi[j], c.hi[j] + w);
        }
        c.tlog[j] = log_scale && c.tlo[j] > 0.0 && c.thi[j] > 10.0 * c.tlo[j];
        c.map[j] = umap ? shp_problem_var_value(pb, j, umap[j]) : NAN;
        char unit[64], label[200];
        shp_problem_var_units(pb, j, unit, sizeof unit);
        snprintf(label, sizeof label, "%s [%s]", shp_problem_var_name(pb, j), unit);
        shp_plot_quote(c.label[j], sizeof c.label[j], label);
    }
    /* the MAP's materials for the pF range (only when res holds every variable of pb) */
    shp_material *mats = malloc((size_t)(shp_forward_n_materials(fp) > 0 ? shp_forward_n_materials(fp) : 1) * sizeof *mats);
    if (mats && umap && res->dim == shp_problem_dim(pb) && shp_problem_materials(pb, umap, mats, NULL, 0) == SHP_OK)
        c.mats = mats;

    pred_table t;
    int rc = shp_plot_post_read_predictive(dir, &t, err, len);
    if (rc != SHP_OK) {
        free(mats);
        return rc;
    }
    c.t = &t;
    char path[SHP_PATH_MAX], cfg[600];
    FILE *f = shp_file_create_in(dir, "posterior_plots.gp", path, sizeof path, err, len);
    if (!f) {
        free(t.row), free(t.raw.row);
        free(mats);
        return SHP_ERR_IO;
    }
    c.f = f;
    shp_plot_quote(cfg, sizeof cfg, shp_plot_base_name(shp_forward_source(fp)));
    shp_plot_preamble(f);
    fprintf(f, "config = %s\n", cfg);
    if (c.n_samples > 0) {
        shp_plot_post_marginals(&c);
        if (res->dim >= 2) shp_plot_post_pairs(&c);
    }
    shp_plot_post_traces(&c);
    shp_plot_post_predictive(&c);
    shp_plot_post_curve(&c, 0);
    shp_plot_post_curve(&c, 1);
    fprintf(f, "unset output\n");
    free(t.row), free(t.raw.row);
    free(mats);
    return shp_file_close(f, path, err, len);
}
