# A manifest evaluate cannot read is bad input (exit 3) naming the file (and line) in one line,
# before any model is measured: empty, only a comment, a header without the role column, commas
# instead of tabs, random bytes, a row with too few fields, an empty file name, a directory, only
# a header, only the victim. A row naming a missing model is an error row: the others are still
# reported, and the exit code is 3.
# (evaluate_bad_manifest_exits_3.sh covers an unknown role and a missing manifest.)
source "$(dirname "$0")/lib.sh"
s="$DEMO/stolen.pt" i="$DEMO/independent.pt"
printf '' >"$WORK/empty.tsv"
printf '# file\trole\tfamily\n' >"$WORK/comment_only.tsv"
printf 'file\tfamily\n%s\tfinetune\n' "$s" >"$WORK/no_role.tsv"
printf 'file,role,family\n%s,stolen,finetune\n' "$s" >"$WORK/commas.tsv"
cp "$MODELS/random.pt" "$WORK/random.tsv"  # 4096 bytes of noise
printf 'file\trole\tfamily\n%s\tstolen\n' "$s" >"$WORK/short_row.tsv"
printf 'file\trole\tfamily\n%s\tstolen\tfinetune\n\tindependent\tx\n' "$s" >"$WORK/empty_name.tsv"
printf 'file\trole\tfamily\n' >"$WORK/header_only.tsv"
printf 'file\trole\tfamily\n%s\tvictim\tvictim\n' "$DEMO/victim.pt" >"$WORK/victim_only.tsv"
mkdir "$WORK/directory.tsv"
check() {
  expect_exit 3 "$SACJC" evaluate "$DEMO/victim.pt" --manifest "$WORK/$1" -n 10 --input-size 32
  expect_error_line "$WORK/$1$2"
}
check empty.tsv ": empty manifest (no header line)"
check comment_only.tsv ": empty manifest (no header line)"
check no_role.tsv ":1: manifest header must name the tab-separated columns file, role and family"
check commas.tsv ":1: manifest header must name the tab-separated columns file, role and family"
check random.tsv ":1: manifest header must name"
check short_row.tsv ":2: expected 3 tab-separated fields, got 2"
check empty_name.tsv ":3: empty file name"
check directory.tsv ": is a directory, not a manifest"
check header_only.tsv ": no models listed"
check victim_only.tsv ": no models listed"

printf 'file\trole\tfamily\n%s\tstolen\tfinetune\n%s\tindependent\tindependent\n%s\tindependent\tindependent\n' \
  "$s" "$i" "$WORK/gone.pt" >"$WORK/missing_model.tsv"
expect_exit 3 "$SACJC" evaluate "$DEMO/victim.pt" --manifest "$WORK/missing_model.tsv" -n 10 --input-size 32 --format json
"$PYTHON" - "$WORK/out" "$WORK/gone.pt" <<'PY' || fail "the missing model is not an error row beside the measured ones"
import json, sys
models = {m["path"]: m for m in json.load(open(sys.argv[1]))["models"]}
gone = models[sys.argv[2]]
assert gone["distance"] is None and sys.argv[2] in gone["error"] and "no such file" in gone["error"], gone
assert sum(m["distance"] is not None for m in models.values()) == 2, models
PY
