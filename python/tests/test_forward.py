"""shpfit.forward against `shpfit forward` of the same configuration."""
import csv
import os
import subprocess

import numpy as np
import pytest

import shpfit
from conftest import config


def test_ponded_loam_matches_the_cli(shpfit_bin, tmp_path):
    cfg, base = config("ponded_loam.json")
    r = shpfit.forward(cfg, base_dir=base)
    assert r["status"] == "ok" and r["reached"] == r["time"].size
    assert r["units"] == {"length": "cm", "time": "min"}
    assert r["time"][-1] == 180.0
    out = tmp_path / "fw"
    env = dict(os.environ, SHPFIT_GNUPLOT="")  # the series, not the plots
    subprocess.run([str(shpfit_bin), "forward", os.path.join(base, "ponded_loam.json"), "--out", str(out)],
                   check=True, env=env, capture_output=True)
    with open(out / "series.csv") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == r["time"].size
    last = rows[-1]
    assert float(last["time_min"]) == 180.0
    # the CLI writes 12 significant digits (host/io/forward_csv.c)
    assert r["Q"][-1] == pytest.approx(float(last["Q_cm"]), rel=1e-11)
    assert r["Q"][-1] == pytest.approx(5.0054, rel=1e-3)  # the converged value of the config's comment
    np.testing.assert_allclose(r["v_inst"], [float(x["v_inst_cm_per_min"]) for x in rows], rtol=1e-11)
    # the final profile and the observation depths
    p = r["profile"]
    assert p["z"].shape == p["h"].shape == p["theta"].shape == (55,)
    assert r["theta_obs"].shape == (r["time"].size, 3)
    assert abs(r["balance"][-1]) < 1e-8


def test_a_bad_config_raises_with_the_field():
    cfg, base = config("ponded_loam.json")
    cfg["materials"]["loam"]["n"] = 0.9
    with pytest.raises(shpfit.ShpfitError, match=r"materials\.loam\.n"):
        shpfit.forward(cfg, base_dir=base)
    with pytest.raises(shpfit.ShpfitError, match="dict"):
        shpfit.forward("configs/ponded_loam.json")


def test_a_nul_in_a_string_is_refused_not_cut():
    # cJSON would read "vgm\u0000junk" as "vgm": the file loader refuses it, so does this
    cfg, base = config("ponded_loam.json")
    cfg["materials"]["loam"]["model"] = "vgm\x00junk"
    with pytest.raises(shpfit.ShpfitError, match=r"u0000"):
        shpfit.forward(cfg, base_dir=base)
