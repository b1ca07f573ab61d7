# Fuzzing the readers of user files with clang's libFuzzer (docs/fuzzing.md).
# Included by the top-level Makefile.
#   make fuzz            build every target, run each for FUZZ_SECONDS (default 45), one at a time
#   make fuzz-regress    every target once over its seed corpus and its kept crash inputs (CI)
#   make fuzz-coverage   line coverage of the library over the corpora (clang source-based)
#   make fuzz-build      the fuzz binaries only
#
# The library is compiled again with clang, libFuzzer's coverage instrumentation, ASan
# and UBSan into build/fuzz/obj; each target (tests/fuzz/fuzz_<name>.c) is its own binary,
# so each has its own corpus, dictionary and coverage feedback, and a crash in one does
# not stop the others.

FUZZ_CC ?= clang
FUZZ_PROFDATA ?= llvm-profdata
FUZZ_COV ?= llvm-cov
FUZZ_SECONDS ?= 45
FUZZ_TIMEOUT ?= 10
# 1: go on after a finding (libFuzzer fork mode), 0: stop at the first
FUZZ_KEEP_GOING ?= 1
FUZZ_BUILD := $(BUILD)/fuzz
FUZZ_TARGETS := forward problem csv campaign report paper hydrus station

# Debian's unversioned packages: clang, its sanitizer and libFuzzer runtimes, and the
# OpenMP runtime clang links for the library's pragmas; llvm for the coverage tools.
FUZZ_DEB_PKGS := clang libclang-rt-dev libomp-dev llvm

# -O1 keeps stack traces exact; no recovery, so a UBSan report is a crash libFuzzer keeps.
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_CFLAGS := -O1 -g $(FUZZ_SAN) -fopenmp
FUZZ_COV_CFLAGS := -O1 -g -fprofile-instr-generate -fcoverage-mapping -fopenmp

FUZZ_HARNESS := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_SHARED := tests/fuzz/fuzz_util.c tests/fuzz/fuzz_fixtures.c
FUZZ_LIB_OBJS := $(patsubst %.c,$(FUZZ_BUILD)/obj/%.o,$(LIB_SRCS) $(CFG_SRCS) $(APP_SRCS))
FUZZ_BINS := $(FUZZ_TARGETS:%=$(FUZZ_BUILD)/bin/fuzz_%)
FUZZ_COV_LIB_OBJS := $(patsubst %.c,$(FUZZ_BUILD)/cov-obj/%.o,$(LIB_SRCS) $(CFG_SRCS) $(APP_SRCS))
FUZZ_COV_BINS := $(FUZZ_TARGETS:%=$(FUZZ_BUILD)/cov-bin/fuzz_%)
FUZZ_STAMP := $(FUZZ_BUILD)/.deps-ok

# kept: make would delete these as intermediates of the pattern rules
.SECONDARY: $(FUZZ_HARNESS:%.c=$(FUZZ_BUILD)/obj/%.o) $(FUZZ_HARNESS:%.c=$(FUZZ_BUILD)/cov-obj/%.o) \
            $(FUZZ_SHARED:%.c=$(FUZZ_BUILD)/obj/%.o) $(FUZZ_SHARED:%.c=$(FUZZ_BUILD)/cov-obj/%.o)

.PHONY: fuzz fuzz-build fuzz-regress fuzz-coverage fuzz-deps

fuzz-deps: $(FUZZ_STAMP)
$(FUZZ_STAMP): tests/fuzz/fuzz.mk | $(DEPS_STAMP)
	@$(call install_debs,$(FUZZ_DEB_PKGS),shpfit fuzz)
	@mkdir -p $(FUZZ_BUILD) && touch $@

# the library and the harnesses, instrumented for libFuzzer (main comes at the link)
FUZZ_TRACE := -fsanitize=fuzzer-no-link
$(FUZZ_BUILD)/obj/%.o: %.c | $(FUZZ_STAMP)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(CSTD) $(CPPFLAGS) $(FUZZ_CFLAGS) $(FUZZ_TRACE) $(WARN) -c $< -o $@

# The column solver runs when the campaign loader checks a synthesised case: sanitized,
# but not traced for coverage, which made it most of the time of an input and whose
# numeric branches are no guide to a parser's.
$(FUZZ_BUILD)/obj/host/column/%.o: FUZZ_TRACE :=

$(FUZZ_BUILD)/libshpfit-fuzz.a: $(FUZZ_LIB_OBJS)
	@rm -f $@
	ar rcs $@ $^

$(FUZZ_BUILD)/bin/fuzz_%: $(FUZZ_BUILD)/obj/tests/fuzz/fuzz_%.o $(FUZZ_SHARED:%.c=$(FUZZ_BUILD)/obj/%.o) \
                          $(FUZZ_BUILD)/libshpfit-fuzz.a
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer $^ $(LDLIBS) -o $@

# the same without sanitizers, with clang's source-based coverage
$(FUZZ_BUILD)/cov-obj/%.o: %.c | $(FUZZ_STAMP)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(CSTD) $(CPPFLAGS) $(FUZZ_COV_CFLAGS) $(WARN) -c $< -o $@

$(FUZZ_BUILD)/libshpfit-cov.a: $(FUZZ_COV_LIB_OBJS)
	@rm -f $@
	ar rcs $@ $^

$(FUZZ_BUILD)/cov-bin/fuzz_%: $(FUZZ_BUILD)/cov-obj/tests/fuzz/fuzz_%.o \
                              $(FUZZ_SHARED:%.c=$(FUZZ_BUILD)/cov-obj/%.o) $(FUZZ_BUILD)/libshpfit-cov.a
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_COV_CFLAGS) -fsanitize=fuzzer $^ $(LDLIBS) -o $@

fuzz-build: $(FUZZ_BINS)

# One target after another (the fuzzers would compete for the cores otherwise).
fuzz: fuzz-build
	@rm -f $(FUZZ_BUILD)/summary.txt; fail=0; \
	for t in $(FUZZ_TARGETS); do \
	  FUZZ_TIMEOUT=$(FUZZ_TIMEOUT) FUZZ_KEEP_GOING=$(FUZZ_KEEP_GOING) tests/fuzz/run_target.sh $$t $(FUZZ_SECONDS) $(FUZZ_BUILD) || fail=1; \
	done; \
	echo; echo "make fuzz: $(FUZZ_SECONDS) s per target on $$(nproc) cores ($$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1))"; \
	cat $(FUZZ_BUILD)/summary.txt; \
	if [ $$fail -ne 0 ]; then echo "make fuzz: findings above; inputs in $(FUZZ_BUILD)/artifacts/<target>/, logs in $(FUZZ_BUILD)/logs/" >&2; fi; \
	exit $$fail

# Seconds: each target once over its seeds and its kept crash inputs (CI).
fuzz-regress: fuzz-build
	@tests/fuzz/regress.sh $(FUZZ_BUILD) $(FUZZ_TIMEOUT) $(FUZZ_TARGETS)

# Line coverage over the committed corpora and what make fuzz added (build/fuzz/corpus).
fuzz-coverage: $(FUZZ_COV_BINS)
	@rm -rf $(FUZZ_BUILD)/cov && mkdir -p $(FUZZ_BUILD)/cov; \
	scratch=$$(mktemp -d "$${TMPDIR:-/tmp}/shpfit-fuzz-cov-XXXXXX") || exit 1; \
	for t in $(FUZZ_TARGETS); do \
	  files=$$(find tests/fuzz/corpus/$$t $(FUZZ_BUILD)/corpus/$$t -type f 2>/dev/null | sort); \
	  TMPDIR=$$scratch LLVM_PROFILE_FILE=$(FUZZ_BUILD)/cov/$$t.profraw $(FUZZ_BUILD)/cov-bin/fuzz_$$t $$files \
	    >/dev/null 2>&1 || echo "fuzz-coverage: $$t exited non-zero (a crash input in its corpus?)" >&2; \
	done; \
	rm -rf "$$scratch"; \
	$(FUZZ_PROFDATA) merge -sparse $(FUZZ_BUILD)/cov/*.profraw -o $(FUZZ_BUILD)/cov/all.profdata && \
	objs=""; for t in $(FUZZ_TARGETS); do objs="$${objs:+$$objs -object }$(FUZZ_BUILD)/cov-bin/fuzz_$$t"; done; \
	$(FUZZ_COV) report $$objs -instr-profile=$(FUZZ_BUILD)/cov/all.profdata $(FUZZ_COVERED) \
	  | tee $(FUZZ_BUILD)/coverage.txt; \
	echo "fuzz-coverage: $(FUZZ_BUILD)/coverage.txt"

# The files the targets are about (the report lists these only): the readers, and the
# report writers the report and paper targets run. Of fit_run.c only shp_fit_truth is.
FUZZ_COVERED := host/config/*.c host/problem/problem_load.c host/problem/problem_obs.c \
  host/problem/problem_params.c host/app/synth/synth.c host/io/csv_table.c host/io/csv_rows.c \
  host/fit/fit_options.c host/fit/fit_run.c host/app/surface/surface_load.c host/app/campaign/campaign_load.c \
  host/app/campaign/campaign_report.c host/app/campaign/campaign_read.c host/app/campaign/campaign_index.c \
  host/app/campaign/campaign_analyze.c host/app/campaign/campaign_md.c host/app/campaign/campaign_md_case.c \
  host/app/campaign/campaign_stats.c host/app/campaign/campaign_plot.c \
  host/app/paper/paper_load.c host/app/paper/paper_tables.c host/app/paper/paper_report.c host/app/paper/paper_plot.c
