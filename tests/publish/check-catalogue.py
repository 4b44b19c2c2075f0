#!/usr/bin/python3
"""Checks the open-data catalogue of a publication with rdflib (Debian's python3-rdflib,
an independent JSON-LD processor): catalogus.jsonld parses as JSON-LD with its inline
context; every property and class expands into the DCAT, Dublin Core, FOAF or vCard
vocabulary (a term the context lacked would not); the dataset and each distribution carry
the properties DCAT-AP-DONL 1.1 marks mandatory that the site can know (see the list
below); every download URL is a CSV of the publication; and each CSV has CSV on the Web
metadata beside it whose columns are the CSV's header.

No SHACL shapes of DCAT-AP-DONL are kept in Debian or npm, so this is the check, not a
SHACL validation. Not checked (not in the site source): overheid:authority (a TOOI URI).

Usage: check-catalogue.py PUBLICATION_DIR
"""
import csv
import json
import os
import sys

from rdflib import Graph, Namespace, RDF, URIRef

DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCT = Namespace("http://purl.org/dc/terms/")
KNOWN = ("http://www.w3.org/ns/dcat#", "http://purl.org/dc/terms/", "http://xmlns.com/foaf/0.1/",
         "http://www.w3.org/2006/vcard/ns#", str(RDF))
DATASET_MUST = [DCT["identifier"], DCT["title"], DCT["description"], DCT["language"], DCT["license"], DCT["modified"],
                DCAT["theme"], DCT["publisher"], DCAT["contactPoint"], DCAT["distribution"]]
DISTRIBUTION_MUST = [DCT["title"], DCT["description"], DCAT["accessURL"], DCAT["downloadURL"], DCT["license"], DCT["format"],
                     DCAT["mediaType"], DCT["language"]]

site = sys.argv[1]
edition = json.load(open(os.path.join(site, "duiding-site.json")))
base = edition["base_url"] if edition["base_url"].endswith("/") else edition["base_url"] + "/"
problems = []

g = Graph()
g.parse(os.path.join(site, "catalogus.jsonld"), format="json-ld", publicID=base)
for s, p, o in g:
    if not str(p).startswith(KNOWN):
        problems.append(f"property {p} is outside the DCAT vocabularies")
    if p == RDF.type and not str(o).startswith(KNOWN):
        problems.append(f"class {o} is outside the DCAT vocabularies")
catalogs = list(g.subjects(RDF.type, DCAT["Catalog"]))
datasets = list(g.subjects(RDF.type, DCAT["Dataset"]))
if len(catalogs) != 1 or len(datasets) != 1:
    problems.append(f"expected one catalogue and one dataset, found {len(catalogs)} and {len(datasets)}")
for d in datasets:
    for p in DATASET_MUST:
        if g.value(d, p) is None:
            problems.append(f"the dataset has no {p}")
distributions = list(g.subjects(RDF.type, DCAT["Distribution"]))
for dist in distributions:
    for p in DISTRIBUTION_MUST:
        if g.value(dist, p) is None:
            problems.append(f"distribution {dist} has no {p}")
    url = str(g.value(dist, DCAT["downloadURL"]))
    rel = url[len(base):] if url.startswith(base) else None
    if rel is None or not rel.endswith(".csv") or not os.path.isfile(os.path.join(site, rel)):
        problems.append(f"download {url} is not a CSV of the publication")
expected = len(edition["downloads"])
if len(distributions) != expected:
    problems.append(f"{len(distributions)} distributions for {expected} downloads")

csvs = 0
archived = [a["path"] + "/" for a in json.load(open(os.path.join(site, "edities.json")))["archived"]]
for root, _, files in os.walk(site):
    for f in files:
        if not f.endswith(".csv"):
            continue
        csvs += 1
        rel = os.path.relpath(os.path.join(root, f), site)
        meta_path = os.path.join(root, f + "-metadata.json")
        if not os.path.isfile(meta_path):
            problems.append(f"no CSV on the Web metadata beside {rel}")
            continue
        meta = json.load(open(meta_path))
        header = next(csv.reader(open(os.path.join(root, f), encoding="utf-8")))
        names = [c["name"] for c in meta["tableSchema"]["columns"]]
        if meta.get("url") != f:
            problems.append(f"{rel}-metadata.json describes {meta.get('url')}")
        if names != header:
            problems.append(f"{rel}-metadata.json columns {names} are not the header {header}")
        if "http://www.w3.org/ns/csvw" not in json.dumps(meta["@context"]):
            problems.append(f"{rel}-metadata.json has no CSVW context")

for p in problems[:30]:
    print("FAIL", p)
if problems:
    sys.exit(1)
print(f"ok   {site}/catalogus.jsonld: {len(g)} triples (rdflib), 1 dataset, {len(distributions)} distributions, "
      f"all mandatory properties present; {csvs} CSV files with CSVW metadata matching their header")
