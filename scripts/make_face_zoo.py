#!/usr/bin/python3
"""Build a small zoo of real face-verification models (TorchScript + manifest.tsv) for SAC-JC.

Usage:
  /usr/bin/python3 scripts/make_face_zoo.py CACHE OUT_DIR [--size small|full] [--threads 2]

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
"""
import argparse
import glob
import os
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
}


class SmallFaceNet(nn.Module):
    """Small CNN face descriptor: 5 conv stages on a 96x96 resize, GAP, linear to dim."""

    def __init__(self, dim: int):
        super().__init__()
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
        if x.size(2) != 96 or x.size(3) != 96:
            x = F.interpolate(x, size=[96, 96], mode="bilinear", align_corners=False)
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
def finetune(victim_path, photos, faces, cfg, seed):
    torch.manual_seed(seed)
    rng = np.random.RandomState(seed)
    m = torch.jit.load(victim_path)
    m.train()
    opt = torch.optim.Adam(m.parameters(), lr=1e-4)
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


def distill(x_pool, y_pool, cfg, seed):
    """Student trained on (pool image, teacher embedding) with random flips as extra aug."""
    torch.manual_seed(seed)
    rng = np.random.RandomState(seed)
    net = SmallFaceNet(y_pool.shape[1])
    x96 = F.interpolate(x_pool, size=[96, 96], mode="bilinear", align_corners=False)
    scale = y_pool.norm(dim=1).mean()
    yt = y_pool / scale
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
    with torch.no_grad():  # fold the target scale into the last layer
        net.fc.weight.mul_(scale)
        net.fc.bias.mul_(scale)
    return torch.jit.script(net)


def mean_cos(a, b, x):
    with torch.no_grad():
        return F.cosine_similarity(embed(a, x), embed(b, x)).mean().item()


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
