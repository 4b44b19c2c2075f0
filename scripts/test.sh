#!/usr/bin/env bash
# Builds duiding (installing what is missing, Chromium included) and runs every test:
# the C++ unit tests, whole-site builds, Vega-Lite schema validation, the browser tests and
# one tiny run of the benchmark script (which needs Hugo). Usage:
#   scripts/test.sh [--with-windows] [CTEST OPTIONS...]
# The Windows release test (CTest label `windows`: duiding.exe cross-built with mingw-w64,
# run under wine64) is left out unless --with-windows is given: its first run fetches and
# cross-builds seven libraries and duiding into build-windows/, time a CI run cannot spare.
# --with-windows installs mingw-w64 and wine64 and runs it too.
set -euo pipefail
cd "$(dirname "$0")/.."
windows=0
if [[ "${1:-}" == --with-windows ]]; then windows=1; shift; fi
if ((windows)); then
  scripts/setup.sh --with-browser --with-bench --release-windows
  cmake build >/dev/null   # registers release_windows_builds_example now that mingw-w64 and wine64 are here
else
  scripts/setup.sh --with-browser --with-bench
  echo "test: the Windows release test (label 'windows'; its first run cross-builds seven libraries and duiding) is left out; scripts/test.sh --with-windows runs it"
fi
cd build
if ((windows)); then
  ctest --output-on-failure -j2 "$@"
else
  ctest --output-on-failure -j2 -LE windows "$@"
fi
