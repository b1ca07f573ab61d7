/* Eigen-decomposition of small symmetric matrices (host-internal; the uncertainty of a
 * fit and CMA-ES use it). */
#ifndef SHPFIT_HOST_OPTIM_SYM_EIGEN_H
#define SHPFIT_HOST_OPTIM_SYM_EIGEN_H

/* The symmetric n × n matrix A (row-major, destroyed): eigenvalues into w (unsorted),
 * eigenvectors into the columns of V (n × n, row-major). */
void shp_sym_eigen(int n, double *A, double *w, double *V);

#endif
