# fingerprint --sign writes FILE.sacfp.sig beside an unchanged fingerprint; verify --public-key
# accepts it and gives the unsigned fingerprint's distance. The signature is the raw Ed25519
# signature of the file, so openssl checks it too.
source "$(dirname "$0")/lib.sh"
openssl genpkey -algorithm ed25519 -out "$WORK/key.pem"
openssl pkey -in "$WORK/key.pem" -pubout -out "$WORK/pub.pem"
expect_exit 0 "$SACJC" fingerprint "$DEMO/victim.pt" -o "$WORK/unsigned.sacfp" -n 32
[ ! -e "$WORK/unsigned.sacfp.sig" ] || fail "an unsigned fingerprint got a signature"
expect_exit 0 "$SACJC" fingerprint "$DEMO/victim.pt" -o "$WORK/signed.sacfp" -n 32 --sign "$WORK/key.pem"
grep -qF "signature    $WORK/signed.sacfp.sig  (Ed25519)" "$WORK/out" || fail "summary lacks the signature: $(cat "$WORK/out")"
cmp -s "$WORK/unsigned.sacfp" "$WORK/signed.sacfp" || fail "signing changed the fingerprint file"
[ "$(stat -c %s "$WORK/signed.sacfp.sig")" = 64 ] || fail "the signature is not 64 bytes"
[ "$(stat -c %a "$WORK/signed.sacfp.sig")" = 600 ] || fail "signature mode $(stat -c %a "$WORK/signed.sacfp.sig")"
openssl pkeyutl -verify -pubin -inkey "$WORK/pub.pem" -rawin -in "$WORK/signed.sacfp" \
  -sigfile "$WORK/signed.sacfp.sig" >/dev/null || fail "openssl does not verify the signature"

for suspect in stolen independent; do
  run "$SACJC" verify "$WORK/unsigned.sacfp" "$DEMO/$suspect.pt" --format json
  unsigned=$(json_field distance)
  want=$([ $suspect = stolen ] && echo 1 || echo 0)
  expect_exit "$want" "$SACJC" verify "$WORK/signed.sacfp" "$DEMO/$suspect.pt" --public-key "$WORK/pub.pem" --format json
  [ "$(json_field distance)" = "$unsigned" ] || fail "$suspect: $(json_field distance) signed, $unsigned unsigned"
done
# A signed fingerprint still reads without --public-key (nothing is checked then).
expect_exit 1 "$SACJC" verify "$WORK/signed.sacfp" "$DEMO/stolen.pt"
