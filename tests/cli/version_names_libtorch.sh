# --version prints sacjc's and LibTorch's versions.
source "$(dirname "$0")/lib.sh"
expect_exit 0 "$SACJC" --version
grep -Eq '^sacjc [0-9]+\.[0-9]+\.[0-9]+ \(LibTorch 1\.13' "$WORK/out" || { cat "$WORK/out"; fail "version line"; }
