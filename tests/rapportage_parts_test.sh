#!/usr/bin/env bash
# A rapportage is written in parts, its indicators' articles a batch of 64 at a time on the
# build's threads. On a synthetic source with about 70 indicators in every section (so a
# section spans two batches), a build on one thread and one on three give the same bytes,
# and each round's rapportage holds every indicator of the source once, in the order of
# its own table of contents.
#
#   tests/rapportage_parts_test.sh DUIDING
set -euo pipefail
duiding=$1
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

/usr/bin/python3 "$root/scripts/synth.py" "$work/source" --pages 700 >/dev/null
"$duiding" build "$work/source" -o "$work/one" --no-pdf --no-png --jobs 1 >/dev/null
"$duiding" build "$work/source" -o "$work/three" --no-pdf --no-png --jobs 3 >/dev/null
diff -r -x .duiding-site "$work/one" "$work/three"

indicators=$(ls "$work/source/indicators" | sed -n 's/\.json$//p' | sort)
per_section=$(grep -h '"section"' "$work/source/indicators"/*.json | sort | uniq -c | awk '{ print $1 }' | sort -n | tail -1)
((per_section > 64)) || { echo "the source has at most $per_section indicators in a section: no second batch" >&2; exit 1; }
rounds=0
for page in "$work"/one/rapportage/*/index.html; do
  rounds=$((rounds + 1))
  articles=$(grep -o 'id="synth-[0-9]*--"' "$page" | sed 's/^id="//; s/--"$//')
  contents=$(sed -n '/<nav class="rapportage-contents"/,/<\/nav>/p' "$page" | grep -o 'href="#synth-[0-9]*--"' |
    sed 's/^href="#//; s/--"$//')
  if [[ $(sort <<<"$articles") != "$indicators" ]]; then
    echo "$page does not hold every indicator exactly once" >&2; exit 1
  fi
  if [[ $articles != "$contents" ]]; then
    echo "$page: the articles are not in the order of its contents" >&2; exit 1
  fi
done
((rounds >= 2)) || { echo "expected a rapportage per round, found $rounds" >&2; exit 1; }
echo "rapportage parts: $rounds rapportages, $(wc -l <<<"$indicators") indicators each (up to $per_section in a section), one thread = three threads"
