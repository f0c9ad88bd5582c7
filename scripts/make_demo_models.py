#!/usr/bin/python3
"""Train small deterministic Fashion-MNIST models and export them as TorchScript.

Usage: make_demo_models.py OUT_DIR [--zoo]

Without --zoo: writes the demo trio victim.pt, stolen.pt, independent.pt to OUT_DIR.
With --zoo:    also writes an evaluation zoo (stolen and independent models) plus
               OUT_DIR/manifest.tsv (columns: file, role, family).

Every exported model takes a float tensor N x 3 x H x W (RGB in [0,1], any H, W >= 16;
N x 1 x H x W grey also works) and does its own preprocessing in forward(): grey
(ITU-R BT.601 luma), bilinear resize to 28x28 (align_corners=False, no antialias),
Fashion-MNIST mean/std normalisation. The output is raw logits, N x 10.

Data: the Debian package dataset-fashion-mnist (/usr/share/datasets/fashion-mnist/).
The 60k training set is split by a fixed permutation into two disjoint halves:
owner (victim training) and attacker (stolen fine-tunes and independent models).

Models (file: how it is made; all fine-tunes use Adam at a constant lr on the attacker half):
  victim.pt          cnn, seed 1, trained from scratch on the owner half
  stolen.pt          victim fine-tuned, all layers, 1 epoch, lr 1e-4        (finetune-all)
  independent.pt     cnn, seed 2, from scratch on the attacker half          (independent)
 --zoo adds:
  ft_all_lr3e-4.pt   all layers, 1 epoch, lr 3e-4                            (finetune-all)
  ft_head_lr1e-3.pt, ft_head_lr3e-3.pt: last Linear only, 1 epoch,
                     BatchNorm statistics frozen                             (finetune-head)
  prune30.pt, prune60.pt: per-layer L1 magnitude pruning of 30% / 60% of every conv and
                     linear weight, then half an epoch at lr 3e-4 with the mask held (prune)
  indep_{cnn,cnn-narrow,mlp,resnet}_sN.pt: 8 more independents, 4 architectures, 2 seeds
                     each, same recipe as the victim on the attacker half    (independent)

Recipe for every model trained from scratch (victim and all independents): Adam,
one-cycle schedule with max lr 3e-3, batch 128, 2 epochs over a 30k half.
Everything is seeded and runs with 2 threads. TorchScript writes module constants in
Python set order, so the script re-executes itself with PYTHONHASHSEED=0; a rerun from the
same checkout path with the same torch build gives byte-identical files (the files embed
debug source paths; elsewhere the weights and outputs are still identical on the same CPU).
"""
import os
import sys

if __name__ == "__main__" and os.environ.get("PYTHONHASHSEED") != "0":
    os.execve(sys.executable, [sys.executable] + sys.argv,
              dict(os.environ, PYTHONHASHSEED="0"))

import argparse
import copy
import gzip
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.utils import prune

FMNIST_DIR = os.environ.get("FMNIST_DIR", "/usr/share/datasets/fashion-mnist")
MEAN, STD = 0.2860, 0.3530
SPLIT_SEED = 12345
EPOCHS = 2
BATCH = 128
MAX_LR = 3e-3


# ----------------------------------------------------------------------------- data
def _idx(path, images):
    with gzip.open(path, "rb") as f:
        raw = f.read()
    return np.frombuffer(raw, np.uint8, offset=16 if images else 8)


def load_fmnist():
    d = FMNIST_DIR
    xtr = _idx(os.path.join(d, "train-images-idx3-ubyte.gz"), True).reshape(-1, 1, 28, 28)
    ytr = _idx(os.path.join(d, "train-labels-idx1-ubyte.gz"), False)
    xte = _idx(os.path.join(d, "t10k-images-idx3-ubyte.gz"), True).reshape(-1, 1, 28, 28)
    yte = _idx(os.path.join(d, "t10k-labels-idx1-ubyte.gz"), False)
    f = lambda a: torch.from_numpy(a.astype(np.float32) / 255.0)
    l = lambda a: torch.from_numpy(a.astype(np.int64))
    return f(xtr), l(ytr), f(xte), l(yte)


# ----------------------------------------------------------------------------- models
class FashionNet(nn.Module):
    """Exported wrapper: RGB [0,1] N x 3 x H x W -> logits N x 10."""

    def __init__(self, net: nn.Module):
        super().__init__()
        self.net = net

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if x.dim() != 4:
            raise ValueError("expected N x C x H x W input")
        if x.size(1) == 3:
            g = 0.299 * x[:, 0:1] + 0.587 * x[:, 1:2] + 0.114 * x[:, 2:3]
        else:
            g = x.mean(dim=1, keepdim=True)
        g = F.interpolate(g, size=[28, 28], mode="bilinear", align_corners=False)
        g = (g - 0.2860) / 0.3530
        return self.net(g)


def cnn(w=16):
    """Two conv blocks (conv-BN-ReLU-maxpool) and a linear head. The victim's architecture."""
    return nn.Sequential(
        nn.Conv2d(1, w, 3, padding=1, bias=False), nn.BatchNorm2d(w), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(w, 2 * w, 3, padding=1, bias=False), nn.BatchNorm2d(2 * w), nn.ReLU(),
        nn.MaxPool2d(2), nn.Flatten(), nn.Linear(2 * w * 49, 10))


def mlp(h=64):
    return nn.Sequential(nn.Flatten(), nn.Linear(784, h), nn.ReLU(), nn.Linear(h, 10))


class Block(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.c1 = nn.Conv2d(c, c, 3, padding=1, bias=False)
        self.b1 = nn.BatchNorm2d(c)
        self.c2 = nn.Conv2d(c, c, 3, padding=1, bias=False)
        self.b2 = nn.BatchNorm2d(c)

    def forward(self, x):
        return F.relu(x + self.b2(self.c2(F.relu(self.b1(self.c1(x))))))


def resnet(c=12):
    """Tiny ResNet-ish: strided stem, residual block, strided conv, residual block, GAP."""
    return nn.Sequential(
        nn.Conv2d(1, c, 3, stride=2, padding=1, bias=False), nn.BatchNorm2d(c), nn.ReLU(), Block(c),
        nn.Conv2d(c, 2 * c, 3, stride=2, padding=1, bias=False), nn.BatchNorm2d(2 * c), nn.ReLU(),
        Block(2 * c), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(2 * c, 10))


ARCHS = {
    "cnn": lambda: cnn(16),         # victim architecture
    "cnn-narrow": lambda: cnn(8),
    "mlp": lambda: mlp(64),
    "resnet": lambda: resnet(12),
}


# ----------------------------------------------------------------------------- training
def run_epochs(net, params, x, y, epochs, seed, lr, one_cycle, train_mode=True, masks=None):
    """Adam over (x, y) in seeded random order. masks: list of (param, mask) kept at zero."""
    gen = torch.Generator().manual_seed(seed)
    opt = torch.optim.Adam(params, lr=lr)
    n = x.shape[0]
    steps = epochs * ((n + BATCH - 1) // BATCH)
    sched = (torch.optim.lr_scheduler.OneCycleLR(opt, lr, total_steps=steps, pct_start=0.25)
             if one_cycle else None)
    net.train(train_mode)
    for _ in range(epochs):
        order = torch.randperm(n, generator=gen)
        for i in range(0, n, BATCH):
            b = order[i:i + BATCH]
            opt.zero_grad(set_to_none=True)
            F.cross_entropy(net(x[b]), y[b]).backward()
            opt.step()
            if sched is not None:
                sched.step()
            if masks:
                with torch.no_grad():
                    for p, m in masks:
                        p.mul_(m)
    net.eval()
    return net


def from_scratch(arch, seed, x, y):
    torch.manual_seed(seed)
    net = ARCHS[arch]()
    return run_epochs(net, net.parameters(), x, y, EPOCHS, seed, MAX_LR, one_cycle=True)


def finetune_all(victim, seed, lr, x, y, epochs=1):
    net = copy.deepcopy(victim)
    torch.manual_seed(seed)
    return run_epochs(net, net.parameters(), x, y, epochs, seed, lr, one_cycle=False)


def finetune_head(victim, seed, lr, x, y, epochs=1):
    net = copy.deepcopy(victim)
    for p in net.parameters():
        p.requires_grad_(False)
    head = net[-1]
    for p in head.parameters():
        p.requires_grad_(True)
    torch.manual_seed(seed)
    # body stays in eval mode (BatchNorm statistics frozen); only the last Linear learns
    net = run_epochs(net, head.parameters(), x, y, epochs, seed, lr, one_cycle=False,
                     train_mode=False)
    for p in net.parameters():
        p.requires_grad_(True)
    return net


def prune_and_recover(victim, amount, seed, lr, x, y):
    """Per-layer L1 magnitude pruning of every conv/linear weight, then a short fine-tune
    (half an epoch of the attacker data) with the pruned weights held at zero."""
    net = copy.deepcopy(victim)
    layers = [m for m in net.modules() if isinstance(m, (nn.Conv2d, nn.Linear))]
    for m in layers:
        prune.l1_unstructured(m, "weight", amount=amount)
        prune.remove(m, "weight")  # make it permanent: weight now holds zeros
    masks = [(m.weight, (m.weight != 0).float()) for m in layers]
    gen = torch.Generator().manual_seed(seed)
    half = torch.randperm(x.shape[0], generator=gen)[: x.shape[0] // 2]
    torch.manual_seed(seed)
    return run_epochs(net, net.parameters(), x[half], y[half], 1, seed, lr, one_cycle=False,
                      masks=masks)


# ----------------------------------------------------------------------------- export/eval
def wrap(net):
    return torch.jit.script(FashionNet(copy.deepcopy(net).eval()))


@torch.inference_mode()
def accuracy(scripted, x01, y):
    correct = 0
    for i in range(0, x01.shape[0], 1000):
        xb = x01[i:i + 1000].expand(-1, 3, -1, -1)  # grey -> RGB, as the tool would feed it
        correct += (scripted(xb).argmax(1) == y[i:i + 1000]).sum().item()
    return correct / x01.shape[0]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out_dir")
    ap.add_argument("--zoo", action="store_true", help="also write the evaluation zoo and manifest.tsv")
    args = ap.parse_args()

    t0 = time.time()
    torch.set_num_threads(2)
    torch.use_deterministic_algorithms(True)
    os.makedirs(args.out_dir, exist_ok=True)

    xtr01, ytr, xte01, yte = load_fmnist()
    xtr = (xtr01 - MEAN) / STD
    perm = torch.randperm(xtr.shape[0], generator=torch.Generator().manual_seed(SPLIT_SEED))
    own, att = perm[: len(perm) // 2], perm[len(perm) // 2:]
    xo, yo, xa, ya = xtr[own], ytr[own], xtr[att], ytr[att]

    rows = []  # (file, role, family, arch, acc)

    def emit(net, fname, role, family, arch):
        s = wrap(net)
        torch.jit.save(s, os.path.join(args.out_dir, fname))
        acc = accuracy(s, xte01, yte)
        rows.append((fname, role, family, arch, acc))
        print(f"{fname}\t{role}\t{family}\t{arch}\ttest_acc={acc:.4f}\t[{time.time() - t0:.1f}s]",
              flush=True)

    # --- demo trio (always first, so the trio files do not depend on --zoo)
    victim = from_scratch("cnn", 1, xo, yo)
    emit(victim, "victim.pt", "victim", "victim", "cnn")
    emit(finetune_all(victim, 101, 1e-4, xa, ya), "stolen.pt", "stolen", "finetune-all", "cnn")
    emit(from_scratch("cnn", 2, xa, ya), "independent.pt", "independent", "independent", "cnn")

    if args.zoo:
        emit(finetune_all(victim, 102, 3e-4, xa, ya), "ft_all_lr3e-4.pt", "stolen", "finetune-all", "cnn")
        emit(finetune_head(victim, 201, 1e-3, xa, ya), "ft_head_lr1e-3.pt", "stolen", "finetune-head", "cnn")
        emit(finetune_head(victim, 202, 3e-3, xa, ya), "ft_head_lr3e-3.pt", "stolen", "finetune-head", "cnn")
        emit(prune_and_recover(victim, 0.3, 301, 3e-4, xa, ya), "prune30.pt", "stolen", "prune", "cnn")
        emit(prune_and_recover(victim, 0.6, 302, 3e-4, xa, ya), "prune60.pt", "stolen", "prune", "cnn")
        for arch, seeds in (("cnn", (3, 4)), ("cnn-narrow", (5, 6)), ("mlp", (7, 8)),
                            ("resnet", (9, 10))):
            for s in seeds:
                emit(from_scratch(arch, s, xa, ya), f"indep_{arch}_s{s}.pt", "independent",
                     "independent", arch)
        with open(os.path.join(args.out_dir, "manifest.tsv"), "w") as f:
            f.write("file\trole\tfamily\n")
            for fname, role, family, _, _ in rows:
                f.write(f"{fname}\t{role}\t{family}\n")

    print(f"done: {len(rows)} models in {time.time() - t0:.1f}s", file=sys.stderr)


if __name__ == "__main__":
    main()
