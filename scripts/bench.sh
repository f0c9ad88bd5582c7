#!/bin/bash
# Side by side on this machine: sacjc end to end, the floor (bench/floor.cpp: only loading the
# two models and their forward passes on the same input shape, threads and batch size; frozen
# for inference as sacjc does, and as saved), and a
# Python reference of the same pipeline (scripts/reference_sacjc.py: PIL JPEG round trip,
# torch forward, correlation). Whole processes, REPS runs each, min / median wall seconds.
# Then an audit of 20 suspects with -j 1 and -j 2, peak memory, and the micro-benchmarks.
#   scripts/bench.sh [OUT=/tmp/sacjc-bench]     (REPS=5 by default)
# Needs the README's set-up (scripts/install-deps.sh, scripts/build.sh). About 10 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-/tmp/sacjc-bench}
REPS=${REPS:-5}
PYTHON=/usr/bin/python3
SACJC=build/sacjc
FLOOR=build/bench/sacjc_floor
THREADS=$(nproc)
BATCH=32
[ -x "$FLOOR" ] && [ -x "$SACJC" ] || scripts/build.sh >&2
[ -s "$OUT/suspects/suspect_19.pt" ] || "$PYTHON" bench/make_bench_data.py "$OUT"

# seconds CMD...: wall time of one run, output discarded; a failing run stops the benchmark.
seconds() {
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null 2>&1 || { local code=$?; [ $code = 1 ] || { echo "failed ($code): $*" >&2; exit 1; }; }
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}

# summary TIMES...: "min median" of wall times.
summary() {
  printf '%s\n' "$@" | sort -g | awk '{ t[NR] = $1 } END { printf "%.3f %.3f\n", t[1], t[int((NR + 1) / 2)] }'
}

# stats CMD...: "min median" over REPS runs.
stats() {
  local times=()
  for _ in $(seq "$REPS"); do times+=("$(seconds "$@")"); done
  summary "${times[@]}"
}

ratio() { echo "scale=2; $1 / $2" | bc -l; }

echo "# sacjc benchmark, $(date -u +%Y-%m-%d), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "# $REPS runs each, wall seconds min / median; ratios of medians"
echo
echo "| configuration | sacjc | floor, frozen | floor, as saved | python | sacjc / frozen floor | python / sacjc |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
# row NAME VICTIM SUSPECT N SIZE: the four programs take turns within each of the REPS rounds,
# so a machine whose speed drifts (a shared VM does) slows them alike. sacjc runs as users run
# it (threads chosen by itself: victim and confined suspect side by side on half the cores each).
row() {
  local name=$1 victim=$2 suspect=$3 n=$4 size=$5 s=() z=() f=() p=()
  for _ in $(seq "$REPS"); do
    s+=("$(seconds "$SACJC" verify "$victim" "$suspect" --probes "$OUT/seeds" -n "$n" --input-size "$size" --batch-size $BATCH)")
    z+=("$(SACJC_FLOOR_FREEZE=1 seconds "$FLOOR" "$victim" "$suspect" "$n" 3 "$size" "$size" $BATCH "$THREADS")")
    f+=("$(seconds "$FLOOR" "$victim" "$suspect" "$n" 3 "$size" "$size" $BATCH "$THREADS")")
    p+=("$(seconds "$PYTHON" scripts/reference_sacjc.py "$victim" "$suspect" --probes "$OUT/seeds" -n "$n" --size "$size" --batch $BATCH)")
  done
  read -r s_min s_med < <(summary "${s[@]}")
  read -r z_min z_med < <(summary "${z[@]}")
  read -r f_min f_med < <(summary "${f[@]}")
  read -r p_min p_med < <(summary "${p[@]}")
  echo "| $name | $s_min / $s_med | $z_min / $z_med | $f_min / $f_med | $p_min / $p_med | $(ratio "$s_med" "$z_med") |" \
    "$(ratio "$p_med" "$s_med") |"
}
row "small CNN 32x32, 100 probes" "$OUT/cnn_victim.pt" "$OUT/cnn_suspect.pt" 100 32
row "small CNN 32x32, 800 probes" "$OUT/cnn_victim.pt" "$OUT/cnn_suspect.pt" 800 32
row "small CNN 32x32, 3000 probes" "$OUT/cnn_victim.pt" "$OUT/cnn_suspect.pt" 3000 32
row "ResNet-18 224x224, 100 probes" "$OUT/resnet18_victim.pt" "$OUT/resnet18_suspect.pt" 100 224

echo
echo "| audit of 20 small CNNs, 100 probes | wall s (min / median) | suspects per minute |"
echo "| --- | ---: | ---: |"
for jobs in 1 2; do
  read -r a_min a_med < <(stats "$SACJC" audit "$OUT/cnn_victim.pt" "$OUT/suspects" --probes "$OUT/seeds" -n 100 \
    --input-size 32 -j $jobs --allow-errors)
  echo "| -j $jobs | $a_min / $a_med | $(echo "scale=0; 20 * 60 / $a_med" | bc -l) |"
done

echo
echo "| peak RSS (MB) | sacjc verify | floor |"
echo "| --- | ---: | ---: |"
rss() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }
for n in 100 800 3000; do
  echo "| small CNN, $n probes | $(($(rss "$SACJC" verify "$OUT/cnn_victim.pt" "$OUT/cnn_suspect.pt" --probes "$OUT/seeds" \
    -n $n --input-size 32) / 1024)) | $(($(rss "$FLOOR" "$OUT/cnn_victim.pt" "$OUT/cnn_suspect.pt" $n 3 32 32 $BATCH \
    "$THREADS") / 1024)) |"
done
echo "| ResNet-18, 100 probes | $(($(rss "$SACJC" verify "$OUT/resnet18_victim.pt" "$OUT/resnet18_suspect.pt" \
  --probes "$OUT/seeds" -n 100) / 1024)) | $(($(rss "$FLOOR" "$OUT/resnet18_victim.pt" "$OUT/resnet18_suspect.pt" 100 3 \
  224 224 $BATCH "$THREADS") / 1024)) |"

echo
echo '```'
build/bench/sacjc_micro --benchmark_min_time=0.2 2>/dev/null | grep -E '^(BM_|-|Benchmark)'
echo '```'
