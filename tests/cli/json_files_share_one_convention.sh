# Every JSON file sacjc writes carries "schema_version" (files it reads back also name their
# kind in "format"), and an absent value is null, never "". Files written before, with
# "version" and "", still read.
source "$(dirname "$0")/lib.sh"
v="$DEMO/victim.pt" s="$DEMO/stolen.pt" i="$DEMO/independent.pt"
expect_exit 1 "$SACJC" verify "$v" "$s" -n 16 --format json
cp "$WORK/out" "$WORK/verify.json"
expect_exit 0 "$SACJC" calibrate "$v" --independent "$i" "$MODELS/net_a.pt" "$MODELS/net_b.pt" --stolen "$s" -n 16 \
  -o "$WORK/cal.json"
mkdir -p "$WORK/suspects" && cp "$s" "$MODELS/random.pt" "$WORK/suspects/"
expect_exit 1 "$SACJC" audit "$v" "$WORK/suspects" -n 16 --jsonl "$WORK/audit.jsonl" --format json
cp "$WORK/out" "$WORK/audit.json"
"$PYTHON" - "$WORK" <<'PY' || fail "a file breaks the convention"
import json, sys
w = sys.argv[1]
def walk(value, where):
    if isinstance(value, dict):
        for k, x in value.items(): walk(x, f"{where}.{k}")
    elif isinstance(value, list):
        for n, x in enumerate(value): walk(x, f"{where}[{n}]")
    else:
        assert value != "", f"{where} is \"\" (absent values are null)"
verify = json.load(open(f"{w}/verify.json"))
cal = json.load(open(f"{w}/cal.json"))
audit = json.load(open(f"{w}/audit.json"))
log = [json.loads(line) for line in open(f"{w}/audit.jsonl")]
for name, doc in [("verify", verify), ("calibration", cal), ("audit", audit), ("log header", log[0])]:
    assert isinstance(doc.get("schema_version"), int) and "version" not in doc, (name, doc.keys())
    walk(doc, name)
for row in log[1:]: walk(row, "log row")
assert cal["format"] == "sacjc-calibration" and log[0]["format"] == "sacjc-audit"
assert verify["calibration"] is None and verify["p_value"] is None and verify["selection"]["labels"] is None, verify
ok = [r for r in log[1:] if r["verdict"] != "error"]
assert ok and all(r["error"] is None for r in ok), log
PY

# Old files: a calibration with "version": 1, an audit log with "version": 1 and "" for none.
"$PYTHON" - "$WORK" <<'PY'
import json, sys
w = sys.argv[1]
cal = json.load(open(f"{w}/cal.json"))
cal["version"] = 1; del cal["schema_version"]
json.dump(cal, open(f"{w}/old_cal.json", "w"))
lines = [json.loads(line) for line in open(f"{w}/audit.jsonl")]
lines[0]["version"] = 1; del lines[0]["schema_version"]
for row in lines[1:]:
    for key in ("error", "canonical", "sha256"):
        if row.get(key) is None: row[key] = ""
open(f"{w}/old.jsonl", "w").write("".join(json.dumps(x) + "\n" for x in lines))
PY
expect_exit 1 "$SACJC" verify "$v" "$s" -n 16 --calibration "$WORK/old_cal.json" --format json
[ "$(json_field calibration_models)" -ge 1 ] || fail "the old calibration was not used"
expect_exit 1 "$SACJC" merge "$WORK/old.jsonl" --format json
"$PYTHON" -c '
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:])
assert a["suspects"] == b["suspects"], (a["suspects"], b["suspects"])' "$WORK/out" "$WORK/audit.json" ||
  fail "the old audit log does not read back as the new one"
