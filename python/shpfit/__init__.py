"""shpfit: soil hydraulic parameter estimation, from Python.

A thin ctypes layer over the shpfit C library (libshpfit-config.so over libshpfit.so, include/shpfit/api.h):
the models and their curves, forward runs of the Richards-equation column, and fits.
Numbers go in and come out as numpy arrays; errors raise ShpfitError with the
library's message. See docs/python.md of the shpfit repository.
"""
from ._lib import ShpfitError, library_path
from ._models import curves, models
from ._runs import fit, forward

__all__ = ["ShpfitError", "curves", "fit", "forward", "library_path", "models", "version"]


def version():
    """Version of the loaded library."""
    from ._lib import lib, text

    return text(lib().shp_api_version())
