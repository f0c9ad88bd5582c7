# Distances agree within 1% with an independent Python implementation of docs/method.md
# (scripts/reference_sacjc.py: Pillow's JPEG, PyTorch forward, correlation in float64), for
# both comparisons. The seeds are already at the input size, so the two sides' different
# resize filters play no part.
source "$(dirname "$0")/lib.sh"
mkdir "$WORK/seeds"
"$PYTHON" - "$SOURCE/data/default_probes" "$WORK/seeds" <<'PY'
import os, sys
from PIL import Image
src, dst = sys.argv[1:]
for name in sorted(f for f in os.listdir(src) if f.endswith(".jpg"))[:80]:
    Image.open(os.path.join(src, name)).convert("RGB").resize((64, 64), Image.BILINEAR).save(
        os.path.join(dst, name[:-4] + ".png"))
PY
for suspect in stolen independent; do
  "$PYTHON" "$SOURCE/scripts/reference_sacjc.py" "$DEMO/victim.pt" "$DEMO/$suspect.pt" \
    --probes "$WORK/seeds" -n 80 -q 25 --size 64 --json >"$WORK/reference.json"
  for metric in mad rsa; do
    run "$SACJC" verify "$DEMO/victim.pt" "$DEMO/$suspect.pt" --probes "$WORK/seeds" --input-size 64 -n 80 \
      --compare $metric --format json
    [ "$code" = 0 ] || [ "$code" = 1 ] || { cat "$WORK/err"; fail "sacjc failed"; }
    ours=$(json_field distance)
    theirs=$(json_field $([ $metric = mad ] && echo distance || echo rsa_distance) "$WORK/reference.json")
    echo "$suspect, $metric: sacjc $ours, python reference $theirs"
    "$PYTHON" -c 'import sys; a, b = map(float, sys.argv[1:]); sys.exit(0 if b > 0 and abs(a - b) <= 0.01 * b else 1)' \
      "$ours" "$theirs" || fail "$suspect, $metric: sacjc $ours vs reference $theirs differ by more than 1%"
  done
done
