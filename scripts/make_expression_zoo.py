#!/usr/bin/python3
"""Build a zoo of real face-expression classifiers (TorchScript + manifest.tsv) for SAC-JC in
logits mode (issue 15: face models out of the box).

Usage:
  /usr/bin/python3 scripts/make_expression_zoo.py CACHE OUT_DIR [--threads 1] [--seed 0]

CACHE is the directory filled by scripts/fetch_face_models.sh. Nothing is downloaded.
Everything (models, manifest) goes to OUT_DIR, which must be outside the repository: the
training crops come from the packages' demo photos of real people (kept in memory only).

Models (every one takes N x 3 x H x W RGB in [0,1], any size, resizes internally, and returns
N x 7 logits):
  victim.pt                      victim   face-api's FaceExpressionNet (convert_face_expression.py,
                                          checked against TF.js), 112x112, 7 logits
  stolen_finetune_lr{1e-4,1e-3}.pt        all layers fine-tuned (Adam) with cross-entropy on the
                                          victim's own pseudo-labels (argmax on each augmented
                                          crop before training), 2 learning rates
  stolen_prune{30,50}.pt                  magnitude pruning per layer, no retraining
  stolen_noise{005,010}.pt                Gaussian weight noise, std 0.05 / 0.1 x each tensor's std
  stolen_cast_{fp16,bf16}.pt              weights cast and back to fp32
  stolen_distill_{smallfacenet,dwfacenet}_s0.pt, stolen_distill_smallfacenet_s1.pt
                                          students of the victim's logits (make_face_zoo.distill:
                                          MSE + cosine on centred, scaled logits) at 64x64 on a pool
                                          of augmented crops (3/4 faces, 1/4 natural crops)
  indep_emotion.pt               independent  human-models' `emotion` (oarriaga mini-Xception,
                                          FER-2013 classes, 64x64 gray; convert_tfjs_graph.py,
                                          checked against TF.js); its 7 logits, in its own class
                                          order (angry, disgust, fear, happy, sad, surprise,
                                          neutral): sacjc compares sample-to-sample correlation
                                          matrices, so class order does not matter
  indep_distill_emotion_{smallfacenet,dwfacenet}_s0.pt
                                          students of emotion with exactly the victim students'
                                          recipe (same pool, steps, architectures, seed 0)
Manifest columns: file, role, family, baseline (independent group for stolen rows), arch.
The printout gives each model's top-1 agreement with its teacher and the structure (Pearson
correlation of pairwise cosines of the logits) on 64 held-out augmented face crops.
Measured 2026-12-02 (--threads 1, on a 2-core machine busy with another job): 855 s in all,
conversions and weight copies 17 s, the two fine-tunes 95 s, the 5 students 731 s.
Results: docs/face-results.md, "Expression classifier (logits)".
"""
import argparse
import os
import subprocess
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import make_face_zoo as Z  # noqa: E402  (data, weight-copy attacks, distill, students)

CFG = dict(pool=1024, st_steps=500, st_batch=32, st_size=64, ft_steps=60, ft_batch=32)
SIZE = 112   # crop size: the victim's input


def finetune_pseudo(victim_path, photos, faces, seed, lr):
    """All layers, Adam, cross-entropy on the frozen victim's argmax for each augmented crop
    (3/4 face crops, 1/4 natural crops)."""
    torch.manual_seed(seed)
    rng = np.random.RandomState(seed)
    teacher = torch.jit.load(victim_path)
    m = torch.jit.load(victim_path)
    m.train()
    opt = torch.optim.Adam(m.parameters(), lr=lr)
    for step in range(CFG["ft_steps"]):
        x = Z.to_tensor([Z.aug_face(rng, photos, faces[rng.randint(len(faces))], SIZE) if i % 4
                         else Z.aug_natural(rng, photos, SIZE) for i in range(CFG["ft_batch"])])
        with torch.no_grad():
            y = teacher(x).argmax(1)
        logits = m(x)
        loss = F.cross_entropy(logits, y)
        opt.zero_grad()
        loss.backward()
        opt.step()
        if step % 20 == 0 or step == CFG["ft_steps"] - 1:
            acc = (logits.argmax(1) == y).float().mean().item()
            print("  finetune lr %g step %d loss %.4f acc %.2f" % (lr, step, loss.item(), acc),
                  flush=True)
    m.eval()
    return m


def convert(cache, out):
    """victim.pt and indep_emotion.pt, each converted and checked against its TF.js output."""
    py = sys.executable
    victim = os.path.join(out, "victim.pt")
    emotion = os.path.join(out, "indep_emotion.pt")
    subprocess.check_call([py, os.path.join(HERE, "convert_face_expression.py"),
                           os.path.join(cache, "package"), victim, "--check"])
    subprocess.check_call([py, os.path.join(HERE, "convert_tfjs_graph.py"), "emotion",
                           os.path.join(cache, "human-models", "models"), emotion, "--check"])
    return victim, emotion


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("cache")
    ap.add_argument("out_dir")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    out = args.out_dir
    os.makedirs(out, exist_ok=True)
    t0 = time.time()
    victim, emotion = convert(args.cache, out)
    rows = [("victim.pt", "victim", "victim", "", "face-api-expression"),
            ("indep_emotion.pt", "independent", "independent", "", "mini-xception")]
    photos, faces = Z.load_faces(args.cache)
    print("%d photos, %d faces (%.0fs)" % (len(photos), len(faces), time.time() - t0), flush=True)

    rng_e = np.random.RandomState(12345)
    x_eval = Z.to_tensor([Z.aug_face(rng_e, photos, faces[i % len(faces)], SIZE)
                          for i in range(64)])
    teachers = {"victim": torch.jit.load(victim), "emotion": torch.jit.load(emotion)}
    y_eval = {k: Z.embed(m, x_eval) for k, m in teachers.items()}

    def save(make, fname, role, family, arch, teacher="victim"):
        m = make()
        m.eval()
        torch.jit.save(m, os.path.join(out, fname))
        rows.append((fname, role, family, "independent" if role == "stolen" else "", arch))
        e = Z.embed(m, x_eval)
        agree = (e.argmax(1) == y_eval[teacher].argmax(1)).float().mean().item()
        print("wrote %-40s %-11s %-9s vs %s: top-1 agreement %.3f structure %.3f at %.0fs"
              % (fname, role, family, teacher, agree, Z.structure(e, y_eval[teacher]),
                 time.time() - t0), flush=True)

    # weight copies of the victim
    for frac in (30, 50):
        save(lambda: Z.prune(victim, frac / 100.0), "stolen_prune%d.pt" % frac, "stolen",
             "prune", "face-api-expression")
    for i, level in enumerate((0.05, 0.1)):
        save(lambda: Z.noise(victim, level, args.seed + 10 + i),
             "stolen_noise%03d.pt" % round(level * 100), "stolen", "noise", "face-api-expression")
    save(lambda: Z.half(victim), "stolen_cast_fp16.pt", "stolen", "cast", "face-api-expression")
    save(lambda: Z.bf16(victim), "stolen_cast_bf16.pt", "stolen", "cast", "face-api-expression")
    for i, (lr, tag) in enumerate(((1e-4, "1e-4"), (1e-3, "1e-3"))):
        save(lambda: finetune_pseudo(victim, photos, faces, args.seed + 1 + i, lr),
             "stolen_finetune_lr%s.pt" % tag, "stolen", "finetune", "face-api-expression")

    # distillation pool: 3/4 augmented face crops, 1/4 natural crops; teachers' logits of it
    rng = np.random.RandomState(args.seed + 2)
    crops = [Z.aug_face(rng, photos, faces[rng.randint(len(faces))], SIZE) if i % 4 else
             Z.aug_natural(rng, photos, SIZE) for i in range(CFG["pool"])]
    x_pool = Z.to_tensor(crops)
    del crops
    y_pool = {k: Z.embed(m, x_pool) for k, m in teachers.items()}
    size = CFG["st_size"]
    x_small = F.interpolate(x_pool, size=[size, size], mode="bilinear", align_corners=False)
    del x_pool
    print("pool of %d crops, teachers' logits at %.0fs" % (CFG["pool"], time.time() - t0),
          flush=True)
    # every student: the same recipe, pool and budget; only the teacher (and the seed) differs
    for arch, aname, seeds in ((Z.SmallFaceNet, "smallfacenet", (0, 1)),
                               (Z.DWFaceNet, "dwfacenet", (0,))):
        for s in seeds:
            save(lambda: Z.distill(x_small, y_pool["victim"], CFG, 100 + s, arch, size),
                 "stolen_distill_%s_s%d.pt" % (aname, s), "stolen", "distill", aname)
        save(lambda: Z.distill(x_small, y_pool["emotion"], CFG, 100, arch, size),
             "indep_distill_emotion_%s_s0.pt" % aname, "independent", "independent", aname,
             "emotion")

    with open(os.path.join(out, "manifest.tsv"), "w") as f:
        f.write("file\trole\tfamily\tbaseline\tarch\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    print("done: %d models in %.0fs; manifest %s"
          % (len(rows), time.time() - t0, os.path.join(out, "manifest.tsv")))


if __name__ == "__main__":
    main()
