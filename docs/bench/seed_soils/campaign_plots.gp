# written by shpfit; re-run with: gnuplot <this file> (from its directory)
set encoding utf8
set terminal pngcairo size 900,650 enhanced font 'sans,11'
set datafile separator ','
set key outside right top box
set grid lw 0.5 lc rgb '#c8c8c8'

# ---- case sand: ECDF of the evaluations to target (ecdf_sand.csv)
set output 'ecdf_sand.png'
set title 'Case sand: runs that reached the target (sum of the objectives <= 0.001)' noenhanced
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
set label 'budget' at 3000, graph 0.97 right offset -0.5,0 tc rgb '#404040'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 15
plot 'ecdf_sand.csv' skip 1 using 1:4 with steps lw 2.5 dt 1 lc rgb '#009e73' title 'de_rand1bin: 3/3 reached, ERT 1.45e+03' noenhanced, \
     '' skip 1 using 1:8 with steps lw 2.5 dt 1 lc rgb '#000000' title 'shade: 3/3 reached, ERT 1.57e+03' noenhanced, \
     '' skip 1 using 1:5 with steps lw 2.5 dt 1 lc rgb '#cc79a7' title 'jde: 3/3 reached, ERT 1.76e+03' noenhanced, \
     '' skip 1 using 1:7 with steps lw 2.5 dt 1 lc rgb '#56b4e9' title 'ga: 0/3 reached, ERT inf' noenhanced, \
     '' skip 1 using 1:6 with steps lw 2.5 dt 1 lc rgb '#e69f00' title 'pso: 0/3 reached, ERT inf' noenhanced, \
     '' skip 1 using 1:3 with steps lw 2.5 dt 1 lc rgb '#d55e00' title 'pso_vega: 0/3 reached, ERT inf' noenhanced, \
     '' skip 1 using 1:2 with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'vega: 0/3 reached, ERT inf' noenhanced
unset arrow
unset label
set ytics autofreq
set xtics autofreq

# ---- case sand: convergence (convergence_sand.csv)
set output 'convergence_sand.png'
set title 'Case sand: convergence of the best summed objective (median, quartiles shaded)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'best summed objective so far, Σψ [-]'
set logscale xy
set format y '10^{%L}'
unset arrow
unset label
set xrange [18.18181818:3300]
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set yrange [0.0001:100]
set ytics autofreq
set mytics 10
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 2
set bmargin 10
ok(x) = (x > 0 && x < 1e+29) ? x : NaN
plot 'convergence_sand.csv' skip 1 using 1:(ok(column(11))):(ok(column(13))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#009e73' notitle, \
     '' skip 1 using 1:(ok(column(11))) with lines lw 1 dt 1 lc rgb '#009e73' notitle, \
     '' skip 1 using 1:(ok(column(13))) with lines lw 1 dt 1 lc rgb '#009e73' notitle, \
     '' skip 1 using 1:(ok(column(12))) with lines lw 2.5 dt 1 lc rgb '#009e73' title 'de_rand1bin (3 runs)' noenhanced, \
     '' skip 1 using 1:(ok(column(27))):(ok(column(29))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#000000' notitle, \
     '' skip 1 using 1:(ok(column(27))) with lines lw 1 dt 1 lc rgb '#000000' notitle, \
     '' skip 1 using 1:(ok(column(29))) with lines lw 1 dt 1 lc rgb '#000000' notitle, \
     '' skip 1 using 1:(ok(column(28))) with lines lw 2.5 dt 1 lc rgb '#000000' title 'shade (3 runs)' noenhanced, \
     '' skip 1 using 1:(ok(column(15))):(ok(column(17))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#cc79a7' notitle, \
     '' skip 1 using 1:(ok(column(15))) with lines lw 1 dt 1 lc rgb '#cc79a7' notitle, \
     '' skip 1 using 1:(ok(column(17))) with lines lw 1 dt 1 lc rgb '#cc79a7' notitle, \
     '' skip 1 using 1:(ok(column(16))) with lines lw 2.5 dt 1 lc rgb '#cc79a7' title 'jde (3 runs)' noenhanced, \
     '' skip 1 using 1:(ok(column(23))):(ok(column(25))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#56b4e9' notitle, \
     '' skip 1 using 1:(ok(column(23))) with lines lw 1 dt 1 lc rgb '#56b4e9' notitle, \
     '' skip 1 using 1:(ok(column(25))) with lines lw 1 dt 1 lc rgb '#56b4e9' notitle, \
     '' skip 1 using 1:(ok(column(24))) with lines lw 2.5 dt 1 lc rgb '#56b4e9' title 'ga (3 runs)' noenhanced, \
     '' skip 1 using 1:(ok(column(19))):(ok(column(21))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#e69f00' notitle, \
     '' skip 1 using 1:(ok(column(19))) with lines lw 1 dt 1 lc rgb '#e69f00' notitle, \
     '' skip 1 using 1:(ok(column(21))) with lines lw 1 dt 1 lc rgb '#e69f00' notitle, \
     '' skip 1 using 1:(ok(column(20))) with lines lw 2.5 dt 1 lc rgb '#e69f00' title 'pso (3 runs)' noenhanced, \
     '' skip 1 using 1:(ok(column(7))):(ok(column(9))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#d55e00' notitle, \
     '' skip 1 using 1:(ok(column(7))) with lines lw 1 dt 1 lc rgb '#d55e00' notitle, \
     '' skip 1 using 1:(ok(column(9))) with lines lw 1 dt 1 lc rgb '#d55e00' notitle, \
     '' skip 1 using 1:(ok(column(8))) with lines lw 2.5 dt 1 lc rgb '#d55e00' title 'pso_vega (3 runs)' noenhanced, \
     '' skip 1 using 1:(ok(column(3))):(ok(column(5))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(3))) with lines lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(5))) with lines lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(4))) with lines lw 2.5 dt 1 lc rgb '#0072b2' title 'vega (3 runs)' noenhanced
unset logscale xy
set format y '% h'
set xtics autofreq
set ytics autofreq
unset label

# ---- case loam: ECDF of the evaluations to target (ecdf_loam.csv)
set output 'ecdf_loam.png'
set title 'Case loam: runs that reached the target (sum of the objectives <= 0.001)' noenhanced
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
set label 'budget' at 3000, graph 0.97 right offset -0.5,0 tc rgb '#404040'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 15
plot 'ecdf_loam.csv' skip 1 using 1:7 with steps lw 2.5 dt 1 lc rgb '#56b4e9' title 'shade: 2/3 reached, ERT 3.87e+03' noenhanced, \
     '' skip 1 using 1:6 with steps lw 2.5 dt 1 lc rgb '#e69f00' title 'de_rand1bin: 1/3 reached, ERT 7.78e+03' noenhanced, \
     '' skip 1 using 1:8 with steps lw 2.5 dt 1 lc rgb '#000000' title 'jde: 1/3 reached, ERT 8.24e+03' noenhanced, \
     '' skip 1 using 1:4 with steps lw 2.5 dt 1 lc rgb '#009e73' title 'pso: 0/3 reached, ERT inf' noenhanced, \
     '' skip 1 using 1:2 with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'vega: 0/3 reached, ERT inf' noenhanced, \
     '' skip 1 using 1:3 with steps lw 2.5 dt 1 lc rgb '#d55e00' title 'pso_vega: 0/3 reached, ERT inf' noenhanced, \
     '' skip 1 using 1:5 with steps lw 2.5 dt 1 lc rgb '#cc79a7' title 'ga: 0/3 reached, ERT inf' noenhanced
unset arrow
unset label
set ytics autofreq
set xtics autofreq

# ---- case loam: convergence (convergence_loam.csv)
set output 'convergence_loam.png'
set title 'Case loam: convergence of the best summed objective (median, quartiles shaded)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'best summed objective so far, Σψ [-]'
set logscale xy
set format y '10^{%L}'
unset arrow
unset label
set xrange [18.18181818:3300]
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set yrange [0.0001:10]
set ytics autofreq
set mytics 10
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 2
set bmargin 10
ok(x) = (x > 0 && x < 1e+29) ? x : NaN
plot 'convergence_loam.csv' skip 1 using 1:(ok(column(23))):(ok(column(25))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#56b4e9' notitle, \
     '' skip 1 using 1:(ok(column(23))) with lines lw 1 dt 1 lc rgb '#56b4e9' notitle, \
     '' skip 1 using 1:(ok(column(25))) with lines lw 1 dt 1 lc rgb '#56b4e9' notitle, \
     '' skip 1 using 1:(ok(column(24))) with lines lw 2.5 dt 1 lc rgb '#56b4e9' title 'shade (3 runs)' noenhanced, \
     '' skip 1 using 1:(ok(column(19))):(ok(column(21))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#e69f00' notitle, \
     '' skip 1 using 1:(ok(column(19))) with lines lw 1 dt 1 lc rgb '#e69f00' notitle, \
     '' skip 1 using 1:(ok(column(21))) with lines lw 1 dt 1 lc rgb '#e69f00' notitle, \
     '' skip 1 using 1:(ok(column(20))) with lines lw 2.5 dt 1 lc rgb '#e69f00' title 'de_rand1bin (3 runs)' noenhanced, \
     '' skip 1 using 1:(ok(column(27))):(ok(column(29))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#000000' notitle, \
     '' skip 1 using 1:(ok(column(27))) with lines lw 1 dt 1 lc rgb '#000000' notitle, \
     '' skip 1 using 1:(ok(column(29))) with lines lw 1 dt 1 lc rgb '#000000' notitle, \
     '' skip 1 using 1:(ok(column(28))) with lines lw 2.5 dt 1 lc rgb '#000000' title 'jde (3 runs)' noenhanced, \
     '' skip 1 using 1:(ok(column(11))):(ok(column(13))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#009e73' notitle, \
     '' skip 1 using 1:(ok(column(11))) with lines lw 1 dt 1 lc rgb '#009e73' notitle, \
     '' skip 1 using 1:(ok(column(13))) with lines lw 1 dt 1 lc rgb '#009e73' notitle, \
     '' skip 1 using 1:(ok(column(12))) with lines lw 2.5 dt 1 lc rgb '#009e73' title 'pso (3 runs)' noenhanced, \
     '' skip 1 using 1:(ok(column(3))):(ok(column(5))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(3))) with lines lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(5))) with lines lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(4))) with lines lw 2.5 dt 1 lc rgb '#0072b2' title 'vega (3 runs)' noenhanced, \
     '' skip 1 using 1:(ok(column(7))):(ok(column(9))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#d55e00' notitle, \
     '' skip 1 using 1:(ok(column(7))) with lines lw 1 dt 1 lc rgb '#d55e00' notitle, \
     '' skip 1 using 1:(ok(column(9))) with lines lw 1 dt 1 lc rgb '#d55e00' notitle, \
     '' skip 1 using 1:(ok(column(8))) with lines lw 2.5 dt 1 lc rgb '#d55e00' title 'pso_vega (3 runs)' noenhanced, \
     '' skip 1 using 1:(ok(column(15))):(ok(column(17))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#cc79a7' notitle, \
     '' skip 1 using 1:(ok(column(15))) with lines lw 1 dt 1 lc rgb '#cc79a7' notitle, \
     '' skip 1 using 1:(ok(column(17))) with lines lw 1 dt 1 lc rgb '#cc79a7' notitle, \
     '' skip 1 using 1:(ok(column(16))) with lines lw 2.5 dt 1 lc rgb '#cc79a7' title 'ga (3 runs)' noenhanced
unset logscale xy
set format y '% h'
set xtics autofreq
set ytics autofreq
unset label

# ---- case silt: ECDF of the evaluations to target (ecdf_silt.csv)
set output 'ecdf_silt.png'
set title 'Case silt: runs that reached the target (sum of the objectives <= 0.001)' noenhanced
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
set label 'budget' at 3000, graph 0.97 right offset -0.5,0 tc rgb '#404040'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 15
plot 'ecdf_silt.csv' skip 1 using 1:6 with steps lw 2.5 dt 1 lc rgb '#e69f00' title 'shade: 1/3 reached, ERT 8.55e+03' noenhanced, \
     '' skip 1 using 1:7 with steps lw 2.5 dt 1 lc rgb '#56b4e9' title 'jde: 1/3 reached, ERT 8.88e+03' noenhanced, \
     '' skip 1 using 1:4 with steps lw 2.5 dt 1 lc rgb '#009e73' title 'pso: 0/3 reached, ERT inf' noenhanced, \
     '' skip 1 using 1:8 with steps lw 2.5 dt 1 lc rgb '#000000' title 'de_rand1bin: 0/3 reached, ERT inf' noenhanced, \
     '' skip 1 using 1:5 with steps lw 2.5 dt 1 lc rgb '#cc79a7' title 'ga: 0/3 reached, ERT inf' noenhanced, \
     '' skip 1 using 1:3 with steps lw 2.5 dt 1 lc rgb '#d55e00' title 'pso_vega: 0/3 reached, ERT inf' noenhanced, \
     '' skip 1 using 1:2 with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'vega: 0/3 reached, ERT inf' noenhanced
unset arrow
unset label
set ytics autofreq
set xtics autofreq

# ---- case silt: convergence (convergence_silt.csv)
set output 'convergence_silt.png'
set title 'Case silt: convergence of the best summed objective (median, quartiles shaded)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'best summed objective so far, Σψ [-]'
set logscale xy
set format y '10^{%L}'
unset arrow
unset label
set xrange [18.18181818:3300]
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set yrange [0.0001:10]
set ytics autofreq
set mytics 10
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 2
set bmargin 10
ok(x) = (x > 0 && x < 1e+29) ? x : NaN
plot 'convergence_silt.csv' skip 1 using 1:(ok(column(19))):(ok(column(21))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#e69f00' notitle, \
     '' skip 1 using 1:(ok(column(19))) with lines lw 1 dt 1 lc rgb '#e69f00' notitle, \
     '' skip 1 using 1:(ok(column(21))) with lines lw 1 dt 1 lc rgb '#e69f00' notitle, \
     '' skip 1 using 1:(ok(column(20))) with lines lw 2.5 dt 1 lc rgb '#e69f00' title 'shade (3 runs)' noenhanced, \
     '' skip 1 using 1:(ok(column(23))):(ok(column(25))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#56b4e9' notitle, \
     '' skip 1 using 1:(ok(column(23))) with lines lw 1 dt 1 lc rgb '#56b4e9' notitle, \
     '' skip 1 using 1:(ok(column(25))) with lines lw 1 dt 1 lc rgb '#56b4e9' notitle, \
     '' skip 1 using 1:(ok(column(24))) with lines lw 2.5 dt 1 lc rgb '#56b4e9' title 'jde (3 runs)' noenhanced, \
     '' skip 1 using 1:(ok(column(11))):(ok(column(13))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#009e73' notitle, \
     '' skip 1 using 1:(ok(column(11))) with lines lw 1 dt 1 lc rgb '#009e73' notitle, \
     '' skip 1 using 1:(ok(column(13))) with lines lw 1 dt 1 lc rgb '#009e73' notitle, \
     '' skip 1 using 1:(ok(column(12))) with lines lw 2.5 dt 1 lc rgb '#009e73' title 'pso (3 runs)' noenhanced, \
     '' skip 1 using 1:(ok(column(27))):(ok(column(29))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#000000' notitle, \
     '' skip 1 using 1:(ok(column(27))) with lines lw 1 dt 1 lc rgb '#000000' notitle, \
     '' skip 1 using 1:(ok(column(29))) with lines lw 1 dt 1 lc rgb '#000000' notitle, \
     '' skip 1 using 1:(ok(column(28))) with lines lw 2.5 dt 1 lc rgb '#000000' title 'de_rand1bin (3 runs)' noenhanced, \
     '' skip 1 using 1:(ok(column(15))):(ok(column(17))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#cc79a7' notitle, \
     '' skip 1 using 1:(ok(column(15))) with lines lw 1 dt 1 lc rgb '#cc79a7' notitle, \
     '' skip 1 using 1:(ok(column(17))) with lines lw 1 dt 1 lc rgb '#cc79a7' notitle, \
     '' skip 1 using 1:(ok(column(16))) with lines lw 2.5 dt 1 lc rgb '#cc79a7' title 'ga (3 runs)' noenhanced, \
     '' skip 1 using 1:(ok(column(7))):(ok(column(9))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#d55e00' notitle, \
     '' skip 1 using 1:(ok(column(7))) with lines lw 1 dt 1 lc rgb '#d55e00' notitle, \
     '' skip 1 using 1:(ok(column(9))) with lines lw 1 dt 1 lc rgb '#d55e00' notitle, \
     '' skip 1 using 1:(ok(column(8))) with lines lw 2.5 dt 1 lc rgb '#d55e00' title 'pso_vega (3 runs)' noenhanced, \
     '' skip 1 using 1:(ok(column(3))):(ok(column(5))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(3))) with lines lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(5))) with lines lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(4))) with lines lw 2.5 dt 1 lc rgb '#0072b2' title 'vega (3 runs)' noenhanced
unset logscale xy
set format y '% h'
set xtics autofreq
set ytics autofreq
unset label

# ---- case clay: ECDF of the evaluations to target (ecdf_clay.csv)
set output 'ecdf_clay.png'
set title 'Case clay: runs that reached the target (sum of the objectives <= 0.001)' noenhanced
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
set label 'budget' at 3000, graph 0.97 right offset -0.5,0 tc rgb '#404040'
set label 'no run reached the target' at graph 0.5, graph 0.5 center tc rgb '#404040'
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 1
set bmargin 15
plot 'ecdf_clay.csv' skip 1 using 1:8 with steps lw 2.5 dt 1 lc rgb '#000000' title 'shade: 0/3 reached, ERT inf' noenhanced, \
     '' skip 1 using 1:7 with steps lw 2.5 dt 1 lc rgb '#56b4e9' title 'jde: 0/3 reached, ERT inf' noenhanced, \
     '' skip 1 using 1:4 with steps lw 2.5 dt 1 lc rgb '#009e73' title 'pso: 0/3 reached, ERT inf' noenhanced, \
     '' skip 1 using 1:6 with steps lw 2.5 dt 1 lc rgb '#e69f00' title 'de_rand1bin: 0/3 reached, ERT inf' noenhanced, \
     '' skip 1 using 1:2 with steps lw 2.5 dt 1 lc rgb '#0072b2' title 'vega: 0/3 reached, ERT inf' noenhanced, \
     '' skip 1 using 1:3 with steps lw 2.5 dt 1 lc rgb '#d55e00' title 'pso_vega: 0/3 reached, ERT inf' noenhanced, \
     '' skip 1 using 1:5 with steps lw 2.5 dt 1 lc rgb '#cc79a7' title 'ga: 0/3 reached, ERT inf' noenhanced
unset arrow
unset label
set ytics autofreq
set xtics autofreq

# ---- case clay: convergence (convergence_clay.csv)
set output 'convergence_clay.png'
set title 'Case clay: convergence of the best summed objective (median, quartiles shaded)' noenhanced
set xlabel 'evaluations (columns run), log scale'
set ylabel 'best summed objective so far, Σψ [-]'
set logscale xy
set format y '10^{%L}'
unset arrow
unset label
set xrange [18.18181818:3300]
set xtics ('20' 20, '50' 50, '100' 100, '200' 200, '500' 500, '1000' 1000, '2000' 2000)
set yrange [0.001:10]
set ytics autofreq
set mytics 10
set key below left Left reverse box height 1 spacing 1.15 horizontal maxcols 2
set bmargin 10
ok(x) = (x > 0 && x < 1e+29) ? x : NaN
plot 'convergence_clay.csv' skip 1 using 1:(ok(column(27))):(ok(column(29))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#000000' notitle, \
     '' skip 1 using 1:(ok(column(27))) with lines lw 1 dt 1 lc rgb '#000000' notitle, \
     '' skip 1 using 1:(ok(column(29))) with lines lw 1 dt 1 lc rgb '#000000' notitle, \
     '' skip 1 using 1:(ok(column(28))) with lines lw 2.5 dt 1 lc rgb '#000000' title 'shade (3 runs)' noenhanced, \
     '' skip 1 using 1:(ok(column(23))):(ok(column(25))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#56b4e9' notitle, \
     '' skip 1 using 1:(ok(column(23))) with lines lw 1 dt 1 lc rgb '#56b4e9' notitle, \
     '' skip 1 using 1:(ok(column(25))) with lines lw 1 dt 1 lc rgb '#56b4e9' notitle, \
     '' skip 1 using 1:(ok(column(24))) with lines lw 2.5 dt 1 lc rgb '#56b4e9' title 'jde (3 runs)' noenhanced, \
     '' skip 1 using 1:(ok(column(11))):(ok(column(13))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#009e73' notitle, \
     '' skip 1 using 1:(ok(column(11))) with lines lw 1 dt 1 lc rgb '#009e73' notitle, \
     '' skip 1 using 1:(ok(column(13))) with lines lw 1 dt 1 lc rgb '#009e73' notitle, \
     '' skip 1 using 1:(ok(column(12))) with lines lw 2.5 dt 1 lc rgb '#009e73' title 'pso (3 runs)' noenhanced, \
     '' skip 1 using 1:(ok(column(19))):(ok(column(21))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#e69f00' notitle, \
     '' skip 1 using 1:(ok(column(19))) with lines lw 1 dt 1 lc rgb '#e69f00' notitle, \
     '' skip 1 using 1:(ok(column(21))) with lines lw 1 dt 1 lc rgb '#e69f00' notitle, \
     '' skip 1 using 1:(ok(column(20))) with lines lw 2.5 dt 1 lc rgb '#e69f00' title 'de_rand1bin (3 runs)' noenhanced, \
     '' skip 1 using 1:(ok(column(3))):(ok(column(5))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(3))) with lines lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(5))) with lines lw 1 dt 1 lc rgb '#0072b2' notitle, \
     '' skip 1 using 1:(ok(column(4))) with lines lw 2.5 dt 1 lc rgb '#0072b2' title 'vega (3 runs)' noenhanced, \
     '' skip 1 using 1:(ok(column(7))):(ok(column(9))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#d55e00' notitle, \
     '' skip 1 using 1:(ok(column(7))) with lines lw 1 dt 1 lc rgb '#d55e00' notitle, \
     '' skip 1 using 1:(ok(column(9))) with lines lw 1 dt 1 lc rgb '#d55e00' notitle, \
     '' skip 1 using 1:(ok(column(8))) with lines lw 2.5 dt 1 lc rgb '#d55e00' title 'pso_vega (3 runs)' noenhanced, \
     '' skip 1 using 1:(ok(column(15))):(ok(column(17))) with filledcurves fs transparent solid 0.18 noborder lc rgb '#cc79a7' notitle, \
     '' skip 1 using 1:(ok(column(15))) with lines lw 1 dt 1 lc rgb '#cc79a7' notitle, \
     '' skip 1 using 1:(ok(column(17))) with lines lw 1 dt 1 lc rgb '#cc79a7' notitle, \
     '' skip 1 using 1:(ok(column(16))) with lines lw 2.5 dt 1 lc rgb '#cc79a7' title 'ga (3 runs)' noenhanced
unset logscale xy
set format y '% h'
set xtics autofreq
set ytics autofreq
unset label
unset output
