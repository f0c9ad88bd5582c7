# A calibration file that is not a well-formed sacjc calibration is bad input (exit 3) named in
# one line, never a threshold: empty, not JSON, binary, another JSON value or document, missing or
# mistyped keys, NaN / Infinity / overflowing numbers, a newer version, no independent models,
# a missing file, a directory.
# audit and fingerprint refuse them too, and audit refuses one made for another victim before
# checking any suspect. (calibrate_then_verify_with_p_values.sh covers a truncated file and one
# made with other probes, another --compare or another victim for verify.)
source "$(dirname "$0")/lib.sh"
opts=(-n 16 --input-size 32)
expect_exit 0 "$SACJC" calibrate "$DEMO/victim.pt" --independent "$DEMO/independent.pt" "$MODELS/net_b.pt" "${opts[@]}" -o "$WORK/good.json"
expect_exit 1 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" "${opts[@]}" --format json
cp "$WORK/out" "$WORK/report.json"
mkdir "$WORK/bad"
"$PYTHON" - "$WORK/good.json" "$WORK/report.json" "$WORK/bad" <<'PY'
import copy, json, sys
good, report, out = json.load(open(sys.argv[1])), open(sys.argv[2]).read(), sys.argv[3] + "/"
def text(name, content):
    open(out + name + ".json", "w").write(content)
def edit(name, change):
    doc = copy.deepcopy(good)
    change(doc)
    text(name, json.dumps(doc))  # allow_nan: writes NaN and Infinity as Python does
text("empty", "")
text("not_json", "threshold = 0.05\n")
open(out + "binary.json", "wb").write(bytes(range(256)))
text("array", json.dumps([good]))
text("string", json.dumps("sacjc-calibration"))
text("verify_report", report)
edit("no_threshold", lambda d: d.pop("threshold"))
edit("no_victim", lambda d: d.pop("victim_sha256"))
edit("no_probes", lambda d: d.pop("probes"))
edit("no_probe_hash", lambda d: d["probes"].pop("sha256"))
edit("threshold_text", lambda d: d.update(threshold="0.05"))
edit("threshold_null", lambda d: d.update(threshold=None))
edit("threshold_nan", lambda d: d.update(threshold=float("nan")))
edit("threshold_inf", lambda d: d.update(threshold=float("inf")))
edit("distance_nan", lambda d: d["independent"]["distances"].__setitem__(0, float("nan")))
edit("version_text", lambda d: d.update(schema_version="1"))
edit("version_99", lambda d: d.update(schema_version=99))
edit("old_version_99", lambda d: d.update(version=d.pop("schema_version") + 97))  # the field before schema_version
edit("no_independent", lambda d: d.update(independent={"paths": [], "distances": []}))
edit("distances_text", lambda d: d["independent"].update(distances=["a", "b"]))
edit("input_size_short", lambda d: d["probes"].update(input_size=[32]))
edit("threshold_negative", lambda d: d.update(threshold=-0.5))
edit("threshold_5", lambda d: d.update(threshold=5))
edit("distance_negative", lambda d: d["independent"]["distances"].__setitem__(0, -1))
edit("fpr_7", lambda d: d.update(target_fpr=7))
edit("probe_count_negative", lambda d: d["probes"].update(count=-3))
text("overflow", json.dumps(good).replace('"threshold": ', '"threshold": 1e999, "x": '))
PY
declare -A why=(
  [empty]="malformed calibration file" [not_json]="malformed calibration file" [binary]="malformed calibration file"
  [array]="not a sacjc calibration file" [string]="not a sacjc calibration file"
  [verify_report]="not a sacjc calibration file" [no_threshold]="key 'threshold' not found"
  [no_victim]="key 'victim_sha256' not found" [no_probes]="key 'probes' not found"
  [no_probe_hash]="key 'sha256' not found" [threshold_text]="type must be number, but is string"
  [threshold_null]="type must be number, but is null" [threshold_nan]="malformed calibration file"
  [threshold_inf]="malformed calibration file" [distance_nan]="malformed calibration file"
  [version_text]="malformed calibration file" [version_99]="version 99 is newer than this sacjc reads"
  [old_version_99]="version 99 is newer than this sacjc reads"
  [no_independent]="inconsistent distance lists" [distances_text]="type must be number, but is string"
  [input_size_short]="malformed calibration file" [overflow]="number overflow"
  [threshold_negative]="a threshold or distance outside [0, 2]" [threshold_5]="a threshold or distance outside [0, 2]"
  [distance_negative]="a threshold or distance outside [0, 2]" [fpr_7]="target_fpr outside [0, 1]"
  [probe_count_negative]="fewer than 2 probes")
[ "${#why[@]}" = "$(ls "$WORK/bad" | wc -l)" ] || fail "fixture: ${#why[@]} expectations for $(ls "$WORK/bad" | wc -l) files"
expect_exit 0 "$SACJC" fingerprint "$DEMO/victim.pt" -o "$WORK/victim.sacfp" "${opts[@]}"  # faster to load
expect_exit 1 "$SACJC" verify "$WORK/victim.sacfp" "$DEMO/stolen.pt" --calibration "$WORK/good.json"  # the control
for name in "${!why[@]}"; do
  expect_exit 3 "$SACJC" verify "$WORK/victim.sacfp" "$MODELS/net_a.pt" --calibration "$WORK/bad/$name.json"
  expect_error_line "$WORK/bad/$name.json: "
  grep -qF -- "${why[$name]}" "$WORK/err" || { cat "$WORK/err"; fail "$name.json: the error does not say '${why[$name]}'"; }
done
expect_exit 3 "$SACJC" verify "$WORK/victim.sacfp" "$MODELS/net_a.pt" --calibration "$WORK/none.json"
expect_error_line "$WORK/none.json: cannot open file"
expect_exit 3 "$SACJC" verify "$WORK/victim.sacfp" "$MODELS/net_a.pt" --calibration "$WORK/bad"
expect_error_line "$WORK/bad: is a directory"

# Other commands that take --calibration.
expect_exit 3 "$SACJC" fingerprint "$DEMO/victim.pt" -o "$WORK/fp.sacfp" "${opts[@]}" --calibration "$WORK/bad/no_threshold.json"
expect_error_line "$WORK/bad/no_threshold.json: "
[ ! -e "$WORK/fp.sacfp" ] || fail "fingerprint wrote a file with a malformed calibration"
expect_exit 3 "$SACJC" audit "$DEMO/victim.pt" "$DEMO/stolen.pt" "${opts[@]}" --calibration "$WORK/bad/array.json" --jsonl "$WORK/a.jsonl"
expect_error_line "$WORK/bad/array.json: not a sacjc calibration file"
expect_exit 3 "$SACJC" audit "$DEMO/stolen.pt" "$DEMO/independent.pt" "${opts[@]}" --calibration "$WORK/good.json" --jsonl "$WORK/b.jsonl"
expect_error_line "$WORK/good.json: calibration was made for a different victim"
[ ! -s "$WORK/a.jsonl" ] && [ ! -s "$WORK/b.jsonl" ] || fail "a refused audit started its log"
