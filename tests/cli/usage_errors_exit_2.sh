# Command-line mistakes exit 2.
source "$(dirname "$0")/lib.sh"
expect_exit 2 "$SACJC"
expect_exit 2 "$SACJC" verify "$DEMO/victim.pt"
expect_exit 2 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" --no-such-flag
expect_exit 2 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" -n 1
expect_exit 2 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" -q 0
expect_exit 2 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" -q 101
expect_exit 2 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" --input-size 12x
expect_exit 2 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" --mean 0.1,0.2
expect_exit 2 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" -n 100000
