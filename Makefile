# shpfit — build, test, run and benchmark.  See README.md.
#   make            library build/libshpfit.a, program build/shpfit (+ CUDA objects if nvcc)
#   make run        the loam inverse problem of seed 002 through `shpfit fit`
#   make test       unit and benchmark-problem tests (Criterion), then test-python
#   make lib-shared build/libshpfit.so for foreign callers (include/shpfit/api.h, python/)
#   make test-python  the Python package's tests (pytest) against build/libshpfit.so
#   make install    binary, libshpfit.a/.so, headers, shpfit.pc, man page under PREFIX
#   make test-install  install into build/stage and build examples/ against it (pkg-config)
#   make test-sanitize  the same built with ASan and UBSan (tests/sanitize.mk)
#   make fuzz       libFuzzer on every reader of user files (tests/fuzz/fuzz.mk)
#   make cuda-check compile and link the CUDA translation units (needs nvcc, no GPU)
#   make test-gpu   GPU-vs-CPU checks (needs a GPU)
#   make bench-gpu  GPU forward benchmark → bench/RESULTS-gpu.md (needs a GPU)
#   make bench      single-core benchmarks (forward solver, models) → bench/RESULTS.md
#   make paper      the seed-002 study into docs/paper, resuming the recorded runs
#   make paper-fresh  the same from scratch (about an hour on 2 CPU cores)
#   make docs       regenerate docs/model_parameters.md from the model registry
#   make clean

CC      ?= cc
BUILD   := build
CSTD    := -std=c17
OPT     ?= -O2
CFLAGS  ?= $(OPT) -g
WARN    := -Wall -Wextra -Wshadow -Wno-unused-function
CPPFLAGS := -Iinclude -Ihost -Ihost/app -MMD -MP
OMPFLAGS := -fopenmp
CORE_LDLIBS := -lm
LDLIBS  := -lcjson $(CORE_LDLIBS)
# Debian's interpreter where there is one: DEB_PKGS installs numpy and pytest for it,
# not for a python3 of pyenv or a virtual environment earlier on PATH.
PYTHON  ?= $(shell test -x /usr/bin/python3 && echo /usr/bin/python3 || echo python3)
TEST_LDLIBS := -lcriterion

# Debian packages the build needs; installed when missing (see `deps`).
DEB_PKGS := libcjson-dev libcriterion-dev gnuplot-nox python3-numpy python3-pytest

NVCC ?= $(shell command -v nvcc 2>/dev/null || { test -x /usr/local/cuda/bin/nvcc && echo /usr/local/cuda/bin/nvcc; })
CUDA_ARCH ?= -gencode arch=compute_90,code=sm_90 -gencode arch=compute_90,code=compute_90
NVFLAGS := -O2 -std=c++17 $(CUDA_ARCH) -Iinclude -Ihost -Ihost/app -Xcompiler -Wall
# CUDA_MIN_BLOCKS=k: ask ptxas for k resident blocks per SM (docs/gpu.md, "Performance");
# build such a variant in its own BUILD directory, e.g. BUILD=build/mb8
NVFLAGS += $(if $(CUDA_MIN_BLOCKS),-DSHP_CUDA_MIN_BLOCKS=$(CUDA_MIN_BLOCKS))

# libshpfit: physics, column, backends, problem, optimizers, fit, posterior, models,
# metrics; it parses no JSON and reads or writes no files. libshpfit-config, its first
# client: the configuration loaders (host/config), the readers and writers of files
# (host/io: CSV, JSON, station records, the run journal) and the flat API for other
# languages (host/api). The application (host/app: campaigns, the paper study, plots,
# surfaces, synthetic data, output writers, importers; host/cli: the commands) uses both.
CFG_DIRS := host/config host/io host/api
LIB_SRCS := $(shell find host -name '*.c' ! -path 'host/cli/*' ! -path 'host/app/*' $(CFG_DIRS:%=! -path '%/*') | sort)
CFG_SRCS := $(shell find $(CFG_DIRS) -name '*.c' | sort)
APP_SRCS := $(shell find host/app -name '*.c' | sort)
CLI_SRCS := $(shell find host/cli -name '*.c' | sort)
TEST_SRCS := $(sort $(wildcard tests/*.c))
BENCH_SRCS := $(sort $(wildcard bench/*.c))
CU_SRCS  := $(sort $(wildcard kernels/*.cu))

LIB_OBJS := $(LIB_SRCS:%.c=$(BUILD)/%.o)
CFG_OBJS := $(CFG_SRCS:%.c=$(BUILD)/%.o)
CFG_LIB := $(BUILD)/libshpfit-config.a
CFG_SO := $(BUILD)/libshpfit-config.so
APP_OBJS := $(APP_SRCS:%.c=$(BUILD)/%.o)
APP_LIB := $(BUILD)/libshpfit-app.a
CLI_OBJS := $(CLI_SRCS:%.c=$(BUILD)/%.o)
TEST_OBJS := $(TEST_SRCS:%.c=$(BUILD)/%.o)
BENCH_OBJS := $(BENCH_SRCS:%.c=$(BUILD)/%.o)
CU_OBJS  := $(CU_SRCS:%.cu=$(BUILD)/%.o)

DEPS_STAMP := $(BUILD)/.deps-ok
LIB := $(BUILD)/libshpfit.a
# The same objects as a shared library, for foreign callers (Python's ctypes): every
# object is compiled position-independent once, for both (CPU backend only: no CUDA
# objects; backend.c refers to them weakly).
SO_LIB := $(BUILD)/libshpfit.so
BIN := $(BUILD)/shpfit
TEST_BIN := $(BUILD)/shpfit-tests
BENCH_BIN := $(BUILD)/shpfit-bench

# CUDA=1 links the CUDA backend into build/shpfit, CUDA=0 builds it for the CPU alone.
# Default: 1 where nvcc exists, except when every goal is one that needs no GPU (run,
# test, ...): a fresh clone's `make run` then skips the minutes of the kernel compile,
# while `make`, `make cuda-check` and the GPU targets build it.
CPU_GOALS := run test test-long test-python lib-shared test-install
ifeq ($(strip $(MAKECMDGOALS)),)
CUDA_DEFAULT := 1
else ifeq ($(strip $(filter-out $(CPU_GOALS),$(MAKECMDGOALS))),)
CUDA_DEFAULT := 0
else
CUDA_DEFAULT := 1
endif
CUDA ?= $(CUDA_DEFAULT)

ifneq ($(NVCC),)
ifeq ($(CUDA),1)
ALL_CUDA := cuda-check
# The CUDA backend goes into build/shpfit; the library stays CUDA-free (it refers to the
# backend weakly, host/batch/backend.c). Static cudart: the binary runs without a GPU.
BIN_CU_OBJS := $(BUILD)/kernels/backend_cuda.o $(BUILD)/kernels/column_kernel.o
CUDA_LDLIBS := -L$(dir $(NVCC))../lib64 -lcudart_static -lrt -lpthread -ldl -lstdc++
endif
endif

.PHONY: all deps run test test-long test-gpu cuda-check bench docs paper paper-fresh clean lib-shared test-python test-example \
        install test-install
all: $(BIN) $(ALL_CUDA)

# $(call install_debs,PACKAGES,WHO): install the Debian packages that are missing, as root
# with apt-get; otherwise say the command to run and fail. (Also the fuzzers' packages.)
install_debs = missing=""; for p in $(1); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "$(2): installing missing Debian packages:$$missing"; \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing) >/dev/null \
	    || { echo "$(2): apt-get could not install:$$missing" >&2; exit 1; }; \
	  else \
	    echo "$(2): cannot install packages (need root and apt-get). Run: sudo apt-get install$$missing" >&2; exit 1; \
	  fi; \
	fi

# Install the Debian packages when missing: as root with apt-get, otherwise say how.
deps: $(DEPS_STAMP)
$(DEPS_STAMP): Makefile
	@$(call install_debs,$(DEB_PKGS),shpfit)
	@mkdir -p $(BUILD) && touch $@

$(BUILD)/%.o: %.c | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) $(CPPFLAGS) $(CFLAGS) $(WARN) $(OMPFLAGS) -fPIC -c $< -o $@

$(LIB): $(LIB_OBJS)
	@rm -f $@
	ar rcs $@ $^

$(CFG_LIB): $(CFG_OBJS)
	@rm -f $@
	ar rcs $@ $^

$(APP_LIB): $(APP_OBJS)
	@rm -f $@
	ar rcs $@ $^

# --no-undefined: the library stands alone, without cJSON or the application's objects;
# libshpfit-config needs libshpfit alone (found beside it: $ORIGIN) and cJSON
# Each shared library is the file lib*.so.VERSION, its soname lib*.so.MAJOR, and lib*.so for
# the linker (both links beside it, as an installed library has them).
SO_MAJOR = $(firstword $(subst ., ,$(VERSION)))
so_links = ln -sf $(notdir $(1)).$(VERSION) $(1).$(SO_MAJOR) && ln -sf $(notdir $(1)).$(SO_MAJOR) $(1)
$(SO_LIB): $(LIB_OBJS)
	$(CC) $(CFLAGS) $(OMPFLAGS) -shared -Wl,-soname,libshpfit.so.$(SO_MAJOR) -Wl,--no-undefined $^ $(CORE_LDLIBS) \
	    -o $@.$(VERSION)
	$(call so_links,$@)

$(CFG_SO): $(CFG_OBJS) $(SO_LIB)
	$(CC) $(CFLAGS) $(OMPFLAGS) -shared -Wl,-soname,libshpfit-config.so.$(SO_MAJOR) -Wl,--no-undefined \
	    $(CFG_OBJS) -L$(BUILD) -lshpfit -Wl,-rpath,'$$ORIGIN' $(LDLIBS) -o $@.$(VERSION)
	$(call so_links,$@)

# Which backends build/shpfit was linked with: rewritten only when that changes, so the
# program is relinked when a CPU-only build meets a CUDA one and back.
LINK_MODE := $(if $(BIN_CU_OBJS),cuda,cpu)
$(BUILD)/.link-mode: FORCE | $(DEPS_STAMP)
	@echo $(LINK_MODE) | cmp -s - $@ || echo $(LINK_MODE) > $@
.PHONY: FORCE
FORCE:

$(BIN): $(CLI_OBJS) $(APP_LIB) $(CFG_LIB) $(LIB) $(BIN_CU_OBJS) $(BUILD)/.link-mode
	$(CC) $(CFLAGS) $(OMPFLAGS) $(CLI_OBJS) $(BIN_CU_OBJS) $(APP_LIB) $(CFG_LIB) $(LIB) $(LDLIBS) $(CUDA_LDLIBS) -o $@

# the suite also checks the smoothness statistic of the bench program (tests/test_smooth_stat.c)
# and that the loam problem built in code is the one its config file loads
TEST_BENCH_OBJS := $(BUILD)/bench/smooth_stat.o $(BUILD)/examples/loam_problem.o

# examples/fit_loam: a problem built and fitted in code, linked with libshpfit alone (no
# cJSON, no configuration layer)
EXAMPLE_BIN := $(BUILD)/examples/fit_loam
$(EXAMPLE_BIN): $(BUILD)/examples/fit_loam.o $(BUILD)/examples/loam_problem.o $(LIB)
	$(CC) $(CFLAGS) $(OMPFLAGS) $^ $(CORE_LDLIBS) -o $@
$(TEST_BIN): $(TEST_OBJS) $(TEST_BENCH_OBJS) $(APP_LIB) $(CFG_LIB) $(LIB)
	$(CC) $(CFLAGS) $(OMPFLAGS) $(TEST_OBJS) $(TEST_BENCH_OBJS) $(APP_LIB) $(CFG_LIB) $(LIB) $(TEST_LDLIBS) $(LDLIBS) -o $@

$(BENCH_BIN): $(BENCH_OBJS) $(APP_LIB) $(CFG_LIB) $(LIB)
	$(CC) $(CFLAGS) $(OMPFLAGS) $(BENCH_OBJS) $(APP_LIB) $(CFG_LIB) $(LIB) $(LDLIBS) -o $@

# CUDA: compiled and linked wherever nvcc exists; run only where a GPU is present.
$(BUILD)/kernels/%.o: kernels/%.cu | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(NVCC) $(NVFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/shpfit-cuda-check: $(CU_OBJS) $(CFG_LIB) $(LIB)
	$(NVCC) $(NVFLAGS) $(CU_OBJS) $(CFG_LIB) $(LIB) $(LDLIBS) -Xcompiler -fopenmp -o $@

$(BUILD)/bench/%.o: bench/%.cu | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(NVCC) $(NVFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/shpfit-bench-gpu: $(BUILD)/bench/bench_gpu.o $(BIN_CU_OBJS) $(APP_LIB) $(CFG_LIB) $(LIB)
	$(NVCC) $(NVFLAGS) $^ $(LDLIBS) -Xcompiler -fopenmp -o $@

# The library and the kernel objects are brought up to date here, not in the sub-make,
# so a parallel `make` never rewrites them while another target links against them.
cuda-check: $(LIB) $(CFG_LIB) $(BIN_CU_OBJS)
	@if [ -z "$(NVCC)" ]; then echo "shpfit: nvcc not found; CUDA build skipped"; \
	else $(MAKE) --no-print-directory $(BUILD)/shpfit-cuda-check $(BUILD)/shpfit-bench-gpu \
	  && echo "shpfit: CUDA build OK ($(NVCC))"; fi

test-gpu: cuda-check
	$(BUILD)/shpfit-cuda-check

# What a GPU machine without Debian's packages needs for tests/gpu_verify.sh: the CUDA
# programs, build/shpfit, and the shared libraries they load that such an image may lack.
# Carry build/gpu-bundle to the device (docs/gpu.md, "Running the device checks").
GPU_BUNDLE := $(BUILD)/gpu-bundle
.PHONY: gpu-bundle gpu-verify
gpu-bundle: cuda-check $(BIN)
	@if [ -z "$(NVCC)" ]; then echo "shpfit: gpu-bundle needs nvcc (the CUDA toolkit)"; exit 1; fi
	@rm -rf $(GPU_BUNDLE) && mkdir -p $(GPU_BUNDLE)/bin $(GPU_BUNDLE)/lib
	cp $(BIN) $(BUILD)/shpfit-cuda-check $(BUILD)/shpfit-bench-gpu $(GPU_BUNDLE)/bin/
	for l in libcjson.so.1 libgomp.so.1; do \
	  cp -L "$$(ldconfig -p | awk -v l=$$l '$$1 == l { print $$NF; exit }')" $(GPU_BUNDLE)/lib/ || exit 1; done
	@du -sh $(GPU_BUNDLE)

gpu-verify: cuda-check $(BIN)
	tests/gpu_verify.sh

.PHONY: bench-gpu cuda-resources
bench-gpu: cuda-check $(BIN)
	$(BUILD)/shpfit-bench-gpu --out bench/RESULTS-gpu.md

# nvcc's register, spill and shared-memory report of the column kernel (docs/gpu.md)
cuda-resources:
	@mkdir -p $(BUILD)/kernels
	$(NVCC) $(NVFLAGS) -Xptxas -v -c kernels/column_kernel.cu -o $(BUILD)/kernels/resources.o 2>&1 \
	  | grep -A3 "Compiling entry function" | grep -v "^--"

# `make run` and `make test` build in parallel on every core unless make was given -j.
NPROC := $(shell nproc 2>/dev/null || echo 2)
PARALLEL := $(if $(filter -j%,$(MAKEFLAGS)),,-j$(NPROC))

run:
	@$(MAKE) --no-print-directory $(PARALLEL) CUDA=$(CUDA) $(BIN)
	@$(BIN) fit configs/fit_loam.json --out $(BUILD)/run/fit_loam

# The suite in two tiers: `make test` runs every test but the long end-to-end ones
# (whole fits to the truth, kill-and-resume loops, the reduced paper study, a campaign
# against its fits, the sensitivities of every face rule against differences), which
# `make test-long` runs; .ci/run runs both.
LONG_TESTS := fit/recovers_the_loam_* fit/polish_takes_a_short_run_* resume/* paper/reduced_study_* \
              sens/arithmetic_faces_* fit_engine/a_campaign_run_*
empty :=
space := $(empty) $(empty)
LONG_FILTER := $(subst $(space),|,$(strip $(LONG_TESTS)))

test:
	@$(MAKE) --no-print-directory $(PARALLEL) CUDA=$(CUDA) $(TEST_BIN) $(BIN) $(SO_LIB) $(CFG_SO) $(EXAMPLE_BIN)
	@cd tests && SHPFIT_BIN=$(abspath $(BIN)) $(abspath $(TEST_BIN)) --jobs $(NPROC) --filter '!($(LONG_FILTER))'
	@$(MAKE) --no-print-directory CUDA=$(CUDA) test-python test-example

# The example as a user runs it, on a short search (the polish finishes it): the fitted
# θs, α, n and Ks within 1, 10, 3 and 1 % of the truth the observations were made from.
test-example: $(EXAMPLE_BIN)
	$(EXAMPLE_BIN) configs/data/loam_obs 10 | tee $(BUILD)/examples/fit_loam.txt
	@awk 'BEGIN { t["loam.theta_s"] = 0.43; t["loam.alpha"] = 0.036; t["loam.n"] = 1.56; \
	              t["loam.Ks"] = 0.01733; tol["loam.theta_s"] = 0.01; tol["loam.alpha"] = 0.1; \
	              tol["loam.n"] = 0.03; tol["loam.Ks"] = 0.01 } \
	      ($$1 in t) { d = $$2 / t[$$1] - 1; if (d < 0) d = -d; if (d > tol[$$1]) bad = bad " " $$1; ++seen } \
	      END { if (seen != 4 || bad != "") { print "test-example: off the truth:" bad; exit 1 } }' \
	      $(BUILD)/examples/fit_loam.txt

test-long:
	@$(MAKE) --no-print-directory $(PARALLEL) CUDA=$(CUDA) $(TEST_BIN) $(BIN)
	@cd tests && SHPFIT_BIN=$(abspath $(BIN)) $(abspath $(TEST_BIN)) --jobs $(NPROC) --filter '@($(LONG_FILTER))'

lib-shared: $(SO_LIB) $(CFG_SO)

# The Python package (python/) against this build's shared library and program: the
# tests compare with `shpfit forward` and install the package into a temporary folder.
test-python: $(CFG_SO) $(BIN)
	SHPFIT_LIB=$(abspath $(CFG_SO)) SHPFIT_BIN=$(abspath $(BIN)) $(PYTHON) -m pytest -q -p no:cacheprovider python/tests

# make install [PREFIX=/usr/local] [DESTDIR=]: the program, both libraries (static and
# shared), the public headers (include/shpfit, with physics/ and core/), shpfit.pc and
# shpfit-config.pc for pkg-config and the man page. The .so files are the CPU build (the
# CUDA backend lives in the program).
PREFIX ?= /usr/local
VERSION := $(shell sed -n 's/^\#define SHP_VERSION "\(.*\)"/\1/p' include/shpfit/version.h)
install: $(BIN) $(LIB) $(SO_LIB) $(CFG_LIB) $(CFG_SO)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/include \
	    $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/shpfit
	install -m 644 $(LIB) $(DESTDIR)$(PREFIX)/lib/libshpfit.a
	install -m 644 $(CFG_LIB) $(DESTDIR)$(PREFIX)/lib/libshpfit-config.a
	for so in $(SO_LIB) $(CFG_SO); do install -m 755 $$so.$(VERSION) $(DESTDIR)$(PREFIX)/lib/ \
	  && (cd $(DESTDIR)$(PREFIX)/lib && $(call so_links,$$(basename $$so))) || exit 1; done
	cp -R include/shpfit $(DESTDIR)$(PREFIX)/include/
	for pc in shpfit shpfit-config; do \
	  sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(VERSION)|' $$pc.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/$$pc.pc; done
	install -m 644 docs/shpfit.1 $(DESTDIR)$(PREFIX)/share/man/man1/shpfit.1

# The installed tree as a user meets it: examples/ built with pkg-config against a staged
# install (PREFIX is the stage itself, so the .pc files point there) and run: fit_curve.c
# loads a configuration (shpfit-config), fit_loam.c builds its problem in code and links
# libshpfit alone (shpfit).
STAGE := $(abspath $(BUILD))/stage
STAGE_PC := PKG_CONFIG_PATH=$(STAGE)/lib/pkgconfig pkg-config
test-install:
	@rm -rf $(STAGE)
	@$(MAKE) --no-print-directory install PREFIX=$(STAGE) DESTDIR= CUDA=$(CUDA)
	$(CC) $(CSTD) -Wall -Wextra examples/fit_curve.c $$($(STAGE_PC) --cflags --libs shpfit-config) -o $(STAGE)/fit_curve
	LD_LIBRARY_PATH=$(STAGE)/lib $(STAGE)/fit_curve configs/curves/toyoura_vgm.json | tee $(STAGE)/fit_curve.txt
	@grep -q 'toyoura.n  *15\.8' $(STAGE)/fit_curve.txt || { echo "test-install: unexpected fit"; exit 1; }
	$(CC) $(CSTD) -Wall -Wextra examples/fit_loam.c examples/loam_problem.c $$($(STAGE_PC) --cflags --libs shpfit) \
	    -o $(STAGE)/fit_loam
	@! ldd $(STAGE)/fit_loam | grep -q cjson || { echo "test-install: fit_loam loads cJSON"; exit 1; }
	LD_LIBRARY_PATH=$(STAGE)/lib $(STAGE)/fit_loam configs/data/loam_obs 5 | tee $(STAGE)/fit_loam.txt
	@grep -q 'loam.theta_s  *0\.429' $(STAGE)/fit_loam.txt || { echo "test-install: unexpected fit"; exit 1; }
	@$(STAGE)/bin/shpfit --version > /dev/null
	@MANPATH=$(STAGE)/share/man man -w shpfit > /dev/null
	@echo "test-install: examples/fit_curve.c and fit_loam.c built with pkg-config against $(STAGE) and ran"

# docs generated from the code: the model parameter tables (a test checks they match)
docs: $(BIN)
	$(BIN) models --markdown > docs/model_parameters.md

# The seed-002 study: resumable, so runs already in docs/paper/runs.csv are kept
# and only the tables and figures are redone; paper-fresh discards them and recomputes all.
paper: $(BIN)
	$(BIN) paper configs/paper/paper.json --out docs/paper

paper-fresh: $(BIN)
	rm -rf docs/paper/runs.csv docs/paper/history.csv docs/paper/cases
	$(BIN) paper configs/paper/paper.json --out docs/paper

bench: $(BENCH_BIN)
	$(BENCH_BIN) --out bench/RESULTS.md

clean:
	rm -rf $(BUILD)

# Sanitizer build and fuzzing: their rules live beside their sources.
-include tests/sanitize.mk tests/fuzz/fuzz.mk

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
