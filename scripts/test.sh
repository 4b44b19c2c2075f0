#!/usr/bin/env bash
# Builds duiding (installing what is missing, Chromium included) and runs every test:
# the C++ unit tests, whole-site builds, Vega-Lite schema validation and the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --with-browser
cd build
ctest --output-on-failure -j2 "$@"
