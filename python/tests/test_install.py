"""The package installs with pip and imports from there, finding the library by SHPFIT_LIB."""
import os
import shutil
import subprocess
import sys

import pytest

from conftest import REPO


def test_pip_install_target(tmp_path):
    lib = os.environ.get("SHPFIT_LIB")
    if not lib:
        pytest.fail("SHPFIT_LIB not set (make test-python sets it)")
    # from a copy, so the build leaves nothing in the repository
    src = tmp_path / "src"
    shutil.copytree(REPO / "python", src, ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__", "tests"))
    target = tmp_path / "site"
    # offline: the interpreter's own setuptools builds it
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-build-isolation", "--no-index",
                    "--no-deps", "--target", str(target), str(src)], check=True, capture_output=True)
    assert (target / "shpfit" / "__init__.py").is_file()
    code = ("import shpfit, numpy as np; assert shpfit.__file__.startswith(%r); "
            "print(shpfit.version(), shpfit.curves('vgm', {'theta_r': 0.05, 'theta_s': 0.4, 'alpha': 0.02, "
            "'n': 2.0, 'Ks': 1.0}, np.array([-50.0]))['theta'][0])" % str(target))
    env = dict(os.environ, PYTHONPATH=str(target), SHPFIT_LIB=lib)
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, env=env,
                         cwd=tmp_path)
    version, theta = out.stdout.split()
    assert version == "0.1.0" and 0.05 < float(theta) < 0.4


def test_missing_library_is_a_clear_error(tmp_path):
    env = dict(os.environ, SHPFIT_LIB=str(tmp_path / "nowhere.so"), PYTHONPATH=str(REPO / "python"))
    out = subprocess.run([sys.executable, "-c", "import shpfit; shpfit.models()"], capture_output=True, text=True,
                         env=env, cwd=tmp_path)
    assert out.returncode != 0
    assert "libshpfit-config.so not found" in out.stderr and "make lib-shared" in out.stderr
