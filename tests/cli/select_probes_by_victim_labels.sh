# --labels/--select keep the probes the victim gets wrong (or is least sure of), say so in the
# report, store them in a fingerprint that needs no labels afterwards, and refuse bad labels
# files with exit 3 naming the file and row.
source "$(dirname "$0")/lib.sh"
# 60 Fashion-MNIST test images (the demo models' task) and their labels.
fmnist_pool "$WORK/pool" 60
select=(--probes "$WORK/pool" --labels "$WORK/pool/labels.csv" -n 20 --input-size 28 --compare rsa)

run "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" "${select[@]:0:6}" --format json
[ "$(json_field metric)" = margin ] || fail "--labels did not default to --compare margin"
expect_exit 1 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" "${select[@]}" --format json
[ "$(json_field selection.method)" = victim-wrong ] || fail "--labels did not default to victim-wrong"
[ "$(json_field selection.pool)" = 60 ] || fail "pool is not the 60 images"
[ "$(json_field probes.count)" = 20 ] || fail "not 20 probes"
wrong=$(json_field selection.victim_wrong)
[ "$wrong" -ge 1 ] && [ "$wrong" -le 20 ] || fail "victim_wrong $wrong"
distance=$(json_field distance)
hash=$(json_field probes.sha256)
expect_exit 1 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" "${select[@]}"
grep -q "^selected   victim-wrong: 20 of 60 pool images, $wrong of them wrong" "$WORK/out" || fail "text report lacks the selection"

# The same selection every time, and a different one without labels.
expect_exit 1 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" "${select[@]}" --format json
[ "$(json_field probes.sha256)" = "$hash" ] || fail "selection is not deterministic"
expect_exit 1 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" --probes "$WORK/pool" --select victim-uncertain \
  -n 20 --input-size 28 --format json
[ "$(json_field selection.method)" = victim-uncertain ] || fail "victim-uncertain not reported"
[ "$(json_field probes.sha256)" != "$hash" ] || fail "victim-uncertain chose the victim-wrong probes"

# A fingerprint keeps the selected probes: no labels needed afterwards, same distance.
expect_exit 0 "$SACJC" fingerprint "$DEMO/victim.pt" -o "$WORK/v.sacfp" "${select[@]}"
mv "$WORK/pool/labels.csv" "$WORK/labels.csv"
expect_exit 1 "$SACJC" verify "$WORK/v.sacfp" "$DEMO/stolen.pt" --format json
[ "$(json_field distance)" = "$distance" ] || fail "fingerprint distance $(json_field distance) != $distance"
[ "$(json_field selection.victim_wrong)" = "$wrong" ] || fail "fingerprint lost the selection"
expect_exit 2 "$SACJC" verify "$WORK/v.sacfp" "$DEMO/stolen.pt" --select all
expect_error_line "fixes the probes"

# --compare margin reads the labels; a fingerprint keeps them for it.
margin=(--probes "$WORK/pool" --labels "$WORK/labels.csv" -n 20 --input-size 28 --compare margin)
run "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" "${margin[@]}" --format json
stolen=$(json_field distance)
run "$SACJC" verify "$DEMO/victim.pt" "$DEMO/independent.pt" "${margin[@]}" --format json
independent=$(json_field distance)
"$PYTHON" -c 'import sys; s, i = map(float, sys.argv[1:]); sys.exit(0 if 0 < s < i < 1 else 1)' "$stolen" "$independent" \
  || fail "margin: stolen $stolen is not closer than independent $independent"
expect_exit 0 "$SACJC" fingerprint "$DEMO/victim.pt" -o "$WORK/m.sacfp" "${margin[@]}"
mv "$WORK/labels.csv" "$WORK/labels-gone.csv"
run "$SACJC" verify "$WORK/m.sacfp" "$DEMO/stolen.pt" --format json
[ "$(json_field distance)" = "$stolen" ] || fail "margin from the fingerprint $(json_field distance) != $stolen"
mv "$WORK/labels-gone.csv" "$WORK/labels.csv"
expect_exit 2 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" --compare margin -n 20
expect_error_line "needs probes the victim gets wrong"

# Bad labels files: exit 3, one line naming the file and the row.
select=(--probes "$WORK/pool" -n 20 --input-size 28)
labels() { { echo file,label; printf '%s\n' "$@"; } >"$WORK/bad.csv"; }
expect_exit 3 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" "${select[@]}" --labels "$WORK/none.csv"
expect_error_line "none.csv"
labels t000.png,9 nothere.png,1
expect_exit 3 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" "${select[@]}" --labels "$WORK/bad.csv"
expect_error_line "bad.csv: line 3: 'nothere.png' is not an image of the probe directory"
labels t000.png,9 t000.png,9
expect_exit 3 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" "${select[@]}" --labels "$WORK/bad.csv"
expect_error_line "bad.csv: line 3: 't000.png' is labelled twice"
labels t000.png,x
expect_exit 3 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" "${select[@]}" --labels "$WORK/bad.csv"
expect_error_line "bad.csv: line 2: the label of 't000.png' must be a class index"
sed 's/^t001.png,.*/t001.png,10/' "$WORK/labels.csv" >"$WORK/bad.csv"
expect_exit 3 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" "${select[@]}" --labels "$WORK/bad.csv"
expect_error_line "bad.csv: line 3: 't001.png' has label 10, but the victim has only 10 classes"
grep -v '^t005.png' "$WORK/labels.csv" >"$WORK/bad.csv"
expect_exit 3 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" "${select[@]}" --labels "$WORK/bad.csv"
expect_error_line "bad.csv: no label for the pool image 't005.png'"
expect_exit 3 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" "${select[@]}" --labels "$WORK/labels.csv" --pool 10
expect_error_line "a pool of 10 images cannot give 20 selected probes"

# Usage errors: exit 2.
expect_exit 2 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" --labels "$WORK/labels.csv"
expect_error_line "give --probes"
expect_exit 2 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" --select victim-wrong
expect_error_line "needs --labels"
expect_exit 2 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" --select victim-uncertain --mode embedding
expect_error_line "needs --mode logits"
expect_exit 2 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" --pool 10
expect_error_line "--pool is only used by --select"
