# The same inputs give the same report: JSON identical across runs apart from the timings
# (distance_independent_of_threads_and_batch.sh covers --threads and --batch-size).
source "$(dirname "$0")/lib.sh"
strip_timings() {
  "$PYTHON" -c 'import json, sys
report = json.load(open(sys.argv[1]))
for key in ("timings_s", "threads", "batch_size"): report.pop(key)
print(json.dumps(report, sort_keys=True))' "$1"
}
expect_exit 1 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" -n 64 --format json
cp "$WORK/out" "$WORK/first.json"
expect_exit 1 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" -n 64 --format json
cmp <(strip_timings "$WORK/first.json") <(strip_timings "$WORK/out") || fail "two identical runs differ"
