/* 64-bit FNV-1a of n bytes, continuing from h (start with SHP_HASH_INIT): the
 * fingerprints of problems and runs. */
#ifndef SHPFIT_HASH_H
#define SHPFIT_HASH_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SHP_HASH_INIT 0xcbf29ce484222325ULL
uint64_t shp_hash64(const void *data, size_t n, uint64_t h);

#ifdef __cplusplus
}
#endif

#endif
