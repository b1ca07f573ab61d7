"""shpfit.curves and shpfit.models against closed forms and the registry."""
import numpy as np
import pytest

import shpfit

LOAM = {"theta_r": 0.078, "theta_s": 0.43, "alpha": 0.036, "n": 1.56, "Ks": 0.01733, "l": 0.5}


def vgm_closed_form(p, h):
    """van Genuchten (1980) with Mualem's K, m = 1 − 1/n; C = dθ/dh for h < 0."""
    m = 1.0 - 1.0 / p["n"]
    x = (p["alpha"] * np.abs(h)) ** p["n"]
    se = (1.0 + x) ** -m
    theta = p["theta_r"] + (p["theta_s"] - p["theta_r"]) * se
    K = p["Ks"] * se ** p["l"] * (1.0 - (1.0 - se ** (1.0 / m)) ** m) ** 2
    C = (p["theta_s"] - p["theta_r"]) * m * p["n"] * x / np.abs(h) * (1.0 + x) ** (-m - 1.0)
    return theta, K, C


def test_vgm_matches_the_closed_form():
    h = -np.logspace(-2, 4, 61)
    got = shpfit.curves("vgm", LOAM, h)
    theta, K, C = vgm_closed_form(LOAM, h)
    np.testing.assert_allclose(got["theta"], theta, rtol=1e-12, atol=0)
    # near saturation 1 − (1 − Se^(1/m))^m cancels in either evaluation: K to 1e-12 of
    # Ks there, to 1e-12 relative where K is small
    np.testing.assert_allclose(got["K"], K, rtol=1e-12, atol=1e-12 * LOAM["Ks"])
    np.testing.assert_allclose(got["C"], C, rtol=1e-12, atol=0)


def test_saturated_and_shape():
    h = np.array([[0.0, 5.0], [-1.0, -10.0]])
    got = shpfit.curves("vgm", LOAM, h)
    assert got["theta"].shape == (2, 2)
    assert got["theta"][0, 0] == LOAM["theta_s"] and got["K"][0, 1] == LOAM["Ks"]
    assert got["C"][0, 0] == 0.0


def test_default_parameter_is_the_registry_s():
    # l has the default 0.5 (Mualem): leaving it out is the same as giving it
    no_l = {k: v for k, v in LOAM.items() if k != "l"}
    h = np.array([-1.0, -50.0, -1000.0])
    np.testing.assert_array_equal(shpfit.curves("vgm", no_l, h)["K"], shpfit.curves("vgm", LOAM, h)["K"])


def test_bad_parameter_is_named():
    with pytest.raises(shpfit.ShpfitError, match=r"\bn\b.*must be > 1"):
        shpfit.curves("vgm", dict(LOAM, n=0.9), [-1.0])
    with pytest.raises(shpfit.ShpfitError, match="theta_r"):
        shpfit.curves("vgm", dict(LOAM, theta_r=0.5), [-1.0])
    with pytest.raises(shpfit.ShpfitError, match="Ks.*missing"):
        shpfit.curves("vgm", {k: v for k, v in LOAM.items() if k != "Ks"}, [-1.0])
    with pytest.raises(shpfit.ShpfitError, match="unknown parameter alfa"):
        shpfit.curves("vgm", dict(LOAM, alfa=1.0), [-1.0])
    with pytest.raises(shpfit.ShpfitError, match='unknown model "vgn"'):
        shpfit.curves("vgn", LOAM, [-1.0])


def test_models_lists_the_registry():
    ms = shpfit.models()
    assert "vgm" in ms and "gardner" in ms
    params = {p["name"]: p for p in ms["vgm"]["params"]}
    assert list(params)[:5] == ["theta_r", "theta_s", "alpha", "n", "Ks"]
    assert params["l"]["default"] == 0.5 and params["n"]["default"] is None
    assert params["alpha"]["unit"] == "1/L"
    lo, hi = params["n"]["bounds"]
    assert 1.0 <= lo < hi
