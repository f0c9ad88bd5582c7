#!/usr/bin/python3
"""A small Fashion-MNIST zoo for label-free extraction checks, cheap enough for a busy machine:
every student and independent model is the 784-64-10 MLP of make_zoo.py, so training budgets
can vary (2 and 20 epochs) and PGD adversarial training is affordable.

Usage: make_mini_zoo.py ZOO [--victim ZOO_OF_MAKE_ZOO/victim.pt]

The victim is make_zoo.py's (cnn, seed 1, 2 epochs on the owner half): trained here, or loaded
from a make_zoo.py zoo with --victim (the same weights). The data split, recipe (Adam,
one-cycle, max lr 3e-3, batch 128) and exported interface are make_zoo.py's; the attacker uses
the first 15,000 images of the attacker half (as make_zoo.py --size small). Students and
independents of a budget share it exactly: only the targets differ.

Families (manifest: file, role, family, baseline, arch), cheapest first; a rerun keeps the
models already written and the manifest is rewritten after each one, so a partly built zoo can
be measured:
  extract-label / -prob / -adv   4 MLPs each, 2 epochs (adv: FGSM as in make_zoo.py)
  independent                    8 MLPs, 2 epochs, true labels
  extract-pgd                    2 MLPs, 2 epochs of PGD adversarial training on the victim's
                                 hard labels (eps 0.1, 5 steps of 0.025, random start)
  independent-pgd                2 MLPs, the same PGD training on true labels
  extract-label-long             2 MLPs, 20 epochs: they fit the victim's answers on their training
                                 data (fits_victim_train in the log: about 98%)
  independent-long               3 MLPs, 20 epochs, true labels
  finetune-all, finetune-head, prune   one each (cnn): lr 1e-4, lr 1e-3, 30% pruning, as make_zoo.py
Reference models (reference/, not in the manifest): 3 MLPs, 2 epochs on the owner half, true
labels, seeds 3001-3003, for --reference-models. probes/ is make_zoo.py's (the 10,000 test images).
"""
import os
import sys

if __name__ == "__main__" and os.environ.get("PYTHONHASHSEED") != "0":
    os.execve(sys.executable, [sys.executable] + sys.argv,
              dict(os.environ, PYTHONHASHSEED="0", GOMP_SPINCOUNT=os.environ.get("GOMP_SPINCOUNT", "10000")))

import argparse
import time

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_zoo as mz  # noqa: E402

def train(seed, x, y, epochs=mz.EPOCHS, loss_fn=mz.ce_loss):
    torch.manual_seed(seed)
    net = mz.ARCHS["mlp"](10)
    return mz.run_epochs(net, net.parameters(), x, y, epochs, seed, mz.MAX_LR, one_cycle=True, loss_fn=loss_fn)


def write_manifest(out_dir, rows):
    with open(os.path.join(out_dir, "manifest.tsv"), "w") as f:
        f.write("file\trole\tfamily\tbaseline\tarch\n")
        for r in rows:
            f.write("\t".join(r) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out_dir")
    ap.add_argument("--victim", help="victim.pt of a make_zoo.py zoo (else trained here)")
    args = ap.parse_args()
    t0 = time.time()
    torch.set_num_threads(2)
    torch.use_deterministic_algorithms(True)
    os.makedirs(os.path.join(args.out_dir, "reference"), exist_ok=True)

    xtr01, ytr, xte01, yte = mz.load_fmnist()
    xtr = (xtr01 - mz.MEAN) / mz.STD
    perm = torch.randperm(xtr.shape[0], generator=torch.Generator().manual_seed(mz.SPLIT_SEED))
    own, att = perm[: len(perm) // 2], perm[len(perm) // 2:][:15000]
    xo, yo, xa, ya = xtr[own], ytr[own], xtr[att], ytr[att]

    victim = mz.cnn(16, 10)
    if args.victim:
        state = torch.jit.load(args.victim).state_dict()
        victim.load_state_dict({k[len("net."):]: v for k, v in state.items()})
        victim.eval()
    else:
        victim = mz.from_scratch("cnn", 1, xo, yo)
    vlog = mz.logits_of(victim, xa)
    yhard, ysoft = vlog.argmax(1), F.softmax(vlog / mz.KD_TEMPERATURE, dim=1)
    victim_test = mz.predictions(mz.wrap(victim), xte01)

    rows = []

    def emit(net, fname, role, family, baseline, arch="mlp", fit=None):
        s = mz.wrap(net)
        torch.jit.save(s, os.path.join(args.out_dir, fname))
        pred = mz.predictions(s, xte01)
        acc = (pred == yte).float().mean().item()
        agree = (pred == victim_test).float().mean().item()
        if role in ("stolen", "independent", "victim"):
            rows.append((fname, role, family, baseline, arch))
            write_manifest(args.out_dir, rows)  # usable while the rest trains
        extra = ""
        if fit is not None:  # agreement with the victim's answers on the model's training images
            extra = f" fits_victim_train={(mz.logits_of(net, xa).argmax(1) == yhard).float().mean().item():.4f}"
        print(f"{fname:34s} {family:20s} test_acc={acc:.4f} agree_victim={agree:.4f}{extra} "
              f"[{time.time() - t0:.0f}s]", flush=True)

    if os.path.exists(os.path.join(args.out_dir, "victim.pt")):
        rows.append(("victim.pt", "victim", "victim", "", "cnn"))
    else:
        emit(victim, "victim.pt", "victim", "victim", "", "cnn")
    for seed in (3001, 3002, 3003):
        if not os.path.exists(os.path.join(args.out_dir, f"reference/ref_mlp_s{seed}.pt")):
            emit(train(seed, xo, yo), f"reference/ref_mlp_s{seed}.pt", "reference", "reference", "")
    # (family, seeds, targets, epochs, loss, baseline); every model has its own seed, so the
    # order does not change the weights. Cheap families first.
    kd = mz.kd_loss(mz.KD_TEMPERATURE)
    plan = [("extract-label", range(4001, 4005), yhard, mz.EPOCHS, None, "independent"),
            ("extract-prob", range(4005, 4009), ysoft, mz.EPOCHS, kd, "independent"),
            ("extract-adv", range(4009, 4013), yhard, mz.EPOCHS, "fgsm", "independent"),
            ("independent", range(4025, 4033), ya, mz.EPOCHS, None, ""),
            ("extract-pgd", range(4021, 4023), yhard, mz.EPOCHS, "pgd", "independent-pgd"),
            ("independent-pgd", range(4041, 4043), ya, mz.EPOCHS, "pgd", ""),
            ("extract-label-long", range(4013, 4015), yhard, mz.LONG_EPOCHS, None, "independent-long"),
            ("independent-long", range(4033, 4036), ya, mz.LONG_EPOCHS, None, "")]
    for family, seeds, target, epochs, loss, baseline in plan:
        role = "independent" if family.startswith("independent") else "stolen"
        for seed in seeds:
            fn = (mz.fgsm_loss(seed + 7) if loss == "fgsm" else mz.pgd_loss(seed + 7) if loss == "pgd" else
                  loss or mz.ce_loss)
            fname = f"{family}_s{seed}.pt"
            if os.path.exists(os.path.join(args.out_dir, fname)):  # a rerun keeps what is built
                rows.append((fname, role, family, baseline, "mlp"))
                continue
            emit(train(seed, xa, target, epochs, fn), fname, role, family, baseline,
                 fit=role == "stolen" or None)
    for fname, family, build in (
            ("ft_all_lr1e-4.pt", "finetune-all", lambda: mz.finetune_all(victim, 101, 1e-4, xa, ya)),
            ("ft_head_lr1e-3.pt", "finetune-head", lambda: mz.finetune_head(victim, 201, 1e-3, xa, ya)),
            ("prune30.pt", "prune", lambda: mz.prune_and_recover(victim, 0.3, 301, 3e-4, xa, ya))):
        if os.path.exists(os.path.join(args.out_dir, fname)):
            rows.append((fname, "stolen", family, "independent", "cnn"))
        else:
            emit(build(), fname, "stolen", family, "independent", "cnn")
        write_manifest(args.out_dir, rows)
    write_manifest(args.out_dir, rows)
    print(f"done: {len(rows)} models in {time.time() - t0:.0f}s", file=sys.stderr)


if __name__ == "__main__":
    main()
