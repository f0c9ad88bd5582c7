# --probes DIR uses the first -n images by name; file names with spaces and non-ASCII work.
source "$(dirname "$0")/lib.sh"
mkdir "$WORK/seeds dir"
i=0
for f in "$SOURCE"/data/default_probes/0[0-2]*.jpg; do cp "$f" "$WORK/seeds dir/$(printf 'é %03d.jpg' $i)"; i=$((i+1)); done
expect_exit 1 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/victim.pt" --probes "$WORK/seeds dir" -n 12 --format json
[ "$(json_field probes.count)" = 12 ] || fail "probe count"
[ "$(json_field probes.source)" = "$WORK/seeds dir" ] || fail "probe source"
first=$(json_field probes.sha256)
# The same first 12 images under the same names give the same probe hash.
rm "$WORK/seeds dir/é 02"*.jpg
expect_exit 1 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/victim.pt" --probes "$WORK/seeds dir" -n 12 --format json
[ "$(json_field probes.sha256)" = "$first" ] || fail "probe hash changed although the first 12 images did not"
