/* Backend dispatch (shpfit/batch.h): the operation table is the whole interface. */
#include <stdio.h>
#include <string.h>

#include "shpfit/batch.h"

shp_backend *shp_backend_create(const char *name, int threads, char *err, size_t len)
{
    if (name && !strcmp(name, "cpu")) return shp_backend_cpu_create(threads);
    if (err && len)
        snprintf(err, len, "unknown backend \"%s\" (valid: cpu%s)", name ? name : "(null)",
                 "");
    return NULL;
}

const char *shp_backend_name(const shp_backend *be) { return be ? be->ops->name : "none"; }

int shp_backend_run(shp_backend *be, const shp_batch_setup *s, const shp_batch *b)
{
    if (!be || !s || !b || !s->col || b->n < 0 || (b->n > 0 && (!b->mats || !b->out || !b->stats)))
        return SHP_ERR_INVALID;
    if (b->n == 0) return SHP_OK;
    return be->ops->run(be, s, b);
}

void shp_backend_destroy(shp_backend *be)
{
    if (be) be->ops->destroy(be);
}

void shp_batch_out_of(const shp_batch_setup *s, const shp_batch *b, int i, shp_column_out *out)
{
    const long stride = shp_column_out_doubles(s->col);
    shp_column_out_bind(s->col, b->out + (long)i * stride, &b->stats[i], out);
}
