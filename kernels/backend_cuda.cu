/* The "cuda" batch backend (shpfit/backend_cuda.h): the operation table of
 * shpfit/batch.h over the one-block-per-column kernel of column_kernel.cu.
 *
 * Per batch: the shared set-up is uploaded only when it differs from the last one
 * (a fit runs one set-up for all its generations), the candidates' materials go in,
 * one launch runs every column, and the output blocks and statistics come back. Device
 * buffers are kept between batches and grown only when a larger batch (or column)
 * arrives. Every runtime call and the launch are checked; a failure is SHP_ERR_CUDA
 * with the call and the runtime's message (shp_backend_error). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "column_kernel.h"
#include "cuda_check.h"

#include "shpfit/backend_cuda.h"

namespace {

/* A device buffer that only grows. */
struct dbuf {
    void *p;
    size_t cap;
};

struct cuda_state {
    int device;
    int work_mode;
    int tridiag;           /* shp_team.tridiag of every block */
    char name[320];
    size_t smem_optin;     /* opt-in dynamic + static shared memory per block */
    size_t smem_allowed[2]; /* bytes each kernel variant is opted in to (0: default) */
    cudaStream_t stream;
    cudaEvent_t ev0, ev1;
    dbuf setup, mats, out, stats, work;
    unsigned char *host_setup; /* the packed set-up now on the device */
    size_t host_setup_len;
    shp_column dcol;           /* the set-up with device pointers */
    shp_cuda_timing timing;
    char err[512];
};

cuda_state *state_of(const shp_backend *be) { return (cuda_state *)be->state; }

int grow(dbuf *b, size_t bytes, char *err, size_t len)
{
    if (bytes <= b->cap) return SHP_OK;
    if (b->p) {
        SHP_CUDA_CHECK(cudaFree(b->p), err, len);
        b->p = NULL;
        b->cap = 0;
    }
    SHP_CUDA_CHECK(cudaMalloc(&b->p, bytes), err, len);
    b->cap = bytes;
    return SHP_OK;
}

double wall_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return 1e3 * (double)ts.tv_sec + 1e-6 * (double)ts.tv_nsec;
}

/* The shared set-up as one packed block: doubles (z, t_out, obs_w, boundary and
 * transpiration tables, initial values, root weights), then ints (mat_of_node, obs_node,
 * sens_mat, sens_par). Offsets in bytes. */
struct layout {
    size_t z, t_out, obs_w, top_t, top_v, bot_t, bot_v, tp_t, tp_v, init, root_w, mat_of_node,
        obs_node, sens_mat, sens_par, total;
};

layout plan(const shp_batch_setup *s)
{
    const shp_column *c = s->col;
    layout l;
    size_t o = 0;
    l.z = o; o += sizeof(double) * (size_t)c->n;
    l.t_out = o; o += sizeof(double) * (size_t)c->n_out;
    l.obs_w = o; o += sizeof(double) * (size_t)c->n_obs;
    l.top_t = o; o += sizeof(double) * (size_t)(c->top.n > 0 ? c->top.n : 0);
    l.top_v = o; o += sizeof(double) * (size_t)(c->top.n > 0 ? c->top.n : 0);
    l.bot_t = o; o += sizeof(double) * (size_t)(c->bottom.n > 0 ? c->bottom.n : 0);
    l.bot_v = o; o += sizeof(double) * (size_t)(c->bottom.n > 0 ? c->bottom.n : 0);
    l.tp_t = o; o += sizeof(double) * (size_t)(c->transp.n > 0 ? c->transp.n : 0);
    l.tp_v = o; o += sizeof(double) * (size_t)(c->transp.n > 0 ? c->transp.n : 0);
    l.init = o; o += sizeof(double) * (size_t)c->n;
    l.root_w = o; o += sizeof(double) * (size_t)(c->root_w ? c->n : 0);
    l.mat_of_node = o; o += sizeof(int) * (size_t)c->n;
    l.obs_node = o; o += sizeof(int) * (size_t)c->n_obs;
    l.sens_mat = o; o += sizeof(int) * (size_t)(c->n_sens > 0 ? c->n_sens : 0);
    l.sens_par = o; o += sizeof(int) * (size_t)(c->n_sens > 0 ? c->n_sens : 0);
    l.total = o;
    return l;
}

void put(unsigned char *blob, size_t off, const void *src, size_t bytes)
{
    if (bytes) memcpy(blob + off, src, bytes);
}

/* Upload the set-up when it is not the one already on the device. The comparison is
 * by content: callers may reuse or rewrite their arrays between batches. */
int sync_setup(cuda_state *st, const shp_batch_setup *s, char *err, size_t len)
{
    const shp_column *c = s->col;
    const layout l = plan(s);
    /* the scalar part (types, values, options, counts) is compared too */
    const size_t total = l.total + sizeof(shp_column) + sizeof(int);
    unsigned char *blob = (unsigned char *)calloc(1, total);
    if (!blob) {
        snprintf(err, len, "cuda backend: out of host memory for the column set-up");
        return SHP_ERR_NOMEM;
    }
    put(blob, l.z, c->z, l.t_out - l.z);
    put(blob, l.t_out, c->t_out, l.obs_w - l.t_out);
    put(blob, l.obs_w, c->obs_w, l.top_t - l.obs_w);
    put(blob, l.top_t, c->top.t, l.top_v - l.top_t);
    put(blob, l.top_v, c->top.v, l.bot_t - l.top_v);
    put(blob, l.bot_t, c->bottom.t, l.bot_v - l.bot_t);
    put(blob, l.bot_v, c->bottom.v, l.tp_t - l.bot_v);
    put(blob, l.tp_t, c->transp.t, l.tp_v - l.tp_t);
    put(blob, l.tp_v, c->transp.v, l.init - l.tp_v);
    put(blob, l.init, s->init_value, l.root_w - l.init);
    put(blob, l.root_w, c->root_w, l.mat_of_node - l.root_w);
    put(blob, l.mat_of_node, c->mat_of_node, l.obs_node - l.mat_of_node);
    put(blob, l.obs_node, c->obs_node, l.sens_mat - l.obs_node);
    put(blob, l.sens_mat, c->sens_mat, l.sens_par - l.sens_mat);
    put(blob, l.sens_par, c->sens_par, l.total - l.sens_par);
    shp_column scalars = *c; /* pointers zeroed so only values compare */
    scalars.z = NULL;
    scalars.mat_of_node = NULL;
    scalars.t_out = NULL;
    scalars.obs_node = NULL;
    scalars.obs_w = NULL;
    scalars.sens_mat = scalars.sens_par = NULL;
    scalars.top.t = scalars.top.v = scalars.bottom.t = scalars.bottom.v = NULL;
    scalars.transp.t = scalars.transp.v = NULL;
    scalars.root_w = NULL; /* its presence shows in the length */
    memcpy(blob + l.total, &scalars, sizeof scalars);
    memcpy(blob + l.total + sizeof scalars, &s->init_var, sizeof(int));

    if (st->host_setup && st->host_setup_len == total && !memcmp(st->host_setup, blob, total)) {
        free(blob);
        return SHP_OK;
    }
    free(st->host_setup);
    st->host_setup = NULL; /* until the upload succeeds */
    int rc = grow(&st->setup, l.total, err, len);
    if (rc == SHP_OK) {
        cudaError_t e = cudaMemcpyAsync(st->setup.p, blob, l.total, cudaMemcpyHostToDevice, st->stream);
        if (e == cudaSuccess) e = cudaStreamSynchronize(st->stream); /* blob is freed below */
        if (e != cudaSuccess) {
            snprintf(err, len, "cuda backend: uploading the column set-up: %s", cudaGetErrorString(e));
            rc = SHP_ERR_CUDA;
        }
    }
    if (rc != SHP_OK) {
        free(blob);
        return rc;
    }
    st->host_setup = blob;
    st->host_setup_len = total;
    unsigned char *d = (unsigned char *)st->setup.p;
    shp_column dc = *c;
    dc.z = (const double *)(d + l.z);
    dc.t_out = (const double *)(d + l.t_out);
    dc.obs_w = c->n_obs ? (const double *)(d + l.obs_w) : NULL;
    dc.top.t = c->top.n > 0 ? (const double *)(d + l.top_t) : NULL;
    dc.top.v = c->top.n > 0 ? (const double *)(d + l.top_v) : NULL;
    dc.bottom.t = c->bottom.n > 0 ? (const double *)(d + l.bot_t) : NULL;
    dc.bottom.v = c->bottom.n > 0 ? (const double *)(d + l.bot_v) : NULL;
    dc.transp.t = c->transp.n > 0 ? (const double *)(d + l.tp_t) : NULL;
    dc.transp.v = c->transp.n > 0 ? (const double *)(d + l.tp_v) : NULL;
    dc.root_w = c->root_w ? (const double *)(d + l.root_w) : NULL;
    dc.mat_of_node = (const int *)(d + l.mat_of_node);
    dc.obs_node = c->n_obs ? (const int *)(d + l.obs_node) : NULL;
    dc.sens_mat = c->n_sens > 0 ? (const int *)(d + l.sens_mat) : NULL;
    dc.sens_par = c->n_sens > 0 ? (const int *)(d + l.sens_par) : NULL;
    st->dcol = dc;
    return SHP_OK;
}

int run_batch(shp_backend *be, const shp_batch_setup *s, const shp_batch *b, char *err, size_t len)
{
    cuda_state *st = state_of(be);
    const shp_column *c = s->col;
    const double t0 = wall_ms();
    if (c->n < 3 || s->n_materials < 1 || !s->init_value) {
        snprintf(err, len, "cuda backend: bad set-up (%d nodes, %d materials)", c->n, s->n_materials);
        return SHP_ERR_INVALID;
    }
    SHP_CUDA_CHECK(cudaSetDevice(st->device), err, len);
    int rc = sync_setup(st, s, err, len);
    if (rc != SHP_OK) return rc;

    /* shared memory for the column's arrays when they fit (and unless told otherwise) */
    const int ns = c->n_sens > 0 ? c->n_sens : 0;
    const size_t smem_shared = shp_cuda_smem_bytes(c->n, s->n_materials, c->opt.kmean, ns, 1);
    const size_t smem_global = shp_cuda_smem_bytes(c->n, s->n_materials, c->opt.kmean, ns, 0);
    const int fits = smem_shared + shp_cuda_static_smem_bytes() <= st->smem_optin;
    const int shared = st->work_mode == SHP_CUDA_WORK_GLOBAL ? 0 : fits;
    if (st->work_mode == SHP_CUDA_WORK_SHARED && !fits) {
        snprintf(err, len, "cuda backend: a column of %d nodes needs %zu bytes of shared memory "
                 "per block, the device allows %zu", c->n, smem_shared + shp_cuda_static_smem_bytes(),
                 st->smem_optin);
        return SHP_ERR_INVALID;
    }
    const size_t smem = shared ? smem_shared : smem_global;
    if (smem > st->smem_allowed[shared]) {
        if ((rc = shp_cuda_kernel_allow_smem(shared, smem, err, len)) != SHP_OK) return rc;
        st->smem_allowed[shared] = smem;
    }

    const size_t n = (size_t)b->n;
    const long stride = shp_column_out_size(c);
    const size_t mat_bytes = sizeof(shp_material) * (size_t)s->n_materials * n;
    const size_t out_bytes = sizeof(double) * (size_t)stride * n;
    const size_t stats_bytes = sizeof(shp_column_stats) * n;
    if ((rc = grow(&st->mats, mat_bytes, err, len)) != SHP_OK ||
        (rc = grow(&st->out, out_bytes, err, len)) != SHP_OK ||
        (rc = grow(&st->stats, stats_bytes, err, len)) != SHP_OK ||
        (!shared && (rc = grow(&st->work,
                               sizeof(double) * (size_t)shp_cuda_work_doubles(c->n, s->n_materials,
                                                                              c->opt.kmean, ns) * n,
                               err, len)) != SHP_OK))
        return rc;

    SHP_CUDA_CHECK(cudaMemcpyAsync(st->mats.p, b->mats, mat_bytes, cudaMemcpyHostToDevice, st->stream),
                   err, len);
    shp_cuda_batch_args a;
    a.col = st->dcol;
    a.mats = (const shp_material *)st->mats.p;
    a.n_mat = s->n_materials;
    a.init_var = s->init_var;
    a.init_value = (const double *)((unsigned char *)st->setup.p + plan(s).init);
    a.out = (double *)st->out.p;
    a.out_stride = stride;
    a.stats = (shp_column_stats *)st->stats.p;
    a.work = shared ? NULL : (double *)st->work.p;
    a.n_cand = b->n;
    a.tridiag = st->tridiag;
    SHP_CUDA_CHECK(cudaEventRecord(st->ev0, st->stream), err, len);
    if ((rc = shp_cuda_launch_batch(&a, smem, st->stream, err, len)) != SHP_OK) return rc;
    SHP_CUDA_CHECK(cudaEventRecord(st->ev1, st->stream), err, len);
    SHP_CUDA_CHECK(cudaMemcpyAsync(b->out, st->out.p, out_bytes, cudaMemcpyDeviceToHost, st->stream),
                   err, len);
    SHP_CUDA_CHECK(cudaMemcpyAsync(b->stats, st->stats.p, stats_bytes, cudaMemcpyDeviceToHost,
                                   st->stream), err, len);
    /* a fault inside the kernel surfaces here */
    SHP_CUDA_CHECK(cudaStreamSynchronize(st->stream), err, len);
    float ms = 0.0f;
    SHP_CUDA_CHECK(cudaEventElapsedTime(&ms, st->ev0, st->ev1), err, len);
    st->timing.kernel_ms = ms;
    st->timing.total_ms = wall_ms() - t0;
    st->timing.shared = shared;
    st->timing.smem_bytes = smem;
    st->timing.candidates = b->n;
    return SHP_OK;
}

int cuda_run(shp_backend *be, const shp_batch_setup *s, const shp_batch *b)
{
    cuda_state *st = state_of(be);
    st->err[0] = '\0';
    return run_batch(be, s, b, st->err, sizeof st->err);
}

const char *cuda_error(const shp_backend *be) { return state_of(be)->err; }

void release(cuda_state *st)
{
    if (!st) return;
    cudaSetDevice(st->device); /* best effort: nothing to report from a destructor */
    dbuf *bufs[] = {&st->setup, &st->mats, &st->out, &st->stats, &st->work};
    for (dbuf *b : bufs)
        if (b->p) cudaFree(b->p);
    if (st->ev0) cudaEventDestroy(st->ev0);
    if (st->ev1) cudaEventDestroy(st->ev1);
    if (st->stream) cudaStreamDestroy(st->stream);
    free(st->host_setup);
    free(st);
}

void cuda_destroy(shp_backend *be)
{
    release(state_of(be));
    free(be);
}

const shp_backend_ops cuda_ops = {"cuda", cuda_run, cuda_destroy, cuda_error};

int setup_device(cuda_state *st, char *err, size_t len)
{
    SHP_CUDA_CHECK(cudaSetDevice(st->device), err, len);
    cudaDeviceProp prop;
    SHP_CUDA_CHECK(cudaGetDeviceProperties(&prop, st->device), err, len);
    snprintf(st->name, sizeof st->name, "%s (sm_%d%d)", prop.name, prop.major, prop.minor);
    if (prop.major < 9) {
        /* the fat binary holds sm_90 code and compute_90 PTX only */
        snprintf(err, len, "cuda backend: device %d (%s) has compute capability %d.%d; this "
                 "build targets 9.0 and newer (set CUDA_ARCH in the Makefile)",
                 st->device, prop.name, prop.major, prop.minor);
        return SHP_ERR_CUDA;
    }
    st->smem_optin = prop.sharedMemPerBlockOptin;
    SHP_CUDA_CHECK(cudaStreamCreateWithFlags(&st->stream, cudaStreamNonBlocking), err, len);
    SHP_CUDA_CHECK(cudaEventCreate(&st->ev0), err, len);
    SHP_CUDA_CHECK(cudaEventCreate(&st->ev1), err, len);
    return SHP_OK;
}

} // namespace

extern "C" int shp_cuda_device_count(void)
{
    int n = 0;
    if (cudaGetDeviceCount(&n) != cudaSuccess) {
        cudaGetLastError(); /* clear the (non-sticky) error for later calls */
        return 0;
    }
    return n;
}

extern "C" shp_backend *shp_backend_cuda_create(int device, int work, char *err, size_t len)
{
    char buf[512];
    if (!err || !len) {
        err = buf;
        len = sizeof buf;
    }
    err[0] = '\0';
    const int count = shp_cuda_device_count();
    if (count <= 0) {
        snprintf(err, len, "no CUDA device (none visible to this process)");
        return NULL;
    }
    if (device < 0 || device >= count) {
        snprintf(err, len, "no CUDA device %d (%d visible)", device, count);
        return NULL;
    }
    if (work < SHP_CUDA_WORK_AUTO || work > SHP_CUDA_WORK_GLOBAL) {
        snprintf(err, len, "bad work placement %d", work);
        return NULL;
    }
    shp_backend *be = (shp_backend *)calloc(1, sizeof *be);
    cuda_state *st = (cuda_state *)calloc(1, sizeof *st);
    if (!be || !st) {
        free(be);
        free(st);
        snprintf(err, len, "out of host memory");
        return NULL;
    }
    st->device = device;
    st->work_mode = work;
    st->tridiag = SHP_TRIDIAG_DEFAULT;
    be->ops = &cuda_ops;
    be->state = st;
    if (setup_device(st, err, len) != SHP_OK) {
        cuda_destroy(be);
        return NULL;
    }
    return be;
}

extern "C" shp_status shp_backend_cuda_timing(const shp_backend *be, shp_cuda_timing *t)
{
    if (!be || be->ops != &cuda_ops || !t) return SHP_ERR_INVALID;
    *t = state_of(be)->timing;
    return SHP_OK;
}

extern "C" shp_status shp_backend_cuda_set_tridiag(shp_backend *be, int solve)
{
    if (!be || be->ops != &cuda_ops || solve < SHP_TRIDIAG_CR || solve > 30) return SHP_ERR_INVALID;
    state_of(be)->tridiag = solve;
    return SHP_OK;
}

extern "C" const char *shp_backend_cuda_device_name(const shp_backend *be)
{
    if (!be || be->ops != &cuda_ops) return "";
    return state_of(be)->name;
}
