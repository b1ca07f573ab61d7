/* The model comparison's curves: models_curves.csv (θ(h) and K(h) of every fitted
 * model) and models_plots.gp, every model's curve over the data in one plot per curve
 * kind, the pF range chosen from the data. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "io/fs.h"
#include "plot/plot.h"
#include "shpfit/physics/hydraulics.h"

#define PF_LO -2.0
#define PF_HI 7.0
#define PF_STEP 0.01

/* Okabe-Ito, then the same with a second dash type: as many models as the registry has */

static int write_curves(const char *dir, const shp_plot_models_in *in, char *err, size_t len)
{
    char path[SHP_PATH_MAX];
    FILE *f = shp_file_create_in(dir, "models_curves.csv", path, sizeof path, err, len);
    if (!f) return SHP_ERR_IO;
    fprintf(f, "pF,suction_cm,h_%s", in->length_unit);
    for (int o = 0; o < in->n; ++o) {
        const shp_model_fit *m = &in->fit[in->order[o]];
        fprintf(f, ",theta_%s,K_%s_%s_per_%s", m->model, m->model, in->length_unit, in->time_unit);
    }
    fputc('\n', f);
    const int rows = (int)lround((PF_HI - PF_LO) / PF_STEP);
    for (int r = 0; r <= rows; ++r) {
        const double pF = PF_LO + r * PF_STEP, suction = pow(10.0, pF), h = -suction / in->cm_per_length;
        fprintf(f, "%.4g,%.10g,%.10g", pF, suction, h);
        for (int o = 0; o < in->n; ++o) {
            const shp_model_fit *m = &in->fit[in->order[o]];
            double th, K, C, dK;
            if (m->status != 0) {
                fprintf(f, ",,");
                continue;
            }
            shp_hyd_eval(&m->mat, h, &th, &K, &C, &dK);
            if (m->k_known) fprintf(f, ",%.10g,%.10g", th, K);
            else fprintf(f, ",%.10g,", th); /* K(h) undetermined: left empty */
        }
        fputc('\n', f);
    }
    return shp_file_close(f, path, err, len);
}

/* θ axis to a little beyond the data: a model whose θs lies far outside them (a mode
 * drained before the first observation) does not squash the plot. */
static double theta_axis(const double *theta, int n)
{
    double m = 0.0;
    for (int i = 0; i < n; ++i) m = fmax(m, theta[i]);
    return m > 0.0 ? fmin(1.0, ceil(12.0 * m) / 10.0) : 1.0;
}

static void plot_kind(FILE *f, const shp_plot_models_in *in, int conductivity, shp_plot_files *files)
{
    const double *h = conductivity ? in->con_h : in->ret_h, *y = conductivity ? in->con_log10K : in->ret_theta;
    const int n = conductivity ? in->n_con : in->n_ret;
    double lo, hi;
    shp_plot_pf_range(NULL, 0, in->cm_per_length, h, n, &lo, &hi); /* the data's, else the whole */
    const char *png = conductivity ? "models_conductivity.png" : "models_retention.png";
    fprintf(f, "\n# ---- %s\n$%s << EOD\n", conductivity ? "conductivity" : "retention", conductivity ? "K" : "theta");
    for (int i = 0; i < n; ++i) /* pF, then θ or K; saturated points (h = 0) at the bottom edge */
        fprintf(f, "%.10g,%.10g\n", h[i] < 0.0 ? log10(-h[i] * in->cm_per_length) : lo,
                conductivity ? pow(10.0, y[i]) : y[i]);
    fprintf(f, "EOD\nset output '%s'\n", png);
    if (conductivity)
        fprintf(f,
                "set title sprintf('Hydraulic conductivity K(h): %d models fitted, %%s', config) noenhanced\n"
                "set xlabel 'pF = log_{10}(suction / cm)'\nset ylabel 'K [%s/%s]'\nset logscale y\n"
                "set format y '10^{%%L}'\nset xrange [%g:%g]\nset yrange [*:*]\n",
                in->n, in->length_unit, in->time_unit, lo, hi);
    else
        fprintf(f,
                "set title sprintf('Water retention θ(h): %d models fitted, %%s', config) noenhanced\n"
                "set xlabel 'volumetric water content θ [-]'\nset ylabel 'pF = log_{10}(suction / cm)'\n"
                "unset logscale y\nset format y '%%g'\nset xrange [0:%g]\nset yrange [%g:%g]\n",
                in->n, theta_axis(y, n), lo, hi);
    int longest = 12;
    for (int o = 0; o < in->n; ++o) {
        const int l = (int)strlen(in->fit[in->order[o]].model) + 28;
        longest = l > longest ? l : longest;
    }
    shp_plot_key_below(f, in->n + 1, longest, 900);
    fprintf(f, "plot $%s using %s with points pt 6 ps 1.2 lw 1.5 lc rgb '#000000' title 'observed'",
            conductivity ? "K" : "theta", conductivity ? "1:2" : "2:1");
    for (int o = 0; o < in->n; ++o) {
        const shp_model_fit *m = &in->fit[in->order[o]];
        if (m->status != 0 || (conductivity && !m->k_known)) continue;
        const int col = 4 + 2 * o + (conductivity ? 1 : 0);
        char title[160], qt[200];
        snprintf(title, sizeof title, "%s (AICc rank %d, k = %d)", m->model, m->rank_aicc, m->cr.k);
        shp_plot_quote(qt, sizeof qt, title);
        if (conductivity)
            fprintf(f, ", \\\n     'models_curves.csv' skip 1 using 1:($%d > 0 ? $%d : 1/0)", col, col);
        else
            fprintf(f, ", \\\n     'models_curves.csv' skip 1 using %d:1", col);
        /* colour and dash type both change from model to model: told apart in grey too */
        fprintf(f, " with lines lw 2 dt %d lc rgb '%s' title %s noenhanced", o % 4 + 1, shp_plot_colour(o), qt);
    }
    fputc('\n', f);
    shp_plot_add_file(files, png);
}

const char *const shp_plot_models_pngs[] = {"models_retention.png", "models_conductivity.png", NULL};

int shp_plot_models(const char *dir, const shp_plot_models_in *in, shp_plot_files *files, char *err, size_t len)
{
    files->n = 0;
    int rc = write_curves(dir, in, err, len);
    if (rc != SHP_OK) return rc;
    char path[SHP_PATH_MAX], cfg[600];
    FILE *f = shp_file_create_in(dir, "models_plots.gp", path, sizeof path, err, len);
    if (!f) return SHP_ERR_IO;
    shp_plot_quote(cfg, sizeof cfg, in->config_name);
    shp_plot_preamble(f);
    fprintf(f, "config = %s\nset datafile separator ','\n", cfg);
    if (in->n_ret > 0) plot_kind(f, in, 0, files);
    if (in->n_con > 0) plot_kind(f, in, 1, files);
    fprintf(f, "unset output\n");
    return shp_file_close(f, path, err, len);
}
