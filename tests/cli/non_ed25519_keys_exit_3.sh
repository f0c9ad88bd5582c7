# A key file that is not an Ed25519 key of the right half (an RSA key, a private key given as
# the public one and the reverse, not a key at all, missing) is exit 3 with one line naming the
# key file; --sign refuses before the victim is measured, and writes nothing.
source "$(dirname "$0")/lib.sh"
openssl genpkey -algorithm ed25519 -out "$WORK/key.pem"
openssl pkey -in "$WORK/key.pem" -pubout -out "$WORK/pub.pem"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/rsa.pem" 2>/dev/null
openssl pkey -in "$WORK/rsa.pem" -pubout -out "$WORK/rsa_pub.pem"
echo "not a key" >"$WORK/text.pem"
expect_exit 0 "$SACJC" fingerprint "$DEMO/victim.pt" -o "$WORK/victim.sacfp" -n 16 --sign "$WORK/key.pem"
verify_with() {  # verify_with KEY TEXT
  expect_exit 3 "$SACJC" verify "$WORK/victim.sacfp" "$DEMO/stolen.pt" --public-key "$1"
  expect_error_line "sacjc: error: $1: $2"
}
verify_with "$WORK/rsa_pub.pem" "holds a key of type RSA, not Ed25519"
verify_with "$WORK/key.pem" "is a private key; give its public half"
verify_with "$WORK/text.pem" "is not a PEM key file"
verify_with "$WORK/gone.pem" "cannot open file"
sign_with() {  # sign_with KEY TEXT
  expect_exit 3 "$SACJC" fingerprint "$DEMO/victim.pt" -o "$WORK/new.sacfp" -n 16 --sign "$1"
  expect_error_line "sacjc: error: $1: $2"
  [ ! -e "$WORK/new.sacfp" ] && [ ! -e "$WORK/new.sacfp.sig" ] || fail "a refused key wrote a file"
}
sign_with "$WORK/rsa.pem" "holds a key of type RSA, not Ed25519"
sign_with "$WORK/pub.pem" "is a public key"
sign_with "$WORK/text.pem" "is not a PEM key file"
