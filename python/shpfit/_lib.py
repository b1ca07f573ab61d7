"""Finding and loading libshpfit-config.so (the configuration layer, which brings
libshpfit.so from beside it), and the C prototypes of include/shpfit/api.h.

The prototypes are declared once here so that ctypes converts and checks every
argument: without them a Python int passed for a `long` or a double would be
silently truncated to a C int.
"""
import ctypes
import os
from pathlib import Path

_ERR_LEN = 4096
_HERE = Path(__file__).resolve().parent


class ShpfitError(RuntimeError):
    """An error of the shpfit library: `status` is its status code (include/shpfit/status.h),
    the message is the library's own ("FILE: FIELD: what is wrong")."""

    def __init__(self, message, status=None):
        super().__init__(message)
        self.status = status


def _candidates():
    env = os.environ.get("SHPFIT_LIB")
    if env:
        # an explicit choice: no silent fallback to another build
        return [Path(env)]
    # next to the package (a copy put there by whoever packages it), then the build of
    # the repository this package is a folder of (python/shpfit -> build/)
    # (libshpfit.so must lie beside it)
    return [_HERE / "libshpfit-config.so", _HERE.parent.parent / "build" / "libshpfit-config.so"]


def _load():
    tried = _candidates()
    for path in tried:
        if path.is_file():
            try:
                return ctypes.CDLL(str(path))
            except OSError as e:
                raise ShpfitError(f"cannot load {path}: {e}") from None
    raise ShpfitError(
        "libshpfit-config.so not found (looked at: " + ", ".join(str(p) for p in tried) + "); "
        "build it with `make lib-shared` in the shpfit repository and set SHPFIT_LIB to its path"
    )


_c = ctypes
_dp = _c.POINTER(_c.c_double)
_PROTOTYPES = {
    "shp_api_version": (_c.c_char_p, []),
    "shp_strerror": (_c.c_char_p, [_c.c_int]),
    "shp_status_name": (_c.c_char_p, [_c.c_int]),
    "shp_api_model_count": (_c.c_int, []),
    "shp_api_model_name": (_c.c_char_p, [_c.c_int]),
    "shp_api_model_title": (_c.c_char_p, [_c.c_int]),
    "shp_api_model_n_params": (_c.c_int, [_c.c_int]),
    "shp_api_model_index": (_c.c_int, [_c.c_char_p]),
    "shp_api_model_param": (_c.c_int, [_c.c_int, _c.c_int, _c.POINTER(_c.c_char_p), _c.POINTER(_c.c_char_p),
                                       _dp, _dp, _c.POINTER(_c.c_int), _dp, _dp, _dp]),
    "shp_api_curves": (_c.c_int, [_c.c_char_p, _dp, _c.c_int, _dp, _c.c_long, _dp, _dp, _dp,
                                  _c.c_char_p, _c.c_size_t]),
    "shp_api_forward_run": (_c.c_int, [_c.c_char_p, _c.c_char_p, _c.POINTER(_c.c_void_p), _c.c_char_p,
                                       _c.c_size_t]),
    "shp_api_forward_destroy": (None, [_c.c_void_p]),
    "shp_api_forward_status": (_c.c_int, [_c.c_void_p, _c.POINTER(_c.c_long), _c.POINTER(_c.c_long),
                                          _c.POINTER(_c.c_long), _dp, _dp]),
    "shp_api_forward_reached": (_c.c_int, [_c.c_void_p]),
    "shp_api_forward_unit": (_c.c_char_p, [_c.c_void_p, _c.c_char_p]),
    "shp_api_forward_size": (_c.c_long, [_c.c_void_p, _c.c_char_p]),
    "shp_api_forward_get": (_c.c_int, [_c.c_void_p, _c.c_char_p, _dp, _c.c_long, _c.c_char_p, _c.c_size_t]),
    "shp_api_fit_run": (_c.c_int, [_c.c_char_p, _c.c_char_p, _c.c_longlong, _c.c_int, _c.POINTER(_c.c_void_p),
                                   _c.c_char_p, _c.c_size_t]),
    "shp_api_fit_destroy": (None, [_c.c_void_p]),
    "shp_api_fit_dim": (_c.c_int, [_c.c_void_p]),
    "shp_api_fit_var_name": (_c.c_char_p, [_c.c_void_p, _c.c_int]),
    "shp_api_fit_value": (_c.c_double, [_c.c_void_p, _c.c_int]),
    "shp_api_fit_se": (_c.c_double, [_c.c_void_p, _c.c_int]),
    "shp_api_fit_se_status": (_c.c_int, [_c.c_void_p]),
    "shp_api_fit_n_obj": (_c.c_int, [_c.c_void_p]),
    "shp_api_fit_obj_name": (_c.c_char_p, [_c.c_void_p, _c.c_int]),
    "shp_api_fit_objective": (_c.c_double, [_c.c_void_p, _c.c_int]),
    "shp_api_fit_metric": (_c.c_char_p, [_c.c_void_p]),
    "shp_api_fit_evaluations": (_c.c_long, [_c.c_void_p, _c.POINTER(_c.c_long), _c.POINTER(_c.c_long), _dp]),
}

_lib = None


def lib():
    """The loaded library with its prototypes (loaded on first use, so that importing the
    package works without it and the error comes with the first call)."""
    global _lib
    if _lib is None:
        handle = _load()
        for name, (restype, argtypes) in _PROTOTYPES.items():
            fn = getattr(handle, name)
            fn.restype = restype
            fn.argtypes = argtypes
        _lib = handle
    return _lib


def library_path():
    """Path of the library that was (or will be) loaded."""
    return lib()._name


def err_buffer():
    return ctypes.create_string_buffer(_ERR_LEN)


def check(status, err):
    """Raise ShpfitError with the library's message unless status is 0 (SHP_OK)."""
    if status != 0:
        msg = err.value.decode("utf-8", "replace") if err is not None else ""
        if not msg:
            msg = lib().shp_strerror(status).decode()
        raise ShpfitError(msg, status)


def text(b):
    return None if b is None else b.decode("utf-8", "replace")
