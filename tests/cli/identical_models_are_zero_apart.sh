# A model compared with itself has distance exactly 0 and is stolen.
source "$(dirname "$0")/lib.sh"
cp "$DEMO/victim.pt" "$WORK/copy.pt"
expect_exit 1 "$SACJC" verify "$DEMO/victim.pt" "$WORK/copy.pt" --format json
[ "$(json_field distance)" = "0.0" ] || fail "distance is $(json_field distance), not 0"
[ "$(json_field verdict)" = "stolen" ] || fail "verdict is not stolen"
