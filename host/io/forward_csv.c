/* CSV tables of a forward run (see shpfit/forward_output.h). */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "io/fs.h"
#include "shpfit/forward_output.h"

/* Enough digits for the water-balance error and Q differences to survive a round trip
 * through a plotting script, fewer than %.17g's noise digits. */
#define NUM "%.12g"

shp_status shp_forward_write_series(const char *path, const shp_forward_problem *fp,
                                    const shp_column_result *res, int rows, char *err, size_t errlen)
{
    FILE *f = shp_file_create(path, err, errlen);
    if (!f) return SHP_ERR_IO;
    const char *L = shp_forward_length_unit(fp), *T = shp_forward_time_unit(fp);
    fprintf(f, "time_%s,Q_%s,v_inst_%s_per_%s,v_mean_%s_per_%s,q_bottom_%s_per_%s,Q_bottom_%s,"
               "balance_error_%s",
            T, L, L, T, L, T, L, T, L, L);
    /* the budget of an atmospheric top or of roots, cumulative */
    const int budget = shp_forward_n_forcing(fp) > 0;
    if (budget)
        fprintf(f, ",precipitation_%s,evaporation_potential_%s,evaporation_%s,transpiration_potential_%s,"
                   "transpiration_%s,runoff_%s,storage_change_%s",
                L, L, L, L, L, L, L);
    fputc('\n', f);
    const shp_column_out *o = &res->out;
    for (int k = 0; k < rows; ++k) {
        fprintf(f, NUM "," NUM "," NUM "," NUM "," NUM "," NUM "," NUM, shp_forward_column(fp)->t_out[k], o->Q[k], o->v_inst[k],
                o->v_mean[k], o->q_bot[k], o->Q_bot[k], o->balance[k]);
        if (budget) {
            shp_water_budget b;
            shp_forward_water_budget(fp, res, k, &b);
            fprintf(f, "," NUM "," NUM "," NUM "," NUM "," NUM "," NUM "," NUM, b.precipitation,
                    b.evaporation_potential, b.evaporation, b.transpiration_potential, b.transpiration, b.runoff,
                    b.storage_change);
        }
        fputc('\n', f);
    }
    return shp_file_close(f, path, err, errlen);
}

shp_status shp_forward_write_observations(const char *path, const shp_forward_problem *fp,
                                          const shp_column_result *res, int rows, char *err,
                                          size_t errlen)
{
    FILE *f = shp_file_create(path, err, errlen);
    if (!f) return SHP_ERR_IO;
    const int m = shp_forward_column(fp)->n_obs;
    fprintf(f, "time_%s", shp_forward_time_unit(fp));
    for (int j = 0; j < m; ++j) fprintf(f, ",theta_at_%g%s", shp_forward_obs_depth(fp)[j], shp_forward_length_unit(fp));
    fputc('\n', f);
    for (int k = 0; k < rows; ++k) {
        fprintf(f, NUM, shp_forward_column(fp)->t_out[k]);
        for (int j = 0; j < m; ++j) fprintf(f, "," NUM, res->out.theta_obs[(long)k * m + j]);
        fputc('\n', f);
    }
    return shp_file_close(f, path, err, errlen);
}

shp_status shp_forward_write_profile_final(const char *path, const shp_forward_problem *fp,
                                           const shp_column_result *res, char *err, size_t errlen)
{
    const shp_column *col = shp_forward_column(fp);
    const int n = col->n;
    /* with profiles = "all" the final profile is the last stored one */
    const long off = col->profiles_all ? (long)(col->n_out - 1) * n : 0;
    FILE *f = shp_file_create(path, err, errlen);
    if (!f) return SHP_ERR_IO;
    fprintf(f, "depth_%s,h_%s,theta\n", shp_forward_length_unit(fp), shp_forward_length_unit(fp));
    for (int i = 0; i < n; ++i)
        fprintf(f, NUM "," NUM "," NUM "\n", col->z[i], res->out.h_prof[off + i],
                res->out.theta_prof[off + i]);
    return shp_file_close(f, path, err, errlen);
}

shp_status shp_forward_write_profiles(const char *path, const shp_forward_problem *fp,
                                      const shp_column_result *res, int rows, char *err, size_t errlen)
{
    const shp_column *col = shp_forward_column(fp);
    const int n = col->n;
    FILE *f = shp_file_create(path, err, errlen);
    if (!f) return SHP_ERR_IO;
    fprintf(f, "time_%s,depth_%s,h_%s,theta\n", shp_forward_time_unit(fp), shp_forward_length_unit(fp), shp_forward_length_unit(fp));
    for (int k = 0; k < rows; ++k)
        for (int i = 0; i < n; ++i)
            fprintf(f, NUM "," NUM "," NUM "," NUM "\n", col->t_out[k], col->z[i],
                    res->out.h_prof[(long)k * n + i], res->out.theta_prof[(long)k * n + i]);
    return shp_file_close(f, path, err, errlen);
}
