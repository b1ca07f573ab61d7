#!/bin/sh
# The device checks in one script, for a machine with an NVIDIA GPU
# (docs/gpu.md, "Running the device checks"). Stages, in the order given (default: all):
#
#   check     make test-gpu's program: GPU vs CPU for 1 050 random candidates of all 14
#             models, determinism, shared vs global arrays, two layers, invalid starts,
#             the ponded-loam benchmark, the fixed schedule within 1e-9 (arithmetic and
#             kirchhoff faces)
#   sanitize  compute-sanitizer memcheck and racecheck on a reduced self-test
#             (--per-model 1 --copies 2: racecheck is slow)
#   fit       the loam fitted with --backend cpu and --backend cuda, same seed: on the
#             fixed schedule (configs/fit_loam_fixed.json) the optimizer's history must
#             agree generation by generation within 1e-9; on the adaptive default
#             (configs/fit_loam.json) the differences are reported
#   forward   every shipped forward config (ponded, flux, layered, the field year with its
#             atmospheric top and roots) and HYDRUS's imported grass field (deep drainage)
#             with --backend cpu and cuda, CSV outputs compared
#   bench     build/shpfit-bench-gpu: columns/s, GPU/CPU ratio, shared vs global, the
#             tridiagonal solves, time to fit -> RESULTS-gpu.md
#
# GPU_VERIFY_TIMEOUT=S stops each program after S seconds (a stage that runs out fails,
# and the next one starts: a short lease still gets every stage); GPU_VERIFY_BENCH_ARGS
# passes options to the bench program (e.g. "--quick --max-pop 16384").
#
# Logs and results go to $OUT (the device tool's folder) or build/gpu-verify; the last
# lines printed are a summary. Where the machine has no Debian packages (libcjson), build
# here with `make gpu-bundle` and carry build/gpu-bundle: its programs and libraries are
# used when present. Exit status: 0 when every stage run passed, 77 without a device.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 2
out=${OUT:-build/gpu-verify}
mkdir -p "$out" build
summary="$out/summary.txt"
: > "$summary"
say() { echo "$*" | tee -a "$summary"; }

# programs: a build here, else the carried bundle (bench-gpu runs build/shpfit for its
# fit timings, so they go where a build would put them), else build them now
if [ -x build/shpfit-cuda-check ] && [ -x build/shpfit-bench-gpu ] && [ -x build/shpfit ]; then
    :
elif [ -d build/gpu-bundle/bin ]; then
    cp build/gpu-bundle/bin/* build/
else
    make cuda-check build/shpfit >"$out/build.log" 2>&1 || { say "build failed: $out/build.log"; exit 2; }
fi
if [ -d build/gpu-bundle/lib ]; then
    LD_LIBRARY_PATH="$root/build/gpu-bundle/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
    export LD_LIBRARY_PATH
fi
limit=${GPU_VERIFY_TIMEOUT:-0}
# run a stage's program under the time limit, when one is set (exit 124: it ran out)
timed() { if [ "$limit" -gt 0 ]; then timeout "$limit" "$@"; else "$@"; fi; }
sanitizer=$(command -v compute-sanitizer || ls /usr/local/cuda/bin/compute-sanitizer 2>/dev/null)

say "shpfit gpu_verify $(date -u '+%Y-%m-%d %H:%M UTC')"
# GPU_VERIFY_EMULATE=N tries the script where there is no device: the check stage runs
# the self-test with a CPU team of N threads as the "GPU" (reduced), the others are skipped.
emulate=${GPU_VERIFY_EMULATE:-}
if [ -n "$emulate" ]; then
    say "NO DEVICE: emulating it with CPU teams of $emulate threads (check stage only, reduced)"
elif ! nvidia-smi -L >/dev/null 2>&1; then
    say "no NVIDIA device here (nvidia-smi -L failed): nothing to verify"
    exit 77
fi
say "device: $(nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader 2>/dev/null || echo 'nvidia-smi failed')"
failed=0
result() { # stage, exit code, detail; with the seconds since the stage began
    secs="$(($(date +%s) - stage_t0)) s"
    if [ "$2" -eq 0 ]; then say "PASS  $1  $3  [$secs]"; else say "FAIL  $1 (exit $2)  $3  [$secs]"; failed=1; fi
}

# Largest relative difference between two history.csv files, field by field (numbers only;
# the wall-time column is skipped). Prints "rows max_rel".
history_diff() {
    awk -F, 'NR == FNR { a[FNR] = $0; n = FNR; next }
        FNR > 1 { split(a[FNR], x, ","); for (i = 1; i < NF; ++i) {
            if ($i ~ /^-?[0-9.]+([eE][-+]?[0-9]+)?$/ && x[i] ~ /^-?[0-9.]+([eE][-+]?[0-9]+)?$/) {
                d = $i - x[i]; if (d < 0) d = -d; s = ($i < 0 ? -$i : $i); t = (x[i] < 0 ? -x[i] : x[i]);
                if (t > s) s = t; if (s > 0 && d / s > m) m = d / s } else if ($i != x[i]) m = 1 } }
        END { printf "%d %.3g\n", n - 1, m + 0 }' "$1" "$2"
}

# Largest difference between two CSV files of numbers, each field relative to the largest
# magnitude of its column in the first file (a flux that passes through zero is judged
# against its own scale); the mass-balance error columns (rounding-sized) are left out.
# Prints "rows max_rel"; max_rel is 1 when the files differ in length or in a word.
csv_diff() {
    awk -F, 'NR == FNR { a[FNR] = $0; n = FNR
            if (FNR == 1) { for (i = 1; i <= NF; ++i) skip[i] = ($i ~ /balance/); next }
            for (i = 1; i <= NF; ++i) { v = $i + 0; if (v < 0) v = -v; if (v > s[i]) s[i] = v } next }
        FNR > 1 { split(a[FNR], x, ","); for (i = 1; i <= NF; ++i) { if (skip[i]) continue
            if ($i ~ /^-?[0-9.]+([eE][-+]?[0-9]+)?$/ && x[i] ~ /^-?[0-9.]+([eE][-+]?[0-9]+)?$/) {
                d = $i - x[i]; if (d < 0) d = -d; if (s[i] > 0 && d / s[i] > m) m = d / s[i] }
            else if ($i != x[i]) m = 1 } }
        END { if (FNR != n) m = 1; printf "%d %.3g\n", n - 1, m + 0 }' "$1" "$2"
}

stages=${*:-check sanitize fit forward bench}
for stage in $stages; do
    stage_t0=$(date +%s)
    if [ -n "$emulate" ] && [ "$stage" != check ]; then
        say "SKIP  $stage  (emulation)"
        continue
    fi
    case $stage in
    check)
        if [ -n "$emulate" ]; then
            build/shpfit-cuda-check --emulate "$emulate" --per-model 1 --copies 2 >"$out/selftest.log" 2>&1
        else
            timed build/shpfit-cuda-check >"$out/selftest.log" 2>&1
        fi
        rc=$?
        result check "$rc" "$(grep -E '^(PASSED|FAILED)' "$out/selftest.log" | tail -1) (selftest.log)"
        ;;
    sanitize)
        if [ -z "$sanitizer" ]; then say "SKIP  sanitize  compute-sanitizer not found"; continue; fi
        for tool in memcheck racecheck; do
            timed "$sanitizer" --tool "$tool" --error-exitcode 3 build/shpfit-cuda-check --per-model 1 --copies 2 \
                >"$out/$tool.log" 2>&1
            rc=$?
            # the sanitizer's verdict, not the self-test's: reduced to 14 candidates, its
            # share rules are a coin toss (exit 1), and they are the check stage's job
            sum=$(grep -E 'ERROR SUMMARY|RACECHECK SUMMARY' "$out/$tool.log" | tail -1)
            case $rc:$sum in
            3:* | 124:* | *:) ;;
            *': 0 '*) rc=0 ;;
            esac
            result "$tool" "$rc" "$sum ($tool.log)"
        done
        ;;
    fit)
        : > "$out/fit_compare.txt"
        for cfg in fit_loam_fixed fit_loam; do
            for be in cpu cuda; do
                f0=$(date +%s.%N)
                timed build/shpfit fit "configs/$cfg.json" --seed 1 --backend "$be" --out "build/gpu-verify-fit/$cfg-$be" \
                    >>"$out/fit_compare.txt" 2>&1 || echo "exit $? ($cfg, $be)" >>"$out/fit_compare.txt"
                wall=$(awk -v a="$f0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
                echo "$cfg, --backend $be: $wall s wall" >>"$out/fit_compare.txt"
                say "INFO  fit $cfg --backend $be  $wall s wall"
            done
            d=$(history_diff "build/gpu-verify-fit/$cfg-cpu/history.csv" "build/gpu-verify-fit/$cfg-cuda/history.csv")
            echo "$cfg: history rows and largest relative difference cpu vs cuda: $d" >>"$out/fit_compare.txt"
            if [ "$cfg" = fit_loam_fixed ]; then
                rc=$(echo "$d" | awk '{ print ($1 > 0 && $2 <= 1e-9) ? 0 : 1 }')
                result "fit (fixed schedule, cpu vs cuda)" "$rc" "generations, max relative difference: $d"
            else
                say "INFO  fit (adaptive steps, cpu vs cuda)  generations, max relative difference: $d"
            fi
        done
        ;;
    forward)
        # every shipped forward configuration (ponded, flux, layered, the field year with its
        # atmospheric top and root uptake) on both backends: adaptive steps, so agreement is
        # to the solver's tolerances, as in check 1
        : > "$out/forward_compare.txt"
        worst=0
        # and HYDRUS's grass field (atmospheric top, roots, deep drainage), imported
        mkdir -p build/gpu-verify-forward
        build/shpfit import-hydrus tests/data/hydrus/TEST2 --out build/gpu-verify-forward/hydrus_test2.json \
            >>"$out/forward_compare.txt" 2>&1 || worst=1
        for cfg in celia_test1 flux_layered initial_profile layered_models ponded_clay_dry ponded_loam \
                   ponded_loam_uniform101 field_manhattan_forward hydrus_test2; do
            path="configs/$cfg.json"
            [ "$cfg" = hydrus_test2 ] && path=build/gpu-verify-forward/hydrus_test2.json
            for be in cpu cuda; do
                timed build/shpfit forward "$path" --backend "$be" --out "build/gpu-verify-forward/$cfg-$be" \
                    >>"$out/forward_compare.txt" 2>&1 || { echo "exit $? ($cfg, $be)" >>"$out/forward_compare.txt"; worst=1; }
            done
            for f in series profile_final; do
                d=$(csv_diff "build/gpu-verify-forward/$cfg-cpu/$f.csv" "build/gpu-verify-forward/$cfg-cuda/$f.csv")
                echo "$cfg $f.csv: rows, largest difference cpu vs cuda (of the column's scale): $d" >>"$out/forward_compare.txt"
                say "INFO  forward $cfg $f.csv  $d"
                worst=$(echo "$d $worst" | awk '{ print ($1 > 0 && $2 <= 1e-3 && $3 == 0) ? 0 : 1 }')
            done
        done
        result "forward (shipped configs, cpu vs cuda within 1e-3)" "$worst" "forward_compare.txt"
        ;;
    bench)
        # shellcheck disable=SC2086 # the options are words
        timed build/shpfit-bench-gpu --out "$out/RESULTS-gpu.md" ${GPU_VERIFY_BENCH_ARGS:-} >"$out/bench.log" 2>&1
        rc=$?
        result bench "$rc" "RESULTS-gpu.md, bench.log"
        ;;
    *)
        say "unknown stage $stage (check, sanitize, fit, forward, bench)"
        failed=1
        ;;
    esac
done
exit $failed
