# Shared set-up for the tests of real face models: the CLI tests' set-up, then the npm packages
# fetched into CACHE (outside the repository). Exits 77 (skipped, with a message) only when the
# npm registry cannot be reached.
source "$(dirname "${BASH_SOURCE[0]}")/cli/lib.sh"
CACHE=${FACE_CACHE:-/var/cache/sacjc-face}
command -v npm >/dev/null || fail "npm is not installed (the machine image provides Node.js and npm)"
if ! timeout 60 npm view @vladmandic/face-api@1.7.15 version >/dev/null 2>&1; then
  echo "SKIPPED: the npm registry is unreachable, so the real face models cannot be fetched"
  exit 77
fi
"$SOURCE/scripts/fetch_face_models.sh" "$CACHE"
