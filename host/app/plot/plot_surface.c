/* Contour maps of response surfaces (plot/plot_surface.h). */
#include "plot/plot_surface.h"

#include <math.h>
#include <stdio.h>

#include "io/fs.h"
#include "output/surface_output.h"
#include "plot/plot.h"

/* A log axis spanning less than ~1.5 decades gets no tics from gnuplot (they sit at
 * powers of ten): give it five log-spaced ones. */
static void log_tics(FILE *f, const char *axis, int log_scale, double lo, double hi)
{
    if (!log_scale || hi / lo >= 30.0) {
        fprintf(f, "set %stics autofreq\n", axis);
        return;
    }
    fprintf(f, "set %stics (", axis);
    for (int k = 0; k < 5; ++k) fprintf(f, "%s%.3g", k ? ", " : "", lo * pow(hi / lo, k / 4.0));
    fprintf(f, ")\n");
}

int shp_plot_surface_script(const char *dir, const shp_problem *pb, const shp_surface_result *r,
                            int n, const double *u_truth, char *err, size_t len)
{
    char path[SHP_PATH_MAX];
    FILE *f = shp_file_create_in(dir, "surface.gp", path, sizeof path, err, len);
    if (!f) return SHP_ERR_IO;
    const shp_forward_problem *fp = shp_problem_forward(pb);
    const int nobj = shp_problem_n_obj(pb);
    shp_plot_preamble(f);
    fprintf(f, "set terminal pngcairo size 820,700 enhanced font 'sans,11'\n"
               "set view map\nset pm3d map interpolate 0,0\nset contour base\n"
               "set cntrparam levels 12\nunset clabel\nset key off\n"
               "set palette rgbformulae 33,13,10\nset cblabel 'log_{10} ψ'\n"
               "# white cross: the plane's minimum; black circle: the truth (fit.truth)\n");
    for (int p = 0; p < n; ++p) {
        const shp_surface_result *rp = &r[p];
        char name[256], data[300], q[320];
        shp_surface_plane_name(pb, rp, name, sizeof name);
        snprintf(data, sizeof data, "surface_%s.csv", name);
        shp_plot_quote(q, sizeof q, data);
        double lo, hi;
        int xlog, ylog;
        shp_problem_var_bounds(pb, rp->p.jx, &lo, &hi, &xlog);
        shp_problem_var_bounds(pb, rp->p.jy, &lo, &hi, &ylog);
        for (int k = 0; k < nobj; ++k) {
            const char *obj = shp_obs_name(shp_problem_obj_kind(pb, k));
            fprintf(f, "\nset output 'surface_%s_%s.png'\n", name, obj);
            fprintf(f, "set title \"ψ(%s) = RMSE/σ on %s – %s%s (units %s, %s)\" noenhanced\n", obj,
                    shp_problem_var_name(pb, rp->p.jx), shp_problem_var_name(pb, rp->p.jy),
                    rp->p.zoom_of >= 0 ? ", zoom" : "", shp_forward_length_unit(fp), shp_forward_time_unit(fp));
            char ux[64], uy[64]; /* each axis with its unit, "-" for a dimensionless one */
            shp_problem_var_units(pb, rp->p.jx, ux, sizeof ux);
            shp_problem_var_units(pb, rp->p.jy, uy, sizeof uy);
            fprintf(f, "set xlabel '%s [%s]' noenhanced\nset ylabel '%s [%s]' noenhanced\n",
                    shp_problem_var_name(pb, rp->p.jx), ux, shp_problem_var_name(pb, rp->p.jy), uy);
            fprintf(f, "%s logscale x\n%s logscale y\n", xlog ? "set" : "unset", ylog ? "set" : "unset");
            log_tics(f, "x", xlog, rp->x[0], rp->x[rp->p.nx - 1]);
            log_tics(f, "y", ylog, rp->y[0], rp->y[rp->p.ny - 1]);
            fprintf(f, "set xrange [%.10g:%.10g]\nset yrange [%.10g:%.10g]\n", rp->x[0], rp->x[rp->p.nx - 1],
                    rp->y[0], rp->y[rp->p.ny - 1]);
            fprintf(f, "unset label\n");
            if (rp->imin[k] >= 0)
                fprintf(f, "set label 1 '' at %.10g,%.10g,0 front point pt 2 ps 2.5 lw 3 lc rgb 'white'\n",
                        rp->x[rp->imin[k]], rp->y[rp->jmin[k]]);
            if (u_truth)
                fprintf(f, "set label 2 '' at %.10g,%.10g,0 front point pt 6 ps 2.5 lw 2.5 lc rgb 'black'\n",
                        shp_problem_var_value(pb, rp->p.jx, u_truth[rp->p.jx]),
                        shp_problem_var_value(pb, rp->p.jy, u_truth[rp->p.jy]));
            /* log10 ψ as colour, with a floor so that ψ → 0 at the truth stays drawable */
            fprintf(f, "splot %s skip 1 using 1:2:(log10(column(%d) > 1e-6 ? column(%d) : 1e-6)) "
                       "with pm3d notitle, \\\n      %s skip 1 using 1:2:(log10(column(%d) > 1e-6 ? "
                       "column(%d) : 1e-6)) with lines nosurface lc rgb '#202020' notitle\n",
                    q, 3 + k, 3 + k, q, 3 + k, 3 + k);
        }
    }
    fprintf(f, "unset output\n");
    return shp_file_close(f, path, err, len);
}
