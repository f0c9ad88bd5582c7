# A forward() that never returns is stopped by verify --timeout (exit 3 naming it, in bounded
# time); a memory hog by --max-memory; FIFOs and /dev/zero named as suspects are error rows
# without being read; a directory without models is exit 3, also with --expect.
source "$(dirname "$0")/lib.sh"
hostile_models "$WORK/hostile" "$WORK"
start=$(date +%s)
expect_exit 3 "$SACJC" verify "$MODELS/net_a.pt" "$WORK/hostile/sleeper.pt" -n 4 --input-size 32 --timeout 5
expect_error_line "sleeper.pt: timed out after 5 s (--timeout)"
[ $(( $(date +%s) - start )) -lt 30 ] || fail "the timeout took too long"
expect_exit 3 "$SACJC" verify "$MODELS/net_a.pt" "$WORK/hostile/hog.pt" -n 4 --input-size 32 --max-memory 2000 --timeout 120
expect_error_line "hog.pt: "
mkfifo "$WORK/fifo.pt"
ln -s /dev/zero "$WORK/zero.pt"
start=$(date +%s)
expect_exit 3 "$SACJC" verify "$MODELS/net_a.pt" "$WORK/fifo.pt" -n 4 --input-size 32
expect_error_line "fifo.pt: is a FIFO"
expect_exit 3 "$SACJC" audit "$MODELS/net_a.pt" "$WORK/fifo.pt" "$WORK/zero.pt" -n 4 --input-size 32 --format json
[ "$(json_field summary.errors)" = 2 ] || fail "special files are not error rows"
[ $(( $(date +%s) - start )) -lt 60 ] || fail "special files took too long"
mkdir -p "$WORK/nomodels" && touch "$WORK/nomodels/model.safetensors" && mkfifo "$WORK/nomodels/pipe.pt"
expect_exit 3 "$SACJC" audit "$MODELS/net_a.pt" "$WORK/nomodels" -n 4 --input-size 32 --expect independent
expect_error_line "no model file to check (2 files skipped"
