/* The station figure of a fit to a station's θ records (plot/plot.h): precipitation
 * bars on top, then one panel per sensor depth with the observed and simulated θ(t) over
 * the whole reported run, the calibration and validation periods shaded; drawn from
 * fit_station.csv (io/station_csv.h). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "import/station_csv.h"
#include "plot/plot.h"
#include "shpfit/station.h"

#define WIDTH_PX 1100
#define PANEL_PX 190

/* x(t): the time axis as dates when theta_t has an origin (gnuplot counts seconds since
 * 1970), else the config's time. */
static void time_axis(FILE *f, const shp_forward_problem *fp, const shp_theta_periods *tp, double t_end)
{
    long day0;
    if (*tp->origin && shp_date_parse_iso(tp->origin, &day0) == 0) {
        fprintf(f,
                "origin_s = %.1f  # %s, the date of t = 0\n"
                "x(t) = origin_s + t * %.10g\n"
                "set xdata time\n"
                "set timefmt '%%s'\n"
                "xformat = '%%Y-%%m-%%d'\n"
                "xlabel = 'date (t = 0 on %s; t in %s)'\n",
                86400.0 * (double)day0, tp->origin, 60.0 * shp_forward_min_per_time(fp), tp->origin, shp_forward_time_unit(fp));
    } else {
        fprintf(f, "x(t) = t\nxformat = '%% h'\nxlabel = 'time t [%s]'\n", shp_forward_time_unit(fp));
    }
    fprintf(f, "set xrange [x(0):x(%.12g)]\n", t_end);
}

/* A period shaded in every panel, and named in the top one (label `tag`). */
static void shade_period(FILE *f, int id, double from, double to, double t_end, const char *colour,
                         const char *name)
{
    const double a = isfinite(from) && from > 0.0 ? from : 0.0, b = isfinite(to) && to < t_end ? to : t_end;
    if (!(b > a)) return;
    fprintf(f,
            "set object %d rect from first x(%.12g), graph 0 to first x(%.12g), graph 1 "
            "fc rgb '%s' fs transparent solid 0.14 noborder behind\n"
            "set label %d '%s' at first x(%.12g), graph 0.9 center tc rgb '#404040'\n",
            id, a, b, colour, id, name, 0.5 * (a + b));
}

/* The key title of a depth's simulated line: KGE′ of each period. */
static void depth_title(const shp_problem *pb, double depth, char *buf, size_t len)
{
    double d[SHP_STATION_MAX_DEPTHS];
    shp_metrics m[SHP_STATION_MAX_DEPTHS];
    int at = snprintf(buf, len, "simulated");
    for (int period = SHP_PERIOD_CALIBRATION; period <= SHP_PERIOD_VALIDATION; ++period) {
        const int n = shp_problem_period_depth_metrics(pb, period, SHP_STATION_MAX_DEPTHS, d, m);
        for (int k = 0; k < n && at > 0 && (size_t)at < len; ++k)
            if (d[k] == depth)
                at += snprintf(buf + at, len - (size_t)at, "%s KGE′ %.2f (%s)", period == SHP_PERIOD_CALIBRATION ? ":" : ",",
                               m[k].kge, period == SHP_PERIOD_CALIBRATION ? "calibration" : "validation");
    }
}

/* Precipitation as bars from the previous row's time to the row's (the rate of that
 * interval, column 2). */
static void plot_precipitation(FILE *f, const shp_forward_problem *fp)
{
    fprintf(f,
            "set format x ''\n"
            "unset xlabel\n"
            "set ylabel 'P [%s/%s]'\n"
            "set yrange [0:*]\n"
            "set offsets 0, 0, graph 0.25, 0\n"
            "prev = 0\n"
            "plot '" SHP_STATION_CSV "' skip 1 using (t0 = prev, prev = $1, x(0.5 * (t0 + $1))):2:(x($1) - x(t0)) "
            "with boxes fs solid 0.8 noborder lc rgb '#0072b2' title 'precipitation'\n",
            shp_forward_length_unit(fp), shp_forward_time_unit(fp));
}

/* One depth's panel: observed points and the simulated line. */
static void plot_depth(FILE *f, const shp_problem *pb, const shp_station_layout *l, int j, int last)
{
    const shp_forward_problem *fp = shp_problem_forward(pb);
    char title[160], qt[200];
    depth_title(pb, l->depth[j], title, sizeof title);
    shp_plot_quote(qt, sizeof qt, title);
    if (last) fprintf(f, "set format x xformat\nset xlabel xlabel\n");
    fprintf(f,
            "set ylabel 'θ at %g %s [-]'\n"
            "set yrange [*:*]\n"
            "set offsets 0, 0, graph 0.35, graph 0.05\n"
            "plot '" SHP_STATION_CSV "' skip 1 using (x($1)):%d with points pt 7 ps 0.35 lc rgb '#000000' "
            "title 'observed', \\\n"
            "     '" SHP_STATION_CSV "' skip 1 using (x($1)):%d with lines lw 1.6 lc rgb '%s' title %s\n",
            l->depth[j], shp_forward_length_unit(fp), l->col_obs[j], l->col_sim[j], shp_plot_colour(j), qt);
}

void shp_plot_station(FILE *f, const shp_problem *pb, shp_plot_files *files)
{
    shp_station_layout l;
    if (!shp_station_layout_of(pb, &l) || l.n_depths < 1) return;
    const shp_forward_problem *fp = shp_problem_forward(pb);
    shp_theta_periods tp;
    shp_problem_theta_periods(pb, &tp);
    const int panels = l.n_depths + (l.precipitation ? 1 : 0);
    fprintf(f,
            "\n# ---- " SHP_STATION_CSV ": the station's records over the whole run, the periods shaded\n"
            "set terminal pngcairo size %d,%d enhanced font 'sans,11'\n"
            "set output 'fit_station.png'\n"
            "set key inside top right vertical Right noreverse opaque box samplen 2 spacing 1\n"
            "set bmargin\n"
            "unset title\nunset arrow\nunset label\nunset object\n",
            WIDTH_PX, PANEL_PX * panels + 110);
    time_axis(f, fp, &tp, tp.t_report);
    shade_period(f, 1, tp.from, tp.to, tp.t_report, "#0072b2", "calibration");
    if (tp.validation) shade_period(f, 2, tp.val_from, tp.val_to, tp.t_report, "#e69f00", "validation");
    /* before either period: the warm-up, in which the initial state is forgotten */
    const double first = tp.validation && tp.val_from < tp.from ? tp.val_from : tp.from;
    if (isfinite(first) && first > 0.0)
        fprintf(f, "set label 3 'warm-up' at first x(%.12g), graph 0.9 center tc rgb '#808080'\n", 0.5 * first);
    fprintf(f,
            "set multiplot layout %d,1 margins 0.08,0.98,%.3f,0.94 spacing 0,0.012 title "
            "sprintf('Station records: observed and fitted θ(t) per sensor depth, %%s', config) noenhanced\n",
            panels, 70.0 / (PANEL_PX * panels + 110));
    /* the periods are named once, in the top panel */
    if (l.precipitation) plot_precipitation(f, fp);
    else fprintf(f, "set format x ''\nunset xlabel\n");
    for (int j = 0; j < l.n_depths; ++j) {
        if (j > 0 || l.precipitation) fprintf(f, "unset label\n");
        plot_depth(f, pb, &l, j, j == l.n_depths - 1);
    }
    fprintf(f,
            "unset multiplot\n"
            "unset object\nunset label\nset xdata\nset format x '%% h'\nset xrange [*:*]\nset offsets 0, 0, 0, 0\n"
            "set terminal pngcairo size 900,650 enhanced font 'sans,11'\n"
            "set key outside right top box\n");
    shp_plot_add_file(files, "fit_station.png");
}
