#!/usr/bin/env bash
# Makes duiding for Windows x86-64: one .zip that runs on a Windows 10 or 11 PC without
# administrator rights, installer, Node.js or anything else. Usage:
#   scripts/release-windows.sh [OUT_DIR]        (default: dist/)
# It cross-compiles on this Debian machine with mingw-w64 (scripts/setup.sh
# --release-windows installs it): first the libraries Debian ships only for Linux, from
# Debian's source packages, into build-windows/prefix (once; scripts/windows-libraries.sh),
# then duiding itself into build-windows/duiding. The zip holds one folder, laid out as the
# Linux bundle (scripts/release.sh):
#   bin/duiding.exe          the program, linked statically (no DLLs beside it)
#   share/duiding/           site-templates/, the browser files from node_modules/, the
#                            Groningen source, examples/voorbeeldgemeente, the Dutch word
#                            list and docs/handleiding.md
#   share/doc/               the licences of everything bundled
#   LEESMIJ.txt              how to start it, in Dutch
# What the Windows version leaves out: PNG pictures of charts (no librsvg) and PDFs
# (Chromium); it says so in one line when it builds.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --release-windows

version=$(build/duiding --version | awk '{print $NF}')
name="duiding-$version-windows-x86_64"
out="${1:-dist}"
mkdir -p "$out"
out=$(cd "$out" && pwd)

scripts/windows-libraries.sh build-windows/prefix
prefix=$(cd build-windows/prefix && pwd)
# -O2 as the Linux build (RelWithDebInfo), without its debug information.
# A changed toolchain file configures afresh (its flags are read only into a new cache).
if [[ cmake/mingw-w64-x86_64.cmake -nt build-windows/duiding/CMakeCache.txt ]]; then rm -f build-windows/duiding/CMakeCache.txt; fi
if [[ ! -f build-windows/duiding/CMakeCache.txt ]]; then
  cmake -S . -B build-windows/duiding -G Ninja -DCMAKE_TOOLCHAIN_FILE="$PWD/cmake/mingw-w64-x86_64.cmake" \
    -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" -DBUILD_TESTING=OFF \
    -DCMAKE_CXX_COMPILER_LAUNCHER="$(command -v ccache || true)" >/dev/null
fi
nice ninja -C build-windows/duiding -j2 duiding

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
root="$stage/$name"
mkdir -p "$root/bin" "$root/share/duiding" "$root/share/doc"
# strip writes a time into the PE header unless SOURCE_DATE_EPOCH names one (1 January 1980,
# as the zip's entries); the linker writes none (--no-insert-timestamp).
SOURCE_DATE_EPOCH=315532800 x86_64-w64-mingw32-strip -o "$root/bin/duiding.exe" build-windows/duiding/duiding.exe

# What a build reads: the same files at the same places as in the Linux bundle.
share="$root/share/duiding"
scripts/bundle-share.sh "$share"

# Licences: of the word list, the browser files, and every library inside duiding.exe.
cp /usr/share/doc/wdutch/copyright "$root/share/doc/wdutch.copyright"
for f in node_modules/vega/LICENSE node_modules/vega-lite/LICENSE node_modules/vega-embed/LICENSE; do
  cp "$f" "$root/share/doc/$(basename "$(dirname "$f")").LICENSE"
done
for pkg in fmtlib cmark-gfm libzip pugixml cpp-httplib libxlsxwriter glpk; do
  dir=$(find build-windows/src -maxdepth 1 -type d -name "$pkg-*" | sort | tail -1)
  cp "$dir/debian/copyright" "$root/share/doc/$pkg.copyright"
done
for pkg in libz-mingw-w64-dev mingw-w64-common gcc-mingw-w64-base nlohmann-json3-dev libboost-math-dev libcli11-dev \
           libfccp-dev; do
  [[ -f "/usr/share/doc/$pkg/copyright" ]] && cp "/usr/share/doc/$pkg/copyright" "$root/share/doc/$pkg.copyright"
done

# Windows' own programs (Notepad, cmd) want CR LF line ends.
sed 's/$/\r/' > "$root/LEESMIJ.txt" <<TXT
duiding $version voor Windows (64-bit)

Uitpakken waar u wilt, bijvoorbeeld in Documenten (geen beheerrechten nodig).
Open daarna PowerShell of de opdrachtprompt in de uitgepakte map en typ:
  bin\\duiding.exe build share\\duiding\\examples\\voorbeeldgemeente -o site
  start site\\index.html
Uw eigen bron controleren en bouwen:
  bin\\duiding.exe check C:\\pad\\naar\\uw\\bron
  bin\\duiding.exe build C:\\pad\\naar\\uw\\bron -o site
  bin\\duiding.exe serve C:\\pad\\naar\\uw\\bron      (voorbeeld op http://127.0.0.1:8080/)
De handleiding staat in share\\duiding\\docs\\handleiding.md.
De Windows-versie maakt geen PNG-afbeeldingen van grafieken en geen PDF (--pdf):
grafieken staan als SVG op de site, en een rapportage drukt u af vanuit de browser.
TXT

# Reproducible archive: names sorted, fixed times, no extra attributes.
find "$stage" -exec touch -h -d @315532800 {} +
rm -f "$out/$name.zip"
(cd "$stage" && find "$name" | LC_ALL=C sort | zip -X -q -9 "$out/$name.zip" -@)
echo "release-windows: $out/$name.zip ($(du -h "$out/$name.zip" | cut -f1))"
