# A missing model file is bad input: exit 3, one line naming the file.
source "$(dirname "$0")/lib.sh"
expect_exit 3 "$SACJC" verify "$WORK/nope.pt" "$DEMO/stolen.pt"
expect_error_line "$WORK/nope.pt: no such file"
expect_exit 3 "$SACJC" verify "$DEMO/victim.pt" "$WORK"
expect_error_line "is a directory"
