# written by shpfit; re-run with: gnuplot <this file> (from its directory)
set encoding utf8
set terminal pngcairo size 900,650 enhanced font 'sans,11'
set datafile separator ','
set key outside right top box
set grid lw 0.5 lc rgb '#c8c8c8'

# ---- case loam_se20: ECDF of the evaluations to target (ecdf_loam_se20.csv)
set output 'ecdf_loam_se20.png'
set title 'Case loam_se20: runs that reached the target (retention-curve RMSE <= 0.001)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'fraction of runs that reached the target'
set logscale x
unset logscale y
set format y '%g'
set xrange [222.173913:3450]
set yrange [-0.02:1.02]
set ytics 0.1
unset arrow
unset label
set xtics ('500' 500, '1000' 1000, '2000' 2000)
set arrow from 3000, graph 0 to 3000, graph 1 nohead dt 3 lw 1.5 lc rgb '#606060'
set label 'budget' at 3000, graph 1 center offset 0,0.7 tc rgb '#404040'
set terminal pngcairo size 900,652 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 9
plot 'ecdf_loam_se20.csv' skip 1 using 1:3 with steps lw 2.5 dt 1 lc rgb '#d55e00' title 'shade_lm: 5/5 reached, ERT 1659' noenhanced, \
     '' skip 1 using 1:4 with steps lw 2.5 dt 1 lc rgb '#009e73' title 'shade_2step_lm: 5/5 reached, ERT 1884' noenhanced, \
     '' skip 1 using 1:2 with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'pso_vega_2step: 0/5 reached, ERT ∞' noenhanced
unset arrow
unset label
set ytics autofreq
set xtics autofreq

# ---- case loam_se20: convergence (convergence_loam_se20.csv)
set output 'convergence_loam_se20.png'
set title 'Case loam_se20: convergence of the best summed objective (median, quartiles shaded)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'best summed objective so far, Σψ [-]'
set logscale xy
set format y '10^{%L}'
unset arrow
unset label
set xrange [18.18181818:3300]
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set yrange [3.57977e-12:4.22687]
set ytics autofreq
set mytics 10
set terminal pngcairo size 900,628 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 2
set bmargin 7
ok(x) = (x > 0 && x < 1e+29) ? x : NaN
plot 'convergence_loam_se20.csv' skip 1 using 1:(ok(column(7))):(ok(column(9))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#d55e00' notitle, \
     '' skip 1 using 1:(ok(column(7))) with steps lw 1 dt 1 lc rgb '#d55e00' notitle, \
     '' skip 1 using 1:(ok(column(9))) with steps lw 1 dt 1 lc rgb '#d55e00' notitle, \
     '' skip 1 using 1:(ok(column(11))):(ok(column(13))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#009e73' notitle, \
     '' skip 1 using 1:(ok(column(11))) with steps lw 1 dt 1 lc rgb '#009e73' notitle, \
     '' skip 1 using 1:(ok(column(13))) with steps lw 1 dt 1 lc rgb '#009e73' notitle, \
     '' skip 1 using 1:(ok(column(3))):(ok(column(5))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(3))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(5))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(8))) with steps lw 2.5 dt 1 lc rgb '#d55e00' title 'shade_lm (5 runs)' noenhanced, \
     '' skip 1 using 1:(ok(column(12))) with steps lw 2.5 dt 1 lc rgb '#009e73' title 'shade_2step_lm (5 runs)' noenhanced, \
     '' skip 1 using 1:(ok(column(4))) with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'pso_vega_2step (5 runs)' noenhanced
unset logscale xy
set format y '% h'
set xtics autofreq
set ytics autofreq
unset label

# ---- case loam_se40: ECDF of the evaluations to target (ecdf_loam_se40.csv)
set output 'ecdf_loam_se40.png'
set title 'Case loam_se40: runs that reached the target (retention-curve RMSE <= 0.001)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'fraction of runs that reached the target'
set logscale x
unset logscale y
set format y '%g'
set xrange [222.173913:3450]
set yrange [-0.02:1.02]
set ytics 0.1
unset arrow
unset label
set xtics ('500' 500, '1000' 1000, '2000' 2000)
set arrow from 3000, graph 0 to 3000, graph 1 nohead dt 3 lw 1.5 lc rgb '#606060'
set label 'budget' at 3000, graph 1 center offset 0,0.7 tc rgb '#404040'
set terminal pngcairo size 900,652 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 9
plot 'ecdf_loam_se40.csv' skip 1 using 1:3 with steps lw 2.5 dt 1 lc rgb '#d55e00' title 'shade_lm: 5/5 reached, ERT 1575' noenhanced, \
     '' skip 1 using 1:4 with steps lw 2.5 dt 1 lc rgb '#009e73' title 'shade_2step_lm: 4/5 reached, ERT 2434' noenhanced, \
     '' skip 1 using 1:2 with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'pso_vega_2step: 0/5 reached, ERT ∞' noenhanced
unset arrow
unset label
set ytics autofreq
set xtics autofreq

# ---- case loam_se40: convergence (convergence_loam_se40.csv)
set output 'convergence_loam_se40.png'
set title 'Case loam_se40: convergence of the best summed objective (median, quartiles shaded)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'best summed objective so far, Σψ [-]'
set logscale xy
set format y '10^{%L}'
unset arrow
unset label
set xrange [18.18181818:3300]
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set yrange [4.05973e-12:3.86331]
set ytics autofreq
set mytics 10
set terminal pngcairo size 900,628 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 2
set bmargin 7
ok(x) = (x > 0 && x < 1e+29) ? x : NaN
plot 'convergence_loam_se40.csv' skip 1 using 1:(ok(column(7))):(ok(column(9))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#d55e00' notitle, \
     '' skip 1 using 1:(ok(column(7))) with steps lw 1 dt 1 lc rgb '#d55e00' notitle, \
     '' skip 1 using 1:(ok(column(9))) with steps lw 1 dt 1 lc rgb '#d55e00' notitle, \
     '' skip 1 using 1:(ok(column(11))):(ok(column(13))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#009e73' notitle, \
     '' skip 1 using 1:(ok(column(11))) with steps lw 1 dt 1 lc rgb '#009e73' notitle, \
     '' skip 1 using 1:(ok(column(13))) with steps lw 1 dt 1 lc rgb '#009e73' notitle, \
     '' skip 1 using 1:(ok(column(3))):(ok(column(5))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(3))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(5))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(8))) with steps lw 2.5 dt 1 lc rgb '#d55e00' title 'shade_lm (5 runs)' noenhanced, \
     '' skip 1 using 1:(ok(column(12))) with steps lw 2.5 dt 1 lc rgb '#009e73' title 'shade_2step_lm (5 runs)' noenhanced, \
     '' skip 1 using 1:(ok(column(4))) with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'pso_vega_2step (5 runs)' noenhanced
unset logscale xy
set format y '% h'
set xtics autofreq
set ytics autofreq
unset label

# ---- case loam_se60: ECDF of the evaluations to target (ecdf_loam_se60.csv)
set output 'ecdf_loam_se60.png'
set title 'Case loam_se60: runs that reached the target (retention-curve RMSE <= 0.001)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'fraction of runs that reached the target'
set logscale x
unset logscale y
set format y '%g'
set xrange [253.4782609:3450]
set yrange [-0.02:1.02]
set ytics 0.1
unset arrow
unset label
set xtics ('500' 500, '1000' 1000, '2000' 2000)
set arrow from 3000, graph 0 to 3000, graph 1 nohead dt 3 lw 1.5 lc rgb '#606060'
set label 'budget' at 3000, graph 1 center offset 0,0.7 tc rgb '#404040'
set terminal pngcairo size 900,652 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 9
plot 'ecdf_loam_se60.csv' skip 1 using 1:3 with steps lw 2.5 dt 1 lc rgb '#d55e00' title 'shade_lm: 5/5 reached, ERT 1515' noenhanced, \
     '' skip 1 using 1:4 with steps lw 2.5 dt 1 lc rgb '#009e73' title 'shade_2step_lm: 5/5 reached, ERT 2158' noenhanced, \
     '' skip 1 using 1:2 with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'pso_vega_2step: 0/5 reached, ERT ∞' noenhanced
unset arrow
unset label
set ytics autofreq
set xtics autofreq

# ---- case loam_se60: convergence (convergence_loam_se60.csv)
set output 'convergence_loam_se60.png'
set title 'Case loam_se60: convergence of the best summed objective (median, quartiles shaded)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'best summed objective so far, Σψ [-]'
set logscale xy
set format y '10^{%L}'
unset arrow
unset label
set xrange [18.18181818:3300]
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set yrange [6.47064e-12:6.59539]
set ytics autofreq
set mytics 10
set terminal pngcairo size 900,628 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 2
set bmargin 7
ok(x) = (x > 0 && x < 1e+29) ? x : NaN
plot 'convergence_loam_se60.csv' skip 1 using 1:(ok(column(7))):(ok(column(9))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#d55e00' notitle, \
     '' skip 1 using 1:(ok(column(7))) with steps lw 1 dt 1 lc rgb '#d55e00' notitle, \
     '' skip 1 using 1:(ok(column(9))) with steps lw 1 dt 1 lc rgb '#d55e00' notitle, \
     '' skip 1 using 1:(ok(column(11))):(ok(column(13))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#009e73' notitle, \
     '' skip 1 using 1:(ok(column(11))) with steps lw 1 dt 1 lc rgb '#009e73' notitle, \
     '' skip 1 using 1:(ok(column(13))) with steps lw 1 dt 1 lc rgb '#009e73' notitle, \
     '' skip 1 using 1:(ok(column(3))):(ok(column(5))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(3))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(5))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(8))) with steps lw 2.5 dt 1 lc rgb '#d55e00' title 'shade_lm (5 runs)' noenhanced, \
     '' skip 1 using 1:(ok(column(12))) with steps lw 2.5 dt 1 lc rgb '#009e73' title 'shade_2step_lm (5 runs)' noenhanced, \
     '' skip 1 using 1:(ok(column(4))) with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'pso_vega_2step (5 runs)' noenhanced
unset logscale xy
set format y '% h'
set xtics autofreq
set ytics autofreq
unset label

# ---- case silt_se20: ECDF of the evaluations to target (ecdf_silt_se20.csv)
set output 'ecdf_silt_se20.png'
set title 'Case silt_se20: runs that reached the target (retention-curve RMSE <= 0.001)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'fraction of runs that reached the target'
set logscale x
unset logscale y
set format y '%g'
set xrange [331.0869565:3450]
set yrange [-0.02:1.02]
set ytics 0.1
unset arrow
unset label
set xtics ('500' 500, '1000' 1000, '2000' 2000)
set arrow from 3000, graph 0 to 3000, graph 1 nohead dt 3 lw 1.5 lc rgb '#606060'
set label 'budget' at 3000, graph 1 center offset 0,0.7 tc rgb '#404040'
set terminal pngcairo size 900,652 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 9
plot 'ecdf_silt_se20.csv' skip 1 using 1:3 with steps lw 2.5 dt 1 lc rgb '#d55e00' title 'shade_lm: 5/5 reached, ERT 1582' noenhanced, \
     '' skip 1 using 1:4 with steps lw 2.5 dt 1 lc rgb '#009e73' title 'shade_2step_lm: 5/5 reached, ERT 2422' noenhanced, \
     '' skip 1 using 1:2 with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'pso_vega_2step: 0/5 reached, ERT ∞' noenhanced
unset arrow
unset label
set ytics autofreq
set xtics autofreq

# ---- case silt_se20: convergence (convergence_silt_se20.csv)
set output 'convergence_silt_se20.png'
set title 'Case silt_se20: convergence of the best summed objective (median, quartiles shaded)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'best summed objective so far, Σψ [-]'
set logscale xy
set format y '10^{%L}'
unset arrow
unset label
set xrange [18.18181818:3300]
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set yrange [5.62465e-12:2.44301]
set ytics autofreq
set mytics 10
set terminal pngcairo size 900,628 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 2
set bmargin 7
ok(x) = (x > 0 && x < 1e+29) ? x : NaN
plot 'convergence_silt_se20.csv' skip 1 using 1:(ok(column(7))):(ok(column(9))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#d55e00' notitle, \
     '' skip 1 using 1:(ok(column(7))) with steps lw 1 dt 1 lc rgb '#d55e00' notitle, \
     '' skip 1 using 1:(ok(column(9))) with steps lw 1 dt 1 lc rgb '#d55e00' notitle, \
     '' skip 1 using 1:(ok(column(11))):(ok(column(13))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#009e73' notitle, \
     '' skip 1 using 1:(ok(column(11))) with steps lw 1 dt 1 lc rgb '#009e73' notitle, \
     '' skip 1 using 1:(ok(column(13))) with steps lw 1 dt 1 lc rgb '#009e73' notitle, \
     '' skip 1 using 1:(ok(column(3))):(ok(column(5))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(3))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(5))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(8))) with steps lw 2.5 dt 1 lc rgb '#d55e00' title 'shade_lm (5 runs)' noenhanced, \
     '' skip 1 using 1:(ok(column(12))) with steps lw 2.5 dt 1 lc rgb '#009e73' title 'shade_2step_lm (5 runs)' noenhanced, \
     '' skip 1 using 1:(ok(column(4))) with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'pso_vega_2step (5 runs)' noenhanced
unset logscale xy
set format y '% h'
set xtics autofreq
set ytics autofreq
unset label

# ---- case silt_se40: ECDF of the evaluations to target (ecdf_silt_se40.csv)
set output 'ecdf_silt_se40.png'
set title 'Case silt_se40: runs that reached the target (retention-curve RMSE <= 0.001)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'fraction of runs that reached the target'
set logscale x
unset logscale y
set format y '%g'
set xrange [343.9130435:3450]
set yrange [-0.02:1.02]
set ytics 0.1
unset arrow
unset label
set xtics ('500' 500, '1000' 1000, '2000' 2000)
set arrow from 3000, graph 0 to 3000, graph 1 nohead dt 3 lw 1.5 lc rgb '#606060'
set label 'budget' at 3000, graph 1 center offset 0,0.7 tc rgb '#404040'
set terminal pngcairo size 900,652 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 9
plot 'ecdf_silt_se40.csv' skip 1 using 1:3 with steps lw 2.5 dt 1 lc rgb '#d55e00' title 'shade_lm: 5/5 reached, ERT 1659' noenhanced, \
     '' skip 1 using 1:4 with steps lw 2.5 dt 1 lc rgb '#009e73' title 'shade_2step_lm: 5/5 reached, ERT 2411' noenhanced, \
     '' skip 1 using 1:2 with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'pso_vega_2step: 0/5 reached, ERT ∞' noenhanced
unset arrow
unset label
set ytics autofreq
set xtics autofreq

# ---- case silt_se40: convergence (convergence_silt_se40.csv)
set output 'convergence_silt_se40.png'
set title 'Case silt_se40: convergence of the best summed objective (median, quartiles shaded)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'best summed objective so far, Σψ [-]'
set logscale xy
set format y '10^{%L}'
unset arrow
unset label
set xrange [18.18181818:3300]
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set yrange [6.15352e-12:2.29741]
set ytics autofreq
set mytics 10
set terminal pngcairo size 900,628 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 2
set bmargin 7
ok(x) = (x > 0 && x < 1e+29) ? x : NaN
plot 'convergence_silt_se40.csv' skip 1 using 1:(ok(column(7))):(ok(column(9))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#d55e00' notitle, \
     '' skip 1 using 1:(ok(column(7))) with steps lw 1 dt 1 lc rgb '#d55e00' notitle, \
     '' skip 1 using 1:(ok(column(9))) with steps lw 1 dt 1 lc rgb '#d55e00' notitle, \
     '' skip 1 using 1:(ok(column(11))):(ok(column(13))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#009e73' notitle, \
     '' skip 1 using 1:(ok(column(11))) with steps lw 1 dt 1 lc rgb '#009e73' notitle, \
     '' skip 1 using 1:(ok(column(13))) with steps lw 1 dt 1 lc rgb '#009e73' notitle, \
     '' skip 1 using 1:(ok(column(3))):(ok(column(5))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(3))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(5))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(8))) with steps lw 2.5 dt 1 lc rgb '#d55e00' title 'shade_lm (5 runs)' noenhanced, \
     '' skip 1 using 1:(ok(column(12))) with steps lw 2.5 dt 1 lc rgb '#009e73' title 'shade_2step_lm (5 runs)' noenhanced, \
     '' skip 1 using 1:(ok(column(4))) with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'pso_vega_2step (5 runs)' noenhanced
unset logscale xy
set format y '% h'
set xtics autofreq
set ytics autofreq
unset label

# ---- case silt_se60: ECDF of the evaluations to target (ecdf_silt_se60.csv)
set output 'ecdf_silt_se60.png'
set title 'Case silt_se60: runs that reached the target (retention-curve RMSE <= 0.001)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'fraction of runs that reached the target'
set logscale x
unset logscale y
set format y '%g'
set xrange [330.8695652:3450]
set yrange [-0.02:1.02]
set ytics 0.1
unset arrow
unset label
set xtics ('500' 500, '1000' 1000, '2000' 2000)
set arrow from 3000, graph 0 to 3000, graph 1 nohead dt 3 lw 1.5 lc rgb '#606060'
set label 'budget' at 3000, graph 1 center offset 0,0.7 tc rgb '#404040'
set terminal pngcairo size 900,652 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 9
plot 'ecdf_silt_se60.csv' skip 1 using 1:3 with steps lw 2.5 dt 1 lc rgb '#d55e00' title 'shade_lm: 5/5 reached, ERT 1654' noenhanced, \
     '' skip 1 using 1:4 with steps lw 2.5 dt 1 lc rgb '#009e73' title 'shade_2step_lm: 4/5 reached, ERT 3124' noenhanced, \
     '' skip 1 using 1:2 with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'pso_vega_2step: 0/5 reached, ERT ∞' noenhanced
unset arrow
unset label
set ytics autofreq
set xtics autofreq

# ---- case silt_se60: convergence (convergence_silt_se60.csv)
set output 'convergence_silt_se60.png'
set title 'Case silt_se60: convergence of the best summed objective (median, quartiles shaded)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'best summed objective so far, Σψ [-]'
set logscale xy
set format y '10^{%L}'
unset arrow
unset label
set xrange [18.18181818:3300]
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set yrange [7.19267e-12:3.11654]
set ytics autofreq
set mytics 10
set terminal pngcairo size 900,628 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 2
set bmargin 7
ok(x) = (x > 0 && x < 1e+29) ? x : NaN
plot 'convergence_silt_se60.csv' skip 1 using 1:(ok(column(7))):(ok(column(9))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#d55e00' notitle, \
     '' skip 1 using 1:(ok(column(7))) with steps lw 1 dt 1 lc rgb '#d55e00' notitle, \
     '' skip 1 using 1:(ok(column(9))) with steps lw 1 dt 1 lc rgb '#d55e00' notitle, \
     '' skip 1 using 1:(ok(column(11))):(ok(column(13))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#009e73' notitle, \
     '' skip 1 using 1:(ok(column(11))) with steps lw 1 dt 1 lc rgb '#009e73' notitle, \
     '' skip 1 using 1:(ok(column(13))) with steps lw 1 dt 1 lc rgb '#009e73' notitle, \
     '' skip 1 using 1:(ok(column(3))):(ok(column(5))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(3))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(5))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(8))) with steps lw 2.5 dt 1 lc rgb '#d55e00' title 'shade_lm (5 runs)' noenhanced, \
     '' skip 1 using 1:(ok(column(12))) with steps lw 2.5 dt 1 lc rgb '#009e73' title 'shade_2step_lm (5 runs)' noenhanced, \
     '' skip 1 using 1:(ok(column(4))) with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'pso_vega_2step (5 runs)' noenhanced
unset logscale xy
set format y '% h'
set xtics autofreq
set ytics autofreq
unset label

# ---- case clay_se20: ECDF of the evaluations to target (ecdf_clay_se20.csv)
set output 'ecdf_clay_se20.png'
set title 'Case clay_se20: runs that reached the target (retention-curve RMSE <= 0.001)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'fraction of runs that reached the target'
set logscale x
unset logscale y
set format y '%g'
set xrange [240.8695652:6955.2]
set yrange [-0.02:1.02]
set ytics 0.1
unset arrow
unset label
set xtics ('500' 500, '1000' 1000, '2000' 2000, '5000' 5000)
set arrow from 3000, graph 0 to 3000, graph 1 nohead dt 3 lw 1.5 lc rgb '#606060'
set label 'budget' at 3000, graph 1 center offset 0,0.7 tc rgb '#404040'
set terminal pngcairo size 900,676 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 10
plot 'ecdf_clay_se20.csv' skip 1 using 1:5 with steps lw 2.5 dt 1 lc rgb '#cc79a7' title 'shade_lm_6000: 5/5 reached, ERT 1567' noenhanced, \
     '' skip 1 using 1:3 with steps lw 2.5 dt 1 lc rgb '#d55e00' title 'shade_lm: 2/5 reached, ERT 4051' noenhanced, \
     '' skip 1 using 1:4 with steps lw 2.5 dt 1 lc rgb '#009e73' title 'shade_2step_lm: 2/5 reached, ERT 5878' noenhanced, \
     '' skip 1 using 1:2 with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'pso_vega_2step: 0/5 reached, ERT ∞' noenhanced
unset arrow
unset label
set ytics autofreq
set xtics autofreq

# ---- case clay_se20: convergence (convergence_clay_se20.csv)
set output 'convergence_clay_se20.png'
set title 'Case clay_se20: convergence of the best summed objective (median, quartiles shaded)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'best summed objective so far, Σψ [-]'
set logscale xy
set format y '10^{%L}'
unset arrow
unset label
set xrange [18.18181818:6652.8]
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000, '5000' 5000)
set yrange [4.48762e-05:5.97503]
set ytics autofreq
set mytics 10
set terminal pngcairo size 900,628 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 2
set bmargin 7
ok(x) = (x > 0 && x < 1e+29) ? x : NaN
plot 'convergence_clay_se20.csv' skip 1 using 1:(ok(column(15))):(ok(column(17))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#cc79a7' notitle, \
     '' skip 1 using 1:(ok(column(15))) with steps lw 1 dt 1 lc rgb '#cc79a7' notitle, \
     '' skip 1 using 1:(ok(column(17))) with steps lw 1 dt 1 lc rgb '#cc79a7' notitle, \
     '' skip 1 using 1:(ok(column(7))):(ok(column(9))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#d55e00' notitle, \
     '' skip 1 using 1:(ok(column(7))) with steps lw 1 dt 1 lc rgb '#d55e00' notitle, \
     '' skip 1 using 1:(ok(column(9))) with steps lw 1 dt 1 lc rgb '#d55e00' notitle, \
     '' skip 1 using 1:(ok(column(11))):(ok(column(13))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#009e73' notitle, \
     '' skip 1 using 1:(ok(column(11))) with steps lw 1 dt 1 lc rgb '#009e73' notitle, \
     '' skip 1 using 1:(ok(column(13))) with steps lw 1 dt 1 lc rgb '#009e73' notitle, \
     '' skip 1 using 1:(ok(column(3))):(ok(column(5))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(3))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(5))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(16))) with steps lw 2.5 dt 1 lc rgb '#cc79a7' title 'shade_lm_6000 (5 runs)' noenhanced, \
     '' skip 1 using 1:(ok(column(8))) with steps lw 2.5 dt 1 lc rgb '#d55e00' title 'shade_lm (5 runs)' noenhanced, \
     '' skip 1 using 1:(ok(column(12))) with steps lw 2.5 dt 1 lc rgb '#009e73' title 'shade_2step_lm (5 runs)' noenhanced, \
     '' skip 1 using 1:(ok(column(4))) with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'pso_vega_2step (5 runs)' noenhanced
unset logscale xy
set format y '% h'
set xtics autofreq
set ytics autofreq
unset label

# ---- case clay_se40: ECDF of the evaluations to target (ecdf_clay_se40.csv)
set output 'ecdf_clay_se40.png'
set title 'Case clay_se40: runs that reached the target (retention-curve RMSE <= 0.001)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'fraction of runs that reached the target'
set logscale x
unset logscale y
set format y '%g'
set xrange [325.6521739:6943.7]
set yrange [-0.02:1.02]
set ytics 0.1
unset arrow
unset label
set xtics ('500' 500, '1000' 1000, '2000' 2000, '5000' 5000)
set arrow from 3000, graph 0 to 3000, graph 1 nohead dt 3 lw 1.5 lc rgb '#606060'
set label 'budget' at 3000, graph 1 center offset 0,0.7 tc rgb '#404040'
set terminal pngcairo size 900,676 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 10
plot 'ecdf_clay_se40.csv' skip 1 using 1:3 with steps lw 2.5 dt 1 lc rgb '#d55e00' title 'shade_lm: 4/5 reached, ERT 1980' noenhanced, \
     '' skip 1 using 1:5 with steps lw 2.5 dt 1 lc rgb '#cc79a7' title 'shade_lm_6000: 5/5 reached, ERT 2021' noenhanced, \
     '' skip 1 using 1:4 with steps lw 2.5 dt 1 lc rgb '#009e73' title 'shade_2step_lm: 3/5 reached, ERT 3975' noenhanced, \
     '' skip 1 using 1:2 with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'pso_vega_2step: 0/5 reached, ERT ∞' noenhanced
unset arrow
unset label
set ytics autofreq
set xtics autofreq

# ---- case clay_se40: convergence (convergence_clay_se40.csv)
set output 'convergence_clay_se40.png'
set title 'Case clay_se40: convergence of the best summed objective (median, quartiles shaded)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'best summed objective so far, Σψ [-]'
set logscale xy
set format y '10^{%L}'
unset arrow
unset label
set xrange [18.18181818:6641.8]
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000, '5000' 5000)
set yrange [0.000135189:6.12652]
set ytics autofreq
set mytics 10
set terminal pngcairo size 900,628 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 2
set bmargin 7
ok(x) = (x > 0 && x < 1e+29) ? x : NaN
plot 'convergence_clay_se40.csv' skip 1 using 1:(ok(column(7))):(ok(column(9))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#d55e00' notitle, \
     '' skip 1 using 1:(ok(column(7))) with steps lw 1 dt 1 lc rgb '#d55e00' notitle, \
     '' skip 1 using 1:(ok(column(9))) with steps lw 1 dt 1 lc rgb '#d55e00' notitle, \
     '' skip 1 using 1:(ok(column(15))):(ok(column(17))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#cc79a7' notitle, \
     '' skip 1 using 1:(ok(column(15))) with steps lw 1 dt 1 lc rgb '#cc79a7' notitle, \
     '' skip 1 using 1:(ok(column(17))) with steps lw 1 dt 1 lc rgb '#cc79a7' notitle, \
     '' skip 1 using 1:(ok(column(11))):(ok(column(13))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#009e73' notitle, \
     '' skip 1 using 1:(ok(column(11))) with steps lw 1 dt 1 lc rgb '#009e73' notitle, \
     '' skip 1 using 1:(ok(column(13))) with steps lw 1 dt 1 lc rgb '#009e73' notitle, \
     '' skip 1 using 1:(ok(column(3))):(ok(column(5))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(3))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(5))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(8))) with steps lw 2.5 dt 1 lc rgb '#d55e00' title 'shade_lm (5 runs)' noenhanced, \
     '' skip 1 using 1:(ok(column(16))) with steps lw 2.5 dt 1 lc rgb '#cc79a7' title 'shade_lm_6000 (5 runs)' noenhanced, \
     '' skip 1 using 1:(ok(column(12))) with steps lw 2.5 dt 1 lc rgb '#009e73' title 'shade_2step_lm (5 runs)' noenhanced, \
     '' skip 1 using 1:(ok(column(4))) with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'pso_vega_2step (5 runs)' noenhanced
unset logscale xy
set format y '% h'
set xtics autofreq
set ytics autofreq
unset label

# ---- case clay_se60: ECDF of the evaluations to target (ecdf_clay_se60.csv)
set output 'ecdf_clay_se60.png'
set title 'Case clay_se60: runs that reached the target (retention-curve RMSE <= 0.001)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'fraction of runs that reached the target'
set logscale x
unset logscale y
set format y '%g'
set xrange [270.8695652:6943.7]
set yrange [-0.02:1.02]
set ytics 0.1
unset arrow
unset label
set xtics ('500' 500, '1000' 1000, '2000' 2000, '5000' 5000)
set arrow from 3000, graph 0 to 3000, graph 1 nohead dt 3 lw 1.5 lc rgb '#606060'
set label 'budget' at 3000, graph 1 center offset 0,0.7 tc rgb '#404040'
set terminal pngcairo size 900,676 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 10
plot 'ecdf_clay_se60.csv' skip 1 using 1:5 with steps lw 2.5 dt 1 lc rgb '#cc79a7' title 'shade_lm_6000: 5/5 reached, ERT 1844' noenhanced, \
     '' skip 1 using 1:3 with steps lw 2.5 dt 1 lc rgb '#d55e00' title 'shade_lm: 1/5 reached, ERT 7753' noenhanced, \
     '' skip 1 using 1:4 with steps lw 2.5 dt 1 lc rgb '#009e73' title 'shade_2step_lm: 1/5 reached, ERT 12099' noenhanced, \
     '' skip 1 using 1:2 with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'pso_vega_2step: 0/5 reached, ERT ∞' noenhanced
unset arrow
unset label
set ytics autofreq
set xtics autofreq

# ---- case clay_se60: convergence (convergence_clay_se60.csv)
set output 'convergence_clay_se60.png'
set title 'Case clay_se60: convergence of the best summed objective (median, quartiles shaded)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'best summed objective so far, Σψ [-]'
set logscale xy
set format y '10^{%L}'
unset arrow
unset label
set xrange [18.18181818:6641.8]
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000, '5000' 5000)
set yrange [9.72808e-05:6.89935]
set ytics autofreq
set mytics 10
set terminal pngcairo size 900,628 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 2
set bmargin 7
ok(x) = (x > 0 && x < 1e+29) ? x : NaN
plot 'convergence_clay_se60.csv' skip 1 using 1:(ok(column(15))):(ok(column(17))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#cc79a7' notitle, \
     '' skip 1 using 1:(ok(column(15))) with steps lw 1 dt 1 lc rgb '#cc79a7' notitle, \
     '' skip 1 using 1:(ok(column(17))) with steps lw 1 dt 1 lc rgb '#cc79a7' notitle, \
     '' skip 1 using 1:(ok(column(7))):(ok(column(9))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#d55e00' notitle, \
     '' skip 1 using 1:(ok(column(7))) with steps lw 1 dt 1 lc rgb '#d55e00' notitle, \
     '' skip 1 using 1:(ok(column(9))) with steps lw 1 dt 1 lc rgb '#d55e00' notitle, \
     '' skip 1 using 1:(ok(column(11))):(ok(column(13))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#009e73' notitle, \
     '' skip 1 using 1:(ok(column(11))) with steps lw 1 dt 1 lc rgb '#009e73' notitle, \
     '' skip 1 using 1:(ok(column(13))) with steps lw 1 dt 1 lc rgb '#009e73' notitle, \
     '' skip 1 using 1:(ok(column(3))):(ok(column(5))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(3))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(5))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(16))) with steps lw 2.5 dt 1 lc rgb '#cc79a7' title 'shade_lm_6000 (5 runs)' noenhanced, \
     '' skip 1 using 1:(ok(column(8))) with steps lw 2.5 dt 1 lc rgb '#d55e00' title 'shade_lm (5 runs)' noenhanced, \
     '' skip 1 using 1:(ok(column(12))) with steps lw 2.5 dt 1 lc rgb '#009e73' title 'shade_2step_lm (5 runs)' noenhanced, \
     '' skip 1 using 1:(ok(column(4))) with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'pso_vega_2step (5 runs)' noenhanced
unset logscale xy
set format y '% h'
set xtics autofreq
set ytics autofreq
unset label

# ---- case sand_se20: ECDF of the evaluations to target (ecdf_sand_se20.csv)
set output 'ecdf_sand_se20.png'
set title 'Case sand_se20: runs that reached the target (retention-curve RMSE <= 0.001)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'fraction of runs that reached the target'
set logscale x
unset logscale y
set format y '%g'
set xrange [156.3043478:3450]
set yrange [-0.02:1.02]
set ytics 0.1
unset arrow
unset label
set xtics ('200' 200, '500' 500, '1000' 1000, '2000' 2000)
set arrow from 3000, graph 0 to 3000, graph 1 nohead dt 3 lw 1.5 lc rgb '#606060'
set label 'budget' at 3000, graph 1 center offset 0,0.7 tc rgb '#404040'
set terminal pngcairo size 900,652 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 9
plot 'ecdf_sand_se20.csv' skip 1 using 1:3 with steps lw 2.5 dt 1 lc rgb '#d55e00' title 'shade_lm: 5/5 reached, ERT 1196' noenhanced, \
     '' skip 1 using 1:4 with steps lw 2.5 dt 1 lc rgb '#009e73' title 'shade_2step_lm: 5/5 reached, ERT 2121' noenhanced, \
     '' skip 1 using 1:2 with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'pso_vega_2step: 0/5 reached, ERT ∞' noenhanced
unset arrow
unset label
set ytics autofreq
set xtics autofreq

# ---- case sand_se20: convergence (convergence_sand_se20.csv)
set output 'convergence_sand_se20.png'
set title 'Case sand_se20: convergence of the best summed objective (median, quartiles shaded)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'best summed objective so far, Σψ [-]'
set logscale xy
set format y '10^{%L}'
unset arrow
unset label
set xrange [18.18181818:3300]
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set yrange [7.18397e-12:21.675]
set ytics autofreq
set mytics 10
set terminal pngcairo size 900,628 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 2
set bmargin 7
ok(x) = (x > 0 && x < 1e+29) ? x : NaN
plot 'convergence_sand_se20.csv' skip 1 using 1:(ok(column(7))):(ok(column(9))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#d55e00' notitle, \
     '' skip 1 using 1:(ok(column(7))) with steps lw 1 dt 1 lc rgb '#d55e00' notitle, \
     '' skip 1 using 1:(ok(column(9))) with steps lw 1 dt 1 lc rgb '#d55e00' notitle, \
     '' skip 1 using 1:(ok(column(11))):(ok(column(13))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#009e73' notitle, \
     '' skip 1 using 1:(ok(column(11))) with steps lw 1 dt 1 lc rgb '#009e73' notitle, \
     '' skip 1 using 1:(ok(column(13))) with steps lw 1 dt 1 lc rgb '#009e73' notitle, \
     '' skip 1 using 1:(ok(column(3))):(ok(column(5))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(3))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(5))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(8))) with steps lw 2.5 dt 1 lc rgb '#d55e00' title 'shade_lm (5 runs)' noenhanced, \
     '' skip 1 using 1:(ok(column(12))) with steps lw 2.5 dt 1 lc rgb '#009e73' title 'shade_2step_lm (5 runs)' noenhanced, \
     '' skip 1 using 1:(ok(column(4))) with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'pso_vega_2step (5 runs)' noenhanced
unset logscale xy
set format y '% h'
set xtics autofreq
set ytics autofreq
unset label

# ---- case sand_se40: ECDF of the evaluations to target (ecdf_sand_se40.csv)
set output 'ecdf_sand_se40.png'
set title 'Case sand_se40: runs that reached the target (retention-curve RMSE <= 0.001)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'fraction of runs that reached the target'
set logscale x
unset logscale y
set format y '%g'
set xrange [134.1304348:3450]
set yrange [-0.02:1.02]
set ytics 0.1
unset arrow
unset label
set xtics ('200' 200, '500' 500, '1000' 1000, '2000' 2000)
set arrow from 3000, graph 0 to 3000, graph 1 nohead dt 3 lw 1.5 lc rgb '#606060'
set label 'budget' at 3000, graph 1 center offset 0,0.7 tc rgb '#404040'
set terminal pngcairo size 900,652 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 9
plot 'ecdf_sand_se40.csv' skip 1 using 1:3 with steps lw 2.5 dt 1 lc rgb '#d55e00' title 'shade_lm: 5/5 reached, ERT 847' noenhanced, \
     '' skip 1 using 1:4 with steps lw 2.5 dt 1 lc rgb '#009e73' title 'shade_2step_lm: 5/5 reached, ERT 2174' noenhanced, \
     '' skip 1 using 1:2 with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'pso_vega_2step: 0/5 reached, ERT ∞' noenhanced
unset arrow
unset label
set ytics autofreq
set xtics autofreq

# ---- case sand_se40: convergence (convergence_sand_se40.csv)
set output 'convergence_sand_se40.png'
set title 'Case sand_se40: convergence of the best summed objective (median, quartiles shaded)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'best summed objective so far, Σψ [-]'
set logscale xy
set format y '10^{%L}'
unset arrow
unset label
set xrange [18.18181818:3300]
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set yrange [8.72222e-12:26.3369]
set ytics autofreq
set mytics 10
set terminal pngcairo size 900,628 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 2
set bmargin 7
ok(x) = (x > 0 && x < 1e+29) ? x : NaN
plot 'convergence_sand_se40.csv' skip 1 using 1:(ok(column(7))):(ok(column(9))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#d55e00' notitle, \
     '' skip 1 using 1:(ok(column(7))) with steps lw 1 dt 1 lc rgb '#d55e00' notitle, \
     '' skip 1 using 1:(ok(column(9))) with steps lw 1 dt 1 lc rgb '#d55e00' notitle, \
     '' skip 1 using 1:(ok(column(11))):(ok(column(13))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#009e73' notitle, \
     '' skip 1 using 1:(ok(column(11))) with steps lw 1 dt 1 lc rgb '#009e73' notitle, \
     '' skip 1 using 1:(ok(column(13))) with steps lw 1 dt 1 lc rgb '#009e73' notitle, \
     '' skip 1 using 1:(ok(column(3))):(ok(column(5))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(3))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(5))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(8))) with steps lw 2.5 dt 1 lc rgb '#d55e00' title 'shade_lm (5 runs)' noenhanced, \
     '' skip 1 using 1:(ok(column(12))) with steps lw 2.5 dt 1 lc rgb '#009e73' title 'shade_2step_lm (5 runs)' noenhanced, \
     '' skip 1 using 1:(ok(column(4))) with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'pso_vega_2step (5 runs)' noenhanced
unset logscale xy
set format y '% h'
set xtics autofreq
set ytics autofreq
unset label

# ---- case sand_se60: ECDF of the evaluations to target (ecdf_sand_se60.csv)
set output 'ecdf_sand_se60.png'
set title 'Case sand_se60: runs that reached the target (retention-curve RMSE <= 0.001)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'fraction of runs that reached the target'
set logscale x
unset logscale y
set format y '%g'
set xrange [170.2173913:3450]
set yrange [-0.02:1.02]
set ytics 0.1
unset arrow
unset label
set xtics ('200' 200, '500' 500, '1000' 1000, '2000' 2000)
set arrow from 3000, graph 0 to 3000, graph 1 nohead dt 3 lw 1.5 lc rgb '#606060'
set label 'budget' at 3000, graph 1 center offset 0,0.7 tc rgb '#404040'
set terminal pngcairo size 900,652 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 9
plot 'ecdf_sand_se60.csv' skip 1 using 1:4 with steps lw 2.5 dt 1 lc rgb '#009e73' title 'shade_lm: 5/5 reached, ERT 1127' noenhanced, \
     '' skip 1 using 1:3 with steps lw 2.5 dt 1 lc rgb '#d55e00' title 'shade_2step_lm: 5/5 reached, ERT 2048' noenhanced, \
     '' skip 1 using 1:2 with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'pso_vega_2step: 0/5 reached, ERT ∞' noenhanced
unset arrow
unset label
set ytics autofreq
set xtics autofreq

# ---- case sand_se60: convergence (convergence_sand_se60.csv)
set output 'convergence_sand_se60.png'
set title 'Case sand_se60: convergence of the best summed objective (median, quartiles shaded)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'best summed objective so far, Σψ [-]'
set logscale xy
set format y '10^{%L}'
unset arrow
unset label
set xrange [18.18181818:3300]
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set yrange [6.7452e-07:35.4713]
set ytics autofreq
set mytics 10
set terminal pngcairo size 900,628 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 2
set bmargin 7
ok(x) = (x > 0 && x < 1e+29) ? x : NaN
plot 'convergence_sand_se60.csv' skip 1 using 1:(ok(column(11))):(ok(column(13))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#009e73' notitle, \
     '' skip 1 using 1:(ok(column(11))) with steps lw 1 dt 1 lc rgb '#009e73' notitle, \
     '' skip 1 using 1:(ok(column(13))) with steps lw 1 dt 1 lc rgb '#009e73' notitle, \
     '' skip 1 using 1:(ok(column(7))):(ok(column(9))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#d55e00' notitle, \
     '' skip 1 using 1:(ok(column(7))) with steps lw 1 dt 1 lc rgb '#d55e00' notitle, \
     '' skip 1 using 1:(ok(column(9))) with steps lw 1 dt 1 lc rgb '#d55e00' notitle, \
     '' skip 1 using 1:(ok(column(3))):(ok(column(5))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(3))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(5))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(12))) with steps lw 2.5 dt 1 lc rgb '#009e73' title 'shade_lm (5 runs)' noenhanced, \
     '' skip 1 using 1:(ok(column(8))) with steps lw 2.5 dt 1 lc rgb '#d55e00' title 'shade_2step_lm (5 runs)' noenhanced, \
     '' skip 1 using 1:(ok(column(4))) with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'pso_vega_2step (5 runs)' noenhanced
unset logscale xy
set format y '% h'
set xtics autofreq
set ytics autofreq
unset label

# ---- case loam_se40_theta_initialp0.02: ECDF of the evaluations to target (ecdf_loam_se40_theta_initialp0.02.csv)
set output 'ecdf_loam_se40_theta_initialp0.02.png'
set title 'Case loam_se40_theta_initialp0.02: runs that reached the target (retention-curve RMSE <= 0.001)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'fraction of runs that reached the target'
set logscale x
unset logscale y
set format y '%g'
set xrange [17.39130435:3450]
set yrange [-0.02:1.02]
set ytics 0.1
unset arrow
unset label
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set arrow from 3000, graph 0 to 3000, graph 1 nohead dt 3 lw 1.5 lc rgb '#606060'
set label 'budget' at 3000, graph 1 center offset 0,0.7 tc rgb '#404040'
set label 'no run reached the target' at graph 0.5, graph 0.5 center tc rgb '#404040'
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
plot 'ecdf_loam_se40_theta_initialp0.02.csv' skip 1 using 1:2 with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm: 0/5 reached, ERT ∞' noenhanced
unset arrow
unset label
set ytics autofreq
set xtics autofreq

# ---- case loam_se40_theta_initialp0.02: convergence (convergence_loam_se40_theta_initialp0.02.csv)
set output 'convergence_loam_se40_theta_initialp0.02.png'
set title 'Case loam_se40_theta_initialp0.02: convergence of the best summed objective (median, quartiles shaded)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'best summed objective so far, Σψ [-]'
set logscale xy
set format y '10^{%L}'
unset arrow
unset label
set xrange [18.18181818:2840.2]
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set yrange [0.174039:3.54789]
set format y '%g'
set ytics ('0.2' 0.2, '0.5' 0.5, '1' 1, '2' 2)
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
ok(x) = (x > 0 && x < 1e+29) ? x : NaN
plot 'convergence_loam_se40_theta_initialp0.02.csv' skip 1 using 1:(ok(column(3))):(ok(column(5))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(3))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(5))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(4))) with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm (5 runs)' noenhanced
unset logscale xy
set format y '% h'
set xtics autofreq
set ytics autofreq
unset label

# ---- case loam_se40_theta_initialm0.02: ECDF of the evaluations to target (ecdf_loam_se40_theta_initialm0.02.csv)
set output 'ecdf_loam_se40_theta_initialm0.02.png'
set title 'Case loam_se40_theta_initialm0.02: runs that reached the target (retention-curve RMSE <= 0.001)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'fraction of runs that reached the target'
set logscale x
unset logscale y
set format y '%g'
set xrange [17.39130435:3450]
set yrange [-0.02:1.02]
set ytics 0.1
unset arrow
unset label
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set arrow from 3000, graph 0 to 3000, graph 1 nohead dt 3 lw 1.5 lc rgb '#606060'
set label 'budget' at 3000, graph 1 center offset 0,0.7 tc rgb '#404040'
set label 'no run reached the target' at graph 0.5, graph 0.5 center tc rgb '#404040'
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
plot 'ecdf_loam_se40_theta_initialm0.02.csv' skip 1 using 1:2 with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm: 0/5 reached, ERT ∞' noenhanced
unset arrow
unset label
set ytics autofreq
set xtics autofreq

# ---- case loam_se40_theta_initialm0.02: convergence (convergence_loam_se40_theta_initialm0.02.csv)
set output 'convergence_loam_se40_theta_initialm0.02.png'
set title 'Case loam_se40_theta_initialm0.02: convergence of the best summed objective (median, quartiles shaded)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'best summed objective so far, Σψ [-]'
set logscale xy
set format y '10^{%L}'
unset arrow
unset label
set xrange [18.18181818:2673]
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set yrange [0.202886:5.06209]
set format y '%g'
set ytics ('0.5' 0.5, '1' 1, '2' 2, '5' 5)
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
ok(x) = (x > 0 && x < 1e+29) ? x : NaN
plot 'convergence_loam_se40_theta_initialm0.02.csv' skip 1 using 1:(ok(column(3))):(ok(column(5))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(3))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(5))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(4))) with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm (5 runs)' noenhanced
unset logscale xy
set format y '% h'
set xtics autofreq
set ytics autofreq
unset label

# ---- case loam_se40_theta_initial_re5: ECDF of the evaluations to target (ecdf_loam_se40_theta_initial_re5.csv)
set output 'ecdf_loam_se40_theta_initial_re5.png'
set title 'Case loam_se40_theta_initial_re5: runs that reached the target (retention-curve RMSE <= 0.001)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'fraction of runs that reached the target'
set logscale x
unset logscale y
set format y '%g'
set xrange [17.39130435:3450]
set yrange [-0.02:1.02]
set ytics 0.1
unset arrow
unset label
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set arrow from 3000, graph 0 to 3000, graph 1 nohead dt 3 lw 1.5 lc rgb '#606060'
set label 'budget' at 3000, graph 1 center offset 0,0.7 tc rgb '#404040'
set label 'no run reached the target' at graph 0.5, graph 0.5 center tc rgb '#404040'
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
plot 'ecdf_loam_se40_theta_initial_re5.csv' skip 1 using 1:2 with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm: 0/5 reached, ERT ∞' noenhanced
unset arrow
unset label
set ytics autofreq
set xtics autofreq

# ---- case loam_se40_theta_initial_re5: convergence (convergence_loam_se40_theta_initial_re5.csv)
set output 'convergence_loam_se40_theta_initial_re5.png'
set title 'Case loam_se40_theta_initial_re5: convergence of the best summed objective (median, quartiles shaded)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'best summed objective so far, Σψ [-]'
set logscale xy
set format y '10^{%L}'
unset arrow
unset label
set xrange [18.18181818:2853.4]
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set yrange [0.033455:3.89233]
set ytics autofreq
set mytics 10
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
ok(x) = (x > 0 && x < 1e+29) ? x : NaN
plot 'convergence_loam_se40_theta_initial_re5.csv' skip 1 using 1:(ok(column(3))):(ok(column(5))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(3))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(5))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(4))) with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm (5 runs)' noenhanced
unset logscale xy
set format y '% h'
set xtics autofreq
set ytics autofreq
unset label

# ---- case loam_se40_theta_finalp0.02: ECDF of the evaluations to target (ecdf_loam_se40_theta_finalp0.02.csv)
set output 'ecdf_loam_se40_theta_finalp0.02.png'
set title 'Case loam_se40_theta_finalp0.02: runs that reached the target (retention-curve RMSE <= 0.001)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'fraction of runs that reached the target'
set logscale x
unset logscale y
set format y '%g'
set xrange [17.39130435:3450]
set yrange [-0.02:1.02]
set ytics 0.1
unset arrow
unset label
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set arrow from 3000, graph 0 to 3000, graph 1 nohead dt 3 lw 1.5 lc rgb '#606060'
set label 'budget' at 3000, graph 1 center offset 0,0.7 tc rgb '#404040'
set label 'no run reached the target' at graph 0.5, graph 0.5 center tc rgb '#404040'
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
plot 'ecdf_loam_se40_theta_finalp0.02.csv' skip 1 using 1:2 with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm: 0/5 reached, ERT ∞' noenhanced
unset arrow
unset label
set ytics autofreq
set xtics autofreq

# ---- case loam_se40_theta_finalp0.02: convergence (convergence_loam_se40_theta_finalp0.02.csv)
set output 'convergence_loam_se40_theta_finalp0.02.png'
set title 'Case loam_se40_theta_finalp0.02: convergence of the best summed objective (median, quartiles shaded)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'best summed objective so far, Σψ [-]'
set logscale xy
set format y '10^{%L}'
unset arrow
unset label
set xrange [18.18181818:2838]
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set yrange [0.201877:4.90513]
set format y '%g'
set ytics ('0.5' 0.5, '1' 1, '2' 2)
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
ok(x) = (x > 0 && x < 1e+29) ? x : NaN
plot 'convergence_loam_se40_theta_finalp0.02.csv' skip 1 using 1:(ok(column(3))):(ok(column(5))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(3))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(5))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(4))) with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm (5 runs)' noenhanced
unset logscale xy
set format y '% h'
set xtics autofreq
set ytics autofreq
unset label

# ---- case loam_se40_theta_finalm0.02: ECDF of the evaluations to target (ecdf_loam_se40_theta_finalm0.02.csv)
set output 'ecdf_loam_se40_theta_finalm0.02.png'
set title 'Case loam_se40_theta_finalm0.02: runs that reached the target (retention-curve RMSE <= 0.001)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'fraction of runs that reached the target'
set logscale x
unset logscale y
set format y '%g'
set xrange [17.39130435:3450]
set yrange [-0.02:1.02]
set ytics 0.1
unset arrow
unset label
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set arrow from 3000, graph 0 to 3000, graph 1 nohead dt 3 lw 1.5 lc rgb '#606060'
set label 'budget' at 3000, graph 1 center offset 0,0.7 tc rgb '#404040'
set label 'no run reached the target' at graph 0.5, graph 0.5 center tc rgb '#404040'
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
plot 'ecdf_loam_se40_theta_finalm0.02.csv' skip 1 using 1:2 with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm: 0/5 reached, ERT ∞' noenhanced
unset arrow
unset label
set ytics autofreq
set xtics autofreq

# ---- case loam_se40_theta_finalm0.02: convergence (convergence_loam_se40_theta_finalm0.02.csv)
set output 'convergence_loam_se40_theta_finalm0.02.png'
set title 'Case loam_se40_theta_finalm0.02: convergence of the best summed objective (median, quartiles shaded)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'best summed objective so far, Σψ [-]'
set logscale xy
set format y '10^{%L}'
unset arrow
unset label
set xrange [18.18181818:2950.2]
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set yrange [0.194343:4.08316]
set format y '%g'
set ytics ('0.2' 0.2, '0.5' 0.5, '1' 1, '2' 2)
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
ok(x) = (x > 0 && x < 1e+29) ? x : NaN
plot 'convergence_loam_se40_theta_finalm0.02.csv' skip 1 using 1:(ok(column(3))):(ok(column(5))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(3))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(5))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(4))) with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm (5 runs)' noenhanced
unset logscale xy
set format y '% h'
set xtics autofreq
set ytics autofreq
unset label

# ---- case loam_se40_theta_final_re5: ECDF of the evaluations to target (ecdf_loam_se40_theta_final_re5.csv)
set output 'ecdf_loam_se40_theta_final_re5.png'
set title 'Case loam_se40_theta_final_re5: runs that reached the target (retention-curve RMSE <= 0.001)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'fraction of runs that reached the target'
set logscale x
unset logscale y
set format y '%g'
set xrange [459.3478261:3450]
set yrange [-0.02:1.02]
set ytics 0.1
unset arrow
unset label
set xtics ('500' 500, '1000' 1000, '2000' 2000)
set arrow from 3000, graph 0 to 3000, graph 1 nohead dt 3 lw 1.5 lc rgb '#606060'
set label 'budget' at 3000, graph 1 center offset 0,0.7 tc rgb '#404040'
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
plot 'ecdf_loam_se40_theta_final_re5.csv' skip 1 using 1:2 with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm: 5/5 reached, ERT 2348' noenhanced
unset arrow
unset label
set ytics autofreq
set xtics autofreq

# ---- case loam_se40_theta_final_re5: convergence (convergence_loam_se40_theta_final_re5.csv)
set output 'convergence_loam_se40_theta_final_re5.png'
set title 'Case loam_se40_theta_final_re5: convergence of the best summed objective (median, quartiles shaded)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'best summed objective so far, Σψ [-]'
set logscale xy
set format y '10^{%L}'
unset arrow
unset label
set xrange [18.18181818:2928.2]
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set yrange [0.0268043:3.85698]
set ytics autofreq
set mytics 10
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
ok(x) = (x > 0 && x < 1e+29) ? x : NaN
plot 'convergence_loam_se40_theta_final_re5.csv' skip 1 using 1:(ok(column(3))):(ok(column(5))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(3))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(5))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(4))) with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm (5 runs)' noenhanced
unset logscale xy
set format y '% h'
set xtics autofreq
set ytics autofreq
unset label

# ---- case loam_se40_Q_re2: ECDF of the evaluations to target (ecdf_loam_se40_Q_re2.csv)
set output 'ecdf_loam_se40_Q_re2.png'
set title 'Case loam_se40_Q_re2: runs that reached the target (retention-curve RMSE <= 0.001)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'fraction of runs that reached the target'
set logscale x
unset logscale y
set format y '%g'
set xrange [222.173913:3450]
set yrange [-0.02:1.02]
set ytics 0.1
unset arrow
unset label
set xtics ('500' 500, '1000' 1000, '2000' 2000)
set arrow from 3000, graph 0 to 3000, graph 1 nohead dt 3 lw 1.5 lc rgb '#606060'
set label 'budget' at 3000, graph 1 center offset 0,0.7 tc rgb '#404040'
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
plot 'ecdf_loam_se40_Q_re2.csv' skip 1 using 1:2 with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm: 2/5 reached, ERT 4983' noenhanced
unset arrow
unset label
set ytics autofreq
set xtics autofreq

# ---- case loam_se40_Q_re2: convergence (convergence_loam_se40_Q_re2.csv)
set output 'convergence_loam_se40_Q_re2.png'
set title 'Case loam_se40_Q_re2: convergence of the best summed objective (median, quartiles shaded)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'best summed objective so far, Σψ [-]'
set logscale xy
set format y '10^{%L}'
unset arrow
unset label
set xrange [18.18181818:2954.6]
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set yrange [0.0120485:3.86222]
set ytics autofreq
set mytics 10
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
ok(x) = (x > 0 && x < 1e+29) ? x : NaN
plot 'convergence_loam_se40_Q_re2.csv' skip 1 using 1:(ok(column(3))):(ok(column(5))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(3))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(5))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(4))) with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm (5 runs)' noenhanced
unset logscale xy
set format y '% h'
set xtics autofreq
set ytics autofreq
unset label

# ---- case loam_se40_Q_re5: ECDF of the evaluations to target (ecdf_loam_se40_Q_re5.csv)
set output 'ecdf_loam_se40_Q_re5.png'
set title 'Case loam_se40_Q_re5: runs that reached the target (retention-curve RMSE <= 0.001)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'fraction of runs that reached the target'
set logscale x
unset logscale y
set format y '%g'
set xrange [222.173913:3450]
set yrange [-0.02:1.02]
set ytics 0.1
unset arrow
unset label
set xtics ('500' 500, '1000' 1000, '2000' 2000)
set arrow from 3000, graph 0 to 3000, graph 1 nohead dt 3 lw 1.5 lc rgb '#606060'
set label 'budget' at 3000, graph 1 center offset 0,0.7 tc rgb '#404040'
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
plot 'ecdf_loam_se40_Q_re5.csv' skip 1 using 1:2 with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm: 2/5 reached, ERT 5012' noenhanced
unset arrow
unset label
set ytics autofreq
set xtics autofreq

# ---- case loam_se40_Q_re5: convergence (convergence_loam_se40_Q_re5.csv)
set output 'convergence_loam_se40_Q_re5.png'
set title 'Case loam_se40_Q_re5: convergence of the best summed objective (median, quartiles shaded)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'best summed objective so far, Σψ [-]'
set logscale xy
set format y '10^{%L}'
unset arrow
unset label
set xrange [18.18181818:2877.6]
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set yrange [0.0300055:3.86081]
set ytics autofreq
set mytics 10
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
ok(x) = (x > 0 && x < 1e+29) ? x : NaN
plot 'convergence_loam_se40_Q_re5.csv' skip 1 using 1:(ok(column(3))):(ok(column(5))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(3))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(5))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(4))) with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm (5 runs)' noenhanced
unset logscale xy
set format y '% h'
set xtics autofreq
set ytics autofreq
unset label

# ---- case silt_se40_theta_initialp0.02: ECDF of the evaluations to target (ecdf_silt_se40_theta_initialp0.02.csv)
set output 'ecdf_silt_se40_theta_initialp0.02.png'
set title 'Case silt_se40_theta_initialp0.02: runs that reached the target (retention-curve RMSE <= 0.001)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'fraction of runs that reached the target'
set logscale x
unset logscale y
set format y '%g'
set xrange [17.39130435:3450]
set yrange [-0.02:1.02]
set ytics 0.1
unset arrow
unset label
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set arrow from 3000, graph 0 to 3000, graph 1 nohead dt 3 lw 1.5 lc rgb '#606060'
set label 'budget' at 3000, graph 1 center offset 0,0.7 tc rgb '#404040'
set label 'no run reached the target' at graph 0.5, graph 0.5 center tc rgb '#404040'
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
plot 'ecdf_silt_se40_theta_initialp0.02.csv' skip 1 using 1:2 with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm: 0/5 reached, ERT ∞' noenhanced
unset arrow
unset label
set ytics autofreq
set xtics autofreq

# ---- case silt_se40_theta_initialp0.02: convergence (convergence_silt_se40_theta_initialp0.02.csv)
set output 'convergence_silt_se40_theta_initialp0.02.png'
set title 'Case silt_se40_theta_initialp0.02: convergence of the best summed objective (median, quartiles shaded)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'best summed objective so far, Σψ [-]'
set logscale xy
set format y '10^{%L}'
unset arrow
unset label
set xrange [18.18181818:2950.2]
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set yrange [0.145472:2.65872]
set format y '%g'
set ytics ('0.2' 0.2, '0.5' 0.5, '1' 1, '2' 2)
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
ok(x) = (x > 0 && x < 1e+29) ? x : NaN
plot 'convergence_silt_se40_theta_initialp0.02.csv' skip 1 using 1:(ok(column(3))):(ok(column(5))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(3))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(5))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(4))) with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm (5 runs)' noenhanced
unset logscale xy
set format y '% h'
set xtics autofreq
set ytics autofreq
unset label

# ---- case silt_se40_theta_initialm0.02: ECDF of the evaluations to target (ecdf_silt_se40_theta_initialm0.02.csv)
set output 'ecdf_silt_se40_theta_initialm0.02.png'
set title 'Case silt_se40_theta_initialm0.02: runs that reached the target (retention-curve RMSE <= 0.001)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'fraction of runs that reached the target'
set logscale x
unset logscale y
set format y '%g'
set xrange [17.39130435:3450]
set yrange [-0.02:1.02]
set ytics 0.1
unset arrow
unset label
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set arrow from 3000, graph 0 to 3000, graph 1 nohead dt 3 lw 1.5 lc rgb '#606060'
set label 'budget' at 3000, graph 1 center offset 0,0.7 tc rgb '#404040'
set label 'no run reached the target' at graph 0.5, graph 0.5 center tc rgb '#404040'
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
plot 'ecdf_silt_se40_theta_initialm0.02.csv' skip 1 using 1:2 with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm: 0/5 reached, ERT ∞' noenhanced
unset arrow
unset label
set ytics autofreq
set xtics autofreq

# ---- case silt_se40_theta_initialm0.02: convergence (convergence_silt_se40_theta_initialm0.02.csv)
set output 'convergence_silt_se40_theta_initialm0.02.png'
set title 'Case silt_se40_theta_initialm0.02: convergence of the best summed objective (median, quartiles shaded)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'best summed objective so far, Σψ [-]'
set logscale xy
set format y '10^{%L}'
unset arrow
unset label
set xrange [18.18181818:2918.3]
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set yrange [0.165531:2.84894]
set format y '%g'
set ytics ('0.2' 0.2, '0.5' 0.5, '1' 1, '2' 2)
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
ok(x) = (x > 0 && x < 1e+29) ? x : NaN
plot 'convergence_silt_se40_theta_initialm0.02.csv' skip 1 using 1:(ok(column(3))):(ok(column(5))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(3))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(5))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(4))) with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm (5 runs)' noenhanced
unset logscale xy
set format y '% h'
set xtics autofreq
set ytics autofreq
unset label

# ---- case silt_se40_theta_initial_re5: ECDF of the evaluations to target (ecdf_silt_se40_theta_initial_re5.csv)
set output 'ecdf_silt_se40_theta_initial_re5.png'
set title 'Case silt_se40_theta_initial_re5: runs that reached the target (retention-curve RMSE <= 0.001)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'fraction of runs that reached the target'
set logscale x
unset logscale y
set format y '%g'
set xrange [515.4347826:3450]
set yrange [-0.02:1.02]
set ytics 0.1
unset arrow
unset label
set xtics ('1000' 1000, '2000' 2000)
set arrow from 3000, graph 0 to 3000, graph 1 nohead dt 3 lw 1.5 lc rgb '#606060'
set label 'budget' at 3000, graph 1 center offset 0,0.7 tc rgb '#404040'
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
plot 'ecdf_silt_se40_theta_initial_re5.csv' skip 1 using 1:2 with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm: 2/5 reached, ERT 6015' noenhanced
unset arrow
unset label
set ytics autofreq
set xtics autofreq

# ---- case silt_se40_theta_initial_re5: convergence (convergence_silt_se40_theta_initial_re5.csv)
set output 'convergence_silt_se40_theta_initial_re5.png'
set title 'Case silt_se40_theta_initial_re5: convergence of the best summed objective (median, quartiles shaded)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'best summed objective so far, Σψ [-]'
set logscale xy
set format y '10^{%L}'
unset arrow
unset label
set xrange [18.18181818:2919.4]
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set yrange [0.033473:2.26009]
set format y '%g'
set ytics ('0.05' 0.05, '0.1' 0.1, '0.2' 0.2, '0.5' 0.5, '1' 1, '2' 2)
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
ok(x) = (x > 0 && x < 1e+29) ? x : NaN
plot 'convergence_silt_se40_theta_initial_re5.csv' skip 1 using 1:(ok(column(3))):(ok(column(5))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(3))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(5))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(4))) with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm (5 runs)' noenhanced
unset logscale xy
set format y '% h'
set xtics autofreq
set ytics autofreq
unset label

# ---- case silt_se40_theta_finalp0.02: ECDF of the evaluations to target (ecdf_silt_se40_theta_finalp0.02.csv)
set output 'ecdf_silt_se40_theta_finalp0.02.png'
set title 'Case silt_se40_theta_finalp0.02: runs that reached the target (retention-curve RMSE <= 0.001)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'fraction of runs that reached the target'
set logscale x
unset logscale y
set format y '%g'
set xrange [17.39130435:3450]
set yrange [-0.02:1.02]
set ytics 0.1
unset arrow
unset label
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set arrow from 3000, graph 0 to 3000, graph 1 nohead dt 3 lw 1.5 lc rgb '#606060'
set label 'budget' at 3000, graph 1 center offset 0,0.7 tc rgb '#404040'
set label 'no run reached the target' at graph 0.5, graph 0.5 center tc rgb '#404040'
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
plot 'ecdf_silt_se40_theta_finalp0.02.csv' skip 1 using 1:2 with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm: 0/5 reached, ERT ∞' noenhanced
unset arrow
unset label
set ytics autofreq
set xtics autofreq

# ---- case silt_se40_theta_finalp0.02: convergence (convergence_silt_se40_theta_finalp0.02.csv)
set output 'convergence_silt_se40_theta_finalp0.02.png'
set title 'Case silt_se40_theta_finalp0.02: convergence of the best summed objective (median, quartiles shaded)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'best summed objective so far, Σψ [-]'
set logscale xy
set format y '10^{%L}'
unset arrow
unset label
set xrange [18.18181818:2729.1]
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set yrange [0.163532:3.00851]
set format y '%g'
set ytics ('0.2' 0.2, '0.5' 0.5, '1' 1, '2' 2)
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
ok(x) = (x > 0 && x < 1e+29) ? x : NaN
plot 'convergence_silt_se40_theta_finalp0.02.csv' skip 1 using 1:(ok(column(3))):(ok(column(5))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(3))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(5))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(4))) with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm (5 runs)' noenhanced
unset logscale xy
set format y '% h'
set xtics autofreq
set ytics autofreq
unset label

# ---- case silt_se40_theta_finalm0.02: ECDF of the evaluations to target (ecdf_silt_se40_theta_finalm0.02.csv)
set output 'ecdf_silt_se40_theta_finalm0.02.png'
set title 'Case silt_se40_theta_finalm0.02: runs that reached the target (retention-curve RMSE <= 0.001)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'fraction of runs that reached the target'
set logscale x
unset logscale y
set format y '%g'
set xrange [17.39130435:3450]
set yrange [-0.02:1.02]
set ytics 0.1
unset arrow
unset label
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set arrow from 3000, graph 0 to 3000, graph 1 nohead dt 3 lw 1.5 lc rgb '#606060'
set label 'budget' at 3000, graph 1 center offset 0,0.7 tc rgb '#404040'
set label 'no run reached the target' at graph 0.5, graph 0.5 center tc rgb '#404040'
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
plot 'ecdf_silt_se40_theta_finalm0.02.csv' skip 1 using 1:2 with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm: 0/5 reached, ERT ∞' noenhanced
unset arrow
unset label
set ytics autofreq
set xtics autofreq

# ---- case silt_se40_theta_finalm0.02: convergence (convergence_silt_se40_theta_finalm0.02.csv)
set output 'convergence_silt_se40_theta_finalm0.02.png'
set title 'Case silt_se40_theta_finalm0.02: convergence of the best summed objective (median, quartiles shaded)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'best summed objective so far, Σψ [-]'
set logscale xy
set format y '10^{%L}'
unset arrow
unset label
set xrange [18.18181818:2928.2]
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set yrange [0.144456:2.24131]
set format y '%g'
set ytics ('0.2' 0.2, '0.5' 0.5, '1' 1, '2' 2)
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
ok(x) = (x > 0 && x < 1e+29) ? x : NaN
plot 'convergence_silt_se40_theta_finalm0.02.csv' skip 1 using 1:(ok(column(3))):(ok(column(5))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(3))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(5))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(4))) with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm (5 runs)' noenhanced
unset logscale xy
set format y '% h'
set xtics autofreq
set ytics autofreq
unset label

# ---- case silt_se40_theta_final_re5: ECDF of the evaluations to target (ecdf_silt_se40_theta_final_re5.csv)
set output 'ecdf_silt_se40_theta_final_re5.png'
set title 'Case silt_se40_theta_final_re5: runs that reached the target (retention-curve RMSE <= 0.001)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'fraction of runs that reached the target'
set logscale x
unset logscale y
set format y '%g'
set xrange [511.7391304:3450]
set yrange [-0.02:1.02]
set ytics 0.1
unset arrow
unset label
set xtics ('1000' 1000, '2000' 2000)
set arrow from 3000, graph 0 to 3000, graph 1 nohead dt 3 lw 1.5 lc rgb '#606060'
set label 'budget' at 3000, graph 1 center offset 0,0.7 tc rgb '#404040'
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
plot 'ecdf_silt_se40_theta_final_re5.csv' skip 1 using 1:2 with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm: 5/5 reached, ERT 2391' noenhanced
unset arrow
unset label
set ytics autofreq
set xtics autofreq

# ---- case silt_se40_theta_final_re5: convergence (convergence_silt_se40_theta_final_re5.csv)
set output 'convergence_silt_se40_theta_final_re5.png'
set title 'Case silt_se40_theta_final_re5: convergence of the best summed objective (median, quartiles shaded)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'best summed objective so far, Σψ [-]'
set logscale xy
set format y '10^{%L}'
unset arrow
unset label
set xrange [18.18181818:2932.6]
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set yrange [0.0275447:2.29646]
set format y '%g'
set ytics ('0.05' 0.05, '0.1' 0.1, '0.2' 0.2, '0.5' 0.5, '1' 1, '2' 2)
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
ok(x) = (x > 0 && x < 1e+29) ? x : NaN
plot 'convergence_silt_se40_theta_final_re5.csv' skip 1 using 1:(ok(column(3))):(ok(column(5))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(3))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(5))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(4))) with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm (5 runs)' noenhanced
unset logscale xy
set format y '% h'
set xtics autofreq
set ytics autofreq
unset label

# ---- case silt_se40_Q_re2: ECDF of the evaluations to target (ecdf_silt_se40_Q_re2.csv)
set output 'ecdf_silt_se40_Q_re2.png'
set title 'Case silt_se40_Q_re2: runs that reached the target (retention-curve RMSE <= 0.001)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'fraction of runs that reached the target'
set logscale x
unset logscale y
set format y '%g'
set xrange [534.5652174:3450]
set yrange [-0.02:1.02]
set ytics 0.1
unset arrow
unset label
set xtics ('1000' 1000, '2000' 2000)
set arrow from 3000, graph 0 to 3000, graph 1 nohead dt 3 lw 1.5 lc rgb '#606060'
set label 'budget' at 3000, graph 1 center offset 0,0.7 tc rgb '#404040'
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
plot 'ecdf_silt_se40_Q_re2.csv' skip 1 using 1:2 with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm: 1/5 reached, ERT 12589' noenhanced
unset arrow
unset label
set ytics autofreq
set xtics autofreq

# ---- case silt_se40_Q_re2: convergence (convergence_silt_se40_Q_re2.csv)
set output 'convergence_silt_se40_Q_re2.png'
set title 'Case silt_se40_Q_re2: convergence of the best summed objective (median, quartiles shaded)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'best summed objective so far, Σψ [-]'
set logscale xy
set format y '10^{%L}'
unset arrow
unset label
set xrange [18.18181818:2941.4]
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set yrange [0.0126437:2.29447]
set ytics autofreq
set mytics 10
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
ok(x) = (x > 0 && x < 1e+29) ? x : NaN
plot 'convergence_silt_se40_Q_re2.csv' skip 1 using 1:(ok(column(3))):(ok(column(5))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(3))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(5))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(4))) with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm (5 runs)' noenhanced
unset logscale xy
set format y '% h'
set xtics autofreq
set ytics autofreq
unset label

# ---- case silt_se40_Q_re5: ECDF of the evaluations to target (ecdf_silt_se40_Q_re5.csv)
set output 'ecdf_silt_se40_Q_re5.png'
set title 'Case silt_se40_Q_re5: runs that reached the target (retention-curve RMSE <= 0.001)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'fraction of runs that reached the target'
set logscale x
unset logscale y
set format y '%g'
set xrange [17.39130435:3450]
set yrange [-0.02:1.02]
set ytics 0.1
unset arrow
unset label
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set arrow from 3000, graph 0 to 3000, graph 1 nohead dt 3 lw 1.5 lc rgb '#606060'
set label 'budget' at 3000, graph 1 center offset 0,0.7 tc rgb '#404040'
set label 'no run reached the target' at graph 0.5, graph 0.5 center tc rgb '#404040'
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
plot 'ecdf_silt_se40_Q_re5.csv' skip 1 using 1:2 with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm: 0/5 reached, ERT ∞' noenhanced
unset arrow
unset label
set ytics autofreq
set xtics autofreq

# ---- case silt_se40_Q_re5: convergence (convergence_silt_se40_Q_re5.csv)
set output 'convergence_silt_se40_Q_re5.png'
set title 'Case silt_se40_Q_re5: convergence of the best summed objective (median, quartiles shaded)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'best summed objective so far, Σψ [-]'
set logscale xy
set format y '10^{%L}'
unset arrow
unset label
set xrange [18.18181818:2915]
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set yrange [0.0317703:2.29092]
set format y '%g'
set ytics ('0.05' 0.05, '0.1' 0.1, '0.2' 0.2, '0.5' 0.5, '1' 1, '2' 2)
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
ok(x) = (x > 0 && x < 1e+29) ? x : NaN
plot 'convergence_silt_se40_Q_re5.csv' skip 1 using 1:(ok(column(3))):(ok(column(5))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(3))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(5))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(4))) with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm (5 runs)' noenhanced
unset logscale xy
set format y '% h'
set xtics autofreq
set ytics autofreq
unset label

# ---- case clay_se40_theta_initialp0.02: ECDF of the evaluations to target (ecdf_clay_se40_theta_initialp0.02.csv)
set output 'ecdf_clay_se40_theta_initialp0.02.png'
set title 'Case clay_se40_theta_initialp0.02: runs that reached the target (retention-curve RMSE <= 0.001)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'fraction of runs that reached the target'
set logscale x
unset logscale y
set format y '%g'
set xrange [17.39130435:3450]
set yrange [-0.02:1.02]
set ytics 0.1
unset arrow
unset label
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set arrow from 3000, graph 0 to 3000, graph 1 nohead dt 3 lw 1.5 lc rgb '#606060'
set label 'budget' at 3000, graph 1 center offset 0,0.7 tc rgb '#404040'
set label 'no run reached the target' at graph 0.5, graph 0.5 center tc rgb '#404040'
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
plot 'ecdf_clay_se40_theta_initialp0.02.csv' skip 1 using 1:2 with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm: 0/5 reached, ERT ∞' noenhanced
unset arrow
unset label
set ytics autofreq
set xtics autofreq

# ---- case clay_se40_theta_initialp0.02: convergence (convergence_clay_se40_theta_initialp0.02.csv)
set output 'convergence_clay_se40_theta_initialp0.02.png'
set title 'Case clay_se40_theta_initialp0.02: convergence of the best summed objective (median, quartiles shaded)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'best summed objective so far, Σψ [-]'
set logscale xy
set format y '10^{%L}'
unset arrow
unset label
set xrange [18.18181818:2945.8]
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set yrange [0.250481:5.82714]
set format y '%g'
set ytics ('0.5' 0.5, '1' 1, '2' 2, '5' 5)
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
ok(x) = (x > 0 && x < 1e+29) ? x : NaN
plot 'convergence_clay_se40_theta_initialp0.02.csv' skip 1 using 1:(ok(column(3))):(ok(column(5))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(3))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(5))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(4))) with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm (5 runs)' noenhanced
unset logscale xy
set format y '% h'
set xtics autofreq
set ytics autofreq
unset label

# ---- case clay_se40_theta_initialm0.02: ECDF of the evaluations to target (ecdf_clay_se40_theta_initialm0.02.csv)
set output 'ecdf_clay_se40_theta_initialm0.02.png'
set title 'Case clay_se40_theta_initialm0.02: runs that reached the target (retention-curve RMSE <= 0.001)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'fraction of runs that reached the target'
set logscale x
unset logscale y
set format y '%g'
set xrange [17.39130435:3450]
set yrange [-0.02:1.02]
set ytics 0.1
unset arrow
unset label
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set arrow from 3000, graph 0 to 3000, graph 1 nohead dt 3 lw 1.5 lc rgb '#606060'
set label 'budget' at 3000, graph 1 center offset 0,0.7 tc rgb '#404040'
set label 'no run reached the target' at graph 0.5, graph 0.5 center tc rgb '#404040'
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
plot 'ecdf_clay_se40_theta_initialm0.02.csv' skip 1 using 1:2 with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm: 0/5 reached, ERT ∞' noenhanced
unset arrow
unset label
set ytics autofreq
set xtics autofreq

# ---- case clay_se40_theta_initialm0.02: convergence (convergence_clay_se40_theta_initialm0.02.csv)
set output 'convergence_clay_se40_theta_initialm0.02.png'
set title 'Case clay_se40_theta_initialm0.02: convergence of the best summed objective (median, quartiles shaded)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'best summed objective so far, Σψ [-]'
set logscale xy
set format y '10^{%L}'
unset arrow
unset label
set xrange [18.18181818:2767.6]
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set yrange [0.247415:6.69004]
set format y '%g'
set ytics ('0.5' 0.5, '1' 1, '2' 2, '5' 5)
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
ok(x) = (x > 0 && x < 1e+29) ? x : NaN
plot 'convergence_clay_se40_theta_initialm0.02.csv' skip 1 using 1:(ok(column(3))):(ok(column(5))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(3))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(5))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(4))) with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm (5 runs)' noenhanced
unset logscale xy
set format y '% h'
set xtics autofreq
set ytics autofreq
unset label

# ---- case clay_se40_theta_initial_re5: ECDF of the evaluations to target (ecdf_clay_se40_theta_initial_re5.csv)
set output 'ecdf_clay_se40_theta_initial_re5.png'
set title 'Case clay_se40_theta_initial_re5: runs that reached the target (retention-curve RMSE <= 0.001)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'fraction of runs that reached the target'
set logscale x
unset logscale y
set format y '%g'
set xrange [363.2608696:3450]
set yrange [-0.02:1.02]
set ytics 0.1
unset arrow
unset label
set xtics ('500' 500, '1000' 1000, '2000' 2000)
set arrow from 3000, graph 0 to 3000, graph 1 nohead dt 3 lw 1.5 lc rgb '#606060'
set label 'budget' at 3000, graph 1 center offset 0,0.7 tc rgb '#404040'
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
plot 'ecdf_clay_se40_theta_initial_re5.csv' skip 1 using 1:2 with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm: 2/5 reached, ERT 5654' noenhanced
unset arrow
unset label
set ytics autofreq
set xtics autofreq

# ---- case clay_se40_theta_initial_re5: convergence (convergence_clay_se40_theta_initial_re5.csv)
set output 'convergence_clay_se40_theta_initial_re5.png'
set title 'Case clay_se40_theta_initial_re5: convergence of the best summed objective (median, quartiles shaded)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'best summed objective so far, Σψ [-]'
set logscale xy
set format y '10^{%L}'
unset arrow
unset label
set xrange [18.18181818:2736.8]
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set yrange [0.0700738:6.23671]
set format y '%g'
set ytics ('0.1' 0.1, '0.2' 0.2, '0.5' 0.5, '1' 1, '2' 2, '5' 5)
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
ok(x) = (x > 0 && x < 1e+29) ? x : NaN
plot 'convergence_clay_se40_theta_initial_re5.csv' skip 1 using 1:(ok(column(3))):(ok(column(5))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(3))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(5))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(4))) with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm (5 runs)' noenhanced
unset logscale xy
set format y '% h'
set xtics autofreq
set ytics autofreq
unset label

# ---- case clay_se40_theta_finalp0.02: ECDF of the evaluations to target (ecdf_clay_se40_theta_finalp0.02.csv)
set output 'ecdf_clay_se40_theta_finalp0.02.png'
set title 'Case clay_se40_theta_finalp0.02: runs that reached the target (retention-curve RMSE <= 0.001)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'fraction of runs that reached the target'
set logscale x
unset logscale y
set format y '%g'
set xrange [17.39130435:3450]
set yrange [-0.02:1.02]
set ytics 0.1
unset arrow
unset label
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set arrow from 3000, graph 0 to 3000, graph 1 nohead dt 3 lw 1.5 lc rgb '#606060'
set label 'budget' at 3000, graph 1 center offset 0,0.7 tc rgb '#404040'
set label 'no run reached the target' at graph 0.5, graph 0.5 center tc rgb '#404040'
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
plot 'ecdf_clay_se40_theta_finalp0.02.csv' skip 1 using 1:2 with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm: 0/5 reached, ERT ∞' noenhanced
unset arrow
unset label
set ytics autofreq
set xtics autofreq

# ---- case clay_se40_theta_finalp0.02: convergence (convergence_clay_se40_theta_finalp0.02.csv)
set output 'convergence_clay_se40_theta_finalp0.02.png'
set title 'Case clay_se40_theta_finalp0.02: convergence of the best summed objective (median, quartiles shaded)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'best summed objective so far, Σψ [-]'
set logscale xy
set format y '10^{%L}'
unset arrow
unset label
set xrange [18.18181818:2687.3]
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set yrange [0.248576:6.58673]
set format y '%g'
set ytics ('0.5' 0.5, '1' 1, '2' 2, '5' 5)
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
ok(x) = (x > 0 && x < 1e+29) ? x : NaN
plot 'convergence_clay_se40_theta_finalp0.02.csv' skip 1 using 1:(ok(column(3))):(ok(column(5))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(3))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(5))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(4))) with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm (5 runs)' noenhanced
unset logscale xy
set format y '% h'
set xtics autofreq
set ytics autofreq
unset label

# ---- case clay_se40_theta_finalm0.02: ECDF of the evaluations to target (ecdf_clay_se40_theta_finalm0.02.csv)
set output 'ecdf_clay_se40_theta_finalm0.02.png'
set title 'Case clay_se40_theta_finalm0.02: runs that reached the target (retention-curve RMSE <= 0.001)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'fraction of runs that reached the target'
set logscale x
unset logscale y
set format y '%g'
set xrange [17.39130435:3450]
set yrange [-0.02:1.02]
set ytics 0.1
unset arrow
unset label
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set arrow from 3000, graph 0 to 3000, graph 1 nohead dt 3 lw 1.5 lc rgb '#606060'
set label 'budget' at 3000, graph 1 center offset 0,0.7 tc rgb '#404040'
set label 'no run reached the target' at graph 0.5, graph 0.5 center tc rgb '#404040'
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
plot 'ecdf_clay_se40_theta_finalm0.02.csv' skip 1 using 1:2 with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm: 0/5 reached, ERT ∞' noenhanced
unset arrow
unset label
set ytics autofreq
set xtics autofreq

# ---- case clay_se40_theta_finalm0.02: convergence (convergence_clay_se40_theta_finalm0.02.csv)
set output 'convergence_clay_se40_theta_finalm0.02.png'
set title 'Case clay_se40_theta_finalm0.02: convergence of the best summed objective (median, quartiles shaded)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'best summed objective so far, Σψ [-]'
set logscale xy
set format y '10^{%L}'
unset arrow
unset label
set xrange [18.18181818:2670.8]
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set yrange [0.248214:5.85206]
set format y '%g'
set ytics ('0.5' 0.5, '1' 1, '2' 2, '5' 5)
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
ok(x) = (x > 0 && x < 1e+29) ? x : NaN
plot 'convergence_clay_se40_theta_finalm0.02.csv' skip 1 using 1:(ok(column(3))):(ok(column(5))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(3))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(5))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(4))) with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm (5 runs)' noenhanced
unset logscale xy
set format y '% h'
set xtics autofreq
set ytics autofreq
unset label

# ---- case clay_se40_theta_final_re5: ECDF of the evaluations to target (ecdf_clay_se40_theta_final_re5.csv)
set output 'ecdf_clay_se40_theta_final_re5.png'
set title 'Case clay_se40_theta_final_re5: runs that reached the target (retention-curve RMSE <= 0.001)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'fraction of runs that reached the target'
set logscale x
unset logscale y
set format y '%g'
set xrange [230.2173913:3450]
set yrange [-0.02:1.02]
set ytics 0.1
unset arrow
unset label
set xtics ('500' 500, '1000' 1000, '2000' 2000)
set arrow from 3000, graph 0 to 3000, graph 1 nohead dt 3 lw 1.5 lc rgb '#606060'
set label 'budget' at 3000, graph 1 center offset 0,0.7 tc rgb '#404040'
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
plot 'ecdf_clay_se40_theta_final_re5.csv' skip 1 using 1:2 with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm: 1/5 reached, ERT 10507' noenhanced
unset arrow
unset label
set ytics autofreq
set xtics autofreq

# ---- case clay_se40_theta_final_re5: convergence (convergence_clay_se40_theta_final_re5.csv)
set output 'convergence_clay_se40_theta_final_re5.png'
set title 'Case clay_se40_theta_final_re5: convergence of the best summed objective (median, quartiles shaded)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'best summed objective so far, Σψ [-]'
set logscale xy
set format y '10^{%L}'
unset arrow
unset label
set xrange [18.18181818:2732.4]
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set yrange [0.031871:6.10277]
set ytics autofreq
set mytics 10
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
ok(x) = (x > 0 && x < 1e+29) ? x : NaN
plot 'convergence_clay_se40_theta_final_re5.csv' skip 1 using 1:(ok(column(3))):(ok(column(5))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(3))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(5))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(4))) with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm (5 runs)' noenhanced
unset logscale xy
set format y '% h'
set xtics autofreq
set ytics autofreq
unset label

# ---- case clay_se40_Q_re2: ECDF of the evaluations to target (ecdf_clay_se40_Q_re2.csv)
set output 'ecdf_clay_se40_Q_re2.png'
set title 'Case clay_se40_Q_re2: runs that reached the target (retention-curve RMSE <= 0.001)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'fraction of runs that reached the target'
set logscale x
unset logscale y
set format y '%g'
set xrange [453.9130435:3450]
set yrange [-0.02:1.02]
set ytics 0.1
unset arrow
unset label
set xtics ('500' 500, '1000' 1000, '2000' 2000)
set arrow from 3000, graph 0 to 3000, graph 1 nohead dt 3 lw 1.5 lc rgb '#606060'
set label 'budget' at 3000, graph 1 center offset 0,0.7 tc rgb '#404040'
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
plot 'ecdf_clay_se40_Q_re2.csv' skip 1 using 1:2 with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm: 4/5 reached, ERT 2856' noenhanced
unset arrow
unset label
set ytics autofreq
set xtics autofreq

# ---- case clay_se40_Q_re2: convergence (convergence_clay_se40_Q_re2.csv)
set output 'convergence_clay_se40_Q_re2.png'
set title 'Case clay_se40_Q_re2: convergence of the best summed objective (median, quartiles shaded)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'best summed objective so far, Σψ [-]'
set logscale xy
set format y '10^{%L}'
unset arrow
unset label
set xrange [18.18181818:2787.4]
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set yrange [0.0124702:6.12237]
set ytics autofreq
set mytics 10
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
ok(x) = (x > 0 && x < 1e+29) ? x : NaN
plot 'convergence_clay_se40_Q_re2.csv' skip 1 using 1:(ok(column(3))):(ok(column(5))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(3))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(5))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(4))) with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm (5 runs)' noenhanced
unset logscale xy
set format y '% h'
set xtics autofreq
set ytics autofreq
unset label

# ---- case clay_se40_Q_re5: ECDF of the evaluations to target (ecdf_clay_se40_Q_re5.csv)
set output 'ecdf_clay_se40_Q_re5.png'
set title 'Case clay_se40_Q_re5: runs that reached the target (retention-curve RMSE <= 0.001)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'fraction of runs that reached the target'
set logscale x
unset logscale y
set format y '%g'
set xrange [501.3043478:3450]
set yrange [-0.02:1.02]
set ytics 0.1
unset arrow
unset label
set xtics ('1000' 1000, '2000' 2000)
set arrow from 3000, graph 0 to 3000, graph 1 nohead dt 3 lw 1.5 lc rgb '#606060'
set label 'budget' at 3000, graph 1 center offset 0,0.7 tc rgb '#404040'
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
plot 'ecdf_clay_se40_Q_re5.csv' skip 1 using 1:2 with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm: 4/5 reached, ERT 3002' noenhanced
unset arrow
unset label
set ytics autofreq
set xtics autofreq

# ---- case clay_se40_Q_re5: convergence (convergence_clay_se40_Q_re5.csv)
set output 'convergence_clay_se40_Q_re5.png'
set title 'Case clay_se40_Q_re5: convergence of the best summed objective (median, quartiles shaded)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'best summed objective so far, Σψ [-]'
set logscale xy
set format y '10^{%L}'
unset arrow
unset label
set xrange [18.18181818:2857.8]
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set yrange [0.0313416:6.11543]
set ytics autofreq
set mytics 10
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
ok(x) = (x > 0 && x < 1e+29) ? x : NaN
plot 'convergence_clay_se40_Q_re5.csv' skip 1 using 1:(ok(column(3))):(ok(column(5))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(3))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(5))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(4))) with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm (5 runs)' noenhanced
unset logscale xy
set format y '% h'
set xtics autofreq
set ytics autofreq
unset label

# ---- case sand_se40_theta_initialp0.02: ECDF of the evaluations to target (ecdf_sand_se40_theta_initialp0.02.csv)
set output 'ecdf_sand_se40_theta_initialp0.02.png'
set title 'Case sand_se40_theta_initialp0.02: runs that reached the target (retention-curve RMSE <= 0.001)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'fraction of runs that reached the target'
set logscale x
unset logscale y
set format y '%g'
set xrange [17.39130435:3450]
set yrange [-0.02:1.02]
set ytics 0.1
unset arrow
unset label
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set arrow from 3000, graph 0 to 3000, graph 1 nohead dt 3 lw 1.5 lc rgb '#606060'
set label 'budget' at 3000, graph 1 center offset 0,0.7 tc rgb '#404040'
set label 'no run reached the target' at graph 0.5, graph 0.5 center tc rgb '#404040'
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
plot 'ecdf_sand_se40_theta_initialp0.02.csv' skip 1 using 1:2 with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm: 0/5 reached, ERT ∞' noenhanced
unset arrow
unset label
set ytics autofreq
set xtics autofreq

# ---- case sand_se40_theta_initialp0.02: convergence (convergence_sand_se40_theta_initialp0.02.csv)
set output 'convergence_sand_se40_theta_initialp0.02.png'
set title 'Case sand_se40_theta_initialp0.02: convergence of the best summed objective (median, quartiles shaded)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'best summed objective so far, Σψ [-]'
set logscale xy
set format y '10^{%L}'
unset arrow
unset label
set xrange [18.18181818:2527.8]
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set yrange [0.251976:14.5317]
set format y '%g'
set ytics ('0.5' 0.5, '1' 1, '2' 2, '5' 5, '10' 10)
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
ok(x) = (x > 0 && x < 1e+29) ? x : NaN
plot 'convergence_sand_se40_theta_initialp0.02.csv' skip 1 using 1:(ok(column(3))):(ok(column(5))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(3))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(5))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(4))) with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm (5 runs)' noenhanced
unset logscale xy
set format y '% h'
set xtics autofreq
set ytics autofreq
unset label

# ---- case sand_se40_theta_initialm0.02: ECDF of the evaluations to target (ecdf_sand_se40_theta_initialm0.02.csv)
set output 'ecdf_sand_se40_theta_initialm0.02.png'
set title 'Case sand_se40_theta_initialm0.02: runs that reached the target (retention-curve RMSE <= 0.001)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'fraction of runs that reached the target'
set logscale x
unset logscale y
set format y '%g'
set xrange [17.39130435:3450]
set yrange [-0.02:1.02]
set ytics 0.1
unset arrow
unset label
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set arrow from 3000, graph 0 to 3000, graph 1 nohead dt 3 lw 1.5 lc rgb '#606060'
set label 'budget' at 3000, graph 1 center offset 0,0.7 tc rgb '#404040'
set label 'no run reached the target' at graph 0.5, graph 0.5 center tc rgb '#404040'
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
plot 'ecdf_sand_se40_theta_initialm0.02.csv' skip 1 using 1:2 with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm: 0/5 reached, ERT ∞' noenhanced
unset arrow
unset label
set ytics autofreq
set xtics autofreq

# ---- case sand_se40_theta_initialm0.02: convergence (convergence_sand_se40_theta_initialm0.02.csv)
set output 'convergence_sand_se40_theta_initialm0.02.png'
set title 'Case sand_se40_theta_initialm0.02: convergence of the best summed objective (median, quartiles shaded)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'best summed objective so far, Σψ [-]'
set logscale xy
set format y '10^{%L}'
unset arrow
unset label
set xrange [18.18181818:2635.6]
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set yrange [0.262873:14.7182]
set format y '%g'
set ytics ('0.5' 0.5, '1' 1, '2' 2, '5' 5, '10' 10)
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
ok(x) = (x > 0 && x < 1e+29) ? x : NaN
plot 'convergence_sand_se40_theta_initialm0.02.csv' skip 1 using 1:(ok(column(3))):(ok(column(5))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(3))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(5))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(4))) with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm (5 runs)' noenhanced
unset logscale xy
set format y '% h'
set xtics autofreq
set ytics autofreq
unset label

# ---- case sand_se40_theta_initial_re5: ECDF of the evaluations to target (ecdf_sand_se40_theta_initial_re5.csv)
set output 'ecdf_sand_se40_theta_initial_re5.png'
set title 'Case sand_se40_theta_initial_re5: runs that reached the target (retention-curve RMSE <= 0.001)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'fraction of runs that reached the target'
set logscale x
unset logscale y
set format y '%g'
set xrange [479.7826087:3450]
set yrange [-0.02:1.02]
set ytics 0.1
unset arrow
unset label
set xtics ('500' 500, '1000' 1000, '2000' 2000)
set arrow from 3000, graph 0 to 3000, graph 1 nohead dt 3 lw 1.5 lc rgb '#606060'
set label 'budget' at 3000, graph 1 center offset 0,0.7 tc rgb '#404040'
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
plot 'ecdf_sand_se40_theta_initial_re5.csv' skip 1 using 1:2 with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm: 1/5 reached, ERT 11646' noenhanced
unset arrow
unset label
set ytics autofreq
set xtics autofreq

# ---- case sand_se40_theta_initial_re5: convergence (convergence_sand_se40_theta_initial_re5.csv)
set output 'convergence_sand_se40_theta_initial_re5.png'
set title 'Case sand_se40_theta_initial_re5: convergence of the best summed objective (median, quartiles shaded)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'best summed objective so far, Σψ [-]'
set logscale xy
set format y '10^{%L}'
unset arrow
unset label
set xrange [18.18181818:2675.2]
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set yrange [0.0446375:14.6394]
set ytics autofreq
set mytics 10
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
ok(x) = (x > 0 && x < 1e+29) ? x : NaN
plot 'convergence_sand_se40_theta_initial_re5.csv' skip 1 using 1:(ok(column(3))):(ok(column(5))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(3))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(5))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(4))) with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm (5 runs)' noenhanced
unset logscale xy
set format y '% h'
set xtics autofreq
set ytics autofreq
unset label

# ---- case sand_se40_theta_finalp0.02: ECDF of the evaluations to target (ecdf_sand_se40_theta_finalp0.02.csv)
set output 'ecdf_sand_se40_theta_finalp0.02.png'
set title 'Case sand_se40_theta_finalp0.02: runs that reached the target (retention-curve RMSE <= 0.001)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'fraction of runs that reached the target'
set logscale x
unset logscale y
set format y '%g'
set xrange [17.39130435:3450]
set yrange [-0.02:1.02]
set ytics 0.1
unset arrow
unset label
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set arrow from 3000, graph 0 to 3000, graph 1 nohead dt 3 lw 1.5 lc rgb '#606060'
set label 'budget' at 3000, graph 1 center offset 0,0.7 tc rgb '#404040'
set label 'no run reached the target' at graph 0.5, graph 0.5 center tc rgb '#404040'
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
plot 'ecdf_sand_se40_theta_finalp0.02.csv' skip 1 using 1:2 with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm: 0/5 reached, ERT ∞' noenhanced
unset arrow
unset label
set ytics autofreq
set xtics autofreq

# ---- case sand_se40_theta_finalp0.02: convergence (convergence_sand_se40_theta_finalp0.02.csv)
set output 'convergence_sand_se40_theta_finalp0.02.png'
set title 'Case sand_se40_theta_finalp0.02: convergence of the best summed objective (median, quartiles shaded)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'best summed objective so far, Σψ [-]'
set logscale xy
set format y '10^{%L}'
unset arrow
unset label
set xrange [18.18181818:2756.6]
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set yrange [0.262932:17.5392]
set format y '%g'
set ytics ('0.5' 0.5, '1' 1, '2' 2, '5' 5, '10' 10)
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
ok(x) = (x > 0 && x < 1e+29) ? x : NaN
plot 'convergence_sand_se40_theta_finalp0.02.csv' skip 1 using 1:(ok(column(3))):(ok(column(5))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(3))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(5))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(4))) with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm (5 runs)' noenhanced
unset logscale xy
set format y '% h'
set xtics autofreq
set ytics autofreq
unset label

# ---- case sand_se40_theta_finalm0.02: ECDF of the evaluations to target (ecdf_sand_se40_theta_finalm0.02.csv)
set output 'ecdf_sand_se40_theta_finalm0.02.png'
set title 'Case sand_se40_theta_finalm0.02: runs that reached the target (retention-curve RMSE <= 0.001)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'fraction of runs that reached the target'
set logscale x
unset logscale y
set format y '%g'
set xrange [17.39130435:3450]
set yrange [-0.02:1.02]
set ytics 0.1
unset arrow
unset label
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set arrow from 3000, graph 0 to 3000, graph 1 nohead dt 3 lw 1.5 lc rgb '#606060'
set label 'budget' at 3000, graph 1 center offset 0,0.7 tc rgb '#404040'
set label 'no run reached the target' at graph 0.5, graph 0.5 center tc rgb '#404040'
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
plot 'ecdf_sand_se40_theta_finalm0.02.csv' skip 1 using 1:2 with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm: 0/5 reached, ERT ∞' noenhanced
unset arrow
unset label
set ytics autofreq
set xtics autofreq

# ---- case sand_se40_theta_finalm0.02: convergence (convergence_sand_se40_theta_finalm0.02.csv)
set output 'convergence_sand_se40_theta_finalm0.02.png'
set title 'Case sand_se40_theta_finalm0.02: convergence of the best summed objective (median, quartiles shaded)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'best summed objective so far, Σψ [-]'
set logscale xy
set format y '10^{%L}'
unset arrow
unset label
set xrange [18.18181818:2556.4]
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set yrange [0.252796:23.4672]
set format y '%g'
set ytics ('0.5' 0.5, '1' 1, '2' 2, '5' 5, '10' 10, '20' 20)
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
ok(x) = (x > 0 && x < 1e+29) ? x : NaN
plot 'convergence_sand_se40_theta_finalm0.02.csv' skip 1 using 1:(ok(column(3))):(ok(column(5))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(3))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(5))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(4))) with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm (5 runs)' noenhanced
unset logscale xy
set format y '% h'
set xtics autofreq
set ytics autofreq
unset label

# ---- case sand_se40_theta_final_re5: ECDF of the evaluations to target (ecdf_sand_se40_theta_final_re5.csv)
set output 'ecdf_sand_se40_theta_final_re5.png'
set title 'Case sand_se40_theta_final_re5: runs that reached the target (retention-curve RMSE <= 0.001)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'fraction of runs that reached the target'
set logscale x
unset logscale y
set format y '%g'
set xrange [344.7826087:3450]
set yrange [-0.02:1.02]
set ytics 0.1
unset arrow
unset label
set xtics ('500' 500, '1000' 1000, '2000' 2000)
set arrow from 3000, graph 0 to 3000, graph 1 nohead dt 3 lw 1.5 lc rgb '#606060'
set label 'budget' at 3000, graph 1 center offset 0,0.7 tc rgb '#404040'
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
plot 'ecdf_sand_se40_theta_final_re5.csv' skip 1 using 1:2 with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm: 4/5 reached, ERT 2346' noenhanced
unset arrow
unset label
set ytics autofreq
set xtics autofreq

# ---- case sand_se40_theta_final_re5: convergence (convergence_sand_se40_theta_final_re5.csv)
set output 'convergence_sand_se40_theta_final_re5.png'
set title 'Case sand_se40_theta_final_re5: convergence of the best summed objective (median, quartiles shaded)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'best summed objective so far, Σψ [-]'
set logscale xy
set format y '10^{%L}'
unset arrow
unset label
set xrange [18.18181818:2521.2]
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set yrange [0.0287579:23.6009]
set ytics autofreq
set mytics 10
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
ok(x) = (x > 0 && x < 1e+29) ? x : NaN
plot 'convergence_sand_se40_theta_final_re5.csv' skip 1 using 1:(ok(column(3))):(ok(column(5))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(3))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(5))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(4))) with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm (5 runs)' noenhanced
unset logscale xy
set format y '% h'
set xtics autofreq
set ytics autofreq
unset label

# ---- case sand_se40_Q_re2: ECDF of the evaluations to target (ecdf_sand_se40_Q_re2.csv)
set output 'ecdf_sand_se40_Q_re2.png'
set title 'Case sand_se40_Q_re2: runs that reached the target (retention-curve RMSE <= 0.001)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'fraction of runs that reached the target'
set logscale x
unset logscale y
set format y '%g'
set xrange [400:3450]
set yrange [-0.02:1.02]
set ytics 0.1
unset arrow
unset label
set xtics ('500' 500, '1000' 1000, '2000' 2000)
set arrow from 3000, graph 0 to 3000, graph 1 nohead dt 3 lw 1.5 lc rgb '#606060'
set label 'budget' at 3000, graph 1 center offset 0,0.7 tc rgb '#404040'
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
plot 'ecdf_sand_se40_Q_re2.csv' skip 1 using 1:2 with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm: 5/5 reached, ERT 2042' noenhanced
unset arrow
unset label
set ytics autofreq
set xtics autofreq

# ---- case sand_se40_Q_re2: convergence (convergence_sand_se40_Q_re2.csv)
set output 'convergence_sand_se40_Q_re2.png'
set title 'Case sand_se40_Q_re2: convergence of the best summed objective (median, quartiles shaded)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'best summed objective so far, Σψ [-]'
set logscale xy
set format y '10^{%L}'
unset arrow
unset label
set xrange [18.18181818:2673]
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set yrange [0.0121281:23.6028]
set ytics autofreq
set mytics 10
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
ok(x) = (x > 0 && x < 1e+29) ? x : NaN
plot 'convergence_sand_se40_Q_re2.csv' skip 1 using 1:(ok(column(3))):(ok(column(5))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(3))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(5))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(4))) with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm (5 runs)' noenhanced
unset logscale xy
set format y '% h'
set xtics autofreq
set ytics autofreq
unset label

# ---- case sand_se40_Q_re5: ECDF of the evaluations to target (ecdf_sand_se40_Q_re5.csv)
set output 'ecdf_sand_se40_Q_re5.png'
set title 'Case sand_se40_Q_re5: runs that reached the target (retention-curve RMSE <= 0.001)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'fraction of runs that reached the target'
set logscale x
unset logscale y
set format y '%g'
set xrange [422.6086957:3450]
set yrange [-0.02:1.02]
set ytics 0.1
unset arrow
unset label
set xtics ('500' 500, '1000' 1000, '2000' 2000)
set arrow from 3000, graph 0 to 3000, graph 1 nohead dt 3 lw 1.5 lc rgb '#606060'
set label 'budget' at 3000, graph 1 center offset 0,0.7 tc rgb '#404040'
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
plot 'ecdf_sand_se40_Q_re5.csv' skip 1 using 1:2 with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm: 5/5 reached, ERT 2175' noenhanced
unset arrow
unset label
set ytics autofreq
set xtics autofreq

# ---- case sand_se40_Q_re5: convergence (convergence_sand_se40_Q_re5.csv)
set output 'convergence_sand_se40_Q_re5.png'
set title 'Case sand_se40_Q_re5: convergence of the best summed objective (median, quartiles shaded)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'best summed objective so far, Σψ [-]'
set logscale xy
set format y '10^{%L}'
unset arrow
unset label
set xrange [18.18181818:2659.8]
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set yrange [0.030213:23.5968]
set ytics autofreq
set mytics 10
set terminal pngcairo size 900,604 enhanced font 'sans,11'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 6
ok(x) = (x > 0 && x < 1e+29) ? x : NaN
plot 'convergence_sand_se40_Q_re5.csv' skip 1 using 1:(ok(column(3))):(ok(column(5))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(3))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(5))) with steps lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(4))) with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'shade_2step_lm (5 runs)' noenhanced
unset logscale xy
set format y '% h'
set xtics autofreq
set ytics autofreq
unset label
unset output
