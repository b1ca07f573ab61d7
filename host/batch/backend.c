/* Backend dispatch (shpfit/batch.h): the operation table is the whole interface. */
#include <stdio.h>
#include <string.h>

#include "shpfit/backend_cuda.h"
#include "shpfit/batch.h"

/* The CUDA backend lives in kernels/ and is linked only into programs built with nvcc.
 * Weak references keep the library free of any CUDA dependency: without those objects
 * the functions' addresses are null, and "cuda" says it was not built in. */
#pragma weak shp_backend_cuda_create
#pragma weak shp_cuda_device_count

int shp_backend_cuda_built(void) { return shp_backend_cuda_create != NULL; }

shp_backend *shp_backend_create(const char *name, int threads, char *err, size_t len)
{
    if (err && len) err[0] = '\0';
    if (name && !strcmp(name, "cpu")) return shp_backend_cpu_create(threads);
    if (name && (!strcmp(name, "cuda") || !strcmp(name, "auto"))) {
        const int cuda = !strcmp(name, "cuda");
        if (!shp_backend_cuda_built() || !shp_cuda_device_count) {
            if (!cuda) return shp_backend_cpu_create(threads);
            if (err && len)
                snprintf(err, len, "built without CUDA (this program has no CUDA backend; "
                                   "build with nvcc installed, see docs/gpu.md)");
            return NULL;
        }
        if (shp_cuda_device_count() <= 0) {
            if (!cuda) return shp_backend_cpu_create(threads);
            if (err && len) snprintf(err, len, "no CUDA device (none visible to this process)");
            return NULL;
        }
        /* a device is there: a failure to set it up is an error, also for "auto" */
        return shp_backend_cuda_create(0, SHP_CUDA_WORK_AUTO, err, len);
    }
    if (err && len)
        snprintf(err, len, "unknown backend \"%s\" (valid: cpu, cuda, auto)", name ? name : "(null)");
    return NULL;
}

const char *shp_backend_name(const shp_backend *be) { return be ? be->ops->name : "none"; }

const char *shp_backend_error(const shp_backend *be)
{
    return be && be->ops->error ? be->ops->error(be) : "";
}

shp_status shp_backend_run(shp_backend *be, const shp_batch_setup *s, const shp_batch *b)
{
    if (!be || !s || !b || !s->col || b->n < 0 || (b->n > 0 && (!b->mats || !b->out || !b->stats)))
        return SHP_ERR_INVALID;
    /* the sensitivity equations follow neither an atmospheric top's switches nor the
     * root sink: derivatives asked of such a column would be wrong */
    if (s->col->n_sens > 0 && (s->col->top.type == SHP_BC_ATMOSPHERIC || s->col->root_w)) return SHP_ERR_INVALID;
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
