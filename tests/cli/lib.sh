# Shared set-up for the CLI tests: each test is one bash script that runs the real binary and
# checks one behaviour. CTest passes SACJC (the binary), SOURCE (the repository), MODELS (test
# models from scripts/make_test_models.py) and WORK (a scratch directory for this test).
set -euo pipefail
: "${SACJC:?}" "${SOURCE:?}" "${MODELS:?}" "${WORK:?}"
rm -rf "$WORK" && mkdir -p "$WORK"
DEMO="$SOURCE/data/demo"
PYTHON=/usr/bin/python3

fail() { echo "FAIL: $*" >&2; exit 1; }

# run CMD...: runs a command, keeping its exit code in $code, stdout in $WORK/out, stderr in $WORK/err.
run() {
  set +e
  "$@" >"$WORK/out" 2>"$WORK/err"
  code=$?
  set -e
}

# expect_exit CODE CMD...: runs CMD and fails the test unless it exits with CODE.
expect_exit() {
  local want=$1; shift
  run "$@"
  if [ "$code" != "$want" ]; then
    echo "--- stdout"; cat "$WORK/out"; echo "--- stderr"; cat "$WORK/err"
    fail "expected exit $want, got $code: $*"
  fi
}

# expect_error_line TEXT: stderr is exactly one line, starting "sacjc: error:" and containing TEXT.
expect_error_line() {
  [ "$(wc -l <"$WORK/err")" = 1 ] || { cat "$WORK/err"; fail "stderr is not one line"; }
  grep -q '^sacjc: error: ' "$WORK/err" || fail "stderr does not start with 'sacjc: error:'"
  grep -qF -- "$1" "$WORK/err" || { cat "$WORK/err"; fail "stderr does not mention '$1'"; }
  [ ! -s "$WORK/out" ] || fail "an error printed a report on stdout"
}

# json_field FIELD [FILE]: prints a field of a JSON report (dotted path).
json_field() {
  "$PYTHON" -c 'import json,sys; v=json.load(open(sys.argv[2]))
for k in sys.argv[1].split("."): v=v[int(k)] if isinstance(v,list) else v[k]
print(v)' "$1" "${2:-$WORK/out}"
}

# suspect_dir DIR: suspects for audit tests: a stolen and an independent demo model, two small
# CNNs, a corrupt file, and a stolen copy in a subdirectory.
suspect_dir() {
  mkdir -p "$1/more"
  cp "$DEMO/stolen.pt" "$1/a_stolen.pt"
  cp "$DEMO/independent.pt" "$1/b_independent.pt"
  cp "$MODELS/net_a.pt" "$1/c_net_a.pt"
  cp "$MODELS/net_b.pt" "$1/d_net_b.pt"
  cp "$MODELS/random.pt" "$1/e_corrupt.pt"
  cp "$DEMO/stolen.pt" "$1/more/f_stolen_copy.pt"
}

# hostile_models DIR TARGET [--crafted]: the hostile models of scripts/make_hostile_models.py,
# aimed at files in TARGET (secret.txt, victim.sacfp, loaded.marker); each wraps net_a.
hostile_models() {
  "$PYTHON" "$SOURCE/scripts/make_hostile_models.py" "$1" --target-dir "$2" "${@:3}" >/dev/null 2>&1 ||
    fail "could not write the hostile models"
}

# tree_digest DIR: one line per file under DIR with its SHA-256 and mode (to show nothing changed).
tree_digest() {
  (cd "$1" && find . -print0 | sort -z | xargs -0 stat -c '%n %a %s' && find . -type f -print0 | sort -z | xargs -0 -r sha256sum)
}

# fmnist_pool DIR N: the first N Fashion-MNIST test images (the demo models' task) as PNGs in
# DIR, with DIR/labels.csv ("file,label").
fmnist_pool() {
  "$PYTHON" - "$1" "$2" <<'PY'
import gzip, os, sys
import numpy as np
from PIL import Image
d = os.environ.get("FMNIST_DIR", "/usr/share/datasets/fashion-mnist")
x = np.frombuffer(gzip.open(f"{d}/t10k-images-idx3-ubyte.gz").read(), np.uint8, offset=16).reshape(-1, 28, 28)
y = np.frombuffer(gzip.open(f"{d}/t10k-labels-idx1-ubyte.gz").read(), np.uint8, offset=8)
os.makedirs(sys.argv[1])
with open(os.path.join(sys.argv[1], "labels.csv"), "w") as f:
    f.write("file,label\n")
    for i in range(int(sys.argv[2])):
        Image.fromarray(x[i]).save(os.path.join(sys.argv[1], f"t{i:03d}.png"))
        f.write(f"t{i:03d}.png,{y[i]}\n")
PY
}
