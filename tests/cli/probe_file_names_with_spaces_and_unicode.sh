# Probe files whose names hold spaces, non-ASCII letters, quotes, commas or a leading dash are
# read like any other: the same probes as under plain names, in name order, and an exported
# manifest that is still one CSV row of five fields per image.
source "$(dirname "$0")/lib.sh"
seeds=("$SOURCE"/data/default_probes/00[0-3]_*.jpg)
mkdir "$WORK/plain" "$WORK/odd"
names=("-leading dash.jpg" "a b  c.jpg" "é, \"quoted\".JPG" "日本語 ü.jpeg")  # already in byte order
for i in 0 1 2 3; do
  cp "${seeds[$i]}" "$WORK/plain/$i.jpg"
  cp "${seeds[$i]}" "$WORK/odd/${names[$i]}"
done
expect_exit 1 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" --probes "$WORK/plain" --input-size 32 --format json
plain=$(json_field probes.sha256)
expect_exit 1 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" --probes "$WORK/odd" --input-size 32 --format json
[ "$(json_field probes.count)" = 4 ] || fail "not every oddly named file was used"
[ "$(json_field probes.sha256)" = "$plain" ] || fail "odd names give other probes (or another order)"

expect_exit 0 "$SACJC" fingerprint "$DEMO/victim.pt" -o "$WORK/odd.sacfp" --probes "$WORK/odd" --input-size 32
expect_exit 0 "$SACJC" probes export "$WORK/odd.sacfp" --out "$WORK/export"
"$PYTHON" - "$WORK/export/manifest.csv" <<'PY' || fail "the exported manifest does not survive the names"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
assert rows[0] == ["index", "file", "role", "seed", "sha256"], rows[0]
assert len(rows) == 5 and all(len(r) == 5 for r in rows), rows
assert "日本語" in rows[4][3] and rows[1][3].startswith("-leading"), [r[3] for r in rows]
PY
