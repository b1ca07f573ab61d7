/* Checked CUDA calls: every runtime call and launch goes through SHP_CUDA_CHECK, and a
 * failure becomes SHP_ERR_CUDA with the runtime's message (the library never exits). */
#ifndef SHPFIT_KERNELS_CUDA_CHECK_H
#define SHPFIT_KERNELS_CUDA_CHECK_H

#include <cuda_runtime.h>
#include <stdio.h>

#include "shpfit/status.h"

#define SHP_CUDA_CHECK(call, errbuf, errlen)                                                 \
    do {                                                                                     \
        cudaError_t shp_cuda_err_ = (call);                                                  \
        if (shp_cuda_err_ != cudaSuccess) {                                                  \
            snprintf((errbuf), (errlen), "%s:%d: %s: %s", __FILE__, __LINE__, #call,         \
                     cudaGetErrorString(shp_cuda_err_));                                     \
            return SHP_ERR_CUDA;                                                             \
        }                                                                                    \
    } while (0)

#endif
