/* summary.json and the whole output directory of a forward run (forward_output.h). */
#define _POSIX_C_SOURCE 200809L /* unlink */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "io/fs.h"
#include "io/json_file.h"
#include "shpfit/forward_output.h"
#include "shpfit/version.h"

static cJSON *build_summary(const shp_forward_problem *fp, const shp_column_result *res,
                            double wall_s, const char *const *files, int n_files)
{
    const shp_column *col = shp_forward_column(fp);
    const shp_column_stats *st = &res->stats;
    const int n_out = col->n_out, reached = shp_forward_outputs_reached(fp, res);
    const char *L = shp_forward_length_unit(fp), *T = shp_forward_time_unit(fp);
    cJSON *s = shp_json_output_begin("forward", shp_forward_source(fp));
    if (!s) return NULL;
    cJSON_AddStringToObject(s, "status", shp_status_name(st->status));
    cJSON_AddStringToObject(s, "message", shp_strerror(st->status));
    shp_json_add_units(s, L, T);
    cJSON_AddNumberToObject(s, "nodes", col->n);
    shp_json_add_number(s, "t_end", col->t_out[n_out - 1]);
    shp_json_add_number(s, "t_reached", st->t_reached);
    cJSON_AddNumberToObject(s, "outputs_requested", n_out);
    cJSON_AddNumberToObject(s, "outputs_reached", reached);
    /* the last reached output, so a failed run still reports what it did compute */
    shp_json_add_number(s, "Q_final", reached ? res->out.Q[reached - 1] : NAN);
    shp_json_add_number(s, "Q_final_time", reached ? col->t_out[reached - 1] : NAN);
    shp_json_add_number(s, "Q_bottom_final", reached ? res->out.Q_bot[reached - 1] : NAN);
    cJSON *wb = cJSON_AddObjectToObject(s, "water_balance");
    shp_json_add_number(wb, "final_error", reached ? res->out.balance[reached - 1] : NAN);
    shp_json_add_number(wb, "max_abs_error", st->max_abs_balance);
    cJSON_AddStringToObject(wb, "unit", L);
    if (reached) { /* the budget to the last reached output, every term cumulative */
        shp_water_budget b;
        shp_forward_water_budget(fp, res, reached - 1, &b);
        shp_json_add_water_budget(cJSON_AddObjectToObject(wb, "budget"), &b);
        if (b.precipitation > 0.0) shp_json_add_number(wb, "relative_error", b.balance_error / b.precipitation);
    }
    cJSON_AddNumberToObject(s, "steps", (double)st->steps);
    cJSON_AddNumberToObject(s, "iterations", (double)st->iterations);
    cJSON_AddNumberToObject(s, "failures", (double)st->failures);
    shp_json_add_number(s, "wall_time_s", wall_s);
    cJSON *fl = cJSON_AddArrayToObject(s, "files");
    for (int i = 0; i < n_files; ++i) cJSON_AddItemToArray(fl, cJSON_CreateString(files[i]));
    if (reached < n_out) {
        char note[400];
        snprintf(note, sizeof note,
                 "the run stopped at t = %g %s (%s): only the first %d of %d output times were "
                 "reached and written; profile_final.csv was not written",
                 st->t_reached, T, shp_status_name(st->status), reached, n_out);
        cJSON_AddStringToObject(s, "note", note);
    }
    cJSON_AddItemToObject(s, "config", cJSON_Duplicate(shp_forward_config(fp), 1));
    return s;
}

shp_status shp_forward_write_summary(const char *path, const shp_forward_problem *fp,
                                     const shp_column_result *res, double wall_s,
                                     const char *const *files, int n_files, char *err, size_t errlen)
{
    return shp_json_write_file(path, build_summary(fp, res, wall_s, files, n_files), err, errlen);
}

shp_status shp_forward_write_all(const char *dir, const shp_forward_problem *fp,
                                 const shp_column_result *res, double wall_s, char *err, size_t errlen)
{
    const shp_column *col = shp_forward_column(fp);
    enum { SERIES, PROFILE_FINAL, PROFILES, OBSERVATIONS, N_TABLES };
    static const char *const names[N_TABLES] = {"series.csv", "profile_final.csv", "profiles.csv",
                                                "observations.csv"};
    const int rows = shp_forward_outputs_reached(fp, res);
    const int want[N_TABLES] = {
        1,
        rows == col->n_out && res->stats.status == SHP_OK,
        col->profiles_all,
        col->n_obs > 0,
    };
    int rc = shp_mkdir_p(dir, err, errlen);
    if (rc != SHP_OK) return rc;
    const char *written[N_TABLES + 1];
    int n_written = 0;
    char path[SHP_PATH_MAX];
    for (int t = 0; t < N_TABLES && rc == SHP_OK; ++t) {
        if (shp_path_join(path, sizeof path, dir, names[t]) != 0) {
            rc = shp_path_too_long(dir, names[t], err, errlen);
            break;
        }
        if (!want[t]) {
            if (unlink(path) != 0 && errno != ENOENT) {
                snprintf(err, errlen, "%s: cannot remove stale file: %s", path, strerror(errno));
                rc = SHP_ERR_IO;
            }
            continue;
        }
        switch (t) {
        case SERIES: rc = shp_forward_write_series(path, fp, res, rows, err, errlen); break;
        case PROFILE_FINAL: rc = shp_forward_write_profile_final(path, fp, res, err, errlen); break;
        case PROFILES: rc = shp_forward_write_profiles(path, fp, res, rows, err, errlen); break;
        default: rc = shp_forward_write_observations(path, fp, res, rows, err, errlen); break;
        }
        written[n_written++] = names[t];
    }
    if (rc != SHP_OK) return rc;
    written[n_written++] = "summary.json";
    if (shp_path_join(path, sizeof path, dir, "summary.json") != 0)
        return shp_path_too_long(dir, "summary.json", err, errlen);
    return shp_forward_write_summary(path, fp, res, wall_s, written, n_written, err, errlen);
}
