# cmake --install into a temporary prefix puts the binary, the man page, the bash completion,
# the docs and the export script in place, and the installed binary runs: --version, and a
# verify of the demo models (stolen: exit 1; independent: exit 0).
source "$(dirname "$0")/lib.sh"
prefix=$WORK/prefix
run "$CMAKE" --install "$BUILD" --prefix "$prefix"
[ "$code" = 0 ] || { cat "$WORK/out" "$WORK/err"; fail "cmake --install exited $code"; }
for file in bin/sacjc share/man/man1/sacjc.1 share/bash-completion/completions/sacjc share/doc/sacjc/README.md \
  share/doc/sacjc/LICENSE share/doc/sacjc/docs/manual.md share/sacjc/export_torchscript.py; do
  [ -s "$prefix/$file" ] || fail "cmake --install did not write $file"
done
[ -x "$prefix/bin/sacjc" ] && [ -x "$prefix/share/sacjc/export_torchscript.py" ] || fail "not executable"

cd "$WORK"  # nothing of the build tree on the way
expect_exit 0 "$prefix/bin/sacjc" --version
grep -q "^sacjc [0-9]" "$WORK/out" || fail "--version printed $(cat "$WORK/out")"
expect_exit 1 "$prefix/bin/sacjc" verify "$DEMO/victim.pt" "$DEMO/stolen.pt"
grep -q "^verdict    STOLEN" "$WORK/out" || fail "the installed binary does not find the stolen model"
expect_exit 0 "$prefix/bin/sacjc" verify "$DEMO/victim.pt" "$DEMO/independent.pt" --format sarif
"$PYTHON" "$SOURCE/tests/cli/sarif_check.py" "$WORK/out" --results 0 || fail "the installed binary's SARIF"
env MANWIDTH=80 man -l "$prefix/share/man/man1/sacjc.1" 2>/dev/null | grep -q "sacjc verify" || fail "installed man page"
