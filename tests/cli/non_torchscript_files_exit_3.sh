# Empty files and random bytes are bad input, named in the message.
source "$(dirname "$0")/lib.sh"
expect_exit 3 "$SACJC" verify "$MODELS/empty.pt" "$DEMO/victim.pt"
expect_error_line "empty.pt: empty file"
expect_exit 3 "$SACJC" verify "$DEMO/victim.pt" "$MODELS/random.pt"
expect_error_line "random.pt: not a TorchScript model"
