/* What the field-data code shares (host-internal): its refusals. */
#ifndef SHPFIT_HOST_FIELD_FIELD_INTERNAL_H
#define SHPFIT_HOST_FIELD_FIELD_INTERNAL_H

#include <stddef.h>

/* Writes the message (printf format) into msg and returns SHP_ERR_INVALID. */
int shp_field_refuse(char *msg, size_t len, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

#endif
