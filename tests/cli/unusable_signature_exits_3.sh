# With --public-key, a fingerprint whose signature is missing, truncated, empty or made with
# another key is exit 3 with one line naming the fingerprint.
source "$(dirname "$0")/lib.sh"
openssl genpkey -algorithm ed25519 -out "$WORK/key.pem"
openssl genpkey -algorithm ed25519 -out "$WORK/other.pem"
openssl pkey -in "$WORK/key.pem" -pubout -out "$WORK/pub.pem"
expect_exit 0 "$SACJC" fingerprint "$DEMO/victim.pt" -o "$WORK/good.sacfp" -n 16 --sign "$WORK/key.pem"
check() {  # check NAME TEXT: NAME.sacfp is refused with TEXT
  cp "$WORK/good.sacfp" "$WORK/$1.sacfp"
  expect_exit 3 "$SACJC" verify "$WORK/$1.sacfp" "$DEMO/stolen.pt" --public-key "$WORK/pub.pem"
  expect_error_line "sacjc: error: $WORK/$1.sacfp: $2"
}
check missing "unsigned: no signature to check"
head -c 63 "$WORK/good.sacfp.sig" >"$WORK/truncated.sacfp.sig"
check truncated "malformed signature $WORK/truncated.sacfp.sig: 63 bytes"
: >"$WORK/empty.sacfp.sig"
check empty "malformed signature $WORK/empty.sacfp.sig: 0 bytes"
mkdir "$WORK/directory.sacfp.sig"
check directory "unsigned: no signature to check"
expect_exit 0 "$SACJC" fingerprint "$DEMO/victim.pt" -o "$WORK/other_key.sacfp" -n 16 --sign "$WORK/other.pem"
expect_exit 3 "$SACJC" verify "$WORK/other_key.sacfp" "$DEMO/stolen.pt" --public-key "$WORK/pub.pem"
expect_error_line "sacjc: error: $WORK/other_key.sacfp: signature $WORK/other_key.sacfp.sig does not verify"
# The good one passes.
expect_exit 1 "$SACJC" verify "$WORK/good.sacfp" "$DEMO/stolen.pt" --public-key "$WORK/pub.pem"
