#!/usr/bin/env python3
"""Writes a synthetic, fictional duiding site source of about N pages for benchmarks.

    scripts/synth.py OUT --pages N [--rounds 2] [--groups 2] [--sections 10]
                         [--quotes-per-indicator 0.05] [--seed 1]

The source follows docs/data-format.md and is marked fictional (site.json `fictional`, a
"Fictieve gegevens" note in every description). It is made of

- indicators: likert (5 answers), choice (4 answers) and scale (0-100 bins and a mean),
  in turn, spread over --sections sections; every indicator page has charts;
- rounds x groups: every indicator has a share per answer for every round and group,
  with samples of 150 to 400 respondents (no cell is small, so disclosure control keeps
  every number and the build measures rendering, not suppression);
- quotes: short invented Dutch sentences with placeholders, about
  --quotes-per-indicator per indicator, each linked to one answer of one of the first
  indicators (so that their story pages are a small part of the site).

The number of indicators is chosen so that the site has about N HTML pages (indicator
pages plus the story, section, rapportage, search and other pages of every site);
`find OUT_SITE -name '*.html' | wc -l` gives the exact number. The same arguments and seed
always give the same bytes.

The first data row of data/values/<last round>.csv is the likert share 10.0 (indicator
synth-00001, the first group, the first answer): scripts/bench.sh lowers it to 9.5 to
measure a rebuild after one changed value.
"""

import argparse
import json
import os
import random
import sys

LIKERT = [("zeer-oneens", "Zeer oneens"), ("oneens", "Oneens"), ("neutraal", "Neutraal"),
          ("eens", "Eens"), ("zeer-eens", "Zeer eens")]
CHOICE = [("thuis", "Thuis"), ("school", "Op school"), ("wijkcentrum", "In het wijkcentrum"),
          ("anders", "Ergens anders")]
BINS = [str(b) for b in range(0, 101, 10)]
THEMES = ["Gehoord worden", "Samenwerking", "Tijd en aandacht", "Eigen regie", "Toegang",
          "Perspectief"]
# Sentences without names, ages, dates or places, so the privacy scan passes them.
SENTENCES = [
    "De medewerker luisterde echt naar wat wij nodig hadden.",
    "We hoefden ons verhaal maar een keer te vertellen.",
    "Het duurde lang voordat er iemand belde.",
    "Ik voelde me serieus genomen door <naam>.",
    "Samen met school is er een plan gemaakt dat werkt.",
    "Soms was het niet duidelijk wie wat zou doen.",
    "Er was tijd om rustig te praten aan de keukentafel.",
    "Het contact met <naam organisatie> liep goed.",
    "We wisten niet waar we met onze vragen terecht konden.",
    "De afspraken werden goed nagekomen.",
    "Thuis is het nu een stuk rustiger dan eerst.",
    "Ik had graag eerder hulp gekregen.",
]


def shares(rng, k):
    """k shares with one decimal that add up to exactly 100.0."""
    weights = [rng.randint(1, 100) for _ in range(k)]
    total = sum(weights)
    tenths = [w * 1000 // total for w in weights]
    tenths[-1] += 1000 - sum(tenths)
    return [t / 10 for t in tenths]


def fixed_pages(args, themes, linked):
    """Pages every synthetic site has besides the indicator pages."""
    # home, sections, rapportage per round, accessibility, search, story overview,
    # a story page per group and per round with quotes, per theme and per linked indicator
    return 1 + args.sections + args.rounds + 1 + 1 + 1 + args.groups + args.rounds + themes + linked


def plan(args):
    """(indicators, quotes, linked indicators, themes) for about args.pages pages."""
    themes = len(THEMES)
    indicators = max(3, args.pages)
    for _ in range(50):
        quotes = max(1, round(indicators * args.quotes_per_indicator))
        linked = min(indicators, max(1, quotes // 2))
        nxt = max(3, args.pages - fixed_pages(args, min(themes, quotes), linked))
        if nxt == indicators:
            break
        indicators = nxt
    return indicators, quotes, linked, min(themes, quotes)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", help="directory to write the source to (must not exist or be empty)")
    ap.add_argument("--pages", type=int, required=True, help="about how many HTML pages the site gets")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--groups", type=int, default=2)
    ap.add_argument("--sections", type=int, default=10)
    ap.add_argument("--quotes-per-indicator", type=float, default=0.05)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    if args.pages < 30 or args.rounds < 1 or args.groups < 1 or args.sections < 1:
        sys.exit("synth.py: --pages must be at least 30; rounds, groups and sections at least 1")
    if os.path.exists(args.out) and os.listdir(args.out):
        sys.exit(f"synth.py: {args.out} exists and is not empty")
    rng = random.Random(args.seed)
    n_ind, n_quotes, n_linked, n_themes = plan(args)

    groups = [{"id": f"groep-{g + 1}", "label": f"Groep {g + 1} (fictief)"} for g in range(args.groups)]
    sections = [{"id": f"thema-{s + 1:02d}", "title": f"Thema {s + 1}",
                 "description": f"Indicatoren van thema {s + 1}. *Fictieve gegevens.*"}
                for s in range(args.sections)]
    rounds = [str(2021 + r) for r in range(args.rounds)]
    site = {
        "title": "Synthetische benchmarksite",
        "organisation": "Gemeente Synthese",
        "language": "nl",
        "min_cell": 5,
        "fictional": True,
        "groups": groups,
        "sections": sections,
        "description": f"**Fictieve gegevens**, gemaakt door scripts/synth.py (seed {args.seed}) "
                       f"om duiding te meten: {n_ind} indicatoren, {args.rounds} metingen, "
                       f"{args.groups} groepen, {n_quotes} verhalen.",
        "footer": "Fictieve gegevens voor een benchmark van *duiding*.",
    }
    write(f"{args.out}/data/site.json", json.dumps(site, ensure_ascii=False, indent=2) + "\n")
    write(f"{args.out}/data/rounds.csv", "round,label,start,end\n" + "".join(
        f"{r},Meting {r},{r}-03-01,{r}-06-30\n" for r in rounds))
    write(f"{args.out}/data/samples.csv", "round,group,n\n" + "".join(
        f"{r},{g['id']},{rng.randint(150, 400)}\n" for r in rounds for g in groups))

    kinds = ["likert", "choice", "scale"]
    rows = {r: [] for r in rounds}
    cats_of = []
    for i in range(n_ind):
        iid = f"synth-{i + 1:05d}"
        kind = kinds[i % 3]
        ind = {"id": iid, "title": f"Indicator {i + 1}",
               "question": f"Vraag {i + 1}: hoe ervaart u dit onderdeel van de ondersteuning?",
               "section": sections[i * args.sections // n_ind]["id"], "type": kind, "unit": "percent",
               "order": i + 1,
               "description": f"Synthetische indicator {i + 1} ({kind}). *Fictieve gegevens.*",
               "source": f"scripts/synth.py, seed {args.seed}"}
        if kind == "likert":
            ind["categories"] = [{"id": c, "label": l} for c, l in LIKERT]
            ind["positive"] = ["eens", "zeer-eens"]
            ind["headline"] = "is het eens of zeer eens"
            cats = [c for c, _ in LIKERT]
        elif kind == "choice":
            ind["categories"] = [{"id": c, "label": l} for c, l in CHOICE]
            cats = [c for c, _ in CHOICE]
        else:
            cats = BINS
        cats_of.append(cats)
        write(f"{args.out}/indicators/{iid}.json", json.dumps(ind, ensure_ascii=False, indent=2) + "\n")
        for r in rounds:
            for g in groups:
                values = shares(rng, len(cats))
                if i == 0 and r == rounds[-1] and g is groups[0]:
                    values[0], values[1] = 10.0, round(values[0] + values[1] - 10.0, 1)
                    if values[1] < 0:
                        values = [10.0, 0.0, 30.0, 30.0, 30.0]
                for c, v in zip(cats, values):
                    rows[r].append(f"{r},{iid},{g['id']},,{c},value,{v:.1f}\n")
                if kind == "scale":
                    mean = sum(int(c) * v for c, v in zip(cats, values)) / 100
                    rows[r].append(f"{r},{iid},{g['id']},,,mean,{mean:.1f}\n")
    for r in rounds:
        # the changed value of bench.sh is the first row of the last round's file
        write(f"{args.out}/data/values/{r}.csv",
              "round,indicator,group,breakdown,category,measure,value\n" + "".join(rows[r]))

    lines = ["id,round,group,text,links,theme\n"]
    for q in range(n_quotes):
        target = q % n_linked
        text = " ".join(rng.sample(SENTENCES, 2))
        cat = rng.choice(cats_of[target])
        lines.append(f"q{q + 1:05d},{rounds[q % len(rounds)]},{groups[q % len(groups)]['id']},\"{text}\","
                     f"synth-{target + 1:05d}:{cat},{THEMES[q % n_themes]}\n")
    write(f"{args.out}/data/quotes/verhalen.csv", "".join(lines))
    print(f"synth.py: {n_ind} indicators, {args.rounds} rounds, {args.groups} groups, {n_quotes} quotes "
          f"in {args.out} (about {n_ind + fixed_pages(args, n_themes, n_linked)} pages)")


if __name__ == "__main__":
    main()
