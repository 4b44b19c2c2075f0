#!/usr/bin/env bash
# Builds the example site with its PDFs and checks them with pdfinfo (poppler-utils):
# every rapportage and factsheet PDF is tagged, has a title and the document language nl,
# every factsheet fits on two pages; a second build prints nothing again (the PDFs' inputs
# are unchanged) and a clean rebuild gives byte-identical PDFs (their dates come from the
# data). Usage: check-pdfs.sh DUIDING SOURCE WORKDIR. Exit 77 (skipped) without Chromium
# or pdfinfo.
set -euo pipefail
duiding=$1 source=$2 work=$3
chromium=${DUIDING_CHROMIUM:-}
[[ -n $chromium ]] || chromium=$(command -v chromium || command -v chromium-browser || true)
if [[ -z $chromium ]]; then echo "SKIP: Chromium is not installed (apt-get install chromium)"; exit 77; fi
if ! command -v pdfinfo >/dev/null; then echo "SKIP: pdfinfo is not installed (apt-get install poppler-utils)"; exit 77; fi

rm -rf "$work" && mkdir -p "$work"
"$duiding" build "$source" -o "$work/site" --pdf >"$work/first.log"
fail=0
mapfile -t pdfs < <(cd "$work/site" && find rapportage factsheet -name '*.pdf' | sort)
rounds=$(find "$work/site/rapportage" -mindepth 1 -maxdepth 1 -type d | wc -l)
echo "PDFs: ${#pdfs[@]} for $rounds rounds"
if (( ${#pdfs[@]} != 2 * rounds )); then echo "FAIL: expected a rapportage and a factsheet PDF per round"; fail=1; fi
for pdf in "${pdfs[@]}"; do
  info=$(pdfinfo "$work/site/$pdf")
  tagged=$(sed -n 's/^Tagged: *//p' <<<"$info")
  title=$(sed -n 's/^Title: *//p' <<<"$info")
  pages=$(sed -n 's/^Pages: *//p' <<<"$info")
  size=$(sed -n 's/^Page size: *//p' <<<"$info")
  echo "$pdf: Tagged: $tagged; Pages: $pages; Page size: $size; Title: $title"
  [[ $tagged == yes ]] || { echo "FAIL: $pdf is not tagged"; fail=1; }
  [[ -n $title ]] || { echo "FAIL: $pdf has no title"; fail=1; }
  [[ $size == *A4* ]] || { echo "FAIL: $pdf is not A4"; fail=1; }
  grep -aq '/Lang (nl)' "$work/site/$pdf" || { echo "FAIL: $pdf does not say its language is nl"; fail=1; }
  if [[ $pdf == factsheet/* ]] && (( pages > 2 )); then echo "FAIL: $pdf has $pages pages, more than 2"; fail=1; fi
done
(cd "$work/site" && sha256sum "${pdfs[@]}") >"$work/first.sha256"
cp -r "$work/site" "$work/first-site"  # kept to say what differs, should a rebuild differ

# Nothing changed: nothing is printed again, and the site is left as it is.
"$duiding" build "$source" -o "$work/site" --pdf >"$work/second.log"
grep -q "de site was al bijgewerkt; er is niets geschreven" "$work/second.log" || { echo "FAIL: an unchanged second build was not up to date:"; cat "$work/second.log"; fail=1; }

# A clean rebuild prints every PDF again: the same bytes.
"$duiding" build "$source" -o "$work/site" --pdf --clean >"$work/third.log"
if ! (cd "$work/site" && sha256sum -c --quiet "$work/first.sha256"); then
  echo "FAIL: a rebuilt PDF differs"
  fail=1
  # What differs: the pages printed (if any page differs, the PDF must too), then the PDFs.
  diff -rq "$work/first-site" "$work/site" | grep -v '\.pdf differ$' | head -20 || true
  for pdf in "${pdfs[@]}"; do
    cmp -s "$work/first-site/$pdf" "$work/site/$pdf" && continue
    echo "--- $pdf: sizes $(stat -c %s "$work/first-site/$pdf") and $(stat -c %s "$work/site/$pdf"); first difference:"
    cmp "$work/first-site/$pdf" "$work/site/$pdf" | head -1 || true
    diff <(pdftotext -layout "$work/first-site/$pdf" -) <(pdftotext -layout "$work/site/$pdf" -) | head -20 || true
  done
fi

# --no-pdf: no PDF and no link to one.
"$duiding" build "$source" -o "$work/nopdf" --no-pdf >"$work/nopdf.log" 2>&1
if find "$work/nopdf" -name '*.pdf' | grep -q .; then echo "FAIL: --no-pdf wrote a PDF"; fail=1; fi
if grep -rq '\.pdf"' "$work/nopdf/rapportage" "$work/nopdf/factsheet"; then echo "FAIL: --no-pdf pages link a PDF"; fail=1; fi
if grep -q "PDF's overgeslagen" "$work/nopdf.log"; then echo "FAIL: --no-pdf printed the missing-Chromium line"; fail=1; fi

# Without Chromium: one clear line, and the site is built without PDFs.
DUIDING_CHROMIUM=/nonexistent "$duiding" build "$source" -o "$work/nochromium" >"$work/nochromium.log" 2>&1
grep -q "^duiding: PDF's overgeslagen: Chromium niet gevonden" "$work/nochromium.log" ||
  { echo "FAIL: no clear line without Chromium:"; cat "$work/nochromium.log"; fail=1; }

(( fail == 0 )) && echo "PASS"
exit $fail
