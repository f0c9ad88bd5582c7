# -v logs go to stderr; stdout holds only the report.
source "$(dirname "$0")/lib.sh"
expect_exit 0 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/independent.pt" -n 20 --format json -v
"$PYTHON" -c 'import json,sys; json.load(open(sys.argv[1]))' "$WORK/out" || fail "stdout is not pure JSON"
grep -q "sacjc: info:" "$WORK/err" || fail "no info log on stderr with -v"
