/* One status enum for the whole library, generated with its messages from one list
 * (after SUNDIALS). Zero is success; negative values are failures. A column that
 * fails to converge is not a library error: its status is data for the caller. */
#ifndef SHPFIT_STATUS_H
#define SHPFIT_STATUS_H

#ifdef __cplusplus
extern "C" {
#endif

#define SHP_STATUS_LIST(X)                                                                   \
    X(SHP_OK, 0, "ok", "success")                                                                  \
    X(SHP_ERR_NOT_CONVERGED, -1, "not_converged", "column did not converge at the minimum time step")         \
    X(SHP_ERR_MAX_STEPS, -2, "max_steps", "column reached the maximum number of time steps")              \
    X(SHP_ERR_INVALID, -3, "invalid", "invalid argument")                                               \
    X(SHP_ERR_NOMEM, -4, "out_of_memory", "out of memory")                                                    \
    X(SHP_ERR_IO, -5, "io_error", "input/output error")                                                  \
    X(SHP_ERR_CONFIG, -6, "config_error", "invalid configuration")                                           \
    X(SHP_ERR_CUDA, -7, "cuda_error", "CUDA error")                                                      \
    X(SHP_ERR_CHECKPOINT, -8, "checkpoint_mismatch", "the checkpoint does not belong to this run")

typedef enum {
#define SHP_STATUS_ENUM(name, value, tag, msg) name = value,
    SHP_STATUS_LIST(SHP_STATUS_ENUM)
#undef SHP_STATUS_ENUM
} shp_status;

/* Static message for a status code ("unknown status" for anything else). */
const char *shp_strerror(int status);

/* Short tag of a status for machine-readable output ("not_converged"). */
const char *shp_status_name(int status);

#ifdef __cplusplus
}
#endif

#endif
