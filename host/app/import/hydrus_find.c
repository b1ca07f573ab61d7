/* HYDRUS project files by name in any case: the GUI writes SELECTOR.IN, Selector.in or
 * selector.in depending on its version, and a project copied from Windows keeps it. */
#define _POSIX_C_SOURCE 200809L /* strcasecmp */
#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "io/fs.h"
#include "import/hydrus.h"

int shp_hydrus_find_file(const char *dir, const char *name, char *out, size_t len)
{
    DIR *d = opendir(dir);
    if (!d) return -1;
    int found = -1;
    for (struct dirent *e; found < 0 && (e = readdir(d));)
        if (!strcasecmp(e->d_name, name)) found = shp_path_join(out, len, dir, e->d_name);
    closedir(d);
    return found;
}
