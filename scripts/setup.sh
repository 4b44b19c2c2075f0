#!/usr/bin/env bash
# Installs what duiding needs and builds it. Idempotent: a second run installs nothing
# and rebuilds only what changed. Usage:
#   scripts/setup.sh [--with-browser] [--with-bench] [--release] [--release-windows]
#   --with-browser  also install what the tests need: Chromium, poppler-utils, nginx, curl, openpyxl,
#                   python3-rdflib, SciPy and statsmodels, clang with libFuzzer, patchelf
#   --with-bench    also install what scripts/bench.sh compares and measures with: Hugo,
#                   GNU time and perf (docs/benchmarks.md)
#   --release       also install what scripts/release.sh needs (patchelf)
#   --release-windows  also install what scripts/release-windows.sh and its test need:
#                   mingw-w64 (posix threads), Debian's zlib for it, dpkg-dev (apt-get source),
#                   zip, and wine64 to run duiding.exe
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(cmake g++ ninja-build pkg-config nlohmann-json3-dev libcmark-gfm-dev
          libcmark-gfm-extensions-dev libboost-math-dev libfccp-dev catch2 libcli11-dev
          libfmt-dev libssl-dev zlib1g-dev libzip-dev wdutch libglpk-dev libtbb-dev librsvg2-dev libdeflate-dev libpng-dev
          libfontconfig-dev fonts-dejavu-core libpugixml-dev libcpp-httplib-dev libxlsxwriter-dev
          libmimalloc-dev)
for arg in "$@"; do
  case "$arg" in
    --with-browser)
      packages+=(chromium poppler-utils nginx curl python3-rdflib python3-scipy python3-statsmodels clang
                 libclang-rt-14-dev patchelf python3-openpyxl) ;;
    --with-bench) packages+=(hugo time linux-perf) ;;
    --release) packages+=(patchelf) ;;
    --release-windows)
      packages+=(g++-mingw-w64-x86-64-posix gcc-mingw-w64-x86-64-posix binutils-mingw-w64-x86-64
                 libz-mingw-w64-dev dpkg-dev zip unzip wine64) ;;
    *) echo "setup: unknown option '$arg' (--with-browser, --with-bench, --release, --release-windows)" >&2; exit 2 ;;
  esac
done
command -v node >/dev/null 2>&1 || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing Debian packages: ${missing[*]}"
  sudo=""; [[ $(id -u) -eq 0 ]] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The browser side (vega, vega-lite, vega-embed) and the browser-test tools come from the
# npm registry, exactly as package-lock.json pins them. `duiding build` copies the browser
# files into every site; it never runs node itself.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "setup: installing npm packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi

if [[ ! -f build/build.ninja ]]; then
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build build
