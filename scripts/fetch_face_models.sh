#!/bin/sh
# Fetches @vladmandic/face-api 1.7.15 (MIT; dlib face-descriptor weights, public domain) as an
# npm tarball into a cache outside the repository and unpacks it there.
#   scripts/fetch_face_models.sh [CACHE]      (default CACHE=/var/cache/sacjc-face)
# Result: CACHE/package/model/face_recognition_model{.bin,-weights_manifest.json} and the
# demo photos in CACHE/package/demo/ (real people: never copy them into the repository).
# Uses `npm pack` only (a tarball: no dependency tree, no install scripts). Idempotent.
# Next step: /usr/bin/python3 scripts/convert_face_api.py CACHE/package OUT.pt --check
set -eu
PKG=@vladmandic/face-api
VER=1.7.15
TGZ=vladmandic-face-api-$VER.tgz
CACHE=${1:-/var/cache/sacjc-face}
MANIFEST=package/model/face_recognition_model-weights_manifest.json
BIN=package/model/face_recognition_model.bin

if [ -f "$CACHE/$MANIFEST" ] && [ -f "$CACHE/$BIN" ] && [ -f "$CACHE/.unpacked-$VER" ]; then
  echo "face-api $VER already in $CACHE/package"
  exit 0
fi
command -v npm >/dev/null 2>&1 || { echo "fetch_face_models: npm not found (needed for 'npm pack')" >&2; exit 1; }
mkdir -p "$CACHE" || { echo "fetch_face_models: cannot create $CACHE" >&2; exit 1; }

if [ ! -s "$CACHE/$TGZ" ]; then
  LOG=$(mktemp)
  if ! (cd "$CACHE" && npm pack --silent --fetch-retries=1 "$PKG@$VER") >"$LOG" 2>&1 || [ ! -s "$CACHE/$TGZ" ]; then
    MSG=$(grep -m1 -iE 'ERR!.*(code|network|ENOTFOUND|ETIMEDOUT|ECONNREFUSED|E404|EAI_AGAIN)' "$LOG" || true)
    rm -f "$LOG" "$CACHE/$TGZ"
    echo "fetch_face_models: 'npm pack $PKG@$VER' failed (npm registry unreachable?) ${MSG}" >&2
    exit 1
  fi
  rm -f "$LOG"
fi

rm -rf "$CACHE/package" "$CACHE/.unpacked-$VER"
tar xzf "$CACHE/$TGZ" -C "$CACHE" || { echo "fetch_face_models: cannot unpack $CACHE/$TGZ" >&2; exit 1; }
[ -f "$CACHE/$MANIFEST" ] && [ -f "$CACHE/$BIN" ] || {
  echo "fetch_face_models: $TGZ does not contain $MANIFEST / $BIN" >&2; exit 1; }
touch "$CACHE/.unpacked-$VER"
echo "face-api $VER unpacked in $CACHE/package"
