"""Shared setup of the package's tests: the repository, its configs, the library and the
program under test (SHPFIT_LIB and SHPFIT_BIN, as `make test-python` sets them)."""
import json
import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
# the package from the sources, not an installed copy that may be of another version
sys.path.insert(0, str(REPO / "python"))


def config(rel):
    """A config of the repository as a dict, and its folder (the base for its data)."""
    path = REPO / "configs" / rel
    with open(path) as f:
        return json.load(f), str(path.parent)


@pytest.fixture
def shpfit_bin():
    path = Path(os.environ.get("SHPFIT_BIN", REPO / "build" / "shpfit"))
    if not path.is_file():
        pytest.fail(f"{path} not found: build it (make) or set SHPFIT_BIN")
    return path
