#!/usr/bin/env bash
# Builds duiding (installing what is missing, Chromium included) and runs every test:
# the C++ unit tests, whole-site builds, Vega-Lite schema validation, the browser tests and
# one tiny run of the benchmark script (which needs Hugo).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --with-browser --with-bench
cd build
ctest --output-on-failure -j2 "$@"
