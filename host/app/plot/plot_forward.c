/* The gnuplot script of `shpfit forward` (plot/plot.h): Q(t) and the surface and
 * bottom fluxes from series.csv, and the final θ and h profiles (depth downward) from
 * profile_final.csv with the initial profile for comparison. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "io/fs.h"
#include "plot/plot.h"
#include "shpfit/forward_output.h"
#include "shpfit/status.h"


/* The initial θ and h of every node, as an inline data block. */
static void initial_block(FILE *f, const shp_forward_problem *fp)
{
    const shp_column *col = shp_forward_column(fp);
    fprintf(f, "$initial << EOD\n");
    for (int i = 0; i < col->n; ++i) {
        double th, K, C, dK;
        shp_hyd_eval(&shp_forward_materials(fp)[col->mat_of_node[i]], shp_forward_h_init(fp)[i], &th, &K, &C, &dK);
        fprintf(f, "%.10g,%.10g,%.10g\n", col->z[i], shp_forward_h_init(fp)[i], th);
    }
    fprintf(f, "EOD\n");
}

/* Dashed lines and names at the material interfaces of a layered column. */
static void layer_marks(FILE *f, const shp_forward_problem *fp)
{
    const shp_column *col = shp_forward_column(fp);
    fprintf(f, "unset arrow\nunset label\nset style textbox opaque noborder margins 1,1\n");
    for (int i = 1; i < col->n; ++i) {
        if (col->mat_of_node[i] == col->mat_of_node[i - 1]) continue;
        const double d = 0.5 * (col->z[i - 1] + col->z[i]);
        fprintf(f, "set arrow from graph 0, first %.10g to graph 1, first %.10g nohead dt 3 lc rgb '#606060'\n",
                d, d);
    }
    for (int i = 0; i < col->n; ++i) {
        if (i > 0 && col->mat_of_node[i] == col->mat_of_node[i - 1]) continue;
        char q[160];
        shp_plot_quote(q, sizeof q, shp_forward_material_name(fp, col->mat_of_node[i]));
        /* each layer's name just below its top, at the left */
        fprintf(f, "set label %s at graph 0.02, first %.10g left offset 0,-0.9 noenhanced "
                   "boxed font 'sans,9' tc rgb '#404040' front\n",
                q, i ? 0.5 * (col->z[i - 1] + col->z[i]) : col->z[0]);
    }
}

void shp_plot_key_below(FILE *f, int entries, int longest, int width_px)
{
    /* as many columns as surely fit (about 8 px a character of the 11 pt font, with
     * the line sample), at most that many for gnuplot, and a bottom margin by hand:
     * gnuplot leaves no room for both the x label and a key below */
    int cols = (width_px - 120) / ((longest + 10) * 8);
    cols = cols < 1 ? 1 : cols > entries ? entries : cols;
    const int rows = (entries + cols - 1) / cols;
    fprintf(f, "set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols %d\n"
               "set bmargin %d\n",
            cols, 4 + (3 * rows + 1) / 2);
}

int shp_plot_forward(const char *dir, const shp_forward_problem *fp, const shp_column_result *res,
                     shp_plot_files *files, char *err, size_t len)
{
    const shp_column *col = shp_forward_column(fp);
    if (files) files->n = 0;
    char path[SHP_PATH_MAX];
    FILE *f = shp_file_create_in(dir, "forward_plots.gp", path, sizeof path, err, len);
    if (!f) return SHP_ERR_IO;

    const char *L = shp_forward_length_unit(fp), *T = shp_forward_time_unit(fp);
    const int rows = shp_forward_outputs_reached(fp, res);
    const int n_out = col->n_out;
    const int have_profile = rows == n_out && res->stats.status == SHP_OK && col->n > 0;
    char cfg[600];
    shp_plot_quote(cfg, sizeof cfg, shp_plot_base_name(shp_forward_source(fp)));

    shp_plot_preamble(f);
    fprintf(f, "config = %s\n", cfg);
    if (rows > 0) {
        const char *stopped = rows < n_out ? " (run stopped early)" : "";
        fprintf(f,
                "\n# ---- cumulative flows (series.csv: %d of %d output times)\n"
                "set output 'forward_Q.png'\n"
                "set title sprintf('Cumulative infiltration: %%s%s', config) noenhanced\n"
                "set xlabel 'time t [%s]'\n"
                "set ylabel 'cumulative flow [%s]'\n"
                "set offsets 0, 0, graph 0.05, graph 0.05\n"
                "set xrange [0:%.10g]\n",
                rows, n_out, stopped, T, L, col->t_out[rows - 1]);
        shp_plot_key_below(f, 2, 40, 900);
        fprintf(f,
                "plot 'series.csv' skip 1 using 1:2 with linespoints lw 2 pt 7 ps 0.6 lc rgb '#0072b2' "
                "title 'Q: inflow through the surface', \\\n"
                "     '' skip 1 using 1:6 with lines lw 2 dt 2 lc rgb '#d55e00' "
                "title 'Q_bottom: outflow through the bottom' noenhanced\n");
        shp_plot_key_below(f, 3, 56, 900);
        fprintf(f,
                "\n# ---- fluxes\n"
                "set output 'forward_v.png'\n"
                "set title sprintf('Infiltration rate: %%s%s', config) noenhanced\n"
                "set ylabel 'flux [%s/%s] (positive downward)'\n"
                "t0 = 0  # v_mean of the first row is the mean since t = 0\n"
                "plot 'series.csv' skip 1 using 1:3 with linespoints lw 2 pt 7 ps 0.6 lc rgb '#0072b2' "
                "title 'v_inst: surface flux at the output time' noenhanced, \\\n"
                "     '' skip 1 using (tp = t0, t0 = $1, tp):4:($1 - tp):(0) with vectors nohead lw 2 "
                "lc rgb '#009e73' title 'v_mean: mean surface flux over each output interval' noenhanced, \\\n"
                "     '' skip 1 using 1:5 with lines lw 2 dt 2 lc rgb '#d55e00' "
                "title 'q_bottom: flux through the bottom' noenhanced\n",
                stopped, L, T);
        shp_plot_add_file(files, "forward_Q.png");
        shp_plot_add_file(files, "forward_v.png");
    }
    if (have_profile) {
        const double t_end = col->t_out[n_out - 1];
        fprintf(f, "\n# ---- final profile (profile_final.csv) and the initial one\n");
        initial_block(f, fp);
        fprintf(f,
                "set terminal pngcairo size 1200,650 enhanced font 'sans,11'\n"
                "set output 'forward_profile.png'\n"
                "set multiplot layout 1,2 title sprintf('Profiles at t = 0 and t = %g %s: %%s', config) "
                "noenhanced\n"
                "set xrange [*:*]\n"
                "set yrange [%.10g:%.10g]  # depth downward\n"
                "set ylabel 'depth z [%s] (downward)'\n"
                "set offsets 0, 0, 0, 0\n",
                t_end, T, col->z[col->n - 1], col->z[0], L);
        shp_plot_key_below(f, 2, 20, 600);
        layer_marks(f, fp);
        fprintf(f,
                "set title 'water content'\n"
                "set xlabel 'volumetric water content θ [-]'\n"
                "plot 'profile_final.csv' skip 1 using 3:1 with linespoints lw 2 pt 7 ps 0.5 "
                "lc rgb '#0072b2' title 't = %g %s', \\\n"
                "     $initial using 3:1 with lines lw 2 dt 2 lc rgb '#808080' title 'initial (t = 0)'\n"
                "set title 'pressure head'\n"
                "set xlabel 'pressure head h [%s]'\n"
                "plot 'profile_final.csv' skip 1 using 2:1 with linespoints lw 2 pt 7 ps 0.5 "
                "lc rgb '#0072b2' title 't = %g %s', \\\n"
                "     $initial using 2:1 with lines lw 2 dt 2 lc rgb '#808080' title 'initial (t = 0)'\n"
                "unset multiplot\n",
                t_end, T, L, t_end, T);
        shp_plot_add_file(files, "forward_profile.png");
    }
    fprintf(f, "unset output\n");
    return shp_file_close(f, path, err, len);
}
