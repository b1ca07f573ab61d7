/* What the test files share: the benchmark soils and reference materials
 * (testing/materials.h), the column comparisons, random materials and the ponded column
 * (testing/column_fixture.h), each shared with bench/ and the GPU self-test. */
#ifndef SHPFIT_TESTS_FIXTURES_H
#define SHPFIT_TESTS_FIXTURES_H

#include "testing/column_fixture.h"
#include "testing/materials.h"

#endif
