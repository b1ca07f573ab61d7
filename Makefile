# shpfit — build, test, run and benchmark.  See README.md.
#   make            library build/libshpfit.a, program build/shpfit (+ CUDA objects if nvcc)
#   make run        the loam inverse problem of seed 002 through `shpfit fit`
#   make test       unit and benchmark-problem tests (Criterion)
#   make cuda-check compile and link the CUDA translation units (needs nvcc, no GPU)
#   make test-gpu   GPU-vs-CPU checks (needs a GPU)
#   make bench      single-core benchmarks (forward solver, models) → bench/RESULTS.md
#   make docs       regenerate docs/model_parameters.md from the model registry
#   make clean

CC      ?= cc
BUILD   := build
CSTD    := -std=c17
OPT     ?= -O2
CFLAGS  ?= $(OPT) -g
WARN    := -Wall -Wextra -Wshadow -Wno-unused-function
CPPFLAGS := -Iinclude -Ihost -MMD -MP
OMPFLAGS := -fopenmp
LDLIBS  := -lcjson -lm
TEST_LDLIBS := -lcriterion

# Debian packages the build needs; installed when missing (see `deps`).
DEB_PKGS := libcjson-dev libcriterion-dev gnuplot-nox

NVCC ?= $(shell command -v nvcc 2>/dev/null || { test -x /usr/local/cuda/bin/nvcc && echo /usr/local/cuda/bin/nvcc; })
CUDA_ARCH ?= -gencode arch=compute_90,code=sm_90 -gencode arch=compute_90,code=compute_90
NVFLAGS := -O2 -std=c++17 $(CUDA_ARCH) -Iinclude -Ihost -Xcompiler -Wall

LIB_SRCS := $(shell find host -name '*.c' ! -path 'host/cli/*' | sort)
CLI_SRCS := $(shell find host/cli -name '*.c' | sort)
TEST_SRCS := $(sort $(wildcard tests/*.c))
BENCH_SRCS := $(sort $(wildcard bench/*.c))
CU_SRCS  := $(sort $(wildcard kernels/*.cu))

LIB_OBJS := $(LIB_SRCS:%.c=$(BUILD)/%.o)
CLI_OBJS := $(CLI_SRCS:%.c=$(BUILD)/%.o)
TEST_OBJS := $(TEST_SRCS:%.c=$(BUILD)/%.o)
BENCH_OBJS := $(BENCH_SRCS:%.c=$(BUILD)/%.o)
CU_OBJS  := $(CU_SRCS:%.cu=$(BUILD)/%.o)

DEPS_STAMP := $(BUILD)/.deps-ok
LIB := $(BUILD)/libshpfit.a
BIN := $(BUILD)/shpfit
TEST_BIN := $(BUILD)/shpfit-tests
BENCH_BIN := $(BUILD)/shpfit-bench

ifneq ($(NVCC),)
ALL_CUDA := cuda-check
endif

.PHONY: all deps run test test-gpu cuda-check bench docs clean
all: $(BIN) $(ALL_CUDA)

# Install the Debian packages when missing: as root with apt-get, otherwise say how.
deps: $(DEPS_STAMP)
$(DEPS_STAMP): Makefile
	@missing=""; for p in $(DEB_PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "shpfit: installing missing Debian packages:$$missing"; \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing) >/dev/null \
	    || { echo "shpfit: apt-get could not install:$$missing" >&2; exit 1; }; \
	  else \
	    echo "shpfit: cannot install packages (need root and apt-get). Run: sudo apt-get install$$missing" >&2; exit 1; \
	  fi; \
	fi
	@mkdir -p $(BUILD) && touch $@

$(BUILD)/%.o: %.c | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) $(CPPFLAGS) $(CFLAGS) $(WARN) $(OMPFLAGS) -c $< -o $@

$(LIB): $(LIB_OBJS)
	@rm -f $@
	ar rcs $@ $^

$(BIN): $(CLI_OBJS) $(LIB)
	$(CC) $(CFLAGS) $(OMPFLAGS) $(CLI_OBJS) $(LIB) $(LDLIBS) -o $@

$(TEST_BIN): $(TEST_OBJS) $(LIB)
	$(CC) $(CFLAGS) $(OMPFLAGS) $(TEST_OBJS) $(LIB) $(TEST_LDLIBS) $(LDLIBS) -o $@

$(BENCH_BIN): $(BENCH_OBJS) $(LIB)
	$(CC) $(CFLAGS) $(OMPFLAGS) $(BENCH_OBJS) $(LIB) $(LDLIBS) -o $@

# CUDA: compiled and linked wherever nvcc exists; run only where a GPU is present.
$(BUILD)/kernels/%.o: kernels/%.cu | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(NVCC) $(NVFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/shpfit-cuda-check: $(CU_OBJS) $(LIB)
	$(NVCC) $(NVFLAGS) $(CU_OBJS) $(LIB) $(LDLIBS) -Xcompiler -fopenmp -o $@

# The library is brought up to date here, not in the sub-make, so a parallel `make`
# never rewrites it while another target links against it.
cuda-check: $(LIB)
	@if [ -z "$(NVCC)" ]; then echo "shpfit: nvcc not found; CUDA build skipped"; \
	else $(MAKE) --no-print-directory $(BUILD)/shpfit-cuda-check && echo "shpfit: CUDA build OK ($(NVCC))"; fi

test-gpu: cuda-check
	$(BUILD)/shpfit-cuda-check

run: $(BIN)
	@$(BIN) fit configs/fit_loam.json --out $(BUILD)/run/fit_loam

test: $(TEST_BIN) $(BIN)
	@cd tests && ../$(TEST_BIN) --jobs 2

# docs generated from the code: the model parameter tables (a test checks they match)
docs: $(BIN)
	$(BIN) models --markdown > docs/model_parameters.md

bench: $(BENCH_BIN)
	$(BENCH_BIN) --out bench/RESULTS.md

clean:
	rm -rf $(BUILD)

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
