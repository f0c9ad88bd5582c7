# The man page written at build time (help2man, scripts/make_man_page.sh) renders with man -l
# without warnings, and documents the commands, their options, the formats and the exit codes.
source "$(dirname "$0")/lib.sh"
page=$BUILD/sacjc.1
[ -s "$page" ] || fail "no man page at $page"
run env LC_ALL=C MANWIDTH=100 man --warnings -l "$page"
[ "$code" = 0 ] || { cat "$WORK/err"; fail "man -l exited $code"; }
[ ! -s "$WORK/err" ] || { cat "$WORK/err"; fail "man -l warned"; }
text=$(col -b <"$WORK/out" | tr -s ' ')  # justified lines have double spaces
for want in "NAME" "sacjc - is this model a copy of mine?" "SYNOPSIS" "COMMANDS" "sacjc verify" "sacjc audit" \
  "sacjc probes export" "--format" "sarif" "junit" "EXIT STATUS" "non-TorchScript model" "SEE ALSO"; do
  grep -qF -- "$want" <<<"$text" || fail "the man page does not mention '$want'"
done
# The version is the binary's.
version=$("$SACJC" --version | awk '{print $2}')
grep -qF "sacjc $version" <<<"$text" || fail "the man page does not carry version $version"
