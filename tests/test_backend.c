/* Backend selection without a GPU: the factory's names and messages, the CPU backend
 * against the single-column CPU run (forward now runs through it), and the --backend
 * option of the commands. The test program is linked without the CUDA objects, so
 * here "cuda" is "built without CUDA"; build/shpfit has them wherever nvcc exists,
 * and then says "no CUDA device" on a machine without one (or runs, with one). */
#define _POSIX_C_SOURCE 200809L /* mkdtemp */
#include <criterion/criterion.h>

#include "shpfit/config.h"
#include "test_util.h"

#include <string.h>

#include "shpfit/batch.h"
#include "shpfit/forward.h"

Test(backend, factory_names_and_messages)
{
    char err[512];
    shp_backend *be = shp_backend_create("cpu", 1, err, sizeof err);
    cr_assert_not_null(be);
    cr_expect_str_eq(shp_backend_name(be), "cpu");
    cr_expect_str_eq(shp_backend_error(be), "");
    shp_backend_destroy(be);

    cr_expect_eq(shp_backend_cuda_built(), 0, "the test program has no CUDA objects");
    cr_expect_null(shp_backend_create("cuda", 1, err, sizeof err));
    cr_expect(strstr(err, "built without CUDA") != NULL, "message: %s", err);

    be = shp_backend_create("auto", 1, err, sizeof err); /* no CUDA here: the CPU */
    cr_assert_not_null(be, "auto: %s", err);
    cr_expect_str_eq(shp_backend_name(be), "cpu");
    shp_backend_destroy(be);

    cr_expect_null(shp_backend_create("gpu", 1, err, sizeof err));
    cr_expect(strstr(err, "unknown backend \"gpu\"") && strstr(err, "cpu, cuda, auto"), "message: %s", err);
    shp_backend_destroy(NULL);
}

/* A batch of one on the CPU backend is the single-column run, bit for bit (so
 * `shpfit forward`, which now goes through the backend, writes what it wrote before). */
Test(backend, cpu_batch_of_one_is_the_single_column_run)
{
    static const char *configs[] = {"../configs/ponded_loam.json", "../configs/flux_layered.json",
                                    "../configs/initial_profile.json"};
    for (size_t c = 0; c < sizeof configs / sizeof configs[0]; ++c) {
        char err[1024];
        shp_forward_problem *fp = NULL;
        cr_assert_eq(shp_forward_load(configs[c], &fp, err, sizeof err), SHP_OK, "%s", err);
        const shp_column *col = shp_forward_column(fp);
        shp_column_result a, b;
        cr_assert_eq(shp_column_result_alloc(col, &a), SHP_OK);
        cr_assert_eq(shp_column_result_alloc(col, &b), SHP_OK);
        shp_column_run_cpu(col, shp_forward_materials(fp), shp_forward_h_init(fp), &a);
        shp_backend *be = shp_backend_cpu_create(1);
        const shp_batch_setup s = {col, shp_forward_n_materials(fp), shp_forward_init_var(fp), shp_forward_init_values(fp)};
        const shp_batch bt = {1, shp_forward_materials(fp), b.block, &b.stats};
        cr_assert_eq(shp_backend_run(be, &s, &bt), SHP_OK);
        cr_expect_eq(a.stats.status, b.stats.status, "%s", configs[c]);
        cr_expect_eq(a.stats.steps, b.stats.steps, "%s", configs[c]);
        cr_expect_eq(a.stats.iterations, b.stats.iterations, "%s", configs[c]);
        cr_expect(!memcmp(a.block, b.block, sizeof(double) * (size_t)shp_column_out_doubles(col)),
                  "%s: outputs differ", configs[c]);
        shp_backend_destroy(be);
        shp_column_result_free(&a);
        shp_column_result_free(&b);
        shp_forward_destroy(fp);
    }
}

Test(backend, cli_backend_option)
{
    char tmp[64], out[128], log[160];
    tu_make_tmp(tmp, sizeof tmp, "backend");
    snprintf(log, sizeof log, "%s/err.txt", tmp);
    for (int k = 0; k < 4; ++k) {
        static const char *cmd[] = {"forward ../configs/ponded_loam.json", "fit ../configs/fit_loam.json",
                                    "synth ../configs/ponded_loam.json", "surface ../configs/fit_loam.json"};
        snprintf(out, sizeof out, "%s/bad%d", tmp, k);
        cr_expect_eq(tu_run(SHPFIT " %s --out %s --backend gpu 2> %s", cmd[k], out, log), 2, "%s", cmd[k]);
        char *msg = tu_slurp(log);
        cr_expect(msg && strstr(msg, "--backend must be cpu, cuda or auto"), "%s: %s", cmd[k], msg);
        free(msg);
        cr_expect(!tu_exists(out), "%s: nothing is written on a usage error", cmd[k]);
    }

    /* cuda: runs where this build has CUDA and a device, else exit 2 naming the reason */
    snprintf(out, sizeof out, "%s/cuda", tmp);
    const int rc = tu_run(SHPFIT " forward ../configs/ponded_loam.json --out %s --backend cuda "
                          "> /dev/null 2> %s", out, log);
    if (rc == 2) {
        char *msg = tu_slurp(log);
        cr_expect(msg && (strstr(msg, "no CUDA device") || strstr(msg, "built without CUDA")),
                  "message: %s", msg);
        free(msg);
        cr_expect(!tu_exists(out), "nothing is written when the backend is unavailable");
        snprintf(out, sizeof out, "%s/cuda_surface", tmp);
        cr_expect_eq(tu_run(SHPFIT " surface ../configs/fit_loam.json --points 3 --out %s --backend cuda "
                            "> /dev/null 2> %s", out, log), 2, "surface --backend cuda without a device");
        cr_expect(!tu_exists(out), "surface: nothing is written when the backend is unavailable");
        snprintf(out, sizeof out, "%s/cuda_paper", tmp);
        cr_expect_eq(tu_run(SHPFIT " paper ../configs/paper/paper.json --out %s --backend cuda "
                            "> /dev/null 2> %s", out, log), 2, "paper --backend cuda without a device");
        cr_expect(!tu_exists(out), "paper: nothing is written when the backend is unavailable");

        /* then auto is the CPU, and writes what cpu writes */
        char out2[128];
        snprintf(out, sizeof out, "%s/cpu", tmp);
        snprintf(out2, sizeof out2, "%s/auto", tmp);
        cr_assert_eq(tu_run(SHPFIT " forward ../configs/ponded_loam.json --out %s --backend cpu > /dev/null", out), 0);
        cr_assert_eq(tu_run(SHPFIT " forward ../configs/ponded_loam.json --out %s --backend auto > /dev/null", out2), 0);
        char *a = tu_slurp(tu_file_in(out, "series.csv"));
        char *b = tu_slurp(tu_file_in(out2, "series.csv"));
        cr_expect(a && b && !strcmp(a, b), "auto without a device differs from cpu");
        free(a);
        free(b);
    } else {
        cr_expect_eq(rc, 0, "forward --backend cuda on a device");
    }
    tu_remove_tree(tmp);
}
