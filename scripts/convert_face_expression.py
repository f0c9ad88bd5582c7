#!/usr/bin/python3
"""Rebuild face-api's FaceExpressionNet (7 expressions: neutral, happy, sad, angry, fearful,
disgusted, surprised) in PyTorch and export it as TorchScript.

Usage:
  /usr/bin/python3 scripts/convert_face_expression.py CACHE/package OUT.pt [--check]
  /usr/bin/python3 scripts/convert_face_expression.py --check-only OUT.pt
  /usr/bin/python3 scripts/convert_face_expression.py --write-test-image FILE.f32

CACHE/package is the unpacked `npm pack @vladmandic/face-api@1.7.15` tarball (see
scripts/fetch_face_models.sh). Weights come from model/face_expression_model.bin and its
weights manifest (uint8-quantised filters, dequantised as TF.js does); nothing is downloaded.

Architecture (transcribed from the package's src/faceFeatureExtractor/FaceFeatureExtractor.ts,
denseBlock.ts, common/depthwiseSeparableConv.ts and faceProcessor/FaceProcessor.ts):
  x (NHWC, 0..255, 112x112) -> (x - [122.782, 117.001, 104.298]) / 255
  denseBlock4 x4 (dense0: 3->32, dense1: 32->64, dense2: 64->128, dense3: 128->256), each:
      out1 = relu(conv0(x))            conv0 stride 2 'same' (dense0: full 3x3 conv + bias,
                                       others: depthwise 3x3 + pointwise 1x1 + bias)
      out2 = sep(out1); out3 = sep(relu(out1 + out2)); out4 = sep(relu(out1 + out2 + out3))
      return relu(out1 + out2 + out3 + out4)      (sep: separable conv stride 1 'same' + bias)
  avg-pool 7x7 s2 'valid' (7x7 -> 1x1) -> flatten 256 -> fc [256, 7] + bias -> logits
  face-api's predictExpressions returns softmax(logits).
TF's 'same' padding with stride 2 on an even input pads 0 before and 1 after, so the stride-2
convolutions pad right/bottom by one explicitly instead of PyTorch's symmetric padding.

Exported module: forward(x: N x 3 x H x W RGB float in [0, 1]) -> N x 7 LOGITS (before
face-api's softmax). Inputs that are not 112x112 are resized to 112x112 (bilinear,
align_corners=False, no antialias); face-api itself zero-pads non-square inputs to a centred
square first and uses TF's legacy bilinear resize, so only 112x112 inputs match exactly.

--check: runs the exported model on a deterministic synthetic 112x112 image (tfjs_weights.
test_pattern) and compares the logits and the softmax with REFERENCE_TFJS_LOGITS /
REFERENCE_TFJS_PROBS, computed with face-api 1.7.15's own FaceExpressionNet (runNet and
forwardInput) under @tensorflow/tfjs 4.22.0 (pure-JS 'cpu' backend, node 20) on 2026-12-02;
recipe: `npm install @tensorflow/tfjs@4.22.0` in a scratch dir, load
dist/face-api.node.js with `@tensorflow/tfjs-node` resolved to a shim re-exporting
`@tensorflow/tfjs`, nets.faceExpressionNet.loadFromDisk(package/model), then
runNet/forwardInput on the test image written with --write-test-image as a [1,112,112,3]
tensor (toNetInput, then net.runNet and net.forwardInput). The same comparison on 16 Haar face
crops of the package's demo photos (crop_faces.py --jitter 12 output, every 13th, resized to
112x112 with cv2 INTER_AREA, fed to both as one batch) gave logits max abs diff 5.3e-6 (|logit|
up to 19.1), the same top expression for all 16 (2026-12-02; crops not stored: real people).
"""
import os
import sys

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from tfjs_weights import converter_main, read_face_api_weights, test_pattern

MEAN_RGB = (122.782, 117.001, 104.298)
INPUT_SIZE = 112
EXPRESSIONS = ("neutral", "happy", "sad", "angry", "fearful", "disgusted", "surprised")
CHECK_TOL = 1e-4   # logits; TF.js cpu vs PyTorch summation order


def make_test_image():
    """Deterministic 112x112x3 float32 image, values 0..255 (integers), HWC RGB."""
    return test_pattern(INPUT_SIZE)


def load_weights(package_dir):
    return read_face_api_weights(package_dir, "face_expression_model")


class SepConv(nn.Module):
    """Depthwise 3x3 + pointwise 1x1 + bias, TF 'same' padding."""

    def __init__(self, cin: int, cout: int, stride: int):
        super().__init__()
        self.stride = stride
        self.dw = nn.Conv2d(cin, cin, 3, stride=stride, padding=0, groups=cin, bias=False)
        self.pw = nn.Conv2d(cin, cout, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = same_pad(x, self.stride)
        return self.pw(self.dw(x))


class FirstConv(nn.Module):
    """dense0/conv0: a full 3x3 convolution + bias, stride 2, TF 'same' padding."""

    def __init__(self, cin: int, cout: int):
        super().__init__()
        self.conv = nn.Conv2d(cin, cout, 3, stride=2, padding=0)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.conv(same_pad(x, 2))


def same_pad(x: torch.Tensor, stride: int) -> torch.Tensor:
    """TF 'same' padding for a 3x3 kernel: total pad = max((ceil(n/s)-1)*s + 3 - n, 0),
    the smaller half before."""
    h = x.shape[2]
    w = x.shape[3]
    ph = max((-(-h // stride) - 1) * stride + 3 - h, 0)
    pw = max((-(-w // stride) - 1) * stride + 3 - w, 0)
    return F.pad(x, [pw // 2, pw - pw // 2, ph // 2, ph - ph // 2])


class DenseBlock4(nn.Module):
    def __init__(self, cin: int, cout: int, first: bool):
        super().__init__()
        self.conv0 = FirstConv(cin, cout) if first else SepConv(cin, cout, 2)
        self.conv1 = SepConv(cout, cout, 1)
        self.conv2 = SepConv(cout, cout, 1)
        self.conv3 = SepConv(cout, cout, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out1 = F.relu(self.conv0(x))
        out2 = self.conv1(out1)
        out3 = self.conv2(F.relu(out1 + out2))
        out4 = self.conv3(F.relu(out1 + out2 + out3))
        return F.relu(out1 + out2 + out3 + out4)


class FaceExpressionNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.dense0 = DenseBlock4(3, 32, True)
        self.dense1 = DenseBlock4(32, 64, False)
        self.dense2 = DenseBlock4(64, 128, False)
        self.dense3 = DenseBlock4(128, 256, False)
        self.fc = nn.Linear(256, 7)
        self.register_buffer("mean", torch.tensor(MEAN_RGB, dtype=torch.float32).view(1, 3, 1, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if x.shape[2] != 112 or x.shape[3] != 112:
            x = F.interpolate(x, size=[112, 112], mode="bilinear", align_corners=False)
        x = (x * 255.0 - self.mean) / 255.0
        x = self.dense3(self.dense2(self.dense1(self.dense0(x))))
        x = F.avg_pool2d(x, 7, 2)
        return self.fc(x.flatten(1))


def t(a):
    return torch.from_numpy(np.ascontiguousarray(a))


def build(package_dir):
    w = load_weights(package_dir)
    net = FaceExpressionNet()
    used = set()

    def take(name):
        used.add(name)
        return w[name]

    for b in range(4):
        blk = getattr(net, "dense%d" % b)
        for c in range(4):
            p = "dense%d/conv%d/" % (b, c)
            mod = getattr(blk, "conv%d" % c)
            if isinstance(mod, FirstConv):
                mod.conv.weight.data.copy_(t(take(p + "filters")).permute(3, 2, 0, 1))
                mod.conv.bias.data.copy_(t(take(p + "bias")))
            else:
                dw = take(p + "depthwise_filter")            # kh, kw, cin, 1
                mod.dw.weight.data.copy_(t(dw).permute(2, 3, 0, 1))
                pw = take(p + "pointwise_filter")            # 1, 1, cin, cout
                mod.pw.weight.data.copy_(t(pw).permute(3, 2, 0, 1))
                mod.pw.bias.data.copy_(t(take(p + "bias")))
    net.fc.weight.data.copy_(t(take("fc/weights")).t())
    net.fc.bias.data.copy_(t(take("fc/bias")))
    unused = set(w) - used
    if unused:
        raise ValueError("unused tensors in manifest: %s" % sorted(unused))
    nparams = sum(p.numel() for p in net.parameters())
    return net.eval(), nparams


def check(module):
    img = make_test_image()
    x = torch.from_numpy(img / 255.0).float().permute(2, 0, 1).unsqueeze(0)
    with torch.no_grad():
        logits = module(x)[0].double()
    probs = torch.softmax(logits, 0).numpy()
    logits = logits.numpy()
    ref = np.asarray(REFERENCE_TFJS_LOGITS, np.float64)
    refp = np.asarray(REFERENCE_TFJS_PROBS, np.float64)
    diff = np.abs(logits - ref)
    print("ours logits %s" % np.array2string(logits, precision=5))
    print("TF.js logits %s" % np.array2string(ref, precision=5))
    print("check vs face-api/TF.js reference: logits max abs diff %.3g, softmax max abs diff "
          "%.3g, argmax ours %s / TF.js %s" % (diff.max(), np.abs(probs - refp).max(),
                                             EXPRESSIONS[int(logits.argmax())],
                                             EXPRESSIONS[int(ref.argmax())]))
    ok = diff.max() <= CHECK_TOL
    print("check %s (tolerance %g)" % ("PASSED" if ok else "FAILED", CHECK_TOL))
    return ok


def main():
    return converter_main(__doc__, build, check, make_test_image, threads=1)

REFERENCE_TFJS_LOGITS = [
    -2.4926438331604004, -4.938775062561035, -3.1839632987976074, -3.673985004425049,
    -5.143292427062988, -5.907556056976318, -7.586259841918945,
]
REFERENCE_TFJS_PROBS = [
    0.49899446964263916, 0.0432269349694252, 0.24995365738868713, 0.15312489867210388,
    0.035231705754995346, 0.016406584531068802, 0.0030617264565080404,
]

if __name__ == "__main__":
    sys.exit(main())
