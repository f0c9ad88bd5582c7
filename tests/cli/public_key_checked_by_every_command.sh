# Every command that reads a fingerprint takes --public-key: a good signature passes, a changed
# fingerprint is exit 3 naming it before anything is measured or written.
source "$(dirname "$0")/lib.sh"
openssl genpkey -algorithm ed25519 -out "$WORK/key.pem"
openssl pkey -in "$WORK/key.pem" -pubout -out "$WORK/pub.pem"
expect_exit 0 "$SACJC" fingerprint "$DEMO/victim.pt" -o "$WORK/good.sacfp" -n 16 --sign "$WORK/key.pem"
cp "$WORK/good.sacfp" "$WORK/bad.sacfp"
cp "$WORK/good.sacfp.sig" "$WORK/bad.sacfp.sig"
printf '\x00' | dd of="$WORK/bad.sacfp" bs=1 seek=60 conv=notrunc status=none
mkdir "$WORK/suspects"
cp "$DEMO/stolen.pt" "$DEMO/independent.pt" "$WORK/suspects/"
s="$DEMO/stolen.pt"
for name in good bad; do
  fp="$WORK/$name.sacfp"
  rm -rf "$WORK/probes" "$WORK/c.json"
  # Each line: the exit code with a good signature, then the command.
  for line in "1 verify $fp $s" "0 probes export $fp --out $WORK/probes" "1 audit $fp $WORK/suspects" \
              "0 evaluate $fp --stolen $s --independent $DEMO/independent.pt" \
              "0 calibrate $fp --independent $DEMO/independent.pt -o $WORK/c.json"; do
    read -ra args <<<"$line"
    if [ $name = good ]; then
      expect_exit "${args[0]}" "$SACJC" "${args[@]:1}" --public-key "$WORK/pub.pem"
    else
      expect_exit 3 "$SACJC" "${args[@]:1}" --public-key "$WORK/pub.pem"
      expect_error_line "sacjc: error: $fp: signature"
    fi
  done
  if [ $name = bad ] && { [ -e "$WORK/probes" ] || [ -e "$WORK/c.json" ]; }; then fail "a refused fingerprint wrote a file"; fi
done
