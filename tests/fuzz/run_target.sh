#!/bin/sh
# Run one fuzz target for a while and summarise it (make fuzz, tests/fuzz/fuzz.mk):
#   tests/fuzz/run_target.sh TARGET SECONDS BUILD_DIR
# New inputs go to BUILD_DIR/corpus/TARGET (the committed seeds in tests/fuzz/corpus stay
# as they are); crash, leak, timeout and out-of-memory inputs to BUILD_DIR/artifacts/TARGET/
# (emptied first); libFuzzer's output to BUILD_DIR/logs/TARGET.log. Appends to
# BUILD_DIR/summary.txt: one line of numbers, then one line per distinct finding (its
# sanitizer summary, how many inputs gave it, one of them).
#
# FUZZ_KEEP_GOING=1 (default): libFuzzer's fork mode, which goes on after a crash, a leak,
# a timeout or running out of memory, so one run collects every finding the time allows;
# 0: the classic mode, which stops at the first. FUZZ_TIMEOUT: seconds an input may take.
# FUZZ_EXTRA: more libFuzzer flags (e.g. -use_value_profile=1).
# Exit status: 0 when nothing was found, 1 otherwise.
set -u
t=$1 secs=$2 build=$3
bin=$build/bin/fuzz_$t
art=$build/artifacts/$t
log=$build/logs/$t.log
mkdir -p "$build/corpus/$t" "$art" "$build/logs"
dict=
[ -f "tests/fuzz/dict/$t.dict" ] && dict=-dict=tests/fuzz/dict/$t.dict
mode='' regress=''
if [ "${FUZZ_KEEP_GOING:-1}" = 1 ]; then
    mode="-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1"
    # the kept crash inputs seed the fuzzer too (once fixed, they lead into the code they
    # broke); the classic mode would stop on the first of them still failing
    [ -d "tests/fuzz/regress/$t" ] && regress=tests/fuzz/regress/$t
fi

# The targets' scratch folders go under one folder of this run, removed at the end: a
# process that crashes cannot remove its own.
shm=/tmp
[ -w /dev/shm ] && shm=/dev/shm
scratch=$(mktemp -d "${TMPDIR:-$shm}/shpfit-fuzz-run-XXXXXX") || exit 1
trap 'rm -rf "$scratch"' EXIT

echo "fuzz: $t for $secs s ..."
# artifacts/TARGET holds this run's findings only: libFuzzer names an input by its hash,
# so an input found again would otherwise not look new
rm -f "$art"/crash-* "$art"/leak-* "$art"/timeout-* "$art"/oom-* "$art"/slow-unit-*
leaks=$(TMPDIR=$scratch tests/fuzz/leaks.sh "$bin")
# print_stacktrace: UBSan's reports name their callers; the rest are libFuzzer's defaults
# made explicit (a leak, a timeout and 2 GiB of memory are findings). $mode, $dict,
# $FUZZ_EXTRA and $regress are split into words on purpose.
TMPDIR=$scratch UBSAN_OPTIONS=print_stacktrace=1 ASAN_OPTIONS=detect_leaks=$leaks \
  "$bin" $mode -max_total_time="$secs" -timeout="${FUZZ_TIMEOUT:-10}" -rss_limit_mb=2048 \
  -print_final_stats=1 -artifact_prefix="$art/" $dict ${FUZZ_EXTRA:-} \
  "$build/corpus/$t" "tests/fuzz/corpus/$t" $regress >"$log" 2>&1
rc=$?

# numbers: the last status line ("#N: cov: … exec/s R" in fork mode, "#N … exec/s: R" else)
last=$(grep -E '^#[0-9]+.*cov: [0-9]+' "$log" | tail -1)
execs=$(echo "$last" | sed -n 's/^#\([0-9]*\).*/\1/p')
rate=$(echo "$last" | sed -n 's/.*exec\/s:* \([0-9]*\).*/\1/p')
cov=$(echo "$last" | sed -n 's/.*cov: \([0-9]*\).*/\1/p')
ft=$(echo "$last" | sed -n 's/.*ft: \([0-9]*\).*/\1/p')
corp=$(echo "$last" | sed -n 's/.*corp: \([0-9]*\).*/\1/p')
found=$(ls "$art" | grep -E '^(crash|leak|timeout|oom)-')

if [ -z "$found" ] && [ "$rc" -eq 0 ]; then result=ok
elif [ -z "$found" ]; then result="FAILED: libFuzzer exit $rc (see $log)"
else result="FOUND: $(echo "$found" | wc -l) input(s)"
fi
printf '%-9s execs %9s  exec/s %6s  cov %5s  ft %6s  corpus %5s  %s\n' \
    "$t" "${execs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "$result" | tee -a "$build/summary.txt"

# Group the new inputs by what each one gives when run again alone (at most 40 reruns).
n=0
for f in $found; do
    n=$((n + 1))
    [ $n -gt 40 ] && break
    case $f in
    timeout-*) what="timeout (> ${FUZZ_TIMEOUT:-10} s)" ;;
    oom-*) what="out of memory (> 2048 MiB)" ;;
    *) out=$(TMPDIR=$scratch UBSAN_OPTIONS=print_stacktrace=1 ASAN_OPTIONS=detect_leaks=$leaks "$bin" "$art/$f" 2>&1)
       what=$(echo "$out" | grep -m1 -E '^SUMMARY: |ERROR: libFuzzer' | sed 's/^SUMMARY: //; s/==[0-9]*==//')
       # the first frame in the project's code, where the summary names a libc interceptor
       at=$(echo "$out" | grep -m1 -oE ' in [A-Za-z_0-9]+ [^ ]*/(host|include)/[^ ]+:[0-9]+' | sed 's%/[^ ]*/\(host\|include\)/%\1/%')
       case $what in *host/*|*include/*) ;; *) [ -n "$at" ] && what="$what;$at" ;; esac
       [ -n "$what" ] || what="no longer fails when run alone" ;;
    esac
    printf '%s\t%s\n' "$what" "$art/$f"
done | sort | awk -F'\t' '{ n[$1]++; if (!($1 in one)) one[$1] = $2 }
    END { for (w in n) printf "          %s  [%d input(s), e.g. %s]\n", w, n[w], one[w] }' |
    tee -a "$build/summary.txt"
[ -z "$found" ] && [ "$rc" -eq 0 ]
