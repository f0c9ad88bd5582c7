# evaluate --format csv: a header and one line per model, with its role, distance and verdict at
# the operating threshold; a model that failed is a line with its error (exit 3).
source "$(dirname "$0")/lib.sh"
expect_exit 3 "$SACJC" evaluate "$DEMO/victim.pt" --stolen "$DEMO/stolen.pt" \
  --independent "$DEMO/independent.pt" "$MODELS/random.pt" --format csv
"$PYTHON" - "$WORK/out" <<'PY' || { cat "$WORK/out"; fail "wrong CSV"; }
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
assert list(rows[0].keys()) == ["model", "role", "family", "baseline", "arch", "distance", "verdict", "sha256", "error"]
by = {r["model"].rsplit("/", 1)[1]: r for r in rows}
assert len(rows) == 3, rows
assert by["stolen.pt"]["role"] == "stolen" and by["stolen.pt"]["verdict"] == "stolen", by["stolen.pt"]
assert by["independent.pt"]["verdict"] == "independent" and float(by["independent.pt"]["distance"]) > float(by["stolen.pt"]["distance"])
assert len(by["stolen.pt"]["sha256"]) == 64
assert by["random.pt"]["verdict"] == "error" and by["random.pt"]["distance"] == "" and "not a TorchScript model" in by["random.pt"]["error"]
PY
