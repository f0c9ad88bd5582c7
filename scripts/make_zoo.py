#!/usr/bin/python3
"""Build a CPU-scale Fashion-MNIST model zoo (victim, stolen families, independents).

Usage: make_zoo.py OUT_DIR [--size demo|small|full]      (default: small)

  demo   the demo trio only: victim.pt, stolen.pt, independent.pt (what data/demo holds)
  small  the zoo the test suite builds: 23 models and 3 reference models, about 2 min on 2 idle cores
  full   the zoo behind the README numbers: 77 models and 3 reference models (time: see docs/extraction-results.md)

small and full write to OUT_DIR the models (TorchScript), manifest.tsv, accuracy.tsv and
probes/ (see "Outputs" below).

Model interface. Every exported model takes a float tensor N x 3 x H x W (RGB in [0,1], any
H, W >= 16; N x 1 x H x W grey also works) and does its own preprocessing in forward():
grey (ITU-R BT.601 luma), bilinear resize to 28x28 (align_corners=False, no antialias),
Fashion-MNIST mean/std normalisation. The output is raw logits: N x 10 for the Fashion-MNIST
task, N x 5 for the transfer task.

Data: the Debian package dataset-fashion-mnist (/usr/share/datasets/fashion-mnist/, or
$FMNIST_DIR). The 60k training images are split by a fixed permutation (seed 12345) into two
disjoint halves of 30k: owner (the victim's training data) and attacker (everything else
trains on the attacker half; small uses its first 15k). No model trains on the test set;
probes come from it.

Transfer task: the same images with a coarser label set of 5 groups,
  0 {T-shirt/top, Shirt}  1 {Pullover, Coat}  2 {Trouser, Dress}
  3 {Sandal, Sneaker, Ankle boot}  4 {Bag}.

Recipe for every model trained from scratch (victim, independents, extraction students,
transfer independents): Adam, one-cycle schedule with max lr 3e-3 (pct_start 0.25), batch 128,
2 epochs. Students and independents share architectures, data (the attacker images), recipe
and budget; only the targets differ (the victim's outputs instead of the true labels).
Fine-tunes use Adam at a constant lr on the attacker data.

Families (manifest `family`; n = models in small / full):
  victim          cnn, seed 1, from scratch on the owner half
  finetune-all    victim, all layers, 1 epoch, lr 1e-4 / 3e-4 (/ 1e-3)            2 / 3
  finetune-head   victim, last Linear only (BatchNorm statistics frozen), 1 epoch,
                  lr 1e-3 / 3e-3 (/ head re-initialised then trained at 3e-3)    2 / 3
  prune           per-layer L1 magnitude pruning of 30% / 60% (30/50/70%) of every conv
                  and linear weight, then half an epoch at lr 3e-4 with the mask held 2 / 3
  extract-label   student from scratch on the victim's hard labels (argmax)      2 / 8
  extract-prob    knowledge distillation: student from scratch on the victim's
                  probabilities at temperature 2 (cross-entropy with soft targets,
                  student logits / 2)                                             2 / 8
  extract-adv     student from scratch on the victim's hard labels with FGSM adversarial
                  training (random start, eps 0.1 in [0,1] pixel units, step 0.125; loss
                  = mean of clean and adversarial cross-entropy)                  2 / 8
  extract-label-long  label students trained 20 epochs (they fit the victim's answers
                  on their training images), mlp x 2 and cnn-narrow x 2              - / 4
  extract-label-pgd   label students with PGD adversarial training (eps 0.1, 5 steps of
                  0.025, random start; clean + adversarial CE), 2 epochs, the same
                  architectures                                                  - / 4
  transfer        victim body + new 5-way Linear head (seeded init) trained 1 epoch at
                  lr 3e-3 with the body frozen (BatchNorm statistics frozen); then
                  optionally all layers 1 epoch at lr 1e-4 / 3e-4                2 / 3
  independent     from scratch on the attacker data with true labels              6 / 16
  independent-transfer  from scratch on the attacker data with the 5-group labels  2 / 8
  independent-long, independent-pgd  true labels, exactly the recipe and budget of
                  extract-label-long / -pgd (their baselines)                    - / 4 each
Reference models (reference/, not in the manifest: neither stolen nor suspects): the owner's own
independent models for `--reference-models`, from scratch on the owner half with true labels,
the same recipe; cnn, mlp and resnet, seeds 3001-3003 (both sizes).
Extraction students: small uses cnn+mlp (label), cnn+resnet (prob), cnn+cnn-narrow (adv);
full uses every architecture twice per family.

Architectures (manifest `arch`):
  cnn         conv3x3(1->16)-BN-ReLU-maxpool, conv3x3(16->32)-BN-ReLU-maxpool, linear (victim's)
  cnn-narrow  the same with 8 and 16 channels
  mlp         784-64-ReLU-k
  resnet      tiny ResNet: strided stem (12 ch), residual block, strided conv (24 ch),
              residual block, 2x2 average pooling, linear

Outputs (small, full):
  *.pt            TorchScript models
  manifest.tsv    file, role (victim|stolen|independent), family, baseline (for stolen rows
                  the independent group to compare with: independent, or
                  independent-transfer for the transfer family; empty otherwise), arch.
                  Tab-separated, one header line, files relative to the manifest.
  accuracy.tsv    file, accuracy: test accuracy on the model's own task (10,000 test
                  images, fed as sacjc feeds them: grey replicated to RGB, [0,1])
  reference/      the owner's reference models (see above), TorchScript like the rest
  probes/         the 10,000 Fashion-MNIST test images, t00000.png ... (28x28 grey),
                  and labels.csv (file,label; label = Fashion-MNIST class 0-9)

Determinism: everything is seeded and runs with 2 threads (the thread count changes the
results). TorchScript writes module constants in Python set order, so the script re-executes
itself with PYTHONHASHSEED=0 (and GOMP_SPINCOUNT=10000, which only affects speed under CPU
contention). A rerun from the same checkout path with the same torch build gives
byte-identical files; elsewhere the weights and outputs are still identical on the same CPU,
but the files embed debug source paths. --size demo gives the committed data/demo models
exactly (identical outputs).
"""
import os
import sys

if __name__ == "__main__" and (os.environ.get("PYTHONHASHSEED") != "0"
                               or "GOMP_SPINCOUNT" not in os.environ):
    # GOMP_SPINCOUNT: OpenMP threads sleep soon instead of spinning; same results, but on a
    # busy machine (e.g. ctest -j2) training is several times faster (measured 82 s -> 14 s).
    os.execve(sys.executable, [sys.executable] + sys.argv,
              dict(os.environ, PYTHONHASHSEED="0",
                   GOMP_SPINCOUNT=os.environ.get("GOMP_SPINCOUNT", "10000")))

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
KD_TEMPERATURE = 2.0
ADV_EPS, ADV_STEP = 0.1, 0.125          # in [0,1] pixel units
PGD_EPS, PGD_STEP, PGD_STEPS = 0.1, 0.025, 5
LONG_EPOCHS = 20                        # long enough to fit the victim's answers (about 98%)
N_PROBES = 10000                        # the whole test set: the pool for --select
# transfer task: Fashion-MNIST class -> coarse group
COARSE = torch.tensor([0, 2, 1, 2, 1, 3, 0, 3, 4, 3])
N_COARSE = 5


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
    """Exported wrapper: RGB [0,1] N x 3 x H x W -> logits N x k."""

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


def cnn(w=16, k=10):
    """Two conv blocks (conv-BN-ReLU-maxpool) and a linear head. The victim's architecture."""
    return nn.Sequential(
        nn.Conv2d(1, w, 3, padding=1, bias=False), nn.BatchNorm2d(w), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(w, 2 * w, 3, padding=1, bias=False), nn.BatchNorm2d(2 * w), nn.ReLU(),
        nn.MaxPool2d(2), nn.Flatten(), nn.Linear(2 * w * 49, k))


def mlp(h=64, k=10):
    return nn.Sequential(nn.Flatten(), nn.Linear(784, h), nn.ReLU(), nn.Linear(h, k))


class Block(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.c1 = nn.Conv2d(c, c, 3, padding=1, bias=False)
        self.b1 = nn.BatchNorm2d(c)
        self.c2 = nn.Conv2d(c, c, 3, padding=1, bias=False)
        self.b2 = nn.BatchNorm2d(c)

    def forward(self, x):
        return F.relu(x + self.b2(self.c2(F.relu(self.b1(self.c1(x))))))


def resnet(c=12, k=10):
    """Tiny ResNet-ish: strided stem, residual block, strided conv, residual block, 2x2 average
    pooling (global pooling trained noticeably worse in 2 epochs), linear."""
    return nn.Sequential(
        nn.Conv2d(1, c, 3, stride=2, padding=1, bias=False), nn.BatchNorm2d(c), nn.ReLU(), Block(c),
        nn.Conv2d(c, 2 * c, 3, stride=2, padding=1, bias=False), nn.BatchNorm2d(2 * c), nn.ReLU(),
        Block(2 * c), nn.AdaptiveAvgPool2d(2), nn.Flatten(), nn.Linear(8 * c, k))


LONG_ARCHS = ("mlp", "mlp", "cnn-narrow", "cnn-narrow")  # the long and PGD families
ARCHS = {  # name -> builder(k = number of classes); every model ends in an nn.Linear head
    "cnn": lambda k: cnn(16, k),         # victim architecture
    "cnn-narrow": lambda k: cnn(8, k),
    "mlp": lambda k: mlp(64, k),
    "resnet": lambda k: resnet(12, k),
}


# ----------------------------------------------------------------------------- losses
def ce_loss(net, xb, yb):
    return F.cross_entropy(net(xb), yb)


def kd_loss(t):
    """Targets are the teacher's probabilities at temperature t (N x k float)."""
    def loss(net, xb, yb):
        return F.cross_entropy(net(xb) / t, yb) * (t * t)
    return loss


def fgsm_loss(seed, eps=ADV_EPS, step=ADV_STEP, steps=1):
    """FGSM adversarial training with a random start (Wong et al. 2020), in [0,1] pixel units
    (inputs here are normalised, so the budget is divided by STD); clean + adversarial CE.
    steps > 1 is PGD (Madry et al.): that many signed-gradient steps from the random start."""
    gen = torch.Generator().manual_seed(seed)
    e, a = eps / STD, step / STD
    lo, hi = (0.0 - MEAN) / STD, (1.0 - MEAN) / STD

    def loss(net, xb, yb):
        delta = (torch.rand(xb.shape, generator=gen) * 2 - 1) * e
        for _ in range(steps):
            delta.requires_grad_(True)
            g, = torch.autograd.grad(F.cross_entropy(net((xb + delta).clamp(lo, hi)), yb), delta)
            delta = (delta.detach() + a * g.sign()).clamp(-e, e)
        x_adv = (xb + delta).clamp(lo, hi)
        return 0.5 * (F.cross_entropy(net(xb), yb) + F.cross_entropy(net(x_adv), yb))
    return loss


# ----------------------------------------------------------------------------- training
def run_epochs(net, params, x, y, epochs, seed, lr, one_cycle, train_mode=True, masks=None,
               loss_fn=ce_loss):
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
            loss_fn(net, x[b], y[b]).backward()
            opt.step()
            if sched is not None:
                sched.step()
            if masks:
                with torch.no_grad():
                    for p, m in masks:
                        p.mul_(m)
    net.eval()
    return net


def pgd_loss(seed):
    """PGD adversarial training: the FGSM loss with PGD_STEPS steps of PGD_STEP."""
    return fgsm_loss(seed, PGD_EPS, PGD_STEP, PGD_STEPS)


def from_scratch(arch, seed, x, y, k=10, loss_fn=ce_loss, epochs=EPOCHS):
    torch.manual_seed(seed)
    net = ARCHS[arch](k)
    return run_epochs(net, net.parameters(), x, y, epochs, seed, MAX_LR, one_cycle=True,
                      loss_fn=loss_fn)


def finetune_all(victim, seed, lr, x, y, epochs=1):
    net = copy.deepcopy(victim)
    torch.manual_seed(seed)
    return run_epochs(net, net.parameters(), x, y, epochs, seed, lr, one_cycle=False)


def finetune_head(victim, seed, lr, x, y, epochs=1, new_head_classes=None):
    """Train only the last Linear; the body stays in eval mode (BatchNorm statistics frozen).
    new_head_classes: replace the head by a freshly initialised Linear with that many outputs."""
    net = copy.deepcopy(victim)
    for p in net.parameters():
        p.requires_grad_(False)
    torch.manual_seed(seed)
    if new_head_classes is not None:
        net[-1] = nn.Linear(net[-1].in_features, new_head_classes)
    head = net[-1]
    for p in head.parameters():
        p.requires_grad_(True)
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


def transfer(victim, seed, x, yc, ft_lr=None):
    """Victim body + new head for the coarse task, head trained with the body frozen; with
    ft_lr, then all layers fine-tuned for one epoch."""
    net = finetune_head(victim, seed, MAX_LR, x, yc, new_head_classes=N_COARSE)
    if ft_lr is not None:
        net = finetune_all(net, seed + 50, ft_lr, x, yc)
    return net


@torch.no_grad()
def logits_of(net, x):
    net.eval()
    return torch.cat([net(x[i:i + 1000]) for i in range(0, x.shape[0], 1000)])


# ----------------------------------------------------------------------------- export/eval
def wrap(net):
    return torch.jit.script(FashionNet(copy.deepcopy(net).eval()))


@torch.inference_mode()
def predictions(scripted, x01):
    out = []
    for i in range(0, x01.shape[0], 1000):
        xb = x01[i:i + 1000].expand(-1, 3, -1, -1)  # grey -> RGB, as the tool would feed it
        out.append(scripted(xb).argmax(1))
    return torch.cat(out)


def write_probes(out_dir, xte01, yte):
    from PIL import Image
    d = os.path.join(out_dir, "probes")
    os.makedirs(d, exist_ok=True)
    lines = ["file,label"]
    for i in range(N_PROBES):
        name = f"t{i:05d}.png"
        a = (xte01[i, 0] * 255.0).round().to(torch.uint8).numpy()
        Image.fromarray(a, mode="L").save(os.path.join(d, name))
        lines.append(f"{name},{int(yte[i])}")
    with open(os.path.join(d, "labels.csv"), "w") as f:
        f.write("\n".join(lines) + "\n")


# ----------------------------------------------------------------------------- zoo plans
REFERENCE_ARCHS = ("cnn", "mlp", "resnet")


def build_references(out_dir, xo, yo, emit=None):
    """The owner's reference models (reference/ref_ARCH_sSEED.pt): independent models trained on
    the owner's own half, for sacjc's --reference-models."""
    os.makedirs(os.path.join(out_dir, "reference"), exist_ok=True)
    for seed, arch in enumerate(REFERENCE_ARCHS, start=3001):
        net = from_scratch(arch, seed, xo, yo)
        fname = os.path.join("reference", f"ref_{arch}_s{seed}.pt")
        if emit:
            emit(net, fname)
        else:
            torch.jit.save(wrap(net), os.path.join(out_dir, fname))

def zoo_plan(size, victim, xa, ya):
    """Jobs (file, role, family, baseline, arch, build) after the victim, in build order.
    build() returns (net, task) with task 'fine' (10 classes) or 'coarse' (5 groups)."""
    full = size == "full"
    yc = COARSE[ya]
    vlog = logits_of(victim, xa)                 # the attacker queries the victim
    yhard = vlog.argmax(1)
    ysoft = F.softmax(vlog / KD_TEMPERATURE, dim=1)
    print(f"attacker data: {xa.shape[0]} images; victim agrees with the true labels on "
          f"{(yhard == ya).float().mean().item():.4f}", flush=True)
    jobs = []

    def add(fname, role, family, arch, build, task="fine", baseline="independent"):
        baseline = ("" if role != "stolen" else
                    "independent-transfer" if family == "transfer" else baseline)
        jobs.append((fname, role, family, baseline, arch, lambda: (build(), task)))

    for lr, seed in ((1e-4, 101), (3e-4, 102)) + (((1e-3, 103),) if full else ()):
        add(f"ft_all_lr{lr:.0e}.pt".replace("e-0", "e-"), "stolen", "finetune-all", "cnn",
            lambda lr=lr, seed=seed: finetune_all(victim, seed, lr, xa, ya))
    for lr, seed in ((1e-3, 201), (3e-3, 202)):
        add(f"ft_head_lr{lr:.0e}.pt".replace("e-0", "e-"), "stolen", "finetune-head", "cnn",
            lambda lr=lr, seed=seed: finetune_head(victim, seed, lr, xa, ya))
    if full:
        add("ft_head_reinit_lr3e-3.pt", "stolen", "finetune-head", "cnn",
            lambda: finetune_head(victim, 203, 3e-3, xa, ya, new_head_classes=10))
    for amount, seed in (((0.3, 301), (0.5, 302), (0.7, 303)) if full else
                         ((0.3, 301), (0.6, 302))):
        add(f"prune{round(amount * 100)}.pt", "stolen", "prune", "cnn",
            lambda amount=amount, seed=seed: prune_and_recover(victim, amount, seed, 3e-4, xa, ya))

    # extraction students: same recipe as the independents, victim outputs as targets
    all_archs = list(ARCHS)
    students = {"extract-label": (all_archs * 2 if full else ["cnn", "mlp"]),
                "extract-prob": (all_archs * 2 if full else ["cnn", "resnet"]),
                "extract-adv": (all_archs * 2 if full else ["cnn", "cnn-narrow"])}
    seed = 1000
    for family, archs in students.items():
        tag = family.split("-")[1]
        for arch in archs:
            seed += 1
            if family == "extract-label":
                build = lambda arch=arch, seed=seed: from_scratch(arch, seed, xa, yhard)
            elif family == "extract-prob":
                build = lambda arch=arch, seed=seed: from_scratch(
                    arch, seed, xa, ysoft, loss_fn=kd_loss(KD_TEMPERATURE))
            else:
                build = lambda arch=arch, seed=seed: from_scratch(
                    arch, seed, xa, yhard, loss_fn=fgsm_loss(seed + 7))
            add(f"ext_{tag}_{arch}_s{seed}.pt", "stolen", family, arch, build)

    if full:  # label students and independents with a bigger budget: 20 epochs, or PGD
        for kind, epochs, seed in (("long", LONG_EPOCHS, 5000), ("pgd", EPOCHS, 5100)):
            for arch in LONG_ARCHS:
                seed += 1
                for role, family, target in (("stolen", f"extract-label-{kind}", yhard),
                                             ("independent", f"independent-{kind}", ya)):
                    s = seed + (50 if role == "independent" else 0)
                    loss = pgd_loss(s + 7) if kind == "pgd" else ce_loss
                    add(f"{'ext' if role == 'stolen' else 'indep'}_{kind}_{arch}_s{s}.pt", role, family,
                        arch, lambda arch=arch, s=s, target=target, epochs=epochs, loss=loss: from_scratch(
                            arch, s, xa, target, epochs=epochs, loss_fn=loss),
                        baseline=f"independent-{kind}")

    add("tl_head.pt", "stolen", "transfer", "cnn", lambda: transfer(victim, 501, xa, yc), "coarse")
    for lr, seed in (((1e-4, 502), (3e-4, 503)) if full else ((3e-4, 503),)):
        add(f"tl_ft_lr{lr:.0e}.pt".replace("e-0", "e-"), "stolen", "transfer", "cnn",
            lambda lr=lr, seed=seed: transfer(victim, seed, xa, yc, ft_lr=lr), "coarse")

    # independents: true labels, from scratch; seed 2 (cnn) is the demo's independent recipe
    indep = (all_archs * 4 if full else ["cnn", "cnn", "cnn-narrow", "mlp", "resnet", "resnet"])
    seed = 1
    for arch in sorted(indep, key=all_archs.index):
        seed += 1
        add(f"indep_{arch}_s{seed}.pt", "independent", "independent", arch,
            lambda arch=arch, seed=seed: from_scratch(arch, seed, xa, ya))
    indep_t = (all_archs * 2 if full else ["cnn", "cnn-narrow"])
    seed = 2000
    for arch in sorted(indep_t, key=all_archs.index):
        seed += 1
        add(f"indept_{arch}_s{seed}.pt", "independent", "independent-transfer", arch,
            lambda arch=arch, seed=seed: from_scratch(arch, seed, xa, yc, k=N_COARSE), "coarse")
    return jobs


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out_dir")
    ap.add_argument("--size", choices=("demo", "small", "full"), default="small")
    args = ap.parse_args()

    t0 = time.time()
    torch.set_num_threads(2)
    torch.use_deterministic_algorithms(True)
    os.makedirs(args.out_dir, exist_ok=True)

    xtr01, ytr, xte01, yte = load_fmnist()
    xtr = (xtr01 - MEAN) / STD
    perm = torch.randperm(xtr.shape[0], generator=torch.Generator().manual_seed(SPLIT_SEED))
    own, att = perm[: len(perm) // 2], perm[len(perm) // 2:]
    if args.size == "small":
        att = att[:15000]
    xo, yo, xa, ya = xtr[own], ytr[own], xtr[att], ytr[att]
    yte_task = {"fine": yte, "coarse": COARSE[yte]}

    rows = []  # (file, role, family, baseline, arch, acc)
    victim_pred = None

    def emit(net, fname, role, family, baseline, arch, task="fine"):
        nonlocal victim_pred
        s = wrap(net)
        path = os.path.join(args.out_dir, fname)
        torch.jit.save(s, path)
        pred = predictions(s, xte01)
        acc = (pred == yte_task[task]).float().mean().item()
        if victim_pred is None:
            victim_pred = pred
        agree = (pred == (victim_pred if task == "fine" else COARSE[victim_pred])).float().mean()
        rows.append((fname, role, family, baseline, arch, acc))
        print(f"{fname:32s} {role:11s} {family:20s} {arch:10s} test_acc={acc:.4f} "
              f"agree_victim={agree.item():.4f} {os.path.getsize(path) // 1024}KiB "
              f"[{time.time() - t0:.1f}s]", flush=True)

    victim = from_scratch("cnn", 1, xo, yo)
    emit(victim, "victim.pt", "victim", "victim", "", "cnn")
    if args.size == "demo":
        emit(finetune_all(victim, 101, 1e-4, xa, ya), "stolen.pt", "stolen", "finetune-all",
             "independent", "cnn")
        emit(from_scratch("cnn", 2, xa, ya), "independent.pt", "independent", "independent",
             "", "cnn")
    else:
        write_probes(args.out_dir, xte01, yte)
        build_references(args.out_dir, xo, yo,
                         lambda net, fname: emit(net, fname, "reference", "reference", "", fname.split("_")[1]))
        manifest_rows = [rows[0]]  # the victim; the reference models stay out of the manifest
        for fname, role, family, baseline, arch, build in zoo_plan(args.size, victim, xa, ya):
            net, task = build()
            emit(net, fname, role, family, baseline, arch, task)
            manifest_rows.append(rows[-1])
        with open(os.path.join(args.out_dir, "manifest.tsv"), "w") as f:
            f.write("file\trole\tfamily\tbaseline\tarch\n")
            for r in manifest_rows:
                f.write("\t".join(r[:5]) + "\n")
        with open(os.path.join(args.out_dir, "accuracy.tsv"), "w") as f:
            f.write("file\taccuracy\n")
            for r in rows:
                f.write(f"{r[0]}\t{r[5]:.4f}\n")

    print(f"done: {len(rows)} models in {time.time() - t0:.1f}s", file=sys.stderr)


if __name__ == "__main__":
    main()
