# audit --resume checks a file again when its bytes changed since the log was written: the log
# keeps both rows (what was seen then, what is there now), the table shows the file once, with
# its new verdict.
source "$(dirname "$0")/lib.sh"
dir="$WORK/models"
mkdir -p "$dir"
cp "$DEMO/independent.pt" "$dir/a.pt"
cp "$MODELS/net_a.pt" "$dir/b.pt"
log="$WORK/audit.jsonl"
expect_exit 0 "$SACJC" audit "$DEMO/victim.pt" "$dir" -n 32 --jsonl "$log" --format csv
cp "$DEMO/stolen.pt" "$dir/a.pt"
expect_exit 1 "$SACJC" audit "$DEMO/victim.pt" "$dir" -n 32 --jsonl "$log" --resume --format csv
"$PYTHON" - "$log" "$WORK/out" <<'PY' || fail "the resumed log or table is wrong"
import csv, json, sys
rows = [json.loads(l) for l in open(sys.argv[1]).read().splitlines()[1:]]
table = list(csv.DictReader(open(sys.argv[2])))
assert [r["suspect"].rsplit("/", 1)[-1] for r in rows] == ["a.pt", "b.pt", "a.pt"] or \
       [r["suspect"].rsplit("/", 1)[-1] for r in rows] == ["b.pt", "a.pt", "a.pt"], rows
assert len(table) == 2, table
verdicts = {r["suspect"].rsplit("/", 1)[-1]: r["verdict"] for r in table}
assert verdicts == {"a.pt": "stolen", "b.pt": "independent"}, verdicts
PY
