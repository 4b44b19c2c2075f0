#!/usr/bin/python3
"""Random two- and three-round sources, built with duiding, every published change
recomputed from the counts written into the source (never from the output).

    /usr/bin/python3 tests/spec/stats/recompute_random.py BUILD/duiding [SOURCES] [SEED]

For each source: random counts per round and group (unit count, so the counts are exact),
random n per round (some below min_cell 5). Recomputed independently with SciPy/statsmodels:
the score test p (pooled z of statsmodels proportions_ztest times sqrt((N-1)/N)), the
Benjamini-Hochberg adjustment over every test of the site (statsmodels multipletests;
the distribution tests' p from SciPy mannwhitneyu), the interval at the adjusted level
(numeric likelihood maximum, scipy brentq), and the verdict. Prints the count of numbers
compared and of mismatches; exits 1 on any mismatch.
"""
import json, math, os, random, subprocess, sys, tempfile
from scipy import optimize, stats
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import proportions_ztest

CATS = ["zeer-ontevreden", "ontevreden", "neutraal", "tevreden", "zeer-tevreden"]


def score_z(x1, n1, x2, n2, d):
    N = n1 + n2
    def nll(q2):
        q1 = q2 + d
        e = 1e-300
        return -(x1 * math.log(max(q1, e)) + (n1 - x1) * math.log(max(1 - q1, e)) +
                 x2 * math.log(max(q2, e)) + (n2 - x2) * math.log(max(1 - q2, e)))
    q2 = optimize.minimize_scalar(nll, bounds=(max(0.0, -d), min(1.0, 1 - d)), method="bounded",
                                  options={"xatol": 1e-13}).x
    q1 = q2 + d
    var = (q1 * (1 - q1) / n1 + q2 * (1 - q2) / n2) * N / (N - 1)
    diff = x1 / n1 - x2 / n2 - d
    return diff / math.sqrt(var) if var > 0 else math.copysign(math.inf, diff)


def interval(x1, n1, x2, n2, level):
    c = stats.norm.ppf(1 - (1 - level) / 2)
    d = x1 / n1 - x2 / n2
    f = lambda t: score_z(x1, n1, x2, n2, t)
    lo = -1.0 if d <= -1 + 1e-9 or f(-1 + 1e-9) < c else optimize.brentq(lambda t: f(t) - c, -1 + 1e-9, d, xtol=1e-13)
    hi = 1.0 if d >= 1 - 1e-9 or f(1 - 1e-9) > -c else optimize.brentq(lambda t: f(t) + c, d, 1 - 1e-9, xtol=1e-13)
    return lo, hi


def make_source(root, rng):
    rounds = ["2023", "2024", "2025"][: rng.choice([2, 3])]
    os.makedirs(f"{root}/data/values")
    os.makedirs(f"{root}/indicators")
    json.dump({"title": "Fictieve test", "organisation": "Fictief", "fictional": True,
               "groups": [{"id": "gezinnen", "label": "Gezinnen"}],
               "sections": [{"id": "kern", "title": "Kern"}]}, open(f"{root}/data/site.json", "w"))
    with open(f"{root}/data/rounds.csv", "w") as f:
        f.write("round,label\n" + "".join(f"{r},Meting {r}\n" for r in rounds))
    counts = {}
    with open(f"{root}/data/values/v.csv", "w") as f:
        f.write("round,indicator,group,breakdown,category,measure,value,note\n")
        for k in range(3):
            ind = f"vraag{k}"
            json.dump({"id": ind, "title": f"Vraag {k}", "section": "kern", "type": "likert", "unit": "count",
                       "groups": ["gezinnen"], "categories": [{"id": c, "label": c} for c in CATS],
                       "positive": ["tevreden", "zeer-tevreden"]}, open(f"{root}/indicators/{ind}.json", "w"))
            for r in rounds:
                n = rng.choice([rng.randint(6, 15), rng.randint(20, 120), rng.randint(20, 120)])
                w = [rng.random() ** 2 for _ in CATS]
                row = [0] * 5
                for _ in range(n):
                    row[rng.choices(range(5), weights=w)[0]] += 1
                row = [max(v, 5) for v in row]  # no cell below min_cell: nothing suppressed
                counts[(ind, r)] = row
                for c, v in zip(CATS, row):
                    f.write(f"{r},{ind},gezinnen,,{c},value,{v},\n")
    return rounds, counts


def main():
    duiding = sys.argv[1]
    sources = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 9)
    numbers = mismatches = 0

    def same(a, b, what, tol=1e-6):
        nonlocal numbers, mismatches
        numbers += 1
        if abs(a - b) > tol:
            mismatches += 1
            print(f"mismatch {what}: published {a}, recomputed {b}")

    for s in range(sources):
        with tempfile.TemporaryDirectory() as tmp:
            rounds, counts = make_source(f"{tmp}/src", rng)
            subprocess.run([duiding, "build", f"{tmp}/src", "-o", f"{tmp}/site"], check=True, capture_output=True)
            tests = []  # (p, kind, payload) of every test of the site, from the source counts
            for k in range(3):
                for a, b in zip(rounds, rounds[1:]):
                    ca, cb = counts[(f"vraag{k}", a)], counts[(f"vraag{k}", b)]
                    xa, na, xb, nb = ca[3] + ca[4], sum(ca), cb[3] + cb[4], sum(cb)
                    z = proportions_ztest([xb, xa], [nb, na])[0] * math.sqrt((na + nb - 1) / (na + nb))
                    tests.append((2 * stats.norm.sf(abs(z)), "change", (k, a, b, xb, nb, xa, na)))
                    ea = [i for i, c in enumerate(ca) for _ in range(c)]
                    eb = [i for i, c in enumerate(cb) for _ in range(c)]
                    mw = stats.mannwhitneyu(eb, ea, use_continuity=False, method="asymptotic")
                    tests.append((mw.pvalue, "table", (k, a, b)))
            rej, adj, _, _ = multipletests([t[0] for t in tests], alpha=0.05, method="fdr_bh")
            m, r = len(tests), int(rej.sum())
            level = 1 - max(r, 1) * 0.05 / m
            for (p, kind, pay), q in zip(tests, adj):
                k = pay[0]
                js = json.load(open(f"{tmp}/site/kern/vraag{k}/vraag{k}.stats.json"))
                same(js["multiple_testing"]["comparisons"], m, "m", 0)
                if kind == "change":
                    _, a, b, xb, nb, xa, na = pay
                    ch = next(c for c in js["shares"][0]["changes"] if c["from"] == a and c["to"] == b)
                    same(ch["test"]["p_value"], p, f"p {k} {a}-{b}")
                    same(ch["test"]["p_adjusted"], q, f"p_adjusted {k} {a}-{b}")
                    lo, hi = interval(xb, nb, xa, na, level)
                    same(ch["difference_ci"]["low"], lo, f"low {k} {a}-{b}")
                    same(ch["difference_ci"]["high"], hi, f"high {k} {a}-{b}")
                    want = "no-difference" if q > 0.05 else ("higher" if xb / nb > xa / na else "lower")
                    numbers += 1
                    if ch["verdict"] != want:
                        mismatches += 1
                        print(f"mismatch verdict {k} {a}-{b}: {ch['verdict']} != {want}")
                    excludes = ch["difference_ci"]["low"] > 0 or ch["difference_ci"]["high"] < 0
                    numbers += 1
                    if excludes != (want != "no-difference"):
                        mismatches += 1
                        print(f"interval and verdict disagree {k} {a}-{b}")
                else:
                    _, a, b = pay
                    t = next(t for t in js["tables"] if t["kind"] == "rounds" and t["from_round"] == a and t["round"] == b)
                    same(t["ordinal"]["p_value"], p, f"ordinal p {k} {a}-{b}")
                    same(t["p_adjusted"], q, f"table p_adjusted {k} {a}-{b}")
    print(f"{sources} random sources: {numbers} published numbers recomputed from the source counts, "
          f"{mismatches} mismatches")
    sys.exit(1 if mismatches else 0)


if __name__ == "__main__":
    main()
