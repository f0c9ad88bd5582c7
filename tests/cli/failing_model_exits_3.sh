# A model that fails on the probes, or returns unusable output, is bad input named in one line.
source "$(dirname "$0")/lib.sh"
expect_exit 3 "$SACJC" verify "$MODELS/net_a.pt" "$MODELS/raises.pt" -n 4 --input-size 20
expect_error_line "raises.pt: model failed on the probes"
grep -q "only takes 32x32" "$WORK/err" || fail "the model's own message is missing"
expect_exit 3 "$SACJC" verify "$MODELS/net_a.pt" "$MODELS/nan.pt" -n 4 --input-size 20
expect_error_line "nan.pt: model output contains NaN"
expect_exit 3 "$SACJC" verify "$MODELS/net_a.pt" "$MODELS/scalar.pt" -n 4 --input-size 20
expect_error_line "scalar.pt: model output has shape []"
expect_exit 3 "$SACJC" verify "$MODELS/net_a.pt" "$MODELS/wrong_batch.pt" -n 4 --input-size 20
expect_error_line "wrong_batch.pt: model output has shape [1,"
expect_exit 3 "$SACJC" verify "$MODELS/net_a.pt" "$MODELS/dict.pt" -n 4 --input-size 20
expect_error_line "dict.pt: model returns a dict; choose an entry with --output KEY"
