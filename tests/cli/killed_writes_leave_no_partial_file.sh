# Atomic outputs: a fingerprint write killed at any moment leaves either no file or a complete
# one that verifies, never a truncated file under the final name.
source "$(dirname "$0")/lib.sh"
for delay in 0.2 0.4 0.6 0.8 1.0 1.2; do
  rm -f "$WORK/victim.sacfp"
  "$SACJC" fingerprint "$DEMO/victim.pt" -o "$WORK/victim.sacfp" -n 256 >/dev/null 2>&1 &
  pid=$!
  sleep $delay
  kill -9 $pid 2>/dev/null || true
  wait $pid 2>/dev/null || true
  if [ -e "$WORK/victim.sacfp" ]; then
    expect_exit 1 "$SACJC" verify "$WORK/victim.sacfp" "$DEMO/stolen.pt"
  fi
done
# No temporary files are mistaken for results: only leftovers with the temporary prefix remain.
ls -A "$WORK" | grep -v -e '^victim.sacfp$' -e '^out$' -e '^err$' -e '^victim.sacfp.tmp-[0-9]*$' && fail "unexpected files" || true
