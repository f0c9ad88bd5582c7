#!/bin/bash
# Fuzzes every file parser of sacjc and probe image decoding with libFuzzer (clang, with
# AddressSanitizer and UndefinedBehaviorSanitizer), SECONDS each (default 600), starting from a
# corpus of real files made here. Findings land in OUT/crashes/TARGET/; turn each into a
# regression input under tests/fuzz_regressions/TARGET/ (the test suite replays them).
#   scripts/fuzz.sh [SECONDS=600] [OUT=/tmp/sacjc-fuzz] [TARGET...]
# Needs clang and libclang-rt-14-dev (apt-get install clang libclang-rt-14-dev).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-600}
OUT=${2:-/tmp/sacjc-fuzz}
shift $(($# > 2 ? 2 : $#))
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(fingerprint suspect_outputs manifest calibration audit_log labels probe_image model_format)
BUILD=build-fuzz

CC=clang CXX=clang++ cmake -S . -B $BUILD -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSACJC_FUZZ=ON \
  -DSACJC_BUILD_TESTS=OFF -DSACJC_BUILD_BENCH=OFF >/dev/null
cmake --build $BUILD --target sacjc $(printf ' fuzz_%s' "${TARGETS[@]}") >&2

# Seed corpora from real files (the release build makes the fingerprint and calibration).
[ -x build/sacjc ] || scripts/build.sh >&2
mkdir -p "$OUT"
corpus() { mkdir -p "$OUT/corpus/$1"; echo "$OUT/corpus/$1"; }
c=$(corpus fingerprint)
[ -s "$c/demo.sacfp" ] || build/sacjc fingerprint data/demo/victim.pt -o "$c/demo.sacfp" -n 4 --input-size 16 >/dev/null
[ -s "$c/fri.sacfp" ] || build/sacjc fingerprint data/demo/victim.pt -o "$c/fri.sacfp" -n 3 --input-size 8 --mode fri \
  --num-references 2 >/dev/null
c=$(corpus calibration)
[ -s "$c/cal.json" ] || build/sacjc calibrate data/demo/victim.pt --independent data/demo/independent.pt -n 4 \
  --input-size 16 -o "$c/cal.json" >/dev/null
c=$(corpus suspect_outputs)
printf 'c0,c1,c2\n0.5,-1,2e3\n1,2,3\n' >"$c/scores.csv"
printf '3\n1\n0\n' >"$c/labels.csv"
/usr/bin/python3 -c "import numpy as np; np.save('$c/scores.npy', np.arange(12, dtype='<f4').reshape(4, 3)); \
np.save('$c/labels.npy', np.array([1, 2, 0], dtype='<i8')); np.save('$c/fortran.npy', np.asfortranarray(np.eye(3)))"
c=$(corpus manifest)
printf 'file\trole\tfamily\tbaseline\tarch\nvictim.pt\tvictim\tvictim\t\t\na.pt\tstolen\tprune\t\tcnn\nb.pt\tindependent\tindependent\t\tmlp\n' >"$c/zoo.tsv"
c=$(corpus audit_log)
printf '%s\n%s\n%s\n' '{"format":"sacjc-audit","version":1,"sacjc_version":"0.1.0","victim":"v.pt","victim_sha256":"aa","probe_sha256":"bb","metric":"rsa","mode":"logits","threshold":0.032,"threshold_source":"default"}' \
  '{"suspect":"s.pt","sha256":"cc","distance":0.01,"verdict":"stolen","p_value":null,"output_size":10,"error":"","seconds":1.5}' \
  '{"suspect":"e.pt","sha256":"","distance":null,"verdict":"error","p_value":null,"output_size":0,"error":"e.pt: bad","seconds":0.1}' >"$c/log.jsonl"
c=$(corpus labels)
printf 'file,label\na.png,3\nx,y.png,0\n' >"$c/labels.csv"
printf '\xef\xbb\xbffile,label\r\nb.jpg , 12\r\n\r\n' >"$c/bom.csv"
c=$(corpus probe_image)
for f in $(ls data/default_probes/*.jpg | head -8); do cp "$f" "$c/"; done
/usr/bin/python3 -c "from PIL import Image; Image.new('RGB', (5, 3), (1, 2, 3)).save('$c/small.png'); \
Image.new('L', (4, 4), 7).save('$c/gray.bmp'); Image.new('RGBA', (3, 3)).save('$c/alpha.png')"
c=$(corpus model_format)
[ -s "$c/model.onnx" ] || /usr/bin/python3 scripts/make_other_format_models.py "$c" >/dev/null 2>&1
cp data/demo/victim.pt "$c/torchscript.pt"

status=0
for target in "${TARGETS[@]}"; do
  mkdir -p "$OUT/crashes/$target" "$OUT/work/$target"
  echo "fuzzing $target for $SECONDS_EACH s" >&2
  # A per-input time limit of 10 s and 4 GB of memory; anything beyond is a finding.
  if ! "$BUILD/fuzz/fuzz_$target" "$OUT/work/$target" "$OUT/corpus/$target" -max_total_time="$SECONDS_EACH" \
      -timeout=10 -rss_limit_mb=4096 -artifact_prefix="$OUT/crashes/$target/" -print_final_stats=1 \
      >"$OUT/$target.log" 2>&1; then
    echo "  FINDING: see $OUT/$target.log and $OUT/crashes/$target/" >&2
    status=1
  fi
  grep -E "stat::number_of_executed_units|cov: " "$OUT/$target.log" | tail -2 >&2 || true
done
exit $status
