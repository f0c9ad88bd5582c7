# --plot writes PNG only: any other file name is a usage error (exit 2) naming the file,
# found before a model is read (here the suspect does not even exist), and nothing is written.
source "$(dirname "$0")/lib.sh"
for name in plot.svg plot.jpg plot.pdf plot png.d/plot; do
  expect_exit 2 "$SACJC" verify "$DEMO/victim.pt" "$WORK/missing.pt" --plot "$WORK/$name"
  expect_error_line "$WORK/$name"
  grep -q "\.png" "$WORK/err" || fail "the error does not say which extension works"
  [ ! -e "$WORK/$name" ] || fail "$name was written"
done
expect_exit 2 "$SACJC" evaluate "$DEMO/victim.pt" --stolen "$WORK/missing.pt" --plot "$WORK/roc.jpg"
expect_error_line "$WORK/roc.jpg"
[ ! -e "$WORK/roc.jpg" ] || fail "roc.jpg was written"
