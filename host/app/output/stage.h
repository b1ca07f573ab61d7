/* A set of result files written as one (host-internal): the files go into a hidden
 * folder inside the output directory (DIR/.shpfit-partial-PID-XXXXXX) and are renamed
 * into DIR only when all of them are complete, the JSON summaries last, so that a
 * summary's presence means its set is whole. A run that fails, or is killed, leaves
 * the previous contents of DIR as they were; the folder of a killed run is removed by
 * the next run that stages into the same directory. */
#ifndef SHPFIT_HOST_IO_STAGE_H
#define SHPFIT_HOST_IO_STAGE_H

#include <stddef.h>

typedef struct shp_stage shp_stage;

/* Characters a staged file's path has beyond DIR/NAME: "/.shpfit-partial-PID-XXXXXX"
 * (a PID has at most 7 digits) and the ".part-PID" of shp_file_create. For checking
 * --out before any work. */
#define SHP_STAGE_PATH_EXTRA 45

/* SHP_OK when DIR/NAME, staged, fits in a path for every NAME of up to longest_name
 * characters; otherwise SHP_ERR_CONFIG with "OPTION DIR: File name too long ..." in err.
 * option names the command-line option in the message ("--out"). */
int shp_stage_check_dir(const char *option, const char *dir, size_t longest_name, char *err, size_t len);

/* Create dir when missing, remove the staging folders of runs that no longer exist,
 * and open a new staging folder. SHP_OK, or SHP_ERR_IO / SHP_ERR_NOMEM with a message. */
int shp_stage_begin(const char *dir, shp_stage **out, char *err, size_t len);

/* Where the set's files are written. */
const char *shp_stage_dir(const shp_stage *st);

/* Move every file of the set into the destination (replacing files of the same name;
 * folders are merged), the .json files last; then remove from the destination each
 * name of `replaces` (NULL-terminated, may be NULL) that the set does not contain: the
 * files of an earlier run that this run's set supersedes. Frees st, also on failure
 * (what was not moved is removed). SHP_OK, or SHP_ERR_IO with a message. */
int shp_stage_commit(shp_stage *st, const char *const *replaces, char *err, size_t len);

/* A growing NULL-terminated list of names (for `replaces`), built from printf formats;
 * zero-initialise it. A failed allocation is remembered and reported by the commit. */
typedef struct {
    char **name;
    int n, cap, failed;
} shp_names;
void shp_names_add(shp_names *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void shp_names_free(shp_names *l);

/* shp_stage_commit of a set whose plots were drawn last with status plot_rc (plot_err its
 * message): the set is committed even when gnuplot failed, since its data (`what`, e.g.
 * "the tables") are complete; that failure is then returned, its message ending "(what
 * are complete)". Frees st. */
int shp_stage_commit_plotted(shp_stage *st, const shp_names *replaces, int plot_rc, const char *plot_err,
                             const char *what, char *err, size_t len);

/* Remove the staging folder and everything in it; frees st (NULL is fine). */
void shp_stage_abort(shp_stage *st);

#endif
