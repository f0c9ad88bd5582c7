# The demo's independently trained model is reported independent, with exit code 0.
source "$(dirname "$0")/lib.sh"
expect_exit 0 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/independent.pt"
grep -q '^verdict *independent' "$WORK/out" || fail "no independent verdict in the report"
