# An audit directory with a suspect that writes the victim's fingerprint in the working
# directory, then the real stolen copy: the fingerprint is unchanged, the copy is stolen (exit
# 1), the writer is an error row; also with the archive scan off (the confinement alone).
source "$(dirname "$0")/lib.sh"
cd "$WORK"
"$SACJC" fingerprint "$MODELS/net_a.pt" -o victim.sacfp -n 16 --input-size 32 2>/dev/null
hostile_models "$WORK/hostile" "$WORK"
mkdir -p suspects && cp hostile/writer.pt suspects/a_writer.pt && cp hostile/clean.pt suspects/b_copy.pt
digest=$(sha256sum victim.sacfp)
for scan in 0 1; do
  SACJC_TEST_NO_ARCHIVE_SCAN=$scan expect_exit 1 "$SACJC" audit victim.sacfp suspects --format json --timeout 60
  [ "$(sha256sum victim.sacfp)" = "$digest" ] || fail "the fingerprint changed (scan off: $scan)"
  [ "$(json_field suspects.0.suspect)" = suspects/b_copy.pt ] || fail "ranking"
  [ "$(json_field suspects.0.verdict)" = stolen ] || fail "the stolen copy is not stolen"
  [ "$(json_field suspects.1.verdict)" = error ] || fail "the writer is not an error row"
done
