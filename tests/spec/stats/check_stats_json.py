#!/usr/bin/python3
"""Recomputes every statistic in the <indicator>.stats.json files of a built site with
SciPy/statsmodels, from the counts the file itself lists, and compares to 6 decimals.

    /usr/bin/python3 tests/spec/stats/check_stats_json.py <site-dir>

Prints one line per checked number group and a summary; exit 1 on any mismatch.
Not run by the C++ tests (they never call Python); a manual check of the open data.
"""
import glob
import json
import math
import sys

from scipy import stats
from scipy.stats.contingency import association
from statsmodels.stats.proportion import (confint_proportions_2indep, proportion_confint,
                                          proportions_ztest)

sys.path.insert(0, __import__("os").path.dirname(__import__("os").path.abspath(__file__)))
from recompute_random import interval as score_interval  # noqa: E402

TOL = 1e-6
checked = 0
failed = 0


def close(label, got, want):
    global checked, failed
    checked += 1
    if abs(got - want) > TOL:
        failed += 1
        print(f"MISMATCH {label}: json {got!r}, independent {want!r}")
        return False
    return True


def fpc(n, N):
    return (N - n) / (N - 1) if N is not None and N >= n and N > 1 else None


def wilson(x, n, N):
    f = fpc(n, N)
    if f == 0:
        return (x / n, x / n)
    if f is None:
        return proportion_confint(x, n, alpha=0.05, method="wilson")
    m = n / f
    return proportion_confint(x / n * m, m, alpha=0.05, method="wilson")


def check_chi(label, chi, observed, proportions=None):
    if proportions is None:
        rows = [r for r in observed if sum(r) > 0]
        keep = [j for j in range(len(rows[0])) if sum(r[j] for r in rows) > 0]
        t = [[r[j] for j in keep] for r in rows]
        x2, p, dof, _ = stats.chi2_contingency(t, correction=False)
        close(label + " X2", chi["statistic"], x2)
        close(label + " p", chi["p_value"], p)
        assert chi["df"] == dof, (label, chi["df"], dof)
        if "cramers_v" in chi:
            close(label + " V", chi["cramers_v"], association(t, method="cramer", correction=False))
        if chi.get("alternative", {}).get("method") == "fisher-exact":
            close(label + " Fisher p", chi["alternative"]["p_value"], stats.fisher_exact(t)[1])
    else:
        keep = [(o, p) for o, p in zip(observed, proportions) if not (o == 0 and p == 0)]
        o = [a for a, _ in keep]
        total = sum(b for _, b in keep)
        e = [b / total * sum(o) for _, b in keep]
        x2, p = stats.chisquare(o, e)
        close(label + " X2", chi["statistic"], x2)
        close(label + " p", chi["p_value"], p)
    print(f"ok  {label}: X2 = {chi['statistic']}, df = {chi['df']}, p = {chi['p_value']}")


for path in sorted(glob.glob(sys.argv[1] + "/**/*.stats.json", recursive=True)):
    d = json.load(open(path))
    name = d["indicator"]
    for g in d["shares"]:
        rounds = {r["round"]: r for r in g["rounds"]}
        for r in g["rounds"]:
            if "ci" not in r:
                continue
            if r["ci_method"] == "hypergeometric-exact":
                N = r["population"]
                ks = range(r["x"], N - (r["n"] - r["x"]) + 1)
                lo = min(k for k in ks if stats.hypergeom.sf(r["x"] - 1, N, k, r["n"]) > 0.025) / N
                hi = max(k for k in ks if stats.hypergeom.cdf(r["x"], N, k, r["n"]) > 0.025) / N
            else:
                lo, hi = wilson(r["x"], r["n"], None)
            ok = close(f"{name} {g['group']} {r['round']} ci.low", r["ci"]["low"], lo)
            ok &= close(f"{name} {g['group']} {r['round']} ci.high", r["ci"]["high"], hi)
            if ok:
                print(f"ok  {name} {g['group']} {r['round']}: {r['x']}/{r['n']} {r['ci_method']} "
                      f"{r['ci']['low']:.6f} .. {r['ci']['high']:.6f}")
        for c in g["changes"]:
            if "difference_ci" not in c or "test" not in c:
                continue
            a, b = rounds[c["to"]], rounds[c["from"]]
            x1, n1, x2, n2 = a["x"], a["n"], b["x"], b["n"]
            # Miettinen-Nurminen score: no finite-population correction between rounds.
            lo, hi = score_interval(x1, n1, x2, n2, c["difference_ci_level"])
            label = f"{name} {g['group']} {c['from']}->{c['to']}"
            close(label + " diff.low", c["difference_ci"]["low"], lo)
            close(label + " diff.high", c["difference_ci"]["high"], hi)
            t = c["test"]
            z = proportions_ztest([x1, x2], [n1, n2])[0] * math.sqrt((n1 + n2 - 1) / (n1 + n2))
            close(label + " p", t["p_value"], 2 * stats.norm.sf(abs(z)))
            print(f"ok  {label}: score interval ({c['difference_ci_level']}) {c['difference_ci']['low']:.6f} .. "
                  f"{c['difference_ci']['high']:.6f}, p = {t['p_value']}, adjusted {t.get('p_adjusted')}, {c['verdict']}")
    for t in d["tables"]:
        if t["tested"]:
            check_chi(f"{name} {t['kind']} {t['group']} {t.get('from_round', t.get('dimension'))} {t['round']}",
                      t["chi_square"], t["counts"])
    for f in d["goodness_of_fit"]:
        if f["tested"]:
            check_chi(f"{name} fit {f['group']} vs {f['reference_group']} {f['round']}", f["chi_square"],
                      f["observed"], f["reference_percent"])
        if "margin_of_error" in f:
            N = f.get("population")
            fc = fpc(f["n"], N) or 1.0
            close(f"{name} fit {f['group']} margin", f["margin_of_error"],
                  stats.norm.ppf(0.975) * math.sqrt(0.25 / f["n"] * fc))

print(f"{checked} numbers checked, {failed} mismatches (tolerance {TOL})")
sys.exit(1 if failed else 0)
