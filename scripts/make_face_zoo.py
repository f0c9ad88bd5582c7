#!/usr/bin/python3
"""Build a small zoo of real face-verification models (TorchScript + manifest.tsv) for SAC-JC.

Usage:
  /usr/bin/python3 scripts/make_face_zoo.py CACHE OUT_DIR [--size small|full|zoo] [--threads 2]

CACHE is the directory filled by scripts/fetch_face_models.sh (CACHE/package = face-api,
CACHE/human-package = human). Nothing is downloaded. Everything (models, manifest, face
crops used for training) goes to OUT_DIR, which must be outside the repository: the demo
photos in the packages show real people.

Models (every one takes N x 3 x H x W RGB in [0,1], any size, and resizes internally):
  victim_dlib.pt          victim       dlib ResNet descriptor (face-api port, 128-d)
  stolen_finetune.pt      stolen       dlib fine-tuned on augmented face crops: batch-hard
                                       triplet loss on L2-normalised embeddings (faces as
                                       identities, P x K batches), Adam, all layers
  stolen_prune30.pt       stolen       dlib with 30% of each conv/linear weight tensor
                                       zeroed (smallest |w|, per layer; no retraining)
  stolen_half.pt          stolen       dlib with weights cast to fp16 and back to fp32
  stolen_distill_s{0,1}.pt stolen      SmallFaceNet students (2 seeds) trained to
                                       reproduce dlib's 128-d embedding (MSE + cosine) on
                                       augmented face crops and natural (non-face) crops
  indep_faceres.pt        independent  human's faceres descriptor (1024-d)
  indep_distill_s{0,1}.pt independent  SmallFaceNet students (same 2 seeds, same recipe,
                                       same data) distilled from faceres (1024-d output)
Manifest columns: file, role, family, baseline (independent group for stolen rows), arch.

Training images: face boxes found by crop_faces.py's Haar detector in the packages' demo
photos; every training sample is a fresh random crop (shift, scale, flip, brightness,
contrast) of a photo, so probes made by crop_faces.py --jitter are related but not equal.

--size small (default) took about 19 minutes on 2 cores (measured; the triplet fine-tune and
the four students dominate); full trains longer.

--size zoo: the larger zoo (issue 15 item 4), 4 models per stolen family and 9 independent
ones. Victim and panel networks are copied from CACHE/panel (scripts/fetch_face_panel.sh, run
if CACHE/panel/panel.tsv is missing).
  victim_dlib.pt                      victim  CACHE/panel/dlib.pt
  stolen_finetune_lr{1e-5,3e-5,1e-4,2e-4}.pt  batch-hard triplet fine-tune as above (all layers,
                                      Adam, same batches), 4 learning rates
  stolen_arcface_{retrain,replace}_m{20,50}.pt  frozen backbone; the last linear layer (256 ->
                                      128) retrained from the victim's weights or replaced by a
                                      fresh one, under an ArcFace head (s 30, additive angular
                                      margin 0.2 or 0.5) over the detected faces as identities
  stolen_prune{20,30,50,70}.pt        magnitude pruning per layer, no retraining
  stolen_cast_{fp16,bf16}.pt          weights cast and back to fp32
  stolen_cast_int8_{tensor,channel}.pt  symmetric int8 quantise-dequantise of conv/linear
                                      weights, per tensor or per output channel
  stolen_noise{002,005,010,020}.pt    Gaussian weight noise, std 0.02..0.2 x each tensor's std
  stolen_distill_{dwfacenet,smallfacenet}_s{0,1}.pt  students of dlib's embedding, two
                                      architectures (DWFaceNet: depthwise-separable; SmallFaceNet)
                                      at 64x64, 2 seeds, 600 steps on a pool of 1024 crops
                                      (3/4 faces), centred targets (see distill())
  indep_{faceres,faceres-deep,mobileface}.pt  the panel's networks (faceres and faceres-deep
                                      share a lineage)
  indep_distill_{faceres,faceres-deep,mobileface}_{dwfacenet,smallfacenet}_s0.pt  students of
                                      the three panel networks with exactly the dlib students'
                                      recipe (pool, steps, architectures; seed 0)
The manifest is written as OUT_DIR/manifest.tsv.partial after every model, renamed to
manifest.tsv at the end; a rerun into the same OUT_DIR keeps the models the partial manifest
lists, so a stopped build resumes. Measured 2026-12-02 on 2 cores (shared with a Docker build
for most of the students): 38.5 minutes in all; weight copies, ArcFace heads and fine-tunes
under a minute, the panel's embeddings of the 1024-crop pool about 3 minutes, the 10 students
of 600 steps 35 minutes.
Pointwise fidelity (mean cosine to the teacher on 64 held-out crops): prune 0.99 / 0.98 /
0.86 / 0.62, casts >= 0.999, noise 0.999 / 0.993 / 0.975 / 0.906, fine-tunes 0.94 (lr 1e-5)
and 0.23 / 0.11 / -0.01 (the triplet loss removes the component all faces share, so the
cosine drops while the pairwise structure can stay), ArcFace retrain 0.29 / 0.25 and replace
0.03, students of dlib 0.93 - 0.95, of faceres 0.55 - 0.63, of mobileface 0.41 - 0.46 (the
earlier recipe). Structure (1 - rsa on the same crops, printed since 2026-12-02): prune 0.97 /
0.91 / 0.70 / 0.16, casts >= 0.996, noise 0.995 / 0.966 / 0.881 / 0.738, ArcFace retrain
0.79 / 0.76 and replace 0.78 / 0.83, fine-tunes 0.73 / 0.41 / 0.36 / 0.25.
"""
import argparse
import glob
import math
import os
import shutil
import subprocess
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import crop_faces  # noqa: E402  (detector + crop helpers)

cv2 = crop_faces.cv2

SIZES = {
    # pool = distillation images; ft = fine-tune steps (P identities x K crops)
    "small": dict(pool=640, ft_steps=60, ft_p=4, ft_k=3, st_steps=500, st_batch=32),
    "full": dict(pool=2000, ft_steps=300, ft_p=6, ft_k=4, st_steps=2000, st_batch=48),
    # the larger zoo (build_zoo): several models per family, panel networks as independents;
    # st_size = student input size; af = ArcFace head retrain (crops per identity, steps, ...)
    "zoo": dict(pool=1024, ft_steps=30, ft_p=4, ft_k=3, st_steps=600, st_batch=32, st_size=64,
                af_per_id=24, af_steps=200, af_batch=64, af_lr=0.01),
}


class SmallFaceNet(nn.Module):
    """Small CNN face descriptor: 5 conv stages on a size x size resize (96 unless given),
    GAP, linear to dim."""

    def __init__(self, dim: int, size: int = 96):
        super().__init__()
        self.size = size
        ch = [3, 32, 64, 96, 128, 192]
        layers = []
        for i in range(5):
            layers += [nn.Conv2d(ch[i], ch[i + 1], 3, stride=2 if i > 0 else 1, padding=1,
                                 bias=False),
                       nn.BatchNorm2d(ch[i + 1]), nn.ReLU(inplace=True)]
            if i > 0:
                layers += [nn.Conv2d(ch[i + 1], ch[i + 1], 3, padding=1, bias=False),
                           nn.BatchNorm2d(ch[i + 1]), nn.ReLU(inplace=True)]
        self.features = nn.Sequential(*layers)
        self.fc = nn.Linear(ch[-1], dim)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if x.size(2) != self.size or x.size(3) != self.size:
            x = F.interpolate(x, size=[self.size, self.size], mode="bilinear",
                              align_corners=False)
        x = (x - 0.5) / 0.25
        x = self.features(x)
        return self.fc(x.mean(dim=[2, 3]))


class DWFaceNet(nn.Module):
    """MobileNet-like face descriptor (a second student architecture, unlike SmallFaceNet):
    a 3x3 stride-2 stem, then 8 depthwise-separable blocks (3x3 depthwise + 1x1 pointwise,
    BatchNorm, ReLU6) on a size x size resize, GAP, linear to dim."""

    def __init__(self, dim: int, size: int = 64):
        super().__init__()
        self.size = size

        def cbr(cin: int, cout: int, stride: int, groups: int = 1, k: int = 3):
            return [nn.Conv2d(cin, cout, k, stride, k // 2, groups=groups, bias=False),
                    nn.BatchNorm2d(cout), nn.ReLU6(inplace=True)]

        layers = cbr(3, 32, 2)
        for cin, cout, stride in [(32, 64, 1), (64, 96, 2), (96, 96, 1), (96, 128, 2),
                                  (128, 128, 1), (128, 192, 2), (192, 192, 1), (192, 256, 1)]:
            layers += cbr(cin, cin, stride, groups=cin) + cbr(cin, cout, 1, k=1)
        self.features = nn.Sequential(*layers)
        self.fc = nn.Linear(256, dim)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if x.size(2) != self.size or x.size(3) != self.size:
            x = F.interpolate(x, size=[self.size, self.size], mode="bilinear",
                              align_corners=False)
        x = (x - 0.5) / 0.25
        x = self.features(x)
        return self.fc(x.mean(dim=[2, 3]))


# ----------------------------------------------------------------------------- data
def load_faces(cache):
    """Photos (RGB uint8 arrays) and face boxes (photo index, x, y, w, h)."""
    paths = sorted(set(glob.glob(os.path.join(cache, "package", "demo", "sample*.jpg")) +
                       glob.glob(os.path.join(cache, "human-package", "assets", "sample*.jpg"))))
    cascade = cv2.CascadeClassifier(crop_faces.CASCADE)
    eyes = cv2.CascadeClassifier(crop_faces.EYES)
    photos, faces = [], []
    for p in paths:
        img = cv2.imread(p, cv2.IMREAD_COLOR)
        if img is None:
            continue
        boxes = crop_faces.detect(cascade, img, 0.03, 6, eyes)
        # downscale big photos once so that random crops are cheap
        s = min(1.0, 800.0 / max(img.shape[:2]))
        if s < 1.0:
            img = cv2.resize(img, None, fx=s, fy=s, interpolation=cv2.INTER_AREA)
        pi = len(photos)
        photos.append(np.ascontiguousarray(img[:, :, ::-1]))  # RGB
        faces += [(pi, x * s, y * s, w * s, h * s) for (x, y, w, h) in boxes]
    if not faces:
        sys.exit("make_face_zoo.py: no faces detected in %s" % cache)
    return photos, faces


def aug_face(rng, photos, face, size=150):
    pi, x, y, w, h = face
    cx = x + w / 2 + rng.uniform(-0.15, 0.15) * w
    cy = y + h / 2 + rng.uniform(-0.15, 0.15) * h
    side = max(w, h) * 1.5 * rng.uniform(0.8, 1.25)
    c = crop_faces.crop(photos[pi], cx, cy, side, size, rng.rand() < 0.5)
    return jitter_colour(rng, c)


def aug_natural(rng, photos, size=150):
    img = photos[rng.randint(len(photos))]
    h, w = img.shape[:2]
    side = rng.uniform(0.1, 0.6) * min(h, w)
    cx, cy = rng.uniform(side / 2, w - side / 2), rng.uniform(side / 2, h - side / 2)
    return jitter_colour(rng, crop_faces.crop(img, cx, cy, side, size, rng.rand() < 0.5))


def jitter_colour(rng, c):
    c = c.astype(np.float32) / 255.0
    c = (c - 0.5) * rng.uniform(0.8, 1.2) + 0.5 + rng.uniform(-0.1, 0.1)
    return np.clip(c, 0, 1)


def to_tensor(crops):
    return torch.from_numpy(np.stack(crops).transpose(0, 3, 1, 2).copy())


@torch.no_grad()
def embed(model, x, bs=32):
    return torch.cat([model(x[i:i + bs]) for i in range(0, len(x), bs)])


# ----------------------------------------------------------------------------- models
def finetune(victim_path, photos, faces, cfg, seed, lr=1e-4):
    torch.manual_seed(seed)
    rng = np.random.RandomState(seed)
    m = torch.jit.load(victim_path)
    m.train()
    opt = torch.optim.Adam(m.parameters(), lr=lr)
    n_id = len(faces)
    P, K = min(cfg["ft_p"], n_id), cfg["ft_k"]
    for step in range(cfg["ft_steps"]):
        ids = rng.choice(n_id, P, replace=False)
        x = to_tensor([aug_face(rng, photos, faces[i]) for i in ids for _ in range(K)])
        lab = torch.tensor(np.repeat(np.arange(P), K))
        e = F.normalize(m(x), dim=1)
        d = torch.cdist(e, e)
        same = lab[:, None] == lab[None, :]
        hard_pos = (d * same.float()).max(1).values
        hard_neg = (d + same.float() * 10).min(1).values
        loss = F.relu(hard_pos - hard_neg + 0.2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
        if step % 20 == 0 or step == cfg["ft_steps"] - 1:
            print("  finetune step %d loss %.4f" % (step, loss.item()), flush=True)
    m.eval()
    return m


def prune(victim_path, frac=0.3):
    """Zero the smallest-|w| fraction frac of every conv/linear weight tensor (per layer)."""
    m = torch.jit.load(victim_path)
    with torch.no_grad():
        for name, p in m.named_parameters():
            if p.dim() >= 2:  # conv / linear weights, per layer
                k = int(frac * p.numel())
                if k > 0:
                    thr = p.abs().flatten().kthvalue(k).values
                    p[p.abs() <= thr] = 0.0
    return m


def half(victim_path):
    m = torch.jit.load(victim_path)
    with torch.no_grad():
        for _, p in m.named_parameters():
            p.copy_(p.half().float())
        for _, b in m.named_buffers():
            if b.is_floating_point():
                b.copy_(b.half().float())
    return m


def bf16(victim_path):
    """Weights and float buffers cast to bfloat16 and back to fp32."""
    m = torch.jit.load(victim_path)
    with torch.no_grad():
        for _, p in m.named_parameters():
            p.copy_(p.bfloat16().float())
        for _, b in m.named_buffers():
            if b.is_floating_point():
                b.copy_(b.bfloat16().float())
    return m


def int8(victim_path, per_channel):
    """Symmetric int8 quantise-dequantise of every conv/linear weight tensor (scale = max |w| /
    127, per tensor or per output channel); biases stay fp32, as int8 weight-only schemes do."""
    m = torch.jit.load(victim_path)
    with torch.no_grad():
        for _, p in m.named_parameters():
            if p.dim() < 2:
                continue
            if per_channel:
                amax = p.abs().flatten(1).max(1).values.view(-1, *([1] * (p.dim() - 1)))
            else:
                amax = p.abs().max()
            scale = torch.clamp(amax, min=1e-12) / 127.0
            p.copy_(torch.clamp(torch.round(p / scale), -127, 127) * scale)
    return m


def noise(victim_path, level, seed):
    """Gaussian noise added to every parameter tensor, std = level x that tensor's std."""
    g = torch.Generator().manual_seed(seed)
    m = torch.jit.load(victim_path)
    with torch.no_grad():
        for _, p in m.named_parameters():
            sd = p.std() if p.numel() > 1 else p.abs().mean()
            p.add_(torch.randn(p.shape, generator=g) * sd * level)
    return m


def backbone(m, x):
    """dlib.pt's forward without its last linear layer: the 256-d pooled features. Uses the
    scripted module's own submodules (convert_face_api.FaceDescriptorNet's layout)."""
    if x.shape[2] != 150 or x.shape[3] != 150:
        x = F.interpolate(x, size=[150, 150], mode="bilinear", align_corners=False)
    x = (x * 255.0 - m.mean) / 255.0
    x = F.max_pool2d(F.relu(m.conv32_down(x)), 3, 2)
    for i in range(14):
        x = getattr(m.blocks, str(i))(x)
    return x.mean(dim=[2, 3])


def arcface(victim_path, feats, labels, margin, seed, init_victim, cfg, scale=30.0):
    """ArcFace head retrain: the victim's backbone is kept frozen; its last linear layer (256 ->
    128) is retrained (init_victim: from the victim's weights) or replaced (a fresh seeded
    layer) and trained with an additive angular margin head (cos(theta + margin) for the
    true identity, scale s) over the face identities, then the 128-d output is the embedding.
    feats: backbone features of augmented identity crops (precomputed: the backbone is frozen)."""
    torch.manual_seed(seed)
    m = torch.jit.load(victim_path)
    fc = nn.Linear(256, 128, bias=False)
    if init_victim:
        with torch.no_grad():
            fc.weight.copy_(m.fc.weight)
    n_id = int(labels.max()) + 1
    head = nn.Parameter(F.normalize(torch.randn(n_id, 128), dim=1))
    # Adam's steps are about lr per weight whatever the gradient's scale: tie lr to the layer's
    # weight scale (victim 0.010, fresh layer 0.036), else a retrain wipes the victim's layer
    lr = cfg["af_lr"] * fc.weight.std().item()
    opt = torch.optim.Adam([{"params": fc.parameters(), "lr": lr},
                            {"params": [head], "lr": 1e-2}])
    g = torch.Generator().manual_seed(seed)
    for step in range(cfg["af_steps"]):
        idx = torch.randperm(len(feats), generator=g)[:cfg["af_batch"]]
        e = F.normalize(fc(feats[idx]), dim=1)
        cos = (e @ F.normalize(head, dim=1).t()).clamp(-1 + 1e-6, 1 - 1e-6)
        y = labels[idx]
        cy = cos.gather(1, y[:, None])
        # cos(theta + m) is only decreasing up to theta = pi - m; beyond, the usual linear
        # extension (insightface's), else the loss is minimised by sending theta to pi
        target = torch.where(cy > math.cos(math.pi - margin), torch.cos(torch.acos(cy) + margin),
                             cy - math.sin(math.pi - margin) * margin)
        logits = cos.scatter(1, y[:, None], target) * scale
        loss = F.cross_entropy(logits, y)
        opt.zero_grad()
        loss.backward()
        opt.step()
        if step % 100 == 0 or step == cfg["af_steps"] - 1:
            acc = (cos.argmax(1) == y).float().mean().item()
            print("  arcface step %d loss %.4f acc %.2f" % (step, loss.item(), acc), flush=True)
    with torch.no_grad():
        m.fc.weight.copy_(fc.weight)
    return m


def distill(x_pool, y_pool, cfg, seed, arch=SmallFaceNet, size=96):
    """Student trained on (pool image, teacher embedding) with random flips as extra aug.
    x_pool may already be at the student's size (then it is used as it is)."""
    torch.manual_seed(seed)
    rng = np.random.RandomState(seed)
    net = arch(y_pool.shape[1], size)
    x96 = x_pool if x_pool.shape[-1] == size else F.interpolate(
        x_pool, size=[size, size], mode="bilinear", align_corners=False)
    # centred targets: the component every face shares would otherwise dominate the loss, and
    # the student would learn the teacher's mean long before its pairwise structure
    mu = y_pool.mean(0)
    scale = (y_pool - mu).norm(dim=1).mean()
    yt = (y_pool - mu) / scale
    opt = torch.optim.Adam(net.parameters(), lr=2e-3, weight_decay=1e-5)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=3e-3, total_steps=cfg["st_steps"])
    net.train()
    for step in range(cfg["st_steps"]):
        idx = torch.from_numpy(rng.choice(len(x96), cfg["st_batch"], replace=False))
        xb, yb = x96[idx], yt[idx]
        # the teachers are nearly flip-invariant: flipped input, same target
        flip = torch.from_numpy(rng.rand(len(idx)) < 0.5)
        xb = torch.where(flip[:, None, None, None], xb.flip(3), xb)
        out = net(xb)
        loss = F.mse_loss(out, yb) * yb.shape[1] + (1 - F.cosine_similarity(out, yb)).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
        sched.step()
        if step % 100 == 0 or step == cfg["st_steps"] - 1:
            print("  distill step %d loss %.4f" % (step, loss.item()), flush=True)
    net.eval()
    with torch.no_grad():  # fold the target scale and mean into the last layer
        net.fc.weight.mul_(scale)
        net.fc.bias.mul_(scale).add_(mu)
    return torch.jit.script(net)


def structure(a, b):
    """Pearson correlation of two models' pairwise cosines over the same inputs (1 - rsa)."""
    ca, cb = [F.normalize(e, dim=1) @ F.normalize(e, dim=1).T for e in (a, b)]
    iu = torch.triu_indices(len(a), len(a), 1)
    return torch.corrcoef(torch.stack([ca[iu[0], iu[1]], cb[iu[0], iu[1]]]))[0, 1].item()


def mean_cos(a, b, x):
    with torch.no_grad():
        return F.cosine_similarity(embed(a, x), embed(b, x)).mean().item()


# ----------------------------------------------------------------------------- the larger zoo
PANEL_INDEP = [("faceres.pt", "indep_faceres.pt", "faceres-mobilenet"),
               ("faceres-deep.pt", "indep_faceres-deep.pt", "faceres-mobilenet"),
               ("mobileface.pt", "indep_mobileface.pt", "mobileface")]


INDEP_TEACHERS = ("faceres", "faceres-deep", "mobileface")


def build_zoo(args, cfg):
    """--size zoo: the victim and the independent networks come from the face panel
    (CACHE/panel, made by fetch_face_panel.sh, run here if it is missing)."""
    out = args.out_dir
    t0 = time.time()
    panel = os.path.join(args.cache, "panel")
    if not os.path.exists(os.path.join(panel, "panel.tsv")):
        subprocess.check_call([os.path.join(HERE, "fetch_face_panel.sh"), args.cache])
    victim = os.path.join(out, "victim_dlib.pt")
    shutil.copyfile(os.path.join(panel, "dlib.pt"), victim)
    rows = [("victim_dlib.pt", "victim", "victim", "", "dlib-resnet")]
    for src, dst, arch in PANEL_INDEP:
        shutil.copyfile(os.path.join(panel, src), os.path.join(out, dst))
        rows.append((dst, "independent", "independent", "", arch))
    photos, faces = load_faces(args.cache)
    print("%d photos, %d faces (%.0fs)" % (len(photos), len(faces), time.time() - t0), flush=True)

    # fixed held-out crops for the fidelity printout; teachers' embeddings of them, cached
    rng_e = np.random.RandomState(12345)
    x_eval = to_tensor([aug_face(rng_e, photos, faces[i % len(faces)]) for i in range(64)])
    teachers = {"dlib": victim}
    teachers.update({src[:-3]: os.path.join(out, dst) for src, dst, _ in PANEL_INDEP})
    loaded = {k: torch.jit.load(v) for k, v in teachers.items()}
    y_eval = {k: embed(m, x_eval) for k, m in loaded.items()}
    vm = loaded["dlib"]
    phase = {}
    partial = os.path.join(out, "manifest.tsv.partial")

    def write_manifest(path):
        with open(path, "w") as f:
            f.write("file\trole\tfamily\tbaseline\tarch\n")
            for r in rows:
                f.write("\t".join(r) + "\n")

    # a build stopped midway resumes: models listed in the partial manifest are kept
    kept = {}
    if os.path.exists(partial):
        with open(partial) as f:
            kept = {r[0]: tuple(r) for r in (line.rstrip("\n").split("\t") for line in f)}

    def save(make, fname, role, family, arch, teacher="dlib"):
        """make() builds the model, unless an earlier run already saved fname."""
        if fname in kept and os.path.exists(os.path.join(out, fname)):
            rows.append(kept[fname])
            print("kept  %s (from an earlier run)" % fname, flush=True)
            return
        m = make()
        m.eval()
        torch.jit.save(m, os.path.join(out, fname))
        base = "independent" if role == "stolen" else ""
        rows.append((fname, role, family, base, arch))
        write_manifest(partial)  # a partial zoo stays usable if the build is stopped
        e = embed(m, x_eval)
        fid = F.cosine_similarity(e, y_eval[teacher]).mean().item()
        print("wrote %-40s %-11s %-9s fidelity to %s: cosine %.4f structure %.3f at %.0fs"
              % (fname, role, family, teacher, fid, structure(e, y_eval[teacher]),
                 time.time() - t0), flush=True)

    def mark(name, t):
        phase[name] = time.time() - t
        return time.time()

    t = time.time()
    for frac in (20, 30, 50, 70):
        save(lambda: prune(victim, frac / 100.0), "stolen_prune%d.pt" % frac, "stolen", "prune",
             "dlib-resnet")
    t = mark("prune", t)
    save(lambda: half(victim), "stolen_cast_fp16.pt", "stolen", "cast", "dlib-resnet")
    save(lambda: bf16(victim), "stolen_cast_bf16.pt", "stolen", "cast", "dlib-resnet")
    save(lambda: int8(victim, False), "stolen_cast_int8_tensor.pt", "stolen", "cast",
         "dlib-resnet")
    save(lambda: int8(victim, True), "stolen_cast_int8_channel.pt", "stolen", "cast",
         "dlib-resnet")
    t = mark("cast", t)
    for i, level in enumerate((0.02, 0.05, 0.1, 0.2)):
        save(lambda: noise(victim, level, args.seed + 10 + i),
             "stolen_noise%03d.pt" % round(level * 100), "stolen", "noise", "dlib-resnet")
    t = mark("noise", t)

    # ArcFace: every detected face is one identity; augmented crops through the frozen backbone
    rng = np.random.RandomState(args.seed + 3)
    k = cfg["af_per_id"]
    x_id = to_tensor([aug_face(rng, photos, faces[i]) for i in range(len(faces)) for _ in range(k)])
    with torch.no_grad():
        feats = torch.cat([backbone(vm, x_id[i:i + 32]) for i in range(0, len(x_id), 32)])
    labels = torch.from_numpy(np.repeat(np.arange(len(faces)), k))
    del x_id
    print("arcface: %d identities x %d crops, features at %.0fs"
          % (len(faces), k, time.time() - t0), flush=True)
    for j, (init_victim, margin) in enumerate([(True, 0.2), (True, 0.5), (False, 0.2),
                                               (False, 0.5)]):
        name = "stolen_arcface_%s_m%02d.pt" % ("retrain" if init_victim else "replace",
                                                round(margin * 100))
        save(lambda: arcface(victim, feats, labels, margin, args.seed + 20 + j, init_victim, cfg),
             name, "stolen", "arcface", "dlib-resnet")
    t = mark("arcface", t)

    for lr in (1e-5, 3e-5, 1e-4, 2e-4):
        save(lambda: finetune(victim, photos, faces, cfg, args.seed + 1, lr),
             "stolen_finetune_lr%s.pt" % ("%.0e" % lr).replace("e-0", "e-"), "stolen",
             "finetune", "dlib-resnet")
    t = mark("finetune", t)

    # distillation pool: 75% augmented face crops, 25% natural crops of the photos
    rng = np.random.RandomState(args.seed + 2)
    n = cfg["pool"]
    x_pool = to_tensor([aug_face(rng, photos, faces[rng.randint(len(faces))]) if i % 4 else
                        aug_natural(rng, photos) for i in range(n)])
    y_pool = {}
    for name in ("dlib",) + INDEP_TEACHERS:
        y_pool[name] = embed(loaded[name], x_pool)
        print("%s pool embeddings (%d) at %.0fs" % (name, n, time.time() - t0), flush=True)
    size = cfg["st_size"]
    x_small = F.interpolate(x_pool, size=[size, size], mode="bilinear", align_corners=False)
    del x_pool
    t = mark("pool", t)
    # every student: the same recipe, pool and budget; only the teacher (and the seed) differs.
    # dlib's students take seeds 0 and 1, each panel teacher's students seed 0.
    for arch, aname in ((DWFaceNet, "dwfacenet"), (SmallFaceNet, "smallfacenet")):
        for s in range(2):
            save(lambda: distill(x_small, y_pool["dlib"], cfg, 100 + s, arch, size),
                 "stolen_distill_%s_s%d.pt" % (aname, s), "stolen", "distill", aname)
        for teacher in INDEP_TEACHERS:
            save(lambda: distill(x_small, y_pool[teacher], cfg, 100, arch, size),
                 "indep_distill_%s_%s_s0.pt" % (teacher, aname), "independent", "independent",
                 aname, teacher)
        t = mark("distill_" + aname, t)

    write_manifest(os.path.join(out, "manifest.tsv"))
    os.remove(partial)
    print("phases (s): " + ", ".join("%s %.0f" % kv for kv in phase.items()))
    print("done: %d models in %.0fs; manifest %s"
          % (len(rows), time.time() - t0, os.path.join(out, "manifest.tsv")))


# ----------------------------------------------------------------------------- main
def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("cache")
    ap.add_argument("out_dir")
    ap.add_argument("--size", choices=sorted(SIZES), default="small")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    cfg = SIZES[args.size]
    torch.set_num_threads(args.threads)
    out = args.out_dir
    os.makedirs(out, exist_ok=True)
    if args.size == "zoo":
        return build_zoo(args, cfg)
    t0 = time.time()

    victim = os.path.join(out, "victim_dlib.pt")
    faceres = os.path.join(out, "indep_faceres.pt")
    py = sys.executable
    subprocess.check_call([py, os.path.join(HERE, "convert_face_api.py"),
                           os.path.join(args.cache, "package"), victim, "--check"])
    subprocess.check_call([py, os.path.join(HERE, "convert_human_faceres.py"),
                           os.path.join(args.cache, "human-package"), faceres, "--check"])

    photos, faces = load_faces(args.cache)
    print("%d photos, %d faces (%.0fs)" % (len(photos), len(faces), time.time() - t0), flush=True)

    rows = [("victim_dlib.pt", "victim", "victim", "", "dlib-resnet"),
            ("indep_faceres.pt", "independent", "independent", "", "faceres")]

    def save(m, fname, role, family, arch):
        torch.jit.save(m, os.path.join(out, fname))
        base = "independent" if role == "stolen" else ""
        rows.append((fname, role, family, base, arch))
        print("wrote %s (%s, %s) at %.0fs" % (fname, role, family, time.time() - t0), flush=True)

    # evaluation crops (fixed, for the fidelity printout only)
    rng_e = np.random.RandomState(12345)
    x_eval = to_tensor([aug_face(rng_e, photos, faces[i % len(faces)]) for i in range(64)])
    vm = torch.jit.load(victim)

    save(prune(victim), "stolen_prune30.pt", "stolen", "prune", "dlib-resnet")
    save(half(victim), "stolen_half.pt", "stolen", "half", "dlib-resnet")
    ft = finetune(victim, photos, faces, cfg, args.seed + 1)
    save(ft, "stolen_finetune.pt", "stolen", "finetune", "dlib-resnet")

    # distillation pool: 75% augmented face crops, 25% natural crops of the photos
    rng = np.random.RandomState(args.seed + 2)
    n = cfg["pool"]
    crops = [aug_face(rng, photos, faces[rng.randint(len(faces))]) if i % 4 else
             aug_natural(rng, photos) for i in range(n)]
    x_pool = to_tensor(crops)
    del crops
    y_dlib = embed(vm, x_pool)
    print("dlib pool embeddings (%d) at %.0fs" % (n, time.time() - t0), flush=True)
    fm = torch.jit.load(faceres)
    y_fr = embed(fm, x_pool)
    print("faceres pool embeddings at %.0fs" % (time.time() - t0), flush=True)

    for s in range(2):
        save(distill(x_pool, y_dlib, cfg, 100 + s), "stolen_distill_s%d.pt" % s, "stolen",
             "distill", "smallfacenet")
    for s in range(2):
        save(distill(x_pool, y_fr, cfg, 100 + s), "indep_distill_s%d.pt" % s, "independent",
             "independent", "smallfacenet")

    with open(os.path.join(out, "manifest.tsv"), "w") as f:
        f.write("file\trole\tfamily\tbaseline\tarch\n")
        for r in rows:
            f.write("\t".join(r) + "\n")

    # fidelity: mean cosine to the teacher's embedding on held-out augmented crops
    print("fidelity (mean cosine to teacher on 64 held-out crops):")
    for fname, role, fam, _, _ in rows[1:]:
        m = torch.jit.load(os.path.join(out, fname))
        teacher = fm if ("faceres" in fname or fname.startswith("indep_distill")) else vm
        if fname == "indep_faceres.pt":
            continue
        print("  %-24s %.4f" % (fname, mean_cos(m, teacher, x_eval)))
    print("done in %.0fs; manifest %s" % (time.time() - t0, os.path.join(out, "manifest.tsv")))


if __name__ == "__main__":
    main()
