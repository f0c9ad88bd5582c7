#!/bin/sh
# Configures and builds sacjc in ./build (Release, Ninja). SACJC_WERROR=ON makes warnings errors
# (scripts/test.sh, which CI runs, sets it).
set -eu
cd "$(dirname "$0")/.."
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DPython3_EXECUTABLE=/usr/bin/python3 \
  -DSACJC_WERROR="${SACJC_WERROR:-OFF}"
cmake --build build
