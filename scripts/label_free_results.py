#!/usr/bin/python3
"""Label-free checks against extraction (issue 17): the pointwise comparisons (cosine, kl), the
matrix ones (rsa, cka), their Tippett combinations and margin against the reference models'
majority, with and without the reference-model selection (--reference-models), on a make_zoo.py
zoo with unlabelled test images as probes. Prints a markdown section: AUC per family and how
many models each comparison calls stolen at its default threshold; and, per comparison, the
farthest weight copy and the nearest independent model (where a default threshold can sit).

Usage: label_free_results.py [--zoo /tmp/zoo17s] [--sacjc build/sacjc] [-j 2] [--cache DIR]
Build the zoo first: scripts/make_zoo.py ZOO --size small|full (probes/ holds the 10,000
Fashion-MNIST test images; reference/ the owner's reference models). Every number comes from
`sacjc evaluate --format json` runs made here (one per selection and combination; the single
comparisons are the combination's parts). A combination is scored against the zoo's own
independent models, each left out of its own fit, and has no default threshold: its "caught"
column counts the models either part calls stolen at its own default (the rule a default for a
combination would follow), marked "either part". No labels are read: labels.csv in probes/ is
never passed. Transfer models answer 5 classes, so the pointwise comparisons cannot judge them
and they are left out.
"""
import argparse
import concurrent.futures
import glob
import hashlib
import json
import os
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WEIGHT_COPIES = ("finetune-all", "finetune-head", "prune")


def selections(zoo, n):
    probes = os.path.join(zoo, "probes")
    refs = sorted(glob.glob(os.path.join(zoo, "reference", "*.pt")))
    disputed = ["--probes", probes, "--reference-models"] + refs
    return [
        (f"all, {n} test images", ["--probes", probes, "-n", str(n)], ("rsa+cosine", "rsa+kl", "cka+cosine")),
        (f"victim-disputed, pool {n}, 1000 kept", disputed + ["--pool", str(n)],
         ("rsa+cosine", "rsa+kl", "rsa+margin")),
        ("victim-disputed, pool 10000, 1000 kept", disputed, ("rsa+cosine", "rsa+kl", "rsa+margin")),
    ]


def evaluate(args, zoo_manifest, extra):
    command = [args.sacjc, "evaluate", os.path.join(args.zoo, "victim.pt"), "--manifest", zoo_manifest,
               "--input-size", "28", "--threads", "1", "--format", "json"] + extra
    key = hashlib.sha256((" ".join(command) + open(zoo_manifest).read()).encode()).hexdigest()[:16]
    cached = os.path.join(args.cache, key + ".json")
    if os.path.exists(cached):
        return json.load(open(cached))
    started = time.time()
    run = subprocess.run(command, capture_output=True, text=True)
    if run.returncode not in (0, 3) or not run.stdout:
        sys.exit(f"sacjc failed ({run.returncode}): {' '.join(command)}\n{run.stderr}")
    print(f"{time.time() - started:6.1f} s  {' '.join(extra[-6:])}", file=sys.stderr)
    report = json.loads(run.stdout)
    json.dump(report, open(cached, "w"))
    return report


def default_threshold(args, compare):
    """The comparison's default, as sacjc reports it (a tiny verify of the zoo's victim)."""
    run = subprocess.run([args.sacjc, "verify", os.path.join(args.zoo, "victim.pt"), os.path.join(args.zoo, "victim.pt"),
                          "-n", "8", "--input-size", "28", "--compare", compare, "--format", "json"],
                         capture_output=True, text=True)
    return json.loads(run.stdout).get("threshold") if run.stdout else None  # an error object has none


def auc(stolen, independent):
    """Mann-Whitney: P(stolen distance < independent distance), ties one half."""
    if not stolen or not independent:
        return None
    wins = sum(1.0 if s < i else 0.5 if s == i else 0.0 for s in stolen for i in independent)
    return wins / (len(stolen) * len(independent))


def score_of(model, compare, combined):
    return model["distance"] if compare == combined else model["parts"][compare]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--zoo", default="/tmp/zoo17s")
    ap.add_argument("--sacjc", default=os.path.join(REPO, "build/sacjc"))
    ap.add_argument("-n", type=int, default=2000, help="unlabelled probes (and the pool of the selection)")
    ap.add_argument("-j", type=int, default=1)
    ap.add_argument("--cache", default="/tmp/label_free_cache")
    args = ap.parse_args()
    os.makedirs(args.cache, exist_ok=True)

    # The same-task models only (transfer models answer 5 classes), and each stolen family's
    # baseline: the independent models trained alike.
    manifest = os.path.join(args.cache, "same-task.tsv")
    baseline = {}
    with open(os.path.join(args.zoo, "manifest.tsv")) as f, open(manifest, "w") as out:
        for number, line in enumerate(f):
            fields = line.rstrip("\n").split("\t")
            if "transfer" in fields[2]:
                continue
            if number > 0:
                fields[0] = os.path.join(args.zoo, fields[0])
                if fields[1] == "stolen":
                    baseline.setdefault(fields[2], fields[3])
            out.write("\t".join(fields) + "\n")
    families = list(baseline)

    jobs = [(name, combined, extra + ["--compare", combined])
            for name, extra, combos in selections(args.zoo, args.n) for combined in combos]
    with concurrent.futures.ThreadPoolExecutor(args.j) as pool:
        reports = list(pool.map(lambda job: evaluate(args, manifest, job[2]), jobs))

    singles = {}
    rows, ranges = [], []
    for (name, combined, _), report in zip(jobs, reports):
        parts = combined.split("+")
        for compare in parts + [combined]:
            if (name, compare) in singles:
                continue
            singles[(name, compare)] = True
            models = [m for m in report["models"] if m.get("distance") is not None]
            indep = [score_of(m, compare, combined) for m in models if m["role"] == "independent"]
            group = lambda family: [score_of(m, compare, combined) for m in models if m["family"] == baseline[family]]
            if compare == combined:
                defaults = {p: default_threshold(args, p) for p in parts}
                called = lambda m: any(defaults[p] is not None and m["parts"][p] < defaults[p] for p in parts)
                rule = "either part"
            else:
                t = default_threshold(args, compare)
                called = lambda m, t=t, c=compare: t is not None and score_of(m, c, combined) < t
                rule = f"{t:g}" if t is not None else "none"
            cells, caught = [], []
            for family in families:
                fam = [m for m in models if m["family"] == family]
                a = auc([score_of(m, compare, combined) for m in fam], group(family))
                cells.append("-" if a is None else f"{a:.2f}")
                caught.append(f"{sum(map(called, fam))}/{len(fam)}")
            false_pos = sum(map(called, [m for m in models if m["role"] == "independent"]))
            rows.append(f"| {name} | {compare} | " + " | ".join(cells) + " | " + rule + " | " + " ".join(caught) +
                        f" | {false_pos}/{len(indep)} |")
            if compare != combined:
                copies = [score_of(m, compare, combined) for m in models if m["family"] in WEIGHT_COPIES]
                ranges.append(f"| {name} | {compare} | {max(copies, default=float('nan')):.4g} | {min(indep):.4g} | "
                              f"{sorted(indep)[len(indep) // 2]:.4g} |")
    commit = subprocess.run(["git", "-C", REPO, "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    print(f"Zoo: `{args.zoo}`; sacjc `{args.sacjc}` at commit {commit}; {time.strftime('%Y-%m-%d')}. "
          f"Made by `scripts/label_free_results.py --zoo {args.zoo} -n {args.n}`.\n")
    print("| selection | comparison | " + " | ".join(families) + " | default | caught at the default (same order) "
          "| independent called stolen |")
    print("|" + "---|" * (len(families) + 5))
    print("\n".join(rows))
    print("\n| selection | comparison | farthest weight copy | nearest independent | median independent |")
    print("|---|---|---|---|---|")
    print("\n".join(ranges))


if __name__ == "__main__":
    main()
