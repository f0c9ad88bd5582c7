# Black-box suspects: the exported probes sent through a "remote API" (a Python script running
# the suspect) give back outputs that score the same as loading the suspect; class labels from
# a label-only API are scored too; a wrong number of rows is a one-line error.
source "$(dirname "$0")/lib.sh"
cat >"$WORK/api.py" <<'PY'
import csv, sys
import numpy as np, torch
from PIL import Image
model, folder, out = torch.jit.load(sys.argv[1]).eval(), sys.argv[2], sys.argv[3]
rows = list(csv.DictReader(open(folder + "/manifest.csv")))
x = np.stack([np.asarray(Image.open(folder + "/" + r["file"]).convert("RGB"), dtype=np.float32) / 255 for r in rows])
with torch.no_grad():
    y = model(torch.from_numpy(x).permute(0, 3, 1, 2).contiguous()).numpy()
np.save(out + ".npy", y.astype(np.float32))
np.savetxt(out + ".csv", y, delimiter=",", header=",".join(f"c{i}" for i in range(y.shape[1])), comments="")
np.savetxt(out + ".labels.csv", y.argmax(1), fmt="%d")
np.savetxt(out + ".short.csv", y[:-1], delimiter=",")
PY
for mode in logits fri; do
  expect_exit 0 "$SACJC" fingerprint "$DEMO/victim.pt" -o "$WORK/$mode.sacfp" -n 40 --mode $mode --num-references 8
  expect_exit 0 "$SACJC" probes export "$WORK/$mode.sacfp" --out "$WORK/$mode"
  images=$(($(wc -l <"$WORK/$mode/manifest.csv") - 1))
  want=$([ $mode = fri ] && echo 48 || echo 40)
  [ "$images" = "$want" ] || fail "$mode: manifest lists $images images, want $want"
  "$PYTHON" "$WORK/api.py" "$DEMO/stolen.pt" "$WORK/$mode" "$WORK/$mode-stolen"
  run "$SACJC" verify "$WORK/$mode.sacfp" "$DEMO/stolen.pt" --format json
  loaded=$(json_field distance)
  for collected in npy csv; do
    expect_exit 1 "$SACJC" verify "$WORK/$mode.sacfp" --suspect-outputs "$WORK/$mode-stolen.$collected" --format json
    [ "$(json_field suspect_outputs)" = scores ] || fail "not read as scores"
    "$PYTHON" -c "import sys; a, b = float(sys.argv[1]), float(sys.argv[2]); assert abs(a - b) < 1e-5, (a, b)" \
      "$loaded" "$(json_field distance)" || fail "$mode $collected: collected outputs give another distance"
  done
done
# Class labels: one-hot against the victim's top class, with the label default threshold.
expect_exit 1 "$SACJC" verify "$WORK/logits.sacfp" --suspect-outputs "$WORK/logits-stolen.labels.csv" --format json
[ "$(json_field suspect_outputs)" = labels ] || fail "class indices not read as labels"
json_field threshold_source | grep -q "class labels" || fail "labels scored with the threshold for outputs"
"$PYTHON" "$WORK/api.py" "$DEMO/independent.pt" "$WORK/logits" "$WORK/logits-independent"
expect_exit 0 "$SACJC" verify "$WORK/logits.sacfp" --suspect-outputs "$WORK/logits-independent.labels.csv"
expect_exit 3 "$SACJC" verify "$WORK/fri.sacfp" --suspect-outputs "$WORK/logits-stolen.labels.csv"
sed -i '/^sacjc: warning: --mode fri with the built-in probes/d' "$WORK/err"  # the probes are not faces: true, not the point here
expect_error_line "labels.csv"
expect_exit 3 "$SACJC" verify "$WORK/logits.sacfp" --suspect-outputs "$WORK/logits-stolen.short.csv"
expect_error_line "39 rows but the probes manifest lists 40"
expect_exit 2 "$SACJC" verify "$WORK/logits.sacfp"
expect_error_line "--suspect-outputs"
