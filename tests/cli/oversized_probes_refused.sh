# A probe set larger than half the machine's memory is refused up front (exit 2), not killed.
source "$(dirname "$0")/lib.sh"
expect_exit 2 "$SACJC" verify "$MODELS/net_a.pt" "$MODELS/net_b.pt" -n 200 --input-size 16384
expect_error_line "lower -n or --input-size"
