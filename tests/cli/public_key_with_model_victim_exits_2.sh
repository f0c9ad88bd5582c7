# --public-key checks a fingerprint's signature, so with a victim model it is a usage error
# (exit 2, one line); fingerprint, whose victim is always a model, has --sign instead.
source "$(dirname "$0")/lib.sh"
openssl genpkey -algorithm ed25519 -out "$WORK/key.pem"
openssl pkey -in "$WORK/key.pem" -pubout -out "$WORK/pub.pem"
v="$DEMO/victim.pt"
s="$DEMO/stolen.pt"
for command in "verify $v $s" "probes export $v --out $WORK/probes" "audit $v $s" \
               "evaluate $v --stolen $s" "calibrate $v --independent $s -o $WORK/c.json"; do
  read -ra args <<<"$command"
  expect_exit 2 "$SACJC" "${args[@]}" -n 8 --public-key "$WORK/pub.pem"
  expect_error_line "--public-key checks the signature of a fingerprint (.sacfp), and $v is not one"
done
expect_exit 2 "$SACJC" fingerprint "$v" -o "$WORK/x.sacfp" --public-key "$WORK/pub.pem"
expect_error_line "--public-key"
[ ! -e "$WORK/probes" ] && [ ! -e "$WORK/c.json" ] && [ ! -e "$WORK/x.sacfp" ] || fail "a usage error wrote a file"
