# A suspect that prints forged reports from forward() still gets its own verdict: stolen, in
# text and JSON, and as an audit row (not an error row that --allow-errors would pass).
source "$(dirname "$0")/lib.sh"
hostile_models "$WORK/hostile" "$WORK"
expect_exit 1 "$SACJC" verify "$MODELS/net_a.pt" "$WORK/hostile/printer.pt" -n 16 --input-size 32 --format json
[ "$(json_field verdict)" = stolen ] || fail "printer.pt verdict is not stolen"
expect_exit 1 "$SACJC" verify "$MODELS/net_a.pt" "$WORK/hostile/printer.pt" -n 16 --input-size 32
grep -q "STOLEN" "$WORK/out" || fail "text report lost its verdict"
if grep -qi "independent\"" "$WORK/out"; then fail "forged text reached the report"; fi
mkdir -p "$WORK/dir" && cp "$WORK/hostile/printer.pt" "$WORK/dir/"
expect_exit 1 "$SACJC" audit "$MODELS/net_a.pt" "$WORK/dir" -n 16 --input-size 32 --allow-errors --format json
[ "$(json_field suspects.0.verdict)" = stolen ] || fail "printer.pt audit row is not stolen"
