# A fingerprint is readable by its owner only (mode 0600), whatever the umask, also when it
# replaces a file that others could read.
source "$(dirname "$0")/lib.sh"
umask 022
expect_exit 0 "$SACJC" fingerprint "$DEMO/victim.pt" -o "$WORK/victim.sacfp" -n 8
[ "$(stat -c %a "$WORK/victim.sacfp")" = 600 ] || fail "mode $(stat -c %a "$WORK/victim.sacfp")"
chmod 644 "$WORK/victim.sacfp"
expect_exit 0 "$SACJC" fingerprint "$DEMO/victim.pt" -o "$WORK/victim.sacfp" -n 8
[ "$(stat -c %a "$WORK/victim.sacfp")" = 600 ] || fail "a rewritten fingerprint kept mode $(stat -c %a "$WORK/victim.sacfp")"
# Other outputs keep the umask's mode.
expect_exit 0 "$SACJC" probes export "$WORK/victim.sacfp" --out "$WORK/probes"
[ "$(stat -c %a "$WORK/probes/manifest.csv")" = 644 ] || fail "manifest mode $(stat -c %a "$WORK/probes/manifest.csv")"
