# audit lists the model files it cannot run (ONNX, safetensors, state_dicts, Keras) as skipped,
# with what they are, in every report format and without --show-skipped; a state_dict named
# *.pt is skipped by its bytes, not run. Other skipped files stay counted only.
source "$(dirname "$0")/lib.sh"
"$PYTHON" "$SOURCE/scripts/make_other_format_models.py" "$WORK/m" >/dev/null 2>&1 || fail "could not write the models"
dir=$WORK/suspects
mkdir -p "$dir/downloads"
cp "$DEMO/stolen.pt" "$dir/a_stolen.pt"
cp "$WORK/m"/* "$dir/downloads/"
cp "$WORK/m/state_dict.pth" "$dir/downloads/state_dict_named.pt"
echo "notes" >"$dir/README.txt"
others="legacy.pth model.h5 model.keras model.onnx model.safetensors pytorch_model.bin state_dict.pth state_dict_named.pt"

for format in text markdown csv json sarif junit; do
  expect_exit 1 "$SACJC" audit "$DEMO/victim.pt" "$dir" --format "$format"
  cp "$WORK/out" "$WORK/out.$format"
  for name in $others; do
    grep -qF "downloads/$name" "$WORK/out.$format" || fail "$format: $name is not listed"
  done
  if grep -qF README.txt "$WORK/out.$format" && [ "$format" != json ]; then fail "$format lists README.txt"; fi
done
# Each listed with its reason.
grep -qF "skipped      $dir/downloads/model.onnx (an ONNX model, not TorchScript" "$WORK/out.text" || fail "text: no ONNX reason"
grep -qF "9 files skipped (--show-skipped lists them)" "$WORK/out.text" || { cat "$WORK/out.text"; fail "text: summary"; }
grep -qF "| | $dir/downloads/state_dict_named.pt | | skipped | a state_dict or module saved with torch.save" \
  "$WORK/out.markdown" || fail "markdown: no state_dict reason"
"$PYTHON" - "$WORK" "$dir" <<'PY' || fail "csv, json, sarif or junit do not list the skipped files with reasons"
import csv, json, sys, xml.etree.ElementTree as ET
work, d = sys.argv[1], sys.argv[2]
rows = list(csv.DictReader(open(f"{work}/out.csv")))
skipped = {r["suspect"]: r["error"] for r in rows if r["verdict"] == "skipped"}
assert len(skipped) == 8 and skipped[f"{d}/downloads/model.keras"].startswith("a Keras model"), skipped
assert [r["verdict"] for r in rows if r["verdict"] != "skipped"] == ["stolen"], rows
report = json.load(open(f"{work}/out.json"))
reasons = {s["path"]: s["reason"] for s in report["skipped"]}
assert reasons[f"{d}/downloads/legacy.pth"].startswith("a state_dict or module saved with torch.save in the legacy")
assert reasons[f"{d}/README.txt"] == "name matches no --glob"
sarif = json.load(open(f"{work}/out.sarif"))
notes = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
assert len(notes) == 8 and all(n["level"] == "warning" and ": skipped: " in n["message"]["text"] for n in notes), notes
assert len(sarif["runs"][0]["results"]) == 1
cases = ET.parse(f"{work}/out.junit").getroot().iter("testcase")
skipped = {c.get("name"): c.find("skipped").get("message") for c in cases if c.find("skipped") is not None}
assert len(skipped) == 8 and skipped[f"{d}/downloads/model.safetensors"].startswith("a safetensors file"), skipped
PY

# Only other formats: nothing to check is still an error, never a pass.
expect_exit 3 "$SACJC" audit "$DEMO/victim.pt" "$dir/downloads"
expect_error_line "no model file to check (8 files skipped"
