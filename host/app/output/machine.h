/* The machine a measurement ran on, for reports (host-internal). */
#ifndef SHPFIT_HOST_IO_MACHINE_H
#define SHPFIT_HOST_IO_MACHINE_H

#include <stddef.h>

/* The CPU's model name from /proc/cpuinfo ("unknown" where it cannot be read). */
void shp_cpu_model(char *buf, size_t len);

#endif
