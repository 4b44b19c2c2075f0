#!/usr/bin/env bash
# Makes a self-contained duiding for Linux x86-64: one .tar.gz that runs on a Debian or
# Ubuntu machine without root, apt, Node.js or a compiler. Usage:
#   scripts/release.sh [OUT_DIR]        (default: dist/)
# The bundle is one folder:
#   bin/duiding              the program (its library search path is ../lib)
#   lib/                     every shared library it uses except the C library (glibc)
#   share/duiding/           site-templates/, the browser files from node_modules/, the
#                            Groningen source, examples/voorbeeldgemeente, the Dutch word
#                            list and docs/handleiding.md
#   share/doc/               the licences of everything bundled
# duiding finds share/duiding beside itself, wherever the folder is unpacked. The only
# requirement left is a glibc at least as new as the one printed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --release

version=$(build/duiding --version | awk '{print $NF}')
name="duiding-$version-linux-x86_64"
out="${1:-dist}"
mkdir -p "$out"
out=$(cd "$out" && pwd)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
root="$stage/$name"
mkdir -p "$root/bin" "$root/lib" "$root/share/duiding" "$root/share/doc"

# The program and its libraries. glibc stays the system's: it is on every Linux machine
# and must match the kernel interface, so it is never bundled.
strip --strip-unneeded -o "$root/bin/duiding" build/duiding
glibc='^(libc|libm|libpthread|libdl|librt|ld-linux-x86-64)\.so'
while read -r lib path; do
  [[ "$lib" =~ $glibc ]] && continue
  cp -L "$path" "$root/lib/$lib"
  chmod u+w "$root/lib/$lib"
  patchelf --set-rpath '$ORIGIN' "$root/lib/$lib"
  pkg=$(dpkg -S "$(readlink -f "$path")" 2>/dev/null | head -1 | cut -d: -f1 || true)
  [[ -n "$pkg" && -f "/usr/share/doc/$pkg/copyright" ]] && cp "/usr/share/doc/$pkg/copyright" "$root/share/doc/$pkg.copyright"
done < <(ldd build/duiding | awk '$2 == "=>" && $3 ~ /^\// {print $1, $3}')
# DT_RPATH (not RUNPATH) so the libraries' own dependencies are found in lib/ too.
patchelf --force-rpath --set-rpath '$ORIGIN/../lib' "$root/bin/duiding"

# What a build reads (the same for the Windows bundle).
share="$root/share/duiding"
scripts/bundle-share.sh "$share"
cp /usr/share/doc/wdutch/copyright "$root/share/doc/wdutch.copyright"
for f in node_modules/vega/LICENSE node_modules/vega-lite/LICENSE node_modules/vega-embed/LICENSE; do
  cp "$f" "$root/share/doc/$(basename "$(dirname "$f")").LICENSE"
done

glibc_needed=$( { objdump -T "$root/bin/duiding" "$root"/lib/*.so* 2>/dev/null || true; } |
  grep -o 'GLIBC_[0-9.]*' | sort -uV | tail -1)
cat > "$root/LEESMIJ.txt" <<TXT
duiding $version voor Linux x86-64

Uitpakken waar u wilt (geen beheerrechten nodig) en starten:
  bin/duiding build share/duiding/examples/voorbeeldgemeente -o site
  bin/duiding check MAP-MET-UW-BRON
De handleiding staat in share/duiding/docs/handleiding.md.
Nodig: Linux x86-64 met glibc ${glibc_needed#GLIBC_} of nieuwer (zie: ldd --version).
Geen Node.js, apt of compiler nodig.
TXT

# Reproducible archive: names sorted, fixed times and owners, gzip without a time stamp.
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$stage" -cf - "$name" |
  gzip -n -9 > "$out/$name.tar.gz"
echo "release: $out/$name.tar.gz ($(du -h "$out/$name.tar.gz" | cut -f1); needs ${glibc_needed:-glibc})"
