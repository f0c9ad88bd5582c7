# --max-memory and --max-model-bytes read sizes through one parser: 512M, 2G, 1536K, 100B; a bare
# number keeps each option's old unit (MB for --max-memory, bytes for --max-model-bytes). A bad
# value is exit 2 with one short line.
source "$(dirname "$0")/lib.sh"
v="$DEMO/victim.pt" s="$DEMO/stolen.pt"
# limit_shown ARGS... TEXT: the -vv confinement line shows the address-space limit TEXT.
limit_shown() {
  local text=${*: -1}
  expect_exit 1 "$SACJC" verify "$v" "$s" -n 16 -vv "${@:1:$#-1}"
  grep -qF "address space $text," "$WORK/err" || { grep confined "$WORK/err"; fail "${*:1:$#-1}: not $text"; }
}
limit_shown --max-memory 3072 "3 GiB"        # bare: MB, as before
limit_shown --max-memory 3G "3 GiB"
limit_shown --max-memory 3g "3 GiB"
limit_shown --max-memory 3GiB "3 GiB"
limit_shown --max-memory 2560M "2.5 GiB"
limit_shown --max-memory=4194304K "4 GiB"

size=$(stat -c %s "$s")
expect_exit 1 "$SACJC" verify "$v" "$s" -n 16 --max-model-bytes "$size"           # bare: bytes, as before
expect_exit 3 "$SACJC" verify "$v" "$s" -n 16 --max-model-bytes "$((size - 1))"
expect_error_line "exceeds --max-model-bytes"
expect_exit 1 "$SACJC" verify "$v" "$s" -n 16 --max-model-bytes 1G
expect_exit 3 "$SACJC" verify "$v" "$s" -n 16 --max-model-bytes 1K
expect_error_line "exceeds --max-model-bytes"
expect_exit 3 "$SACJC" verify "$v" "$s" -n 16 --max-model-bytes "$((size - 1))B"
mkdir -p "$WORK/suspects" && cp "$s" "$WORK/suspects/"
expect_exit 3 "$SACJC" audit "$v" "$WORK/suspects" -n 16 --max-model-bytes 1k --format json
grep -q "exceeds --max-model-bytes" "$WORK/out" || fail "audit does not take the suffix"

bad() {
  local text=$1; shift
  expect_exit 2 "$SACJC" verify "$v" "$s" "$@"
  expect_error_line "$text"
  [ "$(wc -c <"$WORK/err")" -lt 200 ] || fail "the error line for $* is long: $(cat "$WORK/err")"
}
bad "--max-memory: '12Q' has an unknown unit" --max-memory 12Q
bad "--max-memory: '-5' is not a size" --max-memory=-5
bad "--max-model-bytes: 'lots' is not a size" --max-model-bytes lots
bad "is too large" --max-model-bytes "$(printf '9%.0s' $(seq 300))"
bad "is too large" --max-memory 99999999999999999999G
