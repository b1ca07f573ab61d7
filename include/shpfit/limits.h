/* Limits of plausible input, in cm and min (the loaders and builders convert them to a
 * problem's units): a value beyond them is a typing mistake, and would only end as a
 * non-converged column or an allocation failure far from its cause. */
#ifndef SHPFIT_LIMITS_H
#define SHPFIT_LIMITS_H

#define SHP_DEPTH_MAX_CM 1e5             /* a column of 1 km */
#define SHP_DEPTH_MAX_TEXT "1e5 cm"
#define SHP_TIME_MAX_MIN 1e9             /* about 1900 years */
#define SHP_TIME_MAX_TEXT "1e9 min, about 1900 years"
#define SHP_HEAD_MAX_CM 1e7              /* pF 7: oven-dry */
#define SHP_HEAD_MAX_TEXT "1e7 cm, pF 7"
#define SHP_FLUX_MAX_CM_MIN 1e3          /* 600 m/h */
#define SHP_FLUX_MAX_TEXT "1e3 cm/min"
#define SHP_MAX_OUTPUT_TIMES 1e8

#endif
