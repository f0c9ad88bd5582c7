# Running out of memory is an internal error (exit 4) with one clear line, not a crash.
source "$(dirname "$0")/lib.sh"
(ulimit -v 3000000; expect_exit 4 "$SACJC" verify "$MODELS/net_a.pt" "$MODELS/net_b.pt" -n 10 --input-size 4096 --batch-size 10
 expect_error_line "out of memory")
