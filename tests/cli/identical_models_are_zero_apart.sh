# A model compared with itself is stolen, at distance 0 with either comparison.
source "$(dirname "$0")/lib.sh"
cp "$DEMO/victim.pt" "$WORK/copy.pt"
expect_exit 1 "$SACJC" verify "$DEMO/victim.pt" "$WORK/copy.pt" --format json --compare mad
[ "$(json_field distance)" = "0.0" ] || fail "mad distance is $(json_field distance), not 0"
[ "$(json_field verdict)" = "stolen" ] || fail "verdict is not stolen"
expect_exit 1 "$SACJC" verify "$DEMO/victim.pt" "$WORK/copy.pt" --format json --compare rsa
"$PYTHON" -c 'import sys; sys.exit(0 if abs(float(sys.argv[1])) < 1e-12 else 1)' "$(json_field distance)" \
  || fail "rsa distance is $(json_field distance), not 0"
