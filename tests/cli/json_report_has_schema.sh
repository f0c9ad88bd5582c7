# --format json prints the documented, versioned report and nothing else on stdout.
source "$(dirname "$0")/lib.sh"
expect_exit 0 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/independent.pt" --format json -n 40 -q 18
[ "$(json_field schema_version)" = 2 ] || fail "schema_version"
[ "$(json_field verdict)" = independent ] || fail "verdict"
[ "$(json_field probes.count)" = 40 ] || fail "probe count"
[ "$(json_field probes.jpeg_quality)" = 18 ] || fail "quality"
[ "$(json_field victim.sha256)" = "$(sha256sum "$DEMO/victim.pt" | cut -d' ' -f1)" ] || fail "victim sha256"
[ "$(json_field suspect.path)" = "$DEMO/independent.pt" ] || fail "suspect path"
[ "$(json_field probes.sha256 | wc -c)" = 65 ] || fail "probe hash"
for field in distance threshold threshold_source timings_s.total sacjc_version; do json_field $field >/dev/null; done
