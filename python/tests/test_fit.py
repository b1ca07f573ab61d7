"""shpfit.fit: the Toyoura sand retention fit of SWRC Fit's sample (docs/curve_fit.md)."""
import math

import pytest

import shpfit
from conftest import config


def test_toyoura_vgm():
    cfg, base = config("curves/toyoura_vgm.json")
    r = shpfit.fit(cfg, base_dir=base, threads=1)
    p = r["parameters"]
    assert set(p) == {"toyoura.theta_r", "toyoura.theta_s", "toyoura.alpha", "toyoura.n"}
    assert p["toyoura.theta_s"] == pytest.approx(0.38694, rel=1e-3)
    assert p["toyoura.alpha"] == pytest.approx(0.021586, rel=1e-3)
    assert p["toyoura.n"] == pytest.approx(15.89, rel=1e-3)
    for name, se in r["se"].items():
        assert math.isfinite(se) and 0 < se < abs(p[name]), name
    assert r["metric"] == "rmse" and list(r["objectives"]) == ["retention"]
    assert 0 < r["objectives"]["retention"] < 0.02
    assert r["evaluations"] > 0 and r["failed"] == 0


def test_same_seed_same_result():
    cfg, base = config("curves/toyoura_vgm.json")
    cfg["fit"]["stop"] = {"generations": 20}
    cfg["fit"]["polish"] = False
    a = shpfit.fit(cfg, base_dir=base, seed=7, threads=1)
    b = shpfit.fit(cfg, base_dir=base, seed=7, threads=1)
    assert a["parameters"] == b["parameters"]


def test_errors_carry_the_library_message():
    cfg, base = config("curves/toyoura_vgm.json")
    with pytest.raises(shpfit.ShpfitError, match="toyoura_sand.txt"):
        shpfit.fit(cfg, base_dir="/nonexistent")
    cfg["fit"]["algorithm"] = "nope"
    with pytest.raises(shpfit.ShpfitError, match="algorithm"):
        shpfit.fit(cfg, base_dir=base)
