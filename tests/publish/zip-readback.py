#!/usr/bin/env python3
"""Reads the offline zip written by `duiding publish --zip` back with Python's zipfile (an
independent zip reader): it must hold every file of the current edition under one folder,
byte for byte, including the search (zoeken/index.html, assets/zoekindex.js), and no file
of an archived edition or of the web server (.htaccess, web.config).

Usage: zip-readback.py FILE.zip SITE_DIR   (SITE_DIR: the site as `duiding build` wrote it)
"""
import os
import sys
import zipfile

zip_path, site = sys.argv[1], sys.argv[2]
problems = []
with zipfile.ZipFile(zip_path) as z:
    if z.testzip() is not None:
        problems.append(f"CRC error in {z.testzip()}")
    names = z.namelist()
    folders = {n.split("/", 1)[0] for n in names}
    if len(folders) != 1:
        problems.append(f"expected one top folder, found {sorted(folders)}")
    top = next(iter(folders))
    inside = {n.split("/", 1)[1]: n for n in names}
    for root, _, files in os.walk(site):
        for f in files:
            rel = os.path.relpath(os.path.join(root, f), site).replace(os.sep, "/")
            if rel not in inside:
                problems.append(f"missing: {rel}")
            elif z.read(inside[rel]) != open(os.path.join(root, f), "rb").read():
                problems.append(f"bytes differ: {rel}")
    for needed in ("index.html", "zoeken/index.html", "assets/zoekindex.js"):
        if needed not in inside:
            problems.append(f"no {needed}: the offline copy needs it")
    for server in (".htaccess", "web.config", "SHA256SUMS"):
        if server in inside:
            problems.append(f"{server} belongs to the server, not the offline copy")
    csvw = [n for n in inside if n.endswith(".csv-metadata.json")]
    if not csvw:
        problems.append("no CSV on the Web metadata in the offline copy")
for p in problems[:30]:
    print("FAIL", p)
if problems:
    sys.exit(1)
print(f"ok   {zip_path}: {len(names)} files under {top}/, every file of {site} byte for byte, search included")
