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


def test_pattern(size):
    """Deterministic size x size x 3 float32 image of integers 0..255, HWC RGB."""
    y, x = np.mgrid[0:size, 0:size].astype(np.int64)
    r = (x * 17 + y * 3) % 256
    g = (128 + ((x * x + 7 * y) % 97) - ((x * y) % 61)) % 256
    b = (y * 5 + ((x * 31 + y * 57) % 43)) % 256
    return np.stack([r, g, b], -1).astype(np.float32)
