# Small conventions: -o wherever a command writes one main output (probes export too), -j 0 and
# --threads 0 mean one per core, and help that reads: wrapped to the terminal, real defaults,
# no CLI11 noise such as {false}.
source "$(dirname "$0")/lib.sh"
v="$DEMO/victim.pt" s="$DEMO/stolen.pt"
expect_exit 0 "$SACJC" probes export "$v" -n 4 -o "$WORK/probes"
[ -f "$WORK/probes/manifest.csv" ] || fail "probes export -o wrote no manifest"
expect_exit 0 "$SACJC" probes export "$v" -n 4 --out "$WORK/probes2"
cmp -s "$WORK/probes/manifest.csv" "$WORK/probes2/manifest.csv" || fail "-o and --out differ"

mkdir -p "$WORK/suspects" && cp "$s" "$DEMO/independent.pt" "$WORK/suspects/"
expect_exit 1 "$SACJC" audit "$v" "$WORK/suspects" -n 16 -j 0 -vv
grep -q "audit: $(getconf _NPROCESSORS_ONLN) job(s)" "$WORK/err" || { grep audit: "$WORK/err"; fail "-j 0 is not one job per core"; }
expect_exit 1 "$SACJC" verify "$v" "$s" -n 16 --threads 0 --format json
[ "$(json_field threads)" = "$(getconf _NPROCESSORS_ONLN)" ] || fail "--threads 0 is not one per core"

for command in "" verify audit merge evaluate calibrate fingerprint "probes export" help; do
  # shellcheck disable=SC2086
  COLUMNS=100 "$SACJC" help $command >"$WORK/help" || fail "help $command"
  long=$(awk 'length > 100' "$WORK/help")
  [ -z "$long" ] || fail "help $command has lines over 100 columns: $long"
  ! grep -n "{false}\|{true}\|see README\|see docs" "$WORK/help" || fail "help $command shows noise"
  [ "$command" = "" ] || grep -q -- "--quiet" "$WORK/help" || fail "help $command does not list --quiet"
done
"$SACJC" help verify >"$WORK/help"
grep -q "rsa 0.032, cka 0.047" "$WORK/help" || fail "--threshold does not state its defaults"
grep -q -- "--no-optimize " "$WORK/help" || fail "--no-optimize is not listed plainly"
