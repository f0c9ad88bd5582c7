#!/usr/bin/python3
"""Build sacjc's built-in default probe seed set: data/default_probes/.

Output: 256 images NNN_<source>.jpg (160x160 RGB, baseline JPEG quality 95,
4:4:4, no metadata), SOURCES.tsv (one row per image: origin, licence and
transform), README.md and LICENSES.txt.

  * 128 distinct square crops (varied position, scale, horizontal flip) of 21
    natural photos that Debian ships: CC0 / public-domain images of
    python3-skimage's skimage/data/ and photos of opencv-doc's examples/data/
    (Apache-2.0 AND BSD-3-Clause per Debian's copyright file). No people.
  * 128 Fashion-MNIST test images (Debian dataset-fashion-mnist, MIT/Expat),
    12 or 13 per class, upscaled 28 -> 160 and replicated to RGB.

The order is shuffled, so any prefix of the set mixes both kinds.

Everything is deterministic (fixed seed, fixed source package versions).
The two source packages are NOT installed: they are fetched with
`apt-get download` and unpacked with `dpkg-deb -x` into a cache outside the
repository (default /var/cache/sacjc-sources); dataset-fashion-mnist must be
installed (apt-get install dataset-fashion-mnist).

Usage (from the repository root, as root or with a writable cache):
    /usr/bin/python3 scripts/make_default_probes.py [--cache DIR] [--out DIR]

Requires Debian's python3-numpy and python3-pil (use /usr/bin/python3).
"""

import argparse
import gzip
import hashlib
import io
import os
import shutil
import subprocess
import sys

import numpy as np
from PIL import Image

SEED = 20240601
SIZE = 160
JPEG_QUALITY = 95
N_CROPS = 128
N_FMNIST = 128

SKIMAGE_PKG = "python3-skimage"
SKIMAGE_VER = "0.19.3-8"
OPENCV_PKG = "opencv-doc"
OPENCV_VER = "4.6.0+dfsg-12"
FMNIST_PKG = "dataset-fashion-mnist"
FMNIST_DIR = "/usr/share/datasets/fashion-mnist"

SKIMAGE_DIR = "usr/lib/python3/dist-packages/skimage/data"
OPENCV_DIR = "usr/share/doc/opencv-doc/examples/data"

OPENCV_LICENCE = ("Apache-2.0 AND BSD-3-Clause (OpenCV; Debian opencv copyright, "
                  "Files: *)")

# (key, package, file, licence, number of crops).  Every image was looked at:
# no people, no text, no calibration patterns.  Licences of the skimage images
# are those stated in skimage/data/_fetchers.py of the package.
PHOTOS = [
    ("coffee", SKIMAGE_PKG, "coffee.png",
     "CC0-1.0 (photo: Rachel Michetti)", 7),
    ("chelsea", SKIMAGE_PKG, "chelsea.png",
     "CC0-1.0 (photo: Stefan van der Walt)", 6),
    ("rocket", SKIMAGE_PKG, "rocket.jpg",
     "public domain (SpaceX)", 7),
    ("hubble", SKIMAGE_PKG, "hubble_deep_field.jpg",
     "public domain (NASA)", 6),
    ("brick", SKIMAGE_PKG, "brick.png",
     "CC0-1.0 (CC0Textures Bricks25)", 4),
    ("grass", SKIMAGE_PKG, "grass.png",
     "CC0-1.0 (DeviantArt linolafett Grass-01)", 4),
    ("gravel", SKIMAGE_PKG, "gravel.png",
     "CC0-1.0 (CC0Textures Gravel04)", 4),
    ("retina", SKIMAGE_PKG, "retina.jpg",
     "CC0-1.0 (Wikimedia Commons, Fundus photograph of normal left eye)", 4),
    ("aero", OPENCV_PKG, "aero1.jpg", OPENCV_LICENCE, 7),
    ("aloe", OPENCV_PKG, "aloeL.jpg", OPENCV_LICENCE, 7),
    ("apple", OPENCV_PKG, "apple.jpg", OPENCV_LICENCE, 6),
    ("baboon", OPENCV_PKG, "baboon.jpg", OPENCV_LICENCE, 7),
    ("building", OPENCV_PKG, "building.jpg", OPENCV_LICENCE, 7),
    ("butterfly", OPENCV_PKG, "butterfly.jpg", OPENCV_LICENCE, 6),
    ("dog", OPENCV_PKG, "chicky_512.png", OPENCV_LICENCE, 6),
    ("fruits", OPENCV_PKG, "fruits.jpg", OPENCV_LICENCE, 7),
    ("palace", OPENCV_PKG, "home.jpg", OPENCV_LICENCE, 6),
    ("street", OPENCV_PKG, "leuvenA.jpg", OPENCV_LICENCE, 7),
    ("orange", OPENCV_PKG, "orange.jpg", OPENCV_LICENCE, 6),
    ("squirrel", OPENCV_PKG, "squirrel_cls.jpg", OPENCV_LICENCE, 7),
    ("toys", OPENCV_PKG, "rubberwhale1.png", OPENCV_LICENCE, 7),
]

FMNIST_CLASSES = ["tshirt", "trouser", "pullover", "dress", "coat",
                  "sandal", "shirt", "sneaker", "bag", "boot"]
FMNIST_LICENCE = "MIT (Expat), 2017 Zalando SE"


def fetch(cache, pkg, ver):
    """apt-get download + dpkg-deb -x into cache/<pkg>; returns the root."""
    root = os.path.join(cache, pkg)
    stamp = os.path.join(root, ".version")
    if os.path.exists(stamp) and open(stamp).read().strip() == ver:
        return root
    os.makedirs(cache, exist_ok=True)
    deb = os.path.join(cache, "%s_%s_all.deb" % (pkg, ver.replace(":", "%3a")))
    if not os.path.exists(deb):
        cmd = ["apt-get", "download", "%s=%s" % (pkg, ver)]
        print("+ (cd %s && %s)" % (cache, " ".join(cmd)), file=sys.stderr)
        if subprocess.call(cmd, cwd=cache) != 0:
            sys.exit("apt-get download %s=%s failed (run apt-get update? the "
                     "version is pinned so that the set is reproducible)"
                     % (pkg, ver))
    if os.path.exists(root):
        shutil.rmtree(root)
    subprocess.check_call(["dpkg-deb", "-x", deb, root])
    with open(stamp, "w") as f:
        f.write(ver + "\n")
    return root


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def overlap(a, b):
    """Intersection over union of two squares (x, y, s)."""
    ix = max(0, min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0]))
    iy = max(0, min(a[1] + a[2], b[1] + b[2]) - max(a[1], b[1]))
    inter = ix * iy
    return inter / float(a[2] ** 2 + b[2] ** 2 - inter)


def make_crops(img, count, rng):
    """count square crops (x, y, size, flip) of img, pairwise distinct."""
    w, h = img.size
    smax = min(w, h)
    smin = max(SIZE, int(0.3 * smax))
    crops = []
    # first crop: the largest centred square (the whole picture's content)
    crops.append(((w - smax) // 2, (h - smax) // 2, smax, 0))
    tries = 0
    while len(crops) < count:
        tries += 1
        if tries > 100000:
            raise RuntimeError("cannot place crops")
        # log-uniform scale between smin and 0.85 * smax
        s = int(round(np.exp(rng.uniform(np.log(smin),
                                          np.log(max(smin, 0.85 * smax))))))
        x = int(rng.integers(0, w - s + 1))
        y = int(rng.integers(0, h - s + 1))
        flip = int(rng.integers(0, 2))
        limit = 0.4 if tries < 20000 else 0.6
        if all(overlap((x, y, s), c[:3]) < limit for c in crops):
            crops.append((x, y, s, flip))
    return crops


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    magic = int.from_bytes(data[0:4], "big")
    ndim = magic & 0xff
    dims = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(ndim)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim).reshape(dims)


def jpeg_bytes(img):
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=JPEG_QUALITY, subsampling=0,
             optimize=True, progressive=False)
    return buf.getvalue()


LICENCE_TEXTS = """\
Licences of the images in this directory
========================================

Images whose SOURCES.tsv licence is CC0-1.0 or "public domain" (from Debian
python3-skimage, skimage/data/) carry no conditions. Their sources and authors
are listed in SOURCES.tsv as a courtesy.

Fashion-MNIST test images (Debian dataset-fashion-mnist)
--------------------------------------------------------
Copyright (c) 2017 Zalando SE, https://tech.zalando.com

Permission is hereby granted, free of charge, to any person obtaining a copy of
this software and associated documentation files (the "Software"), to deal in
the Software without restriction, including without limitation the rights to
use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of
the Software, and to permit persons to whom the Software is furnished to do so,
subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS
FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.

OpenCV sample images (Debian opencv-doc, examples/data/)
--------------------------------------------------------
Debian's copyright file for OpenCV 4.6.0 covers these files under
"Files: *", License: Apache-2.0 AND BSD-3-Clause:

Copyright (C) 2000-2022, Intel Corporation, all rights reserved.
Copyright (C) 2009-2011, Willow Garage Inc., all rights reserved.
Copyright (C) 2009-2016, NVIDIA Corporation, all rights reserved.
Copyright (C) 2010-2013, Advanced Micro Devices, Inc., all rights reserved.
Copyright (C) 2015-2022, OpenCV Foundation, all rights reserved.
Copyright (C) 2008-2016, Itseez Inc., all rights reserved.
Copyright (C) 2019-2022, Xperience AI, all rights reserved.
Copyright (C) 2019-2022, Shenzhen Institute of Artificial Intelligence and
Robotics for Society, all rights reserved.
Copyright (C) respective OpenCV contributors.

Licensed under the Apache License, Version 2.0 (the "License"); you may not
use these files except in compliance with the License. You may obtain a copy of
the License at http://www.apache.org/licenses/LICENSE-2.0 (on Debian:
/usr/share/common-licenses/Apache-2.0). Unless required by applicable law or
agreed to in writing, software distributed under the License is distributed on
an "AS IS" BASIS, WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express
or implied. See the License for the specific language governing permissions and
limitations under the License.

BSD-3-Clause:
Redistribution and use in source and binary forms, with or without
modification, are permitted provided that the following conditions are met:
1. Redistributions of source code must retain the above copyright notice, this
   list of conditions and the following disclaimer.
2. Redistributions in binary form must reproduce the above copyright notice,
   this list of conditions and the following disclaimer in the documentation
   and/or other materials provided with the distribution.
3. Neither the name of the copyright holders nor the names of its contributors
   may be used to endorse or promote products derived from this software
   without specific prior written permission.

THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDERS OR CONTRIBUTORS BE LIABLE
FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
"""


def write_readme(out, photo_rows, n_total, total_bytes):
    lines = [
        "# Default probe seeds",
        "",
        "sacjc's built-in default probe set: %d natural images, 160x160 RGB, "
        "baseline JPEG quality 95 (4:4:4), compiled into the binary. They are "
        "clean seeds: the tool resizes them to the model's input and applies "
        "its own low-quality JPEG." % n_total,
        "",
        "- %d distinct square crops (varied position and scale, some flipped "
        "horizontally) of %d public-domain, CC0 or Apache-2.0/BSD-3-Clause "
        "photos shipped by Debian `python3-skimage` %s (`skimage/data/`) and "
        "`opencv-doc` %s (`examples/data/`). No people, text or calibration "
        "patterns." % (N_CROPS, len(PHOTOS), SKIMAGE_VER, OPENCV_VER),
        "- %d Fashion-MNIST test images (Debian `dataset-fashion-mnist`, MIT), "
        "12-13 per class, upscaled 28 -> 160 (bicubic), grey replicated to RGB."
        % N_FMNIST,
        "",
        "The file order is a fixed shuffle, so any prefix mixes both kinds. "
        "`SOURCES.tsv` gives every file's package, source file, licence and "
        "transform (crop box in source pixels, flip; or test index and label). "
        "`LICENSES.txt` has the licence texts and copyright notices.",
        "Total size of the images: %.2f MB." % (total_bytes / 1e6),
        "",
        "## Rebuild",
        "",
        "```",
        "apt-get update",
        "apt-get install dataset-fashion-mnist python3-numpy python3-pil",
        "/usr/bin/python3 scripts/make_default_probes.py   # from the repository root",
        "```",
        "",
        "The script fetches `%s=%s` and `%s=%s` itself with `apt-get download` "
        "and unpacks them with `dpkg-deb -x` into `/var/cache/sacjc-sources` "
        "(`--cache DIR` to change it); neither package is installed. Versions "
        "are pinned and the seed is fixed, so the output is reproducible. "
        "By hand, the same is:" % (SKIMAGE_PKG, SKIMAGE_VER, OPENCV_PKG, OPENCV_VER),
        "",
        "```",
        "mkdir -p /var/cache/sacjc-sources && cd /var/cache/sacjc-sources",
        "apt-get download %s=%s %s=%s" % (SKIMAGE_PKG, SKIMAGE_VER, OPENCV_PKG, OPENCV_VER),
        "dpkg-deb -x %s_%s_all.deb %s" % (SKIMAGE_PKG, SKIMAGE_VER, SKIMAGE_PKG),
        "dpkg-deb -x %s_%s_all.deb %s" % (OPENCV_PKG, OPENCV_VER, OPENCV_PKG),
        "```",
        "",
        "## Source photos",
        "",
        "| key | package | file | sha256 (first 16) | licence | crops |",
        "|---|---|---|---|---|---|",
    ]
    for key, pkg, path, digest, lic, n in photo_rows:
        lines.append("| %s | %s | %s | %s | %s | %d |"
                     % (key, pkg, path, digest[:16], lic, n))
    lines += [
        "",
        "Licences: skimage images as stated in the package's "
        "`skimage/data/_fetchers.py` (CC0 or public domain); OpenCV images as "
        "Debian's `opencv` copyright file states for the source tree "
        "(Apache-2.0 AND BSD-3-Clause; Debian's dfsg repack excludes lena). "
        "The OpenCV files carry no per-image provenance; some are classic "
        "test images (e.g. baboon). Fashion-MNIST MIT (Expat), "
        "(c) 2017 Zalando SE.",
        "",
    ]
    with open(os.path.join(out, "README.md"), "w") as f:
        f.write("\n".join(lines))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache", default="/var/cache/sacjc-sources")
    ap.add_argument("--out", default=os.path.join(here, "..", "data",
                                                   "default_probes"))
    args = ap.parse_args()

    assert sum(p[4] for p in PHOTOS) == N_CROPS
    roots = {SKIMAGE_PKG: os.path.join(fetch(args.cache, SKIMAGE_PKG, SKIMAGE_VER),
                                       SKIMAGE_DIR),
             OPENCV_PKG: os.path.join(fetch(args.cache, OPENCV_PKG, OPENCV_VER),
                                      OPENCV_DIR)}
    rng = np.random.default_rng(SEED)

    items = []   # (source token, PIL image, package, source file, licence, transform)
    photo_rows = []
    for key, pkg, fname, lic, n in PHOTOS:
        path = os.path.join(roots[pkg], fname)
        img = Image.open(path)
        img.load()
        img = img.convert("RGB")
        srcfile = (SKIMAGE_DIR if pkg == SKIMAGE_PKG else OPENCV_DIR) + "/" + fname
        ver = SKIMAGE_VER if pkg == SKIMAGE_PKG else OPENCV_VER
        photo_rows.append((key, pkg, srcfile, sha256(path), lic, n))
        for x, y, s, flip in make_crops(img, n, rng):
            tile = img.resize((SIZE, SIZE), Image.LANCZOS, box=(x, y, x + s, y + s))
            if flip:
                tile = tile.transpose(Image.FLIP_LEFT_RIGHT)
            token = ("skimage-" if pkg == SKIMAGE_PKG else "opencv-") + key
            items.append((token, tile, "%s %s" % (pkg, ver), srcfile, lic,
                          "crop x=%d y=%d size=%d flip=%d resize=lanczos"
                          % (x, y, s, flip)))

    fm_ver = subprocess.run(["dpkg-query", "-W", "-f=${Version}", FMNIST_PKG],
                            capture_output=True, text=True).stdout.strip()
    if not fm_ver:
        sys.exit("install %s first" % FMNIST_PKG)
    images = read_idx(os.path.join(FMNIST_DIR, "t10k-images-idx3-ubyte.gz"))
    labels = read_idx(os.path.join(FMNIST_DIR, "t10k-labels-idx1-ubyte.gz"))
    per_class = [N_FMNIST // 10 + (1 if c < N_FMNIST % 10 else 0) for c in range(10)]
    chosen = []
    seen = set()
    for c in range(10):
        idx = np.flatnonzero(labels == c)
        picked = 0
        for i in rng.permutation(idx):
            h = images[i].tobytes()
            if h in seen:   # skip exact duplicates inside the test set
                continue
            seen.add(h)
            chosen.append((int(i), c))
            picked += 1
            if picked == per_class[c]:
                break
    for i, c in chosen:
        g = Image.fromarray(images[i], "L").resize((SIZE, SIZE), Image.BICUBIC)
        items.append(("fmnist-" + FMNIST_CLASSES[c], g.convert("RGB"),
                      "%s %s" % (FMNIST_PKG, fm_ver),
                      FMNIST_DIR + "/t10k-images-idx3-ubyte.gz", FMNIST_LICENCE,
                      "test index=%d label=%d (%s) resize=28->160 bicubic, grey->RGB"
                      % (i, c, FMNIST_CLASSES[c])))

    order = rng.permutation(len(items))
    assert len(items) == N_CROPS + N_FMNIST

    os.makedirs(args.out, exist_ok=True)
    for f in os.listdir(args.out):
        if f.endswith(".jpg"):
            os.remove(os.path.join(args.out, f))
    rows = ["file\tpackage\tsource_file\tlicence\ttransform"]
    total = 0
    decoded = []
    for k, j in enumerate(order):
        token, img, pkg, src, lic, tr = items[j]
        name = "%03d_%s.jpg" % (k, token)
        data = jpeg_bytes(img)
        with open(os.path.join(args.out, name), "wb") as f:
            f.write(data)
        total += len(data)
        decoded.append(np.asarray(Image.open(io.BytesIO(data)).convert("RGB"),
                                  dtype=np.int16))
        rows.append("\t".join([name, pkg, src, lic, tr]))
    with open(os.path.join(args.out, "SOURCES.tsv"), "w") as f:
        f.write("\n".join(rows) + "\n")
    with open(os.path.join(args.out, "LICENSES.txt"), "w") as f:
        f.write(LICENCE_TEXTS)
    write_readme(args.out, photo_rows, len(items), total)

    # no duplicates or near-duplicates: minimum pairwise mean |difference|
    flat = np.stack([d.reshape(-1) for d in decoded]).astype(np.float32)
    worst = (np.inf, -1, -1)
    for a in range(len(flat)):
        d = np.abs(flat[a + 1:] - flat[a]).mean(axis=1)
        if len(d) and d.min() < worst[0]:
            worst = (float(d.min()), a, a + 1 + int(d.argmin()))
    print("wrote %d images, %.2f MB; closest pair %03d/%03d mean |diff| %.2f"
          % (len(items), total / 1e6, worst[1], worst[2], worst[0]))
    if worst[0] < 2.0:
        sys.exit("near-duplicate images")


if __name__ == "__main__":
    main()
