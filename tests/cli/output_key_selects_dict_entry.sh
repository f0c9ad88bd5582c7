# --output picks a dict entry; tuple outputs use their first tensor; both match the plain model.
source "$(dirname "$0")/lib.sh"
expect_exit 1 "$SACJC" verify "$MODELS/net_a.pt" "$MODELS/dict.pt" --output logits -n 8 --input-size 32 --format json --compare mad
[ "$(json_field distance)" = "0.0" ] || fail "dict entry differs from the plain model"
expect_exit 1 "$SACJC" verify "$MODELS/net_a.pt" "$MODELS/tuple.pt" -n 8 --input-size 32 --format json --compare mad
[ "$(json_field distance)" = "0.0" ] || fail "tuple output differs from the plain model"
