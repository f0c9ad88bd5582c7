# audit --shard I/N splits the sorted suspects into disjoint shards, and `sacjc merge` of their
# logs gives exactly the table (and exit code) of one unsharded audit.
source "$(dirname "$0")/lib.sh"
dir="$WORK/models"
suspect_dir "$dir"
cp "$DEMO/victim.pt" "$dir/"  # found in the directory, and left out of every shard
opts=(-n 32 --input-size 32)

expect_exit 1 "$SACJC" audit "$dir/victim.pt" "$dir" "${opts[@]}" -j 2 --jsonl "$WORK/all.jsonl" --format csv
cp "$WORK/out" "$WORK/single.csv"
[ "$(wc -l <"$WORK/single.csv")" = 7 ] || fail "the single audit does not have 6 rows"

for i in 0 1 2; do
  "$SACJC" audit "$dir/victim.pt" "$dir" "${opts[@]}" -j 1 --shard $i/3 --jsonl "$WORK/s$i.jsonl" --format csv \
    >"$WORK/s$i.csv" 2>"$WORK/s$i.err" &
  pids[$i]=$!
done
for i in 0 1 2; do
  set +e; wait ${pids[$i]}; codes[$i]=$?; set -e
done

"$PYTHON" - "$dir" "$WORK" "${codes[@]}" <<'EOF' || fail "the shards are wrong"
import json, sys
d, work, codes = sys.argv[1], sys.argv[2], [int(c) for c in sys.argv[3:]]
def check(ok, what):
    if not ok: print("FAIL:", what, file=sys.stderr); sys.exit(1)
def rows(path):
    lines = [json.loads(l) for l in open(path)]
    check(lines[0]["format"] == "sacjc-audit", f"{path}: no header")
    return lines[1:]
everyone = sorted(r["suspect"] for r in rows(f"{work}/all.jsonl"))
check(len(everyone) == 6 and f"{d}/victim.pt" not in everyone, f"single audit suspects {everyone}")
listing = sorted(everyone + [f"{d}/victim.pt"])  # shards are cut from the sorted list, victim included
for i in range(3):
    shard = rows(f"{work}/s{i}.jsonl")
    mine = [r["suspect"] for r in shard]
    want = [s for s in listing[i::3] if s != f"{d}/victim.pt"]
    check(sorted(mine) == want, f"shard {i}/3 has {mine}, expected {want}")
    verdicts = {r["verdict"] for r in shard}
    want_code = 1 if "stolen" in verdicts else 3 if "error" in verdicts else 0
    check(codes[i] == want_code, f"shard {i}/3 exited {codes[i]}, expected {want_code}")
EOF

expect_exit 1 "$SACJC" merge "$WORK/s0.jsonl" "$WORK/s1.jsonl" "$WORK/s2.jsonl" --format csv -o "$WORK/merged.jsonl"
cmp -s "$WORK/out" "$WORK/single.csv" || { diff "$WORK/single.csv" "$WORK/out" || true; fail "merged shards differ from the single audit"; }
expect_exit 1 "$SACJC" merge "$WORK/merged.jsonl" --format csv
cmp -s "$WORK/out" "$WORK/single.csv" || fail "the merged log (-o) does not give the same table"
[ "$(head -n 1 "$WORK/merged.jsonl" | json_field format /dev/stdin)" = sacjc-audit ] || fail "merged log header"
[ "$(grep -c '' "$WORK/merged.jsonl")" = 7 ] || fail "the merged log is not a header and 6 rows"
# Merging a log with itself (or a shard twice) does not duplicate rows.
expect_exit 1 "$SACJC" merge "$WORK/s0.jsonl" "$WORK/s1.jsonl" "$WORK/s2.jsonl" "$WORK/s1.jsonl" --format csv
cmp -s "$WORK/out" "$WORK/single.csv" || fail "a log merged twice changed the table"

# A log of another victim does not merge, and names the log.
expect_exit 0 "$SACJC" audit "$DEMO/independent.pt" "$MODELS/net_a.pt" "${opts[@]}" --jsonl "$WORK/other.jsonl"
expect_exit 3 "$SACJC" merge "$WORK/s0.jsonl" "$WORK/other.jsonl" --format csv -o "$WORK/bad.jsonl"
expect_error_line "$WORK/other.jsonl: was made with a different victim"
[ ! -e "$WORK/bad.jsonl" ] || fail "a refused merge wrote its output"

expect_exit 2 "$SACJC" audit "$dir/victim.pt" "$dir" "${opts[@]}" --shard 3/3
expect_error_line "--shard must be I/N with 0 <= I < N"
expect_exit 2 "$SACJC" audit "$dir/victim.pt" "$dir" "${opts[@]}" --shard x
expect_error_line "--shard must be I/N with 0 <= I < N"
