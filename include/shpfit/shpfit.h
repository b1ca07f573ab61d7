/* shpfit — umbrella header of the library API. */
#ifndef SHPFIT_SHPFIT_H
#define SHPFIT_SHPFIT_H

#include "column.h"
#include "forward.h"
#include "forward_output.h"
#include "models.h"
#include "status.h"
#include "version.h"

#endif
