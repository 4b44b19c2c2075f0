#!/usr/bin/python3
"""Every indicator's Excel workbook of a built site, read back with openpyxl and set beside
the CSV next to it and the site's own source files (not duiding's code):

- the first sheet "Alle cijfers" has a title row (the indicator's title from its JSON),
  then a row of Dutch column headers, then one row per CSV line;
- each row holds the labels the source gives for the CSV's ids (round label from
  data/rounds.csv, group label from data/site.json, answer label from the indicator's
  categories), the value as a number cell equal to the CSV's value (empty where the CSV's
  is empty) and the note;
- every further sheet opens with a title row naming the indicator, a "Bron:" row when
  the indicator names a source, and holds a header row and at least one row.

    check-workbooks.py SOURCE_DIR SITE_DIR
"""
import csv
import glob
import json
import os
import sys

import openpyxl

HEADERS = ["Ronde", "Groep", "Uitsplitsing", "Antwoord", "Maat", "Waarde", "Opmerking"]


def read_source(source):
    rounds = {}
    with open(os.path.join(source, "data", "rounds.csv"), encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            rounds[row["round"]] = row["label"]
    with open(os.path.join(source, "data", "site.json"), encoding="utf-8") as f:
        groups = {g["id"]: g["label"] for g in json.load(f).get("groups", [])}
    groups[""] = "Alle respondenten"
    indicators = {}
    for path in glob.glob(os.path.join(source, "indicators", "*.json")):
        with open(path, encoding="utf-8") as f:
            ind = json.load(f)
        indicators[ind["id"]] = ind
    return rounds, groups, indicators


def text(v):
    return "" if v is None else str(v)


def main():
    source, site = sys.argv[1], sys.argv[2]
    rounds, groups, indicators = read_source(source)
    problems = []
    books = sorted(glob.glob(os.path.join(site, "*", "*", "*.xlsx")))
    csvs = sorted(glob.glob(os.path.join(site, "*", "*", "*.csv")))
    if not books or len(books) != len(csvs):
        print(f"FAIL {len(books)} workbooks beside {len(csvs)} indicator CSV files")
        return 1
    rows_checked = 0
    for book_path in books:
        name = os.path.relpath(book_path, site)
        ind = indicators[os.path.basename(book_path)[:-5]]
        with open(book_path[:-5] + ".csv", encoding="utf-8") as f:
            lines = list(csv.DictReader(f))
        wb = openpyxl.load_workbook(book_path)
        ws = wb.worksheets[0]
        if ws.title != "Alle cijfers":
            problems.append(f"{name}: first sheet is '{ws.title}'")
        rows = [list(r) for r in ws.iter_rows(values_only=True)]
        if text(rows[0][0]) != ind["title"]:
            problems.append(f"{name}: title row '{rows[0][0]}', expected '{ind['title']}'")
        head = next(i for i, r in enumerate(rows) if r[0] == "Ronde")
        if [text(v) for v in rows[head][:7]] != HEADERS:
            problems.append(f"{name}: headers {rows[head]}")
        body = [r + [None] * (7 - len(r)) for r in rows[head + 1:]]
        if len(body) != len(lines):
            problems.append(f"{name}: {len(body)} rows, the CSV has {len(lines)} lines")
        cats = {c["id"]: c["label"] for c in ind.get("categories", [])}
        for i, (line, row) in enumerate(zip(lines, body)):
            where = f"{name}: row {head + 2 + i}"
            breakdown = line["breakdown"].replace("=", ": ", 1)
            # A series counts years, which are no rounds: the year itself.
            expected = [rounds.get(line["round"], line["round"]), groups[line["group"]], breakdown,
                        cats.get(line["category"], line["category"])]
            got = [text(v) for v in row[:4]]
            if got != expected:
                problems.append(f"{where}: labels {got}, expected {expected}")
            value = row[5]
            if line["value"] == "":
                if value is not None:
                    problems.append(f"{where}: value {value!r}, the CSV's is empty")
            elif not isinstance(value, (int, float)) or isinstance(value, bool):
                problems.append(f"{where}: value {value!r} is not a number cell")
            elif abs(value - float(line["value"])) > 1e-9 * max(1, abs(value)):
                problems.append(f"{where}: value {value}, the CSV's is {line['value']}")
            if text(row[6]) != line["note"]:
                problems.append(f"{where}: note {row[6]!r}, the CSV's is {line['note']!r}")
            rows_checked += 1
        for sheet in wb.worksheets[1:]:
            srows = [list(r) for r in sheet.iter_rows(values_only=True)]
            if not text(srows[0][0]).startswith(ind["title"] + ", "):
                problems.append(f"{name}!{sheet.title}: title row '{srows[0][0]}'")
            if isinstance(ind.get("source"), str) and text(srows[1][0]) != "Bron: " + ind["source"]:
                problems.append(f"{name}!{sheet.title}: source row '{srows[1][0]}'")
            if not any(isinstance(v, (int, float)) for r in srows for v in r):
                problems.append(f"{name}!{sheet.title}: no number cells")
    for p in problems[:50]:
        print("FAIL", p)
    print(f"{len(books)} workbooks, {rows_checked} rows checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
