#!/usr/bin/env python3
"""Writes runs.csv and history.csv of the campaign-report fixture (tests/test_campaign_report.c).

Hand-chosen values, 2 cases x 3 variants x 5 seeds, population 100 (so every history row is
one generation of 100 columns), budget 3000 evaluations, target sum of psi <= 1e-3:

  loam  shade: 5/5 reach the target at 1200 1400 1000 1600 1300   -> ERT 6500/5  = 1300
        pso:   3/5 at 2000 2600 2400, two runs use all 3000          -> ERT 13000/3 = 4333.3
        vega:  0/5 (multi-objective, with hypervolume)               -> ERT inf
  clay  pso:   5/5 at 1900 2100 2000 2300 1700                       -> ERT 2000
        shade: 5/5 at 2000 2200 1800 2400 2100                       -> ERT 2100
        vega:  0/5                                                   -> ERT inf
clay has no truth (empty curve RMSEs). Extra rows that the report must handle:
  * loam,pso,2 appears twice: an earlier row (success at 500) and the last one (3000,
    unsuccessful); the last counts. Its history restarts (generation 1 again) too.
  * history rows of loam,shade,6, a run that never finished (not in runs.csv).
  * clay,vega,3 has an objective that was not finite (`theta_final=`).
Rows are written in an interleaved order. Re-run this script to regenerate the files.
"""
import math
import os

HERE = os.path.dirname(os.path.abspath(__file__))
POP = 100
BUDGET = 3000

# (case, variant, algorithm, seed, success, evals_to_target or evaluations, best_sum, hv)
runs = []
def add(case, variant, alg, seed, ok, evals, best, hv=None, rmse=None, obj_bad=False):
    runs.append(dict(case=case, variant=variant, alg=alg, seed=seed, ok=ok, evals=evals, best=best,
                     hv=hv, rmse=rmse, obj_bad=obj_bad))

loam_rmse = lambda b: (0.03 * b, 0.02 * b)
for s, e, b in zip(range(1, 6), [1200, 1400, 1000, 1600, 1300], [9.1e-4, 8.7e-4, 9.5e-4, 9.9e-4, 9.3e-4]):
    add("loam", "shade", "shade", s, 1, e, b, rmse=loam_rmse(b))
for s, ok, e, b in zip(range(1, 6), [1, 0, 1, 1, 0], [2000, 3000, 2600, 2400, 3000],
                       [9.7e-4, 2.1e-3, 9.0e-4, 8.8e-4, 1.6e-3]):
    add("loam", "pso", "pso", s, ok, e, b, rmse=loam_rmse(b))
for s, b, hv in zip(range(1, 6), [5.2e-3, 4.1e-3, 6.3e-3, 3.8e-3, 7.0e-3], [0.91, 0.93, 0.90, 0.94, 0.92]):
    add("loam", "vega", "vega", s, 0, 3000, b, hv=hv, rmse=loam_rmse(b))
for s, e, b in zip(range(1, 6), [1900, 2100, 2000, 2300, 1700], [9.6e-4, 9.2e-4, 9.8e-4, 8.9e-4, 9.4e-4]):
    add("clay", "pso", "pso", s, 1, e, b)
for s, e, b in zip(range(1, 6), [2000, 2200, 1800, 2400, 2100], [9.0e-4, 9.7e-4, 9.3e-4, 9.9e-4, 8.6e-4]):
    add("clay", "shade", "shade", s, 1, e, b)
for s, b, hv in zip(range(1, 6), [2.2e-2, 1.9e-2, 3.1e-2, 2.6e-2, 2.4e-2], [0.71, 0.74, 0.69, 0.72, 0.70]):
    add("clay", "vega", "vega", s, 0, 3000, b, hv=hv, obj_bad=(s == 3))

def fmt(x):
    return "" if x is None else "%.10g" % x

def row(r, override=None):
    r = dict(r, **(override or {}))
    ok = r["ok"]
    evals = r["evals"]
    wall = evals * 0.004
    ett = fmt(evals) if ok else ""
    wtt = fmt(wall) if ok else ""
    stop = "target" if ok else "evaluations"
    failed = (r["seed"] * 7 + len(r["variant"])) % 11
    b = r["best"]
    ret, cond = r["rmse"] if r["rmse"] else (None, None)
    objs = "theta_final=%s;v=%s;Q=%s" % ("" if r["obj_bad"] else fmt(0.5 * b), fmt(0.3 * b), fmt(0.2 * b))
    pars = "loam.theta_s=%s;loam.alpha=%s;loam.n=%s;loam.Ks=%s" % (
        fmt(0.43 + 0.1 * b), fmt(0.036 * (1 + b)), fmt(1.56 - b), fmt(0.01733 * (1 + 2 * b)))
    return ",".join([r["case"], r["variant"], str(r["seed"]), r["alg"], fmt(evals), fmt(wall), str(ok),
                     ett, wtt, stop, str(failed), fmt(b), fmt(r["hv"]), fmt(ret), fmt(cond), objs, pars])

def history(r, last_evals=None):
    """One row per generation: best so far falls geometrically from 1 to best_sum."""
    n = (last_evals or r["evals"]) // POP
    out = []
    for g in range(1, n + 1):
        frac = g / (r["evals"] // POP)
        v = math.exp(math.log(1.0) + (math.log(r["best"]) - math.log(1.0)) * min(frac, 1.0) ** 0.7)
        out.append("%s,%s,%d,%d,%d,%s" % (r["case"], r["variant"], r["seed"], g, g * POP, fmt(v)))
    return out

# interleaved order: by seed, then case, then variant
order = sorted(runs, key=lambda r: (r["seed"], r["case"] != "loam", r["variant"]))
run_lines, hist_lines = [], []
dup = next(r for r in runs if r["case"] == "loam" and r["variant"] == "pso" and r["seed"] == 2)
for r in order:
    if r is dup:
        # the earlier row of an interrupted campaign, and history of the attempt
        run_lines.append(row(r, {"ok": 1, "evals": 500, "best": 9.0e-4}))
        hist_lines += history(dict(r, evals=500, best=9.0e-4))
        continue
    run_lines.append(row(r))
    hist_lines += history(r)
# the unfinished run's history, then the last (valid) row of the duplicate and its history
hist_lines += history(dict(runs[0], seed=6, evals=700, best=2e-3))
run_lines.append(row(dup))
hist_lines += history(dup)

with open(os.path.join(HERE, "runs.csv"), "w") as f:
    f.write("case,variant,seed,algorithm,evaluations,wall_s,success,evals_to_target,wall_to_target_s,"
            "stop_reason,failed_columns,best_sum,hypervolume,curve_rmse_retention,curve_rmse_conductivity,"
            "objectives,parameters\n")
    f.write("\n".join(run_lines) + "\n")
with open(os.path.join(HERE, "history.csv"), "w") as f:
    f.write("case,variant,seed,generation,evaluations,best_sum\n")
    f.write("\n".join(hist_lines) + "\n")
