# SIGTERM to an audit stops it with exit 130, its model processes die with it and the rows
# logged so far stay; --resume matches suspects by the file they resolve to and its SHA-256:
# the same files through another path are not checked again, a changed file is.
source "$(dirname "$0")/lib.sh"
hostile_models "$WORK/hostile" "$WORK"
mkdir -p "$WORK/dir"
cp "$MODELS/net_b.pt" "$WORK/dir/a.pt"
cp "$WORK/hostile/sleeper.pt" "$WORK/dir/b_sleeper.pt"
opts=(-n 8 --input-size 32 --timeout 300)
"$SACJC" audit "$MODELS/net_a.pt" "$WORK/dir" "${opts[@]}" --jsonl "$WORK/log.jsonl" >"$WORK/out" 2>"$WORK/err" &
pid=$!
for _ in $(seq 100); do [ "$(wc -l <"$WORK/log.jsonl" 2>/dev/null || echo 0)" -ge 2 ] && break; sleep 0.2; done
sleep 1  # the sleeper is running now
kill -TERM "$pid"
set +e; wait "$pid"; code=$?; set -e
[ "$code" = 130 ] || { cat "$WORK/err"; fail "exit $code after SIGTERM, not 130"; }
grep -q "audit stopped after 1 of 2 suspects" "$WORK/err" || { cat "$WORK/err"; fail "no stop message"; }
sleep 1
if pgrep -f "$WORK/dir" >/dev/null; then pgrep -af "$WORK/dir"; fail "processes of the audit survived it"; fi
[ "$(wc -l <"$WORK/log.jsonl")" = 2 ] || fail "the logged row was lost"

# Resume through a symbolic link to the same directory: a.pt is not run again.
rm "$WORK/dir/b_sleeper.pt"
ln -s "$WORK/dir" "$WORK/alias"
expect_exit 0 "$SACJC" audit "$MODELS/net_a.pt" "$WORK/alias" "${opts[@]}" --jsonl "$WORK/log.jsonl" --resume
[ "$(wc -l <"$WORK/log.jsonl")" = 2 ] || fail "the same file under another path was checked again"
# Changed bytes under the same name are checked again.
cp "$MODELS/net_a.pt" "$WORK/dir/a.pt"
expect_exit 1 "$SACJC" audit "$MODELS/net_a.pt" "$WORK/dir" "${opts[@]}" --jsonl "$WORK/log.jsonl" --resume
[ "$(wc -l <"$WORK/log.jsonl")" = 3 ] || fail "a changed file was not checked again"
