/* The one version number of shpfit (library, program and summary files). */
#ifndef SHPFIT_VERSION_H
#define SHPFIT_VERSION_H

#define SHP_VERSION "0.1.0"

#endif
