# make test-sanitize: the library, the program and the Criterion suite built with
# AddressSanitizer (leaks included) and UndefinedBehaviorSanitizer into build/san, and the
# whole suite run against that program (SHPFIT_BIN, tests/test_util.h). Any sanitizer
# report fails the target, as does any failing test. About 2.5 min to build and 5 min to
# run on 2 cores. Included by the top-level Makefile, so also by the sub-make below.
#
# CPU only (NVCC=): nvcc's objects are not instrumented, and the suite needs no GPU.
# Every sanitized process writes its reports to build/san/reports/<tool>.<pid> instead of
# stderr, because many tests send the program's stderr to /dev/null; a report there fails
# the run even when the test that triggered it passed. The folder is writable by all:
# some bad-input cases run the program as nobody (tests/bad_input_run.c).
# OpenMP: libgomp is not instrumented and gives no false reports; Criterion's runner
# needs one exception for leaks (tests/sanitize_hooks.c).

# SAN_RECOVER=1: every report rather than the first of each process (UBSan goes on after
# each, ASan after all but fatal ones), to list all findings in one run; its own build.
ifeq ($(SAN_RECOVER),1)
SAN_BUILD := build/san-recover
SAN_RECOVER_FLAG := -fsanitize-recover=all
SAN_HALT := 0
else
SAN_BUILD := build/san
# no-recover: UBSan aborts on its first report as ASan does, so the test fails there.
SAN_RECOVER_FLAG := -fno-sanitize-recover=undefined
SAN_HALT := 1
endif
SAN_REPORTS := $(SAN_BUILD)/reports
# -O1, as ASan's documentation advises: fast enough, and few frames inlined away.
SAN_OPT ?= -O1
# Static runtimes: GCC's shared libasan and libubsan each keep their own report file, and
# UBSan's then ignores log_path (its message goes to stderr, only its summary to the file).
SAN_FLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer $(SAN_RECOVER_FLAG) \
  -static-libasan -static-libubsan
SAN_JOBS ?= 2

SAN_COMMON := halt_on_error=$(SAN_HALT):print_stacktrace=1:print_summary=1
SAN_ASAN := $(SAN_COMMON):abort_on_error=0:log_path=$(CURDIR)/$(SAN_REPORTS)/asan
SAN_UBSAN := $(SAN_COMMON):log_path=$(CURDIR)/$(SAN_REPORTS)/ubsan

.PHONY: test-sanitize sanitize-build
sanitize-build:
	@$(MAKE) --no-print-directory BUILD=$(SAN_BUILD) NVCC= CFLAGS="$(SAN_OPT) -g $(SAN_FLAGS)" \
	  $(SAN_BUILD)/shpfit $(SAN_BUILD)/shpfit-tests

# LeakSanitizer cannot run under ptrace (a debugger, strace, some CI sandboxes): a probe run
# says whether it works here; where not, the rest of ASan and UBSan still run.
test-sanitize: sanitize-build
	@rm -rf $(SAN_REPORTS) && mkdir -p $(SAN_REPORTS) && chmod 1777 $(SAN_REPORTS)
	@leaks=1; \
	if ! ASAN_OPTIONS=detect_leaks=1 $(SAN_BUILD)/shpfit --version >/dev/null 2>/tmp/shpfit-san-probe.$$$$ \
	   && grep -Eq 'LeakSanitizer has encountered a fatal error|does not work under ptrace' /tmp/shpfit-san-probe.$$$$; then \
	  leaks=0; echo "test-sanitize: LeakSanitizer does not work here; leak checks off"; fi; \
	rm -f /tmp/shpfit-san-probe.$$$$; \
	start=$$(date +%s); \
	cd tests && SHPFIT_BIN=$(CURDIR)/$(SAN_BUILD)/shpfit \
	  ASAN_OPTIONS=$(SAN_ASAN):detect_leaks=$$leaks UBSAN_OPTIONS=$(SAN_UBSAN) \
	  ../$(SAN_BUILD)/shpfit-tests --jobs $(SAN_JOBS); rc=$$?; cd ..; \
	echo "test-sanitize: suite exit $$rc after $$(( $$(date +%s) - start )) s on $$(nproc) cores"; \
	reports=$$(find $(SAN_REPORTS) -type f | sort); \
	if [ -n "$$reports" ]; then \
	  for f in $$reports; do echo "==== $$f"; cat "$$f"; done; \
	  echo "test-sanitize: $$(echo "$$reports" | wc -l) sanitizer report(s) in $(SAN_REPORTS)" >&2; exit 1; \
	fi; \
	[ $$rc -eq 0 ] && echo "test-sanitize: no sanitizer reports"; exit $$rc
