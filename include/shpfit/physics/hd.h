/* One host/device qualifier header (after AMReX_GpuQualifiers.H): physics is
 * written once and compiled by both the C compiler and nvcc. */
#ifndef SHPFIT_PHYSICS_HD_H
#define SHPFIT_PHYSICS_HD_H

#include <math.h>

#if defined(__CUDACC__)
#define SHP_HD __host__ __device__
#define SHP_DEVICE_CODE 1
#else
#define SHP_HD
#endif

#define SHP_INLINE static inline

#if defined(__cplusplus)
#define SHP_RESTRICT __restrict__
#else
#define SHP_RESTRICT restrict
#endif

SHP_HD SHP_INLINE double shp_max(double a, double b) { return a > b ? a : b; }
SHP_HD SHP_INLINE double shp_min(double a, double b) { return a < b ? a : b; }

#endif
