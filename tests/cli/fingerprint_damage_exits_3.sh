# A truncated, corrupted or newer fingerprint is a one-line error (exit 3), never a score.
source "$(dirname "$0")/lib.sh"
expect_exit 0 "$SACJC" fingerprint "$DEMO/victim.pt" -o "$WORK/good.sacfp" -n 16
size=$(stat -c %s "$WORK/good.sacfp")
head -c $((size / 2)) "$WORK/good.sacfp" >"$WORK/truncated.sacfp"
cp "$WORK/good.sacfp" "$WORK/flipped.sacfp"
printf '\x00' | dd of="$WORK/flipped.sacfp" bs=1 seek=$((size - 200)) conv=notrunc status=none
cp "$WORK/good.sacfp" "$WORK/newer.sacfp"
printf '\x09' | dd of="$WORK/newer.sacfp" bs=1 seek=8 conv=notrunc status=none
head -c 8 "$WORK/good.sacfp" >"$WORK/magic_only.sacfp"
for name in truncated flipped newer magic_only; do
  expect_exit 3 "$SACJC" verify "$WORK/$name.sacfp" "$DEMO/stolen.pt"
  expect_error_line "$WORK/$name.sacfp"
done
grep -q "newer than this sacjc" "$WORK/err" || true
expect_exit 3 "$SACJC" verify "$WORK/newer.sacfp" "$DEMO/stolen.pt"
expect_error_line "newer than this sacjc"
expect_exit 3 "$SACJC" verify "$WORK/flipped.sacfp" "$DEMO/stolen.pt"
expect_error_line "checksum mismatch"
# An interrupted write never leaves a file under the final name.
expect_exit 3 "$SACJC" fingerprint "$DEMO/victim.pt" -o "$WORK/no/such/dir/x.sacfp" -n 16
expect_error_line "x.sacfp"
