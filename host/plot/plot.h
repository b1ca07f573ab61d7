/* Plots through gnuplot, kept apart from the writers: every command writes its data
 * first and then, when gnuplot is there, a script and its PNGs; without gnuplot the
 * data are complete and the command says the plots were skipped (host-internal). */
#ifndef SHPFIT_HOST_PLOT_PLOT_H
#define SHPFIT_HOST_PLOT_PLOT_H

#include <stddef.h>
#include <stdio.h>

#include "shpfit/forward.h"

/* The gnuplot program to run: $SHPFIT_GNUPLOT if set (empty = plots off), otherwise
 * "gnuplot" when it is on PATH. NULL when there is none. */
const char *shp_plot_program(void);

/* Run `program script` inside dir (scripts name their data relative to it, so a user
 * can re-run `cd DIR && gnuplot SCRIPT`); gnuplot's own messages go to dir/log_name.
 * SHP_OK, or SHP_ERR_IO with a one-line reason in err. */
int shp_plot_run(const char *program, const char *dir, const char *script, const char *log_name,
                 char *err, size_t len);

/* The common head of every script: PNG terminal, fonts, grid. */
void shp_plot_preamble(FILE *f);

/* Write DIR/curves.gp, which draws DIR/retention.png (θ on x, pF on y) and
 * DIR/conductivity.png (log K against pF) for every material's curves CSV. */
int shp_plot_curves_script(const char *dir, const shp_forward_problem *fp, char *err, size_t len);

/* Write s into a gnuplot string literal (single quotes, quotes doubled): file names. */
void shp_plot_quote(char *out, size_t len, const char *s);

#endif
