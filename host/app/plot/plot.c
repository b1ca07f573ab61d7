/* Finding and running gnuplot (host/app/plot/plot.h). */
#define _POSIX_C_SOURCE 200809L /* fork, execvp, waitpid */
#include "plot/plot.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "shpfit/status.h"

static int on_path(const char *prog)
{
    const char *path = getenv("PATH");
    if (!path) return 0;
    char buf[4096];
    while (*path) {
        const char *colon = strchr(path, ':');
        const size_t n = colon ? (size_t)(colon - path) : strlen(path);
        snprintf(buf, sizeof buf, "%.*s/%s", (int)n, n ? path : ".", prog);
        if (access(buf, X_OK) == 0) return 1;
        path += n + (colon != NULL);
    }
    return 0;
}

const char *shp_plot_program(void)
{
    const char *env = getenv("SHPFIT_GNUPLOT");
    if (env) return *env ? env : NULL;
    return on_path("gnuplot") ? "gnuplot" : NULL;
}

int shp_plot_run(const char *program, const char *dir, const char *script, const char *log_name,
                 char *err, size_t len)
{
    fflush(NULL);
    const pid_t pid = fork();
    if (pid < 0) {
        snprintf(err, len, "cannot start %s: %s", program, strerror(errno));
        return SHP_ERR_IO;
    }
    if (pid == 0) {
        if (chdir(dir) != 0) _exit(126);
        const int fd = open(log_name, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd >= 0) {
            dup2(fd, STDOUT_FILENO);
            dup2(fd, STDERR_FILENO);
            close(fd);
        }
        execlp(program, program, script, (char *)NULL);
        _exit(127);
    }
    int st = 0;
    while (waitpid(pid, &st, 0) < 0)
        if (errno != EINTR) {
            snprintf(err, len, "waiting for %s: %s", program, strerror(errno));
            return SHP_ERR_IO;
        }
    if (WIFEXITED(st) && WEXITSTATUS(st) == 0) return SHP_OK;
    if (WIFEXITED(st) && WEXITSTATUS(st) == 127)
        snprintf(err, len, "cannot run %s (not installed?)", program);
    else if (WIFEXITED(st) && WEXITSTATUS(st) == 126)
        snprintf(err, len, "cannot enter %s", dir);
    else
        snprintf(err, len, "%s %s failed (see %s/%s)", program, script, dir, log_name);
    return SHP_ERR_IO;
}

const char *shp_plot_colour(int k)
{
    static const char *const colours[] = {"#0072b2", "#d55e00", "#009e73", "#cc79a7",
                                          "#e69f00", "#56b4e9", "#000000", "#f0e442"};
    const int n = (int)(sizeof colours / sizeof colours[0]);
    return colours[(k % n + n) % n];
}

void shp_plot_quote(char *out, size_t len, const char *s)
{
    size_t k = 0;
    if (len < 3) {
        if (len) out[0] = '\0';
        return;
    }
    out[k++] = '\'';
    for (; *s && k + 3 < len; ++s) {
        if (*s == '\'') out[k++] = '\'';
        out[k++] = *s;
    }
    out[k++] = '\'';
    out[k] = '\0';
}

void shp_plot_preamble(FILE *f)
{
    fprintf(f, "# written by shpfit; re-run with: gnuplot <this file> (from its directory)\n"
               "set encoding utf8\n"
               "set terminal pngcairo size 900,650 enhanced font 'sans,11'\n"
               "set datafile separator ','\n"
               "set key outside right top box\n"
               "set grid lw 0.5 lc rgb '#c8c8c8'\n");
}

void shp_plot_add_file(shp_plot_files *files, const char *name)
{
    if (files && files->n < SHP_PLOT_MAX_FILES)
        snprintf(files->name[files->n++], sizeof files->name[0], "%s", name);
}

const char *shp_plot_base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}
