# audit of a directory: one row per model file found (victim and non-model files left out),
# error rows naming the failing file, the JSONL log, and the exit codes 1/3/0/2 and --expect.
source "$(dirname "$0")/lib.sh"
dir="$WORK/models"
mkdir -p "$dir/sub"
cp "$DEMO/victim.pt" "$DEMO/stolen.pt" "$DEMO/independent.pt" "$dir/"
cp "$DEMO/stolen.pt" "$dir/sub/copy é.pt"
cp "$MODELS/random.pt" "$dir/corrupt.pt"
echo "not a model" >"$dir/notes.txt"
cp "$MODELS/hangs.pt" "$dir/"  # sorts early, so its --timeout runs alongside the others
cp "$MODELS/empty.pt" "$MODELS/hog.pt" "$dir/sub/"
opts=(-n 32 --input-size 32 -j 2 --max-memory 3000)

expect_exit 1 "$SACJC" audit "$dir/victim.pt" "$dir" "${opts[@]}" --timeout 10 --jsonl "$WORK/audit.jsonl" --format json
cp "$WORK/out" "$WORK/table.json"
"$PYTHON" - "$dir" "$WORK/table.json" "$WORK/audit.jsonl" <<'EOF' || fail "audit table or log is wrong"
import hashlib, json, sys
d, table, log = sys.argv[1], json.load(open(sys.argv[2])), open(sys.argv[3], encoding="utf-8").read()
def check(ok, what):
    if not ok: print("FAIL:", what, file=sys.stderr); sys.exit(1)
stolen = {f"{d}/stolen.pt", f"{d}/sub/copy é.pt"}
errors = {f"{d}/corrupt.pt": "not a TorchScript model", f"{d}/sub/empty.pt": "not a TorchScript model",
          f"{d}/hangs.pt": "timed out after 10 s", f"{d}/sub/hog.pt": "out of memory"}
expected = stolen | set(errors) | {f"{d}/independent.pt"}
rows = table["suspects"]
names = [r["suspect"] for r in rows]
check(sorted(names) == sorted(expected), f"suspects {names}")
check(table["summary"] == {"suspects": 7, "stolen": 2, "independent": 1, "errors": 4, "skipped": 1}, f"summary {table['summary']}")
check(table["skipped"] == [{"path": f"{d}/notes.txt", "reason": "name matches no --glob"}], f"skipped {table['skipped']}")
by = {r["suspect"]: r for r in rows}
for s in stolen:
    check(by[s]["verdict"] == "stolen" and by[s]["error"] is None, f"{s} not stolen: {by[s]}")
    check(by[s]["sha256"] == hashlib.sha256(open(s, "rb").read()).hexdigest(), f"{s} sha256")
ind = by[f"{d}/independent.pt"]
check(ind["verdict"] == "independent" and ind["distance"] is not None, f"independent row {ind}")
check(max(by[s]["distance"] for s in stolen) < ind["distance"], "stolen rows are not the closest")
check(names[:2] == sorted(stolen) and names[2] == f"{d}/independent.pt", f"ranking {names}")
for s, why in errors.items():
    r = by[s]
    check(r["verdict"] == "error" and r["distance"] is None, f"{s} is not an error row: {r}")
    check(r["error"].startswith(s + ": ") and why in r["error"], f"{s}: error '{r['error']}' lacks '{why}'")
check(table["settings"]["victim"] == f"{d}/victim.pt", "settings.victim")
# The log: a header, then one complete line per suspect, agreeing with the table.
check(log.endswith("\n"), "log does not end with a newline")
lines = [json.loads(l) for l in log.splitlines()]
header, logged = lines[0], lines[1:]
check(header.get("format") == "sacjc-audit" and header.get("schema_version") == 2, f"header {header}")
check(header["victim_sha256"] == table["settings"]["victim_sha256"], "header victim_sha256")
check(sorted(r["suspect"] for r in logged) == sorted(expected), "log rows != suspects")
keys = {"suspect", "canonical", "sha256", "distance", "verdict", "p_value", "output_size", "error", "seconds"}
for r in logged:
    check(set(r) == keys, f"log row keys {sorted(r)}")
    t = by[r["suspect"]]
    check(all(r[k] == t[k] for k in ("verdict", "distance", "error", "sha256", "output_size")), f"log row {r} != {t}")
hangs = next(r for r in logged if r["suspect"] == f"{d}/hangs.pt")
check(10 <= hangs["seconds"] < 30, f"hangs.pt took {hangs['seconds']} s with --timeout 10")
EOF
if grep -q "notes.txt" "$WORK/audit.jsonl"; then fail "notes.txt was audited"; fi

# Errors without a stolen suspect: exit 3, or 0 with --allow-errors; the rows are still reported.
expect_exit 3 "$SACJC" audit "$dir/victim.pt" "$dir/independent.pt" "$dir/corrupt.pt" "${opts[@]}" --format csv
[ "$(wc -l <"$WORK/out")" = 3 ] || fail "errors: the table does not have both rows"
grep -qF "2,$dir/corrupt.pt,,error,,$dir/corrupt.pt: not a TorchScript model" "$WORK/out" || fail "errors: corrupt.pt is not the last, error row"
expect_exit 0 "$SACJC" audit "$dir/victim.pt" "$dir/independent.pt" "$dir/corrupt.pt" "${opts[@]}" --allow-errors
# --expect independent: 0 when every suspect is independent, 1 when one is stolen.
expect_exit 0 "$SACJC" audit "$dir/victim.pt" "$dir/independent.pt" "$MODELS/net_a.pt" "${opts[@]}" --expect independent
expect_exit 1 "$SACJC" audit "$dir/victim.pt" "$dir/independent.pt" "$dir/stolen.pt" "${opts[@]}" --expect independent

# Bad input and usage errors: one line on stderr, nothing on stdout, the log left alone.
expect_exit 3 "$SACJC" audit "$dir/victim.pt" "$dir" "$WORK/missing.pt" "${opts[@]}"
expect_error_line "$WORK/missing.pt: no such file or directory"
expect_exit 2 "$SACJC" audit "$dir/victim.pt" "$dir" "${opts[@]}" --resume
expect_error_line "--resume needs --jsonl"
cp "$WORK/audit.jsonl" "$WORK/before.jsonl"
expect_exit 2 "$SACJC" audit "$dir/victim.pt" "$dir" "${opts[@]}" --jsonl "$WORK/audit.jsonl"
expect_error_line "audit.jsonl exists; add --resume"
cmp -s "$WORK/audit.jsonl" "$WORK/before.jsonl" || fail "a refused audit changed the existing log"
