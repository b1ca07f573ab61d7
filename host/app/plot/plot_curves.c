/* The gnuplot script of `shpfit curves` (plot/plot.h): retention as soil physicists
 * draw it, θ on x and pF on y, and log K against pF. */
#include <math.h>
#include <stdio.h>

#include "output/curves.h"
#include "io/fs.h"
#include "plot/plot.h"
#include "shpfit/status.h"

static void plot_each(FILE *f, const shp_forward_problem *fp, const char *using_cols)
{
    fprintf(f, "plot ");
    for (int i = 0; i < shp_forward_n_materials(fp); ++i) {
        char safe[128], file[160], q[200], title[200], qt[240];
        shp_curve_file_name(safe, sizeof safe, shp_forward_material_name(fp, i));
        snprintf(file, sizeof file, "curves_%s.csv", safe);
        shp_plot_quote(q, sizeof q, file);
        snprintf(title, sizeof title, "%s (%s)", shp_forward_material_name(fp, i),
                 shp_model_by_id(shp_forward_materials(fp)[i].model)->name);
        shp_plot_quote(qt, sizeof qt, title);
        fprintf(f, "%s%s skip 1 using %s with lines lw 2 title %s noenhanced",
                i ? ", \\\n     " : "", q, using_cols, qt);
    }
    fputc('\n', f);
}

int shp_plot_curves_script(const char *dir, const shp_forward_problem *fp, char *err, size_t len)
{
    char path[SHP_PATH_MAX];
    FILE *f = shp_file_create_in(dir, "curves.gp", path, sizeof path, err, len);
    if (!f) return SHP_ERR_IO;
    double ks_max = 0.0;
    for (int i = 0; i < shp_forward_n_materials(fp); ++i) {
        double th, K, C, dK;
        shp_hyd_eval(&shp_forward_materials(fp)[i], 0.0, &th, &K, &C, &dK);
        ks_max = fmax(ks_max, K);
    }
    const char *L = shp_forward_length_unit(fp), *T = shp_forward_time_unit(fp);
    double lo, hi; /* where the curves change, not the whole table (a sand's step would be a line) */
    shp_plot_pf_range(shp_forward_materials(fp), shp_forward_n_materials(fp), shp_forward_cm_per_length(fp), NULL, 0, &lo, &hi);
    shp_plot_preamble(f);
    fprintf(f,
            "\nset output 'retention.png'\n"
            "set title 'Water retention curve'\n"
            "set xlabel 'volumetric water content θ [-]'\n"
            "set ylabel 'pF = log_{10}(suction / cm)'\n"
            "set xrange [0:*]\n"
            "set yrange [%g:%g]\n", lo, hi);
    plot_each(f, fp, "4:3");
    /* K over 15 decades below the largest Ks: the dry tail beyond is numerically 0 */
    fprintf(f,
            "\nset output 'conductivity.png'\n"
            "set title 'Hydraulic conductivity'\n"
            "set xlabel 'pF = log_{10}(suction / cm)'\n"
            "set ylabel 'K [%s/%s]'\n"
            "set logscale y\n"
            "set format y '10^{%%L}'\n"
            "set xrange [%g:%g]\n"
            "set yrange [%.6g:%.6g]\n",
            L, T, lo, hi, ks_max * 1e-15, ks_max * 3.0);
    plot_each(f, fp, "3:($6 > 0 ? $6 : 1/0)");
    fprintf(f, "unset output\n");
    return shp_file_close(f, path, err, len);
}
