#!/bin/sh
# Prints 1 when LeakSanitizer works for this fuzz binary here, else 0 (with a note on
# stderr): it cannot run under ptrace (a debugger, strace, some CI sandboxes), and a
# fuzzer that checks for leaks would then stop at its first input. Used by run_target.sh
# and regress.sh.   tests/fuzz/leaks.sh BINARY
empty=$(mktemp) || exit 1
out=$(ASAN_OPTIONS=detect_leaks=1 "$1" -runs=1 "$empty" 2>&1)
rm -f "$empty"
case $out in
*"LeakSanitizer has encountered a fatal error"* | *"does not work under ptrace"*)
    echo "fuzz: LeakSanitizer does not work here; leak checks off" >&2
    echo 0 ;;
*) echo 1 ;;
esac
