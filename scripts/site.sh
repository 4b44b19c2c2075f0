#!/usr/bin/env bash
# Builds duiding (installing what is missing) and writes the site of the built-in
# Groningen 2024 dataset to _site/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
build/duiding build . -o _site
