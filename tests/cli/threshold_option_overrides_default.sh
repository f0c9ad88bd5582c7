# --threshold replaces the default, and the report says where the threshold came from.
source "$(dirname "$0")/lib.sh"
expect_exit 0 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/victim.pt" --threshold 0 --format json -n 20
[ "$(json_field threshold_source)" = "--threshold" ] || fail "threshold source"
expect_exit 1 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/independent.pt" --threshold 2.1 -n 20
