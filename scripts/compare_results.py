#!/usr/bin/python3
"""The comparison table of docs/manual.md ("Choosing the comparison"): every zoo the project has,
in each mode that fits it, with each comparison (mad, rsa, cka), at the default probes.

Usage: compare_results.py [--small build/zoo] [--full /tmp/zoo-full] [--face /tmp/sacjc-face]
                          [--sacjc build/sacjc] [--out docs/comparison-results.md]
Zoos that are missing are skipped with a note (build them with scripts/make_zoo.py and
scripts/face_results.sh). Per zoo, mode and comparison: AUC and Welch p-value per stolen
family against its independent group, the nearest independent model, the farthest copy of
the families that keep the victim's weights, and F1 at each comparison's default threshold.
Every number comes from a `sacjc evaluate` run made here.
"""
import argparse
import json
import os
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COMPARES = ("mad", "rsa", "cka")
# Families whose copies keep the victim's weights (what a threshold must catch).
WEIGHT_COPIES = {"finetune-all", "finetune-head", "prune", "half", "finetune", "stolen"}


def evaluate(sacjc, victim, selection, extra):
    command = [sacjc, "evaluate", victim, "--format", "json"] + selection + extra
    started = time.time()
    run = subprocess.run(command, capture_output=True, text=True)
    if run.returncode not in (0, 3) or not run.stdout:
        sys.exit(f"sacjc failed ({run.returncode}): {' '.join(command)}\n{run.stderr}")
    print(f"{time.time() - started:6.1f} s  {os.path.basename(victim)} {' '.join(extra)}", file=sys.stderr)
    return json.loads(run.stdout)


def number(value, pattern="{:.2f}"):
    return "-" if value is None else pattern.format(value)


def rows_for(report):
    stolen = [f for f in report["families"] if f["role"] == "stolen"]
    models = [m for m in report["models"] if m["distance"] is not None]
    independent = [m["distance"] for m in models if m["role"] == "independent"]
    copies = [m["distance"] for m in models if m["role"] == "stolen" and m["family"] in WEIGHT_COPIES]
    caught = sum(f["at_threshold"]["true_positives"] for f in stolen)
    total = sum(f["models"] for f in stolen)
    false_pos = sum(1 for d in independent if d < report["threshold"])
    return stolen, {
        "nearest independent": number(min(independent, default=None), "{:.4f}"),
        "farthest weight copy": number(max(copies, default=None), "{:.4f}"),
        "default threshold": number(report["threshold"], "{:.3f}"),
        "caught / FP at default": f"{caught}/{total} / {false_pos}",
        "models that failed": str(sum(1 for m in report["models"] if m["distance"] is None)),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sacjc", default=os.path.join(REPO, "build/sacjc"))
    ap.add_argument("--small", default=os.path.join(REPO, "build/zoo"))
    ap.add_argument("--full", default="/tmp/zoo-full")
    ap.add_argument("--face", default="/tmp/sacjc-face")
    ap.add_argument("--out")
    args = ap.parse_args()
    demo = os.path.join(REPO, "data/demo")
    zoos = [
        ("demo", os.path.join(demo, "victim.pt"),
         ["--stolen", os.path.join(demo, "stolen.pt"), "--independent", os.path.join(demo, "independent.pt")],
         [], ("logits", "fri")),
        ("small Fashion-MNIST zoo", os.path.join(args.small, "victim.pt"),
         ["--manifest", os.path.join(args.small, "manifest.tsv")], [], ("logits", "fri")),
        ("full Fashion-MNIST zoo", os.path.join(args.full, "victim.pt"),
         ["--manifest", os.path.join(args.full, "manifest.tsv")], [], ("logits", "fri")),
        ("face zoo (real dlib and faceres descriptors)", os.path.join(args.face, "zoo/victim_dlib.pt"),
         ["--manifest", os.path.join(args.face, "zoo/manifest.tsv")],
         ["--probes", os.path.join(args.face, "probes"), "--input-size", "150"], ("embedding", "fri")),
    ]
    out = ["Distances to the victim per zoo, mode and comparison (`sacjc evaluate`, default probes and "
           "quality). Cells: AUC (Welch p-value) per stolen family against its independent group.", ""]
    for name, victim, selection, extra, modes in zoos:
        if not os.path.exists(victim):
            out += [f"### {name}", "", f"not measured: {victim} is missing", ""]
            continue
        table, families = [], None
        for mode in modes:
            for compare in COMPARES:
                report = evaluate(args.sacjc, victim, selection, extra + ["--mode", mode, "--compare", compare])
                stolen, summary = rows_for(report)
                families = [f["family"] for f in stolen]
                cells = [f"{number(f['auc'])} ({number(f.get('p_value'), '{:.2g}')})" for f in stolen]
                table.append([mode, compare] + cells + list(summary.values()))
                head = list(summary.keys())
        out += [f"### {name}", "", "| mode | compare | " + " | ".join(families + head) + " |",
                "| --- " * (2 + len(families) + len(head)) + "|"]
        out += ["| " + " | ".join(row) + " |" for row in table] + [""]
    text = "\n".join(out)
    if args.out:
        with open(args.out, "w") as f:
            f.write("# Comparisons measured\n\nReproduce: `scripts/compare_results.py --out "
                    "docs/comparison-results.md` (zoos: see the script's header).\n\n" + text)
    print(text)


if __name__ == "__main__":
    main()
