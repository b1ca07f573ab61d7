/* The box the benchmarks and the tests draw random candidates in: moved to
 * host/testing/typical_box.h, shared with kernels/cuda_selftest.cu. */
#ifndef SHPFIT_BENCH_TYPICAL_BOX_H
#define SHPFIT_BENCH_TYPICAL_BOX_H

#include "testing/typical_box.h"

#endif
