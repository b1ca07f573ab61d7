"""The model registry and the hydraulic functions θ(h), K(h), C(h)."""
import ctypes
import math

import numpy as np

from ._lib import ShpfitError, check, err_buffer, lib, text


def models():
    """The registered models: {name: {"title", "params": [{"name", "unit", "lo", "hi",
    "default", "bounds"}]}}, parameters in the registry's order. "unit" has the
    placeholders L and T (the config's length and time units); "lo"/"hi" are the hard
    validity (±inf: none); "default" (None when the parameter must be given) and "bounds"
    (the default inversion bounds) are in cm and min."""
    L = lib()
    out = {}
    for i in range(L.shp_api_model_count()):
        params = []
        for k in range(L.shp_api_model_n_params(i)):
            name, unit = ctypes.c_char_p(), ctypes.c_char_p()
            lo, hi, de, blo, bhi = (ctypes.c_double() for _ in range(5))
            has = ctypes.c_int()
            check(L.shp_api_model_param(i, k, name, unit, lo, hi, has, de, blo, bhi), None)
            params.append({
                "name": text(name.value), "unit": text(unit.value), "lo": lo.value, "hi": hi.value,
                "default": de.value if has.value else None, "bounds": (blo.value, bhi.value),
            })
        out[text(L.shp_api_model_name(i))] = {"title": text(L.shp_api_model_title(i)), "params": params}
    return out


def _model_params(model):
    """The registry's parameters of model (its name or an alias)."""
    i = lib().shp_api_model_index(model.encode())
    if i < 0:
        raise ShpfitError(f"unknown model \"{model}\" (models: {', '.join(models())})")
    return list(models().values())[i]["params"]


def curves(model, params, h):
    """θ(h), K(h) and C(h) = dθ/dh of a material of `model` with `params` by name (as in
    a config; the registry's defaults, in cm and min, for those left out), at the heads
    h (negative: suction), in the units of the parameters. Returns {"theta", "K", "C"}
    as numpy arrays of h's shape. Raises ShpfitError naming a parameter that is
    missing, unknown or out of its range."""
    spec = _model_params(model)
    names = [p["name"] for p in spec]
    unknown = [k for k in params if k not in names]
    if unknown:
        raise ShpfitError(f"model {model}: unknown parameter {unknown[0]} (parameters: {', '.join(names)})")
    values = []
    for p in spec:
        if p["name"] in params:
            values.append(float(params[p["name"]]))
        elif p["default"] is not None:
            values.append(p["default"])
        else:
            raise ShpfitError(f"model {model}: parameter {p['name']} missing (it has no default)")
    if any(math.isnan(v) for v in values):
        raise ShpfitError(f"model {model}: parameter {names[[math.isnan(v) for v in values].index(True)]} is NaN")
    hv = np.ascontiguousarray(h, dtype=np.float64)
    flat = hv.reshape(-1)
    n = flat.size
    theta, K, C = (np.empty(n) for _ in range(3))
    pv = np.array(values, dtype=np.float64)
    dp = ctypes.POINTER(ctypes.c_double)
    err = err_buffer()
    check(lib().shp_api_curves(model.encode(), pv.ctypes.data_as(dp), len(values), flat.ctypes.data_as(dp), n,
                               theta.ctypes.data_as(dp), K.ctypes.data_as(dp), C.ctypes.data_as(dp), err,
                               len(err)), err)
    return {"theta": theta.reshape(hv.shape), "K": K.reshape(hv.shape), "C": C.reshape(hv.shape)}
