# With --format json a failure prints a JSON error object on stdout ({"exit_code", "error", ...})
# as well as its one line on stderr, so a script that parses stdout always gets a document.
source "$(dirname "$0")/lib.sh"
v="$DEMO/victim.pt" s="$DEMO/stolen.pt"
# json_error CODE TEXT ARGS...: exit CODE, one stderr line with TEXT, and the same error as JSON.
json_error() {
  local want=$1 text=$2; shift 2
  expect_exit "$want" "$SACJC" "$@"
  [ "$(wc -l <"$WORK/err")" = 1 ] && grep -qF -- "$text" "$WORK/err" || { cat "$WORK/err"; fail "stderr: $*"; }
  "$PYTHON" - "$WORK/out" "$WORK/err" "$want" <<'PY' || fail "stdout is not the error object: $*"
import json, sys
doc = json.load(open(sys.argv[1]))
line = open(sys.argv[2]).read().strip()
assert doc["exit_code"] == int(sys.argv[3]), doc
assert line == "sacjc: error: " + doc["error"], (line, doc)
assert doc["schema_version"] >= 2 and doc["sacjc_version"], doc
print(doc["command"])
PY
}
json_error 3 "missing.pt" verify "$WORK/missing.pt" "$s" --format json
json_error 2 "--num-probes" verify "$v" "$s" -n 1 --format json
json_error 2 "did you mean --threshold?" verify "$v" "$s" --format=json --treshold 0.1
json_error 3 "no model file to check" audit "$v" "$WORK" --format json
json_error 3 "nothing.jsonl" merge "$WORK/nothing.jsonl" --format json
json_error 2 "no models to evaluate" evaluate "$v" --format json
"$PYTHON" -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["command"] == "evaluate", d' "$WORK/out" ||
  fail "the error object does not name the command"
# without --format json, stdout stays empty
expect_exit 3 "$SACJC" verify "$WORK/missing.pt" "$s"
expect_error_line "missing.pt"
