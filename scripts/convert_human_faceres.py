#!/usr/bin/python3
"""Rebuild @vladmandic/human's `faceres` face descriptor (TF.js graph model, MobileNet v1
backbone, 1024-d output at `global_pooling/Mean`) in PyTorch and export it as TorchScript.

Usage:
  /usr/bin/python3 scripts/convert_human_faceres.py CACHE/human-package OUT.pt [--check]
  /usr/bin/python3 scripts/convert_human_faceres.py --check-only OUT.pt
  /usr/bin/python3 scripts/convert_human_faceres.py CACHE/human-package --write-test-image FILE.f32

CACHE/human-package is the unpacked `npm pack @vladmandic/human@3.3.6` tarball (see
scripts/fetch_face_models.sh). The network is read from models/faceres.json (graph topology
+ weights manifest, float16-quantised weights) + models/faceres.bin; nothing is downloaded
here and nothing is written into the repository except OUT.pt.

The graph is interpreted, not transcribed: starting at the `input_1` placeholder (NHWC,
values 0..255) it is a single chain of
  Conv2D / DepthwiseConv2dNative (padding SAME or VALID, any stride; no bias)
  Mul, Add (per-channel constant: the unfolded batch norm)
  Relu, Minimum, Maximum (with constant: relu6 as relu -> min(6) -> max(0))
  Mean over H, W  (`global_pooling/Mean`, where we stop)
Every op's non-chain inputs must be Const nodes; anything else is an error. This gives
MobileNet v1 (alpha 1): conv 3x3 s2 (32) then 13 depthwise-separable blocks up to 1024
channels, 3.2M parameters. The age/gender heads after global_pooling/Mean are dropped.
The batch norms are kept as separate multiply/add (not folded), as TF.js runs them, so the
float32 rounding follows TF.js closely. TF's SAME padding is reproduced exactly (for stride 2
on even sizes: 0 before, 1 after).

Exported module: forward(x: N x 3 x H x W RGB float in [0, 1]) -> N x 1024. Inputs that are
not 224x224 are resized to 224x224 with bilinear interpolation (align_corners=False, no
antialias), then multiplied by 255 (as human's faceres.ts enhance() does: it resizes the
0..1 crop with tf.image.resizeBilinear (legacy half_pixel_centers=false, so only 224x224
inputs match human exactly) and multiplies by 255).

--check: runs the exported TorchScript model on a deterministic synthetic 224x224 image
(make_test_image below, x = integer pattern / 255 in float32) and compares with
REFERENCE_TFJS_B64: the `global_pooling/Mean` output of the original graph model under
@tensorflow/tfjs 4.22.0 (pure-JS 'cpu' backend, node 20), computed 2026-11-23 with
    tf.loadGraphModel(tf.io.fromMemory({modelTopology, weightSpecs, weightData}))
    model.execute(tf.mul(tf.tensor4d(image, [1, 224, 224, 3]), 255), 'global_pooling/Mean')
where modelTopology/weightSpecs come from faceres.json and weightData is faceres.bin
(REFERENCE_JS below is that script; the image comes from --write-test-image). All 1024
values are stored (REFERENCE_TFJS_B64; only 40 are non-zero on this synthetic image, the
descriptor is sparse: ~230 non-zero on a photo). --check-tfjs TFJS_DIR recomputes the
reference with node (TFJS_DIR: a scratch `npm install @tensorflow/tfjs@4.22.0`) and compares
with that too. Measured: max abs diff 7.7e-7 (test image) and 2.3e-6 (a 224x224 photo
resize, norm 2.96), depending slightly on the torch thread count.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from typing import List

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from tfjs_weights import read_weights, test_pattern

INPUT_SIZE = 224
OUTPUT_NODE = "global_pooling/Mean"
CHECK_TOL = 1e-4


def make_test_image():
    """Deterministic 224x224x3 float32 image in [0, 1] (integers / 255), HWC RGB."""
    return (test_pattern(INPUT_SIZE) / np.float32(255.0)).astype(np.float32)


# ---------------------------------------------------------------- graph + weight loading
def load_graph(package_dir):
    mdir = os.path.join(package_dir, "models")
    with open(os.path.join(mdir, "faceres.json")) as f:
        g = json.load(f)
    if g.get("format") != "graph-model":
        raise ValueError("faceres.json: not a TF.js graph model (format %r)" % g.get("format"))
    consts = read_weights(mdir, g["weightsManifest"])
    return g["modelTopology"]["node"], consts


def _attr_str(node, key):
    import base64
    return base64.b64decode(node["attr"][key]["s"]).decode()


def _attr_ints(node, key):
    return [int(v) for v in node["attr"][key]["list"].get("i", [])]


# ---------------------------------------------------------------- layers
class Conv(nn.Module):
    """TF Conv2D / DepthwiseConv2dNative without bias, NCHW, TF SAME/VALID padding."""

    def __init__(self, weight: torch.Tensor, stride: int, same: bool, groups: int):
        super().__init__()
        self.weight = nn.Parameter(weight)
        self.stride = stride
        self.same = same
        self.k = int(weight.shape[2])
        self.groups = groups

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if self.same:
            h = x.shape[2]
            w = x.shape[3]
            oh = (h + self.stride - 1) // self.stride
            ow = (w + self.stride - 1) // self.stride
            ph = max((oh - 1) * self.stride + self.k - h, 0)
            pw = max((ow - 1) * self.stride + self.k - w, 0)
            if ph > 0 or pw > 0:
                x = F.pad(x, [pw // 2, pw - pw // 2, ph // 2, ph - ph // 2])
        return F.conv2d(x, self.weight, None, self.stride, 0, 1, self.groups)


class Elementwise(nn.Module):
    """Mul / Add / Minimum / Maximum with a constant (scalar or per-channel), or Relu."""

    def __init__(self, op: str, const: torch.Tensor):
        super().__init__()
        self.op = op
        if op in ("Mul", "Add"):          # batch-norm scale/shift: real parameters
            self.const = nn.Parameter(const)
        else:                             # relu6 clip bounds: fixed
            self.register_buffer("const", const)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if self.op == "Mul":
            return x * self.const
        if self.op == "Add":
            return x + self.const
        if self.op == "Minimum":
            return torch.minimum(x, self.const)
        if self.op == "Maximum":
            return torch.maximum(x, self.const)
        return F.relu(x)


class FaceResNet(nn.Module):
    def __init__(self, layers: List[nn.Module]):
        super().__init__()
        self.layers = nn.ModuleList(layers)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if x.shape[2] != 224 or x.shape[3] != 224:
            x = F.interpolate(x, size=[224, 224], mode="bilinear", align_corners=False)
        x = x * 255.0
        for layer in self.layers:
            x = layer(x)
        return x.mean(dim=[2, 3])


def _chan_const(arr, name):
    """TF constant broadcast against NHWC -> tensor broadcasting against NCHW."""
    t = torch.from_numpy(np.ascontiguousarray(arr, np.float32))
    if t.dim() == 0 or t.numel() == 1:
        return t.reshape([])
    if t.dim() == 1 or (t.dim() == 4 and list(t.shape[:3]) == [1, 1, 1]):
        return t.reshape(1, -1, 1, 1)
    raise ValueError("%s: unsupported constant shape %s" % (name, list(t.shape)))


def build(package_dir):
    nodes, consts = load_graph(package_dir)
    by_name = {n["name"]: n for n in nodes}
    const_names = {n["name"] for n in nodes if n["op"] == "Const"}
    missing = const_names - set(consts)
    if missing:
        raise ValueError("Const nodes without weights: %s" % sorted(missing))
    consumers = {}
    for n in nodes:
        for i in n.get("input", []):
            consumers.setdefault(i.split(":")[0], []).append(n["name"])
    placeholders = [n for n in nodes if n["op"] == "Placeholder"]
    if len(placeholders) != 1:
        raise ValueError("expected one Placeholder, found %d" % len(placeholders))
    cur = placeholders[0]["name"]
    layers = []
    used = set()
    while True:
        nxt = [c for c in consumers.get(cur, []) if by_name[c]["op"] != "Const"]
        if len(nxt) != 1:
            raise ValueError("node %s: expected a single consumer, found %s" % (cur, nxt))
        node = by_name[nxt[0]]
        inputs = [i.split(":")[0] for i in node["input"]]
        if inputs[0] != cur or any(i not in const_names for i in inputs[1:]):
            raise ValueError("node %s: not a simple chain op (inputs %s)" % (node["name"], inputs))
        used.update(inputs[1:])
        op = node["op"]
        if op in ("Conv2D", "DepthwiseConv2dNative"):
            if _attr_str(node, "data_format") != "NHWC":
                raise ValueError("%s: data_format must be NHWC" % node["name"])
            if any(d != 1 for d in _attr_ints(node, "dilations")):
                raise ValueError("%s: dilation unsupported" % node["name"])
            st = _attr_ints(node, "strides")
            if st[1] != st[2]:
                raise ValueError("%s: non-square stride" % node["name"])
            pad = _attr_str(node, "padding")
            if pad not in ("SAME", "VALID"):
                raise ValueError("%s: padding %s unsupported" % (node["name"], pad))
            k = torch.from_numpy(np.ascontiguousarray(consts[inputs[1]], np.float32))
            if op == "Conv2D":            # kh, kw, in, out -> out, in, kh, kw
                w = k.permute(3, 2, 0, 1).contiguous()
                groups = 1
            else:                         # kh, kw, in, mult -> in*mult, 1, kh, kw
                if k.shape[3] != 1:
                    raise ValueError("%s: channel multiplier != 1" % node["name"])
                w = k.permute(2, 3, 0, 1).reshape(-1, 1, k.shape[0], k.shape[1]).contiguous()
                groups = int(k.shape[2])
            layers.append(Conv(w, st[1], pad == "SAME", groups))
        elif op in ("Mul", "Add", "Minimum", "Maximum"):
            layers.append(Elementwise(op, _chan_const(consts[inputs[1]], inputs[1])))
        elif op == "Relu":
            layers.append(Elementwise(op, torch.zeros([])))
        elif op == "Mean":
            red = [int(v) for v in np.asarray(consts[inputs[1]]).reshape(-1)]
            keep = node.get("attr", {}).get("keep_dims", {}).get("b", False)
            if sorted(red) != [1, 2] or keep:
                raise ValueError("%s: expected spatial mean without keep_dims" % node["name"])
            if node["name"] != OUTPUT_NODE:
                raise ValueError("unexpected Mean node %s" % node["name"])
            break
        else:
            raise ValueError("unsupported op %s (%s)" % (op, node["name"]))
        cur = node["name"]
    net = FaceResNet(layers).eval()
    for p in net.parameters():
        p.requires_grad_(False)
    nparams = sum(p.numel() for p in net.parameters())
    nconv = sum(isinstance(l, Conv) for l in layers)
    return net, nparams, nconv, len(layers)


# ---------------------------------------------------------------- check
REFERENCE_JS = r"""
// node ref.js FACERES_DIR image.f32 out.json   (run where @tensorflow/tfjs 4.22.0 resolves)
const fs = require('fs'); const path = require('path'); const tf = require('@tensorflow/tfjs');
(async () => {
  await tf.setBackend('cpu'); await tf.ready();
  const [dir, img, out] = process.argv.slice(2);
  const g = JSON.parse(fs.readFileSync(path.join(dir, 'faceres.json')));
  const specs = [].concat(...g.weightsManifest.map((m) => m.weights));
  const bins = [].concat(...g.weightsManifest.map((m) => m.paths)).map((p) => fs.readFileSync(path.join(dir, p)));
  const b = Buffer.concat(bins);
  const model = await tf.loadGraphModel(tf.io.fromMemory({ modelTopology: g.modelTopology,
    weightSpecs: specs, weightData: b.buffer.slice(b.byteOffset, b.byteOffset + b.length) }));
  const buf = fs.readFileSync(img);
  const x = tf.mul(tf.tensor4d(new Float32Array(buf.buffer, buf.byteOffset, buf.length / 4), [1, 224, 224, 3]), 255);
  const t0 = Date.now();
  const y = model.execute(x, 'global_pooling/Mean');
  const d = Array.from(await y.data());
  console.error('backend', tf.getBackend(), 'tfjs', tf.version.tfjs, 'ms', Date.now() - t0, 'shape', y.shape);
  fs.writeFileSync(out, JSON.stringify(d));
})();
"""


def run_tfjs(package_dir, tfjs_dir):
    """Recompute the reference with node + @tensorflow/tfjs installed in tfjs_dir."""
    with tempfile.TemporaryDirectory() as td:
        img = os.path.join(td, "img.f32")
        out = os.path.join(td, "out.json")
        js = os.path.join(td, "ref.js")
        make_test_image().tofile(img)
        with open(js, "w") as f:
            f.write(REFERENCE_JS)
        env = dict(os.environ, NODE_PATH=os.path.join(os.path.abspath(tfjs_dir), "node_modules"))
        subprocess.run(["node", js, os.path.join(package_dir, "models"), img, out],
                       check=True, env=env)
        with open(out) as f:
            return np.asarray(json.load(f), np.float64)


def check(module, full_ref=None):
    x = torch.from_numpy(make_test_image()).permute(2, 0, 1).unsqueeze(0)
    with torch.no_grad():
        d = module(x)[0].double().numpy()
    if d.shape != (1024,):
        print("check FAILED: output shape %s" % (d.shape,))
        return False
    ok = True
    if full_ref is not None:
        diff = np.abs(d - full_ref)
        print("check vs TF.js (recomputed, all 1024): max abs diff %.3g, mean abs diff %.3g, "
              "|ref| %.4f" % (diff.max(), diff.mean(), np.linalg.norm(full_ref)))
        ok &= diff.max() <= CHECK_TOL
    import base64
    ref = np.frombuffer(base64.b64decode("".join(REFERENCE_TFJS_B64)), "<f4").astype(np.float64)
    diff = np.abs(d - ref)
    print("check vs stored TF.js reference: max abs diff %.3g, mean abs diff %.3g, "
          "|ref| %.4f, |ours| %.4f" % (diff.max(), diff.mean(), np.linalg.norm(ref),
                                       np.linalg.norm(d)))
    ok &= diff.max() <= CHECK_TOL
    print("check %s (tolerance %g)" % ("PASSED" if ok else "FAILED", CHECK_TOL))
    return bool(ok)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("package", nargs="?", help="unpacked @vladmandic/human package dir")
    ap.add_argument("out", nargs="?", help="output TorchScript file")
    ap.add_argument("--check", action="store_true", help="compare with the TF.js reference")
    ap.add_argument("--check-only", metavar="PT", help="only check an existing OUT.pt")
    ap.add_argument("--check-tfjs", metavar="TFJS_DIR",
                    help="also recompute the full TF.js reference with node (dir where "
                         "@tensorflow/tfjs is installed); needs PACKAGE")
    ap.add_argument("--write-test-image", metavar="F32",
                    help="write the raw float32 HWC test image (for recomputing the reference)")
    a = ap.parse_args()
    torch.set_num_threads(max(1, min(2, os.cpu_count() or 1)))
    if a.write_test_image:
        make_test_image().tofile(a.write_test_image)
        return 0
    full_ref = None
    if a.check_tfjs:
        if not a.package:
            ap.error("--check-tfjs needs PACKAGE")
        full_ref = run_tfjs(a.package, a.check_tfjs)
    if a.check_only:
        return 0 if check(torch.jit.load(a.check_only), full_ref) else 1
    if not a.package or not a.out:
        ap.error("need PACKAGE and OUT")
    t0 = time.time()
    net, nparams, nconv, nlayers = build(a.package)
    scripted = torch.jit.script(net)
    torch.jit.save(scripted, a.out)
    print("wrote %s (%d conv + %d elementwise layers, %d parameters, %.1f MB, %.1fs)"
          % (a.out, nconv, nlayers - nconv, nparams, os.path.getsize(a.out) / 1e6,
             time.time() - t0))
    if a.check or full_ref is not None:
        return 0 if check(torch.jit.load(a.out), full_ref) else 1
    return 0


# TF.js 4.22.0 (cpu backend) global_pooling/Mean on make_test_image(), all 1024 values as
# little-endian float32, base64 (sha256 of the raw bytes: 00e4d937...57dbd874); see docstring.
REFERENCE_TFJS_B64 = (
    "AAAAAAAAAAAAAAAA4CqWOwAAAAAAAAAAAAAAAM60UD8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAE5ApzwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAzfyKPgAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAINanTwAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "bm/COwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAKviA9"
    "AAAAAAAAAAAAAAAAqDR6PAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAABeBiE7"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAkG3oPgAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAkFcRPQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAKwX0TsAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA7Q+0PwAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAP2Zrj0AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAPZ4OjwAAAAAAAAAAFWg8z4AAAAA"
    "J8HcPQAAAAAAAAAAAAAAAAAAAADwogc8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAANsBNTwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAXhNRPQAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAABasGQ+AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAB4Xf48AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAaDynOwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAPG1bz4AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAABamCQ+AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAOGrc9AAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAACWWkPgAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAABOZWM8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAADhvS89AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAC9s6M+AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAmNlI/AAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAIyAc8AAAAAAAAAAAAAAAAAAAAAI2z0zuQuVw9AAAAAAAAAADuUDM9AAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA0cjwOwAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAICDADwAAAAAAAAAAAAAAAAAAAAA0WsPPQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAau79OwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAACZW+g+AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAA=="
)


if __name__ == "__main__":
    sys.exit(main())
