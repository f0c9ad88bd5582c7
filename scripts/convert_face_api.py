#!/usr/bin/python3
"""Rebuild dlib's ResNet face descriptor (as ported to TF.js by @vladmandic/face-api,
`face_recognition_model`, 128-d output) in PyTorch and export it as TorchScript.

Usage:
  /usr/bin/python3 scripts/convert_face_api.py CACHE/package OUT.pt [--check]
  /usr/bin/python3 scripts/convert_face_api.py --check-only OUT.pt
  /usr/bin/python3 scripts/convert_face_api.py CACHE/package --write-test-image FILE.f32

CACHE/package is the unpacked `npm pack @vladmandic/face-api@1.7.15` tarball (see
scripts/fetch_face_models.sh). Weights are read from
model/face_recognition_model-weights_manifest.json + model/face_recognition_model.bin;
nothing is downloaded here and nothing is written into the repository except OUT.pt.

Architecture (transcribed from the package's src/faceRecognitionNet/*.ts):
  x (NHWC, 0..255) -> (x - [122.782, 117.001, 104.298]) / 255      (face-api divides by 255;
                                                                     dlib itself uses 256)
  conv32_down: conv 7x7 s2 'valid' + bias, scale layer (x*w+b), relu
  max-pool 3x3 s2 'valid'
  residual (conv32_1..3): conv3x3 'same' -> scale -> relu -> conv3x3 'same' -> scale,
                          + x, relu
  residualDown (conv64_down, conv128_down, conv256_down, conv256_down_out):
      out = conv3x3 s2 'valid' -> scale -> relu -> conv3x3 'same' -> scale
      shortcut = avg-pool 2x2 s2 'valid' of x, channels zero-padded (concat zeros) when
                 the block doubles them; if out is one row/column smaller than the
                 shortcut, out is zero-padded at the bottom/right; then add, relu
  stages: 32 x3, 64 down + x3, 128 down + x2, 256 down + x2, 256 down_out
  spatial mean -> matmul with fc [256, 128] -> 128-d descriptor (not normalised)
Each scale layer is folded into the preceding convolution (w' = w*s, b' = b*s + c).

Exported module: forward(x: N x 3 x H x W RGB float in [0, 1]) -> N x 128. Inputs that are
not 150x150 are resized to 150x150 with bilinear interpolation (align_corners=False, no
antialias). Note face-api itself first zero-pads non-square inputs to a square (centred)
and uses TF's legacy (non half-pixel) bilinear resize, so only 150x150 inputs match
face-api exactly.

--check: runs the exported TorchScript model on a deterministic synthetic 150x150 image
(make_test_image below) and compares with REFERENCE_TFJS, the descriptor produced by
face-api 1.7.15's own FaceRecognitionNet.computeFaceDescriptor on the same image under
@tensorflow/tfjs 4.22.0 (pure-JS 'cpu' backend, node 20), computed 2026-11-23.
To recompute: write the image with --write-test-image, `npm install @tensorflow/tfjs@4.22.0`
in a scratch dir, load the package's dist/face-api.node.js with `@tensorflow/tfjs-node`
resolved to a one-line shim re-exporting `@tensorflow/tfjs`, setBackend('cpu'),
nets.faceRecognitionNet.loadFromDisk(package/model), then computeFaceDescriptor on
tf.tensor3d(image, [150, 150, 3]). The same comparison on 22 face crops from the package's
demo photos (ssdMobilenetv1 + landmark-aligned boxes, face-api's own 150x150 net input)
gave max abs diff 4.3e-7.
"""
import os
import sys

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from tfjs_weights import converter_main, read_face_api_weights, test_pattern

MEAN_RGB = (122.782, 117.001, 104.298)
INPUT_SIZE = 150

# REFERENCE_TFJS (end of file): face-api/TF.js descriptor of make_test_image(); see docstring.
CHECK_TOL = 1e-5


def make_test_image():
    """Deterministic 150x150x3 float32 image, values 0..255 (integers), HWC RGB."""
    return test_pattern(INPUT_SIZE)


# ---------------------------------------------------------------- weight loading
def load_weights(package_dir):
    return read_face_api_weights(package_dir, "face_recognition_model")


# ---------------------------------------------------------------- model
class FaceDescriptorNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv32_down = nn.Conv2d(3, 32, 7, stride=2, padding=0)
        blocks = []
        self.block_names = []
        specs = [("conv32_1", 32, 32, False), ("conv32_2", 32, 32, False), ("conv32_3", 32, 32, False),
                 ("conv64_down", 32, 64, True), ("conv64_1", 64, 64, False),
                 ("conv64_2", 64, 64, False), ("conv64_3", 64, 64, False),
                 ("conv128_down", 64, 128, True), ("conv128_1", 128, 128, False),
                 ("conv128_2", 128, 128, False),
                 ("conv256_down", 128, 256, True), ("conv256_1", 256, 256, False),
                 ("conv256_2", 256, 256, False), ("conv256_down_out", 256, 256, True)]
        for name, cin, cout, down in specs:
            blocks.append(ResBlock(cin, cout, down))
            self.block_names.append(name)
        self.blocks = nn.ModuleList(blocks)
        self.fc = nn.Linear(256, 128, bias=False)
        self.register_buffer("mean", torch.tensor(MEAN_RGB, dtype=torch.float32).view(1, 3, 1, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if x.shape[2] != 150 or x.shape[3] != 150:
            x = F.interpolate(x, size=[150, 150], mode="bilinear", align_corners=False)
        x = (x * 255.0 - self.mean) / 255.0
        x = F.relu(self.conv32_down(x))
        x = F.max_pool2d(x, 3, 2)
        for blk in self.blocks:
            x = blk(x)
        x = x.mean(dim=[2, 3])
        return self.fc(x)


class ResBlock(nn.Module):
    def __init__(self, cin: int, cout: int, down: bool):
        super().__init__()
        self.down = down
        self.extra = cout - cin
        if down:
            self.conv1 = nn.Conv2d(cin, cout, 3, stride=2, padding=0)
        else:
            self.conv1 = nn.Conv2d(cin, cout, 3, stride=1, padding=1)
        self.conv2 = nn.Conv2d(cout, cout, 3, stride=1, padding=1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out = self.conv2(F.relu(self.conv1(x)))
        if self.down:
            sc = F.avg_pool2d(x, 2, 2)
            dh = sc.shape[2] - out.shape[2]
            dw = sc.shape[3] - out.shape[3]
            if dh != 0 or dw != 0:
                out = F.pad(out, [0, dw, 0, dh])
            if self.extra > 0:
                sc = torch.cat([sc, torch.zeros_like(sc)], dim=1)
            return F.relu(out + sc)
        return F.relu(out + x)


def fold(conv, w, prefix):
    filt = w[prefix + "/conv/filters"]          # kh, kw, in, out
    bias = w[prefix + "/conv/bias"]
    s = w[prefix + "/scale/weights"]
    c = w[prefix + "/scale/biases"]
    k = torch.from_numpy(filt.astype(np.float64)).permute(3, 2, 0, 1)
    s64 = torch.from_numpy(s.astype(np.float64))
    wt = k * s64.view(-1, 1, 1, 1)
    bt = torch.from_numpy(bias.astype(np.float64)) * s64 + torch.from_numpy(c.astype(np.float64))
    assert conv.weight.shape == wt.shape, (prefix, conv.weight.shape, wt.shape)
    conv.weight.data.copy_(wt.float())
    conv.bias.data.copy_(bt.float())
    return {prefix + "/conv/filters", prefix + "/conv/bias", prefix + "/scale/weights",
            prefix + "/scale/biases"}


def build(package_dir):
    w = load_weights(package_dir)
    net = FaceDescriptorNet()
    used = set()
    used |= fold(net.conv32_down, w, "conv32_down")
    for name, blk in zip(net.block_names, net.blocks):
        used |= fold(blk.conv1, w, name + "/conv1")
        used |= fold(blk.conv2, w, name + "/conv2")
    net.fc.weight.data.copy_(torch.from_numpy(w["fc"]).t())
    used.add("fc")
    unused = set(w) - used
    if unused:
        raise ValueError("unused tensors in manifest: %s" % sorted(unused))
    nparams = sum(p.numel() for p in net.parameters())
    return net.eval(), nparams


def check(module):
    img = make_test_image()
    x = torch.from_numpy(img / 255.0).float().permute(2, 0, 1).unsqueeze(0)
    with torch.no_grad():
        d = module(x)[0].double().numpy()
    ref = np.asarray(REFERENCE_TFJS, np.float64)
    diff = np.abs(d - ref)
    print("check vs face-api/TF.js reference: max abs diff %.3g, mean abs diff %.3g, "
          "|ref| %.4f, |ours| %.4f" % (diff.max(), diff.mean(), np.linalg.norm(ref),
                                       np.linalg.norm(d)))
    ok = diff.max() <= CHECK_TOL
    print("check %s (tolerance %g)" % ("PASSED" if ok else "FAILED", CHECK_TOL))
    return ok


def main():
    return converter_main(__doc__, build, check, make_test_image, threads=max(1, min(2, os.cpu_count() or 1)))

REFERENCE_TFJS = [
    -0.06260444968938828, 0.13255374133586884, 0.09533307701349258, -0.06628354638814926,
    -0.0934465080499649, -0.04110076650977135, -0.10121757537126541, -0.0197954922914505,
    0.1493474245071411, -0.047633811831474304, 0.21004913747310638, -0.005926069337874651,
    -0.23788006603717804, 0.0026709018275141716, -0.02291535772383213, 0.10703059285879135,
    -0.1521752029657364, -0.09159436076879501, -0.11354302614927292, -0.11390998214483261,
    0.012864621356129646, 0.015213889069855213, -0.008122308179736137, 0.025601603090763092,
    -0.11455916613340378, -0.2517286241054535, -0.05187099426984787, -0.1054365262389183,
    0.0547533817589283, -0.19548000395298004, 0.034249015152454376, 0.017499303445219994,
    -0.14785504341125488, -0.01732005551457405, -0.0288980882614851, 0.039496198296546936,
    0.016432251781225204, -0.11871524900197983, 0.12960359454154968, -0.052222929894924164,
    -0.1767982840538025, -0.03399604186415672, 0.02554500661790371, 0.27132928371429443,
    0.1714739054441452, 0.0456928089261055, 0.025981755927205086, -0.04889222979545593,
    0.08839007467031479, -0.2774464786052704, 0.03963582590222359, 0.12332946807146072,
    -0.006980037782341242, 0.10085605084896088, 0.08425366878509521, -0.22346073389053345,
    0.030247807502746582, 0.09111568331718445, -0.13857196271419525, 0.04444199427962303,
    0.04335338622331619, -0.07098404318094254, -0.03724151849746704, -0.14276397228240967,
    0.25176873803138733, 0.09827911853790283, -0.11680973321199417, -0.1410999894142151,
    0.13471299409866333, -0.14855656027793884, -0.027939574792981148, 0.13243143260478973,
    -0.09414107352495193, -0.14278316497802734, -0.23278802633285522, 0.06962552666664124,
    0.36369335651397705, 0.18003134429454803, -0.13320744037628174, 0.0477907657623291,
    -0.09798068553209305, -0.02548190765082836, -0.015010450966656208, 0.07185780256986618,
    -0.04143655672669411, 0.045439980924129486, -0.06818652153015137, 0.05619961395859718,
    0.1994241327047348, -0.04813495650887489, 0.03630908206105232, 0.2189026027917862,
    -0.021527646109461784, -0.020483000203967094, -0.041589610278606415, 0.03250974789261818,
    -0.11085385084152222, 0.030641580000519753, -0.05342902988195419, 0.020368384197354317,
    0.09833104908466339, -0.09670275449752808, 0.014090790413320065, 0.0919569581747055,
    -0.18673862516880035, 0.129615917801857, 0.0016352873062714934, -0.004233845975250006,
    0.014042302966117859, 0.03542206436395645, -0.01959935389459133, -0.04906679689884186,
    0.21474185585975647, -0.29230862855911255, 0.21369600296020508, 0.21125230193138123,
    0.07880935072898865, 0.1367737054824829, 0.012052970938384533, 0.13242609798908234,
    -0.004722828045487404, -0.044182583689689636, -0.1291070282459259, -0.049093201756477356,
    -0.014274002984166145, -0.047897640615701675, -0.03875979408621788, 0.05842982977628708,
]

if __name__ == "__main__":
    sys.exit(main())
