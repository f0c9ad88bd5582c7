"""What the TF.js model converters share: reading a TF.js weights manifest and its binary
shards, and the deterministic test pattern their known-output checks run on.
Used by convert_face_api.py and convert_tfjs_graph.py (imported from this directory).
"""
import os

import numpy as np


def read_weights(model_dir, manifest_groups):
    """Tensors of a TF.js weights manifest, by name, as float32 (int32 kept as is).

    Quantised tensors are dequantised as TF.js does: q * scale + min in double precision,
    stored as float32 (uint8, uint16), or float16 widened to float32. Raises ValueError on an
    unknown dtype or when a shard's size does not match its tensors.
    """
    tensors = {}
    for group in manifest_groups:
        blob = b"".join(open(os.path.join(model_dir, p), "rb").read() for p in group["paths"])
        off = 0
        for w in group["weights"]:
            shape = w["shape"]
            n = int(np.prod(shape)) if shape else 1
            q = w.get("quantization")
            if q is not None:
                if q["dtype"] == "float16":
                    arr = np.frombuffer(blob, "<f2", n, off).astype(np.float32)
                    off += 2 * n
                elif q["dtype"] in ("uint8", "uint16"):
                    dt = np.dtype(np.uint8 if q["dtype"] == "uint8" else "<u2")
                    arr = np.frombuffer(blob, dt, n, off).astype(np.float64)
                    off += n * dt.itemsize
                    arr = (arr * q["scale"] + q["min"]).astype(np.float32)
                else:
                    raise ValueError("unsupported quantization %r for %s" % (q["dtype"], w["name"]))
            elif w["dtype"] == "float32":
                arr = np.frombuffer(blob, "<f4", n, off).copy()
                off += 4 * n
            elif w["dtype"] == "int32":
                arr = np.frombuffer(blob, "<i4", n, off).copy()
                off += 4 * n
            else:
                raise ValueError("unsupported dtype %r for %s" % (w["dtype"], w["name"]))
            tensors[w["name"]] = arr.reshape(shape)
        if off != len(blob):
            raise ValueError("weights group size mismatch: used %d of %d bytes" % (off, len(blob)))
    return tensors


def read_face_api_weights(package_dir, model):
    """The tensors of face-api's packaged model MODEL (package/model/MODEL-weights_manifest.json)."""
    import json
    mdir = os.path.join(package_dir, "model")
    with open(os.path.join(mdir, model + "-weights_manifest.json")) as f:
        return read_weights(mdir, json.load(f))


def test_pattern(size):
    """Deterministic size x size x 3 float32 image of integers 0..255, HWC RGB."""
    y, x = np.mgrid[0:size, 0:size].astype(np.int64)
    r = (x * 17 + y * 3) % 256
    g = (128 + ((x * x + 7 * y) % 97) - ((x * y) % 61)) % 256
    b = (y * 5 + ((x * 31 + y * 57) % 43)) % 256
    return np.stack([r, g, b], -1).astype(np.float32)


def converter_main(doc, build, check, test_image, threads=1):
    """The command line every face-api converter shares: PACKAGE OUT [--check], --check-only PT,
    --write-test-image F32. build(package) -> (module, parameter count); check(module) -> bool;
    test_image() -> the float32 HWC image the stored TF.js reference was computed on."""
    import argparse
    import time

    import torch
    ap = argparse.ArgumentParser(description=doc.split("\n")[0])
    ap.add_argument("package", nargs="?", help="unpacked @vladmandic/face-api package dir")
    ap.add_argument("out", nargs="?", help="output TorchScript file")
    ap.add_argument("--check", action="store_true", help="compare with the TF.js reference")
    ap.add_argument("--check-only", metavar="PT", help="only check an existing OUT.pt")
    ap.add_argument("--write-test-image", metavar="F32",
                    help="write the raw float32 HWC test image (for recomputing the reference)")
    a = ap.parse_args()
    torch.set_num_threads(threads)
    if a.write_test_image:
        test_image().tofile(a.write_test_image)
        return 0
    if a.check_only:
        return 0 if check(torch.jit.load(a.check_only)) else 1
    if not a.package or not a.out:
        ap.error("need PACKAGE and OUT")
    t0 = time.time()
    net, nparams = build(a.package)
    torch.jit.save(torch.jit.script(net), a.out)
    print("wrote %s (%d parameters, %.2f MB, %.1fs)" % (a.out, nparams,
          os.path.getsize(a.out) / 1e6, time.time() - t0))
    if a.check:
        return 0 if check(torch.jit.load(a.out)) else 1
    return 0
