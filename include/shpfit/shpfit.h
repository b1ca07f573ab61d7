/* shpfit — umbrella header of the library API: every public header. */
#ifndef SHPFIT_SHPFIT_H
#define SHPFIT_SHPFIT_H

#include "api.h"
#include "backend_cuda.h"
#include "batch.h"
#include "column.h"
#include "curves_agreement.h"
#include "dream.h"
#include "et0.h"
#include "fit.h"
#include "forward.h"
#include "forward_output.h"
#include "journal.h"
#include "limits.h"
#include "lm.h"
#include "metrics.h"
#include "models.h"
#include "optim.h"
#include "posterior.h"
#include "problem.h"
#include "rng.h"
#include "roots.h"
#include "station.h"
#include "status.h"
#include "uncertainty.h"
#include "version.h"

#endif
