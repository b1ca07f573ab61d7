/* 64-bit FNV-1a (shpfit/hash.h). */
#include "shpfit/hash.h"

uint64_t shp_hash64(const void *data, size_t n, uint64_t h)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < n; ++i) {
        h ^= p[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}
