/* Benchmark soils shared by the test files (shared/reference/benchmarks.md). */
#ifndef SHPFIT_TESTS_FIXTURES_H
#define SHPFIT_TESTS_FIXTURES_H

#include "shpfit/models.h"

/* Celia et al. (1990) test 1 sand, Haverkamp et al. (1977); cm and s (§2). */
static inline shp_material haverkamp_celia(void)
{
    return shp_material_haverkamp(0.075, 0.287, 1.611e6, 3.96, 0.00944, 1.175e6, 4.74);
}

/* Srivastava & Yeh (1991) Gardner soil; cm and h (§4). */
static inline shp_material gardner_sy(void) { return shp_material_gardner(0.06, 0.40, 0.1, 1.0); }

#endif
