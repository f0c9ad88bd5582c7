# --expect makes the exit code 0 exactly when the verdict is the expected one.
source "$(dirname "$0")/lib.sh"
expect_exit 0 "$SACJC" fingerprint "$DEMO/victim.pt" -o "$WORK/victim.sacfp" -n 32
expect_exit 0 "$SACJC" verify "$WORK/victim.sacfp" "$DEMO/independent.pt" --expect independent
grep -q "expected   independent (met)" "$WORK/out" || fail "text report does not state the expectation"
expect_exit 1 "$SACJC" verify "$WORK/victim.sacfp" "$DEMO/stolen.pt" --expect independent
grep -q "NOT met" "$WORK/out" || fail "unmet expectation not stated"
expect_exit 0 "$SACJC" verify "$WORK/victim.sacfp" "$DEMO/stolen.pt" --expect stolen
expect_exit 1 "$SACJC" verify "$WORK/victim.sacfp" "$DEMO/independent.pt" --expect stolen --format json
[ "$(json_field expected)" = stolen ] || fail "JSON lacks expected"
expect_exit 3 "$SACJC" verify "$WORK/victim.sacfp" "$MODELS/random.pt" --expect independent
expect_exit 2 "$SACJC" verify "$WORK/victim.sacfp" "$DEMO/stolen.pt" --expect copy
