#!/bin/sh
# make fuzz-regress (tests/fuzz/fuzz.mk): every fuzz target once over its seed corpus
# (tests/fuzz/corpus/TARGET, one process) and over its kept crash inputs
# (tests/fuzz/regress/TARGET, one process each, so that every input still failing is
# named, not only the first). Seconds, no fuzzing: meant for CI.
#   tests/fuzz/regress.sh BUILD_DIR TIMEOUT TARGET...
# Exit status: 0 when every input passes.
set -u
build=$1 timeout=$2
shift 2
shm=/tmp
[ -w /dev/shm ] && shm=/dev/shm
scratch=$(mktemp -d "${TMPDIR:-$shm}/shpfit-fuzz-regress-XXXXXX") || exit 1
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$build/logs"
export TMPDIR="$scratch" UBSAN_OPTIONS=print_stacktrace=1
ASAN_OPTIONS=detect_leaks=$(tests/fuzz/leaks.sh "$build/bin/fuzz_$1")
export ASAN_OPTIONS
fail=0
for t in "$@"; do
    bin=$build/bin/fuzz_$t
    log=$build/logs/regress_$t.log
    seeds=$(find "tests/fuzz/corpus/$t" -type f 2>/dev/null | sort)
    if [ -n "$seeds" ] && ! "$bin" -timeout="$timeout" $seeds >"$log" 2>&1; then
        echo "fuzz-regress: $t: a seed input fails: $(grep -m1 -E '^Running:|^SUMMARY' "$log" | tail -1) (log: $log)" >&2
        fail=1
    fi
    n=0 bad=0
    for f in $(find "tests/fuzz/regress/$t" -type f 2>/dev/null | sort); do
        n=$((n + 1))
        if ! "$bin" -timeout="$timeout" "$f" >"$log.one" 2>&1; then
            bad=$((bad + 1))
            fail=1
            echo "fuzz-regress: $t: $f: $(grep -m1 -E '^SUMMARY|ERROR: libFuzzer' "$log.one" | sed 's/==[0-9]*==//')" >&2
        fi
    done
    rm -f "$log.one"
    echo "fuzz-regress: $t: $(echo "$seeds" | grep -c .) seed inputs, $n kept inputs ($bad failing)"
done
exit $fail
