/* Input checks of the ET0 drivers (host/field/et0.c), kept apart so that the drivers
 * read as FAO-56's calculation sheet (Box 11). Each returns SHP_OK or SHP_ERR_INVALID
 * with a message naming the field, e.g. "tmin must be <= tmax (got 25 > 20)". */
#ifndef SHPFIT_FIELD_ET0_INTERNAL_H
#define SHPFIT_FIELD_ET0_INTERNAL_H

#include <stddef.h>

#include "field/field_internal.h"
#include "shpfit/et0.h"

/* hourly: also the two longitudes of Eq. 31 */
int shp_et0_check_site(const shp_et0_site *s, int hourly, char *msg, size_t len);

/* monthly: also the neighbouring months' temperatures of Eqs. 43–44 */
int shp_et0_check_day(const shp_et0_day *d, int monthly, char *msg, size_t len);

int shp_et0_check_hour(const shp_et0_hour *h, char *msg, size_t len);


#endif
