# In a terminal the progress bar and the log lines go through one writer: a log line wipes the
# bar and the bar is drawn again below it, so no line on the screen holds both. --no-progress,
# --quiet and TERM=dumb draw no bar; a pipe never gets one.
source "$(dirname "$0")/lib.sh"
mkdir -p "$WORK/suspects"
cp "$DEMO/stolen.pt" "$WORK/suspects/a_stolen.pt"
cp "$MODELS/random.pt" "$WORK/suspects/b_corrupt.pt"   # an error row: a warning while the bar is up
cp "$DEMO/independent.pt" "$WORK/suspects/c_independent.pt"
cp "$MODELS/random.pt" "$WORK/suspects/d_corrupt.pt"
audit=("$SACJC" audit "$DEMO/victim.pt" "$WORK/suspects" -n 16 -v)

# on_terminal FILE ARGS...: runs ARGS with stdout and stderr on a pseudo-terminal (script(1)),
# keeping everything the terminal received in FILE.
on_terminal() {
  local file=$1; shift
  local command
  printf -v command '%q ' "$@"
  script -qec "$command" /dev/null >"$file" </dev/null || true
}

# screen_lines FILE: the lines as a terminal shows them: "\r" returns to the line's start,
# "ESC[K" erases to its end, later text overwrites earlier text.
screen_lines() {
  "$PYTHON" - "$1" <<'PY'
import re, sys
data = open(sys.argv[1], "rb").read().decode("utf-8", "replace")
for raw in data.split("\n"):
    line, col = [], 0
    for token in re.findall(r"\r|\x1b\[K|\x1b\[[0-9;]*[A-Za-z]|.", raw, re.S):
        if token == "\r":
            col = 0
        elif token == "\x1b[K":
            del line[col:]
        elif token.startswith("\x1b"):
            continue
        else:
            line[col:col + 1] = [token]
            col += 1
    print("".join(line))
PY
}

TERM=xterm on_terminal "$WORK/tty" "${audit[@]}"
grep -q "suspects \[" "$WORK/tty" || { cat -v "$WORK/tty"; fail "no progress bar drawn on a terminal"; }
screen_lines "$WORK/tty" >"$WORK/screen"
grep -q "^sacjc: warning: .*b_corrupt.pt" "$WORK/screen" || { cat "$WORK/screen"; fail "the warning is not on a line of its own"; }
grep -q "^sacjc: info: " "$WORK/screen" || { cat "$WORK/screen"; fail "no info line with -v"; }
if grep -E "ETA [0-9]+s.*sacjc:|sacjc: .*ETA [0-9]+s|ETA [0-9]+s.*rank" "$WORK/screen"; then
  cat -v "$WORK/tty"; fail "a line holds both the progress bar and other text"
fi
grep -q "^rank" "$WORK/screen" || { cat "$WORK/screen"; fail "the table does not start on its own line"; }

for quiet in --no-progress --quiet; do
  TERM=xterm on_terminal "$WORK/tty_$quiet" "${audit[@]}" "$quiet"
  ! grep -q "ETA" "$WORK/tty_$quiet" || fail "$quiet still draws a progress bar"
  grep -q "a_stolen.pt" "$WORK/tty_$quiet" || fail "$quiet: no table"
done
! grep -q "sacjc: \(warning\|info\)" "$WORK/tty_--quiet" || fail "--quiet still prints warnings or notes"
grep -q "sacjc: warning: .*b_corrupt.pt" "$WORK/tty_--no-progress" || fail "--no-progress drops the warnings"

TERM=dumb on_terminal "$WORK/tty_dumb" "${audit[@]}"
! grep -q "ETA" "$WORK/tty_dumb" || fail "TERM=dumb draws a progress bar"
! grep -q $'\e' "$WORK/tty_dumb" || fail "TERM=dumb gets escape sequences"

TERM=xterm expect_exit 1 "${audit[@]}"  # stderr is a file here
! grep -q $'ETA\|\e' "$WORK/err" || fail "a progress bar was written to a file"
grep -q "sacjc: warning: .*d_corrupt.pt" "$WORK/err" || fail "no warning in the file"

# --quiet: errors only (the audit's table stays on stdout, the exit code is unchanged)
expect_exit 1 "${audit[@]}" --quiet
[ ! -s "$WORK/err" ] || { cat "$WORK/err"; fail "--quiet wrote to stderr"; }
grep -q "b_corrupt.pt" "$WORK/out" || fail "--quiet dropped the table"
expect_exit 3 "$SACJC" verify "$WORK/missing.pt" "$DEMO/stolen.pt" --quiet
expect_error_line "missing.pt"
