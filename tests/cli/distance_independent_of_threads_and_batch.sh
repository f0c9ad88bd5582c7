# The distance does not depend on --threads or --batch-size (to 1e-6).
source "$(dirname "$0")/lib.sh"
distances=()
for opts in "--threads 1 --batch-size 1" "--threads 2 --batch-size 64" "--threads 1 --batch-size 7"; do
  expect_exit 0 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/independent.pt" -n 60 --format json $opts
  distances+=("$(json_field distance)")
done
"$PYTHON" -c 'import sys; d=[float(x) for x in sys.argv[1:]]; sys.exit(0 if max(d)-min(d) < 1e-6 else 1)' "${distances[@]}" \
  || fail "distances differ: ${distances[*]}"
