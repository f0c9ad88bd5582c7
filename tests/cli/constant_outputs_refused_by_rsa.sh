# A model whose outputs all point the same way has a constant matrix: rsa refuses it with exit 3
# naming the model (never NaN); mad still compares it.
source "$(dirname "$0")/lib.sh"
expect_exit 3 "$SACJC" verify "$MODELS/net_a.pt" "$MODELS/constant.pt" -n 8 --input-size 20 --compare rsa
expect_error_line "constant.pt: the model's outputs point the same way on every probe"
expect_exit 0 "$SACJC" verify "$MODELS/net_a.pt" "$MODELS/constant.pt" -n 8 --input-size 20 --compare mad --format json
json_field distance | grep -qv nan || fail "mad distance is NaN"
