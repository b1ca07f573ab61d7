/* Series files read back by the plot scripts' writers (plot/plot.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/csv_rows.h"
#include "io/fs.h"
#include "plot/plot.h"
#include "shpfit/status.h"

static int kind_of_name(const char *name)
{
    for (int k = 0; k < SHP_OBS_COUNT; ++k)
        if (!strcmp(name, shp_obs_name(k))) return k;
    return -1;
}

/* One row's fields (at least n_fields; any beyond are not read) into t. */
static int add_row(shp_plot_rows *t, int *cap, char **field, int n_fields)
{
    if (t->n == *cap) {
        *cap = *cap ? 2 * *cap : 256;
        shp_plot_row *r = realloc(t->row, (size_t)*cap * sizeof *r);
        if (!r) return SHP_ERR_NOMEM;
        t->row = r;
    }
    shp_plot_row *r = &t->row[t->n++];
    r->kind = kind_of_name(field[0]);
    for (int i = 0; i < SHP_PLOT_ROW_FIELDS; ++i) {
        char *end = NULL;
        r->v[i] = i > 0 && i < n_fields ? strtod(field[i], &end) : NAN;
        if (i > 0 && i < n_fields && end == field[i]) r->v[i] = NAN; /* empty, or a unit */
    }
    return SHP_OK;
}

int shp_plot_read_rows(const char *dir, const char *name, int n_fields, shp_plot_rows *t, char *err, size_t len)
{
    char path[SHP_PATH_MAX];
    t->row = NULL;
    t->n = 0;
    if (n_fields < 2 || n_fields > SHP_PLOT_ROW_FIELDS) return SHP_ERR_INVALID;
    if (shp_path_join(path, sizeof path, dir, name) != 0) return shp_path_too_long(dir, name, err, len);
    shp_csv_rows in;
    int rc = shp_csv_rows_open(&in, path, err, len), cap = 0;
    int nf = rc == SHP_OK ? shp_csv_rows_next(&in, err, len) : 0; /* the header */
    while (rc == SHP_OK && nf > 0 && (nf = shp_csv_rows_next(&in, err, len)) > 0) {
        if (nf < n_fields || kind_of_name(in.field[0]) < 0) {
            snprintf(err, len, "%s:%ld: not a row of %s", path, in.in.line, name);
            rc = SHP_ERR_IO;
        } else if (add_row(t, &cap, in.field, n_fields) != SHP_OK) {
            snprintf(err, len, "out of memory");
            rc = SHP_ERR_NOMEM;
        }
    }
    if (rc == SHP_OK && nf < 0) rc = nf == SHP_ERR_NOMEM ? nf : SHP_ERR_IO; /* as any bad row */
    shp_csv_rows_close(&in);
    if (rc != SHP_OK) {
        free(t->row);
        t->row = NULL;
        t->n = 0;
    }
    return rc;
}

void *shp_plot_rows_typed(shp_plot_rows *t, size_t size, char *err, size_t len)
{
    void *typed = malloc((size_t)(t->n > 0 ? t->n : 1) * size);
    if (typed) return typed;
    free(t->row);
    t->row = NULL;
    t->n = 0;
    snprintf(err, len, "out of memory");
    return NULL;
}

/* Row r belongs to series kind (for θ(t) also to its depth). */
static int row_match(const shp_plot_row *r, int kind, double depth)
{
    return r->kind == kind && (kind != SHP_OBS_THETA_T || r->v[3] == depth);
}

int shp_plot_rows_source(FILE *f, const shp_plot_rows *t, const char *file, int n_fields, int kind, double depth,
                         const char *tag, char *src, size_t len)
{
    int first = -1, last = -1, stride = 0, n = 0, even = 1;
    for (int i = 0; i < t->n; ++i) {
        if (!row_match(&t->row[i], kind, depth)) continue;
        if (n == 1) stride = i - first;
        else if (n > 1 && i - last != stride) even = 0;
        if (first < 0) first = i;
        last = i;
        ++n;
    }
    if (n == 0) return 0;
    if (even) {
        snprintf(src, len, "'%s' skip 1 every %d::%d::%d", file, stride ? stride : 1, first, last);
        return n;
    }
    fprintf(f, "$%s << EOD\n", tag);
    for (int i = 0; i < t->n; ++i) {
        const shp_plot_row *r = &t->row[i];
        if (!row_match(r, kind, depth)) continue;
        fprintf(f, "%s", shp_obs_name(kind));
        for (int k = 1; k < n_fields; ++k) {
            fputc(',', f);
            if (isfinite(r->v[k])) fprintf(f, "%.12g", r->v[k]);
        }
        fputc('\n', f);
    }
    fprintf(f, "EOD\n");
    snprintf(src, len, "$%s", tag);
    return n;
}
