# A victim that does not exist, or is a directory, is bad input in every command: exit 3 and one
# line naming it (not a usage error from the option parser), and nothing is written.
source "$(dirname "$0")/lib.sh"
s="$DEMO/stolen.pt"
printf 'file\trole\tfamily\n%s\tstolen\tx\n' "$s" >"$WORK/zoo.tsv"
for victim in "$WORK/gone.pt" "$WORK"; do
  for command in "verify $victim $s" "fingerprint $victim -o $WORK/x.sacfp" "probes export $victim --out $WORK/probes" \
                 "audit $victim $s" "evaluate $victim --manifest $WORK/zoo.tsv" \
                 "calibrate $victim --independent $s -o $WORK/c.json"; do
    read -ra args <<<"$command"
    expect_exit 3 "$SACJC" "${args[@]}"
    expect_error_line "sacjc: error: $victim: "
  done
done
[ ! -e "$WORK/x.sacfp" ] && [ ! -e "$WORK/probes" ] && [ ! -e "$WORK/c.json" ] || fail "a missing victim wrote a file"
