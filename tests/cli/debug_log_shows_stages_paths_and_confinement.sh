# -vv adds debug lines that -v does not print: the time of each stage, the absolute path of
# each file, and the confinement each untrusted model runs under.
source "$(dirname "$0")/lib.sh"
cd "$WORK" && cp "$DEMO/stolen.pt" suspect.pt
expect_exit 1 "$SACJC" verify "$DEMO/victim.pt" suspect.pt -n 16 -v
! grep -q "sacjc: debug:" "$WORK/err" || fail "-v prints debug lines"
expect_exit 1 "$SACJC" verify "$DEMO/victim.pt" suspect.pt -n 16 -vv --timeout 300 --max-memory 3G
cat "$WORK/err"
for text in "debug: stage load victim: " "debug: stage probes: " "debug: stage victim forward: " \
  "debug: stages (s): read suspect" "debug: suspect model suspect.pt ($WORK/suspect.pt)" \
  "suspect.pt: confined child: " "address space 3 GiB, timeout 300 s" "seccomp filter" "Landlock"; do
  grep -qF -- "$text" "$WORK/err" || fail "-vv does not show '$text'"
done
expect_exit 1 "$SACJC" -vv verify "$DEMO/victim.pt" suspect.pt -n 16  # before the command too
grep -q "sacjc: debug: stage" "$WORK/err" || fail "-vv before the command is not taken"
# [ one line per log message: nothing of the report on stderr ]
! grep -qv "^sacjc: \(debug\|info\|warning\): " "$WORK/err" || { cat "$WORK/err"; fail "a stderr line is not a log line"; }
