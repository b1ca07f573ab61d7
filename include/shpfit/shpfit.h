/* shpfit — umbrella header: every public header. config.h and what it includes (api.h,
 * forward_output.h, journal.h, station.h) declare libshpfit-config, the configuration
 * layer (pkg-config shpfit-config); the rest is libshpfit (pkg-config shpfit). */
#ifndef SHPFIT_SHPFIT_H
#define SHPFIT_SHPFIT_H

#include "backend_cuda.h"
#include "batch.h"
#include "column.h"
#include "config.h"
#include "curves_agreement.h"
#include "dream.h"
#include "et0.h"
#include "fit.h"
#include "forward.h"
#include "hash.h"
#include "limits.h"
#include "lm.h"
#include "metrics.h"
#include "models.h"
#include "optim.h"
#include "posterior.h"
#include "problem.h"
#include "rng.h"
#include "roots.h"
#include "status.h"
#include "uncertainty.h"
#include "version.h"

#endif
