#!/bin/sh
# The README's first command: install, build, and check the demo's stolen and independent
# models against the demo victim. Exit codes 1 (stolen) and 0 (independent) are the expected
# verdicts, so they are reported rather than treated as failures.
set -eu
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
for suspect in stolen independent; do
  echo "== sacjc verify data/demo/victim.pt data/demo/$suspect.pt"
  code=0
  build/sacjc verify data/demo/victim.pt "data/demo/$suspect.pt" || code=$?
  case "$suspect:$code" in
    stolen:1|independent:0) echo "(exit $code, as expected)" ;;
    *) echo "unexpected exit code $code for $suspect" >&2; exit 1 ;;
  esac
done
