/* shpfit — umbrella header of the library API. */
#ifndef SHPFIT_SHPFIT_H
#define SHPFIT_SHPFIT_H

#include "batch.h"
#include "column.h"
#include "curves_agreement.h"
#include "et0.h"
#include "forward.h"
#include "forward_output.h"
#include "metrics.h"
#include "models.h"
#include "optim.h"
#include "problem.h"
#include "rng.h"
#include "status.h"
#include "synth.h"
#include "uncertainty.h"
#include "version.h"

#endif
