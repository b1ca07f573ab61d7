"""Forward runs and fits of a configuration given as a dict (the JSON schema of
docs/config.md and docs/fit-reference.md); relative data files are read from base_dir."""
import ctypes
import json
import os

import numpy as np

from ._lib import ShpfitError, check, err_buffer, lib, text

_SERIES = ("time", "Q", "v_inst", "v_mean", "q_bottom", "Q_bottom", "balance")
_STATUS_NAMES = {0: "ok", -1: "not_converged", -2: "max_steps"}


def _config_text(config):
    if isinstance(config, (str, bytes, os.PathLike)):
        raise ShpfitError("config must be a dict (load a file with json.load)")
    try:
        return json.dumps(config, allow_nan=False).encode()
    except (TypeError, ValueError) as e:
        raise ShpfitError(f"config is not JSON: {e}") from None


def _get(handle, name):
    L = lib()
    n = L.shp_api_forward_size(handle, name.encode())
    out = np.empty(max(n, 0))
    err = err_buffer()
    check(L.shp_api_forward_get(handle, name.encode(), out.ctypes.data_as(ctypes.POINTER(ctypes.c_double)),
                                out.size, err, len(err)), err)
    return out


def forward(config, base_dir="."):
    """Run the column of a forward configuration as `shpfit forward` does (CPU).

    Returns a dict of numpy arrays per output time: "time", "Q" (cumulative inflow),
    "v_inst" and "v_mean" (infiltration rate at and over the interval before each
    time), "q_bottom", "Q_bottom", "balance" (water-balance error); "v" is v_inst;
    "profile": the final "z", "h", "theta" per node (and "h_all", "theta_all", times ×
    nodes, with output.profiles "all"); "obs_depth" and "theta_obs" (times × depths);
    "status" ("ok", "not_converged", "max_steps": a column that stopped early is a
    result, NaN beyond what it reached), "reached" (output times reached), "stats"
    and "units". Raises ShpfitError for a configuration the library refuses."""
    L = lib()
    err = err_buffer()
    handle = ctypes.c_void_p()
    check(L.shp_api_forward_run(_config_text(config), os.fsencode(base_dir), ctypes.byref(handle), err,
                                len(err)), err)
    try:
        steps, its, fails = ctypes.c_long(), ctypes.c_long(), ctypes.c_long()
        t_reached, bal = ctypes.c_double(), ctypes.c_double()
        status = L.shp_api_forward_status(handle, steps, its, fails, t_reached, bal)
        out = {name: _get(handle, name) for name in _SERIES}
        out["v"] = out["v_inst"]
        n_out = out["time"].size
        prof = {name: _get(handle, name) for name in ("z", "h", "theta")}
        for name in ("h_all", "theta_all"):
            a = _get(handle, name)
            if a.size:
                prof[name] = a.reshape(n_out, -1)
        out["profile"] = prof
        out["obs_depth"] = _get(handle, "obs_depth")
        out["theta_obs"] = _get(handle, "theta_obs").reshape(n_out, out["obs_depth"].size)
        out["status"] = _STATUS_NAMES.get(status, text(L.shp_status_name(status)))
        out["reached"] = L.shp_api_forward_reached(handle)
        out["stats"] = {"steps": steps.value, "iterations": its.value, "failures": fails.value,
                        "t_reached": t_reached.value, "max_abs_balance": bal.value}
        out["units"] = {w: text(L.shp_api_forward_unit(handle, w.encode())) for w in ("length", "time")}
        return out
    finally:
        L.shp_api_forward_destroy(handle)


def fit(config, base_dir=".", seed=None, threads=None):
    """Run the fit of a configuration's "fit" section as `shpfit fit` does (CPU backend,
    no files written). seed replaces fit.seed; threads: OpenMP threads (None: the
    default). Returns {"parameters": {name: value}, "se": {name: standard error},
    "objectives": {observation: value}, "metric", "evaluations", "invalid", "failed",
    "wall_s"}; a standard error is inf where the data do not determine the parameter
    and NaN where it could not be computed. Raises ShpfitError on failure."""
    if seed is not None and (int(seed) != seed or seed < 0):
        raise ShpfitError(f"seed must be an integer >= 0 (got {seed})")
    if threads is not None and (int(threads) != threads or threads < 1):
        raise ShpfitError(f"threads must be an integer >= 1 (got {threads})")
    L = lib()
    err = err_buffer()
    handle = ctypes.c_void_p()
    check(L.shp_api_fit_run(_config_text(config), os.fsencode(base_dir), -1 if seed is None else int(seed),
                            0 if threads is None else int(threads), ctypes.byref(handle), err, len(err)), err)
    try:
        names = [text(L.shp_api_fit_var_name(handle, j)) for j in range(L.shp_api_fit_dim(handle))]
        invalid, failed, wall = ctypes.c_long(), ctypes.c_long(), ctypes.c_double()
        evaluations = L.shp_api_fit_evaluations(handle, invalid, failed, wall)
        return {
            "parameters": {n: L.shp_api_fit_value(handle, j) for j, n in enumerate(names)},
            "se": {n: L.shp_api_fit_se(handle, j) for j, n in enumerate(names)},
            "objectives": {text(L.shp_api_fit_obj_name(handle, k)): L.shp_api_fit_objective(handle, k)
                           for k in range(L.shp_api_fit_n_obj(handle))},
            "metric": text(L.shp_api_fit_metric(handle)),
            "evaluations": evaluations, "invalid": invalid.value, "failed": failed.value, "wall_s": wall.value,
        }
    finally:
        L.shp_api_fit_destroy(handle)
