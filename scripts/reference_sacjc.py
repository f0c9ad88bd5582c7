#!/usr/bin/python3
"""Independent Python reference for the SAC-JC distance (see docs/method.md).

Usage: reference_sacjc.py VICTIM.pt SUSPECT.pt --probes DIR [-n N] [-q 25] [--size 224] [--json]

Steps, exactly:
 1. Probe files: the regular files directly in DIR whose extension is jpg/jpeg/png/bmp
    (case-insensitive), sorted by file name (Python string order = byte order of the
    UTF-8 names), the first N of them (default: all).
 2. Each is loaded with PIL and converted to RGB (alpha dropped, no EXIF rotation). If it is
    not already SIZE x SIZE it is resized to SIZE x SIZE with PIL bilinear.
 3. JPEG round trip with PIL: quality Q, 4:2:0 chroma subsampling (subsampling=2), baseline,
    no optimize; decoded back to RGB. (-q 0 skips this step; --transpose swaps H and W
    afterwards, the optional variant of the method, off by default.)
 4. To float32 in [0,1] (uint8 / 255), N x 3 x H x W.
 5. Both models: torch.jit.load, eval(), torch.inference_mode(), forward in batches.
    Each sample's raw output is flattened to one row (a tuple/list output uses element 0).
 6. In float64: rows L2-normalised, o / max(||o||, 1e-12) (a zero row stays zero, no NaN);
    C = 1 - O_hat O_hat^T.
 7. distance = mean over all N^2 entries (diagonal included) of |C_victim - C_suspect|.

Prints the distance on stdout, or with --json an object
{"distance", "n", "quality", "size", "rsa_distance"}; rsa_distance is the scale-free
alternative of docs/method.md, 1 - Pearson correlation of the off-diagonal (upper-triangle)
entries of the two matrices, provided for comparison only.
"""
import argparse
import io
import json
import os
import sys

import numpy as np
import torch
from PIL import Image

EXTS = (".jpg", ".jpeg", ".png", ".bmp")
EPS = 1e-12
BILINEAR = getattr(Image, "Resampling", Image).BILINEAR


def list_probes(d, n):
    names = sorted(f for f in os.listdir(d)
                   if f.lower().endswith(EXTS) and os.path.isfile(os.path.join(d, f)))
    if n is not None:
        names = names[:n]
    if not names:
        sys.exit(f"reference_sacjc: no probe images (jpg/jpeg/png/bmp) in {d}")
    return [os.path.join(d, f) for f in names]


def jpeg_round_trip(img, quality):
    buf = io.BytesIO()
    img.save(buf, format="JPEG", quality=quality, subsampling=2, optimize=False,
             progressive=False)
    buf.seek(0)
    out = Image.open(buf)
    out.load()
    return out.convert("RGB")


def load_probes(paths, size, quality, transpose):
    arrs = []
    for p in paths:
        try:
            with Image.open(p) as im:
                img = im.convert("RGB")
        except (OSError, ValueError) as e:
            sys.exit(f"reference_sacjc: cannot read {p}: {e}")
        if img.size != (size, size):
            img = img.resize((size, size), BILINEAR)
        if quality > 0:
            img = jpeg_round_trip(img, quality)
        a = np.asarray(img, dtype=np.uint8)  # H x W x 3
        if transpose:
            a = a.transpose(1, 0, 2)
        arrs.append(a)
    x = torch.from_numpy(np.ascontiguousarray(np.stack(arrs)))  # N x H x W x 3
    return x.permute(0, 3, 1, 2).contiguous().float() / 255.0


def outputs(model_path, x, batch):
    model = torch.jit.load(model_path, map_location="cpu")
    model.eval()
    rows = []
    with torch.inference_mode():
        for i in range(0, x.shape[0], batch):
            out = model(x[i:i + batch])
            if isinstance(out, (tuple, list)):
                out = out[0]
            rows.append(out.reshape(out.shape[0], -1).to(torch.float64))
    return torch.cat(rows)


def corr_matrix(o):
    o_hat = o / o.norm(dim=1, keepdim=True).clamp_min(EPS)
    return 1.0 - o_hat @ o_hat.T


def rsa_distance(cv, cs):
    iu = torch.triu_indices(cv.shape[0], cv.shape[0], offset=1)
    a, b = cv[iu[0], iu[1]], cs[iu[0], iu[1]]
    a, b = a - a.mean(), b - b.mean()
    den = (a.norm() * b.norm()).item()
    return float("nan") if den == 0 else 1.0 - (a @ b).item() / den


def main():
    ap = argparse.ArgumentParser(description="Reference SAC-JC distance (Python).")
    ap.add_argument("victim")
    ap.add_argument("suspect")
    ap.add_argument("--probes", required=True, help="directory of probe images")
    ap.add_argument("-n", type=int, default=None, help="use the first N probes (default all)")
    ap.add_argument("-q", "--quality", type=int, default=25, help="JPEG quality (0: no JPEG)")
    ap.add_argument("--size", type=int, default=224, help="probe side length in pixels")
    ap.add_argument("--transpose", action="store_true", help="swap H and W after JPEG")
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if args.n is not None and args.n < 1:
        ap.error("-n must be >= 1")
    if not 0 <= args.quality <= 100:
        ap.error("-q must be in 0..100")

    torch.set_num_threads(min(2, torch.get_num_threads()))
    x = load_probes(list_probes(args.probes, args.n), args.size, args.quality, args.transpose)
    cv = corr_matrix(outputs(args.victim, x, args.batch))
    cs = corr_matrix(outputs(args.suspect, x, args.batch))
    d = (cv - cs).abs().mean().item()
    if args.json:
        print(json.dumps({"distance": d, "n": int(x.shape[0]), "quality": args.quality,
                          "size": args.size, "rsa_distance": rsa_distance(cv, cs)}))
    else:
        print(repr(d))


if __name__ == "__main__":
    main()
