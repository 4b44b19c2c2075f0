#!/usr/bin/env bash
# Fills SHARE (a bundle's share/duiding) with what a build reads, the same files at the same
# places for the Linux and the Windows bundle: site-templates/, the browser files named in
# vendor.txt (at their node_modules/ paths, so vendor.txt needs no change), the built-in
# Groningen source, the example, the Dutch word list and the handleiding.
# Run from the repository's top folder by scripts/release.sh and scripts/release-windows.sh.
#   scripts/bundle-share.sh SHARE
set -euo pipefail
share="${1:?usage: scripts/bundle-share.sh SHARE}"
mkdir -p "$share"
cp -r site-templates "$share/"
while read -r from _; do
  [[ -z "$from" || "$from" == \#* ]] && continue
  mkdir -p "$share/$(dirname "$from")"
  cp "$from" "$share/$from"
done < site-templates/vendor.txt
cp -r indicators data "$share/"
mkdir -p "$share/examples" "$share/dict" "$share/docs"
cp -r examples/voorbeeldgemeente "$share/examples/"
cp /usr/share/dict/dutch "$share/dict/dutch"
cp docs/handleiding.md "$share/docs/"
