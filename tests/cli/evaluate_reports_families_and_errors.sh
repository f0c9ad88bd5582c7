# evaluate measures every model, reports AUC / p-value / F1 per family, turns a broken model
# into an error row (exit 3) without losing the others, and never writes NaN.
source "$(dirname "$0")/lib.sh"
printf 'file\trole\tfamily\n%s\tstolen\tfinetune\n%s\tindependent\tindependent\n%s\tindependent\tindependent\n%s\tindependent\tindependent\n' \
  "$DEMO/stolen.pt" "$DEMO/independent.pt" "$MODELS/net_b.pt" "$MODELS/random.pt" >"$WORK/zoo.tsv"
expect_exit 3 "$SACJC" evaluate "$DEMO/victim.pt" --manifest "$WORK/zoo.tsv" -n 40 --format json --plot "$WORK/plot.png"
grep -qi nan "$WORK/out" && fail "NaN in the JSON report"
"$PYTHON" - "$WORK/out" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
assert report["command"] == "evaluate" and report["schema_version"] == 2
models = {m["path"].split("/")[-1]: m for m in report["models"]}
assert models["random.pt"]["distance"] is None and "not a TorchScript" in models["random.pt"]["error"], models
assert models["stolen.pt"]["distance"] < models["independent.pt"]["distance"]
family = next(f for f in report["families"] if f["family"] == "finetune")
assert family["auc"] == 1.0, family
assert family["p_value"] is None, family          # one stolen model: no t-test
assert family["at_threshold"]["f1"] == 1.0, family
independent = next(f for f in report["families"] if f["family"] == "independent")
assert independent["models"] == 2 and independent["errors"] == 1, independent
PY
"$PYTHON" -c 'import sys; from PIL import Image; im = Image.open(sys.argv[1]); assert im.format == "PNG" and im.width > 600' "$WORK/plot.png" \
  || fail "no plot"
