# audit --resume after the audit was killed (kill -9, with a torn last log line): the rows already
# logged are kept, the rest are checked once, and the table equals an uninterrupted audit's.
source "$(dirname "$0")/lib.sh"
dir="$WORK/models"
suspect_dir "$dir"
cp "$DEMO/independent.pt" "$dir/more/g_independent_copy.pt"
cp "$MODELS/net_a.pt" "$dir/more/h_net_a_copy.pt"
opts=(-n 32 --input-size 32)
log="$WORK/audit.jsonl"

# The audit runs in its own session, so that kill -9 of its process group also ends the child
# `sacjc verify` it is waiting for; its temporary directory, left behind by the kill, goes to $WORK.
TMPDIR="$WORK" setsid "$SACJC" audit "$DEMO/victim.pt" "$dir" "${opts[@]}" -j 1 --jsonl "$log" >"$WORK/killed.out" 2>"$WORK/killed.err" &
pid=$!
trap 'kill -9 -- -$pid $pid 2>/dev/null || true' EXIT
for ((i = 0; i < 50; ++i)); do  # setsid runs in the background child: wait for it
  [ "$(ps -o pgid= -p $pid | tr -d ' ')" = "$pid" ] && break
  sleep 0.1
done
[ "$(ps -o pgid= -p $pid | tr -d ' ')" = "$pid" ] || fail "the audit does not lead its own process group"
for ((i = 0; i < 400; ++i)); do  # at most 40 s
  [ -f "$log" ] && [ "$(grep -c '' "$log")" -ge 3 ] && break
  kill -0 $pid 2>/dev/null || fail "the audit ended before it could be killed: $(cat "$WORK/killed.err")"
  sleep 0.1
done
[ "$(grep -c '' "$log")" -ge 3 ] || fail "the log did not get 2 rows in 40 s"
kill -9 -- -$pid
wait $pid 2>/dev/null || true
sleep 0.2
left=$(ps -eo pid=,pgid=,stat=,args= | awk -v g="$pid" '$2 == g && $3 !~ /^Z/')
[ -z "$left" ] || fail "processes of the killed audit are still running: $left"
kept=$(grep -c '' "$log")
[ "$kept" -lt 9 ] || fail "the audit had finished before the kill; nothing is left to resume"
cp "$log" "$WORK/kept.jsonl"
printf '{"distance":null,"error":"","output_size":0,"p_val' >>"$log"  # a row cut short by the kill

expect_exit 1 "$SACJC" audit "$DEMO/victim.pt" "$dir" "${opts[@]}" -j 1 --jsonl "$log" --resume --format csv
cp "$WORK/out" "$WORK/resumed.csv"
head -c "$(stat -c %s "$WORK/kept.jsonl")" "$log" | cmp -s - "$WORK/kept.jsonl" || fail "resume changed the rows logged before the kill"
"$PYTHON" - "$dir" "$log" "$WORK/resumed.csv" <<'EOF' || fail "the resumed log or table is wrong"
import csv, glob, json, os, sys
d, log, table = sys.argv[1], open(sys.argv[2]).read(), list(csv.DictReader(open(sys.argv[3])))
def check(ok, what):
    if not ok: print("FAIL:", what, file=sys.stderr); sys.exit(1)
expected = sorted(glob.glob(f"{d}/*.pt") + glob.glob(f"{d}/more/*.pt"))
check(len(expected) == 8, "test set-up")
check(log.endswith("\n"), "the torn line is still at the end of the log")
lines = [json.loads(l) for l in log.splitlines()]  # fails on a torn line left inside
check(lines[0]["format"] == "sacjc-audit", "no header")
logged = [r["suspect"] for r in lines[1:]]
check(sorted(logged) == expected, f"log rows: {logged}")
listed = [r["suspect"] for r in table]
check(sorted(listed) == expected, f"table rows: {listed}")
check([r["rank"] for r in table] == [str(i) for i in range(1, 9)], "ranks")
verdicts = {r["suspect"]: r["verdict"] for r in table}
check(verdicts[f"{d}/e_corrupt.pt"] == "error", "corrupt is not an error")
check(sorted(s for s, v in verdicts.items() if v == "stolen") == [f"{d}/a_stolen.pt", f"{d}/more/f_stolen_copy.pt"], "stolen rows")
EOF

# The same audit without interruption, -j 2, gives the same table.
expect_exit 1 "$SACJC" audit "$DEMO/victim.pt" "$dir" "${opts[@]}" -j 2 --jsonl "$WORK/fresh.jsonl" --format csv
cmp -s "$WORK/out" "$WORK/resumed.csv" || { diff "$WORK/out" "$WORK/resumed.csv" || true; fail "resumed table differs from a fresh audit"; }

# Resuming a log of another victim is refused, naming the log, which stays as it was.
cp "$log" "$WORK/before.jsonl"
expect_exit 3 "$SACJC" audit "$DEMO/independent.pt" "$dir" "${opts[@]}" --jsonl "$log" --resume
expect_error_line "$log: was made with a different victim"
cmp -s "$log" "$WORK/before.jsonl" || fail "a refused resume changed the log"
