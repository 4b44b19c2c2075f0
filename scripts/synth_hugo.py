#!/usr/bin/env python3
"""Writes a Hugo site of exactly N HTML pages comparable to a synthetic duiding site.

    scripts/synth_hugo.py SOURCE OUT --pages N

SOURCE is a source written by scripts/synth.py. Every Hugo page is what a duiding
indicator page shows at its core: a title, a paragraph, a table of the shares per round
and group, and an inline SVG bar chart drawn by the page template from the page's own
numbers, under the same site navigation (one menu entry per section). Page k shows the
numbers of indicator k (modulo the number of indicators), so there are as many pages as
duiding wrote: N minus the home page and one list page per section are content pages.
Hugo's other outputs (RSS, sitemap, taxonomies, 404) are switched off so that every HTML
file it writes is one of these pages. Fictional data, like the source it comes from.
"""

import argparse
import csv
import glob
import json
import os
import sys

CONFIG = """baseURL = "https://synthese.example/"
languageCode = "nl"
title = "Synthetische benchmarksite"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
"""

BASEOF = """<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>{{ .Title }} - {{ .Site.Title }}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><header><p>{{ .Site.Title }} (fictieve gegevens)</p>
<nav aria-label="Hoofdmenu"><ul>{{ range .Site.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></nav>
</header><main>{{ block "main" . }}{{ end }}</main></body></html>
"""

SINGLE = """{{ define "main" }}<article><h1>{{ .Title }}</h1>
{{ .Content }}
{{ range .Params.charts }}<figure><figcaption>{{ .label }}</figcaption>
<svg xmlns="http://www.w3.org/2000/svg" role="img" width="420" height="{{ add 10 (mul 24 (len .values)) }}" aria-label="{{ .label }}">
{{ range $i, $v := .values }}<text x="0" y="{{ add 16 (mul 24 $i) }}" font-size="11">{{ index $.Params.answers $i }}</text><rect x="120" y="{{ add 4 (mul 24 $i) }}" width="{{ mul 2.5 $v }}" height="18" fill="#1f5f8b"></rect><text x="{{ add 124 (mul 2.5 $v) }}" y="{{ add 16 (mul 24 $i) }}" font-size="11">{{ lang.FormatNumber 1 $v }} %</text>
{{ end }}</svg></figure>
{{ end }}</article>{{ end }}
"""

LIST = """{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
"""


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("source", help="a source written by scripts/synth.py")
    ap.add_argument("out", help="directory for the Hugo site (must not exist or be empty)")
    ap.add_argument("--pages", type=int, required=True, help="how many HTML pages Hugo is to write")
    args = ap.parse_args()
    if os.path.exists(args.out) and os.listdir(args.out):
        sys.exit(f"synth_hugo.py: {args.out} exists and is not empty")
    with open(f"{args.source}/data/site.json", encoding="utf-8") as f:
        site = json.load(f)
    sections = site["sections"]
    content_pages = args.pages - 1 - len(sections)
    if content_pages < len(sections):
        sys.exit(f"synth_hugo.py: {args.pages} pages is too few for {len(sections)} sections")

    indicators = []
    for path in sorted(glob.glob(f"{args.source}/indicators/*.json")):
        with open(path, encoding="utf-8") as f:
            indicators.append(json.load(f))
    values = {}  # indicator -> (round, group) -> [(category, value)]
    for path in sorted(glob.glob(f"{args.source}/data/values/*.csv")):
        with open(path, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                if row["measure"] == "value":
                    values.setdefault(row["indicator"], {}).setdefault(
                        (row["round"], row["group"]), []).append((row["category"], float(row["value"])))

    write(f"{args.out}/hugo.toml", CONFIG)
    write(f"{args.out}/layouts/_default/baseof.html", BASEOF)
    write(f"{args.out}/layouts/_default/single.html", SINGLE)
    write(f"{args.out}/layouts/_default/list.html", LIST)
    write(f"{args.out}/layouts/index.html", LIST)
    write(f"{args.out}/content/_index.md", f"---\ntitle: \"{site['title']}\"\n---\n")
    for s in sections:
        write(f"{args.out}/content/{s['id']}/_index.md", f"---\ntitle: \"{s['title']}\"\n---\n")
    for k in range(content_pages):
        ind = indicators[k % len(indicators)]
        section = sections[k * len(sections) // content_pages]["id"]
        cells = values.get(ind["id"], {})
        cats = [c for c, _ in next(iter(cells.values()))] if cells else []
        charts = [{"label": f"Meting {r}, {g}", "values": [v for _, v in vs]} for (r, g), vs in sorted(cells.items())]
        table = "| meting | groep | " + " | ".join(cats) + " |\n|---|---|" + "---|" * len(cats) + "\n"
        table += "".join(f"| {r} | {g} | " + " | ".join(f"{v:.1f}" for _, v in vs) + " |\n"
                         for (r, g), vs in sorted(cells.items()))
        front = {"title": f"{ind['title']} ({k + 1})", "answers": cats, "charts": charts}
        write(f"{args.out}/content/{section}/pagina-{k + 1:05d}.md",
              json.dumps(front, ensure_ascii=False) + "\n\n" + ind.get("question", "") + " " +
              ind.get("description", "") + "\n\n" + table)


if __name__ == "__main__":
    main()
