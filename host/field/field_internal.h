/* What the field-data code shares (host-internal): its refusals. */
#ifndef SHPFIT_HOST_FIELD_FIELD_INTERNAL_H
#define SHPFIT_HOST_FIELD_FIELD_INTERNAL_H

#include <stddef.h>

#include "util/message.h" /* shp_refuse */

#endif
