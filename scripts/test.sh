#!/bin/sh
# The README's test command: install, build, run the whole suite (unit and CLI tests).
set -eu
cd "$(dirname "$0")/.."
scripts/install-deps.sh
SACJC_WERROR=ON scripts/build.sh
ctest --test-dir build --output-on-failure -j "$(nproc)"
