# With the owner's own probes (--probes, logits mode) rsa's default threshold is the one measured
# with in-distribution images (0.014), not the built-in probes' 0.032; the report names which.
source "$(dirname "$0")/lib.sh"
expect_exit 1 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" -n 40 --format json
[ "$(json_field threshold)" = 0.032 ] || fail "built-in probes: threshold $(json_field threshold)"
"$SACJC" probes export "$DEMO/victim.pt" -n 40 -o "$WORK/own" >/dev/null
expect_exit 1 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" --probes "$WORK/own" --format json
[ "$(json_field threshold)" = 0.014 ] || fail "own probes: threshold $(json_field threshold)"
json_field threshold_source | grep -q "own probes" || fail "the source does not name the own probes"
expect_exit 1 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" --probes "$WORK/own" --threshold 0.02 --format json
[ "$(json_field threshold)" = 0.02 ] || fail "--threshold must win"
