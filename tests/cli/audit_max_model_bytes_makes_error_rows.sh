# audit --max-model-bytes: a suspect file above the limit is an error row naming it, its size and
# the limit, and is never loaded; it counts as an error for the exit code (3, or 0 with
# --allow-errors); files within the limit are measured as usual.
source "$(dirname "$0")/lib.sh"
small=$(stat -c %s "$MODELS/net_a.pt")
big=$(stat -c %s "$DEMO/independent.pt")
[ "$small" -lt "$big" ] || fail "fixture: net_a.pt ($small bytes) is not smaller than independent.pt ($big bytes)"
opts=(-n 16 --input-size 32 --max-model-bytes "$small" --format csv)

expect_exit 3 "$SACJC" audit "$DEMO/victim.pt" "$MODELS/net_a.pt" "$DEMO/independent.pt" "${opts[@]}" --jsonl "$WORK/audit.jsonl"
[ "$(wc -l <"$WORK/out")" = 3 ] || fail "the table does not have both rows"
grep -qxF "2,$DEMO/independent.pt,,error,,$DEMO/independent.pt: $big bytes exceeds --max-model-bytes $small; not loaded," "$WORK/out" \
  || { cat "$WORK/out"; fail "independent.pt is not the last, error row naming its size and the limit, unhashed"; }
grep -q "^1,$MODELS/net_a.pt,[0-9.e-]*,independent," "$WORK/out" || { cat "$WORK/out"; fail "net_a.pt (exactly at the limit) was not measured"; }
"$PYTHON" - "$WORK/audit.jsonl" "$DEMO/independent.pt" <<'PY' || fail "the log does not hold the error row"
import json, sys
rows = {r["suspect"]: r for r in map(json.loads, open(sys.argv[1]).read().splitlines()[1:])}
r = rows[sys.argv[2]]
assert r["verdict"] == "error" and r["distance"] is None and "exceeds --max-model-bytes" in r["error"], r
PY

expect_exit 0 "$SACJC" audit "$DEMO/victim.pt" "$MODELS/net_a.pt" "$DEMO/independent.pt" "${opts[@]}" --allow-errors
grep -qF "exceeds --max-model-bytes" "$WORK/out" || fail "--allow-errors dropped the error row"
# A stolen copy above the limit is not loaded, so it cannot be found stolen: the error row keeps
# the audit from passing (exit 3, not 0).
expect_exit 3 "$SACJC" audit "$DEMO/victim.pt" "$DEMO/stolen.pt" "${opts[@]}"
# 0 is no limit; a negative limit is a usage error.
expect_exit 1 "$SACJC" audit "$DEMO/victim.pt" "$DEMO/stolen.pt" -n 16 --input-size 32 --max-model-bytes 0
expect_exit 2 "$SACJC" audit "$DEMO/victim.pt" "$DEMO/stolen.pt" -n 16 --input-size 32 --max-model-bytes -1
