#!/bin/sh
# Regenerates the README's pictures, docs/img/*.png, from the demo models (data/demo) with the
# commands the README shows: verify --plot on the stolen and on the independent model,
# evaluate --plot on both. The PNGs are reduced to 256 colours with PIL (no visible change, a
# quarter of the bytes) to keep the repository small.
#   scripts/make_readme_plots.sh       after scripts/build.sh; SACJC overrides build/sacjc
set -eu
cd "$(dirname "$0")/.."
SACJC=${SACJC:-build/sacjc}
mkdir -p docs/img

# verify exits 1 for a stolen suspect and 0 for an independent one: the expected verdicts.
verify_plot() {  # SUSPECT EXPECTED_EXIT
  code=0
  "$SACJC" verify data/demo/victim.pt "data/demo/$1.pt" --plot "docs/img/verify_$1.png" >/dev/null || code=$?
  [ "$code" = "$2" ] || { echo "verify $1: exit $code, expected $2" >&2; exit 1; }
}
verify_plot stolen 1
verify_plot independent 0

"$SACJC" evaluate data/demo/victim.pt --stolen data/demo/stolen.pt --independent data/demo/independent.pt \
  --plot docs/img/evaluate_roc.png >/dev/null

/usr/bin/python3 - docs/img/verify_stolen.png docs/img/verify_independent.png docs/img/evaluate_roc.png <<'PY'
import os, sys
from PIL import Image
for path in sys.argv[1:]:
    image = Image.open(path).convert("RGB")
    image.quantize(colors=256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE).save(path, optimize=True)
    print(f"{path}: {image.width} x {image.height}, {os.path.getsize(path) // 1024} KB")
PY
