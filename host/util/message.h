/* A refusal's message (host-internal): the reason into the caller's buffer, one status
 * back, for the library's checks of what a caller gives. */
#ifndef SHPFIT_HOST_UTIL_MESSAGE_H
#define SHPFIT_HOST_UTIL_MESSAGE_H

#include <stddef.h>

/* Writes the message (printf format) into msg (when not NULL) and returns
 * SHP_ERR_INVALID. */
int shp_refuse(char *msg, size_t len, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

#endif
