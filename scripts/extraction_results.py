#!/usr/bin/python3
"""The extraction table of docs/manual.md ("Catching extraction"): every probe selection crossed
with every comparison on the full Fashion-MNIST zoo, AUC per attack family.

Usage: extraction_results.py [--zoo /tmp/zoo-full] [--sacjc build/sacjc] [-j 2]
                             [--out docs/extraction-results.md]
Build the zoo first: scripts/make_zoo.py /tmp/zoo-full --size full (its probes/ folder holds
the 10,000 Fashion-MNIST test images and labels.csv). Every number comes from a
`sacjc evaluate --format json` run made here: one run per selection and comparison (a
combination scores each model against the zoo's independent models, each left out of its own
fit). Transfer models answer another task (5 classes), so agree and the combinations cannot
judge them: their cells are "-".
"""
import argparse
import concurrent.futures
import json
import os
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COMPARES = ("mad", "rsa", "cka", "agree", "mad+agree", "rsa+agree", "cka+agree")
LABELLED = ("margin", "rsa+margin", "cka+margin")  # need the probes' true labels
FAMILIES = ("finetune-all", "finetune-head", "prune", "transfer", "extract-label", "extract-prob", "extract-adv")


def selections(zoo):
    """(name, flags, labelled) per probe selection."""
    probes = os.path.join(zoo, "probes")
    labels = os.path.join(probes, "labels.csv")
    return [
        ("all, built-in probes (default)", ["-n", "256"], False),
        ("all, Fashion-MNIST test images", ["--probes", probes, "-n", "1000"], False),
        ("victim-uncertain, built-in pool", ["--select", "victim-uncertain", "-n", "100"], False),
        ("victim-uncertain, Fashion-MNIST pool", ["--probes", probes, "--select", "victim-uncertain", "-n", "1000"], False),
        ("victim-wrong, Fashion-MNIST + labels, n 400", ["--probes", probes, "--labels", labels, "-n", "400"], True),
        ("victim-wrong, Fashion-MNIST + labels", ["--probes", probes, "--labels", labels, "-n", "1000"], True),
    ]


def evaluate(args, extra):
    command = [args.sacjc, "evaluate", os.path.join(args.zoo, "victim.pt"), "--manifest",
               os.path.join(args.zoo, "manifest.tsv"), "--input-size", "28", "--threads", "1",
               "--format", "json"] + extra
    started = time.time()
    run = subprocess.run(command, capture_output=True, text=True)
    if run.returncode not in (0, 3) or not run.stdout:
        sys.exit(f"sacjc failed ({run.returncode}): {' '.join(command)}\n{run.stderr}")
    print(f"{time.time() - started:6.1f} s  {' '.join(extra)}", file=sys.stderr)
    return json.loads(run.stdout)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--zoo", default="/tmp/zoo-full")
    ap.add_argument("--sacjc", default=os.path.join(REPO, "build/sacjc"))
    ap.add_argument("-j", type=int, default=2)
    ap.add_argument("--out", default=os.path.join(REPO, "docs/extraction-results.md"))
    args = ap.parse_args()

    jobs = [(name, compare, extra + ["--compare", compare])
            for name, extra, labelled in selections(args.zoo)
            for compare in COMPARES + (LABELLED if labelled else ())]
    with concurrent.futures.ThreadPoolExecutor(args.j) as pool:
        reports = list(pool.map(lambda job: evaluate(args, job[2]), jobs))

    lines = [f"Zoo: `{args.zoo}`; sacjc: `{args.sacjc}`; {time.strftime('%Y-%m-%d')}. "
             "AUC of each stolen family against the independent models (16, or 8 for transfer); "
             "1.0 is perfect separation, 0.5 is chance. Made by `scripts/extraction_results.py`.", ""]
    header = "| selection | comparison | " + " | ".join(FAMILIES) + " |"
    lines += [header, "|" + "---|" * (len(FAMILIES) + 2)]
    for (name, compare, _), report in zip(jobs, reports):
        auc = {f["family"]: f["auc"] for f in report["families"] if f["role"] == "stolen"}
        cells = ["-" if auc.get(f) is None else f"{auc[f]:.2f}" for f in FAMILIES]
        lines.append(f"| {name} | {compare} | " + " | ".join(cells) + " |")
    text = "\n".join(lines) + "\n"
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w") as f:
        f.write("# Catching extraction: selection x comparison\n\n" + text)
    print(text)


if __name__ == "__main__":
    main()
