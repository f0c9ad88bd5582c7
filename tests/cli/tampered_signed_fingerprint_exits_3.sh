# One byte changed in a signed fingerprint, even with its checksum recomputed as a forger would,
# is exit 3 with one line naming the fingerprint when --public-key is given; without it, the
# forged file passes (the checksum is no protection against someone who can write the file).
source "$(dirname "$0")/lib.sh"
openssl genpkey -algorithm ed25519 -out "$WORK/key.pem"
openssl pkey -in "$WORK/key.pem" -pubout -out "$WORK/pub.pem"
expect_exit 0 "$SACJC" fingerprint "$DEMO/victim.pt" -o "$WORK/victim.sacfp" -n 32 --sign "$WORK/key.pem"
"$PYTHON" - "$WORK/victim.sacfp" "$WORK/forged.sacfp" <<'PY'
import hashlib, sys
body = bytearray(open(sys.argv[1], "rb").read()[:-64])
body[-4] ^= 0x01  # the lowest mantissa bit of the last float of the correlation matrix
open(sys.argv[2], "wb").write(bytes(body) + hashlib.sha256(body).hexdigest().encode())
PY
cp "$WORK/victim.sacfp.sig" "$WORK/forged.sacfp.sig"
expect_exit 1 "$SACJC" verify "$WORK/forged.sacfp" "$DEMO/stolen.pt"
expect_exit 3 "$SACJC" verify "$WORK/forged.sacfp" "$DEMO/stolen.pt" --public-key "$WORK/pub.pem"
expect_error_line "$WORK/forged.sacfp: signature $WORK/forged.sacfp.sig does not verify with $WORK/pub.pem"

# A plain flipped byte (checksum not fixed) is refused by the signature, before the checksum.
cp "$WORK/victim.sacfp" "$WORK/flipped.sacfp"
cp "$WORK/victim.sacfp.sig" "$WORK/flipped.sacfp.sig"
printf '\x00' | dd of="$WORK/flipped.sacfp" bs=1 seek=100 conv=notrunc status=none
expect_exit 3 "$SACJC" verify "$WORK/flipped.sacfp" "$DEMO/stolen.pt" --public-key "$WORK/pub.pem"
expect_error_line "$WORK/flipped.sacfp: signature"
