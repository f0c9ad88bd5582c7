# Hostile suspects (scripts/make_hostile_models.py) that read or write files through
# torch.from_file, at load time or in forward, or hide the call from a text scan: each is
# exit 3 naming it, and no file changes, with the archive scan on and with it off (the
# confinement alone).
source "$(dirname "$0")/lib.sh"
target="$WORK/target"
mkdir -p "$target"
printf 'TOPSECRET-0123456789' >"$target/secret.txt"
"$SACJC" fingerprint "$MODELS/net_a.pt" -o "$target/victim.sacfp" -n 8 --input-size 32 2>/dev/null
hostile_models "$WORK/hostile" "$target" --crafted
before=$(tree_digest "$target")
for scan in on off; do
  for model in reader writer loadtime crafted/getattr_reader crafted/dup_record crafted/deflated_writer; do
    if [ "$scan" = off ]; then export SACJC_TEST_NO_ARCHIVE_SCAN=1; else unset SACJC_TEST_NO_ARCHIVE_SCAN; fi
    expect_exit 3 "$SACJC" verify "$target/victim.sacfp" "$WORK/hostile/$model.pt" --timeout 60
    expect_error_line "$WORK/hostile/$model.pt: "
    if grep -q "TOPSECRET" "$WORK/err"; then fail "$model leaked the secret"; fi
    [ "$(tree_digest "$target")" = "$before" ] || fail "$model (scan $scan) changed a file in $target"
  done
done
unset SACJC_TEST_NO_ARCHIVE_SCAN
# With the scan, the operator is named before the model runs.
expect_exit 3 "$SACJC" verify "$target/victim.sacfp" "$WORK/hostile/writer.pt"
expect_error_line "calls aten::from_file"
# The clean copy of net_a is still found stolen.
expect_exit 1 "$SACJC" verify "$target/victim.sacfp" "$WORK/hostile/clean.pt"
