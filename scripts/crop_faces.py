#!/usr/bin/python3
"""Detect faces in photos with OpenCV's Haar cascade and write square face crops as PNGs.

Usage:
  /usr/bin/python3 scripts/crop_faces.py PHOTOS_DIR [PHOTOS_DIR ...] OUT_DIR
      [--size 150] [--jitter N] [--margin 0.25] [--glob 'sample*.jpg'] [--seed 0]

Each face found (frontal-face cascade, overlapping detections merged) is cropped with a
margin around the detector box, resized to size x size and written as
  OUT_DIR/face_PPP_FF.png            (PPP = photo index, FF = face index, both sorted)
With --jitter N, N more crops per face are written as face_PPP_FF_jJJ.png, each with a
deterministic random shift (+-12% of the box), scale (0.85..1.2), and horizontal flip
(every other one), drawn from a generator seeded with --seed, photo and face index.
Output is deterministic: photos are taken in sorted path order, faces sorted top-left
first (by row band, then column). A detection is kept only if OpenCV's eye cascade fires
in its upper part (--no-eye-check to disable), which drops most background false positives.

Needs python3-opencv (cv2) and the cascade file below (apt package opencv-data).
Photos showing real people must stay outside the repository (write crops to /tmp or a
build directory).
"""
import argparse
import glob
import os
import sys

import numpy as np

try:
    import cv2
except ImportError:
    sys.exit("crop_faces.py: needs OpenCV for Python (apt-get install -y python3-opencv opencv-data)")

CASCADE = "/usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml"
EYES = "/usr/share/opencv4/haarcascades/haarcascade_eye.xml"


def overlap(a, b):
    """Intersection over the smaller box's area."""
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    ix = max(0, min(ax + aw, bx + bw) - max(ax, bx))
    iy = max(0, min(ay + ah, by + bh) - max(ay, by))
    return ix * iy / float(min(aw * ah, bw * bh))


def has_eye(eyes, gray, box):
    """True if the eye cascade fires in the upper 60% of the box (rejects most false faces)."""
    x, y, w, h = box
    roi = gray[y:y + int(h * 0.6), x:x + w]
    m = max(8, w // 10)
    return len(eyes.detectMultiScale(roi, scaleFactor=1.1, minNeighbors=3,
                                     minSize=(m, m), maxSize=(w // 2, w // 2))) > 0


def detect(cascade, img, min_frac, min_neighbors, eyes=None):
    h, w = img.shape[:2]
    gray = cv2.equalizeHist(cv2.cvtColor(img, cv2.COLOR_BGR2GRAY))
    m = max(40, int(min(h, w) * min_frac))
    boxes = cascade.detectMultiScale(gray, scaleFactor=1.1, minNeighbors=min_neighbors,
                                     minSize=(m, m))
    boxes = sorted([tuple(int(v) for v in b) for b in boxes], key=lambda b: -b[2] * b[3])
    if eyes is not None:
        boxes = [b for b in boxes if has_eye(eyes, gray, b)]
    kept = []
    for b in boxes:  # largest first; drop boxes mostly inside / overlapping a kept one
        if all(overlap(b, k) < 0.3 for k in kept):
            kept.append(b)
    # deterministic reading order: row bands of the median face height, then x
    if kept:
        band = max(1, int(np.median([b[3] for b in kept])))
        kept.sort(key=lambda b: ((b[1] + b[3] // 2) // band, b[0], b[1]))
    return kept


def crop(img, cx, cy, side, size, flip):
    """Square crop of side `side` centred at (cx, cy), border-replicated, resized."""
    h, w = img.shape[:2]
    x0 = int(round(cx - side / 2.0))
    y0 = int(round(cy - side / 2.0))
    s = int(round(side))
    pad = max(0, -x0, -y0, x0 + s - w, y0 + s - h)
    if pad:
        img = cv2.copyMakeBorder(img, pad, pad, pad, pad, cv2.BORDER_REPLICATE)
        x0 += pad
        y0 += pad
    c = img[y0:y0 + s, x0:x0 + s]
    interp = cv2.INTER_AREA if s > size else cv2.INTER_LINEAR
    c = cv2.resize(c, (size, size), interpolation=interp)
    if flip:
        c = c[:, ::-1]
    return np.ascontiguousarray(c)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dirs", nargs="+", help="PHOTOS_DIR [PHOTOS_DIR ...] OUT_DIR")
    ap.add_argument("--size", type=int, default=150)
    ap.add_argument("--jitter", type=int, default=0, help="extra jittered crops per face")
    ap.add_argument("--margin", type=float, default=0.25,
                    help="margin added on each side, as a fraction of the detector box")
    ap.add_argument("--glob", default="*.jpg,*.jpeg,*.png",
                    help="comma-separated file patterns inside each PHOTOS_DIR")
    ap.add_argument("--min-face", type=float, default=0.03,
                    help="minimum face side as a fraction of the photo's shorter side")
    ap.add_argument("--min-neighbors", type=int, default=6)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--no-eye-check", action="store_true",
                    help="keep detections without an eye-cascade hit")
    args = ap.parse_args()
    if len(args.dirs) < 2:
        ap.error("need PHOTOS_DIR ... OUT_DIR")
    photo_dirs, out = args.dirs[:-1], args.dirs[-1]
    if not os.path.exists(CASCADE):
        sys.exit("crop_faces.py: missing %s (apt-get install -y opencv-data)" % CASCADE)
    cascade = cv2.CascadeClassifier(CASCADE)
    eyes = None if args.no_eye_check else cv2.CascadeClassifier(EYES)

    photos = []
    for d in photo_dirs:
        if os.path.isfile(d):
            photos.append(d)
            continue
        for pat in args.glob.split(","):
            photos.extend(glob.glob(os.path.join(d, pat.strip())))
    photos = sorted(set(photos))
    if not photos:
        sys.exit("crop_faces.py: no photos found")
    os.makedirs(out, exist_ok=True)

    n_faces = n_files = 0
    for pi, path in enumerate(photos):
        img = cv2.imread(path, cv2.IMREAD_COLOR)
        if img is None:
            print("skip (unreadable): %s" % path, file=sys.stderr)
            continue
        boxes = detect(cascade, img, args.min_face, args.min_neighbors, eyes)
        print("%s: %d face(s)" % (path, len(boxes)), file=sys.stderr)
        for fi, (x, y, w, h) in enumerate(boxes):
            n_faces += 1
            cx, cy = x + w / 2.0, y + h / 2.0
            side = max(w, h) * (1.0 + 2.0 * args.margin)
            base = os.path.join(out, "face_%03d_%02d" % (pi, fi))
            cv2.imwrite(base + ".png", crop(img, cx, cy, side, args.size, False))
            n_files += 1
            rng = np.random.RandomState((args.seed * 1000003 + pi * 1009 + fi) % (2 ** 31))
            for j in range(args.jitter):
                dx, dy = rng.uniform(-0.12, 0.12, size=2) * w
                sc = rng.uniform(0.85, 1.2)
                c = crop(img, cx + dx, cy + dy, side * sc, args.size, j % 2 == 0)
                cv2.imwrite("%s_j%02d.png" % (base, j), c)
                n_files += 1
    print("wrote %d crop(s) of %d face(s) from %d photo(s) to %s"
          % (n_files, n_faces, len(photos), out), file=sys.stderr)
    if n_faces == 0:
        sys.exit(1)


if __name__ == "__main__":
    main()
