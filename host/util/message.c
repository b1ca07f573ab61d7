/* A refusal's message (message.h). */
#include "util/message.h"

#include <stdarg.h>
#include <stdio.h>

#include "shpfit/status.h"

int shp_refuse(char *msg, size_t len, const char *fmt, ...)
{
    if (msg && len) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(msg, len, fmt, ap);
        va_end(ap);
    }
    return SHP_ERR_INVALID;
}
