# written by shpfit; re-run with: gnuplot <this file> (from its directory)
set encoding utf8
set terminal pngcairo size 900,650 enhanced font 'sans,11'
set datafile separator ','
set key outside right top box
set grid lw 0.5 lc rgb '#c8c8c8'

# ---- figure7_pso_vega_2step.png
set terminal pngcairo size 1600,860 enhanced font 'sans,10'
set output 'figure7_pso_vega_2step.png'
set multiplot layout 2,4 title 'Figure 7 analogue: PSO-VEGA two-step (seed 002): GA on theta_final keeps theta_s, then PSO-VEGA on v and Q' noenhanced
set logscale x
unset logscale y
set format x '10^{%T}'
set format y '%g'
set xlabel '|h| [cm]'
set ylabel 'θ [cm^3/cm^3]'
unset key
set title '(a1) sand: h(θ)' noenhanced
plot 'figure7_pso_vega_2step.csv' skip 1 using (strcol(1) eq 'sand' ? $2 : 1/0):3 with lines lw 2.5 lc rgb '#000000' title 'true', \
     '' skip 1 using (strcol(1) eq 'sand' ? $2 : 1/0):5 with linespoints dt 2 lw 1.5 pi 6 pt 6 ps 1.1 lc rgb '#0072b2' title 'Se 20 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'sand' ? $2 : 1/0):7 with linespoints dt 2 lw 1.5 pi 6 pt 8 ps 1.1 lc rgb '#d55e00' title 'Se 40 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'sand' ? $2 : 1/0):9 with linespoints dt 2 lw 1.5 pi 6 pt 4 ps 1.1 lc rgb '#009e73' title 'Se 60 %' noenhanced
unset key
set title '(b1) loam: h(θ)' noenhanced
plot 'figure7_pso_vega_2step.csv' skip 1 using (strcol(1) eq 'loam' ? $2 : 1/0):3 with lines lw 2.5 lc rgb '#000000' title 'true', \
     '' skip 1 using (strcol(1) eq 'loam' ? $2 : 1/0):5 with linespoints dt 2 lw 1.5 pi 6 pt 6 ps 1.1 lc rgb '#0072b2' title 'Se 20 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'loam' ? $2 : 1/0):7 with linespoints dt 2 lw 1.5 pi 6 pt 8 ps 1.1 lc rgb '#d55e00' title 'Se 40 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'loam' ? $2 : 1/0):9 with linespoints dt 2 lw 1.5 pi 6 pt 4 ps 1.1 lc rgb '#009e73' title 'Se 60 %' noenhanced
unset key
set title '(c1) silt: h(θ)' noenhanced
plot 'figure7_pso_vega_2step.csv' skip 1 using (strcol(1) eq 'silt' ? $2 : 1/0):3 with lines lw 2.5 lc rgb '#000000' title 'true', \
     '' skip 1 using (strcol(1) eq 'silt' ? $2 : 1/0):5 with linespoints dt 2 lw 1.5 pi 6 pt 6 ps 1.1 lc rgb '#0072b2' title 'Se 20 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'silt' ? $2 : 1/0):7 with linespoints dt 2 lw 1.5 pi 6 pt 8 ps 1.1 lc rgb '#d55e00' title 'Se 40 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'silt' ? $2 : 1/0):9 with linespoints dt 2 lw 1.5 pi 6 pt 4 ps 1.1 lc rgb '#009e73' title 'Se 60 %' noenhanced
set key inside left bottom box opaque font ',8'
set title '(d1) clay: h(θ)' noenhanced
plot 'figure7_pso_vega_2step.csv' skip 1 using (strcol(1) eq 'clay' ? $2 : 1/0):3 with lines lw 2.5 lc rgb '#000000' title 'true', \
     '' skip 1 using (strcol(1) eq 'clay' ? $2 : 1/0):5 with linespoints dt 2 lw 1.5 pi 6 pt 6 ps 1.1 lc rgb '#0072b2' title 'Se 20 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'clay' ? $2 : 1/0):7 with linespoints dt 2 lw 1.5 pi 6 pt 8 ps 1.1 lc rgb '#d55e00' title 'Se 40 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'clay' ? $2 : 1/0):9 with linespoints dt 2 lw 1.5 pi 6 pt 4 ps 1.1 lc rgb '#009e73' title 'Se 60 %' noenhanced
unset logscale x
set logscale y
set format x '%g'
set format y '10^{%T}'
set xlabel 'θ [cm^3/cm^3]'
set ylabel 'K [cm/min]'
unset key
set title '(a2) sand: K(θ)' noenhanced
plot 'figure7_pso_vega_2step.csv' skip 1 using (strcol(1) eq 'sand' && $2 <= 10000 ? $3 : 1/0):4 with lines lw 2.5 lc rgb '#000000' title 'true', \
     '' skip 1 using (strcol(1) eq 'sand' && $2 <= 10000 ? $5 : 1/0):6 with linespoints dt 2 lw 1.5 pi 6 pt 6 ps 1.1 lc rgb '#0072b2' title 'Se 20 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'sand' && $2 <= 10000 ? $7 : 1/0):8 with linespoints dt 2 lw 1.5 pi 6 pt 8 ps 1.1 lc rgb '#d55e00' title 'Se 40 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'sand' && $2 <= 10000 ? $9 : 1/0):10 with linespoints dt 2 lw 1.5 pi 6 pt 4 ps 1.1 lc rgb '#009e73' title 'Se 60 %' noenhanced
unset key
set title '(b2) loam: K(θ)' noenhanced
plot 'figure7_pso_vega_2step.csv' skip 1 using (strcol(1) eq 'loam' && $2 <= 10000 ? $3 : 1/0):4 with lines lw 2.5 lc rgb '#000000' title 'true', \
     '' skip 1 using (strcol(1) eq 'loam' && $2 <= 10000 ? $5 : 1/0):6 with linespoints dt 2 lw 1.5 pi 6 pt 6 ps 1.1 lc rgb '#0072b2' title 'Se 20 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'loam' && $2 <= 10000 ? $7 : 1/0):8 with linespoints dt 2 lw 1.5 pi 6 pt 8 ps 1.1 lc rgb '#d55e00' title 'Se 40 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'loam' && $2 <= 10000 ? $9 : 1/0):10 with linespoints dt 2 lw 1.5 pi 6 pt 4 ps 1.1 lc rgb '#009e73' title 'Se 60 %' noenhanced
unset key
set title '(c2) silt: K(θ)' noenhanced
plot 'figure7_pso_vega_2step.csv' skip 1 using (strcol(1) eq 'silt' && $2 <= 10000 ? $3 : 1/0):4 with lines lw 2.5 lc rgb '#000000' title 'true', \
     '' skip 1 using (strcol(1) eq 'silt' && $2 <= 10000 ? $5 : 1/0):6 with linespoints dt 2 lw 1.5 pi 6 pt 6 ps 1.1 lc rgb '#0072b2' title 'Se 20 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'silt' && $2 <= 10000 ? $7 : 1/0):8 with linespoints dt 2 lw 1.5 pi 6 pt 8 ps 1.1 lc rgb '#d55e00' title 'Se 40 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'silt' && $2 <= 10000 ? $9 : 1/0):10 with linespoints dt 2 lw 1.5 pi 6 pt 4 ps 1.1 lc rgb '#009e73' title 'Se 60 %' noenhanced
set key inside left top box opaque font ',8'
set title '(d2) clay: K(θ)' noenhanced
plot 'figure7_pso_vega_2step.csv' skip 1 using (strcol(1) eq 'clay' && $2 <= 10000 ? $3 : 1/0):4 with lines lw 2.5 lc rgb '#000000' title 'true', \
     '' skip 1 using (strcol(1) eq 'clay' && $2 <= 10000 ? $5 : 1/0):6 with linespoints dt 2 lw 1.5 pi 6 pt 6 ps 1.1 lc rgb '#0072b2' title 'Se 20 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'clay' && $2 <= 10000 ? $7 : 1/0):8 with linespoints dt 2 lw 1.5 pi 6 pt 8 ps 1.1 lc rgb '#d55e00' title 'Se 40 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'clay' && $2 <= 10000 ? $9 : 1/0):10 with linespoints dt 2 lw 1.5 pi 6 pt 4 ps 1.1 lc rgb '#009e73' title 'Se 60 %' noenhanced
unset multiplot
unset logscale
set format x '%g'
set format y '%g'
set key default

# ---- figure7_shade_lm.png
set terminal pngcairo size 1600,860 enhanced font 'sans,10'
set output 'figure7_shade_lm.png'
set multiplot layout 2,4 title 'Figure 7 analogue: SHADE on the single combined objective (sum of psi), then a Levenberg-Marquardt polish' noenhanced
set logscale x
unset logscale y
set format x '10^{%T}'
set format y '%g'
set xlabel '|h| [cm]'
set ylabel 'θ [cm^3/cm^3]'
unset key
set title '(a1) sand: h(θ)' noenhanced
plot 'figure7_shade_lm.csv' skip 1 using (strcol(1) eq 'sand' ? $2 : 1/0):3 with lines lw 2.5 lc rgb '#000000' title 'true', \
     '' skip 1 using (strcol(1) eq 'sand' ? $2 : 1/0):5 with linespoints dt 2 lw 1.5 pi 6 pt 6 ps 1.1 lc rgb '#0072b2' title 'Se 20 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'sand' ? $2 : 1/0):7 with linespoints dt 2 lw 1.5 pi 6 pt 8 ps 1.1 lc rgb '#d55e00' title 'Se 40 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'sand' ? $2 : 1/0):9 with linespoints dt 2 lw 1.5 pi 6 pt 4 ps 1.1 lc rgb '#009e73' title 'Se 60 %' noenhanced
unset key
set title '(b1) loam: h(θ)' noenhanced
plot 'figure7_shade_lm.csv' skip 1 using (strcol(1) eq 'loam' ? $2 : 1/0):3 with lines lw 2.5 lc rgb '#000000' title 'true', \
     '' skip 1 using (strcol(1) eq 'loam' ? $2 : 1/0):5 with linespoints dt 2 lw 1.5 pi 6 pt 6 ps 1.1 lc rgb '#0072b2' title 'Se 20 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'loam' ? $2 : 1/0):7 with linespoints dt 2 lw 1.5 pi 6 pt 8 ps 1.1 lc rgb '#d55e00' title 'Se 40 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'loam' ? $2 : 1/0):9 with linespoints dt 2 lw 1.5 pi 6 pt 4 ps 1.1 lc rgb '#009e73' title 'Se 60 %' noenhanced
unset key
set title '(c1) silt: h(θ)' noenhanced
plot 'figure7_shade_lm.csv' skip 1 using (strcol(1) eq 'silt' ? $2 : 1/0):3 with lines lw 2.5 lc rgb '#000000' title 'true', \
     '' skip 1 using (strcol(1) eq 'silt' ? $2 : 1/0):5 with linespoints dt 2 lw 1.5 pi 6 pt 6 ps 1.1 lc rgb '#0072b2' title 'Se 20 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'silt' ? $2 : 1/0):7 with linespoints dt 2 lw 1.5 pi 6 pt 8 ps 1.1 lc rgb '#d55e00' title 'Se 40 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'silt' ? $2 : 1/0):9 with linespoints dt 2 lw 1.5 pi 6 pt 4 ps 1.1 lc rgb '#009e73' title 'Se 60 %' noenhanced
set key inside left bottom box opaque font ',8'
set title '(d1) clay: h(θ)' noenhanced
plot 'figure7_shade_lm.csv' skip 1 using (strcol(1) eq 'clay' ? $2 : 1/0):3 with lines lw 2.5 lc rgb '#000000' title 'true', \
     '' skip 1 using (strcol(1) eq 'clay' ? $2 : 1/0):5 with linespoints dt 2 lw 1.5 pi 6 pt 6 ps 1.1 lc rgb '#0072b2' title 'Se 20 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'clay' ? $2 : 1/0):7 with linespoints dt 2 lw 1.5 pi 6 pt 8 ps 1.1 lc rgb '#d55e00' title 'Se 40 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'clay' ? $2 : 1/0):9 with linespoints dt 2 lw 1.5 pi 6 pt 4 ps 1.1 lc rgb '#009e73' title 'Se 60 %' noenhanced
unset logscale x
set logscale y
set format x '%g'
set format y '10^{%T}'
set xlabel 'θ [cm^3/cm^3]'
set ylabel 'K [cm/min]'
unset key
set title '(a2) sand: K(θ)' noenhanced
plot 'figure7_shade_lm.csv' skip 1 using (strcol(1) eq 'sand' && $2 <= 10000 ? $3 : 1/0):4 with lines lw 2.5 lc rgb '#000000' title 'true', \
     '' skip 1 using (strcol(1) eq 'sand' && $2 <= 10000 ? $5 : 1/0):6 with linespoints dt 2 lw 1.5 pi 6 pt 6 ps 1.1 lc rgb '#0072b2' title 'Se 20 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'sand' && $2 <= 10000 ? $7 : 1/0):8 with linespoints dt 2 lw 1.5 pi 6 pt 8 ps 1.1 lc rgb '#d55e00' title 'Se 40 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'sand' && $2 <= 10000 ? $9 : 1/0):10 with linespoints dt 2 lw 1.5 pi 6 pt 4 ps 1.1 lc rgb '#009e73' title 'Se 60 %' noenhanced
unset key
set title '(b2) loam: K(θ)' noenhanced
plot 'figure7_shade_lm.csv' skip 1 using (strcol(1) eq 'loam' && $2 <= 10000 ? $3 : 1/0):4 with lines lw 2.5 lc rgb '#000000' title 'true', \
     '' skip 1 using (strcol(1) eq 'loam' && $2 <= 10000 ? $5 : 1/0):6 with linespoints dt 2 lw 1.5 pi 6 pt 6 ps 1.1 lc rgb '#0072b2' title 'Se 20 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'loam' && $2 <= 10000 ? $7 : 1/0):8 with linespoints dt 2 lw 1.5 pi 6 pt 8 ps 1.1 lc rgb '#d55e00' title 'Se 40 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'loam' && $2 <= 10000 ? $9 : 1/0):10 with linespoints dt 2 lw 1.5 pi 6 pt 4 ps 1.1 lc rgb '#009e73' title 'Se 60 %' noenhanced
unset key
set title '(c2) silt: K(θ)' noenhanced
plot 'figure7_shade_lm.csv' skip 1 using (strcol(1) eq 'silt' && $2 <= 10000 ? $3 : 1/0):4 with lines lw 2.5 lc rgb '#000000' title 'true', \
     '' skip 1 using (strcol(1) eq 'silt' && $2 <= 10000 ? $5 : 1/0):6 with linespoints dt 2 lw 1.5 pi 6 pt 6 ps 1.1 lc rgb '#0072b2' title 'Se 20 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'silt' && $2 <= 10000 ? $7 : 1/0):8 with linespoints dt 2 lw 1.5 pi 6 pt 8 ps 1.1 lc rgb '#d55e00' title 'Se 40 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'silt' && $2 <= 10000 ? $9 : 1/0):10 with linespoints dt 2 lw 1.5 pi 6 pt 4 ps 1.1 lc rgb '#009e73' title 'Se 60 %' noenhanced
set key inside left top box opaque font ',8'
set title '(d2) clay: K(θ)' noenhanced
plot 'figure7_shade_lm.csv' skip 1 using (strcol(1) eq 'clay' && $2 <= 10000 ? $3 : 1/0):4 with lines lw 2.5 lc rgb '#000000' title 'true', \
     '' skip 1 using (strcol(1) eq 'clay' && $2 <= 10000 ? $5 : 1/0):6 with linespoints dt 2 lw 1.5 pi 6 pt 6 ps 1.1 lc rgb '#0072b2' title 'Se 20 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'clay' && $2 <= 10000 ? $7 : 1/0):8 with linespoints dt 2 lw 1.5 pi 6 pt 8 ps 1.1 lc rgb '#d55e00' title 'Se 40 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'clay' && $2 <= 10000 ? $9 : 1/0):10 with linespoints dt 2 lw 1.5 pi 6 pt 4 ps 1.1 lc rgb '#009e73' title 'Se 60 %' noenhanced
unset multiplot
unset logscale
set format x '%g'
set format y '%g'
set key default

# ---- figure7_shade_2step_lm.png
set terminal pngcairo size 1600,860 enhanced font 'sans,10'
set output 'figure7_shade_2step_lm.png'
set multiplot layout 2,4 title 'Figure 7 analogue: shpfit: the seed two-step procedure with SHADE in both steps, each step ending with a Levenberg-Marquardt polish' noenhanced
set logscale x
unset logscale y
set format x '10^{%T}'
set format y '%g'
set xlabel '|h| [cm]'
set ylabel 'θ [cm^3/cm^3]'
unset key
set title '(a1) sand: h(θ)' noenhanced
plot 'figure7_shade_2step_lm.csv' skip 1 using (strcol(1) eq 'sand' ? $2 : 1/0):3 with lines lw 2.5 lc rgb '#000000' title 'true', \
     '' skip 1 using (strcol(1) eq 'sand' ? $2 : 1/0):5 with linespoints dt 2 lw 1.5 pi 6 pt 6 ps 1.1 lc rgb '#0072b2' title 'Se 20 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'sand' ? $2 : 1/0):7 with linespoints dt 2 lw 1.5 pi 6 pt 8 ps 1.1 lc rgb '#d55e00' title 'Se 40 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'sand' ? $2 : 1/0):9 with linespoints dt 2 lw 1.5 pi 6 pt 4 ps 1.1 lc rgb '#009e73' title 'Se 60 %' noenhanced
unset key
set title '(b1) loam: h(θ)' noenhanced
plot 'figure7_shade_2step_lm.csv' skip 1 using (strcol(1) eq 'loam' ? $2 : 1/0):3 with lines lw 2.5 lc rgb '#000000' title 'true', \
     '' skip 1 using (strcol(1) eq 'loam' ? $2 : 1/0):5 with linespoints dt 2 lw 1.5 pi 6 pt 6 ps 1.1 lc rgb '#0072b2' title 'Se 20 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'loam' ? $2 : 1/0):7 with linespoints dt 2 lw 1.5 pi 6 pt 8 ps 1.1 lc rgb '#d55e00' title 'Se 40 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'loam' ? $2 : 1/0):9 with linespoints dt 2 lw 1.5 pi 6 pt 4 ps 1.1 lc rgb '#009e73' title 'Se 60 %' noenhanced
unset key
set title '(c1) silt: h(θ)' noenhanced
plot 'figure7_shade_2step_lm.csv' skip 1 using (strcol(1) eq 'silt' ? $2 : 1/0):3 with lines lw 2.5 lc rgb '#000000' title 'true', \
     '' skip 1 using (strcol(1) eq 'silt' ? $2 : 1/0):5 with linespoints dt 2 lw 1.5 pi 6 pt 6 ps 1.1 lc rgb '#0072b2' title 'Se 20 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'silt' ? $2 : 1/0):7 with linespoints dt 2 lw 1.5 pi 6 pt 8 ps 1.1 lc rgb '#d55e00' title 'Se 40 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'silt' ? $2 : 1/0):9 with linespoints dt 2 lw 1.5 pi 6 pt 4 ps 1.1 lc rgb '#009e73' title 'Se 60 %' noenhanced
set key inside left bottom box opaque font ',8'
set title '(d1) clay: h(θ)' noenhanced
plot 'figure7_shade_2step_lm.csv' skip 1 using (strcol(1) eq 'clay' ? $2 : 1/0):3 with lines lw 2.5 lc rgb '#000000' title 'true', \
     '' skip 1 using (strcol(1) eq 'clay' ? $2 : 1/0):5 with linespoints dt 2 lw 1.5 pi 6 pt 6 ps 1.1 lc rgb '#0072b2' title 'Se 20 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'clay' ? $2 : 1/0):7 with linespoints dt 2 lw 1.5 pi 6 pt 8 ps 1.1 lc rgb '#d55e00' title 'Se 40 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'clay' ? $2 : 1/0):9 with linespoints dt 2 lw 1.5 pi 6 pt 4 ps 1.1 lc rgb '#009e73' title 'Se 60 %' noenhanced
unset logscale x
set logscale y
set format x '%g'
set format y '10^{%T}'
set xlabel 'θ [cm^3/cm^3]'
set ylabel 'K [cm/min]'
unset key
set title '(a2) sand: K(θ)' noenhanced
plot 'figure7_shade_2step_lm.csv' skip 1 using (strcol(1) eq 'sand' && $2 <= 10000 ? $3 : 1/0):4 with lines lw 2.5 lc rgb '#000000' title 'true', \
     '' skip 1 using (strcol(1) eq 'sand' && $2 <= 10000 ? $5 : 1/0):6 with linespoints dt 2 lw 1.5 pi 6 pt 6 ps 1.1 lc rgb '#0072b2' title 'Se 20 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'sand' && $2 <= 10000 ? $7 : 1/0):8 with linespoints dt 2 lw 1.5 pi 6 pt 8 ps 1.1 lc rgb '#d55e00' title 'Se 40 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'sand' && $2 <= 10000 ? $9 : 1/0):10 with linespoints dt 2 lw 1.5 pi 6 pt 4 ps 1.1 lc rgb '#009e73' title 'Se 60 %' noenhanced
unset key
set title '(b2) loam: K(θ)' noenhanced
plot 'figure7_shade_2step_lm.csv' skip 1 using (strcol(1) eq 'loam' && $2 <= 10000 ? $3 : 1/0):4 with lines lw 2.5 lc rgb '#000000' title 'true', \
     '' skip 1 using (strcol(1) eq 'loam' && $2 <= 10000 ? $5 : 1/0):6 with linespoints dt 2 lw 1.5 pi 6 pt 6 ps 1.1 lc rgb '#0072b2' title 'Se 20 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'loam' && $2 <= 10000 ? $7 : 1/0):8 with linespoints dt 2 lw 1.5 pi 6 pt 8 ps 1.1 lc rgb '#d55e00' title 'Se 40 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'loam' && $2 <= 10000 ? $9 : 1/0):10 with linespoints dt 2 lw 1.5 pi 6 pt 4 ps 1.1 lc rgb '#009e73' title 'Se 60 %' noenhanced
unset key
set title '(c2) silt: K(θ)' noenhanced
plot 'figure7_shade_2step_lm.csv' skip 1 using (strcol(1) eq 'silt' && $2 <= 10000 ? $3 : 1/0):4 with lines lw 2.5 lc rgb '#000000' title 'true', \
     '' skip 1 using (strcol(1) eq 'silt' && $2 <= 10000 ? $5 : 1/0):6 with linespoints dt 2 lw 1.5 pi 6 pt 6 ps 1.1 lc rgb '#0072b2' title 'Se 20 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'silt' && $2 <= 10000 ? $7 : 1/0):8 with linespoints dt 2 lw 1.5 pi 6 pt 8 ps 1.1 lc rgb '#d55e00' title 'Se 40 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'silt' && $2 <= 10000 ? $9 : 1/0):10 with linespoints dt 2 lw 1.5 pi 6 pt 4 ps 1.1 lc rgb '#009e73' title 'Se 60 %' noenhanced
set key inside left top box opaque font ',8'
set title '(d2) clay: K(θ)' noenhanced
plot 'figure7_shade_2step_lm.csv' skip 1 using (strcol(1) eq 'clay' && $2 <= 10000 ? $3 : 1/0):4 with lines lw 2.5 lc rgb '#000000' title 'true', \
     '' skip 1 using (strcol(1) eq 'clay' && $2 <= 10000 ? $5 : 1/0):6 with linespoints dt 2 lw 1.5 pi 6 pt 6 ps 1.1 lc rgb '#0072b2' title 'Se 20 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'clay' && $2 <= 10000 ? $7 : 1/0):8 with linespoints dt 2 lw 1.5 pi 6 pt 8 ps 1.1 lc rgb '#d55e00' title 'Se 40 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'clay' && $2 <= 10000 ? $9 : 1/0):10 with linespoints dt 2 lw 1.5 pi 6 pt 4 ps 1.1 lc rgb '#009e73' title 'Se 60 %' noenhanced
unset multiplot
unset logscale
set format x '%g'
set format y '%g'
set key default

# ---- figure7_shade_lm_6000.png
set terminal pngcairo size 1600,860 enhanced font 'sans,10'
set output 'figure7_shade_lm_6000.png'
set multiplot layout 2,4 title 'Figure 7 analogue: The combined objective with four times the SHADE budget (6000 evaluations), then the polish: run on the clay only, whose 1500-evaluation runs often end in a false basin' noenhanced
set logscale x
unset logscale y
set format x '10^{%T}'
set format y '%g'
set xlabel '|h| [cm]'
set ylabel 'θ [cm^3/cm^3]'
unset key
set title '(a1) sand: h(θ)' noenhanced
plot 'figure7_shade_lm_6000.csv' skip 1 using (strcol(1) eq 'sand' ? $2 : 1/0):3 with lines lw 2.5 lc rgb '#000000' title 'true'
unset key
set title '(b1) loam: h(θ)' noenhanced
plot 'figure7_shade_lm_6000.csv' skip 1 using (strcol(1) eq 'loam' ? $2 : 1/0):3 with lines lw 2.5 lc rgb '#000000' title 'true'
unset key
set title '(c1) silt: h(θ)' noenhanced
plot 'figure7_shade_lm_6000.csv' skip 1 using (strcol(1) eq 'silt' ? $2 : 1/0):3 with lines lw 2.5 lc rgb '#000000' title 'true'
set key inside left bottom box opaque font ',8'
set title '(d1) clay: h(θ)' noenhanced
plot 'figure7_shade_lm_6000.csv' skip 1 using (strcol(1) eq 'clay' ? $2 : 1/0):3 with lines lw 2.5 lc rgb '#000000' title 'true', \
     '' skip 1 using (strcol(1) eq 'clay' ? $2 : 1/0):5 with linespoints dt 2 lw 1.5 pi 6 pt 6 ps 1.1 lc rgb '#0072b2' title 'Se 20 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'clay' ? $2 : 1/0):7 with linespoints dt 2 lw 1.5 pi 6 pt 8 ps 1.1 lc rgb '#d55e00' title 'Se 40 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'clay' ? $2 : 1/0):9 with linespoints dt 2 lw 1.5 pi 6 pt 4 ps 1.1 lc rgb '#009e73' title 'Se 60 %' noenhanced
unset logscale x
set logscale y
set format x '%g'
set format y '10^{%T}'
set xlabel 'θ [cm^3/cm^3]'
set ylabel 'K [cm/min]'
unset key
set title '(a2) sand: K(θ)' noenhanced
plot 'figure7_shade_lm_6000.csv' skip 1 using (strcol(1) eq 'sand' && $2 <= 10000 ? $3 : 1/0):4 with lines lw 2.5 lc rgb '#000000' title 'true'
unset key
set title '(b2) loam: K(θ)' noenhanced
plot 'figure7_shade_lm_6000.csv' skip 1 using (strcol(1) eq 'loam' && $2 <= 10000 ? $3 : 1/0):4 with lines lw 2.5 lc rgb '#000000' title 'true'
unset key
set title '(c2) silt: K(θ)' noenhanced
plot 'figure7_shade_lm_6000.csv' skip 1 using (strcol(1) eq 'silt' && $2 <= 10000 ? $3 : 1/0):4 with lines lw 2.5 lc rgb '#000000' title 'true'
set key inside left top box opaque font ',8'
set title '(d2) clay: K(θ)' noenhanced
plot 'figure7_shade_lm_6000.csv' skip 1 using (strcol(1) eq 'clay' && $2 <= 10000 ? $3 : 1/0):4 with lines lw 2.5 lc rgb '#000000' title 'true', \
     '' skip 1 using (strcol(1) eq 'clay' && $2 <= 10000 ? $5 : 1/0):6 with linespoints dt 2 lw 1.5 pi 6 pt 6 ps 1.1 lc rgb '#0072b2' title 'Se 20 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'clay' && $2 <= 10000 ? $7 : 1/0):8 with linespoints dt 2 lw 1.5 pi 6 pt 8 ps 1.1 lc rgb '#d55e00' title 'Se 40 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'clay' && $2 <= 10000 ? $9 : 1/0):10 with linespoints dt 2 lw 1.5 pi 6 pt 4 ps 1.1 lc rgb '#009e73' title 'Se 60 %' noenhanced
unset multiplot
unset logscale
set format x '%g'
set format y '%g'
set key default

# ---- errors_shade_2step_lm.png
set terminal pngcairo size 1600,860 enhanced font 'sans,10'
set output 'errors_shade_2step_lm.png'
set multiplot layout 2,4 title 'Figures 8–10 analogue (measurement errors): shpfit: the seed two-step procedure with SHADE in both steps, each step ending with a Levenberg-Marquardt polish' noenhanced
set logscale x
unset logscale y
set format x '10^{%T}'
set format y '%g'
set xlabel '|h| [cm]'
set ylabel 'θ [cm^3/cm^3]'
unset key
set title '(a1) sand: h(θ)' noenhanced
plot 'errors_shade_2step_lm.csv' skip 1 using (strcol(1) eq 'sand' ? $2 : 1/0):3 with lines lw 2.5 lc rgb '#000000' title 'true', \
     '' skip 1 using (strcol(1) eq 'sand' ? $2 : 1/0):5 with linespoints dt 2 lw 1.5 pi 6 pt 6 ps 1.1 lc rgb '#0072b2' title 'θ_initial: random 5 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'sand' ? $2 : 1/0):7 with linespoints dt 2 lw 1.5 pi 6 pt 8 ps 1.1 lc rgb '#d55e00' title 'θ_initial +0.02' noenhanced, \
     '' skip 1 using (strcol(1) eq 'sand' ? $2 : 1/0):9 with linespoints dt 2 lw 1.5 pi 6 pt 4 ps 1.1 lc rgb '#009e73' title 'θ_initial −0.02' noenhanced, \
     '' skip 1 using (strcol(1) eq 'sand' ? $2 : 1/0):11 with linespoints dt 2 lw 1.5 pi 6 pt 12 ps 1.1 lc rgb '#cc79a7' title 'θ_final: random 5 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'sand' ? $2 : 1/0):13 with linespoints dt 2 lw 1.5 pi 6 pt 10 ps 1.1 lc rgb '#e69f00' title 'θ_final +0.02' noenhanced, \
     '' skip 1 using (strcol(1) eq 'sand' ? $2 : 1/0):15 with linespoints dt 2 lw 1.5 pi 6 pt 14 ps 1.1 lc rgb '#56b4e9' title 'θ_final −0.02' noenhanced, \
     '' skip 1 using (strcol(1) eq 'sand' ? $2 : 1/0):17 with linespoints dt 2 lw 1.5 pi 6 pt 2 ps 1.1 lc rgb '#999933' title 'Q: random 2 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'sand' ? $2 : 1/0):19 with linespoints dt 2 lw 1.5 pi 6 pt 1 ps 1.1 lc rgb '#882255' title 'Q: random 5 %' noenhanced
unset key
set title '(b1) loam: h(θ)' noenhanced
plot 'errors_shade_2step_lm.csv' skip 1 using (strcol(1) eq 'loam' ? $2 : 1/0):3 with lines lw 2.5 lc rgb '#000000' title 'true', \
     '' skip 1 using (strcol(1) eq 'loam' ? $2 : 1/0):5 with linespoints dt 2 lw 1.5 pi 6 pt 6 ps 1.1 lc rgb '#0072b2' title 'θ_initial: random 5 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'loam' ? $2 : 1/0):7 with linespoints dt 2 lw 1.5 pi 6 pt 8 ps 1.1 lc rgb '#d55e00' title 'θ_initial +0.02' noenhanced, \
     '' skip 1 using (strcol(1) eq 'loam' ? $2 : 1/0):9 with linespoints dt 2 lw 1.5 pi 6 pt 4 ps 1.1 lc rgb '#009e73' title 'θ_initial −0.02' noenhanced, \
     '' skip 1 using (strcol(1) eq 'loam' ? $2 : 1/0):11 with linespoints dt 2 lw 1.5 pi 6 pt 12 ps 1.1 lc rgb '#cc79a7' title 'θ_final: random 5 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'loam' ? $2 : 1/0):13 with linespoints dt 2 lw 1.5 pi 6 pt 10 ps 1.1 lc rgb '#e69f00' title 'θ_final +0.02' noenhanced, \
     '' skip 1 using (strcol(1) eq 'loam' ? $2 : 1/0):15 with linespoints dt 2 lw 1.5 pi 6 pt 14 ps 1.1 lc rgb '#56b4e9' title 'θ_final −0.02' noenhanced, \
     '' skip 1 using (strcol(1) eq 'loam' ? $2 : 1/0):17 with linespoints dt 2 lw 1.5 pi 6 pt 2 ps 1.1 lc rgb '#999933' title 'Q: random 2 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'loam' ? $2 : 1/0):19 with linespoints dt 2 lw 1.5 pi 6 pt 1 ps 1.1 lc rgb '#882255' title 'Q: random 5 %' noenhanced
unset key
set title '(c1) silt: h(θ)' noenhanced
plot 'errors_shade_2step_lm.csv' skip 1 using (strcol(1) eq 'silt' ? $2 : 1/0):3 with lines lw 2.5 lc rgb '#000000' title 'true', \
     '' skip 1 using (strcol(1) eq 'silt' ? $2 : 1/0):5 with linespoints dt 2 lw 1.5 pi 6 pt 6 ps 1.1 lc rgb '#0072b2' title 'θ_initial: random 5 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'silt' ? $2 : 1/0):7 with linespoints dt 2 lw 1.5 pi 6 pt 8 ps 1.1 lc rgb '#d55e00' title 'θ_initial +0.02' noenhanced, \
     '' skip 1 using (strcol(1) eq 'silt' ? $2 : 1/0):9 with linespoints dt 2 lw 1.5 pi 6 pt 4 ps 1.1 lc rgb '#009e73' title 'θ_initial −0.02' noenhanced, \
     '' skip 1 using (strcol(1) eq 'silt' ? $2 : 1/0):11 with linespoints dt 2 lw 1.5 pi 6 pt 12 ps 1.1 lc rgb '#cc79a7' title 'θ_final: random 5 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'silt' ? $2 : 1/0):13 with linespoints dt 2 lw 1.5 pi 6 pt 10 ps 1.1 lc rgb '#e69f00' title 'θ_final +0.02' noenhanced, \
     '' skip 1 using (strcol(1) eq 'silt' ? $2 : 1/0):15 with linespoints dt 2 lw 1.5 pi 6 pt 14 ps 1.1 lc rgb '#56b4e9' title 'θ_final −0.02' noenhanced, \
     '' skip 1 using (strcol(1) eq 'silt' ? $2 : 1/0):17 with linespoints dt 2 lw 1.5 pi 6 pt 2 ps 1.1 lc rgb '#999933' title 'Q: random 2 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'silt' ? $2 : 1/0):19 with linespoints dt 2 lw 1.5 pi 6 pt 1 ps 1.1 lc rgb '#882255' title 'Q: random 5 %' noenhanced
set key inside left bottom box opaque font ',8'
set title '(d1) clay: h(θ)' noenhanced
plot 'errors_shade_2step_lm.csv' skip 1 using (strcol(1) eq 'clay' ? $2 : 1/0):3 with lines lw 2.5 lc rgb '#000000' title 'true', \
     '' skip 1 using (strcol(1) eq 'clay' ? $2 : 1/0):5 with linespoints dt 2 lw 1.5 pi 6 pt 6 ps 1.1 lc rgb '#0072b2' title 'θ_initial: random 5 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'clay' ? $2 : 1/0):7 with linespoints dt 2 lw 1.5 pi 6 pt 8 ps 1.1 lc rgb '#d55e00' title 'θ_initial +0.02' noenhanced, \
     '' skip 1 using (strcol(1) eq 'clay' ? $2 : 1/0):9 with linespoints dt 2 lw 1.5 pi 6 pt 4 ps 1.1 lc rgb '#009e73' title 'θ_initial −0.02' noenhanced, \
     '' skip 1 using (strcol(1) eq 'clay' ? $2 : 1/0):11 with linespoints dt 2 lw 1.5 pi 6 pt 12 ps 1.1 lc rgb '#cc79a7' title 'θ_final: random 5 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'clay' ? $2 : 1/0):13 with linespoints dt 2 lw 1.5 pi 6 pt 10 ps 1.1 lc rgb '#e69f00' title 'θ_final +0.02' noenhanced, \
     '' skip 1 using (strcol(1) eq 'clay' ? $2 : 1/0):15 with linespoints dt 2 lw 1.5 pi 6 pt 14 ps 1.1 lc rgb '#56b4e9' title 'θ_final −0.02' noenhanced, \
     '' skip 1 using (strcol(1) eq 'clay' ? $2 : 1/0):17 with linespoints dt 2 lw 1.5 pi 6 pt 2 ps 1.1 lc rgb '#999933' title 'Q: random 2 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'clay' ? $2 : 1/0):19 with linespoints dt 2 lw 1.5 pi 6 pt 1 ps 1.1 lc rgb '#882255' title 'Q: random 5 %' noenhanced
unset logscale x
set logscale y
set format x '%g'
set format y '10^{%T}'
set xlabel 'θ [cm^3/cm^3]'
set ylabel 'K [cm/min]'
unset key
set title '(a2) sand: K(θ)' noenhanced
plot 'errors_shade_2step_lm.csv' skip 1 using (strcol(1) eq 'sand' && $2 <= 10000 ? $3 : 1/0):4 with lines lw 2.5 lc rgb '#000000' title 'true', \
     '' skip 1 using (strcol(1) eq 'sand' && $2 <= 10000 ? $5 : 1/0):6 with linespoints dt 2 lw 1.5 pi 6 pt 6 ps 1.1 lc rgb '#0072b2' title 'θ_initial: random 5 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'sand' && $2 <= 10000 ? $7 : 1/0):8 with linespoints dt 2 lw 1.5 pi 6 pt 8 ps 1.1 lc rgb '#d55e00' title 'θ_initial +0.02' noenhanced, \
     '' skip 1 using (strcol(1) eq 'sand' && $2 <= 10000 ? $9 : 1/0):10 with linespoints dt 2 lw 1.5 pi 6 pt 4 ps 1.1 lc rgb '#009e73' title 'θ_initial −0.02' noenhanced, \
     '' skip 1 using (strcol(1) eq 'sand' && $2 <= 10000 ? $11 : 1/0):12 with linespoints dt 2 lw 1.5 pi 6 pt 12 ps 1.1 lc rgb '#cc79a7' title 'θ_final: random 5 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'sand' && $2 <= 10000 ? $13 : 1/0):14 with linespoints dt 2 lw 1.5 pi 6 pt 10 ps 1.1 lc rgb '#e69f00' title 'θ_final +0.02' noenhanced, \
     '' skip 1 using (strcol(1) eq 'sand' && $2 <= 10000 ? $15 : 1/0):16 with linespoints dt 2 lw 1.5 pi 6 pt 14 ps 1.1 lc rgb '#56b4e9' title 'θ_final −0.02' noenhanced, \
     '' skip 1 using (strcol(1) eq 'sand' && $2 <= 10000 ? $17 : 1/0):18 with linespoints dt 2 lw 1.5 pi 6 pt 2 ps 1.1 lc rgb '#999933' title 'Q: random 2 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'sand' && $2 <= 10000 ? $19 : 1/0):20 with linespoints dt 2 lw 1.5 pi 6 pt 1 ps 1.1 lc rgb '#882255' title 'Q: random 5 %' noenhanced
unset key
set title '(b2) loam: K(θ)' noenhanced
plot 'errors_shade_2step_lm.csv' skip 1 using (strcol(1) eq 'loam' && $2 <= 10000 ? $3 : 1/0):4 with lines lw 2.5 lc rgb '#000000' title 'true', \
     '' skip 1 using (strcol(1) eq 'loam' && $2 <= 10000 ? $5 : 1/0):6 with linespoints dt 2 lw 1.5 pi 6 pt 6 ps 1.1 lc rgb '#0072b2' title 'θ_initial: random 5 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'loam' && $2 <= 10000 ? $7 : 1/0):8 with linespoints dt 2 lw 1.5 pi 6 pt 8 ps 1.1 lc rgb '#d55e00' title 'θ_initial +0.02' noenhanced, \
     '' skip 1 using (strcol(1) eq 'loam' && $2 <= 10000 ? $9 : 1/0):10 with linespoints dt 2 lw 1.5 pi 6 pt 4 ps 1.1 lc rgb '#009e73' title 'θ_initial −0.02' noenhanced, \
     '' skip 1 using (strcol(1) eq 'loam' && $2 <= 10000 ? $11 : 1/0):12 with linespoints dt 2 lw 1.5 pi 6 pt 12 ps 1.1 lc rgb '#cc79a7' title 'θ_final: random 5 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'loam' && $2 <= 10000 ? $13 : 1/0):14 with linespoints dt 2 lw 1.5 pi 6 pt 10 ps 1.1 lc rgb '#e69f00' title 'θ_final +0.02' noenhanced, \
     '' skip 1 using (strcol(1) eq 'loam' && $2 <= 10000 ? $15 : 1/0):16 with linespoints dt 2 lw 1.5 pi 6 pt 14 ps 1.1 lc rgb '#56b4e9' title 'θ_final −0.02' noenhanced, \
     '' skip 1 using (strcol(1) eq 'loam' && $2 <= 10000 ? $17 : 1/0):18 with linespoints dt 2 lw 1.5 pi 6 pt 2 ps 1.1 lc rgb '#999933' title 'Q: random 2 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'loam' && $2 <= 10000 ? $19 : 1/0):20 with linespoints dt 2 lw 1.5 pi 6 pt 1 ps 1.1 lc rgb '#882255' title 'Q: random 5 %' noenhanced
unset key
set title '(c2) silt: K(θ)' noenhanced
plot 'errors_shade_2step_lm.csv' skip 1 using (strcol(1) eq 'silt' && $2 <= 10000 ? $3 : 1/0):4 with lines lw 2.5 lc rgb '#000000' title 'true', \
     '' skip 1 using (strcol(1) eq 'silt' && $2 <= 10000 ? $5 : 1/0):6 with linespoints dt 2 lw 1.5 pi 6 pt 6 ps 1.1 lc rgb '#0072b2' title 'θ_initial: random 5 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'silt' && $2 <= 10000 ? $7 : 1/0):8 with linespoints dt 2 lw 1.5 pi 6 pt 8 ps 1.1 lc rgb '#d55e00' title 'θ_initial +0.02' noenhanced, \
     '' skip 1 using (strcol(1) eq 'silt' && $2 <= 10000 ? $9 : 1/0):10 with linespoints dt 2 lw 1.5 pi 6 pt 4 ps 1.1 lc rgb '#009e73' title 'θ_initial −0.02' noenhanced, \
     '' skip 1 using (strcol(1) eq 'silt' && $2 <= 10000 ? $11 : 1/0):12 with linespoints dt 2 lw 1.5 pi 6 pt 12 ps 1.1 lc rgb '#cc79a7' title 'θ_final: random 5 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'silt' && $2 <= 10000 ? $13 : 1/0):14 with linespoints dt 2 lw 1.5 pi 6 pt 10 ps 1.1 lc rgb '#e69f00' title 'θ_final +0.02' noenhanced, \
     '' skip 1 using (strcol(1) eq 'silt' && $2 <= 10000 ? $15 : 1/0):16 with linespoints dt 2 lw 1.5 pi 6 pt 14 ps 1.1 lc rgb '#56b4e9' title 'θ_final −0.02' noenhanced, \
     '' skip 1 using (strcol(1) eq 'silt' && $2 <= 10000 ? $17 : 1/0):18 with linespoints dt 2 lw 1.5 pi 6 pt 2 ps 1.1 lc rgb '#999933' title 'Q: random 2 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'silt' && $2 <= 10000 ? $19 : 1/0):20 with linespoints dt 2 lw 1.5 pi 6 pt 1 ps 1.1 lc rgb '#882255' title 'Q: random 5 %' noenhanced
set key inside left top box opaque font ',8'
set title '(d2) clay: K(θ)' noenhanced
plot 'errors_shade_2step_lm.csv' skip 1 using (strcol(1) eq 'clay' && $2 <= 10000 ? $3 : 1/0):4 with lines lw 2.5 lc rgb '#000000' title 'true', \
     '' skip 1 using (strcol(1) eq 'clay' && $2 <= 10000 ? $5 : 1/0):6 with linespoints dt 2 lw 1.5 pi 6 pt 6 ps 1.1 lc rgb '#0072b2' title 'θ_initial: random 5 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'clay' && $2 <= 10000 ? $7 : 1/0):8 with linespoints dt 2 lw 1.5 pi 6 pt 8 ps 1.1 lc rgb '#d55e00' title 'θ_initial +0.02' noenhanced, \
     '' skip 1 using (strcol(1) eq 'clay' && $2 <= 10000 ? $9 : 1/0):10 with linespoints dt 2 lw 1.5 pi 6 pt 4 ps 1.1 lc rgb '#009e73' title 'θ_initial −0.02' noenhanced, \
     '' skip 1 using (strcol(1) eq 'clay' && $2 <= 10000 ? $11 : 1/0):12 with linespoints dt 2 lw 1.5 pi 6 pt 12 ps 1.1 lc rgb '#cc79a7' title 'θ_final: random 5 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'clay' && $2 <= 10000 ? $13 : 1/0):14 with linespoints dt 2 lw 1.5 pi 6 pt 10 ps 1.1 lc rgb '#e69f00' title 'θ_final +0.02' noenhanced, \
     '' skip 1 using (strcol(1) eq 'clay' && $2 <= 10000 ? $15 : 1/0):16 with linespoints dt 2 lw 1.5 pi 6 pt 14 ps 1.1 lc rgb '#56b4e9' title 'θ_final −0.02' noenhanced, \
     '' skip 1 using (strcol(1) eq 'clay' && $2 <= 10000 ? $17 : 1/0):18 with linespoints dt 2 lw 1.5 pi 6 pt 2 ps 1.1 lc rgb '#999933' title 'Q: random 2 %' noenhanced, \
     '' skip 1 using (strcol(1) eq 'clay' && $2 <= 10000 ? $19 : 1/0):20 with linespoints dt 2 lw 1.5 pi 6 pt 1 ps 1.1 lc rgb '#882255' title 'Q: random 5 %' noenhanced
unset multiplot
unset logscale
set format x '%g'
set format y '%g'
set key default
