/* shpfit — umbrella header of libshpfit: every header of the library. The configuration
 * layer (libshpfit-config: loaders, file readers and writers, the run journal, the flat
 * API) has its own, shpfit/config.h, which includes this one's headers it needs. */
#ifndef SHPFIT_SHPFIT_H
#define SHPFIT_SHPFIT_H

#include "backend_cuda.h"
#include "batch.h"
#include "column.h"
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
