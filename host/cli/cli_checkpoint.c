/* The checkpoint of a long run of a command (cli/cli_args.h). */
#define _POSIX_C_SOURCE 200809L /* access */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/cli_args.h"
#include "io/fs.h"
#include "shpfit/version.h"

shp_journal *shp_cli_checkpoint_open(const char *cmd, const char *out, const char *name, const shp_problem *pb,
                                     uint64_t seed, const char *backend, int resume, int *code)
{
    char err[SHP_MSG_MAX], path[SHP_PATH_MAX];
    if (shp_path_join(path, sizeof path, out, name) != 0) {
        shp_path_too_long(out, name, err, sizeof err);
        fprintf(stderr, "shpfit: %s: %s\n", cmd, err);
        *code = SHP_EXIT_USAGE;
        return NULL;
    }
    /* what the results depend on: the problem, the seed, the backend, the program */
    uint64_t fpr = shp_problem_fingerprint(pb);
    fpr = shp_hash64(&seed, sizeof seed, fpr);
    fpr = shp_hash64(backend, strlen(backend), fpr);
    fpr = shp_hash64(SHP_VERSION, strlen(SHP_VERSION), fpr);
    fpr = shp_hash64(cmd, strlen(cmd), fpr);
    const int exists = access(path, F_OK) == 0;
    if (exists && !resume)
        fprintf(stderr, "shpfit: %s: starting afresh: the checkpoint %s of an earlier run is replaced "
                        "(--resume continues it)\n", cmd, path);
    if (!exists && resume) fprintf(stderr, "shpfit: %s: no checkpoint in %s: starting from the beginning\n", cmd, out);
    shp_journal *j = NULL;
    const int rc = shp_journal_open(path, fpr, NULL, 0, resume, &j, err, sizeof err);
    if (rc != SHP_OK) {
        fprintf(stderr, "shpfit: %s: %s\n", cmd, err);
        *code = rc == SHP_ERR_CHECKPOINT ? SHP_EXIT_USAGE : SHP_EXIT_FAILURE;
        return NULL;
    }
    if (shp_journal_found(j) > 0)
        fprintf(stderr, "shpfit: %s: resuming from %s (%ld batches recorded)\n", cmd, path, shp_journal_found(j));
    return j;
}
